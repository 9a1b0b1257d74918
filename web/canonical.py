"""A page's canonical address: its path and only the parameters that change what it shows.

A shared link carries parameters that change nothing (``?utm_source=x``, ``fbclid``,
``?page=1``, an empty filter, ``format`` on the page itself); the canonical link leaves
them out, so search engines and sharing sites count one page once. The parameters that
change a page are those its view reads (``web.cache.page_parameters``: its filters,
``sort``, ``page``, the search page's ``q`` and ``type``), but not the first page's
number nor ``format`` (a canonical link names the page, not its data); kept in a stable
order.
"""

from urllib.parse import urlencode

from web.cache import page_parameters
from web.exports import FORMAT_PARAMETER

PAGE_PARAMETER = "page"


def content_parameters(request):
    """The names of the query parameters that change what the page at ``request`` shows."""
    return page_parameters(request) - {FORMAT_PARAMETER}


def content_pairs(request, names):
    """``(name, value)`` of the parameters in ``names`` with a value, sorted; no first page."""
    return sorted(
        (key, value)
        for key, values in request.GET.lists()
        if key in names
        for value in values
        if value and not (key == PAGE_PARAMETER and value == "1")
    )


def canonical_url(request, names=()):
    """The absolute canonical address of this page, keeping only the parameters in ``names``."""
    query = urlencode(content_pairs(request, names))
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))
