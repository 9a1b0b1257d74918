"""Filters for the public lists: GET parameters, so a filtered list is a shareable URL.

Related records are chosen by slug (``?country=china``), which reads well in a
link and stays the same across databases.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from publishing.models import live_choices
from web.filters import SlugChoiceFilter, contains_in_any_language

from .models import (
    City,
    CooperationAssessment,
    CooperationMechanism,
    Council,
    Country,
    Region,
    RegionKind,
    TradeFigure,
)

# Years outside this range cannot be in the data (the database checks trade years the
# same way), and a huge number would overflow the date arithmetic of a year lookup.
MIN_YEAR, MAX_YEAR = 1900, 2100


class RegionFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(method="filter_name", label=_("Name contains"), max_length=100)
    country = SlugChoiceFilter(
        queryset=Country.objects.all(), label=_("Country"), empty_label=_("Any country")
    )
    kind = django_filters.ChoiceFilter(
        choices=RegionKind.choices, label=_("Kind"), empty_label=_("Any kind")
    )

    class Meta:
        model = Region
        fields = ["name", "country", "kind"]

    def filter_name(self, queryset, name, value):
        """Match the name in any of the site's languages: "Якутия", "Sakha", "萨哈"."""
        return queryset.filter(contains_in_any_language(name, value))


def slug_choice(queryset, label, empty_label, **kwargs):
    """A related record chosen by its slug; an unknown slug is a form error."""
    return SlugChoiceFilter(queryset=queryset, label=label, empty_label=empty_label, **kwargs)


class NameFilterSet(django_filters.FilterSet):
    """A list searched by name in any of the site's languages."""

    name = django_filters.CharFilter(method="filter_name", label=_("Name contains"), max_length=100)

    def filter_name(self, queryset, name, value):
        return queryset.filter(contains_in_any_language(name, value))


def filter_in_region(field_name):
    """A filter method: records in the region or in any live region inside it."""

    def method(self, queryset, name, value):
        ids = Region.objects.live_subtree_ids(value)
        return queryset.filter(**{f"{field_name}__in": ids})

    return method


class CountryFilter(NameFilterSet):
    class Meta:
        model = Country
        fields = ["name"]


class CityFilter(NameFilterSet):
    country = slug_choice(
        Country.objects.all(), _("Country"), _("Any country"), field_name="region__country"
    )
    region = slug_choice(
        live_choices(Region, "country"), _("Region"), _("Any region"), method="filter_region"
    )

    class Meta:
        model = City
        fields = ["name", "country", "region"]

    filter_region = filter_in_region("region")


class MechanismFilter(NameFilterSet):
    region = slug_choice(
        live_choices(Region, "country"), _("Region"), _("Any region"), method="filter_region"
    )

    class Meta:
        model = CooperationMechanism
        fields = ["name", "region"]

    def filter_region(self, queryset, name, value: Region):
        """Mechanisms that pair the region, a region it lies within or one inside it."""
        ids = {*Region.objects.live_subtree_ids(value), *(r.pk for r in value.ancestors())}
        return queryset.filter(Q(chinese_region__in=ids) | Q(russian_region__in=ids))


class CouncilFilter(NameFilterSet):
    class Meta:
        model = Council
        fields = ["name"]


class TradeFigureFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(
        label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR, field_name="year"
    )

    class Meta:
        model = TradeFigure
        fields = ["year"]


class AssessmentFilter(django_filters.FilterSet):
    title = django_filters.CharFilter(
        method="filter_title", label=_("Title contains"), max_length=100
    )

    class Meta:
        model = CooperationAssessment
        fields = ["title"]

    def filter_title(self, queryset, name, value):
        return queryset.filter(contains_in_any_language(name, value))
