"""The server-drawn maps: every shaded region is a link with its name and figure, the
table beside the map says the same, nothing is fetched from elsewhere, and the map is
drawn once per content version."""

import html
import json
import re

import pytest
from django.core.cache import cache

from cooperation.models import Region
from expo.models import Exhibition
from maps.drawing import render_map
from maps.shapes import DATA_FILE, boundaries
from tests import factories

pytestmark = pytest.mark.django_db

EXPO = "/{lang}/exhibitions/6th-china-russia-expo/"
MECHANISMS = "/{lang}/mechanisms/"
HEILONGJIANG = "/{lang}/regions/heilongjiang/"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def the_map(response):
    page = response.content.decode()
    found = re.search(r'<figure class="map">.*?</figure>', page, re.S)
    assert found, "no map on the page"
    return found.group(0)


def shapes(figure):
    """``{href: title}`` of the shaded links inside the SVG."""
    svg = re.search(r"<svg class=\"map__svg\".*?</svg>", figure, re.S).group(0)
    links = re.findall(r'<a class="map__area[^"]*" href="([^"]+)"><title>(.*?)</title>', svg)
    return {href: html.unescape(title) for href, title in links}


def rows(figure):
    """``[(href, name, figure, shaded)]`` of the table beside the map."""
    body = re.search(r"<tbody>(.*?)</tbody>", figure, re.S).group(1)
    found = re.findall(
        r'<th scope="row"><a href="([^"]+)">(.*?)</a></th>\s*<td>(.*?)</td>\s*<td>(.*?)</td>',
        body,
        re.S,
    )
    return [
        (href, html.unescape(name), html.unescape(text), "muted" not in shown)
        for href, name, text, shown in found
    ]


def paths_of(figure, href):
    link = re.search(rf'<a class="map__area[^"]*" href="{href}">(.*?)</a>', figure, re.S)
    return re.findall(r'<path d="([^"]+)"', link.group(1))


def assert_map_matches_table(figure, separator=": "):
    drawn, table = shapes(figure), rows(figure)
    assert table, "the table beside the map is empty"
    shaded = {
        href: f"{name}{separator}{text}" for href, name, text, is_shaded in table if is_shaded
    }
    assert drawn == shaded


def assert_no_outside_request(figure):
    svg = re.search(r"<svg class=\"map__svg\".*?</svg>", figure, re.S).group(0)
    assert not re.search(r"https?://|//[a-z]", svg)
    assert "style=" not in figure and "<script" not in figure


def test_the_6th_expo_map_shows_enterprises_by_region_and_the_guests(article_data, client):
    heilongjiang = Region.objects.get(slug="heilongjiang")
    exhibition = Exhibition.objects.get(slug="6th-china-russia-expo")
    for _ in range(3):
        factories.enterprise_participation(
            exhibition=exhibition, enterprise=factories.enterprise(region=heilongjiang)
        )
    figure = the_map(client.get(EXPO.format(lang="en")))
    assert shapes(figure) == {
        "/en/regions/heilongjiang/": "Heilongjiang Province: 3 enterprises listed",
        "/en/regions/guangdong/": "Guangdong Province: guest of honour",
        "/en/regions/sakha/": "Republic of Sakha (Yakutia): guest of honour",
    }
    assert_map_matches_table(figure)
    assert_no_outside_request(figure)
    assert "map__area--count3" in figure and "map__area--marked" in figure
    assert "Natural Earth" in figure and "MIT" in figure


def test_the_map_speaks_the_pages_language(article_data, client):
    figure = the_map(client.get(EXPO.format(lang="ru")))
    assert shapes(figure)["/ru/regions/sakha/"].startswith("Республика Саха (Якутия)")
    assert_map_matches_table(figure)


def test_the_mechanisms_map_draws_each_pair_through_its_recorded_members(article_data, client):
    figure = the_map(client.get(MECHANISMS.format(lang="en")))
    mechanism = "in: Northeast China - Russian Far East"
    assert shapes(figure) == {
        "/en/regions/northeast-china/": f"Northeast China: {mechanism}",
        "/en/regions/russian-far-east/": f"Russian Far East: {mechanism}",
    }
    # Northeast China is drawn as Heilongjiang, the one region recorded inside it.
    assert paths_of(figure, "/en/regions/northeast-china/") == [
        boundaries()["shapes"]["CN-HL"]["d"]
    ]
    # The Yangtze and the Volga have no recorded parts: listed beside the map.
    listed = {name for _href, name, _text, shaded in rows(figure) if not shaded}
    assert listed == {"Upper and middle reaches of the Yangtze River", "Volga Federal District"}
    assert_map_matches_table(figure)
    assert_no_outside_request(figure)


def test_a_region_map_shades_the_region_and_what_it_lies_within(article_data, client):
    jilin = factories.region(
        name="Jilin Province", slug="jilin", iso_code="CN-JL",
        parent=Region.objects.get(slug="northeast-china"),
    )  # fmt: skip
    figure = the_map(client.get(HEILONGJIANG.format(lang="en")))
    assert shapes(figure) == {
        "/en/regions/heilongjiang/": "Heilongjiang Province: this region",
        # Northeast China is drawn by its other recorded part, Jilin.
        "/en/regions/northeast-china/": "Northeast China: Heilongjiang Province lies within it",
    }
    assert paths_of(figure, "/en/regions/northeast-china/") == [
        boundaries()["shapes"][jilin.iso_code]["d"]
    ]
    assert_map_matches_table(figure)
    assert_no_outside_request(figure)


def test_the_map_is_drawn_once_per_content_version(
    article_data, django_capture_on_commit_callbacks
):
    calls = []

    def build():
        calls.append(1)
        return None

    render_map("test", build)
    render_map("test", build)
    assert len(calls) == 1
    with django_capture_on_commit_callbacks(execute=True):  # the version moves on commit
        Region.objects.get(slug="sakha").save()  # any content change
    render_map("test", build)
    assert len(calls) == 2


def test_a_renamed_region_is_renamed_on_its_map(
    article_data, client, django_capture_on_commit_callbacks
):
    client.get(HEILONGJIANG.format(lang="en"))
    region = Region.objects.get(slug="heilongjiang")
    region.name_en = "Heilongjiang"
    with django_capture_on_commit_callbacks(execute=True):
        region.save()
    figure = the_map(client.get(HEILONGJIANG.format(lang="en")))
    assert shapes(figure)["/en/regions/heilongjiang/"] == "Heilongjiang: this region"


def test_every_region_code_of_the_fixtures_has_a_shape_and_the_data_is_small(article_data):
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    codes = set(Region.objects.exclude(iso_code="").values_list("iso_code", flat=True))
    assert codes and codes <= set(data["shapes"])
    # ISO 3166-2: 31 provincial-level units, Taiwan and Hong Kong (Macao is too small
    # to draw at this scale), 83 federal subjects.
    assert sum(code.startswith("CN-") for code in data["shapes"]) == 33
    assert sum(code.startswith("RU-") for code in data["shapes"]) == 83
    assert all(re.fullmatch(r"(CN|RU)-[A-Z]{2,3}", code) for code in data["shapes"])
    assert DATA_FILE.stat().st_size < 300_000
