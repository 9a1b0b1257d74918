"""Issue 29: the smaller kinds are matched in an index read once per content version
(``discover.index``), with the same results on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from discover import index
from discover.trigrams import trigrams, word_similarity
from publishing.models import EditorialStatus
from tests import factories
from tests.public.conftest import page_text

from .test_search import result_links, search_url


def links(client, q, **params):
    return dict(result_links(client.get(search_url("en"), {"q": q, **params})))


@pytest.fixture
def zeya(db):
    """Records called Zeya in three of the smaller kinds, and nowhere else."""
    region = factories.region(name="Amur Oblast", slug="amur-oblast")
    city = factories.city(name="Zeya", slug="zeya", region=region)
    other_city = factories.city(name="Svobodny", slug="svobodny", region=region)
    factories.exhibition(name="Zeya Valley Fair", slug="zeya-fair", city=other_city)
    factories.council(name="Zeya River Council", slug="zeya-council")
    return city


def test_a_renamed_record_is_found_by_its_new_name_only(
    client, zeya, django_capture_on_commit_callbacks
):
    assert links(client, "Zeya")["cities"] == ["/en/cities/zeya/"]
    zeya.name = "Tynda"
    zeya.name_ru = "Тында"
    with django_capture_on_commit_callbacks(execute=True):  # committed: the version moves
        zeya.save()
    assert links(client, "Tynda")["cities"] == ["/en/cities/zeya/"]
    assert links(client, "Тында")["cities"] == ["/en/cities/zeya/"]
    assert "cities" not in links(client, "zeya")  # the fair and the council still match
    zeya.name = "Skovorodino"
    with django_capture_on_commit_callbacks(execute=True):
        zeya.save()
    assert "cities" not in links(client, "TYNDA")
    assert links(client, "Skovorodino")["cities"] == ["/en/cities/zeya/"]


def test_a_record_unpublished_later_is_no_longer_found(
    client, zeya, django_capture_on_commit_callbacks
):
    assert "/en/cities/zeya/" in links(client, "Zeya")["cities"]
    zeya.status = EditorialStatus.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        zeya.save()
    assert "cities" not in links(client, "Zeya")
    assert "cities" not in links(client, "Zeya", type="cities")


def test_a_draft_is_never_found_nor_found_by(client, db):
    factories.region(name="Hidden Steppe", slug="hidden", status=EditorialStatus.DRAFT)
    province = factories.region(name="Open Province", slug="open-province")
    centre = factories.city(
        name="Hiddenburg", slug="hiddenburg", region=province, status=EditorialStatus.DRAFT
    )
    province.administrative_centre = centre
    province.save()
    for q in ("Hidden Steppe", "Hiddenburg", "Hidenburg"):
        for kind in ("", "regions", "cities"):
            params = {"type": kind} if kind else {}
            response = client.get(search_url("en"), {"q": q, **params})
            assert result_links(response) == [], (q, kind)
            assert "Nothing matches" in page_text(response)
    # The region is found by its own name, not by its draft administrative centre's.
    assert links(client, "Open Province")["regions"] == ["/en/regions/open-province/"]


@pytest.mark.parametrize(
    ("typed", "group", "link"),
    [
        ("Harbinn", "cities", "/en/cities/harbin/"),
        ("Харбинн", "cities", "/en/cities/harbin/"),
        ("Heilongjang", "regions", "/en/regions/heilongjiang/"),
    ],
)
def test_a_typo_finds_the_name_on_every_database(client, article_data, typed, group, link):
    """pg_trgm's word similarity, computed in Python: SQLite forgives typos as well."""
    response = client.get(search_url("en"), {"q": typed})
    assert link in dict(result_links(response))[group]
    assert "Nothing matches" not in page_text(response)


@pytest.mark.parametrize(
    ("query", "name", "similarity"),
    [
        ("Harbinn", "Harbin", 0.75),
        ("Harbinn", "Harbin city", 0.75),
        ("Heilongjang", "Heilongjiang Province", 2 / 3),
        ("Харбинн", "Харбин", 0.75),
        ("amur", "Blagoveshchensk", 0.0),
        ("-", "Harbin", 0.0),
    ],
)
def test_word_similarity_is_pg_trgms(query, name, similarity):
    assert word_similarity(set(trigrams(query)), name) == pytest.approx(similarity)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares with pg_trgm itself")
def test_word_similarity_equals_postgresqls(article_data):
    from cooperation.models import City, Region
    from expo.models import Exhibition

    names = [
        value
        for model in (City, Region, Exhibition)
        for row in model.objects.values_list("name_en", "name_ru", "name_zh_hans")
        for value in row
        if value
    ]
    queries = ["Harbinn", "Heilongjang", "Хэйлунцзян", "哈尔滨市", "expo 6", "Primorsky Krai"]
    with connection.cursor() as cursor:
        for query in queries:
            for name in names:
                cursor.execute("SELECT word_similarity(%s, %s)", [query, name])
                expected = cursor.fetchone()[0]
                assert word_similarity(set(trigrams(query)), name) == pytest.approx(
                    expected, abs=1e-6
                ), (query, name)


def test_text_is_searched_as_websearch_reads_it(client, db):
    factories.region(name="North Bank", slug="north", description="A river port and a rail hub.")
    factories.region(name="South Bank", slug="south", description="A port on the river.")
    factories.region(name="East Bank", slug="east", description="Rail yards, no port.")
    assert links(client, "river port")["regions"] == ["/en/regions/north/", "/en/regions/south/"]
    assert links(client, '"river port"')["regions"] == ["/en/regions/north/"]
    assert links(client, "port -river")["regions"] == ["/en/regions/east/"]
    assert links(client, "hub or yards")["regions"] == ["/en/regions/east/", "/en/regions/north/"]
    assert "regions" not in links(client, "-river")  # exclusions alone find nothing


def test_one_kind_is_paginated_and_counted_from_the_index(client, db, monkeypatch):
    china = factories.country("CN")
    for n in range(25):
        factories.region(name=f"Argun {n:02}", slug=f"argun-{n:02}", country=china)
    response = client.get(search_url("en"), {"q": "Argun"})
    assert "Regions (25)" in page_text(response)
    assert dict(result_links(response))["regions"] == [
        f"/en/regions/argun-{n:02}/" for n in range(5)
    ]
    first = links(client, "Argun", type="regions")["regions"]
    second = links(client, "Argun", type="regions", page=2)["regions"]
    assert first + second == [f"/en/regions/argun-{n:02}/" for n in range(25)]
    assert len(first) == 20
    monkeypatch.setattr("discover.views.COUNT_LIMIT", 10)
    assert "Regions (more than 10)" in page_text(client.get(search_url("en"), {"q": "argun"}))


def test_a_kind_past_the_index_limit_is_searched_in_the_database(client, db, monkeypatch):
    monkeypatch.setattr(index, "INDEX_LIMIT", 2)
    china = factories.country("CN")
    factories.region(name="Upper Shilka", slug="upper-shilka", country=china)
    factories.region(name="Shilka", slug="shilka", country=china)
    factories.region(name="Onon", slug="onon", country=china, description="Joins the Shilka.")
    factories.city(name="Shilka Town", slug="shilka-town")
    with CaptureQueriesContext(connection) as captured:
        found = links(client, "Shilka")
    assert found["regions"] == [
        "/en/regions/shilka/",
        "/en/regions/upper-shilka/",
        "/en/regions/onon/",
    ]
    assert found["cities"] == ["/en/cities/shilka-town/"]
    # Regions (three, past the limit) were searched with the database's own query.
    assert any(
        'FROM "cooperation_region"' in q["sql"] and "LIKE" in q["sql"].upper()
        for q in captured.captured_queries
    )


def test_a_warm_search_reads_only_the_kinds_it_shows(client, zeya):
    """Once the index is read, the smaller kinds cost one query per kind with results
    (its records on show) on top of the enterprises' queries, and nothing else."""
    for n in range(3):  # enough that the enterprises alone ask for no suggestion
        factories.enterprise(name=f"Zeya Gold {n}", country=factories.country("RU"))
    client.get(search_url("en"), {"q": "Zeya"})  # reads the index of every kind
    with CaptureQueriesContext(connection) as enterprises_only:
        client.get(search_url("en"), {"q": "zeya", "type": "enterprises", "format": "json"})
    with CaptureQueriesContext(connection) as captured:
        response = client.get(search_url("en"), {"q": "zeya", "format": "json"})
    assert [group["kind"] for group in response.json()["groups"]] == [
        "cities",
        "exhibitions",
        "councils",
        "enterprises",
    ]
    assert len(captured) == 3 + len(enterprises_only), [q["sql"] for q in captured]
    assert not any("ROW_NUMBER" in q["sql"] for q in captured)  # the index is not read again


def test_a_warm_search_query_count(client, zeya, django_assert_max_num_queries):
    client.get(search_url("en"), {"q": "Zeya"})
    # One for each of the 3 kinds with results; for enterprises, at most their region
    # names, their keys or count, and their rows; on PostgreSQL 4 for the statement
    # timeout (savepoint, set, reset, release).
    with django_assert_max_num_queries(3 + 3 + 4):
        response = client.get(search_url("en"), {"q": "ZEYA"})
    assert [key for key, _links in result_links(response)] == [
        "cities",
        "exhibitions",
        "councils",
    ]
