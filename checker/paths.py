"""Where the built-in rules live, installed or in a source checkout."""
from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def builtin_rules_dir() -> Path:
    """The installed copy (checker/rules) or, in a checkout/editable install, the repo's rules/."""
    for candidate in (_HERE / "rules", _HERE.parent / "rules"):
        if (candidate / "lexicon").is_dir():
            return candidate
    raise FileNotFoundError("checker's built-in rules folder is missing")
