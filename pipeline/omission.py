"""A sentence left out of a translation, found by length.

Machine translation drops sentences, and so do hurried translators; a sentence holding no
number, name, quotation or link leaves nothing for the other checks to miss. What it does
leave is a translation shorter than the language pair's usual ratio, with fewer sentences
than its source and one source sentence without a partner of its length. Each side is split
into sentences (:mod:`pipeline.segmentation`) and measured in letters (digits, spaces and
punctuation differ between the languages' habits); the sentences are aligned by length as
Gale and Church did, with merges and splits as ordinary moves, and :func:`find_omission`
reports an entry only when both readings agree:

* the whole translation is shorter than its source by far more than translations run
  (:func:`_shortfall`, measured in standard deviations of the pair's log length ratio, whose
  variance shrinks with length: a sentence is freer than a paragraph), and
* the translation has fewer sentences, and the alignment leaves a source sentence with no
  partner (a merge of two sentences keeps their length, so it finds a partner).

Length cannot always tell which of two neighbours of like length went; the words a
translation keeps recognisably (names, numbers, loanwords) break the tie, and where they do
not, both sentences are quoted.

A clause or the end of a sentence left out is not reported: by length it is a sentence
shortened throughout, as news translation shortens officialese (Президент Азербайджанской
Республики Ильхам Алиев подписал распоряжение о выделении средств… = President Ilham Aliyev
ordered funds…, under half the letters), and every such sentence would be reported. Headings,
captions and list items (a source of one sentence without a final stop, or of few letters)
are left alone too. The ratios and spreads were measured on the pairs of
``tests/data/omission``, written for the purpose in the six directions among en, ru and az;
another language pair is not read here.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from pipeline.inline import blank_out
from pipeline.model import shorten
from pipeline.segmentation import split_pieces
from pipeline.translit import sound_keys

_CACHE_SIZE = 16384
#: Target letters per source letter, measured per direction (Azerbaijani runs about 5% longer
#: than English or Russian; Russian and English spend about as many letters).
_RATIO: dict[tuple[str, str], float] = {
    ("en", "ru"): 0.99, ("ru", "en"): 1.01,
    ("en", "az"): 1.055, ("az", "en"): 0.95,
    ("ru", "az"): 1.06, ("az", "ru"): 0.945,
}
#: The variance of the log length ratio of a correct translation of ``n`` source letters is
#: about ``_SPREAD / n + _FLOOR``: a sentence varies more than a paragraph, and no paragraph
#: is so long that a translator's concision stops showing.
_SPREAD = 2.3
_FLOOR = 0.003
#: How many standard deviations short the whole translation must be (a correct translation
#: is this short about once in fifty entries; the alignment must then name a place as well).
_TOTAL_Z = 2.0
#: A source with fewer letters is a heading, a caption or a list item, translated freely.
_MIN_LETTERS = 40
#: A source sentence with fewer letters ("He agreed.") is too short to be missed by length.
_MIN_MISSING_LETTERS = 15
#: How many more characters a letter may take in the translation than in its source (English
#: spends more spaces than Russian or Azerbaijani, whose words are longer): 1.10 measured.
_CHARACTERS_PER_LETTER = 1.15
_TERMINATORS = tuple(".!?…:;»”\"')")
#: Alignment moves (source sentences, target sentences) and their prior costs, -log of
#: Gale and Church's frequencies, but for a sentence left out, which is rarer than their
#: 1%: at 0.5% a sentence translated very freely (62 letters as 26) was taken for one.
#: Nothing on the source side is no move: a sentence the translator added is a split.
_MOVES: dict[tuple[int, int], float] = {
    (1, 1): -math.log(0.89), (1, 0): -math.log(0.002),
    (2, 1): -math.log(0.0445), (1, 2): -math.log(0.0445), (2, 2): -math.log(0.011),
    (3, 1): -math.log(0.005), (1, 3): -math.log(0.005),
}
_NO_SKIPS = {move: prior for move, prior in _MOVES.items() if 0 not in move}
#: How many sentences on either side of the one the alignment left out may be the one missing.
_NEIGHBOURS = 2
#: Two sentences whose costs as the missing one differ by less are both named.
_NAMING_MARGIN = 1.0
#: A word long enough to be recognised in another language, or a number.
_ANCHOR_WORD = re.compile(r"[^\W\d_]{5,}|\d+")
#: How many opening sounds of a word's :func:`pipeline.translit.sound_keys` are compared
#: (the stem: terminal, терминал, terminalın).
_ANCHOR_SOUNDS = 4
#: A source of more sentences is no paragraph of prose (a list run together, a pasted
#: document), which no editor reads as one entry: it is left alone.
_MAX_SENTENCES = 60
#: How far from the diagonal (in sentences) the alignment looks.
_BAND = 6



@dataclass(frozen=True)
class Omission:
    """What seems to be missing: ``sentences`` are the source's sentence that has no
    translation, or the two that may be the one when their lengths cannot tell which;
    ``count`` sentences are missing in all (the first quoted, when more than one)."""

    sentences: tuple[str, ...]
    count: int = 1


def omission_message(source: str, translation: str, src_lang: str, tgt_lang: str) -> str | None:
    """What an editor reads when :func:`find_omission` finds something, else None."""
    omission = find_omission(source, translation, src_lang, tgt_lang)
    if omission is None:
        return None
    quoted = " or for ".join(f"“{shorten(sentence)}”" for sentence in omission.sentences)
    if omission.count > 1:
        return (f"{omission.count} sentences seem untranslated: the translation is far shorter than the source "
                f"and has no sentence for them, the first {quoted}; translate them (or, if they are merged into "
                f"other sentences or left out on purpose, flag the entry ignore-omission)")
    which = "" if len(omission.sentences) == 1 else " (their lengths cannot tell which)"
    return (f"a sentence seems untranslated: the translation is far shorter than the source and has no "
            f"sentence for {quoted}{which}; translate it (or, if it is merged into another sentence or "
            f"left out on purpose, flag the entry ignore-omission)")


def find_omission(source: str, translation: str, src_lang: str, tgt_lang: str) -> Omission | None:
    """The source sentence whose translation seems missing, else None (also for a
    language pair not measured here, a pseudo-localised text and a source kept as it was)."""
    src, tgt = _language(src_lang), _language(tgt_lang)
    ratio = _RATIO.get((src, tgt))
    if ratio is None or not _short_enough(source, translation, ratio) and not _may_hold_markup(source):
        return None  # most entries: long enough to hold every sentence
    if "［" in translation or translation.strip() == source.strip():
        return None
    prose, translated = blank_out(source), blank_out(translation)
    source_letters = _letters(prose)
    if source_letters < _MIN_LETTERS or _shortfall(source_letters, _letters(translated), ratio) < _TOTAL_Z:
        return None
    source_sentences = _sentences(prose, src)
    if _a_heading(source_sentences, source) or len(source_sentences) > _MAX_SENTENCES:
        return None
    return _missing_place(source_sentences, _sentences(translated, tgt), ratio)


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def _short_enough(source: str, translation: str, ratio: float) -> bool:
    """The cheap gate, on lengths in characters: whether the translation may be short enough
    in letters for :func:`find_omission` to report it. The spread is taken at the source's
    length in characters, more than its letters, so the bound is never too tight."""
    longest = len(source) * ratio * math.exp(-_TOTAL_Z * _spread(len(source))) * _CHARACTERS_PER_LETTER
    return len(translation) < longest


def _may_hold_markup(text: str) -> bool:
    """Whether ``text`` may hold a link's address, a tag or code, which the length gate counts
    although :func:`find_omission` measures prose only (a long address shared by both sides
    makes a short translation look long enough)."""
    return "](" in text or "<" in text or "`" in text or "://" in text or "{" in text


def _language(lang: str) -> str:
    return lang.split("-")[0].split("_")[0].lower()


@lru_cache(maxsize=_CACHE_SIZE)
def _sentences(text: str, lang: str) -> tuple[tuple[str, int], ...]:
    """Each sentence of ``text`` with its number of letters (cached: a source is read again
    for each target language)."""
    pieces = [piece.body for piece in split_pieces(text, lang) if piece.body]
    return tuple((body, _letters(body)) for body in pieces)


def _a_heading(sentences: tuple[tuple[str, int], ...], source: str) -> bool:
    """Whether the source is one sentence without a final stop: a heading, a caption or a
    list item, which translators shorten and reword freely."""
    return len(sentences) == 1 and not source.rstrip().endswith(_TERMINATORS)


def _spread(letters: int) -> float:
    """The standard deviation of the log length ratio of a correct translation."""
    return math.sqrt(_SPREAD / max(letters, 1) + _FLOOR)


def _shortfall(source_letters: int, target_letters: int, ratio: float) -> float:
    """How many standard deviations shorter than expected the translation is (negative
    when longer)."""
    if source_letters == 0:
        return 0.0
    observed = math.log(max(target_letters, 1) / source_letters)
    return (math.log(ratio) - observed) / _spread(source_letters)


def _missing_place(source_sentences: tuple[tuple[str, int], ...], target_sentences: tuple[tuple[str, int], ...],
                   ratio: float) -> Omission | None:
    """Align the sentences by length and name the source sentence left without a partner,
    if any. The translation must have fewer sentences than its source: one that has as many
    is read as shortened throughout (an official's title, a ministry's full name dropped)."""
    source = [letters for _, letters in source_sentences]
    target = [letters for _, letters in target_sentences]
    if len(target) >= len(source):
        return None
    skipped = [start for (start, count), (_, target_count) in _alignment(source, target, ratio)[1]
               if count and not target_count and source[start] >= _MIN_MISSING_LETTERS]
    if not skipped:
        return None
    if len(skipped) > 1:
        return Omission((source_sentences[skipped[0]][0],), len(skipped))
    return Omission(_left_out(source_sentences, target_sentences, ratio, skipped[0]))


def _left_out(source_sentences: tuple[tuple[str, int], ...], target_sentences: tuple[tuple[str, int], ...],
              ratio: float, skipped: int) -> tuple[str, ...]:
    """The source sentence, or the two, that seem to have no translation. Where sentences of
    like length follow each other, the alignment may leave out either, so each sentence
    near the one it left out is tried in turn: the rest aligned without it, plus the words
    it alone shares with the translation (a name, a number, a loanword: Baku = Баку = Bakı,
    terminal = терминал) as evidence that it was translated after all."""
    source = [letters for _, letters in source_sentences]
    target = [letters for _, letters in target_sentences]
    words = [_anchors(text) for text, _ in source_sentences]
    counts = Counter(word for found in words for word in found)
    translated = set().union(*(_anchors(text) for text, _ in target_sentences))
    scores = []
    for index in range(max(0, skipped - _NEIGHBOURS), min(len(source), skipped + _NEIGHBOURS + 1)):
        if source[index] < _MIN_MISSING_LETTERS:
            continue
        rest = source[:index] + source[index + 1:]
        shared = sum(1 for word in words[index] if counts[word] == 1 and word in translated)
        scores.append((_alignment(rest, target, ratio, _NO_SKIPS)[0] + shared, index))
    scores.sort()
    if not math.isfinite(scores[0][0]):
        return (source_sentences[skipped][0],)  # far more left out than one sentence: the rest cannot align
    named = [index for score, index in scores[:2] if score - scores[0][0] < _NAMING_MARGIN]
    return tuple(source_sentences[index][0] for index in sorted(named))


def _anchors(text: str) -> frozenset[str]:
    """The words of ``text`` that a translation into another of the languages may keep
    recognisably: numbers, and the opening sounds of long words (names, loanwords)."""
    found = set()
    for word in _ANCHOR_WORD.findall(text):
        if word.isdigit():
            found.add(word)
        else:
            found.update(key[:_ANCHOR_SOUNDS] for key in sound_keys(word))
    return frozenset(found)


def _alignment(source: list[int], target: list[int], ratio: float, moves: Mapping[tuple[int, int], float] = _MOVES
               ) -> tuple[float, list[tuple[tuple[int, int], tuple[int, int]]]]:
    """Gale and Church's alignment of sentence lengths: its cost, and ((source start,
    count), (target start, count)) for each move of the cheapest, first to last. Only cells
    near the diagonal are tried, so a paragraph of thousands of sentences costs no square."""
    rows, cols = len(source), len(target)
    source_sums, target_sums = _running_sums(source), _running_sums(target)
    log_ratio = math.log(ratio)
    cost = [[math.inf] * (cols + 1) for _ in range(rows + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (cols + 1) for _ in range(rows + 1)]
    cost[0][0] = 0.0
    for i in range(rows + 1):
        diagonal = i * cols // max(rows, 1)
        for j in range(max(0, diagonal - _BAND), min(cols, diagonal + _BAND) + 1):
            here = cost[i][j]
            if here == math.inf:
                continue
            for (di, dj), prior in moves.items():
                if i + di > rows or j + dj > cols:
                    continue
                step = here + prior + _bead_cost(source_sums[i + di] - source_sums[i],
                                                 target_sums[j + dj] - target_sums[j], log_ratio)
                if step < cost[i + di][j + dj]:
                    cost[i + di][j + dj] = step
                    back[i + di][j + dj] = (di, dj)
    path = []
    i, j = rows, cols
    while (i or j) and back[i][j] is not None:
        move = back[i][j]
        assert move is not None
        i, j = i - move[0], j - move[1]
        path.append(((i, move[0]), (j, move[1])))
    return cost[rows][cols], path[::-1]


def _running_sums(lengths: list[int]) -> list[int]:
    """``sums[k]`` is the length of the first ``k`` sentences, so a move's length is a difference."""
    sums = [0]
    for length in lengths:
        sums.append(sums[-1] + length)
    return sums


def _bead_cost(source_letters: int, target_letters: int, log_ratio: float) -> float:
    """How unlikely a move's lengths are for a correct translation (a move with nothing on
    one side costs its prior alone)."""
    if source_letters == 0 or target_letters == 0:
        return 0.0
    z = (math.log(target_letters / source_letters) - log_ratio) / _spread(source_letters)
    return z * z / 2
