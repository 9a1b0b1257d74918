"""Unicode-aware LIKE for SQLite, the default local database.

SQLite's built-in LIKE folds case for ASCII letters only, so an ``icontains``
search for "якутия" would miss "Якутия" (PostgreSQL folds every script itself).
SQLite lets a connection replace LIKE with its own function; this one folds case
for every script, so public filters and admin searches behave the same on both
databases.
"""

import re
from functools import lru_cache


@lru_cache(maxsize=256)
def _like_regex(pattern, escape):
    parts, chars = [], iter(pattern)
    for char in chars:
        if escape and char == escape:
            parts.append(re.escape(next(chars, "")))
        elif char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def like(pattern, value, escape=None):
    """SQLite's ``value LIKE pattern [ESCAPE escape]``, case-insensitive in every script."""
    if pattern is None or value is None:
        return None
    return _like_regex(str(pattern), escape).fullmatch(str(value)) is not None


def install_unicode_like(sender, connection, **kwargs):
    """``connection_created`` receiver: give each SQLite connection the Unicode LIKE."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("like", 2, like, deterministic=True)
        connection.connection.create_function("like", 3, like, deterministic=True)
