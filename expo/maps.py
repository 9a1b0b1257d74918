"""The exhibition page's map (``maps.drawing``): the enterprises listed from each region,
and the guests of honour outlined.

Counts are of the live enterprises in the directory linked to the exhibition whose
region is live, shaded in three steps of the largest count; a guest of honour with no
enterprise listed is shaded on its own.
"""

import math

from django.db.models import Count
from django.utils.translation import gettext, ngettext, pgettext

from cooperation.maps import shape_codes
from cooperation.models import Region
from maps.drawing import Area, Key, draw, render_map

from .models import Enterprise

STEPS = 3


def _listed(count):
    return ngettext("%(count)s enterprise listed", "%(count)s enterprises listed", count) % {
        "count": count
    }


def _range(low, high):
    if low == high:
        return _listed(high)
    return ngettext(
        "%(low)s–%(high)s enterprise listed", "%(low)s–%(high)s enterprises listed", high
    ) % {"low": low, "high": high}


def _steps(top):
    """The legend's ranges: ``[(shade, low, high), ...]`` for counts up to ``top``."""
    steps, low = [], 1
    for step in range(1, STEPS + 1):
        high = math.ceil(top * step / STEPS)
        if high >= low:
            steps.append((f"count{step}", low, high))
            low = high + 1
    return steps


def exhibition_map(exhibition):
    def build():
        """None if no region has a figure: the page shows no map."""
        counts = dict(
            Enterprise.objects.published()
            .filter(exhibitions=exhibition, region__isnull=False)
            .order_by()  # the default ordering would split the groups
            .values("region")
            .annotate(count=Count("pk", distinct=True))
            .values_list("region", "count")
        )
        guests = set(exhibition.guests_of_honour.values_list("region", flat=True))
        regions = Region.objects.published().filter(pk__in=set(counts) | guests)
        if not regions:
            return None
        regions = sorted(regions, key=lambda region: (-counts.get(region.pk, 0), region.name))
        codes = shape_codes(regions)
        steps = _steps(max(counts.values(), default=0))
        areas = []
        for region in regions:
            count = counts.get(region.pk, 0)
            parts = [_listed(count)] if count else []
            if region.pk in guests:
                parts.append(gettext("guest of honour"))
            shade = next((s for s, low, high in steps if low <= count <= high), "guest")
            figure = pgettext("list separator", ", ").join(parts)
            url = region.get_absolute_url()
            marked = region.pk in guests
            areas.append(Area(region.name, url, figure, shade, codes[region.pk], marked))
        legend = [Key(shade, _range(low, high)) for shade, low, high in steps]
        if guests:
            legend.append(Key("guest", gettext("guest of honour (outlined)"), marked=True))
        title = gettext("Regions at the %(exhibition)s") % {"exhibition": exhibition.name}
        return draw(areas, legend, map_id="exhibition-map", title=title)

    return render_map(f"exhibition:{exhibition.pk}", build)
