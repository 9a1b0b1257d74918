"""Backup and restore (manage.py backup / restore) give back every table, history
included, in an empty database; loading fixtures invents no history."""

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from tests.conftest import ARTICLE_FIXTURES

ROOT = Path(__file__).resolve().parents[2]


def history_models():
    """Every history table: of the records and of their many-to-many links."""
    return [model for model in apps.get_models() if model.__name__.startswith("Historical")]


def manage(*arguments, database_url):
    """Run manage.py in its own process against another database, as an operator would."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings_test",
        "DATABASE_URL": database_url,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def sqlite_tables(cursor):
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [name for (name,) in cursor.fetchall()]


def postgres_tables(cursor):
    cursor.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
    )
    return [name for (name,) in cursor.fetchall()]


def as_text(value):
    """A value as text; a moment in time in UTC, whatever zone the connection reads in."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).isoformat()
    return repr(value)


def every_row(cursor, tables):
    """{table: sorted rows} for every table, compared as text (dates, decimals, bytes)."""
    contents = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}"')
        contents[table] = sorted(
            "|".join(as_text(value) for value in row) for row in cursor.fetchall()
        )
    return contents


def postgres_url(info, name):
    auth = info["USER"] or ""
    if info["PASSWORD"]:
        auth += ":" + quote(str(info["PASSWORD"]), safe="")
    auth = f"{auth}@" if auth else ""
    return f"postgres://{auth}{info['HOST'] or '127.0.0.1'}:{info['PORT'] or 5432}/{name}"


def postgres_sequences(cursor):
    cursor.execute("SELECT sequencename, last_value FROM pg_sequences ORDER BY sequencename")
    return cursor.fetchall()


@pytest.fixture
def site_with_history(transactional_db, django_user_model):
    """The article data, its first versions, an edit (one more version), staff, a session."""
    call_command("loaddata", *ARTICLE_FIXTURES, verbosity=0)
    call_command("populate_history", auto=True, verbosity=0)
    from cooperation.models import Region

    region = Region.objects.order_by("pk").first()
    region.name_en = region.name_en + " (edited)"
    region.save()
    django_user_model.objects.create_superuser("publisher", "p@example.com", "pw-for-tests")
    from django.contrib.sessions.backends.db import SessionStore

    SessionStore().save()
    assert region.history.count() == 2


def test_backup_and_restore_give_back_every_table(site_with_history, tmp_path):
    backup = tmp_path / "site.backup"
    call_command("backup", str(backup), verbosity=0)
    assert backup.stat().st_size > 0

    with connection.cursor() as cursor:
        tables = sqlite_tables(cursor) if connection.vendor == "sqlite" else postgres_tables(cursor)
        before = every_row(cursor, tables)
        sequences = postgres_sequences(cursor) if connection.vendor == "postgresql" else None
    # History is part of what is compared, and not empty.
    for model in history_models():
        assert model._meta.db_table in before
    assert any(before[model._meta.db_table] for model in history_models())

    if connection.vendor == "sqlite":
        import sqlite3

        target = tmp_path / "restored.sqlite3"
        result = manage("restore", str(backup), database_url=f"sqlite:///{target}")
        assert result.returncode == 0, result.stderr
        # Read as Django reads its own connection (dates and decimals converted).
        restored = sqlite3.connect(
            target, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
        )
        try:
            cursor = restored.cursor()
            assert sqlite_tables(cursor) == tables
            after = every_row(cursor, tables)
        finally:
            restored.close()
    else:
        import psycopg

        info = connection.settings_dict
        name = f"{info['NAME']}_restored"
        admin_url = {
            "host": info["HOST"] or None,
            "port": info["PORT"] or None,
            "user": info["USER"] or None,
            "password": info["PASSWORD"] or None,
        }
        with psycopg.connect(dbname="postgres", autocommit=True, **admin_url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            url = postgres_url(info, name)
            result = manage("restore", str(backup), database_url=url)
            assert result.returncode == 0, result.stderr
            with psycopg.connect(dbname=name, **admin_url) as restored:
                cursor = restored.cursor()
                assert postgres_tables(cursor) == tables
                after = every_row(cursor, tables)
                assert postgres_sequences(cursor) == sequences
        finally:
            with psycopg.connect(dbname="postgres", autocommit=True, **admin_url) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    assert after == before


def test_restore_refuses_a_database_that_holds_tables(transactional_db, tmp_path):
    backup = tmp_path / "site.backup"
    call_command("backup", str(backup), verbosity=0)
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--replace"):
        call_command("restore", str(backup), verbosity=0)


def test_backup_never_overwrites_by_accident(db, tmp_path):
    from django.core.management.base import CommandError

    backup = tmp_path / "site.backup"
    backup.write_text("an older backup")
    with pytest.raises(CommandError, match="--overwrite"):
        call_command("backup", str(backup), verbosity=0)
    assert backup.read_text() == "an older backup"


def test_restoring_a_file_that_is_not_a_backup_changes_nothing(tmp_path):
    target = tmp_path / "empty.sqlite3"
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("not a database")
    result = manage("restore", str(not_a_backup), database_url=f"sqlite:///{target}")
    assert result.returncode != 0
    assert "not a SQLite backup" in result.stderr
    assert "Traceback" not in result.stderr


# Fixtures invent no history


@pytest.mark.django_db
def test_loading_fixtures_records_no_history():
    """Many-to-many links (an article's sources, a forum's countries) included."""
    call_command("loaddata", *ARTICLE_FIXTURES, verbosity=0)
    counts = {model._meta.label: model.objects.count() for model in history_models()}
    assert set(counts.values()) == {0}, counts


@pytest.mark.django_db
def test_populate_history_then_gives_each_record_one_first_version():
    from news.models import Article

    call_command("loaddata", *ARTICLE_FIXTURES, verbosity=0)
    call_command("populate_history", auto=True, verbosity=0)
    call_command("loaddata", *ARTICLE_FIXTURES, verbosity=0)  # loading again adds none
    article = Article.objects.get()
    assert article.history.count() == 1
    assert article.history.get().history_type == "+"


@pytest.mark.django_db
def test_an_edit_after_loading_is_still_recorded():
    from news.models import Article

    call_command("loaddata", *ARTICLE_FIXTURES, verbosity=0)
    article = Article.objects.get()
    article.title_en = article.title_en + " (corrected)"
    article.save()
    assert article.history.count() == 1


@pytest.mark.django_db
def test_a_backup_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "site.backup"
    call_command("backup", str(path))
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(0o644)
    call_command("backup", str(path), "--overwrite")
    assert path.stat().st_mode & 0o777 == 0o600
