"""Crew: who works on the production, by department, and who speaks Mandarin, English or both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QToolBar

from studio import vocabulary
from studio.languages import entered_languages
from studio.listings import crew_rows, department_rows, pay_preset_rows
from studio.models.enums import RateBasis, UnionStatus
from ui import labels
from ui.i18n import money_text
from ui.pages.base import Page
from ui.people_lists import PeopleLists
from ui.record_details import RecordDetails
from ui.record_form import FormField, with_none
from ui.row_list_dialog import RowListDialog
from ui.table import Column, name_columns


class CrewPage(Page):
    key = "crew"
    reading_actions = frozenset({"exportCrew"})
    stale_on = frozenset({"crew_member", "department"})

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.departments: list[tuple[int | None, str]] = []
        self.preset_choices: list[tuple[int | None, str]] = []  # pay presets: a producer's, like rates
        self.crew = self.table(
            [
                Column(
                    "department",
                    self.tr("Department"),
                    source=("crew_member", "id", "department_id"),
                    editable=True,
                    choices=lambda: self.departments,
                    choice_key="department_id",
                ),
                Column(
                    "position",
                    self.tr("Position"),
                    source=("crew_member", "id", "position"),
                    editable=True,
                    display=labels.position,
                ),
                *name_columns(self.tr("Name"), "crew_member"),
                Column("speaks", self.tr("Speaks"), display=labels.speaks),
                Column("phone", self.tr("Phone"), source=("crew_member", "id", "phone"), editable=True, free_text=True),
                Column("email", self.tr("Email"), source=("crew_member", "id", "email"), editable=True, free_text=True),
                Column("rate", self.tr("Rate"), display=money_text, align_right=True, money=True),
            ]
        )
        self.crew.view.setObjectName("crewTable")
        self.record = RecordDetails(workspace, "crew_member", self._fields(), "crew_member_id", self)
        self.record.refused.connect(self.show_refusal)
        self.details, self.calendar = self.record.form, self.record.calendar
        self.crew.view.selectionModel().selectionChanged.connect(self._selected)
        self.layout_.addWidget(self._toolbar())
        main = self.splitter("crewSplitter", Qt.Orientation.Horizontal, self.crew, self.record)
        main.setSizes([640, 440])
        self.layout_.addWidget(main, 1)

    def _fields(self) -> list[FormField]:
        return [
            FormField("name", self.tr("Name")),
            FormField("name_zh", self.tr("Name in Chinese")),
            FormField("department_id", self.tr("Department"), "choice", lambda: self.departments),
            FormField(
                "position",
                self.tr("Position"),
                shown=labels.position,
                entered=lambda text: vocabulary.from_chinese("positions", text),
            ),
            FormField("phone", self.tr("Phone"), placeholder="+1 323 555 0100"),
            FormField("email", self.tr("Email"), placeholder="name@example.com"),
            FormField(
                "languages",
                self.tr("Languages"),
                placeholder=self.tr("e.g. English, Mandarin"),
                shown=labels.languages,
                entered=entered_languages,
            ),
            FormField(
                "union_status",
                self.tr("Union"),
                "choice",
                lambda: labels.choices_of([u.value for u in UnionStatus], labels.union_status),
            ),
            FormField("rate", self.tr("Rate"), money=True),
            FormField(
                "rate_basis",
                self.tr("Rate basis"),
                "choice",
                lambda: labels.choices_of([b.value for b in RateBasis], labels.rate_basis),
                money=True,
            ),
            FormField("currency", self.tr("Currency"), placeholder="USD", money=True),
            FormField("overtime_rule_id", self.tr("Pay preset"), "choice", lambda: self.preset_choices, money=True),
            FormField(
                "call_offset_minutes",
                self.tr("Call offset (minutes)"),
                placeholder=self.tr("department default; -30 = 30 min before crew call"),
            ),
            FormField("notes", self.tr("Notes"), "notes"),
        ]

    def _toolbar(self) -> QToolBar:
        lists = PeopleLists(self, "crew")
        bar = self.toolbar(
            [
                ("addCrew", self.tr("Add crew member"), self.add_member),
                ("removeCrew", self.tr("Remove crew member"), self.remove_members),
                ("departments", self.tr("Departments…"), self.edit_departments),
                ("importCrew", self.tr("Import list…"), lists.choose_and_import),
                ("exportCrew", self.tr("Export list…"), lists.export),
            ]
        )
        self.department_filter = QComboBox(self)
        self.department_filter.setObjectName("departmentFilter")
        self.language_filter = QComboBox(self)
        self.language_filter.setObjectName("languageFilter")
        for label, test in (
            (self.tr("Any language"), None),
            (self.tr("Speaks Mandarin"), lambda row: row["mandarin"]),
            (self.tr("Speaks English"), lambda row: row["english"]),
            (self.tr("Speaks both"), lambda row: row["mandarin"] and row["english"]),
            (self.tr("Mandarin only"), lambda row: row["mandarin"] and not row["english"]),
            (self.tr("English only"), lambda row: row["english"] and not row["mandarin"]),
        ):
            self.language_filter.addItem(label, test)
        self.department_filter.currentIndexChanged.connect(self._filter)
        self.language_filter.currentIndexChanged.connect(self._filter)
        self.add_spacer(bar)
        bar.addWidget(self.department_filter)
        bar.addWidget(self.language_filter)
        return bar

    def load(self, production_id: int) -> None:
        departments = self.workspace.read(department_rows, production_id)
        names = [(row["id"], labels.department(row["name"], row["name_zh"])) for row in departments]
        self.departments = with_none(names, self.tr("No department"))
        presets = self.workspace.read(pay_preset_rows, production_id) if self.workspace.sees_money else []
        self.preset_choices = with_none(
            [(row["id"], labels.pay_preset_name(row["name"])) for row in presets], self.tr("No overtime")
        )
        rows = self.workspace.read(crew_rows, production_id)
        for row in rows:
            row["department"] = labels.department(row["department"], row["department_zh"])
        self._fill_department_filter(names)
        self.crew.set_rows(rows)
        if not self.crew.selected_rows() and rows:
            self.crew.select_ids([rows[0]["id"]])
        self._selected()
        mandarin = sum(1 for row in rows if row["mandarin"])
        both = sum(1 for row in rows if row["mandarin"] and row["english"])
        self.summary.setText(
            self.tr("%n crew member(s)", "", len(rows))
            + " · "
            + self.tr("%n speak(s) Mandarin", "", mandarin)
            + " · "
            + self.tr("%n speak(s) Mandarin and English", "", both)
        )

    def _fill_department_filter(self, names: list[tuple[int, str]]) -> None:
        chosen = self.department_filter.currentData()
        self.department_filter.blockSignals(True)
        self.department_filter.clear()
        self.department_filter.addItem(self.tr("All departments"), None)
        for department_id, name in names:
            self.department_filter.addItem(name, department_id)
        self.department_filter.setCurrentIndex(max(self.department_filter.findData(chosen), 0))
        self.department_filter.blockSignals(False)

    def _filter(self) -> None:
        department = self.department_filter.currentData()
        language = self.language_filter.currentData()
        if department is None and language is None:
            self.crew.proxy.set_predicate(None)
            return
        self.crew.proxy.set_predicate(
            lambda row: (
                (department is None or row["department_id"] == department) and (language is None or language(row))
            )
        )

    def add_member(self) -> None:
        values = {"name": self.tr("New crew member"), "currency": self._base_currency()}
        self.add_and_edit(self.crew, self.record, "crew_member", values, "name", self.tr("Add crew member"))

    def edit_departments(self) -> None:
        columns = [
            *name_columns(self.tr("Department"), "department"),
            Column(
                "call_offset",
                self.tr("Call offset (minutes)"),
                source=("department", "id", "default_call_offset_minutes"),
                editable=True,
                align_right=True,
            ),
        ]
        dialog = RowListDialog(
            self.workspace,
            "department",
            columns,
            department_rows,
            lambda: {"name": self.tr("New department")},
            None,
            self,
        )
        dialog.setObjectName("departmentsDialog")
        dialog.setWindowTitle(self.tr("Departments"))
        dialog.resize(640, 480)
        dialog.show_note(
            self.tr("Each department's call is the crew call plus its offset: -30 calls it half an hour early.")
        )
        dialog.exec()
        self.refresh()

    def _base_currency(self) -> str:
        production = self.window().current_production()
        return production.base_currency if production else "USD"

    def remove_members(self) -> None:
        self.remove_selected(self.crew, "crew_member")

    def _selected(self) -> None:
        self.record.show_record(self.selected_id(self.crew))
