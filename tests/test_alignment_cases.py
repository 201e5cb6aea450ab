"""Alignment cases as data (fixtures/alignment/): which figures in short articles state one fact."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import checker

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "alignment"


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for k, case in enumerate(data["cases"]):
            yield pytest.param(case, id=f"{path.stem}[{k}]")


def _write(tmp_path: Path, sources: list) -> list[str]:
    paths = []
    for i, src in enumerate(sources):
        text, published = (src, None) if isinstance(src, str) else (src["text"], src.get("published"))
        head = f"---\npublished: {published}\n---\n" if published else ""
        p = tmp_path / f"s{i + 1}.txt"
        p.write_text(head + text + "\n", encoding="utf-8")
        paths.append(str(p))
    return paths


@pytest.mark.parametrize("case", list(_cases()))
def test_alignment_case(case, tmp_path):
    paths = _write(tmp_path, case["sources"])
    report = checker.compare(*paths)
    for pair in case["pairs"]:
        sa, sb = (pair.get("in") or [1, 2])
        a = [c for c in report.claims if c.source == f"s{sa}" and c.text == pair["a"]]
        b = [c for c in report.claims if c.source == f"s{sb}" and c.text == pair["b"]]
        assert a and b, (pair, [(c.source, c.text) for c in report.claims])
        ids = {a[0].id, b[0].id}
        found = [f.verdict for f in report.findings if ids <= set(f.claims)]
        if pair["verdict"] == "apart":
            assert not found, (pair, found)
        else:
            assert pair["verdict"] in found, (case["name"], pair, found)
