"""Extraction finds the right text in the right places; splicing keeps every other byte."""

from __future__ import annotations

import functools
import time

import pytest
import yaml

from pipeline.config import DEFAULT_FRONT_MATTER_KEYS
from pipeline.errors import ArticleError
from pipeline.inline import RegionKind, template_tags
from pipeline.markdown import _LINE_RE, _SAFE_YAML_LOADER, SourceLines, _plain_is_safe, block_types, localise, read_article
from pipeline.model import BlockKind


def article(text: str, **kwargs: object):
    return read_article(text.encode("utf-8"), path="source/a.md", slug="a", default_lang="en",
                        front_matter_keys=kwargs.get("keys", DEFAULT_FRONT_MATTER_KEYS))  # type: ignore[arg-type]


def kinds(text: str) -> list[tuple[str, str, int]]:
    return [(s.kind.value, s.msgid, s.line) for s in article(text).segments]


def test_one_entry_per_block_with_inline_markup_kept() -> None:
    text = "# Head *one*\n\nA [link](http://x.org) and `code`\nwrapped line.\n\n- item **b**\n\n> quoted\n"
    assert kinds(text) == [
        ("heading", "Head *one*", 1),
        ("paragraph", "A [link](http://x.org) and `code` wrapped line.", 3),
        ("list item", "item **b**", 6),
        ("blockquote", "quoted", 8),
    ]


def test_code_html_and_untranslatable_front_matter_are_not_extracted() -> None:
    text = ("---\ntitle: T\nslug: not-me\ndate: 2026-01-01\n---\n\n```\ncode\n```\n\n    indented\n\n"
            "<div class=\"x\">\n<script>var s = 'text';</script><pre>pre text</pre><!-- note -->\n</div>\n")
    assert kinds(text) == [("front matter", "T", 2)]


def test_front_matter_contexts_and_nested_image_fields() -> None:
    text = "---\ntitle: T\nimage:\n  caption: 'It''s a cap'\n  alt: \"alt\\ntext\"\n---\nBody.\n"
    segments = article(text).segments
    assert [(s.msgctxt, s.msgid) for s in segments] == [
        ("title", "T"), ("image.caption", "It's a cap"), ("image.alt", "alt\ntext"), (None, "Body.")]


def test_table_cells_and_image_alt_text() -> None:
    text = "| Name | Role \\| job |\n|---|---|\n| Ann | Editor |\n\n![A *view* of Baku](baku.jpg \"t\")\n"
    assert kinds(text) == [
        ("table cell", "Name", 1), ("table cell", "Role \\| job", 1),
        ("table cell", "Ann", 3), ("table cell", "Editor", 3), ("image alt text", "A *view* of Baku", 5),
        ("image title", "t", 5),
    ]


def test_hard_breaks_stay_soft_breaks_become_spaces() -> None:
    assert kinds("one  \ntwo\\\nthree\nfour\n") == [("paragraph", "one\ntwo\\\nthree four", 1)]


def test_lang_from_front_matter_and_default() -> None:
    assert article("---\nlang: ru\n---\nТекст.\n").lang == "ru"
    assert article("Text.\n").lang == "en"


@pytest.mark.parametrize("text, line, fragment", [
    ("---\ntitle: [unclosed\n---\n", 2, "invalid front matter"),
    ("---\ntitle: a\ntitle: b\n---\n", 3, "duplicate front-matter key 'title'"),
    ("---\ntitle: a\n", 1, "never closed"),
    ("---\n- a\n- b\n---\n", 2, "must be a mapping"),
])
def test_bad_front_matter_is_reported_with_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(ArticleError) as info:
        article(text)
    assert info.value.line == line
    assert fragment in info.value.message
    assert info.value.path == "source/a.md"


@pytest.mark.parametrize("text, line", [
    ("---\ntitle: T\ndate: 2026-06-01\nfestival:\n  name: Jazz\n  editions: 21\n editions: 22\n---\nBody.\n", 7),
    ("---\ntitle: T\ntags:\n  - a\n  - b\n - c\n---\nBody.\n", 6),
])
def test_a_misindented_front_matter_line_is_reported_at_that_line(text: str, line: int) -> None:
    """Regression: PyYAML's context for a misindented key is the block mapping it breaks,
    which starts on line 2 for every article, so the error named line 2 however far
    down the bad line was; the line reported is now the misindented one."""
    with pytest.raises(ArticleError) as info:
        article(text)
    assert info.value.line == line


@pytest.mark.parametrize("value, line", [("", 2), ("[en, ru]", 2), ("\n  code: en", 3), ("''", 2),
                                         ("null", 2), ("~", 2)])  # were 'unknown language code 'null
def test_a_lang_that_is_no_code_names_its_line_and_says_what_to_write(value: str, line: int) -> None:
    with pytest.raises(ArticleError) as info:
        article(f"---\nlang: {value}\ntitle: T\n---\nBody.\n")
    assert info.value.line == line
    assert "lang: en" in (info.value.hint or ""), info.value.hint


@pytest.mark.parametrize("text, line", [
    ('---\ntitle: "a\u2028b\u0085c"\nsummary: x\nsummary: y\n---\nBody.\n', 4),
    ('---\ntitle: "a\u2029b"\nlang: xx\n---\nBody.\n', 3),
    ('---\ntitle: "a\u2028b"\nlang: [en]\n---\nBody.\n', 3),
    ('---\ntitle: "a\u0085b"\nsummary: [x\n---\nBody.\n', 3),
    ('---\ntitle: "a\u2028b"\n---\n', None),
])
def test_lines_after_a_unicode_line_separator_in_front_matter_are_the_files_lines(text: str,
                                                                                  line: int | None) -> None:
    """YAML 1.1 counts NEL, U+2028 and U+2029 as line breaks, editors do not: PyYAML's line
    numbers after one were one too many."""
    if line is None:
        assert article(text).segments[0].line == 2
        return
    with pytest.raises(ArticleError) as info:
        article(text)
    assert info.value.line == line, info.value


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085"])
def test_a_unicode_line_separator_that_breaks_a_plain_value_is_named(char: str) -> None:
    """Pasted from a web page, it is invisible: the error was "while scanning a simple key;
    could not find expected ':'", with a hint about quoting values that contain ': '."""
    with pytest.raises(ArticleError) as info:
        article(f"---\nauthor: Staff\ntitle: Alat{char}port grows\n---\nBody.\n")
    assert info.value.line == 3
    assert f"U+{ord(char):04X}" in info.value.message, info.value.message
    assert "delete" in (info.value.hint or "") and "quotes" in (info.value.hint or "")


def _alias_bomb(levels: int) -> str:
    """Front matter whose every level names the one above nine times: a few lines, but
    9**levels nodes for a walk that follows aliases."""
    lines = ["a: &l0 {caption: x, k: [x, x, x, x, x, x, x, x, x]}"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "---\ntitle: T\n" + "\n".join(lines) + "\n---\nBody.\n"


def test_front_matter_aliases_are_walked_once_not_once_per_alias() -> None:
    started = time.process_time()  # CPU time: a loaded machine must not fail it
    read = article(_alias_bomb(8))
    assert time.process_time() - started < 2
    assert [s.msgid for s in read.segments] == ["T", "Body."]


def test_a_duplicate_key_under_an_anchor_is_reported_once_at_its_line() -> None:
    with pytest.raises(ArticleError) as info:
        article("---\nimage: &i\n  src: a.jpg\n  src: b.jpg\ncover: *i\n---\nBody.\n")
    assert info.value.line == 4


@pytest.mark.parametrize("text, line, fragment", [
    ("---\n- a\n- b\n---\nBody.\n", 2, "not a list"),
    ("---\n# a list\n[a, b]\n---\nBody.\n", 3, "not a list"),
    ("---\nJust a headline\n---\nBody.\n", 2, "not a single value"),
    ("---\n%YAML 1.2\n---\ntitle: T\n---\nBody.\n", 2, "YAML directive ('%YAML 1.2')"),
    ("---\n%YAML 1.1\n--- # explicit start\ntitle: T\n---\nBody.\n", 2, "YAML directive"),
])
def test_front_matter_that_is_not_key_value_lines_is_refused_with_a_hint(text: str, line: int,
                                                                         fragment: str) -> None:
    with pytest.raises(ArticleError) as info:
        article(text)
    assert (info.value.path, info.value.line) == ("source/a.md", line)
    assert fragment in info.value.message
    assert "key: value lines" in (info.value.hint or "")


def test_json_front_matter_is_refused_not_translated_as_a_paragraph() -> None:
    """Hugo reads an article opening with a JSON object as front matter; it was extracted
    as a paragraph. A shortcode on the first line is not JSON and stays an article."""
    with pytest.raises(ArticleError) as info:
        article('{\n  "title": "Port opens",\n  "date": "2026-03-14"\n}\n\nBody.\n')
    assert (info.value.path, info.value.line) == ("source/a.md", 1)
    assert "JSON front matter" in info.value.message and "YAML" in (info.value.hint or "")
    assert article('{{< figure src="a.jpg" caption="The port." >}}\n\nBody.\n').segments
    assert [s.msgid for s in article("{braces} open the paragraph.\n").segments] == ["{braces} open the paragraph."]


@pytest.mark.parametrize("text, line, fragment", [
    ('{\n  "title": "Port opens"\n  "date": "2026-03-14"\n}\n\nBody.\n', 3, "Expecting ','"),
    ('{\n  "title": "Port opens",\n  "date": "2026-03-14"\n\nBody.\n', 5, "Expecting ','"),
    ('{ "title": "Port opens", }\n\nBody.\n', 1, "trailing comma"),
    ("{\n  title: Port opens\n}\n\nBody.\n", 2, "Expecting property name"),
])
def test_broken_json_front_matter_is_an_error_at_its_line_not_a_paragraph(text: str, line: int,
                                                                          fragment: str) -> None:
    """Regression: JSON front matter with a missing comma or an unclosed brace was read as a
    paragraph and machine-translated. Hugo reads an article opening with '{' as JSON front
    matter; an opening brace alone on line 1, or followed by a quoted key, is one."""
    with pytest.raises(ArticleError) as info:
        article(text)
    assert (info.value.path, info.value.line) == ("source/a.md", line)
    assert "JSON front matter" in info.value.message and fragment in info.value.message
    assert "YAML" in (info.value.hint or "")


@pytest.mark.parametrize("text, line", [
    ('{\n  "title": "Port opens",\n  "date": "2026-03-14",\n}\n\nBody.\n', 3),
    ('{\n  "title": "Port opens",\n  "tags": ["port",\n    "trade",\n  ]\n}\n\nBody.\n', 4),
    ('{\n  "title": "Port opens",\n  "date": "2026-03-14",\n\n\n}\n\nBody.\n', 3),
    ('{ "title": "Port opens", }\n\nBody.\n', 1),
])
def test_a_trailing_comma_in_json_front_matter_is_reported_at_the_comma(text: str, line: int) -> None:
    """Regression: a trailing comma (JavaScript allows one, JSON does not) was reported at
    the closing brace or bracket, with Python's 'Expecting property name enclosed in double
    quotes', sending the editor to a line with nothing wrong on it.
    The error now names the comma's line and says to delete it."""
    with pytest.raises(ArticleError) as info:
        article(text)
    assert (info.value.path, info.value.line) == ("source/a.md", line), info.value
    assert "trailing comma" in info.value.message and "delete" in (info.value.hint or "")

def test_json_front_matter_nested_too_deeply_is_an_error_not_a_crash() -> None:
    """Regression: Python's JSON reader recurses, and an article opening with a deeply
    nested JSON value stopped every command with a RecursionError traceback."""
    with pytest.raises(ArticleError) as info:
        article('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}\n\nBody.\n")
    assert info.value.line == 1 and "nested too deeply" in info.value.message


@pytest.mark.parametrize("text", [
    "{2024} was the year.\n", "{braces} open it.\n", "{.lead}\nThe port grows.\n",
    '{{< figure src="a.jpg" >}}\n\nBody.\n', "{: .lead}\nThe port grows.\n",
])
def test_a_first_paragraph_opening_with_a_brace_is_no_json_front_matter(text: str) -> None:
    assert article(text).segments


@pytest.mark.parametrize("text, line", [
    ("\n---\ntitle: Port opens\ndate: 2026-03-14\n---\n\nBody.\n", 2),
    ("  \n\n---\ntitle: Port opens\n---\nBody.\n", 3),
    (" ---\ntitle: Port opens\n---\nBody.\n", 1),
    ("\n+++\ntitle = \"Port opens\"\n+++\nBody.\n", 2),
    ('\n{\n  "title": "Port opens"\n}\n\nBody.\n', 2),
])
def test_front_matter_after_blank_lines_is_refused_not_translated(text: str, line: int) -> None:
    """Regression: Hugo skips blank lines and spaces before front matter, but here a '---'
    block not on line 1 was read as text: its keys and dates machine-translated, and the
    published versions got no lang or translation_of."""
    with pytest.raises(ArticleError) as info:
        article(text)
    assert (info.value.path, info.value.line) == ("source/a.md", line)
    assert "line 1" in info.value.message and "delete" in (info.value.hint or "")


@pytest.mark.parametrize("text, line", [
    ("<!-- draft: check the quotes -->\n---\ntitle: Port opens\nlang: en\n---\n\nBody.\n", 2),
    ("<!-- a -->\n\n<!-- b -->\n---\ntitle: Port opens\n---\nBody.\n", 4),
])
def test_front_matter_after_an_html_comment_line_is_refused_not_translated(text: str, line: int) -> None:
    """Regression: Hugo skips a line opening an HTML comment before front matter (it may be
    commented-out front matter), but here the block was read as a rule and a heading: its
    keys machine-translated, the published versions given a second front matter."""
    with pytest.raises(ArticleError) as info:
        article(text)
    assert (info.value.path, info.value.line) == ("source/a.md", line)
    assert "HTML comment" in info.value.message
    assert article("<!-- note -->\nText.\n\n---\n\nMore.\n\n---\n").segments  # no front matter there


@pytest.mark.parametrize("text", [
    "\n---\n\nA paragraph after a rule.\n",  # a rule and no closing line: no front matter
    "\nIntro.\n\n---\ntitle: x\n---\n",
    "\n{2024} was the year.\n",
])
def test_a_rule_or_braces_after_blank_lines_are_text(text: str) -> None:
    assert article(text).segments


TOML_FRONT = '''+++
# Hugo page
title = "Port \\"grows\\""   # headline
description = 'Literal text'
date = 2026-03-14T09:00:00+04:00
draft = false
tags = ["port", "baku"]
cover = { caption = "Inline caption", image = "c.jpg" }
summary = """
First line
second line
"""

[image]
  caption = \'\'\'It's a 'cap'\'\'\'
  src = "a.jpg"

[[gallery]]
caption = "One"
[[gallery]]
caption = "Two"
+++

Body.
'''


def test_toml_front_matter_values_are_entries_as_yaml_ones_are() -> None:
    """Regression: Hugo's ``+++`` front matter was refused with a hint to convert the site to
    YAML; its configured keys (nested, in tables, arrays of tables and inline tables) are
    entries now, and nothing else in it."""
    art = article(TOML_FRONT, keys=DEFAULT_FRONT_MATTER_KEYS + ("gallery.caption",))
    assert [(s.msgctxt, s.msgid, s.line) for s in art.segments if s.kind is BlockKind.FRONT_MATTER] == [
        ("title", 'Port "grows"', 3), ("description", "Literal text", 4), ("cover.caption", "Inline caption", 8),
        ("summary", "First line\nsecond line", 9), ("image.caption", "It's a 'cap'", 15),
        ("gallery.0.caption", "One", 19), ("gallery.1.caption", "Two", 21)]
    assert art.front_matter_end == 22 and art.segments[-1].msgid == "Body."
    assert localise(art, lambda s: s.msgid) == TOML_FRONT


def test_a_toml_version_keeps_every_other_byte_and_reads_back_as_its_translations() -> None:
    import tomllib
    art = article(TOML_FRONT, keys=DEFAULT_FRONT_MATTER_KEYS + ("gallery.caption",))
    hostile = 'Перевод \'a\' "b" \\ c\u0007 \'\'\' """'
    out = localise(art, lambda s: f"{hostile} {s.msgid}",
                   front_matter={"lang": "ru", "translation_of": "a", "machine_translated": True})
    front, body = out.removeprefix("+++\n").split("\n+++\n")
    data = tomllib.loads(front)
    assert data["title"] == f'{hostile} Port "grows"' and data["summary"] == f"{hostile} First line\nsecond line\n"
    assert data["image"]["caption"] == f"{hostile} It's a 'cap'"
    assert [g["caption"] for g in data["gallery"]] == [f"{hostile} One", f"{hostile} Two"]
    assert (data["lang"], data["translation_of"], data["machine_translated"]) == ("ru", "a", True)
    assert "image" not in data or "lang" not in data["image"]  # top-level keys stay top-level
    untouched = ["# Hugo page", "date = 2026-03-14T09:00:00+04:00", "draft = false", 'tags = ["port", "baku"]',
                 '  src = "a.jpg"', "[[gallery]]"]
    assert all(line in front.split("\n") for line in untouched)
    assert front.split("\n")[1].endswith("   # headline")
    assert body == f"\n{hostile} Body.\n"


@pytest.mark.parametrize("front, published", [
    ('title = "T"\nlang = "az"\n', 'title = "T"\nlang = "ru"\ntranslation_of = "a"\n'),
    ("lang = 'az' # source\n", "lang = 'ru' # source\ntranslation_of = \"a\"\n"),
    ('[params]\nx = 1\n', 'lang = "ru"\ntranslation_of = "a"\n[params]\nx = 1\n'),
    ("", 'lang = "ru"\ntranslation_of = "a"\n'),
    ('title = "T"\n\n# tables\n[params]\nx = 1\n',
     'title = "T"\nlang = "ru"\ntranslation_of = "a"\n\n# tables\n[params]\nx = 1\n'),
])
def test_published_toml_front_matter_gets_lang_and_translation_of_as_top_level_keys(front: str, published: str) -> None:
    art = article(f"+++\n{front}+++\n\nText.\n")
    out = localise(art, lambda s: None, front_matter={"lang": "ru", "translation_of": "a"})
    assert out == f"+++\n{published}+++\n\nText.\n"
    crlf = article(f"+++\n{front}+++\n\nText.\n".replace("\n", "\r\n"))
    out = localise(crlf, lambda s: None, front_matter={"lang": "ru", "translation_of": "a"})
    assert out == f"+++\n{published}+++\n\nText.\n".replace("\n", "\r\n")


def test_toml_front_matter_lang_is_the_articles_language() -> None:
    assert article('+++\ntitle = "Liman"\nlang = "az"\n+++\n\nMətn.\n').lang == "az"
    with pytest.raises(ArticleError) as info:
        article('+++\ntitle = "T"\nlang = 5\n+++\n\nText.\n')
    assert (info.value.line, "lang" in info.value.message) == (3, True)
    with pytest.raises(ArticleError) as info:
        read_article('+++\ntitle = "T"\nlanguage = "ru"\n+++\n\nТекст.\n'.encode(), path="source/a.md", slug="a",
                     default_lang="en", front_matter_keys=DEFAULT_FRONT_MATTER_KEYS, languages=("en", "ru"))
    assert info.value.line == 3 and 'lang = "ru"' in (info.value.hint or "")
    with pytest.raises(ArticleError) as info:
        read_article('+++\nlang = "AZ"\n+++\n\nMətn.\n'.encode(), path="source/a.md", slug="a",
                     default_lang="en", front_matter_keys=DEFAULT_FRONT_MATTER_KEYS, languages=("az", "en"))
    assert info.value.line == 2 and 'lang = "az"' in (info.value.hint or "")


def test_a_toml_articles_language_refusals_quote_and_ask_for_toml_lines() -> None:
    """Regression: ``lang = "AZ"`` was refused as ``lang: 'AZ' is not one of …`` and
    ``language = "ru"`` as ``language= 'ru' … read from 'lang='``: YAML (or neither) in a
    TOML article, whose editor copies what the message shows."""
    said = []
    for text in ('+++\nlang = "AZ"\n+++\n\nMətn.\n', '+++\ntitle = "T"\nlanguage = "ru"\n+++\n\nТекст.\n'):
        with pytest.raises(ArticleError) as info:
            read_article(text.encode(), path="source/a.md", slug="a", default_lang="en",
                         front_matter_keys=DEFAULT_FRONT_MATTER_KEYS, languages=("az", "en", "ru"))
        said.append(f"{info.value.message} | {info.value.hint}")
    assert said[0].startswith('lang = "AZ" is not one of the project\'s languages')
    assert said[1].startswith('language = "ru" names the language ru, but an article\'s language is read from '
                              "'lang', which")
    assert "keep 'language' if the site needs it" in said[1]
    assert all("lang:" not in text and "lang=" not in text and "language:" not in text for text in said), said


PARAMS_FRONT = {
    "toml": ('+++\ntitle = "Top"\n[params]\n  subtitle = "Sub"\n  title = "Params title"\n'
             '  image = { caption = "Cap" }\n  author = { subtitle = "Deep" }\n+++\n\nBody.\n'),
    "yaml": ("---\ntitle: Top\nparams:\n  subtitle: Sub\n  title: Params title\n  image:\n    caption: Cap\n"
             "  author:\n    subtitle: Deep\n---\n\nBody.\n"),
}


@pytest.mark.parametrize("syntax", sorted(PARAMS_FRONT))
def test_a_configured_key_is_an_entry_under_hugos_params_too(syntax: str) -> None:
    """Regression: Hugo 0.123+ keeps a page's own fields under ``params`` (``[params]``,
    ``params:``), where a configured ``subtitle`` was no entry unless ``params.subtitle`` was
    configured too. ``params.X`` is ``X``'s entry now (a top-level ``title`` and
    ``params.title`` are two), deeper nesting is not, and each is published in place."""
    source = PARAMS_FRONT[syntax]
    art = article(source)
    assert [(s.msgctxt, s.msgid) for s in art.segments] == [
        ("title", "Top"), ("params.subtitle", "Sub"), ("params.title", "Params title"),
        ("params.image.caption", "Cap"), (None, "Body.")]
    assert localise(art, lambda s: s.msgid) == source
    out = localise(art, lambda s: f"Ru {s.msgid}")
    for old in ("Top", "Sub", "Params title", "Cap", "Body."):
        source = source.replace(old, f"Ru {old}", 1)
    assert out == source


@pytest.mark.parametrize("text, line, words", [
    ('+++\ntitle = "T"\ndescription: Text here\n+++\n\nBody.\n', 3, 'description = "Text here"'),
    ('+++\ntitle = "Port\ndate = 2026-01-01\n+++\n\nBody.\n', 2, "quotes"),
    ('+++\ntitle = "T"\ntitle = "U"\n+++\n\nBody.\n', 3, "quotes"),
    ('+++\nsummary = """never closed\n+++\n\nBody.\n', 3, "quotes"),
    ('+++\ntitle = "Port opens"\n\nBody.\n', 1, "+++"),
])
def test_malformed_toml_front_matter_is_named_at_its_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ArticleError) as info:
        article(text)
    assert (info.value.path, info.value.line) == ("source/a.md", line)
    assert "TOML" in info.value.message or "never closed" in info.value.message
    assert words in (info.value.hint or "")


@pytest.mark.parametrize("front, published", [
    # One flow mapping: the keys go inside the braces (not after them: invalid YAML).
    ("{title: Hello}", "{title: Hello, lang: ru, translation_of: a}"),
    ("{ title: Hello }", "{ title: Hello, lang: ru, translation_of: a }"),
    ("{title: Hello,}", "{title: Hello, lang: ru, translation_of: a}"),
    ("{title: Hello, # comment\n}", "{title: Hello, lang: ru, translation_of: a # comment\n}"),
    ("{title: Hello, note: !!str }", "{title: Hello, note: !!str , lang: ru, translation_of: a }"),
    ("{}", "{lang: ru, translation_of: a}"),
    ("{title: Hello,\n  lang: en}", "{title: Hello,\n  lang: ru, translation_of: a}"),
    ("--- !!map {title: Hello}", "--- !!map {title: Hello, lang: ru, translation_of: a}"),
    # An indented block mapping: the keys at its indentation.
    ("  title: Hello", "  title: Hello\n  lang: ru\n  translation_of: a"),
    # After an explicit document end ('...' with a comment) YAML allows no more keys.
    ("title: Hello\n... # end", "title: Hello\nlang: ru\ntranslation_of: a\n... # end"),
])
def test_published_front_matter_of_any_mapping_root_is_valid_yaml(front: str, published: str) -> None:
    import yaml

    text = f"---\n{front}\n---\n\nBody.\n"
    out = localise(article(text), lambda s: None, front_matter={"lang": "ru", "translation_of": "a"})
    assert out == f"---\n{published}\n---\n\nBody.\n"
    source = yaml.safe_load(front.replace("--- ", "")) or {}
    source.pop("lang", None)
    source.pop("translation_of", None)
    assert yaml.safe_load(published.replace("--- ", "")) == {**source, "lang": "ru", "translation_of": "a"}


@pytest.mark.parametrize("front, published", [
    ("title: T\ntranslation_of:\n", "title: T\ntranslation_of: a\nlang: ru\n"),
    ("{title: T, translation_of: }\n", "{title: T, translation_of: a , lang: ru }\n"),
    ("translation_of: &slug old\nalso: *slug\n", "translation_of: &slug a\nalso: *slug\nlang: ru\n"),
    ("translation_of: !!str old\n", "translation_of: !!str a\nlang: ru\n"),
])
def test_an_empty_or_anchored_key_the_pipeline_sets_stays_valid_yaml(front: str, published: str) -> None:
    """Regression: an empty ``key:`` became ``key:a`` (not a key) and ``&slug old`` lost its anchor."""
    import yaml

    out = localise(article(f"---\n{front}---\nBody.\n"), lambda s: None,
                   front_matter={"lang": "ru", "translation_of": "a"})
    assert out == f"---\n{published}---\nBody.\n"
    data = yaml.safe_load(published)
    assert (data["lang"], data["translation_of"]) == ("ru", "a")


def test_flow_mapping_front_matter_is_translated_and_stays_one_mapping() -> None:
    import yaml

    art = article("---\n{title: Hello, date: 2026-01-01}\n---\n\nBody.\n")
    out = localise(art, lambda s: {"Hello": "Привет, мир", "Body.": "Текст."}.get(s.msgid),
                   front_matter={"lang": "ru", "translation_of": "news, 2026", "machine_translated": True})
    assert out == ('---\n{title: "Привет, мир", date: 2026-01-01, lang: ru, translation_of: "news, 2026", '
                   "machine_translated: true}\n---\n\nТекст.\n")
    assert yaml.safe_load(out.split("---\n")[1])["translation_of"] == "news, 2026"


def test_invalid_utf8_names_the_line() -> None:
    with pytest.raises(ArticleError) as info:
        read_article(b"ok\n\nbad \xff byte\n", path="source/a.md", slug="a", default_lang="en",
                     front_matter_keys=())
    assert info.value.line == 3 and "UTF-8" in info.value.message


@pytest.mark.parametrize(("raw", "message", "hint"), [
    ("---\ntitle: Tram\n---\n\nThe tram runs.\n".encode("utf-16"), "UTF-16", "UTF-8"),
    ("---\ntitle: Tram\n---\n\nThe tram runs.\n".encode("utf-16-le"), "UTF-16", "UTF-8"),
    # Regression: without a byte-order mark only English was known (its letters' high bytes
    # are NUL): Russian was 'NUL byte in the article', Azerbaijani 'not valid UTF-8'.
    ("---\ntitle: Трамвай\nlang: ru\n---\n\nТрамвай идёт в аэропорт.\n".encode("utf-16-le"), "UTF-16", "UTF-8"),
    ("---\ntitle: Трамвай\nlang: ru\n---\n\nТрамвай идёт в аэропорт.\n".encode("utf-16-be"), "UTF-16", "UTF-8"),
    ("---\ntitle: Tramvay\nlang: az\n---\n\nTramvay hava limanına gedir; əsas xətt.\n".encode("utf-16-le"),
     "UTF-16", "UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary", "rename"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\n", "binary", "rename"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4\xd2lZ\x01\x00\x00 \x05", "binary", "rename"),
])
def test_a_utf16_or_binary_file_named_md_says_what_it_is(raw: bytes, message: str, hint: str) -> None:
    """Regression: a picture, PDF or Word file saved with an .md name, or an article saved
    as UTF-16 (Notepad's 'Unicode'), was reported as 'not valid UTF-8 (byte 0x89)' with the
    hint to save the article as UTF-8, which does not help with a picture."""
    with pytest.raises(ArticleError) as info:
        read_article(raw, path="source/a.md", slug="a", default_lang="en", front_matter_keys=("title",))
    assert info.value.line == 1 and message in info.value.message, info.value
    assert hint in (info.value.hint or ""), info.value.hint

@pytest.mark.parametrize(("raw", "named", "hint"), [
    ("---\ntitle: Трамвай\nlang: ru\n---\n\nТрамвай идёт в аэропорт.\n".encode("cp1251"),
     "Windows Cyrillic (CP1251)", "iconv -f CP1251 -t UTF-8 source/a.md"),
    ("---\ntitle: Трамвай\nlang: ru\n---\n\nТрамвай идёт в аэропорт.\n".encode("koi8-r"),
     "KOI8-R", "iconv -f KOI8-R -t UTF-8 source/a.md"),
    ("---\ntitle: Café\n---\n\nThe café is naïve.\n".encode("cp1252"), "Windows Western European (CP1252)",
     "iconv -f CP1252"),
    ("---\ntitle: Трамвай\n---\n\nТрамвай идёт.\n\nЕщё ".encode() + "строка.\n".encode("cp1251"),
     "the rest of the article is UTF-8", "retype"),
])
def test_an_article_in_a_legacy_code_page_names_it(raw: bytes, named: str, hint: str) -> None:
    """A Russian article saved in Windows Cyrillic was 'not valid UTF-8' with the hint to save
    it as UTF-8 in an editor: one that opened it as UTF-8 (VS Code's default) shows � for each
    letter, and saving that as UTF-8 loses them all. The error now names the code page the
    letters read as and converts from it, or, for a file that is UTF-8 but for a line, says
    to retype that line."""
    with pytest.raises(ArticleError) as info:
        read_article(raw, path="source/a.md", slug="a", default_lang="en", front_matter_keys=("title",))
    assert named in info.value.message, info.value.message
    assert hint in (info.value.hint or ""), info.value.hint


@pytest.mark.parametrize(("raw", "line", "message"), [
    (b"---\ntitle: T\n---\n\nThe tram\0 now runs.\n", 5, "NUL byte in the article"),
    (b'---\ndate: 2026-01-01\ntitle: "Tram\\0 line"\n---\n\nBody.\n', 3, "title holds a NUL character"),
])
def test_nul_bytes_are_refused_with_the_line(raw: bytes, line: int, message: str) -> None:
    """markdown-it turns a NUL into U+FFFD and its paragraph was dropped from translation,
    published untranslated; a NUL in a front-matter value failed on the written template."""
    with pytest.raises(ArticleError) as info:
        read_article(raw, path="source/a.md", slug="a", default_lang="en", front_matter_keys=("title",))
    assert (info.value.line, message in info.value.message) == (line, True), str(info.value)
    assert info.value.hint


@pytest.mark.parametrize(("text", "line"), [
    ("---\ntitle: T\n---\n\n<<<<<<< HEAD\nThe tram runs.\n=======\nThe tram now runs.\n"
     ">>>>>>> desk\n\nEnd.\n", 5),
    ("---\n<<<<<<< HEAD\ntitle: Tram\n=======\ntitle: Trams\n>>>>>>> desk\n---\n\nBody.\n", 2),
    ("Intro.\r\n\r\n<<<<<<< ours\r\nA.\r\n||||||| base\r\nB.\r\n=======\r\nC.\r\n>>>>>>> theirs\r\n", 3),
    # Half resolved: the opening marker deleted, the rest left.
    ("Intro.\n\nThe tram runs.\n=======\nThe tram now runs.\n>>>>>>> desk\n", 6),
])
def test_git_conflict_markers_in_an_article_are_refused(text: str, line: int) -> None:
    """Regression: an article with an unresolved merge was read as Markdown, '=======' as a
    heading underline and '>>>>>>> desk' as a block quote, so both sides and the markers
    were extracted, machine-translated and published (or, in the front matter, reported
    as 'mapping values are not allowed'). Now refused at the marker, as in a catalogue."""
    with pytest.raises(ArticleError) as info:
        article(text)
    assert info.value.line == line and "merge conflict" in info.value.message, info.value
    assert "<<<<<<<" in (info.value.hint or "")


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u3000", "\u200b"])
def test_a_key_indented_by_an_invisible_space_is_refused(space: str) -> None:
    """Regression: YAML indents with spaces only, so a caption indented by non-breaking
    spaces (pasted from a web page or a word processor) became a top-level key named
    '\\xa0\\xa0caption': image.caption vanished from translation without a word."""
    text = f"---\ntitle: Port\nimage:\n{space}{space}caption: The new terminal\n---\n\nBody.\n"
    with pytest.raises(ArticleError) as info:
        article(text)
    assert info.value.line == 4 and f"U+{ord(space):04X}" in info.value.message, info.value
    assert "spaces" in (info.value.hint or "")
    assert article('---\ntitle: Port\n"\u00a0odd key": kept as written\n---\n\nBody.\n').segments

def test_conflict_markers_shown_in_a_code_block_are_text() -> None:
    """An article about git shows a conflict in a fenced block: that is no conflict."""
    text = ("How a conflict looks:\n\n```diff\n<<<<<<< HEAD\nours\n=======\ntheirs\n"
            ">>>>>>> branch\n```\n\nSetext heading\n=======\n\n> quoted\n")
    assert [s.msgid for s in article(text).segments] == ["How a conflict looks:", "Setext heading", "quoted"]

@pytest.mark.parametrize(("raw", "line", "message", "hint"), [
    (b"---\nimage:\n\tcaption: a\n---\n\nBody.\n", 3, "a tab indents this line", "replace the tab"),
    (b"---\nimage:\n  caption: a\n\t alt: b\n---\n\nBody.\n", 4, "a tab indents this line", "replace the tab"),
    (b"---\ntitle: x\ndescription: Esc\x1b[31m\n---\n\nBody.\n", 3, "control character U+001B",
     "delete the character"),
])
def test_tabs_and_control_characters_in_front_matter_are_named_on_their_line(raw: bytes, line: int, message: str,
                                                                            hint: str) -> None:
    """PyYAML says "found character that cannot start any token" for a tab (or names the line
    where the value began), and a control character's error had no line nor hint."""
    with pytest.raises(ArticleError) as info:
        read_article(raw, path="source/a.md", slug="a", default_lang="en", front_matter_keys=("title",))
    assert (info.value.line, message in info.value.message) == (line, True), str(info.value)
    assert hint in (info.value.hint or "") and "<unicode string>" not in info.value.message


@pytest.mark.parametrize("code", ["AZ", "Az", "az-AZ", "az_AZ", "az-Cyrl"])
def test_lang_naming_a_project_language_under_another_spelling_is_refused(code: str) -> None:
    """``lang: AZ`` made the article's own language a target: a catalogue translating it into
    its own language, a published copy, and no quotation or glossary notes."""
    raw = f"---\ntitle: Bərə\nlang: {code}\n---\n\nBody.\n".encode()
    with pytest.raises(ArticleError) as info:
        read_article(raw, path="source/a.md", slug="a", default_lang="en", front_matter_keys=("title",),
                     languages=("az", "ru", "en"))
    assert info.value.line == 3 and "write 'lang: az'" in (info.value.hint or "")
    assert "which write this language as 'az'" in info.value.message
    # The project's own spelling, and a language it does not publish in, are read as before.
    for fine in ("az", "tr"):
        raw = f"---\ntitle: Bərə\nlang: {fine}\n---\n\nBody.\n".encode()
        assert read_article(raw, path="source/a.md", slug="a", default_lang="en", front_matter_keys=(),
                            languages=("az", "ru", "en")).lang == fine


def test_splice_changes_only_translated_spans() -> None:
    text = "---\ntitle: Hello # comment\nkeep: NO\n---\n\n*  item one\n   continues\n\n>  quoted\n"
    art = article(text)
    out = localise(art, lambda s: {"Hello": "Привет", "item one continues": "пункт"}.get(s.msgid))
    assert out == "---\ntitle: Привет # comment\nkeep: NO\n---\n\n*  пункт\n\n>  quoted\n"


def test_translation_that_looks_like_a_block_is_escaped() -> None:
    art = article("- item\n\nPara\n\n| a |\n|---|\n| b |\n\n## Head\n")
    mapping = {"item": "1. первый", "Para": "# не заголовок\n- не список\n> не цитата", "b": "x | y",
               "Head": "Заголовок #"}
    out = localise(art, lambda s: mapping.get(s.msgid))
    assert out == ("- 1\\. первый\n\n\\# не заголовок  \n\\- не список  \n\\> не цитата\n\n| a |\n|---|\n"
                   "| x \\| y |\n\n## Заголовок \\#\n")


@pytest.mark.parametrize("translation, written", [
    ('!!! note "Важно"', '\\!!! note "Важно"'),
    ("*[МВФ]: Международный валютный фонд", "\\*[МВФ]: Международный валютный фонд"),
])
def test_a_translation_that_would_open_an_admonition_or_an_abbreviation_is_escaped(
        translation: str, written: str) -> None:
    """A paragraph whose translation reads as an admonition's marker line or an abbreviation
    definition would become an admonition, or vanish from the page into a definition."""
    art = article("A plain paragraph.\n\nAnother one.\n")
    out = localise(art, lambda s: translation if s.msgid == "A plain paragraph." else None)
    assert out == written + "\n\nAnother one.\n"
    again = article(out)
    assert [s.kind for s in again.segments] == [s.kind for s in art.segments]


def test_multiline_translation_keeps_container_prefix() -> None:
    art = article("> 1. quoted item\n")
    out = localise(art, lambda s: "строка один\nстрока два")
    assert out == "> 1. строка один  \n>    строка два\n"


def test_front_matter_values_keep_yaml_valid_and_quoting_style() -> None:
    import yaml

    text = "---\ntitle: Plain\ndescription: 'single'\nsummary: \"double\"\n---\n"
    art = article(text)
    tr = {"Plain": "yes", "single": "it's", "double": "a: b # c"}
    out = localise(art, lambda s: tr[s.msgid], front_matter={"lang": "ru", "machine_translated": True})
    data = yaml.safe_load(out.split("---\n")[1])
    assert data == {"title": "yes", "description": "it's", "summary": "a: b # c", "lang": "ru",
                    "machine_translated": True}
    assert "description: 'it''s'" in out


@pytest.mark.parametrize("value", ["yes", "No", "1984", "2024", "3.5", "off", "2024-01-01"])
def test_a_front_matter_value_yaml_reads_as_a_bool_or_number_is_extracted(value: str) -> None:
    """Regression: ``title: yes`` or ``description: 2024`` is what readers see, but YAML reads it
    as a boolean or a number, so it was published untranslated without a word. It is
    extracted as written; a translation is quoted when YAML would read it as anything but
    text, and a version translating nothing stays byte-identical."""
    import yaml

    text = f"---\ntitle: {value}\ndescription: {value}\n---\n\nBody.\n"
    art = article(text)
    assert [(s.msgctxt, s.msgid) for s in art.segments[:2]] == [("title", value), ("description", value)]
    assert localise(art, lambda s: s.msgid) == text
    out = localise(art, lambda s: "no" if s.msgctxt == "title" else ("Да" if s.msgctxt else None))
    assert yaml.safe_load(out.split("---\n")[1]) == {"title": "no", "description": "Да"}


def test_a_null_or_explicitly_tagged_front_matter_value_is_not_extracted() -> None:
    art = article("---\ntitle: ~\ndescription: !!int 7\nsummary: null\n---\n\nBody.\n")
    assert [s.msgid for s in art.segments] == ["Body."]


def test_crlf_and_bom_survive_translation() -> None:
    raw = "\ufeff---\r\ntitle: T\r\n---\r\n\r\nOne\r\ntwo\r\n".encode("utf-8")
    art = read_article(raw, path="source/a.md", slug="a", default_lang="en", front_matter_keys=("title",))
    assert art.bom
    out = localise(art, lambda s: "X\nY" if s.kind == BlockKind.PARAGRAPH else None)
    assert out == "---\r\ntitle: T\r\n---\r\n\r\nX  \r\nY\r\n"


def test_front_matter_value_inside_a_flow_mapping_stays_one_value() -> None:
    import yaml

    # A plain scalar inside {...} or [...] ends at ',', ']' or '}': a translation holding one
    # must be quoted, or the caption is cut and the rest becomes a new key.
    text = "---\nimage: {caption: Port view, alt: Alt text}\ngallery: [{caption: One}]\n---\nBody.\n"
    art = article(text, keys=("image.caption", "image.alt", "gallery.caption"))
    tr = {"Port view": "Порт, вид сверху", "Alt text": "a}b", "One": "Один]"}
    out = localise(art, lambda s: tr.get(s.msgid))
    assert yaml.safe_load(out.split("---\n")[1]) == {
        "image": {"caption": "Порт, вид сверху", "alt": "a}b"}, "gallery": [{"caption": "Один]"}]}
    assert 'image: {caption: "Порт, вид сверху", alt: "a}b"}' in out
    plain = localise(art, lambda s: "Порт" if s.msgid == "Port view" else None)
    assert "image: {caption: Порт, alt: Alt text}" in plain  # still plain where that is safe


def test_block_ending_in_unicode_whitespace_is_still_extracted() -> None:
    # markdown-it strips a block's text with str.strip(): a no-break space (common in Russian
    # typography) or an ideographic space ending the block is not in its content. The block
    # must still be found, not silently left untranslated.
    text = ("Москва\u00a0\n\nПервая строка\nвторая\u00a0\n\nЗаголовок\u00a0\n===\n\n- пункт\u00a0\n\n"
            "> цитата\u3000\n\n\u00a0\nТекст\n")
    assert kinds(text) == [
        ("paragraph", "Москва", 1), ("paragraph", "Первая строка вторая", 3), ("heading", "Заголовок", 6),
        ("list item", "пункт", 9), ("blockquote", "цитата", 11), ("paragraph", "Текст", 14),
    ]
    art = article(text)
    out = localise(art, lambda s: s.msgid.upper())
    assert out == ("МОСКВА\u00a0\n\nПЕРВАЯ СТРОКА ВТОРАЯ\u00a0\n\nЗАГОЛОВОК\u00a0\n===\n\n- ПУНКТ\u00a0\n\n"
                   "> ЦИТАТА\u3000\n\n\u00a0\nТЕКСТ\n")


def test_table_inside_a_list_item_has_every_header_cell() -> None:
    # The header row of a table that opens a list item carries the list marker: it is not
    # a cell, and the row's last cell must not be dropped to make room for it.
    text = "1. | Name | Role |\n   |---|---|\n   | Ann | Editor |\n\n> - | a | b |\n>   |---|---|\n>   | c | d |\n"
    assert kinds(text) == [
        ("table cell", "Name", 1), ("table cell", "Role", 1), ("table cell", "Ann", 3), ("table cell", "Editor", 3),
        ("table cell", "a", 5), ("table cell", "b", 5), ("table cell", "c", 7), ("table cell", "d", 7),
    ]
    out = localise(article(text), lambda s: s.msgid.upper())
    assert out == ("1. | NAME | ROLE |\n   |---|---|\n   | ANN | EDITOR |\n\n"
                   "> - | A | B |\n>   |---|---|\n>   | C | D |\n")


def test_only_commonmark_hard_breaks_become_newlines() -> None:
    # Trailing tabs are not a hard break, nor is an escaped backslash ('C:\\'); a newline in
    # the msgid there would make every translation add a <br> the source does not have.
    text = "one\t\t\ntwo \t\nthree\t  \nfour\\\nfive C:\\\\\nsix\n"
    assert kinds(text) == [("paragraph", "one two three\nfour\\\nfive C:\\\\ six", 1)]
    art = article("Para\n")
    assert localise(art, lambda s: "путь C:\\\\\nдалее") == "путь C:\\\\  \nдалее\n"


def test_translation_line_that_is_a_table_delimiter_row_is_escaped() -> None:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    art = article("Para one\n")
    for delimiter in ("--|--", ":-:|---", "|---|---|", "| :-- | --: |"):
        out = localise(art, lambda s: f"x | y\n{delimiter}\nz")
        assert out == f"x | y  \n\\{delimiter}  \nz\n"
        assert [t.type for t in md.parse(out)][:1] == ["paragraph_open"]


@pytest.mark.parametrize("source, translation, published", [
    # The reported case: a quote with a lazy line, then a thematic break. One line of
    # translation with a pipe read as a one-column table (header '> Цитата \| конец').
    ("> Quote line\nlazy \\| end\n---\n", "Цитата \\| конец", "> Цитата &#124; конец\n---\n"),
    ("- item\nlazy\n---\n", "пункт | ещё", "- пункт &#124; ещё\n---\n"),
    ("> - item\n> ---\n", "| пункт", "> - &#124; пункт\n> ---\n"),
    ("# Head\n---\n", "Заголовок \\|", "# Заголовок &#124;\n---\n"),
    ("> ![Alt](a.png)\n---\n", "a \\| b", "> ![a &#124; b](a.png)\n---\n"),
    # A pipe in a code span cannot be an entity: a blank line keeps the two blocks apart.
    ("> Quote line\nlazy\n---\n", "`a\\|b`", "> `a\\|b`\n\n---\n"),
    ("> > Quote\n> ---\n", "`a\\|b`", "> > `a\\|b`\n>\n> ---\n"),
    # Only the line above the '---' can be a header; elsewhere pipes stay as written.
    ("> Quote line\nlazy\n---\n", "a \\| b\nc", "> a \\| b  \n> c\n---\n"),
    ("> Quote line\nlazy\n\n---\n", "a \\| b", "> a \\| b\n\n---\n"),
])
def test_translation_above_a_thematic_break_does_not_make_a_table(source: str, translation: str,
                                                                  published: str) -> None:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    out = localise(article(source), lambda s: translation)
    assert out == published
    assert [t.type for t in md.parse(out)] == [t.type for t in md.parse(source)]


def test_one_word_footnote_definitions_are_extracted_like_longer_ones() -> None:
    """Regression: CommonMark reads ``[^1]: Reuters.`` as a link reference definition (label
    ``^1``), so it was never extracted, and a footnote translated to one word vanished."""
    text = ("Text.[^1][^2][^3]\n\n[^1]: Figures from the transport department.\n\n"
            "[^2]: Reuters.\n[^3]: AP \"2025\"\n\n[ref]: https://example.org\n")
    assert kinds(text) == [("paragraph", "Text.[^1][^2][^3]", 1),
                           ("paragraph", "[^1]: Figures from the transport department.", 3),
                           ("paragraph", "[^2]: Reuters.", 5), ("paragraph", "[^3]: AP \"2025\"", 6)]
    tr = {"[^1]: Figures from the transport department.": "[^1]: Минтранс.",
          "[^2]: Reuters.": "[^2]: Агентство Рейтер.", "[^3]: AP \"2025\"": "[^3]: Ассошиэйтед Пресс"}
    out = localise(article(text), lambda s: tr.get(s.msgid))
    # A longer translation of [^2] would take in the [^3] line: a blank line keeps them apart.
    assert out == ("Text.[^1][^2][^3]\n\n[^1]: Минтранс.\n\n[^2]: Агентство Рейтер.\n\n"
                   "[^3]: Ассошиэйтед Пресс\n\n[ref]: https://example.org\n")
    assert [s.msgid for s in article(out).segments] == ["Text.[^1][^2][^3]", *tr.values()]


def test_a_footnotes_further_indented_paragraphs_are_entries_not_code() -> None:
    """Regression: a footnote's second paragraph, indented by four columns after a blank line
    (Goldmark, kramdown, markdown-it-footnote), is indented code for CommonMark: it was never
    extracted and was published untranslated. Code after other paragraphs stays code."""
    text = ("Seals[^1] counted.\n\n[^1]: Figures from the ministry.\n\n    A second paragraph\n    of it.\n\n"
            "    - and a list\n\nText.\n\n    code stays\n")
    assert kinds(text) == [
        ("paragraph", "Seals[^1] counted.", 1), ("paragraph", "[^1]: Figures from the ministry.", 3),
        ("paragraph", "A second paragraph of it.", 5), ("list item", "and a list", 8), ("paragraph", "Text.", 10)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: "```\n" + s.msgid.upper())
    assert "\n\n    \\```  \n    A SECOND PARAGRAPH OF IT.\n\n    - \\```  \n      AND A LIST\n\n" in out
    assert block_types(out) == block_types(text)


def test_footnote_definitions_in_a_block_quote_stay_apart() -> None:
    out = localise(article("> [^1]: Reuters.\n> [^2]: AP.\n"), lambda s: s.msgid.replace(".", " Агентство."))
    assert out == "> [^1]: Reuters Агентство.\n>\n> [^2]: AP Агентство.\n"
    assert [s.msgid for s in article(out).segments] == ["[^1]: Reuters Агентство.", "[^2]: AP Агентство."]


@pytest.mark.parametrize("yaml_text", [
    "title: a\nb: c\n", "  title: a\n  b: c\n", "title: a\n...\n", "title: a\n... # end\n", "",
    "# only a comment\n", "&anchor\ntitle: a\n", "!!map\ntitle: a\n", "title: |\n  ...\n  x\n",
    "title: >-\n  folded\n  text\n...\n", "a:\n  - 1\n  - 2\nb: {c: d}\n",
])
def test_the_block_front_matter_shortcut_agrees_with_the_token_scan(yaml_text: str) -> None:
    """Publishing finds where new keys go without re-scanning usual front matter; the
    shortcut must give the token scan's answer."""
    import yaml

    from pipeline.markdown import _block_keys_position, _composed, _new_keys_position

    root = _composed(yaml_text)
    mapping = root if isinstance(root, yaml.MappingNode) else None
    assert _block_keys_position(yaml_text, mapping) == _new_keys_position(yaml_text)


HUGO = """---
title: Port
---

{{< figure src="cranes.jpg" alt="Cranes at dusk" caption="The \\"new\\" terminal" >}}

{{% notice info %}}
The ministry updated its figures.
{{% /notice %}}

Read {{< ref "port.md" >}} for more.

{{< youtube abc123 >}} {{< tweet 42 >}}

{% include figure.html src="/img/fair.jpg" caption='Visitors at the fair' %}

{% highlight ruby %}
puts "hello"

puts "world"
{% endhighlight %}

{{< highlight go >}}
fmt.Println("hi")
{{< /highlight >}}

{% raw %}{% include caption="Not an argument" %}{% endraw %}
"""


def test_template_tags_stay_and_only_their_readers_text_is_extracted() -> None:
    """Regression: shortcodes and Liquid tags were extracted as prose (their names, paths and
    quotes machine-translated), and the text inside highlight blocks too."""
    assert [(kind, msgid) for kind, msgid, _ in kinds(HUGO)] == [
        ("front matter", "Port"),
        ("template argument", "Cranes at dusk"),
        ("template argument", 'The \\"new\\" terminal'),
        ("paragraph", "The ministry updated its figures."),
        ("paragraph", 'Read {{< ref "port.md" >}} for more.'),
        ("template argument", "Visitors at the fair"),
    ]


def test_template_arguments_are_written_back_inside_their_quotes() -> None:
    translations = {"Cranes at dusk": 'Краны "в сумерках"', 'The \\"new\\" terminal': "Новый терминал",
                    "The ministry updated its figures.": "Министерство обновило данные.",
                    "Visitors at the fair": "Гости 'ярмарки'"}
    out = localise(article(HUGO), lambda s: translations.get(s.msgid))
    assert '{{< figure src="cranes.jpg" alt="Краны \\"в сумерках\\"" caption="Новый терминал" >}}' in out
    assert "{{% notice info %}}\nМинистерство обновило данные.\n{{% /notice %}}" in out
    assert "caption='Гости &#39;ярмарки&#39;' %}" in out
    untouched = HUGO[HUGO.index("Read {{<"):HUGO.index("{% include")]
    assert untouched in out and HUGO[HUGO.index("{% highlight"):] in out


TAG_LINES_BETWEEN_TEXTS = """{% if page.live %}
The blog is updated every ten minutes.
{% else %}
The live blog has ended.
{% endif %}

{{< tabs >}}
{{% tab title="Cargo" %}}
The terminal takes 50,000 tonnes a day.
{{% /tab %}}
{{% tab
   title="Passengers" %}}
The hall seats 300.
{{% /tab %}}
{{< /tabs >}}

> Before the break
> {{< br >}}
> after the break

- First item
  {% include note.html %}
  its second line
"""


def test_template_tag_lines_between_two_texts_part_them_into_entries() -> None:
    """Regression: tag lines inside a paragraph (a Liquid ``{% else %}`` between a condition's
    two texts, a Hugo tab's end and the next tab's start) were sent to translators inside one
    entry with both texts around them, and published moved onto the text's line; the
    arguments readers see of such tags were no entries of their own."""
    assert [(kind, msgid) for kind, msgid, _ in kinds(TAG_LINES_BETWEEN_TEXTS)] == [
        ("paragraph", "The blog is updated every ten minutes."), ("paragraph", "The live blog has ended."),
        ("template argument", "Cargo"), ("paragraph", "The terminal takes 50,000 tonnes a day."),
        ("template argument", "Passengers"), ("paragraph", "The hall seats 300."),
        ("blockquote", "Before the break"), ("blockquote", "after the break"),
        ("list item", "First item"), ("list item", "its second line"),
    ]
    art = article(TAG_LINES_BETWEEN_TEXTS)
    assert localise(art, lambda s: s.msgid) == TAG_LINES_BETWEEN_TEXTS
    out = localise(art, lambda s: f"Перевод {len(s.msgid)}")
    assert out.splitlines()[:5] == ["{% if page.live %}", "Перевод 38", "{% else %}", "Перевод 24", "{% endif %}"]
    assert '{{% tab\n   title="Перевод 10" %}}\nПеревод 19\n{{% /tab %}}' in out
    assert "> Перевод 16\n> {{< br >}}\n> Перевод 15\n" in out
    assert "- Перевод 10\n  {% include note.html %}\n  Перевод 15\n" in out


def test_a_tag_going_on_from_a_tag_line_into_prose_keeps_that_line_in_the_prose() -> None:
    source = 'Read this\n{{< abbr\n  title="International Monetary Fund" >}} IMF\n{{< br >}}\nthen that.\n'
    assert [(kind, msgid) for kind, msgid, _ in kinds(source)] == [
        ("paragraph", 'Read this {{< abbr title="International Monetary Fund" >}} IMF'),
        ("template argument", "International Monetary Fund"), ("paragraph", "then that.")]
    assert localise(article(source), lambda s: s.msgid) == source


def test_a_closer_inside_a_quoted_shortcode_argument_does_not_end_the_shortcode() -> None:
    """Hugo reads a quoted argument whole, so ``caption="50%}} up"`` is one argument; the
    tag finder stopped at the ``%}}`` and sent the rest of the shortcode to translators."""
    source = 'Growth {{< stat caption="Cargo: 50%}} up" >}} in March.\n\n{{< figure caption="Up 50%}} now" >}}\n'
    assert [(kind, msgid) for kind, msgid, _ in kinds(source)] == [
        ("paragraph", 'Growth {{< stat caption="Cargo: 50%}} up" >}} in March.'),
        ("template argument", "Cargo: 50%}} up"),
        ("template argument", "Up 50%}} now"),
    ]
    assert localise(article(source), lambda s: s.msgid) == source
    assert localise(article(source), lambda s: "Рост" if s.msgid.startswith("Growth") else None).startswith("Рост")


@pytest.mark.parametrize(("source", "translation"), [
    ("![Cranes](a.jpg)\n", "Краны\\"), ("![Cranes](a.jpg)\n", "Краны \\\\[ порт"),
    ("![Cranes](a.jpg)\n", "Краны\\\\]"), ("|Port|Cranes|\n|-|-|\n|Baku|Ten|\n", "Баку\\"),
])
def test_a_final_or_escaped_backslash_in_an_alt_text_or_cell_keeps_the_markup_around_it(
        source: str, translation: str) -> None:
    """Regression: an image alt text or table cell translated with a final backslash escaped
    the ``]`` or ``|`` after it (the image, the row, fell apart), and a ``[`` or ``]`` after
    an escaped backslash (``\\\\[``) was taken for escaped already."""
    out = localise(article(source), lambda s: translation)
    assert block_types(out) == block_types(source)
    assert [s.kind for s in article(out).segments] == [s.kind for s in article(source).segments]


def test_a_hugo_raw_string_argument_is_an_entry_written_back_inside_its_backticks() -> None:
    """Regression: Hugo's raw-string arguments (``caption=`...` ``) were left untranslated.
    A raw string holds any character but a backtick, line breaks too; a backtick quotes
    nothing in Liquid."""
    source = ('{{< figure src="a.jpg" caption=`The "new" port` alt=`Cranes\n  at dusk` >}}\n\n'
              "{% include figure.html caption=`Not an argument` %}\n")
    assert [(kind, msgid) for kind, msgid, _ in kinds(source)] == [
        ("template argument", 'The "new" port'), ("template argument", "Cranes at dusk")]
    assert localise(article(source), lambda s: s.msgid) == source
    out = localise(article(source), lambda s: {"Cranes at dusk": "Краны `в\nсумерках`"}.get(s.msgid, 'Новый "порт"'))
    assert out.startswith('{{< figure src="a.jpg" caption=`Новый "порт"` alt=`Краны &#96;в сумерках&#96;` >}}\n')


@pytest.mark.parametrize("text", ['{{</* figure src="a.jpg" caption="Cranes at dusk" */>}}\n',
                                  '{{%/* figure caption="Cranes at dusk" */%}}\n'])
def test_an_escaped_shortcode_is_shown_as_written_and_its_arguments_are_not_extracted(text: str) -> None:
    """Regression: ``{{</* figure caption="..." */>}}``, which Hugo prints as the shortcode's
    own source (a how-to shows readers what to type), had its caption machine-translated."""
    assert article(text).segments == ()


@pytest.mark.parametrize("source", ['{{< figure src="a.jpg" caption="Cranes" >}}\n',
                                    '{{< figure src="a.jpg" caption=`Cranes` >}}\n',
                                    '{{% figure src="a.jpg" caption="Cranes" %}}\n',
                                    "{% include figure.html caption='Cranes' %}\n",
                                    '{% include figure.html caption="Cranes" %}\n'])
@pytest.mark.parametrize("translation", ["Краны >}} порта", "Краны %}} порта", "Краны %} порта",
                                         "Краны {% raw %} порта", "Краны\\"])
def test_template_argument_translation_cannot_close_its_tag(source: str, translation: str) -> None:
    """Regression: a translation holding the tag's closing ``>}}``, ``%}}`` or ``%}`` was written
    as it is, ending the tag inside the argument (Liquid reads up to the first ``%}``; the rest
    of the tag was then published as prose), and a final backslash escaped the closing quote
    (Hugo reads any backslash before a ``"`` as an escape)."""
    out = localise(article(source), lambda s: translation)
    tags = template_tags(out)
    assert len(tags) == 1 and (tags[0].start, tags[0].end) == (0, len(out) - 1)
    assert [s.kind.value for s in article(out).segments] == ["template argument"]
    assert "\\\"" not in out and "\\'" not in out  # no closing quote escaped


@pytest.mark.parametrize("source, translation, published", [
    ("{% render 'card', title: \"Port grows\", image: 'a.jpg' %}\n", 'Порт "растёт"',
     "{% render 'card', title: \"Порт &quot;растёт&quot;\", image: 'a.jpg' %}\n"),
    ("{% render \"card\" with page, caption: 'Port grows' %}\n", "Порт д'Алат",
     "{% render \"card\" with page, caption: 'Порт д&#39;Алат' %}\n"),
    ('{{ card(title="Port grows", src="a.jpg") }}\n', 'Порт "растёт"',
     '{{ card(title="Порт \\"растёт\\"", src="a.jpg") }}\n'),
    ("See {{ figure(caption='Port grows') }} here.\n", "Порт д'Алат",
     None),
])
def test_liquid_colon_and_nunjucks_call_arguments_are_readers_text(source: str, translation: str,
                                                                   published: str | None) -> None:
    """Regression: Liquid's named arguments after a comma (``{% render 'card', title: "..."
    %}``, Shopify and Eleventy) and a Nunjucks macro call's (``{{ card(title="...") }}``) were
    not read: the caption stayed in the source language in every version. A Nunjucks string
    takes backslash escapes, a Liquid one none (its quote is written as an HTML entity)."""
    art = article(source)
    arguments = [s for s in art.segments if s.kind is BlockKind.TEMPLATE_ARGUMENT]
    assert [s.msgid for s in arguments] == ["Port grows"]
    out = localise(art, lambda s: translation if s.kind is BlockKind.TEMPLATE_ARGUMENT else None)
    if published is not None:
        assert out == published
    assert len([s for s in article(out).segments if s.kind is BlockKind.TEMPLATE_ARGUMENT]) == 1
    assert len(template_tags(out)) == 1


@pytest.mark.parametrize("source", ["{{ page.title }} and {{ 'caption: \"x\"' }}\n",
                                    '{% if site.x %}title: "Port grows"{% endif %}\n'])
def test_liquid_output_and_assignments_give_no_argument(source: str) -> None:
    assert [s for s in article(source).segments if s.kind is BlockKind.TEMPLATE_ARGUMENT] == []


MULTI_LINE_TAGS = """Intro.

{{< figure
    src="photos/port.jpg"
    caption="Ships waiting at the port of Baku"
    alt="Three cargo ships" >}}

{{< figure
  src="cranes.jpg"
  caption="Cranes at dusk"
>}}

> {{< figure
>   caption="A quoted caption"
> >}}

- {{< figure src="a.jpg"
    title="A listed figure"
    >}}

{% include figure.html
   src="fair.jpg"
   caption='Visitors at the fair' %}
"""


@pytest.mark.parametrize("text", [
    '{{< figure src="a.jpg"\n\n  caption="c" >}}',
    '{{< figure caption="first\n\nsecond" >}}',
    "{% include x.html\n  \n caption='c' %}",
    "{{ page.title\n\n}}",
])
def test_no_template_tag_goes_on_over_a_blank_line(text: str) -> None:
    """Markdown ends a block at a blank line, so no tag spans one (only a literal block does),
    and no tag is longer than 2,000 characters. Regression: an unclosed opener was searched to
    the end of the article, once per opener: 3,000 of them in separate paragraphs took 15 s to
    read (0.3 s now), in one long paragraph 126 s (3 s now; 16 s before today's changes)."""
    assert template_tags(text) == []
    assert template_tags("{{< figure caption=\"" + "word " * 500 + "\" >}}") == []  # 2,500 characters
    literal = "{% raw %}\n\n{{ x }}\n\n{% endraw %}"
    assert [r.text(literal) for r in template_tags(literal)] == [literal]


def test_a_template_tag_over_several_lines_has_its_readers_text_extracted() -> None:
    """Regression: a shortcode or include whose arguments go on over several lines (Hugo's own
    documentation writes ``figure`` so) kept its caption untranslated: the per-line tag finder
    saw no tag, and markdown-it read a ``>}}`` line as a block quote."""
    assert kinds(MULTI_LINE_TAGS) == [
        ("paragraph", "Intro.", 1),
        ("template argument", "Ships waiting at the port of Baku", 5),
        ("template argument", "Three cargo ships", 6),
        ("template argument", "Cranes at dusk", 10),
        ("template argument", "A quoted caption", 14),
        ("template argument", "A listed figure", 18),
        ("template argument", "Visitors at the fair", 23),
    ]
    assert localise(article(MULTI_LINE_TAGS), lambda s: s.msgid) == MULTI_LINE_TAGS


def test_a_multi_line_tags_arguments_are_written_back_on_their_own_lines() -> None:
    out = localise(article(MULTI_LINE_TAGS), lambda s: f'Перевод "{s.msgid}" >}}}} %}}' if s.kind ==
                   BlockKind.TEMPLATE_ARGUMENT else None)
    assert ('{{< figure\n  src="cranes.jpg"\n  caption="Перевод \\"Cranes at dusk\\" >&#125;} %&#125;"\n>}}'
            in out)
    assert "> {{< figure\n>   caption=\"Перевод" in out
    assert "caption='Перевод \"Visitors at the fair\" >&#125;} %&#125;' %}" in out
    assert [s.kind for s in article(out).segments] == [s.kind for s in article(MULTI_LINE_TAGS).segments]
    assert len(template_tags(out)) == len(template_tags(MULTI_LINE_TAGS))


def test_a_liquid_argument_over_two_lines_is_one_entry_and_a_hugo_one_is_left_alone() -> None:
    """Liquid reads a quoted value up to its closing quote, line breaks and all, into HTML,
    where they read as spaces; Hugo refuses a line break inside ``"..."`` (the build fails),
    so such a value is no entry and stays as written."""
    liquid = '{% include figure.html caption="Ships at\n    the port" %}\n'
    hugo = '{{< figure caption="Ships at\n    the port" >}}\n'
    segment, = article(liquid).segments
    assert (segment.msgid, segment.line, len(segment.pieces)) == ("Ships at the port", 1, 2)
    assert localise(article(liquid), lambda s: "Корабли\nв порту") == \
        '{% include figure.html caption="Корабли в порту" %}\n'
    assert article(hugo).segments == ()
    assert localise(article(hugo), lambda s: "x") == hugo


@pytest.mark.parametrize("text", [
    '```\n{{< figure\n  caption="Cranes at dusk"\n>}}\n```\n',
    '    {{< figure\n      caption="Cranes at dusk" >}}\n',
    '{{</* figure\n  caption="Cranes at dusk"\n*/>}}\n',
    '{% raw %}\n{% include figure.html\n  caption="Cranes at dusk" %}\n{% endraw %}\n',
    '{{< highlight md >}}\n{{< figure\n  caption="Cranes at dusk" >}}\n{{< /highlight >}}\n',
])
def test_a_multi_line_tag_in_code_or_a_literal_block_stays_literal(text: str) -> None:
    assert article(text).segments == ()
    assert localise(article(text), lambda s: "x") == text


@pytest.mark.parametrize("text, entries", [
    # An unfinished shortcode in a fence, its closer in a code span after it: the fence ends.
    ("Open it:\n\n```\n{{< figure\n```\nthen close it with `>}}`.\n\n- first step\n\nDone.\n",
     ["Open it:", "then close it with `>}}`.", "first step", "Done."]),
    # A tag's opener and closer in code spans on two lines: the list item stays a list item.
    ("Write `{{< figure` to open\n- and `>}}` to close.\n",
     ["Write `{{< figure` to open", "and `>}}` to close."]),
    ("Type `{% include`\n# then the name and `%}`.\n", ["Type `{% include`", "then the name and `%}`."]),
])
def test_what_only_looks_like_a_multi_line_tag_in_code_leaves_the_blocks_as_markdown_reads_them(
        text: str, entries: list[str]) -> None:
    """Regression: text that reads as a multi-line tag only with a code span's or a code
    block's characters had its lines masked as a tag's: the fence lost its closing line (every
    block after it became code, its entries gone) or a list item or heading became part of the
    paragraph above it. Articles without a real tag must keep the catalogues they had."""
    assert [s.msgid for s in article(text).segments] == entries
    assert localise(article(text), lambda s: s.msgid) == text


@pytest.mark.parametrize("text", [
    'Rain.\n\n{{< figure\n  src="clouds.jpg"\n\n  caption="Clouds over the coast"\n>}}\n\nSchools close.\n',
    'Rain.\n\n> {% include figure.html image="a.jpg"\n>\n> caption="Clouds over the coast" %}\n\nSchools close.\n',
    'Rain.\n\n- {{< figure src="a.jpg"\n\n  caption="Clouds over the coast" >}}\n\nSchools close.\n',
])
def test_a_tag_whose_arguments_go_on_past_a_blank_line_is_left_as_written(text: str) -> None:
    """Regression: Markdown splits such a tag into paragraphs, and each piece (``{{< figure``,
    ``caption="..."``) was an entry: its translation, tag name and argument names included,
    was published as a tag the generator cannot read. The tag's lines stay as written."""
    assert [s.msgid for s in article(text).segments] == ["Rain.", "Schools close."]
    assert localise(article(text), lambda s: "Перевод") == text.replace("Rain.", "Перевод").replace(
        "Schools close.", "Перевод")


def test_a_multi_line_tag_that_markdown_splits_between_two_blocks_is_left_as_written() -> None:
    """Regression: a tag starting on an HTML comment's line (a comment block ends on the line of
    its ``-->``) went on in the paragraph below: 'word {{< abbr' was an HTML block's text and
    'title="..." >}}' a paragraph, and their translations were published as a broken tag."""
    text = '> <!-- note --> word {{< abbr\n>   title="Baku port" >}}\n\nAfter.\n'
    assert [s.msgid for s in article(text).segments] == ["After."]
    assert localise(article(text), lambda s: "x") == text.replace("After.", "x")


def test_a_multi_line_tag_that_goes_on_into_prose_stays_in_the_paragraph() -> None:
    """A tag is kept whole: a tags-only first line whose tag ends inside the next line's prose
    is part of the paragraph's text, as a tag inside prose always is."""
    text = 'Intro {{< ref\n  "a.md" >}}.\n\n{{< note\n  title="Mind" >}} Text after.\n'
    assert kinds(text) == [("paragraph", 'Intro {{< ref "a.md" >}}.', 1),
                           ("paragraph", '{{< note title="Mind" >}} Text after.', 4),
                           ("template argument", "Mind", 5)]


PROSE_TAGS = """The {{< abbr title="North Atlantic Treaty Organization" >}} met in Baku
({% include note.html label='Updated' %}). Use `{{< abbr title="Code" >}}` to cite it.

## Ports {{< flag label="Azerbaijan" >}}

| Flag | Port |
|------|------|
| {{< flag label="Russia" >}} | Astrakhan |
"""


def test_a_tag_inside_prose_keeps_its_place_and_its_readers_text_is_an_entry_of_its_own() -> None:
    """Regression: a tag inside a sentence goes to machine translation as a placeholder, so its
    ``title`` or ``label`` was published in the source language. Like a link's title, each is
    an entry of its own and the sentence's msgid keeps the tag whole (no catalogue churn);
    a tag in a code span is code."""
    assert kinds(PROSE_TAGS) == [
        ("paragraph", 'The {{< abbr title="North Atlantic Treaty Organization" >}} met in Baku '
                      "({% include note.html label='Updated' %}). Use `{{< abbr title=\"Code\" >}}` to cite it.", 1),
        ("template argument", "North Atlantic Treaty Organization", 1),
        ("template argument", "Updated", 2),
        ("heading", 'Ports {{< flag label="Azerbaijan" >}}', 4),
        ("template argument", "Azerbaijan", 4),
        ("table cell", "Flag", 6), ("table cell", "Port", 6),
        ("template argument", "Russia", 8), ("table cell", "Astrakhan", 8),
    ]
    assert localise(article(PROSE_TAGS), lambda s: s.msgid) == PROSE_TAGS


@pytest.mark.parametrize("prose", [False, True])
def test_a_prose_tags_translated_argument_goes_into_the_translated_sentence(prose: bool) -> None:
    """The argument's translation is put into the tag wherever the block's translation still
    holds the tag as the msgid has it (as machine translation's placeholders give it back),
    and into the source's tag when the block itself is not translated."""
    sentence = PROSE_TAGS.split("\n\n")[0].replace("\n", " ")
    translations = {"North Atlantic Treaty Organization": 'Организация "Североатлантического" договора',
                    "Updated": "Обновлено >}}"}
    if prose:
        translations[sentence] = sentence.replace("met in Baku", "встретилась в Баку")
    out = localise(article(PROSE_TAGS), lambda s: translations.get(s.msgid))
    assert '{{< abbr title="Организация \\"Североатлантического\\" договора" >}}' in out
    assert "{% include note.html label='Обновлено >&#125;}' %}" in out
    assert ("встретилась в Баку" in out) is prose
    assert '`{{< abbr title="Code" >}}`' in out




@pytest.mark.parametrize("text", [
    'Residents <!-- {{< abbr title="Not shown" >}} --> welcomed it.\n',
    'Residents <!--\n{{< abbr title="Not shown" >}} --> welcomed it.\n',
    '## Port <!-- {{< flag label="Hidden" >}} -->\n',
    '| A |\n|---|\n| Cell <!-- {% include x.html title="Hidden" %} --> |\n',
])
def test_a_tag_inside_an_html_comment_in_prose_is_not_an_entry(text: str) -> None:
    """Regression: a tag inside an HTML comment in a paragraph, heading or cell had its title
    extracted, though no reader sees it (a comment on a block of its own never was)."""
    assert BlockKind.TEMPLATE_ARGUMENT not in [s.kind for s in article(text).segments]
    assert localise(article(text), lambda s: "x" if s.kind == BlockKind.TEMPLATE_ARGUMENT else None) == text


@pytest.mark.parametrize("cell", ['{{< abbr title="Ministry" >}} <img src="i.png" alt="Icon">',
                                  "{% include n.html label='Ministry' %} word"])
def test_a_template_arguments_translation_cannot_split_its_table_cell(cell: str) -> None:
    """Regression: a ``|`` in the translation of a tag's argument in a table cell split the
    cell inside the tag: the row's next cell was dropped and the rest of the tag was text."""
    source = f"| A | B |\n|---|---|\n| {cell} | two |\n"
    out = localise(article(source), lambda s: "a | b" if s.kind == BlockKind.TEMPLATE_ARGUMENT else None)
    assert "a &#124; b" in out and out.endswith(" | two |\n")
    assert [s.kind for s in article(out).segments] == [s.kind for s in article(source).segments]
    assert [s.msgid for s in article(out).segments][-1] == "two"


def test_a_tag_in_an_image_alt_is_anchored_there_and_one_in_a_link_title_stays_in_the_title() -> None:
    """Two segments never share characters: a tag's argument inside an image's alt text is
    nested in the alt's entry; one inside a link's title stays part of the title's entry."""
    image = '![The {{< abbr title="United Nations" >}} flag](f.jpg)\n'
    alt, argument = article(image).segments
    assert (alt.kind, argument.kind, argument.msgid) == (BlockKind.IMAGE_ALT, BlockKind.TEMPLATE_ARGUMENT,
                                                         "United Nations")
    assert argument.anchor is not None and argument.anchor.text == '{{< abbr title="United Nations" >}}'
    assert localise(article(image), lambda s: "ООН" if s.msgid == "United Nations" else None) == \
        '![The {{< abbr title="ООН" >}} flag](f.jpg)\n'
    link = "See [x](u 'Ask {{< abbr title=\"Why\" >}} here') now.\n"
    assert [s.kind for s in article(link).segments] == [BlockKind.PARAGRAPH, BlockKind.LINK_TITLE]
    # A title of the tag alone is no entry of its own: the tag's argument is, nested in the block.
    alone = "See [x](u '{{< abbr title=\"Why\" >}}') now.\n"
    assert [s.kind for s in article(alone).segments] == [BlockKind.PARAGRAPH, BlockKind.TEMPLATE_ARGUMENT]
    assert localise(article(alone), lambda s: "Почему" if s.msgid == "Why" else None) == \
        "See [x](u '{{< abbr title=\"Почему\" >}}') now.\n"


@pytest.mark.parametrize("translation", ["Перевод `x", "Перевод ```", "`код`"])
def test_a_backtick_in_a_template_argument_translation_cannot_make_its_tag_code(translation: str) -> None:
    """Regression: a backtick in a translated argument paired with one in the prose around its
    tag (or in the next tag's argument) into a code span, and the tag was read as code: its
    argument was no longer an entry and the sentence's words were taken for text."""
    source = 'Ships {{< abbr title="Baku port" >}} and `code` {{< abbr title="Alat port" >}} here.\n'
    out = localise(article(source), lambda s: translation if s.kind == BlockKind.TEMPLATE_ARGUMENT else None)
    assert "`" not in out.replace("`code`", "")
    assert [s.kind for s in article(out).segments] == [s.kind for s in article(source).segments]


@pytest.mark.parametrize("translation", ["Baku\tport", "Baku\x85port", "Baku\u2028port", "Baku\u2029port"])
def test_front_matter_translation_with_a_tab_or_line_separator_loads_back_as_itself(translation: str) -> None:
    """Regression: a tab was written unquoted (PyYAML's reader refuses it) and NEL raw inside
    double quotes, where YAML folds a line break into a space (U+2028 and U+2029 are line
    breaks for YAML 1.1 readers, so they are escaped too)."""
    import yaml

    text = "---\ntitle: Port\n---\n\nBody.\n"
    out = localise(article(text), lambda s: translation if s.msgid == "Port" else None)
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        assert yaml.load(out.split("---\n")[1], Loader=loader) == {"title": translation}


def test_theme_front_matter_text_is_extracted_and_paths_dates_and_terms_are_not() -> None:
    """Regression: a Hugo (PaperMod) or Jekyll front matter's subtitle, excerpt and cover
    alt text and caption were published untranslated."""
    text = ("---\ntitle: Port\nsubtitle: Cargo doubles\nexcerpt: Two terminals now.\n"
            "date: 2026-03-14T09:30:00+04:00\ndraft: false\nslug: port\ntags: [ports, trade]\n"
            "cover:\n  image: /img/cover.jpg\n  alt: A ship at sea\n  caption: The new terminal\n"
            "  relative: false\n---\n\nBody.\n")
    assert [(s.msgctxt, s.msgid) for s in article(text).segments] == [
        ("title", "Port"), ("subtitle", "Cargo doubles"), ("excerpt", "Two terminals now."),
        ("cover.alt", "A ship at sea"), ("cover.caption", "The new terminal"), (None, "Body.")]



def test_short_titles_menus_and_sidebars_show_are_extracted() -> None:
    """Regression: Hugo's ``linkTitle`` (the menu's text), Docusaurus' ``sidebar_label`` and
    ``pagination_label`` and Minimal Mistakes' ``header.caption`` are read by every reader,
    yet were published in the source's language."""
    text = ("---\ntitle: The port doubles its cargo\nlinkTitle: Port\nsidebar_label: Port news\n"
            "pagination_label: Port, 2026\nsidebar_position: 3\nheader:\n  image: /img/h.jpg\n"
            "  caption: Photo by the port\n---\n\nBody.\n")
    assert [(s.msgctxt, s.msgid) for s in article(text).segments] == [
        ("title", "The port doubles its cargo"), ("linkTitle", "Port"), ("sidebar_label", "Port news"),
        ("pagination_label", "Port, 2026"), ("header.caption", "Photo by the port"), (None, "Body.")]

TITLES = """[Read the [statement](https://x.org/s "Ministry statement") today.

![A crane](crane.jpg "The terminal's biggest crane")

See [the port](https://x.org/p 'Port \\'authority\\'') and ![a map](m.png (Map \\(2026\\))).

`[code](https://x.org "Not a title")` and [no title](https://x.org).

[stmt]: https://x.org/statement "Ministry statement, in full"
[port]:
  https://x.org/port
  'Port authority'
[bare]: https://x.org/bare
"""


def test_link_and_image_titles_are_entries_of_their_own() -> None:
    """Regression: titles (tooltips, read by screen readers) were published untranslated.
    The paragraph's msgid keeps its titles as they are, so existing entries do not change."""
    assert [(kind, msgid) for kind, msgid, _ in kinds(TITLES)] == [
        ("paragraph", '[Read the [statement](https://x.org/s "Ministry statement") today.'),
        ("link title", "Ministry statement"),
        ("image alt text", "A crane"),
        ("image title", "The terminal's biggest crane"),
        ("paragraph", "See [the port](https://x.org/p 'Port \\'authority\\'') and "
                      "![a map](m.png (Map \\(2026\\)))."),
        ("link title", "Port \\'authority\\'"),
        ("image title", "Map \\(2026\\)"),
        ("paragraph", '`[code](https://x.org "Not a title")` and [no title](https://x.org).'),
        ("link title", "Ministry statement, in full"),
        ("link title", "Port authority"),
    ]
    assert [s.line for s in article(TITLES).segments if s.kind is BlockKind.LINK_TITLE] == [1, 5, 9, 12]


def _titles_in(text: str) -> list[str]:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    found = []
    for token in md.parse(text):
        for child in token.children or []:
            if child.type in ("link_open", "image") and child.attrGet("title"):
                found.append(child.attrGet("title"))
    return found


@pytest.mark.parametrize("translation", [
    'Заявление "министерства"', "It's (really) it", "a | b", "код `x` здесь", "в конце \\",
    "две\nстроки", "уже \\\" экранировано",
])
def test_titles_are_written_back_escaped_for_their_delimiter(translation: str) -> None:
    source = ("| a | [cell](u \"Cell\") |\n|---|---|\n\nA `code [link](u \"T1\") and "
              "![x](i.png 'T2') and [y](u (T3)).\n\n[r]: https://x.org \"T4\"\n[s]: https://x.org 'T5'\n"
              "[t]: https://x.org (T6)\n\nUse [r] [s] [t].\n")
    out = localise(article(source), lambda s: translation if s.kind is BlockKind.LINK_TITLE
                   or s.kind is BlockKind.IMAGE_TITLE else None)
    expected = " ".join(translation.replace('\\"', '"').split("\n")).rstrip("\\") + (
        "\\" if translation.endswith("\\") else "")
    assert _titles_in(out) == [expected] * 4 + [expected] * 3
    assert block_types(out) == block_types(source)


def test_a_title_goes_into_its_translated_paragraph_unless_the_translator_rewrote_it() -> None:
    text = 'Read the [statement](https://x.org/s "Ministry statement") today.\n'
    tr = {"Ministry statement": "Заявление министерства",
          'Read the [statement](https://x.org/s "Ministry statement") today.':
              'Прочтите [заявление](https://x.org/s "Ministry statement") сегодня.'}
    assert localise(article(text), lambda s: tr.get(s.msgid)) == (
        'Прочтите [заявление](https://x.org/s "Заявление министерства") сегодня.\n')
    # The paragraph alone, the title alone.
    assert localise(article(text), lambda s: tr.get(s.msgid) if s.kind is BlockKind.LINK_TITLE else None) == (
        'Read the [statement](https://x.org/s "Заявление министерства") today.\n')
    own = 'Прочтите [заявление](https://x.org/s "Заявление МИД") сегодня.'
    assert localise(article(text), lambda s: own if s.kind is BlockKind.PARAGRAPH else tr.get(s.msgid)) == own + "\n"


INLINE_HTML = """\
The <abbr title="International Monetary Fund">IMF</abbr> met the <span aria-label='Finance minister'>minister</span>.

| Port | Logo |
|---|---|
| Baku | <img src="b.png" alt="Port of Baku"> |

## Cranes <img src="c.png" title="Cranes">

Cranes <img src="c.png"
alt="A crane at dusk"> by night.

Code `<abbr title="Not this">` and <!-- <img alt="Nor this"> --> and </abbr title="x"> stay.
"""


def test_an_inline_html_attributes_translation_cannot_split_its_cell_or_make_its_tag_code() -> None:
    """Regression: a ``|`` in the translation of a table cell's ``<abbr title>`` split the cell
    inside the tag (the row lost its next cell and the tag was printed as text), and a backtick
    paired with a lone one in the prose before the tag into a code span holding half of it."""
    source = ("| A | B |\n|---|---|\n| See <abbr title=\"Ministry\">MoE</abbr> now | two |\n\n"
              "Text ` lone <img src=\"i.png\" alt=\"Icon\"> end.\n")
    out = localise(article(source), lambda s: "a | b ` c" if s.kind in (BlockKind.HTML_TITLE, BlockKind.HTML_ALT)
                   else None)
    assert '<abbr title="a &#124; b &#96; c">MoE</abbr> now | two |' in out
    assert '<img src="i.png" alt="a &#124; b &#96; c">' in out
    assert block_types(out) == block_types(source)
    assert [s.kind for s in article(out).segments] == [s.kind for s in article(source).segments]


def test_an_inline_html_tag_holding_a_template_tag_is_one_protected_tag() -> None:
    """Regression: ``<a href="{{< ref "about.md" >}}">`` was found as its shortcode alone, so
    ``<a href="`` was prose (machine translation wrote its quotes as guillemets). The tag is one
    protected region; an attribute holding a template tag is the generator's, never an entry."""
    from pipeline.inline import protected_regions

    text = ('See <a href="{{< ref "about.md" >}}">our team</a> and '
            '<img src="l.png" alt="{{< param site >}} logo">.')
    assert [(r.kind, r.text(text)) for r in protected_regions(text)] == [
        (RegionKind.HTML, '<a href="{{< ref "about.md" >}}">'), (RegionKind.HTML, "</a>"),
        (RegionKind.HTML, '<img src="l.png" alt="{{< param site >}} logo">')]
    assert [s.kind for s in article(text + "\n").segments] == [BlockKind.PARAGRAPH]


def test_alt_title_and_aria_label_of_inline_html_tags_are_entries_of_their_own() -> None:
    """Regression: inline HTML in a paragraph, cell or heading reached MT as one placeholder,
    so its tooltip and alt text were published untranslated. The block's msgid is unchanged."""
    assert kinds(INLINE_HTML) == [
        ("paragraph", 'The <abbr title="International Monetary Fund">IMF</abbr> met the '
                      "<span aria-label='Finance minister'>minister</span>.", 1),
        ("html title", "International Monetary Fund", 1),
        ("html aria-label", "Finance minister", 1),
        ("table cell", "Port", 3),
        ("table cell", "Logo", 3),
        ("table cell", "Baku", 5),
        ("html alt text", "Port of Baku", 5),
        ("heading", 'Cranes <img src="c.png" title="Cranes">', 7),
        ("html title", "Cranes", 7),
        ("paragraph", 'Cranes <img src="c.png" alt="A crane at dusk"> by night.', 9),
        ("html alt text", "A crane at dusk", 10),
        ("paragraph", 'Code `<abbr title="Not this">` and <!-- <img alt="Nor this"> --> and '
                      '</abbr title="x"> stay.', 12),
    ]


def test_inline_html_attributes_go_into_their_translated_block_or_alone() -> None:
    tr = {
        "International Monetary Fund": 'Международный "валютный" фонд',
        "Finance minister": "Министр финансов",
        "Port of Baku": "Бакинский порт",
        "A crane at dusk": "Кран в сумерках",
        'The <abbr title="International Monetary Fund">IMF</abbr> met the '
        "<span aria-label='Finance minister'>minister</span>.":
            'С <span aria-label=\'Finance minister\'>министром</span> встретился '
            '<abbr title="International Monetary Fund">МВФ</abbr>.',
    }
    out = localise(article(INLINE_HTML), lambda s: tr.get(s.msgid))
    assert out.splitlines()[0] == (
        "С <span aria-label='Министр финансов'>министром</span> встретился "
        '<abbr title="Международный &quot;валютный&quot; фонд">МВФ</abbr>.')
    assert '| Baku | <img src="b.png" alt="Бакинский порт"> |' in out  # the cell itself untranslated
    assert '## Cranes <img src="c.png" title="Cranes">' in out  # "Cranes" not translated
    assert 'Cranes <img src="c.png"\nalt="Кран в сумерках"> by night.' in out
    assert block_types(out) == block_types(INLINE_HTML)
    assert localise(article(INLINE_HTML), lambda s: None) == INLINE_HTML


@pytest.mark.parametrize("text", [
    '[a](https://x.org "unclosed\n',
    '[a](https://x.org "t" x)\n',
    '[a](<https://x.org> "t"\n\n)\n',
    '[r]: https://x.org "t" garbage\n',
    "    [a](https://x.org 'indented code')\n",
])
def test_what_is_not_a_title_stays_as_written(text: str) -> None:
    assert [s for s in article(text).segments if "title" in s.kind.value] == []


def test_blocks_whose_only_letters_are_markup_or_character_references_are_not_extracted() -> None:
    """Regression: a ``&nbsp;`` spacer paragraph, an ``&mdash;`` table cell, a lone code span
    or URL were entries: translators got markup to translate, and the article waited for them."""
    text = ("Before.\n\n&nbsp;\n\n# &mdash;\n\n&hellip;\n\n| Minister | Since |\n|---|---|\n"
            "| &nbsp; | `N/A` |\n| &mdash; | 2019 |\n\n`SELECT * FROM ministers;`\n\n"
            "<https://example.org/data.csv>\n\nwww.example.az\n\n[](https://x.org \"A tooltip\")\n\n"
            "&laquo;Quoted&raquo; &amp; `code`\n")
    assert kinds(text) == [
        ("paragraph", "Before.", 1), ("table cell", "Minister", 9), ("table cell", "Since", 9),
        ("link title", "A tooltip", 20), ("paragraph", "&laquo;Quoted&raquo; &amp; `code`", 22),
    ]
    out = localise(article(text), lambda s: s.msgid.upper())
    assert out == text.replace("Before", "BEFORE").replace("Minister | Since", "MINISTER | SINCE").replace(
        "A tooltip", "A TOOLTIP").replace("&laquo;Quoted&raquo; &amp; `code`", "&LAQUO;QUOTED&RAQUO; &AMP; `CODE`")


def test_a_block_of_tex_math_is_not_an_entry_and_prices_stay_prose() -> None:
    """Regression: a ``$$ ... $$`` display-math block (KaTeX/MathJax, Hugo's passthrough) was
    a paragraph entry sent to MT as text; the article waited for someone to "translate" it."""
    text = "Prices: $5 and $10.\n\n$$\nE = mc^2\n$$\n\n$x^2$\n\n- $$a + b$$\n"
    assert kinds(text) == [("paragraph", "Prices: $5 and $10.", 1)]
    assert localise(article(text), lambda s: s.msgid.upper()) == text.replace("Prices: $5 and", "PRICES: $5 AND")


def test_a_block_of_emoji_shortcodes_or_citation_keys_is_not_an_entry() -> None:
    """Regression: a ``:white_check_mark:`` table cell, a ``:tada:`` paragraph, a lone
    ``[@smith2020]`` and a contact line holding only an e-mail address were entries,
    "translated" as themselves, and held the article back."""
    text = ("| Port | Rail |\n|---|---|\n| :white_check_mark: | :x: |\n\n:tada: :flag-az:\n\n"
            "[@smith2020; -@doe99]\n\nAs shown [see @smith2020, p. 4] :smile:\n\n"
            '{{< figure src="a.jpg" caption=":tada:" >}}\n\ndesk@example.org\n\n| news.desk@example.az |\n|---|\n')
    assert kinds(text) == [("table cell", "Port", 1), ("table cell", "Rail", 1),
                           ("paragraph", "As shown [see @smith2020, p. 4] :smile:", 9)]
    assert localise(article(text), lambda s: s.msgid) == text


def test_abbreviation_definitions_give_an_entry_per_expansion_and_keep_their_keys() -> None:
    """Regression: ``*[IMF]: International Monetary Fund`` lines (kramdown, PHP Markdown Extra,
    Python-Markdown) were one paragraph entry, keys included: MT translated the keys and the
    version was published as one definition on one line."""
    text = "*[IMF]: International Monetary Fund\n*[HTML]:   Hyper Text\n\n> *[EU]: European Union\n\n*[x]: y and text\nmore\n"
    assert kinds(text) == [
        ("abbreviation", "International Monetary Fund", 1), ("abbreviation", "Hyper Text", 2),
        ("abbreviation", "European Union", 4), ("paragraph", "*[x]: y and text more", 6)]
    # An editor's note in italics is a sentence.
    assert kinds("*[Update]: The ministry replied on Monday.*\n") == [
        ("paragraph", "*[Update]: The ministry replied on Monday.*", 1)]
    out = localise(article(text), lambda s: "МВФ\n- фонд" if s.msgid.startswith("Intern") else s.msgid.upper())
    assert out == ("*[IMF]: МВФ - фонд\n*[HTML]:   HYPER TEXT\n\n> *[EU]: EUROPEAN UNION\n\n"
                   "*[X]: Y AND TEXT MORE\n")


def test_an_admonitions_marker_stays_and_its_title_and_text_are_entries_of_their_own() -> None:
    """Regression: ``!!! note "Title"`` and its indented text (MkDocs) were one paragraph
    entry: MT turned the title's quotes into «», and the version was published on one line,
    the text on the marker's line, no admonition any more."""
    text = ('!!! note "Road closures"\n    The road is closed.\n    Use the bridge.\n\n'
            "???+ warning\n    Bring ID.  \n    And water.\n\n!!! not an admonition, a sentence.\n\n!!! BREAKING NEWS\n")
    assert kinds(text) == [
        ("paragraph", "Road closures", 1), ("paragraph", "The road is closed. Use the bridge.", 2),
        ("paragraph", "Bring ID.\nAnd water.", 6), ("paragraph", "!!! not an admonition, a sentence.", 9),
        ("paragraph", "!!! BREAKING NEWS", 11)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: "- «Закрыто»\n# дороги" if s.msgid.startswith("Road") else s.msgid.upper())
    assert out.startswith('!!! note "- «Закрыто» # дороги"\n    THE ROAD IS CLOSED. USE THE BRIDGE.\n\n'
                          "???+ warning\n    BRING ID.  \n    AND WATER.\n")


def test_an_admonitions_text_after_a_blank_line_is_read_as_markdown_not_code() -> None:
    """Regression: MkDocs' usual form (``!!! note "Title"``, a blank line, the text indented
    by four columns) is indented code for CommonMark: the text was never extracted and was
    published untranslated. Code after any other paragraph stays code."""
    text = ('!!! note "Road closures"\n\n    The road is *closed*\n    today.\n\n    - Use the bridge.\n\n'
            "\tA tabbed line.\n\nOrdinary text.\n\n    code stays\n")
    assert kinds(text) == [
        ("paragraph", "Road closures", 1), ("paragraph", "The road is *closed* today.", 3),
        ("list item", "Use the bridge.", 6), ("paragraph", "A tabbed line.", 8), ("paragraph", "Ordinary text.", 10)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: f"# Перевод\n```\n{s.msgid}")
    assert out.startswith('!!! note "# Перевод ``` Road closures"\n\n    \\# Перевод  \n    \\```  \n'
                          "    The road is *closed* today.\n\n    - \\# Перевод  \n      \\```  \n      Use the bridge.\n")
    assert block_types(out) == block_types(text)


def test_a_table_cell_or_heading_holding_only_an_html_comment_is_not_an_entry() -> None:
    """Regression: a cell holding only ``<!-- … -->`` was an entry: readers never see a
    comment, yet the article waited for someone to "translate" it."""
    text = ("# Results <!-- check with the desk -->\n\n| Team | Points |\n|---|---|\n"
            "| <!-- to be confirmed --> | 12 |\n| Neftçi <!--x--> | <!-->  |\n")
    assert kinds(text) == [
        ("heading", "Results <!-- check with the desk -->", 1), ("table cell", "Team", 3),
        ("table cell", "Points", 3), ("table cell", "Neftçi <!--x-->", 6),
    ]
    assert localise(article(text), lambda s: s.msgid) == text


@pytest.mark.parametrize("translation", ["1. место", "- место", "> место", "# место", "```место", "<div>место"])
def test_a_cell_translation_that_starts_a_row_without_a_pipe_cannot_end_the_table(translation: str) -> None:
    """Regression: in a table written without outer pipes, a first cell translated as
    ``1. место`` made its row a list item, which ended the table there."""
    text = "Place | Team\n--- | ---\nFirst | Qarabağ\nSecond | Neftçi\n\n> Place | Team\n> --- | ---\n> First | Sabah\n"
    out = localise(article(text), lambda s: translation if s.msgid == "First" else None)
    assert block_types(out) == block_types(text)
    assert [s.kind for s in article(out).segments] == [s.kind for s in article(text).segments]


@pytest.mark.parametrize("odd", ["\x85", "\u2028", "\u2029"])
@pytest.mark.parametrize("front", [
    '---\ntitle: "Wait{odd} what"\nlang: ru\ndate: 2026\n---\n\nText.\n',
    "---\ntitle: Wait{odd} what\nlang: ru\n---\n\nText.\n",
    "---\n{{title: 'Wait{odd} what', lang: ru}}\n---\n\nText.\n",
    "---\ntitle: 'Wait{odd} what'\n---\n\nText.\n",
])
def test_a_yaml_line_break_character_in_a_value_does_not_misplace_the_published_keys(front: str, odd: str) -> None:
    """Regression: NEL (a Windows ellipsis read as Latin-1) or U+2028/U+2029 (pasted from a
    word processor) in a title counts as a line break for PyYAML but not for the article's
    lines, so ``lang: en`` was written a line too low: over ``date: 2026`` or the body text."""
    import yaml

    text = front.format(odd=odd)
    out = localise(article(text), lambda s: "Перевод" if s.msgctxt else None,
                   front_matter={"lang": "en", "translation_of": "a"})
    head, body = out.split("\n---\n")
    assert body == "\nText.\n"
    data = yaml.safe_load(head[4:])
    assert (data["title"], data["lang"], data["translation_of"]) == ("Перевод", "en", "a")
    assert data.get("date", 2026) == 2026


# ---------------------------------------------------------------- attribute lists, definition lists


def upper(segment):  # type: ignore[no-untyped-def]
    return segment.msgid.upper()


@pytest.mark.parametrize("heading, msgid", [
    ("## Port grows {#port-grows}", "Port grows"),
    ("## Port grows {#port .wide data-x=\"a b\"}", "Port grows"),
    ("## Port grows ## {#port}", "Port grows"),
    ("# Port grows {-}", "Port grows"),
    ("Port grows {#port}\n===", "Port grows"),
    ("Port grows\nover two lines {.lead}\n---", "Port grows over two lines"),
])
def test_a_heading_attribute_list_is_left_out_of_the_entry_and_kept(heading: str, msgid: str) -> None:
    art = article(heading + "\n")
    assert [(s.kind, s.msgid) for s in art.segments] == [(BlockKind.HEADING, msgid)]
    attributes = heading[heading.rindex("{"):heading.rindex("}") + 1]
    out = localise(art, upper)
    assert out.count(attributes) == 1 and msgid.upper().split()[-1] in out
    assert [s.msgid for s in article(out).segments] == [msgid.upper()]


@pytest.mark.parametrize("text", ["## {#anchor-only}\n", "{: .lead}\n", "{.note #n}\n\n{: toc}\n"])
def test_attribute_lists_alone_are_no_entry(text: str) -> None:
    assert not article(text).segments


@pytest.mark.parametrize("text", ["{: .lead}\nThe port grew.\n", "The port grew.\n{.lead}\n",
                                  "{: #first}\nThe port grew.\n{:.lead}\n"])
def test_an_attribute_list_on_its_own_line_stays_outside_the_paragraph(text: str) -> None:
    art = article(text)
    assert [s.msgid for s in art.segments] == ["The port grew."]
    assert localise(art, upper) == text.replace("The port grew.", "THE PORT GREW.")


@pytest.mark.parametrize("ial", ["{: .table}", "{: .table #results}", "{.wide}"])
def test_an_attribute_list_after_a_table_is_no_cell(ial: str) -> None:
    """Regression: kramdown's (Jekyll) attribute list on the line after a table (``{: .table}``)
    was read as a table row, as GFM reads any line up to a blank one: its one cell was an
    entry, sent to machine translation and a translator as text."""
    text = f"| Port | Cargo |\n|---|---|\n| Alat | 3 |\n{ial}\n\nNext.\n"
    art = article(text)
    assert [s.msgid for s in art.segments] == ["Port", "Cargo", "Alat", "Next."]
    assert localise(art, upper) == text.replace("Port", "PORT").replace("Cargo", "CARGO").replace(
        "Alat", "ALAT").replace("Next.", "NEXT.")


def test_kramdowns_closing_extension_tag_inside_an_html_block_is_no_entry() -> None:
    """Regression: Jekyll's ``{::nomarkdown}`` around an HTML block: its closing
    ``{:/nomarkdown}`` line belongs to the HTML block (which runs to a blank line) and was an
    ``html text`` entry; translated, kramdown no longer found the end of the raw part."""
    text = "{::nomarkdown}\n<div class=\"embed\">Player text</div>\n{:/nomarkdown}\n\nNext.\n"
    art = article(text)
    assert [s.msgid for s in art.segments] == ["Player text", "Next."]
    assert localise(art, upper) == text.replace("Player text", "PLAYER TEXT").replace("Next.", "NEXT.")


@pytest.mark.parametrize("text, msgids", [
    ("::: note\nThe port is closed.\n:::\n", ["The port is closed."]),
    ("::: {.callout-warning title=\"Road\"}\nTake the ring road.\n\nSecond one.\n:::\n",
     ["Road", "Take the ring road.", "Second one."]),
    (":::: {#outer}\n::: inner\nNested text.\n:::\n::::\n", ["Nested text."]),
    ("::: note :::\nClosed.\n::::::::::\n", ["Closed."]),
    (":::\n", []),
])
def test_pandoc_fenced_div_lines_stay_outside_the_paragraph(text: str, msgids: list[str]) -> None:
    """Regression: Pandoc's and Quarto's fenced divs (``::: note`` … ``:::``) were read as the
    paragraph's first and last lines: their fences were text to translate, and the
    translation, written on one line, put them inside the sentence, so the div was gone from
    every version. They now stay as written, as attribute lines do."""
    art = article(text)
    assert [s.msgid for s in art.segments] == msgids
    out = text
    for msgid in msgids:
        out = out.replace(msgid, msgid.upper())
    assert localise(art, upper) == out


@pytest.mark.parametrize("text, msgids, translated", [
    ('::: {.callout-note title="Read this first"}\n## Inside\n\nBody.\n:::\n', ["Read this first", "Inside", "Body."],
     '::: {.callout-note title="READ THIS FIRST"}\n## INSIDE\n\nBODY.\n:::\n'),
    (":::note Road closed\n\nTake the ring road.\n\n:::\n", ["Road closed", "Take the ring road."],
     ":::note ROAD CLOSED\n\nTAKE THE RING ROAD.\n\n:::\n"),
    (":::tip[Road closed]\nTake the ring road.\n:::\n", ["Road closed", "Take the ring road."],
     ":::tip[ROAD CLOSED]\nTAKE THE RING ROAD.\n:::\n"),
    (":::{note} Road closed\nTake the ring road.\n:::\n", ["Road closed", "Take the ring road."],
     ":::{note} ROAD CLOSED\nTAKE THE RING ROAD.\n:::\n"),
])
def test_a_callout_or_admonition_title_is_an_entry_and_its_markup_stays(text: str, msgids: list[str],
                                                                        translated: str) -> None:
    """Regression: a Quarto callout's ``title="…"`` was kept untranslated, and the title of a
    Docusaurus or MyST admonition (``:::note Road closed``) was its paragraph's first line, so
    the colons and type went to translators and machine translation with it."""
    art = article(text)
    assert [s.msgid for s in art.segments] == msgids
    assert localise(art, upper) == translated


def test_a_bracketed_admonition_title_keeps_its_brackets() -> None:
    art = article(":::tip[Road closed]\nTake the ring road.\n:::\n")
    assert localise(art, lambda s: "[Закрыто] дорога" if s.msgid == "Road closed" else None) == (
        ":::tip[\\[Закрыто\\] дорога]\nTake the ring road.\n:::\n")


@pytest.mark.parametrize("text", ["::: is how Pandoc opens a div.\n", "The ratio was 3:::1.\n"])
def test_colons_in_prose_stay_in_the_text(text: str) -> None:
    assert [s.msgid for s in article(text).segments] == [text.rstrip("\n")]


@pytest.mark.parametrize("text", ["## Results {2024}\n", "The {city} council met.\n", "## C {x}\n"])
def test_braces_that_are_no_attribute_list_stay_in_the_text(text: str) -> None:
    assert article(text).segments[0].msgid == text.lstrip("# ").rstrip("\n")


def test_a_definition_list_gives_an_entry_per_term_and_per_definition() -> None:
    text = "Alat\nƏlət\n:   A port south of Baku,\n    on the Caspian.\n: A settlement.\n\nNext paragraph.\n"
    assert kinds(text) == [
        ("definition term", "Alat", 1), ("definition term", "Ələt", 2),
        ("definition", "A port south of Baku, on the Caspian.", 3), ("definition", "A settlement.", 5),
        ("paragraph", "Next paragraph.", 7),
    ]
    out = localise(article(text), upper)
    assert out == ("ALAT\nƏLƏT\n:   A PORT SOUTH OF BAKU, ON THE CASPIAN.\n: A SETTLEMENT.\n\nNEXT PARAGRAPH.\n")
    assert [(s.kind, s.msgid) for s in article(out).segments][2] == (BlockKind.DEFINITION, out.split("\n")[2][4:])


def test_a_definition_list_inside_a_quote_keeps_its_markers() -> None:
    text = "> Term\n> : Its definition.\n"
    art = article(text)
    assert [(s.kind, s.msgid) for s in art.segments] == [
        (BlockKind.DEFINITION_TERM, "Term"), (BlockKind.DEFINITION, "Its definition.")]
    assert localise(art, upper) == "> TERM\n> : ITS DEFINITION.\n"


def test_a_translated_term_stays_one_line_and_cannot_become_a_definition() -> None:
    art = article("Term\n: Its definition.\n")
    out = localise(art, lambda s: "two\nlines" if s.kind is BlockKind.DEFINITION_TERM else None)
    assert out == "two lines\n: Its definition.\n"
    out = localise(art, lambda s: ": colon" if s.kind is BlockKind.DEFINITION_TERM else None)
    assert out == "\\: colon\n: Its definition.\n"


def test_a_colon_line_opening_a_paragraph_is_no_definition_and_a_translated_one_is_escaped() -> None:
    assert kinds(": not a definition\nsecond line\n") == [("paragraph", ": not a definition second line", 1)]
    art = article("First line  \nsecond line.\n")
    out = localise(art, lambda s: "Первая  \n: вторая")
    assert out == "Первая  \n\\: вторая\n"
    assert [s.kind for s in article(out).segments] == [BlockKind.PARAGRAPH]


@pytest.mark.parametrize("text", ["Alat\n\n: A port south of Baku.\n", "> Alat\n>\n> : A port south of Baku.\n",
                                  "- Alat\n\n  : A port south of Baku.\n"])
def test_a_loose_definition_after_a_blank_line_keeps_its_marker_out_of_the_entry(text: str) -> None:
    """A blank line may part a term from its definition (PHP Markdown Extra, kramdown, Pandoc,
    Goldmark): the marker went into the entry, and a translation without it was published as
    a paragraph, no definition at all."""
    art = article(text)
    assert [(s.kind, s.msgid) for s in art.segments][1] == (BlockKind.DEFINITION, "A port south of Baku.")
    out = localise(art, lambda s: "Порт" if s.kind is BlockKind.DEFINITION else None)
    assert out == text.replace("A port south of Baku.", "Порт")


@pytest.mark.parametrize("text, entries, published", [
    ("> [!NOTE]\n> The port opens on Monday.\n", ["The port opens on Monday."],
     "> [!NOTE]\n> THE PORT OPENS ON MONDAY.\n"),
    ("> [!WARNING]+ Road closed\n> Use the coast road.\n", ["Road closed", "Use the coast road."],
     "> [!WARNING]+ ROAD CLOSED\n> USE THE COAST ROAD.\n"),
    ("> [!TIP]\n>\n> Book early.\n", ["Book early."], "> [!TIP]\n>\n> BOOK EARLY.\n"),
    ("> [!note] Title only\n", ["Title only"], "> [!note] TITLE ONLY\n"),
])
def test_an_alert_marker_stays_on_its_line_and_its_title_is_an_entry(text: str, entries: list[str],
                                                                       published: str) -> None:
    art = article(text)
    assert [s.msgid for s in art.segments] == entries
    assert localise(art, upper) == published
    # A translated title cannot take the text's line, nor the text the marker's.
    out = localise(art, lambda s: s.msgid.upper() + "\nmore")
    assert out.startswith(text[:text.index("]") + 1])
    assert [s.msgid.split()[0] for s in article(out).segments] == [e.upper().split()[0] for e in entries]


def test_a_bracketed_word_in_a_paragraph_is_no_alert() -> None:
    assert kinds("[!NOTE] this is a paragraph\n") == [("paragraph", "[!NOTE] this is a paragraph", 1)]
    assert kinds("> A quote with [!NOTE] inside.\n") == [("blockquote", "A quote with [!NOTE] inside.", 1)]


@pytest.mark.parametrize("text, translation, published", [
    ("The port grew.\n", "{#port}", "\\{#port}\n"),
    ("The port grew.\n", "Порт вырос.\n{: .lead}", "Порт вырос.  \n\\{: .lead}\n"),
    ("> The port grew.\n", "[!NOTE] Порт вырос.", "> \\[!NOTE] Порт вырос.\n"),
])
def test_a_translation_cannot_become_an_attribute_list_or_an_alert_marker(text: str, translation: str,
                                                                        published: str) -> None:
    """A line of nothing but ``{#x}`` is read by the site generator and never shown, and
    ``[!NOTE]`` opening a quote makes it an alert: a translation's text was hidden, or its
    quote published as a note."""
    out = localise(article(text), lambda s: translation)
    assert out == published
    assert article(out).segments


@pytest.mark.parametrize("source, translation, published", [
    ("Volumes rose.\n", "[^1]: Объёмы выросли.", "\\[^1]: Объёмы выросли.\n"),
    ("- Volumes rose.\n", "[^note]: Объёмы", "- \\[^note]: Объёмы\n"),
    ("Volumes rose.\n", "[map]: https://example.org/\nОбъёмы", "\\[map]: https://example.org/  \nОбъёмы\n"),
    ("Port | City\n--- | ---\nAlat | Baku\n", "[^1]: Алят", "\\[^1]: Алят | City\n--- | ---\n\\[^1]: Алят | Baku\n"),
])
def test_a_translation_opening_with_a_footnote_or_reference_label_is_escaped(
        source: str, translation: str, published: str) -> None:
    """Hugo (Goldmark) reads a block opening with ``[^1]:`` as a footnote definition, shown only
    at the foot of the page if at all, and one opening with ``[map]: url`` as a link reference
    definition, never shown: a paragraph translated so vanished from the published page."""
    out = localise(article(source), lambda s: translation if s.msgid in ("Volumes rose.", "Port", "Alat") else None)
    assert out == published


def test_a_translation_starting_with_its_source_footnote_label_is_kept() -> None:
    source = "Text.[^1]\n\n[^1]: Figures from the census.\n"
    out = localise(article(source), lambda s: {"[^1]: Figures from the census.": "[^1]: Данные переписи."}.get(s.msgid))
    assert out == "Text.[^1]\n\n[^1]: Данные переписи.\n"



@pytest.mark.parametrize("source, published", [
    ("Intro.\n\nSetext heading {#setext-id}\n-----------------\n", "Intro.\n\n\\: {#setext-id}\n-----------------\n"),
    ("Intro.\n\nPort | City\n--- | ---\nAlat | Baku\n", "Intro.\n\n\\: | City\n--- | ---\n\\: | Baku\n"),
])
def test_a_lone_colon_translation_followed_by_source_text_opens_no_definition(source: str, published: str) -> None:
    """Goldmark reads ``: text`` after a paragraph and a blank line as a definition. A setext
    heading's or a row's first cell translated as ``:`` was written unescaped (no space after
    it in the translation), and the attribute list or the next cell kept from the source
    supplied the space: the heading or the table became a definition list."""
    out = localise(article(source), lambda s: ":" if s.msgid in ("Setext heading", "Port", "Alat") else None)
    assert out == published


@pytest.mark.parametrize("translation, published", [
    ("Порт вырос.\n{.evil}", "Порт вырос.  \n\\{.evil}\n"),
    ("{: #top}\nПорт вырос.", "\\{: #top}  \nПорт вырос.\n"),
    ("Порт {2024} вырос.", "Порт {2024} вырос.\n"),
])
def test_a_translation_line_that_is_an_attribute_list_is_escaped(translation: str, published: str) -> None:
    """Hugo (block attributes on), kramdown and Pandoc read a line holding only ``{.class}`` or
    ``{: #id}`` next to a paragraph as the paragraph's attributes: a translator's line so
    written put a class or an id on the published block that the source does not have."""
    assert localise(article("The port grew.\n"), lambda s: translation) == published


@pytest.mark.parametrize("translation, published", [
    ("Рейтер [^1]: агентство", "[^1]: Рейтер агентство"),
    ("1. Рейтер, [^1]:", "[^1]: 1\\. Рейтер,"),
    ("Рейтер", "[^1]: Рейтер"),
    ("  [^1]: Рейтер", "[^1]: Рейтер"),
])
def test_a_footnote_label_a_translation_moved_or_lost_is_put_first(translation: str, published: str) -> None:
    """Regression: a translation that moved a footnote definition's ``[^1]:`` label off the
    start (or dropped it) was published as a paragraph: the footnote vanished, its reference
    dangled, and its further indented paragraphs became code."""
    source = "Text.[^1]\n\n[^1]: Reuters.\n"
    out = localise(article(source), lambda s: translation if s.msgid.startswith("[^1]") else None)
    assert out == "Text.[^1]\n\n" + published + "\n"


@pytest.mark.parametrize("translation, published", [
    ("[^1] Рейтер", "[^1]: Рейтер"),
    ("[^1]Рейтер", "[^1]: Рейтер"),
    ("Рейтер [^1]", "[^1]: Рейтер [^1]"),  # a reference elsewhere is the translator's text
])
def test_a_footnote_label_that_lost_its_colon_is_not_kept_as_a_reference_to_itself(
        translation: str, published: str) -> None:
    """Regression: a translation opening with the label without its colon ([^1] Рейтер) got
    the label put before it and kept its [^1], published as a footnote referring to itself;
    the label at the start is now taken for the label."""
    source = "Text.[^1]\n\n[^1]: Reuters.\n"
    out = localise(article(source), lambda s: translation if s.msgid.startswith("[^1]") else None)
    assert out == "Text.[^1]\n\n" + published + "\n"


@pytest.mark.parametrize("translation, published", [
    ("[^1]: - Рейтер", "[^1]: \\- Рейтер"),
    ("[^1]: ---", "[^1]: \\---"),
    ("[^1]: ```\nРейтер", "[^1]: \\```  \nРейтер"),
    ("[^1]: > Рейтер", "[^1]: \\> Рейтер"),
    ("[^1]: [^1]: # Рейтер", "[^1]: \\[^1]: # Рейтер"),
])
def test_the_text_after_a_footnote_label_opens_no_block(translation: str, published: str) -> None:
    """A footnote's text is a container's, like a list item's: Hugo read ``[^1]: - Reuters``
    as a footnote holding a list, ``[^1]: ---`` as one holding a rule, and a fence there
    moved the next line out of the footnote into the article's body."""
    source = "Text.[^1]\n\n[^1]: Reuters.\n"
    out = localise(article(source), lambda s: translation if s.msgid.startswith("[^1]") else None)
    assert out == "Text.[^1]\n\n" + published + "\n"


@pytest.mark.parametrize("translation", ["[^1]: \tРейтер", "[^1]:     Рейтер", "[^1]:\tРейтер"])
def test_a_tab_or_four_spaces_after_a_footnote_label_make_no_code_block(translation: str) -> None:
    """Hugo read ``[^1]: <tab>Reuters`` (or four spaces) as a footnote holding indented code."""
    out = localise(article("Text.[^1]\n\n[^1]: Reuters.\n"), lambda s: translation if s.msgid.startswith("[^1]") else None)
    assert out == "Text.[^1]\n\n[^1]: Рейтер\n"


def test_shortcut_and_collapsed_reference_links_keep_their_label_when_translated() -> None:
    """``[summary]`` links only while its text is the label: ``[резюме]`` would be text. The
    translated text is kept and the source's label added, bracket by bracket; brackets that
    are no link (``[sic]``), full references and brackets the translator kept are left."""
    text = ("Read the [summary] and the [map][] or [the report][report], [sic].\n\n"
            "[summary]: https://x.org/s\n[map]: https://x.org/m\n[report]: https://x.org/r\n")
    art = article(text)
    out = localise(art, lambda s: "Читайте [резюме] и [карту][] или [доклад][report], [sic]."
                   if s.kind is BlockKind.PARAGRAPH else None)
    assert out.startswith("Читайте [резюме][summary] и [карту][map] или [доклад][report], [sic].\n")
    kept = localise(art, lambda s: "Читайте [summary] и [карту][] или [доклад][report], [sic]."
                    if s.kind is BlockKind.PARAGRAPH else None)
    assert kept.startswith("Читайте [summary] и [карту][map] или")
    # Brackets lost or added: the pairs are unknown, nothing is guessed.
    lost = "Читайте резюме и [карту][] или [доклад][report], [sic]."
    assert localise(art, lambda s: lost if s.kind is BlockKind.PARAGRAPH else None).startswith(lost + "\n")
    assert localise(art, lambda s: None) == text


@pytest.mark.parametrize("translation, published", [
    ("В [резюме] он написал [sic].", "В [резюме][summary] он написал [sic]."),
    ("В [summary] он написал [sic].", "В [summary] он написал [sic]."),
    ("Он написал [sic] в [резюме].", "Он написал [sic] в [резюме][summary]."),
])
def test_a_reference_label_moved_past_other_brackets_keeps_its_link(translation: str, published: str) -> None:
    """Regression: brackets were paired with the source's in order, so a translation that
    put the link before a [sic] (Russian word order) made [sic] the link and left [резюме]
    as text, and one that kept [summary] as written got a second link on [sic]. A pair the
    translation kept as written is itself; only the others are paired in order."""
    art = article("He wrote [sic] in the [summary].\n\n[summary]: https://x.org/s\n")
    out = localise(art, lambda s: translation if s.kind is BlockKind.PARAGRAPH else None)
    assert out.startswith(published + "\n")


def test_a_translated_line_that_would_be_a_right_aligned_delimiter_row_is_escaped() -> None:
    """``a|`` over ``-:`` is a one-column table for GFM (found by the round-trip property)."""
    art = article("> Quote\n---\n")
    out = localise(art, lambda s: "a|\n-:")
    assert block_types(out) == block_types("> Quote\n---\n")


POSITIONAL = """{{< quote "We will grow" "Samir Karimov" >}}

He said {{< pullquote "A caption readers see" >}} today.

{% include callout.html "Read more" style="wide" %}

{{< gallery "photos/port" "Ships at dusk" >}}

{{< youtube "dQw4w9WgXcQ" >}}

<figure>
{{< pullquote "In a figure" >}}
</figure>

{{< quote
    `A raw "quote"`
    "Leyla Aliyeva" >}}

| who | said |
|-----|------|
| a | {{< pullquote "In a cell" >}} |
"""
TEXT_ARGUMENTS = {"quote": frozenset({1, 2}), "pullquote": frozenset({1}), "callout.html": frozenset({1}),
                  "gallery": frozenset({2})}


def positional(text: str, setting: dict[str, frozenset[int]] | None = None):
    return read_article(text.encode("utf-8"), path="source/a.md", slug="a", default_lang="en",
                        front_matter_keys=DEFAULT_FRONT_MATTER_KEYS,
                        text_arguments=TEXT_ARGUMENTS if setting is None else setting)


def test_the_positional_arguments_the_project_names_are_entries_of_their_own() -> None:
    """Regression: a shortcode's or include's positional arguments (``{{< quote "Text"
    "Author" >}}``) were never translated, whatever they held: now those ``[templates]
    text_arguments`` names are entries as a ``caption`` is, on tag lines, in prose, in an HTML
    block, over several lines and in a table cell; a position not named (a path, an ID)
    stays, and so does every positional argument of a tag the setting does not name."""
    found = [(s.kind.value, s.msgid, s.line, s.style) for s in positional(POSITIONAL).segments
             if s.kind is BlockKind.TEMPLATE_ARGUMENT]
    assert found == [
        ("template argument", "We will grow", 1, "tplarg-go-dq"),
        ("template argument", "Samir Karimov", 1, "tplarg-go-dq"),
        ("template argument", "A caption readers see", 3, "tplarg-go-dq"),
        ("template argument", "Read more", 5, "tplarg-html-dq"),
        ("template argument", "Ships at dusk", 7, "tplarg-go-dq"),
        ("template argument", "In a figure", 12, "tplarg-go-dq-html"),
        ("template argument", 'A raw "quote"', 16, "tplarg-go-bt"),
        ("template argument", "Leyla Aliyeva", 17, "tplarg-go-dq"),
        ("template argument", "In a cell", 21, "tplarg-go-dq-cell"),
    ]
    assert not [s for s in positional(POSITIONAL, {}).segments if s.kind is BlockKind.TEMPLATE_ARGUMENT]
    assert [s.msgid for s in positional(POSITIONAL).segments if s.kind is not BlockKind.TEMPLATE_ARGUMENT] == \
        [s.msgid for s in positional(POSITIONAL, {}).segments]


@pytest.mark.parametrize("tag", ['{{< quote "a""b" >}}', '{{< quote bare words >}}', '{{< /quote >}}',
                                 '{{</* quote "Shown as code" */>}}', '{{< quote "Two\nlines" >}}',
                                 "{{< quote 'single quotes are no Go string' >}}", "`{{< quote \"Code\" >}}`"])
def test_positional_arguments_that_cannot_be_told_apart_or_are_no_text_are_left_as_written(tag: str) -> None:
    """A bare word is no entry (its translation of two words would be two arguments), nor is
    an argument Hugo reads otherwise (no single quotes, no line break in ``"..."``), one of an
    escaped shortcode or a code span, nor any of a tag whose arguments run together."""
    art = positional(tag + "\n")
    assert not [s for s in art.segments if s.kind is BlockKind.TEMPLATE_ARGUMENT]
    assert localise(art, lambda s: s.msgid) == tag + "\n"


def test_positional_arguments_are_written_back_inside_their_quotes_and_round_trip() -> None:
    art = positional(POSITIONAL)
    assert localise(art, lambda s: s.msgid) == POSITIONAL
    translations = {"We will grow": 'Мы "вырастем"', "Samir Karimov": "Самир Каримов",
                    "He said {{< pullquote \"A caption readers see\" >}} today.":
                        "Он сказал {{< pullquote \"A caption readers see\" >}} сегодня.",
                    "A caption readers see": "Подпись %}} для читателей", "Read more": 'Читать "далее"',
                    "In a figure": "В 'рисунке' <b>", 'A raw "quote"': "Сырая `цитата`", "In a cell": "В | ячейке"}
    out = localise(art, lambda s: translations.get(s.msgid, s.msgid))
    assert '{{< quote "Мы \\"вырастем\\"" "Самир Каримов" >}}' in out
    assert 'Он сказал {{< pullquote "Подпись %&#125;} для читателей" >}} сегодня.' in out
    assert '{% include callout.html "Читать &quot;далее&quot;" style="wide" %}' in out
    assert "{{< pullquote \"В 'рисунке' &lt;b>\" >}}" in out
    assert '{{< quote\n    `Сырая &#96;цитата&#96;`\n    "Leyla Aliyeva" >}}' in out
    assert '| a | {{< pullquote "В &#124; ячейке" >}} |' in out
    assert '{{< youtube "dQw4w9WgXcQ" >}}' in out and '{{< gallery "photos/port" "Ships at dusk" >}}' in out
    again = positional(out)
    assert [s.kind for s in again.segments] == [s.kind for s in art.segments]
    assert len(template_tags(out)) == len(template_tags(POSITIONAL))


@pytest.mark.parametrize("front, line, message", [
    ('title: "Minister: "We are ready""\nlang: en', 2, "text follows the closing quote of a value"),
    ("date: 2026-12-01\ntitle: 'It's here'", 3, "text follows the closing quote of a value"),
    ('tags: ["a", "b" c]', 2, "text follows the closing quote of a value"),
    ('date: 2026-12-01\ntitle: "Broken\nlang: en', 3, "the quote that opens this value is never closed"),
])
def test_a_quote_inside_a_quoted_front_matter_value_is_explained(front: str, line: int, message: str) -> None:
    """Regression: headlines quote people, and a straight quote inside a quoted value was
    reported in PyYAML's words ("while parsing a block mapping; expected <block end>, but
    found '<scalar>'") with a hint about colons; the error now says what the quote did and
    how to write one inside a value."""
    with pytest.raises(ArticleError) as info:
        article(f"---\n{front}\n---\n\nBody.\n")
    assert info.value.line == line
    assert info.value.message == f"invalid front matter: {message}" or message in info.value.message
    assert '\\"' in (info.value.hint or "")


def test_html_naming_the_articles_language_names_the_versions_language() -> None:
    """Regression: <div class="callout" lang="az"> around a translated paragraph kept
    lang="az" in the Russian and English versions, so screen readers and hyphenation read
    Russian text as Azerbaijani; a lang naming the article's language now names the
    version's, while HTML kept as written (an embedded post, another language) keeps its."""
    text = ('---\nlang: az\n---\n\n<div class="callout" lang="az">\n<p>Sərgi açıqdır.</p>\n</div>\n\n'
            '<blockquote class="twitter-tweet"><p lang="az">Şəki</p></blockquote>\n\n'
            '<p lang="en">Read on.</p>\n\n```html\n<p lang="az">kod</p>\n```\n')
    art = read_article(text.encode("utf-8"), path="source/a.md", slug="a", default_lang="en",
                       front_matter_keys=DEFAULT_FRONT_MATTER_KEYS)
    out = localise(art, lambda s: {"Sərgi açıqdır.": "Выставка открыта."}.get(s.msgid),
                   front_matter={"lang": "ru", "translation_of": "a"})
    assert '<div class="callout" lang="ru">\n<p>Выставка открыта.</p>' in out
    assert '<p lang="az">Şəki</p>' in out and '<p lang="en">Read on.</p>' in out
    assert '<p lang="az">kod</p>' in out
    assert localise(art, lambda s: s.msgid, front_matter={"lang": "ru"}).split("---\n", 2)[2] \
        == text.split("---\n", 2)[2]  # a version translating nothing is the source as written


def test_footnote_definitions_on_consecutive_lines_are_entries_of_their_own() -> None:
    """Regression: two footnote definitions on consecutive lines, as newsrooms and Pandoc
    write them, were one entry ('[^1]: … [^2]: …'), its translation published on one line:
    Hugo (Goldmark) then showed the second definition as text of the first, its reference
    dangling. A definition line ends the definition above it, as in Goldmark and
    markdown-it-footnote; a plain paragraph still takes such a line in, as before."""
    text = ("Gas[^sgc] flows.[^fig]\n\n[^sgc]: The name used by the Commission since 2008.\n"
            "[^fig]: Figures from the Ministry of Energy.\n[^x]: One.\n\nText\n[^y]: stays in.\n")
    assert kinds(text) == [("paragraph", "Gas[^sgc] flows.[^fig]", 1),
                           ("paragraph", "[^sgc]: The name used by the Commission since 2008.", 3),
                           ("paragraph", "[^fig]: Figures from the Ministry of Energy.", 4),
                           ("paragraph", "[^x]: One.", 5), ("paragraph", "Text [^y]: stays in.", 7)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: s.msgid.replace("The name", "Название").replace("Figures", "Данные"))
    assert "[^sgc]: Название used by the Commission since 2008.\n[^fig]: Данные from" in out
    assert len(article(out).segments) == len(article(text).segments)


def test_a_decimal_number_cell_is_written_as_the_versions_language_writes_it() -> None:
    """Regression: a table cell holding a number alone is no entry, so an Azerbaijani or
    Russian article's ``3,5`` was published as written in the English version, where a
    reader takes it for a list or thirty-five. A decimal mark no reader can mistake for a
    grouping one is now written as the version's language writes it; ``3,500`` (a decimal,
    or a thousand written the English way) and whole numbers stay as written."""
    text = ("---\nlang: az\n---\n\n| Liman | Artım | Yük |\n|---|---:|---:|\n"
            "| Ələt | 3,5 | 1.234,5 |\n| Bakı | -0,75% | 3,500 |\n| Cəmi | 12 | 1.234 |\n")
    art = read_article(text.encode(), path="source/a.md", slug="a", default_lang="en",
                       front_matter_keys=DEFAULT_FRONT_MATTER_KEYS)
    out = localise(art, upper, front_matter={"lang": "en"})
    assert "| ƏLƏT | 3.5 | 1,234.5 |\n| BAKI | -0.75% | 3,500 |\n| CƏMI | 12 | 1.234 |\n" in out
    assert localise(art, lambda s: None, front_matter={"lang": "en"}).endswith(text[text.index("| Liman"):])
    assert localise(art, upper, front_matter={"lang": "ru"}).count("3,5 |") == 1  # ru writes it as az does


def test_a_paragraph_of_wordpress_shortcodes_and_a_url_alone_is_no_entry() -> None:
    """Regression: a WordPress export's ``[embed]https://youtu.be/x[/embed]`` paragraph
    was an entry (the URL ran on into ``[/embed]``), sent to translators as text."""
    text = ("[embed]https://youtu.be/x[/embed]\n\n[gallery ids=\"1,2\"]\n\n[youtube https://youtu.be/x]\n\n"
            "The port [video] grew.\n")
    assert [s.msgid for s in article(text).segments] == ["The port [video] grew."]


def test_a_plugins_shortcodes_are_markup_and_their_lines_stay_around_the_text() -> None:
    """Regression: shortcodes other than WordPress's media ones (a page builder's
    ``[vc_column_text]``, a plugin's ``[footnote]…[/footnote]``, ``[su_note note_color="…"]``)
    were text: translators and machine translation got their names (``[вц_рош]``), and a
    paragraph between lines of them was one entry with the shortcodes moved onto its line."""
    text = ("[vc_row][vc_column][vc_column_text]\nThe port grew by a third.\n[/vc_column_text][/vc_column][/vc_row]\n\n"
            '[su_note note_color="#fff"]\n\nA note[footnote]Source: CEC[/footnote] and [sic].\n\n[/su_note]\n')
    art = article(text)
    assert [s.msgid for s in art.segments] == ["The port grew by a third.",
                                               "A note[footnote]Source: CEC[/footnote] and [sic]."]
    assert localise(art, lambda s: s.msgid) == text
    out = localise(art, lambda s: "Перевод.")
    assert out == ("[vc_row][vc_column][vc_column_text]\nПеревод.\n[/vc_column_text][/vc_column][/vc_row]\n\n"
                   '[su_note note_color="#fff"]\n\nПеревод.\n\n[/su_note]\n')


@pytest.mark.parametrize("text, msgids", [
    (':::: {.columns}\n::: {.column width="50%"}\nLeft column.\n:::\n::: {.column title="Right side"}\nRight column.\n'
     ":::\n::::\n", ["Left column.", "Right side", "Right column."]),
    ("The lead.\n{: .lead}\nThe next paragraph.\n", ["The lead.", "The next paragraph."]),
    ("One line\ntwo lines\n{: .note}\n", ["One line two lines"]),
    ("Text before.\n:::note Road closed\nInside.\n:::\n", ["Text before.", "Road closed", "Inside."]),
    ("Text.\n:::tip[Bracketed title]\nMore.\n:::\n", ["Text.", "Bracketed title", "More."]),
])
def test_div_fences_and_attribute_lines_between_two_texts_part_them(text: str, msgids: list[str]) -> None:
    """Regression: a div's closing and the next div's opening fence between two lines of text
    (Quarto's columns written without blank lines) were one entry with both texts, published
    on one line with the fences inside it: the divs were gone."""
    art = article(text)
    assert [s.msgid for s in art.segments] == msgids
    assert localise(art, lambda s: s.msgid) == text
    out = localise(art, lambda s: "Перевод")
    titles = ("Right side", "Road closed", "Bracketed title")
    assert [line for line in out.splitlines() if line != "Перевод"] == \
        [functools.reduce(lambda text, title: text.replace(title, "Перевод"), titles, line)
         for line in text.splitlines() if line[:1] in ":{"]


def test_a_shortcode_closed_on_a_line_of_its_own_stays_in_the_entry_of_its_opener() -> None:
    text = "Text [footnote]Source: CEC\n[/footnote]\n\n[footnote]\nSource: AP[/footnote]\n"
    art = article(text)
    assert [s.msgid for s in art.segments] == ["Text [footnote]Source: CEC [/footnote]", "Source: AP[/footnote]"]
    assert localise(art, lambda s: s.msgid) == text


def test_a_paragraph_of_an_mdx_expression_alone_is_no_entry() -> None:
    text = "{count > 1 ? <p>Several regions reported.</p> : null}\n\n{isLive && <LiveBadge />} Results are in.\n"
    assert [s.msgid for s in article(text).segments] == ["{isLive && <LiveBadge />} Results are in."]


def test_a_paragraph_of_many_bracketed_words_is_read_in_linear_time() -> None:
    text = "A [sic] word " * 8000 + "[/sic]\n"
    started = time.perf_counter()
    assert len(article(text).segments) == 1
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("text, msgids", [
    ("Before.\n\n{::comment}\nAn editor's note.\n\nA second one.\n{:/comment}\n\nAfter.\n", ["Before.", "After."]),
    ("{::comment}\nShort note.\n{:/}\n", []),
    ("Visible {::comment}an editor's note{:/comment} text.\n", ["Visible {::comment}an editor's note{:/comment} text."]),
    ("Only {::comment}a note{:/comment}\n\nNext.\n", ["Only {::comment}a note{:/comment}", "Next."]),
    ("{::comment}a note{:/comment}\n\nNext.\n", ["Next."]),
])
def test_kramdown_comments_are_kept_as_written(text: str, msgids: list[str]) -> None:
    """Regression: kramdown's (Jekyll's) ``{::comment}`` … ``{:/comment}`` text, which the site
    never shows, was an entry (block form) or prose of its paragraph (span form) sent to
    translators and machine translation; it now stays as written, as an HTML comment does."""
    art = article(text)
    assert [s.msgid for s in art.segments] == msgids
    assert localise(art, lambda s: s.msgid) == text


def test_translate_yes_over_several_blocks_inside_a_kept_element() -> None:
    """Regression: a ``<div translate="yes">`` left open at the end of its HTML block, inside a
    ``<div translate="no">``: its Markdown text was kept, and its ``</div>`` was taken for the
    kept element's end, so the kept text after it became entries."""
    text = ('<div translate="no">\n\nBrand Ltd.\n\n<div translate="yes">\n\nFor readers.\n\n</div>\n\n'
            'Code name\n\n<p translate="yes">Also for <b>readers</b>.</p>\n\n</div>\n\nAfter.\n')
    assert [s.msgid for s in article(text).segments] == ["For readers.", "Also for <b>readers</b>.", "After."]


def test_an_optional_end_translate_yes_element_ends_with_its_block() -> None:
    text = '<div translate="no">\n<p translate="yes">For readers.\n\nKept text.\n\n</div>\n\nAfter.\n'
    assert [s.msgid for s in article(text).segments] == ["For readers.", "After."]


@pytest.mark.parametrize("text, msgids", [
    ("import Tabs from '@theme/Tabs';\nimport { Map } from \"../components/Map\";\n\nText.\n", ["Text."]),
    ("import '../styles.css'\n\nText.\n", ["Text."]),
    ("export const updated = \"2026-02-07\";\n\nText.\n", ["Text."]),
    ("export const meta = {\n  title: \"Results\",\n};\n\nText.\n", ["Text."]),
    ("{/* A note for editors */}\n\nText {/* inline note */} here.\n", ["Text {/* inline note */} here."]),
    ("import duties were cut from 15% to 10%.\n", ["import duties were cut from 15% to 10%."]),
    ("export growth slowed in March.\n", ["export growth slowed in March."]),
])
def test_mdx_imports_exports_and_comments_are_no_entries(text: str, msgids: list[str]) -> None:
    """Regression: Docusaurus reads Markdown as MDX, whose ``import``/``export`` statements
    and ``{/* comments */}`` were paragraphs to translate: a translated statement breaks the
    site's build, and the comment is never shown. Prose that starts with the word stays."""
    art = article(text)
    assert [s.msgid for s in art.segments] == msgids
    assert localise(art, lambda s: s.msgid) == text


def test_a_content_tabs_title_is_an_entry_and_its_text_is_read_as_markdown() -> None:
    """Regression: MkDocs' content tabs (pymdownx.tabbed: ``=== "Title"``, a blank line, the
    text indented by four columns) were a paragraph holding the marker, whose quotes machine
    translation turned into «», so no tab was left, and the text was indented code, never
    extracted. The marker stays; the title and the text are entries, as an admonition's are."""
    text = '=== "Tab one"\n\n    Content of tab one.\n\n===+ "Tab two"\n    Content of tab two.\n\n=== Results ===\n'
    assert kinds(text) == [("paragraph", "Tab one", 1), ("paragraph", "Content of tab one.", 3),
                           ("paragraph", "Tab two", 5), ("paragraph", "Content of tab two.", 6),
                           ("paragraph", "=== Results ===", 8)]
    assert localise(article(text), lambda s: s.msgid) == text
    assert localise(article(text), upper) == ('=== "TAB ONE"\n\n    CONTENT OF TAB ONE.\n\n===+ "TAB TWO"\n'
                                              '    CONTENT OF TAB TWO.\n\n=== RESULTS ===\n')


def test_a_myst_target_line_stays_outside_the_paragraph() -> None:
    """Regression: MyST's (Sphinx, Jupyter Book) reference target ``(label)=`` above a
    heading was a paragraph to translate; translated, the references to it break."""
    text = "(port-expansion)=\n## The port grows\n\nSee (the map)= below.\n"
    assert [s.msgid for s in article(text).segments] == ["The port grows", "See (the map)= below."]


def test_a_myst_admonition_directives_title_and_body_are_entries() -> None:
    """Regression: MyST's (Jupyter Book, Sphinx) admonitions are fenced like code
    (```` ```{note} ````, ```` ```{admonition} Title ````), but their body is Markdown readers
    see: it was never extracted and was published untranslated. Option lines (``:class:``),
    the fences, a figure's path and any other directive (``{code-cell}``) stay as written."""
    text = ("```{note}\nThe port is *closed*.\n```\n\n```{admonition} Road closed\n:class: tip\n\nTake the ring road.\n\n"
            "- Or the bridge.\n```\n\n````{warning}\n```{tip}\nNested tip.\n```\n````\n\n"
            "```{code-cell} python\nprint('text')\n```\n\n```{figure} port.png\nThe port at dusk.\n```\n")
    art = article(text)
    assert [(s.kind.value, s.msgid) for s in art.segments] == [
        ("paragraph", "The port is *closed*."), ("paragraph", "Road closed"), ("paragraph", "Take the ring road."),
        ("list item", "Or the bridge."), ("paragraph", "Nested tip."), ("paragraph", "The port at dusk.")]
    assert localise(art, lambda s: s.msgid) == text
    assert localise(art, upper) == text.replace("The port is *closed*.", "THE PORT IS *CLOSED*.").replace(
        "Road closed", "ROAD CLOSED").replace("Take the ring road.", "TAKE THE RING ROAD.").replace(
        "Or the bridge.", "OR THE BRIDGE.").replace("Nested tip.", "NESTED TIP.").replace(
        "The port at dusk.", "THE PORT AT DUSK.")


def test_a_myst_directives_yaml_options_stay_as_written() -> None:
    text = "```{note}\n---\nclass: tip\n---\nThe port is closed.\n```\n"
    assert [s.msgid for s in article(text).segments] == ["The port is closed."]


def test_a_pandoc_line_block_gives_an_entry_per_line_and_keeps_its_bars() -> None:
    """Regression: a line block (``| line`` over ``| line``; Pandoc, Quarto) was one paragraph
    entry, bars included: its translation was published on one line, no line block at all."""
    text = "| The moon rose over Shusha,\n|    and the river sang.\n| We did not sleep\n  that night.\n\n> | 12 Nizami St\n> | Baku\n"
    assert kinds(text) == [
        ("paragraph", "The moon rose over Shusha,", 1), ("paragraph", "and the river sang.", 2),
        ("paragraph", "We did not sleep that night.", 3),
        ("blockquote", "12 Nizami St", 6), ("blockquote", "Baku", 7)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: s.msgid.upper().replace(" ", "\n", 1))
    assert out == ("| THE MOON ROSE OVER SHUSHA,\n|    AND THE RIVER SANG.\n| WE DID NOT SLEEP THAT NIGHT.\n\n"
                   "> | 12 NIZAMI ST\n> | BAKU\n")


def test_pandocs_tilde_definitions_and_a_definitions_further_paragraphs_are_entries() -> None:
    """Regression: Pandoc's ``~`` definition marker was prose (term and definitions one
    entry, published on one line), and a definition's further paragraphs, indented by four
    columns after a blank line, were indented code: published untranslated."""
    text = ("Apples\n  ~ A red fruit.\n  ~ Also a company.\n\nPears\n:   First paragraph.\n\n"
            "    Second paragraph of **definition**.\n\n        code inside\n\n    Third.\n")
    assert kinds(text) == [
        ("definition term", "Apples", 1), ("definition", "A red fruit.", 2), ("definition", "Also a company.", 3),
        ("definition term", "Pears", 5), ("definition", "First paragraph.", 6),
        ("paragraph", "Second paragraph of **definition**.", 8), ("paragraph", "Third.", 12)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: s.msgid.upper() if s.line != 2 else "Red\n~ fruit")
    assert out == ("APPLES\n  ~ Red  \n    \\~ fruit\n  ~ ALSO A COMPANY.\n\nPEARS\n:   FIRST PARAGRAPH.\n\n"
                   "    SECOND PARAGRAPH OF **DEFINITION**.\n\n        code inside\n\n    THIRD.\n")


def test_a_block_of_mathjax_display_math_is_not_an_entry() -> None:
    """Regression: ``\\[ ... \\]`` display math (MathJax, Hugo's passthrough) and a MyST
    ``$$ ... $$ (label)`` block were paragraph entries sent to MT; an editor's bracketed
    note stays text."""
    text = "\\[ x^2 + y^2 = z^2 \\]\n\n\\\\[\nE = mc^2\n\\\\]\n\n$$\nV = \\pi r^2 h\n$$ (volume)\n\n\\[Photo: Reuters\\]\n"
    assert kinds(text) == [("paragraph", "\\[Photo: Reuters\\]", 11)]
    assert localise(article(text), lambda s: s.msgid) == text


def test_a_code_cells_captions_are_entries_and_its_other_options_and_code_are_not() -> None:
    """Regression: a Quarto or R Markdown cell's ``#| fig-cap: "..."`` and ``#| fig-alt:``
    stayed in the code block: the figure's caption was published untranslated."""
    text = ('```{python}\n#| label: fig-cpi\n#| fig-cap: "Prices, year on year"\n#| fig-alt: \'A line chart\'\n'
            '#| echo: false\n#| fig-subcap:\n#|   - Baku\n#|   - "Ganja: north"\nplot(x)  #| fig-cap: no\n```\n\n'
            "- In a list:\n\n  ```{ojs}\n  //| tbl-cap: Food prices\n  x = 1\n  ```\n\n"
            '```{.python}\n#| fig-cap: "Not a cell"\n```\n\n```{r}\n#| fig-cap: [unclosed\n```\n')
    assert kinds(text) == [
        ("cell caption", "Prices, year on year", 3), ("cell caption", "A line chart", 4),
        ("cell caption", "Baku", 7), ("cell caption", "Ganja: north", 8),
        ("list item", "In a list:", 12), ("cell caption", "Food prices", 15)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: {"Baku": "Bakı: şəhər", "A line chart": "It's \"a\" chart"}.get(
        s.msgid, s.msgid.upper()))
    assert out == text.replace('"Prices, year on year"', '"PRICES, YEAR ON YEAR"').replace(
        "'A line chart'", "'It''s \"a\" chart'").replace("- Baku", '- "Bakı: şəhər"').replace(
        '"Ganja: north"', '"GANJA: NORTH"').replace("In a list:", "IN A LIST:").replace(
        "tbl-cap: Food prices", "tbl-cap: FOOD PRICES")


def test_myst_directive_options_stay_and_the_readers_ones_are_entries() -> None:
    """Regression: a colon-fenced directive's options (``:class: warning``) were in its text's
    entry, sent to MT; ``:alt:`` and ``:caption:`` were never entries (an image's alt text
    published untranslated), a ``:::{figure}``'s file name was an entry as its title, and a
    ``{list-table}``'s cells and title were code."""
    text = (":::{admonition} Boil your water\n:class: warning\nResidents should boil water.\n:::\n\n"
            ":::{figure} a.png\n:alt: The reservoir\n:width: 80%\n\nThe caption.\n:::\n\n"
            "```{image} pipes.png\n:alt: New pipes\n:width: 200px\n```\n\n"
            "```{code-block} python\n:caption: Reading the meter\nprint(1)  # :alt: no\n```\n\n"
            "```{list-table} Reservoirs\n:header-rows: 1\n\n* - Name\n  - Volume\n```\n")
    assert kinds(text) == [
        ("paragraph", "Boil your water", 1), ("paragraph", "Residents should boil water.", 3),
        ("image alt text", "The reservoir", 7), ("paragraph", "The caption.", 10),
        ("image alt text", "New pipes", 14), ("cell caption", "Reading the meter", 19),
        ("paragraph", "Reservoirs", 23), ("list item", "Name", 26), ("list item", "Volume", 27)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: s.msgid.upper() + "\nMORE")
    assert ":class: warning\nRESIDENTS SHOULD BOIL WATER.  \nMORE\n" in out
    assert ":alt: THE RESERVOIR MORE\n:width: 80%" in out and ":caption: READING THE METER MORE\nprint(1)" in out


def test_a_buttons_text_and_a_cards_subtitle_are_template_arguments_and_switches_are_not() -> None:
    """Regression: ``{% include button.html text="Read the timetable" %}`` (Jekyll themes) and a
    Docsy or Hextra card's ``subtitle``/``heading``/``footer`` were published untranslated;
    a switch such as Docsy's ``{{< tabpane text="true" >}}`` is no text."""
    text = ('{% include button.html text="Read the timetable" link="t.pdf" %}\n\n'
            '{{< card title="Port" subtitle="Cargo by month" footer=\'Source: ministry\' >}}\n\n'
            '{{< tabpane text="true" right=true >}}\n')
    assert kinds(text) == [("template argument", "Read the timetable", 1), ("template argument", "Port", 3),
                           ("template argument", "Cargo by month", 3), ("template argument", "Source: ministry", 3)]
    assert localise(article(text), lambda s: s.msgid) == text
    assert 'text="READ THE TIMETABLE" link' in localise(article(text), lambda s: s.msgid.upper())


def test_an_image_with_an_attribute_list_is_a_figure_whose_alt_text_is_the_entry() -> None:
    """Regression: a Pandoc or Quarto figure with attributes (``![Baku](baku.png){#fig-baku}``),
    also alone inside a div, was a paragraph entry holding its markup: a translation adding a
    word around it published an inline image, no figure."""
    text = ("![The poet's house](house.jpg \"In 1920\"){width=60%}\n\n::: {#fig-map layout-ncol=2}\n"
            "![Baku](baku.png){#fig-baku}\n:::\n\n![Ganja](g.png) {: .wide}\n\n![a](b.png){.x} and text\n")
    assert kinds(text) == [
        ("image alt text", "The poet's house", 1), ("image title", "In 1920", 1),
        ("image alt text", "Baku", 4), ("image alt text", "Ganja", 7),
        ("paragraph", "![a](b.png){.x} and text", 9)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: s.msgid.upper())
    assert '![THE POET\'S HOUSE](house.jpg "IN 1920"){width=60%}' in out and "![BAKU](baku.png){#fig-baku}\n:::" in out


def test_a_figures_fig_alt_attribute_is_an_entry() -> None:
    """Regression: a Quarto figure's alt text for screen readers (``![Cranes](a.png){fig-alt="…"}``)
    was published untranslated; it is an entry written back inside its quotes, the other
    attributes kept, also for a figure inside a div or a block quote."""
    text = ('![Port at dawn](port.jpg){#fig-port fig-alt="Cranes over the water" width=50%}\n\n'
            "::: {#fig-dock}\n![Dock](d.jpg){fig-alt='Dock at night'}\n:::\n\n"
            '> ![Quay](q.jpg){fig-alt=""}\n')
    assert kinds(text) == [("image alt text", "Port at dawn", 1), ("image alt text", "Cranes over the water", 1),
                           ("image alt text", "Dock", 4), ("image alt text", "Dock at night", 4),
                           ("image alt text", "Quay", 7)]
    out = localise(article(text), lambda s: 'Кран "большой", it\'s')
    assert out.startswith('![Кран "большой", it\'s](port.jpg){#fig-port fig-alt="Кран \\"большой\\", it\'s" width=50%}')
    assert "{fig-alt='Кран \"большой\", it\\'s'}\n:::" in out and '{fig-alt=""}' in out
    assert block_types(out) == block_types(text)


def test_an_attribute_list_holding_an_escaped_quote_stays_out_of_the_entry() -> None:
    """Regression: Pandoc reads ``\\"`` inside a quoted attribute value, and the pipeline writes
    one there itself (a callout's translated title); such a list was not read as one, so a
    figure's attribute list was sent to translators and MT as prose and a callout's title was
    cut at the escape."""
    text = ('![Port](p.jpg){#fig-a fig-alt="A \\"big\\" crane" width=50%}\n\n'
            '::: {.callout-tip title="He said \\"go\\" now"}\nTip body.\n:::\n')
    assert kinds(text) == [("image alt text", "Port", 1), ("image alt text", 'A \\"big\\" crane', 1),
                           ("paragraph", 'He said \\"go\\" now', 3), ("paragraph", "Tip body.", 4)]
    out = localise(article(text), lambda s: s.msgid.upper())
    assert out == text.replace('A \\"big\\" crane', 'A \\"BIG\\" CRANE').replace("Port]", "PORT]").replace(
        'He said \\"go\\" now', 'HE SAID \\"GO\\" NOW').replace("Tip body", "TIP BODY")


def test_a_setext_headings_hard_break_is_kept_in_its_translation() -> None:
    """Regression: a setext heading whose source breaks a line (two spaces or a backslash)
    shows the break in its msgid, but the translation's break was published as a space, so
    the heading lost its ``<br>``. A heading without one is still written on one line."""
    text = "Port grows  \nagain\n===\n\n> Quoted\\\n> heading\n> ---\n\nPlain\nheading\n---\n"
    assert [s.msgid for s in article(text).segments] == ["Port grows\nagain", "Quoted\\\nheading", "Plain heading"]
    out = localise(article(text), lambda s: "Порт | растёт\nснова")
    assert out == ("Порт &#124; растёт  \nснова\n===\n\n> Порт &#124; растёт  \n> снова\n> ---\n\n"
                   "Порт &#124; растёт снова\n---\n")
    assert block_types(out) == block_types(text)


def test_a_lone_full_reference_image_is_a_figure_whose_alt_text_is_the_entry() -> None:
    """Regression: an image alone in its paragraph written as a full reference
    (``![Grain silo][silo]``) was a paragraph entry holding its markup, so a translation adding
    a word around it published an inline image, no figure, as an inline image once did. A
    collapsed or shortcut one (``![Grain silo][]``), whose alt text is its label, stays a
    paragraph entry, its label kept by the translation."""
    text = ("![Grain silo][silo]\n\n| Pic |\n|---|\n| ![Silo at dusk][silo] |\n\n"
            "![Grain silo][]\n\n[silo]: silo.jpg\n[Grain silo]: silo.jpg\n")
    assert kinds(text) == [("image alt text", "Grain silo", 1), ("table cell", "Pic", 3),
                           ("image alt text", "Silo at dusk", 5), ("paragraph", "![Grain silo][]", 7)]
    out = localise(article(text), lambda s: "Силос" if "[" not in s.msgid else "Вот ![Силос][]")
    assert out.startswith("![Силос][silo]\n\n| Силос |\n|---|\n| ![Силос][silo] |\n\nВот ![Силос][Grain silo]\n")
    assert block_types(out) == block_types(text)


def test_an_alt_text_or_link_title_of_template_tags_alone_is_no_entry() -> None:
    """Regression: ``![{{ page.title }}]({{ page.image }})`` and a link title
    ``"{{ page.title }}"`` gave entries with nothing to translate (the generator fills the tag
    in); a tag's own readers' argument still is one."""
    text = ('![{{ page.title }}]({{ page.image }})\n\n![{{< abbr title="Baku port" >}}](a.jpg)\n\n![Port {{ n }}](p.jpg)\n\n'
            'See [x](/a "{{ page.title }}").\n\n[r]: /r "{{ site.title }}"\n')
    assert kinds(text) == [("template argument", "Baku port", 3), ("image alt text", "Port {{ n }}", 5),
                           ("paragraph", 'See [x](/a "{{ page.title }}").', 7)]
    assert localise(article(text), lambda s: s.msgid) == text


def test_a_pandoc_table_captions_marker_and_label_stay_out_of_its_entry() -> None:
    """Regression: a table caption (``Table: Books by year {#tbl:books}`` or ``: …`` next to
    a table; Pandoc, Quarto) was a paragraph entry holding its marker: a translated
    ``Таблица:`` is no marker, and the caption was published as a paragraph."""
    text = ("| Year | Book |\n|---|---|\n| 1912 | Songs |\n\n: Books by year {#tbl:books}\n\n"
            "Table: Sales by *region*\nand city\n\n| a |\n|---|\n\nTable: Imports, after the table.\n\nEnd.\n")
    assert kinds(text) == [
        ("table cell", "Year", 1), ("table cell", "Book", 1), ("table cell", "Songs", 3),
        ("paragraph", "Books by year", 5), ("paragraph", "Sales by *region* and city", 7),
        ("table cell", "a", 10), ("paragraph", "Imports, after the table.", 13), ("paragraph", "End.", 15)]
    assert kinds("Table: a sentence.\n\nEnd.\n") == [("paragraph", "Table: a sentence.", 1), ("paragraph", "End.", 3)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: "Таблица: " + s.msgid.upper())
    assert ": Таблица: BOOKS BY YEAR {#tbl:books}\n\nTable: Таблица: SALES BY *REGION* AND CITY\n\n" in out


def test_a_list_only_pandoc_reads_gives_an_entry_per_item_and_keeps_its_markers() -> None:
    """Regression: Pandoc's ``#.`` and example ``(@)`` lists, and letter and roman lists
    (``a)`` over ``b)``, ``(i)`` over ``(ii)``), are paragraphs for CommonMark: one entry,
    published on one line, no list. A name's initial (``A. Aliyev``) opens no list."""
    text = ("#. Fancy one.\n#. Fancy two\n   goes on.\n\n(@) First example.\n(@good) Second example.\n\n"
            "a) Apples\nb) Pears\n\n(i) One\n(ii) Two\n\nA. Aliyev said\nB. Smith replied.\n\n"
            "A.  Apples\nB.  Pears\n\na. one\nc. three\n\n#. Alone\n")
    assert kinds(text) == [
        ("list item", "Fancy one.", 1), ("list item", "Fancy two goes on.", 2),
        ("list item", "First example.", 5), ("list item", "Second example.", 6),
        ("list item", "Apples", 8), ("list item", "Pears", 9), ("list item", "One", 11), ("list item", "Two", 12),
        ("paragraph", "A. Aliyev said B. Smith replied.", 14), ("list item", "Apples", 17), ("list item", "Pears", 18),
        ("paragraph", "a. one c. three", 20), ("list item", "Alone", 23)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: s.msgid.upper().replace(" ", "\n", 1))
    assert out.startswith("#. FANCY ONE.\n#. FANCY TWO GOES ON.\n\n(@) FIRST EXAMPLE.\n(@good) SECOND EXAMPLE.\n\n"
                          "a) APPLES\nb) PEARS\n\n(i) ONE\n(ii) TWO\n\n")


def test_a_backtick_in_a_directive_titles_translation_cannot_end_its_fence() -> None:
    """Regression: a MyST directive's title on a backtick fence (```` ```{admonition} Road
    closed ````) was written back as it came: a backtick in the translation made the line no
    fence (CommonMark forbids one in its info string), and the directive's body code."""
    text = "```{admonition} Road closed\nThe road is closed.\n```\n"
    out = localise(article(text), lambda s: "Use `x` now" if s.msgid == "Road closed" else s.msgid)
    assert out == "```{admonition} Use &#96;x&#96; now\nThe road is closed.\n```\n"
    assert block_types(out) == block_types(text)


def test_table_of_contents_markers_and_snippet_includes_are_no_entries() -> None:
    """Regression: ``[TOC]`` (Python-Markdown), kramdown's ``* TOC`` over ``{:toc}`` and
    pymdownx.snippets' ``--8<-- "note.md"`` were entries: a translated marker is no marker,
    and the page lost its table of contents or its included text."""
    text = ('[TOC]\n\n[[_TOC_]]\n\n* TOC\n{:toc}\n\n--8<-- "includes/abbreviations.md"\n;--8<-- \'skip.md\'\n\n'
            "--8<--\nincludes/a.md\nincludes/b.md\n--8<--\n\n--8<-- is the snippet marker, said the docs.\n")
    assert kinds(text) == [("paragraph", "--8<-- is the snippet marker, said the docs.", 16)]
    assert localise(article(text), lambda s: s.msgid) == text


def test_an_r_markdown_chunk_headers_captions_are_entries() -> None:
    """Regression: R Markdown's ``{r port, fig.cap="…"}`` header kept its caption in the code
    block's info string, published untranslated."""
    text = "```{r port, fig.cap=\"Cargo by month\", echo=FALSE, fig.alt = 'A chart'}\nplot(x)\n```\n"
    assert kinds(text) == [("cell caption", "Cargo by month", 1), ("cell caption", "A chart", 1)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: s.msgid.upper() + ' "q" it\'s `x`')
    assert out.startswith("```{r port, fig.cap=\"CARGO BY MONTH \\\"q\\\" it's &#96;x&#96;\", echo=FALSE, "
                          "fig.alt = 'A CHART \"q\" it\\'s &#96;x&#96;'}\n")
    assert block_types(out) == block_types(text)


def test_a_task_list_items_checkbox_stays_out_of_its_entry() -> None:
    """Regression: a task's checkbox (``- [x] Sandbags delivered``; GFM, Goldmark) was in its
    item's entry: a translation that moved or dropped it published the task as text."""
    text = ("- [x] Sandbags delivered\n- [ ] Evacuation plan\n  published\n- [ ]\n\n  [x] not a task here\n\n"
            "1. [X] Numbered task\n\n[x] no list\n")
    assert kinds(text) == [("list item", "Sandbags delivered", 1), ("list item", "Evacuation plan published", 2),
                           ("list item", "[x] not a task here", 6), ("list item", "Numbered task", 8),
                           ("paragraph", "[x] no list", 10)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: s.msgid.upper().replace(" ", "\n", 1))
    assert out.startswith("- [x] SANDBAGS  \n      DELIVERED\n- [ ] EVACUATION  \n      PLAN PUBLISHED\n")
    assert block_types(out) == block_types(text)


def test_a_translation_opening_with_a_bar_opens_no_line_block() -> None:
    """Regression: a term translated as ``| …`` made its paragraph a Pandoc line block, its
    definition's marker line the block's next line; a paragraph whose first line is a
    template tag and whose next opens with ``~ `` is no definition, so the indented lines
    after it stay code."""
    text = "Baku\n  ~ A city.\n\n    More about Baku.\n"
    out = localise(article(text), lambda s: "| " + s.msgid)
    assert out == "\\| Baku\n  ~ \\| A city.\n\n    \\| More about Baku.\n"
    again = article(out)
    assert [s.kind for s in again.segments] == [s.kind for s in article(text).segments]
    tagged = '{{< abbr title="Port" >}}\n  ~ Baku\n\n    code\n'
    assert kinds(tagged) == [("template argument", "Port", 1), ("paragraph", "~ Baku", 2)]


def test_an_image_or_link_whose_destination_is_a_template_tag_is_read_as_the_generator_reads_it() -> None:
    """Regression: ``![Port]({{ "/assets/port.jpg" | relative_url }})`` (Jekyll's way to write an
    image) was a paragraph entry holding the tag, and the title of a link whose destination is a
    shortcode (``[site]({{< ref "baku.md" >}} "Baku page")``) was no entry: for CommonMark a
    destination holding a space is none, but the generator fills the tag in first."""
    text = ('![Port]({{ "/assets/port.jpg" | relative_url }} "The {{ site.name }} port")\n\n'
            '| City | Link |\n|---|---|\n| Baku | [site]({{< ref "baku.md" >}} "Baku page") |\n')
    assert kinds(text) == [
        ("image alt text", "Port", 1), ("image title", "The {{ site.name }} port", 1),
        ("table cell", "City", 3), ("table cell", "Link", 3), ("table cell", "Baku", 5),
        ("table cell", '[site]({{< ref "baku.md" >}} "Baku page")', 5), ("link title", "Baku page", 5)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: {"Baku page": "Страница Баку", "Port": "Порт"}.get(s.msgid, s.msgid))
    assert out.startswith('![Порт]({{ "/assets/port.jpg" | relative_url }} "The {{ site.name }} port")\n')
    assert '| [site]({{< ref "baku.md" >}} "Страница Баку") |' in out


def test_a_table_cell_holding_only_keys_in_kbd_is_no_entry() -> None:
    """Regression: a cell of ``<kbd>Ctrl</kbd>+<kbd>C</kbd>`` was an entry "translated" as
    itself, though an HTML block's ``<kbd>`` text is code, never prose."""
    text = "| Keys | Does |\n|---|---|\n| <kbd>Ctrl</kbd>+<kbd>C</kbd> | copy |\n\nPress <kbd>Esc</kbd> to close.\n"
    assert kinds(text) == [("table cell", "Keys", 1), ("table cell", "Does", 1), ("table cell", "copy", 3),
                           ("paragraph", "Press <kbd>Esc</kbd> to close.", 5)]


def test_a_table_cell_holding_one_image_gives_its_alt_text_and_title() -> None:
    """Regression: a cell holding only ``![Port icon](i.png "Icon")`` was an entry holding the
    image's markup; its alt text is the entry now, as for a lone image in a paragraph, and a
    pipe in its translation cannot end the cell."""
    text = '| Icon | Name |\n|---|---|\n| ![Port icon](i.png "The icon") | Port |\n'
    assert kinds(text) == [("table cell", "Icon", 1), ("table cell", "Name", 1),
                           ("image alt text", "Port icon", 3), ("image title", "The icon", 3),
                           ("table cell", "Port", 3)]
    assert localise(article(text), lambda s: s.msgid) == text
    out = localise(article(text), lambda s: s.msgid.upper() + " | x")
    assert out.endswith('| ![PORT ICON \\| x](i.png "THE ICON &#124; x") | PORT \\| x |\n')
    assert block_types(out) == block_types(text)


def test_a_quarto_callouts_single_quoted_title_is_an_entry() -> None:
    """Regression: ``::: {.callout-tip title='Road closed'}`` (single quotes, as Pandoc allows)
    kept its title in the fence, published untranslated."""
    text = "::: {.callout-tip title='Road closed' collapse=\"true\"}\nTip body.\n:::\n"
    assert kinds(text) == [("paragraph", "Road closed", 1), ("paragraph", "Tip body.", 2)]
    out = localise(article(text), lambda s: "It's " + s.msgid)
    assert out == "::: {.callout-tip title='It\\'s Road closed' collapse=\"true\"}\nIt's Tip body.\n:::\n"


def test_a_code_blocks_prose_title_is_an_entry_and_a_file_name_is_not() -> None:
    """Regression: a code block's title (```` ```python title="Fetching the data" ````, shown
    above the code by MkDocs and Docusaurus) was published untranslated. A title naming a file
    or a path is the code's; a translation's quotes and backticks leave the fence a fence."""
    text = ('Intro.\n\n```python title="Fetching the data"\nprint(1)\n```\n\n```python title="app.py"\n```\n\n'
            "```rust title='src/main.rs'\n```\n\n```text title=\"/etc/hosts\"\n```\n\n```py title=\"Output\"\n```\n\n"
            '> ~~~ js linenums="1" title="Calling the API"\n> x\n> ~~~\n')
    art = article(text)
    assert [(s.kind, s.msgid) for s in art.segments[1:]] == [
        (BlockKind.CELL_CAPTION, "Fetching the data"), (BlockKind.CELL_CAPTION, "Calling the API")]
    localised = localise(art, lambda s: 'Скажи "да" `x`' if s.kind is BlockKind.CELL_CAPTION else None)
    assert '```python title="Скажи “да” \'x\'"\nprint(1)\n```' in localised
    assert '> ~~~ js linenums="1" title="Скажи “да” `x`"\n> x\n> ~~~' in localised
    assert 'title="app.py"' in localised and "title='src/main.rs'" in localised
    assert block_types(localised) == block_types(text)


def test_a_listings_caption_in_a_code_blocks_attributes_is_an_entry() -> None:
    """Regression: a listing's caption in a code block's attributes (pandoc-crossref's
    ``caption="…"``, Quarto's ``lst-cap="…"``), printed under the code, was published
    untranslated; the other attributes and the code stay as written."""
    text = ('``` {#lst:grain .python caption="Loading the grain figures"}\nx = "text"\n```\n\n'
            '```{#lst-ships .sql lst-cap=\'Ships in the harbour\' startFrom="10"}\nSELECT 1;\n```\n\n'
            '```js {.numberLines startFrom="10"}\nvar a = "text";\n```\n')
    art = article(text)
    assert [(s.kind, s.msgid) for s in art.segments] == [
        (BlockKind.CELL_CAPTION, "Loading the grain figures"), (BlockKind.CELL_CAPTION, "Ships in the harbour")]
    out = localise(art, lambda s: "Загрузка данных")
    assert out == text.replace("Loading the grain figures", "Загрузка данных").replace(
        "Ships in the harbour", "Загрузка данных")
    assert block_types(out) == block_types(text)


@pytest.mark.parametrize("text, msgid", [
    ("#. Alone in its list\n", "Alone in its list"),
    ("Intro.\n\n(@) The only example\n    goes on.\n", "The only example goes on."),
    ("> #. Один пункт\n", "Один пункт"),
])
def test_a_pandoc_list_of_one_unmistakable_item_is_a_list(text: str, msgid: str) -> None:
    """Regression: a lone ``#.`` or ``(@)`` item, a list for Pandoc, was read as a paragraph:
    its marker was in the entry, for the translator to keep or lose."""
    segments = article(text).segments
    assert (segments[-1].kind, segments[-1].msgid) == (BlockKind.LIST_ITEM, msgid)
    out = localise(article(text), lambda s: s.msgid.upper())
    assert block_types(out) == block_types(text) and msgid.upper().split()[0] in out


def test_an_image_alone_on_its_line_in_an_html_block_gives_its_alt_text() -> None:
    """Regression: in MkDocs' ``<figure markdown="span">`` the image line was one HTML-text
    entry holding the image's markup (destination and attributes for the translator to keep);
    its entry is now the alt text, like any image's, and the caption stays an entry."""
    text = ('<figure markdown="span">\n  ![The harbour at dawn](a.jpg){ width="300" }\n'
            "  <figcaption>Cranes over the new terminal</figcaption>\n</figure>\n\n"
            '<div markdown>\n![Второй снимок](b.jpg "Вид сверху")\n</div>\n')
    assert kinds(text) == [
        ("image alt text", "The harbour at dawn", 2), ("html text", "Cranes over the new terminal", 3),
        ("image alt text", "Второй снимок", 7), ("image title", "Вид сверху", 7)]
    out = localise(article(text), lambda s: s.msgid.upper() + " [1]")
    assert '  ![THE HARBOUR AT DAWN \\[1\\]](a.jpg){ width="300" }\n' in out
    assert '![ВТОРОЙ СНИМОК \\[1\\]](b.jpg "ВИД СВЕРХУ [1]")' in out


def test_a_component_whose_opening_tag_spans_lines_keeps_its_lines() -> None:
    """Regression: an MDX component (or HTML element) whose opening tag spans lines is no HTML
    block for CommonMark but a paragraph: its entry held the tag, and its translation was
    written on one line, which MDX reads as inline text, not the component's block. Its text
    and title are now entries and every line stays where it was."""
    text = ('Intro.\n\n<Callout\n  type="warning"\n  title="Take care here">\nText inside the callout.\n'
            '</Callout>\n\n- <Chart data={[1, 2]}\n    label="Cargo by month">\n  Shown monthly.\n  </Chart>\n')
    assert kinds(text) == [
        ("paragraph", "Intro.", 1), ("html title", "Take care here", 5), ("html text", "Text inside the callout.", 6),
        ("html label", "Cargo by month", 10), ("html text", "Shown monthly.", 11)]
    out = localise(article(text), lambda s: s.msgid.upper())
    assert out == text.replace("Take care here", "TAKE CARE HERE").replace("Text inside the callout.", "TEXT INSIDE THE CALLOUT.") \
        .replace("Cargo by month", "CARGO BY MONTH").replace("Shown monthly.", "SHOWN MONTHLY.").replace("Intro.", "INTRO.")
    inline = '<span\n  class="x">\nword</span> goes on\nhere.\n'
    assert kinds(inline) == [("paragraph", '<span class="x"> word</span> goes on here.', 1)]


@pytest.mark.parametrize("front, line, message, hint", [
    ("title: Baku: the port grows", 2, "the value of 'title' holds a colon and a space (': ')",
     'title: "Baku: the port grows"'),
    ("lang: en\nimage:\n  caption: Фото: Reuters", 4, "the value of 'caption' holds a colon",
     'caption: "Фото: Reuters"'),
    ("title: Liman böyüyür:", 2, "the value of 'title' ends with a colon", 'title: "Liman böyüyür:"'),
    ("image:\n  src: a.jpg\n   caption: Port", 4, "indented further than the line above",
     "as far as the other keys at its level"),
    ("image:\n  src: a.jpg\n caption: Port", 4, "indented differently from the keys above",
     "as far as the other keys at its level"),
    ("title: @AzerNews reports", 2, "the value of 'title' starts with '@'", 'title: "@AzerNews reports"'),
    ("title: `Baku` grows", 2, "the value of 'title' starts with '`'", 'title: "`Baku` grows"'),
    ("title: %50 more ships", 2, "the value of 'title' starts with '%'", 'title: "%50 more ships"'),
    ("title: [Update] Port grows", 2, "the value of 'title' starts with '[', which YAML reads as a list",
     'title: "[Update] Port grows"'),
    ("title: {Breaking} Port grows", 2, "starts with '{', which YAML reads as a mapping",
     'title: "{Breaking} Port grows"'),
    ("title: *Срочно* порт растёт", 2, "starts with '*', which YAML reads as a reference",
     'title: "*Срочно* порт растёт"'),
    ("title: *breaking", 2, "starts with '*', which YAML reads as a reference",
     'title: "*breaking"'),
    ("title: & more", 2, "starts with '&', which YAML reads as a name", 'title: "& more"'),
    ("title: >50% growth", 2, "starts with '>', which YAML reads as the start of a block of text",
     'title: ">50% growth"'),
    ("title: - Port grows", 2, "starts with '- ', which YAML reads as a list item",
     'title: "- Port grows"'),
    ('title: Port\n- economy', 3, "a list item ('- ') where YAML expects 'key: value'",
     "under its key"),
    ("description: |\nText not indented\nlang: en", 3, "neither 'key: value' nor indented under a key",
     "indent it"),
    ("tags: [port, economy\nlang: en", 2, "the list opened with '[' on this line is never closed",
     "close it with ']'"),
    ("image: {src: a.jpg\nlang: en", 2, "the mapping opened with '{' on this line is never closed",
     "close it with '}'"),
    ('title: "Say \\"hi\\": now" x', 2, "text follows the closing quote", '\\"'),
    ("title: T\nsummary:Порт растёт\nlang: ru", 3, "the colon after 'summary' has no space after it",
     "summary: Порт растёт"),
    ("title:Port grows\nlang: en", 2, "the colon after 'title' has no space after it", "title: Port grows"),
    ("image:\n  src a.jpg\n  caption: Ships", 3, "this line has no colon (':') after its key",
     "'key: value'"),
    ("title Liman böyüyür\nlang: az", 2, "this line has no colon (':') after its key", "'key: value'"),
    ("tags:\n- port\n- economy\n  lang: en", 5, "indented further than the line above", "as far as the other keys"),
    (" title: Port grows\nlang: en", 3, "indented differently from the first key", "beginning of its line"),
    ("image:\n  caption: }Ships", 3, "the value of 'caption' starts with '}'", 'caption: "}Ships"'),
    ("title: T\n@image: a.jpg", 3, "this line starts with '@', which YAML keeps for its own use",
     "a key starts with a letter"),
    ("title:Port grows", 2, "the colon after 'title' has no space after it", "title: Port grows"),
    ("tags:\n  -\teconomy", 3, "a tab on this line where YAML takes only a space", "replace the tab with a space"),
    ("title: ? why now", 2, "starts with '? ', which YAML reads as the start of a key", 'title: "? why now"'),
    ("image: {src: a.jpg, caption: Port: grows}", 2, "the mapping opened with '{' on this line is never closed",
     "image: {src: port.jpg, alt: Port}"),
    ("title: !Breaking Port grows", 2, "the value of 'title' starts with '!Breaking', which YAML reads as a type tag",
     'title: "!Breaking Port grows"'),
    ("lang: en\ngallery:\n  - caption: !Эксклюзив порт", 4, "the value of 'caption' starts with '!', which YAML reads as a type tag",
     'caption: "!Эксклюзив порт"'),
    ("description: |\n  Block\n*  more", 4, "this line starts with '*', which YAML reads as a reference",
     "indent it under its key"),
])
def test_a_front_matter_slip_is_explained_in_an_editor_s_words(front: str, line: int, message: str,
                                                                hint: str) -> None:
    """Regression: YAML slips editors make in headlines (a colon, a leading '@', '[Update]',
    '*Breaking*', '>50%') and in layout (a line indented one space too far or too little)
    were reported in PyYAML's words ("mapping values are not allowed in this context", "did
    not find expected key", "found character that cannot start any token") with one hint for
    all of them; each now says what YAML made of the text and the line to write instead."""
    with pytest.raises(ArticleError) as info:
        article(f"---\n{front}\n---\n\nBody.\n")
    assert info.value.line == line, info.value
    assert message in info.value.message, info.value.message
    assert hint in (info.value.hint or ""), info.value.hint
    with pytest.raises(ArticleError) as info:  # as Windows editors save it
        article(f"---\n{front}\n---\n\nBody.\n".replace("\n", "\r\n"))
    assert info.value.line == line and hint in (info.value.hint or ""), info.value.hint
@pytest.mark.parametrize("front, translation, published", [
    ("title: Budget passed", "Бюджет принят\n", "title: Бюджет принят"),
    ("title: Budget passed", "  Бюджет принят ", "title: Бюджет принят"),
    ("title: 'Budget passed'", "\tБюджет принят\n\n", "title: 'Бюджет принят'"),
    ('title: "  Budget passed "', "Бюджет принят", 'title: "  Бюджет принят "'),
    ("description: |\n  Line one.\n  Line two.", "Строка один.\nСтрока два.",
     "description: |\n  Строка один.\n  Строка два."),
    ("description: |\n  Line one.\n  Line two.", "Строка один.\nСтрока два.\n\n",
     "description: |\n  Строка один.\n  Строка два."),
])
def test_a_front_matter_translation_keeps_the_sources_white_space_around_it(front: str, translation: str,
                                                                          published: str) -> None:
    """Regression: a final line break or spaces around a translation (typed in Poedit, where
    they cannot be seen, or a final newline lost or added, which ``msgfmt -c`` refuses) were
    published inside the title and description (``title: "Бюджет принят\\n"``), while a
    paragraph's are dropped. A value keeps the source's own white space around its text."""
    art = article(f"---\n{front}\n---\n\nBody.\n")
    out = localise(art, lambda s: translation if s.msgid != "Body." else None)
    assert out == f"---\n{published}\n---\n\nBody.\n"
def test_shortcut_and_collapsed_reference_images_keep_their_label_when_translated() -> None:
    """An image's alt text is its reference label as a link's text is: ``![Силос][]`` finds no
    definition and is published as text in brackets, the picture lost."""
    text = "![Grain silo][] and ![Port] here.\n\n[grain silo]: silo.jpg\n[port]: port.jpg\n"
    art = article(text)
    out = localise(art, lambda s: "![Силос][] и ![Порт] здесь." if s.kind is BlockKind.PARAGRAPH else None)
    assert out.startswith("![Силос][Grain silo] и ![Порт][Port] здесь.\n")
    assert localise(art, lambda s: None) == text


def test_an_obsidian_embed_wikilink_or_comment_alone_is_no_entry() -> None:
    """A paragraph holding only an embed (``![[port.jpg]]``), a wikilink list item or a hidden
    ``%%`` comment has no reader's text to translate (**existing projects**: those entries,
    whose translation broke the embed or link, turn obsolete); a labelled link's label stays."""
    text = "![[port.jpg]]\n\n- [[Baku Port]]\n- [[Alat|the free zone]]\n\n%%\nNote to the desk.\n%%\n"
    assert kinds(text) == [("list item", "[[Alat|the free zone]]", 4)]
    assert localise(article(text), lambda s: "[[Alat|свободная зона]]") == text.replace("the free zone", "свободная зона")


def test_an_obsidian_block_identifier_stays_out_of_the_text_to_translate() -> None:
    """Regression: ``The port grew. ^port-growth`` was one entry, so a translation (or an engine)
    that put anything after the identifier broke every ``[[note#^port-growth]]`` link to it.
    It stays where it is, out of the entry, as a heading's attribute list does; alone on its
    line (after a table, or under a paragraph) it is no entry (**existing projects**: such
    entries turn obsolete, and a paragraph's msgid loses its identifier, the old translation
    kept as fuzzy)."""
    text = ("| A |\n|---|\n| Grain |\n\n^grain-table\n\nThe port grew. ^port-growth\n\n"
            "- An item ^item-1\n\nA line\n^para-2\n\nArea x ^2\n")
    art = article(text)
    assert [s.msgid for s in art.segments] == ["A", "Grain", "The port grew.", "An item", "A line", "Area x ^2"]
    out = localise(art, lambda s: s.msgid.upper() + " ^x.")
    assert "THE PORT GREW. ^x. ^port-growth\n" in out and "- AN ITEM ^x. ^item-1\n" in out
    assert "A LINE ^x.\n^para-2\n" in out and "\n^grain-table\n" in out
    assert localise(art, lambda s: None) == text


def test_an_obsidian_comment_over_paragraphs_is_no_entry_and_a_code_fence_ends_none() -> None:
    """Regression: Obsidian's ``%%`` comment over a blank line gave each paragraph of the note,
    which readers never see, as an entry; MATLAB's ``%%`` cell lines in a fence are code."""
    text = ("Before.\n\n%%\nA hidden note.\n\nA second one.\n%%\n\nAfter.\n\n"
            "```matlab\n%%\nx = 1;\n```\n\nProse after the code.\n\n%%\nClosed.\n%%\n")
    assert [s.msgid for s in article(text).segments] == ["Before.", "After.", "Prose after the code."]
    assert localise(article(text), lambda s: None) == text


def test_an_obsidian_comment_with_text_on_its_marker_lines_over_paragraphs_is_no_entry() -> None:
    """Regression: a comment whose ``%%`` lines hold its text too (``%% Check with the desk:``
    … ``Ask Samir. %%``) gave every paragraph of the hidden note as an entry, sent to
    translators and machine translation. A ``%%`` after a figure (``50%%``) closes nothing,
    and an inline comment stays in its paragraph's entry."""
    text = ("Intro.\n\n%% Check with the desk:\n\nis the figure from 2025?\n\nAsk Samir. %%\n\n"
            "%%one-line%% text stays.\n\n%%\nnote\n\nends here %%\n\nRose 50%% today\n\nand 60%%\n")
    assert [s.msgid for s in article(text).segments] == [
        "Intro.", "%%one-line%% text stays.", "Rose 50%% today", "and 60%%"]
    assert localise(article(text), lambda s: None) == text


@pytest.mark.parametrize("front, entries", [
    # An alias whose anchor sits under a key nobody translates.
    ("title: Port\ndefaults:\n  credit: &credit Photo by Reuters\nimage:\n  caption: *credit",
     [("title", "Port", 2), ("image.caption", "Photo by Reuters", 4)]),
    # A merge key: the caption is image's, written under base.
    ("title: Port\nbase: &base\n  caption: Ships, at dusk\n  src: a.jpg\nimage:\n  <<: *base\n  alt: Quay",
     [("title", "Port", 2), ("image.caption", "Ships, at dusk", 4), ("image.alt", "Quay", 8)]),
    ("base: &b {caption: Cranes}\nmore: &m {alt: Crane}\nimage:\n  <<: [*b, *m]",
     [("image.caption", "Cranes", 2), ("image.alt", "Crane", 3)]),
    # Used twice where it is translated: one entry, at its first place.
    ("title: &t Port grows\nsummary: *t\nimage: {caption: *t}", [("title", "Port grows", 2)]),
])
def test_a_translatable_value_written_through_an_alias_or_merge_key_is_translated(front: str,
                                                                                   entries: list) -> None:
    """Regression: a value reached through an alias or a merge key (``<<: *base``) whose
    anchor sits under a key nobody translates was no entry, so every version showed it in
    the source language, without a word. It is an entry under the key where the page shows
    it, translated where it is written, and the published front matter still reads back."""
    import yaml

    art = article(f"---\n{front}\n---\n\nBody.\n")
    assert [(s.msgctxt, s.msgid, s.line) for s in art.segments if s.msgctxt] == entries
    out = localise(art, lambda s: f"«{s.msgid}» ru")
    data = yaml.safe_load(out.split("---\n")[1])
    for key, text, _line in entries:
        value = data
        for part in key.split("."):
            value = value[part]
        assert value == f"«{text}» ru", (key, out)


@pytest.mark.parametrize("line, message", [
    ("Lang: ru", "Lang: 'ru' names the language ru"),
    ("LANG: ru", "LANG: 'ru' names the language ru"),
    ("language: az", "language: 'az' names the language az"),
    ("locale: ru_RU", "locale: 'ru_RU' names the language ru"),
])
def test_an_article_s_language_under_another_key_than_lang_is_refused(line: str, message: str) -> None:
    """Regression: 'Lang: ru' or 'language: ru' is no 'lang:', so a Russian article was taken
    for one in the source language: it got a Russian catalogue of itself, machine-translated
    'from English' into the language it is written in, and no English one."""
    with pytest.raises(ArticleError) as info:
        read_article(f"---\ntitle: Порт\n{line}\n---\n\nПорт вырос.\n".encode(), path="source/a.md", slug="a",
                     default_lang="en", front_matter_keys=("title",), languages=("en", "ru", "az"))
    assert info.value.line == 3 and message in info.value.message, info.value
    assert "add the line 'lang: " in (info.value.hint or ""), info.value.hint


@pytest.mark.parametrize("lines", ["Lang: en", "language: python", "locale: fr", "lang: ru\nlocale: ru_RU",
                                   "language: [ru, en]"])
def test_a_language_key_that_agrees_or_names_no_language_of_the_project_is_no_error(lines: str) -> None:
    art = read_article(f"---\ntitle: Port\n{lines}\n---\n\nText.\n".encode(), path="source/a.md", slug="a",
                       default_lang="en", front_matter_keys=("title",), languages=("en", "ru", "az"))
    assert art.lang in ("en", "ru")


@pytest.mark.parametrize("raw, line, message", [
    (b"---\rtitle: Port\r---\r\rText here.\r\rSecond\x00 para.\r", 7, "NUL byte"),
    (b"---\rtitle: Port\r---\r\rText \xff here.\r", 5, "not valid UTF-8"),
    (b"---\rtitle: Port\r---\r\rText.\r\r<<<<<<< HEAD\rThe port grew.\r=======\rThe port shrank.\r>>>>>>> desk\r", 7,
     "unresolved git merge conflict"),
    (b"Text.\r\n\r\nMore.\r\n=======\r\nOther.\r\n>>>>>>> desk\r\n", 6, "unresolved git merge conflict"),
])
def test_a_broken_article_with_classic_mac_line_endings_is_refused_at_the_right_line(raw: bytes, line: int,
                                                                                     message: str) -> None:
    """Regression: a file whose lines end in a lone CR (classic Mac OS, some exports), read as
    such by Markdown, had its NUL byte or stray byte reported on line 1, and its unresolved
    merge passed unnoticed (both sides translated and published): only LF counted as a line
    break there."""
    with pytest.raises(ArticleError) as info:
        read_article(raw, path="source/a.md", slug="a", default_lang="en", front_matter_keys=("title",))
    assert info.value.line == line and message in info.value.message, info.value


def test_a_front_matter_of_many_keys_is_read_in_linear_time() -> None:
    """Regression: each key's line was counted from the top of the front matter, so 50,000
    keys (a data file kept as front matter) took 17 s; now well under one."""
    front = "title: T\n" + "".join(f"k{i}: value number {i}\n" for i in range(50_000))
    started = time.process_time()  # CPU time: a loaded machine must not fail it
    art = article(f"---\n{front}---\n\nBody.\n")
    assert time.process_time() - started < 5 and art.segments[0].msgid == "T"
    with pytest.raises(ArticleError) as info:
        article(f"---\n{front}k7: again\n---\n\nBody.\n")
    assert info.value.line == 50_003 and "(first on line 10)" in info.value.message, info.value
BLOCK_SCALARS = ("---\ntitle: T\nsummary: |\n  Line one.\n  Line two: still text # not a comment\n"
                 "image:\n  caption: |\n    A caption.\n  alt: >-\n    Folded alt\n    text.\n"
                 "notes:\n  - |+\n    Kept.\n\n  - >\n    Para one\n    goes on.\n\n    Para two.\n"
                 "lead: |-\n  Stripped.\n---\n\nBody.\n")


def test_a_block_scalars_msgid_is_its_text_without_the_chompings_line_break() -> None:
    """Regression: ``summary: |`` gave a msgid ending in "\\n", which translators had to copy
    (and Poedit and ``msgfmt -c`` complained when they did not). The break is YAML's."""
    art = read_article(BLOCK_SCALARS.encode(), path="a.md", slug="a", default_lang="en",
                       front_matter_keys=["summary", "image.caption", "image.alt", "notes", "lead"])
    assert [s.msgid for s in art.segments][:-1] == [
        "Line one.\nLine two: still text # not a comment", "A caption.", "Folded alt text.", "Kept.",
        "Para one goes on.\nPara two.", "Stripped."]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_translated_block_scalar_keeps_its_block_style_and_loads_as_the_translation(newline: str) -> None:
    """Regression: a translated ``|`` or ``>`` value was written as a double-quoted string
    (``summary: "…\\n…"``). It is written in the source's style, indentation and chomping."""
    source = BLOCK_SCALARS.replace("\n", newline)
    art = read_article(source.encode(), path="a.md", slug="a", default_lang="en",
                       front_matter_keys=["summary", "image.caption", "image.alt", "notes", "lead"])
    out = localise(art, lambda s: "Ru " + s.msgid if s.msgid != "Body." else None)
    assert out.replace(newline, "\n").split("---\n")[1] == (
        "title: T\nsummary: |\n  Ru Line one.\n  Line two: still text # not a comment\n"
        "image:\n  caption: |\n    Ru A caption.\n  alt: >-\n    Ru Folded alt text.\n"
        "notes:\n  - |+\n    Ru Kept.\n\n  - >\n    Ru Para one goes on.\n\n    Para two.\n"
        "lead: |-\n  Ru Stripped.\n")
    assert yaml.safe_load(out.split("---")[1]) == {
        "title": "T", "summary": "Ru Line one.\nLine two: still text # not a comment\n",
        "image": {"caption": "Ru A caption.\n", "alt": "Ru Folded alt text."},
        "notes": ["Ru Kept.\n\n", "Ru Para one goes on.\nPara two.\n"], "lead": "Ru Stripped."}


@pytest.mark.parametrize("front, translation, loaded", [
    ("summary: |\n  Line.", "Next\x85line.", "Next\x85line.\n"),  # NEL: a break in a block
    ("summary: >\n  Line.", "One.\n  Indented.", "One.\n  Indented.\n"),  # a more-indented line
    ("summary: >2\n   Line.", "Other\nline.", " Other\nline.\n"),  # a more-indented folded line
    ("summary: |\n  Line.", "Bad\rbreak.", "Bad\rbreak.\n"),
])
def test_a_block_scalar_translation_that_cannot_be_a_block_is_quoted(front: str, translation: str,
                                                                      loaded: str) -> None:
    art = article(f"---\n{front}\n---\n\nBody.\n")
    out = localise(art, lambda s: translation if s.msgid != "Body." else None)
    assert yaml.safe_load(out.split("---")[1]) == {"summary": loaded}
    assert '"' in out.split("---")[1]


@pytest.mark.parametrize("front, published", [
    ("summary: |+\n  Line.\n   \n", "summary: |+\n  Ru Line.\n   \n"),  # a line of spaces is text
    ("summary: | # kept for the desk\n  Line.", "summary: | # kept for the desk\n  Ru Line."),
    ("summary: &lead |-\n  Line.\n\n", "summary: &lead |-\n  Ru Line.\n\n"),
    ("summary: >\n  Line.\n   \n", 'summary: "Ru Line.\\n \\n"\n'),  # a folded line of spaces: quoted
    ("summary: >-\n  Line one\n  goes on.\n\n  Line two.", "summary: >-\n  Ru Line one goes on.\n\n  Line two."),
])
def test_a_translated_block_scalar_keeps_what_surrounds_its_text(front: str, published: str) -> None:
    art = article(f"---\n{front}\n---\n\nBody.\n")
    out = localise(art, lambda s: "Ru " + s.msgid if s.msgid != "Body." else None)
    assert out == f"---\n{published}\n---\n\nBody.\n"
    assert yaml.safe_load(out.split("---")[1]) == {"summary": "Ru " + yaml.safe_load(f"{front}\n")["summary"]}


@pytest.mark.parametrize("front, translation, published, loaded", [
    ("summary: |2\n    Indented line\n  next", "Other\nline", "summary: |2\n    Other\n  line",
     {"summary": "  Other\nline\n"}),
    ("image:\n  caption: >-2\n     Caption\n    text", "Ru caption", "image:\n  caption: >-2\n     Ru caption",
     {"image": {"caption": " Ru caption"}}),
    ("notes:\n  - |1+\n     One\n\n", "Ru one", "notes:\n  - |1+\n     Ru one\n\n", {"notes": ["  Ru one\n\n\n"]}),
    ("summary: >2-\n  Plain\n  text", "Ru plain", "summary: >2-\n  Ru plain", {"summary": "Ru plain"}),
])
def test_a_block_scalar_with_an_indentation_indicator_keeps_its_header(front: str, translation: str,
                                                                       published: str, loaded: object) -> None:
    """Regression: a block scalar whose header carries an indentation indicator (``|2``,
    ``>-2``: a first line opening with spaces of its own) was written back double-quoted. The
    indicator counts from the enclosing block's indentation; the spaces beyond it are text,
    kept around the translation as a value's own white space is."""
    art = article(f"---\n{front}\n---\n\nBody.\n", keys=["summary", "image.caption", "notes"])
    out = localise(art, lambda s: translation if s.msgid != "Body." else None)
    assert out == f"---\n{published}\n---\n\nBody.\n"
    assert yaml.safe_load(out.split("---")[1]) == loaded


def test_a_folded_translation_keeps_each_line_break_the_translator_typed() -> None:
    """n line breaks in a folded block are n blank lines (one would fold into a space)."""
    art = article("---\nsummary: >\n  Line.\n---\n\nBody.\n")
    out = localise(art, lambda s: "Two\n\nparagraphs,\nthree lines." if s.msgid != "Body." else None)
    assert out.startswith("---\nsummary: >\n  Two\n\n\n  paragraphs,\n\n  three lines.\n---\n")
    assert yaml.safe_load(out.split("---")[1]) == {"summary": "Two\n\nparagraphs,\nthree lines.\n"}


@pytest.mark.parametrize("raw", [b"----\ntitle: Port grows\nlang: en\n----\n\nBody text.\n",
                                 b"-----\ntitle: Port grows\n---\n\nBody text.\n"])
def test_front_matter_fenced_with_more_than_three_dashes_is_refused(raw: bytes) -> None:
    """Regression: front matter fenced with '----' was read as Markdown, a rule and then a
    heading 'title: Port grows lang: en', so its fields were machine-translated and
    published as text, and the article's lang: was never read."""
    with pytest.raises(ArticleError) as caught:
        read_article(raw, path="source/a.md", slug="a", default_lang="en", front_matter_keys=["title"])
    assert caught.value.line == 1 and "exactly three dashes" in str(caught.value)


@pytest.mark.parametrize("raw", [b"----\n\nA paragraph: with a colon.\n\n----\n", b"----\nJust text\n----\n",
                                 b"----\ntitle: never closed\n\nBody.\n"])
def test_a_rule_of_dashes_above_text_is_no_front_matter(raw: bytes) -> None:
    read_article(raw, path="source/a.md", slug="a", default_lang="en", front_matter_keys=["title"])


def _split_by_regex(text: str) -> SourceLines:
    """What :meth:`SourceLines.split` returned before its LF-only fast path."""
    texts, endings = [], []
    for match in _LINE_RE.finditer(text):
        if not match.group(0):
            break
        body = match.group(0).rstrip("\r\n")
        texts.append(body)
        endings.append(match.group(0)[len(body):])
    return SourceLines(tuple(texts), tuple(endings))


@pytest.mark.parametrize("text", ["", "\n", "\n\n", "a", "a\n", "a\nb", "a\n\n", "a\r\nb\rc\n",
                                  "a\rb", "\r", "a\r\n\r\n", "x\u2028y\n", "a\x0bb\x0cc\n", "  \n\t\n"])
def test_source_lines_split_the_same_with_and_without_carriage_returns(text: str) -> None:
    """The fast path for text without a CR gives exactly the regex's lines and endings."""
    assert SourceLines.split(text) == _split_by_regex(text)


@pytest.mark.parametrize("value", [
    "Port grows", "Порт растёт, а город — нет", "Liman böyüyür", "Baku (AP) said it's 5% more", "yes", "No",
    "null", "123", "1.5e3", "0x1F", "2024-05-01", "12:30", "a: b", "a #b", "What? Now", "a, b", "a=b", "=",
    "~", "⟨ru⟩ Port", "Port\u2028grows", "Port\x85grows", "Port\u00a0grows", "\ufeffPort", "Port\u200bgrows",
    "a & b", "a * b", "50 $", "x [1]", "{x}", "a|b", "a > b", "a < b", "a`b", "a@b", ".inf", "...", "-x",
    "a\\b", "It’s «done»", "_x", "Ⅻ", "½ share", "on", "Off", "TRUE"])
@pytest.mark.parametrize("flow", [False, True])
def test_a_plain_value_is_safe_exactly_when_yaml_loads_it_back(value: str, flow: bool) -> None:
    """The quick answer for words and punctuation agrees with loading the value (with the
    loader the articles are read with)."""
    if not value or value != value.strip() or ": " in value or " #" in value or "\t" in value \
            or value[0] in "!&*[]{}|>'\"%@`#,?:-" or value.endswith(":") \
            or (flow and any(char in value for char in ",[]{}")):
        expected = False
    else:
        document = "{k: " + value + "}" if flow else "k: " + value
        try:
            expected = yaml.load(document, Loader=_SAFE_YAML_LOADER) == {"k": value}
        except yaml.YAMLError:
            expected = False
    assert _plain_is_safe(value, flow=flow) is expected
