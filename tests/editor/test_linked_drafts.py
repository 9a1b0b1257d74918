"""A record that links drafts says so, and a Publisher can publish them together (issue 13)."""

import json

import pytest
from django.urls import reverse

from expo.models import Enterprise, Sector
from publishing.models import EditorialStatus
from tests import factories as f

pytestmark = pytest.mark.django_db
DRAFT, PUBLISHED = EditorialStatus.DRAFT, EditorialStatus.PUBLISHED


def _messages(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def _form(client, url, **data):
    """The add form's data, as the browser would post it (inlines' management forms too)."""
    page = client.get(url)
    form = page.context["adminform"].form
    post = dict.fromkeys(form.fields, "")
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        post.update({management.add_prefix(n): management[n].value() for n in management.fields})
    post.update(data)
    return post


def _enterprise_form(client, **data):
    return _form(client, reverse("admin:expo_enterprise_add"), **data)


def test_a_sector_made_in_the_popup_comes_back_marked_draft(editor):
    url = reverse("admin:expo_sector_add") + "?_to_field=id&_popup=1"
    data = _form(editor, url, name_en="Energy", slug="energy", _popup="1", _to_field="id")
    data.pop("status", None)  # read-only for an Editor
    response = editor.post(url, data)
    assert response.status_code == 200
    data = json.loads(response.context_data["popup_response_data"])
    assert data["obj"] == "Energy (draft)"
    assert Sector.objects.get().status == DRAFT


def test_the_form_shows_a_linked_drafts_state_next_to_the_field(editor):
    energy = f.sector(name="Energy", status=DRAFT)
    firm = f.enterprise(sector=energy)
    page = editor.get(reverse("admin:expo_enterprise_change", args=[firm.pk])).content.decode()
    assert "Energy (draft)" in page
    assert "“Energy” is not on the site yet, so readers see this field as empty" in page


def test_saving_a_record_that_links_a_draft_warns(editor):
    energy = f.sector(name="Energy", status=DRAFT)
    cn = f.country("CN")
    post = _enterprise_form(
        editor, name_en="Harbin Turbine Works", slug="harbin-turbine", country=cn.pk,
        sector=energy.pk,
    )  # fmt: skip
    response = editor.post(reverse("admin:expo_enterprise_add"), post, follow=True)
    assert Enterprise.objects.filter(slug="harbin-turbine").exists()
    warning = [m for m in _messages(response) if "links records that are not on the site" in m]
    assert warning == [
        "“Harbin Turbine Works” links records that are not on the site: Sector: “Energy "
        "(draft)”. Readers see these links as empty until they are published. A publisher "
        "can publish them together with this record."
    ]


def test_a_publisher_publishes_the_linked_drafts_on_save(publisher):
    energy = f.sector(name="Energy", status=DRAFT)
    cn = f.country("CN")
    post = _enterprise_form(
        publisher, name_en="Harbin Turbine Works", slug="harbin-turbine", country=cn.pk,
        sector=energy.pk, status=PUBLISHED, publish_linked_drafts="on",
    )  # fmt: skip
    response = publisher.post(reverse("admin:expo_enterprise_add"), post, follow=True)
    energy.refresh_from_db()
    assert energy.status == PUBLISHED
    assert energy.history.first().history_user == publisher.user
    assert "Also published: “Energy”." in _messages(response)
    assert not [m for m in _messages(response) if "not on the site" in m]


def test_the_publish_action_warns_and_the_other_action_publishes_both(publisher):
    energy = f.sector(name="Energy", status=DRAFT)
    firm = f.enterprise(name="Harbin Turbine Works", sector=energy, status=DRAFT)
    url = reverse("admin:expo_enterprise_changelist")

    response = publisher.post(
        url, {"action": "publish", "_selected_action": [firm.pk]}, follow=True
    )
    assert any("links records that are not on the site" in m for m in _messages(response))

    response = publisher.post(
        url, {"action": "publish_with_linked_drafts", "_selected_action": [firm.pk]}, follow=True
    )
    energy.refresh_from_db()
    assert energy.status == PUBLISHED
    assert "0 records published, with 1 linked draft(s)." in _messages(response)


def test_an_editor_is_not_offered_publishing(editor):
    energy = f.sector(name="Energy", status=DRAFT)
    firm = f.enterprise(sector=energy, status=DRAFT)
    page = editor.get(reverse("admin:expo_enterprise_changelist")).content.decode()
    assert "publish_with_linked_drafts" not in page
    form = editor.get(reverse("admin:expo_enterprise_change", args=[firm.pk])).content.decode()
    assert "publish_linked_drafts" not in form
    response = editor.post(
        reverse("admin:expo_enterprise_changelist"),
        {"action": "publish_with_linked_drafts", "_selected_action": [firm.pk]},
    )
    energy.refresh_from_db()
    assert energy.status == DRAFT
    assert response.status_code in (200, 302)
