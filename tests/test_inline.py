"""Tests for :mod:`pipeline.inline`: the non-prose regions of a segment."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

import pytest

from pipeline.inline import RegionKind, blank_out, kept_elements, link_targets, math_spans, protected_regions, urls


def test_regions_of_a_paragraph_of_thousands_of_links_and_tags() -> None:
    """Every region found at scale, none overlapping (each pass used to compare its every
    match with every region found before it: 3,000 links made one sync take 30 s)."""
    text = " ".join(f"see [item {i}](https://example.com/{i}) <b>x{i}</b> `c{i}` www.site{i}.az"
                    for i in range(3000))
    regions = protected_regions(text)
    kinds = Counter(region.kind for region in regions)
    assert kinds == {RegionKind.LINK_TARGET: 3000, RegionKind.HTML: 6000, RegionKind.CODE: 3000,
                     RegionKind.URL: 3000}
    assert all(a.end <= b.start for a, b in zip(regions, regions[1:]))
    assert "example.com" not in blank_out(text) and "item 2999" in blank_out(text)


def test_a_url_inside_code_or_a_link_target_is_not_a_second_region() -> None:
    text = "`https://a.example/x` and [b](https://b.example/y) and https://c.example/z."
    regions = protected_regions(text)
    assert [(r.kind, r.text(text)) for r in regions] == [
        (RegionKind.CODE, "`https://a.example/x`"),
        (RegionKind.LINK_TARGET, "(https://b.example/y)"),
        (RegionKind.URL, "https://c.example/z"),
    ]


def test_math_is_never_read_inside_code_spans() -> None:
    """Regression: two shell snippets in one paragraph (`a=$x` and `b=$y`) were read as TeX
    math from the first code span's ``$`` to the second's, so the code check reported math
    changed on a correct translation; a ``$`` in a code span is code, as CommonMark reads it."""
    from pipeline.inline import math_spans
    for text in ("Set `a=$x` and `b=$y` in the shell.", "Use `$(date)` and `$(pwd)` here.",
                 "Run `echo $x` then $y$ holds."):
        spans = [text[r.start:r.end] for r in math_spans(text)]
        assert spans == (["$y$"] if "$y$" in text else []), text
    assert [r.start for r in math_spans("$x$ and `$y`")] == [0]
    assert [("$a `b` c$"[r.start:r.end]) for r in math_spans("$a `b` c$")] == ["$a `b` c$"]


def test_dollar_signs_of_prose_are_no_math() -> None:
    """Regression: a cashtag or price and a later currency sign in one paragraph (``$AAPL rose
    to 190$ today``, ``$TSLA rose; the A$ fell``, ``$5 and A$ 7``) were read as TeX math, so the
    words between were never translated, and a ``$`` in a link's text and one in its target
    made the link's ``](`` math. Math with words in commands or braces, and capital variables,
    is still math."""
    from pipeline.inline import math_spans
    for text in ("$AAPL rose to 190$ today", "$TSLA rose; the A$ fell", "$MSFT gained while A$ fell.",
                 "From US$5 to A$ 7 billion.", "От $5 до США$ 7 млрд.", "[$AAPL](https://x.org/?q=$a) rose $5", "Buy $AAPL, sell $MSFT.",
                 "$5–$10, US$ 5, $ 5, 5$ and `$x` and [$5](https://x.org/$5)"):
        assert math_spans(text) == [], text
    for text, math in (("$x = A$ and $AB \\parallel CD$", ["$x = A$", "$AB \\parallel CD$"]),
                       ("So $\\text{per capita income} = y$, $n \\log n$ holds.",
                        ["$\\text{per capita income} = y$", "$n \\log n$"]),
                       ("$AAPL rose while $x^2$ grew", ["$x^2$"]), ("$$E = mc^2 and so on$$", ["$$E = mc^2 and so on$$"])):
        assert [text[r.start:r.end] for r in math_spans(text)] == math, text


def test_bare_domains_with_a_path_are_urls_and_hashtags_no_prose() -> None:
    """Regression: pic.twitter.com/abc and t.me/channel were prose (machine-translated, their
    letters read as words); a block of hashtags was an entry."""
    from pipeline.inline import blank_keys, urls
    text = "See pic.twitter.com/abc, t.me/channel and example.az/news/1. Not Node.js/Deno, a.m./p.m. or 24/7."
    assert urls(text) == ["pic.twitter.com/abc", "t.me/channel", "example.az/news/1"]
    assert urls("desk@example.az/x and https://x.az/news") == ["https://x.az/news"]
    assert blank_keys("#Baku2026 #COP29").strip() == ""
    assert blank_keys("C# &#39; #12 {#id}") == "C# &#39; #12 {#id}"


def test_a_kramdown_span_attribute_list_is_protected() -> None:
    """Regression: Jekyll articles open links in a new tab with kramdown's span attribute
    list, '[Read more](url){:target="_blank"}'; its quotes were read as a scare quote, and the
    quotation marks of a Russian machine translation made it '{:target=«_blank»}', which
    kramdown no longer reads, so the published page showed it as text. It is now a
    protected region, as it already was for machine translation."""
    from pipeline.quotemarks import localise_quotes, scan_quotes
    text = 'Читайте [интервью](https://example.org/a){:target="_blank"} и *новое*{: .highlight}.'
    assert [(r.kind, text[r.start:r.end]) for r in protected_regions(text)][-2:] == [
        (RegionKind.ATTRIBUTES, '{:target="_blank"}'), (RegionKind.ATTRIBUTES, "{: .highlight}")]
    assert localise_quotes(text, "en", "ru") == text
    assert not scan_quotes('[Read more](a.html){:target="_blank" rel="noopener"}', "en").spans
    assert localise_quotes('He said "yes" {: .lead}', "en", "ru") == "He said «yes» {: .lead}"


@pytest.mark.parametrize("text, kept", [
    ('A <span translate="no">Bakı Limanı <b translate="yes">port</b> LLC</span> grows.',
     ['<span translate="no">Bakı Limanı <b translate="yes">', '</b> LLC</span>']),
    ('<span class="notranslate">X <i translate="yes">a <code translate="no">f()</code> b</i> Y</span>',
     ['<span class="notranslate">X <i translate="yes">', '<code translate="no">f()</code>', '</i> Y</span>']),
    ('<span translate="no">A <b translate="YES">b</b> c <b translate="yes">d</b></span>',
     ['<span translate="no">A <b translate="YES">', '</b> c <b translate="yes">', '</b></span>']),
    ('<span translate="no">A <b>b</b></span>', ['<span translate="no">A <b>b</b></span>']),
])
def test_translate_yes_inside_a_kept_element_is_text_again(text: str, kept: list[str]) -> None:
    """Regression: the HTML standard's ``translate="yes"`` inside an inline element kept as
    written (``translate="no"``, ``class="notranslate"``) makes its content translatable
    again, but the whole outer element was kept, so that text was never translated."""
    assert [region.text(text) for region in kept_elements(text, "en")] == kept


def test_pandoc_span_attributes_are_protected() -> None:
    text = 'Read [this]{.mark lang=az} and ![Map](m.png){width="50%"} {2024} {city}.'
    assert [text[r.start:r.end] for r in protected_regions(text) if r.kind is RegionKind.ATTRIBUTES] == [
        "{.mark lang=az}", '{width="50%"}']


def test_mathjax_delimiters_are_math_and_escaped_brackets_of_prose_are_not() -> None:
    """Regression: MathJax's ``\\(a+b\\)`` and ``\\[ E = mc^2 \\]`` (Hugo's passthrough; two
    backslashes where Markdown reads its escapes first) were text, sent to MT, and a display
    block was an entry; a MyST label after ``$$`` (``$$ (volume)``) made the block an entry."""
    from pipeline.inline import math_spans
    text = "See \\(a+b\\), \\\\(\\alpha\\\\), \\(x\\) and \\[ E = mc^2 \\] and $$V$$ (volume)"
    assert [r.text(text) for r in math_spans(text)] == [
        "\\(a+b\\)", "\\\\(\\alpha\\\\)", "\\(x\\)", "\\[ E = mc^2 \\]", "$$V$$ (volume)"]
    for prose in ("The editor wrote \\[sic\\] and \\[1\\] and \\(sic\\).", "\\[Photo: Reuters\\]",
                  "\\[Update: the ministry replied = yes\\]", "\\[Update + correction\\]"):
        assert math_spans(prose) == [], prose
    assert [r.text("$$x$$ (above) it") for r in math_spans("$$x$$ (above) it")] == ["$$x$$"]


def test_an_editors_escaped_letter_label_is_no_display_math() -> None:
    """``\\[a\\]`` is an editor's bracketed label; ``\\(x\\)`` is a variable."""
    from pipeline.inline import math_spans
    assert math_spans("Note \\[a\\] here.") == []
    assert [r.text("Let \\(x\\) be.") for r in math_spans("Let \\(x\\) be.")] == ["\\(x\\)"]


def test_a_key_combination_is_code_for_the_checks_and_the_quotation_marks() -> None:
    """Regression: ``++ctrl+"Page Down"++`` kept its key names from MT, but the house-style
    quotation marks then rewrote the quoted key's marks (``++ctrl+«Page Down»++``), naming no
    key. A key combination is a protected region; ``C++ and C++`` is prose."""
    from pipeline.quotemarks import localise_quotes
    text = 'Press ++ctrl+"Page Down"++ and say "yes".'
    start = text.index("++")
    assert [(r.start, r.end, r.kind) for r in protected_regions(text)] == [
        (start, text.index("++ and") + 2, RegionKind.CODE)]
    assert localise_quotes(text, "en", "ru") == 'Press ++ctrl+"Page Down"++ and say «yes».'
    assert protected_regions("C++ and C++ are languages.") == []


def test_a_wikilinks_target_is_a_region_and_its_label_prose() -> None:
    """Obsidian's wikilinks name pages, headings and files: their targets are no prose for the
    checks (and the ``urls`` check compares them), their labels are."""
    text = "See [[Baku Port]] and [[Alat Free Zone|the zone]], ![[map.png]] %%hidden note%%."
    assert blank_out(text).split() == ["See", "and", "the", "zone", ",", "."]
    assert urls(text) == ["Baku Port", "Alat Free Zone", "map.png"]
    assert {r.kind for r in protected_regions(text)} == {RegionKind.WIKILINK, RegionKind.COMMENT}
    # Brackets around a link's text, or escaped ones, are no wikilink.
    assert urls("[[1]](https://x.org) and \\[[x]]") == ["https://x.org"]
    # In a table cell Obsidian writes the bar escaped.
    assert urls("[[Baku Port\\|the port]]") == ["Baku Port"]


def test_a_dollar_inside_a_link_target_opens_or_closes_no_math() -> None:
    """Regression (found by the round-trip property): a ``$`` in an image's title or a link's
    query paired with one outside it (``![c](c.png "$48") and [$AAPL](…)``), so the
    placeholders took the destination for math and machine translation got the picture's
    file name as text (``и.пнг``). Markdown reads the link first."""
    for text in ['![Chart](c.png "$48") and [$AAPL](https://x.org/?q=$a)',
                 "[quote](https://x.org/?q=$a) rose to 5$ today"]:
        assert math_spans(text) == []
        assert urls(blank_out(text, math_spans(text))) == urls(text)
    assert [r.text("Area $x^2$ and [l](u.html)") for r in math_spans("Area $x^2$ and [l](u.html)")] == ["$x^2$"]


def test_a_line_of_unclosed_link_openers_is_scanned_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: each unclosed ``](`` scanned to the end of the text for its closing
    parenthesis, so 4,000 of them (a damaged article) took 116 s; the scan now gives up
    where markdown-it does, past 32 nested parentheses."""
    import pipeline.inline as inline

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern, self.events = pattern, 0

        def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
            for match in self.pattern.finditer(text, pos):
                self.events += 1
                yield match

    counting = Counting(inline._PAREN_EVENT)
    monkeypatch.setattr(inline, "_PAREN_EVENT", counting)
    assert link_targets("[a](" * 4000) == []
    assert counting.events < 40 * 4000


@pytest.mark.parametrize("depth", [31, 32, 33])
def test_nested_parentheses_in_a_link_target_end_where_markdown_it_ends_them(depth: int) -> None:
    from markdown_it import MarkdownIt

    text = "[x](" + "(" * depth + "a" + ")" * depth + ")"
    is_link = MarkdownIt("commonmark").parseInline(text)[0].children[0].type == "link_open"
    assert bool(link_targets(text)) is is_link
