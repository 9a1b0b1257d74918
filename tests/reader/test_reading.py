"""What a reader notices on the public pages: dates as people write them, records in
sentences, empty sections left out, charts over time, a directory that sorts and says
which page it is on, and filters that say how many are set.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import translation

from cooperation.charts import trade_chart
from cooperation.models import TradeUnit
from expo.charts import editions_chart, editions_participations
from expo.filters import EnterpriseFilter
from expo.models import Exhibition
from tests import factories as f
from tests.public.conftest import page_text
from web.charts import BarChart, Row
from web.templatetags.dates import format_date_range
from web.templatetags.listing import active_filter_count

D = datetime.date


# Dates


@pytest.mark.parametrize(
    "lang,start,end,expected",
    [
        ("en", D(2019, 6, 15), D(2019, 6, 19), "15–19 June 2019"),
        ("ru", D(2019, 6, 15), D(2019, 6, 19), "15–19 июня 2019\u00a0г."),
        ("zh-hans", D(2019, 6, 15), D(2019, 6, 19), "2019年6月15日至19日"),
        ("en", D(2014, 6, 30), D(2014, 7, 4), "30 June – 4 July 2014"),
        ("ru", D(2014, 6, 30), D(2014, 7, 4), "30 июня – 4 июля 2014\u00a0г."),
        ("zh-hans", D(2014, 6, 30), D(2014, 7, 4), "2014年6月30日至7月4日"),
        ("en", D(2014, 12, 30), D(2015, 1, 2), "30 December 2014 – 2 January 2015"),
        ("zh-hans", D(2014, 12, 30), D(2015, 1, 2), "2014年12月30日至2015年1月2日"),
        ("en", D(2019, 6, 15), D(2019, 6, 15), "15 June 2019"),
        ("ru", D(2019, 6, 15), D(2019, 6, 15), "15 июня 2019\u00a0г."),
        ("en", None, None, "dates unknown"),
    ],
)
def test_a_span_of_dates_reads_as_each_language_writes_it(lang, start, end, expected):
    with translation.override(lang):
        assert format_date_range(start, end) == expected


def test_a_single_date_and_an_unknown_one():
    with translation.override("en"):
        assert format_date_range(D(2019, 6, 15), single=True) == "15 June 2019"
        assert format_date_range(None, single=True) == "date unknown"
    with translation.override("zh-hans"):
        assert format_date_range(D(2019, 6, 15), single=True) == "2019年6月15日"


# Charts


def test_bars_are_to_scale_and_an_unknown_value_gets_no_bar():
    chart = BarChart([Row("China", 1246, "1,246"), Row("Russia", 137, "137"), Row("X", None, "?")])
    widths = [item.bar_width for item in chart.bars]
    assert widths == ["360", "39.6", "0"]
    assert chart.bars[2].value is None


def test_groups_start_with_a_heading_each():
    rows = [Row("China", 5, "5", group="A"), Row("Russia", 3, "3", group="A")]
    rows += [Row("China", 7, "7", group="B")]
    chart = BarChart(rows)
    assert [item.label for item in chart.items if item.kind == "heading"] == ["A", "B"]
    # Every line lower down the chart than the one before it.
    ys = [float(item.text_y) for item in chart.items]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)


@pytest.mark.django_db
def test_the_editions_chart_needs_two_editions_with_figures():
    china, russia = f.country("CN"), f.country("RU")
    first = f.exhibition(start_date=D(2018, 6, 1), end_date=D(2018, 6, 5))
    f.participation(exhibition=first, country=china, enterprises=900)
    assert editions_chart(editions_participations(Exhibition.objects.all())) is None
    second = f.exhibition(start_date=D(2019, 6, 15), end_date=D(2019, 6, 19))
    f.participation(exhibition=second, country=china, enterprises=1246)
    f.participation(exhibition=second, country=russia, enterprises=None)
    chart = editions_chart(editions_participations(Exhibition.objects.all()))
    headings = [item.label for item in chart.items if item.kind == "heading"]
    assert headings == [f"{first} · 2018", f"{second} · 2019"]  # oldest first


@pytest.mark.django_db
def test_trade_by_year_puts_millions_and_billions_on_one_scale_oldest_first():
    f.trade_figure(year=2019, value=Decimal("110"), unit=TradeUnit.USD_BILLION)
    f.trade_figure(year=2017, value=Decimal("55000"), unit=TradeUnit.USD_MILLION)
    from cooperation.models import TradeFigure

    with translation.override("en"):
        chart = trade_chart(TradeFigure.objects.all())
    assert [item.label for item in chart.bars] == ["2017", "2019"]
    assert [item.bar_width for item in chart.bars] == ["180", "360"]  # 55 of 110 billion
    assert trade_chart(TradeFigure.objects.filter(year=2019)) is None


# Pages


@pytest.mark.django_db
def test_exhibition_list_draws_enterprises_by_country_edition_by_edition(get):
    china = f.country("CN")
    for year, count in ((2018, 900), (2019, 1246)):
        exhibition = f.exhibition(start_date=D(year, 6, 1), end_date=D(year, 6, 5))
        f.participation(exhibition=exhibition, country=china, enterprises=count)
    html = get("/en/exhibitions/").content.decode()
    assert (
        '<title id="editions-chart-title">Enterprises by country, edition by edition</title>'
        in html
    )
    text = page_text(get("/en/exhibitions/"))
    assert "Enterprises taking part, by edition and country" in text


@pytest.mark.django_db
def test_trade_list_draws_trade_by_year_then_the_table_with_each_source(get):
    f.trade_figure(year=2018, value=Decimal("107.06"))
    f.trade_figure(year=2019, value=Decimal("110.79"))
    html = get("/en/trade/").content.decode()
    assert 'id="trade-chart-title">China-Russia trade by year</title>' in html
    assert html.index("<svg") < html.index("<table")  # the chart, then its table
    assert "Each figure's source is in the table below." in page_text(get("/en/trade/"))


@pytest.mark.django_db
def test_empty_sections_are_left_out(get):
    region = f.region(name="Quiet Province")
    text = page_text(get(region.get_absolute_url()))
    html = get(region.get_absolute_url()).content.decode()
    assert 'id="enterprises-heading"' not in html
    assert "Enterprises" not in text.split("Quiet Province", 2)[-1].split("Sources")[0]
    exhibition = f.exhibition()
    html = get(exhibition.get_absolute_url()).content.decode()
    assert 'id="guests-heading"' not in html
    # A figure a reader looks for stays, saying it is not known.
    assert "No participation figures have been recorded for this exhibition." in page_text(
        get(exhibition.get_absolute_url())
    )


@pytest.mark.django_db
def test_council_reads_in_sentences(get):
    council = f.council(charter_status="adopted", membership_trend="unknown")
    text = page_text(get(council.get_absolute_url()))
    assert "The council has adopted its charter." in text
    assert "The sources do not say how its membership has changed." in text
    assert "Charter Adopted" not in text


# The directory: sorting, page numbers, the filter control


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sort,expected",
    [
        ("name", ["Alpha Works", "Beta Works", "Gamma Works"]),
        ("country", ["Beta Works", "Gamma Works", "Alpha Works"]),
        ("region", ["Gamma Works", "Alpha Works", "Beta Works"]),
    ],
)
def test_directory_sorts_by_name_country_or_region(get, sort, expected):
    china, russia = f.country("CN"), f.country("RU")
    f.enterprise(
        name="Alpha Works", country=russia, region=f.region(name="Bryansk", country=russia)
    )
    f.enterprise(name="Beta Works", country=china, region=f.region(name="Chongqing"))
    f.enterprise(name="Gamma Works", country=china, region=f.region(name="Anhui"))
    text = page_text(get("/en/enterprises/", {"sort": sort}))
    positions = [text.index(name) for name in expected]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_an_unknown_sort_is_a_form_error_not_a_crash(get):
    f.enterprise(name="Alpha Works")
    response = get("/en/enterprises/", {"sort": "'; DROP TABLE"})
    assert "Some filters could not be used." in page_text(response)
    # The filters open by themselves so the reader sees what is wrong.
    assert '<details class="filters" open>' in response.content.decode()


@pytest.mark.django_db
def test_directory_shows_page_numbers(get):
    for n in range(60):
        f.enterprise(name=f"Works {n:02d}")
    html = get("/en/enterprises/", {"page": 2}).content.decode()
    pages = re.findall(r'<a href="\?page=(\d+)"[^>]*aria-label="Page \d+"', html)
    assert pages == ["1", "2", "3"]
    assert 'aria-current="page" aria-label="Page 2"' in html


@pytest.mark.django_db
def test_the_filter_control_counts_the_filters_set_but_not_the_order():
    request = RequestFactory().get("/", {"country": "country-cn", "name": "works", "sort": "name"})
    f.country("CN")
    filterset = EnterpriseFilter(request.GET, queryset=None, request=request)
    assert active_filter_count(filterset) == 2
    assert active_filter_count(EnterpriseFilter(None, request=request)) == 0


@pytest.mark.django_db
def test_the_filter_control_says_how_many_filters_are_set(get):
    f.enterprise(name="Alpha Works")
    html = get("/en/enterprises/", {"name": "alpha", "country": "country-cn"}).content.decode()
    assert re.search(
        r'<summary class="filters__toggle">Filter <span[^>]*>\(2 active\)</span>', html
    )


@pytest.mark.django_db
def test_a_sort_order_alone_is_not_a_filter(get):
    text = page_text(get("/en/enterprises/", {"sort": "country"}))
    assert "The directory will list the enterprises" in text
    assert "Nothing matches these filters." not in text


@pytest.mark.django_db
def test_a_span_of_years_has_an_en_dash():
    years = f.years(name="Years of Cooperation", start_year=2018, end_year=2019)
    with translation.override("en"):
        assert str(years) == "Years of Cooperation (2018–2019)"
