"""Generate N synthetic articles about one fictional event, for timing `checker compare` at scale.

Each article draws its own wording and figures (mostly agreeing, sometimes drifting), so alignment has
real work to do. Deterministic for a given seed.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

FACTS = [
    ("At least {n} people were killed", "killed", (40, 60)),
    ("more than {n} were injured", "injured", (250, 400)),
    ("about {n} homes were damaged", "homes", (1000, 1400)),
    ("some {n} residents were evacuated", "evacuated", (5000, 7000)),
    ("the army sent {n} soldiers", "soldiers", (600, 900)),
    ("{n} rescue dogs joined the search", "dogs", (20, 60)),
]
MEASURES = [
    ("The epicentre was {n} kilometres south of the city", (30, 50)),
    ("floodwater covered {n} square kilometres", (100, 300)),
    ("a relief fund of €{n} million was approved", (10, 20)),
    ("rain fell for {n} hours", (20, 40)),
]
FILLER = [
    "Officials said the situation remained serious.",
    "Neighbouring countries offered help and equipment.",
    "Schools in the region will stay closed until further notice.",
    "Witnesses described scenes of panic in the streets.",
    "The government promised to rebuild every damaged home.",
    "Engineers were inspecting bridges and roads across the province.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(k: int, rng: random.Random, base: dt.date) -> str:
    published = base + dt.timedelta(days=rng.randint(0, 3))
    event = base - dt.timedelta(days=1)
    lines = ["---", f"source: Wire {k}", f"published: {published.isoformat()}", "---",
             f"Quake report number {k}", ""]
    when = rng.choice([f"on {event.strftime('%B')} {event.day}", f"on {WEEKDAYS[event.weekday()]}",
                       f"on {WEEKDAYS[(event.weekday() + rng.choice([0, 0, 0, 1])) % 7]}"])
    body = [f"A strong earthquake struck the province {when}, officials said."]
    for text, _, (lo, hi) in rng.sample(FACTS, k=rng.randint(3, len(FACTS))):
        body.append(text.format(n=f"{rng.randint(lo, hi):,}").capitalize() + ", the agency said.")
    for text, (lo, hi) in rng.sample(MEASURES, k=2):
        body.append(text.format(n=rng.randint(lo, hi)).capitalize() + ".")
    body += rng.sample(FILLER, k=3)
    body.append("The region was last hit by a deadly quake in 1979, when 210 people died.")
    rng.shuffle(body)
    lines.append(" ".join(body[:4]))
    lines.append("")
    lines.append(" ".join(body[4:]))
    return "\n".join(lines) + "\n"


def generate(folder: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        p = folder / f"article-{k:03d}.txt"
        p.write_text(article(k, rng, dt.date(2024, 11, 4)), encoding="utf-8")
        paths.append(p)
    return paths
