"""Same input, same findings: compare and check give byte-identical JSON under different hash seeds, on every
labelled cluster (../shared/bench, ../shared/bench-fresh) and our own (fixtures/clusters)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLUSTERS = sorted(p for base in (SHARED / "bench", SHARED / "bench-fresh", ROOT / "fixtures" / "clusters")
                  if base.is_dir() for p in base.iterdir() if p.is_dir() and list(p.glob("*.txt")))
SEEDS = ("0", "1", "2", "4242")


def _run(args: list[str], seed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    r = subprocess.run([sys.executable, "-m", "checker", *args, "--format", "json", "--fail-on", "never"],
                       capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.skipif(not CLUSTERS, reason="no clusters found")
@pytest.mark.parametrize("cluster", CLUSTERS, ids=[p.name for p in CLUSTERS])
def test_same_findings_under_every_hash_seed(cluster):
    files = [str(p) for p in sorted(cluster.glob("*.txt"))]
    compare = {_run(["compare", *files], s) for s in SEEDS}
    assert len(compare) == 1, f"compare differs between hash seeds on {cluster.name}"
    check = {_run(["check", files[0], "--against", *files[1:]], s) for s in SEEDS[:2]}
    assert len(check) == 1, f"check differs between hash seeds on {cluster.name}"


ORDERED = sorted(p for base in (SHARED / "bench", SHARED / "bench-fresh", SHARED / "bench-open", SHARED / "bench-train",
                                ROOT / "fixtures" / "clusters", ROOT / "fixtures" / "unseen")
                 if base.is_dir() for p in base.iterdir() if (p / "gold.yaml").is_file())


def _findings(files: list[str], draft: str | None) -> frozenset:
    """The findings as (verdict, rule, each claim's file name and span): what an editor reads, without the source
    ids, which follow the order the files were given in."""
    import checker

    report = checker.check(draft, [f for f in files if f != draft]) if draft else checker.compare(*files)
    out = report.to_json()
    name = {s["id"]: Path(s["path"]).name for s in out["sources"]}
    span = {c["id"]: (name[c["source"]], c["start"], c["end"]) for c in out["claims"]}
    return frozenset((f["verdict"], f["rule"], tuple(sorted(span[c] for c in f["claims"]))) for f in out["findings"])


@pytest.mark.skipif(not ORDERED, reason="no labelled clusters found")
@pytest.mark.parametrize("cluster", ORDERED, ids=[p.name for p in ORDERED])
def test_same_findings_in_any_order_of_the_files(cluster):
    import random

    import yaml

    gold = yaml.safe_load((cluster / "gold.yaml").read_text(encoding="utf-8"))
    files = [str(p) for p in sorted(cluster.glob("*.txt"))]
    draft = str(cluster / gold["draft"]) if gold.get("mode") == "check" else None
    shuffled = files[:]
    random.Random(7).shuffle(shuffled)
    seen = {_findings(order, draft) for order in (files, files[::-1], shuffled)}
    assert len(seen) == 1, f"the findings on {cluster.name} depend on the order of its files"
