"""Editing a live record as a pending revision (issue 27).

An Editor's save of a live exhibition (its theme in three languages, one country's
participation) waits in a revision: every public surface keeps the published version
until a Publisher publishes it; then every surface shows it on the next request,
cached pages included. An Editor cannot publish it by any route.
"""

import pytest
from django.core import mail
from django.urls import reverse

from expo.models import CountryParticipation, Exhibition
from publishing.models import Revision, RevisionStatus
from tests import factories as f
from web import cache as page_cache

OLD = {"en": "Old theme", "ru": "Старая тема", "zh_hans": "旧主题"}
NEW = {"en": "Open borders", "ru": "Открытые границы", "zh_hans": "开放边界"}


@pytest.fixture
def live(db, settings):
    settings.PAGE_CACHE = True
    page_cache.bump()
    exhibition = f.exhibition(
        name="3rd China-Russia EXPO",
        slug="third-expo",
        **{f"theme_{code}": value for code, value in OLD.items()},
    )
    f.participation(exhibition=exhibition, country=f.country("CN"), enterprises=11)
    return exhibition


def _form_data(page):
    """Everything the change form would post as it was opened."""
    data = {}
    forms = [page.context["adminform"].form]
    inlines = page.context.get("inline_admin_formsets", [])
    for inline in inlines:
        formset = inline.formset
        management = formset.management_form
        data.update({management.add_prefix(n): management[n].value() for n in management.fields})
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = (
                [str(v) for v in value] if isinstance(value, list | tuple) else value
            )
    return data


def _change_url(exhibition):
    return reverse("admin:expo_exhibition_change", args=[exhibition.pk])


def _revision_url(exhibition):
    return reverse("admin:expo_exhibition_revision", args=[exhibition.pk])


def edit_as_editor(client, exhibition, **changes):
    """The Editor's change: the theme in every language, China's enterprises, and
    ``changes`` (other fields of the form)."""
    data = _form_data(client.get(_change_url(exhibition)))
    for code, value in NEW.items():
        data[f"theme_{code}"] = value
    data["participations-0-enterprises"] = "222"
    data.update(changes)
    return client.post(_change_url(exhibition), data)


def surfaces(client):
    """What a reader gets on each public surface, as text."""
    pages = {
        "page": "/en/exhibitions/third-expo/",
        "page_ru": "/ru/exhibitions/third-expo/",
        "page_zh": "/zh-hans/exhibitions/third-expo/",
        "feed": "/en/exhibitions/?format=atom",
        "export": "/en/exhibitions/?format=json",
        "search": "/en/search/?q=Open+borders",
        "api": "/api/v1/exhibitions/third-expo/",
    }
    return {name: _text(client.get(url)) for name, url in pages.items()}


def _text(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_the_public_keeps_the_published_version_until_a_publisher_publishes(login, live, client):
    editor, publisher = login("editor"), login("publisher")
    before = surfaces(client)
    assert "Old theme" in before["page"] and "11" in before["page"]

    response = edit_as_editor(editor, live)

    assert response.status_code == 302
    assert response["Location"] == _revision_url(live)
    live.refresh_from_db()
    assert live.theme_en == "Old theme"
    assert CountryParticipation.objects.get(exhibition=live).enterprises == 11
    after = surfaces(client)
    assert "3rd China-Russia EXPO" not in after.pop("search")  # found by the new theme
    for name in after:
        assert "Open borders" not in after[name], name
        assert "Открытые границы" not in after[name] and "开放边界" not in after[name]
    assert "Old theme" in after["page"] and "Старая тема" in after["page_ru"]
    assert "Old theme" in after["api"]

    preview = editor.get(_revision_url(live)).content.decode()
    assert "not visible to the public" in preview
    for code in NEW:
        assert OLD[code] in preview and NEW[code] in preview
    assert "Enterprises: 222" in preview and "Enterprises: 11" in preview

    response = publisher.post(
        _revision_url(live), {"action": "publish", "revision_token": _token(live)}
    )

    assert response.status_code == 302
    after = surfaces(client)
    assert "Open borders" in after["page"] and "222" in after["page"]
    assert "Открытые границы" in after["page_ru"] and "开放边界" in after["page_zh"]
    assert "Open borders" in after["feed"] and "Open borders" in after["export"]
    assert "Open borders" in after["api"] and "Old theme" not in after["api"]
    assert "3rd China-Russia EXPO" in after["search"]
    revision = Revision.objects.get()
    assert revision.status == RevisionStatus.PUBLISHED
    assert revision.decided_by == publisher.user
    assert live.history.first().history_user == publisher.user


def test_the_change_form_shows_the_pending_revision_to_edit_further(login, live):
    editor = login("editor")
    edit_as_editor(editor, live)

    form = editor.get(_change_url(live))

    assert form.context["adminform"].form["theme_ru"].value() == NEW["ru"]
    rows = form.context["inline_admin_formsets"][0].formset
    assert rows.forms[0]["enterprises"].value() == "222"
    assert "pending revision" in form.content.decode()


def test_submitting_tells_the_publishers_and_the_dashboard_lists_it(
    login, live, django_capture_on_commit_callbacks
):
    editor = login("editor")
    publisher = login("publisher")
    publisher.user.email = "pub@example.com"
    publisher.user.save()
    edit_as_editor(editor, live)

    with django_capture_on_commit_callbacks(execute=True):
        editor.post(_revision_url(live), {"action": "submit", "revision_token": _token(live)})

    revision = Revision.objects.get()
    assert revision.status == RevisionStatus.SUBMITTED
    assert revision.submitted_by == editor.user
    assert [message.to for message in mail.outbox] == [["pub@example.com"]]
    assert _revision_url(live) in mail.outbox[0].body
    dashboard = publisher.get(reverse("admin:index")).content.decode()
    assert "Revisions of exhibitions waiting for review: 1" in dashboard
    waiting = publisher.get(reverse("admin:expo_exhibition_changelist") + "?revision=submitted")
    assert "3rd China-Russia EXPO" in waiting.content.decode()


def test_a_publisher_sends_it_back_with_a_comment(login, live):
    editor, publisher = login("editor"), login("publisher")
    edit_as_editor(editor, live)

    publisher.post(
        _revision_url(live),
        {"action": "reject", "reject-comment": "Cite the source.", "revision_token": _token(live)},
    )

    revision = Revision.objects.get()
    assert revision.status == RevisionStatus.REJECTED
    assert (revision.decided_by, revision.comment) == (publisher.user, "Cite the source.")
    assert "Cite the source." in editor.get(_revision_url(live)).content.decode()
    steps = [(v.status, v.history_user) for v in revision.history.order_by("history_date")]
    assert steps == [("draft", editor.user), ("rejected", publisher.user)]
    live.refresh_from_db()
    assert live.theme_en == "Old theme"


def test_two_editors_do_not_overwrite_each_others_revision(login, live):
    first, second = login("editor"), login("publisher")
    second.user.groups.clear()
    second.user.groups.add(first.user.groups.get())
    opened = _form_data(second.get(_change_url(live)))
    edit_as_editor(first, live)

    opened["theme_en"] = "Someone else's theme"
    response = second.post(_change_url(live), opened)

    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    assert Revision.objects.get().data["fields"]["theme_en"] == NEW["en"]


def _token(exhibition):
    return Revision.objects.pending().for_record(exhibition).get().token


# An Editor cannot publish by any route.


def publish_view(editor, live):
    return editor.post(_revision_url(live), {"action": "publish", "revision_token": _token(live)})


def schedule_view(editor, live):
    return editor.post(
        _revision_url(live),
        {
            "action": "schedule",
            "schedule-go_live_at_0": "2031-01-01",
            "schedule-go_live_at_1": "10:00",
            "revision_token": _token(live),
        },
    )


def bulk_action(editor, live):
    return editor.post(
        reverse("admin:expo_exhibition_changelist"),
        {"action": "publish_revisions", "_selected_action": [live.pk]},
    )


def change_form_again(editor, live):
    return edit_as_editor(editor, live)


def revert_in_history(editor, live):
    version = live.history.earliest()
    url = reverse("admin:expo_exhibition_simple_history", args=[live.pk, version.history_id])
    data = _form_data(editor.get(url))
    data["theme_en"] = "Reverted theme"
    return editor.post(url, data)


def publish_linked_drafts(editor, live):
    data = _form_data(editor.get(_change_url(live)))
    data["theme_en"] = "With linked drafts"
    data["publish_linked"] = "on"
    return editor.post(_change_url(live), data)


@pytest.mark.parametrize(
    "route",
    [
        publish_view,
        schedule_view,
        bulk_action,
        change_form_again,
        revert_in_history,
        publish_linked_drafts,
    ],
)
def test_an_editor_cannot_publish_a_revision(login, live, client, route):
    editor = login("editor")
    edit_as_editor(editor, live)
    editor.post(_revision_url(live), {"action": "submit", "revision_token": _token(live)})

    route(editor, live)

    live.refresh_from_db()
    assert live.theme_en == "Old theme"
    assert Revision.objects.pending().count() == 1
    assert Revision.objects.get().status in {RevisionStatus.SUBMITTED, RevisionStatus.DRAFT}
    assert "Old theme" in client.get("/en/exhibitions/third-expo/").content.decode()


def test_bad_input_on_the_revision_page_is_not_a_500(login, live):
    publisher = login("publisher")
    assert publisher.get(reverse("admin:expo_exhibition_revision", args=["x"])).status_code == 404
    assert publisher.post(_revision_url(live), {"action": "publish"}).status_code == 404
    edit_as_editor(login("editor"), live)
    page = publisher.post(
        _revision_url(live),
        {"action": "schedule", "schedule-go_live_at_0": "soon", "revision_token": _token(live)},
    )
    assert page.status_code == 200
    assert Revision.objects.get().status == RevisionStatus.DRAFT
    assert Exhibition.objects.get().theme_en == "Old theme"
