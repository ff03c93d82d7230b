from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from unionreports.reports.access import get_report_for_user
from unionreports.reports.compose import compose_report
from unionreports.reports.proofreading import open_slips, slips_question

from .delivery import latest_for_token, published_pdf_response
from .models import PublishedRecord
from .services import link_renew, report_publish
from .state import report_state


@require_safe
def public_page(request, token: str):
    publication = latest_for_token(token)
    context = {"publication": publication, "token": token}
    return render(request, "publishing/public.html", context)


@require_safe
def public_pdf(request, token: str):
    return published_pdf_response(request, token)


@login_required
@require_safe
def publications(request, pk: int):
    report = get_report_for_user(request, pk, write=True)
    document = compose_report(report)
    context = {
        "report": report,
        "state": report_state(report, document),
        "slips": open_slips(report, document),
        "publications": report.publications.defer("pdf", "html")
        .select_related("published_by__profile")
        .annotate(has_record=Exists(PublishedRecord.objects.filter(publication=OuterRef("pk")))),
        "link": report.public_links.filter(revoked_at__isnull=True).first(),
    }
    return render(request, "publishing/publications.html", context)


@login_required
@require_POST
def publish(request, pk: int):
    report = get_report_for_user(request, pk, write=True)
    document = compose_report(report)
    # Asked only of a text that can be published: the refusal says why otherwise.
    approved = report_state(report, document).status == "approved"
    if approved and (slips := open_slips(report, document)) and "despite_slips" not in request.POST:
        messages.warning(request, slips_question(slips))
        return redirect("publishing:publications", report.pk)
    try:
        publication = report_publish(report=report, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Version %(version)s is published.") % {"version": publication.version})
    return redirect("publishing:publications", report.pk)


@login_required
@require_POST
def renew_link(request, pk: int):
    report = get_report_for_user(request, pk, write=True)
    link_renew(report=report)
    messages.success(request, _("The old link no longer works; give delegates the new one."))
    return redirect("publishing:publications", report.pk)
