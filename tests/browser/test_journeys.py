"""A reader and a staff member use the site in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from cooperation.models import Country, Region
from tests import factories as f

pytestmark = pytest.mark.browser

NEW_THEME = "Openness, cooperation, shared development"


def test_reader_goes_from_the_home_page_to_a_mechanism_and_filters_enterprises(
    page, site, csp_violations
):
    china, russia = Country.objects.get(code="CN"), Country.objects.get(code="RU")
    energy = f.sector(name="Energy", slug="energy")
    f.enterprise(
        name="Harbin Turbine Works",
        country=china,
        sector=energy,
        region=Region.objects.get(slug="heilongjiang"),
    )
    f.enterprise(name="Amur Grain Traders", country=china)
    f.enterprise(
        name="Lena Power Company",
        country=russia,
        sector=energy,
        region=Region.objects.get(slug="sakha"),
    )

    page.goto(site + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "China-Russia Interregional Cooperation"
    )
    page.locator(".feature").get_by_role("link", name="6th China-Russia EXPO", exact=True).click()

    expect(page).to_have_url(re.compile(r"/en/exhibitions/6th-china-russia-expo/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("6th China-Russia EXPO")
    expect(page.get_by_role("img", name="Enterprises by country")).to_be_visible()
    expect(page.get_by_role("table", name="Enterprises taking part in")).to_contain_text("1,246")

    page.get_by_role("link", name="Heilongjiang Province").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Heilongjiang Province")

    page.get_by_role("link", name="Northeast China - Russian Far East").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Northeast China - Russian Far East")
    expect(page.get_by_role("heading", name="Russian side")).to_be_visible()

    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Enterprises").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enterprise directory")
    page.get_by_label("Country").select_option(label="China")
    page.get_by_label("Sector").select_option(label="Energy")
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"[?&]country=china(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]sector=energy(&|$)"))
    results = page.get_by_role("table")
    expect(results).to_contain_text("Harbin Turbine Works")
    expect(results).not_to_contain_text("Amur Grain Traders")
    expect(results).not_to_contain_text("Lena Power Company")
    expect(page.get_by_text("1 result", exact=True)).to_be_visible()
    expect(page.get_by_label("Sector")).to_have_value("energy")
    assert csp_violations == []


def test_staff_changes_the_theme_in_the_admin_and_readers_see_it(
    js_page, site, django_user_model, csp_violations
):
    page = js_page
    django_user_model.objects.create_superuser("editor", "editor@example.com", "pw-for-tests-1")

    page.goto(site + "/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw-for-tests-1")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    page.get_by_role("link", name="Exhibitions", exact=True).click()
    page.get_by_role("link", name="6th China-Russia EXPO").click()
    theme = page.locator("#id_theme_en")
    expect(theme).to_have_value(
        "Chinese-Russian interregional cooperation: opportunities, potential, future"
    )
    theme.fill(NEW_THEME)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(site + "/en/exhibitions/6th-china-russia-expo/")
    expect(page.locator(".lead")).to_have_text(NEW_THEME)
    assert csp_violations == []
