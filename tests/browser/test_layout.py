"""Issue 26 on a phone (390 px) in every language: no page scrolls sideways, the header
leaves the screen to the page, and the exhibition page answers "which Russian regions
took part in the 6th EXPO, and how many enterprises?" in at most two taps.

Synthetic enterprises (``manage.py synthetic_data``) fill the directory, so the
directory and the participation tables have rows to lay out. Screenshots of the home,
exhibition and region pages at 390 and 1366 px go to test-results/screenshots/reader/.
"""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from cooperation.models import (
    City,
    CooperationAssessment,
    CooperationMechanism,
    CooperationYears,
    Council,
    Country,
    InvestmentFund,
    Region,
    TradeFigure,
)
from expo.models import Enterprise, Exhibition, Forum
from news.models import Article

from .test_reader_screens import DESKTOP, LANGUAGES, PHONE, horizontal_overflow, shoot

pytestmark = pytest.mark.browser

MAX_HEADER = 120
EXPO = "/{lang}/exhibitions/6th-china-russia-expo/"
LISTS = [
    "expo:exhibition-list",
    "expo:enterprise-list",
    "expo:forum-list",
    "cooperation:region-list",
    "cooperation:city-list",
    "cooperation:country-list",
    "cooperation:mechanism-list",
    "cooperation:council-list",
    "cooperation:tradefigure-list",
    "cooperation:assessment-list",
    "news:article-list",
    "source-list",
]
RECORDS = [
    Exhibition,
    Enterprise,
    Forum,
    Region,
    City,
    CooperationMechanism,
    Council,
    CooperationYears,
    InvestmentFund,
    TradeFigure,
    CooperationAssessment,
    Article,
]


@pytest.fixture
def filled(site):
    call_command("synthetic_data", enterprises=120, participations=120, verbosity=0)
    return site


def paths(lang):
    """Home, every list, the sources page, search, and one record page of every kind."""
    with translation.override(lang):
        found = [reverse("home"), *(reverse(name) for name in LISTS)]
        found.append(reverse("discover:search") + "?q=Harbin")
        found.append(Country.objects.get(code="RU").get_absolute_url())
        for model in RECORDS:
            record = model.objects.published().order_by("pk").first()
            assert record is not None, model
            found.append(record.get_absolute_url())
    return found


def header_height(page):
    return page.locator(".site-header").bounding_box()["height"]


def test_at_390px_no_page_scrolls_sideways_and_the_header_is_compact(page, filled):
    page.set_viewport_size({"width": PHONE, "height": 844})
    for lang in LANGUAGES:
        for path in paths(lang):
            page.goto(filled + path)
            assert horizontal_overflow(page) <= 0, f"{path} scrolls sideways"
            assert header_height(page) <= MAX_HEADER, f"{path}: header {header_height(page)}"
        # The menu still opens without script.
        page.locator(".site-nav__toggle").click()
        expect(page.locator(".site-nav__links a").first).to_be_visible()


def test_a_table_that_may_scroll_can_be_reached_from_the_keyboard(page, filled):
    page.set_viewport_size({"width": PHONE, "height": 844})
    page.goto(filled + EXPO.format(lang="ru"))
    wraps = page.locator(".table-wrap")
    assert wraps.count() >= 3
    for index in range(wraps.count()):
        wrap = wraps.nth(index)
        assert wrap.get_attribute("tabindex") == "0"
        assert wrap.get_attribute("role") == "region"
        assert wrap.get_attribute("aria-label")


def test_the_home_page_shows_the_featured_exhibitions_figures_on_the_first_screen(page, filled):
    page.set_viewport_size({"width": PHONE, "height": 844})
    for lang in LANGUAGES:
        page.goto(filled + f"/{lang}/")
        figures = page.locator(".feature .figure__value")
        expect(figures.first).to_be_in_viewport()
        # The site name is not repeated as a visible heading under the header.
        assert page.locator("h1").bounding_box()["height"] <= 1


def test_the_6th_expo_question_is_answered_from_the_exhibition_page_in_two_taps(page, filled):
    page.set_viewport_size({"width": PHONE, "height": 844})
    page.goto(filled + EXPO.format(lang="en"))
    # No tap to read the answer: the Russian regions, each with its count.
    table = page.locator("table", has=page.locator("caption", has_text="Russia: enterprises"))
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    assert rows.count() >= 1
    summary = page.locator(".participation-summary")
    expect(summary).to_contain_text("The directory lists 120 of the 1,383 enterprises reported")
    region = rows.first.locator("th").inner_text()
    count = int(rows.first.locator(".count-link").inner_text().replace(",", ""))
    assert count >= 1
    # The reported totals are beside the listed ones, with their sources.
    section = page.locator("section[aria-labelledby=participation-heading]")
    expect(section).to_contain_text("137")
    expect(section.locator(".note").first).to_be_visible()

    # One tap: the directory, filtered to the exhibition and the region, lists as many.
    rows.first.locator(".count-link").click()
    assert re.search(r"[?&]exhibition=6th-china-russia-expo", page.url)
    assert re.search(r"[?&]region=", page.url)
    expect(page.locator(".result-count")).to_have_text(
        f"{count} result" if count == 1 else f"{count} results"
    )
    assert horizontal_overflow(page) <= 0
    expect(page.locator("#id_region")).to_have_value(re.compile(".+"))
    assert region


def test_an_empty_directory_explains_itself_without_a_filter_form(page, site):
    page.set_viewport_size({"width": PHONE, "height": 844})
    page.goto(site + "/en/enterprises/")
    expect(page.locator(".notice")).to_contain_text("add an enterprise when a source names it")
    assert page.locator(".filters").count() == 0
    # Filtered, the form is back, so a reader can change the filters.
    page.goto(site + "/en/enterprises/?country=russia")
    expect(page.locator(".filters")).to_have_count(1)


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_screenshots_of_the_home_exhibition_and_region_pages(page, filled, width):
    page.set_viewport_size({"width": width, "height": 900})
    region = Region.objects.get(iso_code="RU-SA")
    for lang in LANGUAGES:
        with translation.override(lang):
            region_path = region.get_absolute_url()
        for name, path in (
            ("home", f"/{lang}/"),
            ("exhibition", EXPO.format(lang=lang)),
            ("region", region_path),
        ):
            page.goto(filled + path)
            assert horizontal_overflow(page) <= 0, path
            shoot(page, f"layout-{lang}-{name}-{width}")
