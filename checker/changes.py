"""Changes in the percent family: whether a share says how much something moved ("up 3.1 per cent", "1.4
points higher") rather than where it stands ("at 38.2%"). Percentage points and basis points are always
changes. Two reports of one change may give it in points or in percent; a change is never lined up with a level.
"""
from __future__ import annotations

from .lexicon import Lexicon, phrase_key
from .values import PERCENT, Claim, Quantity

POINTS = "rate-change"  # the dimension of percentage points and basis points


def is_change(c: Claim, lex: Lexicon) -> bool:
    """True when the share says how much something moved: a figure in points, or a percent right after a word of
    moving ("rose 1.8%", "up 3.1 per cent", "cut by 2%") or right before one ("a 3% rise"); a percent right
    after "to", "from", "at" is where it stands however it moved ("rose to 12%", "up from 54%")."""
    v = c.value
    if not isinstance(v, Quantity) or c.kind != PERCENT:
        return False
    if v.dimension == POINTS:
        return True
    before = phrase_key(c.sentence[max(0, c.start - c.sentence_start - 40): c.start - c.sentence_start])
    if before and before[-1] in lex.change_level:
        return False
    if before and before[-1] in lex.change_before:
        return True
    after = phrase_key(c.sentence[c.end - c.sentence_start: c.end - c.sentence_start + 30])
    after = after[1:] if after[:1] == ("-",) else after
    return bool(after) and after[0] in lex.change_after
