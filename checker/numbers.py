"""Reading numbers from tokens: digits, spelled-out numbers, scale words and abbreviations.

Pure functions over `Tokens`; each returns the value, the index after the last token used and the
rounding slack the written form implies (half the last stated digit of a decimal).
"""
from __future__ import annotations

import math
from typing import NamedTuple

from .lexicon import Lexicon, phrase_at
from .tokens import HYPHENS, NUM, WORD, Tokens



MAX_NUMBER_WORDS = 40  # the longest spelled number anyone writes is about 20 tokens; reading stops here, so a
                       # run of number words costs its length, not its square
MAX_SCALES = 3  # scale words after one figure: "two hundred thousand million" is the most anyone writes


class Num(NamedTuple):
    """A number as read, before units: a tuple, as it lives only inside the readers (cheapest to build)."""

    value: float
    end: int             # index after the last token
    precision: float     # rounding slack in the same units as value
    scaled: bool         # a scale word or abbreviation was applied
    words: bool          # spelled out ("nine", "a dozen")
    integer_text: str = ""  # digits as written (for year/score/phone tests)


def _scaled_precision(text: str, precision: float, scale: float, words: bool) -> float:
    """The rounding a figure before a scale word carries. "1.2 million" keeps its decimal slack; a whole number of
    two or more digits is rounded to its last digit ("$36 billion" for $35.9 billion, "$10 billion" for $10.32
    billion); a single digit is taken as stated ("3 million" is not "3 million give or take half a million")."""
    if words:
        return 0.0
    return precision * scale if "." in text or sum(ch.isdigit() for ch in text) >= 2 else 0.0


def parse_digits(text: str) -> tuple[float, float] | None:
    """'1,234.5' -> (1234.5, 0.05), '1.234,5' (continental) -> (1234.5, 0.05), '48' -> (48, 0.5): half the last stated digit, the rounding a writer
    may have applied. None for a figure too large for a float ("1e400") or a dotted code ("17.4.1"); the tokenizer leaves longer runs
    out. Beyond 15 significant digits a figure is compared at float precision."""
    if text.isdigit():
        raw = text
    elif "," in text and "." in text and text.rfind(",") > text.rfind("."):
        raw = text.replace(".", "").replace(",", ".")  # "1.234,56": thousands by dots, a decimal comma
    else:
        raw = "".join(text.replace(",", "").split())  # "1,000", "1 000", "1\u202f000"
    _, _, frac = raw.partition(".")
    if "." in frac:
        return None  # "17.4.1", "192.168.1.2": a version or an address, no figure
    value = float(raw)
    if not math.isfinite(value):
        return None
    precision = 0.5 * 10 ** (-len(frac))
    return value, precision


def _whole_goes_on(ts: Tokens, k: int, lex: Lexicon) -> bool:
    """After 'and': a proper fraction ('and three quarters') is added to the whole before it; an improper one
    ('one hundred and thirty-two fifths') makes the whole its numerator. The numerator is read without
    following its own "and": a run of "one hundred and one hundred and ..." costs its length, not its square."""
    num = _word_number(ts, k, lex, follow_and=False) if ts.typ[k] == WORD else None
    frac = fraction_at(ts, k, lex, numerator=num) if num is not None else fraction_at(ts, k, lex)
    return frac is None or frac[0] >= 1


def _word_number(ts: Tokens, i: int, lex: Lexicon, follow_and: bool = True) -> tuple[float, int] | None:
    """Spelled-out numbers: 'eighty-seven', 'two hundred and fifty thousand', 'a dozen', 'four dozen'. The
    ordinal, fraction and number readers all ask at the same word: each answer is kept with the tokens (keyed
    by the lexicon that gave it)."""
    key = i if follow_and else ~i
    got = ts.words_read.get(key)
    if got is not None and got[0] is lex:
        return got[1]
    value = _read_word_number(ts, i, lex, follow_and)
    ts.words_read[key] = (lex, value)
    return value


def _read_word_number(ts: Tokens, i: int, lex: Lexicon, follow_and: bool) -> tuple[float, int] | None:
    n = ts.n
    total = current = small = 0.0  # small: the words after the last "hundred" ("three hundred and [two]")
    last = None  # what the previous word was: unit, teen, tens, hundred, scale, a, and
    j = i
    end = i
    stop = min(n, i + MAX_NUMBER_WORDS)
    while j < stop:
        w = ts.low[j]
        if w in lex.number_words:
            v = lex.number_words[w]
            kind = "unit" if 0 < v < 10 else "teen"
            if last not in (None, "hundred", "scale", "and") and not (kind == "unit" and last == "tens"):
                break
            current += v
            small += v
        elif w in lex.tens:
            if last not in (None, "hundred", "scale", "and"):
                break
            current += lex.tens[w]
            small += lex.tens[w]
            kind = "tens"
        elif w == "hundred" and (last in ("unit", "teen", "tens", "a") or (
                last is None and j + 1 < n and ts.low[j + 1] in lex.scales and ts.low[j + 1] != "hundred")):
            # a bare "hundred" counts one hundred only before a larger scale: "hundred thousand dollars"
            current = (current or 1) * 100
            small = 0.0
            kind = "hundred"
        elif w in lex.scales and last in ("unit", "teen", "tens", "hundred", "a"):
            total += (current or 1) * lex.scales[w]
            current = small = 0
            kind = "scale"
        elif w in lex.multipliers and last in ("unit", "teen", "tens", "a"):
            if small and current > small:  # "three hundred and two dozen": the dozens are the two's
                current += small * (lex.multipliers[w] - 1)
            else:
                current = (current or 1) * lex.multipliers[w]
            small = 0.0
            kind = "scale"
        elif w in ("a", "an") and last is None and j + 1 < n and (
                ts.low[j + 1] in lex.scales or ts.low[j + 1] in lex.multipliers):
            current, last, j = 1, "a", j + 1
            continue  # "a" alone is not a number; a scale or multiplier must follow
        elif w in HYPHENS and last == "tens" and ts.attached(j) == ts.attached(j + 1 if j + 1 < n else j) \
                and j + 1 < n and 0 < lex.number_words.get(ts.low[j + 1], 0) < 10:
            j += 1
            continue  # "eighty-seven", "eighty - seven"
        elif w == "and" and follow_and and last in ("hundred", "scale") and j + 1 < n and (
                ts.low[j + 1] in lex.number_words or ts.low[j + 1] in lex.tens) and _whole_goes_on(ts, j + 1, lex):
            last, j = "and", j + 1
            continue  # "two hundred and fifty"; "a hundred and three quarters" ends before its fraction
        else:
            break
        last = kind
        j += 1
        end = j
    if end == i or last in ("a", None):
        return None
    value = total + current
    if not math.isfinite(value):
        return None  # "a hundred hundred hundred ..." past what a float holds
    # "five point five", "two hundred point zero three": the words after "point" are its digits
    if end + 1 < n and ts.low[end] == "point" and value == int(value):
        digits, k = "", end + 1
        while k < n:
            w = ts.low[k]
            if w in lex.number_words and lex.number_words[w] < 20:
                digits += str(int(lex.number_words[w]))
            elif w in lex.tens:
                tens = int(lex.tens[w])
                if k + 2 < n and ts.tok[k + 1] == "-" and ts.low[k + 2] in lex.number_words and lex.number_words[ts.low[k + 2]] < 10:
                    tens += int(lex.number_words[ts.low[k + 2]])
                    k += 2
                digits += str(tens)
            else:
                break
            k += 1
        if digits:
            return value + float("0." + digits), k
    return value, end


def read_number(ts: Tokens, i: int, lex: Lexicon, money: bool = False) -> Num | None:
    """A number starting at token i, with any scale word or abbreviation that follows it."""
    n = ts.n
    if i >= n:
        return None
    words = False
    if ts.typ[i] == NUM:
        if i and ts.tok[i - 1] == "^" and ts.attached(i):
            return None  # the exponent of "10^999", whose power did not fit: no figure of its own
        parsed = parse_digits(ts.tok[i])
        if parsed is None:
            return None
        value, precision = parsed
        j = i + 1
        integer_text = ts.tok[i]
        if j < n and ts.attached(j) and ts.typ[j] == WORD and 0 < lex.number_words.get(ts.tok[j], 1) < 1 \
                and value == int(value):
            value += lex.number_words[ts.tok[j]]  # "2½"
            j += 1
        elif j + 2 < n and value == int(value) and ts.typ[j] == NUM and not ts.attached(j) and ts.tok[j + 1] == "/" \
                and ts.attached(j + 1) and ts.attached(j + 2) and ts.typ[j + 2] == NUM \
                and ts.tok[j].isdigit() and ts.tok[j + 2].isdigit() and 0 < int(ts.tok[j]) < int(ts.tok[j + 2]) <= 16:
            value += int(ts.tok[j]) / int(ts.tok[j + 2])  # "3 1/2", "2 1/4": a whole and a fraction
            j += 3
        elif j + 1 < n and ((ts.tok[j] == "^" and ts.attached(j)) or (
                ts.low[j] in _TIMES and j + 2 < n and ts.tok[j + 1] == "10" and ts.tok[j + 2] == "^")):
            got = _power(ts, j, value)  # "1.3x10^6", "2.5^-1": scientific notation and powers
            if got is None:
                return None
            value, j = got
            precision = 0.0
    elif ts.typ[i] == WORD:
        got = _word_number(ts, i, lex)
        frac = read_fraction(ts, i, lex, got)
        if frac is not None:
            return frac
        if got is None:
            return None
        value, j = got
        precision = 0.0
        words = True
        integer_text = ""
    else:
        return None
    scaled = words and any(ts.low[k] in lex.scales and ts.low[k] != "hundred" for k in range(i, j))
    # a fraction before a scale: "one and a half million", "two and three quarters billion"
    # ("one billion and a half million": half of the scale named after it, added to the whole)
    frac = and_fraction(ts, j, lex) if j < n and ts.low[j] in _AND_STARTS else None
    if frac is not None and frac[1] < n and ts.low[frac[1]] in lex.scales:
        if scaled:
            value += frac[0] * lex.scales[ts.low[frac[1]]]
            j = frac[1] + 1
        else:
            value += frac[0]
            j = frac[1]
    # scale words, possibly several ("1.2 million", "two hundred thousand", "1,000 million"), at most
    # MAX_SCALES of them: a run of "thousand thousand ..." would otherwise be read to its end from every start
    stop = min(n, j + MAX_SCALES)
    while j < stop and ts.typ[j] == WORD:
        w = ts.low[j]
        if w in lex.scales and not (w == "hundred" and not words and value >= 1000):  # "32 hundred", "322 hundred"
            value *= lex.scales[w]
            precision = _scaled_precision(ts.tok[i], precision, lex.scales[w], words)
            scaled = True
            j += 1
            continue
        if w in lex.multipliers and not scaled:
            value *= lex.multipliers[w]
            scaled = True
            j += 1
            continue
        ab = lex.abbreviations.get(ts.tok[j]) or lex.abbreviations.get(w)
        if ab and not scaled:
            factor, attached_only, money_only, decimal, apart_after_decimal = ab
            if (not attached_only or ts.attached(j) or (apart_after_decimal and "." in ts.tok[i])) \
                    and (not money_only or money or (decimal and "." in ts.tok[i])
                         or (j + 1 < n and ts.low[j + 1] in lex.scale_nouns)) \
                    and not _followed_by_letter(ts, j):
                value *= factor
                precision = _scaled_precision(ts.tok[i], precision, factor, words)
                scaled = True
                j += 1
                continue
        break
    if scaled and not words and j < n and (ts.typ[j] == NUM or ts.low[j] == "and") and ts.low[j - 1] in lex.scales:
        value, j = _compose(ts, j, lex, value, lex.scales[ts.low[j - 1]])
    # after it: "3 million and a half", "five and three quarters", "forty-two and a third"
    frac = and_fraction(ts, j, lex) if j < n and ts.low[j] in _AND_STARTS else None
    if frac is not None:
        value += frac[0] * (lex.scales.get(ts.low[j - 1], 1.0) if scaled else 1.0)
        j = frac[1]
    if not math.isfinite(value):
        return None  # "a trillion trillion ..." past what a float holds
    return Num(value, j, precision, scaled, words, integer_text)


def _compose(ts: Tokens, j: int, lex: Lexicon, value: float, last: float) -> tuple[float, int]:
    """Smaller parts after a figure and its scale, as people say them: '4 thousand 3 hundred and 21',
    '3 hundred and one', '6 crore and two hundred'. A bare number joins only after 'hundred and'."""
    n = ts.n
    while j < n:
        k = j + (ts.low[j] == "and")
        if k >= n or value != int(value):
            break
        if ts.typ[k] == NUM and ts.tok[k].isdigit() and len(ts.tok[k]) <= 3:
            part, m = float(ts.tok[k]), k + 1
        elif ts.low[k] in lex.number_words or ts.low[k] in lex.tens:
            got = _word_number(ts, k, lex)
            if got is None:
                break
            part, m = got
        else:
            break
        scale = lex.scales.get(ts.low[m], 0.0) if m < n else 0.0
        if part == 0 or scale >= last:
            break  # "4 thousand 3 hundred and 0", "3 hundred and 2 hundred": a second figure, not a part
        if scale and (ts.typ[k] == NUM or part < 1000):
            part, m = part * scale, m + 1
        elif not (k > j and ((last == 100 and part < 100) or (ts.typ[k] != NUM and part >= 100))):
            break  # "3 million and 2 people", "3 million and two of them": a second figure, not a part
        if part >= last:
            break
        value, j = value + part, m
        if not scale:
            break
        last = scale
    return value, j


_TIMES = frozenset(("x", "×", "*"))


def _power(ts: Tokens, j: int, base: float) -> tuple[float, int] | None:
    """'^6', '^-1', 'x10^6' at token j after a figure -> (value, end); None when the power overflows."""
    n = ts.n
    times_ten = ts.tok[j] != "^"
    k = j + 3 if times_ten else j + 1
    sign = 1
    while k < n and ts.tok[k] in ("-", "+", "−") and ts.attached(k):
        sign = -sign if ts.tok[k] != "+" else sign
        k += 1
    if not (k < n and ts.typ[k] == NUM and ts.attached(k) and ts.tok[k].isdigit() and len(ts.tok[k]) <= 3):
        return (base, j)
    exp = sign * int(ts.tok[k])
    try:
        value = base * 10.0 ** exp if times_ten else base ** exp
    except (OverflowError, ZeroDivisionError):
        return None
    return (value, k + 1) if math.isfinite(value) else None


_AND_STARTS = frozenset(("and", *HYPHENS))  # what an "and a half" begins with: a cheap test before the reader


def and_fraction(ts: Tokens, j: int, lex: Lexicon) -> tuple[float, int] | None:
    """'and a half', 'and three quarters', '-and-a-half-' at token j -> (share, end)."""
    n = ts.n
    k = j + 1 if j + 1 < n and ts.tok[j] in HYPHENS and ts.attached(j) and ts.low[j + 1] == "and" else j
    if k + 2 >= n or ts.low[k] != "and":
        return None
    k += 2 if ts.tok[k + 1] in HYPHENS and ts.attached(k + 1) else 1  # "two-and-a-half-hour"
    return fraction_at(ts, k, lex)


_NOT_DENOMINATORS = frozenset(("first", "firsts", "second", "seconds"))  # "three firsts" are wins; seconds time


def _ordinal_word(w: str, lex: Lexicon) -> tuple[int, bool] | None:
    """'fifth' -> (5, False), 'fifths' -> (5, True)."""
    v = lex.ordinals.get(w)
    if v is not None:
        return v, False
    v = lex.ordinals.get(w[:-1]) if w.endswith("s") else None
    return (v, True) if v is not None else None


def _denominator(ts: Tokens, k: int, lex: Lexicon) -> tuple[float, bool, int] | None:
    """The lower part of a spelled fraction at token k: 'thirds' -> (3, plural, end), 'quarter' -> (4, ...),
    'hundredths' -> (100, ...), 'twenty-firsts' -> (21, ...)."""
    n = ts.n
    if k >= n:
        return None
    w = ts.low[k]
    if w in lex.fractions:
        return 1 / lex.fractions[w], w.endswith("s"), k + 1
    if w in lex.tens and k + 1 < n:  # "twenty-fifths", "twenty first"
        m = k + 1 + (ts.tok[k + 1] in HYPHENS and k + 2 < n)
        got = _ordinal_word(ts.low[m], lex)
        return (lex.tens[w] + got[0], got[1], m + 1) if got and got[0] < 10 else None
    if w in _NOT_DENOMINATORS:
        return None
    got = _ordinal_word(w, lex)
    if got is None and (w in lex.number_words or w in ("a", "an")) and k + 1 < n:
        whole = read_ordinal_words(ts, k, lex)  # "one one-hundred-fifth", "one one hundred and fifth": singular only
        return (whole[0], False, whole[1]) if whole is not None and whole[0] >= 100 else None
    return (got[0], got[1], k + 1) if got else None


def fraction_at(ts: Tokens, i: int, lex: Lexicon, bare: bool = False,
                numerator: tuple[float, int] | None = None) -> tuple[float, int] | None:
    """A spelled fraction at token i -> (share, end): 'a half', 'one third', 'two-thirds', 'three quarters',
    'twenty-three fifths', 'a hundredth', 'three twenty-firsts'. A plural denominator needs a count above one,
    a singular one "a" or "one". `bare`: a fraction word alone ("half of", "quarter of") counts too.
    `numerator`: the spelled number at i when the caller has read it already."""
    n = ts.n
    if i >= n:
        return None
    w = ts.low[i]
    if bare and w in lex.fractions and not w.endswith("s"):
        return lex.fractions[w], i + 1
    got = numerator if numerator is not None else _word_number(ts, i, lex) if ts.typ[i] == WORD else None
    if got is not None:
        count, k = got
        if k - 1 > i and k + 1 < n and ts.low[k - 1] in lex.tens and ts.tok[k] in HYPHENS and ts.attached(k) \
                and ts.attached(k + 1) and ts.low[k + 1].endswith("s"):
            # the hyphen binds the tens word to the denominator: "one hundred thirty-fifths" is 100/35 (written
            # apart, "one hundred thirty fifths" is 130/5); the tens word was the last part the count added
            den = _denominator(ts, k - 1, lex)
            if den is not None and den[1] and count - lex.tens[ts.low[k - 1]] > 1:
                return (count - lex.tens[ts.low[k - 1]]) / den[0], den[2]
        if count < 1 or count != int(count) or (count == 1 and k != i + 1):
            return None  # "one hundred thirds" is not a fraction of one
    elif w in ("a", "an"):
        count, k = 1.0, i + 1
    else:
        return None
    if k + 1 < n and ts.tok[k] in HYPHENS and ts.attached(k) == ts.attached(k + 1):
        k += 1  # "three-quarters", "one - fourth"
    den = _denominator(ts, k, lex)
    if den is None or den[1] != (count > 1):
        return None
    return count / den[0], den[2]


def read_fraction(ts: Tokens, i: int, lex: Lexicon, numerator: tuple[float, int] | None = None) -> Num | None:
    """A fraction of a scale read as a number: 'half a million', 'a quarter million', 'three quarters of a
    million', 'two thirds of a billion'. A fraction of anything else is a share (a proportion)."""
    n = ts.n
    w = ts.low[i]
    if w == "half" and i + 2 < n and ts.low[i + 1] in ("a", "an") and ts.low[i + 2] in lex.multipliers:
        return Num(0.5 * lex.multipliers[ts.low[i + 2]], i + 3, 0.0, True, True)  # "half a dozen"
    if w in ("half", "quarter") and i + 1 < n:
        share, k = (0.5 if w == "half" else 0.25), i + 1
    else:
        got = fraction_at(ts, i, lex, numerator=numerator)
        if got is None:
            return None
        share, k = got
    # of a scale: "half a million", "a quarter of a million", "half million", "a half-dozen"
    if k + 1 < n and ts.tok[k] in HYPHENS and ts.attached(k) and ts.attached(k + 1):
        k += 1
    m = k + (ts.low[k] == "of") if k < n else k
    m += m < n and ts.low[m] in ("a", "an")
    if m < n and ts.low[m] in lex.scales and ts.low[m] != "hundred":
        return Num(share * lex.scales[ts.low[m]], m + 1, 0.0, True, True)
    if m < n and ts.low[m] in lex.multipliers:  # "a half dozen"
        return Num(share * lex.multipliers[ts.low[m]], m + 1, 0.0, True, True)
    return None  # "two thirds of", "a third were": shares (the walker's read_proportion)


def _scale_values(lex: Lexicon) -> frozenset[int]:
    return frozenset(int(v) for v in lex.scales.values())


def read_ordinal_words(ts: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A spelled ordinal -> (value, end): 'third', 'twenty-first', 'one hundred twenty-fifth', 'two hundredth',
    'three trillionth'. The last word is an ordinal; the words before it are its cardinal part."""
    n = ts.n
    w = ts.low[i]
    v = lex.ordinals.get(w)
    if v is not None:
        return v, i + 1
    got = _word_number(ts, i, lex) if w in lex.tens or w in lex.number_words or w in ("a", "an") else None
    if got is None:
        return None
    base, k = int(got[0]), got[1]
    if k + 1 < n and ts.tok[k] in HYPHENS and ts.attached(k) and ts.attached(k + 1):
        k += 1  # "twenty-fifth"
    elif k + 1 < n and ts.low[k] == "and" and base % 100 == 0 and ts.low[k + 1] in lex.ordinals:
        k += 1  # "two hundred and fiftieth", "the one hundred and first"
    last = lex.ordinals.get(ts.low[k]) if k < n else None
    if last is None:
        return None
    if last >= 100 and last in lex.derived("scale_values", _scale_values):
        return (base * last, k + 1) if base < 1000 else None  # "two hundredth", "three trillionth"
    if (last < 10 and base % 10 == 0 and base >= 20) or (last < 100 and base % 100 == 0):
        return base + last, k + 1  # "twenty-fifth", "one hundred twelfth"
    return None


def _followed_by_letter(ts: Tokens, j: int) -> bool:
    """An abbreviation must end the word: '5m' yes, '5mph' is not '5 million'."""
    return j + 1 < ts.n and ts.attached(j + 1) and ts.typ[j + 1] == WORD


def read_vague(ts: Tokens, i: int, lex: Lexicon) -> tuple[float, float | None, int] | None:
    """'dozens', 'hundreds of thousands', 'several hundred' -> (low, high, end)."""
    length = phrase_at(ts.low, i, lex.vague, lex.phrase_index("vague"), ts.n) if i < ts.n else 0
    if not length:
        return None
    low, high = lex.vague[tuple(ts.low[i: i + length])]
    return low, high, i + length


__all__ = ["Num", "and_fraction", "fraction_at", "read_fraction", "read_number", "read_ordinal_words", "read_vague",
           "parse_digits"]
