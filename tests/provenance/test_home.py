"""Editors choose the exhibition the home page features; the home page lists every edition."""

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import translation

from expo.models import Exhibition

from .conftest import soup


def _home(client):
    with translation.override("en"):
        return soup(client.get(reverse("home")))


def test_the_latest_is_featured_by_default_and_every_edition_is_listed(client, extras_data):
    page = _home(client)
    feature = page.select_one(".feature")
    assert feature.h2.get_text(strip=True) == "9th China-Russia EXPO"
    assert "Latest exhibition on this site" in feature.text
    rows = page.select("table.editions tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == [
        f"{n}{'st' if n == 1 else 'nd' if n == 2 else 'rd' if n == 3 else 'th'} China-Russia EXPO"
        for n in range(9, 0, -1)
    ]
    sixth = next(row for row in rows if "6th" in row.th.text)
    assert "1,246" in sixth.text and "137" in sixth.text  # by country, as the article gives them
    assert sixth.th.a["href"] == Exhibition.objects.get(edition=6).get_absolute_url()
    ninth = rows[0]
    assert "not stated" in ninth.text  # no enterprise counts for the 9th
    assert ninth.select_one('.note a[data-source="s-kon-energy"]') is not None


def test_editors_can_feature_another_exhibition(client, extras_data, admin_client):
    sixth = Exhibition.objects.get(edition=6)
    with translation.override("en"):
        url = reverse("admin:expo_exhibition_change", args=[sixth.pk])
    form = soup(admin_client.get(url)).select_one('input[name="featured"]')
    assert form is not None  # editors set it on the exhibition's admin page
    Exhibition.objects.filter(pk=sixth.pk).update(featured=True)
    feature = _home(client).select_one(".feature")
    assert feature.h2.get_text(strip=True) == "6th China-Russia EXPO"
    assert "Featured exhibition" in feature.text
    assert feature.select_one('.note a[data-source="china-news-service-2019-06-15"]')


def test_only_one_exhibition_can_be_featured(extras_data):
    Exhibition.objects.filter(edition=6).update(featured=True)
    with pytest.raises(IntegrityError):
        Exhibition.objects.filter(edition=7).update(featured=True)
