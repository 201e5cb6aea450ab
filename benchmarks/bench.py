"""`make bench`: start-up, throughput and scaling, measured in one run.

1. Cold `checker extract` and `checker compare` on the seed pair against a bare quantulum3 script parsing
   the same files (fresh processes, best of N). Goal: checker at most 0.3x the bare script.
2. Warm extraction throughput in MB/s on a corpus of at least 2 MB built from the fixtures. Goal >= 1 MB/s.
3. `checker compare` on 10, 50 and 200 generated articles, with claims per second. Goal: 200 in <= 5 s,
   near-linear growth.
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
    ext = _wall([checker_bin, "extract", "--format", "json", *files], runs)
    cmp_ = _wall([checker_bin, "compare", "--format", "json", *files], runs)
    bare = _wall([sys.executable, "-c", BARE, *files], max(2, runs // 2))
    print(f"cold start, seed pair ({len(files)} files), best of {runs}:")
    print(f"  bare quantulum3      {bare * 1000:8.0f} ms")
    print(f"  checker extract      {ext * 1000:8.0f} ms   {ext / bare:5.2f}x   (goal <= 0.30x)")
    print(f"  checker compare      {cmp_ * 1000:8.0f} ms   {cmp_ / bare:5.2f}x   (goal <= 0.30x)")


def scaling() -> None:
    import tempfile

    from generate import generate

    print("checker compare on generated articles (one process each, wall time):")
    checker_bin = str(Path(sys.executable).with_name("checker"))
    with tempfile.TemporaryDirectory() as tmp:
        for n in (10, 50, 200):
            paths = generate(Path(tmp) / str(n), n)
            t0 = time.perf_counter()
            proc = subprocess.run([checker_bin, "compare", "--format", "json", *map(str, paths)], capture_output=True)
            dt = time.perf_counter() - t0
            if proc.returncode not in (0, 1):
                raise SystemExit(f"bench: compare failed: {proc.stderr.decode()[-300:]}")
            import json

            data = json.loads(proc.stdout)
            claims, findings = len(data["claims"]), len(data["findings"])
            print(f"  {n:4d} articles  {dt:6.2f} s  {claims:6d} claims  {claims / dt:8,.0f} claims/s  {findings:6d} findings")


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
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    cold()
    throughput()
    scaling()
    return 0


if __name__ == "__main__":
    sys.exit(main())
