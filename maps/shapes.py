"""The committed boundaries (``data/regions.json``), read once per process."""

import functools
import json
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "regions.json"


@functools.cache
def boundaries():
    """``{"view_box": [...], "land": path, "shapes": {iso_code: {"d", "box"}}}``."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))
