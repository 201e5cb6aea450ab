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


def test_parsed_rules_are_cached_and_reread_when_changed(tmp_path, monkeypatch):
    """Start-up reads parsed rule files from a cache; a file whose size or time changed is parsed again."""
    import os

    from checker import lexicon as L

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    folder = tmp_path / "rules"
    folder.mkdir()
    extra = folder / "q.yaml"
    extra.write_text("id: qualifiers\nbefore:\n  a shade under: {bound: approximate-below}\nafter: {}\n", encoding="utf-8")
    L.load_lexicon([folder])
    assert list((tmp_path / "cache").glob("rules-*.marshal"))
    calls = []
    real = L._yaml_load
    monkeypatch.setattr(L, "_yaml_load", lambda p: calls.append(p.name) or real(p))
    lex = L.load_lexicon([folder])
    assert calls == [] and ("a", "shade", "under") in lex.qualifiers_before  # all from the cache
    extra.write_text("id: qualifiers\nbefore:\n  a hair under: {bound: approximate-below}\nafter: {}\n", encoding="utf-8")
    os.utime(extra, ns=(extra.stat().st_atime_ns, extra.stat().st_mtime_ns + 1_000_000))
    lex = L.load_lexicon([folder])
    assert calls == ["q.yaml"] and ("a", "hair", "under") in lex.qualifiers_before


def test_aspect_kinds_are_kinds_of_claim(tmp_path):
    """An aspect read for some kinds of claim only (`kinds`) names kinds that exist."""
    (tmp_path / "s.yaml").write_text("id: subjects\ngroups: {}\ntraits: {}\naspects:\n  electorate:\n    before: 2\n"
                                     "    plain: true\n    kinds: [count]\n    values: {eligible: [eligible]}\n",
                                     encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_lexicon([tmp_path])
    assert "aspects.electorate" in str(err.value) and "kinds" in str(err.value)


def test_aspect_kinds_limit_where_it_is_read():
    """'eligible' makes a count one of who may vote; a share 'of the electorate' is turnout, of no such kind."""
    from checker.sources import Document
    import checker

    count = checker.extract_document(Document("a.txt", "Some 19.5 million people were eligible to vote."), features=True)
    share = checker.extract_document(Document("b.txt", "Nearly 4.9 million people voted, or 61.4 percent of the "
                                              "electorate."), features=True)
    assert ("electorate", "eligible") in count[0].aspects
    assert not any(kind == "electorate" for kind, _ in next(c for c in share if c.text == "61.4 percent").aspects)
