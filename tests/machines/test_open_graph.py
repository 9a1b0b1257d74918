"""Sharing previews and structured data: og:image for every page, canonical links, Places."""

import io
import json
import re
from pathlib import Path

import pytest
from django.utils.translation import override
from fontTools.ttLib import TTFont
from PIL import Image

from discover.og_images import FONT_PATH
from publishing.localized import localized
from tests import factories as f

STATIC = Path(__file__).resolve().parents[2] / "static"


def meta(html, name):
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    return found.group(1) if found else None


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return {block["@type"]: block for block in map(json.loads, blocks)}


def png(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    return Image.open(io.BytesIO(response.content))


def test_a_page_without_a_record_has_the_sites_image(client, db):
    html = client.get("/en/").content.decode()
    assert meta(html, "og:image") == "http://testserver/static/og/site.png"
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "og:image:alt") == "China-Russia Interregional Cooperation"
    assert Image.open(STATIC / "og" / "site.png").size == (1200, 630)


@pytest.mark.parametrize("kind", ["exhibition", "region", "article"])
def test_a_record_has_its_own_image_in_the_pages_language(client, db, kind):
    record = getattr(f, kind)(slug=f"the-{kind}")
    html = client.get(f"/zh-hans{record.get_absolute_url()[3:]}").content.decode()
    image_url = meta(html, "og:image")
    assert image_url == f"http://testserver/og/{kind}/the-{kind}.zh-hans.png"
    assert meta(html, "og:image:alt") == str(record)
    response = client.get(image_url)
    assert png(response).size == (1200, 630)
    assert client.get(image_url, headers={"if-none-match": response["ETag"]}).status_code == 304


def test_images_differ_by_language_and_bad_addresses_are_404(client, db):
    f.exhibition(slug="expo", name="Expo", name_ru="Выставка", name_zh_hans="博览会")
    english = client.get("/og/exhibition/expo.en.png").content
    assert client.get("/og/exhibition/expo.ru.png").content != english
    for path in ("/og/exhibition/expo.xx.png", "/og/forum/expo.en.png", "/og/region/none.en.png"):
        assert client.get(path).status_code == 404


def test_the_font_draws_every_name_in_the_article_data(article_data):
    from cooperation.models import City, Region
    from expo.models import Exhibition
    from news.models import Article

    covered = TTFont(FONT_PATH).getBestCmap()
    kinds = [(Exhibition, "name"), (Region, "name"), (City, "name"), (Article, "title")]
    names = [
        getattr(record, column)
        for model, field in kinds
        for record in model.objects.all()
        for column in localized(field)
    ]
    missing = {ch for name in names if name for ch in name if ord(ch) not in covered}
    assert not missing


def test_the_canonical_link_keeps_only_what_changes_the_page(client, db):
    f.exhibition()
    html = client.get("/en/exhibitions/?utm_source=x&page=1&year=2019&fbclid=y").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/exhibitions/?year=2019">' in html
    html = client.get("/en/search/?q=Harbin&utm_campaign=z").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/search/?q=Harbin">' in html


def test_places_and_the_language_of_the_text(client, db):
    region = f.region(slug="amur", name="Amur Oblast", name_ru="Амурская область")
    city = f.city(slug="blago", name="Blagoveshchensk", region=region)
    html = client.get(f"/ru{region.get_absolute_url()[3:]}").content.decode()
    area = json_ld(html)["AdministrativeArea"]
    assert area["name"] == "Амурская область"
    assert area["containedInPlace"]["@type"] == "Country"
    html = client.get(f"/ru{city.get_absolute_url()[3:]}").content.decode()
    place = json_ld(html)["City"]
    assert place["containedInPlace"]["name"] == "Амурская область"
    html = client.get(f"/ru{region.country.get_absolute_url()[3:]}").content.decode()
    assert json_ld(html)["Country"]["identifier"] == "CN"
    with override("en"):  # a request leaves its language active
        expo = f.exhibition(slug="expo", name="Only in English", city=city)
    html = client.get(f"/ru{expo.get_absolute_url()[3:]}").content.decode()
    assert json_ld(html)["ExhibitionEvent"]["inLanguage"] == "en"
