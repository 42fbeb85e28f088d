"""The report as an editable Word file, made from the same HTML as the page and the PDF: headings
become Word's heading styles (so Word's navigation and table of contents work), tables real
tables, charts pictures."""

from __future__ import annotations

import copy
import io
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree
from lxml import html as lxml_html

from wandelwerk.reports import document

HEADINGS = {"h1": 0, "h2": 1, "h3": 2}
CAMEL_CASE = ("viewBox", "refX", "refY", "markerWidth", "markerHeight", "preserveAspectRatio",
              "textLength", "lengthAdjust", "markerUnits")  # fmt: skip


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


def _picture(svg: Any) -> io.BytesIO | None:
    """The chart as a PNG picture; None where the system lacks Cairo (the table beside each
    chart carries the same figures)."""
    try:
        import cairosvg
    except (ImportError, OSError):
        return None
    svg = copy.deepcopy(svg)
    box = (svg.get("viewbox") or "").split()
    if len(box) == 4:  # drawn to fit the page (width 100 %): give Cairo its own size
        svg.set("width", box[2])
        svg.set("height", box[3])
    markup = etree.tostring(svg, encoding="unicode")
    for name in CAMEL_CASE:  # the HTML parser lowered SVG's mixed-case attribute names
        markup = markup.replace(f" {name.lower()}=", f" {name}=")
    png = cairosvg.svg2png(bytestring=markup.encode(), output_width=1600)
    return io.BytesIO(png)


def _contents_field(doc: Any) -> None:
    """Word's own table of contents (filled in when Word updates the fields on opening)."""
    paragraph = doc.add_paragraph()
    run = paragraph.add_run()
    begin, code, separate, end = (OxmlElement("w:fldChar"), OxmlElement("w:instrText"),
                                  OxmlElement("w:fldChar"), OxmlElement("w:fldChar"))  # fmt: skip
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = 'TOC \\o "1-2" \\h \\z \\u'
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    run._r.extend([begin, code, separate])
    paragraph.add_run("Inhaltsverzeichnis: in Word mit F9 aktualisieren.")
    paragraph.add_run()._r.append(end)


def _table(doc: Any, table: Any) -> None:
    caption = table.find("caption")
    if caption is not None:
        doc.add_paragraph(_text(caption), style="Caption")
    rows = table.xpath("./thead/tr | ./tbody/tr | ./tr")
    if not rows:
        return
    width = max(len(r.xpath("./th|./td")) for r in rows)
    grid = doc.add_table(rows=0, cols=width)
    grid.style = "Table Grid"
    for r in rows:
        cells = grid.add_row().cells
        for i, cell in enumerate(r.xpath("./th|./td")):
            cells[i].text = _text(cell)
            if cell.tag == "th" or r.getparent().tag == "thead":
                for run in cells[i].paragraphs[0].runs:
                    run.bold = True
    header = grid.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)


def _walk(doc: Any, element: Any) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        classes = child.get("class", "")
        if tag in HEADINGS:
            doc.add_heading(_text(child), level=HEADINGS[tag])
        elif tag == "nav":
            doc.add_heading(_text(child.find("h2")), level=1)
            _contents_field(doc)
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif tag == "p":
            doc.add_paragraph(_text(child))
        elif tag == "ul":
            for item in child.findall("li"):
                doc.add_paragraph(_text(item), style="List Bullet")
        elif tag == "table":
            _table(doc, child)
        elif tag == "figure":
            svg = child.find(".//{http://www.w3.org/2000/svg}svg")
            svg = svg if svg is not None else child.find(".//svg")
            picture = _picture(svg) if svg is not None else None
            caption = child.find("figcaption")
            if caption is not None:
                doc.add_paragraph(_text(caption), style="Caption")
            if picture is not None:
                doc.add_picture(picture, width=Cm(16))
        elif tag in ("section", "div", "header"):
            _walk(doc, child)
            if "rp-title" in classes:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def docx(context: dict[str, Any]) -> bytes:
    tree = lxml_html.fromstring(document.html(context))
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    name = "Umsetzungsbericht" if context.get("kind") == "progress" else "Digitalisierungsstrategie"
    doc.core_properties.title = f"{name} {context['municipality'].name}"
    doc.core_properties.language = "de-DE"
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2.2)
    _walk(doc, tree.find("body"))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
