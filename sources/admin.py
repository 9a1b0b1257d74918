"""Sources and citations in the admin.

``CitingAdmin`` is what the admin of a model that cites sources adds: an inline of
its citations on the change form, and a "sources cited" column and a "cited" filter
on its change list, so editors see which records cite no source (as
``publishing.translation_status`` shows which lack a translation). The content
apps' admins list it with the other bases they need, in any order::

    class RegionAdmin(PublishableAdmin, CitingAdmin, ImportExportAdmin): ...

The admin of the sources themselves is registered here.
"""

from django.contrib import admin
from django.db import models as db_models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from publishing.admin import HistoryAdmin, SafeAdmin
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
    list_display = ["__str__", "kind", "publisher", "published_on", "language"]
    list_filter = ["kind", "language"]
    search_fields = ["slug", "publisher", "title", "url"]
    prepopulated_fields = {"slug": ["publisher", "title"]}
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}
    date_hierarchy = "published_on"
