"""Sitemap entries for the articles, in every language."""

from cooperation.sitemaps import I18nSitemap, NamedPagesSitemap
from core.models import live_only

from . import models


class NewsSitemap(I18nSitemap):
    def items(self):
        return live_only(models.Article)


class NewsListsSitemap(NamedPagesSitemap):
    url_names = ("news:article-list",)
