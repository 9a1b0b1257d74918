"""Every page runs a fixed number of SQL queries, however many rows it shows.

Each case builds a world with 1 related row of every kind the page shows, and
one with 31 (more than a page of a paginated list), and expects the same count.
"""

import pytest

from tests import factories as f
from web.cache import page_cache

MANY = 31


def home(n):
    exhibition = f.exhibition()
    for _ in range(n):
        f.participation(exhibition=exhibition, country=f.country())
        f.guest_of_honour(exhibition=exhibition)
        f.mechanism()
        f.council(years=f.years())
        # Each with a source of its own: the sources of all four kinds in two queries.
        for record in (
            f.exhibition(),
            f.forum(exhibition=exhibition),
            f.trade_figure(),
            f.assessment(),
        ):
            f.cite(record)
    f.cite(exhibition)
    return "/en/"


def exhibition_list(n):
    series, city = f.exhibition_series(), f.city()
    for _ in range(n):
        f.exhibition(series=series, city=city)
    return "/en/exhibitions/"


def exhibition_list_filtered(n):
    exhibition_list(n)
    return "/en/exhibitions/?year=2019&country=country-cn"


def exhibition_detail(n):
    region = f.region(parent=f.region(parent=f.region()))
    exhibition = f.exhibition(city=f.city(region=region))
    for _ in range(n):
        f.participation(exhibition=exhibition, country=f.country())
        f.guest_of_honour(exhibition=exhibition)
        f.forum(exhibition=exhibition)
        f.enterprise_participation(
            exhibition=exhibition, enterprise=f.enterprise(sector=f.sector())
        )
    return exhibition.get_absolute_url()


def enterprise_list(n):
    sector, region = f.sector(), f.region()
    for _ in range(n):
        f.enterprise(sector=sector, region=region)
    return "/en/enterprises/"


def enterprise_list_filtered(n):
    sector = f.sector()
    exhibition = f.exhibition()
    for _ in range(n):
        enterprise = f.enterprise(sector=sector, region=f.region(), name=f"Harbin Works {_}")
        f.enterprise_participation(enterprise=enterprise, exhibition=exhibition)
    return f"/en/enterprises/?name=harbin&sector={sector.slug}&exhibition={exhibition.slug}"


def region_chain(n):
    """A macro-region > federal district > republic, and n regions nested below the republic.

    So the depth of the tree grows with the rows, and the count must not.
    """
    top = f.region(kind="macro_region")
    middle = f.region(parent=top, kind="federal_district")
    bottom = f.region(parent=middle, kind="republic")
    deepest = bottom
    for _ in range(n):
        deepest = f.region(parent=deepest)
        f.exhibition(city=f.city(region=deepest))
        f.guest_of_honour(region=deepest)
        f.enterprise(region=deepest, sector=f.sector())
    return top


def enterprise_list_by_region(n):
    return f"/en/enterprises/?region={region_chain(n).slug}"


def enterprise_detail(n):
    enterprise = f.enterprise(region=f.region(), sector=f.sector())
    for _ in range(n):
        f.enterprise_participation(enterprise=enterprise, exhibition=f.exhibition())
    return enterprise.get_absolute_url()


def forum_list(n):
    exhibition, city = f.exhibition(), f.city()
    for _ in range(n):
        f.forum(exhibition=exhibition, city=city)
    return "/en/forums/?year=2019"


def forum_detail(n):
    forum = f.forum(exhibition=f.exhibition(), city=f.city(region=f.region(parent=f.region())))
    forum.countries.set([f.country() for _ in range(n)])
    return forum.get_absolute_url()


def region_list(n):
    parent = f.region()
    for _ in range(n):
        f.region(parent=parent, administrative_centre=None)
    return "/en/regions/?country=country-cn&kind=province"


def region_detail(n):
    top = f.region()
    region = f.region(parent=top)
    f.mechanism(chinese_region=top)
    for _ in range(n):
        city = f.city(region=region)
        f.exhibition(city=city)
        subregion = f.region(parent=region)
        f.exhibition(city=f.city(region=subregion))
        f.guest_of_honour(region=region)
        f.enterprise(region=region, sector=f.sector())
        f.council_membership(region=region)
        f.mechanism(chinese_region=region)
    region.administrative_centre = f.city(region=region)
    region.save()
    return region.get_absolute_url()


def region_detail_chain(n):
    return region_chain(n).get_absolute_url()


def city_list(n):
    region = f.region()
    for _ in range(n):
        f.city(region=region)
    return "/en/cities/"


def city_detail(n):
    city = f.city(region=f.region(parent=f.region()))
    council = f.council()
    for _ in range(n):
        f.exhibition(city=city)
        f.forum(city=city)
        f.council_meeting(council=council, city=city)
        f.region(administrative_centre=city)
    return city.get_absolute_url()


def country_list(n):
    for _ in range(n):
        f.country()
    return "/en/countries/"


def country_detail(n):
    china = f.country("CN")
    parent = f.region(country=china)
    for _ in range(n):
        f.region(country=china, parent=parent)
        f.participation(country=china)
    return china.get_absolute_url()


def mechanism_list(n):
    for _ in range(n):
        f.mechanism()
    return "/en/mechanisms/"


def mechanism_detail(n):
    chinese, russian = f.region(country=f.country("CN")), f.region(country=f.country("RU"))
    mechanism = f.mechanism(chinese_region=chinese, russian_region=russian)
    for _ in range(n):
        f.region(parent=chinese)
        inner = f.region(country=russian.country, parent=russian)
        f.region(country=russian.country, parent=inner)
    return mechanism.get_absolute_url()


def council_list(n):
    years = f.years()
    for _ in range(n):
        f.council(years=years)
    return "/en/councils/"


def council_detail(n):
    years = f.years()
    council = f.council(years=years)
    for _ in range(n):
        f.council_meeting(council=council, city=f.city(), years=years)
        f.council_membership(council=council)
        f.fund(council=council)
    return council.get_absolute_url()


def years_detail(n):
    years = f.years()
    for _ in range(n):
        council = f.council(years=years)
        f.council_meeting(council=council, years=years, city=f.city())
        f.fund(years=years, council=council)
    return years.get_absolute_url()


def fund_detail(n):
    return f.fund(council=f.council(), years=f.years()).get_absolute_url()


def trade_list(n):
    for year in range(1950, 1950 + n):
        f.trade_figure(year=year)
    return "/en/trade/"


def trade_detail(n):
    return f.trade_figure().get_absolute_url()


def assessment_list(n):
    for _ in range(n):
        f.assessment()
    return "/en/assessments/"


def assessment_detail(n):
    return f.assessment().get_absolute_url()


# A page runs one query per kind of record whose sources it shows (their citations with
# the sources and hosted articles, sources.models.with_sources): a record page its own, a
# list or a region, city, country or enterprise page those of the exhibitions and forums
# whose dates it shows (a region page those of its exhibitions and its guest-of-honour
# appearances in one query; its own with those of each step of "part of" in one more).
# The home page also loads the featured exhibition and the table of every edition
# with its enterprise counts, and the sources of each kind of record it shows (editions,
# forums, trade figure, assessment), one query a kind.
# A nullable link to a record that may not be live (a forum's exhibition...) costs one
# query for all rows: only live targets are loaded, so a draft shows as empty
# (publishing.models.live_prefetch); an enterprise's region and sector, a council's thematic
# years and a region's administrative centre are joined to the records' own query
# (PublishableQuerySet.with_links) and the page shows a target only while it is live
# (publishing.models.live_or_none, e.g. Enterprise.live_region).
# A region's page and
# the enterprise list filtered by region find the regions inside it, at any depth, in one
# query of every region's parent and liveness (cooperation.models.RegionTree), which a page
# naming the regions a region lies within shares, then loads those regions in one more
# (Region.ancestors()). A filter's select reads its choices once and finds the chosen
# value among them (web.filters.SlugChoiceField), so a filtered list costs no more
# queries than the unfiltered one for its selects.
PAGES = {
    # The editions once, with the featured one's guests; the sources one query a kind of
    # record (4: editions, forums, trade figure, assessment), in the plain prefetch; a
    # forum's exhibition joined (Forum.live_exhibition).
    home: 13,  # + the citations of the councils' thematic years (their period's source)
    exhibition_list: 7,  # + the editions chart's figures
    exhibition_list_filtered: 7,
    # + the region line's "part of" sources (1), the map drawn cold (6: enterprises a region,
    # guests, regions, tree, shape codes, cache expiry), participation by region (3).
    exhibition_detail: 18,
    enterprise_list: 6,
    # +1: the regions whose name matches, as a list (see EnterpriseFilter.filter_name).
    enterprise_list_filtered: 7,
    enterprise_list_by_region: 7,
    enterprise_detail: 4,
    forum_list: 4,
    forum_detail: 6,  # + the region line's "part of" sources (the editors'-note chain)
    region_list: 5,  # + the listed regions' sources (their "part of" note marks)
    # + the rolled-up rows' "part of" sources (1), the map drawn cold (2: shape codes, expiry).
    region_detail: 15,
    # + the regions a rolled-up row passes through and their "part of" sources (2), the map
    # drawn cold (2: shape codes, cache expiry).
    region_detail_chain: 15,
    city_list: 4,
    # + the sources of the region's stated chain and of the regions it administers (2).
    city_detail: 12,
    country_list: 2,
    country_detail: 6,  # + its regions' sources (their "part of" note marks)
    mechanism_list: 6,  # + the map drawn cold (3: region tree, shape codes, cache expiry)
    mechanism_detail: 7,  # + the sources of the regions within each side, both levels
    council_list: 3,  # + the citations of the thematic years (their period's source)
    council_detail: 8,  # likewise
    years_detail: 6,
    fund_detail: 5,  # likewise
    trade_list: 4,  # + the trade chart over every listed figure
    trade_detail: 2,
    assessment_list: 2,
    assessment_detail: 2,
}


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [1, MANY], ids=["1-row", f"{MANY}-rows"])
@pytest.mark.parametrize("build,queries", PAGES.items(), ids=[p.__name__ for p in PAGES])
def test_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, build, queries, rows
):
    f.country("CN")
    f.country("RU")
    url = build(rows)
    page_cache().clear()  # maps drawn anew: the same count whichever test ran before
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    assert "could not be used" not in response.content.decode(), "a filter in the URL is invalid"
