# The browser fixtures (a system Chromium through Playwright) for test_browser.py.
import pytest
from django.core.cache import cache

from tests.browser.conftest import (  # noqa: F401
    browser,
    csp_violations,
    js_page,
    page,
    site,
)


@pytest.fixture(autouse=True)
def clear_cache():
    """The search rate limit counts in the cache; each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


class Clock:
    def __init__(self, now):
        self.now = now

    def time(self):
        return self.now


@pytest.fixture
def ratelimit_clock(monkeypatch):
    """Freezes the rate limiter's clock, so "within a minute" never straddles its window."""
    import django_ratelimit.core

    clock = Clock(1_700_000_000.0)
    monkeypatch.setattr(django_ratelimit.core, "time", clock)
    return clock
