"""``{{ sitemaps|index_markup }}``: the sitemap index's entries written in Python
(web.sitemaps.index_markup)."""

from django import template

from web.sitemaps import index_markup

register = template.Library()
register.filter("index_markup", index_markup)
