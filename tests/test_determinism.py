"""Same input, same findings: compare under several hash seeds gives byte-identical JSON on every labelled
cluster (set and dict order of strings must never reach a decision or a tie-break)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

CLUSTERS = sorted(p.parent for root in (SHARED / "bench", SHARED / "bench-fresh", ROOT / "fixtures")
                  for p in root.glob("**/gold.yaml"))


@pytest.mark.parametrize("cluster", CLUSTERS, ids=lambda p: p.name)
def test_same_json_under_every_hash_seed(cluster):
    files = sorted(str(p) for p in cluster.glob("*.txt"))
    outputs = set()
    for seed in ("1", "2", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-m", "checker", "compare", "--format", "json", *files],
                              capture_output=True, env=env, timeout=120)
        assert proc.returncode in (0, 1), proc.stderr.decode()[-300:]
        outputs.add(proc.stdout)
    assert len(outputs) == 1, f"{cluster.name}: output depends on the hash seed"
