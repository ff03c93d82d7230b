"""Reports written before the outline was data keep their content, their comments and their history."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("reports", "0006_import_fields"), ("publishing", "0002_reviewround_comment_verdict_and_more")]


def migrate(targets=None):
    """Migrates to `targets`, or to the newest migrations of every app (the database tests expect)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_report_of_the_fixed_outline_becomes_rows_with_its_comments_in_place():
    old = migrate(BEFORE)
    Organization = old.get_model("committee", "Organization")
    Term = old.get_model("committee", "Term")
    Report = old.get_model("reports", "Report")
    Area = old.get_model("reports", "AchievementArea")
    Achievement = old.get_model("reports", "AchievementItem")
    Item = old.get_model("reports", "ReportItem")
    Comment = old.get_model("publishing", "Comment")
    Round = old.get_model("publishing", "ReviewRound")
    User = old.get_model("auth", "User")

    union = Organization.objects.create(name="Công đoàn Sở Y tế", parent_name="Công đoàn Viên chức tỉnh")
    term = Term.objects.create(
        organization=union,
        start_year=2017,
        end_year=2022,
        congress_date=datetime.date(2017, 6, 1),
        committee_size=7,
    )
    report = Report.objects.create(
        term=term,
        number=3,
        date=datetime.date(2023, 3, 5),
        personnel_remarks="Nhận xét.",
        limitations_intro="Dẫn nhập hạn chế.",
        lessons_intro="Dẫn nhập bài học.",
    )
    area = Area.objects.create(report=report, title="Công tác tổ chức", position=0)
    sub = Area.objects.create(report=report, parent=area, title="Tổ công đoàn", position=0)
    Achievement.objects.create(area=sub, kind="bullet", text="Kiện toàn 5 tổ.", position=0)
    Achievement.objects.create(area=sub, kind="bullet", text="Họp định kỳ.", position=1)
    limitation = Item.objects.create(report=report, kind="limitation", text="Hạn chế một.", position=0)
    Item.objects.create(report=report, kind="limitation", text="Hạn chế hai.", position=1)
    lesson = Item.objects.create(report=report, kind="lesson", text="Bài học một.", position=0)
    user = User.objects.create(username="uv")
    review_round = Round.objects.create(report=report, number=1, snapshot={"II.1.1.": "- Kiện toàn 5 tổ."})
    for anchor in ("II.1.1.#2", "III.1.#2", "IV.#2", "I.", "opening"):
        Comment.objects.create(report=report, round=review_round, anchor=anchor, author=user, text=anchor)

    new = migrate()
    Section = new.get_model("reports", "ReportSection")
    sections = {s.title: s for s in Section.objects.filter(report_id=report.pk)}
    assert [
        s.kind for s in Section.objects.filter(report_id=report.pk, parent=None).order_by("position")
    ] == [
        "personnel",
        "areas",
        "group",
        "list",
    ]
    personnel = sections["VỀ NHÂN SỰ BAN CHẤP HÀNH"]
    limitations = sections["Hạn chế, khuyết điểm"]
    lessons = sections["MỘT SỐ KINH NGHIỆM"]
    assert personnel.remarks == "Nhận xét." and limitations.text == "Dẫn nhập hạn chế."
    assert lessons.numbered and lessons.text == "Dẫn nhập bài học."
    assert (
        new.get_model("reports", "AchievementArea").objects.get(pk=area.pk).section_id
        == sections["KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"].pk
    )
    assert new.get_model("reports", "ReportItem").objects.get(pk=limitation.pk).section_id == limitations.pk

    comments = {c.text: c for c in new.get_model("publishing", "Comment").objects.all()}
    second = new.get_model("reports", "AchievementItem").objects.get(text="Họp định kỳ.")
    assert comments["II.1.1.#2"].anchor == f"area-{sub.pk}/item-{second.pk}"
    # The limitations' second line follows their one-line introduction: it is their first item.
    assert comments["III.1.#2"].anchor == f"section-{limitations.pk}/item-{limitation.pk}"
    assert comments["IV.#2"].anchor == f"section-{lessons.pk}/item-{lesson.pk}"
    assert comments["IV.#2"].quote == "Bài học một."
    assert comments["I."].anchor == f"section-{personnel.pk}"
    assert comments["opening"].anchor == "opening"
    snapshot = new.get_model("publishing", "ReviewRound").objects.get().snapshot
    assert snapshot == {f"area-{sub.pk}": "- Kiện toàn 5 tổ."}
