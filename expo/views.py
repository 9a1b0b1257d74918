"""Public pages for exhibitions, enterprises and forums, and the home page.

Like every public page (see ``web.views``), these show live records only;
staff may preview a record that is not live on its own page.
"""

from django.db import connections
from django.views.generic import TemplateView

from cooperation.models import (
    CooperationAssessment,
    CooperationMechanism,
    Council,
    TradeFigure,
)
from sources.exports import SourcedExportsMixin
from web.exports import field, related, translated
from web.pagination import BoundedPaginator
from web.views import RELATED_LIMIT, PublicDetailView, PublicFilterView

from . import models
from .calendars import (
    exhibition_calendar,
    exhibitions_calendar,
    forum_calendar,
    forums_calendar,
)
from .charts import editions_chart, editions_participations, participation_chart
from .feeds import ExhibitionFeed, ForumFeed
from .filters import EnterpriseFilter, ExhibitionFilter, ForumFilter
from .participation import exhibition_participation


class HomeView(TemplateView):
    template_name = "expo/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Every edition for the table, with what the featured one's section shows.
        editions = list(models.Exhibition.objects.published().with_home_related())
        context["editions"] = editions
        # Editors choose the featured exhibition (Exhibition.featured); else the latest.
        exhibition = models.featured_or_latest(editions)
        context["exhibition"] = exhibition
        if exhibition is not None:
            context["participations"] = models.by_enterprises(exhibition.participations.all())
        context["mechanisms"] = CooperationMechanism.objects.published().with_list_related()
        context["forums"] = models.Forum.objects.published().with_list_related()[:3]
        # Each record's sources with it: one query per kind of record.
        context["trade_figure"] = TradeFigure.objects.published().with_sources().first()
        context["councils"] = Council.objects.published().with_list_related()[:3]
        context["assessment"] = CooperationAssessment.objects.published().with_sources().first()
        return context


class ExhibitionListView(SourcedExportsMixin, PublicFilterView):
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
    subscription_url_name = "expo:calendar"
    ordering = [*models.Exhibition._meta.ordering, "slug"]

    def get_context_data(self, **kwargs):
        """Enterprises by country, edition by edition, for the listed exhibitions (all
        pages of the filtered list): a chart and its table where two or more editions
        have figures.
        """
        context = super().get_context_data(**kwargs)
        participations = editions_participations(self.object_list)
        context["editions_chart"] = editions_chart(participations)
        context["editions_participations"] = participations
        return context


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
        context["participation"] = exhibition_participation(exhibition, region.tree())
        enterprises = (
            exhibition.enterprises.published().select_related("country").with_links("sector")
        )
        enterprises = list(enterprises[: RELATED_LIMIT + 1])
        context["enterprises"] = enterprises[:RELATED_LIMIT]
        context["more_enterprises"] = len(enterprises) > RELATED_LIMIT
        return context


class EnterpriseListView(SourcedExportsMixin, PublicFilterView):
    model = models.Enterprise
    records = models.Enterprise.objects.with_list_related
    filterset_class = EnterpriseFilter
    # Counts at most 100 pages' worth of enterprises, not the whole table.
    paginator_class = BoundedPaginator
    export_columns = [
        *translated("name"),
        related("country", attribute="code"),
        related("region", "live_region"),
        related("sector", "live_sector"),
        field("website"),
    ]
    ordering = ["name", "slug"]

    def get_paginator(self, queryset, per_page, **kwargs):
        """On PostgreSQL, a search by name reads the trigram indexes once for the count
        and the page (``BoundedPaginator(by_keys=True)``) instead of once for each.

        Not on SQLite, which has no such index: there the keys in name order meant
        walking the whole name index (a p95 of 4.7 s instead of 1.8 s under the page
        benchmark's load at 100,000 enterprises), where counting reads the table in
        order and the page stops at 25 matches.
        """
        form = self.filterset.form
        searched = self.filterset.is_valid() and bool(form.cleaned_data.get("name"))
        indexed = connections[queryset.db].vendor == "postgresql"
        return self.paginator_class(queryset, per_page, by_keys=searched and indexed, **kwargs)


class EnterpriseDetailView(PublicDetailView):
    model = models.Enterprise
    records = models.Enterprise.objects.with_detail_related
    list_url_name = "expo:enterprise-list"


class ForumListView(SourcedExportsMixin, PublicFilterView):
    model = models.Forum
    records = models.Forum.objects.with_list_related
    filterset_class = ForumFilter
    export_columns = [
        *translated("name"),
        related("series"),
        field("edition"),
        field("date"),
        related("city"),
        related("exhibition", "live_exhibition"),
    ]
    feed = ForumFeed.respond
    calendar = staticmethod(forums_calendar)
    subscription_url_name = "expo:calendar"
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
