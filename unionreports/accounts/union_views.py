"""The union's pages: its records, guarded by who belongs to it.

They live here rather than in `committee`, which keeps the records and knows nothing of
accounts; the URL names stay in the "committee" namespace.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from unionreports.committee import services as committee_services
from unionreports.committee.forms import OrganizationForm, TermForm
from unionreports.committee.models import Term

from . import services
from .access import get_organization_for_user, role_in
from .decorators import login_required_keeping_post
from .forms import InvitationForm
from .models import Affiliation


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
    """The union's page; `invite_form` is a bound invitation form to show with its errors."""
    is_secretary = role_in(request.user, organization.pk) == Affiliation.Role.SECRETARY
    context = {
        "organization": organization,
        "is_secretary": is_secretary,
        "terms": organization.terms.prefetch_related("reports"),
        "affiliations": organization.affiliations.select_related("user__profile"),
        # Addresses of people not yet in the union are the secretary's to know.
        "invitations": organization.invitations.open() if is_secretary else [],
        "invite_form": (invite_form or InvitationForm()) if is_secretary else None,
    }
    return render(request, "committee/organization_detail.html", context, status=400 if invite_form else 200)


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
