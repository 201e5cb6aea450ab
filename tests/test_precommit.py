"""The repository works as a pre-commit hook: run pre-commit in a temporary git repository against it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytest.importorskip("pre_commit")
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e", GIT_COMMITTER_NAME="t",
                            GIT_COMMITTER_EMAIL="t@e"))


def test_pre_commit_hook_in_a_temporary_repository(tmp_path):
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "wire.txt").write_text("---\npublished: 2025-03-13\n---\nAbout 120 firefighters fought the blaze on "
                                   "Thursday.\n", encoding="utf-8")
    (repo / "checker.toml").write_text('references = ["wire.txt"]\n', encoding="utf-8")
    (repo / "draft.md").write_text("---\npublished: 2025-03-14\n---\nSome 60 firefighters fought the blaze on "
                                   "Thursday.\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "checker", "--files", "draft.md",
           "--verbose"]
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=1500)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out  # the hook fails the commit on the conflict
    assert "draft.md:4:1: error:" in out and "CK101" in out, out
    # fix the draft: the hook passes
    (repo / "draft.md").write_text("---\npublished: 2025-03-14\n---\nSome 120 firefighters fought the blaze on "
                                   "Thursday.\n", encoding="utf-8")
    _git(repo, "add", ".")
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=1500)
    assert proc.returncode == 0, proc.stdout + proc.stderr
