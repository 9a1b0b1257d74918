"""Provenance: which sources state which facts of which records.

Every public record can cite several sources, each citation saying which of the
record's facts the source states. A source is either a document this site hosts (an
article of the ``news`` app, which links it to its Source with the one-to-one
``related_name="hosted_document"``, the one hook this module names), an external
report, or an editors' note: a value no source states that the editors add and show
as theirs, never under a source's name.
"""

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from publishing.models import (
    EditorialStatus,
    PublishableModel,
    PublishableQuerySet,
    SluggedModel,
    SlugQuerySet,
    is_publishable,
)


class SourceKind(models.TextChoices):
    HOSTED = "hosted", _("Article on this site")
    REPORT = "report", _("Report")
    EDITORS_NOTE = "editors_note", _("Editors’ note")


class SourceQuerySet(SlugQuerySet):
    def published(self):
        """The sources a Publisher published (a hosted one shows only while its document
        is live too: ``Source.is_public``)."""
        return self.filter(status=EditorialStatus.PUBLISHED)

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

    # Published by default (fixtures, commands); the admin saves an Editor's new source
    # as a draft, which readers see nowhere until a Publisher publishes it.
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EditorialStatus.choices,
        default=EditorialStatus.PUBLISHED,
        help_text=_("A draft source is shown nowhere on the site, nor are its citations."),
    )

    objects = SourceQuerySet.as_manager()

    class Meta:
        # Made in the app labelled ``core`` (now publishing); the table kept its name.
        db_table = "core_source"
        ordering = ["kind", "publisher", "published_on", "slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        permissions = [("publish_source", _("Can publish and unpublish sources"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=EditorialStatus.values),
                name="source_status_valid",
                violation_error_message=_("Choose a status from the list."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SourceKind.values),
                name="source_kind_valid",
                violation_error_message=_("Choose a kind of source from the list."),
            ),
            models.CheckConstraint(
                condition=~Q(kind=SourceKind.EDITORS_NOTE) | ~Q(title=""),
                name="source_editors_note_has_text",
                violation_error_message=_("An editor's note needs its text in the title."),
            ),
            models.CheckConstraint(
                condition=Q(kind=SourceKind.EDITORS_NOTE) | ~Q(publisher=""),
                name="source_publisher_unless_editors_note",
                violation_error_message=_("Name the publisher (only an editor's note has none)."),
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
        return reverse("source-list") + f"#source-{self.slug}"

    def is_cited(self):
        """Whether any record cites this source."""
        return any(model.objects.filter(source=self).exists() for model in citation_models())

    @property
    def is_editors_note(self):
        return self.kind == SourceKind.EDITORS_NOTE

    @property
    def is_public(self):
        """False for a draft source, and for an article of this site that is not live:
        it appears nowhere, like every record that is not live."""
        if self.status != EditorialStatus.PUBLISHED:
            return False
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
    """What a citation may say the source states about any record: the record as a
    whole, its names and its description.

    The facts of one kind of record (a region's ISO code, an exhibition's exhibitor
    counts) are declared by its app, as a ``TextChoices`` its citation model passes to
    ``supports_field`` and ``citation_constraints``.
    """

    GENERAL = "general", _("the record in general")
    NAME = "name", _("name")
    CHINESE_NAME = "chinese_name", _("Chinese name")
    RUSSIAN_NAME = "russian_name", _("Russian name")
    DESCRIPTION = "description", _("description")


def supported_facts(facts=None):
    """The choices of a citation's ``supports``: every record's facts, then ``facts``
    (a ``TextChoices`` of the facts of its kind of record), if any."""
    return [*SupportedFact.choices, *(facts.choices if facts else ())]


def supports_field(facts=None):
    """The ``supports`` field of a citation whose record has ``facts`` of its own."""
    return models.CharField(
        _("supports"),
        max_length=40,
        choices=supported_facts(facts),
        help_text=_("Which of the record's facts the source states."),
    )


def citation_constraints(facts=None):
    """The ``Meta.constraints`` of a citation whose record has ``facts`` of its own: one
    citation per record, source and fact, and only a fact such a record has."""
    values = [value for value, _label in supported_facts(facts)]
    return [
        models.UniqueConstraint(
            fields=["record", "source", "supports"], name="%(app_label)s_%(class)s_unique"
        ),
        models.CheckConstraint(
            condition=Q(supports__in=values),
            name="%(app_label)s_%(class)s_supports_valid",
            violation_error_message=_("Choose a fact this record has."),
        ),
    ]


class CitationQuerySet(models.QuerySet):
    def get_by_natural_key(self, record_slug, source_slug, supports):
        return self.get(record__slug=record_slug, source__slug=source_slug, supports=supports)


class CitationManager(models.Manager.from_queryset(CitationQuerySet)):
    """Citations as every page shows them: each with its source and the document the
    source hosts (joined, one query), in ``CITATION_ORDER`` (``Meta.ordering``).

    The default manager of every citation model, so ``record.citations`` and its prefetch
    (``with_sources``, ``prefetch_related_objects(records, "citations")``) read through
    it: Django builds a reverse relation's manager from the related model's default
    manager. Prefetched by name, with no queryset of its own, ``"citations"`` may be
    asked for twice (a list's records and its export) at no cost.
    """

    def get_queryset(self):
        hosted = [f"source__{name}" for name in hosted_document_lookups()]
        return super().get_queryset().select_related("source", *hosted)


# Sources in the order a reader checks them: the hosted article, reports by date, then
# the editors’ notes (the citations' Meta.ordering, so every page reads them so).
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

    A citation may state any of the ``SupportedFact``; one whose record has facts of its
    own declares them, and the form and the database refuse any other::

        class RegionCitation(Citation):
            record = cited_record(Region)
            supports = supports_field(RegionFact)

            class Meta(Citation.Meta):
                constraints = citation_constraints(RegionFact)
    """

    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source")
    )
    supports = supports_field()

    objects = CitationManager()

    class Meta:
        abstract = True
        ordering = CITATION_ORDER
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = citation_constraints()

    def __str__(self):
        return f"{self.source} – {self.get_supports_display()}"

    def natural_key(self):
        return (*self.record.natural_key(), self.source.slug, self.supports)

    natural_key.dependencies = ["sources.source"]


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


def with_sources(queryset):
    """Prefetch the citations of these records, with their sources, in one query.

    Every model that can cite sources has a ``citations`` relation (a concrete
    ``Citation``, see above), read through ``CitationManager``: a source that hosts a
    document on this site (an article) comes with it. Models without citations are
    returned unchanged. Records already in memory, of one kind, get theirs with
    ``prefetch_related_objects(records, "citations")`` (one query a kind).
    """
    if not has_citations(queryset.model):
        return queryset
    return queryset.prefetch_related("citations")


class CitingQuerySet(PublishableQuerySet):
    """Publishable records that cite their sources."""

    def with_sources(self):
        """These records with their sources prefetched (``with_sources`` above)."""
        return with_sources(self)


class CitingModel(PublishableModel):
    """A publishable record whose facts cite sources (through a concrete ``Citation``)."""

    objects = CitingQuerySet.as_manager()

    class Meta(PublishableModel.Meta):
        abstract = True
