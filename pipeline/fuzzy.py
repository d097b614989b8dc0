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

The vote is the same sum whichever way it is counted. With numpy (and enough texts) it is
one ``bincount`` over the query's postings, a few microseconds per thousand postings. Without
it, two exact shortcuts keep a query's cost down: the rare tokens' postings are read text by
text and the common tokens are counted for all texts at once as bitmaps, then exact scores are
computed just for the texts whose upper bound can reach the k-th best. The expensive ratio is
computed for the best-voted candidate first and then closest length first, and candidates
whose upper bound cannot beat the best ratio found are never scored. Every route returns what
a full scan would (``tests/test_fuzzy.py`` checks it against one); ties are broken by
insertion order, so the result does not depend on string hashing.

A query of one word that shares no token with any text (a typo fixed in a one-word heading or
table cell: ``Acommodation``) gets every stored text of one word as candidates instead.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any, Generic, Hashable, TypeVar

FUZZY_THRESHOLD = 0.6
_WORD = re.compile(r"\w+")
#: Slack for comparing float sums added in different orders.
_EPSILON = 1e-9
#: Postings up to this long are read key by key; longer ones are counted as bitmaps.
_RARE = 64
#: Common tokens' weights are rounded up to 1/_STEPS of the heaviest one for the bound.
_STEPS = 16
#: From this many texts on, votes are counted with numpy (when installed), all texts at once.
DENSE_FROM = 2048
#: Up to this many postings to read, a query's vote is plainly counted text by text.
PLAIN_VOTE = 16384

K = TypeVar("K", bound=Hashable)


#: Above this many characters (both texts together) the ratio is taken over words: the
#: character-by-character one costs the product of the lengths (an edited paragraph of
#: 100 KB took minutes, of 10 KB two seconds), and texts that long are no sentence whose
#: letters matter.
LONG_TEXTS = 8_000
_WORD_PIECES = re.compile(r"\w+|\W+")


def text_ratio(a: str, b: str) -> float:
    """difflib's ratio of ``a`` and ``b``, by characters as msgmerge compares; over words,
    with difflib's heuristic for frequent elements, when they are longer than
    :data:`LONG_TEXTS` together (so never quadratic in a huge paragraph)."""
    if len(a) + len(b) <= LONG_TEXTS:
        return SequenceMatcher(None, a, b, autojunk=False).ratio()
    return SequenceMatcher(None, _WORD_PIECES.findall(a), _WORD_PIECES.findall(b)).ratio()


def _tokens(text: str) -> set[str]:
    """Lower-cased words, and the first four letters (with "…") of the longer ones."""
    words = set(_WORD.findall(text.lower()))
    return words.union([word[:4] + "…" for word in words if len(word) > 4])


class FuzzyIndex(Generic[K]):
    """Find the most similar stored text to a query, without scanning everything.

    Texts are numbered in the order they are added (their *position*); postings, votes and
    ties work on positions, and only the answer is turned back into a key.
    """

    def __init__(self, *, candidates_scored: int = 8, dense_from: int = DENSE_FROM,
                 plain_vote: int = PLAIN_VOTE) -> None:
        self._keys: list[K] = []
        self._seen: set[K] = set()
        self._texts: list[str] = []
        self._lengths: list[int] = []
        self._longest = 0
        self._postings: defaultdict[str, list[int]] = defaultdict(list)
        self._one_word: list[int] = []  # positions of the texts of at most one word
        self._scored = candidates_scored
        self._dense_from = dense_from
        self._plain_vote = plain_vote
        self._caches = _Caches()

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: K, text: str) -> None:
        self.add_many(((key, text),))

    def add_many(self, items: Iterable[tuple[K, str]]) -> None:
        """Add ``(key, text)`` pairs in order; a key already present is skipped.

        One loop with everything it touches bound once: building the index of a
        50,000-entry catalogue is mostly this loop.
        """
        seen, keys, texts, lengths, postings = self._seen, self._keys, self._texts, self._lengths, self._postings
        for key, text in items:
            if key in seen:
                continue
            seen.add(key)
            position = len(keys)
            keys.append(key)
            texts.append(text)
            lengths.append(len(text))
            tokens = _tokens(text)
            for token in tokens:
                postings[token].append(position)
            if len(tokens) <= 2 and _one_word(tokens):
                self._one_word.append(position)
        self._longest = max(lengths, default=0)
        if self._caches.used:
            self._caches = _Caches()

    def best(self, query: str, threshold: float = FUZZY_THRESHOLD) -> tuple[K, float] | None:
        """The stored key most similar to ``query`` with a ratio ≥ ``threshold``, or None.

        The answer is the candidate with the highest ratio (the lowest candidate rank on a
        tie), whatever order the candidates are tried in; building a :class:`SequenceMatcher`
        is what costs, so the best-voted candidate (usually the edited text's original) is
        tried first, then the others closest length first, each skipped as soon as an upper
        bound of its ratio (from the lengths, then from the characters in common) shows it
        cannot beat the best found.
        """
        if not self._keys:
            return None
        candidates = self._candidates(query, threshold) or self._one_word_candidates(query, threshold)
        texts = self._texts
        size = len(query)
        by_length = sorted(((_ratio(min(size, len(texts[p])), size + len(texts[p])), rank, p)
                            for rank, p in enumerate(candidates)), key=lambda item: (-item[0], item[1]))
        # The best-voted candidate first, then the rest in by_length order.
        order = sorted(by_length, key=lambda item: item[1] != 0)
        query_counts: Counter[str] | None = None
        best_ratio, best_rank, best_position = 0.0, -1, -1
        for length_bound, rank, position in order:
            if length_bound < threshold or _beaten(length_bound, rank, best_ratio, best_rank):
                break  # later candidates have a lower bound or a worse rank (never the first)
            text = texts[position]
            if query_counts is None:
                query_counts = Counter(query)
            bound = _ratio(sum((query_counts & Counter(text)).values()), size + len(text))
            if bound < threshold or _beaten(bound, rank, best_ratio, best_rank):
                continue
            ratio = text_ratio(query, text)
            if ratio >= threshold and not _beaten(ratio, rank, best_ratio, best_rank):
                best_ratio, best_rank, best_position = ratio, rank, position
        return (self._keys[best_position], best_ratio) if best_rank >= 0 else None

    def _candidates(self, query: str, threshold: float) -> list[int]:
        """The ``candidates_scored`` positions with the highest rarity-weighted token votes,
        among the texts whose length lets them reach ``threshold`` at all.

        Each shared token votes ``log(1 + total / postings)``; tokens on more than a quarter of
        the texts (and at least 64) do not vote. Scores are summed in one fixed token order and
        ties go to the text added first, so the choice never depends on hashing. The length
        test comes first because a vote only counts shared words: a long paragraph that
        contains every word of a short sentence ties with the sentence's true original, and
        such paragraphs (which can never match) used to fill all the places, so the original
        was not scored (see ``bench/merge.py``).

        Which way the votes are counted depends on the work: from ``dense_from`` texts on, for
        every text at once with numpy; otherwise (or without numpy) text by text when there
        are at most ``plain_vote`` postings to read (:func:`_full_vote`: the bitmaps' fixed
        cost is larger than that), else with :meth:`_sparse_candidates`. All three give the
        same list.
        """
        total = len(self._keys)
        limit = max(64, total // 4)
        terms: list[tuple[float, str, list[int]]] = []
        for token in _tokens(query):
            posting = self._postings.get(token)
            if posting and len(posting) <= limit:
                terms.append((math.log(1 + total / len(posting)), token, posting))
        terms.sort(key=lambda term: (-term[0], term[1]))
        window = _length_window(len(query), threshold, self._longest)
        numpy = _numpy() if total >= self._dense_from else None
        if numpy is not None:
            return self._dense_candidates(numpy, terms, window)
        if sum(len(posting) for _, _, posting in terms) <= self._plain_vote:
            low, high = window
            lengths = self._lengths
            return self._top({position: score for position, score in _full_vote(terms).items()
                              if low <= lengths[position] <= high})
        return self._sparse_candidates(terms, window)

    def _one_word_candidates(self, query: str, threshold: float) -> list[int]:
        """For a query of one (distinct) word that shares no token with any text: every text of
        one word whose length can reach ``threshold``, in insertion order.

        A typo fixed in a heading, table cell or alt text of one word (``Acommodation``) changes
        the word and its first letters, so no token is shared, yet the ratio is high and GNU
        msgmerge finds the old text. Texts of one word are few, and so are such queries.
        """
        if not _one_word(_tokens(query)):
            return []
        low, high = _length_window(len(query), threshold, self._longest)
        lengths = self._lengths
        return [position for position in self._one_word if low <= lengths[position] <= high]

    def _dense_candidates(self, np: Any, terms: list[tuple[float, str, list[int]]],
                          window: tuple[int, int]) -> list[int]:
        """Every text's vote as one float64 vector, the token weights added in term order.

        ``bincount`` adds the weights in the order of its input, which lists the terms' postings
        in term order: each text gets the same additions in the same order as in
        :func:`_full_vote`, so the sums are bit for bit the same floats. Every text scoring at
        least the ``4 × candidates_scored``-th best score is passed to :meth:`_top`, which
        therefore ranks exactly as it would over all the texts.
        """
        caches = self._caches
        caches.used = True
        arrays = []
        for _, token, posting in terms:
            array = caches.arrays.get(token)
            if array is None:
                array = caches.arrays[token] = np.array(posting, dtype=np.intp)
            arrays.append(array)
        if not arrays:
            return []
        weights = np.repeat([term[0] for term in terms], [len(posting) for _, _, posting in terms])
        votes = np.bincount(np.concatenate(arrays), weights=weights, minlength=len(self._keys))
        if caches.lengths is None:
            caches.lengths = np.array(self._lengths, dtype=np.intp)
        low, high = window
        found = np.flatnonzero((votes > 0) & (caches.lengths >= low) & (caches.lengths <= high))
        spare = len(found) - 4 * self._scored
        if spare > 0:
            scores = votes[found]
            found = found[scores >= np.partition(scores, spare)[spare]]
        return self._top(dict(zip(found.tolist(), votes[found].tolist())))

    def _sparse_candidates(self, terms: list[tuple[float, str, list[int]]],
                           window: tuple[int, int]) -> list[int]:
        """:meth:`_candidates` without reading the common tokens' postings text by text.

        Reading every posting of a common token is what makes a naive vote quadratic, so only
        the rare tokens' postings are read position by position. The common ones are counted
        for all texts at once, as bitmaps in a bit-sliced counter; a text that has ``c`` of
        them can gain at most ``c`` times the heaviest of their weights. Exact scores are then
        computed only for the texts whose upper bound reaches a proven lower bound of the k-th
        best score.
        """
        low, high = window
        lengths = self._lengths

        def fits(position: int) -> bool:
            return low <= lengths[position] <= high

        rare = [term for term in terms if len(term[2]) <= _RARE]
        common = terms[len(rare):]
        votes: dict[int, float] = {}
        for weight, _, posting in rare:
            for position in posting:
                votes[position] = votes.get(position, 0.0) + weight
        if not common:
            return self._top({position: score for position, score in votes.items() if fits(position)})
        # Common tokens: weights rounded up to multiples of ``unit``, summed as bitmaps.
        unit = common[0][0] / _STEPS
        counter = _BitCounter(len(self._keys))
        for weight, token, posting in common:
            counter.add(self._bitmap(token, posting), math.ceil(weight / unit))
        want = self._scored
        seeds = heapq.nlargest(2 * want, filter(fits, votes), key=votes.__getitem__)
        seeds += [p for p in _set_bits(counter.top_levels(4 * want)) if fits(p)][:4 * want]
        token_sets = self._token_sets()
        exact = {position: _score(token_sets[position], terms) for position in seeds}
        if len(exact) < want:
            return self._top({p: score for p, score in _full_vote(terms).items() if fits(p)})
        theta = heapq.nlargest(want, exact.values())[-1] - _EPSILON
        heaviest = common[0][0]
        common_tokens = frozenset(token for _, token, _ in common)
        for position, partial in votes.items():
            if position not in exact and fits(position) \
                    and partial + heaviest * len(token_sets[position] & common_tokens) >= theta:
                exact[position] = _score(token_sets[position], terms)
        # A text without rare tokens scores at most unit × its rounded-up common sum.
        for position in _set_bits(counter.at_least(max(1, math.ceil(theta / unit - _EPSILON)))):
            if position not in exact and fits(position):
                exact[position] = _score(token_sets[position], terms)
        return self._top(exact)

    def _top(self, scores: dict[int, float]) -> list[int]:
        """The best ``candidates_scored`` positions, plus those tied with the last (up to 4
        times as many).

        Texts made from one template (the same words, emphasis on another one) tie on votes;
        cutting them by insertion order alone dropped the edited text's original for a sibling.
        """
        want = self._scored
        ranked = heapq.nsmallest(4 * want, scores, key=lambda position: (-scores[position], position))
        if len(ranked) <= want:
            return ranked
        last = scores[ranked[want - 1]]
        return ranked[:want] + [position for position in ranked[want:] if scores[position] >= last - _EPSILON]

    def _token_sets(self) -> list[frozenset[str]]:
        """Each text's tokens (only the pure-Python vote needs them; built once)."""
        caches = self._caches
        caches.used = True
        if caches.token_sets is None:
            caches.token_sets = [frozenset(_tokens(text)) for text in self._texts]
        return caches.token_sets

    def _bitmap(self, token: str, posting: list[int]) -> int:
        """Bit ``i`` set when the ``i``-th text added has ``token`` (cached until the next add)."""
        caches = self._caches
        caches.used = True
        bitmap = caches.bitmaps.get(token)
        if bitmap is None:
            bits = bytearray((len(self._keys) + 8) // 8)
            for i in posting:
                bits[i >> 3] |= 1 << (i & 7)
            bitmap = caches.bitmaps[token] = int.from_bytes(bits, "little")
        return bitmap


class _Caches:
    """What queries derive from the texts; replaced as a whole when a text is added."""

    __slots__ = ("used", "bitmaps", "arrays", "lengths", "token_sets")

    def __init__(self) -> None:
        self.used = False
        self.bitmaps: dict[str, int] = {}
        self.arrays: dict[str, Any] = {}
        self.lengths: Any = None
        self.token_sets: list[frozenset[str]] | None = None


def _one_word(tokens: set[str]) -> bool:
    """Whether :func:`_tokens` found at most one distinct word (the other tokens are prefixes)."""
    return sum(1 for token in tokens if not token.endswith("…")) <= 1


def _score(tokens: frozenset[str], terms: list[tuple[float, str, list[int]]]) -> float:
    """A text's vote, summed in the same order as :func:`_full_vote` sums it."""
    score = 0.0
    for weight, token, _ in terms:
        if token in tokens:
            score += weight
    return score


def _full_vote(terms: list[tuple[float, str, list[int]]]) -> dict[int, float]:
    votes: dict[int, float] = {}
    for weight, _, posting in terms:
        for position in posting:
            votes[position] = votes.get(position, 0.0) + weight
    return votes


def _beaten(ratio: float, rank: int, best_ratio: float, best_rank: int) -> bool:
    """Whether a candidate with (at most) ``ratio`` and ``rank`` loses to the best so far:
    a lower ratio loses, and an equal one with a worse (higher) rank."""
    return best_rank >= 0 and (ratio < best_ratio or (ratio == best_ratio and rank > best_rank))


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


def _sizes_compatible(size: int, other: int, threshold: float) -> bool:
    """The ratio 2·M/(|a|+|b|) can reach ``threshold`` only if the lengths are close enough."""
    shorter, longer = (size, other) if size <= other else (other, size)
    return 2 * shorter / (shorter + longer or 1) >= threshold


def _length_window(size: int, threshold: float, longest: int) -> tuple[int, int]:
    """The lengths (up to ``longest``) compatible with ``size``, as an inclusive range.

    They form one range around ``size``: below it the bound 2·n/(n+size) grows with n, above
    it 2·size/(size+n) shrinks, and a correctly rounded division keeps that order. So two
    binary searches with :func:`_sizes_compatible` itself find exactly the lengths it accepts.
    """
    if not _sizes_compatible(size, size, threshold):
        return 1, 0
    low = bisect.bisect_left(range(size + 1), True, key=lambda n: _sizes_compatible(size, n, threshold))
    above = range(size, max(size, longest) + 1)
    high = size - 1 + bisect.bisect_left(above, True, key=lambda n: not _sizes_compatible(size, n, threshold))
    return low, high


def _numpy() -> Any:
    """numpy, imported on first need (it costs a tenth of a second), or None without it."""
    global _NUMPY
    if _NUMPY is False:
        try:
            import numpy
        except ImportError:
            numpy = None
        _NUMPY = numpy
    return _NUMPY


_NUMPY: Any = False
