"""Benchmark: a 304 for a current export and a HEAD of an export, at 100,000 enterprises.

    .venv/bin/python bench/exports.py                      # SQLite, 100,000 enterprises
    .venv/bin/python bench/exports.py --database postgres  # a throwaway PostgreSQL database
    .venv/bin/python bench/exports.py --enterprises 1000 --repeat 5   # a quick look

In a throwaway database it migrates, loads the article data and generates the synthetic
enterprises (``manage.py synthetic_data``), serves the site with gunicorn on a loopback
port (``bench.servers``), asks ``/en/enterprises/?format=csv`` and ``?format=json`` for
their ETag (a HEAD), then times, for each: a conditional GET with that ETag (a 304), and
a HEAD (headers only; the whole file is not downloaded: at this size it outlasts
gunicorn's 30 s worker timeout on a busy machine). It prints the median and the
slowest of ``--repeat`` requests of each, in milliseconds. The target (issue 25) is
under 100 ms for both. Bounded: at most ``--repeat`` requests of each kind, each with a
120 s timeout; nothing leaves the machine.
"""

import argparse
import statistics
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pages import FIXTURES, environment, manage
from bench.servers import Database, Gunicorn

TIMEOUT = 120


def request(url, method="GET", headers=None):
    """``(status, headers, body size, milliseconds)`` of one request."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, method=method, headers=headers or {}), timeout=TIMEOUT
        ) as response:
            size = sum(len(chunk) for chunk in iter(lambda: response.read(65536), b""))
            status, answer = response.status, response.headers
    except urllib.error.HTTPError as error:  # a 304 is raised as an "error"
        status, answer, size = error.code, error.headers, 0
    return status, answer, size, (time.perf_counter() - started) * 1000


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def timings(url, method, headers, repeat, expected):
    times = []
    for _ in range(repeat):
        status, _headers, _size, ms = request(url, method, headers)
        assert status == expected, f"{method} {url}: {status}"
        times.append(ms)
    return f"median {statistics.median(times):7.1f} ms, slowest {max(times):7.1f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    # ETags and sizes are kept in the shared cache, as in production: every worker agrees.
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    with Database(args.database, args.postgres) as database_url:
        env = environment(database_url, page_cache=False, redis_url=args.redis)
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "loaddata", *FIXTURES, "--verbosity", "0")
        manage(env, "synthetic_data", f"--enterprises={args.enterprises}", "--participations=0")
        with Gunicorn("config.wsgi", env, "/health/") as site:
            say(f"{args.database}, {args.enterprises:,} enterprises, {args.repeat} requests each")
            for key in ("csv", "json"):
                url = f"{site.base}/en/enterprises/?format={key}"
                status, headers, _size, ms = request(url, "HEAD")
                assert status == 200, status
                etag = headers["ETag"]
                say(f"{key}: first HEAD {ms:,.0f} ms, ETag {etag}")
                say(f"  304: {timings(url, 'GET', {'If-None-Match': etag}, args.repeat, 304)}")
                say(f"  HEAD: {timings(url, 'HEAD', {}, args.repeat, 200)}")


if __name__ == "__main__":
    main()
