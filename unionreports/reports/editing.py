"""The editing pages of a report: its heading, committee and prose, and one page per section.

Each page is a `Part`: its forms, what it shows, how it saves. A section's page comes from its
kind (`kinds.PART_KINDS`): the fields the kind declares, and its items when it has a list.

A part is opened on a snapshot of its data; its save compares the snapshot again (inside
the transaction) and refuses with `Conflict` if someone else saved in between, so that
nobody's text is overwritten unseen.
"""

import copy

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from unionreports.committee.forms import CommitteeFormSet, CommitteeRowForm
from unionreports.committee.services import RowInvalid, committee_save, committee_snapshot

from . import forms
from .kinds import PART_KINDS
from .models import AchievementArea, Report, ReportSection
from .services import Conflict, fingerprint, report_touch


class Part:
    slug = ""
    title = ""
    help = ""

    def __init__(self, report: Report):
        self.report = report

    def forms(self, data=None) -> dict:
        raise NotImplementedError

    def snapshot(self):
        raise NotImplementedError

    def save(self, bound: dict) -> None:
        raise NotImplementedError

    def base(self) -> str:
        return fingerprint(self.snapshot())

    def reloaded(self) -> "Part":
        """The same part on the saved records (bound forms change the instances they edit)."""
        fresh = copy.copy(self)
        fresh.report = Report.objects.select_related("term").get(pk=self.report.pk)
        return fresh

    def save_unless_changed(self, bound: dict, *, base: str) -> None:
        """Saves the bound forms in one transaction, unless the part changed since `base`."""
        with transaction.atomic():
            # Saves of the same report queue up here, so two can't both pass the check.
            Report.objects.select_for_update().filter(pk=self.report.pk).first()
            if base != self.base():
                raise Conflict
            self.save(bound)
            report_touch(self.report)


class Invalid(Exception):
    """The forms passed their own checks but the records refuse them; errors are on the forms."""


class CommitteePart(Part):
    slug = "committee"
    title = _("Committee members")
    help = _(
        "Everyone who sat on the committee during the term, one row each: part I is counted from this table."
    )

    def forms(self, data=None) -> dict:
        memberships = self.report.term.memberships.select_related("person").order_by("position", "id")
        initial = [CommitteeRowForm.initial_for(m) for m in memberships]
        formset = CommitteeFormSet(
            data,
            initial=None if data else initial,
            prefix="committee",
            form_kwargs={"congress_date": self.report.term.congress_date},
        )
        return {"rows": formset}

    def snapshot(self):
        return committee_snapshot(self.report.term)

    def save(self, bound: dict) -> None:
        formset = bound["rows"]
        rows = [(formset.forms.index(form), form.cleaned_data) for form in formset.ordered_forms]
        deleted = [
            form.cleaned_data["membership"]
            for form in formset.deleted_forms
            if form.cleaned_data.get("membership")
        ]
        try:
            committee_save(term=self.report.term, rows=[data for _, data in rows], deleted=deleted)
        except RowInvalid as invalid:
            for position, error in invalid.errors.items():
                form = formset.forms[rows[position][0]]
                for field, messages in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, messages)
            raise Invalid from invalid


class ReportFieldsPart(Part):
    form_class = None

    def forms(self, data=None) -> dict:
        return {"form": self.form_class(data, instance=self.report)}

    def snapshot(self):
        fields = self.form_class._meta.fields
        return list(Report.objects.filter(pk=self.report.pk).values_list(*fields).get())

    def save(self, bound: dict) -> None:
        bound["form"].save()


class HeaderPart(ReportFieldsPart):
    slug = "header"
    title = _("Heading")
    help = _("Number, place and date, who signs, and who receives the report.")
    form_class = forms.ReportHeaderForm


class ProsePart(ReportFieldsPart):
    slug = "prose"
    title = _("Opening and closing")
    help = _("The paragraphs you write around the computed figures. One paragraph per line.")
    form_class = forms.ReportProseForm


class SectionPart(Part):
    """A part or section of the outline: the fields its kind declares, and its list items if any."""

    def __init__(self, report: Report, section: ReportSection):
        super().__init__(report)
        self.section = section
        self.kind = PART_KINDS[section.kind]
        self.slug = f"section-{section.pk}"
        self.title = str(section)
        self.help = self.kind.help

    def reloaded(self) -> "Part":
        fresh = super().reloaded()
        fresh.section = ReportSection.objects.get(pk=self.section.pk)
        return fresh

    def queryset(self):
        return self.section.items.order_by("position", "id")

    def forms(self, data=None) -> dict:
        bound = {"form": forms.section_form(self.kind)(data, instance=self.section)}
        if self.kind.structure == "list":
            bound["entries"] = forms.ItemFormSet(data, queryset=self.queryset(), prefix="items")
        return bound

    def snapshot(self):
        fields = list(self.kind.fields)
        values = list(ReportSection.objects.filter(pk=self.section.pk).values_list(*fields).get())
        return [values, list(self.queryset().values_list("id", "text"))]

    def save(self, bound: dict) -> None:
        bound["form"].save()
        if "entries" in bound:
            save_ordered(bound["entries"], section=self.section)


class AreaPart(Part):
    """One area of part II: its title and its paragraphs and bullet points."""

    title = _("Area")
    help = _("A paragraph is printed as it is; a bullet point starts with a dash.")

    def __init__(self, report: Report, area: AchievementArea):
        super().__init__(report)
        self.area = area
        # The page belongs to its section's tab.
        self.slug = f"section-{area.section_id}"

    def queryset(self):
        return self.area.items.order_by("position", "id")

    def reloaded(self) -> "Part":
        fresh = super().reloaded()
        fresh.area = AchievementArea.objects.get(pk=self.area.pk)
        return fresh

    def forms(self, data=None) -> dict:
        return {
            "form": forms.AreaForm(data, instance=self.area),
            "entries": forms.AchievementFormSet(data, queryset=self.queryset(), prefix="items"),
        }

    def snapshot(self):
        title = AchievementArea.objects.filter(pk=self.area.pk).values_list("title", flat=True).first()
        return [title, list(self.queryset().values_list("id", "kind", "text"))]

    def save(self, bound: dict) -> None:
        bound["form"].save()
        save_ordered(bound["entries"], area=self.area)


def save_ordered(formset, **parent) -> None:
    """Deletes the rows marked so, then saves the others numbered in the order shown."""
    for form in formset.deleted_forms:
        if form.instance.pk:
            form.instance.delete()
    kept = [form for form in formset.ordered_forms if form.instance.pk or form.has_changed()]
    for position, form in enumerate(kept):
        item = form.save(commit=False)
        for name, value in parent.items():
            setattr(item, name, value)
        item.position = position
        item.save()


# The report's own pages, before those of its sections.
PAGES = {page.slug: page for page in (HeaderPart, CommitteePart, ProsePart)}
