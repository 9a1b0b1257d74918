"""Issue 25: search results as JSON and Atom, live records only."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone, translation

from publishing.models import EditorialStatus
from tests import factories

from .test_search import search_url

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def amur(db):
    """One live region and a draft, a scheduled and an expired one, all named Amur."""
    translation.activate("en")  # names in English, whichever language a test left active
    now = timezone.now()
    factories.region(name="Amur Live", slug="amur-live")
    factories.region(name="Amur Draft", slug="amur-draft", status=EditorialStatus.DRAFT)
    factories.region(
        name="Amur Scheduled", slug="amur-scheduled", publish_at=now + datetime.timedelta(days=1)
    )
    factories.region(
        name="Amur Expired", slug="amur-expired", expires_at=now - datetime.timedelta(days=1)
    )
    factories.enterprise(name="Amur Hidden Co", status=EditorialStatus.DRAFT)


def test_json_holds_the_results_of_the_page(client, amur):
    response = client.get(search_url("en"), {"q": "Amur", "format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["format"] == "china-russia-cooperation.search/1"
    assert (data["query"], data["language"], data["suggestion"]) == ("Amur", "en", None)
    assert data["url"] == "http://testserver/en/search/?q=Amur"
    (group,) = data["groups"]
    assert (group["kind"], group["count"], group["more"]) == ("regions", 1, False)
    assert group["results"][0]["name"] == "Amur Live"
    assert group["results"][0]["url"] == "http://testserver/en/regions/amur-live/"


@pytest.mark.parametrize("data_format", ["json", "atom"])
@pytest.mark.parametrize("hidden", ["Draft", "Scheduled", "Expired", "Hidden Co"])
def test_drafts_scheduled_and_expired_records_never_appear(client, amur, data_format, hidden):
    for kind in ("", "regions", "enterprises"):
        params = {"q": "Amur", "format": data_format, **({"type": kind} if kind else {})}
        body = client.get(search_url("en"), params).content.decode()
        assert f"Amur {hidden}" not in body
        assert "amur-" + hidden.lower() not in body
    assert (
        "Amur Live"
        in client.get(search_url("en"), {"q": "Amur", "format": data_format}).content.decode()
    )


def test_atom_is_a_valid_feed_whose_self_link_is_the_feed(client, amur):
    response = client.get(search_url("ru"), {"q": "Amur", "format": "atom"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    for required in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert feed.find(ATOM + required).text, required
    links = {link.get("rel"): link.get("href") for link in feed.findall(ATOM + "link")}
    assert links["self"] == "http://testserver/ru/search/?q=Amur&format=atom"
    assert links["alternate"] == "http://testserver/ru/search/?q=Amur"
    (entry,) = feed.findall(ATOM + "entry")
    assert entry.find(ATOM + "title").text == "Amur Live"
    assert entry.find(ATOM + "id").text == "http://testserver/ru/regions/amur-live/"
    assert entry.find(ATOM + "updated").text
    # The same bytes on the next request: nothing in it is the time of the request.
    again = client.get(search_url("ru"), {"q": "Amur", "format": "atom"})
    assert again.content == response.content


def test_the_page_links_its_data_formats_and_unknown_formats_are_404(client, amur):
    html = client.get(search_url("en"), {"q": "Amur"}).content.decode()
    assert 'href="/en/search/?q=Amur&amp;format=json"' in html
    assert 'href="/en/search/?q=Amur&amp;format=atom"' in html
    assert client.get(search_url("en"), {"q": "Amur", "format": "csv"}).status_code == 404
    assert client.get(search_url("en"), {"q": "Amur", "format": "\x00"}).status_code == 404
