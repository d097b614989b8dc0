"""``engine = "none"``: no machine translation, but the translation memory still works.

A newsroom without models (or one that does not want MT) still expects what any
translation tool does: a sentence reviewed in one article is offered, fuzzy, wherever it
appears again, and a renamed article gets its reviewed translations back. This engine
serves no language pair, so the translate stage fills entries from the memory only and
reports no pair as missing a model.
"""

from __future__ import annotations

from typing import Sequence

from pipeline.errors import EngineError


class MemoryOnlyEngine:
    """Serves no pair; the translate stage runs for its translation memory alone."""

    name = "none"
    #: No models are expected, so a pair it does not serve is not "missing" one.
    memory_only = True

    def supports(self, source: str, target: str) -> bool:
        return False

    def provenance(self, source: str, target: str) -> str:
        raise EngineError(f"no machine translation engine is configured for {source}→{target}")

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        raise EngineError(f"no machine translation engine is configured for {source}→{target}")


def is_memory_only(engine: object) -> bool:
    """Whether ``engine`` fills entries from the translation memory only (no models)."""
    return bool(getattr(engine, "memory_only", False))
