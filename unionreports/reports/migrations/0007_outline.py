"""Every report becomes the self-assessment outline, holding its content; comments keep their place.

Before, a report had fixed parts I–IV and comments named sections by their computed numbers
("II.1.", "III.2.#3"). Now the outline is rows (`ReportSection`) and comments name identities
("area-7", "section-12/item-88"): the old numbers are worked out once more, here, the way the
old compose did (an empty part took no number), and each is mapped to what it numbered.
"""

import django.db.models.deletion
import simple_history.models
import unionreports.fields
import unionreports.reports.models
from django.conf import settings
from django.db import migrations, models


PARTS = {
    "personnel": "VỀ NHÂN SỰ BAN CHẤP HÀNH",
    "achievements": "KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "limitations": "HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
    "lessons": "MỘT SỐ KINH NGHIỆM",
}
ROMAN = ["I", "II", "III", "IV"]


def to_outline(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    Section = apps.get_model("reports", "ReportSection")
    Area = apps.get_model("reports", "AchievementArea")
    Item = apps.get_model("reports", "ReportItem")
    Comment = apps.get_model("publishing", "Comment")
    Round = apps.get_model("publishing", "ReviewRound")
    for report in Report.objects.all():
        def add(position, kind, title, parent=None, **fields):
            return Section.objects.create(
                report=report, parent=parent, position=position, kind=kind, title=title, **fields
            )

        personnel = add(
            0,
            "personnel",
            PARTS["personnel"],
            text=report.personnel_text,
            remarks=report.personnel_remarks,
            closing=report.personnel_closing,
        )
        achievements = add(1, "areas", PARTS["achievements"])
        Area.objects.filter(report=report).update(section=achievements)
        group = add(2, "group", PARTS["limitations"])
        limitations = add(0, "list", "Hạn chế, khuyết điểm", group, text=report.limitations_intro)
        causes = add(1, "list", "Nguyên nhân của hạn chế, khuyết điểm", group)
        lessons = add(3, "list", PARTS["lessons"], text=report.lessons_intro, numbered=True)
        for kind, section in (("limitation", limitations), ("cause", causes), ("lesson", lessons)):
            Item.objects.filter(report=report, kind=kind).update(section=section)

        # The old numbers: parts I–IV as printed (empty ones skipped), and what each named.
        targets = {}  # old anchor -> (new anchor, [(item anchor, text)] in the order of the old lines)

        def lines(text):
            return [(None, line.strip()) for line in text.splitlines() if line.strip()]

        def listed(section, intro):
            items = Item.objects.filter(section=section).order_by("position", "id")
            return lines(intro) + [(f"section-{section.pk}/item-{i.pk}", i.text) for i in items]

        tops = list(Area.objects.filter(section=achievements, parent=None).order_by("position", "id"))
        limitation_lines = listed(limitations, report.limitations_intro)
        cause_lines = listed(causes, "")
        lesson_lines = listed(lessons, report.lessons_intro)
        parts = [("personnel", [])]
        if tops:
            parts.append(("achievements", []))
        if limitation_lines or cause_lines:
            parts.append(("limitations", []))
        if len(lesson_lines) > len(lines(report.lessons_intro)):
            parts.append(("lessons", []))
        for roman, (part, _unused) in zip(ROMAN, parts):
            number = f"{roman}."
            if part == "personnel":
                targets[number] = (f"section-{personnel.pk}", [])
            elif part == "achievements":
                targets[number] = (f"section-{achievements.pk}", [])
                for i, top in enumerate(tops, start=1):
                    areas = [(f"{number}{i}.", top)] + [
                        (f"{number}{i}.{j}.", child)
                        for j, child in enumerate(
                            Area.objects.filter(parent=top).order_by("position", "id"), start=1
                        )
                    ]
                    for old, area in areas:
                        items = apps.get_model("reports", "AchievementItem").objects.filter(area=area)
                        targets[old] = (
                            f"area-{area.pk}",
                            [(f"area-{area.pk}/item-{x.pk}", x.text) for x in items.order_by("position", "id")],
                        )
            elif part == "limitations":
                targets[number] = (f"section-{group.pk}", [])
                children = []
                if limitation_lines:
                    children.append((limitations, limitation_lines))
                if cause_lines:
                    children.append((causes, cause_lines))
                for k, (section, section_lines) in enumerate(children, start=1):
                    targets[f"{number}{k}."] = (f"section-{section.pk}", section_lines)
            else:
                targets[number] = (f"section-{lessons.pk}", lesson_lines)

        for comment in Comment.objects.filter(report=report):
            old, _hash, item = comment.anchor.partition("#")
            if old not in targets:
                continue
            anchor, items = targets[old]
            if item.isdigit() and 1 <= int(item) <= len(items):
                item_anchor, comment.quote = items[int(item) - 1]
                anchor = item_anchor or anchor
            comment.anchor = anchor
            comment.save(update_fields=["anchor", "quote"])
        for review_round in Round.objects.filter(report=report):
            review_round.snapshot = {
                targets[key][0] if key in targets else key: text for key, text in review_round.snapshot.items()
            }
            review_round.save(update_fields=["snapshot"])


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0006_import_fields'),
        ('publishing', '0003_approval_by_digest'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalreport',
            name='kind',
            field=models.CharField(choices=unionreports.reports.models.report_kind_choices, default='kiem_diem', help_text='Sets the title, the subject line and how the parts are numbered.', max_length=30, verbose_name='kind of report'),
        ),
        migrations.AddField(
            model_name='report',
            name='kind',
            field=models.CharField(choices=unionreports.reports.models.report_kind_choices, default='kiem_diem', help_text='Sets the title, the subject line and how the parts are numbered.', max_length=30, verbose_name='kind of report'),
        ),
        migrations.CreateModel(
            name='ReportSection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('kind', models.CharField(choices=unionreports.reports.models.part_kind_choices, max_length=20, verbose_name='kind')),
                ('title', unionreports.fields.NFCCharField(blank=True, max_length=300, verbose_name='title')),
                ('text', unionreports.fields.NFCTextField(blank=True, help_text='One paragraph per line; a bullet point starts with “- ”; a footnote is written ^[like this].', max_length=12000, verbose_name='text')),
                ('remarks', unionreports.fields.NFCTextField(blank=True, max_length=12000, verbose_name='remarks')),
                ('closing', unionreports.fields.NFCTextField(blank=True, max_length=12000, verbose_name='closing paragraphs')),
                ('numbered', models.BooleanField(default=False, help_text='Items numbered 1., 2., … instead of bullet points.', verbose_name='numbered items')),
                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='children', to='reports.reportsection', verbose_name='inside')),
                ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sections', to='reports.report', verbose_name='report')),
            ],
            options={
                'verbose_name': 'part or section',
                'verbose_name_plural': 'parts and sections',
                'ordering': ['position', 'id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalReportSection',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('kind', models.CharField(choices=unionreports.reports.models.part_kind_choices, max_length=20, verbose_name='kind')),
                ('title', unionreports.fields.NFCCharField(blank=True, max_length=300, verbose_name='title')),
                ('text', unionreports.fields.NFCTextField(blank=True, help_text='One paragraph per line; a bullet point starts with “- ”; a footnote is written ^[like this].', max_length=12000, verbose_name='text')),
                ('remarks', unionreports.fields.NFCTextField(blank=True, max_length=12000, verbose_name='remarks')),
                ('closing', unionreports.fields.NFCTextField(blank=True, max_length=12000, verbose_name='closing paragraphs')),
                ('numbered', models.BooleanField(default=False, help_text='Items numbered 1., 2., … instead of bullet points.', verbose_name='numbered items')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('report', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.report', verbose_name='report')),
                ('parent', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.reportsection', verbose_name='inside')),
            ],
            options={
                'verbose_name': 'historical part or section',
                'verbose_name_plural': 'historical parts and sections',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name='achievementarea',
            name='section',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='areas', to='reports.reportsection', verbose_name='section'),
        ),
        migrations.AddField(
            model_name='historicalachievementarea',
            name='section',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.reportsection', verbose_name='section'),
        ),
        migrations.AddField(
            model_name='historicalreportitem',
            name='section',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.reportsection', verbose_name='section'),
        ),
        migrations.AddField(
            model_name='reportitem',
            name='section',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='items', to='reports.reportsection', verbose_name='section'),
        ),
        migrations.AddConstraint(
            model_name='reportsection',
            constraint=models.CheckConstraint(condition=models.Q(('parent', models.F('id')), _negated=True), name='reports_reportsection_not_own_parent'),
        ),
        migrations.RunPython(to_outline, migrations.RunPython.noop),
    ]
