"""Content fields stored once per language (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from . import models


@register(models.Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "body")


# Editorial history, registered after the translations (see cooperation/translation.py).
simple_history.register(models.Publisher, inherit=False)
simple_history.register(models.Article, inherit=False)
