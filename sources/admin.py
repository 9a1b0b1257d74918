"""Sources and citations in the admin.

``CitingAdmin`` is what the admin of a model that cites sources adds: an inline of
its citations on the change form, and a "sources cited" column and a "cited" filter
on its change list, so editors see which records cite no source (as
``publishing.translation_status`` shows which lack a translation). The content
apps' admins list it with the other bases they need, in any order::

    class RegionAdmin(PublishableAdmin, CitingAdmin, ImportExportAdmin): ...

The admin of the sources themselves is registered here. Sources follow the publish
rule of the content: an Editor's new source is a draft (shown nowhere), a Publisher
publishes it, and an Editor may change neither a source's status nor the kind of a
published source that records cite (a kind can hide it, as an unpublished article).
"""

from django.contrib import admin, messages
from django.db import models as db_models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from publishing.admin import HistoryAdmin, SafeAdmin
from publishing.models import EditorialStatus, can_publish
from sources.models import Source


class CitationInline(admin.TabularInline):
    """The sources a record cites; the concrete model is set per record model."""

    extra = 0
    fields = ["source", "supports"]
    autocomplete_fields = ["source"]
    verbose_name = _("citation")
    verbose_name_plural = _("citations: the sources that state this record's facts")


def citation_inline(model):
    """A ``CitationInline`` for ``model``'s citations."""
    citation_model = model._meta.get_field("citations").related_model
    return type(f"{model.__name__}CitationInline", (CitationInline,), {"model": citation_model})


class CitedFilter(admin.SimpleListFilter):
    """ "Cited: no source" lists the records that cite no source at all."""

    title = _("cited")
    parameter_name = "cited"

    def lookups(self, request, model_admin):
        return [("no", _("No source")), ("yes", _("At least one source"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(citation_count=0)
        if self.value() == "yes":
            return queryset.filter(citation_count__gt=0)
        return queryset


class CitingAdmin(SafeAdmin):
    """For the admin of a model that cites sources (one with a ``citations`` relation).

    Hooks it owns: ``get_inlines`` (adds the citations inline after the admin's own)
    and ``get_queryset`` (counts each record's citations, for the column, its sorting
    and the filter). It adds the "sources cited" column to ``get_list_display`` and
    the "cited" filter to ``get_list_filter``, after what the other bases give
    (``super()``).
    """

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), citation_inline(self.model)]

    def get_queryset(self, request):
        citations = Count("citations", distinct=True)
        return super().get_queryset(request).annotate(citation_count=citations)

    def get_list_display(self, request):
        return [*super().get_list_display(request), "sources_cited"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), CitedFilter]

    @admin.display(description=_("sources cited"), ordering="citation_count")
    def sources_cited(self, obj):
        """How many citations the record has; "none" stands out for a record with none."""
        count = getattr(obj, "citation_count", None)
        if count is None:
            count = obj.citations.count()
        return count or _("none")


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    """Sources, with the publish rule: see the module's docstring.

    Hooks it owns: ``get_readonly_fields`` (status, and a cited published source's
    kind, for anyone who may not publish), ``get_changeform_initial_data`` (a new
    source starts as a draft for them), ``save_model`` (whatever is posted or reverted
    to, they keep the stored status and such a kind) and ``get_actions`` (publish and
    unpublish, for Publishers only).
    """

    list_display = ["__str__", "kind", "status", "publisher", "published_on", "language"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["slug", "publisher", "title", "url"]
    prepopulated_fields = {"slug": ["publisher", "title"]}
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}
    date_hierarchy = "published_on"
    actions = ["publish", "unpublish"]

    def may_publish(self, request):
        return can_publish(request.user, self.model)

    def _kind_is_kept(self, obj):
        return obj is not None and obj.status == EditorialStatus.PUBLISHED and obj.is_cited()

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.may_publish(request):
            readonly.append("status")
            if self._kind_is_kept(obj):
                readonly.append("kind")
        return readonly

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if not self.may_publish(request):
            initial["status"] = EditorialStatus.DRAFT
        return initial

    def save_model(self, request, obj, form, change):
        if not self.may_publish(request):
            stored = Source.objects.filter(pk=obj.pk).first() if obj.pk else None
            if stored is None:
                obj.status = EditorialStatus.DRAFT
            else:
                obj.status = stored.status
                if self._kind_is_kept(stored):
                    obj.kind = stored.kind
        super().save_model(request, obj, form, change)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.may_publish(request):
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        return actions

    def _set_status(self, request, queryset, status):
        changed = 0
        for source in queryset.exclude(status=status):
            source.status = status
            source.save(update_fields=["status"])  # one history version each
            changed += 1
        return changed

    @admin.action(description=_("Publish the selected sources"))
    def publish(self, request, queryset):
        if not self.may_publish(request):  # the action is offered to Publishers only
            return
        count = self._set_status(request, queryset, EditorialStatus.PUBLISHED)
        message = ngettext("%(count)d source published.", "%(count)d sources published.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Unpublish the selected sources"))
    def unpublish(self, request, queryset):
        if not self.may_publish(request):
            return
        count = self._set_status(request, queryset, EditorialStatus.DRAFT)
        message = ngettext("%(count)d source unpublished.", "%(count)d sources unpublished.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
