"""Article pages: the body, the publisher, unknowns shown as unknown, and provenance both ways."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.models import Region, TradeFigure
from expo.models import Exhibition
from news.models import ReplyStatus
from tests import factories as f

from .test_fixture import PARAGRAPHS


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_source_article_page_shows_the_text_publisher_and_unknown_date(client, source_article):
    content = client.get(source_article.get_absolute_url()).content.decode()
    assert f'<h1 id="article-title">{source_article.title}</h1>' in content
    for paragraph in PARAGRAPHS:
        assert paragraph in content
    assert "Rambler" in content
    assert "date unknown" in content
    assert "address not known" in content


def test_article_page_lists_the_records_it_is_the_source_of(client, source_article):
    content = client.get(source_article.get_absolute_url()).content.decode()
    expo = Exhibition.objects.get(slug="6th-china-russia-expo")
    figure = TradeFigure.objects.get(slug="2018-rambler")
    assert f'<a href="{expo.get_absolute_url()}">6th China-Russia EXPO</a>' in content
    assert f'<a href="{figure.get_absolute_url()}">{figure}</a>' in content
    for heading in ["Exhibitions", "Forums", "Regions", "Cooperation mechanisms", "Councils"]:
        assert f"<h3>{heading}</h3>" in content
    for region in Region.objects.filter(citations__source=source_article.source).distinct():
        assert f'<a href="{region.get_absolute_url()}">{region}</a>' in content
    # What it states for each: the year of the EXPO is not among them (the article has none).
    expo_line = content[content.index(f'<a href="{expo.get_absolute_url()}">') :]
    expo_line = expo_line[: expo_line.index("</li>")]
    assert "dates and city" in expo_line and "year" not in expo_line


def test_an_article_with_no_linked_records_has_no_sources_section(client, db):
    article = f.article()
    content = client.get(article.get_absolute_url()).content.decode()
    assert "Facts on this site from this article" not in content


def test_sources_partial_names_the_publisher_and_links_the_article(source_article):
    figure = TradeFigure.objects.with_sources().get(slug="2018-rambler")
    html = render_to_string("includes/sources.html", {"record": figure})
    assert "Sources" in html
    assert f'<a href="{source_article.get_absolute_url()}"' in html
    assert ">Rambler</a>" in html
    assert "states: figure" in html


def test_sources_partial_is_empty_for_a_record_without_sources(db):
    assert render_to_string("includes/sources.html", {"record": f.trade_figure()}).strip() == ""


def test_sources_partial_lists_two_sources(db):
    figure = f.trade_figure()
    for name in ["Rambler", "Xinhua"]:
        f.cite(figure, f.source(publisher=name), "figure")
    figure = TradeFigure.objects.with_sources().get(pk=figure.pk)
    html = Template(
        '{% load sources %}{% source_cell figure "figure" %}'
        '{% include "includes/sources.html" with record=figure %}'
    ).render(Context({"figure": figure}))
    assert html.startswith('<span class="source" data-cited="cooperation.tradefigure:')
    # Two numbered marks, each a link to its note in the page's list of sources...
    cell = html[: html.index("</span>", html.index('class="source"')) + 7]
    assert '<a href="#source-1"' in cell and ">[1]</a>" in cell
    assert '<a href="#source-2"' in cell and ">[2]</a>" in cell
    # ...where the publishers come in their order, each note linking back to its mark.
    notes = html[html.index('id="sources-heading"') :]
    assert notes.index('<li id="source-1"') < notes.index(">Rambler</a>")
    assert notes.index(">Rambler</a>") < notes.index('<li id="source-2"')
    assert notes.index('<li id="source-2"') < notes.index(">Xinhua</a>")
    assert 'href="#cite-source-1-1"' in notes and 'href="#cite-source-2-1"' in notes


def test_article_list_links_each_article_and_filters_by_publisher(client, db):
    rambler = f.article(title="From Rambler", publisher=f.publisher(name="Rambler"))
    other = f.article(title="From elsewhere")
    content = client.get(reverse("news:article-list")).content.decode()
    assert rambler.get_absolute_url() in content
    assert other.get_absolute_url() in content
    content = client.get(rambler.publisher.get_absolute_url()).content.decode()
    assert "Articles from Rambler" in content
    assert rambler.get_absolute_url() in content
    assert other.get_absolute_url() not in content


def test_unknown_article_is_a_404(client, db):
    assert client.get(reverse("news:article-detail", args=["no-such-article"])).status_code == 404


@pytest.mark.django_db
def test_article_list_query_count_does_not_grow_with_articles(client):
    f.article()
    one = _queries(client, reverse("news:article-list"))
    for _ in range(20):
        f.article()
    assert _queries(client, reverse("news:article-list")) == one


def test_article_detail_query_count_does_not_grow_with_replies(client, source_article):
    url = source_article.get_absolute_url()
    f.reply(article=source_article, status=ReplyStatus.APPROVED)
    one = _queries(client, url)
    for _ in range(29):
        f.reply(article=source_article, status=ReplyStatus.APPROVED)
    for _ in range(5):
        f.reply(article=source_article)  # pending ones are not even loaded
    content = client.get(url).content.decode()
    assert "30 replies" in content
    assert _queries(client, url) == one
    # The article with its publisher and source, one query per kind of citing record, the
    # replies: a fixed number, however many replies or citing records.
    assert one <= 22
