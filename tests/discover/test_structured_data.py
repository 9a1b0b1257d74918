"""schema.org JSON-LD, sharing tags, canonical links and robots.txt, as a crawler reads them."""

import json
import re

import pytest
from django.urls import reverse
from django.utils.translation import override

from tests import factories

EXPO = "6th-china-russia-expo"
FORUM = "2nd-china-russia-forum-of-interregional-cooperation"
ARTICLE = "interregional-cooperation-accelerated-development"


def url(name, language="en", **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs or None)


def json_ld(response):
    """Every JSON-LD block of the page, parsed, by @type."""
    html = response.content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    parsed = [json.loads(block) for block in blocks]
    return {block["@type"]: block for block in parsed}


@pytest.fixture
def forum_within(article_data):
    """A forum held within the EXPO (whether the article's forum was is left open)."""
    import datetime

    from expo.models import Exhibition

    expo = Exhibition.objects.get(slug=EXPO)
    return factories.forum(
        name="Forum at the EXPO",
        slug="forum-at-the-expo",
        exhibition=expo,
        city=expo.city,
        date=datetime.date(2019, 6, 16),
    )


def test_exhibition_page_is_an_exhibition_event(client, forum_within):
    data = json_ld(client.get(url("expo:exhibition-detail", slug=EXPO)))
    event = data["ExhibitionEvent"]
    assert event["@context"] == "https://schema.org"
    assert event["name"] == "6th China-Russia EXPO"
    assert event["startDate"] == "2019-06-15"
    assert event["endDate"] == "2019-06-19"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["inLanguage"] == "en"
    assert event["url"] == f"http://testserver/en/exhibitions/{EXPO}/"
    place = event["location"]
    assert place["@type"] == "Place"
    assert place["address"]["addressLocality"] == "Harbin"
    assert place["address"]["addressCountry"] == "CN"
    [forum] = event["subEvent"]
    assert forum["@type"] == "Event"
    assert forum["name"] == "Forum at the EXPO"
    assert forum["startDate"] == "2019-06-16"
    assert forum["url"] == "http://testserver/en/forums/forum-at-the-expo/"


def test_exhibition_event_in_chinese(client, article_data):
    event = json_ld(client.get(url("expo:exhibition-detail", "zh-hans", slug=EXPO)))[
        "ExhibitionEvent"
    ]
    assert event["name"] == "第六届中国-俄罗斯博览会"
    assert event["inLanguage"] == "zh-Hans"
    assert event["location"]["address"]["addressLocality"] == "哈尔滨"


def test_forum_page_is_an_event(client, forum_within):
    event = json_ld(client.get(url("expo:forum-detail", slug=FORUM)))["Event"]
    assert event["name"] == "2nd China-Russia Forum of Interregional Cooperation"
    assert event["location"]["address"]["addressLocality"] == "Harbin"
    assert event["url"] == f"http://testserver/en/forums/{FORUM}/"
    within = json_ld(client.get(forum_within.get_absolute_url()))["Event"]
    assert within["startDate"] == "2019-06-16"
    assert within["superEvent"]["url"] == f"http://testserver/en/exhibitions/{EXPO}/"


def test_council_and_enterprise_pages_are_organizations(client, article_data):
    council = json_ld(
        client.get(url("cooperation:council-detail", slug="council-on-interregional-cooperation"))
    )["Organization"]
    assert council["name"] == "Council on Interregional Cooperation"
    from cooperation.models import Region

    sakha = Region.objects.get(slug="sakha")
    enterprise = factories.enterprise(
        name="Yakut Diamond Works",
        country=sakha.country,
        region=sakha,
        website="https://example.com/",
    )
    org = json_ld(client.get(enterprise.get_absolute_url()))["Organization"]
    assert org["name"] == "Yakut Diamond Works"
    assert org["sameAs"] == "https://example.com/"
    assert org["address"] == {
        "@type": "PostalAddress",
        "addressRegion": "Republic of Sakha (Yakutia)",
        "addressCountry": "RU",
    }


def test_article_page_is_a_news_article(client, article_data):
    article = json_ld(client.get(url("news:article-detail", "ru", slug=ARTICLE)))["NewsArticle"]
    assert article["headline"].startswith("Interregional cooperation")  # no Russian title
    assert article["publisher"] == {"@type": "Organization", "name": "Rambler"}
    assert article["inLanguage"] == "en"  # the text shown is the English original
    # The original's date is unknown: the day it went live here.
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article["datePublished"])
    assert article["author"] == {"@type": "Organization", "name": "Rambler"}
    assert article["image"] == [f"http://testserver/og/article/{ARTICLE}.ru.png"]


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/en/regions/sakha/",
        "/ru/cities/harbin/",
        "/en/enterprises/",
        f"/zh-hans/exhibitions/{EXPO}/",
        "/en/search/?q=Harbin",
    ],
)
def test_breadcrumbs_everywhere(client, article_data, path):
    crumbs = json_ld(client.get(path))["BreadcrumbList"]
    items = crumbs["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert items[0]["item"] == f"http://testserver/{path.split('/')[1]}/"
    assert items[-1]["item"].startswith("http://testserver" + path.split("?")[0])


def test_region_breadcrumbs_follow_the_region_chain(client, article_data):
    items = json_ld(client.get("/en/regions/sakha/"))["BreadcrumbList"]["itemListElement"]
    assert [item["name"] for item in items][-2:] == [
        "Far Eastern Federal District",
        "Republic of Sakha (Yakutia)",
    ]


def test_json_ld_cannot_be_broken_out_of(client, db):
    enterprise = factories.enterprise(
        name='</script><script>alert("x")</script>&', country=factories.country("CN")
    )
    response = client.get(enterprise.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert" not in html
    assert json_ld(response)["Organization"]["name"] == '</script><script>alert("x")</script>&'


def test_the_csp_allows_json_ld_without_unsafe_inline(client, article_data):
    response = client.get(url("expo:exhibition-detail", slug=EXPO))
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["script-src"] == ["'self'"]
    html = response.content.decode()
    # The only <script> elements are JSON-LD data blocks, which browsers never execute
    # and CSP therefore does not govern; no script runs inline.
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert scripts
    assert all(attrs.strip() == 'type="application/ld+json"' for attrs in scripts)


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/ru/exhibitions/?year=2019",
        f"/zh-hans/exhibitions/{EXPO}/",
        "/en/regions/sakha/",
        f"/en/articles/{ARTICLE}/",
        "/en/search/?q=Harbin",
    ],
)
def test_every_page_has_a_canonical_link_and_sharing_tags(client, article_data, path):
    html = client.get(path).content.decode()
    head = html.split("</head>")[0]
    assert f'<link rel="canonical" href="http://testserver{path}">' in head.replace("&amp;", "&")
    for tag in ["og:title", "og:description", "og:url", "og:type", "og:site_name", "og:locale"]:
        assert re.search(rf'<meta property="{tag}" content="[^"]+">', head), tag
    assert '<meta name="twitter:card" content="summary_large_image">' in head
    assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+\.png">', head)


def test_sharing_tags_name_the_record(client, article_data):
    html = client.get(url("expo:exhibition-detail", "ru", slug=EXPO)).content.decode()
    assert '<meta property="og:title" content="6-е Российско-Китайское ЭКСПО">' in html
    assert '<meta property="og:locale" content="ru_RU">' in html
    html = client.get(f"/en/articles/{ARTICLE}/").content.decode()
    assert '<meta property="og:type" content="article">' in html


def test_the_search_page_is_not_indexed(client, db):
    html = client.get("/en/search/?q=Harbin").content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html.split("</head>")[0]
    assert 'name="robots"' not in client.get("/en/regions/").content.decode()


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    for language in ["en", "ru", "zh-hans"]:
        assert f"Disallow: /{language}/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
