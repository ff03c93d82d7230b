"""A directory of reports, each in several formats, with the placement a reader expects of it.

A report `NAME` is `NAME.json` (its manifest, see tests/data/corpus/README.md) beside the files
`NAME.<format>`: `NAME.txt` is the source the words are counted in, the other files
(`NAME.md`, `NAME.word.docx`, `NAME.pdf`, `NAME.tcvn3.txt`, …) are the same report in other
formats. Each file is imported through the code `manage.py import_report` runs, saved into a
term of a union made from the manifest, composed and rendered back, and each expectation is
compared with what a reader of the result would see. `check` answers what differs, by aspect.
"""

import datetime
import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from tests.rendering.test_text import words
from unionreports.committee.models import Membership, Organization, Person, Term
from unionreports.document import Section
from unionreports.importing.lines import ImportFailed
from unionreports.importing.outline import fold
from unionreports.importing.services import default_date, read_report, report_import
from unionreports.rendering.text import render_text
from unionreports.reports.compose import compose_report
from unionreports.reports.models import Report

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
ASPECTS = ("header", "outline", "signature", "words")
# Words a reader must find in the rendered text, of each file's source: 97 in a hundred, in order.
WORDS_IN_ORDER = 0.97
# A list item typed with its marker: "(1) ", "a) ", "+ ", "- ", "• ".
MARKER = re.compile(r"^\s*(?:\(\d{1,2}\)|[a-zđ]\)|\d{1,2}[.)]|[-+•–])\s*")
# A number or letter that labels a part, section or item ("II.", "1.2.", "a)", "(3)"): the
# renderer numbers again, so it is not one of the words a reader must find.
LABEL = re.compile(r"^\(?(?:\d{1,2}(?:\.\d{1,2})*|[ivxlc]{1,5}|[a-zđ])[.)]$")
PUNCTUATION = "\"'“”‘’.,;:!?()[]…-–—•+*"


@dataclass(frozen=True)
class Case:
    directory: Path
    report: str
    format: str  # what follows the report's name: "txt", "md", "word.docx", "pdf", "tcvn3.txt", …

    @property
    def path(self) -> Path:
        return self.directory / f"{self.report}.{self.format}"

    @property
    def id(self) -> str:
        return f"{self.report}:{self.format}"

    def manifest(self) -> dict:
        return json.loads((self.directory / f"{self.report}.json").read_text(encoding="utf-8"))

    def source(self) -> str:
        return (self.directory / f"{self.report}.txt").read_text(encoding="utf-8")


def cases(directory: Path = CORPUS) -> list[Case]:
    """Every report of `directory` (a manifest beside a source) in every format found for it."""
    found = []
    for manifest in sorted(directory.glob("*.json")):
        report = manifest.stem
        if not (directory / f"{report}.txt").exists():
            continue
        for path in sorted(directory.glob(f"{report}.*")):
            if path.is_file() and path.suffix != ".json":
                found.append(Case(directory, report, path.name[len(report) + 1 :]))
    return found


def make_term(manifest: dict) -> Term:
    """The union and term the manifest describes, with its committee (so the signer is found)."""
    union = manifest["organisation"]
    organization = Organization.objects.create(
        name=union["name"], parent_name=union["superior"], place_name=union["place"]
    )
    term = manifest["term"]
    congress = datetime.date.fromisoformat(term["congress"])
    term = Term.objects.create(
        organization=organization,
        start_year=term["start"],
        end_year=term["end"],
        congress_date=congress,
        committee_size=len(manifest["committee"]),
    )
    for position, member in enumerate(manifest["committee"]):
        person = Person.objects.create(organization=organization, full_name=member["name"])
        Membership.objects.create(
            term=term, person=person, role=member["role"], joined_on=congress, position=position
        )
    return term


@dataclass
class Result:
    """What differs from the manifest, by aspect; and the rendered text, to look at."""

    differences: dict[str, list[str]]
    text: str = ""


def check(case: Case) -> Result:
    """Imports `case` as `import_report` does and compares what a reader sees with its manifest.

    Needs the database (in a test: `django_db`); a file the importer refuses differs in every aspect.
    """
    manifest = case.manifest()
    term = make_term(manifest)
    differences: dict[str, list[str]] = {aspect: [] for aspect in ASPECTS}
    try:
        imported = read_report(case.path.name, case.path.read_bytes())
    except ImportFailed as failure:
        for aspect in ASPECTS:
            differences[aspect].append(f"refused: {failure.message}")
        return Result(differences)
    report = report_import(
        term=term,
        imported=imported,
        number=imported.number or 1,
        date=default_date(term, imported),
    )
    report = Report.objects.with_document_data().get(pk=report.pk)
    document = compose_report(report)
    text = render_text(document)

    header = differences["header"]
    found_issuer = imported.document.header.issuer
    if fold(found_issuer) != fold(manifest["organisation"]["name"]):
        header.append(f"organisation: found {found_issuer!r}")
    if imported.number != manifest["number"]:
        header.append(f"number: found {imported.number}, expected {manifest['number']}")
    expected_date = datetime.date.fromisoformat(manifest["date"])
    if imported.date != expected_date:
        header.append(f"date: found {imported.date}, expected {expected_date}")
    if _plain(imported.place) != _plain(manifest["organisation"]["place"]):
        header.append(f"place: found {imported.place!r}, expected {manifest['organisation']['place']!r}")
    if report.kind != manifest["report_kind"]:
        header.append(f"report kind: found {report.kind}, expected {manifest['report_kind']}")
    # The subject as read, and as printed: a report's kind composes its own subject line.
    for how, subject in (("read", imported.document.subject), ("printed", document.subject)):
        if _plain(subject) != _plain(manifest["subject"]):
            header.append(f"subject {how}: {subject!r}")

    outline = differences["outline"]
    _compare_paragraphs(outline, "opening", document.opening, manifest["opening"])
    _compare_sections(outline, "", document.parts, manifest["parts"])
    _compare_paragraphs(outline, "closing", document.closing, manifest["closing"])
    if report.unplaced:
        outline.append(f"not placed: {report.unplaced[:200]!r}")

    signature = differences["signature"]
    expected_signer = manifest["signer"]
    found = document.signature
    for field in ("on_behalf", "title", "name"):
        if fold(getattr(found, field)) != fold(expected_signer[field]):
            signature.append(
                f"signer {field}: found {getattr(found, field)!r}, expected {expected_signer[field]!r}"
            )
    if report.signer is None or report.signer.full_name != expected_signer["name"]:
        signature.append(f"signer not matched to the committee: {imported.document.signature.name!r}")
    recipients = [fold(r) for r in document.recipients]
    for recipient in manifest["recipients"]:
        if not any(r.startswith(fold(recipient)) for r in recipients):
            signature.append(f"recipient missing: {recipient!r}")
    notes = [note.text for note in document.footnotes()]
    if [_plain(n) for n in notes] != [_plain(n) for n in manifest["footnotes"]]:
        signature.append(f"footnotes: found {notes!r}, expected {manifest['footnotes']!r}")

    share = share_in_order(body_of(case.source()), text)
    if share < WORDS_IN_ORDER:
        differences["words"].append(f"{share:.3f} of the source's words in order (needs {WORDS_IN_ORDER})")
    return Result(differences, text)


def body_of(source: str) -> str:
    """The source up to "Nơi nhận:": the signature and recipients are the signature's aspect,
    and print beside each other, in either order."""
    end = source.find("\nNơi nhận:")
    return source if end < 0 else source[:end]


def reader_words(text: str) -> list[str]:
    """The words of `text` as `words` folds them, without the punctuation around them, bullets
    and labels ("II.", "a)"), which the renderer draws again in its own way."""
    found = []
    for word in words(text):
        if LABEL.match(word):
            continue
        word = word.strip(PUNCTUATION)
        if word:
            found.append(word)
    return found


def share_in_order(source: str, ours: str) -> float:
    """How much of `source`'s words `ours` carries, in order."""
    a, b = reader_words(source), reader_words(ours)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(a)


def _plain(text: str) -> str:
    """Spaces folded and case ignored: TCVN3 has no capitals with tone marks, so “Ủy” may come back “ủy”."""
    return " ".join(text.split()).casefold()


def _starts(found: str, expected: str) -> bool:
    return _plain(found).startswith(_plain(expected))


def _unmarked(text: str) -> str:
    return MARKER.sub("", text, count=1)


def _compare_paragraphs(out: list[str], where: str, paragraphs, expected: list[str]) -> None:
    texts = [p.text for p in paragraphs]
    if len(texts) != len(expected) or not all(
        _starts(_unmarked(t), e) for t, e in zip(texts, expected, strict=False)
    ):
        out.append(f"{where}: found {[t[:40] for t in texts]}, expected {expected}")


def _items(section: Section) -> tuple[list[str], list[str]]:
    """A list's introduction and items, as the reader sees them: items are bullets or numbered."""
    first = next(
        (i for i, p in enumerate(section.blocks) if p.style == "bullet" or p.label), len(section.blocks)
    )
    return [p.text for p in section.blocks[:first]], [p.text for p in section.blocks[first:]]


def _section_text(section: Section) -> str:
    return " ".join(" ".join(p.text for p in s.blocks) + " " + s.title for s in section.walk())


def _compare_sections(out: list[str], where: str, found: tuple[Section, ...], expected: list[dict]) -> None:
    titles = [s.title for s in found]
    wanted = [e["title"] for e in expected]
    if len(found) != len(expected):
        out.append(f"{where or 'parts'}: found {len(found)} {titles}, expected {len(expected)} {wanted}")
    for index, entry in enumerate(expected):
        place = f"{where}/{index + 1}"
        if index >= len(found):
            out.append(f"{place} {entry['title']!r}: missing")
            continue
        section = found[index]
        place = f"{place} {entry['title'] or section.title!r}"
        if entry["title"] is not None and fold(section.title) != fold(entry["title"]):
            out.append(f"{place}: title found {section.title!r}")
        kinds = entry["kind"] if isinstance(entry["kind"], list) else [entry["kind"]]
        if kinds == ["own"]:
            # A part that names no kind is printed as its own part: prose or a list of what it holds.
            kinds = ["prose", "list"]
        if section.kind not in kinds:
            out.append(f"{place}: kind found {section.kind!r}, expected {'/'.join(kinds)}")
            continue
        if "children" in entry:
            _compare_sections(out, place, section.children, entry["children"])
        if "areas" in entry:
            _compare_areas(out, place, section, entry["areas"])
        if "items" in entry:
            introduction, items = _items(section)
            _compare_list(out, place, items, entry["items"])
            # A list without an introduction in the file has none on paper either.
            wanted = entry.get("intro", [])
            if len(introduction) != len(wanted) or not all(map(_starts, introduction, wanted)):
                out.append(f"{place}: introduction found {[i[:30] for i in introduction]}, expected {wanted}")
            if entry.get("numbered") and not all(p.label for p in section.blocks[len(introduction) :]):
                out.append(f"{place}: items not numbered")
        if "text" in entry:
            written = _plain(_section_text(section))
            for start in entry["text"]:
                if _plain(start) not in written:
                    out.append(f"{place}: text missing {start!r}")
        for figure in entry.get("figures", ()):
            if _plain(figure) not in _plain(_section_text(section)):
                out.append(f"{place}: figure missing {figure!r}")


def _compare_list(out: list[str], place: str, items: list[str], expected: list[str]) -> None:
    if len(items) != len(expected) or not all(
        _starts(_unmarked(t), e) for t, e in zip(items, expected, strict=False)
    ):
        out.append(f"{place}: items found {[i[:30] for i in items]}, expected {expected}")


def _compare_areas(out: list[str], place: str, section: Section, expected: list[dict]) -> None:
    areas = section.children
    if [fold(a.title) for a in areas] != [fold(e["title"]) for e in expected]:
        out.append(
            f"{place}: areas found {[a.title for a in areas]}, expected {[e['title'] for e in expected]}"
        )
        return
    for area, entry in zip(areas, expected, strict=False):
        paragraphs = [p.text for p in area.blocks]
        if len(paragraphs) != len(entry["items"]) or not all(
            _starts(_unmarked(t), e) for t, e in zip(paragraphs, entry["items"], strict=False)
        ):
            out.append(
                f"{place} / {area.title!r}: paragraphs found {[p[:30] for p in paragraphs]}, expected {entry['items']}"
            )
