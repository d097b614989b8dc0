"""A big update shares its fuzzy matching with a forked process; the result never changes."""

from __future__ import annotations

import os
import random

import pytest

from pipeline import catalogue, update
from pipeline.catalogue import render_po
from pipeline.model import Catalogue, Message
from pipeline.update import update_catalogue
from tests.conftest import force_fork

_LETTERS = random.Random(0)
#: Enough distinct words that most are rare, as in real text (a word on more than a quarter
#: of the texts does not vote).
WORDS = ["".join(_LETTERS.choices("abcdefghijklmnoprstuvz", k=_LETTERS.randint(3, 9))) for _ in range(3000)]


def catalogues(size: int, edited: int) -> tuple[Catalogue, Catalogue]:
    """An old catalogue of ``size`` translated entries and a template with ``edited`` of them
    changed by one word (and one plural entry, which never matches fuzzily)."""
    rng = random.Random(size)
    texts = list(dict.fromkeys(" ".join(rng.choices(WORDS, k=rng.randint(4, 25))) for _ in range(size)))
    old = Catalogue(messages=[Message(msgid=t, msgstr="T:" + t, msgctxt=None if i % 7 else "title")
                              for i, t in enumerate(texts)])
    new = []
    for i, text in enumerate(texts):
        words = text.split()
        if i < edited:
            words[rng.randrange(len(words))] = rng.choice(WORDS)
        new.append(Message(msgid=" ".join(words), msgctxt=None if i % 7 else "title"))
    new.append(Message(msgid="one bridge", msgid_plural="%d bridges"))
    return Catalogue(messages=new), old


def run(template: Catalogue, old: Catalogue) -> bytes:
    return render_po(update_catalogue(template, old, lang="ru", slug="a"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this OS")
def test_forked_matching_gives_the_serial_result(monkeypatch: pytest.MonkeyPatch) -> None:
    template, old = catalogues(1500, update._FORK_FROM + 100)
    forks = force_fork(monkeypatch, update, "_may_fork", "_in_fork")
    forked = run(template, old)
    assert forks == [1]
    monkeypatch.setattr(update, "_may_fork", lambda: False)
    assert run(template, old) == forked
    assert forked.count(b"#, fuzzy") > update._FORK_FROM // 2


def test_a_failed_fork_is_answered_here(monkeypatch: pytest.MonkeyPatch) -> None:
    template, old = catalogues(1200, update._FORK_FROM + 10)
    serial = run(template, old)
    monkeypatch.setattr(update, "_may_fork", lambda: True)
    monkeypatch.setattr(update, "_in_fork", lambda task: lambda: None)
    assert run(template, old) == serial


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this OS")
def test_a_crashing_copy_reports_no_result() -> None:
    def crash() -> list[int]:
        raise RuntimeError("boom")

    assert update._in_fork(crash)() is None
    assert update._in_fork(lambda: list(range(100_000)))() == list(range(100_000))


def test_small_updates_and_workers_do_not_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    template, old = catalogues(300, 20)
    monkeypatch.setattr(update, "_in_fork", lambda task: pytest.fail("forked"))
    run(template, old)
    monkeypatch.setattr(catalogue.threading, "active_count", lambda: 2)
    assert not update._may_fork()
