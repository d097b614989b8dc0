"""Quotation marks: pairing, apostrophes, CLDR delimiters, localisation, comparison keys."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.quotemarks import (QUOTE_CHARS, Delimiters, delimiters, find_marks, localise_quotes,
                                 normalise_quotes, quotes_postprocessor, read_cldr_delimiters,
                                 scan_quotes)


def inner_texts(text: str, lang: str | None = None) -> list[tuple[str, int]]:
    return [(span.inner(text), span.depth) for span in scan_quotes(text, lang).spans]


@pytest.mark.parametrize("text", [
    "Baku's mayor won't say it.",
    "Sean O'Brien's report on rock 'n' roll in the ’90s.",
    "Ali'nin və Bakı’da yaşayan Cəfərli'nin fikri.",
    "The students’ union and the members' fees.",
    "It was 5' wide, said the '24 report.",
    "Y'all can't go 'cause it's late.",
    "Rock in the ‘90s and the class of ‘25.",
])
def test_apostrophes_are_not_quotation_marks(text: str) -> None:
    scan = scan_quotes(text)
    assert scan.spans == () and scan.unclosed == ()


def test_nested_english_quotes_keep_their_apostrophes() -> None:
    text = "“She told me ‘Baku’s mayor won’t resign,’ and left,” he said."
    assert inner_texts(text) == [
        ("She told me ‘Baku’s mayor won’t resign,’ and left,", 0),
        ("Baku’s mayor won’t resign,", 1),
    ]


def test_inner_quotation_that_starts_with_a_figure() -> None:
    """Azerbaijani word order often puts a date first: “Bizə ‘25 may…’ dedilər”. A left
    single mark before a figure opens a quotation unless it reads as a decade or year."""
    text = "“Bizə ‘25 may 2024-cü ilədək gözləyin’ dedilər”, – deyə o bildirib."
    assert inner_texts(text, "az") == [
        ("Bizə ‘25 may 2024-cü ilədək gözləyin’ dedilər", 0),
        ("25 may 2024-cü ilədək gözləyin", 1),
    ]
    assert inner_texts("“He said ‘2024 will be hard’ twice,” she said.", "en")[1] == (
        "2024 will be hard", 1)


def test_russian_guillemets_with_low_high_quotes_inside() -> None:
    text = "«Он ответил: „нет“ и ушёл», — сказала она."
    assert inner_texts(text, "ru") == [("Он ответил: „нет“ и ушёл", 0), ("нет", 1)]


def test_plural_possessive_inside_single_quotes() -> None:
    text = "He said ‘the teachers’ strike is over’ today."
    assert inner_texts(text) == [("the teachers’ strike is over", 0)]


def test_ascii_quotes_and_marks_in_code_links_and_tags_are_ignored() -> None:
    text = ('Run `echo "hi"` and see [the "docs"](https://x.org/a "Title") '
            'or <span title="t">x</span> at https://x.org/a\'b — "done".')
    assert inner_texts(text) == [("docs", 0), ("done", 0)]


def test_an_opener_left_open_is_reported_for_continued_paragraphs() -> None:
    scan = scan_quotes("“The first paragraph of a long statement ‘with’ a quote.")
    assert [m.char for m in scan.unclosed] == ["“"]
    assert scan.spans[0].depth == 0 and scan.depth_of(scan.spans[0].start + 1) == 2


def test_english_convention_does_not_close_with_left_double_quote() -> None:
    text = "„Ja“ und “yes” here"
    assert inner_texts(text, "en") == [("Ja", 0), ("yes", 0)]
    machine = "He said “hello“ twice."
    assert inner_texts(machine, "en") == [("hello", 0)]


def test_cldr_delimiters_for_our_languages() -> None:
    assert delimiters("en") == Delimiters("“", "”", "‘", "’")
    assert delimiters("ru") == Delimiters("«", "»", "„", "“")
    assert delimiters("az") == Delimiters("“", "”", "‘", "’")
    assert delimiters("az-Latn-AZ") == delimiters("az")
    assert delimiters("en_GB") == delimiters("en")
    assert delimiters("xx") == delimiters("root")


def test_shipped_table_says_where_it_comes_from() -> None:
    data = json.loads(resources.files("pipeline").joinpath("data", "quotation_delimiters.json")
                      .read_text(encoding="utf-8"))
    assert data["cldr_version"] == "41"
    assert "common/main/<locale>.xml" in data["source"]
    assert {"en", "ru", "az", "root"} <= set(data["locales"])


def test_read_cldr_delimiters_from_a_locale_file(tmp_path) -> None:
    path = tmp_path / "xx.xml"
    path.write_text(
        "<ldml><identity/><delimiters><quotationStart>«</quotationStart>"
        "<quotationEnd>»</quotationEnd><alternateQuotationStart>‹</alternateQuotationStart>"
        "<alternateQuotationEnd>›</alternateQuotationEnd></delimiters></ldml>",
        encoding="utf-8")
    assert read_cldr_delimiters(path) == Delimiters("«", "»", "‹", "›")
    (tmp_path / "yy.xml").write_text("<ldml><identity/></ldml>", encoding="utf-8")
    assert read_cldr_delimiters(tmp_path / "yy.xml") is None


@pytest.mark.parametrize(("text", "source", "target", "expected"), [
    ("“A ‘b’ won’t c,” he said.", "en", "ru", "«A „b“ won’t c,» he said."),
    ("«Он сказал: „нет“», — отметила она.", "ru", "en", "“Он сказал: ‘нет’”, — отметила она."),
    ("«Мы не уйдём», — сказал он.", "ru", "az", "“Мы не уйдём”, — сказал он."),
    ('"Мы не уйдём", - сказал он.', "en", "ru", "«Мы не уйдём», - сказал он."),
    ("“Первый абзац цитаты.", "en", "ru", "«Первый абзац цитаты."),
    ('См. `"код"` и [ссылку](https://x.org "T"): "да".', "en", "ru",
     'См. `"код"` и [ссылку](https://x.org "T"): «да».'),
    ("Cəfərli'nin “dostluq” sözü", "az", "ru", "Cəfərli'nin «dostluq» sözü"),
    # Regression: the quotes of a shortcode's arguments became «», which Hugo cannot parse.
    ('{{< figure src="a.jpg" >}} "да" {% include b.html x="y" %}', "en", "ru",
     '{{< figure src="a.jpg" >}} «да» {% include b.html x="y" %}'),
])
def test_localise_quotes(text: str, source: str, target: str, expected: str) -> None:
    assert localise_quotes(text, source, target) == expected


def test_localise_quotes_with_a_house_style() -> None:
    style = Delimiters("«", "»", "“", "”")
    assert localise_quotes("“Bu ‘belə’ deyil”", "en", "az", marks=style) == "«Bu “belə” deyil»"


@pytest.mark.parametrize("variant", [
    "He said: «Baku’s  time has come».",
    'He said: "Baku\'s time has come".',
    "He said:\u00a0“Baku’s time has come”.",
    # Regression: character references, as CMS exports write quotation marks, gave another
    # key, so the translation memory never offered the reviewed translation of the same text.
    "He said: &ldquo;Baku&rsquo;s time has come&rdquo;.",
    "He said:&nbsp;&#8220;Baku&#x2019;s time has come&#8221;.",
])
def test_normalise_quotes_gives_one_key(variant: str) -> None:
    assert normalise_quotes(variant) == "He said: \"Baku's time has come\"."


def test_normalise_quotes_maps_nested_singles_to_the_canonical_mark() -> None:
    assert normalise_quotes("“a ‘b’ c”") == normalise_quotes("«a „b“ c»") == '"a "b" c"'


def test_quotes_postprocessor_localises_and_reports_only_when_strict() -> None:
    loose = quotes_postprocessor()
    assert loose("“Yes,” he said.", '"Да", - сказал он.', "en", "ru") == ("«Да», - сказал он.", [])
    assert loose("“Yes,” he said.", "Да, - сказал он.", "en", "ru") == ("Да, - сказал он.", [])
    strict = quotes_postprocessor(strict=True)
    fixed, problems = strict("“Yes,” he said.", "Да, - сказал он.", "en", "ru")
    assert problems and problems[0].startswith("quotes:")


def test_quotes_postprocessor_writes_quotation_marks_kept_as_references_in_the_targets_style() -> None:
    """Regression: machine translation keeps a WordPress export's ``&ldquo;…&rdquo;`` or
    ``&#171;…&#187;`` as written, so a Russian version showed English quotation marks and
    the quote-marks check warned on every such entry. The marks are now written as the
    target writes them; other references, code and tags stay as written."""
    loose = quotes_postprocessor()
    assert loose("He said &ldquo;yes&rdquo;.", "Он сказал &ldquo;да&rdquo;.", "en", "ru") == ("Он сказал «да».", [])
    assert loose("&#171;Bəli&#187; dedi.", "&#171;Yes&#187; he said&nbsp;&mdash; then `&ldquo;`.", "az", "en") \
        == ("“Yes” he said&nbsp;&mdash; then `&ldquo;`.", [])
    assert loose("<a title=\"&quot;x&quot;\">a</a>", "<a title=\"&quot;x&quot;\">a</a>", "en", "ru") \
        == ("<a title=\"&quot;x&quot;\">a</a>", [])


_TEXT = st.text(alphabet=st.sampled_from(list("ab s'’\"“”«»„‘.,`")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_localisation_changes_only_quotation_marks(text: str) -> None:
    result = localise_quotes(text, "en", "ru")
    assert len(result) == len(text)
    for before, after in zip(text, result):
        assert before == after or (before in QUOTE_CHARS and after in QUOTE_CHARS)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab s'’\"“”«»„‘.,\u00a0")), max_size=40))
def test_normalised_keys_have_one_double_mark_and_single_spaces(text: str) -> None:
    key = normalise_quotes(text)
    assert not set(key) & (QUOTE_CHARS - {'"', "'"})
    assert "  " not in key and key == key.strip()


def test_upper_case_www_urls_are_protected_and_results_are_fresh_lists() -> None:
    from pipeline.inline import protected_regions
    text = "See WWW.Example.com or Www.x.org, not wwwx."
    regions = protected_regions(text)
    assert [r.text(text) for r in regions] == ["WWW.Example.com", "Www.x.org"]
    regions.clear()
    assert len(protected_regions(text)) == 2


def test_normalise_quotes_is_stable_across_calls() -> None:
    text = "“Hi,” she said, ‘ok’ `“x”`"
    assert normalise_quotes(text) == normalise_quotes(text) == '"Hi," she said, "ok" `“x”`'


def test_quotation_marks_inside_an_html_comment_are_left_alone() -> None:
    """Readers never see a comment, so its quotation marks are not localised (and its words
    are not prose for the checks)."""
    from pipeline.inline import blank_out

    text = 'He said "yes" <!-- editor: "verify" --> today.'
    assert localise_quotes(text, "en", "ru") == 'He said «yes» <!-- editor: "verify" --> today.'
    assert "verify" not in blank_out(text)


@pytest.mark.parametrize("text, expected", [
    ("［‘We are ready,’ said X.］", "［«We are ready,» said X.］"),
    ("［'Straight singles,' said X.］", "［«Straight singles,» said X.］"),
    ("（‘quoted’）", "（«quoted»）"),
])
def test_single_quotes_next_to_any_bracket_are_quotation_marks(text: str, expected: str) -> None:
    # Only ASCII brackets counted as opening context: a single mark after the pseudo
    # engine's ［ (or a full-width bracket) was an apostrophe, so the quotation was left in
    # English marks and quote-count said it was lost.
    assert localise_quotes(text, "en", "ru") == expected


@pytest.mark.parametrize("text, inner", [
    ("“Bu taxıl üçün ‘mükəmməl fırtına’dır”, – deyə Şahla Kərimova qeyd edib.", "mükəmməl fırtına"),
    ("“‘Azərsu’nun rəhbəri gəlib”.", "Azərsu"),
    ("“Bu ‘Gəncə'nin oxucuları’ kitabıdır”, – o deyib.", "Gəncə'nin oxucuları"),
])
def test_azerbaijani_inner_quotation_closed_before_a_case_suffix(text: str, inner: str) -> None:
    # The ’ of ’dır has letters on both sides and read as an apostrophe: the inner
    # quotation was lost, and quote-count called a correct translation one quotation short.
    scan = scan_quotes(text, "az")
    assert [span.inner(text) for span in scan.spans if span.depth == 1] == [inner]


@pytest.mark.parametrize("text, inner, english", [
    ("«Hər cümlədə „Dədə Qorqud“un səsi var, onu itirmək olmazdı», — o bildirib.",
     "Dədə Qorqud",
     "“Hər cümlədə ‘Dədə Qorqud’un səsi var, onu itirmək olmazdı”, — o bildirib."),
    ("«„Neftçi“nin oyunu zəif idi», — deyə məşqçi bildirib.", "Neftçi",
     "“‘Neftçi’nin oyunu zəif idi”, — deyə məşqçi bildirib."),
    ("„Azərsu“nun rəhbəri gəlib.", "Azərsu", "“Azərsu”nun rəhbəri gəlib."),
])
def test_a_low_high_inner_quotation_closed_before_a_case_suffix(text: str, inner: str,
                                                                 english: str) -> None:
    # An Azerbaijani house style of «…„…“…» writes a case suffix straight after the closing
    # “ („Dədə Qorqud“un): with letters on both sides the “ could only open, so the inner
    # quotation was never closed, the check counted one quotation too few, and machine
    # translation turned that “ into an opening mark of the target («Dədə Qorqud«un).
    scan = scan_quotes(text, "az")
    assert [span.inner(text) for span in scan.spans if span.open_mark == "„"] == [inner]
    assert not scan.unclosed
    assert localise_quotes(text, "az", "en") == english


def test_quotation_marks_in_a_wikilinks_page_stay_as_written() -> None:
    """A heading's name in a wikilink (``[[Page#The "big" plan]]``) is an address."""
    text = 'He said "yes" about [[Page#The "big" plan|the plan]] and [[The "Zerkalo" case]].'
    assert localise_quotes(text, "en", "ru") == ('He said «yes» about [[Page#The "big" plan|the plan]]'
                                                 ' and [[The "Zerkalo" case]].')


def test_a_run_of_marks_is_read_once_for_all_its_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: each mark of a run (the closers of 1,500 nested quotations) looked for
    the characters beyond the run on its own, 12 s for one paragraph; the run's neighbours
    are now found once."""
    import pipeline.quotemarks as quotemarks

    runs: list[int] = []
    real = quotemarks._run_around
    monkeypatch.setattr(quotemarks, "_run_around", lambda text, index: (runs.append(index), real(text, index))[1])
    marks = find_marks("“a " * 1500 + "end" + "”" * 1500)
    assert len(marks) == 3000 and len(runs) == 1501
