"""Dates as people write them, in each of the site's languages.

``{% date_range start end %}`` is the one way a page shows a date or a span of dates:

    15–19 June 2019          15–19 июня 2019 г.          2019年6月15日至19日
    30 June – 4 July 2014    30 июня – 4 июля 2014 г.    2014年6月30日至7月4日
    15 June 2019             15 июня 2019 г.             2019年6月15日

``{% date_range forum.date %}`` shows a single date. An unknown date says so
("date unknown", "dates unknown") rather than leaving a gap.

The patterns are Django date formats (``django.utils.dateformat``), one table per
language in ``RANGE_FORMATS``, as Django keeps its own DATE_FORMAT in per-language
format modules: a language decides the order of day, month and year and the case of
the month (Russian months in the genitive, "E"); month names come from Django's own
catalogs. Ranges are joined with an en dash (Chinese with 至). A language without a
table uses English.
"""

from django import template
from django.utils.dateformat import format as format_date
from django.utils.translation import get_language, gettext, pgettext

register = template.Library()

# For each language: a single date; then (start, end, joiner) for a range within one
# month, within one year, and across years.
RANGE_FORMATS = {
    "en": {
        "date": "j F Y",
        "month": ("j", "j F Y", "{start}–{end}"),
        "year": ("j F", "j F Y", "{start} – {end}"),
        "years": ("j F Y", "j F Y", "{start} – {end}"),
    },
    "ru": {
        "date": "j E Y\N{NO-BREAK SPACE}г.",
        "month": ("j", "j E Y\N{NO-BREAK SPACE}г.", "{start}–{end}"),
        "year": ("j E", "j E Y\N{NO-BREAK SPACE}г.", "{start} – {end}"),
        "years": ("j E Y\N{NO-BREAK SPACE}г.", "j E Y\N{NO-BREAK SPACE}г.", "{start} – {end}"),
    },
    "zh": {
        "date": "Y年n月j日",
        "month": ("Y年n月j日", "j日", "{start}至{end}"),
        "year": ("Y年n月j日", "n月j日", "{start}至{end}"),
        "years": ("Y年n月j日", "Y年n月j日", "{start}至{end}"),
    },
}


def _formats():
    language = (get_language() or "en").split("-")[0].lower()
    return RANGE_FORMATS.get(language, RANGE_FORMATS["en"])


def single_date(value):
    return format_date(value, _formats()["date"])


def format_date_range(start, end=None, single=False):
    """The text of a date or a range of dates, in the active language."""
    if single:
        return single_date(start) if start else gettext("date unknown")
    if start and end and start != end:
        if end < start:
            start, end = end, start
        if start.year != end.year:
            span = "years"
        elif start.month != end.month:
            span = "year"
        else:
            span = "month"
        start_format, end_format, joiner = _formats()[span]
        return joiner.format(
            start=format_date(start, start_format), end=format_date(end, end_format)
        )
    if start:
        if end is None:
            # Translators: a span of dates whose end is unknown.
            return pgettext("date range", "from %(start)s") % {"start": single_date(start)}
        return single_date(start)
    if end:
        return gettext("until %(end)s") % {"end": single_date(end)}
    return gettext("dates unknown")


@register.simple_tag
def date_range(*dates):
    """``{% date_range start end %}`` for a span, ``{% date_range date %}`` for one date."""
    if len(dates) == 1:
        return format_date_range(dates[0], single=True)
    if len(dates) == 2:
        return format_date_range(*dates)
    raise template.TemplateSyntaxError("date_range takes one date or a start and an end")
