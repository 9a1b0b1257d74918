"""Filters for the public lists: GET parameters, so a filtered list is a shareable URL.

Related records are chosen by slug (``?sector=energy``), which reads well in a link.
Every field validates before the database sees the value: an unknown slug, a
year that is not a number or a value with a NUL byte is a form error, not a query.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cooperation.filters import MAX_YEAR, MIN_YEAR, filter_in_region, slug_choice
from cooperation.models import City, Country, Region
from publishing.models import live_choices
from web.filters import contains_in_any_language

from .models import Enterprise, Exhibition, ExhibitionSeries, Forum, ForumSeries, Sector


class YearFilter(django_filters.Filter):
    """A whole year, e.g. 2019, matched against a date field."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("min_value", MIN_YEAR)
        kwargs.setdefault("max_value", MAX_YEAR)
        kwargs.setdefault("label", _("Year"))
        super().__init__(*args, **kwargs)


class EnterpriseFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(
        method="filter_name", label=_("Name or region contains"), max_length=100
    )
    country = slug_choice(Country.objects.all(), _("Country"), _("Any country"))
    region = slug_choice(
        live_choices(Region, "country"), _("Region"), _("Any region"), method="filter_region"
    )
    sector = slug_choice(live_choices(Sector), _("Sector"), _("Any sector"))
    exhibition = slug_choice(
        live_choices(Exhibition),
        _("Exhibition"),
        _("Any exhibition"),
        field_name="exhibitions",
    )

    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[("name", _("Name")), ("country", _("Country")), ("region", _("Region"))],
        empty_label=_("Name"),
        method="sort_by",
    )

    class Meta:
        model = Enterprise
        fields = ["name", "country", "region", "sector", "exhibition", "sort"]

    def filter_name(self, queryset, name, value):
        """Match the enterprise's or its region's name, in any of the site's languages.

        "Yakutia" finds the enterprises of the Republic of Sakha (Yakutia); a region
        not yet published is not matched.
        """
        live_regions = Region.objects.published().filter(contains_in_any_language("name", value))
        # The few matching regions as a list, not a subquery: PostgreSQL can then combine
        # the trigram indexes on the names with the region index instead of reading
        # every enterprise (expo migration 0005).
        region_ids = list(live_regions.values_list("pk", flat=True))
        return queryset.filter(contains_in_any_language(name, value) | Q(region__in=region_ids))

    # ?sort=country: the orders a reader can choose, each ending in name and slug so that
    # pages never overlap. Names are the reader's language (modeltranslation).
    SORTS = {
        "name": ("name", "slug"),
        "country": ("country__name", "name", "slug"),
        "region": ("region__name", "name", "slug"),
    }

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*self.SORTS[value])

    # ``?region=northeast-china`` finds the enterprises of Heilongjiang, as the region's
    # page lists them; a region that is not live hides those below it.
    filter_region = filter_in_region("region")


class ExhibitionFilter(django_filters.FilterSet):
    year = YearFilter(field_name="start_date")
    city = slug_choice(live_choices(City), _("City"), _("Any city"))
    country = slug_choice(
        Country.objects.all(), _("Country"), _("Any country"), field_name="city__region__country"
    )
    series = slug_choice(live_choices(ExhibitionSeries), _("Series"), _("Any series"))

    class Meta:
        model = Exhibition
        fields = ["year", "city", "country", "series"]


class ForumFilter(django_filters.FilterSet):
    year = YearFilter(field_name="date")
    series = slug_choice(live_choices(ForumSeries), _("Series"), _("Any series"))

    class Meta:
        model = Forum
        fields = ["year", "series"]
