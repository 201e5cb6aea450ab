"""Evidence the alignment model weighs (checker.align.pair_vector): each class of wording names its feature."""
from __future__ import annotations

import datetime as dt

import checker
from checker.align import NEVER, align, pair_vector
from checker.lexicon import default_lexicon

LEX = default_lexicon()
KNOWN = frozenset(LEX.subject_groups.values())


def _vector(a: str, fa: str, b: str, fb: str, pa: dt.date | None = None, pb: dt.date | None = None) -> dict:
    ca, cb = (checker.extract(t, p, source=s, features=True) for t, p, s in ((a, pa, "s1"), (b, pb, "s2")))
    facts = align([("s1", ca, pa.year if pa else None), ("s2", cb, pb.year if pb else None)], LEX,
                  published={"s1": pa, "s2": pb})
    frames = {m.claim.text: m for f in facts for m in f.members}
    return pair_vector(frames[fa], frames[fb], KNOWN, {})


def test_a_running_count_that_grows_between_reports():
    v = _vector("The landslide killed nine people, officials said.", "nine",
                "The landslide has now killed 31 people, officials said.", "31",
                dt.date(2025, 9, 1), dt.date(2025, 9, 4))
    assert v.get("running_grows") == 1.0 and "running_falls" not in v


def test_a_running_count_lower_in_the_later_report():
    v = _vector("The landslide killed 31 people, officials said.", "31",
                "The landslide has now killed nine people, officials said.", "nine",
                dt.date(2025, 9, 1), dt.date(2025, 9, 4))
    assert v.get("running_falls") == 1.0 and "running_grows" not in v


def test_undated_reports_say_nothing_of_growth():
    v = _vector("The landslide killed nine people.", "nine", "The landslide has now killed 31 people.", "31")
    assert not {"running_grows", "running_falls", "running_same_day"} & set(v)


def test_figures_over_two_spans_are_two_facts():
    v = _vector("Otis strengthened by 80 mph in the past 12 hours.", "80 mph",
                "Otis strengthened by 110 mph in 24 hours.", "110 mph")
    assert NEVER in v
    v = _vector("About 8 inches of rain fell in a day and a half.", "About 8 inches",
                "Some 200 millimetres of rain fell in 36 hours.", "Some 200 millimetres")
    assert NEVER not in v


def test_clauses_that_name_two_holders():
    v = _vector("The Greens won 41 seats. The Farmers' Union won 12 seats in the north.", "41",
                "The Farmers' Union won 38 seats. The Greens won 12 seats in the north.", "38")
    assert v.get("name_clash") == 1.0
    v = _vector("The Greens won 41 seats. The Farmers' Union won 12 seats in the north.", "41",
                "The Greens won 38 seats. The Farmers' Union won 12 seats in the north.", "38")
    assert v.get("name_shared") == 1.0 and "name_clash" not in v


def test_dates_years_apart():
    v = _vector("Labour last won a general election in 2005, under Tony Blair.", "2005",
                "Labour last won a general election in 2019, the paper said.", "2019")
    assert v.get("date_years_apart") == 1.0 and v.get("date_far") == 1.0
    v = _vector("The bridge closed on June 2, 2025, for repairs.", "June 2, 2025",
                "The bridge closed on June 12, 2025, for repairs.", "June 12, 2025")
    assert "date_years_apart" not in v and "date_far" not in v
