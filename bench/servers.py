"""What the page benchmark (bench/pages.py) starts and stops: gunicorn servers and
throwaway databases."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# How gunicorn serves both the site and the floor (each adds only its --bind): the
# same workers and worker class, so that the two differ only in the Django project.
# Sync workers (gunicorn's default, not config/gunicorn.conf.py's gthread) and no
# config file: there is no gunicorn.conf.py in the project root, where they start.
GUNICORN_OPTIONS = ["--workers", "2", "--worker-class", "sync", "--log-level", "warning"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory_mb(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


class Gunicorn:
    """``app`` served by gunicorn on a free loopback port, with ``GUNICORN_OPTIONS`` unless
    other ``options`` are given."""

    def __init__(self, app, env, ready_path, options=GUNICORN_OPTIONS):
        self.app, self.env, self.ready_path = app, env, ready_path
        self.options = options

    def __enter__(self):
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", self.app, "--bind", f"127.0.0.1:{port}",
             *self.options],
            cwd=ROOT,
            env=self.env,
        )  # fmt: skip
        try:
            self._wait_until_up()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _wait_until_up(self, seconds=90):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn ({self.app}) exited")
            try:
                with urllib.request.urlopen(self.base + self.ready_path, timeout=20):
                    return
            except urllib.error.HTTPError:
                return  # it answered
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn ({self.app}) did not answer")

    def memory(self):
        """The workers' peak resident memory so far, and now, in MB (the largest worker)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        workers = [int(child) for child in children.read_text().split()]
        return {
            "peak_mb": max(memory_mb(pid, "VmHWM") for pid in workers),
            "end_mb": max(memory_mb(pid, "VmRSS") for pid in workers),
        }


class Database:
    """A throwaway database: a temporary SQLite file, or a new PostgreSQL database."""

    def __init__(self, kind, postgres_url):
        self.kind = kind
        self.postgres_url = postgres_url
        self.name = f"bench_pages_{os.getpid()}"
        self.tmp = None

    def __enter__(self):
        if self.kind == "sqlite":
            self.tmp = tempfile.mkdtemp(prefix="bench-pages-")
            return f"sqlite:///{self.tmp}/bench.sqlite3"
        self._admin(f'CREATE DATABASE "{self.name}"')
        return self.postgres_url.rsplit("/", 1)[0] + f"/{self.name}"

    def __exit__(self, *exc):
        if self.kind == "sqlite":
            shutil.rmtree(self.tmp, ignore_errors=True)
        else:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def _admin(self, sql):
        import psycopg

        with psycopg.connect(self.postgres_url, autocommit=True) as connection:
            connection.execute(sql)
