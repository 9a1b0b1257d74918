"""Pending revisions of live records: what they hold, how they are compared and published.

A revision's ``data`` (``publishing.models.Revision``) is the record as its change form
would save it, taken from the validated form (``publishing.revision_admin``)::

    {"fields": {"theme_en": "…", "theme_ru": "…", "city": 3, …},
     "m2m": {"regions": [1, 4]},
     "inlines": {"expo.countryparticipation": {"link": "exhibition",
                 "rows": [{"id": 7, "country": 2, "enterprises": 120, …}]}}}

Every concrete field but the primary key and the publication fields (``status``,
``publish_at``, ``expires_at``: a revision never publishes or unpublishes its record),
each language of a translated field being a field of its own. A row with an ``id``
replaces that stored row; one without is added; a stored row missing from the list is
deleted. Values are stored as JSON (``DjangoJSONEncoder``) and read back with each
field's ``to_python``.

Publishing (``publish``) applies all of it in one transaction through the models'
own ``save()``, ``set()`` and ``delete()``, so the signals move the page cache and the
history records the publisher, as for any save in the admin.

A preview (``previewing``) writes it the same way in a transaction that is always rolled
back, so a page rendered within it shows the record as publishing would make it; the
caches keyed by the content version keep it apart meanwhile (``preview_id``).
"""

import contextlib
import contextvars
import functools
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import router, transaction
from django.db.models import Min, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import capfirst

from publishing.history import recorded_links, refresh_link_snapshot
from publishing.localized import in_default_language
from publishing.models import PENDING_REVISION, PUBLICATION_FIELDS, Revision, RevisionStatus

INLINES, FIELDS, M2M = "inlines", "fields", "m2m"


def own_fields(model):
    """The concrete fields a revision holds for ``model``."""
    skip = {model._meta.pk.name, *PUBLICATION_FIELDS}
    return [field for field in model._meta.concrete_fields if field.name not in skip]


def row_data(instance, link):
    """One inline row as stored in a revision (its link to the record left out)."""
    row = {"id": instance.pk}
    for field in instance._meta.concrete_fields:
        if field.name not in {link, instance._meta.pk.name}:
            row[field.attname] = field.value_from_object(instance)
    return row


def record_data(record, links=None):
    """``data`` for ``record`` as stored: its fields, links and ``links``' rows.

    ``links``: ``{label: (row model, link field name)}``, the inlines to include.
    """
    model = type(record)
    data = {
        FIELDS: {field.attname: field.value_from_object(record) for field in own_fields(model)},
        M2M: {
            field.name: sorted(getattr(record, field.name).values_list("pk", flat=True))
            for field in model._meta.many_to_many
        },
        INLINES: {},
    }
    for label, (row_model, link) in (links or {}).items():
        rows = row_model._default_manager.filter(**{link: record.pk}).order_by("pk")
        data[INLINES][label] = {"link": link, "rows": [row_data(row, link) for row in rows]}
    return data


def _value(model, attname, value):
    field = next(f for f in model._meta.concrete_fields if f.attname == attname)
    return field.to_python(value)


def pending_revision(record, lock=False):
    revisions = Revision.objects.pending().for_record(record)
    if lock:
        revisions = revisions.select_for_update()
    return revisions.first()


def inline_models(data):
    from django.apps import apps

    return {label: apps.get_model(label) for label in data.get(INLINES, {})}


@transaction.atomic
def publish(revision, user):
    """Apply ``revision`` to its record, as ``user``; the record as saved is returned.

    None if it is no longer pending (published a moment ago by someone else, or at its
    scheduled time): a revision is applied once.
    """
    revision = Revision.objects.select_for_update().filter(pk=revision.pk).first()
    if revision is None or revision.status not in PENDING_REVISION:
        return None
    return apply(revision, user)


def apply(revision, user):
    """Write ``revision``'s data to its record and mark it published (in a transaction)."""
    record = write(revision, user)
    revision.status = RevisionStatus.PUBLISHED
    revision.decided_by, revision.decided_at = user, timezone.now()
    revision._history_user = user
    revision.save()
    return record


def write(revision, user):
    """Write ``revision``'s data to its record, as ``user`` (in a transaction); the record
    as saved. The revision itself is left as it is (``apply`` marks it published)."""
    model = revision.content_type.model_class()
    record = model._default_manager.select_for_update().get(pk=revision.object_id)
    data = revision.data
    for attname, value in data.get(FIELDS, {}).items():
        setattr(record, attname, _value(model, attname, value))
    record._history_user = user
    record._change_reason = f"revision {revision.pk}"
    record.save()
    recorded = {field.name for field in recorded_links(model)}
    for name, pks in data.get(M2M, {}).items():
        record.skip_history_when_saving = True
        try:
            getattr(record, name).set(pks)
        finally:
            del record.skip_history_when_saving
    if recorded & set(data.get(M2M, {})):
        refresh_link_snapshot(record)
    for label, row_model in inline_models(data).items():
        _apply_rows(record, row_model, data[INLINES][label], user)
    return record


def _apply_rows(record, row_model, inline, user):
    link = inline["link"]
    stored = {row.pk: row for row in row_model._default_manager.filter(**{link: record.pk})}
    kept = {row["id"] for row in inline["rows"] if row.get("id") in stored}
    for pk, row in stored.items():
        if pk not in kept:
            row._history_user = user
            row.delete()
    for values in inline["rows"]:
        row = stored.get(values.get("id")) or row_model(**{link: record})
        for attname, value in values.items():
            if attname != "id":
                setattr(row, attname, _value(row_model, attname, value))
        row._history_user = user
        row.save()


# Set while a preview is rendered (``previewing``): a number of its own, 1 to 10**18.
# ``web.cache`` reads the content version as its negative, which no clock gives.
PREVIEW_IDS = 10**18
_preview = contextvars.ContextVar("revision_preview", default=None)


def preview_id():
    """The number of the preview being rendered in this context, or None.

    What keeps a cache from mixing a preview with the public pages: the content version
    reads as a value of the preview's own while it is set (``web.cache.content_version``),
    so every page, map or vocabulary key made from the version differs from the public's.
    """
    return _preview.get()


@contextlib.contextmanager
def previewing(revision, user):
    """Within it, the database holds ``revision`` written to its record (``write``); at
    the end all of it is rolled back: the record, its links and rows, its history, and
    any callback waiting for a commit. The page cache's version does not move for it
    (``web.cache.content_changed``).
    """
    using = router.db_for_write(revision.content_type.model_class())
    token = _preview.set(secrets.randbelow(PREVIEW_IDS) + 1)
    try:
        with transaction.atomic(using=using):
            try:
                yield write(revision, user)
            finally:
                transaction.set_rollback(True, using=using)
    finally:
        _preview.reset(token)


def submit(revision, user):
    revision.status = RevisionStatus.SUBMITTED
    revision.submitted_by, revision.submitted_at = user, timezone.now()
    revision.comment = ""
    revision._history_user = user
    revision.save()
    transaction.on_commit(lambda: notify_publishers(revision))


def reject(revision, user, comment):
    revision.status = RevisionStatus.REJECTED
    revision.comment = comment
    revision.decided_by, revision.decided_at = user, timezone.now()
    revision._history_user = user
    revision.save()


def schedule(revision, user, when):
    revision.status = RevisionStatus.SCHEDULED
    revision.go_live_at = when
    revision.decided_by, revision.decided_at = user, timezone.now()
    revision._history_user = user
    revision.save()
    # At once, and again on commit in case ``publish_due`` rewrote it meanwhile from
    # what was committed before.
    note_due(when)
    transaction.on_commit(functools.partial(note_due, when))


# When the next scheduled revision is due, kept in the cache so that a request can tell
# with no query whether one is (``publishing.scheduling``). Never later than the truth:
# scheduling a revision moves it earlier; a revision published or sent back before its
# time leaves it early, which only costs the next request after it one query, after
# which ``publish_due`` stores it anew. No key: nothing is scheduled.
NEXT_DUE_KEY = "revisions:next-due"


def note_due(when):
    """Make the stored time of the next scheduled revision no later than ``when``."""
    stored = cache.get(NEXT_DUE_KEY)
    if stored is None or when.timestamp() < stored:
        cache.set(NEXT_DUE_KEY, when.timestamp(), None)


def remember_next_due():
    """Store the time (a Unix time) of the earliest scheduled revision, or forget it."""
    moment = Revision.objects.filter(status=RevisionStatus.SCHEDULED).aggregate(
        moment=Min("go_live_at")
    )["moment"]
    if moment is None:
        cache.delete(NEXT_DUE_KEY)
    else:
        cache.set(NEXT_DUE_KEY, moment.timestamp(), None)


def publishers(model):
    """Active users with an email who may publish ``model``'s records."""
    opts = model._meta
    permission = Permission.objects.filter(
        content_type__app_label=opts.app_label, codename=f"publish_{opts.model_name}"
    ).first()
    can = Q(is_superuser=True)
    if permission is not None:
        can |= Q(groups__permissions=permission) | Q(user_permissions=permission)
    users = get_user_model().objects.filter(can, is_active=True).exclude(email="")
    return users.distinct()


def notify_publishers(revision):
    """Email those who may publish it that ``revision`` waits for review."""
    model = revision.content_type.model_class()
    recipients = [user.email for user in publishers(model)]
    if not recipients:
        return
    context = {"revision": revision, "record": revision.record, "url": revision_url(revision)}
    send_mail(
        render_to_string("admin/core/revision_submitted_subject.txt", context).strip(),
        render_to_string("admin/core/revision_submitted_email.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )


def revision_url(revision):
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return f"{base}{revision.get_absolute_url()}"


def compare(model, live, pending):
    """``[(label, live value, pending value, rows?)]`` for the fields, links and rows that differ.

    ``live`` and ``pending`` are revision ``data`` dicts; values are read as people read
    them (the record's name for a link, "yes"/"no").
    """
    changes = []
    names = {field.name for field in model._meta.concrete_fields}
    for attname, new in pending.get(FIELDS, {}).items():
        old = live.get(FIELDS, {}).get(attname)
        field = next((f for f in model._meta.concrete_fields if f.attname == attname), None)
        if field is None or _value(model, attname, old) == _value(model, attname, new):
            continue
        if in_default_language(field.name) in names:
            continue  # a translated field's own column: its languages are shown instead
        changes.append((_label(field), _shown(field, old), _shown(field, new), False))
    for name, new in pending.get(M2M, {}).items():
        old = live.get(M2M, {}).get(name, [])
        if sorted(old) != sorted(new):
            field = model._meta.get_field(name)
            changes.append((_label(field), _names(field, old), _names(field, new), False))
    for label, row_model in inline_models(pending).items():
        old = _rows_shown(row_model, live.get(INLINES, {}).get(label, {}))
        new = _rows_shown(row_model, pending[INLINES][label])
        if old != new:
            changes.append((str(row_model._meta.verbose_name_plural), old, new, True))
    return changes


def _label(field):
    return capfirst(field.verbose_name)


def _shown(field, value):
    value = field.to_python(value)
    if field.many_to_one and value is not None:
        target = field.related_model._default_manager.filter(pk=value).first()
        return str(target) if target is not None else value
    if field.choices and value is not None:
        return dict(field.flatchoices).get(value, value)
    if value is None or value == "":
        return "—"
    return value


def _names(field, pks):
    records = field.related_model._default_manager.filter(pk__in=pks)
    return ", ".join(sorted(str(record) for record in records)) or "—"


def _rows_shown(row_model, inline):
    """Each row as a line of "field: value", in the rows' order."""
    lines = []
    for values in inline.get("rows", []):
        parts = []
        for attname, value in values.items():
            try:
                field = next(f for f in row_model._meta.concrete_fields if f.attname == attname)
            except StopIteration:
                continue
            if field.primary_key:
                continue
            parts.append(f"{_label(field)}: {_shown(field, value)}")
        lines.append("; ".join(parts))
    return sorted(lines)
