"""Editorial history in the admin: one version per save, compare any two, revert safely.

``HistoryAdmin`` is the admin of a model whose changes django-simple-history records:

- **One version per save**, also for records with recorded many-to-many links.
  django-simple-history records a version on ``post_save``, then another on every
  ``m2m_changed`` (``set()`` sends a removal and an addition), so one admin save of a
  forum with new countries listed two or three versions in its history. Here the
  admin's save records the one version as usual, the link changes that follow record
  none, and that version's snapshot of the links is written again once they are
  saved, so it shows the links as saved.
- **Compare**: a page comparing any two versions of a record, linked from its history.
- **Revert** runs in one transaction, so that the edit lock (``publishing.locking``)
  holds the row until it is written; ids that are not ids are a 404.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import router, transaction
from django.db.models import Model
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import HistoricalRecords
from simple_history.template_utils import HistoricalRecordContextHelper

from publishing.safe_admin import SafeAdmin, usable_id


def recorded_links(model):
    """The many-to-many fields of ``model`` whose links its history records.

    ``HistoricalRecords.m2m_models`` maps each such field (``m2m_fields=[...]`` when
    the model is registered) to the model holding its snapshots.
    """
    return [field for field in model._meta.many_to_many if field in HistoricalRecords.m2m_models]


def refresh_link_snapshot(obj):
    """Rewrite the many-to-many snapshot of ``obj``'s latest version from its links now.

    As django-simple-history writes it: each link row of the through table, copied
    with the version it belongs to.
    """
    fields = recorded_links(type(obj))
    latest = obj.history.first() if fields else None
    if latest is None:
        return
    for field in fields:
        snapshot = HistoricalRecords.m2m_models[field]
        through = field.remote_field.through
        columns = [column.attname for column in through._meta.concrete_fields]
        links = through._default_manager.filter(**{field.m2m_field_name(): obj.pk})
        snapshot._default_manager.filter(history=latest).delete()
        snapshot._default_manager.bulk_create(
            snapshot(history=latest, **link) for link in links.values(*columns)
        )


class ReadableChanges(HistoricalRecordContextHelper):
    """The history list's changes as people read them: "(empty)", never "None"."""

    def prepare_delta_change_value(self, change, value):
        if value is None or value == "" or value == []:
            return _("(empty)")
        return super().prepare_delta_change_value(change, value)


class HistoryAdmin(SafeAdmin, SimpleHistoryAdmin):
    """A model whose changes are recorded: history page, compare, revert.

    Hooks it owns: ``get_urls`` (adds the compare page before simple-history's own),
    ``history_view``, ``history_form_view`` (revert), ``history_compare_view``, and
    ``save_model`` (links saved after it record no version of their own).
    """

    object_history_list_template = "admin/core/object_history_list.html"
    history_compare_template = "admin/core/history_compare.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.history_compare_view),
            name="{}_{}_history_compare".format(*info),
        )
        # Before simple-history's "<id>/history/<version>/", which would take "compare".
        return [compare, *super().get_urls()]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        save_m2m = getattr(form, "save_m2m", None)
        if save_m2m is None or not recorded_links(type(obj)):
            return

        def save_links_in_the_same_version():
            obj.skip_history_when_saving = True
            try:
                save_m2m()
            finally:
                del obj.skip_history_when_saving
            refresh_link_snapshot(obj)

        # Called by save_related() on the change form and by the revert view.
        form.save_m2m = save_links_in_the_same_version

    def history_view(self, request, object_id, extra_context=None):
        if not usable_id(self.model, object_id):
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Revert: ids that are not ids are a 404; the save is one transaction, so that the
        edit lock (``publishing.locking``) holds the row until it is written."""
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute).model
        if not (usable_id(self.model, object_id) and usable_id(history, version_id)):
            raise Http404
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def history_compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_history_or_change_history_permission(request, obj):
            raise PermissionDenied
        versions = list(obj.history.select_related("history_user"))
        by_id = {str(v.history_id): v for v in versions}
        newest = versions[0] if versions else None
        older = versions[1] if len(versions) > 1 else newest
        version_a = by_id.get(request.GET.get("a", ""), older)
        version_b = by_id.get(request.GET.get("b", ""), newest)
        changes = []
        if version_a is not None and version_b is not None and version_a != version_b:
            delta = version_b.diff_against(version_a, foreign_keys_are_objs=True)
            hidden = self.hidden_fields(request)
            changes = [
                (
                    self._field_label(change.field),
                    *self._shown(change.field, change.old, change.new),
                )
                for change in delta.changes
                if change.field not in hidden
            ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions: %s") % obj,
            "opts": self.opts,
            "object": obj,
            "versions": versions,
            "version_a": version_a,
            "version_b": version_b,
            "changes": changes,
            "history_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.history_compare_template, context)

    def _field_label(self, name):
        try:
            return capfirst(self.model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            return name

    def _shown(self, name, *values):
        """Values as a person reads them: choice labels, related records by name."""
        try:
            field = self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return values
        shown = []
        for value in values:
            if field.many_to_many:
                # simple-history gives the through rows, e.g. {"article": …, "region": …}.
                key = field.m2m_reverse_field_name()
                value = ", ".join(sorted(str(row[key]) for row in value or []))
            elif field.choices and value is not None:
                value = dict(field.flatchoices).get(value, value)
            elif isinstance(value, Model):
                value = str(value)
            shown.append(value)
        return shown
