"""For every list and each of its filters, the API shows the records the page shows."""

from importlib import import_module

import pytest
from django.urls import reverse
from django.utils.translation import override

from api.endpoints import ENDPOINTS
from tests import factories

# A value for each filter of each list (by filter name): a filter without one fails the
# test below, so a new filter on a page is compared too.
FILTER_VALUES = {
    "name": ["Sakha", "Якутия", "Harbin", "zzz-nothing"],
    "title": ["cooperation", "zzz-nothing"],
    "country": ["china", "russia"],
    "region": ["heilongjiang", "sakha", "northeast-china"],
    "kind": ["province", "republic"],
    "sector": ["machinery"],
    "exhibition": ["6th-china-russia-expo"],
    "sort": ["name", "country", "region"],
    "year": ["2019", "2018", "1999"],
    "city": ["harbin"],
    "series": ["china-russia-expo", "china-russia-forum-of-interregional-cooperation"],
    "publisher": ["rambler"],
}
MIRRORED = [(prefix, view) for prefix, view, _basename in ENDPOINTS if view.html_view]


@pytest.fixture
def data(article_data):
    from cooperation.models import Country, Region

    sakha = Region.objects.get(slug="sakha")
    heilongjiang = Region.objects.get(slug="heilongjiang")
    china, russia = Country.objects.get(code="CN"), Country.objects.get(code="RU")
    machinery = factories.sector(name="Machinery", slug="machinery")
    factories.enterprise(name="Yakut Diamond Works", country=russia, region=sakha)
    factories.enterprise(
        name="Harbin Bearing", country=china, region=heilongjiang, sector=machinery
    )
    factories.enterprise(name="Amur Timber", country=russia)


def html_slugs(client, view, filters):
    with override("en"):
        path = reverse(url_name(view))
    response = client.get(path, filters)
    assert response.status_code in (200, 404), (path, filters)
    if response.status_code == 404:
        return None
    paginator = response.context.get("paginator")
    records = paginator.object_list if paginator is not None else response.context["object_list"]
    return [record.slug for record in records]


def url_name(view):
    """The page's URL name, found by the view it mirrors."""
    for namespace in ("cooperation", "expo", "news"):
        for pattern in import_module(f"{namespace}.urls").urlpatterns:
            if getattr(pattern.callback, "view_class", None) is view.html_view:
                return f"{namespace}:{pattern.name}"
    raise AssertionError(f"no page for {view}")


def api_slugs(client, prefix, filters):
    slugs = []
    response = client.get(f"/api/v1/{prefix}/", {**filters, "page_size": 200})
    if response.status_code in (400, 404):
        return response.status_code
    assert response.status_code == 200, (prefix, filters, response.content)
    document = response.json()
    slugs += [record["slug"] for record in document["results"]]
    assert document["next"] is None  # the test data fits one page
    assert document["count"] == len(slugs)
    return slugs


def filter_names(view):
    filterset_class = getattr(view.html_view, "filterset_class", None)
    if filterset_class is not None:
        return list(filterset_class.base_filters)
    return ["publisher"]  # the article list's own ?publisher= (news.views)


@pytest.mark.parametrize(("prefix", "view"), MIRRORED, ids=[p for p, _v in MIRRORED])
def test_each_filter_gives_the_pages_records(client, data, prefix, view):
    assert api_slugs(client, prefix, {}) == html_slugs(client, view, {})
    assert html_slugs(client, view, {}), "the list should show something"
    for name in filter_names(view):
        assert name in FILTER_VALUES, f"{prefix}: give the filter {name!r} test values"
        for value in FILTER_VALUES[name]:
            page = html_slugs(client, view, {name: value})
            api = api_slugs(client, prefix, {name: value})
            if page is None:  # the page is a 404 (an unknown publisher): so is the API
                assert api == 404, (prefix, name, value)
            elif api == 400:  # a value the form refuses: the page shows its errors, no rows
                assert page == [], (prefix, name, value)
            else:
                assert api == page, (prefix, name, value)


def test_a_narrowing_filter_narrows_both(client, data):
    response = client.get("/api/v1/enterprises/", {"country": "russia"})
    names = {record["name"] for record in response.json()["results"]}
    assert names == {"Yakut Diamond Works", "Amur Timber"}
    response = client.get("/api/v1/enterprises/", {"name": "Yakutia"})
    assert [record["name"] for record in response.json()["results"]] == ["Yakut Diamond Works"]


def test_an_unusable_filter_is_a_400_naming_it(client, data):
    response = client.get("/api/v1/exhibitions/", {"year": "abc"})
    assert response.status_code == 400
    assert "year" in response.json()
    assert client.get("/api/v1/enterprises/", {"country": "\x00"}).status_code == 400
    assert client.get("/api/v1/enterprises/", {"page": "x"}).status_code == 404
