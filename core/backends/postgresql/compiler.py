"""Django's PostgreSQL compilers; SELECTs through core.sql_reuse."""

from django.db.backends.postgresql import compiler
from django.db.backends.postgresql.compiler import *  # noqa: F403  (the other compilers)

from core.sql_reuse import ReusingSQLCompiler


class SQLCompiler(ReusingSQLCompiler, compiler.SQLCompiler):
    pass
