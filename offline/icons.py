"""Draws the app's icons (a page with lines of text on the accent blue), with no
library beyond Python's own: `python3 offline/icons.py` rewrites offline/icon-192.png
and offline/icon-512.png. The page sits inside the middle 80%, so a launcher may
crop the icon to a circle ("maskable") without cutting it."""

import struct
import zlib
from pathlib import Path

BLUE = (0x0B, 0x5C, 0xAD)
PAPER = (0xFF, 0xFF, 0xFF)
INK = (0x1D, 0x1F, 0x24)


def colour(x, y):
    """The colour at (x, y), both in 0..1."""
    if 0.30 <= x <= 0.70 and 0.24 <= y <= 0.76:
        # Lines of text on the page: three full, the last one shorter.
        for i, top in enumerate((0.34, 0.44, 0.54, 0.64)):
            end = 0.52 if i == 3 else 0.62
            if top <= y <= top + 0.04 and 0.38 <= x <= end:
                return INK
        return PAPER
    return BLUE


def png(size):
    rows = b"".join(
        b"\x00" + bytes(c for x in range(size) for c in colour((x + 0.5) / size, (y + 0.5) / size))
        for y in range(size)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    for size in (192, 512):
        (here / f"icon-{size}.png").write_bytes(png(size))
