"""A reader's journey on a 390 px phone, JavaScript off: open the menu, filter the
enterprise directory, then read an exhibition. Screenshots of each step go to
test-results/screenshots/reader/ (git-ignored) for a reviewer.
"""

import re

import pytest
from playwright.sync_api import expect

from cooperation.models import Country, Region
from tests import factories as f
from tests.browser.test_reader_screens import (
    MIN_CHART_TEXT,
    chart_text_sizes,
    horizontal_overflow,
    shoot,
    small_targets,
)

pytestmark = pytest.mark.browser


def test_reader_on_a_phone_opens_the_menu_filters_the_directory_and_reads_an_exhibition(
    page, site, csp_violations
):
    china, russia = Country.objects.get(code="CN"), Country.objects.get(code="RU")
    f.enterprise(
        name="Harbin Turbine Works",
        country=china,
        region=Region.objects.get(slug="heilongjiang"),
    )
    f.enterprise(name="Lena Power Company", country=russia, region=Region.objects.get(slug="sakha"))
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto(site + "/en/")
    sections = page.get_by_role("navigation", name="Sections")
    menu = sections.locator("summary")
    expect(menu).to_have_text("Menu")
    expect(sections.get_by_role("link", name="Enterprises")).to_be_hidden()
    menu.click()
    shoot(page, "journey-1-menu-open")
    sections.get_by_role("link", name="Enterprises").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Enterprise directory")
    # The results come first; the filters wait behind one control.
    expect(page.get_by_role("link", name="Harbin Turbine Works")).to_be_visible()
    expect(page.get_by_label("Country")).to_be_hidden()
    filters = page.locator(".filters__toggle")
    expect(filters).to_have_text("Filter")
    filters.click()
    page.get_by_label("Country").select_option(label="Russia")
    shoot(page, "journey-2-filters-open")
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"[?&]country=russia(&|$)"))
    expect(page.get_by_role("link", name="Lena Power Company")).to_be_visible()
    expect(page.get_by_role("link", name="Harbin Turbine Works")).to_have_count(0)
    # Collapsed again, and the control says a filter is set.
    expect(filters).to_have_text(re.compile(r"Filter\s+\(1 active\)"))
    expect(page.get_by_label("Country")).to_be_hidden()
    assert horizontal_overflow(page) <= 0
    assert small_targets(page) == []
    shoot(page, "journey-3-filtered")

    # Sorted by country from the column heading, filters kept.
    page.get_by_role("link", name="Country", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]sort=country(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]country=russia(&|$)"))

    menu.click()
    sections.get_by_role("link", name="Exhibitions").click()
    page.get_by_role("link", name="6th China-Russia EXPO").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("6th China-Russia EXPO")
    expect(page.locator(".facts")).to_contain_text("15–19 June 2019")
    chart = page.get_by_role("img", name="Enterprises by country")
    expect(chart).to_be_visible()
    assert min(chart_text_sizes(page)) >= MIN_CHART_TEXT
    expect(page.get_by_role("table", name="Enterprises taking part in")).to_contain_text("1,246")
    assert horizontal_overflow(page) <= 0
    assert small_targets(page) == []
    shoot(page, "journey-4-exhibition")
    assert csp_violations == []
