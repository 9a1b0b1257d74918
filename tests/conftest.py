from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE_FIXTURES = [
    FIXTURES_DIR / name
    for name in (
        "sources.json",
        "geography.json",
        "cooperation.json",
        "expo.json",
        "news.json",
    )
]


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the site's default language, whatever an earlier one activated.

    A language left active by one test would otherwise decide which translated column
    the next test's factories fill (``name`` is ``name_ru`` while Russian is active).
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty cache and leaves one.

    Rate limits (replies, search, the API), content versions, ETags' first-seen times and
    export sizes are counted in the cache; one test's counts must not spend the next one's.
    """
    cache.clear()
    yield
    cache.clear()


class RateLimitClock:
    def __init__(self, now):
        self.now = now

    def time(self):
        return self.now


@pytest.fixture
def ratelimit_clock(monkeypatch):
    """Freezes the rate limiter's clock, so "within a minute" never straddles its window."""
    import django_ratelimit.core

    clock = RateLimitClock(1_700_000_000.0)
    monkeypatch.setattr(django_ratelimit.core, "time", clock)
    return clock


@pytest.fixture
def article_data(db):
    """The source article's data, loaded from the project fixtures."""
    call_command("loaddata", *ARTICLE_FIXTURES, verbosity=0)


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.com", password="pw-for-tests-only"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
