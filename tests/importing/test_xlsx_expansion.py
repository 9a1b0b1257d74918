"""XLSX files that expand when parsed (issue 29): XML entities, huge parts, a vast
shared-strings table. Each is refused before openpyxl parses it, with a message."""

import io
import itertools
import time
import zipfile

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exchange import importing
from expo.models import Enterprise

pytestmark = pytest.mark.django_db

URL = reverse("admin:expo_enterprise_import")
XLSX = "1"
HEADERS = ["slug", "name_en", "country", "region", "status"]


@pytest.fixture
def never_parsed(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr("openpyxl.load_workbook", refuse)


def real_xlsx(rows=1):
    rows = [[f"firm-{n}", f"Firm {n}", "CN", "heilongjiang", "draft"] for n in range(rows)]
    return tablib.Dataset(*rows, headers=HEADERS).export("xlsx")


def rewritten(content, replace, extra=None):
    """``content`` (an XLSX file) with some parts' text changed by ``replace(name, data)``
    and ``extra`` parts ({name: data}) added."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(member.filename, replace(member.filename, source.read(member)))
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def post(client, content):
    upload = SimpleUploadedFile("enterprises.xlsx", content)
    return client.post(URL, {"import_file": upload, "format": XLSX, "resource": "0"})


def file_error(response):
    return " ".join(str(e) for e in response.context["form"].errors.get("import_file", []))


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'.encode()
        for n in range(1, 9)
    )
    + b"]>\n"
)


def with_entities(name, data, encoding="utf-8"):
    if name != "xl/worksheets/sheet1.xml":
        return data
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    text = (BILLION_LAUGHS + body.replace(b"Firm 0", b"&lol8;")).decode()
    return text.encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_entity_declarations_are_refused(editor, world, never_parsed, encoding):
    bomb = rewritten(real_xlsx(), lambda name, data: with_entities(name, data, encoding))
    assert len(bomb) < 10_000
    response = post(editor, bomb)
    assert response.status_code == 200
    assert "XML declarations (DOCTYPE or ENTITY)" in file_error(response)
    assert not Enterprise.objects.exists()


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"])
def test_a_doctype_in_any_part_is_refused(editor, world, never_parsed, part):
    def doctype(name, data):
        return b'<!DOCTYPE x [<!ENTITY a "b">]>' + data if name == part else data

    content = rewritten(real_xlsx(), doctype)
    assert part in zipfile.ZipFile(io.BytesIO(content)).namelist()
    assert "DOCTYPE or ENTITY" in file_error(post(editor, content))


def test_one_large_part_is_refused_below_the_total(editor, world, never_parsed, settings):
    settings.IMPORT_MAX_XLSX_PART_SIZE = 100_000

    def padded(name, data):
        return data + b" " * 200_000 if name == "xl/worksheets/sheet1.xml" else data

    response = post(editor, rewritten(real_xlsx(), padded))
    assert "would expand to" in file_error(response)


def test_a_vast_shared_strings_table_is_refused(editor, world, never_parsed, settings):
    settings.IMPORT_MAX_CELLS = 1000

    strings = b"".join(b"<si><t>%d</t></si>" % n for n in range(5000))
    table = b'<sst count="1" uniqueCount="1">' + strings + b"</sst>"
    content = rewritten(real_xlsx(), lambda name, data: data, {"xl/sharedStrings.xml": table})
    assert len(content) < 40_000
    assert "more than 1,000 cells" in file_error(post(editor, content))


def test_shared_strings_are_counted_across_reads(monkeypatch):
    """Strings split over two reads of the part are each counted once."""
    monkeypatch.setattr(importing, "CHUNK", 7)
    data = b'<sst count="3"><si><t>a</t></si><si><t>bb</t></si><si ><t>c</t></si></sst>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/sharedStrings.xml", data)
    with zipfile.ZipFile(out) as archive:
        assert importing._scan_part(archive, archive.infolist()[0]) == 3


def test_a_real_workbook_still_imports(publisher, world):
    response = post(publisher, real_xlsx(3))
    assert response.status_code == 200
    assert not file_error(response)
    assert "Firm 2" in response.content.decode()  # the preview


def test_reading_rows_stops_after_the_time_limit(settings, monkeypatch):
    settings.IMPORT_MAX_SECONDS = 5
    start = time.monotonic()
    # The clock jumps past the limit at the second row, then runs on (the fixtures'
    # teardown reads it too: a database or cache client may).
    moments = itertools.chain([start, start + 1], itertools.count(start + 10))
    monkeypatch.setattr(importing.time, "monotonic", lambda: next(moments))
    with pytest.raises(importing.ImportRefused, match="took too long"):
        importing.LimitedXLSX().create_dataset(real_xlsx(5))
