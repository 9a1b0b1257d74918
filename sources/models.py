"""Provenance: which sources state which facts of which records.

Every public record can cite several sources, each citation saying which of the
record's facts the source states. A source is either a document this site hosts (an
article of the ``news`` app, which links it to its Source with the one-to-one
``related_name="hosted_document"``, the one hook this module names), an external
report, or an editors' note: a value no source states that the editors add and show
as theirs, never under a source's name.
"""

import datetime
from functools import cache

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from publishing.models import (
    PublishableModel,
    PublishableQuerySet,
    SluggedModel,
    SlugQuerySet,
    _related_model,
    is_publishable,
    prefetched_lookups,
)


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
        # Made in the app labelled ``core`` (now publishing); the table kept its name.
        db_table = "core_source"
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
        return reverse("source-list") + f"#source-{self.slug}"

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


def with_sources(queryset):
    """Prefetch the citations of these records, with their sources, in one query.

    Every model that can cite sources has a ``citations`` relation (a concrete
    ``Citation``, see below); a source that hosts a document on this site (an
    article) comes with it. Models without citations are returned unchanged.
    """
    if not has_citations(queryset.model) or "citations" in prefetched_lookups(queryset):
        return queryset
    return queryset.prefetch_related(citations_prefetch(queryset.model))


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
