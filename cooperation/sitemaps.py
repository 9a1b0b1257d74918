"""Sitemap entries for countries, regions, cities and the institutions of cooperation,
in every language (bases in ``web.sitemaps``)."""

from web.sitemaps import I18nSitemap, NamedPagesSitemap

from . import models


class CooperationSitemap(I18nSitemap):
    models = (
        models.Country,
        models.Region,
        models.City,
        models.CooperationYears,
        models.CooperationMechanism,
        models.Council,
        models.InvestmentFund,
        models.TradeFigure,
        models.CooperationAssessment,
    )


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
