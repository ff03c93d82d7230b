"""The union's pages: its records, guarded by who belongs to it.

They live here rather than in `committee`, which keeps the records and knows nothing of
accounts; the URL names stay in the "committee" namespace.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from unionreports.committee import services as committee_services
from unionreports.committee.forms import OrganizationForm, TermForm
from unionreports.committee.models import Term
from unionreports.lib.ids import parse_id

from . import services
from .access import get_organization_for_user, role_in
from .decorators import login_required_keeping_post
from .forms import InvitationForm, PersonChoiceForm
from .models import Affiliation
from .names import display_name


@login_required_keeping_post
def organization_create(request):
    form = OrganizationForm(request.POST or None)
    if form.is_valid():
        organization = services.organization_create(user=request.user, **form.cleaned_data)
        messages.success(request, _("The union was created. Next, record its term."))
        return redirect("committee:term_create", organization.pk)
    return render(request, "committee/organization_form.html", {"form": form})


@login_required_keeping_post
def organization_edit(request, pk: int):
    organization = get_organization_for_user(request, pk, write=True)
    form = OrganizationForm(request.POST or None, instance=organization)
    if form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect(organization)
    return render(request, "committee/organization_form.html", {"form": form, "organization": organization})


@login_required_keeping_post
def organization_detail(request, pk: int):
    return organization_page(request, get_organization_for_user(request, pk))


def organization_page(request, organization, *, invite_form=None):
    """The union's page; `invite_form` is a bound invitation form to show with its errors.

    Its queries don't grow with the number of people, accounts or invitations.
    """
    is_secretary = role_in(request.user, organization.pk) == Affiliation.Role.SECRETARY
    affiliations = list(organization.affiliations.select_related("user__profile", "person"))
    context = {
        "organization": organization,
        "is_secretary": is_secretary,
        "terms": organization.terms.prefetch_related("reports"),
        "affiliations": affiliations,
    }
    if is_secretary:
        # Addresses of people not yet in the union, and the links, are the secretary's to know.
        invitations = list(organization.invitations.pending().select_related("person"))
        for invitation in invitations:
            invitation.link = request.build_absolute_uri(invitation.get_absolute_url())
        people = organization.people.all()
        if invite_form is None:
            # From a committee row (?invite=<person>): that member, as a committee member.
            initial = {"person": parse_id(request.GET.get("invite", "")), "role": Affiliation.Role.MEMBER}
            invite_form = InvitationForm(initial=initial, people=people)
        context |= {
            "invitations": invitations,
            "invited": parse_id(request.GET.get("invited", "")),
            "invite_form": invite_form,
            "people": list(people),
            "committee": committee_rows(organization, affiliations, invitations),
        }
    status = 400 if invite_form is not None and invite_form.is_bound else 200
    return render(request, "committee/organization_detail.html", context, status=status)


def committee_rows(organization, affiliations, invitations) -> list[tuple]:
    """(membership, account, pending invitation) for each member of the newest term's committee."""
    term = organization.terms.first()
    if term is None:
        return []
    accounts = {a.person_id: a for a in affiliations if a.person_id}
    invited = {i.person_id: i for i in invitations if i.person_id}
    return [
        (membership, accounts.get(membership.person_id), invited.get(membership.person_id))
        for membership in term.memberships.select_related("person").order_by("position", "joined_on", "id")
    ]


@login_required
@require_POST
def affiliation_link(request, pk: int, affiliation_pk: int):
    organization = get_organization_for_user(request, pk, write=True)
    affiliation = get_object_or_404(organization.affiliations, pk=affiliation_pk)
    form = PersonChoiceForm(request.POST, people=organization.people.all())
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["person"])
        services.affiliation_link(affiliation=affiliation, person=form.cleaned_data["person"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Saved."))
    return redirect(f"{organization.get_absolute_url()}#access")


@login_required
@require_POST
def affiliation_remove(request, pk: int, affiliation_pk: int):
    organization = get_organization_for_user(request, pk, write=True)
    affiliation = get_object_or_404(organization.affiliations.select_related("user"), pk=affiliation_pk)
    try:
        services.affiliation_remove(affiliation=affiliation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{organization.get_absolute_url()}#access")
    messages.success(
        request,
        _("%(name)s no longer has access to %(union)s. What they wrote stays in the record.")
        % {"name": display_name(affiliation.user), "union": organization},
    )
    if affiliation.user_id == request.user.pk:
        return redirect("reports:list")
    return redirect(f"{organization.get_absolute_url()}#access")


@login_required_keeping_post
def term_create(request, org_pk: int):
    organization = get_organization_for_user(request, org_pk, write=True)
    form = TermForm(request.POST or None, organization=organization)
    if form.is_valid():
        committee_services.term_create(organization=organization, **form.cleaned_data)
        messages.success(request, _("The term was recorded. Now create its report."))
        return redirect("reports:create", organization.pk)
    return render(request, "committee/term_form.html", {"form": form, "organization": organization})


@login_required_keeping_post
def term_edit(request, pk: int):
    term = get_object_or_404(Term, pk=pk)
    organization = get_organization_for_user(request, term.organization_id, write=True)
    form = TermForm(request.POST or None, instance=term, organization=organization)
    if form.is_valid():
        committee_services.term_update(term=term, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("committee:organization", organization.pk)
    return render(
        request, "committee/term_form.html", {"form": form, "organization": organization, "term": term}
    )
