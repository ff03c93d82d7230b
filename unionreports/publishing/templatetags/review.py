"""Review facts for the pages of other apps: comment counts on editing tabs, a report's state."""

from django import template

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
