"""Cross-origin reads of the site's data: the API, and the feeds, calendars and exports.

A browser app on another origin may GET them (django-cors-headers, no credentials;
``CORS_URLS_REGEX`` covers /api/, the ``check_request_enabled`` signal below the data
formats of the HTML lists), and the responses carry
``Cross-Origin-Resource-Policy: cross-origin`` (``CrossOriginDataMiddleware``); every
other page keeps the site's ``same-origin`` (``operations.middleware``).
"""

import re

from corsheaders.signals import check_request_enabled
from django.conf import settings

from . import licence

# ?format= values of the HTML lists and records that are data (web.exports.FORMATS).
DATA_FORMATS = frozenset({"csv", "json", "atom", "ics"})


def is_data_request(request):
    """The API, or a list's or record's data format (a feed, a calendar, an export)."""
    if re.match(settings.CORS_URLS_REGEX, request.path_info):
        return True
    return request.GET.get("format") in DATA_FORMATS


def cors_for_data_formats(sender, request, **kwargs):
    return request.method in ("GET", "HEAD", "OPTIONS") and is_data_request(request)


def connect():
    check_request_enabled.connect(cors_for_data_formats, dispatch_uid="api-data-formats")


class CrossOriginDataMiddleware:
    """``Cross-Origin-Resource-Policy: cross-origin`` on data responses only, and the data
    licence as a ``Link`` header (``rel="license"``).

    Below the page cache: what it adds follows the address alone (the path and
    ``?format=``, both in the cache key), so a cached copy keeps it. The security
    headers middleware above it only sets the site's policy where none is set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_data_request(request):
            response["Cross-Origin-Resource-Policy"] = "cross-origin"
            if response.status_code == 200:
                response.headers.setdefault("Link", licence.link_header())
        return response
