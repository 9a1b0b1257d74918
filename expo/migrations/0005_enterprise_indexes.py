"""Indexes for 100,000 enterprises: by name in each language, the scheduled times, and
trigram indexes for the directory's name search on PostgreSQL.

The name search is ``icontains`` in every language (``UPPER(name_xx) LIKE UPPER('%..%')``),
which a B-tree cannot serve; a GIN trigram index on ``UPPER(name_xx)`` can. It needs the
pg_trgm extension, which the site search (discover) creates too: both create it only if
it is missing, and unapplying this migration leaves it for the search.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

LANGUAGE_FIELDS = ("name_en", "name_ru", "name_zh_hans")


class EnsureTrigramExtension(TrigramExtension):
    """Create pg_trgm if missing; never drop it (the site search uses it too)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


class PostgresOnlySQL(migrations.RunSQL):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):

    dependencies = [
        ('cooperation', '0003_choice_and_format_checks'),
        ('expo', '0004_citations'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='enterprise',
            index=models.Index(fields=['name_en', 'slug'], name='enterprise_name_en'),
        ),
        migrations.AddIndex(
            model_name='enterprise',
            index=models.Index(fields=['name_ru', 'slug'], name='enterprise_name_ru'),
        ),
        migrations.AddIndex(
            model_name='enterprise',
            index=models.Index(fields=['name_zh_hans', 'slug'], name='enterprise_name_zh_hans'),
        ),
        migrations.AddIndex(
            model_name='enterprise',
            index=models.Index(condition=models.Q(('publish_at__isnull', False)), fields=['publish_at'], name='enterprise_publish_at'),
        ),
        migrations.AddIndex(
            model_name='enterprise',
            index=models.Index(condition=models.Q(('expires_at__isnull', False)), fields=['expires_at'], name='enterprise_expires_at'),
        ),
        EnsureTrigramExtension(),
        *(
            PostgresOnlySQL(
                f"CREATE INDEX enterprise_{field}_trgm ON expo_enterprise "
                f"USING gin (UPPER({field}) gin_trgm_ops)",
                f"DROP INDEX IF EXISTS enterprise_{field}_trgm",
            )
            for field in LANGUAGE_FIELDS
        ),
    ]
