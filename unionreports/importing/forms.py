"""The two steps of an import: choose the file, then confirm what was read."""

import secrets

from crispy_forms.layout import Layout
from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from unionreports.committee.models import Term
from unionreports.reports.forms import CrispyMixin
from unionreports.reports.kinds import PART_KINDS

from .lines import ImportFailed
from .outline import Imported, paths, relabel
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
    """What the preview showed, signed so that what is saved is what was seen; the kind and title
    the secretary gives each part and section, and the rows of the file's committee table that
    join the committee.

    The payload is read when the form is made, for the fields of the outline it holds.
    """

    payload = forms.CharField(widget=forms.HiddenInput)
    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        max_value=32767,
        help_text=_("The document number, e.g. 3 for “Số: 03”."),
    )
    date = forms.DateField(label=_("Date"))
    members = forms.TypedMultipleChoiceField(
        label=_("Add to the committee"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The rows of the file's table of the committee: ticked ones join this term's committee."),
    )

    def __init__(self, *args, imported: Imported | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout("payload", "number", "date")
        if imported is None and self.is_bound:
            imported = self._peek()
        self.outline: list[tuple[int, str, str, str, str]] = []
        if imported is None:
            return
        self.fields["members"].choices = [
            (i, " – ".join(part for part in row[:2] if part)) for i, row in enumerate(imported.committee)
        ]
        written = dict(imported.headings)
        for path, section in paths(imported.document.parts):
            kind, title = f"kind-{path}", f"title-{path}"
            self.fields[kind] = forms.ChoiceField(
                label=_("Kind"),
                choices=[(slug, k.label) for slug, k in PART_KINDS.items()],
                initial=section.kind,
                required=False,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
            self.fields[title] = forms.CharField(
                label=_("Title"), max_length=300, initial=section.title, required=False
            )
            depth = path.count(".")
            self.outline.append((depth, section.number, written.get(path, ""), kind, title))

    def _peek(self) -> Imported | None:
        try:
            return self._signed(self.data.get(self.add_prefix("payload"), ""))["imported"]
        except ValidationError:
            return None

    def corrected(self, imported: Imported) -> Imported:
        """`imported` as the secretary labelled it: the kinds and titles chosen on the preview."""
        values = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        kinds, titles = {}, {}
        for path, _section in paths(imported.document.parts):
            if values.get(f"kind-{path}"):
                kinds[path] = values[f"kind-{path}"]
            if values.get(f"title-{path}", "").strip():
                titles[path] = values[f"title-{path}"]
        return relabel(imported, kinds, titles)

    def rows(self):
        """(depth, number, heading as written, kind field, title field) of each part and section."""
        return [
            (depth, number, written, self[kind], self[title])
            for depth, number, written, kind, title in self.outline
        ]

    @staticmethod
    def sign(*, term: Term, name: str, imported: Imported, lines: list[str]) -> str:
        """`lines`: the file's lines as typed, for the proofreader of a preview shown again."""
        # The token tells a second click on "save" (or a page saved again) from a new import.
        data = {
            "term": term.pk,
            "name": name,
            "token": secrets.token_urlsafe(12),
            "imported": imported.to_dict(),
            "lines": lines,
        }
        return signing.dumps(data, salt=SALT, compress=True)

    def clean_payload(self) -> dict:
        return self._signed(self.cleaned_data["payload"])

    @staticmethod
    def _signed(payload: str) -> dict:
        try:
            data = signing.loads(payload, salt=SALT, max_age=PREVIEW_MAX_AGE)
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
