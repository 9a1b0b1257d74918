"""The forms, list filter and helpers of the pending revisions' admin.

The admin itself is ``publishing.revision_admin``.

``RevisionForm`` is the change form's base while a record has a pending revision: it
shows the revision and carries its edit token. ``ScheduleForm`` and ``RejectForm`` are
the Publisher's on the revision's page; ``formset_data`` binds an inline to a
revision's rows.
"""

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from publishing import revisions
from publishing.models import Revision, RevisionStatus

TOKEN_FIELD = "revision_token"


class RevisionForm(forms.ModelForm):
    """Shows the pending revision ``pending`` (set per request) and checks its token."""

    revision_token = forms.CharField(widget=forms.HiddenInput, required=False)
    pending = None
    shown = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            return
        self.initial[TOKEN_FIELD] = self.pending.token if self.pending else ""
        if self.shown is None:
            return
        model = self._meta.model
        data = self.shown.data
        for field in revisions.own_fields(model):
            if field.name in self.fields and field.attname in data[revisions.FIELDS]:
                self.initial[field.name] = revisions._value(
                    model, field.attname, data[revisions.FIELDS][field.attname]
                )
        for name, pks in data.get(revisions.M2M, {}).items():
            if name in self.fields:
                self.initial[name] = pks

    def clean(self):
        cleaned_data = super().clean()
        key = self.add_prefix(TOKEN_FIELD)
        if key not in self.data or self.instance.pk is None:
            return cleaned_data
        current = revisions.pending_revision(self.instance, lock=True)
        if (current.token if current else "") != self.data[key]:
            who = current.created_by if current else None
            self.add_error(
                None,
                gettext(
                    "Someone saved the pending revision of this record after you opened it "
                    "(last by %(user)s at %(time)s). Open the record again to see their "
                    "changes before making yours."
                )
                % {
                    "user": who.get_username() if who else "—",
                    "time": date_format(localtime(current.updated_at), "SHORT_DATETIME_FORMAT")
                    if current
                    else "—",
                },
            )
        return cleaned_data


class ScheduleForm(forms.Form):
    go_live_at = forms.SplitDateTimeField(label=_("Go live at"))

    def clean_go_live_at(self):
        when = self.cleaned_data["go_live_at"]
        if when <= timezone.now():
            raise ValidationError(_("Choose a time in the future."))
        return when


class RejectForm(forms.Form):
    comment = forms.CharField(
        label=_("What should change"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class PendingRevisionFilter(admin.SimpleListFilter):
    title = _("pending revision")
    parameter_name = "revision"

    def lookups(self, request, model_admin):
        return [(status.value, status.label) for status in revisions_pending_statuses()]

    def queryset(self, request, queryset):
        if self.value() not in {status.value for status in revisions_pending_statuses()}:
            return queryset
        ids = Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(queryset.model), status=self.value()
        ).values("object_id")
        return queryset.filter(pk__in=ids)


def revisions_pending_statuses():
    return [
        RevisionStatus.DRAFT,
        RevisionStatus.SUBMITTED,
        RevisionStatus.SCHEDULED,
        RevisionStatus.REJECTED,
    ]


def waiting_counts(request):
    """``{(content type id, status): count}`` of the revisions waiting: one query a request."""
    if not hasattr(request, "waiting_revision_counts"):
        rows = (
            Revision.objects.filter(status__in=[RevisionStatus.SUBMITTED, RevisionStatus.SCHEDULED])
            .values_list("content_type", "status")
            .annotate(count=Count("pk"))
            .order_by()
        )
        request.waiting_revision_counts = {(ct, status): count for ct, status, count in rows}
    return request.waiting_revision_counts


def inline_link(pending, label):
    return pending.data[revisions.INLINES][label]["link"]


def pending_notice(pending):
    return _(
        "This record has a pending revision (%(status)s): the form shows it, the site "
        "shows the published version."
    ) % {"status": pending.get_status_display()}


def formset_data(prefix, model, stored, rows):
    """Data that binds an inline's formset (of ``model``) to the revision's ``rows``."""
    names = {field.attname: field.name for field in model._meta.concrete_fields}
    data = {}
    stored_ids = list(stored.values_list("pk", flat=True))
    kept = {row.get("id") for row in rows}
    existing = [row for row in rows if row.get("id") in stored_ids]
    deleted = [{"id": pk, "DELETE": "on"} for pk in stored_ids if pk not in kept]
    new = [row for row in rows if row.get("id") not in stored_ids]
    ordered = [*existing, *deleted, *new]
    for index, row in enumerate(ordered):
        for key, value in row.items():
            name = "id" if key == "id" else names.get(key, key)
            if key == "id" and row not in existing and row not in deleted:
                continue
            if value is None or value is False:
                continue
            data[f"{prefix}-{index}-{name}"] = "on" if value is True else str(value)
    data[f"{prefix}-TOTAL_FORMS"] = str(len(ordered))
    data[f"{prefix}-MIN_NUM_FORMS"] = "0"
    data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    data[f"{prefix}-INITIAL_FORMS"] = str(len(existing) + len(deleted))
    return data
