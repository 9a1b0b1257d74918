"""The sources moved to their own app: the same columns and constraints, so only
Django's state changes (sources/migrations/0001_initial.py)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('expo', '0005_enterprise_indexes'),
        ('sources', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='enterprisecitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='exhibitioncitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='exhibitionseriescitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='forumcitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='forumseriescitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='sectorcitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
            ],
        ),
    ]
