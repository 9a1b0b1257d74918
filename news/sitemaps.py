"""Sitemap entries for the articles, in every language."""

from publishing.models import live_only
from web.sitemaps import I18nSitemap, NamedPagesSitemap

from . import models


class NewsSitemap(I18nSitemap):
    def items(self):
        return live_only(models.Article)


class NewsListsSitemap(NamedPagesSitemap):
    url_names = ("news:article-list",)
