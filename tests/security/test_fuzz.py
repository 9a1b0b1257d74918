"""Tests that stay: random query strings over every public page and every admin change list.

Every page of the sitemap (every language), and every change list of the site's
admin as an Editor, gets query strings drawn by hypothesis: the parameter names the
page knows, random names, and values chosen to break things (huge and negative
numbers, regular-expression and SQL characters, NUL, any Unicode). No response may
be a server error. Bounded (``FUZZ_EXAMPLES`` public requests, 60 by default, and
three times as many admin ones, which are quicker; about 20 s in all) and
derandomised, so CI is repeatable; ``FUZZ_RANDOM=1`` draws new examples each run.
"""

import os
import re
from urllib.parse import urlsplit

import pytest
from django.contrib import admin
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sitemaps import sitemap_text

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=os.environ.get("FUZZ_RANDOM") != "1",
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = [
    "",
    "0",
    "-1",
    "1.5",
    "99999999999999999999999",
    "-99999999999999999999999",
    "1e309",
    "NaN",
    "(",
    "[a-",
    "*",
    "%",
    "_",
    "' OR '1'='1",
    "\x00",
    "a\x00b",
    "<script>",
    "x" * 3000,
    "é中文𝄞",
    "2019-13-45",
    "true",
    "1,2,abc",
]
PUBLIC_KEYS = [
    "q",
    "page",
    "country",
    "region",
    "city",
    "sector",
    "series",
    "year",
    "kind",
    "exhibition",
    "publisher",
    "status",
    "ordering",
    "o",
    "lang",
    "next",
]
ADMIN_KEYS = ["o", "p", "q", "e", "all", "_to_field", "_popup", "_facets", "_changelist_filters"]
OUR_APPS = {"sources", "cooperation", "expo", "news"}

values = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), st.integers().map(str))


def queries(keys):
    names = st.one_of(st.sampled_from(keys), st.text(min_size=1, max_size=20))
    return st.lists(st.tuples(names, values), max_size=4)


@pytest.fixture
def public_urls(article_data, client):
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap_text(client))
    urls = sorted({urlsplit(loc).path for loc in locs})
    assert len(urls) > 20
    return urls


def test_every_public_page_with_random_queries(public_urls, client):
    @FUZZ
    @given(url=st.sampled_from(public_urls), query=queries(PUBLIC_KEYS))
    def check(url, query):
        response = client.get(url, query)
        assert response.status_code < 500, (url, query)

    check()


@pytest.fixture
def editor_change_lists(article_data, login):
    client = login("editor")
    lists = []
    for model in admin.site._registry:
        if model._meta.app_label not in OUR_APPS:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        page = client.get(url)
        if page.status_code != 200:
            continue
        cl = page.context["cl"]
        keys = [name for spec in cl.filter_specs for name in spec.expected_parameters()]
        if cl.date_hierarchy:
            keys += [f"{cl.date_hierarchy}__{part}" for part in ("year", "month", "day")]
        lists.append((url, [*ADMIN_KEYS, *keys]))
    assert len(lists) > 15
    return client, lists


def test_every_admin_change_list_with_random_queries(editor_change_lists):
    client, lists = editor_change_lists

    @settings(FUZZ, max_examples=3 * EXAMPLES)
    @given(data=st.data())
    def check(data):
        url, keys = data.draw(st.sampled_from(lists))
        query = data.draw(queries(keys))
        response = client.get(url, query)
        assert response.status_code < 500, (url, query)

    check()
