"""Scheduled revisions go live at their time.

A Publisher schedules a pending revision (``revisions.schedule``) for a time. Nothing
runs at that time; what makes the readers' version switch then:

- Cached pages end there. The page cache keeps a page no longer than the next scheduled
  change (``web.cache.next_scheduled_change``), scheduled revisions included, and not
  at all while a revision is due but not yet applied, so no reader gets the old version
  from the cache after the time.
- The first request after the time applies it (``ScheduledRevisionsMiddleware``, just
  below the page cache). The time of the next scheduled revision is kept in the cache
  (``revisions.NEXT_DUE_KEY``), so a request reads one cache key and runs no query
  unless a revision is due; then it applies every due revision, in a transaction each,
  before its own view reads the database, so it already shows the new version.
- ``manage.py publish_scheduled`` does the same from cron: the revisions go live even
  if no one visits, or if the cache lost the key.

Applying is idempotent and safe to run at once in several processes: each due revision
is claimed by one conditional ``UPDATE`` (``status = 'scheduled'`` to ``'published'``)
in its transaction; whoever's update changed no row leaves it alone. A revision that can
no longer be applied (its data no longer fits the record) is sent back to the editors
with the reason, rather than retried by every request.
"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, router, transaction
from django.utils import timezone
from django.utils.translation import gettext

from publishing import revisions
from publishing.models import Revision, RevisionStatus

logger = logging.getLogger(__name__)


def publish_due(now=None):
    """Apply every scheduled revision due at ``now``; the revisions applied."""
    now = now or timezone.now()
    due = Revision.objects.filter(status=RevisionStatus.SCHEDULED, go_live_at__lte=now)
    applied = []
    for pk in due.order_by("go_live_at", "pk").values_list("pk", flat=True):
        try:
            with transaction.atomic(using=router.db_for_write(Revision)):
                claimed = Revision.objects.filter(
                    pk=pk, status=RevisionStatus.SCHEDULED, go_live_at__lte=now
                ).update(status=RevisionStatus.PUBLISHED)
                if not claimed:
                    continue  # applied by another request or process a moment ago
                revision = Revision.objects.get(pk=pk)
                revisions.apply(revision, revision.decided_by)
        except Exception as error:
            logger.exception("Scheduled revision %s could not be published", pk)
            _send_back(pk, error)
            continue
        applied.append(revision)
    revisions.remember_next_due()
    return applied


def _send_back(pk, error):
    revision = Revision.objects.filter(pk=pk, status=RevisionStatus.SCHEDULED).first()
    if revision is None:
        return
    revision.status = RevisionStatus.REJECTED
    revision.comment = gettext("It could not be published at its time: %(error)s") % {
        "error": error
    }
    revision._history_user = revision.decided_by
    revision.save()


def is_due(now=None):
    """Whether a scheduled revision is due, read from the cache (no query)."""
    moment = cache.get(revisions.NEXT_DUE_KEY)
    return moment is not None and moment <= (now or timezone.now()).timestamp()


class ScheduledRevisionsMiddleware:
    """Apply the scheduled revisions that are due before the view reads anything."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            if is_due():
                publish_due()
        except DatabaseError:  # the request is served; cron's publish_scheduled retries
            logger.exception("Scheduled revisions could not be published")
        except Exception:  # the shared cache is down: nothing can say what is due
            logger.warning("Scheduled revisions not checked: the cache is unavailable")
        return self.get_response(request)
