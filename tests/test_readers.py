"""Input formats: the same story as text, ninjs 1.x/2.x/3.x, NewsML-G2, HTML and Word yields the same claims;
locations point into the original; bad files get one line and exit 2."""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import checker
from checker.errors import InputError
from checker.sources import load_all

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "checker"]
_spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "fixtures" / "formats" / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> dict[str, Path]:
    return make_fixtures.write_all(tmp_path_factory.mktemp("formats"))


def _claims(path: Path) -> list[tuple]:
    doc = load_all(path)[0]
    return [(c.kind, c.text, json.dumps(c.value.to_json(), sort_keys=True), c.subject)
            for c in checker.extract_document(doc)]


@pytest.mark.parametrize("fmt", ["ninjs1", "ninjs2", "ninjs3", "newsml", "html", "docx"])
def test_same_story_same_claims(story, fmt):
    expected = _claims(story["text"])
    assert len(expected) >= 12
    assert _claims(story[fmt]) == expected


@pytest.mark.parametrize("fmt,fmt_name,source", [("ninjs1", "ninjs", "Harbour Wire"), ("ninjs2", "ninjs", "Harbour Wire"),
                                                 ("ninjs3", "ninjs", "Harbour Wire"), ("newsml", "newsml", "Harbour Wire"),
                                                 ("html", "html", "Harbour Wire"), ("docx", "docx", None)])
def test_metadata(story, fmt, fmt_name, source):
    doc = load_all(story[fmt])[0]
    assert doc.fmt == fmt_name
    assert doc.title == make_fixtures.HEADLINE
    assert doc.published == dt.date(2025, 6, 17)
    assert doc.source == source


@pytest.mark.parametrize("fmt,where", [("text", "7:55"), ("ninjs1", "/body_text ¶1, col 55"),
                                       ("ninjs2", "/bodies/0/value ¶1, col 55"), ("ninjs3", "/bodies/1/value ¶1, col 55"),
                                       ("newsml", "newsItem[1]/inlineXML ¶1, col 55"), ("html", "paragraph 1, col 55"),
                                       ("docx", "paragraph 2, col 55")])
def test_locations_point_into_the_original(story, fmt, where):
    doc = load_all(story[fmt])[0]
    body_412 = [c for c in checker.extract_document(doc) if c.text == "412"][1]
    assert doc.where(body_412.start) == where


def test_word_tables_and_tracked_changes(tmp_path):
    import docx
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement

    d = docx.Document()
    d.add_paragraph("Budget vote delayed", style="Title")
    p = d.add_paragraph("The council approved 14 projects.")
    deleted = OxmlElement("w:del")  # a tracked deletion: "90 projects" was struck out
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = " It had proposed 90 projects."
    run.append(text)
    deleted.append(run)
    p._p.append(deleted)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "District"
    t.cell(0, 1).text = "Spending"
    t.cell(1, 0).text = "North"
    t.cell(1, 1).text = "$2.5 million"
    path = tmp_path / "draft.docx"
    d.save(str(path))
    doc = load_all(path)[0]
    assert "90" not in doc.text
    claims = checker.extract_document(doc)
    money = [c for c in claims if c.kind == "money"]
    assert money and money[0].value.low == 2_500_000
    assert doc.where(money[0].start).startswith("table 1, row 2, cell 2")


def test_json_lines_skips_a_bad_line_and_reads_the_rest(story, tmp_path):
    item = json.loads(story["ninjs1"].read_text())
    lines = [json.dumps(item), "{not json", json.dumps({"uri": "x", "headline": "No body"}), json.dumps(item)]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n")
    r = subprocess.run(CLI + ["extract", str(path), "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert f"{path}:2: skipped: invalid JSON" in r.stderr
    assert f"{path}:3: skipped: ninjs item has no body" in r.stderr
    out = json.loads(r.stdout)
    assert [s["path"] for s in out["sources"]] == [f"{path}:1", f"{path}:4"]
    assert out["claims"][0]["where"].startswith("line 1: /headline")


def test_a_json_array_of_items(story, tmp_path):
    item = json.loads(story["ninjs3"].read_text())
    path = tmp_path / "two.json"
    path.write_text(json.dumps([item, item]))
    docs = load_all(path)
    assert len(docs) == 2 and docs[1].segments[0][1] == "/1/headlines/0/value"


def _run(args, **kw):
    return subprocess.run(CLI + args, capture_output=True, text=True, cwd=ROOT, timeout=60, **kw)


@pytest.mark.parametrize("name,content,message", [
    ("bad.json", b"{\"headline\": \"x\",", "invalid JSON"),
    ("nobody.json", b"{\"headline\": \"Only a headline\"}", "ninjs item has no body"),
    ("entities.xml", b"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><newsItem "
                     b"xmlns=\"http://iptc.org/std/nar/2006-10-01/\">&a;</newsItem>", "DOCTYPE"),
    ("broken.xml", b"<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><contentSet>", "invalid XML"),
    ("other.xml", b"<rss><channel/></rss>", "no NewsML-G2 newsItem"),
    ("corrupt.docx", b"PK\x03\x04 this is not a zip archive at all", "not a readable Word document"),
    ("empty.html", b"<html><body></body></html>", "no article text"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    r = _run(["extract", str(path)])
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith(f"checker: {path}") and message in r.stderr


def test_standard_input_is_sniffed(story):
    r = _run(["extract", "-", "--format", "json"], input=story["ninjs2"].read_text())
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["sources"][0]["format"] == "ninjs" and out["sources"][0]["published"] == "2025-06-17"


def test_compare_across_formats_finds_no_conflict(story):
    r = _run(["compare", str(story["ninjs1"]), str(story["docx"]), str(story["newsml"]), "--format", "json"])
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    verdicts = {f["verdict"] for f in report["findings"]}
    assert "conflict" not in verdicts and "consistent" in verdicts
    assert {s["format"] for s in report["sources"]} == {"ninjs", "docx", "newsml"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = _run(["extract", str(fifo)])
    assert r.returncode == 2 and "not a regular file" in r.stderr


def test_loading_a_zip_that_is_not_word(tmp_path):
    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "12 apples")
    with pytest.raises(InputError):
        load_all(path)
