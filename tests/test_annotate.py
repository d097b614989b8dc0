"""Translator notes (``#.`` lines) and the list of speakers without a glossary row."""

from __future__ import annotations

import io

from pipeline.annotate import UnknownSpeaker, annotate_segments, segment_annotator, unknown_speakers
from pipeline.glossary import read_glossary
from pipeline.model import BlockKind, Piece, Segment

GLOSSARY = read_glossary(io.StringIO(
    "en,az,ru,kind\n"
    "Rashad Karimov,Rəşad Kərimov,Рашад Керимов,person\n"
    "Karimov,Kərimov,Керимов,person\n"
    "Meydan TV,Meydan TV,Meydan TV,organization\n"
    "Green Corridor,Yaşıl Dəhliz,Зелёный коридор,title\n"), "glossary.csv")

ARTICLE = [
    "Economist Rashad Karimov spoke to Meydan TV about the “rogue states” label.",
    "“The first part of a long statement.",
    "“The second part,” he said.",
    "They signed the “Green Corridor,” a gas deal. “It is late,” Karimov said.",
    "“Nobody knows,” said Tural Ismayilzade.",
]


def test_notes_for_quotations_and_glossary_terms() -> None:
    notes = annotate_segments(ARTICLE, "en", GLOSSARY)
    assert notes == [
        ["Scare quotes: “rogue states”",
         "Glossary: Rashad Karimov → az: Rəşad Kərimov; ru: Рашад Керимов",
         "Glossary: Meydan TV (keep as is)"],
        ["Quotation (goes on in the next paragraph: open it here, do not close it) — speaker: "
         "Rashad Karimov"],
        ["Quotation (continued from the previous paragraph: repeat the opening mark) — "
         "speaker: Rashad Karimov"],
        ["Title in quotes: “Green Corridor”", "Quotation — speaker: Rashad Karimov",
         "Glossary: Green Corridor → az: Yaşıl Dəhliz; ru: Зелёный коридор",
         "Glossary: Karimov → az: Kərimov; ru: Керимов"],
        ["Quotation — speaker: Tural Ismayilzade"],
    ]


def test_notes_without_glossary_and_unresolved_speakers() -> None:
    notes = annotate_segments(["“It is late,” she said.", "“Long enough to be a full quote.”"],
                              "en")
    assert notes == [["Quotation — speaker: “she” (not resolved)"],
                     ["Quotation — speaker: not named"]]


def test_notes_are_deterministic_one_line_each() -> None:
    first = annotate_segments(ARTICLE, "en", GLOSSARY)
    assert first == annotate_segments(list(ARTICLE), "en", GLOSSARY)
    assert all("\n" not in line for lines in first for line in lines)


def test_segment_annotator_takes_segments() -> None:
    segments = [Segment(msgid=text, kind=BlockKind.PARAGRAPH, line=i, pieces=(Piece(i, 0, 1),))
                for i, text in enumerate(ARTICLE)]
    assert segment_annotator(GLOSSARY)(segments, "en") == annotate_segments(ARTICLE, "en", GLOSSARY)


def test_russian_notes() -> None:
    segments = ["Экономист Рашад Керимов выступил.", "«Это поздно», — сказал Керимов."]
    assert annotate_segments(segments, "ru", GLOSSARY)[1] == [
        "Quotation — speaker: Рашад Керимов", "Glossary: Керимов → en: Karimov; az: Kərimov"]


def test_unknown_speakers() -> None:
    articles = [
        ("world/gas", "en", ARTICLE),
        ("world/oil", "en", ["“Prices rise,” said Tural Ismayilzade. “Again,” he added.",
                             "“No,” Reuters reported."]),
    ]
    assert unknown_speakers(articles, GLOSSARY) == [
        UnknownSpeaker("Reuters", "world/oil", 1),
        UnknownSpeaker("Tural Ismayilzade", "world/gas", 1),
        UnknownSpeaker("Tural Ismayilzade", "world/oil", 2),
    ]
    assert ("Rashad Karimov", "world/gas", 2) in unknown_speakers(articles, None)


RU_GLOSSARY = read_glossary(io.StringIO(
    "ru,en,az,kind\n"
    "Наиля Алиева,Nailya Aliyeva,Nailə Əliyeva,person\n"
    "Алиев,Aliyev,Əliyev,person\n"), "glossary.csv")


def test_speaker_in_the_genitive_is_noted_in_the_nominative() -> None:
    segments = ["По словам эколога Шахлы Мамедовой, «уровень загрязнения превышен».",
                "«Мы проверим данные», — отметила Мамедова."]
    assert annotate_segments(segments, "ru") == [["Quotation — speaker: Шахла Мамедова"],
                                                 ["Quotation — speaker: Шахла Мамедова"]]
    assert unknown_speakers([("eco/river", "ru", segments)], RU_GLOSSARY) == [
        UnknownSpeaker("Шахла Мамедова", "eco/river", 2)]


def test_speaker_the_glossary_knows_is_noted_in_its_glossary_form() -> None:
    # Наили may be the genitive of Наиля or a name of its own: the glossary decides.
    notes = annotate_segments(["По словам Наили Алиевой, «это ошибка»."], "ru", RU_GLOSSARY)
    assert notes[0][0] == "Quotation — speaker: Наиля Алиева"


def test_glossary_row_of_another_gender_is_not_the_speaker() -> None:
    notes = annotate_segments(["«Это ошибка», — сказала Алиева."], "ru", RU_GLOSSARY)
    assert notes[0][0] == "Quotation — speaker: Алиева"


def test_a_title_between_two_paragraphs_of_one_quotation_does_not_end_it() -> None:
    texts = [(BlockKind.PARAGRAPH, "Rashad Karimov said: “The [plan](https://x.org \"Karimov's plan\") is long."),
             (BlockKind.LINK_TITLE, "Karimov's plan"),
             (BlockKind.PARAGRAPH, "“It will take years,” he said.")]
    segments = [Segment(msgid=text, kind=kind, line=i, pieces=(Piece(i, 0, 1),))
                for i, (kind, text) in enumerate(texts)]
    notes = segment_annotator(GLOSSARY)(segments, "en")
    assert notes[0][0].startswith("Quotation (goes on in the next paragraph")
    assert notes[1] == ["Glossary: Karimov → az: Kərimov; ru: Керимов"]
    assert notes[2][0].startswith("Quotation (continued from the previous paragraph")


def test_dialogue_paragraphs_are_noted_with_their_speaker() -> None:
    segments = ["Самир Керимов выступил в среду.", "— Мы готовы, — сказал министр Самир Керимов.",
                "— В марте, — ответил Керимов."]
    assert annotate_segments(segments, "ru") == [
        [], ["Quotation — speaker: Самир Керимов"], ["Quotation — speaker: Самир Керимов"]]


def test_a_quotation_written_with_character_references_is_noted() -> None:
    """Regression: a WordPress export's quotation marks as character references
    (``&ldquo;…&rdquo;``, ``&#171;…&#187;``) were no quotation: the translator's note named
    no speaker."""
    notes = annotate_segments(["Samir Karimov said: &ldquo;We will grow.&rdquo;"], "en")
    assert any("speaker: Samir Karimov" in line for line in notes[0]), notes
    notes = annotate_segments(["&#171;Мы будем расти&#187;, — сказал Самир Керимов."], "ru")
    assert any("speaker: Самир Керимов" in line for line in notes[0]), notes


def test_unknown_speakers_quoted_in_character_references_are_listed() -> None:
    """Regression: ``pipeline glossary`` left out a speaker whose quotation a WordPress export
    wrote in character references (``&#8220;…&#8221;``, ``&laquo;…&raquo;``)."""
    assert unknown_speakers([("a", "en", ["&#8220;We will grow,&#8221; Samir Karimov said."]),
                             ("b", "ru", ["&laquo;Мы вырастем&raquo;, &mdash; сказал Самир Керимов."])],
                            None) == [UnknownSpeaker("Samir Karimov", "a", 1), UnknownSpeaker("Самир Керимов", "b", 1)]
