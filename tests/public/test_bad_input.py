"""Bad input in the query string gives a clear message or a 404, never a server error.

The test client re-raises any exception a view raises, so a server error fails
these tests outright; they run on SQLite and on PostgreSQL (DATABASE_URL), which
refuses NUL bytes in string parameters.
"""

import pytest

from tests import factories as f
from tests.public.conftest import page_text

NUL = "\x00"
LONG = "x" * 5000

FILTERED_LISTS = {
    "/en/enterprises/": ["name", "country", "region", "sector", "exhibition"],
    "/en/exhibitions/": ["year", "city", "country", "series"],
    "/en/regions/": ["country", "kind"],
    "/en/forums/": ["year", "series"],
}
CHOICE_FIELDS = [
    (url, field)
    for url, fields in FILTERED_LISTS.items()
    for field in fields
    if field not in ("name", "year")
]
ALL_FIELDS = [(url, field) for url, fields in FILTERED_LISTS.items() for field in fields]
ALL_LISTS = [
    *FILTERED_LISTS,
    "/en/cities/",
    "/en/countries/",
    "/en/mechanisms/",
    "/en/councils/",
    "/en/trade/",
    "/en/assessments/",
]


@pytest.fixture
def some_of_everything(db):
    """At least one row on every list, so "no results" is the filter's doing."""
    china = f.country("CN")
    region = f.region(country=china, slug="heilongjiang")
    exhibition = f.exhibition(city=f.city(region=region))
    f.enterprise(country=china, region=region, sector=f.sector())
    f.forum(exhibition=exhibition)
    f.mechanism()
    f.council()
    f.trade_figure()
    f.assessment()


def assert_refused(response, field):
    """The page says the filter could not be used, marks the field and lists nothing."""
    assert response.status_code == 200
    text = page_text(response)
    assert "Some filters could not be used." in text
    html = response.content.decode()
    # The error list is the field's description, so a screen reader reads it with the field.
    assert f'aria-describedby="id_{field}_error"' in html
    assert f'id="id_{field}_error"' in html
    assert response.context["page_obj"].object_list == [] or not list(
        response.context["page_obj"].object_list
    )


@pytest.mark.parametrize("url,field", CHOICE_FIELDS)
def test_unknown_choice_is_a_form_error(client, some_of_everything, url, field):
    response = client.get(url, {field: "atlantis"})
    assert_refused(response, field)
    assert "Select a valid choice" in page_text(response)


@pytest.mark.parametrize("url", ["/en/exhibitions/", "/en/forums/"])
@pytest.mark.parametrize(
    "year", ["abc", "2019.5", "1e3", "-2019", "0", "99999999999999999999", "٢٠١٩x"]
)
def test_year_that_is_not_a_plausible_whole_number_is_a_form_error(
    client, some_of_everything, url, year
):
    assert_refused(client.get(url, {"year": year}), "year")


@pytest.mark.parametrize("url,field", ALL_FIELDS)
def test_nul_byte_is_a_form_error(client, some_of_everything, url, field):
    response = client.get(url, {field: f"china{NUL}"})
    assert_refused(response, field)


@pytest.mark.parametrize("url,field", ALL_FIELDS)
def test_very_long_value_is_a_form_error(client, some_of_everything, url, field):
    assert_refused(client.get(url, {field: LONG}), field)


def test_overlong_name_says_how_long_it_may_be(client, some_of_everything):
    text = page_text(client.get("/en/enterprises/", {"name": LONG}))
    assert "Ensure this value has at most 100 characters" in text


@pytest.mark.parametrize("url", ALL_LISTS)
@pytest.mark.parametrize("page", ["9999", "abc", "0", "-1", f"1{NUL}", "9" * 5000])
def test_bad_page_number_is_a_404(client, some_of_everything, url, page):
    response = client.get(url, {"page": page})
    assert response.status_code == 404
    assert "Page not found" in page_text(response)


@pytest.mark.parametrize("url", ALL_LISTS)
def test_first_and_last_pages_work(client, some_of_everything, url):
    assert client.get(url, {"page": "1"}).status_code == 200
    assert client.get(url, {"page": "last"}).status_code == 200


def test_repeated_keys_use_the_last_value(client, article_data):
    response = client.get("/en/regions/?country=china&country=russia&kind=republic")
    assert response.status_code == 200
    assert "Republic of Sakha (Yakutia)" in page_text(response)
    response = client.get("/en/exhibitions/?year=abc&year=2019")
    assert "6th China-Russia EXPO" in page_text(response)
    assert "could not be used" not in page_text(response)


def test_repeated_bad_and_good_keys_still_refuse_a_bad_last_value(client, article_data):
    response = client.get("/en/exhibitions/?year=2019&year=abc")
    assert_refused(response, "year")


def test_unknown_parameters_are_ignored(client, article_data):
    response = client.get("/en/exhibitions/", {"colour": "red", "utm_source": "x" * 500})
    assert response.status_code == 200
    assert "6th China-Russia EXPO" in page_text(response)


def test_like_wildcards_in_a_name_are_matched_literally(client, some_of_everything):
    f.enterprise(name="100% Dairy")
    response = client.get("/en/enterprises/", {"name": "%"})
    assert "100% Dairy" in page_text(response)
    assert "1 result" in page_text(response)


def test_undecodable_bytes_in_the_query_string_do_not_break_the_page(client, article_data):
    response = client.get("/en/enterprises/?name=%ff%fe&country=%c3%28")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/en/regions/heilong%00jiang/", "/en/exhibitions/%00/", "/en/regions/" + "x" * 3000 + "/"],
)
def test_bad_slug_in_a_detail_url_is_a_404(client, article_data, url):
    assert client.get(url).status_code == 404
