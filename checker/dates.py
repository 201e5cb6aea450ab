"""Dates as spans of days with a grain, read from tokens and resolved against a reference.

Parsing and resolution are separate: the parser returns a `DateExpr` (what the text says), and
`resolve` turns it into a `DateSpan` given the article's published date, or failing that the latest
explicit year in the article. News has a past bias: a bare "Friday" is the last Friday on or before
publication unless the sentence looks ahead. A weekday that cannot be anchored stays a constraint.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from typing import Iterable

from .frozen import frozen
from .lexicon import FIGURE_UNIT_TABLES, Lexicon, phrase_at
from .numbers import read_ordinal_words
from .tokens import NUM, SYM, WORD, Tokens
from .values import DateSpan

YEAR_MIN, YEAR_MAX = 1800, 2200  # "by 2150": climate and debt projections run past 2100


@frozen
class Reference:
    published: dt.date | None
    year: int | None          # published year, else the latest explicit year in the article
    future: bool = False      # the sentence looks ahead ("will", "is expected to")


@frozen
class DateExpr:
    """What a date mention states, before resolution."""

    kind: str                       # ymd, md, month, year, years, decade, weekday, relative, season, ...
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year2: int | None = None
    month2: int | None = None
    day2: int | None = None
    part: tuple[int, int] | None = None   # days of a month or months of a year
    weekdays: tuple[int, ...] = ()
    offset: int = 0                 # relative: -1 last, 0 this, +1 next; days for relative days
    unit: str | None = None         # relative unit: day, week, weekend, month, year, season
    season: tuple[int, int] | None = None
    explicit_year: bool = False
    weekend: bool = False           # a holiday's weekend ("Labor Day weekend")
    parts: tuple["DateExpr", ...] = ()  # range: its two ends; shift and edge: the date they count from
    step: int = 0                   # a holiday's "last" (-1), "next" (+1): the one before or after publication


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _is_quarter(a: dt.date, b: dt.date) -> bool:
    """The span is a calendar quarter, however it was written ("Q3", "July to September", "April-June")."""
    return a.day == 1 and a.month % 3 == 1 and b.year == a.year and b.month == a.month + 2 \
        and b.day == _last_day(b.year, b.month)


def _span(a: dt.date, b: dt.date, grain: str) -> DateSpan:
    wd = a.weekday() if a == b else None
    return DateSpan(a, b, grain, wd, True)


def _month_span(y: int, m: int, part: tuple[int, int] | None = None) -> DateSpan:
    last = _last_day(y, m)
    if part:
        return DateSpan(dt.date(y, m, min(part[0], last)), dt.date(y, m, min(part[1], last)), "part-of-month")
    return DateSpan(dt.date(y, m, 1), dt.date(y, m, last), "month")


def _season_span(y: int, season: tuple[int, int]) -> DateSpan:
    a, b = season
    if a <= b:
        return DateSpan(dt.date(y, a, 1), dt.date(y, b, _last_day(y, b)), "season")
    # a season across the new year (northern winter): Dec of y-1 .. Feb of y
    return DateSpan(dt.date(y - 1, a, 1), dt.date(y, b, _last_day(y, b)), "season")


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _last_day(y, m)


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    """d moved by n days, weeks, months or years (a month's day kept where it exists: Jan 31 + 1 month = Feb 28)."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit in ("week", "fortnight"):
        return d + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    months = n * 12 if unit == "year" else n
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    m += 1
    if not YEAR_MIN - 100 <= y <= YEAR_MAX + 100:
        return d
    return dt.date(y, m, min(d.day, _last_day(y, m)))


def _easter(y: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


def _holiday_on(e: DateExpr, y: int) -> dt.date | None:
    if e.unit == "easter":
        return _easter(y) + dt.timedelta(days=e.offset)
    if e.month is None:
        return None
    if e.day is not None:
        return dt.date(y, e.month, e.day) if _valid(y, e.month, e.day) else None
    wd, nth = e.weekdays[0], e.offset
    if nth > 0:
        first = dt.date(y, e.month, 1)
        d = first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = dt.date(y, e.month, _last_day(y, e.month))
        d = last - dt.timedelta(days=(last.weekday() - wd) % 7)
    return d + dt.timedelta(days=e.day2 or 0)


def _holiday_span(e: DateExpr, ref: Reference) -> DateSpan | None:
    """A named day in its stated year, else the last one on or before publication (the next one when the
    sentence looks ahead)."""
    pub = ref.published
    y = e.year or (pub.year if pub else ref.year)
    if y is None or (e.step and pub is None):
        return DateSpan(None, None, "day", None, False)
    d = _holiday_on(e, y)
    if e.step and pub is not None:  # "last Easter": the latest before publication; "next Easter": the first after
        days = [x for x in (_holiday_on(e, y + k) for k in (-1, 0, 1)) if x is not None]
        before, after = [x for x in days if x < pub], [x for x in days if x > pub]
        d = (max(before) if before else None) if e.step < 0 else (min(after) if after else None)
    elif d is not None and e.year is None and pub is not None:
        if not ref.future and d > pub:
            d = _holiday_on(e, y - 1)
        elif ref.future and d < pub:
            d = _holiday_on(e, y + 1)
    if d is None:
        return None
    if e.weekend:  # the Saturday and Sunday nearest the day, with the day itself
        back = (d.weekday() - 5) % 7  # days since the last Saturday (0 on a Saturday)
        sat = d - dt.timedelta(days=back) if max(back - 1, 0) <= 7 - back else d + dt.timedelta(days=7 - back)
        return DateSpan(min(d, sat), max(d, sat + dt.timedelta(days=1)), "weekend")
    return _span(d, d, "day")


def reference_year_of(published: dt.date | None, years: Iterable[tuple[int, bool]]) -> int | None:
    """The year undated month-days and seasons take: the publication year; else the latest year the article
    states as a time of its own (`years`: (year, in passing)); else none, and the year stays open. A year
    named in passing ("the worst since 1997", "the 2019 floods") never dates the article's events."""
    if published:
        return published.year
    own = [y for y, passing in years if not passing]
    return max(own) if own else None


def resolve(e: DateExpr, ref: Reference) -> DateSpan | None:
    """A DateSpan for the expression, or None when the written date is impossible (Feb. 30)."""
    pub, year = ref.published, ref.year
    k = e.kind
    if k == "holiday":
        return _holiday_span(e, ref)
    if k == "ahead":  # "in two weeks": a day that far after publication
        if pub is None:
            return DateSpan(None, None, "day", None, False)
        d = _shift(pub, e.unit or "day", e.offset)
        return _span(d, d, "day")
    if k in ("ymd", "md"):
        y = e.year
        if y is None:
            if year is None:
                partial = f"--{e.month:02d}-{e.day:02d}" + (f"..--{e.month2 or e.month:02d}-{e.day2:02d}" if e.day2 else "")
                return DateSpan(None, None, "day", e.weekdays[0] if e.weekdays else None, False, partial)
            y = year
            if pub and not ref.future and dt.date(y, e.month, 1) > pub + dt.timedelta(days=62) and pub.month <= 2:
                y -= 1  # "Dec. 28" in a January article
            elif pub and ref.future and _valid(y, e.month, e.day) and dt.date(y, e.month, e.day) < pub - dt.timedelta(days=62) \
                    and pub.month >= 11:
                y += 1  # "will open on Jan. 15" in a November article
        m2, d2 = e.month2 or e.month, e.day2 or e.day
        if not (_valid(y, e.month, e.day) and _valid(y, m2, d2)):
            return None
        a, b = dt.date(y, e.month, e.day), dt.date(y, m2, d2)
        if b < a and e.month2 and e.month2 < e.month:  # a span across the new year
            later = dt.date(y + 1, m2, d2) if _valid(y + 1, m2, d2) else None
            if (e.explicit_year or later is None or (pub and not ref.future and later > pub)) \
                    and _valid(y - 1, e.month, e.day):
                a = dt.date(y - 1, e.month, e.day)  # "from Nov. 12 through Jan. 3, 2025"; or told in the past
            elif later is not None:
                b = later  # "will run from December 28 to January 3"
        if b < a:
            return None
        if e.unit == "week":  # "the week of April 10": Monday to Sunday around it
            monday = a - dt.timedelta(days=a.weekday())
            return DateSpan(monday, monday + dt.timedelta(days=6), "week")
        if e.unit == "week-from":  # "the week beginning February 4"
            return DateSpan(a, a + dt.timedelta(days=6), "week")
        return _span(a, b, "day")
    if k == "month":
        y = e.year
        if y is None:
            if year is None:
                return DateSpan(None, None, "month", None, False, f"--{e.month:02d}")
            # explicit without a figure: "the first quarter of last year", a year counted from publication
            y = year + e.offset
            if pub and not e.explicit_year:
                if not ref.future and e.month > pub.month:
                    y -= 1  # "in November", written in March: last November
                elif ref.future and pub.month >= 10 and (e.month2 or e.month) <= pub.month - 6 \
                        and not (e.month2 and e.month2 < e.month):
                    y += 1  # "will open in March", written in November: next March (not "the April-June quarter,
                    #         which ended" in a July sentence that also says "will": only across the new year)
        if e.month2:
            y2 = e.year2 or (y + 1 if e.month2 < e.month else y)
            b = dt.date(y2, e.month2, _last_day(y2, e.month2))
            a = dt.date(y, e.month, 1)
            if a > b:
                return None
            # "Q3": grain quarter; "H2": half; "April-June", three months that make a quarter, are one too
            return DateSpan(a, b, e.unit or ("quarter" if _is_quarter(a, b) else "month"))
        return _month_span(y, e.month, e.part)
    if k == "year":
        if e.part:
            a, b = e.part
            return DateSpan(dt.date(e.year, a, 1), dt.date(e.year, b, _last_day(e.year, b)), "part-of-year")
        return DateSpan(dt.date(e.year, 1, 1), dt.date(e.year, 12, 31), "year")
    if k == "years":
        return DateSpan(dt.date(e.year, 1, 1), dt.date(e.year2, 12, 31), "year") if e.year2 >= e.year else None
    if k == "decade":
        return DateSpan(dt.date(e.year, 1, 1), dt.date(e.year + 9, 12, 31), "decade")
    if k == "season":
        if e.year is not None:
            return _season_span(e.year, e.season)
        if pub is None and year is None:
            return DateSpan(None, None, "season", None, False)
        if pub is None:
            return _season_span(year + (e.offset if e.offset < 0 else e.offset), e.season)
        # the latest occurrence that has started (past bias) or the next (future), shifted by offset
        cand = _season_span(pub.year, e.season)
        if e.offset < 0:
            # last fall: the most recent that has ended before publication
            while cand.end >= pub:
                cand = _season_span(cand.end.year - 1, e.season)
            return cand
        if e.offset > 0:
            while cand.start <= pub:  # next fall: the one after the present one
                cand = _season_span(cand.end.year + 1, e.season)
            return cand
        if ref.future:
            while cand.end < pub:  # "will begin this autumn" in late September: the autumn under way
                cand = _season_span(cand.end.year + 1, e.season)
            return cand
        if cand.start > pub:
            cand = _season_span(pub.year - 1, e.season)
        return cand
    if k == "weekday":
        if pub is None:
            wd = e.weekdays
            return DateSpan(None, None, "day", wd[0] if len(wd) == 1 else None, False, None, wd if len(wd) > 1 else ())
        days = []
        for w in e.weekdays:
            if e.offset > 0:
                delta = (w - pub.weekday()) % 7 or 7   # "next Tuesday": never today
            elif ref.future and e.offset == 0:
                delta = (w - pub.weekday()) % 7        # "on Tuesday", looking ahead: today at the earliest
            else:
                delta = -((pub.weekday() - w) % 7)
                if e.offset < 0 and delta == 0:
                    delta = -7
            days.append(pub + dt.timedelta(days=delta))
        return _span(min(days), max(days), "day")
    if k == "relative":
        return _relative(e, ref)
    if k in ("range", "shift", "edge", "period"):
        return _counted_span(e, ref)
    if k == "open":  # "before 2010": up to the day before it; "after 2018": from the day after it
        s = resolve(e.parts[0], ref)
        if s is None or not s.resolved or s.start is None or s.end is None:
            return s
        if e.offset in (-1, 1):  # offset ±2: "no later than", "no earlier than", the date itself included
            return DateSpan(None, s.start - dt.timedelta(days=1), s.grain) if e.offset < 0 else \
                DateSpan(s.end + dt.timedelta(days=1), None, s.grain)
        return DateSpan(None, s.end, s.grain) if e.offset < 0 else DateSpan(s.start, None, s.grain)
    if k == "dom":  # "on the 29th": this month's, or last month's if it is still to come (next, looking ahead)
        if pub is None:
            return None
        if e.weekdays:  # "Tuesday the 11th": the nearest month in which the 11th is a Tuesday
            cands = []
            for shift in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6, -7, 7, -8, 8, -9, 9, -10, 10, -11, 11):
                y, m = pub.year, pub.month + shift
                y, m = (y - 1, m + 12) if m < 1 else (y + 1, m - 12) if m > 12 else (y, m)
                if _valid(y, m, e.day) and dt.date(y, m, e.day).weekday() == e.weekdays[0]:
                    cands.append(dt.date(y, m, e.day))
            if not cands:
                return None
            d = min(cands, key=lambda c: (abs((c - pub).days), (c > pub) != ref.future))
            return _span(d, d, "day")
        y, m = pub.year, pub.month
        if e.unit == "month-of":  # "the 15th day of next month": that month, whatever the day
            y, m = divmod(y * 12 + m - 1 + e.offset, 12)
            m += 1
            if not _valid(y, m, e.day):
                return None
            return _span(dt.date(y, m, e.day), dt.date(y, m, e.day), "day")
        if ref.future and e.day < pub.day:
            y, m = (y, m + 1) if m < 12 else (y + 1, 1)
        elif not ref.future and e.day > pub.day:
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        if not _valid(y, m, e.day):
            return None
        d = dt.date(y, m, e.day)
        if e.unit == "week":
            monday = d - dt.timedelta(days=d.weekday())
            return DateSpan(monday, monday + dt.timedelta(days=6), "week")
        return _span(d, d, "day")
    return None


_GRAIN_RANK = {"day": 0, "weekend": 1, "week": 1, "part-of-week": 1, "part-of-month": 2, "month": 3, "season": 3,
               "quarter": 4, "half": 4, "part-of-year": 4, "year": 5, "decade": 6}


def _unresolved(grain: str) -> DateSpan:
    return DateSpan(None, None, grain, None, False)


def _counted_span(e: DateExpr, ref: Reference) -> DateSpan | None:
    """Spans made of other spans: a range, a shift, an edge (see _counted, _range_from)."""
    spans = [resolve(p, ref) for p in e.parts]
    if e.kind == "range" and len(e.parts) == 2:
        e1, e2 = e.parts
        # one end's year serves the other: "from April to June 2017", "from 10/25 to 01/25"
        if e2.explicit_year and not e1.explicit_year and e1.kind in ("md", "month") and e2.year:
            for y in (e2.year, e2.year - 1):
                spans[0] = resolve(replace(e1, year=y), ref)
                if spans[0] is None or spans[1] is None or not (spans[0].start and spans[1].end) \
                        or spans[0].start <= spans[1].end:
                    break
        a, b = spans
        if a is None or b is None:
            return None
        if not (a.resolved and b.resolved and a.start and b.end):
            return _unresolved(a.grain)
        if b.end < a.start and not e2.explicit_year and e2.kind in ("md", "month"):
            for y in (a.start.year, a.start.year + 1):  # "from 10/25 to 01/25": the end's next occurrence
                b = resolve(replace(e2, year=y), ref)
                if b is None or b.end is None:
                    return None
                if b.end >= a.start:
                    break
        if b.end < a.start:
            return None
        if _is_quarter(a.start, b.end):
            return DateSpan(a.start, b.end, "quarter")  # "from July to September": three months, a quarter
        return DateSpan(a.start, b.end, min(a.grain, b.grain, key=lambda g: _GRAIN_RANK.get(g, 0)))
    s = spans[0] if spans else None
    if s is None or not s.resolved or s.start is None or s.end is None:
        return s if s is None else _unresolved(s.grain)
    n, u = e.offset, e.unit or "day"
    if e.kind == "period":  # "the three months to June 30": that long, back from the end of the date
        a = _shift(s.end + dt.timedelta(days=1), u, n)
        grain = "quarter" if (u, n) == ("month", -3) else "year" if (u, n) in (("month", -12), ("year", -1)) else u
        return DateSpan(a, s.end, grain)
    if e.kind == "shift":  # "three days after January 12": the anchor moved, its grain kept
        a = _shift(s.start, u, n)
        b = a if s.start == s.end else _shift(s.end, u, n)
        if s.grain in ("month", "year") and u in ("month", "year"):
            b = dt.date(b.year, b.month, _last_day(b.year, b.month)) if s.grain == "month" else dt.date(b.year, 12, 31)
        return DateSpan(a, b, "day" if a == b else s.grain)
    # edge: "the first ten days of 2021", "the last four months of the year"
    if n > 0:
        a = s.start
        b = min(_shift(a, u, n) - dt.timedelta(days=1), s.end)
    else:
        b = s.end
        a = max(_shift(b + dt.timedelta(days=1), u, n), s.start)
    return DateSpan(a, b, "day" if u == "day" else u)


def _relative(e: DateExpr, ref: Reference) -> DateSpan | None:
    pub, year = ref.published, ref.year
    u, off = e.unit, e.offset
    if u == "year":
        if pub is None and year is None:
            return None
        y = (pub.year if pub else year) + off
        if e.part:  # earlier this year / later this year
            if pub is None:
                return DateSpan(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
            if e.part == (0, 0):
                return DateSpan(dt.date(y, 1, 1), pub, "part-of-year")
            if e.part == (1, 1):
                return DateSpan(pub, dt.date(y, 12, 31), "part-of-year")
            a, b = e.part  # "the end of the year": months of it
            return DateSpan(dt.date(y, a, 1), dt.date(y, b, _last_day(y, b)), "part-of-year")
        return DateSpan(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if pub is None:
        if u == "years_ago" and year is not None:
            return DateSpan(dt.date(year - off, 1, 1), dt.date(year - off, 12, 31), "year")
        return DateSpan(None, None, u or "day", None, False)
    if u == "day":
        d = pub + dt.timedelta(days=off)
        return _span(d, d, "day")
    if u == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=off)
        if e.weekdays:  # "Tuesday of last week"
            d = monday + dt.timedelta(days=e.weekdays[0])
            return _span(d, d, "day")
        if e.part is not None and e.part[1] >= 2:  # "the end of the week": days of it (0 = Monday)
            return DateSpan(monday + dt.timedelta(days=e.part[0]), monday + dt.timedelta(days=e.part[1]), "part-of-week")
        if e.part == (0, 0):  # earlier this week
            return DateSpan(monday, pub, "part-of-week")
        if e.part == (1, 1):  # later this week
            return DateSpan(pub, monday + dt.timedelta(days=6), "part-of-week")
        return DateSpan(monday, monday + dt.timedelta(days=6), "week")
    if u == "quarter":  # "last quarter", "this quarter": calendar quarters
        q = (pub.year * 4 + (pub.month - 1) // 3) + off
        y, first = divmod(q, 4)
        m = first * 3 + 1
        return DateSpan(dt.date(y, m, 1), dt.date(y, m + 2, _last_day(y, m + 2)), "quarter")
    if u == "weekend":
        sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)  # the Saturday on or before publication
        if off > 0 or (ref.future and off == 0):
            sat += dt.timedelta(days=7)
        elif off < 0 and pub.weekday() >= 5:
            sat -= dt.timedelta(days=7)  # "last weekend" said during a weekend
        return DateSpan(sat, sat + dt.timedelta(days=1), "weekend")
    if u == "month":
        y, m = pub.year, pub.month + off
        while m < 1:
            y, m = y - 1, m + 12
        while m > 12:
            y, m = y + 1, m - 12
        if e.part == (0, 0):
            return DateSpan(dt.date(y, m, 1), pub, "part-of-month")
        if e.part == (1, 1):
            return DateSpan(pub, dt.date(y, m, _last_day(y, m)), "part-of-month")
        return _month_span(y, m, e.part)
    if u in ("days_ago", "weeks_ago", "months_ago", "years_ago"):
        if u == "days_ago":
            d = pub - dt.timedelta(days=off)
            return _span(d, d, "day")
        if u == "weeks_ago":
            d = pub - dt.timedelta(weeks=off)
            monday = d - dt.timedelta(days=d.weekday())
            return DateSpan(monday, monday + dt.timedelta(days=6), "week")
        if u == "months_ago":
            y, m = pub.year, pub.month - off
            while m < 1:
                y, m = y - 1, m + 12
            return _month_span(y, m)
        return DateSpan(dt.date(pub.year - off, 1, 1), dt.date(pub.year - off, 12, 31), "year")
    return None


# ------------------------------------------------------------------------------------------- parsing

_CONNECT = ("-", "–", "—", "to", "through", "until", "till")
_YEAR_PREPS = frozenset("in since of by until from during before after early late mid throughout for around "
                        "circa between and to year fiscal the spring summer fall autumn winter".split())


def _int(ts: Tokens, i: int, lo: int, hi: int, max_len: int = 4) -> int | None:
    if 0 <= i < ts.n and ts.typ[i] == NUM and "." not in ts.tok[i] and "," not in ts.tok[i] and len(ts.tok[i]) <= max_len:
        v = int(ts.tok[i])
        if lo <= v <= hi:
            return v
    return None


def _day(ts: Tokens, i: int) -> tuple[int, int] | None:
    """A day of month at i ('17', '17th') -> (day, index after)."""
    d = _int(ts, i, 1, 31, 2)
    if d is None:
        return None
    j = i + 1
    if j < ts.n and ts.attached(j) and ts.low[j] in ("st", "nd", "rd", "th"):
        j += 1
    return d, j


def _year_at(ts: Tokens, i: int) -> int | None:
    y = _int(ts, i, YEAR_MIN, YEAR_MAX)
    if y is not None and len(ts.tok[i]) == 4 and not (i + 1 < ts.n and ts.attached(i + 1) and ts.typ[i + 1] == WORD):
        return y
    return None


def month_at(ts: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A month name at i -> (month, index after, swallowing an abbreviation's full stop)."""
    if i >= ts.n or ts.typ[i] != WORD:
        return None
    m = lex.months.get(ts.low[i])
    if m is None:
        return None
    word = ts.tok[i]
    j = i + 1
    abbreviated = len(word) <= 4 and ts.low[i] not in ("may", "june", "july")
    if abbreviated and j < ts.n and ts.tok[j] == "." and ts.attached(j):
        j += 1
    # lower-case "may"/"march" and abbreviations are months only next to a number or when capitalised
    if not word[0].isupper() and (ts.low[i] in ("may", "march") or abbreviated):
        if not (_int(ts, j, 1, YEAR_MAX) is not None or _int(ts, i - 1, 1, 31, 2) is not None
                or (i >= 2 and ts.low[i - 1] == "of" and _int(ts, i - 2, 1, 31, 2) is not None)):
            return None
    elif word[0].isupper() and ts.low[i] == "may" and not (_int(ts, j, 1, YEAR_MAX) is not None or
                                                         _spelled_day(ts, j, lex) is not None or
                                                         (i > 0 and ts.low[i - 1] in _YEAR_PREPS) or
                                                         (i > 1 and ts.tok[i - 1] == "-" and ts.attached(i)
                                                          and _int(ts, i - 2, 1, 31, 2) is not None)):
        return None  # "May" starting a sentence is usually the verb
    return m, j


def weekday_at(ts: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    if i >= ts.n or ts.typ[i] != WORD:
        return None
    w = lex.weekdays.get(ts.low[i])
    if w is None:
        return None
    word = ts.tok[i]
    if len(word) <= 5 and not word[0].isupper():
        return None  # "sat", "wed", "sun" in lower case are words
    j = i + 1
    if len(word) <= 5 and j < ts.n and ts.tok[j] == "." and ts.attached(j):
        j += 1
    return w, j


_RELATIVE = {"last": -1, "this": 0, "next": 1, "past": -1, "previous": -1, "coming": 1, "current": 0}
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
          "year": "year", "years": "year", "fortnight": "fortnight", "fortnights": "fortnight"}
_HOLIDAY_STEP = {"last": -1, "previous": -1, "next": 1, "following": 1}
_HOLIDAY_PREPS = frozenset(("on", "before", "after", "since", "until", "till", "by", "over", "at", "during", "from",
                            "around", "for", "until", "through", "of"))
_AFTER_DAY = frozenset(("of", "st", "nd", "rd", "th"))


@dataclass(frozen=True, slots=True)
class _Openers:
    """Cheap tests that let most tokens leave parse_date at once (a date reader sees every number)."""

    words: frozenset[str]              # words that can begin a date expression
    month_parts: dict[str, tuple[int, ...]]    # "late February", "the end of" (Lexicon.phrase_index)
    relative_days: dict[str, tuple[int, ...]]  # "yesterday", "the day before"
    after_day: frozenset[str]          # what may follow a day of month: "17 June", "4th of July"
    holidays: dict[str, tuple[int, ...]]       # "Christmas Eve", "Labor Day"


def _build_openers(lex: Lexicon) -> _Openers:
    words = set(lex.months) | set(lex.weekdays) | set(lex.seasons) | {k[0] for k in lex.month_parts}
    words |= {k[0] for k in lex.relative_days} | set(_RELATIVE) | {"earlier", "later", "weekend", "a", "an"}
    words |= set(_QUARTER_WORDS) | {"q", "h", "current", "week", "year"}
    words |= set(lex.number_words) - {"zero"}  # "four years ago"
    words |= {w for w, v in lex.ordinals.items() if v <= 31} | set(lex.tens)  # "the fourth of July", "twenty-first century"
    words |= decade_words(lex)  # "the nineties"
    words |= {k[0] for k in lex.holidays}
    return _Openers(frozenset(words), lex.phrase_index("month_parts"), lex.phrase_index("relative_days"),
                    frozenset(lex.months) | _AFTER_DAY, lex.phrase_index("holidays"))


_MAX_NEST = 4
_SECOND_END = _MAX_NEST - 1  # the depth a range's second end is read at: one nested date more, no range of its own


def parse_date(ts: Tokens, i: int, lex: Lexicon, _depth: int = 0) -> tuple[DateExpr, int, int] | None:
    """A date expression starting at token i -> (expr, first token index, index after). A date inside a
    date ("the end of May", "Friday, June 20", "2 July to 10 July") is read by a nested call; nesting stops
    at four levels, so a run of "Monday Monday ..." or "end of end of ..." costs no more than its length.
    At the top level two dates joined by "to", "through", "until" or "between ... and" make one span, and a
    count of days, weeks, months or years is read as a span from publication ("the past five years") or a
    step from another date ("three days after January 12")."""
    got = _parse_one(ts, i, lex, _depth)
    if _depth:
        return got
    low = ts.low
    if (i + 1 < ts.n and low[i + 1] in _PERIOD_TO) or (i + 2 < ts.n and low[i + 2] in _PERIOD_TO):
        period = _period(ts, i, lex)
        if period is not None:
            return period
    if got is None:
        # most tokens here are figures that are no date: look for the word a counted span needs first
        if low[i] in _EDGES or (i + 2 < ts.n and low[i + 2] in _STEP) or (i + 4 < ts.n and low[i + 4] in _STEP):
            got = _counted(ts, i, lex)
            return got if got is None else _open_side(ts, got, lex)
        return None
    e, first, end = got
    if end < ts.n and (ts.low[end] in _RANGE_TO or ts.low[end] == "and"):
        got = _range_from(ts, got, lex)
        if got[0].kind == "range":
            return got
    return _open_side(ts, got, lex) if first > 0 and e.kind in _OPEN_KINDS else got


def _parse_one(ts: Tokens, i: int, lex: Lexicon, _depth: int = 0) -> tuple[DateExpr, int, int] | None:
    if _depth > _MAX_NEST:
        return None
    low = ts.low
    t = low[i]
    n = ts.n
    is_num = ts.typ[i] == NUM
    openers: _Openers = lex.derived("date_openers", _build_openers)
    if is_num:
        if len(t) > 4 or not t.isdigit():
            if t.count(".") == 2:  # "14.03.2025"
                e = dotted_date(t, lex)
                return (e, i, i + 1) if e is not None else None
            return None
        if len(t) == 2 and i > 0 and ts.tok[i - 1] in ("'", "’") and ts.attached(i) \
                and not (i > 1 and ts.attached(i - 1) and ts.typ[i - 2] != SYM):
            # "'24", "the class of ’98": a year with its century left out; "the '90s": a decade
            v = int(t)
            if i + 1 < n and low[i + 1] == "s" and ts.attached(i + 1) and v % 10 == 0:
                return DateExpr("decade", (1900 if v >= 30 else 2000) + v, explicit_year=True), i - 1, i + 2
            return DateExpr("year", (2000 if v < 50 else 1900) + v, explicit_year=True), i - 1, i + 1
        if len(t) == 2 and i > 0 and low[i - 1] == "the" and i + 1 < n and low[i + 1] == "s" and ts.attached(i + 1) \
                and t.endswith("0"):  # "the 90s" (not "in their 90s": an age)
            v = int(t)
            return DateExpr("decade", (1900 if v >= 30 else 2000) + v, explicit_year=True), i, i + 2
        if i + 2 < n and low[i + 2] == "century":  # "the 21st century" (the test first: every figure comes here)
            cent = _century_at(ts, i, lex)
            if cent is not None:
                return cent
        if i > 0 and low[i - 1] == "in":  # "in 3 years"
            ahead = _ahead_at(ts, i, lex)
            if ahead is not None:
                return ahead
        if len(t) <= 2 and i + 2 < n and ts.tok[i + 1] in ("-", "/") and ts.attached(i + 1) and ts.attached(i + 2):
            got = _short_numeric(ts, i, lex)  # "12-2015", "on 22/04"
            if got is not None:
                return got
        # only a year (four digits), a day of month before its month, a numeric date (14/03/2025, 29-Dec-2024)
        # or "3 days ago" starts with a number
        if len(t) != 4 and not ((i + 1 < n and low[i + 1] in openers.after_day)
                                or (i + 2 < n and low[i + 2] == "ago")
                                or (i + 3 < n and low[i + 1] in _DAY_TO and (low[i + 3] in lex.months or (
                                    i + 4 < n and low[i + 3] == "of" and low[i + 4] in lex.months)))
                                or (i + 2 < n and low[i + 1] in ("/", "-") and ts.attached(i + 1) and ts.attached(i + 2))):
            return None
    elif t not in openers.words:
        return None
    else:
        if t in openers.holidays:
            got = _holiday_at(ts, i, lex, openers)
            if got is not None:
                return got
        if (t in lex.ordinals or t in lex.tens) and "century" in low[i + 1:i + 5]:
            cent = _century_at(ts, i, lex)
            if cent is not None:
                return cent
        if (t in lex.number_words or t in ("a", "an")) and i > 0 and low[i - 1] == "in":
            ahead = _ahead_at(ts, i, lex)
            if ahead is not None:
                return ahead
        if (t in _SPELLED_YEAR_STARTS and i > 0 and low[i - 1] in _SPELLED_YEAR_PREPS) or (
                i + 3 < n and (t in lex.number_words or t in lex.tens)
                and (low[i + 1] in lex.months or low[i + 2] in lex.months or low[i + 3] in lex.months)):
            got = _spelled_date(ts, i, lex)  # only behind a cheap test: number words are common
            if got is not None:
                return got
        if t == "week" and i + 2 < n and low[i + 1] in ("beginning", "starting", "commencing"):
            j = i + 2 + (low[i + 2] == "on")  # "the week beginning February 4": seven days from that day
            inner = parse_date(ts, j, lex, _depth + 1) if j < n else None
            if inner and inner[1] == j and inner[0].kind in ("md", "ymd") and not inner[0].day2:
                e = inner[0]
                first = i - 1 if i > 0 and low[i - 1] == "the" else i
                return DateExpr(e.kind, e.year, e.month, e.day, unit="week-from", explicit_year=e.explicit_year), \
                    first, inner[2]
        if t == "week" and i + 2 < n and low[i + 1] == "of":  # "the week of April 10"
            inner = parse_date(ts, i + 2, lex, _depth + 1)
            if inner is None and low[i + 2] == "the":  # "the week of the 18th"
                dd = _day(ts, i + 3)
                if dd and dd[1] > i + 4 and not month_at(ts, dd[1], lex):
                    first = i - 1 if i > 0 and low[i - 1] == "the" else i
                    return DateExpr("dom", day=dd[0], unit="week"), first, dd[1]
            if inner and inner[1] == i + 2 and inner[0].kind in ("md", "ymd"):
                e = inner[0]
                first = i - 1 if i > 0 and low[i - 1] == "the" else i
                return DateExpr(e.kind, e.year, e.month, e.day, unit="week", explicit_year=e.explicit_year), first, inner[2]
        if t == "year" and i + 2 < n and (low[i + 1:i + 3] == ["to", "date"] or (
                i + 4 < n and low[i + 1:i + 5] == ["-", "to", "-", "date"])):  # "year to date", "year-to-date"
            first = i - 1 if i > 0 and low[i - 1] == "the" else i
            end = i + 3 if low[i + 1] == "to" else i + 5
            return DateExpr("relative", unit="year", offset=0, part=(0, 0)), first, end
    # ---- parts: early/mid/late + month/year/season ("late February", "mid-March", "early 2024", "end of May")
    length = phrase_at(low, i, lex.month_parts, openers.month_parts, n)
    if length:
        key = tuple(low[i: i + length])
        j = i + length
        if j < n and ts.tok[j] == "-":
            j += 1
        if j < n and low[j] == "the":
            j += 1
        inner = parse_date(ts, j, lex, _depth + 1) if j < n else None
        if inner is None and j + 1 < n and ts.tok[j] in ("'", "’"):
            inner = parse_date(ts, j + 1, lex, _depth + 1)  # "the early '90s" starts at its apostrophe
        if inner and inner[1] == j:
            e, _, end = inner
            if e.kind == "month" and not e.month2 and not e.part:
                return DateExpr("month", e.year, e.month, part=lex.month_parts[key],
                                explicit_year=e.explicit_year), i, end
            if e.kind == "year" and not e.part:
                if key in lex.year_parts:
                    return DateExpr("year", e.year, part=lex.year_parts[key], explicit_year=True), i, end
                # "the first week of 2015": that part of its first month ("the last week of": its last)
                month = 12 if key[0] in ("last", "end", "late") else 1
                return DateExpr("month", e.year, month, part=lex.month_parts[key], explicit_year=True), i, end
            if e.kind == "decade" and key in lex.decade_parts:  # "the early 1990s", "the mid-'80s"
                a, b = lex.decade_parts[key]
                return DateExpr("years", e.year + a, year2=e.year + b, explicit_year=True), i, end
        # "the end of the year", "the middle of this month", "the end of last year": part of a year or month
        if inner and inner[1] == j and inner[0].kind == "relative" and inner[0].unit in ("year", "month") \
                and not inner[0].part:
            e = inner[0]
            part = lex.year_parts.get(key) if e.unit == "year" else lex.month_parts.get(key)
            if part:
                return DateExpr("relative", unit=e.unit, offset=e.offset, part=part), i, inner[2]
        if inner and inner[1] == j and inner[0].kind == "relative" and inner[0].unit == "week" and not inner[0].part \
                and key in lex.week_parts:  # "the end of next week"
            return DateExpr("relative", unit="week", offset=inner[0].offset, part=lex.week_parts[key]), i, inner[2]
        if inner is None and j < n and low[j] == "week" and key in lex.week_parts:  # "the end of the week"
            return DateExpr("relative", unit="week", offset=0, part=lex.week_parts[key]), i, j + 1
        if inner is None and j < n and low[j] in ("year", "month") and not (j + 1 < n and low[j + 1] in ("-", "'s", "’s")):
            part = lex.year_parts.get(key) if low[j] == "year" else lex.month_parts.get(key)
            if part:
                return DateExpr("relative", unit=low[j], offset=0, part=part), i, j + 1
    # ---- ISO 2025-06-17
    y = _year_at(ts, i) if is_num else None
    if y is not None and i + 4 < n and ts.tok[i + 1] == "-" and ts.attached(i + 1) and ts.attached(i + 2) \
            and ts.tok[i + 3] == "-" and ts.attached(i + 3) and ts.attached(i + 4):
        m, d = _int(ts, i + 2, 1, 12, 2), _int(ts, i + 4, 1, 31, 2)
        if m and d:
            return DateExpr("ymd", y, m, d, explicit_year=True), i, i + 5
    # ---- year first with the month in letters: "2019-Aug-01", "2020/Sep/23"
    if y is not None and i + 2 < n and ts.tok[i + 1] in ("-", "/") and ts.attached(i + 1) and ts.attached(i + 2) \
            and low[i + 2] in lex.months:
        k = i + 3  # between a year and a day, even a lower-case "aug" is the month
        if k + 1 < n and ts.tok[k] == ts.tok[i + 1] and ts.attached(k) and ts.attached(k + 1):
            m, d = int(lex.months[low[i + 2]]), _int(ts, k + 1, 1, 31, 2)
            if d and _valid(y, m, d):
                return DateExpr("ymd", y, m, d, explicit_year=True), i, k + 2
    # ---- a spelled day before its month: "the fourth of July", "the twelfth of March 2024"
    if not is_num and (t in lex.ordinals or t in lex.tens) and i + 2 < n:
        sd = _spelled_day(ts, i, lex)  # "the fourth of July", "the twenty-ninth of May"
        if sd and sd[1] + 2 < n and low[sd[1]] == "day" and low[sd[1] + 1] == "of":
            return _day_of(ts, sd[0], sd[1] + 2, i, lex)  # "the twenty-sixth day of the month"
        d2 = None
        if sd and sd[1] + 2 < n and low[sd[1]] in _DAY_TO:  # "ninth till seventeenth of April"
            k = sd[1] + 1 + (low[sd[1] + 1] == "the")
            sd2 = _spelled_day(ts, k, lex) or _day(ts, k)
            if sd2 and sd2[0] > sd[0] and sd2[1] + 1 < n and low[sd2[1]] == "of":
                d2, sd = sd2[0], (sd[0], sd2[1])
        mo = month_at(ts, sd[1] + 1, lex) if sd and sd[1] + 1 < n and low[sd[1]] == "of" else None
        if sd and mo:
            yy, j3 = _trailing_year(ts, mo[1])
            first = i - 1 if d2 and i > 0 and low[i - 1] in ("between", "from") else i
            return DateExpr("ymd" if yy else "md", yy, mo[0], sd[0], day2=d2, explicit_year=yy is not None), first, j3
    # ---- numeric: 14/03/2025, 3/14/2025 (day or month first: rules/lexicon/dates.yaml `numeric_order`)
    if is_num and len(t) <= 2 and i + 4 < n and ts.tok[i + 1] in ("/", "-") and ts.tok[i + 3] == ts.tok[i + 1] \
            and all(ts.attached(k) for k in range(i + 1, i + 5)):
        got = _numeric_date(ts, i, lex)
        if got is not None:
            return got
    # ---- quarters: "Q3", "Q3 2025", "the third quarter", "second-quarter", "the fourth quarter of 2024"
    if t in _QUARTER_STARTS:
        q = _quarter_at(ts, i, lex)
        if q is not None:
            return q
    # ---- month first: "June 17", "Sept. 13 and 14", "June 17, 2025", "June 2024", "January and February"
    mo = month_at(ts, i, lex) if not is_num else None
    if mo:
        m, j = mo
        if j + 3 < n and ts.tok[j] in ("-", "/") and ts.tok[j + 2] == ts.tok[j] \
                and all(ts.attached(k) for k in range(j, j + 4)):
            d0, y0 = _int(ts, j + 1, 1, 31, 2), _year_at(ts, j + 3)
            if d0 and y0 and _valid(y0, m, d0):
                return DateExpr("ymd", y0, m, d0, explicit_year=True), i, j + 4  # "Sep-23-2020"
        dd = _day(ts, j) or _spelled_day(ts, j, lex)  # "June 17", "May twenty-ninth"
        if dd is None and j + 1 < n and ts.tok[j] == "/" and ts.attached(j) and ts.attached(j + 1) \
                and len(ts.tok[j + 1]) <= 2 and not (j + 2 < n and ts.tok[j + 2] in ("/", "-")):
            d0 = _int(ts, j + 1, 1, 31, 2)  # "Oct/2": a month and its day
            if d0 is not None:
                dd = (d0, j + 2)
        if dd is None and j + 1 < n and ts.tok[j] == ",":  # "October, 1st": a comma, then a day with its suffix
            dd = _day(ts, j + 1)
            if dd is not None and dd[1] != j + 3:
                dd = None
        if dd is None and j < n and ts.typ[j] == WORD and (low[j] in lex.tens or low[j] in lex.number_words):
            cd = _two_digit_words(ts, j, lex)  # "January twenty five nineteen eighty six": only with its year
            if cd is not None and 1 <= cd[0] <= 31 and _trailing_year(ts, cd[1], lex=lex)[0] is not None:
                dd = cd
        if dd and _year_at(ts, j) is None:
            d, j2 = dd
            d2 = m2 = None
            if j2 + 1 < n and low[j2] in ("and", "-", "–", "to", "through", "until", "till"):
                nxt = _day(ts, j2 + 1) or _spelled_day(ts, j2 + 1, lex)  # "April 9th through seventeenth"
                mo2 = month_at(ts, j2 + 1, lex)
                if nxt and nxt[0] > d:
                    d2, j2 = nxt
                elif mo2 and _day(ts, mo2[1]):
                    m2 = mo2[0]
                    d2, j2 = _day(ts, mo2[1])  # type: ignore[misc]
            yy, j3 = _trailing_year(ts, j2, lex=lex)
            e = DateExpr("ymd" if yy else "md", yy, m, d, month2=m2, day2=d2, explicit_year=yy is not None)
            return e, i, j3
        yy, j3 = _trailing_year(ts, j, comma=False, lex=lex)
        if yy is None and j + 1 < n and low[j] in ("of", ",") and _year_at(ts, j + 1) is not None \
                and not (j + 2 < n and ts.typ[j + 2] == NUM):
            yy, j3 = _year_at(ts, j + 1), j + 2  # "June of 2024", "Dec, 2018"
        elif yy is None and j + 1 < n and ts.tok[j] in ("-", "/") and ts.attached(j) and ts.attached(j + 1) \
                and len(ts.tok[j + 1]) == 4 and _year_at(ts, j + 1) is not None:
            yy, j3 = _year_at(ts, j + 1), j + 2  # "Dec-2018", "Nov/2018"
        m2 = None
        if j3 > j and yy is not None and j3 + 2 < n and low[j3] in ("to", "through", "until", "-", "–"):
            mo2 = month_at(ts, j3 + 1, lex)  # "from November 2024 to March 2025"
            yy2, j4 = _trailing_year(ts, mo2[1], comma=False) if mo2 else (None, 0)
            if mo2 and yy2 is not None and (yy2, mo2[0]) > (yy, m):
                return DateExpr("month", yy, m, month2=mo2[0], year2=yy2, explicit_year=True), i, j4
        if j3 == j and j + 1 < n and low[j] in ("and", "to", "-", "–", "through", "until"):
            mo2 = month_at(ts, j + 1, lex)
            if mo2 and not _day(ts, mo2[1]):
                m2 = mo2[0]
                yy, j3 = _trailing_year(ts, mo2[1], comma=False)
                if m2 == m or (m2 < m and low[j] == "and"):
                    m2 = None  # "in November and March": two months, not a span
                else:
                    j = mo2[1]
                    j3 = max(j3, j)
                    if m2 < m:  # "from November to March": across the new year
                        return DateExpr("month", yy - 1 if yy else None, m, month2=m2, year2=yy,
                                        explicit_year=yy is not None), i, j3
        return DateExpr("month", yy, m, month2=m2, explicit_year=yy is not None), i, j3
    # ---- day first: "17 June 2025", "4th of July"
    dd = _day(ts, i) if is_num else None
    if dd and (i == 0 or not ts.attached(i) or ts.tok[i - 1] in "([:"):
        d, j = dd
        # "2-10 July", "2 to 10 July 2025": two days before their month
        # "18 and 19 June", "between 3 and 12 of September"
        if j + 2 < n and (low[j] in _DAY_TO or low[j] in ("-", "–")) and (low[j] in _DAY_TO or ts.attached(j) == ts.attached(j + 1)):
            dd2 = _day(ts, j + 1 + (low[j + 1] == "the"))  # "between the 9th and the 17th of April"
            k2 = dd2[1] + (dd2[1] + 1 < n and low[dd2[1]] == "of") if dd2 else 0
            mo = month_at(ts, k2, lex) if dd2 and dd2[0] > d and k2 < n else None
            if mo:
                yy, j3 = _trailing_year(ts, mo[1])
                return DateExpr("ymd" if yy else "md", yy, mo[0], d, day2=dd2[0], explicit_year=yy is not None), i, j3
        if j + 2 < n and low[j] == "day" and low[j + 1] == "of" and j > i + 1:  # "the 15th day of June"
            got = _day_of(ts, d, j + 2, i, lex)
            if got is not None:
                return got
        sep = ts.tok[j] if j + 1 < n and ts.tok[j] in ("-", "/") and ts.attached(j) and ts.attached(j + 1) else ""
        hyphened = bool(sep)  # "29-Dec-2024", "23/Sep/2020"
        if j < n and low[j] == "of" or hyphened:
            j += 1
        mo = month_at(ts, j, lex)
        if mo and ts.start[j] - ts.end[j - 1] <= 2:
            m, j2 = mo
            if hyphened:
                if j2 + 1 < n and ts.tok[j2] == sep and ts.attached(j2) and ts.attached(j2 + 1) \
                        and _year_at(ts, j2 + 1) is not None:
                    return DateExpr("ymd", _year_at(ts, j2 + 1), m, d, explicit_year=True), i, j2 + 2
                return DateExpr("md", None, m, d), i, j2
            yy, j3 = _trailing_year(ts, j2, lex=lex)  # "13 Sept nineteen seventy two"
            # "from 2 July to 10 July", "26 June to 28 June 2020": two days of a range, each with its month
            if j3 + 2 < n and low[j3] in ("to", "through", "until", "till", "-", "–") and _depth < _SECOND_END:
                second = parse_date(ts, j3 + 1, lex, max(_depth + 1, _MAX_NEST))  # a day, never a range itself
                if second and second[1] == j3 + 1 and second[0].kind in ("md", "ymd") and not second[0].day2 \
                        and second[0].weekdays == () and _day(ts, j3 + 1):
                    e2, end2 = second[0], second[2]
                    y2 = e2.year
                    if y2 is None and end2 + 1 < n and low[end2] == "in" and _year_at(ts, end2 + 1) is not None:
                        y2, end2 = _year_at(ts, end2 + 1), end2 + 2  # "26 June to 28 June in 2020"
                    y1 = yy if yy is not None else y2
                    if y1 is not None and y2 is not None and y1 == y2 and (e2.month, e2.day) > (m, d):
                        return DateExpr("ymd", y1, m, d, month2=e2.month, day2=e2.day, explicit_year=True), i, end2
                    if y1 is None and y2 is None and (e2.month, e2.day) > (m, d):
                        return DateExpr("md", None, m, d, month2=e2.month, day2=e2.day), i, end2
            return DateExpr("ymd" if yy else "md", yy, m, d, explicit_year=yy is not None), i, j3
        # "on the 29th": a day of this month (or the last), written with its ordinal suffix
        if j > i + 1 and i >= 2 and low[i - 1] == "the" and low[i - 2] in DAY_OF_MONTH_PREPS and not mo \
                and not (j < n and low[j] == "day"):  # "on the 15th day of the strike": a count of days
            return DateExpr("dom", day=d), i - 1, j
    # ---- decades in words: "the nineties", "the early eighties" (not "in his nineties": an age)
    if not is_num and t.endswith("ies") and t[:-3] + "y" in lex.tens and i > 0 \
            and low[i - 1] in ("the", "-", "early", "mid", "late") \
            and lex.tens[t[:-3] + "y"] >= 20:
        v = int(lex.tens[t[:-3] + "y"])
        return DateExpr("decade", (1900 if v >= 30 else 2000) + v, explicit_year=True), i, i + 1
    # ---- decades: "1990s", "the '90s"
    if ts.typ[i] == NUM and len(ts.tok[i]) == 4 and ts.tok[i].endswith("0") and i + 1 < n and ts.attached(i + 1) \
            and low[i + 1] == "s":
        yv = int(ts.tok[i])
        if YEAR_MIN <= yv <= YEAR_MAX:
            return DateExpr("decade", yv, explicit_year=True), i, i + 2
    # ---- years and year spans: "2023", "2018-19", "2018–2020"
    if y is not None and _looks_like_year(ts, i, lex):
        j = i + 1
        if j + 1 < n and ts.tok[j] in ("-", "–", "/") and ts.attached(j) and ts.attached(j + 1):
            y2 = _int(ts, j + 1, 0, YEAR_MAX)
            if y2 is not None:
                raw = y2
                if len(ts.tok[j + 1]) == 2:
                    y2 = (y // 100) * 100 + y2
                if len(ts.tok[j + 1]) in (2, 4) and y < y2 <= y + 30:
                    return DateExpr("years", y, year2=y2, explicit_year=True), i, j + 2
                if len(ts.tok[j + 1]) <= 2 and 1 <= raw <= 12 and not (j + 2 < n and ts.tok[j + 2] in ("-", "/")):
                    return DateExpr("month", y, raw, explicit_year=True), i, j + 2  # "2015-12", "2015-3"
            if low[j + 1] in ("q", "h"):
                got = _quarter_at(ts, j + 1, lex, year=y)  # "2017-Q1"
                if got is not None:
                    return got[0], i, got[2]
        if j < n and low[j] in ("q", "h"):
            got = _quarter_at(ts, j, lex, year=y)  # "2017 Q1", "2019 H2"
            if got is not None:
                return got[0], i, got[2]
        # "2014 to 2018", "from 2014 through 2018", "between 2014 and 2018", "2014 - 2018", "2014~2018"
        if j + 1 < n and (low[j] in ("to", "through", "until", "till", "~", "-", "–", "—")
                          or (low[j] == "and" and i > 0 and low[i - 1] == "between")):
            y2 = _year_at(ts, j + 1)
            if y2 is not None and y < y2 <= y + 200 and not (j + 2 < n and low[j + 2] in lex.months):
                first = i - 1 if i > 0 and low[i - 1] in ("between", "from") else i
                return DateExpr("years", y, year2=y2, explicit_year=True), first, j + 2
        return DateExpr("year", y, explicit_year=True), i, j
    # ---- seasons: "fall 2024", "the fall of 2024", "last fall", "this summer"
    rel = _RELATIVE
    off = 0
    j = i
    if t in rel and i + 1 < n:
        off = rel[t]
        j = i + 1
    sw = low[j] if j < n else ""
    if sw in lex.seasons:
        season = lex.seasons[sw]
        k = j + 1
        if k < n and low[k] == "of":
            k += 1
        yy = _year_at(ts, k) if k < n else None
        if yy is not None:
            return DateExpr("season", yy, season=season, explicit_year=True), i, k + 1
        if j == i:  # bare season: only as "in (the) fall", "last fall" etc.
            if not (i > 0 and low[i - 1] in ("the", "in", "during", "this", "since", "until", "by")):
                return None
        return DateExpr("season", None, season=season, offset=off), i, j + 1
    # ---- weekdays: "Friday", "last Friday", "on Saturday and Sunday", "Friday, June 20"
    wk = weekday_at(ts, j, lex) if j < n else None
    if wk:
        w, k = wk
        days = [w]
        if k + 1 < n and low[k] in ("and", "or", "-", "–", "to"):
            wk2 = weekday_at(ts, k + 1, lex)
            if wk2:
                days.append(wk2[0])
                k = wk2[1]
        # "Tuesday of last week", "on Monday of next week": that weekday in that week
        if len(days) == 1 and k + 2 < n and low[k] == "of":
            kk = k + 1 + (low[k + 1] == "the")
            if kk + 1 < n and low[kk] in rel and low[kk + 1] == "week":
                return DateExpr("relative", unit="week", offset=rel[low[kk]], weekdays=(w,)), i, kk + 2
        # "Tuesday the 11th", "Mon 13th", "Tuesday the eleventh": a day of a month near publication
        if len(days) == 1 and k < n:
            kd = k + (low[k] == "the")
            dd = _day(ts, kd) if kd < n else None
            spelled = _spelled_day(ts, kd, lex) if dd is None and kd > k else None
            if dd and dd[1] > kd + 1 and not month_at(ts, dd[1], lex) and not (dd[1] < n and low[dd[1]] == "of"):
                return DateExpr("dom", day=dd[0], weekdays=(w,)), i, dd[1]
            if spelled and not month_at(ts, spelled[1], lex) and not (spelled[1] < n and low[spelled[1]] == "of"):
                return DateExpr("dom", day=spelled[0], weekdays=(w,)), i, spelled[1]
        # "Friday, June 20" or "Friday June 20": the calendar date carries the weekday
        k2 = k + 1 if k < n and ts.tok[k] == "," else k
        if len(days) == 1 and k2 < n:
            inner = parse_date(ts, k2, lex, _depth + 1)
            if inner and inner[0].kind in ("md", "ymd") and inner[1] == k2:
                e = inner[0]
                return DateExpr(e.kind, e.year, e.month, e.day, weekdays=(w,), explicit_year=e.explicit_year), i, inner[2]
        if t in ("this", "current") and len(days) == 1 and not (k < n and ts.tok[k] in ("-", "(", "/")):
            # "this Friday": the Friday of the week of publication, ahead or just past ("starts this Friday",
            # written on a Tuesday, is three days on), as "Friday of this week"
            return DateExpr("relative", unit="week", offset=0, weekdays=(w,)), i, k
        return DateExpr("weekday", weekdays=tuple(days), offset=off), i, k
    # ---- "four years ago", "3 days ago"
    if ts.typ[i] == NUM or t in lex.number_words or t in lex.tens or t in ("a", "an"):
        c = _count_at(ts, i, lex)
        k = c[1] if c else n
        unit = _UNITS.get(low[k]) if k + 1 < n and low[k + 1] == "ago" else None
        if c is not None and unit in ("day", "week", "month", "year"):
            return DateExpr("relative", unit=f"{unit}s_ago", offset=c[0]), i, k + 2
    # ---- relative units: "last week", "next month", "this year", "earlier this year", "the weekend"
    if t in ("earlier", "later") and i + 2 < n and low[i + 1] in ("this", "in") and (
            low[i + 2] in ("year", "month", "week") or (low[i + 2] == "the" and i + 3 < n and low[i + 3] in ("year", "month", "week"))):
        part = (0, 0) if t == "earlier" else (1, 1)
        k = i + 2 + (low[i + 2] == "the")
        return DateExpr("relative", unit=low[k], offset=0, part=part), i, k + 1
    if t in rel and i + 2 < n and (low[i + 1:i + 3] == ["calendar", "year"] or low[i + 1:i + 3] in (
            ["working", "week"], ["work", "week"])):  # "this calendar year"; "next working week": Monday to Friday
        if low[i + 2] == "year":
            return DateExpr("relative", unit="year", offset=rel[t]), i, i + 3
        return DateExpr("relative", unit="week", offset=rel[t], part=(0, 4)), i, i + 3
    if t in rel and i + 1 < n and low[i + 1] == "workweek":
        return DateExpr("relative", unit="week", offset=rel[t], part=(0, 4)), i, i + 2
    if t in rel and i + 1 < n and low[i + 1] in ("week", "month", "year", "weekend", "quarter"):
        if t == "this" and low[i + 1] == "year" and i >= 2 and low[i - 2:i] == ["so", "far"]:
            return DateExpr("relative", unit="year", offset=0, part=(0, 0)), i - 2, i + 2  # "so far this year"
        return DateExpr("relative", unit=low[i + 1], offset=rel[t]), i, i + 2
    if t == "weekend" and i + 2 < n and low[i + 1] == "of" and low[i + 2] in openers.holidays:
        got = _holiday_at(ts, i + 2, lex, openers)  # "the weekend of Halloween", "weekend of Thanksgiving 2023"
        if got is not None and not got[0].step:
            first = i - 1 if i > 0 and low[i - 1] == "the" else i
            return replace(got[0], weekend=True), first, got[2]
    if t == "weekend" and i > 0 and low[i - 1] == "the":
        return DateExpr("relative", unit="weekend", offset=0), i - 1, i + 1
    length = phrase_at(low, i, lex.relative_days, openers.relative_days, n)
    if length:
        key = tuple(low[i: i + length])
        if key == ("today",) and i + 1 < n and low[i + 1] in ("'s", "’s"):
            return None
        return DateExpr("relative", unit="day", offset=lex.relative_days[key]), i, i + length
    return None

# "three days after January 12", "two weeks before Christmas", "five years from now": a step from a date
_STEP = {"after": 1, "from": 1, "before": -1}
_NOW = frozenset(("now", "present", "date"))  # a range's open end: "from March to date" ("today" is a date)
_RANGE_TO = frozenset(("to", "through", "thru", "until", "till", "-", "–", "—", "~"))
_EDGES = {"first": 1, "last": -1, "final": -1}  # "the first ten days of 2021", "the last four months of the year"


def _count_at(ts: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A count of units at i -> (count, index after): '3', 'five', 'twenty-five', 'a'."""
    low, n = ts.low, ts.n
    got = _amount(ts, i, lex)
    if got is None:
        return None
    k = i + 1
    if ts.typ[i] == WORD and low[i] in lex.tens and k + 1 < n and ts.tok[k] == "-" and low[k + 1] in lex.number_words:
        got, k = got + int(lex.number_words[low[k + 1]]), k + 2  # "twenty-five years"
    return got, k


def _counted(ts: Tokens, i: int, lex: Lexicon) -> tuple[DateExpr, int, int] | None:
    """Spans counted in units from another date ("two days after today", "3 weeks before May 13") or inside
    one ("the last four months of 2021"). A count from publication ("the past five years", "the next 18
    months") stays a duration: two outlets compare such periods by their length, and as spans of days any two
    of them would overlap."""
    low, n = ts.low, ts.n
    t = low[i]
    if t in _EDGES:  # "the first ten days of 2021", "the last four months of 2021"
        c = _count_at(ts, i + 1, lex)
        if c is None or c[1] + 2 >= n or low[c[1]] not in _UNITS or low[c[1] + 1] != "of":
            return None
        count, k = c
        if (count > 1) != low[k].endswith("s"):
            return None
        j = k + 2 + (low[k + 2] == "the")
        inner = parse_date(ts, j, lex, 1) if j < n else None
        if inner is None or inner[1] != j:
            return None
        first = i - 1 if i > 0 and low[i - 1] == "the" else i
        return DateExpr("edge", offset=count * _EDGES[t], unit=_UNITS[low[k]], parts=(inner[0],)), first, inner[2]
    c = _count_at(ts, i, lex) if ts.typ[i] == NUM or t in lex.number_words or t in lex.tens or t in ("a", "an") else None
    if c is None or c[1] + 2 >= n:
        return None
    count, k = c
    w = low[k]
    if w not in _UNITS or low[k + 1] not in _STEP or (count > 1) != w.endswith("s"):
        return None
    j = k + 2
    if low[j] == "now":  # "five years from now"
        inner: tuple[DateExpr, int, int] | None = (DateExpr("relative", unit="day", offset=0), j, j + 1)
    else:
        inner = parse_date(ts, j, lex, 1)
        if inner is None and low[j] == "the" and j + 1 < n:
            inner = parse_date(ts, j + 1, lex, 1)
    if inner is None or inner[1] > j + 1:
        return None
    return DateExpr("shift", offset=count * _STEP[low[k + 1]], unit=_UNITS[w], parts=(inner[0],)), i, inner[2]


_PERIOD_TO = frozenset(("to", "ending", "ended"))
_PERIOD_NAMES = {"year": (1, "year"), "quarter": (3, "month")}  # "the year to June", "the quarter ended Sept. 30"


def _period(ts: Tokens, i: int, lex: Lexicon) -> tuple[DateExpr, int, int] | None:
    """A period told by its length and its end, as company and statistics reports write it: "the three months to
    June 30, 2025", "the 12 months to the end of June", "the year to June 2025", "the quarter ended Sept. 30"."""
    low, n = ts.low, ts.n
    if low[i] in _PERIOD_NAMES:
        count, unit = _PERIOD_NAMES[low[i]]
        k = i + 1
    else:
        c = _count_at(ts, i, lex) if ts.typ[i] == NUM or low[i] in lex.number_words or low[i] in lex.tens else None
        if c is None or c[1] >= n or low[c[1]] not in _UNITS or (c[0] > 1) != low[c[1]].endswith("s") \
                or _UNITS[low[c[1]]] not in ("day", "week", "month", "year") or not 0 < c[0] <= 120:
            return None
        count, unit, k = c[0], _UNITS[low[c[1]]], c[1] + 1
    if k + 1 >= n or low[k] not in _PERIOD_TO:
        return None
    j = k + 1
    inner = parse_date(ts, j, lex, 1)
    if inner is None and low[j] == "the" and j + 1 < n:
        inner = parse_date(ts, j + 1, lex, 1)
    if inner is None or inner[1] > j + 1 or inner[0].kind in ("weekday", "relative", "range", "years", "decade"):
        return None
    first = i - 1 if i > 0 and low[i - 1] == "the" else i
    return DateExpr("period", offset=-count, unit=unit, parts=(inner[0],)), first, inner[2]


# "before 2010", "after Feb 2018", "later than 2020": a span open on one side
_OPEN_WORDS = {"before": -1, "after": 1}
_OPEN_THAN = {"later": 1, "earlier": -1, "greater": 1}
_OPEN_KINDS = frozenset(("year", "month", "md", "ymd", "holiday", "shift", "decade", "season", "quarter", "dom"))


def _open_side(ts: Tokens, got: tuple[DateExpr, int, int], lex: Lexicon) -> tuple[DateExpr, int, int]:
    """A calendar date right after "before", "after", "prior to", "later than": everything before or after it.
    Only a date that ends its phrase: "before the 2020 election" and "after Monday's vote" name an event, so
    they stay the date they contain, and a bare weekday is never opened."""
    e, first, end = got
    low, n = ts.low, ts.n
    if e.kind not in _OPEN_KINDS or first == 0:
        return got
    k = first - 1
    if k >= 2 and low[k - 1:k + 1] == ["the", "year"]:  # "before the year 2019"
        k -= 2
    side = 0
    if low[k] in _OPEN_WORDS:
        side = _OPEN_WORDS[low[k]]
    elif low[k] == "to" and k > 0 and low[k - 1] == "prior":
        side, k = -1, k - 1
    elif low[k] == "than" and k > 0 and low[k - 1] in _OPEN_THAN:
        side, k = _OPEN_THAN[low[k - 1]], k - 1
        if k > 0 and low[k - 1] in ("no", "not"):  # "no later than May 1": up to and including it
            side, k = -2 * side, k - 1
    if not side:
        return got
    if side in (-1, 1) and k >= 2 and low[k - 2] == "the" and low[k - 1] in ("day", "month", "year"):
        # "the day before Christmas", "the year after 2015": one unit on, not everything on that side
        return DateExpr("shift", offset=side, unit=low[k - 1], parts=(e,)), k - 2, end
    if end < n and ts.typ[end] == WORD and low[end] not in lex.stopwords:
        return got  # "before 2019 elections": the year names the event
    if end < n and (low[end] in ("'s", "’s") or ts.tok[end] in ("'", "’")):
        return got  # "after 2020's census"
    return DateExpr("open", e.year, offset=side, explicit_year=e.explicit_year, parts=(e,)), k, end


def _range_from(ts: Tokens, got: tuple[DateExpr, int, int], lex: Lexicon) -> tuple[DateExpr, int, int]:
    """Two dates joined as one span: "2014 through May 2018", "from 10/1 to 11/7", "between the end of 2007
    and the end of 2008", "from March to date". Each end keeps its own reading; resolve joins them."""
    e, first, end = got
    low, n = ts.low, ts.n
    if end + 1 >= n or e.day2 or (e.month2 and e.kind != "month") or e.kind in ("years", "range"):
        return got
    c = low[end]
    lead = first - 1 - (first > 1 and low[first - 1] == "the")  # "between the end of 2007 and ..."
    between = lead >= 0 and low[lead] == "between"
    if not (c in _RANGE_TO or (c == "and" and between)):
        return got
    j = end + 1
    if c in ("-", "–", "—") and low[j] in ("to", "through") and j + 2 < n and ts.tok[j + 1] in ("-", "–", "—"):
        j += 2  # "the July-to-September quarter"
    if low[j] in _NOW and (low[j] != "date" or c != "and"):
        e2, end2 = DateExpr("relative", unit="day", offset=0), j + 1
    elif low[j] == "the" and j + 1 < n and low[j + 1] == "present":
        e2, end2 = DateExpr("relative", unit="day", offset=0), j + 2
    else:
        second = parse_date(ts, j, lex, _SECOND_END)  # one end, never a range of its own
        if second is None and low[j] == "the" and j + 1 < n:
            second = parse_date(ts, j + 1, lex, _SECOND_END)
        if second is None or second[1] > j + 1 or second[0].kind == "years":
            return got
        e2, end2 = second[0], second[2]
        if c in ("-", "–", "—") and ((end2 < n and ts.tok[end2] in ("-", "/") and ts.attached(end2))
                                     or (ts.attached(end) and ts.attached(j) and e2.kind != e.kind)):
            return got  # "Friday-Jun-15", "Q1-2019": one date written with hyphens, not a range
    if lead >= 0 and low[lead] in ("from", "between"):
        first = lead
    return DateExpr("range", e.year, explicit_year=e.explicit_year, year2=e2.year, parts=(e, e2)), first, end2


_DAY_TO = frozenset(("to", "through", "and", "until", "till"))  # joins two days before their month: "18 and 19 June"
DAY_OF_MONTH_PREPS = frozenset(("on", "since", "until", "till", "by", "from", "before", "after"))  # "on 22/04": a day


def _numeric_date(ts: Tokens, i: int, lex: Lexicon) -> tuple[DateExpr, int, int] | None:
    """14/03/2025, 3/14/2025 or 14-03-2025. The order is the rules' `numeric_order` (dmy, mdy, or auto: whichever
    reading is possible; an ambiguous date under auto is no claim rather than a guess)."""
    a, b = _int(ts, i, 1, 31, 2), _int(ts, i + 2, 1, 31, 2)
    y = _int(ts, i + 4, 0, YEAR_MAX)
    if a is None or b is None or y is None or len(ts.tok[i + 4]) not in (2, 4):
        return None
    got = numeric_ymd(a, b, y, len(ts.tok[i + 4]), lex)
    return (got, i, i + 5) if got is not None else None


def dotted_date(token: str, lex: Lexicon) -> DateExpr | None:
    """'14.03.2025' (one token: figures joined by dots): a day, month and year in the rules' order, else None
    (a version, an address, a section number: no date and no figure)."""
    parts = token.split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[0]) > 2 or len(parts[1]) > 2 \
            or len(parts[2]) not in (2, 4):
        return None
    return numeric_ymd(int(parts[0]), int(parts[1]), int(parts[2]), len(parts[2]), lex)


def numeric_ymd(a: int, b: int, y: int, year_digits: int, lex: Lexicon) -> DateExpr | None:
    """Two day-or-month figures and a year, read in the rules' `numeric_order`."""
    if not (1 <= a <= 31 and 1 <= b <= 31) or (year_digits == 4 and not YEAR_MIN <= y <= YEAR_MAX):
        return None
    if year_digits == 2:
        y += 2000 if y < 70 else 1900
    md = _month_day(a, b, y, lex)
    if md == "ambiguous":
        return DateExpr("ambiguous", y, explicit_year=True)  # read (so not a number), never placed
    return DateExpr("ymd", y, md[0], md[1], explicit_year=True) if md else None


def _month_day(a: int, b: int, y: int, lex: Lexicon) -> tuple[int, int] | str | None:
    """(month, day) of two figures in the rules' `numeric_order` (dmy, mdy, or auto: whichever reading is
    possible); "ambiguous" under auto when both are; None when the order's reading is no date."""
    order = str(lex.raw.get("dates", {}).get("numeric_order", "auto"))
    dmy_ok, mdy_ok = b <= 12 and _valid(y, b, a), a <= 12 and _valid(y, a, b)
    if a == b and dmy_ok:
        return a, a  # "1/1/2016": both readings agree
    if order == "dmy" or (order == "auto" and dmy_ok and not mdy_ok):
        return (b, a) if dmy_ok else None
    if order == "mdy" or (order == "auto" and mdy_ok and not dmy_ok):
        return (a, b) if mdy_ok else None
    return "ambiguous" if dmy_ok or mdy_ok else None


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QUARTER_STARTS = frozenset(_QUARTER_WORDS) | {"q", "h", "1", "2", "3", "4"}


def _quarter_at(ts: Tokens, i: int, lex: Lexicon, year: int | None = None) -> tuple[DateExpr, int, int] | None:
    """A calendar quarter as its three months: "Q3", "Q3 2025", "the third quarter (of 2024)",
    "second-quarter"; a half year with its year: "H2 2019", "the first half of 2019" (`year`: stated
    before it, "2019 H2")."""
    low, n = ts.low, ts.n
    q = j = None
    if low[i] == "h" and i + 1 < n and ts.attached(i + 1) and low[i + 1] in ("1", "2"):
        h, j = int(low[i + 1]), i + 2
        yy = year if year is not None else _year_at(ts, j) if j < n else None
        if yy is None:
            return None  # "H2" alone is hydrogen
        end = j + 1 if year is None else j
        return DateExpr("month", yy, 6 * h - 5, month2=6 * h, explicit_year=True, unit="half"), i, end
    if low[i] in ("first", "second") and i + 2 < n and low[i + 1] == "half":
        of = _of_year(ts, i + 2)
        if of is not None:  # "the first half of 2019", "the second half of last year"
            h = 1 if low[i] == "first" else 2
            first = i - 1 if i > 0 and low[i - 1] == "the" else i
            return DateExpr("month", of[0], 6 * h - 5, month2=6 * h, explicit_year=True, unit="half",
                            offset=of[1]), first, of[2]
        return None  # "the first half" of a match
    if low[i] == "q" and i + 1 < n and ts.attached(i + 1) and low[i + 1] in ("1", "2", "3", "4"):
        q, j = int(low[i + 1]), i + 2
    elif low[i] in _QUARTER_WORDS or (low[i] in ("1", "2", "3", "4") and i + 1 < n and ts.attached(i + 1)
                                      and low[i + 1] in ("st", "nd", "rd", "th")):
        k = i + 1 if low[i] in _QUARTER_WORDS else i + 2
        if k + 1 < n and ts.tok[k] == "-" and ts.attached(k) and ts.attached(k + 1):
            k += 1
        if k < n and low[k] == "quarter":
            q, j = _QUARTER_WORDS.get(low[i]) or int(low[i]), k + 1
    if q is None or j is None:
        return None
    first = i - 1 if i > 0 and low[i - 1] == "the" and low[i] != "q" else i
    off = 0
    of = _of_year(ts, j) if year is None else None
    if year is not None:
        yy, end = year, j
    elif of is not None:  # "the fourth quarter of 2024", "the first quarter of last year"
        yy, off, end = of
    elif j < n and _year_at(ts, j) is not None:
        yy, end = _year_at(ts, j), j + 1
    elif j + 1 < n and ts.tok[j] in ("-", "/") and ts.attached(j) and ts.attached(j + 1) and len(ts.tok[j + 1]) == 4 \
            and _year_at(ts, j + 1) is not None:
        yy, end = _year_at(ts, j + 1), j + 2  # "Q1-2019", "Q3/2024"
    else:
        yy, end = None, j
    return DateExpr("month", yy, 3 * q - 2, month2=3 * q, explicit_year=yy is not None or of is not None,
                    unit="quarter", offset=off), first, end


def _of_year(ts: Tokens, j: int) -> tuple[int | None, int, int] | None:
    """'of 2019' -> (2019, 0, end); 'of the year', 'of this year' -> (None, 0, end); 'of last year' -> (None, -1,
    end): the year a quarter or half belongs to, stated or counted from publication."""
    low, n = ts.low, ts.n
    if j + 1 >= n or low[j] != "of":
        return None
    y = _year_at(ts, j + 1)
    if y is not None:
        return y, 0, j + 2
    if j + 2 < n and low[j + 2] == "year" and (low[j + 1] == "the" or low[j + 1] in _RELATIVE):
        return None, _RELATIVE.get(low[j + 1], 0), j + 3  # "of the year", "of last year", "of the coming year"
    return None


def decade_words(lex: Lexicon) -> frozenset[str]:
    """'twenties' ... 'nineties': the plural of each tens word."""
    return frozenset(w[:-1] + "ies" for w in lex.tens if w.endswith("y"))


def _amount(ts: Tokens, i: int, lex: Lexicon) -> int | None:
    """A small count at i: '3', 'three', 'a'."""
    if i >= ts.n:
        return None
    t = ts.low[i]
    if ts.typ[i] == NUM and t.isdigit() and len(t) <= 3:
        return int(t)
    if t in lex.number_words and lex.number_words[t] == int(lex.number_words[t]):
        return int(lex.number_words[t])
    if t in lex.tens:
        return int(lex.tens[t])
    return 1 if t in ("a", "an") else None


def _spelled_day(ts: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A day of month in words: 'first', 'twenty-ninth', 'thirty first' -> (day, index after)."""
    if i >= ts.n or ts.typ[i] != WORD or not (ts.low[i] in lex.ordinals or ts.low[i] in lex.tens):
        return None
    got = read_ordinal_words(ts, i, lex)
    return got if got is not None and 1 <= got[0] <= 31 else None


def _century_at(ts: Tokens, i: int, lex: Lexicon) -> tuple[DateExpr, int, int] | None:
    """'the 21st century', 'the nineteenth century': its hundred years (2000-2099, as people count them)."""
    low, n = ts.low, ts.n
    if ts.typ[i] == NUM:
        if not (i + 2 < n and ts.attached(i + 1) and low[i + 1] in ("st", "nd", "rd", "th") and low[i + 2] == "century"):
            return None
        c, k = int(ts.tok[i]), i + 2
    else:
        got = read_ordinal_words(ts, i, lex)
        if got is None or got[1] >= n or low[got[1]] != "century":
            return None
        c, k = got
    if not 1 <= c <= 30 or (k + 1 < n and low[k + 1] in ("bc", "bce", "b.c.")):
        return None
    first = i - 1 if i > 0 and low[i - 1] == "the" else i
    return DateExpr("years", (c - 1) * 100, year2=(c - 1) * 100 + 99, explicit_year=True), first, k + 1


def _ahead_at(ts: Tokens, i: int, lex: Lexicon) -> tuple[DateExpr, int, int] | None:
    """'in two weeks', 'in a month's time', 'in 3 years' in a sentence that looks ahead: the day that far on.
    Without a look ahead ("the first time in three years") it is a duration, read elsewhere."""
    low, n = ts.low, ts.n
    if i == 0 or low[i - 1] != "in" or i + 1 >= n or low[i + 1] not in _UNITS:
        return None
    amount = _amount(ts, i, lex)
    if amount is None or (amount > 1) != low[i + 1].endswith("s"):
        return None
    end = i + 2
    k = end + 1 + (end + 1 < n and low[end + 1] == "s")  # "two weeks' time", "a month's time"
    if end + 1 < n and ts.tok[end] in ("'", "’") and k < n and low[k] == "time":
        end = k + 1
    elif not any(low[k] in lex.future_markers or f"{low[k - 1]} {low[k]}" in lex.future_markers
                 for k in range(max(1, i - 10), i)):
        return None
    return DateExpr("ahead", unit=_UNITS[low[i + 1]], offset=amount), i - 1, end


def _short_numeric(ts: Tokens, i: int, lex: Lexicon) -> tuple[DateExpr, int, int] | None:
    """'12-2015', '3/2024' (a month and its year), and after a date preposition a day and month without
    their year ('on 22/04'), read in the rules' `numeric_order` (an ambiguous one under auto is no date)."""
    low, n = ts.low, ts.n
    a = _int(ts, i, 1, 31, 2)
    if a is None or (i + 3 < n and ts.tok[i + 3] in ("/", "-", ".") and ts.attached(i + 3)):
        return None  # a full numeric date or a code
    y = _year_at(ts, i + 2) if len(ts.tok[i + 2]) == 4 else None
    if y is not None:
        return (DateExpr("month", y, a, explicit_year=True), i, i + 3) if a <= 12 else None
    b = _int(ts, i + 2, 1, 31, 2)
    if b is None or ts.tok[i + 1] != "/" or i == 0 or (low[i - 1] not in DAY_OF_MONTH_PREPS
                                                        and low[i - 1] not in ("to", "through")  # "from 10/25 to 01/25"
                                                        and low[i - 1] not in lex.weekdays):  # "Friday 5/12"
        return None
    md = _month_day(a, b, 2000, lex)  # (a leap year: "29/02" is a date)
    return (DateExpr("md", None, md[0], md[1]), i, i + 3) if isinstance(md, tuple) else None


def _holiday_at(ts: Tokens, i: int, lex: Lexicon, openers: "_Openers") -> tuple[DateExpr, int, int] | None:
    """'Christmas Eve', 'on Thanksgiving', 'Easter 2018', 'Labor Day': a named day (dates.yaml `holidays`)."""
    low, n = ts.low, ts.n
    length = phrase_at(low, i, lex.holidays, openers.holidays, n)
    if not length:
        return None
    key = tuple(low[i:i + length])
    h = lex.holidays[key]
    end = i + length
    step = _HOLIDAY_STEP.get(low[i - 1], 0) if i > 0 else 0  # "last Easter", "next Christmas"
    yy = _year_at(ts, end) if end < n else None
    if yy is None and end + 1 < n and ts.tok[end] == "," and _year_at(ts, end + 1) is not None:
        yy, end = _year_at(ts, end + 1), end + 1
    if yy is not None:
        end += 1
        step = 0
    elif key[-1] not in ("day", "eve", "friday", "monday", "sunday", "wednesday") and not (end < n and low[end] == "weekend") \
            and not step \
            and not (i > 0 and (low[i - 1] in _HOLIDAY_PREPS or (low[i - 1] == "the" and i > 1 and low[i - 2] in _HOLIDAY_PREPS))):
        return None  # "Christmas shopping", "Easter eggs": a season's name, not a day
    if end < n and low[end] in ("'s", "’s") or (end + 1 < n and ts.tok[end] in ("'", "’") and low[end + 1] == "s"):
        return None  # "Thanksgiving's travel": the word used as a name
    weekend = end < n and low[end] == "weekend"  # "Labor Day weekend": the holiday and the weekend beside it
    if weekend:
        end += 1
        if yy is None and end < n and _year_at(ts, end) is not None:  # "Halloween weekend 2021"
            yy, end = _year_at(ts, end), end + 1
    elif yy is not None and end < n and low[end] == "weekend":  # "Labor Day 2021 weekend"
        weekend, end = True, end + 1
    # in lower case only a name of two words, or one with its year or "last"/"next": "easter 2018", "last easter"
    if not ts.tok[i][0].isupper() and length < 2 and yy is None and not step:
        return None
    first = i - 1 if step else i
    if h.easter is not None:
        return DateExpr("holiday", yy, unit="easter", offset=h.easter, explicit_year=yy is not None,
                        weekend=weekend, step=step), first, end
    # day2 carries the days a moving feast is moved on by ("Black Friday": Thanksgiving + 1)
    return DateExpr("holiday", yy, h.month, h.day, weekdays=(h.weekday,) if h.weekday is not None else (),
                    offset=h.nth or 0, day2=h.days or None, explicit_year=yy is not None, weekend=weekend,
                    step=step), first, end


def _day_of(ts: Tokens, d: int, k: int, i: int, lex: Lexicon) -> tuple[DateExpr, int, int] | None:
    """After "the 15th day of" (k at what follows): a month ("June", "June 2024") or a month counted from
    publication ("the month", "next month"). "The 15th day of the strike" is no date."""
    low, n = ts.low, ts.n
    first = i - 1 if i > 0 and low[i - 1] == "the" else i
    mo = month_at(ts, k, lex)
    if mo:
        yy, end = _trailing_year(ts, mo[1])
        return DateExpr("ymd" if yy else "md", yy, mo[0], d, explicit_year=yy is not None), first, end
    if k + 1 < n and low[k + 1] == "month" and low[k] in ("the", "this", "next", "last", "current"):
        return DateExpr("dom", day=d, offset=_RELATIVE.get(low[k], 0), unit="month-of"), first, k + 2
    return None


_SPELLED_YEAR_PREPS = frozenset(("in", "since", "until", "by", "from"))
_SPELLED_YEAR_STARTS = frozenset(("one", "two", "seventeen", "eighteen", "nineteen", "twenty"))


def _spelled_date(ts: Tokens, i: int, lex: Lexicon) -> tuple[DateExpr, int, int] | None:
    """Dates with the year in words: 'twenty five January nineteen eighty six' (a day in words before its
    month, only with a year), 'in nineteen ninety six', 'since two thousand and fifteen' (a bare year in
    words only after a year's preposition and before no noun: 'in two thousand homes' is a count)."""
    low, n = ts.low, ts.n
    cd = _two_digit_words(ts, i, lex)
    if cd is not None and 1 <= cd[0] <= 31 and cd[1] < n and low[cd[1]] in lex.months:
        mo = month_at(ts, cd[1], lex)
        if mo:
            yy, end = _trailing_year(ts, mo[1], lex=lex)
            if yy is not None and _valid(yy, mo[0], cd[0]):
                return DateExpr("ymd", yy, mo[0], cd[0], explicit_year=True), i, end
    if i > 0 and low[i - 1] in _SPELLED_YEAR_PREPS:
        got = _spelled_year(ts, i, lex)
        if got is not None and (got[1] >= n or ts.typ[got[1]] != WORD or low[got[1]] in lex.stopwords):
            return DateExpr("year", got[0], explicit_year=True), i, got[1]
    return None


def _two_digit_words(ts: Tokens, k: int, lex: Lexicon) -> tuple[int, int] | None:
    """A number under 100 in words at k: 'eighty six', 'eighty-six', 'fifteen', 'five' -> (value, index after)."""
    low, n = ts.low, ts.n
    if k >= n:
        return None
    w = low[k]
    if w in lex.tens:
        v, k = int(lex.tens[w]), k + 1
        j = k + 1 if k + 1 < n and ts.tok[k] == "-" and ts.attached(k) else k
        u = lex.number_words.get(low[j]) if j < n else None
        return (v + int(u), j + 1) if u is not None and 1 <= u <= 9 else (v, k)
    u = lex.number_words.get(w)
    return (int(u), k + 1) if u is not None and 1 <= u <= 19 and u == int(u) else None


def _spelled_year(ts: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A year in words: 'nineteen eighty six', 'nineteen hundred ninety three', 'twenty twenty', 'two thousand
    and fifteen' -> (year, index after)."""
    low, n = ts.low, ts.n
    if i + 1 >= n:
        return None
    w = low[i]
    if w in ("one", "two") and low[i + 1] == "thousand":
        y, k = 1000 * (1 if w == "one" else 2), i + 2
        if k + 1 < n and low[k] == "and":
            got = _two_digit_words(ts, k + 1, lex)
            if got is not None:
                y, k = y + got[0], got[1]
        elif k < n:
            got = _two_digit_words(ts, k, lex)
            if got is not None:
                y, k = y + got[0], got[1]
        return (y, k) if YEAR_MIN <= y <= YEAR_MAX else None
    hi = lex.number_words.get(w, lex.tens.get(w))
    if hi is None or not 17 <= hi <= 20:  # "seventeen" ... "twenty": the centuries news dates fall in
        return None
    k = i + 1
    if low[k] == "hundred":  # "nineteen hundred ninety three", "seventeen hundred and thirty three"
        k += 1 + (k + 1 < n and low[k + 1] == "and")
        got = _two_digit_words(ts, k, lex)
        y, k = (int(hi) * 100 + got[0], got[1]) if got else (int(hi) * 100, i + 2)
    else:
        got = _two_digit_words(ts, k, lex)
        if got is None or got[0] < 10:
            return None  # "nineteen five" is two numbers
        y, k = int(hi) * 100 + got[0], got[1]
    return (y, k) if YEAR_MIN <= y <= YEAR_MAX else None


def _trailing_year(ts: Tokens, j: int, comma: bool = True, lex: Lexicon | None = None) -> tuple[int | None, int]:
    """An optional ", 2025", " 2025" (or, after a day, " of 2025": "July 4th of 1995") after a month or day;
    given the lexicon, a year in words too ("October two thousand and five")."""
    n = ts.n
    k = j
    if k < n and (ts.low[k] == "in" or (comma and ts.low[k] in (",", "of"))):  # "July 4th of 1995", "28 June in 2020"
        k += 1
    y = _year_at(ts, k) if k < n else None
    if y is not None:
        return y, k + 1
    if lex is not None and k < n and ts.typ[k] == WORD and (ts.low[k] in lex.number_words or ts.low[k] in lex.tens):
        got = _spelled_year(ts, k, lex)
        if got is not None:
            return got
    return None, j


def _looks_like_year(ts: Tokens, i: int, lex: Lexicon) -> bool:
    """A bare four-digit number is a year unless it counts something ('2000 people', '1500 km')."""
    if i > 0 and (ts.tok[i - 1] in ("$", "€", "£", "#", "¥") or (ts.attached(i) and ts.typ[i - 1] != 2)):
        return False
    if i > 0 and ts.low[i - 1] in _YEAR_PREPS:
        return True
    j = i + 1
    if j >= ts.n:
        return True
    nxt = ts.low[j]
    if ts.typ[j] == WORD and (nxt in lex.scales or nxt in ("percent", "per")):
        return False
    if ts.typ[j] == WORD and nxt not in lex.stopwords and nxt not in lex.months and not ts.tok[j][0].isupper():
        # "2000 people"; but after "a" one thing is named by its year ("a 1960 tsunami", "a 2019 report"),
        # unless a unit follows ("a 1500 km trek")
        return i > 0 and ts.low[i - 1] in ("a", "an") and nxt not in lex.phrase_index(*FIGURE_UNIT_TABLES)
    if ts.tok[j] == "%":
        return False
    return True
