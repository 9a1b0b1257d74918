"""Django's SQLite backend, compiling SELECTs with core.sql_reuse."""

from django.db.backends.sqlite3 import base


class DatabaseOperations(base.DatabaseOperations):
    compiler_module = "core.backends.sqlite3.compiler"


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
