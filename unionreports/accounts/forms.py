from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UserCreationForm
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .mail import send_later
from .models import Invitation, Profile


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


def full_name_field() -> forms.CharField:
    field = Profile._meta.get_field("full_name")
    return forms.CharField(
        label=capfirst(field.verbose_name), max_length=field.max_length, help_text=field.help_text
    )


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
    # One field, as Vietnamese write a name: family name first.
    full_name = full_name_field()

    class Meta(UserCreationForm.Meta):
        fields = ["full_name", "username"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class AccountForm(forms.Form):
    full_name = full_name_field()
    email = forms.EmailField(
        label=capfirst(_("e-mail")), required=False, help_text=_("Notices and password resets go here.")
    )
    email_notices = forms.BooleanField(
        label=capfirst(Profile._meta.get_field("email_notices").verbose_name),
        help_text=Profile._meta.get_field("email_notices").help_text,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class ResetForm(PasswordResetForm):
    """Django's, mailing the link through the task queue rather than during the request."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # In the site's language, as every e-mail it sends: who opens it is not known here.
        with translation.override(settings.LANGUAGE_CODE):
            subject = render_to_string(subject_template_name, context)
            body = render_to_string(email_template_name, context)
        send_later(subject=subject, body=body, to=to_email)
