"""The corpus's files are what its sources make, its legacy tables are right, and its check can fail."""

import importlib.util
import json
import shutil
import sys

import pytest

from tests.importing.corpus import CORPUS, Case, check


def corpus_module(name: str):
    spec = importlib.util.spec_from_file_location(f"corpus_{name}", CORPUS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(CORPUS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(CORPUS))
    return module


legacy = corpus_module("legacy")
make = corpus_module("make")


def test_vni_gives_back_every_letter_of_the_alphabet():
    alphabet = legacy.alphabet()
    assert legacy.decode(legacy.encode(alphabet, legacy.VNI), legacy.VNI) == alphabet


def test_tcvn3_gives_back_every_letter_and_toned_capitals_as_small_letters():
    alphabet = legacy.alphabet()
    back = legacy.decode(legacy.encode(alphabet, legacy.TCVN3), legacy.TCVN3)
    assert back == "".join(
        c.lower() if c.upper() == c and c not in "ĂÂÊÔƠƯĐ" and len(c.encode()) > 1 else c for c in alphabet
    )
    # 144 forms of the vowels, đ and Đ; capitals with a tone mark share the small letter's code.
    assert len(legacy.TCVN3) == 146 and len(set(legacy.TCVN3.values())) == 86


@pytest.mark.parametrize(
    ("text", "tcvn3", "vni"),
    [
        ("Kiểm điểm", "Ki\xd3m \xaei\xd3m", "Kie\xe5m \xf1ie\xe5m"),
        ("Công đoàn", "C\xabng \xaeo\xb5n", "Co\xe2ng \xf1oa\xf8n"),
        ("Ưu điểm", "\xa6u \xaei\xd3m", "\xd6u \xf1ie\xe5m"),
        ("nhiệm kỳ", "nhi\xd6m k\xfa", "nhie\xe4m ky\xf8"),
    ],
)
def test_words_are_written_as_the_published_tables_write_them(text, tcvn3, vni):
    assert legacy.encode(text, legacy.TCVN3) == tcvn3
    assert legacy.encode(text, legacy.VNI) == vni


@pytest.mark.parametrize("name", make.sources())
def test_the_markdown_and_legacy_files_are_made_from_the_source_as_it_is(name):
    source = CORPUS / f"{name}.txt"
    text = source.read_text(encoding="utf-8")
    assert (CORPUS / f"{name}.md").read_text(encoding="utf-8") == make.to_markdown(make.read_source(source))
    assert (CORPUS / f"{name}.tcvn3.txt").read_bytes() == legacy.to_bytes(text, legacy.TCVN3)
    assert (CORPUS / f"{name}.vni.txt").read_bytes() == legacy.to_bytes(text, legacy.VNI)
    assert (CORPUS / f"{name}.json").exists()


@pytest.mark.django_db
def test_the_check_finds_an_item_out_of_its_place(tmp_path):
    name = "kiem-diem-du-bao"
    for suffix in ("json", "txt"):
        shutil.copy(CORPUS / f"{name}.{suffix}", tmp_path)
    assert check(Case(tmp_path, name, "txt")).differences == {
        "header": [],
        "outline": [],
        "signature": [],
        "words": [],
    }
    # The second limitation moved into the causes, as a misreading would place it.
    source = (tmp_path / f"{name}.txt").read_text(encoding="utf-8")
    line = "+ Việc tuyên truyền, phổ biến pháp luật cho đoàn viên chưa đa dạng về hình thức.\n"
    moved = source.replace(line, "").replace("2. Nguyên nhân\n", "2. Nguyên nhân\n" + line)
    (tmp_path / f"{name}.txt").write_text(moved, encoding="utf-8")
    differences = check(Case(tmp_path, name, "txt")).differences
    assert any("Hạn chế" in d and "items found" in d for d in differences["outline"])
    assert any("Nguyên nhân" in d and "items found" in d for d in differences["outline"])


@pytest.mark.django_db
def test_the_check_finds_a_signer_and_a_footnote_that_differ(tmp_path):
    name = "kiem-diem-du-bao"
    shutil.copy(CORPUS / f"{name}.txt", tmp_path)
    manifest = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    manifest["signer"]["name"] = "Nguyễn Văn Khác"
    manifest["footnotes"] = ["Một chú thích khác."]
    (tmp_path / f"{name}.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    signature = check(Case(tmp_path, name, "txt")).differences["signature"]
    assert any(d.startswith("signer name") for d in signature)
    assert any(d.startswith("footnotes") for d in signature)
