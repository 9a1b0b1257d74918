from django.views.generic import DetailView, ListView, TemplateView

from cooperation.models import CooperationMechanism, TradeFigure

from . import models


class HomeView(TemplateView):
    template_name = "expo/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["exhibition"] = models.Exhibition.objects.with_detail_related().most_recent()
        context["mechanisms"] = CooperationMechanism.objects.with_list_related()
        context["forums"] = models.Forum.objects.with_list_related()[:3]
        context["trade_figure"] = TradeFigure.objects.first()
        return context


class ExhibitionListView(ListView):
    queryset = models.Exhibition.objects.with_list_related()
    paginate_by = 20


class ExhibitionDetailView(DetailView):
    queryset = models.Exhibition.objects.with_detail_related()


class EnterpriseListView(ListView):
    queryset = models.Enterprise.objects.with_list_related()
    paginate_by = 50


class EnterpriseDetailView(DetailView):
    queryset = models.Enterprise.objects.with_list_related()


class ForumListView(ListView):
    queryset = models.Forum.objects.with_list_related()
    paginate_by = 20


class ForumDetailView(DetailView):
    queryset = models.Forum.objects.with_list_related()
