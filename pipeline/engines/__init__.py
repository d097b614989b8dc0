"""Translation engines behind one small protocol, so stages never know which engine runs.

An engine translates a batch of plain segments (placeholders already protect markup) from
one language to another. Engines that need models report which pairs they can serve.
"""

from __future__ import annotations

from typing import Protocol, Sequence, runtime_checkable


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
        """Translate every text in ``texts``; the result has the same length and order."""
        ...
