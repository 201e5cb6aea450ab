"""Paragraphs from an HTML or XHTML fragment (a ninjs `body_html`, a NewsML-G2 `inlineXML`): the text of
each block element, in order, with entities decoded and scripts and styles dropped. The standard library's
parser is enough for markup a provider wrote; whole web pages go through readers/html.py instead."""
from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre td th dd dt figcaption caption div section article "
                    "header footer tr br".split())
_SKIP = frozenset(("script", "style", "noscript", "template", "head"))  # <head><title> repeats the headline


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.buf: list[str] = []
        self.skip = 0

    def _flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        if text:
            self.out.append(text)
        self.buf = []

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        tag = tag.split(":")[-1].lower()
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        tag = tag.split(":")[-1].lower()
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.buf.append(data)


def html_paragraphs(markup: str) -> list[str]:
    p = _Paragraphs()
    p.feed(markup)
    p.close()
    p._flush()
    return p.out
