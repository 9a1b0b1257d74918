"""Where each fact comes from, on every page.

``{% cited record %}`` gives the record's citations grouped by source: the sources
(``.sources``, each ``(source, [what it states, ...])``) and the editors' notes
(``.notes``), from the ``citations`` prefetched by ``publishing.models.with_sources``.
``{% cited record "exhibitor_counts" %}`` keeps the citations for those facts only
(several: ``"dates_and_city,year"``), for a figure that shows its own source.
``{% source_cell %}``, ``{% source_name %}`` and ``{% editors_note %}`` write them with
the templates templates/includes/source_*.html.
"""

from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from django import template
from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils.translation import get_language, gettext, pgettext
from modeltranslation.utils import build_localized_fieldname

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


@register.inclusion_tag("includes/source_cell.html")
def source_cell(record, supports="", facts=None):
    """The sources of one figure or dated fact, in a table cell or under a figure:
    ``{% source_cell figure "figure" %}`` ("supports" narrows to those facts, several
    separated by commas; empty: all). A fact with no citation says so, so it never
    passes for a sourced one. ``facts`` (from ``part_of_links``) shows citations
    already loaded.
    """
    supports = supports or ""
    if facts is None:
        facts = cited(record, supports)
    return {"record": record, "supports": supports, "facts": facts}


@register.filter
def list_join(items):
    """Items joined with the language's list separator (", ", Chinese "，")."""
    return pgettext("list separator", ", ").join(str(item) for item in items)


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
