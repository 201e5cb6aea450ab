"""Command line: a thin layer over the library. Errors are one line on stderr with exit code 2."""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

from .errors import EXIT_USAGE, CheckerError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="checker", description="Cross-source discrepancy checker for numbers and dates in news.")
    p.add_argument("--version", action="version", version="checker 0.1.0")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    ex = sub.add_parser("extract", help="list every numeric and date mention with its canonical value")
    ex.add_argument("files", nargs="+", metavar="FILE", help="articles (.txt/.md); - reads standard input")
    ex.add_argument("--format", choices=("table", "json", "csv"), default="table")
    ex.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rules folder (repeatable)")
    ex.add_argument("--no-color", action="store_true", help="plain output")

    def report_options(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--format", choices=("text", "json", "csv"), default="text")
        sp.add_argument("--show", choices=("conflicts", "all"), default="conflicts",
                        help="text output: conflicts and warnings only (default), or every finding")
        sp.add_argument("--fail-on", choices=("error", "warning", "never"), default="error",
                        help="exit 1 when a finding reaches this severity (default: error)")
        sp.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rules folder (repeatable)")
        sp.add_argument("--no-color", action="store_true", help="plain output")

    cmp_ = sub.add_parser("compare", help="compare every source with every other")
    cmp_.add_argument("files", nargs="+", metavar="FILE")
    report_options(cmp_)
    chk = sub.add_parser("check", help="check a draft against reference sources")
    chk.add_argument("draft", metavar="DRAFT", help="the draft (- reads standard input)")
    chk.add_argument("--against", nargs="+", required=True, metavar="REF", help="reference sources")
    report_options(chk)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        from . import commands

        return {"extract": commands.run_extract, "compare": commands.run_compare,
                "check": commands.run_check}[args.command](args)
    except CheckerError as exc:
        print(f"checker: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return EXIT_USAGE

