"""The renderer's regex fast path breaks lines exactly where the full UAX #14 algorithm does.

``render_po`` lays most strings out with a few regex searches and falls back to the full
libunistring algorithm (``_slow_analysis`` + ``_greedy``) for anything else. Characters
outside the blocks the regexes know are read through a stand-in of the same class; these
tests prove the two paths agree by running every string through both (the fast path is
switched off by making ``_simple_form`` refuse everything).
"""

from __future__ import annotations

from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import catalogue as po
from pipeline.model import Catalogue, Message

#: Mixed scripts, quotes, dashes, spaces that do and do not break, escapes, symbols of
#: classes the regexes do not know, wide and zero-width characters.
_ALPHABET = (
    "abcxyzABC 0123456789 .,;:!?-/()[]{}%$#'\"\\\t\n\r\x01\x7f"
    "əşçğıöüİƏŞ абвгдежзийклмнЁ αβγΩ Հայ ქართ עבר عرب ٣ ५ ก क"
    "«»„“”‘’‹› —–‐‑‒ … \u00a0\u202f\u2007\u2009\u200b\u2060\ufeff\u00ad\u0301\u034f"
    "⟨⟩⟦⟧∑≤→─●★©§°€₼£¥ ＡＢ１ ｱ 中文 한 😀👍🏽🇦🇿 \ue000\u0378\U000e0001"
)
_character = st.sampled_from(_ALPHABET) | st.characters(blacklist_categories=("Cs",))
_text = st.text(alphabet=_character, max_size=200)
_words = st.lists(
    st.sampled_from(["bridge", "körpü", "мост", "⟨ru⟩", "⟨az⟩ text", "state-of-the-art", "a/b/c",
                     "(note)", '"quoted"', "«ёлка»", "“Zitat”", "x" * 90, "—", "a—b", "e-mail",
                     "50%", "€5", "x\u00a0y", "中文字符", "😀", "\n", "\\n", "%s", "%(name)s",
                     "★★★", "∑x≤y", "→", "‑", "1,000.50"]),
    max_size=60).map(" ".join)
#: One or two characters of every class the fast path handles (in the regexes' blocks and
#: outside them) and a few it does not: short texts of these meet every pair of classes.
_CLASS_SAMPLES = ("a#ə⟨⟩★∑͸ 5٣५๓ - ‐/,.:;!?)]}({[%°$€'\"«»“„  ‑—"
                  "| ´․‼­́​中😀")
_boundary = st.text(alphabet=st.sampled_from(_CLASS_SAMPLES), max_size=40)
_value = st.one_of(_text, _words, _boundary,
                   st.builds("".join, st.lists(_text | _words | _boundary, max_size=4)))
_FLAGS = st.sampled_from([[], ["no-wrap"], ["c-format"], ["python-format"], ["fuzzy"]])
_PREFIXES = st.sampled_from(["", "#~ ", "#| ", "#~| "])
_NAMES = st.sampled_from(["msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr[2]"])


def _slow_only(text: str) -> None:
    return None


def _lines(prefix: str, name: str, value: str, flags: list[str]) -> list[str]:
    out: list[str] = []
    po._string_lines(out, prefix, name, value, "no-wrap" not in flags, po._directives_for(flags))
    return out


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PREFIXES, _NAMES, _value, _FLAGS)
def test_fast_path_lays_out_strings_as_the_full_algorithm(prefix: str, name: str, value: str,
                                                            flags: list[str]) -> None:
    fast = _lines(prefix, name, value, flags)
    with mock.patch.object(po, "_simple_form", _slow_only):
        slow = _lines(prefix, name, value, flags)
    assert fast == slow


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_value, st.integers(1, 40), st.integers(-1, 40))
def test_fast_path_breaks_narrow_columns_as_the_full_algorithm(value: str, width: int,
                                                                 room: int) -> None:
    """Narrow columns use nearly every break opportunity, so any difference shows."""
    for portion in value.splitlines(keepends=True) or [value]:
        fast = po._portion_breaks(portion, width, min(room, width), [])
        with mock.patch.object(po, "_simple_form", _slow_only):
            assert po._portion_breaks(portion, width, min(room, width), []) == fast


def test_fast_path_breaks_every_pair_of_classes_as_the_full_algorithm() -> None:
    """Every ordered pair of sample characters, touching or apart, in columns so narrow
    that each break opportunity between them decides the layout."""
    for before in _CLASS_SAMPLES:
        for after in _CLASS_SAMPLES:
            for gap in ("", " ", "  "):
                portion = f"ab{before}{gap}{after}cd"
                for width in (2, 3, 4, 5):
                    fast = po._portion_breaks(portion, width, -1, [])
                    with mock.patch.object(po, "_simple_form", _slow_only):
                        assert po._portion_breaks(portion, width, -1, []) == fast, (portion, width)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_value, _value, _FLAGS), max_size=12))
def test_fast_path_renders_catalogues_byte_for_byte_as_the_full_algorithm(
        entries: list[tuple[str, str, list[str]]]) -> None:
    messages = {msgid: Message(msgid=msgid, msgstr=msgstr, flags=list(flags), previous_msgid=msgstr or None)
                for msgid, msgstr, flags in entries if msgid}
    catalogue = Catalogue(header=[("Content-Type", "text/plain; charset=UTF-8")],
                          messages=list(messages.values()))
    fast = po.render_po(catalogue)
    with mock.patch.object(po, "_simple_form", _slow_only):
        assert po.render_po(catalogue) == fast


def test_a_stand_in_has_the_class_and_width_of_every_character_it_stands_for() -> None:
    """The lemma behind the fast path, for every code point up to U+2FFFF: a character is
    read by the regexes (as itself or through a stand-in) only if what they read has the
    same UAX #14 class and is one column wide, like the character."""
    simple = {*po._SIMPLE_CLASSES, po._SP}
    for code in range(0x30000):
        char = chr(code)
        form = po._simple_form(char)
        if form is None:
            continue
        assert len(form) == 1 and not po._NOT_SIMPLE.match(form), hex(code)
        assert po._char_class(form) == po._char_class(char) in simple, hex(code)
        assert po._char_width(form) == po._char_width(char) == 1, hex(code)


def test_stand_ins_are_plain_one_column_characters_of_their_class() -> None:
    assert set(po._CLASS_STAND_INS) == {*po._SIMPLE_CLASSES, po._SP}
    for cls, char in po._CLASS_STAND_INS.items():
        assert po._char_class(char) == cls and po._char_width(char) == 1
        assert char not in po._ESCAPES_OUT and po._simple_form(char) == char


def test_translation_markers_take_the_fast_path() -> None:
    text = "⟨ru⟩ " + "the bridge closes on Monday " * 5
    assert po._simple_form(text) is not None
    assert po._simple_form("中文 text") is None
