"""Charts a producer would rather look at than read: the budget by account group, budget against actual
per account, and planned against actual spend over the shoot days (Qt Charts)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QWidget

from studio.budget.cost_report import CostReport, SpendDay
from studio.budget.totals import CurrentBudget
from studio.models.enums import AccountGroup
from ui import labels
from ui.i18n import shown_name

BUDGET, ACTUAL = QColor("#4a78b5"), QColor("#e08a2c")
TOP_ACCOUNTS = 10  # the accounts with the largest budgets; the rest would be unreadable slivers


class BudgetCharts(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.by_group = self._view("chartByGroup")
        self.by_account = self._view("chartByAccount")
        self.over_days = self._view("chartOverDays")
        layout = QGridLayout(self)
        layout.addWidget(self.by_group, 0, 0)
        layout.addWidget(self.by_account, 0, 1)
        layout.addWidget(self.over_days, 1, 0, 1, 2)

    def _view(self, name: str) -> QChartView:
        view = QChartView(self)
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(120)  # the window's smallest size must still fit a laptop screen
        return view

    def show_budget(self, current: CurrentBudget, report: CostReport, spend: list[SpendDay]) -> None:
        currency = current.calculation.currency
        self.by_group.setChart(self._group_chart(current, currency))
        self.by_account.setChart(self._account_chart(report, currency))
        self.over_days.setChart(self._spend_chart(spend, currency))

    def _group_chart(self, current: CurrentBudget, currency: str) -> QChart:
        chart = self._chart(self.tr("Budget by group (%1)").replace("%1", currency))
        series = QPieSeries()
        total = sum((v for v in current.calculation.groups.values() if v > 0), Decimal(0))
        for group in AccountGroup:
            amount = current.calculation.groups.get(group.value, Decimal(0))
            if amount <= 0:
                continue
            share = f"{amount / total * 100:.0f}%" if total else ""
            series.append(f"{labels.account_group(group.value)} {share}", float(amount))  # a picture, not money
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        return chart

    def _account_chart(self, report: CostReport, currency: str) -> QChart:
        chart = self._chart(self.tr("Budget and actual, largest accounts (%1)").replace("%1", currency))
        lines = sorted((line for line in report.lines if line.budget > 0), key=lambda line: line.budget)[-TOP_ACCOUNTS:]
        budget, actual = QBarSet(self.tr("Budget")), QBarSet(self.tr("Paid + committed"))
        budget.setColor(BUDGET)
        actual.setColor(ACTUAL)
        for line in lines:
            budget.append(float(line.budget))
            actual.append(float(line.paid + line.committed))
        series = QHorizontalBarSeries()
        series.append(budget)
        series.append(actual)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([_short(f"{line.code} {shown_name(line.name, line.name_zh)}") for line in lines])
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        amounts = QValueAxis()
        amounts.setLabelFormat("%.0f")
        amounts.setTickCount(4)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(amounts)
        amounts.applyNiceNumbers()
        return chart

    def _spend_chart(self, spend: list[SpendDay], currency: str) -> QChart:
        chart = self._chart(self.tr("Spend over the shoot, cumulative (%1)").replace("%1", currency))
        planned, actual = QLineSeries(), QLineSeries()
        planned.setName(self.tr("Planned: cast, crew and locations"))
        actual.setName(self.tr("Actual: paid + committed"))
        planned.setColor(BUDGET)
        actual.setColor(ACTUAL)
        planned_sum = actual_sum = Decimal(0)
        for day in spend:
            moment = QDateTime(day.day, QTime(12, 0)).toMSecsSinceEpoch()
            planned_sum += day.planned
            actual_sum += day.actual
            planned.append(moment, float(planned_sum))
            actual.append(moment, float(actual_sum))
        chart.addSeries(planned)
        chart.addSeries(actual)
        dates = QDateTimeAxis()
        dates.setFormat(self.tr("MMM d", "date format on the spend chart's axis (Qt: M月d日 in Chinese)"))
        dates.setTickCount(min(10, max(2, len(spend))))
        chart.addAxis(dates, Qt.AlignmentFlag.AlignBottom)
        amounts = QValueAxis()
        amounts.setLabelFormat("%.0f")
        amounts.setMin(0)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        for series in (planned, actual):
            series.attachAxis(dates)
            series.attachAxis(amounts)
        amounts.applyNiceNumbers()
        return chart

    @staticmethod
    def _chart(title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart


def _short(name: str, length: int = 18) -> str:
    return name if len(name) <= length else name[: length - 1] + "…"
