"""Translation engines behind one small protocol, so stages never know which engine runs.

An engine translates a batch of plain segments (placeholders already protect markup) from
one language to another. Engines that need models report which pairs they can serve.
An engine that stops an output at its length limit returns it as :class:`Unfinished`, so
the translate stage rejects it instead of writing half a sentence.
"""

from __future__ import annotations

from typing import Protocol, Sequence, runtime_checkable


class Unfinished(str):
    """An output the engine cut off at its length limit, still writing: a loop, or a
    translation missing its end. Never a translation; the stage rejects the entry."""

    limit: int = 0  # the length limit it hit, in the engine's own units (pieces)

    def __new__(cls, text: str, limit: int) -> "Unfinished":
        output = super().__new__(cls, text)
        output.limit = limit
        return output


@runtime_checkable
class Engine(Protocol):
    """What the translate stage needs from a machine translation engine."""

    name: str

    def supports(self, source: str, target: str) -> bool:
        """True when this engine can translate ``source`` → ``target`` (maybe via a pivot)."""
        ...

    def provenance(self, source: str, target: str) -> str:
        """A short, stable description of what produces ``source`` → ``target`` output,
        e.g. ``"argos translate-en_ru 1.9"`` or ``"argos az→en→ru (…)"``."""
        ...

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Translate every text in ``texts``; the result has the same length and order.
        An output stopped at the engine's length limit is returned as :class:`Unfinished`."""
        ...
