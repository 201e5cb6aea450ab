"""`make bench`: start-up, throughput and scaling, measured in one run.

1. Cold `checker extract` and `checker compare` on the seed pair against a bare quantulum3 script parsing
   the same files (fresh processes, best of N). Goal: checker at most 0.3x the bare script.
2. Warm extraction throughput in MB/s on a corpus of at least 2 MB built from the fixtures. Goal >= 1 MB/s.
3. `checker compare` on 10, 50, 200, 1,000 and 5,000 generated articles: time, peak memory (the child's
   maximum resident set) and cost per claim. Goals: 200 in <= 5 s; cost per claim from 200 to 5,000 flat
   within 1.5x. `--quick` stops at 1,000.
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


def _run_measured(cmd: list[str]) -> tuple[float, float, bytes, int]:
    """(wall seconds, peak resident MB, stdout, exit code) of one child process, from its own rusage."""
    import tempfile

    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        err = proc.stderr.read() if proc.stderr else b""
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"bench: {cmd[1]} failed: {err.decode()[-300:]}")
        out.seek(0)
        return wall, usage.ru_maxrss / 1024, out.read(), code


def scaling(sizes: tuple[int, ...] = (10, 50, 200, 1000, 5000)) -> None:
    import json
    import tempfile

    from generate import generate

    print("checker compare on generated articles (one process each, wall time, peak memory):")
    checker_bin = str(Path(sys.executable).with_name("checker"))
    per_claim: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            paths = generate(Path(tmp) / str(n), n)
            wall, peak, stdout, _ = _run_measured([checker_bin, "compare", "--format", "json", *map(str, paths)])
            data = json.loads(stdout)
            claims, findings = len(data["claims"]), len(data["findings"])
            per_claim[n] = wall / claims * 1000
            print(f"  {n:5d} articles  {wall:6.2f} s  {peak:7.0f} MB  {claims:6d} claims  {per_claim[n]:5.2f} ms/claim"
                  f"  {findings:6d} findings")
    if 200 in per_claim and len(per_claim) > 1:
        top = max(per_claim)
        print(f"  cost per claim at {top:,} against 200 articles: {per_claim[top] / per_claim[200]:.2f}x   (goal <= 1.5x)")


def _fixture_paths() -> list[Path]:
    """The articles the benchmark text is made of: a fixed list (corpus.list), so that a cluster added to
    fixtures/ does not move the figure two builds are compared by."""
    lines = (Path(__file__).resolve().parent / "corpus.list").read_text(encoding="utf-8").splitlines()
    listed = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return [ROOT / p for p in listed]


def corpus(min_bytes: int = 2 * 1024 * 1024) -> str:
    """The fixtures' articles joined, repeated to at least `min_bytes`: one long text."""
    texts = [p.read_text(encoding="utf-8") for p in _fixture_paths()]
    blob = "\n\n".join(texts)
    reps = min_bytes // max(len(blob.encode()), 1) + 1
    return ("\n\n".join([blob] * reps))


def _best(run, repeats: int) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    best, n = float("inf"), 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        n = run()
        best = min(best, time.perf_counter() - t0)
    return best, n


def throughput(repeats: int = 5) -> None:
    """Two shapes of the same >= 2 MB of fixture text: one long text (the stress case: every list is
    long) and the articles as documents, each read the way `checker extract FILE` reads it (front matter,
    published date). Best of `repeats`: this machine's speed drifts by a third between runs, and the best
    run is the one least disturbed by its neighbours."""
    import checker

    text = corpus()
    size = len(text.encode("utf-8"))
    checker.extract(text[:10_000])  # warm: rules loaded, regexes compiled
    best, n = _best(lambda: len(checker.extract(text)), repeats)
    print(f"warm throughput, one {size / 1e6:.2f} MB text built from fixtures/: {size / 1e6 / best:.2f} MB/s "
          f"({n} claims in {best:.2f} s, {n / best:,.0f} claims/s; goal >= 1 MB/s per core)")
    docs = [checker.load(p) for p in _fixture_paths()]
    one_pass = sum(len(d.text.encode("utf-8")) for d in docs)
    docs = docs * (2 * 1024 * 1024 // one_pass + 1)
    size = one_pass * (len(docs) // len(_fixture_paths()))
    best, n = _best(lambda: sum(len(checker.extract_document(d)) for d in docs), repeats)
    print(f"warm throughput, {len(docs)} articles ({size / 1e6:.2f} MB) from fixtures/: {size / 1e6 / best:.2f} MB/s "
          f"({n} claims in {best:.2f} s; goal >= 1 MB/s per core)")


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    quick = "--quick" in sys.argv
    cold()
    throughput()
    scaling((10, 50, 200, 1000) if quick else (10, 50, 200, 1000, 5000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
