"""Every fact of the source article, read back through the models after loading the fixtures.

Facts the article does not state are checked here too, with the source that does state
them (FACTS.md): the year 2019 (China News Service, Global Times), the period of the
Years (Xinhua), Sakha in the Far Eastern Federal District (the 2018 decree). Links no
source states are absent: the fund is not linked to the Council, the Forum not to the
EXPO, and the meetings have no numbers on the site.
"""

import datetime
from decimal import Decimal

import pytest

from cooperation.models import (
    CharterStatus,
    City,
    CooperationAssessment,
    CooperationMechanism,
    CooperationYears,
    Council,
    InvestmentFund,
    MembershipTrend,
    Qualifier,
    Region,
    RegionKind,
    TradeFigure,
    TradeUnit,
)
from expo.models import Exhibition, Forum

pytestmark = pytest.mark.usefixtures("article_data")


@pytest.fixture
def expo6():
    return Exhibition.objects.get(series__slug="china-russia-expo", edition=6)


def test_sixth_expo_dates_and_place(expo6):
    assert expo6.name == "6th China-Russia EXPO"
    assert (expo6.start_date, expo6.end_date) == (
        datetime.date(2019, 6, 15),
        datetime.date(2019, 6, 19),
    )
    assert expo6.city.name == "Harbin"
    assert expo6.city.region.name == "Heilongjiang Province"
    assert expo6.city.region.parent.name == "Northeast China"
    assert expo6.country.code == "CN"
    assert cited(expo6, "year") == {"china-news-service-2019-06-15"}


def test_harbin_is_the_administrative_centre_of_heilongjiang():
    heilongjiang = Region.objects.get(iso_code="CN-HL")
    assert heilongjiang.kind == RegionKind.PROVINCE
    assert heilongjiang.administrative_centre == City.objects.get(slug="harbin")


def test_sixth_expo_theme(expo6):
    assert expo6.theme == (
        "Chinese-Russian interregional cooperation: opportunities, potential, future"
    )


def test_china_took_part_with_1246_enterprises_from_21_units(expo6):
    china = expo6.participations.get(country__code="CN")
    assert (china.enterprises, china.provincial_units) == (1246, 21)


def test_russia_took_part_with_137_enterprises_units_not_stated(expo6):
    russia = expo6.participations.get(country__code="RU")
    assert russia.enterprises == 137
    assert russia.provincial_units is None


def test_guests_of_honour_one_per_side(expo6):
    guests = {g.region.country.code: g.region for g in expo6.guests_of_honour.all()}
    assert guests["CN"].name == "Guangdong Province"
    assert guests["CN"].iso_code == "CN-GD"
    assert guests["RU"].name == "Republic of Sakha (Yakutia)"
    assert guests["RU"].iso_code == "RU-SA"
    assert len(guests) == 2


def cited(record, supports):
    return {c.source.slug for c in record.citations.filter(supports=supports)}


def test_sakha_lies_in_the_far_eastern_federal_district_as_the_2018_decree_says():
    sakha = Region.objects.get(slug="sakha")
    assert sakha.kind == RegionKind.REPUBLIC
    assert sakha.parent.name == "Far Eastern Federal District"
    assert sakha.parent.kind == RegionKind.FEDERAL_DISTRICT
    assert cited(sakha, "part_of") == {"presidential-decree-849-2018"}
    # Yakutsk as its centre and the district in the Russian Far East: editors' notes only.
    assert sakha.administrative_centre.name == "Yakutsk"
    assert cited(sakha, "administrative_centre") == {"editors-yakutsk"}
    assert cited(sakha.parent, "part_of") == {"editors-russian-far-east"}


def test_cooperation_covers_border_inland_and_coastal_regions():
    assessment = CooperationAssessment.objects.get()
    assert assessment.attributed_to == "Experts"
    assert "accelerated development" in assessment.title
    assert assessment.covers_border_regions is True
    assert assessment.covers_inland_regions is True
    assert assessment.covers_coastal_regions is True


def test_two_mechanisms_of_interregional_cooperation():
    pairs = {
        (m.chinese_region.name, m.russian_region.name) for m in CooperationMechanism.objects.all()
    }
    assert pairs == {
        ("Northeast China", "Russian Far East"),
        ("Upper and middle reaches of the Yangtze River", "Volga Federal District"),
    }
    assert all(
        m.chinese_region.country.code == "CN" and m.russian_region.country.code == "RU"
        for m in CooperationMechanism.objects.all()
    )


def test_heilongjiang_belongs_to_the_northeast_far_east_mechanism():
    heilongjiang = Region.objects.get(slug="heilongjiang")
    names = [m.name for m in CooperationMechanism.objects.for_region(heilongjiang)]
    assert names == ["Northeast China - Russian Far East"]


def test_years_of_interregional_cooperation_2018_2019():
    years = CooperationYears.objects.get()
    assert (years.start_year, years.end_year) == (2018, 2019)
    assert years.name == "Years of China-Russia Interregional Cooperation"
    assert cited(years, "period") == {"xinhua-2018-02-07"}


def test_council_met_twice_within_the_years_dates_and_places_unknown():
    council = Council.objects.get(slug="council-on-interregional-cooperation")
    meetings = list(council.meetings.all())
    assert len(meetings) == 2  # "two meetings": no order, no dates, no places
    assert all(m.date is None and m.city is None for m in meetings)
    assert all(m.years.start_year == 2018 for m in meetings)
    assert "1" not in str(meetings[0]) and "2" not in str(meetings[1])


def test_council_charter_drawn_up_and_membership_grown():
    council = Council.objects.get(slug="council-on-interregional-cooperation")
    assert council.charter_status == CharterStatus.DEVELOPED
    assert council.membership_trend == MembershipTrend.INCREASED
    assert council.years.slug == "years-of-interregional-cooperation-2018-2019"


def test_joint_investment_fund_set_up_within_the_years_by_whom_not_stated():
    """The article lists the fund in the passive, beside the Council's work: no source
    says the Council set it up, so neither the link nor any description says so."""
    fund = InvestmentFund.objects.get()
    assert fund.name == "China-Russia Regional Cooperation Development Investment Fund"
    assert fund.council is None
    assert fund.years.start_year == 2018
    assert fund.established_year is None
    council = Council.objects.get()
    for text in (council.description_en, council.description_ru, council.description_zh_hans):
        assert "fund" not in text and "фонд" not in text and "基金" not in text


def test_second_forum_on_15_june_2019_in_harbin_not_linked_to_the_expo(expo6):
    forum = Forum.objects.get(series__slug="china-russia-forum-of-interregional-cooperation")
    assert forum.edition == 2
    assert forum.date == datetime.date(2019, 6, 15)
    assert forum.city.name == "Harbin"
    assert forum.exhibition is None  # the article does not say it was part of the EXPO
    assert cited(forum, "year") == {"global-times-1154409"}
    assert sorted(c.code for c in forum.countries.all()) == ["CN", "RU"]
    assert forum.participants == "Officials and business representatives of both countries"
    assert "prospects" in forum.summary


def test_trade_2018_exceeded_100_billion_dollars_a_record():
    figure = TradeFigure.objects.get(year=2018)
    assert figure.qualifier == Qualifier.MORE_THAN
    assert figure.value == Decimal("100")
    assert figure.unit == TradeUnit.USD_BILLION
    assert figure.is_record is True
    assert figure.display_value == "more than 100 billion US dollars"


@pytest.mark.parametrize(
    ("model", "slug", "ru", "zh"),
    [
        (City, "harbin", "Харбин", "哈尔滨"),
        (City, "yakutsk", "Якутск", "雅库茨克"),
        (Region, "heilongjiang", "провинция Хэйлунцзян", "黑龙江省"),
        (Region, "sakha", "Республика Саха (Якутия)", "萨哈（雅库特）共和国"),
        (Region, "volga-federal-district", "Приволжский федеральный округ", "伏尔加河沿岸联邦区"),
        (
            Council,
            "council-on-interregional-cooperation",
            "Совет по межрегиональному сотрудничеству",
            "中俄地方合作理事会",
        ),
    ],
)
def test_names_in_three_languages(model, slug, ru, zh):
    record = model.objects.get(slug=slug)
    assert (record.name_ru, record.name_zh_hans) == (ru, zh)
