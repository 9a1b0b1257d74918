"""Readers' email and address are for moderators only, in the admin too."""

import pytest
from django.urls import reverse

from tests import factories as f


@pytest.fixture
def reply(db):
    return f.reply(email="reader@example.com", ip_address="192.0.2.7")


@pytest.mark.parametrize(
    ("role", "sees_contact"), [("editor", False), ("publisher", True), ("superuser", True)]
)
def test_only_moderators_see_a_readers_email_and_address(login, reply, role, sees_contact):
    client = login(role)
    pages = [
        reverse("admin:news_reply_change", args=[reply.pk]),
        reverse("admin:news_article_change", args=[reply.article.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert ("reader@example.com" in html) is sees_contact, url
    reply_page = client.get(pages[0]).content.decode()
    assert ("192.0.2.7" in reply_page) is sees_contact


def test_an_editor_cannot_find_replies_by_email(login, reply):
    response = login("editor").get(reverse("admin:news_reply_changelist"), {"q": "reader@"})
    assert list(response.context["cl"].result_list) == []
