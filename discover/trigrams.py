"""PostgreSQL's trigram word similarity (pg_trgm's ``word_similarity``), in Python.

The search forgives a typo in a name ("Harbinn" finds Harbin) as pg_trgm does, on every
database: the same numbers as PostgreSQL's ``word_similarity(query, name)``, so a name
matches on SQLite exactly when it would on PostgreSQL.

How pg_trgm reads a text (``contrib/pg_trgm/trgm_op.c``): its words are the runs of
letters and digits; each word is lower-cased and padded with two spaces before and one
after, and its trigrams are the three-character pieces of that ("harbin" gives
"  h", " ha", "har", "arb", "rbi", "bin", "in "). The similarity of two sets of trigrams
is how many they share over how many there are in all. ``word_similarity`` compares the
query's trigrams with the best continuous extent of the name's trigrams, in order, found
by pg_trgm's own greedy walk (``iterate_word_similarity``), which is copied here step by
step: "Harbinn" is 0.75 like "Harbin" and like "Harbin city", "Heilongjang" 0.67 like
"Heilongjiang Province" (checked against PostgreSQL 15 on thousands of pairs of names in
Latin, Cyrillic and Chinese script).
"""

import re

# pg_trgm's word characters: letters and digits, in every script.
WORD = re.compile(r"[^\W_]+")


def _lower(text):
    # PostgreSQL lowers one character at a time: "İ" is "i", where Python gives "i̇".
    return text.replace("İ", "i").lower()


def trigrams(text):
    """The trigrams of ``text`` in order, repeats included, as pg_trgm makes them."""
    grams = []
    for word in WORD.findall(_lower(text)):
        padded = f"  {word} "
        grams.extend(padded[start : start + 3] for start in range(len(padded) - 2))
    return grams


def padded_words(text):
    """Each word of ``text`` padded as pg_trgm pads it, run together: every trigram of
    ``text`` is a substring of this (which makes a quick upper bound, see ``shared``)."""
    return "".join(f"  {word} " for word in WORD.findall(_lower(text)))


def shared(query_grams, padded):
    """How many of the query's trigrams may be among a text's (at least as many as are).

    ``padded`` is ``padded_words(text)``. ``word_similarity`` is at most this over
    ``len(query_grams)``, so a text whose bound is below the threshold need not be compared.
    """
    return sum(map(padded.__contains__, query_grams))


def word_similarity(query_grams, text):
    """pg_trgm's ``word_similarity(query, text)``: 0 (nothing shared) to 1.

    ``query_grams`` is the set of the query's trigrams (``set(trigrams(query))``).
    """
    ulen1 = len(query_grams)
    if not ulen1:
        return 0.0
    # Each of the text's trigrams in order as a number (one per distinct trigram), and
    # whether the query holds that trigram.
    numbers = {}
    sequence = [numbers.setdefault(gram, len(numbers)) for gram in trigrams(text)]
    found = [gram in query_grams for gram in numbers]
    return _iterate(sequence, found, ulen1)


def _similarity(count, ulen1, ulen2):
    return count / (ulen1 + ulen2 - count)


def _iterate(sequence, found, ulen1):
    """pg_trgm's ``iterate_word_similarity`` (plain word similarity, full search)."""
    last = [-1] * len(found)  # the last position of each trigram in the current extent
    ulen2 = count = 0  # distinct trigrams in the extent, and how many the query shares
    lower = -1
    best = 0.0
    for position, number in enumerate(sequence):
        if lower >= 0 or found[number]:
            if last[number] < 0:
                ulen2 += 1
                if found[number]:
                    count += 1
            last[number] = position
        if not found[number]:
            continue
        upper = position
        if lower == -1:
            lower = position
            ulen2 = 1
        current = _similarity(count, ulen1, ulen2)
        # Also try to move the lower bound on, for a greater similarity.
        trial_count, trial_ulen2, previous_lower = count, ulen2, lower
        for trial_lower in range(lower, upper + 1):
            trial = _similarity(trial_count, ulen1, trial_ulen2)
            if trial > current:
                current, ulen2, lower, count = trial, trial_ulen2, trial_lower, trial_count
            dropped = sequence[trial_lower]
            if last[dropped] == trial_lower:
                trial_ulen2 -= 1
                if found[dropped]:
                    trial_count -= 1
        best = max(best, current)
        for dropped_position in range(previous_lower, lower):
            dropped = sequence[dropped_position]
            if last[dropped] == dropped_position:
                last[dropped] = -1
    return best
