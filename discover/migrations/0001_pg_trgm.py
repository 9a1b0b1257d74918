"""The pg_trgm extension for trigram similarity in the site search (PostgreSQL only).

On SQLite the operation does nothing. It runs CREATE EXTENSION IF NOT EXISTS, so a
database where it is already installed (expo's enterprise name indexes create it too,
``expo/migrations/0005_enterprise_indexes.py``) is left as it is; unapplying this
migration leaves it in place for those indexes.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class EnsureTrigramExtension(TrigramExtension):
    """Create pg_trgm if missing; never drop it (expo's trigram indexes use it too)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [EnsureTrigramExtension()]
