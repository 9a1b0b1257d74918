"""Public pages for geography and the institutions of interregional cooperation.

Each view is a thin generic view over a queryset method that names its eager
loading, so every page runs a fixed number of queries however many rows it shows.
"""

from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core.models import with_sources
from django_filters.views import FilterView

from . import models
from .filters import RegionFilter

# How many related rows a detail page lists before linking to the filtered directory.
RELATED_LIMIT = 20


class PageMixin:
    """Breadcrumbs (home first) and the model's options, for headings and labels."""

    def get_breadcrumbs(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opts"] = self.get_queryset().model._meta
        context["breadcrumbs"] = [(_("Home"), reverse("expo:home")), *self.get_breadcrumbs()]
        return context


class PublicListView(PageMixin, ListView):
    paginate_by = 50

    def get_breadcrumbs(self):
        return [(capfirst(self.get_queryset().model._meta.verbose_name_plural), None)]


class PublicFilterView(PageMixin, FilterView):
    """A list narrowed by a FilterSet from the query string.

    An invalid filter (an unknown choice, a year that is not a number) shows the
    form's errors and no results: ``strict`` mode of django-filter.
    """

    paginate_by = 25
    template_name_suffix = "_list"

    def get_breadcrumbs(self):
        return [(capfirst(self.get_queryset().model._meta.verbose_name_plural), None)]

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


class PublicDetailView(PageMixin, DetailView):
    list_url_name = None

    def get_queryset(self):
        # base.html shows "Source: ..." under every record that has source articles.
        return with_sources(super().get_queryset())

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
    queryset = models.Country.objects.all()
    ordering = ["name", "code"]


class CountryDetailView(PublicDetailView):
    queryset = models.Country.objects.with_detail_related()
    list_url_name = "cooperation:country-list"


class RegionListView(PublicFilterView):
    queryset = models.Region.objects.with_list_related()
    filterset_class = RegionFilter
    ordering = ["country__code", "name", "slug"]


class RegionDetailView(PublicDetailView):
    queryset = models.Region.objects.with_detail_related()
    list_url_name = "cooperation:region-list"

    def get_parent_crumbs(self):
        return [
            (str(self.object.country), self.object.country.get_absolute_url()),
            *region_chain_crumbs(self.object)[:-1],
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.object
        cities = [*region.cities.all()]
        for subregion in region.subregions.all():
            cities.extend(subregion.cities.all())
        exhibitions = {e.pk: e for city in cities for e in city.exhibitions.all()}
        context["exhibitions"] = sorted(
            exhibitions.values(),
            key=lambda e: (e.start_date is not None, e.start_date, e.edition),
            reverse=True,
        )
        context["mechanisms"] = models.CooperationMechanism.objects.for_region(
            region
        ).with_list_related()
        enterprises = list(region.enterprises.select_related("sector")[: RELATED_LIMIT + 1])
        context["enterprises"] = enterprises[:RELATED_LIMIT]
        context["more_enterprises"] = len(enterprises) > RELATED_LIMIT
        return context


class CityListView(PublicListView):
    queryset = models.City.objects.with_list_related()
    ordering = ["name", "slug"]


class CityDetailView(PublicDetailView):
    queryset = models.City.objects.with_detail_related()
    list_url_name = "cooperation:city-list"

    def get_parent_crumbs(self):
        region = self.object.region
        return [
            (str(region.country), region.country.get_absolute_url()),
            *region_chain_crumbs(region),
        ]


class MechanismListView(PublicListView):
    queryset = models.CooperationMechanism.objects.with_list_related()
    ordering = ["name", "slug"]


class MechanismDetailView(PublicDetailView):
    queryset = models.CooperationMechanism.objects.with_detail_related()
    list_url_name = "cooperation:mechanism-list"


class CouncilListView(PublicListView):
    queryset = models.Council.objects.with_list_related()
    ordering = ["name", "slug"]


class CouncilDetailView(PublicDetailView):
    queryset = models.Council.objects.with_detail_related()
    list_url_name = "cooperation:council-list"


class YearsDetailView(PublicDetailView):
    queryset = models.CooperationYears.objects.with_detail_related()


class FundDetailView(PublicDetailView):
    queryset = models.InvestmentFund.objects.with_list_related()

    def get_parent_crumbs(self):
        council = self.object.council
        if council is None:
            return []
        return [
            (capfirst(council._meta.verbose_name_plural), reverse("cooperation:council-list")),
            (str(council), council.get_absolute_url()),
        ]


class TradeFigureListView(PublicListView):
    queryset = models.TradeFigure.objects.all()
    ordering = ["-year", "slug"]


class TradeFigureDetailView(PublicDetailView):
    model = models.TradeFigure
    list_url_name = "cooperation:tradefigure-list"


class AssessmentListView(PublicListView):
    queryset = models.CooperationAssessment.objects.all()
    ordering = ["title", "slug"]


class AssessmentDetailView(PublicDetailView):
    model = models.CooperationAssessment
    list_url_name = "cooperation:assessment-list"
