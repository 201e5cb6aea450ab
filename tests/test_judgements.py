"""Judgement rules, with pass and fail cases as data in fixtures/judgements/ (one file per rule)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import checker
from checker.judge import judge
from checker.lexicon import default_lexicon

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "judgements"


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for k, case in enumerate(data["cases"]):
            yield pytest.param(data["rule"], case, id=f"{path.stem}[{k}]")


def _claim(text: str, surface: str, published):
    claims = checker.extract(text, published, features=True)  # as compare and check extract
    for c in claims:
        if c.text == surface or surface in c.text or c.text in surface:
            return c
    raise AssertionError(f"no claim {surface!r} in {text!r}: {[c.text for c in claims]}")


@pytest.mark.parametrize("rule,case", list(_cases()))
def test_judgement(rule, case):
    pa, pb = case.get("published_a"), case.get("published_b")
    a = _claim(*case["a"], pa)
    b = _claim(*case["b"], pb)
    v = judge(a, b, default_lexicon(), (pa, pb))
    assert v.verdict == case["verdict"], v.message
    if case["verdict"] != "consistent":
        assert v.rule == case.get("rule", rule), v
    elif rule == "CK302" and "up from" not in case["a"][0] and case["a"][1] != case["b"][1]:
        assert v.rule == "CK302", v
    assert v.message


def test_every_rule_has_pass_and_fail_cases():
    verdicts: dict[str, set[str]] = {}
    for path in CASES.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        verdicts[data["rule"]] = {c["verdict"] for c in data["cases"]}
    for rule in ("CK101", "CK102", "CK103", "CK302"):
        assert {"consistent", "conflict"} <= verdicts[rule], rule


def test_qualifier_side_comes_from_the_rules(tmp_path):
    """A newsroom's own qualifier ("a shade under": approximate-below) is judged as its rule says."""
    from checker.lexicon import load_lexicon

    (tmp_path / "q.yaml").write_text("id: qualifiers\nbefore:\n  a shade under: {bound: approximate-below}\nafter: {}\n",
                                     encoding="utf-8")
    lex = load_lexicon([tmp_path])
    under = checker.extract("a shade under 500 homes", lexicon=lex)[0]
    assert under.value.lean == "below" and under.readable().startswith("≲ 500")
    for other, verdict in (("480 homes", "consistent"), ("520 homes", "conflict")):
        b = checker.extract(other, lexicon=lex)[0]
        assert judge(under, b, lex).verdict == verdict, other
