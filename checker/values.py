"""Canonical values: what a mention means, independent of how it was written.

Numbers are intervals (never midpoints) in a canonical unit; dates are spans of days with a grain.
Both are frozen so claims can be shared, hashed and compared freely.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import field, replace
from typing import Any

from .frozen import frozen

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# Kinds of claim.
NUMBER, QUANTITY, MONEY, PERCENT, ORDINAL, DATE, TIME = (
    "number", "quantity", "money", "percent", "ordinal", "date", "time")
RANK_FROM_END = "rank from end"
CLOCK12 = "min (12-hour)"  # the stated unit of a clock time that does not say which half of the day  # the dimension of an ordinal counted from the end ("penultimate": 2)


@frozen
class Quantity:
    """An interval in a canonical unit. `None` on a side means open (unbounded)."""

    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    unit: str | None = None          # canonical unit ("m", "USD", "%", None for a count)
    dimension: str = "count"         # count, length, area, currency, proportion, ...
    # How it was written, for readable output: the stated unit and its conversion to canonical.
    stated_unit: str | None = None
    factor: float = 1.0
    offset: float = 0.0
    qualifier: str | None = None     # "more than", "about", ...
    precision: float = 0.0           # half the last stated digit, in stated units (rounding slack)
    lean: str = ""                   # "below" ("nearly 500") or "above" ("just over 500"), from rules/qualifiers
    zone: str | None = None          # (clock times) its time zone: see checker/zones.py

    def to_json(self) -> dict[str, Any]:
        return {
            "low": _clean(self.low), "high": _clean(self.high),
            "low_inclusive": self.low_inclusive, "high_inclusive": self.high_inclusive,
            "approximate": self.approximate, "unit": self.unit, "dimension": self.dimension,
        }

    def stated(self, v: float | None) -> float | None:
        return None if v is None else (v - self.offset) / self.factor

    def read_in(self, unit: Any) -> "Quantity":
        """The stated figure read in another unit (a UnitDef): "104 degrees" of unstated scale as Fahrenheit."""
        to = lambda v: None if v is None else v * unit.factor + unit.offset  # noqa: E731
        return replace(self, low=to(self.stated(self.low)), high=to(self.stated(self.high)), unit=unit.canonical,
                       dimension=unit.dimension, factor=unit.factor, offset=unit.offset)

    def readable(self, subject: str | None = None) -> str:
        lo, hi = self.stated(self.low), self.stated(self.high)
        unit = self.stated_unit or ""
        if unit == "h:mm:ss" and lo is not None and lo == hi:  # a running time, as it was written
            s = round(lo * 3600)
            return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" + (f" {subject}" if subject else "")
        if self.dimension == "currency" and unit and not unit.islower():  # "USD 5"; coins read "34 cents"
            fmt = lambda v, u=unit: f"{u} {format_number(v)}"  # noqa: E731
            unit = ""
        else:
            fmt = format_number
        if lo is not None and hi is not None and math.isclose(lo, hi, rel_tol=1e-12):
            body = fmt(lo)
            if self.approximate:
                body = {"below": "≲ ", "above": "≳ "}.get(self.lean, "≈ ") + body
        elif lo is not None and hi is not None:
            body = f"{fmt(lo)}–{fmt(hi)}"
            if self.approximate:
                body = f"≈ {body}"
        elif lo is not None:
            body = (">= " if self.low_inclusive else "> ") + fmt(lo)
        elif hi is not None:
            body = ("<= " if self.high_inclusive else "< ") + fmt(hi)
        else:
            body = "?"
        if unit:
            body += unit if unit in ("%",) else f" {unit}"
        if subject:
            body += f" {subject}"
        return body


@frozen
class DateSpan:
    """An inclusive span of days. Unresolved spans keep what is known: a weekday, a month-day."""

    start: dt.date | None
    end: dt.date | None
    grain: str                        # day, weekend, week, month, season, quarter, year, decade, ...
    weekday: int | None = None        # 0=Mon; set for single days and for bare weekdays
    resolved: bool = True
    partial: str | None = None        # ISO partial for unresolved dates: "--08-03", "--06"
    weekdays: tuple[int, ...] = ()    # bare weekday spans ("on Saturday and Sunday")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "grain": self.grain,
            "weekday": WEEKDAYS[self.weekday] if self.weekday is not None else None,
            "resolved": self.resolved,
        }
        if self.partial:
            out["partial"] = self.partial
        return out

    def readable(self, subject: str | None = None) -> str:
        if self.start and self.end:
            if self.start == self.end:
                return f"{self.start.isoformat()} ({WEEKDAYS[self.start.weekday()]})"
            return f"{self.start.isoformat()}..{self.end.isoformat()}"
        if self.resolved and (self.start or self.end):  # "before 2010", "after Feb 2018": open on one side
            return f"{self.start.isoformat()}.." if self.start else f"..{self.end.isoformat()}"  # type: ignore[union-attr]
        bits = []
        if self.weekdays:
            bits.append("/".join(WEEKDAYS[w] for w in self.weekdays))
        elif self.weekday is not None:
            bits.append(f"a {WEEKDAYS[self.weekday]}")
        if self.partial:
            bits.append(self.partial)
        return " ".join(bits) + " (unresolved)" if bits else "(unresolved)"


Value = Quantity | DateSpan


@frozen
class Claim:
    """One numeric or date mention in one source, with its canonical value and what it is about."""

    id: str
    source: str
    start: int
    end: int
    text: str
    sentence: str
    kind: str
    subject: str | None
    value: Value
    # Context used to line claims up across sources (not part of the public JSON).
    subject_key: str | None = field(default=None, compare=False)
    events: tuple[str, ...] = field(default=(), compare=False)
    context: tuple[str, ...] = field(default=(), compare=False)
    years: tuple[int, int] | None = field(default=None, compare=False)
    when: tuple[int, int] | None = field(default=None, compare=False)   # days (ordinal) the figure refers to
    increment: bool = field(default=False, compare=False)
    part: bool = field(default=False, compare=False)
    tight: str | None = field(default=None, compare=False)    # event word right beside the figure          # "180 of them", "including 8,000 hectares"
    anchors: tuple[str, ...] = field(default=(), compare=False)   # (dates) ids of the figures in the clause
    role: str | None = field(default=None, compare=False)          # "current" / "previous" for revised counts, "changed"
    sentence_start: int = field(default=0, compare=False)
    rate: str | None = field(default=None, compare=False)          # "month" for "300,000 rounds a month"
    ref_year: int | None = field(default=None, compare=False)      # the year the article's undated dates take
    trait: frozenset[str] = field(default=frozenset(), compare=False)  # (shares) what the share has: "a third were children"
    aspects: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # ("statistic", "minimum"), ("basis", "year")

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "source": self.source, "start": self.start, "end": self.end, "text": self.text,
            "sentence": self.sentence, "kind": self.kind, "subject": self.subject, "value": self.value.to_json(),
        }

    def readable(self) -> str:
        if isinstance(self.value, Quantity) and self.kind in (NUMBER,):
            return self.value.readable(self.subject)
        if isinstance(self.value, Quantity) and self.kind == ORDINAL:
            return f"#{format_number(self.value.low)}"
        if isinstance(self.value, Quantity) and self.kind == TIME:
            return _clock(self.value)
        return self.value.readable()


def text_between(a: Claim, b: Claim) -> str:
    """The words between two claims of one sentence, in text order ("230 passengers and 12 crew": " passengers
    and "): what joins them says whether they are listed, restated or set apart."""
    x, y = (a, b) if a.start < b.start else (b, a)
    return x.sentence[x.end - x.sentence_start: y.start - x.sentence_start]


def _clock(q: Quantity) -> str:
    def hm(v: float | None) -> str:
        if v is None:
            return "?"
        v = round(v)
        return f"{int(v // 60) % 24:02d}:{int(v % 60):02d}"

    if q.low == q.high:
        return ("≈ " if q.approximate else "") + hm(q.low)
    if q.high is None:
        return f"after {hm(q.low)}"
    if q.low is None:
        return f"before {hm(q.high)}"
    return f"{'≈ ' if q.approximate else ''}{hm(q.low)}–{hm(q.high)}"


def _clean(v: float | None) -> float | int | None:
    if v is None:
        return None
    if math.isfinite(v) and v == int(v) and abs(v) < 1e15:
        return int(v)
    # ten decimals drop float noise; a tiny value (3 mm a year in km/h: 3.8e-10) keeps its significant digits
    return round(v, 10) if abs(v) >= 1e-3 else float(f"{v:.12g}")


def format_number(v: float | None) -> str:
    """Readable number: thousands separators, no float noise; from 10^15 on, the 15 significant digits a
    float holds ("1.5e+24"), never digits it invented."""
    if v is None:
        return "?"
    if not math.isfinite(v):
        return "∞" if v > 0 else "-∞" if v < 0 else "?"
    if abs(v) >= 1e15:
        return f"{v:.15g}"
    if v == int(v):
        return f"{int(v):,}"
    text = f"{v:,.4f}".rstrip("0").rstrip(".")
    return text


PUBLISHED_YEARS = (1800, 2200)  # a published date outside these is a typo, and date arithmetic would overflow


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A publication date from what callers hold: a date, a datetime (its day) or an ISO 8601 string; years
    1800-2200 (outside them a date is a typo, and resolving "last week" would overflow)."""
    if value is None or (type(value) is dt.date and PUBLISHED_YEARS[0] <= value.year <= PUBLISHED_YEARS[1]):
        return value
    if isinstance(value, dt.datetime):
        got = value.date()
    elif isinstance(value, dt.date):
        got = dt.date(value.year, value.month, value.day)
    elif isinstance(value, str):
        text = value.strip()
        try:
            got = dt.date.fromisoformat(text[:10]) if len(text) > 10 and text[10] in "Tt " else dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"`published` is not an ISO date: {value!r}") from None
    else:
        raise TypeError(f"`published`: expected a date or an ISO string, got {type(value).__name__}")
    if not PUBLISHED_YEARS[0] <= got.year <= PUBLISHED_YEARS[1]:
        raise ValueError(f"`published` is out of range ({PUBLISHED_YEARS[0]}-{PUBLISHED_YEARS[1]}): {got.isoformat()}")
    return got


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def named_weekday(text: str) -> int | None:
    """The weekday a claim's words name (0=Monday), whatever its date says: "Friday, May 22" names a Friday
    though 22 May 2024 was a Wednesday."""
    low = text.lower()
    for k, name in enumerate(_WEEKDAY_NAMES):
        if name in low:
            return k
    return None


def misnamed_weekday(c: Claim) -> int | None:
    """The weekday a placed day's words name when its date is another weekday ("Friday, May 22" when 22 May
    2024 was a Wednesday)."""
    v = c.value
    if not (isinstance(v, DateSpan) and v.resolved and v.start is not None and v.start == v.end):
        return None
    named = named_weekday(c.text)
    return named if named is not None and named != v.start.weekday() else None


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


@functools.lru_cache(maxsize=4096)
def written_figure(text: str) -> str | None:
    """The first figure of a claim's words as written, without thousands separators ("84,200" -> "84200",
    "6.4%" -> "6.4"); None for a figure in words. (Cached: alignment asks for it once per pair.)"""
    m = _FIGURE.search(text)
    return m.group().replace(",", "") if m else None


def transposed(a: str, b: str) -> bool:
    """Two figures written with the same digits in another order ("6.4%" and "4.6%", "84,200" and "48,200",
    450 and 540): a slip of the keyboard, the same figure misreported."""
    da, db = written_figure(a), written_figure(b)
    if da is None or db is None or da.find(".") != db.find("."):
        return False
    da, db = da.replace(".", ""), db.replace(".", "")
    return da != db and len(set(da)) >= 2 and sorted(da) == sorted(db)

