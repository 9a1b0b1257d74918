"""Content fields stored once per language (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from . import models


@register(models.Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "body")


# Editorial history, registered after the translations (see cooperation/translation.py).
for model in (models.Publisher, models.Article):
    simple_history.register(model, inherit=False)
