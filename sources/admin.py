"""Sources and citations in the admin.

Every model that cites sources gets, through ``publishing.admin.PublishableAdmin``, an
inline of its citations on the change form, and a "citations" column and a "cited"
filter on its change list, so editors see which records cite no source (as
``publishing.translation_status`` shows which lack a translation).
"""

from django.contrib import admin
from django.db import models as db_models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from sources.models import Source, has_citations


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


class CitationStatusMixin:
    """For the admin of a model that cites sources: the inline, a column and a filter."""

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if has_citations(self.model):
            inlines.append(citation_inline(self.model))
        return inlines

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if has_citations(self.model):
            queryset = queryset.annotate(citation_count=Count("citations", distinct=True))
        return queryset

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        return [*columns, "sources_cited"] if has_citations(self.model) else columns

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        return [*filters, CitedFilter] if has_citations(self.model) else filters

    @admin.display(description=_("sources cited"), ordering="citation_count")
    def sources_cited(self, obj):
        """How many citations the record has; "none" stands out for a record with none."""
        count = getattr(obj, "citation_count", None)
        if count is None:
            count = obj.citations.count()
        return count or _("none")


class SourceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "publisher", "published_on", "language"]
    list_filter = ["kind", "language"]
    search_fields = ["slug", "publisher", "title", "url"]
    prepopulated_fields = {"slug": ["publisher", "title"]}
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}
    date_hierarchy = "published_on"


def register(site, history_admin):
    """Register Source on ``site`` with the editorial history (``history_admin`` mixed in)."""
    site.register(Source, type("SourceAdmin", (history_admin, SourceAdmin), {}))
