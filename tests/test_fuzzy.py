"""FuzzyIndex finds exactly what a brute-force scan with the same rules finds.

The rules (pipeline/fuzzy.py): every stored text whose length can reach the threshold gets a
vote, the sum (in term order) of ``log(1 + total / postings)`` over the query's tokens it
shares, tokens on more than a quarter of the texts (and 64) not voting; the 8 best votes are
candidates (ties by insertion order), with the texts tied with the 8th among the next 24;
the answer is the candidate with the best difflib ratio ≥ the threshold, the better-voted on a
tie. A query of one distinct word that gets no candidate has every text of one word instead. The index reaches that answer by several routes (a plain vote, numpy over all texts, bitmaps and
bounds in pure Python; pruned ratio computations); each must equal the brute force.
"""

from __future__ import annotations

import heapq
import math
import random
from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import fuzzy
from pipeline.fuzzy import FUZZY_THRESHOLD, FuzzyIndex

_VOCABULARY = ("the port will double its grain capacity by next year said minister of transport "
               "Baku Sumqayıt мост закрыт в понедельник bridge closes on Monday new local official "
               "annual entire nearby public early final state-of-the-art 2024 50% "
               "the the of of and and a a").split()


def brute_candidates(texts: list[str], query: str, threshold: float, want: int = 8) -> list[int]:
    """The candidate rule written out plainly: a full vote over every text."""
    total = len(texts)
    postings: dict[str, list[int]] = {}
    for position, text in enumerate(texts):
        for token in fuzzy._tokens(text):
            postings.setdefault(token, []).append(position)
    limit = max(64, total // 4)
    terms = sorted(((math.log(1 + total / len(postings[t])), t) for t in fuzzy._tokens(query)
                    if t in postings and len(postings[t]) <= limit), key=lambda term: (-term[0], term[1]))
    scores: dict[int, float] = {}
    for weight, token in terms:
        for position in postings[token]:
            scores[position] = scores.get(position, 0.0) + weight
    scores = {p: s for p, s in scores.items() if fuzzy._sizes_compatible(len(query), len(texts[p]), threshold)}
    ranked = heapq.nsmallest(4 * want, scores, key=lambda p: (-scores[p], p))
    if len(ranked) <= want:
        return ranked
    last = scores[ranked[want - 1]]
    return ranked[:want] + [p for p in ranked[want:] if scores[p] >= last - 1e-9]


def brute_one_word(texts: list[str], query: str, threshold: float) -> list[int]:
    """The rule for a query of one (distinct) word that shares no token with any text: every
    text of one word."""
    def one_word(text: str) -> bool:
        return len(set(fuzzy._WORD.findall(text.lower()))) <= 1

    if not one_word(query):
        return []
    return [p for p, text in enumerate(texts)
            if one_word(text) and fuzzy._sizes_compatible(len(query), len(text), threshold)]


def brute_best(texts: list[str], query: str, threshold: float) -> tuple[int, float] | None:
    best: tuple[int, float] | None = None
    for position in brute_candidates(texts, query, threshold) or brute_one_word(texts, query, threshold):
        ratio = SequenceMatcher(None, query, texts[position], autojunk=False).ratio()
        if ratio >= threshold and (best is None or ratio > best[1]):
            best = (position, ratio)
    return best


def corpus(seed: int, size: int) -> tuple[list[str], list[str]]:
    """Texts made from a small vocabulary (so most tokens are common and votes tie), and
    queries: edited copies of some texts, and fresh texts."""
    rng = random.Random(seed)
    texts = list(dict.fromkeys(" ".join(rng.choices(_VOCABULARY, k=rng.randint(1, 30)))
                               for _ in range(size)))
    queries = []
    for _ in range(12):
        words = rng.choice(texts).split()
        if rng.random() < 0.8 and len(words) > 1:
            words[rng.randrange(len(words))] = rng.choice(_VOCABULARY)
        else:
            words = rng.choices(_VOCABULARY, k=rng.randint(1, 30))
        queries.append(" ".join(words))
    return texts, queries


def index(texts: list[str], dense_from: int, plain_vote: int = 0) -> FuzzyIndex[str]:
    built: FuzzyIndex[str] = FuzzyIndex(dense_from=dense_from, plain_vote=plain_vote)
    for position, text in enumerate(texts):
        built.add(f"key{position}", text)
    return built


needs_numpy = pytest.mark.skipif(fuzzy._numpy() is None, reason="numpy is not installed")


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**9), st.sampled_from([40, 300, 700]), st.sampled_from([FUZZY_THRESHOLD, 0.3, 0.9]))
def test_every_route_finds_what_the_brute_force_finds(seed: int, size: int, threshold: float) -> None:
    texts, queries = corpus(seed, size)
    routes = [index(texts, dense_from=10**9), index(texts, dense_from=10**9, plain_vote=10**9)]
    if fuzzy._numpy() is not None:
        routes.append(index(texts, dense_from=0))
    for query in queries:
        expected = brute_candidates(texts, query, threshold)
        best = brute_best(texts, query, threshold)
        for route in routes:
            assert route._candidates(query, threshold) == expected
            found = route.best(query, threshold)
            assert found == (None if best is None else (f"key{best[0]}", best[1]))


@needs_numpy
def test_dense_and_sparse_votes_agree_on_a_large_catalogue() -> None:
    texts, queries = corpus(7, 6000)
    dense, sparse = index(texts, dense_from=0), index(texts, dense_from=10**9)
    for query in queries:
        assert dense._candidates(query, FUZZY_THRESHOLD) == sparse._candidates(query, FUZZY_THRESHOLD)
        assert dense.best(query) == sparse.best(query)


@pytest.mark.parametrize(("old", "new"), [("Recieve", "Receive"), ("Acommodation", "Accommodation"),
                                          ("Goverment", "Government"), ("2,500", "2 500")])
def test_a_typo_fixed_in_a_one_word_text_is_found(old: str, new: str) -> None:
    """A heading, table cell or alt text of one word whose typo is fixed shares no token with
    its old text (the word and its first four letters both differ), yet GNU msgmerge finds it:
    the reviewed translation must come back fuzzy, not be left in an obsolete entry."""
    for dense_from in (0, 10**9):
        built = index(["The port will double its capacity", old, "Outlook", "Baku"], dense_from)
        found = built.best(new)
        assert found is not None and found[0] == "key1", (old, new, found)


def test_a_one_word_text_without_a_similar_one_finds_nothing() -> None:
    assert index(["The port will double its capacity", "Outlook"], 10**9).best("Baku") is None


def test_adding_after_a_query_refreshes_what_the_query_cached() -> None:
    for dense_from in (0, 10**9):
        built = index(["the bridge closes on Monday", "the port will double"], dense_from)
        assert built.best("the port will triple") == ("key1", built.best("the port will triple")[1])
        built.add("late", "the port will triple")
        assert built.best("the port will triple") == ("late", 1.0)
        assert len(built) == 3


def test_duplicate_keys_are_ignored_and_empty_index_finds_nothing() -> None:
    built: FuzzyIndex[int] = FuzzyIndex()
    assert built.best("anything") is None
    built.add(1, "the bridge closes on Monday")
    built.add(1, "something else entirely")
    assert len(built) == 1 and built.best("the bridge closes on Monday") == (1, 1.0)


@pytest.mark.parametrize("threshold", [0.0, 0.25, 1 / 3, FUZZY_THRESHOLD, 0.61, 0.999, 1.0])
def test_length_window_holds_exactly_the_compatible_lengths(threshold: float) -> None:
    for size in range(0, 260):
        low, high = fuzzy._length_window(size, threshold, 900)
        inside = [n for n in range(901) if low <= n <= high]
        assert inside == [n for n in range(901) if fuzzy._sizes_compatible(size, n, threshold)], size


def test_an_edited_huge_paragraph_is_compared_by_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: a 100 KB paragraph with a line appended was compared with its old text
    character by character (difflib without its junk heuristic: cost the product of the
    lengths), and sync ran for minutes; texts that long are now compared by words."""
    words = "the port grew by percent ships cargo said minister new year oil gas trade".split()
    rng = random.Random(1)
    old = " ".join(rng.choice(words) for _ in range(20_000))
    new = old + " One more line was added."
    compared: list[int] = []

    class Recording(SequenceMatcher):
        def __init__(self, isjunk: object, a: object, b: object, autojunk: bool = True) -> None:
            compared.append(len(a))  # type: ignore[arg-type]
            super().__init__(isjunk, a, b, autojunk)  # type: ignore[arg-type]

    monkeypatch.setattr(fuzzy, "SequenceMatcher", Recording)
    index: FuzzyIndex[str] = FuzzyIndex()
    index.add("old", old)
    found = index.best(new)
    assert found is not None and found[0] == "old" and found[1] > 0.99
    assert compared and all(size < len(new) // 2 for size in compared)  # words, not characters
    short = "The port grew by five percent this year."
    assert fuzzy.text_ratio(short, short + "!") == SequenceMatcher(None, short, short + "!", autojunk=False).ratio()
