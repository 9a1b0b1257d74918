"""Issue 29: sources follow the publish rule of the content.

An Editor's new source is a draft, shown nowhere (Sources page, a citing record's
page, the API) until a Publisher publishes it; an Editor can change neither a
source's status nor the kind of a published source that a record cites, on any
route: the add form, the change form, the list actions (and ``save_model``, which
reverting goes through too).
Sources have no import.
"""

import pytest
from django.urls import reverse

from publishing.models import EditorialStatus
from sources.models import Source, SourceKind
from tests import factories as f
from tests.security.conftest import browser_form

DRAFT, PUBLISHED = EditorialStatus.DRAFT, EditorialStatus.PUBLISHED
ADD = reverse("admin:sources_source_add")
CHANGELIST = reverse("admin:sources_source_changelist")


def _change(source):
    return reverse("admin:sources_source_change", args=[source.pk])


def _add(client, status):
    data = {"kind": SourceKind.REPORT, "publisher": "Xinhua", "slug": "xinhua-new"}
    response = client.post(ADD, {**data, "status": status, "title": "", "url": ""})
    assert response.status_code == 302, response.context and response.context["errors"]
    return Source.objects.get(slug="xinhua-new")


def test_an_editors_new_source_is_a_draft_shown_nowhere(login, client):
    editor = login("editor")
    assert "draft" in editor.get(ADD).content.decode()  # the form starts as a draft
    source = _add(editor, PUBLISHED)  # a status posted anyway is ignored
    assert source.status == DRAFT
    region = f.region(name_en="Heilongjiang Province")
    f.cite(region, source)

    assert "Xinhua" not in client.get(reverse("source-list")).content.decode()
    assert "Xinhua" not in client.get(region.get_absolute_url(), follow=True).content.decode()
    api = client.get(reverse("api:source-list"), HTTP_ACCEPT="application/json")
    assert "xinhua-new" not in api.content.decode()

    # A Publisher publishes it: now readers see it.
    publisher = login("publisher")
    publisher.post(CHANGELIST, {"action": "publish", "_selected_action": [source.pk]})
    source.refresh_from_db()
    assert source.status == PUBLISHED
    assert "Xinhua" in client.get(reverse("source-list")).content.decode()
    assert "Xinhua" in client.get(region.get_absolute_url(), follow=True).content.decode()


def test_a_publishers_new_source_is_published_as_chosen(login):
    assert _add(login("publisher"), PUBLISHED).status == PUBLISHED


def test_an_editor_cannot_hide_a_cited_source_through_the_change_form(login):
    source = f.source(publisher="Xinhua")
    f.cite(f.region(), source)
    editor = login("editor")
    page = editor.get(_change(source))
    data = browser_form(page)
    assert "kind" not in data and "status" not in data, "both are read-only for an Editor"
    data.update(kind=SourceKind.HOSTED, status=DRAFT, title="Renamed")
    response = editor.post(_change(source), data)
    assert response.status_code == 302
    source.refresh_from_db()
    assert (source.kind, source.status, source.title) == (SourceKind.REPORT, PUBLISHED, "Renamed")
    assert source.is_public


def test_an_editor_may_change_the_kind_of_an_uncited_draft(login):
    editor = login("editor")
    source = _add(editor, DRAFT)
    data = browser_form(editor.get(_change(source)))
    data.update(kind=SourceKind.EDITORS_NOTE, publisher="", title="A note")
    assert editor.post(_change(source), data).status_code == 302
    source.refresh_from_db()
    assert (source.kind, source.status) == (SourceKind.EDITORS_NOTE, DRAFT)


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_an_editor_has_no_publish_actions(login, action):
    draft, live = f.source(status=DRAFT), f.source(status=PUBLISHED)
    editor = login("editor")
    form = editor.get(CHANGELIST).context["action_form"]  # None: no action at all
    assert form is None or action not in dict(form.fields["action"].choices)
    editor.post(CHANGELIST, {"action": action, "_selected_action": [draft.pk, live.pk]})
    assert {s.pk: s.status for s in Source.objects.all()} == {
        draft.pk: DRAFT,
        live.pk: PUBLISHED,
    }


def test_a_publisher_unpublishes(login, client):
    source = f.source(publisher="Xinhua")
    login("publisher").post(CHANGELIST, {"action": "unpublish", "_selected_action": [source.pk]})
    source.refresh_from_db()
    assert source.status == DRAFT
    assert "Xinhua" not in client.get(reverse("source-list")).content.decode()


def test_sources_have_no_import():
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        reverse("admin:sources_source_import")
