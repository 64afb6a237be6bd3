"""Simple bar charts for the summaries (reportlab.graphics), labelled in a face that has every
character of the labels."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.fonts import Faces

PALETTE = [colors.HexColor(c) for c in ("#1f5f99", "#d9822b", "#3d8f4e", "#a23b72", "#6c6c6c")]


def _label_face(faces: Faces, labels: Sequence[str], record: str) -> str:
    """The first face with every character of the labels (a chart label cannot switch faces)."""
    text = "".join(labels)
    fonts.check(text, faces, record, faces.plain)
    for face in (faces.plain, *faces.fallbacks):
        if all(c.isspace() or fonts.covers(face, c) for c in text):
            return fonts.register(face)
    return fonts.register(faces.plain)  # check() has made sure each character is somewhere


def bar_chart(faces: Faces, title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
              width: float, height: float = 190, value_format: str = "{:,.0f}") -> Drawing:
    """Grouped bars: one group per category, one bar per series, with a legend under the title."""
    name = _label_face(faces, [title, *categories, *(s for s, _v in series)], title)
    # Labels side by side that would run into each other are slanted, with room made under the axis.
    longest = max((len(c) for c in categories), default=0)
    crowded = len(categories) > 6 or longest * 8 > (width - 60) / max(len(categories), 1)
    extra = longest * 8 * 0.5 if crowded else 0
    below, height = 36 + extra, height + extra
    drawing = Drawing(width, height, initialFontName=name)  # not reportlab's unembedded Helvetica
    drawing.add(String(width / 2, height - 14, title, fontName=name, fontSize=11, textAnchor="middle"))
    chart = VerticalBarChart()
    chart.x, chart.y = 46, below
    chart.width, chart.height = width - 60, height - 50 - below
    chart.data = [list(values) for _label, values in series] or [[0] * len(categories)]
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = name
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.angle = 30 if crowded else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if crowded else "n"
    chart.valueAxis.labels.fontName = name
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda value: value_format.format(value)
    chart.groupSpacing = 8
    chart.barSpacing = 1
    for position in range(len(chart.data)):
        chart.bars[position].fillColor = PALETTE[position % len(PALETTE)]
        chart.bars[position].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = 46, height - 26
        legend.fontName = name
        legend.fontSize = 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 90
        legend.dx = legend.dy = 7
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], label) for i, (label, _v) in enumerate(series)]
        drawing.add(legend)
    return drawing
