"""Read replicas: the public site reads a replica; the admin, writes and a visitor who has
just written use the primary. The replica is Django's test mirror of the test database."""

import pytest
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from config.db_router import PIN_COOKIE, PrimaryReplicaRouter
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica0"])
LIST = "/en/enterprises/"


@pytest.fixture(autouse=True)
def replicas_on(settings):
    settings.DATABASE_ROUTERS = ["config.db_router.PrimaryReplicaRouter"]
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index("web.cache.PublicPageCacheMiddleware") + 1,
        "config.db_router.PrimaryPinMiddleware",
    )
    settings.MIDDLEWARE = middleware


def reads(client, path):
    """(queries on the primary, queries on the replica) while fetching ``path``."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica0"]) as replica,
    ):
        response = client.get(path)
    assert response.status_code == 200
    return len(primary), len(replica)


def test_public_pages_read_the_replica():
    enterprise = f.enterprise(name="Works Alpha")
    for path in (LIST, enterprise.get_absolute_url(), "/en/"):
        primary, replica = reads(Client(), path)
        assert primary == 0 and replica > 0, path


def test_the_admin_reads_the_primary(admin_client):
    f.enterprise(name="Works Alpha")
    primary, replica = reads(admin_client, "/admin/expo/enterprise/")
    assert primary > 0 and replica == 0


def test_a_visitor_who_has_just_written_reads_the_primary():
    article = f.article()
    writer = Client()
    reply = {"name": "Anna", "email": "anna@example.com", "text": "Good report.", "website": ""}
    with CaptureQueriesContext(connections["replica0"]) as replica:
        response = writer.post(article.get_absolute_url(), reply)
    assert response.status_code == 302
    assert len(replica) == 0  # a POST reads and writes the primary only
    assert response.cookies[PIN_COOKIE]["max-age"] == 5
    primary, replica = reads(writer, LIST)
    assert primary > 0 and replica == 0
    primary, replica = reads(Client(), LIST)  # everyone else: the replica
    assert primary == 0 and replica > 0


def test_writes_and_migrations_go_to_the_primary_only():
    router = PrimaryReplicaRouter()
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("default", "expo")
    assert not router.allow_migrate("replica0", "expo")


def test_the_page_cache_keeps_no_page_read_just_after_a_write(settings):
    """A replica may lag behind a write: a page rendered then is served but not kept."""
    from web import cache as page_cache

    settings.PAGE_CACHE = True
    f.enterprise(name="Works Alpha")
    page_cache.bump()
    reader = Client()
    assert reader.get(LIST).context is not None
    assert reader.get(LIST).context is not None  # still rendered: not stored
    settings.DATABASE_REPLICA_LAG = 0
    reader.get(LIST)
    assert reader.get(LIST).context is None  # past the lag, pages are kept again


def test_replica_addresses_from_the_environment_turn_the_router_on():
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import json, config.settings as s; print(json.dumps([sorted(s.DATABASES),"
        " s.DATABASES['replica1']['HOST'], s.DATABASE_ROUTERS,"
        " 'config.db_router.PrimaryPinMiddleware' in s.MIDDLEWARE]))"
    )
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": "postgres://app@primary:5432/coop"}
    env["DATABASE_REPLICA_URL"] = "postgres://app@r0:5432/coop, postgres://app@r1:5432/coop"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    databases, host, routers, pinning = json.loads(result.stdout.strip().splitlines()[-1])
    assert databases == ["default", "replica0", "replica1"]
    assert host == "r1"
    assert routers == ["config.db_router.PrimaryReplicaRouter"]
    assert pinning
