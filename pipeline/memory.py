"""Translation memory: reuse what reviewers already translated.

Newsrooms repeat themselves — bylines, boilerplate, photo credits, recurring headings —
so a sentence a reviewer translated in one article should not be machine-translated
again in the next. The memory is built from the catalogues of the run: reviewed
(translated, not fuzzy) active entries of every catalogue, and reviewed obsolete entries
(translations of text that moved or was deleted), keyed by
``(source_lang, target_lang, normalised msgid)``.

Keys are normalised so trivial differences do not prevent reuse. The default folds
whitespace; the quotation module can pass a normaliser that also folds quote styles.
:class:`FuzzyMemory` offers the reviewed translation of a *similar* text instead, as a
suggestion that stays fuzzy with the similar text as its previous msgid.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from pipeline.fuzzy import FuzzyIndex
from pipeline.model import Catalogue, Message

KeyNormaliser = Callable[[str], str]
#: Opens the comment naming another reviewed translation that tied with the one chosen: a
#: hint for the reviewer, dropped when the entry is accepted.
ALTERNATIVE_PREFIX = "mt: translation memory, also reviewed "


def normalise_whitespace(text: str) -> str:
    """Fold runs of whitespace into one space and trim the ends."""
    return " ".join(text.split())


@dataclass(frozen=True)
class MemoryMatch:
    """A translation found in memory and where it came from (for the provenance comment)."""

    text: str
    origin: str
    #: (text, origin) of the other translations seen as often: the choice among them is
    #: arbitrary (the first seen), so the reviewer is shown them (a translator's later
    #: revision in a renamed article's catalogue may be one).
    others: tuple[tuple[str, str], ...] = ()


@dataclass
class _Candidates:
    counts: Counter[str] = field(default_factory=Counter)
    origins: dict[str, str] = field(default_factory=dict)

    def add(self, text: str, origin: str) -> None:
        self.counts[text] += 1
        self.origins.setdefault(text, origin)

    def best(self) -> MemoryMatch:
        """The most frequent translation; ties go to the first one seen (deterministic), and
        the others of the tie come with it."""
        top = max(self.counts.values())
        tied = [t for t in self.origins if self.counts[t] == top]
        return MemoryMatch(tied[0], self.origins[tied[0]], tuple((t, self.origins[t]) for t in tied[1:]))


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


@dataclass(frozen=True)
class FuzzyMemoryMatch:
    """A reviewed translation of a *similar* source text: a suggestion to review against
    the difference between ``msgid`` (what it translates) and the entry's own text."""

    text: str
    msgid: str
    origin: str


class FuzzyMemory:
    """Reviewed translations of similar texts, as msgmerge's compendium offers them.

    Fed with the catalogues no article uses (a renamed article's old ones), it gives the
    paragraphs edited in the same commit as the rename what an edit without the rename
    gets from the article's own catalogue: the old translation, fuzzy, with its source as
    the previous msgid. A title only ever matches a title (indexes are per context).
    """

    def __init__(self) -> None:
        self._indexes: dict[tuple[str, str, str | None], FuzzyIndex[str]] = {}  # built on first lookup
        self._found: dict[tuple[str, str, str | None], dict[str, tuple[str, str]]] = {}

    def add_catalogue(self, path: str, source_lang: str, target_lang: str, catalogue: Catalogue) -> None:
        """Remember every reviewed singular entry of ``catalogue`` (the first translation of
        a text wins: catalogues are added in path order, so the answer is deterministic)."""
        for message in catalogue.messages:
            if not _reviewed(message) or not message.msgstr.strip():
                continue
            where = (source_lang, target_lang, message.msgctxt)
            found = self._found.setdefault(where, {})
            if message.msgid not in found:
                found[message.msgid] = (message.msgstr, f"obsolete entry in {path}" if message.obsolete else path)
                self._indexes.pop(where, None)

    def lookup(self, source_lang: str, target_lang: str, msgctxt: str | None,
               msgid: str) -> FuzzyMemoryMatch | None:
        """The reviewed translation of the most similar remembered text, if one is close
        enough (:data:`pipeline.fuzzy.FUZZY_THRESHOLD`, msgmerge's measure)."""
        where = (source_lang, target_lang, msgctxt)
        if where not in self._found:
            return None
        index = self._indexes.get(where)
        if index is None:  # one add_many: adding texts one by one costs the square of their number
            index = self._indexes[where] = FuzzyIndex()
            index.add_many((text, text) for text in self._found[where])
        best = index.best(msgid)
        if best is None:
            return None
        text, origin = self._found[where][best[0]]
        return FuzzyMemoryMatch(text, best[0], origin)
