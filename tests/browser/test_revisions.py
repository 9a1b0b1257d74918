"""A live exhibition's next version, drafted and published in the admin, in Chromium (issue 27).

An Editor changes the theme of a live exhibition in its change form, saves and submits
it for review: the public page keeps the old theme. A Publisher opens the revision,
sees the comparison with what is live and publishes it: the public page (cached
before) shows the new theme.
"""

import importlib
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests import factories as f

pytestmark = pytest.mark.browser

PASSWORD = "pw-for-tests-1"


@pytest.fixture
def world(live_server, transactional_db, django_user_model):
    if not Group.objects.filter(name="Publishers").exists():
        # A transactional test empties the tables, the roles' groups too: make them again.
        importlib.import_module("publishing.migrations.0001_roles").create_roles(apps, None)
    for role in ("editor", "publisher"):
        user = django_user_model.objects.create_user(role, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=f"{role.capitalize()}s"))
    exhibition = f.exhibition(name="3rd China-Russia EXPO", slug="third-expo", theme_en="Old theme")
    return live_server.url, exhibition


def _log_in(browser, site, username):
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(site + "/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_title(re.compile("China-Russia Cooperation admin"))
    return page


def _theme_on_the_site(page, site):
    page.goto(site + "/en/exhibitions/third-expo/")
    return page.locator("main").inner_text()


def test_an_editor_drafts_and_a_publisher_publishes_a_live_exhibitions_new_theme(
    browser, page, world
):
    site, exhibition = world
    assert "Old theme" in _theme_on_the_site(page, site)  # and now cached

    editor = _log_in(browser, site, "editor")
    editor.goto(f"{site}/admin/expo/exhibition/{exhibition.pk}/change/")
    editor.locator("#id_theme_en").fill("Open borders")
    editor.locator("input[name=_save]").click()
    expect(editor.locator("#revision-banner")).to_contain_text("not visible to the public")
    editor.get_by_role("button", name="Submit for review").click()
    expect(editor.locator("#revision-steps")).to_contain_text("Submitted by editor")
    expect(editor.get_by_role("button", name="Publish now")).to_have_count(0)

    shown = _theme_on_the_site(page, site)
    assert "Old theme" in shown and "Open borders" not in shown

    publisher = _log_in(browser, site, "publisher")
    publisher.goto(f"{site}/admin/expo/exhibition/{exhibition.pk}/revision/")
    row = publisher.locator("#revision-compare tbody tr", has_text="Theme")
    expect(row).to_contain_text("Old theme")
    expect(row).to_contain_text("Open borders")
    publisher.get_by_role("button", name="Publish now").click()
    expect(publisher.locator(".messagelist")).to_contain_text("Published")

    shown = _theme_on_the_site(page, site)
    assert "Open borders" in shown and "Old theme" not in shown
    editor.context.close()
    publisher.context.close()
