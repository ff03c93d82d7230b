"""Who may see and change which union."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from unionreports.committee.models import Organization

from .models import Affiliation


def get_organization_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Organization:
    """The union, if the user belongs to it (else 404); its secretary only when `write` (else 403)."""
    organization = Organization.objects.filter(pk=pk).first()
    if organization is None:
        raise Http404(_("No such union."))
    if request.user.is_superuser:
        return organization
    role = (
        Affiliation.objects.filter(user=request.user, organization=organization)
        .values_list("role", flat=True)
        .first()
    )
    if role is None:
        raise Http404(_("No such union."))
    if write and role != Affiliation.Role.SECRETARY:
        raise PermissionDenied(_("Only the union's secretary can change this."))
    return organization
