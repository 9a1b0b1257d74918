from django.urls import path

from . import views

app_name = "discover"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
]
