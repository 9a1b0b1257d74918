"""Sitemap entries for the home page, exhibitions, enterprises and forums, in every language."""

from publishing.models import live_only
from web.sitemaps import I18nSitemap, NamedPagesSitemap, RecordSitemap

from . import models


class ExpoSitemap(I18nSitemap):
    def items(self):
        return [
            *live_only(models.Exhibition),
            *live_only(models.Forum),
        ]


class EnterpriseSitemap(RecordSitemap):
    """Enterprises, 100 a file (300 addresses, about 180 kB): there may be 100,000."""

    model = models.Enterprise
    url_name = "expo:enterprise-detail"


class ExpoListsSitemap(NamedPagesSitemap):
    url_names = ("home", "expo:exhibition-list", "expo:enterprise-list", "expo:forum-list")
