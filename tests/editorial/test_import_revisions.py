"""An Editor's import cannot change a live record: the row is refused (issue 27).

On the change form an Editor's change to a live record waits in a revision for a
Publisher; an import must not be a way round that.
"""

import pytest

from expo.models import Enterprise
from publishing.models import EditorialStatus
from tests import factories as f
from tests.editorial.test_import_export import (
    _confirm,
    _good_rows,
    _preview,
    world,  # noqa: F401 (the fixture)
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_the_site(world):  # noqa: F811
    return f.enterprise(slug="sakha-diamonds", name="Sakha Diamonds", country=f.country("RU"))


def test_an_editors_row_changing_a_live_record_is_refused_by_name(login, on_the_site):
    client = login("editor")
    rows = _good_rows()
    rows[2] = ("sakha-diamonds", "Sakha Diamonds Renamed", "", "RU", "", "", "", "published")

    preview = _preview(client, rows)

    assert [row.number for row in preview.context["result"].invalid_rows] == [3]
    assert "confirm_form" not in preview.context
    page = preview.content.decode()
    assert "“sakha-diamonds” is on the site" in page
    assert "saved as a revision for review" in page
    on_the_site.refresh_from_db()
    assert on_the_site.name_en == "Sakha Diamonds"
    assert Enterprise.objects.count() == 1


def test_an_editors_row_repeating_a_live_record_unchanged_passes(login, on_the_site):
    client = login("editor")
    rows = _good_rows()
    rows[2] = ("sakha-diamonds", "Sakha Diamonds", "", "RU", "", "", "", "published")

    _confirm(client, _preview(client, rows))

    assert Enterprise.objects.count() == 3
    on_the_site.refresh_from_db()
    assert on_the_site.name_en == "Sakha Diamonds"


def test_an_editor_still_changes_a_draft_and_a_publisher_a_live_record(login, on_the_site):
    draft = f.enterprise(slug="yakutia-power", country=f.country("RU"), status="draft")
    editor = login("editor")
    rows = _good_rows()
    del rows[2]
    _confirm(editor, _preview(editor, rows))
    draft.refresh_from_db()
    assert draft.name_en == "Yakutia Power" and draft.status == EditorialStatus.DRAFT

    publisher = login("publisher")
    rows = _good_rows()
    rows[2] = ("sakha-diamonds", "Sakha Diamonds Renamed", "", "RU", "", "", "", "published")
    _confirm(publisher, _preview(publisher, rows))
    on_the_site.refresh_from_db()
    assert on_the_site.name_en == "Sakha Diamonds Renamed"
