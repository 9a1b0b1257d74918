"""The database guards replies and articles, whatever the form or fixture does."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from news.models import Article, Reply
from tests import factories as f

pytestmark = pytest.mark.django_db


def rejected(make):
    try:
        with transaction.atomic():
            make()
    except IntegrityError:
        return True
    return False


def test_reply_status_must_be_a_known_one():
    assert rejected(lambda: f.reply(status="published"))


def test_reply_text_has_a_length_limit():
    assert rejected(lambda: f.reply(text="x" * 3001))
    f.reply(text="x" * 3000)


def test_reply_needs_a_name_and_a_text():
    assert rejected(lambda: f.reply(name=""))
    assert rejected(lambda: f.reply(text=""))


def test_article_slugs_are_unique():
    f.article(slug="report")
    assert rejected(lambda: f.article(slug="report"))


def test_deleting_a_publisher_with_articles_is_refused():
    article = f.article()
    with pytest.raises(ProtectedError):
        article.publisher.delete()
    assert Article.objects.filter(pk=article.pk).exists()


def test_deleting_an_article_removes_its_replies_not_its_records():
    figure = f.trade_figure()
    article = f.hosted_article()
    citation = f.cite(figure, article.source, "figure")
    f.reply(article=article)
    article.delete()
    assert not Reply.objects.exists()
    figure.refresh_from_db()
    citation.refresh_from_db()  # the record keeps citing the source, which stays
