"""Optimistic locking for every admin change form: nobody silently overwrites another's save.

A change form (and a History → Revert form) carries a hidden *fingerprint* of the
record as stored when it was opened: one short hash per field the form writes and
one per inline whose rows it writes. Saving compares it, inside the save's
transaction and with the record's row locked (``select_for_update``), with the
record as stored now. If someone else changed anything the form would write, the
save is refused: the form comes back with the person's own input kept, an error
naming who saved in between and when, and next to each field the value the other
person saved. Saving again then is a decision, not an accident.

No model needs a version column: the fingerprint is computed from the stored
values themselves, so every admin gets the lock without a schema change. A form
posted without a fingerprint (a script, an old test client) is not checked; a
browser always sends it.
"""

import datetime
import hashlib

from django import forms
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

FINGERPRINT_FIELD = "edit_fingerprint"
INLINE_KEY = "rows:"


def _digest(value):
    # An empty text and no value read the same (a form saves one for the other).
    return hashlib.sha256(repr(None if value == "" else value).encode()).hexdigest()[:12]


def encode(state):
    return ",".join(f"{key}={value}" for key, value in sorted(state.items()))


def decode(token):
    return dict(part.split("=", 1) for part in str(token).split(",") if "=" in part)


def form_model_fields(model, names):
    """The model fields among a form's field names (own columns and many-to-many)."""
    fields = []
    for name in sorted(names):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.concrete or field.many_to_many:
            fields.append(field)
    return fields


def parent_link(inline, model):
    """The foreign key from ``inline``'s rows to ``model`` (its ``fk_name``, else the one
    foreign key to ``model``, as the admin's checks require)."""
    if inline.fk_name:
        return inline.model._meta.get_field(inline.fk_name)
    return next(
        field
        for field in inline.model._meta.concrete_fields
        if field.many_to_one and issubclass(model, field.related_model)
    )


def writable_inlines(model_admin, request, obj):
    """The inlines whose rows the change form may write."""
    inlines = []
    for inline in model_admin.get_inline_instances(request, obj):
        editable = set(inline.get_fields(request, obj)) - set(
            inline.get_readonly_fields(request, obj)
        )
        if (
            (editable and inline.has_change_permission(request, obj))
            or inline.has_add_permission(request, obj)
            or (inline.can_delete and inline.has_delete_permission(request, obj))
        ):
            inlines.append(inline)
    return inlines


def stored_state(model_admin, request, obj, names, lock=False):
    """``{part: hash}`` of the record as stored now, or None if it is gone.

    ``lock`` takes the row lock (PostgreSQL; SQLite serialises writes anyway) until
    the end of the transaction the save runs in.
    """
    model = model_admin.model
    fields = form_model_fields(model, names)
    own = [field for field in fields if not field.many_to_many]
    rows = model._default_manager.filter(pk=obj.pk)
    if lock:
        rows = rows.select_for_update()
    stored = rows.values("pk", *[field.attname for field in own]).first()
    if stored is None:
        return None
    state = {field.name: _digest(stored[field.attname]) for field in own}
    for field in fields:
        if field.many_to_many:
            through = field.remote_field.through
            linked = through._default_manager.filter(
                **{field.m2m_field_name(): obj.pk}
            ).values_list(field.m2m_reverse_field_name(), flat=True)
            state[field.name] = _digest(sorted(linked))
    for inline in writable_inlines(model_admin, request, obj):
        fk = parent_link(inline, model)
        columns = [field.attname for field in inline.model._meta.concrete_fields]
        rows = (
            inline.model._default_manager.filter(**{fk.name: obj.pk})
            .order_by("pk")
            .values_list(*columns)
        )
        state[f"{INLINE_KEY}{inline.model._meta.label_lower}"] = _digest(list(rows))
    return state


def last_saved_by(model, obj):
    """(user, time) of the latest save of ``obj``: from its history, else the admin log."""
    manager = getattr(model._meta, "simple_history_manager_attribute", None)
    if manager:
        version = (
            getattr(model, manager)
            .filter(**{model._meta.pk.attname: obj.pk})
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
            .first()
        )
        if version is not None:
            return version.history_user, version.history_date
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=str(obj.pk)
        )
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    if entry is not None:
        return entry.user, entry.action_time
    return None, None


def shown_value(obj, field):
    """A stored value as a person reads it."""
    if field.many_to_many:
        value = ", ".join(str(record) for record in getattr(obj, field.name).all())
    elif field.choices:
        value = getattr(obj, f"get_{field.name}_display")()
    else:
        value = getattr(obj, field.name)
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return date_format(localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return Truncator(str(value)).chars(300)


class FingerprintForm(forms.ModelForm):
    """The base form of every admin change form: carries and checks the fingerprint."""

    edit_fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)

    # Set for each request by the admin's get_form (publishing.safe_admin.SafeAdminMixin).
    model_admin = None
    request = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._locks() and not self.is_bound:
            state = stored_state(self.model_admin, self.request, self.instance, self.fields)
            if state is not None:
                self.initial[FINGERPRINT_FIELD] = encode(state)

    def _locks(self):
        return self.model_admin is not None and self.instance.pk is not None

    def clean(self):
        cleaned_data = super().clean()
        opened = decode(self.data.get(self.add_prefix(FINGERPRINT_FIELD), ""))
        if not (self._locks() and opened):
            return cleaned_data
        current = stored_state(
            self.model_admin, self.request, self.instance, self.fields, lock=True
        )
        if current is None:
            return cleaned_data
        changed = [key for key, value in opened.items() if current.get(key, value) != value]
        if changed:
            self._report_conflict(changed, current)
        return cleaned_data

    def _report_conflict(self, changed, current):
        model = self.model_admin.model
        stored = model._default_manager.get(pk=self.instance.pk)
        user, when = last_saved_by(model, stored)
        if user is not None:
            headline = _(
                "%(user)s saved this record at %(time)s, after you opened it. Your changes "
                "are not saved yet: the fields marked below now hold the values saved then. "
                "Check them, then save again to keep yours."
            ) % {
                "user": user.get_username(),
                "time": date_format(localtime(when), "SHORT_DATETIME_FORMAT"),
            }
        else:
            headline = _(
                "Someone saved this record after you opened it. Your changes are not saved "
                "yet: the fields marked below now hold the values saved then. Check them, "
                "then save again to keep yours."
            )
        self.add_error(None, headline)
        for key in changed:
            if key.startswith(INLINE_KEY):
                rows = apps.get_model(key.removeprefix(INLINE_KEY))._meta.verbose_name_plural
                self.add_error(
                    None,
                    _("“%(rows)s” were changed too; below they are as you left them.")
                    % {"rows": rows},
                )
            elif key in self.fields:
                field = model._meta.get_field(key)
                self.add_error(
                    key, _("Saved meanwhile as: %(value)s") % {"value": shown_value(stored, field)}
                )
        # The form is shown again with the fingerprint of what is stored now, so that
        # saving it again (after checking) goes through.
        data = self.data.copy()
        data[self.add_prefix(FINGERPRINT_FIELD)] = encode(current)
        self.data = data
