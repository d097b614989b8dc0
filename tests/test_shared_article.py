"""The reference article in ../shared/articles: its quotations, speakers and glossary.

The article is read at run time only (its text is not part of the project); the test is
skipped when the shared folder is not there. Paragraphs are split simply (front matter
stripped, blank-line separated, heading markers removed): enough for quotation analysis.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline.annotate import annotate_segments, unknown_speakers
from pipeline.checks import check_catalogues, check_entry, segment_speakers
from pipeline.glossary import Glossary, load_glossary
from pipeline.model import Catalogue, Message
from pipeline.quotemarks import localise_quotes
from pipeline.quotes import QuoteKind, Quotation, analyse_article

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "articles"
ARTICLE = SHARED / "aliyev-authoritarian-leaders.md"
GLOSSARY = SHARED / "aliyev-authoritarian-leaders.glossary.csv"
NAME_CHECKS = ("speaker", "glossary")


@pytest.fixture(scope="module")
def segments() -> list[str]:
    if not ARTICLE.exists():
        pytest.skip("shared reference article not available")
    text = ARTICLE.read_text(encoding="utf-8")
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return [re.sub(r"^#+\s+", "", block.strip())
            for block in re.split(r"\n\s*\n", body) if block.strip()]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    if not GLOSSARY.exists():
        pytest.skip("shared reference glossary not available")
    return load_glossary(GLOSSARY, languages=["en", "az", "ru"])


@pytest.fixture(scope="module")
def quotations(segments: list[str]) -> list[Quotation]:
    return analyse_article(segments, "en")


def test_every_direct_quotation_has_the_right_speaker(quotations: list[Quotation]) -> None:
    speakers = Counter(q.speaker for q in quotations if q.kind is QuoteKind.SPEECH and q.speaker)
    assert speakers == Counter({"Hikmet Babaoglu": 1, "Azer Gasimli": 1, "Natig Jafarli": 3,
                                "The Guardian": 1})


def test_surnames_in_attributions_resolve_to_full_names(quotations: list[Quotation]) -> None:
    written = {(q.attribution.text, q.speaker) for q in quotations if q.attribution}
    assert written == {("Babaoglu", "Hikmet Babaoglu"), ("Gasimli", "Azer Gasimli"),
                       ("Jafarli", "Natig Jafarli"), ("The Guardian", "The Guardian")}


@pytest.mark.parametrize("phrase", ["rogue states", "friendship", "not free", "caviar diplomacy",
                                    "Solidarity Ring", "major commitments"])
def test_scare_quotes_and_titles_are_not_speech(quotations: list[Quotation], phrase: str) -> None:
    (quotation,) = [q for q in quotations if q.text.rstrip(".,") == phrase]
    assert quotation.kind in (QuoteKind.SCARE, QuoteKind.TITLE)
    assert quotation.speaker is None


def test_apostrophes_are_not_quotations(quotations: list[Quotation]) -> None:
    assert all("'" not in (q.open_mark + q.close_mark) for q in quotations)
    assert all(q.open_mark == "“" and q.close_mark in ("”", "") for q in quotations)


def fake_translation(text: str, lang: str, glossary: Glossary) -> str:
    """The source with every glossary term replaced by its target form (keeping an
    English possessive) and quotation marks localised: correct as far as names go."""
    pieces, cursor = [], 0
    for match in glossary.terms_in(text, "en"):
        form = match.term.form("en") or ""
        suffix = match.text[len(form):] if match.text.startswith(form) else ""
        pieces += [text[cursor:match.start], (match.term.form(lang) or match.text) + suffix]
        cursor = match.end
    return localise_quotes("".join(pieces) + text[cursor:], "en", lang)


@pytest.mark.parametrize("lang", ["ru", "az"])
def test_no_name_check_fires_on_a_correct_translation(segments: list[str], glossary: Glossary,
                                                      lang: str) -> None:
    speakers = segment_speakers(segments, "en")
    for index, source in enumerate(segments):
        translation = fake_translation(source, lang, glossary)
        findings = check_entry(source, translation, "en", lang, glossary=glossary,
                               speakers=speakers[index])
        # The fake keeps the English prose, whose words the numbers and negation checks read
        # as the target's (English "on" is Azerbaijani ten, "not" no Russian negation): only
        # the names are translated.
        assert [f for f in findings if f.check not in ("untranslated", "numbers", "negation")] == [], source[:60]


def test_a_misspelt_speaker_is_caught(segments: list[str], glossary: Glossary) -> None:
    speakers = segment_speakers(segments, "en")
    index = next(i for i, s in enumerate(segments) if "explained Jafarli" in s)
    translation = fake_translation(segments[index], "ru", glossary).replace("Джафарли", "Джафарлы")
    findings = check_entry(segments[index], translation, "en", "ru", glossary=glossary,
                           speakers=speakers[index])
    assert [f.check for f in findings if f.check in NAME_CHECKS] == ["speaker", "glossary"]
    assert "'Джафарлы'" in findings[0].message and "Natig Jafarli" in findings[1].message


def test_catalogue_check_on_the_whole_article(segments: list[str], glossary: Glossary) -> None:
    messages = [Message(msgid=s, msgstr=fake_translation(s, "ru", glossary), lineno=10 + 4 * i)
                for i, s in enumerate(segments)]
    findings = check_catalogues([("locale/ru/aliyev.po", "en", "ru",
                                  Catalogue(messages=messages))], glossary)
    assert {f.check for f in findings} <= {"untranslated", "negation"}  # (English prose kept: see above)


def test_annotations_and_unknown_speakers(segments: list[str], glossary: Glossary) -> None:
    notes = [line for lines in annotate_segments(segments, "en", glossary) for line in lines]
    assert notes.count("Quotation — speaker: Natig Jafarli") == 2  # one segment has two
    assert "Scare quotes: “rogue states”" in notes
    assert "Glossary: Natig Jafarli → az: Natiq Cəfərli; ru: Натиг Джафарли" in notes
    assert [s.name for s in unknown_speakers([("aliyev", "en", segments)], glossary)] == [
        "The Guardian"]
