"""Per-language field names (django-modeltranslation), from the configured languages.

Admin search fields and import/export columns name every language's column of a
translated field. They come from here, so adding a language is a settings change
(``LANGUAGES``) plus translations, with no code edits.
"""

from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname


def localized(*lookups):
    """Each lookup once per configured language, in settings order.

    ``localized("name", "region__name")`` gives ``["name_en", "name_ru",
    "name_zh_hans", "region__name_en", ...]`` with the site's three languages.
    """
    return [
        build_localized_fieldname(lookup, code)
        for lookup in lookups
        for code in mt_settings.AVAILABLE_LANGUAGES
    ]


def in_default_language(field):
    """The field's column in the default language, e.g. ``name_en`` (slugs are made from it)."""
    return build_localized_fieldname(field, mt_settings.DEFAULT_LANGUAGE)
