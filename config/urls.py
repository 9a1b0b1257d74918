"""Public pages under a language prefix (/en/, /ru/, /zh-hans/); the admin, the sitemap
and Django's set_language view without one.

A path without a prefix, "/" included, is redirected by LocaleMiddleware to the
reader's language (language cookie, then Accept-Language, then English).
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from api.pages import DataPageView
from api.sitemaps import PagesSitemap
from cooperation.sitemaps import CooperationListsSitemap, CooperationSitemap
from discover.og_images import og_image_view
from discover.views import robots_txt
from expo.sitemaps import EnterpriseSitemap, ExpoListsSitemap, ExpoSitemap
from expo.views import HomeView
from news.sitemaps import NewsListsSitemap, NewsSitemap
from operations.health import health
from sources.views import SourceListView
from web import sitemaps as web_sitemaps

sitemaps = {
    "expo-lists": ExpoListsSitemap,
    "expo": ExpoSitemap,
    # Tens of thousands: a section of its own, a page of records at a time.
    "enterprises": EnterpriseSitemap,
    "cooperation-lists": CooperationListsSitemap,
    "cooperation": CooperationSitemap,
    "news-lists": NewsListsSitemap,
    "news": NewsSitemap,
    "pages": PagesSitemap,
}

urlpatterns = [
    # For a load balancer: database, cache, migrations (operations/health.py); no language prefix.
    path("health/", health, name="health"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", robots_txt, name="robots-txt"),
    # The read-only API: every public list and record as JSON, OpenAPI, docs (api/urls.py).
    path("api/v1/", include("api.urls")),
    # A page's Open Graph image, drawn from its record (discover/og_images.py).
    path("og/<str:kind>/<slug:slug>.<str:language>.png", og_image_view, name="og-image"),
    # A sitemap index (robots.txt names it); each section, and each page of a large
    # one (?p=2), is a file of its own within the protocol's limits (web/sitemaps.py).
    path(
        "sitemap.xml",
        web_sitemaps.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        web_sitemaps.section,
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
]

urlpatterns += i18n_patterns(
    # The home page composes several apps; core's breadcrumbs and the error pages
    # reach it by this project-level name, without naming an app.
    path("", HomeView.as_view(), name="home"),
    path("", include("cooperation.urls")),
    path("", include("expo.urls")),
    path("", include("news.urls")),
    path("sources/", SourceListView.as_view(), name="source-list"),
    # What data the site offers and its licence (api/pages.py).
    path("data/", DataPageView.as_view(), name="data"),
    path("", include("discover.urls")),
    prefix_default_language=True,
)
