"""What a client on another origin, in another language, or in a hurry sees."""

import json

from django.test import override_settings

from tests import factories

LICENCE = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


def test_the_root_names_every_list_the_schema_the_docs_and_the_licence(client, db):
    document = client.get("/api/v1/").json()
    assert document["licence"]["name"] == "CC BY 4.0"
    assert document["lists"]["enterprises"] == "http://testserver/api/v1/enterprises/"
    assert client.get(document["schema"]).status_code == 200
    assert client.get(document["documentation"]).status_code == 200


def test_a_browser_on_another_origin_may_read_the_api_and_the_data_formats(client, db):
    origin = {"HTTP_ORIGIN": "https://example.org"}
    factories.exhibition()
    for path in [
        "/api/v1/exhibitions/",
        "/en/exhibitions/?format=csv",
        "/en/exhibitions/?format=json",
        "/en/exhibitions/?format=atom",
        "/en/exhibitions/?format=ics",
        "/en/calendar/?format=ics",
    ]:
        response = client.get(path, **origin)
        assert response.status_code == 200, path
        assert response["Access-Control-Allow-Origin"] == "*", path
        assert "Access-Control-Allow-Credentials" not in response, path
        assert response["Cross-Origin-Resource-Policy"] == "cross-origin", path
        assert response["Link"] == LICENCE, path
    page = client.get("/en/exhibitions/", **origin)
    assert "Access-Control-Allow-Origin" not in page
    assert page["Cross-Origin-Resource-Policy"] == "same-origin"


def test_a_preflight_allows_reading_only(client, db):
    response = client.options(
        "/api/v1/exhibitions/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 200
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert client.post("/api/v1/exhibitions/").status_code == 405


def test_language_by_parameter_or_accept_language(client, article_data):
    path = "/api/v1/exhibitions/6th-china-russia-expo/"
    assert client.get(path).json()["name"] == "6th China-Russia EXPO"
    russian = client.get(path, {"lang": "ru"})
    assert russian.json()["name"] == "6-е Российско-Китайское ЭКСПО"
    assert russian["Content-Language"] == "ru"
    chinese = client.get(path, HTTP_ACCEPT_LANGUAGE="zh-Hans")
    assert chinese.json()["name"] == "第六届中国-俄罗斯博览会"
    assert chinese.json()["url"] == "http://testserver/zh-hans/exhibitions/6th-china-russia-expo/"
    assert "Accept-Language" in chinese["Vary"]
    refused = client.get(path, {"lang": "fr"})
    assert refused.status_code == 400
    assert "lang" in refused.json()


def test_records_link_related_records_cite_sources_and_mark_editors_notes(client, article_data):
    expo = client.get("/api/v1/exhibitions/6th-china-russia-expo/").json()
    assert expo["api_url"] == "http://testserver/api/v1/exhibitions/6th-china-russia-expo/"
    assert expo["city"]["api_url"] == "http://testserver/api/v1/cities/harbin/"
    assert expo["city"]["url"] == "http://testserver/en/cities/harbin/"
    assert client.get(expo["city"]["api_url"]).json()["slug"] == "harbin"
    assert expo["country"]["slug"] == "china"
    [rambler] = [s for s in expo["sources"] if s["publisher"] == "Rambler"]
    assert rambler["editors_note"] is False
    assert rambler["supports"]
    notes = [
        source
        for prefix in ["regions", "exhibitions", "councils", "forums", "cities"]
        for record in client.get(f"/api/v1/{prefix}/").json()["results"]
        for source in record["sources"]
        if source["kind"] == "editors_note"
    ]
    assert notes and all(note["editors_note"] and note["publisher"] is None for note in notes)


def test_unknown_is_null_never_an_empty_string(client, db):
    factories.exhibition(slug="no-venue", venue="", theme="", start_date=None, end_date=None)
    expo = client.get("/api/v1/exhibitions/no-venue/").json()
    assert expo["venue"] is None and expo["theme"] is None and expo["start_date"] is None


def test_pages_of_a_long_list_link_each_other(client, db):
    for _n in range(5):
        factories.enterprise()
    first = client.get("/api/v1/enterprises/", {"page_size": 2}).json()
    assert first["count"] == 5 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 2 and second["previous"]


def test_the_json_export_gives_the_apis_records_and_the_licence(client, article_data):
    api = client.get("/api/v1/exhibitions/", {"lang": "ru"}).json()
    response = client.get("/ru/exhibitions/", {"format": "json"})
    export = json.loads(b"".join(response.streaming_content))
    assert export["results"] == api["results"]
    assert export["licence"] == api["licence"]
    assert {key for key in api if key not in ("next", "previous")} == set(export)


def test_the_hosted_article_stays_its_publishers(client, article_data):
    [article] = client.get("/api/v1/articles/").json()["results"]
    assert article["rights"] == "© Rambler"


@override_settings(API_RATE_LIMIT="3/min")
def test_a_client_past_the_limit_is_told_when_to_come_back(client, db):
    for _n in range(3):
        assert client.get("/api/v1/").status_code == 200
    refused = client.get("/api/v1/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    # Another address, and another IPv6 /64, are counted apart; the same /64 is not.
    assert client.get("/api/v1/", REMOTE_ADDR="10.0.0.2").status_code == 200
    for _n in range(3):
        client.get("/api/v1/", REMOTE_ADDR="2001:db8:1:2::1")
    assert client.get("/api/v1/", REMOTE_ADDR="2001:db8:1:2::ff").status_code == 429
    assert client.get("/api/v1/", REMOTE_ADDR="2001:db8:1:3::1").status_code == 200
