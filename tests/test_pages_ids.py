"""Every element id is unique on every page: a link to #comment-3 or a label's `for` finds one element."""

import re
from collections import Counter

import pytest
from django.urls import reverse

from tests.factories import AffiliationFactory
from tests.pages import areas, page, reading_order
from unionreports.publishing import review

pytestmark = pytest.mark.django_db


def duplicated_ids(html: str) -> list[str]:
    return [name for name, n in Counter(re.findall(r'\sid="([^"]+)"', html)).items() if n > 1]


def test_no_page_of_a_report_repeats_an_element_id(client, demo_report, secretary):
    member = AffiliationFactory(organization=demo_report.term.organization, role="member").user
    review.round_start(report=demo_report, by=secretary)
    for section in reading_order(demo_report)[:3]:
        review.comment_add(
            report=demo_report, author=member, anchor=section.anchor, text="Góp ý.", parent=None
        )
    client.force_login(secretary)
    urls = [
        reverse("reports:list"),
        demo_report.get_absolute_url(),
        *(page(demo_report, name) for name in ("header", "committee", "prose", "outline")),
        *(section.get_absolute_url() for section in reading_order(demo_report)),
        reverse("reports:area", args=[demo_report.pk, areas(demo_report).first().pk]),
        reverse("publishing:review", args=[demo_report.pk]),
        reverse("publishing:publications", args=[demo_report.pk]),
        reverse("reports:history", args=[demo_report.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert duplicated_ids(response.text) == [], url
