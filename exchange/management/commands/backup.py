"""Back up the whole database to one file: every table, the editorial history included.

PostgreSQL: ``pg_dump`` in its custom format (restore with ``manage.py restore`` or
``pg_restore``). SQLite: SQLite's online backup API, a consistent copy even while the
site is writing. Unlike ``dumpdata``, nothing is re-serialised: restoring gives back
the same rows, keys and sequences. docs/production.md "Backup and restore" shows both commands.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections


def pg_arguments(settings_dict):
    """Connection options for pg_dump/pg_restore, and the environment for the password."""
    arguments = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments.append(f"{option}={settings_dict[key]}")
    environment = {}
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return arguments, environment


def run_pg_tool(tool, arguments, environment):
    if shutil.which(tool) is None:
        raise CommandError(f"{tool} is not installed (Debian: apt-get install postgresql-client).")
    result = subprocess.run(
        [tool, *arguments],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise CommandError(f"{tool} failed: {result.stderr.strip()}")


class Command(BaseCommand):
    help = "Back up the whole database (history included) to one file."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the backup file to write")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--overwrite", action="store_true", help="replace an existing backup file"
        )

    def handle(self, *args, path, database, overwrite, **options):
        # Files made from here on (pg_dump's, SQLite's copy) are the owner's only from the
        # first byte; the chmod below covers an existing file given --overwrite.
        previous = os.umask(0o077)
        try:
            self.back_up(path, database, overwrite)
        finally:
            os.umask(previous)

    def back_up(self, path, database, overwrite):
        if path.exists() and not overwrite:
            raise CommandError(f"{path} exists; pass --overwrite to replace it.")
        connection = connections[database]
        if connection.vendor == "postgresql":
            arguments, environment = pg_arguments(connection.settings_dict)
            run_pg_tool(
                "pg_dump",
                [
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={path}",
                    *arguments,
                    connection.settings_dict["NAME"],
                ],
                environment,
            )
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            temporary = path.with_name(path.name + ".partial")
            temporary.unlink(missing_ok=True)
            target = sqlite3.connect(temporary)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
            temporary.replace(path)
        else:
            raise CommandError(f"No backup method for {connection.vendor}.")
        # The whole database (password hashes, editors' email addresses): the owner only.
        path.chmod(0o600)
        self.stdout.write(f"Backed up the {connection.vendor} database to {path}.")
