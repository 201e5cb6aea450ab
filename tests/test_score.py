"""The team's yardstick (../shared/bench/score.py) on our own clusters and on the development clusters."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

SCORE = SHARED / "bench" / "score.py"
CHECKER = str(ROOT / ".venv" / "bin" / "checker") if (ROOT / ".venv" / "bin" / "checker").exists() else None


def _score(folder) -> dict:
    cmd = CHECKER or f"{sys.executable} -m checker"
    proc = subprocess.run([sys.executable, str(SCORE), "--checker", cmd, str(folder)], capture_output=True, text=True,
                          timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


pytestmark = pytest.mark.skipif(not SCORE.exists(), reason="../shared/bench/score.py not present")


def test_own_clusters():
    s = _score(ROOT / "fixtures")
    assert s["failed_clusters"] == 0
    assert s["conflict_f1"] >= 0.9 and s["false_alarms"] <= 1, s
    assert s["consistent_recall"] >= 0.8, s
    assert s["unsupported_precision"] >= 0.8 and s["unsupported_recall"] >= 0.8, s


def test_development_clusters():
    s = _score(SHARED / "bench")
    assert s["failed_clusters"] == 0
    assert s["conflict_f1"] >= 0.85 and s["consistent_recall"] >= 0.85 and s["false_alarms"] <= 2, s
    assert s["unsupported_precision"] >= 0.8 and s["unsupported_recall"] >= 0.8, s
