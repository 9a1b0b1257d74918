"""/sitemap.xml is a sitemap index; the enterprises' files are paged in the database."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from expo.sitemaps import EnterpriseSitemap
from tests import factories as f
from tests.sitemaps import sitemap_files

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(EnterpriseSitemap, "limit", 4)


def urls(response):
    root = ET.fromstring(response.content)
    return [
        (
            url.find("s:loc", NS).text,
            {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)},
        )
        for url in root.findall("s:url", NS)
    ]


def test_the_index_lists_each_section_and_each_page_of_the_enterprises(client, db, small_pages):
    for n in range(10):
        f.enterprise(slug=f"works-{n:02d}")
    index = client.get("/sitemap.xml").content.decode()
    enterprise_files = re.findall(
        r"<loc>(http://testserver/sitemap-enterprises\.xml[^<]*)</loc>", index
    )
    assert enterprise_files == [
        "http://testserver/sitemap-enterprises.xml",
        "http://testserver/sitemap-enterprises.xml?p=2",
        "http://testserver/sitemap-enterprises.xml?p=3",
    ]
    assert client.get("/sitemap-enterprises.xml", {"p": 4}).status_code == 404


def test_every_enterprise_is_listed_once_per_language_with_its_alternates(client, db, small_pages):
    slugs = [f.enterprise(slug=f"works-{n:02d}").slug for n in range(10)]
    f.enterprise(slug="draft-works", status=f.DRAFT)
    listed = {}
    for response in sitemap_files(client):
        for loc, alternates in urls(response):
            assert loc not in listed
            listed[loc] = alternates
    for slug in slugs:
        expected = {
            (
                "zh-Hans" if code == "zh-hans" else code
            ): f"http://testserver/{code}/enterprises/{slug}/"
            for code in LANGUAGES
        }
        expected["x-default"] = f"http://testserver/enterprises/{slug}/"
        for code in LANGUAGES:
            assert listed[f"http://testserver/{code}/enterprises/{slug}/"] == expected
    assert not any("draft-works" in loc for loc in listed)


def test_a_page_of_enterprises_costs_the_same_queries_however_many_there_are(
    client, db, small_pages, django_assert_max_num_queries
):
    for n in range(40):
        f.enterprise(slug=f"works-{n:02d}")
    with django_assert_max_num_queries(2):
        first = client.get("/sitemap-enterprises.xml")
    with django_assert_max_num_queries(2):
        last = client.get("/sitemap-enterprises.xml", {"p": 10})
    assert len(urls(first)) == len(urls(last)) == 4 * len(LANGUAGES)


def test_each_file_stays_within_the_protocols_limits():
    assert EnterpriseSitemap.limit * len(LANGUAGES) <= 50_000
    # An address with its alternates is well under 1 kB; 50 MB is the limit per file.
    assert EnterpriseSitemap.limit * len(LANGUAGES) * 1024 < 50 * 1024 * 1024


def test_files_follow_ranges_of_keys_and_an_emptied_file_leaves_the_index(client, db, small_pages):
    works = [f.enterprise(slug=f"works-{n:02d}") for n in range(12)]
    for enterprise in works[4:8]:
        enterprise.delete()
    files = sitemap_files(client)  # every file the index lists answers 200
    listed = [loc for response in files for loc, _alternates in urls(response)]
    kept = [e.slug for e in works[:4] + works[8:]]
    assert sorted({loc.split("/")[-2] for loc in listed if "/enterprises/works-" in loc}) == kept
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-enterprises.xml?p=3" in index
    # The sitemaps.org schema rejects an empty <urlset/>: not listed, and a 404.
    assert "sitemap-enterprises.xml?p=2" not in index
    assert client.get("/sitemap-enterprises.xml", {"p": 2}).status_code == 404


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99"])
def test_a_file_that_does_not_exist_is_a_404(client, db, small_pages, page):
    f.enterprise(slug="works")
    assert client.get("/sitemap-enterprises.xml", {"p": page}).status_code == 404


def test_the_index_never_counts_the_enterprises(client, db, small_pages):
    for n in range(10):
        f.enterprise(slug=f"works-{n:02d}")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sitemap.xml").status_code == 200
    on_enterprises = [q["sql"] for q in queries if '"expo_enterprise"' in q["sql"]]
    assert on_enterprises, "the index reads the enterprises' key range"
    assert not any("COUNT(" in sql.upper() for sql in on_enterprises), on_enterprises


def test_the_index_is_xml_naming_each_file_once(client, db, small_pages):
    """Django's own index template: one <sitemap> with its <loc> per file, in order."""
    for n in range(6):
        f.enterprise(slug=f"works-{n:02d}")
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    locs = [entry.find("s:loc", NS).text for entry in root.findall("s:sitemap", NS)]
    assert len(locs) == len(set(locs))
    assert locs[0] == "http://testserver/sitemap-expo-lists.xml"
    assert [loc for loc in locs if "enterprises" in loc] == [
        "http://testserver/sitemap-enterprises.xml",
        "http://testserver/sitemap-enterprises.xml?p=2",
    ]
    assert all(entry.find("s:lastmod", NS) is not None for entry in root.findall("s:sitemap", NS))
