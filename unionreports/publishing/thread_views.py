"""Replying to and resolving a comment thread from the secretary's editing pages.

Posted by a page's script, they answer with the thread as it is now (the page swaps it in and
nothing typed in the editing form is touched); posted as a plain form, they go back to the
page the form names in `next`, at the thread.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from unionreports.http import posted_next
from unionreports.reports.access import get_report_for_user, role_of

from . import review
from .page_comments import thread_of

# The header a page's script sends: it wants the thread's HTML, not a redirect.
FETCH = "fetch"


@login_required
@require_POST
def thread_reply(request, pk: int, comment_pk: int):
    report = get_report_for_user(request, pk)
    thread = get_object_or_404(report.comments, pk=comment_pk, parent__isnull=True)
    try:
        review.comment_add(
            report=report,
            author=request.user,
            anchor="",
            text=request.POST.get("text", "").strip(),
            parent=thread,
        )
    except ValidationError as error:
        return refused(
            request, thread, _("The reply was not saved: %(why)s") % {"why": " ".join(error.messages)}
        )
    if not wants_thread(request):
        messages.success(request, _("Your reply is saved."))
    return answer(request, report, thread)


@login_required
@require_POST
def thread_resolve(request, pk: int, comment_pk: int):
    report = get_report_for_user(request, pk)
    if role_of(request.user, report) != "secretary":
        raise PermissionDenied(_("Only the union's secretary can do this."))
    thread = get_object_or_404(report.comments, pk=comment_pk, parent__isnull=True)
    review.comment_resolve(comment=thread, resolved=request.POST.get("resolved") == "1")
    return answer(request, report, thread)


def wants_thread(request) -> bool:
    return request.headers.get("X-Requested-With") == FETCH


def answer(request, report, thread):
    if not wants_thread(request):
        return back(request, thread)
    context = {
        "report": report,
        "comment": thread_of(report, thread.pk),
        "can_resolve": role_of(request.user, report) == "secretary",
    }
    return render(request, "publishing/_edit_thread.html", context)


def refused(request, thread, message: str):
    if wants_thread(request):
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    messages.error(request, message)
    return back(request, thread)


def back(request, thread):
    """To the page in `next` when it is one of this site's, else the review page; at the thread."""
    following = posted_next(request) or reverse("publishing:review", args=[thread.report_id])
    return HttpResponseRedirect(f"{following}#comment-{thread.pk}")
