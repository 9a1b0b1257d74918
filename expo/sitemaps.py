"""Sitemap entries for the home page, exhibitions, enterprises and forums, in every language."""

from web.sitemaps import I18nSitemap, NamedPagesSitemap, RecordSitemap

from . import models


class ExpoSitemap(I18nSitemap):
    models = (models.Exhibition, models.Forum)


class EnterpriseSitemap(RecordSitemap):
    """Enterprises, 100 a file (300 addresses, about 180 kB): there may be 100,000."""

    model = models.Enterprise
    url_name = "expo:enterprise-detail"


class ExpoListsSitemap(NamedPagesSitemap):
    url_names = ("home", "expo:exhibition-list", "expo:enterprise-list", "expo:forum-list")
