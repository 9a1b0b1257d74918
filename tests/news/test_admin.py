"""Moderation in the admin: approve and reject actions, and a count of replies waiting."""

import pytest
from django.urls import reverse

from news.models import Reply, ReplyStatus
from tests import factories as f

CHANGELIST = "admin:news_reply_changelist"


def _act(admin_client, action, replies):
    return admin_client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [r.pk for r in replies]},
        follow=True,
    )


@pytest.mark.django_db
def test_approving_shows_the_replies_on_the_article(admin_client, client):
    article = f.article()
    waiting = [f.reply(article=article, text=f"Point {n}") for n in range(2)]
    other = f.reply(article=article, text="Not chosen")

    response = _act(admin_client, "approve", waiting)

    assert "2 replies approved; they are now shown on the site." in response.content.decode()
    assert set(Reply.objects.approved()) == set(waiting)
    content = client.get(article.get_absolute_url()).content.decode()
    assert "Point 0" in content and "Point 1" in content
    assert "Not chosen" not in content
    other.refresh_from_db()
    assert other.status == ReplyStatus.PENDING


@pytest.mark.django_db
def test_rejecting_hides_an_approved_reply(admin_client, client):
    reply = f.reply(status=ReplyStatus.APPROVED, text="Off topic")
    response = _act(admin_client, "reject", [reply])
    assert "1 reply rejected; it stays hidden." in response.content.decode()
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.REJECTED
    assert "Off topic" not in client.get(reply.article.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_reply_list_shows_how_many_wait(admin_client):
    article = f.article()
    for _ in range(3):
        f.reply(article=article)
    f.reply(article=article, status=ReplyStatus.APPROVED)
    content = admin_client.get(reverse(CHANGELIST)).content.decode()
    assert "<h2>3 replies waiting for moderation</h2>" in content


@pytest.mark.django_db
def test_the_article_list_shows_replies_waiting_per_article(admin_client):
    busy, quiet = f.article(title="Busy"), f.article(title="Quiet")
    for _ in range(2):
        f.reply(article=busy)
    f.reply(article=quiet, status=ReplyStatus.APPROVED)
    content = admin_client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "Replies waiting" in content
    link = f'{reverse(CHANGELIST)}?article__id__exact={busy.pk}&amp;status__exact=pending">2</a>'
    assert link in content


@pytest.mark.django_db
def test_staff_see_the_email_in_the_admin(admin_client):
    reply = f.reply(email="reader@example.com")
    change = reverse("admin:news_reply_change", args=[reply.pk])
    assert "reader@example.com" in admin_client.get(change).content.decode()


@pytest.mark.django_db
def test_staff_without_change_permission_cannot_moderate(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_reply"))
    client.force_login(viewer)
    reply = f.reply()
    _act(client, "approve", [reply])
    reply.refresh_from_db()
    assert reply.status == ReplyStatus.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["publisher", "article", "reply"])
def test_admin_pages_open(admin_client, model):
    reply = f.reply()
    obj = {"publisher": reply.article.publisher, "article": reply.article, "reply": reply}[model]
    for url in [
        reverse(f"admin:news_{model}_changelist"),
        reverse(f"admin:news_{model}_changelist") + "?q=Harbin",
        reverse(f"admin:news_{model}_add"),
        reverse(f"admin:news_{model}_change", args=[obj.pk]),
    ]:
        assert admin_client.get(url).status_code == 200, url
