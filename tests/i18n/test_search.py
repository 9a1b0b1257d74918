"""Searching by name finds a record whichever of the three languages the name is typed in."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from cooperation.models import Region
from operations.sqlite import like
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
    assert 'id="id_name_error"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Нефтяная", "нефтяная", "石油", "petro"])
def test_enterprise_search_matches_names_in_every_language(get, query):
    f.enterprise(name="Petroleum Ltd", name_ru="Нефтяная компания", name_zh_hans="石油公司")
    f.enterprise(name="Timber Ltd", name_ru="Лесная компания", name_zh_hans="木材公司")
    response = get("/zh-hans/enterprises/", {"name": query})
    assert names_in_table(response) == ["石油公司"]


@pytest.mark.parametrize(
    "query",
    ["провинция хэйлунцзян", "ПРОВИНЦИЯ ХЭЙЛУНЦЗЯН", "провинция Хэйлунцзян", "хэйлунцзян"],
)
def test_region_search_ignores_case_in_cyrillic_on_every_database(get, article_data, query):
    assert names_in_table(get("/ru/regions/", {"name": query})) == ["провинция Хэйлунцзян"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Якутия", "якутия", "Yakutia", "Sakha", "萨哈"])
def test_enterprise_search_finds_the_enterprises_of_a_region_by_its_name(get, query):
    russia = f.country("RU")
    sakha = f.region(
        country=russia,
        name="Republic of Sakha (Yakutia)",
        name_ru="Республика Саха (Якутия)",
        name_zh_hans="萨哈(雅库特)共和国",
    )
    f.enterprise(name="Diamond Works", country=russia, region=sakha)
    f.enterprise(name="Harbin Machines", country=f.country("CN"))
    assert names_in_table(get("/en/enterprises/", {"name": query})) == ["Diamond Works"]


@pytest.mark.parametrize(
    ("pattern", "value", "escape", "matches"),
    [
        ("%якутия%", "Республика Саха (Якутия)", "\\", True),
        ("%саха (я%", "Республика Саха (Якутия)", "\\", True),
        ("%萨哈%", "萨哈(雅库特)共和国", "\\", True),
        ("%100\\%%", "100% more", "\\", True),
        ("%100\\%%", "1000 more", "\\", False),
        ("a_c", "ABC", None, True),
        ("a_c", "abbc", None, False),
        ("%x%", None, None, None),
    ],
)
def test_sqlite_like_folds_case_in_every_script(pattern, value, escape, matches):
    assert like(pattern, value, escape) is matches


# The admin's search


@pytest.mark.parametrize("query", ["Якутия", "Sakha", "萨哈"])
def test_admin_region_search_finds_sakha_in_any_language(admin_client, article_data, query):
    response = admin_client.get(reverse("admin:cooperation_region_changelist"), {"q": query})
    assert response.status_code == 200
    assert [region.slug for region in response.context["cl"].result_list] == ["sakha"]


@pytest.mark.parametrize(
    ("model", "query", "slug"),
    [
        ("region", "якутия", "sakha"),
        ("region", "республика саха", "sakha"),
        ("city", "харбин", "harbin"),
    ],
)
def test_admin_search_ignores_case_in_cyrillic(admin_client, article_data, model, query, slug):
    response = admin_client.get(reverse(f"admin:cooperation_{model}_changelist"), {"q": query})
    assert [record.slug for record in response.context["cl"].result_list] == [slug]
