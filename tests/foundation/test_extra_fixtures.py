"""The optional extras: EXPO editions and customs trade figures, each with its source."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command

from cooperation.models import Qualifier, Region, TradeFigure
from expo.models import Exhibition
from tests.conftest import ARTICLE_FIXTURES, FIXTURES_DIR

EXTRA_FIXTURES = [
    FIXTURES_DIR / "extra_expo_history.json",
    FIXTURES_DIR / "extra_trade_statistics.json",
]

EDITIONS = {
    1: ("2014-06-30", "2014-07-04", "Harbin"),
    2: ("2015-10-12", "2015-10-16", "Harbin"),
    3: ("2016-07-11", "2016-07-14", "Yekaterinburg"),
    4: ("2017-06-15", "2017-06-19", "Harbin"),
    5: ("2018-07-09", "2018-07-12", "Yekaterinburg"),
    6: ("2019-06-15", "2019-06-19", "Harbin"),
    7: ("2023-07-10", "2023-07-13", "Yekaterinburg"),
    8: ("2024-05-17", "2024-05-21", "Harbin"),
    9: ("2025-07-07", "2025-07-10", "Yekaterinburg"),
}


@pytest.fixture
def extras(article_data):
    call_command("loaddata", *EXTRA_FIXTURES, verbosity=0)


@pytest.mark.usefixtures("extras")
def test_every_edition_with_its_dates_city_and_source():
    exhibitions = {e.edition: e for e in Exhibition.objects.select_related("city")}
    assert sorted(exhibitions) == sorted(EDITIONS)
    for edition, (start, end, city) in EDITIONS.items():
        exhibition = exhibitions[edition]
        assert exhibition.start_date == datetime.date.fromisoformat(start)
        assert exhibition.end_date == datetime.date.fromisoformat(end)
        assert exhibition.city.name == city
        cited = {c.source.slug for c in exhibition.citations.filter(supports="dates_and_city")}
        assert cited, f"edition {edition} cites no source for its dates and city"
        if edition != 6:
            assert "rambler-interregional-cooperation-accelerated-development" not in cited
        assert exhibition.is_live


@pytest.mark.usefixtures("extras")
def test_innoprom_editions_say_so():
    at_innoprom = sorted(
        e.edition for e in Exhibition.objects.all() if "INNOPROM" in (e.venue or "")
    )
    assert at_innoprom == [3, 5, 7]


@pytest.mark.usefixtures("extras")
def test_yekaterinburg_in_sverdlovsk_oblast_in_the_ural_federal_district():
    oblast = Region.objects.get(iso_code="RU-SVE")
    city = oblast.cities.get(name="Yekaterinburg")
    assert city.name_ru == "Екатеринбург"
    assert city.name_zh_hans == "叶卡捷琳堡"
    # FACTS.md says Yekaterinburg is in the oblast, not that it is its administrative
    # centre: an editors' note that a city is in a region does not support that.
    assert oblast.administrative_centre is None
    assert oblast.parent.name == "Ural Federal District"
    # No source in FACTS.md states these: editors' notes, never under a report's name.
    notes = {c.source.kind for c in oblast.citations.filter(supports="part_of")}
    assert notes == {"editors_note"}


@pytest.mark.usefixtures("extras")
def test_customs_trade_figures_beside_the_articles_wording():
    by_slug = {t.slug: t for t in TradeFigure.objects.all()}
    assert by_slug["2018-customs"].value == Decimal("107.06")
    assert by_slug["2018-customs"].qualifier == Qualifier.EXACT
    assert by_slug["2018-customs"].is_record
    assert by_slug["2017-customs"].value == Decimal("84.07")
    for slug in ("2018-customs", "2017-customs"):
        sources = [c.source for c in by_slug[slug].citations.all()]
        assert [s.publisher for s in sources] == ["General Administration of Customs of China"]
    # The article's own figure keeps its wording.
    assert by_slug["2018-rambler"].display_value == "more than 100 billion US dollars"


@pytest.mark.usefixtures("extras")
def test_loading_the_extras_twice_changes_nothing():
    before = (Exhibition.objects.count(), TradeFigure.objects.count(), Region.objects.count())
    call_command("loaddata", *ARTICLE_FIXTURES, *EXTRA_FIXTURES, verbosity=0)
    assert (
        Exhibition.objects.count(),
        TradeFigure.objects.count(),
        Region.objects.count(),
    ) == before
