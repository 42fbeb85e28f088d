"""Names on charts are shown whole: wrapped between words, never cut or broken inside one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wandelwerk.core.charts.gantt import Bar, gantt
from wandelwerk.core.charts.graph import layered_graph
from wandelwerk.core.charts.svg import wrap

LONG = "OZG-Leistung über eine EfA-Lösung anbinden: Gewerbeanmeldung (Bürgerbüro und Ordnungsamt)"

words = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß-", min_size=1), min_size=1)


@given(words, st.integers(5, 40))
def test_wrapping_keeps_every_word_whole_and_in_order(parts, width):
    lines = wrap(" ".join(parts), width)
    assert " ".join(lines).split() == parts
    assert all(len(line) <= width or " " not in line for line in lines)


def test_the_gantt_chart_and_the_graph_show_the_whole_name():
    chart = gantt(
        [Bar("a", LONG, 0, 1, "#0b4f8a")], ["1. Hj. 2027", "2. Hj. 2027"], [], title="T", ident="g"
    )
    graph = layered_graph([("a", LONG, "digital")], [], title="T", ident="d")
    for svg in (chart, graph):
        assert "…" not in svg
        texts = [t.split("</text>")[0] for t in svg.split("<text")[1:]]
        shown = [" ".join(p.split(">")[-1] for p in t.split("</tspan>")[:-1]) for t in texts]
        assert LONG in [" ".join(lines.split()) for lines in shown]


def test_a_narrow_gantt_chart_puts_the_half_year_over_its_year():
    columns = ["1. Hj. 2027", "2. Hj. 2027"]
    chart = gantt(
        [Bar("a", "A", 0, 1, "#0b4f8a")], columns, [], title="T", ident="g", column_width=52
    )
    assert chart.count(">1. Hj.</tspan>") == 1 and chart.count(">2027</tspan>") == 2
