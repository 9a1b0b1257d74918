"""Bounded load test: N readers for S seconds against the production stack.

Starts its own `make serve` stack (deploy/serve.sh: gunicorn, DEBUG off, hashed static
files) on a free loopback port with its own database, waits for /health/, runs locust
headless (bench/locustfile.py), prints requests per second and the median and 95th
percentile response times, stops the server and removes the database. Exits non-zero
if any request failed.

    .venv/bin/python bench/load.py --users 50 --seconds 60     # `make load`
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/2 \\
        .venv/bin/python bench/load.py --users 10 --seconds 10

With DATABASE_URL set to PostgreSQL, a database named load_<pid> is created on that
server (and dropped after); without it, an SQLite file in a temporary folder is used.
Only loopback addresses are ever contacted.
"""

import argparse
import csv
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_database(url, name):
    """The server's URL with another database name."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def create_postgres(url, name):
    import psycopg

    with psycopg.connect(postgres_database(url, "postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


def drop_postgres(url, name):
    import psycopg

    with psycopg.connect(postgres_database(url, "postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_until_healthy(base, server, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"The server stopped while starting (exit {server.returncode}).")
        try:
            with urllib.request.urlopen(f"{base}/health/?format=json", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("The server did not become healthy in time.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    options = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = Path(tempfile.mkdtemp(prefix="load-"))
    environment = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "STATIC_ROOT": str(workdir / "static"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
        "REQUEST_LOG_LEVEL": "WARNING",
        "VENV": str(BIN.parent),
    }
    database_url = os.environ.get("DATABASE_URL", "")
    postgres_name = None
    if database_url.startswith(("postgres://", "postgresql://")):
        postgres_name = f"load_{os.getpid()}"
        create_postgres(database_url, postgres_name)
        environment["DATABASE_URL"] = postgres_database(database_url, postgres_name)
    else:
        environment["DATABASE_URL"] = f"sqlite:///{workdir / 'load.sqlite3'}"

    server = subprocess.Popen(
        [str(ROOT / "deploy" / "serve.sh")],
        cwd=ROOT,
        env=environment,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    failed = True
    try:
        wait_until_healthy(base, server)
        stats = workdir / "stats"
        locust = subprocess.run(
            [
                str(BIN / "locust"),
                "--locustfile",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "--host",
                base,
                "--users",
                str(options.users),
                "--spawn-rate",
                str(max(options.users // 5, 1)),
                "--run-time",
                f"{options.seconds}s",
                "--stop-timeout",
                "10",
                "--csv",
                str(stats),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            check=False,
            timeout=options.seconds + 120,
        )
        with open(f"{stats}_stats.csv", newline="") as handle:
            total = next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")
        requests = int(total["Request Count"])
        failures = int(total["Failure Count"])
        print(  # noqa: T201
            f"\n{options.users} users, {options.seconds} s: {requests} requests, "
            f"{failures} failed, {float(total['Requests/s']):.1f} requests/s, "
            f"p50 {total['50%']} ms, p95 {total['95%']} ms, "
            f"max {float(total['Max Response Time']):.0f} ms"
        )
        failed = failures > 0 or requests == 0 or locust.returncode != 0
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(server.pid, signal.SIGKILL)
        if postgres_name:
            drop_postgres(database_url, postgres_name)
    if failed:
        print("FAILED: some requests failed (see above).", file=sys.stderr)  # noqa: T201
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
