"""A map of China's and Russia's regions as SVG, drawn on the server.

The caller (a content app, which knows its records) gives ``Area``s: a region's name,
address, figure and shading, and the ISO 3166-2 codes of the shapes that draw it (its
own code, or its members' for a macro-region). ``draw()`` gives the context of
``includes/map.html``: every shape of both countries as background, each area's shapes
as one link with a ``<title>``, a legend, and the same figures in a table. A shape is
drawn for the first area that claims it (callers put the most specific first), and an
area left with no shape of its own is listed beside the map instead.

``render_map()`` renders it once per content version and language (``web.cache``),
for as long as a page may be (the next scheduled go-live or expiry).
"""

import contextlib
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from web.cache import content_version, page_cache, seconds_valid

from .shapes import boundaries

# A shape smaller than this (user units, either side) also gets a dot, so that
# Moscow or Shanghai can be seen and pointed at.
SMALL = 10
DOT_RADIUS = 6


@dataclass(frozen=True)
class Area:
    name: str
    url: str
    figure: str  # what the page says of it, e.g. "3 enterprises listed"
    shade: str  # a legend key; the stylesheet colours ``map__area--<shade>``
    codes: tuple = ()  # ISO 3166-2 codes of the shapes that draw it
    marked: bool = False  # outlined (e.g. a guest of honour)


@dataclass(frozen=True)
class Key:
    """A legend entry."""

    shade: str
    label: str
    marked: bool = False


@dataclass
class Drawn:
    area: Area
    paths: list
    dots: list = field(default_factory=list)


def draw(areas, legend, *, map_id, title, caption=""):
    data = boundaries()
    shapes = data["shapes"]
    claimed, drawn, rows = set(), [], []
    for area in areas:
        own = [code for code in dict.fromkeys(area.codes) if code in shapes]
        own = [code for code in own if code not in claimed]
        claimed.update(own)
        if own:
            dots = []
            for code in own:
                x0, y0, x1, y1 = shapes[code]["box"]
                if x1 - x0 < SMALL and y1 - y0 < SMALL:
                    dots.append(((x0 + x1) // 2, (y0 + y1) // 2))
            drawn.append(Drawn(area, [shapes[code]["d"] for code in own], dots))
        rows.append((area, bool(own)))
    # The legend explains only what is drawn.
    shades = {item.area.shade for item in drawn}
    marked = any(item.area.marked for item in drawn)
    legend = [key for key in legend if key.shade in shades or (key.marked and marked)]
    countries = {}
    for code, shape in shapes.items():
        if code not in claimed:
            countries.setdefault(code[:2], []).append(shape["d"])
    return {
        "map_id": map_id,
        "title": title,
        "caption": caption,
        "view_box": " ".join(str(value) for value in data["view_box"]),
        "width": data["view_box"][2],
        "height": data["view_box"][3],
        "background": [("".join(paths), code.lower()) for code, paths in sorted(countries.items())],
        "land": data["land"],
        "drawn": drawn,
        "rows": rows,
        "legend": legend,
        "dot_radius": DOT_RADIUS,
    }


def render_map(key, build):
    """The map's HTML, from the cache or from ``build()`` (its ``draw()`` context, or
    None for no map: then "")."""
    cache = page_cache()
    version = content_version()
    cache_key = f"maps:{version}:{get_language()}:{key}"
    with contextlib.suppress(Exception):  # the shared cache is down: draw it anew
        html = cache.get(cache_key)
        if html is not None:
            return mark_safe(html)
    context = build()
    html = render_to_string("includes/map.html", context) if context else ""
    with contextlib.suppress(Exception):
        cache.set(cache_key, str(html), seconds_valid(version))
    return mark_safe(html)
