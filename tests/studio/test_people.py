"""Performers, deals, crew, locations and availability: edits, additions and removals, undone exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import select

from studio.casting import cast_role, deal_for
from studio.edits import set_field
from studio.errors import InvalidInput
from studio.models import (
    Availability,
    CastAssignment,
    Character,
    CrewMember,
    DayReportTime,
    FilmSet,
    Location,
    OvertimeRule,
    Performer,
)
from studio.money import Money
from studio.productions import add_pay_presets
from studio.records import add_row, remove_row, restore


def _performer(session, name: str) -> Performer:
    return session.exec(select(Performer).where(Performer.legal_name == name)).one()


def _character(session, name: str) -> Character:
    return session.exec(select(Character).where(Character.name == name)).one()


def test_new_productions_carry_editable_pay_presets_including_sag_aftra_verticals(demo):
    with demo.session() as session:
        presets = {rule.name: rule for rule in session.exec(select(OvertimeRule))}
    verticals = presets["SAG-AFTRA Verticals"]
    assert (verticals.first_threshold_hours, verticals.first_factor) == (Decimal(8), Decimal("1.5"))
    assert (verticals.second_threshold_hours, verticals.second_factor) == (Decimal(10), Decimal(2))
    assert verticals.increment_minutes == 6 and verticals.pension_health_percent == Decimal(20)
    with demo.transaction() as session:
        set_field(session, "overtime_rule", verticals.id, "day_minimum", "249.00")
        set_field(session, "overtime_rule", verticals.id, "pension_health_percent", "21.5")
        assert add_pay_presets(session, verticals.production_id) == 0
    with demo.session() as session:
        stored = session.get(OvertimeRule, verticals.id)
        assert stored.day_minimum == Money(Decimal("249.00"), "USD")
        assert stored.pension_health_percent == Decimal("21.5")


def test_a_deal_rate_is_typed_in_its_own_currency_and_a_currency_change_keeps_the_number(demo):
    with demo.transaction() as session:
        deal = deal_for(session, _character(session, "ETHAN").id)
        change = set_field(session, "cast_assignment", deal.id, "rate", "1,950.50")
        assert (change.old, change.new) == (Money(Decimal(1800), "USD"), Money(Decimal("1950.50"), "USD"))
        set_field(session, "cast_assignment", deal.id, "currency", "cny")
        assert deal.rate == Money(Decimal("1950.50"), "CNY") and deal.per_diem == Money(Decimal(60), "CNY")
        with pytest.raises(InvalidInput, match="more decimal places than JPY"):
            set_field(session, "cast_assignment", deal.id, "currency", "JPY")
        # Undo puts the old values back exactly.
        set_field(session, "cast_assignment", deal.id, "currency", "USD")
        set_field(session, "cast_assignment", deal.id, "rate", change.old)
        assert deal.rate == Money(Decimal(1800), "USD")


@pytest.mark.parametrize(
    ("entity", "field", "value", "message"),
    [
        ("performer", "phone", "call my agent", "not a phone number"),
        ("performer", "email", "daniel(at)example.com", "not an email address"),
        ("performer", "union_status", "guild", "not a union status"),
        ("crew_member", "rate", "-300", "negative"),
        ("crew_member", "currency", "Dollars", "unknown currency"),
        ("location", "latitude", "95", "not a latitude"),
        ("location", "timezone", "PST", "unknown time zone"),
        ("location", "fee_per_day", "abc", "not an amount"),
        ("overtime_rule", "first_factor", "0.5", "not a number from 1"),
        ("department", "default_call_offset_minutes", "2h", "not a whole number"),
    ],
)
def test_invalid_values_are_refused_and_nothing_is_stored(demo, entity, field, value, message):
    with demo.session() as session:
        model = {
            "performer": Performer,
            "crew_member": CrewMember,
            "location": Location,
            "overtime_rule": OvertimeRule,
        }.get(entity)
        from studio.models import Department

        model = model or Department
        row = session.exec(select(model)).first()
        before = getattr(row, field)
    with pytest.raises(InvalidInput, match=message), demo.transaction() as session:
        set_field(session, entity, row.id, field, value)
    with demo.session() as session:
        assert getattr(session.get(model, row.id), field) == before


def test_removing_a_performer_takes_their_deals_dates_and_reported_times_and_restore_puts_all_back(demo):
    def reported_times(session, performer_id):
        rows = session.exec(select(DayReportTime).where(DayReportTime.performer_id == performer_id)).all()
        return sorted((row.report_id, row.call, row.wrap) for row in rows)

    with demo.transaction() as session:
        chloe_id = _performer(session, "Mia Tanaka").id
        times = reported_times(session, chloe_id)
        assert len(times) == 3  # the demo's three reported days
        removal = remove_row(session, "performer", chloe_id)
        assert session.exec(select(CastAssignment).where(CastAssignment.performer_id == chloe_id)).all() == []
        assert session.exec(select(Availability).where(Availability.performer_id == chloe_id)).all() == []
        assert reported_times(session, chloe_id) == []
    assert sorted(table for table, _ in removal.deleted) == [
        "availability",
        "cast_assignment",
        *["day_report_time"] * 3,
        "performer",
    ]
    with demo.transaction() as session:
        restore(session, removal)
    with demo.session() as session:
        chloe = _performer(session, "Mia Tanaka")
        assert reported_times(session, chloe.id) == times
        assert deal_for(session, _character(session, "CHLOE").id).performer_id == chloe.id
        assert deal_for(session, _character(session, "CHLOE").id).rate == Money(Decimal(1500), "USD")
        dates = session.exec(select(Availability).where(Availability.performer_id == chloe.id)).all()
        assert [(d.start_date, d.reason) for d in dates] == [(dt.date(2027, 1, 14), "Prior booking: commercial shoot")]


def test_removing_a_location_unlinks_its_sets_and_restore_links_them_again(demo):
    with demo.transaction() as session:
        tower = session.exec(select(Location).where(Location.name == "Sterling Tower")).one()
        linked = sorted(s.id for s in session.exec(select(FilmSet).where(FilmSet.location_id == tower.id)))
        removal = remove_row(session, "location", tower.id)
        assert session.exec(select(FilmSet).where(FilmSet.id.in_(linked), FilmSet.location_id.is_not(None))).all() == []
        restore(session, removal)
        again = sorted(s.id for s in session.exec(select(FilmSet).where(FilmSet.location_id == tower.id)))
    assert linked and again == linked


def test_adding_rows_checks_every_value(demo):
    with demo.transaction() as session:
        production_id = _performer(session, "Mia Tanaka").production_id
        performer_id = add_row(
            session,
            "performer",
            {"production_id": production_id},
            {
                "legal_name": "Ava Chen",
                "name_zh": "陈艾娃",
                "phone": "+1 (646) 555-0123",
                "languages": "English, Mandarin",
            },
        )
        availability_id = add_row(
            session,
            "availability",
            {"performer_id": performer_id},
            {"start_date": "2027-01-12", "end_date": "2027-01-13", "reason": "Audition in New York"},
        )
        assert session.get(Availability, availability_id).end_date == dt.date(2027, 1, 13)
    with pytest.raises(InvalidInput, match="before the start date"), demo.transaction() as session:
        add_row(
            session,
            "availability",
            {"performer_id": performer_id},
            {"start_date": "2027-01-13", "end_date": "2027-01-12"},
        )
    with pytest.raises(InvalidInput, match="cannot be empty"), demo.transaction() as session:
        add_row(session, "performer", {"production_id": production_id}, {"legal_name": "  "})
    with demo.session() as session:
        assert len(session.exec(select(Availability).where(Availability.performer_id == performer_id)).all()) == 1


def test_one_performer_may_play_several_roles_and_recasting_starts_a_new_deal(demo):
    with demo.transaction() as session:
        daniel = _performer(session, "Daniel Hayes")
        leo = _character(session, "LEO")
        performer_before, rate_before = deal_for(session, leo.id).performer_id, deal_for(session, leo.id).rate
        casting = cast_role(session, leo.id, daniel.id)
        assert casting.replaced is not None and casting.replaced.row[1]["performer_id"] == performer_before
        assert deal_for(session, leo.id).rate is None and deal_for(session, leo.id).performer_id == daniel.id
        restore_target = casting
        roles = session.exec(select(CastAssignment).where(CastAssignment.performer_id == daniel.id)).all()
        assert len(roles) == 2
        removal = remove_row(session, "cast_assignment", deal_for(session, leo.id).id)
        assert deal_for(session, leo.id) is None
        casting = cast_role(session, leo.id, daniel.id)
        assert casting.added_deal_id is not None and deal_for(session, leo.id).currency == "USD"
        assert removal.row[0] == "cast_assignment"
        remove_row(session, "cast_assignment", deal_for(session, leo.id).id)
        restore(session, restore_target.replaced)
        assert deal_for(session, leo.id).rate == rate_before


def test_casting_a_performer_of_another_production_is_refused(demo):
    from studio.productions import ProductionDetails, create_production

    with demo.transaction() as session:
        other = create_production(session, ProductionDetails("Other show"))
        stranger = add_row(session, "performer", {"production_id": other.id}, {"legal_name": "Stranger"})
    with pytest.raises(InvalidInput), demo.transaction() as session:
        cast_role(session, _character(session, "LEO").id, stranger)


def test_adding_a_department_under_a_name_already_taken_is_refused_and_adds_nothing(demo):
    with pytest.raises(InvalidInput, match="same name already exists"), demo.transaction() as session:
        add_row(session, "department", {"production_id": 1}, {"name": "Camera"})
    with demo.session() as session:
        from studio.models import Department

        assert len(session.exec(select(Department).where(Department.name == "Camera")).all()) == 1


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","y")', "+SUM(1)", "@cmd"])
def test_names_that_would_run_as_spreadsheet_formulas_are_refused(demo, name):
    with pytest.raises(InvalidInput, match="spreadsheet formula"), demo.transaction() as session:
        set_field(session, "performer", 1, "legal_name", name)
