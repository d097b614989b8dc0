"""The translate stage with fake engines: what is filled, what is rejected, what is never touched."""

from __future__ import annotations

import re

import pytest

from pipeline.engines.fake import (
    AsciiQuotesEngine, BoilerplateEngine, CutOffEngine, DropPlaceholderEngine, EchoEngine, EmptyEngine,
    FailingEngine, FakeEngine, RepeatEngine, ShortBatchEngine,
)
from pipeline.engines.pseudo import PseudoEngine, transliterate
from pipeline.memory import TranslationMemory
from pipeline.model import MT_COMMENT_PREFIX, MT_REJECTED_PREFIX, Catalogue, EntryStatus, Message
from pipeline.translate import CatalogueJob, translate_catalogues
from tests.conftest import without_source_digest


def job(path: str, *messages: Message, src: str = "en", tgt: str = "ru") -> CatalogueJob:
    return CatalogueJob(path, src, tgt, Catalogue(messages=list(messages)))


def mt_comments(message: Message) -> list[str]:
    return [c for c in without_source_digest(message.comments)
            if c.startswith(MT_COMMENT_PREFIX) or c.startswith(MT_REJECTED_PREFIX)]


def test_untranslated_entries_become_fuzzy_with_provenance() -> None:
    engine = FakeEngine()
    jobs = [job("a.ru.po", Message("The council met on **Monday**. See [the report](https://x.org/r).",
                                   comments=["translator note"]))]
    report = translate_catalogues(jobs, engine)
    message = jobs[0].catalogue.messages[0]
    assert message.msgstr == "ТХЕ ЦОУНЦИЛ МЕТ ОН **МОНДАЫ**. СЕЕ [ТХЕ РЕПОРТ](https://x.org/r)."
    assert message.fuzzy and message.status is EntryStatus.MACHINE
    assert without_source_digest(message.comments) == ["translator note", "mt: fake 1 en→ru"]
    assert report.pairs[("en", "ru")].machine_translated == 1
    assert engine.texts_seen == ["The council met on ⟦1⟧Monday⟦2⟧.", "See ⟦1⟧the report⟦2⟧."]


def test_protected_spans_do_not_count_against_the_output() -> None:
    """A URL, an e-mail address or code is kept as it is: its Latin letters are not the
    engine's output, so they must not fail the script check of a Russian translation."""
    url = "https://www.gov.az/en/news/2024/05/port-expansion-plan"
    texts = [url, f"<{url}>", "contact@port.gov.az", "`pipeline sync --engine argos --strict`",
             f"Source: {url}", f"Read it at {url}, said the ministry."]
    jobs = [job("a.ru.po", *[Message(text) for text in texts])]
    report = translate_catalogues(jobs, FakeEngine(), memory=TranslationMemory())
    assert report.rejected == 0, [r.reasons for r in report.rejections]
    messages = jobs[0].catalogue.messages
    assert [m.msgstr for m in messages[:4]] == texts[:4]
    assert messages[4].msgstr == f"СОУРЦЕ: {url}"
    # ... while the gate still sees what the engine did with the text around them
    echoed = [job("b.ru.po", Message(texts[5]))]
    translate_catalogues(echoed, EchoEngine(), memory=TranslationMemory())
    assert "untranslated: output equals the source" in mt_comments(echoed[0].catalogue.messages[0])[0]
    invented = [job("c.ru.po", Message(texts[5]))]
    translate_catalogues(invented, BoilerplateEngine(phrase="www.spam.example"), memory=TranslationMemory())
    assert "hallucination: 'www.'" in mt_comments(invented[0].catalogue.messages[0])[0]


def test_human_translations_are_never_touched() -> None:
    reviewed = Message("Hello", "Привет")
    fuzzy_human = Message("Goodbye", "Пока", flags=["fuzzy"])
    changed = Message("New text", "Старый", flags=["fuzzy"], previous_msgid="Old text",
                      comments=["mt: fake 0 en→ru"])
    plural = Message("One file", msgid_plural="Many files")
    obsolete = Message("Gone", obsolete=True)
    jobs = [job("a.ru.po", reviewed, fuzzy_human, changed, plural, obsolete)]
    before = [repr(m) for m in jobs[0].catalogue.messages]
    engine = FakeEngine()
    for refresh in (False, True):
        report = translate_catalogues(jobs, engine, refresh=refresh)
        assert report.engine_calls == 0
    assert [repr(m) for m in jobs[0].catalogue.messages] == before


def test_one_engine_call_per_pair_with_sentences_deduplicated_across_catalogues() -> None:
    boiler = "Subscribe to our newsletter. It is free."
    jobs = [
        job("a.ru.po", Message(boiler), Message("First story. It is free.")),
        job("b.ru.po", Message(boiler + " "), Message("Second story.")),
        job("a.az.po", Message(boiler), tgt="az"),
    ]
    engine = FakeEngine()
    report = translate_catalogues(jobs, engine, memory=TranslationMemory())
    assert report.engine_calls == 2
    assert [(c.target, c.texts) for c in engine.calls] == [
        ("ru", ["Subscribe to our newsletter.", "It is free.", "First story.", "Second story."]),
        ("az", ["Subscribe to our newsletter.", "It is free."]),
    ]
    stats = report.pairs[("en", "ru")]
    assert (stats.sentences, stats.unique_sentences, stats.machine_translated) == (7, 4, 4)
    assert jobs[1].catalogue.messages[0].msgstr.endswith(" ")


def test_identical_sentences_with_different_placeholder_numbers_are_one_input() -> None:
    jobs = [job("a.ru.po", Message("Intro with `code`. Read **this**."), Message("Read **this**."))]
    engine = FakeEngine()
    translate_catalogues(jobs, engine)
    assert engine.texts_seen == ["Intro with ⟦1⟧.", "Read ⟦1⟧this⟦2⟧."]
    assert jobs[0].catalogue.messages[0].msgstr == "ИНТРО ШИТХ `code`. РЕАД **ТХИС**."


def test_translation_memory_comes_first() -> None:
    jobs = [
        job("a.ru.po", Message("Photo: Reuters", "Фото: Reuters")),
        job("b.ru.po", Message("Photo:  Reuters"), Message("Something new.")),
    ]
    engine = FakeEngine()
    report = translate_catalogues(jobs, engine)
    reused = jobs[1].catalogue.messages[0]
    assert reused.msgstr == "Фото: Reuters" and reused.fuzzy
    assert without_source_digest(reused.comments) == ["mt: translation memory (a.ru.po)"]
    assert engine.texts_seen == ["Something new."]
    assert report.pairs[("en", "ru")].from_memory == 1


def test_second_run_makes_no_engine_call() -> None:
    jobs = [job("a.ru.po", Message("Good sentence here."), Message("and so on and so on."))]
    engine = RepeatEngine()
    first = translate_catalogues(jobs, engine)
    assert first.engine_calls == 1 and first.rejected == 2
    again = translate_catalogues(jobs, engine)
    assert again.engine_calls == 0
    assert [len(mt_comments(m)) for m in jobs[0].catalogue.messages] == [1, 1]


def test_rejections_are_replaced_not_stacked_and_retried_for_a_new_engine() -> None:
    message = Message("The city council met on Monday.")
    jobs = [job("a.ru.po", message)]
    translate_catalogues(jobs, EchoEngine())
    assert message.msgstr == ""
    assert len(message.comments) == 1
    assert message.comments[0].startswith("mt rejected: untranslated: output equals the source")
    assert message.comments[0].endswith(" (fake-echo 1 en→ru)")
    translate_catalogues(jobs, EchoEngine(), refresh=True)
    assert len(mt_comments(message)) == 1
    translate_catalogues(jobs, FakeEngine())
    assert message.msgstr and without_source_digest(message.comments) == ["mt: fake 1 en→ru"]


@pytest.mark.parametrize(
    ("engine", "category"),
    [
        (RepeatEngine(), "repetition"),
        (EchoEngine(), "untranslated"),
        (BoilerplateEngine(), "hallucination"),
        (EmptyEngine(), "empty"),
        (DropPlaceholderEngine(), "placeholders"),
        (CutOffEngine(), "unfinished"),
    ],
)
def test_misbehaving_engines_leave_entries_empty_with_a_reason(engine: FakeEngine, category: str) -> None:
    message = Message("The mayor opened the new **bridge** over the river today.")
    report = translate_catalogues([job("a.ru.po", message)], engine)
    assert message.msgstr == "" and not message.fuzzy
    assert mt_comments(message)[0].startswith(f"{MT_REJECTED_PREFIX}{category}:")
    assert report.pairs[("en", "ru")].reasons[category] == 1
    assert report.rejections[0].path == "a.ru.po"
    assert report.pairs[("en", "ru")].placeholder_problems == (category == "placeholders")


def test_an_entry_with_one_unfinished_sentence_is_rejected_whole() -> None:
    """Half a paragraph is not a translation; a sentence the engine finished elsewhere still is."""
    engine = CutOffEngine(cut_when="looping", limit=40)
    paragraph = Message("The port reopened on Monday. Cranes kept looping over the empty quay.")
    alone = Message("The port reopened on Monday.")
    report = translate_catalogues([job("a.ru.po", paragraph, alone)], engine)
    assert paragraph.msgstr == "" and not paragraph.fuzzy
    assert mt_comments(paragraph) == [
        f"{MT_REJECTED_PREFIX}unfinished: the engine stopped it at its length limit, still writing "
        f"(a loop, or an output far longer than the source) ({engine.provenance('en', 'ru')})"
    ]
    assert alone.msgstr == FakeEngine.translate_well("The port reopened on Monday.", "ru") and alone.fuzzy
    assert report.pairs[("en", "ru")].reasons == {"unfinished": 1}
    assert translate_catalogues([job("a.ru.po", paragraph, alone)], engine).engine_calls == 0  # not retried


def test_refresh_retranslates_only_unreviewed_mt_from_another_model() -> None:
    old_mt = Message("Hello world.", "СТАРЫЙ", flags=["fuzzy"], comments=["mt: fake 0 en→ru"])
    same_mt = Message("Bye world.", "ТОТ ЖЕ", flags=["fuzzy"], comments=["mt: fake 1 en→ru"])
    memory_mt = Message("Thanks.", "Спасибо", flags=["fuzzy"], comments=["mt: translation memory (b.po)"])
    jobs = [job("a.ru.po", old_mt, same_mt, memory_mt)]
    engine = FakeEngine()
    assert translate_catalogues(jobs, engine).engine_calls == 0
    report = translate_catalogues(jobs, engine, refresh=True, memory=TranslationMemory())
    assert engine.texts_seen == ["Hello world."]
    assert old_mt.msgstr == "ХЕЛЛО ШОРЛД."
    assert without_source_digest(old_mt.comments) == ["previous translation: СТАРЫЙ", "mt: fake 1 en→ru"]
    assert same_mt.msgstr == "ТОТ ЖЕ" and memory_mt.msgstr == "Спасибо"
    assert report.machine_translated == 1


def test_refresh_rejection_keeps_the_older_machine_translation() -> None:
    old_mt = Message("The city council met on Monday.", "СТАРЫЙ ПЕРЕВОД", flags=["fuzzy"],
                     comments=["mt: fake 0 en→ru"])
    translate_catalogues([job("a.ru.po", old_mt)], EchoEngine(), refresh=True)
    assert old_mt.msgstr == "СТАРЫЙ ПЕРЕВОД"
    assert old_mt.comments[-1].startswith(MT_REJECTED_PREFIX)


def test_unsupported_pairs_are_reported_and_left_alone() -> None:
    jobs = [job("a.ru.po", Message("Hello.")), job("a.az.po", Message("Hello."), tgt="az")]
    engine = FakeEngine(pairs={("en", "ru")})
    report = translate_catalogues(jobs, engine)
    assert report.missing_pairs == [("en", "az")]
    assert jobs[1].catalogue.messages[0] == Message("Hello.")
    assert report.notes == ["no fake model for en→az: 1 entry left untranslated"]


def test_memory_serves_pairs_without_a_model_and_entries_mt_rejected() -> None:
    rejected = Message("The city council met on Monday.",
                       comments=["mt rejected: repetition: 'x' repeated 5 times (fake 1 en→ru)"])
    jobs = [
        job("a.az.po", Message("Фото: Reuters", "Foto: Reuters"), src="ru", tgt="az"),
        job("b.az.po", Message("Фото: Reuters"), Message("Новое."), src="ru", tgt="az"),
        job("a.ru.po", Message("The city council met on Monday.", "Городской совет собрался в понедельник.")),
        job("b.ru.po", rejected),
    ]
    engine = FakeEngine(pairs={("en", "ru")})
    report = translate_catalogues(jobs, engine)
    assert jobs[1].catalogue.messages[0].msgstr == "Foto: Reuters"
    assert rejected.msgstr == "Городской совет собрался в понедельник."
    assert without_source_digest(rejected.comments) == ["mt: translation memory (a.ru.po)"]
    assert report.missing_pairs == [("ru", "az")] and "1 entry left" in report.notes[0]
    assert report.engine_calls == 0


def test_postprocessors_fix_or_reject() -> None:
    def curly(source: str, output: str, src: str, tgt: str) -> tuple[str, list[str]]:
        return output.replace('"', "«", 1).replace('"', "»", 1), []

    def strict(source: str, output: str, src: str, tgt: str) -> tuple[str, list[str]]:
        return output, ["glossary: 'bridge' must be 'мост'"] if "bridge" in source else []

    jobs = [job("a.ru.po", Message("He said “yes” twice."), Message("The bridge is open."))]
    translate_catalogues(jobs, AsciiQuotesEngine(), postprocess=[curly, strict])
    said, bridge = jobs[0].catalogue.messages
    assert said.msgstr == "ХЕ САИД «ЫЕС» ТШИЦЕ."
    assert bridge.msgstr == "" and bridge.comments[0].startswith("mt rejected: glossary:")



class NamesLeftEngine(FakeEngine):
    """Transliterates lower-case words only, leaving capitalised ones (names) as written."""

    def transform(self, text: str, source: str, target: str) -> str:
        return re.sub(r"\b[a-z]+\b", lambda word: transliterate(word.group(), target), text)

def test_names_the_glossary_respells_count_in_the_target_script() -> None:
    """Regression: a short entry that is mostly a name (an image credit) was rejected as
    "script: only 8% of letters in the ru script" when the engine left the name in the
    source's letters (as MT leaves a name it does not know, for the glossary to spell it),
    though the glossary post-processor would have respelt it; the script is now judged on
    the output once the post-processors have run. Output in the wrong script stays rejected."""
    import io

    from pipeline.glossary import glossary_postprocessor, read_glossary

    glossary = read_glossary(io.StringIO("en,ru,kind\nArzu Geybullayeva,Арзу Гейбуллаева,person\n"),
                             "glossary.csv")
    jobs = [job("a.ru.po", Message("Image by Arzu Geybullayeva"),
                Message("Image by Samira Mammadova Photography Studio"))]
    report = translate_catalogues(jobs, NamesLeftEngine(), postprocess=[glossary_postprocessor(glossary)])
    credit, staff = jobs[0].catalogue.messages
    assert credit.msgstr == "Image бы Арзу Гейбуллаева" and report.rejected == 1
    assert staff.msgstr == "" and staff.comments[0].startswith("mt rejected: script:")


def test_engine_failures_are_reported_per_pair() -> None:
    jobs = [job("a.ru.po", Message("Hello there."))]
    report = translate_catalogues(jobs, FailingEngine())
    assert report.errors and jobs[0].catalogue.messages[0] == Message("Hello there.")
    assert report.notes[-1].endswith("; 1 entry left as it was")
    report = translate_catalogues(jobs, ShortBatchEngine())
    assert "returned 0 translations for 1" in str(report.errors[0])


def test_progress_counts_sentences_sent() -> None:
    seen: list[tuple[int, int]] = []
    jobs = [job("a.ru.po", Message("One. Two."), Message("Three."))]
    translate_catalogues(jobs, FakeEngine(), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 3), (3, 3)]


def test_pseudo_engine_passes_the_gate_and_keeps_markup() -> None:
    jobs = [
        job("a.ru.po", Message("Read [the report](https://x.org/r) by *Dr. Smith*.")),
        job("a.az.po", Message("Read [the report](https://x.org/r) by *Dr. Smith*."), tgt="az"),
        job("b.en.po", Message("Читайте [доклад](https://x.org/r)."), src="ru", tgt="en"),
    ]
    report = translate_catalogues(jobs, PseudoEngine())
    assert report.rejected == 0 and report.machine_translated == 3
    assert jobs[0].catalogue.messages[0].msgstr == "［Read [тхе репорт](https://x.org/r) бы *Dr. Smith*. ］"
    assert jobs[1].catalogue.messages[0].msgstr == "［Read [ŧĥə ŕəþöŕŧ](https://x.org/r) ƀý *Dr. Smith*. ］"
    assert jobs[2].catalogue.messages[0].msgstr == "［Читайте [đöķłåđ](https://x.org/r). ］"


def test_a_footnote_label_stays_first_and_is_never_sent_to_the_engine() -> None:
    """Regression: the pseudo engine bracketed a footnote definition whole ('［[^1]: ...］'),
    which is no longer a definition; any engine may move the label's placeholder."""
    engine = FakeEngine()
    jobs = [job("a.ru.po", Message("[^1]: Figures from the ministry. Data for 2025."),
                Message("See the note.[^2]"))]
    translate_catalogues(jobs, engine, memory=TranslationMemory())
    assert engine.texts_seen[:2] == ["Figures from the ministry.", "Data for 2025."]
    assert jobs[0].catalogue.messages[0].msgstr.startswith("[^1]: ФИГУРЕС")
    assert jobs[0].catalogue.messages[1].msgstr == "СЕЕ ТХЕ НОТЕ.[^2]"
    pseudo = [job("b.ru.po", Message("[^1]: Figures from the ministry."))]
    translate_catalogues(pseudo, PseudoEngine(), memory=TranslationMemory())
    assert pseudo[0].catalogue.messages[0].msgstr.startswith("[^1]: ［")


def test_a_task_checkbox_stays_first_and_is_never_sent_to_the_engine() -> None:
    """Regression: the pseudo engine bracketed a task list item whole ('［[ ] Book a seat］'),
    which is no longer a task; any engine may move the checkbox's placeholder."""
    engine = FakeEngine()
    jobs = [job("a.ru.po", Message("[x] Book a seat. Then pay."), Message("[see] the note"))]
    translate_catalogues(jobs, engine, memory=TranslationMemory())
    assert engine.texts_seen[:2] == ["Book a seat.", "Then pay."]
    assert jobs[0].catalogue.messages[0].msgstr.startswith("[x] БООК")
    pseudo = [job("b.ru.po", Message("[ ] Book a seat."))]
    translate_catalogues(pseudo, PseudoEngine(), memory=TranslationMemory())
    assert pseudo[0].catalogue.messages[0].msgstr.startswith("[ ] ［")


def test_an_unfinished_entry_is_rejected_in_the_same_words_whatever_its_batch_s_limit() -> None:
    """Argos' limit depends on the longest sentence of the batch: a refresh that batches an
    entry with other sentences must not reword its rejection, or its catalogue churns."""
    paragraph = Message("Cranes kept looping over the empty quay.")
    translate_catalogues([job("a.ru.po", paragraph)], CutOffEngine(cut_when="looping", limit=40))
    first = list(paragraph.comments)
    other = Message("The port reopened on Monday, and a far longer sentence came with it this time.")
    translate_catalogues([job("a.ru.po", paragraph, other)], CutOffEngine(cut_when="looping", limit=64),
                         refresh=True)
    assert paragraph.comments == first and paragraph.msgstr == ""


def test_a_similar_text_s_reviewed_translation_comes_as_a_changed_entry_not_a_machine_one() -> None:
    """A paragraph edited in the commit that renamed its article (or moved it into another
    one): the memory (exact) does not know it, so it was machine-translated or left empty;
    msgmerge with a compendium gives the old translation, fuzzy, with the old text as the
    previous msgid, in a new catalogue and in an existing one alike."""
    from pipeline.memory import FuzzyMemory

    suggestions = FuzzyMemory()
    suggestions.add_catalogue("old.po", "en", "ru", Catalogue(messages=[
        Message("Ships waited for three days at the entrance.", msgstr="Суда ждали три дня у входа.")]))
    edited = "Ships waited for four days at the entrance."
    new, old = job("new.po", Message(edited)), job("kept.po", Message(edited))
    report = translate_catalogues([new, old], FakeEngine(), memory=TranslationMemory(), suggestions=suggestions)
    suggested, kept = new.catalogue.messages[0], old.catalogue.messages[0]
    assert suggested.msgstr == "Суда ждали три дня у входа." and suggested.fuzzy
    assert suggested.previous_msgid == "Ships waited for three days at the entrance."
    assert suggested.status is EntryStatus.CHANGED  # never published, even with allow_machine
    assert mt_comments(suggested) == [MT_COMMENT_PREFIX + "translation memory, similar text (old.po)"]
    assert report.stats(("en", "ru")).suggested == 2 and report.machine_translated == 0
    assert (kept.msgstr, kept.status) == (suggested.msgstr, EntryStatus.CHANGED)


def test_an_entry_filled_from_a_tie_in_memory_shows_the_other_reviewed_translations() -> None:
    memory = TranslationMemory()
    memory.add("en", "ru", "Ships wait.", "Суда ждут.", "a.po")
    memory.add("en", "ru", "Ships wait.", "Суда стоят\nв ожидании.", "b.po")
    jobs = [job("c.po", Message("Ships wait."))]
    translate_catalogues(jobs, FakeEngine(), memory=memory)
    message = jobs[0].catalogue.messages[0]
    assert message.msgstr == "Суда ждут." and message.status is EntryStatus.MACHINE
    assert message.machine_provenance == "translation memory (a.po)"
    assert mt_comments(message) == [MT_COMMENT_PREFIX + "translation memory (a.po)",
                                    MT_COMMENT_PREFIX + "translation memory, also reviewed (b.po): Суда стоят в ожидании."]
    from pipeline.review import accept_message

    accept_message(message)  # the reviewer chose: the hint has done its work
    assert message.comments == ["reviewed mt: translation memory (a.po)"]


def test_new_machine_output_does_not_inherit_the_old_text_s_dismissals() -> None:
    """Regression: a check dismissed on an entry (#, ignore-numbers) stayed on the machine
    translation written for the changed source text, silencing the check on output nobody
    had judged. The flags go when machine output replaces the text they were judged on; the
    old text's obsolete entry keeps them (an undone edit brings them back)."""
    from pipeline.update import update_catalogue
    pot = Catalogue(messages=[Message("Revenue rose 12%.", references=["a.md:1"])])
    old = update_catalogue(pot, None, lang="ru", slug="a")
    old.messages[0].msgstr, old.messages[0].comments = "ВЫРУЧКА ВЫРОСЛА НА 12 %.", ["mt: fake 1 en→ru"]
    old.messages[0].flags = ["fuzzy", "ignore-numbers", "no-wrap"]
    pot.messages[0].msgid = "Revenue rose 15%."
    catalogue = update_catalogue(pot, old, lang="ru", slug="a")
    translate_catalogues([CatalogueJob("a.ru.po", "en", "ru", catalogue)], FakeEngine())
    active, gone = catalogue.messages
    assert active.msgstr and active.status is EntryStatus.MACHINE
    assert active.flags == ["fuzzy", "no-wrap"] and "numbers" not in active.dismissed_checks
    assert gone.obsolete and "ignore-numbers" in gone.flags
    refreshed = Message("Hello world.", "СТАРЫЙ", flags=["fuzzy", "ignore-untranslated"], comments=["mt: fake 0 en→ru"])
    translate_catalogues([job("a.ru.po", refreshed)], FakeEngine(), refresh=True)
    assert refreshed.flags == ["fuzzy"]


def test_an_entry_edited_in_this_run_takes_the_memory_s_reviewed_translation_of_its_new_text() -> None:
    """Only the entries the run's update just changed (``edited``) and only from an exact
    match: the old translation stays as a ``previous translation:`` comment, the previous
    msgid, the old translation's ``reviewed mt:`` provenance and its dismissals go, a
    translator's comment stays. An entry changed by an earlier run is left as it is."""
    memory = TranslationMemory()
    memory.add("en", "ru", "New text.", "Новый текст.", "b.po")
    memory.add("en", "ru", "New text.", "Новый текст!", "c.po")
    edited = Message("New text.", "Старый текст.", flags=["fuzzy", "ignore-numbers"], previous_msgid="Old text.",
                     comments=["translator note", "reviewed mt: argos 1.9"])
    earlier = Message("New text.", "Старый текст.", msgctxt="title", flags=["fuzzy"], previous_msgid="Old text.")
    jobs = [CatalogueJob("a.po", "en", "ru", Catalogue(messages=[edited, earlier]), frozenset({edited.key}))]
    engine = FakeEngine()
    report = translate_catalogues(jobs, engine, memory=memory)
    assert (edited.msgstr, edited.flags, edited.previous_msgid) == ("Новый текст.", ["fuzzy"], None)
    assert without_source_digest(edited.comments) == ["translator note", "previous translation: Старый текст.",
                               "mt: translation memory (b.po)",
                               "mt: translation memory, also reviewed (c.po): Новый текст!"]
    assert edited.status is EntryStatus.MACHINE
    assert (earlier.msgstr, earlier.previous_msgid, earlier.status) == ("Старый текст.", "Old text.",
                                                                        EntryStatus.CHANGED)
    assert report.from_memory == 1 and report.engine_calls == 0 and not engine.texts_seen
