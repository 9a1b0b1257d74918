"""Import limits (issue 12, finding 4): told before uploading, refused at once, never a 500."""

import io
import zipfile

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.tmp_storages import TempFolderStorage

from exchange import importing
from expo.models import Enterprise

pytestmark = pytest.mark.django_db

URL = reverse("admin:expo_enterprise_import")
CSV, XLSX = "0", "1"
HEADERS = ["slug", "name_en", "country", "region", "status"]


def _csv(rows):
    return tablib.Dataset(*rows, headers=HEADERS).export("csv").encode()


def _rows(count):
    return [[f"firm-{n}", f"Firm {n}", "CN", "heilongjiang", "draft"] for n in range(count)]


def _post(client, content, name="enterprises.csv", file_format=CSV):
    return client.post(
        URL,
        {"import_file": SimpleUploadedFile(name, content), "format": file_format, "resource": "0"},
    )


def _file_error(response):
    return " ".join(str(e) for e in response.context["form"].errors.get("import_file", []))


@pytest.fixture
def never_parsed(monkeypatch):
    """Fails the test if the upload reaches a parser."""

    def refuse(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(importing.LimitedCSV, "create_dataset", refuse)
    monkeypatch.setattr("openpyxl.load_workbook", refuse)


def test_the_import_page_states_the_limits_before_uploading(editor, settings):
    settings.IMPORT_MAX_ROWS = 20_000
    page = editor.get(URL).content.decode()
    assert "A file can be at most 10.0\xa0MB, with at most 20,000 rows and 400,000 cells" in page
    assert "an XLSX file may expand to at most 60.0\xa0MB once unpacked" in page


def test_an_oversized_csv_is_refused_before_it_is_read(editor, world, settings, never_parsed):
    settings.IMPORT_MAX_FILE_SIZE = 1024 * 1024
    content = _csv(_rows(1)) + b"x" * (1024 * 1024)

    response = _post(editor, content)

    assert response.status_code == 200
    assert "the largest file you can import is 1.0\xa0MB" in _file_error(response)
    assert "confirm_form" not in response.context
    assert not Enterprise.objects.exists()


def _zip_bomb(expanded):
    """A small XLSX-named zip whose worksheet expands to ``expanded`` bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            chunk = b"<c><v>0</v></c>" * 65536
            for _ in range(expanded // len(chunk)):
                sheet.write(chunk)
    return buffer.getvalue()


def test_an_xlsx_zip_bomb_is_refused_before_openpyxl_opens_it(editor, world, never_parsed):
    bomb = _zip_bomb(80 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024, "a small file"

    response = _post(editor, bomb, "enterprises.xlsx", XLSX)

    assert response.status_code == 200
    error = _file_error(response)
    assert "This XLSX file would expand to" in error
    assert "more than the 60.0\xa0MB allowed" in error
    assert not Enterprise.objects.exists()


def test_a_file_that_is_not_xlsx_is_named_as_such(editor, world, never_parsed):
    response = _post(editor, b"slug,name_en\nx,y\n", "enterprises.xlsx", XLSX)
    assert "This is not an XLSX file" in _file_error(response)


@pytest.mark.parametrize("file_format", [CSV, XLSX], ids=["csv", "xlsx"])
def test_too_many_rows_are_refused_with_the_limit(editor, world, settings, file_format):
    settings.IMPORT_MAX_ROWS = 50
    dataset = tablib.Dataset(*_rows(51), headers=HEADERS)
    if file_format == XLSX:
        response = _post(editor, dataset.export("xlsx"), "enterprises.xlsx", XLSX)
    else:
        response = _post(editor, dataset.export("csv").encode())

    assert response.status_code == 200
    assert "The file has more than 50 rows; split it into files of at most 50." in _file_error(
        response
    )
    assert not Enterprise.objects.exists()


def test_too_many_cells_are_refused(editor, world, settings):
    settings.IMPORT_MAX_CELLS = 100
    response = _post(editor, _csv(_rows(30)))  # 31 rows of 5 cells
    assert "The file has more than 100 cells" in _file_error(response)


def test_a_csv_in_another_encoding_is_a_message_not_an_exception_name(editor, world):
    content = "slug,name_en,country\nfirm,Société,CN\n".encode("cp1252")
    response = _post(editor, content)
    error = _file_error(response)
    assert "This CSV file is not UTF-8 text" in error
    assert "UnicodeDecodeError" not in response.content.decode()


def test_a_valid_large_file_imports_within_the_request(publisher, world):
    rows = _rows(5_000)
    preview = _post(publisher, _csv(rows))

    assert preview.status_code == 200
    assert not preview.context["result"].has_errors()
    page = preview.content.decode()
    assert "5000 rows: 5000 new, 0 updated." in page
    assert "The first 100 are shown." in page
    assert page.count('<tr class="new">') == 100, "the preview lists the first rows only"

    form = preview.context["confirm_form"]
    done = publisher.post(
        reverse("admin:expo_enterprise_process_import"),
        {name: form.initial[name] for name in form.fields},
    )
    assert done.status_code == 302
    assert Enterprise.objects.count() == 5_000
    assert Enterprise.history.filter(history_user=publisher.user).count() == 5_000


def test_confirming_a_file_that_is_gone_is_a_message(publisher, world):
    """The file this user previewed was removed (confirmed twice, or cleaned up)."""
    form = _post(publisher, _csv(_rows(2))).context["confirm_form"]
    data = {name: form.initial[name] for name in form.fields}
    TempFolderStorage(name=data["import_file_name"]).remove()
    response = publisher.post(reverse("admin:expo_enterprise_process_import"), data, follow=True)
    assert response.status_code == 200
    assert "Nothing was imported." in response.content.decode()
    assert not Enterprise.objects.exists()
