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


# Floors: the figures measured when the alignment model was last fitted, on all 58 labelled clusters at once
# (bench, bench-fresh, bench-open, bench-train and ours; docs/measurements.md). That fit traded a little on the sets
# the model had been tuned on (bench + bench-fresh conflict F1 0.914 -> 0.874, consistent 0.978 -> 0.957) for the
# sets it had never seen (bench-open + bench-train: 89 -> 70 false alarms, consistent 0.52 -> 0.57, F1 now 0.35).

# Clusters written in a session after the model, each scored first as it stood (README, "New clusters, first
# look"): held to their own floors, so the older clusters' floors still guard against regressions.
NEW_CLUSTERS = {
    # name: (conflict F1 or None when the gold has no conflict, consistent recall, most false alarms)
    "uk-heat-record": (0.57, 0.61, 1),
    "milton-landfall": (None, 0.73, 2),
    "nvidia-q2-fy2024": (0.4, 0.86, 3),
    "maui-wildfires": (0.85, 0.78, 0),  # first look: 0.0 / 0.418 / 7
    "taiwan-election": (None, 0.95, 0),  # first look: - / 0.727 / 4
    "chicago-marathon": (None, 0.9, 4),  # first look: - / 0.652 / 7
}


def test_own_clusters():
    """Our clusters in fixtures/ other than the newest (seven added after the model was built, five from real
    reporting; the Derna floods cluster of session 7 was scored as first looked at: consistent 0.562, now 0.625)."""
    clusters = ROOT / "fixtures" / "clusters"
    older = [p for p in sorted(clusters.iterdir()) if p.is_dir() and p.name not in NEW_CLUSTERS]
    s = _score_all(ROOT / "fixtures" / "shoigu", *older)
    assert s["failed_clusters"] == 0
    assert s["conflict_f1"] >= 0.8 and s["false_alarms"] <= 2, s
    assert s["consistent_recall"] >= 0.90, s
    assert s["unsupported_precision"] >= 0.9 and s["unsupported_recall"] >= 0.9, s


@pytest.mark.parametrize("name", sorted(NEW_CLUSTERS))
def test_new_clusters(name):
    f1, consistent, alarms = NEW_CLUSTERS[name]
    s = _score(ROOT / "fixtures" / "clusters" / name)
    assert s["failed_clusters"] == 0
    assert s["consistent_recall"] >= consistent and s["false_alarms"] <= alarms, s
    if f1 is not None:
        assert s["conflict_f1"] >= f1, s


def test_development_clusters():
    s = _score(SHARED / "bench")
    assert s["failed_clusters"] == 0
    assert s["conflict_f1"] >= 0.90 and s["consistent_recall"] >= 0.93 and s["false_alarms"] <= 1, s
    assert s["unsupported_precision"] >= 0.9 and s["unsupported_recall"] >= 0.9, s


@pytest.mark.skipif(not (SHARED / "bench-fresh").is_dir(), reason="../shared/bench-fresh not present")
def test_fresh_clusters():
    s = _score(SHARED / "bench-fresh")
    assert s["failed_clusters"] == 0
    # (measured: F1 0.806, precision 0.962, one false alarm)
    assert s["conflict_f1"] >= 0.80 and s["conflict_precision"] >= 0.9 and s["false_alarms"] <= 2, s
    assert s["consistent_recall"] >= 0.90, s
    assert s["unsupported_precision"] >= 0.9 and s["unsupported_recall"] >= 0.9, s


@pytest.mark.skipif(not (SHARED / "bench-fresh").is_dir(), reason="../shared/bench-fresh not present")
def test_development_and_fresh_together():
    s = _score_all(SHARED / "bench", SHARED / "bench-fresh")
    assert s["conflict_f1"] >= 0.87 and s["consistent_recall"] >= 0.95 and s["false_alarms"] <= 3, s
    assert s["unsupported_precision"] >= 0.9 and s["unsupported_recall"] >= 0.9, s


@pytest.mark.skipif(not (SHARED / "bench-open").is_dir() or not (SHARED / "bench-train").is_dir(),
                    reason="../shared/bench-open or ../shared/bench-train not present")
def test_open_and_train_together():
    """The 28 clusters opened for issue #20 (first look: conflict F1 0.25 and 0.37, consistent 0.54 and 0.49, 35 and
    54 false alarms). Issue #20's goal in sample is F1 0.90, consistent 0.90, at most 7 false alarms: far from met."""
    s = _score_all(SHARED / "bench-open", SHARED / "bench-train")
    assert s["failed_clusters"] == 0
    # (measured: F1 0.549, consistent 0.714, 34 false alarms)
    assert s["conflict_f1"] >= 0.54 and s["consistent_recall"] >= 0.70 and s["false_alarms"] <= 36, s
    assert s["unsupported_recall"] >= 0.9, s


def test_unseen_clusters():
    """fixtures/unseen: six clusters written for issue #20 (three from real reporting, three fiction, one in check
    mode), each labelled before the checker saw it; their first looks together (docs/measurements.md): conflict F1
    0.61, consistent 0.76, 5 false alarms. Issue #20's goal at first look: F1 0.60, consistent 0.75, at most one
    false alarm per cluster. Held here at what was measured once they had been read."""
    s = _score(ROOT / "fixtures" / "unseen")
    assert s["failed_clusters"] == 0
    assert s["conflict_f1"] >= 0.78 and s["consistent_recall"] >= 0.84 and s["false_alarms"] <= 2, s
    assert s["unsupported_recall"] >= 0.9, s
