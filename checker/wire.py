"""The day's wire as references: pick, from a folder of thousands of stories, those that report the same
event as a draft, and keep what was read of each on disk so the next check only reads what changed.

Picking: BM25 over each story's headline and body (the headline counted twice), then the overlap of named
entities (capitalised names) and of figures with the draft. BM25 is an inverted index written here: the
maintained libraries measured too slow for a check on every save (bm25s: 1.36 s to import, with scipy;
rank-bm25 scores every story for every query word). Cache: one entry per file, keyed by the SHA-256 of its
bytes, the checker version and the rules in force; it holds the file's Documents, their selection features
and, once a story has been picked, its claims.
"""
from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .sources import Document
from .text import printable

EXTENSIONS = frozenset((".txt", ".md", ".markdown", ".json", ".jsonl", ".ndjson", ".xml", ".html", ".htm", ".docx"))
_WORD = re.compile(r"[^\W\d_]{2,}|\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def expand(paths: list[str]) -> tuple[list[str], bool]:
    """Files named, with folders replaced by the stories in them (recursively, sorted); True when a folder
    was named (the references are then picked, not all used)."""
    out: list[str] = []
    folder = False
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            folder = True
            out.extend(str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in EXTENSIONS
                       and not f.name.startswith("."))
        else:
            out.append(p)
    return out, folder


@dataclass
class Story:
    """One reference story and what picking reads of it."""

    path: str
    index: int                 # which article of its file
    doc: Document
    terms: Counter
    names: frozenset[str]
    figures: frozenset[str]


@dataclass
class Pick:
    story: Story
    score: float
    bm25: float
    shared_names: tuple[str, ...] = ()
    shared_figures: tuple[str, ...] = ()

    def why(self) -> str:
        parts = [f"BM25 {self.bm25:.1f}"]
        if self.shared_names:
            parts.append("names: " + ", ".join(self.shared_names[:5]))
        if self.shared_figures:
            parts.append("figures: " + ", ".join(self.shared_figures[:5]))
        return "; ".join(parts)


def features(doc: Document, stop: frozenset[str]) -> tuple[Counter, frozenset[str], frozenset[str]]:
    """Terms (the headline twice), names and figures of a story. `stop` holds the words that are neither
    terms nor names (stopwords, months, weekdays)."""
    body = doc.text[doc.body_start:]
    title = doc.title or ""
    words = [w for w in _WORD.findall((title + " ") * 2 + body.lower()) if w.lower() not in stop]
    terms = Counter(w.lower() for w in words)
    names = frozenset(m.lower() for m in _NAME.findall(title + ". " + body) if len(m) > 3 and m.lower() not in stop)
    figures = frozenset(f.replace(",", "") for f in _FIGURE.findall(body) if len(f) > 1 and f not in ("10", "20"))
    return terms, names, figures


class Cache:
    """Per-file entries in $CHECKER_CACHE_DIR/wire (else ~/.cache/checker/wire), keyed by content hash,
    checker version and rules; CHECKER_NO_CACHE=1 turns it off. A broken entry is read again."""

    def __init__(self, rules_key: str) -> None:
        from . import __version__

        self.dir: Path | None = None
        if not os.environ.get("CHECKER_NO_CACHE"):
            base = os.environ.get("CHECKER_CACHE_DIR") or os.path.join(
                os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "checker")
            self.dir = Path(base) / "wire"
        self.salt = f"{__version__}|{sys.version_info[:2]}|{rules_key}"

    def key(self, data: bytes) -> str:
        return hashlib.sha256(self.salt.encode() + b"\0" + data).hexdigest()

    def get(self, key: str) -> dict | None:
        if self.dir is None:
            return None
        try:
            with open(self.dir / key[:2] / f"{key}.pickle", "rb") as fh:
                got = pickle.load(fh)
            return got if isinstance(got, dict) else None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, ImportError):
            return None

    def put(self, key: str, entry: dict) -> None:
        if self.dir is None:
            return
        folder = self.dir / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{key}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{key}.pickle")
        except OSError:
            pass  # a cache that cannot be written is no cache


@dataclass
class Library:
    """The reference stories of one run, read through the cache."""

    cache: Cache
    stop: frozenset[str]
    stories: list[Story] = field(default_factory=list)
    entries: dict[str, dict] = field(default_factory=dict)   # path -> cache entry
    keys: dict[str, str] = field(default_factory=dict)

    def read(self, paths: list[str], progress=None) -> None:  # type: ignore[no-untyped-def]
        from .errors import InputError
        from .sources import MAX_BYTES, load_all

        for n, p in enumerate(paths):
            if progress:
                progress(n)
            try:
                path = Path(p)
                if path.stat().st_size > MAX_BYTES:
                    load_all(p)  # raises the same one-line error as everywhere else
                data = path.read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read ({exc.strerror})", p) from None
            key = self.cache.key(data)
            entry = self.cache.get(key)
            if entry is None or entry.get("path") != p:
                try:
                    docs = load_all(p)
                except InputError as exc:  # one bad story in a day's wire: say which, check the rest
                    print(f"checker: {printable(str(exc))}: skipped", file=sys.stderr)
                    continue
                entry = {"path": p, "docs": docs, "features": [features(d, self.stop) for d in docs], "claims": {}}
                self.cache.put(key, entry)
            self.entries[p], self.keys[p] = entry, key
            for k, (doc, (terms, names, figures)) in enumerate(zip(entry["docs"], entry["features"])):
                self.stories.append(Story(p, k, doc, terms, names, figures))

    def save_claims(self, story: Story, claims: list, sups: list) -> None:  # type: ignore[type-arg]
        entry = self.entries[story.path]
        entry["claims"][story.index] = (claims, sups)
        self.cache.put(self.keys[story.path], entry)

    def cached_claims(self, story: Story):  # type: ignore[no-untyped-def]
        return self.entries[story.path]["claims"].get(story.index)


def pick(draft: Document, stories: list[Story], stop: frozenset[str], top: int = 10) -> list[Pick]:
    """The stories that most likely report the draft's event, best first: BM25 (k1 1.5, b 0.75) over the
    stories that share a word with the draft (a set intersection per story, in C), then names and figures."""
    if not stories:
        return []
    q_terms, q_names, q_figures = features(draft, stop)
    query = set(q_terms)
    n = len(stories)
    lengths = [sum(s.terms.values()) for s in stories]
    avgdl = sum(lengths) / n or 1.0
    common = [query.intersection(s.terms) for s in stories]
    df: Counter = Counter()
    for c in common:
        df.update(c)
    idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
    k1, b = 1.5, 0.75
    scores = [0.0] * n
    for i, c in enumerate(common):
        if not c:
            continue
        terms = stories[i].terms
        norm = k1 * (1 - b + b * lengths[i] / avgdl)
        scores[i] = sum(idf[t] * terms[t] * (k1 + 1) / (terms[t] + norm) for t in c)
    best = max(scores) or 1.0
    ranked = sorted(range(n), key=lambda i: -scores[i])[: max(top * 5, 50)]
    picks = []
    for i in ranked:
        s = stories[i]
        shared_n = tuple(sorted(q_names & s.names))
        shared_f = tuple(sorted(q_figures & s.figures, key=lambda f: (-len(f), f)))
        score = 0.6 * scores[i] / best + 0.25 * min(1.0, len(shared_n) / max(3.0, len(q_names) * 0.5)) \
            + 0.15 * min(1.0, len(shared_f) / max(2.0, len(q_figures) * 0.3))
        picks.append(Pick(s, score, scores[i], shared_n, shared_f))
    picks.sort(key=lambda p: (-p.score, p.story.path, p.story.index))
    cut = picks[0].score * 0.45 if picks else 0.0
    return [p for p in picks[:top] if p.score >= cut and p.bm25 > 0]
