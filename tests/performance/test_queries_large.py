"""The enterprise pages run as many queries with hundreds of rows per relation as with one.

tests/public/test_queries.py checks every page with 1 and 31 rows; here the pages that
grow with the enterprise data get 400 rows per relation (far past a page of the
directory, the 20 an exhibition or region page lists, and a sitemap file), written in
bulk so the test stays fast.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from expo.models import Enterprise, EnterpriseParticipation, Exhibition
from expo.sitemaps import EnterpriseSitemap
from publishing.models import EditorialStatus
from tests import factories as f
from web.cache import page_cache

LARGE = 400


def add_enterprises(count, **fields):
    start = Enterprise.objects.count()
    Enterprise.objects.bulk_create(
        Enterprise(
            name_en=f"Bulk Works {start + n:04d}",
            slug=f"bulk-works-{start + n:04d}",
            status=EditorialStatus.PUBLISHED,
            **fields,
        )
        for n in range(count)
    )
    return Enterprise.objects.filter(slug__startswith="bulk-works-")


def queries(client, url):
    page_cache().clear()  # maps drawn anew each time: small and large counted alike
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.fixture
def world(db):
    """One region inside another, an exhibition there, one enterprise of each kind."""
    country = f.country("CN")
    top = f.region(country=country, slug="top-region", name="Amur Province")
    region = f.region(country=country, parent=top, slug="inner-region")
    exhibition = f.exhibition(city=f.city(region=region), slug="big-expo")
    sector = f.sector(slug="big-sector")
    enterprise = f.enterprise(name="Amur Works", country=country, region=region, sector=sector)
    f.enterprise_participation(enterprise=enterprise, exhibition=exhibition)
    return {"country": country, "region": region, "exhibition": exhibition, "sector": sector}


def grow(world):
    """LARGE more enterprises in the region, sector and exhibition; LARGE more exhibitions
    for the first enterprise."""
    rows = add_enterprises(
        LARGE, country=world["country"], region=world["region"], sector=world["sector"]
    )
    EnterpriseParticipation.objects.bulk_create(
        EnterpriseParticipation(enterprise=enterprise, exhibition=world["exhibition"])
        for enterprise in rows
    )
    first = Enterprise.objects.get(name_en="Amur Works")
    series, city = world["exhibition"].series, world["exhibition"].city
    # Editions after the world's own, whatever number the factories gave it.
    first_edition = world["exhibition"].edition + 1
    exhibitions = Exhibition.objects.bulk_create(
        Exhibition(
            series=series,
            edition=first_edition + n,
            name_en=f"Edition {n}",
            slug=f"edition-{n}",
            city=city,
            status=EditorialStatus.PUBLISHED,
        )
        for n in range(LARGE)
    )
    EnterpriseParticipation.objects.bulk_create(
        EnterpriseParticipation(enterprise=first, exhibition=exhibition)
        for exhibition in Exhibition.objects.filter(pk__in=[e.pk for e in exhibitions])
    )


PAGES = [
    "/en/enterprises/",
    "/en/enterprises/?page=2",
    "/en/enterprises/?name=works",
    "/en/enterprises/?region=top-region",
    "/en/enterprises/?sector=big-sector&exhibition=big-expo",
    "/en/exhibitions/big-expo/",
    "/en/regions/top-region/",
    "/sitemap-enterprises.xml",
]


def test_enterprise_pages_run_the_same_queries_with_hundreds_of_rows(client, world, monkeypatch):
    monkeypatch.setattr(EnterpriseSitemap, "limit", 50)
    small = {url: queries(client, url) for url in PAGES if "page=2" not in url}
    small["/en/enterprises/?page=2"] = small["/en/enterprises/"]
    detail = Enterprise.objects.get(name_en="Amur Works").get_absolute_url()
    small[detail] = queries(client, detail)
    grow(world)
    large = {url: queries(client, url) for url in [*PAGES, detail]}
    assert large == small
