"""The proofreading panel's actions: write a suggestion in, dismiss a finding, show it again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from unionreports.http import posted_next

from . import proofreading
from .access import get_report_for_user
from .services import Conflict


def back(request, report):
    """Back to the page the panel was on, else the report's page."""
    return redirect(f"{posted_next(request) or report.get_absolute_url()}#proofreading")


@login_required
@require_POST
def finding_apply(request, pk: int):
    report = get_report_for_user(request, pk, write=True)
    try:
        finding = proofreading.finding_apply(
            report=report, key=request.POST.get("key", ""), seen=request.POST.get("seen", "")
        )
    except Conflict:
        messages.warning(
            request,
            _(
                "The report changed since this page was shown: nothing was written. Here are its findings now."
            ),
        )
    except proofreading.NotApplied as refused:
        messages.error(request, str(refused))
    else:
        # The correction in its words: a slip of spacing alone would read the same before and after.
        passage = f"{finding.before[-20:]}{finding.suggestion}{finding.after[:20]}".strip()
        messages.success(request, _("Corrected: “…%(passage)s…”.") % {"passage": passage})
    return back(request, report)


@login_required
@require_POST
def finding_dismiss(request, pk: int):
    report = get_report_for_user(request, pk, write=True)
    finding = proofreading.finding_dismiss(report=report, key=request.POST.get("key", ""), by=request.user)
    if finding is None:
        messages.warning(request, _("This finding is no longer in the text."))
    else:
        messages.success(
            request, _("“%(text)s” will not be pointed out again in this report.") % {"text": finding.text}
        )
    return back(request, report)


@login_required
@require_POST
def finding_restore(request, pk: int):
    report = get_report_for_user(request, pk, write=True)
    proofreading.finding_restore(report=report, key=request.POST.get("key", ""))
    messages.success(request, _("The finding is shown again."))
    return back(request, report)
