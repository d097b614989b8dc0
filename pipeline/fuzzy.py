"""Similarity search for msgmerge-style fuzzy matching that stays fast on huge catalogues.

Comparing every new msgid with every old one (what Babel's ``Catalog.update`` does) is
quadratic. Instead, candidates come from an inverted index of word tokens (with short
prefixes, so inflected forms meet), ranked by the rarity of what they share; only the few
best are scored with :class:`difflib.SequenceMatcher`, the ratio GNU msgmerge's ``fstrcmp``
approximates.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from typing import Generic, Hashable, TypeVar

FUZZY_THRESHOLD = 0.6
_WORD = re.compile(r"\w+")

K = TypeVar("K", bound=Hashable)


def _tokens(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    tokens = set(words)
    tokens.update(w[:4] + "…" for w in words if len(w) > 4)
    return tokens


class FuzzyIndex(Generic[K]):
    """Find the most similar stored text to a query, without scanning everything."""

    def __init__(self, *, candidates_scored: int = 8) -> None:
        self._texts: dict[K, str] = {}
        self._postings: dict[str, list[K]] = defaultdict(list)
        self._scored = candidates_scored

    def __len__(self) -> int:
        return len(self._texts)

    def add(self, key: K, text: str) -> None:
        if key in self._texts:
            return
        self._texts[key] = text
        for token in _tokens(text):
            self._postings[token].append(key)

    def best(self, query: str, threshold: float = FUZZY_THRESHOLD) -> tuple[K, float] | None:
        """The stored key most similar to ``query`` with a ratio ≥ ``threshold``, or None."""
        if not self._texts:
            return None
        total = len(self._texts)
        votes: Counter[K] = Counter()
        for token in _tokens(query):
            posting = self._postings.get(token)
            if not posting or len(posting) > max(64, total // 4):
                continue
            weight = math.log(1 + total / len(posting))
            for key in posting:
                votes[key] += weight
        best: tuple[K, float] | None = None
        for key, _ in votes.most_common(self._scored):
            text = self._texts[key]
            if not _lengths_compatible(query, text, threshold):
                continue
            matcher = SequenceMatcher(None, query, text, autojunk=False)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            ratio = matcher.ratio()
            if ratio >= threshold and (best is None or ratio > best[1]):
                best = (key, ratio)
        return best


def _lengths_compatible(a: str, b: str, threshold: float) -> bool:
    """The ratio 2·M/(|a|+|b|) can reach ``threshold`` only if the lengths are close enough."""
    shorter, longer = sorted((len(a), len(b)))
    return 2 * shorter / (shorter + longer or 1) >= threshold
