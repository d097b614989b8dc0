"""TOML front matter: every value's place found for tomllib's values, and a translated
string written back in the source's quoting whenever it reads back as the translation."""

from __future__ import annotations

import re
import tomllib

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from pipeline import tomlfront

FRONT = '''# Hugo page
title = "Port \\"grows\\" \\u00e9"   # headline
"quoted key" = 'literal'
date = 2026-03-14 09:00:00
tags = [ "port",
  # a comment inside
  'baku', ]
cover = { caption = "Inline", size = 3 }
image.alt = "Dotted"
summary = """
Two
lines"""

[params]
caption = \'\'\'Cap 'quoted'\'\'\'

[[gallery]]
caption = "G1"
[gallery.meta]
credit = "C1"
[[gallery]]
caption = "G2"
  [[gallery.items]]
  title = "I1"
'''


def test_every_string_is_found_at_its_key_path_and_span() -> None:
    front = tomlfront.parse(FRONT)
    strings = {".".join(v.path): FRONT[v.start:v.end] for v in front.values if v.kind}
    assert strings == {
        "title": '"Port \\"grows\\" \\u00e9"', "quoted key": "'literal'", "tags.0": '"port"', "tags.1": "'baku'",
        "cover.caption": '"Inline"', "image.alt": '"Dotted"', "summary": '"""\nTwo\nlines"""',
        "params.caption": "'''Cap 'quoted''''", "gallery.0.caption": '"G1"', "gallery.0.meta.credit": '"C1"',
        "gallery.1.caption": '"G2"', "gallery.1.items.0.title": '"I1"'}
    assert front.value_at(("gallery", "1", "items", "0", "title")) == "I1"
    date = front.top_level("date")
    assert date is not None and FRONT[date.start:date.end] == "2026-03-14 09:00:00"


def test_new_top_level_keys_go_after_the_last_top_level_one_before_any_table() -> None:
    assert FRONT[tomlfront.parse(FRONT).keys_end:].startswith("\n[params]")
    assert tomlfront.parse("[params]\nx = 1\n").keys_end == 0
    assert tomlfront.parse("# only a comment\n").keys_end == len("# only a comment\n")
    assert tomlfront.parse("a = [\n 1,\n] # end\n\n[t]\n").keys_end == len("a = [\n 1,\n] # end\n")


@pytest.mark.parametrize("text, line, problem", [
    ('title = "Port\ndate = 1\n', 1, "Illegal character"),
    ("title = 1\ndescription: Text\n", 2, "Expected '='"),
    ("title = 1\ntitle = 2\n", 2, ""),
    ('summary = """never closed\n', 0, "Unterminated string"),
])
def test_malformed_toml_says_what_and_on_which_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(tomlfront.TomlSyntaxError) as info:
        tomlfront.parse(text)
    assert info.value.line == line and problem in info.value.problem and "(at " not in info.value.problem


TEXT = st.lists(st.characters(codec="utf-8", exclude_characters="\0") | st.sampled_from(
    ["'", '"', "\\", "\n", "\r", "\t", "'''", '"""', "\x7f", "\x1b", "\u2028", "\\u00e9", "+++"]),
    max_size=12).map("".join)


@given(TEXT, st.sampled_from(tomlfront.STRING_KINDS), st.booleans())
@example("a'", "'''", False)
@example('a"', '"""', False)
@example("\nlead", '"""', False)
@example("", "'''", True)
def test_a_rendered_string_reads_back_as_itself(value: str, kind: str, opening: bool) -> None:
    rendered = tomlfront.render_string(value, kind, opening)
    assert tomllib.loads(f"v = {rendered}\n")["v"] == value
    assert not re.search(r"^\+\+\+", rendered, re.M)  # no line of it closes the front matter
    if kind in ("'", '"'):  # a one-line string stays one line, literal while it can be
        assert "\n" not in rendered
        literal = (kind == "'" and not any(c in value for c in "'\n\r\x7f")
                   and all(c == "\t" or ord(c) >= 32 for c in value))
        assert rendered.startswith("'") == literal


@pytest.mark.parametrize("value, kind, rendered", [
    ("Port", "'", "'Port'"),
    ("It's", "'", '"It\'s"'),
    ('Say "hi"', '"', '"Say \\"hi\\""'),
    ("a\\b", '"', '"a\\\\b"'),
    ("Two\nlines", '"""', '"""Two\nlines"""'),
    ('ends "', '"""', '"""ends \\""""'),
    ("Two\nlines", "'''", "'''Two\nlines'''"),
    ("Two\n+++ lines", "'''", '"""Two\n\\u002B++ lines"""'),
])
def test_a_string_keeps_its_quoting_when_it_can(value: str, kind: str, rendered: str) -> None:
    assert tomlfront.render_string(value, kind) == rendered


KEYS = st.sampled_from(["title", "caption", "a-b", "x_1", '"quoted key"', "'lit key'", "2024"])
SCALARS = st.one_of(
    st.builds(tomlfront.render_string, TEXT, st.sampled_from(tomlfront.STRING_KINDS), st.booleans()),
    st.sampled_from(["1", "-3.5e2", "1_000", "true", "false", "inf", "1979-05-27", "1979-05-27 07:32:00Z",
                     "1979-05-27T07:32:00.5+01:00", "07:32:00", "0x1F"]))
SPACE = st.sampled_from(["", " ", "\t", "  "])
GAP = st.sampled_from(["", " ", "\n", " # note\n", "\n  "])


@st.composite
def toml_value(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 1 or draw(st.booleans()):
        return draw(SCALARS)
    if draw(st.booleans()):  # an array over lines, comments allowed between items
        items = draw(st.lists(toml_value(depth + 1), max_size=3))
        return "[" + "".join(draw(GAP) + item + draw(SPACE) + "," for item in items) + draw(GAP) + "]"
    pairs = draw(st.lists(st.tuples(KEYS, toml_value(depth + 1)), max_size=3, unique_by=lambda p: p[0]))
    return "{" + ",".join(f"{draw(SPACE)}{key}{draw(SPACE)}={draw(SPACE)}{value}" for key, value in pairs) + " }"


@st.composite
def toml_document(draw: st.DrawFn) -> str:
    lines = []
    for index, section in enumerate(draw(st.lists(st.sampled_from(["", "[t]", "[[a]]", "[t.u]", "[[a.b]]"]),
                                                   min_size=1, max_size=4))):
        if section and (section in lines or index == 0 and section.startswith("[t.")):
            continue
        if section:
            lines.append(draw(SPACE) + section.replace("[", "[" + draw(SPACE), 1) + draw(st.sampled_from(["", " # c"])))
        keys = draw(st.lists(KEYS, max_size=3, unique=True))
        for key in keys:
            dotted = draw(st.sampled_from(["", "k.", "k . "])) if key == "title" else ""
            lines.append(f"{draw(SPACE)}{dotted}{key}{draw(SPACE)}={draw(SPACE)}{draw(toml_value())}"
                         f"{draw(st.sampled_from(['', ' # c', '#c']))}")
        lines.append(draw(st.sampled_from(["", "# comment"])))
    return "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(toml_document())
def test_every_string_of_any_valid_toml_is_found_where_it_is_written(text: str) -> None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assume(False)
        return
    front = tomlfront.parse(text)
    assert front.data == data
    strings = [value for value in front.values if value.kind]
    for value in strings:
        assert tomllib.loads(f"v = {text[value.start:value.end]}\n")["v"] == front.value_at(value.path)
    assert len(strings) == _count_strings(data)
    assert not text[:front.keys_end].strip() or text[:front.keys_end].endswith("\n")


def _count_strings(value: object) -> int:
    if isinstance(value, str):
        return 1
    if isinstance(value, dict):
        return sum(_count_strings(v) for v in value.values())
    if isinstance(value, list):
        return sum(_count_strings(v) for v in value)
    return 0
