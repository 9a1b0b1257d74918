"""Issue 26: adding an enterprise to the 6th EXPO takes a Publisher at most 7 actions from
the admin's dashboard (it took 13, plus 3 to undo a trap), and the enterprise is then in
the exhibition's directory with its sector.

An action is a click or a choice in a select; typing into a field is none. The path:
Exhibitions, the 6th EXPO, "Add an enterprise to this exhibition" (the form opens with
the exhibition in its participations and, for a Publisher, published), the country,
the region, the sector, Save.
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from expo.models import Enterprise, EnterpriseParticipation, Exhibition
from publishing.models import EditorialStatus
from tests import factories as f

from .test_admin_traps import admin_page  # noqa: F401 (fixture)
from .test_editor_journey import _publisher, _shot

pytestmark = pytest.mark.browser

MOST_ACTIONS = 7
NAME = "Amur Grain Terminal"


class Actions:
    """What the editor does in the browser, counted: each click and each choice in a
    select is one action; typing into a field is none."""

    def __init__(self):
        self.done = []

    def click(self, locator, what):
        locator.click()
        self.done.append(f"click {what}")

    def choose(self, select, label):
        select.select_option(label=label)
        self.done.append(f"choose {label}")

    def type(self, field, text):
        field.press_sequentially(text)


def test_a_publisher_adds_an_enterprise_to_the_6th_expo_in_at_most_7_actions(
    admin_page,  # noqa: F811
    csp_violations,
):
    page = admin_page
    expo = Exhibition.objects.get(slug="6th-china-russia-expo")
    f.sector(slug="agriculture", name="Agriculture")
    f.sector(slug="energy", name="Energy")
    f.sector(slug="shipping", name="Shipping", status=EditorialStatus.DRAFT)
    actions = Actions()

    # From the dashboard to the exhibition's "Add an enterprise to this exhibition".
    actions.click(page.locator("#content-main").get_by_role("link", name="Exhibitions"), "list")
    actions.click(page.get_by_role("link", name=expo.name, exact=True), "exhibition")
    actions.click(page.get_by_role("link", name="Add an enterprise to this exhibition"), "add")

    # The form already names the exhibition, and starts published for a Publisher.
    expect(page.locator("#select2-id_participations-0-exhibition-container")).to_have_text(
        re.compile(rf"^×?{re.escape(expo.name)}")
    )
    expect(page.locator("#id_status")).to_have_value(EditorialStatus.PUBLISHED)
    # The sectors are a plain select: the published ones by name, a draft marked.
    sectors = page.locator("#id_sector option").all_inner_texts()
    assert sectors[1:3] == ["Agriculture", "Energy"], sectors
    assert any("Shipping" in label and label != "Shipping" for label in sectors), sectors

    actions.type(page.locator("#id_name_en"), NAME)
    actions.choose(page.locator("#id_country"), "China")
    actions.choose(page.locator("#id_region"), "Heilongjiang Province")
    actions.choose(page.locator("#id_sector"), "Energy")
    _shot(page, "clicks-filled-form")
    actions.click(page.get_by_role("button", name="Save", exact=True), "save")

    expect(page.locator(".messagelist .success")).to_contain_text(NAME)
    expect(page.locator(".messagelist .warning")).to_have_count(0)
    expect(page.locator(".errornote")).to_have_count(0)
    assert len(actions.done) <= MOST_ACTIONS, actions.done

    enterprise = Enterprise.objects.get(name_en=NAME)
    assert enterprise.is_live
    assert EnterpriseParticipation.objects.filter(enterprise=enterprise, exhibition=expo).exists()

    # On the site: the exhibition's page and its directory, with the sector.
    page.goto(f"{page.site}/en/exhibitions/{expo.slug}/")
    listed = page.locator("#enterprises-heading + ul li", has_text=NAME)
    expect(listed).to_contain_text("Energy")
    page.goto(f"{page.site}/en/enterprises/?exhibition={expo.slug}")
    row = page.locator("tr", has_text=NAME)
    expect(row.locator('td[data-label="Sector"]')).to_have_text("Energy")
    expect(row).not_to_contain_text("not stated")
    _shot(page, "clicks-in-the-directory")
    assert csp_violations == []


def test_an_editor_from_the_link_gets_the_exhibition_and_a_draft(js_page, site, django_user_model):
    """An Editor cannot publish: the form from the link names the exhibition and stays a
    draft, and the prefilled row is saved."""
    page = js_page
    _publisher(django_user_model)  # the roles' groups
    editor = django_user_model.objects.create_user(
        "editor", password="pw-for-tests-1", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    expo = Exhibition.objects.get(slug="6th-china-russia-expo")
    page.goto(f"{site}/admin/expo/exhibition/{expo.pk}/change/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw-for-tests-1")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Add an enterprise to this exhibition").click()
    expect(page.locator("#select2-id_participations-0-exhibition-container")).to_have_text(
        re.compile(rf"^×?{re.escape(expo.name)}")
    )
    expect(page.locator(".field-status .readonly")).to_have_text("Draft")
    page.locator("#id_name_en").press_sequentially(NAME)
    page.locator("#id_country").select_option(label="Russia")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text(NAME)
    enterprise = Enterprise.objects.get(name_en=NAME)
    assert enterprise.status == EditorialStatus.DRAFT
    assert list(enterprise.exhibitions.all()) == [expo]


def test_the_plain_add_form_keeps_its_defaults(admin_page):  # noqa: F811
    """Not from an exhibition: a draft, and an empty participation row."""
    page = admin_page
    page.goto(f"{page.site}/admin/expo/enterprise/add/")
    expect(page.locator("#id_status")).to_have_value(EditorialStatus.DRAFT)
    expect(page.locator("#id_participations-0-exhibition")).to_have_value("")
