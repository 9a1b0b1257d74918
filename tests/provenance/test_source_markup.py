"""The markup of a source line, an editors' note and a source cell, as a reader and a
screen reader get them ({% source_name %}, {% editors_note %}, {% source_cell %}: the
templates templates/includes/source_*.html)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils.translation import override

from cooperation.models import TradeFigure
from sources.models import SourceKind
from tests import factories as f

pytestmark = pytest.mark.django_db


def render(text, **context):
    return Template("{% load sources %}" + text).render(Context(context))


def test_a_report_with_its_title_language_and_date():
    source = f.source(
        publisher="Xinhua & Co",
        slug="xinhua-1",
        title="Россия <и> Китай",
        language="ru",
        url="https://example.org/a?b=1&c=2",
        published_on=datetime.date(2019, 6, 15),
    )
    with override("en"):
        html = render("{% source_name source %}", source=source)
    assert html == (
        '<span class="source-name" data-source="xinhua-1">'
        '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener" lang="en">Xinhua &amp; Co</a>, '
        '<cite lang="ru">Россия &lt;и&gt; Китай</cite> '
        '<span class="lang-note">(in Russian)</span>, '
        '<time datetime="2019-06-15">15 June 2019</time></span>'
    )
    with override("ru"):
        html = render("{% source_name source %}", source=source)
    assert "lang-note" not in html  # a Russian title on a Russian page needs no note


def test_a_source_without_an_address_links_to_its_entry_on_the_sources_page():
    source = f.source(publisher="Rambler", slug="rambler-2")
    with override("en"):
        html = render("{% source_name source %}", source=source)
    assert html == (
        '<span class="source-name" data-source="rambler-2">'
        '<a href="/en/sources/#source-rambler-2" lang="en">Rambler</a></span>'
    )


def test_an_editors_note_with_and_without_its_facts():
    note = f.source(
        kind=SourceKind.EDITORS_NOTE, publisher="", slug="note-1", title="A <b> note", language="en"
    )
    with override("ru"):
        html = render("{% editors_note note facts %}", note=note, facts=["figure", "year"])
    assert html == (
        '<span class="editors-note" data-source="note-1"><strong class="editors-note__label">'
        "Примечание редакции</strong> (figure, year): "
        '<span lang="en">A &lt;b&gt; note</span> '
        '<span class="lang-note">(на английском языке)</span></span>'
    )
    with override("en"):
        html = render("{% editors_note note %}", note=note)
    assert html == (
        '<span class="editors-note" data-source="note-1"><strong class="editors-note__label">'
        'Editors’ note</strong>: <span lang="en">A &lt;b&gt; note</span></span>'
    )


def test_a_cell_with_one_source_two_sources_a_note_or_none():
    figure = f.trade_figure(slug="figure-1")
    with override("en"):
        empty = render('{% source_cell figure "figure" %}', figure=figure)
    assert empty == (
        '<span class="source" data-cited="cooperation.tradefigure:figure-1" data-supports="figure">'
        '<span class="source--missing">No source cited</span></span>'
    )
    f.cite(figure, f.source(publisher="Rambler", slug="r"), "figure")
    f.cite(figure, f.source(publisher="Xinhua", slug="x"), "figure")
    f.cite(figure, f.source(publisher="Elsewhere", slug="e"), "year")
    note = f.source(kind=SourceKind.EDITORS_NOTE, publisher="", slug="n", title="Rounded")
    f.cite(figure, note, "figure")
    figure = TradeFigure.objects.with_sources().get(pk=figure.pk)
    with override("en"):
        html = render(
            '{% source_cell figure "figure" %}{% source_cell figure "figure" %}'
            '{% include "includes/sources.html" with record=None %}',
            figure=figure,
        )
    cell = html.split("</span>")[0]
    assert cell == (
        '<span class="source" data-cited="cooperation.tradefigure:figure-1" data-supports="figure">'
        '<sup class="note"><a href="#source-1" id="cite-source-1-1" data-source="r" '
        'aria-label="Source 1">[1]</a></sup>'
        '<sup class="note"><a href="#source-2" id="cite-source-2-1" data-source="x" '
        'aria-label="Source 2">[2]</a></sup>'
        '<sup class="note note--editors"><a href="#note-a" id="cite-note-a-1" data-source="n" '
        'aria-label="Editors’ note a">[a]</a></sup>'
    )
    assert "Elsewhere" not in html  # cited for another fact
    # The same sources cited again keep their numbers; each is written once, at the end.
    assert 'id="cite-source-1-2"' in html and html.count('data-source="r">') == 1
    assert '<li id="source-1" value="1">' in html and '<li id="note-a">' in html
    assert 'href="#cite-source-1-1"' in html and 'href="#cite-source-1-2"' in html
    with override("zh-hans"):
        one = render('{% source_cell figure "year" %}', figure=figure)
    assert 'data-source="e" aria-label="来源1">[1]</a>' in one
