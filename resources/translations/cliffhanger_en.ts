<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BreakdownPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/breakdown.py" line="77"/>
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n element</numerusform>
            <numerusform>%n elements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallSheetsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/callsheets.py" line="37"/>
        <source>%n shoot day(s)</source>
        <translation>
            <numerusform>%n shoot day</numerusform>
            <numerusform>%n shoot days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CastPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/cast.py" line="70"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/cast.py" line="72"/>
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
        <location filename="../../ui/pages/crew.py" line="39"/>
        <source>%n crew member(s)</source>
        <translation>
            <numerusform>%n crew member</numerusform>
            <numerusform>%n crew members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/crew.py" line="39"/>
        <source>%n speak(s) Mandarin</source>
        <translation>
            <numerusform>%n speaks Mandarin</numerusform>
            <numerusform>%n speak Mandarin</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocationsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/locations.py" line="48"/>
        <source>%n location(s)</source>
        <translation>
            <numerusform>%n location</numerusform>
            <numerusform>%n locations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/locations.py" line="48"/>
        <source>%n set(s)</source>
        <translation>
            <numerusform>%n set</numerusform>
            <numerusform>%n sets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="44"/>
        <source>%n shoot day(s)</source>
        <translation>
            <numerusform>%n shoot day</numerusform>
            <numerusform>%n shoot days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/schedule.py" line="44"/>
        <source>%n scene(s) scheduled</source>
        <translation>
            <numerusform>%n scene scheduled</numerusform>
            <numerusform>%n scenes scheduled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScriptPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/script.py" line="82"/>
        <source>%n episode(s)</source>
        <translation>
            <numerusform>%n episode</numerusform>
            <numerusform>%n episodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/script.py" line="84"/>
        <source>%n scene(s)</source>
        <translation>
            <numerusform>%n scene</numerusform>
            <numerusform>%n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/script.py" line="89"/>
        <source>%n omitted</source>
        <translation>
            <numerusform>%n omitted</numerusform>
            <numerusform>%n omitted</numerusform>
        </translation>
    </message>
</context>
</TS>
