"""What the expo app adds to other apps' pages (``web.sections``), registered in
``ExpoConfig.ready()``:

- a region's page: the exhibitions it hosted, its guest-of-honour appearances and its
  enterprises, including the live regions inside it;
- a city's page: the exhibitions and forums held there;
- a country's page: its part in each exhibition, and links to its exhibitions and
  enterprises in the directories.
"""

from django.db.models import prefetch_related_objects

from publishing.models import live_q
from web.sections import Section
from web.views import RELATED_LIMIT

from . import models


def region_sections(record, region_ids, **kwargs):
    """One query per kind of record, however deep the tree below the region."""
    region = record
    exhibitions = list(
        models.Exhibition.objects.published()
        .filter(city__region__in=region_ids)
        .select_related("city__region")
        .order_by(*models.Exhibition._meta.ordering, "slug")
    )
    # Each with the sources of what it shows (dates, guests of honour); a record of a
    # region inside this one says which ("through a region within: ...").
    guest_appearances = list(
        models.GuestOfHonour.objects.filter(
            live_q(models.Exhibition, "exhibition__"), region__in=region_ids
        ).select_related("exhibition", "region")
    )
    # The citations of both lists' exhibitions in one query.
    prefetch_related_objects(
        [*exhibitions, *(appearance.exhibition for appearance in guest_appearances)],
        "citations",
    )
    enterprises = list(
        models.Enterprise.objects.published()
        .filter(region__in=region_ids)
        .with_links("sector")[: RELATED_LIMIT + 1]
    )
    return Section(
        "expo/includes/region_sections.html",
        {
            "region": region,
            "exhibitions": exhibitions,
            "guest_appearances": guest_appearances,
            "enterprises": enterprises[:RELATED_LIMIT],
            "more_enterprises": len(enterprises) > RELATED_LIMIT,
        },
    )


def city_sections(record, **kwargs):
    """The live exhibitions and forums held in the city, each with its sources."""
    exhibitions = models.Exhibition.objects.published().filter(city=record).with_sources()
    forums = models.Forum.objects.published().filter(city=record).with_sources()
    return Section(
        "expo/includes/city_sections.html",
        {
            "exhibitions": exhibitions.order_by(*models.Exhibition._meta.ordering, "slug"),
            "forums": forums.order_by(*models.Forum._meta.ordering, "slug"),
        },
    )


def country_sections(record, **kwargs):
    """The country's part in each live exhibition (with the exhibition's sources)."""
    participations = (
        models.CountryParticipation.objects.filter(
            live_q(models.Exhibition, "exhibition__"), country=record
        )
        .select_related("exhibition")
        .prefetch_related("exhibition__citations")
    )
    return Section(
        "expo/includes/country_sections.html",
        {"country": record, "participations": participations},
    )
