"""Machine-readable renderings of a Report, for tools and CI: json, jsonl, csv, line, github, sarif, junit.

Each is a function Report -> str. The terminal rendering (text) is in render.py. Every finding is located
at its primary claim: the draft's claim in check mode, else the first claim; suppression findings at their
comment.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .report import Finding, Report
from .text import printable

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB = {"error": "error", "warning": "warning", "info": "notice"}


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    start: int
    end: int


def locate(report: Report, f: Finding) -> Location:
    by_id = {s.id: s for s in report.sources}
    if f.claims:
        claim = report.claim(f.claims[0])
        source, start, end = claim.source, claim.start, claim.end
    else:
        source, start, end = f.location  # type: ignore[misc]
    doc = by_id[source].doc
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    return Location(doc.path, line, col, end_line, end_col, start, end)


def to_json(report: Report) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(report: Report) -> str:
    """One self-contained JSON object per finding (its claims inline), for streaming consumers."""
    out = []
    for f in report.findings:
        loc = locate(report, f)
        row = f.to_json()
        row.update(path=loc.path, line=loc.line, col=loc.col,
                   claims=[report.claim(c).to_json() for c in f.claims])
        out.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(out) + ("\n" if out else "")


def to_line(report: Report) -> str:
    """`path:line:col: severity: message [rule]`, the shape editors and CI logs parse."""
    out = []
    for f in report.findings:
        loc = locate(report, f)
        path, message = (printable(x).replace("\n", "\\n") for x in (loc.path, f.message))  # one line each
        out.append(f"{path}:{loc.line}:{loc.col}: {f.severity}: {message} [{f.rule} {f.name}]")
    return "\n".join(out) + ("\n" if out else "")


def _gh_escape(value: str, prop: bool = False) -> str:
    value = printable(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def to_github(report: Report) -> str:
    """GitHub Actions workflow commands: an annotation per finding on the changed file."""
    out = []
    for f in report.findings:
        loc = locate(report, f)
        props = (f"file={_gh_escape(loc.path, True)},line={loc.line},col={loc.col},endLine={loc.end_line},"
                 f"endColumn={loc.end_col},title={_gh_escape(f'{f.rule} {f.name}', True)}")
        out.append(f"::{_GITHUB[f.severity]} {props}::{_gh_escape(f.message)}")
    return "\n".join(out) + ("\n" if out else "")


def to_sarif(report: Report, checks: dict[str, dict]) -> str:
    """SARIF 2.1.0: one run, the rules as reporting descriptors, a result per finding."""
    from . import __version__

    rule_ids = sorted(checks)
    index = {rid: k for k, rid in enumerate(rule_ids)}
    rules = [{"id": rid, "name": str(checks[rid].get("name", rid)),
              "shortDescription": {"text": str(checks[rid].get("name", rid))},
              "fullDescription": {"text": str(checks[rid].get("description", ""))},
              "defaultConfiguration": {"level": _LEVEL.get(str(checks[rid].get("severity")), "none")}}
             for rid in rule_ids]
    results = []
    for f in report.findings:
        loc = locate(report, f)
        result = {"ruleId": f.rule, "level": _LEVEL[f.severity], "message": {"text": f.message},
                  "locations": [_sarif_location(loc)],
                  "properties": {"verdict": f.verdict, "why": f.why}}
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        if len(f.claims) > 1:
            other = report.claim(f.claims[1])
            oloc = locate(report, Finding("", "", "info", "", "", (other.id,), ""))
            result["relatedLocations"] = [dict(_sarif_location(oloc), id=1, message={"text": other.text})]
        results.append(result)
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "checker", "version": __version__, "rules": rules}},
                     "results": results, "columnKind": "unicodeCodePoints"}]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_location(loc: Location) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": loc.path},
                                 "region": {"startLine": loc.line, "startColumn": loc.col, "endLine": loc.end_line,
                                            "endColumn": loc.end_col, "charOffset": loc.start,
                                            "charLength": loc.end - loc.start}}}


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """Text XML 1.0 can hold: a character it forbids (a control character from a file name or article)
    is written as an escape ('\\x1b'), so the document stays valid."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def to_junit(report: Report) -> str:
    """JUnit XML: a test case per finding; conflicts and warnings fail, consistent findings pass."""
    import xml.etree.ElementTree as ET

    failing = [f for f in report.findings if f.severity in ("error", "warning")]
    suite = ET.Element("testsuite", name=f"checker {report.mode}", tests=str(len(report.findings)),
                       failures=str(len(failing)), errors="0", skipped="0")
    for f in report.findings:
        loc = locate(report, f)
        path, message = _xml(loc.path), _xml(f.message)
        case = ET.SubElement(suite, "testcase", classname=path, name=f"{f.rule} {f.name} {loc.line}:{loc.col}",
                             file=path, line=str(loc.line))
        if f.severity in ("error", "warning"):
            fail = ET.SubElement(case, "failure", message=message, type=f"{f.rule} {f.severity}")
            fail.text = f"{path}:{loc.line}:{loc.col}: {message}\nwhy: {_xml(f.why)}" if f.why else message
    root = ET.Element("testsuites", tests=suite.get("tests", "0"), failures=suite.get("failures", "0"))
    root.append(suite)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def to_csv(report: Report) -> str:
    import pandas as pd

    from .render import finding_rows

    columns = ["id", "verdict", "severity", "rule", "name", "message", "a_where", "a_text", "a_value",
               "b_where", "b_text", "b_value", "why"]
    return write_csv(pd.DataFrame(finding_rows(report), columns=columns))


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will not run: text starting with = + - @ (or a tab or CR) gets a leading
    apostrophe, as OWASP advises for CSV injection; a plain number ("-5", "+1.5") is left as it is."""
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_csv(frame: "pd.DataFrame", path_or_buf=None) -> str | None:  # type: ignore[no-untyped-def]
    """A DataFrame as CSV with every text cell made safe for spreadsheets (csv_cell): `--format csv` and
    the DataFrames of the Python API (checker.write_csv) go through here. Returns the text when no path or
    buffer is given."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    safe = frame.copy()
    for col in safe.columns:
        if is_string_dtype(safe[col]) or is_object_dtype(safe[col]):
            safe[col] = safe[col].map(csv_cell, na_action="ignore")
    return safe.to_csv(path_or_buf, index=False)
