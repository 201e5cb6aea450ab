"""The CLI's commands: read sources, run the library, hand results to an output format."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from .extraction import extract
from .config import Config
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .sources import Document, load_all
from .text import printable
from .values import Claim


@dataclass(frozen=True)
class Source:
    """A loaded document with the id its claims carry and its role in a check."""

    id: str
    doc: Document
    role: str = "source"

    def to_json(self) -> dict:
        d = self.doc
        return {"id": self.id, "path": d.path, "title": d.title, "source": d.source,
                "published": d.published.isoformat() if d.published else None, "role": self.role,
                "format": d.fmt}


def settings(args: argparse.Namespace) -> tuple[Config, Lexicon, dict[str, str]]:
    """The configuration in force, the lexicon it selects (rules folders, tolerances) and rule severities."""
    from dataclasses import replace
    from pathlib import Path

    from .config import load_config, resolve_severities

    cfg = load_config(getattr(args, "config", None))
    folders = [*cfg.rules, *(Path(p) for p in getattr(args, "rules", []) or [])]
    if folders or cfg.replace_builtin_rules:
        lex = load_lexicon(folders, replace_builtin=cfg.replace_builtin_rules)
    else:
        lex = default_lexicon()
    if cfg.tolerances:
        from .errors import ConfigError
        from .lexicon import tolerance_problem

        unknown = sorted(set(cfg.tolerances) - set(lex.tolerances))
        if unknown:
            raise ConfigError(f"`tolerances.{unknown[0]}`: no such tolerance (known: {', '.join(sorted(lex.tolerances))})",
                              str(cfg.path))
        for key, value in sorted(cfg.tolerances.items()):
            problem = tolerance_problem(key, value)
            if problem:
                raise ConfigError(f"`tolerances.{key}` = {value}: must be {problem}", str(cfg.path))
        lex = replace(lex, tolerances={**lex.tolerances, **cfg.tolerances})
    rates = getattr(args, "rates", None) or cfg.rates
    if rates:
        from .rates import load_rates_file

        r = load_rates_file(rates)
        raw = dict(lex.raw)
        raw["rates"] = {"as_of": r.as_of, "per_euro": r.per_euro, "source": r.source}
        lex = replace(lex, raw=raw)
    return cfg, lex, resolve_severities(cfg, lex.checks)


_HUMAN_OUTPUT = {"on": False}  # a progress bar only for a person's terminal output, never for machine formats


def read_sources(paths: list[str], role: str = "source", start: int = 1) -> list[Source]:
    """Every article of every file (a JSON Lines or NewsML-G2 file may hold several), numbered in order."""
    step = _progress(len(paths))
    docs = []
    for n, p in enumerate(paths):
        docs.extend(load_all(p))
        if step:
            step(n)
    return [Source(f"s{start + k}", d, role) for k, d in enumerate(docs)]


def claims_of(src: Source, lex: Lexicon, text: str | None = None, features: bool = False,
              year_hint: int | None = None) -> list[Claim]:
    """Claims of a source; `text` is the file with suppression comments blanked (same offsets); `features`
    adds what the comparator lines claims up by; `year_hint` is the year of an undated source's story."""
    import warnings

    from .extraction import DenseText

    d = src.doc
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DenseText)
        got = extract(d.text if text is None else text, d.published, source=src.id, lexicon=lex,
                      body_start=d.body_start, features=features, year_hint=year_hint)
    for w in caught:
        if isinstance(w.message, DenseText):
            print(f"checker: warning: {printable(d.path)}: {w.message} ({d.where(w.message.offset)})", file=sys.stderr)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return got


def claim_rows(sources: list[Source], claims: list[Claim]) -> list[dict]:
    by_id = {s.id: s for s in sources}
    rows = []
    for c in claims:
        src = by_id[c.source]
        line, col = src.doc.line_col(c.start)
        rows.append({"file": src.doc.path, "line": line, "col": col, "where": src.doc.where(c.start),
                     "surface": c.text, "kind": c.kind, "value": c.readable(), "subject": c.subject or ""})
    return rows


def run_extract(args: argparse.Namespace) -> int:
    lex = settings(args)[1]
    _HUMAN_OUTPUT["on"] = args.format == "table"
    sources = read_sources(args.files)
    claims: list[Claim] = []
    for s in sources:
        claims.extend(claims_of(s, lex))
    out = sys.stdout
    if args.format == "json":
        docs = {s.id: s.doc for s in sources}
        json.dump({"schema": "checker.claims/1", "sources": [s.to_json() for s in sources],
                   "claims": [dict(c.to_json(), where=docs[c.source].where(c.start)) for c in claims]},
                  out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        import pandas as pd

        from .formats import write_csv

        write_csv(pd.DataFrame(claim_rows(sources, claims),
                               columns=["file", "line", "col", "surface", "kind", "value", "subject", "where"]), out)
    else:
        from .render import claims_table

        claims_table(claim_rows(sources, claims), no_color=args.no_color)
    return 0


def _prepare(sources: list[Source], lex: Lexicon) -> tuple[dict[str, list[Claim]], dict[str, list]]:
    from . import suppress

    claims, sups = {}, {}
    year = story_year(sources)
    for s in sources:
        found = suppress.find(s.doc.text, s.id)
        sups[s.id] = found
        claims[s.id] = claims_of(s, lex, suppress.blank(s.doc.text, found), features=True, year_hint=year)
    return claims, sups


def story_year(sources: list[Source]) -> int | None:
    """The year of a story by its dated sources (the commonest; the latest on a tie): an undated source's bare
    "March 14" is of that year, not of a year it names in passing."""
    years = [s.doc.published.year for s in sources if s.doc.published is not None]
    return max(set(years), key=lambda y: (years.count(y), y)) if years else None


OUTCOME = {"code": 0}  # the exit code of a run whose output is being written (see cli.main)


def _emit_report(report, args: argparse.Namespace, cfg: Config, lex: Lexicon) -> int:  # type: ignore[no-untyped-def]
    from . import formats
    from .errors import EXIT_FINDINGS, EXIT_OK

    fmt = args.format or cfg.format or "text"
    fail_on = args.fail_on or cfg.fail_on or "error"
    threshold = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[fail_on]
    code = EXIT_FINDINGS if any(f.severity in threshold for f in report.findings) else EXIT_OK
    OUTCOME["code"] = code  # known before writing: a reader that closes the pipe early does not change it
    if fmt == "text":
        from .render import report_text

        report_text(report, show=args.show, no_color=args.no_color)
    else:
        if fmt in ("line", "github") and args.show != "all":
            from dataclasses import replace

            report = replace(report, findings=[f for f in report.findings if f.severity != "info"])
        writers = {"json": formats.to_json, "jsonl": formats.to_jsonl, "csv": formats.to_csv, "line": formats.to_line,
                   "github": formats.to_github, "junit": formats.to_junit,
                   "sarif": lambda r: formats.to_sarif(r, lex.checks), "html": _html}
        sys.stdout.write(writers[fmt](report))
    return code


def _html(report) -> str:  # type: ignore[no-untyped-def]
    from .html_page import to_html

    return to_html(report)


def compare_paths(paths: list[str], lex: Lexicon, severities: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """Read, extract, compare every source with every other, and apply inline suppressions -> Report."""
    from .report import apply_suppressions, compare

    sources = read_sources(paths)
    claims, sups = _prepare(sources, lex)
    return apply_suppressions(compare(sources, claims, lex, severities), sups, lex, severities)


def check_paths(draft_paths: list[str], ref_paths: list[str], lex: Lexicon,  # type: ignore[no-untyped-def]
                severities: dict[str, str] | None = None, top: int = 10):
    """Each draft against the references (drafts' suppressions applied) -> one Report. A folder among the
    references is a day's wire: the `top` stories most likely to report each draft's event are picked from
    it (checker/wire.py) and the report's `selection` says which and why."""
    from . import wire
    from .report import apply_suppressions, check, merge

    drafts = read_sources(draft_paths, role="draft")
    files, folder = wire.expand(ref_paths)
    selection: list[dict] = []
    if folder:
        refs, claims, sups, selection = _picked_references(drafts, files, lex, top)
    else:
        refs = read_sources(files, role="reference", start=len(drafts) + 1)
        claims, sups = _prepare([*drafts, *refs], lex)
    if folder:
        claims_d, sups_d = _prepare(drafts, lex)
        claims.update(claims_d)
        sups.update(sups_d)
    reports = [check(d, refs, claims, lex, severities) for d in drafts]
    report = apply_suppressions(merge(reports), {d.id: sups[d.id] for d in drafts}, lex, severities)
    report.selection = selection
    return report


def _rules_key(lex: Lexicon) -> str:
    """What the rules in force are, for cache keys: every rule file's path, size and modification time."""
    parts = []
    for folder in lex.folders:
        for f in sorted(Path(folder).rglob("*")):
            if f.is_file():
                st = f.stat()
                parts.append(f"{f}:{st.st_size}:{st.st_mtime_ns}")
    return _digest("|".join(parts))


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _picked_references(drafts: list[Source], files: list[str], lex: Lexicon, top: int):  # type: ignore[no-untyped-def]
    """Read the wire through the cache, pick each draft's stories, extract those (cached too)."""
    from dataclasses import replace

    from . import suppress, wire

    stop = lex.stopwords | frozenset(lex.months) | frozenset(lex.weekdays)
    library = wire.Library(wire.Cache(_rules_key(lex)), stop)
    library.read(files, progress=_progress(len(files)))
    chosen: dict[tuple[str, int], wire.Pick] = {}
    for d in drafts:
        for p in wire.pick(d.doc, library.stories, stop, top):
            key = (p.story.path, p.story.index)
            if key not in chosen or chosen[key].score < p.score:
                chosen[key] = p
    picks = sorted(chosen.values(), key=lambda p: (-p.score, p.story.path, p.story.index))
    refs, claims, sups, selection = [], {}, {}, []
    for k, p in enumerate(picks):
        src = Source(f"s{len(drafts) + 1 + k}", p.story.doc, "reference")
        cached = library.cached_claims(p.story)
        if cached is None:
            found = suppress.find(src.doc.text, "?")
            got = claims_of(Source("?", src.doc, "reference"), lex, suppress.blank(src.doc.text, found), features=True)
            library.save_claims(p.story, got, found)
            cached = (got, found)
        got, found = cached
        claims[src.id] = [replace(c, id=f"{src.id}:{c.id.split(':', 1)[1]}", source=src.id,
                                  anchors=tuple(f"{src.id}:{a.split(':', 1)[1]}" for a in c.anchors)) for c in got]
        sups[src.id] = [replace(x, source=src.id) for x in found]
        refs.append(src)
        selection.append({"source": src.id, "path": src.doc.path, "score": round(p.score, 3),
                          "bm25": round(p.bm25, 2), "names": list(p.shared_names[:8]),
                          "figures": list(p.shared_figures[:8]), "why": p.why()})
    return refs, claims, sups, selection


def _progress(total: int):  # type: ignore[no-untyped-def]
    """A rich progress bar on stderr while more than a few files are read for a person's terminal report;
    nothing when stderr is not a terminal or the output is a machine format."""
    if total <= 5 or not _HUMAN_OUTPUT["on"] or not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = bar.add_task("reading references", total=total)
    bar.start()

    def step(n: int) -> None:
        bar.update(task, completed=n + 1)
        if n + 1 >= total:
            bar.stop()

    return step


def run_compare(args: argparse.Namespace) -> int:
    cfg, lex, severities = settings(args)
    _HUMAN_OUTPUT["on"] = (args.format or cfg.format or "text") in ("text", "html")
    return _emit_report(compare_paths(args.files, lex, severities), args, cfg, lex)


def run_check(args: argparse.Namespace) -> int:
    from .errors import CheckerError

    cfg, lex, severities = settings(args)
    _HUMAN_OUTPUT["on"] = (args.format or cfg.format or "text") in ("text", "html")
    ref_paths = args.against or list(cfg.references)
    if not ref_paths:
        raise CheckerError("no references: pass --against REF... or set `references` in checker.toml")
    report = check_paths(args.drafts, ref_paths, lex, severities, top=args.top)
    if args.show_sources:
        from .render import selection_table

        selection_table(report, no_color=args.no_color, to_stderr=(args.format or cfg.format or "text") != "text")
    return _emit_report(report, args, cfg, lex)


def run_rules(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .lexicon import merged_rules

    if args.check:
        folder = Path(args.check)
        rules = merged_rules([folder])  # raises RuleError (exit 2) naming file and line
        count = sum(1 for _ in folder.rglob("*.y*ml"))
        print(f"{folder}: {count} rule file{'s' if count != 1 else ''} valid ({', '.join(sorted(rules)) or 'no ids'})")
        return 0
    cfg, lex, severities = settings(args)
    from .render import rules_table

    rows = [{"id": rid, "name": str(spec.get("name", "")), "severity": severities.get(rid, str(spec.get("severity"))),
             "verdict": str(spec.get("verdict", "")), "description": str(spec.get("description", ""))}
            for rid, spec in sorted(lex.checks.items())]
    rules_table(rows, no_color=args.no_color)
    return 0
