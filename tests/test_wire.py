"""The day's wire as references: picking the stories of the draft's event from a folder, the cache, and
--show-sources."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("wire_day", ROOT / "benchmarks" / "wire_day.py")
wire_day = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wire_day)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    root = tmp_path_factory.mktemp("day")
    planted, draft = wire_day.write(root / "wires", 400)
    return root, planted, draft


def _check(root: Path, draft: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CHECKER_CACHE_DIR=str(root / "cache"))
    return subprocess.run([sys.executable, "-m", "checker", "check", str(draft), "--against", str(root / "wires"),
                           "--format", "json", "--fail-on", "never", *extra], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)


def test_the_planted_stories_are_picked(day):
    root, planted, draft = day
    r = _check(root, draft)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    picked = {s["path"] for s in report["selection"]}
    assert picked == {str(p) for p in planted}  # all eight, and no story of another event
    assert all(s["role"] in ("draft", "reference") for s in report["sources"])
    assert len(report["sources"]) == 1 + len(picked)
    # the planted drift (one outlet's 421 passengers) is found
    texts = {c["id"]: c["text"] for c in report["claims"]}
    conflicts = [f for f in report["findings"] if f["verdict"] == "conflict"]
    assert any({texts[c] for c in f["claims"]} == {"412", "421"} for f in conflicts)


def test_the_cache_is_filled_and_a_changed_story_is_read_again(day, tmp_path):
    root, planted, draft = day
    _check(root, draft)
    entries = list((root / "cache" / "wire").rglob("*.pickle"))
    assert len(entries) >= 400
    # change one planted story: its entry is new, and the next check reads it (not the stale one)
    story = planted[0]
    original = story.read_text(encoding="utf-8")
    try:
        story.write_text(original.replace("412 passengers", "512 passengers"), encoding="utf-8")
        report = json.loads(_check(root, draft).stdout)
        texts = {c["text"] for c in report["claims"] if c["source"] != "s1"}
        assert "512" in texts
    finally:
        story.write_text(original, encoding="utf-8")


def test_show_sources_says_which_and_why(day):
    root, planted, draft = day
    r = _check(root, draft, "--show-sources", "--top", "3")
    assert r.returncode == 0, r.stderr
    assert "3 references picked" in r.stderr and "names: hallsund" in r.stderr
    assert len(json.loads(r.stdout)["selection"]) == 3


def test_a_broken_story_in_the_folder_is_skipped_with_a_warning(tmp_path):
    wires = tmp_path / "wires"
    wires.mkdir()
    (wires / "good.txt").write_text("Fire in Varby\n\n40 homes burned on Tuesday.\n", encoding="utf-8")
    (wires / "bad.json").write_text("{not json", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("Fire in Varby\n\n40 homes burned.\n", encoding="utf-8")
    r = _check(tmp_path, draft)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert r.stderr.strip() == f"checker: {wires / 'bad.json'}:1: invalid JSON: Expecting property name enclosed in double quotes: skipped"
    assert [s["path"] for s in json.loads(r.stdout)["selection"]] == [str(wires / "good.txt")]


def test_progress_bar_only_for_a_terminal_report(monkeypatch):
    from checker import commands

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setitem(commands._HUMAN_OUTPUT, "on", False)
    assert commands._progress(500) is None  # machine format
    monkeypatch.setitem(commands._HUMAN_OUTPUT, "on", True)
    assert commands._progress(3) is None  # a few files: no bar
    step = commands._progress(8)
    assert callable(step)
    for n in range(8):
        step(n)  # runs to the end and stops
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert commands._progress(500) is None  # piped
