"""Two scripts of one show, the original and its adaptation, paired scene by scene; their names mapped.

Episodes pair by number. Within a pair of episodes the scenes are aligned in order, as a diff aligns
lines: a monotone alignment (dynamic programming) that pairs two scenes only when they look alike, a
shared scene number counting in favour. How alike two scenes are cannot rest on their words (they are
in two languages), so it rests on what translation keeps: who speaks, the set, INT/EXT, day or night,
the scene's share of its script's length. Who speaks and where are compared through the character and
set maps, which come from the pairs themselves: a first alignment without names, the maps proposed from
who speaks in both scenes of its pairs, an alignment through them, the maps proposed again, until they settle.
A character who speaks on neither side is matched by who is there (listed, or introduced in action).
A match is sure only when it rests on `SUPPORT` pairs and no other name is there as often: one scene, or
two people always together, cannot tell who is whom, so such a match is doubtful, listed to be made by hand.

A scene that finds no counterpart in order is cut (original only) or added (adaptation only); a cut and
an added scene that look alike in the same or a neighbouring episode are paired as moved, and so are two
neighbours that swapped places (in order they pair crosswise, if they look alike enough). A pair that
looks less alike than `CONFIDENT`, every moved one, and one on a set the map gives another, is doubtful:
shown for confirmation. Two scenes of one episode left over that are alike but for a speaker no name is
surely matched with (renamed, or one actor in two parts) are paired as moved, to confirm, not cut and
added; a name there with another's in most of its scenes and never with that one's match is listed as
maybe two people, and matched, doubtful. Nothing is paired silently: every scene is in exactly one pair,
or cut, or added. Pure: no database, no Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from studio.i18n import _
from studio.scripts.outline import Outline, SceneOutline

ALIKE = 0.55  # below this two scenes are never paired in order: two gaps are better
CONFIDENT = 0.8  # a pair less alike than this is doubtful
SAME_NUMBER = 0.15  # how much a shared scene number counts towards pairing in order
SWAPPED = 0.1  # how much more alike two pairs must be crosswise to be taken as swapped
RIVAL = 0.9  # a name there with another nearly as often (this share of its match's score) as with its match: ambiguous
SUPPORT = 2  # pairs a name's match must rest on to be sure: in one scene any two names there may be the pair
# Weights of what two scenes share, before and after the names are mapped (each set sums to 1).
UNMAPPED = {"speakers": 0.3, "int_ext": 0.2, "time": 0.2, "length": 0.3}
MAPPED = {"speakers": 0.45, "set": 0.2, "int_ext": 0.1, "time": 0.1, "length": 0.15}
# Alignments through the maps, each proposing them again, until they settle: a first alignment without names
# can pair a moved scene's place with another that happens to look like it and so map two sets wrongly.
ROUNDS = 4
NUMBER, ORDER, MOVED = "number", "order", "moved"
RENUMBERED = "renumbered"  # a stored pair paired by its shared number that a revision has numbered apart since
HAND = "hand"  # a pair the producer made on the Script page, which no alignment undoes


@dataclass
class Pair:
    original: SceneOutline
    adaptation: SceneOutline
    score: float  # how alike, 0 to 1
    by: str  # NUMBER (paired in order, same number), ORDER (in order, other number) or MOVED
    other_set: bool = False  # the set map pairs either scene's set with another set

    @property
    def doubtful(self) -> bool:
        return self.by == MOVED or self.score < CONFIDENT or self.other_set


ONE_SCENE, AMBIGUOUS = "one_scene", "ambiguous"  # why a name's match is doubtful


@dataclass
class NameMatch:
    original: str
    adaptation: str
    scenes: int  # sure pairs (sure when aligned, or confirmed) in which both are there
    doubt: str = ""  # "" (sure), ONE_SCENE or AMBIGUOUS

    @property
    def doubtful(self) -> bool:
        return bool(self.doubt)


@dataclass
class Alignment:
    pairs: list[Pair]
    cut: list[SceneOutline]  # the original's scenes with no counterpart
    added: list[SceneOutline]  # the adaptation's
    characters: list[NameMatch]
    sets: list[NameMatch]
    original_episodes: list[int]  # episodes the adaptation does not have
    adaptation_episodes: list[int]  # and the other way round
    ambiguities: list[str] = field(default_factory=list)
    numbering: list[str] = field(default_factory=list)  # those about numbers and episodes, not names

    @property
    def doubtful(self) -> list[Pair]:
        return [pair for pair in self.pairs if pair.doubtful]

    def to_json(self) -> dict:
        return {
            "pairs": [_pair_json(pair) for pair in self.pairs],
            "doubtful": [_pair_json(pair) for pair in self.doubtful],
            "original_only": [_scene_json(scene) for scene in self.cut],
            "shooting_only": [_scene_json(scene) for scene in self.added],
            "episodes_unpaired": {"original": self.original_episodes, "shooting": self.adaptation_episodes},
            "names": [match_json(match) for match in self.characters],
            "sets": [match_json(match) for match in self.sets],
            "ambiguities": self.ambiguities,
        }


def match_json(match: NameMatch) -> dict:
    """A name's match as `script align --json` has it: the original's and the shooting script's name."""
    return {
        "original": match.original,
        "shooting": match.adaptation,
        "scenes": match.scenes,
        "doubt": match.doubt,
        "doubtful": match.doubtful,
    }


def _scene_json(scene: SceneOutline) -> dict:
    return {"number": scene.number, "episode": scene.episode, "set": scene.set_name}


def _pair_json(pair: Pair) -> dict:
    return {
        "original": pair.original.number,
        "shooting": pair.adaptation.number,
        "score": round(pair.score, 2),
        "by": pair.by,
        "doubtful": pair.doubtful,
    }


def align(original: Outline, adaptation: Outline) -> Alignment:
    """Pair the scenes of an original and its adaptation, and propose the names' and sets' maps."""
    sides = _Side(original), _Side(adaptation)
    pairs = _pairs(sides, _Likeness(sides, {}, {}))
    characters, sets = character_map(pairs), set_map(pairs)
    for _round in range(ROUNDS):
        pairs = _pairs(sides, _Likeness(sides, characters[0], _as_dict(sets[0])))
        maps = characters, sets
        characters, sets = character_map(pairs), set_map(pairs)
        if (characters, sets) == maps:
            break
    paired = {id(scene) for pair in pairs for scene in (pair.original, pair.adaptation)}
    numbering = [*_reused_numbers(sides), *_unpaired_episodes(sides)]
    return Alignment(
        pairs=sorted(pairs, key=lambda pair: sides[0].position[id(pair.original)]),
        cut=[scene for scene in original.scenes if id(scene) not in paired],
        added=[scene for scene in adaptation.scenes if id(scene) not in paired],
        characters=characters[0],
        sets=sets[0],
        original_episodes=sorted(sides[0].episodes.keys() - sides[1].episodes.keys(), key=_episode_order),
        adaptation_episodes=sorted(sides[1].episodes.keys() - sides[0].episodes.keys(), key=_episode_order),
        ambiguities=[*numbering, *characters[1], *sets[1]],
        numbering=numbering,
    )


class _Side:
    """One script as the alignment reads it: scenes by episode, each scene's place and share of the length."""

    def __init__(self, outline: Outline):
        self.outline = outline
        self.episodes: dict[int | None, list[SceneOutline]] = {e.number: e.scenes for e in outline.episodes}
        if outline.unnumbered:
            self.episodes[None] = outline.unnumbered
        scenes = outline.scenes
        self.position = {id(scene): index for index, scene in enumerate(scenes)}
        mean = sum(scene.eighths for scene in scenes) / len(scenes) if scenes else 1
        self.length = {id(scene): scene.eighths / mean for scene in scenes}
        counts = Counter(scene.number for scene in scenes)
        self.reused = {number for number, count in counts.items() if count > 1}


class _Likeness:
    """How alike a scene of the original and one of the adaptation are, 0 to 1: through the maps once there
    are any (names not mapped never match), else on what needs no names."""

    def __init__(self, sides: tuple[_Side, _Side], characters: list[NameMatch], sets: dict[str, str]):
        self.sides = sides
        self.characters: dict[str, str] = {}  # one to one: a name's second match, for the producer, is not used
        for match in characters:
            if match.original not in self.characters and match.adaptation not in self.characters.values():
                self.characters[match.original] = match.adaptation
        self.sure = {match.adaptation for match in characters if not match.doubtful}
        self.sets = sets
        self.adaptation_sets = set(sets.values())
        self.reused = sides[0].reused | sides[1].reused

    def __call__(self, original: SceneOutline, adaptation: SceneOutline, renamed: bool = False) -> float:
        shared = {
            "int_ext": float(original.int_ext == adaptation.int_ext),
            "time": float(original.time_of_day == adaptation.time_of_day),
            "length": _ratio(self.sides[0].length[id(original)], self.sides[1].length[id(adaptation)]),
        }
        if not self.characters:
            shared["speakers"] = _ratio(len(original.speaking), len(adaptation.speaking))
            return sum(UNMAPPED[what] * value for what, value in shared.items())
        both = self._both(original, adaptation, renamed)
        shared["speakers"] = _overlap(both, set(adaptation.speaking), original)
        shared["set"] = self.same_set(original.set_name, adaptation.set_name)
        return sum(MAPPED[what] * value for what, value in shared.items())

    def _both(self, original: SceneOutline, adaptation: SceneOutline, renamed: bool = False) -> int:
        """Who speaks in both scenes through the map; `renamed`: and as many more as there are speakers of the
        original whose match is not there and of the adaptation's no name is surely matched with (one may be
        the other renamed, or a second part for one actor)."""
        speaking = set(adaptation.speaking)
        mapped = [self.characters.get(name, "") for name in original.speaking]
        both = sum(name in speaking for name in mapped)
        if renamed:
            unknown = speaking - set(mapped) - self.sure
            both += min(len(original.speaking) - both, len(unknown))
        return both

    def same_set(self, original: str, adaptation: str) -> float:
        """1 if the map pairs them, 0 if it pairs either with another, a half if it knows neither."""
        if original in self.sets or adaptation in self.adaptation_sets:
            return float(self.sets.get(original) == adaptation)
        return 0.5

    def in_order(self, original: SceneOutline, adaptation: SceneOutline) -> tuple[float, float]:
        """The likeness, and what pairing them in order gains (a shared number unique on both sides counts)."""
        score = self(original, adaptation)
        return score, score + (SAME_NUMBER if self.same_number(original, adaptation) else 0.0) - ALIKE

    def same_number(self, original: SceneOutline, adaptation: SceneOutline) -> bool:
        """Whether they share a number each side gives one scene only."""
        return original.number == adaptation.number and original.number not in self.reused


def _ratio(a: float, b: float) -> float:
    return 1.0 if a == b else min(a, b) / max(a, b)


def _overlap(both: int, speaking: set[str], original: SceneOutline) -> float:
    """Who speaks in both (`both`: those of the original whose match speaks here), over who speaks in either
    (an original speaker not mapped counts on its own)."""
    union = len(speaking) + len(original.speaking) - both
    return both / union if union else 1.0


def _pairs(sides: tuple[_Side, _Side], likeness: _Likeness) -> list[Pair]:
    pairs = []
    for number in sides[0].episodes.keys() & sides[1].episodes.keys():
        pairs += _unswapped(_in_order(sides[0].episodes[number], sides[1].episodes[number], likeness), likeness)
    moved = _moved(sides, pairs, likeness)
    taken = {id(scene) for pair in moved for scene in (pair.original, pair.adaptation)}
    pairs = [p for p in pairs if id(p.original) not in taken and id(p.adaptation) not in taken] + moved
    for pair in pairs:  # alike in all else, yet on a set the map gives another: to confirm, never sure
        pair.other_set = bool(likeness.sets) and not likeness.same_set(pair.original.set_name, pair.adaptation.set_name)
    return pairs


def _in_order(originals: list[SceneOutline], adaptations: list[SceneOutline], likeness: _Likeness) -> list[Pair]:
    """The pairs, in order, whose gains add up to the most (Needleman–Wunsch; a gap costs nothing)."""
    rows, columns = len(originals), len(adaptations)
    scored = [[likeness.in_order(o, a) for a in adaptations] for o in originals]
    best = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        for j in range(1, columns + 1):
            best[i][j] = max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + scored[i - 1][j - 1][1])
    pairs = []
    i, j = rows, columns
    while i and j:
        score, gain = scored[i - 1][j - 1]
        if gain > 0 and best[i][j] == best[i - 1][j - 1] + gain:
            o, a = originals[i - 1], adaptations[j - 1]
            pairs.append(Pair(o, a, score, NUMBER if likeness.same_number(o, a) else ORDER))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def _unswapped(pairs: list[Pair], likeness: _Likeness) -> list[Pair]:
    """Two scenes that swapped places in adaptation, paired crosswise in order because they look alike (the
    same people on the same set), paired again the right way round when that is clearly better, as moved."""
    for index in range(len(pairs) - 1):
        first, second = pairs[index], pairs[index + 1]
        crosswise = likeness(first.original, second.adaptation), likeness(second.original, first.adaptation)
        if sum(crosswise) > first.score + second.score + SWAPPED:
            pairs[index] = Pair(first.original, second.adaptation, crosswise[0], MOVED)
            pairs[index + 1] = Pair(second.original, first.adaptation, crosswise[1], MOVED)
    return pairs


def _moved(sides: tuple[_Side, _Side], pairs: list[Pair], likeness: _Likeness) -> list[Pair]:
    """Scenes left over in order, or only weakly paired there (a moved scene's place may hold another that
    barely looks like it), paired when confidently alike, in the same or a neighbouring episode, the most
    alike first."""
    firm = {id(scene) for pair in pairs if pair.score >= CONFIDENT for scene in (pair.original, pair.adaptation)}
    cut = [s for s in sides[0].outline.scenes if id(s) not in firm]
    added = [s for s in sides[1].outline.scenes if id(s) not in firm]
    candidates = sorted(
        ((likeness(o, a), i, j) for i, o in enumerate(cut) for j, a in enumerate(added) if _near(o, a)),
        key=lambda candidate: (-candidate[0], candidate[1], candidate[2]),
    )
    # then those of one episode alike but for a speaker renamed (or a second part for one actor): to confirm
    candidates += sorted(
        ((likeness(o, a, renamed=True), i, j) for i, o in enumerate(cut) for j, a in enumerate(added) if _same(o, a)),
        key=lambda candidate: (-candidate[0], candidate[1], candidate[2]),
    )
    weak = {(id(pair.original), id(pair.adaptation)): pair for pair in pairs}  # paired in order already
    taken_cut, taken_added, moved = set(), set(), []
    for score, i, j in candidates:
        if score >= CONFIDENT and i not in taken_cut and j not in taken_added:
            taken_cut.add(i)
            taken_added.add(j)
            kept = weak.get((id(cut[i]), id(added[j])))
            moved.append(kept or Pair(cut[i], added[j], likeness(cut[i], added[j]), MOVED))
    return moved


def _same(original: SceneOutline, adaptation: SceneOutline) -> bool:
    return original.episode == adaptation.episode and original.speaking != [] != adaptation.speaking


def _near(original: SceneOutline, adaptation: SceneOutline) -> bool:
    if original.episode is None or adaptation.episode is None:
        return original.episode == adaptation.episode
    return abs(original.episode - adaptation.episode) <= 1


def _speakers(scene: SceneOutline) -> Iterable[str]:
    return scene.speaking


def _present(scene: SceneOutline) -> Iterable[str]:
    return (*scene.speaking, *scene.listed)


def _set(scene: SceneOutline) -> Iterable[str]:
    return (scene.set_name,)


def character_map(pairs: list[Pair]) -> tuple[list[NameMatch], list[str]]:
    """The characters matched by who speaks in both scenes of the pairs, then those left by who is there;
    and what is doubtful or ambiguous in it."""
    spoken, problems = _name_map(pairs, _speakers)
    taken = {match.original for match in spoken}, {match.adaptation for match in spoken}
    present, more = _name_map(pairs, _present, taken)
    return spoken + present, problems + more


def set_map(pairs: list[Pair]) -> tuple[list[NameMatch], list[str]]:
    return _name_map(pairs, _set)


def _name_map(
    pairs: list[Pair],
    names: Callable[[SceneOutline], Iterable[str]],
    taken: tuple[set[str], set[str]] = (set(), set()),
) -> tuple[list[NameMatch], list[str]]:
    """Each name of the original matched with the adaptation's that is there in the same sure pairs most (a
    moved pair, however alike, is to confirm: it counts once confirmed, as the stored map counts it),
    each name once, the strongest first (names `taken` left out); and what makes a match doubtful: one
    scene only, or a rival, seen in every pair, doubtful ones too (two people merged into one make their
    pairs look less alike)."""
    dice, together = _cooccurrence([pair for pair in pairs if not pair.doubtful], names, taken)
    matches, seen_original, seen_adaptation = [], set(), set()
    for (o, a), _score in sorted(dice.items(), key=lambda item: (-item[1], -together[item[0]], item[0])):
        if o not in seen_original and a not in seen_adaptation:
            seen_original.add(o)
            seen_adaptation.add(a)
            matches.append(NameMatch(o, a, together[o, a]))
    scenes = (
        [set(names(pair.original)) - taken[0] for pair in pairs],
        [set(names(pair.adaptation)) - taken[1] for pair in pairs],
    )
    rivals, unmatched = _rivals(matches, *_cooccurrence(pairs, names, taken), scenes)
    ambiguous = {name for _message, named in rivals for name in named}
    problems = list(dict.fromkeys(message for message, _named in rivals))
    matches += unmatched
    for match in matches:
        if {match.original, match.adaptation} & ambiguous:
            match.doubt = AMBIGUOUS
        elif match.scenes < SUPPORT:
            match.doubt = ONE_SCENE
            problems.append(one_scene(match))
    return matches, problems


def one_scene(match: NameMatch) -> str:
    message = _(
        "{original} ↔ {adaptation} rests on one scene only: give {adaptation} the Chinese name {original} "
        "by hand if it is right"
    )
    return message.format(original=match.original, adaptation=match.adaptation)


def _cooccurrence(
    pairs: list[Pair], names: Callable[[SceneOutline], Iterable[str]], taken: tuple[set[str], set[str]]
) -> tuple[dict[tuple[str, str], float], Counter[tuple[str, str]]]:
    """How strongly each name of the original goes with each of the adaptation's (Dice's coefficient: pairs
    with both, over pairs with either, counted twice), and in how many pairs they are together."""
    together: Counter[tuple[str, str]] = Counter()
    originals: Counter[str] = Counter()
    adaptations: Counter[str] = Counter()
    for pair in pairs:
        ours, theirs = set(names(pair.original)) - taken[0], set(names(pair.adaptation)) - taken[1]
        originals.update(ours)
        adaptations.update(theirs)
        together.update((o, a) for o in ours for a in theirs)
    return {(o, a): 2 * count / (originals[o] + adaptations[a]) for (o, a), count in together.items()}, together


def _rivals(
    matches: list[NameMatch],
    dice: dict[tuple[str, str], float],
    together: Counter,
    scenes: tuple[list[set[str]], list[set[str]]],
) -> tuple[list[tuple[str, tuple[str, ...]]], list[NameMatch]]:
    """Two names not matched that are there together nearly as strongly as each is with its own counterpart
    (or one has none): a name split in two, or two merged into one, or two people always together; each
    with the names it is about. A name with no match of its own that is there with another's name in most
    of its scenes, and never in one scene with that name's match, may be the same person as that match (one
    actor for two roles, a character renamed from an episode on): listed, and matched, doubtful, so it is
    in the map to be made by hand, never dropped."""
    forward = {match.original: match.adaptation for match in matches}
    backward = {match.adaptation: match.original for match in matches}
    counts = Counter(name for scene in scenes[0] for name in scene), Counter(n for s in scenes[1] for n in s)
    rival = _("{name} may be {first} or {second}: both are there in the same scenes")
    two_people = (
        _("{name} may be two people of the original ({first}, {second}): they are never in one scene together"),
        _("{name} may be two people of the adaptation ({first}, {second}): they are never in one scene together"),
    )
    found, unmatched = [], []
    for (o, a), score in sorted(dice.items()):
        if together[o, a] < SUPPORT or forward.get(o) == a or (o not in forward and a not in backward):
            continue
        side, name, first, second = (1, o, forward[o], a) if o in forward else (0, a, backward[a], o)
        alone = not any(  # no match, or a doubtful one only
            not match.doubtful for match in matches if second == (match.original, match.adaptation)[side]
        )
        if alone and 2 * together[o, a] > counts[side][second] and _apart(scenes[side], first, second):
            first, second = sorted((first, second))
            found.append((two_people[side].format(name=name, first=first, second=second), (name, first, second)))
            unmatched.append(NameMatch(o, a, together[o, a], AMBIGUOUS))
            continue
        own = max(dice.get((o, forward.get(o, "")), 0), dice.get((backward.get(a, ""), a), 0))
        if score >= RIVAL * own:
            found.append((rival.format(name=name, first=first, second=second), (name, first, second)))
    return found, unmatched


def _apart(scenes: list[set[str]], first: str, second: str) -> bool:
    return not any(first in scene and second in scene for scene in scenes)


def _as_dict(matches: list[NameMatch]) -> dict[str, str]:
    return {match.original: match.adaptation for match in matches}


def _episode_order(number: int | None) -> int:
    return -1 if number is None else number


def _reused_numbers(sides: tuple[_Side, _Side]) -> list[str]:
    messages = (
        _("scene {number} is numbered twice in the original: its number is not used to pair it"),
        _("scene {number} is numbered twice in the adaptation: its number is not used to pair it"),
    )
    return [
        message.format(number=n) for side, message in zip(sides, messages, strict=True) for n in sorted(side.reused)
    ]


def _unpaired_episodes(sides: tuple[_Side, _Side]) -> list[str]:
    original, adaptation = (set(side.episodes) - {None} for side in sides)
    if bool(original) != bool(adaptation):
        message = (
            _("the adaptation is not divided into episodes: mark them (# Episode 1) to pair its scenes")
            if original
            else _("the original is not divided into episodes: mark them (第1集) to pair its scenes")
        )
        return [message]
    last = max(adaptation, key=_episode_order)
    beyond = {number for number in original - adaptation if _episode_order(number) > _episode_order(last)}
    messages = (
        _("episodes {numbers} of the original are not in the adaptation: their scenes are listed as cut"),
        _(
            "episodes {numbers} of the original come after the adaptation's last, {last}: their scenes are listed"
            " as not yet adapted"
        ),
        _("episodes {numbers} of the adaptation are not in the original: their scenes are listed as added"),
    )
    found = []
    groups = (original - adaptation - beyond, beyond, adaptation - original)
    for message, alone in zip(messages, groups, strict=True):
        if alone:
            numbers = ", ".join(str(number) for number in sorted(alone, key=_episode_order))
            found.append(message.format(numbers=numbers, last=last))
    return found
