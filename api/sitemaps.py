"""Sitemap entries for the pages that show no one model: Sources, and Data and licence."""

from web.sitemaps import NamedPagesSitemap


class PagesSitemap(NamedPagesSitemap):
    url_names = ("source-list", "data")
