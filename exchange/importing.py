"""Bulk import in the admin: limits told before uploading, a template, plain messages.

An upload is checked before anything parses it: its size (read from the upload, which
Django has streamed to a temporary file, never into memory), and for XLSX the sizes
the zip archive declares for its members once expanded (a small file that expands a
lot is refused before openpyxl opens it). Parsing then stops at the row and cell
limits. Blank rows are skipped but counted (``SheetDataset``), so a message names a row
as the spreadsheet numbers it. Every problem is a message in the editor's language,
never a traceback.

The limits are settings (``IMPORT_MAX_FILE_SIZE``, ``IMPORT_MAX_ROWS``,
``IMPORT_MAX_CELLS``, ``IMPORT_MAX_XLSX_EXPANDED_SIZE``, ``IMPORT_MAX_XLSX_PART_SIZE``,
``IMPORT_MAX_SECONDS``) and the import page states the first four. An XLSX file is
also read through once before parsing (``check_xlsx_archive``): no XML entity
declarations, no more shared strings than cells. An allowed file imports within the
request (bench/import_enterprises.py).
The admin side is ``exchange.admin.ImportExportAdmin``.
"""

import csv
import io
import time
import zipfile

import tablib
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.formats import base_formats
from import_export.forms import ImportForm

MiB = 1024 * 1024
DEFAULT_LIMITS = {
    "IMPORT_MAX_FILE_SIZE": 10 * MiB,
    "IMPORT_MAX_ROWS": 20_000,
    "IMPORT_MAX_CELLS": 400_000,
    "IMPORT_MAX_XLSX_EXPANDED_SIZE": 60 * MiB,
    # One part (the sheet, the shared strings): parsed whole, so bounded on its own.
    "IMPORT_MAX_XLSX_PART_SIZE": 30 * MiB,
    # Reading a file's rows stops (refused) past this many seconds.
    "IMPORT_MAX_SECONDS": 30,
}
# A workbook from a spreadsheet has a few dozen parts.
MAX_XLSX_PARTS = 1000
CHUNK = 1024 * 1024
DECLARATIONS = tuple(
    word.encode(encoding)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
OVERLAP = max(len(marker) for marker in DECLARATIONS)
# The preview lists this many rows (every invalid row is listed, whatever their number).
PREVIEW_ROWS = 100


def limit(name):
    return getattr(settings, name, DEFAULT_LIMITS[name])


class ImportRefused(ValueError):
    """A file refused as a whole; its message is shown to the editor as it is."""


def check_rows(rows, cells):
    """Refuse a table of ``rows`` data rows holding ``cells`` cells, if over a limit."""
    if rows > limit("IMPORT_MAX_ROWS"):
        raise ImportRefused(
            _("The file has more than %(limit)s rows; split it into files of at most %(limit)s.")
            % {"limit": f"{limit('IMPORT_MAX_ROWS'):,}"}
        )
    if cells > limit("IMPORT_MAX_CELLS"):
        raise ImportRefused(
            _("The file has more than %(limit)s cells; split it into smaller files.")
            % {"limit": f"{limit('IMPORT_MAX_CELLS'):,}"}
        )


def _not_xlsx():
    return ImportRefused(
        _("This is not an XLSX file. Save it from your spreadsheet as “Excel workbook”.")
    )


def _too_large(expanded):
    return ImportRefused(
        _(
            "This XLSX file would expand to %(size)s, more than the %(limit)s allowed. "
            "Split it into smaller files."
        )
        % {
            "size": filesizeformat(expanded),
            "limit": filesizeformat(limit("IMPORT_MAX_XLSX_EXPANDED_SIZE")),
        }
    )


def _scan_part(archive, member):
    """Read one XML part through (at most its declared size): refuse any declaration that
    could expand it (``<!DOCTYPE``, ``<!ENTITY``, in any encoding) and count the shared
    strings (``<si>``) it holds."""
    strings = 0
    tail = b""
    with archive.open(member) as part:
        while chunk := part.read(CHUNK):
            window = tail + chunk
            if any(marker in window for marker in DECLARATIONS):
                raise ImportRefused(
                    _(
                        "This XLSX file holds XML declarations (DOCTYPE or ENTITY) that no "
                        "spreadsheet writes. Open it in your spreadsheet and save it again."
                    )
                )
            # Each shared string is one <si> element: counted once, where it starts.
            strings += window.count(b"<si>") + window.count(b"<si ") - _starts_in(tail)
            tail = window[-OVERLAP:]
    return strings


def _starts_in(tail):
    return tail.count(b"<si>") + tail.count(b"<si ")


def check_xlsx_archive(stream):
    """Refuse an XLSX file that could expand beyond the limits, before openpyxl opens it.

    From the zip's directory: the number of parts, each part's expanded size and their
    total. Then each XML part is read through once (decompressing, not parsing): it may
    hold no DOCTYPE or ENTITY declaration (entities expand a few bytes into gigabytes
    when parsed), and the shared-strings table no more strings than a file may have
    cells. Python's zipfile never inflates a member beyond the size it declares, so a
    lying archive fails to read instead.
    """
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
            if len(members) > MAX_XLSX_PARTS:
                raise _not_xlsx()
            expanded = sum(member.file_size for member in members)
            if expanded > limit("IMPORT_MAX_XLSX_EXPANDED_SIZE"):
                raise _too_large(expanded)
            if any(member.file_size > limit("IMPORT_MAX_XLSX_PART_SIZE") for member in members):
                raise _too_large(max(member.file_size for member in members))
            strings = 0
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels", ".vml")):
                    strings += _scan_part(archive, member)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        # RuntimeError: an encrypted part; NotImplementedError: an unknown compression.
        raise _not_xlsx() from None
    finally:
        stream.seek(0)
    if strings > limit("IMPORT_MAX_CELLS"):
        raise ImportRefused(
            _("The file has more than %(limit)s cells; split it into smaller files.")
            % {"limit": f"{limit('IMPORT_MAX_CELLS'):,}"}
        )


class SheetDataset(tablib.Dataset):
    """A file's data rows, each with the number the spreadsheet shows for it.

    Blank rows (no cell, or only empty cells) are left out but counted, so a message
    about a row names it as the spreadsheet does: the header is row 1, and the first
    data row is row 2 unless blank rows come before it (``row_number``).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet_rows = []

    def append_sheet_row(self, values, number):
        self.append(values)
        self.sheet_rows.append(number)


def row_number(dataset, index):
    """The spreadsheet's number of the ``index``-th data row of ``dataset`` (from 1).

    A dataset read from a file (``SheetDataset``) knows it; for any other, the header is
    row 1 and the data rows follow it without a gap.
    """
    if isinstance(dataset, SheetDataset) and 0 < index <= len(dataset.sheet_rows):
        return dataset.sheet_rows[index - 1]
    return index + 1


def _headers(values):
    """The column names of a header row, trimmed, less the empty cells at its end."""
    headers = ["" if value is None else str(value).strip() for value in values]
    while headers and not headers[-1]:
        headers.pop()
    return headers


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _sheet_row(values, width, number):
    """``values`` as a row of ``width`` cells, or None for a blank row; refused if it
    has values beyond the headed columns."""
    if any(not _blank(value) for value in values[width:]):
        raise ImportRefused(
            _("Row %(row)d has values in columns without a heading.") % {"row": number}
        )
    if all(_blank(value) for value in values):
        return None  # a blank row, as spreadsheets leave them: skipped, still counted
    return (list(values) + [None] * width)[:width]


class LimitedCSV(base_formats.CSV):
    """CSV read row by row up to the limits, blank lines skipped but counted."""

    def create_dataset(self, in_stream):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        records = csv.reader(io.StringIO(in_stream))
        headers = next(records, None)
        if headers is None:
            return SheetDataset()
        cells = len(headers)
        headers = _headers(headers)
        dataset = SheetDataset(headers=headers)
        width = len(headers)
        # csv counts records, not lines: a quoted cell may hold line breaks, and a
        # spreadsheet shows that record as one row.
        for number, values in enumerate(records, start=2):
            cells += len(values)
            check_rows(number - 1, cells)
            row = _sheet_row(values, width, number)
            if row is not None:
                dataset.append_sheet_row(["" if v is None else v for v in row], number)
        return dataset


class LimitedXLSX(base_formats.XLSX):
    """XLSX read by openpyxl in read-only mode, after checking the archive, up to the limits."""

    def create_dataset(self, in_stream):
        import openpyxl

        stream = io.BytesIO(in_stream)
        check_xlsx_archive(stream)
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
        try:
            rows = workbook.active.iter_rows(values_only=True)
            headers = next(rows, None)
            if headers is None:
                return SheetDataset()
            headers = _headers(headers)
            dataset = SheetDataset(headers=headers)
            width, cells = len(headers), len(headers)
            deadline = time.monotonic() + limit("IMPORT_MAX_SECONDS")
            # openpyxl yields the rows a sheet leaves out (blank ones) as empty rows,
            # so each row's number is its place in the sheet.
            for number, values in enumerate(rows, start=2):
                cells += width
                check_rows(number - 1, cells)
                if time.monotonic() > deadline:
                    raise ImportRefused(
                        _("Reading this file took too long; split it into smaller files.")
                    )
                row = _sheet_row(values, width, number)
                if row is not None:
                    dataset.append_sheet_row(row, number)
            return dataset
        finally:
            workbook.close()


class LimitedImportForm(ImportForm):
    """The upload step: refuses a file over the size limit before anything reads it."""

    def __init__(self, formats, resources, **kwargs):
        self.format_classes = formats
        super().__init__(formats, resources, **kwargs)
        self.fields["import_file"].help_text = gettext_lazy(
            "CSV (UTF-8) or XLSX, at most %(size)s."
        ) % {"size": filesizeformat(limit("IMPORT_MAX_FILE_SIZE"))}

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("import_file")
        if upload is None:
            return cleaned
        if upload.size > limit("IMPORT_MAX_FILE_SIZE"):
            self.add_error(
                "import_file",
                _("This file is %(size)s; the largest file you can import is %(limit)s.")
                % {
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(limit("IMPORT_MAX_FILE_SIZE")),
                },
            )
            return cleaned
        try:
            format_class = self.format_classes[int(cleaned.get("format", ""))]
        except (TypeError, ValueError, IndexError):
            return cleaned  # the format field reports it
        if issubclass(format_class, base_formats.XLSX):
            try:
                check_xlsx_archive(upload)
            except ImportRefused as refused:
                self.add_error("import_file", str(refused))
        return cleaned


def read_failure_message(error, input_format):
    """A plain message for a file that could not be read (never the exception's name)."""
    if isinstance(error, ImportRefused):
        return str(error)
    if isinstance(error, UnicodeDecodeError):
        return _(
            "This CSV file is not UTF-8 text. In Excel choose “CSV UTF-8” when saving; "
            "in LibreOffice choose the character set “Unicode (UTF-8)”."
        )
    return _(
        "This file could not be read as %(format)s. Check that the format chosen below "
        "is the file's format, and that the file is not damaged."
    ) % {"format": input_format.get_title()}
