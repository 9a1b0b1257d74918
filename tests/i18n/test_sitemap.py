"""/sitemap.xml lists every public page in every language, each with its alternates."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from cooperation import models as coop
from expo import models as expo
from news import models as news
from tests.sitemaps import sitemap_files, sitemap_text

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"
RECORD_MODELS = [
    coop.Country,
    coop.Region,
    coop.City,
    coop.CooperationYears,
    coop.CooperationMechanism,
    coop.Council,
    coop.InvestmentFund,
    coop.TradeFigure,
    coop.CooperationAssessment,
    expo.Exhibition,
    expo.Enterprise,
    expo.Forum,
    news.Article,
]
LIST_NAMES = [
    "home",
    "expo:exhibition-list",
    "expo:enterprise-list",
    "expo:forum-list",
    "cooperation:country-list",
    "cooperation:region-list",
    "cooperation:city-list",
    "cooperation:mechanism-list",
    "cooperation:council-list",
    "cooperation:tradefigure-list",
    "cooperation:assessment-list",
    "news:article-list",
    "source-list",
    "data",
]
LANGUAGE_TAGS = {"en": "en", "ru": "ru", "zh-hans": "zh-Hans"}

PAGES = [
    "/",
    "/exhibitions/",
    "/exhibitions/6th-china-russia-expo/",
    "/enterprises/",
    "/forums/",
    "/forums/2nd-china-russia-forum-of-interregional-cooperation/",
    "/regions/",
    "/regions/sakha/",
    "/regions/heilongjiang/",
    "/cities/",
    "/cities/harbin/",
    "/countries/",
    "/countries/china/",
    "/mechanisms/",
    "/mechanisms/yangtze-volga/",
    "/councils/",
    "/councils/council-on-interregional-cooperation/",
    "/years/years-of-interregional-cooperation-2018-2019/",
    "/funds/regional-cooperation-development-investment-fund/",
    "/trade/",
    "/trade/2018-rambler/",
    "/assessments/",
    "/assessments/accelerated-development/",
    "/articles/",
    "/articles/interregional-cooperation-accelerated-development/",
]


@pytest.fixture
def sitemap(client, article_data):
    from django.core.management import call_command

    from tests.conftest import FIXTURES_DIR

    call_command("loaddata", FIXTURES_DIR / "news.json", verbosity=0)
    entries = []
    for response in sitemap_files(client):
        assert response["Content-Type"].startswith("application/xml")
        entries += sitemap_entries(ET.fromstring(response.content))
    return entries


def sitemap_entries(root):
    return [
        (
            url.find("s:loc", NS).text,
            {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)},
        )
        for url in root.findall("s:url", NS)
    ]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_listed_in_every_language_with_its_alternates(sitemap, path):
    entries = dict(sitemap)
    alternates = {tag: f"{HOST}/{code}{path}" for code, tag in LANGUAGE_TAGS.items()}
    alternates["x-default"] = f"{HOST}{path}"
    for code in LANGUAGE_TAGS:
        assert entries[f"{HOST}/{code}{path}"] == alternates


def test_sitemap_lists_every_record_and_list_once_per_language(sitemap):
    with translation.override("en"):
        records = [
            record.get_absolute_url() for model in RECORD_MODELS for record in model.objects.all()
        ]
        lists = [reverse(name) for name in LIST_NAMES]
    expected = sorted(
        f"{HOST}/{code}/{path.removeprefix('/en/')}"
        for path in [*lists, *records]
        for code in LANGUAGE_TAGS
    )
    assert sorted(loc for loc, _alternates in sitemap) == expected


def test_drafts_are_not_listed(client, db):
    from tests import factories as f

    f.region(slug="published-region")
    f.region(slug="draft-region", status=f.DRAFT)
    content = sitemap_text(client)
    assert "/en/regions/published-region/" in content
    assert "draft-region" not in content
