"""The whole report marked with what changed since a round of review."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from unionreports.lib.ids import parse_id
from unionreports.reports.access import get_report_for_user, role_of
from unionreports.reports.compose import compose_report

from .changes import changes_since
from .review import last_reviewed_round


@login_required
def changes_page(request, pk: int):
    """Members see what changed since the round they last answered; the secretary, what the
    committee will see changed if a round is sent now (since the last round sent)."""
    report = get_report_for_user(request, pk)
    role = role_of(request.user, report)
    rounds = list(report.rounds.order_by("-number"))
    current = rounds[0] if rounds else None
    default = current if role == "secretary" else last_reviewed_round(report, request.user, current)
    asked = request.GET.get("since")
    since = next((r for r in rounds if r.number == parse_id(asked or "")), None) if asked else default
    comparison = changes_since(compose_report(report), since, request.user if role == "member" else None)
    context = {
        "report": report,
        "role": role,
        "rounds": rounds,
        "current": current,
        "comparison": comparison,
        "unknown_round": asked is not None and since is None,
    }
    return render(request, "publishing/changes.html", context)
