"""A query's SQL written once per shape; only its WHERE clause on every run.

Django writes a queryset's SQL anew on every evaluation: the column list of the
model and of every ``select_related`` target (each column quoted and aliased), the
joins, the ORDER BY read from ``Meta.ordering``. On this site's pages that is about a
third of the Python time of a request: a page runs the same few queries on every
visit, with the same columns, joins and order, and only the values in the WHERE
clause (the time for liveness, a slug, the keys a prefetch looks up) differ.

``ReusingSQLCompiler`` (the database backends in ``core/backends`` use it for every
SELECT) therefore keeps, per *shape* of query, the SQL before and after the WHERE
clause and what the compiler worked out on the way (the selected columns and how
rows become models), and on later runs of that shape writes only the WHERE clause,
with its parameters, between them. The shape is everything the rest of the SQL is
written from: the model, the tables and joins with their types, ``select_related``,
deferred fields, the columns of ``values()``, constants selected with ``Value``,
ordering, slicing, ``distinct``, the language (translated fields), the database. A
query whose SQL may carry values outside its WHERE clause (other annotations,
``extra()``, a union as a whole, grouping, ``FilteredRelation``,
``select_for_update``, ``explain()``) is written in full every time, as is a query
whose WHERE clause turns out empty where its shape's had one, or the other way round.

With ``VERIFY`` set (the test suite sets it), every reused SQL is compared with the
SQL Django writes in full, and a difference raises: every query the tests run checks
this module.
"""

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db.models import Value
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.datastructures import BaseTable, Join
from django.utils.translation import get_language

# Compare every reused SQL with Django's own (tests/conftest.py sets it).
VERIFY = False

# Shapes kept per process: a few hundred in practice (each page's queries, by
# language, ordering and page slice); past the bound the store starts again.
MAX_SHAPES = 2000

_MARK = "\x00where\x00"
_PARAM_MARK = object()

_templates = {}


def forget():
    """Drop every kept shape (tests that change the schema's Python side call it)."""
    _templates.clear()


def _shape(compiler, with_limits, with_col_aliases):
    """What the query's SQL outside its WHERE clause is written from, or None where
    that SQL may carry values of its own."""
    query = compiler.query
    if (
        query.extra
        or query.extra_order_by
        or (query.select and not query.values_select)
        or query.combinator
        or query.group_by is not None
        or query.select_for_update
        or query.explain_info
        or query.distinct_fields
        or query._filtered_relations
    ):
        return None
    # Constants (``values_list(Value(1), ...)``) are part of the shape; any other
    # annotation may hold values of its own (a subquery's, say).
    annotations = []
    for name, annotation in query.annotations.items():
        if type(annotation) is not Value:
            return None
        annotations.append((name, annotation.value, type(annotation.output_field)))
    mask = query.annotation_select_mask
    refcount = query.alias_refcount
    tables = []
    for alias, table in query.alias_map.items():
        kind = type(table)
        if kind is Join:
            if table.filtered_relation is not None:
                return None
            tables.append(
                (
                    alias,
                    table.table_name,
                    table.parent_alias,
                    id(table.join_field),
                    table.join_type,
                    table.nullable,
                    refcount[alias] > 0,
                )
            )
        elif kind is BaseTable:
            tables.append((alias, table.table_name, refcount[alias] > 0))
        else:
            return None
    select_related = query.select_related
    if isinstance(select_related, dict):
        select_related = repr(select_related)
    external = query.external_aliases
    return (
        query.model,
        compiler.connection.alias,
        get_language(),
        with_limits,
        with_col_aliases,
        tuple(tables),
        query.alias_prefix,
        tuple(external.items()) if external else (),
        select_related,
        query.max_depth,
        query.default_cols,
        query.values_select,
        tuple(annotations),
        tuple(mask) if mask is not None else None,
        frozenset(query.deferred_loading[0]),
        query.deferred_loading[1],
        tuple(query.order_by),
        query.default_ordering,
        query.standard_ordering,
        query.low_mark,
        query.high_mark,
        query.distinct,
        query.subquery,
    )


class ReusingSQLCompiler(SQLCompiler):
    """Django's SELECT compiler, writing a query's SQL outside its WHERE clause once
    per shape (module docstring)."""

    def as_sql(self, with_limits=True, with_col_aliases=False):
        key = _shape(self, with_limits, with_col_aliases)
        if key is None:
            return super().as_sql(with_limits, with_col_aliases)
        try:
            template = _templates.get(key)
        except TypeError:  # an ordering expression or a constant that is not hashable
            return super().as_sql(with_limits, with_col_aliases)
        if template is None:
            return self._as_sql_keeping(key, with_limits, with_col_aliases)
        reused = self._as_sql_from(template)
        if reused is None:
            return super().as_sql(with_limits, with_col_aliases)
        if VERIFY:
            written = super().as_sql(with_limits, with_col_aliases)
            if (reused[0], tuple(reused[1])) != (written[0], tuple(written[1])):
                raise AssertionError(f"Reused SQL differs from Django's:\n{reused}\n{written}")
        return reused

    def _as_sql_from(self, template):
        """The SQL of a query whose shape is kept, or None to write it in full."""
        head, tail, head_params, tail_params, state = template
        where, having, qualify = self.query.where.split_having_qualify(must_group_by=False)
        if having is not None or qualify is not None:
            return None
        # What Django's compiler knows before it writes the WHERE clause (also where
        # that clause matches nothing and no SQL is run: the rows' models come from it).
        (
            self.select,
            self.klass_info,
            self.annotation_col_map,
            self.has_extra_select,
            self._meta_ordering,
        ) = state
        self.col_count = len(self.select)
        self.where, self.having, self.qualify = where, having, qualify
        try:
            where_sql, where_params = self.compile(where)
        except FullResultSet:
            where_sql, where_params = "", ()
        except EmptyResultSet:
            if self.elide_empty:
                raise
            return None
        if tail is None:
            # The shape was kept from a query without a WHERE clause.
            if where_sql:
                return None
            sql, params = head, head_params
        else:
            if not where_sql:
                return None
            sql = head + where_sql + tail
            params = (*head_params, *where_params, *tail_params)
        return sql, params

    def _as_sql_keeping(self, key, with_limits, with_col_aliases):
        """Write the SQL in full, with a mark in place of the WHERE clause, and keep
        what surrounds the mark for the shape ``key``."""
        written = {}
        compile_node = self.compile

        def compile_marking_where(node):
            if written or node is not getattr(self, "where", None):
                return compile_node(node)
            try:
                written["where"] = compile_node(node)
            except FullResultSet:
                written["full"] = True
                raise
            except EmptyResultSet:
                written["empty"] = True
                raise
            return _MARK, [_PARAM_MARK]

        self.compile = compile_marking_where
        try:
            sql, params = super().as_sql(with_limits, with_col_aliases)
        finally:
            del self.compile
        state = (
            self.select,
            self.klass_info,
            self.annotation_col_map,
            self.has_extra_select,
            self._meta_ordering,
        )
        if "where" in written:
            where_sql, where_params = written["where"]
            marks = [index for index, param in enumerate(params) if param is _PARAM_MARK]
            head, found, tail = sql.partition(_MARK)
            if not found or _MARK in tail or len(marks) != 1:
                raise AssertionError(f"The WHERE clause of {sql!r} was not written once.")
            (mark,) = marks
            head_params, tail_params = tuple(params[:mark]), tuple(params[mark + 1 :])
            template = (head, tail, head_params, tail_params, state)
            sql = head + where_sql + tail
            params = (*head_params, *where_params, *tail_params)
        elif written.get("full"):
            template = (sql, None, tuple(params), (), state)
        else:
            return sql, params
        if len(_templates) >= MAX_SHAPES:
            _templates.clear()
        _templates[key] = template
        return sql, params
