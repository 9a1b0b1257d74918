"""Filters on the public lists: GET parameters, shown in the form, kept by pagination."""

import datetime
import re

import pytest

from tests import factories as f
from tests.public.conftest import page_text


def names_in_table(response):
    """The row headers of the results table: the names a reader sees, in order."""
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r'<th scope="row">(.*?)</th>', html, re.S)
    ]


def selected(response, field):
    """The option(s) shown as chosen in a select."""
    html = response.content.decode()
    select = re.search(rf'<select name="{field}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)" selected>', select)


@pytest.fixture
def directory(db):
    """A small enterprise directory across both countries."""
    china, russia = f.country("CN"), f.country("RU")
    heilongjiang = f.region(country=china, name="Heilongjiang Province", slug="heilongjiang")
    sakha = f.region(country=russia, name="Sakha", slug="sakha")
    energy = f.sector(name="Energy", slug="energy")
    farming = f.sector(name="Farming", slug="farming")
    expo = f.exhibition(name="6th EXPO", slug="6th-expo")
    made = {
        "harbin": f.enterprise(
            name="Harbin Electric",
            name_ru="Харбинская электрическая",
            country=china,
            region=heilongjiang,
            sector=energy,
        ),
        "grain": f.enterprise(
            name="Heilongjiang Grain", country=china, region=heilongjiang, sector=farming
        ),
        "yakutia": f.enterprise(name="Yakutia Power", country=russia, region=sakha, sector=energy),
        "alrosa": f.enterprise(name="Sakha Diamonds", country=russia, region=sakha),
    }
    # Directly: the factory would also make a default enterprise of its own.
    made["harbin"].exhibitions.add(expo)
    made["yakutia"].exhibitions.add(expo)
    return made


@pytest.mark.parametrize(
    "query,expected",
    [
        ({}, ["Harbin Electric", "Heilongjiang Grain", "Sakha Diamonds", "Yakutia Power"]),
        ({"country": "country-ru"}, ["Sakha Diamonds", "Yakutia Power"]),
        ({"region": "heilongjiang"}, ["Harbin Electric", "Heilongjiang Grain"]),
        ({"sector": "energy"}, ["Harbin Electric", "Yakutia Power"]),
        ({"exhibition": "6th-expo"}, ["Harbin Electric", "Yakutia Power"]),
        ({"name": "power"}, ["Yakutia Power"]),
        ({"name": "Харбин"}, ["Harbin Electric"]),
        ({"country": "country-cn", "sector": "energy"}, ["Harbin Electric"]),
        ({"name": "", "country": "", "sector": ""}, None),
    ],
    ids=lambda v: str(v),
)
def test_enterprise_directory_filters(get, directory, query, expected):
    if expected is None:  # an empty form is no filter at all
        expected = ["Harbin Electric", "Heilongjiang Grain", "Sakha Diamonds", "Yakutia Power"]
    response = get("/en/enterprises/", query)
    assert names_in_table(response) == expected
    assert f"{len(expected)} result" in page_text(response)


def test_filter_form_shows_the_current_values(get, directory):
    response = get(
        "/en/enterprises/", {"name": "Harbin", "sector": "energy", "country": "country-cn"}
    )
    assert selected(response, "sector") == ["energy"]
    assert selected(response, "country") == ["country-cn"]
    assert selected(response, "region") == [""] or selected(response, "region") == []
    assert 'name="name" value="Harbin"' in response.content.decode()


def test_a_filter_with_no_match_says_so_plainly(get, directory):
    response = get("/en/enterprises/", {"name": "Zeppelin"})
    text = page_text(response)
    assert "Nothing matches these filters." in text
    assert names_in_table(response) == []
    assert 'href="/en/enterprises/"' in response.content.decode()


@pytest.mark.django_db
def test_an_empty_directory_says_what_it_will_hold_and_where_the_figures_are(get):
    text = page_text(get("/en/enterprises/"))
    assert "The directory will list the enterprises that took part in the exhibitions" in text
    assert "the number of enterprises from each country, not their names" in text


@pytest.mark.django_db
def test_pagination_keeps_the_filters_and_the_order_is_stable(get):
    energy, farming = f.sector(slug="energy"), f.sector(slug="farming")
    for i in range(30):
        # Equal names: only the slug tells them apart, so the order must use it too.
        f.enterprise(name="Same Name", slug=f"same-{i:02d}", sector=energy)
    f.enterprise(name="Other", sector=farming)

    first = get("/en/enterprises/", {"sector": "energy"})
    html = first.content.decode()
    assert "30 results" in page_text(first)
    next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert "sector=energy" in next_link and "page=2" in next_link
    assert "Page 1 of 2" in page_text(first)

    second = get("/en/enterprises/" + next_link)
    assert "sector=energy" in re.search(r'href="([^"]+)" rel="prev"', second.content.decode())[1]
    slugs = re.findall(r'href="/en/enterprises/(same-\d\d)/"', html) + re.findall(
        r'href="/en/enterprises/(same-\d\d)/"', second.content.decode()
    )
    assert slugs == [f"same-{i:02d}" for i in range(30)]


@pytest.mark.django_db
def test_exhibitions_filter_by_year_city_country_and_series(get):
    china, russia = f.country("CN"), f.country("RU")
    harbin = f.city(name="Harbin", slug="harbin", region=f.region(country=china))
    yekaterinburg = f.city(
        name="Yekaterinburg", slug="yekaterinburg", region=f.region(country=russia)
    )
    series = f.exhibition_series(slug="china-russia-expo")
    other_series = f.exhibition_series(slug="other")
    f.exhibition(
        name="5th EXPO",
        city=yekaterinburg,
        series=series,
        start_date=datetime.date(2018, 7, 9),
        end_date=datetime.date(2018, 7, 12),
    )
    f.exhibition(
        name="6th EXPO",
        city=harbin,
        series=series,
        start_date=datetime.date(2019, 6, 15),
        end_date=datetime.date(2019, 6, 19),
    )
    f.exhibition(
        name="Other fair",
        city=harbin,
        series=other_series,
        start_date=datetime.date(2019, 9, 1),
        end_date=datetime.date(2019, 9, 2),
    )

    def names(query):
        return re.findall(
            r'class="card__title"><a href="[^"]+">([^<]+)</a>',
            get("/en/exhibitions/", query).content.decode(),
        )

    assert names({}) == ["Other fair", "6th EXPO", "5th EXPO"]
    assert names({"year": "2019"}) == ["Other fair", "6th EXPO"]
    assert names({"city": "yekaterinburg"}) == ["5th EXPO"]
    assert names({"country": "country-cn"}) == ["Other fair", "6th EXPO"]
    assert names({"series": "china-russia-expo", "year": "2019"}) == ["6th EXPO"]
    assert names({"year": "2014"}) == []
    # The series link on an exhibition page is this filter.
    assert series.get_absolute_url() == "/en/exhibitions/?series=china-russia-expo"


def test_regions_filter_by_country_and_kind(get, article_data):
    def names(query):
        return names_in_table(get("/en/regions/", query))

    assert names({"country": "russia", "kind": "republic"}) == ["Republic of Sakha (Yakutia)"]
    assert names({"kind": "macro_region"}) == [
        "Northeast China",
        "Upper and middle reaches of the Yangtze River",
        "Russian Far East",
    ]
    assert len(names({"country": "china"})) == 4


def test_forums_filter_by_year_and_series(get, article_data):
    series = "china-russia-forum-of-interregional-cooperation"
    assert "2nd China-Russia Forum" in page_text(get("/en/forums/", {"year": "2019"}))
    assert "2nd China-Russia Forum" in page_text(get("/en/forums/", {"series": series}))
    assert "Nothing matches these filters." in page_text(get("/en/forums/", {"year": "2018"}))
