"""The main window: sidebar of pages, production switcher, menus, undo/redo and remembered layout."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QWidget,
)

from studio import __version__, operations
from studio.errors import UserError
from studio.productions import ProductionDetails, get_production, list_productions
from studio.resources import RESOURCES_DIR
from ui.background import wait_for_background_work
from ui.backup_keeper import BackupKeeper
from ui.database_actions import DatabaseActions
from ui.i18n import choose_language, current_language, install_translators, temperature_unit
from ui.lazy import on_first_call
from ui.page_stack import PAGE_KEYS, PAGES, PageStack
from ui.pages.base import Page
from ui.production_dialog import ProductionDialog
from ui.script_import import ImportHost, ScriptImport
from ui.settings import AppSettings
from ui.welcome import WelcomePage
from ui.workspace import Workspace

write_contact_sheet = on_first_call("studio.exports.contacts", "write_contact_sheet")  # reportlab, openpyxl

# Windows rebuilt in another language: kept here until closed (a top-level window needs a reference).
REBUILT: set[MainWindow] = set()


def icon(name: str) -> QIcon:
    return QIcon(str(RESOURCES_DIR / "icons" / f"{name}.svg"))


class MainWindow(QMainWindow):
    page_keys = PAGE_KEYS  # the sidebar's pages, in order

    def __init__(self, settings: AppSettings | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or AppSettings()
        self.workspace = Workspace(self)
        self.welcome = WelcomePage(self)

        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.addItems([entry.title() for entry in PAGES])
        self.sidebar.setMinimumWidth(140)
        self.sidebar.setStyleSheet(
            "QListWidget#sidebar { font-size: 14px; } QListWidget#sidebar::item { padding: 8px 10px; }"
        )
        self.stack = PageStack(self.workspace, self._page_built, self)
        self.stack.addWidget(self.welcome)
        self.sidebar.currentRowChanged.connect(self.stack.show_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1000])
        self.setCentralWidget(self.splitter)

        self.production_switcher = QComboBox(self)
        self.production_switcher.setObjectName("productionSwitcher")
        self.production_switcher.setMinimumContentsLength(28)
        self.production_switcher.currentIndexChanged.connect(self._switch_production)
        self.databases = DatabaseActions(
            self, self.workspace, self.settings, show_error=self.show_error, tell=self.statusBar().showMessage
        )
        self.script_import = ScriptImport(
            ImportHost(
                self,
                self.workspace,
                open_database=self.databases.ensure_open,
                current_production=self.current_production,
                show_error=self.show_error,
                show_imported=self._show_imported,
            )
        )
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.backups = BackupKeeper(self.workspace, self.settings.backup_minutes(), self)
        self.backups.backedUp.connect(self._backed_up)
        self.backups.failed.connect(self._backup_failed)
        self.backup_status = QLabel(self)
        self.backup_status.setObjectName("backupStatus")
        self.read_only_status = QLabel(self.tr("Read-only"), self)
        self.read_only_status.setObjectName("readOnlyStatus")
        self.read_only_status.setStyleSheet("QLabel { color: #9a5b00; font-weight: bold; }")
        self.statusBar().addPermanentWidget(self.read_only_status)
        self.statusBar().addPermanentWidget(self.backup_status)
        self.read_only_status.hide()

        QApplication.instance().applicationStateChanged.connect(self._application_state_changed)
        # The list of productions, read again when the one shown changes and when any changes.
        self.workspace.productionChanged.connect(self._refresh_productions)
        self.workspace.changed.connect(lambda changes: changes.touches({"production"}) and self._refresh_productions())
        self.workspace.changedElsewhere.connect(self._refresh_productions)
        self.workspace.operationFailed.connect(lambda message: self.show_error(self.tr("Not saved"), message))
        self.welcome.newProductionRequested.connect(self.new_production)
        self.welcome.demoRequested.connect(self.databases.open_demo)
        self.welcome.importRequested.connect(self.script_import.choose_files)
        self.resize(QSize(1280, 800))
        self._restore_layout()
        self.sidebar.setCurrentRow(0)

    # --- set-up -------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_production_action = self._action(self.tr("New &Production…"), self.new_production, "Ctrl+Shift+N")
        self.import_action = self._action(
            self.tr("&Import Script…"), lambda: self.script_import.choose_files(), "Ctrl+I"
        )
        self.backup_now_action = self._action(self.tr("&Back Up Now"), lambda: self.backups.back_up("manual"))
        self.export_contacts_action = self._action(self.tr("&Contact Sheet (PDF or Excel)…"), self.export_contacts)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.workspace.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self.workspace.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setIcon(icon("redo"))
        self.details_action = self._action(self.tr("Production &Details…"), self.edit_production_details)
        self.about_action = self._action(self.tr("&About Cliffhanger"), self.show_about)

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        databases = self.databases
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_production_action)
        file_menu.addActions([databases.new_database_action, databases.open_database_action, databases.connect_action])
        databases.add_recent_menu(file_menu)
        file_menu.addActions([databases.open_demo_action, databases.reset_demo_action])
        file_menu.addSeparator()
        file_menu.addActions([self.backup_now_action, databases.restore_action])
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        export_menu = file_menu.addMenu(self.tr("&Export"))
        export_menu.addAction(self.export_contacts_action)
        export_menu.addAction(databases.export_copy_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.details_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.page_actions = []
        for number, entry in enumerate(PAGES):
            action = view_menu.addAction(entry.title())
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, row=number: self.show_page(row))
            self.page_actions.append(action)
        view_menu.addSeparator()
        self._build_language_menu(view_menu)
        self._build_temperature_menu(view_menu)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        help_menu.addAction(self.tr("About &Qt"), lambda: QMessageBox.aboutQt(self))

    def _build_language_menu(self, view_menu) -> None:
        """View → Language: remembered for the next start; the window reopens in it at once."""
        menu = view_menu.addMenu(self.tr("&Language"))
        menu.setObjectName("languageMenu")
        group = QActionGroup(menu)
        chosen = self.settings.language()
        self.language_actions: dict[str | None, QAction] = {}
        for code, text, native in (
            (None, self.tr("System language"), ""),
            ("en", self.tr("English"), "English"),
            ("zh_CN", self.tr("Simplified Chinese"), "简体中文"),
        ):
            # Each language also named in itself, so a person who cannot read this one finds their own.
            action = menu.addAction(text if text == native or not native else f"{text} ({native})")
            action.setProperty("nativeName", native)
            action.setObjectName(f"language_{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            self.language_actions[code] = action

    def _build_temperature_menu(self, view_menu) -> None:
        """View → Temperatures: °C or °F on screen (stored in °F whatever is shown)."""
        menu = view_menu.addMenu(self.tr("&Temperatures"))
        menu.setObjectName("temperatureMenu")
        group = QActionGroup(menu)
        chosen = self.settings.temperature_unit()
        for code, text in (
            (None, self.tr("As the language has them (°C in Chinese, °F in English)")),
            ("C", self.tr("Celsius (°C)")),
            ("F", self.tr("Fahrenheit (°F)")),
        ):
            action = menu.addAction(text)
            action.setObjectName(f"temperature_{code or 'language'}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, code=code: self.choose_temperature_unit(code))

    def choose_temperature_unit(self, unit: str | None) -> None:
        self.settings.set_temperature_unit(unit)
        for page in self.stack.built_pages():
            if page.key == "callsheets":
                page.set_temperature_unit(temperature_unit(self.settings))

    def choose_language(self, language: str | None) -> MainWindow | None:
        """Remember the language (None: the system's) for the next start, and show it now: the window is
        rebuilt in it on the same database, production and page. Returns the new window, if there is one."""
        self.settings.set_language(language)
        wanted = choose_language(language)
        if wanted == current_language():
            return None
        return self.reopen_in(wanted)

    def reopen_in(self, language: str) -> MainWindow | None:
        """This window, rebuilt in `language` as a restart would: every edit is saved as it is made, so the
        new window opens the same database (read-only if this one had it so), production and page, with
        the same layout. Only the undo history is not carried over, and the user is asked first if
        there is one."""
        if self.workspace.undo_stack.count():
            answer = QMessageBox.question(
                self,
                self.tr("Change the language"),
                self.tr(
                    "The window reopens in the new language on the same page; everything is saved, but "
                    "Undo will not go back past this point. Change the language now?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()  # a field or cell being typed in is saved as leaving it would
        wait_for_background_work()
        database = self.workspace.database
        opened = (database.url, database.read_only) if database is not None else None
        production_id, row = self.workspace.production_id, self.sidebar.currentRow()
        self.save_layout()
        self.workspace.close()  # lets go of the file's lock for the new window
        install_translators(QApplication.instance(), language)
        window = MainWindow(self.settings)
        REBUILT.add(window)
        if opened is not None and window.databases.open(opened[0], read_only=opened[1]):
            if production_id is not None and production_id != window.workspace.production_id:
                window.show_production(production_id)
            window.show_page(row)
        if self.isMaximized():
            window.showMaximized()
        else:
            window.setGeometry(self.geometry())  # where it was, exactly (the settings' copy is fitted to a screen)
            window.show()
        self.close()
        return window

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Production"), self)
        toolbar.setObjectName("productionToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addWidget(QLabel(self.tr("Production:") + " ", self))
        toolbar.addWidget(self.production_switcher)
        spacer = QWidget(self)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        self.addToolBar(toolbar)

    def _application_state_changed(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self.workspace.database is not None:
            self.workspace.look_for_changes()  # back at the window: what colleagues saved meanwhile

    def _backed_up(self, backup) -> None:
        if backup.reason == "manual":
            self.statusBar().showMessage(self.tr("Backed up to %1").replace("%1", str(backup.path)), 10000)
        self.backup_status.setStyleSheet("")
        taken = QLocale().toString(backup.taken_at.time(), QLocale.FormatType.ShortFormat)
        self.backup_status.setText(self.tr("Backed up %1").replace("%1", taken))
        self.backup_status.setToolTip(str(backup.path))

    def _backup_failed(self, message: str) -> None:
        self.backup_status.setStyleSheet("QLabel { color: #b00020; }")
        self.backup_status.setText(self.tr("Backup failed"))
        self.backup_status.setToolTip(message)
        self.statusBar().showMessage(message, 15000)

    def export_contacts(self) -> None:
        """Cast, crew and locations with their contacts (never rates), headed in English and Chinese."""
        self.page("crew").export_file(
            self.tr("Export contact sheet"),
            "contacts.pdf",
            self.tr("PDF documents (*.pdf);;Excel workbooks (*.xlsx)"),
            lambda session, production_id, path: write_contact_sheet(session, production_id, path, "en+zh"),
        )

    # --- productions --------------------------------------------------------------------------

    def new_production(self) -> None:
        if not self.databases.ensure_open():
            return
        dialog = ProductionDialog(self)
        if not dialog.exec():
            return
        details = dialog.details().validated()
        try:
            label = self.tr("New production %1").replace("%1", details.title)
            self.workspace.apply(operations.create_production, details, label=label)
        except UserError as error:
            self.show_error(self.tr("Not saved"), str(error))

    def edit_production_details(self) -> None:
        production = self.current_production()
        if production is None:
            return
        current = ProductionDetails.of(production)
        dialog = ProductionDialog(self, current)
        if not dialog.exec():
            return
        wanted = dialog.details().validated()
        values = {field: getattr(wanted, field) for field in ("title", "title_zh", "company")}
        try:
            # From the production as the dialog showed it: a colleague's save meanwhile is kept, not overwritten.
            label = self.tr("Edit production details")
            self.workspace.apply(operations.edit, "production", production.id, values, production.version, label=label)
        except UserError as error:
            self.show_error(self.tr("Not saved"), str(error))

    def current_production(self):
        if self.workspace.database is None or self.workspace.production_id is None:
            return None
        return next((p for p in self.workspace.read(list_productions) if p.id == self.workspace.production_id), None)

    def _refresh_productions(self) -> None:
        productions = self.workspace.read(list_productions) if self.workspace.database else []
        self.production_switcher.blockSignals(True)
        self.production_switcher.clear()
        for production in productions:
            self.production_switcher.addItem(production.display_title(), production.id)
        self.production_switcher.blockSignals(False)
        self.production_switcher.setEnabled(bool(productions))
        self._show_production()

    def show_production(self, production_id: int) -> None:
        try:
            self.workspace.set_production(self.workspace.read(get_production, production_id).id)
        except UserError as error:
            self.show_error(self.tr("Cannot open the production"), str(error))

    def _switch_production(self, index: int) -> None:
        self.workspace.set_production(self.production_switcher.itemData(index))

    def _show_production(self) -> None:
        self.production_switcher.blockSignals(True)
        self.production_switcher.setCurrentIndex(self.production_switcher.findData(self.workspace.production_id))
        self.production_switcher.blockSignals(False)
        has_production = self.workspace.production_id is not None
        editable = not self.workspace.read_only  # with no database open, these open the usual one first
        self.sidebar.setEnabled(has_production)
        self.details_action.setEnabled(has_production and editable)
        for offer in (self.new_production_action, self.import_action):
            offer.setEnabled(editable)
        for button in (self.welcome.new_button, self.welcome.import_button):
            button.setEnabled(editable)
        self.export_contacts_action.setEnabled(has_production)
        self.databases.offer_what_the_database_allows()
        has_file = self.workspace.database is not None and self.workspace.database.path is not None
        self.backup_now_action.setEnabled(has_file and not self.workspace.read_only)
        self.read_only_status.setVisible(self.workspace.read_only)
        self.read_only_status.setToolTip(
            self.tr("This database is open read-only: nothing can be changed.")
            if has_file or not self.workspace.read_only
            else self.tr("Your login on this server may read but not change anything.")
        )
        self._offer_pages()
        if not has_file:
            self.backup_status.clear()
        if has_production:
            self.stack.show_page(max(self.sidebar.currentRow(), 0))
        else:
            self.stack.setCurrentWidget(self.welcome)
        self._update_title()

    def _offer_pages(self) -> None:
        """Leave out the pages of money for a login the server keeps from it (a crew member's)."""
        for row, entry in enumerate(PAGES):
            hidden = entry.all_money and not self.workspace.sees_money
            self.sidebar.item(row).setHidden(hidden)
            self.page_actions[row].setEnabled(not hidden)
        if self.sidebar.currentItem() is None or self.sidebar.currentItem().isHidden():
            self.sidebar.setCurrentRow(0)

    def _update_title(self) -> None:
        parts = ["Cliffhanger"]
        index = self.production_switcher.findData(self.workspace.production_id)
        if index >= 0:
            parts.append(self.production_switcher.itemText(index))
        if self.workspace.database is not None:
            parts.append(self.workspace.database.describe())
        if self.workspace.read_only:
            parts.append(self.tr("read-only"))
        self.setWindowTitle(" — ".join(parts))

    # --- pages, messages, layout ------------------------------------------------------------

    def show_page(self, row: int) -> None:
        if self.workspace.production_id is not None and not self.sidebar.item(row).isHidden():
            self.sidebar.setCurrentRow(row)

    def page(self, key: str) -> Page:
        """The page, built the first time it is asked for (a start builds only the one it shows)."""
        return self.stack.page(key)

    def _page_built(self, page: Page) -> None:
        self._restore_splitters(page)
        if page.key == "callsheets":
            page.set_temperature_unit(temperature_unit(self.settings))

    def _show_imported(self, message: str) -> None:
        self.show_page(0)
        self.statusBar().showMessage(message, 15000)

    def show_error(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorMessage")
        box.open()

    def show_about(self) -> None:
        database = self.workspace.database.describe() if self.workspace.database else self.tr("none")
        QMessageBox.about(
            self,
            self.tr("About Cliffhanger"),
            self.tr(
                "<h3>Cliffhanger %1</h3><p>Production manager for micro-drama producers: scripts, cast, "
                "schedules, budgets and call sheets, in English and Chinese.</p><p>Database: %2</p>"
            )
            .replace("%1", __version__)
            .replace("%2", database),
        )

    def _restore_layout(self) -> None:
        geometry = self.settings.layout("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._restore_splitters(self)

    def _restore_splitters(self, widget: QWidget) -> None:
        """As they were left (a page's when it is built)."""
        for splitter in widget.findChildren(QSplitter):
            state = self.settings.layout(splitter.objectName())
            if state is not None:
                splitter.restoreState(state)

    def save_layout(self) -> None:
        self.settings.save_layout("geometry", self.saveGeometry())
        for splitter in self.findChildren(QSplitter):  # the pages built: the others' are kept as they were
            self.settings.save_layout(splitter.objectName(), splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        wait_for_background_work()
        self.save_layout()
        self.workspace.close()
        super().closeEvent(event)
        if self in REBUILT:  # let go on the next turn of the event loop, not while Qt is still closing it
            QTimer.singleShot(0, lambda: REBUILT.discard(self))
