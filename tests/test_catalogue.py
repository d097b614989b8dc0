"""The strict PO parser and the canonical, GNU-compatible renderer.

The corpus in tests/data/po holds malformed catalogues (bad-*.po, expectations in
expected.toml) and accepted edge cases (good-*.po). polib is the oracle for what the
rendered files mean; GNU msgcat, when installed, is the oracle for their layout.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import time
import tomllib
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.catalogue import (
    HEADER_ORDER,
    PAGE_WIDTH,
    canonical_header,
    parse_po,
    read_catalogue,
    render_po,
)
from pipeline.errors import CatalogueError
from pipeline.fileio import fingerprint
from pipeline.model import Catalogue, Message, mt_comment

CORPUS = Path(__file__).parent / "data" / "po"
EXPECTED = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
BAD = sorted(p.name for p in CORPUS.glob("bad-*.po"))
GOOD = sorted(p.name for p in CORPUS.glob("good-*.po"))
MSGCAT = shutil.which("msgcat")
needs_msgcat = pytest.mark.skipif(MSGCAT is None, reason="GNU gettext (msgcat) is not installed")

#: Good files whose data GNU msgcat itself changes or refuses, so they cannot be compared.
GNU_DIFFERS = {
    "good-comments.po": "msgcat drops the unknown flag mt-reviewed",
    "good-obsolete-same-key.po": "msgcat refuses an obsolete entry with an active entry's key",
    "good-trailing-comment.po": "msgcat drops the comments after the last entry",
}

HEADER = [("Project-Id-Version", "newsroom"), ("Language", "az"),
          ("Content-Type", "text/plain; charset=UTF-8"),
          ("Plural-Forms", "nplurals=2; plural=(n != 1);")]


# --------------------------------------------------------------------------- helpers

def semantic(catalogue: Catalogue) -> tuple[object, ...]:
    """Everything a catalogue means: line numbers and header field order aside."""
    def fields(message: Message) -> dict[str, object]:
        data = dataclasses.asdict(message)
        del data["lineno"]
        return data

    return (canonical_header(catalogue.header), catalogue.header_comments,
            catalogue.header_flags, [fields(m) for m in catalogue.messages],
            catalogue.trailing_comments)


def po(text: str) -> bytes:
    return text.encode("utf-8")


def parse_error(data: bytes) -> CatalogueError:
    with pytest.raises(CatalogueError) as caught:
        parse_po(data, "az.po")
    return caught.value


def polib_view(data: bytes) -> list[tuple[object, ...]]:
    """What polib reads from a file.

    polib ignores #~| previous strings of obsolete entries, and takes any entry with an
    empty msgid for the header, so those are left out of the comparison.
    """
    entries = polib.pofile(data.decode("utf-8"))
    return sorted(((e.obsolete, e.msgctxt, e.msgid, e.msgid_plural if e.msgstr_plural else None,
                   e.msgstr if not e.msgstr_plural else "",
                   tuple(sorted(e.msgstr_plural.items())), tuple(e.flags),
                   None if e.obsolete else e.previous_msgctxt,
                   None if e.obsolete else e.previous_msgid,
                   None if e.obsolete else e.previous_msgid_plural)
                  for e in entries if e.msgid), key=repr)


_POLIB_KEEPS_ESCAPED = str.maketrans({"\a": "\\a", "\b": "\\b", "\f": "\\f", "\v": "\\v"})


def our_view(catalogue: Catalogue) -> list[tuple[object, ...]]:
    """Our parse in polib's terms (polib leaves \\a \\b \\f \\v undecoded)."""
    def p(text: str | None) -> str | None:
        return None if text is None else text.translate(_POLIB_KEEPS_ESCAPED)

    return sorted(((int(m.obsolete), p(m.msgctxt), p(m.msgid), p(m.msgid_plural),
                   p(m.msgstr) if m.msgid_plural is None else "",
                   tuple((i, p(s)) for i, s in sorted(m.msgstr_plural.items())), tuple(m.flags),
                   None if m.obsolete else p(m.previous_msgctxt),
                   None if m.obsolete else p(m.previous_msgid),
                   None if m.obsolete else p(m.previous_msgid_plural))
                  for m in catalogue.messages if m.msgid), key=repr)


def msgcat(data: bytes) -> bytes:
    assert MSGCAT is not None
    done = subprocess.run([MSGCAT, "-"], input=data, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def gnu_ready(catalogue: Catalogue) -> Catalogue:
    """The same data as msgcat writes it: LF, no BOM, a UTF-8 charset declared."""
    copy = dataclasses.replace(catalogue, newline="\n", bom=False, header=list(catalogue.header))
    copy.set_header("Content-Type", "text/plain; charset=UTF-8")
    return copy


# --------------------------------------------------------------------------- the corpus

def test_every_bad_file_has_an_expectation() -> None:
    assert len(BAD) >= 20
    assert sorted(EXPECTED) == BAD


@pytest.mark.parametrize("name", BAD)
def test_bad_catalogue_is_refused_with_line_and_hint(name: str) -> None:
    expected = EXPECTED[name]
    error = parse_error((CORPUS / name).read_bytes())
    assert (error.line, expected["message"] in error.message) == (expected["line"], True), \
        f"{error.line}: {error.message}"
    assert error.path == "az.po"
    assert error.hint, "every refusal says what to do"
    assert expected.get("hint", "") in error.hint
    assert str(error).startswith(f"az.po:{expected['line']}: ")


@pytest.mark.parametrize("name", GOOD)
def test_good_catalogue_keeps_all_data_and_renders_idempotently(name: str) -> None:
    catalogue = parse_po((CORPUS / name).read_bytes(), name)
    rendered = render_po(catalogue)
    again = parse_po(rendered)
    assert semantic(again) == semantic(catalogue)
    assert (again.newline, again.bom) == (catalogue.newline, catalogue.bom)
    assert render_po(again) == rendered


@pytest.mark.parametrize("name", GOOD)
def test_polib_reads_our_output_as_we_do(name: str) -> None:
    catalogue = parse_po((CORPUS / name).read_bytes(), name)
    rendered = render_po(dataclasses.replace(catalogue, bom=False))
    assert polib_view(rendered) == our_view(catalogue)


@needs_msgcat
@pytest.mark.parametrize("name", [n for n in GOOD if n not in GNU_DIFFERS])
def test_msgcat_reproduces_our_output_byte_for_byte(name: str) -> None:
    rendered = render_po(gnu_ready(parse_po((CORPUS / name).read_bytes(), name)))
    assert msgcat(rendered).decode() == rendered.decode()


def test_canonical_files_are_already_canonical() -> None:
    for name in ("good-crlf.po", "good-bom.po", "good-obsolete-previous.po", "good-msgctxt.po",
                 "good-plurals-ru.po", "good-pot-template.po", "good-unicode-wrap.po",
                 "good-poedit-original.po"):
        data = (CORPUS / name).read_bytes()
        assert render_po(parse_po(data)) == data, name


# --------------------------------------------------------------------------- real life

@pytest.mark.parametrize("resave", ["good-poedit-resave.po", "good-poedit-nowrap.po"])
def test_poedit_resave_converges_to_canonical_form_in_one_rewrite(resave: str) -> None:
    original = parse_po((CORPUS / "good-poedit-original.po").read_bytes())
    saved = parse_po((CORPUS / resave).read_bytes())
    # No semantic change except the field Poedit adds.
    assert dict(saved.header) == dict(original.header) | {"X-Generator": "Poedit 3.4.2"}
    assert semantic(dataclasses.replace(saved, header=original.header)) == semantic(original)
    # Our rewrite: canonical header order, GNU wrapping, the editor's line ends kept.
    rewritten = render_po(saved)
    expected = dataclasses.replace(original, header=original.header + [("X-Generator",
                                                                         "Poedit 3.4.2")],
                                   newline=saved.newline)
    assert rewritten == render_po(expected)
    assert rewritten != (CORPUS / resave).read_bytes()
    assert render_po(parse_po(rewritten)) == rewritten


def test_header_order_is_canonical_and_stable() -> None:
    shuffled = [("X-Generator", "Poedit"), ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
                ("Language", "az"), ("x-custom", "1"), ("Project-Id-Version", "news"),
                ("Content-Type", "text/plain; charset=UTF-8"), ("MIME-Version", "1.0")]
    ordered = [k for k, _ in canonical_header(shuffled)]
    assert ordered == ["Project-Id-Version", "Language", "MIME-Version", "Content-Type",
                       "Plural-Forms", "x-custom", "X-Generator"]
    assert [k for k, _ in canonical_header(canonical_header(shuffled))] == ordered
    assert HEADER_ORDER[0] == "Project-Id-Version" and HEADER_ORDER[-1] == "Plural-Forms"


# --------------------------------------------------------------------------- parsing details

def test_fields_comments_and_line_numbers() -> None:
    catalogue = parse_po(po('''# header comment
#, fuzzy
msgid ""
msgstr ""
"Language: az\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

# translator says hi
#
#. paragraph
#: a.md:1 b.md:2
#: c.md:3
#, fuzzy, python-format
#| msgctxt "old ctx"
#| msgid "old "
#| "text"
msgctxt "ctx"
msgid "Hello"
msgstr "Salam"

#~| msgid "gone before"
#~ msgid "Gone"
#~ msgstr "Getdi"
'''))
    assert catalogue.header == [("Language", "az"), ("Content-Type", "text/plain; charset=UTF-8")]
    assert catalogue.header_comments == ["header comment"]
    assert catalogue.header_flags == ["fuzzy"]
    hello, gone = catalogue.messages
    assert hello == Message(msgid="Hello", msgstr="Salam", msgctxt="ctx",
                            flags=["fuzzy", "python-format"],
                            references=["a.md:1", "b.md:2", "c.md:3"],
                            auto_comments=["paragraph"], comments=["translator says hi", ""],
                            previous_msgctxt="old ctx", previous_msgid="old text", lineno=18)
    assert gone.obsolete and gone.previous_msgid == "gone before" and gone.lineno == 22


def test_keyword_and_string_may_touch_but_a_lone_quote_is_unterminated() -> None:
    assert parse_po(po('msgid"abc"\nmsgstr ""\n')).messages[0].msgid == "abc"
    assert "unterminated" in parse_error(po('msgid"\nmsgstr ""\n')).message
    assert "unterminated" in parse_error(po('msgid "\nmsgstr ""\n')).message


def test_obsolete_entries_come_last_in_messages() -> None:
    catalogue = parse_po(po('#~ msgid "old"\n#~ msgstr "köhnə"\n\nmsgid "new"\nmsgstr "yeni"\n'))
    assert [m.msgid for m in catalogue.messages] == ["new", "old"]
    assert render_po(catalogue) == po('msgid "new"\nmsgstr "yeni"\n\n#~ msgid "old"\n'
                                      '#~ msgstr "köhnə"\n')


def test_bom_and_crlf_are_remembered_and_written_back() -> None:
    data = b"\xef\xbb\xbf" + po('msgid "a"\r\nmsgstr "b"\r\n')
    catalogue = parse_po(data)
    assert catalogue.bom and catalogue.newline == "\r\n"
    assert catalogue.messages[0].msgstr == "b"
    assert render_po(catalogue) == data


def test_mixed_line_ends_take_the_first_lines_style() -> None:
    catalogue = parse_po(po('msgid "a"\nmsgstr "b"\r\n\r\nmsgid "c"\r\nmsgstr "d"\n'))
    assert catalogue.newline == "\n"
    assert [m.msgstr for m in catalogue.messages] == ["b", "d"]


@pytest.mark.parametrize("ending", [b"\r\r\n", b"\r\r\r\n"])
def test_a_crlf_file_converted_to_crlf_again_is_read_as_crlf(ending: bytes) -> None:
    """Regression: a CRLF catalogue whose line ends went through a second LF → CRLF
    conversion (a Windows tool writing it in text mode, a mis-set ``core.autocrlf``) ends
    its lines with CR CR LF, which GNU gettext reads (a CR is white space to its lexer); it
    was refused as "lines end with a carriage return alone, as on classic Mac OS". It is read
    as CRLF and written back so, the stray CRs dropped."""
    data = (CORPUS / "good-crlf.po").read_bytes()
    doubled = data.replace(b"\r\n", ending)
    catalogue = parse_po(doubled)
    assert catalogue.newline == "\r\n"
    assert render_po(catalogue) == render_po(parse_po(data))
    assert [m.lineno for m in catalogue.messages] == [m.lineno for m in parse_po(data).messages]


@pytest.mark.parametrize("charset", ["UTF-8", "utf-8", "utf8", "ASCII", "us-ascii", "CHARSET"])
def test_accepted_charsets(charset: str) -> None:
    header = f'msgid ""\nmsgstr "Content-Type: text/plain; charset={charset}\\n"\n'
    content_type = parse_po(po(header)).header_value("Content-Type")
    assert content_type == f"text/plain; charset={charset}"


@pytest.mark.parametrize("charset", ["CP1251", "KOI8-R", "ISO-8859-1"])
def test_utf8_text_under_a_legacy_charset_is_not_sent_to_msgconv(charset: str) -> None:
    """Regression: a file already in UTF-8 whose header still says charset=CP1251 (iconv'd
    by hand, or saved by a tool that left the header) got the hint 'msgconv --to-code=UTF-8',
    which reads the UTF-8 bytes as CP1251 and garbles every letter (Порт -> РџРѕСЂС‚). The
    hint now says to correct the header; an ASCII-only file may still go through msgconv."""
    header = f'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset={charset}\\n"\n\n'
    error = parse_error(po(header + 'msgid "Port"\nmsgstr "Порт"\n'))
    assert error.line == 4 and charset in error.message
    assert "msgconv --to-code" not in (error.hint or "") and "charset=UTF-8" in (error.hint or ""), error.hint
    assert "msgconv --to-code" in (parse_error(po(header + 'msgid "Port"\nmsgstr "Port"\n')).hint or "")


@pytest.mark.parametrize("declared, actual", [("KOI8-R", "CP1251"), ("CP1251", "KOI8-R"),
                                              ("windows-1251", "KOI8-R"), ("ISO-8859-5", "CP1251")])
def test_cyrillic_bytes_of_another_code_page_than_declared_are_not_sent_to_msgconv(declared: str,
                                                                                    actual: str) -> None:
    """Regression: a Russian catalogue saved in CP1251 whose header says charset=KOI8-R (or the
    other way round) got the hint 'msgconv --to-code=UTF-8 (it is KOI8-R now)': msgconv
    follows the header and turns every letter into another (Порт -> оПРТ). The error now says
    which code page the letters read as, and the hint converts from that one."""
    header = f'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset={declared}\\n"\n\n'
    body = 'msgid "The port will grow"\nmsgstr "Порт вырастет в этом году"\n'
    error = parse_error(header.encode("ascii") + body.encode(actual))
    assert error.line == 7 and declared in error.message and actual in error.message, error.message
    assert "msgconv --to-code" not in (error.hint or "") and f"iconv -f {actual}" in (error.hint or ""), error.hint
    right = parse_error(header.encode("ascii") + body.encode(declared))  # the header is right: msgconv
    assert "msgconv --to-code" in (right.hint or ""), right.hint


@pytest.mark.parametrize("body", ['msgid "Port"\nmsgstr "Порт"\n', 'msgid "Port"\nmsgstr "\\317\\356\\360\\362"\n',
                                  'msgid "Port"\nmsgstr "Port"\n'])
def test_the_msgconv_hint_names_the_file_ready_to_paste(body: str) -> None:
    """The hint said ``msgconv --to-code=UTF-8 FILE -o FILE``, to be edited before use, where the
    other encoding hints name the file; it now names it, quoted for the shell."""
    header = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=CP1251\\n"\n\n'
    with pytest.raises(CatalogueError) as caught:
        parse_po(header.encode("ascii") + body.encode("cp1251"), "locale/ru/LC_MESSAGES/city desk.po")
    name = "'locale/ru/LC_MESSAGES/city desk.po'"
    assert f"msgconv --to-code=UTF-8 {name} -o {name} (" in (caught.value.hint or ""), caught.value.hint


def test_same_key_active_and_obsolete_is_accepted() -> None:
    catalogue = parse_po((CORPUS / "good-obsolete-same-key.po").read_bytes())
    assert [(m.msgid, m.obsolete) for m in catalogue.messages] == [("Bridge", False),
                                                                    ("Bridge", True)]


def test_flags_are_separated_by_commas_and_white_space_as_in_gnu() -> None:
    """GNU reads ``#, fuzzy python-format`` as two flags, so the entry is fuzzy: read as one
    flag ``fuzzy python-format``, an unreviewed translation would count as reviewed."""
    data = po('#, fuzzy python-format\nmsgid "a %(n)s"\nmsgstr "b %(n)s"\n\n'
              '#,fuzzy\tc-format ,, no-wrap\nmsgid "c"\nmsgstr "d"\n')
    catalogue = parse_po(data)
    assert [(m.flags, m.fuzzy) for m in catalogue.messages] == [
        (["fuzzy", "python-format"], True), (["fuzzy", "c-format", "no-wrap"], True)]
    rendered = render_po(catalogue)
    assert b"#, fuzzy, python-format\n" in rendered and b"#, fuzzy, c-format, no-wrap\n" in rendered
    if MSGCAT is not None:
        assert msgcat(data) == rendered


# --------------------------------------------------------------------------- GNU escapes

#: A header as render_po writes it, so that a file made of it can be compared byte for
#: byte with what msgcat writes for the same file.
_ESCAPE_HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _with_msgstr(*lines: str) -> bytes:
    """A catalogue whose one entry is ``msgid "k"`` with a msgstr of these string bodies,
    one per line (the msgstr keyword is on line 4)."""
    return po(_ESCAPE_HEADER + 'msgid "k"\nmsgstr "' + '"\n"'.join(lines) + '"\n')


def msgcat_or_none(data: bytes) -> bytes | None:
    """What msgcat writes, or None when it refuses (it aborts on some invalid UTF-8)."""
    assert MSGCAT is not None
    done = subprocess.run([MSGCAT, "-"], input=data, capture_output=True, timeout=60)
    return done.stdout if done.returncode == 0 else None


#: String bodies GNU msgcat 0.21 accepts, and the text it reads (checked against msgcat in
#: test_msgcat_reads_escapes_as_we_do).
ACCEPTED_ESCAPES = [
    (r"caf\303\251", "café"),
    (r"caf\xc3\xa9", "café"),
    (r"caf\xC3\xA9 \320\234\320\276\321\201\320\272\320\262\320\260", "café Москва"),
    (r"\360\237\230\200 ok", "😀 ok"),
    (r"\101\x42\7\18\x1G", "AB\a\x018\x01G"),   # octal stops after 3 digits or at a non-digit
    (r"\1011", "A1"),
    (r"\x4142 \x000041", "B A"),               # hex takes every digit, keeps the low byte
    (r"\x41b", "\x1b"),
    (r"\a\b\f\n\r\t\v\\\"", "\a\b\f\n\r\t\v\\\""),
    (r"\\303\\251", "\\303\\251"),            # escaped backslashes, not octal escapes
    (r'a\\\"b\\n\\\\', 'a\\"b\\n\\\\'),
    (r"x\357\277\276y", "x\ufffey"),           # a noncharacter is still valid UTF-8
    (r"\303\251 é", "é é"),                  # escaped and plain UTF-8 side by side
]

#: String bodies refused, with the expected message; msgcat refuses all but the NUL ones,
#: which it silently cuts (see test_nul_escapes_are_refused_where_gnu_cuts_the_string).
REFUSED_ESCAPES = [
    (r"a\303", "escape sequences in string give invalid UTF-8 (byte 0xC3)"),
    (r"a\303é", "escape sequences in string give invalid UTF-8 (byte 0xC3)"),
    (r"a\251", "escape sequences in string give invalid UTF-8 (byte 0xA9)"),
    (r"\777", "escape sequences in string give invalid UTF-8 (byte 0xFF)"),
    (r"\xe9t\xe9", "escape sequences in string give invalid UTF-8 (byte 0xE9)"),
    (r"\355\240\200", "escape sequences in string give invalid UTF-8 (byte 0xED)"),  # surrogate
    (r"\300\200", "escape sequences in string give invalid UTF-8 (byte 0xC0)"),  # overlong
    # The sequence as the file writes it: Python's repr doubled the backslash ('\\q'),
    # naming a valid escape the translator would not find in the file.
    (r"\q", r"invalid escape sequence \q in string"),
    (r"it\'s", r"invalid escape sequence \' in string"),
    (r"why\?", r"invalid escape sequence \? in string"),
    (r"\x", r"invalid escape sequence \x in string"),
    (r"\xg", r"invalid escape sequence \x in string"),
    (r"\u00e9", r"invalid escape sequence \u in string"),
    (r"\e[0m", r"invalid escape sequence \e in string"),
    (r"a\004b", "context separator EOT"),
    (r"a\x4b\x104", "context separator EOT"),
    (r"a\0b", "is a NUL byte"),
    (r"a\400b", "is a NUL byte"),
    (r"a\x100", "is a NUL byte"),
]


def test_escapes_are_decoded() -> None:
    catalogue = parse_po((CORPUS / "good-escapes.po").read_bytes())
    by_id = {m.msgid: m.msgstr for m in catalogue.messages}
    assert 'Tab\there, quote "here", backslash \\ and newline\n' in by_id
    assert "Octal A and hex B escapes" in by_id
    assert by_id["Carriage\rreturn and bell\a"] == "Karetka\rqaytarma və zəng\a"
    assert by_id["Raw\ttab inside"] == "Xam\ttab"


@pytest.mark.parametrize(("body", "text"), ACCEPTED_ESCAPES)
def test_octal_and_hex_escapes_are_utf8_bytes(body: str, text: str) -> None:
    catalogue = parse_po(_with_msgstr(body), "az.po")
    assert catalogue.messages[0].msgstr == text
    assert parse_po(render_po(catalogue)).messages[0].msgstr == text


def test_escaped_bytes_are_decoded_with_the_text_around_them_across_lines() -> None:
    """GNU joins a string's lines before the bytes are read as UTF-8, so a character may
    start on one line and end on the next, even with a blank line between them."""
    data = _with_msgstr(r"caf\303", r"\251 ", "", r"na\xc3", r"\xafve")
    data = data.replace(b'\n""\n', b"\n\n")
    assert b'"\\251 "\n\n"na' in data
    assert parse_po(data).messages[0].msgstr == "café naïve"


def test_escaped_bytes_are_decoded_in_every_kind_of_string() -> None:
    data = po(_ESCAPE_HEADER.replace(r'charset=UTF-8\n"', r'charset=UTF-8\n"' '\n'
                                     r'"X-Team: \303\207ay\n"')
              + '#| msgctxt "old \\303\\251"\n#| msgid "k\\303"\n#| "\\251"\n'
              'msgctxt "c\\303\\251"\nmsgid "k\\xc3\\xa9"\nmsgid_plural "k\\303\\251s"\n'
              'msgstr[0] "\\320\\234"\nmsgstr[1] "\\xd0\\x9c"\n\n'
              '#~ msgid "gone\\303\\251"\n#~ msgstr "\\303"\n#~ "\\251"\n')
    catalogue = parse_po(data)
    active, obsolete = catalogue.messages
    assert catalogue.header_value("X-Team") == "Çay"
    assert (active.previous_msgctxt, active.previous_msgid) == ("old é", "ké")
    assert (active.msgctxt, active.msgid, active.msgid_plural) == ("cé", "ké", "kés")
    assert active.msgstr_plural == {0: "М", 1: "М"}
    assert (obsolete.msgid, obsolete.msgstr, obsolete.obsolete) == ("goneé", "é", True)


def test_escaped_characters_are_written_back_as_plain_utf8() -> None:
    rendered = render_po(parse_po(_with_msgstr(r"caf\303\251 \x41")))
    assert rendered.decode().endswith('msgid "k"\nmsgstr "café A"\n')


@pytest.mark.parametrize(("body", "message"), REFUSED_ESCAPES)
def test_bad_escapes_are_refused_with_line_and_hint(body: str, message: str) -> None:
    error = parse_error(_with_msgstr("fine", body))
    assert message in error.message
    assert error.line == 6 and str(error).startswith("az.po:6: ")
    assert error.hint and "pipeline sync again" in error.hint


def test_invalid_utf8_is_reported_on_the_line_where_the_bad_bytes_start() -> None:
    error = parse_error(_with_msgstr(r"caf\303", r"\251 ok", "", r"x\303", "y"))
    assert error.line == 8 and "invalid UTF-8 (byte 0xC3)" in error.message
    assert error.hint and "\\303\\251 is é" in error.hint
    error = parse_error(po(_ESCAPE_HEADER + '#| msgid "\\351"\nmsgid "k"\nmsgstr "v"\n'))
    assert error.line == 4 and "invalid UTF-8 (byte 0xE9)" in error.message


def test_escaped_latin1_bytes_in_a_latin1_file_point_to_msgconv() -> None:
    data = po('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
              'msgid "k"\nmsgstr "caf\\351"\n')
    error = parse_error(data)
    assert (error.line, "declares charset=ISO-8859-1" in error.message) == (5, True)
    assert error.hint and "msgconv --to-code=UTF-8" in error.hint


ICONV = shutil.which("iconv")
CP1251_PO = ('# ru translation\nmsgid ""\nmsgstr ""\n"Project-Id-Version: newsroom\\n"\n'
             '"Language: ru\\n"\n\nmsgid "Port"\nmsgstr "Порт"\n\nmsgid "The port grew"\n'
             'msgstr "Порт вырос"\n')


@pytest.mark.parametrize("header_charset", ["", '"Content-Type: text/plain; charset=UTF-8\\n"\n',
                                            '"Content-Type: text/plain; charset=CHARSET\\n"\n'])
def test_legacy_bytes_without_a_usable_charset_get_a_command_that_works(
        tmp_path: Path, header_charset: str) -> None:
    """Regression: a CP1251 file declaring no charset (or UTF-8, or xgettext's CHARSET) got
    'open it in Poedit or msgconv', and msgconv refuses a file without a charset ("input file
    doesn't contain a header entry with a charset specification"). The hint now gives an iconv
    command naming the likely encoding and the file, which converts it so it reads."""
    text = CP1251_PO.replace('"Language: ru\\n"\n', '"Language: ru\\n"\n' + header_charset)
    path = tmp_path / "ru.po"
    path.write_bytes(text.encode("cp1251"))
    with pytest.raises(CatalogueError) as caught:
        parse_po(path.read_bytes(), str(path))
    hint = caught.value.hint or ""
    assert "msgconv --to-code" not in hint and f"iconv -f CP1251 -t UTF-8 {path} > {path}.utf8" in hint, hint
    if ICONV is None:
        return
    command = hint.split("convert it with: ", 1)[1].split(" (", 1)[0]
    subprocess.run(command, shell=True, check=True)
    assert parse_po(path.read_bytes()).messages[-1].msgstr == "Порт вырос"


def test_the_encoding_guess_follows_the_catalogue_folder_when_the_header_names_no_language() -> None:
    """A Cyrillic file without a Language line was offered 'iconv -f CP1252', which succeeds
    and turns every letter into Latin-1 mojibake (Порт -> Ïîðò); the folder names the
    language. With neither, the hint names no encoding as if it knew it."""
    data = CP1251_PO.replace('"Language: ru\\n"\n', "").encode("cp1251")
    with pytest.raises(CatalogueError) as caught:
        parse_po(data, "locale/ru/LC_MESSAGES/news/port.po")
    assert "iconv -f CP1251 -t UTF-8 locale/ru/LC_MESSAGES/news/port.po" in (caught.value.hint or "")
    unknown = parse_error(data).hint or ""
    assert "if it is" not in unknown and "iconv -f ENCODING -t UTF-8 az.po" in unknown, unknown

def test_a_file_mixing_utf8_and_legacy_bytes_is_not_sent_to_iconv() -> None:
    """iconv would garble the lines already in UTF-8: the hint names the line to retype."""
    data = CP1251_PO.encode("utf-8").replace("вырос".encode("utf-8"), "вырос".encode("cp1251"))
    error = parse_error(data)
    assert error.line == 11 and "iconv" not in (error.hint or "") and "UTF-8" in (error.hint or "")


TRUNCATED_HINT = "restore it from version control"


@pytest.mark.parametrize("cut", [len(po(CP1251_PO)) - 4, len(po(CP1251_PO)) - 5])
def test_a_file_cut_off_mid_string_or_mid_character_is_called_truncated(cut: int) -> None:
    """Regression: a catalogue cut off by an interrupted copy or download ('msgstr "Пор' at
    the end of the file) was reported as 'unterminated string in msgstr: missing closing
    quote', or, cut inside a Cyrillic letter, as invalid UTF-8 with advice to retype the
    line; both now say the file ends mid-string (mid-character) and looks cut off."""
    data = po(CP1251_PO)[:cut]
    error = parse_error(data)
    assert error.line == 11 and "cut off" in error.message, error
    assert TRUNCATED_HINT in (error.hint or ""), error.hint
    unterminated = parse_error(po(CP1251_PO.replace('"Порт вырос"', '"Порт вырос')))
    assert "cut off" not in unterminated.message and "missing closing quote" in unterminated.message

def _spreadsheet_export(text: str, delimiter: str = ",") -> str:
    """A .po opened in Excel (one line per row) and saved as CSV: fields holding quotes or the
    delimiter are quoted, their quotes doubled; rows end with CRLF."""
    import csv
    import io
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for line in text.split("\n")[:-1]:
        writer.writerow(line.split("\t"))
    return out.getvalue()


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf" + _spreadsheet_export(CP1251_PO).encode("utf-8"),
    _spreadsheet_export(CP1251_PO).encode("cp1251"),
    _spreadsheet_export(CP1251_PO, ";").encode("utf-8"),
    'msgid,msgstr\r\nPort,Порт\r\n'.encode("utf-8"),
    '"msgid";"msgstr"\r\n"Port";"Порт"\r\n'.encode("cp1251"),
])
def test_a_catalogue_saved_by_a_spreadsheet_is_named_as_such(data: bytes) -> None:
    """Regression: a .po opened in Excel and saved as CSV (each keyword line quoted, its quotes doubled) was reported
    as 'text after the closing quote' with the hint to open it in Poedit (which cannot read
    it), or, saved in the ANSI code page, as invalid UTF-8 with an iconv command that leaves
    a CSV file. The error now says a spreadsheet saved it and to restore it."""
    error = parse_error(data)
    assert "spreadsheet" in error.message and error.line in (1, 2), error
    assert "restore" in (error.hint or "") and "Poedit" in (error.hint or "")

@pytest.mark.parametrize("data, what, hint", [
    (b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22e"
     b"adbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n", "Git LFS pointer", "git lfs pull"),
    (b"<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Sign in</title></head>\n</html>\n",
     "HTML page", "download it again"),
    (b"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\">\n</xliff>\n",
     "XML file", "download it again"),
    (b'{"detail": "Not found."}\n', "JSON file", "download it again"),
])
def test_a_file_of_another_format_says_what_it_is(data: bytes, what: str, hint: str) -> None:
    """Regression: a Git LFS pointer (a clone without git-lfs), a web page or an API error
    saved by a failed download, or an XLIFF export in a .po's place got 'unexpected text' or
    'unknown keyword version' and the hint to open the file in Poedit, which cannot."""
    error = parse_error(data)
    assert error.line == 1 and what in error.message, error
    assert hint in (error.hint or ""), error.hint
    assert "unknown keyword 'version'" in parse_error(b'msgid ""\nmsgstr ""\n\nversion "1"\n').message

def test_nul_escapes_are_refused_where_gnu_cuts_the_string() -> None:
    """GNU reads ``"a\\0b"`` as ``"a"``: reading it so would drop the rest of the
    translation on the next write, so it is refused instead, as a NUL byte is."""
    data = _with_msgstr(r"a\0b")
    error = parse_error(data)
    assert "NUL byte" in error.message and error.hint and "delete the escape" in error.hint
    if MSGCAT is not None:
        assert msgcat(data).decode().endswith('msgstr "a"\n')


@needs_msgcat
@pytest.mark.parametrize("body", [b for b, _ in ACCEPTED_ESCAPES]
                         + [b for b, m in REFUSED_ESCAPES if "NUL" not in m])
def test_msgcat_reads_escapes_as_we_do(body: str) -> None:
    """msgcat accepts exactly the accepted table, reads the same text, and writes the file
    as we do (escapes replaced by the characters); it refuses the refused table."""
    _same_as_msgcat(_with_msgstr(body))


def _same_as_msgcat(data: bytes) -> None:
    gnu = msgcat_or_none(data)
    if gnu is None:
        with pytest.raises(CatalogueError):
            parse_po(data)
        return
    ours = parse_po(data)
    assert semantic(ours) == semantic(parse_po(gnu))
    assert render_po(ours).decode() == gnu.decode()


_BYTE_CHARS = st.characters(min_codepoint=0x80, max_codepoint=0x10FFFF,
                            blacklist_categories=("Cs",))


@st.composite
def _escape_token(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["text"] * 6 + ["simple", "octal", "hex", "utf8"] * 3
                                + ["bad"]))
    if kind == "text":  # digits and hex letters that may extend a preceding escape; no "0",
        # which could complete a NUL escape (GNU cuts the string there; tested above)
        return draw(st.sampled_from(["a", "G", "f", "F", "1", "7", "8", "9", " ", "é", "М",
                                     "中", "😀", "\t"]))
    if kind == "simple":
        return draw(st.sampled_from([r"\a", r"\b", r"\f", r"\n", r"\r", r"\t", r"\v", r"\\",
                                     r"\""]))
    if kind == "bad":
        return draw(st.sampled_from([r"\'", r"\?", r"\x", r"\e", r"\u00e9"]))
    if kind == "utf8":  # a whole character as escaped bytes, or a piece of one
        encoded = draw(_BYTE_CHARS).encode("utf-8")
        if draw(st.integers(0, 3)) == 0:
            encoded = encoded[:draw(st.integers(1, len(encoded)))]
        octal = draw(st.booleans())
        return "".join(f"\\{b:03o}" if octal else f"\\x{b:02x}" for b in encoded)
    value = draw(st.integers(1, 0x7F) | st.integers(1, 0x1FF if kind == "octal" else 0xFFFF)
                 .filter(lambda v: v & 0xFF != 0))
    digits = f"{value:o}" if kind == "octal" else f"{value:x}"
    width = draw(st.integers(len(digits), 3 if kind == "octal" else 6))
    digits = digits.zfill(width)
    return "\\" + digits if kind == "octal" else "\\x" + draw(
        st.sampled_from([digits, digits.upper()]))


@needs_msgcat
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_escape_token(), min_size=1, max_size=8).map("".join), min_size=1,
                max_size=3))
def test_msgcat_agrees_on_random_escapes(lines: list[str]) -> None:
    """Random mixes of text, GNU escapes, escaped UTF-8 (whole or cut) and invalid escapes,
    over one to three lines: we refuse what msgcat refuses, and otherwise read the same
    text and write the same file as msgcat."""
    _same_as_msgcat(_with_msgstr(*lines))

def test_conflict_message_quotes_both_sides_and_asks_to_resolve() -> None:
    error = parse_error((CORPUS / "bad-conflict-markers.po").read_bytes())
    assert 'conflict marker' in error.message
    assert '"ours: msgstr \\"A\\""' in error.message
    assert '"theirs: msgstr \\"B\\""' in error.message
    assert "merge" in (error.hint or "")


def test_duplicate_names_both_lines() -> None:
    error = parse_error(po('msgid "a"\nmsgstr ""\n\nmsgid "a"\nmsgstr "x"\n'))
    assert (error.line, "lines 1 and 4" in error.message) == (4, True)


def test_plural_count_follows_plural_forms() -> None:
    header = 'msgid ""\nmsgstr "Plural-Forms: nplurals=3; plural=n%3;\\n"\n\n'
    plural = 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\n'
    assert "nplurals=3" in parse_error(po(header + plural)).message
    parse_po(po(header + plural + 'msgstr[2] "z"\n'))
    parse_po(po(plural))  # no Plural-Forms: any contiguous count is fine


def _with_plural_forms(value: str) -> bytes:
    return po('msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Plural-Forms: ' + value
              + '\\n"\n\nmsgid "a"\nmsgstr "b"\n')


@pytest.mark.parametrize("value, fragment", [
    ("banana", "no nplurals=INTEGER"),
    ("nplurals=x; plural=n>1;", "no nplurals=INTEGER"),
    ("nplurals=2; plural=n>>;", "invalid plural expression 'n>>'"),
    ("nplurals=0; plural=0;", "nplurals=0"),
    ("nplurals=2;", "no plural=EXPRESSION"),
    ("plural=(n != 1);", "no nplurals=INTEGER"),
    ("nplurals=2; plural=n%10==1 ? 0 : 2;", "gives 2 for n=0"),
    ("nplurals=2; plural=n%0;", "divides by zero"),
    ("nplurals=3; plural=n;", "gives 3 for n=3"),
])
def test_a_garbage_plural_forms_header_is_refused_with_its_line(value: str, fragment: str) -> None:
    """Regression: a Plural-Forms header no tool can evaluate was accepted silently (and
    nplurals=0 blamed the entries' msgstr[n] lines). msgfmt --check refuses these; the
    error names the header line and says what to write instead."""
    error = parse_error(_with_plural_forms(value))
    assert error.line == 4 and fragment in error.message, error.message
    assert "nplurals=3; plural=" in (error.hint or "") and "ru" in (error.hint or "")
    # The simplest repair first, said once: the hint read 'write … or delete the line, and the
    # next sync writes that one; then run pipeline sync again'.
    assert (error.hint or "").startswith("delete the Plural-Forms line, and pipeline sync writes "
                                         "CLDR's rule for ru ('Plural-Forms: nplurals=3; plural=")


def _plural_entry(language: str, rule: str, forms: int) -> bytes:
    return po(f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"Plural-Forms: {rule}\\n"\n\n'
              'msgid "%d vote"\nmsgid_plural "%d votes"\n'
              + "".join(f'msgstr[{i}] "form {i}"\n' for i in range(forms)))


RU_RULE = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
           "(n%100<12 || n%100>14) ? 1 : 2);")


@pytest.mark.parametrize("language, rule, forms, cldr", [
    ("az", RU_RULE, 2, "nplurals=2; plural=(n != 1);"),  # Russian's rule pasted into an az catalogue
    ("ru", "nplurals=2; plural=(n != 1);", 3, "nplurals=3; plural="),  # English's rule in a ru one
])
def test_plural_forms_of_another_language_is_named_where_the_entries_have_the_right_count(
        language: str, rule: str, forms: int, cldr: str) -> None:
    """Regression: a Plural-Forms line copied from another language's catalogue, over entries
    with the forms the language has (as Weblate or Poedit wrote them), was reported with the
    hint to add or remove msgstr[n] lines: following it deletes a Russian form a translator
    wrote, or invents a third Azerbaijani one. The header is what is wrong, and is named."""
    error = parse_error(_plural_entry(language, rule, forms))
    assert f"entry has {forms} plural forms" in error.message and error.line == 6
    hint = error.hint or ""
    assert "add or remove msgstr" not in hint and f"'Plural-Forms: {cldr}" in hint and "correct" in hint


def test_a_plural_entry_missing_a_form_of_its_language_keeps_the_hint_to_add_it() -> None:
    error = parse_error(_plural_entry("ru", RU_RULE, 2))
    assert "add or remove msgstr[n] lines" in (error.hint or "")


JOINED_HEADER = ('msgid ""\nmsgstr ""\n"Project-Id-Version: newsroom\\n"\n'
                 '"Last-Translator: Leyla <leyla@example.org>\\n"\n"Language: az\\n"\n'
                 '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                 '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n"X-Generator: Poedit 3.4\\n"\n\n'
                 'msgid "Port"\nmsgstr "Liman"\n')


@pytest.mark.parametrize("field", ["Project-Id-Version", "Last-Translator", "Language",
                                   "Content-Type", "Plural-Forms"])
def test_a_header_line_missing_its_newline_is_refused_at_its_line(field: str) -> None:
    """Regression: '"Language: az"' followed by '"Content-Type: ..."' (the \\n lost by a hand
    edit) joined the two fields into one value, 'azContent-Type: text/plain; ...': the next
    field vanished silently and sync rewrote the header without it. It is now refused at the
    line missing its \\n, naming the field swallowed."""
    lines = JOINED_HEADER.split("\n")
    lineno = next(i for i, line in enumerate(lines, 1) if line.startswith(f'"{field}:'))
    lines[lineno - 1] = lines[lineno - 1].replace('\\n"', '"')
    error = parse_error(po("\n".join(lines)))
    assert error.line == lineno and "\\n" in error.message and lines[lineno].split(":")[0][1:] in error.message, error
    assert "\\n" in (error.hint or "")


def test_a_header_value_wrapped_over_lines_is_not_a_missing_newline() -> None:
    """msgcat wraps a long value over string lines without \\n: those are one field."""
    text = JOINED_HEADER.replace('"Last-Translator: Leyla <leyla@example.org>\\n"',
                                 '"Last-Translator: Leyla Mammadova, Newsroom translation desk "\n'
                                 '"<leyla@example.org>\\n"')
    assert parse_po(po(text)).header_value("Last-Translator").endswith("<leyla@example.org>")
    last = JOINED_HEADER.replace('"X-Generator: Poedit 3.4\\n"', '"X-Generator: Poedit 3.4"')
    assert parse_po(po(last)).header_value("X-Generator") == "Poedit 3.4"


PASTED_HEADER = ('msgid ""\nmsgstr ""\n"Language: az\\n"\n'
                 '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                 '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n"X-Generator: Poedit 3.4\\n"\n\n'
                 'msgid "The port grew."\nmsgid_plural "The ports grew."\n'
                 'msgstr[0] "Liman böyüdü."\nmsgstr[1] "Limanlar böyüdü."\n\n'
                 'msgid ""\n"Trucks queue at the gate every morning, "\n"the ministry said."\n'
                 'msgstr ""\n"Yük maşınları hər səhər darvaza önündə növbə gözləyir, "\n'
                 '"nazirlik bildirib."\n')


@pytest.mark.parametrize("pasted", ['"Language: az\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"',
                                    '"X-Generator: Poedit 3.4\\n"'])
@pytest.mark.parametrize("where", ["end", "middle", "plural", "joined"])
def test_a_header_line_pasted_into_a_translation_is_refused_at_its_line(pasted: str, where: str) -> None:
    """Regression: '"Language: ru\\n"' pasted below a reviewed msgstr was read and published
    as the paragraph's end ('…every morning.Language: ru'), while msgfmt --check refuses the
    file. It is now refused at the pasted line, naming the entry and what to do."""
    if where == "end":
        text = PASTED_HEADER + pasted + "\n"
    elif where == "middle":
        text = PASTED_HEADER.replace('"nazirlik', pasted + '\n"nazirlik')
    elif where == "plural":
        text = PASTED_HEADER.replace('msgstr[1] "Limanlar böyüdü."\n',
                                     'msgstr[1] "Limanlar böyüdü."\n' + pasted + "\n")
    else:  # a rewrite (sync's, an editor's) joined the pasted line to the one before
        text = PASTED_HEADER + 'msgid "Port"\nmsgstr "Liman' + pasted[1:] + "\n"
    error = parse_error(po(text))
    assert pasted[1:-1] in text.split("\n")[error.line - 1], error
    assert pasted[1:12] in error.message and "translation of msgid" in error.message
    assert "delete it" in (error.hint or "")


@pytest.mark.parametrize("translation", [
    # The source holds the same field: an article about PO files translates it.
    ('msgid "Write \\"Language: az\\n\\" in the header.\\n"\n'
     'msgstr ""\n"Başlığa yazın:\\n"\n"Language: az\\n"\n'),
    # "Language" followed by words, not a language code: a translated line of text.
    ('msgid "Язык: русский\\nУровень: B2"\n'
     'msgstr ""\n"Language: Russian\\n"\n"Level: B2"\n'),
    # An obsolete entry is never published, nor is a fuzzy one (msgfmt skips both).
    '#~ msgid "Trucks queue."\n#~ msgstr ""\n#~ "Növbə var."\n#~ "Language: az\\n"\n',
    '#, fuzzy\nmsgid "Trucks queue."\nmsgstr ""\n"Növbə var."\n"Language: az\\n"\n',
    # An X- field this file's header does not hold is a line of text ("X-Ray: ...").
    ('msgid "Рентген: сделан\\nРезультат: норма"\n'
     'msgstr ""\n"X-Ray: done\\n"\n"Result: normal"\n'),
])
def test_a_header_like_line_a_translation_may_hold_is_accepted(translation: str) -> None:
    catalogue = parse_po(po(PASTED_HEADER + "\n" + translation))
    assert any("\n" in message.msgstr for message in catalogue.messages)


@pytest.mark.parametrize("value", [
    "nplurals=2; plural=(n != 1);",  # not CLDR's for ru: a translator's own choice
    "nplurals=1; plural=0;",
    "nplurals=2; plural=n>1",  # no final semicolon: GNU accepts it
    "nplurals=4; plural=(n==1) ? 0 : (n%10>=2 && n%10<=4) ? 1 : (n%10==1) ? 3 : 2;",
    "nplurals=INTEGER; plural=EXPRESSION;",  # xgettext's placeholder: no rule yet
])
def test_a_valid_plural_forms_header_that_is_not_cldrs_is_accepted(value: str) -> None:
    assert parse_po(_with_plural_forms(value)).header_value("Plural-Forms") == value


def test_read_catalogue_returns_the_fingerprint(tmp_path: Path) -> None:
    data = (CORPUS / "good-crlf.po").read_bytes()
    (tmp_path / "az.po").write_bytes(data)
    catalogue, print_ = read_catalogue(tmp_path / "az.po", "locale/az.po")
    assert print_ == fingerprint(data)
    assert len(catalogue.messages) == 3


def test_read_catalogue_reports_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="not found") as missing:
        read_catalogue(tmp_path / "nope.po", "locale/nope.po")
    assert missing.value.path == "locale/nope.po"
    (tmp_path / "dir.po").mkdir()
    with pytest.raises(CatalogueError, match="folder"):
        read_catalogue(tmp_path / "dir.po", "dir.po")
    (tmp_path / "bad.po").write_bytes(b'msgid "a"\n')
    with pytest.raises(CatalogueError) as bad:
        read_catalogue(tmp_path / "bad.po", "locale/bad.po")
    assert (bad.value.path, bad.value.line) == ("locale/bad.po", 1)


@pytest.mark.parametrize("data", [b"", b"\n\n  \n", b"\xef\xbb\xbf", b"\r\n"])
def test_read_catalogue_refuses_an_empty_file(tmp_path: Path, data: bytes) -> None:
    """A crash or a full disk leaves a catalogue empty; read as a catalogue without entries,
    sync would refill it with untranslated entries and nobody would notice the loss."""
    (tmp_path / "az.po").write_bytes(data)
    with pytest.raises(CatalogueError, match="empty") as empty:
        read_catalogue(tmp_path / "az.po", "locale/az.po")
    assert (empty.value.path, empty.value.line) == ("locale/az.po", 1)
    assert "restore it from version control" in (empty.value.hint or "")


def _saving_in_place(path: Path, stages: list[bytes], monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """An editor that writes ``path`` in place (Notepad, most plain text editors: truncate,
    then write): the file holds ``stages[0]`` when read, and each pause the reader makes
    lets the save go on to the next stage. Returns the pauses made."""
    path.write_bytes(stages[0])
    pauses: list[float] = []

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        path.write_bytes(stages[min(len(pauses), len(stages) - 1)])

    monkeypatch.setattr(time, "sleep", pause)
    return pauses


@pytest.mark.parametrize("cut", [0, 40, -9])
def test_read_catalogue_waits_for_a_save_in_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     cut: int) -> None:
    """Regression: a catalogue read while an editor was writing it in place (empty, or cut
    off mid-entry) was refused as emptied or cut off by a crash, with the hint to restore it
    with ``git checkout`` or delete it: the translator's save thrown away. A file that
    changes between two reads is being saved: it is read again once it is complete."""
    data = (CORPUS / "good-crlf.po").read_bytes()
    pauses = _saving_in_place(tmp_path / "az.po", [data[:cut], data], monkeypatch)
    catalogue, print_ = read_catalogue(tmp_path / "az.po", "locale/az.po")
    assert print_ == fingerprint(data) and len(catalogue.messages) == 3
    assert len(pauses) == 1


def test_read_catalogue_names_a_file_that_keeps_changing_as_being_saved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = (CORPUS / "good-crlf.po").read_bytes()
    stages = [data[:i] for i in range(5, len(data) // 2, 7)]
    pauses = _saving_in_place(tmp_path / "az.po", stages, monkeypatch)
    with pytest.raises(CatalogueError, match="being saved") as saving:
        read_catalogue(tmp_path / "az.po", "locale/az.po")
    assert "git checkout" not in (saving.value.hint or "") and "delete" not in (saving.value.hint or "")
    assert sum(pauses) < 2


def test_read_catalogue_reads_a_damaged_file_twice_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file cut off for good (the same bytes on a second read) is refused as before, after
    one short pause: a damaged catalogue costs its sync no more."""
    data = (CORPUS / "good-crlf.po").read_bytes()[:-9]
    pauses = _saving_in_place(tmp_path / "az.po", [data], monkeypatch)
    with pytest.raises(CatalogueError) as damaged:
        read_catalogue(tmp_path / "az.po", "locale/az.po")
    assert "restore it from version control" in (damaged.value.hint or "")
    assert len(pauses) == 1 and pauses[0] <= 0.05


def test_comments_after_the_last_entry_are_kept_as_written() -> None:
    """Regression: a translator's note below the last entry ("# TODO: ask the desk") made
    the whole catalogue refused, though GNU msgfmt reads the file (msgcat drops the note).
    It is kept, line for line, at the end of the file, also in CRLF files."""
    data = (CORPUS / "good-trailing-comment.po").read_bytes()
    catalogue = parse_po(data, "az.po")
    assert catalogue.trailing_comments == ["# TODO: ask the desk about the ferry", "#", "",
                                           "# Leyla"]
    assert [m.msgid for m in catalogue.messages] == ["Bridge"]
    assert render_po(catalogue) == data
    crlf = data.replace(b"\n", b"\r\n") + b"\r\n\r\n"
    assert render_po(parse_po(crlf)) == data.replace(b"\n", b"\r\n")
    # The comments that open an entry, with no entry after them: a file cut off.
    for cut in ("#. paragraph\n", "#: source/a.md:3\n", "#, fuzzy\n", '#| msgid "Old"\n'):
        error = parse_error(data + b"\n# note\n" + cut.encode())
        assert error.line == 22 and "looks cut off" in error.message, error



CUT_OFF_SOURCE = (
    'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '# mt: argos translate-en_ru 1.9\n#. paragraph\n#: source/a.md:3\n#, fuzzy\n'
    'msgid "The port grows."\nmsgstr "Порт растёт."\n\n'
    '# reviewed mt: argos translate-en_ru 1.9\n# сверено с редактором\n#. paragraph\n'
    '#: source/a.md:5\nmsgid "Ships wait."\nmsgstr "Корабли ждут."\n')


@pytest.mark.parametrize("cut", [
    "# reviewed mt: argos tran",  # inside the pipeline's provenance of the last entry
    "# reviewed mt: argos translate-en_ru 1.9\n",  # at a line end, after it
    "# reviewed mt: argos translate-en_ru 1.9\n# сверено с ред",  # inside a translator's comment
    "# reviewed mt: argos translate-en_ru 1.9\n# сверено с редактором",  # at its end, no line break
])
def test_a_file_cut_off_in_its_last_entry_s_comments_is_refused(cut: str) -> None:
    """Regression: a catalogue cut off (an interrupted save or copy) anywhere inside the
    comments above an entry was read as a valid file whose last comments follow the last
    entry, and that entry and every one after it were gone: the next sync refilled them by
    machine. The pipeline's own comments with no entry below, and a comment cut before its
    line break, now say the file looks cut off, at the line."""
    full = CUT_OFF_SOURCE.encode()
    data = full[:full.index(cut.encode()) + len(cut.encode())]
    error = parse_error(data)
    assert error.line == 13 and "looks cut off" in error.message, error
    assert "restore it from version control" in (error.hint or "")


@pytest.mark.parametrize(("cut", "line"), [("# Russian transl", 1), ("# Russian translation of the city desk.\n#\n", 2)])
def test_a_file_cut_off_in_its_header_comments_is_refused(cut: str, line: int) -> None:
    """Regression: cut off inside its first comments, a catalogue was read as one without
    header or entries, and sync rewrote it with every entry untranslated."""
    error = parse_error(cut.encode())
    assert error.line == line and "nothing but comments" in error.message, error


def test_translator_comments_after_the_last_entry_still_pass_with_their_line_break() -> None:
    data = CUT_OFF_SOURCE.encode() + "\n# спросить про паромы\n".encode()
    assert parse_po(data).trailing_comments == ["# спросить про паромы"]


def test_a_backslash_at_a_line_end_joins_the_next_line_as_in_gnu() -> None:
    """Regression: a string broken with a backslash before the line end (C's way, which GNU's
    lexer follows everywhere, po-lex.c lex_getc) was refused as an unterminated string,
    though msgfmt reads it. The backslash and the line break are dropped, as GNU drops them;
    later lines keep their numbers; a comment line ending so is still refused."""
    text = ('msgid "Ships leave at 22:00."\nmsgstr "Суда отходят \\\nв 22:00."\n\n'
            'msgid "a"\\\nmsgstr "x\\\\\nb"\n\nmsgid "c"\nmsgstr "C" junk\n')
    error = parse_error(po(text))
    assert error.line == 10 and "junk" in error.message, error
    catalogue = parse_po(po(text.replace(" junk", "")), "az.po")
    assert [(m.msgid, m.msgstr) for m in catalogue.messages] == [
        ("Ships leave at 22:00.", "Суда отходят в 22:00."), ("a", "x\b"), ("c", "C")]
    assert parse_po(po(text.replace(" junk", "").replace("\n", "\r\n"))).messages[0].msgstr == \
        "Суда отходят в 22:00."
    assert "ends with a backslash" in parse_error(po('# note \\\nmsgid "a"\nmsgstr "b"\n')).message


def test_a_range_flag_keeps_its_value_as_gnu_writes_it() -> None:
    """Regression: ``#, c-format, range: 1..5`` (xgettext's flag for a plural whose count
    has a known range; msgcat and msgmerge keep it) was split into the flags ``range:`` and
    ``1..5`` and written ``#, c-format, range:, 1..5``, which GNU tools write back as it was:
    the file changed on every round between them and sync."""
    data = po('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
              '#, c-format, range: 1..5\nmsgid "%d day"\nmsgid_plural "%d days"\n'
              'msgstr[0] "%d gün"\nmsgstr[1] "%d gün"\n\n'
              '#, fuzzy, range: 0..9\nmsgid "x"\nmsgstr "y"\n')
    catalogue = parse_po(data, "az.po")
    assert [m.flags for m in catalogue.messages] == [["c-format", "range: 1..5"], ["fuzzy", "range: 0..9"]]
    assert catalogue.messages[1].fuzzy
    assert render_po(catalogue) == data
    assert parse_po(po('#,range:,3..4\nmsgid "x"\nmsgstr "y"\n')).messages[0].flags == ["range: 3..4"]
    if MSGCAT is not None:
        assert msgcat(data) == data


def test_a_plural_index_on_the_line_after_its_msgstr_is_read_as_gnu_reads_it() -> None:
    """Regression: ``msgstr`` with its ``[0]`` on the next line was refused ("msgid_plural
    needs msgstr[0], msgstr[1], ... instead of msgstr"), though GNU's lexer reads ``[``, the
    number and ``]`` as tokens of their own, on any line, and msgfmt accepts the file. Later
    lines keep their numbers; an index that does not follow is still refused."""
    head = 'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    text = head + ('msgid "%d day"\nmsgid_plural "%d days"\nmsgstr\n[0] "%d gün"\nmsgstr[\n  1\n] "%d gün"\n\n'
                   '#~ msgid "%d week"\n#~ msgid_plural "%d weeks"\n#~ msgstr\n#~ [0] "%d həftə"\n'
                   '#~ msgstr[1] "%d həftə"\n\nmsgid "a"\nmsgstr "b" junk\n')
    assert parse_error(po(text)).line == 20
    catalogue = parse_po(po(text.replace(" junk", "")), "az.po")
    assert [(m.msgid, m.msgstr_plural, m.obsolete) for m in catalogue.messages] == [
        ("%d day", {0: "%d gün", 1: "%d gün"}, False), ("a", {}, False),
        ("%d week", {0: "%d həftə", 1: "%d həftə"}, True)]
    error = parse_error(po(head + 'msgid "%d day"\nmsgid_plural "%d days"\nmsgstr\n"%d gün"\n'))
    assert (error.line, error.message) == (7, "msgid_plural needs msgstr[0], msgstr[1], ... instead of msgstr")


def test_old_mac_line_endings_are_named_as_such() -> None:
    """With lone carriage returns the whole file is one line: it was refused as "comments at
    the end of the file without an entry after them"."""
    data = (CORPUS / "good-msgctxt.po").read_bytes().replace(b"\n", b"\r")
    with pytest.raises(CatalogueError) as error:
        parse_po(data, "x.po")
    assert error.value.line == 1 and "carriage return" in error.value.message, error.value.message
    assert "line ending" in (error.value.hint or "")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named_as_utf16(encoding: str) -> None:
    """Every other byte is NUL: it was refused as "NUL byte in the file (binary or
    corrupted?)", with a hint to restore it from version control."""
    data = (CORPUS / "good-msgctxt.po").read_text(encoding="utf-8").encode(encoding)
    with pytest.raises(CatalogueError) as error:
        parse_po(data, "x.po")
    assert (error.value.line, error.value.message) == (1, "the file is UTF-16, not UTF-8")
    assert "iconv -f UTF-16" in (error.value.hint or "")


@pytest.mark.parametrize(("encoding", "iconv"), [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
def test_a_russian_catalogue_in_utf16_without_a_byte_order_mark_is_named_as_utf16(encoding: str,
                                                                                  iconv: str) -> None:
    """Regression: the high byte of a Cyrillic letter is 0x04, not NUL, so a Russian
    catalogue (its msgstrs, its translator comments) was 'NUL byte in the file (binary or
    corrupted?)', with advice to restore it from version control."""
    text = ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            '# Переводчик: проверено редакцией, правки внесены\nmsgid "The port grew."\n'
            'msgstr "Порт вырос."\n\nmsgid "Ships queue at the terminal."\n'
            'msgstr "Суда стоят в очереди у терминала."\n')
    with pytest.raises(CatalogueError) as error:
        parse_po(text.encode(encoding), "x.po")
    assert (error.value.line, error.value.message) == (1, "the file is UTF-16, not UTF-8")
    assert f"iconv -f {iconv} -t UTF-8" in (error.value.hint or "")


@pytest.mark.parametrize(("encoding", "named", "iconv"), [
    ("utf-16", "UTF-16", "UTF-16"), ("utf-16-le", "UTF-16", "UTF-16LE"), ("utf-16-be", "UTF-16", "UTF-16BE"),
    ("utf-32", "UTF-32", "UTF-32"), ("utf-32-le", "UTF-32", "UTF-32LE"), ("utf-32-be", "UTF-32", "UTF-32BE")])
def test_a_wide_unicode_file_is_named_and_the_hint_converts_it(encoding: str, named: str, iconv: str) -> None:
    """Regression: the hint said to run msgconv, which cannot read UTF-16 (it stops with "too
    many errors"), and a UTF-32 file was called UTF-16. The hint's iconv command, run as
    given, gives back the catalogue."""
    text = (CORPUS / "good-msgctxt.po").read_text(encoding="utf-8")
    with pytest.raises(CatalogueError) as error:
        parse_po(text.encode(encoding), "locale/ru/LC_MESSAGES/a b.po")
    assert (error.value.line, error.value.message) == (1, f"the file is {named}, not UTF-8")
    assert f"iconv -f {iconv} -t UTF-8 'locale/ru/LC_MESSAGES/a b.po' > " in (error.value.hint or "")
    assert "msgconv --to-code" not in (error.value.hint or "")
    assert text.encode(encoding).decode(iconv.replace("UTF-", "utf-")).lstrip("\ufeff") == text


def test_a_missing_msgstr_is_reported_at_its_msgid_not_at_the_next_entry() -> None:
    error = parse_error(po('msgid "a"\n\n#. paragraph\nmsgid "b"\nmsgstr "B"\n'))
    assert (error.line, error.message) == (1, "msgid without msgstr: the next entry starts on line 3")
    error = parse_error(po('msgctxt "t"\n\n# note\nmsgid "b"\nmsgstr "B"\n'))
    assert (error.line, error.message) == (1, "msgctxt without msgid: the next entry starts on line 3")
    error = parse_error(po('#~ msgid "a"\n\n#~ msgctxt "t"\n#~ msgid "b"\n#~ msgstr "B"\n'))
    assert (error.line, error.message) == (1, "msgid without msgstr: the next entry starts on line 3")
    error = parse_error(po('msgid "a"\nmsgstr "A"\n\nmsgstr "B"\nmsgid "b"\n'))
    assert (error.line, error.message.split(" (")[0]) == (4, "msgstr without a msgid before it")
    # Without a blank line the comment is inside the entry, as before.
    assert "comment inside an entry" in parse_error(po('msgid "a"\n# note\nmsgstr "A"\n')).message
    assert "msgctxt after msgid" in parse_error(po('msgid "a"\nmsgctxt "t"\nmsgstr "A"\n')).message
    assert "two msgstr lines" in parse_error(po('msgid "a"\nmsgstr "A"\nmsgstr "B"\n')).message


#: Layouts GNU msgfmt and msgcat 0.21 read (their lexer skips white space between tokens):
#: each entry as a hand, a script or an editor may leave it, and the data it means.
_GNU_PLURAL = 'msgid "one"\nmsgid_plural "many"\n'


@pytest.mark.parametrize("body, flags, forms", [
    (_GNU_PLURAL + 'msgstr [0] "x"\nmsgstr [1] "y"\n', [], {0: "x", 1: "y"}),
    (_GNU_PLURAL + 'msgstr[ 0 ] "x"\nmsgstr\t[1]\t"y"\n', [], {0: "x", 1: "y"}),
    ('#~ msgid "one"\n#~ msgid_plural "many"\n#~ msgstr [0] "x"\n', [], {0: "x"}),
])
def test_a_plural_index_with_white_space_around_it_is_read_as_gnu_reads_it(
        body: str, flags: list[str], forms: dict[int, str]) -> None:
    """Regression: ``msgstr [0] "..."`` (a space before the bracket, or inside it) was
    refused as an unquoted string, though GNU msgfmt reads it."""
    data = po(_ESCAPE_HEADER + body)
    message = parse_po(data).messages[0]
    assert (message.flags, message.msgstr_plural) == (flags, forms)
    if MSGCAT is not None:
        assert semantic(parse_po(msgcat(data))) == semantic(parse_po(data))


@pytest.mark.parametrize("body", [
    _GNU_PLURAL + 'msgstr[] "x"\n',
    _GNU_PLURAL + 'msgstr [x] "x"\n',
    _GNU_PLURAL + 'msgstr [0 "x"\n',
])
def test_a_broken_plural_index_is_still_refused_at_its_line(body: str) -> None:
    error = parse_error(po(_ESCAPE_HEADER + body))
    assert error.line == 6 and "plural index" in error.message
    if MSGCAT is not None:
        assert msgcat_or_none(po(_ESCAPE_HEADER + body)) is None


@pytest.mark.parametrize("indent", ["  ", "\t", " \t "])
def test_indented_comment_lines_are_read_as_gnu_reads_them(indent: str) -> None:
    """Regression: an indented ``#, fuzzy`` (or any indented comment line) was refused with
    "comment lines must start in the first column", though GNU msgfmt reads it as if it
    started there: a fuzzy flag, previous strings, a translator comment, an obsolete entry."""
    body = (f'{indent}# a note\n{indent}#. paragraph\n{indent}#: a.md:3\n{indent}#, fuzzy\n'
            f'{indent}#| msgid "old"\nmsgid "new"\nmsgstr "b"\n\n'
            f'{indent}#~ msgid "gone"\n{indent}#~ msgstr "kept"\n')
    data = po(_ESCAPE_HEADER + body)
    catalogue = parse_po(data)
    active, obsolete = catalogue.messages
    assert (active.comments, active.auto_comments, active.references, active.flags,
            active.previous_msgid) == (["a note"], ["paragraph"], ["a.md:3"], ["fuzzy"], "old")
    assert (obsolete.obsolete, obsolete.msgid, obsolete.msgstr) == (True, "gone", "kept")
    if MSGCAT is not None:
        assert msgcat(data) == render_po(catalogue)


def test_a_bang_comment_holds_flags_as_for_gnu() -> None:
    """Regression: GNU reads ``#!`` lines as flags, as ``#,`` (read-catalog-abstract.c), so
    ``#! fuzzy`` made an entry fuzzy for msgfmt while we read a reviewed entry with a comment
    ``! fuzzy`` and would have published its translation."""
    data = po(_ESCAPE_HEADER + '#! fuzzy, c-format\nmsgid "a"\nmsgstr "b"\n')
    catalogue = parse_po(data)
    assert (catalogue.messages[0].flags, catalogue.messages[0].comments) == (["fuzzy", "c-format"], [])
    if MSGCAT is not None:
        assert msgcat(data) == render_po(catalogue)


@pytest.mark.parametrize("body, expected", [
    ('msgid "a" "b"\nmsgstr "c" "d"\n', [("ab", "cd")]),                   # strings side by side
    ('msgid\n"a"\nmsgstr\n"c"\n', [("a", "c")]),                            # a keyword above its string
    ('msgid "a" msgstr "c"\n', [("a", "c")]),                                # a whole entry on a line
    ('msgid "a"\n"b" "c"\nmsgstr "d"\n', [("abc", "d")]),
    ('msgid "a"\nmsgstr "c" # note\nmsgid "b"\nmsgstr "d"\n', [("a", "c"), ("b", "d")]),
    ('\fmsgid\v"a"\nmsgstr\f"c"\n', [("a", "c")]),                          # form feed, vertical tab
    ('#~ msgid "a" "b"\n#~ msgstr\n#~ "c"\n', [("ab", "c")]),
])
def test_tokens_are_read_wherever_the_lines_break_as_gnu_reads_them(body: str, expected: list[tuple[str, str]]) -> None:
    """Regression: GNU's lexer reads tokens, not lines (po-lex.c), so msgfmt accepts two
    strings on a line, a keyword with its string on the next line, a whole entry on one line,
    a comment after an entry; we refused each one as 'text after the closing quote' or 'msgid
    without a string on the same line'. Each is now read as GNU reads it."""
    data = po(_ESCAPE_HEADER + body)
    catalogue = parse_po(data)
    assert [(m.msgid, m.msgstr) for m in catalogue.messages] == expected
    if MSGCAT is not None:
        assert semantic(parse_po(msgcat(data))) == semantic(catalogue)


def test_previous_strings_are_read_token_by_token_too() -> None:
    data = po(_ESCAPE_HEADER + '#, fuzzy\n#| msgid "o" "ld"\n#| msgid_plural\n#| "olds"\n'
              'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n')
    message = parse_po(data).messages[0]
    assert (message.previous_msgid, message.previous_msgid_plural) == ("old", "olds")
    if MSGCAT is not None:
        assert msgcat(data) == render_po(parse_po(data))


@pytest.mark.parametrize("body, line, message", [
    ('msgid\nmsgstr "c"\n', 4, "msgid without a string after it"),
    ('msgid "a"\nmsgstr\n', 5, "msgstr without a string after it"),
    ('msgid "a"\nmsgstr\n# note\nmsgid "b"\nmsgstr "c"\n', 5, "msgstr without a string after it"),
    ('#, fuzzy\n#| msgid\nmsgid "a"\nmsgstr "c"\n', 5, "#| msgid without a string after it"),
    ('msgid "a" # note\nmsgstr "c"\n', 4, "comment inside an entry"),
    ('msgid "a"\nmsgstr "c" fuzzy\n', 5, "text after the closing quote"),
    ('domain "news"\nmsgid "a"\nmsgstr "c"\n', 4, "a 'domain' line"),
])
def test_what_gnu_refuses_token_by_token_is_refused_at_its_line(body: str, line: int, message: str) -> None:
    data = po(_ESCAPE_HEADER + body)
    error = parse_error(data)
    assert (error.line, message in error.message) == (line, True), str(error)
    if MSGCAT is not None and "domain" not in body:
        assert msgcat_or_none(data) is None


@pytest.mark.parametrize("junk", ["\u2028", "\u2029", "\x85", "\x1c", "\xa0", "\u3000", " \u2028\t"])
def test_a_line_of_unicode_white_space_between_entries_is_refused_as_gnu_refuses_it(junk: str) -> None:
    """Regression: a line holding only a line separator, NEL, an information separator or a
    non-breaking space (what an editor's paste can leave) was skipped as blank, because
    Python's ``str.strip`` takes them for white space; GNU's lexer knows only space, tab,
    form feed, vertical tab and CR there, and msgfmt refuses the file. It is now refused at
    its line, the character named, as every other line GNU cannot read."""
    data = po(_ESCAPE_HEADER + f'msgid "a"\nmsgstr "b"\n{junk}\nmsgid "c"\nmsgstr "d"\n')
    error = parse_error(data)
    assert error.line == 6, str(error)
    named = junk.strip(" \t")
    assert f"U+{ord(named):04X}" in error.message, str(error)
    if MSGCAT is not None:
        assert msgcat_or_none(data) is None


@pytest.mark.parametrize("marker", ["#|", "#| ", "#~|", "  #|\t"])
def test_an_empty_previous_strings_line_is_nothing_as_for_gnu(marker: str) -> None:
    """Regression: a ``#|`` line holding nothing (previous strings deleted by hand, the
    marker left) was refused as unquoted text; GNU reads no token there and goes on."""
    data = po(_ESCAPE_HEADER + f'#, fuzzy\n{marker}\nmsgid "a"\nmsgstr "b"\n\nmsgid "c"\n{marker}\nmsgstr "d"\n')
    catalogue = parse_po(data)
    assert [(m.msgid, m.msgstr, m.previous_msgid) for m in catalogue.messages] == [("a", "b", None), ("c", "d", None)]
    if MSGCAT is not None:
        assert msgcat(data) == render_po(catalogue)


_SEPARATORS = [" ", "\n", "\t", "\n\t", "  \n", "\n\n", "\f", " \v "]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([n for n in GOOD if n not in GNU_DIFFERS]), st.randoms(use_true_random=False))
def test_any_layout_gnu_reads_is_read_as_gnu_reads_it(name: str, random: "object") -> None:
    """The same catalogue with its tokens laid out anew (white space, line breaks, comments
    indented, plural indices spaced): we read what we read from the original, and GNU msgcat
    reads the two the same way."""
    original = (CORPUS / name).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    out: list[str] = []
    for line in original.split("\n"):
        if line.startswith("#") and not line.startswith("#~") and random.random() < 0.3:  # type: ignore[attr-defined]
            out.append(random.choice(["  ", "\t", " "]) + line)  # type: ignore[attr-defined]
        elif line.startswith(("msg", '"')):
            keyword, quote, string = line.partition(' "') if line.startswith("msg") else ("", '"', line[1:])
            if keyword.startswith("msgstr[") and random.random() < 0.5:  # type: ignore[attr-defined]
                keyword = keyword.replace("[", random.choice([" [", "[ ", " [ "]))  # type: ignore[attr-defined]
            separator = random.choice(_SEPARATORS)  # type: ignore[attr-defined]
            token = (keyword + separator if keyword else "") + quote + string
            glue = random.choice(_SEPARATORS) if out and out[-1].lstrip().startswith(("msg", '"')) else "\n"  # type: ignore[attr-defined]
            if glue == "\n" or not out:
                out.append(token)
            else:
                out[-1] += glue + token
        else:
            out.append(line)
    laid_out = "\n".join(out).encode()
    canonical = (CORPUS / name).read_bytes().decode("utf-8-sig").replace("\r\n", "\n").encode()
    assert semantic(parse_po(laid_out)) == semantic(parse_po(canonical))
    if MSGCAT is not None:
        assert msgcat_or_none(laid_out) == msgcat_or_none(canonical)


# --------------------------------------------------------------------------- rendering details

def render_one(message: Message) -> str:
    return render_po(Catalogue(messages=[message])).decode("utf-8")


def test_short_string_stays_on_the_keyword_line() -> None:
    assert render_one(Message(msgid="Hello", msgstr="Salam")) == 'msgid "Hello"\nmsgstr "Salam"\n'


def test_long_string_wraps_at_spaces_within_79_columns() -> None:
    text = " ".join(["bridge"] * 40)
    lines = render_one(Message(msgid=text)).splitlines()
    assert lines[0] == 'msgid ""'
    assert all(len(line) <= PAGE_WIDTH for line in lines)
    assert all(line.endswith(' "') for line in lines[1:-2])
    assert "".join(line[1:-1] for line in lines[1:-1]) == text


def test_newlines_start_new_lines() -> None:
    assert render_one(Message(msgid="one\ntwo\n")).splitlines()[:3] == [
        'msgid ""', '"one\\n"', '"two\\n"']
    assert render_one(Message(msgid="only at the end\n")).startswith('msgid "only at the end\\n"')


def test_breaks_like_gnu_after_hyphens_and_slashes_not_inside_words() -> None:
    word = "x" * 100
    assert render_one(Message(msgid=word)).splitlines()[0] == f'msgid "{word}"'
    lines = render_one(Message(msgid="see " + "state-of-the-art " * 5 + "and http://example.com/"
                               + "a/" * 30)).splitlines()
    assert all(len(line) <= PAGE_WIDTH for line in lines)
    assert any(line.endswith('-"') for line in lines) or any(line.endswith('/"') for line in lines)


def test_no_wrap_flag_keeps_long_lines() -> None:
    text = " ".join(["bridge"] * 40)
    assert render_one(Message(msgid=text, flags=["no-wrap"])).splitlines()[1] == f'msgid "{text}"'


def test_references_fill_lines_up_to_79_columns() -> None:
    refs = [f"source/world/article-{i:03}.md:{i}" for i in range(10)]
    lines = [l for l in render_one(Message(msgid="a", references=refs)).splitlines()
             if l.startswith("#:")]
    assert len(lines) > 1 and all(len(l) <= PAGE_WIDTH for l in lines)
    assert " ".join(l[3:] for l in lines).split() == refs


def test_obsolete_previous_and_plural_layout() -> None:
    message = Message(msgid="%d ferry", msgid_plural="%d ferries", msgstr_plural={0: "a", 1: "b"},
                      previous_msgid="ferry", flags=["fuzzy"], obsolete=True, comments=["note"])
    assert render_one(message) == ('# note\n#, fuzzy\n#~| msgid "ferry"\n#~ msgid "%d ferry"\n'
                                   '#~ msgid_plural "%d ferries"\n#~ msgstr[0] "a"\n'
                                   '#~ msgstr[1] "b"\n')


def test_header_entry_layout() -> None:
    catalogue = Catalogue(header=[("Language", "az"), ("Project-Id-Version", "news")],
                          header_comments=["Azerbaijani", ""], header_flags=["fuzzy"])
    assert render_po(catalogue).decode() == ('# Azerbaijani\n#\n#, fuzzy\nmsgid ""\nmsgstr ""\n'
                                             '"Project-Id-Version: news\\n"\n'
                                             '"Language: az\\n"\n')


def test_empty_catalogue_renders_empty() -> None:
    assert render_po(Catalogue()) == b""
    assert parse_po(b"").messages == []


# --------------------------------------------------------------------------- properties

_LETTERS = ("abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 .,;:!?-/()[]{}%$#'\"\\\t\n\r\x01"
            "əşçğıöüİƏŞ абвгдежзийклмнопрстуфхцчшщъыьэюяЁ «»„“”—–… \u00a0\u0301中文😀")
_text = st.text(alphabet=st.sampled_from(_LETTERS), max_size=120)
_words = st.lists(st.sampled_from(["bridge", "körpü", "мост", "state-of-the-art", "a/b/c",
                                   "(note)", '"quoted"', "x" * 90, "—", "e-mail", "50%", "\n"]),
                  max_size=40).map(" ".join)
_string = st.one_of(_text, _words)
_line_text = st.text(alphabet=st.sampled_from(_LETTERS.translate({10: None, 9: None, 13: None})),
                     max_size=30).filter(lambda s: not s.endswith("\\"))
_token = st.builds("{}{}".format,
                   st.sampled_from(["source/world/baku.md", "a.md", "src/x-y_z.md", "Köhnə.md",
                                    "source/a/very/long/folder/name/article-2024.md"]),
                   st.sampled_from(["", ":1", ":17", ":204", ":999"]))
_flag = st.sampled_from(["fuzzy", "c-format", "python-format", "no-wrap", "mt-reviewed"])


@st.composite
def _messages(draw: st.DrawFn, obsolete: bool, nplurals: int | None) -> Message:
    plural = draw(st.booleans()) and draw(st.integers(0, 3)) == 0
    forms = nplurals or draw(st.integers(1, 4))
    message = Message(
        msgid=draw(_string), msgctxt=draw(st.none() | _line_text),
        flags=draw(st.lists(_flag, max_size=3, unique=True)),
        references=draw(st.lists(_token, max_size=12)),
        auto_comments=draw(st.lists(_line_text, max_size=2)),
        comments=draw(st.lists(_line_text, max_size=2)),
        previous_msgid=draw(st.none() | _string), obsolete=obsolete)
    if message.previous_msgid is not None:  # GNU has no #| msgctxt without #| msgid
        message.previous_msgctxt = draw(st.none() | _line_text)
        message.previous_msgid_plural = draw(st.none() | _string)
    if plural:
        message.msgid_plural = draw(_string)
        message.msgstr_plural = {i: draw(_string) for i in range(forms)}
    else:
        message.msgstr = draw(_string)
    return message


@st.composite
def catalogues(draw: st.DrawFn) -> Catalogue:
    nplurals = draw(st.sampled_from([None, 2, 3]))
    header = [(k, draw(_line_text)) for k in draw(st.lists(
        st.sampled_from(["Project-Id-Version", "Language", "X-Generator", "Last-Translator",
                         "Report-Msgid-Bugs-To", "X-Custom"]), unique=True))]
    header.append(("Content-Type", "text/plain; charset=UTF-8"))
    if nplurals:
        header.append(("Plural-Forms", f"nplurals={nplurals}; plural=(n != 1);"))

    def key(m: Message) -> tuple[str | None, str]:
        return (m.msgctxt, m.msgid)

    active = draw(st.lists(_messages(False, nplurals), max_size=8, unique_by=key).filter(
        lambda ms: all(m.key != (None, "") for m in ms)))
    obsolete = draw(st.lists(_messages(True, nplurals), max_size=4, unique_by=key))
    return Catalogue(header=draw(st.permutations(header)),
                     header_comments=draw(st.lists(_line_text, max_size=3)),
                     header_flags=draw(st.lists(st.just("fuzzy"), max_size=1)),
                     messages=active + obsolete, newline=draw(st.sampled_from(["\n", "\r\n"])),
                     bom=draw(st.booleans()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogues())
def test_render_then_parse_keeps_everything_and_is_idempotent(catalogue: Catalogue) -> None:
    rendered = render_po(catalogue)
    parsed = parse_po(rendered)
    assert semantic(parsed) == semantic(catalogue)
    assert (parsed.newline, parsed.bom) == (catalogue.newline, catalogue.bom)
    assert render_po(parsed) == rendered
    for line in rendered.decode("utf-8-sig").split(catalogue.newline):
        assert "\n" not in line and "\r" not in line


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogues())
def test_polib_agrees_with_our_parse_of_random_catalogues(catalogue: Catalogue) -> None:
    rendered = render_po(dataclasses.replace(catalogue, bom=False))
    assert polib_view(rendered) == our_view(parse_po(rendered))


_GNU_FLAG_ORDER = ("fuzzy", "c-format", "python-format", "no-wrap")


_SPLICES = [b'"', b"\\", b"\n", b"\r\n", b"#", b"#~ ", b"#| ", b"msgid ", b"msgstr[1] ",
            b"msgctxt ", b"<<<<<<< x\n", b"\x00", b"\xff", b"\xc3", b" ", b"#, fuzzy\n", b"\\0"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(GOOD), st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 3),
                                                 st.sampled_from(_SPLICES)), min_size=1,
                                       max_size=4))
def test_damaged_files_are_refused_cleanly_or_kept_exactly(
        name: str, edits: list[tuple[int, int, bytes]]) -> None:
    """Whatever the damage, parse_po raises CatalogueError with a line and a hint, or reads
    a catalogue that survives a render and re-parse unchanged."""
    data = bytearray((CORPUS / name).read_bytes())
    for position, deleted, inserted in edits:
        position %= len(data) + 1
        data[position:position + deleted] = inserted
    try:
        catalogue = parse_po(bytes(data))
    except CatalogueError as error:
        assert error.line and error.line >= 1 and error.hint
        return
    rendered = render_po(catalogue)
    assert semantic(parse_po(rendered)) == semantic(catalogue)


def _gnu_keeps(message: Message) -> Message:
    """The message as GNU keeps it: known flags only, fuzzy only on translated entries."""
    message.flags = [f for f in _GNU_FLAG_ORDER if f in message.flags]
    translated = message.msgstr if message.msgid_plural is None else message.msgstr_plural[0]
    if not translated:
        if message.msgid_plural is None:
            message.msgstr = "x"
        else:
            message.msgstr_plural[0] = "x"
    message.references = list(dict.fromkeys(r for r in message.references
                                            if not r.startswith("./")))
    return message


@needs_msgcat
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogues())
def test_msgcat_reproduces_random_catalogues(catalogue: Catalogue) -> None:
    active_keys = {m.key for m in catalogue.messages if not m.obsolete} | {(None, "")}
    catalogue.messages = [_gnu_keeps(m) for m in catalogue.messages
                          if not (m.obsolete and m.key in active_keys)]
    catalogue.messages.append(Message(msgid="msgcat writes nothing for a header alone"))
    rendered = render_po(gnu_ready(catalogue))
    assert msgcat(rendered).decode() == rendered.decode()


@needs_msgcat
def test_msgcat_agrees_on_wrapping_of_many_paragraphs() -> None:
    words = ("Azərbaycan şəhər Bakı prezident bəyanat Москва заявил the of and e-mail "
             "state-of-the-art 2024-2025 50/50 http://example.com/a/b (note) [x] «ёлка» "
             "„Zitat“ 'single' \"dq\" a—b a – b 1,000.50 $100 100% €5 ₼10 end. what? wow! "
             "x:y a;b ok… naïve Ελλάδα Հայաստան ქართული עברית العربية 中文字符 😀 👍🏽 "
             "x\u00a0y" + " " + "z" * 85).split(" ")
    messages = []
    for i in range(400):
        picked = [words[(i * 7 + j * 13) % len(words)] for j in range(i % 37 + 3)]
        separators = [" ", "  ", "\n", " ", ""]
        text = "".join(w + separators[(i + j) % 5] for j, w in enumerate(picked))
        messages.append(Message(msgid=f"{i} {text}", msgstr=text[::-1] or "x",
                                obsolete=i % 9 == 0))
    rendered = render_po(Catalogue(header=HEADER, messages=messages))
    assert msgcat(rendered).decode() == rendered.decode()


def test_no_line_starts_with_a_fullwidth_closing_bracket() -> None:
    """Regression: the pseudo engine brackets every segment in ［…］; U+FF3D was read as an
    ideograph, after which a line may break, so a translation ending in "." put "］" alone on
    a line where GNU msgcat (and so msgmerge and Poedit's gettext) keeps it with the text."""
    text = "［Трансляция — ñå [şåĵŧé FIDE](https://fide.com/live \"Прямая трансляция\").］"
    rendered = render_po(Catalogue(header=HEADER, messages=[Message(msgid="x", msgstr=text)]))
    assert '\n"］"' not in rendered.decode()


@needs_msgcat
def test_msgcat_agrees_on_wrapping_around_fullwidth_forms() -> None:
    words = ("［Baku", "şəhər］", "［Москва", "заявил.］", "（note）", "１２３", "［a，b］", "：",
             "！", "？", "％", "＄5", "｢x｣", "ｶﾀｶﾅ", "ﾟ", "a．", "￥", "￠", "［”", "“］", "x" * 60)
    messages = []
    for i in range(300):
        picked = [words[(i * 5 + j * 11) % len(words)] for j in range(i % 29 + 3)]
        text = " ".join(picked) if i % 3 else "".join(picked)
        messages.append(Message(msgid=f"{i} {text}", msgstr=text))
    rendered = render_po(Catalogue(header=HEADER, messages=messages))
    assert msgcat(rendered).decode() == rendered.decode()


# --------------------------------------------------------------------------- speed

def test_five_thousand_entries_parse_and_render_quickly() -> None:
    messages = [Message(msgid=f"Paragraph {i}: " + "the bridge closes on Monday " * (i % 12 + 1),
                        msgstr="Körpü bazar ertəsi bağlanır " * (i % 12 + 1),
                        references=[f"source/world/a{i // 50}.md:{i % 50 + 1}"],
                        auto_comments=["paragraph"]) for i in range(5000)]
    catalogue = Catalogue(header=HEADER, messages=messages)
    started = time.process_time()
    data = render_po(catalogue)
    parsed = parse_po(data)
    elapsed = time.process_time() - started
    assert len(parsed.messages) == 5000
    assert elapsed < 3, f"5,000 entries took {elapsed:.2f}s of CPU to render and parse"


@pytest.mark.parametrize("value", [
    "nplurals = 2; plural = (n != 1);",  # ttag's and gettext-parser's default header
    "nplurals = 3; plural = (n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
])
def test_a_plural_forms_header_with_spaces_around_the_equals_signs_is_accepted(value: str) -> None:
    """Regression: the header JavaScript tools write (ttag, gettext-parser, Tolgee), which
    msgfmt --check accepts, was refused as having 'no nplurals=INTEGER'; the spaces around
    '=' are read past, as the plural count check already read them."""
    assert parse_po(_with_plural_forms(value)).header_value("Plural-Forms") == value
    error = parse_error(_with_plural_forms("nplurals = 2; plural = n%10;"))
    assert error.line == 4 and "gives 2 for n=2" in error.message


BABEL_SAVED = '''msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

# mt: pseudo 1
# | msgctxt "title"
# | msgid ""
# | "The port grew by a third "
# | "in a year"
#. paragraph
#, fuzzy
msgctxt "title"
msgid "The port grew by a quarter in a year"
msgstr "Порт вырос на треть за год"

# | msgid "Old \\"quoted\\" text"
#, fuzzy
msgid "New \\"quoted\\" text"
msgstr "Новый текст"
'''


def test_a_hash_space_bar_comment_is_a_translator_comment_as_for_gnu() -> None:
    """Regression: ``# | msgid "..."`` (hash, space, bar) is a translator comment for GNU
    gettext, which writes it back as it is; we read a trailing run of such lines as previous
    strings (``#|``), so a translator's note quoting a msgid on a reviewed entry was rewritten
    and then dropped, as a reviewed entry keeps no previous strings. It is now a comment,
    written back byte for byte (as is Babel's rendering of ``#|`` lines)."""
    catalogue = parse_po(BABEL_SAVED.encode(), "babel.po")
    first, second = catalogue.messages
    assert first.comments == ["mt: pseudo 1", '| msgctxt "title"', '| msgid ""',
                              '| "The port grew by a third "', '| "in a year"']
    assert first.previous_msgid is None and second.previous_msgid is None
    assert second.comments == ['| msgid "Old \\"quoted\\" text"']
    rendered = render_po(catalogue)
    assert rendered == BABEL_SAVED.encode()
    if MSGCAT is not None:
        assert msgcat(BABEL_SAVED.encode()) == rendered


@pytest.mark.parametrize("comments", [
    ['| "a continuation alone"'],
    ['| msgid "a"', 'a note written after it'],
    ['| msgid "x"', '| msgctxt "c"'],
    ['| msgid "x" trailing text'],
    ['| see the style guide'],
    ['| msgid "a complete previous msgid"'],
])
def test_comments_starting_with_a_bar_stay_comments(comments: list[str]) -> None:
    text = "".join(f"# {c}\n" for c in comments) + '#, fuzzy\nmsgid "a"\nmsgstr "b"\n'
    message = parse_po(text.encode(), "x.po").messages[0]
    assert message.comments == comments and message.previous_msgid is None
    reviewed = text.replace("#, fuzzy\n", "")
    assert render_po(parse_po(reviewed.encode(), "x.po")) == reviewed.encode()


def test_a_babel_style_comment_beside_real_previous_strings_stays_a_comment() -> None:
    text = '# | msgid "from a comment"\n#, fuzzy\n#| msgid "real"\nmsgid "a"\nmsgstr "b"\n'
    message = parse_po(text.encode(), "x.po").messages[0]
    assert message.comments == ['| msgid "from a comment"'] and message.previous_msgid == "real"


@pytest.mark.parametrize("options", [{}, {"include_previous": True}, {"width": 0, "sort_output": True}])
def test_a_babel_round_trip_loses_no_text(options: dict[str, object]) -> None:
    """A script that reads and writes a catalogue with Babel (``read_po``/``write_po``, as a
    desk's bulk fix would) keeps every entry's translation, flags and comments; Babel turns
    the previous strings into translator comments (``# | msgid``), which are then kept as
    comments, as GNU gettext keeps them: the old source text is still there for the
    translator to read."""
    import io

    from babel.messages.pofile import read_po, write_po

    ours = Catalogue(header=[("Language", "ru"), ("Content-Type", "text/plain; charset=UTF-8")], messages=[
        Message("The port grew by a quarter in a year, the ministry said in its annual report",
                "Порт вырос на треть за год", msgctxt="title", flags=["fuzzy"], comments=["mt: pseudo 1"],
                previous_msgctxt="title",
                previous_msgid="The port grew by a third in a year, the ministry said in its annual report"),
        Message("Reviewed", "Проверено", comments=["Checked with the desk"]),
    ])
    saved = io.BytesIO()
    write_po(saved, read_po(io.BytesIO(render_po(ours))), **options)
    theirs = parse_po(saved.getvalue(), "babel.po")

    def meaning(catalogue: Catalogue) -> list[tuple[object, ...]]:
        return sorted((m.msgid, m.msgctxt, m.msgstr, m.flags) for m in catalogue.messages)

    assert meaning(theirs) == meaning(ours)
    changed = next(m for m in theirs.messages if m.fuzzy)
    assert changed.comments[0] == "mt: pseudo 1" and changed.previous_msgid is None
    assert "a third in a year" in " ".join(changed.comments)
    assert render_po(parse_po(render_po(theirs), "again.po")) == render_po(theirs)


REJECTION = ("mt rejected: placeholders: ⟦2⟧ lost; script: only 8% of letters in the ru script; "
             "length: the output is 3.1 times as long as the source (argos translate-en_ru-1_9)")


@pytest.mark.parametrize("wrapwidth", [40, 76, 78])
def test_a_rejection_comment_wrapped_by_polib_or_babel_is_read_as_one_comment(wrapwidth: int) -> None:
    """Regression: polib (at its wrapwidth) and Babel (always at 76) wrap long comments, and
    the pipeline's ``mt rejected: ... (provenance)`` came back as several comments: the
    first no longer ended with its provenance, so machine translation was tried again, and
    the rest stayed for good as translator comments (which also keep a deleted paragraph's
    entry as human work). A rejection comment that does not end with ``)`` takes the lines
    up to one that does (it is written with single spaces, so it comes back exactly)."""
    ours = Catalogue(header=[("Language", "ru"), ("Content-Type", "text/plain; charset=UTF-8")], messages=[
        Message("The port grew.", comments=["Translator: ask the desk", REJECTION, "Translator's last word"]),
        Message("Short one.", comments=["mt rejected: empty (pseudo 1)", "own note (see above)"]),
    ])
    po = polib.pofile(render_po(ours).decode("utf-8"), wrapwidth=wrapwidth)
    resaved = str(po).encode("utf-8")
    assert resaved.count(b"\n# ") > 6  # polib did wrap the comment
    theirs = parse_po(resaved, "polib.po")
    assert [m.comments for m in theirs.messages] == [m.comments for m in ours.messages]


def test_an_unfinished_rejection_comment_is_left_as_it_is() -> None:
    text = '# mt rejected: no closing parenthesis\n# a note\n# mt: pseudo 1\nmsgid "a"\nmsgstr ""\n'
    assert parse_po(text.encode(), "x.po").messages[0].comments == [
        "mt rejected: no closing parenthesis", "a note", "mt: pseudo 1"]


OLD_OUTPUT = ("［Beyond these countries, the president also prides himself in having developed a "
              "friendship with a leader.］ ［This is not at all an exhaustive list.］")


@pytest.mark.parametrize("wrapwidth", [40, 76, 78])
def test_a_previous_translation_comment_wrapped_by_polib_or_babel_is_read_as_one_comment(wrapwidth: int) -> None:
    """Regression: a ``previous translation:`` comment (an old machine output kept beside the
    new text's entry) is longer than any wrap width, and polib and Babel broke it into lines:
    the rest were read as a translator's comments, carried on to the next entry for the
    paragraph while the first line was dropped. Lines that join back (at single spaces) into
    a translation the catalogue holds are read as the one comment they were."""
    ours = Catalogue(header=[("Language", "ru"), ("Content-Type", "text/plain; charset=UTF-8")], messages=[
        Message("Beyond these countries, the president also prides himself. This is not an exhaustive list.",
                "［new］", flags=["fuzzy"],
                comments=["previous translation: " + OLD_OUTPUT, "mt: pseudo 1", "check the names"]),
        Message("Beyond these countries, the president also prides himself. This is not at all an exhaustive list.",
                OLD_OUTPUT, obsolete=True),
        Message("Elsewhere.", "［elsewhere］", comments=["previous translation: ［not kept anywhere else, so "
                                                          "its broken-off lines stay as they are］"]),
    ])
    po = polib.pofile(render_po(ours).decode("utf-8"), wrapwidth=wrapwidth)
    theirs = parse_po(str(po).encode("utf-8"), "polib.po")
    assert theirs.messages[0].comments == ours.messages[0].comments
    assert len(theirs.messages[1].comments) > 1  # nothing to check the join against (obsolete entries come last)


MEMORY_ORIGIN = "(locale/ru/LC_MESSAGES/economy/alat-port-expansion-grain-terminal.po)"


@pytest.mark.parametrize("wrapwidth", [76, 78])
def test_a_memory_provenance_wrapped_by_polib_or_babel_is_read_as_one_comment(wrapwidth: int) -> None:
    """Regression: ``mt: translation memory (<catalogue>)`` is longer than Babel's and polib's
    comment width once the article's slug is a realistic one, and they broke it before the
    parenthesis: the provenance lost its origin and the ``(<catalogue>)`` line was read as a
    translator's comment, kept for good (after the review, after a re-translation), one more
    with every round. A memory provenance that ends at its name takes the ``(…`` line after it."""
    ours = Catalogue(header=[("Language", "ru"), ("Content-Type", "text/plain; charset=UTF-8")], messages=[
        Message("Ferry service resumes.", "Паромное сообщение возобновляется.", flags=["fuzzy"],
                comments=["mt: translation memory " + MEMORY_ORIGIN,
                          "mt: translation memory, also reviewed " + MEMORY_ORIGIN + ": Паром.",
                          "(a note of the desk)"]),
        Message("Ships leave at ten.", "Суда отходят в десять.",
                comments=["reviewed mt: translation memory, similar text " + MEMORY_ORIGIN]),
        Message("Ticket prices.", "Цены на билеты.", comments=["mt: translation memory", "(a note of the desk)"]),
    ])
    resaved = str(polib.pofile(render_po(ours).decode("utf-8"), wrapwidth=wrapwidth)).encode("utf-8")
    assert b"\n# " + MEMORY_ORIGIN.encode() in resaved  # the origin went to a line of its own
    theirs = parse_po(resaved, "polib.po")
    assert [m.comments for m in theirs.messages] == [m.comments for m in ours.messages[:2]] + [
        ["mt: translation memory (a note of the desk)"]]
    import io

    from babel.messages.pofile import read_po, write_po
    saved = io.BytesIO()
    write_po(saved, read_po(io.BytesIO(render_po(ours))))
    assert [m.comments for m in parse_po(saved.getvalue(), "babel.po").messages][:2] == \
        [m.comments for m in ours.messages[:2]]


def test_a_source_digest_polib_wrapped_onto_a_line_of_its_own_is_joined_back_to_its_provenance() -> None:
    """polib wraps comments at 78 characters: after a long memory provenance the source digest
    (`` source#…``) may land on a line of its own, where it read as a translator's comment
    and the provenance recorded no source text any more."""
    for length in range(5, 120):
        slug = "news/" + "s" * length
        message = Message(msgid="Hello.", msgstr="Привет.", flags=["fuzzy"], comments=[
            "desk note", mt_comment(f"translation memory (locale/ru/LC_MESSAGES/{slug}.po)", None, "Hello.")])
        catalogue = Catalogue(messages=[message], header=[("Content-Type", "text/plain; charset=UTF-8")])
        wrapped = str(polib.pofile(render_po(catalogue).decode("utf-8"))).encode("utf-8")
        assert parse_po(wrapped).active[0].comments == message.comments, wrapped.decode("utf-8")
