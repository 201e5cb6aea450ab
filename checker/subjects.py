"""What a mention is about: its subject noun phrase, the event words around it and its context words.

Heuristics over tokens, no tagger: a subject is the run of content words after the figure
("11,000 troops", "40,000 kilograms of ammonia"), else the nearest known subject word before it in the
same clause ("additional troops (1,000-3,000)", "the death toll ... has risen to 241").
"""
from __future__ import annotations

import bisect
import functools

from .lexicon import Lexicon, phrase_at
from .tokens import HYPHENS, NUM, WORD, Tokens

MAX_SUBJECT_WORDS = 4
CLAUSE_BREAKS = frozenset(";:")


@functools.lru_cache(maxsize=65536)
def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The key a context word is compared by, so that 'flooding', 'floods' and 'flooded' meet, and so do
    'vaccinated' and 'vaccinate', 'rose' and 'rise', 'children' and 'child': the word's lemma where the
    lemma table (rules/lexicon/lemmas.json, from lemminflect) knows one that the suffix rules miss, then the
    suffix rules. A negating un- is dropped first, so that 'unvaccinated' and 'not vaccinated' share their word."""
    w = word[2:] if word.startswith("un") and len(word) > 8 else word
    return suffix_stem(_lemmas().get(w, w))


@functools.lru_cache(maxsize=1)
def _lemmas() -> dict[str, str]:
    import json

    from .paths import builtin_rules_dir

    try:
        data = json.loads((builtin_rules_dir() / "lexicon" / "lemmas.json").read_text(encoding="utf-8"))
        return dict(data["forms"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # the suffix rules alone still serve


@functools.lru_cache(maxsize=1)
def _wordnet() -> tuple[dict[str, tuple[frozenset[int], frozenset[int]]], dict[str, str], frozenset[int]]:
    """(noun -> (its own first senses, the specific classes above them), irregular plural -> noun), from
    rules/lexicon/wordnet.json (compiled from WordNet by scripts/wordnet_table.py); read on first use, so a run
    that never compares two subjects never pays for it."""
    import json

    from .paths import builtin_rules_dir

    try:
        data = json.loads((builtin_rules_dir() / "lexicon" / "wordnet.json").read_text(encoding="utf-8"))
        general = frozenset(data["general"])
        nouns = {w: (frozenset(own), frozenset(cs) - general) for w, (own, cs) in data["nouns"].items()}
        return nouns, dict(data["aliases"]), general
    except (OSError, ValueError, KeyError, TypeError):
        return {}, {}, frozenset()  # without the table, nouns are compared by their words alone


def _wordnet_entry(word: str) -> tuple[frozenset[int], frozenset[int]] | None:
    nouns, aliases, _ = _wordnet()
    for w in (word, singular(word), stem(word)):
        got = nouns.get(aliases.get(w, w))
        if got is not None:
            return got
    return None


@functools.lru_cache(maxsize=65536)
def noun_relation(a: str, b: str) -> str | None:
    """How two head nouns relate in WordNet: 'same' when they share a first sense, 'broader' when one names a
    kind of the other ("passenger" is a "person"), 'kin' when both are kinds of one specific class ("adult" and
    "patient" are persons), else None."""
    if a == b:
        return "same"
    ea, eb = _wordnet_entry(a), _wordnet_entry(b)
    if ea is None or eb is None:
        return None
    if ea[0] & eb[0]:
        return "same"
    if ea[0] & eb[1] or eb[0] & ea[1]:
        return "broader"
    return "kin" if ea[1] & eb[1] else None


def suffix_stem(word: str) -> str:
    """Plural, -ing and -ed removed ("stopped" -> "stop"): the rules for words the lemma table leaves out."""
    w = singular(word)
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) > len(suffix) + 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
                w = w[:-1]  # "stopped" -> "stop"
            break
    return w


def subject_key(phrase: str | None, lex: Lexicon) -> str | None:
    """A comparable label for a subject: its synonym group, else its singular head noun (memoised per
    lexicon: an article names the same few subjects again and again)."""
    if not phrase:
        return None
    memo: dict[str, str] = lex.derived("subject_keys", _new_memo)
    key = memo.get(phrase)
    if key is None:
        if len(memo) >= 65536:  # bounded for long-running callers (an editor extracting on every save)
            memo.clear()
        key = memo[phrase] = _subject_key(phrase, lex)
    return key


def _new_memo(lex: Lexicon) -> dict[str, str]:
    return {}


def _subject_key(phrase: str, lex: Lexicon) -> str:
    if phrase in lex.subject_groups:
        return lex.subject_groups[phrase]
    head = phrase.split(" of ")[0].split()[-1] if phrase.split(" of ")[0].split() else phrase
    if head in lex.subject_groups:
        return lex.subject_groups[head]
    s = singular(head)
    if s in lex.subject_groups:
        return lex.subject_groups[s]
    # a subject that names an event ("budget", "estimate") is keyed by its event group
    return lex.event_groups.get((head,)) or lex.event_groups.get((s,)) or s


def _build_function_words(lex: Lexicon) -> frozenset[str]:
    return frozenset().union(lex.stopwords, lex.months, lex.weekdays, lex.number_words, lex.tens, lex.scales)


def _function_words(lex: Lexicon) -> frozenset[str]:
    """Words that never head a subject: stopwords, calendar words, number words (one set, one test)."""
    return lex.derived("function_words", _build_function_words)


def _is_content(ts: Tokens, j: int, lex: Lexicon) -> bool:
    return ts.typ[j] == WORD and ts.low[j] not in _function_words(lex)


def subject_after(ts: Tokens, j: int, lex: Lexicon, allow_of: bool, noun_next: bool = False,
                  hi: int = 1 << 60) -> tuple[str | None, int]:
    """The noun phrase starting at token j (after a figure and its unit), within the sentence (tokens before
    `hi`: a headline's last word does not run into the next line). `noun_next`: the word right after is a
    noun even when it names an event (after an ordinal: "its sixth launch", "the third strike")."""
    n = min(ts.n, hi)
    # "71 of the 140 seats": the figure counts what the total after it counts
    k0 = j + 2 if j + 2 < n and ts.low[j] == "of" and ts.low[j + 1] in ("the", "its", "their") else j + 1
    if j + 1 < n and ts.low[j] == "of" and k0 < n and ts.typ[k0] == NUM:
        return subject_after(ts, k0 + 1, lex, allow_of, hi=hi)
    # "a 140-member parliament", "the 140-seat chamber": the compound names what is counted
    if j + 1 < n and ts.tok[j] in ("-", "‑") and ts.attached(j) and ts.attached(j + 1) and ts.typ[j + 1] == WORD \
            and _is_content(ts, j + 1, lex) and ts.low[j + 1] not in lex.ordinals and ts.low[j + 1] not in lex.fractions:
        return ts.low[j + 1], j + 2
    if allow_of and j + 1 < n and ts.low[j] == "of":
        j += 1
        if j < n and ts.low[j] in ("the", "its", "their"):
            j += 1
    words: list[str] = []
    k = j
    low, typ = ts.low, ts.typ
    function_words = lex.derived("function_words", _build_function_words)
    while k < n and len(words) < MAX_SUBJECT_WORDS:
        w = low[k]
        if typ[k] == WORD and w not in function_words:
            verb = (w,) in lex.event_groups and w not in lex.subject_groups \
                and not (noun_next and not words and not w.endswith("ed"))
            if not words and w.endswith("ed") and len(w) > 4:
                verb = True  # "80 km/h pushed the flames", "5,000 fled"
            if verb and not words and w.endswith("ed") and _adjective_before_noun(ts, k, lex, function_words):
                verb = False  # a participle before its noun: "562 confirmed cases", "1,200 displaced people"
            if verb and not words:
                return None, j  # "10,000-12,000 sent last fall": a verb, no subject after the figure
            if words and (verb or (w.endswith(("ed", "ing")) and len(w) > 4)) \
                    and not (w.endswith("ing") and _adjective_before_noun(ts, k, lex, function_words)):
                break  # "people injured", "state confirmed": a verb ends the subject; not "shipping fund"
            words.append(w)
            k += 1
            # hyphenated compounds: "North Korean-made", "anti-aircraft"
            while k + 1 < n and ts.tok[k] == "-" and ts.attached(k) and ts.attached(k + 1) and ts.typ[k + 1] == WORD:
                words[-1] += "-" + ts.low[k + 1]
                k += 2
            continue
        if words and w in ("'", "\u2019") and k + 2 < n and low[k + 1] == "s" and typ[k + 2] == WORD \
                and ts.attached(k) and low[k + 2] not in function_words:
            words = []  # "Varnia's territory", "the company's customers": the possessed noun is the subject
            k += 2
            continue
        break
    if not words:
        return None, j
    # "rounds of artillery", "hectares of pine plantation": keep a short "of" complement
    if k + 1 < n and ts.low[k] == "of" and ts.typ[k + 1] == WORD:
        tail: list[str] = []
        m = k + 1
        if ts.low[m] in ("the", "a", "an"):
            m += 1
        while m < n and len(tail) < 3 and ts.typ[m] == WORD and _is_content(ts, m, lex):
            tail.append(ts.low[m])
            m += 1
        if tail:
            return " ".join(words) + " of " + " ".join(tail), m
    return " ".join(words), k


_GROUP_WORDS = frozenset(("the", "those", "these", "its", "their", "his", "her", "our", "all", "a", "an", "some",
                          "in", "at", "from", "across", "on"))  # "of those infected in the region had ..."
_LINKS = frozenset(("are", "were", "is", "was", "be", "been", "being", "have", "has", "had", "now", "still",
                    "already", "also", "reportedly"))
_NEGATIONS = frozenset(("not", "never", "no", "non"))


def share_trait(ts: Tokens, j: int, hi: int, lex: Lexicon) -> frozenset[str]:
    """What a share of a group has or is, from the token after the share: "40 percent of them children",
    "a third were unvaccinated", "33% of the new arrivals are under 18" -> {children}, {not vaccinat},
    {children}. The group after "of" is the share's base, not its trait; without a linking verb ("are",
    "had not been") or a pronoun group ("of them") there is no trait. Trait words of one label
    (subjects.yaml `traits`) meet; other words by their stem; a negation ("not", "un-") is kept."""
    n = min(ts.n, hi)
    low, typ = ts.low, ts.typ
    fw = _function_words(lex)
    k, direct = j, False
    if k < n and low[k] == "of":
        k += 1
        if k < n and low[k] in ("them", "us"):
            k, direct = k + 1, True
        else:
            start = k
            while k < n and k - start < 9:
                if low[k] == "'" and k + 1 < n and low[k + 1] == "s":
                    k += 2  # "of the country's territory"
                elif typ[k] == WORD and low[k] not in _LINKS and low[k] not in _NEGATIONS \
                        and (low[k] in _GROUP_WORDS or low[k] not in fw):
                    k += 1
                else:
                    break
            if k == start:
                return frozenset()
    neg = linked = False
    while k < n and (low[k] in _LINKS or low[k] in _NEGATIONS):
        neg |= low[k] in _NEGATIONS
        linked = True
        k += 1
    if not (linked or direct):
        return frozenset()
    traits = lex.traits
    out: set[str] = set()
    stop = min(n, k + 5)
    while k < stop:
        t = low[k]
        if t in HYPHENS and ts.attached(k):
            k += 1
            continue
        if typ[k] not in (WORD, NUM) or t in lex.clause_words or t in ("and", "or", "while"):
            break
        for length in (3, 2, 1):
            label = traits.get(" ".join(low[k: k + length])) if k + length <= n else None
            if label:
                break
        else:
            length = 1
            if typ[k] == WORD and t not in fw and len(t) > 2:
                label = stem(t)
                neg |= t.startswith("un") and not label.startswith("un")  # "unvaccinated": stem drops un-
        if label:
            out.add("not " + label if neg else label)
        k += length
    return frozenset(out)


def _adjective_before_noun(ts: Tokens, k: int, lex: Lexicon, function_words: frozenset[str]) -> bool:
    """A participle used as an adjective ("confirmed cases", "registered voters", "displaced people"): the
    next word is a noun, i.e. a content word that is neither a verb nor another participle."""
    j = k + 1
    if j >= ts.n or ts.typ[j] != WORD:
        return False
    w = ts.low[j]
    return w not in function_words and (w,) not in lex.event_groups and not w.endswith(("ed", "ing", "ly")) \
        and w not in lex.place_adverbs or w in lex.subject_groups


def subject_before(ts: Tokens, first: int, floor: int, lex: Lexicon, measured: bool = False,
                   adjacent: bool = False) -> str | None:
    """The nearest known subject word before the figure, within the clause (up to 16 tokens back; `adjacent`:
    up to 3, not past a comma, for a figure with a verb of its own).
    For money and measures, "a relief fund of 2 billion crowns" names its subject just before "of"."""
    k = first - 1
    if measured:
        # a measure's subject is what it is "of"; the nearest person-noun is not ("firefighters ... after 12 hours")
        if k - 1 >= floor and ts.low[k] == "of" and ts.typ[k - 1] == WORD and ts.low[k - 1] not in lex.stopwords:
            return ts.low[k - 1]
        return None
    steps = 0
    reach = 3 if adjacent else 16
    while k >= floor and steps < reach:
        t = ts.low[k]
        if t in CLAUSE_BREAKS or ts.typ[k] == NUM or (t == "," and adjacent):
            break  # another figure owns what stands before it ("the injured at 1,099 and 15 missing")
        if ts.typ[k] == WORD:
            if k > floor and (ts.low[k - 1], t) in _two_word_cache(lex):
                return f"{ts.low[k - 1]} {t}"
            if t in lex.subject_groups:
                return t
        steps += 1
        k -= 1
    return None


def _two_word_cache(lex: Lexicon) -> frozenset[tuple[str, str]]:
    return lex.derived("two_word_subjects", lambda x: frozenset(
        tuple(k.split()) for k in x.subject_groups if k.count(" ") == 1))


def sentence_features(ts: Tokens, lo: int, hi: int, lex: Lexicon) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]], list[int], list[int]]:
    """One pass over a sentence: its event phrases (start, end, group), content words (index, word) and
    clause breaks (index; rules/lexicon/subjects.yaml `clause_words`). Mentions in the sentence then pick what
    lies near them, so the cost stays linear."""
    firsts = lex.phrase_index("event_groups")
    groups = lex.event_groups
    skip = lex.stopwords
    months, weekdays = lex.months, lex.weekdays
    events: list[tuple[int, int, str]] = []
    words: list[tuple[int, str]] = []
    breaks: list[int] = []
    figure_breaks: list[int] = []
    clause_words, figure_clause_words = lex.clause_words, lex.figure_clause_words
    low, typ = ts.low, ts.typ
    k = lo
    while k < hi:
        if low[k] in clause_words:
            w = low[k]
            if (w != "and" or (k > lo and low[k - 1] == ",")) \
                    and not (typ[k] != WORD and 0 < k < hi - 1 and typ[k - 1] == NUM == typ[k + 1]):
                breaks.append(k)  # (a colon between digits is a clock time, "9:14 a.m.", not a clause break)
                figure_breaks.append(k)
        elif low[k] in figure_clause_words:
            figure_breaks.append(k)
        if typ[k] == WORD:
            w = low[k]
            if w in firsts and not _in_name(ts, k, hi, lex.name_heads):
                length = phrase_at(low, k, groups, firsts, hi)
                if length:
                    events.append((k, k + length, groups[tuple(low[k: k + length])]))
            if len(w) > 2 and w not in skip and w not in months and w not in weekdays:
                words.append((k, stem(w)))
        k += 1
    return events, words, breaks, figure_breaks


def _in_name(ts: Tokens, k: int, hi: int, heads: frozenset[str]) -> bool:
    """'the Met Office', 'Summit County': an event word, capitalised, opening a name that ends in a noun of a
    body or place (subjects.yaml `name_heads`) names no event; "Storm Daniel" still does."""
    tok = ts.tok
    if not tok[k][:1].isupper():
        return False
    m = k + 1
    while m < hi and m <= k + 3 and tok[m][:1].isupper():
        if ts.low[m] in heads:
            return True
        m += 1
    return False


def _window(items: list, lo: int, hi: int) -> list:
    """Items (sorted by token index) with index in [lo, hi), found by bisection: cost independent of sentence size."""
    return items[bisect.bisect_left(items, (lo,)): bisect.bisect_left(items, (hi,))]


def _clause(features, first: int, end: int, after_first: bool) -> tuple[int, int]:
    """The clause breaks around a mention -> (the last before it, the first after it); a date's clause
    (`after_first` off) runs on past "since"."""
    breaks = features[2] if not after_first else features[3]
    lo = breaks[bisect.bisect_left(breaks, first) - 1] if breaks and breaks[0] < first else -1
    j = bisect.bisect_left(breaks, end)
    return lo, breaks[j] if j < len(breaks) else 1 << 60


def tight_event(features, first: int, end: int, reach: int = 3, reports: bool = False,
                after_first: bool = True) -> str | None:
    """The event word right beside the mention ("employs 1,200", "40 residents were treated"), nearest first;
    at equal distance the one after a figure ("1,145 injured, 405 were trapped": 405 were trapped) or, with
    `after_first` off, the one before a date ("arrived on Friday, officials said").
    `reports`: a report verb counts too (for dates: "published on Tuesday" dates the report)."""
    best, dist = None, reach + 1
    lo, hi = _clause(features, first, end, after_first)
    for a, b, g in _window(features[0], max(first - reach, lo + 1), min(end + reach, hi)):
        after = b > first
        d = first - b + 1 if not after else max(a - end + 1, 0)
        if (reports or g != "reported") and (d < dist or (d == dist and after and after_first)):
            best, dist = g, d
    return best


def events_near(features, first: int, end: int, back: int = 10, after_first: bool = True) -> tuple[str, ...]:
    """Event groups named within a window around the mention and within its clause, nearest first (at equal
    distance, after a figure first, before a date first: see tight_event)."""
    found = []
    lo, hi = _clause(features, first, end, after_first)
    for a, b, g in _window(features[0], max(first - back, lo + 1), min(end + 8, hi)):
        after = b > first
        found.append((first - b + 1 if not after else max(a - end + 1, 0), after != after_first, g))
    found.sort()
    out: list[str] = []
    for _, _, g in found:
        if g not in out:
            out.append(g)
    return tuple(out[:4])


def context_words(features, first: int, end: int, reach: int = 10) -> tuple[str, ...]:
    """Content words of the sentence around the mention (the figure itself excluded)."""
    return tuple(dict.fromkeys(w for k, w in _window(features[1], first - reach, end + reach) if not first <= k < end))


__all__ = ["suffix_stem", "share_trait", "tight_event", "subject_after", "subject_before", "subject_key", "sentence_features", "events_near", "context_words", "singular", "stem"]
