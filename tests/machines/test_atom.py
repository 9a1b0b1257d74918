"""The Atom feeds read as RFC 4287 requires (what a validator and feedparser check)."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.utils.translation import override

from tests import factories as f

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# A BCP 47 tag as the site writes them: language, then script or region.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
FEEDS = ["/{}/exhibitions/", "/{}/forums/", "/{}/articles/"]
TAGS = {"en": "en", "ru": "ru", "zh-hans": "zh-Hans"}


@pytest.fixture
def records(db):
    # A request leaves its language active; the plain field is the English one.
    with override("en"):
        expo = f.exhibition(name="Trade Fair", name_ru="Ярмарка", name_zh_hans="博览会")
        f.forum(name="Forum of Regions", name_ru="Форум регионов", name_zh_hans="地区论坛")
        f.article(title="A report", title_ru="Сообщение", title_zh_hans="报道")
    return expo


def one(element, tag):
    found = element.findall(f"{ATOM}{tag}")
    assert len(found) == 1, f"{tag}: {len(found)}"
    return found[0]


def check_rfc4287(root, self_url):
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert one(root, tag).text
    assert RFC3339.match(one(root, "updated").text)
    links = {link.get("rel", "alternate"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"] == self_url
    assert links["alternate"] != self_url
    feed_author = root.find(f"{ATOM}author")
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert one(entry, tag).text
        assert RFC3339.match(one(entry, "updated").text)
        author = entry.find(f"{ATOM}author") or feed_author
        assert author is not None and one(author, "name").text


@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
@pytest.mark.parametrize("feed", FEEDS)
def test_every_feed_is_valid_atom_in_its_language_and_the_same_bytes_twice(
    client, records, feed, language
):
    path = feed.format(language)
    first = client.get(path, {"format": "atom"})
    second = client.get(path, {"format": "atom"})
    assert first.content == second.content
    root = ET.fromstring(first.content)
    check_rfc4287(root, f"http://testserver{path}?format=atom")
    lang = root.get(XML_LANG)
    assert LANGUAGE_TAG.match(lang) and lang == TAGS[language]


def test_self_keeps_the_filters_and_the_text_is_in_the_feeds_language(client, records):
    root = ET.fromstring(client.get("/ru/exhibitions/", {"year": "2019", "format": "atom"}).content)
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == "http://testserver/ru/exhibitions/?year=2019&format=atom"
    assert one(one(root, "entry"), "title").text == "Ярмарка"
    assert (
        one(one(root, "author"), "name").text
        == "Российско-китайское межрегиональное сотрудничество"
    )


def test_an_entry_is_updated_when_its_record_changes(client, records):
    path = "/en/exhibitions/"
    before = client.get(path, {"format": "atom"}).content
    with override("en"):
        records.name = "Trade Fair renamed"
        records.save()
    after = ET.fromstring(client.get(path, {"format": "atom"}).content)
    assert after.find(f"{ATOM}entry/{ATOM}title").text == "Trade Fair renamed"
    assert before != client.get(path, {"format": "atom"}).content


@pytest.mark.parametrize("feed", FEEDS)
def test_an_empty_feed_is_valid_and_stable(client, db, feed):
    path = feed.format("en")
    first = client.get(path, {"format": "atom"}).content
    root = ET.fromstring(first)
    assert RFC3339.match(one(root, "updated").text)
    assert one(one(root, "author"), "name").text
    assert client.get(path, {"format": "atom"}).content == first
