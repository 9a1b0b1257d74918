"""Issue 29: a search costs what a directory page costs: bounded queries, the directory's
indexed name filter for enterprises, a statement timeout (PostgreSQL) and a per-address
limit on searches."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from discover import search as search_module
from tests import factories
from tests.public.conftest import page_text

from .test_search import result_links, search_url


@pytest.fixture
def works(db):
    china = factories.country("CN")
    return [
        factories.enterprise(name=f"Harbin Works {n:02}", slug=f"harbin-works-{n}", country=china)
        for n in range(12)
    ]


def enterprise_selects(queries):
    # Not the one query, once per content version, for the next scheduled go-live or
    # expiry of any record (web.cache.next_scheduled_change: a MIN over an index for each
    # table, enterprises' included), which the search index reads to know how long it holds.
    return [
        q["sql"]
        for q in queries
        if 'FROM "expo_enterprise"' in q["sql"] and "UNION ALL" not in q["sql"]
    ]


def test_every_enterprise_query_is_bounded(client, works):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(search_url("en"), {"q": "Harbin Works"})
    assert response.status_code == 200
    selects = enterprise_selects(captured.captured_queries)
    assert selects
    for sql in selects:
        assert "LIMIT" in sql, sql  # a page of results, or a count that stops


def test_a_group_past_the_count_limit_says_more_than_and_links_the_directory(
    client, works, monkeypatch
):
    monkeypatch.setattr("discover.views.COUNT_LIMIT", 10)
    response = client.get(search_url("en"), {"q": "Harbin Works"})
    text = page_text(response)
    assert "Enterprises (more than 10)" in text
    assert "More than 10 results for “Harbin Works”" in text
    assert "/en/enterprises/?name=Harbin+Works" in response.content.decode()
    directory = client.get("/en/enterprises/", {"name": "Harbin Works"})
    assert "12 results" in page_text(directory)  # the directory lists every one


def test_enterprises_are_found_as_the_directory_finds_them(client, works):
    """By name or by their region's name; not by words of their description."""
    factories.enterprise(name="Quiet Co", description="Harbin Works partner")
    found = dict(result_links(client.get(search_url("en"), {"q": "Harbin Works"})))
    assert "/en/enterprises/harbin-works-0/" in found["enterprises"]
    paged = client.get(search_url("en"), {"q": "Harbin Works", "type": "enterprises"})
    links = dict(result_links(paged))["enterprises"]
    assert len(links) == 12 and all("harbin-works" in link for link in links)


def test_search_query_count_does_not_grow_with_rows(client, db, django_capture_on_commit_callbacks):
    china = factories.country("CN")
    for size in (5, 40):
        # Committed, so the content version moves and the search index is read again.
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(size):
                factories.enterprise(name=f"Amur Co {size} {n}", country=china)
                factories.region(name=f"Amur {size} {n}", country=china)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(search_url("en"), {"q": "Amur"}).status_code == 200
        if size == 5:
            small = len(captured)
        else:
            assert len(captured) == small


# The per-address limit on searches.


def search(client, q="Harbin", **extra):
    return client.get(search_url("en"), {"q": q}, **extra)


def test_past_the_limit_a_search_gets_a_readable_429_with_retry_after(
    client, db, settings, ratelimit_clock
):
    settings.SEARCH_RATE_LIMIT = "5/m"
    assert [search(client, f"q{n}").status_code for n in range(5)] == [200] * 5
    refused = search(client, "one more")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Too many searches from your address" in page_text(refused)
    assert 'value="one more"' in refused.content.decode()  # the query stays in the box
    as_json = client.get(search_url("en"), {"q": "x", "format": "json"})
    assert as_json.status_code == 429 and "Too many searches" in as_json.json()["error"]
    # Other addresses and other pages are not affected; a minute later it may search again.
    assert search(client, REMOTE_ADDR="192.0.2.7").status_code == 200
    assert client.get("/en/regions/").status_code == 200
    assert client.get(search_url("en")).status_code == 200  # the empty form is not a search
    ratelimit_clock.now += 61
    assert search(client).status_code == 200


def test_ipv6_searchers_are_counted_by_their_64_bit_prefix(client, db, settings, ratelimit_clock):
    settings.SEARCH_RATE_LIMIT = "5/m"
    codes = [search(client, REMOTE_ADDR=f"2001:db8:1:2::{n:x}").status_code for n in range(1, 7)]
    assert codes == [200] * 5 + [429]
    assert search(client, REMOTE_ADDR="2001:db8:1:3::1").status_code == 200


def test_the_default_limit_lets_a_reader_search_thirty_times_a_minute(client, db, ratelimit_clock):
    assert all(search(client, f"q{n}").status_code == 200 for n in range(30))
    assert search(client).status_code == 429


# The statement timeout (PostgreSQL).

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statement_timeout is PostgreSQL's"
)


@postgres_only
def test_a_search_that_runs_too_long_gets_a_page_not_a_500(client, article_data, settings):
    settings.SEARCH_STATEMENT_TIMEOUT = 50  # milliseconds
    original = search_module.Kind.search

    def slow_search(kind, query):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(1)")
        return original(kind, query)

    search_module.Kind.search = slow_search
    try:
        response = search(client)
        as_json = client.get(search_url("en"), {"q": "Harbin", "format": "json"})
    finally:
        search_module.Kind.search = original
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "This search took too long and was stopped" in page_text(response)
    assert as_json.status_code == 503 and "took too long" in as_json.json()["error"]
    # The connection is usable afterwards, with its own limit back.
    assert search(client).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"


@postgres_only
def test_search_statements_run_under_the_timeout(client, article_data):
    with CaptureQueriesContext(connection) as captured:
        search(client)
    sql = [q["sql"] for q in captured.captured_queries]
    start = next(i for i, s in enumerate(sql) if s.startswith("SET LOCAL statement_timeout ="))
    end = next(i for i, s in enumerate(sql) if s.startswith("SET LOCAL statement_timeout TO"))
    assert any(re.search(r'FROM "expo_enterprise"', s) for s in sql[start:end])


def test_a_search_finding_every_slot_busy_is_answered_at_once_with_retry_after(client, works):
    """Many clients searching at once: past ``SEARCH_CONCURRENCY`` searches running in this
    process, the next one is told to come back in a few seconds instead of taking a
    thread the other pages need; the pages themselves are served as usual."""
    from discover.views import searches

    assert searches.acquire()  # the one slot of this process, taken by a running search
    try:
        busy = client.get(search_url("en"), {"q": "Harbin Works"})
        as_data = client.get(search_url("en"), {"q": "Harbin Works", "format": "json"})
        directory = client.get("/en/enterprises/", {"name": "Harbin Works"})
    finally:
        searches.release()
    assert busy.status_code == 503
    assert busy["Retry-After"] == "5"
    assert "Many people are searching right now" in page_text(busy)
    assert "Harbin Works 00" not in page_text(busy)
    # A small page of its own: the reason, the query kept in the box to search again, a
    # way home, in the reader's language.
    html = busy.content.decode()
    assert '<html lang="en">' in html
    assert 'name="q" value="Harbin Works"' in html
    assert 'href="/en/"' in html
    assert as_data.status_code == 503
    assert "Many people are searching right now" in as_data.json()["error"]
    assert directory.status_code == 200
    assert "Harbin Works 00" in page_text(directory)
    # The slot free again: the same search is answered.
    again = client.get(search_url("en"), {"q": "Harbin Works"})
    assert again.status_code == 200
    assert "Harbin Works 00" in page_text(again)


def test_a_failing_search_gives_its_slot_back(client, works, monkeypatch):
    from discover.views import SearchView

    def fail(*args):
        raise search_module.SearchTimedOut

    monkeypatch.setattr(SearchView, "search", fail)
    assert client.get(search_url("en"), {"q": "Harbin Works"}).status_code == 503
    monkeypatch.undo()
    assert client.get(search_url("en"), {"q": "Harbin Works"}).status_code == 200


def test_a_refused_search_reads_in_the_readers_language(client, works):
    from discover.views import searches

    assert searches.acquire()
    try:
        busy = client.get(search_url("ru"), {"q": "Harbin Works"})
    finally:
        searches.release()
    assert busy.status_code == 503
    html = busy.content.decode()
    assert '<html lang="ru">' in html
    assert "Сейчас ищут очень многие" in page_text(busy)
    assert "Many people" not in html
