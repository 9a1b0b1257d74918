"""Every change is recorded with who, when and what; staff compare versions and revert."""

import pytest
from django.urls import reverse

from cooperation.models import Region
from publishing.models import EditorialStatus
from tests import factories as f

from .test_permissions import _form

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED = EditorialStatus.DRAFT, EditorialStatus.PUBLISHED


def _admin(view, *args):
    return reverse(f"admin:cooperation_region_{view}", args=args)


def _rename(client, region, name, **overrides):
    response = client.post(
        _admin("change", region.pk), _form(region, name_en=name, **overrides), follow=True
    )
    assert response.status_code == 200
    region.refresh_from_db()


def test_an_admin_change_is_recorded_with_who_when_and_what(login):
    client = login("editor")
    region = f.region(name="Heilongjiang", status=DRAFT)  # a live one waits in a revision
    _rename(client, region, "Heilongjiang Province", status=DRAFT)

    latest = region.history.first()
    assert latest.history_type == "~"
    assert latest.history_user == client.user
    assert latest.history_date is not None
    delta = latest.diff_against(latest.prev_record)
    assert "name_en" in delta.changed_fields

    page = client.get(_admin("history", region.pk)).content.decode()
    assert "editor" in page
    assert "Heilongjiang Province" in page


def test_publishing_by_action_is_recorded(login):
    client = login("publisher")
    region = f.region(status=DRAFT)
    client.post(_admin("changelist"), {"action": "publish", "_selected_action": [region.pk]})
    latest = region.history.first()
    assert latest.status == PUBLISHED
    assert latest.history_user == client.user


def test_compare_shows_the_changed_fields_old_and_new(login):
    client = login("editor")
    region = f.region(name="Old Name", status=DRAFT)
    first = region.history.first()
    _rename(client, region, "New Name", status=DRAFT, iso_code="CN-HL")
    second = region.history.first()

    response = client.get(
        _admin("history_compare", region.pk), {"a": first.history_id, "b": second.history_id}
    )
    assert response.status_code == 200
    rows = {label: (old, new) for label, old, new in response.context["changes"]}
    assert rows["Name [en]"] == ("Old Name", "New Name")
    assert rows["ISO 3166-2 code"] == ("", "CN-HL")
    assert "Kind" not in rows
    assert "New Name" in response.content.decode()


def test_the_history_page_links_to_the_comparison(login):
    client = login("editor")
    region = f.region()
    _rename(client, region, "Renamed", status=DRAFT)
    page = client.get(_admin("history", region.pk)).content.decode()
    assert _admin("history_compare", region.pk) in page


def test_compare_is_for_staff_who_may_see_the_model(login):
    region = f.region()
    url = _admin("history_compare", region.pk)
    assert login("anonymous").get(url).status_code == 302
    assert login("nobody").get(url).status_code == 403


def test_revert_restores_an_old_version(login):
    client = login("publisher")
    region = f.region(name="Original Name")
    original = region.history.first()
    _rename(client, region, "Mistaken Name")

    revert = reverse("admin:cooperation_region_simple_history", args=[region.pk, original.pk])
    form = client.get(revert)
    assert form.status_code == 200
    client.post(revert, _form(region, name_en="Original Name"))

    region.refresh_from_db()
    assert region.name_en == "Original Name"
    assert region.history.count() == 3


def test_an_editor_reverting_to_a_published_version_does_not_publish(login):
    region = f.region(name="Was Published")  # published version in history
    published_version = region.history.first()
    Region.objects.filter(pk=region.pk).update(status=DRAFT)  # since unpublished

    client = login("editor")
    revert = reverse(
        "admin:cooperation_region_simple_history", args=[region.pk, published_version.pk]
    )
    # Even a tampered form that posts the published status keeps the record a draft.
    client.post(revert, _form(region, name_en="Was Published", status=PUBLISHED))

    region.refresh_from_db()
    assert region.status == DRAFT
    assert region.history.first().history_user == client.user
