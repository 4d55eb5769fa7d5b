from __future__ import annotations

import pytest
from sqlmodel import select

from studio.edits import set_field
from studio.errors import InvalidInput, ProductionNotFound
from studio.models import BreakdownCategory, BudgetAccount, Character, Production
from studio.productions import ProductionDetails, create_production, delete_production, get_production
from studio.storage.db import open_database


@pytest.fixture
def database(tmp_path):
    database = open_database(tmp_path / "p.sqlite", create=True)
    yield database
    database.close()


def test_new_production_comes_with_categories_and_chart_of_accounts(database):
    with database.transaction() as session:
        production = create_production(session, ProductionDetails("Midnight Heir", "午夜继承人", base_currency="cny"))
    with database.session() as session:
        stored = session.get(Production, production.id)
        assert (stored.title_zh, stored.base_currency) == ("午夜继承人", "CNY")
        categories = session.exec(select(BreakdownCategory.key)).all()
        assert {"cast", "props", "wardrobe", "vehicles"} <= set(categories)
        codes = session.exec(select(BudgetAccount.code).order_by(BudgetAccount.sort_order)).all()
        assert codes[:4] == ["1100", "1200", "1300", "1400"] and "9000" in codes


@pytest.mark.parametrize(
    ("details", "message"),
    [
        (ProductionDetails("   "), "needs a title"),
        (ProductionDetails("X", base_currency="DOLLARS"), "unknown currency"),
        (ProductionDetails("X", hq_timezone="Beijing"), "unknown time zone"),
    ],
)
def test_invalid_production_details_store_nothing(database, details, message):
    with pytest.raises(InvalidInput, match=message), database.transaction() as session:
        create_production(session, details)
    with database.session() as session:
        assert session.exec(select(Production)).all() == []


def test_recreating_under_the_same_id_and_deleting_everything_it_owns(database):
    with database.transaction() as session:
        first = create_production(session, ProductionDetails("First")).id
    with database.transaction() as session:
        delete_production(session, first)
    with database.transaction() as session:
        assert create_production(session, ProductionDetails("First again"), production_id=first).id == first
    with database.session() as session:
        assert len(session.exec(select(BudgetAccount)).all()) == 30


def test_get_production_needs_a_choice_only_when_there_are_several(database):
    with database.session() as session, pytest.raises(ProductionNotFound, match="no production yet"):
        get_production(session, None)
    with database.transaction() as session:
        create_production(session, ProductionDetails("One"))
        create_production(session, ProductionDetails("Two"))
    with database.session() as session:
        with pytest.raises(ProductionNotFound, match="--production"):
            get_production(session, None)
        with pytest.raises(ProductionNotFound, match="no production with id 99"):
            get_production(session, 99)
        assert get_production(session, 2).title == "Two"


def test_set_field_cleans_the_value_and_reports_the_change(demo_path):
    database = open_database(demo_path)
    with database.transaction() as session:
        change = set_field(session, "character", 1, "name_zh", "  伊森·斯特林  ")
    assert (change.old, change.new) == ("顾景深", "伊森·斯特林")
    with database.session() as session:
        assert session.get(Character, 1).name_zh == "伊森·斯特林"
    database.close()


@pytest.mark.parametrize(
    ("entity", "field", "value", "message"),
    [
        ("character", "name", "   ", "cannot be empty"),
        ("character", "name", "CHLOE", "already has the value 'CHLOE'"),
        ("character", "name", "X" * 201, "at most 200"),
        ("character", "headcount", "6", "ETHAN is not background"),
        ("scene", "page_eighths", 3, "cannot be edited"),
        ("budget_line", "rate_minor", 1, "cannot be edited"),
    ],
)
def test_set_field_refuses_bad_values_and_changes_nothing(demo_path, entity, field, value, message):
    database = open_database(demo_path)
    with pytest.raises(InvalidInput, match=message), database.transaction() as session:
        set_field(session, entity, 1, field, value)
    with database.session() as session:
        assert session.get(Character, 1).name == "ETHAN"
    database.close()


@pytest.mark.parametrize(("value", "message"), [("0", "not a whole number of 1 or more"), ("-3", "1 or more")])
def test_a_background_headcount_is_a_whole_number_of_one_or_more_or_none(demo_path, value, message):
    database = open_database(demo_path)
    with database.session() as session:
        reporters = session.exec(select(Character).where(Character.name == "REPORTERS")).one().id
    with pytest.raises(InvalidInput, match=message), database.transaction() as session:
        set_field(session, "character", reporters, "headcount", value)
    with database.transaction() as session:
        assert session.get(Character, reporters).headcount == 6
        set_field(session, "character", reporters, "headcount", " ")  # none: counted from the name, if it says
    with database.session() as session:
        assert session.get(Character, reporters).headcount is None
    database.close()
