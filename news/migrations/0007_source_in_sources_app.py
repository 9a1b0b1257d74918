"""The sources moved to their own app: the same columns and constraints, so only
Django's state changes (sources/migrations/0001_initial.py)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0006_source_permissions'),
        ('sources', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='article',
                    name='source',
                    field=models.OneToOneField(blank=True, help_text='The source that records cite for what this article states (kind: article on this site).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='hosted_document', to='sources.source', verbose_name='source record'),
                ),
                migrations.AlterField(
                    model_name='historicalarticle',
                    name='source',
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text='The source that records cite for what this article states (kind: article on this site).', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='sources.source', verbose_name='source record'),
                ),
            ],
        ),
    ]
