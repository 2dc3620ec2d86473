"""Charts rendered on our server as inline SVG (matplotlib): no JavaScript, no CDN.

Every chart carries a title and a text description (`<title>`/`<desc>`, role="img"), and views
show the same figures in a table next to it, so nothing is conveyed by the picture alone.
Series are told apart by line style and marker as well as colour.
"""

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

COLOURS = ("#1f4e79", "#b35900", "#2e7d32", "#6a1b9a", "#7a1a12")
STYLES = ("-", "--", "-.", ":", (0, (5, 1)))
MARKERS = ("o", "s", "^", "D", "v")


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    values: Sequence[float | None]


def _svg(figure: Figure, title: str, description: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    svg = buffer.getvalue()
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg[svg.index("<svg") :], flags=re.DOTALL)
    # Several charts on one page: matplotlib's ids ("figure_1", clip paths) must not collide.
    prefix = (
        "c" + hashlib.sha1((title + description).encode(), usedforsecurity=False).hexdigest()[:8]
    )
    svg = re.sub(r'id="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = svg.replace("url(#", f"url(#{prefix}-").replace('href="#', f'href="#{prefix}-')
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)
    end = svg.index(">") + 1
    return f"{svg[:end]}<title>{escape(title)}</title><desc>{escape(description)}</desc>{svg[end:]}"


def line_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    description: str,
    y_label: str = "",
    target: float | None = None,
    target_label: str = "doel",
) -> str:
    """A line per series over ``labels`` (e.g. days), with an optional horizontal target."""
    figure, axes = plt.subplots(figsize=(7.5, 3.2), dpi=96)
    positions = list(range(len(labels)))
    for i, one in enumerate(series):
        points = [(x, v) for x, v in zip(positions, one.values, strict=True) if v is not None]
        axes.plot(
            [x for x, _ in points],
            [v for _, v in points],
            label=one.label,
            color=COLOURS[i % len(COLOURS)],
            linestyle=STYLES[i % len(STYLES)],
            marker=MARKERS[i % len(MARKERS)],
            markersize=3,
        )
    if target is not None:
        axes.axhline(target, color="#444444", linestyle=":", linewidth=1, label=target_label)
    _finish(axes, labels, y_label)
    return _svg(figure, title, description)


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    description: str,
    y_label: str = "",
) -> str:
    """Grouped bars per label; hatching tells the series apart without colour."""
    figure, axes = plt.subplots(figsize=(7.5, 3.2), dpi=96)
    count = max(len(series), 1)
    width = 0.8 / count
    hatches = ("", "//", "..", "xx", "\\\\")
    for i, one in enumerate(series):
        axes.bar(
            [x + (i - (count - 1) / 2) * width for x in range(len(labels))],
            [v or 0 for v in one.values],
            width=width,
            label=one.label,
            color=COLOURS[i % len(COLOURS)],
            hatch=hatches[i % len(hatches)],
            edgecolor="white",
        )
    _finish(axes, labels, y_label)
    return _svg(figure, title, description)


def _finish(axes: Axes, labels: Sequence[str], y_label: str) -> None:
    step = max(1, len(labels) // 12)
    axes.set_xticks(range(0, len(labels), step))
    axes.set_xticklabels([labels[i] for i in range(0, len(labels), step)], rotation=0, fontsize=8)
    axes.tick_params(axis="y", labelsize=8)
    if y_label:
        axes.set_ylabel(y_label, fontsize=9)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    if axes.get_legend_handles_labels()[0]:
        axes.legend(fontsize=8, frameon=False, loc="best")
