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

The admin side is ``publishing.admin.PublishableAdmin``; the pieces it uses are here.
"""

import json

from django import forms
from django.contrib.admin.options import IS_POPUP_VAR
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from publishing.models import is_publishable

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


def drafts_by_field(obj):
    """``{field name: [records]}`` of the drafts ``obj`` links (none for a new record)."""
    drafts = {}
    if obj is not None:
        for field, record in linked_drafts(obj):
            drafts.setdefault(field.name, []).append(record)
    return drafts


def publish_linked_box():
    """The "Also publish the drafts it links" box of a Publisher's change form."""
    return forms.BooleanField(
        label=gettext_lazy("Also publish the drafts it links"),
        required=False,
        help_text=gettext_lazy(
            "Publishes the linked records that are drafts (a sector made with “+”, say) "
            "when this record is saved."
        ),
    )


def linked_drafts_warning(obj, drafts, may_publish):
    """The message for a record ``obj`` that links ``drafts`` (``[(field, record)]``)."""
    if may_publish:
        advice = _(
            "Publish them too: tick “Also publish the drafts it links” and save, or "
            "use the action “Publish selected records with the drafts they link”."
        )
    else:
        advice = _("A publisher can publish them together with this record.")
    return _(
        "“%(record)s” links records that are not on the site: %(drafts)s. "
        "Readers see these links as empty until they are published. %(advice)s"
    ) % {"record": obj, "drafts": describe(drafts), "advice": advice}


def popup_response_with_state(response, request, obj):
    """The "+" popup's answer names the new record with its state: "Energy (draft)"."""
    data = getattr(response, "context_data", None) or {}
    if IS_POPUP_VAR in request.POST and "popup_response_data" in data:
        popup = json.loads(data["popup_response_data"])
        popup["obj"] = state_label(obj)
        data["popup_response_data"] = json.dumps(popup)
    return response
