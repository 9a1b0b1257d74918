"""Sections one app adds to another app's page: the one way a page shows records of an
app that its own app may not import.

An app that may not be imported by the page's app registers a contributor in its
``AppConfig.ready()``::

    sections.register("region-detail", region_sections)

and the page's view asks for the sections (``sections.collect("region-detail",
region=region)``). A contributor returns a ``Section`` (a template and its context) or
None when it has nothing to show; the page renders each one in registration order
(``{% for section in sections %}{% include section.template with section=section.context %}``).

Pages with sections (the name, what the contributor gets):

- ``region-detail``: ``region`` (the region shown) and ``region_ids`` (the live
  regions at or below it, a queryset of ids).
"""

from collections import defaultdict
from dataclasses import dataclass, field

_contributors = defaultdict(list)


@dataclass(frozen=True)
class Section:
    template: str
    context: dict = field(default_factory=dict)


def register(page, contributor):
    """Add ``contributor(**kwargs) -> Section | None`` to the page named ``page``."""
    if contributor not in _contributors[page]:
        _contributors[page].append(contributor)


def collect(page, **kwargs):
    """The sections contributed to ``page``, in registration order, empty ones left out."""
    sections = (contributor(**kwargs) for contributor in _contributors[page])
    return [section for section in sections if section is not None]
