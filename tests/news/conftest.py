import pytest
from django.core.cache import cache
from django.core.management import call_command

from news.models import Article
from tests.conftest import ARTICLE_FIXTURES, FIXTURES_DIR

NEWS_FIXTURE = FIXTURES_DIR / "news.json"
SOURCE_ARTICLE_SLUG = "interregional-cooperation-accelerated-development"


@pytest.fixture(autouse=True)
def clear_cache():
    """The reply rate limit counts in the cache; each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news_data(db):
    """The article fixtures and the source article that links to their records."""
    call_command("loaddata", *dict.fromkeys([*ARTICLE_FIXTURES, NEWS_FIXTURE]), verbosity=0)


@pytest.fixture
def source_article(news_data):
    return Article.objects.get(slug=SOURCE_ARTICLE_SLUG)


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
