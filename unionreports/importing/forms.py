"""The two steps of an import: choose the file, then confirm what was read."""

import secrets

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from unionreports.committee.models import Term
from unionreports.reports.forms import CrispyMixin

from .lines import ImportFailed
from .outline import Imported
from .services import MAX_BYTES, check_size, read_report

SALT = "unionreports.importing"
# A preview older than this is read again from the file.
PREVIEW_MAX_AGE = 24 * 3600


class ImportForm(CrispyMixin, forms.Form):
    term = forms.ModelChoiceField(Term.objects.none(), label=_("Term"), empty_label=None)
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf,.txt,.md"}),
        error_messages={"empty": _("The file is empty.")},
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = Term.objects.filter(organization=organization)
        self.fields["term"].label_from_instance = lambda term: term.years
        # Formatted here, in the language of the request.
        self.fields["file"].help_text = _(
            "A Word document (.docx), a PDF with its text, text (.txt) or Markdown (.md), at most %(mb)s MB."
        ) % {"mb": MAX_BYTES // (1024 * 1024)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            # Checked before the file is read into memory.
            check_size(upload.size)
            self.imported = read_report(upload.name, upload.read())
        except ImportFailed as failure:
            raise ValidationError(failure.message, code=failure.code) from None
        return upload


class ConfirmForm(CrispyMixin, forms.Form):
    """What the preview showed, signed so that what is saved is what was seen."""

    payload = forms.CharField(widget=forms.HiddenInput)
    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        max_value=32767,
        help_text=_("The document number, e.g. 3 for “Số: 03”."),
    )
    date = forms.DateField(label=_("Date"))

    @staticmethod
    def sign(*, term: Term, name: str, imported: Imported) -> str:
        # The token tells a second click on "save" (or a page saved again) from a new import.
        data = {
            "term": term.pk,
            "name": name,
            "token": secrets.token_urlsafe(12),
            "imported": imported.to_dict(),
        }
        return signing.dumps(data, salt=SALT, compress=True)

    def clean_payload(self) -> dict:
        try:
            data = signing.loads(self.cleaned_data["payload"], salt=SALT, max_age=PREVIEW_MAX_AGE)
            data["imported"] = Imported.from_dict(data["imported"])
        except signing.SignatureExpired:
            raise ValidationError(
                _("This preview is too old. Upload the file again."), code="expired"
            ) from None
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise ValidationError(
                _("This preview was altered. Upload the file again."), code="tampered"
            ) from None
        return data
