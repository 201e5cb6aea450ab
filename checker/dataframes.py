"""pandas DataFrames for notebooks: one row per claim, one row per finding, with typed columns, so a data
desk can filter, group and plot. Text columns are pandas' `string` dtype, categories `category`, numbers
`Float64`/`Int64` (nullable: an open side or an unresolved date is <NA>), dates `datetime64`.

    >>> import checker
    >>> claims = checker.claims_frame(["wire/a.txt", "wire/b.json"])
    >>> claims[claims.kind == "money"].groupby("source_name").low.max()
    >>> report = checker.compare("wire/a.txt", "wire/b.json")
    >>> checker.findings_frame(report).query("verdict == 'conflict'")
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    import pandas as pd

    from .report import Report

CLAIM_COLUMNS = {
    "id": "string", "source": "string", "path": "string", "source_name": "string", "format": "category",
    "published": "datetime64[ns]", "where": "string", "start": "Int64", "end": "Int64", "text": "string",
    "sentence": "string", "kind": "category", "subject": "string", "low": "Float64", "high": "Float64",
    "approximate": "boolean", "unit": "string", "dimension": "string", "date_start": "datetime64[ns]",
    "date_end": "datetime64[ns]", "grain": "string", "readable": "string",
}
FINDING_COLUMNS = {
    "id": "string", "verdict": "category", "severity": "category", "rule": "string", "name": "string",
    "message": "string", "why": "string", "fact": "Int64", "alignment": "Float64",
    "a_claim": "string", "a_path": "string", "a_where": "string", "a_text": "string", "a_value": "string",
    "b_claim": "string", "b_path": "string", "b_where": "string", "b_text": "string", "b_value": "string",
}


def _claim_row(c, src) -> dict:  # type: ignore[no-untyped-def]
    from .values import Quantity

    d = src.doc
    v = c.value
    row = {"id": c.id, "source": c.source, "path": d.path, "source_name": d.source, "format": d.fmt,
           "published": d.published, "where": d.where(c.start), "start": c.start, "end": c.end, "text": c.text,
           "sentence": c.sentence, "kind": c.kind, "subject": c.subject, "readable": c.readable()}
    if isinstance(v, Quantity):
        row.update(low=v.low, high=v.high, approximate=v.approximate, unit=v.unit, dimension=v.dimension)
    else:
        row.update(date_start=v.start, date_end=v.end, grain=v.grain)
    return row


def _frame(rows: list[dict], columns: dict[str, str]) -> "pd.DataFrame":
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(columns))
    for col, dtype in columns.items():
        if dtype.startswith("datetime"):
            df[col] = pd.to_datetime(df[col])
        else:
            df[col] = df[col].astype(dtype)
    return df


def claims_frame(paths: Iterable[str], lexicon=None) -> "pd.DataFrame":  # type: ignore[no-untyped-def]
    """Every claim of every article in `paths` (any input format), one row each (columns: CLAIM_COLUMNS)."""
    from .commands import claims_of, read_sources
    from .lexicon import default_lexicon

    lex = lexicon or default_lexicon()
    rows = [_claim_row(c, s) for s in read_sources([str(p) for p in paths]) for c in claims_of(s, lex)]
    return _frame(rows, CLAIM_COLUMNS)


def findings_frame(report: "Report") -> "pd.DataFrame":
    """Every finding of a report, one row each, with both claims' file, place, text and value."""
    docs = {s.id: s.doc for s in report.sources}
    rows = []
    for f in report.findings:
        row = {"id": f.id, "verdict": f.verdict, "severity": f.severity, "rule": f.rule, "name": f.name,
               "message": f.message, "why": f.why, "fact": f.fact, "alignment": f.alignment}
        for side, cid in zip(("a", "b"), f.claims):
            c = report.claim(cid)
            d = docs[c.source]
            row.update({f"{side}_claim": cid, f"{side}_path": d.path, f"{side}_where": d.where(c.start),
                        f"{side}_text": c.text, f"{side}_value": c.readable()})
        if not f.claims and f.location:
            d = docs[f.location[0]]
            row.update(a_path=d.path, a_where=d.where(f.location[1]))
        rows.append(row)
    return _frame(rows, FINDING_COLUMNS)
