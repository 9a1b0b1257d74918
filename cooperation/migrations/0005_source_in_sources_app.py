"""The sources moved to their own app: the same columns and constraints, so only
Django's state changes (sources/migrations/0001_initial.py)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cooperation', '0004_citations'),
        ('sources', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='citycitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='cooperationassessmentcitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='cooperationmechanismcitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='cooperationyearscitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='councilcitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='investmentfundcitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='regioncitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
                migrations.AlterField(
                    model_name='tradefigurecitation',
                    name='source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='sources.source', verbose_name='source'),
                ),
            ],
        ),
    ]
