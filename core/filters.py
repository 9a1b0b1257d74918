"""Search across the languages of translated fields (django-modeltranslation)."""

from django.conf import settings
from django.db.models import Q
from modeltranslation.utils import build_localized_fieldname


def case_variants(value):
    """The value as typed, lower-case, upper-case, capitalised and title-cased.

    SQLite's LIKE ignores case for ASCII letters only, so "якутия" would not find
    "Якутия" there; matching these spellings too finds it on every database
    (PostgreSQL folds case itself, where the extra terms change nothing).
    """
    if value.isascii():
        return [value]
    return list(
        dict.fromkeys([value, value.lower(), value.upper(), value.capitalize(), value.title()])
    )


def contains_in_any_language(field_name, value):
    """A Q for records whose translated ``field_name`` contains ``value`` in any language.

    "Якутия", "Yakutia", "Sakha" and "萨哈" all find the Republic of Sakha (Yakutia),
    whichever language the reader is using.
    """
    condition = Q()
    for code, _name in settings.LANGUAGES:
        field = build_localized_fieldname(field_name, code)
        for variant in case_variants(value):
            condition |= Q(**{f"{field}__icontains": variant})
    return condition
