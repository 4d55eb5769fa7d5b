"""A script read from its file, or from one file per episode, and parsed: what `import-script`, the
import dialog and `script align` read. Nothing here touches a database, so `script align` on two files
loads no tables."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from studio.i18n import _
from studio.scripts.elements import Guess, ScriptError
from studio.scripts.outline import EpisodeOutline, Outline, build_outline
from studio.scripts.reader import read_script, read_script_bytes

FILE_NUMBER = re.compile(r"(\d{1,4})")


def read_outline(paths: list[Path], script_format: str = "auto") -> tuple[Outline, str]:
    """Parse one script, or one file per episode (ordered by the number in each file name); with the
    fingerprint of the bytes read (each file is read once: what is parsed is what is fingerprinted)."""
    ordered = paths if len(paths) == 1 else sorted(paths, key=_file_number)
    digest = hashlib.sha256()
    outlines = []
    for path in ordered:
        data = read_script_bytes(path)
        digest.update(data)
        outlines.append((path, build_outline(read_script(data, path.name, script_format), path.name)))
    if len(outlines) == 1:
        return outlines[0][1], digest.hexdigest()
    return _combine(outlines), digest.hexdigest()


def _file_number(path: Path) -> tuple[int, str]:
    match = FILE_NUMBER.search(path.stem)
    return (int(match.group(1)) if match else 1_000_000, path.name)


def _combine(outlines: list[tuple[Path, Outline]]) -> Outline:
    combined = Outline(outlines[0][1].title_page, [], [], revision_color=outlines[0][1].revision_color)
    seen: dict[int, Path] = {}
    for position, (path, outline) in enumerate(outlines, start=1):
        episodes = outline.episodes
        if outline.unnumbered:
            number = _file_number(path)[0] if FILE_NUMBER.search(path.stem) else position
            episode = EpisodeOutline(number)
            for index, scene in enumerate(outline.unnumbered, start=1):
                scene.number, scene.episode = f"{number}-{index}", number
                episode.scenes.append(scene)
            episodes = [*episodes, episode]
        combined.guesses += [Guess(guess.line, f"{path.name}: {guess.message}") for guess in outline.guesses]
        combined.notes += outline.notes
        for episode in episodes:
            if episode.number in seen:
                raise ScriptError(
                    path.name,
                    _("episode {number} is also in {other}").format(
                        number=episode.number, other=seen[episode.number].name
                    ),
                )
            seen[episode.number] = path
            combined.episodes.append(episode)
    return combined
