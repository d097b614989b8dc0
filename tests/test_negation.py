"""Tests for pipeline.negation: reading whether a segment negates, in each language."""

from __future__ import annotations

import pytest

from pipeline.negation import may_negate, negates, negation_slip


@pytest.mark.parametrize(("text", "lang"), [
    ("Coles did not react.", "en"), ("We won’t wait.", "en"), ("Nobody came.", "en"), ("It cannot last.", "en"),
    ("Коулз не отреагировал.", "ru"), ("Никто не пришёл.", "ru"), ("Курить нельзя.", "ru"), ("Ничего.", "ru"),
    ("Xəstələr getməməlidir.", "az"), ("O, gəlmədi.", "az"), ("Mən bilmirəm.", "az"), ("Zavod bağlanmayacaq.", "az"),
    ("O, namizəd deyil.", "az"), ("Metro yoxdur.", "az"), ("“Gözləməyəcəyik,” deyə o bildirib.", "az"),
])
def test_a_plain_negation_is_read(text: str, lang: str) -> None:
    assert negates(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("It is not only a sport but also a business.", "en"), ("It was none other than Aliyev.", "en"),
    ("He lives at No. 10.", "en"), ("It's cold, isn't it?", "en"), ("Nonetheless, it passed.", "en"),
    ("Это не только спорт, но и бизнес.", "ru"), ("Тем не менее план одобрен.", "ru"), ("Погибли не менее 10 человек.", "ru"),
    ("Небольшая группа собралась на неделе.", "ru"), ("Матч завершился ничьей, ничья устроила всех.", "ru"), ("Что бы ни случилось, матч состоится.", "ru"),
    ("Ölkəmiz almaq istəyir.", "az"), ("Dəmir yolu təmir edilib.", "az"), ("Oyun heç-heçə bitib.", "az"),
    ("Temir Junusov gəlib.", "az"), ("Buna baxmayaraq, plan təsdiqlənib.", "az"), ("Sövdələşmədir.", "az"),
    ("Yoxlamadan sonra açılıb.", "az"), ("Körpü bağlıdır, elə deyilmi?", "az"), ("Xəstələr getməlidir.", "az"),
])
def test_what_only_looks_negative_is_no_negation(text: str, lang: str) -> None:
    assert not negates(text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The talks failed.", "en"), ("Unless it rains.", "en"), ("Only three remained.", "en"),
    ("Вход бесплатный.", "ru"), ("Остались лишь трое.", "ru"), ("Он отказался.", "ru"),
    ("Giriş pulsuzdur.", "az"), ("Yalnız üç nəfər.", "az"), ("Yollar keçilməz idi.", "az"),
])
def test_a_word_that_may_render_a_negation_is_read(text: str, lang: str) -> None:
    assert may_negate(text, lang)


def test_only_a_negation_facing_none_in_any_form_is_a_slip() -> None:
    assert negation_slip("He did not come.", "Он пришёл.", "en", "ru") == "dropped"
    assert negation_slip("He came.", "Он не пришёл.", "en", "ru") == "added"
    assert negation_slip("The talks failed to produce a deal.", "Переговоры не привели к соглашению.", "en", "ru") is None
    assert negation_slip("He did not come.", "Il n'est pas venu.", "en", "fr") is None
    assert negation_slip("He did not come.", "He came.", "en", "ru") is None  # not in the target's script


def test_a_negation_left_in_the_source_language_is_no_negation_dropped() -> None:
    """Regression: an English sentence left in an Azerbaijani catalogue (the benchmark's
    placeholder translations, or a sentence not yet translated) was a negation dropped, as
    English 'not' is no Azerbaijani word; it still negates."""
    source = "The port did not open on Monday."
    assert negation_slip(source, "⟨az⟩ " + source, "en", "az") is None
    assert negation_slip(source, "Liman bazar ertəsi açılıb.", "en", "az") == "dropped"
