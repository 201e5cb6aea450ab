"""checker.claims_frame / checker.findings_frame: typed pandas columns for notebooks."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

import checker
from checker.dataframes import CLAIM_COLUMNS, FINDING_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "shoigu"


def test_claims_frame_has_typed_columns_and_every_claim():
    paths = [SEEDS / "tass-visit.txt", ROOT / "fixtures" / "formats" / "story.ninjs1.json"]
    df = checker.claims_frame(paths)
    assert list(df.columns) == list(CLAIM_COLUMNS)
    n = sum(len(checker.extract_document(checker.load(p))) for p in paths)
    assert len(df) == n
    assert df["low"].dtype == "Float64" and df["start"].dtype == "Int64" and df["kind"].dtype == "category"
    assert pd.api.types.is_datetime64_any_dtype(df["date_start"]) and pd.api.types.is_string_dtype(df["text"])
    sappers = df[(df.kind == "number") & (df.subject == "sappers")]
    assert sappers["low"].iloc[0] == 1000
    ninjs = df[df.format == "ninjs"]
    assert ninjs["where"].str.startswith("/").all() and (ninjs["published"] == pd.Timestamp("2025-06-17")).all()
    assert df.loc[df.kind == "date", "low"].isna().all()  # a date has no numeric value: <NA>, not 0


def test_findings_frame_lists_both_claims():
    report = checker.compare(SEEDS / "tass-visit.txt", SEEDS / "regional-wire.txt")
    df = checker.findings_frame(report)
    assert list(df.columns) == list(FINDING_COLUMNS)
    assert len(df) == len(report.findings)
    conflicts = df[df.verdict == "conflict"]
    assert not conflicts.empty and conflicts["a_where"].notna().all() and conflicts["b_text"].notna().all()
    assert df["alignment"].dtype == "Float64" and df["verdict"].dtype == "category"
