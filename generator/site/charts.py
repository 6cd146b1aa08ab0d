"""Bar charts as inline SVG, drawn at build time: no chart library, nothing loaded from a CDN."""

from __future__ import annotations

from markupsafe import Markup, escape

BAR_HEIGHT, GAP, LABEL_WIDTH, WIDTH = 22, 6, 260, 640


def bar_chart(rows: list[tuple[str, int]], title: str) -> Markup:
    """Horizontal bars with their labels and values; the table beside it carries the same numbers."""
    if not rows:
        return Markup("")
    peak = max(count for _, count in rows) or 1
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    parts = [f'<svg class="bv-chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for i, (label, count) in enumerate(rows):
        y = GAP + i * (BAR_HEIGHT + GAP)
        bar = round((WIDTH - LABEL_WIDTH - 60) * count / peak)
        short = label if len(label) <= 38 else label[:37] + "…"
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" font-size="13" fill="#222">'
                     f"{escape(short)}</text>")
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(bar, 1)}" height="{BAR_HEIGHT}" fill="#8e1b1b"/>')
        parts.append(f'<text x="{LABEL_WIDTH + max(bar, 1) + 6}" y="{y + 16}" font-size="13" fill="#222">{count}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
