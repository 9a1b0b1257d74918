"""Search results as data: ``?format=json`` and ``?format=atom`` on the search page.

Both hold what the page shows, for the same query (and ``type``, ``page``): live
records only, as the page. JSON (stable shape, version 1)::

    {
      "format": "china-russia-cooperation.search/1",
      "language": "en",
      "query": "Harbinn",
      "searched": "Harbin",          # the query searched (a suggestion, if nothing matched)
      "suggestion": "Harbin",        # or null
      "url": "https://…/en/search/?q=Harbinn",
      "groups": [{"kind": "cities", "label": "cities", "count": 1, "more": false,
                  "directory": null,
                  "results": [{"name": "Harbin", "url": "https://…", "details": ["…"]}]}]
    }

``more`` is true when a group has more than ``count`` matches (counting stops there);
``directory`` is then the list that holds them all, if there is one.

Atom: one entry per result, in the page's order, under Django's syndication
framework. Records carry no time of their last edit, so ``updated`` is the time of
the site's last content change (the page cache's content version): the feed's bytes
stay the same until something changes.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from web.cache import content_version
from web.exports import list_url_without_format

JSON_FORMAT_NAME = "china-russia-cooperation.search/1"


def json_response(request, context, status=200):
    query = context["query"]
    data = {
        "format": JSON_FORMAT_NAME,
        "language": get_language(),
        "query": query.text,
        "searched": context["searched"],
        "suggestion": context.get("suggestion"),
        "url": list_url_without_format(request),
        "groups": [
            {
                "kind": group["kind"].key,
                "label": str(group["kind"].label),
                "count": group["count"],
                "more": group["more"],
                "directory": request.build_absolute_uri(group["directory_url"])
                if group.get("directory_url")
                else None,
                "results": [
                    {
                        "name": str(record),
                        "url": request.build_absolute_uri(record.get_absolute_url()),
                        "details": [str(detail) for detail in record.search_details],
                    }
                    for record in group["results"]
                ],
            }
            for group in context["groups"]
        ],
    }
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def json_error(message, status):
    return JsonResponse(
        {"format": JSON_FORMAT_NAME, "error": str(message)},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def last_change():
    """The time of the site's last content change (the page cache's version, in ns)."""
    return datetime.datetime.fromtimestamp(content_version() / 1e9, tz=datetime.UTC)


class SearchFeed(Feed):
    """The results of one search as an Atom feed; ``rel="self"`` is the feed's address."""

    feed_type = Atom1Feed

    def __init__(self, request, context):
        super().__init__()
        self.request = request
        self.context = context
        self.updated = last_change()

    def title(self):
        heading = _("Search: %(query)s") % {"query": self.context["query"].text}
        return f"{heading} · {_('China-Russia Interregional Cooperation')}"

    def link(self):
        return list_url_without_format(self.request)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def author_name(self):
        return _("China-Russia Interregional Cooperation")

    def items(self):
        return [record for group in self.context["groups"] for record in group["results"]]

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return " · ".join(str(detail) for detail in item.search_details)

    def item_updateddate(self, item):
        return self.updated

    def respond(self):
        return self(self.request)
