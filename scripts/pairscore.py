"""Dev aid: alignment score and reasons between claims matching two surfaces in two files."""
import sys

import checker
from checker.align import Model, explain, score
from checker.frame import frame_of as features
from checker.lexicon import default_lexicon
from checker.report import reference_year

lex = default_lexicon()
fa, sa, fb, sb = sys.argv[1:5]


def get(path, surface):
    doc = checker.load(path)
    cl = checker.extract_document(doc, source=path, features=True)
    ry = reference_year(cl, doc.published)
    return [(c, features(c, lex, ry)) for c in cl if surface in c.text or c.text in surface and c.text]


for ca, xa in get(fa, sa):
    for cb, xb in get(fb, sb):
        s = score(xa, xb, Model.of(lex), frozenset(lex.subject_groups.values()))
        why = explain(xa, xb, frozenset(lex.subject_groups.values()), {})
        from checker.align import pair_vector
        print("   v", pair_vector(xa, xb, frozenset(lex.subject_groups.values()), {}))
        print(f"{ca.text!r} ~ {cb.text!r}: {s:.2f} {why}")
        print("   A", xa.subjects, sorted(xa.events), xa.nearest, sorted(xa.context)[:12], xa.years, xa.when, ca.increment)
        print("   B", xb.subjects, sorted(xb.events), xb.nearest, sorted(xb.context)[:12], xb.years, xb.when, cb.increment)
