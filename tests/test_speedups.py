"""The shortcuts taken for speed change nothing: each is checked against the slow path it replaces."""
from __future__ import annotations

import gc
import re
import threading
from dataclasses import FrozenInstanceError, replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checker
from checker.extraction import extract
from checker.frozen import frozen
from checker.gcpause import paused_gc
from checker.lexicon import default_lexicon
from checker.tokens import NUM, SYM, WORD, _TOKEN, tokenize
from checker.values import Quantity


# the token pattern without its leading-whitespace part: what a plain finditer tokenizer would use
_PLAIN = re.compile(_TOKEN.pattern.removeprefix(r"\s*+"))
_TRICKY = st.text(alphabet=st.sampled_from(list("ab1.,'’ s\n\t\u00a0\u2009-–5¹١ÉİıK$€:%\r\x1c\x85_")), max_size=60)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), _TRICKY))
def test_tokenizer_matches_the_plain_definition(text: str) -> None:
    """tokenize derives offsets from match lengths and types from a first-character table; a plain
    finditer over the same pattern is the definition it must agree with."""
    ts = tokenize(text)
    plain = [(m.start(), m.end(), m.group()) for m in _PLAIN.finditer(text)]
    assert list(zip(ts.start, ts.end, ts.tok)) == plain
    assert ts.low == [t.lower() for t in ts.tok]
    want = [NUM if t[0].isdecimal() or (t[0] == "." and len(t) > 1) else WORD if t[0].isalnum() else SYM
            for t in ts.tok]
    assert ts.typ == want
    assert ts.newline_before == [i > 0 and "\n" in text[ts.end[i - 1]:ts.start[i]] or (i == 0 and "\n" in text[:ts.start[0]])
                                 for i in range(ts.n)]


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


def _vocabulary() -> list[str]:
    lex = default_lexicon()
    words: set[str] = set()
    for table in (lex.number_words, lex.tens, lex.scales, lex.multipliers, lex.fractions, lex.ordinals, lex.months,
                  lex.weekdays, lex.seasons):
        words |= set(table)
    for table in (lex.units, lex.units_exact, lex.percent_units, lex.currency_words, lex.vague, lex.relative_days,
                  lex.month_parts, lex.qualifiers_before, lex.qualifiers_after):
        words |= {w for key in table for w in key}
    return sorted(words | {"few", "half", "day", "week", "ago", "earlier", "-", "record", "man", "5", "1,000"})


def test_article_filter_drops_no_mention(monkeypatch) -> None:
    """'a'/'an' begin a mention only before certain words; with the filter off, every reader is tried at
    every article -- the mentions must be the same, for every lexicon word in several contexts. (The text
    is dense with trigger words, and the unfiltered run starts the readers at every article: the reading
    budget is lifted so both read the whole text.)"""
    import checker.extraction

    monkeypatch.setattr(checker.extraction, "TRIES_BASE", 10**9)
    lex = default_lexicon()
    unfiltered = replace(lex)  # a fresh copy: its derived look-ups start empty
    unfiltered.derived("article_next", lambda _: _Everything())
    vocab = _vocabulary()
    lines = []
    for w in vocab:
        for tail in ("of the 300 people", "and a half later", "ago, officials said", "hundred troops", "km away"):
            lines.append(f"Officials said a {w} {tail}. Then an {w} {tail}.")
    text = "\n\n".join(lines)
    fast = [(c.start, c.end, c.kind, c.value) for c in extract(text, lexicon=lex)]
    slow = [(c.start, c.end, c.kind, c.value) for c in extract(text, lexicon=unfiltered)]
    assert fast == slow
    assert len(fast) > 500  # the text does hold mentions led by articles


def test_frozen_values_keep_dataclass_behaviour() -> None:
    q = Quantity(1.0, 2.0, unit="m", dimension="length")
    assert q == Quantity(1.0, 2.0, unit="m", dimension="length") and hash(q) == hash(Quantity(1.0, 2.0, unit="m", dimension="length"))
    assert replace(q, high=3.0).high == 3.0 and q.high == 2.0
    assert q.dimension == "length" and q.factor == 1.0  # defaults from the declaration
    with pytest.raises(FrozenInstanceError):
        q.low = 5.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        Quantity(1.0)  # type: ignore[call-arg]
    assert "Quantity(low=1.0, high=2.0" in repr(q)


def test_frozen_rejects_what_it_cannot_build() -> None:
    from dataclasses import field

    with pytest.raises(TypeError):
        @frozen
        class Bad:
            items: list = field(default_factory=list)  # noqa: RUF012


def test_gc_pause_restores_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer reader is still at work
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a caller who had it off keeps it off
    finally:
        gc.enable()


def test_gc_pause_across_threads() -> None:
    text = "More than 11,000 troops arrived on June 17, 2025, officials said. " * 200
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                assert len(checker.extract(text)) == 400
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert gc.isenabled()


def test_phrase_tables_have_no_length_cap() -> None:
    """Phrase look-ups go through Lexicon.phrase_index, so a newsroom's five-word qualifier is found
    (the readers used to try at most four words) and a one-word update verb marks a current figure."""
    lex = default_lexicon()
    about = lex.qualifiers_before[("about",)]
    longer = replace(lex, qualifiers_before={**lex.qualifiers_before, ("in", "the", "region", "of", "some"): about})
    [claim] = extract("In the region of some 500 people were evacuated.", lexicon=longer)
    assert claim.text == "In the region of some 500" and claim.value.approximate
    [toll] = extract("The death toll reached 312 on Monday.", features=False)[:1]
    assert toll.role == "current"
