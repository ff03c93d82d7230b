from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from unionreports.forms import OrderedRowsMixin, day_first_dates

from .models import Membership, Organization, Person, Term


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "parent_name", "place_name", "document_code", "approval_rule"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class TermForm(forms.ModelForm):
    class Meta:
        model = Term
        fields = ["start_year", "end_year", "congress_date", "committee_size"]

    def __init__(self, *args, organization: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization = organization
        day_first_dates(self)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end:
            # The union's other terms may not share a year with this one.
            others = self.organization.terms.exclude(pk=self.instance.pk)
            overlapping = others.filter(start_year__lt=end, end_year__gt=start).first()
            if overlapping:
                self.add_error(
                    "start_year",
                    ValidationError(
                        _("The union already has the term %(years)s, which overlaps this one."),
                        code="overlapping_term",
                        params={"years": overlapping.years},
                    ),
                )
        return data


class CommitteeRowForm(forms.Form):
    """One person and their seat on the committee, as one row of the committee table.

    The rules of a seat (dates in order, a reason with a leaving date, one chair) are the
    Membership model's: `committee_save` checks every row with them and puts the errors here.
    """

    membership = forms.IntegerField(required=False, widget=forms.HiddenInput)
    full_name = forms.CharField(label=_("full name"), max_length=100)
    qualification = forms.ChoiceField(
        label=_("professional qualification"), choices=Person.Qualification.choices, initial="university"
    )
    union_trained = forms.BooleanField(label=_("trained in union work"), required=False, initial=True)
    role = forms.ChoiceField(label=_("role"), choices=Membership.Role.choices, initial="member")
    joined_how = forms.ChoiceField(label=_("joined by"), choices=Membership.Joined.choices, initial="elected")
    joined_on = forms.DateField(label=_("joined on"))
    left_on = forms.DateField(label=_("left on"), required=False)
    left_reason = forms.ChoiceField(
        label=_("reason for leaving"), choices=[("", "—"), *Membership.LeftReason.choices], required=False
    )
    left_destination = forms.CharField(label=_("where they went"), max_length=300, required=False)

    def __init__(self, *args, congress_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.label = capfirst(field.label)
        # A new row is most often someone elected at the congress.
        self.fields["joined_on"].initial = congress_date

    @classmethod
    def initial_for(cls, membership: Membership) -> dict:
        person = membership.person
        return {
            "membership": membership.pk,
            "full_name": person.full_name,
            "qualification": person.qualification,
            "union_trained": person.union_trained,
            "role": membership.role,
            "joined_how": membership.joined_how,
            "joined_on": membership.joined_on,
            "left_on": membership.left_on,
            "left_reason": membership.left_reason,
            "left_destination": membership.left_destination,
        }


class BaseCommitteeFormSet(OrderedRowsMixin, forms.BaseFormSet):
    pass


# People on one term's committee, those who left included: a congress elects at most 99.
COMMITTEE_ROWS = 200
CommitteeFormSet = formset_factory(
    CommitteeRowForm,
    formset=BaseCommitteeFormSet,
    extra=1,
    can_delete=True,
    can_order=True,
    max_num=COMMITTEE_ROWS,
    validate_max=True,
    absolute_max=2 * COMMITTEE_ROWS,
)
