"""Tokens with character offsets, and sentence spans: the shared ground every parser walks on.

One regex pass over the text; every later step looks tokens up by index, so extraction stays
linear in the length of the text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Numbers with thousands separators only when the grouping is right; plain digit runs otherwise; words
# (with one inner apostrophe: "don't", "o'clock"; a possessive 's is split off); any other character alone.
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?|(?<![\w.])\.\d+"
    r"|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)?"
    r"|\S"
)
NUM, WORD, SYM = 0, 1, 2

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gov gen lt col sgt capt cpl maj adm jr sr vs etc inc ltd co corp no nos fig "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun approx est "
    "dept univ ave blvd rd mt ft a m p e i u s k n".split()
)


@dataclass(slots=True)
class Tokens:
    """Parallel arrays: start, end, text, lower-cased text and type (NUM, WORD, SYM) of each token."""

    text: str
    start: list[int]
    end: list[int]
    tok: list[str]
    low: list[str]
    typ: list[int]

    def __len__(self) -> int:
        return len(self.start)

    def gap(self, i: int) -> str:
        """The characters between token i-1 and token i ("" when attached)."""
        if i <= 0 or i >= len(self.tok):
            return " "
        return self.text[self.end[i - 1]: self.start[i]]

    def attached(self, i: int) -> bool:
        """Token i touches the token before it."""
        try:
            return i > 0 and self.start[i] == self.end[i - 1]
        except IndexError:
            return False

    def index_at(self, offset: int) -> int:
        return bisect.bisect_left(self.start, offset)


def tokenize(text: str) -> Tokens:
    """One C-level pass finds the tokens; since tokens cover every non-space character in order, each
    offset is found by a forward `str.find` from the previous token's end (linear overall)."""
    tok = _TOKEN.findall(text)
    start: list[int] = []
    append = start.append
    find = text.find
    pos = 0
    for w in tok:
        pos = find(w, pos)
        append(pos)
        pos += len(w)
    end = [a + len(w) for a, w in zip(start, tok, strict=True)]
    # `\d` means decimal digits, so isdecimal (not isdigit: "¹" is a word character here)
    typ = [NUM if (c := w[0]).isdecimal() or (c == "." and len(w) > 1) else WORD if c.isalnum() else SYM for w in tok]
    return Tokens(text, start, end, tok, [w.lower() for w in tok], typ)


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_FINAL = frozenset(".!?")
_CLOSERS = frozenset("\"'”’)]»")


def sentence_spans(ts: Tokens, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of sentences (and of headlines and list items, which end at a line break)."""
    n = len(ts)
    spans: list[tuple[int, int]] = []
    i = 0
    # skip tokens before offset (front matter)
    while i < n and ts.start[i] < offset:
        i += 1
    if i >= n:
        return spans
    s_start = ts.start[i]
    text = ts.text
    while i < n:
        t = ts.tok[i]
        nxt = i + 1
        brk = False
        if nxt < n:
            gap = text[ts.end[i]: ts.start[nxt]]
            if "\n" in gap:
                # a blank line always ends a sentence; a single line break ends one after final punctuation
                # or before a list item or heading.
                if _BLANK_LINE.search(gap) or t in _FINAL or t in _CLOSERS or ts.tok[nxt] in ("-", "*", "#", "•") \
                        or (ts.typ[nxt] == NUM and nxt + 1 < n and ts.tok[nxt + 1] in (".", ")")):
                    brk = True
                elif ts.typ[i] == WORD and ts.tok[nxt][:1].isupper():
                    brk = True  # a headline or a line without final punctuation
            elif t in _FINAL and gap:
                prev = ts.low[i - 1] if i > 0 else ""
                following = ts.tok[nxt]
                starts_sentence = following[:1].isupper() or following[:1] in "\"“‘'(" or ts.typ[nxt] == NUM
                if t != "." or (prev not in _ABBREVIATIONS and not (len(prev) == 1 and ts.typ[i - 1] == WORD)):
                    brk = starts_sentence
                elif prev in ("a", "m", "p") and i >= 3 and ts.low[i - 2] == "." and following[:1].isupper():
                    brk = True  # "... at 2 a.m. The fire ..."
            elif t in _CLOSERS and gap and i > 0 and ts.tok[i - 1] in _FINAL and ts.tok[nxt][:1].isupper():
                brk = True
        else:
            brk = True
        if brk:
            spans.append((s_start, ts.end[i]))
            if nxt < n:
                s_start = ts.start[nxt]
        i = nxt
    return spans


class Sentences:
    """Sentence lookup by character offset."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = spans
        self._starts = [s for s, _ in spans]
        self._cache: dict[int, str] = {}

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def span(self, offset: int) -> tuple[int, int]:
        if not self.spans:
            return 0, len(self.text)
        return self.spans[self.index(offset)]

    def sentence(self, offset: int, end: int | None = None, limit: int = 600) -> str:
        """The sentence around a mention, whitespace folded. A run-on "sentence" (no punctuation for
        pages) is cut to `limit` characters around the mention, so output stays linear in the text."""
        a, b = self.span(offset)
        if b - a > limit:
            end = offset if end is None else end
            lo = max(a, offset - limit // 2)
            hi = min(b, end + limit // 2)
            return ("… " if lo > a else "") + " ".join(self.text[lo:hi].split()) + (" …" if hi < b else "")
        k = self.index(offset)
        s = self._cache.get(k)
        if s is None:
            s = " ".join(self.text[a:b].split())
            self._cache[k] = s
        return s
