"""Issue 29: the import's confirm step reads only the file this user's preview stored.

A crafted confirm request naming any other file (a path out of the temporary folder,
another user's preview, a made-up name, a file of the server's temporary folder) is a
400: nothing is imported, and the file named is neither read nor deleted.
"""

import tempfile
from pathlib import Path

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from expo.models import Enterprise

pytestmark = pytest.mark.django_db

PREVIEW = reverse("admin:expo_enterprise_import")
CONFIRM = reverse("admin:expo_enterprise_process_import")
HEADERS = ["slug", "name_en", "country", "region", "status"]


def _preview(client, slug):
    rows = tablib.Dataset([slug, slug.title(), "CN", "heilongjiang", "draft"], headers=HEADERS)
    upload = SimpleUploadedFile("enterprises.csv", rows.export("csv").encode())
    response = client.post(PREVIEW, {"import_file": upload, "format": "0", "resource": "0"})
    form = response.context["confirm_form"]
    return {name: form.initial[name] for name in form.fields}


@pytest.fixture
def server_file():
    """A file of the server's temporary folder that is no import."""
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as file:
        file.write("slug,name_en,country,region,status\nplanted,Planted,CN,heilongjiang,draft\n")
    path = Path(file.name)
    yield path
    path.unlink(missing_ok=True)


def test_the_previewed_file_is_confirmed(editor, world):
    response = editor.post(CONFIRM, _preview(editor, "harbin-electric"))
    assert response.status_code == 302
    assert list(Enterprise.objects.values_list("slug", flat=True)) == ["harbin-electric"]


def test_a_file_of_the_temporary_folder_is_refused_and_kept(editor, world, server_file):
    data = _preview(editor, "harbin-electric")
    for name in (server_file.name, str(server_file), f"../../{server_file.parent.name}/x"):
        response = editor.post(CONFIRM, {**data, "import_file_name": name})
        assert response.status_code == 400, name
    assert server_file.exists(), "the server's file was not deleted"
    assert not Enterprise.objects.exists(), "nothing was imported"
    # The editor's own preview is still confirmable.
    assert editor.post(CONFIRM, data).status_code == 302


def test_another_users_preview_cannot_be_confirmed(editor, publisher, world):
    theirs = _preview(publisher, "yakutia-power")
    response = editor.post(CONFIRM, theirs)
    assert response.status_code == 400
    assert not Enterprise.objects.exists()
    assert publisher.post(CONFIRM, theirs).status_code == 302, "their file is still there"
    assert Enterprise.objects.get().slug == "yakutia-power"


@pytest.mark.parametrize("name", ["", "no-such-file", "tmp12345678", "/etc/passwd", ".."])
def test_a_made_up_name_is_a_400(editor, world, name):
    data = _preview(editor, "harbin-electric")
    assert editor.post(CONFIRM, {**data, "import_file_name": name}).status_code == 400
    assert not Enterprise.objects.exists()


def test_a_file_previewed_for_another_model_is_refused(editor, world):
    data = _preview(editor, "harbin-electric")
    response = editor.post(reverse("admin:cooperation_region_process_import"), data)
    assert response.status_code == 400
    assert not Enterprise.objects.exists()
