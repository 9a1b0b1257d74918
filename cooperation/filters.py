"""Filters for the public lists: GET parameters, so a filtered list is a shareable URL.

Related records are chosen by slug (``?country=china``), which reads well in a
link and stays the same across databases.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import contains_in_any_language

from .models import Country, Region, RegionKind


class RegionFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(method="filter_name", label=_("Name contains"), max_length=100)
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.all(),
        to_field_name="slug",
        label=_("Country"),
        empty_label=_("Any country"),
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
