"""The PySide6 user interface: windows, pages, item models over studio queries, undo commands."""
