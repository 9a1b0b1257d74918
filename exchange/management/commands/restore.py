"""Restore a backup written by ``manage.py backup`` into the configured database.

The database must be empty (created, not migrated) unless ``--replace`` is given, so
a slip of the keyboard cannot overwrite a live site. PostgreSQL: ``pg_restore`` in one
transaction, so a failed restore leaves the database as it was. SQLite: the online
backup API copies the whole file into the database at once. Afterwards the database
holds exactly what was backed up: rows, history, users, sessions, sequences.
"""

import sqlite3
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from exchange.management.commands.backup import pg_arguments, run_pg_tool
from web.cache import content_changed


class Command(BaseCommand):
    help = "Restore a backup file (from manage.py backup) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the backup file to read")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="overwrite a database that already holds tables",
        )

    def handle(self, *args, path, database, replace, **options):
        if not path.is_file():
            raise CommandError(f"No backup file at {path}.")
        connection = connections[database]
        tables = connection.introspection.table_names()
        if tables and not replace:
            raise CommandError(
                f"The database already holds {len(tables)} tables; restore into an empty "
                "database, or pass --replace to overwrite this one."
            )
        if connection.vendor == "postgresql":
            arguments, environment = pg_arguments(connection.settings_dict)
            connection.close()
            run_pg_tool(
                "pg_restore",
                [
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--exit-on-error",
                    *(["--clean", "--if-exists"] if tables else []),
                    f"--dbname={connection.settings_dict['NAME']}",
                    *arguments,
                    str(path),
                ],
                environment,
            )
        elif connection.vendor == "sqlite":
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                if source.execute("PRAGMA quick_check").fetchone() != ("ok",):
                    raise CommandError(f"{path} is damaged.")
                connection.ensure_connection()
                source.backup(connection.connection)
            except sqlite3.DatabaseError as error:
                raise CommandError(f"{path} is not a SQLite backup: {error}") from error
            finally:
                source.close()
        else:
            raise CommandError(f"No restore method for {connection.vendor}.")
        # Every record may differ now: no page cached before is current (web/cache.py).
        content_changed(database)
        self.stdout.write(f"Restored {path} into the {connection.vendor} database.")
        if not settings.DEBUG and not getattr(settings, "REDIS_URL", ""):
            # The version moved in this machine's files only: a site on Redis would go
            # on serving the pages it cached before the restore.
            self.stderr.write(
                "REDIS_URL is not set: only this machine's page cache was told of the "
                "restore. Run restore with the site's own environment (REDIS_URL too)."
            )
