"""The sidebar's pages, in order, and the stack that shows them. A page's module is imported and the
page built the first time it is shown or asked for: a start builds only the page it opens on."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStackedWidget, QWidget

from ui.pages.base import Page
from ui.workspace import Workspace


@dataclass(frozen=True)
class PageEntry:
    key: str  # its module in ui.pages
    class_name: str
    title: Callable[[], str]  # in the interface's language
    all_money: bool = False  # rates and costs only (the budget): not shown to a login kept from money


PAGES = (
    PageEntry("script", "ScriptPage", lambda: QCoreApplication.translate("Pages", "Script")),
    PageEntry("breakdown", "BreakdownPage", lambda: QCoreApplication.translate("Pages", "Breakdown")),
    PageEntry("cast", "CastPage", lambda: QCoreApplication.translate("Pages", "Cast")),
    PageEntry("crew", "CrewPage", lambda: QCoreApplication.translate("Pages", "Crew")),
    PageEntry("locations", "LocationsPage", lambda: QCoreApplication.translate("Pages", "Locations")),
    PageEntry("schedule", "SchedulePage", lambda: QCoreApplication.translate("Pages", "Schedule")),
    PageEntry("callsheets", "CallSheetsPage", lambda: QCoreApplication.translate("Pages", "Call Sheets")),
    PageEntry("budget", "BudgetPage", lambda: QCoreApplication.translate("Pages", "Budget"), all_money=True),
    PageEntry(
        "reports",
        "ProductionReportPage",
        lambda: QCoreApplication.translate("Pages", "Production Report"),
        all_money=True,  # each day's hot cost and everyone's pay
    ),
)
PAGE_KEYS = tuple(entry.key for entry in PAGES)


class PageStack(QStackedWidget):
    """One place per page, in sidebar order, then any other widgets added (the welcome page). Until a
    page is built its place holds an empty widget; `built(page)` runs once for each page built."""

    def __init__(self, workspace: Workspace, built: Callable[[Page], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.built = built
        self._pages: dict[str, Page] = {}
        for _entry in PAGES:
            self.addWidget(QWidget(self))

    def page(self, key: str) -> Page:
        page = self._pages.get(key)
        if page is None:
            row = PAGE_KEYS.index(key)
            entry = PAGES[row]
            page_class = getattr(importlib.import_module(f"ui.pages.{key}"), entry.class_name)
            page = self._pages[key] = page_class(self.workspace, self)
            placeholder = self.widget(row)
            self.insertWidget(row, page)
            self.removeWidget(placeholder)
            placeholder.deleteLater()
            self.built(page)
        return page

    def show_page(self, row: int) -> None:
        self.setCurrentWidget(self.page(PAGE_KEYS[row]))

    def built_pages(self) -> list[Page]:
        return list(self._pages.values())
