"""Who may do what, on every route: the public page, the admin form, actions, import.

One table, read across: each row an action, each column a role, each cell what
that person sees happen. The rule "Editors create and edit, Publishers also
publish, unpublish and delete" must hold whichever way the request comes in.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cooperation.models import Region
from publishing.models import EditorialStatus, Revision
from tests import factories as f

DRAFT, PUBLISHED = EditorialStatus.DRAFT, EditorialStatus.PUBLISHED


def _admin(view, *args):
    return reverse(f"admin:cooperation_region_{view}", args=args)


def _form(region=None, **overrides):
    """The region change form as a browser posts it (publication fields included)."""
    china = f.country("CN")
    data = {
        "name_en": region.name_en if region else "New Region",
        "slug": region.slug if region else "new-region",
        "country": china.pk,
        "kind": "province",
        "status": PUBLISHED,
        "publish_at_0": "",
        "publish_at_1": "",
        "expires_at_0": "",
        "expires_at_1": "",
        "citations-TOTAL_FORMS": 0,  # the citations inline (sources.admin)
        "citations-INITIAL_FORMS": 0,
    }
    data.update(overrides)
    return data


def see_draft_page(client):
    region = f.region(status=DRAFT, name="Secret Province")
    response = client.get(region.get_absolute_url())
    if response.status_code == 404:
        return "404"
    assert "Secret Province" in response.content.decode()
    assert "Draft — not visible to the public." in response.content.decode()
    return "preview"


def open_admin_list(client):
    response = client.get(_admin("changelist"))
    return "login" if response.status_code == 302 else str(response.status_code)


def add(client):
    client.post(_admin("add"), _form())
    region = Region.objects.filter(slug="new-region").first()
    return "refused" if region is None else f"added as {region.status}"


def change(client):
    region = f.region(name="Old Name")
    client.post(_admin("change", region.pk), _form(region, name_en="New Name", status=DRAFT))
    region.refresh_from_db()
    if region.name_en == "New Name":
        return "changed"
    return "pending revision" if Revision.objects.pending().exists() else "refused"


def publish_in_form(client):
    region = f.region(status=DRAFT)
    client.post(_admin("change", region.pk), _form(region, status=PUBLISHED))
    region.refresh_from_db()
    return region.status


def unpublish_in_form(client):
    region = f.region()
    client.post(_admin("change", region.pk), _form(region, status=DRAFT))
    region.refresh_from_db()
    return region.status


def publish_action(client):
    region = f.region(status=DRAFT)
    client.post(_admin("changelist"), {"action": "publish", "_selected_action": [region.pk]})
    region.refresh_from_db()
    return region.status


def unpublish_action(client):
    region = f.region()
    client.post(_admin("changelist"), {"action": "unpublish", "_selected_action": [region.pk]})
    region.refresh_from_db()
    return region.status


def delete(client):
    region = f.region()
    client.post(_admin("delete", region.pk), {"post": "yes"})
    return "refused" if Region.objects.filter(pk=region.pk).exists() else "deleted"


def open_import(client):
    response = client.get(_admin("import"))
    return "login" if response.status_code == 302 else str(response.status_code)


#   action             anonymous  editor                publisher                 superuser
MATRIX = [
    (see_draft_page, "404", "preview", "preview", "preview"),
    (open_admin_list, "login", "200", "200", "200"),
    (add, "refused", "added as draft", "added as published", "added as published"),
    # An Editor's change to a live record waits for a Publisher (issue 27).
    (change, "refused", "pending revision", "changed", "changed"),
    (publish_in_form, DRAFT, DRAFT, PUBLISHED, PUBLISHED),
    (unpublish_in_form, PUBLISHED, PUBLISHED, DRAFT, DRAFT),
    (publish_action, DRAFT, DRAFT, PUBLISHED, PUBLISHED),
    (unpublish_action, PUBLISHED, PUBLISHED, DRAFT, DRAFT),
    (delete, "refused", "refused", "deleted", "deleted"),
    (open_import, "login", "200", "200", "200"),
]
ROLES = ("anonymous", "editor", "publisher", "superuser")
CASES = [
    (action, role, expected)
    for action, *outcomes in MATRIX
    for role, expected in zip(ROLES, outcomes, strict=True)
]


@pytest.mark.parametrize(
    "action,role,expected", CASES, ids=[f"{a.__name__}-{r}" for a, r, _e in CASES]
)
def test_permission_matrix(login, action, role, expected):
    assert action(login(role)) == expected


@pytest.mark.django_db
def test_editors_see_the_publication_fields_read_only(login):
    region = f.region(status=DRAFT)
    editor_page = login("editor").get(_admin("change", region.pk)).content.decode()
    assert 'name="status"' not in editor_page
    assert "Only a publisher can publish, schedule or unpublish." in editor_page
    publisher_page = login("publisher").get(_admin("change", region.pk)).content.decode()
    assert 'name="status"' in publisher_page


@pytest.mark.django_db
def test_only_publishers_are_offered_the_publish_actions(login):
    f.region()
    editor_page = login("editor").get(_admin("changelist")).content.decode()
    assert 'value="publish"' not in editor_page
    assert 'value="delete_selected"' not in editor_page
    publisher_page = login("publisher").get(_admin("changelist")).content.decode()
    assert 'value="publish"' in publisher_page and 'value="unpublish"' in publisher_page


@pytest.mark.django_db
def test_staff_without_a_role_can_neither_preview_nor_import(login):
    client = login("nobody")  # staff, in no group
    assert client.get(f.region(status=DRAFT).get_absolute_url()).status_code == 404
    assert client.get(_admin("import")).status_code == 403
    assert client.get(_admin("export")).status_code == 403


@pytest.mark.django_db
def test_the_roles_come_from_the_data_migration():
    editors = {p.codename for p in Group.objects.get(name="Editors").permissions.all()}
    publishers = {p.codename for p in Group.objects.get(name="Publishers").permissions.all()}
    for model in ("region", "city", "exhibition", "enterprise", "forum", "article"):
        assert {f"view_{model}", f"add_{model}", f"change_{model}"} <= editors
        assert f"delete_{model}" not in editors
        assert f"publish_{model}" not in editors
        assert {f"delete_{model}", f"publish_{model}"} <= publishers
    assert editors < publishers
    assert "change_reply" in publishers and "change_reply" not in editors
