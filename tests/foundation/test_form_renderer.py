"""The filter forms' selects, as a reader gets them on the page: Django's own widget
templates (the default form renderer), every label escaped, the chosen option marked."""

import re

import pytest

from tests import factories as f


def select(html, name):
    return re.search(rf'<select name="{name}"[^>]*>.*?</select>', html, re.S).group(0)


@pytest.mark.django_db
def test_the_directory_filter_selects_show_each_choice_and_the_chosen_one(client):
    sector = f.sector(name="Energy & <power>", slug="energy")
    f.sector(name="Farming", slug="farming")
    f.enterprise(sector=sector, region=f.region())
    response = client.get("/en/enterprises/", {"sort": "country", "sector": "energy"})
    assert response.status_code == 200
    html = response.content.decode()

    sectors = select(html, "sector")
    assert sectors.startswith('<select name="sector" id="id_sector">')
    assert '<option value="">Any sector</option>' in sectors
    assert '<option value="energy" selected>Energy &amp; &lt;power&gt;</option>' in sectors
    assert '<option value="farming">Farming</option>' in sectors
    assert "<power>" not in html

    sort = select(html, "sort")
    assert '<option value="country" selected>Country</option>' in sort
    assert re.findall(r'<option value="([^"]*)"', sort) == ["", "name", "country", "region"]
    # The text field beside them is Django's input template too.
    assert '<input type="text" name="name" maxlength="100" id="id_name">' in html
