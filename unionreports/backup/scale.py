"""Many unions at once, for measuring the pages at the size of a province or of the country.

The demo union is filled out to a union of full size (a committee with departures and
by-elections, two reports of 30–80 items, a review round with answers and comments, a published
version, accounts), then copied as a union's archive is restored: the same tables
(`tables.TABLES`), new ids for every row, references and comment anchors rewritten. Copies are
written many at a time with `bulk_create`: no `save()`, no per-row signal.

What copies do not repeat: the frozen bytes. Each copy's published PDF is one small shared
placeholder PDF (with its own SHA-256), its published HTML a short placeholder, and its record of
the review an empty Word file; rendering 20,000 PDFs would take hours and store gigabytes.
"""

import hashlib
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.admin import site as admin_site
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from unionreports.accounts.models import Affiliation, Invitation, Profile
from unionreports.committee.models import Membership, Organization, Person
from unionreports.notices.models import Notice
from unionreports.publishing import review
from unionreports.publishing.demo import publish_demo
from unionreports.publishing.models import PublicLink
from unionreports.publishing.models import new_token as new_link_token
from unionreports.rendering.pdf import write_pdf
from unionreports.reports.demo import load_demo
from unionreports.reports.models import AchievementArea, AchievementItem, Report, ReportItem

from .services import _build, _is_user, _new_ids, _referenced
from .tables import FILES, TABLES

PROVINCES = ["Hà Tĩnh", "Nghệ An", "Thanh Hóa", "Quảng Bình", "Hà Nội", "Đà Nẵng", "Cần Thơ", "Huế"]
WORKPLACES = [
    "Trường Tiểu học", "Trường THCS", "Bệnh viện Đa khoa", "Sở Tài chính", "Công ty Cổ phần May",
    "Ủy ban nhân dân xã", "Chi cục Thuế", "Trung tâm Y tế", "Kho bạc Nhà nước", "Công ty Điện lực",
]  # fmt: skip
ACTIVITIES = [
    "Tổ chức hội thi cán bộ, công chức giỏi nhân dịp kỷ niệm ngày thành lập Công đoàn Việt Nam năm {year}.",
    "Phối hợp với chuyên môn tổ chức hội nghị cán bộ, công chức năm {year} đúng quy định.",
    "Vận động đoàn viên ủng hộ Quỹ Mái ấm công đoàn và Quỹ vì người nghèo năm {year}.",
    "Tổ chức cho đoàn viên tham quan, học tập kinh nghiệm tại các đơn vị bạn trong năm {year}.",
    "Thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn nhân dịp Tết Nguyên đán {year}.",
    "Tổ chức giải bóng chuyền, cầu lông chào mừng ngày Quốc tế Phụ nữ 8/3/{year}.",
    "Tham gia tập huấn nghiệp vụ công tác công đoàn do Công đoàn cấp trên tổ chức năm {year}.",
]
LIMITS = [
    "Việc nắm bắt tâm tư, nguyện vọng của đoàn viên có lúc chưa kịp thời (năm {year}).",
    "Công tác tuyên truyền trên mạng xã hội còn hạn chế, chưa thường xuyên (năm {year}).",
]
COMMENTS = [
    "Đề nghị bổ sung số liệu cụ thể của từng năm.",
    "Nên nói rõ hơn nguyên nhân của hạn chế này.",
    "Câu này hơi dài, đề nghị tách làm hai ý.",
    "Thống nhất với nội dung dự thảo.",
]
# Items of the template copies may leave out (with their history), so that reports differ in length.
OPTIONAL_ITEMS = ("reports.achievementitem", "reports.reportitem")
# Members elected at the congress besides the demo's seven: a copy keeps any number of them, so
# that committees run from 7 to 15 elected members (with the demo's departures and by-elections).
EXTRA_MEMBERS = [
    "Nguyễn Thị Lan", "Phan Văn Minh", "Lê Thị Hằng", "Đỗ Văn Thắng",
    "Bùi Thị Thu", "Hồ Văn Nam", "Ngô Thị Mai", "Dương Văn Tùng",
]  # fmt: skip
PLACEHOLDER_HTML = "<p>Bản sao dữ liệu thử: tệp giữ chỗ, không phải văn bản đã công bố.</p>"
BATCH = 100


def template_union() -> Organization:
    """The demo union, filled out to full size, reviewed and published; made once, found after."""
    report = load_demo()
    if report.publications.exists():
        return report.term.organization
    _fill(report)
    publish_demo(report)
    _comment(report)
    _invitation(report)
    return report.term.organization


def _fill(report: Report) -> None:
    """A committee of 15, and more achievements and items, as a union writing a whole term's work
    would have."""
    term = report.term
    first = term.memberships.count()
    for position, name in enumerate(EXTRA_MEMBERS, start=first):
        person = Person.objects.create(organization=term.organization, full_name=name, union_trained=True)
        Membership.objects.create(
            term=term, person=person, role=Membership.Role.MEMBER, joined_how=Membership.Joined.ELECTED,
            joined_on=term.congress_date, position=position,
        )  # fmt: skip
    term.committee_size += len(EXTRA_MEMBERS)
    term.save(update_fields=["committee_size"])
    years = range(2017, 2023)
    extra_bullets = []
    for area in [
        a
        for a in AchievementArea.objects.filter(section__report=report).order_by("id")
        if a.parent_id is not None and a.title
    ]:
        start = area.items.count()
        texts = [ACTIVITIES[(area.pk + year) % len(ACTIVITIES)].format(year=year) for year in years]
        extra_bullets += [
            AchievementItem(area=area, position=start + i, kind="bullet", text=t) for i, t in enumerate(texts)
        ]
    bulk_create_with_history(extra_bullets, AchievementItem)
    extra_items = []
    for section in report.sections.filter(kind="list"):
        start = section.items.count()
        texts = [LIMITS[year % len(LIMITS)].format(year=year) for year in years[:4]]
        extra_items += [ReportItem(section=section, position=start + i, text=t) for i, t in enumerate(texts)]
    for other in report.term.reports.exclude(pk=report.pk):
        for section in other.sections.filter(kind="list"):
            start = section.items.count()
            texts = [ACTIVITIES[year % len(ACTIVITIES)].format(year=year) for year in years[:3]]
            extra_items += [
                ReportItem(section=section, position=start + i, text=t) for i, t in enumerate(texts)
            ]
    bulk_create_with_history(extra_items, ReportItem)


def _comment(report: Report) -> None:
    """A few comments of the committee on items, a reply of the secretary, one resolved."""
    secretary = report.term.organization.affiliations.get(role=Affiliation.Role.SECRETARY).user
    members = [
        a.user
        for a in report.term.organization.affiliations.filter(role=Affiliation.Role.MEMBER).order_by("id")
    ]
    items = list(ReportItem.objects.filter(section__report=report).order_by("id")[:4])
    for member, item, text in zip(members, items, COMMENTS, strict=False):
        comment = review.comment_add(
            report=report,
            author=member,
            anchor=f"section-{item.section_id}/item-{item.pk}",
            text=text,
            parent=None,
            quote=item.text[:200],
        )
    if items:
        review.comment_add(
            report=report, author=secretary, anchor="", text="Xin tiếp thu và chỉnh sửa.", parent=comment
        )
        review.comment_resolve(comment=comment, resolved=True)


def _invitation(report: Report) -> None:
    """The member who joined by invitation: an accepted one, as a union's backup keeps."""
    organization = report.term.organization
    joined = organization.affiliations.filter(role=Affiliation.Role.MEMBER).order_by("id").first()
    secretary = organization.affiliations.get(role=Affiliation.Role.SECRETARY).user
    Invitation.objects.create(
        organization=organization,
        email=f"{joined.user.username}@example.org",
        role=Affiliation.Role.MEMBER,
        person=joined.person,
        invited_by=secretary,
        accepted_at=timezone.now(),
    )


class Template:
    """The rows of the template union, read once, to copy many times."""

    def __init__(self, organization: Organization):
        self.organization = organization
        self.data: dict[str, list[dict]] = {}
        ids: dict[str, set[int]] = {}
        user_ids: set[int] = set()
        for table in TABLES:
            rows = []
            for row in table.select(organization, ids).order_by(table.model._meta.pk.name).values():
                for column in table.model._meta.concrete_fields:
                    if (table.label, column.name) in FILES:
                        row[column.attname] = column.name
                    elif (
                        column.is_relation
                        and column.related_model is get_user_model()
                        and row[column.attname]
                    ):
                        user_ids.add(row[column.attname])
                ids.setdefault(table.record_of, set()).add(row["id"])
                rows.append(row)
            self.data[table.label] = rows
        self.referenced = _referenced(self.data)
        self.committee_size = self.data["committee.term"][0]["committee_size"]
        # The extra members a copy may leave out: (membership, person) ids.
        persons = {row["id"]: row["full_name"] for row in self.data["committee.person"]}
        self.extra_members = [
            (row["id"], row["person_id"])
            for row in self.data["committee.membership"]
            if persons[row["person_id"]] in EXTRA_MEMBERS
        ]
        report_ids = self.referenced["reports.report"]
        self.notices = list(Notice.objects.filter(report_id__in=report_ids).order_by("id").values())
        user_ids |= {n["recipient_id"] for n in self.notices} | {
            n["actor_id"] for n in self.notices if n["actor_id"]
        }
        User = get_user_model()
        self.users = list(User.objects.filter(pk__in=user_ids).order_by("pk").values())
        self.profiles = {p["user_id"]: p for p in Profile.objects.filter(user_id__in=user_ids).values()}
        self.files = _placeholder_files()


def _placeholder_files() -> dict[str, bytes]:
    pdf = write_pdf(f"<html><body>{PLACEHOLDER_HTML}</body></html>")
    return {"pdf": pdf, "html": PLACEHOLDER_HTML.encode(), "docx": b""}


def union_copies(
    *, template: Template, count: int, seed: int = 0, progress: Callable[[int], None] | None = None
) -> None:
    """`count` copies of the template union, `BATCH` at a time, each batch in one transaction."""
    rng = random.Random(seed)
    done = 0
    while done < count:
        size = min(BATCH, count - done)
        with transaction.atomic():
            _copy_batch(template, size, rng)
        connection.queries_log.clear()  # with DEBUG on, the log would keep every insert's SQL
        done += size
        if progress is not None:
            progress(done)


def _copy_batch(template: Template, size: int, rng: random.Random) -> None:
    # New ids for every copy of every row the template mentions, a table at a time.
    ids_per_copy: list[dict[str, dict[int, int]]] = [{} for _ in range(size)]
    for label, old in template.referenced.items():
        ordered = sorted(old)
        fresh = list(_new_ids(RECORDED[label], set(range(len(ordered) * size))).values())
        for n in range(size):
            chunk = fresh[n * len(ordered) : (n + 1) * len(ordered)]
            ids_per_copy[n][label] = dict(zip(ordered, chunk, strict=True))
    left_outs = [_left_out(template, rng) for _ in ids_per_copy]
    users_per_copy = _copy_users(template, ids_per_copy, left_outs)
    objects: dict[str, list] = {table.label: [] for table in TABLES}
    for n, ids in enumerate(ids_per_copy):
        left_out = left_outs[n]
        members_left_out = len(left_out["committee.membership"])
        organization_id = ids["committee.organization"][template.organization.pk]
        for table in TABLES:
            for row in template.data[table.label]:
                if _is_left_out(table, row, left_out):
                    continue
                obj = _build(table, row, ids, users_per_copy[n], template.files)
                if table.model is PublicLink:
                    obj.token = new_link_token()
                elif table.record_of == "committee.organization":
                    obj.name = f"Công đoàn {rng.choice(WORKPLACES)} số {organization_id}"
                    obj.place_name = rng.choice(PROVINCES)
                    obj.parent_name = f"Công đoàn Viên chức tỉnh {obj.place_name}"
                elif table.record_of == "committee.term" and row["committee_size"] == template.committee_size:
                    obj.committee_size -= members_left_out  # the term and its history since the extras
                elif table.label == "publishing.publication":
                    obj.sha256 = hashlib.sha256(template.files["pdf"]).hexdigest()
                elif table.label == "accounts.invitation":
                    obj.email = _numbered(obj.email, organization_id)
                elif table.label == "publishing.publishedrecord":
                    obj.pdf_sha256 = hashlib.sha256(template.files["pdf"]).hexdigest()
                    obj.docx_sha256 = hashlib.sha256(b"").hexdigest()
                objects[table.label].append(obj)
        objects.setdefault("notices", []).extend(
            _notice(row, ids, users_per_copy[n])
            for row in template.notices
            if not {row["recipient_id"], row["actor_id"]} & left_out["users"]
        )
    for table in TABLES:
        table.model._base_manager.bulk_create(objects[table.label], batch_size=1000)
    Notice.objects.bulk_create(objects["notices"], batch_size=1000)


# The table each label's ids come from: a history table's rows carry the ids of the recorded table.
RECORDED = {table.label: table.model for table in TABLES if not table.is_history}
# Each table's columns that name a person of the union, or an account.
PERSON_COLUMNS = {
    table.label: [
        f.attname for f in table.model._meta.concrete_fields if f.is_relation and f.related_model is Person
    ]
    for table in TABLES
}
USER_COLUMNS = {
    table.label: [f.attname for f in table.model._meta.concrete_fields if _is_user(f)] for table in TABLES
}


def _left_out(template: Template, rng: random.Random) -> dict[str, set[int]]:
    """The rows of the template a copy leaves out, by table: up to a fifth of the items of each
    kind, so that the copies' reports differ in length, and any number of the extra members."""
    left_out = {}
    for label in OPTIONAL_ITEMS:
        items = [row["id"] for row in template.data[label]]
        left_out[label] = set(rng.sample(items, rng.randint(0, len(items) // 5)))
    members = rng.sample(template.extra_members, rng.randint(0, len(template.extra_members)))
    left_out["committee.membership"] = {membership for membership, _person in members}
    left_out["committee.person"] = {person for _membership, person in members}
    # With a member, their account: its affiliation, verdicts and notices (rows that name them).
    left_out["users"] = {
        row["user_id"]
        for row in template.data["accounts.affiliation"]
        if row["person_id"] in left_out["committee.person"]
    }
    return left_out


def _is_left_out(table, row: dict, left_out: dict[str, set[int]]) -> bool:
    """Whether a copy leaves out `row`: a row left out, or one naming a person or account left out."""
    if row["id"] in left_out.get(table.record_of, ()):
        return True
    people, users = left_out["committee.person"], left_out["users"]
    return any(row[name] in people for name in PERSON_COLUMNS[table.label]) or any(
        row[name] in users for name in USER_COLUMNS[table.label]
    )


def _copy_users(template: Template, ids_per_copy: list[dict], left_outs: list[dict]) -> list[dict[int, int]]:
    """The template's accounts for each copy: same password hash (computed once), names numbered."""
    User = get_user_model()
    users, profiles, mapping = [], [], []
    for ids, left_out in zip(ids_per_copy, left_outs, strict=True):
        suffix = ids["committee.organization"][template.organization.pk]
        for row in template.users:
            if row["id"] in left_out["users"]:
                continue
            numbered = {
                "username": f"{row['username']}-{suffix}"[:150],
                "email": _numbered(row["email"], suffix),
            }
            user = User(**{**row, "id": None, **numbered})
            users.append((ids, row["id"], user))
    User.objects.bulk_create([user for _ids, _old, user in users], batch_size=1000)
    for ids in ids_per_copy:
        mapping.append({old: user.pk for copy_ids, old, user in users if copy_ids is ids})
    for _ids, old, user in users:
        profile = template.profiles.get(old)
        if profile is not None:
            profiles.append(Profile(**{**profile, "id": None, "user_id": user.pk}))
    Profile.objects.bulk_create(profiles, batch_size=1000)
    return mapping


def _numbered(email: str, suffix: int) -> str:
    """The template's address made the copy's own: thuky@example.org → thuky-42@example.org."""
    local, at, domain = email.rpartition("@")
    return f"{local}-{suffix}@{domain}" if at else email


TARGET_IDS = re.compile(r"/reports/([0-9]+)/|#comment-([0-9]+)")


def _notice(row: dict, ids: dict[str, dict[int, int]], users: dict[int, int]) -> Notice:
    def rewrite(match: re.Match) -> str:
        if match[1]:
            return f"/reports/{ids['reports.report'][int(match[1])]}/"
        return f"#comment-{ids['publishing.comment'].get(int(match[2]), match[2])}"

    return Notice(
        **{
            **row,
            "id": None,
            "recipient_id": users[row["recipient_id"]],
            "actor_id": users.get(row["actor_id"]),
            "report_id": ids["reports.report"][row["report_id"]],
            "target": TARGET_IDS.sub(rewrite, row["target"]),
        }
    )


@dataclass(frozen=True)
class Page:
    """A page a user opens: who opens it (None: anyone, without an account), and what they send."""

    name: str
    url: str
    user: object = None
    upload: tuple[str, bytes] | None = None
    data: dict = field(default_factory=dict)


def union_pages(organization: Organization, *, admin, upload: tuple[str, bytes]) -> list[Page]:
    """Every page the people of `organization` open, and the administrator's lists.

    The secretary: the home page, the union, the notices, each report with every editing page
    of its outline, the review, what changed, the publications, the history, and the import
    preview of `upload` (file name, bytes); a committee member: the home page, the report and
    the review; a delegate without an account: the public page and its PDF; `admin`: the
    changelist of each model registered in the admin.
    """
    affiliations = organization.affiliations.select_related("user").order_by("id")
    secretary = next(a.user for a in affiliations if a.role == Affiliation.Role.SECRETARY)
    member = next(a.user for a in affiliations if a.role == Affiliation.Role.MEMBER)
    pages = [
        Page("home", reverse("reports:list"), secretary),
        Page("home (member)", reverse("reports:list"), member),
        Page("union", organization.get_absolute_url(), secretary),
        Page("notices", reverse("notices:list"), member),
    ]
    for report in Report.objects.filter(term__organization=organization).order_by("id"):
        pk, kind = report.pk, report.kind
        pages += [
            Page(f"{kind} report", report.get_absolute_url(), secretary),
            Page(f"{kind} report (member)", report.get_absolute_url(), member),
            Page(f"{kind} outline", reverse("reports:outline", args=[pk]), secretary),
            *(
                Page(f"{kind} {part}", reverse("reports:edit", args=[pk, part]), secretary)
                for part in ("header", "committee", "prose")
            ),
            *(
                Page(f"{kind} section {i}", section.get_absolute_url(), secretary)
                for i, section in enumerate(report.sections.order_by("position", "id"))
            ),
            *(
                Page(f"{kind} area {i}", reverse("reports:area", args=[pk, area.pk]), secretary)
                for i, area in enumerate(
                    AchievementArea.objects.filter(section__report=report).order_by("id")
                )
            ),
            Page(f"{kind} review", reverse("publishing:review", args=[pk]), secretary),
            Page(f"{kind} review (member)", reverse("publishing:review", args=[pk]), member),
            Page(f"{kind} changes", reverse("publishing:changes", args=[pk]), member),
            Page(f"{kind} publications", reverse("publishing:publications", args=[pk]), secretary),
            Page(f"{kind} history", reverse("reports:history", args=[pk]), secretary),
        ]
        link = report.public_links.filter(revoked_at__isnull=True).first()
        if link is not None and report.publications.exists():
            pages += [
                Page(f"{kind} public page", link.get_absolute_url()),
                Page(f"{kind} public pdf", reverse("publishing:public_pdf", args=[link.token])),
            ]
    term = organization.terms.order_by("-start_year").first()
    pages.append(
        Page(
            "import preview",
            reverse("importing:upload", args=[organization.pk]),
            secretary,
            upload=upload,
            data={"term": term.pk},
        )
    )
    for model in sorted(admin_site._registry, key=lambda m: m._meta.label):
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        pages.append(Page(f"admin {model._meta.label_lower}", url, admin))
    return pages


def open_page(client, page: Page):
    """`page` as its user opens it with Django's test `client`; anything but 200 is an error."""
    sign_in(client, page)
    return request_page(client, page)


def sign_in(client, page: Page) -> None:
    if page.user is None:
        client.logout()
    else:
        client.force_login(page.user)


def request_page(client, page: Page):
    if page.upload is not None:
        name, content = page.upload
        response = client.post(page.url, {**page.data, "file": SimpleUploadedFile(name, content)})
    else:
        response = client.get(page.url)
    if response.status_code != 200:
        raise AssertionError(f"{page.name}: {page.url} answered {response.status_code}")
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response


def scale_admin():
    """The administrator whose lists are measured: made once, without a usable password."""
    user, created = get_user_model().objects.get_or_create(
        username="scale-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user
