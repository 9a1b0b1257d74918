"""Real gunicorn servers (config/gunicorn.conf.py, DEBUG off) on loopback.

Two app servers on different ports sharing the database and the cache serve the same
pages and the same logged-in staff session; two slow clients do not make a server
unavailable. On PostgreSQL (DATABASE_URL) the servers use the test database itself;
on SQLite, a file copy of it (manage.py backup), which both servers share.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-correct-horse-battery"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def shared_database(transactional_db, django_user_model, tmp_path):
    """A DATABASE_URL the servers can open, holding the article data and a staff user."""
    from tests.conftest import ARTICLE_FIXTURES

    call_command("loaddata", *ARTICLE_FIXTURES, verbosity=0)
    staff = django_user_model.objects.create_superuser("publisher", "p@example.com")
    # Hashed as production hashes (the tests' own settings use a fast hasher only).
    staff.password = PBKDF2PasswordHasher().encode(PASSWORD, "saltforthetest")
    staff.save()
    if connection.vendor == "sqlite":
        copy = tmp_path / "shared.sqlite3"
        call_command("backup", str(copy), verbosity=0)
        return f"sqlite:///{copy}"
    info = connection.settings_dict
    auth = info["USER"] or ""
    if info["PASSWORD"]:
        auth += ":" + quote(str(info["PASSWORD"]), safe="")
    auth = f"{auth}@" if auth else ""
    return f"postgres://{auth}{info['HOST'] or '127.0.0.1'}:{info['PORT'] or 5432}/{info['NAME']}"


@contextmanager
def gunicorn(database_url, count=1, **extra):
    """``count`` servers, each its own gunicorn (one worker), stopped afterwards."""
    servers = []
    try:
        for _ in range(count):
            port = free_port()
            environment = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "DEBUG": "0",
                "SECRET_KEY": "a-shared-secret-key-for-the-two-servers-test-only-0123456789",
                "DATABASE_URL": database_url,
                "ALLOWED_HOSTS": "127.0.0.1",
                "SECURE_COOKIES": "0",
                "STATIC_MANIFEST": "0",
                "WEB_CONCURRENCY": "1",
                "REQUEST_LOG_LEVEL": "WARNING",
                **extra,
            }
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--config",
                    "config/gunicorn.conf.py",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "config.wsgi",
                ],
                cwd=ROOT,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
            servers.append((process, f"http://127.0.0.1:{port}"))
        for process, base in servers:
            wait_until_up(process, base)
        yield [base for _process, base in servers]
    finally:
        for process, _base in servers:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process, _base in servers:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def wait_until_up(process, base, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn stopped: {process.stderr.read().decode()[-2000:]}")
        try:
            if requests.get(f"{base}/health/?format=json", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{base} did not come up")


def log_in(session, base):
    form = session.get(f"{base}/admin/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = session.post(
        f"{base}/admin/login/?next=/admin/",
        data={"username": "publisher", "password": PASSWORD, "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:500]


def test_two_servers_share_pages_and_the_staff_session(shared_database):
    with gunicorn(shared_database, count=2) as (first, second):
        for path in ["/en/", "/ru/regions/", "/zh-hans/exhibitions/"]:
            one = requests.get(first + path, timeout=10)
            other = requests.get(second + path, timeout=10)
            assert one.status_code == other.status_code == 200
            # The same page, but for the absolute addresses (canonical, hreflang, webcal:).
            host_one, host_two = first.split("//")[1], second.split("//")[1]
            assert one.text.replace(host_one, "") == other.text.replace(host_two, "")
        headers = requests.get(f"{first}/en/", timeout=10).headers
        assert "camera=()" in headers["Permissions-Policy"]
        assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])
        session = requests.Session()
        assert "Log out" not in session.get(f"{second}/admin/", timeout=10).text
        log_in(session, first)
        # Cookies belong to the host, not the port: the other server gets the same ones.
        admin = session.get(f"{second}/admin/", allow_redirects=False, timeout=10)
        assert admin.status_code == 200
        assert "publisher" in admin.text
        # Logging out on the second ends the session on the first too.
        token = session.cookies["csrftoken"]
        session.post(f"{second}/admin/logout/", data={"csrfmiddlewaretoken": token}, timeout=10)
        again = session.get(f"{first}/admin/", allow_redirects=False, timeout=10)
        assert again.status_code == 302
        assert "/admin/login/" in again.headers["Location"]


def test_two_slow_clients_do_not_make_the_site_unavailable(shared_database):
    """Slowloris-style: connections that send half a request and then nothing."""
    with gunicorn(shared_database) as (base,):
        port = int(base.rsplit(":", 1)[1])
        slow = []
        try:
            for _ in range(2):
                sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                sock.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                slow.append(sock)
            time.sleep(1)
            started = time.monotonic()
            for path in ["/en/", "/health/", "/en/regions/"]:
                assert requests.get(base + path, timeout=5).status_code == 200
            assert time.monotonic() - started < 5
        finally:
            for sock in slow:
                sock.close()
