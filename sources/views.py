"""The Sources page: every source the site uses, with the records each supports."""

from django.utils.text import capfirst
from django.views.generic import TemplateView

from sources.models import Source, SourceKind, hosted_document_lookups
from sources.provenance import records_citing
from web.views import PageMixin, home_crumb


class SourceListView(PageMixin, TemplateView):
    """Every source the site uses, each with the records that cite it."""

    template_name = "sources_page.html"
    model = Source

    def get_breadcrumbs(self):
        return [(capfirst(Source._meta.verbose_name_plural), None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_source = records_citing()
        sources = Source.objects.select_related(*hosted_document_lookups())
        order = {SourceKind.HOSTED: 0, SourceKind.REPORT: 1, SourceKind.EDITORS_NOTE: 2}
        entries = [
            (source, by_source.get(source.pk, []))
            for source in sorted(
                (source for source in sources if source.is_public),
                key=lambda s: (order.get(s.kind, 3), s.publisher.lower(), str(s.published_on)),
            )
        ]
        context["sources"] = [entry for entry in entries if not entry[0].is_editors_note]
        context["editors_notes"] = [entry for entry in entries if entry[0].is_editors_note]
        context["breadcrumbs"] = [home_crumb(), (capfirst(Source._meta.verbose_name_plural), None)]
        return context
