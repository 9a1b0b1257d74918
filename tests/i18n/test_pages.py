"""The public pages in English, Russian and Simplified Chinese, from the article's data."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories as f
from tests.public.conftest import page_text

EXPO_SLUG = "6th-china-russia-expo"

# What a reader of each language sees: the html lang tag, the translated navigation,
# and the translated names of the exhibition, its city and its province.
LANGUAGES = {
    "en": {
        "lang": "en",
        "nav": ["Exhibitions", "Enterprises", "Regions", "Trade", "Articles"],
        "names": ["6th China-Russia EXPO", "Harbin", "Heilongjiang Province"],
        "guests": ["Guangdong Province", "Republic of Sakha (Yakutia)"],
    },
    "ru": {
        "lang": "ru",
        "nav": ["Выставки", "Предприятия", "Регионы", "Торговля", "Статьи"],
        "names": ["6-е Российско-Китайское ЭКСПО", "Харбин", "провинция Хэйлунцзян"],
        "guests": ["Провинция Гуандун", "Республика Саха (Якутия)"],  # a card title: capitalised
    },
    "zh-hans": {
        "lang": "zh-Hans",
        "nav": ["展会", "企业", "地区", "贸易", "文章"],
        "names": ["第六届中国-俄罗斯博览会", "哈尔滨", "黑龙江省"],
        "guests": ["广东省", "萨哈（雅库特）共和国"],
    },
}
CODES = list(LANGUAGES)


def url(name, code, **kwargs):
    with translation.override(code):
        return reverse(name, kwargs=kwargs or None)


def expo_url(code):
    return url("expo:exhibition-detail", code, slug=EXPO_SLUG)


def nav_labels(html):
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return [re.sub(r"<[^>]+>", "", a) for a in re.findall(r"<a [^>]*>.*?</a>", nav)]


def switcher_links(html):
    """``{hreflang: (href, text, is current)}`` of the language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {
        lang: (href, text, "aria-current" in attrs)
        for href, lang, attrs, text in re.findall(
            r'<a href="([^"]*)" lang="([^"]*)" hreflang="[^"]*"([^>]*)>([^<]*)</a>', nav
        )
    }


def alternates(html):
    """``{hreflang: href}`` of the page's <link rel="alternate"> elements."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


# The home page and the exhibition page in each language


@pytest.mark.parametrize("code", CODES)
def test_home_shows_translated_names_and_interface(get, article_data, code):
    expected = LANGUAGES[code]
    response = get(url("home", code))
    html = response.content.decode()
    assert f'<html lang="{expected["lang"]}">' in html
    assert set(expected["nav"]) <= set(nav_labels(html))
    text = page_text(response)
    for name in [*expected["names"], *expected["guests"]]:
        assert name in text, name


@pytest.mark.parametrize("code", CODES)
def test_exhibition_shows_translated_names_and_interface(get, article_data, code):
    expected = LANGUAGES[code]
    response = get(expo_url(code))
    html = response.content.decode()
    assert f'<html lang="{expected["lang"]}">' in html
    assert set(expected["nav"]) <= set(nav_labels(html))
    assert re.search(r"<h1>(.*?)</h1>", html).group(1) == expected["names"][0]
    text = page_text(response)
    for name in [*expected["names"], *expected["guests"]]:
        assert name in text, name


def test_russian_exhibition_page_reads_in_russian(get, article_data):
    text = page_text(get(expo_url("ru")))
    assert "Город Харбин" in text
    assert "Регион Северо-Восточный Китай › провинция Хэйлунцзян" in text
    assert "Участие по странам" in text
    assert "Почётные гости Сторона: Китай Провинция Гуандун" in text
    # No source says the 2nd Forum was held within the EXPO (issue 10): no such section.
    assert "2-й Российско-китайский форум по межрегиональному сотрудничеству" not in text


def test_chinese_exhibition_page_reads_in_chinese(get, article_data):
    text = page_text(get(expo_url("zh-hans")))
    assert "城市 哈尔滨" in text
    assert "地区 中国东北地区 › 黑龙江省" in text
    assert "按国家和地区的参展情况" in text
    assert "主宾 来自中国 广东省 来自俄罗斯 萨哈（雅库特）共和国" in text
    assert "第二届中俄地方合作论坛" not in text


def test_home_page_interface_is_translated(get, article_data):
    ru = page_text(get(url("home", "ru")))
    assert "Российско-китайское межрегиональное сотрудничество" in ru
    # What the site holds, not "the latest exhibition" (issue 24).
    assert "Последняя выставка на сайте 6-е Российско-Китайское ЭКСПО" in ru
    assert "«Северо-Восток — Дальний Восток» Северо-Восточный Китай ⇄ Дальний Восток России" in ru
    zh = page_text(get(url("home", "zh-hans")))
    assert "中俄地方合作" in zh
    assert "本站收录的最近一届博览会 第六届中国-俄罗斯博览会" in zh
    assert "中俄“东北—远东”合作机制 中国东北地区 ⇄ 俄罗斯远东地区" in zh


# Dates and numbers


def test_dates_are_written_the_way_each_language_writes_them(get, article_data):
    """One span as each language writes it: en dash, month once (web.templatetags.dates)."""
    assert "15–19 June 2019" in page_text(get(expo_url("en")))
    assert "15–19 июня 2019 г." in page_text(get(expo_url("ru")))
    assert "2019年6月15日至19日" in page_text(get(expo_url("zh-hans")))


@pytest.mark.parametrize("code,figure", [("en", "1,246"), ("ru", "1\xa0246"), ("zh-hans", "1246")])
def test_counts_are_grouped_the_way_each_language_groups_them(get, article_data, code, figure):
    """Django's formats: a comma in English, a no-break space in Russian, none in Chinese."""
    html = get(expo_url(code)).content.decode()
    assert re.search(rf'<td class="num"[^>]*>{figure}</td>', html)
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert f">{figure}</text>" in svg
    # SVG coordinates are never localised: a decimal comma would break the drawing.
    assert re.findall(r'<rect class="chart__bar"[^>]* width="([\d.]+)"', svg) == ["360", "39.6"]


@pytest.mark.parametrize("code", CODES)
def test_years_are_never_grouped(get, article_data, code):
    text = page_text(get(url("cooperation:tradefigure-list", code)))
    assert "2018" in text
    assert "2,018" not in text and "2\xa0018" not in text and "2 018" not in text


@pytest.mark.parametrize(
    "code,amount",
    [
        ("en", "China-Russia trade in 2018 more than 100 billion US dollars"),
        ("ru", "Российско-китайская торговля в 2018 году более 100 млрд долларов США"),
        ("zh-hans", "2018年中俄贸易额 超过1000亿美元"),
    ],
)
def test_trade_amount_on_the_home_page_is_phrased_per_language(get, article_data, code, amount):
    assert amount in page_text(get(url("home", code)))


# The html lang attribute, hreflang links and the switcher


@pytest.mark.parametrize("code", CODES)
def test_every_language_is_declared_as_an_alternate_with_absolute_urls(get, article_data, code):
    html = get(expo_url(code)).content.decode()
    path = f"/exhibitions/{EXPO_SLUG}/"
    assert alternates(html) == {
        "en": f"http://testserver/en{path}",
        "ru": f"http://testserver/ru{path}",
        "zh-Hans": f"http://testserver/zh-hans{path}",
        "x-default": f"http://testserver{path}",
    }


@pytest.mark.parametrize("code", CODES)
def test_switcher_links_to_the_same_page_in_every_language(get, article_data, code):
    links = switcher_links(get(expo_url(code)).content.decode())
    assert links == {
        "en": (expo_url("en"), "English", code == "en"),
        "ru": (expo_url("ru"), "Русский", code == "ru"),
        "zh-Hans": (expo_url("zh-hans"), "简体中文", code == "zh-hans"),
    }


def test_switcher_is_a_labelled_navigation(get, article_data):
    html = get(url("home", "ru")).content.decode()
    assert '<nav class="language-switcher" aria-label="Язык">' in html
    assert '<nav class="language-switcher" aria-label="语言">' in (
        get(url("home", "zh-hans")).content.decode()
    )


def test_switcher_keeps_the_query_string_so_filters_persist(get, article_data):
    html = get("/ru/enterprises/?country=china&sector=").content.decode()
    links = switcher_links(html)
    assert links["zh-Hans"][0] == "/zh-hans/enterprises/?country=china&amp;sector="
    assert links["en"][0] == "/en/enterprises/?country=china&amp;sector="
    assert alternates(html)["zh-Hans"] == (
        "http://testserver/zh-hans/enterprises/?country=china&amp;sector="
    )


def test_following_the_switcher_shows_the_filtered_list_in_the_other_language(get, article_data):
    html = get("/ru/regions/?country=russia").content.decode()
    href = switcher_links(html)["zh-Hans"][0].replace("&amp;", "&")
    text = page_text(get(href))
    assert "萨哈（雅库特）共和国" in text
    assert "黑龙江省" not in text


def test_a_missing_record_keeps_its_address_and_declares_no_alternates(client, db):
    response = client.get("/ru/regions/atlantis/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ru">' in html
    assert "Страница не найдена" in page_text(response)
    assert [href for href, _text, _current in switcher_links(html).values()] == [
        "/en/regions/atlantis/",
        "/ru/regions/atlantis/",
        "/zh-hans/regions/atlantis/",
    ]
    assert alternates(html) == {}


def test_an_unknown_address_links_to_each_languages_home(client, db):
    response = client.get("/zh-hans/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面未找到" in page_text(response)
    assert [href for href, _text, _current in switcher_links(html).values()] == [
        "/en/",
        "/ru/",
        "/zh-hans/",
    ]
    assert alternates(html) == {}


@pytest.mark.django_db
def test_the_switcher_and_alternates_run_no_query(rf, django_assert_num_queries):
    from web.languages import page_languages

    request = rf.get("/ru/regions/?country=russia")
    with translation.override("ru"), django_assert_num_queries(0):
        languages = page_languages(request)
    assert [link.url for link in languages.links] == [
        "/en/regions/?country=russia",
        "/ru/regions/?country=russia",
        "/zh-hans/regions/?country=russia",
    ]


# Addresses without a language


@pytest.mark.django_db
@pytest.mark.parametrize(
    "accept,target",
    [
        ("", "/en/"),
        ("ru-RU,ru;q=0.9,en;q=0.5", "/ru/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("de-DE,de;q=0.9", "/en/"),
    ],
)
def test_root_redirects_to_the_readers_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]


def test_an_address_without_a_language_redirects_to_the_same_page(client, article_data):
    response = client.get(f"/exhibitions/{EXPO_SLUG}/?x=1", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    assert response["Location"] == f"/ru/exhibitions/{EXPO_SLUG}/?x=1"


@pytest.mark.django_db
@pytest.mark.parametrize("code", CODES)
def test_a_page_links_records_at_their_address_in_its_language(get, code):
    sector = f.sector(slug="timber")
    enterprise = f.enterprise(name="Amur Timber", slug="amur-timber", sector=sector)
    with translation.override(code):
        assert enterprise.get_absolute_url() == f"/{code}/enterprises/amur-timber/"
        assert sector.get_absolute_url() == f"/{code}/enterprises/?sector=timber"
    html = get(url("expo:enterprise-list", code)).content.decode()
    assert f'href="/{code}/enterprises/amur-timber/"' in html


@pytest.mark.django_db
def test_admin_and_sitemap_have_no_language_prefix(client):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/ru/admin/login/").status_code == 404


# Content without a translation falls back to English


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["ru", "zh-hans"])
def test_a_record_with_only_an_english_name_shows_it_in_every_language(get, code):
    region = f.region(name="Atlantis Province", slug="atlantis")
    assert region.name_ru is None or region.name_ru == ""
    with translation.override(code):
        detail = region.get_absolute_url()
    response = get(detail)
    assert re.search(r"<h1>(.*?)</h1>", response.content.decode()).group(1) == "Atlantis Province"
    assert "Atlantis Province" in page_text(get(url("cooperation:region-list", code)))


@pytest.mark.django_db
def test_a_translated_record_shows_its_own_name_not_the_english_one(get):
    f.region(name="Atlantis Province", name_ru="Атлантида", slug="atlantis")
    assert "Атлантида" in page_text(get("/ru/regions/atlantis/"))
    text = page_text(get("/zh-hans/regions/atlantis/"))
    assert "Atlantis Province" in text


def test_chinese_pages_separate_items_with_the_chinese_comma(client, article_data):
    html = client.get("/zh-hans/").content.decode()
    assert "哈尔滨</a>，<a" in html
    assert "Harbin</a>, <a" in client.get("/en/").content.decode()
