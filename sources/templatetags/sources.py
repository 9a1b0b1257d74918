"""Where each fact comes from, on every page.

``{% cited record %}`` gives the record's citations grouped by source: the sources
(``.sources``, each ``(source, [what it states, ...])``) and the editors' notes
(``.notes``), from the ``citations`` prefetched by ``publishing.models.with_sources``.
``{% cited record "exhibitor_counts" %}`` keeps the citations for those facts only
(several: ``"dates_and_city,year"``), for a figure that shows its own source.
"""

from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext, pgettext
from modeltranslation.utils import build_localized_fieldname

from sources.models import load_citations
from web.templatetags.dates import format_date_range

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


def _language_attribute(code):
    return format_html(' lang="{}"', code) if code else ""


def _language_note(source):
    note = language_note(source.language)
    return format_html(' <span class="lang-note">({})</span>', note) if note else ""


@register.simple_tag
def source_name(source):
    """One source, as a reader checks it: the publisher (linking to the article on this
    site, else to the report's address, else to the source's entry on the Sources page),
    the title in its own language, the date. ``{% source_name source %}``

    Written in Python rather than included as a template: a page shows up to a dozen,
    and an include costs a context, a template and a tag per line.
    """
    separator = pgettext("list separator", ", ")
    html = format_html(
        '<span class="source-name" data-source="{}"><a href="{}"{}>{}</a>',
        source.slug,
        source.link or source.get_absolute_url(),
        mark_safe(' rel="noopener"') if source.url and not source.live_document else "",
        source.publisher,
    )
    if source.title:
        html += format_html(
            "{}<cite{}>{}</cite>{}",
            separator,
            _language_attribute(source.language),
            source.title,
            _language_note(source),
        )
    if source.published_on:
        html += format_html(
            '{}<time datetime="{}">{}</time>',
            separator,
            source.published_on.isoformat(),
            format_date_range(source.published_on, single=True),
        )
    return html + mark_safe("</span>")


@register.simple_tag
def editors_note(source, facts=None):
    """An editors’ note: a value no source states, shown as the editors' own, never under
    a source's name, with the facts it gives if ``facts``. ``{% editors_note source %}``"""
    return format_html(
        '<span class="editors-note" data-source="{}"><strong class="editors-note__label">{}'
        "</strong>{}{} <span{}>{}</span>{}</span>",
        source.slug,
        gettext("Editors’ note"),
        format_html(" ({})", list_join(facts)) if facts else "",
        pgettext("label separator", ":"),
        _language_attribute(source.language),
        source.title,
        _language_note(source),
    )


@register.simple_tag
def source_cell(record, supports="", facts=None):
    """The sources of one figure or dated fact, in a table cell or under a figure:
    ``{% source_cell figure "figure" %}`` ("supports" narrows to those facts, several
    separated by commas; empty: all). A fact with no citation says so, so it never
    passes for a sourced one. ``facts`` (from ``part_of_links``) shows citations
    already loaded.
    """
    if facts is None:
        facts = cited(record, supports or "")
    if facts:
        parts = []
        if facts.sources:
            label = ngettext("Source:", "Sources:", len(facts.sources))
            parts.append(format_html("{} ", label))
            separator = conditional_escape(pgettext("source separator", "; "))
            parts.append(separator.join(source_name(source) for source, _ in facts.sources))
        for number, (source, _supported) in enumerate(facts.notes):
            if facts.sources or number:
                parts.append(" · ")
            parts.append(editors_note(source))
        inner = mark_safe("".join(parts))
    else:
        inner = format_html('<span class="source--missing">{}</span>', gettext("No source cited"))
    return format_html(
        '<span class="source" data-cited="{}" data-supports="{}">{}</span>',
        record_key(record),
        supports or "",
        inner,
    )


@register.filter
def list_join(items):
    """Items joined with the language's list separator (", ", Chinese "，")."""
    return pgettext("list separator", ", ").join(str(item) for item in items)


@register.simple_tag
def part_of_links(record):
    """``[(larger record, its child, Cited)]`` up ``record.ancestors()``: each link with the
    sources its child cites for lying within it ("part_of"), in one query, or none when
    the view loaded the chain's citations (``load_citations``).

    A record two levels up is reached through the record between, so each link shows
    its own source: Sakha lies in the Far Eastern Federal District (the 2018 decree),
    the district in the Russian Far East (an editors' note only).
    """
    chain = [record, *record.ancestors()]
    if len(chain) < 2:
        return []
    children = chain[:-1]
    # No query when the view loaded them with the page's record (RegionDetailView).
    load_citations(children)
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
