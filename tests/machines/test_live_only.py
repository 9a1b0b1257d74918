"""Drafts, scheduled and expired records never reach a machine: feeds, calendars, exports,
sitemaps, structured data and Open Graph images."""

import pytest

from tests import factories as f
from tests.sitemaps import sitemap_text


def body(response):
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize(
    ("path", "data_format"),
    [
        ("/en/exhibitions/", "atom"),
        ("/en/forums/", "atom"),
        ("/en/articles/", "atom"),
        ("/en/exhibitions/", "ics"),
        ("/en/forums/", "ics"),
        ("/en/calendar/", "ics"),
        ("/en/exhibitions/", "csv"),
        ("/en/enterprises/", "csv"),
        ("/en/enterprises/", "json"),
        ("/en/articles/", "json"),
        ("/en/regions/", "csv"),
    ],
)
def test_no_hidden_record_in_feeds_calendars_or_exports(client, hidden, path, data_format):
    f.exhibition(name="Live exhibition")
    text = body(client.get(path, {"format": data_format}))
    assert not any(name in text for name in hidden)


def test_no_hidden_record_in_the_sitemaps(client, hidden):
    f.enterprise(name="Live works")
    text = sitemap_text(client)
    for kind in ("exhibition", "forum", "enterprise", "article", "region"):
        for state in ("draft", "scheduled", "expired"):
            assert f"/{state}-{kind}/" not in text


@pytest.mark.parametrize("kind", ["exhibition", "region", "article"])
def test_no_open_graph_image_of_a_hidden_record(client, hidden, kind):
    for state in ("draft", "scheduled", "expired"):
        assert client.get(f"/og/{kind}/{state}-{kind}.en.png").status_code == 404
