"""`pip install .` (not editable) gives a working `checker` that finds its rules from any directory."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_install_finds_rules(tmp_path):
    target = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                           str(ROOT)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (target / "checker" / "rules" / "lexicon" / "units.yaml").is_file()
    assert (target / "checker" / "rules" / "lexicon" / "lemmas.json").is_file()
    article = tmp_path / "a.txt"
    article.write_text("More than 11,000 troops arrived on June 17, 2025.", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(target), NO_COLOR="1")
    run = subprocess.run([sys.executable, "-m", "checker", "extract", "--format", "csv", str(article)],
                         capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "> 11,000 troops" in run.stdout and "2025-06-17 (Tue)" in run.stdout
    assert (target / "bin" / "checker").exists()
