"""The admin bases of the content apps, and who may publish.

The bases, each building on the one before and owning the hooks its docstring names:

- ``SafeAdmin`` (``publishing.safe_admin``): the rules every admin follows: private
  fields, only the offered filters, cut searches, the edit lock on every form.
- ``HistoryAdmin`` (``publishing.history``): history with compare and revert, one
  version per save.
- ``TranslatedHistoryAdmin``: the same for a translated model, with the translations
  each record lacks.
- ``PublishableAdmin``: a publishable, translated model: who may publish, the
  publication state, the publish actions, the drafts a record links.

Other apps add what they own on ``SafeAdmin``, so that an admin lists the bases it
needs in any order: ``sources.admin.CitingAdmin`` (the sources a record cites) and
``exchange.admin.ImportExportAdmin`` (bulk import and export).

The publishing rule holds on every route that writes: the change form (the
publication fields are read-only for Editors, and ``save_model`` keeps the stored
state whatever is posted), reverting to an old version (same ``save_model``), the
publish actions (only for users with the model's ``publish_`` permission) and bulk
import (``exchange.resources.PublishableResource``).
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from publishing.dashboard import PublicationFilter
from publishing.history import HistoryAdmin
from publishing.linked_drafts import (
    PUBLISH_LINKED,
    LinkedStateForm,
    drafts_by_field,
    linked_drafts,
    linked_drafts_warning,
    linked_fields,
    popup_response_with_state,
    publish_linked_box,
)
from publishing.models import PUBLICATION_FIELDS, EditorialStatus, PublicVisibility, can_publish
from publishing.revision_admin import RevisionAdminMixin
from publishing.safe_admin import SafeAdmin, SafeAdminMixin
from publishing.translation_status import TranslationStatusMixin

__all__ = [
    "HistoryAdmin",
    "PublishableAdmin",
    "SafeAdmin",
    "SafeAdminMixin",
    "TranslatedHistoryAdmin",
    "keep_publication_state",
]


def keep_publication_state(obj):
    """Undo any change to ``obj``'s publication fields: the stored ones, or a draft if new."""
    stored = None
    if obj.pk is not None:
        stored = type(obj).objects.filter(pk=obj.pk).values(*PUBLICATION_FIELDS).first()
    if stored is None:
        obj.status, obj.publish_at, obj.expires_at = EditorialStatus.DRAFT, None, None
    else:
        for name, value in stored.items():
            setattr(obj, name, value)


class TranslatedHistoryAdmin(TranslationStatusMixin, HistoryAdmin, TranslationAdmin):
    """``HistoryAdmin`` for a model with translated fields (django-modeltranslation).

    Adds to ``get_list_display`` and ``get_list_filter`` the translations each record
    lacks (``publishing.translation_status``); modeltranslation's ``TranslationAdmin``
    gives the form one field per language.
    """


class StaysOnTheSiteForm:
    """For someone who may not unpublish: an edit may not take a live record off the site.

    Linking a live record to one it cannot exist without that is not live (a city to
    a draft region, say) would hide it as surely as unpublishing it.
    """

    def _post_clean(self):
        super()._post_clean()  # puts the form's values on the instance
        hidden = self.instance.unpublished_parents()
        if hidden:
            names = ", ".join(f"“{record}”" for record in hidden)
            self.add_error(
                None,
                _(
                    "%(names)s is not published, so this record would disappear from the "
                    "site. Only a publisher can do that."
                )
                % {"names": names},
            )


class PublishableAdmin(RevisionAdminMixin, TranslatedHistoryAdmin):
    """Admin for a publishable, translated model: who may publish, and the state shown.

    Hooks it owns, on top of ``TranslatedHistoryAdmin``'s:

    - ``has_publish_permission`` (the model's ``publish_`` permission) and ``actions``:
      publish, unpublish, and publish with the drafts a record links, all three only
      for users with that permission.
    - ``get_readonly_fields``: the publication fields, for anyone who may not publish.
    - ``get_fieldsets``: the publication fields in their own last section, with the
      "Also publish the drafts it links" box for a Publisher.
    - ``get_form``: each link names the linked record's state (``publishing.linked_drafts``);
      for someone who may not publish, an edit may not take a live record off the site.
    - ``save_model``: whatever is posted, someone who may not publish keeps the
      stored publication state (this covers reverting to an old version too).
    - ``save_related``: publishes the linked drafts if asked, else warns of them.
    - From ``RevisionAdminMixin`` (``publishing.revision_admin``): someone who may not
      publish saves a record that is on the site as its pending revision, which a
      Publisher publishes, schedules or sends back.
    - ``response_add``: the "+" popup names the new record with its state.
    - ``get_list_display`` and ``get_list_filter``: the "publication" column and the
      status and "on the site" filters.
    """

    actions = ["publish", "unpublish", "publish_with_linked_drafts", "publish_revisions"]

    def has_publish_permission(self, request, obj=None):
        return can_publish(request.user, self.model)

    # The change form.
    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request, obj):
            fields += [name for name in PUBLICATION_FIELDS if name not in fields]
        return fields

    def get_fieldsets(self, request, obj=None):
        """The model's own fields first, then the publication fields in their own section."""
        ours = {*PUBLICATION_FIELDS, PUBLISH_LINKED}
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f not in ours]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        publication = {"fields": list(PUBLICATION_FIELDS), "description": None}
        if not self.has_publish_permission(request, obj):
            publication["description"] = _("Only a publisher can publish, schedule or unpublish.")
        elif linked_fields(self.model):
            publication["fields"].append(PUBLISH_LINKED)
        return [*fieldsets, (_("Publication"), publication)]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        if kwargs["fields"] is not None:
            # The box is a form field, not a model field: not one of the model form's.
            kwargs["fields"] = [name for name in kwargs["fields"] if name != PUBLISH_LINKED]
        form = super().get_form(request, obj, change=change, **kwargs)
        bases = [LinkedStateForm, form]
        attrs = {"linked_drafts": drafts_by_field(obj)}
        if self.has_publish_permission(request, obj):
            if linked_fields(self.model):
                attrs[PUBLISH_LINKED] = publish_linked_box()
        elif obj is not None and self._on_the_site(obj):
            bases.insert(0, StaysOnTheSiteForm)
        return type(form.__name__, tuple(bases), attrs)

    def _on_the_site(self, obj):
        # The record as stored: when reverting, ``obj`` is the old version, whose state
        # says nothing about whether the record is on the site now.
        stored = self.model._default_manager.filter(pk=obj.pk).first()
        return stored is not None and stored.is_live and not stored.unpublished_parents()

    def save_model(self, request, obj, form, change):
        # Defence in depth: the fields are read-only for Editors, but a tampered form or
        # a revert to a published version must not publish either.
        if not self.has_publish_permission(request, obj):
            keep_publication_state(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        drafts = linked_drafts(obj)
        if drafts and form.cleaned_data.get(PUBLISH_LINKED):
            published = self._set_status(
                request, [record for _field, record in drafts], EditorialStatus.PUBLISHED
            )
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

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        return popup_response_with_state(response, request, obj)

    # The change list.
    def get_list_display(self, request):
        return [*super().get_list_display(request), "publication"]

    def get_list_filter(self, request):
        return ["status", PublicationFilter, *super().get_list_filter(request)]

    @admin.display(description=_("publication"), ordering="status")
    def publication(self, obj):
        state = obj.publication_state()
        if state == PublicVisibility.SCHEDULED:
            when = date_format(localtime(obj.publish_at), "SHORT_DATETIME_FORMAT")
            return _("Scheduled for %(time)s") % {"time": when}
        if state == PublicVisibility.EXPIRED:
            return _("Expired")
        return state.label

    # The actions.
    @admin.action(
        description=_("Publish selected %(verbose_name_plural)s"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        count = len(self._set_status(request, queryset, EditorialStatus.PUBLISHED))
        self.message_user(
            request,
            ngettext(
                "%(count)d record published; it is on the site from its go-live time.",
                "%(count)d records published; they are on the site from their go-live time.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
        self.warn_linked_drafts(
            request, [(obj, drafts) for obj in queryset if (drafts := linked_drafts(obj))]
        )

    @admin.action(
        description=_("Unpublish selected %(verbose_name_plural)s"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        count = len(self._set_status(request, queryset, EditorialStatus.DRAFT))
        self.message_user(
            request,
            ngettext(
                "%(count)d record unpublished; it is no longer on the site.",
                "%(count)d records unpublished; they are no longer on the site.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Publish selected records with the drafts they link"),
        permissions=["publish"],
    )
    def publish_with_linked_drafts(self, request, queryset):
        records = list(queryset)
        linked = self._set_status(
            request,
            [draft for obj in records for _field, draft in linked_drafts(obj)],
            EditorialStatus.PUBLISHED,
        )
        count = len(self._set_status(request, records, EditorialStatus.PUBLISHED))
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

    def _set_status(self, request, records, status):
        """Give ``status`` to each of ``records`` the user may publish and that lacks it.

        Each is saved, so that history and the admin log record who did it; the
        records changed are returned.
        """
        changed = []
        for record in records:
            if record.status == status or not can_publish(request.user, type(record)):
                continue
            record.status = status
            record._history_user = request.user
            record.save(update_fields=["status"])
            self.log_change(request, record, [{"changed": {"fields": ["status"]}}])
            changed.append(record)
        return changed

    def warn_linked_drafts(self, request, records):
        """``records``: ``[(record, [(field, draft)])]``."""
        may_publish = self.has_publish_permission(request)
        for obj, drafts in records:
            self.message_user(
                request, linked_drafts_warning(obj, drafts, may_publish), messages.WARNING
            )
