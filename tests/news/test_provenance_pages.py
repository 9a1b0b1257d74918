"""Figures and events show where they come from, linking to the source article."""

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
)
from expo.models import Exhibition, Forum
from news.models import Article

pytestmark = pytest.mark.usefixtures("article_data")


def _source_link(html, article):
    return f'<a href="{article.get_absolute_url()}"' in html and "Rambler</a>" in html


@pytest.mark.parametrize(
    "record",
    [
        lambda: Exhibition.objects.get(edition=6),
        lambda: Forum.objects.get(edition=2),
        lambda: Region.objects.get(slug="heilongjiang"),
        lambda: Region.objects.get(slug="sakha"),
        lambda: CooperationMechanism.objects.get(slug="yangtze-volga"),
        lambda: Council.objects.get(),
        lambda: InvestmentFund.objects.get(),
        lambda: TradeFigure.objects.get(year=2018),
        lambda: CooperationAssessment.objects.get(),
        lambda: CooperationYears.objects.get(),
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
def test_record_page_names_its_source(client, record):
    html = client.get(record().get_absolute_url()).content.decode()
    assert "Source:" in html
    assert _source_link(html, Article.objects.get())


def test_home_page_figures_name_their_source(client):
    html = client.get(reverse("home")).content.decode()
    assert html.count("Source:") == 2  # the exhibition's figures and the trade figure
    assert _source_link(html, Article.objects.get())


def test_a_record_without_a_source_shows_none(client):
    city = Region.objects.get(slug="heilongjiang").administrative_centre
    assert "Source:" not in client.get(city.get_absolute_url()).content.decode()


def test_trade_list_links_each_figure_to_its_source(client):
    customs = TradeFigure.objects.create(
        slug="2018-customs",
        year=2018,
        value="107.06",
        source="General Administration of Customs of China",
        status="published",
    )
    html = client.get(reverse("cooperation:tradefigure-list")).content.decode()
    assert _source_link(html, Article.objects.get())  # the article's own figure
    assert customs.source in html  # a figure with no source article names its source
