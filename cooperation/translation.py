"""Content fields stored once per language (django-modeltranslation)."""

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
