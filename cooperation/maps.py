"""What the cooperation pages put on a map (``maps.drawing``): which regions, how shaded.

A region is drawn by its own ISO 3166-2 shape; a region without one (a macro-region,
a federal district) by the shapes of its live regions at any depth, as recorded; with
none recorded it is listed beside the map instead.
"""

from django.utils.translation import gettext, pgettext

from maps.drawing import Area, Key, draw, render_map
from publishing.models import live_or_none

from .models import Region, RegionTree

PAIR_SHADES = 4  # the stylesheet has colours for this many mechanisms


def shape_codes(regions, tree=None):
    """``{region.pk: (iso codes, ...)}``: its own code, or those of its live parts.

    Two queries whatever the number of regions (the tree unless given, and the codes)."""
    tree = tree or RegionTree.load()
    codes = dict(Region.objects.exclude(iso_code="").values_list("pk", "iso_code"))
    result = {}
    for region in regions:
        if region.iso_code:
            result[region.pk] = (region.iso_code,)
        else:
            inside = tree.subtree(region.pk) - {region.pk}
            result[region.pk] = tuple(sorted(codes[pk] for pk in inside if pk in codes))
    return result


def region_map(region):
    """The region and the live regions it lies within, the region itself darkest."""

    def build():
        regions = [region, *region.ancestors()]
        codes = shape_codes(regions, region.tree())
        areas = [
            Area(
                region.name,
                region.get_absolute_url(),
                gettext("this region"),
                "self",
                codes[region.pk],
            )
        ]
        figure = gettext("%(region)s lies within it") % {"region": region.name}
        for larger in regions[1:]:
            areas.append(
                Area(larger.name, larger.get_absolute_url(), figure, "within", codes[larger.pk])
            )
        legend = [Key("self", gettext("this region"))]
        if len(regions) > 1:
            legend.append(Key("within", gettext("a larger region it lies within")))
        title = gettext("%(region)s on the map") % {"region": region.name}
        return draw(areas, legend, map_id="region-map", title=title)

    return render_map(f"region:{region.pk}", build)


def mechanisms_map(mechanisms):
    """Each mechanism's two regions in a colour of their own (the first four)."""
    mechanisms = list(mechanisms)

    def build():
        pairs = []
        for index, mechanism in enumerate(mechanisms):
            sides = [live_or_none(mechanism.chinese_region), live_or_none(mechanism.russian_region)]
            pairs.append((f"pair{index % PAIR_SHADES + 1}", mechanism, [s for s in sides if s]))
        codes = shape_codes(region for _shade, _mechanism, sides in pairs for region in sides)
        areas, legend = [], []
        for shade, mechanism, sides in pairs:
            # Translators: a region's part on the mechanisms map, e.g. "in: Yangtze - Volga".
            figure = pgettext("mechanism map", "in: %(mechanism)s") % {"mechanism": mechanism.name}
            for side in sides:
                url = side.get_absolute_url()
                areas.append(Area(side.name, url, figure, shade, codes[side.pk]))
            legend.append(Key(shade, mechanism.name))
        title = gettext("The regions of the cooperation mechanisms")
        return draw(areas, legend, map_id="mechanisms-map", title=title)

    key = ",".join(str(mechanism.pk) for mechanism in mechanisms)
    return render_map(f"mechanisms:{key}", build)
