"""Tests for :mod:`pipeline.lexicon`: the word lists of the attribution patterns."""

from __future__ import annotations

from pipeline.lexicon import lexicon


def test_azerbaijani_speech_verbs_in_the_plural() -> None:
    """Regression: only the singular was listed, so a joint statement (“…,” ekspertlər
    bildiriblər / Kərimov və Hüseynova qeyd ediblər ki, “…”) had no speech verb and its
    quotation was taken for scare quotes."""
    verbs = lexicon("az").verbs
    for verb in (("bildiriblər",), ("deyiblər",), ("yazıblar",), ("vurğulayıblar",),
                 ("dedilər",), ("qeyd", "ediblər"), ("bəyan", "etdilər"), ("cavab", "veriblər")):
        assert verb in verbs, verb
    from pipeline.quotes import QuoteKind, find_quotations
    (quotation,) = find_quotations("“Tariflər yüksəkdir,” ekspertlər bildiriblər.", "az")
    assert quotation.kind is QuoteKind.SPEECH


def test_sport_roles_introduce_the_speaker() -> None:
    """Regression: сказал вратарь Эмиль Балаев (a goalkeeper) had no speaker, as no sport
    role was listed and a lower-case word after the verb is passed over only as a role."""
    from pipeline.quotes import find_quotations
    for lang, text, speaker in (
            ("ru", "«Я поздно увидел мяч», — сказал вратарь Эмиль Балаев после матча.", "Эмиль Балаев"),
            ("en", "“I saw the ball late,” said goalkeeper Emil Balayev.", "Emil Balayev"),
            ("az", "“Topu gec gördüm,” deyə qapıçı Emil Balayev bildirib.", "Emil Balayev")):
        assert [q.speaker for q in find_quotations(text, lang)] == [speaker], text


def test_russian_verbs_of_complaint_and_phrasing() -> None:
    """Regression: «…», — пожаловалась жительница … and Как выразилась организатор …, «…»
    had no speech verb, so the quotations were taken for scare quotes."""
    from pipeline.quotes import QuoteKind, find_quotations
    for text, speaker in (
            ("«Шум до двух ночи», — пожаловалась жительница соседнего дома Айтен Керимова.",
             "Айтен Керимова"),
            ("Как выразилась организатор Лейла Рзаева, «билеты разошлись за час».", "Лейла Рзаева")):
        assert [(q.speaker, q.kind) for q in find_quotations(text, "ru")] == [
            (speaker, QuoteKind.SPEECH)], text
