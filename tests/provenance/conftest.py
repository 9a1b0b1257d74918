import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from sources.models import citation_models
from tests.conftest import FIXTURES_DIR
from tests.sitemaps import sitemap_text

EXTRA_FIXTURES = [
    FIXTURES_DIR / "extra_expo_history.json",
    FIXTURES_DIR / "extra_trade_statistics.json",
]
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def extras_data(article_data):
    """The article data and the optional extras (EXPO editions 1-9, customs figures)."""
    call_command("loaddata", *EXTRA_FIXTURES, verbosity=0)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def record_for_key(key):
    """The record a ``data-cited`` key names: "expo.exhibition:6th-china-russia-expo"."""
    label, slug = key.split(":", 1)
    return apps.get_model(label).objects.get(slug=slug)


def citations_by_key():
    """``{(record key, source slug): {supports, ...}}`` for every citation in the database."""
    found = {}
    for model in citation_models():
        opts = model._meta.get_field("record").related_model._meta
        for record_slug, source_slug, supports in model.objects.values_list(
            "record__slug", "source__slug", "supports"
        ):
            key = f"{opts.app_label}.{opts.model_name}:{record_slug}"
            found.setdefault((key, source_slug), set()).add(supports)
    return found


def sitemap_paths(client):
    """Every public page in every language, as the sitemap lists them."""
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap_text(client))
    paths = {re.sub(r"^https?://[^/]+", "", loc) for loc in locs}
    paths |= {f"/{language}/sources/" for language in LANGUAGES}
    return sorted(paths)
