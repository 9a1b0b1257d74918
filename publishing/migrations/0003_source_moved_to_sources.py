"""Source and its history now live in the ``sources`` app (sources/migrations/0001):
only Django's state forgets them here; the tables stay, under the sources app."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_sources"),
        ("sources", "0001_initial"),
        ("cooperation", "0005_source_in_sources_app"),
        ("expo", "0006_source_in_sources_app"),
        ("news", "0007_source_in_sources_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HistoricalSource"),
                migrations.DeleteModel(name="Source"),
            ],
        ),
    ]
