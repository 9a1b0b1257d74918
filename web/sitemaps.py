"""Sitemap bases: every public page in every language, each with its hreflang alternates.

Each app builds its sitemaps on these; every sitemap lists live records only
(``publishing.models.live_only``). ``config/urls.py`` collects them into a sitemap index
(``/sitemap.xml``: Django's own index view and template) whose sections
(``/sitemap-<section>.xml``, pages ``?p=2``...) each stay far below the protocol's limits
of 50,000 URLs and 50 MB per file; templates/sitemap.xml writes each section.

Every URL has a ``lastmod``: when its record last changed (``web.modified``); a list
page's is the site's last content change. The index (``index`` here, Django's template)
lists only the files that hold URLs, each with its newest ``lastmod``: the sitemaps.org
schema rejects an empty ``<urlset/>``, so a section without live records (no
enterprises yet) is left out and its file is a 404 (``section``).
"""

import math

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import F, Max, Min
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.http import http_date
from simple_history.utils import get_history_model_for_model

from publishing.models import is_publishable, live_only
from web.modified import ANNOTATION, latest, modified, site_changed, with_modified


class I18nSitemap(Sitemap):
    """Every page in every language, each with its hreflang alternates.

    ``x_default`` points at the address without a language prefix, which
    LocaleMiddleware redirects to the reader's language. templates/sitemap.xml writes
    hreflang as a BCP 47 tag (zh-Hans), as in the ``<link rel="alternate">`` of every page.
    """

    i18n = True
    alternates = True
    x_default = True
    # The models whose live records the section lists, in this order.
    models = ()

    def items(self):
        return [record for model in self.models for record in with_modified(live_only(model))]

    def lastmod(self, item):
        return modified(item)

    def index_pages(self):
        """``(page number, newest lastmod)`` of each file of the section that has URLs."""
        if not self.items():
            return []
        newest = self.get_latest_lastmod()
        return [(page, newest) for page in self.paginator.page_range]


class NamedPagesSitemap(I18nSitemap):
    """Pages without a record of their own (lists, the home page), by URL name."""

    url_names = ()

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        # A list changes with any of its records: the site's last content change.
        return site_changed().replace(microsecond=0)


class KeyRangePages:
    """Pages of a table by ranges of its primary key, not by counting its rows.

    Page ``p`` holds the records whose key lies in the ``p``-th run of ``limit`` keys
    from the smallest; the number of pages comes from the smallest and largest key (one
    index lookup), so neither the sitemap index nor a deep file counts or skips rows
    however large the table grows. A run whose records were all deleted or are not
    live makes an empty file, which the protocol allows.
    """

    def __init__(self, model, limit):
        bounds = model._base_manager.aggregate(low=Min("pk"), high=Max("pk"))
        self.limit = limit
        self.low = bounds["low"] or 0
        high = bounds["high"] or 0
        self.num_pages = max(1, math.ceil((high - self.low + 1) / limit)) if high else 1

    def keys(self, page):
        """The first and last key of ``page`` (a number, or its text from ``?p=``)."""
        try:
            number = int(page)
        except (TypeError, ValueError):
            raise PageNotAnInteger(page) from None
        if not 1 <= number <= self.num_pages:
            raise EmptyPage(page)
        first = self.low + (number - 1) * self.limit
        return first, first + self.limit - 1


class RecordSitemap(I18nSitemap):
    """One model's live records, a range of keys at a time, each in every language.

    Django's i18n sitemap builds every (record, language) pair before it picks a page,
    so any page of a sitemap of 100,000 enterprises would load all of them. This one
    takes each file's records by a range of primary keys (``KeyRangePages``: an index
    range scan, the same cost for the first file and the last) and writes each record
    in every language, with its alternates worked out once: at most ``limit`` records,
    ``limit`` x 3 URLs per file (about 180 kB for 100). Small files also keep a cached
    copy cheap to send (a 1 MB file took longer than the benchmark's floor).
    """

    model = None
    limit = 100
    # The records' page, by URL name and slug (a slug needs no escaping in a URL).
    url_name = None
    slug_field = "slug"
    marker = "sitemap-slug-marker"

    def items(self):
        return live_only(self.model).order_by("pk")

    @cached_property
    def paginator(self):
        return KeyRangePages(self.model, self.limit)

    def addresses(self, protocol, domain):
        """For each language (and x-default), the address of a record with ``marker``
        for its slug: one ``reverse()`` per language, not per record and language."""
        addresses = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                path = reverse(self.url_name, kwargs={"slug": self.marker})
            addresses[code] = f"{protocol}://{domain}{path}"
        if self.x_default:
            default = addresses[settings.LANGUAGE_CODE]
            addresses["x-default"] = default.replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)
        return addresses

    def get_urls(self, page=1, site=None, protocol=None):
        first, last = self.paginator.keys(page)
        addresses = self.addresses(self.get_protocol(protocol), self.get_domain(site))
        languages = [code for code in addresses if code != "x-default"]
        records = with_modified(self.items().filter(pk__gte=first, pk__lte=last))
        published = "publish_at" if is_publishable(self.model) else ANNOTATION
        now = timezone.now()
        urls = []
        for slug, saved, publish_at in records.values_list(self.slug_field, ANNOTATION, published):
            lastmod = latest(saved, publish_at if published == "publish_at" else None, now)
            alternates = [
                {"location": address.replace(self.marker, slug), "lang_code": code}
                for code, address in addresses.items()
            ]
            for alternate in alternates[: len(languages)]:
                urls.append(
                    {
                        "location": alternate["location"],
                        "alternates": alternates,
                        "lastmod": lastmod,
                    }
                )
        return urls

    def index_pages(self):
        """The files with live records and the newest ``lastmod`` of each: two grouped
        queries over the live records' keys and their history, whatever the table's size."""
        pages = self.paginator
        bucket = (F("pk") - pages.low) / pages.limit + 1
        live = self.items().order_by().annotate(page=bucket).values("page")
        if is_publishable(self.model):
            rows = live.annotate(published=Max("publish_at")).values_list("page", "published")
        else:
            rows = ((row["page"], None) for row in live.distinct())
        saved = {}
        versions = live_saved_versions(self.model, self.items(), pages)
        for page, moment in versions:
            saved[page] = moment
        now = timezone.now()
        return sorted((page, latest(saved.get(page), published, now)) for page, published in rows)


def live_saved_versions(model, live, pages):
    """``(page, time of the newest saved version)`` for each file of ``KeyRangePages``."""
    versions = get_history_model_for_model(model).objects.filter(
        **{f"{model._meta.pk.attname}__in": live.order_by().values("pk")}
    )
    key = F(model._meta.pk.attname)
    return (
        versions.order_by()
        .annotate(page=(key - pages.low) / pages.limit + 1)
        .values("page")
        .annotate(newest=Max("history_date"))
        .values_list("page", "newest")
    )


def index(request, sitemaps, sitemap_url_name):
    """The sitemap index: each file that has URLs, with its newest ``lastmod``.

    Django's index view lists every section and page, empty or not; this one asks each
    section for its files with URLs (``index_pages``) and writes Django's own template.
    """
    entries = []
    for section, site in sitemaps.items():
        site = site() if callable(site) else site
        protocol = request.scheme if site.protocol is None else site.protocol
        path = reverse(sitemap_url_name, kwargs={"section": section})
        address = f"{protocol}://{request.get_host()}{path}"
        for page, lastmod in site.index_pages():
            location = address if page == 1 else f"{address}?p={page}"
            entries.append({"location": location, "last_mod": lastmod})
    newest = max((entry["last_mod"] for entry in entries), default=None)
    headers = {"Last-Modified": http_date(newest.timestamp())} if newest else None
    response = TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
        headers=headers,
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def section(request, sitemaps, section):
    """One file of a section (Django's view); a file without URLs is a 404, not an empty
    ``<urlset/>`` (the index leaves it out)."""
    response = sitemap_views.sitemap(request, sitemaps, section=section)
    if not response.context_data["urlset"]:
        raise Http404("No URLs in this sitemap file.")
    return response


# ?p= picks the file of a large section: the page cache (web/cache.py) stores it.
section.query_parameters = ("p",)
