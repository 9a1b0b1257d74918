"""Benchmark: the public pages against a minimal Django view, at two sizes, on one stack.

    .venv/bin/python bench/pages.py                       # SQLite and PostgreSQL, 100 and 100,000
    .venv/bin/python bench/pages.py --databases postgres --sizes 100000 --duration 3
    make bench-pages

For each database (a throwaway SQLite file, or a throwaway PostgreSQL database next to
``--postgres``), it migrates, loads the article data, and for each size generates that
many synthetic enterprises and participations (``manage.py synthetic_data``). Then, for
the page cache off and on, it starts gunicorn (2 sync workers, loopback only) and runs
wrk against each page for ``--duration`` seconds with ``--connections`` connections,
after ``--warmup`` seconds of the same load whose figures are discarded (a worker's
first requests for a page import and compile what it needs, once per process): first
the floor (``/floor/``, a view that returns two bytes through the same middleware,
bench/urls.py), then every page, each followed by ``--floor-each`` seconds of the
floor again. It prints one table: requests per second, each page's share of the
floor's (the floor measured right after that page: the machine is shared and its
speed drifts over a run), p50 and p95 latency, the page's SQL queries (counted
uncached, in-process) and the workers' peak memory (RSS) in that run. Nothing is left
running and the throwaway databases are dropped.
"""

import argparse
import json
import math
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
# The article data, as `make run` loads it (the Makefile's FIXTURES).
FIXTURES = next(
    line.split(":=", 1)[1].split()
    for line in (ROOT / "Makefile").read_text().splitlines()
    if line.startswith("FIXTURES :=")
)
PER_PAGE, MAX_PAGES = 25, 100  # the directory's page size and core.pagination's bound
# Keys per enterprises' sitemap file (expo.sitemaps.EnterpriseSitemap): the synthetic
# enterprises' keys follow the article's, so file ceil(size / 100) is at the far end.
SITEMAP_RECORDS = 100

WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format('{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, '
    .. '"errors": %d, "non2xx": %d}\\n', summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
"""


def pages(size):
    """(label, path) of every page measured, for a dataset of ``size`` enterprises."""
    deep = min(math.ceil(size / PER_PAGE), MAX_PAGES)
    files = math.ceil(size / SITEMAP_RECORDS)
    return [
        ("home", "/en/"),
        ("home (ru)", "/ru/"),
        ("home (zh-hans)", "/zh-hans/"),
        ("directory, first page", "/en/enterprises/"),
        ("directory (ru)", "/ru/enterprises/"),
        ("directory (zh-hans)", "/zh-hans/enterprises/"),
        ("directory by region", "/en/enterprises/?region=sakha"),
        ("directory by name", "/en/enterprises/?name=Amur+Machinery"),
        (f"directory, page {deep}", f"/en/enterprises/?page={deep}"),
        ("exhibition", "/en/exhibitions/6th-china-russia-expo/"),
        ("region (Sakha)", "/en/regions/sakha/"),
        ("enterprise", f"/en/enterprises/synthetic-enterprise-{size // 2:06d}/"),
        ("sitemap index", "/sitemap.xml"),
        ("sitemap, enterprises file 1", "/sitemap-enterprises.xml"),
        # The far end of the keys: at 100 enterprises the same file as the first.
        (f"sitemap, last enterprises file ({files})", f"/sitemap-enterprises.xml?p={files}"),
    ]


def environment(database_url, page_cache, redis_url=None):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-only-secret-key",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "0",
        "STATIC_MANIFEST": "0",
        "PAGE_CACHE": "1" if page_cache else "0",
        "CONN_MAX_AGE": "600",
        # One log line per request would be measured with every page; errors still show.
        "REQUEST_LOG_LEVEL": "WARNING",
        "PYTHONWARNINGS": "ignore",
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base, process, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited")
        try:
            with urllib.request.urlopen(f"{base}/floor/", timeout=20):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer")


def warm(url, times=3):
    for _ in range(times):
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
        except urllib.error.HTTPError as error:
            return error.code
    return 200


def workers_of(pid):
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in children.read_text().split()] if children.exists() else []


def memory_mb(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_wrk(url, duration, connections, script):
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    )
    line = [line for line in result.stdout.splitlines() if line.startswith("{")][-1]
    data = json.loads(line)
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def count_queries(env, paths):
    """Each page's SQL queries, uncached, through Django's test client (a subprocess)."""
    code = (
        "import json, sys, django; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client, counts = Client(), {}\n"
        "for path in sys.argv[1:]:\n"
        "    client.get(path, HTTP_HOST='127.0.0.1')\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        client.get(path, HTTP_HOST='127.0.0.1')\n"
        "    counts[path] = len(queries)\n"
        "print(json.dumps(counts))\n"
    )
    result = subprocess.run(
        [PYTHON, "-c", code, *paths],
        cwd=ROOT,
        env={**env, "PAGE_CACHE": "0"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def serve_and_measure(env, size, args, script):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "config.wsgi", "--workers", "2", "--bind",
         f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    rows = []
    try:
        wait_until_up(base, process)
        for label, path in [("floor (minimal view)", "/floor/"), *pages(size)]:
            status = warm(base + path)
            # A second of load first, discarded: every worker has served the page (its
            # first request imports and compiles what it needs) before the timed run.
            run_wrk(base + path, args.warmup, args.connections, script)
            data = run_wrk(base + path, args.duration, args.connections, script)
            if args.floor_each and path != "/floor/":
                # The floor again, right after the page: the machine is shared and its
                # speed drifts over a run, so a page is compared with the floor of the
                # same minute, not only with the one measured first.
                floor = run_wrk(base + "/floor/", args.floor_each, args.connections, script)
                data["floor_rps"] = floor["rps"]
            data.update(label=label, path=path, status=status)
            rows.append(data)
        workers = workers_of(process.pid)
        memory = {
            "peak_mb": max(memory_mb(pid, "VmHWM") for pid in workers),
            "end_mb": max(memory_mb(pid, "VmRSS") for pid in workers),
        }
    finally:
        process.terminate()
        process.wait(timeout=30)
    return rows, memory


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--sizes", default="100,100000")
    parser.add_argument("--modes", default="uncached,cached")
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--warmup", type=int, default=1, help="seconds of wrk per page before the timed run"
    )
    parser.add_argument(
        "--floor-each",
        type=int,
        default=2,
        help="seconds of the floor measured again after each page, which that page's share "
        "is taken against (0: only the floor measured first)",
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="a PostgreSQL server to create the throwaway database on",
    )
    parser.add_argument("--redis", help="REDIS_URL for the cache (default: local memory)")
    parser.add_argument("--json", help="also write the raw results to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    sizes = [int(size) for size in args.sizes.split(",")]
    results = []
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        for kind in args.databases.split(","):
            with Database(kind, args.postgres) as database_url:
                env = environment(database_url, page_cache=False)
                manage(env, "migrate", "--noinput", "--verbosity", "0")
                manage(env, "loaddata", *FIXTURES, "--verbosity", "0")
                for size in sizes:
                    manage(env, "synthetic_data", "--remove")
                    manage(
                        env, "synthetic_data", f"--enterprises={size}", f"--participations={size}"
                    )
                    queries = count_queries(env, [path for _label, path in pages(size)])
                    for mode in args.modes.split(","):
                        sys.stderr.write(f"-- {kind}, {size} enterprises, {mode}\n")
                        run_env = environment(database_url, mode == "cached", args.redis)
                        rows, memory = serve_and_measure(run_env, size, args, script.name)
                        for row in rows:
                            row["queries"] = queries.get(row["path"])
                        results.append(
                            {"database": kind, "size": size, "mode": mode, "rows": rows, **memory}
                        )
    finally:
        os.unlink(script.name)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    print_table(results)


def say(line=""):
    sys.stdout.write(line + "\n")


def print_table(results):
    say(f"\nBenchmark of {time.strftime('%Y-%m-%d %H:%M %Z')} on {os.cpu_count()} cores.\n")
    say("| database | enterprises | cache | page | req/s | floor req/s | share of floor "
          "| p50 ms | p95 ms | queries |")  # fmt: skip
    say("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in results:
        first_floor = run["rows"][0]["rps"]
        for row in run["rows"]:
            floor = row.get("floor_rps") or first_floor
            note = ""
            if row["errors"] or row["non2xx"] or row["status"] != 200:
                note = f" ({row['errors']} errors, {row['non2xx']} non-2xx, status {row['status']})"
            say(
                f"| {run['database']} | {run['size']:,} | {run['mode']} | {row['label']}{note} "
                f"| {row['rps']:,.0f} | {floor:,.0f} | {row['rps'] / floor:.3f} "
                f"| {row['p50_us'] / 1000:.1f} "
                f"| {row['p95_us'] / 1000:.1f} | {row['queries'] or ''} |"
            )
    say("\n| database | enterprises | cache | workers' peak RSS | RSS at the end |")
    say("| --- | ---: | --- | ---: | ---: |")
    for run in results:
        say(
            f"| {run['database']} | {run['size']:,} | {run['mode']} | {run['peak_mb']:.0f} MB "
            f"| {run['end_mb']:.0f} MB |"
        )
    by_key = {(r["database"], r["size"], r["mode"]): r for r in results}
    sizes = sorted({r["size"] for r in results})
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        say(f"\np95 with {large:,} enterprises / p95 with {small:,} (target: at most 2)\n")
        say("| database | cache | page | ratio |")
        say("| --- | --- | --- | ---: |")
        for (database, size, mode), run in by_key.items():
            other = by_key.get((database, small, mode))
            if size != large or other is None:
                continue
            for big, little in zip(run["rows"], other["rows"], strict=False):
                label = big["label"]
                if label.startswith("directory, page"):
                    label = "directory, last page"
                elif label.startswith("sitemap, last enterprises file"):
                    label = "sitemap, last enterprises file"
                ratio = big["p95_us"] / max(little["p95_us"], 1)
                say(f"| {database} | {mode} | {label} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
