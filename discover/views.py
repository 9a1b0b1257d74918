"""The search page (and its results as JSON and Atom) and robots.txt.

A search costs what a directory page costs: each kind's query is bounded (its first
results and a count that stops at ``COUNT_LIMIT``), enterprises go through the
directory's indexed name filter, and on PostgreSQL every statement runs under a
``statement_timeout``: a search that exceeds it gets a page saying so (503), never a
500. Searches one address may run are limited (``SEARCH_RATE_LIMIT``, 30 a minute):
a cached page is answered before this view and does not count; past the limit the
answer is a 429 page with ``Retry-After``. Each server process runs at most
``SEARCH_CONCURRENCY`` searches at a time (1 by default): a search that finds them all
busy is answered at once with a 503 and ``Retry-After`` instead of waiting for a thread,
so that many clients searching at once cannot take every thread from the other pages.
"""

import logging
import threading
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django.views.generic import TemplateView
from django_ratelimit.core import is_ratelimited

from operations.net import rate_limit_key
from web.exports import FORMAT_PARAMETER, FORMATS, DataLink, format_url
from web.pagination import BoundedPaginator
from web.views import home_crumb

from . import formats
from .search import (
    COUNT_LIMIT,
    KINDS,
    KINDS_BY_KEY,
    MAX_QUERY_LENGTH,
    DirectoryKind,
    SearchTimedOut,
    bounded_count,
    clean_query,
    time_limit,
    uses_postgres,
)
from .suggestions import suggest

logger = logging.getLogger(__name__)

# Results of each kind on the overview; "all N" narrows the search to that kind.
SUMMARY_SIZE = 5
PAGE_SIZE = 20
# Fewer results than this, and the closest known name is offered ("Did you mean …?").
FEW_RESULTS = 3
SEARCH_RATE_LIMIT = "30/m"
RETRY_AFTER = 60
DATA_FORMATS = ("json", "atom")
# Searches one server process runs at once (the ``SEARCH_CONCURRENCY`` setting).
SEARCH_CONCURRENCY = 1
BUSY_RETRY_AFTER = 5
REFUSED_TEMPLATE = "discover/search_refused.html"

TOO_MANY_SEARCHES = _(
    "Too many searches from your address in the last minute. Please wait a minute and "
    "search again; the pages of the site can still be read as usual."
)
SEARCH_BUSY = _(
    "Many people are searching right now. Please search again in a few seconds; the "
    "pages of the site can still be read as usual."
)
SEARCH_TIMED_OUT = _(
    "This search took too long and was stopped. Please try a longer or more precise "
    "query, or narrow it to one kind of record."
)


class SearchSlots:
    """The searches this process may run at once, sized by the setting when first used."""

    def __init__(self):
        self._lock = threading.Lock()
        self._slots = None

    def _semaphore(self):
        with self._lock:
            if self._slots is None:
                size = int(getattr(settings, "SEARCH_CONCURRENCY", SEARCH_CONCURRENCY))
                self._slots = threading.BoundedSemaphore(max(1, size))
            return self._slots

    def acquire(self, blocking=False):
        return self._semaphore().acquire(blocking=blocking)

    def release(self):
        self._semaphore().release()


searches = SearchSlots()


class SearchView(TemplateView):
    """``?q=`` searches every kind of record; ``&type=cities`` one kind, paginated.

    Any query is answered with results or an empty result and a message: control
    characters are dropped and an overlong query is cut, with a notice. A query that
    finds little is offered the closest known name; one that finds nothing is
    searched again with it. ``?format=json`` and ``?format=atom`` give the same
    results as data (``discover.formats``).
    """

    template_name = "discover/search.html"
    # What changes the results (web.cache.page_parameters; the canonical link keeps them).
    query_parameters = ("q", "type", "page", "format")

    def get(self, request, *args, **kwargs):
        data_format = request.GET.get(FORMAT_PARAMETER)
        if data_format is not None and data_format not in DATA_FORMATS:
            raise Http404(_("This list is not available in that format."))
        kind_key = request.GET.get("type", "")
        kind = KINDS_BY_KEY.get(kind_key)
        if kind_key and kind is None:
            raise Http404(_("No such kind of record."))
        query = clean_query(request.GET.get("q", ""))
        context = self.get_context_data(query=query, kind=kind, **kwargs)
        status = 200
        if query and self.limited():
            context.update(refusal=TOO_MANY_SEARCHES)
            status = 429
        elif query and not searches.acquire(blocking=False):
            context.update(refusal=SEARCH_BUSY)
            status = 503
        elif query:
            try:
                with time_limit():
                    context.update(self.search(query, kind))
            except SearchTimedOut:
                logger.warning("Search timed out: %r", query.text)
                context.update(refusal=SEARCH_TIMED_OUT)
                status = 503
            finally:
                searches.release()
        if data_format == "json":
            if status != 200:
                response = formats.json_error(context["refusal"], status)
            else:
                response = formats.json_response(request, context)
        elif data_format == "atom" and status == 200:
            response = formats.SearchFeed(request, context).respond()
        elif context.get("refusal") in (TOO_MANY_SEARCHES, SEARCH_BUSY):
            # Refused before it ran: a small page of its own, cheap to answer many of.
            response = TemplateResponse(request, REFUSED_TEMPLATE, context, status=status)
        else:
            response = self.render_to_response(context, status=status)
        if status != 200:
            busy = context.get("refusal") is SEARCH_BUSY
            response["Retry-After"] = str(BUSY_RETRY_AFTER if busy else RETRY_AFTER)
        return response

    def limited(self):
        """Whether this address has run more searches than the limit allows (counting this)."""
        try:
            return is_ratelimited(
                self.request,
                group="discover:search",
                key=rate_limit_key,
                rate=getattr(settings, "SEARCH_RATE_LIMIT", SEARCH_RATE_LIMIT),
                increment=True,
            )
        except Exception:  # the shared cache is unreachable: search, unlimited, as before
            logger.exception("Search rate limit: the cache did not answer")
            return False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            max_length=MAX_QUERY_LENGTH,
            breadcrumbs=[home_crumb(), (_("Search"), None)],
            groups=[],
            total=0,
            searched=context["query"].text,
        )
        if context["query"]:
            context["data_links"] = [
                DataLink(FORMATS[key], format_url(self.request, key)) for key in DATA_FORMATS
            ]
            context["data_links_intro"] = _("These results as data:")
        return context

    def search(self, query, kind):
        """The results for ``query`` and, if few, the closest known name."""
        found = self.results(query, kind)
        if found["total"] >= FEW_RESULTS:
            return found
        suggestion = suggest(query.text)
        if not suggestion:
            return found
        found["suggestion"] = suggestion
        found["suggestion_url"] = "?" + urlencode(
            {"q": suggestion, **({"type": kind.key} if kind else {})}
        )
        if found["total"] == 0:
            # Nothing at all: show what the suggestion finds, and say so.
            instead = self.results(clean_query(suggestion), kind)
            if not instead["total"]:
                return {**found, "suggestion": None}
            found.update(instead, searched=suggestion, replaced=True)
        return found

    def results(self, query, kind):
        if kind is not None:
            return self.kind_page(query, kind)
        groups = []
        for order, each in enumerate(KINDS):
            results = each.search(query)
            if isinstance(each, DirectoryKind):
                # The directory's first page of keys, counted as the directory counts.
                paginator = self.paginator(each, results)
                top = each.describe(list(paginator.page(1).object_list[:SUMMARY_SIZE]))
                count = paginator.counted
            else:
                # Matched in the index (discover.index), or a query for a kind too large
                # for it: either way the slice reads just the records shown.
                top = each.describe(list(results[:SUMMARY_SIZE]))
                count = len(top)
                if count == SUMMARY_SIZE:
                    count = bounded_count(results, COUNT_LIMIT)
            if not top:
                continue
            best = min(record.search_rank for record in top)
            groups.append(self.group(each, query, top, count, order=(best, order)))
        # The kind holding the best match comes first: "Harbin" lists the city, then
        # the exhibitions and forums held there.
        groups.sort(key=lambda group: group["order"])
        return {
            "groups": groups,
            "total": sum(group["count"] for group in groups),
            "more": any(group["more"] for group in groups),
        }

    def kind_page(self, query, kind):
        paginator = self.paginator(kind, kind.search(query))
        page = paginator.get_page(self.request.GET.get("page"))
        results = kind.describe(list(page.object_list))
        count = paginator.counted
        return {
            "page_obj": page,
            "paginator": paginator,
            "is_paginated": page.has_other_pages(),
            "total": paginator.count,
            "more": paginator.truncated,
            "groups": [self.group(kind, query, results, count, limit=paginator.count)]
            if results
            else [],
        }

    @staticmethod
    def paginator(kind, results):
        page_size = kind.page_size if isinstance(kind, DirectoryKind) else PAGE_SIZE
        return BoundedPaginator(results, page_size, by_keys=uses_postgres())

    def group(self, kind, query, results, count, limit=None, order=None):
        """One kind's results; past ``limit`` matches, "more than" and the full list."""
        limit = COUNT_LIMIT if limit is None else limit
        directory_url = None
        if kind.directory and count > limit:
            url_name, parameter = kind.directory
            directory_url = f"{reverse(url_name)}?{urlencode({parameter: query.text})}"
        return {
            "kind": kind,
            "count": min(count, limit),
            "more": count > limit,
            "results": results,
            "order": order,
            "directory_url": directory_url,
        }


def robots_txt(request):
    """Crawlers may read the site except the admin and the search results; the sitemap."""
    lines = ["User-agent: *", f"Disallow: {reverse('admin:index')}"]
    lines += [f"Disallow: {path}" for path in search_paths()]
    sitemap = request.build_absolute_uri(reverse("django.contrib.sitemaps.views.sitemap"))
    lines += ["", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def search_paths():
    """The search page's address in each language."""
    paths = []
    for code, _label in settings.LANGUAGES:
        with override(code):
            paths.append(reverse("discover:search"))
    return paths
