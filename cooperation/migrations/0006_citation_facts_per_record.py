"""Each citation may state only the facts its record has: every record's (sources.models.
SupportedFact) and its kind's own. Only the choices and check constraints change; the
stored values stay as they were."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cooperation', '0005_source_in_sources_app'),
        ('sources', '0001_initial'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='citycitation',
            name='cooperation_citycitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='cooperationassessmentcitation',
            name='cooperation_cooperationassessmentcitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='cooperationmechanismcitation',
            name='cooperation_cooperationmechanismcitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='cooperationyearscitation',
            name='cooperation_cooperationyearscitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='councilcitation',
            name='cooperation_councilcitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='investmentfundcitation',
            name='cooperation_investmentfundcitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='regioncitation',
            name='cooperation_regioncitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='tradefigurecitation',
            name='cooperation_tradefigurecitation_supports_valid',
        ),
        migrations.AlterField(
            model_name='citycitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='cooperationassessmentcitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description'), ('statement', 'statement')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='cooperationmechanismcitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description'), ('regions_paired', 'the regions it pairs')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='cooperationyearscitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description'), ('period', 'period')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='councilcitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description'), ('meetings_charter_membership', 'meetings, charter and membership')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='investmentfundcitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description'), ('set_up', 'set up within the thematic years')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='regioncitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description'), ('iso_code', 'ISO code'), ('part_of', 'larger region'), ('administrative_centre', 'administrative centre')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='tradefigurecitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description'), ('year', 'year'), ('figure', 'figure')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AddConstraint(
            model_name='citycitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description'])), name='cooperation_citycitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='cooperationassessmentcitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description', 'statement'])), name='cooperation_cooperationassessmentcitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='cooperationmechanismcitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description', 'regions_paired'])), name='cooperation_cooperationmechanismcitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='cooperationyearscitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description', 'period'])), name='cooperation_cooperationyearscitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='councilcitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description', 'meetings_charter_membership'])), name='cooperation_councilcitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='investmentfundcitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description', 'set_up'])), name='cooperation_investmentfundcitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='regioncitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description', 'iso_code', 'part_of', 'administrative_centre'])), name='cooperation_regioncitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='tradefigurecitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description', 'year', 'figure'])), name='cooperation_tradefigurecitation_supports_valid'),
        ),
    ]
