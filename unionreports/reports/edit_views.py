"""The secretary's editing pages of a report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from unionreports.accounts.access import get_organization_for_user
from unionreports.accounts.decorators import login_required_keeping_post

from . import proofreading, services
from .access import get_report_for_user
from .compose import compose_report
from .drafts import is_draft
from .editing import PAGES, AreaPart, Invalid, SectionPart
from .forms import AreaCreateForm, OutlineTemplateForm, ReportCreateForm, SectionCreateForm
from .kinds import PART_KINDS, kinds_holding
from .models import Report
from .outline import outline_rows, step_links

# The form adding a part or section, on the outline page and on a group's page beside its own form.
NEW = "new"


@login_required_keeping_post
def report_create(request, org_pk: int):
    organization = get_organization_for_user(request, org_pk, write=True)
    form = ReportCreateForm(request.POST or None, organization=organization, initial={"start_from": "kind"})
    if form.is_valid():
        report = services.report_create(**form.cleaned_data)
        messages.success(request, _("The report was created. Start with its heading."))
        return redirect("reports:edit", report.pk, "header")
    return render(request, "reports/report_create.html", {"form": form, "organization": organization})


@login_required_keeping_post
def report_edit(request, pk: int, part: str):
    report = get_report_for_user(request, pk, write=True)
    if part not in PAGES:
        return redirect("reports:edit", pk, "header")
    return edit_part(request, PAGES[part](report))


@login_required_keeping_post
def section_edit(request, pk: int, section_pk: int):
    report = get_report_for_user(request, pk, write=True)
    section = next((s for s in report.sections.all() if s.pk == section_pk), None)
    if section is None:
        raise Http404(_("No such part or section."))
    return edit_part(request, SectionPart(report, section))


@login_required_keeping_post
def area_edit(request, pk: int, area_pk: int):
    report = get_report_for_user(request, pk, write=True)
    return edit_part(request, AreaPart(report, get_area(report, area_pk)))


def get_area(report: Report, area_pk: int):
    for section in report.sections.all():
        for area in section.areas.all():
            if area.pk == area_pk:
                return area
    raise Http404(_("No such area."))


def edit_part(request, part):
    """Shows a part's forms; on a valid post saves them unless someone saved meanwhile."""
    data = request.POST if request.method == "POST" else request.kept_post
    bound = part.forms(data)
    base = data.get("base", "") if data else part.base()
    if request.kept_post:
        messages.warning(
            request, _("Your session had ended. What you typed is back below: check it and save.")
        )
    elif request.method == "POST" and base != part.base():
        # Checked before validating: a row someone else deleted would fail validation unseen.
        return render_part(request, part, bound, base=part.base(), conflict=True)
    elif request.method == "POST" and all(form.is_valid() for form in bound.values()):
        try:
            part.save_unless_changed(bound, base=base)
        except services.Conflict:
            return render_part(request, part, bound, base=part.base(), conflict=True)
        except Invalid:
            pass
        else:
            messages.success(request, saved_message(part))
            if "next" in request.POST and (following := next_step_url(part)):
                return redirect(following)
            return redirect(request.path)
    return render_part(request, part, bound, base=base)


def saved_message(part) -> str:
    """ "Saved.", and what proofreading the saved text found on the page."""
    report = Report.objects.with_document_data().get(pk=part.report.pk)
    findings, _dismissed = proofreading.open_findings(report)
    area = getattr(part, "area", None)
    count = len(proofreading.on_page(findings, report, part.slug, area.anchor if area else ""))
    if not count:
        return _("Saved. Proofreading found no slip on this page.")
    return ngettext(
        "Saved. Proofreading found %(n)s possible slip on this page: see the panel.",
        "Saved. Proofreading found %(n)s possible slips on this page: see the panel.",
        count,
    ) % {"n": count}


def render_part(request, part, bound: dict, *, base: str, conflict: bool = False):
    # Bound forms write what was typed into the report they edit: the preview shows the
    # saved records, so after a post the report is loaded again.
    report = (
        part.report if request.method == "GET" else Report.objects.with_document_data().get(pk=part.report.pk)
    )
    document = compose_report(report)
    section = getattr(part, "section", None)
    area = getattr(part, "area", None)
    panel, steps = proofreading.panel(
        report, document, step_links(report, document), page=part.slug, holder=area.anchor if area else ""
    )
    context = {
        "report": report,
        "part": part,
        "forms": bound,
        "base": base,
        "steps": steps,
        "panel": panel,
        "document": document,
        "draft": is_draft(report, document),
        "conflict": conflict,
        "theirs": part.reloaded().forms() if conflict else None,
        "current": part.slug,
        "section": section and next(s for s in report.sections.all() if s.pk == section.pk),
        # Typed text not saved yet (errors, a conflict, a kept post): warn before leaving.
        "unsaved": request.method == "POST" or bool(request.kept_post),
        "has_errors": request.method == "POST"
        and not conflict
        and any(has_errors(f) for f in bound.values()),
    }
    if section is not None and part.kind.holds_sections:
        context["child_form"] = SectionCreateForm(report=report, prefix=NEW)
    if section is not None and part.kind.structure == "areas":
        context["area_form"] = AreaCreateForm(section=section, prefix="area")
        context["areas"] = area_rows(context["section"], document)
    return render(request, "reports/edit.html", context, status=409 if conflict else 200)


def has_errors(form) -> bool:
    if hasattr(form, "total_error_count"):
        return form.is_bound and form.total_error_count() > 0
    return form.is_bound and bool(form.errors)


def area_rows(section, document) -> list[tuple]:
    """(area, number as printed, depth) of an areas section, in order."""
    numbers = {s.anchor: s.number for s in document.sections()}
    areas = list(section.areas.all())
    rows = []
    for top in (a for a in areas if a.parent_id is None):
        rows.append((top, numbers.get(top.anchor, ""), 0))
        rows += [(a, numbers.get(a.anchor, ""), 1) for a in areas if a.parent_id == top.pk]
    return rows


def next_step_url(part) -> str:
    """The next page in reading order: the next area of the section, else the next page."""
    report = Report.objects.with_document_data().get(pk=part.report.pk)
    document = compose_report(report)
    if isinstance(part, AreaPart):
        section = next(s for s in report.sections.all() if s.pk == part.area.section_id)
        areas = [area for area, _number, _depth in area_rows(section, document)]
        index = next(i for i, area in enumerate(areas) if area.pk == part.area.pk)
        if index + 1 < len(areas):
            return reverse("reports:area", args=[report.pk, areas[index + 1].pk])
    links = step_links(report, document)
    slugs = [link.slug for link in links]
    index = slugs.index(part.slug)
    return links[index + 1].url if index + 1 < len(links) else report.get_absolute_url()


@login_required_keeping_post
def outline(request, pk: int):
    """The report's parts and sections in order, with their numbers; add, move, remove."""
    report = get_report_for_user(request, pk, write=True)
    document = compose_report(report)
    rows = outline_rows(report, document)
    form = SectionCreateForm(request.POST or None, report=report, rows=rows, prefix=NEW)
    if form.is_valid():
        section = services.section_create(report=report, **form.cleaned_data)
        messages.success(request, _("“%(title)s” was added. Now write what it holds.") % {"title": section})
        return redirect("reports:section", report.pk, section.pk)
    context = {
        "report": report,
        "rows": rows,
        "form": form,
        "template_form": OutlineTemplateForm(prefix="template"),
        "kinds": PART_KINDS.values(),
        "steps": proofreading.panel(report, document, step_links(report, document))[1],
        "document": document,
        "draft": is_draft(report, document),
        "current": "outline",
    }
    return render(request, "reports/outline.html", context)


@login_required
@require_POST
def outline_template_save(request, pk: int):
    """Keeps the report's outline as the union's template, to start its next reports from."""
    report = get_report_for_user(request, pk, write=True)
    form = OutlineTemplateForm(request.POST, prefix="template")
    if form.is_valid():
        template = services.outline_template_save(report=report, name=form.cleaned_data["name"])
        messages.success(
            request,
            _("The outline is kept as “%(name)s”: choose it when you create a report.") % {"name": template},
        )
    else:
        messages.error(request, _("Give the template a name."))
    return redirect("reports:outline", report.pk)


@login_required
@require_POST
def section_move(request, pk: int, section_pk: int, direction: str):
    report = get_report_for_user(request, pk, write=True)
    section = get_object_or_404(report.sections, pk=section_pk)
    if direction not in ("up", "down"):
        raise Http404
    services.section_move(section=section, step=-1 if direction == "up" else 1)
    # Back where the secretary was on the page, not at its top.
    return redirect(f"{reverse('reports:outline', args=[report.pk])}#row-{section.pk}")


@login_required
@require_POST
def section_delete(request, pk: int, section_pk: int):
    report = get_report_for_user(request, pk, write=True)
    section = get_object_or_404(report.sections, pk=section_pk)
    services.section_delete(section=section)
    messages.success(
        request, _("“%(title)s” was removed; the history keeps what it held.") % {"title": section}
    )
    return redirect("reports:outline", report.pk)


@login_required
@require_POST
def area_add(request, pk: int, section_pk: int):
    report = get_report_for_user(request, pk, write=True)
    section = get_object_or_404(report.sections, pk=section_pk, kind__in=kinds_holding("areas"))
    form = AreaCreateForm(request.POST, section=section, prefix="area")
    if not form.is_valid():
        messages.error(request, _("Give the area a title."))
        return redirect("reports:section", report.pk, section.pk)
    area = services.area_create(section=section, **form.cleaned_data)
    messages.success(request, _("Area added. Now write what it holds."))
    return redirect("reports:area", report.pk, area.pk)


@login_required
@require_POST
def area_move(request, pk: int, area_pk: int, direction: str):
    report = get_report_for_user(request, pk, write=True)
    area = get_area(report, area_pk)
    if direction not in ("up", "down"):
        raise Http404
    services.area_move(area=area, step=-1 if direction == "up" else 1)
    return redirect("reports:section", report.pk, area.section_id)


@login_required
@require_POST
def area_delete(request, pk: int, area_pk: int):
    report = get_report_for_user(request, pk, write=True)
    area = get_area(report, area_pk)
    services.area_delete(area=area)
    messages.success(request, _("The area “%(title)s” was deleted.") % {"title": area})
    return redirect("reports:section", report.pk, area.section_id)
