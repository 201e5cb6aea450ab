"""Text from articles and file names made safe to show: control characters never reach a terminal."""
from __future__ import annotations

# C0 and C1 controls (ESC starts the sequences that retitle, recolour or clear a terminal), DEL, and the
# bidirectional overrides that make a line read differently from its bytes; tab and line feed stay
_UNSAFE = [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F),
           *range(0x2066, 0x206A)]
_ESCAPES = {c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}" for c in _UNSAFE}
_ESCAPES[0x0D] = "\\r"


def printable(text: str) -> str:
    """`text` with every control character written as an escape (ESC -> '\\x1b'); others unchanged."""
    return text.translate(_ESCAPES) if not text.isprintable() else text
