"""Optimistic locking for every admin change form: nobody silently overwrites another's save.

A change form (and a History → Revert form) carries a hidden *fingerprint* of the
record as stored when it was opened: one short hash per field the form writes and
one per inline whose rows it writes. Saving compares it, inside the save's
transaction and with the record's row locked (``select_for_update``), with the
record as stored now. If someone else changed anything the form would write, nothing
is saved and the form comes back, field by field:

- a field only the other person changed holds *their* value, so that saving again
  keeps their work;
- a field both changed keeps the person's own input, with both versions side by side
  next to it;
- a field only the person changed, or nobody, is as they left it.

Whether the person changed a field is told by hashing their submitted value as it
will be stored and comparing it with the hash they opened the form with; where that
is not certain, the field counts as changed by both. Inline rows are shown as the
person left them, with a note saying that saving again saves them so. The fingerprint
becomes that of the record as stored now: saving again is a decision, not an
accident. What the form shows is built by ``publishing.edit_conflicts``.

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
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.forms.utils import ErrorList
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from publishing.edit_conflicts import (
    BOTH_CHANGED,
    KEPT_THEIRS,
    UNSURE,
    EditConflictErrorList,
    as_stored,
    readable,
    show_stored,
    shown_value,
)

FINGERPRINT_FIELD = "edit_fingerprint"
INLINE_KEY = "rows:"


def _digest(value):
    # An empty text and no value read the same (a form saves one for the other), as do
    # a text's line ends (a browser sends CRLF) and one instant in any time zone.
    if value == "":
        value = None
    elif isinstance(value, str):
        value = value.replace("\r\n", "\n")
    elif isinstance(value, datetime.datetime) and value.tzinfo is not None:
        value = value.astimezone(datetime.UTC)
    return hashlib.sha256(repr(value).encode()).hexdigest()[:12]


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


class FingerprintForm(forms.ModelForm):
    """The base form of every admin change form: carries and checks the fingerprint."""

    edit_fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)

    # Set for each request by the admin's get_form (publishing.safe_admin.SafeAdminMixin).
    model_admin = None
    request = None

    class Media:
        css = {"all": ["core/edit_conflict.css"]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.error_class is ErrorList:
            self.error_class = EditConflictErrorList
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
            self._report_conflict(changed, opened, current)
        return cleaned_data

    def _changed_here(self, field, opened, current):
        """Whether the person changed ``field`` too (a different value from the one they
        opened, and not the one saved meanwhile); if unsure, yes."""
        name = field.name
        if self.fields[name].disabled:
            return False
        if isinstance(field, models.FileField):
            return name in self.changed_data  # an upload, or "clear" ticked
        if name not in self.cleaned_data:
            return True  # not valid: the person's input, with its own error
        mine = as_stored(field, self.cleaned_data[name])
        return mine is UNSURE or _digest(mine) not in {opened, current}

    def _yours(self, field):
        """The person's input for ``field``, as they read it."""
        if field.name in self.cleaned_data:
            return readable(field, self.cleaned_data[field.name])
        posted = self[field.name].data
        if isinstance(posted, list | tuple):
            posted = ", ".join(str(item) for item in posted)
        return "—" if posted in (None, "") else Truncator(str(posted)).chars(300)

    def _report_conflict(self, changed, opened, current):
        model = self.model_admin.model
        stored = model._default_manager.get(pk=self.instance.pk)
        user, when = last_saved_by(model, stored)
        who = {}
        if user is not None:
            who = {
                "user": user.get_username(),
                "time": date_format(localtime(when), "SHORT_DATETIME_FORMAT"),
            }
        kept, both, rows = [], [], []
        for key in changed:
            if key.startswith(INLINE_KEY):
                rows.append(apps.get_model(key.removeprefix(INLINE_KEY))._meta)
            elif key in self.fields:
                field = model._meta.get_field(key)
                if self._changed_here(field, opened[key], current[key]):
                    both.append((field, self._yours(field)))
                else:
                    kept.append(field)

        # Fields only the other person changed now hold their value: saving again keeps it.
        data = self.data.copy()
        for field in kept:
            if not self.fields[field.name].disabled:
                show_stored(
                    data,
                    self.add_prefix(field.name),
                    self.fields[field.name],
                    field.value_from_object(stored),
                )
        # The fingerprint of what is stored now: saving again (after checking) goes through.
        data[self.add_prefix(FINGERPRINT_FIELD)] = encode(current)
        self.data = data

        if who:
            headline = _(
                "%(user)s saved this record at %(time)s, after you opened it. Nothing is "
                "saved yet: check the form below, then save again."
            )
        else:
            headline = _(
                "Someone else saved this record after you opened it. Nothing is saved yet: "
                "check the form below, then save again."
            )
        self.add_error(None, headline % who)
        if kept:
            self.add_error(
                None,
                _("Fields only they changed now hold their values, so saving again keeps them."),
            )
        if both:
            self.add_error(
                None,
                _(
                    "Fields you both changed show both versions. The form holds yours: saving "
                    "again saves it, unless you copy theirs."
                ),
            )
        for opts in rows:
            self.add_error(
                None,
                _(
                    "“%(rows)s” were changed too. They are shown as you left them: saving "
                    "again saves them as shown, over the other changes to them."
                )
                % {"rows": opts.verbose_name_plural},
            )
        for field in kept:
            if who:
                note = _("Changed by %(user)s meanwhile; their value is kept.") % who
            else:
                note = _("Changed by someone else meanwhile; their value is kept.")
            self.add_error(field.name, ValidationError(note, code=KEPT_THEIRS))
        for field, yours in both:
            versions = {**who, "yours": yours, "theirs": shown_value(stored, field)}
            if who:
                message = _(
                    "You both changed this field. Yours: %(yours)s. Saved by %(user)s at "
                    "%(time)s: %(theirs)s."
                )
            else:
                message = _(
                    "You both changed this field. Yours: %(yours)s. Saved meanwhile: %(theirs)s."
                )
            self.add_error(field.name, ValidationError(message, code=BOTH_CHANGED, params=versions))
