"""Build the Open Graph assets committed under static/og/ (run by hand, not at runtime).

    .venv/bin/python -m discover.og_assets /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc

- ``static/og/og-sans.otf``: a subset of Noto Sans CJK SC Bold (SIL Open Font License
  1.1, ``static/og/OFL.txt``; Debian package fonts-noto-cjk) holding Latin, Cyrillic,
  punctuation and the 6,763 characters of GB 2312 (every common simplified character),
  so a record's title draws in English, Russian and Chinese with no external font;
- ``static/og/site.png``: the site's own card, 1200 x 630, for every page without one of
  its own.

Needs fontTools (a dev dependency) and Pillow.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

STATIC = Path(__file__).resolve().parent.parent / "static" / "og"
FONT = STATIC / "og-sans.otf"
SIMPLIFIED_CHINESE = "Noto Sans CJK SC"
RANGES = [
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x17F),  # Latin-1, Latin Extended-A
    (0x400, 0x45F),  # Cyrillic
    (0x2010, 0x2027),  # dashes, quotes, ellipsis
    (0x3000, 0x3011),  # CJK punctuation
    (0xFF01, 0xFF5E),  # full-width forms
]


def gb2312_characters():
    """Every character of GB 2312 (levels 1 and 2 of hanzi, and its symbols)."""
    characters = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                characters.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return characters


def subset_font(collection_path):
    collection = TTCollection(collection_path)
    [font] = [f for f in collection.fonts if f["name"].getDebugName(1) == SIMPLIFIED_CHINESE]
    text = "".join(chr(code) for start, end in RANGES for code in range(start, end + 1))
    text += "".join(sorted(gb2312_characters()))
    options = subset.Options()
    options.layout_features = ["kern", "liga", "locl", "vert"]
    options.name_IDs = ["*"]  # keep the copyright and licence names
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    font.save(FONT)


def main(collection_path):
    subset_font(collection_path)
    from discover.og_images import draw_card

    (STATIC / "site.png").write_bytes(draw_card(None))


if __name__ == "__main__":
    main(sys.argv[1])
