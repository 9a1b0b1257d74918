"""The Sources page lists every source with the records it supports; editors see which
records cite nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cooperation.models import Region, TradeFigure
from publishing import revisions
from publishing.models import Revision
from sources.models import Source
from tests import factories as f

from .conftest import LANGUAGES, soup


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_source_with_the_records_it_supports_in_each_language(client, extras_data, language):
    with translation.override(language):
        url = reverse("source-list")
    page = soup(client.get(url))
    entries = {entry["id"].removeprefix("source-"): entry for entry in page.select("[id^=source-]")}
    assert set(entries) == set(Source.objects.values_list("slug", flat=True))
    decree = entries["presidential-decree-849-2018"]
    sakha = Region.objects.get(slug="sakha")
    assert decree.select_one(f'a[href="{sakha.get_absolute_url()}"]') is not None
    customs = entries["china-customs-2019-01-14"]
    figure = TradeFigure.objects.get(slug="2018-customs")
    assert customs.select_one(f'a[href="{figure.get_absolute_url()}"]') is not None
    # The hosted article links to its page on this site; the footer links here.
    rambler = entries["rambler-interregional-cooperation-accelerated-development"]
    assert rambler.select_one('a[href*="/articles/"]') is not None
    assert page.select_one(f'footer a[href="{url}"]') is not None


def test_editors_notes_are_set_apart_and_marked_in_english_on_other_pages(client, article_data):
    with translation.override("ru"):
        url = reverse("source-list")
    page = soup(client.get(url))
    notes = page.select(".editors-note")
    assert notes
    for note in notes:
        assert note.select_one(".editors-note__label") is not None
        assert note.select_one('[lang="en"]') is not None
        assert note.select_one(".lang-note") is not None  # "(in English)", translated


def test_query_count_does_not_grow_with_sources_or_records(client, article_data):
    url = reverse("source-list")
    _response, before = _get(client, url)
    for _ in range(5):
        source = f.source()
        for _ in range(3):
            f.cite(f.region(), source, "name")
    response, after = _get(client, url)
    assert after == before
    assert "Publisher" in response.content.decode()


def test_a_record_that_is_not_live_is_not_listed(client, article_data):
    sakha = Region.objects.get(slug="sakha")
    Region.objects.filter(pk=sakha.pk).update(status="draft")
    html = client.get(reverse("source-list")).content.decode()
    assert sakha.get_absolute_url() not in html


def test_admin_shows_and_filters_records_without_a_citation(admin_client, article_data):
    with translation.override("en"):
        uncited = f.region(name="Uncited region")
    url = reverse("admin:cooperation_region_changelist")
    page = soup(admin_client.get(url))
    header = [th.get_text(strip=True) for th in page.select("#result_list thead th")]
    assert "Sources cited" in header
    rows = page.select("#result_list tbody tr")
    row = next(tr for tr in rows if "Uncited region" in tr.text)
    assert row.select_one("td.field-sources_cited").get_text(strip=True) == "none"

    only_uncited = soup(admin_client.get(url, {"cited": "no"}))
    names = [a.get_text(strip=True) for a in only_uncited.select("#result_list tbody th a")]
    assert names == [str(uncited)]
    cited = soup(admin_client.get(url, {"cited": "yes"})).select("#result_list tbody tr")
    assert len(cited) == Region.objects.filter(citations__isnull=False).distinct().count()


def test_admin_change_form_has_the_citations_inline(admin_client, article_data):
    sakha = Region.objects.get(slug="sakha")
    page = soup(admin_client.get(reverse("admin:cooperation_region_change", args=[sakha.pk])))
    assert page.select_one('input[name="citations-TOTAL_FORMS"]')["value"] == str(
        sakha.citations.count()
    )


@pytest.mark.parametrize(("group", "may_delete"), [("Editors", False), ("Publishers", True)])
def test_editors_and_publishers_cite_sources_in_the_admin(
    client, django_user_model, article_data, group, may_delete
):
    from django.contrib.auth.models import Group

    from cooperation.models import RegionCitation

    user = django_user_model.objects.create_user("staff", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    assert user.has_perm("sources.add_source") and user.has_perm("cooperation.add_regioncitation")
    assert user.has_perm("cooperation.delete_regioncitation") is may_delete
    guangdong = Region.objects.get(slug="guangdong")
    with translation.override("en"):
        url = reverse("admin:cooperation_region_change", args=[guangdong.pk])
    page = soup(client.get(url))
    form = page.select_one("form#region_form")
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        if field.name == "select":
            chosen = field.select_one("option[selected]")
            data[field["name"]] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            data[field["name"]] = field.text
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[field["name"]] = field.get("value", "on")
        elif field.get("type") not in {"submit", "file"}:
            data[field["name"]] = field.get("value", "")
    total = int(data["citations-TOTAL_FORMS"])
    decree = Source.objects.get(slug="presidential-decree-849-2018")
    data.update(
        {
            "citations-TOTAL_FORMS": str(total + 1),
            f"citations-{total}-source": str(decree.pk),
            f"citations-{total}-supports": "name",
        }
    )
    response = client.post(url, data)
    errors = soup(response).select(".errorlist, .errornote") if response.status_code == 200 else []
    assert response.status_code == 302, [e.get_text(" ", strip=True) for e in errors]
    cited = RegionCitation.objects.filter(record=guangdong, source=decree)
    if group == "Publishers":
        assert cited.exists()
        return
    # Guangdong is live: an Editor's citation waits in the pending revision for review.
    assert not cited.exists()
    revision = Revision.objects.pending().for_record(guangdong).get()
    rows = revision.data["inlines"]["cooperation.regioncitation"]["rows"]
    assert {"id": None, "source_id": decree.pk, "supports": "name"}.items() <= rows[-1].items()
    publisher = django_user_model.objects.create_user("pat", is_staff=True)
    publisher.groups.add(Group.objects.get(name="Publishers"))
    revisions.publish(revision, publisher)
    assert cited.exists()
