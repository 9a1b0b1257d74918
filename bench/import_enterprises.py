"""Benchmark: import 10,000 enterprises from CSV, as the admin does, and print rows/second.

    .venv/bin/python bench/import_enterprises.py [--rows 10000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cooperation .venv/bin/python bench/...

The file goes through the admin's own resource (expo.resources.EnterpriseResource):
first the preview (a dry run, rolled back), then the real import, each in one
transaction, with history recorded for every row. It runs in a throwaway database
(a temporary SQLite file, or "test_<name>" next to the DATABASE_URL database, created
and dropped like the test suite's), never in the developer's own.
"""

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
TMP = Path(tempfile.mkdtemp(prefix="bench-import-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{TMP / 'unused.sqlite3'}")

import django  # noqa: E402

django.setup()

import tablib  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402

from expo.models import Enterprise  # noqa: E402
from expo.resources import EnterpriseResource  # noqa: E402
from tests import factories as f  # noqa: E402

HEADERS = ["slug", "name_en", "name_ru", "country", "region", "sector", "website", "status"]


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


def timed(label, rows, run):
    start = time.perf_counter()
    result = run()
    elapsed = time.perf_counter() - start
    print(f"{label:<28} {elapsed:8.2f} s  {rows / elapsed:8.0f} rows/s")  # noqa: T201
    assert not result.has_errors() and not result.has_validation_errors(), result.invalid_rows
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()

    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(TMP / "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        china, russia = f.country("CN"), f.country("RU")
        regions = [(china.code, f.region(country=china).slug) for _ in range(10)]
        regions += [(russia.code, f.region(country=russia).slug) for _ in range(10)]
        sectors = [f.sector().slug for _ in range(10)]
        user = get_user_model().objects.create_superuser("bench", "bench@example.com", "x")

        path = TMP / "enterprises.csv"
        write_csv(path, args.rows, regions, sectors)
        dataset = tablib.Dataset().load(path.read_text(encoding="utf-8"), format="csv")
        print(f"{connection.vendor}, {args.rows} rows, {path.stat().st_size // 1024} KiB CSV")  # noqa: T201

        def run(dry_run):
            return EnterpriseResource().import_data(
                dataset, dry_run=dry_run, rollback_on_validation_errors=True, user=user
            )

        timed("preview (dry run)", args.rows, lambda: run(True))
        timed("import", args.rows, lambda: run(False))
        assert Enterprise.objects.count() == args.rows
        assert Enterprise.history.count() == args.rows
        # The same file again: every row updates an existing record.
        timed("import again (updates)", args.rows, lambda: run(False))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
