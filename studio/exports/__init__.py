"""Documents the app writes: PDFs (reportlab) and spreadsheets, always written whole or not at all."""
