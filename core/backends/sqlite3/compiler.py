"""Django's SQLite compilers (the generic ones); SELECTs through core.sql_reuse."""

from django.db.models.sql.compiler import *  # noqa: F403  (the other compilers)

from core.sql_reuse import ReusingSQLCompiler as SQLCompiler  # noqa: F401
