"""Tokens with character offsets, and sentence spans: the shared ground every parser walks on.

One regex pass over the text; every later step looks tokens up by index, so extraction stays
linear in the length of the text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from operator import contains, itemgetter, or_, sub

# Each match is the whitespace before a token and the token: words first (the commonest), with one inner
# apostrophe ("don't", "o'clock"; a possessive 's is split off); numbers with thousands separators (commas, or
# spaces, no-break and thin spaces: "1 000", "1\u202f234\u202f567") only when the grouping is right, plain digit
# runs otherwise; any other character alone. Matching the whitespace too
# means offsets come from the match lengths alone (no search per token); the possessive `\s*+` never
# backtracks. ASCII letters are tried first as a plain range, cheaper than the Unicode letter class.
_TOKEN = re.compile(
    r"\s*+(?:(?:[a-zA-Z]++[^\W\d_]*|[^\W\d_]+)(?:['’](?![sS]\b)[^\W\d_]+)?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d{1,3}(?:\.\d{3})+,\d+(?![\d,.]?\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?(?![\d,.]?\d)"
    r"|\d+(?:\.\d+)*(?:[eE][+-]?\d+\b)?|(?<![\w.])\.\d+"
    r"|\S)"
)
# ".5": the one kind of number token not led by a digit. Searched as the literal ".", which the regex engine
# finds fast; the token pattern's look-behind (no word character or "." before) is then tested here.
_DOT_DIGIT = re.compile(r"\.\d")
NUM, WORD, SYM = 0, 1, 2
MAX_NUMBER_CHARS = 300  # a longer digit run is not a figure anyone wrote (a double holds 308 digits): a symbol
HYPHENS = ("-", "–", "—", "‑")  # what joins the parts of "eighty-seven", "2-mile", "three-quarters"

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
    newline_before: list[bool]  # a line break lies between token i-1 and token i
    # spelled numbers already read, by start token (several readers ask at the same word); see numbers.py
    words_read: dict[int, object] = field(init=False, default_factory=dict)
    n: int = field(init=False)  # the token count as a plain attribute: readers ask for it constantly

    def __post_init__(self) -> None:
        self.n = len(self.start)

    def __len__(self) -> int:
        return self.n

    def attached(self, i: int) -> bool:
        """Token i touches the token before it."""
        try:
            return i > 0 and self.start[i] == self.end[i - 1]
        except IndexError:
            return False

    def index_at(self, offset: int) -> int:
        return bisect.bisect_left(self.start, offset)


class _TypeTable(dict):
    """Token type by first character, filled as characters are met (`\\d` is decimal digits, so
    isdecimal, not isdigit: "¹" is a word character here)."""

    def __missing__(self, c: str) -> int:
        kind = self[c] = NUM if c.isdecimal() else WORD if c.isalnum() else SYM
        return kind


_TYPE_OF_FIRST = _TypeTable()


def tokenize(text: str) -> Tokens:
    """One C-level regex pass, then C-level maps: no Python code runs per token. Each match holds the
    whitespace before its token, so running sums of match lengths are the token ends."""
    pieces = _TOKEN.findall(text, 0, len(text.rstrip()))  # trailing space would be re-scanned per position
    end = list(accumulate(map(len, pieces)))
    tok = list(map(str.lstrip, pieces))
    start = list(map(sub, end, map(len, tok)))
    typ = list(map(_TYPE_OF_FIRST.__getitem__, map(itemgetter(0), tok)))
    for m in _DOT_DIGIT.finditer(text):
        p = m.start()
        if p and (text[p - 1].isalnum() or text[p - 1] in "_."):
            continue  # "3.5", "v.2": inside a token
        k = bisect.bisect_left(start, p)
        if k < len(start) and start[k] == p:
            typ[k] = NUM
    if tok and max(map(len, tok)) > MAX_NUMBER_CHARS:  # (C-level; a regex search would cost 200 instr/char)
        typ = [SYM if ty == NUM and len(t) > MAX_NUMBER_CHARS else ty for ty, t in zip(typ, tok)]
    newline_before = list(map(contains, pieces, repeat("\n")))  # a token never holds a line break
    return Tokens(text, start, end, tok, list(map(str.lower, tok)), typ, newline_before)


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_FINAL = frozenset(".!?")
_CLOSERS = frozenset("\"'”’)]»")


_BREAK_TOKENS = frozenset(".!?\"'”’)]»")


def _break_candidates(ts: Tokens, first: int) -> list[int]:
    """Tokens after which a sentence may end: final punctuation and closers, and tokens before a line
    break, picked out in C; the rules in sentence_spans run on a few tokens a sentence."""
    n = ts.n
    punct = map(_BREAK_TOKENS.__contains__, ts.tok[first:n - 1])
    before_newline = ts.newline_before[first + 1:]
    found = list(compress(range(first, n - 1), map(or_, punct, before_newline)))
    found.append(n - 1)
    return found


def sentence_spans(ts: Tokens, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of sentences (and of headlines and list items, which end at a line break)."""
    n = len(ts)
    spans: list[tuple[int, int]] = []
    first = ts.index_at(offset)  # tokens before offset are front matter
    if first >= n:
        return spans
    text, tok, low, typ, start, end = ts.text, ts.tok, ts.low, ts.typ, ts.start, ts.end
    s_start = start[first]
    for i in _break_candidates(ts, first):
        t = tok[i]
        nxt = i + 1
        brk = False
        if nxt < n:
            gap = text[end[i]: start[nxt]]
            if "\n" in gap:
                # a blank line always ends a sentence; a single line break ends one after final punctuation
                # or before a list item or heading.
                if _BLANK_LINE.search(gap) or t in _FINAL or t in _CLOSERS or tok[nxt] in ("-", "*", "#", "•") \
                        or (typ[nxt] == NUM and nxt + 1 < n and tok[nxt + 1] in (".", ")")):
                    brk = True
                elif typ[i] == WORD and tok[nxt][:1].isupper():
                    brk = True  # a headline or a line without final punctuation
            elif t in _FINAL and gap:
                prev = low[i - 1] if i > 0 else ""
                following = tok[nxt]
                starts_sentence = following[:1].isupper() or following[:1] in "\"“‘'(" or typ[nxt] == NUM
                if t != "." or (prev not in _ABBREVIATIONS and not (len(prev) == 1 and typ[i - 1] == WORD)):
                    brk = starts_sentence
                elif prev in ("a", "m", "p") and i >= 3 and low[i - 2] == "." and following[:1].isupper():
                    brk = True  # "... at 2 a.m. The fire ..."
            elif t in _CLOSERS and gap and i > 0 and tok[i - 1] in _FINAL and tok[nxt][:1].isupper():
                brk = True
        else:
            brk = True
        if brk:
            spans.append((s_start, end[i]))
            if nxt < n:
                s_start = start[nxt]
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

    def sentence(self, offset: int, end: int | None = None, limit: int = 600, index: int | None = None) -> str:
        """The sentence around a mention, whitespace folded. A run-on "sentence" (no punctuation for
        pages) is cut to `limit` characters around the mention, so output stays linear in the text.
        `index`, when the caller knows it, saves the search for the sentence."""
        if index is not None and self.spans:
            a, b = self.spans[index]
        else:
            a, b = self.span(offset)
        if b - a > limit:
            end = offset if end is None else end
            lo = max(a, offset - limit // 2)
            hi = min(b, end + limit // 2)
            return ("… " if lo > a else "") + " ".join(self.text[lo:hi].split()) + (" …" if hi < b else "")
        k = self.index(offset) if index is None else index
        s = self._cache.get(k)
        if s is None:
            s = " ".join(self.text[a:b].split())
            self._cache[k] = s
        return s
