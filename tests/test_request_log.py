"""A line per request on standard output in production: who asked what, the answer, how long."""

import logging
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_lines(settings, caplog):
    settings.REQUEST_LOG = True
    logger = logging.getLogger("unionreports.requests")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="unionreports.requests")
    yield lambda: [r.getMessage() for r in caplog.records if r.name == "unionreports.requests"]
    logger.removeHandler(caplog.handler)


def test_a_secretarys_request_is_logged_with_user_and_union(client, demo_report, secretary, request_lines):
    client.force_login(secretary)
    client.get(reverse("reports:detail", args=[demo_report.pk]) + "?since=1")
    (line,) = request_lines()
    union = demo_report.term.organization_id
    assert re.fullmatch(
        rf"GET /reports/{demo_report.pk}/ 200 \d+\.\dms user={secretary.pk} union={union}", line
    ), line


def test_an_anonymous_request_is_logged_without_user_or_union(client, request_lines):
    client.get("/p/not-a-token/pdf")
    (line,) = request_lines()
    assert re.fullmatch(r"GET /p/not-a-token/pdf 404 \d+\.\dms user=- union=-", line), line


def test_the_token_of_a_link_is_not_logged(client, request_lines):
    token = "cK67il5ZgB_FaJvCtcU85P9pGM8D4MiK"
    client.get(f"/p/{token}/pdf")
    client.get(f"/accounts/invitations/{token}/")
    lines = request_lines()
    assert len(lines) == 2 and not any(token in line for line in lines)
    assert lines[0].startswith("GET /p/<secret>/pdf 404 ")


def test_nothing_is_logged_when_the_log_is_off(client, settings, request_lines):
    settings.REQUEST_LOG = False
    client.get(reverse("login"))
    assert request_lines() == []
