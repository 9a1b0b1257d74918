"""The pg_trgm extension for trigram similarity in the site search (PostgreSQL only).

On SQLite the operation does nothing. It runs CREATE EXTENSION IF NOT EXISTS, so a
database where it is already installed is left as it is.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [TrigramExtension()]
