from __future__ import annotations

import pytest
from sqlmodel import select

from studio.breakdown import remove_tag, renumber_cast, retag_scene, tag_scene, untag_scene
from studio.edits import set_field
from studio.errors import InvalidInput
from studio.models import BreakdownCategory, BreakdownElement, Character, Scene, SceneCharacter, SceneElement
from studio.scripts.importer import import_outline
from studio.scripts.script_files import read_outline
from studio.storage.db import open_database
from tests.fixture_files import SAMPLES


@pytest.fixture
def imported(tmp_path):
    database = open_database(tmp_path / "p.sqlite", create=True)
    outline, fingerprint = read_outline([SAMPLES / "contract-bride.fountain"])
    with database.transaction() as session:
        import_outline(session, outline, source_sha256=fingerprint)
    yield database
    database.close()


def scene_counts(session) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in session.exec(select(Character.name).join(SceneCharacter)):
        counts[name] = counts.get(name, 0) + 1
    return counts


def test_import_numbers_the_cast_by_scene_count(imported):
    with imported.session() as session:
        counts = scene_counts(session)
        numbered = sorted(session.exec(select(Character)).all(), key=lambda c: c.cast_number)
    assert [c.cast_number for c in numbered] == list(range(1, len(numbered) + 1))
    assert [counts[c.name] for c in numbered] == sorted(counts.values(), reverse=True)
    assert numbered[0].name in ("ETHAN", "CHLOE")


def test_a_revision_keeps_cast_ids_and_numbers_new_roles_next(imported, tmp_path):
    with imported.transaction() as session:
        set_field(
            session,
            "character",
            session.exec(select(Character).where(Character.name == "LEO")).one().id,
            "cast_number",
            42,
        )
    revised = tmp_path / "revised.fountain"
    revised.write_text(
        (SAMPLES / "contract-bride.fountain").read_text() + "\n\nINT. GARAGE - NIGHT #3-4#\n\nMECHANIC\nDone.\n"
    )
    outline, fingerprint = read_outline([revised])
    with imported.transaction() as session:
        import_outline(session, outline, source_sha256=fingerprint)
    with imported.session() as session:
        numbers = {c.name: c.cast_number for c in session.exec(select(Character))}
    assert numbers["LEO"] == 42 and numbers["MECHANIC"] == 43


def test_renumbering_returns_changes_that_undo(imported):
    with imported.transaction() as session:
        for character in session.exec(select(Character)):
            character.cast_number = 100 + character.id
    with imported.transaction() as session:
        changes = renumber_cast(session, 1)
    assert changes and all(change.old >= 100 for change in changes)
    with imported.transaction() as session:
        for change in changes:
            set_field(session, change.entity, change.row_id, change.field, change.old)
    with imported.session() as session:
        assert all(c.cast_number == 100 + c.id for c in session.exec(select(Character)))


def test_tagging_creates_reuses_refuses_and_undoes(imported):
    with imported.transaction() as session:
        props = session.exec(select(BreakdownCategory).where(BreakdownCategory.key == "props")).one().id
        first, second = session.exec(select(Scene.id).order_by(Scene.sort_order)).all()[:2]
        tag = tag_scene(session, first, props, "  coin jar ")
        again = tag_scene(session, second, props, "coin jar")
    assert tag.created_element and not again.created_element and tag.element_id == again.element_id
    with imported.transaction() as session, pytest.raises(InvalidInput, match="already tagged"):
        tag_scene(session, first, props, "coin jar")
    with imported.transaction() as session:
        untag_scene(session, again)
        untag_scene(session, tag)
    with imported.session() as session:
        assert session.exec(select(BreakdownElement)).all() == []
    with imported.transaction() as session:
        retag_scene(session, tag)
    with imported.session() as session:
        assert session.get(BreakdownElement, tag.element_id).name == "coin jar"
        assert session.get(SceneElement, (first, tag.element_id)) is not None


def test_removing_a_tag_keeps_the_element_for_other_scenes(imported):
    with imported.transaction() as session:
        props = session.exec(select(BreakdownCategory).where(BreakdownCategory.key == "props")).one().id
        first, second = session.exec(select(Scene.id).order_by(Scene.sort_order)).all()[:2]
        tag = tag_scene(session, first, props, "Maybach")
        tag_scene(session, second, props, "Maybach")
        removed = remove_tag(session, first, tag.element_id)
    with imported.session() as session:
        assert session.get(SceneElement, (first, tag.element_id)) is None
        assert session.get(BreakdownElement, tag.element_id) is not None
    with imported.transaction() as session:
        retag_scene(session, removed)
    with imported.session() as session:
        assert session.get(SceneElement, (first, tag.element_id)) is not None


@pytest.mark.parametrize(
    ("entity", "field", "value", "message"),
    [
        ("character", "cast_number", "0", "1 or more"),
        ("character", "cast_number", "x", "whole number"),
        ("breakdown_category", "color", "red", "#rrggbb"),
    ],
)
def test_cast_ids_and_colours_are_checked(imported, entity, field, value, message):
    with imported.transaction() as session, pytest.raises(InvalidInput, match=message):
        set_field(session, entity, 1, field, value)


def test_category_colour_and_cleared_cast_id_are_stored(imported):
    with imported.transaction() as session:
        assert set_field(session, "breakdown_category", 1, "color", "#FFAA00").new == "#ffaa00"
        assert set_field(session, "character", 1, "cast_number", "").new is None
