"""Regions at any depth: a tree six levels deep rolls up and shows its chain, and the
pages at its top and at its bottom stay within their query budgets (test_queries.py).
"""

import pytest
from django.urls import reverse

from tests import factories as f
from tests.public.test_queries import PAGES, city_detail, exhibition_detail, region_detail

DEPTH = 6


def hrefs(response):
    html = response.content.decode()
    return [part.split('"', 1)[0] for part in html.split('href="')[1:]]


@pytest.fixture
def tree(db):
    """Six nested regions; a city, an exhibition and an enterprise at the bottom."""
    china = f.country("CN")
    levels, parent = [], None
    for depth in range(DEPTH):
        parent = f.region(
            country=china, parent=parent, name=f"Level {depth}", slug=f"level-{depth}"
        )
        levels.append(parent)
    city = f.city(region=levels[-1], name="Deep City", slug="deep-city")
    fair = f.exhibition(city=city, name="Deep Fair", slug="deep-fair")
    firm = f.enterprise(country=china, region=levels[-1], name="Deep Firm", slug="deep-firm")
    return {"levels": levels, "city": city, "fair": fair, "firm": firm}


def test_the_top_region_rolls_up_what_happened_six_levels_down(client, tree):
    top = tree["levels"][0]
    links = hrefs(client.get(top.get_absolute_url()))
    assert tree["fair"].get_absolute_url() in links
    assert tree["firm"].get_absolute_url() in links
    found = client.get(reverse("expo:enterprise-list"), {"region": top.slug})
    assert tree["firm"].get_absolute_url() in hrefs(found)


def test_the_deepest_region_names_every_region_it_lies_within(client, tree):
    bottom = tree["levels"][-1]
    links = hrefs(client.get(bottom.get_absolute_url()))
    for region in tree["levels"][:-1]:
        assert region.get_absolute_url() in links
    assert [r.slug for r in bottom.ancestors()] == [f"level-{d}" for d in range(DEPTH - 2, -1, -1)]


def test_a_draft_region_in_the_middle_hides_what_lies_below_it(
    client, tree, django_capture_on_commit_callbacks
):
    middle = tree["levels"][2]
    middle.status = "draft"
    with django_capture_on_commit_callbacks(execute=True):  # committed: cached maps go stale
        middle.save()
    top = tree["levels"][0]
    links = hrefs(client.get(top.get_absolute_url()))
    assert tree["fair"].get_absolute_url() not in links
    assert middle.get_absolute_url() not in hrefs(client.get(tree["levels"][-1].get_absolute_url()))


@pytest.mark.parametrize("level", [0, DEPTH - 1], ids=["top", "deepest"])
def test_region_page_stays_within_its_budget_at_any_depth(
    client, django_assert_max_num_queries, tree, level
):
    url = tree["levels"][level].get_absolute_url()
    with django_assert_max_num_queries(PAGES[region_detail]):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "page,record", [(city_detail, "city"), (exhibition_detail, "fair")], ids=["city", "exhibition"]
)
def test_pages_in_the_deepest_region_stay_within_their_budget(
    client, django_assert_max_num_queries, tree, page, record
):
    with django_assert_max_num_queries(PAGES[page]):
        assert client.get(tree[record].get_absolute_url()).status_code == 200
