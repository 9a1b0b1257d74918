"""The shared shape of the site's Atom feeds (django.contrib.syndication).

A feed is built for one request from the records of a filtered list, so a feed
follows the list's filters (``?year=2019&format=atom``). Each app's feed
(``expo.feeds``, ``news.feeds``) says what an entry shows.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from web.exports import format_url, list_url_without_format
from web.languages import language_tag
from web.modified import modified, site_changed, with_modified

# Entries in one feed: the newest first, as the list orders them.
FEED_LIMIT = 50


def as_datetime(day):
    """A date as midnight UTC (Atom dates are times); None stays None."""
    if day is None:
        return None
    if isinstance(day, datetime.datetime):
        return day
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


class StableAtomFeed(Atom1Feed):
    """Atom whose ``updated`` is the newest entry's, or for a feed without entries the
    time of the site's last content change: never the time of the request, so the same
    content gives the same bytes (and ETag) on every request."""

    def latest_post_date(self):
        dates = [item["updateddate"] or item["pubdate"] for item in self.items]
        dates = [date for date in dates if date is not None]
        return max(dates) if dates else self.feed["empty_updated"]


class ListFeed(Feed):
    """An Atom feed of a list's records; ``heading`` names the list.

    RFC 4287: the feed's author is the site (an entry may name its own, as articles
    name their publisher); ``rel="self"`` is the feed's own address, filters kept;
    ``xml:lang`` the BCP 47 tag of the language the feed is written in (the page's).
    """

    feed_type = StableAtomFeed
    heading = ""

    def __init__(self, records, request):
        super().__init__()
        self.records = records
        self.list_url = list_url_without_format(request)
        self.self_url = request.build_absolute_uri(format_url(request, "atom"))
        # Django reads ``language`` as an attribute (a method would print its repr).
        self.language = language_tag(get_language())

    def title(self):
        return f"{self.heading} · {_('China-Russia Interregional Cooperation')}"

    def link(self):
        return self.list_url

    def feed_url(self):
        return self.self_url

    def author_name(self):
        return _("China-Russia Interregional Cooperation")

    def feed_extra_kwargs(self, obj):
        return {"empty_updated": site_changed()}

    def subtitle(self):
        return None

    def items(self):
        return with_modified(self.records)[:FEED_LIMIT]

    def item_title(self, item):
        return str(item)

    def item_updateddate(self, item):
        return modified(item)

    @classmethod
    def respond(cls, request, records):
        """The Atom response for ``records`` (a ``DataFormatsMixin.feed``)."""
        return cls(records, request)(request)
