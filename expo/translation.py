"""Content fields stored once per language (django-modeltranslation)."""

import simple_history
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


# Editorial history, registered after the translations (see cooperation/translation.py).
for model in (
    models.ExhibitionSeries,
    models.Exhibition,
    models.CountryParticipation,
    models.GuestOfHonour,
    models.Sector,
    models.Enterprise,
    models.EnterpriseParticipation,
    models.ForumSeries,
):
    simple_history.register(model, inherit=False)
simple_history.register(models.Forum, inherit=False, m2m_fields=["countries"])
