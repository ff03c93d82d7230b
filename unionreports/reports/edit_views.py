"""The secretary's editing pages of a report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from unionreports.accounts.access import get_organization_for_user
from unionreports.accounts.decorators import login_required_keeping_post
from unionreports.publishing.review import open_comment_counts

from . import services
from .access import get_report_for_user
from .compose import compose_report
from .editing import PARTS, STEPS, AreaPart, Invalid
from .forms import AreaCreateForm, ReportCreateForm
from .models import Report


@login_required_keeping_post
def report_create(request, org_pk: int):
    organization = get_organization_for_user(request, org_pk, write=True)
    form = ReportCreateForm(request.POST or None, organization=organization)
    if form.is_valid():
        report = services.report_create(**form.cleaned_data)
        messages.success(request, _("The report was created. Start with its heading."))
        return redirect("reports:edit", report.pk, "header")
    return render(request, "reports/report_create.html", {"form": form, "organization": organization})


@login_required_keeping_post
def report_edit(request, pk: int, part: str):
    report = get_report_for_user(request, pk, write=True)
    if part not in PARTS:
        return redirect("reports:edit", pk, "header")
    return edit_part(request, PARTS[part](report))


@login_required_keeping_post
def area_edit(request, pk: int, area_pk: int):
    report = get_report_for_user(request, pk, write=True)
    return edit_part(request, AreaPart(report, get_object_or_404(report.areas, pk=area_pk)))


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
            messages.success(request, _("Saved."))
            if "next" in request.POST and (following := next_step_url(part)):
                return redirect(following)
            return redirect(request.path)
    return render_part(request, part, bound, base=base)


def render_part(request, part, bound: dict, *, base: str, conflict: bool = False):
    # Bound forms write what was typed into the report they edit: the preview shows the
    # saved records, so after a post the report is loaded again.
    report = (
        part.report if request.method == "GET" else Report.objects.with_document_data().get(pk=part.report.pk)
    )
    context = {
        "report": report,
        "part": part,
        "forms": bound,
        "base": base,
        "steps": step_links(report),
        "document": compose_report(report),
        "conflict": conflict,
        "theirs": part.reloaded().forms() if conflict else None,
        "current": part.slug,
        # Typed text not saved yet (errors, a conflict, a kept post): warn before leaving.
        "unsaved": request.method == "POST" or bool(request.kept_post),
        "has_errors": request.method == "POST"
        and not conflict
        and any(has_errors(f) for f in bound.values()),
    }
    return render(request, "reports/edit.html", context, status=409 if conflict else 200)


def has_errors(form) -> bool:
    if hasattr(form, "total_error_count"):
        return form.is_bound and form.total_error_count() > 0
    return form.is_bound and bool(form.errors)


def step_links(report: Report) -> list[tuple[str, str, str, int]]:
    """(slug, title, url, open comments) of each editing page, in reading order."""
    counts = open_comment_counts(report)
    links = []
    for step in STEPS:
        if step is AreaPart:
            url = reverse("reports:areas", args=[report.pk])
        else:
            url = reverse("reports:edit", args=[report.pk, step.slug])
        links.append((step.slug, step.title, url, counts.get(step.slug, 0)))
    return links


def next_step_url(part) -> str:
    """The next page in reading order: the next area of part II, else the next part."""
    if isinstance(part, AreaPart):
        areas = [
            area
            for top in part.report.areas.filter(parent__isnull=True)
            for area in (top, *top.children.all())
        ]
        following = areas[areas.index(part.area) + 1 :]
        if following:
            return reverse("reports:area", args=[part.report.pk, following[0].pk])
    links = step_links(part.report)
    slugs = [link[0] for link in links]
    index = slugs.index(part.slug)
    return links[index + 1][2] if index + 1 < len(links) else part.report.get_absolute_url()


@login_required_keeping_post
def areas(request, pk: int):
    """Part II's outline: its areas in order, and a form to add one."""
    report = get_report_for_user(request, pk, write=True)
    form = AreaCreateForm(request.POST or None, report=report)
    if form.is_valid():
        area = services.area_create(report=report, **form.cleaned_data)
        messages.success(request, _("Area added. Now write what it holds."))
        return redirect("reports:area", report.pk, area.pk)
    outline = []
    for i, top in enumerate(report.top_areas, start=1):
        outline.append((top, f"{i}.", 0))
        outline += [(child, f"{i}.{j}.", 1) for j, child in enumerate(top.children.all(), start=1)]
    context = {
        "report": report,
        "outline": outline,
        "form": form,
        "steps": step_links(report),
        "document": compose_report(report),
        "current": AreaPart.slug,
    }
    return render(request, "reports/areas.html", context)


@login_required
@require_POST
def area_move(request, pk: int, area_pk: int, direction: str):
    report = get_report_for_user(request, pk, write=True)
    area = get_object_or_404(report.areas, pk=area_pk)
    if direction not in ("up", "down"):
        raise Http404
    services.area_move(area=area, step=-1 if direction == "up" else 1)
    return redirect("reports:areas", report.pk)


@login_required
@require_POST
def area_delete(request, pk: int, area_pk: int):
    report = get_report_for_user(request, pk, write=True)
    area = get_object_or_404(report.areas, pk=area_pk)
    services.area_delete(area=area)
    messages.success(request, _("The area “%(title)s” was deleted.") % {"title": area})
    return redirect("reports:areas", report.pk)
