"""The sitemap: every public page in every language, each with its hreflang alternates.

``expo`` and ``news`` build their sitemaps on ``I18nSitemap`` and ``public`` from here.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import models


def public(manager):
    """The records a reader may see: ``published()`` where the model has one, else all."""
    queryset = manager.all()
    published = getattr(queryset, "published", None)
    return published() if callable(published) else queryset


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
            *public(models.Country.objects),
            *public(models.Region.objects),
            *public(models.City.objects),
            *public(models.CooperationYears.objects),
            *public(models.CooperationMechanism.objects),
            *public(models.Council.objects),
            *public(models.InvestmentFund.objects),
            *public(models.TradeFigure.objects),
            *public(models.CooperationAssessment.objects),
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
