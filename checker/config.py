"""Configuration: `--config FILE`, else the nearest `checker.toml` or `[tool.checker]` in `pyproject.toml`,
searching upwards from the working directory (in one folder, checker.toml wins). Paths in a config file are
relative to that file. Every key is checked: an unknown key is an error that names it.

    rules = ["newsroom-rules"]          # extra rule folders (extend the built-in rules/)
    replace-builtin-rules = false       # true: the folders above replace rules/ instead
    fail-on = "error"                   # error | warning | never
    format = "text"                     # default output format
    references = ["wire/*.txt"]         # default references for `checker check` (globs)

    [severity]                          # per rule id or name: error | warning | info | off
    CK201 = "off"
    unverifiable = "error"

    [tolerances]                        # override rules/tolerances.yaml
    approximate = 0.15
"""
from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

FORMATS = ("text", "json", "jsonl", "csv", "line", "github", "sarif", "junit")
SEVERITIES = ("error", "warning", "info", "off")
_KEYS = {"rules", "replace-builtin-rules", "fail-on", "format", "references", "severity", "tolerances", "rates"}


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    rules: tuple[Path, ...] = ()
    replace_builtin_rules: bool = False
    fail_on: str | None = None
    format: str | None = None
    references: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    tolerances: dict[str, float] = field(default_factory=dict)
    rates: Path | None = None     # an ECB reference-rate CSV replacing the shipped rates


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read configuration ({exc.strerror})", str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("configuration is not UTF-8 text", str(path)) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        import re

        found = re.search(r"at line (\d+)", str(exc))  # 3.11 keeps the position only in the message
        line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)
        msg = re.sub(r"\s*\(at line \d+, column \d+\)|\s*\(at end of document\)", "", str(exc))
        raise ConfigError(f"malformed TOML: {msg}", str(path), line) from None


def discover(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration upwards from `start`: (file, the checker table) or None."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "checker.toml"
        if own.is_file():
            return own, _read_toml(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            table = data.get("tool", {}).get("checker")
            if table is not None:
                return pyproject, table
    return None


def load_config(explicit: str | None = None, start: Path | None = None) -> Config:
    """The configuration in force: the file named with --config, else the discovered one, else defaults."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError("configuration file not found", explicit)
        data = _read_toml(path)
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("checker", {})
        return _parse(path, data)
    found = discover(start)
    if found is None:
        return Config()
    return _parse(*found)


def _parse(path: Path, data: dict[str, Any]) -> Config:
    where = str(path)
    if not isinstance(data, dict):
        raise ConfigError("the checker table must be a table", where)
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"unknown key `{unknown[0]}` (known: {', '.join(sorted(_KEYS))})", where)
    base = path.parent

    def str_list(key: str) -> list[str]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"`{key}` must be a list of strings", where)
        return value

    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in ("error", "warning", "never"):
        raise ConfigError("`fail-on` must be one of error, warning, never", where)
    fmt = data.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise ConfigError(f"`format` must be one of {', '.join(FORMATS)}", where)
    replace = data.get("replace-builtin-rules", False)
    if not isinstance(replace, bool):
        raise ConfigError("`replace-builtin-rules` must be true or false", where)
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError("`severity` must be a table", where)
    for rule, level in severity.items():
        if level not in SEVERITIES:
            raise ConfigError(f"`severity.{rule}` must be one of {', '.join(SEVERITIES)}", where)
    tolerances = data.get("tolerances", {})
    if not isinstance(tolerances, dict) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in tolerances.values()):
        raise ConfigError("`tolerances` must be a table of numbers", where)
    rates = data.get("rates")
    if rates is not None and not isinstance(rates, str):
        raise ConfigError("`rates` must be a path to an ECB reference-rate CSV", where)
    refs: list[str] = []
    for pattern in str_list("references"):
        full = str(base / pattern)
        hits = sorted(glob.glob(full))
        refs.extend(hits or [full])
    return Config(path=path, rules=tuple(base / r for r in str_list("rules")), replace_builtin_rules=replace,
                  fail_on=fail_on, format=fmt, references=tuple(refs), severity=dict(severity),
                  tolerances={k: float(v) for k, v in tolerances.items()}, rates=base / rates if rates else None)


def resolve_severities(config: Config, checks: dict[str, dict]) -> dict[str, str]:
    """Config severities keyed by rule id (names are accepted too); unknown rules are errors."""
    by_name = {str(v.get("name")): k for k, v in checks.items()}
    out = {}
    for rule, level in config.severity.items():
        rid = rule if rule in checks else by_name.get(rule)
        if rid is None:
            raise ConfigError(f"`severity.{rule}`: no such rule (see `checker rules`)", str(config.path))
        out[rid] = level
    return out
