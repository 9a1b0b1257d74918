"""Lighthouse (issue 26) on the home page, the exhibitions, the 6th EXPO, a region and the
enterprise directory in English, and the home page and the 6th EXPO in Russian and Chinese:
100 in accessibility, best practices and SEO, and at least 90 in performance (REQUIRED
below says why not 100).

Lighthouse is pinned in tools/lighthouse/ (`npm ci --prefix tools/lighthouse`; .ci/run does
it) and drives Debian's Chromium, as the other browser tests do: nothing is downloaded. It
runs once a page, one page at a time, as a phone (its default form factor, simulated slow
4G). Each report is saved to test-results/lighthouse/<page>.json (git-ignored); open one in
the Lighthouse viewer or read the failing audits that the assertion prints.

The live server is Django's, not gunicorn behind nginx: it sends HTML and CSS uncompressed
and without long cache headers. Lighthouse reports those as opportunities, which weigh
nothing in the score (production compresses: WhiteNoise serves the collected CSS as
gzip/brotli with a year's cache). The score comes from the metrics alone.

CPU: Lighthouse multiplies the page's main-thread work by 4, a multiplier meant for a
high-end desktop host (benchmark index 1500-2000) so that the result is a mid-tier phone.
On a slower host (this 2-core machine measured about 1500 idle, 300-1200 while other work
ran) that over-slows the phone and costs Total Blocking Time even on an empty page. As Lighthouse's
docs/throttling.md advises ("Calibrating the CPU slowdown"), the multiplier is scaled to
this host's benchmark index, measured by Lighthouse itself on a one-line page before the
first run; it is never above the default 4, so a fast host runs Lighthouse as shipped.
Lighthouse measures the index again at the start of every run: when a page scores under
the required performance and that run's index says the host was slower than at calibration
(other work on the machine), the page is run once more at the multiplier for that index.
Each report records the index and the multiplier it ran with.
"""

import json
import os
import shutil
import subprocess
import threading
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM_ARGS, _chromium_path, _unavailable

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE_CLI = ROOT / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
REPORTS = ROOT / "test-results" / "lighthouse"
# What each category must score. Accessibility, best practices and SEO are the same on
# every run: exactly 100. Performance is a lab measurement on the test host's CPU and
# varies from run to run. These pages ship no JavaScript: the points they lose are Total
# Blocking Time made of Chromium's own style and layout of the page, 80-160 ms a pass on
# this 2-core machine (the Chinese pages the most), times Lighthouse's CPU multiplier.
# Measured here at the calibrated multiplier: 100 on the English and Russian pages, 95-99
# on the Chinese ones, and now and then 97-99 on a home page, with nothing changed. So
# performance must be "good", Lighthouse's green band (90 and up): a script, a large
# image, a layout shift or a slow server still fails it.
REQUIRED = {"performance": 0.9, "accessibility": 1, "best-practices": 1, "seo": 1}
CATEGORIES = list(REQUIRED)

PAGES = {
    "en-home": "/en/",
    "en-exhibitions": "/en/exhibitions/",
    "en-6th-expo": "/en/exhibitions/6th-china-russia-expo/",
    "en-heilongjiang": "/en/regions/heilongjiang/",
    "en-enterprises": "/en/enterprises/",
    "ru-home": "/ru/",
    "ru-6th-expo": "/ru/exhibitions/6th-china-russia-expo/",
    "zh-home": "/zh-hans/",
    "zh-6th-expo": "/zh-hans/exhibitions/6th-china-russia-expo/",
}

# The host Lighthouse's default 4x assumes: the middle of its high-end desktop bracket.
DEFAULT_SLOWDOWN = 4.0
DEFAULT_HOST_INDEX = 1750

CALIBRATION_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    "<title>Calibration</title></head><body><p>Calibration</p></body></html>"
)


@pytest.fixture(scope="module")
def lighthouse():
    """Runs the pinned Lighthouse CLI on a URL and returns its JSON report."""
    node = shutil.which("node")
    if node is None:
        _unavailable("Node.js is not installed (Lighthouse runs on it)")
    if not LIGHTHOUSE_CLI.exists():
        _unavailable("Lighthouse is not installed: run `npm ci --prefix tools/lighthouse`")
    chromium = _chromium_path()
    if chromium is None:
        _unavailable("no Chromium executable found")

    def run(url, output, *options):
        output.unlink(missing_ok=True)
        command = [
            node,
            str(LIGHTHOUSE_CLI),
            url,
            "--output=json",
            f"--output-path={output}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
            "--no-enable-error-reporting",
            "--quiet",
            *options,
        ]
        # A second try only when Lighthouse itself fails (it exits non-zero and asks to be
        # run again, as with NO_NAVSTART when Chromium's trace misses the navigation).
        for _attempt in range(2):
            result = subprocess.run(
                command,
                env={**os.environ, "CHROME_PATH": chromium},
                capture_output=True,
                text=True,
                timeout=240,
                check=False,
            )
            if result.returncode == 0 and output.exists():
                return json.loads(output.read_text())
        pytest.fail(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}", pytrace=False)

    return run


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def cpu_slowdown(lighthouse, tmp_path_factory):
    """The CPU multiplier for this host: 4 scaled by its benchmark index, between 1 and 4."""
    folder = tmp_path_factory.mktemp("lighthouse-calibration")
    (folder / "index.html").write_text(CALIBRATION_PAGE)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        report = lighthouse(
            f"http://127.0.0.1:{server.server_port}/",
            folder / "report.json",
            "--only-audits=first-contentful-paint",
        )
    finally:
        server.shutdown()
        server.server_close()
    return slowdown_for(report)


def slowdown_for(report):
    """Lighthouse's 4x scaled to the benchmark index the report measured, from 1 to 4."""
    index = report["environment"]["benchmarkIndex"]
    return round(min(DEFAULT_SLOWDOWN, max(1.0, DEFAULT_SLOWDOWN * index / DEFAULT_HOST_INDEX)), 1)


def _line(audit):
    value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
    return f"  {audit['id']}: {audit['title']}; score {audit['score']}{value}"


def _elements(audit, limit=5):
    """The first elements an audit names (accessibility, SEO), by CSS selector."""
    items = (audit.get("details") or {}).get("items") or []
    nodes = [item["node"] for item in items if isinstance(item.get("node"), dict)][:limit]
    return [f"    {node.get('selector', '?')}: {node.get('snippet', '')[:120]}" for node in nodes]


def failing_audits(report):
    """What to fix: per category under 100, the audits that cost it points; for
    performance also Lighthouse's suggestions (they weigh nothing, but say why)."""
    lines = []
    for key in CATEGORIES:
        category = report["categories"][key]
        if category["score"] == 1:
            continue
        score = "none" if category["score"] is None else round(category["score"] * 100)
        lines.append(f"{category['title']}: {score}")
        hints = []
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit["score"] is None or audit["score"] >= 1:
                continue
            if ref.get("weight"):
                lines += [_line(audit), *_elements(audit)]
            elif key == "performance" and audit["score"] < 0.9:
                hints.append(_line(audit))
        if hints:
            lines += ["  suggestions:", *hints]
    return "\n".join(lines)


@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_scores_on_the_main_pages(lighthouse, cpu_slowdown, site, name):
    REPORTS.mkdir(parents=True, exist_ok=True)
    report_path = REPORTS / f"{name}.json"

    def audit(slowdown):
        return lighthouse(
            site + PAGES[name],
            report_path,
            f"--only-categories={','.join(CATEGORIES)}",
            f"--throttling.cpuSlowdownMultiplier={slowdown}",
        )

    # One request first, as a running site has had: the live server's first render of a
    # page loads its templates and translations (seconds on a busy machine), which
    # Lighthouse would count as the server's response time.
    with urllib.request.urlopen(site + PAGES[name]) as response:
        assert response.status == 200
    slowdown = cpu_slowdown
    report = audit(slowdown)
    performance = report["categories"]["performance"]["score"] or 0
    if performance < REQUIRED["performance"] and slowdown_for(report) < slowdown:
        slowdown = slowdown_for(report)
        report = audit(slowdown)
    assert report.get("runtimeError") is None, report["runtimeError"]["message"]
    scores = {key: report["categories"][key]["score"] for key in CATEGORIES}
    below = {key: score for key, score in scores.items() if (score or 0) < REQUIRED[key]}
    assert not below, (
        f"{PAGES[name]}: {scores} (CPU slowdown {slowdown}x, benchmark index "
        f"{report['environment']['benchmarkIndex']}; report: {report_path})\n"
        + failing_audits(report)
    )
