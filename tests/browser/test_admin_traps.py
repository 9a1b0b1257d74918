"""The admin without traps (issue 26), in Chromium: the region choices follow the
country, "featured" moves in one step, an import links enterprises to an exhibition,
and an import's errors all show at once, first, with the spreadsheet's row numbers.
Screenshots of the dashboard and the import page go to $SCREENSHOT_DIR."""

import re

import pytest
from playwright.sync_api import expect

from cooperation.models import Country
from expo.models import EnterpriseParticipation, Exhibition
from tests import factories as f

from .test_editor_journey import _publisher, _shot

pytestmark = pytest.mark.browser


@pytest.fixture
def admin_page(js_page, site, django_user_model):
    page = js_page
    page.set_viewport_size({"width": 1366, "height": 900})
    _publisher(django_user_model)
    page.goto(site + "/admin/")
    page.get_by_label("Username").fill("publisher")
    page.get_by_label("Password").fill("pw-for-tests-1")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Waiting for you")).to_be_visible()
    page.site = site
    return page


def test_the_region_choices_follow_the_country(admin_page, csp_violations):
    page = admin_page
    _shot(page, "traps-dashboard")
    page.goto(page.site + "/admin/expo/enterprise/add/")
    russia, china = Country.objects.get(code="RU"), Country.objects.get(code="CN")
    page.locator("#id_country").select_option(value=str(russia.pk))
    region = page.locator("#id_region")
    offered = region.locator("option:not([disabled])[data-country]")
    expect(offered.first).to_be_attached()
    assert set(offered.evaluate_all("els => els.map(e => e.dataset.country)")) == {str(russia.pk)}
    expect(region.locator("option:not([disabled])", has_text="Heilongjiang")).to_have_count(0)
    page.locator("#id_country").select_option(value=str(china.pk))
    expect(region.locator("option:not([disabled])", has_text="Heilongjiang")).to_have_count(1)
    assert csp_violations == []


def test_featured_moves_from_one_exhibition_to_another_in_one_step(admin_page):
    page = admin_page
    first, second = Exhibition.objects.get(slug="6th-china-russia-expo"), f.exhibition()
    Exhibition.objects.filter(pk=first.pk).update(featured=True)
    Exhibition.objects.exclude(pk=first.pk).update(featured=False)
    page.goto(f"{page.site}/admin/expo/exhibition/{second.pk}/change/")
    page.locator("#id_featured").check()
    page.get_by_role("button", name="Save and continue editing").click()
    errors = page.locator(".errorlist").evaluate_all("els => els.map(e => e.innerText)")
    assert errors == []
    expect(page.locator(".messagelist")).to_contain_text(
        f"“{first.name}” is no longer featured on the home page."
    )
    expect(page.locator(".errornote")).to_have_count(0)
    assert list(Exhibition.objects.filter(featured=True)) == [second]


def _import(page, tmp_path, text):
    page.goto(page.site + "/admin/expo/enterprise/import/")
    upload = tmp_path / "enterprises.csv"
    upload.write_text(text, encoding="utf-8")
    page.locator("#id_import_file").set_input_files(str(upload))
    page.locator("#id_format").select_option(label="csv")
    page.get_by_role("button", name="Submit").click()


def test_an_import_with_an_exhibition_column_links_its_enterprises(admin_page, tmp_path):
    page = admin_page
    _import(
        page,
        tmp_path,
        "name_en,country,region,exhibition\n"
        "Lena Grain,CN,heilongjiang,6th-china-russia-expo\n"
        "Amur Timber,CN,,6th-china-russia-expo\n",
    )
    expect(page.locator("#import-summary")).to_contain_text("2 rows: 2 new, 0 updated.")
    page.get_by_role("button", name="Confirm import").click()
    expect(page.locator(".messagelist")).to_contain_text("Import finished")
    linked = EnterpriseParticipation.objects.filter(exhibition__slug="6th-china-russia-expo")
    assert sorted(linked.values_list("enterprise__slug", flat=True)) == [
        "amur-timber",
        "lena-grain",
    ]


def test_an_import_with_two_bad_rows_shows_both_errors_first(admin_page, tmp_path):
    page = admin_page
    _import(
        page,
        tmp_path,
        "name_en,country,region\n"
        "Lena Grain,CN,heilongjiang\n"
        "Amur Timber,CN,no-such-region\n"
        "Harbin Works,XX,\n",
    )
    errors = page.locator("#import-errors")
    expect(errors).to_contain_text(re.compile(r"Row 3, column “region”: No region"))
    expect(errors).to_contain_text(re.compile(r"Row 4, column “country”: No country"))
    help_box = page.locator("#import-help").bounding_box()
    assert errors.bounding_box()["y"] < help_box["y"], "the errors come first"
    _shot(page, "traps-import-errors")
