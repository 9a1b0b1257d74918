"""The exhibitions' charts: participation by country, on one exhibition's page and
edition by edition on the list of exhibitions. Geometry in ``web.charts``.
"""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext, ngettext

from web.charts import BarChart, Row

from . import models


def count_text(value):
    """A count as the page writes it (1,246 / 1 246 / 1246), or "unknown"."""
    return gettext("unknown") if value is None else intcomma(value)


def count_spoken(value):
    """The count in words for the chart's description: "1,246 enterprises"."""
    if value is None:
        return gettext("unknown")
    return ngettext("%(number)s enterprise", "%(number)s enterprises", value) % {
        "number": intcomma(value)
    }


def participation_row(participation, group=""):
    """One country's bar: its enterprises at one exhibition ("unknown" has no bar)."""
    return Row(
        str(participation.country),
        participation.enterprises,
        count_text(participation.enterprises),
        group=group,
        spoken=count_spoken(participation.enterprises),
    )


def participation_chart(exhibition):
    """One bar per country taking part in ``exhibition`` (its participations prefetched)."""
    return BarChart(participation_row(p) for p in exhibition.participations.all())


def edition_label(exhibition):
    return (
        f"{exhibition} · {exhibition.start_date.year}" if exhibition.start_date else str(exhibition)
    )


def editions_participations(exhibitions):
    """The participation figures of ``exhibitions`` (a queryset of live ones), oldest
    edition first, in one query; for the chart and its table on the list page.
    """
    return list(
        models.CountryParticipation.objects.filter(exhibition__in=exhibitions)
        .select_related("exhibition", "country")
        .order_by("exhibition__start_date", "exhibition__slug", "country__code")
    )


def editions_chart(participations):
    """Enterprises by country, edition by edition: a chart over time, or None where
    fewer than two editions have a known figure (one point is no trend).
    """
    known = {p.exhibition_id for p in participations if p.enterprises is not None}
    if len(known) < 2:
        return None
    return BarChart(participation_row(p, group=edition_label(p.exhibition)) for p in participations)
