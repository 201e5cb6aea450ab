"""checker: find, normalise and compare the numbers and dates that several news sources report.

    >>> import checker
    >>> doc = checker.load("wire.txt")
    >>> claims = checker.extract(doc.text, published=doc.published)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["load", "extract", "extract_document", "compare", "check", "claims_frame", "findings_frame", "write_csv", "Claim",
           "Quantity", "DateSpan", "Document", "Report", "CheckerError"]

if TYPE_CHECKING:
    from .errors import CheckerError
    from .report import Report
    from .sources import Document
    from .values import Claim, DateSpan, Quantity


def load(path):  # type: ignore[no-untyped-def]
    """Read an article (UTF-8 .txt/.md with optional front matter) -> Document."""
    from .sources import load as _load

    return _load(path)


def extract(text: str, published=None, **kwargs):  # type: ignore[no-untyped-def]
    """Every numeric and date mention in `text` as a list of Claims."""
    from .extraction import extract as _extract

    return _extract(text, published, **kwargs)


def extract_document(doc, source: str = "doc", lexicon=None, features: bool = False):  # type: ignore[no-untyped-def]
    """Claims of a loaded Document (front matter skipped, offsets into the whole file)."""
    from .extraction import extract as _extract

    return _extract(doc.text, doc.published, source=source, lexicon=lexicon, body_start=doc.body_start,
                    features=features)


def compare(*paths, lexicon=None):  # type: ignore[no-untyped-def]
    """Every source against every other -> Report (findings, claims, sources)."""
    from .commands import compare_paths
    from .lexicon import default_lexicon

    return compare_paths([str(p) for p in paths], lexicon or default_lexicon())


def check(draft, against, lexicon=None):  # type: ignore[no-untyped-def]
    """A draft's claims against reference sources -> Report."""
    from .commands import check_paths
    from .lexicon import default_lexicon

    return check_paths([str(draft)], [str(p) for p in against], lexicon or default_lexicon())


def claims_frame(paths, lexicon=None):  # type: ignore[no-untyped-def]
    """Every claim of the articles at `paths` as a pandas DataFrame with typed columns (checker.dataframes)."""
    from .dataframes import claims_frame as _frame

    return _frame(paths, lexicon)


def findings_frame(report):  # type: ignore[no-untyped-def]
    """Every finding of a Report as a pandas DataFrame with typed columns (checker.dataframes)."""
    from .dataframes import findings_frame as _frame

    return _frame(report)


def write_csv(frame, path_or_buf=None):  # type: ignore[no-untyped-def]
    """A DataFrame (claims_frame, findings_frame) as CSV with text cells made safe for spreadsheets: a cell
    from article text starting with = + - @ gets a leading apostrophe (CSV injection). Returns the text
    when no path or buffer is given."""
    from .formats import write_csv as _write

    return _write(frame, path_or_buf)


def __getattr__(name: str):  # lazy re-exports keep `import checker` cheap
    if name in ("Claim", "Quantity", "DateSpan"):
        from . import values

        return getattr(values, name)
    if name == "Document":
        from .sources import Document

        return Document
    if name == "Report":
        from .report import Report

        return Report
    if name == "CheckerError":
        from .errors import CheckerError

        return CheckerError
    raise AttributeError(name)
