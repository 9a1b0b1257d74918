"""/health/ for a load balancer: 200 when the database, the cache and the migrations
are in order, 500 (naming what failed) when one is not."""

import json

import pytest
from django.db import connection

from operations.health import Migrations


@pytest.fixture(autouse=True)
def forget_applied_migrations():
    Migrations._applied.clear()
    yield
    Migrations._applied.clear()


def checks(response):
    return json.loads(response.content)


@pytest.mark.django_db(transaction=True)
def test_healthy(client):
    response = client.get("/health/?format=json")
    assert response.status_code == 200
    results = checks(response)
    assert len(results) == 3
    assert set(results.values()) == {"OK"}
    assert any("Migrations" in name for name in results)
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_no_language_prefix_and_no_redirect(client):
    assert client.get("/health/").status_code == 200
    assert client.get("/en/health/").status_code == 404


@pytest.fixture
def one_migration_unapplied(transactional_db):
    """The news app's latest migration missing from the database's record of applied ones
    (as after deploying new code without running migrate); put back afterwards."""
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    latest = recorder.migration_qs.filter(app="news").order_by("-name").first()
    latest.delete()
    yield latest.name
    recorder.record_applied("news", latest.name)


def test_an_unapplied_migration_fails_the_check(client, one_migration_unapplied):
    response = client.get("/health/?format=json")
    assert response.status_code == 500
    failed = {name: result for name, result in checks(response).items() if result != "OK"}
    assert len(failed) == 1
    [(name, result)] = failed.items()
    assert "Migrations" in name
    assert "1 migrations are not applied" in result


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_cache_fails_the_check(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    response = client.get("/health/?format=json")
    assert response.status_code == 500
    failed = [name for name, result in checks(response).items() if result != "OK"]
    assert len(failed) == 1
    assert "Cache" in failed[0]


@pytest.mark.django_db(transaction=True)
def test_answered_over_http_when_the_site_redirects_to_https(client, settings):
    """The load balancer checks the app server directly, over plain http."""
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/en/").status_code == 301
    assert client.get("/health/").status_code == 200
