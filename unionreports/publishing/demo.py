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
MEMBER_FULL_NAME = "Lê Văn Minh"


@transaction.atomic
def publish_demo(report: Report) -> PublicLink:
    """Publishes the demo report once; later runs return its link unchanged."""
    if not report.publications.exists():
        organization = report.term.organization
        secretary = organization.affiliations.get(role=Affiliation.Role.SECRETARY).user
        member, created = get_user_model().objects.get_or_create(username=MEMBER_USERNAME)
        if created:
            member.set_password(MEMBER_PASSWORD)
            member.save()
        Profile.objects.update_or_create(user=member, defaults={"full_name": MEMBER_FULL_NAME})
        Affiliation.objects.get_or_create(user=member, organization=organization, defaults={"role": "member"})
        review.round_start(report=report, by=secretary)
        document = compose_report(Report.objects.with_document_data().get(pk=report.pk))
        review.verdict_give(report=report, user=member, decision="approve", digest=document.digest())
        report_publish(report=report, by=secretary)
    return report.public_links.get(revoked_at__isnull=True)
