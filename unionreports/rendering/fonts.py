"""Which font files the PDF embeds.

Nghị định 30/2020 asks for Times New Roman or a font with its metrics. Debian ships two
with full Vietnamese coverage: Liberation Serif 2.x (`fonts-liberation2`; the 1.x of
`fonts-liberation` lacks Vietnamese and shares its family name, so files are named by path,
never by family) and Tinos (`fonts-croscore`). Without either, Noto Serif from the pip
package `fontpkg-noto-serif` keeps the PDF correct, in a different face. Noto Serif is also
declared as the fallback of every face, so a character a face lacks never becomes a box.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

import fontpkg_noto_serif
from fontTools.ttLib import TTFont

# Every letter of the Vietnamese alphabet with its tone marks, both cases, and the
# typographic marks a pasted Word text brings.
VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
REQUIRED = frozenset(VIETNAMESE + VIETNAMESE.upper() + "0123456789.,;:!?()[]-–—“”‘’…%/&")


@dataclass(frozen=True)
class FontFamily:
    name: str
    package: str  # what to install to get it
    regular: Path
    bold: Path | None
    italic: Path | None
    bold_italic: Path | None

    def files(self) -> dict[tuple[str, str], Path]:
        faces = {
            ("normal", "normal"): self.regular,
            ("bold", "normal"): self.bold,
            ("normal", "italic"): self.italic,
            ("bold", "italic"): self.bold_italic,
        }
        return {key: path for key, path in faces.items() if path is not None}

    def is_installed(self) -> bool:
        return all(path.exists() for path in self.files().values())


def _debian(directory: str, stem: str, name: str, package: str) -> FontFamily:
    root = Path("/usr/share/fonts/truetype") / directory
    return FontFamily(
        name=name,
        package=package,
        regular=root / f"{stem}-Regular.ttf",
        bold=root / f"{stem}-Bold.ttf",
        italic=root / f"{stem}-Italic.ttf",
        bold_italic=root / f"{stem}-BoldItalic.ttf",
    )


SYSTEM_FAMILIES = (
    _debian("liberation2", "LiberationSerif", "Liberation Serif 2", "fonts-liberation2"),
    _debian("croscore", "Tinos", "Tinos", "fonts-croscore"),
)
# Variable fonts: one file carries every weight.
_NOTO = fontpkg_noto_serif.ROOT / "files"
BUNDLED_FAMILY = FontFamily(
    name="Noto Serif",
    package="fontpkg-noto-serif",
    regular=_NOTO / "NotoSerif[wdth,wght].ttf",
    bold=_NOTO / "NotoSerif[wdth,wght].ttf",
    italic=_NOTO / "NotoSerif-Italic[wdth,wght].ttf",
    bold_italic=_NOTO / "NotoSerif-Italic[wdth,wght].ttf",
)


@functools.cache
def characters(path: Path) -> frozenset[str]:
    with TTFont(path, lazy=True) as font:
        return frozenset(chr(code) for code in font.getBestCmap())


def covers_vietnamese(family: FontFamily) -> bool:
    return all(REQUIRED <= characters(path) for path in family.files().values())


@functools.cache
def report_font() -> FontFamily:
    """The first Times-metric family installed with Vietnamese, else the bundled one."""
    for family in SYSTEM_FAMILIES:
        if family.is_installed() and covers_vietnamese(family):
            return family
    return BUNDLED_FAMILY


def missing_characters(text: str) -> set[str]:
    """Characters of `text` that neither the report font nor the fallback can draw."""
    drawable = characters(report_font().regular) | characters(BUNDLED_FAMILY.regular)
    return {ch for ch in set(text) if not ch.isspace() and ch not in drawable}


def font_face_css() -> str:
    """@font-face rules naming the chosen files as "Report Serif", Noto as "Report Fallback"."""
    rules = []
    for family_name, family in (("Report Serif", report_font()), ("Report Fallback", BUNDLED_FAMILY)):
        for (weight, style), path in family.files().items():
            rules.append(
                f'@font-face {{ font-family: "{family_name}"; src: url("{path.as_uri()}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules)
