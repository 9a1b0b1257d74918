"""Issue 9: approving or rejecting a reply records who did it and when, shown in the admin."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from news.models import Reply, ReplyStatus

from .conftest import browser_form


def _moderate(client, action, *replies):
    return client.post(
        reverse("admin:news_reply_changelist"),
        {"action": action, "_selected_action": [reply.pk for reply in replies]},
    )


@pytest.mark.parametrize(
    ("action", "status", "shown"),
    [
        ("approve", ReplyStatus.APPROVED, "Approved by publisher"),
        ("reject", ReplyStatus.REJECTED, "Rejected by publisher"),
    ],
)
def test_an_action_records_who_moderated_and_when(login, reply, action, status, shown):
    client = login("publisher")
    assert (
        "Not yet"
        in client.get(reverse("admin:news_reply_change", args=[reply.pk])).content.decode()
    )

    _moderate(client, action, reply)

    assert Reply.objects.get(pk=reply.pk).status == status
    entry = LogEntry.objects.get(object_id=str(reply.pk))
    assert entry.user == client.user
    page = client.get(reverse("admin:news_reply_change", args=[reply.pk])).content.decode()
    assert shown in page
    history = client.get(reverse("admin:news_reply_history", args=[reply.pk])).content.decode()
    assert "publisher" in history and "Changed status" in history


def test_the_latest_moderation_is_shown_also_from_the_form(login, reply, make_user):
    client = login("publisher")
    _moderate(client, "approve", reply)
    url = reverse("admin:news_reply_change", args=[reply.pk])
    form = browser_form(client.get(url))
    assert client.post(url, {**form, "status": ReplyStatus.REJECTED}).status_code == 302
    assert "Rejected by publisher" in client.get(url).content.decode()
    assert LogEntry.objects.filter(object_id=str(reply.pk)).count() == 2


def test_an_editor_sees_who_moderated_but_cannot_moderate(login, reply):
    _moderate(login("publisher"), "approve", reply)
    editor = login("editor")
    page = editor.get(reverse("admin:news_reply_change", args=[reply.pk])).content.decode()
    assert "Approved by publisher" in page
    _moderate(editor, "reject", reply)
    assert Reply.objects.get(pk=reply.pk).status == ReplyStatus.APPROVED
    assert LogEntry.objects.filter(object_id=str(reply.pk)).count() == 1
