"""Time zones of clock times: read after a time ("01:47 UTC", "10:47 p.m. local time", "14:30 UK time"), the
story's local zone learnt from a text ("Times are Saltmere local time (UTC-3)", "22:10 local time (2010 GMT)")
or from another source of the same story, and two times compared in UTC when both zones are known.

A clock time's `Quantity.zone` is None (nothing said), "local" (local time, offset not known), "=S/U" (a zone
named: minutes east of UTC in standard and in summer time), "~N" (local time, N minutes east of UTC, as the
text declares it) or "@N" (local time, N minutes east of UTC, by the place the story names: weaker, so a zone
another source of the story declares still reaches the story's other times).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .lexicon import Lexicon
from .values import TIME, Claim, Quantity

LOCAL = "local"
_MAX_WORDS = 3
# "UTC-3", "GMT+2", "UTC+05:30", "UTC −3": an offset written out
_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*([+\-−–])\s*(\d{1,2})(?::?(\d\d))?\b")


def zone_at(low: list[str], k: int, lex: Lexicon) -> tuple[str | None, int]:
    """The zone named at token k and the token after it: ("local", k + 2) for "local time", ("=0/60", k + 2)
    for "UK time", ("=-180/-180", k + 3) for "UTC-3"; (None, k) when none is."""
    if (low[k], low[k + 1]) == ("local", "time"):
        return LOCAL, k + 2
    for n in range(_MAX_WORDS, 0, -1):
        pair = lex.time_zones.get(tuple(low[k:k + n]))
        if pair is not None:
            if n == 1 and low[k] in ("utc", "gmt") and low[k + 1] in ("+", "-", "−", "–") and low[k + 2].isdigit():
                sign = 1 if low[k + 1] == "+" else -1
                minutes = sign * int(low[k + 2]) * 60
                return f"={minutes}/{minutes}", k + 3
            return f"={pair[0]}/{pair[1]}", k + n
    return None, k


def offset(q: Quantity, day: dt.date | None) -> int | None:
    """Minutes east of UTC of a clock time, when its zone is known (summer time from April to October)."""
    z = q.zone
    if not z or z == LOCAL:
        return None
    if z[0] in "~@":
        return int(z[1:])
    std, _, summer = z[1:].partition("/")
    return int(summer) if _summer(day) else int(std)


def _summer(day: dt.date | None) -> bool:
    """Whether a day falls in the part of the year a zone's second offset holds (April to October)."""
    return day is not None and 4 <= day.month <= 10


def local_offset(claims: list[Claim], text: str) -> int | None:
    """The story's local zone as a text gives it: an offset declared beside "local time" ("Times are Saltmere
    local time (UTC-3)"), or a local time given with its UTC or GMT equivalent ("22:10 local time (2010 GMT)")."""
    for m in _OFFSET.finditer(text):
        if "local" in text[max(0, m.start() - 40): m.start()].lower():
            sign = 1 if m.group(1) == "+" else -1
            return sign * (int(m.group(2)) * 60 + int(m.group(3) or 0))
    times = [c for c in claims if c.kind == TIME and isinstance(c.value, Quantity) and c.value.low is not None]
    for a, b in zip(times, times[1:]):
        between = b.start - a.end
        if a.value.zone == LOCAL and b.value.zone and b.value.zone[0] == "=" and 0 <= between <= 16:  # type: ignore[union-attr]
            utc = offset(b.value, None)  # type: ignore[arg-type]
            if utc is None:
                continue
            diff = (a.value.low - (b.value.low - utc)) % 1440  # type: ignore[union-attr, operator]
            diff = diff - 1440 if diff > 840 else diff
            return int(diff)
    return None


_NAMES = re.compile(r"[A-Z][^\s,.;:!?()\[\]\"“”]*(?:[ \t]+[A-Z][^\s,.;:!?()\[\]\"“”]*)*")
PLACE_CHARS = 4000  # a story names its place in its dateline and lead: the places of its opening are read


def place_offset(text: str, lex: Lexicon, day: dt.date | None) -> int | None:
    """The local zone of a story by the places its opening names (places.yaml, from the tz database): the zone
    named most often, the earliest on a tie ("Tokyo", "Japan" twice, "France" once: Japan's). Minutes east of
    UTC on `day` (July's offset from April to October); None when no place is named, or its zone keeps summer
    time and the day is not known."""
    places = lex.places
    if not places:
        return None
    longest = lex.derived("places_longest", lambda x: max(len(k) for k in x.places))
    counts: dict[tuple[int, int], int] = {}
    first: dict[tuple[int, int], int] = {}
    for run in _NAMES.finditer(text, 0, PLACE_CHARS):
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in run.group().split()]
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                pair = places.get(tuple(words[i:i + n]))
                if pair is not None:
                    counts[pair] = counts.get(pair, 0) + 1
                    first.setdefault(pair, run.start())
                    i += n
                    break
            else:
                i += 1
    if not counts:
        return None
    jan, jul = max(counts, key=lambda p: (counts[p], -first[p]))
    if jan != jul and day is None:
        return None
    return jul if _summer(day) else jan


def with_local(claims: list[Claim], minutes: int, marked_only: bool = False, mark: str = "~") -> list[Claim]:
    """The clock times of a story that name no zone, or "local time", placed in its local zone (with
    `marked_only`, only those said to be in local time; `mark` "@" for a zone known by a place)."""
    out = []
    for c in claims:
        q = c.value
        if c.kind == TIME and isinstance(q, Quantity) and (q.zone == LOCAL or (q.zone is None and not marked_only)):
            c = replace(c, value=replace(q, zone=f"{mark}{minutes}"))
        out.append(c)
    return out


def learnt(claims: list[Claim]) -> set[int]:
    """The local offsets a source's clock times carry (learnt from its own text)."""
    return {int(c.value.zone[1:]) for c in claims if c.kind == TIME and isinstance(c.value, Quantity)
            and c.value.zone and c.value.zone[0] == "~"}


def in_utc(q: Quantity, day: dt.date | None) -> Quantity | None:
    """The clock time read in UTC, when its zone is known."""
    off = offset(q, day)
    if off is None or q.low is None:
        return None
    move = lambda v: None if v is None else (v - off) % 1440  # noqa: E731
    return replace(q, low=move(q.low), high=move(q.high), zone="=0/0")


def comparable(qa: Quantity, qb: Quantity, day_a: dt.date | None = None,
               day_b: dt.date | None = None) -> tuple[Quantity, Quantity, bool]:
    """Two clock times as they should be compared: both in UTC when both zones are known (True); else as
    written, with False when exactly one names its zone (which the other may not share)."""
    ua, ub = in_utc(qa, day_a), in_utc(qb, day_b)
    if ua is not None and ub is not None:
        return ua, ub, True
    return qa, qb, (ua is None) == (ub is None)
