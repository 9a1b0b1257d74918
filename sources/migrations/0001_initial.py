"""Source moves from the app labelled ``core`` (publishing) to ``sources``.

Only Django's idea of where the model lives changes: the tables keep their names
(``core_source``, ``core_historicalsource``) and every row, and the content types are
renamed in place, so permissions, admin log entries and history stay attached.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELS = ("source", "historicalsource")


def rename_content_types(old_label, new_label):
    def rename(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for model in MODELS:
            ContentType.objects.using(db).filter(app_label=new_label, model=model).delete()
            ContentType.objects.using(db).filter(app_label=old_label, model=model).update(
                app_label=new_label
            )

    return rename


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("core", "0002_sources"),
        # After every migration that made or granted the sources' permissions under
        # ``core``, so that the renamed content types carry them all.
        ("cooperation", "0004_citations"),
        ("expo", "0004_citations"),
        ("news", "0006_source_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HistoricalSource",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("slug", models.SlugField(max_length=120, verbose_name="slug")),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("hosted", "Article on this site"),
                                    ("report", "Report"),
                                    ("editors_note", "Editors’ note"),
                                ],
                                default="report",
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "publisher",
                            models.CharField(
                                blank=True,
                                help_text="E.g. Xinhua. Empty for an editors’ note.",
                                max_length=200,
                                verbose_name="publisher",
                            ),
                        ),
                        (
                            "title",
                            models.CharField(
                                blank=True,
                                help_text="In the source's own language; empty if not known. For an editors’ note, the note itself.",
                                max_length=500,
                                verbose_name="title",
                            ),
                        ),
                        (
                            "url",
                            models.URLField(
                                blank=True,
                                help_text="Empty if not known.",
                                max_length=500,
                                verbose_name="address",
                            ),
                        ),
                        (
                            "published_on",
                            models.DateField(
                                blank=True, help_text="Empty if not known.", null=True, verbose_name="date"
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                blank=True,
                                help_text="The language of the title, as a language tag: en, ru, zh.",
                                max_length=10,
                                verbose_name="language",
                            ),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "core_historicalsource",
                        "verbose_name": "historical source",
                        "verbose_name_plural": "historical sources",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Source",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("slug", models.SlugField(max_length=120, unique=True, verbose_name="slug")),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("hosted", "Article on this site"),
                                    ("report", "Report"),
                                    ("editors_note", "Editors’ note"),
                                ],
                                default="report",
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "publisher",
                            models.CharField(
                                blank=True,
                                help_text="E.g. Xinhua. Empty for an editors’ note.",
                                max_length=200,
                                verbose_name="publisher",
                            ),
                        ),
                        (
                            "title",
                            models.CharField(
                                blank=True,
                                help_text="In the source's own language; empty if not known. For an editors’ note, the note itself.",
                                max_length=500,
                                verbose_name="title",
                            ),
                        ),
                        (
                            "url",
                            models.URLField(
                                blank=True,
                                help_text="Empty if not known.",
                                max_length=500,
                                verbose_name="address",
                            ),
                        ),
                        (
                            "published_on",
                            models.DateField(
                                blank=True, help_text="Empty if not known.", null=True, verbose_name="date"
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                blank=True,
                                help_text="The language of the title, as a language tag: en, ru, zh.",
                                max_length=10,
                                verbose_name="language",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "core_source",
                        "verbose_name": "source",
                        "verbose_name_plural": "sources",
                        "ordering": ["kind", "publisher", "published_on", "slug"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("kind__in", ["hosted", "report", "editors_note"])),
                                name="source_kind_valid",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("kind", "editors_note"), _negated=True),
                                    models.Q(("title", ""), _negated=True),
                                    _connector="OR",
                                ),
                                name="source_editors_note_has_text",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("kind", "editors_note"),
                                    models.Q(("publisher", ""), _negated=True),
                                    _connector="OR",
                                ),
                                name="source_publisher_unless_editors_note",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[
                migrations.RunPython(
                    rename_content_types("core", "sources"),
                    rename_content_types("sources", "core"),
                ),
            ],
        ),
    ]
