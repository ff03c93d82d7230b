"""Forms of the report's editing pages; crispy-forms lays them out (Bootstrap 5)."""

from crispy_forms.helper import FormHelper
from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from unionreports.committee.models import Person, Term
from unionreports.forms import OrderedRowsMixin, day_first_dates, no_length_cut

from .kinds import kinds_holding
from .models import AchievementArea, AchievementItem, OutlineTemplate, Report, ReportItem, ReportSection


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
    start_from = forms.ChoiceField(
        label=_("Start from"),
        help_text=_(
            "The parts and sections the report starts with; you can add, rename, move and remove them."
        ),
    )

    class Meta:
        model = Report
        fields = ["term", "kind", "number", "date"]

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = Term.objects.filter(organization=organization)
        self.fields["term"].empty_label = None
        self.starts: dict[str, Report | OutlineTemplate] = {
            **{
                f"template-{template.pk}": template
                for template in OutlineTemplate.objects.filter(organization=organization)
            },
            **{
                f"report-{report.pk}": report
                for report in Report.objects.filter(term__organization=organization).select_related("term")
            },
        }
        self.fields["start_from"].choices = [
            ("kind", _("the usual outline of this kind of report")),
            *((key, self.describe(start)) for key, start in self.starts.items()),
        ]

    @staticmethod
    def describe(start) -> str:
        if isinstance(start, OutlineTemplate):
            return _("the union's outline “%(name)s”") % {"name": start}
        return _("the outline of “%(report)s”, No. %(number)02d") % {"report": start, "number": start.number}

    def clean_start_from(self) -> Report | OutlineTemplate | None:
        return self.starts.get(self.cleaned_data["start_from"])


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
        fields = ["opening", "closing", "unplaced"]
        widgets = {name: rows(5) for name in fields}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only an import fills this; a report written here has no use for it.
        if not self.instance.unplaced:
            del self.fields["unplaced"]


def section_form(kind) -> type[forms.ModelForm]:
    """The form of a section's page: the fields its kind declares, labelled as the kind says."""
    widgets = {name: rows(6 if name == "text" else 4) for name in ("text", "remarks", "closing")}
    return forms.modelform_factory(
        ReportSection,
        form=SectionFormBase,
        fields=list(kind.fields),
        labels=dict(kind.fields),
        widgets={name: widget for name, widget in widgets.items() if name in kind.fields},
    )


class SectionFormBase(CrispyMixin, forms.ModelForm):
    pass


class OutlineTemplateForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = OutlineTemplate
        fields = ["name"]
        labels = {"name": _("Name of the template")}


class SectionCreateForm(CrispyMixin, forms.ModelForm):
    """Adds a part, or a section inside a part that holds sections."""

    class Meta:
        model = ReportSection
        fields = ["kind", "title", "parent"]

    def __init__(self, *args, report, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = report.sections.filter(kind__in=kinds_holding("group"))
        self.fields["parent"].empty_label = _("(a part of its own)")
        # In reading order, numbered and indented as the outline shows them (`outline.Row`s).
        inside = [row for row in rows if row.kind.holds_sections]
        if inside:
            self.fields["parent"].choices = [
                ("", self.fields["parent"].empty_label),
                *(
                    (row.section.pk, f"{'— ' * row.depth}{row.number} {row.section}".strip())
                    for row in inside
                ),
            ]
        self.fields["title"].required = True


class AreaForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = AchievementArea
        fields = ["title"]


class AreaCreateForm(CrispyMixin, forms.ModelForm):
    class Meta:
        model = AchievementArea
        fields = ["title", "parent"]

    def __init__(self, *args, section, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = section.areas.filter(parent__isnull=True)
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


# Items of one list or one area: far more than any report has (the longest seen hold a few
# hundred), few enough for one page. Twice as many are still shown again when refused.
LIST_ROWS = 500
ROW_LIMITS = {"max_num": LIST_ROWS, "validate_max": True, "absolute_max": 2 * LIST_ROWS}
ItemFormSet = modelformset_factory(
    ReportItem, form=ItemForm, formset=OrderedFormSet, extra=1, can_order=True, can_delete=True, **ROW_LIMITS
)
AchievementFormSet = modelformset_factory(
    AchievementItem,
    form=AchievementForm,
    formset=OrderedFormSet,
    extra=1,
    can_order=True,
    can_delete=True,
    **ROW_LIMITS,
)
