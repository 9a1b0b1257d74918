"""Bulk import and export of enterprises and regions in the admin (CSV and XLSX).

An import is previewed first (a dry run listing every invalid row by number) and
confirmed second; any invalid row means nothing is written.
"""

import csv
import io

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.tmp_storages import TempFolderStorage

from cooperation.models import Region
from expo.models import Enterprise
from expo.resources import EnterpriseResource
from publishing.models import EditorialStatus
from tests import factories as f

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED = EditorialStatus.DRAFT, EditorialStatus.PUBLISHED
HEADERS = ["slug", "name_en", "name_ru", "country", "region", "sector", "website", "status"]
CSV_FORMAT, XLSX_FORMAT = "0", "1"  # the order of ImportExportAdmin.formats


@pytest.fixture
def world():
    f.country("CN")
    f.country("RU")
    f.region(slug="heilongjiang", country=f.country("CN"))
    f.sector(slug="energy")


def _rows(*rows):
    return tablib.Dataset(*rows, headers=HEADERS)


def _good_rows():
    return _rows(
        ["harbin-electric", "Harbin Electric", "Харбин Электрик", "CN", "heilongjiang", "energy",
         "https://example.com", PUBLISHED],
        ["yakutia-power", "Yakutia Power", "", "RU", "", "", "", PUBLISHED],
        ["sakha-diamonds", "Sakha Diamonds", "", "RU", "", "", "", PUBLISHED],
    )  # fmt: skip


def _upload(dataset, file_format):
    if file_format == XLSX_FORMAT:
        return SimpleUploadedFile("enterprises.xlsx", dataset.export("xlsx"))
    return SimpleUploadedFile("enterprises.csv", dataset.export("csv").encode())


def _preview(client, dataset, file_format=CSV_FORMAT, model="expo_enterprise"):
    return client.post(
        reverse(f"admin:{model}_import"),
        {"import_file": _upload(dataset, file_format), "format": file_format, "resource": "0"},
    )


def _confirm(client, preview, model="expo_enterprise"):
    form = preview.context["confirm_form"]
    data = {name: form.initial[name] for name in form.fields}
    return client.post(reverse(f"admin:{model}_process_import"), data)


@pytest.mark.parametrize("file_format", [CSV_FORMAT, XLSX_FORMAT], ids=["csv", "xlsx"])
def test_import_previews_then_writes(login, world, file_format):
    client = login("publisher")
    preview = _preview(client, _good_rows(), file_format)
    assert preview.status_code == 200
    assert not preview.context["result"].has_errors()
    assert not Enterprise.objects.exists(), "the preview writes nothing"

    response = _confirm(client, preview)
    assert response.status_code == 302
    electric = Enterprise.objects.get(slug="harbin-electric")
    assert electric.name_ru == "Харбин Электрик"
    assert electric.region.slug == "heilongjiang" and electric.sector.slug == "energy"
    assert electric.status == PUBLISHED
    assert Enterprise.objects.count() == 3
    assert electric.history.first().history_user == client.user


def test_one_bad_row_writes_nothing_and_names_the_row(login, world):
    client = login("publisher")
    rows = _good_rows()
    rows[1] = ("yakutia-power", "Yakutia Power", "", "XX", "", "", "", PUBLISHED)

    preview = _preview(client, rows)

    result = preview.context["result"]
    assert [row.number for row in result.invalid_rows] == [2]
    assert "confirm_form" not in preview.context, "an import with errors cannot be confirmed"
    page = preview.content.decode()
    # Every error at once, named by its row as the spreadsheet numbers it (the header is row 1).
    assert "<li>Row 3, column “country”: No country with code “XX”.</li>" in page
    assert not Enterprise.objects.exists()


def test_the_confirm_step_also_writes_nothing_if_a_row_went_bad(login, world, settings):
    """Between preview and confirm the data can change; the write is all-or-nothing too."""
    client = login("publisher")
    preview = _preview(client, _good_rows())
    form = preview.context["confirm_form"]
    bad = _good_rows()
    bad[2] = ("sakha-diamonds", "Sakha Diamonds", "", "RU", "", "no-such-sector", "", PUBLISHED)
    storage = TempFolderStorage(name=form.initial["import_file_name"], encoding="utf-8")
    storage.save(bad.export("csv"))

    _confirm(client, preview)

    assert not Enterprise.objects.exists()


def test_an_editor_imports_drafts(login, world):
    client = login("editor")
    existing = f.enterprise(slug="yakutia-power", country=f.country("RU"), status=DRAFT)
    _confirm(client, _preview(client, _good_rows()))
    assert set(Enterprise.objects.values_list("status", flat=True)) == {DRAFT}
    assert Enterprise.objects.count() == 3
    existing.refresh_from_db()
    assert existing.name_en == "Yakutia Power" and existing.status == DRAFT


def test_an_editor_import_leaves_a_published_record_published(login, world):
    client = login("editor")
    # The row as the record is but for its status (a change to it would be refused:
    # test_import_revisions.py).
    live = f.enterprise(slug="sakha-diamonds", name="Sakha Diamonds", country=f.country("RU"))
    rows = _good_rows()
    rows[2] = ("sakha-diamonds", "Sakha Diamonds", "", "RU", "", "", "", DRAFT)
    _confirm(client, _preview(client, rows))
    live.refresh_from_db()
    assert live.status == PUBLISHED, "only a publisher unpublishes"


def test_regions_import_with_a_parent_from_an_earlier_row(login, world):
    client = login("publisher")
    headers = ["slug", "name_en", "country", "kind", "parent", "iso_code", "status"]
    rows = tablib.Dataset(
        ["far-east", "Russian Far East", "RU", "macro_region", "", "", PUBLISHED],
        ["sakha", "Republic of Sakha", "RU", "republic", "far-east", "RU-SA", PUBLISHED],
        headers=headers,
    )
    preview = client.post(
        reverse("admin:cooperation_region_import"),
        {
            "import_file": SimpleUploadedFile("regions.csv", rows.export("csv").encode()),
            "format": CSV_FORMAT,
            "resource": "0",
        },
    )
    assert not preview.context["result"].has_validation_errors()
    _confirm(client, preview, model="cooperation_region")
    assert Region.objects.get(slug="sakha").parent.slug == "far-east"


def _export(client, model, query=""):
    url = reverse(f"admin:{model}_export") + query
    page = client.get(url)
    fields = [name for name in page.context["form"].fields if name.endswith(tuple(HEADERS))]
    response = client.post(
        url, {"format": CSV_FORMAT, "resource": "0", **dict.fromkeys(fields, "on")}
    )
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_export_follows_the_admin_filters(login, world):
    client = login("editor")
    china, russia = f.country("CN"), f.country("RU")
    f.enterprise(slug="harbin-electric", country=china)
    f.enterprise(slug="yakutia-power", country=russia)
    f.enterprise(slug="sakha-diamonds", country=russia, status=DRAFT)

    everything = _export(client, "expo_enterprise")
    assert {row["slug"] for row in everything} == {
        "harbin-electric",
        "yakutia-power",
        "sakha-diamonds",
    }

    russian = _export(client, "expo_enterprise", f"?country__id__exact={russia.pk}")
    assert {row["slug"] for row in russian} == {"yakutia-power", "sakha-diamonds"}
    assert {row["country"] for row in russian} == {"RU"}

    drafts = _export(
        client, "expo_enterprise", f"?country__id__exact={russia.pk}&status__exact=draft"
    )
    assert [row["slug"] for row in drafts] == ["sakha-diamonds"]


def test_an_export_imports_back_unchanged(login, world):
    client = login("publisher")
    f.enterprise(slug="harbin-electric", name="Harbin Electric", country=f.country("CN"))
    rows = _export(client, "expo_enterprise")
    dataset = tablib.Dataset(*[list(r.values()) for r in rows], headers=list(rows[0]))
    result = EnterpriseResource().import_data(dataset, dry_run=True)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["update"] == 1


def test_a_slug_twice_in_the_file_is_an_error_of_the_second_row(login, world):
    client = login("publisher")
    rows = _good_rows()
    rows[2] = ("harbin-electric", "Harbin Electric again", "", "CN", "", "", "", PUBLISHED)
    preview = _preview(client, rows)
    assert [row.number for row in preview.context["result"].invalid_rows] == [3]
    assert "already used by an earlier row" in preview.content.decode()
    assert not Enterprise.objects.exists()


def test_an_unknown_status_is_an_error(login, world):
    client = login("publisher")
    rows = _good_rows()
    rows[0] = ("harbin-electric", "Harbin Electric", "", "CN", "", "", "", "live")
    preview = _preview(client, rows)
    assert [row.number for row in preview.context["result"].invalid_rows] == [1]


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (("imp-\x00a", "Name", "", "CN", "", "", "", PUBLISHED), "slug"),
        (("imp-a", "Bad\x00Name", "", "CN", "", "", "", PUBLISHED), "name_en"),
    ],
    ids=["slug", "name"],
)
def test_a_nul_character_refuses_the_file_naming_row_and_column(login, world, row, column):
    client = login("publisher")
    rows = _good_rows()
    rows.append(row)

    preview = _preview(client, rows)

    assert preview.status_code == 200
    assert preview.context["result"].has_errors()
    assert "confirm_form" not in preview.context
    assert f"Row 5, column “{column}”: a NUL character is not allowed." in preview.content.decode()
    assert not Enterprise.objects.exists()
