"""Issue 29: no admin page answers a server error for an empty ``_to_field`` or a bad
export filter value, whoever asks.

An empty ``?_to_field=`` on a change or delete page is the page without it (the primary
key), for a superuser and for staff without any permission; a filter value the change
list would refuse on an export page is a 400, on SQLite and PostgreSQL alike.
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from exchange.admin import ImportExportAdmin
from tests import factories as f

MODELS = list(admin.site._registry)
EXPORTING = [
    model for model, model_admin in admin.site._registry.items()
    if isinstance(model_admin, ImportExportAdmin)
]  # fmt: skip
BAD_VALUES = ["abc", "1.5", "(", "é中", "99999999999999999999"]
CSV = "0"


def _url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.fixture
def staff_without_permissions(db):
    client = Client()
    client.force_login(get_user_model().objects.create_user("nobody", is_staff=True))
    return client


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_an_empty_to_field_is_the_page_without_it(login, staff_without_permissions, model):
    superuser = login("superuser")
    # A record that exists (the superuser itself for auth's users) and one that does not.
    record_id = superuser.user.pk if model is get_user_model() else 1
    for client in (superuser, staff_without_permissions):
        for view in ("change", "delete"):
            url = _url(model, view, record_id)
            expected = client.get(url).status_code
            response = client.get(url, {"_to_field": ""})
            assert response.status_code == expected, (view, response.status_code)
            assert response.status_code in {200, 302, 403}


def test_an_empty_to_field_shows_the_record(login, staff_without_permissions):
    region = f.region(name_en="Heilongjiang Province")
    superuser = login("superuser")
    for view in ("change", "delete"):
        url = _url(type(region), view, region.pk)
        page = superuser.get(url, {"_to_field": ""})
        assert page.status_code == 200
        assert "Heilongjiang Province" in page.content.decode()
        assert staff_without_permissions.get(url, {"_to_field": ""}).status_code == 403
    # The delete form posted to its own address (with the parameter) still deletes.
    post = superuser.post(_url(type(region), "delete", region.pk) + "?_to_field=", {"post": "yes"})
    assert post.status_code == 302
    assert not type(region).objects.filter(pk=region.pk).exists()


@pytest.mark.parametrize("model", EXPORTING, ids=lambda m: m._meta.label)
def test_bad_filter_values_on_an_export_page(login, model):
    # Records to filter by: a filter shows (and reads its value) with two choices or more.
    f.enterprise_participation(enterprise=f.enterprise(country=f.country("CN")))
    f.enterprise_participation(enterprise=f.enterprise(country=f.country("RU")))
    client = login("superuser")
    url = _url(model, "export")
    changelist = client.get(_url(model, "changelist"))
    names = [
        name
        for spec in changelist.context["cl"].filter_specs
        for name in spec.expected_parameters()
    ]
    assert names, "every exporting admin offers filters"
    for name in names:
        for value in BAD_VALUES:
            page = client.get(url, {name: value})
            assert page.status_code in {200, 400}, (name, value, page.status_code)
            done = client.post(f"{url}?{name}={value}", {"format": CSV, "resource": "0"})
            assert done.status_code in {200, 400}, (name, value, done.status_code)
    # A good value still exports.
    assert client.get(url, {names[0]: "1"}).status_code == 200


def test_an_export_with_a_word_for_a_country_id_is_a_400(login):
    f.enterprise(name_en="Harbin Electric", country=f.country("CN"))
    f.enterprise(name_en="Yakutia Power", country=f.country("RU"))  # the filter shows
    client = login("publisher")
    url = reverse("admin:expo_enterprise_export")
    assert client.get(url, {"country__id__exact": "abc"}).status_code == 400
    response = client.post(url + "?country__id__exact=abc", {"format": CSV, "resource": "0"})
    assert response.status_code == 400
    good = client.get(url, {"country__id__exact": str(f.country("CN").pk)})
    assert good.status_code == 200
