"""Geometry of the two charts, computed here so the templates only print rectangles: articles
per day per outlet (stacked bars, one row per day) and an entity's mentions per day (columns).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

# Colour-blind-safe (Okabe-Ito) for the most frequent outlets; the rest share grey.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
OTHER = "#8a8a8a"
OTHERS = "أخرى"


@dataclasses.dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclasses.dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    labels: list[tuple[float, float, str, str]]  # x, y, text, text-anchor
    legend: list[tuple[str, str]]  # colour, name
    summary: str
    rows: list[tuple[str, int]]  # the numbers behind it, for a table


def ltr(text: object) -> str:
    """Text kept left to right inside Arabic text (a date: its digits are not reordered)."""
    return f"\u2066{text}\u2069"


def per_day_per_outlet(counts: list[tuple[dt.date, str, int]], first: dt.date, last: dt.date) -> Chart:
    """One row per day from ``last`` (top) back to ``first``, a stacked bar of its articles
    by outlet, growing from the right as the page reads; the outlets with most articles get
    a colour each."""
    totals: dict[str, int] = {}
    for _, outlet, n in counts:
        totals[outlet] = totals.get(outlet, 0) + n
    ranked = sorted(totals, key=lambda o: (-totals[o], o))
    colour = {o: PALETTE[i] for i, o in enumerate(ranked[: len(PALETTE)])}
    days = [last - dt.timedelta(days=i) for i in range((last - first).days + 1)]
    by_day: dict[dt.date, list[tuple[str, int]]] = {d: [] for d in days}
    for day, outlet, n in counts:
        if day in by_day:
            by_day[day].append((outlet, n))
    day_total = {d: sum(n for _, n in by_day[d]) for d in days}
    peak = max(day_total.values(), default=0) or 1
    label_w, bar_w, row_h, gap, total_w = 90, 600, 22, 6, 60
    width = total_w + bar_w + label_w
    bars, labels = [], []
    for row, day in enumerate(days):
        y = row * (row_h + gap)
        text_y = round(y + row_h * 0.7, 1)
        labels.append((width, text_y, day.isoformat(), "end"))
        x = float(width - label_w)  # the bar's right end; parts are laid leftwards
        parts = sorted(by_day[day], key=lambda p: (ranked.index(p[0]), p[0]))
        for outlet, n in parts:
            w = bar_w * n / peak
            x -= w
            bars.append(Bar(round(x, 1), y, round(w, 1), row_h, colour.get(outlet, OTHER),
                            f"{day.isoformat()} · {outlet or '?'}: {n}"))
        labels.append((round(x - 6, 1), text_y, str(day_total[day]), "end"))
    legend = [(colour[o], o or "?") for o in ranked[: len(PALETTE)]]
    if len(ranked) > len(PALETTE):
        legend.append((OTHER, OTHERS))
    total = sum(day_total.values())
    return Chart(
        width=width,
        height=max(1, len(days)) * (row_h + gap),
        bars=bars,
        labels=labels,
        legend=legend,
        summary=f"{total} مقالا من {ltr(first)} إلى {ltr(last)}",
        rows=[(o or "?", totals[o]) for o in ranked],
    )


def per_day(points: list[tuple[dt.date, int]]) -> Chart | None:
    """Columns of a count per day, from the first day with one to the last (days without any
    left empty, so gaps read as gaps)."""
    points = [(d, n) for d, n in points if n > 0]
    if not points:
        return None
    first, last = points[0][0], points[-1][0]
    span = (last - first).days + 1
    width, height, base = 720, 160, 140
    step = width / span
    peak = max(n for _, n in points)
    bars = [
        Bar(round((d - first).days * step, 2), round(base - base * n / peak, 1),
            round(max(step * 0.8, 1.0), 2), round(base * n / peak, 1), PALETTE[0], f"{d.isoformat()}: {n}")
        for d, n in points
    ]
    labels = [(0, height - 4, first.isoformat(), "start"), (width, height - 4, last.isoformat(), "end"),
              (width, 12, f"max {peak}", "end")]
    return Chart(width=width, height=height, bars=bars, labels=labels, legend=[],
                 summary=f"{sum(n for _, n in points)} ذكرا في {len(points)} يوما، من {ltr(first)} إلى {ltr(last)}",
                 rows=[(d.isoformat(), n) for d, n in points])
