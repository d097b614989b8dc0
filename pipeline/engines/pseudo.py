"""Pseudo-localisation: a deterministic engine that shows what translation will do.

It needs no model, so it lets editors and developers see the whole pipeline work end to
end (catalogues filled, articles published) and spot text that escaped extraction: every
segment comes back bracketed (``［…］``, full-width so they never read as Markdown link brackets) with its letters swapped for look-alikes in the
target's script — accented Latin for en/az, Cyrillic for ru — so that the output passes
the same script checks real MT output must pass. Markup, placeholders, URLs and e-mail
addresses are protected the same way as for real engines and come back untouched.

Words that start with a capital letter (names, acronyms, sentence starts) are left as
written, as MT leaves a name it does not know: the glossary step then puts in the target
spelling (Aliyev → Əliyev), so a demo on real articles fills catalogues instead of seeing
every segment with a name rejected for a name it cannot find. A segment of capitalised
words only (a title-case heading, an address) is swapped whole, or it would come back
unchanged and be rejected as untranslated.
"""

from __future__ import annotations

import re
from typing import Sequence

from pipeline.placeholders import protect, restore

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


def transliterate(text: str, target: str, *, keep_capitalised: bool = False) -> str:
    """Swap letters outside protected spans (and, with ``keep_capitalised``, outside words
    that start with a capital letter, unless that would swap none); markup and placeholders
    stay as they are."""
    protected = protect(text)
    table = letter_map(target)

    def swap_all(word: re.Match[str]) -> str:
        return "".join(table.get(ch, ch) for ch in word.group())

    def swap_lower(word: re.Match[str]) -> str:
        return word.group() if word.group()[0].isupper() else swap_all(word)

    swapped = _WORD.sub(swap_lower, protected.text) if keep_capitalised else protected.text
    if swapped == protected.text:
        swapped = _WORD.sub(swap_all, protected.text)
    restored, _ = restore(swapped, protected)
    return restored


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
        return [self._one(text, target) for text in texts]

    def _one(self, text: str, target: str) -> str:
        if not text.strip():
            return text
        padding = "~" * int(len(text) * self.expand)
        return f"［{transliterate(text, target, keep_capitalised=True)}{padding}］"
