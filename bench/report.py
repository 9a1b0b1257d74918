"""The page benchmark's tables (bench/pages.py), from its results or a file of them.

``print_table``: per run, each page's requests per second, its share of the floor, p50
and p95 latency and SQL queries (counted uncached, in-process, through Django's test
client), then the site workers' peak memory (RSS) and, with two sizes or more, each
page's p95 growth. ``print_docs``: the tables of docs/performance.md instead: per
database and cache mode, each page at every size with its p95 growth from the smallest
size to the largest, and the workers' peak memory.
"""

import sys


def say(line=""):
    sys.stdout.write(line + "\n")


def share(row, run):
    """A row's requests per second over the floor's right after it (else the run's first)."""
    return row["rps"] / (row.get("floor_rps") or run["rows"][0]["rps"])


def note(row):
    if row["errors"] or row["non2xx"] or row["status"] != 200:
        return f" ({row['errors']} errors, {row['non2xx']} non-2xx, status {row['status']})"
    return ""


def describe(meta):
    """What was measured and how, from the run's ``meta``."""
    if not meta:
        return ""
    text = (
        f"Run of {meta['started']} ({meta.get('minutes', '?')} min) on commit "
        f"{meta['revision']}, {meta['cores']} cores: `.venv/bin/python {meta['command']}`. "
        f"wrk, {meta['connections']} connections: {meta['duration']} s a page after "
        f"{meta['warmup']} s of warm-up, then {meta['floor_each']} s of the floor, which "
        "the page's share is taken against. The site and the floor each on its own "
        f"gunicorn (`{meta['gunicorn']}`, loopback); the floor is plain Django (bench/floor/: "
        "SecurityMiddleware and CommonMiddleware, one view returning two bytes, no database)."
    )
    if "floor_memory" in meta:
        text += f" The floor's workers' peak RSS: {meta['floor_memory']['peak_mb']:.0f} MB."
    return text


def print_table(report):
    runs = report["runs"]
    say()
    say(describe(report.get("meta")))
    say()
    say("| database | enterprises | cache | page | req/s | floor req/s | share of floor "
        "| p50 ms | p95 ms | queries |")  # fmt: skip
    say("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in runs:
        for row in run["rows"]:
            floor = row.get("floor_rps") or run["rows"][0]["rps"]
            detail = f" ({row['detail']})" if row["detail"] else ""
            queries = "" if row["queries"] is None else row["queries"]
            say(
                f"| {run['database']} | {run['size']:,} | {run['mode']} "
                f"| {row['label']}{detail}{note(row)} "
                f"| {row['rps']:,.0f} | {floor:,.0f} | {share(row, run):.3f} "
                f"| {row['p50_us'] / 1000:.1f} | {row['p95_us'] / 1000:.1f} | {queries} |"
            )
    say("\n| database | enterprises | cache | site workers' peak RSS | RSS at the end |")
    say("| --- | ---: | --- | ---: | ---: |")
    for run in runs:
        say(
            f"| {run['database']} | {run['size']:,} | {run['mode']} | {run['peak_mb']:.0f} MB "
            f"| {run['end_mb']:.0f} MB |"
        )
    sizes = sorted({run["size"] for run in runs})
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        by_key = {(run["database"], run["size"], run["mode"]): run for run in runs}
        say(f"\np95 with {large:,} enterprises / p95 with {small:,} (target: at most 2)\n")
        say("| database | cache | page | ratio |")
        say("| --- | --- | --- | ---: |")
        for (database, size, mode), run in by_key.items():
            other = by_key.get((database, small, mode))
            if size != large or other is None:
                continue
            for big, little in zip(run["rows"], other["rows"], strict=True):
                ratio = big["p95_us"] / max(little["p95_us"], 1)
                say(f"| {database} | {mode} | {big['label']} | {ratio:.2f} |")


DATABASE_NAMES = {"postgres": "PostgreSQL", "sqlite": "SQLite"}
MODE_NAMES = {"uncached": "page cache off (uncached)", "cached": "page cache on (cached)"}


def print_docs(report):
    """The tables of docs/performance.md: per database and cache mode, a row per page
    with its figures at every size side by side, then the workers' peak memory."""
    runs = report["runs"]
    sizes = sorted({run["size"] for run in runs})
    small, large = sizes[0], sizes[-1]
    by_key = {(run["database"], run["size"], run["mode"]): run for run in runs}
    databases = list(dict.fromkeys(run["database"] for run in runs))
    modes = list(dict.fromkeys(run["mode"] for run in runs))
    say(describe(report.get("meta")))
    say()
    text = (
        "A page's share is its requests per second over the floor's measured right after "
        "it; the floor's row is the floor measured first in the same run, before the pages. "
        "Queries are those of one uncached request (Django's test client). Sizes are "
        "synthetic enterprises added to the article data."
    )
    if len(sizes) >= 2:
        text += f" p95 growth: the p95 at {large:,} enterprises over the p95 at {small:,}."
    say(text)
    for database in databases:
        for mode in modes:
            runs_here = [by_key.get((database, size, mode)) for size in sizes]
            if not any(runs_here):
                continue
            say()
            say(f"{DATABASE_NAMES.get(database, database)}, {MODE_NAMES.get(mode, mode)}:")
            say()
            header = ["page"] + (["queries"] if mode == "uncached" else [])
            for size in sizes:
                header += [f"req/s at {size:,}", f"share at {size:,}", f"p95 ms at {size:,}"]
            if len(sizes) >= 2:
                header.append("p95 growth")
            say("| " + " | ".join(header) + " |")
            say("| --- |" + " ---: |" * (len(header) - 1))
            count = max(len(run["rows"]) for run in runs_here if run)
            for index in range(count):
                rows = [run["rows"][index] if run else None for run in runs_here]
                first = next(row for row in rows if row)
                details = [
                    f"{row['detail']} at {size:,}"
                    for row, size in zip(rows, sizes, strict=True)
                    if row and row["detail"]
                ]
                label = first["label"] + (f" ({', '.join(details)})" if details else "")
                label += "".join(note(row) for row in rows if row)
                cells = [label]
                if mode == "uncached":
                    counts = list(dict.fromkeys(row["queries"] for row in rows if row))
                    cells.append(" / ".join("" if c is None else str(c) for c in counts))
                for row, run in zip(rows, runs_here, strict=True):
                    if row is None:
                        cells += ["", "", ""]
                        continue
                    cells += [
                        f"{row['rps']:,.0f}",
                        "" if row.get("floor") else f"{share(row, run):.3f}",
                        f"{row['p95_us'] / 1000:,.1f}",
                    ]
                if len(sizes) >= 2:
                    if rows[0] and rows[-1]:
                        cells.append(f"{rows[-1]['p95_us'] / max(rows[0]['p95_us'], 1):.2f}")
                    else:
                        cells.append("")
                say("| " + " | ".join(cells) + " |")
    say()
    say("Workers' peak memory (RSS, the larger of the site's two workers):")
    say()
    say("| database | cache | " + " | ".join(f"at {size:,}" for size in sizes) + " |")
    say("| --- | --- |" + " ---: |" * len(sizes))
    for database in databases:
        for mode in modes:
            cells = []
            for size in sizes:
                run = by_key.get((database, size, mode))
                cells.append(f"{run['peak_mb']:.0f} MB" if run else "")
            say(
                f"| {DATABASE_NAMES.get(database, database)} | {mode} | " + " | ".join(cells) + " |"
            )
