"""Terminal output with rich: colour when a person is watching, plain text when piped or NO_COLOR."""
from __future__ import annotations

import os
import sys


def console(no_color: bool = False):  # type: ignore[no-untyped-def]
    from rich.console import Console

    plain = no_color or "NO_COLOR" in os.environ or not sys.stdout.isatty()
    return Console(no_color=plain, highlight=False, soft_wrap=False, emoji=False,
                   color_system=None if plain else "auto", width=None if sys.stdout.isatty() else 100)


def claims_table(rows: list[dict], no_color: bool = False) -> None:
    from rich.table import Table

    con = console(no_color)
    table = Table(show_edge=False, header_style="bold", pad_edge=False, box=None)
    for col in ("where", "surface", "kind", "value", "subject"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(f"{r['file']}:{r['line']}:{r['col']}", r["surface"], r["kind"], r["value"], r["subject"])
    con.print(table)
    con.print(f"{len(rows)} mentions")
