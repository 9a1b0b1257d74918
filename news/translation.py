"""Content fields stored once per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from . import models


@register(models.Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "body")
