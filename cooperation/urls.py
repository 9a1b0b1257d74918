from django.urls import path

from . import views

app_name = "cooperation"

urlpatterns = [
    path("countries/", views.CountryListView.as_view(), name="country-list"),
    path("countries/<slug:slug>/", views.CountryDetailView.as_view(), name="country-detail"),
    path("regions/", views.RegionListView.as_view(), name="region-list"),
    path("regions/<slug:slug>/", views.RegionDetailView.as_view(), name="region-detail"),
    path("cities/", views.CityListView.as_view(), name="city-list"),
    path("cities/<slug:slug>/", views.CityDetailView.as_view(), name="city-detail"),
    path("mechanisms/", views.MechanismListView.as_view(), name="mechanism-list"),
    path("mechanisms/<slug:slug>/", views.MechanismDetailView.as_view(), name="mechanism-detail"),
    path("councils/", views.CouncilListView.as_view(), name="council-list"),
    path("councils/<slug:slug>/", views.CouncilDetailView.as_view(), name="council-detail"),
    path("years/<slug:slug>/", views.YearsDetailView.as_view(), name="years-detail"),
    path("funds/<slug:slug>/", views.FundDetailView.as_view(), name="fund-detail"),
    path("trade/", views.TradeFigureListView.as_view(), name="tradefigure-list"),
    path("trade/<slug:slug>/", views.TradeFigureDetailView.as_view(), name="tradefigure-detail"),
    path("assessments/", views.AssessmentListView.as_view(), name="assessment-list"),
    path(
        "assessments/<slug:slug>/", views.AssessmentDetailView.as_view(), name="assessment-detail"
    ),
]
