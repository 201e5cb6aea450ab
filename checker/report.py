"""From sources to findings: compare every source with every other, or check a draft against references.

The result is a `Report` (sources, claims, findings) that every output format renders; nothing here
prints. Severities come from rules/checks.yaml (and the configuration that may override them).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .align import Fact, Model, align, value_key
from .judge import CONFLICT, CONSISTENT, POSSIBLE_CONFLICT, UNVERIFIABLE, Verdict, describe, judge
from .lexicon import Lexicon
from .values import DATE, Claim, DateSpan, Quantity, text_between

SCHEMA = "checker.report/1"
MAX_AGREEING = 6  # findings shown per fact and pair of sources (repeats of one figure)
LARGE_FACT = 12  # above this many sources, a fact's claims are judged against one representative
SEVERITY_ORDER = {"error": 3, "warning": 2, "info": 1, "off": 0}


@dataclass(frozen=True)
class Finding:
    id: str
    verdict: str
    severity: str
    rule: str
    name: str
    claims: tuple[str, ...]
    message: str
    why: str = ""
    fact: int = -1
    alignment: float | None = None
    location: tuple[str, int, int] | None = None   # (source id, start, end) for findings with no claim

    def to_json(self) -> dict:
        out = {"id": self.id, "verdict": self.verdict, "severity": self.severity, "rule": self.rule,
               "name": self.name, "claims": list(self.claims), "message": self.message, "why": self.why,
               "fact": self.fact, "alignment": None if self.alignment is None else round(self.alignment, 3)}
        if self.location:
            out["location"] = {"source": self.location[0], "start": self.location[1], "end": self.location[2]}
        return out


@dataclass
class Report:
    mode: str
    sources: list            # commands.Source
    claims: list[Claim]
    findings: list[Finding] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    selection: list[dict] = field(default_factory=list)   # references picked from a folder, and why

    def claim(self, cid: str) -> Claim:
        return self._by_id[cid]

    def source(self, sid: str):  # type: ignore[no-untyped-def]
        """The source with this id (a table, not a scan: reports may hold thousands)."""
        return self._sources[sid]

    def __post_init__(self) -> None:
        self._by_id = {c.id: c for c in self.claims}
        self._sources = {s.id: s for s in self.sources}

    def to_json(self) -> dict:
        docs = {s.id: s.doc for s in self.sources}
        out = {"schema": SCHEMA, "mode": self.mode, "sources": [s.to_json() for s in self.sources],
               "claims": [dict(c.to_json(), where=docs[c.source].where(c.start)) for c in self.claims],
               "findings": [f.to_json() for f in self.findings], "summary": self.summary()}
        if self.selection:
            out["selection"] = self.selection
        return out

    def summary(self) -> dict:
        counts = {"conflict": 0, "possible-conflict": 0, "unsupported": 0, "unverifiable": 0, "consistent": 0,
                  "suppression": 0}
        for f in self.findings:
            counts[f.verdict] = counts.get(f.verdict, 0) + 1
        return counts

    def worst(self) -> str:
        best = "off"
        for f in self.findings:
            if SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[best]:
                best = f.severity
        return best


def reference_year(claims: Iterable[Claim], published) -> int | None:  # type: ignore[no-untyped-def]
    """The year relative facts refer to: the one extraction dated the article's undated dates with."""
    if published:
        return published.year
    return next((c.ref_year for c in claims), None)


class _Builder:
    def __init__(self, lex: Lexicon, severities: dict[str, str] | None) -> None:
        self.lex = lex
        self.findings: list[Finding] = []
        self.severities = severities or {}

    def severity(self, rule: str) -> str:
        if rule in self.severities:
            return self.severities[rule]
        return str(self.lex.checks.get(rule, {}).get("severity", "warning"))

    def add(self, verdict: str, rule: str, claims: tuple[str, ...], message: str, why: str, fact: int,
            alignment: float | None = None, location: tuple[str, int, int] | None = None) -> None:
        sev = self.severity(rule)
        if sev == "off":
            return
        name = str(self.lex.checks.get(rule, {}).get("name", rule))
        self.findings.append(Finding(f"F{len(self.findings) + 1}", verdict, sev, rule, name, claims, message, why, fact,
                                     alignment, location))

    def pair(self, fact: Fact, x: Claim, y: Claim, v: Verdict, prefix: str = "") -> None:
        """Add the finding on one aligned pair. Figures that disagree must line up well before that is called
        a conflict: a weakly aligned pair is more likely two facts than one misreported, so it is reported
        as a possible conflict (a warning) with the alignment's confidence."""
        score = _repeat_score(fact, x, y) if x.kind == DATE else fact.score(x, y)
        model = Model.of(self.lex)
        need = model.date_conflict_threshold if x.kind == DATE else model.conflict_threshold
        if x.kind == DATE and (_unplaced_weekday(x) or _unplaced_weekday(y)):
            need = max(need, model.weekday_conflict_threshold)
        if v.verdict == CONFLICT and score is not None and score < need:
            v = Verdict(POSSIBLE_CONFLICT, "CK104",
                        f"{v.message} (if these state the same fact; alignment confidence {score:.2f})")
        self.add(v.verdict, v.rule, (x.id, y.id), prefix + v.message, _why(fact, x, y), fact.id, score)


def _repeat_score(fact: Fact, x: Claim, y: Claim) -> float | None:
    """How well two dates line up, a repeat taking its best twin's score: a source that says "on Friday" twice
    says one thing, and the repeat with fewer words around it lines up as well as the one with more. (Figures
    keep their own scores: a figure repeated in another clause is as often a second fact.)"""
    twins_x = [m.claim for m in fact.members if m.claim.source == x.source and value_key(m.claim) == value_key(x)]
    twins_y = [m.claim for m in fact.members if m.claim.source == y.source and value_key(m.claim) == value_key(y)]
    got = [s for a in twins_x for b in twins_y if (s := fact.score(a, b)) is not None]
    return max(got) if got else None


def _unplaced_weekday(c: Claim) -> bool:
    """'on Wednesday' in an article without a date: a story told over days names many of them."""
    v = c.value
    return isinstance(v, DateSpan) and not v.resolved and (v.weekday is not None or bool(v.weekdays))


def _published(sources: list) -> dict[str, object]:
    return {s.id: s.doc.published for s in sources}


def _pairs(fact: Fact, allowed=None) -> list[tuple[Claim, Claim]]:  # type: ignore[no-untyped-def]
    """Cross-source pairs of a fact's claims; for a fact stated by many sources, each against a representative.
    A source repeating one figure k times counts MAX_AGREEING of them (the earliest): k x m repeats would
    otherwise cost k x m judgements for findings that show at most MAX_AGREEING."""
    members, per_value = [], {}
    for m in fact.members:
        key = (m.claim.source, value_key(m.claim))
        per_value[key] = per_value.get(key, 0) + 1
        if per_value[key] <= MAX_AGREEING:
            members.append(m.claim)
    out = []
    if len(fact.sources) <= LARGE_FACT:
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.source != b.source and (allowed is None or allowed(a, b)):
                    out.append((a, b))
        return out
    rep = members[0]
    for b in members[1:]:
        if b.source != rep.source and (allowed is None or allowed(rep, b)):
            out.append((rep, b))
    return out


_PREFERENCE = {CONSISTENT: 0, UNVERIFIABLE: 1, CONFLICT: 2}


def _one_per_source_pair(fact: Fact, judged: list[tuple[Claim, Claim, Verdict]], headline_end: dict[str, int],
                         sure: float) -> list[tuple[Claim, Claim, Verdict]]:
    """The findings of one fact, source pair by source pair. A source that repeats a figure (a headline,
    a summary, a provisional and a confirmed count) states one fact: if any of its statements agrees with
    the other source, the two agree (each agreeing pair is shown, up to MAX_AGREEING); otherwise the
    disagreement is shown once for each statement of the side that repeats itself, with its best partner:
    body text before a headline (which shortens and rounds), a well-aligned pair before a weak one, then the
    earliest statement (a story's lead states its facts first). `sure`: the alignment that counts as well."""
    by_pair: dict[tuple[str, str], list[tuple[tuple, tuple[Claim, Claim, Verdict]]]] = {}
    for x, y, v in judged:
        score = fact.score(x, y) or 0.0
        in_headline = (x.start < headline_end.get(x.source, -1)) + (y.start < headline_end.get(y.source, -1))
        rank = (_PREFERENCE.get(v.verdict, 1), in_headline, score < sure, x.start, y.start)
        by_pair.setdefault((x.source, y.source), []).append((rank, (x, y, v)))
    out = []
    for items in by_pair.values():
        items.sort(key=lambda r: r[0])
        agreeing = [item for _, item in items if item[2].verdict == CONSISTENT]
        if agreeing:
            out.extend(agreeing[:MAX_AGREEING])
            continue
        # a disagreement, once for each statement of the side that repeats itself (k x m pairs of repeats
        # give max(k, m) findings, never more than MAX_AGREEING)
        xs, ys = {x.id for _, (x, _, _) in items}, {y.id for _, (_, y, _) in items}
        side = 0 if len(xs) >= len(ys) else 1
        seen: set[str] = set()
        for _, item in items:
            key = item[side].id
            if key not in seen and len(seen) < MAX_AGREEING:
                seen.add(key)
                out.append(item)
    return sorted(out, key=lambda t: (t[0].start, t[1].start, t[0].source, t[1].source))


def _why(fact: Fact, a: Claim, b: Claim) -> str:
    return fact.reason(a.id, b.id)


def _order(findings: list[Finding]) -> list[Finding]:
    from dataclasses import replace

    rank = {"conflict": 0, "possible-conflict": 1, "unsupported": 2, "suppression": 3, "unverifiable": 4, "consistent": 5}
    ordered = sorted(findings, key=lambda f: (rank.get(f.verdict, 9), f.fact))
    return [replace(f, id=f"F{k + 1}") for k, f in enumerate(ordered)]


def apply_suppressions(report: Report, suppressions: dict[str, list], lex: Lexicon,
                       severities: dict[str, str] | None = None) -> Report:
    """Drop findings a suppression comment covers; report unused (CK401) and invalid (CK402) comments.
    Each comment looks up the claims in its scope (bisect over the source's claim offsets), so the cost is
    the claims covered, not findings x comments."""
    import bisect

    names = {str(v.get("name")): k for k, v in lex.checks.items()}
    b = _Builder(lex, severities)
    starts: dict[str, list[tuple[int, str]]] = {}
    for c in report.claims:
        starts.setdefault(c.source, []).append((c.start, c.id))
    for items in starts.values():
        items.sort()
    covering: dict[str, list[tuple[object, set[str]]]] = {}  # claim id -> the valid comments covering it
    valid: list[object] = []
    for source, items in suppressions.items():
        for sup in items:
            if sup.problem:
                b.add("suppression", "CK402", (), f"malformed suppression: {sup.problem}", "", -1,
                      location=(sup.source, sup.start, sup.end))
                continue
            ids = {r if r in lex.checks else names.get(r, "") for r in sup.rules}
            if not sup.rules or "" in ids:
                bad = ", ".join(r for r in sup.rules if r not in lex.checks and r not in names) or "no rule"
                b.add("suppression", "CK402", (), f"suppression names {bad}: it must name a rule (see `checker rules`)",
                      "", -1, location=(sup.source, sup.start, sup.end))
                continue
            valid.append(sup)
            claims = starts.get(source, [])
            k = bisect.bisect_left(claims, (sup.scope[0], ""))
            while k < len(claims) and claims[k][0] < sup.scope[1]:
                covering.setdefault(claims[k][1], []).append((sup, ids))
                k += 1
    used: set[tuple[str, int]] = set()
    kept: list[Finding] = []
    for f in report.findings:
        hit = next((sup for cid in f.claims for sup, ids in covering.get(cid, ()) if f.rule in ids), None)
        if hit is None:
            kept.append(f)
        else:
            used.add((hit.source, hit.start))
    for sup in valid:
        if (sup.source, sup.start) not in used:
            b.add("suppression", "CK401", (), f"unused suppression of {', '.join(sup.rules)}: nothing to silence here",
                  "", -1, location=(sup.source, sup.start, sup.end))
    report.findings = _order(kept + b.findings)
    return report


def merge(reports: list[Report]) -> Report:
    """Several check reports (one per draft) as one: sources and claims once, fact ids kept apart."""
    from dataclasses import replace

    if len(reports) == 1:
        return reports[0]
    sources, claims, findings, seen = [], [], [], set()
    for k, r in enumerate(reports):
        for s in r.sources:
            if s.id not in seen:
                seen.add(s.id)
                sources.append(s)
                claims.extend(c for c in r.claims if c.source == s.id)
        findings.extend(replace(f, fact=f.fact + 100_000 * k) for f in r.findings)
    return Report(reports[0].mode, sources, claims, _order(findings))


def _sentences(claims: dict[str, list[Claim]]) -> dict[tuple[str, int], list[Claim]]:
    """The exact figures of each sentence, for telling a part from its whole."""
    out: dict[tuple[str, int], list[Claim]] = {}
    for cl in claims.values():
        for c in cl:
            v = c.value
            if isinstance(v, Quantity) and v.low is not None and v.low == v.high and not v.approximate:
                out.setdefault((c.source, c.sentence_start), []).append(c)
    return out


def _parts(x: Claim, y: Claim, v: Verdict, sentences: dict[tuple[str, int], list[Claim]]) -> Verdict:
    """A conflict between a figure and a whole that it and another figure of its sentence add up to ("230
    passengers and 12 crew" against "242 people") is a part against its whole, and the sum agrees."""
    if v.verdict != CONFLICT:
        return v
    for part, whole in ((x, y), (y, x)):
        pv, wv = part.value, whole.value
        if not (isinstance(pv, Quantity) and isinstance(wv, Quantity)) or pv.low is None or wv.low is None \
                or wv.low != wv.high or pv.low >= wv.low:
            continue
        for other in sentences.get((part.source, part.sentence_start), ()):
            ov = other.value
            if other is not part and isinstance(ov, Quantity) and ov.dimension == pv.dimension == wv.dimension \
                    and ov.unit == pv.unit and _joined(part, other) \
                    and abs(pv.low + ov.low - wv.low) < 1e-9 * max(1.0, wv.low):  # type: ignore[operator]
                return Verdict(CONSISTENT, "CK301", f"{describe(part)} and {describe(other)} add up to {describe(whole)}")
    return v


def _joined(a: Claim, b: Claim) -> bool:
    """Two figures listed together ("230 passengers and 12 crew", "12 crew members were flying with 230
    passengers"): "and", "with" or "plus" in the few words between them."""
    between = text_between(a, b)
    return len(between) <= 40 and any(w in between.split() for w in ("and", "with", "plus"))


def shared_local_zone(claims: dict[str, list[Claim]]) -> dict[str, list[Claim]]:
    """Sources of one story share its local time: when the sources that say which zone it is agree ("Times are
    Saltmere local time (UTC-3)"), the clock times of the others that name no zone are read in it."""
    from .zones import learnt, with_local

    offsets = set().union(*(learnt(cl) for cl in claims.values())) if claims else set()
    if len(offsets) != 1:
        return claims
    minutes = offsets.pop()
    return {sid: with_local(cl, minutes) if not learnt(cl) else cl for sid, cl in claims.items()}


def compare(sources: list, claims: dict[str, list[Claim]], lex: Lexicon,
            severities: dict[str, str] | None = None) -> Report:
    """Every source against every other."""
    claims = shared_local_zone(claims)
    pub = _published(sources)
    heads = {s.id: s.doc.headline()[1] for s in sources}
    sure = Model.of(lex).conflict_threshold
    facts = align([(s.id, claims[s.id], reference_year(claims[s.id], s.doc.published)) for s in sources], lex,
                  published=pub)
    b = _Builder(lex, severities)
    sentences = _sentences(claims)
    for fact in facts:
        judged = [(x, y, _parts(x, y, judge(x, y, lex, (pub[x.source], pub[y.source])), sentences))
                  for x, y in _pairs(fact)]
        for x, y, v in _one_per_source_pair(fact, judged, heads, sure):
            b.pair(fact, x, y, v)
    all_claims = [c for s in sources for c in claims[s.id]]
    return Report("compare", sources, all_claims, _order(b.findings), facts)


def check(draft, references: list, claims: dict[str, list[Claim]], lex: Lexicon,  # type: ignore[no-untyped-def]
          severities: dict[str, str] | None = None) -> Report:
    """Each claim of the draft against the references: consistent, conflict, or unsupported."""
    sources = [draft, *references]
    claims = shared_local_zone(claims)
    pub = _published(sources)
    heads = {s.id: s.doc.headline()[1] for s in sources}
    sure = Model.of(lex).conflict_threshold
    facts = align([(s.id, claims[s.id], reference_year(claims[s.id], s.doc.published)) for s in sources], lex,
                  published=pub)
    b = _Builder(lex, severities)
    sentences = _sentences(claims)
    for fact in facts:
        drafted = [m.claim for m in fact.members if m.claim.source == draft.id]
        if not drafted:
            continue
        if fact.sources == {draft.id}:
            for c in drafted:
                b.add("unsupported", "CK201", (c.id,), f"{describe(c)}: no reference states this", "", fact.id)
            continue
        verdicts: list[tuple[Claim, Claim, Verdict]] = []
        for x, y in _pairs(fact, lambda a, c: draft.id in (a.source, c.source)):
            if y.source == draft.id:
                x, y = y, x
            verdicts.append((x, y, _parts(x, y, judge(x, y, lex, (pub[x.source], pub[y.source]), strict=True), sentences)))
        for x, y, v in _one_per_source_pair(fact, verdicts, heads, sure):
            b.pair(fact, x, y, v)
        # conflicts among the references that bear on this draft claim
        among = [(x, y, _parts(x, y, judge(x, y, lex, (pub[x.source], pub[y.source])), sentences))
                 for x, y in _pairs(fact, lambda a, c: draft.id not in (a.source, c.source))]
        for x, y, v in _one_per_source_pair(fact, among, heads, sure):
            if v.verdict == CONFLICT:
                b.pair(fact, x, y, v, "the references disagree: ")
    all_claims = [c for s in sources for c in claims[s.id]]
    return Report("check", sources, all_claims, _order(b.findings), facts)


__all__ = ["Report", "Finding", "compare", "check", "reference_year", "SCHEMA", "CONSISTENT"]
