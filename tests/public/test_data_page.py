"""The "Data and licence" page: what data the site offers and on what terms, in each language."""

import json
import re

import pytest

from tests import factories as f

from .conftest import page_text

HEADINGS = {"en": "Data and licence", "ru": "Данные и лицензия", "zh-hans": "数据与许可"}
CC_BY = "https://creativecommons.org/licenses/by/4.0/"


@pytest.mark.parametrize(("language", "heading"), HEADINGS.items())
def test_the_page_states_the_licence_in_each_language(get, db, language, heading):
    response = get(f"/{language}/data/")
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert response["Content-Language"] == language
    assert f'href="{CC_BY}" rel="license"' in html
    text = page_text(response)
    assert "CC BY 4.0" in text
    # What the site offers: the API, its documentation, feeds, calendars and exports.
    for href in [
        'href="/api/v1/"',
        'href="/api/v1/docs/"',
        f'href="/{language}/exhibitions/?format=atom"',
        f'href="/{language}/calendar/?format=ics"',
    ]:
        assert href in html


def test_the_page_says_the_hosted_article_stays_its_publishers(get, db):
    text = page_text(get("/en/data/"))
    assert "An article this site hosts stays its publisher’s" in text
    assert "this licence does not cover it" in text


def test_its_structured_data_carries_the_licence(get, db):
    html = get("/ru/data/").content.decode()
    blocks = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    dataset = next(block for block in blocks if block["@type"] == "Dataset")
    assert dataset["license"] == CC_BY
    assert dataset["url"] == "http://testserver/ru/data/"
    assert dataset["inLanguage"] == "ru"
    assert dataset["distribution"][0]["contentUrl"] == "http://testserver/api/v1/"


@pytest.mark.parametrize("language", HEADINGS)
def test_every_page_links_it_from_its_footer(get, db, language):
    exhibition = f.exhibition(slug="harbin-expo")
    pages = [
        f"/{language}/",
        f"/{language}/exhibitions/",
        f"/{language}/exhibitions/{exhibition.slug}/",
        f"/{language}/sources/",
        f"/{language}/search/?q=Harbin",
        f"/{language}/data/",
    ]
    for url in pages:
        footer = re.search(r"<footer.*?</footer>", get(url).content.decode(), re.S).group()
        assert f'href="/{language}/data/"' in footer, url
    missing = get(f"/{language}/exhibitions/no-such-exhibition/", status=404)
    assert f'href="/{language}/data/"' in missing.content.decode()


def test_the_api_documentation_page_links_it(get, db):
    html = get("/api/v1/docs/", {}).content.decode()
    assert 'href="/en/data/"' in html


def test_the_sitemap_lists_it_in_every_language(client, db):
    f.exhibition()
    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-pages.xml" in index
    pages = client.get("/sitemap-pages.xml").content.decode()
    for language in HEADINGS:
        assert f"<loc>http://testserver/{language}/data/</loc>" in pages
        assert f"<loc>http://testserver/{language}/sources/</loc>" in pages
