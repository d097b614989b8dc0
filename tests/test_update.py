"""msgmerge semantics: nothing a translator wrote is lost by any source edit."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import TranslationLossError
from pipeline.model import Catalogue, EntryStatus, Message, mt_comment
from pipeline.update import check_no_loss, update_catalogue


def template(*msgids: str, ctx: str | None = None) -> Catalogue:
    return Catalogue(messages=[Message(msgid=m, msgctxt=ctx, references=[f"source/a.md:{i}"],
                                       auto_comments=["paragraph"]) for i, m in enumerate(msgids, 1)])


def translated(catalogue: Catalogue, **kwargs: str) -> Catalogue:
    for message in catalogue.messages:
        message.msgstr = kwargs.get(message.msgid, "T:" + message.msgid)
    return catalogue


def test_new_entries_added_and_header_set() -> None:
    result = update_catalogue(template("One.", "Two."), None, lang="ru", slug="a")
    assert [m.msgid for m in result.messages] == ["One.", "Two."]
    assert result.header_value("Language") == "ru"
    assert result.header_value("Plural-Forms").startswith("nplurals=3;")


def test_translations_comments_and_flags_kept() -> None:
    old = update_catalogue(template("One."), None, lang="ru", slug="a")
    old.messages[0].msgstr = "Один."
    old.messages[0].comments = ["checked with the author"]
    old.messages[0].flags = ["no-wrap"]
    old.set_header("Last-Translator", "Ann <ann@example.org>")
    result = update_catalogue(template("One."), old, lang="ru", slug="a")
    message = result.messages[0]
    assert (message.msgstr, message.comments, message.flags) == ("Один.", ["checked with the author"], ["no-wrap"])
    assert result.header_value("Last-Translator") == "Ann <ann@example.org>"


def test_changed_source_keeps_old_translation_as_fuzzy_with_previous_msgid() -> None:
    old = translated(update_catalogue(template("The port will double its capacity."), None, lang="ru", slug="a"))
    result = update_catalogue(template("The port will double its grain capacity."), old, lang="ru", slug="a")
    changed = result.active[0]
    assert changed.fuzzy and changed.previous_msgid == "The port will double its capacity."
    assert changed.msgstr == "T:The port will double its capacity."
    assert changed.status == EntryStatus.CHANGED
    assert [m.msgid for m in result.obsolete] == ["The port will double its capacity."]


def test_changed_source_of_an_unreviewed_machine_translation_is_translated_again() -> None:
    """Only a machine made the old translation and nobody reviewed it: the new text goes to
    machine translation like a new segment; the old output stays as a comment. Reviewed
    (fuzzy cleared, even with its mt: comment) it is a human's: kept as fuzzy, as above."""
    old = translated(update_catalogue(template("The port will double its capacity.", "It opens in May."),
                                      None, lang="ru", slug="a"))
    for message in old.messages:
        message.comments = ["mt: argos en_ru 1.9", "ask the desk about the figure"]
    old.messages[0].fuzzy = True  # unreviewed; the second one was reviewed in Poedit
    result = update_catalogue(template("The port will double its grain capacity.", "It opens in June."),
                              old, lang="ru", slug="a")
    redo, reviewed = result.active
    assert redo.status is EntryStatus.UNTRANSLATED and redo.msgstr == "" and redo.previous_msgid is None
    assert redo.comments == ["ask the desk about the figure",
                             "previous translation: T:The port will double its capacity."]
    assert reviewed.status is EntryStatus.CHANGED and reviewed.msgstr == "T:It opens in May."
    check_no_loss(old, result, "a.po")
    # Edited again after a new machine translation: one previous translation, the latest.
    redo.msgstr, redo.fuzzy, redo.comments = "MT2", True, redo.comments + ["mt: argos en_ru 1.9"]
    again = update_catalogue(template("The port will triple its grain capacity.", "It opens in June."),
                             result, lang="ru", slug="a")
    assert again.active[0].comments == ["ask the desk about the figure", "previous translation: MT2"]
    check_no_loss(result, again, "a.po")


def test_a_typo_fixed_in_a_one_word_heading_keeps_its_translation_as_fuzzy() -> None:
    old = translated(update_catalogue(template("Acommodation", "The port will double."), None, lang="ru", slug="a"))
    result = update_catalogue(template("Accommodation", "The port will double."), old, lang="ru", slug="a")
    fixed = result.active[0]
    assert (fixed.msgstr, fixed.fuzzy, fixed.previous_msgid) == ("T:Acommodation", True, "Acommodation")


def test_removed_paragraph_becomes_obsolete_and_comes_back_reviewed() -> None:
    old = translated(update_catalogue(template("Keep.", "Drop me."), None, lang="ru", slug="a"))
    removed = update_catalogue(template("Keep."), old, lang="ru", slug="a")
    assert [(m.msgid, m.obsolete) for m in removed.messages] == [("Keep.", False), ("Drop me.", True)]
    back = update_catalogue(template("Keep.", "Drop me."), removed, lang="ru", slug="a")
    assert [(m.msgid, m.obsolete, m.msgstr, m.fuzzy) for m in back.messages] == [
        ("Keep.", False, "T:Keep.", False), ("Drop me.", False, "T:Drop me.", False)]


def test_reverting_an_edit_restores_the_reviewed_translation() -> None:
    old = translated(update_catalogue(template("Original sentence about the port."), None, lang="ru", slug="a"))
    edited = update_catalogue(template("Original sentence about the new port."), old, lang="ru", slug="a")
    reverted = update_catalogue(template("Original sentence about the port."), edited, lang="ru", slug="a")
    entry = reverted.active[0]
    assert entry.msgstr == "T:Original sentence about the port." and not entry.fuzzy


def test_untranslated_removed_entries_are_dropped_but_translator_comments_are_kept() -> None:
    old = update_catalogue(template("Empty.", "Noted."), None, lang="ru", slug="a")
    old.messages[1].comments = ["ask the desk about this name"]
    result = update_catalogue(template("New."), old, lang="ru", slug="a")
    assert [(m.msgid, m.obsolete) for m in result.messages] == [("New.", False), ("Noted.", True)]


def test_context_limits_fuzzy_matching() -> None:
    old = translated(update_catalogue(template("Alat port grows", ctx="title"), None, lang="ru", slug="a"))
    result = update_catalogue(template("Alat port grows fast"), old, lang="ru", slug="a")
    assert result.active[0].msgstr == ""


def test_loss_check_refuses_a_dropped_translation() -> None:
    before = translated(template("One."))
    with pytest.raises(TranslationLossError):
        check_no_loss(before, template("One."), "locale/ru/LC_MESSAGES/a.po")


SENTENCES = [f"Sentence number {i} tells about the {w} of Baku." for i, w in
             enumerate(["port", "grain", "rail", "silos", "ships", "trade", "wheat", "berth"])]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SENTENCES + [s.replace("Baku", "Alat") for s in SENTENCES]),
                         max_size=6, unique=True), min_size=1, max_size=6))
def test_no_translation_is_ever_lost_across_edit_sequences(versions: list[list[str]]) -> None:
    """Random sequences of edits, deletions, reorders and restorations: every translation
    ever made is still in the catalogue, and a restored paragraph gets it back exactly."""
    catalogue = None
    made: dict[str, str] = {}
    for version in versions:
        catalogue = update_catalogue(template(*version), catalogue, lang="ru", slug="a")
        for message in catalogue.active:
            if not message.msgstr:
                message.msgstr = made.setdefault(message.msgid, "T:" + message.msgid)
            elif message.msgid in made and message.fuzzy:
                pass
        present = {t for m in catalogue.messages for t in m.translations}
        assert set(made.values()) <= present
    assert catalogue is not None
    for message in catalogue.active:
        if not message.fuzzy and message.msgid in made:
            assert message.msgstr == made[message.msgid]


def test_an_untranslated_entry_whose_mt_was_rejected_leaves_no_obsolete_entry() -> None:
    """Regression: the rejection reason is the pipeline's own comment, not human work; an
    edited paragraph whose machine translation was rejected left an empty obsolete entry
    behind, raising the obsolete count in ``status`` for nothing. A translator's comment
    still keeps an untranslated entry."""
    from pipeline.model import MT_REJECTED_PREFIX

    old = update_catalogue(template("Rejected once.", "Annotated."), None, lang="ru", slug="a")
    old.active[0].comments.append(MT_REJECTED_PREFIX + "output repeats itself (argos translate-en_ru 1.0)")
    old.active[1].comments.append("ask the desk about this term")
    result = update_catalogue(template("Rejected once, edited.", "Annotated, edited."), old, lang="ru", slug="a")
    assert [m.msgid for m in result.messages if m.obsolete] == ["Annotated."]


def test_active_and_obsolete_with_one_key_become_one_entry_keeping_both_texts() -> None:
    """GNU tools refuse a catalogue where an active and an obsolete entry share a key."""
    old = Catalogue(messages=[
        Message(msgid="Gone.", msgstr="Новый перевод"),
        Message(msgid="Gone.", msgstr="Старый перевод", obsolete=True),
        Message(msgid="Kept.", msgstr="Оставлено"),
        Message(msgid="Kept.", msgstr="Оставлено раньше", obsolete=True),
    ])
    result = update_catalogue(template("Kept."), old, lang="ru", slug="a")
    keys = [(m.key, m.obsolete) for m in result.messages]
    assert len(keys) == len(set(k for k, _ in keys)) == 2
    gone = next(m for m in result.messages if m.msgid == "Gone.")
    assert gone.obsolete and gone.msgstr == "Новый перевод"
    assert "previous translation: Старый перевод" in gone.comments
    kept = result.active[0]
    assert kept.msgstr == "Оставлено" and "previous translation: Оставлено раньше" in kept.comments
    check_no_loss(old, result, "locale/ru/LC_MESSAGES/a.po")


@pytest.mark.parametrize("value, kept", [
    ("nplurals=2; plural=(n != 1);", True),  # a translator's own rule, not CLDR's
    ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", True),
    ("nplurals=INTEGER; plural=EXPRESSION;", False),  # xgettext's placeholder: no rule yet
])
def test_a_translators_valid_plural_forms_is_kept_as_msgmerge_keeps_it(value: str, kept: bool) -> None:
    """Regression: every update replaced Plural-Forms with CLDR's rule, so a rule the
    translator chose (or Poedit's notation of the same rule) was overwritten, and plural
    entries written for it no longer matched nplurals. CLDR's rule is only the default."""
    old = update_catalogue(template("One."), None, lang="ru", slug="a")
    old.set_header("Plural-Forms", value)
    result = update_catalogue(template("One."), old, lang="ru", slug="a")
    fresh = update_catalogue(template("One."), None, lang="ru", slug="a").header_value("Plural-Forms")
    assert result.header_value("Plural-Forms") == (value if kept else fresh)


def test_header_fields_a_translator_wrote_are_all_kept_and_owned_fields_not_doubled() -> None:
    """A header may repeat a field (GNU tools keep every line), and field names are
    case-insensitive: the merge neither drops a repeated field nor adds a second Language."""
    old = update_catalogue(template("One."), None, lang="ru", slug="a")
    old.header = [("Project-Id-Version", "a"), ("language", "ru"), ("X-Note", "first"),
                  ("X-Note", "second"), ("Last-Translator", "Ann <ann@example.org>"),
                  ("plural-forms", "nplurals=3; plural=0;"), ("Plural-Forms", "nplurals=3; plural=0;")]
    result = update_catalogue(template("One."), old, lang="ru", slug="a")
    names = [key.lower() for key, _ in result.header]
    assert names.count("language") == 1 and names.count("plural-forms") == 1
    assert result.header_value("Language") == "ru"
    assert result.header_value("Plural-Forms").startswith("nplurals=3;")
    assert [value for key, value in result.header if key == "X-Note"] == ["first", "second"]
    assert result.header_value("Last-Translator") == "Ann <ann@example.org>"
    again = update_catalogue(template("One."), result, lang="ru", slug="a")
    assert again.header == result.header


def test_a_rejection_note_goes_once_a_translator_fills_the_entry() -> None:
    """Regression: '# mt rejected: …' stayed on an entry a translator had filled in Poedit
    (only the terminal review removed it), telling the next reader a wrong story. Kept while
    the entry holds no translation, or an unreviewed machine one a refresh failed to replace."""
    rejected = "mt rejected: placeholders: ⟦1⟧ lost (fake 1 en→ru)"
    old = update_catalogue(template("One.", "Two.", "Three.", "Four."), None, lang="ru", slug="a")
    one, two, three, four = old.messages
    one.msgstr, one.comments = "Один.", ["checked with the author", rejected]
    two.comments = [rejected]
    three.msgstr, three.flags, three.comments = "ТРИ", ["fuzzy"], ["mt: fake 0 en→ru", rejected]
    four.msgstr, four.flags, four.comments = "Четыре.", ["fuzzy"], [rejected]  # "needs work" left on
    result = update_catalogue(template("One.", "Two.", "Three.", "Four"), old, lang="ru", slug="a")
    assert [m.comments for m in result.active] == [
        ["checked with the author"], [rejected], ["mt: fake 0 en→ru", rejected], []]
    assert result.active[3].previous_msgid == "Four."


def test_a_reviewed_machine_translation_kept_for_a_changed_source_is_not_taken_for_machine_output() -> None:
    """Regression: a machine translation reviewed in Poedit (fuzzy cleared, its ``mt:`` comment
    left) became fuzzy when its source changed, still saying ``mt: …``; once a tool dropped
    the ``#|`` line (plain ``msgmerge``, ``pybabel update``), the entry read as unreviewed
    machine output: publishable with ``allow_machine``, re-translated on the next edit. Its
    provenance now says it was reviewed, as the terminal review's accept writes it."""
    old = translated(update_catalogue(template("A ticket costs 120 manat."), None, lang="ru", slug="a"))
    old.messages[0].comments = ["mt: argos en_ru 1.9", "checked"]
    result = update_catalogue(template("A ticket costs 130 manat."), old, lang="ru", slug="a")
    changed = result.active[0]
    assert changed.status is EntryStatus.CHANGED
    assert changed.comments == ["reviewed mt: argos en_ru 1.9", "checked"]
    changed.previous_msgid = None  # what msgmerge without --previous or pybabel update leave
    assert changed.status is EntryStatus.FUZZY
    assert result.obsolete[0].comments == ["mt: argos en_ru 1.9", "checked"]
    check_no_loss(old, result, "a.po")


def test_a_previous_msgid_plain_msgmerge_dropped_comes_back_from_the_obsolete_entry() -> None:
    """Regression: plain ``msgmerge`` (no ``--previous``) drops the ``#|`` lines of a changed
    entry; the next update left it without them, so the translator saw no diff and the queue
    said "marked fuzzy" for a changed source. The obsolete entry the pipeline kept of the old
    text holds the same translation: its msgid is the previous one again. A translation that
    only happens to match an unrelated obsolete entry gets none."""
    old = translated(update_catalogue(template("Bu il liman 1,2 milyon ton yük qəbul edib.", "Liman"),
                                      None, lang="ru", slug="a"))
    old.messages[1].msgstr = "Порт"
    edited = template("Bu il liman 1,5 milyon ton yük qəbul edib.", "Limanın tarixi")
    merged = update_catalogue(edited, old, lang="ru", slug="a")
    assert merged.active[0].status is EntryStatus.CHANGED
    for message in merged.active:
        message.previous_msgid = None  # what msgmerge without --previous leaves
    merged.active[1].msgstr, merged.active[1].flags = "Порт", ["fuzzy"]  # marked fuzzy by hand
    result = update_catalogue(edited, merged, lang="ru", slug="a")
    assert result.active[0].previous_msgid == "Bu il liman 1,2 milyon ton yük qəbul edib."
    assert result.active[0].status is EntryStatus.CHANGED
    assert result.active[1].previous_msgid is None and result.active[1].status is EntryStatus.FUZZY
    again = update_catalogue(edited, result, lang="ru", slug="a")
    assert [m.previous_msgid for m in again.messages] == [m.previous_msgid for m in result.messages]
    check_no_loss(merged, result, "a.po")


def test_plural_forms_a_translator_added_to_a_paragraph_s_entry_become_its_fuzzy_translation() -> None:
    """Regression: plural forms a translator gave a paragraph's entry (msgid_plural, msgstr[n])
    were carried over as they were: counted as reviewed, published as an empty paragraph. As
    msgmerge does, the template's shape wins, the first form is the translation, fuzzy; the
    other forms stay as comments (msgmerge drops them)."""
    old = update_catalogue(template("Three cranes arrived."), None, lang="ru", slug="a")
    old.messages[0].msgid_plural = "Cranes arrived."
    old.messages[0].msgstr_plural = {0: "Прибыл кран.", 1: "Прибыли краны.", 2: "Прибыло кранов."}
    old.messages[0].comments = ["mt: argos en_ru 1.9", "asked the desk"]
    result = update_catalogue(template("Three cranes arrived."), old, lang="ru", slug="a")
    message = result.active[0]
    assert message.msgid_plural is None and message.msgstr_plural == {}
    assert message.msgstr == "Прибыл кран." and message.fuzzy
    assert message.comments == ["reviewed mt: argos en_ru 1.9", "asked the desk",
                                "previous translation: Прибыли краны.",
                                "previous translation: Прибыло кранов."]
    check_no_loss(old, result, "a.po")
    again = update_catalogue(template("Three cranes arrived."), result, lang="ru", slug="a")
    assert again.messages == result.messages


def test_machine_output_reviewed_before_msgmerge_previous_marked_it_changed_is_recorded_as_reviewed() -> None:
    """Regression: a machine translation reviewed in Poedit, then given the edited text by
    ``msgmerge --previous`` after ``pipeline extract`` (fuzzy, ``#|`` the old text, its
    ``mt: … source#<old text>`` left), kept saying ``mt:``; once plain msgmerge dropped the
    ``#|`` line, it read as machine output of another text and was translated again, the
    translator's text kept only in a comment. ``msgmerge --previous`` gives ``#|`` to
    reviewed entries only, so an ``mt:`` comment recording the ``#|`` text is a reviewed one."""
    edited = template("A ticket costs 130 manat.")
    after_msgmerge = update_catalogue(edited, None, lang="ru", slug="a")
    message = after_msgmerge.messages[0]
    message.msgstr, message.flags = "Билет стоит 120 манатов.", ["fuzzy"]
    message.previous_msgid = "A ticket costs 120 manat."
    message.comments = [mt_comment("argos en_ru 1.9", None, "A ticket costs 120 manat."), "checked"]
    result = update_catalogue(edited, after_msgmerge, lang="ru", slug="a")
    assert result.active[0].comments == ["reviewed mt: argos en_ru 1.9", "checked"]
    result.active[0].previous_msgid = None  # plain msgmerge later
    again = update_catalogue(edited, result, lang="ru", slug="a")
    assert again.active[0].msgstr == "Билет стоит 120 манатов." and again.active[0].status is EntryStatus.FUZZY
    unreviewed = update_catalogue(edited, None, lang="ru", slug="a")
    unreviewed.messages[0].msgstr, unreviewed.messages[0].flags = "Билет стоит 130 манатов.", ["fuzzy"]
    unreviewed.messages[0].previous_msgid = "A ticket costs 120 manat."
    unreviewed.messages[0].comments = [mt_comment("translation memory, similar text (b.po)", None,
                                                  "A ticket costs 130 manat.")]
    kept = update_catalogue(edited, unreviewed, lang="ru", slug="a")
    assert kept.active[0].comments == unreviewed.messages[0].comments


def test_comments_after_the_last_entry_stay_after_the_update() -> None:
    old = translated(update_catalogue(template("One."), None, lang="ru", slug="a"))
    old.trailing_comments = ["# TODO: ask the desk"]
    result = update_catalogue(template("One.", "Two."), old, lang="ru", slug="a")
    assert result.trailing_comments == ["# TODO: ask the desk"]


def _reviewed(catalogue: Catalogue) -> Catalogue:
    for message in translated(catalogue).messages:
        message.comments = ["mt: argos en_ru 1.9", "checked with the desk"]
    return catalogue


def test_an_edit_undone_leaves_no_obsolete_copy_of_the_restored_entry() -> None:
    """Editing a reviewed paragraph keeps its translation as the new text's fuzzy entry;
    undoing the edit restored the old entry but left that fuzzy copy behind as an obsolete
    entry for good (the same translation under the edited text), and a second edit before
    the undo left two. Nothing of the copies is lost: the restored entry holds it all."""
    original = "The port will double its capacity by 2027."
    old = _reviewed(update_catalogue(template(original, "Other."), None, lang="ru", slug="a"))
    edited = update_catalogue(template("The port will double its capacity by 2028.", "Other."), old,
                              lang="ru", slug="a")
    again = update_catalogue(template("The port will nearly double its capacity by 2028.", "Other."),
                             edited, lang="ru", slug="a")
    for before in (edited, again):
        undone = update_catalogue(template(original, "Other."), before, lang="ru", slug="a")
        assert [(m.msgid, m.obsolete, m.fuzzy) for m in undone.messages] == [
            (original, False, False), ("Other.", False, False)]
        assert undone.messages[0].comments == ["reviewed mt: argos en_ru 1.9", "checked with the desk"]


def test_an_obsolete_fuzzy_copy_a_translator_worked_on_is_kept() -> None:
    """The fuzzy copy of an edited paragraph whose translation, comment or flags a translator
    changed holds work of its own: undoing the edit keeps it as an obsolete entry."""
    original = "The port will double its capacity by 2027."
    edited_text = "The port will double its capacity by 2028."
    changes = [("msgstr", "Порт удвоит мощность к 2028 году."),
               ("comments", ["mt: argos en_ru 1.9", "checked with the desk", "ask about 2028"]),
               ("flags", ["fuzzy", "ignore-numbers"])]
    for field, value in changes:
        old = _reviewed(update_catalogue(template(original), None, lang="ru", slug="a"))
        edited = update_catalogue(template(edited_text), old, lang="ru", slug="a")
        setattr(edited.messages[0], field, value)
        undone = update_catalogue(template(original), edited, lang="ru", slug="a")
        assert [(m.msgid, m.obsolete) for m in undone.messages] == [(original, False), (edited_text, True)], field


def test_obsolete_fuzzy_copies_of_each_other_are_both_kept() -> None:
    """Two obsolete fuzzy entries whose ``#|`` name each other hold the translation only
    between them: neither is dropped as the other's copy."""
    first = Message(msgid="First text.", msgstr="Текст.", flags=["fuzzy"], previous_msgid="Second text.",
                    obsolete=True)
    second = Message(msgid="Second text.", msgstr="Текст.", flags=["fuzzy"], previous_msgid="First text.",
                     obsolete=True)
    result = update_catalogue(template("Unrelated."), Catalogue(messages=[first, second]), lang="ru", slug="a")
    assert [m.msgid for m in result.obsolete] == ["First text.", "Second text."]


def test_machine_output_of_another_text_under_an_entry_s_msgid_is_translated_again() -> None:
    """Regression: ``msgmerge --previous`` gives an already-fuzzy entry the new msgid without a
    ``#|`` line, so the machine translation of "…Monday" stood as machine output for
    "…Tuesday", publishable with ``allow_machine``. The ``mt:`` comment records which text it
    translated: such an entry is sent to translation again, its old output kept as a comment,
    while an entry whose comment names its own text, or none (written before), is kept."""
    old = update_catalogue(template("Ferry leaves on Monday.", "Tickets cost five manat."), None,
                           lang="ru", slug="a")
    for message, text in zip(old.messages, ("Паром уходит в понедельник.", "Билеты стоят пять манатов.")):
        message.msgstr, message.fuzzy = text, True
        message.comments = ["checked with the desk", mt_comment("pseudo 1", message.msgctxt, message.msgid)]
    old.messages[0].msgid = "Ferry leaves on Tuesday."  # what msgmerge did
    assert old.messages[0].status is EntryStatus.FUZZY and old.messages[1].status is EntryStatus.MACHINE
    result = update_catalogue(template("Ferry leaves on Tuesday.", "Tickets cost five manat."), old,
                              lang="ru", slug="a")
    moved, kept = result.messages
    assert (moved.msgstr, moved.fuzzy) == ("", False)
    assert moved.comments == ["checked with the desk", "previous translation: Паром уходит в понедельник."]
    assert kept.msgstr == "Билеты стоят пять манатов." and kept.comments == old.messages[1].comments
    check_no_loss(old, result, "a.po")
    old.messages[0].comments = ["mt: pseudo 1"]  # written before the digest: nothing to compare
    assert old.messages[0].status is EntryStatus.MACHINE
    result = update_catalogue(template("Ferry leaves on Tuesday.", "Tickets cost five manat."), old,
                              lang="ru", slug="a")
    assert result.messages[0].comments == ["mt: pseudo 1"] and result.messages[0].msgstr


def test_a_machine_translation_reviewed_in_an_editor_is_recorded_as_reviewed_on_the_next_update() -> None:
    """Regression: Poedit, Lokalize and Weblate clear *fuzzy* and leave the ``mt: …`` comment,
    so the entry said "machine output" for as long as its source stayed the same. A translator
    who then marked it fuzzy again (for another look) saw it queued as "machine translation
    not yet reviewed", publishable with ``allow_machine``; and ``msgmerge`` without
    ``--previous`` after an edit (new msgid, no ``#|``) made the reviewed text read as the old
    text's machine output, sent to translation again with the human's text in a comment.
    The update records the review as the terminal review's accept does: ``reviewed mt: …``."""
    old = update_catalogue(template("Ferry leaves on Monday.", "Tickets cost five manat."), None,
                           lang="ru", slug="a")
    for message, text in zip(old.messages, ("Паром отходит в понедельник.", "Билеты стоят пять манатов.")):
        message.msgstr = text
        message.comments = ["checked with the desk", mt_comment("pseudo 1", message.msgctxt, message.msgid)]
    old.messages[1].fuzzy = True  # not reviewed yet: still machine output
    result = update_catalogue(template("Ferry leaves on Monday.", "Tickets cost five manat."), old,
                              lang="ru", slug="a")
    reviewed, waiting = result.messages
    assert reviewed.comments == ["checked with the desk", "reviewed mt: pseudo 1"]
    assert waiting.comments == old.messages[1].comments and waiting.status is EntryStatus.MACHINE
    # Recorded once: a second update changes nothing.
    assert update_catalogue(template("Ferry leaves on Monday.", "Tickets cost five manat."), result,
                            lang="ru", slug="a").messages[0].comments == reviewed.comments
    reviewed.fuzzy = True  # a translator wants another look
    assert reviewed.status is EntryStatus.FUZZY
    reviewed.msgid = "Ferry leaves on Tuesday."  # what msgmerge without --previous does after an edit
    again = update_catalogue(template("Ferry leaves on Tuesday.", "Tickets cost five manat."), result,
                             lang="ru", slug="a")
    assert again.messages[0].msgstr == "Паром отходит в понедельник." and again.messages[0].fuzzy
    check_no_loss(result, again, "a.po")
    # A provenance already recorded as reviewed is not written twice.
    old.messages[0].comments.append("reviewed mt: pseudo 1")
    twice = update_catalogue(template("Ferry leaves on Monday.", "Tickets cost five manat."), old,
                             lang="ru", slug="a")
    assert twice.messages[0].comments == ["checked with the desk", "reviewed mt: pseudo 1"]


def test_a_block_scalars_reviewed_translation_survives_its_msgid_losing_the_final_line_break() -> None:
    """Regression: a front-matter block scalar (``summary: |``) had a msgid ending in the line
    break YAML's chomping adds, which every translation had to copy. The msgid is now the text
    alone: the reviewed translation made under the old msgid stays reviewed, without the break,
    and a translator's comment, flag and an obsolete entry's text stay too."""
    old = update_catalogue(template("Line one.\nLine two.\n", "Caption.\n", "Kept.\n\n", ctx="summary"), None,
                           lang="ru", slug="a")
    old.messages[0].msgstr = "Строка один.\nСтрока два.\n"
    old.messages[0].comments = ["checked with the desk"]
    old.messages[1].msgstr = "Подпись."  # a translator who left the break out
    old.messages[2].msgstr = "Сохранено.\n\n"  # a kept block (summary: |+)
    result = update_catalogue(template("Line one.\nLine two.", "Caption.", "Kept.", ctx="summary"), old,
                              lang="ru", slug="a")
    assert [(m.msgid, m.msgstr, m.fuzzy, m.obsolete) for m in result.messages] == [
        ("Line one.\nLine two.", "Строка один.\nСтрока два.", False, False),
        ("Caption.", "Подпись.", False, False), ("Kept.", "Сохранено.", False, False)]
    assert result.messages[0].comments == ["checked with the desk"]
    check_no_loss(old, result, "locale/ru/LC_MESSAGES/a.po")


def test_machine_output_of_a_block_scalar_is_not_translated_again_for_its_msgid_losing_the_line_break() -> None:
    """The old entry's unreviewed machine output (``mt: … source#digest`` of the old msgid)
    is the new msgid's: it stays as it was, not taken for another text's output."""
    old = update_catalogue(template("Caption.\n", ctx="image.caption"), None, lang="ru", slug="a")
    old.messages[0].msgstr = "Подпись.\n"
    old.messages[0].flags = ["fuzzy"]
    old.messages[0].comments = [mt_comment("argos 1.9", "image.caption", "Caption.\n")]
    result = update_catalogue(template("Caption.", ctx="image.caption"), old, lang="ru", slug="a")
    [message] = result.messages
    assert (message.msgstr, message.status, message.comments) == (
        "Подпись.", EntryStatus.MACHINE, [mt_comment("argos 1.9", "image.caption", "Caption.")])


def test_an_emptied_machine_translation_loses_its_provenance_not_its_translator_s_note() -> None:
    """Regression: a translator who emptied a machine translation (to translate it from
    scratch) left its ``mt:`` comment behind, and the review queue showed the empty entry as
    that engine's output. The next update drops the stale provenance (and the memory's tied
    alternatives); the translator's own comment and flags stay."""
    old = update_catalogue(template("One.", "Two."), None, lang="ru", slug="a")
    emptied, kept = old.messages
    emptied.comments = ["ask the desk about the figure", mt_comment("pseudo 1", None, "One."),
                        "mt: translation memory, also reviewed (locale/ru/LC_MESSAGES/b.po): Один!"]
    emptied.flags = ["fuzzy", "no-wrap"]
    kept.msgstr, kept.flags, kept.comments = "Два.", ["fuzzy"], [mt_comment("pseudo 1", None, "Two.")]
    result = update_catalogue(template("One.", "Two."), old, lang="ru", slug="a")
    assert result.messages[0].comments == ["ask the desk about the figure"]
    assert result.messages[0].flags == ["fuzzy", "no-wrap"]
    assert result.messages[1].comments == kept.comments  # still machine output awaiting review
    assert update_catalogue(template("One.", "Two."), result, lang="ru", slug="a").messages == result.messages
