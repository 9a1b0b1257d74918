"""Geometry for server-drawn SVG bar charts: no script, no inline style.

A chart is a list of rows, each a label and a value (with the value's text as the
page should show it, "1,246" or "more than 100 billion US dollars"), optionally in
groups under a heading (the exhibitions of a series, each with a bar per country).
Each row takes two lines: the label and the value's text above, the bar below, so
that labels need no room beside the bars and the chart stays narrow.

The chart is drawn at ``WIDTH`` user units and never scaled up (``.chart svg`` in the
stylesheet caps its width); on a 360 px phone it shrinks to about 290 px, where the
16-unit text is still 13 px. Bars are scaled to the largest known value; an unknown
value (None) gets no bar and the template says "unknown" instead of drawing zero.

Used by ``expo.views`` (participation) and ``cooperation.views`` (trade by year),
hence here in ``core``: ``cooperation`` may not import ``expo``.
"""

from dataclasses import dataclass, field

WIDTH = 360
TEXT_LINE = 22  # label and value text
BAR_HEIGHT = 18
ROW_GAP = 14
HEADING_LINE = 28
TEXT_BASELINE = 16  # from the top of a text line


def svg_number(value):
    """A coordinate for an SVG attribute: never localised (no decimal comma), no ".0"."""
    return f"{round(value, 1):g}"


@dataclass(frozen=True)
class Row:
    """What a caller gives: one bar. ``group`` starts a new heading when it changes."""

    label: str
    value: float | int | None
    text: str
    group: str = ""
    spoken: str = ""  # the value in words for the chart's description ("1,246 enterprises")


@dataclass(frozen=True)
class Item:
    """One drawn line: a group heading or a bar (coordinates are strings for SVG)."""

    kind: str  # "heading" or "bar"
    label: str
    text_y: str
    value: float | int | None = None
    text: str = ""
    spoken: str = ""
    bar_y: str = ""
    bar_width: str = ""


@dataclass
class BarChart:
    rows: list
    items: list = field(init=False)
    width: str = field(init=False)
    height: str = field(init=False)

    def __post_init__(self):
        self.rows = list(self.rows)
        top = max((row.value for row in self.rows if row.value is not None), default=0)
        items, y, group = [], 0, None
        for row in self.rows:
            if row.group and row.group != group:
                group = row.group
                items.append(Item("heading", row.group, text_y=svg_number(y + TEXT_BASELINE + 4)))
                y += HEADING_LINE
            width = row.value / top * WIDTH if row.value and top else 0
            items.append(
                Item(
                    "bar",
                    row.label,
                    text_y=svg_number(y + TEXT_BASELINE),
                    value=row.value,
                    text=row.text,
                    spoken=row.spoken or row.text,
                    bar_y=svg_number(y + TEXT_LINE),
                    bar_width=svg_number(max(width, 2) if row.value else 0),
                )
            )
            y += TEXT_LINE + BAR_HEIGHT + ROW_GAP
        self.items = items
        self.width = svg_number(WIDTH)
        self.height = svg_number(max(y - ROW_GAP, TEXT_LINE + BAR_HEIGHT))

    @property
    def bars(self):
        return [item for item in self.items if item.kind == "bar"]

    @property
    def value_x(self):
        return self.width

    def __len__(self):
        return len(self.bars)
