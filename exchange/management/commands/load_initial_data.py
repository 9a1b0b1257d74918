"""Load fixtures into a database that holds none of their records yet.

``make run`` uses this, so running it again never overwrites what staff have
edited since: once any record of the fixtures' models exists, nothing is loaded.
``manage.py loaddata`` (``make fixtures``) is the deliberate, overwriting reload.
"""

import json
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Load the given JSON fixtures only if the database has none of their records."

    def add_arguments(self, parser):
        parser.add_argument("fixtures", nargs="+", type=Path)

    def handle(self, *args, fixtures, **options):
        labels = set()
        for path in fixtures:
            try:
                rows = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise CommandError(f"Cannot read {path}: {error}") from error
            labels.update(row["model"] for row in rows)
        present = sorted(
            label for label in labels if apps.get_model(label)._default_manager.exists()
        )
        if present:
            self.stdout.write(
                "The database already holds content (e.g. "
                f"{', '.join(present[:3])}); nothing loaded. "
                "'make fixtures' reloads the fixtures over it."
            )
            return
        call_command("loaddata", *fixtures, verbosity=options["verbosity"])
        call_command("populate_history", auto=True, verbosity=0)
