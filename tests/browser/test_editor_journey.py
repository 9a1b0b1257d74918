"""An editor's journey in the admin, in Chromium (issue 13).

A Publisher creates an enterprise with a new sector made in the "+" popup, which starts
published (issue 26: no draft trap), saves without a warning, then imports the
downloaded template file. Screenshots of each step go to $SCREENSHOT_DIR (default
tests-output/screenshots, not committed) for a reviewer.
"""

import importlib
import os
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from expo.models import Enterprise, Sector
from tests import factories as f

pytestmark = pytest.mark.browser

SHOTS = Path(
    os.environ.get("SCREENSHOT_DIR")
    or Path(__file__).resolve().parents[2] / "tests-output" / "screenshots"
)


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"editor-journey-{name}.png"), full_page=True)


def _publisher(django_user_model):
    if not Group.objects.filter(name="Publishers").exists():
        # A transactional test empties the tables, the roles' groups too: make them again.
        importlib.import_module("publishing.migrations.0001_roles").create_roles(apps, None)
    user = django_user_model.objects.create_user(
        "publisher", password="pw-for-tests-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Publishers"))
    return user


def _choose(page, field_id, search, option):
    """Pick ``option`` in an autocomplete (select2) field by typing ``search``."""
    page.locator(f"#{field_id} + .select2").click()
    page.locator(".select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=option).first.click()


def test_a_publisher_creates_an_enterprise_with_a_new_sector_publishes_both_and_imports(
    js_page, site, django_user_model, csp_violations, tmp_path
):
    page = js_page
    page.set_viewport_size({"width": 1366, "height": 900})
    _publisher(django_user_model)
    f.reply(text="Thank you for this report; will the next EXPO be in Yekaterinburg?")

    page.goto(site + "/admin/")
    page.get_by_label("Username").fill("publisher")
    page.get_by_label("Password").fill("pw-for-tests-1")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_title(re.compile("China-Russia Cooperation admin"))
    expect(page.get_by_role("heading", name="Waiting for you")).to_be_visible()
    _shot(page, "1-dashboard")

    # The change lists show the state within 1366 pixels.
    lists = [
        ("expo/exhibition", "publication"),
        ("expo/forum", "publication"),
        ("cooperation/region", "publication"),
        ("news/article", "publication"),
        ("news/reply", "short_text"),
    ]
    for path, column in lists:
        page.goto(f"{site}/admin/{path}/")
        header = page.locator(f"th.column-{column}")
        expect(header).to_be_visible()
        box, shown = header.bounding_box(), page.locator("#changelist .results").bounding_box()
        assert box["x"] + box["width"] <= shown["x"] + shown["width"], f"{path}: no {column}"
        _shot(page, f"1-{path.replace('/', '-')}-list")

    # A new enterprise; its sector does not exist yet, so it is made in the "+" popup.
    page.goto(site + "/admin/expo/enterprise/add/")
    page.locator("#id_name_en").press_sequentially("Harbin Turbine Works")
    page.locator("#id_country").select_option(label="China")
    with page.expect_popup() as popup_info:
        page.locator("#add_id_sector").click()
    popup = popup_info.value
    popup.locator("#id_name_en").press_sequentially("Energy")
    expect(popup.locator("#id_slug")).to_have_value("energy")
    # Listening before the click: the popup may close before a later wait would start.
    with popup.expect_event("close", timeout=30_000):
        popup.get_by_role("button", name="Save", exact=True).click()
    # Made by someone who may publish, the sector starts published: no trap (issue 26).
    expect(page.locator("#id_sector option:checked")).to_have_text("Energy")
    _shot(page, "2-sector-from-popup-is-published")

    page.locator("#id_status").select_option("published")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_be_visible()
    expect(page.locator(".messagelist .warning")).to_have_count(0)
    _shot(page, "3-saved-without-warning")
    assert Sector.objects.get(slug="energy").status == "published"

    page.goto(site + "/en/enterprises/harbin-turbine-works/")
    expect(page.locator("main")).to_contain_text("Energy")

    # Import: the page explains the columns; the template, filled in, imports.
    page.goto(site + "/admin/expo/enterprise/import/")
    expect(page.locator("#import-columns")).to_contain_text(
        "The country as its two-letter ISO code: CN for China, RU for Russia."
    )
    _shot(page, "5-import-page")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Template (CSV)").click()
    template = tmp_path / "enterprises.csv"
    download_info.value.save_as(template)
    text = template.read_text(encoding="utf-8-sig")
    header, example = text.splitlines()[:2]
    assert header.startswith("slug,name_en,name_ru,name_zh_hans,country,region,sector")
    filled = tmp_path / "filled.csv"
    filled.write_text(
        header + "\n" + example.replace("(the enterprise's name in English)", "Lena Grain") + "\n",
        encoding="utf-8",
    )
    page.locator("#id_import_file").set_input_files(str(filled))
    page.locator("#id_format").select_option(label="csv")
    page.get_by_role("button", name="Submit").click()
    expect(page.locator("#import-summary")).to_contain_text("1 row: 1 new, 0 updated.")
    _shot(page, "6-import-preview")
    page.get_by_role("button", name="Confirm import").click()
    expect(page.locator(".messagelist")).to_contain_text("Import finished")
    _shot(page, "7-imported")

    header = page.locator("th.column-publication")  # back on the enterprise list
    box, shown = header.bounding_box(), page.locator("#changelist .results").bounding_box()
    assert box["x"] + box["width"] <= shown["x"] + shown["width"], "enterprises: no publication"

    imported = Enterprise.objects.get(slug="lena-grain")
    assert (imported.country.code, imported.region.slug) == ("CN", "heilongjiang")
    assert imported.history.first().history_user.username == "publisher"
    assert csp_violations == []
