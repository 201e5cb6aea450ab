"""One reader per input format; each turns a file's bytes into Documents with the same shape.

Every format becomes a Document whose text is the headline, a blank line, then the article's paragraphs
separated by blank lines, so the same story yields the same claims whatever it came in. Each paragraph keeps
where it came from (`Document.segments`), so a finding can point into the original: a JSON pointer for ninjs,
an element path for NewsML-G2, a paragraph (or table cell) number for Word and HTML.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..sources import Document

FORMATS = {".json": "ninjs", ".jsonl": "ninjs", ".ndjson": "ninjs", ".xml": "newsml", ".html": "html",
           ".htm": "html", ".xhtml": "html", ".docx": "docx"}


def sniff(data: bytes) -> str:
    """The format of standard input, by its first bytes."""
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head[:1] in (b"{", b"["):
        return "ninjs"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") or head.startswith((b"<newsitem", b"<newsmessage")):
        return "html" if b"<html" in head else "newsml"
    return "text"


def assemble(path: str, fmt: str, title: str | None, paragraphs: Iterable[tuple[str, str]],
             published: dt.date | None = None, source: str | None = None,
             title_where: str = "headline") -> Document:
    """A Document from a headline and (text, location) paragraphs: headline, blank line, paragraphs."""
    parts: list[str] = []
    segments: list[tuple[int, str]] = []
    pos = 0
    if title:
        title = " ".join(title.split())
        segments.append((0, title_where))
        parts.append(title)
        pos = len(title)
    for text, where in paragraphs:
        text = text.strip()
        if not text:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        segments.append((pos, where))
        parts.append(text)
        pos += len(text)
    return Document(path=path, text="".join(parts), title=title or None, source=source, published=published,
                    body_start=0, fmt=fmt, segments=tuple(segments))


def read_bytes(data: bytes, path: str, fmt: str) -> list[Document]:
    """Documents from one file's bytes in the named format."""
    if fmt == "ninjs":
        from .ninjs import read
    elif fmt == "newsml":
        from .newsml import read
    elif fmt == "html":
        from .html import read
    elif fmt == "docx":
        from .docx import read
    else:
        raise ValueError(fmt)
    return read(data, path)
