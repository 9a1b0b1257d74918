"""The region maps in a real browser at 390 and 1366 px: visible, inside the page, every
shaded region a link, no request outside the site and no CSP violation. A screenshot
of each map goes to test-results/screenshots/maps/ (git-ignored) for a reviewer.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots" / "maps"
WIDTHS = [390, 1366]
PAGES = {
    "exhibition": "/{lang}/exhibitions/6th-china-russia-expo/",
    "mechanisms": "/{lang}/mechanisms/",
    "region": "/{lang}/regions/sakha/",
}

OVERFLOW = """() => document.documentElement.scrollWidth - document.documentElement.clientWidth"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_maps_are_visible_inside_the_page_and_fetch_nothing_outside(
    page, site, csp_violations, width
):
    host = urlsplit(site).netloc
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if urlsplit(request.url).netloc not in (host, "")
            and not request.url.startswith("data:")
            else None
        ),
    )
    page.set_viewport_size({"width": width, "height": 900})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "zh-hans"):
        for name, path in PAGES.items():
            page.goto(site + path.format(lang=lang))
            svg = page.locator(".map__svg")
            expect(svg).to_be_visible()
            box = svg.bounding_box()
            assert box["width"] >= min(width - 60, 300), f"{name}: the map is too small"
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{name} overflows"
            assert page.evaluate(OVERFLOW) <= 0, f"{lang} {name} scrolls sideways"
            shaded = page.locator(".map__svg a.map__area")
            assert shaded.count() >= 1
            for index in range(shaded.count()):
                link = shaded.nth(index)
                assert link.get_attribute("href").startswith(f"/{lang}/regions/")
                # Each shaded region can be seen: not a speck at this width.
                area = link.bounding_box()
                assert area["width"] >= 4 and area["height"] >= 4, name
            expect(page.locator(".map table")).to_be_visible()
            page.locator("figure.map").screenshot(path=SCREENSHOTS / f"{lang}-{name}-{width}.png")
    assert outside == []
    assert csp_violations == []
