"""Benchmark: the public pages against plain Django's minimum, at two sizes, on one stack.

    .venv/bin/python bench/pages.py                       # SQLite and PostgreSQL, 100 and 100,000
    .venv/bin/python bench/pages.py --databases postgres --sizes 100 --duration 1   # a quick look
    .venv/bin/python bench/pages.py --databases postgres --format docs --json /tmp/pages.json
    .venv/bin/python bench/pages.py --from-json /tmp/pages.json --format docs   # print it again
    make bench-pages

The floor is a separate, minimal Django project (bench/floor/: SecurityMiddleware and
CommonMiddleware only, one view returning two bytes, no apps, no database), served by
its own gunicorn on its own loopback port with the same options as the site
(``GUNICORN_OPTIONS``: 2 sync workers), started first and stopped at the end.

For each database (a throwaway SQLite file, or a throwaway PostgreSQL database next to
``--postgres``), it migrates, loads the article data, and for each size generates that
many synthetic enterprises and participations (``manage.py synthetic_data``). Then, for
the page cache off and on, it starts the site's gunicorn (config.wsgi, the site's
settings with DEBUG off, loopback only) and runs wrk against each page for
``--duration`` seconds with ``--connections`` connections, after ``--warmup`` seconds
of the same load whose figures are discarded (a worker's first requests for a page
import and compile what it needs, once per process): first the floor, then every
page, each followed by ``--floor-each`` seconds of the floor again. A page's share of
the floor is its requests per second over those of the floor measured right after it
(the machine is shared and its speed drifts over a run). It prints the
tables of bench/report.py: per run, or with ``--format docs`` those of
docs/performance.md. Nothing is left running and the throwaway databases are dropped.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import print_docs, print_table  # noqa: E402  (run as a script)
from bench.servers import GUNICORN_OPTIONS, Database, Gunicorn  # noqa: E402

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
FLOOR_APP, FLOOR_PATH, FLOOR_LABEL = "bench.floor.wsgi", "/floor/", "floor (plain Django)"

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
    """(label, path, detail) of every page measured, for ``size`` enterprises.

    The label is the same at every size; ``detail`` is the part of the path that is
    not (which last page, which last sitemap file)."""
    deep = min(math.ceil(size / PER_PAGE), MAX_PAGES)
    files = math.ceil(size / SITEMAP_RECORDS)
    return [
        ("home", "/en/", ""),
        ("home (ru)", "/ru/", ""),
        ("home (zh-hans)", "/zh-hans/", ""),
        ("directory, first page", "/en/enterprises/", ""),
        ("directory (ru)", "/ru/enterprises/", ""),
        ("directory (zh-hans)", "/zh-hans/enterprises/", ""),
        ("directory by region", "/en/enterprises/?region=sakha", ""),
        ("directory by name", "/en/enterprises/?name=Amur+Machinery", ""),
        ("directory, last page", f"/en/enterprises/?page={deep}", str(deep)),
        ("exhibition", "/en/exhibitions/6th-china-russia-expo/", ""),
        ("region (Sakha)", "/en/regions/sakha/", ""),
        ("enterprise", f"/en/enterprises/synthetic-enterprise-{size // 2:06d}/", ""),
        ("sitemap index", "/sitemap.xml", ""),
        ("sitemap, enterprises file 1", "/sitemap-enterprises.xml", ""),
        # The far end of the keys: at 100 enterprises the same file as the first.
        ("sitemap, last enterprises file", f"/sitemap-enterprises.xml?p={files}", str(files)),
    ]


def environment(database_url, page_cache, redis_url=None):
    """The site's environment: its own settings, DEBUG off, this database and cache."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
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


def floor_environment():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.floor.settings",
        "PYTHONWARNINGS": "ignore",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def warm(url, times=3):
    for _ in range(times):
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
        except urllib.error.HTTPError as error:
            return error.code
    return 200


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


def measure(url, args, script):
    """wrk against ``url``: ``--warmup`` seconds discarded, then ``--duration`` timed."""
    status = warm(url)
    # Load first, discarded: every worker has served the page (its first request
    # imports and compiles what it needs) before the timed run.
    run_wrk(url, args.warmup, args.connections, script)
    data = run_wrk(url, args.duration, args.connections, script)
    data["status"] = status
    return data


def serve_and_measure(env, size, floor, args, script):
    """The floor, then every page each followed by the floor again, with the site served."""
    floor_url = floor.base + FLOOR_PATH
    with Gunicorn("config.wsgi", env, "/health/") as site:
        data = measure(floor_url, args, script)
        data.update(label=FLOOR_LABEL, path=FLOOR_PATH, detail="", floor=True)
        rows = [data]
        for label, path, detail in pages(size):
            data = measure(site.base + path, args, script)
            if args.floor_each:
                # The floor again, right after the page: the machine is shared and its
                # speed drifts over a run, so a page is compared with the floor of the
                # same minute, not only with the one measured first.
                again = run_wrk(floor_url, args.floor_each, args.connections, script)
                data["floor_rps"] = again["rps"]
            data.update(label=label, path=path, detail=detail)
            rows.append(data)
        return rows, site.memory()


def revision():
    """The commit measured, with "+changes" when the tree differs from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
            check=True,
        ).stdout.strip()  # fmt: skip
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+changes" if changed else "")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Full run for docs/performance.md: --databases postgres --format docs",
    )
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
    parser.add_argument(
        "--format",
        choices=["runs", "docs"],
        default="runs",
        help="runs: one table row per page and run (default); docs: the tables of "
        "docs/performance.md (per database and cache mode, each page at every size, "
        "p95 growth, queries, workers' peak memory)",
    )
    parser.add_argument("--json", help="also write the raw results to this file")
    parser.add_argument(
        "--from-json", help="measure nothing: print the tables of a file written by --json"
    )
    args = parser.parse_args()
    if args.from_json:
        report = json.loads(Path(args.from_json).read_text())
    else:
        report = run(args)
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=1))
    if args.format == "docs":
        print_docs(report)
    else:
        print_table(report)


def run(args):
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    sizes = [int(size) for size in args.sizes.split(",")]
    meta = {
        "started": time.strftime("%Y-%m-%d %H:%M %Z"),
        "revision": revision(),
        "cores": os.cpu_count(),
        "command": " ".join(["bench/pages.py", *sys.argv[1:]]),
        "gunicorn": " ".join(GUNICORN_OPTIONS),
        **{key: getattr(args, key) for key in ("duration", "warmup", "floor_each")},
        "connections": args.connections,
    }
    results = []
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    started = time.monotonic()
    try:
        with Gunicorn(FLOOR_APP, floor_environment(), FLOOR_PATH) as floor:
            for kind in args.databases.split(","):
                with Database(kind, args.postgres) as database_url:
                    env = environment(database_url, page_cache=False)
                    manage(env, "migrate", "--noinput", "--verbosity", "0")
                    manage(env, "loaddata", *FIXTURES, "--verbosity", "0")
                    for size in sizes:
                        manage(env, "synthetic_data", "--remove")
                        manage(
                            env,
                            "synthetic_data",
                            f"--enterprises={size}",
                            f"--participations={size}",
                        )
                        queries = count_queries(env, [path for _label, path, _ in pages(size)])
                        for mode in args.modes.split(","):
                            sys.stderr.write(f"-- {kind}, {size} enterprises, {mode}\n")
                            run_env = environment(database_url, mode == "cached", args.redis)
                            rows, memory = serve_and_measure(
                                run_env, size, floor, args, script.name
                            )
                            for row in rows:
                                row["queries"] = 0 if row.get("floor") else queries.get(row["path"])
                            results.append(
                                {"database": kind, "size": size, "mode": mode, "rows": rows}
                                | memory
                            )
            meta["floor_memory"] = floor.memory()
    finally:
        os.unlink(script.name)
    meta["minutes"] = round((time.monotonic() - started) / 60, 1)
    return {"meta": meta, "runs": results}


if __name__ == "__main__":
    main()
