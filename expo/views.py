"""Public pages for exhibitions, enterprises and forums, and the home page.

Like every public page (see ``core.views``), these show live records only;
staff may preview a record that is not live on its own page.
"""

from dataclasses import dataclass

from django.views.generic import TemplateView

from cooperation.models import (
    CooperationAssessment,
    CooperationMechanism,
    Council,
    TradeFigure,
)
from core.exports import field, related, translated
from core.models import live_prefetch, with_sources
from core.pagination import BoundedPaginator
from core.views import RELATED_LIMIT, PublicDetailView, PublicFilterView

from . import models
from .calendars import (
    exhibition_calendar,
    exhibitions_calendar,
    forum_calendar,
    forums_calendar,
)
from .feeds import ExhibitionFeed, ForumFeed
from .filters import EnterpriseFilter, ExhibitionFilter, ForumFilter


def svg_number(value):
    """A coordinate for an SVG attribute: never localised (no decimal comma), no ".0"."""
    return f"{value:g}"


@dataclass(frozen=True)
class Bar:
    """One row of a horizontal bar chart; coordinates are SVG user units as strings."""

    label: str
    value: int | None
    y: str
    width: str
    value_x: str


class BarChart:
    """Geometry for a server-drawn SVG bar chart: no script, no inline style.

    Bars are scaled to the largest known value. A value of None (unknown) gets
    no bar; the template labels it "unknown" rather than drawing it as zero.
    """

    label_width = 170
    bar_area = 330
    value_width = 80
    row_height = 34
    bar_height = 22
    gap = 8

    def __init__(self, rows):
        rows = list(rows)
        top = max((value for _label, value in rows if value is not None), default=0)
        self.bars = []
        for index, (label, value) in enumerate(rows):
            width = value / top * self.bar_area if value and top else 0
            self.bars.append(
                Bar(
                    label=label,
                    value=value,
                    y=svg_number(index * self.row_height + (self.row_height - self.bar_height) / 2),
                    width=svg_number(round(width, 1)),
                    value_x=svg_number(round(self.label_width + width + self.gap, 1)),
                )
            )
        self.width = svg_number(self.label_width + self.bar_area + self.value_width)
        self.height = svg_number(max(len(self.bars), 1) * self.row_height)
        self.bar_x = svg_number(self.label_width)
        self.label_x = svg_number(self.label_width - self.gap)
        self.text_dy = svg_number(self.bar_height / 2)


def participation_chart(exhibition):
    return BarChart((str(p.country), p.enterprises) for p in exhibition.participations.all())


class HomeView(TemplateView):
    template_name = "expo/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        exhibitions = models.Exhibition.objects.published().with_detail_related()
        # Editors choose the featured exhibition (Exhibition.featured); else the latest.
        context["exhibition"] = with_sources(exhibitions).featured_or_latest()
        context["editions"] = models.Exhibition.objects.published().with_editions_related()
        context["mechanisms"] = CooperationMechanism.objects.published().with_list_related()
        context["forums"] = with_sources(models.Forum.objects.published().with_list_related())[:3]
        context["trade_figure"] = with_sources(TradeFigure.objects.published()).first()
        context["councils"] = Council.objects.published().with_list_related()[:3]
        context["assessment"] = with_sources(CooperationAssessment.objects.published()).first()
        return context


class ExhibitionListView(PublicFilterView):
    model = models.Exhibition
    records = models.Exhibition.objects.with_list_related
    filterset_class = ExhibitionFilter
    export_columns = [
        *translated("name"),
        related("series"),
        field("edition"),
        field("start_date"),
        field("end_date"),
        related("city"),
        related("country", "city.region.country", "code"),
        *translated("venue"),
        *translated("theme"),
    ]
    feed = ExhibitionFeed.respond
    calendar = staticmethod(exhibitions_calendar)
    ordering = [*models.Exhibition._meta.ordering, "slug"]


class ExhibitionDetailView(PublicDetailView):
    model = models.Exhibition
    records = models.Exhibition.objects.with_detail_related
    calendar = staticmethod(exhibition_calendar)
    list_url_name = "expo:exhibition-list"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        exhibition = self.object
        region = exhibition.city.region
        context["region_chain"] = [*reversed(region.ancestors()), region]
        context["chart"] = participation_chart(exhibition)
        enterprises = (
            exhibition.enterprises.published()
            .select_related("country")
            .prefetch_related(live_prefetch(models.Enterprise, "sector"))
        )
        enterprises = list(enterprises[: RELATED_LIMIT + 1])
        context["enterprises"] = enterprises[:RELATED_LIMIT]
        context["more_enterprises"] = len(enterprises) > RELATED_LIMIT
        return context


class EnterpriseListView(PublicFilterView):
    model = models.Enterprise
    records = models.Enterprise.objects.with_list_related
    filterset_class = EnterpriseFilter
    # Counts at most 100 pages' worth of enterprises, not the whole table.
    paginator_class = BoundedPaginator
    export_columns = [
        *translated("name"),
        related("country", attribute="code"),
        related("region"),
        related("sector"),
        field("website"),
    ]
    ordering = ["name", "slug"]


class EnterpriseDetailView(PublicDetailView):
    model = models.Enterprise
    records = models.Enterprise.objects.with_detail_related
    list_url_name = "expo:enterprise-list"


class ForumListView(PublicFilterView):
    model = models.Forum
    records = models.Forum.objects.with_list_related
    filterset_class = ForumFilter
    export_columns = [
        *translated("name"),
        related("series"),
        field("edition"),
        field("date"),
        related("city"),
        related("exhibition"),
    ]
    feed = ForumFeed.respond
    calendar = staticmethod(forums_calendar)
    ordering = [*models.Forum._meta.ordering, "slug"]


class ForumDetailView(PublicDetailView):
    model = models.Forum
    records = models.Forum.objects.with_detail_related
    calendar = staticmethod(forum_calendar)
    list_url_name = "expo:forum-list"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.object.city.region
        context["region_chain"] = [*reversed(region.ancestors()), region]
        return context
