"""A scheduled revision goes live at its time, with no write at that moment (issue 27).

The clock is moved on rather than waited for: both clocks the site reads
(``timezone.now`` for what is due, ``time.time`` for how long a cached page is kept).
"""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from expo.models import CountryParticipation, Exhibition
from publishing.models import Revision, RevisionStatus
from tests.editorial.test_revisions import (
    _change_url,
    _form_data,
    _revision_url,
    _token,
    edit_as_editor,
    live,  # noqa: F401 (the fixture)
)

PAGE = "/en/exhibitions/third-expo/"
LATER = datetime.timedelta(minutes=20)


@pytest.fixture
def scheduled(login, live):  # noqa: F811
    """The Editor's change, submitted, scheduled by a Publisher ten minutes from now."""
    editor, publisher = login("editor"), login("publisher")
    edit_as_editor(editor, live)
    editor.post(_revision_url(live), {"action": "submit", "revision_token": _token(live)})
    when = timezone.localtime() + datetime.timedelta(minutes=10)
    response = publisher.post(
        _revision_url(live),
        {
            "action": "schedule",
            "schedule-go_live_at_0": when.strftime("%Y-%m-%d"),
            "schedule-go_live_at_1": when.strftime("%H:%M:%S"),
            "revision_token": _token(live),
        },
    )
    assert response.status_code == 302
    assert Revision.objects.get().status == RevisionStatus.SCHEDULED
    live.editor = editor  # the Editor's client, to edit on
    return live


def move_clock_on(monkeypatch):
    real_time, real_now = time.time, timezone.now
    monkeypatch.setattr(time, "time", lambda: real_time() + LATER.total_seconds())
    monkeypatch.setattr(timezone, "now", lambda: real_now() + LATER)


def test_the_next_request_after_the_time_shows_the_new_version_cached_pages_included(
    scheduled, client, monkeypatch
):
    first = client.get(PAGE)
    assert "Old theme" in first.content.decode()
    again = client.get(PAGE)
    assert again.context is None  # served from the cache until the time
    assert "Old theme" in again.content.decode()
    assert "Old theme" in client.get("/api/v1/exhibitions/third-expo/").content.decode()

    move_clock_on(monkeypatch)

    page = client.get(PAGE).content.decode()
    assert "Open borders" in page and "222" in page and "Old theme" not in page
    assert "Открытые границы" in client.get("/ru/exhibitions/third-expo/").content.decode()
    assert "Open borders" in client.get("/api/v1/exhibitions/third-expo/").content.decode()
    assert "Open borders" in client.get("/en/exhibitions/?format=atom").content.decode()
    assert Exhibition.objects.get().theme_zh_hans == "开放边界"
    assert CountryParticipation.objects.get().enterprises == 222
    revision = Revision.objects.get()
    assert revision.status == RevisionStatus.PUBLISHED
    assert scheduled.history.first().history_user.username == "publisher"


def test_before_its_time_nothing_changes(scheduled, client):
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "Old theme" in client.get(PAGE).content.decode()
    assert Revision.objects.get().status == RevisionStatus.SCHEDULED


def test_cron_publishes_it_once_with_no_request(scheduled, monkeypatch, capsys):
    versions = scheduled.history.count()
    move_clock_on(monkeypatch)

    call_command("publish_scheduled")
    call_command("publish_scheduled")

    out = capsys.readouterr().out
    assert "Scheduled revisions published: 1" in out
    assert "Scheduled revisions published: 0" in out
    assert Exhibition.objects.get().theme_en == "Open borders"
    assert scheduled.history.count() == versions + 1
    assert Revision.objects.get().status == RevisionStatus.PUBLISHED


def test_a_publisher_publishing_it_early_is_not_undone_at_its_time(
    scheduled, login, client, monkeypatch
):
    publisher = login("superuser")
    publisher.post(
        _revision_url(scheduled), {"action": "publish", "revision_token": _token(scheduled)}
    )
    versions = scheduled.history.count()
    move_clock_on(monkeypatch)
    assert "Open borders" in client.get(PAGE).content.decode()
    assert scheduled.history.count() == versions


def test_an_editors_change_after_scheduling_waits_for_review_again(scheduled, client, monkeypatch):
    editor = scheduled.editor
    data = _form_data(editor.get(_change_url(scheduled)))
    data["theme_en"] = "Unreviewed theme"
    editor.post(_change_url(scheduled), data)
    revision = Revision.objects.get()
    assert revision.status == RevisionStatus.DRAFT and revision.go_live_at is None

    move_clock_on(monkeypatch)

    page = client.get(PAGE).content.decode()
    assert "Old theme" in page and "Unreviewed theme" not in page
