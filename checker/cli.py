"""Command line: a thin layer over the library. Errors are one line on stderr with exit code 2."""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

from .errors import EXIT_INTERRUPTED, EXIT_OUTPUT, EXIT_USAGE, CheckerError
from .text import printable

FORMATS = ("text", "json", "jsonl", "csv", "line", "github", "sarif", "junit", "html")


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2 like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"checker: {message} (see `{self.prog} --help`)\n")


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = _Parser(prog="checker", description="Cross-source discrepancy checker for numbers and dates in news.")
    p.add_argument("--version", action="version", version=f"checker {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--config", metavar="FILE", help="configuration file (default: nearest checker.toml or "
                                                         "[tool.checker] in pyproject.toml)")
        sp.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rules folder (repeatable)")
        sp.add_argument("--no-color", action="store_true", help="plain output")

    ex = sub.add_parser("extract", help="list every numeric and date mention with its canonical value")
    ex.add_argument("files", nargs="+", metavar="FILE", help="articles (.txt/.md); - reads standard input")
    ex.add_argument("--format", choices=("table", "json", "csv"), default="table")
    common(ex)

    def report_options(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--format", choices=FORMATS, default=None, help="output format (default: text)")
        sp.add_argument("--show", choices=("conflicts", "all"), default="conflicts",
                        help="text output: conflicts and warnings only (default), or every finding")
        sp.add_argument("--fail-on", choices=("error", "warning", "never"), default=None,
                        help="exit 1 when a finding reaches this severity (default: error)")
        sp.add_argument("--rates", metavar="CSV", default=None,
                        help="exchange rates: an ECB reference-rate CSV (default: the shipped rules/rates.yaml)")
        common(sp)

    cmp_ = sub.add_parser("compare", help="compare every source with every other")
    cmp_.add_argument("files", nargs="+", metavar="FILE")
    report_options(cmp_)
    chk = sub.add_parser("check", help="check drafts against reference sources")
    chk.add_argument("drafts", nargs="+", metavar="DRAFT", help="drafts to check (- reads standard input)")
    chk.add_argument("--against", nargs="+", default=None, metavar="REF",
                     help="reference sources or folders of them (default: `references` in the configuration); "
                          "from a folder (the day's wire) the stories reporting the draft's event are picked")
    chk.add_argument("--top", type=int, default=10, metavar="N",
                     help="from a folder of references, compare with at most N stories (default 10)")
    chk.add_argument("--show-sources", action="store_true",
                     help="say which references were picked from a folder, and why")
    report_options(chk)
    rules = sub.add_parser("rules", help="list the finding rules, or validate a rules folder")
    rules.add_argument("--check", metavar="DIR", help="validate the rule files in DIR and exit")
    common(rules)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        from . import commands

        code = {"extract": commands.run_extract, "compare": commands.run_compare, "check": commands.run_check,
                "rules": commands.run_rules}[args.command](args)
        sys.stdout.flush()  # a full disk shows here, not at exit
        return code
    except CheckerError as exc:
        print(f"checker: {printable(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("checker: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader stopped early (`| head -1`): quiet, and the exit code the findings gave
        from .commands import OUTCOME

        _silence_stdout()
        return OUTCOME["code"]
    except OSError as exc:
        if exc.filename is not None:
            raise
        _silence_stdout()
        print(f"checker: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_OUTPUT


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
