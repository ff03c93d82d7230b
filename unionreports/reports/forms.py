"""Forms of the report's editing pages; crispy-forms lays them out (Bootstrap 5)."""

from crispy_forms.helper import FormHelper
from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from unionreports.committee.models import Person, Term
from unionreports.forms import OrderedRowsMixin, day_first_dates, no_length_cut

from .models import AchievementArea, AchievementItem, Report, ReportItem


class CrispyMixin:
    """Crispy layout without its own <form> tag: a page may hold several forms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        day_first_dates(self)
        no_length_cut(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


def rows(n: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": n})


class ReportCreateForm(CrispyMixin, forms.ModelForm):
    from_previous = forms.BooleanField(
        label=_("Start from the outline of the previous term's report"), required=False, initial=True
    )

    class Meta:
        model = Report
        fields = ["term", "number", "date"]

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = Term.objects.filter(organization=organization)
        self.fields["term"].empty_label = None
        # Only offered when there is a report to start from.
        if not Report.objects.filter(term__organization=organization).exists():
            del self.fields["from_previous"]

    def clean(self):
        data = super().clean()
        data.setdefault("from_previous", False)
        return data


class ReportHeaderForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Report
        fields = ["number", "place", "date", "signer", "recipients"]
        widgets = {"recipients": rows(4)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Who may sign for the committee: its chairs and vice-chairs.
        self.fields["signer"].queryset = Person.objects.filter(
            memberships__term=self.instance.term_id, memberships__role__in=["chair", "vice_chair"]
        ).distinct()
        self.fields["signer"].empty_label = _("(the sitting chair)")


class ReportProseForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Report
        fields = [
            "opening",
            "personnel_text",
            "personnel_remarks",
            "personnel_closing",
            "closing",
            "unplaced",
        ]
        widgets = {name: rows(5) for name in fields}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only an import fills these; a report written here has no use for them.
        for name in ("personnel_text", "unplaced"):
            if not getattr(self.instance, name):
                del self.fields[name]


class LimitationsIntroForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Report
        fields = ["limitations_intro"]
        widgets = {"limitations_intro": rows(3)}


class LessonsIntroForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = Report
        fields = ["lessons_intro"]
        widgets = {"lessons_intro": rows(3)}


class AreaForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = AchievementArea
        fields = ["title"]


class AreaCreateForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = AchievementArea
        fields = ["title", "parent"]

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = report.areas.filter(parent__isnull=True)
        self.fields["parent"].empty_label = _("(a numbered area of its own)")
        self.fields["parent"].label = _("Under")
        self.fields["title"].required = True
        self.fields["title"].help_text = ""


class ItemForm(forms.ModelForm):
    class Meta:
        model = ReportItem
        fields = ["text"]
        widgets = {"text": rows(3)}


class AchievementForm(forms.ModelForm):
    class Meta:
        model = AchievementItem
        fields = ["kind", "text"]
        widgets = {"text": rows(3)}


class OrderedFormSet(OrderedRowsMixin, forms.BaseModelFormSet):
    pass


ItemFormSet = modelformset_factory(
    ReportItem, form=ItemForm, formset=OrderedFormSet, extra=1, can_order=True, can_delete=True
)
AchievementFormSet = modelformset_factory(
    AchievementItem, form=AchievementForm, formset=OrderedFormSet, extra=1, can_order=True, can_delete=True
)
