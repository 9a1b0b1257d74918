"""Django's PostgreSQL backend, compiling SELECTs with core.sql_reuse."""

from django.db.backends.postgresql import base


class DatabaseOperations(base.DatabaseOperations):
    compiler_module = "core.backends.postgresql.compiler"


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
