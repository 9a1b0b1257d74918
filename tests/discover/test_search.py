"""Site search: the header box, ranking, every language, any query (SQLite and PostgreSQL)."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import override

from publishing.models import EditorialStatus
from tests import factories
from tests.public.conftest import page_text

LANGUAGES = ["en", "ru", "zh-hans"]


def search_url(language="en"):
    with override(language):
        return reverse("discover:search")


def result_links(response):
    """The result links in page order, per group heading: [(group id, [href, ...]), ...]."""
    html = response.content.decode()
    groups = []
    for match in re.finditer(r'<section class="search-group"(.*?)</section>', html, flags=re.S):
        section = match.group(1)
        key = re.search(r'aria-labelledby="search-([a-z]+)"', section).group(1)
        links = re.findall(r'<li><a href="([^"]+)"', section)
        groups.append((key, links))
    return groups


@pytest.fixture
def sakha_enterprise(article_data):
    from cooperation.models import Region

    sakha = Region.objects.get(slug="sakha")
    return factories.enterprise(
        name="Yakut Diamond Works", slug="yakut-diamond-works", country=sakha.country, region=sakha
    )


def test_every_page_has_a_labelled_search_box_that_leads_to_the_search(client, article_data):
    for url in ["/en/", "/ru/regions/", "/zh-hans/exhibitions/6th-china-russia-expo/"]:
        html = client.get(url).content.decode()
        form = re.search(r'<form class="site-search"[^>]*>(.*?)</form>', html, flags=re.S)
        assert form, url
        assert 'method="get"' in form.group(0)
        language = url.split("/")[1]
        assert f'action="{search_url(language)}"' in form.group(0)
        assert re.search(r'<label for="site-search-q">[^<]+</label>', form.group(1))
        assert 'id="site-search-q" name="q"' in form.group(1)


@pytest.mark.parametrize("query", ["Harbin", "Харбин", "哈尔滨"])
def test_harbin_finds_the_city_first_then_the_expo_and_the_forum(client, article_data, query):
    for language in LANGUAGES:
        for typed in [query, query.lower(), query.upper()]:
            response = client.get(search_url(language), {"q": typed})
            assert response.status_code == 200
            groups = result_links(response)
            keys = [key for key, _links in groups]
            # The exact name match (the city) comes first; the EXPO and forum held there follow.
            assert keys[0] == "cities", (language, typed)
            assert groups[0][1][0] == f"/{language}/cities/harbin/"
            links = dict(groups)
            assert f"/{language}/exhibitions/6th-china-russia-expo/" in links["exhibitions"]
            forum = f"/{language}/forums/2nd-china-russia-forum-of-interregional-cooperation/"
            assert forum in links["forums"]
            assert f'value="{typed}"' in response.content.decode()  # the query stays in the box


def test_region_names_in_any_language_find_the_region_and_its_enterprises(client, sakha_enterprise):
    for query in ["Якутия", "Yakutia", "Sakha", "萨哈", "якутия"]:
        for language in LANGUAGES:
            links = dict(result_links(client.get(search_url(language), {"q": query})))
            assert f"/{language}/regions/sakha/" in links["regions"], (language, query)
            assert f"/{language}/enterprises/yakut-diamond-works/" in links["enterprises"]


def test_results_show_names_in_the_page_language(client, article_data):
    text = page_text(client.get(search_url("ru"), {"q": "Harbin"}))
    assert "Харбин" in text
    assert "6-е Российско-Китайское ЭКСПО" in text
    text = page_text(client.get(search_url("zh-hans"), {"q": "Харбин"}))
    assert "第六届中国-俄罗斯博览会" in text


def test_two_character_chinese_query_finds_guangdong(client, article_data):
    links = dict(result_links(client.get(search_url("en"), {"q": "广东"})))
    assert links["regions"] == ["/en/regions/guangdong/"]


def test_exact_then_prefix_then_other_matches(client, db):
    china = factories.country("CN")
    region = factories.region(name="Amur", slug="amur", country=china)
    factories.region(name="Amur River Basin", slug="amur-basin", country=china)
    factories.region(name="Upper Amur", slug="upper-amur", country=china)
    factories.region(name="Blagoveshchensk area", slug="blag", description="On the Amur.")
    links = dict(result_links(client.get(search_url("en"), {"q": "amur"})))
    assert links["regions"] == [
        "/en/regions/amur/",  # the name is the query
        "/en/regions/amur-basin/",  # the name starts with it
        "/en/regions/upper-amur/",  # the name contains it
        "/en/regions/blag/",  # found in the description
    ]
    assert region.slug == "amur"


def test_groups_have_counts_and_one_kind_is_paginated_with_the_query_in_the_url(client, db):
    china = factories.country("CN")
    for n in range(27):
        factories.enterprise(name=f"Harbin Works {n:02}", slug=f"harbin-works-{n}", country=china)
    response = client.get(search_url("en"), {"q": "Harbin Works"})
    text = page_text(response)
    assert "Enterprises (27)" in text
    assert "Enterprises: show all 27 results" in text
    assert len(dict(result_links(response))["enterprises"]) == 5
    page_one = client.get(search_url("en"), {"q": "Harbin Works", "type": "enterprises"})
    # Enterprises page as their directory does: 25 to a page.
    assert len(dict(result_links(page_one))["enterprises"]) == 25
    assert "Page 1 of 2" in page_text(page_one)
    assert "?q=Harbin+Works&amp;type=enterprises&amp;page=2" in page_one.content.decode()
    page_two = client.get(search_url("en"), {"q": "Harbin Works", "type": "enterprises", "page": 2})
    assert len(dict(result_links(page_two))["enterprises"]) == 2


def test_records_that_are_not_live_are_not_found(client, db):
    draft_region = factories.region(name="Hidden Krai", status=EditorialStatus.DRAFT)
    factories.enterprise(name="Visible Co", region=draft_region, country=draft_region.country)
    factories.enterprise(name="Hidden Krai Trading", status=EditorialStatus.DRAFT)
    response = client.get(search_url("en"), {"q": "Hidden Krai"})
    assert result_links(response) == []
    assert "Nothing matches" in page_text(response)


QUERIES = [
    "Harbin\x00",
    "\x00",
    "%",
    "_",
    "' OR 1=1 --",
    '"; DROP TABLE expo_enterprise; --',
    ".*",
    "(((",
    "[a-z]+\\",
    "a & b | !c <-> d",
    "-",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "\t\r\n",
]


def test_any_query_gives_results_or_an_empty_result_never_an_error(client, article_data):
    for query in QUERIES:
        response = client.get(search_url("en"), {"q": query})
        assert response.status_code == 200, repr(query)
        text = page_text(response)
        assert result_links(response) or "Nothing matches" in text or "Type a name" in text


def test_nul_bytes_are_dropped_from_the_query(client, article_data):
    response = client.get(search_url("en"), {"q": "Har\x00bin"})
    assert 'value="Har bin"' in response.content.decode()  # a NUL byte reads as a space
    links = dict(result_links(client.get(search_url("en"), {"q": "\x00Harbin\x00"})))
    assert links["cities"] == ["/en/cities/harbin/"]


def test_an_overlong_query_is_cut_with_a_notice(client, article_data):
    response = client.get(search_url("en"), {"q": "Harbin" + "x" * 10_000})
    assert response.status_code == 200
    text = page_text(response)
    assert "only its first 100 characters were used" in text
    response = client.get(search_url("en"), {"q": "Harbin" + " " * 200 + "z" * 9_000})
    assert "only its first 100 characters were used" in page_text(response)


def test_empty_query_and_unknown_type(client, article_data):
    assert "Type a name" in page_text(client.get(search_url("en")))
    assert "Type a name" in page_text(client.get(search_url("en"), {"q": "   "}))
    assert client.get(search_url("en"), {"q": "Harbin", "type": "nope"}).status_code == 404
    assert (
        client.get(search_url("en"), {"q": "Harbin", "page": "x", "type": "cities"}).status_code
        == 200
    )


def test_article_text_is_searched_word_by_word(client, article_data):
    links = dict(result_links(client.get(search_url("en"), {"q": "accelerated development"})))
    assert "/en/articles/interregional-cooperation-accelerated-development/" in links["articles"]


def test_search_query_count_does_not_grow_with_rows(client, db, django_assert_max_num_queries):
    china = factories.country("CN")
    for n in range(30):
        factories.enterprise(name=f"Amur Co {n}", country=china)
        factories.region(name=f"Amur {n}", country=china)
    with django_assert_max_num_queries(20):
        assert client.get(search_url("en"), {"q": "Amur"}).status_code == 200


def test_a_name_with_a_typo_is_found(client, article_data):
    # pg_trgm's word similarity, on SQLite too since the index computes it (discover.trigrams).
    links = dict(result_links(client.get(search_url("en"), {"q": "Harbinn"})))
    assert links["cities"] == ["/en/cities/harbin/"]
