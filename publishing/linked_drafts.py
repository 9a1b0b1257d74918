"""Links to drafts, made visible in the admin.

A record created from a related field's "+" popup is a draft, and a link to a record
that is not live shows on the site as if it were empty ("Sector: not stated"), so an
editor can think the save failed. So:

- the popup hands back the new record's name with its state ("Energy (draft)"), and
  a linked record's state follows its name in the field, with a help text saying what
  readers see;
- saving or publishing a record that links drafts says which, with what to do;
- a Publisher can publish the linked drafts together: the "Also publish the drafts it
  links" box on the form, or the action "Publish selected records with the drafts
  they link".
"""

import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import flatten_fieldsets
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from publishing.models import EditorialStatus, can_publish, is_publishable

PUBLISH_LINKED = "publish_linked_drafts"


def state_label(record):
    """``"Energy (draft)"`` for a record not on the site, its plain name if it is."""
    if record.is_live:
        return str(record)
    return _("%(name)s (%(state)s)") % {
        "name": record,
        "state": str(record.publication_state().label).lower(),
    }


def linked_fields(model):
    """The model's links (foreign keys, many-to-many) to publishable records."""
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete
        and (field.many_to_one or field.many_to_many)
        and is_publishable(field.related_model)
        and field.related_model is not model
    ]


def linked_drafts(obj):
    """``[(field, record)]`` of the records ``obj`` links that are not live."""
    found = []
    for field in linked_fields(type(obj)):
        if field.many_to_one:
            record = getattr(obj, field.name)
            if record is not None and not record.is_live:
                found.append((field, record))
        elif obj.pk is not None:
            found.extend(
                (field, record) for record in getattr(obj, field.name).all() if not record.is_live
            )
    return found


def describe(drafts):
    return "; ".join(
        f"{str(field.verbose_name).capitalize()}: “{state_label(record)}”"
        for field, record in drafts
    )


class LinkedStateForm(forms.BaseForm):
    """Each link to a publishable record names the record's state; a draft gets a note."""

    linked_drafts = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None or not is_publishable(queryset.model):
                continue
            field.label_from_instance = state_label
            if name in self.linked_drafts:
                names = ", ".join(f"“{record}”" for record in self.linked_drafts[name])
                note = _(
                    "%(names)s is not on the site yet, so readers see this field as empty "
                    "until it is published."
                ) % {"names": names}
                field.help_text = f"{field.help_text} {note}".strip()


class LinkedDraftsMixin:
    """For a PublishableAdmin (see the module docstring)."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        if can_publish(request.user, self.model):
            action = self.get_action("publish_with_linked_drafts")
            actions[action[1]] = action
        return actions

    def get_form(self, request, obj=None, change=False, **kwargs):
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        if kwargs["fields"] is not None:
            # The box is a form field, not a model field: not one of the model form's.
            kwargs["fields"] = [name for name in kwargs["fields"] if name != PUBLISH_LINKED]
        form = super().get_form(request, obj, change=change, **kwargs)
        drafts = {}
        if obj is not None:
            for field, record in linked_drafts(obj):
                drafts.setdefault(field.name, []).append(record)
        attrs = {"linked_drafts": drafts}
        if can_publish(request.user, self.model) and linked_fields(self.model):
            attrs[PUBLISH_LINKED] = forms.BooleanField(
                label=gettext_lazy("Also publish the drafts it links"),
                required=False,
                help_text=gettext_lazy(
                    "Publishes the linked records that are drafts (a sector made with “+”, "
                    "say) when this record is saved."
                ),
            )
        return type(form.__name__, (LinkedStateForm, form), attrs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not can_publish(request.user, self.model) or not linked_fields(self.model):
            return fieldsets
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != PUBLISH_LINKED]})
            for name, options in fieldsets
        ]
        *rest, (name, options) = fieldsets
        return [*rest, (name, {**options, "fields": [*options["fields"], PUBLISH_LINKED]})]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        drafts = linked_drafts(obj)
        if drafts and form.cleaned_data.get(PUBLISH_LINKED):
            published = self.publish_records(request, [record for _field, record in drafts])
            drafts = linked_drafts(obj)
            if published:
                self.message_user(
                    request,
                    _("Also published: %(names)s.")
                    % {"names": ", ".join(f"“{record}”" for record in published)},
                    messages.SUCCESS,
                )
        if drafts:
            self.warn_linked_drafts(request, [(obj, drafts)])

    def warn_linked_drafts(self, request, records):
        """``records``: ``[(record, [(field, draft)])]``."""
        for obj, drafts in records:
            if can_publish(request.user, self.model):
                advice = _(
                    "Publish them too: tick “Also publish the drafts it links” and save, or "
                    "use the action “Publish selected records with the drafts they link”."
                )
            else:
                advice = _("A publisher can publish them together with this record.")
            self.message_user(
                request,
                _(
                    "“%(record)s” links records that are not on the site: %(drafts)s. "
                    "Readers see these links as empty until they are published. %(advice)s"
                )
                % {"record": obj, "drafts": describe(drafts), "advice": advice},
                messages.WARNING,
            )

    def publish_records(self, request, records):
        """Publish each draft of ``records`` the user may publish; history and log say who."""
        published = []
        for record in records:
            if record.status == EditorialStatus.PUBLISHED:
                continue
            if not can_publish(request.user, type(record)):
                continue
            record.status = EditorialStatus.PUBLISHED
            record._history_user = request.user
            record.save(update_fields=["status"])
            self.log_change(request, record, [{"changed": {"fields": ["status"]}}])
            published.append(record)
        return published

    @admin.action(description=gettext_lazy("Publish selected records with the drafts they link"))
    def publish_with_linked_drafts(self, request, queryset):
        if not can_publish(request.user, self.model):
            return
        records = list(queryset)
        linked = self.publish_records(
            request, [draft for obj in records for _field, draft in linked_drafts(obj)]
        )
        count = len(self.publish_records(request, records))
        self.message_user(
            request,
            ngettext(
                "%(count)d record published, with %(linked)d linked draft(s).",
                "%(count)d records published, with %(linked)d linked draft(s).",
                count,
            )
            % {"count": count, "linked": len(linked)},
            messages.SUCCESS,
        )
        left = [(obj, drafts) for obj in records if (drafts := linked_drafts(obj))]
        self.warn_linked_drafts(request, left)

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        data = getattr(response, "context_data", None) or {}
        if IS_POPUP_VAR in request.POST and "popup_response_data" in data:
            # The field that opened the popup shows "Energy (draft)", not just "Energy".
            popup = json.loads(data["popup_response_data"])
            popup["obj"] = state_label(obj)
            data["popup_response_data"] = json.dumps(popup)
        return response
