"""Sources in the data exports of the public lists (``web.exports``).

A list of records that cite sources mixes in ``SourcedExportsMixin``: each row of its
CSV and JSON exports gives the record's sources, loaded with the records (one query a
chunk of rows, however many rows)::

    class EnterpriseListView(SourcedExportsMixin, PublicFilterView):
        ...
"""


def cited_sources(record, request):
    """Where a record's facts come from, as a list of ``{title, publisher, url, …}``.

    Each cited ``Source`` once, with its date and the facts it supports; an editors' note
    says it is one (``"editors_note": true``), so a value only a note gives (the Far
    Eastern Federal District's ``parent``) is never read as a sourced one. An article of
    this site that is not live shows nowhere, so neither does its source.
    """
    sources = []
    by_source = {}
    for citation in record.citations.all():
        source = citation.source
        if not source.is_public:
            continue
        if source.pk not in by_source:
            link = source.link
            by_source[source.pk] = {
                "title": source.title or None,
                "publisher": source.publisher or None,
                "url": request.build_absolute_uri(link) if link else None,
                "original_url": source.url or None,
                "kind": source.kind,
                # Two reports of one outlet stay apart by their dates.
                "published_on": (source.published_on.isoformat() if source.published_on else None),
                "editors_note": source.is_editors_note,
                "supports": [],
            }
            sources.append(by_source[source.pk])
        by_source[source.pk]["supports"].append(citation.supports)
    return sources


class SourcedExportsMixin:
    """For a public list (``web.views.PublicFilterView``) of records that cite sources:
    its exports give each record's sources (``cited_sources``), prefetched with the
    records (``CitingQuerySet.with_sources``; nothing more if the page's records have
    them already)."""

    export_sources = staticmethod(cited_sources)

    def get_export_queryset(self):
        return super().get_export_queryset().with_sources()
