"""Similarity search for msgmerge-style fuzzy matching that stays fast on huge catalogues.

Comparing every new msgid with every old one (what Babel's ``Catalog.update`` does) is
quadratic. Instead, candidates come from an inverted index of word tokens (with short
prefixes, so inflected forms meet), ranked by the rarity of what they share; only the few
best are scored with :class:`difflib.SequenceMatcher`, the ratio GNU msgmerge's ``fstrcmp``
approximates.

Candidates are only texts whose length lets them reach the threshold at all, and texts tied
with the last candidate's vote are scored too (up to four times as many): without that, long
paragraphs containing every word of a short sentence, or template siblings differing only in
emphasis, filled the places and the edited text's original was never scored.

Two exact shortcuts keep a query's cost from growing with the catalogue (see
``bench/merge.py``): the vote reads only the rare tokens' postings key by key and counts the
common tokens for all keys at once as bitmaps, then scores exactly just the keys whose upper
bound can reach the k-th best; and the expensive ratio is computed best-bound first, so
candidates whose upper bound cannot beat the best ratio found are never scored. Both return
what a full scan would; ties are broken by insertion order, so the result does not depend on
string hashing.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from typing import Generic, Hashable, TypeVar

FUZZY_THRESHOLD = 0.6
_WORD = re.compile(r"\w+")
#: Slack for comparing float sums added in different orders.
_EPSILON = 1e-9
#: Postings up to this long are read key by key; longer ones are counted as bitmaps.
_RARE = 64
#: Common tokens' weights are rounded up to 1/_STEPS of the heaviest one for the bound.
_STEPS = 16

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
        self._keys: list[K] = []
        self._position: dict[K, int] = {}
        self._token_sets: dict[K, frozenset[str]] = {}
        self._postings: dict[str, list[K]] = defaultdict(list)
        self._bitmaps: dict[str, int] = {}
        self._scored = candidates_scored

    def __len__(self) -> int:
        return len(self._texts)

    def add(self, key: K, text: str) -> None:
        if key in self._texts:
            return
        self._position[key] = len(self._keys)
        self._keys.append(key)
        self._texts[key] = text
        self._bitmaps.clear()
        tokens = frozenset(_tokens(text))
        self._token_sets[key] = tokens
        for token in tokens:
            self._postings[token].append(key)

    def best(self, query: str, threshold: float = FUZZY_THRESHOLD) -> tuple[K, float] | None:
        """The stored key most similar to ``query`` with a ratio ≥ ``threshold``, or None."""
        if not self._texts:
            return None
        best: tuple[K, float] | None = None
        best_rank = -1
        for bound, rank, key, matcher in self._bounded(query, self._candidates(query, threshold), threshold):
            if best is not None and (bound < best[1] or (bound == best[1] and rank > best_rank)):
                break
            ratio = matcher().ratio()
            if ratio >= threshold and (best is None or ratio > best[1] or (ratio == best[1] and rank < best_rank)):
                best, best_rank = (key, ratio), rank
        return best

    def _candidates(self, query: str, threshold: float) -> list[K]:
        """The ``candidates_scored`` keys with the highest rarity-weighted token votes, among
        the texts whose length lets them reach ``threshold`` at all.

        Each shared token votes ``log(1 + total / postings)``; tokens on more than a quarter of
        the texts (and at least 64) do not vote. Scores are summed in one fixed token order and
        ties go to the key added first, so the choice never depends on hashing. The length
        test comes first because a vote only counts shared words: a long paragraph that
        contains every word of a short sentence ties with the sentence's true original, and
        such paragraphs (which can never match) used to fill all the places, so the original
        was not scored (see ``bench/merge.py``).

        Reading every posting of a common token is what makes a naive vote quadratic, so only
        the rare tokens' postings are read key by key. The common ones are counted for all keys
        at once, as bitmaps in a bit-sliced counter; a key that has ``c`` of them can gain at
        most ``c`` times the heaviest of their weights. Exact scores are then computed only for
        the keys whose upper bound reaches a proven lower bound of the k-th best score.
        """
        total = len(self._texts)
        limit = max(64, total // 4)
        texts = self._texts

        def fits(key: K) -> bool:
            return _lengths_compatible(query, texts[key], threshold)

        terms: list[tuple[float, str, list[K]]] = []
        for token in _tokens(query):
            posting = self._postings.get(token)
            if posting and len(posting) <= limit:
                terms.append((math.log(1 + total / len(posting)), token, posting))
        terms.sort(key=lambda term: (-term[0], term[1]))
        rare = [term for term in terms if len(term[2]) <= _RARE]
        common = terms[len(rare):]
        votes: dict[K, float] = {}
        for weight, _, posting in rare:
            for key in posting:
                votes[key] = votes.get(key, 0.0) + weight
        if not common:
            return self._top({key: score for key, score in votes.items() if fits(key)})
        # Common tokens: weights rounded up to multiples of ``unit``, summed as bitmaps.
        unit = common[0][0] / _STEPS
        counter = _BitCounter(total)
        for weight, token, _ in common:
            counter.add(self._bitmap(token), math.ceil(weight / unit))
        want = self._scored
        keys = self._keys
        seeds = heapq.nlargest(2 * want, filter(fits, votes), key=votes.__getitem__)
        top_common = [keys[i] for i in _set_bits(counter.top_levels(4 * want))]
        seeds += [key for key in top_common if fits(key)][:4 * want]
        exact = {key: self._score(key, terms) for key in seeds}
        if len(exact) < want:
            return self._top({key: score for key, score in self._full_vote(terms).items() if fits(key)})
        theta = heapq.nlargest(want, exact.values())[-1] - _EPSILON
        heaviest = common[0][0]
        common_tokens = frozenset(token for _, token, _ in common)
        token_sets = self._token_sets
        for key, partial in votes.items():
            if key not in exact and partial + heaviest * len(token_sets[key] & common_tokens) >= theta and fits(key):
                exact[key] = self._score(key, terms)
        # A key without rare tokens scores at most unit × its rounded-up common sum.
        for position in _set_bits(counter.at_least(max(1, math.ceil(theta / unit - _EPSILON)))):
            key = keys[position]
            if key not in exact and fits(key):
                exact[key] = self._score(key, terms)
        return self._top(exact)

    def _top(self, scores: dict[K, float]) -> list[K]:
        """The best ``candidates_scored`` keys, plus those tied with the last (up to 4 times as many).

        Texts made from one template (the same words, emphasis on another one) tie on votes;
        cutting them by insertion order alone dropped the edited text's original for a sibling.
        """
        position = self._position
        want = self._scored
        ranked = heapq.nsmallest(4 * want, scores, key=lambda key: (-scores[key], position[key]))
        if len(ranked) <= want:
            return ranked
        last = scores[ranked[want - 1]]
        return ranked[:want] + [key for key in ranked[want:] if scores[key] >= last - _EPSILON]

    def _score(self, key: K, terms: list[tuple[float, str, list[K]]]) -> float:
        """A key's vote, summed in the same order as :meth:`_full_vote` sums it."""
        tokens = self._token_sets[key]
        score = 0.0
        for weight, token, _ in terms:
            if token in tokens:
                score += weight
        return score

    def _full_vote(self, terms: list[tuple[float, str, list[K]]]) -> dict[K, float]:
        votes: dict[K, float] = {}
        for weight, _, posting in terms:
            for key in posting:
                votes[key] = votes.get(key, 0.0) + weight
        return votes

    def _bitmap(self, token: str) -> int:
        """Bit ``i`` set when the ``i``-th key added has ``token`` (cached until the next add)."""
        bitmap = self._bitmaps.get(token)
        if bitmap is None:
            bits = bytearray((len(self._keys) + 8) // 8)
            position = self._position
            for key in self._postings[token]:
                i = position[key]
                bits[i >> 3] |= 1 << (i & 7)
            bitmap = self._bitmaps[token] = int.from_bytes(bits, "little")
        return bitmap

    def _bounded(self, query: str, candidates: list[K], threshold: float) -> list[tuple[float, int, K, "_Lazy"]]:
        """Candidates that pass msgmerge's cheap bounds, best upper bound (quick ratio) first."""
        query_counts = Counter(query)
        out = []
        for rank, key in enumerate(candidates):
            text = self._texts[key]
            if not _lengths_compatible(query, text, threshold):
                continue
            size = len(query) + len(text)
            if _ratio(min(len(query), len(text)), size) < threshold:
                continue
            bound = _ratio(sum((query_counts & Counter(text)).values()), size)
            if bound < threshold:
                continue
            out.append((bound, rank, key, _Lazy(query, text)))
        out.sort(key=lambda item: (-item[0], item[1]))
        return out


class _Lazy:
    """Build the SequenceMatcher (which indexes ``text``) only for candidates really scored."""

    __slots__ = ("query", "text")

    def __init__(self, query: str, text: str) -> None:
        self.query, self.text = query, text

    def __call__(self) -> SequenceMatcher[str]:
        return SequenceMatcher(None, self.query, self.text, autojunk=False)


class _BitCounter:
    """Per-position sums of small integers, as bit slices of Python ints (bit i = position i).

    Adding a bitmap with a weight costs a few big-int operations on ``size`` bits, whatever
    the number of positions set, which is what keeps common tokens cheap.
    """

    def __init__(self, size: int) -> None:
        self.everyone = (1 << size) - 1
        self.slices: list[int] = []

    def add(self, bitmap: int, weight: int) -> None:
        shift = 0
        while weight:
            if weight & 1:
                self._add_at(bitmap, shift)
            weight >>= 1
            shift += 1

    def _add_at(self, bitmap: int, shift: int) -> None:
        slices = self.slices
        while len(slices) < shift:
            slices.append(0)
        carry, i = bitmap, shift
        while carry:
            if i == len(slices):
                slices.append(carry)
                return
            bits = slices[i]
            slices[i] = bits ^ carry
            carry &= bits
            i += 1

    def at_least(self, need: int) -> int:
        """The bitmap of positions whose sum is ≥ ``need``."""
        slices = self.slices
        if need > (1 << len(slices)) - 1:
            return 0
        greater, equal = 0, self.everyone
        for i in range(len(slices) - 1, -1, -1):
            if need >> i & 1:
                equal &= slices[i]
            else:
                greater |= equal & slices[i]
                equal &= ~slices[i] & self.everyone
        return greater | equal

    def top_levels(self, count: int) -> int:
        """Positions with the highest sums: the highest level reached by at least ``count``."""
        low, high = 1, (1 << len(self.slices)) - 1
        best = self.at_least(1)
        while low <= high:
            middle = (low + high) // 2
            found = self.at_least(middle)
            if found and found.bit_count() >= count:
                best, low = found, middle + 1
            else:
                high = middle - 1
        return best


def _set_bits(bitmap: int) -> list[int]:
    """Positions of the set bits, lowest first."""
    digits = bin(bitmap)[:1:-1]
    out, i = [], digits.find("1")
    while i >= 0:
        out.append(i)
        i = digits.find("1", i + 1)
    return out


def _ratio(matches: int, length: int) -> float:
    """difflib's own formula, so bounds compare exactly with ``SequenceMatcher.ratio``."""
    return 2.0 * matches / length if length else 1.0


def _lengths_compatible(a: str, b: str, threshold: float) -> bool:
    """The ratio 2·M/(|a|+|b|) can reach ``threshold`` only if the lengths are close enough."""
    shorter, longer = sorted((len(a), len(b)))
    return 2 * shorter / (shorter + longer or 1) >= threshold
