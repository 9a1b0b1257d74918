"""Benchmark: import 10,000 enterprises from CSV, as the admin does; rows/second per database.

    .venv/bin/python bench/import_enterprises.py [--rows 10000]
        SQLite, and PostgreSQL too when DATABASE_URL names a PostgreSQL database
    .venv/bin/python bench/import_enterprises.py --postgres postgres://postgres@127.0.0.1:5432/x
        the same with PostgreSQL given explicitly
    .venv/bin/python bench/import_enterprises.py --sqlite-only

The file goes through the admin's own resource (expo.resources.EnterpriseResource):
first the preview (a dry run, rolled back), then the real import, then the same file
again (every row an update), each in one transaction, with a history version for
every row. Each database runs in its own process, in a throwaway database (a
temporary SQLite file, or "test_<name>" next to the PostgreSQL database, created and
dropped like the test suite's), never in the developer's own. The target (issue 14) is
5,000 rows/s or more for the import on both.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADERS = ["slug", "name_en", "name_ru", "country", "region", "sector", "website", "status"]
STEPS = ["preview (dry run)", "import", "import again (updates)"]
TARGET = 5_000


def write_csv(path, rows, regions, sectors):
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for n in range(rows):
            country, region = regions[n % len(regions)]
            writer.writerow(
                [
                    f"bench-enterprise-{n:05d}",
                    f"Bench Enterprise {n}",
                    f"Предприятие {n}",
                    country,
                    region,
                    sectors[n % len(sectors)],
                    f"https://enterprise-{n}.example.com",
                    "published",
                ]
            )


def run_one(rows):
    """In a child process whose DATABASE_URL is set: time each step, print JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
    os.environ.setdefault("STATIC_MANIFEST", "0")
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'unused.sqlite3'}")

    import django

    django.setup()

    import tablib
    from django.contrib.auth import get_user_model
    from django.db import connection

    from expo.models import Enterprise
    from expo.resources import EnterpriseResource
    from tests import factories as f

    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(tmp / "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    figures = {"database": connection.vendor, "rows": rows}
    try:
        china, russia = f.country("CN"), f.country("RU")
        regions = [(china.code, f.region(country=china).slug) for _ in range(10)]
        regions += [(russia.code, f.region(country=russia).slug) for _ in range(10)]
        sectors = [f.sector().slug for _ in range(10)]
        user = get_user_model().objects.create_superuser("bench", "bench@example.com", "x")

        path = tmp / "enterprises.csv"
        write_csv(path, rows, regions, sectors)
        dataset = tablib.Dataset().load(path.read_text(encoding="utf-8"), format="csv")
        figures["kib"] = path.stat().st_size // 1024

        def run(dry_run):
            return EnterpriseResource().import_data(
                dataset, dry_run=dry_run, rollback_on_validation_errors=True, user=user
            )

        for step, dry_run in zip(STEPS, (True, False, False), strict=True):
            start, cpu = time.perf_counter(), time.process_time()
            result = run(dry_run)
            figures[step] = rows / (time.perf_counter() - start)
            # The same per second of this process's CPU time: what the machine gives
            # when nothing else runs (the database server's own time is not counted).
            figures[f"{step} cpu"] = rows / (time.process_time() - cpu)
            assert not result.has_errors(), [e.error for e in result.base_errors]
            assert not result.has_validation_errors(), result.invalid_rows[:3]
            if step == "import":
                assert Enterprise.objects.count() == rows
                assert Enterprise.history.count() == rows, "one history version per row"
        assert Enterprise.history.count() == 2 * rows
        assert Enterprise.history.filter(history_user=user).count() == 2 * rows
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(json.dumps(figures))  # noqa: T201


def run_child(rows, database_url=None):
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    completed = subprocess.run(
        [sys.executable, __file__, "--rows", str(rows), "--child"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith('{"database"')]
    if completed.returncode != 0 or not lines:
        sys.stderr.write(completed.stderr[-3000:])
        raise SystemExit(f"The benchmark failed on {database_url or 'SQLite'}.")
    return json.loads(lines[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL DATABASE_URL")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(args.rows)
        return

    postgres = args.postgres
    if postgres is None and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        postgres = os.environ["DATABASE_URL"]
    runs = [run_child(args.rows)]
    if postgres and not args.sqlite_only:
        runs.append(run_child(args.rows, postgres))
    print(f"Import of {args.rows:,} enterprises ({runs[0]['kib']} KiB CSV), rows per second:")  # noqa: T201
    print(f"{'database':<12}" + "".join(f"{step:>26}" for step in STEPS))  # noqa: T201
    for figures in runs:
        cells = "".join(f"{figures[step]:>26,.0f}" for step in STEPS)
        print(f"{figures['database']:<12}{cells}")  # noqa: T201
    print("per second of the Python process's CPU time:")  # noqa: T201
    for figures in runs:
        cells = "".join(f"{figures[f'{step} cpu']:>26,.0f}" for step in STEPS)
        print(f"{figures['database']:<12}{cells}")  # noqa: T201
    print(f"load average when done: {os.getloadavg()[0]:.1f}")  # noqa: T201
    if not postgres:
        print("(PostgreSQL: set DATABASE_URL=postgres://... or pass --postgres URL)")  # noqa: T201
    slow = [f["database"] for f in runs if f["import"] < TARGET]
    if slow:
        print(f"Below the target of {TARGET:,} rows/s for the import: {', '.join(slow)}")  # noqa: T201


if __name__ == "__main__":
    main()
