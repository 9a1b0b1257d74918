"""Sitemap entries for the home page, exhibitions, enterprises and forums, in every language."""

from core.models import live_only
from core.sitemaps import I18nSitemap, NamedPagesSitemap, RecordSitemap

from . import models


class ExpoSitemap(I18nSitemap):
    def items(self):
        return [
            *live_only(models.Exhibition),
            *live_only(models.Forum),
        ]


class EnterpriseSitemap(RecordSitemap):
    """Enterprises, 500 a file (1,500 addresses): there may be 100,000 of them."""

    model = models.Enterprise


class ExpoListsSitemap(NamedPagesSitemap):
    url_names = ("home", "expo:exhibition-list", "expo:enterprise-list", "expo:forum-list")
