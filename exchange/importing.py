"""Bulk import in the admin: limits told before uploading, a template, plain messages.

An upload is checked before anything parses it: its size (read from the upload, which
Django has streamed to a temporary file, never into memory), and for XLSX the sizes
the zip archive declares for its members once expanded (a small file that expands a
lot is refused before openpyxl opens it). Parsing then stops at the row and cell
limits. Every problem is a message in the editor's language, never a traceback.

The limits are settings (``IMPORT_MAX_FILE_SIZE``, ``IMPORT_MAX_ROWS``,
``IMPORT_MAX_CELLS``, ``IMPORT_MAX_XLSX_EXPANDED_SIZE``) and the import page states
them. An allowed file imports within the request (bench/import_enterprises.py).
The admin side is ``exchange.admin.ImportExportAdmin``.
"""

import csv
import io
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
}
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


def check_xlsx_archive(stream):
    """Refuse an XLSX file whose members would expand beyond the limit, before opening it.

    The sizes come from the zip's directory; Python's zipfile never inflates a member
    beyond the size it declares, so a lying archive fails to read instead.
    """
    try:
        with zipfile.ZipFile(stream) as archive:
            expanded = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError):
        raise ImportRefused(
            _("This is not an XLSX file. Save it from your spreadsheet as “Excel workbook”.")
        ) from None
    finally:
        stream.seek(0)
    if expanded > limit("IMPORT_MAX_XLSX_EXPANDED_SIZE"):
        raise ImportRefused(
            _(
                "This XLSX file would expand to %(size)s, more than the %(limit)s allowed. "
                "Split it into smaller files."
            )
            % {
                "size": filesizeformat(expanded),
                "limit": filesizeformat(limit("IMPORT_MAX_XLSX_EXPANDED_SIZE")),
            }
        )


class LimitedCSV(base_formats.CSV):
    """CSV that counts rows and cells before tablib builds the table."""

    def create_dataset(self, in_stream):
        rows = cells = 0
        for row in csv.reader(io.StringIO(in_stream)):
            rows += 1
            cells += len(row)
            if rows > limit("IMPORT_MAX_ROWS") + 1 or cells > limit("IMPORT_MAX_CELLS"):
                break
        check_rows(max(rows - 1, 0), cells)
        return super().create_dataset(in_stream)


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
                return tablib.Dataset()
            headers = ["" if value is None else str(value).strip() for value in headers]
            while headers and not headers[-1]:
                headers.pop()
            dataset = tablib.Dataset(headers=headers)
            width, cells = len(headers), len(headers)
            for number, values in enumerate(rows, start=1):
                cells += width
                check_rows(number, cells)
                values = list(values)
                if any(value is not None for value in values[width:]):
                    raise ImportRefused(
                        _("Row %(row)d has values in columns without a heading.") % {"row": number}
                    )
                if all(value is None for value in values):
                    continue  # an empty row, as spreadsheets leave them
                dataset.append((values + [None] * width)[:width])
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
