"""Sitemap bases: every public page in every language, each with its hreflang alternates.

Each app builds its sitemaps on these; every sitemap lists live records only
(``publishing.models.live_only``). ``config/urls.py`` collects them into a sitemap index
(``/sitemap.xml``: Django's own index view and template) whose sections
(``/sitemap-<section>.xml``, pages ``?p=2``...) each stay far below the protocol's limits
of 50,000 URLs and 50 MB per file; templates/sitemap.xml writes each section.
"""

import math

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property

from publishing.models import live_only


class I18nSitemap(Sitemap):
    """Every page in every language, each with its hreflang alternates.

    ``x_default`` points at the address without a language prefix, which
    LocaleMiddleware redirects to the reader's language. templates/sitemap.xml writes
    hreflang as a BCP 47 tag (zh-Hans), as in the ``<link rel="alternate">`` of every page.
    """

    i18n = True
    alternates = True
    x_default = True


class NamedPagesSitemap(I18nSitemap):
    """Pages without a record of their own (lists, the home page), by URL name."""

    url_names = ()

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)


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
        records = self.items().filter(pk__gte=first, pk__lte=last)
        urls = []
        for slug in records.values_list(self.slug_field, flat=True):
            alternates = [
                {"location": address.replace(self.marker, slug), "lang_code": code}
                for code, address in addresses.items()
            ]
            for alternate in alternates[: len(languages)]:
                urls.append({"location": alternate["location"], "alternates": alternates})
        return urls
