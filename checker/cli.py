"""Command line: a thin layer over the library. Errors are one line on stderr with exit code 2."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
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
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "extract":
            from .commands import run_extract

            return run_extract(args)
    except CheckerError as exc:
        print(f"checker: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return EXIT_USAGE


_ = Path
