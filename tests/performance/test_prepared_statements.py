"""PostgreSQL plans a page's queries once per connection, not on every request.

config/settings.py binds parameters on the server and lets psycopg prepare a query
that a connection has run five times (Django alone never prepares);
DATABASE_PREPARED_STATEMENTS=0 turns preparing off for a pooler that cannot keep
prepared statements. Pattern searches and queries over the tables that grow with the
data are never prepared, so they are planned for their own values (core/postgresql.py).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from core.postgresql import growing_tables, planned_per_run
from expo.models import Enterprise, EnterpriseParticipation
from tests import factories as f

ROOT = Path(__file__).resolve().parents[2]


def _options(**environ):
    code = (
        "import json, config.settings as s;"
        " print(json.dumps(s.DATABASES['default'].get('OPTIONS', {})))"
    )
    env = {**os.environ, "DEBUG": "1", "DATABASE_PREPARED_STATEMENTS": "", **environ}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_postgresql_binds_on_the_server_and_may_prepare():
    options = _options(DATABASE_URL="postgres://app@db:5432/coop")
    # Django turns psycopg's preparing off unless asked: prepared after five runs.
    assert options == {"server_side_binding": True, "prepare_threshold": 5}


def test_preparing_can_be_turned_off_for_a_pooler():
    options = _options(DATABASE_URL="postgres://app@db:5432/coop", DATABASE_PREPARED_STATEMENTS="0")
    assert options == {"server_side_binding": True}


def test_sqlite_is_left_as_it_is():
    assert _options(DATABASE_URL="sqlite:////tmp/site.sqlite3") == {}


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)
def test_a_page_read_again_uses_statements_the_server_has_prepared(client):
    f.exhibition(name="Prepared EXPO")
    for _ in range(7):
        assert "Prepared EXPO" in client.get(reverse("home")).content.decode()
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "expo_exhibition"' in statement for statement in prepared), prepared


def test_searches_and_the_tables_that_grow_are_planned_for_their_values():
    assert set(growing_tables()) == {
        f'"{table}"'
        for model in (Enterprise, EnterpriseParticipation)
        for table in (model._meta.db_table, model.history.model._meta.db_table)
    }
    for sql in [
        'SELECT 1 FROM "expo_region" WHERE UPPER("name_en"::text) LIKE UPPER(%s)',
        'SELECT 1 FROM "expo_region" WHERE "name_en"::text ILIKE %s',
        'SELECT 1 FROM "expo_region" WHERE "name_en"::text like %s',
        "SELECT 1 WHERE to_tsvector(body) @@ websearch_to_tsquery('simple', %s)",
        'SELECT WORD_SIMILARITY(%s, "name_en") FROM "expo_forum"',
        'SELECT "expo_enterprise"."id" FROM "expo_enterprise" WHERE "region_id" = %s',
        'SELECT 1 FROM "expo_enterpriseparticipation" WHERE "exhibition_id" = %s',
    ]:
        assert planned_per_run(sql), sql
    for sql in [
        'SELECT "expo_exhibition"."id" FROM "expo_exhibition" WHERE "status" = %s',
        'SELECT "cooperation_region"."likeness", "unlike" FROM "cooperation_region"',
        'SELECT 1 FROM "expo_enterprisecitation" WHERE "record_id" IN (%s)',
    ]:
        assert not planned_per_run(sql), sql


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)
def test_a_search_or_a_directory_read_again_is_never_prepared(client):
    region = f.region(name="Rare Oblast")
    f.enterprise(name="Zorbex Machinery", region=region)
    for _ in range(7):
        for query in [{}, {"name": "Zorbex"}, {"region": region.slug}]:
            page = client.get(reverse("expo:enterprise-list"), query)
            assert "Zorbex Machinery" in page.content.decode()
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert prepared, "the filters' small tables are prepared"
    assert not [s for s in prepared if '"expo_enterprise"' in s or "LIKE" in s.upper()]


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)
def test_a_search_read_again_still_finds_what_the_new_words_match(client):
    """A prepared query is planned for each request's words, and gives their results."""
    for name in ["Zorbex Machinery", "Quillon Foods", "Vantor Water"]:
        f.enterprise(name=name)
    for _ in range(3):
        for word, other in [("Zorbex", "Quillon"), ("Quillon", "Vantor"), ("Vantor", "Zorbex")]:
            page = client.get(reverse("expo:enterprise-list"), {"name": word})
            assert word in page.content.decode() and other not in page.content.decode()
