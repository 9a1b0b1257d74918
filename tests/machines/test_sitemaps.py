"""The sitemap index and files as the sitemaps.org schema (0.9) requires."""

import datetime
import re
import xml.etree.ElementTree as ET

from tests import factories as f
from tests.sitemaps import sitemap_files

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# W3C Datetime (https://www.w3.org/TR/NOTE-datetime), the forms the schema accepts.
W3C_DATETIME = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$")


def check_urlset(content):
    root = ET.fromstring(content)
    assert root.tag == f"{SITEMAP}urlset"
    urls = root.findall(f"{SITEMAP}url")
    assert urls, "the schema rejects an empty <urlset/>"
    for url in urls:
        assert url.find(f"{SITEMAP}loc").text.startswith("http://testserver/")
        lastmod = url.find(f"{SITEMAP}lastmod")
        assert lastmod is not None and W3C_DATETIME.match(lastmod.text), lastmod
    return urls


def index_entries(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    entries = root.findall(f"{SITEMAP}sitemap")
    for entry in entries:
        assert entry.find(f"{SITEMAP}loc").text.startswith("http://testserver/")
        assert W3C_DATETIME.match(entry.find(f"{SITEMAP}lastmod").text)
    return [entry.find(f"{SITEMAP}loc").text for entry in entries]


def test_every_file_is_valid_and_every_url_has_a_lastmod(client, db):
    f.exhibition()
    f.enterprise()
    f.article()
    files = sitemap_files(client)
    assert len(files) == len(index_entries(client))
    for response in files:
        check_urlset(response.content)


def test_without_enterprises_their_section_is_left_out_and_its_file_is_a_404(client, db):
    f.exhibition()
    f.enterprise(status=f.DRAFT)
    assert not any("sitemap-enterprises" in loc for loc in index_entries(client))
    assert client.get("/sitemap-enterprises.xml").status_code == 404
    for response in sitemap_files(client):
        check_urlset(response.content)


def test_lastmod_is_when_the_record_last_changed(client, db):
    expo = f.exhibition(slug="the-expo")
    saved = expo.history.latest().history_date.replace(microsecond=0)
    text = client.get("/sitemap-expo.xml").content.decode()
    entry = re.search(
        r"<loc>http://testserver/en/exhibitions/the-expo/</loc>\s*<lastmod>([^<]+)", text
    )
    assert datetime.datetime.fromisoformat(entry.group(1)) == saved
    index = client.get("/sitemap.xml").content.decode()
    newest = [datetime.datetime.fromisoformat(m) for m in re.findall(r"<lastmod>([^<]+)", index)]
    assert saved in newest  # the expo section's file: its newest change
