"""Benchmark: download the whole enterprise directory as CSV and JSON, streamed.

    .venv/bin/python bench/export_enterprises.py [--rows 100000]
        SQLite; add DATABASE_URL=postgres://... for PostgreSQL

In a throwaway database (a temporary SQLite file, or "test_<name>" next to the
PostgreSQL database, created and dropped like the test suite's), it inserts
``--rows`` published enterprises, then requests ``/en/enterprises/?format=csv`` and
``?format=json`` through Django's test client and reads the streamed body chunk by
chunk, as a slow client would. It prints rows per second, the number of chunks and
the database queries, then downloads the CSV again under tracemalloc for the peak
Python memory while streaming: it stays the same whatever the number of rows (about
30 MiB, one database chunk of 2,000 rows with their related records), which shows
the rows are never all in memory at once.
"""

import argparse
import json
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
    os.environ.setdefault("STATIC_MANIFEST", "0")
    tmp = Path(tempfile.mkdtemp(prefix="bench-export-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'unused.sqlite3'}")

    import django

    django.setup()

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from expo.models import Enterprise
    from tests import factories as f

    setup_test_environment()
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(tmp / "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    figures = {"database": connection.vendor, "rows": args.rows}
    try:
        china, russia = f.country("CN"), f.country("RU")
        regions = [f.region(country=china) for _ in range(10)]
        Enterprise.objects.bulk_create(
            (
                Enterprise(
                    name=f"Bench Enterprise {n:06d}",
                    name_ru=f"Предприятие {n}",
                    slug=f"bench-enterprise-{n:06d}",
                    country=china if n % 2 else russia,
                    region=regions[n % 10] if n % 2 else None,
                    website=f"https://enterprise-{n}.example.com",
                    status="published",
                )
                for n in range(args.rows)
            ),
            batch_size=5000,
        )
        client = Client()

        def download(key):
            response = client.get("/en/enterprises/", {"format": key})
            size = chunks = 0
            for chunk in response.streaming_content:
                size += len(chunk)
                chunks += 1
            return size, chunks

        for key in ["csv", "json"]:
            reset_queries()
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                size, chunks = download(key)
            elapsed = time.perf_counter() - start
            if key == "json":
                assert chunks == args.rows + 2
            figures[key] = {
                "rows_per_s": round(args.rows / elapsed),
                "seconds": round(elapsed, 1),
                "body_mib": round(size / 2**20, 1),
                "chunks": chunks,
                "queries": len(queries),
            }
        # Memory on a second run (tracemalloc slows Python down, so it is not timed).
        tracemalloc.start()
        download("csv")
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        figures["csv"]["peak_python_mib"] = round(peak / 2**20, 1)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(json.dumps(figures, indent=2))  # noqa: T201


if __name__ == "__main__":
    main()
