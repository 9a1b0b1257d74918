from django.views.generic import DetailView, ListView

from . import models


class CountryDetailView(DetailView):
    model = models.Country


class RegionListView(ListView):
    queryset = models.Region.objects.with_list_related()
    paginate_by = 50


class RegionDetailView(DetailView):
    queryset = models.Region.objects.with_list_related()


class CityListView(ListView):
    queryset = models.City.objects.with_list_related()
    paginate_by = 50


class CityDetailView(DetailView):
    queryset = models.City.objects.with_list_related()


class MechanismListView(ListView):
    queryset = models.CooperationMechanism.objects.with_list_related()


class MechanismDetailView(DetailView):
    queryset = models.CooperationMechanism.objects.with_list_related()


class CouncilListView(ListView):
    queryset = models.Council.objects.with_list_related()


class CouncilDetailView(DetailView):
    queryset = models.Council.objects.with_list_related()


class YearsDetailView(DetailView):
    model = models.CooperationYears


class FundDetailView(DetailView):
    queryset = models.InvestmentFund.objects.with_list_related()


class TradeFigureListView(ListView):
    model = models.TradeFigure


class TradeFigureDetailView(DetailView):
    model = models.TradeFigure


class AssessmentDetailView(DetailView):
    model = models.CooperationAssessment
