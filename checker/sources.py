"""Read articles: UTF-8 text or Markdown with an optional YAML front-matter block.

Offsets stay Python string indices into the whole decoded file (front matter included), so
`text[start:end] == surface` holds for every mention. Files are only ever read.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .values import as_date

MAX_BYTES = 50 * 1024 * 1024  # a single article larger than this is not an article
_FRONT = re.compile(r"\A\ufeff?(---[ \t]*\r?\n)(.*?)(\r?\n---[ \t]*(?:\r?\n|\Z))", re.S)
_FRONT_OPENS = re.compile(r"\A\ufeff?---[ \t]*\r?\n[ \t]*[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\r?\n)")  # "---" then "key:"
_LONE_CR = re.compile(r"\r(?!\n)")


@dataclass(frozen=True)
class Document:
    """One source: its text and metadata. `body_start` is where the article proper begins."""

    path: str
    text: str
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    body_start: int = 0
    fmt: str = "text"                  # text, ninjs, newsml, html, docx (checker/readers)
    segments: tuple[tuple[int, str], ...] = ()  # (offset, where in the original) of each paragraph, non-text formats
    _line_starts: list[int] = field(init=False, repr=False, compare=False, default_factory=list)

    def where(self, offset: int) -> str:
        """Where an offset lies in the file as its author sees it: 'line:col' for text, else the paragraph's
        place in the original ('/bodies/0/value ¶2', 'paragraph 7', 'table 1 row 2 cell 3') and a column."""
        if not self.segments:
            line, col = self.line_col(offset)
            return f"{line}:{col}"
        k = bisect.bisect_right([s for s, _ in self.segments], offset) - 1
        start, label = self.segments[max(k, 0)]
        return f"{label}, col {offset - start + 1}"

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset (line starts found once, with str.find)."""
        starts = self._line_starts
        if not starts:
            starts.append(0)
            k = self.text.find("\n")
            while k >= 0:
                starts.append(k + 1)
                k = self.text.find("\n", k + 1)
        line = bisect.bisect_right(starts, offset)
        col = offset - starts[line - 1] + 1
        if line == 1 and self.text.startswith("\ufeff") and col > 1:
            col -= 1  # editors do not show a byte-order mark as a column
        return line, col

    def headline(self) -> tuple[int, int]:
        """The span of the body's first non-empty line (the headline): a title when the front matter has
        none, and the line whose figures shorten and round what the body states."""
        return first_line(self.text, self.body_start)


def first_line(text: str, start: int) -> tuple[int, int]:
    """The span of the first line at or after `start` that is not blank ((len, len) when there is none)."""
    k = start
    while k < len(text) and text[k] in "\r\n \t\ufeff":
        k += 1
    end = text.find("\n", k)
    return k, len(text) if end < 0 else end


def _front_matter(text: str, path: str) -> tuple[dict, int]:
    m = _FRONT.match(text)
    if not m:
        if _FRONT_OPENS.match(text):  # a fence and a key, never closed: the body would be read as metadata
            raise InputError("unterminated front matter (no closing `---` line)", path, 1)
        return {}, 0
    import yaml

    from .yamltext import AliasRefused, load

    try:
        meta = load(m.group(2))
    except AliasRefused as exc:
        raise InputError(f"malformed front matter: {exc}", path, exc.line + 1) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else None
        raise InputError("malformed front matter", path, line) from None
    except (ValueError, OverflowError) as exc:  # "published: 2025-02-30" unquoted: YAML builds a date and fails
        raise InputError(f"malformed front matter: {exc}", path) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError("malformed front matter: expected `key: value` lines", path, 2)
    return meta, m.end()


def _as_date(value: object, path: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return as_date(value if isinstance(value, (dt.date, str)) else str(value))
    except ValueError as exc:
        raise InputError(f"front matter {exc}", path) from None


def decode(data: bytes, path: str, *, article: bool = False) -> str:
    """Bytes to text, refusing binary files and undecodable bytes with a message naming the file.
    For an `article` (a text file read as is) offsets must index the file as a UTF-8 reader sees it, so a
    byte-order mark stays (as U+FEFF) and old Mac line ends (a lone CR) become LF, same length; a reader
    of another format (JSON, XML) gets the text without its mark."""
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text", path)
    try:
        text = data.decode("utf-8" if article else "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (undecodable byte at offset {exc.start})", path) from None
    if article and "\r" in text:
        text = _LONE_CR.sub("\n", text)
    return text


def parse(text: str, path: str = "<text>") -> Document:
    """A Document from already decoded text."""
    meta, body_start = _front_matter(text, path)
    title = meta.get("title")
    if not title:
        a, b = first_line(text, body_start)
        title = text[a:b].strip().lstrip("#").strip() or None
    source = meta.get("source")
    return Document(
        path=path, text=text, title=str(title) if title else None,
        source=str(source) if source is not None else None,
        published=_as_date(meta.get("published"), path), body_start=body_start,
    )


def load(path: str | Path) -> Document:
    """Read one article from a path ("-" is standard input); of a file holding several (JSON Lines, a
    NewsML-G2 message), the first."""
    return load_all(path)[0]


def load_all(path: str | Path) -> list[Document]:
    """Every article in a file: its format from the extension (.json/.jsonl ninjs, .xml NewsML-G2,
    .html, .docx; anything else text), or for standard input from its first bytes."""
    name = str(path)
    if name == "-":
        from .readers import sniff

        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"input too large (over {MAX_BYTES // (1024 * 1024)} MiB)", "<stdin>")
        fmt = sniff(data)
        return [parse(decode(data, "<stdin>", article=True), "-")] if fmt == "text" else _read_format(data, "-", fmt)
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", name)
    if p.is_dir():
        raise InputError("is a directory, not a file", name)
    try:
        if not p.is_file():
            raise InputError("not a regular file (a pipe or device)", name)
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"file too large ({size // (1024 * 1024)} MiB; limit {MAX_BYTES // (1024 * 1024)} MiB)", name)
        data = p.read_bytes()
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", name) from None
    from .readers import FORMATS

    fmt = FORMATS.get(p.suffix.lower(), "text")
    if fmt == "text":
        return [parse(decode(data, name, article=True), name)]
    return _read_format(data, name, fmt)


def _read_format(data: bytes, name: str, fmt: str) -> list[Document]:
    from .readers import read_bytes

    docs = read_bytes(data, name, fmt)
    if not docs:
        raise InputError(f"no article in this {fmt} file", name)
    return docs
