"""Dev aid: print the facts alignment builds for some files."""
import sys

import checker
from checker.align import align
from checker.lexicon import default_lexicon
from checker.report import reference_year

lex = default_lexicon()
rows = []
for k, p in enumerate(a for a in sys.argv[1:] if a != "-v"):
    doc = checker.load(p)
    cl = checker.extract_document(doc, source=f"s{k + 1}", features=True)
    rows.append((f"s{k + 1}", cl, reference_year(cl, doc.published)))
for f in align(rows, lex):
    if len(f.sources) > 1 or "-v" in sys.argv:
        print(f.id, f.block, [(m.claim.source, m.claim.text) for m in f.members])
