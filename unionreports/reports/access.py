"""Who may see and change which report."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from unionreports.accounts.access import role_in

from .models import Report


def get_report_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Report:
    """The report with everything its document needs (fixed number of queries).

    Someone outside the report's union gets a 404, as if it did not exist; a member who
    may read but not write gets a 403 when `write` is asked.
    """
    try:
        report = Report.objects.for_user(request.user).with_document_data().get(pk=pk)
    except Report.DoesNotExist:
        raise Http404(_("No such report.")) from None
    if write and not can_write(request.user, report):
        raise PermissionDenied(_("Only the union's secretary can change this report."))
    return report


def can_write(user, report: Report) -> bool:
    return role_of(user, report) == "secretary"


def role_of(user, report: Report) -> str | None:
    """The user's role in the report's union: "secretary", "member", "delegate" or None."""
    return role_in(user, report.term.organization_id)


def get_report_for_reviewer(request: HttpRequest, pk: int) -> Report:
    """The report for its secretary and committee members; delegates read only what is published."""
    report = get_report_for_user(request, pk)
    if role_of(request.user, report) not in ("secretary", "member"):
        raise PermissionDenied(_("Only the committee reviews the draft."))
    return report
