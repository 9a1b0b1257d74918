"""Exports for download tools: validators, a 304 for a current copy, HEAD without the body."""

import pytest

from tests import factories as f

PATH = "/en/enterprises/"


@pytest.fixture
def enterprises(db):
    return [f.enterprise(name=f"Works {n}") for n in range(3)]


@pytest.mark.parametrize("data_format", ["csv", "json", "atom"])
def test_an_export_has_an_etag_and_a_current_copy_is_a_304(client, enterprises, data_format):
    path = "/en/exhibitions/" if data_format == "atom" else PATH
    f.exhibition()
    first = client.get(path, {"format": data_format})
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    again = client.get(path, {"format": data_format}, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again["ETag"] == etag
    since = client.get(path, {"format": data_format}, headers={"if-modified-since": last_modified})
    assert since.status_code == 304


def test_a_change_gives_a_new_etag_and_the_new_file(
    client, enterprises, django_capture_on_commit_callbacks
):
    first = client.get(PATH, {"format": "csv"})
    etag = first["ETag"]
    b"".join(first.streaming_content)
    with django_capture_on_commit_callbacks(execute=True):  # the content version moves
        f.enterprise(name="Newcomer Works")
    response = client.get(PATH, {"format": "csv"}, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert b"Newcomer Works" in b"".join(response.streaming_content)


def test_the_etag_differs_by_filters_and_language(client, enterprises):
    etags = {
        client.get(path, data)["ETag"]
        for path, data in [
            (PATH, {"format": "csv"}),
            (PATH, {"format": "json"}),
            ("/ru/enterprises/", {"format": "csv"}),
            (PATH, {"format": "csv", "name": "Works 1"}),
        ]
    }
    assert len(etags) == 4


def test_content_length_once_a_whole_file_was_sent_and_head_sends_no_body(
    client, enterprises, django_assert_max_num_queries
):
    response = client.get(PATH, {"format": "csv"})
    body = b"".join(response.streaming_content)
    head = client.head(PATH, {"format": "csv"})
    assert head.status_code == 200
    assert head["Content-Length"] == str(len(body))
    assert head["ETag"] == response["ETag"]
    assert b"".join(head.streaming_content) == b""
    again = client.get(PATH, {"format": "csv"})
    assert again["Content-Length"] == str(len(body))
    assert b"".join(again.streaming_content) == body


def test_a_head_never_reads_the_records(client, enterprises, django_assert_max_num_queries):
    client.get(PATH)  # the filters' choices and the page, read once
    with django_assert_max_num_queries(8) as queries:
        head = client.head(PATH, {"format": "csv"})
    assert head.status_code == 200
    assert not any("Works" in q["sql"] for q in queries.captured_queries)
    assert not any('"expo_enterprise"."name' in q["sql"] for q in queries.captured_queries)


def test_a_bad_filter_is_still_a_400(client, enterprises):
    assert client.head(PATH, {"format": "csv", "country": "nowhere"}).status_code == 400
