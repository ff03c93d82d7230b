"""Who may see and change which report."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from unionreports.accounts.access import role_in
from unionreports.accounts.models import Affiliation

from .models import Report


class DraftClosed(PermissionDenied):
    """A delegate asked for the committee's working copy of a report.

    `public_url` is the public page of the published version, or None while nothing is
    published behind an active link.
    """

    def __init__(self, public_url: str | None):
        super().__init__(
            _(
                "Only the executive committee reads the report before it is published; "
                "delegates read the published version at the link the union gives them."
            )
        )
        self.public_url = public_url


def get_report_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Report:
    """The report with everything its document needs (fixed number of queries).

    Someone outside the report's union gets a 404, as if it did not exist; a delegate gets
    `DraftClosed` (a 403), since delegates read only what is published; a committee member
    who may read but not write gets a 403 when `write` is asked.
    """
    try:
        report = Report.objects.for_user(request.user).with_document_data().get(pk=pk)
    except Report.DoesNotExist:
        raise Http404(_("No such report.")) from None
    if role_of(request.user, report) not in Affiliation.READS_DRAFTS:
        # One more query, for delegates only.
        raise DraftClosed(Report.objects.with_publication().get(pk=report.pk).public_page_url)
    if write and not can_write(request.user, report):
        raise PermissionDenied(_("Only the union's secretary can change this report."))
    return report


def can_write(user, report: Report) -> bool:
    return role_of(user, report) == "secretary"


def role_of(user, report: Report) -> str | None:
    """The user's role in the report's union: "secretary", "member", "delegate" or None."""
    return role_in(user, report.term.organization_id)
