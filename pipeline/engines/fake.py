"""Deterministic fake engines for tests, including ones that misbehave like real MT.

Every fake first "translates" by swapping letters into the target's script (see
:mod:`pipeline.engines.pseudo`), so a well-behaved fake passes the sanity gate; each
misbehaving fake then breaks its output in exactly one way real MT does — losing,
duplicating or reordering placeholders, straightening quotation marks, looping,
copying the source, hallucinating boilerplate — so tests can check that the pipeline
notices. Every fake records its calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from pipeline.engines import Unfinished
from pipeline.engines.pseudo import transliterate
from pipeline.errors import EngineError

_TOKEN = re.compile(r"⟦\s*\d+\s*⟧|<\s*[xX]\s*\d+\s*/?\s*>")


@dataclass
class Call:
    """One translate_batch call as a fake saw it."""

    texts: list[str]
    source: str
    target: str


@dataclass
class FakeEngine:
    """Upper-cases and transliterates into the target script: "hello" → "ХЕЛЛО" for ru.

    ``pairs`` limits the supported pairs (None: every pair of different languages);
    ``version`` is part of the provenance, so tests can simulate a model upgrade.
    """

    name: str = "fake"
    version: str = "1"
    pairs: set[tuple[str, str]] | None = None
    calls: list[Call] = field(default_factory=list)

    def supports(self, source: str, target: str) -> bool:
        if self.pairs is not None:
            return (source, target) in self.pairs
        return source != target

    def provenance(self, source: str, target: str) -> str:
        return f"{self.name} {self.version} {source}→{target}"

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        if not self.supports(source, target):
            raise EngineError(f"{self.name} cannot translate {source}→{target}")
        self.calls.append(Call(list(texts), source, target))
        return [self.transform(text, source, target) for text in texts]

    @property
    def texts_seen(self) -> list[str]:
        return [text for call in self.calls for text in call.texts]

    def transform(self, text: str, source: str, target: str) -> str:
        return self.translate_well(text, target)

    @staticmethod
    def translate_well(text: str, target: str) -> str:
        return transliterate(text, target).upper()


@dataclass
class PrefixEngine(FakeEngine):
    """Prefixes every output: "hello" → "RU: ХЕЛЛО"."""

    name: str = "fake-prefix"
    prefix: str = ""

    def transform(self, text: str, source: str, target: str) -> str:
        return (self.prefix or f"{target.upper()}: ") + self.translate_well(text, target)


@dataclass
class DropPlaceholderEngine(FakeEngine):
    """Loses the last placeholder of each text, as MT often drops a trailing tag."""

    name: str = "fake-drop"

    def transform(self, text: str, source: str, target: str) -> str:
        tokens = list(_TOKEN.finditer(text))
        if tokens:
            last = tokens[-1]
            text = text[:last.start()] + text[last.end():]
        return self.translate_well(text, target)


@dataclass
class DuplicatePlaceholderEngine(FakeEngine):
    """Repeats the first placeholder of each text."""

    name: str = "fake-duplicate"

    def transform(self, text: str, source: str, target: str) -> str:
        token = _TOKEN.search(text)
        if token:
            text = text + " " + token.group()
        return self.translate_well(text, target)


@dataclass
class ReorderPlaceholderEngine(FakeEngine):
    """Reverses the order of the placeholders in each text."""

    name: str = "fake-reorder"

    def transform(self, text: str, source: str, target: str) -> str:
        tokens = [m.group() for m in _TOKEN.finditer(text)]
        reordered = iter(reversed(tokens))
        return self.translate_well(_TOKEN.sub(lambda m: next(reordered), text), target)


@dataclass
class SpacedPlaceholderEngine(FakeEngine):
    """Inserts spaces inside placeholders ("⟦1⟧" → "⟦ 1 ⟧", "<x1/>" → "< x1 / >"), as
    subword tokenisers do, and lower-cases the output (breaks case-sensitive tokens)."""

    name: str = "fake-spaced"

    def transform(self, text: str, source: str, target: str) -> str:
        spaced = re.sub(r"⟦(\d+)⟧", r"⟦ \1 ⟧", text)
        spaced = re.sub(r"<x(\d+)/>", r"< X\1 / >", spaced)
        return transliterate(spaced, target).lower()


@dataclass
class AsciiQuotesEngine(FakeEngine):
    """Replaces typographic quotation marks with ASCII ones: «…» and “…” → "…"."""

    name: str = "fake-ascii-quotes"

    def transform(self, text: str, source: str, target: str) -> str:
        return re.sub(r"[«»“”„]", '"', self.translate_well(text, target))


@dataclass
class CutOffEngine(FakeEngine):
    """Stops at a length limit while still writing, as Argos does on a loop: the first
    half of the output, marked :class:`~pipeline.engines.Unfinished`. Only texts holding
    ``cut_when`` are cut (every text when it is empty)."""

    name: str = "fake-cut-off"
    cut_when: str = ""
    limit: int = 24

    def transform(self, text: str, source: str, target: str) -> str:
        output = self.translate_well(text, target)
        if self.cut_when not in text:
            return output
        return Unfinished(output[:len(output) // 2], self.limit)


@dataclass
class RepeatEngine(FakeEngine):
    """Loops: repeats the last two words of each text five more times."""

    name: str = "fake-repeat"

    def transform(self, text: str, source: str, target: str) -> str:
        output = self.translate_well(text, target)
        words = _TOKEN.sub(" ", output).rstrip(".!?»”\"").split()
        if len(words) < 2:
            return output
        return output + (" " + " ".join(words[-2:])) * 5


@dataclass
class EchoEngine(FakeEngine):
    """Returns the source unchanged, as MT does with text it cannot handle."""

    name: str = "fake-echo"

    def transform(self, text: str, source: str, target: str) -> str:
        return text


@dataclass
class BoilerplateEngine(FakeEngine):
    """Appends a hallucinated web boilerplate phrase."""

    name: str = "fake-boilerplate"
    phrase: str = "Allowed HTML tags: <a> <em> <strong>"

    def transform(self, text: str, source: str, target: str) -> str:
        return self.translate_well(text, target) + " " + self.phrase


@dataclass
class EmptyEngine(FakeEngine):
    """Returns empty strings."""

    name: str = "fake-empty"

    def transform(self, text: str, source: str, target: str) -> str:
        return ""


@dataclass
class ShortBatchEngine(FakeEngine):
    """Breaks the protocol: returns one result fewer than it was given."""

    name: str = "fake-short-batch"

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return super().translate_batch(texts, source, target)[:-1]


@dataclass
class FailingEngine(FakeEngine):
    """Raises EngineError on every call, as an engine whose model fails to load."""

    name: str = "fake-failing"

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        self.calls.append(Call(list(texts), source, target))
        raise EngineError(f"{self.name}: model failed to load", hint="this fake always fails")


#: Registry names of the fakes, for ``get_engine("fake-…")``.
FAKES: dict[str, type[FakeEngine]] = {
    cls.name: cls  # type: ignore[misc]
    for cls in (
        FakeEngine, PrefixEngine, DropPlaceholderEngine, DuplicatePlaceholderEngine,
        ReorderPlaceholderEngine, SpacedPlaceholderEngine, AsciiQuotesEngine, RepeatEngine,
        EchoEngine, BoilerplateEngine, EmptyEngine, ShortBatchEngine, FailingEngine,
    )
}
