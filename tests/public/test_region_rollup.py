"""A larger region's page takes in what happened in the regions inside it, at any depth.

Exhibitions hosted, guest-of-honour appearances and enterprises roll up from a city's
republic to its federal district and on to the macro-region, and the enterprise
directory's region filter does the same. A region that is not live hides itself and
everything below it from the public.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cooperation.models import Region, RegionKind
from tests import factories as f
from tests.public.conftest import page_text


def hrefs(response):
    html = response.content.decode()
    return [part.split('"', 1)[0] for part in html.split('href="')[1:]]


def enterprise_search(region):
    return f"{reverse('expo:enterprise-list')}?region={region.slug}"


@pytest.fixture
def chain(db):
    """Far East (macro-region) > Far Eastern District > Sakha, with Yakutsk and what happened."""
    russia = f.country("RU")
    top = f.region(country=russia, kind=RegionKind.MACRO_REGION, name="Far East", slug="far-east")
    middle = f.region(
        country=russia,
        parent=top,
        kind=RegionKind.FEDERAL_DISTRICT,
        name="Far Eastern District",
        slug="fe-district",
    )
    bottom = f.region(
        country=russia,
        parent=middle,
        kind=RegionKind.REPUBLIC,
        name="Republic of Sakha (Yakutia)",
        slug="sakha",
    )
    yakutsk = f.city(region=bottom, name="Yakutsk", slug="yakutsk")
    fair = f.exhibition(city=yakutsk, name="Yakutsk Fair", slug="yakutsk-fair")
    expo = f.exhibition(name="6th EXPO", slug="6th-expo")
    f.guest_of_honour(exhibition=expo, region=bottom)
    mine = f.enterprise(country=russia, region=bottom, name="Yakutsk Mining", slug="yakutsk-mining")
    # Elsewhere in Russia: never rolled up into the Far East.
    volga = f.region(country=russia, kind=RegionKind.FEDERAL_DISTRICT, name="Volga", slug="volga")
    other = f.enterprise(country=russia, region=volga, name="Volga Works", slug="volga-works")
    return {
        "top": top,
        "middle": middle,
        "bottom": bottom,
        "fair": fair,
        "expo": expo,
        "mine": mine,
        "other": other,
    }


LEVELS = ["top", "middle", "bottom"]


def test_helper_finds_the_region_and_every_live_region_inside_it(chain):
    ids = {chain[level].pk for level in LEVELS}
    assert Region.objects.live_subtree_ids(chain["top"]) == ids
    assert Region.objects.live_subtree_ids(chain["middle"]) == ids - {chain["top"].pk}
    assert Region.objects.live_subtree_ids(chain["bottom"]) == {chain["bottom"].pk}


@pytest.mark.parametrize("level", LEVELS)
def test_exhibition_in_a_city_shows_on_every_region_page_above_it(get, chain, level):
    response = get(chain[level].get_absolute_url())
    assert hrefs(response).count(chain["fair"].get_absolute_url()) == 1
    assert "Yakutsk Fair" in page_text(response)


@pytest.mark.parametrize("level", LEVELS)
def test_enterprise_shows_on_every_region_page_above_it(get, chain, level):
    response = get(chain[level].get_absolute_url())
    assert hrefs(response).count(chain["mine"].get_absolute_url()) == 1
    assert chain["other"].get_absolute_url() not in hrefs(response)
    # The link to the directory finds the same enterprises.
    assert enterprise_search(chain[level]) in hrefs(response)


@pytest.mark.parametrize("level", LEVELS)
def test_enterprise_filter_by_a_region_finds_the_enterprises_of_its_subregions(get, chain, level):
    response = get(enterprise_search(chain[level]))
    assert hrefs(response).count(chain["mine"].get_absolute_url()) == 1
    assert chain["other"].get_absolute_url() not in hrefs(response)


def test_guest_appearance_of_a_subregion_shows_on_the_macro_region_page_labelled(get, chain):
    response = get(chain["top"].get_absolute_url())
    text = page_text(response)
    assert "6th EXPO (through a region within it: Republic of Sakha (Yakutia))" in text
    assert "This region has not been recorded as a guest of honour." not in text
    links = hrefs(response)
    assert links.count(chain["expo"].get_absolute_url()) == 1
    assert chain["bottom"].get_absolute_url() in links


def test_own_guest_appearance_is_not_labelled_with_the_region(get, chain):
    text = page_text(get(chain["bottom"].get_absolute_url()))
    guests = text[text.index("As guest of honour") :]
    assert "6th EXPO" in guests
    assert "through a region within" not in guests


def test_each_appearance_is_listed_once_with_its_own_region(get, chain):
    """The macro-region and the republic guests at the same exhibition: two labelled lines."""
    f.guest_of_honour(exhibition=chain["expo"], region=chain["top"])
    text = page_text(get(chain["top"].get_absolute_url()))
    guests = text[text.index("As guest of honour") :]
    assert guests.count("6th EXPO") == 2
    assert guests.count("6th EXPO (through a region within it: Republic of Sakha (Yakutia))") == 1


def hide(region, how):
    now = timezone.now()
    if how == "draft":
        region.status = f.DRAFT
    elif how == "scheduled":
        region.publish_at = now + datetime.timedelta(days=1)
    else:
        region.expires_at = now - datetime.timedelta(days=1)
    region.save()


@pytest.mark.parametrize("how", ["draft", "scheduled", "expired"])
def test_a_middle_region_not_live_hides_its_subtree_from_the_public(get, chain, how):
    hide(chain["middle"], how)
    response = get(chain["top"].get_absolute_url())
    links, text = hrefs(response), page_text(response)
    assert chain["fair"].get_absolute_url() not in links
    assert chain["mine"].get_absolute_url() not in links
    assert chain["expo"].get_absolute_url() not in links
    assert "Republic of Sakha (Yakutia)" not in text
    # Nothing left to show: the sections are left out, not shown empty.
    assert 'id="exhibitions-heading"' not in response.content.decode()
    assert 'id="enterprises-heading"' not in response.content.decode()
    assert 'id="guest-heading"' not in response.content.decode()
    assert chain["mine"].get_absolute_url() not in hrefs(get(enterprise_search(chain["top"])))
    get(chain["middle"].get_absolute_url(), status=404)
    # The republic itself is live: its own page still shows what happened there.
    own = hrefs(get(chain["bottom"].get_absolute_url()))
    assert {chain["fair"].get_absolute_url(), chain["mine"].get_absolute_url()} <= set(own)


def test_a_draft_subregion_at_the_bottom_hides_only_itself(get, chain):
    hide(chain["bottom"], "draft")
    response = get(chain["top"].get_absolute_url())
    assert chain["fair"].get_absolute_url() not in hrefs(response)
    assert chain["mine"].get_absolute_url() not in hrefs(response)
    get(chain["bottom"].get_absolute_url(), status=404)


def test_a_cycle_in_the_data_neither_loops_nor_fails(get, chain):
    """The database forbids a region being its own parent, not a longer loop (the admin
    refuses one, see Region.clean). Regions on a loop have no root above them, so the
    tree queries leave them out: each page still opens and shows its own records once.
    """
    Region.objects.filter(pk=chain["top"].pk).update(parent=chain["bottom"].pk)
    for level in LEVELS:
        assert Region.objects.live_subtree_ids(chain[level]) == {chain[level].pk}
        response = get(chain[level].get_absolute_url())
        assert Region.objects.get(pk=chain[level].pk).ancestors() == []
        assert hrefs(response).count(chain["fair"].get_absolute_url()) == (level == "bottom")
        assert hrefs(response).count(chain["mine"].get_absolute_url()) == (level == "bottom")


# The article's data: Heilongjiang lies within Northeast China, Yakutsk within Sakha,
# within the Far Eastern Federal District, within the Russian Far East.


def test_macro_region_lists_the_enterprises_of_its_provinces(get, article_data):
    heilongjiang = Region.objects.get(slug="heilongjiang")
    enterprise = f.enterprise(name="Harbin Electric", region=heilongjiang)
    northeast = Region.objects.get(slug="northeast-china")
    assert enterprise.get_absolute_url() in hrefs(get(northeast.get_absolute_url()))
    found = get(reverse("expo:enterprise-list"), {"region": "northeast-china"})
    assert enterprise.get_absolute_url() in hrefs(found)


def test_russian_far_east_shows_what_happened_in_yakutsk_and_sakha(get, article_data):
    yakutsk = Region.objects.get(slug="sakha").cities.get(slug="yakutsk")
    fair = f.exhibition(city=yakutsk, name="Yakutsk Fair")
    response = get(Region.objects.get(slug="russian-far-east").get_absolute_url())
    assert fair.get_absolute_url() in hrefs(response)
    assert "6th China-Russia EXPO (through a region within it: Republic of Sakha (Yakutia))" in (
        page_text(response)
    )
