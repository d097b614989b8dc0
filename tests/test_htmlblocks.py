"""Raw HTML blocks: readers' text and alt/title/aria-label values out, every byte of markup kept."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from pipeline.config import DEFAULT_FRONT_MATTER_KEYS
from pipeline.htmlblocks import extract, render_attribute, render_text
from pipeline.markdown import block_types, localise, read_article
from pipeline.model import BlockKind
from pipeline.placeholders import protect

NEWSROOM = """<div class="callout">
Read our earlier coverage.
</div>

<figure><img src="x.jpg" alt="Crane at dawn"><figcaption>The new crane, <em>photographed</em> on Monday.</figcaption></figure>

<aside>
  <p>Ports &amp; trade: read the <a href="/series" title="Our series on ports">whole
  series</a>.</p>
  <script>document.write("<p>Not text</p>");</script>
  <style>p::after { content: "Not text"; }</style>
  <!-- Not text either -->
  <pre>Code, not text</pre>
  <p>Run <code>make all</code> first.</p>
</aside>

<details><summary>Methodology</summary>

Closures are reported by the police.

</details>

> <iframe src="https://x.org/map" title="Map of road closures" aria-label='Road map'
> width="600"></iframe>
"""


def article(text: str):  # type: ignore[no-untyped-def]
    return read_article(text.encode("utf-8"), path="source/a.md", slug="a", default_lang="en",
                        front_matter_keys=DEFAULT_FRONT_MATTER_KEYS)


def test_readers_text_of_html_blocks_is_extracted_and_markup_is_not() -> None:
    """Regression: callouts, figures, asides and details were published untranslated."""
    assert [(s.kind.value, s.msgid, s.line) for s in article(NEWSROOM).segments] == [
        ("html text", "Read our earlier coverage.", 2),
        ("html alt text", "Crane at dawn", 5),
        ("html text", "The new crane, <em>photographed</em> on Monday.", 5),
        ("html text", 'Ports &amp; trade: read the <a href="/series" title="Our series on ports">whole '
                      "series</a>.", 8),
        ("html title", "Our series on ports", 8),
        ("html text", "Run <code>make all</code> first.", 14),
        ("html text", "Methodology", 17),
        ("paragraph", "Closures are reported by the police.", 19),
        ("html title", "Map of road closures", 23),
        ("html aria-label", "Road map", 23),
    ]


def test_translations_are_escaped_and_every_byte_of_markup_stays() -> None:
    translations = {
        "Read our earlier coverage.": "Читайте <наши> материалы & R&D &amp; ещё",
        "Crane at dawn": 'Кран "на рассвете"',
        "The new crane, <em>photographed</em> on Monday.": "Новый кран, <em>снятый</em>\n\nв понедельник.",
        "Our series on ports": "Наша серия о портах",
        "Road map": "Карта 'дорог'",
    }
    out = localise(article(NEWSROOM), lambda s: translations.get(s.msgid))
    assert "<div class=\"callout\">\nЧитайте &lt;наши&gt; материалы &amp; R&amp;D &amp; ещё\n</div>" in out
    assert ('<figure><img src="x.jpg" alt="Кран &quot;на рассвете&quot;"><figcaption>Новый кран, '
            "<em>снятый</em> в понедельник.</figcaption></figure>") in out
    # The paragraph is kept, its link's title put in.
    assert '<a href="/series" title="Наша серия о портах">whole\n  series</a>' in out
    assert "aria-label='Карта &#39;дорог&#39;'\n> width=\"600\">" in out
    assert out[out.index("  <script>"):out.index("<details>")] == NEWSROOM[NEWSROOM.index("  <script>"):
                                                                          NEWSROOM.index("<details>")]
    assert block_types(out) == block_types(NEWSROOM)
    assert [s.kind for s in article(out).segments] == [s.kind for s in article(NEWSROOM).segments]


def test_a_translated_run_gets_its_tags_attribute_translations() -> None:
    text = '<p>Read the <a href="/s" title="Ministry statement">statement</a>.</p>\n'
    tr = {'Read the <a href="/s" title="Ministry statement">statement</a>.':
          'Прочтите <a href="/s" title="Ministry statement">заявление</a>.',
          "Ministry statement": "Заявление министерства"}
    assert localise(article(text), lambda s: tr.get(s.msgid)) == (
        '<p>Прочтите <a href="/s" title="Заявление министерства">заявление</a>.</p>\n')


@pytest.mark.parametrize("block", [
    "<div>\nText with a stray <b tag\n</div>",
    '<div title="unclosed>\nText\n</div>',
    "<div>\n<p>Unclosed paragraph\n<span>and span\n</div>",
    "<div>\nA <3 B & C</div>",
    "<p>Text</p></p></div>\n<![CDATA[ x ]]>",
    "<div>\n<pre>\nNever closed pre text\n</div>",
    "<div><</div>",
])
def test_malformed_html_never_crashes_nor_loses_text(block: str) -> None:
    art = article(block + "\n")
    assert localise(art, lambda s: s.msgid) == block + "\n"
    out = localise(art, lambda s: "ПЕРЕВОД " + s.msgid)
    assert block_types(out) == block_types(block + "\n")
    for segment in art.segments:
        assert "ПЕРЕВОД " + segment.msgid.split("<")[0].strip() in out.replace("&lt;", "<").replace("&amp;", "&")


def test_a_block_in_doubt_is_left_as_written() -> None:
    assert extract("<div>\nText with a stray <b tag\n</div>") == []
    assert [found.msgid for found in extract("<div>\nA <3 B\n</div>")] == ["A <3 B"]


@pytest.mark.parametrize("translation, msgid, written", [
    ("a < b & c > d", "x", "a &lt; b &amp; c &gt; d"),
    ("keep &amp; &#8212; &nbsp;", "x", "keep &amp; &#8212; &nbsp;"),
    ("<em>да</em> <div>нет</div>", "<em>yes</em>", "<em>да</em> &lt;div&gt;нет&lt;/div&gt;"),
    ("one\n\ntwo", "x", "one two"),
    ("   ", "Text", "Text"),
])
def test_render_text(translation: str, msgid: str, written: str) -> None:
    assert render_text(translation, msgid) == written


@pytest.mark.parametrize("translation, quote, written", [
    ('a "b" \'c\' & <d>', '"', "a &quot;b&quot; 'c' &amp; &lt;d&gt;"),
    ('a "b" \'c\'', "'", "a \"b\" &#39;c&#39;"),
    ("two words", "", '"two words"'),
])
def test_render_attribute(translation: str, quote: str, written: str) -> None:
    assert render_attribute(translation, quote) == written


def test_code_inside_a_run_is_one_placeholder() -> None:
    protected = protect("Run <code>make all</code> and <kbd>Ctrl</kbd> first.")
    assert protected.text == "Run ⟦1⟧ and ⟦2⟧ first."


def test_html_blocks_render_as_html_parsers_read_them() -> None:
    from html.parser import HTMLParser

    translation = 'Тест "<x>" & \'ы\' &amp;'
    html = MarkdownIt("commonmark").render(localise(article(NEWSROOM), lambda s: translation))
    seen: list[tuple[str, str | None]] = []
    texts: list[str] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            seen.extend((name, value) for name, value in attrs if name in ("alt", "title", "aria-label"))

        def handle_data(self, data: str) -> None:
            texts.append(data)

    Reader(convert_charrefs=True).feed(html)
    read = translation.replace("&amp;", "&")  # a character reference the translator wrote stays one
    assert seen == [("alt", read), ("title", read), ("aria-label", read)]
    assert texts.count(read) == 4  # the callout, the caption and two paragraphs of the aside
    assert '<script>document.write("<p>Not text</p>");</script>' in html


def test_template_tags_in_an_html_block_stay_template_tags() -> None:
    """Regression: a shortcode in an HTML block's text went to translators as text when it
    stood alone, and every translation of its run wrote ``{{<`` as ``{{&lt;``: Hugo no longer
    ran it and readers saw its source."""
    text = ('<div>\n{{< figure src="a.jpg" caption="Cap" >}}\n</div>\n\n'
            '<div>\nSee {{< ref "x.md" >}} and {{% note %}} here\n</div>\n')
    # The shortcode's caption is readers' text (see the test after this one), not the tag.
    assert [s.msgid for s in article(text).segments] == ["Cap", 'See {{< ref "x.md" >}} and {{% note %}} here']
    out = localise(article(text), lambda s: 'Смотрите {{< ref "x.md" >}} и {{% note %}} <здесь>'
                   if s.msgid.startswith("See") else None)
    assert '<div>\nСмотрите {{< ref "x.md" >}} и {{% note %}} &lt;здесь&gt;\n</div>\n' in out


FIGURES = """<figure class="wide">
{{< img src="port.jpg" alt="Three cargo ships" >}}
<figcaption>The port of Baku {{< abbr title="Azerbaijan" >}}, at dawn.</figcaption>
</figure>

<div class="gallery">
  {{< img
    src="cranes.jpg"
    alt="Cranes at dusk"
  >}}
  {% include figure.html caption='Visitors at the fair' %}
  <code>{{< img alt="Code, not text" >}}</code>
  <!-- {{< img alt="A note, not text" >}} -->
  <pre>{{< img alt="Preformatted, not text" >}}</pre>
</div>
"""


def test_a_template_tags_readers_text_in_an_html_block_is_an_entry() -> None:
    """Regression: a shortcode or include inside a ``<figure>`` or ``<div>`` (alone on its line,
    over several lines, or in a sentence) kept its ``alt``, ``caption`` or ``title`` in the
    source language: the HTML reading saw a run of text without prose, or a placeholder."""
    found = [(s.kind.value, s.msgid, s.line) for s in article(FIGURES).segments]
    assert found == [
        ("template argument", "Three cargo ships", 2),
        ("html text", 'The port of Baku {{< abbr title="Azerbaijan" >}}, at dawn.', 3),
        ("template argument", "Azerbaijan", 3),
        ("template argument", "Cranes at dusk", 9),
        ("template argument", "Visitors at the fair", 11),
    ]
    assert localise(article(FIGURES), lambda s: s.msgid) == FIGURES


def test_a_template_argument_in_an_html_block_is_written_inside_its_quotes() -> None:
    translations = {"Three cargo ships": 'Три "грузовых" судна >}}', "Azerbaijan": "Азербайджан",
                    'The port of Baku {{< abbr title="Azerbaijan" >}}, at dawn.':
                        'Порт Баку {{< abbr title="Azerbaijan" >}} на рассвете.',
                    "Cranes at dusk": "Краны", "Visitors at the fair": "Гости 'ярмарки'"}
    out = localise(article(FIGURES), lambda s: translations.get(s.msgid))
    assert '{{< img src="port.jpg" alt="Три \\"грузовых\\" судна >&#125;}" >}}' in out
    assert '<figcaption>Порт Баку {{< abbr title="Азербайджан" >}} на рассвете.</figcaption>' in out
    assert '    alt="Краны"\n  >}}' in out
    assert "caption='Гости &#39;ярмарки&#39;' %}" in out
    assert [s.kind for s in article(out).segments] == [s.kind for s in article(FIGURES).segments]
    assert block_types(out) == block_types(FIGURES)


def test_a_run_whose_only_letters_are_in_character_references_is_not_text() -> None:
    """Regression: ``<td>&nbsp;</td>`` (an empty cell, as word processors write it),
    ``<p>&nbsp;</p>`` and ``<td>&mdash;</td>`` were entries with nothing to translate."""
    block = ("<table><tr><td>&nbsp;</td><td>&mdash;</td><td>Ports &amp; trade</td><td>&hellip;</td></tr></table>\n"
             "<p>&nbsp;</p>\n<p>&#160;&#x2014;</p>\n")
    assert [found.msgid for found in extract(block)] == ["Ports &amp; trade"]


def test_an_attribute_of_template_tags_alone_is_not_text() -> None:
    """Regression: ``alt="{{ page.title }}"`` (Jekyll, Hugo fill it in) was an entry with
    nothing to translate, which pseudo translation published as ``alt="［ {{ page.title }} ］"``;
    one with words around the tag still is."""
    block = ('<div>\n<img src="{{ page.image }}" alt="{{ page.title }}">\n'
             '<a href="/x" title="Read {{ page.title }} now">{{ page.title }}</a>\n</div>\n')
    assert [found.msgid for found in extract(block)] == ["Read {{ page.title }} now"]


def test_a_run_of_emoji_shortcodes_or_citation_keys_only_is_not_text() -> None:
    """Regression: ``<td>:white_check_mark:</td>``, ``<td>[@smith2020]</td>`` and a shortcode's
    ``caption=":tada:"`` were entries, "translated" as themselves, holding the article back."""
    block = ('<table><tr><td>:white_check_mark:</td><td>[@smith2020]</td><td>Port :x:</td></tr></table>\n'
             '<figure>{{< img src="a.jpg" alt=":tada:" >}}</figure>\n')
    assert [found.msgid for found in extract(block)] == ["Port :x:"]


def test_a_run_of_an_address_alone_is_not_text() -> None:
    """Regression: an embed's address on its own line in a WordPress export's ``<figure>``,
    a link whose text is its address and a cell of a lone URL or e-mail address were entries
    (published "translated"), while a Markdown paragraph of them alone is none."""
    block = ('<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
             "https://twitter.com/AzerNews/status/1\n</div><figcaption>The minister's post</figcaption></figure>\n"
             '<p><a href="https://gov.az/rules.pdf">https://gov.az/rules.pdf</a></p>\n'
             "<table><tr><td>www.gov.az</td><td>desk@example.az</td><td>Read https://gov.az now</td></tr></table>\n")
    assert [found.msgid for found in extract(block)] == ["The minister's post", "Read https://gov.az now"]


def test_markup_in_a_template_argument_translation_gives_its_html_block_no_tag() -> None:
    """A ``<div>`` in the translation of a shortcode's argument inside an HTML block would be a
    tag of the block for every HTML reader (the block's text would no longer be read as the
    source's); it is written ``&lt;div>``."""
    out = localise(article(FIGURES), lambda s: "Краны <div>в порту</div>" if s.msgid == "Cranes at dusk" else None)
    assert 'alt="Краны &lt;div>в порту&lt;/div>"' in out
    assert [s.kind for s in article(out).segments] == [s.kind for s in article(FIGURES).segments]


def test_a_shortcode_split_by_the_html_parser_is_still_one_template_tag() -> None:
    """Regression: the HTML parser reports ``{{< img ... >}}`` as three pieces of text (it stops
    at a ``<`` that opens no tag), which were joined with spaces: ``{{ < img`` is no shortcode,
    so ``alt="{{ .Title }} photo"`` left words outside any tag and the whole shortcode went
    to translators as the block's text."""
    text = '<div>\n{{< img alt="{{ .Title }} photo" >}}\n</div>\n'
    assert [(s.kind.value, s.msgid) for s in article(text).segments] == [("template argument", "{{ .Title }} photo")]


POSTED = """---
title: Port news
---

<blockquote class="twitter-tweet"><p lang="az" dir="ltr">Bakı Limanı böyüyür.
<a href="https://t.co/x">pic.twitter.com/abc</a></p>— Port of Baku (@portofbaku)
<a href="https://twitter.com/portofbaku/status/1">May 5, 2026</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>

<blockquote class="instagram-media" data-instgrm-version="14">

**Bakı** gözəldir, <abbr title="dost">d</abbr>.

- bir
- iki

<div><blockquote>Nested</blockquote></div>

</blockquote>

<div class="callout">Read <span lang="az">Bakı <b title="Liman">Limanı</b></span> news.
<span class="notranslate">Port of Baku</span></div>

<div translate="no" title="Brand">Port of Baku</div> <div lang="az-Latn">Salam</div>

<p lang="az">Salam, dost

The port grew.

<div class="tiktok-embed fb-post telegram-post"><img alt="Posted photo" src="a.jpg"></div>

<p lang="en-GB">Colour <img lang="ru" alt="Порт" src="p.jpg"> and <img alt="A crane" src="c.jpg"></p>
"""


def test_embedded_posts_and_html_in_another_language_are_kept_as_written() -> None:
    """Regression: a tweet embedded in an English article (its text in Azerbaijani) was
    extracted, read as English and machine-translated. An element with translate="no",
    class notranslate, an embed's class or a lang naming another language is not extracted,
    its nested elements and Markdown written between its lines neither; an inline one stays
    in its run, whose entry needs prose outside it."""
    assert [(s.kind.value, s.msgid) for s in article(POSTED).segments] == [
        ("front matter", "Port news"),
        ("html text", 'Read <span lang="az">Bakı <b title="Liman">Limanı</b></span> news. '
                      '<span class="notranslate">Port of Baku</span>'),
        ("paragraph", "The port grew."),
        ("html text", 'Colour <img lang="ru" alt="Порт" src="p.jpg"> and <img alt="A crane" src="c.jpg">'),
        ("html alt text", "A crane"),
    ]


def test_what_is_kept_as_written_round_trips_byte_for_byte() -> None:
    text = article(POSTED)
    assert localise(text, lambda s: s.msgid) == POSTED
    out = localise(text, lambda s: "RU " + s.msgid)
    assert out.count("Bakı Limanı böyüyür.") == 1 and "**Bakı** gözəldir" in out and "RU The port grew." in out


def test_an_element_in_the_article_s_own_language_is_translated() -> None:
    ru = read_article('---\nlang: ru\n---\n\n<div lang="ru-RU">Порт растёт.</div>\n'.encode(), path="source/a.md",
                      slug="a", default_lang="en", front_matter_keys=DEFAULT_FRONT_MATTER_KEYS)
    assert [s.msgid for s in ru.segments] == ["Порт растёт."]
    assert [f.msgid for f in extract('<div lang="az">Salam</div>')] == ["Salam"]  # no article: nothing to compare


def test_own_language_finds_the_lang_values_a_version_replaces() -> None:
    """Regression: see test_markdown's test_html_naming_the_articles_language_names_the_
    versions_language; only start tags outside elements kept as written count."""
    from pipeline.htmlblocks import own_language
    text = ('<div lang="az"><p lang=\'az-Latn\'>a</p>'
            '<blockquote class="twitter-tweet"><p lang="az">b</p></blockquote>'
            '<span translate="no" lang="az">c</span><p lang="ru">d</p></div>')
    assert [text[start:end] for start, end in own_language(text, "az")] == ["az", "az-Latn"]


def test_translate_yes_inside_an_element_kept_as_written_is_translated() -> None:
    """Regression: ``translate="yes"`` (the HTML standard's way to translate part of an
    element kept untranslated) was not honoured: the whole kept element was published as
    written, its readers' text in the source language in every version. Its text and
    attributes are entries again; the rest of the kept element, and ``<pre>``, stay."""
    block = ('<div translate="no"><p>Brand Ltd.</p><p translate="yes" title="Note">This is for readers.</p>'
             '<div translate="yes">Nested <b>text</b>.</div><p>Code name</p></div>')
    assert [(f.what, f.msgid) for f in extract(block)] == [
        ("title", "Note"), ("text", "This is for readers."), ("text", "Nested <b>text</b>.")]
    assert [f.msgid for f in extract('<pre><span translate="yes">x = 1 words</span></pre>')] == []
    art = article(f"---\ntitle: A\n---\n\n{block}\n\nAfter.\n")
    out = localise(art, lambda s: s.msgid.replace("Nested", "NESTED").replace("text", "TEXT").upper()
                   if "<" not in s.msgid else s.msgid.replace("Nested", "NESTED").replace(">text<", ">TEXT<"))
    assert out.endswith('<div translate="no"><p>Brand Ltd.</p><p translate="yes" title="NOTE">THIS IS FOR READERS.</p>'
                       '<div translate="yes">NESTED <b>TEXT</b>.</div><p>Code name</p></div>\n\nAFTER.\n')


@pytest.mark.parametrize("block, msgids", [
    ('<video controls src="a.mp4">\n<track kind="captions" label="English captions" src="a.vtt">\n</video>',
     ["English captions"]),
    ('<form>\n<input type="search" placeholder="Search the archive">\n<textarea placeholder="Your letter"></textarea>\n</form>',
     ["Search the archive", "Your letter"]),
    ('<select>\n<optgroup label="Regions">\n<option label="Baku city">baku</option>\n</optgroup>\n</select>',
     ["Regions", "Baku city"]),
    ('<div label="internal-id" placeholder="Not shown">\n<p>Text.</p>\n</div>', []),
])
def test_a_caption_track_label_and_a_placeholder_are_entries(block: str, msgids: list[str]) -> None:
    """Regression: readers see a ``<track>``'s ``label`` (the video player's caption menu),
    an ``<option>``'s or ``<optgroup>``'s ``label`` and an input's ``placeholder``, but they
    were never extracted; ``label`` on other elements is no text of the HTML standard's."""
    assert [f.msgid for f in extract(block) if f.what != "text"] == msgids


def test_ruby_annotations_stay_in_their_run() -> None:
    """Regression: ``<ruby>``, ``<rt>`` and ``<rp>`` (phrasing content) split a sentence into
    three entries: the words before, the base text, and its reading."""
    assert [f.msgid for f in extract("<p>Names in Japanese: <ruby>東京<rp>(</rp><rt>Tokyo</rt><rp>)</rp></ruby>.</p>")] == [
        "Names in Japanese: <ruby>東京<rp>(</rp><rt>Tokyo</rt><rp>)</rp></ruby>."]


@pytest.mark.parametrize("block, msgids", [
    ('<form>\n<input type="submit" value="Subscribe">\n<input type="RESET" value="Clear">\n'
     '<input type=button value=\'Show more\'>\n</form>', ["Subscribe", "Clear", "Show more"]),
    ('<form>\n<input type="hidden" value="Secret token">\n<input value="Prefilled text">\n'
     '<button value="Internal value">Send</button>\n<option value="Baku city">Baku</option>\n</form>', []),
])
def test_a_button_input_value_is_an_entry(block: str, msgids: list[str]) -> None:
    """Regression: readers see the ``value`` of an ``<input type="submit">`` (or ``reset``,
    ``button``) as the button's label, but it was never extracted; on any other element, or
    another type of input, the value is data the page sends, not text."""
    assert [f.msgid for f in extract(block) if f.what != "text"] == msgids


def test_a_button_input_value_is_translated_in_place() -> None:
    art = read_article('<form>\n<input type="submit" value="Subscribe">\n</form>\n'.encode(), path="a.md",
                       slug="a", default_lang="en", front_matter_keys=())
    assert [s.kind for s in art.segments] == [BlockKind.HTML_CAPTION_LABEL]
    out = localise(art, lambda s: "Подписаться")
    assert out == '<form>\n<input type="submit" value="Подписаться">\n</form>\n'


def test_the_props_readers_see_of_a_jsx_component_are_entries() -> None:
    """Regression: an MDX component's ``label`` (``<TabItem label="Baku">``, the tab readers
    click), ``caption``, ``description`` and ``summary`` were never extracted; an HTML
    element's ``label`` is still no text."""
    block = ('<Tabs>\n  <TabItem value="baku" label="Baku city" default>\n    Results.\n  </TabItem>\n</Tabs>\n\n'
             '<Chart data={turnout} title="Turnout by hour" caption="Source: CEC" description="A chart" />\n'
             '<div label="internal-id">x</div>')
    assert [(f.what, f.msgid) for f in extract(block) if f.what != "text"] == [
        ("label", "Baku city"), ("title", "Turnout by hour"), ("caption", "Source: CEC"), ("description", "A chart")]
    text = "---\ntitle: A\n---\n\n" + block.replace("\n\n", "\n") + "\n\nThe <Abbr title=\"Fund\" label=\"IMF fund\">IMF</Abbr> said.\n"
    art = article(text)
    assert [(s.kind, s.msgid) for s in art.segments if s.kind not in (BlockKind.HTML_TEXT, BlockKind.FRONT_MATTER,
                                                                      BlockKind.PARAGRAPH)] == [
        (BlockKind.HTML_CAPTION_LABEL, "Baku city"), (BlockKind.HTML_TITLE, "Turnout by hour"),
        (BlockKind.HTML_CAPTION_LABEL, "Source: CEC"), (BlockKind.HTML_TITLE, "A chart"),
        (BlockKind.HTML_TITLE, "Fund"), (BlockKind.HTML_CAPTION_LABEL, "IMF fund")]
    assert localise(art, lambda s: s.msgid) == text
    out = localise(art, lambda s: s.msgid.upper() + '"')
    assert 'label="BAKU CITY&quot;"' in out and 'caption="SOURCE: CEC&quot;"' in out


def test_a_jsx_components_text_prop_is_an_entry_apart_from_the_runs_of_text() -> None:
    """Regression: ``<Badge text="New" />`` (the badge's words) was never extracted; an HTML
    element's ``text`` attribute is still none."""
    found = extract('<Badge text="New" />\n<div text="x">Run of text.</div>')
    assert [(f.what, f.msgid) for f in found] == [("text-prop", "New"), ("text", "Run of text.")]
    text = 'The <Badge text="New" /> port.\n\n<Badge text="Updated" />\n'
    art = article(text)
    assert [(s.kind, s.msgid) for s in art.segments] == [
        (BlockKind.PARAGRAPH, 'The <Badge text="New" /> port.'), (BlockKind.HTML_CAPTION_LABEL, "New"),
        (BlockKind.HTML_CAPTION_LABEL, "Updated")]
    out = localise(art, lambda s: {"New": "Новое", "Updated": "Обновлено"}.get(s.msgid, s.msgid.replace("port", "порт")))
    assert out == 'The <Badge text="Новое" /> порт.\n\n<Badge text="Обновлено" />\n'


def test_a_jsx_expression_in_a_tag_is_one_value_and_a_string_alone_is_the_props_text() -> None:
    """Regression: an MDX prop written as an expression was cut at its first quote or space by
    the HTML reader: ``caption={`Cranes at dusk`}`` gave the entry ``{`Cranes``, published as
    ``caption="［{`Cranes］" at dusk`}``, the page's JavaScript broken; a ``>`` in an expression
    (``data={a > b}``) ended the tag. A string alone is the prop's text, written back as
    JavaScript reads it; any other expression is no text."""
    block = ('<Figure src={port} caption={`Cranes at dusk`} alt={"The port"} data={a > b ? "x y" : z}\n'
             '  title={`Port of ${city}`} label={\'Tab\'} {...rest} />\n')
    assert [(f.what, f.msgid, f.quote) for f in extract(block)] == [
        ("caption", "Cranes at dusk", "{`"), ("alt", "The port", '{"'), ("label", "Tab", "{'")]
    assert render_attribute('Он сказал "да" \\ `к` ${x} | \'ок\'', '{"') == \
        'Он сказал \\"да\\" \\\\ \\u0060к\\u0060 ${x} \\u007c \'ок\''
    assert render_attribute("`к` ${x}", "{`") == "\\u0060к\\u0060 \\${x}"
    assert render_attribute("it's", "{'") == "it\\'s"


def test_a_component_whose_tag_holds_an_expression_is_read_as_an_html_block() -> None:
    """Regression: ``<Callout title={"Road closed"} type="warning">`` over text, which CommonMark
    takes for no HTML block (its attribute is no HTML value), was one paragraph entry holding
    the tag, whose attribute names machine translation translated (``тыпе="шарнинг"``)."""
    text = ('<Callout title={"Road closed"} type="warning">\nTraffic is diverted.\n</Callout>\n\n'
            'The <Abbr title={"International Monetary Fund"}>IMF</Abbr> lent money.\n')
    art = article(text)
    assert [(s.kind, s.msgid) for s in art.segments] == [
        (BlockKind.HTML_TITLE, "Road closed"), (BlockKind.HTML_TEXT, "Traffic is diverted."),
        (BlockKind.PARAGRAPH, 'The <Abbr title={"International Monetary Fund"}>IMF</Abbr> lent money.'),
        (BlockKind.HTML_TITLE, "International Monetary Fund")]
    assert localise(art, lambda s: s.msgid) == text
    translations = {"Road closed": 'Дорога "закрыта"', "Traffic is diverted.": "Движение перекрыто.",
                    "International Monetary Fund": "Международный `валютный` фонд"}
    out = localise(art, lambda s: translations.get(s.msgid, s.msgid.replace("lent money", "дал денег")))
    assert out == ('<Callout title={"Дорога \\"закрыта\\""} type="warning">\nДвижение перекрыто.\n</Callout>\n\n'
                   'The <Abbr title={"Международный \\u0060валютный\\u0060 фонд"}>IMF</Abbr> дал денег.\n')


def test_a_javascript_strings_escapes_are_read_as_the_reader_sees_them() -> None:
    """A prop's string holding escapes (``\\"``, ``\\u0060``, a surrogate pair) is the text
    they stand for, and its identity translation leaves the source as written; a template
    literal with an interpolation, or a string with a lone surrogate, is code."""
    text = ('<Figure caption={"He said \\"yes\\" \\u0060now\\u0060 \\uD83D\\uDE00"} alt={`Port of ${city}`}\n'
            '  title={"\\uD83D alone"} label={`Port \\${city}`} />\n')
    art = article(text)
    assert [(s.kind, s.msgid) for s in art.segments] == [
        (BlockKind.HTML_CAPTION_LABEL, 'He said "yes" `now` 😀'), (BlockKind.HTML_CAPTION_LABEL, "Port ${city}")]
    assert localise(art, lambda s: s.msgid) == text
    out = localise(art, lambda s: "Порт ${город}" if s.msgid.startswith("Port") else 'Он сказал "да"')
    assert out == ('<Figure caption={"Он сказал \\"да\\""} alt={`Port of ${city}`}\n'
                   '  title={"\\uD83D alone"} label={`Порт \\${город}`} />\n')
    assert [s.msgid for s in article(out).segments] == ['Он сказал "да"', "Порт ${город}"]


def test_a_run_opening_a_line_of_a_component_read_as_markdown_opens_no_block() -> None:
    """Regression: a component whose opening tag CommonMark takes for a paragraph's text is a
    paragraph to CommonMark and MDX alike: a translation of its text opening with ``1. `` made
    a list of it (in a real HTML block such a line is HTML's text, written as it is)."""
    text = '<Callout title={"Road closed"}>\nTraffic is diverted.\n</Callout>\n\n<div>\nTraffic is diverted.\n</div>\n'
    out = localise(article(text), lambda s: "1. Движение перекрыто." if s.kind is BlockKind.HTML_TEXT else None)
    assert out == ('<Callout title={"Road closed"}>\n1\\. Движение перекрыто.\n</Callout>\n\n'
                   "<div>\n1. Движение перекрыто.\n</div>\n")
    assert block_types(out) == block_types(text)


def test_a_javascript_string_holding_a_tag_is_still_the_props_text() -> None:
    """Regression (found by the round-trip test): a translation writing ``<div>`` into a prop's
    JavaScript string made the component's tag look like two tags to the HTML reader, and the
    block was left as written, its entries gone from the published version's catalogue."""
    text = '<Callout title={"Read <b>this</b>"} items={["a", "b"]}>\nTraffic is diverted.\n</Callout>\n'
    assert [(s.kind, s.msgid) for s in article(text).segments] == [
        (BlockKind.HTML_TITLE, "Read <b>this</b>"), (BlockKind.HTML_TEXT, "Traffic is diverted.")]


def test_a_components_heading_subtitle_and_footer_are_entries_as_a_template_tags_are() -> None:
    """Regression: ``<Card heading="Ports" subtitle="…" footer="…">`` had none of its readers'
    text extracted, while the same arguments of a shortcode were entries."""
    found = extract('<Card heading="Ports" subtitle="On the Caspian" footer="Updated daily" href="/ports" />\n'
                    '<div heading="x">Text.</div>\n')
    assert [(f.what, f.msgid) for f in found] == [
        ("heading", "Ports"), ("subtitle", "On the Caspian"), ("footer", "Updated daily"), ("text", "Text.")]
