"""What the search matches in the smaller kinds, read once per content version.

Cities, regions, exhibitions, forums, mechanisms, councils and articles number tens to
hundreds. Building and compiling their search queries (names in three languages, their
places' names, full text, trigram similarity, a ranking) cost more than the enterprise
directory's whole page, so they are matched here instead: each kind's searchable
strings are read with plain ORM queries, once per content version, into the cache
(kept no longer than the next scheduled go-live or expiry, ``web.cache.seconds_valid``,
as the "did you mean" vocabulary is), and a search compares the query with them in
Python and reads only the records it shows (``Ranked``).

For each live record the index holds, lower-cased:

- its names in every language (the rank: the name is the query, starts with it,
  contains it; and the trigram similarity, ``discover.trigrams``);
- the names in every language of the live records it belongs to (``Kind.places``);
- its names and other translated text (``Kind.text_fields()``), which the words of the
  query are looked for in;
- its place in the list ordered by name (then slug) in each language, as the
  database orders it, which orders results of equal rank and similarity.

A kind with more than ``INDEX_LIMIT`` live records or ``INDEX_CHARACTERS`` of text is
not indexed (``indexed`` gives None): the search queries the database for it instead.
"""

import contextlib
import re
import time
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache
from django.db.models import BooleanField, ExpressionWrapper, F, Window
from django.db.models.functions import RowNumber
from django.utils.translation import get_language
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname

from publishing.localized import localized
from publishing.models import is_publishable, live_only, live_q
from web.cache import content_version, replica_lag_ns, seconds_valid

from .trigrams import padded_words, shared, trigrams, word_similarity

# Past this many live records, or this many characters of text, a kind is searched in
# the database instead: matching costs some 5 microseconds a record and 1 millisecond a
# million characters a word, in Python, which at these sizes comes to what the database
# query cost to build and run (about 20 milliseconds), and the cache would hold more.
INDEX_LIMIT = 2000
INDEX_CHARACTERS = 4_000_000
# Part of the cache key: changed with what an entry holds, so that no process reads an
# entry stored by other code under the same content version.
INDEX_FORMAT = 2
# A name this similar to the query (pg_trgm word similarity, 0-1) matches despite a typo.
TRIGRAM_THRESHOLD = 0.5
# The ranks: the name is the query, starts with it, contains it; any other match.
EXACT, PREFIX, NAME, OTHER = range(4)

# A term of the query as PostgreSQL's websearch syntax reads it: a "quoted phrase"
# (its closing quote optional), or a word; either may be excluded with a leading "-".
TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def _target(model, relation):
    for step in relation.split("__"):
        model = model._meta.get_field(step).related_model
    return model


# Between the strings of one record: a query never holds it (control characters are
# dropped), so the query is in one of them exactly when it is in them joined.
SEPARATOR = "\x00"


def _plain(value):
    return " ".join(value.split()).lower()


def _joined(values):
    return SEPARATOR.join(values)


def read(kind):
    """The index of ``kind`` from the database, or None if it has too many records or
    too much text (``INDEX_LIMIT``, ``INDEX_CHARACTERS``).

    One query: the record's strings, whether each of its places is live, and its place in
    the order by name in each language (a window function, so the database's collation
    decides, as it does for the search's ``order_by``).
    """
    names = localized(kind.name)
    texts = kind.text_fields()
    annotations = {}
    places = []
    for number, (relation, name_field) in enumerate(kind.places):
        target = _target(kind.model, relation)
        flag = None
        if is_publishable(target):
            flag = f"search_place_{number}_live"
            annotations[flag] = ExpressionWrapper(
                live_q(target, prefix=f"{relation}__"), output_field=BooleanField()
            )
        places.append((flag, localized(f"{relation}__{name_field}")))
    orders = []
    for number, name in enumerate(names):
        orders.append(f"search_order_{number}")
        annotations[orders[-1]] = Window(RowNumber(), order_by=[F(name).asc(), F("slug").asc()])
    columns = ["pk", *names, *texts, *annotations]
    for _flag, place_names in places:
        columns += place_names
    rows = (
        live_only(kind.model).annotate(**annotations).order_by().values(*columns)[: INDEX_LIMIT + 1]
    )
    records = []
    size = 0
    for row in rows:
        own = [row[name].lower() for name in names if row[name]]
        found_in = [
            row[name].lower()
            for flag, place_names in places
            if flag is None or row[flag]
            for name in place_names
            if row[name]
        ]
        text = _joined(_plain(row[name]) for name in [*names, *texts] if row[name])
        size += len(text)
        if len(records) == INDEX_LIMIT or size > INDEX_CHARACTERS:
            return None
        records.append(
            (
                row["pk"],
                SEPARATOR + _joined(own) + SEPARATOR,  # the names, each between separators
                _joined(found_in),
                text,
                padded_words(" ".join(own)),
                tuple(row[name] for name in orders),
            )
        )
    return records


def indexed(kind):
    """The index of ``kind`` (see ``read``), from the cache if current."""
    try:
        version = content_version()
        key = f"search:index:{INDEX_FORMAT}:{version}:{kind.key}"
        entry = cache.get(key)
    except Exception:  # the shared cache is unreachable: read the database each time
        return read(kind)
    if entry is None:
        entry = {"records": read(kind)}
        # A read replica may not have the latest write yet (config/db_router.py).
        if not (settings.DATABASE_ROUTERS and time.time_ns() - version < replica_lag_ns()):
            # If the shared cache is unreachable, nothing is stored.
            with contextlib.suppress(Exception):
                cache.set(key, entry, seconds_valid(version))
    return entry["records"]


def text_terms(text, limit):
    """The query's terms as PostgreSQL's websearch syntax reads them, lower-cased.

    An "and" of groups, each an "or" of ``(phrase, wanted)``: words and "quoted phrases"
    must all occur, "-word" must not, and "or" between two terms takes either.
    At most ``limit`` terms.
    """
    groups = []
    either = False
    count = 0
    for match in TERM.finditer(text.lower()):
        minus, quoted, word = match.groups()
        if word == "or" and groups and not either:
            either = True
            continue
        if quoted is not None:
            phrase, wanted = " ".join(quoted.split()), not minus
        elif word.startswith("-") and len(word) > 1:
            phrase, wanted = word[1:], False
        else:
            phrase, wanted = word, True
        if not phrase:
            continue
        if either:
            groups[-1].append((phrase, wanted))
        else:
            groups.append([(phrase, wanted)])
        either = False
        count += 1
        if count == limit:
            break
    else:
        if either:  # "or" at the end is a word
            groups.append([("or", True)])
    return groups


def _text_test(groups):
    """A function telling whether a record's text holds the terms ``groups``, or None if
    nothing can (a query of exclusions alone finds nothing by text)."""
    if not any(wanted for group in groups for _phrase, wanted in group):
        return None
    if all(len(group) == 1 and group[0][1] for group in groups):  # words and phrases only
        phrases = [group[0][0] for group in groups]
        return lambda text: all(map(text.__contains__, phrases))
    return lambda text: all(
        any((phrase in text) == wanted for phrase, wanted in group) for group in groups
    )


def _order_column(kind):
    """Which language's order by name applies: the page's (``order_by("name")``)."""
    names = localized(kind.name)
    current = build_localized_fieldname(kind.name, get_language() or mt_settings.DEFAULT_LANGUAGE)
    if current in names:
        return names.index(current)
    return names.index(build_localized_fieldname(kind.name, mt_settings.DEFAULT_LANGUAGE))


def match(kind, records, text, max_terms):
    """``[(pk, rank), ...]`` of the records matching ``text``, best first.

    A record matches when one of its names contains the query, a live place's name
    does, its text holds the query's terms (``text_terms``), or one of its names is at
    least ``TRIGRAM_THRESHOLD`` similar to it. Ranked by the rank, then similarity (most
    similar first), then name in the page's language and slug.
    """
    query = text.lower()
    exact, prefix = f"{SEPARATOR}{query}{SEPARATOR}", f"{SEPARATOR}{query}"
    holds_terms = _text_test(text_terms(text, max_terms))
    grams = set(trigrams(text))
    needed = TRIGRAM_THRESHOLD * len(grams)
    column = _order_column(kind)
    found = []
    for pk, names, places, body, padded, order in records:
        if query not in names:
            rank = OTHER
        elif exact in names:
            rank = EXACT
        elif prefix in names:
            rank = PREFIX
        else:
            rank = NAME
        matched = (
            rank != OTHER or query in places or (holds_terms is not None and holds_terms(body))
        )
        similarity = 0.0
        bound = shared(grams, padded) if grams else 0
        if bound and (matched or bound >= needed):
            similarity = max(
                word_similarity(grams, name) for name in names.strip(SEPARATOR).split(SEPARATOR)
            )
        if matched or similarity >= TRIGRAM_THRESHOLD:
            found.append((rank, -similarity, order[column], pk))
    found.sort()
    return [(pk, rank) for rank, _similarity, _order, pk in found]


class Ranked(Sequence):
    """A kind's matches, best first; a slice reads just those records from the database.

    Each record read has ``search_rank`` set. A paginator can page it as a list (its
    length is the number of matches).
    """

    def __init__(self, kind, matches):
        self.kind = kind
        self.matches = matches

    def __len__(self):
        return len(self.matches)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._read(self.matches[index])
        shown = self._read([self.matches[index]])
        if not shown:
            raise IndexError(index)
        return shown[0]

    def __iter__(self):
        return iter(self._read(self.matches))

    def _read(self, chosen):
        if not chosen:
            return []
        records = (
            live_only(self.kind.model)
            .select_related(*self.kind.eager)
            .in_bulk([pk for pk, _rank in chosen])
        )
        shown = []
        for pk, rank in chosen:
            record = records.get(pk)
            if record is not None:  # gone since the index was read
                record.search_rank = rank
                shown.append(record)
        return shown
