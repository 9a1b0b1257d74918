"""Sitemap entries for the articles, in every language."""

from core.models import live_only
from core.sitemaps import I18nSitemap, NamedPagesSitemap

from . import models


class NewsSitemap(I18nSitemap):
    def items(self):
        return live_only(models.Article)


class NewsListsSitemap(NamedPagesSitemap):
    url_names = ("news:article-list",)
