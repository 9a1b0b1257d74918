""" "Did you mean …?": the known name closest to a query that found little.

The same on SQLite and PostgreSQL, with the standard library's ``difflib``: the query
is compared with the public names of the site's regions, cities, exhibitions, forums,
councils and articles in every language ("Harbinn" → "Harbin", "Харбинн" → "Харбин"),
then, word by word, with the words of those names ("Heilongjang province" →
"Heilongjiang province").

The vocabulary is bounded (``VOCABULARY_LIMIT`` records of each kind) and read once
per content version into the cache, where it is kept no longer than the next
scheduled go-live or expiry (``web.cache.seconds_valid``): a record that is not live is
never suggested. Enterprises are left out: there may be 100,000 of them.
"""

import difflib

from django.core.cache import cache

from cooperation.models import City, Council, Region
from expo.models import Exhibition, Forum
from news.models import Article
from publishing.localized import localized
from publishing.models import live_only
from web.cache import content_version, seconds_valid

# (model, its translated name field): where the known names come from.
SOURCES = (
    (Region, "name"),
    (City, "name"),
    (Exhibition, "name"),
    (Forum, "name"),
    (Council, "name"),
    (Article, "title"),
)
VOCABULARY_LIMIT = 2000
# How alike (difflib's ratio, 0-1) a name or word must be to be suggested.
CUTOFF = 0.75
# Words shorter than this are never corrected ("of", "и").
MIN_WORD_LENGTH = 4


def _read_vocabulary():
    names = {}
    for model, name in SOURCES:
        rows = live_only(model).order_by("pk").values_list(*localized(name))
        for row in rows[:VOCABULARY_LIMIT]:
            for value in row:
                if value:
                    names.setdefault(value.casefold(), value)
    words = {}
    for value in names.values():
        for word in value.split():
            word = word.strip(",.;:()«»“”\"'")
            if len(word) >= MIN_WORD_LENGTH:
                words.setdefault(word.casefold(), word)
    return {"names": names, "words": words}


def vocabulary():
    """``{"names": {folded: name}, "words": {folded: word}}``, from the cache if current."""
    version = content_version()
    key = f"search:vocabulary:{version}"
    known = cache.get(key)
    if known is None:
        known = _read_vocabulary()
        cache.set(key, known, seconds_valid(version))
    return known


def suggest(text):
    """The known name or spelling closest to ``text``, or None if none is close enough."""
    folded = text.casefold()
    known = vocabulary()
    if folded in known["names"]:
        return None
    match = difflib.get_close_matches(folded, known["names"], n=1, cutoff=CUTOFF)
    if match:
        return known["names"][match[0]]
    corrected = []
    changed = False
    for word in text.split():
        folded_word = word.casefold()
        if len(word) >= MIN_WORD_LENGTH and folded_word not in known["words"]:
            match = difflib.get_close_matches(folded_word, known["words"], n=1, cutoff=CUTOFF)
            if match:
                word = known["words"][match[0]]
                changed = True
        corrected.append(word)
    return " ".join(corrected) if changed else None
