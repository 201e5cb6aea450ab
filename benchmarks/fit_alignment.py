"""Fit the alignment model's weights on every labelled cluster, and say how well they generalise.

usage: python benchmarks/fit_alignment.py [--write] [--C 1.0] [CLUSTER_ROOT...]

Each cross-source pair of claims in one block is a training example: positive when the two claims
overlap the two quotes of a gold pair (consistent or conflict: the same fact), negative otherwise
(gold lists are exhaustive). In check mode only draft-reference pairs are labelled. A claim that
repeats a positive claim's value in its own source is left out (the gold quotes one occurrence).

Printed: the leave-one-cluster-out figures (weights fitted without a cluster, the cluster then scored
end to end with the team's scorer; summed over all clusters): the honest estimate of how the model
does on clusters it never saw. Then the in-sample figures of weights fitted on everything. `--write`
stores those weights in rules/alignment.yaml. Needs scikit-learn (`pip install -e '.[fit]'`).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "bench"))
from score import locate, overlaps, score_cluster, summarize  # noqa: E402

import checker  # noqa: E402
from checker.align import NEVER, Model, align, pair_vector  # noqa: E402
from checker.commands import _prepare, read_sources  # noqa: E402
from checker.lexicon import default_lexicon  # noqa: E402
from checker.report import reference_year  # noqa: E402

DEFAULT_ROOTS = [SHARED / "bench", SHARED / "bench-fresh", SHARED / "bench-open", SHARED / "bench-train", ROOT / "fixtures"]


def clusters(roots: list[Path]) -> list[Path]:
    out = []
    for r in roots:
        out += [g.parent for g in sorted(r.glob("**/gold.yaml"))]
    return out


def _files(cluster: Path, gold: dict) -> list[str]:
    if gold.get("mode") == "check":
        return [gold["draft"], *gold["references"]]
    return sorted(p.name for p in cluster.glob("*.txt"))


def run(cluster: Path, lex) -> dict:  # type: ignore[no-untyped-def]
    """The checker's JSON report on a cluster, in-process, with the given lexicon (and so weights)."""
    gold = yaml.safe_load((cluster / "gold.yaml").read_text(encoding="utf-8"))
    files = [str(cluster / f) for f in _files(cluster, gold)]
    if gold.get("mode") == "check":
        report = checker.check(files[0], files[1:], lexicon=lex)
    else:
        report = checker.compare(*files, lexicon=lex)
    out = report.to_json()
    for s in out["sources"]:
        s["path"] = Path(s["path"]).name
    return out


def examples(cluster: Path, lex) -> tuple[list[dict[str, float]], list[int]]:  # type: ignore[no-untyped-def]
    gold = yaml.safe_load((cluster / "gold.yaml").read_text(encoding="utf-8"))
    names = _files(cluster, gold)
    sources = read_sources([str(cluster / n) for n in names])
    claims, _ = _prepare(sources, lex)
    name_of = {s.id: Path(s.doc.path).name for s in sources}
    facts = align([(s.id, claims[s.id], reference_year(claims[s.id], s.doc.published)) for s in sources], lex,
                  published={s.id: s.doc.published for s in sources})
    frames = [m for f in facts for m in f.members]
    from checker.frame import idf_table

    idf = idf_table(frames)
    known = frozenset(lex.subject_groups.values())
    draft = gold.get("draft")
    pairs = [(locate(cluster, p["a"]), locate(cluster, p["b"])) for p in gold.get("pairs") or []]
    labels = [p["label"] for p in gold.get("pairs") or []]

    def span(f):  # type: ignore[no-untyped-def]
        return (name_of[f.claim.source], f.claim.start, f.claim.end)

    def positive(x, y) -> int:  # type: ignore[no-untyped-def]
        """0: not one fact; 1: one fact, consistent; 2: one fact, in conflict."""
        for (a, b), label in zip(pairs, labels, strict=True):
            if (overlaps(x, a) and overlaps(y, b)) or (overlaps(x, b) and overlaps(y, a)):
                return 2 if label == "conflict" else 1
        return 0

    by_source: dict[str, list] = {}
    for f in frames:
        by_source.setdefault(f.claim.source, []).append(f)
    ids = sorted(by_source)
    pos_values: set[tuple] = set()
    labelled = []
    for i, sa in enumerate(ids):
        for sb in ids[i + 1:]:
            if draft and draft not in (name_of[sa], name_of[sb]):
                continue
            for fa in by_source[sa]:
                for fb in by_source[sb]:
                    if fa.block != fb.block:
                        continue
                    y = positive(span(fa), span(fb))
                    labelled.append((fa, fb, y))
                    if y:
                        pos_values.add((fa.claim.source, fa.block, repr(fa.claim.value), fb.claim.id))
                        pos_values.add((fb.claim.source, fb.block, repr(fb.claim.value), fa.claim.id))
    xs, ys = [], []
    for fa, fb, y in labelled:
        if not y and ((fa.claim.source, fa.block, repr(fa.claim.value), fb.claim.id) in pos_values
                      or (fb.claim.source, fb.block, repr(fb.claim.value), fa.claim.id) in pos_values):
            continue  # a repeat of a labelled claim: the gold quotes only one occurrence
        x = pair_vector(fa, fb, known, idf)
        if NEVER in x:
            continue  # ruled out by rule, not weighed
        xs.append(x)
        ys.append(y)
    return xs, ys


def fit(data: list[tuple[list[dict[str, float]], list[int]]], c: float, conflict_weight: float = 3.0) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    xs = [x for d in data for x in d[0]]
    ys = [min(y, 1) for d in data for y in d[1]]
    # a missed conflict is what an editor most needs found: conflict pairs count `conflict_weight` times
    weights = [conflict_weight if y == 2 else 1.0 for d in data for y in d[1]]
    vec = DictVectorizer(sparse=False)
    m = vec.fit_transform(xs)
    lr = LogisticRegression(C=c, max_iter=5000)
    lr.fit(m, ys, sample_weight=weights)
    weights = {"bias": round(float(lr.intercept_[0]), 3)}
    for name, w in sorted(zip(vec.get_feature_names_out(), lr.coef_[0], strict=True)):
        weights[str(name)] = round(float(w), 3)
    return weights


def _probability(weights: dict[str, float], x: dict[str, float]) -> float:
    """The model's probability that a pair states one fact (the logistic the checker evaluates)."""
    import math

    z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in x.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def reliability(predicted: list[tuple[float, int]], bins: int = 10) -> str:
    """The reliability curve of held-out probabilities as a Markdown table: per band of predicted probability,
    how many pairs, their mean prediction and how often they were one fact; with the Brier score and the
    expected calibration error (the bands' gaps weighted by their share of pairs)."""
    rows, ece, n = [], 0.0, len(predicted)
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        band = [(p, y) for p, y in predicted if lo <= p < hi or (k == bins - 1 and p == 1.0)]
        if not band:
            continue
        mean_p = sum(p for p, _ in band) / len(band)
        rate = sum(y for _, y in band) / len(band)
        ece += len(band) / n * abs(mean_p - rate)
        rows.append(f"| {lo:.1f}-{hi:.1f} | {len(band)} | {mean_p:.3f} | {rate:.3f} |")
    brier = sum((p - y) ** 2 for p, y in predicted) / max(1, n)
    return "\n".join(["| predicted | pairs | mean predicted | one fact |", "|---|---|---|---|", *rows,
                      f"\n{n} held-out pairs; Brier score {brier:.4f}; expected calibration error {ece:.3f}"])


def with_weights(lex, weights: dict[str, float], threshold: float, conflict: float | None = None):  # type: ignore[no-untyped-def]
    raw = dict(lex.raw)
    raw["alignment"] = {**raw.get("alignment", {}), "weights": weights, "threshold": threshold}
    if conflict is not None:
        raw["alignment"]["conflict_threshold"] = conflict
    return dataclasses.replace(lex, raw=raw)


def evaluate(cluster_list: list[Path], lex) -> dict:  # type: ignore[no-untyped-def]
    total = Counter()
    for cl in cluster_list:
        gold = yaml.safe_load((cl / "gold.yaml").read_text(encoding="utf-8"))
        total.update(score_cluster(cl, gold, run(cl, lex)))
    return summarize(total)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("roots", nargs="*", type=Path, default=DEFAULT_ROOTS)
    ap.add_argument("--C", type=float, default=0.3, help="inverse regularisation strength (chosen by leave-one-cluster-out)")
    ap.add_argument("--threshold", type=float, default=None, help="alignment threshold (default: the rules')")
    ap.add_argument("--conflict-threshold", type=float, default=None,
                    help="least alignment for a conflict (default: the rules'); below, a possible conflict")
    ap.add_argument("--conflict-weight", type=float, default=3.0, help="weight of a conflict pair in the fit")
    ap.add_argument("--write", action="store_true", help="store the weights fitted on everything in rules/")
    ap.add_argument("--no-loco", action="store_true", help="skip the leave-one-cluster-out figures")
    ap.add_argument("--evaluate", type=Path, metavar="YAML",
                    help="only score the weights in this file (a `weights:` mapping, e.g. hand-set ones) on every cluster")
    a = ap.parse_args()
    lex = default_lexicon()
    threshold = a.threshold if a.threshold is not None else Model.of(lex).threshold
    cl = clusters(a.roots)
    if a.evaluate:
        weights = yaml.safe_load(a.evaluate.read_text(encoding="utf-8"))["weights"]
        print("given weights:", json.dumps({k: v for k, v in evaluate(cl, with_weights(lex, weights, threshold)).items()
                                            if k != "counts"}))
        return 0
    data = {c: examples(c, lex) for c in cl}
    n_pos = sum(sum(1 for y in d[1] if y) for d in data.values())
    n_all = sum(len(d[1]) for d in data.values())
    print(f"{len(cl)} clusters, {n_all} labelled pairs ({n_pos} same fact)", file=sys.stderr)
    if not a.no_loco:
        total = Counter()
        predicted: list[tuple[float, int]] = []  # (held-out probability, same fact) for the reliability curve
        for held in cl:
            w = fit([d for c, d in data.items() if c != held], a.C, a.conflict_weight)
            predicted += [(_probability(w, x), min(y, 1)) for x, y in zip(*data[held], strict=True)]
            gold = yaml.safe_load((held / "gold.yaml").read_text(encoding="utf-8"))
            c = score_cluster(held, gold, run(held, with_weights(lex, w, threshold, a.conflict_threshold)))
            total.update(c)
            print(f"  held out {held.parent.name}/{held.name}: conflict F1 {summarize(c)['conflict_f1']}, "
                  f"consistent {summarize(c)['consistent_recall']}, false alarms {c['false_alarms']}", file=sys.stderr)
        print("leave-one-cluster-out:", json.dumps({k: v for k, v in summarize(total).items() if k != "counts"}))
        print(reliability(predicted))
    weights = fit(list(data.values()), a.C, a.conflict_weight)
    print("in-sample:", json.dumps({k: v for k, v in evaluate(cl, with_weights(lex, weights, threshold, a.conflict_threshold)).items()
                                    if k != "counts"}))
    if a.write:
        path = ROOT / "rules" / "alignment.yaml"
        text = path.read_text(encoding="utf-8")
        head = text[: text.index("weights:")]
        body = "weights:\n" + "".join(f"  {k}: {v}\n" for k, v in weights.items())
        path.write_text(head + body, encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    else:
        print(yaml.safe_dump({"weights": weights}, sort_keys=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
