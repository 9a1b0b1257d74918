"""Sitemap entries for countries, regions, cities and the institutions of cooperation,
in every language (bases in ``web.sitemaps``)."""

from publishing.models import live_only
from web.sitemaps import I18nSitemap, NamedPagesSitemap

from . import models


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
