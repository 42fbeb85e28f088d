"""The strategy report as a document: one HTML file (the page and the source of the PDF) and
its PDF (WeasyPrint: title page, contents with page numbers, page numbers, charts as vectors,
German hyphenation, PDF/A-2b)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

FONTS = "vendor/kern/fonts/fira-sans/"  # the design system's typeface, shipped with it


STYLESHEET = "wandelwerk/report.css"
FONTS_FROM_STYLESHEET = "../vendor/kern/fonts/fira-sans/"


def css(font_base: str) -> str:
    """The report's stylesheet for a file of its own (the PDF, the HTML download): its fonts
    looked for under ``font_base``."""
    found = finders.find(STYLESHEET)
    text = Path(str(found)).read_text(encoding="utf-8") if found else ""
    return text.replace(FONTS_FROM_STYLESHEET, font_base)


def html(context: dict[str, Any], *, standalone: bool = True, font_base: str = "") -> str:
    """The report as HTML: ``standalone`` with its stylesheet inside (a file to keep), else
    linking the stylesheet (the page the application serves, under its security policy)."""
    return render_to_string(
        "reports/document.html", {**context, "css": css(font_base) if standalone else ""}
    )


MISSING_PANGO = (
    "Für PDF-Dateien braucht Wandelwerk die Textsatz-Bibliothek Pango des Systems "
    "(Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0). HTML und Word gehen ohne."
)


def pdf_engine() -> Any:
    """WeasyPrint's HTML class; it loads Pango from the system, which may be missing."""
    try:
        from weasyprint import HTML
    except OSError as exc:
        raise RuntimeError(MISSING_PANGO) from exc
    return HTML


PDF_VARIANT = "pdf/a-2b"  # ISO 19005-2, level B: kept and read unchanged for decades


def pdf_of(source: str) -> bytes:
    """A PDF/A-2b file of an HTML document whose fonts lie under ``font_files()``."""
    result = pdf_engine()(string=source).write_pdf(pdf_variant=PDF_VARIANT)
    assert result is not None
    return result


def pdf(context: dict[str, Any]) -> bytes:
    return pdf_of(html(context, font_base=font_files()))


def font_files() -> str:
    """Where WeasyPrint finds the typeface: the static files' folder as a file URL."""
    regular = finders.find(FONTS + "FiraSans-Regular.woff2")
    return Path(str(regular)).parent.as_uri() + "/" if regular else ""
