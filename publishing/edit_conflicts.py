"""What a change form shows when someone else saved the record meanwhile
(``publishing.locking``): values as a person reads them, a submitted value as it will
be stored, a stored value put back into a bound form as its widget posts it, and the
error list that shows two versions of a field side by side."""

import datetime
import decimal

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.db import models
from django.forms.utils import ErrorList
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

# The codes of the errors a conflict adds to a field: its value was taken from the other
# person's save, or both changed it (EditConflictErrorList shows the two versions).
KEPT_THEIRS, BOTH_CHANGED = "edit_conflict_kept", "edit_conflict_both"

# A submitted value whose stored form cannot be told for sure (see ``as_stored``).
UNSURE = object()


def shown_value(obj, field):
    """A stored value as a person reads it."""
    if field.many_to_many:
        return readable(field, list(getattr(obj, field.name).all()))
    return readable(field, getattr(obj, field.name))


def readable(field, value):
    """``value`` of the model field ``field`` (stored, or a form's cleaned value) as a
    person reads it."""
    if field.many_to_many:
        value = ", ".join(str(record) for record in value)
    elif field.choices:
        value = dict(field.flatchoices).get(value, value)
    if value is None or value == "" or (value is False and isinstance(field, models.FileField)):
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return date_format(localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return Truncator(str(value)).chars(300)


def as_stored(field, value):
    """``value`` (a form's cleaned value of the model field ``field``) as the database
    will give it back once saved (``values()``: an id for a record, the sorted ids of
    linked records), or ``UNSURE``."""
    if field.many_to_many:
        return sorted(record.pk for record in value)
    if field.many_to_one or field.one_to_one:
        return None if value is None else getattr(value, field.target_field.attname)
    if isinstance(field, models.JSONField | models.FileField):
        return UNSURE  # keys in the order the database keeps them; a file by its name
    if isinstance(field, models.DecimalField) and value is not None:
        try:
            return value.quantize(decimal.Decimal(1).scaleb(-field.decimal_places))
        except (decimal.InvalidOperation, TypeError, AttributeError):
            return UNSURE
    return value


def show_stored(data, name, form_field, value):
    """Write ``value`` (as the model field gives it, ``value_from_object``) into the
    bound form ``data`` under ``name``, as the field's widget posts it."""
    _post(data, name, form_field.widget, form_field.prepare_value(value))


def _post(data, name, widget, value):
    while isinstance(widget, RelatedFieldWidgetWrapper):  # the admin's add/change links
        widget = widget.widget
    if isinstance(widget, forms.MultiWidget):  # a date and a time (AdminSplitDateTime)
        parts = value if isinstance(value, list | tuple) else widget.decompress(value)
        for suffix, part_widget, part in zip(
            widget.widgets_names, widget.widgets, parts, strict=False
        ):
            _post(data, f"{name}{suffix}", part_widget, part)
    elif isinstance(widget, forms.CheckboxInput):  # posted when ticked, absent when not
        if widget.check_test(value):
            data[name] = "on"
        else:
            data.pop(name, None)
    elif isinstance(widget, forms.FileInput):
        pass  # a bound file field shows the stored file unless one is uploaded
    else:
        shown = widget.format_value(value)  # a list for selects
        if isinstance(shown, list | tuple):
            shown = [str(item) for item in shown]
            if hasattr(data, "setlist"):
                data.setlist(name, shown)
            else:
                data[name] = shown
        else:
            data[name] = "" if shown is None else shown


class EditConflictErrorList(ErrorList):
    """A form's error list, showing a field both people changed as its two versions
    side by side (``admin/core/edit_conflict_errors.html``); other errors as Django does."""

    template_name = template_name_ul = "admin/core/edit_conflict_errors.html"

    def get_context(self):
        return {
            **super().get_context(),
            "entries": [
                {
                    "text": next(iter(error)),
                    "versions": error.params if error.code == BOTH_CHANGED else None,
                }
                for error in self.as_data()
            ],
        }
