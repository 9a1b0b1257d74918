"""The page cache on every path: each way content is written moves its version (an
import that only creates rows, loaddata, synthetic_data, a command in another process),
and a hit is answered at the top of the stack, with every header, before any session,
locale or CSP work.

Each test turns the cache on (the suite runs with it off) and starts from a new version.
"""

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests
import tablib
from csp.constants import NONCE, SELF
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models.signals import post_save
from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse

from config.urls import urlpatterns as site_urlpatterns
from expo.models import Enterprise
from tests import factories as f
from tests.production.test_servers import gunicorn, shared_database  # noqa: F401 (fixture)
from web import cache as page_cache

ROOT = Path(__file__).resolve().parents[2]
LIST = "/en/enterprises/"


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE = True
    page_cache.bump()


def names(response):
    return set(re.findall(r"Works \w+", response.content.decode()))


def test_every_app_of_the_site_with_records_is_watched():
    own = django_settings.INSTALLED_APPS[django_settings.INSTALLED_APPS.index("operations") :]
    with_records = {
        config.label
        for config in apps.get_app_configs()
        if config.name in own and any(config.get_models())
    }
    assert with_records <= set(page_cache.CONTENT_APPS)
    assert post_save.has_listeners(Enterprise)
    assert not post_save.has_listeners(Session)  # a visitor's session changes no page


# Writes that send no save() signal


@pytest.mark.django_db(transaction=True)
def test_an_import_that_only_creates_rows_shows_at_once(admin_client):
    """The admin's import, committed: on PostgreSQL its rows are written with COPY."""
    f.enterprise(name="Works Alpha", slug="works-alpha", country=f.country("CN"))
    reader = Client()
    reader.get(LIST)
    assert reader.get(LIST).context is None  # from the cache
    dataset = tablib.Dataset(
        ["works-gamma", "Works Gamma", "CN", "published"],
        ["works-delta", "Works Delta", "CN", "published"],
        headers=["slug", "name_en", "country", "status"],
    )
    preview = admin_client.post(
        reverse("admin:expo_enterprise_import"),
        {
            "import_file": SimpleUploadedFile("file.csv", dataset.export("csv").encode()),
            "format": "0",
            "resource": "0",
        },
    )
    form = preview.context["confirm_form"]
    admin_client.post(
        reverse("admin:expo_enterprise_process_import"),
        {name: form.initial[name] for name in form.fields},
    )
    assert Enterprise.objects.count() == 3
    assert names(reader.get(LIST)) == {"Works Alpha", "Works Gamma", "Works Delta"}


def synthetic(response):
    return set(re.findall(r"synthetic-enterprise-\d+", response.content.decode()))


def test_synthetic_data_and_its_removal_show_at_once(article_data):
    """bulk_create and bulk deletes send no signal: the command says so itself."""
    reader = Client()
    assert synthetic(reader.get(LIST)) == set()
    assert reader.get(LIST).context is None  # from the cache
    options = {"participations": 0, "sectors": 1, "stdout": io.StringIO()}
    call_command("synthetic_data", enterprises=3, **options)
    assert len(synthetic(reader.get(LIST))) == 3
    call_command("synthetic_data", remove=True, stdout=io.StringIO())
    assert synthetic(reader.get(LIST)) == set()


def test_loaddata_shows_at_once(db, tmp_path):
    """``make fixtures``: loaddata's raw saves send post_save too."""
    f.country("CN")
    reader = Client()
    assert names(reader.get(LIST)) == set()
    assert reader.get(LIST).context is None  # from the cache
    fixture = tmp_path / "more.json"
    fixture.write_text(json.dumps([loaded_enterprise("Works Loaded")]))
    call_command("loaddata", fixture, verbosity=0)
    assert names(reader.get(LIST)) == {"Works Loaded"}


def loaded_enterprise(name):
    return {
        "model": "expo.enterprise",
        "fields": {
            "slug": name.lower().replace(" ", "-"),
            "name": name,
            "name_en": name,
            "country": ["CN"],
            "status": "published",
        },
    }


# The hit: answered at the top of the stack


def test_a_hit_runs_nothing_below_the_cache_and_keeps_every_header(
    client, db, django_assert_num_queries
):
    f.enterprise(name="Works Alpha")
    stored = client.get(LIST)
    with django_assert_num_queries(0):
        hit = client.get(LIST)
    assert hit.content == stored.content
    request = hit.wsgi_request
    # No session, user, language activation, CSP nonce or messages were set up.
    for attribute in ("session", "user", "LANGUAGE_CODE", "csp_nonce", "_messages"):
        assert not hasattr(request, attribute), attribute
    for attribute in ("session", "user", "LANGUAGE_CODE", "csp_nonce"):
        assert hasattr(stored.wsgi_request, attribute), attribute
    # Every header of the page as the full stack made it, with the same value but for
    # the request id, which is the hit's own.
    assert set(hit.headers) == set(stored.headers)
    for name, value in stored.headers.items():
        if name != "X-Request-ID":
            assert hit.headers[name] == value, name
    assert hit["X-Request-ID"] != stored["X-Request-ID"]
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["Referrer-Policy"] == "same-origin"
    assert hit["Cross-Origin-Opener-Policy"] == "same-origin"
    assert hit["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in hit["Permissions-Policy"]
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert hit["Content-Language"] == "en"
    assert client.get(LIST, headers={"if-none-match": hit["ETag"]}).status_code == 304


@pytest.fixture
def cache_trips(monkeypatch):
    """Each call the site makes on the page cache (a Redis round trip each), by name."""
    cache, trips, inside = page_cache.page_cache(), [], []

    def counted(name, method):
        def call(*args, **kwargs):
            if not inside:  # get_many made of get()s is one trip
                trips.append(name)
            inside.append(name)
            try:
                return method(*args, **kwargs)
            finally:
                inside.pop()

        return call

    for name in ("get", "get_many", "set", "add", "set_many", "delete", "touch", "incr"):
        monkeypatch.setattr(cache, name, counted(name, getattr(cache, name)))
    return trips


def test_a_hit_makes_no_query_and_one_cache_round_trip(
    client, db, django_assert_num_queries, cache_trips
):
    f.enterprise(name="Works Alpha")
    client.get(LIST)
    cache_trips.clear()
    with django_assert_num_queries(0):
        hit = client.get(LIST)
    assert cache_trips == ["get_many"]
    assert names(hit) == {"Works Alpha"}
    # The security headers are made below the cache and come back with the copy.
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["Cross-Origin-Resource-Policy"] == "same-origin"


def test_a_hit_on_a_data_format_keeps_its_cross_origin_headers(client, db):
    for _ in range(2):
        response = client.get(
            "/en/exhibitions/", {"format": "atom"}, headers={"origin": "https://a.example"}
        )
    assert not hasattr(response.wsgi_request, "session")  # a hit
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert 'rel="license"' in response["Link"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_numbered_sitemap_file_is_cached(client, db, django_assert_num_queries):
    f.enterprise(name="Works Alpha")
    first = client.get("/sitemap-enterprises.xml", {"p": "1"})
    with django_assert_num_queries(0):
        hit = client.get("/sitemap-enterprises.xml", {"p": "1"})
    assert hit.content == first.content
    assert b"<loc>" in hit.content


def test_static_files_never_reach_the_cache(client, db, cache_trips):
    # WhiteNoise's (or, without collectstatic, the 404 of the full stack below).
    response = client.get(django_settings.STATIC_URL + "css/site.css")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "get_many" not in cache_trips  # the page cache's lookup (the 404 page may cache)


def test_a_session_cookie_means_the_full_stack(client, db):
    f.enterprise(name="Works Alpha")
    client.get(LIST)
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "not-a-real-session"
    response = client.get(LIST)
    assert response.context is not None
    assert hasattr(response.wsgi_request, "session")


def nonce_page(request):
    return HttpResponse(f"nonce {request.csp_nonce}")


# The site's addresses and one page whose script may run by nonce.
urlpatterns = [path("nonce/", nonce_page), *site_urlpatterns]


@pytest.mark.urls(__name__)
def test_a_page_whose_policy_names_a_nonce_is_not_stored(client, db, settings):
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**directives, "script-src": [SELF, NONCE]}}
    first, second = client.get("/nonce/"), client.get("/nonce/")
    assert "'nonce-" in first["Content-Security-Policy"]
    assert first.content != second.content
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]


# Another process


def command_environment(database_url):
    """config.settings without REDIS_URL (the local default), as in tests/production."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": "a-shared-secret-key-for-the-two-servers-test-only-0123456789",
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_MANIFEST": "0",
        "REDIS_URL": "",
    }


def manage(database_url, *arguments):
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=command_environment(database_url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_a_command_run_beside_the_server_shows_at_once(shared_database, tmp_path):  # noqa: F811
    """`make run` without Redis: the server and a management command are two processes."""
    code = "import config.settings as s; print(s.CACHES['default']['BACKEND'])"
    code += "; print(s.CACHES['default']['LOCATION'])"
    backend, location = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=command_environment(shared_database),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert backend.endswith("FileBasedCache")
    fixture = tmp_path / "more.json"
    fixture.write_text(json.dumps([loaded_enterprise("Works Alpha")]))
    manage(shared_database, "loaddata", str(fixture))
    try:
        served_while_another_process_writes(shared_database, fixture)
    finally:
        shutil.rmtree(location, ignore_errors=True)


def served_while_another_process_writes(database_url, fixture):
    with gunicorn(database_url, REDIS_URL="") as (base,):
        assert names_at(base) == {"Works Alpha"}
        # A write that moves nothing (update() sends no signal): the cached page stays,
        # which shows the page is served from the cache.
        manage(
            database_url,
            "shell",
            "-c",
            "from expo.models import Enterprise;Enterprise.objects.update(name_en='Works Quiet')",
        )
        assert names_at(base) == {"Works Alpha"}
        fixture.write_text(json.dumps([loaded_enterprise("Works Beta")]))
        manage(database_url, "loaddata", str(fixture))
        assert names_at(base) == {"Works Quiet", "Works Beta"}


def names_at(base):
    response = requests.get(base + LIST, timeout=10)
    assert response.status_code == 200
    return set(re.findall(r"Works \w+", response.text))
