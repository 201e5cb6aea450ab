"""Hostile and huge input: one line and a distinct exit code, never a traceback, a hang or unbounded memory.

Every input is generated here (no blobs). Each CLI case runs `checker` in a child process under resource
limits (address space and CPU seconds, plus a wall-clock timeout), so a regression fails the test instead
of the machine.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import resource
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import checker
from checker.extraction import DenseText

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def run(*args: str, stdin=None, seconds: float = 30, memory_mb: int = 1500, cwd: Path | None = None,
        env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m checker ARGS` with at most `memory_mb` of address space and `seconds` of CPU (and 2x that
    of wall time). `stdin`: bytes, or an open file."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
        cpu = int(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    kwargs = {"input": stdin} if isinstance(stdin, (bytes, type(None))) else {"stdin": stdin}
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, cwd=cwd or ROOT,
                          env=dict(os.environ, NO_COLOR="1", **(env or {})), timeout=2 * seconds + 5,
                          preexec_fn=limits, **kwargs)


def one_line(proc: subprocess.CompletedProcess, code: int, *names: str) -> str:
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == code, (proc.returncode, err[-2000:])
    assert err.count("\n") == 1 and "Traceback" not in err, err[-2000:]
    for name in names:
        assert name in err, err
    return err


def no_traceback(proc: subprocess.CompletedProcess, codes: tuple[int, ...] = (0, 1)) -> None:
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode in codes and "Traceback" not in err, (proc.returncode, err[-2000:])


# ------------------------------------------------------------------------------------ tracebacks


@pytest.mark.parametrize("value", ["2025-13-45", "2025-02-30", "0001-01-01", "9999-12-31", "0", "'2025-06-31'"])
def test_impossible_published_dates_are_one_line(tmp_path, value):
    p = tmp_path / "a.md"
    p.write_text(f"---\npublished: {value}\n---\nAbout 500 soldiers arrived last week.\n", encoding="utf-8")
    one_line(run("extract", str(p)), 2, "a.md")


def test_a_feed_datetime_is_a_published_date(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\npublished: 2025-06-17T09:00:00Z\n---\nTroops arrived on Friday.\n", encoding="utf-8")
    proc = run("extract", "--format", "json", str(p))
    no_traceback(proc, (0,))
    claim = json.loads(proc.stdout)["claims"][0]
    assert claim["value"]["start"] == "2025-06-13"  # the Friday before publication


def test_api_accepts_iso_strings_and_refuses_junk():
    by_string = checker.extract("Troops arrived on Friday.", "2025-06-17T09:00:00Z")
    by_date = checker.extract("Troops arrived on Friday.", dt.date(2025, 6, 17))
    assert [c.value for c in by_string] == [c.value for c in by_date]
    with pytest.raises(ValueError):
        checker.extract("5 troops", "next Tuesday")
    with pytest.raises(ValueError):
        checker.extract("5 troops", dt.date(1, 1, 1))


def test_a_long_run_of_weekday_names(tmp_path):
    p = tmp_path / "days.txt"
    p.write_text("Troops arrived on " + "Monday " * 50_000 + "and Tuesday.\n", encoding="utf-8")
    no_traceback(run("extract", str(p), seconds=20))
    p.write_text("It ended at the end of " * 20_000 + "May.\n", encoding="utf-8")
    no_traceback(run("extract", str(p), seconds=20))


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_figures_past_a_float_in_every_format(tmp_path, fmt):
    p = tmp_path / "big.txt"
    p.write_text(f"{'9' * 400} soldiers, 10^999 people, 1e400 tonnes and "
                 f"{'a trillion ' * 40}dollars; then 12345678901234567890 soldiers.\n", encoding="utf-8")
    proc = run("extract", "--format", fmt, str(p))
    no_traceback(proc, (0,))
    out = proc.stdout.decode()
    assert "12345678901234567890" in out  # a 20-digit figure is read, not dropped
    assert "inf" not in out.lower().replace("info", "")
    q = tmp_path / "other.txt"
    q.write_text("Some 12345678901234567890 soldiers.\n", encoding="utf-8")
    no_traceback(run("compare", "--format", fmt if fmt != "table" else "text", str(p), str(q)))


# ------------------------------------------------------------------------------- resource exhaustion


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for k in range(1, levels):
        lines.append(f"a{k}: &a{k} [" + ",".join([f"*a{k - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_yaml_alias_bomb_in_front_matter(tmp_path):
    p = tmp_path / "bomb.md"
    p.write_text("---\n" + _alias_bomb() + "title: *a8\n---\nAbout 5 soldiers.\n", encoding="utf-8")
    t0 = time.perf_counter()
    one_line(run("extract", str(p), seconds=10, memory_mb=1000), 2, "bomb.md", "alias")
    assert time.perf_counter() - t0 < 10


def test_yaml_alias_bomb_in_a_rules_file(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bomb.yaml").write_text("id: units\n" + _alias_bomb(), encoding="utf-8")
    a = tmp_path / "a.txt"
    a.write_text("About 5 soldiers.\n", encoding="utf-8")
    one_line(run("extract", "--rules", str(rules), str(a), seconds=10, memory_mb=1000), 2, "bomb.yaml", "alias")
    one_line(run("rules", "--check", str(rules), seconds=10, memory_mb=1000), 2, "bomb.yaml")


def test_endless_streams_are_refused_with_bounded_memory(tmp_path):
    one_line(run("extract", "/dev/zero", seconds=10, memory_mb=1000), 2, "/dev/zero")
    with open("/dev/zero", "rb") as zero:  # an endless stdin: read up to the 50 MiB limit, then refused
        one_line(run("extract", "-", stdin=zero, seconds=20, memory_mb=1000), 2, "stdin")
    with open("/dev/urandom", "rb") as noise:
        one_line(run("extract", "-", stdin=noise, seconds=20, memory_mb=1000), 2)


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    one_line(run("extract", str(fifo), seconds=10), 2, "pipe.txt")


def _article_folder(folder: Path, n: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    return [str(p) for p in generate(folder, n)]


def test_compare_cost_per_claim_is_flat(tmp_path):
    """Four times the articles: the cost per claim may not double (quadratic growth would quadruple it),
    and memory stays bounded (the 400-article run under 700 MB of address space)."""
    per_claim = {}
    for n in (100, 400):
        paths = _article_folder(tmp_path / str(n), n)
        t0 = time.perf_counter()
        proc = run("compare", "--format", "json", *paths, seconds=60, memory_mb=1500)
        wall = time.perf_counter() - t0
        no_traceback(proc)
        per_claim[n] = wall / len(json.loads(proc.stdout)["claims"])
    assert per_claim[400] < 2 * per_claim[100], per_claim


def _per_megabyte(text: str) -> float:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DenseText)
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            checker.extract(text)
            best = min(best, time.perf_counter() - t0)
    return best / (len(text) / 1e6)


PATHOLOGICAL = ["between 1 and 2 and ", "1,", "12 to ", "January ", "Monday ", "1 ", "2 July to ", "5% ", "$1 ",
                "one hundred and ", "from 1 to ", "the end of ", "'9", "five-", "1st ", "2-1 ", "5\n", "a quarter of ",
                "about 5 million people on 3 March 2021 between 2 and 3 km, ",
                # session 7's readers: a bare "hundred" starts a number (a run of "hundred thousand" read every
                # scale word to its end from each start: 143 s/MB before MAX_SCALES), counted and open date spans
                "hundred thousand ", "3 days after ", "before 2010 ", "2010 through ", "the 15th day of ", "1.2."]


def test_pathological_runs_cost_at_most_three_times_prose():
    prose = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt")))
    size = 200_000
    prose = (prose * (size // len(prose) + 1))[:size]
    normal = _per_megabyte(prose)
    slow = {}
    for unit in PATHOLOGICAL:
        text = (unit * (size // len(unit) + 1))[:size]
        ratio = _per_megabyte(text) / normal
        if ratio > 3:  # the machine may be shared: measure both again before calling it slow
            ratio = min(ratio, _per_megabyte(text) / _per_megabyte(prose))
        if ratio > 3:
            slow[unit] = round(ratio, 2)
    assert not slow, (normal, slow)


def test_a_ten_megabyte_run_of_digits(tmp_path):
    p = tmp_path / "digits.txt"
    p.write_bytes(b"1" * (10 * MB))
    no_traceback(run("extract", str(p), seconds=20), (0,))
    p.write_bytes(b"1," * (5 * MB))
    proc = run("extract", str(p), seconds=30)
    no_traceback(proc, (0,))
    assert b"not running text" in proc.stderr  # reading stopped, and said so, naming the file
    assert b"digits.txt" in proc.stderr


# -------------------------------------------------------------------------------- more from the probe


def test_repeats_give_one_finding_per_statement_not_k_times_m(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Army\n\n" + "The army said 500 soldiers were deployed. " * 1500, encoding="utf-8")
    b.write_text("Army\n\n" + "The army said 600 soldiers were deployed. " * 1500, encoding="utf-8")
    proc = run("compare", "--format", "json", str(a), str(b), seconds=20, memory_mb=1000)
    no_traceback(proc)
    findings = json.loads(proc.stdout)["findings"]
    assert 1 <= len(findings) <= 6 and {f["rule"] for f in findings} == {"CK101"}


@pytest.mark.parametrize("value", ["nan", "-1", "inf", "2.5"])
def test_tolerances_must_be_finite_and_in_range(tmp_path, value):
    (tmp_path / "checker.toml").write_text(f"[tolerances]\napproximate = {value}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("About 500 soldiers.\n", encoding="utf-8")
    one_line(run("extract", "a.txt", cwd=tmp_path), 2, "checker.toml", "approximate")
    (tmp_path / "checker.toml").unlink()
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "tol.yaml").write_text(f"id: tolerances\napproximate: {value}\n", encoding="utf-8")
    one_line(run("rules", "--check", str(rules)), 2, "tol.yaml")
    one_line(run("extract", "--rules", str(rules), str(tmp_path / "a.txt")), 2, "tol.yaml")


WIRE = "---\npublished: 2025-03-13\n---\nFire\n\nAbout 120 firefighters fought the blaze on Thursday.\n"


def _check(tmp_path: Path, draft: str, seconds: float = 30) -> tuple[int, list[dict]]:
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    proc = run("check", "draft.md", "--against", "wire.txt", "--format", "json", "--fail-on", "warning",
               cwd=tmp_path, seconds=seconds)
    no_traceback(proc)
    return proc.returncode, json.loads(proc.stdout)["findings"]


def test_the_readme_suppression_example_suppresses(tmp_path):
    draft = ("---\npublished: 2025-03-14\n---\nFire\n\nAbout 120 firefighters fought the blaze on Thursday. "
             "The plant employs 1,150 people. [checker: ignore unsupported-claim from the company's annual report]\n")
    code, findings = _check(tmp_path, draft)
    assert [f["rule"] for f in findings if f["rule"] not in ("CK301",)] == [] and code == 0


@pytest.mark.parametrize("comment", ["<!-- checker: ignore CK201 never closed", "[checker: ignore CK201 no bracket"])
def test_malformed_suppressions_are_reported(tmp_path, comment):
    draft = f"Fire\n\nAbout 120 firefighters fought the blaze on Thursday.\n\n{comment}\nThe plant employs 1,150 people.\n"
    _, findings = _check(tmp_path, draft)
    rules = [f["rule"] for f in findings]
    assert "CK402" in rules and "CK201" in rules  # reported, and it silences nothing


def test_suppression_scanning_is_linear(tmp_path):
    draft = "Fire\n\n" + "".join(f"The crew counted {k} boxes. [checker: ignore CK201 ours] " for k in range(20_000))
    draft += "<!-- checker: ignore CK101 x " * 20_000
    t0 = time.perf_counter()
    _, findings = _check(tmp_path, draft, seconds=60)
    assert time.perf_counter() - t0 < 60
    assert "CK201" not in {f["rule"] for f in findings} and "CK402" in {f["rule"] for f in findings}


def test_a_full_disk_and_a_closed_pipe(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Officials said 500 soldiers arrived.\n", encoding="utf-8")
    b.write_text("Officials said 600 soldiers arrived.\n", encoding="utf-8")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "checker", "compare", "--format", "json", str(a), str(b)],
                              stdout=full, stderr=subprocess.PIPE, timeout=60)
    one_line(proc, 3, "No space left")
    # a reader that stops early: exit code of the findings (1: a conflict), nothing on stderr
    shell = f"{sys.executable} -m checker compare --format json {a} {b} | head -c 1 > /dev/null; exit ${{PIPESTATUS[0]}}"
    files = [str(p) for p in _article_folder(tmp_path / "many", 60)]
    big = f"{sys.executable} -m checker compare --format json {' '.join(files)} | head -c 1 > /dev/null; exit ${{PIPESTATUS[0]}}"
    for cmd in (shell, big):
        proc = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=120)
        assert proc.returncode == 1 and proc.stderr == b"", proc.stderr


def test_sigint_exits_130_with_one_line(tmp_path):
    files = _article_folder(tmp_path / "many", 400)

    def default_sigint() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    proc = subprocess.Popen([sys.executable, "-m", "checker", "compare", "--format", "json", *files],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=default_sigint)
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 130
    assert err == "checker: interrupted\n", err


ESC_TEXT = "Rescuers \x1b]0;owned\x07\x1b[2J said \"500\" <soldiers> & 'more' arrived\x00\x0b.\n"


def test_control_characters_never_reach_a_terminal_and_machine_formats_stay_valid(tmp_path):
    name = "odd\x1b[31mname\x07.txt"
    a = tmp_path / name
    a.write_bytes(ESC_TEXT.replace("\x00", "").encode())
    b = tmp_path / "b.txt"
    b.write_text("Rescuers said 600 soldiers arrived.\n", encoding="utf-8")
    for fmt in ("text", "line", "github", "csv"):
        out = run("compare", "--format", fmt, "--show", "all", str(a), str(b)).stdout
        assert b"\x1b" not in out and b"\x07" not in out, (fmt, out)
    out = run("extract", str(a)).stdout
    assert b"\x1b" not in out and b"\\x1b" in out
    err = run("extract", str(tmp_path / "no\x1b[2Jsuch.txt")).stderr
    assert b"\x1b" not in err and b"\\x1b" in err
    ET.fromstring(run("compare", "--format", "junit", str(a), str(b)).stdout)
    for fmt in ("json", "sarif"):
        json.loads(run("compare", "--format", fmt, str(a), str(b)).stdout)
    for line in run("compare", "--format", "jsonl", str(a), str(b)).stdout.splitlines():
        json.loads(line)


def test_csv_cells_never_start_a_formula(tmp_path):
    a = tmp_path / "=HYPERLINK(1).txt"
    a.write_text("=cmd|' /C calc'!A0 said 500 soldiers. @SUM(1) +5 km -x.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Officials said 500 soldiers.\n", encoding="utf-8")
    texts = [run("extract", "--format", "csv", a.name, cwd=tmp_path).stdout.decode(),
             run("compare", "--format", "csv", "--show", "all", a.name, b.name, cwd=tmp_path).stdout.decode(),
             checker.write_csv(checker.claims_frame([str(a)]))]
    for text in texts:
        cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
        risky = [c for c in cells if c and (c[0] in "=+@" or (c[0] == "-" and not c[1:].replace(".", "").isdigit()))]
        assert cells and not risky, risky
        assert any(c.startswith("'=") for c in cells)


def test_separators_long_figures_and_line_ends(tmp_path):
    for sep in (" ", "\u00a0", "\u2009", "\u202f"):
        (c,) = checker.extract(f"Officials counted 1{sep}000 soldiers.")
        assert c.value.low == 1000 and c.text == f"1{sep}000"
    p = tmp_path / "unterminated.md"
    p.write_text("---\ntitle: Floods\npublished: 2025-06-17\n\nSome 500 soldiers arrived.\n", encoding="utf-8")
    one_line(run("extract", str(p)), 2, "unterminated.md", "front matter")
    cr = tmp_path / "cr.md"
    cr.write_bytes(b"---\rpublished: 2025-06-17\r---\rFloods\r\rTroops arrived on Friday.\r")
    claims = json.loads(run("extract", "--format", "json", str(cr)).stdout)["claims"]
    assert [c["value"]["start"] for c in claims] == ["2025-06-13"]  # front matter read, so Friday resolves
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffFloods\n\nSome 500 soldiers arrived.\n".encode("utf-8"))
    as_read = bom.read_text(encoding="utf-8")
    (claim,) = json.loads(run("extract", "--format", "json", str(bom)).stdout)["claims"]
    assert as_read[claim["start"]:claim["end"]] == claim["text"] == "Some 500"


# ----------------------------------------------------------------------------------------- fuzzing

FUZZ_ALPHABET = st.sampled_from(list("0123456789.,-–—/:%$€£ ' \n\t()[]+=@^x½¼") + ["\u00a0", "\u2009", "\u2212"])
WORDS = st.sampled_from(["and", "to", "between", "about", "more than", "million", "one", "hundred", "a", "half",
                         "July", "Monday", "the", "end", "of", "km", "per cent", "first", "ago", "last", "week"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=FUZZ_ALPHABET, max_size=120))
@example("0:.0")  # found by this test: a clock's minutes read from a decimal with no whole part
@example("0:00:.5")
def test_fuzz_digits_and_punctuation(text):
    for c in checker.extract(text):
        assert text[c.start:c.end] == c.text and c.start < c.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_fuzz_any_unicode(text):
    for c in checker.extract(text):
        assert text[c.start:c.end] == c.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(WORDS, st.text(alphabet=FUZZ_ALPHABET, min_size=1, max_size=6)), max_size=40).map(" ".join),
       st.none() | st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31)))
def test_fuzz_words_and_figures(text, published):
    for c in checker.extract(text, published):
        assert text[c.start:c.end] == c.text
        c.readable()
        json.dumps(c.to_json())
