"""Issue 26: an import's errors name each row as the spreadsheet numbers it (the header
is row 1), also after blank rows, which are skipped but counted, in XLSX and in CSV."""

import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cooperation.models import Region
from expo.models import Enterprise

pytestmark = pytest.mark.django_db

CSV, XLSX = "0", "1"  # the order of ImportExportAdmin.formats
HEADERS = ["name_en", "country", "region"]
GOOD = ["Lena Grain", "CN", "heilongjiang"]
BAD_COUNTRY = ["Amur Timber", "XX", ""]
BAD_REGION = ["Harbin Works", "CN", "no-such-region"]


def _xlsx(*rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return SimpleUploadedFile("enterprises.xlsx", stream.getvalue())


def _csv(text):
    return SimpleUploadedFile("enterprises.csv", text.encode())


def _preview(client, upload, file_format):
    return client.post(
        reverse("admin:expo_enterprise_import"),
        {"import_file": upload, "format": file_format, "resource": "0"},
    )


def _errors(page):
    """The error list's items, in the order the page shows them."""
    box = re.search(r'<div class="module" id="import-errors".*?</ul>', page, re.S)
    assert box, "the page shows the error list"
    return [re.sub(r"\s+", " ", item).strip() for item in re.findall(r"<li>(.*?)</li>", box[0])]


def _assert_rows_4_and_5(preview):
    page = preview.content.decode()
    assert _errors(page) == [
        "Row 4, column “country”: No country with code “XX”.",
        "Row 5, column “region”: No region with slug “no-such-region”.",
    ]
    assert page.index('id="import-errors"') < page.index('id="import-help"'), "errors first"
    assert "confirm_form" not in preview.context
    assert not Enterprise.objects.exists()


BLANK_XLSX_ROWS = {
    "no-cells": [],
    "empty-cells": [None, None, None],
    "spaces": ["  ", "", None],
}


@pytest.mark.parametrize("blank", list(BLANK_XLSX_ROWS.values()), ids=list(BLANK_XLSX_ROWS))
def test_xlsx_errors_name_the_rows_as_excel_does_after_a_blank_row(publisher, world, blank):
    upload = _xlsx(HEADERS, GOOD, blank, BAD_COUNTRY, BAD_REGION)
    _assert_rows_4_and_5(_preview(publisher, upload, XLSX))


BLANK_CSV_LINES = {"empty-line": "", "empty-cells": ",,", "crlf-empty-line": "\r"}


@pytest.mark.parametrize("blank", list(BLANK_CSV_LINES.values()), ids=list(BLANK_CSV_LINES))
def test_csv_errors_name_the_rows_as_a_spreadsheet_does_after_a_blank_line(publisher, world, blank):
    lines = [",".join(HEADERS), ",".join(GOOD), blank, ",".join(BAD_COUNTRY), ",".join(BAD_REGION)]
    _assert_rows_4_and_5(_preview(publisher, _csv("\n".join(lines) + "\n"), CSV))


def test_a_csv_cell_over_two_lines_is_one_row(publisher, world):
    text = (
        "name_en,country,region,description_en\n"
        'Lena Grain,CN,heilongjiang,"Grain,\nfrom the Lena"\n'
        "Amur Timber,XX,,\n"
    )
    errors = _errors(_preview(publisher, _csv(text), CSV).content.decode())
    assert errors == ["Row 3, column “country”: No country with code “XX”."]


def test_blank_rows_are_skipped_and_the_others_imported(publisher, world):
    upload = _xlsx(HEADERS, [], GOOD, [None, None, None], ["Amur Timber", "CN", ""], [])
    preview = _preview(publisher, upload, XLSX)
    assert "2 rows: 2 new, 0 updated." in preview.content.decode()
    form = preview.context["confirm_form"]
    publisher.post(
        reverse("admin:expo_enterprise_process_import"),
        {name: form.initial[name] for name in form.fields},
    )
    assert sorted(Enterprise.objects.values_list("name_en", flat=True)) == [
        "Amur Timber",
        "Lena Grain",
    ]


def test_a_value_beyond_the_headed_columns_names_its_row(publisher, world):
    upload = _xlsx(HEADERS, GOOD, [], [*GOOD, "stray"])
    page = _preview(publisher, upload, XLSX).content.decode()
    assert "Row 4 has values in columns without a heading." in page


def test_a_csv_row_with_empty_cells_beyond_the_headings_is_read(publisher, world):
    """As a spreadsheet saves a sheet with a formatted column past the headings."""
    text = "name_en,country,region\nLena Grain,CN,heilongjiang,,\n"
    preview = _preview(publisher, _csv(text), CSV)
    assert "1 row: 1 new, 0 updated." in preview.content.decode()


def test_the_confirm_step_names_the_spreadsheets_rows_too(publisher, world):
    """The data changed between preview and confirmation: the message names row 4."""
    upload = _xlsx(HEADERS, ["Amur Timber", "RU", ""], [], ["Lena Grain", "CN", "heilongjiang"])
    preview = _preview(publisher, upload, XLSX)
    form = preview.context["confirm_form"]
    Region.objects.filter(slug="heilongjiang").delete()
    done = publisher.post(
        reverse("admin:expo_enterprise_process_import"),
        {name: form.initial[name] for name in form.fields},
        follow=True,
    )
    assert "the file no longer passes the checks (rows: 4)" in done.content.decode()
    assert not Enterprise.objects.exists()
