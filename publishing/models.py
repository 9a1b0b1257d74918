"""Pieces shared by the ``cooperation``, ``expo`` and ``news`` apps.

Publication: every public content model has a state (draft or published), an
optional go-live time and an optional expiry. The public sees a record only
while it is *live*: published, past its go-live time, before its expiry, and
with every record it cannot exist without (a city's region, an exhibition's
city and series) live too. A nullable link to a record that is not live is
shown as if it were empty.
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Lookup, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class SlugQuerySet(models.QuerySet):
    """Queryset for records whose natural key is their unique slug."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SluggedModel(models.Model):
    """A public record addressed by a unique slug, which is also its natural key."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    objects = SlugQuerySet.as_manager()

    class Meta:
        abstract = True

    def natural_key(self):
        return (self.slug,)


class EditorialStatus(models.TextChoices):
    """What an editor chose for a record (stored in its ``status`` field)."""

    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublicVisibility(models.TextChoices):
    """Whether the public sees a record right now: computed from its status, go-live and
    expiry times (never stored)."""

    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    EXPIRED = "expired", _("Expired")


PUBLICATION_FIELDS = ("status", "publish_at", "expires_at")

# Shared by every publishable model's Meta.constraints; the names are made unique per
# model by Django's "%(app_label)s_%(class)s" interpolation.
PUBLICATION_CONSTRAINTS = [
    models.CheckConstraint(
        condition=Q(status__in=EditorialStatus.values),
        name="%(app_label)s_%(class)s_status_valid",
    ),
    models.CheckConstraint(
        condition=Q(publish_at__isnull=True)
        | Q(expires_at__isnull=True)
        | Q(expires_at__gt=F("publish_at")),
        name="%(app_label)s_%(class)s_expires_after_go_live",
    ),
]


def publication_constraint_names(model):
    """The names PUBLICATION_CONSTRAINTS take on ``model``."""
    names = {"app_label": model._meta.app_label.lower(), "class": model.__name__.lower()}
    return {constraint.name % names for constraint in PUBLICATION_CONSTRAINTS}


class LiveAt(Lookup):
    """``status__live_at=now``: the record is live at ``now``, as one SQL condition.

    The same SQL as the five lookups it stands for (``status = 'published' AND
    (publish_at IS NULL OR publish_at <= now) AND (expires_at IS NULL OR expires_at >
    now)``), built in one step: a page filters every record it shows, and every record
    those depend on, by it, and Django built and compiled each of the five separately
    (a quarter of the time of some pages). Registered on the ``status`` field of every
    publishable model (``CoreConfig.ready``); ``live_q`` below uses it.
    """

    lookup_name = "live_at"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        field = self.lhs.target.model._meta.get_field("publish_at")
        return "%s", [field.get_db_prep_value(value, connection)]

    def as_sql(self, compiler, connection):
        status, params = self.process_lhs(compiler, connection)
        _sql, (now,) = self.process_rhs(compiler, connection)
        table = compiler.quote_name_unless_alias(self.lhs.alias)
        publish_at = f"{table}.{connection.ops.quote_name('publish_at')}"
        expires_at = f"{table}.{connection.ops.quote_name('expires_at')}"
        sql = (
            f"({status} = %s AND ({publish_at} IS NULL OR {publish_at} <= %s)"
            f" AND ({expires_at} IS NULL OR {expires_at} > %s))"
        )
        return sql, (*params, EditorialStatus.PUBLISHED.value, now, now)


def _own_live_q(prefix, now):
    return Q(**{f"{prefix}status__live_at": now})


@cache
def required_parents(model):
    """Lookup paths to the publishable records ``model`` cannot exist without.

    The non-nullable foreign keys to publishable models, followed recursively:
    for an exhibition ``("series", "city", "city__region")``.
    """
    paths = []
    for field in model._meta.get_fields():
        if not (field.many_to_one and field.concrete and not field.null):
            continue
        related = field.related_model
        if not issubclass(related, PublishableModel) or related is model:
            continue
        paths.append(field.name)
        paths.extend(f"{field.name}__{path}" for path in required_parents(related))
    return tuple(paths)


def live_q(model, prefix="", now=None):
    """A condition for records of ``model`` (reached through ``prefix``) that are live.

    E.g. ``CountryParticipation.objects.filter(live_q(Exhibition, "exhibition__"))``.
    """
    now = now or timezone.now()
    condition = _own_live_q(prefix, now)
    for path in required_parents(model):
        condition &= _own_live_q(f"{prefix}{path}__", now)
    return condition


def publication_state_at(status, publish_at, expires_at, now):
    """The state at ``now`` of a record with these publication fields (its own, leaving
    aside the records it depends on)."""
    if status != EditorialStatus.PUBLISHED:
        return PublicVisibility.DRAFT
    if expires_at is not None and expires_at <= now:
        return PublicVisibility.EXPIRED
    if publish_at is not None and publish_at > now:
        return PublicVisibility.SCHEDULED
    return PublicVisibility.LIVE


class PublishableQuerySet(SlugQuerySet):
    def published(self, now=None):
        """Records the public may see now (see the module docstring)."""
        return self.filter(live_q(self.model, now=now))

    def with_links(self, *names):
        """``select_related(*names)`` for nullable links to publishable records, with the
        records each target cannot exist without, so that ``live_or_none`` decides in
        memory whether a page shows the link (``enterprise.live_region``)."""
        paths = []
        for name in names:
            target = self.model._meta.get_field(name).related_model
            paths += [name, *(f"{name}__{path}" for path in required_parents(target))]
        return self.select_related(*paths)


class PublishableModel(SluggedModel):
    """A public record with a publication state, a go-live time and an expiry."""

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EditorialStatus.choices,
        default=EditorialStatus.DRAFT,
        help_text=_("Only published records are shown on the site."),
    )
    publish_at = models.DateTimeField(
        _("go live at"),
        null=True,
        blank=True,
        help_text=_("Empty: as soon as it is published."),
    )
    expires_at = models.DateTimeField(
        _("expires at"),
        null=True,
        blank=True,
        help_text=_("Empty: never. From this time the record is hidden again."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = PUBLICATION_CONSTRAINTS

    def clean(self):
        super().clean()
        if self.publish_at and self.expires_at and self.expires_at <= self.publish_at:
            raise ValidationError({"expires_at": _("The expiry must be after the go-live time.")})

    def publication_state(self, now=None):
        """This record's own state, leaving aside the records it depends on."""
        return publication_state_at(
            self.status, self.publish_at, self.expires_at, now or timezone.now()
        )

    @property
    def is_live(self):
        return self.publication_state() == PublicVisibility.LIVE

    def unpublished_parents(self, now=None):
        """The records this one cannot exist without that are not live (usually none)."""
        hidden = []
        for path in required_parents(type(self)):
            record = self
            for name in path.split("__"):
                record = getattr(record, name)
            if record.publication_state(now) != PublicVisibility.LIVE:
                hidden.append(record)
        return hidden


def can_publish(user, model):
    """Whether ``user`` may publish, unpublish and schedule records of ``model``."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def is_publishable(model):
    return issubclass(model, PublishableModel)


def live_only(model):
    """The live records of ``model``, or all of them if it has no publication state."""
    return model.objects.published() if is_publishable(model) else model.objects.all()


def _related_model(model, lookup):
    for name in lookup.split("__"):
        model = model._meta.get_field(name).related_model
    return model


def live_prefetch(model, lookup, queryset=None):
    """Prefetch ``lookup`` from ``model``, keeping only the live records of its last step.

    On a nullable foreign key, a target that is not live is cached as None, so the
    page shows the link as empty. ``queryset`` (of the target model) adds eager loading.
    Related models are found by name, so an app can prefetch from an app it must not
    import (``cooperation`` reaching ``expo`` through reverse relations).
    """
    target = _related_model(model, lookup)
    records = queryset if queryset is not None else target.objects.all()
    if is_publishable(target):
        records = records.filter(live_q(target))
    return models.Prefetch(lookup, queryset=records)


def is_live_at(record, now):
    """Whether ``record`` and every record it cannot exist without are live at ``now``
    (its required parents must be loaded already, e.g. by ``select_related``)."""
    return record.publication_state(now) == PublicVisibility.LIVE and not (
        record.unpublished_parents(now)
    )


def live_or_none(record, now=None):
    """``record`` if it and every record it cannot exist without are live, else None.

    What a page shows for a nullable link to a publishable record (a model's
    ``live_<link>`` property, e.g. ``enterprise.live_region``): a target that is not live
    reads as empty. Load the link with ``PublishableQuerySet.with_links`` and this runs no
    query.
    """
    if record is None or not is_live_at(record, now or timezone.now()):
        return None
    return record


def live_rows(model, relation, through, *select_related):
    """Prefetch the rows of ``relation`` (e.g. participations) whose ``through`` record is live."""
    rows = _related_model(model, relation)
    target = rows._meta.get_field(through).related_model
    queryset = rows.objects.filter(live_q(target, f"{through}__")).select_related(
        through, *select_related
    )
    return models.Prefetch(relation, queryset=queryset)


def live_choices(model, *select_related):
    """A filter's choices (django-filter calls it per request): the live records of ``model``.

    A callable, so the time that decides what is live is the request's, not the server's
    start; a draft region is never offered in the enterprise filter.
    """

    def queryset(request):
        return live_only(model).select_related(*select_related)

    return queryset


class RevisionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    SCHEDULED = "scheduled", _("Scheduled")
    REJECTED = "rejected", _("Sent back")
    PUBLISHED = "published", _("Published")


# A record has at most one revision in these states: the one its change form edits.
PENDING_REVISION = (
    RevisionStatus.DRAFT,
    RevisionStatus.SUBMITTED,
    RevisionStatus.SCHEDULED,
    RevisionStatus.REJECTED,
)


class RevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status__in=PENDING_REVISION)

    def for_record(self, record):
        from django.contrib.contenttypes.models import ContentType

        return self.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
        )


class Revision(models.Model):
    """The next version of a live record, drafted while the public keeps the live one.

    ``data`` holds the record as its change form would save it (every language of its
    translated fields, its many-to-many links and the rows of its inlines), written by
    ``publishing.revisions``; publishing applies it to the record in one transaction.
    Who drafted, submitted, published or sent it back, and when, is in the fields
    below and, change by change, in its history (django-simple-history).
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("kind of record")
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    data = models.JSONField(_("content"), encoder=DjangoJSONEncoder)
    status = models.CharField(
        _("status"), max_length=20, choices=RevisionStatus.choices, default=RevisionStatus.DRAFT
    )
    go_live_at = models.DateTimeField(_("go live at"), null=True, blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    created_at = models.DateTimeField(_("drafted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved at"), auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published or sent back by"),
    )
    decided_at = models.DateTimeField(_("published or sent back at"), null=True, blank=True)

    objects = RevisionQuerySet.as_manager()
    # Who drafted, submitted, published or sent back, each step with its time.
    history = HistoricalRecords(excluded_fields=["data"])

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(status__in=PENDING_REVISION),
                name="revision_one_pending_per_record",
            ),
            models.CheckConstraint(
                condition=Q(status__in=RevisionStatus.values), name="revision_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=RevisionStatus.SCHEDULED) | Q(go_live_at__isnull=False),
                name="revision_scheduled_has_time",
            ),
        ]

    def __str__(self):
        return _("Revision of “%(record)s”") % {"record": self.record or self.object_id}

    def get_absolute_url(self):
        opts = self.content_type.model_class()._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[self.object_id])

    @property
    def record(self):
        model = self.content_type.model_class()
        return model._default_manager.filter(pk=self.object_id).first() if model else None

    @property
    def token(self):
        """Changes with every save: what the edit lock compares."""
        return self.updated_at.isoformat() if self.updated_at else ""
