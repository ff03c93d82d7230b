"""Reading an uploaded file into a report, and saving it: all of it in one transaction, or nothing."""

import dataclasses
import datetime
import re
from pathlib import PurePath

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from unionreports.committee.models import Membership, Term
from unionreports.committee.services import members_add
from unionreports.document import ReportDocument, prose_of
from unionreports.lib.vietnamese import upper
from unionreports.reports.compose import compose_report
from unionreports.reports.kinds import PART_KINDS
from unionreports.reports.models import Report, ReportSection, check_text_lengths

from . import limits
from .docx import paragraph_texts, read_docx
from .lines import ImportFailed
from .outline import Imported, Leftover, fold, parse
from .pdf import read_pdf
from .text import decode, read_text

# A report with pictures stays well below this; the text alone is a few dozen kilobytes.
MAX_BYTES = 10 * 1024 * 1024
EXTENSIONS = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WRONG_TYPE = gettext_lazy(
    "Only Word documents (.docx), PDF files, text (.txt) and Markdown (.md) files can be imported. "
    "In Word, use “Save as” to make a .docx."
)
# What was done to a file's text to read it, told on the preview and by `import_report`.
READING_NOTICES = {
    "pdf": gettext_lazy(
        "The text was read from a PDF: lines broken by the page were joined again, page numbers and "
        "repeated headers were dropped. Check the paragraphs against the original."
    ),
    "pdf_copy": gettext_lazy(
        "The text seems to have been copied from a PDF: broken lines were joined again, page numbers "
        "and repeated headers were dropped."
    ),
    "tcvn3": gettext_lazy("The text uses the TCVN3 (ABC) encoding and was converted to Unicode."),
    "vni": gettext_lazy("The text uses the VNI encoding and was converted to Unicode."),
    "cp1258": gettext_lazy(
        "The text was saved in the Windows Vietnamese code page (1258) and was read as such."
    ),
}
PDF_SIGNATURE = b"%PDF-"


def read_report(name: str, data: bytes) -> Imported:
    """The report in an uploaded file; `ImportFailed` with a message for the user otherwise."""
    check_size(len(data))
    if not data.strip():
        raise ImportFailed(_("The file is empty."), code="empty")
    kind = EXTENSIONS.get(PurePath(name).suffix.lower())
    if data.startswith(OLE_SIGNATURE):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise ImportFailed(
                _("The document is protected by a password. Remove the password in Word, save, and retry."),
                code="encrypted",
            )
        raise ImportFailed(
            _("This is an old Word document (.doc). Open it in Word, save it as .docx and upload that."),
            code="legacy_doc",
        )
    if kind is None:
        raise ImportFailed(WRONG_TYPE, code="wrong_type")
    if kind == "pdf" or is_pdf(data):
        if not is_pdf(data):
            raise ImportFailed(_("This file is not a PDF."), code="not_pdf")
        lines, author, notices = read_pdf(data)
    elif kind == "docx" or data.startswith(b"PK\x03\x04"):
        if not data.startswith(b"PK\x03\x04"):
            raise ImportFailed(_("This file is not a Word document (.docx)."), code="not_docx")
        lines, author, notices = read_docx(data)
    else:
        (lines, notices), author = read_text(data, markdown=kind == "markdown"), ""
    limits.check_lines(lines)
    imported = dataclasses.replace(parse(lines, author=author), notices=notices)
    limits.check_outline(imported.document)
    return imported


def reading_notices(imported: Imported) -> list[str]:
    """What was done to the file's text to read it, in the user's language."""
    return [str(READING_NOTICES[code]) for code in imported.notices if code in READING_NOTICES]


def source_lines(data: bytes) -> list[str]:
    """The file's paragraphs as typed (spaces not folded, numbers kept), for the proofreader.

    Call it on data `read_report` has read: it raises nothing for those.
    """
    if is_pdf(data):
        # A PDF's spaces are where its glyphs stand, not as typed: its paragraphs as read.
        return [line.text for line in read_pdf(data)[0]]
    if data.startswith(b"PK\x03\x04"):
        return paragraph_texts(data)  # the reader folds spaces
    return decode(data)[0].split("\n")


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_SIGNATURE)


def check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise ImportFailed(
            _("The file is larger than %(limit)s MB. Remove pictures or split it, then try again.")
            % {"limit": MAX_BYTES // (1024 * 1024)},
            code="too_large",
        )


def default_date(term: Term, imported: Imported) -> datetime.date:
    """The document's own date when the term allows it; else today, or the term's last day."""
    for day in (imported.date, timezone.localdate()):
        if day and term.takes_report_on(day):
            return day
    return datetime.date(term.end_year, 12, 31)


@transaction.atomic
def report_import(
    *, term: Term, imported: Imported, number: int, date: datetime.date, members: tuple[int, ...] = ()
) -> Report:
    """A new report of `term` holding the imported document: every row saved, or none.

    Each part and section is saved by its kind (`PART_KINDS[kind].save_imported`), the way the
    editing pages save it; its number is not stored, so it is computed again like any report's.
    `members` are the rows of the file's committee table (indexes of `imported.committee`) the
    secretary confirmed: they join the term's committee in the same transaction.
    """
    if members:
        try:
            members_add(term=term, members=[committee_member(imported.committee[i]) for i in members])
        except ValidationError as error:
            raise ValidationError({NON_FIELD_ERRORS: error.messages}) from error
    document = imported.document
    report = Report(
        term=term,
        kind=imported.report_kind,
        number=number,
        date=date,
        place="" if imported.place in ("", term.organization.place_name) else imported.place,
        opening=prose_of(document.opening),
        closing=prose_of(document.closing),
        recipients="\n".join(_recipients(document.recipients)),
        signer=_signer(term, document.signature.name),
        unplaced="\n\n".join(f"[{item.where}]\n{item.text}" for item in leftovers(term, imported)),
    )
    _save(report, _("Report"))
    _save_sections(report, document.parts, parent=None)
    return report


def _save_sections(report: Report, sections, parent: ReportSection | None) -> None:
    for position, read in enumerate(sections):
        where = f"{read.number} {read.title}".strip()
        section = _save(
            ReportSection(
                report=report, parent=parent, position=position, kind=read.kind, title=read.title[:300]
            ),
            where,
        )
        try:
            PART_KINDS[read.kind].save_imported(section, read)
        except ValidationError as error:
            raise _placed(error, section, where) from error
        if PART_KINDS[read.kind].holds_sections:
            _save_sections(report, read.children, parent=section)


def committee_member(row: tuple[str, str, str]) -> tuple[str, str, str]:
    """(name, role, how they joined) of a row of a committee table, from the words it holds."""
    name, role, rest = row
    title, note = fold(role), fold(rest)
    if title.startswith("pho chu tich"):
        role = Membership.Role.VICE_CHAIR
    elif title.startswith("chu tich"):
        role = Membership.Role.CHAIR
    else:
        role = Membership.Role.MEMBER
    joined = Membership.Joined.ELECTED
    if "chi dinh" in note:
        joined = Membership.Joined.APPOINTED
    elif "bo sung" in note:
        joined = Membership.Joined.BY_ELECTION
    return name, role, joined


def leftovers(term: Term, imported: Imported) -> list[Leftover]:
    """What the report will not hold: the parse's leftovers, and a signer the committee lacks."""
    found = list(imported.leftovers)
    name = imported.document.signature.name
    if name and _signer(term, name) is None:
        found.append(Leftover(_("Signed by (not on this term's committee)"), name))
    return found


TERM_YEARS = re.compile(r"(\d{4})\s*[-–]\s*(\d{4})")


def mismatches(term: Term, imported: Imported) -> list[str]:
    """What the file says that the union and term it goes into do not: its issuer, its term.

    The saved report is headed by the union's records, so a file of another union or term
    would silently change hands; the preview says so.
    """
    found = []
    issuer = imported.document.header.issuer
    if issuer and fold(issuer) != fold(term.organization.name):
        found.append(
            _("The file is issued by “%(issuer)s”; the report will be headed “%(union)s”.")
            % {"issuer": issuer, "union": upper(term.organization.name)}
        )
    years = TERM_YEARS.search(imported.document.subject)
    if years and (int(years[1]), int(years[2])) != (term.start_year, term.end_year):
        found.append(
            _("The file is about the term %(file)s; it goes into the term %(term)s.")
            % {"file": f"{years[1]} – {years[2]}", "term": term.years}
        )
    return found


def report_import_preview(**kwargs) -> ReportDocument:
    """The document `report_import` would make, saved and composed, then rolled back."""
    with transaction.atomic():
        report = report_import(**kwargs)
        document = compose_report(Report.objects.with_document_data().get(pk=report.pk))
        transaction.set_rollback(True)
    return document


def _save(instance, where):
    """Saves after the model's own checks; what they refuse names its place in the document.

    The report's number and date keep their field, for the form that asked for them.
    """
    try:
        instance.full_clean()
        check_text_lengths(instance)
    except ValidationError as error:
        raise _placed(error, instance, where) from error
    instance.save()
    return instance


def _placed(error: ValidationError, instance, where) -> ValidationError:
    """`error` with each message naming its place in the document; the report's number and date
    keep their field, for the form that asked for them."""
    errors = {}
    for field, messages in error.message_dict.items():
        if isinstance(instance, Report) and field in ("number", "date"):
            errors[field] = messages
        else:
            label = instance._meta.get_field(field).verbose_name if field != NON_FIELD_ERRORS else ""
            place = f"{where} ({label})" if label else str(where)
            errors.setdefault(NON_FIELD_ERRORS, []).extend(f"{place}: {m}" for m in messages)
    return ValidationError(errors)


def _recipients(recipients) -> list[str]:
    return [r.rstrip(";.").strip() for r in recipients if r.strip() and not r.casefold().startswith("lưu")]


def _signer(term: Term, name: str):
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        return None
    for membership in term.memberships.select_related("person"):
        if membership.person.full_name.casefold() == wanted:
            return membership.person
    return None
