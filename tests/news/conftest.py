import pytest
from django.core.management import call_command

from news.models import Article
from tests.conftest import ARTICLE_FIXTURES, FIXTURES_DIR

NEWS_FIXTURE = FIXTURES_DIR / "news.json"
SOURCE_ARTICLE_SLUG = "interregional-cooperation-accelerated-development"


@pytest.fixture
def news_data(db):
    """The article fixtures and the source article that links to their records."""
    call_command("loaddata", *dict.fromkeys([*ARTICLE_FIXTURES, NEWS_FIXTURE]), verbosity=0)


@pytest.fixture
def source_article(news_data):
    return Article.objects.get(slug=SOURCE_ARTICLE_SLUG)
