"""Translation memory: reviewed translations only, normalised keys, deterministic choice."""

from __future__ import annotations

from pipeline.memory import TranslationMemory
from pipeline.model import Catalogue, Message


def catalogue(*messages: Message) -> Catalogue:
    return Catalogue(messages=list(messages))


def test_reviewed_active_and_obsolete_entries_are_remembered() -> None:
    memory = TranslationMemory.from_catalogues([
        ("en", "ru", "a.ru.po", catalogue(
            Message("Photo: Reuters", "Фото: Reuters"),
            Message("Draft text", "Черновик", flags=["fuzzy"]),
            Message("Old heading", "Старый заголовок", obsolete=True),
            Message("One apple", msgid_plural="Many apples", msgstr_plural={0: "яблоко"}),
            Message("Empty"),
        )),
    ])
    assert memory.lookup("en", "ru", "Photo: Reuters").text == "Фото: Reuters"  # type: ignore[union-attr]
    assert memory.lookup("en", "ru", "Photo: Reuters").origin == "a.ru.po"  # type: ignore[union-attr]
    assert memory.lookup("en", "ru", "Old heading").origin == "obsolete entry in a.ru.po"  # type: ignore[union-attr]
    assert memory.lookup("en", "ru", "Draft text") is None
    assert memory.lookup("en", "ru", "One apple") is None
    assert memory.lookup("en", "ru", "Empty") is None
    assert memory.lookup("en", "az", "Photo: Reuters") is None
    assert memory.lookup("ru", "ru", "Photo: Reuters") is None


def test_keys_fold_whitespace_by_default() -> None:
    memory = TranslationMemory()
    memory.add("en", "ru", "Photo:  Reuters\n", "Фото: Reuters", "a.po")
    assert memory.lookup("en", "ru", " Photo: Reuters") is not None


def test_custom_normaliser_for_quotation_marks() -> None:
    def fold_quotes(text: str) -> str:
        return " ".join(text.translate(str.maketrans("“”«»", '""""')).split())

    memory = TranslationMemory(fold_quotes)
    memory.add("en", "ru", "He said “yes”", "Он сказал «да»", "a.po")
    assert memory.lookup("en", "ru", 'He said "yes"') is not None


def test_most_frequent_translation_wins_and_ties_go_to_the_first() -> None:
    memory = TranslationMemory()
    memory.add("en", "ru", "Hello", "Привет", "a.po")
    memory.add("en", "ru", "Hello", "Здравствуйте", "b.po")
    assert memory.lookup("en", "ru", "Hello").text == "Привет"  # type: ignore[union-attr]
    memory.add("en", "ru", "Hello", "Здравствуйте", "c.po")
    assert memory.lookup("en", "ru", "Hello").text == "Здравствуйте"  # type: ignore[union-attr]
    assert len(memory) == 1


def test_the_fuzzy_memory_offers_the_reviewed_translation_of_the_most_similar_text_in_its_context() -> None:
    from pipeline.memory import FuzzyMemory

    memory = FuzzyMemory()
    memory.add_catalogue("old.po", "en", "ru", catalogue(
        Message(msgid="Ships waited for three days at the entrance.", msgstr="Суда ждали три дня."),
        Message(msgid="Ships waited for three days at the entrance!", msgstr="Другой перевод.", obsolete=True),
        Message(msgid="Port grows", msgctxt="title", msgstr="Порт растёт"),
        Message(msgid="Port grows", msgstr="Порт растёт (heading)", flags=["fuzzy"]),  # unreviewed: never offered
    ))
    match = memory.lookup("en", "ru", None, "Ships waited for four days at the entrance.")
    assert match is not None and (match.text, match.msgid, match.origin) == (
        "Суда ждали три дня.", "Ships waited for three days at the entrance.", "old.po")
    assert memory.lookup("en", "ru", None, "Port grows!") is None  # a title only matches a title
    assert memory.lookup("en", "ru", "title", "Port grows!").text == "Порт растёт"  # type: ignore[union-attr]
    assert memory.lookup("en", "az", None, "Ships waited for four days at the entrance.") is None
    assert memory.lookup("en", "ru", None, "Something else entirely.") is None


def test_a_tie_between_reviewed_translations_comes_with_the_others() -> None:
    """A renamed article's translation revised by a translator after a first rename ties
    with the older one of the first catalogue; the first seen was offered alone, so the
    reviewer never saw the revision."""
    memory = TranslationMemory()
    memory.add("en", "ru", "Ships wait.", "Суда ждут.", "a.po")
    memory.add("en", "ru", "Ships wait.", "Суда стоят в ожидании.", "b.po")
    match = memory.lookup("en", "ru", "Ships wait.")
    assert match is not None and (match.text, match.origin) == ("Суда ждут.", "a.po")
    assert match.others == (("Суда стоят в ожидании.", "b.po"),)
    memory.add("en", "ru", "Ships wait.", "Суда ждут.", "c.po")
    assert memory.lookup("en", "ru", "Ships wait.").others == ()  # type: ignore[union-attr]
