"""Public pages for geography and the institutions of interregional cooperation.

Each view declares what it shows (a queryset method that names its eager loading, a
record's sources included, so every page runs a fixed number of queries however many
rows it shows); the public layer in ``web.views`` decides what is live and what staff
may preview. A list of records that cite sources gives them in its exports
(``SourcedExportsMixin``).
"""

from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.text import capfirst

from sources.exports import SourcedExportsMixin
from sources.provenance import stated_chain
from web.exports import field, related, translated
from web.views import PublicDetailView, PublicFilterView

from . import models
from .charts import trade_chart
from .filters import (
    AssessmentFilter,
    CityFilter,
    CouncilFilter,
    CountryFilter,
    MechanismFilter,
    RegionFilter,
    TradeFigureFilter,
)


def region_chain_crumbs(region):
    """Breadcrumbs from the largest region down to ``region`` itself, with links: only as
    far up as sources state (``stated_chain``), so a breadcrumb never turns an editors'
    note (the district in the Russian Far East) into fact, on the page or in its JSON-LD."""
    chain = [*reversed(stated_chain(region)), region]
    return [(str(r), r.get_absolute_url()) for r in chain]


class CountryListView(PublicFilterView):
    model = models.Country
    filterset_class = CountryFilter
    export_columns = [field("code"), *translated("name")]
    ordering = ["name", "code"]


class CountryDetailView(PublicDetailView):
    model = models.Country
    records = models.Country.objects.with_detail_related
    list_url_name = "cooperation:country-list"
    sections_page = "country-detail"


class RegionListView(SourcedExportsMixin, PublicFilterView):
    model = models.Region
    records = models.Region.objects.with_list_related
    filterset_class = RegionFilter
    export_columns = [
        *translated("name"),
        related("country", attribute="code"),
        field("kind"),
        field("iso_code"),
        related("parent"),
    ]
    ordering = ["country__code", "name", "slug"]


class RegionDetailView(PublicDetailView):
    model = models.Region
    # Not with its sources: those come with the sources of the regions it lies within.
    records = models.Region.objects.with_detail_related
    list_url_name = "cooperation:region-list"

    def get_object(self, queryset=None):
        region = super().get_object(queryset)
        # Its sources with those of the regions it lies within, which "Part of" shows
        # (part_of_links), and of the regions within it ("part of" marks), in one query.
        prefetch_related_objects(
            [region, *region.ancestors(), *region.subregions.all()], "citations"
        )
        return region

    def get_parent_crumbs(self):
        return [
            (str(self.object.country), self.object.country.get_absolute_url()),
            *region_chain_crumbs(self.object)[:-1],
        ]

    sections_page = "region-detail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mechanisms"] = (
            models.CooperationMechanism.objects.published()
            .for_region(self.object)
            .with_list_related()
        )
        return context

    def get_section_context(self):
        """Sections take in the region and every live region inside it, at any depth
        (a region that is not live hides itself and everything below it)."""
        return {"region_ids": models.Region.objects.live_subtree_ids(self.object)}


class CityListView(SourcedExportsMixin, PublicFilterView):
    model = models.City
    filterset_class = CityFilter
    export_columns = [
        *translated("name"),
        related("region"),
        related("country", "region.country", "code"),
    ]
    records = models.City.objects.with_list_related
    ordering = ["name", "slug"]


class CityDetailView(PublicDetailView):
    model = models.City
    records = models.City.objects.with_detail_related
    list_url_name = "cooperation:city-list"
    sections_page = "city-detail"

    def get_parent_crumbs(self):
        region = self.object.region
        return [
            (str(region.country), region.country.get_absolute_url()),
            *region_chain_crumbs(region),
        ]


class MechanismListView(SourcedExportsMixin, PublicFilterView):
    model = models.CooperationMechanism
    filterset_class = MechanismFilter
    export_columns = [
        *translated("name"),
        related("chinese_region"),
        related("russian_region"),
    ]
    records = models.CooperationMechanism.objects.with_list_related
    ordering = ["name", "slug"]


class MechanismDetailView(PublicDetailView):
    model = models.CooperationMechanism
    records = models.CooperationMechanism.objects.with_detail_related
    list_url_name = "cooperation:mechanism-list"

    def get_object(self, queryset=None):
        mechanism = super().get_object(queryset)
        # The sources of the regions within each side, two levels down (their "part of"
        # marks), in one query for both sides.
        within = [
            region
            for side in (mechanism.chinese_region, mechanism.russian_region)
            for subregion in side.subregions.all()
            for region in (subregion, *subregion.subregions.all())
        ]
        prefetch_related_objects(within, "citations")
        return mechanism


class CouncilListView(SourcedExportsMixin, PublicFilterView):
    model = models.Council
    filterset_class = CouncilFilter
    export_columns = [
        *translated("name"),
        field("charter_status"),
        field("membership_trend"),
    ]
    records = models.Council.objects.with_list_related
    ordering = ["name", "slug"]


class CouncilDetailView(PublicDetailView):
    model = models.Council
    records = models.Council.objects.with_detail_related
    list_url_name = "cooperation:council-list"

    def get_context_data(self, **kwargs):
        """``meetings_unknown``: no source gives any meeting's date, place or summary (the
        article's "two meetings"), so the page says so once, in a sentence, instead of a
        timeline of "date unknown" rows."""
        context = super().get_context_data(**kwargs)
        meetings = self.object.meetings.all()
        years = self.object.live_years
        context["meetings_unknown"] = bool(meetings) and not any(
            meeting.date or meeting.city or meeting.summary or meeting.years not in (None, years)
            for meeting in meetings
        )
        return context


class YearsDetailView(PublicDetailView):
    model = models.CooperationYears
    records = models.CooperationYears.objects.with_detail_related


class FundDetailView(PublicDetailView):
    model = models.InvestmentFund
    records = models.InvestmentFund.objects.with_detail_related

    def get_parent_crumbs(self):
        council = self.object.council
        if council is None:
            return []
        return [
            (capfirst(council._meta.verbose_name_plural), reverse("cooperation:council-list")),
            (str(council), council.get_absolute_url()),
        ]


class TradeFigureListView(SourcedExportsMixin, PublicFilterView):
    model = models.TradeFigure
    filterset_class = TradeFigureFilter
    export_columns = [
        field("year"),
        field("qualifier"),
        field("value"),
        field("unit"),
        field("is_record"),
        *translated("note"),
    ]
    ordering = ["-year", "slug"]

    records = models.TradeFigure.objects.with_sources

    def get_context_data(self, **kwargs):
        """Trade by year as a chart, over every listed figure (not only this page)."""
        context = super().get_context_data(**kwargs)
        context["trade_chart"] = trade_chart(self.object_list.prefetch_related(None))
        return context


class TradeFigureDetailView(PublicDetailView):
    model = models.TradeFigure
    records = models.TradeFigure.objects.with_sources
    list_url_name = "cooperation:tradefigure-list"


class AssessmentListView(SourcedExportsMixin, PublicFilterView):
    model = models.CooperationAssessment
    filterset_class = AssessmentFilter
    export_columns = [
        *translated("title"),
        *translated("attributed_to"),
        *translated("statement"),
    ]
    ordering = ["title", "slug"]


class AssessmentDetailView(PublicDetailView):
    model = models.CooperationAssessment
    records = models.CooperationAssessment.objects.with_sources
    list_url_name = "cooperation:assessment-list"
