"""The widgets that name related records by their natural keys in an import file."""

import re

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _
from import_export import widgets


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A related record named by a unique field, looked up once per file.

    ``preload()`` fetches every value of a column in one query; a value not found
    then (a region defined by an earlier row of the same file) is looked up on its own.
    An unknown value is a validation error of the row (the preview names the row),
    not a crash.
    """

    def __init__(self, model, field, **kwargs):
        super().__init__(model, field=field, **kwargs)
        self.found = {}

    def preload(self, values):
        keys = {str(value).strip() for value in values if value not in (None, "")}
        keys -= set(self.found)
        if keys:
            for record in self.model._default_manager.filter(**{f"{self.field}__in": keys}):
                self.found[str(getattr(record, self.field))] = record

    def clean(self, value, row=None, **kwargs):
        key = "" if value is None else str(value).strip()
        if not key:
            return None
        if key not in self.found:
            try:
                self.found[key] = self.get_queryset(value, row, **kwargs).get(**{self.field: key})
            except ObjectDoesNotExist:
                raise ValueError(
                    _("No %(model)s with %(field)s “%(value)s”.")
                    % {"model": self.model._meta.verbose_name, "field": self.field, "value": key}
                ) from None
        return self.found[key]


class NaturalKeysWidget(NaturalKeyWidget):
    """Several related records in one cell, their keys separated by commas, e.g.
    ``5th-china-russia-expo, 6th-china-russia-expo``.

    ``clean()`` gives the list of records (an empty cell: none; a key named twice, once);
    ``render()`` writes a list of keys the same way, so an export imports back. A
    semicolon, or a Chinese comma as a Chinese keyboard types it, separates keys too.
    """

    separators = re.compile(r"[,;，、；]")

    def split(self, value):
        keys = self.separators.split("" if value is None else str(value))
        return list(dict.fromkeys(key.strip() for key in keys if key.strip()))

    def preload(self, values):
        super().preload([key for value in values for key in self.split(value)])

    def clean(self, value, row=None, **kwargs):
        clean_one = super().clean
        return [clean_one(key, row, **kwargs) for key in self.split(value)]

    def render(self, value, obj=None, **kwargs):
        return ", ".join(value or ())
