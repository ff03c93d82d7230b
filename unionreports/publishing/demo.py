"""The demo report goes through one review round, approved by a demo committee member, and is published."""

from django.contrib.auth import get_user_model
from django.db import transaction

from unionreports.accounts.models import Affiliation, Profile
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

from . import review
from .models import PublicLink
from .services import report_publish

MEMBER_USERNAME = "uyvien"
MEMBER_PASSWORD = "uyvien-demo-2023"


@transaction.atomic
def publish_demo(report: Report) -> PublicLink:
    """Publishes the demo report once; later runs return its link unchanged.

    Every committee member sitting on the report's date gets an account linked to them and
    approves: "uyvien" (who can log in) is the first ordinary member, the others can't log in.
    """
    if not report.publications.exists():
        organization = report.term.organization
        secretary = organization.affiliations.get(role=Affiliation.Role.SECRETARY).user
        review.round_start(report=report, by=secretary)
        document = compose_report(Report.objects.with_document_data().get(pk=report.pk))
        for seat in review.committee_seats(Report.objects.with_document_data().get(pk=report.pk)):
            user = _member_account(organization, seat)
            review.verdict_give(report=report, user=user, decision="approve", digest=document.digest())
        report_publish(report=report, by=secretary)
    return report.public_links.get(revoked_at__isnull=True)


def _member_account(organization, seat: review.Seat):
    if seat.user_id is not None:
        return get_user_model().objects.get(pk=seat.user_id)
    taken = Affiliation.objects.filter(organization=organization, user__username=MEMBER_USERNAME).exists()
    demo_member = seat.membership.role == "member" and not taken
    user, created = get_user_model().objects.get_or_create(
        username=MEMBER_USERNAME if demo_member else f"bch-demo-{seat.person.pk}"
    )
    if created:
        if demo_member:
            user.set_password(MEMBER_PASSWORD)
        else:
            user.set_unusable_password()
        user.save()
    Profile.objects.update_or_create(user=user, defaults={"full_name": seat.person.full_name})
    Affiliation.objects.update_or_create(
        user=user, organization=organization, defaults={"role": "member", "person": seat.person}
    )
    return user
