"""Dev aid: for a cluster with gold.yaml, list gold pairs the checker missed or misjudged, and false alarms."""
import json
import subprocess
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "bench"))
from score import locate, overlaps  # noqa: E402

CHECKER = str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "checker")

for d in map(Path, sys.argv[1:]):
    gold = yaml.safe_load((d / "gold.yaml").read_text())
    if gold.get("mode") == "check":
        args = ["check", "--format", "json", gold["draft"], "--against", *gold["references"]]
    else:
        args = ["compare", "--format", "json", *sorted(p.name for p in d.glob("*.txt"))]
    rep = json.loads(subprocess.run([CHECKER, *args], cwd=d, capture_output=True, text=True).stdout)
    src = {s["id"]: Path(s["path"]).name for s in rep["sources"]}
    claims = {c["id"]: (src[c["source"]], c["start"], c["end"], c["text"]) for c in rep["claims"]}
    print(f"=== {d.name}")
    pairs = [(locate(d, p["a"]), locate(d, p["b"]), p["label"], p["a"][1], p["b"][1]) for p in gold.get("pairs", [])]
    draft = gold.get("draft")
    for a, b, label, qa, qb in pairs:
        if draft and draft not in (a[0], b[0]):
            continue
        got = [f for f in rep["findings"] if len(f["claims"]) == 2 and any(
            overlaps(claims[x][:3], a) and overlaps(claims[y][:3], b) for x, y in (f["claims"], f["claims"][::-1]))]
        verdicts = {f["verdict"] for f in got}
        if label not in verdicts:
            ca = [c[3] for c in claims.values() if overlaps(c[:3], a)]
            cb = [c[3] for c in claims.values() if overlaps(c[:3], b)]
            print(f"  MISS {label:10} {qa!r} ~ {qb!r}  got={sorted(verdicts) or '-'} claims={ca}|{cb}  "
                  + "; ".join(f['message'] for f in got))
    for f in rep["findings"]:
        if f["verdict"] != "conflict" or len(f["claims"]) != 2:
            continue
        x, y = claims[f["claims"][0]], claims[f["claims"][1]]
        if draft and draft not in (x[0], y[0]):
            continue
        ok = any(lab == "conflict" and ((overlaps(x[:3], a) and overlaps(y[:3], b)) or (overlaps(x[:3], b) and overlaps(y[:3], a)))
                 for a, b, lab, *_ in pairs)
        if not ok:
            print(f"  FALSE ALARM {x[3]!r} ({x[0]}) vs {y[3]!r} ({y[0]}): {f['message']}  why: {f['why']}")
    for u in gold.get("unsupported", []) or []:
        q = locate(d, u)
        if not any(f["verdict"] == "unsupported" and overlaps(claims[f["claims"][0]][:3], q) for f in rep["findings"]):
            print(f"  MISS unsupported {u[1]!r}")
    for f in rep["findings"]:
        if f["verdict"] == "unsupported":
            x = claims[f["claims"][0]]
            if any(overlaps(x[:3], a) or overlaps(x[:3], b) for a, b, *_ in pairs):
                print(f"  WRONG unsupported {x[3]!r}")
