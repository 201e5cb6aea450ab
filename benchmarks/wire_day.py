"""A day of wire copy (fiction, made here) with one planted event, for `checker check draft --against wires/`.

5,000 stories across many kinds of event and many towns (names made from syllables), 8 of which report the
planted event (a ferry fire off "Hallsund") in their own words, and dozens of distractors that share its town
or its kind of event. Measures: recall of the planted stories among the picked references (the issue asks
>= 0.95 in the top 10), a warm check (cache filled; <= 2 s), a cold one against a plain `checker extract` of
the same folder in the same run (<= 1.2x).

usage: python benchmarks/wire_day.py [N]     (default 5000; prints the figures)
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYLLABLES = ["var", "hal", "sund", "by", "nor", "ost", "kel", "mar", "ten", "lin", "dal", "berg", "ros", "vik",
             "al", "tor", "hem", "fjell", "ga", "lun", "stad", "mo", "ri", "sel", "ka", "ne", "ström", "holm"]
EVENTS = [
    ("fire", "A fire at {place}'s {thing} destroyed {n} {unit} on {day}, the fire service said.",
     ["warehouse", "school", "sawmill", "depot", "market"], ["square metres", "vehicles", "homes"]),
    ("flood", "Floods in {place} forced {n} residents from their homes on {day} after {m} millimetres of rain.",
     ["river"], ["residents"]),
    ("vote", "Voters in {place} backed the {thing} by {n} votes to {m} on {day}, turnout {p} percent.",
     ["budget", "bridge plan", "tram line", "school merger"], ["votes"]),
    ("earnings", "{Name} Group, based in {place}, reported profit of {n} million crowns for the {q} quarter.",
     ["profit"], ["crowns"]),
    ("match", "{place} FC beat {other} {n}-{m} on {day} in front of {p},000 fans.", ["match"], ["fans"]),
    ("strike", "About {n} {thing} workers in {place} walked out on {day} over pay, the union said.",
     ["port", "rail", "hospital", "bus"], ["workers"]),
    ("court", "A court in {place} jailed a former {thing} for {n} years on {day} for fraud worth {m} million crowns.",
     ["mayor", "banker", "councillor"], ["years"]),
    ("traffic", "A pile-up of {n} cars on the {place} motorway on {day} left {m} people injured.",
     ["motorway"], ["cars"]),
]
FILLER = ["Officials said an inquiry would follow.", "Local media reported long queues.",
          "The council will meet again next week.", "Residents said they had been warned.",
          "Police asked people to avoid the area.", "The figures are provisional."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
BASE = dt.date(2025, 6, 17)

# the planted event, told by eight outlets (figures mostly agree; one outlet drifts)
PLANTED = [
    "A fire in the engine room of the ferry Nordlys forced {pax} passengers and 38 crew into lifeboats off "
    "Hallsund on Tuesday, the coast guard said.",
    "The Nordlys was about 6 nautical miles from Hallsund when the fire broke out; rescuers reached the "
    "lifeboats within {mins} minutes.",
    "Seven people were treated for smoke inhalation and two were taken to hospital in Varby.",
    "Crossings between Hallsund and Varby were suspended until at least Friday.",
]


def name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def story(rng: random.Random, k: int, town: str | None = None, kind: int | None = None) -> tuple[str, str]:
    place = town or name(rng)
    ev = EVENTS[kind if kind is not None else rng.randrange(len(EVENTS))]
    fields = dict(place=place, thing=rng.choice(ev[2]), n=rng.randint(2, 900), m=rng.randint(2, 90),
                  p=rng.randint(20, 90), day=rng.choice(DAYS), unit=rng.choice(ev[3]), other=name(rng),
                  Name=name(rng), q=rng.choice(["first", "second", "third"]))
    lead = ev[1].format(**fields)
    body = [lead] + rng.sample(FILLER, 3)
    title = f"{place}: {ev[0]} " + rng.choice(["latest", "update", "report", "what we know"])
    return title, "\n\n".join(body)


def planted(rng: random.Random, k: int) -> tuple[str, str]:
    pax = 412 if k != 5 else 421  # one outlet drifts
    paras = [p.format(pax=pax, mins=40 if k % 3 else 45) for p in PLANTED]
    rng.shuffle(paras[1:])
    title = rng.choice(["Ferry fire off Hallsund", "Nordlys passengers take to lifeboats",
                        "Hallsund ferry evacuated after engine-room fire", "Coast guard: all safe after Nordlys fire"])
    return title, "\n\n".join(paras)


def write(folder: Path, n: int = 5000, seed: int = 11) -> tuple[list[Path], Path]:
    """The folder of stories and, beside it, the draft; returns (planted story paths, draft path)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    planted_at = set(rng.sample(range(n), 8))
    planted_paths = []
    for k in range(n):
        if k in planted_at:
            title, body = planted(rng, len(planted_paths))
        elif k % 100 == 1:
            title, body = story(rng, k, town="Hallsund")  # same town, another event
        elif k % 100 == 2:
            title, body = story(rng, k, kind=0)  # another fire elsewhere
        else:
            title, body = story(rng, k)
        published = BASE + dt.timedelta(hours=0)
        source = f"Wire {k % 40}"
        if k % 10 == 3:  # a tenth arrive as ninjs
            p = folder / f"{k:05d}.json"
            p.write_text(json.dumps({"headline": title, "body_text": body, "versioncreated": f"{published}T08:00:00Z",
                                     "copyrightholder": source}), encoding="utf-8")
        else:
            p = folder / f"{k:05d}.txt"
            p.write_text(f"---\nsource: {source}\npublished: {published}\n---\n{title}\n\n{body}\n", encoding="utf-8")
        if k in planted_at:
            planted_paths.append(p)
    draft = folder.parent / "draft.md"
    draft.write_text("---\npublished: 2025-06-17\n---\nFerry passengers rescued after fire off Hallsund\n\n"
                     "All 412 passengers and 38 crew of the ferry Nordlys were safely in lifeboats within 40 "
                     "minutes on Tuesday after a fire in its engine room, about 6 nautical miles off Hallsund.\n\n"
                     "Two people were taken to hospital in Varby. Sailings to Varby are cancelled until Friday.\n",
                     encoding="utf-8")
    return planted_paths, draft


def _run(args: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    r = subprocess.run(args, capture_output=True, text=True, env=env)
    return time.perf_counter() - t, r


def measure(n: int = 5000) -> dict:
    checker = str(Path(sys.executable).with_name("checker"))
    with tempfile.TemporaryDirectory() as tmp:
        wires = Path(tmp) / "wires"
        planted_paths, draft = write(wires, n)
        env = dict(os.environ, CHECKER_CACHE_DIR=str(Path(tmp) / "cache"))
        files = sorted(str(p) for p in wires.iterdir())
        t_extract, r = _run([checker, "extract", "--format", "json", *files], env)
        assert r.returncode == 0, r.stderr[-500:]
        args = [checker, "check", str(draft), "--against", str(wires), "--format", "json", "--fail-on", "never"]
        t_cold, r = _run(args, env)
        assert r.returncode == 0, r.stderr[-500:]
        t_warm = min(_run(args, env)[0] for _ in range(3))
        report = json.loads(_run(args, env)[1].stdout)
    picked = {s["path"] for s in report.get("selection", [])}
    hits = len(picked & {str(p) for p in planted_paths})
    return {"stories": n, "planted": len(planted_paths), "picked": len(picked), "planted_picked": hits,
            "recall_top10": hits / min(10, len(planted_paths)), "extract_s": t_extract, "cold_s": t_cold,
            "warm_s": t_warm, "cold_vs_extract": t_cold / t_extract,
            "conflicts": report["summary"].get("conflict", 0)}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    got = measure(n)
    print(f"day's wire: {got['stories']} stories, {got['planted']} planted; picked {got['picked']}, "
          f"{got['planted_picked']} of them planted: recall in the top 10 {got['recall_top10']:.2f} (goal >= 0.95)")
    print(f"  checker extract of the folder {got['extract_s']:.2f} s; cold check {got['cold_s']:.2f} s "
          f"({got['cold_vs_extract']:.2f}x, goal <= 1.2x); warm check {got['warm_s']:.2f} s (goal <= 2 s)")
    print(f"  conflicts found against the draft: {got['conflicts']}")
