"""Judging two claims that state the same fact: consistent, conflict or unverifiable, with a reason.

Numbers are compared as intervals widened by the tolerances in rules/tolerances.yaml (approximate
values, rounding of decimals, conversion between units); dates as spans, with weekdays checked against
the calendar. A count that a report revises ("rose to 312") is an update, not a conflict.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

from .changes import POINTS
from .lexicon import Lexicon
from .zones import comparable
from .values import (CLOCK12, ORDINAL, TIME, Claim, DateSpan, Quantity, format_number, misnamed_weekday, named_weekday,
                     transposed)

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

CONSISTENT, CONFLICT, UNVERIFIABLE = "consistent", "conflict", "unverifiable"
POSSIBLE_CONFLICT = "possible-conflict"  # a conflict between two claims that may not state the same fact


@dataclass(frozen=True, slots=True)
class Verdict:
    verdict: str
    rule: str      # a rule id from rules/checks.yaml
    message: str


def _bounds(q: Quantity, tol: dict[str, float], converted: bool, kind: str) -> tuple[float, float, bool, bool]:
    """The interval a stated value allows once its tolerance is applied (inf for an open side)."""
    inf = float("inf")
    lo = -inf if q.low is None else q.low
    hi = inf if q.high is None else q.high
    lo_inc, hi_inc = q.low_inclusive, q.high_inclusive
    if kind == TIME:
        slack = tol.get("time_of_day_minutes", 15.0)
        if q.approximate:
            if q.lean == "below":
                return lo - slack, hi, True, True
            if q.lean == "above":
                return lo, hi + slack, True, True
            return lo - slack, hi + slack, True, True
        return lo, hi, lo_inc, hi_inc
    rel = tol.get("approximate", 0.1)
    if q.approximate and q.qualifier != "vague":
        a, b = abs(lo) * rel if lo != -inf else 0, abs(hi) * rel if hi != inf else 0
        if q.lean == "below":
            return lo - a, hi + b * 0.02, True, True  # "nearly 500": a little below, at most a hair above
        if q.lean == "above":
            return lo - a * 0.02, hi + b, True, True
        return lo - a, hi + b, True, True
    # exact figures: rounding of the last stated digit (half-open: "71" covers 70.5 up to, not including, 71.5,
    # so 71 and 72 still differ), and unit conversion slack
    precision = q.precision
    # a dimension may set its own conversion slack (`exact_converted_temperature: 0`: on a scale with an offset a
    # share of the figure means nothing, so each figure keeps its own rounding only)
    conv = tol.get(f"exact_converted_{q.dimension}", tol.get("exact_converted", 0.02)) if converted else 0.0
    if conv and precision >= 0.5:
        precision = 0.0  # across units a whole number's rounding gives way to the conversion tolerance
    slack_lo = slack_hi = precision * q.factor
    if precision and not conv:
        hi_inc = False if q.high is not None else hi_inc
    if conv:
        slack_lo += abs(lo) * conv if lo != -inf else 0
        slack_hi += abs(hi) * conv if hi != inf else 0
    if lo != -inf:
        lo -= slack_lo
    if hi != inf:
        hi += slack_hi
    return lo, hi, lo_inc, hi_inc


def _overlap(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    lo = max(a[0], b[0])
    hi = min(a[1], b[1])
    eps = 1e-9 * max(1.0, abs(lo)) if lo != float("inf") and lo != -float("inf") else 0.0
    if lo < hi - eps:
        return True
    if lo > hi + eps:
        return False  # within eps the two touch: 104.45F and 40.25C are one point, whatever the float noise
    # touching: both sides must include the point
    a_inc = (a[2] if abs(lo - a[0]) <= eps else True) and (a[3] if abs(lo - a[1]) <= eps else True)
    b_inc = (b[2] if abs(lo - b[0]) <= eps else True) and (b[3] if abs(lo - b[1]) <= eps else True)
    return a_inc and b_inc


def describe(c: Claim) -> str:
    """A figure as an editor would say it: 'more than 11,000', 'about 250 millimetres', 'June 17 2025'."""
    v = c.value
    if isinstance(v, DateSpan):
        return _describe_date(v, c.text)
    if c.kind == ORDINAL:
        return c.text
    q = v
    text = c.readable()
    if q.qualifier and q.qualifier != "vague":
        stated = text.replace("≈ ", "").replace("≲ ", "").replace("≳ ", "").replace("> ", "").replace(">= ", "")
        stated = stated.replace("< ", "").replace("<= ", "")
        if c.subject and stated.endswith(" " + c.subject):
            stated = stated[: -len(c.subject) - 1]
        return f"{q.qualifier} {stated}"
    if c.subject and text.endswith(" " + c.subject):
        text = text[: -len(c.subject) - 1]
    return text


def _describe_date(v: DateSpan, surface: str) -> str:
    if v.start and v.end and v.start == v.end:
        return f"{surface} ({_DAY_NAMES[v.start.weekday()]} {v.start.isoformat()})"
    if v.resolved and (v.start or v.end):
        return f"{surface} ({v.readable()})"
    return surface


def judge(a: Claim, b: Claim, lex: Lexicon, published: tuple[dt.date | None, dt.date | None] = (None, None),
          strict: bool = False) -> Verdict:
    """The verdict on two aligned claims (a from one source, b from another). `strict`: a is a draft's
    claim and b a reference's; the draft must be supported, so a reference's lower running count is
    not excused as an earlier report."""
    if isinstance(a.value, DateSpan) and isinstance(b.value, DateSpan):
        return _judge_dates(a, b)
    if isinstance(a.value, DateSpan) or isinstance(b.value, DateSpan):
        return Verdict(UNVERIFIABLE, "CK202", f"{a.text} and {b.text} are not comparable")
    qa, qb = a.value, b.value
    if {qa.dimension, qb.dimension} == {"proportion", POINTS}:
        return _judge_points(a, b, lex)
    if qa.dimension != qb.dimension:
        return Verdict(UNVERIFIABLE, "CK202", f"{describe(a)} and {describe(b)} measure different things")
    if qa.dimension == "currency" and qa.unit != qb.unit:
        return _judge_currencies(a, b, lex)
    if qa.unit != qb.unit and (qa.unit in lex.unstated_scales or qb.unit in lex.unstated_scales):
        return _judge_unstated_scale(a, b, lex)
    if a.kind == ORDINAL or b.kind == ORDINAL:
        if qa.low == qb.low:
            return Verdict(CONSISTENT, "CK301", f"{a.text} and {b.text} agree")
        return Verdict(CONFLICT, "CK101", f"{a.text} against {b.text}")
    slip = transposed(a.text, b.text)  # "84,200" against "48,200": never excused as a revision
    running = None if slip else _cumulative(a, b, lex, published, strict)
    if running is not None:
        return running
    if qa.dimension == "magnitude":
        return _judge_magnitudes(a, b, lex)
    if a.kind == TIME == b.kind:
        qa, qb, same_zone = comparable(qa, qb, published[0], published[1])
        if CLOCK12 in (qa.stated_unit, qb.stated_unit):
            qa, qb = _same_half_of_day(qa, qb)
        gap = abs((qa.low or 0.0) - (qb.low or 0.0)) % 1440
        if not same_zone and min(gap, 1440 - gap) >= 55:
            return Verdict(UNVERIFIABLE, "CK202", f"{describe(a)} and {describe(b)}: one names its time zone and "
                                                  "the other does not, and the story's local zone is not known")
    if qa.stated_unit and qa.stated_unit == qb.stated_unit and (qa.factor, qa.offset) != (qb.factor, qb.offset):
        # "71,200 ounces" in both, one read as troy ounces beside "gold", one not: the writers' unit is one unit
        qb = replace(qb, low=qb.low if qb.low is None else qb.stated(qb.low) * qa.factor + qa.offset,
                     high=qb.high if qb.high is None else qb.stated(qb.high) * qa.factor + qa.offset,
                     factor=qa.factor, offset=qa.offset, unit=qa.unit)
        b = replace(b, value=qb)
    converted = (qa.factor, qa.offset) != (qb.factor, qb.offset) and qa.dimension not in ("count", "currency")
    tol = lex.tolerances
    ba = _bounds(qa, tol, converted, a.kind)
    bb = _bounds(qb, tol, converted, b.kind)
    da, db = describe(a), describe(b)
    if converted:
        da_c, db_c = _in_other_unit(a, b), _in_other_unit(b, a)
        da = f"{da} ({da_c})" if da_c else da
        db = f"{db} ({db_c})" if db_c else db
    if not converted and _stated_range(qa) and _stated_range(qb) and not _same_range(qa, qb):
        # "an outlook of 5% to 6%" against "5% to 7%": a range states both its ends; two ranges that overlap
        # but end elsewhere are two statements, one of them wrong
        return Verdict(CONFLICT, "CK101", f"the range {da} is not the range {db}")
    if _overlap(ba, bb):
        verb = "matches" if ba == bb else "overlaps" if (qa.low != qa.high or qb.low != qb.high) else "agrees with"
        return Verdict(CONSISTENT, "CK301", f"{da} {verb} {db}")
    update = None if slip else _update(a, b, published) or _forecast(a, b, da, db, published)
    if update:
        return Verdict(CONSISTENT, "CK302", update)
    side = "below" if ba[1] < bb[0] else "above"
    return Verdict(CONFLICT, "CK101", f"{da} is {side} {db}")


def _stated_range(q: Quantity) -> bool:
    """Both ends written, no qualifier: "5% to 7%", "between 440,000 and 480,000 ounces"."""
    return q.low is not None and q.high is not None and q.low < q.high and q.qualifier is None


def _same_range(qa: Quantity, qb: Quantity) -> bool:
    return math.isclose(qa.low, qb.low, rel_tol=1e-9) and math.isclose(qa.high, qb.high, rel_tol=1e-9)  # type: ignore[arg-type]


def _undated(a: Claim, b: Claim, lex: Lexicon) -> Verdict | None:
    """A running count (a toll, cases) in a dated and an undated report: the undated one may have been written
    hours or days apart, so two figures that differ may be one count that grew, never a conflict."""
    kind = count_kind(a, lex)
    if kind != "running" or count_kind(b, lex) != kind or a.value.dimension != "count":  # type: ignore[union-attr]
        return None
    (lo_a, hi_a), (lo_b, hi_b) = ((-math.inf if q.low is None else q.low, math.inf if q.high is None else q.high)
                                  for q in (a.value, b.value))  # type: ignore[union-attr]
    if not (hi_a < lo_b or hi_b < lo_a):
        return None
    low, high = (a, b) if hi_a < lo_b else (b, a)
    return Verdict(CONSISTENT, "CK302", f"an update, not a conflict: {describe(low)} and {describe(high)} count one "
                                        "running total, and one report gives no date to say which came first")


def _forecast(a: Claim, b: Claim, da: str, db: str,
              published: tuple[dt.date | None, dt.date | None]) -> str | None:
    """A forecast, projection or guidance against the outcome ("the exit poll puts Labour on 410 seats" against
    the 412 it won): what was foreseen is not what came, so the two never conflict. The outcome is known to
    have come when its report is dated after the forecast's, or undated against a dated forecast; two plans of
    the same day ("expects to create 2,000 jobs", "promises 2,500") still conflict. A forecast whose report gives
    no date may have been made before the outcome came (election night's "latest projections"): never a conflict."""
    ea, eb = dict(a.aspects).get("expectation"), dict(b.aspects).get("expectation")
    if ea is None or eb is None or ea == eb:
        return None
    (foreseen, on), (came, after) = ((da, published[0]), (db, published[1])) if ea != "plain" \
        else ((db, published[1]), (da, published[0]))
    if on is not None and after is not None and after <= on:
        return None
    if on is None:
        return f"a forecast, not a conflict: {foreseen} was foreseen in a report that gives no date, {came} may be " \
               "the outcome that came after it"
    return f"a forecast, not a conflict: {foreseen} was foreseen, {came} the outcome"


def _same_half_of_day(qa: Quantity, qb: Quantity) -> tuple[Quantity, Quantity]:
    """A clock time that does not say a.m. or p.m. ("ten o'clock", "at 4:38") read in the half of the day
    nearer the other time."""
    if qa.stated_unit != CLOCK12:
        flipped, other = qb, qa
    else:
        flipped, other = qa, qb
    if flipped.low is None or other.low is None:
        return qa, qb
    candidates = [(flipped.low + d) % 1440 for d in (0.0, 720.0)]
    best = min(candidates, key=lambda m: min(abs(m - other.low), 1440 - abs(m - other.low)))
    shift = best - flipped.low
    moved = replace(flipped, low=best, high=None if flipped.high is None else (flipped.high + shift) % 1440)
    return (moved, qb) if flipped is qa else (qa, moved)


def _judge_points(a: Claim, b: Claim, lex: Lexicon) -> Verdict:
    """A change in percentage points against one in percent, lined up as one change: the same figure in both
    ("up 1.8 percentage points", "rose 1.8%") is the classic slip, a conflict; other figures cannot be compared
    without the levels (two points on 20% is a 10% rise)."""
    tol = lex.tolerances
    if _overlap(_bounds(a.value, tol, False, a.kind), _bounds(b.value, tol, False, b.kind)):  # type: ignore[arg-type]
        points, percent = (a, b) if a.value.dimension == POINTS else (b, a)  # type: ignore[union-attr]
        return Verdict(CONFLICT, "CK101", f"{describe(points)} is not {describe(percent)}: a change in percentage "
                                          "points is not a change in percent")
    return Verdict(UNVERIFIABLE, "CK202", f"{describe(a)} and {describe(b)}: a change in points and a change in "
                                          "percent cannot be compared without the levels")


def _judge_unstated_scale(a: Claim, b: Claim, lex: Lexicon) -> Verdict:
    """"Highs of 113 degrees" against "45C": the writer left the scale out, so the bare figure is read in each
    scale it could be in (units.yaml `read_as`); one reading that agrees is enough."""
    bare, other = (a, b) if a.value.unit in lex.unstated_scales else (b, a)
    q = bare.value
    tol = lex.tolerances
    bo = _bounds(other.value, tol, True, other.kind)
    names = []
    scale = lambda u: u.name.split()[-1].title()  # noqa: E731  "degree fahrenheit" -> "Fahrenheit"
    for u in lex.unstated_scales[q.unit]:
        if _overlap(_bounds(q.read_in(u), tol, True, bare.kind), bo):
            return Verdict(CONSISTENT, "CK301", f"{describe(a)} agrees with {describe(b)} if the degrees are {scale(u)}")
        names.append(scale(u))
    return Verdict(CONFLICT, "CK101", f"{describe(a)} and {describe(b)} differ, whether the degrees are "
                                      + " or ".join(names))


def _judge_magnitudes(a: Claim, b: Claim, lex: Lexicon) -> Verdict:
    """Earthquake magnitudes: one quake is measured on several scales by several agencies (a local
    "7.2 on the Richter scale", a moment magnitude of 7.4), which differ by up to half a unit."""
    qa, qb = a.value, b.value
    slack = lex.tolerances.get("magnitude", 0.5)
    ba, bb = _bounds(qa, lex.tolerances, False, a.kind), _bounds(qb, lex.tolerances, False, b.kind)
    if _overlap(ba, bb):
        return Verdict(CONSISTENT, "CK301", f"{describe(a)} agrees with {describe(b)}")
    lo_a, hi_a, lo_b, hi_b = ba[0], ba[1], bb[0], bb[1]
    if max(lo_a, lo_b) - min(hi_a, hi_b) <= slack + 1e-9:
        return Verdict(CONSISTENT, "CK301", f"{describe(a)} and {describe(b)} are within {slack:g} of each other, "
                                            "as magnitudes from different agencies and scales often are")
    side = "below" if hi_a < lo_b else "above"
    return Verdict(CONFLICT, "CK101", f"{describe(a)} is {side} {describe(b)}, more than {slack:g} apart")


def _judge_currencies(a: Claim, b: Claim, lex: Lexicon) -> Verdict:
    """Money in two currencies: b converted at the reference rate, within a band (articles convert at the
    day's rate, or round it), on top of each figure's own tolerance. Unverifiable only without a rate."""
    from .rates import rates_for

    qa, qb = a.value, b.value
    rates = rates_for(lex)
    rate = rates.rate(qb.unit, qa.unit) if rates else None
    if rate is None:
        return Verdict(UNVERIFIABLE, "CK202", f"{describe(a)} and {describe(b)} are in different currencies "
                                              f"({qa.unit}, {qb.unit}) and there is no rate between them")
    tol = lex.tolerances
    band = tol.get("exchange_band", 0.15)
    ba = _bounds(qa, tol, False, a.kind)
    lo_b, hi_b, lo_inc, hi_inc = _bounds(qb, tol, False, b.kind)
    bb = (lo_b * rate * (1 - band), hi_b * rate * (1 + band), lo_inc, hi_inc)
    mid = next((v for v in (qb.low, qb.high) if v is not None), None)
    shown = f" (≈ {qa.unit} {format_number(round(mid * rate, -3 if mid * rate >= 1e5 else 0))})" if mid else ""
    at = f"at {qb.unit} 1 = {qa.unit} {rate:.4g} ({rates.source} {rates.as_of.isoformat()}, ±{band:.0%})"
    if _overlap(ba, bb):
        return Verdict(CONSISTENT, "CK301", f"{describe(a)} agrees with {describe(b)}{shown} {at}")
    side = "below" if ba[1] < bb[0] else "above"
    return Verdict(CONFLICT, "CK101", f"{describe(a)} is {side} {describe(b)}{shown} {at}")


def _in_other_unit(c: Claim, other: Claim) -> str | None:
    """'about 19 miles' seen in the other claim's unit: '30.6 kilometres'."""
    q, o = c.value, other.value
    if not (isinstance(q, Quantity) and isinstance(o, Quantity)) or not o.stated_unit or q.low is None and q.high is None:
        return None
    v = q.low if q.low is not None else q.high
    stated = (v - o.offset) / o.factor
    digits = 1 if abs(stated) < 100 else 0
    return f"{format_number(round(stated, digits))} {o.stated_unit}"


def _update(a: Claim, b: Claim, published: tuple[dt.date | None, dt.date | None]) -> str | None:
    """A revised count ('rose to 312' against an earlier 241), or a figure of any kind said to have changed
    ('weakened to a Category 2' against Category 3), is an update, not a conflict."""
    roles = {a.role, b.role}
    if a.value.dimension != "count" and "changed" not in roles:
        return None
    pa, pb = published
    if roles & {"current", "changed", "previous"} or (pa and pb and pa != pb and (a.role or b.role)):
        older, newer = (a, b) if (a.role == "previous" or b.role in ("current", "changed")) else (b, a)
        when = ""
        if pa and pb and pa != pb:
            older, newer = (a, b) if pa < pb else (b, a)
            when = f" ({(pa if older is a else pb).isoformat()} to {(pb if older is a else pa).isoformat()})"
        return f"an update, not a conflict: {describe(older)} was revised to {describe(newer)}{when}"
    return None


@dataclass(frozen=True)
class _CountKinds:
    running: frozenset[str]   # counts that only grow: tolls, cases, arrivals
    generic: frozenset[str]   # generic subjects ("people") counted for what their nearest event did
    status: frozenset[str]    # counts that rise and fall as an event unfolds: missing, trapped, in hospital
    provisional: tuple[str, ...]  # words that mark a count as still moving ("so far", "at least")
    revision: tuple[str, ...]     # words that tell a count was lowered on purpose ("revised", "corrected")


def _count_kinds(lex: Lexicon) -> _CountKinds:
    ev = lex.raw.get("events", {})
    sets = (frozenset(ev.get(k) or ()) for k in ("cumulative", "cumulative_generic", "status"))
    return _CountKinds(*sets, *(tuple(str(w).lower() for w in ev.get(k) or ()) for k in ("provisional", "revision")))


def _provisional(c: Claim, kinds: _CountKinds, reach: int = 40) -> bool:
    """A count its report gives as still moving: "at least 96", "has risen to 632", "62 deaths have been
    confirmed so far". Only words near the figure count: "at least 240 killed and 800 injured" marks
    the toll, not the injured."""
    q = c.value
    if c.role in ("current", "changed") or (isinstance(q, Quantity) and (q.qualifier or "").lower() in kinds.provisional):
        return True
    pos = c.sentence.find(c.text)
    near = c.sentence[max(0, pos - reach): pos + len(c.text) + reach] if pos >= 0 else ""
    words = f" {' '.join(near.lower().replace(',', ' ').split())} "
    return any(f" {w} " in words for w in kinds.provisional)


def count_kind(c: Claim, lex: Lexicon) -> str | None:
    """'running' (a toll, an outbreak's cases), 'status' (people missing, trapped) or None. The verb right
    beside the figure decides first ("15 were missing" after "the injured at 1,099"), then the subject
    ("cases", "deaths"), then, for a generic subject ("people"), the nearest event; a verb further off from
    a named subject ("120 firefighters ... killed 9") belongs to another figure."""
    kinds = lex.derived("count_kinds", _count_kinds)
    if c.tight in kinds.status:
        return "status"
    if c.tight in kinds.running or c.subject_key in kinds.running:
        return "running"
    if (c.subject_key is None or c.subject_key in kinds.generic) and c.events:
        if c.events[0] in kinds.running:
            return "running"
        if c.events[0] in kinds.status:
            return "status"
    return None


def _cumulative(a: Claim, b: Claim, lex: Lexicon, published: tuple[dt.date | None, dt.date | None],
                strict: bool = False) -> Verdict | None:
    """Counts that change as an event unfolds, in two reports. A running count (a toll, an outbreak's
    cases, a fire's containment) only grows: across days the later report's lower figure is a conflict, its higher one an
    update; on the same day, when one report gives its count as provisional ("so far", "at least"), the
    reports were written at different hours, so a difference is an update. A status count (people
    missing, trapped) rises and falls: reports of different days that differ give an update. `strict`
    (a draft against its references): a draft's figure must be supported, so only the fall is judged.
    None when the rule does not apply or the figures agree anyway."""
    pa, pb = published
    qa, qb = a.value, b.value
    if not (isinstance(qa, Quantity) and isinstance(qb, Quantity)) \
            or qa.dimension not in ("count", "proportion") or a.kind == ORDINAL or b.kind == ORDINAL:
        return None
    if not (pa and pb):
        return None if strict or (pa is None and pb is None) else _undated(a, b, lex)
    if qa.dimension == "proportion":  # a share runs only by the verb beside it ("80 percent contained")
        kinds = lex.derived("count_kinds", _count_kinds)
        if a.tight not in kinds.running or b.tight != a.tight:
            return None
    kind = count_kind(a, lex)
    if kind is None or kind != count_kind(b, lex) or (kind == "status" and pa == pb):
        return None
    (older, po), (newer, pn) = sorted(((a, pa), (b, pb)), key=lambda x: x[1])  # type: ignore[arg-type, return-value]
    half = lex.tolerances.get("approximate", 0.1) / 2  # a rounded "about" still cannot hide a fall

    def bounds(c: Claim) -> tuple[float, float]:
        q = c.value
        lo = -math.inf if q.low is None else q.low
        hi = math.inf if q.high is None else q.high
        slack = (half * abs(hi if hi != math.inf else lo)) if q.approximate else q.precision * q.factor
        return lo - slack, hi + slack

    (olo, ohi), (nlo, nhi) = bounds(older), bounds(newer)
    when = f" ({po.isoformat()} to {pn.isoformat()})"
    if not (nhi < olo or nlo > ohi):
        # within rounding of each other: a running count that a later report gives a little higher grew
        if pa != pb and kind == "running" and not strict and _centre(newer.value) > _centre(older.value):
            return Verdict(CONSISTENT, "CK302", f"an update, not a conflict: {describe(older)} rose to "
                                                f"{describe(newer)}{when}")
        return None
    if strict and not (pa != pb and kind == "running" and nhi < olo):
        return None
    if pa == pb:
        kinds = lex.derived("count_kinds", _count_kinds)
        if not (_provisional(a, kinds) or _provisional(b, kinds)):
            return None
        low, high = (a, b) if bounds(a)[1] < bounds(b)[0] else (b, a)
        return Verdict(CONSISTENT, "CK302", f"an update, not a conflict: reports of the same day ({pa.isoformat()}) "
                                            f"give a running count as {describe(low)} and later {describe(high)}")
    if kind == "status":
        return Verdict(CONSISTENT, "CK302", f"an update, not a conflict: {describe(older)} became {describe(newer)}{when}")
    if nhi < olo:
        if any(w in newer.sentence.lower() for w in lex.derived("count_kinds", _count_kinds).revision):
            return Verdict(CONSISTENT, "CK302", f"an update, not a conflict: {describe(older)} was revised down to "
                                                f"{describe(newer)}{when}")
        return Verdict(CONFLICT, "CK101", f"a running count cannot fall: {describe(older)} then {describe(newer)}{when}")
    return Verdict(CONSISTENT, "CK302", f"an update, not a conflict: {describe(older)} rose to {describe(newer)}{when}")


def _centre(q: Quantity) -> float:
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return q.low if q.low is not None else q.high if q.high is not None else 0.0


def _weekday_fits(span: DateSpan, weekdays: tuple[int, ...]) -> bool | None:
    """Does the span contain one of the weekdays? None when the span is too long to tell."""
    if span.start is None or span.end is None:
        return None
    days = (span.end - span.start).days + 1
    if days >= 7:
        return None
    return any(((span.start.weekday() + k) % 7) in weekdays for k in range(days))


def _weekdays_of(v: DateSpan) -> tuple[int, ...]:
    if v.weekdays:
        return v.weekdays
    return (v.weekday,) if v.weekday is not None else ()


def _judge_dates(a: Claim, b: Claim) -> Verdict:
    va, vb = a.value, b.value
    for x, y in ((a, b), (b, a)):
        # "from Thursday 8 August" against "on Friday 8 August": the same day, but one names the wrong weekday
        said = misnamed_weekday(x)
        if said is not None and misnamed_weekday(y) is None and y.value.resolved and y.value.start == x.value.start:
            return Verdict(CONFLICT, "CK103", f"{x.text} names a {_DAY_NAMES[said]}, but "
                                              f"{x.value.start.isoformat()} is a {_DAY_NAMES[x.value.start.weekday()]}")
    if va.resolved and vb.resolved and (va.start or va.end) and (vb.start or vb.end):  # a side may be open
        if (va.start is None or vb.end is None or va.start <= vb.end) and \
                (vb.start is None or va.end is None or vb.start <= va.end):
            return Verdict(CONSISTENT, "CK301", f"{_describe_date(va, a.text)} overlaps {_describe_date(vb, b.text)}")
        if "as of" in (a.role, b.role):  # "80 percent contained as of Thursday" against "... as of Friday morning"
            return Verdict(CONSISTENT, "CK302", f"an update, not a conflict: the figure was given as of "
                                                f"{_describe_date(va, a.text)} and as of {_describe_date(vb, b.text)}")
        # "early Wednesday" against "March 13": say it as the weekday the other date falls on
        for x, y, cx, cy in ((va, vb, a, b), (vb, va, b, a)):
            if _names_weekday(cx.text) and not _names_weekday(cy.text) and y.start and y.start == y.end and x.start == x.end \
                    and x.start.weekday() != y.start.weekday():  # (the same weekday of another week is a date conflict)
                return Verdict(CONFLICT, "CK103", f"{cy.text} ({y.start.isoformat()}) was a {_DAY_NAMES[y.start.weekday()]}, "
                                                  f"not a {_DAY_NAMES[x.start.weekday()]} ({cx.text})")
        return Verdict(CONFLICT, "CK102", f"{_describe_date(va, a.text)} does not overlap {_describe_date(vb, b.text)}")
    # one side resolved, the other a bare weekday: check the calendar
    for x, y, cx, cy in ((va, vb, a, b), (vb, va, b, a)):
        if x.resolved and x.start and not y.resolved and _weekdays_of(y) and not y.partial:
            fits = _weekday_fits(x, _weekdays_of(y))
            names = " or ".join(_DAY_NAMES[w] for w in _weekdays_of(y))
            if fits is False:
                actual = _DAY_NAMES[x.start.weekday()] if x.start == x.end else "no such day in that span"
                return Verdict(CONFLICT, "CK103",
                               f"{cx.text} is a {actual} ({x.start.isoformat()}), not a {names}" if x.start == x.end
                               else f"{cx.text} ({x.start.isoformat()}..{x.end.isoformat()}) has no {names}")
            if fits:
                return Verdict(CONSISTENT, "CK301", f"{cx.text} ({x.start.isoformat()}) is a {names}")
            return Verdict(UNVERIFIABLE, "CK202", f"{cy.text} cannot be placed within {cx.text}")
    wa, wb = _weekdays_of(va), _weekdays_of(vb)
    if not va.resolved and not vb.resolved and wa and wb and not va.partial and not vb.partial:
        if set(wa) & set(wb):
            return Verdict(CONSISTENT, "CK301", f"{a.text} and {b.text} name the same weekday")
        return Verdict(CONFLICT, "CK103", f"{a.text} and {b.text} are different weekdays")
    # a month-day without a year: compare the month and day, never the weekday
    pa, pb = _month_day(va), _month_day(vb)
    if pa and pb:
        if pa == pb:
            return Verdict(CONSISTENT, "CK301", f"{a.text} and {b.text} are the same day of the year")
        return Verdict(CONFLICT, "CK102", f"{a.text} and {b.text} are different days")
    if (va.partial and (wb or pb)) or (vb.partial and (wa or pa)):
        return Verdict(CONSISTENT, "CK301",
                       f"{a.text} and {b.text} are compatible; with no year the weekday cannot be checked")
    return Verdict(UNVERIFIABLE, "CK202", f"{a.text} and {b.text} cannot both be placed on the calendar")


def _names_weekday(text: str) -> bool:
    return named_weekday(text) is not None


def _month_day(v: DateSpan) -> tuple[int, int] | None:
    if v.partial and len(v.partial) >= 7 and v.partial[5:7].isdigit():
        return int(v.partial[2:4]), int(v.partial[5:7])
    if v.resolved and v.start and v.start == v.end:
        return v.start.month, v.start.day
    return None


__all__ = ["Verdict", "judge", "describe", "CONSISTENT", "CONFLICT", "UNVERIFIABLE", "POSSIBLE_CONFLICT"]
