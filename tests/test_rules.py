"""Rules are data: validated at start, with one-line errors naming the file and line."""
from __future__ import annotations

import pytest

from checker.errors import RuleError
from checker.lexicon import load_lexicon


def test_builtin_rules_load():
    lex = load_lexicon()
    assert lex.qualifiers_before[("more", "than")].bound == "lower"
    assert lex.scales["million"] == 1_000_000
    assert lex.checks["CK101"]["severity"] == "error"


def test_malformed_yaml_names_file_and_line(tmp_path):
    (tmp_path / "broken.yaml").write_text("id: qualifiers\nbefore:\n  about: {bound: approximate\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_lexicon([tmp_path])
    assert "broken.yaml:" in str(err.value) and err.value.line is not None


def test_invalid_value_names_key_line(tmp_path):
    (tmp_path / "q.yaml").write_text("id: qualifiers\nbefore:\n  more than: {bound: lower}\n  about: {bound: sideways}\nafter: {}\n",
                                     encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_lexicon([tmp_path])
    assert err.value.line == 4 and "before.about" in str(err.value)


def test_missing_id(tmp_path):
    (tmp_path / "x.yaml").write_text("before: {}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="missing `id`"):
        load_lexicon([tmp_path])


def test_extra_folder_extends_builtin(tmp_path):
    (tmp_path / "more.yaml").write_text("id: qualifiers\nbefore:\n  a whopping: {bound: lower, inclusive: true}\nafter: {}\n",
                                        encoding="utf-8")
    lex = load_lexicon([tmp_path])
    assert ("a", "whopping") in lex.qualifiers_before and ("more", "than") in lex.qualifiers_before


def test_cli_broken_rules_exit_2(cli, tmp_path):
    (tmp_path / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("5 apples", encoding="utf-8")
    proc = cli("extract", "--rules", str(tmp_path), str(art))
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "bad.yaml:" in err and "Traceback" not in err and err.count("\n") == 1
