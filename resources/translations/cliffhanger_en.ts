<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BreakdownPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/breakdown.py" line="68"/>
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n element</numerusform>
            <numerusform>%n elements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/budget.py" line="290"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/budget.py" line="357"/>
        <source>No total: %n problem(s). First: %1</source>
        <translation>
            <numerusform>No total: %n problem. First: %1</numerusform>
            <numerusform>No total: %n problems. First: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BudgetTreeModel</name>
    <message numerus="yes">
        <location filename="../../ui/budget_tree.py" line="401"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallSheetsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/callsheets.py" line="199"/>
        <location filename="../../ui/pages/callsheets.py" line="266"/>
        <source>%n shoot day(s)</source>
        <translation>
            <numerusform>%n shoot day</numerusform>
            <numerusform>%n shoot days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/callsheets.py" line="271"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/callsheets.py" line="272"/>
        <source>%n hold(s) an outdated call sheet: %1</source>
        <translation>
            <numerusform>%n holds an outdated call sheet: %1</numerusform>
            <numerusform>%n hold an outdated call sheet: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/callsheets.py" line="366"/>
        <source>Wrote %n call sheet(s) in %1</source>
        <translation>
            <numerusform>Wrote %n call sheet in %1</numerusform>
            <numerusform>Wrote %n call sheets in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CastPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/cast.py" line="244"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/cast.py" line="244"/>
        <source>%n performer(s)</source>
        <translation>
            <numerusform>%n performer</numerusform>
            <numerusform>%n performers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/cast.py" line="246"/>
        <source>%n not cast yet</source>
        <translation>
            <numerusform>%n not cast yet</numerusform>
            <numerusform>%n not cast yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrewPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/crew.py" line="159"/>
        <source>%n crew member(s)</source>
        <translation>
            <numerusform>%n crew member</numerusform>
            <numerusform>%n crew members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/crew.py" line="161"/>
        <source>%n speak(s) Mandarin</source>
        <translation>
            <numerusform>%n speaks Mandarin</numerusform>
            <numerusform>%n speak Mandarin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/crew.py" line="163"/>
        <source>%n speak(s) Mandarin and English</source>
        <translation>
            <numerusform>%n speaks Mandarin and English</numerusform>
            <numerusform>%n speak Mandarin and English</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocationsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/locations.py" line="113"/>
        <source>%n location(s)</source>
        <translation>
            <numerusform>%n location</numerusform>
            <numerusform>%n locations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/locations.py" line="113"/>
        <source>%n set(s)</source>
        <translation>
            <numerusform>%n set</numerusform>
            <numerusform>%n sets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/locations.py" line="115"/>
        <source>%n set(s) not mapped to a location</source>
        <translation>
            <numerusform>%n set not mapped to a location</numerusform>
            <numerusform>%n sets not mapped to a location</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptimizeDialog</name>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="153"/>
        <source>Schedule optimized: %1 (%2), more than the current schedule (%3), which breaks %n limit(s) where this one breaks %4.</source>
        <translation>
            <numerusform>Schedule optimized: %1 (%2), more than the current schedule (%3), which breaks %n limit where this one breaks %4.</numerusform>
            <numerusform>Schedule optimized: %1 (%2), more than the current schedule (%3), which breaks %n limits where this one breaks %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="191"/>
        <source>No schedule keeps every limit: this one breaks the fewest (%n conflict(s), see the list).</source>
        <translation>
            <numerusform>No schedule keeps every limit: this one breaks the fewest (%n conflict, see the list).</numerusform>
            <numerusform>No schedule keeps every limit: this one breaks the fewest (%n conflicts, see the list).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="198"/>
        <source>%n conflict(s) remain: see the list. More time may clear them, unless no schedule can: then ease the limit they name.</source>
        <translation>
            <numerusform>%n conflict remains: see the list. More time may clear it, unless no schedule can: then ease the limit it names.</numerusform>
            <numerusform>%n conflicts remain: see the list. More time may clear them, unless no schedule can: then ease the limit they name.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="206"/>
        <source>%n conflict(s) on reported days, as shot: no schedule can clear them.</source>
        <translation>
            <numerusform>%n conflict on a reported day, as shot: no schedule can clear it.</numerusform>
            <numerusform>%n conflicts on reported days, as shot: no schedule can clear them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="220"/>
        <source>Reported days kept what was shot on them and took no other scene (days %1); %n scene(s) not shot on them stay there: Re-plan schedules them again.</source>
        <translation>
            <numerusform>Reported days kept what was shot on them and took no other scene (days %1); %n scene not shot on them stays there: Re-plan schedules it again.</numerusform>
            <numerusform>Reported days kept what was shot on them and took no other scene (days %1); %n scenes not shot on them stay there: Re-plan schedules them again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="236"/>
        <source>Meals typed on the call sheets follow the new calls (day(s) %1).</source>
        <translation>
            <numerusform>Meals typed on the call sheets follow the new calls (day %1).</numerusform>
            <numerusform>Meals typed on the call sheets follow the new calls (days %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/optimize_dialog.py" line="242"/>
        <source>Meals the new calls would put past midnight or past the wrap are cleared from the call sheets and fall when due (day(s) %1).</source>
        <translation>
            <numerusform>Meals the new calls would put past midnight or past the wrap are cleared from the call sheets and fall when due (day %1).</numerusform>
            <numerusform>Meals the new calls would put past midnight or past the wrap are cleared from the call sheets and fall when due (days %1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PayPresetsDialog</name>
    <message numerus="yes">
        <location filename="../../ui/pay_presets.py" line="81"/>
        <source>%n preset(s) added.</source>
        <translation>
            <numerusform>%n preset added.</numerusform>
            <numerusform>%n presets added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleLists</name>
    <message numerus="yes">
        <location filename="../../ui/people_lists.py" line="66"/>
        <source>%n row(s) taken as someone already in the production by the Chinese name:</source>
        <translation>
            <numerusform>%n row taken as someone already in the production by the Chinese name:</numerusform>
            <numerusform>%n rows taken as someone already in the production by the Chinese name:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/people_lists.py" line="70"/>
        <source>(and %n more)</source>
        <translation>
            <numerusform>(and %n more)</numerusform>
            <numerusform>(and %n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductionReportPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/reports.py" line="431"/>
        <source>Posted %n actual(s) to the budget</source>
        <translation>
            <numerusform>Posted %n actual to the budget</numerusform>
            <numerusform>Posted %n actuals to the budget</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/reports.py" line="508"/>
        <source>%n conflict(s) remain: see the schedule.</source>
        <translation>
            <numerusform>%n conflict remains: see the schedule.</numerusform>
            <numerusform>%n conflicts remain: see the schedule.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message numerus="yes">
        <location filename="../../ui/table.py" line="136"/>
        <source>Remove %n row(s)</source>
        <translation>
            <numerusform>Remove %n row</numerusform>
            <numerusform>Remove %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <location filename="../../ui/restore_dialog.py" line="78"/>
        <source>%1: %n episode(s)</source>
        <translation>
            <numerusform>%1: %n episode</numerusform>
            <numerusform>%1: %n episodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/restore_dialog.py" line="80"/>
        <source>%n scene(s)</source>
        <translation>
            <numerusform>%n scene</numerusform>
            <numerusform>%n scenes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="230"/>
        <source>%n shoot day(s)</source>
        <translation>
            <numerusform>%n shoot day</numerusform>
            <numerusform>%n shoot days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="231"/>
        <source>%n scene(s) scheduled</source>
        <translation>
            <numerusform>%n scene scheduled</numerusform>
            <numerusform>%n scenes scheduled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="236"/>
        <source>cost %1: cast %2, overtime and penalties %4, locations %3, %n company move(s) %5</source>
        <translation>
            <numerusform>cost %1: cast %2, overtime and penalties %4, locations %3, %n company move %5</numerusform>
            <numerusform>cost %1: cast %2, overtime and penalties %4, locations %3, %n company moves %5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="248"/>
        <location filename="../../ui/pages/schedule.py" line="255"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="259"/>
        <source>%1 pages · %n set(s)</source>
        <translation>
            <numerusform>%1 pages · %n set</numerusform>
            <numerusform>%1 pages · %n sets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="247"/>
        <location filename="../../ui/pages/schedule.py" line="260"/>
        <source>%n company move(s)</source>
        <translation>
            <numerusform>%n company move</numerusform>
            <numerusform>%n company moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="278"/>
        <source>Boneyard (not scheduled): %n scene(s)</source>
        <translation>
            <numerusform>Boneyard (not scheduled): %n scene</numerusform>
            <numerusform>Boneyard (not scheduled): %n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="379"/>
        <source>Move %n strip(s)</source>
        <translation>
            <numerusform>Move %n strip</numerusform>
            <numerusform>Move %n strips</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScriptPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/script.py" line="167"/>
        <source>%n episode(s)</source>
        <translation>
            <numerusform>%n episode</numerusform>
            <numerusform>%n episodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/script.py" line="169"/>
        <source>%n scene(s)</source>
        <translation>
            <numerusform>%n scene</numerusform>
            <numerusform>%n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/script.py" line="174"/>
        <source>%n omitted</source>
        <translation>
            <numerusform>%n omitted</numerusform>
            <numerusform>%n omitted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message numerus="yes">
        <location filename="../../ui/send_dialog.py" line="110"/>
        <source>%n mail(s) to send</source>
        <translation>
            <numerusform>%n mail to send</numerusform>
            <numerusform>%n mails to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/send_dialog.py" line="112"/>
        <source>%n sent</source>
        <translation>
            <numerusform>%n sent</numerusform>
            <numerusform>%n sent</numerusform>
        </translation>
    </message>
</context>
</TS>
