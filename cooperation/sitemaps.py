from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import models


class I18nSitemap(Sitemap):
    """Every page in every language, each with its hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class CooperationSitemap(I18nSitemap):
    def items(self):
        return [
            *models.Country.objects.all(),
            *models.Region.objects.all(),
            *models.City.objects.all(),
            *models.CooperationYears.objects.all(),
            *models.CooperationMechanism.objects.all(),
            *models.Council.objects.all(),
            *models.InvestmentFund.objects.all(),
            *models.TradeFigure.objects.all(),
            *models.CooperationAssessment.objects.all(),
        ]


class CooperationListsSitemap(I18nSitemap):
    def items(self):
        return [
            "cooperation:region-list",
            "cooperation:city-list",
            "cooperation:mechanism-list",
            "cooperation:council-list",
            "cooperation:tradefigure-list",
        ]

    def location(self, item):
        return reverse(item)
