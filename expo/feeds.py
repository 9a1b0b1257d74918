"""Atom feeds of exhibitions and forums, per language, following the list's filters.

Served by the lists themselves: ``/en/exhibitions/?format=atom``,
``/ru/forums/?year=2019&format=atom`` (see ``web.exports``).
"""

from django.utils.translation import gettext_lazy as _

from web.feeds import ListFeed, as_datetime


class ExhibitionFeed(ListFeed):
    heading = _("Exhibitions")

    def item_description(self, item):
        return item.theme or item.description

    def item_pubdate(self, item):
        return as_datetime(item.start_date)

    def item_categories(self, item):
        return [str(item.series), str(item.city), str(item.city.region.country)]


class ForumFeed(ListFeed):
    heading = _("Forums")

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return as_datetime(item.date)

    def item_categories(self, item):
        return [str(item.series), str(item.city)]
