"""The Atom feed of articles, per language: ``/en/articles/?format=atom``.

It follows the list's filter (``?publisher=rambler&format=atom``), see ``web.exports``.
"""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from web.feeds import ListFeed, as_datetime


class ArticleFeed(ListFeed):
    heading = _("Articles")

    def item_description(self, item):
        return Truncator(item.body).words(60)

    def item_pubdate(self, item):
        return as_datetime(item.published_on or item.publish_at)

    def item_author_name(self, item):
        return str(item.publisher)

    def item_categories(self, item):
        return [str(item.publisher)]
