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
