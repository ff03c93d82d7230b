"""Importing a report from a file: upload, preview what was read, confirm."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from unionreports.accounts.access import get_organization_for_user
from unionreports.accounts.decorators import login_required_keeping_post
from unionreports.proofreading import Source, proofread
from unionreports.reports.kinds import REPORT_KINDS
from unionreports.reports.proofreading import committee_records

from .forms import ConfirmForm, ImportForm
from .services import (
    default_date,
    leftovers,
    mismatches,
    reading_notices,
    report_import,
    report_import_preview,
    source_lines,
)

SAVED_IMPORTS = "saved_imports"


@login_required_keeping_post
def upload(request, org_pk: int):
    organization = get_organization_for_user(request, org_pk, write=True)
    form = ImportForm(request.POST or None, request.FILES or None, organization=organization)
    if form.is_valid():
        term, imported = form.cleaned_data["term"], form.imported
        upload = form.cleaned_data["file"]
        upload.seek(0)
        source = Source(source_lines(upload.read()))
        confirm = ConfirmForm(
            initial={
                "payload": ConfirmForm.sign(
                    term=term, name=upload.name, imported=imported, lines=source.lines
                ),
                "number": imported.number or 1,
                "date": default_date(term, imported),
            },
            imported=imported,
        )
        return preview(request, organization, term, imported, confirm, name=upload.name, source=source)
    return render(request, "importing/upload.html", {"form": form, "organization": organization})


@login_required_keeping_post
def confirm(request, org_pk: int):
    organization = get_organization_for_user(request, org_pk, write=True)
    data = request.POST if request.method == "POST" else request.kept_post
    if not data:
        return redirect("importing:upload", organization.pk)
    form = ConfirmForm(data)
    if not form.is_valid() and "payload" in form.errors:
        messages.error(request, " ".join(form.errors["payload"]))
        return redirect("importing:upload", organization.pk)
    payload = form.cleaned_data["payload"]
    term = get_object_or_404(organization.terms, pk=payload["term"])
    imported = form.corrected(payload["imported"])
    saved = request.session.get(SAVED_IMPORTS, {})
    if (done := term.reports.filter(pk=saved.get(payload["token"])).first()) is not None:
        messages.info(request, _("This import was saved already: here is its report."))
        return redirect(done)
    # "Check again" shows the preview with the kinds and titles chosen, saving nothing.
    if form.is_valid() and request.method == "POST" and "check" not in data:
        try:
            report = report_import(
                term=term,
                imported=imported,
                number=form.cleaned_data["number"],
                date=form.cleaned_data["date"],
                members=tuple(form.cleaned_data["members"]),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # The last few imports saved, to send a repeated "save" to the report it made.
            request.session[SAVED_IMPORTS] = dict(list(saved.items())[-9:]) | {payload["token"]: report.pk}
            if report.unplaced:
                messages.warning(
                    request,
                    _(
                        "The report was imported. Some text had no place in it: it is kept, not printed, "
                        "under “Opening and closing”."
                    ),
                )
            else:
                messages.success(request, _("The report was imported."))
            return redirect(report)
    # Shown again after a failed save: proofread as on the first preview, from the lines as typed.
    source = Source(payload["lines"]) if "lines" in payload else None
    return preview(request, organization, term, imported, form, name=payload["name"], source=source)


def preview(request, organization, term, imported, form, *, name: str, source: Source | None = None):
    """The document as it will be saved, and the form that saves it; `source`, the file's lines as
    typed (kept in the signed payload), when there are any."""
    values = form.cleaned_data if form.is_bound else form.initial
    number = values.get("number") or imported.number or 1
    date = values.get("date") or default_date(term, imported)
    members = tuple(values.get("members") or ())
    try:
        document = report_import_preview(
            term=term, imported=imported, number=number, date=date, members=members
        )
    except ValidationError as error:
        if form.is_bound and not form.errors:
            form.add_error(None, error)
        try:
            # A date outside the term: the text as it would be on a valid day, beside the error.
            document = report_import_preview(
                term=term, imported=imported, number=number, date=default_date(term, imported)
            )
        except ValidationError as error:
            # The text itself does not fit (a paragraph over the length limit): choose another file.
            upload_form = ImportForm(organization=organization, initial={"term": term})
            messages.error(request, " ".join(error.messages))
            context = {"form": upload_form, "organization": organization}
            return render(request, "importing/upload.html", context, status=422)
    context = {
        "organization": organization,
        "term": term,
        "name": name,
        "leftovers": leftovers(term, imported),
        "document": document,
        "form": form,
        "counts": _counts(document),
        "outline": form.rows(),
        "replaced": imported.replaced,
        "mismatches": mismatches(term, imported),
        "reading_notices": reading_notices(imported),
        "report_kind": REPORT_KINDS[imported.report_kind].label,
        "same_number": term.reports.filter(number=number).first(),
        "findings": proofread(document, committee_records(term, date), source),
    }
    return render(request, "importing/preview.html", context, status=422 if form.errors else 200)


def _counts(document) -> list[str]:
    """What was recognised, as the secretary would count it on paper."""
    sections = sum(1 for part in document.parts for section in part.walk() if section is not part)
    paragraphs = sum(1 for _paragraph in document.paragraphs())
    footnotes = len(document.footnotes())
    return [
        ngettext("%(n)s part", "%(n)s parts", len(document.parts)) % {"n": len(document.parts)},
        ngettext("%(n)s numbered section", "%(n)s numbered sections", sections) % {"n": sections},
        ngettext("%(n)s paragraph or bullet point", "%(n)s paragraphs and bullet points", paragraphs)
        % {"n": paragraphs},
        ngettext("%(n)s footnote", "%(n)s footnotes", footnotes) % {"n": footnotes},
    ]
