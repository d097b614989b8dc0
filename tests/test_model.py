"""The data model: how an entry's review status is derived from its flags and comments."""

from __future__ import annotations

from pipeline.model import EntryStatus, Message


def test_a_similar_texts_suggestion_that_lost_its_previous_msgid_is_no_machine_translation() -> None:
    """Regression: the memory's reviewed translation of a similar text (a renamed article's) is
    fuzzy with that text as its ``#|`` previous msgid. Plain ``msgmerge`` or ``pybabel update``
    drop the ``#|`` line, and the entry read as a machine translation of its own msgid, which
    ``allow_machine`` publishes: the translation of another text. It is fuzzy, for a person."""
    suggestion = Message(msgid="A ticket costs 130 manat.", msgstr="Билет стоит 120 манатов.", flags=["fuzzy"],
                         comments=["mt: translation memory, similar text (locale/ru/LC_MESSAGES/old.po)"])
    assert suggestion.status is EntryStatus.FUZZY
    suggestion.previous_msgid = "A ticket costs 120 manat."
    assert suggestion.status is EntryStatus.CHANGED
    exact = Message(msgid="A ticket costs 130 manat.", msgstr="Билет стоит 130 манатов.", flags=["fuzzy"],
                    comments=["mt: translation memory (locale/ru/LC_MESSAGES/b.po)"])
    assert exact.status is EntryStatus.MACHINE
