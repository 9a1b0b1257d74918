"""Every section of the site marks itself as the current one in the navigation, on its
list and on its records' pages (aria-current, which screen readers announce)."""

import re

import pytest
from django.urls import reverse

from tests import factories as f

SECTIONS = {
    "expo:exhibition-list": lambda: f.exhibition(),
    "expo:enterprise-list": lambda: f.enterprise(),
    "expo:forum-list": lambda: f.forum(),
    "cooperation:region-list": lambda: f.region(),
    "cooperation:city-list": lambda: f.city(),
    "cooperation:country-list": lambda: f.country("CN"),
    "cooperation:mechanism-list": lambda: f.mechanism(),
    "cooperation:council-list": lambda: f.council(),
    "cooperation:tradefigure-list": lambda: f.trade_figure(),
    "cooperation:assessment-list": lambda: f.assessment(),
    "news:article-list": lambda: f.article(),
}


def current_sections(response):
    """The addresses of the navigation links marked as the current section."""
    html = response.content.decode()
    nav = html[html.index('class="site-nav"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r'<a href="([^"]+)"[^>]*aria-current="(?:true|page)"', nav)


@pytest.mark.parametrize("list_name", SECTIONS)
def test_a_list_marks_its_section_current(client, db, list_name):
    url = reverse(list_name)
    assert current_sections(client.get(url)) == [url]


@pytest.mark.parametrize("list_name", SECTIONS)
def test_a_record_page_marks_its_section_current(client, db, list_name):
    record = SECTIONS[list_name]()
    response = client.get(record.get_absolute_url())
    assert response.status_code == 200
    assert current_sections(response) == [reverse(list_name)]


@pytest.mark.parametrize("factory", [f.years, f.fund], ids=["years", "fund"])
def test_the_councils_section_takes_in_the_years_and_funds(client, db, factory):
    response = client.get(factory().get_absolute_url())
    assert current_sections(response) == [reverse("cooperation:council-list")]


def test_the_home_page_marks_no_section(client, db):
    assert current_sections(client.get(reverse("home"))) == []
