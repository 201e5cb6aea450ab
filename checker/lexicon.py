"""Load, validate and compile the rule and lexicon files in `rules/`.

Rules are data: every YAML file carries an `id`; a later folder's file with the same id extends the
earlier one (mapping keys are merged, lists replaced). Errors name the file and line and never
produce a traceback. The compiled `Lexicon` is what the extractor and comparator read.
"""
from __future__ import annotations

import datetime as _dt
import functools
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import RuleError
from .paths import builtin_rules_dir
from .values import MONEY, NUMBER, ORDINAL, PERCENT, QUANTITY, TIME

CLAIM_KINDS = (NUMBER, QUANTITY, MONEY, PERCENT, ORDINAL, TIME)  # what an aspect may be read for (`kinds`)

# --------------------------------------------------------------------------------------------- loading


def _yaml_load(path: Path) -> Any:
    import yaml

    from .yamltext import AliasRefused, load

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleError(f"not UTF-8 text ({exc.reason})", str(path)) from None
    except OSError as exc:
        raise RuleError(f"cannot read rules file ({exc.strerror})", str(path)) from None
    try:
        return load(text)
    except AliasRefused as exc:
        raise RuleError(str(exc), str(path), exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or exc.context or "malformed YAML").strip()
        raise RuleError(f"malformed YAML: {problem}", str(path), line) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"malformed YAML: {exc}", str(path)) from None


def _line_of(path: Path, keys: tuple[Any, ...]) -> int | None:
    """The 1-based line of the node at `keys` (walked through mappings and lists), for error messages."""
    import yaml

    try:
        node = yaml.compose(path.read_text(encoding="utf-8-sig"))
    except Exception:  # noqa: BLE001 - only used to decorate an error that is already being raised
        return None
    line = node.start_mark.line + 1 if node else None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if str(k.value) == str(key):
                    nxt, line = v, k.start_mark.line + 1
                    break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
        if node is None:
            break
    return line


@dataclass(frozen=True)
class RuleFile:
    path: Path
    data: dict[str, Any]

    def fail(self, message: str, *keys: Any) -> RuleError:
        return RuleError(message, str(self.path), _line_of(self.path, keys))


def _cache_file() -> Path | None:
    """Where parsed rule files are kept between runs (building YAML's Python objects is most of start-up):
    $CHECKER_CACHE_DIR, else $XDG_CACHE_HOME/checker, else ~/.cache/checker; CHECKER_NO_CACHE=1 turns it off."""
    import os
    import sys

    if os.environ.get("CHECKER_NO_CACHE"):
        return None
    base = os.environ.get("CHECKER_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "checker")
    from . import __version__

    return Path(base) / f"rules-py{sys.version_info[0]}{sys.version_info[1]}-{__version__}.marshal"


class _ParsedRules:
    """Parsed rule files keyed by path, size and modification time: a file that changed is read again.
    Stored with marshal (plain data only, no code); a cache that cannot be read or written is ignored."""

    def __init__(self) -> None:
        import marshal

        self.path = _cache_file()
        self.entries: dict[str, tuple[int, int, Any]] = {}
        self.dirty = False
        if self.path is not None:
            try:
                loaded = marshal.loads(self.path.read_bytes())
                if isinstance(loaded, dict):
                    self.entries = loaded
            except (OSError, ValueError, EOFError, TypeError):
                pass

    def load(self, path: Path) -> Any:
        import marshal

        try:
            st = path.stat()
        except OSError:
            return _yaml_load(path)  # reports the error
        key = str(path.resolve())
        got = self.entries.get(key)
        if got is not None and got[0] == st.st_size and got[1] == st.st_mtime_ns:
            return got[2]
        data = _yaml_load(path)
        try:
            marshal.dumps(data)
        except ValueError:
            return data  # dates or other objects marshal does not hold: read each time
        self.entries[key] = (st.st_size, st.st_mtime_ns, data)
        self.dirty = True
        return data

    def save(self) -> None:
        import marshal
        import os

        if not (self.dirty and self.path is not None):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps(self.entries))
            os.replace(tmp, self.path)
        except OSError:
            pass


def read_rule_files(folders: Iterable[Path]) -> dict[str, list[RuleFile]]:
    """Every YAML file below each folder, grouped by id, in folder order (later folders override)."""
    by_id: dict[str, list[RuleFile]] = {}
    parsed = _ParsedRules()
    try:
        _read_folders(folders, parsed, by_id)
    finally:
        parsed.save()
    return by_id


def _read_folders(folders: Iterable[Path], parsed: "_ParsedRules", by_id: dict[str, list[RuleFile]]) -> None:
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            raise RuleError("rules folder not found", str(folder))
        for path in sorted(folder.rglob("*.yaml")) + sorted(folder.rglob("*.yml")):
            data = parsed.load(path)
            if data is None:
                continue
            if not isinstance(data, dict):
                raise RuleError("a rules file must be a mapping with an `id`", str(path), 1)
            rid = data.get("id")
            if not isinstance(rid, str) or not rid:
                raise RuleError("missing `id` (a non-empty string)", str(path), _line_of(path, ()) or 1)
            by_id.setdefault(rid, []).append(RuleFile(path, data))


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(base.get(k), v) if k in base else v
        return out
    return extra


# ------------------------------------------------------------------------------------------ validation

_Check = Callable[[Any], bool]


def _is_num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _expect(rf: RuleFile, keys: tuple[Any, ...], ok: bool, what: str) -> None:
    if not ok:
        raise rf.fail(f"`{'.'.join(str(k) for k in keys)}` must be {what}", *keys)


def _mapping_of(rf: RuleFile, key: str, check: _Check, what: str, required: bool = False) -> None:
    """Each file may hold part of a lexicon (extensions); required keys are checked after merging."""
    value = rf.data.get(key)
    if value is None:
        return
    _expect(rf, (key,), isinstance(value, dict), "a mapping")
    for k, v in value.items():
        _expect(rf, (key, k), check(v), what)


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_BOUNDS = {"lower", "upper", "approximate", "approximate-below", "approximate-above"}


def _qualifier_ok(v: Any) -> bool:
    return isinstance(v, dict) and v.get("bound") in _BOUNDS and isinstance(v.get("inclusive", True), bool)


def _validate(rid: str, rf: RuleFile) -> None:
    """Shape checks per lexicon id; unknown ids are allowed (checks and extensions carry their own)."""
    d = rf.data
    if rid == "numbers":
        for key in ("units", "tens", "scales", "multipliers", "fractions", "ordinals", "vulgar"):
            _mapping_of(rf, key, _is_num, "a number", required=False)
        _mapping_of(rf, "abbreviations", lambda v: isinstance(v, dict) and _is_num(v.get("value")),
                    "a mapping with a numeric `value`", required=False)
        _mapping_of(rf, "ranks_from_end", lambda v: isinstance(v, int) and v > 0, "a whole number above 0", required=False)
        _expect(rf, ("count_adjectives",), _is_str_list(d.get("count_adjectives", [])), "a list of words")
        _expect(rf, ("scale_nouns",), _is_str_list(d.get("scale_nouns", [])), "a list of words")
        _expect(rf, ("toll_ordinal_nouns",), _is_str_list(d.get("toll_ordinal_nouns", [])), "a list of words")
        for key in ("zero_nouns", "zero_between"):
            _expect(rf, (key,), _is_str_list(d.get(key, [])), "a list of words")
        _expect(rf, ("slash_denominators",), isinstance(d.get("slash_denominators", []), list)
                and all(isinstance(v, int) and v > 1 for v in d.get("slash_denominators", [])), "a list of whole numbers above 1")
    elif rid == "vague":
        _mapping_of(rf, "phrases", lambda v: isinstance(v, dict) and _is_num(v.get("low"))
                    and (v.get("high") is None or _is_num(v.get("high"))), "a mapping with a numeric `low`")
    elif rid == "qualifiers":
        for key in ("before", "after"):
            _mapping_of(rf, key, _qualifier_ok, f"a mapping with `bound` one of {sorted(_BOUNDS)}")
    elif rid == "units":
        _mapping_of(rf, "dimensions", lambda v: isinstance(v, str), "a unit symbol")
        _expect(rf, ("not_units",), _is_str_list(d.get("not_units", [])), "a list of words")
        _mapping_of(rf, "cues", _is_str_list, "a list of words")
        _mapping_of(rf, "compound_only", _is_str_list, "a list of symbols")
        _mapping_of(rf, "decimal_only", _is_str_list, "a list of symbols", required=False)
        _mapping_of(rf, "subunits", lambda v: isinstance(v, dict) and isinstance(v.get("currency"), str)
                    and _is_num(v.get("factor")), "a mapping with a `currency` code and a numeric `factor`")
        _mapping_of(rf, "code_scales", _is_num, "a number", required=False)
        dims = d.get("dimensions") or {}
        _mapping_of(rf, "units", lambda v: isinstance(v, dict) and v.get("dimension") in dims
                    and _is_num(v.get("factor")) and _is_str_list(v.get("surfaces", []))
                    and (v.get("cued") is None or v.get("cued") in (d.get("cues") or {}))
                    and isinstance(v.get("canonical", ""), str)
                    and all(u in (d.get("units") or {}) for u in v.get("read_as", [])) and _is_str_list(v.get("read_as", []))
                    and all(c in (d.get("cues") or {}) and u in (d.get("units") or {})
                            for c, u in (v.get("or_cued") or {}).items())
                    and all(v.get(k) is None or v.get(k) in (d.get("cues") or {}) for k in ("not_cued", "hyphen_cued")),
                    "a mapping with a known `dimension`, a numeric `factor`, a list of `surfaces` (and `cued`:"
                    " a list under `cues`; `or_cued`: a list under `cues` -> a unit; `not_cued`, `hyphen_cued`: lists under"
                    " `cues`; `read_as`: units)")
        _mapping_of(rf, "currencies", lambda v: isinstance(v, dict) and _is_str_list(v.get("symbols", []))
                    and _is_str_list(v.get("words", [])) and _is_str_list(v.get("after_scale", [])),
                    "a mapping with `symbols`, `words` (and `after_scale`) lists")
        _expect(rf, ("document_cues",), _is_str_list(d.get("document_cues", []))
                and all(c in (d.get("cues") or {}) for c in d.get("document_cues", []) or []), "a list of lists under `cues`")
        _mapping_of(rf, "prefix_units", lambda v: isinstance(v, dict) and v.get("dimension") in dims
                    and _is_str_list(v.get("links", [])), "a mapping with a known `dimension` (and a list of `links`)")
        ages = d.get("ages") or {}
        _expect(rf, ("ages",), isinstance(ages, dict) and all(_is_str_list(ages.get(k, [])) for k in ("old", "before", "compared")),
                "a mapping of `old`, `before` and `compared` word lists")
        rates = d.get("rates")
        if rates is not None:
            _expect(rf, ("rates",), isinstance(rates, dict) and _is_str_list(rates.get("per", []))
                    and _is_str_list(rates.get("not_after", [])) and isinstance(rates.get("time_symbols", {}), dict)
                    and all(u in (d.get("units") or {}) for u in (rates.get("time_symbols") or {}).values())
                    and all(u in (d.get("units") or {}) for u in (rates.get("adverbs") or {}).values())
                    and isinstance(rates.get("into", {}), dict)
                    and all(isinstance(v, dict) and v.get("dimension") in dims and _is_num(v.get("factor"))
                            for v in (rates.get("into") or {}).values()),
                    "a mapping with `per` and `not_after` word lists, `time_symbols` and `adverbs` (word -> a unit),"
                    " `into` (dimension -> a known `dimension` and a numeric `factor`)")
        _mapping_of(rf, "percent", lambda v: isinstance(v, dict) and _is_num(v.get("factor"))
                    and isinstance(v.get("unit"), str) and _is_str_list(v.get("surfaces", [])),
                    "a mapping with `unit`, `factor` and `surfaces`")
    elif rid == "dates":
        _expect(rf, ("hemisphere",), d.get("hemisphere", "north") in ("north", "south"), "north or south")
        _expect(rf, ("numeric_order",), d.get("numeric_order", "auto") in ("auto", "dmy", "mdy"), "auto, dmy or mdy")
        _mapping_of(rf, "months", _is_str_list, "a list of abbreviations")
        _mapping_of(rf, "weekdays", _is_str_list, "a list of abbreviations")
        if "months" in d:
            _expect(rf, ("months",), isinstance(d["months"], dict) and len(d["months"]) == 12, "twelve months")
        if "weekdays" in d:
            _expect(rf, ("weekdays",), isinstance(d["weekdays"], dict) and len(d["weekdays"]) == 7, "seven weekdays")
        pair = lambda v: isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v)  # noqa: E731
        for key in ("month_parts", "year_parts", "decade_parts", "week_parts"):
            _mapping_of(rf, key, pair, "a [first, last] pair")
        _mapping_of(rf, "holidays", lambda v: isinstance(v, dict) and (
            (isinstance(v.get("month"), int) and 1 <= v["month"] <= 12
             and (isinstance(v.get("day"), int) or (str(v.get("weekday", "")).lower() in _WEEKDAY_NAMES
                                                    and isinstance(v.get("nth"), int))))
            or isinstance(v.get("easter"), int)), "a `month` with a `day` or a `weekday` and `nth`, or an `easter` offset")
        for hemi, seasons in (d.get("seasons") or {}).items():
            _expect(rf, ("seasons", hemi), isinstance(seasons, dict) and all(pair(v) for v in seasons.values()),
                    "a mapping of seasons to [first month, last month]")
        _mapping_of(rf, "relative_days", lambda v: isinstance(v, int), "a whole number of days")
        _expect(rf, ("future_markers",), _is_str_list(d.get("future_markers", [])), "a list of phrases")
        _expect(rf, ("past_verbs",), _is_str_list(d.get("past_verbs", [])), "a list of words")
        _mapping_of(rf, "time_zones", lambda v: (_is_num(v) and -840 <= v <= 840) or (
            isinstance(v, list) and len(v) == 2 and all(_is_num(x) and -840 <= x <= 840 for x in v)),
            "minutes east of UTC, or a [standard, summer] pair")
    elif rid == "places":
        _mapping_of(rf, "places", lambda v: isinstance(v, list) and len(v) == 2 and all(
            isinstance(x, int) and -840 <= x <= 840 for x in v), "[minutes east of UTC in January, in July]")
    elif rid in ("subjects", "events"):
        _mapping_of(rf, "groups", _is_str_list, "a list of words")
        if rid == "events":
            _expect(rf, ("attribution",), _is_str_list(d.get("attribution", [])), "a list of words")
        if rid == "subjects":
            _mapping_of(rf, "traits", _is_str_list, "a list of words")
            _mapping_of(rf, "aspects", lambda v: isinstance(v, dict) and isinstance(v.get("plain", False), bool)
                        and all(isinstance(v.get(k, 0), int) and v.get(k, 0) >= 0 for k in ("before", "after"))
                        and isinstance(v.get("values"), dict) and all(_is_str_list(w) for w in v["values"].values())
                        and _is_str_list(v.get("kinds", [])) and set(v.get("kinds", [])) <= set(CLAIM_KINDS),
                        "a mapping with `values` (name -> a list of words), `before`/`after` counts, `plain` and "
                        "optional `kinds` (" + ", ".join(CLAIM_KINDS) + ")")
            _expect(rf, ("stopwords",), _is_str_list(d.get("stopwords", [])), "a list of words")
            for key in ("anaphora", "clause_words", "figure_clause_words", "place_adverbs", "name_heads"):
                _expect(rf, (key,), _is_str_list(d.get(key, [])), "a list of words")
            _expect(rf, ("increments",), _is_str_list(d.get("increments", [])), "a list of words")
            kin = d.get("kin", [])
            _expect(rf, ("kin",), isinstance(kin, list) and all(_is_str_list(g) and len(g) >= 2 for g in kin),
                    "a list of lists of two or more nouns")
            for key in ("parts_after", "parts_before"):
                _expect(rf, (key,), _is_str_list(d.get(key, [])), "a list of phrases")
        else:
            upd = d.get("update") or {}
            _expect(rf, ("update",), isinstance(upd, dict) and all(_is_str_list(v) for v in upd.values()),
                    "a mapping of lists")
            for key in ("cumulative", "cumulative_generic", "status", "provisional", "revision", "changes"):
                _expect(rf, (key,), _is_str_list(d.get(key, [])), "a list of group names")
            cw = d.get("change_words") or {}
            _expect(rf, ("change_words",), isinstance(cw, dict) and all(_is_str_list(cw.get(k, [])) for k in ("before", "after", "level")),
                    "a mapping of `before`, `after` and `level` word lists")
            subj_map = d.get("subjects") or {}
            _expect(rf, ("subjects",), isinstance(subj_map, dict) and all(isinstance(v, str) for v in subj_map.values()),
                    "a mapping of event group to subject group")
    elif rid == "tolerances":
        for k, v in d.items():
            if k in ("id", "description"):
                continue
            problem = tolerance_problem(k, v)
            _expect(rf, (k,), problem is None, problem or "")
    elif rid == "rates":
        _mapping_of(rf, "per_euro", lambda v: _is_num(v) and math.isfinite(v) and v > 0, "a positive number")
        _expect(rf, ("as_of",), isinstance(d.get("as_of"), (str, _dt.date)), "a date (YYYY-MM-DD)")
    elif rid == "alignment":
        _mapping_of(rf, "weights", lambda v: _is_num(v) and math.isfinite(v), "a finite number")
        for key in ("threshold", "conflict_threshold", "date_conflict_threshold", "weekday_conflict_threshold"):
            t = d.get(key, 0.5)
            _expect(rf, (key,), _is_num(t) and 0.0 < t < 1.0, "a probability between 0 and 1")
    elif rid == "checks":
        _mapping_of(rf, "rules", lambda v: isinstance(v, dict) and v.get("severity") in ("error", "warning", "info", "off")
                    and isinstance(v.get("name"), str), "a mapping with `name` and `severity` (error|warning|info|off)")


# the range each tolerance may take: a share of the stated figure below 1, or an amount in its own unit
TOLERANCE_RANGES: dict[str, tuple[float, float]] = {
    "approximate": (0.0, 1.0), "exact_converted": (0.0, 1.0), "exchange_band": (0.0, 1.0),
    "magnitude": (0.0, 3.0), "time_of_day_minutes": (0.0, 720.0),
}
_TOLERANCE_FLAGS = ("decimal_rounding",)


def tolerance_problem(key: str, value: object) -> str | None:
    """What is wrong with a tolerance's value, or None. NaN silences every comparison and a negative slack
    makes identical figures conflict, so a value must be finite and within its range (any other tolerance
    a rules folder adds: a finite number, not negative)."""
    if key in _TOLERANCE_FLAGS:
        return None if isinstance(value, bool) else "true or false"
    if not _is_num(value) or isinstance(value, bool) or not math.isfinite(value):
        return "a finite number"
    lo, hi = TOLERANCE_RANGES.get(key, (0.0, math.inf))
    if not lo <= value < hi:
        return f"a number from {lo:g} up to (not including) {hi:g}" if hi != math.inf else "a number, not negative"
    return None


REQUIRED_IDS = ("numbers", "vague", "qualifiers", "units", "dates", "subjects", "events", "tolerances", "checks",
                "alignment")
REQUIRED_KEYS = {"vague": ("phrases",), "qualifiers": ("before", "after"), "units": ("dimensions", "units"),
                 "dates": ("months", "weekdays"), "subjects": ("groups",), "events": ("groups",), "checks": ("rules",),
                 "alignment": ("weights",), "rates": ("as_of", "per_euro")}


def merged_rules(folders: Iterable[Path]) -> dict[str, dict[str, Any]]:
    """Validate every file and merge files that share an id, in folder order."""
    by_id = read_rule_files(folders)
    merged: dict[str, dict[str, Any]] = {}
    for rid, files in by_id.items():
        data: dict[str, Any] = {}
        for rf in files:
            _validate(rid, rf)
            data = _merge(data, rf.data)
        for key in REQUIRED_KEYS.get(rid, ()):
            if key not in data:
                raise files[-1].fail(f"missing `{key}` (no file with id `{rid}` provides it)")
        merged[rid] = data
    return merged


# --------------------------------------------------------------------------------------------- compiled


@dataclass(frozen=True)
class UnitDef:
    """A unit of measure: canonical = stated * factor + offset."""

    name: str
    dimension: str
    canonical: str
    factor: float
    offset: float = 0.0
    symbol: str = ""


@dataclass(frozen=True)
class CuedUnit:
    """A unit that is also a common noun, read by the words near it (units.yaml, each a list under `cues`):
    "degrees" near "rotated" is an angle (`instead`), near "law" no unit (`not_cued`), as an adjective only near
    a word of heat (`hyphen_cued`); "cups" only near a word of cooking (`cued`)."""

    cued: str | None = None                            # a word of this list must stand near
    instead: tuple[tuple[str, UnitDef], ...] = ()      # (list, the unit read instead when a word of it is near)
    not_cued: str | None = None                        # near a word of this list: no unit
    hyphen_cued: str | None = None                     # an adjective ("a 360-degree view") needs a word of this list


@dataclass(frozen=True)
class Aspect:
    """A kind of figure read from the words near it ("overnight" -> statistic minimum): subjects.yaml `aspects`."""

    kind: str
    before: int                                  # words to look at before the figure
    after: int                                   # ... and after it
    plain: bool                                  # a figure with none of the words is a plain one
    phrases: dict[tuple[str, ...], str]          # ("year", "over", "year") -> "year"
    firsts: dict[str, tuple[int, ...]] = field(default_factory=dict)  # phrase_at's index: first word -> lengths
    sentence: dict[tuple[str, ...], str] = field(default_factory=dict)  # phrases that count anywhere in the sentence
    sentence_firsts: dict[str, tuple[int, ...]] = field(default_factory=dict)
    kinds: frozenset[str] = frozenset()  # the kinds of claim it is read for (none given: all but dates)

    def __post_init__(self) -> None:
        object.__setattr__(self, "firsts", _phrase_index([self.phrases], 0))
        object.__setattr__(self, "sentence_firsts", _phrase_index([self.sentence], 0))


@dataclass(frozen=True)
class PerTime:
    """How an amount per unit of time is read ("3.3 mm a year"): units.yaml `rates`."""

    joins: frozenset[str]                      # "per", "a", "an", "/"
    not_after: frozenset[str]                  # "10 metres a year ago" is no rate
    time_units: dict[str, UnitDef]             # "year", "years", "yr", "s" -> the unit of time
    adverbs: dict[str, UnitDef]                # "daily" -> day
    into: dict[str, tuple[str, str, float]]    # amount's dimension -> (rate's dimension, canonical, factor)
    starts: frozenset[str] = frozenset()       # joins and adverbs: the cheap test before `after`

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", self.joins | frozenset(self.adverbs))

    def after(self, low: list[str], k: int) -> tuple[UnitDef, int] | None:
        """The unit of time a rate names at token k ("a year", "per second", "/ms", "daily") -> (unit, end).
        `low` must run a few tokens past the text (the walker's padded list)."""
        per = self.adverbs.get(low[k])
        if per is not None:
            return per, k + 1
        join = low[k]
        if join not in self.joins:
            return None
        per = self.time_units.get(low[k + 1])
        if per is None or (join in ("a", "an") and low[k + 1] != per.name) or low[k + 2] in self.not_after:
            return None
        return per, k + 2

    def rate(self, amount: UnitDef, per: UnitDef) -> UnitDef | None:
        """'millimetre' per 'year' -> the rate's unit, or None when the amount has no rate dimension."""
        into = self.into.get(amount.dimension)
        if into is None or amount.offset:
            return None
        dim, canonical, factor = into
        return UnitDef(f"{amount.name} per {per.name}", dim, canonical, amount.factor / per.factor * factor)


@dataclass(frozen=True)
class Holiday:
    """A named day: fixed (month, day), the nth weekday of a month (nth -1: the last), or days from Easter;
    `days` moves it on from the rule's day (Black Friday: Thanksgiving + 1)."""

    month: int | None
    day: int | None
    weekday: int | None
    nth: int | None
    easter: int | None
    days: int = 0


@dataclass(frozen=True)
class Qualifier:
    phrase: str
    bound: str
    inclusive: bool = True


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor and comparator read from rules/, compiled for fast lookup."""

    folders: tuple[Path, ...]
    number_words: dict[str, float]
    tens: dict[str, float]
    scales: dict[str, float]
    abbreviations: dict[str, tuple[float, bool, bool, bool, bool]]  # factor, attached only, money only, any after a decimal, apart after a decimal
    multipliers: dict[str, float]
    slash_denominators: frozenset[int]  # "a 2/3 majority": the lower figures a slash fraction is read with alone
    ranks_from_end: dict[tuple[str, ...], int]  # "penultimate": 2, "third from last": 3
    count_adjectives: frozenset[str]  # "one last time": after "one", a count, not the pronoun
    scale_nouns: frozenset[str]  # "1.2m homes": before these, a money-only abbreviation is a scale in any context
    toll_ordinal_nouns: frozenset[str]  # "a fifth person has died": after "a", an ordinal before these is a count
    fractions: dict[str, float]
    ordinals: dict[str, int]
    vague: dict[tuple[str, ...], tuple[float, float | None]]
    qualifiers_before: dict[tuple[str, ...], Qualifier]
    qualifiers_after: dict[tuple[str, ...], Qualifier]
    units: dict[tuple[str, ...], UnitDef]           # token tuple -> unit (case-insensitive forms)
    units_exact: dict[tuple[str, ...], UnitDef]     # token tuple -> unit (case-sensitive short symbols)
    units_attached_only: frozenset[tuple[str, ...]]
    units_compound_only: dict[str, UnitDef]  # "in" -> inch, only as the smaller unit of "5 ft 2 in"
    units_decimal_only: dict[str, UnitDef]  # "s" -> second, only against a decimal figure ("9.58s")
    cued_units: dict[str, "CuedUnit"]  # unit name -> how the words near it decide it ("degrees", "cups")
    unstated_scales: dict[str, tuple[UnitDef, ...]]  # "°" (a bare "degrees" of heat) -> °C, °F: each reading
    currency_subunits: dict[tuple[str, ...], tuple[str, float]]  # "cents" -> (USD, 0.01), "pence" -> (GBP, 0.01)
    currency_after_scale: dict[str, str]   # "pounds" -> GBP, only after a scale ("361 million pounds")
    unit_cues: dict[str, frozenset[str]]   # dimension -> words one of which a bare letter symbol needs nearby
    document_cues: frozenset[str]          # cue lists that hold for a whole text ("gold" anywhere: troy ounces)
    currency_symbols: dict[tuple[str, ...], str]
    currency_symbol_scales: dict[tuple[str, ...], float]  # "MSEK" -> 1e6: a scaled code before the figure
    currency_words: dict[tuple[str, ...], str]
    percent_units: dict[tuple[str, ...], UnitDef]
    prefix_units: dict[str, UnitDef]
    per_time: PerTime
    prefix_suffixes: dict[tuple[str, ...], UnitDef]   # the same units written after the number
    prefix_links: dict[str, frozenset[str]]  # words that may stand between such a unit and its figure ("magnitude of")
    age_old: frozenset[str]          # "24 years old", "87 yo": words that make a number of years an age
    age_before: frozenset[str]       # "turned 24": words before a bare whole number that make it an age
    age_compared: frozenset[tuple[str, ...]]  # "younger than 5 years": an age bound
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    month_parts: dict[tuple[str, ...], tuple[int, int]]
    year_parts: dict[tuple[str, ...], tuple[int, int]]
    decade_parts: dict[tuple[str, ...], tuple[int, int]]
    week_parts: dict[tuple[str, ...], tuple[int, int]]
    holidays: dict[tuple[str, ...], "Holiday"]
    relative_days: dict[tuple[str, ...], int]
    future_markers: frozenset[str]
    past_verbs: frozenset[str]   # dates.yaml: "said on Tuesday" is a past Tuesday, whatever else the sentence says
    subject_groups: dict[str, str]
    traits: dict[str, str]           # what a share of a group has or is, word -> label (subjects.yaml `traits`)
    aspects: tuple["Aspect", ...]    # kinds of figure read from nearby words (subjects.yaml `aspects`)
    name_heads: frozenset[str]       # "office", "county": nouns that end a name ("the Met Office")
    stopwords: frozenset[str]
    anaphora: frozenset[str]
    clause_words: frozenset[str]
    figure_clause_words: frozenset[str]  # begin another clause for a figure, not for a date ("its third since the war began")
    place_adverbs: frozenset[str]
    increments: frozenset[str]
    parts_after: frozenset[tuple[str, ...]]
    parts_before: frozenset[tuple[str, ...]]
    event_groups: dict[tuple[str, ...], str]
    update_current: frozenset[tuple[str, ...]]
    change_groups: frozenset[str]  # events.yaml `changes`: how a figure moved ("rose"), not what it counts
    zero_nouns: frozenset[str]     # numbers.yaml: "no survivors" is a count of zero
    zero_between: frozenset[str]   # ... "no serious injuries"
    time_zones: dict[tuple[str, ...], tuple[int, int]]  # dates.yaml `time_zones`: minutes east of UTC (standard, summer)
    places: dict[tuple[str, ...], tuple[int, int]]  # places.yaml: a place's minutes east of UTC (January, July)
    change_before: frozenset[str]  # events.yaml `change_words`: a share right after these says how much it moved
    change_after: frozenset[str]   # ... or right before these ("a 3% rise")
    change_level: frozenset[str]   # ... but right after these it is a level ("rose to 12%")
    update_changed: frozenset[tuple[str, ...]]   # a figure of any kind changed ("weakened to", "revised to")
    update_previous_after: frozenset[tuple[str, ...]]  # "$6.70 billion a year earlier"
    update_observed: frozenset[tuple[str, ...]]  # "as of Thursday": the day a figure held
    update_previous: frozenset[tuple[str, ...]]
    superseded: frozenset[str]        # "previous", "old" ... before "record", "high" (events.yaml `update`)
    superseded_nouns: frozenset[str]
    event_subjects: dict[str, str]
    tolerances: dict[str, float]
    checks: dict[str, dict[str, Any]]
    raw: dict[str, dict[str, Any]] = field(repr=False, compare=False, default_factory=dict)
    # look-up sets other modules derive from this lexicon; init=False, so a replace()d copy starts empty
    _derived: dict[Any, Any] = field(init=False, repr=False, compare=False, default_factory=dict)

    def derived(self, name: Any, build: Callable[["Lexicon"], Any]) -> Any:
        """A value computed once from this lexicon (first words of phrase tables, trigger sets...)."""
        got = self._derived.get(name)
        if got is None:
            got = self._derived[name] = build(self)
        return got

    def phrase_index(self, *tables: str, edge: int = 0) -> dict[str, tuple[int, ...]]:
        """First (edge=0) or last (edge=-1) word of every phrase in the named tables -> the lengths of the
        phrases it begins or ends, longest first. A word that is not a key begins or ends no phrase: one
        dictionary test before any slicing, and no phrase is too long to be found."""
        key = (tables, edge)  # looked up here, not through derived(): readers ask for an index at every word
        got = self._derived.get(key)
        if got is None:
            got = self._derived[key] = _phrase_index([getattr(self, t) for t in tables], edge)
        return got


def _phrase_index(tables: list[Any], edge: int) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for table in tables:
        for key in table:
            if key:
                lengths.setdefault(key[edge], set()).add(len(key))
    return {word: tuple(sorted(ls, reverse=True)) for word, ls in lengths.items()}


def phrase_at(words: list[str], i: int, table: Any, index: dict[str, tuple[int, ...]], stop: int) -> int:
    """The length of the longest phrase of `table` that begins at words[i] and ends by `stop`; 0 if none."""
    for length in index.get(words[i], ()):
        if i + length <= stop and tuple(words[i:i + length]) in table:
            return length
    return 0


def phrase_before(words: list[str], end: int, table: Any, index: dict[str, tuple[int, ...]], floor: int = 0,
                  shortest: int = 1) -> int:
    """The length of the longest phrase of `table` that ends at words[end - 1] and begins at or after
    `floor` (and is at least `shortest` words long); 0 if none."""
    for length in index.get(words[end - 1], ()):
        if length >= shortest and end - length >= floor and tuple(words[end - length:end]) in table:
            return length
    return 0


_TOKEN_SPLIT = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+|\S")


FIGURE_UNIT_TABLES = ("units", "units_exact", "percent_units", "currency_words", "currency_subunits")  # what may follow a figure


def phrase_key(text: str) -> tuple[str, ...]:
    """The lower-cased token tuple a phrase is looked up by (same tokenisation as the extractor)."""
    return tuple(t.lower() for t in _TOKEN_SPLIT.findall(text))


def _exact_key(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN_SPLIT.findall(text))


def _plural(word: str) -> list[str]:
    if word.endswith(("s", "x", "ch", "sh")):
        return [word + "es"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word[:-1] + "ies"]
    if word == "foot":
        return ["feet"]
    return [word + "s"]


def _quantulum_units() -> dict[str, dict[str, Any]]:
    """quantulum3's unit vocabulary, read as data (importing its parser costs seconds)."""
    import importlib.util

    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "units.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _compile(raw: dict[str, dict[str, Any]], folders: tuple[Path, ...]) -> Lexicon:
    for rid in REQUIRED_IDS:
        if rid not in raw:
            raise RuleError(f"no rules file with id `{rid}` in {', '.join(str(f) for f in folders)}")
    num, vag, qual, un, dt = raw["numbers"], raw["vague"], raw["qualifiers"], raw["units"], raw["dates"]
    subj, ev = raw["subjects"], raw["events"]

    def qualifiers(section: dict[str, Any]) -> dict[tuple[str, ...], Qualifier]:
        return {phrase_key(k): Qualifier(k, v["bound"], bool(v.get("inclusive", True))) for k, v in section.items()}

    q3 = _quantulum_units()
    dims: dict[str, str] = un["dimensions"]
    units: dict[tuple[str, ...], UnitDef] = {}
    exact: dict[tuple[str, ...], UnitDef] = {}
    attached: set[tuple[str, ...]] = set()
    not_units = set(un.get("not_units") or ())
    for name, spec in un["units"].items():
        udef = UnitDef(name, spec["dimension"], spec.get("canonical", dims[spec["dimension"]]),
                       float(spec["factor"]), float(spec.get("offset", 0.0)))
        q = q3.get(name, {})
        forms = set(spec.get("surfaces", []))
        # our own spelled-out surfaces take plurals too ("millimeter" -> "millimeters"); symbols do not
        words = set(q.get("surfaces", [])) | {name} | {w for w in forms if len(w) > 3 and w.islower() and w.isascii()}
        for w in words:
            forms.add(w)
            forms.update(_plural(w) if " " not in w else [w[: w.rfind(" ") + 1] + p for p in _plural(w.split()[-1])])
        # quantulum3's one-letter symbols ("a" for annum, "d" for day) are English words; ours are listed explicitly
        symbols = {s for s in q.get("symbols", []) if len(s) > 1} | {s for s in forms if len(s) <= 3 and not s.islower()}
        symbols -= not_units  # "in" (inch), "at": English words first ("50,000 in 2020")
        forms -= not_units
        ambiguous = set(spec.get("ambiguous", []))
        for s in forms:
            if len(s) <= 2 or s in symbols:
                exact[_exact_key(s)] = udef
            else:
                units[phrase_key(s)] = udef
        for s in symbols:
            if s in ('"', "″", "”", "'"):
                continue  # quote marks are never units in news text
            exact[_exact_key(s)] = udef
        for s in ambiguous:
            attached.add(_exact_key(s))
    by_name = {u.name: u for u in [*units.values(), *exact.values()]}
    cued_units = {name: CuedUnit(spec.get("cued"), tuple((cue, by_name[o]) for cue, o in (spec.get("or_cued") or {}).items()),
                                 spec.get("not_cued"), spec.get("hyphen_cued"))
                  for name, spec in un["units"].items()
                  if any(spec.get(k) for k in ("cued", "or_cued", "not_cued", "hyphen_cued"))}
    unstated = {spec["canonical"]: tuple(by_name[u] for u in spec["read_as"])
                for spec in un["units"].values() if spec.get("read_as") and spec.get("canonical")}
    compound_only = {w.lower(): by_name[name] for name, words in (un.get("compound_only") or {}).items()
                     if name in by_name for w in words}
    decimal_only = {w.lower(): by_name[name] for name, words in (un.get("decimal_only") or {}).items()
                    if name in by_name for w in words}
    percent = {}
    for name, spec in un.get("percent", {}).items():
        udef = UnitDef(name, spec["dimension"], spec["unit"], float(spec["factor"]))
        for s in spec.get("surfaces", []):
            percent[phrase_key(s)] = udef
    rs = un.get("rates") or {}
    time_units = {k[0]: u for k, u in [*units.items(), *exact.items()] if u.dimension == "time" and len(k) == 1}
    time_units.update({sym: by_name[name] for sym, name in (rs.get("time_symbols") or {}).items()})
    per_time = PerTime(frozenset(rs.get("per", [])), frozenset(rs.get("not_after", [])), time_units,
                       {w: by_name[name] for w, name in (rs.get("adverbs") or {}).items()},
                       {d: (v["dimension"], dims[v["dimension"]], float(v["factor"]))
                        for d, v in (rs.get("into") or {}).items()})
    prefix_units, prefix_suffixes, prefix_links = {}, {}, {}
    for name, spec in un.get("prefix_units", {}).items():
        udef = UnitDef(name, spec["dimension"], dims.get(spec["dimension"], name), float(spec.get("factor", 1)))
        for surface in spec.get("surfaces", [name]):
            prefix_units[surface.lower().rstrip("-")] = udef
            if spec.get("links"):
                prefix_links[surface.lower().rstrip("-")] = frozenset(w.lower() for w in spec["links"])
        for surface in spec.get("after", []):
            prefix_suffixes[phrase_key(surface)] = udef
    cur_sym, cur_words = {}, {}
    for code, spec in un.get("currencies", {}).items():
        for s in spec.get("symbols", []):
            cur_sym[_exact_key(s)] = code
            if len(s) == 1 and not s.isascii() or s == "$":
                cur_words[(s,)] = code  # a sign after the figure: "5 €", "100元", "10 $" (not "10 $30": see unit_after)
        for s in spec.get("words", []):
            cur_words[phrase_key(s)] = code
    subunits = {phrase_key(w): (str(v["currency"]), float(v["factor"])) for w, v in (un.get("subunits") or {}).items()}
    symbol_scales = {}
    for letter, scale in (un.get("code_scales") or {}).items():  # "30 MUSD": a million dollars, like a coin the other way
        for code in un.get("currencies", {}):
            if len(code) == 3 and code.isupper():
                subunits.setdefault(phrase_key(letter + code), (code, float(scale)))
                if (letter + code,) not in cur_sym:  # "MSEK 250"
                    cur_sym[(letter + code,)] = code
                    symbol_scales[(letter + code,)] = float(scale)

    months, weekdays = {}, {}
    for i, (name, abbrs) in enumerate(dt["months"].items(), start=1):
        for s in [name, *abbrs]:
            months[s.lower().rstrip(".")] = i
    for i, (name, abbrs) in enumerate(dt["weekdays"].items()):
        for s in [name, *abbrs]:
            weekdays[s.lower().rstrip(".")] = i
    hemi = dt.get("hemisphere", "north")
    seasons = {k: (int(v[0]), int(v[1])) for k, v in (dt.get("seasons", {}).get(hemi) or {}).items()}

    subject_groups = {}
    for label, words in subj["groups"].items():
        for w in words:
            subject_groups[w.lower()] = label
    event_groups = {}
    for label, words in ev["groups"].items():
        for w in words:
            event_groups[phrase_key(w)] = label
    upd = ev.get("update") or {}
    tol = {k: float(v) for k, v in raw["tolerances"].items() if k not in ("id", "description")}
    return Lexicon(
        folders=folders,
        number_words={k.lower(): float(v) for k, v in {**num.get("units", {}), **num.get("vulgar", {})}.items()},
        tens={k.lower(): float(v) for k, v in num.get("tens", {}).items()},
        scales={k.lower(): float(v) for k, v in num.get("scales", {}).items()},
        abbreviations={k: (float(v["value"]), bool(v.get("attached", False)), bool(v.get("money_only", False)),
                           bool(v.get("decimal", False)), bool(v.get("apart_after_decimal", False)))
                       for k, v in num.get("abbreviations", {}).items()},
        multipliers={k.lower(): float(v) for k, v in num.get("multipliers", {}).items()},
        count_adjectives=frozenset(w.lower() for w in num.get("count_adjectives", [])),
        scale_nouns=frozenset(w.lower() for w in num.get("scale_nouns", [])),
        toll_ordinal_nouns=frozenset(w.lower() for w in num.get("toll_ordinal_nouns", [])),
        ranks_from_end={phrase_key(k): int(v) for k, v in num.get("ranks_from_end", {}).items()},
        slash_denominators=frozenset(int(v) for v in num.get("slash_denominators", [])),
        fractions={k.lower(): float(v) for k, v in num.get("fractions", {}).items()},
        ordinals={k.lower(): int(v) for k, v in num.get("ordinals", {}).items()},
        vague={phrase_key(k): (float(v["low"]), None if v.get("high") is None else float(v["high"]))
               for k, v in vag["phrases"].items()},
        qualifiers_before=qualifiers(qual["before"]),
        qualifiers_after=qualifiers(qual["after"]),
        units=units,
        units_exact=exact,
        units_attached_only=frozenset(attached),
        cued_units=cued_units,
        unstated_scales=unstated,
        units_compound_only=compound_only,
        units_decimal_only=decimal_only,
        currency_after_scale={w.lower(): code for code, spec in (un.get("currencies") or {}).items()
                              for w in spec.get("after_scale", [])},
        currency_subunits=subunits,
        unit_cues={k: frozenset(w.lower() for w in v) for k, v in (un.get("cues") or {}).items()},
        document_cues=frozenset(un.get("document_cues") or ()),
        currency_symbols=cur_sym,
        currency_symbol_scales=symbol_scales,
        currency_words=cur_words,
        percent_units=percent,
        prefix_units=prefix_units,
        per_time=per_time,
        prefix_suffixes=prefix_suffixes,
        prefix_links=prefix_links,
        age_old=frozenset(w.lower() for w in (un.get("ages") or {}).get("old", [])),
        age_before=frozenset(w.lower() for w in (un.get("ages") or {}).get("before", [])),
        age_compared=frozenset(phrase_key(w) for w in (un.get("ages") or {}).get("compared", [])),
        months=months,
        weekdays=weekdays,
        seasons=seasons,
        month_parts={phrase_key(k): (int(v[0]), int(v[1])) for k, v in dt.get("month_parts", {}).items()},
        year_parts={phrase_key(k): (int(v[0]), int(v[1])) for k, v in dt.get("year_parts", {}).items()},
        decade_parts={phrase_key(k): (int(v[0]), int(v[1])) for k, v in dt.get("decade_parts", {}).items()},
        week_parts={phrase_key(k): (int(v[0]), int(v[1])) for k, v in dt.get("week_parts", {}).items()},
        holidays={phrase_key(k): Holiday(v.get("month"), v.get("day"),
                                         _WEEKDAY_NAMES.index(v["weekday"].lower()) if v.get("weekday") else None,
                                         v.get("nth"), v.get("easter"), int(v.get("days", 0)))
                  for k, v in (dt.get("holidays") or {}).items()},
        relative_days={phrase_key(k): int(v) for k, v in dt.get("relative_days", {}).items()},
        future_markers=frozenset(w.lower() for w in dt.get("future_markers", [])),
        past_verbs=frozenset(w.lower() for w in dt.get("past_verbs", [])),
        subject_groups=subject_groups,
        traits={w.lower(): label for label, words in (subj.get("traits") or {}).items() for w in words},
        aspects=tuple(Aspect(kind, int(spec.get("before", 0)), int(spec.get("after", 0)), bool(spec.get("plain")),
                             {phrase_key(w): value for value, words in spec["values"].items() for w in words},
                             sentence={phrase_key(w): value for value, words in (spec.get("sentence") or {}).items()
                                       for w in words}, kinds=frozenset(spec.get("kinds") or ()))
                      for kind, spec in (subj.get("aspects") or {}).items()),
        name_heads=frozenset(w.lower() for w in subj.get("name_heads", [])),
        stopwords=frozenset(w.lower() for w in subj.get("stopwords", [])),
        anaphora=frozenset(w.lower() for w in subj.get("anaphora", [])),
        clause_words=frozenset(w.lower() for w in subj.get("clause_words", [])),
        figure_clause_words=frozenset(w.lower() for w in subj.get("figure_clause_words", [])),
        place_adverbs=frozenset(w.lower() for w in subj.get("place_adverbs", [])),
        increments=frozenset(w.lower() for w in subj.get("increments", [])),
        parts_after=frozenset(phrase_key(w) for w in subj.get("parts_after", [])),
        parts_before=frozenset(phrase_key(w) for w in subj.get("parts_before", [])),
        event_groups=event_groups,
        update_current=frozenset(phrase_key(w) for w in upd.get("current", [])),
        change_groups=frozenset(ev.get("changes") or ()),
        zero_nouns=frozenset(w.lower() for w in num.get("zero_nouns") or ()),
        zero_between=frozenset(w.lower() for w in num.get("zero_between") or ()),
        time_zones={phrase_key(k): (int(v[0]), int(v[1])) if isinstance(v, list) else (int(v), int(v))
                    for k, v in (dt.get("time_zones") or {}).items()},
        places={tuple(k.split()): (int(v[0]), int(v[1])) for k, v in ((raw.get("places") or {}).get("places") or {}).items()},
        change_before=frozenset(w.lower() for w in (ev.get("change_words") or {}).get("before", []))
        | frozenset(w[0] for w, g in event_groups.items() if g in (ev.get("changes") or ()) and len(w) == 1),
        change_after=frozenset(w.lower() for w in (ev.get("change_words") or {}).get("after", [])),
        change_level=frozenset(w.lower() for w in (ev.get("change_words") or {}).get("level", [])),
        update_changed=frozenset(phrase_key(w) for w in upd.get("changed", [])),
        update_previous_after=frozenset(phrase_key(w) for w in upd.get("previous_after", [])),
        update_observed=frozenset(phrase_key(w) for w in upd.get("observed", [])),
        update_previous=frozenset(phrase_key(w) for w in upd.get("previous", [])),
        superseded=frozenset(w.lower() for w in upd.get("superseded", [])),
        superseded_nouns=frozenset(w.lower() for w in upd.get("superseded_nouns", [])),
        event_subjects={str(k): str(v) for k, v in (ev.get("subjects") or {}).items()},
        tolerances=tol,
        checks=raw["checks"].get("rules", {}),
        raw=raw,
    )


def load_lexicon(extra_folders: Iterable[Path] = (), replace_builtin: bool = False) -> Lexicon:
    """Built-in rules, extended (or replaced) by extra folders, validated and compiled."""
    extra = tuple(Path(f) for f in extra_folders)
    folders = extra if replace_builtin else (builtin_rules_dir(), *extra)
    return _compile(merged_rules(folders), folders)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
