"""Admin shared by the content apps: who may publish, history with compare, bulk import.

The publishing rule holds on every route that writes: the change form (the
publication fields are read-only for Editors, and ``save_model`` keeps the stored
state whatever is posted), reverting to an old version (same ``save_model``), the
publish and unpublish actions (only for users with the model's ``publish_``
permission) and bulk import (``exchange.resources.PublishableResource``).
"""

from itertools import islice

from django.contrib import admin, messages
from django.contrib.admin.exceptions import DisallowedModelAdminLookup
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import Model
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.text import capfirst, smart_split
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from exchange.importing import LimitedImportMixin
from publishing.dashboard import PublicationFilter
from publishing.dashboard import install as install_dashboard
from publishing.history import HistoryOnceMixin
from publishing.linked_drafts import LinkedDraftsMixin, linked_drafts
from publishing.locking import FINGERPRINT_FIELD, FingerprintForm
from publishing.models import PUBLICATION_FIELDS, EditorialStatus, PublicVisibility, can_publish
from publishing.translation_status import TranslationStatusMixin
from sources.admin import CitationStatusMixin
from sources.admin import register as register_sources


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


# Search: longer terms or more words than this are cut (a search is for finding, and
# thousands of words would build a query the database refuses).
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 10
# The largest id any database integer column holds; a larger one in an address is a 404.
MAX_DATABASE_INTEGER = 2**63 - 1


class OfferedFiltersChangeList(ChangeList):
    """A change list filtered only by the filters its admin offers (and its date hierarchy).

    Django's change list accepts any lookup on the model's own fields in the query
    string (``?email__startswith=a``), and its result count then answers questions
    about fields the filters do not offer. Here whatever no filter took is refused
    (a 400), so that nothing is counted.
    """

    def get_filters(self, request):
        asked = set(self.get_filters_params())
        specs, has_filters, remaining, duplicates, active = super().get_filters(request)
        unoffered = sorted(key for key in remaining if key in asked)
        if unoffered:
            raise DisallowedModelAdminLookup(f"Filtering by {', '.join(unoffered)} is not offered")
        return specs, has_filters, remaining, duplicates, active


def _root(path):
    """The model field a lookup path or search field starts from: "email" of "^email__x"."""
    return str(path).lstrip("^=@").split(LOOKUP_SEP)[0]


class SafeAdminMixin:
    """What every model admin of the site shares.

    - **Private fields.** ``private_fields`` are shown only to staff who may change
      the model (replies: the moderators). For anyone else they are left out of every
      route: the forms, the change-list columns, filters, search, sorting, lookups in
      the address, export and autocomplete.
    - **Only the offered filters.** A change list is filtered by its own filters and
      nothing else (``OfferedFiltersChangeList``); any other lookup is a 400.
    - **No lost updates.** Every change form and revert form carries a fingerprint of
      the record as opened and refuses to overwrite a later save (``publishing.locking``).
    - **Bad input is not a server error**: over-long searches are cut, ids that are
      not ids are a 404.
    """

    form = FingerprintForm
    private_fields = ()

    def may_see_private_fields(self, request):
        return self.has_change_permission(request)

    def hidden_fields(self, request):
        """The fields this user may not see, filter, search, sort or export."""
        if not self.private_fields or self.may_see_private_fields(request):
            return ()
        return tuple(self.private_fields)

    def _visible(self, request, names):
        hidden = self.hidden_fields(request)
        return [name for name in names if callable(name) or _root(name) not in hidden]

    # The form: private fields left out; the fingerprint on every change form.
    def get_fields(self, request, obj=None):
        fields = self._visible(request, super().get_fields(request, obj))
        return [name for name in fields if name != FINGERPRINT_FIELD]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": self._visible(request, options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]
        locks = issubclass(self.form, FingerprintForm)  # an admin's own form may not be one
        if locks and obj is not None and self.has_change_permission(request, obj) and fieldsets:
            name, options = fieldsets[0]
            fieldsets[0] = (name, {**options, "fields": [*options["fields"], FINGERPRINT_FIELD]})
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return self._visible(request, super().get_readonly_fields(request, obj))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"model_admin": self, "request": request})

    # The change list: columns, filters, search, sorting and lookups.
    def get_list_display(self, request):
        return self._visible(request, super().get_list_display(request))

    def get_list_filter(self, request):
        hidden = self.hidden_fields(request)
        return [
            item
            for item in super().get_list_filter(request)
            if _root(item[0] if isinstance(item, list | tuple) else item) not in hidden
        ]

    def get_search_fields(self, request):
        return self._visible(request, super().get_search_fields(request))

    def get_sortable_by(self, request):
        hidden = self.hidden_fields(request)
        sortable = []
        for name in super().get_sortable_by(request):
            ordering = getattr(getattr(self, str(name), None), "admin_order_field", None)
            if _root(name) not in hidden and (ordering is None or _root(ordering) not in hidden):
                sortable.append(name)
        return sortable

    def lookup_allowed(self, lookup, value, request=None):
        if request is not None and _root(lookup) in self.hidden_fields(request):
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_changelist(self, request, **kwargs):
        return OfferedFiltersChangeList

    def get_search_results(self, request, queryset, search_term):
        words = list(islice(smart_split(search_term[:MAX_SEARCH_LENGTH]), MAX_SEARCH_WORDS + 1))
        if len(search_term) > MAX_SEARCH_LENGTH or len(words) > MAX_SEARCH_WORDS:
            search_term = " ".join(words[:MAX_SEARCH_WORDS])
            self.message_user(
                request,
                _("The search was shortened to its first %(words)d words (%(chars)d characters).")
                % {"words": MAX_SEARCH_WORDS, "chars": MAX_SEARCH_LENGTH},
                messages.WARNING,
                fail_silently=True,
            )
        return super().get_search_results(request, queryset, search_term)


class SafeAdmin(SafeAdminMixin, admin.ModelAdmin):
    """A plain model admin with the rules every admin of the site follows."""


def lock_down(site):
    """Give the same rules to the admins other packages register (auth's users and groups,
    axes' login attempts): only the offered filters, cut searches. Their own forms stay
    (they carry no edit lock). Called once every admin is registered (CoreConfig.ready).
    """
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, SafeAdminMixin):
            continue
        cls = type(model_admin)
        site.unregister(model)
        site.register(model, type(cls.__name__, (SafeAdminMixin, cls), {"form": cls.form}))


def usable_id(model, value):
    """Whether ``value`` (from an address) can be an id of ``model``: else a 404, not a crash."""
    try:
        value = model._meta.pk.to_python(unquote(value))
    except (ValidationError, ValueError, TypeError):
        return False
    return not isinstance(value, int) or abs(value) <= MAX_DATABASE_INTEGER


class HistoryCompareMixin:
    """A page comparing any two versions of a record, linked from its history page."""

    object_history_list_template = "admin/core/object_history_list.html"
    history_compare_template = "admin/core/history_compare.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.history_compare_view),
            name="{}_{}_history_compare".format(*info),
        )
        # Before simple-history's "<id>/history/<version>/", which would take "compare".
        return [compare, *super().get_urls()]

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
            changes = [
                (
                    self._field_label(change.field),
                    *self._shown(change.field, change.old, change.new),
                )
                for change in delta.changes
                if change.field not in self.hidden_fields(request)
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


class HistoryAdmin(SafeAdminMixin, HistoryOnceMixin, HistoryCompareMixin, SimpleHistoryAdmin):
    """A model whose changes are recorded: history page, compare, revert."""


class TranslatedHistoryAdmin(
    SafeAdminMixin,
    TranslationStatusMixin,
    HistoryOnceMixin,
    HistoryCompareMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    """The same for a model with translated fields, showing which translations are missing."""


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


class PublishableAdmin(LinkedDraftsMixin, CitationStatusMixin, TranslatedHistoryAdmin):
    """Admin for a publishable, translated model: roles, publish actions, history, citations."""

    actions = ["publish", "unpublish"]

    def has_publish_permission(self, request, obj=None):
        return can_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request, obj):
            fields += [name for name in PUBLICATION_FIELDS if name not in fields]
        return fields

    def get_fieldsets(self, request, obj=None):
        """The model's own fields first, then the publication fields in their own section."""
        fieldsets = [
            (
                name,
                {
                    **options,
                    "fields": [f for f in options["fields"] if f not in PUBLICATION_FIELDS],
                },
            )
            for name, options in super().get_fieldsets(request, obj)
        ]
        description = None
        if not self.has_publish_permission(request, obj):
            description = _("Only a publisher can publish, schedule or unpublish.")
        publication = {"fields": list(PUBLICATION_FIELDS), "description": description}
        return [*fieldsets, (_("Publication"), publication)]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "publication"]

    def get_list_filter(self, request):
        return ["status", PublicationFilter, *super().get_list_filter(request)]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or self.has_publish_permission(request, obj):
            return form
        # The record as stored: when reverting, ``obj`` is the old version, whose state
        # says nothing about whether the record is on the site now.
        stored = self.model._default_manager.filter(pk=obj.pk).first()
        if stored is None or not stored.is_live or stored.unpublished_parents():
            return form  # not on the site: nothing to hide
        return type(form.__name__, (StaysOnTheSiteForm, form), {})

    def save_model(self, request, obj, form, change):
        # Defence in depth: the fields are read-only for Editors, but a tampered form or
        # a revert to a published version must not publish either.
        if not self.has_publish_permission(request, obj):
            keep_publication_state(obj)
        super().save_model(request, obj, form, change)

    @admin.display(description=_("publication"), ordering="status")
    def publication(self, obj):
        state = obj.publication_state()
        if state == PublicVisibility.SCHEDULED:
            when = date_format(localtime(obj.publish_at), "SHORT_DATETIME_FORMAT")
            return _("Scheduled for %(time)s") % {"time": when}
        if state == PublicVisibility.EXPIRED:
            return _("Expired")
        return state.label

    @admin.action(
        description=_("Publish selected %(verbose_name_plural)s"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        count = self._set_status(request, queryset, EditorialStatus.PUBLISHED)
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
        count = self._set_status(request, queryset, EditorialStatus.DRAFT)
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

    def _set_status(self, request, queryset, status):
        """Save each record, so that history and the admin log record who did it."""
        count = 0
        for obj in queryset.exclude(status=status):
            obj.status = status
            obj._history_user = request.user
            obj.save(update_fields=["status"])
            self.log_change(request, obj, [{"changed": {"fields": ["status"]}}])
            count += 1
        return count


class ImportExportAdmin(LimitedImportMixin, ImportExportMixin):
    """Bulk import and export (CSV, XLSX) with this project's rules.

    Import needs the add and change permissions; export the view permission, and it
    exports what the changelist shows with its current filters and search. An import
    is all-or-nothing: a preview lists every invalid row by number, and the final
    step rolls everything back if any row fails.
    """

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def get_data_for_export(self, request, queryset, **kwargs):
        """The chosen columns, less any field this user may not see (``hidden_fields``)."""
        hidden = set(self.hidden_fields(request))
        if not hidden:
            return super().get_data_for_export(request, queryset, **kwargs)
        form = kwargs.get("export_form")
        resource = self.choose_export_resource_class(form, request)(
            **self.get_export_resource_kwargs(request, **kwargs)
        )
        chosen = self.get_export_resource_fields_from_form(form) or list(resource.fields)
        allowed = [
            name
            for name in chosen
            if name not in hidden
            and _root(getattr(resource.fields.get(name), "attribute", None) or name) not in hidden
        ]
        return resource.export(queryset=queryset, export_fields=allowed, **kwargs)


register_sources(admin.site, HistoryAdmin)
# The branded admin whose front page is the editors' dashboard (core/dashboard.py).
install_dashboard(admin.site)
