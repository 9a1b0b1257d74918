"""Search across the languages of translated fields (django-modeltranslation)."""

from django.conf import settings
from django.db.models import Q
from modeltranslation.utils import build_localized_fieldname


def contains_in_any_language(field_name, value):
    """A Q for records whose translated ``field_name`` contains ``value`` in any language.

    "Якутия", "Yakutia", "Sakha" and "萨哈" all find the Republic of Sakha (Yakutia),
    whichever language the reader is using.
    """
    condition = Q()
    for code, _name in settings.LANGUAGES:
        field = build_localized_fieldname(field_name, code)
        # icontains folds case in every script, on SQLite too (see core.sqlite).
        condition |= Q(**{f"{field}__icontains": value})
    return condition
