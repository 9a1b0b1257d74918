"""Which queries PostgreSQL may run on a plan made once, and which it plans every time.

psycopg prepares a query that a connection has run five times (config/settings.py),
and PostgreSQL then settles, after five runs, on one plan for any value if that plan
is not estimated dearer than the plans it made for the values seen. For the small
editorial tables (exhibitions, regions, councils, their citations) that plan is the
right one and saves planning every query of every page: about half of the database's
time on the home page.

A plan made for any value is wrong where the values change the answer's size by
orders of magnitude: a name matched against a pattern (``LIKE``, full-text and
trigram search), or a filter on a table that grows with the data, where one region
has thousands of enterprises and another three. PostgreSQL estimates such a query for
an average value, and a plan that walks the name index until 25 rows match is 20 times
slower for a rare name or region than one that looks them up first. Those queries are
therefore never prepared: PostgreSQL plans them for their own values on every run, as
it would without preparing. A model says that its table grows with the data with a
``grows_with_data = True`` class attribute (enterprises, their participations).
"""

from functools import cache

from django.apps import apps

# Text matched against a pattern or searched, as Django writes it: ``contains``,
# ``icontains``, ``startswith``… (LIKE), full-text search (websearch_to_tsquery and
# the like) and trigram similarity (SIMILARITY, WORD_SIMILARITY). Plain substring
# tests: a regular expression over a page's 4 kB queries cost 2% of the page.
_VALUE_SHAPED = ("LIKE ", "like ", "_tsquery(", "SIMILARITY(")


@cache
def growing_tables():
    """The quoted names of the tables that grow with the data, and of their histories."""
    names = []
    for model in apps.get_models():
        if not model.__dict__.get("grows_with_data"):
            continue
        names.append(model._meta.db_table)
        history = getattr(model, "history", None)
        if history is not None:
            names.append(history.model._meta.db_table)
    return tuple(f'"{name}"' for name in names)


def planned_per_run(query):
    """Whether PostgreSQL should plan ``query`` (SQL text) for its values on every run."""
    return any(marker in query for marker in _VALUE_SHAPED) or any(
        table in query for table in growing_tables()
    )


@cache
def _cursor_classes():
    """Django's server-binding cursor class, and ours on top of it (imported only once a
    PostgreSQL connection exists: the driver is not loaded on SQLite)."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    class ValuePlannedCursor(ServerBindingCursor):
        """Django's server-binding cursor, never preparing a query planned per run."""

        def execute(self, query, params=None, *, prepare=None, binary=None):
            if prepare is None and isinstance(query, str) and planned_per_run(query):
                prepare = False
            return super().execute(query, params, prepare=prepare, binary=binary)

    return ServerBindingCursor, ValuePlannedCursor


def install_value_planning(sender, connection, **kwargs):
    """``connection_created`` receiver: PostgreSQL connections binding on the server
    (config/settings.py) use ``ValuePlannedCursor``."""
    if connection.vendor != "postgresql":
        return
    try:
        server_binding, value_planned = _cursor_classes()
    except ImportError:  # psycopg2 (not this project's driver) binds on the client
        return
    if connection.connection.cursor_factory is server_binding:
        connection.connection.cursor_factory = value_planned
