"""Find every numeric and date mention in a text and normalise it into a Claim.

One left-to-right walk over the tokens: at each token the date reader, the time-of-day reader and the
quantity reader are tried in that order; a reader that succeeds consumes its tokens. Dates are
resolved after the walk, once the article's reference year is known.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from itertools import compress
from operator import or_

from .dates import DAY_OF_MONTH_PREPS, decade_words, dotted_date, DateExpr, Reference, parse_date, resolve, reference_year_of
from .gcpause import paused_gc
from .lexicon import FIGURE_UNIT_TABLES, Lexicon, UnitDef, default_lexicon, phrase_at, phrase_before
from .numbers import Num, and_fraction, fraction_at, read_number, read_ordinal_words, read_vague
from .tables import place
from .zones import LOCAL, local_offset, place_offset, with_local, zone_at
from .subjects import (context_words, events_near, sentence_features, share_trait, subject_after, subject_before,
                       subject_key, tight_event)
from .tokens import HYPHENS, NUM, SYM, WORD, Sentences, Tokens, sentence_spans, tokenize
from .values import CLOCK12, DATE, MONEY, NUMBER, ORDINAL, PERCENT, QUANTITY, RANK_FROM_END, TIME, Claim, Quantity, as_date

_HYPHENS = HYPHENS
_RANGE_WORDS = ("to", "through", "~")  # "20~100": the tilde range of Asian English
_ORDINAL_SUFFIX = ("st", "nd", "rd", "th")
_SKIP_BEFORE = frozenset(("page", "pages", "p", "pp", "no", "nos", "#", "chapter", "section", "article", "line",
                          "room", "flight", "route", "highway", "interstate", "paragraph", "item", "version",
                          "episode", "season"))
_PAD = 8  # how far past either end of the text a reader may look
_NAMED_HOURS = {"midnight": 0, "noon": 720, "midday": 720}  # minutes after midnight
_CLOCK_PREPOSITIONS = frozenset(("at", "until", "till"))
_POINTS = ("point", "points")  # a count of points beside shares is a change in percentage points
_HOURS_PER_YEAR = 8765.82  # the canonical unit of time is the hour (rules/lexicon/units.yaml)
_TIME_ZONES = frozenset(("gmt", "utc", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst", "cdt", "mst", "mdt", "cet", "cest",
                         "eet", "eest", "msk", "bst", "ist", "pkt", "jst", "kst", "aest", "aedt"))  # rules: dates.yaml time_zones
_TIME_NEXT = frozenset((":", "a", "p", "am", "pm", "o'clock")) | _TIME_ZONES
_CLOCK_BEFORE = frozenset(("at", "until", "till", "by", "from", "around", "about", "before", "after", "since",
                           "approximately", "roughly", "shortly", "just"))  # "at 15:30": a clock time
# words after which "a week", "a month" is a duration (not "once a week", "$5 million a year")
_DURATION_BEFORE = frozenset(("for", "within", "after", "lasting", "lasted", "lasts", "took", "takes", "spent",
                              "than", "under", "about", "nearly", "almost", "around", "roughly", "barely", "just"))
# "within a mile", "up to a kilometre", "nearly a tonne": one of a unit of these after these words
_ONE_OF = frozenset(("length", "mass", "volume", "area"))
_ONE_BEFORE = frozenset(("within", "to", "about", "nearly", "almost", "around", "roughly", "than", "under", "over",
                         "barely", "just", "some"))
# verbs right after a bare figure that make it the subject of its own clause ("15 were missing")
_OWN_VERB = frozenset(("were", "was", "are", "is", "have", "has", "had", "remain", "remained", "remains"))
# what may follow an ordinal whose noun is left out: "its fourth since 2023", "their third this year"
_ORDINAL_ELLIPSIS = frozenset(("since", "this", "so", "in", "after", "of", ",", ".", ";", ""))


@dataclass(slots=True)
class Mention:
    first: int
    end: int
    kind: str
    value: Quantity | None = None
    date: DateExpr | None = None
    unitless: bool = True
    of_ok: bool = False
    marked: bool = False   # (times) written as a clock time beyond doubt: "a.m.", "pm", "o'clock", "local time"
    derived: bool = False  # a figure the text implies, not states: the change "from 20% to 22%" makes (2 points)


class _Walker:
    """Holds one text's tokens while its mentions are read."""

    def __init__(self, ts: Tokens, lex: Lexicon, start_token: int) -> None:
        self.ts = ts
        self.lex = lex
        self.n = ts.n
        self.start_token = start_token
        self._document_cued: dict[str, bool] = {}  # units.yaml `document_cues`: held anywhere in the text
        # lower-cased tokens with "" past either end: a reader may look a few tokens beyond the text (and a
        # negative index wraps round into the padding), so no look-up needs a bounds test
        self.low_at = ts.low + [""] * _PAD
        # the phrase tables' first or last words, with the lengths of the phrases they begin or end
        self.change_verbs = lex.phrase_index("update_current", "update_changed")
        self.currency_firsts = lex.phrase_index("currency_symbols")
        self.currency_word_ends = lex.derived("currency_word_ends", lambda lx: frozenset(k[-1] for k in lx.currency_words))
        self.qualifier_lasts = lex.phrase_index("qualifiers_before", edge=-1)
        self.qualifier_firsts = lex.phrase_index("qualifiers_after")
        self.unit_lengths = lex.phrase_index(*FIGURE_UNIT_TABLES)
        self.current_lasts = lex.phrase_index("update_current", edge=-1)
        self.changed_lasts = lex.phrase_index("update_changed", edge=-1)
        self.previous_lasts = lex.phrase_index("update_previous", edge=-1)
        self.previous_after_firsts = lex.phrase_index("update_previous_after")
        self.percent_firsts = lex.phrase_index("percent_units")
        self.rank_firsts = lex.phrase_index("ranks_from_end")
        self.rate_dims = lex.per_time.into  # the dimensions a rate is read for: one test before the rate reader
        # the words a role phrase can end with, and those role() looks past: one test for the commonest case
        self.role_lasts = lex.derived("role_lasts", lambda lx: frozenset((
            *lx.phrase_index("update_current", edge=-1), *lx.phrase_index("update_previous", edge=-1),
            *lx.phrase_index("update_changed", edge=-1), *lx.phrase_index("update_observed", edge=-1),
            "of", "a", "an", "from")))
        self.observed_lasts = lex.phrase_index("update_observed", edge=-1)

    # ----------------------------------------------------------------------------------- helpers

    def line_start(self, i: int) -> bool:
        return i == self.start_token or (i > 0 and self.ts.newline_before[i])

    def qualifier_before(self, first: int) -> tuple[object, int] | None:
        lex, ts = self.lex, self.ts
        if first - 1 < self.start_token or ts.low[first - 1] not in self.qualifier_lasts:
            return None  # (the commonest case, told before any call)
        length = phrase_before(ts.low, first, lex.qualifiers_before, self.qualifier_lasts, self.start_token)
        if length == 1 and first - 2 >= self.start_token and ts.low[first - 1] in ("over", "under") \
                and (ts.typ[first - 2] == NUM or ts.low[first - 2] in lex.number_words):
            return None  # "1 over 3" is a ratio, "3 under par" a score: not "more than 3"
        if length == 1 and first - 2 >= self.start_token and (
                (ts.low[first - 1] == "about" and ts.low[first - 2] in ("how", "what"))
                or (ts.typ[first - 1] == SYM and ts.attached(first - 1) and ts.tok[first - 2] in ("=", "<", ">"))):
            return None  # "how about 20?" asks; "<>30", "=>30" are code, not bounds
        return (lex.qualifiers_before[tuple(ts.low[first - length:first])], first - length) if length else None

    def qualifier_after(self, end: int) -> tuple[object, int] | None:
        ts = self.ts
        if end >= self.n or (ts.low[end] not in self.qualifier_firsts and ts.tok[end] not in _HYPHENS):
            return None
        j = end
        if j + 1 < self.n and ts.tok[j] in _HYPHENS and ts.attached(j):
            j += 1  # "11,000-plus"
        length = phrase_at(ts.low, j, self.lex.qualifiers_after, self.qualifier_firsts, self.n)
        if not length:
            return None
        key = tuple(ts.low[j: j + length])
        if key == ("plus",) and j == end and not ts.attached(j) and j + 1 < self.n and ts.typ[j + 1] == NUM:
            return None  # "5 plus 3"
        k = j + length
        if k + 1 < self.n and ts.low[k] in ("than", "to") and (ts.typ[k + 1] == NUM or ts.low[k + 1] in self.lex.number_words):
            return None  # "equal to 5000 or less than 6000": a second bound begins, not "5000 or less"
        return self.lex.qualifiers_after[key], j + length

    def currency_symbol(self, i: int) -> tuple[str, int] | None:
        ts = self.ts
        if i >= self.n or ts.tok[i] not in self.currency_firsts:
            return None
        for length in self.currency_firsts[ts.tok[i]]:  # longest first; a longer one must be written joined
            key = tuple(ts.tok[i: i + length])
            code = self.lex.currency_symbols.get(key)
            if code is not None and all(ts.attached(k) for k in range(i + 1, i + length)):
                j = i + length
                if j < self.n and (ts.typ[j] == NUM or ts.low[j] in self.lex.number_words):
                    if key == ("$",) and i > 0 and ts.typ[i - 1] == WORD and len(ts.tok[i - 1]) <= 3 \
                            and ts.low[i - 1] not in self.lex.stopwords \
                            and not (i > 1 and (ts.tok[i - 2] in ("'", "’") or ts.attached(i - 1) and ts.tok[i - 2] == ".")):
                        # "C $ 16.4 million", "hk $ 10.05 billion", "MXN$ 15": the letters name the dollar
                        prev = ts.tok[i - 1].upper()
                        code = self.lex.currency_symbols.get((prev, "$")) or self.lex.currency_symbols.get((prev,)) \
                            or code
                    return code, j
        return None

    def unit_after(self, j: int) -> tuple[str, object, int] | None:
        """A unit, percent sign or currency word at token j -> (kind, def, index after)."""
        ts, lex = self.ts, self.lex
        if j >= self.n:
            return None
        close = _BRACKETS.get(ts.tok[j])
        if close is not None:  # "20 (kg)", "20 [kg]": a unit in brackets, as tables and specs write it
            got = self.unit_after(j + 1) if j + 2 < self.n and ts.tok[j + 2] == close else None
            return (got[0], got[1], j + 3) if got is not None and got[0] == QUANTITY and got[2] == j + 2 else None
        hyphen = False
        if ts.tok[j] in _HYPHENS and ts.attached(j) and j + 1 < self.n and ts.attached(j + 1) and ts.typ[j + 1] == WORD:
            j += 1  # adjectival: "11-day", "2-mile"
            hyphen = True
        attached = ts.attached(j) and not hyphen
        lengths = self.unit_lengths.get(ts.low[j])
        if ts.tok[j] != ts.low[j]:
            exact_lengths = self.unit_lengths.get(ts.tok[j])
            if exact_lengths is not None:
                lengths = exact_lengths if lengths is None else tuple(sorted({*lengths, *exact_lengths}, reverse=True))
        if lengths is None:
            return None
        for length in lengths:
            key = tuple(ts.low[j: j + length])
            if len(key) < length or (length > 1 and ts.typ[j + length - 1] == NUM and not ts.attached(j + length - 1)):
                continue  # a digit in a symbol is written joined ("ft2", "km2"): "5 ft 2 in" is not square feet
            if key in lex.percent_units:
                if key in (("pp",), ("ppt",)) and not attached:
                    continue
                return PERCENT, lex.percent_units[key], j + length
            if key in lex.currency_words and not (hyphen and ts.typ[j] == SYM):  # "a 10-dollar bill", "a one-yen bid"
                nxt = j + length
                if nxt < self.n and (ts.typ[nxt] == NUM or ts.low[nxt] in lex.number_words) \
                        and (ts.typ[j] == SYM or ts.attached(nxt)) and tuple(ts.tok[j:nxt]) in lex.currency_symbols:
                    continue  # "10 $30", "3 USD50 cards": the sign leads the next figure
                return MONEY, lex.currency_words[key], j + length
            if key in lex.currency_subunits:
                return MONEY, lex.currency_subunits[key], j + length  # "34 cents", "a 12-cent dividend"
            exact = tuple(ts.tok[j: j + length])
            u = lex.units_exact.get(exact)
            if u is not None:
                if exact in lex.units_attached_only and not attached:
                    continue
                if not self._unit_ends(j + length):
                    continue
                if exact in lex.units_attached_only and u.dimension in lex.unit_cues and not self._cued(j, u.dimension):
                    continue  # "13F filing", "Boeing 777F", "14.7C/ per share": letters, not degrees
                if u.name in lex.cued_units:
                    u = self._as_cued(j, u, hyphen)
                    if u is None:
                        continue
                return self._per_time(u, j + length) if u.dimension in self.rate_dims else (QUANTITY, u, j + length)
            u = lex.units.get(key)
            if u is not None and self._unit_ends(j + length):
                if u.name in lex.cued_units:
                    u = self._as_cued(j, u, hyphen)
                    if u is None:
                        continue  # "two degrees from Oxford", "won three cups": no word of the unit's kind near
                return self._per_time(u, j + length) if u.dimension in self.rate_dims else (QUANTITY, u, j + length)
        return None

    def _per_time(self, u: UnitDef, k: int) -> tuple[str, object, int]:
        """A unit read at k's left, or the rate it starts: "3.3 mm a year", "50 km/ms" (units.yaml `rates`)."""
        pt = self.lex.per_time
        if self.low_at[k] in pt.starts:  # (its dimension has a rate: tested by the caller)
            got = pt.after(self.low_at, k)
            if got is not None and self._unit_ends(got[1]):
                rate = pt.rate(u, got[0])
                if rate is not None:
                    return QUANTITY, rate, got[1]
        # "165 miles (265 kilometers) per hour": a conversion in brackets between the unit and its "per hour";
        # each figure is the rate, and ends where it ends
        close = self._bracket_end(k)
        if close is not None and self.low_at[close] in pt.starts:
            got = pt.after(self.low_at, close)
            if got is not None and self._unit_ends(got[1]):
                rate = pt.rate(u, got[0])
                if rate is not None:
                    return QUANTITY, rate, k
        return QUANTITY, u, k

    def _bracket_end(self, k: int) -> int | None:
        """Just past a short bracket opening at k ("(265 kilometers)"), or k + 1 when k closes one the figure
        stands in; else None."""
        low = self.low_at
        if low[k] == ")":
            return k + 1
        if low[k] != "(":
            return None
        for j in range(k + 1, min(k + 7, len(low))):
            if low[j] == ")":
                return j + 1
            if low[j] in ("(", ".", ";"):
                return None
        return None

    def _as_cued(self, j: int, u: UnitDef, hyphen: bool = False) -> UnitDef | None:
        """The unit a common noun names by the words near it (lexicon `CuedUnit`): "degrees" near "rotated" is an
        angle, near "law" no unit, else a temperature of unstated scale; "won three cups" no volume."""
        rule = self.lex.cued_units[u.name]
        for cue, other in rule.instead:
            if self._cued(j, cue):
                return other
        if rule.not_cued and self._cued(j, rule.not_cued):
            return None
        if (hyphen and rule.hyphen_cued and not self._cued(j, rule.hyphen_cued)) \
                or (rule.cued and not self._cued(j, rule.cued)):
            return None
        return u

    def _cued(self, j: int, cue_list: str) -> bool:
        """A bare letter symbol ("30C") or a unit that is also a common noun ("degrees", "cups") is that unit
        only with a word of its kind near it (units.yaml `cues`: "temperatures", "heat", "rotated", "recipe")."""
        cues = self.lex.unit_cues[cue_list]
        ts = self.ts
        low, nl = ts.low, ts.newline_before
        if cue_list in self.lex.document_cues:
            held = self._document_cued.get(cue_list)
            if held is None:
                held = self._document_cued[cue_list] = not cues.isdisjoint(low)
            if held:
                return True
        for k in range(j, min(self.n, j + 25)):  # within the sentence: "London North Eastern Railway" in the next
            if k > j and (nl[k] or (low[k] in _SENTENCE_ENDS  # one names no bearing; "deg." keeps its dot
                                    and not (ts.attached(k) and len(low[k - 1]) <= 3 and k == j + 1))):
                break
            if low[k] in cues:
                return True
        for k in range(j - 1, max(-1, j - 26), -1):
            if low[k] in _SENTENCE_ENDS or nl[k + 1]:
                break
            if low[k] in cues:
                return True
        return False

    def _unit_ends(self, k: int) -> bool:
        """A unit must end the word: '5 km' but not '5 kmx'."""
        ts = self.ts
        return not (k < self.n and ts.attached(k) and ts.typ[k] in (WORD, NUM))

    def skip_number(self, i: int) -> bool:
        """Numbers that are not claims: list markers, page numbers, codes, clock times without a date."""
        ts = self.ts
        if ts.typ[i] != NUM:
            return False
        prev = self.low_at[i - 1]
        if prev in _SKIP_BEFORE or (prev == "." and self.low_at[i - 2] in ("p", "no", "pp")):
            # "line 11", "page 12": a label; but "crossed the line 11 seconds ahead" measures something
            return self.unit_after(i + 1) is None or prev in ("#", "no", "nos", "p", "pp")
        if ts.tok[i].count(".") >= 2:  # "192.168.1.2", "iOS 17.4.1", "section 3.2.1": a code, unless a date
            return dotted_date(ts.tok[i], self.lex) is None
        if i + 2 < self.n and ts.tok[i + 1] in (".", ")") and self.line_start(i) and ts.attached(i + 1) \
                and "." not in ts.tok[i] and not ts.newline_before[i + 2]:
            return True  # "1." list marker (an item follows it on its line)
        if ts.attached(i) and i > 0:
            p = ts.tok[i - 1]
            if ts.typ[i - 1] == WORD and (ts.low[i - 1],) not in self.lex.currency_words \
                    and (ts.tok[i - 1],) not in self.lex.currency_symbols:
                if ts.low[i - 1] not in ("mid", "us", "rs"):
                    return True  # "A320", "G7"; not "USD115", "EUR50"
            if p in _HYPHENS and i > 1 and ts.attached(i - 1) and ts.typ[i - 2] in (WORD, NUM) \
                    and ts.low[i - 2] not in ("mid", "early", "late") and ts.low[i - 2] not in self.lex.months \
                    and ts.low[i - 2] not in self.lex.prefix_units:
                return True  # "COVID-19", "F-16", the tail of "555-1234"
            if p in ("/", ".", ":", "_", "@"):
                return True  # paths, versions, clock times, handles
        return False

    # ----------------------------------------------------------------------------------- readers
    def read_time(self, i: int) -> Mention | None:
        """'2 a.m.', '2:15 a.m.', '1.30am', '14:30', '23:11 local time'. A time marked as one (a.m., pm,
        o'clock, local time, a zone) is kept anywhere; a bare '14:30' only beside a date (read later)."""
        ts = self.ts
        tok = ts.tok[i]
        if ts.typ[i] == NUM and len(tok) == 4 and tok.isdigit() and self.low_at[i + 1] in _TIME_ZONES \
                and int(tok[:2]) < 24 and int(tok[2:]) < 60:
            # "1400 GMT": a wire's clock time, hours and minutes run together before a zone
            zone, _ = zone_at(self.low_at, i + 1, self.lex)
            return Mention(i, i + 1, TIME, _clock_value(int(tok[:2]) * 60 + int(tok[2:]), zone=zone), marked=True)
        dotted = ts.typ[i] == NUM and len(tok) in (4, 5) and tok[-3] == "." and tok[:-3].isdigit() and tok[-2:].isdigit()
        if ts.typ[i] != NUM or ("." in tok and not dotted) or "," in tok or (len(tok) > 2 and not dotted):
            if ts.low[i] in _NAMED_HOURS:
                return Mention(i, i + 1, TIME, _clock_value(_NAMED_HOURS[ts.low[i]]), marked=True)
            return self._spoken_time(i)
        prev = self.low_at[i - 1]
        j = i + 1
        mins = 0
        if dotted:  # "1.30am", "11.11 p.m.": a time only with its a.m./p.m. (checked below)
            h, mins = int(tok[:-3]), int(tok[-2:])
            colon = False
        else:
            h = int(tok)
        if not dotted and j + 1 < self.n and ts.tok[j] == ":" and ts.attached(j) and ts.attached(j + 1) \
                and ts.typ[j + 1] == NUM and len(ts.tok[j + 1]) == 2 and ts.tok[j + 1].isdigit():  # not "0:.0"
            mins = int(ts.tok[j + 1])
            j += 2
            colon = True
            if j + 1 < self.n and ts.tok[j] == ":" and ts.attached(j) and ts.attached(j + 1) \
                    and ts.typ[j + 1] == NUM and len(ts.tok[j + 1]) == 2 and ts.tok[j + 1].isdigit() and mins < 60 \
                    and int(ts.tok[j + 1]) < 60:
                # "2:05:41": a race or running time (hours:minutes:seconds), a duration; with "a.m." or
                # "local time" after it, a clock time to the second
                after = self.low_at[j + 2]
                if after not in ("a", "p", "am", "pm", "local") and after not in _TIME_ZONES:
                    hours = h + mins / 60 + int(ts.tok[j + 1]) / 3600
                    end = j + 2 + (after == "s" and ts.attached(j + 2))  # "2:01:09s": the seconds' symbol
                    return Mention(i, end, QUANTITY, Quantity(hours, hours, unit="h", dimension="time",
                                                              stated_unit="h:mm:ss", precision=0.5 / 3600),
                                   unitless=False)
                j += 2
        elif not dotted:
            colon = False
        k = j
        ampm = None
        w = self.low_at[k]
        if w in ("a", "p") and self.low_at[k + 1] == "." and self.low_at[k + 2] == "m":
            ampm = w
            k += 3
            if self.low_at[k] == "." and ts.attached(k):
                k += 1
        elif w in ("am", "pm"):
            ampm = w[0]
            k += 1
        elif w == "o'clock":
            k += 1
            ampm = ""
        if ampm is None and (not colon or dotted):
            return None
        if h > 24 or mins > 59 or (ampm and h > 12):
            return None
        if ampm is None and colon:
            ampm = self._day_part(k)  # "4:38 in the afternoon"
        if ampm == "p" and h < 12:
            h += 12
        if ampm == "a" and h == 12:
            h = 0
        zone, _ = zone_at(self.low_at, k, self.lex)
        zoned = zone is not None
        # "at 15:30", "until 4:38": a colon time after a word of time is one; so is one that opens its line, as a
        # live blog's entries do ("22:47 - Liftoff")
        marked = ampm is not None or zoned or (colon and (prev in _CLOCK_BEFORE or self.line_start(i)))
        # without a.m./p.m., an hour up to 12 could be either half of the day ("at 4:38", "ten o'clock")
        half_known = bool(ampm) or zoned or h > 12 or h == 0 or tok.startswith("0")
        return Mention(i, k, TIME, _clock_value(h * 60 + mins, half_known, zone), marked=marked)

    def _day_part(self, k: int) -> str | None:
        """'in the morning' -> "a"; 'in the afternoon', 'in the evening', 'at night' -> "p"."""
        low = self.low_at
        if low[k] == "in" and low[k + 1] == "the":
            return {"morning": "a", "afternoon": "p", "evening": "p"}.get(low[k + 2])
        if (low[k], low[k + 1]) == ("at", "night"):
            return "p"
        return None

    def _spoken_time(self, i: int) -> Mention | None:
        """Clock times in words: 'ten o'clock', 'half past three', 'a quarter to nine', 'three in the
        afternoon' (an hour word alone is a time only with o'clock or a part of the day after it)."""
        low, words = self.low_at, self.lex.number_words
        j, mins, ahead = i, 0, 0
        if low[j] == "a" and low[j + 1] == "quarter":
            j += 1
        if low[j] in ("half", "quarter") and low[j + 1] in ("past", "to"):
            mins = 30 if low[j] == "half" else 15
            ahead = -1 if low[j + 1] == "to" else 1
            j += 2
        else:
            # "ten past nine", "twenty minutes to six", "one minute past midnight"
            m = words.get(low[j]) if low[j] in words else (int(low[j]) if low[j].isdigit() and len(low[j]) <= 2 else None)
            step = 2 if low[j + 1] in ("minute", "minutes") else 1
            if m is not None and m == int(m) and 1 <= m <= 59 and low[j + step] in ("past", "to", "after") and (
                    step == 2 or low[i - 1] in _CLOCK_PREPOSITIONS or low[j + step + 1] in _NAMED_HOURS):
                # (a bare "three to four" is a range of people, "at ten past nine" a time)
                mins, ahead = int(m), (-1 if low[j + step] == "to" else 1)
                j += step + 1
        if ahead and low[j] in _NAMED_HOURS:  # "a quarter to midnight", "five past noon": the half of day is said
            minutes = _NAMED_HOURS[low[j]] + (mins if ahead > 0 else -mins)
            return Mention(i, j + 1, TIME, _clock_value(minutes % 1440, True), marked=True)
        h = words.get(low[j]) if low[j] in words else (int(low[j]) if low[j].isdigit() and len(low[j]) <= 2 else None)
        if h is None or not 1 <= h <= 12 or h != int(h):
            return None
        h = int(h)
        k = j + 1
        if low[k] == "o'clock":
            k += 1
        elif not ahead and not self._day_part(k):
            return None  # "three" alone is a number
        part = self._day_part(k)
        if part:
            k += 3 if low[k] == "in" else 2
        minutes = (h % 12) * 60 + (mins if ahead >= 0 else -mins)
        if part == "p":
            minutes += 720
        return Mention(i, k, TIME, _clock_value(minutes % 1440, bool(part)), marked=True)

    def read_ordinal(self, i: int) -> Mention | None:
        """'the 17th', 'its sixth launch', 'twenty-first', 'second-largest', 'finished third'."""
        ts, lex = self.ts, self.lex
        if ts.typ[i] == NUM and i + 1 < self.n and ts.attached(i + 1) and ts.low[i + 1] in _ORDINAL_SUFFIX \
                and "," not in ts.tok[i] and "." not in ts.tok[i]:
            v = int(ts.tok[i])
            return Mention(i, i + 2, ORDINAL, Quantity(v, v, dimension="ordinal"))
        if ts.typ[i] != WORD:
            return None
        length = phrase_at(ts.low, i, lex.ranks_from_end, self.rank_firsts, self.n) if ts.low[i] in self.rank_firsts else 0
        if length and not (ts.low[i + length - 1] == "last" and parse_date(ts, i + length - 1, lex) is not None):
            # "the penultimate stage", "finished third from last" ("next to last year's" is a date's neighbour)
            v = lex.ranks_from_end[tuple(ts.low[i:i + length])]
            return Mention(i, i + length, ORDINAL, Quantity(v, v, dimension=RANK_FROM_END))
        got = read_ordinal_words(ts, i, lex)
        if got is None:
            return None
        v, end = got
        # "second-largest", "third-biggest": a rank
        if end + 1 < self.n and ts.tok[end] in _HYPHENS and ts.attached(end) and ts.attached(end + 1) \
                and ts.low[end + 1].endswith("est") and len(ts.low[end + 1]) > 4:
            return Mention(i, end + 2, ORDINAL, Quantity(v, v, dimension="ordinal"))
        # an ordinal word counts only as "the sixth test", "Korea's sixth test": determiner before, noun after;
        # or with its noun left out, as in "its fourth since 2023", "their third this year"
        prev = self.low_at[i - 1]
        nxt = self.low_at[end]
        of_field = nxt == "of" and end + 1 < self.n and ts.typ[end + 1] == NUM  # "finished ninety-ninth of 120"
        if (prev in _RANK_VERBS and nxt not in _HYPHENS and (nxt not in ("to", "of", "time", "times") or of_field)) or (
                prev in _COPULAS and (nxt in _PLACE_AFTER or end >= self.n or ts.typ[end] != WORD)):
            return Mention(i, end, ORDINAL, Quantity(v, v, dimension="ordinal"))  # "she finished second"
        if (self.line_start(i) or prev in (".", "?", "!", ":")) and (
                end >= self.n or ts.tok[end] in (".", "?", "!") or ts.newline_before[end]):
            return Mention(i, end, ORDINAL, Quantity(v, v, dimension="ordinal"))  # "Where did she finish? Third."
        if self.line_start(i) and ts.tok[i][0].isupper() and end < self.n and ts.tok[end][0].isupper() \
                and nxt not in lex.stopwords:
            return Mention(i, end, ORDINAL, Quantity(v, v, dimension="ordinal"))  # a title: "Ninth Round Of Talks"
        determined = prev in _ORDINAL_DETERMINERS or prev.endswith(("'s", "’s", "s'")) or (
            prev == "s" and i >= 2 and ts.tok[i - 2] in ("'", "’"))  # "the", "Korea's"
        if not determined and self.low_at[i - 2] in _ORDINAL_DETERMINERS and ts.typ[i - 1] == WORD \
                and prev not in lex.stopwords and prev not in lex.ordinals and prev not in lex.number_words:
            determined, prev = True, self.low_at[i - 2]  # "a historic third term", "its record fifth title"
        if not determined:
            # a compound ordinal ("ninety-ninth", "twenty first") is never a number: its first word is not 90 or 20
            return Mention(i, end, "skip") if end - i > 1 and ts.low[i] in lex.tens else None
        if prev != "the" and nxt in _ORDINAL_ELLIPSIS:
            return Mention(i, end, ORDINAL, Quantity(v, v, dimension="ordinal"))
        if nxt in ("time", "times") and v >= 2:
            return Mention(i, end, ORDINAL, Quantity(v, v, dimension="ordinal"))  # "for the third time"
        if nxt in ("of", "time", "half", "quarter") or nxt == "" or end >= self.n or ts.typ[end] != WORD:
            return None
        if nxt in lex.stopwords:
            return None
        if prev == "a" and nxt in lex.toll_ordinal_nouns:
            # "a fifth person has died", "a second case was confirmed": the count has reached five, two
            return Mention(i, end, NUMBER, Quantity(float(v), float(v), precision=0.0))
        return Mention(i, end, ORDINAL, Quantity(v, v, dimension="ordinal"))

    def read_proportion(self, i: int) -> Mention | None:
        """'half of', 'a third of', 'two-thirds of', 'three twentieths of', 'cut by half', 'a third were'."""
        ts, lex = self.ts, self.lex
        got = fraction_at(ts, i, lex, bare=True)
        if got is None:
            return None
        share, end = got
        bare = end == i + 1
        frac_word = ts.low[end - 1]
        if (frac_word == "half" and not bare and self.low_at[i - 1] == "and") or (bare and self.low_at[i - 1] == "the") \
                or (frac_word == "half" and self.low_at[i - 1] in _HALF_PLACES):
            return None  # "an hour and a half": read with what it follows; "the tenth", "the second half": places
        nxt = self.low_at[end]
        k = end + (nxt == "of")
        k += self.low_at[k] in ("a", "an", "one")
        if self.low_at[k] in self.percent_firsts:  # "a half percent", "half a percentage point": a share of a point
            u = self.unit_after(k)
            if u is not None and u[0] == PERCENT:
                return self._amount(i, u[2], share, u[1], PERCENT)
        # "cut by half", "fell by a third": a change by a fraction, with no "of" after it
        by = self.low_at[i - 1] == "by" and nxt not in _HYPHENS
        if nxt == "of" and self.low_at[end + 1 + (self.low_at[end + 1] in ("a", "an"))] in lex.scales:
            return None  # "three quarters of a million": a number (read_fraction), not a share
        # "a third were children", "about two thirds.": a share whose whole was named before
        alone = not bare and (end >= self.n or (ts.typ[end] != WORD and ts.tok[end] not in _HYPHENS)) \
            or (nxt in lex.stopwords and nxt not in ("of", "a", "an", "the", ""))
        half_a = frac_word == "half" and bare and nxt in ("a", "an")  # "half a mile", "half an hour"
        # "half the town", "half its staff": "half" alone takes a determiner as "of the"; after a bound ("more
        # than half people", "nearly two thirds voted") a fraction is a share whatever follows
        half_the = frac_word == "half" and bare and nxt in _HALF_DETERMINERS
        bounded = nxt not in _HYPHENS and self.qualifier_before(i) is not None and self.unit_after(end) is None
        # "a two-thirds majority", "the three-quarters stake": a hyphened fraction before its noun
        before_noun = end - i == 3 and ts.tok[i + 1] in _HYPHENS and self.low_at[i - 1] in ("a", "an", "the") \
            and ts.typ[end] == WORD and nxt not in lex.stopwords and self.unit_after(end) is None
        if not (nxt == "of" or by or alone or half_a or half_the or bounded or before_noun):
            return None
        if half_a or (nxt == "of" and self.low_at[end + 1] in ("a", "an")):  # "three-quarters of a mile"
            u = self.unit_after(end + 1 if half_a else end + 2)
            if u and u[0] == QUANTITY:
                udef = u[1]
                v = share * udef.factor + udef.offset
                return Mention(i, u[2], QUANTITY, Quantity(v, v, unit=udef.canonical, dimension=udef.dimension,
                                                           stated_unit=udef.name, factor=udef.factor,
                                                           offset=udef.offset), unitless=False)
            if half_a:
                return None  # "half a million", "half a dozen": numbers (read_fraction)
        v = share * 100  # "a third of the vote": the plain fraction nearest the share, to within a point or so
        m = Mention(i, end, PERCENT, Quantity(v, v, dimension="proportion", unit="%", stated_unit="%",
                                              precision=self.lex.tolerances.get("fraction_words", 1.0)))
        m.unitless = False
        return m

    def read_quantity(self, i: int) -> Mention | None:
        ts, lex = self.ts, self.lex
        first = i
        j = i
        currency = None
        cur = self.currency_symbol(j)
        sym_scale = 0.0
        if cur:
            currency, j = cur
            sym_scale = lex.currency_symbol_scales.get(tuple(ts.tok[i:j]), 0.0)  # "MSEK 250"
        negative = dash = False
        if j < self.n and ts.low[j] in ("minus", "negative") and j + 1 < self.n and (
                ts.typ[j + 1] == NUM or ts.low[j + 1] in lex.number_words or ts.low[j + 1] in lex.tens):
            negative, j = True, j + 1
        elif j + 1 < self.n and ts.tok[j] in ("-", "−") and ts.typ[j + 1] == NUM and ts.attached(j + 1) \
                and (not ts.attached(j) or self.low_at[j - 1] in ("<", ">", "≤", "≥", "=", "(", "[", "~")):
            negative, j = True, j + 1  # "-5", "<-30", "(-2)"
            dash = j == i + 1 and i > 0 and ts.typ[i - 1] == NUM  # "75 -300mm": a dash after a figure, perhaps
        num = read_number(ts, j, lex, money=currency is not None)
        if negative and num is not None and num.words and not currency:
            frac = fraction_at(ts, j, lex, numerator=(num.value, num.end))
            if frac is not None:  # "minus two thirds", "negative three fifths": a signed fraction is a number
                return Mention(first, frac[1], NUMBER, Quantity(-frac[0], -frac[0]))
        vague = None
        if num is None:
            vague = read_vague(ts, j, lex)
            if vague is None:
                return None
            low, high, end = vague
            return self._finish_unit(first, end, currency, None, None, low, high, 0.0, vague=True)
        if num.integer_text and j != i and self.skip_number(j):  # at i the walk has already asked
            return None
        lo = num
        hi: Num | None = None
        end = num.end
        if self.low_at[end] == "/" and ts.attached(end) and end + 1 < self.n and ts.typ[end + 1] == NUM \
                and ts.attached(end + 1) and not currency:
            top, bottom = ts.tok[j], ts.tok[end + 1]
            if top.isdigit() and bottom.isdigit() and 0 < int(top) < int(bottom) <= 16 and not num.scaled:
                unit = self.unit_after(end + 2)
                if unit is not None and unit[0] == QUANTITY:  # "a 1/4 mile oval", "1/2 cup": a fraction of a unit
                    v = int(top) / int(bottom)
                    return self._finish_unit(first, end + 2, None, Num(v, end + 2, 0.0, False, False), None, v, v, 0.0)
                dated = self.low_at[first - 1] in _SLASH_DATE_BEFORE or self.low_at[first - 1] in self.lex.weekdays \
                    or (self.low_at[end + 2] in ("/", "-") and ts.attached(end + 2))
                if not dated and not negative and (self.low_at[end + 2] == "of" or int(bottom) in self.lex.slash_denominators):
                    # "3/4 of voters", "more than 1/2 of them", "a 2/3 majority", "went 3/4": a share
                    v = int(top) / int(bottom) * 100
                    return Mention(first, end + 2, PERCENT, Quantity(v, v, dimension="proportion", unit="%",
                                                                     stated_unit="%"), unitless=False)
            if negative and top.isdigit() and bottom.isdigit() and int(bottom) > 0:  # "-4/5": a signed fraction
                v = -int(top) / int(bottom)
                return Mention(first, end + 2, NUMBER, Quantity(v, v))
            # "held on 7/6", "3/4": a date without its year or a bare ratio; neither is a count
            k = end + 2
            while k + 1 < self.n and ts.tok[k] == "/" and ts.attached(k) and ts.typ[k + 1] == NUM:
                k += 2
            return Mention(first, k, "skip")
        # "one over three", "1 over 20": a ratio spoken as a division (never "more than": see qualifier_before)
        if self.low_at[end] == "over" and not currency and not num.scaled and end + 1 < self.n and (
                ts.typ[end + 1] == NUM or ts.low[end + 1] in lex.number_words or ts.low[end + 1] in lex.tens):
            den = read_number(ts, end + 1, lex)
            if den is not None and den.value > 0 and not den.scaled and (den.words or len(den.integer_text) < 4) \
                    and self.unit_after(den.end) is None and self.low_at[den.end] not in ("par", "the"):
                v = num.value / den.value * (-1 if negative else 1)
                return Mention(first, den.end, NUMBER, Quantity(v, v))
        # "one in five", "nine out of every ten"
        k_den = end + 1 if self.low_at[end] == "in" else end + 2 if (self.low_at[end], self.low_at[end + 1]) == ("out", "of") else 0
        if k_den and self.low_at[k_den] == "every":
            k_den += 1
        if not currency and k_den and k_den < self.n and 0 < num.value <= 100 and num.value == int(num.value) \
                and not num.scaled and self.low_at[first - 1] not in ("from", "between"):
            den = read_number(ts, k_den, lex)
            # digits as well as words ("1 in 3 adults", "1 in 1,000 births", "3 out of 1000"), but not "5 in 2019"
            # (a year: four plain digits after "in") or "3 in 10 minutes" (a unit)
            year_like = k_den == end + 1 and den is not None and den.integer_text.isdigit() and len(den.integer_text) == 4
            if den and den.value > num.value and den.value == int(den.value) and (den.words or den.scaled or (
                    not year_like and self.unit_after(den.end) is None)):
                v = num.value / den.value * 100  # told to within half a point, or a tenth of a small share
                return Mention(first, den.end, PERCENT, Quantity(v, v, dimension="proportion", unit="%",
                                                                 stated_unit="%", precision=min(0.5, v / 10)))
        # ranges ("20%-30%", "5% to 7%": a percent sign may follow the first number too, and then the second)
        pct_first = self.low_at[end] == "%" and ts.attached(end) and end + 1 < self.n and (
            ts.tok[end + 1] in _HYPHENS or self.low_at[end + 1] in _RANGE_WORDS)
        own_end = end
        if pct_first:
            end += 1
        between = self.low_at[first - 1] in ("between",) or (self.low_at[first - 1] == "from" and self.low_at[first - 2] not in self.change_verbs)
        conn = self.low_at[end]
        if end + 1 < self.n and (conn in _HYPHENS or conn in _RANGE_WORDS or (conn == "and" and between)):
            k = end + 1
            cur2 = self.currency_symbol(k)
            if cur2 and (currency is None or cur2[0] == currency):
                k = cur2[1]
            if conn in _HYPHENS and not ((ts.attached(end) and ts.attached(k)) or (not ts.attached(end) and not ts.attached(k))):
                k = -1
            elif conn in _HYPHENS and num.words and j >= 2 and ts.tok[j - 1] in _HYPHENS and ts.attached(j) \
                    and ts.attached(j - 1) and ts.low[j - 2] in lex.number_words:
                k = -1  # "three-nought-four", "nine-one-one": digits spelled one by one, not a range
            num2 = read_number(ts, k, lex, money=currency is not None) if k > 0 else None
            if num2 is not None and num2.integer_text and k < self.n:
                if conn in _HYPHENS and ts.attached(end) and self._code_like(num, num2, num2.end):
                    return Mention(first, num2.end, "skip")
                if conn in _HYPHENS and not num.scaled and not num2.scaled and num.value >= num2.value:
                    return Mention(first, num2.end, "skip")  # a score: "(29-23)", "3-1"
            if num2 is not None and conn == "to" and self.low_at[first - 1] != "from" and not between \
                    and self.low_at[first - 2] in self.change_verbs:
                num2 = None
            if num2 is not None and pct_first and conn in _RANGE_WORDS and (
                    self.low_at[num2.end] != "%" or self.low_at[first - 1] in lex.change_before
                    or (self.low_at[first - 1] == "from" and self.low_at[first - 2] in lex.change_before)):
                num2 = None  # "grew 6.2% to $2.41bn", "rose 4.1% to 4.3%": a change and where it led, not a range
            if num2 is not None:
                lo_v = num.value
                if num2.scaled and not num.scaled and num2.value > 0:
                    scale = _scale_of(num2)
                    if scale > 1 and lo_v * scale <= num2.value:
                        lo_v *= scale
                        lo = Num(lo_v, num.end, num.precision * scale, True, num.words, num.integer_text)
                if lo.value < num2.value:
                    hi = num2
                    end = num2.end
                    if between and self.low_at[first - 1] in ("between", "from"):
                        first -= 1
        if hi is None:
            end = own_end  # no range after all: the figure ends where it did ("6.2%" of "6.2% to $2.41bn")
        if negative:
            lo = Num(-lo.value, lo.end, lo.precision, lo.scaled, lo.words, lo.integer_text)
        if sym_scale and not lo.scaled:
            lo = lo._replace(value=lo.value * sym_scale, precision=lo.precision * sym_scale, scaled=True)
            hi = hi._replace(value=hi.value * sym_scale, precision=hi.precision * sym_scale, scaled=True) if hi else None
        m = self._finish_unit(first, end, currency, lo, hi, lo.value, hi.value if hi else lo.value,
                              min(lo.precision, hi.precision) if hi else lo.precision, of_ok=num.scaled and num.words)
        if dash and m is not None and m.kind == QUANTITY and isinstance(m.value, Quantity) \
                and m.value.dimension in _NEVER_NEGATIVE:
            return self.read_quantity(i + 1)  # "ef 75 -300mm": no length is negative, so the "-" is a dash
        return m

    def role(self, first: int) -> str | None:
        """'rose to 312' -> current; 'up from 241' -> previous; 'weakened to a Category 2' -> changed; 'as of
        Thursday' -> as of."""
        if first < 2:
            return None
        ts, lex = self.ts, self.lex
        last = ts.low[first - 1]
        if last not in self.role_lasts:
            return None
        if last == "of" and self._superseded(first - 1):
            return "previous"
        if last in self.observed_lasts and phrase_before(ts.low, first, lex.update_observed, self.observed_lasts):
            return "as of"  # "80 percent contained as of Thursday": the day the figure held
        if last in ("a", "an") and first >= 3:  # "weakened to a Category 2", "rose to a record 312"
            first -= 1
            last = ts.low[first - 1]
        if last in self.changed_lasts and phrase_before(ts.low, first, lex.update_changed, self.changed_lasts):
            return "changed"
        if last != "from" and last not in self.current_lasts and last not in self.previous_lasts:
            return None
        current = phrase_before(ts.low, first, lex.update_current, self.current_lasts)
        previous = phrase_before(ts.low, first, lex.update_previous, self.previous_lasts)
        if current or previous:
            return "current" if current >= previous else "previous"  # the longer phrase; a tie reads as current
        if first >= 3 and last == "from" and ts.low[first - 2] in self.change_verbs:
            return "previous"
        return None

    def year_before(self, end: int) -> str | None:
        """'$6.70 billion a year earlier': the figure of the period before -> previous (events.yaml `update`)."""
        lex = self.lex
        return "previous" if phrase_at(self.low_at, end, lex.update_previous_after, self.previous_after_firsts,
                                       self.n + _PAD) else None

    def _superseded(self, of: int) -> bool:
        """'the previous record of', 'the old UK high of': the figure after `of` is a mark since beaten."""
        low, lex = self.ts.low, self.lex
        noun = of - 1
        if noun < self.start_token or low[noun] not in lex.superseded_nouns:
            return False
        return any(low[k] in lex.superseded for k in range(noun - 1, max(self.start_token, noun - 4) - 1, -1))

    def _code_like(self, a: Num, b: Num, after: int) -> bool:
        """'555-1234', '12-34-56': phone numbers and codes joined by hyphens."""
        ts = self.ts
        if after < self.n and ts.tok[after] in _HYPHENS and ts.attached(after) and after + 1 < self.n \
                and ts.typ[after + 1] == NUM:
            return True
        ta, tb = a.integer_text, b.integer_text
        return (len(ta) == 3 and len(tb) == 4) or tb.startswith("0") or ta.startswith("0")

    def _finish_unit(self, first: int, end: int, currency: str | None, lo: Num | None, hi: Num | None,
                     low: float, high: float | None, precision: float, vague: bool = False,
                     of_ok: bool = False) -> Mention:
        """The mention of a figure read from `first` to `end`: its unit, currency or prefix ("magnitude")
        decide its kind, and its interval [low, high] is converted to the canonical unit."""
        ts = self.ts
        of_ok = of_ok or vague  # "dozens of", "millions of": the subject follows "of"
        unit = None
        if not (lo is not None and lo.integer_text and self.low_at[end] in _ORDINAL_SUFFIX and ts.attached(end)):
            unit = self.unit_after(end)
            if unit is None and self.low_at[end] in self.lex.units_decimal_only and ts.attached(end) \
                    and lo is not None and "." in lo.integer_text and not hi:  # "9.58s"
                unit = (QUANTITY, self.lex.units_decimal_only[self.low_at[end]], end + 1)
        kind = NUMBER
        factor, offset, canon, dim, stated = 1.0, 0.0, None, "count", None
        pre, first, end, unit = self._prefix_unit(first, end, unit) if not currency else (None, first, end, unit)
        if pre is not None:  # "a magnitude 6.8 earthquake", "the magnitude-7.4 quake", "aged 87"
            kind, canon, dim, stated, factor = QUANTITY, pre.canonical, pre.dimension, pre.name, pre.factor
        if currency and (unit is None or unit[0] != MONEY):
            kind, canon, dim, stated = MONEY, currency, "currency", currency
        if unit is not None and currency is None and lo is not None and self.low_at[unit[2]] != "of" \
                and self.low_at[end] in self.lex.currency_after_scale \
                and (lo.scaled or (self._cued(end, "british") and not self._cued(end, "weight"))):
            # "361 million pounds" is money, and so are "287,450 pounds" and "fines of a thousand pounds" in a
            # British story; "40,000 pounds of ammonia" is a mass
            unit = (MONEY, self.lex.currency_after_scale[self.low_at[end]], unit[2])
        if unit is not None:
            ukind, udef, uend = unit
            if ukind == MONEY and isinstance(udef, tuple):
                if currency is None:
                    canon, factor = udef  # a coin: "34 cents" is USD 0.34, stated in cents
                    kind, dim, stated = MONEY, "currency", ts.text[ts.start[uend - 1]: ts.end[uend - 1]]
                    end = uend
            elif ukind == MONEY:
                if currency is None or currency == udef:
                    kind, canon, dim, stated = MONEY, udef, "currency", udef
                    end = uend
                    scale = self.lex.scales.get(self.low_at[end], 0.0)
                    if scale >= 1e6 and lo is not None and not lo.scaled and low == high:
                        low, high, end = low * scale, high * scale, end + 1  # "75 USD million"
            elif currency is None:
                assert isinstance(udef, UnitDef)
                kind = PERCENT if ukind == PERCENT else QUANTITY
                factor, offset, canon, dim = udef.factor, udef.offset, udef.canonical, udef.dimension
                stated = ts.text[ts.start[end if ts.tok[end] not in _HYPHENS else end + 1]: ts.end[uend - 1]]
                end = uend
                # "two years and a half", "four hours and a quarter": a fraction after the unit
                frac = and_fraction(ts, end, self.lex) if low == high else None
                if frac is not None:
                    low, high, vague = low + frac[0], high + frac[0], False  # type: ignore[operator]
                    end = frac[1]
        extra = 0.0
        if kind in (QUANTITY, MONEY) and low == high and not vague and not offset:
            extra, end = self._smaller_units_after(end, kind, canon, factor, dim)
        value = Quantity(low * factor + offset + extra, None if high is None else high * factor + offset + extra,
                         True, True, vague, unit=canon, dimension=dim, stated_unit=stated, factor=factor, offset=offset,
                         qualifier="vague" if vague else None, precision=precision)
        return Mention(first, end, kind, value, unitless=unit is None and currency is None, of_ok=of_ok)

    def _smaller_units_after(self, end: int, kind: str, canon: str | None, factor: float,
                             dim: str | None) -> tuple[float, int]:
        """Smaller units one after another, each adding to the figure: '2 hours, 13 minutes and 44 seconds'
        -> (amount in canonical units, new end). A duration's parts may be joined by a comma ("2 hours, 35
        seconds", a race time in words); other units' only by "and" or nothing ("10 miles, 16 km" restates)."""
        total = 0.0
        while True:
            comma = dim == "time" and self.low_at[end] == "," and self.low_at[end + 1] != "and"
            extra, nxt, part_factor = self._smaller_unit_after(end + comma, kind, canon, factor)
            if nxt == end + comma:
                return total, end
            total, end = total + extra, nxt
            if not part_factor:
                return total, end  # cents end a sum of money
            factor = part_factor  # the next part must be smaller still

    def _smaller_unit_after(self, end: int, kind: str, canon: str | None, factor: float) -> tuple[float, int, float]:
        """'5 feet 2 inches', '3 dollars and 50 cents', '2 hours 30 minutes': a smaller unit of the same
        kind right after a figure adds to it -> (amount in canonical units, new end, the part's unit factor;
        0 for money)."""
        ts = self.ts
        k = end + (self.low_at[end] == "and")
        if k >= self.n or not (ts.typ[k] == NUM or ts.low[k] in self.lex.number_words or ts.low[k] in self.lex.tens):
            return 0.0, end, 0.0
        num = read_number(ts, k, self.lex)
        if num is None or num.scaled:
            return 0.0, end, 0.0
        unit = self.unit_after(num.end)
        if unit is None and kind == QUANTITY and self.low_at[num.end] in self.lex.units_compound_only:
            unit = (QUANTITY, self.lex.units_compound_only[self.low_at[num.end]], num.end + 1)  # "5 ft 2 in"
        ok_cents = kind == MONEY and unit is None and num.value == int(num.value) and 0 < num.value < 100 \
            and (ts.typ[k] != NUM or len(ts.tok[k]) == 2 or num.words) and self.low_at[end - 1] in self.currency_word_ends \
            and (num.end >= self.n or ts.tok[num.end] in (".", ",", ";", "!", "?"))
        if not ok_cents and (unit is None or unit[0] != kind):
            return 0.0, end, 0.0
        udef = unit[1] if unit is not None else None
        if kind == MONEY:
            if udef is None:  # "fifteen dollars fifty", "17 USD 25.": cents left unnamed at the end of a clause
                return (num.value * 0.01, num.end, 0.0) if ok_cents else (0.0, end, 0.0)
            if not (isinstance(udef, tuple) and udef[0] == canon):
                return 0.0, end, 0.0  # only a coin of the same currency: "3 dollars 50 cents"
            return num.value * udef[1], unit[2], 0.0
        if not isinstance(udef, UnitDef) or udef.canonical != canon or udef.offset or udef.factor >= factor:
            return 0.0, end, 0.0
        return num.value * udef.factor, unit[2], udef.factor

    def _prefix_unit(self, first: int, end: int, unit):  # type: ignore[no-untyped-def]
        """A unit usually written before its number ("magnitude 6.8", "magnitude-7.4"), also found after it
        ("a 7.4 magnitude quake", "7.4-magnitude", "7.2 on the Richter scale", where "7 degrees on the
        Richter scale" names no temperature): (unit, first, end, unit after) with the span widened."""
        low, prefixes = self.low_at, self.lex.prefix_units
        if unit is None:
            pre = prefixes.get(low[first - 1])
            if pre is not None:
                return pre, first - 1, end, unit
            if low[first - 1] in _HYPHENS and self.ts.attached(first) and prefixes.get(low[first - 2]) is not None:
                return prefixes[low[first - 2]], first - 2, end, unit
            k = first - 1
            while k > 0 and first - k <= 3 and low[k] not in prefixes and any(low[k] in v for v in self.lex.prefix_links.values()):
                k -= 1
            noun_after = end < self.n and self.ts.typ[end] == WORD and low[end] not in self.lex.stopwords
            if k < first - 1 and low[k] in self.lex.prefix_links and not noun_after and all(
                    low[x] in self.lex.prefix_links[low[k]] or low[x] == "the" for x in range(k + 1, first)):
                return prefixes[low[k]], k, end, unit  # "a magnitude of 6.9", "put the magnitude at 6.9"
            if low[first - 1] == "," and self._age_apposition(first, end) and "aged" in prefixes:
                return prefixes["aged"], first, end, unit  # "Kiptum, 23, has run": an age, as "aged 23"
        k = end
        if unit is not None:
            if unit[0] != QUANTITY or unit[1].dimension not in ("temperature", "degree"):
                return None, first, end, unit
            k = unit[2]
        elif low[k] in _HYPHENS and self.ts.attached(k + 1) if k < self.n else False:
            k += 1
        after = self.lex.prefix_suffixes
        firsts = self.lex.phrase_index("prefix_suffixes")
        for skip in (0, 1) if unit is None and low[k] in ("degree", "degrees", "point", "points") else (0,):
            if low[k + skip] not in firsts or (skip and low[k + skip] != "on"):
                continue
            length = phrase_at(low, k + skip, after, firsts, self.n + _PAD)
            if length:
                return after[tuple(low[k + skip: k + skip + length])], first, k + skip + length, None
        return None, first, end, unit

    def _age_apposition(self, first: int, end: int) -> bool:
        """A name, then a whole number between commas, then the sentence going on in lower case: the news way
        of giving an age ("Kiptum, 23, has run", "Ms Hale, 61, of Leeds", a list "Hamish Harding, 58; ..."). Not a list ("Texas, 23, Ohio, 12")
        nor a count ("In Paris, 23 people")."""
        ts, low = self.ts, self.low_at
        if end != first + 1 or first < 2 or low[first - 1] != "," or low[end] not in (",", ";") or end + 1 >= self.n:
            return False
        name, figure, after = ts.tok[first - 2], ts.tok[first], ts.tok[end + 1]
        return ts.typ[first - 2] == WORD and name[0].isupper() and figure.isdigit() and 0 < int(figure) <= 120 \
            and ((ts.typ[end + 1] == WORD and after[0].islower()) or low[end] == ";") \
            and low[first - 2] not in self.lex.months and low[first - 2] not in self.lex.weekdays

    def age(self, m: Mention, first: int, q: Quantity) -> tuple[Quantity, str | None] | None:
        """The figure as an age, when it is one however written ("aged 24", "the 24-year-old", "24 years old",
        "Okonta, 24,", "Dawood (48)", "turned 24", "younger than 5 years"), with the name of whose age it is
        when one stands beside it: ages are one kind of figure, never a duration nor a count, and the ages of
        two named people are two facts. None when it is not an age."""
        low, lex, ts = self.low_at, self.lex, self.ts
        if q.dimension == "age":
            return q, self._name_before(first) or self._name_after(m.end)
        if q.dimension == "time" and q.unit == "h":
            old = m.end + 1 if low[m.end] in _HYPHENS and ts.attached(m.end) else m.end
            if low[old] in lex.age_old or (q.stated_unit or "").lower() in lex.age_old or any(
                    tuple(low[first - len(p):first]) == p for p in lex.age_compared):
                to = lambda v: None if v is None else round(v / _HOURS_PER_YEAR, 9)  # noqa: E731
                aged = replace(q, low=to(q.low), high=to(q.high), unit="y", dimension="age", factor=1.0,
                               stated_unit="years old", precision=0.0)
                return aged, self._name_before(first) or (self._name_after(old + 1) if low[old] == "old" else None)
            return None
        if m.kind != NUMBER or not m.unitless or q.low != q.high or q.low is None or q.approximate \
                or not q.low.is_integer() or not 0 < q.low <= 120 or m.end != m.first + 1:
            return None
        prev = low[m.first - 1]
        named = self._name_before(m.first - 1) if prev == "(" and low[m.end] == ")" else None
        counts_noun = ts.typ[m.end] == WORD and low[m.end] not in lex.stopwords if m.end < self.n else False
        if (prev in lex.age_before and not counts_noun) or named:
            # "turned 24 in May" (not "turned 3 corners"); "Dawood (48)": a name, then a figure in brackets
            aged = Quantity(q.low, q.high, unit="y", dimension="age", stated_unit="years old")
            return aged, named or self._name_before(m.first - 1)
        return None

    def _name_before(self, end: int) -> str | None:
        """The proper name that ends right before `end` (after a comma or bracket between them): "Callum Reid"
        in "Callum Reid, 24,". Up to three capitalised words, none a pronoun, month or weekday ("She turned 24"),
        not after an article nor all in capitals (a party or body: "the Greens (85)", "SPD (120)")."""
        ts, low, lex, j = self.ts, self.low_at, self.lex, end
        if low[j] in (",", "("):
            pass
        elif low[j - 1] in (",", "("):
            j -= 1
        k = j
        while k > 0 and j - k < 3 and ts.typ[k - 1] == WORD and ts.tok[k - 1][:1].isupper() \
                and low[k - 1] not in lex.months and low[k - 1] not in lex.weekdays and low[k - 1] not in lex.stopwords:
            k -= 1
        if k == j or low[k - 1] in ("the", "its", "their") or all(ts.tok[x].isupper() for x in range(k, j)):
            return None  # "the Greens (85)", "SPD (120)": a party's seats, not a person's age
        return " ".join(ts.tok[k:j])

    def _name_after(self, start: int) -> str | None:
        """The proper name right after `start`: "Lena Ostrik" in "16-year-old Lena Ostrik"; a first name and a
        surname at least ("the 23-year-old Kenyan" names a nationality)."""
        ts, k = self.ts, start
        while k < self.n and k - start < 3 and ts.typ[k] == WORD and ts.tok[k][:1].isupper():
            k += 1
        return " ".join(ts.tok[start:k]) if k - start >= 2 else None

    def read_none(self, i: int) -> Mention | None:
        """'no survivors', 'no deaths were reported', 'no serious injuries': a count of zero (numbers.yaml
        `zero_nouns`); the span is "no" alone, so the noun after it is the count's subject."""
        low, lex = self.low_at, self.lex
        if low[i] != "no":
            return None
        k = i + 1 + (low[i + 1] in lex.zero_between)
        if low[k] not in lex.zero_nouns or low[i - 1] in ("with", "of") and low[k] == "missing":
            return None
        return Mention(i, i + 1, NUMBER, Quantity(0.0, 0.0), of_ok=True)

    def read_a_unit(self, i: int) -> Mention | None:
        """'a day and a half', 'half an hour', 'a mile and a half', 'a half-mile': amounts without digits, and
        'per cent of 22', whose figure follows its unit."""
        ts = self.ts
        w = ts.low[i]
        if w in self.percent_firsts:
            return self._percent_of(i)
        if w == "half" and self.low_at[i + 1] in ("a", "an"):
            u = self.unit_after(i + 2)
            if u and u[0] == QUANTITY and u[1].dimension == "time":
                return self._amount(i, u[2], 0.5, u[1])
            return None
        if w in ("a", "an") and i + 1 < self.n:
            share = _A_SHARE.get(self.low_at[i + 1])
            if share is not None:  # "a half-mile stretch", "a quarter mile", "a half-hour drive"
                k = i + 3 if self.low_at[i + 2] in _HYPHENS else i + 2
                if self.low_at[k] in _POINTS:  # "a quarter-point cut": points, read as such beside shares
                    return Mention(i, i + 2, NUMBER, Quantity(share, share, precision=0.0))
                u = self.unit_after(i + 2)
                return self._amount(i, u[2], share, u[1]) if u and u[0] == QUANTITY else None
            u = self.unit_after(i + 1)
            if u and u[0] == QUANTITY:
                frac = and_fraction(ts, u[2], self.lex)  # "an hour and a half", "a mile and a quarter"
                if frac is not None:
                    return self._amount(i, frac[1], 1 + frac[0], u[1])
                if u[1].dimension == "time" and self.low_at[i - 1] in _DURATION_BEFORE \
                        and self.low_at[i + 1] != "second":  # "for a fortnight"
                    return self._amount(i, u[2], 1.0, u[1])
                if u[1].dimension in _ONE_OF and self.low_at[i - 1] in _ONE_BEFORE:
                    return self._amount(i, u[2], 1.0, u[1])  # "within a mile", "up to a kilometre", "about a tonne"
        return None

    def _percent_of(self, i: int) -> Mention | None:
        """'Per cent of 22', 'percent of ten': a share that names its figure after "of", as a heading, a table
        cell or a list item writes it. Only where the phrase opens its line or clause and the figure ends it:
        "the percent of 18-year-olds", "what percent of 10 schools" and "30 per cent of 210" are not it."""
        ts = self.ts
        if i > self.start_token and ts.typ[i - 1] != SYM and not ts.newline_before[i]:
            return None
        u = self.unit_after(i)
        if u is None or u[0] != PERCENT or u[1].dimension != "proportion" or self.low_at[u[2]] != "of":
            return None
        num = read_number(ts, u[2] + 1, self.lex) if u[2] + 1 < self.n else None
        if num is None or num.scaled or (num.end < self.n and not ts.newline_before[num.end] and (
                ts.typ[num.end] != SYM or ts.tok[num.end] in _HYPHENS or ts.tok[num.end] == "%")):
            return None
        v = num.value
        return Mention(i, num.end, PERCENT, Quantity(v, v, dimension="proportion", unit="%", stated_unit="%",
                                                     precision=num.precision), unitless=False)

    def _amount(self, first: int, end: int, value: float, udef: UnitDef, kind: str = QUANTITY) -> Mention:
        """A figure without digits ("an hour and a half", "a half percent") in its unit."""
        v = value * udef.factor + udef.offset
        stated = udef.canonical if kind == PERCENT else udef.name + "s"
        return Mention(first, end, kind, Quantity(v, v, unit=udef.canonical, dimension=udef.dimension,
                                                  stated_unit=stated, factor=udef.factor, offset=udef.offset),
                       unitless=False)


def _scale_of(num: Num) -> float:
    """The scale multiplier applied to a Num (1.5 million -> 1e6)."""
    for s in (1e12, 1e9, 1e6, 1e3, 1e2):
        if num.value >= s and (num.value / s) < 1000:
            return s
    return 1.0


def _clock_value(minutes: int, half_known: bool = True, zone: str | None = None) -> Quantity:
    """A clock time in minutes after midnight, with its zone (checker/zones.py); one that may be either half of
    the day (no a.m./p.m.) is stated on the twelve-hour dial (CLOCK12): it is compared with either reading."""
    return Quantity(float(minutes), float(minutes), unit="min", dimension="time-of-day",
                    stated_unit="min" if half_known else CLOCK12, zone=zone)


def _apply_qualifier(q: Quantity, qual) -> Quantity:  # type: ignore[no-untyped-def]
    """Turn the stated figure into the interval the qualifier means (its bound comes from rules/qualifiers)."""
    bound, inclusive, phrase = qual.bound, qual.inclusive, qual.phrase
    lo, hi = q.low, q.high
    lean = {"approximate-below": "below", "approximate-above": "above"}.get(bound, "")
    args = dict(unit=q.unit, dimension=q.dimension, stated_unit=q.stated_unit, factor=q.factor, offset=q.offset,
                qualifier=phrase, precision=q.precision, lean=lean, zone=q.zone)
    if bound == "lower":
        return Quantity(lo, None, inclusive, True, False, **args)
    if bound == "upper":
        return Quantity(None, hi, True, inclusive, False, **args)
    return Quantity(lo, hi, True, True, True, **args)


def _build_triggers(lex: Lexicon) -> frozenset[str]:
    words = set(lex.months) | set(lex.weekdays) | set(lex.seasons) | set(lex.number_words) | set(lex.tens)
    words |= set(lex.ordinals) | set(lex.fractions)  # scale words and "dozen" never begin a number
    words |= {k[0] for k in lex.vague} | {k[0] for k in lex.month_parts} | {k[0] for k in lex.year_parts}
    words |= {k[0] for k in lex.relative_days} | {k[0] for k in lex.currency_symbols} | {k[0] for k in lex.holidays}
    words |= {"week", "year", "current"}  # "the week of April 10", "year to date", "the current quarter"
    words |= decade_words(lex)  # "the nineties"
    words |= {"a", "an", "half", "last", "this", "next", "past", "previous", "coming", "earlier", "later", "ago",
              "weekend", "noon", "midday", "midnight", "minus", "negative", "q", "h", "hundred", "no"}
    words |= {k[0] for k in lex.ranks_from_end}  # "penultimate", "third from last"
    words |= {k[0] for k, u in lex.percent_units.items() if u.dimension == "proportion" and k[0].isalpha()}  # "per cent of 22"
    return frozenset(w.lower() for w in words) - {"the", "-"}  # common; tested with what follows them


def _build_article_next(lex: Lexicon) -> frozenset[str]:
    """Words after which "a"/"an" can begin a mention, one line per reader that accepts an article:
    tests/test_extract.py checks the walk finds the same mentions without this filter."""
    words = set(lex.scales) | set(lex.multipliers)                      # read_number: "a dozen", "a million"
    words |= {k[1] for k in lex.vague if len(k) > 1 and k[0] in ("a", "an")}  # read_vague: "a few hundred"
    words |= set(lex.fractions) | set(lex.ordinals) | set(lex.tens)     # read_proportion: "a third of", "a twenty-first"
    words |= set(lex.phrase_index(*FIGURE_UNIT_TABLES)) | set(_HYPHENS)  # read_a_unit: "an hour and a half"
    words |= {"day", "days", "week", "weeks", "month", "months", "year", "years"}  # parse_date: "a week ago"
    for table in (lex.relative_days, lex.month_parts):                  # parse_date: phrases led by "a"
        words |= {k[1] for k in table if len(k) > 1 and k[0] in ("a", "an")}
    return frozenset(w.lower() for w in words)


def _triggers(lex: Lexicon) -> frozenset[str]:
    """Lower-cased words that can begin a mention; every other word is skipped at once."""
    return lex.derived("triggers", _build_triggers)


def extract(text: str, published: dt.date | str | None = None, *, source: str = "doc", lexicon: Lexicon | None = None,
            body_start: int = 0, features: bool = False, year_hint: int | None = None) -> list[Claim]:
    """Every numeric and date mention of `text` as Claims, in text order.

    `published` (a date, a datetime or an ISO string such as "2025-09-15" or "2025-09-15T09:00:00Z") anchors
    relative dates; without it, the latest explicit year in the text anchors bare
    month-days and seasons, and bare weekdays stay unresolved. `features=True` also records what the
    comparator lines claims up by (event words, context, the time a figure refers to); the values are the
    same either way.
    """
    published, lex = as_date(published), lexicon or default_lexicon()
    budget = reading_budget(len(text))
    with paused_gc():
        if len(text) <= CHUNK_CHARS:
            claims, stopped, _ = _extract(text, published, source, lex, body_start, features, budget,
                                          year_hint=year_hint)
        else:
            claims, stopped = _extract_chunks(text, published, source, lex, body_start, features, budget, year_hint)
    if stopped is not None:
        import warnings

        warnings.warn(DenseText(budget, stopped), stacklevel=2)
    if any(c.kind == TIME for c in claims):
        local = local_offset(claims, text)  # "Times are Saltmere local time (UTC-3)"
        if local is not None:
            claims = with_local(claims, local)
        elif any(c.kind == TIME and getattr(c.value, "zone", None) == LOCAL for c in claims):
            # "12:25 a.m. local time" in a story set in Mexico: the zone of the place it names most
            place = place_offset(text, lex, published)
            if place is not None:
                claims = with_local(claims, place, marked_only=True, mark="@")
    return claims


CHUNK_CHARS = 256_000  # a longer text is read a piece at a time (cut at a paragraph), so memory stays flat


def _cut(text: str, start: int) -> int:
    """Where the piece starting at `start` ends: the last paragraph break in its second half, else the last
    line break, else the last space, else CHUNK_CHARS on."""
    hard = start + CHUNK_CHARS
    if hard >= len(text):
        return len(text)
    for sep in ("\n\n", "\n", " "):
        k = text.rfind(sep, start + CHUNK_CHARS // 2, hard)
        if k > start:
            return k + len(sep)
    return hard


def _extract_chunks(text: str, published: dt.date | None, source: str, lex: Lexicon, body_start: int,
                    features: bool, budget: int, year_hint: int | None = None) -> tuple[list[Claim], int | None]:
    """A long text (a book, a day's transcript, a data dump) read piece by piece: the tokens of one piece
    at a time are held (not tens of millions at once). Each piece's claims carry the whole text's offsets
    and ids that go on from the piece before. A piece without `published` takes its reference year from its
    own years."""
    out: list[Claim] = []
    start = 0
    while start < len(text) and budget > 0:
        end = _cut(text, start)
        # claims come out with the whole text's offsets and ids numbered on from the piece before: no copies
        number = int(out[-1].id.rpartition(":")[2]) + 1 if out else 1
        claims, stopped, tried = _extract(text[start:end], published, source, lex, max(0, body_start - start),
                                          features, budget, offset=start, first_number=number, year_hint=year_hint)
        out += claims
        if stopped is not None:
            return out, stopped + start
        budget -= tried
        start = end
    return out, None


TRIES_BASE, CHARS_PER_TRY = 2000, 40  # news text starts the readers once per ~55 characters (a results table: ~1 per 20)
TRIES_MAX = 250_000  # 16 MB of running text; each claim holds ~5 KB (its sentence, value, context)


def reading_budget(chars: int) -> int:
    """How many times the readers may start on a text of `chars` characters. Each start costs ~30 us, so a
    text packed with figures ("1,1,1,...", "2-1 2-1 ...") would cost 20x running text per byte; past this
    budget it is a data dump, not an article, and reading stops (with a DenseText warning). The cap keeps
    the claims of any one file, and so memory, bounded."""
    return min(TRIES_MAX, TRIES_BASE + chars // CHARS_PER_TRY)


class DenseText(UserWarning):
    """A text held more possible figures than `reading_budget` allows; the ones after `offset` were not read."""

    def __init__(self, budget: int, offset: int) -> None:
        super().__init__(f"more than {budget:,} places that may hold a figure (over one per {CHARS_PER_TRY} "
                         f"characters): not running text; figures after character {offset:,} were not read")
        self.budget, self.offset = budget, offset


def _extract(text: str, published: dt.date | None, source: str, lex: Lexicon, body_start: int,
             features: bool, budget: int, offset: int = 0, first_number: int = 1,
             year_hint: int | None = None) -> tuple[list[Claim], int | None, int]:
    """Claims of a text, the offset where reading stopped when `budget` reader starts ran out (else None),
    and how many starts it used. A piece of a longer text gives its `offset` in it, added to every claim's
    offsets, and the number its claim ids begin at."""
    ts = tokenize(text)
    n = ts.n
    spans = sentence_spans(ts, body_start)
    sents = Sentences(text, spans)
    i = ts.index_at(body_start)
    start_token = i
    w = _Walker(ts, lex, start_token)
    mentions: list[Mention] = []
    triggers = _triggers(lex)
    typ, low, low_at = ts.typ, ts.low, w.low_at
    # the tokens a mention can begin at -- numbers, trigger words, a minus sign, "the" -- picked out in C;
    # the Python loop below never sees the other three tokens in four
    starters = lex.derived("starters", lambda x: _triggers(x) | {"-", "−", "the"})
    article_next = lex.derived("article_next", _build_article_next)
    candidates = compress(range(n), map(or_, map(NUM.__eq__, typ), map(starters.__contains__, low)))
    pos = start_token  # the first token not yet read (front matter and mentions already read lie before)
    tried = 0
    stopped = None
    for i in candidates:
        if i < pos:
            continue
        t = typ[i]
        m: Mention | None = None
        if t != NUM and low[i] not in triggers:
            w_ = low[i]
            if not ((w_ in ("-", "−") and i + 1 < n and typ[i + 1] == NUM and ts.attached(i + 1))
                    or (w_ == "the" and low_at[i + 1] in ("day", "weekend"))):
                continue
        elif t == WORD and low[i] in ("a", "an") and low_at[i + 1] not in article_next:
            continue  # the commonest word of all begins a mention only before a few words
        if t == NUM and w.skip_number(i):
            continue
        tried += 1
        if tried > budget:
            stopped = ts.start[i]
            break
        # "(2010 GMT)": a wire's clock time, not the year 2010
        wire_time = t == NUM and low_at[i + 1] in _TIME_ZONES and len(ts.tok[i]) == 4
        got = parse_date(ts, i, lex) if t != SYM and not wire_time else None
        if got is not None:
            expr, first, end = got
            m = Mention(first, end, DATE, date=expr)
        if m is None:
            if t == NUM:
                # only the readers a number followed by this token can start
                nxt = low_at[i + 1]
                if nxt in _TIME_NEXT:
                    m = w.read_time(i)
                if m is None and nxt in _ORDINAL_SUFFIX and ts.attached(i + 1):
                    m = w.read_ordinal(i)
                if m is None:
                    m = w.read_quantity(i)
            else:
                m = w.read_time(i) or w.read_ordinal(i) or w.read_proportion(i) or w.read_a_unit(i) \
                    or w.read_none(i) or w.read_quantity(i)
        if m is None or m.end <= i:
            continue
        if m.kind != "skip":
            mentions.append(m)
        pos = m.end
    if "://" in text or "www." in text:
        mentions = _outside_links(mentions, ts, text)
    mentions = _with_changes(mentions, ts, lex)
    claims = _to_claims(mentions, w, sents, published, source, text, features, offset, first_number, year_hint)
    if "|" in text or "**" in text:  # a figure in a Markdown table cell or after a bold list label
        claims = place(claims, text, offset, lex, lambda t: extract(t, published, lexicon=lex))
    return _join_bounds(claims, text, offset), stopped, tried


_DATE_LINKS = frozenset(("at", "in", "during", "of", "the", "a", "its"))  # a figure's year after it: "at the 2022 race"
_ORDINAL_DETERMINERS = frozenset(("the", "its", "their", "his", "her", "our", "this", "a", "an"))
# before a slash pair, words that make it a day and month ("on 3/4", "posted 3/4"), never a fraction
_SLASH_DATE_BEFORE = DAY_OF_MONTH_PREPS | {"to", "through", "dated", "updated", "posted"}
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
_NEVER_NEGATIVE = frozenset(("length", "mass", "area", "volume", "data"))  # a "-" before these is a dash
_BOUND_JOINERS = frozenset(("and", "but", ",", "and,", "but,"))


def _join_bounds(claims: list[Claim], text: str, offset: int = 0) -> list[Claim]:
    """'more than 100 and fewer than 300', 'at most 100 and at least 20', 'above 1,000 but below 1,500': a
    lower and an upper bound joined by "and"/"but" state one interval, one claim. Neighbours more than a few
    characters apart are passed first: the test every pair of claims meets."""
    out: list[Claim] = []
    n = len(claims)
    k = 0
    while k < n:
        a = claims[k]
        k += 1
        if k < n:
            b = claims[k]
            if b.start - a.end <= 8 and a.kind == b.kind and a.kind in _BOUNDED_KINDS:
                joined = _joined(a, b, text, offset)
                if joined is not None:
                    out.append(joined)
                    k += 1
                    continue
        out.append(a)
    return out


_BOUNDED_KINDS = frozenset((NUMBER, QUANTITY, MONEY, PERCENT))


def _joined(a: Claim, b: Claim, text: str, offset: int) -> Claim | None:
    """Claims a and b as one interval when one is a lower and the other an upper bound of the same measure
    (`offset`: where `text` begins in the text the claims' offsets count in)."""
    qa, qb = a.value, b.value
    if not (isinstance(qa, Quantity) and isinstance(qb, Quantity)) or (qa.high is None) == (qb.high is None):
        return None
    gap = " ".join(text[a.end - offset: b.start - offset].lower().replace(",", " , ").split())
    lower, upper = (qa, qb) if qa.high is None else (qb, qa)
    if gap in _BOUND_JOINERS and lower.high is None and lower.low is not None and upper.low is None \
            and upper.high is not None and lower.low < upper.high and qa.dimension == qb.dimension \
            and qa.unit in (qb.unit, None) and a.sentence_start == b.sentence_start:
        value = replace(upper if qa.unit is None else qa, low=lower.low, high=upper.high,
                        low_inclusive=lower.low_inclusive, high_inclusive=upper.high_inclusive,
                        qualifier="between", approximate=False, lean="")
        return replace(a, end=b.end, text=text[a.start - offset: b.end - offset], value=value,
                       subject=a.subject or b.subject, subject_key=a.subject_key or b.subject_key)
    return None


_URL_END = frozenset(' \t\r\n<>"\')]')
_URL_TAIL = re.compile(r"[^ \t\r\n<>\"')\]]*")  # the rest of an address: what _URL_END does not hold


def _link_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of web addresses, found from their "://" or "www.", in order and without overlap
    ("https://www.x" is one address). str.find and the tail match run in C; only the short scheme before a
    marker is walked back."""
    spans = []
    for marker in ("://", "www."):
        k = text.find(marker)
        while k != -1:
            a = k
            while a > 0 and text[a - 1] not in _URL_END and text[a - 1] != "(":
                a -= 1
            b = _URL_TAIL.match(text, k + len(marker)).end()
            spans.append((a, b))
            k = text.find(marker, b)
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _outside_links(mentions: list[Mention], ts: Tokens, text: str) -> list[Mention]:
    """A figure inside a web address ("?id=305&q=30%25") is part of the address, not a claim. Mentions and
    addresses are both in text order: one forward pass."""
    links = _link_spans(text)
    if not links:
        return mentions
    out = []
    k, last = 0, len(links)
    start = ts.start
    for m in mentions:
        at = start[m.first]
        while k < last and links[k][1] <= at:
            k += 1
        if k == last or at < links[k][0]:
            out.append(m)
    return out


def _with_changes(mentions: list[Mention], ts: Tokens, lex: Lexicon) -> list[Mention]:
    """A share's move from one level to another ("rose from 20% to 22%", "fell from 24% to 18%") states a change
    of its own, in percentage points (2): another report may give only that ("up two points"). The change is
    added as a mention spanning both levels, before them. A verb of moving must come before "from" ("forecasts
    range from 2% to 3%" is a range)."""
    out: list[Mention] = []
    for k, m in enumerate(mentions):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if nxt is not None and m.kind == nxt.kind == PERCENT and m.value is not None and nxt.value is not None \
                and m.value.dimension == nxt.value.dimension == "proportion" and m.value.low == m.value.high \
                and nxt.value.low == nxt.value.high and m.value.low is not None and nxt.value.low is not None \
                and m.first > 1 and ts.low[m.first - 1] == "from" and ts.low[m.first - 2] in lex.change_before \
                and nxt.first == m.end + 1 and ts.low[m.end] == "to":
            d = round(abs(nxt.value.low - m.value.low), 9)
            out.append(Mention(m.first, nxt.end, PERCENT, Quantity(d, d, unit="pp", dimension="rate-change",
                                                                   stated_unit="percentage points",
                                                                   precision=max(m.value.precision, nxt.value.precision)),
                               unitless=False, derived=True))
        out.append(m)
    return out


def _sentence_of(mentions: list[Mention], ts: Tokens, sents: Sentences) -> list[int]:
    """The sentence index of each mention, in one forward pass (both are in text order)."""
    starts = sents._starts
    out = []
    k = 0
    last = len(starts) - 1
    for m in mentions:
        offset = ts.start[m.first]
        while k < last and starts[k + 1] <= offset:
            k += 1
        out.append(k)
    return out


def _reference_year(mentions: list[Mention], published: dt.date | None, w: "_Walker",
                    year_hint: int | None = None) -> int | None:
    """The year a source's bare dates fall in: its published date's; else the years it names as its own
    ("fiscal 2024 second quarter"); else, in a story of several sources, the year of its dated sources
    (`year_hint`) unless it names that year or a later one, never a year named in passing ("since the 1997
    floods", "the 2019 storm", "a 2022 surge")."""
    items = []
    low, typ = w.low_at, w.ts.typ
    for m in mentions:
        e = m.date
        if e and e.explicit_year:
            # in passing: the start of a period ("since 1997") or a year naming another event ("the 2019 floods")
            passing = _since_before(w.ts, m.first) or (
                e.kind == "year" and low[m.first - 1] in ("the", "a", "an", "its", "their", "his", "her", "s")
                and m.end < w.n and typ[m.end] == WORD and low[m.end] not in w.lex.stopwords)
            items += [(y, passing) for y in (e.year, e.year2) if y]
    if published is None and year_hint and not any(not passing and y >= year_hint for y, passing in items):
        # an undated report of the story names only earlier years ("in 2022, 14 were treated there"): background;
        # its own dates fall in the year of the story's dated reports
        return year_hint
    return reference_year_of(published, items)


def _to_claims(mentions: list[Mention], w: _Walker, sents: Sentences, published: dt.date | None,
               source: str, text: str, with_features: bool = True, offset: int = 0,
               first_number: int = 1, year_hint: int | None = None) -> list[Claim]:
    ts, lex = w.ts, w.lex
    claims: list[Claim] = []
    # sentence index per mention, and which sentences carry a date (for times of day) or explicit years
    sent_of = _sentence_of(mentions, ts, sents)
    ref_year = _reference_year(mentions, published, w, year_hint)
    date_sents: set[int] = set()
    years_in: dict[int, list[tuple[int, int, int]]] = {}
    spans_of: dict[int, object] = {}
    share_sents = {sent_of[k] for k, m in enumerate(mentions) if m.kind == PERCENT}  # for "points" (of a percent)
    for k, m in enumerate(mentions):
        if m.kind == DATE:
            date_sents.add(sent_of[k])
            e = m.date
            if with_features and e and e.explicit_year and e.year:  # years_in serves alignment only
                since = _since_before(ts, m.first)
                years_in.setdefault(sent_of[k], []).append((k, e.year, e.year2 or e.year, since))
    future_cache: dict[int, bool] = {}
    features: dict[int, tuple] = {}
    tok_bounds: dict[int, tuple[int, int]] = {}
    # resolve every date first: a figure's clause may carry a date that comes after it
    references = {ahead: Reference(published, ref_year, ahead) for ahead in (False, True)}
    for k, m in enumerate(mentions):
        if m.kind == DATE:
            sidx = sent_of[k]
            if sidx not in future_cache:
                bounds = tok_bounds.get(sidx)
                if bounds is None:
                    s_a, s_b = sents.spans[sidx] if sents.spans else (0, len(text))
                    bounds = tok_bounds[sidx] = (ts.index_at(s_a), ts.index_at(s_b))
                future_cache[sidx] = _looks_ahead(ts, bounds[0], bounds[1], lex)
            ahead = future_cache[sidx] and not _told_in_past(ts, m.first, lex)
            span = resolve(m.date, references[ahead])
            if span is not None:
                spans_of[k] = span
    prev_subject: dict[int, str | None] = {}
    first_in_sentence: dict[int, int] = {}  # sentence -> its first claim's mention index
    last_figure: dict[int, tuple[int, tuple[tuple[str, str], ...]]] = {}  # sentence -> its last figure's end, aspects
    counter = first_number - 1
    # claim ids are assigned in mention order, so a date can name the figures of its clause
    ids: dict[int, str] = {}
    for k, m in enumerate(mentions):
        sidx = sent_of[k]
        s_a, s_b = sents.spans[sidx] if sents.spans else (0, len(text))
        bounds = tok_bounds.get(sidx)
        if bounds is None:
            bounds = tok_bounds[sidx] = (ts.index_at(s_a), ts.index_at(s_b))
        lo_tok, hi_tok = bounds
        if m.kind == TIME and sidx not in date_sents and not m.marked:
            continue
        qual = w.qualifier_before(m.first) if m.kind not in (DATE, ORDINAL) else None
        first = m.first
        rate = None
        if m.kind == DATE:
            span = spans_of.get(k)
            if span is None:
                continue
            value = span
            subject = None
        else:
            q = m.value
            assert q is not None
            if qual is not None and q.dimension == "time" and qual[0].phrase in ("over", "under") \
                    and w.low_at[qual[1] - 1] not in ("for", "after", "lasting", "lasted", "took", "of", "in", "spent") \
                    and q.stated_unit != "years of age" and w.low_at[m.end] != "old":  # "under age 5", "over 30 years old"
                qual = None  # "12 percent over two years": a period, not a bound
            if qual is not None and q.qualifier != "vague" and q.low == q.high:
                q = _apply_qualifier(q, qual[0])
                first = qual[1]
            end_q = w.qualifier_after(m.end) if q.low == q.high else None
            if end_q is not None:
                q = _apply_qualifier(q, end_q[0])
                m.end = end_q[1]
            aged = w.age(m, first, q) if m.kind in (NUMBER, QUANTITY) else None
            holder = None
            if aged is not None:
                (q, holder), m.kind, m.unitless = aged, QUANTITY, False
            value = q
            subject = None
            if m.kind in (NUMBER, QUANTITY, MONEY, PERCENT, ORDINAL):
                subject, after_subject = subject_after(ts, m.end, lex, allow_of=not m.unitless or m.of_ok,
                                                        noun_next=m.kind == ORDINAL, hi=hi_tok)
                rate = _rate_after(w, after_subject if subject else m.end)
                if subject and subject.split()[0] in lex.anaphora:
                    subject = prev_subject.get(sidx) or subject
                if subject is None and m.kind != ORDINAL:
                    # a figure with a verb of its own ("405 were trapped") takes only a subject right before it
                    # ("troops numbering 11,000 were sent"), not one further back ("the injured at 1,099 and 15
                    # were missing")
                    own_verb = m.kind == NUMBER and w.low_at[m.end] in _OWN_VERB
                    subject = subject_before(ts, first, lo_tok, lex, measured=m.kind != NUMBER, adjacent=own_verb)
                if m.kind == NUMBER and m.unitless and _bare_noise(ts, m, lex) and (
                        subject is None or w.low_at[m.end] == "of" or w.low_at[m.first - 1] == "no"):  # "no one else"
                    continue
            if holder:
                subject = holder  # an age's subject is whose age it is
            if m.kind == NUMBER and subject and subject.split()[-1].lower() in _POINTS \
                    and (sidx in share_sents or sidx - 1 in share_sents):
                # "rose six points", "a three-point increase", "1.4 points higher" beside shares: percentage points
                value = q = replace(q, unit="pp", dimension="rate-change", stated_unit="points")
                m.kind, subject = PERCENT, None
            if subject:
                prev_subject[sidx] = subject
        rest_of_group = m.kind == NUMBER and sidx not in first_in_sentence
        first_in_sentence.setdefault(sidx, k)
        role = None if m.derived else w.role(first) or (
            w.year_before(m.end) if w.low_at[m.end] in w.previous_after_firsts and m.kind in (NUMBER, QUANTITY, MONEY) else None)
        start, end = ts.start[first], ts.end[m.end - 1]
        counter += 1
        cid = ids[k] = f"{source}:{counter}"
        sentence, key = sents.sentence(start, end, index=sidx), subject_key(subject, lex)
        if not with_features:
            # every field positionally (the order declared in values.Claim): a quarter cheaper than by keyword,
            # and this runs once per claim
            claims.append(Claim(cid, source, start + offset, end + offset, text[start:end], sentence, m.kind, subject,
                                value, key, (), (), None, None, False, False, None, (), role, s_a + offset, rate, ref_year))
            continue
        # what the comparator lines claims up by: events and words near the figure, the time it refers to
        feats = features.get(sidx)
        if feats is None:
            feats = features[sidx] = sentence_features(ts, lo_tok, hi_tok, lex)
        years = when = None
        if m.kind != DATE and sidx in date_sents:
            when = _when(ts, mentions, spans_of, k, first, m.end, published, ref_year, lo_tok, hi_tok)
        if m.kind != DATE and sidx in years_in:
            near = years_in[sidx]
            near = near[bisect.bisect_left(near, (k - 6,)): bisect.bisect_left(near, (k + 7,))]
            # "since 1997" runs to the present, unless the figure is the object of the dated thing's own verb:
            # "since a 1960 tsunami killed 61 people" (61 is 1960's figure; "since 2020, 500 died" runs on)
            spans_y = [(a, (ref_year or a) if since and not (kk < k and _own_clause(ts, mentions[kk].end, first)) else b)
                       for (kk, a, b, since) in near if kk != k and _same_clause(ts, mentions[kk], first, m.end)]
            if spans_y:
                years = (min(a for a, _ in spans_y), max(b for _, b in spans_y))
        claims.append(Claim(
            cid, source, start + offset, end + offset, text[start:end], sentence, m.kind, subject, value,
            subject_key=key, role=role, sentence_start=s_a + offset, rate=rate, ref_year=ref_year,
            # a date modifies its whole clause, so it looks further for the event and the words around it
            events=events_near(feats, first, m.end, back=30 if m.kind == DATE else 10, after_first=m.kind != DATE),
            context=context_words(feats, first, m.end, reach=20 if m.kind == DATE else 10), years=years, when=when,
            increment=_increment(ts, first, m.end, lex),
            # "Four others are presumed dead" with no earlier figure in its sentence: the rest of a group
            part=_part(ts, first, m.end, lex) or (w.low_at[m.end] == "others" and rest_of_group),
            tight=tight_event(feats, first, m.end, reach=3, reports=False) if m.kind != DATE
            else tight_event(feats, first, m.end, reach=8, reports=True, after_first=False),
            anchors=_anchors(ts, mentions, k, first, m.end, lo_tok, hi_tok) if m.kind == DATE else (),
            trait=share_trait(ts, m.end, hi_tok, lex) if m.kind == PERCENT else frozenset(),
            aspects=_aspects(ts, first, m.end, lo_tok, hi_tok, lex, last_figure.get(sidx), m.kind) if m.kind != DATE else ()))
        if m.kind != DATE:
            last_figure[sidx] = (m.end, claims[-1].aspects)
    # anchors were mention indices; name the claims instead
    return [replace(c, anchors=tuple(ids[k] for k in c.anchors if k in ids)) if c.anchors else c for c in claims]


def _when(ts: Tokens, mentions: list[Mention], spans_of: dict, k: int, first: int, end: int,
          published: dt.date | None, ref_year: int | None, lo: int = 0, hi: int = 1 << 60) -> tuple[int, int] | None:
    """The days a figure refers to: the dates in its clause ("sent 3,000 in January and February").
    Dates come before the figure in the mention list when earlier, so look at both neighbours."""
    days: list[tuple[int, int]] = []
    for kk in range(max(0, k - 4), min(len(mentions), k + 5)):
        span = spans_of.get(kk)
        other = mentions[kk]
        if span is None or other.kind != DATE or not span.start or not lo <= other.first < hi \
                or not _same_clause(ts, other, first, end):
            continue
        a, b = span.start.toordinal(), span.end.toordinal()
        if _since_before(ts, other.first):
            b = published.toordinal() if published else dt.date(ref_year or span.end.year, 12, 31).toordinal()
        days.append((a, b))
    if not days:
        return None
    return min(a for a, _ in days), max(b for _, b in days)


# verbs after which an ordinal is a placing: "finished second", "came third", "ranked fourth"
_RANK_VERBS = frozenset(("finished", "finishes", "finish", "came", "comes", "placed", "places", "ranked", "ranks",
                         "ranking", "rated", "seeded", "crossed"))
# "Abdi was third in 2:04:32", "the team is second, behind": a place after "was" or "is" only before what ends or
# places it ("was first detected" is an adverb)
_COPULAS = frozenset(("was", "is", "were"))
_PLACE_AFTER = frozenset(("in", "at", "on", "with", "behind", "after", "place", "overall", "again"))

_SINCE_GAP = frozenset(("the", "a", "its", "their", "early", "late", "mid", "last"))


def _since_before(ts: Tokens, first: int) -> bool:
    """A date that starts a running period ("since July 1", "since the March 2023 invasion", "since early
    2023"): the figure beside it counts up to the present, it is not a past figure."""
    k = first - 1
    while k >= 0 and first - k <= 3:
        if ts.low[k] == "since":
            return True
        if ts.low[k] not in _SINCE_GAP:
            return False
        k -= 1
    return False


def _anchors(ts: Tokens, mentions: list[Mention], k: int, first: int, end: int, lo: int, hi: int) -> tuple[int, ...]:
    """Mention indices of the figures in a date's clause ("sent 3,000 soldiers in January and February")."""
    out = []
    for kk in range(max(0, k - 3), k):  # a time adverbial attaches to the figures before it
        other = mentions[kk]
        if other.kind not in (DATE, TIME, "skip") and lo <= other.first < hi and first - other.end <= 10 \
                and _same_clause(ts, other, first, end):
            out.append(kk)
    return tuple(out)


_SENTENCE_ENDS = frozenset((".", "!", "?"))
_A_SHARE = {"half": 0.5, "quarter": 0.25}  # "a half-mile", "a quarter-century"
_HALF_PLACES = frozenset(("first", "second", "latter", "former", "last", "final", "opening", "closing", "early",
                          "late"))  # "the second half of the match": a part of the time, not a share
_HALF_DETERMINERS = frozenset(("the", "its", "their", "his", "her", "our", "your", "all", "these", "those", "this",
                               "that", "my"))


def _rate_after(w: "_Walker", k: int) -> str | None:
    """'300,000 rounds a month', '$5 million a year', '25,000 cars per day', 'visits daily': a figure per
    unit of time is a rate, another fact than a total (units.yaml `rates`)."""
    pt = w.lex.per_time
    if w.low_at[k] not in pt.starts:
        return None  # (the commonest case, told before any call)
    got = pt.after(w.low_at, k) if k < w.n else None
    return None if got is None else got[0].name


def _aspects(ts: Tokens, first: int, end: int, lo: int, hi: int, lex: Lexicon,
             last: tuple[int, tuple[tuple[str, str], ...]] | None = None, kind: str = QUANTITY
             ) -> tuple[tuple[str, str], ...]:
    """What kind of figure this is: 'the highest minimum temperature of 25.8C' -> (statistic, minimum); 'guided to
    revenue of $11 billion' -> (expectation, expected); 'up 101% year over year' -> (basis, year). The nearest
    phrase in each aspect's window, within the clause (subjects.yaml `aspects`). A figure that only qualifies
    the one before it ("$11 billion, a rise of 64% ... and 53% sequentially") is of that one's kind."""
    low = ts.low
    out = []
    gap = low[last[0]:first] if last is not None and first - last[0] <= 5 else ()
    joined = ("," in gap or "and" in gap) and not any(w in _SENTENCE_ENDS or w == ";" for w in gap)
    inherited = dict(last[1]) if joined and last is not None else {}  # (gap empty when last is None)
    for a in lex.aspects:
        if a.kinds and kind not in a.kinds:
            continue
        got = None
        for window, stop in ((range(first - 1, max(lo, first - a.before) - 1, -1), first),
                             (range(end, min(hi, end + a.after)), min(hi, end + a.after))):
            if got is not None or not window or a.firsts.keys().isdisjoint(low[min(window):max(window) + 1]):
                continue  # (the commonest case, told in one test)
            for k in window:  # nearest first
                if ts.typ[k] == NUM or low[k] in _CLAUSE_MARKS:
                    break
                length = phrase_at(low, k, a.phrases, a.firsts, stop)
                if length:
                    got = a.phrases[tuple(low[k:k + length])]
                    break
        if got is None and a.sentence:
            # "On the projection, Labour would take 410 seats": a word of the whole sentence
            for k in range(lo, hi):
                length = phrase_at(low, k, a.sentence, a.sentence_firsts, hi)
                if length:
                    got = a.sentence[tuple(low[k:k + length])]
                    break
        if got is None and inherited.get(a.kind, "plain") != "plain":
            got = inherited[a.kind]
        if got is not None or a.plain:
            out.append((a.kind, got or "plain"))
    return tuple(out)


_CLAUSE_MARKS = frozenset((",", ";", ":", ".", "(", ")"))


def _part(ts: Tokens, first: int, end: int, lex: Lexicon) -> bool:
    """A figure that is part of a larger one: '180 of them', 'including nearly 8,000 hectares'."""
    return bool((end < ts.n and phrase_at(ts.low, end, lex.parts_after, lex.phrase_index("parts_after"), ts.n))
                or (first >= 1 and phrase_before(ts.low, first, lex.parts_before,
                                                 lex.phrase_index("parts_before", edge=-1))))


def _increment(ts: Tokens, first: int, end: int, lex: Lexicon) -> bool:
    """'an additional 3,000', 'another 500', 'more troops (1,000-3,000)'."""
    for k in range(first - 1, max(-1, first - 5), -1):
        w = ts.low[k]
        if w in lex.increments:
            if ts.tok[k][:1].isupper() and k + 1 < ts.n and ts.tok[k + 1][:1].isupper():
                return False  # a name: "Papua New Guinea", "New York", "Fresh Meadows"
            return not (w == "more" and k + 1 < ts.n and ts.low[k + 1] == "than")
        if w in (".", ";", ":") or ts.typ[k] == NUM:
            return False
    return False


_CLAUSE_OPENERS = frozenset(("when", "which", "where", "that", "who", "whose"))


def _own_clause(ts: Tokens, date_end: int, first: int) -> bool:
    """Words and no break between a date and a figure after it: the figure belongs to what the date names
    ("a 1960 tsunami killed 61"), not to a period the date opens ("since 2020, 500 died", "since 2020 500 died")."""
    return first - date_end >= 2 and not any(ts.tok[k] in (",", ";", "(", ")", "-", "—", ":") for k in range(date_end, first))


def _same_clause(ts: Tokens, other: Mention, first: int, end: int) -> bool:
    """Does a year mention date this figure? 'the floods of 1997, when 240 people died': yes;
    'The plant, built in 1987, employs 1,150 people': no (a parenthetical closes before the figure)."""
    if other.end <= first:
        # a bracket that closes right after the figure ("troops (1,000-3,000) to Russia") is not a break
        lo = other.end + 1 if other.end < ts.n and ts.tok[other.end] == ")" else other.end
        commas = [k for k in range(lo, first) if ts.tok[k] in (",", ";", "(", ")")]
        if not commas:
            return first - other.end <= 12
        return len(commas) == 1 and ts.tok[commas[0]] == "," and ts.low[commas[0] + 1] in _CLAUSE_OPENERS
    gap = range(end, other.first)
    if len(gap) <= 4 and all(ts.low[k] in _DATE_LINKS for k in gap):
        return True  # "ran 2:01:09 at the 2022 Berlin Marathon", "won 40% in the 2024 election"
    return len(gap) <= 2 and not any(ts.tok[k] in (",", ";", "(", ")") for k in gap)  # "fined €250,000 in 2019"


def _bare_noise(ts: Tokens, m: Mention, lex: Lexicon) -> bool:
    """A lone spelled-out 'one' is usually a pronoun ('one said'), not a figure; before a counting adjective and
    its noun ('one last time', 'one more seat') it counts."""
    if not (ts.typ[m.first] == WORD and m.end - m.first == 1 and ts.low[m.first] == "one"):
        return False
    e = m.end
    return not (e + 1 < ts.n and ts.low[e] in lex.count_adjectives and ts.typ[e + 1] == WORD
                and ts.low[e + 1] not in lex.stopwords)


def _told_in_past(ts: Tokens, first: int, lex: Lexicon) -> bool:
    """A date right after a verb in the past ("announced on Tuesday", "said Tuesday", "met last Friday"): the
    sentence may look ahead ("shoppers will pay more after the minister announced on Tuesday that VAT would
    rise"), but this day has passed."""
    low = ts.low
    k = first - 1
    while k >= 0 and low[k] in ("on", "last", "this", "early", "late"):
        k -= 1
    if k < 0 or ts.typ[k] != WORD:
        return False
    w = low[k]
    if k > 0 and low[k - 1] in ("be", "been", "being", "to", "will", "would", "shall"):
        return False  # "will be held on Thanksgiving", "is expected to be signed on Friday"
    return w in lex.past_verbs or (len(w) > 4 and w.endswith("ed") and w not in lex.future_markers)


def _looks_ahead(ts: Tokens, a: int, b: int, lex: Lexicon) -> bool:
    """Does the sentence look ahead ("will", "is expected to")? Then a bare weekday is a coming one."""
    markers = lex.future_markers
    firsts = lex.derived("future_firsts", lambda x: frozenset(m.split()[0] for m in x.future_markers))
    low = ts.low
    if firsts.isdisjoint(low[a:b]):  # the usual answer, found in C
        return False
    for k in range(a, b):
        w = low[k]
        if w in firsts:
            if w in markers or (k + 1 < b and f"{w} {low[k + 1]}" in markers):
                return True
    return False
