"""Inline suppressions in a source: silence one rule on a line or a sentence.

    <!-- checker: ignore CK101 the wire rounds differently -->     (Markdown / HTML)
    [checker: ignore CK201 figure from our own reporting]          (plain text)

The comment must name a rule (id or name); the rest is the reason. On a line of its own it covers the next
non-empty line. Inline it covers the sentence it closes ("... 1,150 people. [checker: ignore ...]") or
stands in; at the start of a line, the sentence that follows. A suppression that silences nothing is
reported (CK401), as is one that names no known rule or is never closed (CK402). Comments never yield
claims: their characters are blanked (same length) before extraction, so offsets still index the file.

Every search is bounded (a comment body, the look-back for its sentence), so a file of many comments, or
one long line of them, costs its length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = re.compile(r"(<!--|\[)[ \t]*checker:[ \t]*ignore\b", re.I)
MAX_BODY = 1000   # characters a comment's rules and reason may take
REACH = 4000      # how far a comment looks for its line and sentence
_HTML_BODY = re.compile(r"(.{0,%d}?)-->" % MAX_BODY, re.S)
_BRACKET_BODY = re.compile(r"([^\]\n]{0,%d})\]" % MAX_BODY)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)")
_RULE = re.compile(r"[A-Z]{1,4}\d{2,4}|[a-z]+(?:-[a-z]+)+")


@dataclass(frozen=True)
class Suppression:
    source: str
    start: int            # the comment
    end: int
    rules: tuple[str, ...]
    reason: str
    scope: tuple[int, int]
    text: str
    problem: str = ""     # why the comment is malformed ("" when it is well formed)


def find(text: str, source: str) -> list[Suppression]:
    """Every suppression comment of a text, well formed or not, in order."""
    out = []
    pos = 0
    for m in _OPEN.finditer(text):
        if m.start() < pos:
            continue  # inside the previous comment
        html = m.group(1) == "<!--"
        body = (_HTML_BODY if html else _BRACKET_BODY).match(text, m.end())
        if body is None:
            line_end = text.find("\n", m.end(), m.end() + MAX_BODY)
            end = line_end if line_end >= 0 else min(len(text), m.end() + MAX_BODY)
            closer = "-->" if html else "]"
            out.append(Suppression(source, m.start(), end, (), "", (end, end), text[m.start():end],
                                   f"never closed (no `{closer}` within {MAX_BODY} characters on its line)"))
            pos = end
            continue
        words = body.group(1).split()
        rules = []
        for w in words:
            token = w.strip(",;")
            if not _RULE.fullmatch(token):
                break
            rules.append(token)
        reason = " ".join(words[len(rules):])
        out.append(Suppression(source, m.start(), body.end(), tuple(rules), reason,
                               _scope(text, m.start(), body.end()), text[m.start():body.end()]))
        pos = body.end()
    return out


def _scope(text: str, start: int, end: int) -> tuple[int, int]:
    floor = max(0, start - REACH)
    line_start = text.rfind("\n", floor, start) + 1 or floor
    line_end = text.find("\n", end, end + REACH)
    line_end = min(len(text), end + REACH) if line_end < 0 else line_end
    before = text[line_start:start]
    if not before.strip() and not text[end:line_end].strip():
        # alone on its line: the next non-empty line
        k = line_end + 1
        while k < len(text) and k <= line_end + REACH:
            nl = text.find("\n", k)
            nl = len(text) if nl < 0 else nl
            if text[k:nl].strip():
                return k, nl
            k = nl + 1
        return end, end
    ends = [e.end() for e in _SENTENCE_END.finditer(before)]
    if ends and not before[ends[-1]:].strip():
        # right after a sentence on its line: that sentence
        return line_start + (ends[-2] if len(ends) > 1 else 0), start
    # inside a sentence, or at the start of a line: that sentence, to its end after the comment
    stop = _SENTENCE_END.search(text, end, line_end + 1)
    return line_start + (ends[-1] if ends else 0), stop.end() if stop else line_end


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
