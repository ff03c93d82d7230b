from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from unionreports.committee.models import Organization

from .mail import send_later
from .models import Affiliation, Invitation, Profile
from .names import display_name


@transaction.atomic
def organization_create(*, user: AbstractBaseUser, **fields) -> Organization:
    """A new union, with its creator as its secretary."""
    organization = Organization(**fields)
    organization.full_clean()
    organization.save()
    Affiliation.objects.create(user=user, organization=organization, role=Affiliation.Role.SECRETARY)
    return organization


@transaction.atomic
def invitation_create(*, organization: Organization, email: str, role: str, by, link_base: str) -> Invitation:
    """Records an invitation and mails its one-time link (`link_base` is the site's address)."""
    invitation = Invitation(organization=organization, email=email, role=role, invited_by=by)
    invitation.full_clean()
    invitation.save()
    link = link_base.rstrip("/") + invitation.get_absolute_url()
    body = _(
        "%(who)s invites you to %(union)s as %(role)s on the union reports site.\n\n"
        "Open this link to choose your username and password (it works once, for 14 days):\n%(link)s\n"
    ) % {
        "who": display_name(by),
        "union": organization,
        "role": invitation.get_role_display(),
        "link": link,
    }
    send_later(subject=_("Invitation: %(union)s") % {"union": organization}, body=body, to=email)
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, form) -> object:
    """Creates the account from the accepted form and gives it the invited role.

    The link is used up by one conditional UPDATE first: of several sessions accepting at
    once, exactly one changes the row; the others get a ValidationError, and no account.
    """
    now = timezone.now()
    if not Invitation.objects.open().filter(pk=invitation.pk).update(accepted_at=now):
        raise ValidationError(_("This invitation was already used."), code="invitation_used")
    invitation.accepted_at = now
    user = form.save(commit=False)
    user.email = invitation.email
    user.save()
    Profile.objects.create(user=user, full_name=form.cleaned_data["full_name"])
    Affiliation.objects.create(user=user, organization=invitation.organization, role=invitation.role)
    return user


def profile_of(user) -> Profile:
    """The user's profile, made empty for an account that has none yet (one made in the admin)."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        profile, _created = Profile.objects.get_or_create(user=user)
        user.profile = profile
        return profile


@transaction.atomic
def account_update(*, user, full_name: str, email: str, email_notices: bool) -> Profile:
    """Saves what the user says about themselves: name, e-mail address, whether notices are mailed."""
    profile = profile_of(user)
    user.email = email
    user.full_clean()
    user.save(update_fields=["email"])
    profile.full_name = full_name
    profile.email_notices = email_notices
    profile.full_clean()
    profile.save()
    return profile
