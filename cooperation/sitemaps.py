"""The sitemap: every public page in every language, each with its hreflang alternates.

``expo`` and ``news`` build their sitemaps on ``I18nSitemap`` from here; every sitemap
lists live records only (``core.models.live_only``).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.models import live_only

from . import models


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


class CooperationSitemap(I18nSitemap):
    def items(self):
        return [
            *live_only(models.Country),
            *live_only(models.Region),
            *live_only(models.City),
            *live_only(models.CooperationYears),
            *live_only(models.CooperationMechanism),
            *live_only(models.Council),
            *live_only(models.InvestmentFund),
            *live_only(models.TradeFigure),
            *live_only(models.CooperationAssessment),
        ]


class CooperationListsSitemap(NamedPagesSitemap):
    url_names = (
        "cooperation:country-list",
        "cooperation:region-list",
        "cooperation:city-list",
        "cooperation:mechanism-list",
        "cooperation:council-list",
        "cooperation:tradefigure-list",
        "cooperation:assessment-list",
    )
