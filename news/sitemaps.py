"""Sitemap entries for the articles, in every language."""

from cooperation.sitemaps import I18nSitemap, NamedPagesSitemap, public

from . import models


class NewsSitemap(I18nSitemap):
    def items(self):
        return public(models.Article.objects)


class NewsListsSitemap(NamedPagesSitemap):
    url_names = ("news:article-list",)
