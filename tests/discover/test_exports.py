"""Every list as CSV and JSON: the same records as the page, through the same address."""

import csv
import io
import json
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils.translation import override

from tests import factories

# (URL name, filters): each list with a filter that narrows it where the list has filters.
LISTS = [
    ("expo:exhibition-list", {"year": "2019"}),
    ("expo:exhibition-list", {"country": "china"}),
    ("expo:enterprise-list", {"country": "russia"}),
    ("expo:enterprise-list", {"name": "Yakutia"}),
    ("expo:forum-list", {"year": "2019"}),
    ("cooperation:region-list", {"country": "china"}),
    ("cooperation:region-list", {"name": "萨哈"}),
    ("cooperation:city-list", {}),
    ("cooperation:country-list", {}),
    ("cooperation:mechanism-list", {}),
    ("cooperation:council-list", {}),
    ("cooperation:tradefigure-list", {}),
    ("news:article-list", {"publisher": "rambler"}),
]


@pytest.fixture
def data(article_data):
    from cooperation.models import Country, Region

    sakha = Region.objects.get(slug="sakha")
    russia = Country.objects.get(code="RU")
    factories.enterprise(name="Yakut Diamond Works", country=russia, region=sakha)
    factories.enterprise(name="Harbin Bearing", country=factories.country("CN"))
    factories.enterprise(name="Amur Timber", country=russia)


def url(name, language="en"):
    with override(language):
        return reverse(name)


def html_records(client, name, filters):
    """The records the HTML list shows for these filters (every page), as paths."""
    response = client.get(url(name), filters)
    assert response.status_code == 200
    context = response.context
    paginator = context.get("paginator")
    records = paginator.object_list if paginator is not None else context["object_list"]
    paths = [record.get_absolute_url() for record in records]
    html = response.content.decode()
    for path in paths[:25]:
        assert f'href="{path}"' in html  # the page really links them
    return paths, response


def stream(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def export(client, name, filters, key):
    response = client.get(url(name), {**filters, "format": key})
    assert response.status_code == 200, response.status_code
    return response


def path_of(absolute):
    assert absolute.startswith("http://testserver/"), absolute
    return absolute.removeprefix("http://testserver")


def test_csv_and_json_hold_the_same_records_as_the_page(client, data):
    for name, filters in LISTS:
        paths, page = html_records(client, name, filters)
        assert paths, (name, filters, "each case should show something")

        body = stream(export(client, name, filters, "csv"))
        assert body.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))
        assert [path_of(row["url"]) for row in rows] == paths, (name, filters)

        document = json.loads(stream(export(client, name, filters, "json")))
        assert [path_of(record["url"]) for record in document["results"]] == paths
        assert document["count"] == len(paths)

        # The page links both, with its filters kept.
        html = page.content.decode()
        for key in ["csv", "json"]:
            query = urlencode({**filters, "format": key}).replace("&", "&amp;")
            assert f'href="{url(name)}?{query}"' in html, (name, filters, key)


def test_filters_narrow_the_exports_as_they_narrow_the_page(client, data):
    everything = json.loads(stream(export(client, "expo:enterprise-list", {}, "json")))
    russian = json.loads(
        stream(export(client, "expo:enterprise-list", {"country": "russia"}, "json"))
    )
    assert everything["count"] == 3
    assert {record["name"] for record in russian["results"]} == {
        "Yakut Diamond Works",
        "Amur Timber",
    }


def test_exports_are_not_paginated(client, db):
    china = factories.country("CN")
    for n in range(30):
        factories.enterprise(name=f"Works {n:02}", country=china)
    response = client.get(url("expo:enterprise-list"), {"page": 2})
    assert len(response.context["object_list"]) == 5  # 25 a page
    rows = list(
        csv.reader(io.StringIO(stream(export(client, "expo:enterprise-list", {"page": 2}, "csv"))))
    )
    assert len(rows) == 31  # the header and every record


def test_json_shape_dates_sources_and_languages(client, article_data):
    document = json.loads(stream(export(client, "expo:exhibition-list", {}, "json")))
    assert list(document) == ["format", "kind", "language", "url", "licence", "results", "count"]
    assert document["format"] == "china-russia-cooperation.list/1"
    assert document["kind"] == "exhibition"
    assert document["language"] == "en"
    assert document["url"] == "http://testserver/en/exhibitions/"
    [expo] = document["results"]
    assert expo["url"] == "http://testserver/en/exhibitions/6th-china-russia-expo/"
    assert expo["slug"] == "6th-china-russia-expo"
    assert expo["start_date"] == "2019-06-15"
    assert expo["end_date"] == "2019-06-19"
    assert expo["name"] == "6th China-Russia EXPO"  # the API's record (api.serializers)
    assert expo["city"]["slug"] == "harbin"
    assert expo["country"]["slug"] == "china"
    [source] = [source for source in expo["sources"] if source["publisher"] == "Rambler"]
    assert source["url"].startswith("http://testserver/en/articles/")  # the hosted article

    ru = json.loads(stream(client.get(url("expo:exhibition-list", "ru"), {"format": "json"})))
    assert ru["language"] == "ru"
    assert ru["results"][0]["url"] == "http://testserver/ru/exhibitions/6th-china-russia-expo/"
    assert ru["results"][0]["name"] == "6-е Российско-Китайское ЭКСПО"


def test_trade_figures_keep_exact_decimals(client, article_data):
    document = json.loads(stream(export(client, "cooperation:tradefigure-list", {}, "json")))
    [figure] = document["results"]
    assert figure["year"] == 2018
    assert figure["value"] == "100.00"
    assert figure["sources"]


@pytest.mark.parametrize("evil", ['=HYPERLINK("http://x")', "+1+2", "-3", "@SUM(A1)", "\tx"])
def test_csv_cells_that_a_spreadsheet_would_run_are_escaped(client, db, evil):
    factories.enterprise(name=evil, country=factories.country("CN"))
    body = stream(export(client, "expo:enterprise-list", {}, "csv"))
    [row] = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))
    assert row["name_en"] == "'" + evil
    document = json.loads(stream(export(client, "expo:enterprise-list", {}, "json")))
    assert document["results"][0]["name"] == evil  # JSON keeps the text as it is


def test_numbers_are_not_escaped_as_formulas_but_text_is():
    from decimal import Decimal

    from web.exports import csv_cell

    assert csv_cell(Decimal("-3.50")) == "-3.50"
    assert csv_cell(-7) == "-7"
    assert csv_cell("-7") == "'-7"
    assert csv_cell(["=1", "b"]) == "'=1 | b"
    assert csv_cell(None) == ""
    assert csv_cell(True) == "true"


def test_csv_is_a_download_and_json_is_json(client, article_data):
    response = export(client, "expo:exhibition-list", {}, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="exhibitions.csv"'
    assert export(client, "expo:exhibition-list", {}, "json")["Content-Type"] == "application/json"


def test_bad_formats_and_filters_are_refused_without_an_error(client, article_data):
    assert client.get(url("expo:enterprise-list"), {"format": "xml"}).status_code == 404
    assert client.get(url("expo:enterprise-list"), {"format": "\x00"}).status_code == 404
    response = client.get(url("expo:exhibition-list"), {"year": "abc", "format": "csv"})
    assert response.status_code == 400
    assert "year" in response.content.decode()
    assert client.get(url("cooperation:city-list"), {"format": "atom"}).status_code == 404


def test_the_enterprise_download_streams_in_chunks_with_a_fixed_number_of_queries(
    client, db, django_assert_max_num_queries
):
    from expo.models import Enterprise

    china = factories.country("CN")
    Enterprise.objects.bulk_create(
        Enterprise(name=f"Firm {n:05}", slug=f"firm-{n}", country=china, status="published")
        for n in range(4500)
    )
    response = export(client, "expo:enterprise-list", {}, "csv")
    chunks = 0
    rows = 0
    # 4,500 rows in 3 database chunks of 2,000; the query count does not grow per row.
    with django_assert_max_num_queries(15):
        for chunk in response.streaming_content:
            chunks += 1
            rows += chunk.count(b"\n")
    assert rows == 4501
    assert chunks > 5  # sent as it is produced, not as one body
