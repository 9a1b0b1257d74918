"""Settings refuse unsafe starts; the local superuser command never reuses a password."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]


def _settings(env_overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "REDIS_URL"}
    }
    env.update(env_overrides)
    code = (
        "import config.settings as s;"
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.ALLOWED_HOSTS,"
        " s.CACHES['default']['BACKEND'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = _settings({})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_safe_defaults_sqlite_debug_off_localhost():
    result = _settings({"SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False django.db.backends.sqlite3")
    assert "'localhost'" in result.stdout
    assert "FileBasedCache" in result.stdout


def test_database_url_redis_url_and_hosts_from_environment():
    result = _settings(
        {
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": "postgres://u@db.example:5432/site",
            "REDIS_URL": "redis://cache.example:6379/0",
            "ALLOWED_HOSTS": "example.org,www.example.org",
        }
    )
    assert result.returncode == 0, result.stderr
    assert "django.db.backends.postgresql" in result.stdout
    assert "['example.org', 'www.example.org']" in result.stdout
    assert "RedisCache" in result.stdout


@pytest.mark.django_db
def test_local_superuser_gets_a_random_password_once(capsys):
    call_command("ensure_local_superuser")
    first = capsys.readouterr().out
    assert "Created superuser 'admin' with password: " in first
    password = first.split("password: ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)

    call_command("ensure_local_superuser")
    assert "already exists" in capsys.readouterr().out
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
def test_two_fresh_databases_get_different_passwords(capsys):
    passwords = []
    for _ in range(2):
        get_user_model().objects.all().delete()
        call_command("ensure_local_superuser")
        passwords.append(capsys.readouterr().out.split("password: ")[1].split()[0])
    assert passwords[0] != passwords[1]
    assert len(passwords[0]) >= 12


@pytest.mark.django_db
def test_a_plain_user_named_admin_is_left_alone_with_a_clear_message(django_user_model):
    django_user_model.objects.create_user("admin", password="x")
    with pytest.raises(CommandError, match="exists but is not a superuser"):
        call_command("ensure_local_superuser")
    assert not django_user_model.objects.filter(is_superuser=True).exists()


@pytest.mark.django_db
def test_the_hint_names_the_chosen_username(capsys):
    call_command("ensure_local_superuser", username="editor-in-chief")
    assert "ADMIN_USER=editor-in-chief" in capsys.readouterr().out


@pytest.mark.django_db
def test_new_password_replaces_the_lost_one(capsys, django_user_model):
    call_command("ensure_local_superuser")
    printed = capsys.readouterr().out
    assert "'make admin-password' prints a new one" in printed
    first = printed.split("password: ")[1].split()[0]
    call_command("ensure_local_superuser", new_password=True)
    second = capsys.readouterr().out.split("'admin': ")[1].split()[0]
    assert second != first
    admin = django_user_model.objects.get(username="admin")
    assert admin.check_password(second)
    assert not admin.check_password(first)


@pytest.mark.django_db
def test_new_password_for_a_missing_superuser_says_how_to_make_one():
    with pytest.raises(CommandError, match="make superuser"):
        call_command("ensure_local_superuser", new_password=True)


def test_the_printed_hint_works_as_typed(tmp_path):
    """`make admin-password` from the hint runs as shown (no traceback) on a fresh database."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    make = ["make", "--no-print-directory", "-s"]
    subprocess.run([*make, "superuser"], cwd=ROOT, env=env, check=True, capture_output=True)
    result = subprocess.run(
        [*make, "admin-password"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "New password for superuser 'admin': " in result.stdout
    assert "Traceback" not in result.stderr
