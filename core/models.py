"""Pieces shared by the ``cooperation``, ``expo`` and ``news`` apps.

Publication: every public content model has a state (draft or published), an
optional go-live time and an optional expiry. The public sees a record only
while it is *live*: published, past its go-live time, before its expiry, and
with every record it cannot exist without (a city's region, an exhibition's
city and series) live too. A nullable link to a record that is not live is
shown as if it were empty.
"""

import datetime
from functools import cache

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import F, Lookup, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .addresses import named_url


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
    def with_sources(self):
        """These records with their sources prefetched (``with_sources`` below)."""
        return with_sources(self)

    def published(self, now=None):
        """Records the public may see now (see the module docstring)."""
        return self.filter(live_q(self.model, now=now))


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


def with_sources(queryset):
    """Prefetch the citations of these records, with their sources, in one query.

    Every model that can cite sources has a ``citations`` relation (a concrete
    ``Citation``, see below); a source that hosts a document on this site (an
    article) comes with it. Models without citations are returned unchanged.
    """
    if not has_citations(queryset.model) or "citations" in prefetched_lookups(queryset):
        return queryset
    return queryset.prefetch_related(citations_prefetch(queryset.model))


def prefetched_lookups(queryset):
    return {getattr(lookup, "prefetch_to", lookup) for lookup in queryset._prefetch_related_lookups}


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


def live_related(queryset, *names):
    """``select_related(*names)`` for nullable foreign keys to publishable records, with
    a target that is not live shown as None, as ``live_prefetch`` does: in the same
    query as the records instead of one more query per relation.

    The liveness is checked in Python as each record is read, at the time the queryset
    was made (the request's), with the target's required parents joined too.
    """
    model = queryset.model
    fields, paths = [], []
    for name in names:
        field = model._meta.get_field(name)
        fields.append(field)
        paths += [name, *(f"{name}__{path}" for path in required_parents(field.related_model))]
    now = timezone.now()

    class LiveRelatedIterable(queryset._iterable_class):
        def __iter__(self):
            for record in super().__iter__():
                for field in fields:
                    target = field.get_cached_value(record, default=None)
                    if target is not None and not is_live_at(target, now):
                        field.set_cached_value(record, None)
                yield record

    related = queryset.select_related(*paths)
    related._iterable_class = LiveRelatedIterable
    return related


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


# Provenance: every public record can cite several sources, each citation saying
# which of the record's facts the source states. A source is either a document this
# site hosts (an article of the ``news`` app, which links it to its Source with the
# one-to-one ``related_name="hosted_document"``, the one hook this module names), an
# external report, or an editors’ note: a value no source states that the editors
# add and show as theirs, never under a source's name.


class SourceKind(models.TextChoices):
    HOSTED = "hosted", _("Article on this site")
    REPORT = "report", _("Report")
    EDITORS_NOTE = "editors_note", _("Editors’ note")


class SourceQuerySet(SlugQuerySet):
    def with_hosted_document(self):
        """Each source with the document it hosts on this site, if any (one join)."""
        return self.select_related(*hosted_document_lookups())


class Source(SluggedModel):
    """Where facts come from: a report (or the article this site hosts), or an editors’ note."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=SourceKind.choices, default=SourceKind.REPORT
    )
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Xinhua. Empty for an editors’ note."),
    )
    title = models.CharField(
        _("title"),
        max_length=500,
        blank=True,
        help_text=_(
            "In the source's own language; empty if not known. For an editors’ note, the "
            "note itself."
        ),
    )
    url = models.URLField(
        _("address"), max_length=500, blank=True, help_text=_("Empty if not known.")
    )
    published_on = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Empty if not known.")
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("The language of the title, as a language tag: en, ru, zh."),
    )

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "publisher", "published_on", "slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=SourceKind.values), name="source_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind=SourceKind.EDITORS_NOTE) | ~Q(title=""),
                name="source_editors_note_has_text",
            ),
            models.CheckConstraint(
                condition=Q(kind=SourceKind.EDITORS_NOTE) | ~Q(publisher=""),
                name="source_publisher_unless_editors_note",
            ),
        ]

    def __str__(self):
        if self.kind == SourceKind.EDITORS_NOTE:
            return _("Editors’ note: %(note)s") % {"note": self.title}
        parts = [self.publisher]
        if self.title:
            parts.append(f"“{self.title}”")
        if self.published_on:
            parts.append(self.published_on.isoformat())
        return ", ".join(parts)

    def get_absolute_url(self):
        return named_url("source-list") + f"#source-{self.slug}"

    @property
    def is_editors_note(self):
        return self.kind == SourceKind.EDITORS_NOTE

    @property
    def is_public(self):
        """False for an article of this site that is not live: it appears nowhere, like
        every record that is not live (a report or an editors' note always shows)."""
        return self.kind != SourceKind.HOSTED or self.live_document is not None

    @property
    def live_document(self):
        """The live document this site hosts for this source (an article), or None.

        (Not named ``hosted_document``: that is the reverse accessor the hosting app adds.)
        """
        if not hosted_document_lookups():
            return None
        try:
            document = getattr(self, HOSTED_DOCUMENT)
        except ObjectDoesNotExist:
            return None
        if is_publishable(type(document)) and not document.is_live:
            return None
        return document

    @property
    def link(self):
        """Where a reader checks the source: the hosted article's page, else its address."""
        document = self.live_document
        if document is not None:
            return document.get_absolute_url()
        return self.url


# The reverse one-to-one name under which an app links its hosted documents to a Source.
HOSTED_DOCUMENT = "hosted_document"


def hosted_document_lookups():
    """``["hosted_document"]`` when an installed app hosts documents, else ``[]``."""
    try:
        Source._meta.get_field(HOSTED_DOCUMENT)
    except FieldDoesNotExist:
        return []
    return [HOSTED_DOCUMENT]


class SupportedFact(models.TextChoices):
    """What a citation says the source states about the record."""

    GENERAL = "general", _("the record in general")
    NAME = "name", _("name")
    CHINESE_NAME = "chinese_name", _("Chinese name")
    RUSSIAN_NAME = "russian_name", _("Russian name")
    ISO_CODE = "iso_code", _("ISO code")
    PART_OF = "part_of", _("larger region")
    ADMINISTRATIVE_CENTRE = "administrative_centre", _("administrative centre")
    DATES_AND_CITY = "dates_and_city", _("dates and city")
    DATE_AND_CITY = "date_and_city", _("date and city")
    YEAR = "year", _("year")
    PERIOD = "period", _("period")
    THEME = "theme", _("theme")
    EXHIBITOR_COUNTS = "exhibitor_counts", _("exhibitor counts")
    GUESTS_OF_HONOUR = "guests_of_honour", _("guests of honour")
    VENUE = "venue", _("venue")
    REGIONS_PAIRED = "regions_paired", _("the regions it pairs")
    MEETINGS_CHARTER_MEMBERSHIP = (
        "meetings_charter_membership",
        _("meetings, charter and membership"),
    )
    SET_UP = "set_up", _("set up within the thematic years")
    PARTICIPANTS = "participants", _("who took part and what was discussed")
    FIGURE = "figure", _("figure")
    STATEMENT = "statement", _("statement")
    DESCRIPTION = "description", _("description")


class CitationQuerySet(models.QuerySet):
    def get_by_natural_key(self, record_slug, source_slug, supports):
        return self.get(record__slug=record_slug, source__slug=source_slug, supports=supports)

    def for_display(self):
        """With the source and the document it hosts, sources in their order, editors' last.

        The citations of a page are few, so they are put in ``CITATION_ORDER`` as they are
        read (``citation_order``) rather than by the database: the same order on every
        backend, and none of the ORM's work of compiling that ``ORDER BY`` on every page.
        """
        hosted = [f"source__{name}" for name in hosted_document_lookups()]
        records = self.select_related("source", *hosted).order_by()
        records._iterable_class = CitationsInOrder
        return records


def citation_order(citation):
    """A citation's place in ``CITATION_ORDER``, for sorting in Python."""
    source = citation.source
    published_on = source.published_on
    return (
        _KIND_ORDER.get(source.kind, 2),
        published_on is not None,
        published_on or datetime.date.min,
        source.publisher,
        source.slug,
        citation.supports,
    )


class CitationsInOrder(models.query.ModelIterable):
    """Citations read in ``citation_order`` (the rows of one query, sorted)."""

    def __iter__(self):
        yield from sorted(super().__iter__(), key=citation_order)


# Sources in the order a reader checks them: the hosted article, reports by date, then
# the editors’ notes (``citation_order`` is the same in Python).
_KIND_ORDER = {SourceKind.HOSTED: 0, SourceKind.REPORT: 1}
CITATION_ORDER = (
    models.Case(
        models.When(source__kind=SourceKind.HOSTED, then=0),
        models.When(source__kind=SourceKind.REPORT, then=1),
        default=2,
    ),
    F("source__published_on").asc(nulls_first=True),
    "source__publisher",
    "source__slug",
    "supports",
)


class Citation(models.Model):
    """One source cited for one record, for one of its facts (``supports``).

    Abstract: each model that cites sources has its own concrete citation model whose
    ``record`` is a foreign key to it with ``related_name="citations"`` (``cited_record``),
    so the database guards every link, fixtures name records by their natural keys,
    and ``record.citations`` reads the same for every model.
    """

    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source")
    )
    supports = models.CharField(
        _("supports"),
        max_length=40,
        choices=SupportedFact.choices,
        help_text=_("Which of the record's facts the source states."),
    )

    objects = CitationQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = CITATION_ORDER
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.UniqueConstraint(
                fields=["record", "source", "supports"], name="%(app_label)s_%(class)s_unique"
            ),
            models.CheckConstraint(
                condition=Q(supports__in=SupportedFact.values),
                name="%(app_label)s_%(class)s_supports_valid",
            ),
        ]

    def __str__(self):
        return f"{self.source} – {self.get_supports_display()}"

    def natural_key(self):
        return (*self.record.natural_key(), self.source.slug, self.supports)

    natural_key.dependencies = ["core.source"]


def cited_record(model):
    """The ``record`` field of ``model``'s concrete citation model."""
    return models.ForeignKey(
        model, on_delete=models.CASCADE, related_name="citations", verbose_name=_("record")
    )


def has_citations(model):
    try:
        field = model._meta.get_field("citations")
    except FieldDoesNotExist:
        return False
    return issubclass(field.related_model, Citation)


def citation_models():
    """Every concrete citation model (one per model that cites sources)."""
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, Citation)]


def citations_prefetch(model, lookup="citations"):
    """Prefetch ``lookup`` (a ``citations`` relation of ``model``) with their sources."""
    citation_model = _related_model(model, lookup)
    return models.Prefetch(lookup, queryset=citation_model.objects.for_display())


def load_citations(*groups):
    """Give the records in ``groups`` their ``citations`` with their sources, as
    ``with_sources`` does, in at most two queries however many kinds of record a page
    shows.

    ``groups`` are iterables of records of any models that cite sources (None and
    records without citations are skipped, as are records whose citations are already
    loaded). Records of one kind take one query, as a prefetch does. Of several kinds,
    one query reads the citations of every kind at once (``UNION ALL`` of each citation
    table's few columns), one more their sources with the documents they host;
    ``record.citations.all()`` then gives them in ``citation_order``, read from memory,
    exactly as after a prefetch. A page that cites four kinds of record saves two queries
    and the ORM's work of compiling the source's joins four times.
    """
    wanted = {}  # citation model -> {record pk: [record, ...]}
    for group in groups:
        for record in group or ():
            if record is None or not has_citations(type(record)):
                continue
            if "citations" in getattr(record, "_prefetched_objects_cache", ()):
                continue
            citation_model = _related_model(type(record), "citations")
            wanted.setdefault(citation_model, {}).setdefault(record.pk, []).append(record)
    if not wanted:
        return
    if len(wanted) == 1:
        # One kind: the prefetch's own query, citations joined with their sources.
        ((citation_model, records),) = wanted.items()
        record_model = citation_model._meta.get_field("record").related_model
        same = [record for group in records.values() for record in group]
        models.prefetch_related_objects(same, citations_prefetch(record_model))
        return
    citation_models = list(wanted)
    branches = [
        citation_model.objects.filter(record__in=list(records))
        .order_by()
        .values_list(models.Value(number), *_citation_columns(citation_model))
        for number, (citation_model, records) in enumerate(wanted.items())
    ]
    rows = branches[0].union(*branches[1:], all=True)
    citations = [
        citation_models[number].from_db(rows.db, _citation_columns(citation_models[number]), values)
        for number, *values in rows
    ]
    sources = Source.objects.with_hosted_document().in_bulk({c.source_id for c in citations})
    found = {}
    for citation in citations:
        type(citation).source.field.set_cached_value(citation, sources[citation.source_id])
        found.setdefault((type(citation), citation.record_id), []).append(citation)
    for citation_model, records in wanted.items():
        record_field = citation_model._meta.get_field("record")
        for pk, same in records.items():
            ordered = sorted(found.get((citation_model, pk), ()), key=citation_order)
            for record in same:
                for citation in ordered:
                    record_field.set_cached_value(citation, record)
                queryset = record.citations.get_queryset()
                queryset._result_cache = ordered
                queryset._prefetch_done = True
                record._prefetched_objects_cache = {
                    **getattr(record, "_prefetched_objects_cache", {}),
                    "citations": queryset,
                }


@cache
def _citation_columns(citation_model):
    """The citation model's columns, in the order ``from_db`` takes them."""
    return tuple(field.attname for field in citation_model._meta.concrete_fields)
