"""Measure the normaliser on Microsoft Recognizers-Text's English specs (../shared/external/recognizers-text).

A case passes when every expected mention is found (spans overlap) with the expected value, and a negative
case (nothing expected) yields no mention of that file's kind. Extra mentions of other kinds are not held
against a case. Where the spec's span leaves out a qualifier we read ("more than $ 247 million" expects
"$ 247 million" = 247000000), the stated figure (the bound the qualifier keeps) is compared. A proportion we
read from a fraction ("two thirds": 66.7 %) is the spec's number 0.667, the same quantity in hundredths. A
rate we read ("500,000 barrels a day") where the spec's span holds only the amount is compared by its stated
figure and amount. A range of dates ends, in the spec, at the start of its last named period ("from March to May": to May 1); we
hold that period whole (to May 31), so the start of our last period is compared. Interval inclusivity ("[20,30)" vs our closed "between 20 and 30") is not compared; bounds
and open sides are. A range whose first end the spec's span leaves out ("about 40 - 50
years old": "50 years old") is compared by its second end. A place counted from the end is the spec's "end-1" for our
rank 2 from the end ("penultimate"); "end+0" (a bare "last") and places relative to the current one ("next",
"previous") are not read. A temperature is no dimension mention (the spec gives temperatures
their own file). Units and currencies the spec names are mapped to ours ("Ton" to ton or tonne, "Meter per
millisecond" composed from our metre and millisecond); a unit checker does not know
fails the case. Nothing is skipped: every case counts.

usage: python benchmarks/recognizers.py [DIR]       prints the pass rate per file
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE.parent.parent / "shared" / "external" / "recognizers-text"
FILES = ("number", "number_range", "ordinal", "percent", "currency", "dimension", "temperature", "age", "datetime")

CURRENCY = {"Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "Chinese yuan": "CNY", "Pound": "GBP",
            "British pound": "GBP", "Canadian dollar": "CAD", "Japanese yen": "JPY", "Australian dollar": "AUD",
            "Hong Kong dollar": "HKD", "Swiss franc": "CHF", "Franc": "CHF", "New Zealand dollar": "NZD",
            "Rupee": "INR", "Mexican peso": "MXN", "Bitcoin": "BTC", "Turkish lira": "TRY", "Lao kip": "LAK",
            "Georgian lari": "GEL", "Costa Rican colón": "CRC", "Finnish markka": "FIM", "Peseta": "ESP",
            "Netherlands guilder": "NLG"}
COINS = {"Cent": ("USD", 0.01), "Pence": ("GBP", 0.01), "Penny": ("GBP", 0.01), "Satoshi": ("BTC", 1e-8)}  # the spec counts coins; we hold the currency
# the spec's one name "Ton" labels "tons", "tonnes" and "100t" alike: either of our two units answers it
UNITS = {"Foot": "foot", "Meter": "metre", "Mile": "mile", "Pound": "pound-mass", "Gallon": "gallon", "Ton": ("ton", "tonne"),
         "Metric ton": "tonne", "Kilometer per hour": "kilometre per hour", "Kilogram": "kilogram", "Inch": "inch",
         "Square meter": "square metre", "Kilometer": "kilometre", "Millimeter": "millimetre",
         "Milliliter": "millilitre", "Barrel": "barrel", "Ounce": "ounce", "Acre": "acre",
         "Mile per hour": "mile per hour", "Square kilometer": "square kilometre", "Gram": "gram",
         "C": "degree Celsius", "F": "degree fahrenheit", "Year": "year", "Month": "month", "Week": "week",
         "Day": "day", "Centimeter": "centimetre", "Hectare": "hectare", "Liter": "litre", "Cubic meter": "cubic metre",
         "Knot": "knot", "Yard": "yard", "Square mile": "square mile", "Square foot": "square foot",
         "Degree": ("degree of arc", "degree of heat"), "Turn": "turn", "Radian": "radian", "Bit": "bit", "Megabyte": "megabyte", "Megabit": "megabit",
         "Cubic foot": "cubic foot", "Decimeter": "decimetre", "Tablespoon": "tablespoon", "Teaspoon": "teaspoon",
         "Cup": "cup", "Microgram": "microgram", "Age": "year"}
NUMBERISH = ("number", "quantity", "money", "percent")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _interval(text: str) -> tuple[float | None, float | None]:
    body = text.strip()[1:-1]
    lo, _, hi = body.partition(",")
    return (float(lo) if lo.strip() else None, float(hi) if hi.strip() else None)


def _overlap(claim, exp) -> bool:
    return claim.start <= exp["end"] and exp["start"] < claim.end


def _unit_factor(lex, name: str):
    for u in {**{k: v for k, v in lex.units.items()}, **lex.units_exact}.values():
        if u.name == name:
            return u
    amount, _, per = name.partition(" per ")  # a rate the spec names that we compose: "metre per millisecond"
    if per:
        a, t = _unit_factor(lex, amount), _unit_factor(lex, per)
        return lex.per_time.rate(a, t) if a is not None and t is not None and t.dimension == "time" else None
    return None


def _num(res: dict) -> float | None:
    try:
        return float(res.get("value"))
    except (TypeError, ValueError):
        return None


_RANGE_ENDS = ("-", "–", "to", "~")


def _stated(claim, exp):  # type: ignore[no-untyped-def]
    """The value compared: a qualifier outside the spec's span leaves its stated bound as the figure; a range
    whose first end the spec's span leaves out ("about 40 - 50 years old": "50 years old") leaves its
    second end."""
    v = claim.value
    q = getattr(v, "qualifier", None)
    if q and q not in ("between", "vague") and q not in exp["text"].lower() and (v.low is None) != (v.high is None):
        bound = v.low if v.low is not None else v.high
        return dataclasses.replace(v, low=bound, high=bound)
    left_out = claim.text[:max(0, exp["start"] - claim.start)].rstrip().lower()
    if getattr(v, "low", None) is not None and getattr(v, "high", None) is not None and v.low != v.high \
            and left_out.endswith(_RANGE_ENDS) and left_out[:-1].strip():
        return dataclasses.replace(v, low=v.high)
    return v


_RANGE_MARKS = (" to ", "-", "–", "~", " through ", " till ", " until ", " and ")


def _rate_left_out(claim, exp, lex) -> bool:  # type: ignore[no-untyped-def]
    """"500,000 barrels a day": the spec's span stops at the amount; we read the rate, whose stated figure and
    amount unit are the spec's."""
    ours, theirs = claim.text.lower(), exp["text"].lower()
    rest = ours[len(theirs):].replace("/", " / ").split() if ours.startswith(theirs) else []
    return len(rest) == 2 and rest[0] in lex.per_time.joins and rest[1] in lex.per_time.time_units


def _is_range(text: str) -> bool:
    return any(m in f" {text.lower()} " for m in _RANGE_MARKS)


def _period_start(day: dt.date, grain: str) -> dt.date:
    """The spec ends a range at the start of its last named period ("from 2014 to 2018": 2018-01-01); we hold
    that period whole (to 2018-12-31). The same range, told two ways: compare the start of our last period."""
    if grain in ("year", "decade"):
        return dt.date(day.year, 1, 1)
    if grain in ("quarter", "half"):
        size = 3 if grain == "quarter" else 6
        return dt.date(day.year, (day.month - 1) // size * size + 1, 1)
    if grain == "month":
        return dt.date(day.year, day.month, 1)
    return day


def _from_fraction(claim) -> bool:  # type: ignore[no-untyped-def]
    """A share we read from a fraction or "one in five", not from a percent sign or word."""
    return not any(p in claim.text.lower() for p in ("%", "per", "pc"))


def _div(v: float | None) -> float | None:
    return None if v is None else v / 100


def _match(file: str, claim, exp, lex) -> bool:
    v = claim.value if file in ("datetime", "number_range") else _stated(claim, exp)
    res = exp["resolution"]
    if file not in ("datetime", "number_range", "percent", "ordinal") and _num(res) is None:
        return False
    if file == "datetime":
        if claim.kind != "date" or (v.start is None and v.end is None):
            return False
        for alt in res["values"]:
            if "value" in alt and alt.get("type") == "date":
                if v.start == v.end == dt.date.fromisoformat(alt["value"][:10]):
                    return True
            elif "start" in alt or "end" in alt:
                # a side we leave open ("before 2010": no start) must be open in the spec too; a side the
                # spec leaves open ("since August") is not compared, as before open dates were read
                ok = not (v.start is None and alt.get("start")) and not (v.end is None and alt.get("end"))
                if alt.get("start") and v.start is not None:
                    ok &= v.start == dt.date.fromisoformat(alt["start"][:10])
                if alt.get("end") and v.end is not None:
                    end = dt.date.fromisoformat(alt["end"][:10])
                    # (a quarter named by its months, "from April to June", ends at its last month's start)
                    ok &= v.end + dt.timedelta(days=1) == end or v.end == end or (
                        _is_range(exp["text"]) and end in (_period_start(v.end, v.grain), _period_start(
                            v.end, "month" if v.grain == "quarter" else v.grain)))
                if ok:
                    return True
        return False
    if claim.kind not in NUMBERISH + ("ordinal",):
        return False
    if file == "ordinal":
        val = res.get("value", "")
        if claim.kind != "ordinal":
            return False
        if val.startswith("end-") and val[4:].isdigit():  # the spec counts back from the last: "penultimate" is end-1
            return v.dimension == "rank from end" and _close(v.low, int(val[4:]) + 1)
        return v.dimension == "ordinal" and val.lstrip("-").isdigit() and _close(v.low, float(val))
    if file == "number_range":
        lo, hi = _interval(res["value"])
        if claim.kind == "percent" and _from_fraction(claim):  # "2 in 5 or more": [0.4,)
            return _close(_div(v.low), lo) and _close(_div(v.high), hi)
        return _close(v.stated(v.low), lo) and _close(v.stated(v.high), hi)  # "more than thirty years": (30,)
    if file == "percent":
        val = res.get("value")
        if val in (None, "null") or claim.kind != "percent":
            return False
        return _close(v.low, float(val.rstrip("%"))) and _close(v.high, v.low)
    if file == "number" and claim.kind == "percent" and _from_fraction(claim):
        return _close(v.low / 100, float(res["value"])) and _close(v.low, v.high)  # "two thirds", "one in five"
    if file == "number":
        return claim.kind != "ordinal" and v.low is not None and _close(v.stated(v.low), float(res["value"])) \
            and _close(v.low, v.high)
    if file == "currency":
        code, scale = COINS.get(res.get("unit"), (CURRENCY.get(res.get("unit")), 1.0))
        return claim.kind == "money" and code == v.unit and _close(v.low, float(res["value"]) * scale) \
            and _close(v.low, v.high)
    # dimension, temperature, age: convert the expected value with our own table (an age, in years, is compared
    # as the duration it spans)
    if v.dimension == "age":
        hours = lambda x: None if x is None else x * 8765.82  # noqa: E731
        v = dataclasses.replace(v, low=hours(v.low), high=hours(v.high), dimension="time", unit="h")
    names = UNITS.get(res.get("unit"))
    if names is None and " per " in res.get("unit", ""):  # "Meter per millisecond": each side by our own names
        amount, _, per = res["unit"].partition(" per ")
        names = f"{UNITS.get(amount)} per {UNITS.get(per, per.lower())}"
    if names is None or claim.kind != "quantity":
        return False
    for name in (names,) if isinstance(names, str) else names:
        u = _unit_factor(lex, name)
        if u is not None and _rate_left_out(claim, exp, lex) and lex.per_time.into.get(u.dimension, ("",))[0] == v.dimension:
            return _close(v.stated(v.low), float(res["value"])) and _close(v.low, v.high)
        if u is not None and u.dimension == v.dimension \
                and _close(v.low, float(res["value"]) * u.factor + u.offset) and _close(v.low, v.high):
            return True
    return False


def _relevant(file: str, claim) -> bool:
    """Which of our mentions count against a negative case of this file."""
    return {"datetime": claim.kind == "date", "ordinal": claim.kind == "ordinal", "percent": claim.kind == "percent",
            "currency": claim.kind == "money", "temperature": claim.kind == "quantity" and claim.value.dimension == "temperature",
            "age": claim.kind == "quantity" and claim.value.dimension in ("time", "age"),
            "dimension": claim.kind == "quantity" and claim.value.dimension != "temperature"}.get(file, claim.kind == "number")


def evaluate(path: Path) -> tuple[int, int, list[str]]:
    """(passed, total, failures) for one spec file."""
    from checker.extraction import extract
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    file = path.stem
    passed = total = 0
    failures: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        total += 1
        published = dt.date.fromisoformat(case["reference"][:10]) if case.get("reference") else None
        claims = extract(case["input"], published)
        if not case["expected"]:
            ok = not any(_relevant(file, c) for c in claims)
        else:
            ok = all(any(_overlap(c, e) and _match(file, c, e, lex) for c in claims) for e in case["expected"])
        if ok:
            passed += 1
        else:
            failures.append(case["input"])
    return passed, total, failures


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    if not folder.is_dir():
        print(f"recognizers: {folder}: not found", file=sys.stderr)
        return 2
    verbose = "-v" in argv
    totals = Counter()
    print(f"{'file':<14} {'passed':>6} {'cases':>6} {'rate':>7}")
    for name in FILES:
        p = folder / f"{name}.jsonl"
        if not p.exists():
            continue
        ok, n, fails = evaluate(p)
        totals["ok"] += ok
        totals["n"] += n
        print(f"{name:<14} {ok:>6} {n:>6} {ok / n:>7.1%}")
        if verbose:
            for f in fails[:40]:
                print("   FAIL", f[:140])
    print(f"{'all':<14} {totals['ok']:>6} {totals['n']:>6} {totals['ok'] / max(totals['n'], 1):>7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
