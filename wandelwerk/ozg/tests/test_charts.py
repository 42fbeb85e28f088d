"""The generic bar and line charts: accessible SVG, German numbers, sensible layout."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from wandelwerk.core.charts.bars import bar_chart, stacked_bars
from wandelwerk.core.charts.lines import Series, line_chart, lines_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def test_stacked_bars_are_an_accessible_image_with_german_numbers():
    svg = parse(
        stacked_bars(
            [("Bürger", [1200, 300]), ("Unternehmen <GmbH>", [5, 0])],
            ["offline", "online"],
            title="Leistungen",
            ident="t1",
        )
    )
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "t1-t t1-d"
    assert svg.find(f"{SVG}title").text == "Leistungen"
    assert "2 Balken" in svg.find(f"{SVG}desc").text
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert "1.500" in labels and "Unternehmen <GmbH>" in labels  # escaped, parsed back
    tips = [t.text for t in svg.iter(f"{SVG}title")]
    assert "Bürger: offline 1.200" in tips
    assert len([r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]) == 3


def test_a_long_legend_wraps_inside_the_chart():
    series = [f"Stufe {i} mit einem recht langen Namen" for i in range(6)]
    svg = parse(stacked_bars([("A", [1] * 6)], series, title="T", ident="t2", width=500))
    legend = [r for r in svg.iter(f"{SVG}rect") if r.get("width") == "12"]
    assert len({r.get("y") for r in legend}) > 1
    assert all(float(r.get("x")) < 500 for r in legend)


def test_bar_chart_has_no_legend_and_keeps_decimals():
    svg = parse(
        bar_chart(
            [("A", 2.5), ("B", 10)], title="Anteil", ident="t3", decimals=1, value_suffix=" %"
        )
    )
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert labels == ["A", "2,5 %", "B", "10,0 %"]


def test_empty_charts_still_render():
    assert 'role="img"' in stacked_bars([], ["x"], title="Leer", ident="e1")
    assert 'role="img"' in line_chart([], title="Leer", ident="e2")


def test_line_chart_places_points_by_date():
    d = dt.date
    points = [(d(2026, 3, 31), 10.0), (d(2026, 6, 30), 20.0), (d(2026, 7, 10), 25.0)]
    svg = parse(line_chart(points, title="Anteil", ident="l1", y_max=100, y_suffix=" %"))
    xs = [float(c.get("cx")) for c in svg.iter(f"{SVG}circle")]
    assert xs[2] - xs[1] < (xs[1] - xs[0]) / 5  # 10 days versus 91 days
    tips = [c.find(f"{SVG}title").text for c in svg.iter(f"{SVG}circle")]
    assert tips[0] == "31.03.2026: 10,0 %"
    axis = [t.text for t in svg.iter(f"{SVG}text")]
    assert "100 %" in axis and "07/2026" in axis


def test_several_lines_get_a_legend_and_their_own_colours():
    d = dt.date
    markup = lines_chart(
        [
            Series("Musterstadt", [(d(2026, 1, 1), 1.0), (d(2026, 4, 1), 2.0)]),
            Series("Beispieldorf", [(d(2026, 1, 1), 0.5)]),
        ],
        title="Vergleich",
        ident="l2",
    )
    svg = parse(markup)
    strokes = {p.get("stroke") for p in svg.iter(f"{SVG}path")}
    assert len(strokes) == 2
    assert {"Musterstadt", "Beispieldorf"} <= {t.text for t in svg.iter(f"{SVG}text")}
    assert re.search(r"Musterstadt, 01\.04\.2026: 2,0", markup)
