"""The team's yardstick (../shared/bench/score.py) on our own clusters and on the development clusters."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

SCORE = SHARED / "bench" / "score.py"
CHECKER = str(ROOT / ".venv" / "bin" / "checker") if (ROOT / ".venv" / "bin" / "checker").exists() else None


def _score_all(*folders) -> dict:
    cmd = CHECKER or f"{sys.executable} -m checker"
    proc = subprocess.run([sys.executable, str(SCORE), "--checker", cmd, *map(str, folders)], capture_output=True,
                          text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _score(folder) -> dict:
    return _score_all(folder)


pytestmark = pytest.mark.skipif(not SCORE.exists(), reason="../shared/bench/score.py not present")


# Floors: issue #8's targets (bench + bench-fresh: conflict F1 >= 0.90, consistent >= 0.90, <= 3 false alarms,
# unsupported >= 0.90; bench-fresh alone: conflict F1 >= 0.85) and, for our own clusters, the figures measured
# when the alignment model was last fitted (README, "Measured").

def test_own_clusters():
    """Our thirteen clusters in fixtures/ (seven added after the model was built, six from real reporting; the
    Derna floods cluster of session 7 is scored as first looked at: consistent 0.562 alone, 0.897 for all; the
    UK heat record of session 8 as it stands after the classes it taught: consistent 0.667 alone, 0.867 for all)."""
    s = _score(ROOT / "fixtures")
    assert s["failed_clusters"] == 0
    assert s["conflict_f1"] >= 0.78 and s["false_alarms"] <= 5, s
    assert s["consistent_recall"] >= 0.86, s
    assert s["unsupported_precision"] >= 0.9 and s["unsupported_recall"] >= 0.9, s


def test_development_clusters():
    s = _score(SHARED / "bench")
    assert s["failed_clusters"] == 0
    assert s["conflict_f1"] >= 0.90 and s["consistent_recall"] >= 0.95 and s["false_alarms"] <= 1, s
    assert s["unsupported_precision"] >= 0.9 and s["unsupported_recall"] >= 0.9, s


@pytest.mark.skipif(not (SHARED / "bench-fresh").is_dir(), reason="../shared/bench-fresh not present")
def test_fresh_clusters():
    s = _score(SHARED / "bench-fresh")
    assert s["failed_clusters"] == 0
    assert s["conflict_f1"] >= 0.85 and s["conflict_precision"] >= 0.90 and s["false_alarms"] <= 3, s
    assert s["consistent_recall"] >= 0.90, s
    assert s["unsupported_precision"] >= 0.9 and s["unsupported_recall"] >= 0.9, s


@pytest.mark.skipif(not (SHARED / "bench-fresh").is_dir(), reason="../shared/bench-fresh not present")
def test_development_and_fresh_together():
    s = _score_all(SHARED / "bench", SHARED / "bench-fresh")
    assert s["conflict_f1"] >= 0.90 and s["consistent_recall"] >= 0.90 and s["false_alarms"] <= 3, s
    assert s["unsupported_precision"] >= 0.9 and s["unsupported_recall"] >= 0.9, s
