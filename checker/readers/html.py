"""Web pages: the article body by trafilatura (navigation, comments and boilerplate dropped; chosen over
readability-lxml by benchmarks/html_extractors.py: both found every body paragraph of 37 pages, trafilatura
let 20 boilerplate figures through against 65), its headline,
`<meta property="article:published_time">` as published (no date guessed from the text) and `og:site_name`
as source. Locations are paragraph numbers of the extracted body ("paragraph 3")."""
from __future__ import annotations

import datetime as dt
import re

from ..errors import InputError
from ..sources import Document, decode
from . import assemble

_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")


def _metas(markup: str) -> dict[str, str]:
    """property/name -> content of the page's meta tags (first wins)."""
    out: dict[str, str] = {}
    for tag in _META.findall(markup[:200_000]):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs:
            out.setdefault(key, attrs["content"])
    return out


def read(data: bytes, path: str) -> list[Document]:
    import trafilatura  # costs most of a second: only when a page is read

    markup = decode(data, path)
    meta = _metas(markup)
    got = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=True,
                                      favor_precision=True)
    text = getattr(got, "text", None) if got is not None else None
    if not text:
        raise InputError("no article text found in this page", path)
    title = meta.get("og:title") or getattr(got, "title", None)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if title and lines and " ".join(lines[0].split()) == " ".join(title.split()):
        lines = lines[1:]  # the page's own headline, read as the title
    published = None
    for key in ("article:published_time", "datepublished", "date", "dc.date"):
        if meta.get(key):
            try:
                published = dt.date.fromisoformat(meta[key].strip()[:10])
                break
            except ValueError:
                continue
    source = meta.get("og:site_name") or getattr(got, "sitename", None)
    return [assemble(path, "html", title, [(ln, f"paragraph {n}") for n, ln in enumerate(lines, start=1)],
                     published=published, source=source, title_where="title")]
