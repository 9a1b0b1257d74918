"""Saving many records at once, each with its history version (used by bulk import).

Django's ``bulk_create`` and ``bulk_update`` compile every value of every row into
SQL (``bulk_update`` even one ``CASE WHEN`` per field and row); for an import of
thousands of rows that compilation, not the database, is most of the time. Here each
table gets one prepared statement run for all rows (``executemany``; PostgreSQL's
``COPY`` for inserts), and the history
rows are django-simple-history's own historical model, filled as its
``bulk_history_create`` fills them (same fields, user, date and type), written the
same way. Nothing else writes these tables differently: ``save()`` signals are not
sent, exactly as with ``bulk_create``, so each function tells the page cache itself
(``content_changed``: its version moves when the import commits).
"""

from django.db import connections, router, transaction
from django.db.models import Field
from django.db.models.lookups import In
from django.utils import timezone
from simple_history.utils import get_history_manager_for_model

from web.cache import content_changed

CREATED, CHANGED = "+", "~"


@Field.register_lookup
class InArray(In):
    """``field__in_array=values``: ``IN``, but one array parameter on PostgreSQL.

    ``= ANY(%s)`` with a list instead of ``IN (%s, %s, ...)``: for the thousands of
    keys of an import file, psycopg and PostgreSQL then parse one parameter, not one
    per key. Other databases get the plain ``IN``.
    """

    lookup_name = "in_array"

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        field = self.lhs.output_field
        values = [
            field.get_db_prep_value(value, connection) for value in self.rhs if value is not None
        ]
        return f"{lhs} = ANY(%s)", (*lhs_params, values)


def _insert_sql(connection, model, fields):
    quote = connection.ops.quote_name
    return "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )


def _insert(cursor, connection, model, fields, rows):
    """Insert ``rows``: PostgreSQL's COPY (several times faster), else one prepared INSERT."""
    if connection.vendor == "postgresql":
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in fields)
        with cursor.cursor.copy(
            f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)
    else:
        cursor.executemany(_insert_sql(connection, model, fields), rows)


def _insertable_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if not (field.primary_key and field.db_returning)
    ]


def create_with_history(objs, key, user=None):
    """Insert ``objs`` (new records of one model), set their primary keys, record history.

    ``key`` names a unique field (the slug): the new rows' keys are read back by it in
    one query, as an ``INSERT`` run for many rows returns none.
    """
    if not objs:
        return
    model = type(objs[0])
    connection = connections[router.db_for_write(model)]
    fields = _insertable_fields(model)
    rows = [
        [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
        for obj in objs
    ]
    # The history rows repeat these values: prepared once for both tables.
    attnames = [field.attname for field in fields]
    prepared = [dict(zip(attnames, row, strict=True)) for row in rows]
    pk = model._meta.pk
    with transaction.atomic(using=connection.alias, savepoint=False):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql" and pk not in fields:
                # The new keys taken from the table's sequence first, in one query,
                # and written with the rows: nothing to read back.
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [model._meta.db_table, pk.column, len(objs)],
                )
                for obj, (record_pk,) in zip(objs, cursor.fetchall(), strict=True):
                    setattr(obj, pk.attname, record_pk)
                fields = [pk, *fields]
                rows = [[obj.pk, *row] for obj, row in zip(objs, rows, strict=True)]
                _insert(cursor, connection, model, fields, rows)
            else:
                _insert(cursor, connection, model, fields, rows)
                by_key = {getattr(obj, key): obj for obj in objs}
                found = model._base_manager.using(connection.alias).filter(
                    **{f"{key}__in": list(by_key)}
                )
                for record_key, record_pk in found.values_list(key, pk.attname):
                    setattr(by_key[record_key], pk.attname, record_pk)
        for obj in objs:
            obj._state.adding = False
            obj._state.db = connection.alias
        record_history(objs, CREATED, user, connection, prepared)
        content_changed(connection.alias)


def update_with_history(objs, field_names, user=None):
    """Save ``field_names`` of ``objs`` (records that exist) and record their history."""
    if not objs:
        return
    model = type(objs[0])
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in field_names]
    pk = model._meta.pk
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(pk.column),
    )
    rows = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
        + [pk.get_db_prep_save(obj.pk, connection)]
        for obj in objs
    ]
    with transaction.atomic(using=connection.alias, savepoint=False):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                _update_by_copy(cursor, connection, model, [*fields, pk], rows)
            else:
                cursor.executemany(sql, rows)
        attnames = [field.attname for field in fields] + [pk.attname]
        prepared = [dict(zip(attnames, row, strict=True)) for row in rows]
        record_history(objs, CHANGED, user, connection, prepared)
        content_changed(connection.alias)


def _update_by_copy(cursor, connection, model, fields, rows):
    """PostgreSQL: COPY the new values into a temporary table, then one UPDATE ... FROM.

    ``fields`` ends with the primary key, which matches each row to its record.
    """
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    cursor.execute(
        f"CREATE TEMPORARY TABLE import_update ON COMMIT DROP AS "
        f"SELECT {columns} FROM {table} WITH NO DATA"
    )
    with cursor.cursor.copy(f"COPY import_update ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    *changed, pk = fields
    assignments = ", ".join(f"{quote(f.column)} = new.{quote(f.column)}" for f in changed)
    cursor.execute(
        f"UPDATE {table} SET {assignments} FROM import_update AS new "
        f"WHERE {table}.{quote(pk.column)} = new.{quote(pk.column)}"
    )
    cursor.execute("DROP TABLE import_update")


def record_history(objs, history_type, user, connection, prepared=None):
    """One history version of each of ``objs``, as simple-history's bulk_history_create.

    ``prepared``: for each of ``objs``, values already prepared for the database by
    attribute name (those of its own insert), reused for the same fields.
    """
    history_model = get_history_manager_for_model(type(objs[0])).model
    tracked = {field.attname for field in history_model.tracked_fields}
    now = timezone.now()
    fields = _insertable_fields(history_model)
    rows = []
    for n, obj in enumerate(objs):
        known = prepared[n] if prepared is not None else {}
        meta = {
            "history_date": getattr(obj, "_history_date", now),
            "history_type": history_type,
            "history_change_reason": getattr(obj, "_change_reason", None),
            "history_user_id": getattr(getattr(obj, "_history_user", user), "pk", None),
        }
        row = []
        for field in fields:
            name = field.attname
            if name in known:
                row.append(known[name])
            elif name in tracked:
                row.append(field.get_db_prep_save(getattr(obj, name), connection))
            else:
                row.append(field.get_db_prep_save(meta[name], connection))
        rows.append(row)
    with connection.cursor() as cursor:
        _insert(cursor, connection, history_model, fields, rows)
