"""A real Chromium (Debian's package) driven by Playwright, against pytest-django's live server.

No browser is downloaded: Playwright launches the system's Chromium. Where it is
missing the tests are skipped locally, but CI (CI=true) fails them instead:
CI must never pass without running them.
"""

import os
import shutil

import pytest
from django.core.management import call_command

from tests.conftest import ARTICLE_FIXTURES

# Playwright's sync API runs an event loop in the test's thread; the test code's own
# ORM calls are still plain synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _unavailable(reason):
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"Browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"{reason} (install Debian's chromium to run the browser tests)")


def _chromium_path():
    for candidate in (
        os.environ.get("CHROMIUM_PATH"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


# One Chromium per test module, not per session: Playwright's sync API keeps an event loop
# running in the main thread while it is open, and tests after the browser tests must not
# run inside it (async views such as /health/ refuse to run under a running loop).
@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed")
    path = _chromium_path()
    if path is None:
        _unavailable("no Chromium executable found")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class PolicyViolations(list):
    """Console messages that report a Content-Security-Policy violation."""

    def watch(self, page):
        page.on(
            "console",
            lambda message: (
                self.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        return page


@pytest.fixture
def csp_violations():
    return PolicyViolations()


@pytest.fixture
def page(browser, csp_violations):
    """A page with JavaScript off: the public site must work without it."""
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    context.set_default_timeout(15_000)
    yield csp_violations.watch(context.new_page())
    context.close()


@pytest.fixture
def js_page(browser, csp_violations):
    """A page with JavaScript on, as staff use the admin."""
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(15_000)
    yield csp_violations.watch(context.new_page())
    context.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's URL, with the article's data loaded."""
    call_command("loaddata", *ARTICLE_FIXTURES, verbosity=0)
    return live_server.url
