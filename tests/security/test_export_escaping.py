"""Finding 8: an exported cell that a spreadsheet would run as a formula comes out as text.

OWASP's CSV injection guidance: a cell starting with =, +, -, @, a tab or a carriage
return (and so "==" too) is prefixed with a single quote, in CSV and in XLSX.
"""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from tests import factories as f

PAYLOADS = {
    "equals": '=HYPERLINK("https://evil.example")',
    "double-equals": "==1+1",
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "carriage-return": "\r=1+1",
}


def _export(client, fmt):
    url = reverse("admin:cooperation_region_export")
    form = client.get(url).context["form"]
    choice = next(v for v, label in form.fields["format"].choices if str(label).lower() == fmt)
    fields = [name for name in form.fields if name not in {"format", "resource", "export_items"}]
    response = client.post(url, {"format": choice, "resource": "0", **dict.fromkeys(fields, "on")})
    assert response.status_code == 200
    return response.content


def _csv_names(content):
    return {row["name_en"] for row in csv.DictReader(io.StringIO(content.decode("utf-8-sig")))}


def _xlsx_cells(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows())
    column = [cell.value for cell in rows[0]].index("name_en")
    return [row[column] for row in rows[1:]]


@pytest.fixture
def regions(db):
    return {key: f.region(name=value, slug=f"payload-{key}") for key, value in PAYLOADS.items()}


@pytest.mark.parametrize("key", PAYLOADS)
def test_each_prefix_is_text_in_csv_and_xlsx(login, regions, key):
    client = login("publisher")
    escaped = "'" + PAYLOADS[key]

    assert escaped in _csv_names(_export(client, "csv"))

    cells = {cell.value: cell for cell in _xlsx_cells(_export(client, "xlsx"))}
    in_xlsx = escaped.replace("\r", "\n")  # XML stores a carriage return as a line feed
    assert in_xlsx in cells
    assert cells[in_xlsx].data_type == "s"  # a string cell, not a formula
    assert not any(cell.data_type == "f" for cell in cells.values())


def test_ordinary_text_and_numbers_are_left_alone(login):
    f.region(name="Heilongjiang Province", slug="heilongjiang")
    client = login("publisher")
    assert "Heilongjiang Province" in _csv_names(_export(client, "csv"))
    assert "Heilongjiang Province" in {c.value for c in _xlsx_cells(_export(client, "xlsx"))}


@pytest.mark.parametrize(
    "leading",
    [" ", "   ", "\u00a0", "\ufeff", "\u200b", "\n", "\r\n", "\t ", " \u00a0\ufeff\u200b\n"],
    ids=["space", "spaces", "nbsp", "bom", "zwsp", "lf", "crlf", "tab-space", "mixed"],
)
def test_a_formula_after_leading_blanks_is_escaped(leading):
    from web.exports import escape_formula

    value = leading + '=HYPERLINK("https://evil.example")'
    assert escape_formula(value) == "'" + value


@pytest.mark.parametrize("value", [" plain words", "\u00a0Harbin", "a = b", "\n"])
def test_text_that_is_no_formula_is_left_as_it_is(value):
    from web.exports import escape_formula

    assert escape_formula(value) == value
