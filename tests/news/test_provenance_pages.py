"""Figures and events show where they come from: record pages list their citations, each
linking to the hosted article or naming the report, and figures show their own source."""

import datetime
import re

import pytest
from django.urls import reverse

from cooperation.models import (
    CooperationAssessment,
    CooperationMechanism,
    CooperationYears,
    Council,
    InvestmentFund,
    Region,
    TradeFigure,
    TradeFigureCitation,
)
from expo.models import Exhibition, Forum
from news.models import Article
from sources.models import Source
from tests import factories as f
from tests.public.conftest import page_text

pytestmark = pytest.mark.usefixtures("article_data")


def _article_link(html, article):
    return f'<a href="{article.get_absolute_url()}"' in html and "Rambler</a>" in html


@pytest.mark.parametrize(
    ("record", "also_cited"),
    [
        (lambda: Exhibition.objects.get(edition=6), "China News Service"),
        (lambda: Forum.objects.get(edition=2), "Global Times"),
        (lambda: Region.objects.get(slug="heilongjiang"), "Debian iso-codes"),
        (lambda: Region.objects.get(slug="sakha"), "President of the Russian Federation"),
        (lambda: CooperationMechanism.objects.get(slug="yangtze-volga"), "pfo.gov.ru"),
        (lambda: Council.objects.get(), "Sputnik"),
        (lambda: InvestmentFund.objects.get(), "Sputnik"),
        (lambda: TradeFigure.objects.get(year=2018), None),
        (lambda: CooperationAssessment.objects.get(), None),
        (lambda: CooperationYears.objects.get(), "Xinhua"),
    ],
    ids=[
        "exhibition",
        "forum",
        "heilongjiang",
        "sakha",
        "mechanism",
        "council",
        "fund",
        "trade",
        "assessment",
        "years",
    ],
)
def test_record_page_lists_its_sources(client, record, also_cited):
    html = client.get(record().get_absolute_url()).content.decode()
    assert 'id="sources-heading"' in html
    assert _article_link(html, Article.objects.get())
    if also_cited:
        assert also_cited in html


def test_the_year_is_credited_to_the_report_that_states_it_not_to_the_article(client):
    """The article gives 15-19 June without a year; China News Service gives 2019."""
    html = client.get(Exhibition.objects.get(edition=6).get_absolute_url()).content.decode()
    sources = html[html.index('id="sources-heading"') :]
    rambler = sources[sources.index("Rambler</a>") :]
    rambler = rambler[: rambler.index("</li>")]
    assert "year" not in rambler.split("states:")[1]
    cns = sources[sources.index("China News Service</a>") :]
    assert "year" in cns[: cns.index("</li>")]


def test_home_page_figures_name_their_source(client):
    html = client.get(reverse("home")).content.decode()
    assert html.count('class="source"') >= 4  # dates, counts, guests, trade (and more)
    assert _article_link(html, Article.objects.get())


def test_a_record_without_a_citation_shows_no_sources_section(client):
    region = Region.objects.get(slug="guangdong")
    region.citations.all().delete()
    html = client.get(region.get_absolute_url()).content.decode()
    # The region's own facts say no source is cited for them...
    own = re.search(r'data-cited="cooperation.region:guangdong"[^>]*>(.*?)</span></span>', html)
    assert "No source cited" in own.group(1)
    # ...and the page's list names only the sources the marks elsewhere on it cite
    # (the exhibition's guests of honour), none with facts stated of the region.
    sources = html[html.index('id="sources-heading"') :]
    items = re.findall(r'<li id="source-\d+"[^>]*>(.*?)</li>', sources)
    assert items and all('class="note-back"' in item for item in items)
    assert "states:" not in sources


def test_trade_list_names_each_figures_own_source(client):
    customs = TradeFigure.objects.create(
        slug="2018-customs", year=2018, value="107.06", status="published"
    )
    source = Source.objects.create(
        slug="customs", publisher="General Administration of Customs of China"
    )
    TradeFigureCitation.objects.create(record=customs, source=source, supports="figure")
    html = client.get(reverse("cooperation:tradefigure-list")).content.decode()
    assert _article_link(html, Article.objects.get())  # the article's own figure
    assert "General Administration of Customs of China</a>" in html


@pytest.mark.django_db
def test_a_pages_sources_come_in_reading_order(client):
    """The hosted article first, then reports by date (undated first), then by publisher;
    the editors' notes after them: the same order on SQLite and PostgreSQL."""
    region = f.region(name="Ordered Province")
    for publisher, published_on in [
        ("Zeta Daily", datetime.date(2019, 5, 1)),
        ("Alpha Wire", datetime.date(2019, 5, 1)),
        ("Undated Gazette", None),
        ("Early Herald", datetime.date(2018, 1, 1)),
    ]:
        f.cite(region, f.source(publisher=publisher, published_on=published_on))
    f.cite(region, f.source(kind="editors_note", publisher="", title="Note by the editors"))
    f.cite(region, f.hosted_article(title="Hosted Story").source)

    text = page_text(client.get(region.get_absolute_url()))
    names = ["Hosted Story", "Undated Gazette", "Early Herald", "Alpha Wire", "Zeta Daily"]
    places = [text.index(name) for name in names]
    assert places == sorted(places)
    assert text.index("Note by the editors") > places[-1]
