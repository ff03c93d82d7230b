"""Review facts for the pages of other apps: comments on editing pages, a report's state."""

from django import template

from ..page_comments import (
    PageComments,
    Place,
    area_comments,
    outline_comments,
    prose_comments,
    section_comments,
)
from ..review import open_comment_counts
from ..state import report_state, report_states

register = template.Library()


@register.simple_tag
def with_open_comments(steps, report):
    """(step, open comment threads) for each editing tab (one query)."""
    counts = open_comment_counts(report)
    return [(step, counts.get(step.slug, 0)) for step in steps]


@register.simple_tag
def state_of(report, document):
    """The report's state (draft, in review, approved, changed since approved, published)."""
    return report_state(report, document)


@register.simple_tag
def states_of(reports):
    """report id → state, for a list of reports, in a fixed number of queries."""
    return report_states(list(reports))


@register.filter
def state_for(states: dict, report):
    return states.get(report.pk)


@register.simple_tag
def comments_on_page(report, part, section=None, current=""):
    """The comment threads of an editing page, placed beside what they are about (one query).

    `part` is the page (its `area` for an area's page, its slug "prose" for the opening and
    closing); `section` the section of a section's page, as loaded with its items and areas;
    `current` the page's tab ("outline" shows the comments on parts since removed).
    """
    if current == "outline":
        return outline_comments(report)
    area = getattr(part, "area", None)
    if area is not None:
        return area_comments(report, area)
    if section:
        return section_comments(report, section)
    if getattr(part, "slug", "") == "prose":
        return prose_comments(report)
    return PageComments()


@register.filter
def at_field(comments, name: str) -> Place:
    """The threads about a field of the page's form (none on a page without comments)."""
    return comments.at_field(name) if isinstance(comments, PageComments) else Place(f"field-{name}")


@register.filter
def at_item(comments, pk) -> Place:
    """The threads about an item row of the page (none for a new row)."""
    return comments.at_item(pk) if isinstance(comments, PageComments) and pk else Place(f"item-{pk}")


@register.filter
def open_on_area(comments, area) -> int:
    """Open threads about an area or its items, counted on the line of a page of areas."""
    return comments.areas.get(area.pk, 0) if isinstance(comments, PageComments) else 0


@register.filter
def differs_from(text, quote: str) -> bool:
    """Whether `text` (an item as it is now) reads otherwise than a comment's quote of it."""
    return " ".join(str(text or "").split()) != " ".join(quote.removeprefix("-").split())
