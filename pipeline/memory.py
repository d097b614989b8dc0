"""Translation memory: reuse what reviewers already translated.

Newsrooms repeat themselves — bylines, boilerplate, photo credits, recurring headings —
so a sentence a reviewer translated in one article should not be machine-translated
again in the next. The memory is built from the catalogues of the run: reviewed
(translated, not fuzzy) active entries of every catalogue, and reviewed obsolete entries
(translations of text that moved or was deleted), keyed by
``(source_lang, target_lang, normalised msgid)``.

Keys are normalised so trivial differences do not prevent reuse. The default folds
whitespace; the quotation module can pass a normaliser that also folds quote styles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from pipeline.model import Catalogue, Message

KeyNormaliser = Callable[[str], str]


def normalise_whitespace(text: str) -> str:
    """Fold runs of whitespace into one space and trim the ends."""
    return " ".join(text.split())


@dataclass(frozen=True)
class MemoryMatch:
    """A translation found in memory and where it came from (for the provenance comment)."""

    text: str
    origin: str


@dataclass
class _Candidates:
    counts: Counter[str] = field(default_factory=Counter)
    origins: dict[str, str] = field(default_factory=dict)

    def add(self, text: str, origin: str) -> None:
        self.counts[text] += 1
        self.origins.setdefault(text, origin)

    def best(self) -> MemoryMatch:
        """The most frequent translation; ties go to the first one seen (deterministic)."""
        top = max(self.counts.values())
        text = next(t for t in self.origins if self.counts[t] == top)
        return MemoryMatch(text, self.origins[text])


class TranslationMemory:
    """Exact-match memory of reviewed translations."""

    def __init__(self, normalise: KeyNormaliser = normalise_whitespace) -> None:
        self._normalise = normalise
        self._entries: dict[tuple[str, str, str], _Candidates] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def key(self, source_lang: str, target_lang: str, msgid: str) -> tuple[str, str, str]:
        return (source_lang, target_lang, self._normalise(msgid))

    def add(self, source_lang: str, target_lang: str, msgid: str, msgstr: str, origin: str) -> None:
        """Remember one reviewed translation."""
        if not msgid.strip() or not msgstr:
            return
        key = self.key(source_lang, target_lang, msgid)
        self._entries.setdefault(key, _Candidates()).add(msgstr, origin)

    def add_catalogue(self, path: str, source_lang: str, target_lang: str, catalogue: Catalogue) -> int:
        """Remember every reviewed singular entry of ``catalogue``; returns how many."""
        added = 0
        for message in catalogue.messages:
            if _reviewed(message):
                origin = f"obsolete entry in {path}" if message.obsolete else path
                self.add(source_lang, target_lang, message.msgid, message.msgstr, origin)
                added += 1
        return added

    def lookup(self, source_lang: str, target_lang: str, msgid: str) -> MemoryMatch | None:
        """The reviewed translation of ``msgid`` for this pair, if any."""
        candidates = self._entries.get(self.key(source_lang, target_lang, msgid))
        return candidates.best() if candidates else None

    @classmethod
    def from_catalogues(cls, catalogues: Iterable[tuple[str, str, str, Catalogue]],
                        normalise: KeyNormaliser = normalise_whitespace) -> "TranslationMemory":
        """Build a memory from ``(source_lang, target_lang, path, catalogue)`` tuples."""
        memory = cls(normalise)
        for source_lang, target_lang, path, catalogue in catalogues:
            memory.add_catalogue(path, source_lang, target_lang, catalogue)
        return memory


def _reviewed(message: Message) -> bool:
    return (
        message.msgid_plural is None
        and bool(message.msgid)
        and bool(message.msgstr)
        and not message.fuzzy
    )
