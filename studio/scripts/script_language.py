"""Which language a script is written in, told by its letters: a revision is written in its script's."""

from __future__ import annotations

from sqlmodel import Session, select

from studio.i18n import _
from studio.models import OriginalScene, Scene
from studio.models.enums import RevisionState, ScriptSide
from studio.scripts.eighths import columns
from studio.scripts.elements import ScriptError
from studio.scripts.outline import Outline

LANGUAGE_SAMPLE = 200  # scenes of each script whose words tell its language
OTHER_LANGUAGE = 0.5  # a share of Chinese characters among the letters this far from the script's: another


def same_language(session: Session, production_id: int, outline: Outline, side: str, source: str) -> None:
    """A revision is written in its script's language: a Chinese file read into a production whose shooting
    script is English would put Chinese words in place of every scene's (they matched by their numbers), when
    it is the original the show is adapted from, or another show."""
    model = OriginalScene if side == ScriptSide.ORIGINAL.value else Scene
    live = (model.production_id == production_id) & (model.revision_state != RevisionState.OMITTED.value)
    stored = session.exec(select(model.text).where(live).limit(LANGUAGE_SAMPLE)).all()
    incoming = [scene.text for scene in outline.scenes[:LANGUAGE_SAMPLE]]
    have, new = chinese_share(stored), chinese_share(incoming)
    if have is None or new is None or abs(have - new) < OTHER_LANGUAGE:
        return
    language = {True: _("Chinese"), False: _("English")}
    script = _("shooting script") if side == ScriptSide.SHOOTING.value else _("original")
    raise ScriptError(
        source,
        _(
            "it is written in {language} and the production's {script} in {other}: as its revision it would put "
            "its words in place of every scene's. Import it as the original the show is adapted from, or into "
            "another production"
        ).format(language=language[new > have], script=script, other=language[have > new]),
    )


def chinese_share(texts: list[str]) -> float | None:
    """Of the letters the texts write, the share that are Chinese characters (None: no letter at all)."""
    chinese = letters = 0
    for text in texts:
        for char in text:
            if char.isalpha():
                letters += 1
                chinese += columns(char) == 2
    return chinese / letters if letters else None
