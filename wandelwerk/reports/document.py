"""The strategy report as a document: one HTML file (the page and the source of the PDF) and
its PDF (WeasyPrint: title page, contents with page numbers, page numbers, charts as vectors,
German hyphenation, PDF/A-2b)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.templatetags.static import static

FONTS = "vendor/kern/fonts/fira-sans/"  # the design system's typeface, shipped with it


def html(context: dict[str, Any], *, font_base: str | None = None) -> str:
    return render_to_string(
        "reports/document.html", {**context, "font_base": font_base or static(FONTS)}
    )


def pdf(context: dict[str, Any]) -> bytes:
    from weasyprint import HTML  # loads Pango: only where a PDF is made

    result = HTML(string=html(context, font_base=font_files())).write_pdf(pdf_variant="pdf/a-2b")
    assert result is not None
    return result


def font_files() -> str:
    """Where WeasyPrint finds the typeface: the static files' folder as a file URL."""
    regular = finders.find(FONTS + "FiraSans-Regular.woff2")
    return Path(str(regular)).parent.as_uri() + "/" if regular else ""
