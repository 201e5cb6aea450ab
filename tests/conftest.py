from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m checker` as a user would, capturing bytes."""
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, env=env, timeout=120)


@pytest.fixture
def cli():
    return run_cli
