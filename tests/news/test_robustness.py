"""Bad addresses and an unreachable cache: clear answers, nothing lost, nothing saved."""

import pytest
from django.urls import reverse

from news.models import Reply
from tests import factories as f


@pytest.fixture
def article(db):
    return f.article()


@pytest.mark.parametrize("value", ["no-such-publisher", "a\x00b", "\x00", "x" * 500, "a b"])
def test_an_unknown_or_malformed_publisher_is_a_404(client, article, value):
    response = client.get(reverse("news:article-list"), {"publisher": value})
    assert response.status_code == 404


def test_a_publishers_articles_are_listed_under_its_name(client, article):
    other = f.article(title="Another report")
    response = client.get(reverse("news:article-list"), {"publisher": article.publisher.slug})
    content = response.content.decode()
    assert f"Articles from {article.publisher.name}" in content
    assert article.title in content
    assert (other.title in content) == (other.publisher_id == article.publisher_id)


def test_when_the_cache_is_unreachable_a_reply_is_refused_and_its_text_kept(
    client, article, settings
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    data = {"name": "Anna", "email": "anna@example.com", "text": "Keep this text.", "website": ""}
    response = client.post(article.get_absolute_url(), data)
    assert response.status_code == 503
    content = response.content.decode()
    assert "Replies cannot be accepted right now" in content
    assert "Keep this text." in content
    assert not Reply.objects.exists()


@pytest.mark.parametrize(
    "name",
    ["Anna\u202egnp.exe", "Bob\r\nBcc: x@example.com", "Tab\tName", "Zero\u200bWidth"],
)
def test_a_name_with_invisible_or_control_characters_is_a_form_error(client, article, name):
    data = {"name": name, "email": "anna@example.com", "text": "Hello.", "website": ""}
    response = client.post(article.get_absolute_url(), data)
    assert response.status_code == 200
    assert "Use letters, digits, spaces and punctuation only." in response.content.decode()
    assert not Reply.objects.exists()


def test_names_in_any_script_are_welcome(client, article):
    for name in ["Анна Петрова", "王小明", "O'Brien-Smith (Harbin)"]:
        data = {"name": name, "email": "a@example.com", "text": "Hello.", "website": ""}
        assert client.post(article.get_absolute_url(), data).status_code == 302
    assert Reply.objects.count() == 3
