"""Server-side SVG charts: valid XML, an accessible name, no clashing ids, nothing external."""

import xml.dom.minidom

from infolijn.core.charts import Series, bar_chart, line_chart


def test_line_chart_is_valid_accessible_svg_with_gaps_and_target():
    svg = line_chart(
        "Servicelevel per dag",
        ["ma", "di", "wo"],
        [Series("Opgroeien", [0.8, None, 0.9]), Series("Wonen", [0.7, 0.75, 0.85])],
        description="Servicelevel van twee partners over drie dagen.",
        target=0.8,
    )
    document = xml.dom.minidom.parseString(svg)  # noqa: S318 - our own output
    root = document.documentElement
    assert root.getAttribute("role") == "img"
    assert root.getAttribute("aria-label") == "Servicelevel per dag"
    assert root.getElementsByTagName("title")[0].firstChild.data == "Servicelevel per dag"
    assert "http://" not in svg.replace("http://www.w3.org", "").replace("http://purl.org", "")
    assert "<script" not in svg


def test_two_charts_on_one_page_do_not_share_ids_and_titles_are_escaped():
    first = bar_chart("A <b>", ["x"], [Series("s", [1])], description="een")
    second = bar_chart("B", ["x"], [Series("s", [1])], description="twee")

    def ids(svg):
        elements = xml.dom.minidom.parseString(svg).getElementsByTagName("*")  # noqa: S318
        return {el.getAttribute("id") for el in elements if el.getAttribute("id")}

    assert ids(first) and not ids(first) & ids(second)
    assert "A &lt;b&gt;" in first
