"""The real report the demo comes from, as it went to its congress: every slip it had is found."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

SAMPLE = Path(__file__).parent.parent / "data" / "bao-cao-kiem-diem-bch-2017-2022.txt"

# (kind, the passage as written, the suggestion)
SLIPS = [
    ("glued", "bảođảm", "bảo đảm"),
    ("glued", "trọngtrong", "trọng trong"),
    ("digits", "kỳ2017", "kỳ 2017"),
    ("digits", "2022đã", "2022 đã"),
    ("spacing", "hành,bầu", "hành, bầu"),
    ("repeated", "các các", "các"),
    ("confusion", "nổ lực", "nỗ lực"),
    ("norm", "qui", "quy"),
    ("capitals", "Phó chủ tịch", "Phó Chủ tịch"),
    ("capitals", "Ban chấp hành", "Ban Chấp hành"),
    ("dash", "2017 - 2022", "2017 – 2022"),
    ("numbering", "2.1.", "1.2."),
    ("numbering", "3.1.", "1.3."),
    ("consistency", "kì", "kỳ"),
]


@pytest.fixture(scope="module")
def findings():
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("proofread", file=str(SAMPLE), format="json", stdout=out)
    assert exit_.value.code == 1
    return json.loads(out.getvalue())


@pytest.mark.parametrize(("kind", "text", "suggestion"), SLIPS)
def test_every_slip_of_the_sample_is_found(findings, kind, text, suggestion):
    assert {"kind": kind, "text": text, "suggestion": suggestion} in [
        {key: f[key] for key in ("kind", "text", "suggestion")} for f in findings
    ]


def test_the_sample_names_and_abbreviations_are_not_findings(findings):
    passages = " ".join(f["text"] for f in findings)
    for word in ("NN&PTNT", "MTTQ", "Covid-19", "Trương Thiết Hùng", "02/02", "07", "Ủy ban Kiểm tra"):
        assert word not in passages
