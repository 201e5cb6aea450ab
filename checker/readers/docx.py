"""Word documents (.docx): body paragraphs and table cells in document order, by python-docx. Tracked
insertions and deletions and comments are not article text: only the runs a paragraph holds directly (and in
hyperlinks) are read. The first non-empty paragraph is the headline; the file's last-modified (else created)
date is the published date a draft's "on Friday" resolves against. Locations: "paragraph 7",
"table 1, row 2, cell 3"."""
from __future__ import annotations

import zipfile
from io import BytesIO

from ..errors import InputError
from ..sources import Document
from . import assemble

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read(data: bytes, path: str) -> list[Document]:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - a dependency
        raise InputError("reading .docx needs python-docx (pip install python-docx)", path) from None
    try:
        d = docx.Document(BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a readable Word document ({type(exc).__name__})", path) from None
    except Exception as exc:  # python-docx raises its own errors for parts it cannot find
        raise InputError(f"not a readable Word document ({type(exc).__name__})", path) from None
    paragraphs: list[tuple[str, str]] = []
    n_para = n_table = 0
    for child in d.element.body.iterchildren():
        if child.tag == f"{_W}p":
            n_para += 1
            paragraphs.append((Paragraph(child, d).text, f"paragraph {n_para}"))
        elif child.tag == f"{_W}tbl":
            n_table += 1
            for r, row in enumerate(Table(child, d).rows, start=1):
                for c, cell in enumerate(row.cells, start=1):
                    paragraphs.append((cell.text, f"table {n_table}, row {r}, cell {c}"))
    paragraphs = [(" ".join(t.split()), w) for t, w in paragraphs if t.strip()]
    if not paragraphs:
        raise InputError("no text in this Word document", path)
    (title, title_where), body = paragraphs[0], paragraphs[1:]
    props = d.core_properties
    stamp = props.modified or props.created
    return [assemble(path, "docx", title, body, published=stamp.date() if stamp else None,
                     title_where=title_where)]
