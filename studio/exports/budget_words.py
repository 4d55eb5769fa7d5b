"""The budget workbook's words in its language: English, Chinese, or both ("Total 合计").

They live here rather than in the translation catalogue: a workbook's language is the document's (its
readers'), not the app's, and the catalogue's words for the same English serve other reports ("Paid"
there means paid days).
"""

from __future__ import annotations

from studio.models.enums import AccountGroup

# Words around the figures, in English and Chinese (en+zh shows both: "Total 合计").
ZH = {
    "Budget": "预算",
    "Generated": "生成日期",
    "Page {number}": "第 {number} 页",
    "Report currency": "报告币种",
    "Code": "代码",
    "Account": "科目",
    "Chinese name": "中文名称",
    "Percent": "百分比",
    "Total": "合计",
    "Total in {currency}": "合计 {currency}",
    "Above the line": "线上费用",
    "Below the line": "线下费用",
    "Post-production": "后期制作",
    "Other": "其他费用",
    "Direct total": "直接成本合计",
    "Grand total": "总计",
    "Total of all lines": "所有明细行合计",
    "Line": "行号",
    "Description": "说明",
    "Payee": "收款人",
    "Payee no.": "收款人编号",
    "Amount": "数量",
    "Unit": "单位",
    "Multiplier": "倍数",
    "Rate": "单价",
    "Currency": "币种",
    "Rate to {currency}": "兑 {currency} 汇率",
    "In {currency}": "折合 {currency}",
    "Fringes in {currency}": "附加费用 {currency}",
    "Fringes": "附加费用",
    "Notes": "备注",
    "Fringe": "附加费用项目",
    "Name": "名称",
    "Kind": "类型",
    "Flat amount": "固定金额",
    "Cap per person": "每人上限",
    "Base": "基数",
    "People": "人数",
    "Capped base": "计费基数",
    "Goes to": "计入科目",
    "Fringe on each line, in budget order": "各明细行的附加费用（按预算顺序）",
    "Value": "数值",
    "Kept up to date from": "自动更新来源",
    "From": "原币",
    "To": "目标币",
    "Effective from": "生效日期",
    "Exchange rate": "汇率",
    "Basis": "依据",
    "Exchange rates entered: 1 unit of From = rate units of To": "录入的汇率：1 单位原币 = 汇率 × 目标币",
    "Rates to {currency} used by the budget lines": "预算明细行使用的兑 {currency} 汇率",
    "Other rates used: fringe caps and flat amounts in a line's currency": (
        "其他使用的汇率：按明细行币种折算附加费用上限与固定金额"
    ),
    "same currency": "同一币种",
    "latest rate entered, {date}": "最新录入汇率，{date}",
    "inverse of {pair} entered {date}, to 8 places": "{pair}（{date}）的倒数，保留 8 位小数",
    "Paid": "已付",
    "Committed": "已承诺",
    "To complete": "尚需支出",
    "At completion": "预计总支出",
    "Variance": "差异",
    "Date": "日期",
    "Vendor": "供应商",
    "Reference": "单据编号",
    "Status": "状态",
    "the schedule": "拍摄计划",
    "the script": "剧本",
    "Day": "天",
    "Week": "周",
    "Hour": "小时",
    "Flat": "一次性",
    "Allowance": "包干",
    "Episode": "集",
    "Percent fringe": "百分比",
    "Flat fringe": "固定金额",
}
UNITS = {"DAY": "Day", "WEEK": "Week", "HOUR": "Hour", "FLAT": "Flat", "ALLOW": "Allowance", "EPISODE": "Episode"}
GROUPS = {
    AccountGroup.ABOVE_THE_LINE.value: "Above the line",
    AccountGroup.BELOW_THE_LINE.value: "Below the line",
    AccountGroup.POST.value: "Post-production",
    AccountGroup.OTHER.value: "Other",
}
SOURCES = {"schedule": "the schedule", "script": "the script"}


class Words:
    """The workbook's words in its language: English, Chinese, or both ("Total 合计")."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, english: str, **values: str) -> str:
        chinese = ZH[english]
        if self.lang == "en":
            text = english
        elif self.lang == "zh":
            text = chinese
        else:
            text = english if chinese == english else f"{english} {chinese}"
        return text.format(**values) if values else text
