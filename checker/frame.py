"""A claim's frame: what it states, computed once, in the terms alignment compares.

value (the claim's own), the measured thing (subject groups), the predicate (event groups, the one
nearest and the one right beside the figure), the context words, the time the fact refers to
(stated years, clause dates, the day the source speaks from), and its role (previous value, part,
increment). Alignment scores pairs of frames (`checker.align`); nothing here compares two claims.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass
from typing import Iterable

from .changes import POINTS, is_change
from .judge import count_kind
from .lexicon import Lexicon
from .values import DATE, ORDINAL, TIME, Claim, Quantity


def block_of(c: Claim) -> str:
    """Claims are only ever compared within a block (same kind of value)."""
    if c.kind == DATE:
        return "date"
    if c.kind == ORDINAL:  # a place from the start, or one from the end ("penultimate"): never compared together
        return c.value.dimension if isinstance(c.value, Quantity) else "ordinal"
    if c.kind == TIME:
        return "time"
    v = c.value
    block = v.dimension if isinstance(v, Quantity) else c.kind
    if block == POINTS:
        block = "proportion"  # a change in points and one in percent may be one change, told two ways
    return f"{block}/{c.rate}" if c.rate else block  # a rate ("300,000 rounds a month") is not a total


@dataclass
class Frame:
    claim: Claim
    block: str
    subjects: frozenset[str]
    events: frozenset[str]
    nearest: str | None
    context: frozenset[str]
    years: tuple[int, int] | None
    ref_year: int | None
    when: tuple[int, int] | None
    now: int | None            # the day the source speaks from (published, else the end of its reference year)
    rarity: float = 0.0        # how unlikely the value is to recur by chance (0 common .. 1 rare)
    alone: bool = False        # the only claim of its block in its source
    unique_subject: bool = False  # the only claim with its subject in its block and source
    unique_trait: bool = False    # (shares) the only share with its trait in its source
    recent: bool = False          # (dates) a day named relative to the source's week: "Tuesday", "yesterday"
    anchor_facts: frozenset[int] = frozenset()  # (dates) facts of the figures in the clause
    anchor_sources: frozenset[str] = frozenset()  # the sources those facts span
    log_size: float | None = None   # log10 of the figure's middle (None for dates, open or non-positive)
    log_sizes: tuple[float, ...] = ()  # a figure of unstated scale ("104 degrees"): log10 of each reading
    subject_words: frozenset[str] = frozenset()  # the subject's content words, singular
    kin: frozenset[str] = frozenset()  # subjects that name overlapping things (subjects.yaml `kin`)
    running: bool = False  # a count that only grows as an event goes on (a toll): each day's figure is one fact's
    context_weight: float = 0.0     # summed rarity of the context words (set once the run's idf is known)
    change: bool = False   # (shares) says how much something moved ("up 3.1 per cent", "2 points"), not a level
    names: frozenset[str] = frozenset()  # capitalised names in the figure's clause ("liberal", "democrats"): whose
    source_names: frozenset[str] = frozenset()  # ... and every such name its source gives near any figure
    lead: str | None = None  # the clause's sentence-first word, a name only if its source names it mid-sentence too
    over: tuple[float, float] | None = None  # hours the figure accrued over ("250 mm of rain fell in 36 hours")
    day: int | None = None  # the source's publication day (an ordinal), when it gives one


def frame_of(c: Claim, lex: Lexicon, ref_year: int | None) -> Frame:
    subjects = set()
    if c.subject_key:
        subjects.add(c.subject_key)
    # "injuring 27" (subject: workers) and "30 injured" (subject: injuries) both count injuries
    for g in c.events[:1]:
        s = lex.event_subjects.get(g)
        if s and c.kind == "number":
            subjects.add(s)
    # "said" and "reported" tell when a figure was given, which matters for dates only
    events = frozenset(c.events) if c.kind == DATE else frozenset(g for g in c.events if g != "reported")
    nearest = next((g for g in c.events if c.kind == DATE or g != "reported"), None)
    if nearest in lex.change_groups and c.role in ("current", "changed", "previous"):
        # a figure given as the new or the old value ("climbed to 55", "up from 241"): the verb beside it says how
        # it moved, not what it counts, so it names no predicate ("the toll climbed to 55" and "the fire killed
        # 36" both count the killed; the events around them still say so)
        nearest = None
    now = _dt.date(ref_year, 12, 31).toordinal() if ref_year else None
    from .subjects import stem

    own = {stem(w) for w in (c.subject or "").split()}
    kin = lex.derived("subject_kin", _kin_of)
    related = frozenset(k for s in subjects for k in kin.get(s, ()))
    names, lead = clause_names(c, lex)
    return Frame(c, block_of(c), frozenset(subjects), events, nearest, frozenset(c.context) - own, c.years,
                 ref_year, c.when, now, rarity(c.value), log_size=_log_size(c.value, lex),
                 log_sizes=_readings(c.value, lex),
                 subject_words=_subject_words(c.subject), kin=related, running=count_kind(c, lex) == "running",
                 recent=c.kind == DATE and getattr(c.value, "grain", None) == "day" and not any(ch.isdigit() for ch in c.text),
                 change=is_change(c, lex), names=names, lead=lead)


_OVER = re.compile(r"\b(?:in|over|within|during)(?:\s+the)?(?:\s+(?:past|last|first|next|space\s+of))?\s*$", re.I)


def set_spans(frames: list[Frame]) -> None:
    """A figure followed in its clause by the time it accrued over ("250 millimetres of rain fell in 36 hours",
    "strengthened by 80 mph in the past 12 hours"): the span, in hours, is part of what the figure states (frames
    of one source, in text order)."""
    for i, f in enumerate(frames):
        c = f.claim
        if c.kind in (DATE, TIME) or not isinstance(c.value, Quantity) or c.value.dimension == "time":
            continue
        for g in frames[i + 1:i + 3]:
            d = g.claim
            if d.sentence_start != c.sentence_start or d.start < c.end:
                break
            q = d.value
            if not (isinstance(q, Quantity) and q.dimension == "time" and q.low is not None):
                continue
            gap = c.sentence[c.end - c.sentence_start:d.start - c.sentence_start]
            if not _CLAUSE_CUTS.search(gap) and _OVER.search(gap):
                f.over = (q.low, q.high if q.high is not None else q.low)
            break


_CLAUSE_CUTS = re.compile(r"[,;:\u2013\u2014]|\s-\s")
_CAPITALISED = re.compile(r"(?<![\w'\u2019-])[A-Z][\w\u2019'&-]*")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _not_names(lex: Lexicon) -> frozenset[str]:
    """Capitalised words that name nothing: stopwords ("The", "In"), months and weekdays."""
    return frozenset(lex.stopwords) | frozenset(lex.months) | frozenset(lex.weekdays)


def _attribution(lex: Lexicon) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lex.raw.get("events", {}).get("attribution") or ())


def _reporter(sent: str, start: int, end: int, lex: Lexicon) -> bool:
    """A name that only says who gave the figure: "Xinhua said", "the ministry announced", "according to Reuters"."""
    nxt = _NEXT_WORD.match(sent, end)
    if nxt and nxt.group(1).lower() in lex.derived("attribution", _attribution):
        return True
    return sent[max(0, start - 13):start].lower().endswith("according to ")


def clause_names(c: Claim, lex: Lexicon) -> tuple[frozenset[str], str | None]:
    """The capitalised names in the clause that holds the figure ("The Liberal Democrats have climbed to 71 seats"
    -> liberal, democrats), whose figure it is: a party's seats, a runner's time, one city's toll; and the clause's
    sentence-first word apart (capitalised whatever it is: "Officials", or "Lyra"). Left out: months and weekdays,
    stopwords, and a name that only says who gave the figure ("Xinhua said", "according to Reuters")."""
    sent = c.sentence
    at = c.start - c.sentence_start
    if not sent or not 0 <= at <= len(sent):
        return frozenset(), None
    end = at + len(c.text)
    left = max((m.end() for m in _CLAUSE_CUTS.finditer(sent, 0, at)), default=0)
    right = next((m.start() for m in _CLAUSE_CUTS.finditer(sent, end)), len(sent))
    skip = lex.derived("not_names", _not_names)
    first = len(sent) - len(sent.lstrip())
    out = set()
    lead = None
    for m in _CAPITALISED.finditer(sent, left, right):
        if at <= m.start() < end:
            continue
        w = m.group().lower().removesuffix("'s").removesuffix("\u2019s").strip("'\u2019-&")
        if len(w) < 2 or w in skip or _reporter(sent, m.start(), m.end(), lex):
            continue
        if m.start() == first:
            lead = w
        else:
            out.add(w)
    return frozenset(out), lead


def _kin_of(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Subject key -> the keys of the nouns subjects.yaml `kin` pairs it with."""
    from .subjects import subject_key

    kin: dict[str, set[str]] = {}
    for words in lex.raw.get("subjects", {}).get("kin") or ():
        keys = {subject_key(str(w), lex) for w in words} - {None}
        for k in keys:
            kin.setdefault(k, set()).update(keys - {k})
    return {k: frozenset(v) for k, v in kin.items()}


_INSIDE = 1.05  # how far inside its bound an open interval's figure is taken to lie


def _log_size(v: object, lex: Lexicon) -> float | None:
    """How far apart two figures are is a difference of these: log10 of the middle (an open side's bound, a
    little inside the interval: "more than 5 million" is a little above 5 million, so 5.58 million is nearer
    it than 4.66 million), money in euros at the reference rate; None for dates and figures not positive."""
    if not isinstance(v, Quantity):
        return None
    mid = (v.low + v.high) / 2 if v.low is not None and v.high is not None \
        else v.low * _INSIDE if v.low is not None else v.high / _INSIDE if v.high is not None else None
    if mid and v.dimension == "currency" and v.unit != "EUR":
        from .rates import rates_for

        rates = rates_for(lex)
        euros = rates.convert(mid, v.unit, "EUR") if rates and v.unit else None
        mid = euros if euros is not None else mid
    return math.log10(mid) if mid and mid > 0 and math.isfinite(mid) else None


def _readings(v: object, lex: Lexicon) -> tuple[float, ...]:
    """'highs of 104 degrees' in each scale it may be in (units.yaml `read_as`): log10 of each reading."""
    if not isinstance(v, Quantity) or v.unit not in lex.unstated_scales:
        return ()
    got = (_log_size(v.read_in(u), lex) for u in lex.unstated_scales[v.unit])
    return tuple(x for x in got if x is not None)


def _subject_words(phrase: str | None) -> frozenset[str]:
    """"air-defence interceptors" -> {air, defence, interceptor}: the content words, singular."""
    if not phrase:
        return frozenset()
    from .subjects import singular

    return frozenset(singular(w) for w in phrase.replace("-", " ").split() if len(w) > 3 and w != "of")


def rarity(v: object) -> float:
    """How telling an exact repeat of this value is: 41.8 %, 9,260 or 1.3 million rarely recur by chance
    in two articles; 2, 10 or 100 often do. Significant digits and size, on a 0..1 scale."""
    if not isinstance(v, Quantity) or v.low is None or v.low != v.high:
        return 0.0
    x = abs(v.stated(v.low) or 0.0)
    if x == 0:
        return 0.0
    digits = f"{x:.6g}".replace(".", "").replace("-", "").strip("0")
    sig = len(digits)
    if x.is_integer() and x <= 12:
        return 0.0
    score = 0.25 * (sig - 1) + (0.25 if x >= 1000 else 0.0) + (0.25 if not x.is_integer() else 0.0)
    return max(0.0, min(1.0, score))


def idf_table(frames: Iterable[Frame]) -> dict[str, float]:
    """Inverse sentence frequency of context words across the sources being compared: the words every
    article of the event uses (its place, its topic) carry no evidence that two figures state one fact."""
    df: dict[str, int] = {}
    seen: set[tuple[str, int]] = set()
    per_sentence: dict[tuple[str, int], set[str]] = {}
    for f in frames:
        key = (f.claim.source, f.claim.sentence_start)
        per_sentence.setdefault(key, set()).update(f.context)
        seen.add(key)
    for words in per_sentence.values():
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = max(1, len(seen))
    top = math.log(n + 1)
    return {w: math.log((n + 1) / d) / top for w, d in df.items()}


def weigh_context(frames: Iterable[Frame], idf: dict[str, float]) -> None:
    """Set each frame's summed context rarity under the run's idf."""
    for f in frames:
        f.context_weight = sum(idf.get(w, 1.0) for w in f.context)


__all__ = ["Frame", "frame_of", "block_of", "idf_table", "weigh_context", "rarity"]
