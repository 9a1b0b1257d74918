"""Content fields stored once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from . import models


@register(models.ExhibitionSeries)
class ExhibitionSeriesTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.Exhibition)
class ExhibitionTranslation(TranslationOptions):
    fields = ("name", "venue", "theme", "description")


@register(models.Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Enterprise)
class EnterpriseTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.ForumSeries)
class ForumSeriesTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.Forum)
class ForumTranslation(TranslationOptions):
    fields = ("name", "participants", "summary")
