"""Content fields stored once per language (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from . import models


@register(models.Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Region)
class RegionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.City)
class CityTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.CooperationYears)
class CooperationYearsTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.CooperationMechanism)
class CooperationMechanismTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.Council)
class CouncilTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.CouncilMeeting)
class CouncilMeetingTranslation(TranslationOptions):
    fields = ("summary",)


@register(models.InvestmentFund)
class InvestmentFundTranslation(TranslationOptions):
    fields = ("name", "purpose")


@register(models.TradeFigure)
class TradeFigureTranslation(TranslationOptions):
    fields = ("note",)


@register(models.CooperationAssessment)
class CooperationAssessmentTranslation(TranslationOptions):
    fields = ("title", "attributed_to", "statement")


# Editorial history. Registered here, after the translations, so that each historical
# model also has name_en, name_ru, name_zh_hans... (django-simple-history's advice for
# django-modeltranslation); a HistoricalRecords() field on the model would miss them.
for model in (
    models.Country,
    models.Region,
    models.City,
    models.CooperationYears,
    models.CooperationMechanism,
    models.Council,
    models.CouncilMeeting,
    models.CouncilMembership,
    models.InvestmentFund,
    models.TradeFigure,
    models.CooperationAssessment,
):
    simple_history.register(model, inherit=False)
