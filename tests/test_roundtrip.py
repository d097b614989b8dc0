"""Property tests over generated Markdown: the identity round trip is byte-exact, and any
translation (however hostile) leaves the article with the source's block structure."""

from __future__ import annotations

import re
import tomllib

import yaml

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from pipeline import tomlfront
from pipeline.catalogue import parse_po, render_po
from pipeline.config import DEFAULT_FRONT_MATTER_KEYS, PublishPolicy
from pipeline.engines.pseudo import PseudoEngine
from pipeline.extract import build_template
from pipeline.inline import wikilinks
from pipeline.markdown import encode_article, localise, read_article
from pipeline.model import BlockKind
from pipeline.publish import decide, render_version
from pipeline.update import update_catalogue

WORDS = ["Baku", "port", "grain", "“quoted”", "«цитата»", "said", "Ölkə", "şəhər", "it's", "1.2",
         "64%", "$48", "2026-03-14", "&nbsp;", "&amp;", "Mr.", "O'Brien", "сказал", "—", "x_y", "a*b"]


def _title(text: str, opener: str) -> str:
    """``text`` as a link title between ``opener`` and its closing delimiter."""
    closer = ")" if opener == "(" else opener
    escaped = "".join("\\" + c if c in (opener, closer) else c for c in text)
    return opener + escaped + closer


TITLE = st.builds(_title, st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
                  st.sampled_from(['"', "'", "("]))
INLINE = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: f"*{w}*"),
    st.sampled_from(WORDS).map(lambda w: f"**{w}**"),
    st.sampled_from(WORDS).map(lambda w: f"[{w}](https://example.org/{len(w)})"),
    st.builds(lambda w, t: f"[{w}](https://example.org/{len(w)} {t})", st.sampled_from(WORDS), TITLE),
    st.builds(lambda w, t: f"![{w}](i.png {t})", st.sampled_from(WORDS), TITLE),
    st.sampled_from(WORDS).map(lambda w: f"`{w}`"),
    st.just("<b>bold</b>"),
    st.just("[^1]"),
    st.just('{{< ref "a.md" >}}'),
    st.just('{{< abbr title="Baku port" >}}'),
    st.just("{% include note.html label='Updated' %}"),
    st.just('{{< pullquote "Baku port" >}}'),
    st.just('{% include callout.html "Read more" %}'),
    st.just("{{ page.title }}"),
    st.just("[summary]"),
    st.just("[map][]"),
    st.just("$x^2 + y$"),
    st.just("$5 and $10"),
    st.sampled_from([":smile:", ":flag-az:", "==key point==", "H~2~O", "1^st^", "[@smith2020, p. 4]", "@AzerNews",
                     "$AAPL rose to 190$", "[$AAPL](https://x.org/?q=$a)"]),
    # Obsidian's wikilinks, embeds, comments and nested tags.
    st.sampled_from(["[[Baku Port]]", "[[Baku Port#History|the port]]", "![[port.jpg]]", "![[port.jpg|300]]",
                     "%%note to the desk%%", "#ports/baku", "![Grain silo][]", "^port-growth"]),
)
PHRASE = st.lists(INLINE, min_size=1, max_size=7).map(" ".join).filter(lambda s: any(c.isalpha() for c in s))
LINE_JOIN = st.sampled_from(["\n", "  \n", "\\\n"])
HARD_BREAK = st.sampled_from(["  ", "\\"])


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    lines = draw(st.lists(PHRASE, min_size=1, max_size=3))
    out = lines[0]
    for line in lines[1:]:
        out += draw(LINE_JOIN) + draw(st.sampled_from(["", " ", "\t"])) + line
    return out


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 21))
    if kind == 0:
        return draw(paragraph())
    if kind == 1:
        return "#" * draw(st.integers(1, 6)) + " " + draw(PHRASE) + draw(st.sampled_from(["", " ##"]))
    if kind == 2:
        return draw(PHRASE) + "\n" + draw(st.sampled_from(["===", "---"]))
    if kind == 3:
        marker = draw(st.sampled_from(["- ", "* ", "+ ", "1. ", "2) "]))
        items = draw(st.lists(PHRASE, min_size=1, max_size=4))
        return "\n".join(marker + item for item in items)
    if kind == 4:
        return "\n".join("> " + line for line in draw(paragraph()).split("\n"))
    if kind == 5:
        cols = draw(st.integers(1, 3))
        rows = draw(st.lists(st.lists(st.sampled_from(WORDS[:9] + ["a \\| b"]), min_size=cols, max_size=cols),
                             min_size=1, max_size=3))
        lines = ["| " + " | ".join(f"H{i}" for i in range(cols)) + " |", "|" + "---|" * cols]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    if kind == 6:
        return "```\n" + draw(PHRASE) + "\n```"
    if kind == 7:
        return "    code " + draw(PHRASE)
    if kind == 8:
        return draw(html_block())
    if kind == 9:
        return "[ref]: https://example.org/ref" + draw(st.sampled_from([" ", "\n  "])) + draw(TITLE)
    if kind == 10:
        return "![" + draw(PHRASE) + "](img.png" + draw(st.sampled_from(["", " "]).flatmap(
            lambda gap: st.just("") if not gap else TITLE.map(lambda t: gap + t))) + ")"
    if kind == 11:
        return "- " + draw(PHRASE) + "\n\n  " + draw(PHRASE) + "\n  - nested " + draw(PHRASE)
    if kind == 13:
        return draw(attributed_block())
    if kind == 14:
        return draw(definition_list())
    if kind == 15:
        return "$$\n" + draw(st.sampled_from(["E = mc^2", "a + b\n= c"])) + "\n$$"
    if kind == 18:
        title = draw(st.sampled_from(["", ' "Road closed"', ' ""']))
        gap = draw(st.sampled_from(["\n", "\n\n"]))
        opener = draw(st.sampled_from(["!!! note" + title, "[^2]: Note on " + draw(PHRASE)]))
        return f"{opener}{gap}    " + "\n    ".join(draw(paragraph()).split("\n")) + "\n\n    - " + draw(PHRASE)
    if kind == 17:
        return "\n".join(f"*[{key}]: {draw(PHRASE)}" for key in draw(st.lists(st.sampled_from(["IMF", "EU"]), min_size=1)))
    if kind == 16:
        return "[summary]: https://example.org/s\n[map]: https://example.org/m\n[Grain silo]: silo.jpg"
    if kind == 19:
        return draw(generator_block())
    if kind == 20:
        return draw(exported_block())
    if kind == 21:
        return draw(cms_block())
    return draw(template_block())


@st.composite
def generator_block(draw: st.DrawFn) -> str:
    """Pandoc's, Quarto's, MyST's and GFM's blocks whose markers stay out of the entries: line
    blocks, lists only Pandoc reads, task lists, table captions, code cells' captions, colon
    fenced directives' options, TeX math in MathJax's delimiters."""
    phrases = draw(st.lists(PHRASE, min_size=2, max_size=3))
    quoted = phrases[0].replace('"', "").replace("\\", "")
    return draw(st.sampled_from([
        "\n".join("| " + phrase for phrase in phrases) + "\n  " + phrases[0],
        "\n".join(f"{marker} {phrase}" for marker, phrase in zip(draw(st.sampled_from(
            [["#.", "#.", "#."], ["(@)", "(@x)", "(@)"], ["a)", "b)", "c)"], ["(i)", "(ii)", "(iii)"]])), phrases)),
        "\n".join(f"- [{draw(st.sampled_from([' ', 'x']))}] {phrase}" for phrase in phrases),
        f"| H |\n|---|\n| {draw(st.sampled_from(WORDS[:9]))} |\n\nTable: {phrases[0]} {{#tbl:a}}",
        f'```{{python}}\n#| label: fig-a\n#| fig-cap: "{quoted}"\n#| echo: false\nx = 1\n```',
        f":::{{admonition}} {phrases[0]}\n:class: tip\n:alt: {phrases[1]}\n{phrases[2 % len(phrases)]}\n:::",
        f"\\[ x^2 + y \\]\n\n{phrases[0]} \\(a+b\\) {phrases[1]}",
        f"{phrases[0]}\n  ~ {phrases[1]}\n\n    {phrases[0]}",
        f':::: {{.columns}}\n::: {{.column title="{quoted}"}}\n{phrases[0]}\n:::\n::: {{.column}}\n{phrases[1]}\n{{: .x}}\n'
        f"{phrases[0]}\n:::\n::::",
        f"{phrases[0]}\n:::note {draw(st.sampled_from(['', 'Road closed', '[Road closed]']))}\n{phrases[1]}\n:::",
    ]))


@st.composite
def exported_block(draw: st.DrawFn) -> str:
    """What CMS exports and note-taking apps write: WordPress's block comments around Markdown,
    its caption and Jetpack shortcodes, Obsidian's callouts and comments, lazy continuation
    lines and lists in nested block quotes."""
    phrases = draw(st.lists(PHRASE, min_size=2, max_size=3))
    return draw(st.sampled_from([
        f"<!-- wp:paragraph -->\n{phrases[0]}<br>\n{phrases[1]}\n<!-- /wp:paragraph -->",
        f'[caption id="attachment_7" align="alignnone" width="640"]![{phrases[0]}](a.jpg) {phrases[1]}[/caption]',
        "[youtube https://www.youtube.com/watch?v=abc123]",
        f"[vc_row][vc_column_text]\n{phrases[0]} [footnote]{phrases[1]}[/footnote]\n[/vc_column_text][/vc_row]",
        f'[su_note note_color="#fff"]\n\n{phrases[0]}\n\n[/su_note]',
        f"> [!tip]{draw(st.sampled_from(['-', '+', '']))} {phrases[0]}\n> {phrases[1]}\nlazy {phrases[0]}",
        f"%%\n{phrases[0]}\n\n{phrases[1]}\n%%",
        f"%% {phrases[0]}\n\n{phrases[1]} %%",
        f"> {phrases[0]}\n> - {phrases[1]}\n>\n> > {phrases[0]}\n> > - {phrases[1]}",
        f"{phrases[0]}\n- {phrases[1]}\n- {phrases[0]}",
        f"1. {phrases[0]}\ncontinued {phrases[1]}\n2. {phrases[0]}",
    ]))


@st.composite
def cms_block(draw: st.DrawFn) -> str:
    """What static-site generators and CMS exports add: code fences with a title or a
    listing's caption in their info string, MDX components and imports, multi-line HTML
    figures and disclosures, nested lists holding code, footnotes of several paragraphs."""
    phrases = draw(st.lists(PHRASE, min_size=2, max_size=3))
    quoted = phrases[0].replace('"', "").replace("`", "")
    return draw(st.sampled_from([
        f'```python title="{quoted}"\nx = "{phrases[1]}"\n```',
        f'``` {{#lst:a .python caption="{quoted}"}}\nx = 1\n```',
        f"import Callout from '@site/src/components/Callout';\n\n<Callout type=\"warn\">{phrases[0]}</Callout>",
        f'<Callout type="info">\n  {phrases[0]}\n</Callout>',
        f'<Callout title={{"{quoted}"}} items={{["a b", "c"]}} {{...rest}}>\n{phrases[0]}\n</Callout>',
        f'<Figure src={{port}} caption={{`{quoted}`}} data={{a > b ? "x" : y}} />\n\n'
        f'{phrases[1]} <Abbr title={{"{quoted}"}}>IMF</Abbr> {phrases[0]}',
        f"{{isLive && <LiveBadge />}} {phrases[0]}\n\n{{count > 1 ? <p>{quoted}</p> : null}}",
        f"<figure>\n  <img src=\"a.jpg\" alt=\"{quoted}\">\n  <figcaption>\n    {phrases[0]}\n    {phrases[1]}\n"
        f"  </figcaption>\n</figure>",
        f"<details>\n<summary>{phrases[0]}\n{phrases[1]}</summary>\n{phrases[0]}\n</details>",
        f"1. {phrases[0]}\n\n   ```bash\n   make\n   ```\n\n2. {phrases[1]}\n   - {phrases[0]}\n\n         code",
        f"[^n]: {phrases[0]}\n\n    {phrases[1]}\n\n    > {phrases[0]}",
        f"{phrases[0]}\n{draw(st.sampled_from(['===', '---']))}\n\n{phrases[1]} &mdash; &nbsp;&copy;",
        f"{draw(st.sampled_from(['', '> ']))}{phrases[0]}{draw(HARD_BREAK)}\n{phrases[1]}\n===",
    ]))


ATTRIBUTES = st.sampled_from(["{#port}", "{: .lead}", "{.note #n key=\"a b\"}", "{-}", "{:toc}"])


@st.composite
def attributed_block(draw: st.DrawFn) -> str:
    """A heading or paragraph with an attribute list (Goldmark, Pandoc, kramdown), or an alert."""
    attributes = draw(ATTRIBUTES)
    return draw(st.sampled_from([
        "## " + draw(PHRASE) + draw(st.sampled_from([" ", " ## "])) + attributes,
        draw(PHRASE) + " " + attributes + "\n" + draw(st.sampled_from(["===", "---"])),
        attributes + "\n" + draw(paragraph()),
        draw(paragraph()) + "\n" + attributes,
        attributes,
        "> [!NOTE]" + draw(st.sampled_from(["", "+ Road closed", " " + draw(PHRASE)])) + "\n> " + draw(PHRASE),
    ]))


@st.composite
def definition_list(draw: st.DrawFn) -> str:
    """Terms, then definitions opened by ``:`` whose text may go on over more lines."""
    terms = draw(st.lists(PHRASE, min_size=1, max_size=2))
    definitions = draw(st.lists(st.lists(PHRASE, min_size=1, max_size=2), min_size=1, max_size=2))
    lines = list(terms)
    for definition in definitions:
        marker = draw(st.sampled_from([": ", ":   ", ":\t"]))
        lines.append(marker + definition[0])
        lines += [draw(st.sampled_from(["", "    "])) + more for more in definition[1:]]
    return draw(st.sampled_from(["", "> "])).join([""] + [line + "\n" for line in lines]).rstrip("\n")


@st.composite
def html_block(draw: st.DrawFn) -> str:
    """Newsroom HTML blocks (callouts, figures, asides, details), and malformed ones."""
    text, word = draw(PHRASE), draw(st.sampled_from(WORDS))
    double, single = text.replace('"', ""), text.replace("'", "")
    bare = word.replace("'", "").replace('"', "")
    return draw(st.sampled_from([
        f"<div>\n{text}\n</div>",
        f'<div class="callout">\n  <p>{text}\n  <a href="/x" title="{double}">{word}</a></p>\n</div>',
        f'<figure><img src="x.jpg" alt="{double}"><figcaption>{text} <em>{word}</em></figcaption></figure>',
        f"<aside aria-label='{single}'>\n<p>{text}</p>\n<script>var a = \"<b>{word}</b>\";</script>\n"
        f"<!-- {word} -->\n<pre>{word}</pre>\n</aside>",
        f"<details><summary>{text}</summary>\n\n{draw(paragraph())}\n\n</details>",
        f"<div>\n{text} <b unclosed\n</div>",
        f"<p>{text}</span></div>\n<img alt={bare}>",
        f'<figure>\n{{{{< img src="a.jpg" alt="{double}" >}}}}\n<figcaption>{text}</figcaption>\n</figure>',
        f'<div>\n  {{{{< img\n    src="a.jpg"\n    alt="{double}"\n  >}}}}\n  <p>{text} {{{{< abbr title="{word}" >}}}}</p>\n</div>',
    ]))


@st.composite
def template_block(draw: st.DrawFn) -> str:
    """Hugo shortcodes and Liquid tags on lines of their own (or over several lines, in quotes
    and list items), around or without prose."""
    caption = draw(PHRASE).replace('"', "")
    single = caption.replace("'", "")
    other = draw(PHRASE).replace("'", "")
    return draw(st.sampled_from([
        f'{{{{< figure src="a.jpg" caption="{caption}" >}}}}',
        f'{{{{< figure src="a.jpg" caption=`{caption.replace("`", "")}` >}}}}',
        f"{{% include figure.html alt='{single}' %}}",
        f'{{{{< figure\n    src="a.jpg"\n    caption="{caption}"\n    alt="{caption}" >}}}}',
        f'{{{{< figure\n  src="a.jpg"\n  caption="{caption}"\n>}}}}\n{draw(paragraph())}',
        f"{{% include figure.html\n   caption='{single}\n   {other}' %}}",
        f'> {{{{< figure\n>   caption="{caption}"\n> >}}}}',
        f'- {{{{< figure src="a.jpg"\n    title="{caption}"\n  >}}}}\n- {draw(PHRASE)}',
        f'{draw(PHRASE)} {{{{< abbr\n  title="{caption}" >}}}} {draw(PHRASE)}',
        f"{{{{% notice info %}}}}\n{draw(paragraph())}\n{{{{% /notice %}}}}",
        f"{{% highlight ruby %}}\n{caption}\n\n{caption}\n{{% endhighlight %}}",
        f'{{{{< quote "{caption}" "{other.replace(chr(34), "")}" >}}}}',
        f'{{{{< quote\n  `{caption.replace("`", "")}`\n  "{caption}" />}}}}',
        f'{{{{< gallery "photos/port" "{caption}" >}}}}',
        f"{{% include callout.html '{single}\n   {other}' %}}",
        f'{draw(PHRASE)} {{{{< pullquote\n  "{caption}" >}}}} {draw(PHRASE)}',
        f"{{% if page.live %}}\n{draw(paragraph())}\n{{% else %}}\n{draw(paragraph())}\n{{% endif %}}",
        f'{draw(st.sampled_from(["", "> ", "- "]))}{draw(PHRASE)}\n{{{{% /tab %}}}}\n{{{{% tab\n   title="{caption}" %}}}}\n'
        f"{draw(PHRASE)}",
    ]))


FRONT = st.sampled_from([
    "",
    "---\ntitle: Plain title\ndate: 2026-01-02\n---\n\n",
    "---\ntitle: 'It''s quoted'\ndescription: \"Double \\\"q\\\"\"\nflag: NO\nversion: 1.10\n---\n\n",
    "---\n# comment\ntitle: >\n  folded\n  text\nimage:\n  caption: Cap &anchor\n---\n",
    # Hugo's TOML front matter: each kind of string, comments, dates, arrays, tables.
    '+++\ntitle = "Plain \\"title\\" \\u00e9"  # c\ndate = 2026-01-02\n+++\n\n',
    "+++\ntitle = 'It is'\ndraft = false\ntags = [\"a\", 'b']\n\n[image]\n  caption = '''Cap 'x'\n  text'''\n+++\n",
    '+++\nsummary = """\nTwo\nlines\n"""\nlang = "en"\n[[gallery]]\ncaption = "G"\n+++\n\n',
    "+++\n[params]\nx = 1\n+++\n",
    # Hugo 0.123+'s page fields under params: a configured key is an entry there too.
    "+++\ntitle = 'Top'\n[params]\n  subtitle = \"Sub \\\"q\\\"\"\n  title = '''P'''\n+++\n\n",
    "---\ntitle: Top\nparams:\n  subtitle: 'Sub ''q'''\n  image:\n    caption: >-\n      Cap\n      text\n---\n\n",
])


#: A block scalar's places: a top-level key, a key of a nested map, an item of a list.
BLOCK_PLACES = {"description: ": ("description",), "image:\n  caption: ": ("image", "caption"),
                "summary:\n  - ": ("summary", 0)}
BLOCK_WORDS = [w for w in WORDS if w not in ("&nbsp;", "&amp;")] + ["Baku: port", "# not a comment", "'single'"]


@st.composite
def block_scalar(draw: st.DrawFn) -> str:
    """``key: |`` (each chomping and fold style) with its lines, paragraphs and trailing blank lines."""
    place = draw(st.sampled_from(sorted(BLOCK_PLACES)))
    step = draw(st.integers(1, 3))
    indentation = " " * (place.count("\n") * 2 + step)
    paragraphs = draw(st.lists(st.lists(st.lists(st.sampled_from(BLOCK_WORDS), min_size=1, max_size=3)
                                        .map(" ".join), min_size=1, max_size=3), min_size=1, max_size=2))
    header = draw(st.sampled_from(["|", "|-", "|+", ">", ">-", ">+"]))
    # An indentation indicator (``|2``, ``>-2``, ``>2-``) lets the first line open with spaces.
    if draw(st.booleans()):
        header = draw(st.sampled_from([header[0] + str(step) + header[1:], header + str(step)]))
        paragraphs[0][0] = draw(st.sampled_from(["", " ", "  "])) + paragraphs[0][0]
    lines = "\n\n".join("\n".join(indentation + line for line in paragraph) for paragraph in paragraphs)
    return f"{place}{header}\n{lines}\n" + "\n" * draw(st.integers(0, 2))


@st.composite
def block_scalar_front(draw: st.DrawFn) -> str:
    return "---\ntitle: T\n" + draw(block_scalar()) + draw(st.sampled_from(["", "lang: en\n"])) + "---\n\n"


@st.composite
def document(draw: st.DrawFn) -> bytes:
    body = "\n\n".join(draw(st.lists(block(), min_size=1, max_size=8)))
    text = draw(st.one_of(FRONT, block_scalar_front())) + body + draw(st.sampled_from(["", "\n", "\n\n"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    prefix = "\ufeff" if draw(st.booleans()) else ""
    return (prefix + text).encode("utf-8")


#: The positional arguments the drawn shortcodes and includes hold readers' text in.
TEXT_ARGUMENTS = {"quote": frozenset({1, 2}), "pullquote": frozenset({1}), "gallery": frozenset({2}),
                  "callout.html": frozenset({1})}


def parse(raw: bytes):
    return read_article(raw, path="source/a.md", slug="a", default_lang="en",
                        front_matter_keys=DEFAULT_FRONT_MATTER_KEYS, text_arguments=TEXT_ARGUMENTS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_identity_catalogue_publishes_the_source_byte_for_byte(raw: bytes) -> None:
    art = parse(raw)
    catalogue = update_catalogue(build_template(art), None, lang="ru", slug="a")
    for message in catalogue.messages:
        message.msgstr = message.msgid
    catalogue = parse_po(render_po(catalogue))
    decision, chosen = decide(art, "ru", catalogue, PublishPolicy())
    assert decision.ready
    assert encode_article(art, localise(art, lambda s: chosen[(s.msgctxt, s.msgid)])) == raw
    published = render_version(art, "ru", chosen, decision, PublishPolicy())
    assert _body(encode_article(art, published)) == _body(raw)


def _body(raw: bytes) -> bytes:
    """Everything after the front matter block."""
    text = raw.decode("utf-8").lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if lines and lines[0].rstrip() in ("---", "+++"):
        closers = ("---", "...") if lines[0].rstrip() == "---" else ("+++",)
        close = next(i for i in range(1, len(lines)) if lines[i].rstrip() in closers)
        text = "".join(lines[close + 1:])
    return text.encode("utf-8")


HOSTILE = st.sampled_from(["1. ", "# ", "- ", "+ ", "> ", "```", "---", "===", "* * *", "| ", "<div>", "    ", ": ", ""])


def _structure(text: str) -> list[str]:
    md = MarkdownIt("commonmark").enable("table")
    return [t.type for t in md.parse(text) if t.type != "inline"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document(), HOSTILE, HOSTILE, st.booleans())
# A paragraph whose first line opens with ``: `` (after a template tag's line) and a
# translation whose second line does: there it opens a definition list.
@example(b'---\ntitle: T\nlang: en\n---\n{{< ref "a.md" >}}\n: Baku\nBaku\n', "1. ", ": ", True)
def test_hostile_translations_keep_the_block_structure(raw: bytes, head: str, tail: str, multiline: bool) -> None:
    art = parse(raw)

    def hostile(segment):  # type: ignore[no-untyped-def]
        joiner = "\n" if multiline else " "
        return f"{head}перевод {segment.msgid}{joiner}{tail}конец"

    out = localise(art, hostile)
    source_body = _body(raw).decode()
    out_body = _body(encode_article(art, out)).decode()
    assert _structure(out_body) == _structure(source_body)
    again = parse(encode_article(art, out))
    # A link's title is found by inline parsing: a translation that wraps its link in a code
    # span (``` ``` ``` around it) has no link there any more. Blocks are what must not change.
    assert len(_blocks(again.segments)) == len(_blocks(art.segments))


def _blocks(segments):  # type: ignore[no-untyped-def]
    """The block segments: not the titles, nor the segments nested in a block's text (a tag's
    argument, an inline tag's attribute), which a translation that makes the text code hides."""
    return [s for s in segments
            if s.anchor is None and s.kind not in (BlockKind.LINK_TITLE, BlockKind.IMAGE_TITLE)]


# A block (paragraph in block quotes or list items, possibly with lazy continuation lines;
# an ATX heading; an image) directly followed by a line that may be a table delimiter row or
# another block, and a translation from an alphabet of block and table syntax.
LAZY_WORD = st.sampled_from(["Quote", "line", "end", "a \\| b", "`c|d`", "`e\\|f`", "|", "-", ">", ":"])
LAZY_TEXT = LAZY_WORD.map(str) | st.lists(LAZY_WORD, min_size=1, max_size=3).map(" ".join)
OPENERS = st.sampled_from(["> ", "- ", "1. ", "> - ", "- > ", "> > ", "", " > "])
FOLLOWERS = st.sampled_from(["---", "> ---", "  ---", "> > ---", "***", "- - -", ":-:", "--|--", "# Head",
                             "> next", "- other", "```\ncode\n```", "<div>\n</div>", "Para", ""])
SMALL_TRANSLATION = st.text(alphabet=list("ab |-\\>:`#*1.=\n"), min_size=1, max_size=14).filter(
    lambda text: any(char.isalpha() for char in text))


@st.composite
def block_then_follower(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["paragraph", "atx", "image"]))
    if kind == "atx":
        first = "#" * draw(st.integers(1, 3)) + " " + draw(LAZY_TEXT) + draw(st.sampled_from(["", " #"]))
        return first + "\n" + draw(FOLLOWERS) + "\n"
    text = draw(LAZY_TEXT) if kind == "paragraph" else "![" + draw(LAZY_TEXT) + "](i.png)"
    lazy = draw(st.lists(LAZY_TEXT, max_size=2))
    return "\n".join([draw(OPENERS) + text, *lazy, draw(FOLLOWERS)]) + "\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block_then_follower(), SMALL_TRANSLATION)
def test_any_translation_above_a_following_block_keeps_the_block_structure(source: str, translation: str) -> None:
    # A source that is itself a table whose header has no unescaped pipe ('a \\| b' over
    # '---') is another matter: a cell translated without a pipe is no longer a table.
    assume("table_open" not in _structure(source))
    # A setext heading ('Quote' over '---') writes its pipes as entities too, but a pipe in a
    # code span ('`a\\|b`') would still make a table there, and no blank line may separate
    # a heading from its underline: a known gap, not generated here.
    assume(source.startswith("#") or "heading_open" not in _structure(source))
    art = parse(source.encode())
    out = localise(art, lambda segment: translation)
    assert _structure(out) == _structure(source)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_pseudo_translation_keeps_every_address(raw: bytes) -> None:
    """Whatever the engine writes around them, link targets, URLs and wikilinks' pages and
    embeds come back as the source writes them (an embed alone is no entry at all)."""
    art = parse(raw)
    engine = PseudoEngine()
    for segment in art.segments:
        # (a link drawn inside an image's alt text, ``![$5 [$A](u)](a.jpg)``, is read by no
        # two Markdown parsers alike)
        if segment.kind is not BlockKind.FRONT_MATTER and not _LINK_IN_ALT.search(segment.msgid):
            assert _addresses(engine.translate_batch([segment.msgid], "en", "ru")[0]) == _addresses(segment.msgid)


_LINK_IN_ALT = re.compile(r"!\[[^\]]*\[(?!\^)")


def _addresses(text: str) -> list[str]:
    """The destinations of the links, images and autolinks CommonMark reads in ``text``, and
    the wikilinks' pages and embeds."""
    found = [region.text(text) for region in wikilinks(text)]
    stack = MarkdownIt("commonmark").parseInline(text)
    while stack:
        token = stack.pop()
        stack += token.children or []
        found += [token.attrGet(name) for name in ("href", "src") if token.attrGet(name) is not None]
    return sorted(found)


def _at(value: object, path: tuple[str | int, ...]) -> object:
    for step in path:
        value = value[step]  # type: ignore[index]
    return value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block_scalar(), st.lists(st.sampled_from(BLOCK_WORDS + ["  spaced", ""]), min_size=1, max_size=4),
       st.booleans())
@example("description: >\n  Baku\n", ["Baku", "", "port"], False)  # a paragraph break folded
@example("summary:\n  - >+\n   Baku\n\n", ["Baku", "  spaced"], True)  # a more-indented line: quoted
def test_a_translated_block_scalar_loads_as_its_translation_in_the_sources_block_style(
        scalar: str, words: list[str], crlf: bool) -> None:
    """A published version's front matter loads (``yaml.safe_load``) as the translation with
    the source's final line breaks; the source's block header and indentation are kept when
    a block can hold the translation, and a block scalar's msgid never ends in a line break."""
    source = "---\ntitle: T\n" + scalar + "---\n\nBody.\n"
    if crlf:
        source = source.replace("\n", "\r\n")
    art = parse(source.encode())
    [segment] = [s for s in art.segments if s.kind is BlockKind.FRONT_MATTER and s.msgctxt != "title"]
    assert not segment.msgid.endswith("\n")
    translation = "Перевод " + "\n".join(words)
    out = localise(art, lambda s: translation if s is segment else None)
    path = next(path for place, path in BLOCK_PLACES.items() if scalar.startswith(place))
    written = _at(yaml.safe_load(source.split("---")[1]), path)
    tail = written[len(written.rstrip("\n")):]  # type: ignore[union-attr]
    # The spaces an indentation indicator lets the first line open with stay around the text.
    written_text = segment.msgid[:len(segment.msgid) - len(segment.msgid.lstrip())] + translation.strip()
    assert _at(yaml.safe_load(out.split("---")[1]), path) == written_text + tail
    header = re.search(r"[|>][0-9+-]*(?=\r?\n)", scalar).group(0)  # type: ignore[union-attr]
    # A more-indented line (a translation's, or the first one's spaces) keeps its line breaks
    # in a folded block.
    foldable = header[0] == "|" or not ("\n" in written_text and re.search(r"(?:^|\n)[ \t]", written_text))
    lead = " " if header[0] == ">" and written_text[:1] == " " and not re.search(r"[0-9]", header) else ""
    foldable = foldable and not lead  # without an indicator, a first line's spaces need quotes
    assert (header + ("\r\n" if crlf else "\n") in out) == foldable
    assert encode_article(art, localise(art, lambda s: s.msgid)) == source.encode()


#: A translatable TOML string's places: top level, a table, an array of tables, an inline table.
TOML_PLACES = {'title = {v}  # headline\n': ("title",), "[image]\n  caption = {v}\n": ("image", "caption"),
               "[[gallery]]\ncaption = {v}\n[[gallery]]\ncaption = 'Other'\n": ("gallery", 0, "caption"),
               "cover = {{ caption = {v}, size = 2 }}\n": ("cover", "caption"),
               "[params]\n  subtitle = {v}\n": ("params", "subtitle"),
               "params.image = {{ caption = {v} }}\n": ("params", "image", "caption")}
TOML_HOSTILE = st.lists(st.sampled_from(WORDS + ["'", '"', "\\", "\n", "\t", "'''", '"""', "\\u00e9", "\x1b",
                                                  "#", "=", "+++", "]"]), min_size=1, max_size=6).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(TOML_PLACES)), st.sampled_from(tomlfront.STRING_KINDS), st.sampled_from(WORDS),
       st.sampled_from(["", "\n", "\nx\n"]), TOML_HOSTILE, st.booleans())
def test_a_translated_toml_string_loads_as_its_translation_and_nothing_else_changes(
        place: str, kind: str, word: str, edges: str, translation: str, crlf: bool) -> None:
    """Whatever a translator writes (quotes, backslashes, line breaks, control characters, the
    delimiters themselves), the published TOML front matter loads as the source's with that
    one value replaced, and a multi-line string keeps its line breaks around the text."""
    assume(translation.strip() and (kind in ('"""', "'''") or "\n" not in edges))
    value = edges.replace("x", word) if "x" in edges else word  # "\n": a break after the opening quotes
    front = 'date = 2026-01-02\n' + place.format(v=tomlfront.render_string(value, kind, edges.startswith("\n")))
    source = f"+++\n{front}+++\n\nBody.\n"
    if crlf:
        source = source.replace("\n", "\r\n")
    art = read_article(source.encode(), path="source/a.md", slug="a", default_lang="en",
                       front_matter_keys=DEFAULT_FRONT_MATTER_KEYS + ("gallery.caption",))
    path = TOML_PLACES[place]
    [segment] = [s for s in art.segments if s.msgctxt == ".".join(map(str, path))]
    out = localise(art, lambda s: translation if s is segment else None)
    assert out.endswith(("\r\n" if crlf else "\n").join(["+++", "", "Body.", ""]))
    written = tomllib.loads(re.split(r"^\+\+\+\r?$", out, flags=re.M)[1].replace("\r\n", "\n"))
    expected = tomllib.loads(front)
    lead = value[:len(value) - len(value.lstrip("\n"))] if "\n" in edges else ""
    trail = value[len(value.rstrip("\n")):] if "\n" in edges else ""
    target: dict = expected  # type: ignore[type-arg]
    for step in path[:-1]:
        target = target[step]  # type: ignore[index]
    target[path[-1]] = lead + translation.strip() + trail  # type: ignore[index]
    assert written == expected
    assert encode_article(art, localise(art, lambda s: s.msgid)) == source.encode()
