"""The CLI's commands: read sources, run the library, hand results to an output format."""
from __future__ import annotations

import argparse
import bisect
import json
import sys
from dataclasses import dataclass

from .extraction import extract
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .sources import Document, load
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
                "published": d.published.isoformat() if d.published else None, "role": self.role}


def lexicon_for(args: argparse.Namespace) -> Lexicon:
    from pathlib import Path

    folders = [Path(p) for p in getattr(args, "rules", []) or []]
    return load_lexicon(folders) if folders else default_lexicon()


def read_sources(paths: list[str], role: str = "source", start: int = 1) -> list[Source]:
    return [Source(f"s{start + k}", load(p), role) for k, p in enumerate(paths)]


def claims_of(src: Source, lex: Lexicon) -> list[Claim]:
    d = src.doc
    return extract(d.text, d.published, source=src.id, lexicon=lex, body_start=d.body_start)


def line_col(text: str, offset: int, _cache: dict = {}) -> tuple[int, int]:  # noqa: B006 - per-text cache
    key = id(text)
    starts = _cache.get(key)
    if starts is None or _cache.get(("len", key)) != len(text):
        starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
        _cache.clear()
        _cache[key] = starts
        _cache[("len", key)] = len(text)
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def claim_rows(sources: list[Source], claims: list[Claim]) -> list[dict]:
    by_id = {s.id: s for s in sources}
    rows = []
    for c in claims:
        src = by_id[c.source]
        line, col = line_col(src.doc.text, c.start)
        rows.append({"file": src.doc.path, "line": line, "col": col, "surface": c.text, "kind": c.kind,
                     "value": c.readable(), "subject": c.subject or ""})
    return rows


def run_extract(args: argparse.Namespace) -> int:
    lex = lexicon_for(args)
    sources = read_sources(args.files)
    claims: list[Claim] = []
    for s in sources:
        claims.extend(claims_of(s, lex))
    out = sys.stdout
    if args.format == "json":
        json.dump({"schema": "checker.claims/1", "sources": [s.to_json() for s in sources],
                   "claims": [c.to_json() for c in claims]}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        import pandas as pd

        pd.DataFrame(claim_rows(sources, claims),
                     columns=["file", "line", "col", "surface", "kind", "value", "subject"]).to_csv(out, index=False)
    else:
        from .render import claims_table

        claims_table(claim_rows(sources, claims), no_color=args.no_color)
    return 0


def _claims_by_source(sources: list[Source], lex: Lexicon) -> dict[str, list[Claim]]:
    return {s.id: claims_of(s, lex) for s in sources}


def _emit_report(report, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from .errors import EXIT_FINDINGS, EXIT_OK

    out = sys.stdout
    if args.format == "json":
        json.dump(report.to_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        import pandas as pd

        from .render import finding_rows

        rows = finding_rows(report)
        pd.DataFrame(rows, columns=list(rows[0]) if rows else ["id", "verdict", "severity", "rule", "message"]).to_csv(out, index=False)
    else:
        from .render import report_text

        report_text(report, show=args.show, no_color=args.no_color)
    threshold = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[args.fail_on]
    return EXIT_FINDINGS if any(f.severity in threshold for f in report.findings) else EXIT_OK


def run_compare(args: argparse.Namespace) -> int:
    from .report import compare

    lex = lexicon_for(args)
    sources = read_sources(args.files)
    return _emit_report(compare(sources, _claims_by_source(sources, lex), lex), args)


def run_check(args: argparse.Namespace) -> int:
    from .report import check

    lex = lexicon_for(args)
    draft = read_sources([args.draft], role="draft")[0]
    refs = read_sources(args.against, role="reference", start=2)
    sources = [draft, *refs]
    return _emit_report(check(draft, refs, _claims_by_source(sources, lex), lex), args)
