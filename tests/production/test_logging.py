"""One JSON line per request on standard output: request id, user, status, duration."""

import io
import json
import logging
import logging.config

import pytest
from django.conf import settings


@pytest.fixture
def log_lines():
    """What the production logging configuration writes, captured from its handler."""
    stream = io.StringIO()
    config = {**settings.LOGGING}
    config["handlers"] = {"console": {**settings.LOGGING["handlers"]["console"], "stream": stream}}
    logging.config.dictConfig(config)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        logging.config.dictConfig(settings.LOGGING)


@pytest.mark.django_db
def test_a_request_is_one_json_line(client, log_lines):
    response = client.get("/en/regions/", HTTP_X_REQUEST_ID="lb-1234")
    [line] = [line for line in log_lines() if line["logger"] == "core.request"]
    assert line["request_id"] == "lb-1234" == response["X-Request-ID"]
    assert line["method"] == "GET"
    assert line["path"] == "/en/regions/"
    assert line["status"] == 200
    assert line["user"] is None
    assert line["duration_ms"] >= 0
    assert line["level"] == "INFO"
    assert "time" in line


@pytest.mark.django_db
def test_the_logged_in_user_and_a_new_id(admin_client, log_lines):
    response = admin_client.get("/admin/", HTTP_X_REQUEST_ID="not a sensible id; DROP")
    [line] = [line for line in log_lines() if line["logger"] == "core.request"]
    assert line["user"] == "admin"
    assert line["status"] == 200
    assert line["request_id"] == response["X-Request-ID"] != "not a sensible id; DROP"
    assert len(line["request_id"]) == 32


@pytest.mark.django_db
def test_errors_are_logged_with_their_status(client, log_lines):
    client.get("/en/no/such/page/")
    [line] = [line for line in log_lines() if line["logger"] == "core.request"]
    assert line["status"] == 404
