"""Each citation may state only the facts its record has: every record's (sources.models.
SupportedFact) and its kind's own. Only the choices and check constraints change; the
stored values stay as they were."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('expo', '0006_source_in_sources_app'),
        ('sources', '0001_initial'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='enterprisecitation',
            name='expo_enterprisecitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='exhibitioncitation',
            name='expo_exhibitioncitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='exhibitionseriescitation',
            name='expo_exhibitionseriescitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='forumcitation',
            name='expo_forumcitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='forumseriescitation',
            name='expo_forumseriescitation_supports_valid',
        ),
        migrations.RemoveConstraint(
            model_name='sectorcitation',
            name='expo_sectorcitation_supports_valid',
        ),
        migrations.AlterField(
            model_name='enterprisecitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='exhibitioncitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description'), ('dates_and_city', 'dates and city'), ('year', 'year'), ('venue', 'venue'), ('theme', 'theme'), ('exhibitor_counts', 'exhibitor counts'), ('guests_of_honour', 'guests of honour')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='exhibitionseriescitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='forumcitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description'), ('date_and_city', 'date and city'), ('year', 'year'), ('participants', 'who took part and what was discussed')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='forumseriescitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AlterField(
            model_name='sectorcitation',
            name='supports',
            field=models.CharField(choices=[('general', 'the record in general'), ('name', 'name'), ('chinese_name', 'Chinese name'), ('russian_name', 'Russian name'), ('description', 'description')], help_text="Which of the record's facts the source states.", max_length=40, verbose_name='supports'),
        ),
        migrations.AddConstraint(
            model_name='enterprisecitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description'])), name='expo_enterprisecitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='exhibitioncitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description', 'dates_and_city', 'year', 'venue', 'theme', 'exhibitor_counts', 'guests_of_honour'])), name='expo_exhibitioncitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='exhibitionseriescitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description'])), name='expo_exhibitionseriescitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='forumcitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description', 'date_and_city', 'year', 'participants'])), name='expo_forumcitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='forumseriescitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description'])), name='expo_forumseriescitation_supports_valid'),
        ),
        migrations.AddConstraint(
            model_name='sectorcitation',
            constraint=models.CheckConstraint(condition=models.Q(('supports__in', ['general', 'name', 'chinese_name', 'russian_name', 'description'])), name='expo_sectorcitation_supports_valid'),
        ),
    ]
