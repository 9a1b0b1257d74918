"""Where each fact comes from, on every page.

``{% cited record %}`` gives the record's citations grouped by source: the sources
(``.sources``, each ``(source, [what it states, ...])``) and the editors' notes
(``.notes``), from the ``citations`` prefetched by ``publishing.models.with_sources``.
``{% cited record "exhibitor_counts" %}`` keeps the citations for those facts only
(several: ``"dates_and_city,year"``), for a figure that shows its own source.
``{% source_cell %}`` writes a fact's note marks, ``{% page_sources %}`` gives the page's
list of sources (``sources.notes``), ``{% source_name %}`` and ``{% editors_note %}`` write
a full citation, with the templates templates/includes/source_*.html and sources.html.
"""

from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from django import template
from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils.translation import get_language, gettext, pgettext
from modeltranslation.utils import build_localized_fieldname

from sources.notes import page_notes
from sources.provenance import stated_chain

register = template.Library()

# The languages a source may be written in, named for "(in English)" after its title.
LANGUAGE_NOTES = {
    "en": lambda: gettext("in English"),
    "ru": lambda: gettext("in Russian"),
    "zh": lambda: gettext("in Chinese"),
}


@dataclass
class Cited:
    sources: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.sources or self.notes)


@register.simple_tag
def cited(record, supports=""):
    wanted = {value.strip() for value in supports.split(",") if value.strip()}
    citations = getattr(record, "citations", None)
    result = Cited()
    if citations is None:
        return result
    groups = {}
    for citation in citations.all():
        if wanted and citation.supports not in wanted:
            continue
        if not citation.source.is_public:
            continue  # an article of this site that is not live
        source, facts = groups.setdefault(citation.source_id, (citation.source, []))
        facts.append(supports_label(citation))
    for source, facts in groups.values():
        (result.notes if source.is_editors_note else result.sources).append((source, facts))
    return result


@cache
def _supports_labels(model):
    return dict(model._meta.get_field("supports").flatchoices)


def supports_label(citation):
    """``citation.get_supports_display()``, without rebuilding the choices per call."""
    label = _supports_labels(type(citation)).get(citation.supports, citation.supports)
    return str(label)


@register.filter
def record_key(record):
    """``"expo.exhibition:6th-china-russia-expo"``: which record a source line is about."""
    opts = record._meta
    return f"{opts.app_label}.{opts.model_name}:{getattr(record, 'slug', record.pk)}"


@register.simple_tag
def language_note(code):
    """ "in English" when a text in ``code`` is shown on a page in another language."""
    if not code:
        return ""
    base = code.split("-")[0].lower()
    current = (get_language() or "en").split("-")[0].lower()
    if base == current or base not in LANGUAGE_NOTES:
        return ""
    return LANGUAGE_NOTES[base]()


@register.inclusion_tag("includes/source_name.html")
def source_name(source):
    """One source, as a reader checks it: the publisher (linking to the article on this
    site, else to the report's address, else to the source's entry on the Sources page),
    the title in its own language, the date. ``{% source_name source %}``"""
    return {"source": source}


@register.inclusion_tag("includes/source_editors_note.html")
def editors_note(source, facts=None):
    """An editors’ note: a value no source states, shown as the editors' own, never under
    a source's name, with the facts it gives if ``facts``. ``{% editors_note source %}``"""
    return {"source": source, "facts": facts}


@register.inclusion_tag("includes/source_cell.html", takes_context=True)
def source_cell(context, record, supports="", facts=None):
    """The note marks of one figure or dated fact (``[1][a]``), each a link to its source
    in the page's list of sources: ``{% source_cell figure "figure" %}`` ("supports"
    narrows to those facts, several separated by commas; empty: all). A fact with no
    citation says so, so it never passes for a sourced one. ``facts`` (from
    ``part_of_links``) shows citations already loaded.
    """
    supports = supports or ""
    if facts is None:
        facts = cited(record, supports)
    notes = page_notes(context)
    marks = [notes.mark(source) for source, _facts in [*facts.sources, *facts.notes]]
    return {"record": record, "supports": supports, "marks": marks}


@register.simple_tag(takes_context=True)
def page_sources(context, record=None):
    """The page's notes (``sources.notes.PageNotes``), for its list of sources: every
    source its marks name, in their order, then the sources of the page's ``record`` that
    no mark names, each with what it states of the record."""
    notes = page_notes(context)
    if record and hasattr(record, "citations"):
        facts = cited(record)
        for source, supported in [*facts.sources, *facts.notes]:
            notes.add_facts(source, supported)
    return notes


@register.filter
def list_join(items):
    """The items of a list joined as the language joins them (", "; Chinese "、")."""
    return pgettext("list items", ", ").join(str(item) for item in items)


@register.simple_tag
def part_of_links(record):
    """``[(larger record, its child, Cited)]`` up ``record.ancestors()``: each link with the
    sources its child cites for lying within it ("part_of"), in one query, or none when
    the view loaded the chain's citations (``prefetch_related_objects``).

    A record two levels up is reached through the record between, so each link shows
    its own source: Sakha lies in the Far Eastern Federal District (the 2018 decree),
    the district in the Russian Far East (an editors' note only).
    """
    chain = [record, *record.ancestors()]
    if len(chain) < 2:
        return []
    children = chain[:-1]
    # No query when the view loaded them with the page's record (RegionDetailView).
    prefetch_related_objects(children, "citations")
    rows = [c for child in children for c in child.citations.all() if c.supports == "part_of"]
    by_record = {}
    for citation in rows:
        by_record.setdefault(citation.record_id, []).append(citation)
    links = []
    for child, larger in pairwise(chain):
        cited = Cited()
        for citation in by_record.get(child.pk, []):
            if not citation.source.is_public:
                continue
            target = cited.notes if citation.source.is_editors_note else cited.sources
            target.append((citation.source, [citation.get_supports_display()]))
        links.append((larger, child, cited))
    return links


@register.simple_tag
def fallback_language(record, field):
    """The language tag of ``record.field`` when the page shows it in another language than
    its own, because it has no translation (modeltranslation falls back to English); else "".

    For ``lang="en"`` and an "(in English)" label on the source article's text on a
    Russian or Chinese page.
    """
    current = get_language() or settings.LANGUAGE_CODE
    if getattr(record, build_localized_fieldname(field, current.replace("-", "_")), None):
        return ""
    for code, _name in settings.LANGUAGES:
        if getattr(record, build_localized_fieldname(field, code.replace("-", "_")), None):
            return "" if code == current else code
    return ""


@register.simple_tag
def load_citations(records):
    """Load the citations of ``records`` already in memory, one query for all (none when
    they have them), so their marks cost no query a row:
    ``{% load_citations country.regions.all as _ %}`` before a loop over them. Gives ""."""
    records = [record for record in records if hasattr(record, "citations")]
    if records:
        prefetch_related_objects(records, "citations")
    return ""


@register.simple_tag
def stated_ancestors(record):
    """The regions ``record`` lies within, up to the first link no source states (one an
    editors' note only gives, or none): what a breadcrumb or a "part of" line may state
    as fact. ``[]`` when even its own link is unstated."""
    return stated_chain(record)
