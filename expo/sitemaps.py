"""Sitemap entries for the home page, exhibitions, enterprises and forums, in every language."""

from cooperation.sitemaps import I18nSitemap, NamedPagesSitemap, public

from . import models


class ExpoSitemap(I18nSitemap):
    def items(self):
        return [
            *public(models.Exhibition.objects),
            *public(models.Enterprise.objects),
            *public(models.Forum.objects),
        ]


class ExpoListsSitemap(NamedPagesSitemap):
    url_names = ("expo:home", "expo:exhibition-list", "expo:enterprise-list", "expo:forum-list")
