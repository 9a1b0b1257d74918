"""Sitemap entries for the articles, in every language."""

from web.sitemaps import I18nSitemap, NamedPagesSitemap

from . import models


class NewsSitemap(I18nSitemap):
    models = (models.Article,)


class NewsListsSitemap(NamedPagesSitemap):
    url_names = ("news:article-list",)
