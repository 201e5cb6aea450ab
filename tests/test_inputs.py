"""Reading sources: front matter, BOM, offsets, and one-line errors with exit code 2 for bad input."""
from __future__ import annotations

import datetime as dt

import pytest

import checker
from checker.errors import InputError


def _one_line_error(proc, name: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.count("\n") == 1 and name in err and "Traceback" not in err, err


def test_missing_file(cli, tmp_path):
    _one_line_error(cli("extract", str(tmp_path / "nope.txt")), "nope.txt")


def test_directory(cli, tmp_path):
    _one_line_error(cli("extract", str(tmp_path)), tmp_path.name)


def test_binary_file(cli, tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _one_line_error(cli("extract", str(p)), "image.txt")


def test_undecodable_bytes(cli, tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Caf\xe9 owners said 40 people came.".encode("latin-1"))
    _one_line_error(cli("extract", str(p)), "latin1.txt")


def test_malformed_front_matter(cli, tmp_path):
    p = tmp_path / "bad.md"
    p.write_text("---\ntitle: [unclosed\n---\nBody with 5 apples.\n", encoding="utf-8")
    _one_line_error(cli("extract", str(p)), "bad.md")


def test_bad_published_date(cli, tmp_path):
    p = tmp_path / "bad-date.txt"
    p.write_text("---\npublished: last Tuesday\n---\nBody.\n", encoding="utf-8")
    _one_line_error(cli("extract", str(p)), "bad-date.txt")


def test_empty_file_is_not_an_error(cli, tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    proc = cli("extract", "--format", "json", str(p))
    assert proc.returncode == 0
    assert '"claims": []' in proc.stdout.decode()


def test_user_file_is_never_modified(cli, tmp_path):
    p = tmp_path / "a.txt"
    data = "\ufeffMore than 11,000 troops arrived on June 17, 2025.\n".encode("utf-8")
    p.write_bytes(data)
    assert cli("extract", str(p)).returncode == 0
    assert p.read_bytes() == data


def test_front_matter_and_offsets(tmp_path):
    text = "---\ntitle: Floods\nsource: Harbour Daily\npublished: 2025-09-15\n---\nHeadline\n\nAbout 800 people were hurt on Saturday.\n"
    p = tmp_path / "a.md"
    p.write_text("\ufeff" + text, encoding="utf-8")
    doc = checker.load(p)
    assert doc.title == "Floods" and doc.source == "Harbour Daily" and doc.published == dt.date(2025, 9, 15)
    claims = checker.extract_document(doc)
    assert [c.text for c in claims] == ["About 800", "Saturday"]
    for c in claims:
        assert doc.text[c.start:c.end] == c.text
    assert claims[1].value.start == dt.date(2025, 9, 13)


def test_title_defaults_to_first_line(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("\n\n  The headline  \nBody 5.\n", encoding="utf-8")
    assert checker.load(p).title == "The headline"


def test_stdin(cli):
    proc = cli("extract", "--format", "json", "-", stdin=b"It cost $5 million.")
    assert proc.returncode == 0 and '"USD"' in proc.stdout.decode()


def test_load_raises_input_error(tmp_path):
    with pytest.raises(InputError):
        checker.load(tmp_path / "missing.txt")
