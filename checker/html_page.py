"""`--format html`: one self-contained page (inline CSS, no script, no request) with the sources side by side,
every figure highlighted in the colour of its worst verdict, each finding linking both mentions, and a
filter by verdict made of radio buttons and CSS alone. All article text is escaped."""
from __future__ import annotations

from html import escape

from .report import Report

_ORDER = ("conflict", "possible-conflict", "unsupported", "unverifiable", "consistent", "suppression")
_LABEL = {"conflict": "conflict", "possible-conflict": "possible conflict", "unsupported": "unsupported",
          "unverifiable": "unverifiable", "consistent": "consistent", "suppression": "suppression"}

_CSS = """
:root { --conflict:#c62828; --possible-conflict:#ef6c00; --unsupported:#b8860b; --unverifiable:#6a1b9a;
        --consistent:#2e7d32; --suppression:#546e7a; --none:#9e9e9e; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
header { padding: 16px 24px; background: #263238; color: #fff; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header p { margin: 0; color: #cfd8dc; }
.filters { padding: 10px 24px; background: #eceff1; border-bottom: 1px solid #cfd8dc; }
body > input[type=radio] { position: absolute; opacity: 0; pointer-events: none; }
.filters label { display: inline-block; margin: 2px 6px 2px 0; padding: 3px 10px; border-radius: 12px;
                 background: #fff; border: 1px solid #b0bec5; cursor: pointer; }
#f-all:checked ~ .filters label[for=f-all], #f-conflict:checked ~ .filters label[for=f-conflict],
#f-possible-conflict:checked ~ .filters label[for=f-possible-conflict],
#f-unsupported:checked ~ .filters label[for=f-unsupported], #f-unverifiable:checked ~ .filters label[for=f-unverifiable],
#f-consistent:checked ~ .filters label[for=f-consistent] { background: #263238; color: #fff; }
#f-conflict:checked ~ main .finding:not(.v-conflict),
#f-possible-conflict:checked ~ main .finding:not(.v-possible-conflict),
#f-unsupported:checked ~ main .finding:not(.v-unsupported),
#f-unverifiable:checked ~ main .finding:not(.v-unverifiable),
#f-consistent:checked ~ main .finding:not(.v-consistent) { display: none; }
main { padding: 16px 24px; }
h2 { font-size: 16px; margin: 18px 0 8px; }
ol.findings { list-style: none; padding: 0; margin: 0; }
.finding { background: #fff; border-left: 5px solid var(--none); margin: 6px 0; padding: 8px 12px; border-radius: 3px; }
.finding .verdict { font-weight: 600; text-transform: uppercase; font-size: 12px; letter-spacing: .04em; }
.finding .rule { color: #607d8b; font-size: 12px; margin-left: 6px; }
.finding .mentions span { margin-right: 18px; white-space: nowrap; }
.finding .mentions small { color: #607d8b; }
.sources { display: grid; grid-template-columns: repeat(var(--n), minmax(300px, 1fr)); gap: 16px; overflow-x: auto; }
.source { background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; padding: 12px 16px; }
.source h3 { margin: 0 0 2px; font-size: 15px; }
.source .meta { color: #607d8b; font-size: 12px; margin-bottom: 8px; word-break: break-all; }
.source p { margin: 0 0 10px; }
mark { background: none; border-bottom: 3px solid var(--none); padding: 0 1px; }
mark:target { outline: 2px solid #263238; }
""" + "".join(f".v-{v} {{ border-color: var(--{v}); }} mark.v-{v} {{ background: color-mix(in srgb, var(--{v}) 14%, "
              f"white); border-bottom-color: var(--{v}); }} .finding.v-{v} .verdict {{ color: var(--{v}); }}\n"
              for v in _ORDER)


def _anchor(cid: str) -> str:
    return "c-" + cid.replace(":", "-")


def to_html(report: Report) -> str:
    worst: dict[str, str] = {}
    for f in report.findings:
        for cid in f.claims:
            if cid not in worst or _ORDER.index(f.verdict) < _ORDER.index(worst[cid]):
                worst[cid] = f.verdict
    counts = report.summary()
    out = ["<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
           f"<title>checker {escape(report.mode)} report</title><style>{_CSS}</style></head><body>"]
    summary = ", ".join(f"{counts.get(v, 0)} {_LABEL[v]}" for v in _ORDER if counts.get(v))
    out.append(f"<header><h1>checker: {escape(report.mode)} of {len(report.sources)} sources</h1>"
               f"<p>{escape(summary or 'no findings')} · {len(report.claims)} claims</p></header>")
    out.append('<input type="radio" name="f" id="f-all" checked>')
    for v in _ORDER[:5]:
        out.append(f'<input type="radio" name="f" id="f-{v}">')
    out.append('<nav class="filters">Show: <label for="f-all">all</label>' + "".join(
        f'<label for="f-{v}">{_LABEL[v]} ({counts.get(v, 0)})</label>' for v in _ORDER[:5]) + "</nav>")
    out.append("<main><h2>Findings</h2><ol class=\"findings\">")
    docs = {s.id: s.doc for s in report.sources}
    for f in report.findings:
        links = []
        for cid in f.claims:
            c = report.claim(cid)
            d = docs[c.source]
            links.append(f'<span><a href="#{_anchor(cid)}">{escape(c.text)}</a> <small>{escape(d.path)} '
                         f'({escape(d.where(c.start))})</small></span>')
        out.append(f'<li class="finding v-{escape(f.verdict)}" id="f-{escape(f.id)}" data-claims="'
                   f'{escape(" ".join(f.claims))}"><span class="verdict">{_LABEL.get(f.verdict, escape(f.verdict))}'
                   f'</span><span class="rule">{escape(f.rule)} {escape(f.name)}</span>'
                   f'<div>{escape(f.message)}</div><div class="mentions">{"".join(links)}</div></li>')
    out.append("</ol><h2>Sources</h2>")
    out.append(f'<div class="sources" style="--n:{max(1, len(report.sources))}">')
    by_source: dict[str, list] = {}
    for c in report.claims:
        by_source.setdefault(c.source, []).append(c)
    for s in report.sources:
        d = s.doc
        meta = " · ".join(x for x in (d.source, d.published.isoformat() if d.published else None, s.role, d.path) if x)
        out.append(f'<section class="source" id="{escape(s.id)}"><h3>{escape(d.title or d.path)}</h3>'
                   f'<div class="meta">{escape(meta)}</div>{_marked(d.text, d.body_start, by_source.get(s.id, []), worst)}'
                   "</section>")
    out.append("</div></main></body></html>\n")
    return "".join(out)


def _marked(text: str, start: int, claims: list, worst: dict[str, str]) -> str:
    """The article's paragraphs, escaped, each claim wrapped in a <mark> coloured by its worst verdict."""
    parts: list[str] = []
    pos = start
    for c in sorted(claims, key=lambda c: c.start):
        if c.start < pos:
            continue  # overlapping mentions: the first wins
        parts.append(escape(text[pos:c.start]))
        v = worst.get(c.id, "none")
        parts.append(f'<mark id="{_anchor(c.id)}" class="v-{v}" title="{escape(c.readable())}">'
                     f"{escape(text[c.start:c.end])}</mark>")
        pos = c.end
    parts.append(escape(text[pos:]))
    body = "".join(parts).strip()
    return "".join(f"<p>{p.strip()}</p>" for p in body.replace("\r\n", "\n").split("\n\n") if p.strip())
