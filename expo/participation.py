"""Who took part in an exhibition, as its page shows it: the totals the sources report
by country (``Exhibition.participations``) beside the enterprises the directory lists,
by country and by region, each count a link to the directory filtered the same way.

A region's count is what the directory shows for ``?exhibition=...&region=...``: the
live enterprises of the region and of the live regions inside it, at any depth
(``RegionTree.subtree``, as ``EnterpriseFilter`` filters), so a larger region's count
includes those of the regions within it. Three queries whatever the number of regions
(the counts by country, the counts by region, the regions' names), plus the regions'
tree, which the page shares with the exhibition's region chain.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from cooperation.models import Country, Region

from .models import Enterprise


@dataclass
class Listed:
    """A country or region and the enterprises the directory lists from it."""

    record: object
    count: int
    url: str


@dataclass
class CountryParticipation:
    country: object
    reported: object = None  # the EnterpriseParticipation-like figure from the sources
    listed: Listed | None = None
    regions: list = field(default_factory=list)  # [Listed, ...], largest count first


@dataclass
class Participation:
    countries: list  # [CountryParticipation, ...], in the reported figures' order
    listed: int  # enterprises listed in the directory for this exhibition
    reported: int | None  # the sources' total, None if a country's figure is unknown

    @property
    def regions(self):
        """Whether any listed enterprise has a region (a table by region is shown)."""
        return any(country.regions for country in self.countries)


def directory_url(exhibition, **filters):
    query = urlencode({"exhibition": exhibition.slug, **filters})
    return f"{reverse('expo:enterprise-list')}?{query}"


def exhibition_participation(exhibition, tree):
    """The participation of ``exhibition`` (its ``participations`` prefetched), with the
    regions' ``tree`` (``RegionTree``) already loaded for the page."""
    listed = Enterprise.objects.published().filter(exhibitions=exhibition).order_by()
    by_country = dict(
        listed.values("country")
        .annotate(count=Count("pk", distinct=True))
        .values_list("country", "count")
    )
    by_region = dict(
        listed.filter(region__isnull=False)
        .values("region")
        .annotate(count=Count("pk", distinct=True))
        .values_list("region", "count")
    )

    # Each live region's count over its live subtree, as the directory's filter counts.
    counts = {}
    for pk in tree.live:
        count = sum(by_region.get(inside, 0) for inside in tree.subtree(pk))
        if count:
            counts[pk] = count
    regions = Region.objects.published().filter(pk__in=counts).select_related("country")

    countries = {}
    for participation in exhibition.participations.all():
        countries[participation.country.pk] = CountryParticipation(
            participation.country, reported=participation
        )
    missing = set(by_country) - set(countries)
    for country in Country.objects.filter(pk__in=missing) if missing else ():
        countries[country.pk] = CountryParticipation(country)
    for pk, item in countries.items():
        count = by_country.get(pk, 0)
        url = directory_url(exhibition, country=item.country.slug)
        item.listed = Listed(item.country, count, url)
    for region in regions:
        item = countries.get(region.country_id)
        if item is None:  # a region of another country than its enterprises'
            item = countries[region.country_id] = CountryParticipation(region.country)
            item.listed = Listed(region.country, 0, directory_url(exhibition))
        url = directory_url(exhibition, region=region.slug)
        item.regions.append(Listed(region, counts[region.pk], url))
    for item in countries.values():
        item.regions.sort(key=lambda listed: (-listed.count, listed.record.name))

    figures = [item.reported.enterprises for item in countries.values() if item.reported]
    reported = sum(figures) if figures and None not in figures else None
    return Participation(list(countries.values()), sum(by_country.values()), reported)
