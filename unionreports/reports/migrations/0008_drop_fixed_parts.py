from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0007_outline"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='historicalreportitem',
            options={'get_latest_by': ('history_date', 'history_id'), 'ordering': ('-history_date', '-history_id'), 'verbose_name': 'historical list item', 'verbose_name_plural': 'historical list items'},
        ),
        migrations.AlterModelOptions(
            name='reportitem',
            options={'ordering': ['position', 'id'], 'verbose_name': 'list item', 'verbose_name_plural': 'list items'},
        ),
        migrations.RemoveField(
            model_name='achievementarea',
            name='report',
        ),
        migrations.RemoveField(
            model_name='historicalachievementarea',
            name='report',
        ),
        migrations.RemoveField(
            model_name='historicalreport',
            name='lessons_intro',
        ),
        migrations.RemoveField(
            model_name='historicalreport',
            name='limitations_intro',
        ),
        migrations.RemoveField(
            model_name='historicalreport',
            name='personnel_closing',
        ),
        migrations.RemoveField(
            model_name='historicalreport',
            name='personnel_remarks',
        ),
        migrations.RemoveField(
            model_name='historicalreport',
            name='personnel_text',
        ),
        migrations.RemoveField(
            model_name='historicalreport',
            name='status',
        ),
        migrations.RemoveField(
            model_name='historicalreportitem',
            name='kind',
        ),
        migrations.RemoveField(
            model_name='historicalreportitem',
            name='report',
        ),
        migrations.RemoveField(
            model_name='report',
            name='lessons_intro',
        ),
        migrations.RemoveField(
            model_name='report',
            name='limitations_intro',
        ),
        migrations.RemoveField(
            model_name='report',
            name='personnel_closing',
        ),
        migrations.RemoveField(
            model_name='report',
            name='personnel_remarks',
        ),
        migrations.RemoveField(
            model_name='report',
            name='personnel_text',
        ),
        migrations.RemoveField(
            model_name='report',
            name='status',
        ),
        migrations.RemoveField(
            model_name='reportitem',
            name='kind',
        ),
        migrations.RemoveField(
            model_name='reportitem',
            name='report',
        ),
    ]
