"""Debug view: one line per claim (file, surface, kind, value, subject, events)."""
import sys

from checker.commands import read_sources, claims_of
from checker.lexicon import default_lexicon

lex = default_lexicon()
for src in read_sources(sys.argv[1:]):
    print("==", src.doc.path, src.doc.published)
    for c in claims_of(src, lex):
        print(f"  {c.text!r:38} {c.kind:8} {c.readable():34} subj={c.subject_key!s:14} ev={','.join(c.events)} {c.role or ''} {c.years or ''}")
