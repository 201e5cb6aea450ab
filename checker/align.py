"""Lining up the claims that state the same fact across sources.

Line up by what is stated, not by the number: claims are compared only within a block (same kind of
value: counts with counts, areas with areas, dates with dates) and scored on their subject (with the
synonym groups in rules/), the event words around them, the words of their sentence and the time the
fact refers to. Sources are taken in turn; each source's claims join existing facts one-to-one (a
source states a fact once, though it may repeat it: repeats are grouped first) or start new facts.
Candidates come from an inverted index, so cost stays near-linear in the number of claims.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .values import DATE, ORDINAL, TIME, Claim, DateSpan, Quantity

THRESHOLD = 0.30          # minimum score to line two claims up
MAX_MEMBERS_SCORED = 12   # a fact is scored against at most this many of its members


def block_of(c: Claim) -> str:
    """Claims are only ever compared within a block."""
    if c.kind == DATE:
        return "date"
    if c.kind == ORDINAL:
        return "ordinal"
    if c.kind == TIME:
        return "time"
    v = c.value
    return v.dimension if isinstance(v, Quantity) else c.kind


@dataclass
class Features:
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
    alone: bool = False        # the only claim of its block in its source
    unique_subject: bool = False  # the only claim with its subject in its block and source
    anchor_facts: frozenset[int] = frozenset()  # (dates) facts of the figures in the clause
    anchor_sources: frozenset[str] = frozenset()  # the sources those facts span


@dataclass
class Fact:
    id: int
    block: str
    members: list[Features] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    reasons: dict[tuple[str, str], str] = field(default_factory=dict)
    scores: dict[tuple[str, str], float] = field(default_factory=dict)


def features(c: Claim, lex: Lexicon, ref_year: int | None) -> Features:
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
    now = None
    if ref_year:
        import datetime as _dt

        now = _dt.date(ref_year, 12, 31).toordinal()
    from .subjects import stem

    own = {stem(w) for w in (c.subject or "").split()}
    return Features(c, block_of(c), frozenset(subjects), events, nearest, frozenset(c.context) - own, c.years,
                    ref_year, c.when, now)


def _subject_score(a: Features, b: Features, known: frozenset[str]) -> tuple[float, str | None]:
    """Same subject (or synonym group): strong evidence. Two different known groups: strong evidence
    against. Unknown nouns are compared fuzzily ("farmland" and "land") and weigh less."""
    if a.subjects and b.subjects:
        shared = a.subjects & b.subjects
        if shared:
            return 0.45, f"both about {sorted(shared)[0]}"
        sa, sb = a.claim.subject or "", b.claim.subject or ""
        if sa and sb:
            from rapidfuzz import fuzz

            if fuzz.token_set_ratio(sa, sb) >= 85:
                return 0.35, f"subjects '{sa}' and '{sb}'"
            ha, hb = sa.split(" of ")[0].split()[-1], sb.split(" of ")[0].split()[-1]
            if len(ha) > 3 and len(hb) > 3 and (ha in hb or hb in ha):
                return 0.2, f"subjects '{sa}' and '{sb}'"
        if (a.subjects & known) and (b.subjects & known):
            return -0.4, None
        return -0.1, None
    return 0.0, None


def score(a: Features, b: Features, known: frozenset[str] = frozenset()) -> tuple[float, list[str]]:
    """How likely two claims (different sources, same block) state the same fact, with the reasons."""
    s = 0.0
    why: list[str] = []
    sub, text = _subject_score(a, b, known)
    s += sub
    if text:
        why.append(text)
    shared = a.events & b.events
    telling = shared - {"reported"}  # that both were said or reported tells nothing
    if a.block == "date" and telling and not telling & {a.claim.tight, b.claim.tight}:
        telling = frozenset()  # for a date, only the event beside it says what it dates
    if telling:
        s += 0.25 + (0.1 if a.nearest and a.nearest == b.nearest else 0.0)
        why.append("both " + ", ".join(sorted(telling)))
    elif a.events and b.events and not shared:
        # events are found by proximity; when the subjects agree a mismatch says less, unless the
        # verbs stand right beside both figures ("employs 1,200 people" / "40 residents were treated")
        tight = a.block != "date" and a.claim.tight and b.claim.tight and a.claim.tight != b.claim.tight
        s -= 0.4 if tight else 0.1 if sub > 0 else 0.3
    common = a.context & b.context
    if a.context and b.context:
        if common:
            s += 0.35 * min(1.0, len(common) / max(2.0, min(len(a.context), len(b.context)) * 0.5))
            why.append("shared words: " + ", ".join(sorted(common)[:4]))
    # the time the fact refers to: "240 people died" in 1997 is not today's toll. Two stated years that
    # differ may be the same fact misdated, so they weigh less than a past year against the present.
    time_penalty = 0.0
    if a.block == "time":
        pass  # a duration's clause date anchors the span ("18 months after ... August 2021"), not the fact
    elif a.years and b.years:
        if a.years[1] < b.years[0] or b.years[1] < a.years[0]:
            time_penalty = 0.25
    else:
        for x, y in ((a, b), (b, a)):
            if x.years and not y.years and y.ref_year and x.years[1] < y.ref_year - 1:
                time_penalty = 0.8 if x.years[1] < y.ref_year - 4 else 0.5
            elif x.years and not y.years and y.ref_year is None and x.years[1] < (x.ref_year or 10**6) - 1:
                time_penalty = 0.5  # an explicitly older year against an undated current fact
    # increments ("an additional 3,000") line up with increments
    if a.claim.increment != b.claim.increment and a.block != "date":
        s -= 0.25
    elif a.claim.increment and b.claim.increment:
        s += 0.1
    # a figure dated well before the other source's present ("31 percent four years ago") is another fact
    if a.block != "time" and not (a.years or b.years):
        for x, y in ((a, b), (b, a)):
            if x.when and not y.when and y.now and x.when[1] < y.now - 400:
                time_penalty = max(time_penalty, 0.8 if x.when[1] < y.now - 4 * 366 else 0.5)
    # the dates a figure's clause refers to
    if a.when and b.when and a.block != "time":
        if a.when[1] < b.when[0] or b.when[1] < a.when[0]:
            time_penalty = max(time_penalty, 0.25)
        else:
            s += 0.1
    s -= time_penalty
    # a part ("180 of them") is not the whole
    if a.claim.part != b.claim.part:
        s -= 0.3
    # a source that gives one figure of this kind (one duration, one speed) most likely gives the same one
    if a.alone and b.alone and sub >= 0 and not (a.events and b.events and not shared):
        s += 0.3
        why.append(f"the only {a.block} figure in each")
    if a.block == "date":
        if not telling and not common:
            s -= 0.2  # a date with nothing in common around it is another date
        ta, tb = a.claim.tight, b.claim.tight
        if ta == tb == "reported" and not (a.anchor_facts & b.anchor_facts):
            s = min(s, THRESHOLD - 0.05)  # two reports' dates: different reports, different days
        elif (ta == "reported") != (tb == "reported") and ta and tb:
            s -= 0.3  # the day a report came out against the day the event happened
        s -= _grain_gap(a.claim, b.claim)
        # dates whose clauses hold figures already lined up with different facts state different things
        if a.anchor_facts and b.anchor_facts:
            if a.anchor_facts & b.anchor_facts:
                s += 0.3
                why.append("their figures line up")
            elif b.claim.source in a.anchor_sources and a.claim.source in b.anchor_sources:
                s -= 0.3  # each side's figure was lined up with something else in the other source
    elif sub > 0 and not telling and not common and not (a.unique_subject and b.unique_subject) and not a.alone:
        s = min(s, THRESHOLD - 0.05)  # a shared subject alone is not enough when a source has several
    return s, why


def _grain_gap(a: Claim, b: Claim) -> float:
    """A day against a whole year is seldom the same date fact."""
    fine = ("day", "weekend", "week")
    ga, gb = a.value.grain, b.value.grain  # type: ignore[union-attr]
    if (ga in fine and gb in ("year", "decade")) or (gb in fine and ga in ("year", "decade")):
        return 0.25
    return 0.0


def _same_statement(a: Features, b: Features) -> bool:
    """Two claims of one source that state the same fact: a repeat, or a count and its revision."""
    ca, cb = a.claim, b.claim
    if a.block != b.block:
        return False
    if ca.sentence_start == cb.sentence_start and {ca.role, cb.role} == {"current", "previous"}:
        return (ca.subject_key == cb.subject_key) or not (ca.subject_key and cb.subject_key)
    if ca.value != cb.value and not _same_value(ca, cb):
        # a vague or bounded count and a figure it admits, same subject and event: one statement
        same_subject = ca.subject_key == cb.subject_key or not (ca.subject_key and cb.subject_key)  # "Dozens killed"
        return bool(same_subject and (ca.subject_key or cb.subject_key) and a.nearest and a.nearest == b.nearest
                    and ca.years == cb.years and _compatible_counts(ca, cb))
    if ca.subject_key and cb.subject_key and ca.subject_key != cb.subject_key:
        return False
    if a.block == "date":
        # the same day twice in one source ("Sunday's earthquake", "struck on Nov. 3")
        if a.anchor_facts & b.anchor_facts:
            return True  # both attached to figures of one fact ("1,000-3,000 ... in late February", repeated)
        telling = (a.events & b.events) - {"reported"}
        if (a.nearest == "reported") != (b.nearest == "reported"):
            return False  # the day a report came out is not the day the event happened
        resolved = isinstance(ca.value, DateSpan) and ca.value.resolved and ca.value.grain == "day"
        return bool(telling) and (resolved or bool(a.context & b.context))
    if not (ca.subject_key or cb.subject_key):
        return bool(a.nearest and a.nearest == b.nearest) and bool(a.context & b.context)
    return bool(a.events & b.events) or not (a.events or b.events) or (ca.subject_key == cb.subject_key)


def _value_key(c: Claim) -> tuple:
    v = c.value
    if isinstance(v, Quantity):
        return (v.low, v.high, v.unit)
    return (v.start, v.end, v.weekday, v.partial, v.weekdays)


def _compatible_counts(ca: Claim, cb: Claim) -> bool:
    """'Dozens killed' and 'at least 57 killed' can be one statement; '9 killed' and '27 hurt' cannot."""
    va, vb = ca.value, cb.value
    if not (isinstance(va, Quantity) and isinstance(vb, Quantity)) or va.dimension != "count":
        return False
    inf = float("inf")
    lo = max(va.low if va.low is not None else -inf, vb.low if vb.low is not None else -inf)
    hi = min(va.high if va.high is not None else inf, vb.high if vb.high is not None else inf)
    return lo <= hi and (va.low != va.high or vb.low != vb.high)


def _same_value(ca: Claim, cb: Claim) -> bool:
    va, vb = ca.value, cb.value
    if isinstance(va, Quantity) and isinstance(vb, Quantity):
        return (va.low, va.high, va.unit) == (vb.low, vb.high, vb.unit)
    if isinstance(va, DateSpan) and isinstance(vb, DateSpan):
        return (va.start, va.end, va.weekday, va.partial, va.weekdays) == (vb.start, vb.end, vb.weekday, vb.partial, vb.weekdays)
    return False


def _groups(feats: list[Features]) -> list[list[Features]]:
    """Group one source's claims that restate the same fact (union-find within blocks)."""
    parent = list(range(len(feats)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_block: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        by_block[f.block].append(i)
    for idxs in by_block.values():
        # compare each claim with a bounded number of earlier ones sharing its subject or nearest event
        index: dict[object, list[int]] = defaultdict(list)
        for i in idxs:
            f = feats[i]
            keys = {("s", s) for s in f.subjects} | ({("e", f.nearest)} if f.nearest else set())
            keys.add(("v", _value_key(f.claim)))
            seen: set[int] = set()
            for key in keys:
                for j in index[key][-8:]:
                    if j not in seen and _same_statement(f, feats[j]):
                        parent[find(i)] = find(j)
                    seen.add(j)
            for key in keys or {("none", None)}:
                index[key].append(i)
    out: dict[int, list[Features]] = defaultdict(list)
    for i, f in enumerate(feats):
        out[find(i)].append(f)
    return list(out.values())


def _keys(f: Features) -> set[tuple]:
    keys: set[tuple] = {(f.block, "s", s) for s in f.subjects}
    if f.alone:
        keys.add((f.block, "alone"))
    keys |= {(f.block, "e", e) for e in f.events}
    keys |= {(f.block, "c", w) for w in f.context}
    return keys


def align(claims_by_source: list[tuple[str, list[Claim], int | None]], lex: Lexicon,
          threshold: float = THRESHOLD) -> list[Fact]:
    """Facts across sources. `claims_by_source` holds (source id, claims, reference year) in order.
    Figures are lined up first; dates then, helped by the facts their clauses' figures joined."""
    facts: list[Fact] = []
    index: dict[tuple, list[int]] = defaultdict(list)
    timed = (DATE, TIME)
    figures = [(s, [c for c in cl if c.kind not in timed], ry) for s, cl, ry in claims_by_source]
    _align_phase(figures, lex, threshold, facts, index, {})
    fact_of = {m.claim.id: f.id for f in facts for m in f.members}
    dates = [(s, [c for c in cl if c.kind in timed], ry) for s, cl, ry in claims_by_source]
    _align_phase(dates, lex, threshold, facts, index, fact_of)
    return facts


def _align_phase(claims_by_source: list[tuple[str, list[Claim], int | None]], lex: Lexicon, threshold: float,
                 facts: list[Fact], index: dict[tuple, list[int]], fact_of: dict[str, int]) -> None:
    known = frozenset(lex.subject_groups.values())
    for source, claims, ref_year in claims_by_source:
        feats = [features(c, lex, ref_year) for c in claims]
        per_block: dict[str, int] = defaultdict(int)
        per_subject: dict[tuple[str, str], int] = defaultdict(int)
        for f in feats:
            per_block[f.block] += 1
            for sub in f.subjects:
                per_subject[(f.block, sub)] += 1
        for f in feats:
            f.alone = per_block[f.block] == 1 and f.block not in ("count", "date")
            f.unique_subject = bool(f.subjects) and all(per_subject[(f.block, sub)] == 1 for sub in f.subjects)
            if f.claim.anchors:
                f.anchor_facts = frozenset(fact_of[a] for a in f.claim.anchors if a in fact_of)
                f.anchor_sources = frozenset(src for fid in f.anchor_facts for src in facts[fid].sources)
        groups = _groups(feats)
        edges: list[tuple[float, int, int, list[str]]] = []
        for gi, group in enumerate(groups):
            candidates: dict[int, int] = {}
            for f in group:
                for key in _keys(f):
                    for fid in index.get(key, ())[-400:]:
                        candidates[fid] = candidates.get(fid, 0) + 1
            # the most promising facts first: those sharing the most index keys
            for fid in sorted(candidates, key=candidates.__getitem__, reverse=True)[:40]:
                fact = facts[fid]
                if source in fact.sources:
                    continue
                best, best_why = -9.0, []
                for f in group:
                    for m in fact.members[:MAX_MEMBERS_SCORED]:
                        sc, why = score(f, m, known)
                        if sc > best:
                            best, best_why = sc, why
                if best >= threshold:
                    edges.append((best, gi, fid, best_why))
        edges.sort(key=lambda e: -e[0])
        taken_groups: set[int] = set()
        taken_facts: set[int] = set()
        for sc, gi, fid, why in edges:
            if gi in taken_groups or fid in taken_facts:
                continue
            taken_groups.add(gi)
            taken_facts.add(fid)
            fact = facts[fid]
            for f in groups[gi]:
                for m in fact.members:
                    if m.claim.source != source:
                        fact.reasons[(m.claim.id, f.claim.id)] = "; ".join(why) if why else "same kind of figure"
                        fact.scores[(m.claim.id, f.claim.id)] = sc
            _join(fact, groups[gi], index)
        for gi, group in enumerate(groups):
            if gi not in taken_groups:
                fact = Fact(len(facts), group[0].block)
                facts.append(fact)
                _join(fact, group, index)


def _join(fact: Fact, group: list[Features], index: dict[tuple, list[int]]) -> None:
    for f in group:
        fact.members.append(f)
        fact.sources.add(f.claim.source)
        for key in _keys(f):
            posting = index[key]
            if not posting or posting[-1] != fact.id:
                posting.append(fact.id)
