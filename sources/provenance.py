"""Which records cite which sources: the Sources page and an article's "facts from it".

Every model that cites sources has its own concrete citation model
(``publishing.models.Citation``); these helpers read them all, one query per citation
model, so a page's query count does not grow with sources or records.
"""

from django.db.models import prefetch_related_objects
from django.utils.text import capfirst

from publishing.models import is_publishable, live_q
from sources.models import citation_models


def records_citing(sources=None):
    """The live records citing each source, by kind of record.

    ``{source id: [(heading, [(record, [what it supports, ...]), ...]), ...]}``;
    ``sources`` narrows to those sources (all when None). Headings are the cited models'
    plural names. Records that are not live are left out, as everywhere on the public
    site. One query per citation model.
    """
    found = {}
    for model in sorted(citation_models(), key=lambda m: str(m._meta.verbose_name_plural)):
        record_model = model._meta.get_field("record").related_model
        citations = model.objects.select_related("record")
        if is_publishable(record_model):
            citations = citations.filter(live_q(record_model, "record__"))
        if sources is not None:
            citations = citations.filter(source__in=[source.pk for source in sources])
        heading = capfirst(record_model._meta.verbose_name_plural)
        for citation in citations.order_by("source_id", "record__slug", "supports"):
            records = found.setdefault(citation.source_id, {}).setdefault(heading, {})
            _record, supports = records.setdefault(citation.record_id, (citation.record, []))
            supports.append(citation.get_supports_display())
    return {
        source_id: [(heading, list(records.values())) for heading, records in groups.items()]
        for source_id, groups in found.items()
    }


def states_part_of(record):
    """Whether a source (not an editors' note) states that ``record`` lies within its
    larger record (a citation for ``part_of``): uses the prefetched citations."""
    return any(
        citation.supports == "part_of"
        and citation.source.is_public
        and not citation.source.is_editors_note
        for citation in record.citations.all()
    )


def stated_chain(record):
    """``record.ancestors()`` up to the first link no source states: Sakha lies in the Far
    Eastern Federal District (the decree), the district in the Russian Far East only by an
    editors' note, so Sakha's stated chain stops at the district. One query for the
    chain's citations (none when they are loaded)."""
    chain = [record, *record.ancestors()]
    children = chain[:-1]
    prefetch_related_objects(children, "citations")
    stated = []
    for child, larger in zip(children, chain[1:], strict=True):
        if not states_part_of(child):
            break
        stated.append(larger)
    return stated
