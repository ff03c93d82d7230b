from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .access import get_organization_for_user
from .forms import AcceptInvitationForm, InvitationForm
from .models import Invitation
from .services import invitation_accept, invitation_create


@login_required
@require_POST
def invite(request, org_pk: int):
    organization = get_organization_for_user(request, org_pk, write=True)
    form = InvitationForm(request.POST)
    if form.is_valid():
        invitation_create(
            organization=organization,
            by=request.user,
            link_base=request.build_absolute_uri("/"),
            **form.cleaned_data,
        )
        messages.success(request, _("An invitation was sent to %(email)s.") % form.cleaned_data)
    else:
        messages.error(request, _("Enter a valid e-mail address and a role."))
    return redirect("committee:organization", organization.pk)


def accept_invitation(request, token: str):
    invitation = get_object_or_404(Invitation.objects.open().select_related("organization"), token=token)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = invitation_accept(invitation=invitation, form=form)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, _("Welcome! You have joined %(union)s.") % {"union": invitation.organization}
        )
        return redirect("reports:list")
    return render(request, "accounts/accept_invitation.html", {"form": form, "invitation": invitation})
