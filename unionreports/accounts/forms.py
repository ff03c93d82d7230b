from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from .models import Invitation


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Wrong username or password. Both are case-sensitive."),
        "inactive": _("This account has been disabled."),
    }


class InvitationForm(forms.ModelForm):
    """Whom to invite; `people` are the union's committee members the invitation may be for."""

    class Meta:
        model = Invitation
        fields = ["person", "email", "role"]
        labels = {"person": _("Committee member")}
        help_texts = {"person": _("Whom of the committee the account will be; empty for someone else.")}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].empty_label = _("— not a committee member —")
        self.helper = FormHelper()
        self.helper.form_tag = False


class PersonChoiceForm(forms.Form):
    """Which committee member an account is (the select beside each account on the union page)."""

    person = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Committee member"),
        empty_label=_("— not a committee member —"),
        error_messages={"invalid_choice": _("Choose a member of this union's committee.")},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class AcceptInvitationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        # Vietnamese names: family and middle name (họ) before the given name (tên).
        fields = ["username", "last_name", "first_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
