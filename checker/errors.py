"""Errors a user can act on. The CLI prints them as one line and exits with their code."""
from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3        # the report could not be written (disk full, output closed with an error)
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report a SIGINT


class CheckerError(Exception):
    """Base class: a problem with the user's input or rules, never a bug in checker."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(CheckerError):
    """A source file that cannot be read as an article."""


class RuleError(CheckerError):
    """A rules file that is missing, malformed or invalid."""


class ConfigError(CheckerError):
    """A configuration file or option that is invalid."""
