"""Wording that must not state more than the sources: meetings without numbers, names as
values (never declined), English fallback text marked as English."""

import pytest
from django.urls import reverse
from django.utils import translation

from cooperation.models import Council, Region
from news.models import Article

from .conftest import LANGUAGES, soup


def _in(language, record):
    with translation.override(language):
        return record.get_absolute_url()


def test_council_meetings_are_not_numbered(client, article_data):
    """The article says "two meetings": no order, so no "first" or 第1次."""
    for language in LANGUAGES:
        page = soup(client.get(_in(language, Council.objects.get())))
        assert page.select_one(".meetings-unknown") is not None  # "2 meetings were held"
        text = " ".join(page.find("main").get_text(" ").split())
        for numbered in ("第1次", "第2次", "№ 1", "№ 2", "Meeting 1", "Meeting 2"):
            assert numbered not in text


@pytest.mark.parametrize("language", ["ru", "zh-hans"])
def test_the_english_article_is_marked_english_on_other_pages(client, article_data, language):
    page = soup(client.get(_in(language, Article.objects.get())))
    assert page.select_one("h1#article-title")["lang"] == "en"
    assert page.select_one("article .prose")["lang"] == "en"
    assert page.select_one("article .lang-note") is not None


def test_the_english_article_needs_no_mark_on_english_pages(client, article_data):
    page = soup(client.get(_in("en", Article.objects.get())))
    assert not page.select_one("h1#article-title").has_attr("lang")
    assert page.select_one("article .lang-note") is None


def test_a_russian_heading_starts_with_a_capital(client, article_data):
    page = soup(client.get(_in("ru", Region.objects.get(slug="heilongjiang"))))
    assert page.h1.get_text(strip=True) == "Провинция Хэйлунцзян"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_link_that_no_source_states_is_shown(client, article_data, language):
    """Neither "held within" the 6th EXPO for the Forum nor "set up by" the Council."""
    with translation.override(language):
        home = client.get(reverse("home")).content.decode()
    page = soup(client.get(_in(language, Council.objects.get())))
    assert page.select_one("#funds-heading") is None
    fund = Council.objects.get().years.funds.get()
    assert fund.council is None
    assert (
        "6th-china-russia-expo" not in home.split('id="forums-heading"')[1].split("</section>")[0]
    )
