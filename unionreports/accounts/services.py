from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from unionreports.committee.models import Organization, Person

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
def invitation_create(
    *, organization: Organization, email: str, role: str, by, link_base: str, person: Person | None = None
) -> Invitation:
    """Records an invitation and mails its one-time link (`link_base` is the site's address).

    With `person`, the account made from it will be that committee member's.
    """
    invitation = Invitation(organization=organization, email=email, role=role, invited_by=by, person=person)
    invitation.full_clean()
    invitation.save()
    _mail_invitation(invitation, by=by, link_base=link_base)
    return invitation


def _mail_invitation(invitation: Invitation, *, by, link_base: str) -> None:
    organization = invitation.organization
    link = link_base.rstrip("/") + invitation.get_absolute_url()
    # In the site's language, as notices are: the one invited has no account, hence no language,
    # and the secretary's choice of interface is not theirs.
    with translation.override(settings.LANGUAGE_CODE):
        body = _(
            "%(who)s invites you to %(union)s as %(role)s on the union reports site.\n\n"
            "Open this link to choose your username and password (it works once, for 14 days):\n%(link)s\n"
        ) % {
            "who": display_name(by),
            "union": organization,
            "role": invitation.get_role_display(),
            "link": link,
        }
        subject = _("Invitation: %(union)s") % {"union": organization}
    send_later(subject=subject, body=body, to=invitation.email)


@transaction.atomic
def invitation_resend(*, invitation: Invitation, by, link_base: str) -> Invitation:
    """Mails the same link again; it works for another `VALID_FOR` from now.

    The link stays the same, so one already passed on (by Zalo, say) keeps working.
    """
    now = timezone.now()
    if not Invitation.objects.pending().filter(pk=invitation.pk).update(sent_at=now):
        raise ValidationError(_("This invitation was already used or revoked."), code="invitation_closed")
    invitation.sent_at = now
    _mail_invitation(invitation, by=by, link_base=link_base)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> None:
    """The link stops working; an invitation already accepted can't be revoked (remove the access instead)."""
    if not Invitation.objects.pending().filter(pk=invitation.pk).update(revoked_at=timezone.now()):
        raise ValidationError(_("This invitation was already used or revoked."), code="invitation_closed")


@transaction.atomic
def invitation_accept(*, invitation: Invitation, form) -> object:
    """Creates the account from the accepted form and gives it the invited role.

    The link is used up by one conditional UPDATE first: of several sessions accepting at
    once, exactly one changes the row; the others get a ValidationError, and no account.
    An invitation made for a committee member links the account to that person, unless the
    secretary linked another account to them meanwhile.
    """
    now = timezone.now()
    if not Invitation.objects.open().filter(pk=invitation.pk).update(accepted_at=now):
        raise ValidationError(_("This invitation was already used."), code="invitation_used")
    invitation.accepted_at = now
    user = form.save(commit=False)
    user.email = invitation.email
    user.save()
    Profile.objects.create(user=user, full_name=form.cleaned_data["full_name"])
    person = invitation.person
    if person is not None:
        taken = Affiliation.objects.select_for_update().filter(
            organization=invitation.organization, person=person
        )
        if taken.exists():
            person = None
    Affiliation.objects.create(
        user=user, organization=invitation.organization, role=invitation.role, person=person
    )
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


@transaction.atomic
def affiliation_link(*, affiliation: Affiliation, person: Person | None) -> Affiliation:
    """Says which committee member the account is (None: none)."""
    affiliation.person = person
    affiliation.full_clean()
    affiliation.save(update_fields=["person"])
    return affiliation


@transaction.atomic
def affiliation_remove(*, affiliation: Affiliation) -> None:
    """The account leaves the union; what it wrote (comments, verdicts) stays in the record.

    The union's secretaries are locked first, so that two secretaries removing each other at
    once can't leave the union with none.
    """
    secretaries = list(
        Affiliation.objects.select_for_update()
        .filter(organization_id=affiliation.organization_id, role=Affiliation.Role.SECRETARY)
        .values_list("pk", flat=True)
    )
    if secretaries == [affiliation.pk]:
        raise ValidationError(
            _("The union's last secretary can't be removed: make someone else secretary first."),
            code="last_secretary",
        )
    Affiliation.objects.filter(pk=affiliation.pk).delete()
