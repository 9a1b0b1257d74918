"""The shared shape of the site's Atom feeds (django.contrib.syndication).

A feed is built for one request from the records of a filtered list, so a feed
follows the list's filters (``?year=2019&format=atom``). Each app's feed
(``expo.feeds``, ``news.feeds``) says what an entry shows.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from web.exports import list_url_without_format

# Entries in one feed: the newest first, as the list orders them.
FEED_LIMIT = 50


def as_datetime(day):
    """A date as midnight UTC (Atom dates are times); None stays None."""
    if day is None:
        return None
    if isinstance(day, datetime.datetime):
        return day
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


class ListFeed(Feed):
    """An Atom feed of a list's records; ``heading`` names the list."""

    feed_type = Atom1Feed
    heading = ""

    def __init__(self, records, request):
        super().__init__()
        self.records = records
        self.list_url = list_url_without_format(request)

    def title(self):
        return f"{self.heading} · {_('China-Russia Interregional Cooperation')}"

    def link(self):
        return self.list_url

    def feed_url(self):
        return None  # Django adds the feed's own address (rel="self") from the request

    def subtitle(self):
        return None

    def language(self):
        return get_language()

    def items(self):
        return self.records[:FEED_LIMIT]

    def item_title(self, item):
        return str(item)

    def item_updateddate(self, item):
        return self.item_pubdate(item) or timezone.now()

    @classmethod
    def respond(cls, request, records):
        """The Atom response for ``records`` (a ``DataFormatsMixin.feed``)."""
        return cls(records, request)(request)
