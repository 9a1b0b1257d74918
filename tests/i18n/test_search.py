"""Searching by name finds a record whichever of the three languages the name is typed in."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from cooperation.models import Region
from core.filters import case_variants
from tests import factories as f
from tests.public.conftest import page_text

SAKHA = ["Якутия", "якутия", "Yakutia", "Sakha", "sakha", "萨哈", "雅库特"]
CODES = ["en", "ru", "zh-hans"]


def names_in_table(response):
    html = response.content.decode()
    if "<tbody>" not in html:
        return []
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return [
        re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r'<th scope="row">(.*?)</th>', body)
    ]


def region_list(code):
    with translation.override(code):
        return reverse("cooperation:region-list")


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("query", SAKHA)
def test_region_search_finds_sakha_in_any_language(get, article_data, code, query):
    names = names_in_table(get(region_list(code), {"name": query}))
    with translation.override(code):
        expected = Region.objects.get(slug="sakha").name
    assert names == [expected]


@pytest.mark.parametrize("query", ["Хэйлунцзян", "黑龙江", "Heilongjiang", "heilongjiang"])
def test_region_search_finds_heilongjiang_by_any_of_its_names(get, article_data, query):
    assert names_in_table(get("/ru/regions/", {"name": query})) == ["провинция Хэйлунцзян"]


def test_region_search_combines_with_the_other_filters(get, article_data):
    assert names_in_table(get("/en/regions/", {"name": "Федеральный", "country": "russia"})) == [
        "Far Eastern Federal District",
        "Volga Federal District",
    ]
    text = page_text(get("/en/regions/", {"name": "Якутия", "country": "china"}))
    assert "Nothing matches these filters." in text


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["x" * 101, "Саха\x00"])
def test_region_search_refuses_bad_input_with_a_message(get, value):
    f.region()
    response = get("/en/regions/", {"name": value})
    assert "Some filters could not be used." in page_text(response)
    assert 'id="id_name_errors"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Нефтяная", "нефтяная", "石油", "petro"])
def test_enterprise_search_matches_names_in_every_language(get, query):
    f.enterprise(name="Petroleum Ltd", name_ru="Нефтяная компания", name_zh_hans="石油公司")
    f.enterprise(name="Timber Ltd", name_ru="Лесная компания", name_zh_hans="木材公司")
    response = get("/zh-hans/enterprises/", {"name": query})
    assert names_in_table(response) == ["石油公司"]


def test_case_variants_cover_the_ways_a_reader_types_a_cyrillic_name():
    assert case_variants("Sakha") == ["Sakha"]
    assert set(case_variants("якутия")) >= {"якутия", "Якутия", "ЯКУТИЯ"}
    assert set(case_variants("республика саха")) >= {"Республика саха", "Республика Саха"}


# The admin's search


@pytest.mark.parametrize("query", ["Якутия", "Sakha", "萨哈"])
def test_admin_region_search_finds_sakha_in_any_language(admin_client, article_data, query):
    response = admin_client.get(reverse("admin:cooperation_region_changelist"), {"q": query})
    assert response.status_code == 200
    assert [region.slug for region in response.context["cl"].result_list] == ["sakha"]
