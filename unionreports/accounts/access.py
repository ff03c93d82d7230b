"""Who may see and change which union."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from unionreports.committee.models import Organization

from .models import Affiliation


def role_in(user, organization_id: int) -> str | None:
    """The user's role in a union: "secretary", "member", "delegate", or None.

    Remembered on the user object, which lives for one request: views and the helpers they
    call ask again without another query. A superuser counts as secretary everywhere.
    """
    if user.is_superuser:
        return Affiliation.Role.SECRETARY
    if not user.is_authenticated:
        return None
    roles = user.__dict__.setdefault("_union_roles", {})
    if organization_id not in roles:
        roles[organization_id] = (
            Affiliation.objects.filter(user=user, organization_id=organization_id)
            .values_list("role", flat=True)
            .first()
        )
    return roles[organization_id]


def get_organization_for_user(request: HttpRequest, pk: int, *, write: bool = False) -> Organization:
    """The union, if the user belongs to it (else 404); its secretary only when `write` (else 403)."""
    organization = Organization.objects.filter(pk=pk).first()
    if organization is None:
        raise Http404(_("No such union."))
    role = role_in(request.user, organization.pk)
    if role is None:
        raise Http404(_("No such union."))
    if write and role != Affiliation.Role.SECRETARY:
        raise PermissionDenied(_("Only the union's secretary can change this."))
    return organization
