"""YAML as checker reads it (front matter, rule files): safe tags only, and no aliases.

An alias (`*name`) lets a few lines expand into billions of nodes ("billion laughs"); no front matter or
rule file needs one, so a document holding an alias is refused before it is built.
"""
from __future__ import annotations

from typing import Any


class AliasRefused(ValueError):
    """The YAML holds an alias; `line` is 1-based within the text given."""

    def __init__(self, line: int) -> None:
        super().__init__("YAML aliases (*name) are not allowed")
        self.line = line


def load(text: str) -> Any:
    """The data of one YAML document, built with the safe loader (the C one when PyYAML has it)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if "*" in text:  # an alias needs one; scanning events first costs a parse, so only then
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                raise AliasRefused(event.start_mark.line + 1)
    return yaml.load(text, Loader=loader)
