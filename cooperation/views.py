"""Public pages for geography and the institutions of interregional cooperation.

Each view is a thin generic view over a queryset method that names its eager
loading, so every page runs a fixed number of queries however many rows it shows.

The public sees live records only (``published()``, see ``core.models``): on lists,
in counts, in related lists and on detail pages, where a record that is not live is
a 404. A logged-in staff member who may view the model can open such a record's own
page to preview it, under a notice that says why the public cannot see it.
"""

from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from core.models import PublicVisibility, is_publishable, live_prefetch, live_q, with_sources

from . import models
from .filters import RegionFilter

# How many related rows a detail page lists before linking to the filtered directory.
RELATED_LIMIT = 20


class PageMixin:
    """Breadcrumbs (home first) and the model's options, for headings and labels.

    Views name their records in ``get_records()``, called per request, so that what
    is live is decided at the time of the request.
    """

    def get_records(self):
        return self.model.objects.all()

    def get_breadcrumbs(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opts"] = self.model._meta
        context["breadcrumbs"] = [(_("Home"), reverse("expo:home")), *self.get_breadcrumbs()]
        return context


class LiveListMixin:
    """A list of live records only, for everyone (staff preview only single records)."""

    def get_queryset(self):
        queryset = self.get_records()
        if is_publishable(self.model):
            queryset = queryset.published()
        ordering = self.get_ordering()
        return queryset.order_by(*ordering) if ordering else queryset


class PublicListView(LiveListMixin, PageMixin, ListView):
    paginate_by = 50

    def get_breadcrumbs(self):
        return [(capfirst(self.model._meta.verbose_name_plural), None)]


class PublicFilterView(LiveListMixin, PageMixin, FilterView):
    """A list narrowed by a FilterSet from the query string.

    An invalid filter (an unknown choice, a year that is not a number) shows the
    form's errors and no results: ``strict`` mode of django-filter.
    """

    paginate_by = 25
    template_name_suffix = "_list"

    def get_breadcrumbs(self):
        return [(capfirst(self.model._meta.verbose_name_plural), None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filterset.form
        context["filter_invalid"] = self.filterset.is_bound and not self.filterset.is_valid()
        context["filter_active"] = (
            self.filterset.is_bound
            and not context["filter_invalid"]
            and any(value not in (None, "") for value in form.cleaned_data.values())
        )
        return context


def publication_notice(record):
    """Why the public cannot see ``record`` (for a staff preview), or None if it can."""
    state = record.publication_state()
    hidden_parents = record.unpublished_parents()
    if state == PublicVisibility.LIVE and not hidden_parents:
        return None
    return {"state": state, "record": record, "hidden_parents": hidden_parents}


class PublicDetailView(PageMixin, DetailView):
    list_url_name = None

    def get_queryset(self):
        records = self.get_records()
        if is_publishable(self.model) and not self.is_preview_allowed():
            records = records.published()
        # base.html shows "Source: ..." under every record that has source articles.
        return with_sources(records)

    def is_preview_allowed(self):
        """Staff who may view the model see its records whatever their state."""
        user = self.request.user
        opts = self.model._meta
        return user.is_staff and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if is_publishable(self.model) and self.is_preview_allowed():
            context["publication_notice"] = publication_notice(self.object)
        return context

    def get_breadcrumbs(self):
        opts = self.object._meta
        crumbs = []
        if self.list_url_name:
            crumbs.append((capfirst(opts.verbose_name_plural), reverse(self.list_url_name)))
        return [*crumbs, *self.get_parent_crumbs(), (str(self.object), None)]

    def get_parent_crumbs(self):
        return []


def region_chain_crumbs(region):
    """Breadcrumbs from the largest region down to ``region`` itself, with links."""
    chain = [*reversed(region.ancestors()), region]
    return [(str(r), r.get_absolute_url()) for r in chain]


class CountryListView(PublicListView):
    model = models.Country
    ordering = ["name", "code"]


class CountryDetailView(PublicDetailView):
    model = models.Country

    def get_records(self):
        return models.Country.objects.with_detail_related()

    list_url_name = "cooperation:country-list"


class RegionListView(PublicFilterView):
    model = models.Region

    def get_records(self):
        return models.Region.objects.with_list_related()

    filterset_class = RegionFilter
    ordering = ["country__code", "name", "slug"]


class RegionDetailView(PublicDetailView):
    model = models.Region

    def get_records(self):
        return models.Region.objects.with_detail_related()

    list_url_name = "cooperation:region-list"

    def get_parent_crumbs(self):
        return [
            (str(self.object.country), self.object.country.get_absolute_url()),
            *region_chain_crumbs(self.object)[:-1],
        ]

    def get_context_data(self, **kwargs):
        """The region's page takes in what happened in the live regions inside it.

        Exhibitions hosted, guest-of-honour appearances and enterprises are those of
        the region and of every live region inside it, at any depth; a region that is
        not live hides itself and everything below it. One query finds the regions
        (``self_and_descendant_ids()``), one per kind of record loads them, so the
        count is fixed however deep the tree. The expo models are reached through
        reverse relations, so this app imports nothing from ``expo``.
        """
        context = super().get_context_data(**kwargs)
        region = self.object
        region_ids = models.Region.objects.published().self_and_descendant_ids(region)
        exhibition_model = models.City._meta.get_field("exhibitions").related_model
        context["exhibitions"] = (
            exhibition_model.objects.published()
            .filter(city__region__in=region_ids)
            .select_related("city")
            .order_by(*exhibition_model._meta.ordering, "slug")
        )
        guest_model = region.guest_of_honour_appearances.model
        context["guest_appearances"] = guest_model.objects.filter(
            live_q(exhibition_model, "exhibition__"), region__in=region_ids
        ).select_related("exhibition", "region")
        context["mechanisms"] = (
            models.CooperationMechanism.objects.published().for_region(region).with_list_related()
        )
        enterprises = (
            region.enterprises.model.objects.published()
            .filter(region__in=region_ids)
            .prefetch_related(live_prefetch(region.enterprises.model, "sector"))
        )
        enterprises = list(enterprises[: RELATED_LIMIT + 1])
        context["enterprises"] = enterprises[:RELATED_LIMIT]
        context["more_enterprises"] = len(enterprises) > RELATED_LIMIT
        return context


class CityListView(PublicListView):
    model = models.City

    def get_records(self):
        return models.City.objects.with_list_related()

    ordering = ["name", "slug"]


class CityDetailView(PublicDetailView):
    model = models.City

    def get_records(self):
        return models.City.objects.with_detail_related()

    list_url_name = "cooperation:city-list"

    def get_parent_crumbs(self):
        region = self.object.region
        return [
            (str(region.country), region.country.get_absolute_url()),
            *region_chain_crumbs(region),
        ]


class MechanismListView(PublicListView):
    model = models.CooperationMechanism

    def get_records(self):
        return models.CooperationMechanism.objects.with_list_related()

    ordering = ["name", "slug"]


class MechanismDetailView(PublicDetailView):
    model = models.CooperationMechanism

    def get_records(self):
        return models.CooperationMechanism.objects.with_detail_related()

    list_url_name = "cooperation:mechanism-list"


class CouncilListView(PublicListView):
    model = models.Council

    def get_records(self):
        return models.Council.objects.with_list_related()

    ordering = ["name", "slug"]


class CouncilDetailView(PublicDetailView):
    model = models.Council

    def get_records(self):
        return models.Council.objects.with_detail_related()

    list_url_name = "cooperation:council-list"


class YearsDetailView(PublicDetailView):
    model = models.CooperationYears

    def get_records(self):
        return models.CooperationYears.objects.with_detail_related()


class FundDetailView(PublicDetailView):
    model = models.InvestmentFund

    def get_records(self):
        return models.InvestmentFund.objects.with_list_related()

    def get_parent_crumbs(self):
        council = self.object.council
        if council is None:
            return []
        return [
            (capfirst(council._meta.verbose_name_plural), reverse("cooperation:council-list")),
            (str(council), council.get_absolute_url()),
        ]


class TradeFigureListView(PublicListView):
    model = models.TradeFigure
    ordering = ["-year", "slug"]

    def get_records(self):
        # The source column links each figure to the articles it comes from.
        return with_sources(models.TradeFigure.objects.all())


class TradeFigureDetailView(PublicDetailView):
    model = models.TradeFigure
    list_url_name = "cooperation:tradefigure-list"


class AssessmentListView(PublicListView):
    model = models.CooperationAssessment
    ordering = ["title", "slug"]


class AssessmentDetailView(PublicDetailView):
    model = models.CooperationAssessment
    list_url_name = "cooperation:assessment-list"
