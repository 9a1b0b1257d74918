"""Instructions per request: the Python work of a page, counted, not timed.

    .venv/bin/python bench/instructions.py --database-url postgres://postgres@127.0.0.1/perf /en/
    .venv/bin/python bench/instructions.py --database-url URL --baseline HEAD~1 /en/ /ru/

The machine this project runs its benchmarks on is shared: the same page measured
twice with wrk differs by 10-20%, more than most single changes gain. ``valgrind
--tool=callgrind`` counts the instructions a process executes instead, which is the
same from run to run whatever else the machine does. For each page this runs the
site (``config.settings``, DEBUG off, the page cache off) under callgrind
twice, with ``--few`` and with ``--many`` requests through Django's test client after
the same warm-up, and prints (instructions of many - instructions of few) / (many -
few): one request's instructions, start-up and warm-up cancelled out. With
``--baseline REV`` it does the same for a git revision (checked out in a temporary
worktree beside this one, same virtualenv and database) and prints the change.

The database is not created here: point ``--database-url`` at one holding the article
data and ``manage.py synthetic_data`` (as bench/pages.py builds its own). Only this
process's instructions are counted; the database server's work is not (bench/pages.py
measures the whole stack). Needs valgrind (Debian's package); about a minute per run.
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.pages import environment  # noqa: E402  (the page benchmark's settings)
from bench.report import say  # noqa: E402

LOOP = """
import os, sys
import django
django.setup()
from django.test import Client
client = Client()
for _ in range(3):
    client.get(sys.argv[2], HTTP_HOST="127.0.0.1")
for _ in range(int(sys.argv[1])):
    response = client.get(sys.argv[2], HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, response.status_code
"""


def instructions(tree, database_url, count, path):
    # The page benchmark's settings (DEBUG off, the page cache off), hashing fixed so
    # that two runs execute the same instructions, and the tree's own code first.
    env = {
        **environment(database_url, page_cache=False),
        "PYTHONHASHSEED": "0",
        "PYTHONPATH": str(tree),
    }
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, "-c", LOOP, str(count), path],
        cwd=tree, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = re.search(r"Collected : (\d+)", result.stderr)
    if not found:
        raise RuntimeError(result.stderr[-2000:])
    return int(found.group(1))


def per_request(tree, args, path):
    few = instructions(tree, args.database_url, args.few, path)
    many = instructions(tree, args.database_url, args.many, path)
    return (many - few) / (args.many - args.few)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="pages, e.g. /en/ /en/regions/sakha/")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--few", type=int, default=3)
    parser.add_argument("--many", type=int, default=13)
    parser.add_argument("--baseline", help="a git revision to compare with, e.g. HEAD~1")
    args = parser.parse_args()
    trees = {"this tree": ROOT}
    with tempfile.TemporaryDirectory(prefix="bench-instructions-") as tmp:
        if args.baseline:
            baseline = Path(tmp) / "baseline"
            subprocess.run(
                ["git", "worktree", "add", "--detach", str(baseline), args.baseline],
                cwd=ROOT, check=True, capture_output=True,
            )  # fmt: skip
            trees = {args.baseline: baseline, **trees}
        try:
            say("| page | " + " | ".join(trees) + (" | change |" if args.baseline else " |"))
            say("| --- |" + " ---: |" * (len(trees) + bool(args.baseline)))
            for path in args.paths:
                counts = [per_request(tree, args, path) for tree in trees.values()]
                cells = [f"{count / 1e6:,.1f} M" for count in counts]
                if args.baseline:
                    cells.append(f"{(counts[1] - counts[0]) / counts[0] * 100:+.1f}%")
                say(f"| {path} | " + " | ".join(cells) + " |")
        finally:
            if args.baseline:
                subprocess.run(
                    ["git", "worktree", "remove", "--force", str(baseline)],
                    cwd=ROOT, check=False, capture_output=True,
                )  # fmt: skip


if __name__ == "__main__":
    main()
