"""Property-based tests: extraction never raises, every span holds, cost stays linear on hostile input."""
from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checker

# the linearity runs are figure-dense by design: that reading stops there (DenseText) is expected
pytestmark = pytest.mark.filterwarnings("ignore::checker.extraction.DenseText")

NEWSY = st.sampled_from(["more than", "about", "1,000", "–", "-", "to", "between", "and", "June", "17", "Friday",
                         "million", "$", "€", "%", "km", "square", "miles", "last", "fall", "2024", "2018-19", "nine",
                         "hundred", "dozens", "of", "troops", "a", "half", "day", ".", ",", "(", ")", "\n", "1.", "'s",
                         "sixth", "up", "from", "rose", "3:15", "a.m.", "Sept.", "13", "14", "late", "mid-", "°C", "0"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_and_spans_hold(text):
    for c in checker.extract(text):
        assert text[c.start:c.end] == c.text
        assert c.start < c.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NEWSY, max_size=60).map(" ".join), st.none() | st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31)))
def test_newsy_token_soup(text, published):
    for c in checker.extract(text, published):
        assert text[c.start:c.end] == c.text
        c.to_json()
        c.readable()


def _seconds(text: str) -> float:
    t0 = time.perf_counter()
    checker.extract(text)
    return time.perf_counter() - t0


def _assert_linear(unit: str, n: int = 25_000) -> None:
    small, large = unit * n, unit * (4 * n)
    _seconds(small)  # warm up
    t_small = min(_seconds(small) for _ in range(2))
    t_large = _seconds(large)
    # four times the text may cost at most ~10x (generous for noise); quadratic would be 16x
    assert t_large < max(10 * t_small, 0.5), (unit, t_small, t_large)


def test_linear_on_repeated_number_commas():
    _assert_linear("1,")
    checker.extract("1," * 100_000)


def test_linear_on_digits_and_dashes():
    _assert_linear("12-")
    _assert_linear("9" * 50 + " ")
    checker.extract("9" * 100_000)
    checker.extract("-" * 100_000)
    checker.extract("1-" * 100_000)


def test_linear_on_dense_mentions():
    _assert_linear("more than 1,000 troops on June 17 and about 5 km. ", n=2_000)
