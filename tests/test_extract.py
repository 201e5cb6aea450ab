"""The normaliser on the seed pair and on the behaviours the issue names."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import checker

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "shoigu"


def _claims(name: str):
    doc = checker.load(SEEDS / name)
    return doc, checker.extract_document(doc)


def _find(claims, text):
    hits = [c for c in claims if text in c.sentence and (c.text in text or text in c.text)]
    assert hits, text
    return hits[0]


def test_seed_values():
    doc, a = _claims("tass-visit.txt")
    june = [c for c in a if c.text == "June 17"][0]
    assert june.value.start == dt.date(2025, 6, 17) and june.value.weekday == 1  # year from the article's latest year
    troops = [c for c in a if c.text == "more than 11,000"][0]
    assert troops.value.low == 11000 and troops.value.high is None and not troops.value.low_inclusive
    assert troops.subject_key == "troops"
    sappers = [c for c in a if c.text == "1,000"][0]
    assert sappers.subject == "sappers"
    area = [c for c in a if c.text == "500 square miles"][0]
    assert area.value.unit == "m²" and area.value.low == pytest.approx(1.295e9, rel=1e-3)


def test_seed_relative_and_weekday():
    _, b = _claims("regional-wire.txt")
    friday = [c for c in b if c.text == "Friday"][0]
    assert friday.value.resolved is False and friday.value.weekday == 4
    fall = [c for c in b if c.text == "last fall"][0]
    assert (fall.value.start, fall.value.end) == (dt.date(2024, 9, 1), dt.date(2024, 11, 30))
    rng = [c for c in b if c.text == "10,000 to 12,000"][0]
    assert (rng.value.low, rng.value.high) == (10000, 12000)
    span = [c for c in b if c.text == "2018-19"][0]
    assert span.kind == "date" and span.value.end == dt.date(2019, 12, 31)
    assert [c for c in b if c.kind == "ordinal"][0].value.low == 6


@pytest.mark.parametrize("text", ["The score was (29-23) at half time.", "Call 555-1234 today.", "Flight MH-17 and the F-16.",
                                  "1. First item\n2. Second item", "See page 12.", "It is 10:30 now.",
                                  "twenty-first-century technology", "Ninety-ninth place went to a local runner."])
def test_not_claims(text):
    assert [c.text for c in checker.extract(text) if c.kind != "date"] == []


def test_time_of_day_marked_or_with_a_date():
    """A clock time written as one (a.m., pm, local time, a zone) is a claim in any sentence: news gives the
    hour of an event in a sentence of its own; so is one after a word of time ("at 14:30"). A bare "14:30"
    elsewhere counts only beside a date."""
    assert [c.kind for c in checker.extract("The blast came shortly after 2 a.m. on Thursday.", dt.date(2025, 3, 13))] == ["time", "date"]
    assert [c.readable() for c in checker.extract("The crash happened at 9:03 a.m. local time.")] == ["09:03"]
    assert [c.readable() for c in checker.extract("The ship struck a pier at around 1.30am ET.")] == ["≈ 01:30"]
    assert [c.readable() for c in checker.extract("The quake hit at 11.11 p.m. and at 23:11 local time.")] == ["23:11", "23:11"]
    assert [c.readable() for c in checker.extract("The meeting began at 14:30 sharp.")] == ["14:30"]
    assert checker.extract("The score was 14:30 at half time.") == []
    assert [c.kind for c in checker.extract("He scored 1.30 goals a game.")] == ["number"]


def test_update_roles():
    claims = checker.extract("The death toll rose to 312 on Wednesday, up from 241.", dt.date(2025, 9, 17))
    roles = {c.text: c.role for c in claims}
    assert roles["312"] == "current" and roles["241"] == "previous"


def test_seasons_follow_hemisphere_rule(tmp_path):
    from checker.lexicon import load_lexicon

    (tmp_path / "south.yaml").write_text("id: dates\nhemisphere: south\n", encoding="utf-8")
    lex = load_lexicon([tmp_path])
    c = checker.extract("It happened last winter.", dt.date(2025, 10, 1), lexicon=lex)[0]
    assert (c.value.start, c.value.end) == (dt.date(2025, 6, 1), dt.date(2025, 8, 31))


def test_extract_json_schema(cli):
    proc = cli("extract", "--format", "json", str(SEEDS / "tass-visit.txt"))
    data = json.loads(proc.stdout)
    claim = data["claims"][0]
    assert set(claim) == {"id", "source", "start", "end", "text", "sentence", "kind", "subject", "value", "where"}
    dates = [c for c in data["claims"] if c["kind"] == "date"]
    assert set(dates[0]["value"]) >= {"start", "end", "grain", "weekday", "resolved"}
    nums = [c for c in data["claims"] if c["kind"] == "number"]
    assert set(nums[0]["value"]) == {"low", "high", "low_inclusive", "high_inclusive", "approximate", "unit", "dimension"}


def test_extract_table_and_csv(cli):
    table = cli("extract", str(SEEDS / "tass-visit.txt")).stdout.decode()
    assert "> 11,000 troops" in table and "2025-06-17 (Tue)" in table
    csv = cli("extract", "--format", "csv", str(SEEDS / "tass-visit.txt")).stdout.decode()
    assert csv.splitlines()[0] == "file,line,col,surface,kind,value,subject,where"


def test_rates_are_not_totals():
    """'300,000 rounds a month' is a rate: its own kind of fact, never lined up with a total."""
    rates = {c.text: c.rate for c in checker.extract(
        "Its guns fire some 300,000 rounds a month. The aid covers 250,000 shells. The road carries 25,000 cars "
        "per day and the line costs $5 million a year.", features=True)}
    assert rates == {"some 300,000": "month", "250,000": None, "25,000": "day", "$5 million": "year"}


def test_year_in_passing_never_dates_the_events():
    """Without `published`, a bare month-day takes the latest year the article states as its own time; a year
    named in passing ("since 1997", "the 2019 floods") leaves it open rather than decades away."""
    def july(text):
        return next(c for c in checker.extract(text) if c.text == "July 13").value

    assert july("The river peaked on July 13, the worst flooding since 1997.").resolved is False
    assert july("Unlike the 2019 floods, the water rose slowly on July 13.").resolved is False
    v = july("The river peaked on July 13. The dam was built in 1961 and repaired in 2024.")
    assert v.resolved and v.start == dt.date(2024, 7, 13)


def test_others_with_no_earlier_figure_is_the_rest_of_a_group():
    """'Four others are presumed dead' opening a sentence counts the rest of a group (a part); in 'killed 9
    workers and hurt 27 others' the others are the workers of the same sentence."""
    parts = {c.text: c.part for c in checker.extract(
        "The remains of two people were recovered. Four others are presumed dead. The blast killed 9 workers "
        "and hurt 27 others.", features=True)}
    assert parts == {"two": False, "Four": True, "9": False, "27": False}


@pytest.mark.parametrize("text,trait", [
    ("Nearly 40 percent of them were children.", {"children"}),
    ("A third of the newcomers are under 18.", {"children"}),
    ("About 70 percent of patients were unvaccinated.", {"not vaccinate"}),
    ("Nine in ten of those infected in the north had not been vaccinated.", {"not vaccinate"}),
    ("One in eight has been admitted to hospital.", {"hospital"}),
    ("The fund drew a third of what is needed.", set()),       # no linking verb: no trait
    ("Turnout was 62% of registered voters.", set()),          # a share with only a base
])
def test_share_trait(text, trait):
    """What a share has or is (subjects.yaml `traits`), read past its base."""
    shares = [c for c in checker.extract(text, features=True) if c.kind == "percent"]
    assert shares and set(shares[0].trait) == trait, [(c.text, c.trait) for c in shares]


def test_severity_adverb_makes_a_part():
    """'2,059 people were injured, 1,404 critically': the second figure is part of the first, not a rival total."""
    claims = {c.text: c for c in checker.extract("Another 2,059 people were injured, 1,404 critically.", features=True)}
    assert claims["1,404"].part and not claims["2,059"].part


@pytest.mark.parametrize("forms", [("vaccinated", "unvaccinated", "vaccinate", "vaccinates"), ("rose", "risen", "rise"),
                                   ("children", "child"), ("flooding", "floods", "flooded"), ("fled", "flee", "fleeing")])
def test_context_words_meet_at_their_lemma(forms):
    """Inflected forms share one key (rules/lexicon/lemmas.json, generated from lemminflect, then suffix rules)."""
    from checker.subjects import stem

    assert len({stem(w) for w in forms}) == 1, {w: stem(w) for w in forms}


def test_over_after_a_number_is_not_a_bound():
    """'1 over 3' is a ratio and '3 under par' a score: neither side becomes 'more than'/'less than'."""
    for text in ("the ratio was 1 over 3", "she finished 3 under par"):
        assert all(c.value.low == c.value.high for c in checker.extract(text) if c.kind == "number"), text


def test_a_place_from_the_end_is_never_compared_with_a_place_from_the_start():
    """'finished second to last' and 'finished second' share the figure 2 and mean different places."""
    from checker.frame import block_of

    from_end = checker.extract("The team finished second to last.")
    from_start = checker.extract("The team finished second.")
    assert [c.value.dimension for c in from_end] == ["rank from end"]
    assert block_of(from_end[0]) != block_of(from_start[0])


def test_a_long_text_read_in_pieces_gives_the_claims_of_one_reading(monkeypatch):
    """Past CHUNK_CHARS a text is read a piece at a time (cut at paragraph breaks); its claims keep the whole
    text's offsets, ids stay unique and in order, and each states what reading the text at once states."""
    from checker import extraction

    articles = sorted((ROOT / "fixtures" / "clusters").rglob("*.txt"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in articles)
    while len(text) < 2.5 * extraction.CHUNK_CHARS:
        text += "\n\n" + text
    pieces = checker.extract(text, "2025-06-20")
    monkeypatch.setattr(extraction, "CHUNK_CHARS", 10 * len(text))
    whole = checker.extract(text, "2025-06-20")

    def facts(claims):
        return [(c.start, c.end, c.kind, c.value, c.subject, c.sentence_start, c.role) for c in claims]

    assert all(text[c.start:c.end] == c.text for c in pieces)
    numbers = [int(c.id.rpartition(":")[2]) for c in pieces]
    assert numbers == sorted(set(numbers))
    assert facts(pieces) == facts(whole)


def test_increment_words_inside_names_are_no_increment(tmp_path):
    """'another 500' and 'an additional 200' add to a figure; the 'New' of Papua New Guinea or New York, even
    in a headline with no full stop before the figure, does not."""
    import checker

    path = tmp_path / "a.txt"
    path.write_text("Landslide buries village in remote Papua New Guinea\n\nMore than 100 people are thought to have "
                    "died.\nAnother 500 troops arrived.\nFloods in New York killed 12 people.\nThe army sent 300 new "
                    "recruits and an additional 200 soldiers.\n", encoding="utf-8")
    got = {c.text: c.increment for c in checker.extract_document(checker.load(str(path)), features=True)}
    assert got == {"More than 100": False, "500": True, "12": False, "300": False, "200": True}


def test_undated_source_takes_the_story_year(tmp_path):
    """An undated report's bare "March 14" is of its story's year (from the dated reports), not of a year it
    names in passing ("since the 1997 floods"); a story with no dated report keeps the years its text names."""
    from checker.commands import Source, story_year

    dated = tmp_path / "a.txt"
    dated.write_text("---\npublished: 2025-03-20\n---\nThe river burst its banks on March 14, flooding 300 homes.\n",
                     encoding="utf-8")
    undated = tmp_path / "b.txt"
    undated.write_text("The river burst its banks on March 14, the worst flooding since the 1997 floods, and 300 "
                       "homes were flooded.\n", encoding="utf-8")
    report = checker.compare(str(dated), str(undated))
    days = {c.source: c.value for c in report.claims if c.text == "March 14"}
    assert {v.start for v in days.values()} == {dt.date(2025, 3, 14)}
    assert not [f for f in report.findings if f.verdict == "conflict"]
    docs = [Source(f"s{k}", checker.load(str(p))) for k, p in enumerate((undated, undated))]
    assert story_year(docs) is None


def test_an_undated_report_takes_the_story_year_over_earlier_years_it_names():
    """An undated report in a story whose dated reports are of 2025: "July 18" is of 2025, whatever earlier years
    it names as background ("in a 2022 surge", "in 2019, the council ..."); a year it names as its own stays."""
    for text in ("The crush on the night of July 18 killed seven. In a 2022 surge there, 14 were treated.",
                 "The crush on the night of July 18 killed seven. In 2019, the council widened the gate."):
        got = [c for c in checker.extract(text, year_hint=2025) if c.text == "July 18"]
        assert got and str(got[0].value.start) == "2025-07-18", text
    got = [c for c in checker.extract("The crush on the night of July 18, 2026, killed seven.", year_hint=2025)
           if c.text.startswith("July 18")]
    assert str(got[0].value.start) == "2026-07-18"
    got = [c for c in checker.extract("In 2026 the festival moves. The gates open on July 18.", year_hint=2025)
           if c.text == "July 18"]
    assert str(got[0].value.start) == "2026-07-18"
