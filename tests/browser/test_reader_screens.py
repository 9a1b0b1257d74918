"""The public pages on a phone (390 px) and a desktop (1366 px), in every language.

For the home page, a list, a detail page and an article, at both widths and in each
language: a screenshot is written to test-results/screenshots/reader/ (git-ignored) for
a reviewer, and the test asserts what a reader would notice: the section links sit
behind one closed "Menu" control on the phone and open with it, every control is at
least 44 x 44 CSS px, the language switcher is visible, the page never scrolls
sideways, and chart labels are at least 12 px however the chart is scaled.
JavaScript is off (the ``page`` fixture): all of this works without it.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots" / "reader"
PHONE, DESKTOP = 390, 1366
LANGUAGES = ["en", "ru", "zh-hans"]
PAGES = {
    "home": "/{lang}/",
    # A list with records (the enterprise directory is empty with the article's data,
    # and an empty directory shows no filters: see test_layout.py).
    "list": "/{lang}/regions/",
    "detail": "/{lang}/exhibitions/6th-china-russia-expo/",
    "article": "/{lang}/articles/interregional-cooperation-accelerated-development/",
}
# Rounding of fractional layout sizes: 43.99 px is 44 px to a finger.
MIN_TARGET = 43.5
MIN_CHART_TEXT = 12

# Controls a reader taps (inline links inside running text are exempt, as in WCAG 2.5.8).
TARGETS = ", ".join(
    [
        ".site-nav__toggle",
        ".site-nav__links a",
        ".language-switcher a",
        ".filters__toggle",
        ".filters button",
        ".filters select",
        ".filters input",
        ".pagination a",
        ".breadcrumbs a",
        "button",
    ]
)

SMALL_TARGETS = """([selector, least]) => [...document.querySelectorAll(selector)]
    .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden")
    .map((el) => ({el, box: el.getBoundingClientRect()}))
    .filter(({box}) => box.width < least || box.height < least)
    .map(({el, box}) => `${el.outerHTML.slice(0, 80)}: ${box.width}x${box.height}`)"""

# The size a chart's text is drawn at on screen: its font size times the SVG's scale.
CHART_TEXT_SIZES = """() => [...document.querySelectorAll("svg text")].map((el) =>
    parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a)"""

PAGE_OVERFLOW = (
    """() => document.documentElement.scrollWidth - document.documentElement.clientWidth"""
)


def small_targets(page):
    return page.evaluate(SMALL_TARGETS, [TARGETS, MIN_TARGET])


def chart_text_sizes(page):
    return page.evaluate(CHART_TEXT_SIZES)


def horizontal_overflow(page):
    return page.evaluate(PAGE_OVERFLOW)


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": PHONE, "height": 844})
    return page


@pytest.fixture
def desktop(page):
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    return page


def test_on_a_phone_the_menu_is_closed_targets_are_big_and_nothing_scrolls_sideways(
    phone, site, csp_violations
):
    page = phone
    for lang, (name, path) in ((lang, item) for lang in LANGUAGES for item in PAGES.items()):
        page.goto(site + path.format(lang=lang))
        toggle = page.locator(".site-nav__toggle")
        links = page.locator(".site-nav__links a")
        # The language switcher stays in view; the twelve links wait behind one control.
        expect(page.locator(".language-switcher")).to_be_visible()
        expect(toggle).to_be_visible()
        expect(links.first).to_be_hidden()
        assert horizontal_overflow(page) <= 0, f"{lang} {name} scrolls sideways"
        if name == "list":
            # Filters start collapsed: results first, one control that opens them.
            expect(page.locator(".filters__toggle")).to_be_visible()
            expect(page.locator(".filters form")).to_be_hidden()
        assert small_targets(page) == [], f"{lang} {name}"
        assert all(size >= MIN_CHART_TEXT for size in chart_text_sizes(page)), f"{lang} {name}"
        shoot(page, f"{lang}-{name}-{PHONE}")

        toggle.click()
        expect(links.first).to_be_visible()
        assert links.count() >= 11
        assert small_targets(page) == [], f"{lang} {name}, menu open"
        if name == "home":
            shoot(page, f"{lang}-{name}-{PHONE}-menu-open")
        toggle.click()
        expect(links.first).to_be_hidden()
    assert csp_violations == []


def test_on_a_desktop_the_links_show_without_a_menu_control(desktop, site, csp_violations):
    page = desktop
    for lang, (name, path) in ((lang, item) for lang in LANGUAGES for item in PAGES.items()):
        page.goto(site + path.format(lang=lang))
        expect(page.locator(".site-nav__links a").first).to_be_visible()
        expect(page.locator(".site-nav__toggle")).to_be_hidden()
        expect(page.locator(".language-switcher")).to_be_visible()
        if name == "list":
            # Beside the results, open, with no control to open them.
            expect(page.locator(".filters form")).to_be_visible()
            expect(page.locator(".filters__toggle")).to_be_hidden()
        assert horizontal_overflow(page) <= 0, f"{lang} {name} scrolls sideways"
        assert small_targets(page) == [], f"{lang} {name}"
        assert all(size >= MIN_CHART_TEXT for size in chart_text_sizes(page)), f"{lang} {name}"
        shoot(page, f"{lang}-{name}-{DESKTOP}")
    assert csp_violations == []


def test_chart_labels_stay_at_least_12px_at_every_width_and_tables_are_never_cut(page, site):
    page.goto(site + PAGES["detail"].format(lang="en"))
    sizes_by_width = {}
    for width in (320, 360, 390, 768, 1024, 1366, 1920):
        page.set_viewport_size({"width": width, "height": 900})
        sizes = chart_text_sizes(page)
        assert sizes, "the participation chart has labels"
        sizes_by_width[width] = min(sizes)
    assert min(sizes_by_width.values()) >= MIN_CHART_TEXT, sizes_by_width

    # At 360 px each table fits, or scrolls on its own inside its frame (with a shadow
    # at the cut edge; the page never scrolls), so every column can be reached.
    page.set_viewport_size({"width": 360, "height": 800})
    for path in (
        "/en/exhibitions/6th-china-russia-expo/",
        "/ru/exhibitions/6th-china-russia-expo/",
        "/en/countries/russia/",
        "/en/trade/",
        "/ru/trade/",
    ):
        page.goto(site + path)
        assert horizontal_overflow(page) <= 0, path
        tables = page.locator(".table-wrap")
        assert tables.count(), path
        for index in range(tables.count()):
            fits = tables.nth(index).evaluate(
                """(wrap) => {
                    const style = getComputedStyle(wrap);
                    const table = wrap.querySelector("table");
                    const right = wrap.getBoundingClientRect().right + 1;
                    const fits = table.getBoundingClientRect().right <= right;
                    return fits || style.overflowX === "auto" || style.overflowX === "scroll";
                }"""
            )
            assert fits, f"{path}: table {index} is cut"
        shoot(page, f"tables-{path.strip('/').replace('/', '-')}-360")
