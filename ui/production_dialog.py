"""New production / production details: titles in both languages, company, currency, time zones."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from studio.errors import InvalidInput
from studio.productions import ProductionDetails, timezone_names

COMMON_CURRENCIES = ("USD", "CNY", "EUR", "GBP", "CAD", "AUD", "HKD", "SGD", "JPY", "KRW")


class ProductionDialog(QDialog):
    def __init__(self, parent=None, details: ProductionDetails | None = None):
        super().__init__(parent)
        editing = details is not None
        details = details or ProductionDetails(title="")
        self.setWindowTitle(self.tr("Production details") if editing else self.tr("New production"))
        self.title = QLineEdit(details.title, self)
        self.title.setObjectName("title")
        self.title_zh = QLineEdit(details.title_zh, self)
        self.title_zh.setObjectName("titleZh")
        self.company = QLineEdit(details.company, self)
        self.currency = self._combo(COMMON_CURRENCIES, details.base_currency)
        zones = timezone_names()
        self.hq_timezone = self._combo(zones, details.hq_timezone)
        self.shoot_timezone = self._combo(zones, details.shoot_timezone)
        # Currency and time zones shape every amount and call time: they are fixed once work exists.
        for field in (self.currency, self.hq_timezone, self.shoot_timezone):
            field.setEnabled(not editing)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Chinese title"), self.title_zh)
        form.addRow(self.tr("Company"), self.company)
        form.addRow(self.tr("Base currency"), self.currency)
        form.addRow(self.tr("Headquarters time zone"), self.hq_timezone)
        form.addRow(self.tr("Shoot time zone"), self.shoot_timezone)
        form.addRow(self.error)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def _combo(self, choices, current: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.addItems(list(choices))
        combo.setCurrentText(current)
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def details(self) -> ProductionDetails:
        return ProductionDetails(
            title=self.title.text(),
            title_zh=self.title_zh.text(),
            company=self.company.text(),
            base_currency=self.currency.currentText(),
            hq_timezone=self.hq_timezone.currentText(),
            shoot_timezone=self.shoot_timezone.currentText(),
        )

    def accept(self) -> None:
        try:
            self.details().validated()
        except InvalidInput as error:
            self.error.setText(str(error))
            return
        super().accept()
