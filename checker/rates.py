"""Reference exchange rates: EUR-based rates with their as-of date, from rules/ or an ECB CSV.

Money in two currencies is compared by converting one into the other at a reference rate, within a
band (rates move, and articles convert at the day's rate or a rounded one). Rates are data: the
shipped set is `rules/rates.yaml`; a newsroom passes newer ones with `--rates FILE`, the European
Central Bank's reference-rate CSV (the daily `eurofxref.csv` or the history `eurofxref-hist.csv`:
a `Date` column and one column per currency, units per euro; the newest row is used).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import math
from dataclasses import dataclass
from pathlib import Path

from .errors import RuleError


@dataclass(frozen=True)
class Rates:
    as_of: dt.date
    per_euro: dict[str, float]        # currency code -> units per euro (EUR itself is 1)
    source: str = "ECB reference rates"

    def convert(self, amount: float, src: str, dst: str) -> float | None:
        """`amount` of `src` in `dst`; None when either currency has no rate."""
        a, b = self.per_euro.get(src), self.per_euro.get(dst)
        if a is None or b is None:
            return None
        return amount / a * b

    def rate(self, src: str, dst: str) -> float | None:
        return self.convert(1.0, src, dst)


def _date(text: str) -> dt.date | None:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_ecb_csv(text: str, name: str = "rates") -> Rates:
    """The newest row of an ECB reference-rate CSV. Raises RuleError naming the file when it is not one."""
    rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
    if len(rows) < 2 or not rows[0] or rows[0][0].strip().lower() != "date":
        raise RuleError("not an ECB reference-rate CSV (expected a header row starting with `Date`)", name, 1)
    header = [h.strip().upper() for h in rows[0]]
    best: tuple[dt.date, list[str]] | None = None
    for line, row in enumerate(rows[1:], start=2):
        day = _date(row[0]) if row else None
        if day is None:
            raise RuleError(f"unreadable date {row[0]!r}" if row else "empty row", name, line)
        if best is None or day > best[0]:
            best = (day, row)
    assert best is not None
    per_euro = {"EUR": 1.0}
    for code, cell in zip(header[1:], best[1][1:], strict=False):  # a short row leaves currencies out
        try:
            value = float(cell)
        except ValueError:
            continue  # "N/A": a currency the ECB no longer quotes
        if code and math.isfinite(value) and value > 0:
            per_euro[code] = value
    return Rates(best[0], per_euro, f"ECB via {Path(name).name}")


def load_rates_file(path: str | Path) -> Rates:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read exchange rates ({getattr(exc, 'strerror', None) or exc})", str(p)) from None
    return parse_ecb_csv(text, str(p))


def rates_of(raw: dict) -> Rates | None:
    """The rates of a compiled rules set (`rules/rates.yaml`, id `rates`), or None when there are none."""
    spec = raw.get("rates")
    if not spec:
        return None
    day = spec["as_of"] if isinstance(spec["as_of"], dt.date) else _date(str(spec["as_of"]))
    per_euro = {"EUR": 1.0, **{str(k).upper(): float(v) for k, v in spec["per_euro"].items()}}
    return Rates(day, per_euro, str(spec.get("source", "ECB reference rates")))  # type: ignore[arg-type]


def rates_for(lex) -> Rates | None:  # type: ignore[no-untyped-def]
    """The rates of a lexicon, read once."""
    return lex.derived("rates", lambda x: rates_of(x.raw))


__all__ = ["Rates", "parse_ecb_csv", "load_rates_file", "rates_of", "rates_for"]
