"""--format html: a self-contained page; rendered in headless Chromium (Debian's `chromium` package), the
screenshot is not blank and the DOM holds every finding; article text is escaped."""
from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "shoigu"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def _report(tmp_path: Path, *files: Path) -> tuple[Path, dict]:
    args = [sys.executable, "-m", "checker", "compare", *map(str, files), "--fail-on", "never"]
    page = subprocess.run(args + ["--format", "html"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    data = json.loads(subprocess.run(args + ["--format", "json"], capture_output=True, text=True, cwd=ROOT,
                                     check=True).stdout)
    out = tmp_path / "report.html"
    out.write_text(page, encoding="utf-8")
    return out, data


def test_the_page_is_self_contained(tmp_path):
    page, data = _report(tmp_path, *sorted(SEEDS.glob("*.txt")))
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"<script|<link|<img|@import|url\(|src=|https?://(?!www\.w3)", html, re.I)
    assert html.count('class="finding ') == len(data["findings"])
    for c in data["claims"]:
        assert f'id="c-{c["id"].replace(":", "-")}"' in html


def test_article_text_is_escaped(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text('Fire <script>alert("x")</script> & smoke\n\nThe fire killed 40 people "<b>" on Friday.\x1b[2J\n',
                       encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Fire & smoke\n\nThe fire killed 42 people on Friday.\n", encoding="utf-8")
    page, _ = _report(tmp_path, hostile, other)
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html


def _png_pixels(path: Path) -> bytes:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return zlib.decompress(idat)


@pytest.mark.skipif(CHROMIUM is None, reason="headless browser test: install Debian's `chromium` package")
def test_rendered_in_headless_chromium(tmp_path):
    page, data = _report(tmp_path, *sorted(SEEDS.glob("*.txt")))
    shot = tmp_path / "shot.png"
    profile = tmp_path / "profile"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1600",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120, check=True)
    pixels = _png_pixels(shot)
    assert len(set(pixels)) > 20, "the screenshot is blank"
    dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    for f in data["findings"]:
        assert f'id="f-{f["id"]}"' in dom
    assert dom.count('class="finding ') == len(data["findings"])
    assert dom.count("<mark ") == len(data["claims"])
