"""Finding 7: History → Revert follows the rules of the change form.

An Editor cannot take a live record off the site (nor publish one) by reverting to
an old version, exactly as the change form refuses the same edit; a Publisher can.
"""

import pytest
from django.urls import reverse

from cooperation.models import City, Region
from publishing.models import EditorialStatus
from tests import factories as f

from .conftest import browser_form

DRAFT, PUBLISHED = EditorialStatus.DRAFT, EditorialStatus.PUBLISHED


@pytest.fixture
def moved_city(db):
    """A live city whose first version lies in a region that has since been unpublished."""
    old_region = f.region(name="Unfinished Republic")
    city = f.city(name="Yakutsk", region=old_region)
    first_version = city.history.earliest()
    city.region = f.region(name="Sakha Republic")
    city.save()
    old_region.status = DRAFT
    old_region.save()
    return city, old_region, first_version


def _move_back(client, city, old_region, first_version, route):
    if route == "form":
        url = reverse("admin:cooperation_city_change", args=[city.pk])
        return client.post(url, {**browser_form(client.get(url)), "region": old_region.pk})
    url = reverse("admin:cooperation_city_simple_history", args=[city.pk, first_version.pk])
    return client.post(url, browser_form(client.get(url)))


@pytest.mark.parametrize("route", ["form", "revert"])
@pytest.mark.parametrize(("role", "allowed"), [("editor", False), ("publisher", True)])
def test_moving_a_live_city_into_a_draft_region(login, moved_city, route, role, allowed):
    city, old_region, first_version = moved_city
    client = login(role)

    response = _move_back(client, city, old_region, first_version, route)

    city.refresh_from_db()
    assert (city.region == old_region) is allowed
    if not allowed:
        assert response.status_code == 200
        assert "“Unfinished Republic” is not published" in response.content.decode()
        assert login("anonymous").get(city.get_absolute_url()).status_code == 200
    else:
        assert response.status_code == 302


@pytest.mark.parametrize("route", ["form", "revert"])
def test_an_editor_cannot_unpublish_by_reverting_to_a_draft_version(login, route):
    region = f.region(name="Heilongjiang", status=DRAFT)
    draft_version = region.history.earliest()
    region.status = PUBLISHED
    region.save()
    client = login("editor")

    if route == "form":
        url = reverse("admin:cooperation_region_change", args=[region.pk])
        form = {**browser_form(client.get(url)), "status": DRAFT}  # a tampered form
    else:
        url = reverse("admin:cooperation_region_simple_history", args=[region.pk, draft_version.pk])
        form = browser_form(client.get(url))
    response = client.post(url, form)

    assert response.status_code == 302
    assert Region.objects.get(pk=region.pk).status == PUBLISHED
    assert login("anonymous").get(region.get_absolute_url()).status_code == 200


def test_an_editor_cannot_publish_by_reverting_either(login):
    city = f.city(name="Harbin", status=DRAFT)
    City.objects.filter(pk=city.pk).update(status=PUBLISHED)  # a published state ...
    city.refresh_from_db()
    city.save()  # ... recorded in history,
    published_version = city.history.latest()
    City.objects.filter(pk=city.pk).update(status=DRAFT)  # then unpublished.

    client = login("editor")
    url = reverse("admin:cooperation_city_simple_history", args=[city.pk, published_version.pk])
    assert client.post(url, browser_form(client.get(url))).status_code == 302

    assert City.objects.get(pk=city.pk).status == DRAFT
    assert login("anonymous").get(city.get_absolute_url()).status_code == 404
