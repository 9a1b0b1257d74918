"""The enterprise directory's table, as a reader gets it: each row links the enterprise,
its country and its region, in the reader's language, with every value escaped; a region
or sector that is not known, or not live, reads "not stated". The column headers sort
the list and say which order is current."""

import pytest
from bs4 import BeautifulSoup

from publishing.models import EditorialStatus
from tests import factories as f

pytestmark = pytest.mark.django_db

NOT_STATED = {"en": "not stated", "ru": "не указано", "zh-hans": "未说明"}
HEADERS = {
    "en": ["Name", "Country", "Region", "Sector"],
    "ru": ["Название", "Страна", "Регион", "Отрасль"],
    "zh-hans": ["名称", "国家", "地区", "行业"],
}


def table(response):
    """The directory's table: its header cells and, per row, each cell's text and link."""
    found = BeautifulSoup(response.content.decode(), "html.parser").find("table")
    headers = found.thead.find_all("th")
    rows = [
        [
            (cell.get_text(strip=True), cell.a["href"] if cell.a else None)
            for cell in row.find_all(["th", "td"])
        ]
        for row in found.tbody.find_all("tr")
    ]
    return headers, rows


@pytest.fixture
def directory():
    china = f.country("CN", name_en="China", name_ru="Китай", name_zh_hans="中国", slug="china")
    region = f.region(
        name_en="Amur <Oblast>",
        name_ru="Амурская область",
        name_zh_hans="阿穆尔州",
        slug="amur",
        country=china,
    )
    sector = f.sector(name_en="Energy & power", name_ru="Энергетика", name_zh_hans="能源")
    f.enterprise(
        name_en='Blagoveshchensk "Works"', slug="works", country=china, region=region, sector=sector
    )
    f.enterprise(name_en="Chita Mills", name_ru="Читинская мельница", slug="mills", country=china)
    f.enterprise(
        name_en="Dalian Yards",
        slug="yards",
        country=china,
        region=f.region(status=EditorialStatus.DRAFT, country=china),
        sector=f.sector(status=EditorialStatus.DRAFT),
    )


@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_each_row_links_the_enterprise_its_country_and_region(get, directory, language):
    headers, rows = table(get(f"/{language}/enterprises/"))
    assert [header.get_text(strip=True) for header in headers] == HEADERS[language]
    not_stated = (NOT_STATED[language], None)
    names = {
        "en": ['Blagoveshchensk "Works"', "Chita Mills", "Dalian Yards"],
        "ru": ['Blagoveshchensk "Works"', "Читинская мельница", "Dalian Yards"],
        "zh-hans": ['Blagoveshchensk "Works"', "Chita Mills", "Dalian Yards"],
    }[language]
    country = (
        {"en": "China", "ru": "Китай", "zh-hans": "中国"}[language],
        f"/{language}/countries/china/",
    )
    region = {"en": "Amur <Oblast>", "ru": "Амурская область", "zh-hans": "阿穆尔州"}[language]
    sector = {"en": "Energy & power", "ru": "Энергетика", "zh-hans": "能源"}[language]
    # The order is the language's (a name not translated sorts by its fallback).
    assert sorted(rows) == sorted(
        [
            [
                (names[0], f"/{language}/enterprises/works/"),
                country,
                (region, f"/{language}/regions/amur/"),
                (sector, None),
            ],
            # No region or sector known: "not stated", not an empty cell.
            [(names[1], f"/{language}/enterprises/mills/"), country, not_stated, not_stated],
            # A region and a sector not yet live read the same: the public cannot see them.
            [(names[2], f"/{language}/enterprises/yards/"), country, not_stated, not_stated],
        ]
    )


def test_every_value_is_escaped(get, directory):
    html = get("/en/enterprises/").content.decode()
    assert "Amur &lt;Oblast&gt;" in html and "Energy &amp; power" in html
    assert "Blagoveshchensk &quot;Works&quot;" in html
    assert "<Oblast>" not in html


@pytest.mark.parametrize(
    "query,current",
    [({}, "Name"), ({"sort": "country"}, "Country"), ({"sort": "region"}, "Region")],
)
def test_the_headers_sort_the_list_and_mark_the_current_order(get, directory, query, current):
    headers, _rows = table(get("/en/enterprises/", {"country": "china", **query}))
    sortable = {header.get_text(strip=True): header for header in headers if header.a}
    assert list(sortable) == ["Name", "Country", "Region"]
    # Each keeps the reader's filters and starts again from the first page.
    assert [header.a["href"] for header in sortable.values()] == [
        f"?country=china&sort={key}" for key in ("name", "country", "region")
    ]
    assert [name for name, header in sortable.items() if header.get("aria-sort")] == [current]
    assert sortable[current]["aria-sort"] == "ascending"


def test_a_header_link_leaves_the_page_number_out(get):
    for n in range(30):
        f.enterprise(name=f"Works {n:02d}")
    headers, _rows = table(get("/en/enterprises/", {"page": 2, "sort": "country"}))
    assert [header.a["href"] for header in headers if header.a] == [
        "?sort=name",
        "?sort=country",
        "?sort=region",
    ]
