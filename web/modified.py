"""When a record last changed, for machines: sitemap ``lastmod``, Atom ``updated``, iCalendar
``DTSTAMP``.

The records have no "modified" column; their editorial history (django-simple-history,
one version per save, see ``publishing.history``) holds the time of every save. A
record's modification time is the later of its latest saved version and its go-live
time (a scheduled record changes for the public when it goes live). A record with no
saved version (loaded from a fixture, or in bulk) reads as changed at the last content
change of the site (``web.cache.content_version``): a time that stays the same from
one request to the next until something is written.

``with_modified(queryset)`` adds the latest version's time as one subquery (the history
tables are indexed on the record's id), so a list, a feed or a sitemap file reads it
with its records; ``modified(record)`` reads it, or asks for one record's.
"""

import datetime

from django.db.models import OuterRef, Subquery, Value
from django.db.models.fields import DateTimeField
from django.utils import timezone
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_model_for_model

from web.cache import content_version

ANNOTATION = "history_modified"


def last_saved(model, outer="pk"):
    """An expression: the time of the latest saved version of the record at ``outer``."""
    try:
        history = get_history_model_for_model(model)
    except NotHistoricalModelError:
        return Value(None, output_field=DateTimeField())
    versions = history.objects.filter(**{model._meta.pk.attname: OuterRef(outer)})
    return Subquery(versions.order_by("-history_date").values("history_date")[:1])


def with_modified(queryset):
    """``queryset`` with each record's latest saved version time (read by ``modified``)."""
    return queryset.annotate(**{ANNOTATION: last_saved(queryset.model)})


def site_changed():
    """The time of the last content change of the site (from the content version)."""
    return datetime.datetime.fromtimestamp(content_version() / 1e9, tz=datetime.UTC)


def saved_at(record):
    """The time of ``record``'s latest saved version, or None (one query if not annotated)."""
    if hasattr(record, ANNOTATION):
        return getattr(record, ANNOTATION)
    model = type(record)
    return model.objects.filter(pk=record.pk).values_list(last_saved(model), flat=True).first()


def latest(saved, publish_at=None, now=None):
    """The later of a saved version's time (None: the site's last change) and a go-live
    time already past, to the second, in UTC."""
    moment = saved or site_changed()
    if publish_at is not None and publish_at <= (now or timezone.now()):
        moment = max(moment, publish_at)
    return moment.astimezone(datetime.UTC).replace(microsecond=0)


def modified(record, now=None):
    """When ``record`` last changed for the public, to the second, in UTC."""
    return latest(saved_at(record), getattr(record, "publish_at", None), now)
