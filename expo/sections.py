"""What the expo app adds to other apps' pages (``web.sections``), registered in
``ExpoConfig.ready()``:

- a region's page: the exhibitions it hosted, its guest-of-honour appearances and its
  enterprises, including the live regions inside it;
- a city's page: the exhibitions and forums held there;
- a country's page: its part in each exhibition, and links to its exhibitions and
  enterprises in the directories.
"""

from django.db.models import prefetch_related_objects

from cooperation.models import Region
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
    # region inside this one says which ("through a region within it: ...").
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
    steps = rollup_steps(
        region,
        [
            *(exhibition.city.region for exhibition in exhibitions),
            *(appearance.region for appearance in guest_appearances),
        ],
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
            "exhibitions": [(e, steps.get(e.city.region_id, [])) for e in exhibitions],
            "guest_appearances": [(a, steps.get(a.region_id, [])) for a in guest_appearances],
            "enterprises": enterprises[:RELATED_LIMIT],
            "more_enterprises": len(enterprises) > RELATED_LIMIT,
        },
    )


def rollup_steps(region, inside):
    """``{region id: [that region and those up to ``region``, excluded]}`` for the regions
    ``inside`` it, each step with its citations: the note marks of "(through a region
    within it: Sakha)" on the Russian Far East's page (Sakha's link, the decree; the
    district's, an editors' note). At most two queries however many rows: the regions
    between not already loaded, and the citations of every step."""
    tree = region.tree()  # shared with live_subtree_ids(): no query
    loaded = {r.pk: r for r in inside if r.pk != region.pk}
    paths = {}
    for pk in loaded:
        path = [pk]
        for above in tree.path_up(pk) or ():
            if above == region.pk:
                paths[pk] = path
                break
            path.append(above)
    missing = {pk for path in paths.values() for pk in path} - set(loaded)
    if missing:
        loaded.update(Region.objects.in_bulk(missing))
    paths = {pk: [loaded[step] for step in path if step in loaded] for pk, path in paths.items()}
    steps = {r.pk: r for path in paths.values() for r in path}
    prefetch_related_objects(list(steps.values()), "citations")
    return paths


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
