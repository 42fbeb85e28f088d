"""What makes a file PDF/A-2b (ISO 19005-2, level B), checked on its structure: the rules a
validator most often finds broken in generated files. Not a full validator: it does not parse
the content streams or compare glyph widths with the font programs."""

from __future__ import annotations

import io
import re
from typing import Any
from xml.sax.saxutils import escape

PRINT, HIDDEN, NO_VIEW = 4, 2, 32  # annotation flags (ISO 32000-1, 12.5.3)
FONT_PROGRAMS = ("/FontFile", "/FontFile2", "/FontFile3")


def _fonts(resources: Any, seen: set[int]) -> list[Any]:
    """Every font of a resource dictionary and of the forms and patterns it draws, once each."""
    if resources is None or id(resources) in seen:
        return []
    seen.add(id(resources))
    resources = resources.get_object()
    found = [font.get_object() for font in resources.get("/Font", {}).values()]
    for key in ("/XObject", "/Pattern"):
        for inner in resources.get(key, {}).values():
            found += _fonts(inner.get_object().get("/Resources"), seen)
    return found


def _embedded(font: Any) -> bool:
    if font["/Subtype"] == "/Type3":
        return True  # drawn by the file's own glyph procedures
    described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
    descriptor = described.get("/FontDescriptor")
    return descriptor is not None and any(k in descriptor.get_object() for k in FONT_PROGRAMS)


def problems(data: bytes) -> list[str]:
    """What keeps ``data`` from being PDF/A-2b; empty when nothing was found."""
    from pypdf import PdfReader

    found: list[str] = []
    header = data.split(b"\n", 2)
    if not re.fullmatch(rb"%PDF-1\.[4-7]", header[0]) or min(header[1][1:5], default=0) < 128:
        found.append("Kopfzeile: Version bis 1.7 und eine Binärkommentarzeile")
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        found.append("verschlüsselt")
    if "/ID" not in reader.trailer:
        found.append("keine Dateikennung (/ID)")
    root = reader.trailer["/Root"]
    metadata = root.get("/Metadata")
    xmp = metadata.get_object().get_data().decode() if metadata else ""
    if 'pdfaid:part="2"' not in xmp or 'pdfaid:conformance="B"' not in xmp:
        found.append("XMP nennt nicht PDF/A-2b")
    if re.search(r"<\?xpacket[^>]*(bytes|encoding)=", xmp):
        found.append("XMP-Kopf mit bytes oder encoding")
    title = (reader.metadata or {}).get("/Title")
    if title and f">{escape(title)}<" not in xmp:
        found.append("Titel im Info-Verzeichnis und im XMP verschieden")
    intents = [i.get_object() for i in root.get("/OutputIntents", [])]
    if not any(i.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents):
        found.append("kein PDF/A-Ausgabeprofil mit ICC-Profil")
    if "/JavaScript" in root.get("/Names", {}) or "/EmbeddedFiles" in root.get("/Names", {}):
        found.append("JavaScript oder eingebettete Dateien")
    if "/AA" in root:
        found.append("automatische Aktionen")
    seen: set[int] = set()
    for number, page in enumerate(reader.pages, start=1):
        for font in _fonts(page.get("/Resources"), seen):
            name = font.get("/BaseFont")
            if not _embedded(font):
                found.append(f"Seite {number}: Schrift {name} nicht eingebettet")
            for cid_font in (d.get_object() for d in font.get("/DescendantFonts", [])):
                if cid_font["/Subtype"] == "/CIDFontType2" and "/CIDToGIDMap" not in cid_font:
                    found.append(f"Seite {number}: Schrift {name} ohne CIDToGIDMap")
        for annotation in page.get("/Annots", None) or []:
            flags = int(annotation.get_object().get("/F", 0))
            if not flags & PRINT or flags & (HIDDEN | NO_VIEW):
                found.append(f"Seite {number}: Anmerkung nicht druckbar oder verborgen")
        if "/AA" in page:
            found.append(f"Seite {number}: automatische Aktionen")
    return found


def typefaces(data: bytes) -> set[str]:
    """The fonts the text of ``data`` is set in."""
    from pypdf import PdfReader

    used: set[str] = set()

    def seen(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        if font is not None and text.strip():
            used.add(str(font.get("/BaseFont")))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=seen)
    return used
