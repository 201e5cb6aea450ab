"""The Duckling-style corpus in fixtures/corpus: every surface form must normalise to its expected value."""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
import yaml

import checker

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def _cases():
    for path in sorted(CORPUS.glob("*.yaml")):
        for k, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for form in entry["forms"]:
                yield pytest.param(entry, form, id=f"{path.stem}[{k}]:{form}")


def _matches(claim, expect: dict) -> bool:
    if claim.kind != expect["kind"]:
        return False
    got = claim.to_json()["value"]
    for key, want in expect.items():
        if key == "kind":
            continue
        have = got.get(key)
        if isinstance(want, dt.date):
            want = want.isoformat()
        if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(have, (int, float)):
            if not math.isclose(have, want, rel_tol=1e-6):
                return False
        elif have != want:
            return False
    return True


def test_corpus_has_at_least_200_forms():
    assert sum(1 for _ in _cases()) >= 200


@pytest.mark.parametrize("entry,form", list(_cases()))
def test_form(entry, form):
    claims = checker.extract(form, published=entry.get("published"))
    if entry["expect"] == "none":  # a wrong reading is worse than a miss: these forms yield nothing of the kinds
        assert not [c for c in claims if c.kind in entry["kinds"]], [(c.text, c.kind) for c in claims]
        return
    assert any(_matches(c, entry["expect"]) for c in claims), \
        f"{form!r} -> {[(c.text, c.kind, c.to_json()['value']) for c in claims]}"
