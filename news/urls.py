from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
]
