"""Integrity lives in the database: each constraint rejects a violating row."""

import datetime

import pytest
from django.db import DataError, IntegrityError, transaction
from django.db.models import ProtectedError

from cooperation.models import Region
from expo.models import Exhibition
from tests import factories as f

pytestmark = pytest.mark.django_db


def rejected(make):
    """True when the database refuses the row that ``make`` writes."""
    try:
        with transaction.atomic():
            make()
    except (IntegrityError, DataError):  # DataError: PostgreSQL's length limits
        return True
    return False


def test_exhibition_cannot_end_before_it_starts():
    assert rejected(
        lambda: f.exhibition(
            start_date=datetime.date(2019, 6, 15), end_date=datetime.date(2019, 6, 14)
        )
    )
    # One-day exhibitions and unknown dates are fine.
    f.exhibition(start_date=datetime.date(2019, 6, 15), end_date=datetime.date(2019, 6, 15))
    f.exhibition(start_date=None, end_date=None)


@pytest.mark.parametrize("field", ["enterprises", "provincial_units"])
def test_participation_counts_cannot_be_negative(field):
    assert rejected(lambda: f.participation(**{field: -1}))


def test_trade_value_cannot_be_negative():
    assert rejected(lambda: f.trade_figure(value="-1"))


def test_slugs_are_unique():
    f.region(slug="heilongjiang")
    assert rejected(lambda: f.region(slug="heilongjiang"))


def test_edition_is_unique_within_its_series():
    first = f.exhibition(edition=6)
    assert rejected(lambda: f.exhibition(series=first.series, edition=6))
    f.exhibition(edition=6)  # another series may have a 6th edition


def test_forum_edition_is_unique_within_its_series():
    first = f.forum(edition=2)
    assert rejected(lambda: f.forum(series=first.series, edition=2))


def test_iso_code_is_unique_but_may_be_empty():
    f.region(iso_code="CN-HL")
    assert rejected(lambda: f.region(iso_code="CN-HL"))
    f.region(iso_code="")
    f.region(iso_code="")


def test_a_country_takes_part_once_per_exhibition():
    row = f.participation()
    assert rejected(lambda: f.participation(exhibition=row.exhibition, country=row.country))


def test_council_meeting_number_unique_per_council():
    meeting = f.council_meeting(number=1)
    assert rejected(lambda: f.council_meeting(council=meeting.council, number=1))


def test_thematic_years_cannot_end_before_they_start():
    assert rejected(lambda: f.years(start_year=2019, end_year=2018))


def test_mechanism_pairs_two_different_regions():
    region = f.region()
    assert rejected(lambda: f.mechanism(chinese_region=region, russian_region=region))


def test_region_is_not_its_own_parent():
    region = f.region()
    region.parent = region
    assert rejected(region.save)


def test_membership_cannot_end_before_it_starts():
    assert rejected(
        lambda: f.council_membership(
            joined_on=datetime.date(2019, 1, 1), left_on=datetime.date(2018, 1, 1)
        )
    )


def test_deleting_a_region_with_cities_is_refused():
    city = f.city()
    with pytest.raises(ProtectedError):
        city.region.delete()
    assert Region.objects.filter(pk=city.region.pk).exists()


def test_deleting_a_city_that_hosted_an_exhibition_is_refused():
    exhibition = f.exhibition()
    with pytest.raises(ProtectedError):
        exhibition.city.delete()


def test_deleting_an_exhibition_with_a_forum_is_refused():
    forum = f.forum(exhibition=f.exhibition())
    with pytest.raises(ProtectedError):
        forum.exhibition.delete()
    assert Exhibition.objects.filter(pk=forum.exhibition.pk).exists()


def test_deleting_a_region_in_a_mechanism_is_refused():
    mechanism = f.mechanism()
    with pytest.raises(ProtectedError):
        mechanism.chinese_region.delete()


def test_deleting_an_exhibition_removes_its_own_figures():
    row = f.participation()
    row.exhibition.delete()
    assert not type(row).objects.exists()


@pytest.mark.parametrize(
    "make",
    [
        lambda: f.region(kind="banana"),
        lambda: f.region(iso_code="ru-xx"),
        lambda: f.region(iso_code="CN-HLJX"),
        lambda: f.country(code="CHN"),
        lambda: f.country(code="cn"),
        lambda: f.trade_figure(qualifier="more-than"),
        lambda: f.trade_figure(unit="usd_thousand"),
        lambda: f.council(charter_status="signed"),
        lambda: f.council(membership_trend="up"),
    ],
    ids=[
        "region-kind",
        "iso-code-lower-case",
        "iso-code-too-long",
        "country-code-three-letters",
        "country-code-lower-case",
        "trade-qualifier",
        "trade-unit",
        "charter-status",
        "membership-trend",
    ],
)
def test_choices_and_codes_are_checked_by_the_database(make):
    """A fixture skips form validation; the database still refuses a value out of range."""
    assert rejected(make)


def test_valid_codes_and_choices_are_accepted():
    f.region(kind="republic", iso_code="RU-SA")
    f.region(kind="oblast", iso_code="RU-SVE")
    f.country(code="KZ")
    f.trade_figure(qualifier="more_than", unit="usd_billion")
