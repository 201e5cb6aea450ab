"""`make instructions`: instructions executed by extraction, counted by valgrind's callgrind.

Wall time on this machine drifts by a third from one minute to the next (other tenants share the
hardware); an instruction count does not. Use it to judge a change to the hot path: the same code and
input give the same count to within a fraction of a percent. Counts the extraction of the first 150 KB
of the bench text, as a run that extracts it minus a run that only warms up.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = """
import sys
sys.path.insert(0, {here!r})
import bench, checker
text = bench.corpus()[:{size}]
checker.extract(text[:10_000])
if sys.argv[1] == "run":
    checker.extract(text)
"""


def _count(size: int, mode: str) -> int:
    code = CHILD.format(here=str(HERE), size=size)
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c",
                           code, mode], capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or not found:
        raise SystemExit(f"instructions: callgrind failed: {proc.stderr[-300:]}")
    return int(found.group(1))


def main(size: int = 150_000) -> int:
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    total = _count(size, "run") - _count(size, "warm")
    print(f"extract, first {size // 1000} KB of the bench text: {total / 1e6:,.0f}M instructions "
          f"({total / size:,.0f} per byte)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
