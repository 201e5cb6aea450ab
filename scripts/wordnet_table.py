"""Compile WordNet's nouns into rules/lexicon/wordnet.json: for each common noun, the classes it belongs to.

usage: python scripts/wordnet_table.py [WORDNET_DIR]   (default /usr/share/wordnet, Debian's `wordnet-base`)

Alignment asks of it how two subjects' nouns relate: one sense ("barrier", "threshold"), one a kind of the other
("passengers" are people, "vehicles" include cars), or kin: both kinds of one specific class ("adults" and
"patients" are persons; a class of more than KIN_MAX nouns, such as "artifact", is too general to say so).
For every noun that WordNet's tagged corpus has seen (its tagsense count is above zero), the table keeps the
synsets of its first senses and every hypernym above them, each synset as a small integer. Synsets near the
root ("entity", "object", "abstraction") say nothing about two news figures and are left out, and so are
synsets that no two nouns of the table share. The table is data, compiled once, read lazily at run time
(`checker.subjects.noun_classes`). WordNet 3.0 is under the WordNet licence (Princeton University).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rules" / "lexicon" / "wordnet.json"
SENSES = 2        # a noun's first senses (WordNet orders them by frequency)
KIN_MAX = 1500    # a class of at most this many nouns is specific enough that two of its nouns are kin
ALIASES = {"people": "person"}  # WordNet keeps "people" as a group; its members are persons
MIN_DEPTH = 3     # synsets this close to the root ("entity", "object", "abstraction") say nothing of two figures


def read_index(folder: Path) -> dict[str, list[int]]:
    """lemma -> synset offsets of its first senses, for nouns seen in the tagged corpus."""
    out: dict[str, list[int]] = {}
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, p_cnt = f[0], int(f[3])
        tagged = int(f[5 + p_cnt])
        offsets = [int(x) for x in f[6 + p_cnt:]]
        if tagged > 0 and lemma.isalpha() and lemma.islower():
            out[lemma] = offsets[:SENSES]
    return out


def read_hypernyms(folder: Path) -> dict[int, list[int]]:
    """synset offset -> its hypernyms' offsets (ordinary and instance)."""
    out: dict[int, list[int]] = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split(" | ")[0].split()
        offset, w_cnt = int(f[0]), int(f[3], 16)
        k = 4 + 2 * w_cnt
        p_cnt = int(f[k])
        parents = []
        for j in range(p_cnt):
            sym, target, pos = f[k + 1 + 4 * j], f[k + 2 + 4 * j], f[k + 3 + 4 * j]
            if sym in ("@", "@i") and pos == "n":
                parents.append(int(target))
        out[offset] = parents
    return out


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/wordnet")
    if not (folder / "index.noun").is_file():
        print(f"no WordNet at {folder}: install Debian's wordnet-base", file=sys.stderr)
        return 2
    index, parents = read_index(folder), read_hypernyms(folder)
    depth: dict[int, int] = {}

    def depth_of(s: int) -> int:
        if s not in depth:
            depth[s] = 0  # (a guard against cycles; WordNet has none)
            ps = parents.get(s, [])
            depth[s] = 1 + min(depth_of(p) for p in ps) if ps else 0
        return depth[s]

    def above(s: int) -> set[int]:
        seen, todo = set(), [s]
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(parents.get(x, []))
        return seen

    classes = {lemma: set().union(*(above(s) for s in offs)) for lemma, offs in index.items()}
    uses: dict[int, int] = {}
    for cs in classes.values():
        for c in cs:
            uses[c] = uses.get(c, 0) + 1
    keep = sorted(c for c, n in uses.items() if n >= 2 and depth_of(c) >= MIN_DEPTH)
    ids = {c: k for k, c in enumerate(keep)}
    general = sorted(ids[c] for c in keep if uses[c] > KIN_MAX)
    aliases = dict(ALIASES)
    for line in (folder / "noun.exc").read_text(encoding="latin-1").splitlines():
        plural, *forms = line.split()
        if forms and plural.isalpha() and forms[0] in classes and plural not in classes:
            aliases[plural] = forms[0]  # irregular plurals ("salespeople", "criteria")
    table = {}
    for lemma in sorted(classes):
        own = [ids[s] for s in index[lemma] if s in ids]
        cs = sorted(ids[c] for c in classes[lemma] if c in ids)
        if cs:
            table[lemma] = [own, cs]
    OUT.write_text(json.dumps({"source": "WordNet 3.0 nouns (Princeton University), compiled by scripts/wordnet_table.py",
                               "senses": SENSES, "min_depth": MIN_DEPTH, "kin_max": KIN_MAX,
                               "general": general, "aliases": aliases, "nouns": table},
                              separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(table)} nouns, {len(keep)} classes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
