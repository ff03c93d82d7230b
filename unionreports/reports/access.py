"""Who may see and change which report."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

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
    if user.is_superuser:
        return True
    return report.term.organization.affiliations.filter(user=user, role="secretary").exists()
