"""Someone who may not unpublish cannot take a live record off the site by relinking it."""

import pytest
from django.urls import reverse

from publishing.models import EditorialStatus, Revision
from tests import factories as f

DRAFT = EditorialStatus.DRAFT


def _city_form(city, region):
    return {
        "name_en": city.name_en,
        "slug": city.slug,
        "region": region.pk,
        "status": city.status,
        "publish_at_0": "",
        "publish_at_1": "",
        "expires_at_0": "",
        "expires_at_1": "",
        "citations-TOTAL_FORMS": 0,  # the citations inline (sources.admin)
        "citations-INITIAL_FORMS": 0,
    }


@pytest.mark.parametrize(("role", "moved"), [("editor", False), ("publisher", True)])
def test_linking_a_live_city_to_a_draft_region(login, role, moved):
    city = f.city(name="Yakutsk")
    draft_region = f.region(name="Unfinished Republic", status=DRAFT)
    client = login(role)

    response = client.post(
        reverse("admin:cooperation_city_change", args=[city.pk]), _city_form(city, draft_region)
    )

    city.refresh_from_db()
    assert (city.region == draft_region) is moved
    if not moved:
        assert response.status_code == 200
        assert "“Unfinished Republic” is not published" in response.content.decode()
        assert client.get(city.get_absolute_url()).status_code == 200
        assert login("anonymous").get(city.get_absolute_url()).status_code == 200


def test_an_editor_may_relink_a_live_city_to_another_live_region(login):
    city = f.city()
    other = f.region(name="Live Province")
    response = login("editor").post(
        reverse("admin:cooperation_city_change", args=[city.pk]), _city_form(city, other)
    )
    assert response.status_code == 302
    # The city is live: the new link waits in its pending revision (issue 27).
    assert Revision.objects.pending().get().data["fields"]["region_id"] == other.pk


def test_an_editor_may_relink_a_draft_city_to_a_draft_region(login):
    city = f.city(status=DRAFT)
    draft_region = f.region(status=DRAFT)
    response = login("editor").post(
        reverse("admin:cooperation_city_change", args=[city.pk]), _city_form(city, draft_region)
    )
    assert response.status_code == 302
    city.refresh_from_db()
    assert city.region == draft_region


@pytest.mark.parametrize(
    "query", [{"status__exact": "a\x00b"}, {"q": "Harbin\x00"}, {"o\x00": "1"}]
)
def test_a_nul_byte_in_an_admin_query_is_a_400(login, query):
    response = login("publisher").get(reverse("admin:expo_enterprise_changelist"), query)
    assert response.status_code == 400
    assert "a value the site cannot use" in response.content.decode()


def test_a_huge_number_in_an_admin_filter_is_a_400(login):
    response = login("publisher").get(
        reverse("admin:cooperation_region_changelist"), {"country": "9" * 23, "kind": "1" * 5000}
    )
    assert response.status_code == 400
