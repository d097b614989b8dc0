"""Pseudo-localisation: a deterministic engine that shows what translation will do.

It needs no model, so it lets editors and developers see the whole pipeline work end to
end (catalogues filled, articles published) and spot text that escaped extraction: every
segment comes back bracketed (``［…］``, full-width so they never read as Markdown link brackets) with its letters swapped for look-alikes in the
target's script — accented Latin for en/az, Cyrillic for ru — so that the output passes
the same script checks real MT output must pass. Markup, placeholders, URLs and e-mail
addresses are protected the same way as for real engines and come back untouched.

Words that start with a capital letter (names, acronyms, sentence starts) are left as
written, as MT leaves a name it does not know, and so are the particles inside a name
("Port of Baku", "Leonardo da Vinci"): the glossary step then puts in the target
spelling (Aliyev → Əliyev, Port of Baku → Bakı Limanı), so a demo on real articles fills
catalogues instead of seeing every segment with a name rejected for a name it cannot find.
A scale word after a number is written as the target writes it ("2.5 million" → "2.5 млн",
"$12m" → "$12 млн"), as MT does, so the number checks see the same figure.
A segment of names and their particles only
("The Middle Corridor of Trade") has its particles swapped where the target writes the
source's script (and is swapped whole into another one), and one of capitalised words only
(a title-case heading, an address) is swapped whole, or it would come back unchanged and be
rejected as untranslated.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from pipeline.numbers import money_scale_in, scale_word_in
from pipeline.placeholders import protect, restore
from pipeline.sanity import script_problems

_ACCENTED = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒğĥîĵķłɱñöþǫŕşŧüṽŵẋýžÅƁÇĐÉƑĞĤÎĴĶŁṀÑÖÞǪŔŞŦÜṼŴẊÝŽ",
))
_TO_CYRILLIC = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "абцдефгхийклмнопярстувшжызАБЦДЕФГХИЙКЛМНОПЯРСТУВШЖЫЗ",
))
_FROM_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "åƀṽğđéëžžîĵķłɱñöþŕşŧüƒĥçčšŝʼýʼéüåÅƁṼĞĐÉËŽŽÎĴĶŁṀÑÖÞŔŞŦÜƑĤÇČŠŜʼÝʼÉÜÅ",
))
_CYRILLIC_SCRIPT = frozenset({"ru", "uk", "be", "bg", "sr", "kk"})


def _base(lang: str) -> str:
    return lang.replace("-", "_").split("_")[0].lower()


def letter_map(target: str) -> dict[str, str]:
    """How letters are swapped for ``target``: into its script, visibly changed."""
    if _base(target) in _CYRILLIC_SCRIPT:
        return _TO_CYRILLIC
    table = dict(_ACCENTED)
    table.update(_FROM_CYRILLIC)
    if _base(target) == "az":
        table.update({"e": "ə", "E": "Ə", "i": "ı"})
    return table


_WORD = re.compile(r"[^\W\d_]+")
#: The lower-case words inside names and titles: Port of Baku, Leonardo da Vinci, Freedom in
#: the World, Parliamentary Assembly of the Council of Europe.
NAME_PARTICLES = frozenset("of the in on for and de da di du del della der den van von la le al el bin ibn y".split())
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]\Z")
_NEXT_WORD = re.compile(r"[ \u00a0]([^\W\d_]+)")
_AFTER_A_NUMBER = re.compile(r"\d(?:[\s\u00a0]*|-)\Z")  # 2 million, a $1.5-billion loan


def transliterate(text: str, target: str, *, keep_capitalised: bool = False, source: str = "") -> str:
    """Swap letters outside protected spans (and, with ``keep_capitalised``, as MT treats
    names and figures: outside capitalised words and the particles inside names, and with
    scale words after numbers in the target's form, unless that would swap nothing);
    markup and placeholders stay as they are."""
    protected = protect(text)
    table = letter_map(target)

    def swap_all(word: re.Match[str]) -> str:
        return "".join(table.get(ch, ch) for ch in word.group())

    def swap_lower(word: re.Match[str], particles: bool = True) -> str:
        if word.group()[0].isupper() or (particles and _inside_a_name(word)):
            return word.group()
        after_a_number = _AFTER_A_NUMBER.search(word.string, max(0, word.start() - 8), word.start())
        if after_a_number and word.group().lower() in ("am", "pm"):
            return word.group()  # 3.45pm: a time, which the number checks read with its am/pm
        scale = scale_word_in(word.group(), source, target) if source and after_a_number else None
        money = money_scale_in(word.string, word.start(), target) if source and not scale else None
        return scale or (" " + money if money else swap_all(word))

    swapped = _WORD.sub(swap_lower, protected.text) if keep_capitalised else protected.text
    if swapped == protected.text and keep_capitalised and not _changes_script(protected.text, table):
        # Names and their particles only ("The Middle Corridor of Trade", a caption "Port
        # of Baku") in a target of the same script: the particles are swapped, so the names
        # stay for the glossary step. Into another script MT writes the names in it, and
        # the segment must be in that script to pass the gate: it is swapped whole.
        swapped = _WORD.sub(lambda word: swap_lower(word, particles=False), protected.text)
    if swapped == protected.text or (keep_capitalised and script_problems(protected.text, swapped, target)):
        # Nothing swapped, or so little that the gate would reject the output for its script
        # (a footnote naming a ministry: "Data from the Ministry of Emergency Situations."),
        # where real MT writes the whole segment in the target's letters: swap it whole.
        swapped = _WORD.sub(swap_all, protected.text)
    restored, _ = restore(swapped, protected)
    return restored


def _changes_script(text: str, table: dict[str, str]) -> bool:
    """Whether ``table`` writes the letters of ``text`` in another script (Latin → Cyrillic)."""
    return any(_script(ch) != _script(table[ch]) for ch in text if ch in table)


def _script(letter: str) -> str:
    return unicodedata.name(letter, "").split(" ", 1)[0]


def _inside_a_name(word: re.Match[str]) -> bool:
    """Whether ``word`` is a name particle (:data:`NAME_PARTICLES`) in a run of at most
    three between two capitalised words, as "of the" in "Assembly of the Council"."""
    if word.group() not in NAME_PARTICLES:
        return False
    return _capitalised_next(word.string, word.start(), backwards=True) and \
        _capitalised_next(word.string, word.end(), backwards=False)


def _capitalised_next(text: str, at: int, *, backwards: bool) -> bool:
    """Whether the next word from ``at`` that way, past at most two more particles, is
    capitalised."""
    for _ in range(3):
        found = _PREVIOUS_WORD.search(text, max(0, at - 40), at) if backwards else _NEXT_WORD.match(text, at)
        if found is None:
            return False
        if found.group(1)[0].isupper():
            return True
        if found.group(1) not in NAME_PARTICLES:
            return False
        at = found.start(1) if backwards else found.end(1)
    return False


class PseudoEngine:
    """Brackets and look-alike letters, per segment, for any pair of different languages."""

    name = "pseudo"
    version = "1"

    def __init__(self, expand: float = 0.0) -> None:
        """``expand`` pads each segment by that share of its length (0.3 → 30 % longer),
        to show where a layout breaks with languages that run longer."""
        self.expand = expand

    def supports(self, source: str, target: str) -> bool:
        return _base(source) != _base(target)

    def provenance(self, source: str, target: str) -> str:
        return f"pseudo {self.version}"

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [self._one(text, source, target) for text in texts]

    def _one(self, text: str, source: str, target: str) -> str:
        if not text.strip():
            return text
        padding = "~" * int(len(text) * self.expand)
        opening, closing = _brackets(text)
        body = transliterate(text, target, keep_capitalised=True, source=source)
        return f"{opening}{body}{closing}{padding}］"


_TOKEN = re.compile(r"⟦\d+⟧")


def _brackets(text: str) -> tuple[str, str]:
    """The opening bracket and what goes before the closing one (and its padding): a space
    where the segment's first or last word holds a protected span or placeholder token. A
    URL runs to the next space (in the patterns, the urls check and GFM autolinks), so a
    bracket glued to it would become part of the published link; GFM links no URL glued to
    a character before it."""
    words = protect(text).text.split()
    opening = "［ " if words and _TOKEN.search(words[0]) else "［"
    closing = " " if words and _TOKEN.search(words[-1]) else ""
    return opening, closing
