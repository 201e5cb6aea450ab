"""IPTC ninjs (News in JSON), versions 1.x, 2.x and 3.x: a JSON object, an array of them, or JSON Lines.

1.x: `headline`, `body_text` / `body_html`, `versioncreated`, `copyrightholder`; 2.x: `headlines[]`
(`role`/`name`, `value`/`text`), `bodies[]` or `body[]`, `infosources[]`; 3.x: the same in camelCase
(`versionCreated`, `infoSources`). A paragraph's location is the JSON pointer of the field it came from and
its paragraph number ("/bodies/0/value ¶2"); in JSON Lines the pointer starts at the line ("line 4: /headline").
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

from ..errors import InputError
from ..text import printable
from ..sources import Document, decode
from . import assemble
from .markup import html_paragraphs


def read(data: bytes, path: str) -> list[Document]:
    text = decode(data, path)
    if path.lower().endswith((".jsonl", ".ndjson")):
        return _json_lines(text, path)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        first = text.lstrip().split("\n", 1)[0]
        if exc.msg == "Extra data" and _is_object(first):
            return _json_lines(text, path)  # JSON Lines in a .json file (or on standard input)
        raise InputError(f"invalid JSON: {exc.msg}", path, exc.lineno) from None
    items = obj if isinstance(obj, list) else [obj]
    docs = []
    for k, item in enumerate(items):
        prefix = f"/{k}" if isinstance(obj, list) else ""
        docs.append(item_document(item, path, prefix))
    return docs


def _is_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _json_lines(text: str, path: str) -> list[Document]:
    """One item per line; a line that is not a ninjs item is skipped with a warning naming it."""
    docs = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            docs.append(item_document(json.loads(line), f"{path}:{n}", f"line {n}: "))
        except json.JSONDecodeError as exc:
            print(f"checker: {printable(path)}:{n}: skipped: invalid JSON ({exc.msg})", file=sys.stderr)
        except InputError as exc:
            print(f"checker: {printable(path)}:{n}: skipped: {printable(exc.message)}", file=sys.stderr)
    if not docs:
        raise InputError("no readable ninjs item on any line", path)
    return docs


def _get(item: dict, *keys: str) -> Any:
    for k in keys:
        if item.get(k) not in (None, "", []):
            return item[k]
    return None


def item_document(item: Any, path: str, prefix: str = "") -> Document:
    """One ninjs item (any version) -> Document."""
    if not isinstance(item, dict):
        raise InputError("a ninjs item must be a JSON object", path)
    title, title_where = _headline(item, prefix)
    paragraphs = _body(item, prefix)
    if not paragraphs:
        raise InputError("ninjs item has no body (body_text, body_html, bodies or body)", path)
    return assemble(path, "ninjs", title, paragraphs, published=_published(item), source=_provider(item),
                    title_where=title_where)


def _headline(item: dict, prefix: str) -> tuple[str | None, str]:
    h = _get(item, "headline", "headlines")
    if isinstance(h, str):
        return h, f"{prefix}/headline"
    if isinstance(h, list):  # 2.x/3.x: [{"role": "main", "value": ...}]; the 2.0 draft: {"name", "text"}
        key = "headline" if "headline" in item else "headlines"
        best = None
        for k, entry in enumerate(h):
            if isinstance(entry, dict):
                value = entry.get("value") or entry.get("text")
                role = entry.get("role") or entry.get("name")
                if isinstance(value, str) and (best is None or role == "main"):
                    best = (value, f"{prefix}/{key}/{k}/{'value' if 'value' in entry else 'text'}")
        if best:
            return best
    return None, "headline"


def _body(item: dict, prefix: str) -> list[tuple[str, str]]:
    text = _get(item, "body_text", "bodyText")
    if isinstance(text, str):
        key = "body_text" if "body_text" in item else "bodyText"
        return _plain(text, f"{prefix}/{key}")
    html = _get(item, "body_html", "bodyHtml")
    if isinstance(html, str):
        key = "body_html" if "body_html" in item else "bodyHtml"
        return [(t, f"{prefix}/{key} ¶{n}") for n, t in enumerate(html_paragraphs(html), start=1)]
    bodies = _get(item, "bodies", "body")
    if isinstance(bodies, list):
        key = "bodies" if "bodies" in item else "body"
        plain = markup = None
        for k, entry in enumerate(bodies):
            if not isinstance(entry, dict) or not isinstance(entry.get("value"), str):
                continue
            kind = " ".join(str(entry.get(k, "")) for k in ("contentType", "contenttype", "content_type", "role",
                                                            "name")).lower()
            if "html" in kind or entry["value"].lstrip().startswith("<"):
                markup = markup or (entry["value"], f"{prefix}/{key}/{k}/value")
            else:
                plain = plain or (entry["value"], f"{prefix}/{key}/{k}/value")
        if markup:  # paragraphs as the provider marked them up
            return [(t, f"{markup[1]} ¶{n}") for n, t in enumerate(html_paragraphs(markup[0]), start=1)]
        if plain:
            return _plain(*plain)
    return []


def _plain(text: str, where: str) -> list[tuple[str, str]]:
    paras = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return [(" ".join(p.split()), f"{where} ¶{n}") for n, p in enumerate(paras, start=1)]


def _published(item: dict) -> dt.date | None:
    value = _get(item, "versioncreated", "versionCreated", "firstcreated", "firstCreated", "contentcreated",
                 "contentCreated")
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _provider(item: dict) -> str | None:
    sources = _get(item, "infosources", "infoSources")
    if isinstance(sources, list):
        for s in sources:
            if isinstance(s, dict) and isinstance(s.get("name"), str):
                return s["name"]
    for key in ("provider", "copyrightholder", "copyrightHolder"):
        v = item.get(key)
        if isinstance(v, str) and v.strip():
            return v.strip()
        if isinstance(v, dict) and isinstance(v.get("name"), str):
            return v["name"]
    return None
