"""IPTC NewsML-G2 (`newsItem` in the http://iptc.org/std/nar/2006-10-01/ namespace), alone or in a
`newsMessage`: headline from `contentMeta/headline`, paragraphs from `contentSet/inlineXML` (XHTML),
`itemMeta/versionCreated` as published, `itemMeta/provider` as source. A document type declaration is refused
before parsing (no entity expansion, no external entities, no network); a location reads
"newsItem[1]/inlineXML ¶3"."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from ..errors import InputError
from ..sources import Document
from . import assemble
from .markup import html_paragraphs

NAR = "{http://iptc.org/std/nar/2006-10-01/}"


def read(data: bytes, path: str) -> list[Document]:
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise InputError("XML with a DOCTYPE or entity declarations is refused (no entity expansion)", path)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(f"invalid XML ({str(exc).split(':')[0]})", path, line) from None
    items = [root] if root.tag == f"{NAR}newsItem" else list(root.iter(f"{NAR}newsItem"))
    if not items:
        raise InputError("no NewsML-G2 newsItem (namespace http://iptc.org/std/nar/2006-10-01/)", path)
    docs = []
    for k, item in enumerate(items, start=1):
        label = f"newsItem[{k}]"
        name = path if len(items) == 1 else f"{path}#{k}"
        headline = item.find(f"{NAR}contentMeta/{NAR}headline")
        title = "".join(headline.itertext()).strip() if headline is not None else None
        inline = item.find(f"{NAR}contentSet/{NAR}inlineXML")
        if inline is None:
            raise InputError(f"{label} has no contentSet/inlineXML body", path)
        markup = "".join(ET.tostring(child, encoding="unicode") for child in inline)
        paragraphs = [(t, f"{label}/inlineXML ¶{n}") for n, t in enumerate(html_paragraphs(markup), start=1)]
        if not paragraphs and (inline.text or "").strip():
            paragraphs = [(inline.text.strip(), f"{label}/inlineXML ¶1")]
        docs.append(assemble(name, "newsml", title, paragraphs, published=_published(item),
                             source=_provider(item), title_where=f"{label}/contentMeta/headline"))
    return docs


def _published(item: ET.Element) -> dt.date | None:
    for tag in ("versionCreated", "firstCreated"):
        el = item.find(f"{NAR}itemMeta/{NAR}{tag}")
        if el is not None and el.text:
            try:
                return dt.date.fromisoformat(el.text.strip()[:10])
            except ValueError:
                return None
    return None


def _provider(item: ET.Element) -> str | None:
    el = item.find(f"{NAR}itemMeta/{NAR}provider")
    if el is None:
        return None
    name = el.find(f"{NAR}name")
    if name is not None and name.text:
        return name.text.strip()
    return el.get("literal") or el.get("qcode")
