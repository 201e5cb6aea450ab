"""Terminal output with rich: colour when a person is watching, plain text when piped or NO_COLOR."""
from __future__ import annotations

import os
import sys

from .text import printable

PLAIN_ROWS = 500


def console(no_color: bool = False, to_stderr: bool = False):  # type: ignore[no-untyped-def]
    from rich.console import Console

    stream = sys.stderr if to_stderr else sys.stdout
    plain = no_color or "NO_COLOR" in os.environ or not stream.isatty()
    return Console(no_color=plain, highlight=False, soft_wrap=False, emoji=False, stderr=to_stderr,
                   color_system=None if plain else "auto", width=None if stream.isatty() else 160)


def table(columns: tuple[str, ...], rows: list[tuple[str, ...]], no_color: bool = False, footer: str | None = None,
          to_stderr: bool = False) -> None:
    """A plain borderless table: the one shape every listing uses. Cells are made printable (no control
    characters from article text or file names reach the terminal). Past PLAIN_ROWS rows, or when nobody
    watches, the columns are padded directly: rich lays out ~1,500 rows a second, far too slow for a long
    listing, and adds nothing without colour."""
    rows = [tuple(printable(c) for c in r) for r in rows]
    stream = sys.stderr if to_stderr else sys.stdout
    if len(rows) > PLAIN_ROWS or not stream.isatty():
        widths = [max([len(col), *(len(r[k]) for r in rows)]) for k, col in enumerate(columns)]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in [columns, *rows]]
        if footer:
            lines.append(footer)
        stream.write("\n".join(lines) + "\n")
        return
    from rich.table import Table

    con = console(no_color, to_stderr)
    out = Table(show_edge=False, header_style="bold", pad_edge=False, box=None)
    for col in columns:
        out.add_column(col, overflow="fold")
    for r in rows:
        out.add_row(*r)
    con.print(out)
    if footer:
        con.print(footer)


def claims_table(rows: list[dict], no_color: bool = False) -> None:
    table(("where", "surface", "kind", "value", "subject"),
          [(_place(r["file"], r["where"]), r["surface"], r["kind"], r["value"], r["subject"]) for r in rows],
          no_color, f"{len(rows)} mentions")


_VERDICT_STYLE = {"conflict": "bold red", "possible-conflict": "red", "unsupported": "yellow", "unverifiable": "magenta", "consistent": "green",
                  "suppression": "yellow"}
_VERDICT_MARK = {"conflict": "✗", "possible-conflict": "≠", "unsupported": "?", "unverifiable": "~", "consistent": "✓", "suppression": "!"}


def _place(path: str, where: str) -> str:
    """'file.txt:3:5' for text; 'story.docx (paragraph 7, col 12)' where the format has no lines."""
    return f"{path}:{where}" if where[:1].isdigit() else f"{path} ({where})"


def _where(report, claim) -> str:  # type: ignore[no-untyped-def]
    doc = report.source(claim.source).doc
    return _place(doc.path, doc.where(claim.start))


def finding_rows(report) -> list[dict]:  # type: ignore[no-untyped-def]
    from .formats import locate

    rows = []
    for f in report.findings:
        if not f.claims:
            loc = locate(report, f)
            rows.append({"id": f.id, "verdict": f.verdict, "severity": f.severity, "rule": f.rule, "name": f.name,
                         "message": f.message, "a_where": f"{loc.path}:{loc.line}:{loc.col}", "a_text": "",
                         "a_value": "", "b_where": "", "b_text": "", "b_value": "", "why": ""})
            continue
        a = report.claim(f.claims[0])
        b = report.claim(f.claims[1]) if len(f.claims) > 1 else None
        rows.append({"id": f.id, "verdict": f.verdict, "severity": f.severity, "rule": f.rule, "name": f.name,
                     "message": f.message, "a_where": _where(report, a), "a_text": a.text, "a_value": a.readable(),
                     "b_where": _where(report, b) if b else "", "b_text": b.text if b else "",
                     "b_value": b.readable() if b else "", "why": f.why})
    return rows


def _highlight(sentence: str, surface: str):  # type: ignore[no-untyped-def]
    from rich.text import Text

    sentence, surface = printable(sentence), printable(surface)
    text = Text(sentence)
    k = sentence.find(surface)
    if k >= 0:
        text.stylize("bold reverse", k, k + len(surface))
    return text


def report_text(report, show: str = "conflicts", no_color: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Findings grouped by fact, conflicts first; each with its sources' sentences and a one-line reason."""
    from rich.text import Text

    con = console(no_color)
    wanted = {"conflict", "possible-conflict", "unsupported", "unverifiable"} if show == "conflicts" else None
    by_fact: dict[int, list] = {}
    for f in report.findings:
        if not f.claims:
            from .formats import locate

            loc = locate(report, f)
            line = Text()
            line.append(f"{_VERDICT_MARK[f.verdict]} {printable(loc.path)}:{loc.line}:{loc.col} ", style=_VERDICT_STYLE[f.verdict])
            line.append(f"[{f.rule} {f.name}] ", style="dim")
            line.append(printable(f.message))
            con.print(line)
            continue
        if wanted is None or f.verdict in wanted:
            by_fact.setdefault(f.fact, []).append(f)
    labels = {s.id: printable(s.doc.source or s.doc.path) for s in report.sources}
    for findings in by_fact.values():
        ids = []
        for f in findings:
            ids.extend(c for c in f.claims if c not in ids)
        claims = [report.claim(c) for c in ids]
        subject = next((c.subject for c in claims if c.subject), None) or claims[0].kind
        head = Text()
        head.append(printable(f"{subject}"), style="bold")
        head.append(f"  ({claims[0].kind})", style="dim")
        con.print(head)
        for c in claims:
            line = Text("  ")
            line.append(f"{labels[c.source]}: ", style="cyan")
            line.append(printable(c.readable()), style="bold")
            line.append(f"  {printable(_where(report, c))}", style="dim")
            con.print(line)
            con.print(Text("    ").append_text(_highlight(c.sentence, c.text)))
        for f in findings:
            verdict = Text("  ")
            verdict.append(f"{_VERDICT_MARK[f.verdict]} {f.verdict}", style=_VERDICT_STYLE[f.verdict])
            verdict.append(f" [{f.rule} {f.name}] ", style="dim")
            verdict.append(printable(f.message))
            con.print(verdict)
        con.print()
    s = report.summary()
    summary = Text()
    for key in ("conflict", "possible-conflict", "unsupported", "unverifiable", "consistent"):
        if (key == "unsupported" and report.mode != "check") or (key == "possible-conflict" and not s.get(key)):
            continue
        plural = "s" if key in ("conflict", "possible-conflict") and s.get(key, 0) != 1 else ""
        summary.append(f"{s.get(key, 0)} {key}{plural}  ", style=_VERDICT_STYLE[key])
    summary.append(f"({len(report.sources)} sources, {len(report.claims)} claims)", style="dim")
    con.print(summary)


def rules_table(rows: list[dict], no_color: bool = False) -> None:
    cols = ("id", "name", "severity", "verdict", "description")
    table(cols, [tuple(r[c] for c in cols) for r in rows], no_color)


def selection_table(report, no_color: bool = False, to_stderr: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Which references were picked from a folder, and why (BM25, shared names, shared figures)."""
    rows = [(r["source"], r["path"], f"{r['score']:.2f}", r["why"]) for r in report.selection]
    table(("id", "reference", "score", "why"), rows, no_color, f"{len(rows)} references picked",
          to_stderr=to_stderr)
