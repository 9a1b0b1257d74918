"""On PostgreSQL a name search in the enterprise directory searches once per page: the
keys of the matching rows, in order, give both the count and the page (web.pagination,
``BoundedPaginator(by_keys=True)``), and the page is the same as counting and slicing."""

import re

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from expo.models import Enterprise
from tests import factories as f
from web.pagination import BoundedPaginator

pytestmark = pytest.mark.django_db


def slugs(response):
    return re.findall(r'href="/en/enterprises/(works-\d\d)/"', response.content.decode())


@pytest.fixture
def works():
    # Equal names on purpose: only the slug orders them, on every page alike.
    for i in range(60):
        f.enterprise(name=f"Harbin Works {i % 3}", slug=f"works-{i:02d}")
    f.enterprise(name="Amur Shipyard", slug="amur-shipyard")
    f.enterprise(name="Harbin Works draft", slug="works-draft", status="draft")
    ordered = Enterprise.objects.published().filter(name__icontains="harbin works")
    return list(ordered.order_by("name", "slug").values_list("slug", flat=True))


def test_the_pages_of_a_search_are_its_matches_in_order_once_each(client, works):
    pages = [client.get("/en/enterprises/", {"name": "harbin works", "page": n}) for n in (1, 2, 3)]
    assert all(page.status_code == 200 for page in pages)
    assert [slug for page in pages for slug in slugs(page)] == works
    assert len(works) == 60 and "works-draft" not in works
    assert "60 results" in pages[0].content.decode()
    assert "Page 3 of 3" in re.sub(r"<[^>]+>|\s+", " ", pages[2].content.decode())
    assert client.get("/en/enterprises/", {"name": "harbin works", "page": 4}).status_code == 404


def test_a_search_reads_the_matching_keys_once_and_counts_nothing(client, works):
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/enterprises/", {"name": "harbin works", "page": 2})
    enterprise_queries = [q["sql"] for q in queries if '"expo_enterprise"' in q["sql"]]
    counts = [sql for sql in enterprise_queries if "COUNT(" in sql]
    assert len(enterprise_queries) == 2
    if connection.vendor == "postgresql":
        assert not counts  # the keys in order, then the page's rows by key
    else:
        assert len(counts) == 1  # SQLite, without trigram indexes: count, then the page
    # The plain directory still counts (reading keys in name order would cost more there).
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/enterprises/", {"page": 2})
    assert [q for q in queries if "COUNT(" in q["sql"] and '"expo_enterprise"' in q["sql"]]


def test_by_keys_bounds_the_count_and_keeps_orphans_as_slicing_does(works):
    rows = Enterprise.objects.published().filter(name__icontains="harbin works")
    rows = rows.order_by("name", "slug")
    for orphans in (0, 10):
        by_keys = BoundedPaginator(rows, 25, orphans=orphans, by_keys=True)
        sliced = Paginator(rows, 25, orphans=orphans)
        assert by_keys.count == sliced.count and by_keys.num_pages == sliced.num_pages
        for number in by_keys.page_range:
            assert list(by_keys.page(number)) == list(sliced.page(number))
    small = BoundedPaginator(rows, 10, by_keys=True)
    small.max_pages = 2
    assert (small.count, small.truncated, len(small.keys)) == (20, True, 21)


def test_later_pages_read_their_keys_first_and_are_the_sliced_rows(works):
    """A page after the first reads its keys at their offset, then its rows with what
    they show (web.pagination): the same rows in the same order as slicing."""
    rows = Enterprise.objects.published().select_related("country").order_by("name", "slug")
    for orphans in (0, 10):
        bounded = BoundedPaginator(rows, 25, orphans=orphans)
        sliced = Paginator(rows, 25, orphans=orphans)
        assert bounded.num_pages == sliced.num_pages
        for number in bounded.page_range:
            assert list(bounded.page(number)) == list(sliced.page(number))
    with CaptureQueriesContext(connection) as queries:
        page = list(BoundedPaginator(rows, 25).page(2))
    (rows_query,) = [q["sql"] for q in queries if "COUNT(" not in q["sql"]]
    assert len(page) == 25 and page[0].country.code == "CN"
    assert "OFFSET 25" in rows_query and '"cooperation_country"' in rows_query
    # The offset is taken in the keys' subquery, not by the query that joins the rows.
    assert rows_query.count("OFFSET") == 1 and rows_query.rstrip().endswith("ASC")
