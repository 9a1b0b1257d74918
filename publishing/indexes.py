"""Index sets that several large tables need (used in their ``Meta.indexes``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from modeltranslation.utils import build_localized_fieldname


def sorted_by_language(prefix, field, *then):
    """One index per site language on the translated ``field``, then ``then``.

    A list sorted by name is sorted in the reader's language (modeltranslation turns
    ``order_by("name")`` into ``name_ru`` for a Russian page), so each language needs
    its own index for the first page of a large list to be read straight off one.
    """
    return [
        models.Index(
            fields=[build_localized_fieldname(field, code), *then],
            name=f"{prefix}_{build_localized_fieldname(field, code)}",
        )
        for code, _name in settings.LANGUAGES
    ]


def schedule_indexes(prefix):
    """Partial indexes on the go-live and expiry times that are set (most are empty).

    The page cache asks for the next scheduled change after every write
    (``web.cache.next_scheduled_change``); these make that a lookup, not a scan.
    """
    return [
        models.Index(
            fields=[field], condition=Q(**{f"{field}__isnull": False}), name=f"{prefix}_{field}"
        )
        for field in ("publish_at", "expires_at")
    ]
