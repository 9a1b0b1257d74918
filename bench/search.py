"""Site search at scale (issue 29): what a search costs next to the directory's name filter,
and what 50 clients sending different searches do to the other pages.

    .venv/bin/python bench/search.py                          # PostgreSQL, 100,000 enterprises
    .venv/bin/python bench/search.py --database sqlite --enterprises 10000 --load-seconds 20

A throwaway database (bench/servers.py) gets the article data and synthetic enterprises
(``manage.py synthetic_data``); gunicorn serves the site on a loopback port with
production's settings (``config/gunicorn.conf.py``) and the page cache on, as in
production: different searches are all misses anyway (``--no-page-cache`` makes the
other pages miss too). Then:

1. For each query, the median time of ``--repeat`` sequential requests of the site search
   (``/en/search/?q=…``) and of the directory filtered by the same name
   (``/en/enterprises/?name=…``).
2. ``--clients`` threads send different searches (two-word names of the synthetic data,
   then single words) for ``--load-seconds``, each as its own address (``X-Real-IP``, read
   from the loopback proxy as behind nginx), while one more thread reads other pages in
   turn; it prints the searches answered per second, the status codes, and the other
   pages' median and p95.

Everything is bounded in time: each request times out after ``--timeout`` seconds and the
load stops after ``--load-seconds``. Only 127.0.0.1 is contacted.
"""

import argparse
import itertools
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pages import FIXTURES, environment, manage
from bench.servers import Database, Gunicorn


def say(line=""):
    sys.stdout.write(f"{line}\n")


# Words of the synthetic enterprises' names (expo/management/commands/synthetic_data.py,
# not imported: it needs Django set up), and others that match nothing.
FIRST = ["Amur", "Baikal", "Harbin", "Khingan", "Sakhalin", "Ussuri", "Zeya", "Lena", "Tomsk"]
SECOND = ["Machinery", "Timber", "Grain", "Logistics", "Trading", "Energy", "Mining", "Foods"]
QUERIES = ["harbin", "Amur Timber", "Sakhalin", "Heilongjiang", "zzz-no-match"]
OTHER_PAGES = [
    "/en/",
    "/en/enterprises/",
    "/en/enterprises/?name=harbin",
    "/en/regions/",
    "/en/exhibitions/6th-china-russia-expo/",
]


def fetch(base, path, timeout, address=None):
    """(status, seconds) of one GET; status 0 for a timeout or a refused connection."""
    request = urllib.request.Request(base + path)
    if address:
        request.add_header("X-Real-IP", address)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def median_time(base, path, repeat, timeout, address):
    # A parameter no page reads makes each request a miss of the page cache (one that
    # is not stored), so that the pages are made each time, cache on or off.
    fresh = (f"{path}&uncached={n}" for n in itertools.count())
    fetch(base, next(fresh), timeout, address)  # warm: the first request imports and connects
    times = [fetch(base, next(fresh), timeout, address)[1] for _ in range(repeat)]
    return statistics.median(times)


def p95(values):
    values = sorted(values)
    return values[max(0, int(len(values) * 0.95) - 1)] if values else float("nan")


def search_queries():
    """Different searches, as different readers would send them."""
    pairs = (f"{first} {second}" for first, second in itertools.product(FIRST, SECOND))
    numbered = (f"{word} {n}" for n in itertools.count() for word in FIRST + SECOND)
    return itertools.chain(pairs, numbered)


def load(base, args):
    stop = time.monotonic() + args.load_seconds
    lock = threading.Lock()
    queries = search_queries()
    statuses, search_times, page_times = {}, [], []

    def client(number):
        address = f"10.{number // 250}.{number % 250}.1"
        while time.monotonic() < stop:
            with lock:
                query = next(queries)
            path = "/en/search/?" + urllib.parse.urlencode({"q": query})
            status, seconds = fetch(base, path, args.timeout, address)
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                search_times.append(seconds)

    def reader():
        for path in itertools.cycle(OTHER_PAGES):
            if time.monotonic() >= stop:
                return
            status, seconds = fetch(base, path, args.timeout)
            page_times.append(seconds if status == 200 else float(args.timeout))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    threads.append(threading.Thread(target=reader))
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    say(f"\n{args.clients} clients searching for {elapsed:.0f} s:")
    say(f"  searches answered: {len(search_times)} ({len(search_times) / elapsed:.1f}/s)")
    say(f"  status codes: {dict(sorted(statuses.items()))} (0: timed out or refused)")
    if search_times:
        say(
            f"  search median {statistics.median(search_times) * 1000:.0f} ms, "
            f"p95 {p95(search_times) * 1000:.0f} ms"
        )
    if page_times:
        say(
            f"  other pages ({len(page_times)} requests): median "
            f"{statistics.median(page_times) * 1000:.0f} ms, p95 {p95(page_times) * 1000:.0f} ms"
        )


def run(args, database_url):
    """Measure the site served from ``database_url``."""
    env = environment(database_url, page_cache=args.page_cache, redis_url=args.redis)
    # Each load client is its own address, as readers behind the site's proxy are.
    env = {**env, "RATELIMIT_IP_META_KEY": "HTTP_X_REAL_IP"}
    # Served as production serves it (config/gunicorn.conf.py: gthread workers, one
    # per core and one more, four threads each), so that a thread a search does not
    # take stays free for the other pages.
    env = {**env, "GUNICORN_LOG_LEVEL": "warning"}
    options = ["--config", "config/gunicorn.conf.py"]
    with Gunicorn("config.wsgi", env, "/en/", options=options) as server:
        cached = "on" if args.page_cache else "off"
        say(
            f"{args.database}, {args.enterprises} enterprises, page cache {cached}; "
            f"median of {args.repeat}"
        )
        say(f"{'query':<16} {'site search':>12} {'directory':>12} {'ratio':>6}")
        for number, query in enumerate(QUERIES):
            encoded = urllib.parse.quote(query)
            address = f"192.0.2.{number + 1}"  # under the per-address search limit
            search = median_time(
                server.base, f"/en/search/?q={encoded}", args.repeat, args.timeout, address
            )
            directory = median_time(
                server.base,
                f"/en/enterprises/?name={encoded}",
                args.repeat,
                args.timeout,
                address,
            )
            say(
                f"{query:<16} {search * 1000:>9.0f} ms {directory * 1000:>9.0f} ms "
                f"{search / directory:>6.2f}"
            )
        if args.load_seconds > 0:
            load(server.base, args)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--load-seconds", type=int, default=60, help="0 skips the load")
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument(
        "--redis",
        default="redis://127.0.0.1:6379/13",
        help="REDIS_URL for the shared cache, as production has ('' for the local file cache)",
    )
    parser.add_argument(
        "--page-cache",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="the page cache on, as in production (every different search is a miss "
        "anyway); --no-page-cache makes the other pages miss too",
    )
    parser.add_argument(
        "--existing",
        metavar="DATABASE_URL",
        help="measure a database that already holds the data (left as it is) instead",
    )
    args = parser.parse_args()

    if args.existing:
        run(args, args.existing)
        return
    with Database(args.database, args.postgres) as database_url:
        env = environment(database_url, page_cache=False)
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "loaddata", *FIXTURES, "--verbosity", "0")
        manage(
            env,
            "synthetic_data",
            f"--enterprises={args.enterprises}",
            f"--participations={args.enterprises}",
        )
        run(args, database_url)


if __name__ == "__main__":
    main()
