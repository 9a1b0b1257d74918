"""Staff can edit every model; bad input is a form error, never a server error."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from cooperation.models import CooperationMechanism, Region
from expo.models import CountryParticipation, Exhibition
from news.models import Article
from tests import factories as f

MODELS = sorted(admin.site._registry, key=lambda m: m._meta.label)


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def one_of_each(article_data):
    """The article data plus the records it does not have (enterprises, memberships...)."""
    enterprise = f.enterprise(sector=f.sector())
    f.enterprise_participation(enterprise=enterprise, exhibition=Exhibition.objects.get())
    f.council_membership()
    Group.objects.create(name="Harbin editors")
    f.reply(article=Article.objects.get())


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_admin_pages_for_every_model(admin_client, one_of_each, model):
    changelist = admin_client.get(_url(model, "changelist"))
    assert changelist.status_code == 200
    assert admin_client.get(_url(model, "changelist"), {"q": "Harbin"}).status_code == 200
    assert admin_client.get(_url(model, "add")).status_code == 200
    obj = model.objects.first()
    assert obj is not None, f"no {model._meta.label} to open"
    change = admin_client.get(_url(model, "change", obj.pk))
    assert change.status_code == 200
    assert str(obj) in change.content.decode()


def test_admin_search_finds_region_by_russian_name(admin_client, article_data):
    response = admin_client.get(_url(Region, "changelist"), {"q": "Хэйлунцзян"})
    assert "Heilongjiang Province" in response.content.decode()
    assert "Guangdong Province" not in response.content.decode()


def _exhibition_form(**overrides):
    city = f.city()
    series = f.exhibition_series()
    data = {
        "series": series.pk,
        "edition": 7,
        "name_en": "7th EXPO",
        "slug": "7th-expo",
        "start_date": "2019-06-15",
        "end_date": "2019-06-19",
        "city": city.pk,
        "status": "draft",
        "participations-TOTAL_FORMS": 0,
        "participations-INITIAL_FORMS": 0,
        "guests_of_honour-TOTAL_FORMS": 0,
        "guests_of_honour-INITIAL_FORMS": 0,
        "citations-TOTAL_FORMS": 0,  # the sources it cites (sources.admin)
        "citations-INITIAL_FORMS": 0,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_admin_adds_a_valid_exhibition(admin_client):
    response = admin_client.post(_url(Exhibition, "add"), _exhibition_form())
    assert response.status_code == 302
    assert Exhibition.objects.get(slug="7th-expo").name == "7th EXPO"


@pytest.mark.django_db
def test_admin_refuses_an_exhibition_ending_before_it_starts(admin_client):
    response = admin_client.post(_url(Exhibition, "add"), _exhibition_form(end_date="2019-06-01"))
    assert response.status_code == 200
    assert "The last day cannot be before the first day." in response.content.decode()
    assert not Exhibition.objects.exists()


@pytest.mark.django_db
def test_admin_refuses_a_negative_enterprise_count(admin_client):
    country = f.country("CN")
    data = _exhibition_form(
        **{
            "participations-TOTAL_FORMS": 1,
            "participations-0-country": country.pk,
            "participations-0-enterprises": -5,
        }
    )
    response = admin_client.post(_url(Exhibition, "add"), data)
    assert response.status_code == 200
    assert "greater than or equal to 0" in response.content.decode()
    assert not Exhibition.objects.exists()
    assert not CountryParticipation.objects.exists()


@pytest.mark.django_db
def test_admin_refuses_a_duplicate_slug(admin_client):
    f.exhibition(slug="7th-expo")
    response = admin_client.post(_url(Exhibition, "add"), _exhibition_form())
    assert response.status_code == 200
    assert "Exhibition with this Slug already exists." in response.content.decode()
    assert Exhibition.objects.count() == 1


@pytest.mark.django_db
def test_admin_refuses_a_duplicate_edition_in_a_series(admin_client):
    existing = f.exhibition(edition=7)
    response = admin_client.post(
        _url(Exhibition, "add"), _exhibition_form(series=existing.series.pk)
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert Exhibition.objects.count() == 1


@pytest.mark.django_db
def test_admin_refuses_nul_bytes_and_overlong_names(admin_client):
    for name in ["Bad\x00name", "x" * 300]:
        response = admin_client.post(_url(Exhibition, "add"), _exhibition_form(name_en=name))
        assert response.status_code == 200
        assert "errornote" in response.content.decode()
    assert not Exhibition.objects.exists()


@pytest.mark.django_db
def test_admin_refuses_a_region_outside_its_parents_country(admin_client):
    russian = f.region(country=f.country("RU"))
    data = {
        "name_en": "Somewhere",
        "slug": "somewhere",
        "country": f.country("CN").pk,
        "kind": "province",
        "parent": russian.pk,
    }
    response = admin_client.post(_url(Region, "add"), data)
    assert response.status_code == 200
    assert "The larger region must be in the same country." in response.content.decode()


@pytest.mark.django_db
def test_admin_refuses_a_mechanism_with_the_sides_swapped(admin_client):
    chinese = f.region(country=f.country("CN"))
    russian = f.region(country=f.country("RU"))
    data = {
        "name_en": "Swapped",
        "slug": "swapped",
        "chinese_region": russian.pk,
        "russian_region": chinese.pk,
    }
    response = admin_client.post(_url(CooperationMechanism, "add"), data)
    assert response.status_code == 200
    assert "Choose a region of China." in response.content.decode()
    assert not CooperationMechanism.objects.exists()
