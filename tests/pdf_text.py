"""PDFs read back as poppler's pdftotext reads them (in C: pypdf's extraction took seconds over a day's mail)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(source: Path | bytes, *options: str) -> str:
    """The text of a PDF file or of a PDF's bytes; `options` are pdftotext's (-layout, -bbox…)."""
    given = source if isinstance(source, bytes) else None
    argument = "-" if given is not None else str(source)
    return subprocess.run(
        ["pdftotext", *options, argument, "-"], input=given, capture_output=True, check=True
    ).stdout.decode()


def pdf_pages(source: Path | bytes, *options: str) -> list[str]:
    """Each page's text."""
    return pdf_text(source, *options).split("\f")[:-1]


def pdf_text_squeezed(source: Path | bytes) -> str:
    """The text with all white space removed (extraction spaces Chinese and table cells its own way)."""
    return "".join(pdf_text(source).split())


def pdf_text_spaced(source: Path | bytes) -> str:
    """The text with each run of white space made one space."""
    return " ".join(pdf_text(source).split())
