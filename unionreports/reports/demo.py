"""The demonstration report: the 2017–2022 report of Công đoàn Ban Tổ chức Tỉnh ủy.

The prose is the real report's (obvious typing slips such as words run together are
corrected). The two people its footnote names are real; everyone else on the committee
has a placeholder name and is marked as a sample.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from unionreports.accounts.models import Affiliation, Profile
from unionreports.committee.models import Membership, Organization, Person, Term

from .kinds import REPORT_KINDS
from .models import AchievementArea, AchievementItem, Report, ReportItem
from .services import outline_create

DEMO_USERNAME = "thuky"
DEMO_PASSWORD = "thuky-demo-2023"
DEMO_FULL_NAME = "Nguyễn Thị Thu Hà"

OPENING = (
    "Trên cơ sở kết quả hoạt động của Công đoàn Ban nhiệm kỳ 2017 – 2022, Ban Chấp hành Công đoàn Ban Tổ chức "
    "Tỉnh ủy nhiệm kỳ 2017 – 2022 báo cáo kiểm điểm trách nhiệm chỉ đạo, điều hành việc triển khai thực hiện "
    "Nghị quyết của Đại hội Công đoàn trong nhiệm kỳ 2017 – 2022 như sau:"
)
PERSONNEL_REMARKS = "Việc bổ sung Ủy viên Ban Chấp hành mới bảo đảm cơ cấu phân bổ từ đầu nhiệm kỳ."
PERSONNEL_CLOSING = (
    "Trong nhiệm kỳ qua, mặc dù có sự biến động nhân sự Ban Chấp hành và tình hình dịch bệnh diễn biến phức "
    "tạp, nhưng tập thể Ban Chấp hành Công đoàn Ban Tổ chức Tỉnh ủy đã đoàn kết, cố gắng, nỗ lực phấn đấu hoàn "
    "thành tốt nhiệm vụ, thực hiện đúng Nghị quyết của Đại hội Công đoàn đề ra, đặc biệt là triển khai thực "
    "hiện các chỉ tiêu Nghị quyết đã đề ra trong nhiệm kỳ, hoàn thành xuất sắc nhiệm vụ công đoàn, xây dựng tổ "
    "chức Công đoàn cơ quan ngày càng vững mạnh."
)
AREA_TITLE = "Trách nhiệm của Ban Chấp hành"
AREA_INTRO = (
    "Thực hiện nhiệm vụ do Đại hội Công đoàn giao, trong nhiệm kỳ 2017 – 2022, Ban Chấp hành Công đoàn cơ quan "
    "đã điều hành, chỉ đạo thực hiện hoàn thành cơ bản các nhiệm vụ, chỉ tiêu Nghị quyết Đại hội Công đoàn Ban "
    "Tổ chức Tỉnh ủy nhiệm kỳ 2017 – 2022 đã đề ra (kết quả cụ thể trong Báo cáo hoạt động Công đoàn nhiệm kỳ "
    "2017 – 2022 đã trình trước Đại hội), thể hiện một số công việc như sau:"
)
SUB1_TITLE = "Về công tác chỉ đạo và điều hành thực hiện Nghị quyết Đại hội Công đoàn"
SUB1 = [
    "Ban Chấp hành Công đoàn đã quán triệt, vận dụng các chủ trương, đường lối, chỉ thị, nghị quyết của Đảng, "
    "pháp luật của Nhà nước, Nghị quyết đại hội Công đoàn cấp trên, Nghị quyết Đại hội Đảng bộ cơ quan Ban Tổ "
    "chức Tỉnh ủy nhiệm kỳ 2020 – 2025 vào việc xây dựng kế hoạch, chương trình công tác nhằm chỉ đạo hoàn "
    "thành các chỉ tiêu, nhiệm vụ mà Nghị quyết Đại hội Công đoàn cơ quan đã đề ra.",
    "Trong quá trình tổ chức chỉ đạo thực hiện, Ban Chấp hành luôn bám sát phương châm “Lấy cán bộ, công chức "
    "làm đối tượng vận động, lấy chăm lo bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, xây dựng "
    "quan hệ lao động hài hòa, ổn định, tiến bộ”. Coi trọng các giải pháp nâng cao chất lượng và hiệu quả hoạt "
    "động của các tổ công đoàn.",
    "Hàng năm tổ chức sơ kết, tổng kết hoạt động công đoàn theo đúng quy định, bảo đảm chế độ thông tin báo cáo "
    "và thực hiện tốt các tiêu chuẩn xây dựng công đoàn cơ sở vững mạnh.",
]
SUB2_TITLE = (
    "Về trách nhiệm thực hiện quy chế Ban Chấp hành và quy chế phối hợp công tác với lãnh đạo cơ quan"
)
SUB2_INTRO = (
    "Ngay từ đầu nhiệm kỳ, Ban Chấp hành đã xây dựng và thực hiện quy chế hoạt động của Ban Chấp hành; tham gia "
    "thực hiện quy chế phối hợp công tác với thủ trưởng cơ quan chuyên môn."
)
SUB2 = [
    "Hoạt động của Ban Chấp hành được tiến hành theo quy định trong quy chế hoạt động. Các kỳ sinh hoạt của Ban "
    "Chấp hành được triệu tập đúng định kỳ, số lượng ủy viên Ban Chấp hành tham gia sinh hoạt mỗi kỳ đều đảm "
    "bảo trên 95% số ủy viên. Trong các kỳ hội nghị, Ban Chấp hành đều tuân thủ nguyên tắc tập trung dân chủ, "
    "thẳng thắn và trách nhiệm cao; khi có những ý kiến khác nhau, các Ủy viên Ban Chấp hành đã thể hiện tính "
    "trung thực, tranh luận để đi đến thống nhất trong Ban Chấp hành.",
    "Ban Chấp hành Công đoàn luôn chủ động và tích cực thực hiện quy chế phối hợp công tác hoạt động giữa công "
    "đoàn với thủ trưởng cơ quan chuyên môn. Hai bên đã tổ chức các cuộc họp để đánh giá kết quả việc thực hiện "
    "những nội dung đề ra trong quy chế, trao đổi những khó khăn, vướng mắc trong thực tiễn để có biện pháp "
    "phối hợp tốt hơn, nhất là công tác chỉ đạo thực hiện quy chế dân chủ tại cơ quan, đơn vị; các giải pháp "
    "nhằm thực hiện pháp luật về lao động có liên quan đến quyền và lợi ích hợp pháp, chính đáng của cán bộ, "
    "công chức.",
    "Ban Chấp hành đã phối hợp với chuyên môn chăm lo, bảo vệ quyền và lợi ích hợp pháp chính đáng của đoàn "
    "viên như: Tham gia xét nâng lương định kỳ, nâng lương trước thời hạn, chế độ nghỉ phép…đảm bảo chế độ cho "
    "cán bộ đoàn viên. Tổ chức thăm hỏi, động viên những đoàn viên ốm đau, hoạn nạn, hiếu hỉ về tinh thần cũng "
    "như vật chất theo chế độ quy định.",
    "Triển khai kịp thời các hoạt động của công đoàn nhân các ngày lễ hàng năm: Văn nghệ, thể dục thể thao, "
    "các hoạt động đền ơn đáp nghĩa; tổ chức các hoạt động tham quan, giao lưu, gặp mặt gia đình cán bộ, công "
    "chức cơ quan",
]
SUB3 = (
    "Ban Chấp hành đã chỉ đạo Ủy ban Kiểm tra thực hiện tốt chức năng, nhiệm vụ theo quy định của Điều lệ Công "
    "đoàn Việt Nam; hàng năm đều xây dựng và thực hiện chương trình, kế hoạch công tác kiểm tra đồng cấp. Hiệu "
    "quả công tác kiểm tra đã góp phần quan trọng trong việc thực hiện Điều lệ Công đoàn, thúc đẩy việc thực "
    "hiện tốt Nghị quyết Đại hội công đoàn; kịp thời khắc phục sai sót trong việc quản lý và sử dụng tài sản, "
    "tài chính công đoàn; giải quyết kịp thời các đơn thư khiếu nại, tố cáo của đoàn viên công đoàn."
)
LIMITATIONS_INTRO = (
    "Trong nhiệm kỳ qua, bên cạnh những kết quả đạt được, công tác chỉ đạo, điều hành của Ban Chấp hành vẫn còn "
    "những hạn chế tồn tại, thể hiện trên một số mặt sau:"
)
LIMITATIONS = [
    "Một số ủy viên chưa tham gia đầy đủ các hội nghị định kỳ của Ban Chấp hành. Một số ủy viên ít tham gia "
    "đóng góp ý kiến, do đó chưa phát huy tốt trí tuệ của tập thể Ban Chấp hành vào công tác chỉ đạo phong trào "
    "thi đua và hoạt động công đoàn.",
    "Thời gian dành cho hoạt động Công đoàn của Ban Chấp hành còn hạn chế.",
    "Ban Chấp hành chưa sáng tạo trong công tác lãnh đạo, chỉ đạo; trong hoạt động còn thiếu sự\xa0đều tay; vai "
    "trò của tổ chức công đoàn trong thực hiện các nhiệm vụ chính trị của cơ quan có thời điểm chưa rõ nét.",
    "Công tác xây dựng hồ sơ quản lý và tổ chức sinh hoạt theo định kỳ vẫn chưa đáp ứng yêu cầu đặt ra, thông "
    "tin đến các tổ công đoàn đôi lúc chưa kịp thời.",
]
CAUSES = [
    "Trước hết do kinh nghiệm công tác công đoàn của một số Ủy viên Ban Chấp hành Công đoàn chưa tương xứng với "
    "yêu cầu nhiệm vụ mới của cơ quan, một số cán bộ công đoàn chưa thể hiện hết trách nhiệm của mình trước tập "
    "thể",
    "Đội ngũ Ủy viên Ban Chấp hành là kiêm nhiệm, trong khi khối lượng công việc chuyên môn lớn, yêu cầu cao "
    "nên chưa đầu tư đủ thời gian và trí tuệ cho công tác công đoàn. Mặt khác, cán bộ công đoàn luôn thay đổi "
    "sau mỗi nhiệm kỳ Đại hội nên hạn chế về nghiệp vụ, phương pháp hoạt động công đoàn",
    "Tình hình đại dịch viêm đường hô hấp cấp (Covid-19) diễn biến phức tạp đã ít nhiều ảnh hưởng đến việc "
    "triển khai thực hiện các nhiệm vụ.",
    "Chưa có chính sách thích hợp đối với cán bộ công đoàn làm cho cán bộ công đoàn thiếu phấn khởi chưa thiết "
    "tha với công tác công đoàn.",
]
LESSONS_INTRO = (
    "Từ kết quả đạt được và ưu điểm, hạn chế trong công tác chỉ đạo, điều hành trong nhiệm kỳ qua, Ban Chấp "
    "hành Công đoàn rút ra một số kinh nghiệm như sau:"
)
LESSONS = [
    "Phải nghiêm túc thực hiện tốt quy chế làm việc của Ban Chấp hành; trong các hội nghị định kỳ cần tổ chức "
    "đánh giá, kiểm điểm trách nhiệm thực hiện quy chế của Ban Chấp hành. Trong quá trình tổ chức thực hiện cần "
    "quan tâm công tác kiểm tra, đôn đốc đối với các ủy viên trong việc phân công thực hiện nghị quyết của Ban "
    "Chấp hành.",
    "Để nâng cao chất lượng, hiệu quả hoạt động của Ban Chấp hành, mỗi ủy viên cần phải tích cực, chủ động "
    "nghiên cứu tham gia xây dựng các dự thảo chương trình, kế hoạch, đề xuất các giải pháp để thực hiện tốt "
    "các chương trình, kế hoạch của Ban Chấp hành.",
    "Việc xây dựng Kế hoạch hoạt động của Ban Chấp hành phải xuất phát từ chủ trương, nghị quyết của Đảng, pháp "
    "luật của Nhà nước, phù hợp với tâm tư, nguyện vọng chính đáng của đoàn viên. Quá trình tổ chức thực hiện "
    "tại các tổ công đoàn phải bám sát mục tiêu việc làm, đời sống và quyền dân chủ của cán bộ, công chức; lựa "
    "chọn những vấn đề bức xúc phát sinh trong thực tế để đề ra những giải pháp thực hiện.",
    "Thực tiễn cho thấy, chất lượng và hiệu quả công tác điều hành, chỉ đạo phụ thuộc chủ yếu vào đội ngũ cán "
    "bộ công đoàn. Do đó cần tiếp tục thực hiện tốt công tác bồi dưỡng nhằm nâng cao chất lượng đội ngũ cán bộ "
    "công đoàn.",
]
CLOSING = [
    "Ban Chấp hành Công đoàn nhiệm kỳ 2017 – 2022 đã nỗ lực chỉ đạo, điều hành phong trào thi đua và hoạt động "
    "công đoàn đúng hướng, hoàn thành cơ bản các nhiệm vụ, chỉ tiêu do Đại hội đề ra. Tuy nhiên, trong công tác "
    "chỉ đạo, điều hành của Ban Chấp hành vẫn còn những hạn chế, khuyết điểm, chưa đạt được một số chỉ tiêu do "
    "Đại hội đề ra. Với tinh thần trách nhiệm được giao trước tập thể cán bộ, đoàn viên, Ban Chấp hành nghiêm "
    "túc kiểm điểm, rút ra một số kinh nghiệm để đại hội cho ý kiến và giúp cho Ban Chấp hành Công đoàn nhiệm "
    "kỳ 2023 – 2028 nghiên cứu nhằm chỉ đạo, điều hành thực hiện tốt Nghị quyết Đại hội công đoàn nhiệm kỳ 2023 "
    "– 2028.",
    "Ban Chấp hành nhiệm kỳ 2017 – 2022 xin chân thành cảm ơn sự quan tâm và lãnh đạo, chỉ đạo của Đảng ủy cơ "
    "quan; sự phối hợp hỗ trợ của lãnh đạo Ban, sự ủng hộ tích cực của cán bộ, đoàn viên công đoàn đã tạo điều "
    "kiện cho Ban Chấp hành công đoàn thực hiện thắng lợi Nghị quyết Đại hội nhiệm kỳ 2017 – 2022 và mong rằng "
    "trong nhiệm kỳ tới sẽ tiếp tục nhận được quan tâm và lãnh đạo, chỉ đạo của Đảng ủy; sự phối hợp hỗ trợ của "
    "lãnh đạo Ban, sự ủng hộ tích cực của cán bộ, đoàn viên công đoàn để hoạt động Công đoàn đi vào thực chất "
    "và đạt kết quả cao trong việc thực hiện Nghị quyết Đại hội Công đoàn nhiệm kỳ 2023 – 2028.",
]
RECIPIENTS = "Công đoàn Viên chức tỉnh\nĐảng ủy cơ quan Ban Tổ chức Tỉnh ủy\nĐại biểu dự Đại hội"

CONGRESS = datetime.date(2017, 6, 15)
BY_ELECTION = datetime.date(2021, 6, 10)
# (name, role, joined by, joined on, left on, reason, destination, is a sample name)
COMMITTEE = [
    ("Nguyễn Văn A", "chair", "elected", CONGRESS, None, "", "", True),
    ("Trương Thiết Hùng", "vice_chair", "elected", CONGRESS, datetime.date(2020, 10, 1), "transfer",
     "cơ quan Ủy ban MTTQ tỉnh và được bầu giữ chức Phó Chủ tịch", False),
    ("Trần Xuân Học", "member", "elected", CONGRESS, datetime.date(2021, 3, 15), "transfer",
     "Sở NN&PTNT và được bổ nhiệm giữ chức Phó Giám đốc Sở", False),
    ("Trần Thị B", "member", "elected", CONGRESS, None, "", "", True),
    ("Lê Văn C", "member", "elected", CONGRESS, None, "", "", True),
    ("Phạm Thị D", "member", "elected", CONGRESS, None, "", "", True),
    ("Hoàng Văn E", "member", "elected", CONGRESS, None, "", "", True),
    ("Võ Văn G", "vice_chair", "by_election", BY_ELECTION, None, "", "", True),
    ("Đặng Thị H", "member", "by_election", BY_ELECTION, None, "", "", True),
]  # fmt: skip


@transaction.atomic
def load_demo() -> Report:
    """Creates the demo union, term, committee and report; returns the existing ones if present."""
    organization, _created = Organization.objects.get_or_create(
        name="Công đoàn Ban Tổ chức Tỉnh ủy",
        defaults={"parent_name": "Công đoàn Viên chức tỉnh Hà Tĩnh", "place_name": "Hà Tĩnh"},
    )
    _demo_user(organization)
    term, _ = Term.objects.get_or_create(
        organization=organization,
        start_year=2017,
        defaults={"end_year": 2022, "congress_date": CONGRESS, "committee_size": 7},
    )
    report = term.reports.filter(kind="kiem_diem").order_by("id").first()
    if report is not None:
        return report
    for position, (name, role, how, joined, left, reason, destination, sample) in enumerate(COMMITTEE):
        person = Person.objects.create(
            organization=organization, full_name=name, union_trained=True, is_sample=sample
        )
        membership = Membership(
            term=term, person=person, role=role, joined_how=how, joined_on=joined, left_on=left,
            left_reason=reason, left_destination=destination, position=position,
        )  # fmt: skip
        membership.full_clean()
        membership.save()
    report = Report.objects.create(
        term=term,
        number=3,
        date=datetime.date(2023, 3, 5),
        opening=OPENING,
        closing="\n".join(CLOSING),
        recipients=RECIPIENTS,
    )
    outline_create(report=report, outline=REPORT_KINDS["kiem_diem"].outline(term))
    personnel, achievements, _group, limitations, causes, lessons = report.sections.order_by("id")
    personnel.remarks, personnel.closing = PERSONNEL_REMARKS, PERSONNEL_CLOSING
    personnel.save()
    limitations.text = LIMITATIONS_INTRO
    limitations.save()
    lessons.text = LESSONS_INTRO
    lessons.save()
    area = AchievementArea.objects.create(section=achievements, position=1, title=AREA_TITLE)
    AchievementItem.objects.create(area=area, position=1, kind="paragraph", text=AREA_INTRO)
    sub_areas = [
        (SUB1_TITLE, [], SUB1),
        (SUB2_TITLE, [SUB2_INTRO], SUB2),
        ("", [SUB3], []),
    ]
    for position, (title, paragraphs, bullets) in enumerate(sub_areas, start=1):
        sub = AchievementArea.objects.create(
            section=achievements, parent=area, position=position, title=title
        )
        items = [("paragraph", text) for text in paragraphs] + [("bullet", text) for text in bullets]
        entries = [AchievementItem(area=sub, position=i, kind=k, text=t) for i, (k, t) in enumerate(items)]
        bulk_create_with_history(entries, AchievementItem)
    for section, texts in ((limitations, LIMITATIONS), (causes, CAUSES), (lessons, LESSONS)):
        listed = [ReportItem(section=section, position=i, text=text) for i, text in enumerate(texts)]
        bulk_create_with_history(listed, ReportItem)
    _summary_report(term)
    return report


# The term summary report of the same congress: a few parts filled with text marked as a sample,
# so that a new user sees the second kind of report and its "Phần thứ nhất / Phần thứ hai".
SAMPLE = "(Nội dung mẫu)"
SUMMARY = {
    "Thuận lợi": [
        f"{SAMPLE} Được sự quan tâm, lãnh đạo của Đảng ủy cơ quan và sự chỉ đạo của Công đoàn cấp trên.",
        f"{SAMPLE} Đoàn viên công đoàn đoàn kết, có trình độ chuyên môn vững vàng.",
    ],
    "Khó khăn": [f"{SAMPLE} Dịch bệnh Covid-19 diễn biến phức tạp trong các năm 2020 – 2021."],
    "Ưu điểm": [f"{SAMPLE} Hoàn thành các chỉ tiêu Nghị quyết Đại hội Công đoàn đề ra."],
    "MỤC TIÊU, CHỈ TIÊU": [
        f"{SAMPLE} 100% đoàn viên được phổ biến, quán triệt các chủ trương, chính sách của Đảng.",
        f"{SAMPLE} Hằng năm, Công đoàn cơ sở đạt tiêu chuẩn vững mạnh.",
    ],
}
SUMMARY_PROSE = {
    "PHƯƠNG HƯỚNG": f"{SAMPLE} Tiếp tục đổi mới nội dung, phương thức hoạt động, hướng về cơ sở, lấy đoàn viên làm "
    "trung tâm; xây dựng tổ chức Công đoàn cơ quan vững mạnh.",
}
SUMMARY_AREAS = [
    (
        "Công tác tuyên truyền, giáo dục",
        f"{SAMPLE} Ban Chấp hành đã tổ chức quán triệt các nghị quyết của Đảng và của Công đoàn cấp trên đến "
        "100% đoàn viên.",
    ),
    (
        "Công tác chăm lo đời sống đoàn viên",
        f"{SAMPLE} Phối hợp với lãnh đạo cơ quan thăm hỏi, động viên đoàn viên ốm đau, gia đình có việc hiếu.",
    ),
]


def _summary_report(term: Term) -> Report:
    report = Report.objects.create(
        term=term,
        kind="tong_ket",
        number=4,
        date=datetime.date(2023, 3, 5),
        opening=f"{SAMPLE} Ban Chấp hành Công đoàn Ban Tổ chức Tỉnh ủy báo cáo tổng kết hoạt động nhiệm kỳ "
        "2017 – 2022 và phương hướng, nhiệm vụ nhiệm kỳ 2022 – 2027 như sau:",
        recipients=RECIPIENTS,
    )
    outline_create(report=report, outline=REPORT_KINDS["tong_ket"].outline(term))
    for section in report.sections.all():
        for position, text in enumerate(SUMMARY.get(section.title, [])):
            ReportItem.objects.create(section=section, position=position, text=text)
        if section.title in SUMMARY_PROSE:
            section.text = SUMMARY_PROSE[section.title]
            section.save()
        if section.kind == "areas" and section.title.startswith("KẾT QUẢ"):
            for position, (title, text) in enumerate(SUMMARY_AREAS):
                area = AchievementArea.objects.create(section=section, position=position, title=title)
                AchievementItem.objects.create(area=area, position=0, kind="paragraph", text=text)
    return report


def _demo_user(organization: Organization) -> None:
    user, created = get_user_model().objects.get_or_create(username=DEMO_USERNAME)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Profile.objects.update_or_create(user=user, defaults={"full_name": DEMO_FULL_NAME})
    Affiliation.objects.get_or_create(
        user=user, organization=organization, defaults={"role": Affiliation.Role.SECRETARY}
    )
