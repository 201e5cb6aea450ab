"""`make bench`: start-up and throughput of the normaliser, measured in one run.

1. Cold `checker extract` on the seed pair against a bare quantulum3 script parsing the same files
   (fresh processes, best of N). Goal: checker at most 0.3x the bare script.
2. Warm extraction throughput in MB/s on a corpus of at least 2 MB built from the fixtures. Goal >= 1 MB/s.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "shoigu").glob("*.txt"))
BARE = """
import sys
from quantulum3 import parser
for path in sys.argv[1:]:
    parser.parse(open(path, encoding="utf-8").read())
"""


def _wall(cmd: list[str], runs: int) -> float:
    best = float("inf")
    env = dict(os.environ, NO_COLOR="1")
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, env=env)
        dt = time.perf_counter() - t0
        if proc.returncode not in (0, 1):
            raise SystemExit(f"bench: {' '.join(cmd[:3])} failed: {proc.stderr.decode()[-300:]}")
        best = min(best, dt)
    return best


def cold(runs: int = 5) -> None:
    files = [str(p) for p in SEEDS]
    checker_bin = str(Path(sys.executable).with_name("checker"))
    ours = _wall([checker_bin, "extract", "--format", "json", *files], runs)
    bare = _wall([sys.executable, "-c", BARE, *files], max(2, runs // 2))
    print(f"cold start, seed pair ({len(files)} files), best of {runs}:")
    print(f"  checker extract      {ours * 1000:8.0f} ms")
    print(f"  bare quantulum3      {bare * 1000:8.0f} ms")
    print(f"  ratio                {ours / bare:8.2f}x   (goal <= 0.30x)")


def corpus(min_bytes: int = 2 * 1024 * 1024) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))]
    blob = "\n\n".join(texts)
    reps = min_bytes // max(len(blob.encode()), 1) + 1
    return ("\n\n".join([blob] * reps))


def throughput() -> None:
    import checker

    text = corpus()
    size = len(text.encode("utf-8"))
    checker.extract(text[:10_000])  # warm: rules loaded, regexes compiled
    best = float("inf")
    n = 0
    for _ in range(3):
        t0 = time.perf_counter()
        n = len(checker.extract(text))
        best = min(best, time.perf_counter() - t0)
    print(f"warm throughput on {size / 1e6:.2f} MB built from fixtures/: {size / 1e6 / best:.2f} MB/s "
          f"({n} claims in {best:.2f} s, {n / best:,.0f} claims/s; goal >= 1 MB/s per core)")


def main() -> int:
    cold()
    throughput()
    return 0


if __name__ == "__main__":
    sys.exit(main())
