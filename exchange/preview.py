"""What the import's preview and result pages show of each row."""

from django.utils.encoding import force_str
from django.utils.html import conditional_escape, format_html
from import_export import results
from import_export.resources import Diff


class PlainDiff(Diff):
    """A preview cell as ``<del>old</del><ins>new</ins>``, styled by the stylesheet.

    The library's diff writes inline ``style`` attributes, which the admin's Content
    Security Policy blocks.
    """

    def as_html(self):
        cells = []
        for old, new in zip(self.left, self.right, strict=False):
            old = "" if self.new else force_str(old)
            new = force_str(new)
            if old == new:
                cells.append(conditional_escape(new))
                continue
            cells.append(
                format_html(
                    "{}{}",
                    format_html("<del>{}</del>", old) if old else "",
                    format_html("<ins>{}</ins>", new) if new else "",
                )
            )
        return cells


class RowResult(results.RowResult):
    """import-export's row result, naming its record (``object_repr``) only when asked.

    The preview shows the name of each row's record and the admin's log names them
    all, but a real import of thousands of rows reads none of them: ``str()`` of a
    translated record resolves its language, row after row, for nothing.
    """

    def add_instance_info(self, instance):
        if instance is not None:
            self.object_id = getattr(instance, "pk", None)
            self._named = instance

    @property
    def object_repr(self):
        named = self.__dict__.get("_named")
        if named is not None and self.__dict__.get("_object_repr") is None:
            try:
                self._object_repr = force_str(named)
            except Exception:  # as import-export's: a record that cannot be named
                self._object_repr = None
        return self.__dict__.get("_object_repr")

    @object_repr.setter
    def object_repr(self, value):
        self._object_repr = value


class Result(results.Result):
    """import-export's result, its rows' problems numbered as the spreadsheet shows them.

    A row's ``number`` stays the library's (its place among the file's data rows);
    ``sheet_rows``, set by the resource from the file read
    (``exchange.importing.SheetDataset``), gives each the number of its row in the
    spreadsheet, blank rows counted.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet_rows = []

    def sheet_row(self, number):
        """The spreadsheet's number of the ``number``-th data row (from 1)."""
        if 0 < number <= len(self.sheet_rows):
            return self.sheet_rows[number - 1]
        return number + 1  # the header is row 1

    def row_problems(self):
        """``[(row, column, message)]``, in the file's order; ``column`` is None for a
        problem of the row as a whole."""
        problems = [
            (self.sheet_row(row.number), None, error.error)
            for row in self.error_rows
            for error in row.errors
        ]
        for row in self.invalid_rows:
            number = self.sheet_row(row.number)
            problems += [
                (number, column, message)
                for column, messages in row.field_specific_errors.items()
                for message in messages
            ]
            problems += [(number, None, message) for message in row.non_field_specific_errors]
        return sorted(problems, key=lambda problem: problem[0])

    def problem_rows(self):
        """The spreadsheet's numbers of the rows with a problem, in order."""
        return sorted({row for row, _column, _message in self.row_problems()})
