"""The page cache keeps only pages that readers can reach by the site's own links: a
parameter a page does not read makes no new entry (web/cache.py)."""

import random
import string

import pytest
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from tests import factories as f
from web import cache as page_cache

LIST = "/en/enterprises/"


class CountingCache(LocMemCache):
    """The test's cache: remembers the pages it was asked to keep."""

    pages = set()

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if key.startswith("pages:") and not key.startswith(("pages:until:", "pages:version")):
            CountingCache.pages.add(key)
        super().set(key, value, timeout, version)


@pytest.fixture(autouse=True)
def cache_on(settings, db):
    settings.PAGE_CACHE = True
    settings.CACHES = {"default": {"BACKEND": f"{__name__}.CountingCache", "LOCATION": "b"}}
    CountingCache.pages = set()
    page_cache.bump()


def stored_pages():
    return len(CountingCache.pages)


def random_word():
    return "".join(random.choices(string.ascii_lowercase, k=10))


def test_unknown_parameters_add_no_entry(client):
    f.enterprise(name="Works Alpha")
    client.get(LIST)
    before = stored_pages()
    for _ in range(50):
        response = client.get(LIST, {random_word(): random_word()})
        assert response.status_code == 200
        assert "Works Alpha" in response.content.decode()
    assert stored_pages() == before


def test_a_page_with_an_unknown_parameter_is_made_every_time(client):
    f.enterprise(name="Works Alpha")
    client.get(f"{LIST}?utm_source=mail")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{LIST}?utm_source=mail")
    assert "Works Alpha" in response.content.decode()
    assert len(queries) > 0  # not from the cache


def test_a_known_filter_is_cached_in_one_order(client, django_assert_num_queries):
    enterprise = f.enterprise(name="Works Alpha")
    country = enterprise.country.slug
    client.get(LIST, {"name": "Works", "country": country})
    before = stored_pages()
    assert before == 1
    with django_assert_num_queries(0):
        response = client.get(f"{LIST}?country={country}&name=Works")
    assert "Works Alpha" in response.content.decode()
    assert stored_pages() == before


def test_a_parameter_given_twice_is_not_stored(client):
    f.enterprise(name="Works Alpha")
    before = stored_pages()
    for n in range(10):
        client.get(f"{LIST}?name=Works&name={n}")
    assert stored_pages() == before


def test_a_filter_value_that_is_no_choice_is_not_stored(client):
    f.enterprise(name="Works Alpha")
    before = stored_pages()
    for _ in range(10):
        response = client.get(LIST, {"country": random_word()})
        assert response.status_code == 200
    assert stored_pages() == before


def test_a_detail_page_is_cached_without_parameters_only(client):
    enterprise = f.enterprise(name="Works Alpha")
    url = enterprise.get_absolute_url()
    client.get(url)
    before = stored_pages()
    client.get(url)
    for _ in range(10):
        client.get(url, {"page": random_word()})
    assert stored_pages() == before


def content_query_of(path):
    request = RequestFactory().get(path)
    request.resolver_match = resolve(request.path_info)
    return page_cache.content_query(request)


def test_content_query_is_what_the_page_reads_in_one_order():
    assert content_query_of(f"{LIST}?utm_source=x&sector=&name=harbin&country=cn&page=2") == (
        "country=cn&name=harbin&page=2"
    )
    assert content_query_of(f"{LIST}?x=1") == ""
    assert content_query_of("/en/?name=harbin") == ""
