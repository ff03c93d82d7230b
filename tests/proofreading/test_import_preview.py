"""The import preview lists the slips of the file being imported, before anything is saved."""

import html
import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.importing.test_views import counts, payload_of, upload

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture
def union(demo_report):
    return demo_report.term.organization, demo_report.term


def test_the_preview_lists_the_slips_of_the_file(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    before = counts()
    response = upload(client, organization, term)
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert page.count('class="border-start border-warning border-3 ps-2 mb-2 proofreading-finding"') >= 10
    assert '<mark style="white-space: pre-wrap">bảođảm</mark> → <strong>bảo đảm</strong>' in page
    assert '<mark style="white-space: pre-wrap">nổ lực</mark> → <strong>nỗ lực</strong>' in page
    assert "Nghị định 30/2020/NĐ-CP, Phụ lục II" in page
    assert counts() == before


def test_a_clean_file_is_checked_against_the_records_of_the_term_it_goes_to(client, secretary, union):
    """Another union's report, clean, imported into the demo term: only its figures disagree."""
    organization, term = union
    client.force_login(secretary)
    data = (CORPUS / "kiem-diem-so-tu-phap.txt").read_bytes()
    response = upload(client, organization, term, name="bao-cao.txt", data=data)
    assert response.status_code == 200
    page = response.content.decode()
    assert set(re.findall(r'proofreading-finding" data-kind="(\w+)"', page)) == {"figures"}
    assert '<mark style="white-space: pre-wrap">09</mark> → <strong>07</strong>' in page


def test_the_passage_is_escaped(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    text = (CORPUS / "kiem-diem-so-tu-phap.txt").read_text()
    data = text.replace("hình thức, chưa", "hình thức,<b>chưa</b>", 1).replace("thức,<b>", "thức,chưa<b>", 1)
    response = upload(client, organization, term, name="bao-cao.txt", data=data.encode())
    page = response.content.decode()
    assert '<mark style="white-space: pre-wrap">thức,chưa&lt;b&gt;chưa&lt;/b&gt;</mark>' in page
    assert "<b>chưa</b>" not in page


def test_the_preview_sees_the_double_spaces_of_the_file(client, secretary, union):
    organization, term = union
    client.force_login(secretary)
    text = (CORPUS / "kiem-diem-so-tu-phap.txt").read_text()
    data = text.replace("hình thức, chưa", "hình thức,  chưa", 1)
    page = upload(client, organization, term, name="bao-cao.txt", data=data.encode()).content.decode()
    assert '<mark style="white-space: pre-wrap">thức,  chưa</mark> → <strong>thức, chưa</strong>' in page


def findings_of(page: str) -> list[str]:
    return re.findall(r'<li class="[^"]*proofreading-finding".*?</li>', page, re.S)


def test_a_failed_save_shows_the_same_slips_as_the_first_preview(client, secretary, union):
    """The preview shown again after a failed save still reads the file's lines as typed."""
    organization, term = union
    client.force_login(secretary)
    text = (CORPUS / "kiem-diem-so-tu-phap.txt").read_text()
    data = text.replace("hình thức, chưa", "hình thức,  chưa", 1)
    first = upload(client, organization, term, name="bao-cao.txt", data=data.encode())
    before = counts()
    again = client.post(
        reverse("importing:confirm", args=[organization.pk]),
        {"payload": payload_of(first), "number": "4", "date": "05/03/2031"},  # outside the term
    )
    assert again.status_code == 422 and counts() == before
    assert findings_of(again.content.decode()) == findings_of(first.content.decode())
    assert '<mark style="white-space: pre-wrap">thức,  chưa</mark>' in again.content.decode()
