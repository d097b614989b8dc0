"""The MT output gate: each failure mode real MT shows is rejected with a reason."""

from __future__ import annotations

import pytest

from pipeline.sanity import check_output


@pytest.mark.parametrize(
    ("source", "output", "src", "tgt"),
    [
        ("The council met on Monday.", "Совет собрался в понедельник.", "en", "ru"),
        ("Совет собрался в понедельник.", "Şura bazar ertəsi toplandı.", "ru", "az"),
        ("Şura bazar ertəsi toplandı.", "The council met on Monday.", "az", "en"),
        ("NATO", "NATO", "en", "ru"),
        ("Call 555 now, ⟦1⟧please⟦2⟧.", "Звоните 555, ⟦1⟧пожалуйста⟦2⟧.", "en", "ru"),
        ("The the the the end is near", "Конец конец конец конец близок", "en", "ru"),
        ("Visit https://x.org today.", "Посетите https://x.org сегодня.", "en", "ru"),
        ("---", "", "en", "ru"),
    ],
)
def test_good_output_passes(source: str, output: str, src: str, tgt: str) -> None:
    assert check_output(source, output, src, tgt) == []


@pytest.mark.parametrize(
    ("source", "output", "tgt", "category"),
    [
        ("The city council met.", "", "ru", "empty"),
        ("The city council met.", "Город город город город совет.", "ru", "repetition"),
        ("The city council met.", "Совет города совет города совет города совет города.", "ru", "repetition"),
        ("The city council met.", "Совет ППППППППППППП.", "ru", "repetition"),
        ("Council met.", "Совет собрался " + "и обсудил бюджет " * 4 + "долго.", "ru", "length"),
        ("The city council met on Monday to discuss the budget for next year.", "Совет.", "ru", "length"),
        ("The city council met on Monday.", "The city council met on Monday.", "ru", "untranslated"),
        ("The city council met.", "Der Stadtrat traf sich.", "ru", "script"),
        ("Городской совет собрался.", "Городской совет собрался сегодня.", "en", "script"),
        ("Городской совет собрался в понедельник, чтобы обсудить бюджет.",
         "City совет собрался в понедельник, чтобы обсудить бюджет.", "az", "script"),
        ("The council met.", "Совет собрался. Allowed HTML tags: <a> <em>", "ru", "hallucination"),
        ("The council met.", "Совет собрался. Субтитры сделаны сообществом", "ru", "hallucination"),
        ("The council met.", "Совет собрался в 2019 году.", "ru", "numbers"),
    ],
)
def test_bad_output_is_rejected(source: str, output: str, tgt: str, category: str) -> None:
    reasons = check_output(source, output, "en" if tgt != "en" else "ru", tgt)
    assert reasons, output
    assert any(reason.startswith(category + ":") for reason in reasons), reasons


def test_azerbaijani_letters_count_as_latin_script() -> None:
    assert check_output("Совет собрался.", "Şura toplaşdı.", "ru", "az") == []
