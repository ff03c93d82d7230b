import os
import shutil
import subprocess
from pathlib import Path

import pytest


def need(program: str) -> str:
    """The program's path; a skip where it is missing, a failure in CI (which installs it)."""
    path = shutil.which(program)
    if path is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(
                f"{program} is required but missing (apt-get install pandoc libreoffice-writer-nogui)."
            )
        pytest.skip(f"{program} is not installed.")
    return path


@pytest.fixture
def pandoc_docx(tmp_path):
    """Markdown text → a .docx made by Pandoc."""

    def make(markdown: str) -> bytes:
        source = tmp_path / "report.md"
        source.write_text(markdown, encoding="utf-8")
        target = tmp_path / "report.docx"
        subprocess.run([need("pandoc"), str(source), "-o", str(target)], check=True, timeout=120)
        return target.read_bytes()

    return make


@pytest.fixture
def soffice(tmp_path):
    """Converts a file with LibreOffice: soffice(path, "docx") → the converted file's path."""

    def convert(source: Path, to: str) -> Path:
        out = tmp_path / "converted"
        subprocess.run(
            [
                need("soffice"),
                f"-env:UserInstallation=file://{tmp_path}/profile",
                "--headless",
                "--convert-to",
                to,
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            timeout=240,
            capture_output=True,
        )
        return out / f"{source.stem}.{to.split(':')[0]}"

    return convert
