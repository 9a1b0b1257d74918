"""From TopoJSON admin-1 boundaries to the compact SVG paths of ``data/regions.json``.

Used only by ``manage.py build_map_shapes``; the site reads the committed output.

The steps: decode the quantised, delta-encoded arcs (the TopoJSON "transform"); shift
longitudes west of 30°W by 360° so that Chukotka, which crosses the 180th meridian,
stays in one piece; project with an Albers equal-area conic centred on 100°E (standard
parallels 30°N and 62°N), which keeps both countries' shapes and relative sizes; fit
the result to ``WIDTH`` user units; simplify each arc with Douglas-Peucker before the
arcs are joined into rings, so that neighbours keep a common border; round to whole
units and write each shape as one path ("M x y l dx dy ... z").
"""

import itertools
import math

WIDTH = 1000
MARGIN = 8
TOLERANCE = 0.9  # user units: about 1 px at the map's widest
MIN_RING_AREA = 4  # square units; smaller islands are left out

LON0, LAT0, LAT1, LAT2 = 100.0, 50.0, 30.0, 62.0


def _albers():
    phi1, phi2, phi0 = (math.radians(value) for value in (LAT1, LAT2, LAT0))
    n = (math.sin(phi1) + math.sin(phi2)) / 2
    c = math.cos(phi1) ** 2 + 2 * n * math.sin(phi1)
    rho0 = math.sqrt(c - 2 * n * math.sin(phi0)) / n

    def project(lon, lat):
        if lon < -30:
            lon += 360
        rho = math.sqrt(c - 2 * n * math.sin(math.radians(lat))) / n
        theta = n * math.radians(lon - LON0)
        return rho * math.sin(theta), -(rho0 - rho * math.cos(theta))

    return project


project = _albers()


def decode_arcs(topology):
    """Every arc as a list of (longitude, latitude)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points, x, y = [], 0, 0
        for position in arc:
            if transform:
                x, y = x + position[0], y + position[1]
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((position[0], position[1]))
        arcs.append(points)
    return arcs


def simplify(points, tolerance):
    """Douglas-Peucker, keeping both ends (iterative: long arcs would recurse deeply)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        worst, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs(dy * (px - ax) - dx * (py - ay)) / length
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > worst:
                worst, index = distance, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _ring(indices, arcs):
    ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def _area(ring):
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
            )
        )
        / 2
    )


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def build(topologies, codes):
    """``{code: {"name": ..., "d": path, "box": [x0, y0, x1, y1]}}`` and the view box.

    ``topologies`` is a list of parsed TopoJSON documents; ``codes`` maps each
    geometry's ``(id, name)`` to an ISO 3166-2 code, or to "" for land with no code
    of its own (islands no region claims), drawn but never shaded. A geometry that is
    not in ``codes`` is an error, so a new version of the data cannot slip in unmatched.
    """
    shapes = {}  # code -> list of rings of projected points
    for topology in topologies:
        projected = [[project(*point) for point in arc] for arc in decode_arcs(topology)]
        for collection in topology["objects"].values():
            for geometry in collection["geometries"]:
                key = (str(geometry.get("id")), (geometry.get("properties") or {}).get("name"))
                if key not in codes:
                    raise KeyError(f"no ISO 3166-2 code for {key}")
                rings = shapes.setdefault(codes[key], [])
                for polygon in polygons(geometry):
                    rings.extend(_ring(indices, projected) for indices in polygon)
    points = [point for rings in shapes.values() for ring in rings for point in ring]
    x0, x1 = min(x for x, _ in points), max(x for x, _ in points)
    y0, y1 = min(y for _, y in points), max(y for _, y in points)
    scale = (WIDTH - 2 * MARGIN) / (x1 - x0)
    height = round((y1 - y0) * scale + 2 * MARGIN)

    def fit(point):
        return ((point[0] - x0) * scale + MARGIN, (point[1] - y0) * scale + MARGIN)

    # Simplify arc by arc so that shared borders are simplified the same way.
    fitted = {}
    for topology in topologies:
        arcs = [[fit(project(*point)) for point in arc] for arc in decode_arcs(topology)]
        fitted[id(topology)] = [simplify(arc, TOLERANCE) for arc in arcs]
    result = {}
    for topology in topologies:
        arcs = fitted[id(topology)]
        for collection in topology["objects"].values():
            for geometry in collection["geometries"]:
                key = (str(geometry.get("id")), (geometry.get("properties") or {}).get("name"))
                rings = result.setdefault(codes[key], [])
                for polygon in polygons(geometry):
                    for indices in polygon:
                        ring = [(round(x), round(y)) for x, y in _ring(indices, arcs)]
                        ring = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
                        if len(ring) > 3:
                            rings.append(ring)
    out = {}
    for code, found in sorted(result.items()):
        # Small islands are left out, but never a whole region (Macao, Hong Kong).
        rings = [ring for ring in found if _area(ring) >= MIN_RING_AREA]
        if not rings and found and code:
            rings = [max(found, key=_area)]
        if not rings:
            continue
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        out[code] = {"d": path(rings), "box": [min(xs), min(ys), max(xs), max(ys)]}
    return out, [0, 0, WIDTH, height]


def path(rings):
    parts = []
    for ring in rings:
        if ring[0] == ring[-1]:
            ring = ring[:-1]
        (x, y), steps = ring[0], []
        for (ax, ay), (bx, by) in itertools.pairwise(ring):
            steps.append(f"{bx - ax} {by - ay}")
        parts.append(f"M{x} {y}l" + " ".join(steps) + "z")
    # Negative numbers need no separator in SVG path data: "1 -2" may be "1-2".
    return "".join(parts).replace(" -", "-")
