"""Each public model's endpoint: the HTML list it mirrors, or its model, and serializer."""

from django.db.models import Q

from cooperation import models as coop
from cooperation import views as coop_views
from expo import models as expo
from expo import views as expo_views
from news import models as news
from news import views as news_views
from sources.models import Source, SourceKind

from . import serializers as s
from .views import RecordViewSet


class CountryViewSet(RecordViewSet):
    html_view = coop_views.CountryListView
    serializer_class = s.CountrySerializer
    lookup_value_regex = r"[-a-z0-9]+"


class RegionViewSet(RecordViewSet):
    html_view = coop_views.RegionListView
    serializer_class = s.RegionSerializer

    def load(self, queryset):
        return queryset.with_links("administrative_centre")


class CityViewSet(RecordViewSet):
    html_view = coop_views.CityListView
    serializer_class = s.CitySerializer


class YearsViewSet(RecordViewSet):
    model = coop.CooperationYears
    serializer_class = s.YearsSerializer


class MechanismViewSet(RecordViewSet):
    html_view = coop_views.MechanismListView
    serializer_class = s.MechanismSerializer


class CouncilViewSet(RecordViewSet):
    html_view = coop_views.CouncilListView
    serializer_class = s.CouncilSerializer

    def load(self, queryset):
        return queryset.with_links("years")


class FundViewSet(RecordViewSet):
    model = coop.InvestmentFund
    serializer_class = s.FundSerializer

    def load(self, queryset):
        return queryset.with_list_related()


class TradeFigureViewSet(RecordViewSet):
    html_view = coop_views.TradeFigureListView
    serializer_class = s.TradeFigureSerializer


class AssessmentViewSet(RecordViewSet):
    html_view = coop_views.AssessmentListView
    serializer_class = s.AssessmentSerializer


class SeriesViewSet(RecordViewSet):
    model = expo.ExhibitionSeries
    serializer_class = s.SeriesSerializer


class ForumSeriesViewSet(RecordViewSet):
    model = expo.ForumSeries
    serializer_class = s.ForumSeriesSerializer


class SectorViewSet(RecordViewSet):
    model = expo.Sector
    serializer_class = s.SectorSerializer


class ExhibitionViewSet(RecordViewSet):
    html_view = expo_views.ExhibitionListView
    serializer_class = s.ExhibitionSerializer


class EnterpriseViewSet(RecordViewSet):
    html_view = expo_views.EnterpriseListView
    serializer_class = s.EnterpriseSerializer


class ForumViewSet(RecordViewSet):
    html_view = expo_views.ForumListView
    serializer_class = s.ForumSerializer


class PublisherViewSet(RecordViewSet):
    model = news.Publisher
    serializer_class = s.PublisherSerializer


class ArticleViewSet(RecordViewSet):
    """Articles; ``?publisher=<slug>`` narrows them as on the page (the view reads it)."""

    html_view = news_views.ArticleListView
    serializer_class = s.ArticleSerializer


class SourceViewSet(RecordViewSet):
    """Every source the Sources page lists: an article's only while the article is live."""

    model = Source
    serializer_class = s.SourceSerializer

    def get_queryset(self):
        live_articles = news.Article.objects.published()
        return (
            Source.objects.published()
            .filter(~Q(kind=SourceKind.HOSTED) | Q(hosted_document__in=live_articles))
            .with_hosted_document()
        )


# (prefix, viewset, basename): the API's endpoints, in the order the root lists them.
ENDPOINTS = [
    ("exhibitions", ExhibitionViewSet, "exhibition"),
    ("enterprises", EnterpriseViewSet, "enterprise"),
    ("forums", ForumViewSet, "forum"),
    ("exhibition-series", SeriesViewSet, "exhibitionseries"),
    ("forum-series", ForumSeriesViewSet, "forumseries"),
    ("sectors", SectorViewSet, "sector"),
    ("countries", CountryViewSet, "country"),
    ("regions", RegionViewSet, "region"),
    ("cities", CityViewSet, "city"),
    ("mechanisms", MechanismViewSet, "mechanism"),
    ("councils", CouncilViewSet, "council"),
    ("funds", FundViewSet, "fund"),
    ("years", YearsViewSet, "years"),
    ("trade", TradeFigureViewSet, "tradefigure"),
    ("assessments", AssessmentViewSet, "assessment"),
    ("articles", ArticleViewSet, "article"),
    ("publishers", PublisherViewSet, "publisher"),
    ("sources", SourceViewSet, "source"),
]
