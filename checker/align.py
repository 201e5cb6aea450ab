"""Lining up the claims that state the same fact across sources.

Line up by what is stated, not by the number: claims are compared only within a block (same kind of
value: counts with counts, areas with areas, dates with dates), and a pair of frames (checker.frame) gives
named features (subject, events, rare context words, the time referred to, role, how the figures compare)
that a logistic model with weights in rules/alignment.yaml turns into the probability of one fact.
Sources are taken in turn; each source's claims join existing facts one-to-one (a source states a fact
once, though it may repeat it: repeats are grouped first) or start new facts, and facts the order kept
apart are joined afterwards. Candidates come from an inverted index, so cost stays near-linear.
"""
from __future__ import annotations

import dataclasses
import functools
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from .changes import POINTS
from .frame import Frame, frame_of, idf_table, set_spans, weigh_context
from .lexicon import Lexicon
from .subjects import stem
from .zones import comparable
from .values import (CLOCK12, DATE, TIME, Claim, DateSpan, Quantity, misnamed_weekday, text_between, transposed,
                     written_figure)

MAX_MEMBERS_SCORED = 6    # a larger fact is scored through one statement from each of its first sources
_LOG_1_1, _LOG_2 = math.log10(1.1), math.log10(2.0)
_LOG_RESTATED = math.log10(1.03)  # a figure restated in another unit, rounded: within 3 %
MAX_BLOCK_SCAN = 60       # a block with at most this many facts is compared whole
MAX_CANDIDATES = 40       # facts scored for each group of claims


@dataclass
class Fact:
    id: int
    block: str
    members: list[Frame] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    scores: dict[tuple[str, str], float] = field(default_factory=dict)   # pairs scored one by one
    joined: dict[str, tuple[int, float]] = field(default_factory=dict)  # source -> (turn it joined, its score)
    explain: Callable[["Fact", str, str], str] | None = field(default=None, repr=False)
    _reps: list[Frame] = field(default_factory=list, repr=False)   # representatives(), kept as members join
    _reps_of: int = field(default=0, repr=False)                   # how many members _reps has looked at
    _by_id: dict[str, Frame] = field(default_factory=dict, repr=False)

    def representatives(self) -> list[Frame]:
        """The members a newcomer is scored against when the fact is large: each source's first statement,
        the earliest sources first (a source's repeats say nothing new)."""
        if len(self._reps) < MAX_MEMBERS_SCORED and self._reps_of != len(self.members):
            seen = {m.claim.source for m in self._reps}
            for m in self.members[self._reps_of:]:
                if m.claim.source not in seen and len(self._reps) < MAX_MEMBERS_SCORED:
                    seen.add(m.claim.source)
                    self._reps.append(m)
            self._reps_of = len(self.members)
        return self._reps

    def scored_members(self) -> list[Frame]:
        """The members a newcomer is scored against: all of a small fact, representatives of a large one."""
        return self.members if len(self.members) <= MAX_MEMBERS_SCORED else self.representatives()

    def score(self, a: Claim, b: Claim) -> float | None:
        """How well two members line up: their own score when the pair was scored, else the score with
        which the later of their sources joined (a repeat lines up through the statement that was scored).
        Kept this way, a fact holds scores for the pairs scored, not for every pair of its members."""
        got = self.scores.get((a.id, b.id))
        if got is None:
            got = self.scores.get((b.id, a.id))
        if got is not None:
            return got
        turns = [t for t in (self.joined.get(a.source), self.joined.get(b.source)) if t is not None]
        return max(turns)[1] if turns else None

    def member_index(self) -> dict[str, Frame]:
        """Members by claim id, built once the fact is complete (findings look members up by id)."""
        if len(self._by_id) != len(self.members):
            self._by_id = {m.claim.id: m for m in self.members}
        return self._by_id

    def reason(self, a: str, b: str) -> str:
        """Why two of its claims were lined up (worked out on demand: only findings need it)."""
        return self.explain(self, a, b) if self.explain else "lined up with the same fact"


@dataclass(frozen=True)
class Model:
    """The alignment model: a logistic score over named pair features (weights in rules/alignment.yaml).
    `threshold` is the least probability at which two claims are lined up."""

    weights: dict[str, float]
    threshold: float = 0.5
    conflict_threshold: float = 0.6
    date_conflict_threshold: float = 0.6
    weekday_conflict_threshold: float = 0.6   # a date against a weekday no publication date places
    merge: float = 0.6   # least probability at which two facts sharing sources are joined (a fact restated)

    @classmethod
    def of(cls, lex: Lexicon) -> "Model":
        def build(x: Lexicon) -> "Model":
            raw = x.raw.get("alignment", {})
            ct = float(raw.get("conflict_threshold", 0.6))
            dct = float(raw.get("date_conflict_threshold", ct))
            return cls({k: float(v) for k, v in (raw.get("weights") or {}).items()},
                       float(raw.get("threshold", 0.5)), ct, dct, float(raw.get("weekday_conflict_threshold", dct)),
                       float(raw.get("merge_threshold", 0.6)))

        return lex.derived("alignment_model", build)

    def probability(self, vec: dict[str, float]) -> float:
        if NEVER in vec:
            return 0.0  # ruled out, not weighed
        get = self.weights.get
        z = get("bias", 0.0)
        for k, x in vec.items():  # a loop: this runs for every candidate pair
            z += get(k, 0.0) * x
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_SPAN_SLACK = 1.1  # two spans a figure accrued over that differ by less are one ("36 hours", "a day and a half")
NEVER = "never"  # a pair_vector feature that rules a pair out whatever else it shares (not fitted)


def _subject_evidence(a: Frame, b: Frame, known: frozenset[str]) -> tuple[str, float, str | None]:
    """Same subject (or synonym group), similar nouns ("farmland" and "land"), two different known
    groups, or two different nouns: (feature name, strength, reason)."""
    if a.subjects and b.subjects:
        shared = a.subjects & b.subjects
        if shared:
            return "subject_same", 1.0, f"both about {sorted(shared)[0]}"
        sa, sb = a.claim.subject or "", b.claim.subject or ""
        if a.subjects & b.kin:
            return "subject_similar", 0.6, f"subjects '{sa}' and '{sb}' name overlapping things"
        if sa and sb:
            similar = _similar_subjects(sa, sb)
            if not similar:
                # a content word in common: "air-defence interceptors" and "interceptor missiles"
                wa, wb = a.subject_words, b.subject_words
                similar = 0.6 * len(wa & wb) / min(len(wa), len(wb)) if wa & wb else 0.0
            if similar:
                return "subject_similar", similar, f"subjects '{sa}' and '{sb}'"
        related = _related_nouns(a.claim.subject_key or "", b.claim.subject_key or "")
        if related:
            return f"subject_{related}", 1.0, f"'{sa}' and '{sb}': {_RELATED_WHY[related]}"
        if (a.subjects & known) and (b.subjects & known):
            return "subject_clash_known", 1.0, None
        return "subject_clash", 1.0, None
    if a.subjects or b.subjects:
        # a figure without its noun ("its fourth since 2023") names it nearby ("an aid package, its fourth")
        one, other = (a, b) if a.subjects else (b, a)
        named = {stem(w) for w in one.subject_words} & other.context
        if named:
            return "subject_in_context", 1.0, f"{sorted(named)[0]} named beside both"
        return "subject_one", 1.0, None
    return "", 0.0, None


_RELATED_WHY = {"wordnet_same": "one sense", "wordnet_broader": "one a kind of the other",
                "wordnet_kin": "kinds of one thing"}


def _related_nouns(ka: str, kb: str) -> str | None:
    """How two subjects' nouns relate in WordNet (checker.subjects.noun_relation), as a feature's suffix."""
    from .subjects import noun_relation

    if not ka or not kb or " " in ka or " " in kb:
        return None
    got = noun_relation(ka, kb)
    return f"wordnet_{got}" if got else None


@functools.lru_cache(maxsize=65536)
def _similar_subjects(sa: str, sb: str) -> float:
    """1.0 for near-identical noun phrases, 0.6 when one head noun holds the other ("farmland", "land")."""
    from rapidfuzz import fuzz

    if fuzz.token_set_ratio(sa, sb) >= 85:
        return 1.0
    ha, hb = sa.split(" of ")[0].split()[-1], sb.split(" of ")[0].split()[-1]
    return 0.6 if len(ha) > 3 and len(hb) > 3 and (ha in hb or hb in ha) else 0.0


def pair_vector(a: Frame, b: Frame, known: frozenset[str], idf: dict[str, float],
                why: list[str] | None = None) -> dict[str, float]:
    """The named features of a pair of claims (different sources, same block); with a `why` list, also the
    reasons a person would read. Each feature is one class of evidence; the weights say how much it counts."""
    v: dict[str, float] = {}
    date = a.block == "date"
    name, strength, text = _subject_evidence(a, b, known)
    if name:
        # a share's noun is its base ("70 percent of patients"), not what is measured (unvaccinated,
        # hospitalised): the same base says less, so shares weigh it on their own
        v[f"share_{name}" if a.block == "proportion" else name] = strength
    if text and why is not None:
        why.append(text)
    sub_pos = name in ("subject_same", "subject_similar")
    if name == "subject_same" and a.unique_subject and b.unique_subject:
        v["subject_unique_both"] = 1.0  # the only figure about firefighters in each article
    shared = a.events & b.events
    telling = shared - {"reported"}  # that both were said or reported tells nothing
    if date and telling and not telling & {a.claim.tight, b.claim.tight}:
        telling = frozenset()  # for a date, only the event beside it says what it dates
    if telling:
        v["event_shared"] = 1.0
        if a.nearest and a.nearest == b.nearest:
            v["event_nearest"] = 1.0
        if why is not None:
            why.append("both " + ", ".join(sorted(telling)))
    elif a.events and b.events and not shared:
        # events are found by proximity; verbs right beside both figures that differ say most
        tight = not date and a.claim.tight and b.claim.tight and a.claim.tight != b.claim.tight
        v["event_clash_tight" if tight else "event_clash"] = 1.0
    if not date and a.nearest and b.nearest and a.nearest != b.nearest:
        # one sentence may name several events ("1,145 injured, 405 trapped"): the one nearest each figure
        # is its predicate, and two different predicates are two facts
        v["nearest_clash"] = 1.0
    if a.names and b.names:
        # whose figure it is: "the Liberal Democrats ... 71 seats" and "the SNP ... 38 seats" name two holders, each
        # known to the other source, so the figures are two facts; a name in both clauses is one holder
        if a.names & b.names:
            v["name_shared"] = 1.0
        elif a.names & b.source_names and b.names & a.source_names:
            v["name_clash"] = 1.0
    common = a.context & b.context
    if common:
        wa, wb = a.context_weight, b.context_weight
        ws = sum(idf.get(w, 1.0) for w in common)
        v["context"] = ws / math.sqrt(wa * wb) if wa and wb else 0.0
        v["context_count"] = min(1.0, len(common) / max(2.0, min(len(a.context), len(b.context)) * 0.5))
        if why is not None:
            rare = sorted(common, key=lambda w: (-idf.get(w, 1.0), w))
            why.append("shared words: " + ", ".join(rare[:4]))
    # the time the fact refers to: "240 people died" in 1997 is not today's toll. Figures of two stated years
    # (or disjoint periods) are two facts unless they are equal: an equal figure misdated still lines up.
    past = 0.0
    if a.claim.kind != TIME and b.claim.kind != TIME:  # (a clock time's day says when, not which fact; a duration's year does)
        if a.years and b.years:
            if a.years[1] < b.years[0] or b.years[1] < a.years[0]:
                v["years_differ"] = 1.0
        else:
            for x, y in ((a, b), (b, a)):
                if x.years and not y.years and y.ref_year and x.years[1] < y.ref_year - 1:
                    past = max(past, 1.0 if x.years[1] < y.ref_year - 4 else 0.6)
                elif x.years and not y.years and y.ref_year is None and x.years[1] < (x.ref_year or 10**6) - 1:
                    past = max(past, 0.6)  # an explicitly older year against an undated current fact
        # a figure dated well before the other source's present ("31 percent four years ago") is another fact
        if not (a.years or b.years):
            for x, y in ((a, b), (b, a)):
                if x.when and not y.when and y.now and x.when[1] < y.now - 400:
                    past = max(past, 1.0 if x.when[1] < y.now - 4 * 366 else 0.6)
        if a.when and b.when:
            if a.when[1] < b.when[0] or b.when[1] < a.when[0]:
                # two single days ("fell 7% on Tuesday", "slid 4.3% on Wednesday") are two days' figures
                single = a.when[0] == a.when[1] and b.when[0] == b.when[1]
                v["when_differ_days" if single else "when_differ"] = 1.0
            else:
                v["when_same"] = 1.0
    if past:
        v["past_vs_present"] = past
    if a.running and b.running and a.nearest and a.nearest == b.nearest and not date:
        # a toll told on several days ("killing at least 24", then "killed at least 82"): one running count,
        # however far apart its figures, when the event beside both is the same
        v["running_same_event"] = 1.0
    if a.running and b.running and not date and a.day and b.day and a.log_size is not None \
            and b.log_size is not None and ("running_same_event" in v or name == "subject_same"):
        # a later report of a toll gives it higher; a lower later figure is another count (or a conflict)
        if a.day == b.day:
            v["running_same_day"] = 1.0
        else:
            older, newer = (a, b) if a.day < b.day else (b, a)
            v["running_grows" if newer.log_size >= older.log_size - 0.005 else "running_falls"] = 1.0
    if a.block == "proportion":
        _change_features(a, b, v)
    if a.block == "proportion" and a.claim.trait and b.claim.trait:
        # what the share has ("were unvaccinated", "are children") is what it measures; its base ("of
        # patients", "of those infected") is worded freely
        if a.claim.trait & b.claim.trait:
            v["share_trait_same"] = 1.0
            if a.unique_trait and b.unique_trait:
                v["share_trait_unique_both"] = 1.0  # the only share of the unvaccinated in each article
            if why is not None:
                why.append("both shares of " + ", ".join(sorted(a.claim.trait & b.claim.trait)))
        else:
            v["share_trait_clash"] = 1.0
    if not date:
        # increments ("an additional 3,000") line up with increments
        if a.claim.increment != b.claim.increment:
            v["increment_clash"] = 1.0
        elif a.claim.increment:
            v["increment_both"] = 1.0
        # a previous value ("up from 54%") against a current one
        if (a.claim.role == "previous") != (b.claim.role == "previous"):
            v["role_clash"] = 1.0
    # a part ("180 of them") is not the whole; a share is always of something ("a third of them")
    if a.claim.part != b.claim.part and a.block != "proportion":
        v["part_clash"] = 1.0
    # a source that gives one figure of this kind (one duration, one speed) most likely gives the same one
    if a.alone and b.alone and name != "subject_clash_known" and name != "subject_clash" \
            and not (a.events and b.events and not shared):
        v["alone_both"] = 1.0
        if why is not None:
            why.append(f"the only {a.block} figure in each")
    if date:
        _date_features(a, b, v, why, bool(telling), bool(common))
    else:
        _value_features(a, b, v, why, clash=name in ("subject_clash", "subject_clash_known"))
        agree = "value_equal" in v or "value_close" in v
        if v.pop("when_differ_days", None) and not agree and not (a.running and b.running):
            # "fell 7% on Tuesday", "slid 4.3% on Wednesday": each day's own figure, no conflict; but a toll of
            # Tuesday and the toll it climbed to by Thursday are one running count (judged as an update)
            v[NEVER] = 1.0
        if a.block == "proportion" and "value_equal" not in v and _predicates_differ(a.claim, b.claim):
            v[NEVER] = 1.0  # "80 percent contained" against "86% of the buildings were homes": what each share says
        if (v.get("past_vs_present", 0.0) >= 1.0 and not agree) or (
                ("years_differ" in v or "when_differ" in v) and "value_equal" not in v):
            # "since a 1987 blaze killed 31" against today's 40 killed, "under two hours in 2019" against the 2022
            # record of 2:01:09, "2:01:25 in the spring" against 2022's 2:01:09: figures of other years or periods
            v[NEVER] = 1.0
        if a.block == "age" and _named(a.claim) and _named(b.claim) and a.claim.subject_key != b.claim.subject_key:
            v[NEVER] = 1.0  # "Callum Reid, 24" against "Anja Reller, 26": the ages of two people
        if a.over and b.over and "value_equal" not in v and (
                a.over[1] < b.over[0] / _SPAN_SLACK or b.over[1] < a.over[0] / _SPAN_SLACK):
            v[NEVER] = 1.0  # "80 mph in the past 12 hours" against "110 mph in 24 hours": two spans, two facts
        if "part_clash" in v and not agree:
            v[NEVER] = 1.0  # "four others are presumed dead" against the six lost: a part is not its whole
        # a minimum against the day's high, a forecast against the outcome, a change on the year against one on the
        # quarter, "the previous record of 38.7C" or "up from 54%" against another figure: two facts, however close
        differ = _aspects_differ(a.claim.aspects, b.claim.aspects)
        if differ == {EXPECTATION}:
            v["expectation_clash"] = 1.0  # a forecast and its outcome: one fact, told before and after
        elif "value_equal" not in v and ("role_clash" in v or differ):
            v[NEVER] = 1.0
        if sub_pos and not telling and not common and not (a.unique_subject and b.unique_subject) and not a.alone:
            v["subject_only"] = 1.0  # a shared subject alone is weak when a source has several
    return v


def _change_features(a: Frame, b: Frame, v: dict[str, float]) -> None:
    """Shares that say how much something moved against shares that say where it stands: a change in points is
    never a level ("up 3.1 points" is not "38.2%"); a change in percent seldom is; a change in points and one in
    percent may be one change told two ways ("rose 1.8%" for "1.8 percentage points": the same fact, and a
    conflict)."""
    pa, pb = a.claim.value.dimension == POINTS, b.claim.value.dimension == POINTS  # type: ignore[union-attr]
    if a.change != b.change:
        v["change_clash"] = 1.0
        if pa or pb:
            v[NEVER] = 1.0
    elif a.change:
        v["change_both"] = 1.0
        if pa != pb:
            v["points_vs_percent"] = 1.0


def _named(c: Claim) -> bool:
    """The claim's subject is a person's or place's name (an age's holder: "Lena Ostrik, 17")."""
    return bool(c.subject_key) and c.subject_key[:1].isupper()


def _predicates_differ(ca: Claim, cb: Claim) -> bool:
    """Two shares that say different kinds of thing: one what its whole is ("86% of the buildings were homes": a
    trait, and no event in its clause), the other what was done to it ("80 percent contained": an event)."""
    def done(c: Claim) -> bool:
        return any(g != "reported" for g in c.events)

    return any(x.trait and not y.trait and done(y) and not done(x) for x, y in ((ca, cb), (cb, ca)))


EXPECTATION = "expectation"  # subjects.yaml aspect: a forecast, projection or guidance


def _aspects_differ(xa: tuple[tuple[str, str], ...], xb: tuple[tuple[str, str], ...]) -> set[str]:
    """Two kinds of figure (a minimum and a plain reading, a forecast and an outcome, a change on the year and on
    the quarter): the aspects both claims carry with different values."""
    if xa == xb:
        return set()
    other = dict(xb)
    return {kind for kind, value in xa if other.get(kind, value) != value}


def _value_features(a: Frame, b: Frame, v: dict[str, float], why: list[str] | None, clash: bool = False) -> None:
    """How the two figures compare. The same figure for two different things ("3,000 residents" and "3,000
    homes") is its own, weaker, evidence."""
    qa, qb = a.claim.value, b.claim.value
    if not (isinstance(qa, Quantity) and isinstance(qb, Quantity)):
        return
    if value_key(a.claim) == value_key(b.claim) and qa.low is not None:
        r = min(a.rarity, b.rarity)
        if clash:
            v["value_equal_other_subject"] = 1.0
            return
        v["value_equal"] = 1.0
        if r:
            v["value_equal_rare"] = r
            if r >= 0.5 and why is not None:
                why.append("the same uncommon figure")
        return
    if (qa.qualifier == "vague") != (qb.qualifier == "vague"):
        v["vague_one"] = 1.0  # "thousands" against a figure: it admits many, so it says little
    if qa.dimension == qb.dimension == CLOCK and qa.low is not None and qb.low is not None:
        qa, qb, _ = comparable(qa, qb)  # in UTC when both zones are known
        _clock_features(qa.low or 0.0, qb.low or 0.0, v, CLOCK12 in (qa.stated_unit, qb.stated_unit))
        return
    if transposed(a.claim.text, b.claim.text):
        v["value_transposed"] = 1.0  # "6.4%" and "4.6%", 450 and 540: one figure, its digits swapped
    la, lb = a.log_size, b.log_size
    if la is not None and lb is not None:
        # two reports of one fact seldom differ by more than a factor of two (a slip of a decimal place
        # aside); figures far apart are more likely different facts. A figure of unstated scale ("104
        # degrees") is as near as its nearest reading.
        ratio = min(abs(x - y) for x in (a.log_sizes or (la,)) for y in (b.log_sizes or (lb,)))
        if ratio < _LOG_1_1:
            v["value_close"] = 1.0  # within 10 %: "nearly 42 percent" and 41.8 %
        if ratio > 0.9 and abs(ratio - round(ratio)) < 0.035:  # a power of ten, give or take rounding
            v["value_decimal_slip"] = 1.0  # 6.2 million against 62 million: a misplaced point, the same fact
        elif ratio > _LOG_2:
            # a count that grows as the event goes on (a toll of 24, then 104) moves far between reports
            v["value_far_running" if a.running and b.running else "value_far"] = min(1.0, ratio - _LOG_2)
        if ratio >= _LOG_1_1 and _open_same_side(qa, qb):
            # "more than 100", then "more than 300", "at least 24", then "at least 82": bounds on one side
            # admit each other; an estimate that keeps being raised
            v["value_bounds_same_side"] = 1.0


def _open_same_side(qa: Quantity, qb: Quantity) -> bool:
    """Both figures bounded on one side only, the same side (both 'more than', both 'up to')."""
    return (qa.high is None and qb.high is None and qa.low is not None and qb.low is not None) or \
        (qa.low is None and qb.low is None and qa.high is not None and qb.high is not None)


CLOCK = "time-of-day"
_HALF_DAY = 720.0


def _clock_features(ma: float, mb: float, v: dict[str, float], twelve: bool = False) -> None:
    """Two clock times (minutes after midnight) compare by the minutes between them on the dial, not by their
    ratio (7:20 pm is close to 6:55 pm; 00:10 is close to 23:50). Two reports of one moment differ by minutes,
    by twelve hours (a.m. for p.m.) or by whole or half hours (one gives it in another time zone): each its own
    evidence; any other gap says two moments."""
    dial = _HALF_DAY if twelve else 1440.0  # "ten o'clock" is as near 22:10 as 10:10
    gap = abs(ma - mb) % dial
    gap = min(gap, dial - gap)
    if gap <= 45:
        v["value_close"] = 1.0
    elif abs(gap - _HALF_DAY) <= 45:
        v["clock_half_day"] = 1.0
    elif gap % 30 == 0:
        v["clock_zone_shift"] = 1.0
    else:
        v["value_far"] = min(1.0, gap / 360.0)


def _date_features(a: Frame, b: Frame, v: dict[str, float], why: list[str] | None, telling: bool, common: bool) -> None:
    v["date"] = 1.0
    if not telling and not common:
        v["date_nothing_shared"] = 1.0  # a date with nothing in common around it is another date
    ta, tb = a.claim.tight, b.claim.tight
    if ta and ta == tb and ta != "reported":
        v["date_tight_same"] = 1.0
    if ta == tb == "reported" and not (a.anchor_facts & b.anchor_facts):
        v["date_two_reports"] = 1.0  # two reports' dates: different reports, different days
    elif (ta == "reported") != (tb == "reported"):
        # the day a report came out ("said on Tuesday") against the day something happened
        v["date_report_vs_event" if ta and tb else "date_report_vs_other"] = 1.0
    if _grain_gap(a.claim, b.claim):
        v["date_grain_gap"] = 1.0
    da, db = a.claim.value, b.claim.value
    if isinstance(da, DateSpan) and isinstance(db, DateSpan) and da.resolved and db.resolved and da.start and db.start:
        if (da.start, da.end) == (db.start, db.end):
            v["date_same_span"] = 1.0
        elif da.start <= db.end and db.start <= da.end:
            v["date_overlap"] = 1.0
        elif (gap := min(abs((da.start - db.end).days), abs((db.start - da.end).days))) > 45:
            v["date_far"] = 1.0  # a misreported day is off by days or weeks, seldom by seasons
            if gap > 366:
                v["date_years_apart"] = 1.0  # "in 2005" against "in 2019": two events' years, seldom one misreported
    wa, wb = _weekday_of(a.claim), _weekday_of(b.claim)
    if wa is not None and wb is not None and (not (isinstance(da, DateSpan) and da.resolved and isinstance(db, DateSpan)
                                                   and db.resolved) or misnamed_weekday(a.claim) is not None
                                                   or misnamed_weekday(b.claim) is not None):
        # a weekday a source cannot place ("on Friday", no published date), or one its own date belies ("Friday,
        # May 22" in a year when 22 May was a Wednesday), against a day or another weekday: the same weekday is
        # evidence, another weekday against it
        v["date_weekday_same" if wa == wb else "date_weekday_other"] = 1.0
    for x, y in ((a, b), (b, a)):
        # a weekday or "yesterday" is a day of the source's own week: a date of an earlier year is another
        # fact, whatever the words around them share
        xv = x.claim.value
        if y.recent and isinstance(xv, DateSpan) and xv.resolved and xv.end and y.ref_year and xv.end.year < y.ref_year:
            v[NEVER] = 1.0
    # dates whose clauses hold figures already lined up with different facts state different things
    if a.anchor_facts and b.anchor_facts:
        if a.anchor_facts & b.anchor_facts:
            v["date_anchor_shared"] = 1.0
            if why is not None:
                why.append("their figures line up")
        elif b.claim.source in a.anchor_sources and a.claim.source in b.anchor_sources:
            v["date_anchor_clash"] = 1.0


def _weekday_of(c: Claim) -> int | None:
    """The weekday of a single day, placed or not ("Friday, July 4, 2025", "on Friday" in an undated source); the
    weekday named when the date belies it."""
    v = c.value
    if not isinstance(v, DateSpan):
        return None
    named = misnamed_weekday(c)
    if named is not None:
        return named
    if v.start is not None and v.start == v.end:
        return v.start.weekday()
    return v.weekday if v.grain == "day" and not v.weekdays else None


def score(a: Frame, b: Frame, model: Model, known: frozenset[str] = frozenset(),
          idf: dict[str, float] | None = None) -> float:
    """How likely two claims (different sources, same block) state the same fact: a probability."""
    return model.probability(pair_vector(a, b, known, idf or {}))


def explain(a: Frame, b: Frame, known: frozenset[str], idf: dict[str, float]) -> str:
    """The reasons a person would read for lining two claims up."""
    why: list[str] = []
    pair_vector(a, b, known, idf, why)
    return "; ".join(why) if why else "same kind of figure"


def _grain_gap(a: Claim, b: Claim) -> float:
    """A day against a whole year is seldom the same date fact."""
    fine = ("day", "weekend", "week")
    ga, gb = a.value.grain, b.value.grain  # type: ignore[union-attr]
    if (ga in fine and gb in ("year", "decade")) or (gb in fine and ga in ("year", "decade")):
        return 0.25
    return 0.0


def _same_statement(a: Frame, b: Frame) -> bool:
    """Two claims of one source that state the same fact: a repeat, or a count and its revision."""
    ca, cb = a.claim, b.claim
    if a.block != b.block:
        return False
    if ca.sentence_start == cb.sentence_start and _restated(a, b):
        return True  # "491 millimeters (19.3 inches)", "550 km (340 miles)": one figure in two units
    if ca.sentence_start == cb.sentence_start and {ca.role, cb.role} in ({"current", "previous"}, {"changed", "previous"}):
        # "the toll rose to 312, up from 241": one count and its revision; but "41.8%, up from 54% in 2021":
        # a share now and a share then are two facts
        return a.block == "count" and ((ca.subject_key == cb.subject_key) or not (ca.subject_key and cb.subject_key))
    if ca.value != cb.value and not _same_value(ca, cb):
        if ca.sentence_start == cb.sentence_start:
            return False  # two figures of one sentence ("killed at least 95 and injured 130") are two facts
        # a vague or bounded count and a figure it admits, same subject and event: one statement
        same_subject = ca.subject_key == cb.subject_key or not (ca.subject_key and cb.subject_key)  # "Dozens killed"
        return bool(same_subject and (ca.subject_key or cb.subject_key) and a.nearest and a.nearest == b.nearest
                    and ca.years == cb.years and _compatible_counts(ca, cb))
    if ca.subject_key and cb.subject_key and ca.subject_key != cb.subject_key:
        return False
    if a.block != "date" and min(a.rarity, b.rarity) >= 0.5 and _same_value(ca, cb):
        return True  # an uncommon figure said twice, in the headline and the body ("2:00:35", "2 hours, 35 seconds")
    if a.block == "date":
        # the same day twice in one source ("Sunday's earthquake", "struck on Nov. 3")
        if a.anchor_facts & b.anchor_facts:
            return True  # both attached to figures of one fact ("1,000-3,000 ... in late February", repeated)
        telling = (a.events & b.events) - {"reported"}
        if (a.nearest == "reported") != (b.nearest == "reported"):
            return False  # the day a report came out is not the day the event happened
        # the same resolved day, month or season, stated beside the same event ("sent last fall" twice)
        resolved = isinstance(ca.value, DateSpan) and ca.value.resolved and ca.value.start is not None
        same_event = bool(ca.tight) and ca.tight == cb.tight
        return bool(telling) and (resolved and (ca.value.grain == "day" or same_event) or bool(a.context & b.context))
    if not (ca.subject_key or cb.subject_key):
        return bool(a.nearest and a.nearest == b.nearest) and bool(a.context & b.context)
    return bool(a.events & b.events) or not (a.events or b.events) or (ca.subject_key == cb.subject_key)


def _restated(a: Frame, b: Frame) -> bool:
    """A measure restated in another unit in the same sentence: the same size within conversion rounding, or,
    set right beside it ("118,400 ounces of gold, about 3.4 tonnes", "21 feet (6.7 metres)"), within half again
    (a writer's conversion, right or wrong, restates the figure)."""
    qa, qb = a.claim.value, b.claim.value
    if not (isinstance(qa, Quantity) and isinstance(qb, Quantity) and qa.dimension not in ("count", "currency")
            and qa.stated_unit != qb.stated_unit and a.log_size is not None and b.log_size is not None):
        return False
    gap = abs(a.log_size - b.log_size)
    return gap < _LOG_RESTATED or (gap < _LOG_APPOSED and _apposed(a.claim, b.claim))


_LOG_APPOSED = math.log10(1.5)


def _apposed(a: Claim, b: Claim) -> bool:
    """Two figures of one sentence set side by side: a comma, a bracket or "or" and at most a few words between."""
    between = text_between(a, b)
    return len(between) <= 40 and ("," in between or "(" in between or " or " in f" {between} ")


def value_key(c: Claim) -> tuple:
    """What a figure states, comparable by equality: bounds to 12 significant digits, so one value reached by
    two sums ("2:00:35" and "2 hours, 35 seconds", in hours) is one value."""
    v = c.value
    if isinstance(v, Quantity):
        return (_digits(v.low), _digits(v.high), v.unit)
    return (v.start, v.end, v.weekday, v.partial, v.weekdays)


def _digits(x: float | None) -> float | None:
    return None if x is None else float(f"{x:.12g}")


def _compatible_counts(ca: Claim, cb: Claim) -> bool:
    """'Dozens killed' and 'at least 57 killed' can be one statement; '9 killed' and '27 hurt' cannot, nor a part
    and its whole ('over 5.58 million votes out of approximately 14 million ballots')."""
    va, vb = ca.value, cb.value
    if not (isinstance(va, Quantity) and isinstance(vb, Quantity)) or va.dimension != "count":
        return False
    if ca.sentence_start == cb.sentence_start:
        if text_between(ca, cb).lower().split()[-2:] == ["out", "of"]:
            return False
    inf = float("inf")
    lo = max(va.low if va.low is not None else -inf, vb.low if vb.low is not None else -inf)
    hi = min(va.high if va.high is not None else inf, vb.high if vb.high is not None else inf)
    return lo <= hi and (va.low != va.high or vb.low != vb.high)


def _same_value(ca: Claim, cb: Claim) -> bool:
    return isinstance(ca.value, Quantity) == isinstance(cb.value, Quantity) and value_key(ca) == value_key(cb)


def _groups(feats: list[Frame]) -> list[list[Frame]]:
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
            keys.add(("v", value_key(f.claim)))
            if f.claim.role in ("current", "changed", "previous"):  # "rose to 312, up from 241": one sentence's revision
                keys.add(("r", f.claim.sentence_start))
            seen: set[int] = set()
            for key in keys:
                for j in index[key][-8:]:
                    if j not in seen and _same_statement(f, feats[j]):
                        parent[find(i)] = find(j)
                    seen.add(j)
            for key in keys or {("none", None)}:
                index[key].append(i)
    out: dict[int, list[Frame]] = defaultdict(list)
    for i, f in enumerate(feats):
        out[find(i)].append(f)
    return list(out.values())


def _keys(f: Frame) -> set[tuple]:
    keys: set[tuple] = {(f.block, "s", s) for s in f.subjects}
    if f.alone:
        keys.add((f.block, "alone"))
    keys |= {(f.block, "e", e) for e in f.events}
    keys |= {(f.block, "c", w) for w in f.context}
    v = f.claim.value
    if f.rarity >= 0.25:
        keys.add((f.block, "v", value_key(f.claim)))  # an uncommon figure repeated is a candidate by itself
    elif isinstance(v, DateSpan) and v.resolved and v.start:
        keys.add((f.block, "v", v.start, v.end))  # "on Thursday" and "on April 10": the same day
    return keys


def align(claims_by_source: list[tuple[str, list[Claim], int | None]], lex: Lexicon,
          threshold: float | None = None, published: dict[str, object] | None = None) -> list[Fact]:
    """Facts across sources. `claims_by_source` holds (source id, claims, reference year) in order; `published`
    each source's publication date, where known (a running count's later report may give a higher figure).
    Figures are lined up first; dates then, helped by the facts their clauses' figures joined."""
    model = Model.of(lex)
    if threshold is not None:
        model = dataclasses.replace(model, threshold=threshold)
    frames = [(s, [frame_of(c, lex, ry) for c in cl]) for s, cl, ry in canonical_order(claims_by_source)]
    idf = idf_table(f for _, fs in frames for f in fs)
    weigh_context((f for _, fs in frames for f in fs), idf)
    for source, fs in frames:
        day = (published or {}).get(source)
        if day is not None and hasattr(day, "toordinal"):
            for f in fs:
                f.day = day.toordinal()
        set_spans(fs)
        named = frozenset().union(*(f.names for f in fs))
        for f in fs:
            f.source_names = named
            if f.lead in named:  # "Lyra on course for the Moon": a sentence's first word its source names elsewhere
                f.names |= {f.lead}
    facts: list[Fact] = []
    index: dict[tuple, list[int]] = defaultdict(list)
    timed = (DATE, TIME)
    figures = [(s, [f for f in fs if f.claim.kind not in timed]) for s, fs in frames]
    ctx = _Context(lex, model, idf, facts, index)
    _align_phase(figures, ctx, {})
    _merge_apart(ctx, 0)
    _merge_restated(ctx, 0)
    fact_of = {m.claim.id: f.id for f in facts for m in f.members}
    dates = [(s, [f for f in fs if f.claim.kind in timed]) for s, fs in frames]
    first_date_fact = len(facts)
    _align_phase(dates, ctx, fact_of)
    _merge_apart(ctx, first_date_fact)
    _merge_restated(ctx, first_date_fact)
    known = frozenset(lex.subject_groups.values())

    def reason(fact: Fact, a: str, b: str) -> str:
        by_id = fact.member_index()
        fa, fb = by_id.get(a), by_id.get(b)
        return explain(fa, fb, known, idf) if fa and fb else "lined up with the same fact"

    for fact in facts:
        fact.explain = reason
    return facts


def canonical_order(claims_by_source: list[tuple[str, list[Claim], int | None]]
                    ) -> list[tuple[str, list[Claim], int | None]]:
    """The sources in an order that does not depend on how they were given: facts are built source by source,
    and the same articles must give the same facts whatever the command line or the locale's glob order.
    The source that states most goes first (it seeds the facts others join), then by a digest of what each
    states (its figures and where they stand), which no file name or position enters."""
    import hashlib

    def key(item: tuple[str, list[Claim], int | None]) -> tuple[int, str]:
        digest = hashlib.blake2b(digest_size=16)
        for c in item[1]:
            digest.update(f"{c.start}\x1f{c.text}\x1f{c.sentence}\x1e".encode("utf-8", "surrogatepass"))
        return -len(item[1]), digest.hexdigest()

    return sorted(claims_by_source, key=key)


@dataclass
class _Context:
    lex: Lexicon
    model: Model
    idf: dict[str, float]
    facts: list[Fact]
    index: dict[tuple, list[int]]
    by_block: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))


def _align_phase(frames_by_source: list[tuple[str, list[Frame]]], ctx: _Context, fact_of: dict[str, int]) -> None:
    known = frozenset(ctx.lex.subject_groups.values())
    facts, index, model = ctx.facts, ctx.index, ctx.model
    for source, feats in frames_by_source:
        per_block: dict[str, int] = defaultdict(int)
        per_subject: dict[tuple[str, str], int] = defaultdict(int)
        for f in feats:
            per_block[f.block] += 1
            for sub in f.subjects:
                per_subject[(f.block, sub)] += 1
            for t in f.claim.trait:
                per_subject[(f.block, "trait " + t)] += 1
        for f in feats:
            f.alone = per_block[f.block] == 1 and f.block not in ("count", "date")
            f.unique_subject = bool(f.subjects) and all(per_subject[(f.block, sub)] == 1 for sub in f.subjects)
            f.unique_trait = bool(f.claim.trait) and all(per_subject[(f.block, "trait " + t)] == 1 for t in f.claim.trait)
            if f.claim.anchors:
                f.anchor_facts = frozenset(fact_of[a] for a in f.claim.anchors if a in fact_of)
                f.anchor_sources = frozenset(src for fid in f.anchor_facts for src in facts[fid].sources)
        groups = _groups(feats)
        edges: list[tuple[float, int, int]] = []
        pair_scores: dict[tuple[int, int], dict[tuple[str, str], float]] = {}
        for gi, group in enumerate(groups):
            for fid in _candidates(ctx, group, scan_block=True):
                fact = facts[fid]
                if source in fact.sources:
                    continue
                best = -1.0
                each: dict[tuple[str, str], float] = {}
                members = fact.scored_members()
                for f in group:
                    for m in members:
                        sc = each[(m.claim.id, f.claim.id)] = score(f, m, model, known, ctx.idf)
                        if sc > best:
                            best = sc
                if best >= model.threshold:
                    edges.append((best, gi, fid))
                    pair_scores[(gi, fid)] = each
        edges.sort(key=lambda e: (-e[0], e[1], e[2]))
        taken_groups: set[int] = set()
        taken_facts: set[int] = set()
        for sc, gi, fid in edges:
            if gi in taken_groups or fid in taken_facts:
                continue
            taken_groups.add(gi)
            taken_facts.add(fid)
            fact = facts[fid]
            # each scored pair keeps its own score: a source's group may hold a figure that lines up with
            # the fact only through a sibling (then its own, weaker, score says so); the rest go by `sc`
            fact.scores.update(pair_scores.get((gi, fid), {}))
            fact.joined[source] = (len(fact.joined) + 1, sc)
            _join(fact, groups[gi], index)
        for gi, group in enumerate(groups):
            if gi not in taken_groups:
                fact = Fact(len(facts), group[0].block)
                facts.append(fact)
                ctx.by_block[fact.block].append(fact.id)
                _join(fact, group, index)


def _candidates(ctx: _Context, frames: list[Frame], scan_block: bool) -> list[int]:
    """The facts worth scoring against some frames, most promising first: those sharing the most index keys
    (ties: the older fact), at most MAX_CANDIDATES. With `scan_block`, a small block is compared whole: a fact
    need not share a word to be the same fact (a large one only through the index, so cost stays linear)."""
    counts: dict[int, int] = {}
    for f in frames:
        for key in _keys(f):  # (the order does not matter: candidates are ranked by count, then id)
            for fid in ctx.index.get(key, ())[-400:]:
                counts[fid] = counts.get(fid, 0) + 1
    if scan_block:
        in_block = ctx.by_block.get(frames[0].block, ())
        if len(in_block) <= MAX_BLOCK_SCAN:
            for fid in in_block:
                counts.setdefault(fid, 0)
    return sorted(counts, key=lambda k: (-counts[k], k))[:MAX_CANDIDATES]


def _merge_apart(ctx: _Context, first: int) -> None:
    """Join facts that the order of the sources kept apart. A source's claim goes to the fact it fits best,
    so a fact it also fits (a draft's "Wednesday" beside two wires' "Thursday" and "March 13") may be left
    with one source; such a fact joins another with none of its sources when one of their pairs lines up."""
    known = frozenset(ctx.lex.subject_groups.values())
    facts, model = ctx.facts, ctx.model
    for fid in range(first, len(facts)):
        fact = facts[fid]
        if not fact.members or len(fact.sources) != 1:
            continue
        best: tuple[float, int, dict[tuple[str, str], float]] | None = None
        for gid in _candidates(ctx, fact.members, scan_block=False):
            other = facts[gid]
            if gid == fid or gid < first or not other.members or other.block != fact.block or other.sources & fact.sources:
                continue
            members = other.scored_members()
            each = {(m.claim.id, f.claim.id): score(f, m, model, known, ctx.idf) for f in fact.members for m in members}
            top = max(each.values())
            if top >= model.threshold and (best is None or top > best[0]):
                best = (top, gid, each)
        if best is None:
            continue
        top, gid, each = best
        _absorb(facts[gid], fact, each, top, ctx.index)


def _merge_restated(ctx: _Context, first: int) -> None:
    """Join facts that share sources when they state one fact. A fact takes one group of statements from each
    source as it is built, so a source that states a fact twice in words its own grouping did not join ("$35.9
    billion" and "around $36 billion"; a toll of 24 and, later, 82) leaves two facts that each hold part of
    it. Two facts become one when a pair of their statements from two sources lines up well (model.merge) and
    nothing forbids it: no pair across sources is ruled out, and no source's two statements stand in one
    sentence with different figures (two figures of one sentence are two facts)."""
    known = frozenset(ctx.lex.subject_groups.values())
    facts, model = ctx.facts, ctx.model
    for fid in range(first, len(facts)):
        fact = facts[fid]
        if not fact.members:
            continue
        while True:
            best: tuple[float, int, dict[tuple[str, str], float]] | None = None
            for gid in _candidates(ctx, fact.members, scan_block=False):
                other = facts[gid]
                if gid <= fid or not other.members or other.block != fact.block or not other.sources & fact.sources:
                    continue
                each = _cross_scores(fact, other, model, known, ctx.idf)
                if each is None:
                    continue
                top = max(sc for (a, b), sc in each.items() if a in fact.member_index())
                if top >= model.merge and (best is None or top > best[0]):
                    best = (top, gid, each)
            if best is None:
                break
            top, gid, each = best
            _absorb(fact, facts[gid], each, top, ctx.index)


def _restates(a: Frame, b: Frame) -> bool:
    """Two statements of one source that may state one fact: the same figure, one within rounding of the other
    ("$35.9 billion", "around $36 billion") or admitted by it ("more than 200", "204"), or two readings of a count
    that grows as the event goes on (a toll of 24, later 82); never two different figures of one sentence, unless
    one restates the other in another unit beside it."""
    ca, cb = a.claim, b.claim
    if _same_value(ca, cb):
        return True
    if ca.sentence_start == cb.sentence_start:
        return _restated(a, b)  # one figure in two units, side by side
    if a.running and b.running:
        return True
    va, vb = ca.value, cb.value
    if isinstance(va, Quantity) and isinstance(vb, Quantity):
        inf = float("inf")
        lo = max(va.low if va.low is not None else -inf, vb.low if vb.low is not None else -inf)
        hi = min(va.high if va.high is not None else inf, vb.high if vb.high is not None else inf)
        if lo <= hi:
            return True
        if a.log_size is None or b.log_size is None:
            return False
        if va.stated_unit != vb.stated_unit:
            return abs(a.log_size - b.log_size) < _LOG_RESTATED  # converted and rounded ("about 3.4 tonnes")
        return abs(a.log_size - b.log_size) <= max(_rounding(ca.text), _rounding(cb.text))
    return isinstance(va, DateSpan) and isinstance(vb, DateSpan) and va.resolved and vb.resolved \
        and va.start is not None and vb.start is not None and va.start <= vb.end and vb.start <= va.end


def _rounding(text: str) -> float:
    """How far (in log10) a figure as written may lie from the figure it rounds: half its last significant digit
    ("$36 billion" covers 35.5-36.5, "40C" 35-45, "7.2" only 7.15-7.25). Spelled figures: none."""
    written = written_figure(text)
    if written is None:
        return 0.0
    digits = written.replace(".", "").lstrip("0").rstrip("0")
    if not digits:
        return 0.0
    return math.log10(1.0 + 0.5 / int(digits))


MAX_MERGE_PAIRS = 400  # facts whose statements would make more pairs than this are not joined (cost stays bounded)


def _cross_scores(fact: Fact, other: Fact, model: Model, known: frozenset[str],
                  idf: dict[str, float]) -> dict[tuple[str, str], float] | None:
    """Every pair across sources of two facts' statements with its own score (a conflict found after joining
    them must rest on the two statements' own evidence, not on a neighbour's), with the pairs within `other`
    as it scored them; None when a pair forbids joining them or there are too many."""
    if len(fact.members) * len(other.members) > MAX_MERGE_PAIRS:
        return None
    each: dict[tuple[str, str], float] = {}
    for f in fact.members:
        for m in other.members:
            cf, cm = f.claim, m.claim
            if cf.source == cm.source:
                if not _restates(f, m):
                    return None  # one source's two figures of two things
                continue
            sc = score(f, m, model, known, idf)
            if sc <= 0.0:
                return None
            each[(cf.id, cm.id)] = sc
    if not each:
        return None
    for i, a in enumerate(other.members):
        for b in other.members[i + 1:]:
            if a.claim.source != b.claim.source:
                got = other.score(a.claim, b.claim)
                if got is not None:
                    each[(a.claim.id, b.claim.id)] = got
    return each


def _absorb(keep: Fact, gone: Fact, scores: dict[tuple[str, str], float], top: float,
            index: dict[tuple, list[int]]) -> None:
    """One fact takes another's statements: the pairs scored in joining them, and the sources it did not have
    (each joined with the score that joined the two facts); the other is left empty."""
    keep.scores.update(scores)
    for src in sorted(gone.sources - keep.sources):
        keep.joined[src] = (len(keep.joined) + 1, top)
    _join(keep, gone.members, index)
    gone.members, gone.sources = [], set()


def _join(fact: Fact, group: list[Frame], index: dict[tuple, list[int]]) -> None:
    for f in group:
        fact.members.append(f)
        fact.sources.add(f.claim.source)
        for key in _keys(f):
            posting = index[key]
            if not posting or posting[-1] != fact.id:
                posting.append(fact.id)
