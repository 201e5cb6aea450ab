"""compare and check: the seed-pair verdicts, the JSON report against its schema, formats and exit codes."""
from __future__ import annotations

import csv
import io
import json

import jsonschema

import checker
import pytest

from conftest import ROOT, SHARED

SEEDS = ROOT / "fixtures" / "shoigu"
ORIG = SHARED / "bench" / "seeds-shoigu"
KORSVIK = SHARED / "bench" / "korsvik-chemical-plant-fire"
SCHEMA = json.loads((ROOT / "checker" / "schema" / "report.schema.json").read_text())


def _report(cli, *args, cwd=None):
    proc = cli(*args, "--format", "json", cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMA)
    return proc.returncode, data


def _verdicts(data, a_text: str, b_text: str) -> set[str]:
    claims = {c["id"]: c for c in data["claims"]}
    out = set()
    for f in data["findings"]:
        texts = [claims[c]["text"] for c in f["claims"]]
        if len(texts) == 2 and ({a_text, b_text} <= set(texts) or (a_text in texts[0] and b_text in texts[1])
                                or (a_text in texts[1] and b_text in texts[0])):
            out.add(f["verdict"])
    return out


@pytest.mark.parametrize("folder", [SEEDS, ORIG])
def test_seed_pair(cli, folder):
    if not folder.is_dir():
        pytest.skip("seed pair not present")
    files = sorted(str(p) for p in folder.glob("*.txt"))
    code, data = _report(cli, "compare", *files)
    assert code == 1  # a conflict
    assert _verdicts(data, "June 17", "Friday") == {"conflict"}
    assert "consistent" in _verdicts(data, "more than 11,000", "10,000 to 12,000")
    assert "consistent" in _verdicts(data, "3,000", "1,000 to 3,000")
    assert _verdicts(data, "1,000", "1,000 to 3,000") == set()  # sappers are not the troop figures
    assert not any(f["verdict"] == "conflict" and "1,000" == next(c["text"] for c in data["claims"] if c["id"] == f["claims"][0])
                   for f in data["findings"])
    assert all(s["path"] in files for s in data["sources"])
    conflict = next(f for f in data["findings"] if f["verdict"] == "conflict")
    assert conflict["rule"] == "CK103" and "Tuesday" in conflict["message"] and conflict["why"]


def test_check_mode_unsupported_and_reference_conflicts(cli):
    if not KORSVIK.is_dir():
        pytest.skip("bench not present")
    code, data = _report(cli, "check", "draft.txt", "--against", "wire-nordic.txt", "wire-atlantic.txt", cwd=KORSVIK)
    assert code == 1
    claims = {c["id"]: c for c in data["claims"]}
    unsupported = {claims[f["claims"][0]]["text"] for f in data["findings"] if f["verdict"] == "unsupported"}
    assert {"Around 3,000", "1987", "third", "$40 million"} <= unsupported
    assert all(len(f["claims"]) == 1 for f in data["findings"] if f["verdict"] == "unsupported")
    roles = {s["path"]: s["role"] for s in data["sources"]}
    assert roles == {"draft.txt": "draft", "wire-nordic.txt": "reference", "wire-atlantic.txt": "reference"}


def test_draft_from_stdin(cli):
    draft = b"---\npublished: 2025-03-14\n---\nAbout 120 firefighters fought the blaze, which killed 9 workers.\n"
    refs = [str(KORSVIK / "wire-nordic.txt")] if KORSVIK.is_dir() else [str(SEEDS / "tass-visit.txt")]
    proc = cli("check", "-", "--against", *refs, "--format", "json", stdin=draft)
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    assert data["sources"][0]["path"] == "-" and data["sources"][0]["role"] == "draft"


def test_fail_on_levels(cli, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("At least 120 homes were destroyed by the fire.", encoding="utf-8")
    b.write_text("About 60 homes were destroyed by the fire.", encoding="utf-8")
    assert cli("compare", str(a), str(b)).returncode == 1
    assert cli("compare", str(a), str(b), "--fail-on", "never").returncode == 0
    c = tmp_path / "c.txt"
    c.write_text("About 120 homes were destroyed by the fire.", encoding="utf-8")
    assert cli("compare", str(a), str(c)).returncode == 0
    assert cli("compare", str(a), str(c), "--fail-on", "warning").returncode == 0
    d = tmp_path / "d.txt"
    d.write_text("The fire destroyed homes worth $3 million.", encoding="utf-8")
    e = tmp_path / "e.txt"
    e.write_text("The fire destroyed homes worth 30 million crowns.", encoding="utf-8")  # no rate for "crowns"
    assert cli("compare", str(d), str(e), "--fail-on", "warning").returncode == 1  # unverifiable is a warning
    assert cli("compare", str(d), str(e)).returncode == 0


def test_usage_errors_exit_2(cli, tmp_path):
    assert cli("compare").returncode == 2
    assert cli("check", "draft.txt").returncode == 2  # --against missing
    proc = cli("compare", str(tmp_path / "missing.txt"), str(SEEDS / "tass-visit.txt"))
    assert proc.returncode == 2 and b"missing.txt" in proc.stderr and b"Traceback" not in proc.stderr


def test_text_report_plain_when_piped(cli):
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    proc = cli("compare", *files)
    out = proc.stdout.decode()
    assert "\x1b[" not in out  # NO_COLOR / not a terminal
    assert "conflict" in out and "Tuesday" in out and "consistent" in out.splitlines()[-1]
    assert "✓" not in out  # --show conflicts by default
    full = cli("compare", *files, "--show", "all", "--no-color").stdout.decode()
    assert "✓ consistent" in full and "more than 11,000" in full


def test_text_report_fits_80_columns(cli, tmp_path):
    import os
    import subprocess
    import sys

    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    env = dict(os.environ, COLUMNS="80", NO_COLOR="1")
    code = ("import sys; from rich.console import Console; import checker.render as r;"
            "r.console = lambda no_color=False: Console(width=80, no_color=True, color_system=None, highlight=False);"
            "from checker.cli import main; sys.exit(main(sys.argv[1:]))")
    proc = subprocess.run([sys.executable, "-c", code, "compare", *files], capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    assert max(len(line) for line in proc.stdout.splitlines()) <= 80


def test_csv_report(cli):
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    proc = cli("compare", *files, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    assert rows and {"id", "verdict", "severity", "rule", "message", "a_where", "b_where"} <= set(rows[0])
    assert rows[0]["verdict"] == "conflict"


def test_python_api_compare_and_check():
    import checker

    report = checker.compare(*sorted(SEEDS.glob("*.txt")))
    assert report.summary()["conflict"] >= 1 and report.worst() == "error"
    files = sorted(SEEDS.glob("*.txt"))
    report = checker.check(files[0], against=files[1:])
    assert report.mode == "check" and any(f.verdict == "conflict" for f in report.findings)


def test_rate_never_lines_up_with_a_total(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The army fires some 300,000 artillery rounds a month along the front.", encoding="utf-8")
    b.write_text("The army fires 250,000 artillery rounds along the front, the ministry said.", encoding="utf-8")
    report = checker.compare(str(a), str(b))
    assert not [f for f in report.findings if f.verdict in ("conflict", "possible-conflict", "consistent")]


def test_source_order_does_not_hide_a_conflict():
    """Two wires put the blast on the same day; the draft names another. The draft's day lines up with the
    wires whichever order they are given in, instead of being left alone as unsupported."""
    if not KORSVIK.is_dir():
        pytest.skip("bench not present")
    draft, refs = str(KORSVIK / "draft.txt"), [str(KORSVIK / "wire-nordic.txt"), str(KORSVIK / "wire-atlantic.txt")]
    for order in (refs, refs[::-1]):
        report = checker.check(draft, order)
        day = {report.claim(f.claims[0]).text: f.verdict for f in report.findings if f.verdict == "unsupported"}
        assert "Wednesday" not in day, day
        assert any(f.verdict in ("conflict", "possible-conflict") and "Wednesday" in {report.claim(c).text for c in f.claims}
                   for f in report.findings)


def test_restatement_is_one_fact(tmp_path):
    """'491 millimeters (19.3 inches)' states one figure twice: its halves are never judged against each
    other, and each lines up with either unit elsewhere."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The town received 491 millimeters (19.3 inches) of rain in eight hours.", encoding="utf-8")
    b.write_text("The town received 19.33 inches of rain in eight hours.", encoding="utf-8")
    report = checker.compare(str(a), str(b))
    pairs = [{report.claim(c).text for c in f.claims} for f in report.findings if len(f.claims) == 2]
    assert {"491 millimeters", "19.33 inches"} in pairs and {"19.3 inches", "19.33 inches"} in pairs, pairs
    assert not [f for f in report.findings if f.verdict in ("conflict", "possible-conflict")]
