"""The kinds of part a report is made of, and the kinds of report: each declared once.

A part kind says all that the rest of the code needs to know about it, the way a Wagtail
StreamField block does: its name and help, the heading words that recognise it in an imported
file, the fields its editing page shows, how its records compose into the `ReportDocument`, how
an imported section is saved into them, and the anchors its pieces carry for comments. Adding a
kind of part is one class here, registered in `PART_KINDS` (plus a template if its page needs
more than the generic one). A report kind sets the title, the subject line, whether the parts
are "Phần thứ nhất…" divisions, and the outline a new report starts from.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history

from unionreports.committee.models import Membership, Term
from unionreports.document import (
    NUMBERED,
    Paragraph,
    Section,
    inline_markup,
    paragraphs_of,
    parse_inline,
    prose_of,
)

from .models import AchievementArea, AchievementItem, Report, ReportItem, ReportSection, check_text_lengths
from .personnel import personnel_blocks


@dataclass
class Composing:
    """What every part kind composes from: the report, its committee, and the warnings so far."""

    report: Report
    memberships: list[Membership]
    warnings: list[str] = field(default_factory=list)


class PartKind:
    slug = ""
    label = ""
    help = ""
    # Words of a heading (lower case, without diacritics) that name this kind on import. Each kind
    # scores the length of the words a heading holds; the best score names it, e.g. "phương
    # hướng, nhiệm vụ" is prose, not areas; a tie between kinds of different structure names none.
    words: tuple[str, ...] = ()
    # The heading of a part of this kind that an imported file states without one.
    title = ""
    # The section's fields its editing page shows, with the labels they take for this kind.
    fields: dict[str, str] = {}
    # A group holds sections of its own; every other kind holds content.
    holds_sections = False
    # What it holds, as the importer finds it in a file's lines: "personnel", "group", "areas",
    # "list" or "prose". A kind declared on another's structure reads and saves like it.
    structure = ""
    # Extra content of its editing page, below the section's own form.
    template = ""

    def compose(self, section: ReportSection, composing: Composing) -> tuple[tuple[Paragraph, ...], tuple]:
        """The section's paragraphs and the sub-sections its records make (without numbers)."""
        return paragraphs_of(section.text), ()

    def save_imported(self, section: ReportSection, read: Section) -> None:
        """Fills the saved `section` with what an imported section holds."""
        section.text = prose_of(read.blocks)
        _full_save(section)


class GroupKind(PartKind):
    slug = structure = "group"
    label = _("Sections of its own")
    help = _("A heading that holds numbered sections, e.g. “ĐÁNH GIÁ CHUNG” with 1. Ưu điểm, 2. Hạn chế…")
    words = ("danh gia chung", "dac diem tinh hinh", "dac diem, tinh hinh", "phan thu")
    fields = {"title": _("Title"), "text": _("Introduction")}
    holds_sections = True
    template = "reports/_group.html"


class PersonnelKind(PartKind):
    slug = structure = "personnel"
    label = _("The committee's members (counted)")
    help = _(
        "Counted from the committee table: who was elected, who left and why, who joined, the composition "
        "at the end. Add your remarks; the figures are computed."
    )
    words = ("nhan su",)
    title = "VỀ NHÂN SỰ BAN CHẤP HÀNH"
    # Words (lower case, without diacritics) of a sentence that states the committee wherever it
    # stands: its election ("Đại hội bầu … gồm 09 đồng chí"), who left, by-elections, composition.
    statements = (
        "bau bo sung",
        "chi dinh bo sung",
        "chuyen cong tac",
        "nghi huu",
        "thoi tham gia",
        "pho chu tich",
    )
    fields = {
        "title": _("Title"),
        "remarks": _("Remarks on the committee"),
        "closing": _("Assessment of the committee"),
        "text": _("Part as written"),
    }

    def compose(self, section, composing):
        blocks = personnel_blocks(section, composing.report, composing.memberships, composing.warnings)
        return blocks, ()


class AreasKind(PartKind):
    slug = structure = "areas"
    label = _("Numbered areas")
    help = _("Areas numbered 1., 2. (and 1.1., 1.2. inside them), each holding paragraphs and bullet points.")
    words = ("ket qua", "chi dao, dieu hanh", "lanh dao, chi dao", "nhiem vu", "giai phap", "hoat dong")
    fields = {"title": _("Title"), "text": _("Introduction")}
    template = "reports/_areas.html"

    def compose(self, section, composing):
        areas = list(section.areas.all())
        tops = [area for area in areas if area.parent_id is None]
        children = {}
        for area in areas:
            children.setdefault(area.parent_id, []).append(area)
        sections = tuple(
            _area_section(top, tuple(_area_section(child, ()) for child in children.get(top.pk, [])))
            for top in tops
        )
        return paragraphs_of(section.text), sections

    def save_imported(self, section, read):
        section.text = prose_of(read.blocks)
        _full_save(section)
        items: list[AchievementItem] = []
        for position, area in enumerate(read.children):
            saved = _save_area(section, area, position, None, items)
            for child_position, child in enumerate(area.children):
                _save_area(section, child, child_position, saved, items)
        _bulk_save(AchievementItem, items, parent="area")


class ListKind(PartKind):
    slug = structure = "list"
    label = _("A list")
    help = _("An introduction, then items: bullet points, or numbered 1., 2., … (lessons, tasks).")
    words = (
        "han che",
        "khuyet diem",
        "ton tai",
        "nguyen nhan",
        "kinh nghiem",
        "bai hoc",
        "uu diem",
        "thuan loi",
        "kho khan",
        "muc tieu",
        "chi tieu",
    )
    fields = {"title": _("Title"), "text": _("Introduction"), "numbered": _("Numbered items")}

    def compose(self, section, composing):
        items = tuple(
            Paragraph(
                parse_inline(item.text),
                style="body" if section.numbered else "bullet",
                label=NUMBERED if section.numbered else "",
                anchor=f"{section.anchor}/item-{item.pk}",
            )
            for item in section.items.all()
        )
        return paragraphs_of(section.text) + items, ()

    def save_imported(self, section, read):
        first = next(
            (i for i, p in enumerate(read.blocks) if p.style == "bullet" or p.label), len(read.blocks)
        )
        section.text = prose_of(read.blocks[:first])
        section.numbered = any(p.label for p in read.blocks[first:])
        _full_save(section)
        items = [
            ReportItem(section=section, position=position, text=inline_markup(paragraph.content))
            for position, paragraph in enumerate(read.blocks[first:])
        ]
        _bulk_save(ReportItem, items, parent="section")


class ProseKind(PartKind):
    slug = structure = "prose"
    label = _("Prose")
    help = _("Paragraphs, one per line; a bullet point starts with “- ”.")
    words = ("phuong huong", "tinh hinh", "mo dau", "ket luan")
    fields = {"title": _("Title"), "text": _("Text")}


PART_KINDS: dict[str, PartKind] = {
    kind.slug: kind for kind in (PersonnelKind(), GroupKind(), AreasKind(), ListKind(), ProseKind())
}


def kinds_holding(structure: str) -> list[str]:
    """The slugs of the part kinds that hold `structure` ("areas", "group", …)."""
    return [kind.slug for kind in PART_KINDS.values() if kind.structure == structure]


def _area_section(area: AchievementArea, children: tuple) -> Section:
    blocks = [
        Paragraph(
            parse_inline(item.text),
            style="bullet" if item.kind == AchievementItem.Kind.BULLET else "body",
            anchor=f"{area.anchor}/item-{item.pk}",
        )
        for item in area.items.all()
    ]
    if not area.title and blocks:
        # No title: the number runs into the first paragraph, as in "1.3. Ban Chấp hành đã …".
        blocks[0] = Paragraph(blocks[0].content, style="runin", anchor=blocks[0].anchor)
    return Section("", area.title, 0, tuple(blocks), children, kind="area", anchor=area.anchor)


def _save_area(
    section: ReportSection, read: Section, position: int, parent, items: list[AchievementItem]
) -> AchievementArea:
    """Saves the area; its items are added to `items`, to be saved with the others at once."""
    area = _full_save(AchievementArea(section=section, parent=parent, position=position, title=read.title))
    for item_position, paragraph in enumerate(read.blocks):
        kind = AchievementItem.Kind.BULLET if paragraph.style == "bullet" else AchievementItem.Kind.PARAGRAPH
        text = inline_markup(paragraph.content)
        items.append(AchievementItem(area=area, position=item_position, kind=kind, text=text))
    return area


def _full_save(instance):
    instance.full_clean()
    check_text_lengths(instance)
    instance.save()
    return instance


def _bulk_save(model, instances: list, *, parent: str) -> None:
    """Saves rows of one kind in a few queries, with their history, after the checks of `_full_save`.

    Thousands of items are saved so within a worker's time. Their `parent` was saved just before,
    so the database is not asked for it again; nor for the not-empty constraints, which the
    text field's own check (blank=False) makes first.
    """
    for instance in instances:
        instance.full_clean(exclude=[parent], validate_constraints=False)
        check_text_lengths(instance)
    bulk_create_with_history(instances, model, batch_size=500)


# -- Report kinds ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Outline:
    """A part or section a new report starts with."""

    kind: str
    title: str
    children: tuple["Outline", ...] = ()
    numbered: bool = False


@dataclass(frozen=True)
class ReportKind:
    slug: str
    label: str
    # The subject line under "BÁO CÁO", from the union's name and the term.
    subject: Callable[[str, Term], str]
    outline: Callable[[Term], tuple[Outline, ...]]
    # Parts numbered "PHẦN THỨ NHẤT", "PHẦN THỨ HAI" above the Roman numbers.
    divisions: bool = False
    title: str = "BÁO CÁO"
    # How a report of this kind is named in lists, in Vietnamese like the document itself.
    name: str = ""


NBSP = "\u00a0"


def _keep_together(organization_name: str, term: Term) -> tuple[str, str]:
    """The union's name and the term label, wrapping but not inside "Tỉnh ủy" or "2017 – 2022".

    A union's name ends with a unit that reads as one ("Tỉnh ủy", "Hà Tĩnh"): its last two
    words and the term are joined by no-break spaces.
    """
    words = organization_name.split()
    name = " ".join([*words[:-2], NBSP.join(words[-2:])])
    return name, term.label.replace(" ", NBSP)


def _next_term(term: Term) -> str:
    length = term.end_year - term.start_year
    return f"nhiệm kỳ {term.end_year} – {term.end_year + length}"


def _self_assessment_subject(organization_name: str, term: Term) -> str:
    name, label = _keep_together(organization_name, term)
    return f"Kiểm điểm trách nhiệm của Ban Chấp hành {name} {label}"


def _summary_subject(organization_name: str, term: Term) -> str:
    name, label = _keep_together(organization_name, term)
    following = _next_term(term).replace(" ", NBSP)
    return f"Tổng kết hoạt động {name} {label} và phương hướng, nhiệm vụ {following}"


def _self_assessment_outline(term: Term) -> tuple[Outline, ...]:
    return (
        Outline("personnel", PersonnelKind.title),
        Outline("areas", "KẾT QUẢ CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        Outline(
            "group",
            "HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
            (
                Outline("list", "Hạn chế, khuyết điểm"),
                Outline("list", "Nguyên nhân của hạn chế, khuyết điểm"),
            ),
        ),
        Outline("list", "MỘT SỐ KINH NGHIỆM", numbered=True),
    )


def _summary_outline(term: Term) -> tuple[Outline, ...]:
    return (
        Outline(
            "group",
            f"KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI CÔNG ĐOÀN {term.label.upper()}",
            (
                Outline(
                    "group",
                    "ĐẶC ĐIỂM TÌNH HÌNH",
                    (Outline("list", "Thuận lợi"), Outline("list", "Khó khăn")),
                ),
                Outline("areas", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"),
                Outline(
                    "group",
                    "ĐÁNH GIÁ CHUNG",
                    (
                        Outline("list", "Ưu điểm"),
                        Outline("list", "Hạn chế, khuyết điểm"),
                        Outline("list", "Nguyên nhân"),
                        Outline("list", "Bài học kinh nghiệm", numbered=True),
                    ),
                ),
            ),
        ),
        Outline(
            "group",
            f"PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ {_next_term(term).upper()}",
            (
                Outline("prose", "PHƯƠNG HƯỚNG"),
                Outline("list", "MỤC TIÊU, CHỈ TIÊU"),
                Outline("areas", "NHIỆM VỤ VÀ GIẢI PHÁP"),
            ),
        ),
    )


REPORT_KINDS: dict[str, ReportKind] = {
    kind.slug: kind
    for kind in (
        ReportKind(
            "kiem_diem",
            _("Self-assessment of the committee (kiểm điểm)"),
            _self_assessment_subject,
            _self_assessment_outline,
            name="Báo cáo kiểm điểm BCH",
        ),
        ReportKind(
            "tong_ket",
            _("Term summary and direction (tổng kết)"),
            _summary_subject,
            _summary_outline,
            divisions=True,
            name="Báo cáo tổng kết",
        ),
    )
}


def outline_data(outline: tuple[Outline, ...]) -> list[dict]:
    """An outline as JSON data, to keep as a union's template."""
    return [
        {"kind": o.kind, "title": o.title, "numbered": o.numbered, "children": outline_data(o.children)}
        for o in outline
    ]


def outline_from_data(data: list[dict]) -> tuple[Outline, ...]:
    """The outline `outline_data` wrote; kinds no longer declared are read as prose."""
    return tuple(
        Outline(
            entry["kind"] if entry.get("kind") in PART_KINDS else "prose",
            str(entry.get("title", ""))[:300],
            outline_from_data(entry.get("children", [])),
            bool(entry.get("numbered")),
        )
        for entry in data
    )


def outline_of(report: Report) -> tuple[Outline, ...]:
    """A report's outline as it stands, to start another report (or a template) from."""
    sections = list(report.sections.all())

    def tree(parent_id) -> tuple[Outline, ...]:
        return tuple(
            Outline(s.kind, s.title, tree(s.pk), s.numbered) for s in sections if s.parent_id == parent_id
        )

    return tree(None)
