"""Word files put together part by part, for what Word itself would never write."""

import io
import zipfile

import docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_REL = (
    '<Relationship Id="rIdNotes" Target="footnotes.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/>'
)


def paragraph(text: str, note: int | None = None) -> str:
    call = f'<w:r><w:footnoteReference w:id="{note}"/></w:r>' if note is not None else ""
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r>{call}</w:p>"


def document_xml(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def footnotes_xml(notes: str, doctype: str = "") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:footnotes xmlns:w="{W}">{notes}</w:footnotes>'


def word_package(
    body: str, *, footnotes: str | None = None, parts: dict[str, str | bytes] | None = None
) -> bytes:
    """python-docx's blank document with `body` (paragraphs' XML), footnotes and other parts replaced."""
    blank = io.BytesIO()
    docx.Document().save(blank)
    replaced = {"word/document.xml": document_xml(body), **(parts or {})}
    if footnotes is not None:
        replaced["word/footnotes.xml"] = footnotes
    out = io.BytesIO()
    with zipfile.ZipFile(blank) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = replaced.pop(name, None)
            if content is None:
                content = source.read(name)
                if name == "word/_rels/document.xml.rels" and footnotes is not None:
                    content = content.replace(
                        b"</Relationships>", FOOTNOTES_REL.encode() + b"</Relationships>"
                    )
            target.writestr(name, content)
        for name, content in replaced.items():
            target.writestr(name, content)
    return out.getvalue()


REPORT = paragraph("BÁO CÁO") + paragraph("Kiểm điểm") + paragraph("I. KẾT QUẢ HOẠT ĐỘNG")
