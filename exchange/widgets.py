"""The widget that names a related record by its natural key in an import file."""

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
