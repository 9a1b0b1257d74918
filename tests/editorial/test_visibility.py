"""The public sees live records only: everywhere a record can appear, and on time.

A record is live when it is published, its go-live time (if any) has come, its
expiry (if any) has not, and the records it cannot exist without are live too.
"""

import pytest
from django.urls import reverse

from cooperation.models import Region
from publishing.models import EditorialStatus
from tests import factories as f
from tests.public.conftest import page_text
from tests.sitemaps import sitemap_text

from .conftest import HOUR, NOW

DRAFT = EditorialStatus.DRAFT

pytestmark = pytest.mark.django_db


def _status(client, url):
    return client.get(url).status_code


# Scheduled publishing and expiry


def test_scheduled_record_appears_only_from_its_go_live_time(client, clock):
    region = f.region(name="Scheduled Province", publish_at=NOW + HOUR)
    regions = reverse("cooperation:region-list")

    assert _status(client, region.get_absolute_url()) == 404
    assert "Scheduled Province" not in page_text(client.get(regions))
    assert region not in Region.objects.published()

    clock.set(NOW + 2 * HOUR)
    assert _status(client, region.get_absolute_url()) == 200
    assert "Scheduled Province" in page_text(client.get(regions))


def test_expired_record_disappears_at_its_expiry(client, clock):
    region = f.region(name="Fading Province", expires_at=NOW + HOUR)
    assert _status(client, region.get_absolute_url()) == 200

    clock.set(NOW + HOUR)
    assert _status(client, region.get_absolute_url()) == 404
    assert "Fading Province" not in page_text(client.get(reverse("cooperation:region-list")))


def test_a_draft_is_hidden_whatever_its_schedule(client, clock):
    region = f.region(status=DRAFT, publish_at=NOW - HOUR)
    assert _status(client, region.get_absolute_url()) == 404


def test_publication_state_and_is_live(clock):
    assert f.region(publish_at=NOW + HOUR).publication_state() == "scheduled"
    assert f.region(expires_at=NOW).publication_state() == "expired"
    assert f.region(status=DRAFT).publication_state() == "draft"
    live = f.region(publish_at=NOW - HOUR, expires_at=NOW + HOUR)
    assert live.publication_state() == "live" and live.is_live


# Drafts are a 404 to the public, a preview to staff


def test_draft_detail_pages_are_404_for_the_public(client):
    drafts = [
        f.region(status=DRAFT),
        f.city(status=DRAFT),
        f.years(status=DRAFT),
        f.mechanism(status=DRAFT),
        f.council(status=DRAFT),
        f.fund(status=DRAFT),
        f.trade_figure(status=DRAFT),
        f.assessment(status=DRAFT),
        f.exhibition(status=DRAFT),
        f.enterprise(status=DRAFT),
        f.forum(status=DRAFT),
        f.article(status=DRAFT),
    ]
    for record in drafts:
        assert _status(client, record.get_absolute_url()) == 404, record


def test_staff_preview_a_draft_under_a_notice(login):
    enterprise = f.enterprise(status=DRAFT, name="Hidden Works")
    response = login("editor").get(enterprise.get_absolute_url())
    text = page_text(response)
    assert "Hidden Works" in text
    assert "Draft — not visible to the public." in text
    assert 'class="publication-notice" role="status"' in response.content.decode()


def test_staff_preview_says_when_a_scheduled_record_goes_live(login, clock):
    article = f.article(publish_at=NOW + HOUR, title="Coming Soon")
    text = page_text(login("editor").get(article.get_absolute_url()))
    assert "Scheduled — goes live at" in text
    assert "Coming Soon" in text


def test_staff_see_no_notice_on_a_live_record(login):
    region = f.region()
    assert (
        "publication-notice" not in login("editor").get(region.get_absolute_url()).content.decode()
    )


def test_preview_names_the_draft_a_record_depends_on(login, client):
    city = f.city(status=DRAFT, name="Unpublished City")
    exhibition = f.exhibition(city=city)
    assert _status(client, exhibition.get_absolute_url()) == 404
    text = page_text(login("editor").get(exhibition.get_absolute_url()))
    assert "The public sees it only once these are live too: Unpublished City" in text


def test_previews_do_not_show_drafts_in_lists(login):
    f.region(status=DRAFT, name="Secret Province")
    text = page_text(login("publisher").get(reverse("cooperation:region-list")))
    assert "Secret Province" not in text


# Everywhere else: lists, counts, related lists, links, filters, the home page


def test_lists_and_counts_leave_drafts_out(client):
    for n in range(3):
        f.enterprise(name=f"Live Works {n}")
    f.enterprise(status=DRAFT, name="Draft Works")
    text = page_text(client.get(reverse("expo:enterprise-list")))
    assert "3 results" in text
    assert "Draft Works" not in text


def test_a_record_needs_the_records_it_depends_on_to_be_live(client):
    draft_city = f.city(status=DRAFT)
    exhibition = f.exhibition(city=draft_city, name="Orphan EXPO")
    forum = f.forum(series=f.forum_series(status=DRAFT), name="Orphan Forum")
    assert _status(client, exhibition.get_absolute_url()) == 404
    assert _status(client, forum.get_absolute_url()) == 404
    assert "Orphan EXPO" not in page_text(client.get(reverse("expo:exhibition-list")))
    assert "Orphan Forum" not in page_text(client.get(reverse("expo:forum-list")))


def test_a_link_to_a_draft_shows_as_not_stated(client):
    enterprise = f.enterprise(
        region=f.region(status=DRAFT, name="Draft Province"),
        sector=f.sector(status=DRAFT, name="Draft Sector"),
    )
    for url in [enterprise.get_absolute_url(), reverse("expo:enterprise-list")]:
        text = page_text(client.get(url))
        assert "Draft Province" not in text and "Draft Sector" not in text
        assert "not stated" in text


@pytest.mark.parametrize("when", ["scheduled", "expired"])
def test_a_linked_sector_shows_on_every_page_listing_the_enterprise_only_while_live(
    client, clock, when
):
    """An enterprise's sector and region are read with the enterprise itself
    (PublishableQuerySet.with_links, Enterprise.live_sector): their schedules count on the
    lists too."""
    schedule = {"scheduled": {"publish_at": NOW + HOUR}, "expired": {"expires_at": NOW + HOUR}}
    region = f.region(name="Timed Province", **schedule[when])
    sector = f.sector(name="Timed Sector", **schedule[when])
    home = f.region(name="Home Province")
    exhibition = f.exhibition(city=f.city(region=home))
    enterprise = f.enterprise(name="Timed Works", region=region, sector=sector)
    f.enterprise_participation(enterprise=enterprise, exhibition=exhibition)
    listed = f.enterprise(name="Listed Works", region=home, sector=sector)
    pages = [
        enterprise.get_absolute_url(),
        reverse("expo:enterprise-list"),
        exhibition.get_absolute_url(),
        home.get_absolute_url(),
        listed.get_absolute_url(),
    ]

    def shown():
        return {url: "Timed Sector" in page_text(client.get(url)) for url in pages}

    live_first = when == "expired"
    assert shown() == dict.fromkeys(pages, live_first)
    clock.set(NOW + 2 * HOUR)
    assert shown() == dict.fromkeys(pages, not live_first)


@pytest.mark.parametrize("when", ["scheduled", "expired"])
def test_a_councils_years_and_a_regions_centre_show_only_while_live(client, clock, when):
    """A council's thematic years and a region's administrative centre are joined to the
    record's own query (PublishableQuerySet.with_links; Council.live_years,
    Region.live_administrative_centre): their schedules count on every page."""
    schedule = {"scheduled": {"publish_at": NOW + HOUR}, "expired": {"expires_at": NOW + HOUR}}
    council = f.council(name="Timed Council", years=f.years(name="Timed Years", **schedule[when]))
    region = f.region(name="Centred Province")
    region.administrative_centre = f.city(name="Timed Centre", region=region, **schedule[when])
    region.save()
    pages = {
        reverse("home"): "Timed Years",
        reverse("cooperation:council-list"): "Timed Years",
        council.get_absolute_url(): "Timed Years",
        region.get_absolute_url(): "Timed Centre",
    }

    def shown():
        return {url: name in page_text(client.get(url)) for url, name in pages.items()}

    live_first = when == "expired"
    assert shown() == dict.fromkeys(pages, live_first)
    clock.set(NOW + 2 * HOUR)
    assert shown() == dict.fromkeys(pages, not live_first)


def test_related_lists_leave_drafts_out(client):
    region = f.region(name="Live Province")
    city = f.city(region=region)
    f.city(region=region, status=DRAFT, name="Draft Town")
    f.exhibition(city=city, status=DRAFT, name="Draft EXPO")
    f.exhibition(city=city, name="Live EXPO")
    f.enterprise(region=region, status=DRAFT, name="Draft Works")
    f.region(parent=region, status=DRAFT, name="Draft Subregion")
    f.council_membership(region=region, council=f.council(status=DRAFT, name="Draft Council"))
    f.mechanism(chinese_region=region, status=DRAFT, name="Draft Mechanism")
    guest_at = f.exhibition(status=DRAFT, name="Draft Guest EXPO")
    f.guest_of_honour(region=region, exhibition=guest_at)

    text = page_text(client.get(region.get_absolute_url()))
    assert "Live EXPO" in text
    for name in [
        "Draft Town",
        "Draft EXPO",
        "Draft Works",
        "Draft Subregion",
        "Draft Council",
        "Draft Mechanism",
        "Draft Guest EXPO",
    ]:
        assert name not in text, name


def test_a_draft_larger_region_is_left_out_of_the_chain(client):
    top = f.region(status=DRAFT, name="Draft Macro-region")
    region = f.region(parent=top)
    city = f.city(region=region)
    for url in [region.get_absolute_url(), city.get_absolute_url()]:
        assert "Draft Macro-region" not in page_text(client.get(url))
    assert "Draft Macro-region" not in page_text(client.get(reverse("cooperation:region-list")))


def test_filters_offer_live_choices_only(client):
    f.enterprise()  # an empty directory offers no filters at all
    f.region(name="Live Province")
    draft = f.region(status=DRAFT, name="Draft Province")
    f.sector(status=DRAFT, name="Draft Sector")
    page = client.get(reverse("expo:enterprise-list")).content.decode()
    assert "Live Province" in page
    assert "Draft Province" not in page and "Draft Sector" not in page
    refused = client.get(reverse("expo:enterprise-list"), {"region": draft.slug})
    assert "could not be used" in refused.content.decode()


def test_home_page_shows_live_records_only(client):
    f.exhibition(name="Live EXPO", start_date="2019-06-15", end_date="2019-06-19")
    f.exhibition(name="Draft EXPO", status=DRAFT, start_date="2024-06-15", end_date="2024-06-19")
    f.mechanism(status=DRAFT, name="Draft Mechanism")
    f.council(status=DRAFT, name="Draft Council")
    f.assessment(status=DRAFT, title="Draft Assessment")
    text = page_text(client.get(reverse("home")))
    assert "Live EXPO" in text
    for name in ["Draft EXPO", "Draft Mechanism", "Draft Council", "Draft Assessment"]:
        assert name not in text, name


def test_sources_and_source_lists_leave_drafts_out(client):
    region = f.region()
    live = f.hosted_article(publisher=f.publisher(name="Live Paper"))
    draft = f.hosted_article(status=DRAFT, publisher=f.publisher(name="Draft Paper"))
    f.cite(region, live.source, "name")
    f.cite(f.region(status=DRAFT, name="Draft Province"), live.source, "name")
    f.cite(region, draft.source, "name")
    region_text = page_text(client.get(region.get_absolute_url()))
    assert "Live Paper" in region_text and "Draft Paper" not in region_text
    assert "Draft Paper" not in page_text(client.get(reverse("source-list")))
    article_text = page_text(client.get(live.get_absolute_url()))
    assert "Draft Province" not in article_text
    assert "Draft Paper" not in page_text(client.get(reverse("news:article-list")))


def test_the_sitemap_lists_live_records_only(client):
    live = f.region(slug="live-province")
    f.region(slug="draft-province", status=DRAFT)
    f.exhibition(slug="draft-expo", status=DRAFT)
    sitemap = sitemap_text(client)
    assert live.get_absolute_url() in sitemap
    assert "draft-province" not in sitemap and "draft-expo" not in sitemap
