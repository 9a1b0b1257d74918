"""Sitemap bases: every public page in every language, each with its hreflang alternates.

Each app builds its sitemaps on these; every sitemap lists live records only
(``core.models.live_only``). ``config/urls.py`` collects them into a sitemap index
(``/sitemap.xml``) whose sections (``/sitemap-<section>.xml``, pages ``?p=2``...) each
stay far below the protocol's limits of 50,000 URLs and 50 MB per file.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import translation

from .models import live_only


class I18nSitemap(Sitemap):
    """Every page in every language, each with its hreflang alternates.

    ``x_default`` points at the address without a language prefix, which
    LocaleMiddleware redirects to the reader's language.
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


class RecordSitemap(I18nSitemap):
    """One model's live records, a page of records at a time, each in every language.

    Django's i18n sitemap builds every (record, language) pair before it picks a page,
    so any page of a sitemap of 100,000 enterprises would load all of them. This one
    pages the records in the database (by primary key) and writes each record on its
    page in every language, with its alternates worked out once: ``limit`` records make
    ``limit`` x 3 URLs per file (about 180 kB for 100), and a page answers in a few
    hundredths of a second however many records there are. Small files also keep a
    cached copy cheap to send (a 1 MB file took longer than the benchmark's floor).
    """

    model = None
    limit = 100

    def items(self):
        return live_only(self.model).order_by("pk")

    @property
    def paginator(self):
        return Paginator(self.items(), self.limit)

    def get_urls(self, page=1, site=None, protocol=None):
        protocol = self.get_protocol(protocol)
        domain = self.get_domain(site)
        urls = []
        for record in self.paginator.page(page).object_list:
            locations = {}
            for code in self.get_languages_for_item(record):
                with translation.override(code):
                    locations[code] = f"{protocol}://{domain}{self.location(record)}"
            alternates = [{"location": loc, "lang_code": code} for code, loc in locations.items()]
            if self.x_default:
                default = settings.LANGUAGE_CODE
                with translation.override(default):
                    loc = f"{protocol}://{domain}{self.location(record)}"
                loc = loc.replace(f"/{default}/", "/", 1)
                alternates.append({"location": loc, "lang_code": "x-default"})
            for location in locations.values():
                urls.append(
                    {
                        "item": record,
                        "location": location,
                        "lastmod": None,
                        "changefreq": None,
                        "priority": "",
                        "alternates": alternates,
                    }
                )
        return urls
