"""Where each fact comes from, on every page.

``{% cited record %}`` gives the record's citations grouped by source: the sources
(``.sources``, each ``(source, [what it states, ...])``) and the editors' notes
(``.notes``), from the ``citations`` prefetched by ``core.models.with_sources``.
``{% cited record "exhibitor_counts" %}`` keeps the citations for those facts only
(several: ``"dates_and_city,year"``), for a figure that shows its own source.
"""

from dataclasses import dataclass, field

from django import template
from django.utils.translation import get_language, gettext, pgettext

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
        source, facts = groups.setdefault(citation.source_id, (citation.source, []))
        facts.append(citation.get_supports_display())
    for source, facts in groups.values():
        (result.notes if source.is_editors_note else result.sources).append((source, facts))
    return result


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


@register.filter
def list_join(items):
    """Items joined with the language's list separator (", ", Chinese "，")."""
    return pgettext("list separator", ", ").join(str(item) for item in items)
