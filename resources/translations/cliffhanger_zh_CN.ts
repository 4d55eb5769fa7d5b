<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdaptationForm</name>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="120"/>
        <source>Confirm the pairing</source>
        <translation>确认配对</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="123"/>
        <source>Mark as reviewed</source>
        <translation>标记为已复核</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="125"/>
        <source>The changed original is reviewed: the adaptation stays approved</source>
        <translation>原文改动已复核：改编保持已审定</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="127"/>
        <source>Pair with…</source>
        <translation>配对到…</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="130"/>
        <source>Adapter&apos;s note</source>
        <translation>改编说明</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="132"/>
        <source>Cultural note: what was changed and why</source>
        <translation>文化注释：改了什么、为什么改</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="137"/>
        <source>Adaptation</source>
        <translation>改编</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="177"/>
        <source>The original changed since this was approved</source>
        <translation>审定后原文已改动</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="179"/>
        <source>Paired by the alignment: to confirm</source>
        <translation>由自动对齐配对：待确认</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="53"/>
        <source>no display found: run Cliffhanger in a desktop session (or under xvfb-run, or with QT_QPA_PLATFORM=offscreen)</source>
        <translation>找不到显示器：请在桌面会话中运行 Cliffhanger（或使用 xvfb-run，或设置 QT_QPA_PLATFORM=offscreen）</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="66"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="71"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="72"/>
        <source>Cliffhanger hit an internal error: %1

The details are in %2</source>
        <translation>Cliffhanger 遇到内部错误：%1

详细信息见 %2</translation>
    </message>
</context>
<context>
    <name>AvailabilityPanel</name>
    <message>
        <location filename="../../ui/availability.py" line="48"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/availability.py" line="54"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ui/availability.py" line="56"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../ui/availability.py" line="59"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/availability.py" line="73"/>
        <source>Add unavailable dates…</source>
        <translation>添加不可用日期…</translation>
    </message>
    <message>
        <location filename="../../ui/availability.py" line="74"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/availability.py" line="125"/>
        <source>Add unavailable dates</source>
        <translation>添加不可用日期</translation>
    </message>
    <message>
        <location filename="../../ui/availability.py" line="132"/>
        <source>Remove unavailable dates</source>
        <translation>删除不可用日期</translation>
    </message>
</context>
<context>
    <name>BreakdownPage</name>
    <message>
        <location filename="../../ui/pages/breakdown.py" line="26"/>
        <location filename="../../ui/pages/breakdown.py" line="37"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breakdown.py" line="41"/>
        <source>Element</source>
        <translation>元素</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breakdown.py" line="28"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breakdown.py" line="30"/>
        <source>Elements</source>
        <translation>元素数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breakdown.py" line="42"/>
        <source>Scenes</source>
        <translation>场数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breakdown.py" line="45"/>
        <source>Export breakdown sheets…</source>
        <translation>导出拆解表…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breakdown.py" line="47"/>
        <source>Export element report…</source>
        <translation>导出元素报表…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/breakdown.py" line="68"/>
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n 个元素</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/breakdown.py" line="71"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/breakdown.py" line="71"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>BudgetCharts</name>
    <message>
        <location filename="../../ui/budget_charts.py" line="58"/>
        <source>Budget by group (%1)</source>
        <translation>预算构成（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/budget_charts.py" line="72"/>
        <source>Budget and actual, largest accounts (%1)</source>
        <translation>预算与实际支出：金额最大的科目（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/budget_charts.py" line="74"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../ui/budget_charts.py" line="74"/>
        <source>Paid + committed</source>
        <translation>已付 + 已承诺</translation>
    </message>
    <message>
        <location filename="../../ui/budget_charts.py" line="97"/>
        <source>Spend over the shoot, cumulative (%1)</source>
        <translation>拍摄期累计支出（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/budget_charts.py" line="99"/>
        <source>Planned: cast, crew and locations</source>
        <translation>计划：演员、剧组和场地</translation>
    </message>
    <message>
        <location filename="../../ui/budget_charts.py" line="100"/>
        <source>Actual: paid + committed</source>
        <translation>实际：已付 + 已承诺</translation>
    </message>
    <message>
        <location filename="../../ui/budget_charts.py" line="113"/>
        <source>MMM d</source>
        <comment>date format on the spend chart&apos;s axis (Qt: M月d日 in Chinese)</comment>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <location filename="../../ui/pages/budget.py" line="80"/>
        <source>Globals</source>
        <translation>全局变量</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="81"/>
        <source>Fringes</source>
        <translation>附加费用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="82"/>
        <source>Currencies</source>
        <translation>币种与汇率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="85"/>
        <source>Cost report</source>
        <translation>成本报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="89"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="91"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="102"/>
        <location filename="../../ui/pages/budget.py" line="399"/>
        <source>Add line</source>
        <translation>添加明细</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="103"/>
        <source>Remove line</source>
        <translation>删除明细</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="104"/>
        <location filename="../../ui/pages/budget.py" line="430"/>
        <source>Add account</source>
        <translation>添加科目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="105"/>
        <source>Remove account</source>
        <translation>删除科目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="106"/>
        <source>Save version…</source>
        <translation>保存版本…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="107"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="111"/>
        <source>Report in </source>
        <translation>报表币种 </translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="136"/>
        <location filename="../../ui/pages/budget.py" line="171"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="139"/>
        <source>Number or formula</source>
        <translation>数字或公式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="144"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="152"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="159"/>
        <source>Add global</source>
        <translation>添加全局变量</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="160"/>
        <source>Remove global</source>
        <translation>删除全局变量</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="169"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="175"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="183"/>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="191"/>
        <source>Flat amount</source>
        <translation>固定金额</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="199"/>
        <source>Cap per person</source>
        <translation>每人上限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="205"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="208"/>
        <source>Goes on</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="221"/>
        <source>Add fringe</source>
        <translation>添加附加费用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="222"/>
        <source>Remove fringe</source>
        <translation>删除附加费用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="231"/>
        <source>1 unit of</source>
        <translation>原币种（1 单位）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="237"/>
        <source>is worth</source>
        <translation>折合</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="243"/>
        <source>of</source>
        <translation>目标币种</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="246"/>
        <source>from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="256"/>
        <source>Budget lines use the latest rate; actuals the rate in effect on their date. A missing rate is the inverse of the opposite one. Converted amounts are rounded half-up to the cent, once per line.</source>
        <translation>预算明细按最新汇率换算；实际支出按其日期当天有效的汇率换算。缺少的汇率取反向汇率的倒数。换算金额四舍五入到分，每条只舍入一次。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="265"/>
        <source>Add rate</source>
        <translation>添加汇率</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="266"/>
        <source>Remove rate</source>
        <translation>删除汇率</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/budget.py" line="290"/>
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="291"/>
        <source>The schedule changed the budget:</source>
        <translation>拍摄计划的变动已更新预算：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="292"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/budget.py" line="357"/>
        <source>No total: %n problem(s). First: %1</source>
        <translation>
            <numerusform>无法合计：共 %n 个问题。第一个：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="361"/>
        <source>Grand total %1 · above the line %2 · below the line %3</source>
        <translation>总预算 %1 · 线上 %2 · 线下 %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="371"/>
        <source>While typing: %1</source>
        <translation>输入中：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="393"/>
        <source>Choose the account to add the line to.</source>
        <translation>请先选择要添加明细的科目。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="397"/>
        <source>New line</source>
        <translation>新明细</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="408"/>
        <source>Choose the line to remove.</source>
        <translation>请先选择要删除的明细。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="411"/>
        <location filename="../../ui/pages/budget.py" line="452"/>
        <location filename="../../ui/pages/budget.py" line="506"/>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="418"/>
        <source>Choose the account the new one goes after.</source>
        <translation>请选择新科目要排在其后的科目。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="426"/>
        <source>New account</source>
        <translation>新科目</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="443"/>
        <source>Choose the account to remove.</source>
        <translation>请选择要删除的科目。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="449"/>
        <source>%1 still has lines or actuals: move or remove them first.</source>
        <translation>%1 下仍有明细或实际支出：请先移走或删除。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="463"/>
        <source>New fringe</source>
        <translation>新附加费用</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="493"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="519"/>
        <source>Report currency</source>
        <translation>报表币种</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="525"/>
        <source>Save version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="525"/>
        <source>Name of this version:</source>
        <translation>版本名称：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="538"/>
        <source>Export budget</source>
        <translation>导出预算</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="540"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="147"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="214"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/pages/budget.py" line="79"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
</context>
<context>
    <name>BudgetTreeModel</name>
    <message>
        <location filename="../../ui/budget_tree.py" line="87"/>
        <source>Account / line</source>
        <translation>科目 / 明细</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="88"/>
        <source>Amount</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="89"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="90"/>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="91"/>
        <source>Rate</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="92"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="93"/>
        <source>Fringes</source>
        <translation>附加费用</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="94"/>
        <source>Payee</source>
        <translation>收款人</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="95"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="96"/>
        <source>In report currency</source>
        <translation>折合报表币种</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="97"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="237"/>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="303"/>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="325"/>
        <source>Follows the schedule: its amount and rate change when the schedule does.</source>
        <translation>随拍摄计划联动：拍摄计划变动时，数量和单价随之更新。</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="354"/>
        <source>problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="378"/>
        <source>fringes %1</source>
        <translation>附加费用 %1</translation>
    </message>
    <message>
        <location filename="../../ui/budget_tree.py" line="398"/>
        <source>Grand total</source>
        <translation>总预算</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/budget_tree.py" line="401"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallSheetsPage</name>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="83"/>
        <location filename="../../ui/pages/callsheets.py" line="97"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="84"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="85"/>
        <location filename="../../ui/pages/callsheets.py" line="143"/>
        <source>Crew call</source>
        <translation>剧组集合</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="86"/>
        <location filename="../../ui/pages/callsheets.py" line="144"/>
        <source>Shooting call</source>
        <translation>开拍时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="87"/>
        <location filename="../../ui/pages/callsheets.py" line="149"/>
        <source>Weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="98"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="101"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="101"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="101"/>
        <source>Both</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="105"/>
        <source>Cast version (no crew phones)</source>
        <translation>演员版（不含工作人员电话）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="119"/>
        <source>Export this day…</source>
        <translation>导出本日…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="120"/>
        <source>Export all days…</source>
        <translation>导出全部日期…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="121"/>
        <source>Sides…</source>
        <translation>当日剧本…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="122"/>
        <source>Send…</source>
        <translation>发送…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="123"/>
        <source>Mail settings…</source>
        <translation>邮件设置…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="141"/>
        <source>e.g. 07:00</source>
        <translation>例如 07:00</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="143"/>
        <source>from the schedule</source>
        <translation>按拍摄计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="144"/>
        <source>an hour after crew call</source>
        <translation>剧组集合后一小时</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="145"/>
        <source>Breakfast</source>
        <translation>早餐</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="146"/>
        <source>Lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="147"/>
        <source>Dinner</source>
        <translation>晚餐</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="148"/>
        <source>Background call</source>
        <translation>群演集合</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="149"/>
        <source>as forecast, e.g. Sunny</source>
        <translation>按天气预报，例如 晴</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="150"/>
        <location filename="../../ui/pages/callsheets.py" line="163"/>
        <source>High (°F)</source>
        <translation>最高气温（°F）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="151"/>
        <location filename="../../ui/pages/callsheets.py" line="164"/>
        <source>Low (°F)</source>
        <translation>最低气温（°F）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="152"/>
        <source>Chance of rain (%)</source>
        <translation>降雨概率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="153"/>
        <source>Safety notes</source>
        <translation>安全提示</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="154"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="155"/>
        <source>Department notes</source>
        <translation>部门备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="156"/>
        <source>Walkie channels</source>
        <translation>对讲机频道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="163"/>
        <source>High (°C)</source>
        <translation>最高气温（°C）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="164"/>
        <source>Low (°C)</source>
        <translation>最低气温（°C）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="185"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="189"/>
        <source>Wardrobe</source>
        <translation>服装</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="192"/>
        <source>Role or position</source>
        <translation>角色或职位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="186"/>
        <source>DOOD</source>
        <translation>工作日表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="187"/>
        <source>Pickup</source>
        <translation>接送</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="188"/>
        <source>Hair &amp; makeup</source>
        <translation>妆发</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="190"/>
        <source>On set / call</source>
        <translation>到场 / 集合</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="191"/>
        <source>Remarks</source>
        <translation>说明</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/callsheets.py" line="199"/>
        <location filename="../../ui/pages/callsheets.py" line="266"/>
        <source>%n shoot day(s)</source>
        <translation>
            <numerusform>%n 个拍摄日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="224"/>
        <source>Edit call time</source>
        <translation>修改集合时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="226"/>
        <source>Crew have one call time: enter it under On set / call.</source>
        <translation>剧组人员只有一个集合时间：请填在“到场 / 集合”一栏。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/callsheets.py" line="271"/>
        <source>and %n more</source>
        <translation>
            <numerusform>及另外 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/callsheets.py" line="272"/>
        <source>%n hold(s) an outdated call sheet: %1</source>
        <translation>
            <numerusform>%n 人持有过时的通告单：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="279"/>
        <location filename="../../ui/pages/callsheets.py" line="315"/>
        <location filename="../../ui/pages/callsheets.py" line="343"/>
        <source>Pick a shoot day first</source>
        <translation>请先选择一个拍摄日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="284"/>
        <source>Export Call Sheet</source>
        <translation>导出通告单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="286"/>
        <location filename="../../ui/pages/callsheets.py" line="325"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="296"/>
        <source>Shooting script…</source>
        <translation>拍摄剧本…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="297"/>
        <source>Original…</source>
        <translation>原文剧本…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="298"/>
        <source>Original and shooting script side by side…</source>
        <translation>原文与拍摄剧本对照…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="303"/>
        <source>Shooting script with a person&apos;s name across each page…</source>
        <translation>拍摄剧本，每页印上收件人姓名…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="323"/>
        <source>Export Sides</source>
        <translation>导出当日剧本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="334"/>
        <source>Sides for one person</source>
        <translation>个人当日剧本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="334"/>
        <source>Their name, written across each page:</source>
        <translation>其姓名（印在每页上）：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="355"/>
        <source>Export Every Day&apos;s Call Sheet</source>
        <translation>导出每天的通告单</translation>
    </message>
    <message>
        <location filename="../../ui/pages/callsheets.py" line="363"/>
        <source>Writing call sheets…</source>
        <translation>正在生成通告单…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/callsheets.py" line="366"/>
        <source>Wrote %n call sheet(s) in %1</source>
        <translation>
            <numerusform>已在 %1 生成 %n 份通告单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CastPage</name>
    <message>
        <location filename="../../ui/pages/cast.py" line="97"/>
        <source>Cast ID</source>
        <translation>演员编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="102"/>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="105"/>
        <location filename="../../ui/pages/cast.py" line="131"/>
        <source>Performer</source>
        <translation>演员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="125"/>
        <location filename="../../ui/pages/cast.py" line="134"/>
        <location filename="../../ui/pages/cast.py" line="147"/>
        <source>Union</source>
        <translation>工会</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="60"/>
        <location filename="../../ui/pages/cast.py" line="316"/>
        <source>Deal</source>
        <translation>合约</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="70"/>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="85"/>
        <source>Travel, rehearsals, fittings</source>
        <translation>旅行、排练、试装</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="108"/>
        <location filename="../../ui/pages/cast.py" line="228"/>
        <source>not cast</source>
        <translation>未选角</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="114"/>
        <source>Scenes</source>
        <translation>场数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="118"/>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="126"/>
        <location filename="../../ui/pages/cast.py" line="174"/>
        <source>Rate</source>
        <translation>薪酬</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="132"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="133"/>
        <source>Speaks</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="135"/>
        <location filename="../../ui/pages/cast.py" line="151"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="136"/>
        <location filename="../../ui/pages/cast.py" line="152"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="137"/>
        <source>Agent</source>
        <translation>经纪人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="142"/>
        <source>Legal name</source>
        <translation>法定姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="143"/>
        <source>Professional name</source>
        <translation>艺名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="144"/>
        <source>Name in Chinese</source>
        <translation>中文名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="155"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="156"/>
        <source>e.g. English, Mandarin</source>
        <translation>如：英语，普通话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="160"/>
        <source>Agent / manager</source>
        <translation>经纪人 / 经理</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="161"/>
        <source>Agent phone</source>
        <translation>经纪人电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="162"/>
        <source>Agent email</source>
        <translation>经纪人邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="163"/>
        <source>Photo file</source>
        <translation>照片文件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="164"/>
        <source>Date of birth (minors)</source>
        <translation>出生日期（未成年人）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="166"/>
        <source>Pickup (minutes)</source>
        <translation>接送（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="166"/>
        <location filename="../../ui/pages/cast.py" line="167"/>
        <location filename="../../ui/pages/cast.py" line="168"/>
        <source>as the production</source>
        <translation>同作品设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="167"/>
        <source>Hair &amp; makeup (minutes)</source>
        <translation>化妆造型（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="168"/>
        <source>Wardrobe (minutes)</source>
        <translation>服装（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="169"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="177"/>
        <source>Rate basis</source>
        <translation>计薪方式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="182"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="183"/>
        <source>Guaranteed days</source>
        <translation>保底天数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="184"/>
        <source>Overtime</source>
        <translation>加班规则</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="185"/>
        <source>Per diem</source>
        <translation>每日津贴</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="186"/>
        <source>Travel</source>
        <translation>差旅</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="186"/>
        <source>flights, hotel, ground</source>
        <translation>机票、酒店、地面交通</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="196"/>
        <source>No overtime</source>
        <translation>无加班规则</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="203"/>
        <location filename="../../ui/pages/cast.py" line="266"/>
        <source>Add performer</source>
        <translation>添加演员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="204"/>
        <source>Remove performer</source>
        <translation>删除演员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="205"/>
        <source>Pay presets…</source>
        <translation>薪酬预设…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="206"/>
        <source>Import list…</source>
        <translation>导入名单…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="207"/>
        <source>Export list…</source>
        <translation>导出名单…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="208"/>
        <location filename="../../ui/pages/cast.py" line="290"/>
        <source>Number cast by scenes</source>
        <translation>按场数编排演员编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="212"/>
        <source>Cast IDs 1, 2, 3… by number of scenes: 1 is the role in the most scenes</source>
        <translation>按场数编排演员编号 1、2、3……：场数最多的角色为 1 号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="214"/>
        <source>Uncast roles only</source>
        <translation>只看未选角的角色</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/cast.py" line="244"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个角色</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/cast.py" line="244"/>
        <source>%n performer(s)</source>
        <translation>
            <numerusform>%n 位演员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/cast.py" line="246"/>
        <source>%n not cast yet</source>
        <translation>
            <numerusform>%n 个角色尚未选角</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="254"/>
        <source>Uncast %1</source>
        <translation>取消 %1 的选角</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="258"/>
        <source>Cast %1</source>
        <translation>为 %1 选角</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="265"/>
        <source>New performer</source>
        <translation>新演员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="280"/>
        <source>Choose photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="280"/>
        <source>Images (*.jpg *.jpeg *.png *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="318"/>
        <source>Deal for %1: cast the role first</source>
        <translation>%1 的合约：请先为该角色选角</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cast.py" line="321"/>
        <source>Deal for %1 (%2)</source>
        <translation>%1 的合约（%2）</translation>
    </message>
</context>
<context>
    <name>ChoiceDelegate</name>
    <message>
        <location filename="../../ui/table.py" line="367"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/connect_dialog.py" line="25"/>
        <source>Connect to Server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="28"/>
        <source>A PostgreSQL server your team shares. Ask its administrator for these.</source>
        <translation>团队共用的 PostgreSQL 服务器。以下信息请向其管理员索取。</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="38"/>
        <source>Remember the password in the system keyring</source>
        <translation>在系统钥匙串中记住密码</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="39"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="40"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="41"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="42"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="43"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/connect_dialog.py" line="48"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>CostReportTab</name>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="24"/>
        <location filename="../../ui/budget_cost_tab.py" line="45"/>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="25"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="26"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="27"/>
        <source>Committed</source>
        <translation>已承诺</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="28"/>
        <source>To complete</source>
        <translation>尚需支出</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="29"/>
        <source>At completion</source>
        <translation>完工预计</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="30"/>
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="38"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="52"/>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="56"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="61"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="64"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="72"/>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="77"/>
        <source>In report currency</source>
        <translation>折合报表币种</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="85"/>
        <source>Add actual</source>
        <translation>添加实际支出</translation>
    </message>
    <message>
        <location filename="../../ui/budget_cost_tab.py" line="86"/>
        <source>Remove actual</source>
        <translation>删除实际支出</translation>
    </message>
</context>
<context>
    <name>CrewPage</name>
    <message>
        <location filename="../../ui/pages/crew.py" line="35"/>
        <location filename="../../ui/pages/crew.py" line="69"/>
        <location filename="../../ui/pages/crew.py" line="194"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="43"/>
        <location filename="../../ui/pages/crew.py" line="72"/>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="48"/>
        <location filename="../../ui/pages/crew.py" line="67"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="80"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="50"/>
        <location filename="../../ui/pages/crew.py" line="76"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="49"/>
        <source>Speaks</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="51"/>
        <location filename="../../ui/pages/crew.py" line="77"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="52"/>
        <location filename="../../ui/pages/crew.py" line="91"/>
        <source>Rate</source>
        <translation>薪酬</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="68"/>
        <source>Name in Chinese</source>
        <translation>中文名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="81"/>
        <source>e.g. English, Mandarin</source>
        <translation>如：英语，普通话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="87"/>
        <source>Union</source>
        <translation>工会</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="94"/>
        <source>Rate basis</source>
        <translation>计薪方式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="99"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="100"/>
        <source>Pay preset</source>
        <translation>薪酬方案</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="103"/>
        <location filename="../../ui/pages/crew.py" line="197"/>
        <source>Call offset (minutes)</source>
        <translation>通告时间偏移（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="104"/>
        <source>department default; -30 = 30 min before crew call</source>
        <translation>部门默认；-30 = 比剧组通告早 30 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="106"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="113"/>
        <location filename="../../ui/pages/crew.py" line="190"/>
        <source>Add crew member</source>
        <translation>添加剧组成员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="114"/>
        <source>Remove crew member</source>
        <translation>删除剧组成员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="115"/>
        <source>Departments…</source>
        <translation>部门…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="116"/>
        <source>Import list…</source>
        <translation>导入名单…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="117"/>
        <source>Export list…</source>
        <translation>导出名单…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="125"/>
        <source>Any language</source>
        <translation>所有语言</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="126"/>
        <source>Speaks Mandarin</source>
        <translation>会说普通话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="127"/>
        <source>Speaks English</source>
        <translation>会说英语</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="128"/>
        <source>Speaks both</source>
        <translation>两种都会</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="129"/>
        <source>Mandarin only</source>
        <translation>只会普通话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="130"/>
        <source>English only</source>
        <translation>只会英语</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="143"/>
        <source>No department</source>
        <translation>无部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="146"/>
        <source>No overtime</source>
        <translation>无加班规则</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/crew.py" line="159"/>
        <source>%n crew member(s)</source>
        <translation>
            <numerusform>%n 名剧组人员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/crew.py" line="161"/>
        <source>%n speak(s) Mandarin</source>
        <translation>
            <numerusform>%n 人会说普通话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/crew.py" line="163"/>
        <source>%n speak(s) Mandarin and English</source>
        <translation>
            <numerusform>%n 人会说普通话和英语</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="170"/>
        <source>All departments</source>
        <translation>所有部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="189"/>
        <source>New crew member</source>
        <translation>新剧组成员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="208"/>
        <source>New department</source>
        <translation>新部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="213"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/crew.py" line="216"/>
        <source>Each department&apos;s call is the crew call plus its offset: -30 calls it half an hour early.</source>
        <translation>各部门的通告时间 = 剧组通告时间 + 偏移：-30 表示提前半小时。</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <location filename="../../ui/database_actions.py" line="54"/>
        <source>&amp;New Database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="57"/>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="59"/>
        <source>Connect to &amp;Server…</source>
        <translation>连接服务器(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="60"/>
        <source>Open the &amp;Demo Production</source>
        <translation>打开示例项目(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="61"/>
        <source>Reset the Demo Production…</source>
        <translation>重置演示作品…</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="62"/>
        <source>Copy of the &amp;Database…</source>
        <translation>数据库副本(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="63"/>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="74"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="84"/>
        <source>No recent databases</source>
        <translation>没有最近使用的数据库</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="125"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="129"/>
        <source>Cannot create the database</source>
        <translation>无法创建数据库</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="129"/>
        <source>That file already exists.</source>
        <translation>该文件已存在。</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="135"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="141"/>
        <source>Cliffhanger database (*.sqlite *.db);;All files (*)</source>
        <translation>Cliffhanger 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="154"/>
        <source>There is no system keyring here: the password will be asked for each time.</source>
        <translation>这里没有系统钥匙串：每次都会询问密码。</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="183"/>
        <source>The demo file holds work the demo did not write: %1.

Replace it with a fresh demo? The file as it is now is kept as a backup (File → Restore from Backup).</source>
        <translation>演示文件中有不是演示写入的内容：%1。

用新的演示替换它吗？文件现在的样子会保存为备份（文件 → 从备份恢复）。</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="186"/>
        <source>Reset the Demo Production</source>
        <translation>重置演示作品</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="197"/>
        <source>The demo production is open in another Cliffhanger window.</source>
        <translation>演示制作已在另一个 Cliffhanger 窗口中打开。</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="206"/>
        <source>Cannot create the demo production</source>
        <translation>无法创建示例项目</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="219"/>
        <source>Save a copy of the database</source>
        <translation>保存数据库副本</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="228"/>
        <source>Cannot save the copy</source>
        <translation>无法保存副本</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="230"/>
        <source>Saved a copy to %1</source>
        <translation>已将副本保存到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="249"/>
        <source>Cannot restore the backup</source>
        <translation>无法恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/database_actions.py" line="252"/>
        <source>Restored %1. The database as it was is kept in %2.</source>
        <translation>已恢复 %1。恢复前的数据库保存在 %2。</translation>
    </message>
</context>
<context>
    <name>DriveTable</name>
    <message>
        <location filename="../../ui/drive_table.py" line="29"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/drive_table.py" line="30"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ui/drive_table.py" line="33"/>
        <source>Minutes typed</source>
        <translation>填写的分钟数</translation>
    </message>
    <message>
        <location filename="../../ui/drive_table.py" line="38"/>
        <source>From the map</source>
        <translation>按地图</translation>
    </message>
    <message>
        <location filename="../../ui/drive_table.py" line="46"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/drive_table.py" line="48"/>
        <location filename="../../ui/drive_table.py" line="101"/>
        <source>Type a drive</source>
        <translation>填写车程</translation>
    </message>
    <message>
        <location filename="../../ui/drive_table.py" line="51"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/drive_table.py" line="69"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/drive_table.py" line="108"/>
        <source>Remove a typed drive</source>
        <translation>删除填写的车程</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="42"/>
        <source>Import script</source>
        <translation>导入剧本</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="157"/>
        <source>%1 episodes · %2 scenes · %3 sets · %4 characters · %5 pages</source>
        <translation>%1 集 · %2 场 · %3 个场景 · %4 个角色 · %5 页</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="55"/>
        <source>Revise %1</source>
        <translation>修订《%1》</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="56"/>
        <source>Create a new production</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="59"/>
        <source>The shooting script</source>
        <translation>拍摄剧本</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="60"/>
        <source>The original it is adapted from (kept beside it, paired)</source>
        <translation>改编所依据的原剧本（与拍摄剧本并存并逐场配对）</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="73"/>
        <source>Scene</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="73"/>
        <source>Heading</source>
        <translation>场景标题</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="73"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="73"/>
        <location filename="../../ui/import_dialog.py" line="96"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="74"/>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="74"/>
        <source>Speaks</source>
        <translation>有台词</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="74"/>
        <source>Scenes</source>
        <translation>场数</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="75"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="75"/>
        <source>What the script does not say, taken to mean</source>
        <translation>剧本没有写明，导入时认定为</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="78"/>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="78"/>
        <source>Adaptation</source>
        <translation>改编</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="78"/>
        <source>Paired</source>
        <translation>配对方式</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="78"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="89"/>
        <source>Scenes</source>
        <comment>tab listing the script&apos;s scenes</comment>
        <translation>场次列表</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="90"/>
        <source>Characters</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="91"/>
        <source>To check</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="92"/>
        <source>Pairs</source>
        <translation>配对</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="171"/>
        <source>Revision %1: %2 new, %3 changed, %4 omitted, %5 unchanged</source>
        <translation>修订版 %1：新增 %2，改动 %3，删除 %4，未变 %5</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="182"/>
        <source>Approved, to be flagged as the original changed since: %1</source>
        <translation>已审定、将标为“审定后原文已改动”的场次：%1</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="195"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="195"/>
        <source>Changed</source>
        <translation>改动</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="195"/>
        <source>Omitted</source>
        <translation>已删</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="208"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="232"/>
        <source>same number</source>
        <translation>场号相同</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="233"/>
        <source>renumbered since paired</source>
        <translation>配对后已重新编号</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="234"/>
        <source>in order</source>
        <translation>按顺序</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="235"/>
        <source>moved</source>
        <translation>位置移动</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="236"/>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="242"/>
        <source>%1, %2% alike</source>
        <translation>%1，相似度 %2%</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="250"/>
        <source>cut in adaptation</source>
        <translation>改编中删去</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="253"/>
        <source>added in adaptation</source>
        <translation>改编中新增</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="256"/>
        <source>not yet adapted</source>
        <translation>尚未改编</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="261"/>
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="274"/>
        <source>Names mapped: %1</source>
        <translation>名字对应：%1</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="275"/>
        <source>To check: %1</source>
        <translation>待核对：%1</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="293"/>
        <source>Background</source>
        <translation>群演</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="293"/>
        <source>Background ×%1</source>
        <translation>群演 ×%1</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="299"/>
        <source>To check (%1)</source>
        <translation>待核对（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="286"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="229"/>
        <source>Pairs (%1 to confirm, %2 to check)</source>
        <translation>配对（%1 待确认，%2 待核对）</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="286"/>
        <source>Silent</source>
        <translation>无台词</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>INT</source>
        <translation>内</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>EXT</source>
        <translation>外</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>INT/EXT</source>
        <translation>内外</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <location filename="../../ui/labels.py" line="120"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>Night</source>
        <translation>夜</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Morning</source>
        <translation>晨</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Dawn</source>
        <translation>黎明</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>Dusk</source>
        <translation>黄昏</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>SAG-AFTRA</source>
        <translation>SAG-AFTRA 工会</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Non-union</source>
        <translation>非工会</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Other union</source>
        <translation>其他工会</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>Shoot day</source>
        <translation>拍摄日</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Travel day</source>
        <translation>旅行日</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>Above the line</source>
        <translation>线上费用</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>Below the line</source>
        <translation>线下费用</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>Post-production</source>
        <translation>后期制作</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59"/>
        <source>Contingency &amp; overhead</source>
        <translation>不可预见费与管理费</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Days</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>Weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>Allow</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Episodes</source>
        <translation>集</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>Flat amount</source>
        <translation>固定金额</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Chosen by line</source>
        <translation>按明细指定</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <source>All pay</source>
        <translation>全部薪酬</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Union pay</source>
        <translation>工会薪酬</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <source>Committed</source>
        <translation>已承诺</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>Changed</source>
        <translation>改动</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>Omitted</source>
        <translation>已删</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102"/>
        <source>Cut in adaptation</source>
        <translation>改编时删除</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="103"/>
        <source>Not yet adapted</source>
        <translation>尚未改编</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="109"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="110"/>
        <source>Translated</source>
        <translation>已翻译</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111"/>
        <source>Adapted</source>
        <translation>已改编</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>Approved</source>
        <translation>已审定</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="113"/>
        <source>Original changed</source>
        <translation>原文已改</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>12-hour day</source>
        <translation>12 小时工作日</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="123"/>
        <source>Hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162"/>
        <source>EN</source>
        <comment>speaks English, in a few letters</comment>
        <translation>英</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <location filename="../../ui/labels.py" line="124"/>
        <source>Flat</source>
        <translation>包干</translation>
    </message>
</context>
<context>
    <name>LocationsPage</name>
    <message>
        <location filename="../../ui/pages/locations.py" line="24"/>
        <location filename="../../ui/pages/locations.py" line="49"/>
        <source>Location</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="26"/>
        <location filename="../../ui/pages/locations.py" line="82"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="30"/>
        <location filename="../../ui/pages/locations.py" line="86"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="36"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="38"/>
        <location filename="../../ui/pages/locations.py" line="89"/>
        <source>Fee per day</source>
        <translation>每日场租</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="39"/>
        <source>Sets</source>
        <translation>场景数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="40"/>
        <location filename="../../ui/pages/locations.py" line="93"/>
        <source>Nearest hospital</source>
        <translation>最近的医院</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="52"/>
        <location filename="../../ui/pages/locations.py" line="104"/>
        <source>not mapped</source>
        <translation>未对应场地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="80"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="81"/>
        <source>Name in Chinese</source>
        <translation>中文名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="83"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="84"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="85"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/locations.py" line="115"/>
        <source>%n set(s) not mapped to a location</source>
        <translation>
            <numerusform>%n 个场景未对应场地</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="120"/>
        <source>New location</source>
        <translation>新场地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="46"/>
        <source>Set</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="57"/>
        <source>Scenes</source>
        <translation>场数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="87"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="88"/>
        <source>Contact email</source>
        <translation>联系邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="90"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="91"/>
        <source>Parking</source>
        <translation>停车</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="92"/>
        <source>Basecamp</source>
        <translation>大本营</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="94"/>
        <source>Hospital address</source>
        <translation>医院地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="95"/>
        <source>Hospital phone</source>
        <translation>医院电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="96"/>
        <source>Permits</source>
        <translation>许可</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="97"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="69"/>
        <location filename="../../ui/pages/locations.py" line="123"/>
        <source>Add location</source>
        <translation>添加场地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/locations.py" line="70"/>
        <source>Remove location</source>
        <translation>删除场地</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/locations.py" line="113"/>
        <source>%n location(s)</source>
        <translation>
            <numerusform>%n 个场地</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/locations.py" line="113"/>
        <source>%n set(s)</source>
        <translation>
            <numerusform>%n 个场景</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailSettingsDialog</name>
    <message>
        <location filename="../../ui/mail_settings.py" line="31"/>
        <source>Mail settings</source>
        <translation>邮件设置</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="36"/>
        <source>e.g. smtp.gmail.com</source>
        <translation>例如 smtp.gmail.com</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="40"/>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS（端口 587）</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="41"/>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS（端口 465）</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="42"/>
        <source>None (a local relay only)</source>
        <translation>不加密（仅限本地中继）</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="49"/>
        <source>kept in the system keyring; leave empty to keep the one kept</source>
        <translation>保存在系统钥匙串中；留空则保留已保存的密码</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="51"/>
        <source>e.g. producer@example.com</source>
        <translation>例如 producer@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="53"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="53"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="53"/>
        <source>Both</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="56"/>
        <location filename="../../ui/mail_settings.py" line="57"/>
        <location filename="../../ui/mail_settings.py" line="58"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="61"/>
        <source>Mail server</source>
        <translation>邮件服务器</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="62"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="63"/>
        <source>Security</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="64"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="65"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="66"/>
        <source>Sender&apos;s address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="71"/>
        <source>Language when a person&apos;s is not known</source>
        <translation>不知道某人语言时使用的语言</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="72"/>
        <source>Pickup before hair &amp; makeup (0: none)</source>
        <translation>化妆前接送（0：不接送）</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="73"/>
        <source>Hair &amp; makeup</source>
        <translation>化妆造型</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="74"/>
        <source>Wardrobe</source>
        <translation>服装</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="78"/>
        <source>The producer&apos;s mail account</source>
        <translation>制片的邮件账户</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="78"/>
        <source>Call sheets</source>
        <translation>通告单</translation>
    </message>
    <message>
        <location filename="../../ui/mail_settings.py" line="124"/>
        <source>This system has no keyring to keep the password in: it is asked for when sending.</source>
        <translation>本系统没有可保存密码的钥匙串：发送时会询问密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>New &amp;Production…</source>
        <translation>新建项目(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>&amp;Import Script…</source>
        <translation>导入剧本(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>&amp;Contact Sheet (PDF or Excel)…</source>
        <translation>通讯录（PDF 或 Excel）(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>Production &amp;Details…</source>
        <translation>项目信息(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>&amp;About Cliffhanger</source>
        <translation>关于 Cliffhanger(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>&amp;Temperatures</source>
        <translation>温度单位(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>As the language has them (°C in Chinese, °F in English)</source>
        <translation>随界面语言（中文用 °C，英文用 °F）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>Celsius (°C)</source>
        <translation>摄氏度（°C）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>Fahrenheit (°F)</source>
        <translation>华氏度（°F）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>Change the language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>The window reopens in the new language on the same page; everything is saved, but Undo will not go back past this point. Change the language now?</source>
        <translation>窗口将以新语言在同一页面重新打开；所有内容都已保存，但撤销无法退回到此刻之前。现在切换语言吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>Production</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>Production:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>Backed up %1</source>
        <translation>已于 %1 备份</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="311"/>
        <source>Export contact sheet</source>
        <translation>导出通讯录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="313"/>
        <source>PDF documents (*.pdf);;Excel workbooks (*.xlsx)</source>
        <translation>PDF 文档 (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>New production %1</source>
        <translation>新建项目 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>Edit production details</source>
        <translation>编辑项目信息</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <location filename="../../ui/main_window.py" line="330"/>
        <location filename="../../ui/main_window.py" line="347"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="391"/>
        <source>This database is open read-only: nothing can be changed.</source>
        <translation>此数据库以只读方式打开：无法做任何修改。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="368"/>
        <source>Cannot open the production</source>
        <translation>无法打开该项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="393"/>
        <source>Your login on this server may read but not change anything.</source>
        <translation>您在此服务器上的账号只能查看，不能修改。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="449"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="452"/>
        <source>About Cliffhanger</source>
        <translation>关于 Cliffhanger</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="454"/>
        <source>&lt;h3&gt;Cliffhanger %1&lt;/h3&gt;&lt;p&gt;Production manager for micro-drama producers: scripts, cast, schedules, budgets and call sheets, in English and Chinese.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cliffhanger %1&lt;/h3&gt;&lt;p&gt;为短剧制片人打造的制片管理软件：剧本、演员、拍摄计划、预算和通告单，中英双语。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OpenProblems</name>
    <message>
        <location filename="../../ui/open_problems.py" line="29"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../ui/open_problems.py" line="36"/>
        <source>Open Read-Only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../ui/open_problems.py" line="38"/>
        <source>Restore from Backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/open_problems.py" line="40"/>
        <source>Try Again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>OptimizeDialog</name>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="61"/>
        <source>Optimize the schedule</source>
        <translation>优化拍摄计划</translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="67"/>
        <source>Looking for the cheapest schedule…</source>
        <translation>正在寻找成本最低的拍摄计划…</translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="74"/>
        <source>Stop and keep the best</source>
        <translation>停止并保留最优结果</translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="96"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="107"/>
        <source>Fitting every scene within the day limits… (%1 s)</source>
        <translation>正在把每场戏排进每日上限…（%1 秒）</translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="110"/>
        <source>Best so far: %1 before overtime and late meals, after %2 s.</source>
        <translation>目前最优：%1（未计加班费与用餐罚金），用时 %2 秒。</translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="144"/>
        <source>The current schedule (%1) is the best found: nothing changed.</source>
        <translation>当前拍摄计划（%1）已是找到的最优：未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="148"/>
        <source>the best possible</source>
        <translation>已证明最优</translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="150"/>
        <source>the best found in the time</source>
        <translation>限时内找到的最优</translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="165"/>
        <source>Schedule optimized: %1 (%2), %3% below the current schedule (%4) and %5% below script order (%6).</source>
        <translation>拍摄计划已优化：%1（%2），比当前计划（%4）低 %3%，比按剧本顺序（%6）低 %5%。</translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="176"/>
        <source>Schedule optimized: cost %1 (%2), %3% below script order (%4).</source>
        <translation>拍摄计划已优化：成本 %1（%2），比按剧本顺序（%4）低 %3%。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="198"/>
        <source>%n conflict(s) remain: see the list. More time may clear them, unless no schedule can: then ease the limit they name.</source>
        <translation>
            <numerusform>仍有 %n 处冲突：见列表。给更多时间可能消除；若没有任何排期能消除，请放宽其指出的限制。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="206"/>
        <source>%n conflict(s) on reported days, as shot: no schedule can clear them.</source>
        <translation>
            <numerusform>%n 个冲突在已有日报的拍摄日上，按实拍如此：任何计划都无法消除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="220"/>
        <source>Reported days kept what was shot on them and took no other scene (days %1); %n scene(s) not shot on them stay there: Re-plan schedules them again.</source>
        <translation>
            <numerusform>已有日报的拍摄日保留已拍场次，不再排入其他场次（第 %1 天）；其中 %n 场未拍，仍留在原日：请用“重新安排剩余拍摄日”重新排期。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="236"/>
        <source>Meals typed on the call sheets follow the new calls (day(s) %1).</source>
        <translation>
            <numerusform>通告单上填写的用餐时间已随新的通告时间调整（第 %1 天）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="242"/>
        <source>Meals the new calls would put past midnight or past the wrap are cleared from the call sheets and fall when due (day(s) %1).</source>
        <translation>
            <numerusform>新的通告时间会使部分用餐时间跨过午夜或晚于收工，已从通告单上清除，改为到点用餐（第 %1 天）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="119"/>
        <location filename="../../ui/optimize_dialog.py" line="186"/>
        <source>No schedule costs less than %1: at most %2% more to save.</source>
        <translation>任何计划的成本都不会低于 %1：最多还能再省 %2%。</translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="112"/>
        <source>Best so far: %1 with overtime and late meals estimated at %3, after %2 s.</source>
        <translation>目前最优：%1（含估算的加班费与用餐罚金 %3），用时 %2 秒。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="153"/>
        <source>Schedule optimized: %1 (%2), more than the current schedule (%3), which breaks %n limit(s) where this one breaks %4.</source>
        <translation>
            <numerusform>拍摄计划已优化：%1（%2），高于当前计划（%3），但当前计划违反 %n 项限制，此计划违反 %4 项。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="191"/>
        <source>No schedule keeps every limit: this one breaks the fewest (%n conflict(s), see the list).</source>
        <translation>
            <numerusform>没有计划能满足所有限制：此计划违反得最少（%n 处冲突，见列表）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/optimize_dialog.py" line="255"/>
        <source>, </source>
        <comment>between the day numbers of a list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>OriginalView</name>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="41"/>
        <source>Show changes since approval</source>
        <translation>显示审定后的改动</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="62"/>
        <source>Original: none (added in adaptation)</source>
        <translation>原文：无（改编中新增）</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="65"/>
        <source>Original %1</source>
        <translation>原文 %1</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="72"/>
        <source>Original %1: the words as approved were not kept; as it is now</source>
        <translation>原文 %1：未保留审定时的原文，以下为现在的原文</translation>
    </message>
    <message>
        <location filename="../../ui/adaptation_panel.py" line="79"/>
        <source>Original %1: changes since approval (− as approved, + now)</source>
        <translation>原文 %1：审定后的改动（− 审定时，+ 现在）</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../ui/pages/base.py" line="153"/>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/base.py" line="181"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/base.py" line="183"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/base.py" line="192"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../ui/page_stack.py" line="26"/>
        <source>Script</source>
        <translation>剧本</translation>
    </message>
    <message>
        <location filename="../../ui/page_stack.py" line="27"/>
        <source>Breakdown</source>
        <translation>拆解</translation>
    </message>
    <message>
        <location filename="../../ui/page_stack.py" line="28"/>
        <source>Cast</source>
        <translation>演员</translation>
    </message>
    <message>
        <location filename="../../ui/page_stack.py" line="29"/>
        <source>Crew</source>
        <translation>剧组</translation>
    </message>
    <message>
        <location filename="../../ui/page_stack.py" line="30"/>
        <source>Locations</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../ui/page_stack.py" line="31"/>
        <source>Schedule</source>
        <translation>拍摄计划</translation>
    </message>
    <message>
        <location filename="../../ui/page_stack.py" line="32"/>
        <source>Call Sheets</source>
        <translation>通告单</translation>
    </message>
    <message>
        <location filename="../../ui/page_stack.py" line="33"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../ui/page_stack.py" line="37"/>
        <source>Production Report</source>
        <translation>拍摄日报</translation>
    </message>
</context>
<context>
    <name>PayPresetsDialog</name>
    <message>
        <location filename="../../ui/pay_presets.py" line="67"/>
        <location filename="../../ui/pay_presets.py" line="81"/>
        <source>Pay presets</source>
        <translation>薪酬预设</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="25"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="36"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="40"/>
        <source>Overtime after (hours)</source>
        <translation>超过多少小时算加班</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="41"/>
        <source>Overtime rate (×)</source>
        <translation>加班倍率（×）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="42"/>
        <source>Double time after (hours)</source>
        <translation>超过多少小时算双倍</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="43"/>
        <source>Double time rate (×)</source>
        <translation>双倍倍率（×）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="44"/>
        <source>Counted in steps of (minutes)</source>
        <translation>计时单位（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="45"/>
        <source>Day minimum</source>
        <translation>日最低薪酬</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="46"/>
        <source>Week minimum</source>
        <translation>周最低薪酬</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="47"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="48"/>
        <source>Pension &amp; health (%)</source>
        <translation>养老金与医疗（%）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="49"/>
        <source>Meal due within (minutes)</source>
        <translation>开饭时限（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="50"/>
        <source>Meal penalty for each (minutes late)</source>
        <translation>用餐罚金计算单位（延误分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="51"/>
        <source>First meal penalty</source>
        <translation>第一次用餐罚金</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="52"/>
        <source>Second meal penalty</source>
        <translation>第二次用餐罚金</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="53"/>
        <source>Each later meal penalty</source>
        <translation>之后每次用餐罚金</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="54"/>
        <source>Rest between days (hours)</source>
        <translation>两天之间休息（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="55"/>
        <source>Forced call (days&apos; pay)</source>
        <translation>强制提前开工（按日薪倍数）</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="58"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="70"/>
        <source>Union minimums change every contract year: check these figures against the agreement in force.</source>
        <translation>工会最低标准每个合约年度都会变化：请对照现行协议核对这些数字。</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="72"/>
        <source>Add missing standard presets</source>
        <translation>补充缺少的标准预设</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="32"/>
        <source>New preset</source>
        <translation>新预设</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="79"/>
        <source>Add pay preset</source>
        <translation>添加薪酬预设</translation>
    </message>
    <message>
        <location filename="../../ui/pay_presets.py" line="77"/>
        <source>Add standard pay presets</source>
        <translation>添加标准薪酬预设</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pay_presets.py" line="81"/>
        <source>%n preset(s) added.</source>
        <translation>
            <numerusform>已添加 %n 个预设。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleLists</name>
    <message>
        <location filename="../../ui/people_lists.py" line="29"/>
        <source>Import cast list</source>
        <translation>导入演员名单</translation>
    </message>
    <message>
        <location filename="../../ui/people_lists.py" line="29"/>
        <source>Import crew list</source>
        <translation>导入剧组名单</translation>
    </message>
    <message>
        <location filename="../../ui/people_lists.py" line="31"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/people_lists.py" line="39"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/people_lists.py" line="45"/>
        <source>%1: %2 added, %3 updated</source>
        <translation>%1：新增 %2，更新 %3</translation>
    </message>
    <message>
        <location filename="../../ui/people_lists.py" line="54"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/people_lists.py" line="66"/>
        <source>%n row(s) taken as someone already in the production by the Chinese name:</source>
        <translation>
            <numerusform>有 %n 行按中文名对应到了剧组已有人员：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/people_lists.py" line="70"/>
        <source>(and %n more)</source>
        <translation>
            <numerusform>（另有 %n 行）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/people_lists.py" line="78"/>
        <source>Export cast list</source>
        <translation>导出演员名单</translation>
    </message>
    <message>
        <location filename="../../ui/people_lists.py" line="78"/>
        <source>Export crew list</source>
        <translation>导出剧组名单</translation>
    </message>
    <message>
        <location filename="../../ui/people_lists.py" line="80"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>PerformerDayDialog</name>
    <message>
        <location filename="../../ui/performer_days.py" line="153"/>
        <source>Travel, rehearsal or fitting</source>
        <translation>旅行、排练或试装</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="160"/>
        <source>e.g. flight CA 983, 10:40 from Shanghai</source>
        <translation>例如 CA 983 航班，10:40 从上海出发</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="162"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="162"/>
        <source>Called for</source>
        <translation>通告内容</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="162"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PerformerDaysPanel</name>
    <message>
        <location filename="../../ui/performer_days.py" line="41"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="45"/>
        <source>Called for</source>
        <translation>通告内容</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="53"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="68"/>
        <source>Add day…</source>
        <translation>添加日期…</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="71"/>
        <source>A day this performer travels, rehearses or has a fitting</source>
        <translation>该演员旅行、排练或试装的日子</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="69"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="82"/>
        <source>Travel</source>
        <translation>旅行</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="83"/>
        <source>Rehearsal</source>
        <translation>排练</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="84"/>
        <source>Fitting</source>
        <translation>试装</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="129"/>
        <source>Add travel day</source>
        <translation>添加旅行日</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="130"/>
        <source>Add rehearsal</source>
        <translation>添加排练</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="131"/>
        <source>Add fitting</source>
        <translation>添加试装</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="132"/>
        <source>Add day</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location filename="../../ui/performer_days.py" line="139"/>
        <source>Remove travel, rehearsal or fitting day</source>
        <translation>删除旅行、排练或试装日</translation>
    </message>
</context>
<context>
    <name>ProductionDialog</name>
    <message>
        <location filename="../../ui/production_dialog.py" line="18"/>
        <source>Production details</source>
        <translation>项目信息</translation>
    </message>
    <message>
        <location filename="../../ui/production_dialog.py" line="18"/>
        <source>New production</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/production_dialog.py" line="40"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/production_dialog.py" line="41"/>
        <source>Chinese title</source>
        <translation>中文片名</translation>
    </message>
    <message>
        <location filename="../../ui/production_dialog.py" line="42"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/production_dialog.py" line="43"/>
        <source>Base currency</source>
        <translation>本位币</translation>
    </message>
    <message>
        <location filename="../../ui/production_dialog.py" line="44"/>
        <source>Headquarters time zone</source>
        <translation>总部时区</translation>
    </message>
    <message>
        <location filename="../../ui/production_dialog.py" line="45"/>
        <source>Shoot time zone</source>
        <translation>拍摄地时区</translation>
    </message>
</context>
<context>
    <name>ProductionReportPage</name>
    <message>
        <location filename="../../ui/pages/reports.py" line="81"/>
        <source>Day</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="82"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="83"/>
        <source>Reported</source>
        <translation>已报</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="83"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="100"/>
        <source>Times</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="101"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="102"/>
        <source>Scenes</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="103"/>
        <location filename="../../ui/pages/reports.py" line="156"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="104"/>
        <location filename="../../ui/pages/reports.py" line="259"/>
        <source>Hot cost</source>
        <translation>当日成本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="109"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="109"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="109"/>
        <source>Both</source>
        <translation>双语</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="114"/>
        <location filename="../../ui/pages/reports.py" line="372"/>
        <source>Start the report</source>
        <translation>开始填写日报</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="115"/>
        <location filename="../../ui/pages/reports.py" line="383"/>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="116"/>
        <source>Add a scene shot…</source>
        <translation>添加已拍场次…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="117"/>
        <location filename="../../ui/pages/reports.py" line="420"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="118"/>
        <source>Post to the budget</source>
        <translation>记入预算</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="119"/>
        <source>Re-plan the remaining days…</source>
        <translation>重新安排剩余拍摄日…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="120"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="121"/>
        <source>Export workbook…</source>
        <translation>导出工作簿…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="148"/>
        <source>Crew call</source>
        <translation>集合时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="149"/>
        <source>Shooting call</source>
        <translation>开拍时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="150"/>
        <source>First shot</source>
        <translation>第一个镜头</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="151"/>
        <source>Lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="152"/>
        <source>First shot after lunch</source>
        <translation>午餐后第一个镜头</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="153"/>
        <location filename="../../ui/pages/reports.py" line="171"/>
        <source>Second meal</source>
        <translation>第二餐</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="154"/>
        <source>Camera wrap</source>
        <translation>摄影收工</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="155"/>
        <source>Last person out</source>
        <translation>最后离场</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="160"/>
        <location filename="../../ui/pages/reports.py" line="249"/>
        <source>Cast</source>
        <translation>演员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="160"/>
        <location filename="../../ui/pages/reports.py" line="250"/>
        <source>Crew</source>
        <translation>剧组</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="160"/>
        <location filename="../../ui/pages/reports.py" line="251"/>
        <source>Background</source>
        <translation>群演</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="163"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="164"/>
        <location filename="../../ui/pages/reports.py" line="240"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="164"/>
        <location filename="../../ui/pages/reports.py" line="229"/>
        <location filename="../../ui/pages/reports.py" line="243"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="165"/>
        <source>Role or position</source>
        <translation>角色或职位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="166"/>
        <source>Count</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="167"/>
        <source>Call</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="168"/>
        <source>Makeup</source>
        <translation>化妆</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="169"/>
        <source>On set</source>
        <translation>到片场</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="170"/>
        <source>First meal</source>
        <translation>第一餐</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="172"/>
        <source>Wrap</source>
        <translation>收工</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="173"/>
        <source>Out</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="176"/>
        <source>Travel (minutes)</source>
        <translation>路程（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="181"/>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="182"/>
        <source>Overtime hours</source>
        <translation>加班工时</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="183"/>
        <source>Late meals</source>
        <translation>延误用餐</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="184"/>
        <source>Rest</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="185"/>
        <location filename="../../ui/pages/reports.py" line="254"/>
        <source>Overtime</source>
        <translation>加班费</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="186"/>
        <location filename="../../ui/pages/reports.py" line="255"/>
        <source>Penalties</source>
        <translation>罚金</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="187"/>
        <location filename="../../ui/pages/reports.py" line="221"/>
        <source>Remarks</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="192"/>
        <source>Completed</source>
        <translation>拍完</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="193"/>
        <source>Partly shot</source>
        <translation>部分拍摄</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="194"/>
        <source>Not shot</source>
        <translation>未拍</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="200"/>
        <source>Scene</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="201"/>
        <source>Set</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="202"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="203"/>
        <location filename="../../ui/pages/reports.py" line="260"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="203"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="204"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="207"/>
        <source>Pages shot (part)</source>
        <translation>已拍页数（部分）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="215"/>
        <source>Screen time</source>
        <translation>成片时长</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="220"/>
        <source>Setups</source>
        <translation>机位</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="227"/>
        <source>Delay</source>
        <translation>延误</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="228"/>
        <source>Incident</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="233"/>
        <source>Weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="234"/>
        <source>Talent</source>
        <translation>演员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="235"/>
        <source>Equipment</source>
        <translation>器材</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="236"/>
        <source>Location</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="237"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="241"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="242"/>
        <source>Time lost</source>
        <translation>损失时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="244"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="252"/>
        <source>Locations</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="253"/>
        <source>Company moves</source>
        <translation>转场</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="256"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="261"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="262"/>
        <source>Variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="297"/>
        <source>Its report can be started on %1, at wrap.</source>
        <translation>可于 %1 收工时开始填写日报。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="308"/>
        <source>Not reported yet: start its report at wrap.</source>
        <translation>尚无日报：收工时开始填写。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="310"/>
        <source>Not shot yet: its report can be started on %1, at wrap.</source>
        <translation>尚未拍摄：可于 %1 收工时开始填写日报。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="332"/>
        <source>posted to the budget</source>
        <translation>已记入预算</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="334"/>
        <source>not posted to the budget yet</source>
        <translation>尚未记入预算</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="335"/>
        <source>posted to the budget, but changed since: post it again</source>
        <translation>已记入预算，但之后有改动：请重新记入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="350"/>
        <source>%1 of %2 scenes completed, %3 partly shot, %4 not shot, %5 added</source>
        <translation>计划 %2 场，拍完 %1 场，部分拍摄 %3 场，未拍 %4 场，新增 %5 场</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="357"/>
        <source>hot cost %1 against %2 planned</source>
        <translation>当日成本 %1，计划 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="382"/>
        <source>New note</source>
        <translation>新备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="394"/>
        <source>Every scene of the script is on this report.</source>
        <translation>剧本的每一场都已在本报告中。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="396"/>
        <source>Add a scene shot</source>
        <translation>添加已拍场次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="397"/>
        <source>Scene shot on this day:</source>
        <translation>本日拍摄的场次：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="414"/>
        <source>Choose the notes, or scenes added on the day, to remove.</source>
        <translation>请选择要删除的备注，或当天添加的场次。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="418"/>
        <source>A scene planned for the day stays on its report: mark it not shot instead.</source>
        <translation>当天计划的场次保留在报告中：请改为标记为未拍摄。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/reports.py" line="431"/>
        <source>Posted %n actual(s) to the budget</source>
        <translation>
            <numerusform>已记入预算 %n 笔</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="439"/>
        <source>Re-plan the remaining days</source>
        <translation>重新安排剩余拍摄日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="441"/>
        <source>Re-planning needs a reported day and a day after it to plan.</source>
        <translation>重新安排需要一个已报的拍摄日，以及其后可安排的拍摄日。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="444"/>
        <source>Re-plan from day:</source>
        <translation>从第几天起重新安排：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="454"/>
        <source>Looking for the cheapest schedule of the days from day %1 on: the costs below are theirs alone; the whole shoot&apos;s follows.</source>
        <translation>正在为第 %1 天起的拍摄日寻找成本最低的计划：下方成本仅为这些天的，整个拍摄的成本随后给出。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="473"/>
        <source>Re-planned from day %1</source>
        <translation>已从第 %1 天起重新安排</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="480"/>
        <source>From day %1: %2 scene(s) left unshot are scheduled again. The whole schedule would cost %3. The slip saves %4: %5 cast work days, %6 hold days, %7 location days, %8 shoot day(s) added.</source>
        <translation>从第 %1 天起：%2 场未拍的戏重新排入计划。整个计划预计花费 %3。延误反而节省 %4：演员工作日 %5，待命日 %6，场地日 %7，增加拍摄日 %8 天。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="485"/>
        <source>From day %1: %2 scene(s) left unshot are scheduled again. The whole schedule would cost %3. The slip costs %4: %5 cast work days, %6 hold days, %7 location days, %8 shoot day(s) added.</source>
        <translation>从第 %1 天起：%2 场未拍的戏重新排入计划。整个计划预计花费 %3。延误多花 %4：演员工作日 %5，待命日 %6，场地日 %7，增加拍摄日 %8 天。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="500"/>
        <source>The days added cost %1 in the budget, in the slip&apos;s cost.</source>
        <translation>增加的拍摄日在预算中计 %1，已计入延误成本。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="505"/>
        <source>Placing the remaining days again also saves %1, as it would with every scene shot.</source>
        <translation>重新安排剩余拍摄日另外还能节省 %1，即使所有戏都按计划拍完也一样。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/reports.py" line="508"/>
        <source>%n conflict(s) remain: see the schedule.</source>
        <translation>
            <numerusform>还有 %n 处冲突：见拍摄计划。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="510"/>
        <source>Store this schedule?</source>
        <translation>保存这个拍摄计划吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="517"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="517"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="522"/>
        <source>Export the production report</source>
        <translation>导出拍摄日报</translation>
    </message>
</context>
<context>
    <name>RecordDetails</name>
    <message>
        <location filename="../../ui/record_details.py" line="36"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/record_details.py" line="37"/>
        <source>Unavailable</source>
        <translation>不可用日期</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../ui/record_form.py" line="144"/>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../ui/table.py" line="108"/>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <location filename="../../ui/table.py" line="118"/>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <location filename="../../ui/table.py" line="443"/>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/table.py" line="136"/>
        <source>Remove %n row(s)</source>
        <translation>
            <numerusform>删除 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <location filename="../../ui/table.py" line="294"/>
        <source>Edit %1</source>
        <translation>编辑%1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/restore_dialog.py" line="27"/>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="33"/>
        <source>Backups of %1, newest first. Restoring puts the chosen backup in the database&apos;s place; the database as it is now is kept as a backup first, so a restore can itself be undone.</source>
        <translation>%1 的备份，最新的在前。恢复会用所选备份替换数据库；当前的数据库会先保存为一份备份，因此恢复本身也可以撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="42"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="42"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="42"/>
        <source>Holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="42"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="57"/>
        <source>There are no backups of this database yet.</source>
        <translation>此数据库还没有备份。</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="59"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="73"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="75"/>
        <source>no productions</source>
        <translation>没有制作</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/restore_dialog.py" line="78"/>
        <source>%1: %n episode(s)</source>
        <translation>
            <numerusform>%1：%n 集</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/restore_dialog.py" line="80"/>
        <source>%n scene(s)</source>
        <translation>
            <numerusform>%n 场</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="94"/>
        <source>on opening</source>
        <translation>打开时</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="95"/>
        <source>while editing</source>
        <translation>编辑期间</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="96"/>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="97"/>
        <source>before a restore</source>
        <translation>恢复之前</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="98"/>
        <source>before an undo</source>
        <translation>撤销之前</translation>
    </message>
    <message>
        <location filename="../../ui/restore_dialog.py" line="99"/>
        <source>before it was replaced</source>
        <translation>被替换之前</translation>
    </message>
</context>
<context>
    <name>RowListDialog</name>
    <message>
        <location filename="../../ui/row_list_dialog.py" line="51"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/row_list_dialog.py" line="52"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/row_list_dialog.py" line="93"/>
        <source>Add to %1</source>
        <translation>添加到%1</translation>
    </message>
    <message>
        <location filename="../../ui/row_list_dialog.py" line="103"/>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <location filename="../../ui/row_list_dialog.py" line="113"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>SceneElementsList</name>
    <message>
        <location filename="../../ui/scene_breakdown.py" line="98"/>
        <source>Remove from this scene</source>
        <translation>从本场移除</translation>
    </message>
</context>
<context>
    <name>SceneTextView</name>
    <message>
        <location filename="../../ui/scene_breakdown.py" line="61"/>
        <source>Tag “%1” as</source>
        <translation>将“%1”标注为</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../ui/pages/schedule.py" line="102"/>
        <location filename="../../ui/pages/schedule.py" line="163"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="103"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="104"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="105"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="106"/>
        <source>Unit</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="107"/>
        <source>Scenes</source>
        <translation>场数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="108"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="109"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="117"/>
        <location filename="../../ui/pages/schedule.py" line="343"/>
        <source>Add shoot day</source>
        <translation>添加拍摄日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="118"/>
        <location filename="../../ui/pages/schedule.py" line="353"/>
        <source>Day off / shoot day</source>
        <translation>休息日 / 拍摄日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="119"/>
        <location filename="../../ui/pages/schedule.py" line="362"/>
        <source>Remove day</source>
        <translation>删除该日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="128"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="129"/>
        <source>Day Out of Days</source>
        <translation>演员工作日表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="130"/>
        <source>Shoot days</source>
        <translation>拍摄日</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="139"/>
        <source>Optimize…</source>
        <translation>优化…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="140"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="141"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="142"/>
        <source>To boneyard</source>
        <translation>移出计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="143"/>
        <source>Add banner…</source>
        <translation>添加横幅…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="144"/>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="145"/>
        <location filename="../../ui/pages/schedule.py" line="431"/>
        <source>Sort by location</source>
        <translation>按场地排序</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="146"/>
        <location filename="../../ui/pages/schedule.py" line="431"/>
        <source>Sort by scene</source>
        <translation>按场次排序</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="147"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="148"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="153"/>
        <source>Put every scene on a day at the lowest cost: cast days, location days and company moves</source>
        <translation>以最低成本把每场戏排到拍摄日：演员天数、场地天数和转场</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="158"/>
        <source>Filter: scene, set, location, episode E12, cast ID #3…</source>
        <translation>筛选：场次、场景、场地、集数 E12、演员编号 #3…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="163"/>
        <source>Day and night</source>
        <translation>日景和夜景</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="163"/>
        <source>Night</source>
        <translation>夜</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="174"/>
        <source>Shooting schedule (PDF)…</source>
        <translation>拍摄计划（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="175"/>
        <source>One-liner (PDF)…</source>
        <translation>一行式计划（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="176"/>
        <source>Day Out of Days (Excel or PDF)…</source>
        <translation>演员工作日表（Excel 或 PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="177"/>
        <source>Shoot calendar (.ics)…</source>
        <translation>拍摄日历（.ics）…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="188"/>
        <source>Export Schedule</source>
        <translation>导出拍摄计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="190"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="196"/>
        <source>Export Day Out of Days</source>
        <translation>导出演员工作日表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="198"/>
        <source>Excel workbooks (*.xlsx);;PDF documents (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="204"/>
        <source>Export Shoot Calendar</source>
        <translation>导出拍摄日历</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="204"/>
        <source>Calendars (*.ics)</source>
        <translation>日历 (*.ics)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="230"/>
        <source>%n shoot day(s)</source>
        <translation>
            <numerusform>%n 个拍摄日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="231"/>
        <source>%n scene(s) scheduled</source>
        <translation>
            <numerusform>已排 %n 场戏</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="236"/>
        <source>cost %1: cast %2, overtime and penalties %4, locations %3, %n company move(s) %5</source>
        <translation>
            <numerusform>成本 %1：演员 %2，加班费与罚金 %4，场地 %3，%n 次转场 %5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="248"/>
        <location filename="../../ui/pages/schedule.py" line="255"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="253"/>
        <source>Day %1 · %2</source>
        <translation>第 %1 天 · %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="259"/>
        <source>%1 pages · %n set(s)</source>
        <translation>
            <numerusform>%1 页 · %n 个场景</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="247"/>
        <location filename="../../ui/pages/schedule.py" line="260"/>
        <source>%n company move(s)</source>
        <translation>
            <numerusform>%n 次转场</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="278"/>
        <source>Boneyard (not scheduled): %n scene(s)</source>
        <translation>
            <numerusform>未排入计划：%n 场</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="291"/>
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="316"/>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="316"/>
        <source>Hold</source>
        <translation>待命</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="316"/>
        <source>Rehearsal</source>
        <translation>排练</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="316"/>
        <source>Fitting</source>
        <translation>试装</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="317"/>
        <source>Paid</source>
        <translation>计薪</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="316"/>
        <source>Travel</source>
        <translation>旅行</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="263"/>
        <source>(%1 min driving)</source>
        <translation>（车程 %1 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="269"/>
        <source>Sunset %1 · dark %2</source>
        <translation>日落 %1 · 天黑 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="271"/>
        <source>(assumed: no location has coordinates and no base city is set)</source>
        <translation>（估计值：没有场地有坐标，也未设置基地城市）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="273"/>
        <source>(%1, the base city: no location has coordinates)</source>
        <translation>（按基地城市 %1：没有场地有坐标）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="318"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="318"/>
        <source>Cast</source>
        <translation>演员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="324"/>
        <source>Not a shoot day</source>
        <translation>非拍摄日</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="379"/>
        <source>Move %n strip(s)</source>
        <translation>
            <numerusform>移动 %n 个场次条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="412"/>
        <source>Lock strips</source>
        <translation>锁定场次条</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="412"/>
        <source>Unlock strips</source>
        <translation>解锁场次条</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="442"/>
        <location filename="../../ui/pages/schedule.py" line="447"/>
        <source>Strip colour</source>
        <translation>场次条颜色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="455"/>
        <location filename="../../ui/pages/schedule.py" line="467"/>
        <source>Add banner</source>
        <translation>添加横幅</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="455"/>
        <source>Banner text (e.g. LUNCH, COMPANY MOVE):</source>
        <translation>横幅文字（如：午餐、转场）：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="473"/>
        <location filename="../../ui/pages/schedule.py" line="493"/>
        <location filename="../../ui/pages/schedule.py" line="516"/>
        <location filename="../../ui/pages/schedule.py" line="524"/>
        <source>Optimize the schedule</source>
        <translation>优化拍摄计划</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="473"/>
        <source>Search for up to (seconds):</source>
        <translation>最长搜索时间（秒）：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="490"/>
        <source>The schedule has no shoot days yet. The script needs at least %1 at the production&apos;s pages a day.

Add how many shoot days, from the day after the last one?</source>
        <translation>日程还没有拍摄日。按本作品每天的页数，剧本至少需要 %1 天。

从最后一天的次日起添加多少个拍摄日？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schedule.py" line="496"/>
        <source>Add shoot days</source>
        <translation>添加拍摄日</translation>
    </message>
</context>
<context>
    <name>ScheduleSettingsDialog</name>
    <message>
        <location filename="../../ui/schedule_settings.py" line="35"/>
        <location filename="../../ui/schedule_settings.py" line="114"/>
        <source>Schedule settings</source>
        <translation>排期设置</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="40"/>
        <source> pages</source>
        <translation> 页</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="46"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="50"/>
        <location filename="../../ui/schedule_settings.py" line="52"/>
        <location filename="../../ui/schedule_settings.py" line="54"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="58"/>
        <source> % of the straight line</source>
        <translation> %（相对直线距离）</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="60"/>
        <source> km/h</source>
        <translation> 公里/小时</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="70"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="78"/>
        <source>e.g. Los Angeles</source>
        <translation>例如 洛杉矶</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="79"/>
        <source>e.g. 34.0522</source>
        <translation>例如 34.0522</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="80"/>
        <source>e.g. -118.2437</source>
        <translation>例如 -118.2437</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="82"/>
        <source>A location without coordinates takes its sunrise, sunset and dusk from the base city</source>
        <translation>没有坐标的场地按基地城市计算日出、日落和天黑时间</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="88"/>
        <source>Most pages a day</source>
        <translation>每天最多页数</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="89"/>
        <source>Most hours from call to wrap</source>
        <translation>集合到收工最多小时数</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="90"/>
        <source>Minutes a page takes</source>
        <translation>每页所需分钟</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="91"/>
        <source>Set-up time per scene</source>
        <translation>每场准备时间</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="92"/>
        <source>Company move: wrapping and setting up again</source>
        <translation>转场：收工与重新布置</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="109"/>
        <source>Drives typed for a pair of locations (they win over the map)</source>
        <translation>两个地点之间填写的车程（优先于按地图计算）</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="93"/>
        <source>Company move costs (%1)</source>
        <translation>转场费用（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="94"/>
        <source>Roads between locations</source>
        <translation>地点之间的道路</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="95"/>
        <source>Average driving speed</source>
        <translation>平均车速</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="96"/>
        <source>Driving costs an hour (%1)</source>
        <translation>每小时车程费用（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="97"/>
        <source>Earliest crew call</source>
        <translation>最早集合时间</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="98"/>
        <source>Drop a performer across a gap of at least</source>
        <translation>演员空档至少多久才放人</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="99"/>
        <source>Base city</source>
        <translation>基地城市</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="100"/>
        <source>Base city latitude</source>
        <translation>基地城市纬度</translation>
    </message>
    <message>
        <location filename="../../ui/schedule_settings.py" line="101"/>
        <source>Base city longitude</source>
        <translation>基地城市经度</translation>
    </message>
</context>
<context>
    <name>ScriptImport</name>
    <message>
        <location filename="../../ui/script_import.py" line="70"/>
        <source>Import script</source>
        <translation>导入剧本</translation>
    </message>
    <message>
        <location filename="../../ui/script_import.py" line="72"/>
        <source>Scripts (*.fountain *.spmd *.fdx *.txt *.docx);;All files (*)</source>
        <translation>剧本 (*.fountain *.spmd *.fdx *.txt *.docx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/script_import.py" line="95"/>
        <source>Reading the script…</source>
        <translation>正在读取剧本…</translation>
    </message>
    <message>
        <location filename="../../ui/script_import.py" line="171"/>
        <source>Cannot import the script</source>
        <translation>无法导入剧本</translation>
    </message>
    <message>
        <location filename="../../ui/script_import.py" line="146"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/script_import.py" line="120"/>
        <source>Comparing with the stored script…</source>
        <translation>正在与已存的剧本比对…</translation>
    </message>
    <message>
        <location filename="../../ui/script_import.py" line="149"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/script_import.py" line="158"/>
        <source>Imported revision %1: %2 new, %3 changed, %4 omitted</source>
        <translation>已导入修订版 %1：新增 %2，改动 %3，删除 %4</translation>
    </message>
    <message>
        <location filename="../../ui/script_import.py" line="166"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../ui/script_import.py" line="166"/>
        <source>This import cannot be undone: the database is on a server.</source>
        <translation>此次导入无法撤销：数据库位于服务器上。</translation>
    </message>
</context>
<context>
    <name>ScriptPage</name>
    <message>
        <location filename="../../ui/pages/script.py" line="39"/>
        <source>Episode</source>
        <translation>集</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="40"/>
        <source>Scenes</source>
        <translation>场数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="43"/>
        <location filename="../../ui/pages/script.py" line="62"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="44"/>
        <location filename="../../ui/pages/script.py" line="67"/>
        <source>Shots</source>
        <translation>镜头数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="42"/>
        <source>Approved</source>
        <translation>已审定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="45"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="50"/>
        <source>Scene</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="54"/>
        <source>I/E</source>
        <translation>内/外</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="57"/>
        <source>Set</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="61"/>
        <source>D/N</source>
        <translation>日/夜</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="64"/>
        <source>Characters</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="65"/>
        <source>Revision</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="53"/>
        <source>Adaptation</source>
        <translation>改编</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="71"/>
        <source>Synopsis</source>
        <translation>梗概</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="85"/>
        <source>The writer&apos;s notes in this scene: never on sides or call sheets</source>
        <translation>编剧在本场写的备注：不会出现在当日剧本和通告单上</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="99"/>
        <source>Not yet approved</source>
        <translation>尚未审定</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="102"/>
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="104"/>
        <source>Pairs the alignment was not sure of, and originals changed since approval</source>
        <translation>对齐时没把握的配对，以及审定后原文有改动的场次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="128"/>
        <source>Bilingual Script (PDF)…</source>
        <translation>双语剧本（PDF）…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/script.py" line="167"/>
        <source>%n episode(s)</source>
        <translation>
            <numerusform>%n 集</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/script.py" line="169"/>
        <source>%n scene(s)</source>
        <translation>
            <numerusform>%n 场戏</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="171"/>
        <source>%1 pages</source>
        <translation>%1 页</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/script.py" line="174"/>
        <source>%n omitted</source>
        <translation>
            <numerusform>已删 %n 场</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="177"/>
        <source>Original: %1 episodes, %2 scenes; import the shooting script to pair them</source>
        <translation>原版剧本：%1 集，%2 场；导入拍摄剧本后即可逐场对照</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="224"/>
        <source>Not yet adapted · scenes in the original: %1</source>
        <translation>尚未改编 · 原文场次：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="241"/>
        <source>Original %1</source>
        <translation>原文 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="251"/>
        <source>Export Bilingual Script</source>
        <translation>导出双语剧本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="253"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="294"/>
        <source>Not yet adapted: the shooting script does not reach this episode</source>
        <translation>尚未改编：拍摄剧本还没写到这一集</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="296"/>
        <source>Cut in adaptation: no scene of the shooting script adapts it</source>
        <translation>改编时已删：拍摄剧本中没有对应的场次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="318"/>
        <source>None: added in adaptation</source>
        <translation>无：改编中新增</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="319"/>
        <source>The original scene that scene %1 adapts:</source>
        <translation>第 %1 场改编自原剧本的哪一场：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="320"/>
        <location filename="../../ui/pages/script.py" line="348"/>
        <source>Pair with an original scene</source>
        <translation>与原剧本的场次配对</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="327"/>
        <source>Pair scene %1 by hand</source>
        <translation>手动配对第 %1 场</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="329"/>
        <source>Swap the originals of scenes %1 and %2</source>
        <translation>互换 %1 场与 %2 场的原文</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="341"/>
        <source> · paired with scene %1</source>
        <translation> · 已与 %1 场配对</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="350"/>
        <source>Original %1 is scene %2&apos;s. Swap, so that scene %2 adapts original %3 instead?</source>
        <translation>原文 %1 已与 %2 场配对。是否互换，让 %2 场改为对应原文 %3？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="352"/>
        <source>Swap</source>
        <translation>互换</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="354"/>
        <source>Original %1 is scene %2&apos;s: scene %2 will be left unpaired.</source>
        <translation>原文 %1 已与 %2 场配对：%2 场将不再有对应原文。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="357"/>
        <source>Leave scene %1 unpaired</source>
        <translation>让 %1 场不配对</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="366"/>
        <source>Edit the adaptation of scene %1</source>
        <translation>编辑第 %1 场的改编</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="368"/>
        <source>Mark scene %1 as reviewed</source>
        <translation>标记第 %1 场已复核</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="389"/>
        <source>Tag %1</source>
        <translation>标注 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/script.py" line="398"/>
        <source>Remove tag</source>
        <translation>移除标注</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../../ui/send_dialog.py" line="40"/>
        <source>Send call sheets</source>
        <translation>发送通告单</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="43"/>
        <source>Also those whose call sheet is still up to date</source>
        <translation>也发给通告单仍是最新的人</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="48"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="48"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="48"/>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="48"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="48"/>
        <source>Call</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="49"/>
        <source>Call sheet held</source>
        <translation>所持通告单</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="49"/>
        <source>Mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="61"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="77"/>
        <source>not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="78"/>
        <source>up to date</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="79"/>
        <source>outdated</source>
        <translation>已过时</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="80"/>
        <source>no email</source>
        <translation>没有邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="81"/>
        <source>not an email address</source>
        <translation>不是电子邮件地址</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="82"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="83"/>
        <source>to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="84"/>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="85"/>
        <source>refused by the mail server</source>
        <translation>邮件服务器拒收</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="86"/>
        <source>not sent again</source>
        <translation>不再发送</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="95"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="95"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="95"/>
        <source>Both</source>
        <translation>中英双语</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/send_dialog.py" line="110"/>
        <source>%n mail(s) to send</source>
        <translation>
            <numerusform>%n 封邮件待发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/send_dialog.py" line="112"/>
        <source>%n sent</source>
        <translation>
            <numerusform>已发送 %n 封</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="114"/>
        <source>no email: %1</source>
        <translation>没有邮箱：%1</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="115"/>
        <source>not an email address: %1</source>
        <translation>不是电子邮件地址：%1</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="138"/>
        <source>%1 has no email address: not sent.</source>
        <translation>%1 没有电子邮箱：未发送。</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="141"/>
        <source>To: %1 &lt;%2&gt;</source>
        <translation>收件人：%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="142"/>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="143"/>
        <source>Attached: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="159"/>
        <source>Password for %1 on %2:</source>
        <translation>%2 上 %1 的密码：</translation>
    </message>
    <message>
        <location filename="../../ui/send_dialog.py" line="167"/>
        <source>Sending call sheets…</source>
        <translation>正在发送通告单…</translation>
    </message>
</context>
<context>
    <name>StripBoardModel</name>
    <message>
        <location filename="../../ui/stripboard.py" line="126"/>
        <source>Company move → %1, drive not known</source>
        <translation>转场 → %1，车程未知</translation>
    </message>
    <message>
        <location filename="../../ui/stripboard.py" line="127"/>
        <source>Company move → %1, %2 min drive</source>
        <translation>转场 → %1，车程 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/stripboard.py" line="134"/>
        <source>%1 min with wrapping and setting up again</source>
        <translation>含收工与重新布置共 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/stripboard.py" line="136"/>
        <source>The drive&apos;s minutes are typed for these two locations</source>
        <translation>这两个地点之间的车程是填写的</translation>
    </message>
    <message>
        <location filename="../../ui/stripboard.py" line="140"/>
        <source>%1 has no coordinates: the drive is worked out from %2</source>
        <translation>%1 没有坐标：车程按%2计算</translation>
    </message>
    <message>
        <location filename="../../ui/stripboard.py" line="145"/>
        <source>No coordinates for a location, and no base city: the drive is left out</source>
        <translation>有地点没有坐标，也没有设定基地城市：不计车程</translation>
    </message>
</context>
<context>
    <name>UnavailableDialog</name>
    <message>
        <location filename="../../ui/availability.py" line="144"/>
        <source>Unavailable</source>
        <translation>不可用日期</translation>
    </message>
    <message>
        <location filename="../../ui/availability.py" line="149"/>
        <source>e.g. prior booking, travel, family event</source>
        <translation>如：已有档期、出行、家事</translation>
    </message>
    <message>
        <location filename="../../ui/availability.py" line="151"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/availability.py" line="151"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ui/availability.py" line="151"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>VersionsTab</name>
    <message>
        <location filename="../../ui/budget_versions.py" line="27"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="28"/>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="29"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="36"/>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="37"/>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="38"/>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="39"/>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="46"/>
        <source>Make it the approved budget</source>
        <translation>设为批准预算</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="48"/>
        <source>The estimated final cost is measured against the approved budget</source>
        <translation>预计最终成本以批准预算为准衡量</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="50"/>
        <location filename="../../ui/budget_versions.py" line="54"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="54"/>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="71"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="81"/>
        <source>Saved version %1</source>
        <translation>已保存版本 %1</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="86"/>
        <source>Choose the version to approve</source>
        <translation>请选择要批准的版本</translation>
    </message>
    <message>
        <location filename="../../ui/budget_versions.py" line="94"/>
        <source>%1 is the approved budget</source>
        <translation>%1 是批准预算</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcome.py" line="16"/>
        <source>Welcome to Cliffhanger</source>
        <translation>欢迎使用 Cliffhanger</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="19"/>
        <source>Scripts, cast, schedules, budgets and call sheets for micro-drama productions.</source>
        <translation>为短剧项目管理剧本、演员、拍摄计划、预算和通告单。</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="21"/>
        <source>New production…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="23"/>
        <source>Import a script…</source>
        <translation>导入剧本…</translation>
    </message>
    <message>
        <location filename="../../ui/welcome.py" line="25"/>
        <source>Open the demo production</source>
        <translation>打开示例项目</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ui/workspace.py" line="86"/>
        <source>%1 is open in another Cliffhanger window; you can open it read-only here</source>
        <translation>%1 已在另一个 Cliffhanger 窗口中打开；您可以在这里以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="156"/>
        <source>%1 is open in another Cliffhanger window; close it there first</source>
        <translation>%1 已在另一个 Cliffhanger 窗口中打开；请先在那里关闭它</translation>
    </message>
</context>
</TS>
