"""Site search: one query over every kind of public record, in all three languages.

A record matches when the query is found in

- its own name (title, for articles) in any of the site's languages;
- the name, in any language, of a live record it belongs to: an exhibition or
  forum by its city and region, an enterprise by its region, a city by its region,
  a mechanism by either side ("Yakutia" finds Sakha's enterprises, "哈尔滨" the EXPO
  held in Harbin);
- its names and other translated text (theme, description, body): every word of the
  query, in any order, each somewhere in one of the fields ("regional" also finds
  "interregional"). PostgreSQL's ``websearch`` syntax is read on every database: a
  "quoted phrase" must occur as it is, a "-word" must not, and "or" between two
  terms takes either (a query of exclusions alone finds nothing by text);
- or a name close to it: one at least ``TRIGRAM_THRESHOLD`` alike in pg_trgm's word
  similarity, computed the same on SQLite (``discover.trigrams``), so "Harbinn" and
  "Heilongjang" find Harbin and Heilongjiang on both databases. A query that finds
  little is also offered the closest known name (``discover.suggestions``).

Cities, regions, exhibitions, forums, mechanisms, councils and articles are matched in
Python against an index of their searchable strings read once per content version into
the cache (``discover.index``); a search then reads only the records it shows, one
query per kind with results. Building their database queries cost more than the
enterprise directory's whole page. A kind too large for the index (``INDEX_LIMIT``
records or ``INDEX_CHARACTERS`` of text) is queried instead (``Kind.queryset``): the
same rules, except that its text is PostgreSQL's full-text search (whole words) or, on
SQLite, each word in one of the fields, and typos are forgiven on PostgreSQL only.

Enterprises (100,000 and more) are searched exactly as the directory's name filter
searches them (``expo.filters.EnterpriseFilter.filter_name``): their name in any
language or their region's, which the trigram indexes serve on PostgreSQL, in the
directory's order. Their descriptions are not searched: no index serves that, and at
100,000 enterprises it took a second and more of the database per search.

Every search is bounded: a list shows its first results and counts at most
``COUNT_LIMIT`` more ("more than 100"), never the whole table; on PostgreSQL its
statements run with a ``statement_timeout`` (``time_limit``), so one costly search
cannot hold a database connection for long.

Results are ranked: the record whose name is the query (any language, any case)
first, then names starting with it, names containing it, and other matches last;
within a rank by trigram similarity, most alike first (for a kind queried in the
database, on PostgreSQL only), then by name in the page's language, then slug.
Enterprises are in the directory's order, by name.
"""

import contextlib
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import OperationalError, connections, router, transaction
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Greatest
from modeltranslation.translator import translator

from cooperation.models import City, CooperationMechanism, Council, Region
from expo.filters import EnterpriseFilter
from expo.models import Enterprise, Exhibition, Forum
from expo.views import EnterpriseListView
from news.models import Article
from publishing.localized import localized
from publishing.models import live_only
from web.filters import contains_in_any_language
from web.templatetags.dates import format_date_range

from .index import EXACT, NAME, OTHER, PREFIX, TRIGRAM_THRESHOLD, Ranked, indexed, match

# Longer queries are cut to this many characters, and the page says so.
MAX_QUERY_LENGTH = 100
# Words (terms) of the query that the match in the record's text looks at.
MAX_WORDS = 10

# A group counts its matches up to this many; past it, it says "more than 100".
COUNT_LIMIT = 100
# On PostgreSQL, a search's statements are cancelled after this many milliseconds
# (the ``SEARCH_STATEMENT_TIMEOUT`` setting, if set).
STATEMENT_TIMEOUT_MS = 3000
# PostgreSQL's code for a statement cancelled by statement_timeout.
QUERY_CANCELED = "57014"


class SearchTimedOut(Exception):
    """The database gave up on the search (statement timeout)."""


@contextlib.contextmanager
def time_limit():
    """Run a search's queries under PostgreSQL's ``statement_timeout``.

    In a transaction of the database the search reads (a replica, if the router
    picks one), with ``SET LOCAL``: the limit ends with the transaction, and a
    connection kept open for the next request keeps its own setting. A cancelled
    statement raises ``SearchTimedOut``; any other database error is not caught.
    Elsewhere (SQLite) the block runs as it is.
    """
    alias = router.db_for_read(Region)
    if connections[alias].vendor != "postgresql":
        yield
        return
    timeout = int(getattr(settings, "SEARCH_STATEMENT_TIMEOUT", STATEMENT_TIMEOUT_MS))
    try:
        with transaction.atomic(using=alias):
            with connections[alias].cursor() as cursor:
                cursor.execute(f"SET LOCAL statement_timeout = {timeout}")
            yield
            # Back to the connection's own limit, should this be a savepoint of a longer
            # transaction (ATOMIC_REQUESTS, a test) where SET LOCAL would outlive it.
            with connections[alias].cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) == QUERY_CANCELED:
            raise SearchTimedOut from error
        raise


def bounded_count(records, limit):
    """How many ``records`` there are, counted up to ``limit + 1`` (more than ``limit``)."""
    if not isinstance(records, QuerySet):
        return min(len(records), limit + 1)
    return records.order_by()[: limit + 1].count()


@dataclass(frozen=True)
class Query:
    """The reader's query made safe to search for: what is searched and what was dropped."""

    text: str
    truncated: bool = False

    @property
    def words(self):
        return self.text.split()[:MAX_WORDS]

    def __bool__(self):
        return bool(self.text)


def clean_query(raw):
    """Control characters (NUL included) become spaces, runs of space one; cut if overlong."""
    text = "".join(" " if unicodedata.category(char) in {"Cc", "Cs"} else char for char in raw)
    text = re.sub(r"\s+", " ", text).strip()
    truncated = len(text) > MAX_QUERY_LENGTH
    if truncated:
        text = text[:MAX_QUERY_LENGTH].rstrip()
    return Query(text=text, truncated=truncated)


def any_of(lookups, lookup_type, value):
    condition = Q()
    for lookup in lookups:
        condition |= Q(**{f"{lookup}__{lookup_type}": value})
    return condition


def uses_postgres():
    return connections[router.db_for_read(Region)].vendor == "postgresql"


@dataclass(frozen=True)
class Kind:
    """One kind of record the search covers, and how it is matched."""

    key: str  # the value of ?type= that narrows the search to this kind
    model: type
    name: str = "name"  # the translated field holding the record's name
    # (relation, its translated name field): a live related record whose name matches
    places: tuple = ()
    eager: tuple = field(default=())  # select_related for the result list
    # What a result shows after its name (a date, a city): record -> list of values
    details: object = None
    # The list that holds every match: (URL name, its name-filter parameter)
    directory: tuple = ()

    @property
    def label(self):
        return self.model._meta.verbose_name_plural

    def text_fields(self):
        """The other translated fields (descriptions, themes, bodies), per language."""
        names = [
            name
            for name in translator.get_options_for_model(self.model).fields
            if name != self.name
        ]
        return [lookup for name in names for lookup in localized(name)]

    def place_condition(self, query):
        condition = Q()
        for relation, name_field in self.places:
            target = self.model
            for step in relation.split("__"):
                target = target._meta.get_field(step).related_model
            live = live_only(target).filter(contains_in_any_language(name_field, query.text))
            condition |= Q(**{f"{relation}__in": live.values("pk")})
        return condition

    def text_condition(self, query):
        fields = localized(self.name) + self.text_fields()
        if uses_postgres():
            from django.contrib.postgres.search import SearchQuery, SearchVector

            vector = SearchVector(*fields, config="simple")
            search = SearchQuery(query.text, search_type="websearch", config="simple")
            return Q(pk__in=self.model.objects.annotate(document=vector).filter(document=search))
        condition = Q()
        for word in query.words:
            condition &= any_of(fields, "icontains", word)
        return condition

    def rank(self, query):
        names = localized(self.name)
        return Case(
            When(any_of(names, "iexact", query.text), then=Value(EXACT)),
            When(any_of(names, "istartswith", query.text), then=Value(PREFIX)),
            When(any_of(names, "icontains", query.text), then=Value(NAME)),
            default=Value(OTHER),
            output_field=IntegerField(),
        )

    def search(self, query):
        """The live records matching ``query``, best first, each with its ``search_rank``.

        Matched in the kind's index (``discover.index``): a ``Ranked`` sequence whose
        slices read their records. A kind too large to index is queried (``queryset``).
        """
        records = indexed(self)
        if records is None:
            return self.queryset(query)
        return Ranked(self, match(self, records, query.text, MAX_WORDS))

    def queryset(self, query):
        """The matches as one database query, for a kind too large to index (see the
        module docstring for how its text and typos are matched)."""
        names = localized(self.name)
        records = live_only(self.model).select_related(*self.eager)
        rank = self.rank(query)
        matches = (
            any_of(names, "icontains", query.text)
            | self.place_condition(query)
            | self.text_condition(query)
        )
        ordering = ["search_rank"]
        if uses_postgres():
            from django.contrib.postgres.search import TrigramWordSimilarity

            similarity = Greatest(*(TrigramWordSimilarity(query.text, name) for name in names))
            records = records.annotate(similarity=similarity)
            matches |= Q(similarity__gte=TRIGRAM_THRESHOLD)
            ordering.append("-similarity")
        return (
            records.annotate(search_rank=rank)
            .filter(matches)
            .order_by(*ordering, self.name, "slug")
        )

    def describe(self, records):
        """Give each record ``search_details``: what its result shows after the name."""
        for record in records:
            record.search_details = [
                value for value in (self.details(record) if self.details else []) if value
            ]
        return records


@dataclass(frozen=True)
class DirectoryKind(Kind):
    """A kind too large to rank: searched and ordered as its directory's name filter.

    ``filter_name`` is the directory's method (``expo.filters.EnterpriseFilter``), so
    the search reads the same indexes as the directory page, in the same order (by
    name), and stops at the results it shows.
    """

    filterset: type = None
    # The directory's page size: the search reads the same bounded page of keys
    # (``web.pagination.BoundedPaginator``) as the directory, so the database plans
    # it as it plans the directory's (with a limit of a few rows, PostgreSQL walks the
    # whole name index in order instead of reading the trigram matches).
    page_size: int = 25

    def search(self, query):
        records = live_only(self.model).select_related(*self.eager)
        matches = self.filterset(queryset=records).filter_name(records, self.name, query.text)
        return matches.annotate(search_rank=self.rank(query)).order_by(self.name, "slug")


def _event_details(record):
    """Its date (an exhibition's span) as every page writes dates, and its city."""
    if hasattr(record, "start_date"):
        day = format_date_range(record.start_date, record.end_date)
    else:
        day = format_date_range(record.date, single=True)
    return [day, str(record.city)]


# Only records that are live with the result are named (a city's region, an
# exhibition's city); an enterprise's region may be a draft, so its country is shown.
KINDS = (
    Kind(
        "cities",
        City,
        places=(("region", "name"),),
        eager=("region",),
        details=lambda city: [str(city.region)],
    ),
    Kind(
        "regions",
        Region,
        places=(("administrative_centre", "name"),),
        eager=("country",),
        details=lambda region: [str(region.country)],
    ),
    Kind(
        "exhibitions",
        Exhibition,
        places=(("city", "name"), ("city__region", "name")),
        eager=("city",),
        details=_event_details,
    ),
    Kind(
        "forums",
        Forum,
        places=(("city", "name"), ("city__region", "name")),
        eager=("city",),
        details=_event_details,
    ),
    Kind(
        "mechanisms",
        CooperationMechanism,
        places=(("chinese_region", "name"), ("russian_region", "name")),
    ),
    Kind("councils", Council),
    DirectoryKind(
        "enterprises",
        Enterprise,
        eager=("country",),
        details=lambda enterprise: [str(enterprise.country)],
        directory=("expo:enterprise-list", "name"),
        filterset=EnterpriseFilter,
        page_size=EnterpriseListView.paginate_by,
    ),
    Kind(
        "articles",
        Article,
        name="title",
        eager=("publisher",),
        details=lambda article: [str(article.publisher)],
    ),
)

KINDS_BY_KEY = {kind.key: kind for kind in KINDS}
