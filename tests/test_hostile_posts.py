"""Posts no form of the site would send answer a message or a 404, never a server error."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import OrganizationFactory
from tests.pages import section
from unionreports.committee.models import Organization
from unionreports.publishing import review
from unionreports.publishing.models import Comment

pytestmark = pytest.mark.django_db

UNION = {"parent_name": "Công đoàn Viên chức tỉnh", "place_name": "Hà Tĩnh", "document_code": "BC-CĐCS"}
UNION["approval_rule"] = "all"


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def reviewing(client, demo_report, secretary):
    review.round_start(report=demo_report, by=secretary)
    client.force_login(secretary)
    return demo_report


class TestUnionNames:
    @pytest.mark.parametrize(
        "name", ["Công đoàn\r\nSở Y tế", "Công đoàn\x00", "Công\tđoàn", "Công đoàn\u2028Y tế"]
    )
    def test_a_name_with_a_control_character_is_a_form_error(self, client, stranger, english, name):
        client.force_login(stranger)
        response = client.post(reverse("committee:organization_create"), {**UNION, "name": name})
        assert response.status_code == 200
        assert not Organization.objects.exists()
        if "\x00" not in name:  # Django's form field refuses NUL with its own message
            assert "Use no line breaks, tabs or other control characters here." in response.text

    def test_a_name_too_long_is_a_form_error(self, client, demo_report, secretary, english):
        client.force_login(secretary)
        organization = demo_report.term.organization
        response = client.post(
            reverse("committee:organization_edit", args=[organization.pk]),
            {**UNION, "name": "Công đoàn " * 30},
        )
        assert response.status_code == 200
        assert "Ensure this value has at most 200 characters" in response.text
        organization.refresh_from_db()
        assert organization.name == "Công đoàn Ban Tổ chức Tỉnh ủy"

    def test_the_model_refuses_a_control_character_too(self):
        with pytest.raises(ValidationError) as refused:
            OrganizationFactory.build(name="Công đoàn\nSở").full_clean()
        assert refused.value.error_dict["name"][0].code == "unprintable"

    def test_the_longest_name_still_makes_a_word_file(self, client, demo_report, secretary):
        Organization.objects.filter(pk=demo_report.term.organization_id).update(
            name=("Công đoàn Sở " * 16)[:200]
        )
        client.force_login(secretary)
        assert client.get(reverse("reports:docx", args=[demo_report.pk])).status_code == 200


class TestComments:
    def test_a_nul_in_a_comment_is_refused_with_a_message(self, client, reviewing, english):
        anchor = section(reviewing, "personnel").anchor
        response = client.post(
            reverse("publishing:comment", args=[reviewing.pk]),
            {"anchor": anchor, "text": "Góp\x00 ý."},
            follow=True,
        )
        assert response.status_code == 200
        assert "The comment was not saved" in response.text
        assert not Comment.objects.exists()

    @pytest.mark.parametrize("parent", ["abc", "1.5", "²", "-1", "9" * 30])
    def test_a_parent_that_is_not_an_id_is_not_found(self, client, reviewing, parent):
        response = client.post(
            reverse("publishing:comment", args=[reviewing.pk]), {"parent": parent, "text": "Ý."}
        )
        assert response.status_code == 404
        assert not Comment.objects.exists()

    @pytest.mark.parametrize("item", ["abc", "²", "١", "9" * 30])
    def test_an_item_that_is_not_a_number_makes_a_comment_on_the_section(self, client, reviewing, item):
        anchor = section(reviewing, "causes").anchor
        client.post(
            reverse("publishing:comment", args=[reviewing.pk]), {"anchor": anchor, "item": item, "text": "Ý."}
        )
        assert Comment.objects.get().anchor == anchor


@pytest.mark.parametrize("history_id", ["abc", "", "1e3", "²", "9" * 30])
def test_restoring_a_history_id_that_is_not_a_number_is_not_found(client, demo_report, secretary, history_id):
    client.force_login(secretary)
    response = client.post(
        reverse("reports:restore", args=[demo_report.pk]), {"model": "item", "history_id": history_id}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("address", ["/p/%00/", "/p/%00/pdf", "/p/a%0Ab/", "/accounts/invitations/%00/"])
def test_a_link_with_a_character_no_token_has_is_not_found(client, address):
    assert client.get(address).status_code == 404
