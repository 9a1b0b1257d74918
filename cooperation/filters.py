"""Filters for the public lists: GET parameters, so a filtered list is a shareable URL.

Related records are chosen by slug (``?country=china``), which reads well in a
link and stays the same across databases.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Country, Region, RegionKind


class RegionFilter(django_filters.FilterSet):
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
        fields = ["country", "kind"]
