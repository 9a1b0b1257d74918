"""Content fields stored once per language (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from . import models


@register(models.Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "body")


# Editorial history, registered after the translations (see cooperation/translation.py).
# An article's links to the records it is the source of are recorded too.
simple_history.register(models.Publisher, inherit=False)
simple_history.register(models.Article, inherit=False, m2m_fields=list(models.SOURCE_RELATIONS))
