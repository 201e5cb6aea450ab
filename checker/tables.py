"""Markdown tables and bold list labels: what a bare figure in a table cell or after a label measures.

A cell holds a figure alone ("| 118,400 |"); its column's header says what it is and in which unit ("Gold
produced (oz)", "Annual change (%)", "Average price (£ thousand)") and its row's first cell whose row it is
("Group"). A list item "- **Seriously injured:** 9" names its figure in bold before it. These give the figure
the unit, the subject and the words a sentence would have.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from .lexicon import Lexicon, phrase_key
from .subjects import stem, subject_key
from .values import NUMBER, ORDINAL, Quantity

_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$")
_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_UNIT = re.compile(r"^(.*?)\s*\(([^()]{1,24})\)\s*$")  # "Gold produced (oz)" -> label, unit
_LABEL = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])?[ \t]*\*\*([^*\n]{2,60}?):?\*\*:?[ \t]*", re.M)  # "- **Seriously injured:** 9"


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a table cell's content lies in the text, and what its column and row say about it."""

    start: int
    end: int
    label: str         # the column header without its unit ("Gold produced"), or a list item's bold label
    unit: str | None   # the unit the header gives in brackets ("oz", "%", "£ thousand")
    row: str           # the row's first cell ("Group"); empty for a list label


def cells(text: str) -> list[Cell]:
    """Every data cell of every Markdown table in the text (a header row, a rule row, then rows), and the
    figure after each bold list label, in text order."""
    out: list[Cell] = []
    if "|" in text:
        out += _table_cells(text)
    if "**" in text:
        for m in _LABEL.finditer(text):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            out.append(Cell(m.end(), line_end, m.group(1).strip().rstrip(":"), None, ""))
    return sorted(out, key=lambda c: c.start)


def _split(line: str, base: int) -> list[tuple[int, int, str]]:
    """A row's cells as (start, end, stripped text), offsets in the whole text."""
    m = _ROW.match(line)
    if not m:
        return []
    got, pos = [], m.start(1)
    for part in m.group(1).split("|"):
        lead = len(part) - len(part.lstrip())
        body = part.strip()
        got.append((base + pos + lead, base + pos + lead + len(body), body))
        pos += len(part) + 1
    return got


def _table_cells(text: str) -> list[Cell]:
    out: list[Cell] = []
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    k = 0
    while k + 1 < len(lines):
        head_at, head = lines[k]
        if not (_ROW.match(head) and _RULE.match(lines[k + 1][1])):
            k += 1
            continue
        headers = []
        for _, _, h in _split(head, head_at):
            m = _UNIT.match(h)
            headers.append((m.group(1), m.group(2).strip()) if m else (h, None))
        k += 2
        while k < len(lines) and _ROW.match(lines[k][1]):
            row = _split(lines[k][1], lines[k][0])
            label = next((t for _, _, t in row if t and not _numeric(t)), "")
            for j, (a, b, t) in enumerate(row):
                if j < len(headers) and t and _numeric(t):
                    out.append(Cell(a, b, headers[j][0], headers[j][1], label))
            k += 1
    return out


_PLURAL_SCALES = {"thousands": "thousand", "millions": "million", "billions": "billion", "000s": "thousand",
                  "'000s": "thousand", "'000": "thousand", "000": "thousand"}
# column headers that name a period, not a measure ("| Measure | Latest | Year before |"): the row names it
_PERIOD_WORDS = frozenset(("latest", "current", "now", "year", "month", "quarter", "week", "before", "earlier",
                           "previous", "prior", "last", "this", "change", "q1", "q2", "q3", "q4", "h1", "h2"))


_CUT = frozenset(("on", "of", "over", "under", "in", "at", "for", "by", "per", "from", "to", "with"))


def _head(label: str) -> str:
    """A header's measured thing as a subject: the words before a preposition, less a trailing participle, in
    lower case ("Gold produced" -> "gold", "Passengers on board" -> "passengers", "Average price" -> "average
    price")."""
    words = []
    for w in label.split():
        if w.lower() in _CUT:
            break
        words.append(w.lower())
    if len(words) >= 2 and words[-1].endswith(("ed", "ing")):
        words.pop()
    return " ".join(words)


def _names_period(label: str) -> bool:
    words = re.findall(r"[a-z0-9]+", label.lower())
    return bool(words) and all(w in _PERIOD_WORDS or (w.isdigit() and len(w) == 4) or w in ("a", "the", "on")
                               for w in words)


def _numeric(cell: str) -> bool:
    return any(ch.isdigit() for ch in cell) and not any(ch.isalpha() for ch in cell.replace("k", "").replace("m", ""))


def with_unit(cell_text: str, unit: str) -> str:
    """The cell's figure written with its column's unit, as prose would write it: "7.2" and "%" -> "7.2%",
    "198.6" and "£ thousand" -> "£198.6 thousand", "71,200" and "oz" -> "71,200 oz"."""
    unit = _PLURAL_SCALES.get(unit.strip().lower(), unit.strip())
    if unit == "%":
        return cell_text + "%"
    if unit[:1] in "£$€¥":
        return unit[0] + cell_text + (" " + unit[1:].strip() if unit[1:].strip() else "")
    return f"{cell_text} {unit}"


def place(claims: list, text: str, offset: int, lex: Lexicon, read) -> list:  # type: ignore[no-untyped-def]
    """The claims with what their table cell or list label says: a bare figure takes its column's unit (re-read
    by `read`, the extractor, from the figure written with the unit), a rank column makes it a place, a column
    of the year before makes it a previous value; a figure with no subject takes the label as its subject; the
    row's and column's words join its context. `offset`: where `text` begins in the whole document."""
    found = cells(text)
    if not found:
        return claims
    starts = [c.start for c in found]
    out = []
    for c in claims:
        a, b = c.start - offset, c.end - offset
        k = bisect.bisect_right(starts, a) - 1
        cell = found[k] if k >= 0 else None
        if cell is None or not (cell.start <= a and b <= cell.end) or c.kind == "date":
            out.append(c)
            continue
        row_label, row_unit = cell.row, None
        m = _UNIT.match(cell.row)
        if m:
            row_label, row_unit = m.group(1), m.group(2).strip()
        unit = cell.unit or row_unit
        whole = text[cell.start:cell.end].strip() == c.text.strip()
        changes = {}
        if whole and c.kind == NUMBER and isinstance(c.value, Quantity) and c.value.unit is None:
            if cell.label.lower() in _RANKS:
                v = c.value.low
                changes.update(kind=ORDINAL, value=Quantity(v, v, dimension="ordinal"))
            elif unit:
                # the labels go along: they are the figure's words ("Gold produced (oz)": troy ounces)
                written = with_unit(c.text, unit)
                again = [x for x in read(f"{written}; {cell.label} {row_label}") if x.start == 0 and x.kind != "date"]
                if len(again) == 1 and again[0].end == len(written) \
                        and (again[0].value.dimension != "count" or again[0].value != c.value):
                    changes.update(kind=again[0].kind, value=again[0].value)
            if _previous(cell.label, lex):
                changes["role"] = "previous"
        if c.subject is None and whole:
            label = row_label if (row_unit and not cell.unit) or (row_label and _names_period(cell.label)) \
                else cell.label
            subject = _head(label)
            if subject:
                changes.update(subject=subject, subject_key=subject_key(subject, lex))
        words = [stem(w) for w in re.findall(r"[^\W\d_]{3,}", f"{cell.label} {row_label}".lower())]
        if words:
            changes["context"] = tuple(dict.fromkeys((*c.context, *words)))
        out.append(replace(c, **changes) if changes else c)
    return out


_RANKS = frozenset(("rank", "ranking", "position", "place", "pos", "#", "no", "no."))


def _previous(header: str, lex: Lexicon) -> bool:
    """A column of the figures before ("Year before", "Previous year", "A year earlier")."""
    key = tuple(w for w in phrase_key(header) if w not in ("a", "the"))
    return any(key == tuple(w for w in p if w not in ("a", "the")) for p in lex.update_previous_after) \
        or key in (("previous",), ("prior",), ("before",))
