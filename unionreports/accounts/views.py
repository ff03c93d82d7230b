from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .access import get_organization_for_user
from .decorators import forget_login, login_required_keeping_post, remember_login
from .forms import AcceptInvitationForm, AccountForm, InvitationForm, LoginForm, ResetForm
from .models import Invitation
from .services import account_update, invitation_accept, invitation_create, profile_of
from .union_views import organization_page


class LoginView(auth_views.LoginView):
    """Django's login, leaving a mark that lets a form posted after the session ends be kept."""

    form_class = LoginForm

    def form_valid(self, form):
        response = super().form_valid(form)
        remember_login(response, form.get_user())
        return response


class LogoutView(auth_views.LogoutView):
    """Django's logout; after a deliberate logout nothing posted is kept for this browser."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        forget_login(response)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's: the same answer whether or not an account has the address; the link is mailed later."""

    form_class = ResetForm
    subject_template_name = "registration/password_reset_subject.txt"
    email_template_name = "registration/password_reset_email.txt"

    @property
    def extra_email_context(self):
        # The link is built on the site's configured address, never on the Host of the request.
        return {"site_url": settings.SITE_URL.rstrip("/")}


@login_required_keeping_post
def account(request):
    profile = profile_of(request.user)
    initial = {
        "full_name": profile.full_name,
        "email": request.user.email,
        "email_notices": profile.email_notices,
    }
    form = AccountForm(request.POST or None, initial=initial)
    if form.is_valid():
        account_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("account")
    return render(request, "accounts/account.html", {"form": form, "profile": profile})


@login_required
@require_POST
def invite(request, org_pk: int):
    organization = get_organization_for_user(request, org_pk, write=True)
    form = InvitationForm(
        request.POST, instance=Invitation(organization=organization), people=organization.people.all()
    )
    if not form.is_valid():
        return organization_page(request, organization, invite_form=form)
    invitation = invitation_create(
        organization=organization,
        by=request.user,
        link_base=request.build_absolute_uri("/"),
        **form.cleaned_data,
    )
    messages.success(
        request,
        _("An invitation was sent to %(email)s. You can also copy its link and send it yourself.")
        % form.cleaned_data,
    )
    return redirect(f"{organization.get_absolute_url()}?invited={invitation.pk}#invitation-{invitation.pk}")


@login_required
@require_POST
def invitation_resend(request, org_pk: int, pk: int):
    organization = get_organization_for_user(request, org_pk, write=True)
    invitation = get_object_or_404(organization.invitations, pk=pk)
    try:
        services.invitation_resend(
            invitation=invitation, by=request.user, link_base=request.build_absolute_uri("/")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The invitation was sent again to %(email)s; its link works until %(date)s.")
            % {
                "email": invitation.email,
                "date": date_format(localtime(invitation.expires_at), "SHORT_DATE_FORMAT"),
            },
        )
    return redirect(f"{organization.get_absolute_url()}#invitations")


@login_required
@require_POST
def invitation_revoke(request, org_pk: int, pk: int):
    organization = get_organization_for_user(request, org_pk, write=True)
    invitation = get_object_or_404(organization.invitations, pk=pk)
    try:
        services.invitation_revoke(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The invitation to %(email)s was revoked: its link no longer works.")
            % {"email": invitation.email},
        )
    return redirect(f"{organization.get_absolute_url()}#invitations")


def accept_invitation(request, token: str):
    invitation = (
        Invitation.objects.open().select_related("organization", "person").filter(token=token).first()
    )
    if invitation is None:
        return render(request, "accounts/invitation_used.html", status=410)
    # An invitation from a committee row knows the name, as the committee's records write it.
    initial = {"full_name": invitation.person.full_name} if invitation.person_id else {}
    form = AcceptInvitationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept(invitation=invitation, form=form)
        except ValidationError:
            # Another session accepted it between this page's load and this post.
            return render(request, "accounts/invitation_used.html", status=410)
        login(request, user, backend="unionreports.accounts.backends.ModelBackend")
        messages.success(
            request, _("Welcome! You have joined %(union)s.") % {"union": invitation.organization}
        )
        return redirect("reports:list")
    return render(request, "accounts/accept_invitation.html", {"form": form, "invitation": invitation})
