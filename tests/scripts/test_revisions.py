"""Re-importing a revised script keeps the work done on unchanged scenes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from studio.models import (
    BreakdownCategory,
    BreakdownElement,
    CastAssignment,
    Character,
    FilmSet,
    Location,
    Performer,
    Scene,
    SceneCharacter,
    SceneElement,
    ScriptRevision,
    ShootDay,
    Strip,
)
from studio.scripts.elements import ScriptError
from studio.scripts.importer import import_outline
from studio.scripts.script_files import read_outline
from studio.storage.db import open_database
from tests.fixture_files import REAL, SAMPLE_FOUNTAIN
from tests.fixture_files import SAMPLE_ZH as SAMPLE


def import_file(database, path: Path, **options):
    outline, fingerprint = read_outline([path])
    with database.transaction() as session:
        return import_outline(session, outline, source_name=path.name, source_sha256=fingerprint, **options)


@pytest.fixture
def database(tmp_path):
    database = open_database(tmp_path / "p.sqlite", create=True)
    yield database
    database.close()


def scene(session, number) -> Scene:
    return session.exec(select(Scene).where(Scene.number == number)).one()


def test_a_revision_keeps_tags_cast_and_schedule_and_reports_what_changed(database, tmp_path):
    import_file(database, SAMPLE)
    with database.transaction() as session:
        kept = scene(session, "2-1")
        props = session.exec(select(BreakdownCategory).where(BreakdownCategory.key == "props")).one()
        contract = BreakdownElement(production_id=1, category_id=props.id, name="Contract")
        session.add(contract)
        day = ShootDay(production_id=1, shoot_date=dt.date(2027, 1, 11), day_number=1)
        performer = Performer(production_id=1, legal_name="Daniel Hayes")
        session.add_all([day, performer])
        session.flush()
        strip = session.exec(select(Strip).where(Strip.scene_id == kept.id)).one()  # the import made it
        strip.shoot_day_id, strip.position = day.id, 1
        session.add_all(
            [
                SceneElement(scene_id=kept.id, element_id=contract.id),
                CastAssignment(
                    character_id=session.exec(select(Character).where(Character.name == "伊森")).one().id,
                    performer_id=performer.id,
                ),
            ]
        )
        kept_id = kept.id
    revised = SAMPLE.read_text(encoding="utf-8")
    revised = revised.replace("伊森：你是克洛伊？", "伊森：你就是克洛伊？")  # scene 1-2 changes
    revised = revised[: revised.index("3-3 日 内")]  # scene 3-3 is cut
    revised += "3-4 夜 外 斯特林大厦·天台\n人物：伊森\n伊森：结束了。\n"  # and 3-4 is new
    path = tmp_path / "revised.txt"
    path.write_text(revised, encoding="utf-8")

    result = import_file(database, path)

    assert (result.added, result.changed, result.omitted) == (["3-4"], ["1-2"], ["3-3"])
    assert result.revision == "Blue"
    with database.session() as session:
        kept = scene(session, "2-1")
        assert kept.id == kept_id and kept.revision_state == "UNCHANGED"
        assert session.exec(select(SceneElement).where(SceneElement.scene_id == kept_id)).all()
        assert session.exec(select(Strip).where(Strip.scene_id == kept_id)).one().shoot_day_id is not None
        assert len(session.exec(select(CastAssignment)).all()) == 1
        assert scene(session, "3-3").revision_state == "OMITTED"
        assert scene(session, "1-2").revision_state == "CHANGED" and "你就是克洛伊" in scene(session, "1-2").text
        assert scene(session, "3-4").revision_state == "NEW"
        assert [r.color for r in session.exec(select(ScriptRevision).order_by(ScriptRevision.id))] == ["White", "Blue"]


def test_a_renumbered_scene_is_found_by_its_content(database, tmp_path):
    import_file(database, SAMPLE)
    with database.session() as session:
        original_id = scene(session, "3-3").id
    path = tmp_path / "renumbered.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace("3-3 日 内", "3-9 日 内"), encoding="utf-8")
    result = import_file(database, path)
    assert result.changed == ["3-9"] and result.added == [] and result.omitted == []
    with database.session() as session:
        assert scene(session, "3-9").id == original_id


def test_importing_the_same_file_again_records_no_revision(database):
    import_file(database, SAMPLE)
    again = import_file(database, SAMPLE)
    assert (again.added, again.changed, again.omitted, again.revision) == ([], [], [], "White")
    with database.session() as session:
        assert len(session.exec(select(ScriptRevision)).all()) == 1


def test_an_omitted_scene_that_returns_is_restored(database, tmp_path):
    import_file(database, SAMPLE)
    cut = tmp_path / "cut.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    cut.write_text(text[: text.index("3-3 日 内")], encoding="utf-8")
    assert import_file(database, cut).omitted == ["3-3"]
    restored = import_file(database, SAMPLE)
    assert restored.changed == ["3-3"]
    with database.session() as session:
        assert scene(session, "3-3").revision_state == "CHANGED"


def test_one_file_per_episode_in_the_order_of_their_numbers(database, tmp_path):
    for number in (2, 10, 1):
        (tmp_path / f"ep{number}.fountain").write_text(
            f"INT. OFFICE - DAY\n\nEpisode {number} opens.\n\nEXT. STREET - NIGHT\n\nIt ends.\n", encoding="utf-8"
        )
    outline, _ = read_outline(sorted(tmp_path.glob("ep*.fountain")))
    assert [e.number for e in outline.episodes] == [1, 2, 10]
    assert [s.number for s in outline.scenes][:3] == ["1-1", "1-2", "2-1"]
    assert outline.scenes[-1].number == "10-2"


def test_duplicate_scene_numbers_are_refused_with_the_line(database, tmp_path):
    path = tmp_path / "dup.txt"
    path.write_text("第1集\n1-1 日 内 办公室\n伊森：你好。\n1-1 夜 外 街道\n伊森：再见。\n", encoding="utf-8")
    with pytest.raises(ScriptError, match=r"line 4: scene 1-1 appears twice \(also at line 2\)"):
        import_file(database, path)
    with database.session() as session:
        assert session.exec(select(Scene)).all() == []


def tag(database, number, name):
    from studio.breakdown import tag_scene

    with database.transaction() as session:
        props = session.exec(select(BreakdownCategory).where(BreakdownCategory.key == "props")).one().id
        tag_scene(session, scene(session, number).id, props, name)


def tags_of(database, number) -> list[str]:
    with database.session() as session:
        return session.exec(
            select(BreakdownElement.name).join(SceneElement).where(SceneElement.scene_id == scene(session, number).id)
        ).all()


def test_an_inserted_scene_does_not_take_its_neighbours_breakdown(database, tmp_path):
    import_file(database, SAMPLE)
    tag(database, "1-2", "硬币罐")
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("1-3 夜 内 克洛伊公寓", "1-4 夜 内 克洛伊公寓").replace(
        "1-2 日 外 银湖咖啡车", "1-3 日 外 银湖咖啡车"
    )
    text = text.replace(
        "1-3 日 外 银湖咖啡车", "1-2 日 内 医院·走廊\n人物：伊森\n伊森：医生在哪？\n\n1-3 日 外 银湖咖啡车"
    )
    path = tmp_path / "inserted.txt"
    path.write_text(text, encoding="utf-8")

    result = import_file(database, path)

    assert result.added == ["1-2"] and sorted(result.changed) == ["1-3", "1-4"] and result.omitted == []
    assert tags_of(database, "1-3") == ["硬币罐"] and tags_of(database, "1-2") == []


def test_a_cut_scene_returning_under_a_new_number_gets_its_row_back(database, tmp_path):
    import_file(database, SAMPLE)
    tag(database, "3-3", "照片")
    text = SAMPLE.read_text(encoding="utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_text(text[: text.index("3-3 日 内")], encoding="utf-8")
    assert import_file(database, cut).omitted == ["3-3"]
    back = tmp_path / "back.txt"
    back.write_text(text.replace("3-3 日 内", "3-7 日 内"), encoding="utf-8")
    result = import_file(database, back)
    assert result.changed == ["3-7"] and result.added == []
    assert tags_of(database, "3-7") == ["照片"]


def test_a_cut_scene_whose_number_moves_to_another_is_kept_apart(database, tmp_path):
    """The writer cuts 1-3 and renumbers 1-2 as 1-3: the cut scene stays, as "1-3 (omitted)"."""
    import_file(database, SAMPLE)
    tag(database, "1-3", "画布")
    text = SAMPLE.read_text(encoding="utf-8")
    cut_start, cut_end = text.index("1-3 夜 内 克洛伊公寓"), text.index("第2集")
    text = text[:cut_start] + text[cut_end:]
    text = text.replace("1-2 日 外 银湖咖啡车", "1-3 日 外 银湖咖啡车")
    path = tmp_path / "cut-and-renumbered.txt"
    path.write_text(text, encoding="utf-8")
    result = import_file(database, path)
    assert result.omitted == ["1-3"] and result.changed == ["1-3"] and result.added == []
    with database.session() as session:
        states = {s.number: s.revision_state for s in session.exec(select(Scene))}
    assert states["1-3"] == "CHANGED" and states["1-3 (omitted)"] == "OMITTED" and "1-2" not in states
    assert tags_of(database, "1-3 (omitted)") == ["画布"]


def test_renamed_roles_and_sets_keep_their_links_through_a_revision(database, tmp_path):
    from studio.edits import set_field
    from studio.models import FilmSet

    import_file(database, SAMPLE)
    with database.transaction() as session:
        ethan = session.exec(select(Character).where(Character.name == "伊森")).one()
        office = session.exec(select(FilmSet).where(FilmSet.name == "斯特林大厦·总裁办公室")).one()
        set_field(session, "character", ethan.id, "name", "Ethan")
        set_field(session, "film_set", office.id, "name", "Sterling Tower - CEO office")
        ethan_id, office_id = ethan.id, office.id
    revised = tmp_path / "revised.txt"
    revised.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("伊森：你是克洛伊？", "伊森：你就是克洛伊？"), encoding="utf-8"
    )
    import_file(database, revised)
    with database.session() as session:
        assert [c.id for c in session.exec(select(Character).where(Character.script_name == "伊森"))] == [ethan_id]
        assert session.exec(select(Character).where(Character.name == "伊森")).all() == []
        changed = scene(session, "1-2")
        assert ethan_id in [
            link.character_id
            for link in session.exec(select(SceneCharacter).where(SceneCharacter.scene_id == changed.id))
        ]
        assert scene(session, "2-1").set_id == office_id
        assert len(session.exec(select(FilmSet)).all()) == 8


def test_the_same_draft_in_another_format_changes_no_scene(database):
    import_file(database, REAL / "screenplay-tools-TestFDX-FD.fountain")
    result = import_file(database, REAL / "screenplay-tools-TestFDX-FD.fdx")
    assert (result.added, result.changed, result.omitted) == ([], [], [])


def test_markup_and_spacing_are_no_change_and_a_word_is(database, tmp_path):
    fountain = tmp_path / "draft.fountain"
    fountain.write_text("INT. ROOM - DAY #1#\n\nShe says _no_.   \n\nANNA\nI **mean** it.  \n", encoding="utf-8")
    import_file(database, fountain)
    final_draft = (
        '<?xml version="1.0"?><FinalDraft><Content>'
        '<Paragraph Type="Scene Heading" Number="1"><Text>INT. ROOM - DAY</Text></Paragraph>'
        '<Paragraph Type="Action"><Text>She says </Text><Text Style="Italic">no</Text><Text>.</Text></Paragraph>'
        '<Paragraph Type="Character"><Text>Anna</Text></Paragraph>'
        '<Paragraph Type="Dialogue"><Text>I </Text><Text Style="Bold">{word}</Text><Text> it.</Text></Paragraph>'
        "</Content></FinalDraft>"
    )
    same, other = tmp_path / "same.fdx", tmp_path / "other.fdx"
    same.write_text(final_draft.format(word="mean"), encoding="utf-8")
    other.write_text(final_draft.format(word="meant"), encoding="utf-8")
    assert import_file(database, same).changed == []
    assert import_file(database, other).changed == ["1"]


def test_a_set_or_a_cue_written_in_other_case_is_the_same_and_someone_newly_found_is_linked(database, tmp_path):
    """The first draft writes its heading in lowercase and McCLANE as a cue Fountain does not read (mixed
    case: action); the second writes both in capitals. Same words: no scene changed; the one set and
    location are kept, MCCLANE, who speaks now, is linked to 1-1, and a role the producer linked by hand
    stays. Chloe, named in 1-2's action, is in it from the first draft."""
    scenes = "\n\nMcCLANE\nHi.\n\nCHLOE\nHello.\n\nEXT. ROOF - DAY #1-2#\n\nChloe looks down.\n"
    first, second = tmp_path / "v1.fountain", tmp_path / "v2.fountain"
    first.write_text("int. chloe's apartment - day #1-1#" + scenes)
    second.write_text("INT. CHLOE'S APARTMENT - DAY #1-1#" + scenes.replace("McCLANE", "MCCLANE"))
    import_file(database, first)
    with database.transaction() as session:
        extra = Character(production_id=1, name="NEIGHBOUR")
        session.add(extra)
        session.flush()
        session.add(SceneCharacter(scene_id=scene(session, "1-1").id, character_id=extra.id, speaking=False))
    result = import_file(database, second)
    assert (result.added, result.changed, result.cast_added) == ([], [], ["1-1"])
    with database.session() as session:
        places = sorted(session.exec(select(FilmSet.name)).all()), sorted(session.exec(select(Location.name)).all())
        cast = {
            number: sorted(
                session.exec(
                    select(Character.name)
                    .join(SceneCharacter)
                    .where(SceneCharacter.scene_id == scene(session, number).id)
                )
            )
            for number in ("1-1", "1-2")
        }
    assert places == (["ROOF", "chloe's apartment"], ["ROOF", "chloe's apartment"])
    assert cast == {"1-1": ["CHLOE", "MCCLANE", "NEIGHBOUR"], "1-2": ["CHLOE"]}


def test_a_script_in_the_other_language_is_refused_as_a_revision_and_taken_as_the_original(database):
    """The Chinese sample read into a production whose shooting script is the English one would have put its
    Chinese in place of every English scene's (their numbers match): refused, nothing changed; as the
    original the show is adapted from, it is imported."""
    import_file(database, SAMPLE_FOUNTAIN)
    with database.session() as session:
        before = [(scene.number, scene.text) for scene in session.exec(select(Scene).order_by(Scene.id))]
    with pytest.raises(ScriptError, match="it is written in Chinese and the production's shooting script in English"):
        import_file(database, SAMPLE)
    with database.session() as session:
        assert [(scene.number, scene.text) for scene in session.exec(select(Scene).order_by(Scene.id))] == before
    assert import_file(database, SAMPLE, side="ORIGINAL").scenes == len(before)
