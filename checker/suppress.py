"""Inline suppressions in a source: silence one rule on the next line or sentence.

    <!-- checker: ignore CK101 the wire rounds differently -->     (Markdown / HTML)
    [checker: ignore CK201 figure from our own reporting]          (plain text)

The comment must name a rule (id or name); the rest is the reason. It covers the next line when it stands
on a line of its own, else the next sentence after it. A suppression that silences nothing
is reported (CK401), as is one that names no known rule (CK402). Comments never yield claims: their
characters are blanked (same length) before extraction, so offsets still index the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_COMMENT = re.compile(r"<!--\s*checker:\s*ignore\b(?P<a>.*?)-->|\[checker:\s*ignore\b(?P<b>[^\]\n]*)\]", re.S | re.I)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)")


@dataclass(frozen=True)
class Suppression:
    source: str
    start: int            # the comment
    end: int
    rules: tuple[str, ...]
    reason: str
    scope: tuple[int, int]
    text: str


def find(text: str, source: str) -> list[Suppression]:
    out = []
    for m in _COMMENT.finditer(text):
        body = (m.group("a") if m.group("a") is not None else m.group("b") or "").strip()
        words = body.split()
        rules = []
        for w in words:
            token = w.strip(",;")
            if re.fullmatch(r"[A-Z]{1,4}\d{2,4}|[a-z]+(?:-[a-z]+)+", token):
                rules.append(token)
            else:
                break
        reason = " ".join(words[len(rules):])
        out.append(Suppression(source, m.start(), m.end(), tuple(rules), reason, _scope(text, m.start(), m.end()),
                               m.group()))
    return out


def _scope(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    alone = not text[line_start:start].strip() and not text[end:line_end].strip()
    if alone:
        # the next non-empty line
        k = end
        while k < len(text):
            nl = text.find("\n", k)
            nl = len(text) if nl < 0 else nl
            if text[k:nl].strip():
                return k, nl
            k = nl + 1
        return end, end
    # inline: the next sentence after the comment
    k = end
    while k < len(text) and text[k].isspace():
        k += 1
    stop = _SENTENCE_END.search(text, k)
    return end, stop.end() if stop else len(text)


def blank(text: str, suppressions: list[Suppression]) -> str:
    """The text with every suppression comment replaced by spaces (offsets unchanged)."""
    if not suppressions:
        return text
    parts = []
    last = 0
    for s in suppressions:
        parts.append(text[last:s.start])
        parts.append("".join(ch if ch == "\n" else " " for ch in text[s.start:s.end]))
        last = s.end
    parts.append(text[last:])
    return "".join(parts)
