"""Reading and writing gettext PO/POT files: the only module that touches their syntax.

Why a parser of our own: polib and Babel warn about malformed input and carry on, so a
bad merge or a half-saved file would be read as a catalogue with entries missing and
then written back, silently dropping translations. :func:`parse_po` refuses instead,
naming the first problem with its line and a hint (:class:`~pipeline.errors.CatalogueError`).

Accepted without any data change is what GNU gettext accepts: LF or CRLF line ends,
``msgctxt``, plurals, every comment kind, ``#|`` previous strings, strings split over
several lines, blank lines, and obsolete ``#~`` entries (with ``#~ msgctxt`` and ``#~|``, and comment, flag and
previous-string lines behind ``#~`` too: ``#~ #, fuzzy``, ``#~ #| msgid``),
and every escape sequence of GNU's PO lexer (po-lex.c): ``\\a \\b \\f \\n \\r \\t \\v \\\\ \\"``,
octal ``\\N``, ``\\NN``, ``\\NNN`` and hex ``\\xH...``. As in GNU, an octal or hex escape
stands for one byte (the low eight bits of its value), and those bytes are decoded as
UTF-8 together with the text around them, even across the lines of a string:
``"caf\\303\\251"`` is ``café``, written back as ``"café"`` (msgcat does the same).
Translator comments after the last entry, which GNU drops, are kept as written
(``Catalogue.trailing_comments``). Strings are read as tokens, as GNU reads them: two
strings on one line (``msgid "a" "b"``) are one string. Refused, beyond what GNU
refuses: NUL bytes and escapes giving one (GNU silently cuts the string there), merge debris (git conflict markers, msgcat's ``#-#-#-#-#`` blocks),
header lines that are not ``Name: value``, a header field pasted into an entry's translation (``"Language: ru\\n"``), plural counts that disagree with
``Plural-Forms``. An active and an obsolete entry may share a key (each kind is checked
for duplicates on its own), although GNU tools refuse that.

Encoding policy:

* The file must be UTF-8. A declared charset of ``UTF-8``, ``ASCII`` or the POT
  placeholder ``CHARSET`` is accepted; any other is refused with a hint to run
  ``msgconv`` (we never guess and re-encode: that is how translations get mangled).
* A leading UTF-8 byte order mark is accepted and remembered in ``Catalogue.bom``;
  :func:`render_po` writes it back, so the content itself is never changed by it. The
  update (:mod:`pipeline.update`) drops it: GNU gettext refuses a file that starts with one.
* The newline style of the first line (LF or CRLF) is remembered in
  ``Catalogue.newline`` and used for every line on output.

:func:`render_po` writes the layout of GNU ``msgcat``/``msgmerge`` 0.21 (page width 79),
so files written here and files run through the GNU tools do not churn against each
other. Strings are broken where GNU breaks them: after each ``\\n`` and at the line-break
opportunities of Unicode UAX #14 as libunistring computes them (after spaces, after
hyphens and slashes, around dashes...), never inside a ``c-format`` or ``python-format``
directive, with long words left unbroken. The break rules are exact for Latin, Greek,
Cyrillic, Armenian, Hebrew, Arabic, Georgian, general punctuation and currency signs;
for other scripts (CJK, emoji) the character classes are approximated from
:mod:`unicodedata`. GNU normalisations that drop data are deliberately not copied: GNU
drops unknown flags, the fuzzy flag of untranslated entries and obsolete entries without
a translation, and reorders flags; we keep them. Header fields are written in a
canonical order (:data:`HEADER_ORDER`) so a file re-saved by Poedit, Lokalize or
Weblate converges in one rewrite.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import functools
import gc
import gettext
import hashlib
import os
import re
import shlex
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from pipeline.errors import CatalogueError
from pipeline.fileio import refuse_special_file, utf16_encoding
from pipeline.model import (MT_COMMENT_PREFIX, MT_REJECTED_PREFIX, MT_SOURCE_MARK, PREVIOUS_TRANSLATION_PREFIX,
                            REVIEWED_COMMENT_PREFIX, Catalogue, Message)

__all__ = [
    "HEADER_ORDER",
    "PAGE_WIDTH",
    "canonical_header",
    "parse_po",
    "read_catalogue",
    "render_po",
]

#: Column limit of rendered lines, as GNU gettext's default ``--width``.
PAGE_WIDTH = 79

#: Header fields in the order GNU tools write them; other fields follow, sorted by name.
HEADER_ORDER = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
)

_V = TypeVar("_V")

#: The white space GNU's PO lexer skips between tokens (po-lex.c); Python's ``str.strip`` also
#: takes a line separator, NEL or a no-break space for white space, which GNU refuses.
_GNU_BLANKS = " \t\f\v"
_FIX_HINT = "open the file in Poedit or fix the line by hand, then run pipeline sync again"
_TRUNCATED_HINT = ("restore it from version control (git checkout -- FILE) or from where it "
                   "came, or complete the last entry by hand, then run pipeline sync again")
_EMPTY_HINT = ("restore it from version control (git checkout -- FILE), or delete it and pipeline "
               "sync creates a new, untranslated one")
_ACCEPTED_CHARSETS = {"utf-8", "utf8", "ascii", "us-ascii", "charset"}
_BOM = codecs.BOM_UTF8


# --------------------------------------------------------------------------- parsing

_STRING_BODY = r'([^"\\]*(?:\\.[^"\\]*)*)'
#: GNU's lexer skips white space between tokens, so ``msgstr [0]`` and ``msgstr[ 0 ]`` are
#: ``msgstr[0]`` (po-lex.c reads ``[``, the number and ``]`` as tokens of their own).
_KEYWORD_LINE = re.compile(
    r'(msgctxt|msgid_plural|msgid|msgstr)(?:[ \t]*\[[ \t]*(\d+)[ \t]*\])?[ \t]*"' + _STRING_BODY
    + r'"[ \t]*\Z')
_STRING_LINE = re.compile(r'[ \t]*"' + _STRING_BODY + r'"[ \t]*\Z')
#: One token of GNU's lexer (po-lex.c) after white space: a keyword (with its plural index), a
#: string, or a comment running to the end of the line. GNU reads tokens, not lines, so
#: ``msgid "a" "b"``, ``msgid`` alone above its string and ``msgstr "b" # note`` are valid PO.
_GNU_TOKEN = re.compile(r'[ \t\f\v]*(?:(msgctxt|msgid_plural|msgid|msgstr)(?:[ \t\f\v]*\[[ \t\f\v]*(\d+)'
                        r'[ \t\f\v]*\])?(?![A-Za-z0-9_])|"' + _STRING_BODY + r'"|(#.*))')
_PREVIOUS_LINE = re.compile(r'[ \t]*(?:(msgctxt|msgid_plural|msgid)[ \t]*)?"' + _STRING_BODY
                            + r'"[ \t]*\Z')
#: GNU's escapes (po-lex.c, control_sequence): octal takes up to three digits, hex every
#: hex digit that follows; either gives the low byte of its value. Anything else after a
#: backslash (``\\'``, ``\\?``, ``\\u``, a lone ``\\x``...) is an invalid control sequence.
_ESCAPE = re.compile(r'\\(?:([abfnrtv\\"])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.?))')
_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
                   "v": "\v", "\\": "\\", '"': '"'}
#: An escaped byte above ASCII is held as the lone surrogate ``surrogateescape`` maps it
#: to until the whole string is known, then decoded as UTF-8 with its neighbours.
_RAW_BYTE = 0xDC00
_ESCAPE_HINT = ("write the character itself or a valid escape (\\n, \\t, \\\", \\\\), then run "
                "pipeline sync again")
_BYTES_HINT = ("octal and hex escapes stand for the bytes of UTF-8 characters (\\303\\251 is "
               "é): write the characters themselves or escapes that form whole UTF-8 "
               "characters, then run pipeline sync again")
_CONFLICT_MARKERS = ("<<<<<<<", "|||||||", "=======", ">>>>>>>")
_CONFLICT_LINE = re.compile(r"(?:<{7}|={7}|>{7}|\|{7})(?:[ \t\n]|\Z)")
_MSGCAT_SEPARATOR = re.compile(r"#-#-#-#-#  [^\n]*  #-#-#-#-#")
_CHARSET = re.compile(r"charset=([^\s;\\\"]*)", re.I)
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
#: What separates the flags of a ``#,`` line for GNU gettext (read-catalog-abstract.c):
#: commas and white space, so ``#, fuzzy python-format`` holds two flags, one of them fuzzy.
_FLAG_SEPARATORS = re.compile(r"[ \t\n\r\f\v,]+")

#: The comments the pipeline writes above an entry: after the last entry, its entry is missing.
_ENTRY_COMMENTS = (MT_COMMENT_PREFIX, REVIEWED_COMMENT_PREFIX, MT_REJECTED_PREFIX, PREVIOUS_TRANSLATION_PREFIX)

_AT_START, _AT_CTXT, _AT_ID, _AT_PLURAL, _AT_STR, _AT_STRN = range(6)
_SIMPLE_COMMENTS = frozenset((":", ".", " "))
_PLAIN_KEYWORDS = frozenset(("msgctxt", "msgid", "msgid_plural", "msgstr"))
_STATE_NAMES = {_AT_CTXT: "msgctxt", _AT_ID: "msgid", _AT_PLURAL: "msgid_plural", _AT_STR: "msgstr",
                _AT_STRN: "msgstr[n]"}


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building or writing a big catalogue.

    Tens of thousands of new objects trigger repeated full collections that scan every
    message already built; nothing created here forms reference cycles, so pausing the
    collector halves the time on a 50,000-entry file without leaking anything.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def may_fork() -> bool:
    """Whether forking a helper process is safe and useful: the OS can fork, a second CPU is
    ours, this process runs no other thread (whose locks a fork could copy held), and it is
    not itself a worker of ``pipeline.parallel`` (whose pool already uses the cores)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if cpus < 2:
        return False
    from multiprocessing import parent_process

    return parent_process() is None


def in_fork(task: Callable[[], bytes]) -> Callable[[], bytes | None]:
    """Run ``task`` in a forked copy of this process; the returned function waits for its
    result (None if the copy failed). The copy leaves with ``os._exit``: it runs no cleanup
    of the parent's and writes nothing but its result, through a pipe."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            from pipeline.parallel import die_with_parent

            die_with_parent()  # it holds a copy of the project lock's descriptor
            os.close(read_end)
            data = memoryview(task())
            while data:
                data = data[os.write(write_end, data):]
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def result() -> bytes | None:
        chunks = []
        with os.fdopen(read_end, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
        return b"".join(chunks) if status == 0 else None

    return result


#: Escaped bytes GNU gettext cuts at or refuses: (what the byte is, why it cannot stay).
_REFUSED_ESCAPES = {
    0: ("a NUL byte, where GNU gettext silently cuts the string",
        "a message cannot hold a NUL character"),
    4: ("the context separator EOT, which GNU gettext refuses in strings",
        "EOT separates msgctxt from msgid in compiled catalogues"),
}


def _fail(path: str, line: int, message: str, hint: str = _FIX_HINT) -> CatalogueError:
    return CatalogueError(message, path=path, line=line, hint=hint)


class _Entry:
    """An entry being read; turned into a :class:`Message` when the next one starts."""

    __slots__ = ("first_line", "obsolete", "comments", "auto_comments", "references", "flags",
                 "previous", "previous_last", "msgctxt", "msgid", "msgid_line",
                 "msgid_plural", "msgstr", "forms", "state", "current", "raw")

    def __init__(self, first_line: int) -> None:
        self.first_line = first_line
        self.obsolete: bool | None = None
        self.comments: list[str] = []
        self.auto_comments: list[str] = []
        self.references: list[str] = []
        self.flags: list[str] = []
        self.previous: dict[str, list[str]] | None = None
        self.previous_last: list[str] | None = None
        self.msgctxt: list[str] | None = None
        self.msgid: list[str] | None = None
        self.msgid_line = 0
        self.msgid_plural: list[str] | None = None
        self.msgstr: list[str] | None = None
        self.forms: dict[int, list[str]] | None = None
        self.state = _AT_START
        self.current: list[str] | None = None
        #: (string, piece index, line) of each piece holding escaped non-ASCII bytes.
        self.raw: list[tuple[list[str], int, int]] | None = None


class _Parser:
    """Line-by-line state machine over one PO file; raises on the first problem.

    The loop in :meth:`run` handles the frequent well-formed lines inline (this is what
    keeps a 50,000-entry file fast); anything unusual goes to a method that either
    handles it or explains what is wrong.
    """

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.catalogue = Catalogue()
        self.header_seen = 0
        self.entry: _Entry | None = None
        self.active: list[Message] = []
        self.obsolete: list[Message] = []
        self.seen_active: dict[tuple[str | None, str], int] = {}
        self.seen_obsolete: dict[tuple[str | None, str], int] = {}
        #: Set by :meth:`unescape` when the string it returned holds escaped bytes.
        self.raw_line = 0
        #: Whether the file holds rejection comments, which polib or Babel may have wrapped.
        self.rejections = "# " + MT_REJECTED_PREFIX in text
        #: Whether a memory provenance is broken before its end, as polib or Babel wrap it.
        self.broken_provenance = "mt: translation memory" in text \
            and _BROKEN_PROVENANCE.search(text) is not None
        #: Whether a provenance's source digest (`` source#…``) was wrapped onto a line of its own.
        self.wrapped_digest = _WRAPPED_DIGEST_LINE in text
        #: (strings, keyword, line) of each keyword read token by token (:meth:`free_form`):
        #: its strings may follow on the next lines, but there must be one.
        self.bare: list[tuple[list[str], str, int]] = []

    # ---- driving

    def run(self) -> Catalogue:
        lineno = 0
        for lineno, line in enumerate(self.text.split("\n"), 1):
            if not line:
                continue
            first = line[0]
            if first == '"':
                # Fast path: a plain continuation string of an active entry.
                entry = self.entry
                body = line[1:-1]
                if line[-1] == '"' and len(line) > 1 and '"' not in body and "\\" not in body \
                        and entry is not None and entry.current is not None \
                        and entry.obsolete is False:
                    entry.current.append(body)
                else:
                    self.string_line(line, lineno, False)
            elif first == "#":
                kind = line[1:2]
                entry = self.entry
                if kind in _SIMPLE_COMMENTS and entry is not None and entry.state == _AT_START \
                        and entry.previous is None and line[-1] != "\\":
                    if kind == ":":
                        entry.references.extend(line[2:].split())
                    elif kind == ".":
                        entry.auto_comments.append(line[3:] if line[2:3] == " " else line[2:])
                    else:
                        entry.comments.append(line[2:])
                else:
                    self.comment_line(line, lineno)
            elif first == "m":
                self.keyword_line(line, lineno, False)
            elif not line.strip(_GNU_BLANKS + "\r"):
                continue
            elif first in _GNU_BLANKS:
                self.indented_line(line.lstrip(" \t\f\v"), lineno, False)
            else:
                raise self.garbage(line, lineno)
        self.finish(at_eof=lineno)
        self.catalogue.messages = self.active + self.obsolete
        if _WRAPPED_PREVIOUS_TRANSLATION.search(self.text):
            _rejoin_previous_translations(self.catalogue.messages)
        return self.catalogue

    def indented_line(self, line: str, lineno: int, obsolete: bool) -> None:
        if line.startswith('"'):
            self.string_line(line, lineno, obsolete)
        elif line.startswith("m"):
            self.keyword_line(line, lineno, obsolete)
        elif line.startswith("#"):
            # GNU's lexer skips white space before a ``#`` too: an indented ``#, fuzzy``
            # (or ``#~``, ``#|``) means what it means in the first column.
            self.comment_line(line, lineno)
        else:
            raise self.garbage(line, lineno)

    def garbage(self, line: str, lineno: int) -> CatalogueError:
        word = re.match(r"[A-Za-z_][A-Za-z0-9_\[\]]*", line)
        if word and word.group(0) == "domain":
            return _fail(self.path, lineno, "a 'domain' line: GNU gettext files the entries after it "
                         "under that domain, and a catalogue here holds one article's entries, "
                         "with no domains",
                         hint="delete the domain line (move any entries of another domain to a "
                              "file of their own), then run pipeline sync again")
        if word:
            return _fail(self.path, lineno, f"unknown keyword {word.group(0)!r}")
        invisible = [char for char in line if char.isspace() and char not in _GNU_BLANKS]
        if invisible and not line.strip():
            names = ", ".join(dict.fromkeys(
                f"U+{ord(char):04X} {unicodedata.name(char, 'CONTROL CHARACTER')}" for char in invisible))
            return _fail(self.path, lineno,
                         f"a line holding only an invisible character ({names}), which GNU gettext "
                         "cannot read",
                         hint="delete the line in a text editor (the character does not show), "
                              "then run pipeline sync again")
        return _fail(self.path, lineno,
                     f"unexpected text {_excerpt(line)!r}: expected a comment, a keyword "
                     "(msgctxt, msgid, msgid_plural, msgstr) or a quoted string")

    # ---- comments

    def comment_line(self, line: str, lineno: int) -> None:
        if line.endswith("\\"):
            raise _fail(self.path, lineno,
                        "comment line ends with a backslash, which GNU gettext reads as joining "
                        "it to the next line",
                        hint="remove the backslash at the end of the line (or add a character "
                             "after it), then run pipeline sync again")
        kind = line[1:2]
        if kind == "~":
            self.obsolete_line(line, lineno)
            return
        if kind == "|" and not line[2:].strip(" \t\f\v"):
            return  # a marker with no token after it: nothing, for GNU's lexer too
        entry = self.open_for_comment(lineno)
        if kind == "|":
            self.previous_line(entry, line[2:], lineno, obsolete=False)
            return
        if entry.previous is not None:
            raise _fail(self.path, lineno,
                        "comment after the #| lines: the previous strings (#|) must come last, "
                        "just before msgctxt/msgid")
        if kind == ":":
            entry.references.extend(line[2:].split())
        elif kind == ".":
            entry.auto_comments.append(line[3:] if line[2:3] == " " else line[2:])
        elif kind == "," or kind == "!":  # GNU reads ``#!`` lines as flags too
            entry.flags.extend(_flags(line[2:]))
        elif kind == " ":
            entry.comments.append(line[2:])
        elif kind == "":
            entry.comments.append("")
        else:
            entry.comments.append(line[1:])

    def start_entry(self, lineno: int) -> _Entry:
        """Complete the entry being read, if any, and begin a new one at ``lineno``."""
        if self.entry is not None:
            self.finish()
        entry = self.entry = _Entry(lineno)
        return entry

    def open_for_comment(self, lineno: int) -> _Entry:
        entry = self.entry
        if entry is None or entry.state >= _AT_STR:
            return self.start_entry(lineno)
        if entry.state != _AT_START:
            if self.after_blank_line(lineno):
                raise self.missing_msgstr(entry, lineno)
            raise self.comment_inside(entry, lineno)
        return entry

    def after_blank_line(self, lineno: int) -> bool:
        """Whether a blank line comes just before ``lineno``: every tool separates entries
        with one, so a comment or msgctxt there starts a new entry (only read on errors)."""
        return lineno > 1 and not self.text.split("\n", lineno - 1)[lineno - 2].strip()

    def missing_msgstr(self, entry: _Entry, lineno: int) -> CatalogueError:
        """An entry cut short by the next one: point at the msgid that needs a msgstr, not at
        the next entry's first line, which is where the parser notices."""
        if entry.state == _AT_CTXT:
            line, what, needed = entry.first_line, "msgctxt without msgid", "msgid and msgstr"
        else:
            needed = "msgstr[0], msgstr[1], ..." if entry.state == _AT_PLURAL else "msgstr"
            line, what = entry.msgid_line, f"msgid without {needed}"
        return _fail(self.path, line, f"{what}: the next entry starts on line {lineno}",
                     hint=f"add the missing {needed} (msgstr \"\" when there is no translation "
                          "yet) or delete the unfinished entry, then run pipeline sync again")

    def comment_inside(self, entry: _Entry, lineno: int) -> CatalogueError:
        return _fail(self.path, lineno,
                     f"comment inside an entry (after {_STATE_NAMES[entry.state]}): "
                     "comments must come before msgctxt/msgid")

    def previous_line(self, entry: _Entry, rest: str, lineno: int, obsolete: bool) -> None:
        """A ``#|`` (or ``#~|``) line; GNU's order is msgctxt, msgid, msgid_plural."""
        match = _PREVIOUS_LINE.match(rest)
        if match is None:
            if self.free_form_previous(entry, rest, lineno, obsolete):
                return
            raise self.bad_string(rest, lineno, "#| line")
        self.check_obsolete(entry, obsolete, lineno)
        keyword, body = match.group(1), self.unescape(match.group(2), lineno)
        if keyword is None:
            if entry.previous_last is None:
                raise _fail(self.path, lineno,
                            "string continuation in #| without a previous keyword")
            entry.previous_last.append(body)
            if self.raw_line:
                self.keep_raw(entry, entry.previous_last)
            return
        previous = entry.previous if entry.previous is not None else {}
        if keyword in previous:
            raise _fail(self.path, lineno, f"duplicate #| {keyword} in one entry")
        allowed = {"msgctxt": not previous, "msgid": "msgid_plural" not in previous,
                   "msgid_plural": "msgid" in previous}
        if not allowed[keyword]:
            raise _fail(self.path, lineno,
                        f"#| {keyword} out of order: the previous strings go #| msgctxt, "
                        "#| msgid, #| msgid_plural")
        entry.previous = previous
        entry.previous_last = previous[keyword] = [body]
        if self.raw_line:
            self.keep_raw(entry, entry.previous_last)

    def obsolete_line(self, line: str, lineno: int) -> None:
        rest = line[2:]
        if rest.startswith("|") and not rest[1:].strip(" \t\f\v"):
            return  # ``#~|`` and nothing after it
        if rest.startswith("|"):
            self.previous_line(self.open_for_comment(lineno), rest[1:], lineno, obsolete=True)
            return
        rest = rest.lstrip(" \t")
        if not rest:
            return
        if rest.startswith("#|"):
            self.obsolete_line("#~" + rest[1:], lineno)
        elif rest.startswith("#"):
            # GNU's lexer drops ``#~`` and reads on: ``#~ #, fuzzy`` is a flag line and
            # ``#~ # note`` a comment, of the obsolete entry they precede, as some tools
            # write them (msgcat writes them back as ``#, fuzzy`` and ``# note``).
            self.comment_line(rest, lineno)
        elif rest.startswith('"'):
            self.string_line(rest, lineno, True)
        elif rest.startswith("m"):
            self.keyword_line(rest, lineno, True)
        else:
            raise _fail(self.path, lineno,
                        f"unexpected text after #~: {_excerpt(rest)!r}")

    # ---- keywords and strings

    def keyword_line(self, line: str, lineno: int, obsolete: bool) -> None:
        quote = line.find(' "')
        keyword = line[:quote]
        body = line[quote + 2:-1]
        if quote > 0 and keyword in _PLAIN_KEYWORDS and line[-1] == '"' \
                and len(line) > quote + 2 and '"' not in body and "\\" not in body:
            index = None  # the usual ``msgid "text"``, checked without the regex
        else:
            match = _KEYWORD_LINE.match(line)
            if match is None:
                if self.free_form(line, lineno, obsolete):
                    return
                raise self.bad_keyword_line(line, lineno)
            keyword, index, body = match.groups()
        pieces = [self.unescape(body, lineno) if "\\" in body else body]
        entry = self.entry
        if keyword == "msgid" or keyword == "msgctxt":
            if entry is None or entry.state >= _AT_STR:
                entry = self.start_entry(lineno)
        elif entry is None or entry.state <= _AT_CTXT:
            raise _fail(self.path, lineno, f"{keyword} without a msgid before it")
        if entry.obsolete is not obsolete:
            self.check_obsolete(entry, obsolete, lineno)
        state = entry.state
        if state == _AT_START and entry.previous is not None and "msgid" not in entry.previous:
            raise _fail(self.path, lineno, "#| msgctxt is not followed by #| msgid")
        if keyword == "msgstr":
            if index is None:
                if state != _AT_ID:
                    raise self.misplaced_msgstr(state, lineno)
                entry.msgstr = pieces
                entry.state = _AT_STR
            else:
                self.plural_msgstr(entry, int(index), pieces, lineno)
        elif index is not None:
            raise _fail(self.path, lineno, f"{keyword} cannot have an index [{index}]")
        elif keyword == "msgid":
            if state > _AT_CTXT:
                raise _fail(self.path, lineno,
                            f"msgid on line {entry.msgid_line} has no msgstr "
                            "(a new msgid starts before it)")
            entry.msgid = pieces
            entry.msgid_line = lineno
            entry.state = _AT_ID
        elif keyword == "msgctxt":
            if state != _AT_START:
                if self.after_blank_line(lineno):
                    raise self.missing_msgstr(entry, lineno)
                why = "two msgctxt lines in one entry" if state == _AT_CTXT \
                    else "msgctxt after msgid: msgctxt must come first"
                raise _fail(self.path, lineno, why)
            entry.msgctxt = pieces
            entry.state = _AT_CTXT
        else:
            if state != _AT_ID:
                raise _fail(self.path, lineno, "msgid_plural must follow msgid directly")
            entry.msgid_plural = pieces
            entry.state = _AT_PLURAL
        entry.current = pieces
        if self.raw_line:
            self.keep_raw(entry, pieces)

    def free_form(self, line: str, lineno: int, obsolete: bool) -> bool:
        """Read a line holding several tokens, or a keyword whose string is on the next line,
        as the one-token lines it stands for: GNU's lexer reads tokens, not lines, so
        msgfmt accepts it. False when the line holds anything else (the caller explains)."""
        tokens = _gnu_tokens(line)
        if tokens is None:
            return False
        for keyword, index, body, comment in tokens:
            if comment is not None:
                entry = self.entry
                if entry is not None and _AT_START < entry.state < _AT_STR:
                    raise self.comment_inside(entry, lineno)
                self.comment_line(comment, lineno)
            elif keyword is not None:
                name = keyword if index is None else f"{keyword}[{index}]"
                self.keyword_line(name + ' ""', lineno, obsolete)
                self.take_bare(name, lineno)
            else:
                self.string_line(f'"{body}"', lineno, obsolete)
        return True

    def free_form_previous(self, entry: _Entry, rest: str, lineno: int, obsolete: bool) -> bool:
        """:meth:`free_form` for a ``#|`` line: keywords without index and strings only."""
        tokens = _gnu_tokens(rest)
        if tokens is None or any(index is not None or comment is not None
                                 for _, index, _, comment in tokens):
            return False
        for keyword, _, body, _ in tokens:
            if keyword is not None:
                self.previous_line(entry, keyword + ' ""', lineno, obsolete)
                assert entry.previous_last is not None
                entry.previous_last.pop()
                self.bare.append((entry.previous_last, "#| " + keyword, lineno))
            else:
                self.previous_line(entry, f'"{body}"', lineno, obsolete)
        return True

    def take_bare(self, name: str, lineno: int) -> None:
        """Empty the string a keyword read by :meth:`free_form` was given, to be filled by
        the strings that follow it, and remember to check that one does."""
        entry = self.entry
        assert entry is not None and entry.current is not None
        entry.current.pop()
        self.bare.append((entry.current, name, lineno))

    def check_bare(self) -> None:
        """Refuse a keyword read token by token that no string followed (GNU refuses it)."""
        for strings, name, lineno in self.bare:
            if not strings:
                raise _fail(self.path, lineno, f"{name} without a string after it",
                            hint=f'add the string in double quotes after {name} ("" when it '
                                 "is empty), then run pipeline sync again")
        self.bare.clear()

    def misplaced_msgstr(self, state: int, lineno: int) -> CatalogueError:
        if state >= _AT_STR and self.after_blank_line(lineno):
            # The entry above is complete: this msgstr starts an entry with no msgid.
            return _fail(self.path, lineno, "msgstr without a msgid before it (the entry above "
                         "is complete; msgid must come before msgstr)")
        if state == _AT_PLURAL:
            return _fail(self.path, lineno,
                         "msgid_plural needs msgstr[0], msgstr[1], ... instead of msgstr")
        if state == _AT_STRN:
            return _fail(self.path, lineno, "plain msgstr after msgstr[n]")
        return _fail(self.path, lineno, "two msgstr lines in one entry")

    def plural_msgstr(self, entry: _Entry, index: int, pieces: list[str], lineno: int) -> None:
        if entry.state == _AT_ID:
            raise _fail(self.path, lineno, f"msgstr[{index}] without msgid_plural")
        if entry.state == _AT_STR:
            raise _fail(self.path, lineno, f"msgstr[{index}] after a plain msgstr")
        if entry.forms is None:
            entry.forms = {}
        expected = len(entry.forms)
        if index != expected:
            raise _fail(self.path, lineno,
                        f"plural forms must be numbered 0, 1, 2, ... in order: expected "
                        f"msgstr[{expected}], found msgstr[{index}]")
        entry.forms[index] = pieces
        entry.state = _AT_STRN

    def string_line(self, line: str, lineno: int, obsolete: bool) -> None:
        match = _STRING_LINE.match(line)
        if match is None:
            if self.free_form(line, lineno, obsolete):
                return
            raise self.bad_string(line, lineno, "string")
        entry = self.entry
        if entry is None or entry.current is None or entry.state == _AT_START:
            raise _fail(self.path, lineno, "string without a keyword (msgid, msgstr...) before it")
        self.check_obsolete(entry, obsolete, lineno)
        entry.current.append(self.unescape(match.group(1), lineno))
        if self.raw_line:
            self.keep_raw(entry, entry.current)

    def check_obsolete(self, entry: _Entry, obsolete: bool, lineno: int) -> None:
        """Fix an entry's obsolete status at its first keyword; refuse a mixed entry."""
        if entry.obsolete is None:
            entry.obsolete = obsolete
        elif entry.obsolete != obsolete:
            which = "this line lacks the #~ of the obsolete entry it belongs to" \
                if entry.obsolete else "an active entry continues with an obsolete (#~) line"
            raise _fail(self.path, lineno, f"inconsistent use of #~: {which}")

    def unescape(self, body: str, lineno: int) -> str:
        """The text of a string's body. ``\\n``, ``\\"``, ``\\t`` and ``\\\\`` are decoded with
        str.replace; any other escape takes the regex route (:meth:`unescape_rare`)."""
        if "\\" not in body:
            return body
        if "\\\\" not in body:
            # No backslash follows another, so each one starts an escape and replacing
            # one escape cannot create another: replace() decodes exactly, and a backslash
            # left over starts a rarer escape.
            text = body.replace("\\n", "\n").replace('\\"', '"').replace("\\t", "\t")
            return text if "\\" not in text else self.unescape_rare(body, lineno)
        # Split at the escaped backslashes (str.split pairs them from the left, as the
        # lexer does) and decode the parts as above; each part may hold no backslash after.
        parts = [part.replace("\\n", "\n").replace('\\"', '"').replace("\\t", "\t")
                 for part in body.split("\\\\")]
        if any("\\" in part for part in parts):
            return self.unescape_rare(body, lineno)
        return "\\".join(parts)

    def unescape_rare(self, body: str, lineno: int) -> str:
        """Decode every GNU escape; an escaped byte above ASCII is kept as a lone surrogate
        (see :meth:`decode_raw`) and ``raw_line`` is set so the caller records the piece."""

        def replace(match: re.Match[str]) -> str:
            simple, octal, hexa, bad = match.groups()
            if simple is not None:
                return _SIMPLE_ESCAPES[simple]
            if bad is not None:
                raise _fail(self.path, lineno,
                            f"invalid escape sequence {match.group(0)} in string (GNU "
                            "gettext refuses it too)", hint=_ESCAPE_HINT)
            # GNU keeps the low byte of the value (a C char): \777 is 0xFF, \x4142 is 0x42.
            value = int(octal, 8) & 0xFF if octal is not None else int(hexa[-2:], 16)
            if value >= 0x80:
                self.raw_line = lineno
                return chr(_RAW_BYTE + value)
            if value in _REFUSED_ESCAPES:
                what, why = _REFUSED_ESCAPES[value]
                raise _fail(self.path, lineno, f"escape sequence {match.group(0)} in string is {what}",
                            hint=f"delete the escape ({why}), then run pipeline sync again")
            return chr(value)

        return _ESCAPE.sub(replace, body)

    def keep_raw(self, entry: _Entry, pieces: list[str]) -> None:
        """Note that the last piece of ``pieces`` holds escaped bytes, to be decoded when the
        entry is complete (a UTF-8 character may continue on the next line)."""
        if entry.raw is None:
            entry.raw = []
        entry.raw.append((pieces, len(pieces) - 1, self.raw_line))
        self.raw_line = 0

    def decode_raw(self, entry: _Entry) -> None:
        """Decode each string holding escaped bytes as UTF-8, in place, as one piece."""
        assert entry.raw is not None
        done: set[int] = set()
        for pieces, _, _ in entry.raw:
            if id(pieces) in done:
                continue
            done.add(id(pieces))
            chunks = [piece.encode("utf-8", "surrogateescape") for piece in pieces]
            data = b"".join(chunks)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise self.bad_bytes(entry, pieces, chunks, exc) from None
            pieces[:] = [text]

    def bad_bytes(self, entry: _Entry, pieces: list[str], chunks: list[bytes],
                  exc: UnicodeDecodeError) -> CatalogueError:
        """The line whose escapes start the invalid UTF-8 sequence, and the usual hints."""
        assert entry.raw is not None
        lines = {index: line for owner, index, line in entry.raw if owner is pieces}
        end = 0
        lineno = max(lines.values())
        for index, chunk in enumerate(chunks):
            end += len(chunk)
            if exc.start < end:
                lineno = lines.get(index, lineno)
                break
        byte = exc.object[exc.start]
        message = f"escape sequences in string give invalid UTF-8 (byte 0x{byte:02X})"
        declared = _CHARSET.search(self.catalogue.header_value("Content-Type") or "")
        charset = declared.group(1) if declared else ""
        if charset and charset.lower() not in _ACCEPTED_CHARSETS:
            return _fail(self.path, lineno, f"{message}; the file declares charset={charset}",
                         hint=f"convert it with: {_msgconv(self.path)} (it is {charset} now), "
                              "then run pipeline sync again")
        return _fail(self.path, lineno, message, hint=_BYTES_HINT)

    # ---- diagnosing a line that does not parse

    def bad_keyword_line(self, line: str, lineno: int) -> CatalogueError:
        word = re.match(r'[A-Za-z_][A-Za-z0-9_]*(?:[ \t]*(\[[^\]"]*\]?))?', line)
        assert word is not None
        keyword = word.group(0)
        base = keyword.split("[", 1)[0].rstrip(" \t")
        if base not in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
            return _fail(self.path, lineno, f"unknown keyword {keyword!r}")
        if word.group(1) and not re.fullmatch(r"\[[ \t]*\d+[ \t]*\]", word.group(1)):
            return _fail(self.path, lineno, f"invalid plural index in {keyword!r}: "
                         "expected msgstr[0], msgstr[1], ...")
        rest = line[word.end():].lstrip(" \t")
        if not rest:
            return _fail(self.path, lineno, f"{keyword} without a string on the same line")
        if not rest.startswith('"'):
            return _fail(self.path, lineno,
                         f"unquoted string after {keyword}: {_excerpt(rest)!r} "
                         "(strings must be in double quotes)")
        return self.bad_string(rest, lineno, keyword)

    def bad_string(self, text: str, lineno: int, what: str) -> CatalogueError:
        if "\r" in text:
            return _fail(self.path, lineno,
                         "carriage return (CR) inside a line: the file mixes line endings",
                         hint="re-save the file with one kind of line ending (Poedit does "
                              "it), then run pipeline sync again")
        stripped = text.lstrip(" \t")
        if not stripped.startswith('"'):
            return _fail(self.path, lineno,
                         f"unquoted text in {what}: {_excerpt(stripped)!r} "
                         "(strings must be in double quotes)")
        end = re.match(r'"' + _STRING_BODY + '"', stripped)
        if end is None:
            if not self.text.endswith("\n") and lineno == self.text.count("\n") + 1:
                return _fail(self.path, lineno, "the file ends inside a string: it looks cut "
                             "off (an interrupted save, copy or download)", hint=_TRUNCATED_HINT)
            return _fail(self.path, lineno, f"unterminated string in {what}: missing closing quote")
        after = stripped[end.end():].strip()
        return _fail(self.path, lineno,
                     f"text after the closing quote in {what}: {_excerpt(after)!r} "
                     "(one quoted string per line; escape inner quotes as \\\")")

    # ---- completing entries

    def finish(self, at_eof: int = 0) -> None:
        entry, self.entry = self.entry, None
        if entry is None:
            return
        if self.bare:
            self.check_bare()
        if entry.state == _AT_START:
            if at_eof:
                self.take_trailing(entry)
            return
        if entry.state in (_AT_CTXT, _AT_ID, _AT_PLURAL):
            where = "at the end of the file" if at_eof else "before the next entry"
            hint = _TRUNCATED_HINT if at_eof else _FIX_HINT
            if entry.state == _AT_CTXT:
                raise _fail(self.path, entry.first_line, f"msgctxt without msgid {where}", hint)
            if entry.state == _AT_PLURAL:
                raise _fail(self.path, entry.msgid_line,
                            f"msgid_plural without msgstr[0], msgstr[1], ... {where} "
                            "(truncated entry?)", hint)
            raise _fail(self.path, entry.msgid_line, f"msgid without msgstr {where} "
                        "(truncated entry?)", hint)
        if self.rejections and any(c.startswith(MT_REJECTED_PREFIX) and not c.endswith(")")
                                   for c in entry.comments):
            entry.comments = _rejoin_rejections(entry.comments)
        if self.broken_provenance and len(entry.comments) > 1:
            entry.comments = _rejoin_provenance(entry.comments)
        if self.wrapped_digest and len(entry.comments) > 1:
            entry.comments = _rejoin_digest(entry.comments)
        if entry.raw is not None:
            self.decode_raw(entry)
        message = self.build(entry)
        if message.msgid == "" and message.msgctxt is None and not message.obsolete:
            self.take_header(entry, message)
            return
        if ("\n" in message.msgstr or message.msgstr_plural) and not message.obsolete and not message.fuzzy:
            self.check_pasted_header_line(message)
        seen = self.seen_obsolete if message.obsolete else self.seen_active
        first = seen.setdefault(message.key, message.lineno)
        if first != message.lineno:
            raise self.duplicate(message, first)
        (self.obsolete if message.obsolete else self.active).append(message)

    def take_trailing(self, entry: _Entry) -> None:
        """Keep translator comments after the last entry as written (GNU drops them). Other
        comments there (``#.``, ``#:``, ``#,``, ``#|``) begin an entry that is not there:
        most likely the file was cut off, which must not pass unnoticed."""
        lines = self.text.split("\n")[entry.first_line - 1:]
        while lines and not lines[-1].strip():
            lines.pop()
        for offset, line in enumerate(lines):
            stripped = line.lstrip(" \t\f\v")
            if stripped and stripped[1:2] not in ("", " ", "\t"):
                raise _fail(self.path, entry.first_line + offset,
                            f"{_excerpt(stripped)!r} after the last entry, without the "
                            "entry it belongs to: the file looks cut off",
                            hint="restore it from version control (git checkout -- FILE), or "
                                 "delete these lines if no entry is missing, then run "
                                 "pipeline sync again")
        cut = self.cut_in_trailing_comments(lines, entry.first_line)
        if cut is not None:
            raise _fail(self.path, *cut)
        self.catalogue.trailing_comments = lines

    def cut_in_trailing_comments(self, lines: list[str], first_line: int) -> tuple[int, str, str] | None:
        """Where, why and what to do when translator comments after the last entry look like a file cut off
        inside an entry's comments, or None. A cut there leaves a valid file that lost every
        entry after it (all of them, when it falls in the header's comments), which the next
        sync would fill again by machine: the comments the pipeline writes above an entry
        (``mt: …``, ``previous translation: …``) with no entry below, a last line ending
        without a line break (every tool ends a catalogue with one), and a file of nothing
        but comments (what a cut in the header's comments leaves) are refused as cut off."""
        last = first_line + len(lines) - 1
        if not self.header_seen and not self.active and not self.obsolete:
            return (last, "the file holds nothing but comments, no header and no entry: it looks cut off",
                    _EMPTY_HINT)
        for offset, line in enumerate(lines):
            if line.lstrip(" \t\f\v")[2:].startswith(_ENTRY_COMMENTS):
                return (first_line + offset, f"{_excerpt(line.strip())!r} after the last entry, "
                        "without the entry the pipeline wrote it for: the file looks cut off", _TRUNCATED_HINT)
        if lines and not self.text.endswith("\n"):
            return (last, "the last line, a comment after the last entry, ends without a line break: "
                    "the file looks cut off", _TRUNCATED_HINT)
        return None

    def build(self, entry: _Entry) -> Message:
        previous = entry.previous
        if previous is not None:
            prev_ctxt, prev_id, prev_plural = (
                "".join(previous[k]) if k in previous else None
                for k in ("msgctxt", "msgid", "msgid_plural"))
        else:
            prev_ctxt = prev_id = prev_plural = None
        assert entry.msgid is not None
        return Message(
            msgid="".join(entry.msgid),
            msgstr="".join(entry.msgstr) if entry.msgstr is not None else "",
            msgctxt="".join(entry.msgctxt) if entry.msgctxt is not None else None,
            msgid_plural="".join(entry.msgid_plural) if entry.msgid_plural is not None else None,
            msgstr_plural={i: "".join(p) for i, p in entry.forms.items()} if entry.forms else {},
            flags=entry.flags,
            references=entry.references,
            auto_comments=entry.auto_comments,
            comments=entry.comments,
            previous_msgctxt=prev_ctxt,
            previous_msgid=prev_id,
            previous_msgid_plural=prev_plural,
            obsolete=bool(entry.obsolete),
            lineno=entry.msgid_line,
        )

    def line_containing(self, needle: str, start: int) -> int:
        """The first line from ``start`` on that contains ``needle`` (else ``start``)."""
        for offset, line in enumerate(self.text.split("\n")[start - 1:]):
            if needle in line:
                return start + offset
        return start

    def duplicate(self, message: Message, first: int) -> CatalogueError:
        kind = "obsolete entry" if message.obsolete else "entry"
        context = f" with msgctxt {_quote(_excerpt(message.msgctxt))}" \
            if message.msgctxt is not None else ""
        return _fail(self.path, message.lineno,
                     f"duplicate {kind}: msgid {_quote(_excerpt(message.msgid))}{context} "
                     f"appears on lines {first} and {message.lineno}",
                     hint="delete or merge one of the two entries (msguniq --use-first can do "
                          "it), then run pipeline sync again")

    def check_header_line_ends(self, msgid_line: int) -> None:
        """Refuse a header string ending without ``\\n`` when the next one starts a field.

        GNU gettext joins the two (``"Language: ru"`` + ``"Content-Type: ..."`` is one field,
        Language = ``ruContent-Type: ...``), so the second field would vanish without a word.
        A value wrapped over lines (msgcat's layout) goes on with text, not ``Name:``.
        """
        lines = self.text.split("\n")
        strings: list[tuple[int, str]] = []
        for lineno in range(msgid_line, len(lines) + 1):
            line = lines[lineno - 1]
            match = _KEYWORD_LINE.match(line) or _STRING_LINE.match(line)
            if match is None:
                break
            if line.startswith("msgstr"):
                strings = []
            strings.append((lineno, match.group(match.lastindex or 0)))
        for (lineno, body), (_, following) in zip(strings, strings[1:]):
            field = _HEADER_FIELD_START.match(following)
            if body and not _ends_with_newline_escape(body) and field and (
                    field.group(1) in HEADER_ORDER or field.group(1).startswith("X-")):
                raise _fail(self.path, lineno,
                            f"header line {_quote(_excerpt(body))} does not end with \\n, so "
                            f"the {field.group(1)} field on the next line is joined to it",
                            hint="add \\n before the closing quote of this line, then run "
                                 "pipeline sync again")

    def check_pasted_header_line(self, message: Message) -> None:
        """Refuse a header field pasted into a translation (``"Language: ru\\n"`` below a
        msgstr): published, it would end the paragraph as ``…утро.Language: ru``, and
        ``msgfmt --check`` refuses the file (the msgstr ends with ``\\n``, the msgid not).
        Searched in the text, not per line: a rewrite joins the pasted line to the one before
        (``"…утро.Language: ru\\n"``). Only a reviewed entry's (a fuzzy one is neither
        published nor compiled) and only a field a header holds: a standard one, or an ``X-``
        one of this file's header. A field the source text holds too (an article about PO
        headers) is translation."""
        for text in message.translations:
            for field in _PASTED_HEADER_FIELD.finditer(text):
                if f"{field.group(1)}:" not in message.msgid and self.is_header_field(field.group(1), field.group(2)):
                    raise _fail(self.path, self.line_containing(f"{field.group(1)}:", message.lineno),
                                f"header line \"{_excerpt(_escape(field.group(0)))}\" inside the "
                                f"translation of msgid {_quote(_excerpt(message.msgid))}: it "
                                "would be published as part of the text",
                                hint="delete it (header fields belong in the entry with msgid \"\" "
                                     "at the top of the file), then run pipeline sync again")

    def is_header_field(self, name: str, value: str) -> bool:
        """Whether ``name: value`` reads as a PO header's field rather than a line of text:
        ``Language`` only with a language code (``Language: Russian`` is text)."""
        if name.startswith("X-"):
            return any(field == name for field, _ in self.catalogue.header)
        return name != "Language" or _LANGUAGE_CODE.fullmatch(value) is not None

    def take_header(self, entry: _Entry, message: Message) -> None:
        self.header_seen += 1
        if self.header_seen > 1:
            raise _fail(self.path, message.lineno,
                        "second header entry (msgid \"\" without msgctxt)",
                        hint="keep one header entry, then run pipeline sync again")
        if message.msgid_plural is not None:
            raise _fail(self.path, message.lineno, "the header entry cannot have msgid_plural")
        if message.auto_comments or message.references or entry.previous:
            raise _fail(self.path, entry.first_line,
                        "the header entry (msgid \"\") cannot carry #. #: or #| comments",
                        hint="delete those comment lines above the header, then run "
                             "pipeline sync again")
        self.check_header_line_ends(message.lineno)
        fields, bad = _parse_header(message.msgstr)
        if bad is not None:
            raise _fail(self.path, self.line_containing(_escape(bad)[:30], message.lineno),
                        f"header line {_quote(_excerpt(bad))} is not \"Name: value\"")
        self.catalogue.header = fields
        self.catalogue.header_comments = message.comments
        self.catalogue.header_flags = message.flags


#: A header field in a translation, as PO headers write them: a name, its value, a line break.
_PASTED_HEADER_FIELD = re.compile(
    "(" + "|".join(re.escape(name) for name in HEADER_ORDER) + r"|X-[A-Za-z0-9-]+): ([^\n]*)\n")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]+)*(?:@\w+)?")
_HEADER_FIELD_START = re.compile(r"([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*):(?: |\\n|\Z)")


def _flags(text: str) -> list[str]:
    """The flags of a ``#,`` line. As for GNU (read-catalog-abstract.c), ``range:`` takes the
    next word as its value: ``range: 1..5`` is one flag, written back as GNU writes it."""
    words = [word for word in _FLAG_SEPARATORS.split(text) if word]
    flags: list[str] = []
    for word in words:
        if flags and flags[-1] == "range:":
            flags[-1] = f"range: {word}"
        else:
            flags.append(word)
    return flags


def _gnu_tokens(line: str) -> list[tuple[str | None, str | None, str | None, str | None]] | None:
    """The tokens of ``line`` as GNU's lexer reads them (keyword, plural index, string body,
    comment: one of keyword, body and comment set per token), or None when the line holds
    anything else."""
    tokens = []
    position = 0
    while True:
        match = _GNU_TOKEN.match(line, position)
        if match is None:
            return tokens if tokens and not line[position:].strip(" \t\f\v") else None
        tokens.append(match.groups())
        position = match.end()
        if match.group(4) is not None:
            return tokens


def _ends_with_newline_escape(body: str) -> bool:
    """Whether an escaped string ends with the escape ``\\n`` (not with ``\\\\`` then n)."""
    stripped = body[:-1] if body.endswith("n") else ""
    backslashes = len(stripped) - len(stripped.rstrip("\\"))
    return backslashes % 2 == 1


_PIPELINE_COMMENTS = (MT_COMMENT_PREFIX, MT_REJECTED_PREFIX, REVIEWED_COMMENT_PREFIX,
                      PREVIOUS_TRANSLATION_PREFIX)
#: A previous translation followed by a comment line that may be its rest: only a file that
#: holds one is searched entry by entry.
_WRAPPED_PREVIOUS_TRANSLATION = re.compile(
    "\n# " + re.escape(PREVIOUS_TRANSLATION_PREFIX) + "[^\n]*\n# (?!"
    + "|".join(re.escape(prefix) for prefix in _PIPELINE_COMMENTS) + ")[^\n]")


def _rejoin_previous_translations(messages: list[Message]) -> None:
    """Join back each ``previous translation:`` comment polib or Babel wrapped into lines
    (it holds a whole paragraph, longer than any wrap width), or its broken-off lines would
    be read as a translator's comments and carried on. The comment has no end mark, so lines
    are joined (at single spaces) only when that gives a translation the catalogue holds,
    as the old text's obsolete entry does."""
    wrapped = [m for m in messages if any(_may_continue(m.comments, i) for i in range(len(m.comments)))]
    if not wrapped:
        return
    known = {text.replace("\n", " ") for m in messages for text in m.translations}
    for message in wrapped:
        message.comments = _rejoined_previous(message.comments, known)


def _may_continue(comments: list[str], i: int) -> bool:
    """Whether ``comments[i]`` is a previous translation followed by a line that may be its rest."""
    return comments[i].startswith(PREVIOUS_TRANSLATION_PREFIX) and i + 1 < len(comments) \
        and bool(comments[i + 1]) and not comments[i + 1].startswith(_PIPELINE_COMMENTS)


def _rejoined_previous(comments: list[str], known: set[str]) -> list[str]:
    joined: list[str] = []
    i = 0
    while i < len(comments):
        end = i
        if _may_continue(comments, i) and comments[i][len(PREVIOUS_TRANSLATION_PREFIX):] not in known:
            for j in range(i + 1, len(comments)):
                if not comments[j] or comments[j].startswith(_PIPELINE_COMMENTS):
                    break
                if " ".join(comments[i:j + 1])[len(PREVIOUS_TRANSLATION_PREFIX):] in known:
                    end = j
                    break
        joined.append(" ".join(comments[i:end + 1]))
        i = end + 1
    return joined


def _rejoin_rejections(comments: list[str]) -> list[str]:
    """``comments`` with each ``mt rejected: ... (provenance)`` comment that polib or Babel
    wrapped (they wrap long comments; GNU tools never do) joined back into one: a rejection
    not ending with ``)`` takes the next lines up to one that does, at single spaces, as the
    pipeline writes it. Without that, the first line no longer names its provenance (machine
    translation is tried again) and the rest would stay for good as translator comments."""
    joined: list[str] = []
    i = 0
    while i < len(comments):
        comment = comments[i]
        end = _rejection_end(comments, i) if comment.startswith(MT_REJECTED_PREFIX) else None
        if end is None:
            joined.append(comment)
            i += 1
        else:
            joined.append(" ".join(comments[i:end + 1]))
            i = end + 1
    return joined


def _rejection_end(comments: list[str], start: int) -> int | None:
    """The index of the line that ends the wrapped rejection comment at ``start``, if any."""
    if comments[start].endswith(")"):
        return None
    for j in range(start + 1, len(comments)):
        line = comments[j]
        if not line or line.startswith(_PIPELINE_COMMENTS):
            return None
        if line.endswith(")"):
            return j
    return None


#: The head of a translation memory provenance comment, up to its ``(<catalogue>)``.
_PROVENANCE_HEAD = re.compile(r"(?:reviewed )?mt: translation memory(?:, similar text|, also reviewed)?")
_BROKEN_PROVENANCE = re.compile(r"^# " + _PROVENANCE_HEAD.pattern + r"(?: \([^)\n]*)?\n# ", re.M)


def _rejoin_provenance(comments: list[str]) -> list[str]:
    """``comments`` with each memory provenance that polib or Babel wrapped (their comments
    are 76 characters wide; ``mt: translation memory (<catalogue>)`` is longer with a
    realistic slug) joined back: a head with nothing after it takes the ``(…`` line after
    it, and an unclosed ``(`` the lines up to the one that closes it, joined at a space or,
    after a hyphen inside the parenthesis (textwrap breaks there too), at nothing; an
    alternative (``…also reviewed (<catalogue>):``) broken right after its colon takes the
    next line too. Without that, the origin stayed for good as a translator's comment, one
    more with every round. Further lines of a long alternative are left as they are: where
    its text ends and a translator's comment begins cannot be told."""
    joined: list[str] = []
    i = 0
    while i < len(comments):
        comment = comments[i]
        i += 1
        head = _PROVENANCE_HEAD.match(comment)
        if head is not None and (comment[head.end():].startswith(" (") or head.end() == len(comment)):
            while i < len(comments) and ")" not in comment[head.end():]:
                piece = comments[i]
                inside = "(" in comment[head.end():]
                if not piece or piece.startswith(_PIPELINE_COMMENTS) or not (inside or piece.startswith("(")):
                    break
                comment += ("" if inside and comment.endswith("-") else " ") + piece
                i += 1
            if comment.endswith("):") and i < len(comments) and comments[i] \
                    and not comments[i].startswith(_PIPELINE_COMMENTS):
                comment += " " + comments[i]  # an alternative's text begins on the next line
                i += 1
        joined.append(comment)
    return joined


_WRAPPED_DIGEST_LINE = "\n#" + MT_SOURCE_MARK
_DIGEST_LINE = re.compile(MT_SOURCE_MARK.strip() + r"[0-9a-f]{8}")


def _rejoin_digest(comments: list[str]) -> list[str]:
    """``comments`` with a provenance's source digest that polib or Babel wrapped onto a line
    of its own (after a long memory provenance) joined back to it: alone it would read as a
    translator's comment, and the provenance would record no source text."""
    joined: list[str] = []
    for comment in comments:
        if joined and _DIGEST_LINE.fullmatch(comment) and joined[-1].startswith((MT_COMMENT_PREFIX,
                                                                                 REVIEWED_COMMENT_PREFIX)):
            joined[-1] += " " + comment
        else:
            joined.append(comment)
    return joined


def _parse_header(text: str) -> tuple[list[tuple[str, str]], str | None]:
    """The header's ``Name: value`` fields in file order, and the first malformed line."""
    fields: list[tuple[str, str]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        if not colon or not key.strip():
            return fields, line
        fields.append((key.strip(), value[1:] if value.startswith(" ") else value))
    return fields, None


def _excerpt(text: str | None, limit: int = 40) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _line_of(data: bytes | str, offset: int) -> int:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline, 0, offset) + 1  # type: ignore[arg-type]


def _check_bytes(data: bytes, path: str) -> None:
    """Refuse what is not a text PO file before decoding it."""
    if data.startswith((b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")):
        raise _fail(path, 1, "this is a compiled .mo file, not a .po file",
                    hint="point pipeline at the .po source file")
    wide = _wide_encoding(data)
    if wide is not None:
        name = shlex.quote(path)
        raise _fail(path, 1, f"the file is {wide.partition('LE')[0].partition('BE')[0]}, not UTF-8",
                    hint=f"convert it with: iconv -f {wide} -t UTF-8 {name} > {name}.utf8 && mv "
                         f"{name}.utf8 {name} (GNU msgconv cannot read it), then run pipeline sync again")
    nul = data.find(b"\0")
    if nul >= 0:
        raise _fail(path, _line_of(data, nul), "NUL byte in the file (binary or corrupted?)",
                    hint="restore the file from version control or fix it by hand, then run "
                         "pipeline sync again")


def _msgconv(path: str) -> str:
    """The command that converts the catalogue at ``path`` from its declared charset, ready
    to paste (from the project folder, as paths are shown)."""
    name = shlex.quote(path)
    return f"msgconv --to-code=UTF-8 {name} -o {name}"


def _wide_encoding(data: bytes) -> str | None:
    """The name iconv gives the UTF-16 or UTF-32 the file was saved in (an editor's "Unicode"
    choice), or None. Without a byte-order mark a PO file still shows it: it is mostly ASCII,
    so nearly all of the bytes at three of each 4 positions are NUL in UTF-32, and where the
    others stand tells the byte order; for UTF-16 see :func:`utf16_encoding`."""
    for mark, name in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                       (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if data.startswith(mark):
            return name
    head = data[:512]
    if len(head) < 8:
        return None
    nul = [head[i::4].count(0) >= 0.9 * len(head[i::4]) for i in range(4)]
    if nul.count(False) == 1:
        return ("UTF-32LE", None, None, "UTF-32BE")[nul.index(False)]
    return utf16_encoding(data)


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            raise _fail(path, line, "the file ends in the middle of a character: it looks cut "
                        "off (an interrupted save, copy or download)",
                        hint=_TRUNCATED_HINT) from None
        declared = _CHARSET.search(data.decode("ascii", "replace"))
        charset = declared.group(1) if declared else ""
        actual = _other_cyrillic_code_page(data, path, charset)
        if actual:
            name = shlex.quote(path)
            raise _fail(path, line, f"invalid UTF-8 (byte 0x{data[exc.start]:02X}); the file declares "
                        f"charset={charset}, but its letters read as {actual}",
                        hint=f"convert it with: iconv -f {actual} -t UTF-8 {name} > {name}.utf8 && mv "
                             f"{name}.utf8 {name} (check the letters first with: iconv -f {actual} -t UTF-8 "
                             f"{name} | less), then correct the header line to 'Content-Type: text/plain; "
                             "charset=UTF-8' (msgconv would follow the header and garble every letter), "
                             "then run pipeline sync again") from None
        if charset and charset.lower() not in _ACCEPTED_CHARSETS:
            raise _fail(path, line, f"invalid UTF-8 (byte 0x{data[exc.start]:02X}); the file "
                        f"declares charset={charset}",
                        hint=f"convert it with: {_msgconv(path)} (it is {charset} now), then run "
                             "pipeline sync again") from None
        raise _fail(path, line, f"invalid UTF-8 (byte 0x{data[exc.start]:02X})",
                    hint=_legacy_bytes_hint(data, path)) from None


#: The Windows code page a legacy catalogue of each language was most likely saved in.
_CYRILLIC_LANGUAGES = {"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"}
_TURKIC_LATIN_LANGUAGES = {"az", "tr"}
_LANGUAGE_FIELD = re.compile(r'"Language:[ \t]*([A-Za-z]+)')
#: The language folder of a catalogue's path (``locale/ru/LC_MESSAGES/...``).
_LANGUAGE_FOLDER = re.compile(r"([A-Za-z]+(?:[-_][A-Za-z0-9]+)*)/LC_MESSAGES/")


def _legacy_bytes_hint(data: bytes, path: str) -> str:
    """What to do with a file that is not UTF-8 and declares no charset msgconv could follow.

    msgconv refuses a file without a charset in its header (and one declaring UTF-8 or
    CHARSET would be misread), so the hint gives iconv with the likely encoding and the
    file's own path. A file that is partly UTF-8 already is never sent to iconv, which would
    garble those parts: the line with the foreign bytes is to be retyped instead.
    """
    text = data.decode("utf-8", "surrogateescape")
    if any(ord(char) > 0x7F and not 0xDC80 <= ord(char) <= 0xDCFF for char in text):
        return ("the rest of the file is UTF-8: retype the text of this line in Poedit or a "
                "UTF-8 editor (or restore the file from version control), then run pipeline "
                "sync again")
    declared = _LANGUAGE_FIELD.search(text) or _LANGUAGE_FOLDER.search(path)
    encoding = _legacy_encoding(data, re.split("[-_]", declared.group(1))[0].lower() if declared else "")
    name = shlex.quote(path)
    which = (f"if it is {encoding}" if encoding != "ENCODING" else
             "put its encoding in place of ENCODING (CP1251 for Windows Cyrillic, CP1252 for "
             "Western European, CP1254 for Turkish)")
    return (f"the file is in a legacy encoding and declares no charset that msgconv could "
            f"follow; {which}, convert it with: iconv -f {encoding} -t UTF-8 {name} "
            f"> {name}.utf8 && mv {name}.utf8 {name} (check the letters first with: iconv -f "
            f"{encoding} -t UTF-8 {name} | less; for another encoding, put its name in place "
            f"of {encoding}, e.g. KOI8-R, CP1252), then run pipeline sync again")


def _legacy_encoding(data: bytes, language: str) -> str:
    """The likeliest legacy encoding of ``data``: Windows Cyrillic or KOI8-R (whichever
    gives more lower-case Cyrillic letters, as running text has), Turkish, or Western; and
    ``ENCODING`` when the language is unknown, as any guess could garble every letter."""
    if language in _CYRILLIC_LANGUAGES:
        counts = {encoding: sum("а" <= char <= "я" for char in data.decode(encoding, "replace"))
                  for encoding in ("CP1251", "KOI8-R")}
        return max(counts, key=lambda encoding: counts[encoding])
    if not language:
        return "ENCODING"
    return "CP1254" if language in _TURKIC_LATIN_LANGUAGES else "CP1252"


def _other_cyrillic_code_page(data: bytes, path: str, charset: str) -> str | None:
    """The Cyrillic code page (CP1251, KOI8-R) a catalogue of a Cyrillic language is written
    in when its header declares another one (None when it is what the header says, or no
    such guess is safe): running text is mostly lower case, and read through the wrong code
    page its lower-case letters become capitals or other signs. msgconv follows the header,
    so its hint would garble every letter."""
    try:
        declared = codecs.lookup(charset).name if charset else ""
    except LookupError:
        return None
    text = data.decode("ascii", "replace")
    language = _LANGUAGE_FIELD.search(text) or _LANGUAGE_FOLDER.search(path)
    if not declared or not language or re.split("[-_]", language.group(1))[0].lower() not in _CYRILLIC_LANGUAGES:
        return None
    counts = {codecs.lookup(name).name: _running_text_score(data.decode(name, "replace"))
              for name in (charset, "CP1251", "KOI8-R")}
    best = max(counts, key=lambda name: counts[name])
    return best.upper() if best != declared and counts[best] > max(1.5 * counts[declared], 0) else None


def _running_text_score(text: str) -> int:
    """Lower-case Russian letters, less the rarer Cyrillic signs (ђ, ѓ, є, ў …) that a wrong
    code page makes of them."""
    return sum(1 if "а" <= char <= "я" else -1 if "\u0400" <= char <= "\u04ff" and char not in "ёЁ"
               and not "А" <= char <= "я" else 0 for char in text)


#: A line end as a CRLF file converted to CRLF again leaves it (CR CR LF): GNU's lexer reads
#: a CR as white space, so the file is a CRLF one with stray CRs.
_CR_LINE_END = re.compile(r"\r+\n")


def _check_lone_cr_line_ends(text: str, path: str) -> None:
    """A file whose first line ends with a lone carriage return (classic Mac OS) is one long
    line for the parser, which would report it as something else entirely."""
    cr, lf = text.find("\r"), text.find("\n")
    if cr >= 0 and (lf < 0 or cr < lf):
        raise _fail(path, 1, "lines end with a carriage return (CR) alone, as on classic Mac OS",
                    hint="re-save the file with LF or CRLF line endings (Poedit does it), then "
                         "run pipeline sync again")


def _check_merge_debris(text: str, path: str) -> None:
    """Refuse git conflict markers and msgcat's ``#-#-#-#-#`` blocks, quoting both sides."""
    marker = _find_conflict_marker(text)
    if marker is not None:
        line = _line_of(text, marker)
        ours, theirs = _conflict_sides(text.split("\n"), line - 1)
        raise _fail(path, line,
                    f"unresolved git merge conflict (conflict marker {text[marker:marker + 7]!r}): "
                    f"{_quote('ours: ' + ours)} vs {_quote('theirs: ' + theirs)}",
                    hint="resolve the merge: keep the right version of each entry, delete the "
                         "<<<<<<< ======= >>>>>>> marker lines, then run pipeline sync again")
    block = _find_msgcat_block(text)
    if block is not None:
        raise _fail(path, _line_of(text, block),
                    "msgcat conflict block (#-#-#-#-#): two different translations were "
                    "concatenated into one entry",
                    hint="keep one translation and delete the #-#-#-#-# lines (or rerun msgcat "
                         "with --use-first), then run pipeline sync again")


def _find_msgcat_block(text: str) -> int | None:
    """Offset of a ``#-#-#-#-#  file.po (...)  #-#-#-#-#`` separator msgcat writes."""
    offset = text.find("#-#-#-#-#")
    while offset >= 0:
        if _MSGCAT_SEPARATOR.match(text, offset):
            return offset
        offset = text.find("#-#-#-#-#", offset + 1)
    return None


def _find_conflict_marker(text: str) -> int | None:
    """Offset of the first line that is a git conflict marker, or None.

    str.find per marker instead of one multi-line regex: this runs on every file read.
    """
    found: list[int] = []
    for marker in _CONFLICT_MARKERS:
        for start in _lines_starting_with(text, marker):
            if _CONFLICT_LINE.match(text, start):
                found.append(start)
                break
    return min(found, default=None)


def _lines_starting_with(text: str, prefix: str) -> Iterator[int]:
    if text.startswith(prefix):
        yield 0
    offset = text.find("\n" + prefix)
    while offset >= 0:
        yield offset + 1
        offset = text.find("\n" + prefix, offset + 1)


def _conflict_sides(lines: list[str], start: int) -> tuple[str, str]:
    """The first line that differs between the two sides of the conflict at ``start``."""
    ours: list[str] = []
    theirs: list[str] = []
    side: list[str] | None = ours if lines[start].startswith("<<<<<<<") else None
    if lines[start].startswith("======="):
        side = theirs
    for line in lines[start + 1:]:
        if line.startswith("<<<<<<<"):
            break
        if line.startswith("|||||||"):
            side = None
        elif line.startswith("======="):
            side = theirs
        elif line.startswith(">>>>>>>"):
            break
        elif side is not None and line.strip():
            side.append(line.strip())
    for a, b in zip(ours, theirs):
        if a != b:
            return _excerpt(a), _excerpt(b)
    if len(ours) != len(theirs):
        longer = ours if len(ours) > len(theirs) else theirs
        extra = _excerpt(longer[min(len(ours), len(theirs))])
        return (extra, "(nothing)") if longer is ours else ("(nothing)", extra)
    return (_excerpt(ours[0]) if ours else "(nothing)", _excerpt(theirs[0]) if theirs else
            "(nothing)")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _check_charset(catalogue: Catalogue, text: str, path: str) -> None:
    content_type = catalogue.header_value("Content-Type")
    if not content_type:
        return
    match = _CHARSET.search(content_type)
    if match is None or match.group(1).lower() in _ACCEPTED_CHARSETS:
        return
    line = next((i for i, l in enumerate(text.split("\n"), 1) if "Content-Type:" in l), 1)
    if not text.isascii():
        # Text in a legacy charset is almost never valid UTF-8: this file already is UTF-8,
        # and msgconv would read its bytes as the declared charset and garble every letter.
        raise _fail(path, line, f"the file declares charset={match.group(1)}, but its text is "
                    "UTF-8 already", hint="correct the header line to 'Content-Type: text/plain; "
                    "charset=UTF-8' by hand (not with msgconv, which would garble the text), then "
                    "run pipeline sync again")
    raise _fail(path, line, f"the file declares charset={match.group(1)}; only UTF-8 is "
                "supported",
                hint=f"convert it with: {_msgconv(path)} (this also fixes the header), then "
                     "run pipeline sync again")


#: What xgettext writes in a template's header: no rule chosen yet, as if the field were absent.
PLURAL_FORMS_PLACEHOLDER = "nplurals=INTEGER; plural=EXPRESSION;"
#: GNU's own lookup (plural-exp.c): ``nplurals=`` then digits, ``plural=`` up to a ``;``;
#: spaces before ``=`` too, as JavaScript tools write it (``nplurals = 2; plural = (n != 1);``,
#: which msgfmt --check accepts) and as :data:`_NPLURALS` reads it for the plural counts.
_NPLURALS_VALUE = re.compile(r"nplurals\s*=\s*(\d*)")
_PLURAL_EXPRESSION = re.compile(r"(?<!n)plural\s*=([^;]*)")
#: msgfmt --check evaluates the expression for these n (msgl-check.c).
_PLURAL_PROBES = range(1001)


def _check_plural_forms(catalogue: Catalogue, text: str, path: str) -> None:
    """Refuse a Plural-Forms header that no gettext tool can evaluate, at its line.

    msgfmt --check refuses the same values (it tolerates a missing rule only while no entry
    has plural forms); a translator's own valid rule, CLDR's or not, is accepted."""
    value = catalogue.header_value("Plural-Forms")
    if value is None or value.strip() == PLURAL_FORMS_PLACEHOLDER:
        return
    problem = plural_forms_problem(value.strip())
    if problem is None:
        return
    line = next((i for i, l in enumerate(text.split("\n"), 1) if "plural-forms:" in l.lower()), 1)
    raise _fail(path, line, problem, hint=_plural_forms_hint(catalogue.header_value("Language")))


@functools.lru_cache(maxsize=64)
def plural_forms_problem(value: str) -> str | None:
    """What is wrong with a Plural-Forms value, or None (cached: every catalogue of a
    language carries the same one)."""
    count = _NPLURALS_VALUE.search(value)
    if count is None or not count.group(1):
        return f"Plural-Forms {value[:60]!r} has no nplurals=INTEGER (the number of plural forms)"
    nplurals = int(count.group(1))
    if nplurals < 1:
        return f"Plural-Forms says nplurals={nplurals}, but every language has at least one form"
    found = _PLURAL_EXPRESSION.search(value)
    if found is None or not found.group(1).strip():
        return f"Plural-Forms {value[:60]!r} has no plural=EXPRESSION (which form a number takes)"
    expression = found.group(1).strip()
    shown = expression if len(expression) <= 60 else expression[:57] + "..."
    try:
        rule = gettext.c2py(expression)
    except (ValueError, RecursionError):
        return f"invalid plural expression {shown!r} in Plural-Forms"
    for n in _PLURAL_PROBES:
        try:
            form = rule(n)
        except ZeroDivisionError:
            return f"the plural expression {shown!r} divides by zero for n={n}"
        if not 0 <= form < nplurals:
            return (f"the plural expression {shown!r} gives {form} for n={n}, but "
                    f"nplurals={nplurals} allows 0 to {nplurals - 1}")
    return None


def _plural_forms_hint(language: str | None) -> str:
    """Say what to write: CLDR's rule for the catalogue's language where it is known."""
    from .update import plural_forms  # update imports this module

    try:
        rule = plural_forms(language.strip()) if language and language.strip() else None
    except (ValueError, LookupError):
        rule = None
    if rule is None:
        return ("write the rule of the catalogue's language, e.g. 'Plural-Forms: nplurals=2; "
                "plural=(n != 1);' (Poedit: Translation > Properties), then run pipeline sync again")
    return (f"delete the Plural-Forms line, and pipeline sync writes CLDR's rule for "
            f"{language.strip()} ('Plural-Forms: {rule}'); or correct it by hand (Poedit: "
            "Translation > Properties); then run pipeline sync again")


def _check_plural_counts(catalogue: Catalogue, path: str) -> None:
    plural_forms = catalogue.header_value("Plural-Forms")
    match = _NPLURALS.search(plural_forms or "")
    if match is None:
        return
    nplurals = int(match.group(1))
    for message in catalogue.messages:
        if message.msgid_plural is not None and not message.obsolete \
                and len(message.msgstr_plural) != nplurals:
            raise _fail(path, message.lineno,
                        f"entry has {len(message.msgstr_plural)} plural forms but the header "
                        f"says nplurals={nplurals}",
                        hint=_plural_count_hint(catalogue.header_value("Language"), nplurals,
                                                len(message.msgstr_plural)))


def _plural_count_hint(language: str | None, declared: int, found: int) -> str:
    """What to mend when an entry's forms and Plural-Forms disagree. Entries with as many
    forms as the language has (CLDR's count) under a rule with another count (one copied
    from another language's catalogue: Russian's three in an Azerbaijani one) mean the
    header is wrong: adding or removing forms to match it would delete a form a translator
    wrote, or ask for one the language does not have."""
    from .update import plural_forms  # update imports this module

    try:
        rule = plural_forms(language.strip()) if language and language.strip() else None
    except (ValueError, LookupError):
        rule = None
    count = _NPLURALS.search(rule) if rule else None
    if rule is not None and count is not None and int(count.group(1)) == found != declared:
        return (f"the entries have the {found} forms of {language.strip()}: correct the header to "
                f"'Plural-Forms: {rule}' (or delete the line, and pipeline sync writes that one; "
                "Poedit: Translation > Properties), then run pipeline sync again")
    return ("add or remove msgstr[n] lines to match Plural-Forms (Poedit does it when you open "
            "the file), then run pipeline sync again")


def parse_po(data: bytes, path: str = "<po>") -> Catalogue:
    """Parse PO/POT bytes strictly; raise :class:`CatalogueError` on the first problem.

    ``path`` is only used in error messages. Message.lineno is the line of the msgid
    keyword. Obsolete entries come after active ones in ``Catalogue.messages``.
    """
    bom = data.startswith(_BOM)
    if bom:
        data = data[len(_BOM):]
    _check_bytes(data, path)
    try:
        text = _decode(data, path)
        first_newline = text.find("\n")
        crlf = first_newline > 0 and text[first_newline - 1] == "\r"
        if "\r" in text:
            text = _CR_LINE_END.sub("\n", text) if "\r\r" in text else text.replace("\r\n", "\n")
            _check_lone_cr_line_ends(text, path)
        _check_merge_debris(text, path)
        if "\\\n" in text:
            text = _join_continued_lines(text)
        if _OPEN_INDEX_IN_TEXT.search(text):
            text = _join_split_indices(text)
        with gc_paused():
            catalogue = _Parser(text, path).run()
    except CatalogueError:
        _refuse_spreadsheet_export(data, path)
        _refuse_other_format(data, path)
        raise
    catalogue.bom = bom
    catalogue.newline = "\r\n" if crlf else "\n"
    _check_charset(catalogue, text, path)
    _check_plural_forms(catalogue, text, path)
    _check_plural_counts(catalogue, path)
    return catalogue


def _join_lines(text: str, joined: Callable[[list[str], int], tuple[str, int]]) -> str:
    """``text`` with each line replaced by ``joined(lines, i)``: the line with the lines
    after it that it takes in, and the index of the last one taken. Each joined line is
    followed by as many blank lines as it took in, so later lines keep their numbers."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line, last = joined(lines, i)
        out.append(line)
        out.extend([""] * (last - i))
        i = last + 1
    return "\n".join(out)


def _join_continued_lines(text: str) -> str:
    """Drop each backslash at a line end with the line break, as GNU's lexer does before
    reading tokens (po-lex.c, lex_getc), inside strings too: ``"Суда \\`` and ``в 22:00."``
    on the next line are ``"Суда в 22:00."``. A comment line is left as it is: GNU would
    join the next line into the comment, so the parser refuses it."""
    return _join_lines(text, _continued_line)


def _continued_line(lines: list[str], i: int) -> tuple[str, int]:
    line = lines[i]
    if not line.lstrip(" \t\f\v").startswith("#"):
        while line.endswith("\\") and i + 1 < len(lines):
            i += 1
            line = line[:-1] + lines[i]
    return line, i


#: A line ending with ``msgstr`` or an unfinished plural index (``msgstr[``, ``msgstr [0``).
_OPEN_INDEX = re.compile(r"[ \t]*(?:#~[ \t]*)?msgstr(?:[ \t]*\[[ \t]*\d*)?[ \t]*\Z")
_OPEN_INDEX_IN_TEXT = re.compile(r"msgstr(?:[ \t]*\[[ \t]*\d*)?[ \t]*\n")
#: The start of a line that goes on with such an index: ``[``, its number or ``]``.
_INDEX_REST = re.compile(r"[ \t]*(?:#~[ \t]*)?(?=[\[\d\]])")


def _join_split_indices(text: str) -> str:
    """Join ``msgstr`` and a plural index written on the lines after it (``msgstr`` then
    ``[0] "…"``): GNU's lexer reads ``[``, the number and ``]`` as tokens of their own
    (po-lex.c), on any line, so msgfmt accepts it. ``msgstr`` followed by a string on the
    next line is left alone."""
    return _join_lines(text, _split_index_line)


def _split_index_line(lines: list[str], i: int) -> tuple[str, int]:
    line = lines[i]
    while _OPEN_INDEX.match(line):
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        rest = _INDEX_REST.match(lines[j]) if j < len(lines) else None
        if rest is None:
            break
        line = line.rstrip(" \t") + lines[j][rest.end():]
        i = j
    return line, i


#: A line a spreadsheet writes when it saves a .po as CSV: a keyword line quoted, its quotes
#: doubled (``"msgid ""Port"""``), or a header row of columns (``msgid,msgstr``).
_SPREADSHEET_LINE = re.compile(
    rb'^(?:"(?:msgctxt|msgid|msgid_plural|msgstr)(?:\[\d+\])? ""|"?msgid"?[,;\t]"?msgstr)', re.M)


def _refuse_spreadsheet_export(data: bytes, path: str) -> None:
    """Name a catalogue a spreadsheet saved as CSV, which no PO tool can read or repair;
    only looked for once the file has failed to parse, so a good file costs nothing."""
    found = _SPREADSHEET_LINE.search(data)
    if found is None:
        return
    line = _line_of(data, found.start())
    excerpt = data[found.start():data.find(b"\n", found.start())].decode("utf-8", "replace")
    raise _fail(path, line, f"this is a spreadsheet's CSV export, not a PO file: "
                f"{_excerpt(excerpt.rstrip())!r}",
                hint="Excel and other spreadsheets cannot save PO files: restore the file from "
                     "version control (git checkout -- FILE) and edit it in Poedit, Lokalize or "
                     "a text editor, then run pipeline sync again")


#: What else lands where a .po belongs, by how it opens: (pattern, what it is, what to do).
_OTHER_FORMATS = (
    (re.compile(rb"version https://git-lfs\.github\.com/spec/"), "a Git LFS pointer",
     "the catalogues are stored with Git LFS: install it and run git lfs pull"),
    (re.compile(rb"\s*<(?:!doctype html|html)", re.I), "an HTML page",
     "a download or export failed (a login or error page?): download it again, or restore the "
     "file from version control (git checkout -- FILE)"),
    (re.compile(rb"\s*<\?xml"), "an XML file (XLIFF?)",
     "export the catalogue as a .po file, or download it again, or restore it from version "
     "control (git checkout -- FILE)"),
    (re.compile(rb"\s*[{\[]\s*[\"\]{}]"), "a JSON file",
     "a download or export failed (an error message?): download it again, or restore the file "
     "from version control (git checkout -- FILE)"),
)


def _refuse_other_format(data: bytes, path: str) -> None:
    """Name a file of another format in a catalogue's place, which no PO tool can repair;
    only looked for once the file has failed to parse."""
    for pattern, what, hint in _OTHER_FORMATS:
        if pattern.match(data):
            raise _fail(path, 1, f"this is {what}, not a PO file",
                        hint=f"{hint}, then run pipeline sync again")


#: Pauses before reading a catalogue again that could not be read: the first tells a file
#: being saved (it changed meanwhile) from a damaged one; the others wait for the save to end.
_SAVE_PAUSES = (0.02, 0.05, 0.1, 0.2, 0.4)


def read_catalogue(path: Path, display_path: str) -> tuple[Catalogue, str]:
    """Read and parse a catalogue; return it with the sha256 hex digest of its bytes.

    The digest lets the caller refuse to overwrite the file if someone saves it in the
    meantime (see :func:`pipeline.fileio.write_if_changed`). A file that cannot be read as
    a catalogue is read again after a moment: an editor that saves in place (Notepad and
    most plain text editors truncate, then write) leaves it empty or cut off while it
    writes, and what is refused then is a save in progress, not a damaged file, whose
    hint (restore it, or delete it) would throw the save away. A file that holds the same
    bytes on the second read is refused as it is; one that keeps changing is named as being
    saved.
    """
    data = _read_bytes(path, display_path)
    for pause in _SAVE_PAUSES:
        try:
            _check_not_empty(data, display_path)
            return parse_po(data, display_path), hashlib.sha256(data).hexdigest()
        except CatalogueError:
            time.sleep(pause)
            try:
                again = _read_bytes(path, display_path)
            except CatalogueError:
                again = data  # gone or unreadable now: the first read's problem is the one to tell
            if again == data:
                raise
            data = again
    raise CatalogueError("the file is being saved: it kept changing while pipeline read it",
                         path=display_path,
                         hint="let the editor finish saving it (nothing was written to it), then "
                              "run pipeline sync again")


def _read_bytes(path: Path, display_path: str) -> bytes:
    """The file's bytes, or a :class:`CatalogueError` saying why they cannot be read."""
    try:
        refuse_special_file(path)
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise CatalogueError("catalogue not found", path=display_path,
                             hint="check the path, or run pipeline sync to create it") from None
    except IsADirectoryError:
        raise CatalogueError("is a folder, not a catalogue file", path=display_path,
                             hint="remove or rename the folder, then run pipeline sync "
                                  "again") from None
    except OSError as exc:
        raise CatalogueError(f"cannot read the catalogue: {exc.strerror or exc}",
                             path=display_path,
                             hint="check the file's permissions, then run pipeline sync "
                                  "again") from None


def _check_not_empty(data: bytes, path: str) -> None:
    """Refuse a catalogue file with nothing in it. Every catalogue the pipeline writes has a
    header, and a crash or a full disk is what leaves a file empty: read as a catalogue
    without entries, it would be refilled with untranslated entries and its loss missed."""
    if data.removeprefix(_BOM).strip():
        return
    raise _fail(path, 1, "the catalogue file is empty (a crash or a full disk can leave a file so)",
                hint=_EMPTY_HINT)


# --------------------------------------------------------------------------- rendering

def canonical_header(header: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Header fields in canonical order: :data:`HEADER_ORDER`, then the rest by name.

    The sort is stable and case-insensitive, so a file whose fields a tool reordered is
    rewritten once and then stays put.
    """
    rank = {name.lower(): i for i, name in enumerate(HEADER_ORDER)}
    known = len(HEADER_ORDER)
    return sorted(header, key=lambda kv: (rank.get(kv[0].lower(), known),
                                          "" if kv[0].lower() in rank else kv[0].lower()))


def render_po(catalogue: Catalogue) -> bytes:
    """Write a catalogue in GNU gettext's canonical layout (deterministic, idempotent).

    The header entry comes first (its fields in canonical order, one ``"Name: value\\n"``
    line each, a field longer than a line wrapped as GNU wraps it), then the active
    entries, then the obsolete ones, one blank line apart. Comments holding newlines
    become several comment lines; previous msgctxt/msgid_plural are written only with a
    previous msgid (GNU's syntax has no place for them otherwise).
    """
    with gc_paused():
        data = _render_bytes(catalogue)
    if catalogue.trailing_comments:
        data += _render_trailing(catalogue, bool(data))
    return _BOM + data if catalogue.bom else data


def _render_trailing(catalogue: Catalogue, after_entries: bool) -> bytes:
    """The comment lines after the last entry, as they were read, after a blank line."""
    lines = ([""] if after_entries else []) + catalogue.trailing_comments
    return (catalogue.newline.join(lines) + catalogue.newline).encode("utf-8")


#: From this many entries on, a forked copy renders the second half when a core is free.
_FORK_RENDER_FROM = 10_000


def _render_bytes(catalogue: Catalogue) -> bytes:
    """The rendered file. Each entry's lines depend on the entry alone, so a big catalogue
    is rendered in two halves, the second by a forked copy, and the bytes joined; if the
    copy fails, its half is rendered here."""
    lines: list[str] = []
    if catalogue.header or catalogue.header_comments or catalogue.header_flags:
        _render_header(catalogue, lines)
    nplurals = _nplurals(catalogue)
    newline = catalogue.newline
    ordered = [m for m in catalogue.messages if not m.obsolete] + [m for m in catalogue.messages if m.obsolete]
    if len(ordered) < _FORK_RENDER_FROM or not may_fork():
        _render_messages(ordered, nplurals, lines)
        return (newline.join(lines) + newline).encode("utf-8") if lines else b""
    half = len(ordered) // 2

    def second_half() -> bytes:
        rest: list[str] = []
        _render_messages(ordered[half:], nplurals, rest, separated=True)
        return newline.join(rest).encode("utf-8")

    theirs = in_fork(second_half)
    _render_messages(ordered[:half], nplurals, lines)
    first = (newline.join(lines) + newline).encode("utf-8")
    rest = theirs()
    return first + (second_half() if rest is None else rest) + newline.encode("utf-8")


def _render_messages(messages: list[Message], nplurals: int, lines: list[str],
                     separated: bool = False) -> None:
    """Each message's lines, after a blank line unless it is the file's first (``separated``:
    a later part of a file, so every message follows another)."""
    for message in messages:
        if lines or separated:
            lines.append("")
        _render_message(message, lines, nplurals)


def _nplurals(catalogue: Catalogue) -> int:
    match = _NPLURALS.search(catalogue.header_value("Plural-Forms") or "")
    return int(match.group(1)) if match else 2


def _render_header(catalogue: Catalogue, lines: list[str]) -> None:
    _render_comment_lines("#", catalogue.header_comments, lines)
    flags = [f for f in catalogue.header_flags if f]
    if flags:
        lines.append("#, " + ", ".join(flags))
    lines.append('msgid ""')
    value = "".join(f"{key}: {val}\n" for key, val in canonical_header(catalogue.header))
    _string_lines(lines, "", "msgstr", value, True)


def _render_comment_lines(mark: str, comments: list[str], lines: list[str]) -> None:
    """One line per comment; a comment holding newlines becomes several, as in GNU."""
    for comment in comments:
        for part in comment.split("\n"):
            lines.append(f"{mark} {part}" if part else mark)


def _render_message(message: Message, lines: list[str], nplurals: int) -> None:
    if message.comments:
        _render_comment_lines("#", message.comments, lines)
    if message.auto_comments:
        _render_comment_lines("#.", message.auto_comments, lines)
    if message.references:
        _render_references(message.references, lines)
    wrap = True
    directives = None
    if message.flags:
        flags = [f for f in message.flags if f]
        if flags:
            lines.append("#, " + ", ".join(flags))
        wrap = "no-wrap" not in flags
        directives = _directives_for(flags)
    prefix = "#~ " if message.obsolete else ""
    if message.previous_msgid is not None:
        _render_previous(message, lines, wrap, directives)
    if message.msgctxt is not None:
        _string_lines(lines, prefix, "msgctxt", message.msgctxt, wrap, directives)
    _string_lines(lines, prefix, "msgid", message.msgid, wrap, directives)
    if message.msgid_plural is None:
        _string_lines(lines, prefix, "msgstr", message.msgstr, wrap, directives)
        return
    _string_lines(lines, prefix, "msgid_plural", message.msgid_plural, wrap, directives)
    forms = message.msgstr_plural or {i: "" for i in range(nplurals)}
    for index in sorted(forms):
        _string_lines(lines, prefix, f"msgstr[{index}]", forms[index], wrap, directives)


def _render_previous(message: Message, lines: list[str], wrap: bool,
                     directives: re.Pattern[str] | None) -> None:
    """``#|`` lines. GNU's syntax has no previous msgctxt or msgid_plural without a previous
    msgid, so those are only written along with one."""
    prefix = "#~| " if message.obsolete else "#| "
    for name, value in (("msgctxt", message.previous_msgctxt), ("msgid", message.previous_msgid),
                        ("msgid_plural", message.previous_msgid_plural)):
        if value is not None:
            _string_lines(lines, prefix, name, value, wrap, directives)


def _render_references(references: list[str], lines: list[str]) -> None:
    """``#:`` lines as GNU fills them: as many references as fit in the page width.

    GNU counts bytes here, not columns; so do we.
    """
    if len(references) == 1 and len(references[0]) < 60 and references[0].isascii() \
            and references[0].isprintable() and " " not in references[0]:
        lines.append("#: " + references[0])
        return
    line = "#:"
    column = 2
    for reference in (r for ref in references for r in ref.split()):
        width = len(reference.encode("utf-8")) + 1
        if column > 2 and column + width > PAGE_WIDTH:
            lines.append(line)
            line, column = "#:", 2
        line += " " + reference
        column += width
    lines.append(line)


# ---- string escaping and wrapping

_ESCAPES_OUT = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t",
                "\v": "\\v", "\\": "\\\\", '"': '\\"'}
_ESCAPE_TABLE = str.maketrans(_ESCAPES_OUT)
_NO_WRAP_WIDTH = 1 << 30


def _escape(text: str) -> str:
    """Escape as GNU does; other control characters are written raw, as GNU does."""
    if not text.isprintable():
        return text.translate(_ESCAPE_TABLE)
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    return text.replace('"', '\\"') if '"' in text else text


def _simple_form(text: str) -> str | None:
    """``text`` as the regex fast path can read it, or None if it cannot.

    The fast path's regexes know the one-column characters of the simple classes inside
    the exact blocks. Any other character that is one column wide and of a simple class
    (``⟨`` and ``⟩``, most symbols, letters of other scripts) is replaced by a stand-in
    from those blocks with the same class: the slow path sees only classes and widths, so
    it finds the same breaks in both strings, and the caller cuts the original text there.
    Without this, every string holding one such character went to the slow path, which
    dominated rendering a 50,000-entry catalogue (``bench/merge.py``).
    """
    if text.isascii():
        return text if text.isprintable() else None
    for char in set(_NOT_SIMPLE.findall(text)):
        stand_in = _STAND_IN[char]
        if not stand_in:
            return None
        text = text.replace(char, stand_in)
    return text


def _string_lines(out: list[str], prefix: str, name: str, value: str, wrap: bool,
                  directives: re.Pattern[str] | None = None) -> None:
    """Append the lines of ``name "value"`` exactly as GNU gettext's ``wrap()`` writes them
    (:func:`_wrapped_lines`)."""
    out.extend(_wrapped_lines(prefix, name, value, wrap, directives))


@functools.lru_cache(maxsize=4096)
def _wrapped_lines(prefix: str, name: str, value: str, wrap: bool,
                   directives: re.Pattern[str] | None) -> tuple[str, ...]:
    """The lines of ``name "value"`` exactly as GNU gettext's ``wrap()`` writes them;
    cached, as a sync writes each source text into its template and every language's
    catalogue.

    The value is cut after each newline into portions; each portion is broken at
    UAX #14 opportunities so that no line passes the page width (the closing quote
    included). If the first portion does not fit on the keyword line, or more portions
    follow, the keyword gets an empty string and the text starts on the next line.
    ``directives`` matches the format directives (of a ``c-format`` or ``python-format``
    message), inside which GNU never breaks.
    """
    out: list[str] = []
    # Columns are counted after the prefix and the opening quote of a continuation line.
    width = (PAGE_WIDTH if wrap else _NO_WRAP_WIDTH) - 2 - len(prefix)
    room = width - len(name) - 1
    newline = value.find("\n")
    escaped: tuple[str, str | None] | None = None
    if newline < 0 or newline == len(value) - 1:
        text = _escape(value)
        form = _simple_form(text)
        if len(text) <= room and form is not None:
            return (f'{prefix}{name} "{text}"',)
        portions = [value]
        escaped = (text, form)
    else:
        portions = value.split("\n")
        last = portions.pop()
        portions = [portion + "\n" for portion in portions]
        if last:
            portions.append(last)
    holds = _directive_insides(value, directives) if directives is not None else set()
    alone = room if len(portions) == 1 else -1
    keyword = len(out)
    out.append(f'{prefix}{name} ""')
    offset = 0
    for portion in portions:
        kept = _escaped_positions(portion, offset, holds) if holds else []
        offset += len(portion)
        text, breaks = _portion_breaks(portion, width, alone, kept, escaped)
        if breaks is None:
            out[keyword] = f'{prefix}{name} "{text}"'
            return tuple(out)
        start = 0
        for cut in breaks:
            out.append(f'{prefix}"{text[start:cut]}"')
            start = cut
        out.append(f'{prefix}"{text[start:]}"')
    return tuple(out)


def _portion_breaks(portion: str, width: int, room: int, kept: list[int],
                    escaped: tuple[str, str | None] | None = None) -> tuple[str, list[int] | None]:
    """The escaped portion and where its lines start when laid out from column 0.

    ``room`` is the space left on the keyword line for the only portion of a one-portion
    string (negative otherwise). If the portion stays there (GNU inserts no break with
    that start column), the break list is None. ``kept`` are positions that may not
    start a line. ``escaped`` is the portion's ``_escape`` and ``_simple_form``, when the
    caller has them already.
    """
    text, form = escaped if escaped is not None else (_escape(portion), None)
    ends_with_newline = portion.endswith("\n")
    # The regex fast path needs one-column characters of fixed class, and no escaped
    # backslash (whose second half must not become a break by parity).
    keyword_line = room >= 0
    if kept or "\\" in portion:
        form = None
    elif escaped is None:
        form = _simple_form(text)
    if form is not None:
        if keyword_line and (len(form) <= room or not _has_break(form, ends_with_newline)):
            return text, None
        return text, _simple_breaks(form, 0, width, ends_with_newline)
    opportunities, widths = _slow_analysis(text, ends_with_newline)
    for position in kept:
        opportunities[position] = _PROHIBITED
    if keyword_line and not _greedy(opportunities, widths, width - room, width):
        return text, None
    return text, _greedy(opportunities, widths, 0, width)


# Format directives as GNU's format-c.c and format-python.c read them. Group "arg" is the
# argument reference: a number (C's %1$d), a name (Python's %(name)s) or nothing.
_C_DIRECTIVE = re.compile(
    r"%(?:(?P<arg>[1-9][0-9]*)\$)?[-+ #0'I]*"
    r"(?P<width>[1-9][0-9]*|\*(?:[1-9][0-9]*\$)?)?"
    r"(?:\.(?P<precision>[0-9]+|\*(?:[1-9][0-9]*\$)?)?)?(?:hh|h|ll|l|L|q|j|z|Z|t)?"
    r"(?P<conversion>[diouxXeEfFgGaAcsCSpnm%]|<PRI[A-Za-z0-9_]+>)")
_PYTHON_DIRECTIVE = re.compile(
    r"%(?:\((?P<arg>[^()]*(?:\([^()]*\)[^()]*)*)\))?[-+ #0]*(?P<width>\*|[0-9]+)?"
    r"(?:\.(?P<precision>\*|[0-9]+))?[hlL]?(?P<conversion>[diouxXeEfFgGcrs%])")
_FORMAT_DIRECTIVES = {"c-format": _C_DIRECTIVE, "python-format": _PYTHON_DIRECTIVE}


def _directives_for(flags: list[str]) -> re.Pattern[str] | None:
    """The directive syntax GNU applies to a message, from its first format flag."""
    for flag in flags:
        if flag in _FORMAT_DIRECTIVES:
            return _FORMAT_DIRECTIVES[flag]
    return None


def _directive_insides(value: str, directives: re.Pattern[str]) -> set[int]:
    """Positions inside (not at the start of) each valid directive.

    GNU's format parsers stop at the first invalid directive, and a string that refers
    to arguments both by number or name and by position is invalid from the directive
    where the mix appears; directives from there on do not hold line breaks.
    """
    insides: set[int] = set()
    by_reference = by_position = False
    start = value.find("%")
    while start >= 0:
        match = directives.match(value, start)
        if match is None:
            break
        if match.group("conversion") != "%":
            if match.group("arg") is not None:
                by_reference = True
            else:
                by_position = True
        for size in (match.group("width"), match.group("precision")):
            if size and size[0] == "*":
                if size[-1] == "$":
                    by_reference = True
                else:
                    by_position = True
        if by_reference and by_position:
            break
        insides.update(range(start + 1, match.end()))
        start = value.find("%", match.end())
    return insides


def _escaped_positions(portion: str, offset: int, holds: set[int]) -> list[int]:
    """Map positions of the value (``offset`` is the portion's start) into the escaped
    portion: every escaped character before a position shifts it by one."""
    kept: list[int] = []
    shift = 0
    for i, char in enumerate(portion):
        if offset + i in holds:
            kept.append(i + shift)
        if char in _ESCAPES_OUT:
            shift += 1
    return kept


def _has_break(text: str, ends_with_newline: bool) -> bool:
    match = _FIRST_BREAK.search(text)
    return match is not None and not (ends_with_newline and match.end() >= len(text) - 2)


def _simple_breaks(text: str, column: int, width: int, ends_with_newline: bool) -> list[int]:
    """Greedy line filling with one regex search per line (all characters 1 column wide)."""
    size = len(text)
    # The backslash of a final "\n" escape may not start a line.
    stop = size - 2 if ends_with_newline else size
    breaks: list[int] = []
    start = 0
    while True:
        limit = start + width - column
        if size <= limit:
            return breaks
        end = min(limit, stop - 1) + 1
        match = _LAST_BREAK.match(text, start, end) if end > start + 1 else None
        if match is None:
            match = _FIRST_BREAK.search(text, start)
            if match is None or match.end() >= stop:
                return breaks
        start = match.end()
        breaks.append(start)
        column = 0


def _greedy(opportunities: list[int], widths: list[int], column: int, width: int) -> list[int]:
    """Port of libunistring's greedy filler over precomputed opportunities and widths."""
    breaks: list[int] = []
    last_break: int | None = None
    last_column = column
    piece = 0
    for i, kind in enumerate(opportunities):
        if kind and last_break is not None and last_column + piece > width:
            breaks.append(last_break)
            last_column = 0
        if kind == _MANDATORY:
            last_break, last_column, piece = None, 0, 0
            continue
        if kind == _POSSIBLE:
            last_break = i
            last_column += piece
            piece = 0
        piece += widths[i]
    if last_break is not None and last_column + piece > width:
        breaks.append(last_break)
    return breaks


# ---- UAX #14 line-break classes and rules, as in libunistring 1.0 (GNU gettext 0.21)

_CLASS_NAMES = ("WJ GL B2 BA BB HY CL CP EX IN NS OP QU IS NU PO PR SY AL H2 H3 ID JL JV JT "
                "HL RI EB EM OW SP ZW CM ZWJ BK").split()
(_WJ, _GL, _B2, _BA, _BB, _HY, _CL, _CP, _EX, _IN, _NS, _OP, _QU, _IS, _NU, _PO, _PR, _SY,
 _AL, _H2, _H3, _ID, _JL, _JV, _JT, _HL, _RI, _EB, _EM, _OW, _SP, _ZW, _CM, _ZWJ,
 _BK) = range(len(_CLASS_NAMES))
_HL_BA = -1  # Hebrew letter followed by hyphen or break-after (rule LB21a)
_PROHIBITED, _POSSIBLE, _MANDATORY = 0, 1, 2

# Pair table (UAX #14 table 2): row = class before, column = class after;
# D direct break, I break only across spaces, P no break. OW is an East Asian wide OP.
_PAIRS = dict(zip(_CLASS_NAMES, """
PIIIIIPPPIIIIPIIIPIIIIIIIIIIII PIIIIIPPPIIIIPIIIPIIIIIIIIIIII PIPIDIPPPIIDIPDDDPDDDDDDDDDDDD
PDDIDIPPPIIDIPDDDPDDDDDDDDDDDD PIIIIIPPPIIIIPIIIPIIIIIIIIIIII PDDIDIPPPIIDIPIDDPDDDDDDDDDDDD
PIDIDIPPPIPDIPDIIPDDDDDDDDDDDD PIDIDIPPPIIDIPIIIPIDDDDDDIDDDD PIDIDIPPPIIDIPDDDPDDDDDDDDDDDD
PIDIDIPPPIIDIPDDDPDDDDDDDDDDDD PIDIDIPPPIIDIPDDDPDDDDDDDDDDDD PPPPPPPPPPPPPPPPPPPPPPPPPPPPPP
PIIIIIPPPIIPIPIIIPIIIIIIIIIIIP PIDIDIPPPIIDIPIDDPDDDDDDDDDDDD PIDIDIPPPIIIIPIIIPIDDDDDDIDDDD
PIDIDIPPPIIIIPIDDPIDDDDDDIDDDI PIDIDIPPPIIIIPIDDPIIIIIIIIDIII PIDIDIPPPIIDIPIDDPDDDDDDDIDDDD
PIDIDIPPPIIIIPIIIPIDDDDDDIDDDD PIDIDIPPPIIDIPDIDPDDDDDIIDDDDD PIDIDIPPPIIDIPDIDPDDDDDDIDDDDD
PIDIDIPPPIIDIPDIDPDDDDDDDDDDDD PIDIDIPPPIIDIPDIDPDIIDIIDDDDDD PIDIDIPPPIIDIPDIDPDDDDDIIDDDDD
PIDIDIPPPIIDIPDIDPDDDDDDIDDDDD PIDIDIPPPIIIIPIIIPIDDDDDDIDDDD PIDIDIPPPIIDIPDDDPDDDDDDDDIDDD
PIDIDIPPPIIDIPDIDPDDDDDDDDDDID PIDIDIPPPIIDIPDIDPDDDDDDDDDDDD PPPPPPPPPPPPPPPPPPPPPPPPPPPPPP
""".split()))
_TABLE = [[_PAIRS[row][col] for col in range(len(_PAIRS))] for row in _CLASS_NAMES[:_SP]]

# Exact classes for U+0000-06FF, U+10A0-10FF and U+1E00-20CF (everything else in those
# blocks is AL), extracted from libunistring 1.0.
_CLASS_RANGES = """
0000-0008:CM 0009:BA 000A-000D:BK 000E-001F:CM 0020:SP 0021:EX 0022:QU 0024:PR 0025:PO
0027:QU 0028:OP 0029:CP 002B:PR 002C:IS 002D:HY 002E:IS 002F:SY 0030-0039:NU
003A-003B:IS 003F:EX 005B:OP 005C:PR 005D:CP 007B:OP 007C:BA 007D:CL 007F-0084:CM
0085:BK 0086-009F:CM 00A0:GL 00A1:OP 00A2:PO 00A3-00A5:PR 00AB:QU 00AD:BA 00B0:PO
00B1:PR 00B4:BB 00BB:QU 00BF:OP 02C8:BB 02CC:BB 02DF:BB 0300-034E:CM 034F:GL
0350-035B:CM 035C-0362:GL 0363-036F:CM 037E:IS 0483-0489:CM 0589:IS 058A:BA 058F:PR
0591-05BD:CM 05BE:BA 05BF:CM 05C1-05C2:CM 05C4-05C5:CM 05C6:EX 05C7:CM 05D0-05EA:HL
05EF-05F2:HL 0609-060B:PO 060C-060D:IS 0610-061A:CM 061B:EX 061C:CM 061D-061F:EX
064B-065F:CM 0660-0669:NU 066A:PO 066B-066C:NU 0670:CM 06D4:EX 06D6-06DC:CM 06DF-06E4:CM
06E7-06E8:CM 06EA-06ED:CM 06F0-06F9:NU 1FFD:BB 2000-2006:BA 2007:GL 2008-200A:BA 200B:ZW
200C:CM 200D:ZWJ 200E-200F:CM 2010:BA 2011:GL 2012-2013:BA 2014:B2 2018-2019:QU 201A:OP
201B-201D:QU 201E:OP 201F:QU 2024-2026:IN 2027:BA 2028-2029:BK 202A-202E:CM 202F:GL
2030-2037:PO 2039-203A:QU 203C-203D:NS 2044:IS 2045:OP 2046:CL 2047-2049:NS 2056:BA
2058-205B:BA 205D-205F:BA 2060:WJ 2066-206F:CM 207D:OP 207E:CL 208D:OP 208E:CL
20A0-20A6:PR 20A7:PO 20A8-20B5:PR 20B6:PO 20B7-20BA:PR 20BB:PO 20BC-20BD:PR 20BE:PO
20BF:PR 20C0:PO 20C1-20CF:PR 3000:BA 3001-3002:CL 3003-3004:ID 3005:NS 3006-3007:ID
3008:OW 3009:CL 300A:OW 300B:CL 300C:OW 300D:CL 300E:OW 300F:CL 3010:OW 3011:CL
3012-3013:ID 3014:OW 3015:CL 3016:OW 3017:CL 3018:OW 3019:CL 301A:OW 301B:CL 301C:NS
301D:OW 301E-301F:CL 3020-3029:ID 302A-302F:CM 3030-3034:ID 3035:CM 3036-303A:ID
303B-303C:NS 303D-303F:ID
"""
_EXACT_BLOCKS = ((0x0000, 0x06FF), (0x10A0, 0x10FF), (0x1E00, 0x20CF), (0x3000, 0x303F))
# Emoji modifier bases (class EB: no break before a skin-tone modifier).
_EMOJI_BASES = """
261D 26F9 270A-270D 1F385 1F3C2-1F3C4 1F3C7 1F3CA-1F3CC 1F442-1F443 1F446-1F450
1F466-1F478 1F47C 1F481-1F483 1F485-1F487 1F48F 1F491 1F4AA 1F574-1F575 1F57A 1F590
1F595-1F596 1F645-1F647 1F64B-1F64F 1F6A3 1F6B4-1F6B6 1F6C0 1F6CC 1F90C 1F90F 1F918-1F91F
1F926 1F930-1F939 1F93C-1F93E 1F977 1F9B5-1F9B6 1F9B8-1F9B9 1F9BB 1F9CD-1F9CF 1F9D1-1F9DD
1FAC3-1FAC5 1FAF0-1FAF6
"""
# Characters inside the exact blocks that are not one column wide (libunistring's uc_width).
_NOT_ONE_COLUMN = "\u00ad\u034f\u035c-\u0362\u0600-\u0605\u06dd\u2061-\u2064\u3000-\u303f"
# Classes whose rules are plain pair lookups, handled by the regex fast path.
_SIMPLE_CLASSES = (_GL, _B2, _BA, _BB, _HY, _CL, _CP, _EX, _IN, _NS, _OP, _QU, _IS, _NU, _PO,
                   _PR, _SY, _AL)


def _span(text: str) -> tuple[int, int]:
    """``"0300-036F"`` or ``"00A0"`` as an inclusive code point range."""
    low, _, high = text.partition("-")
    return int(low, 16), int(high or low, 16)


def _parse_class_ranges() -> tuple[list[int], list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    classes: list[int] = []
    for item in _CLASS_RANGES.split():
        span, name = item.split(":")
        low, high = _span(span)
        starts.append(low)
        ends.append(high)
        classes.append(_CLASS_NAMES.index(name))
    return starts, ends, classes


_RANGE_STARTS, _RANGE_ENDS, _RANGE_CLASSES = _parse_class_ranges()
_EMOJI_BASE_RANGES = [_span(item) for item in _EMOJI_BASES.split()]


def _char_class(char: str) -> int:
    """UAX #14 class of one character (exact in the blocks above, approximated elsewhere)."""
    code = ord(char)
    if any(low <= code <= high for low, high in _EXACT_BLOCKS):
        i = bisect.bisect_right(_RANGE_STARTS, code) - 1
        return _RANGE_CLASSES[i] if i >= 0 and code <= _RANGE_ENDS[i] else _AL
    return _approximate_class(code, char)


#: Classes of the Halfwidth and Fullwidth Forms block (U+FF00-FFEF) that its general
#: categories do not tell, as libunistring 1.0 has them (read from it with
#: ``u32_possible_linebreaks``); the rest of the block is ID. The pseudo engine brackets
#: every segment in ［…］, so a break before ］ (a closing bracket) was in every such
#: catalogue that msgcat lays out otherwise.
_FULLWIDTH_CLASSES = """
FF01:EX FF04:PR FF05:PO FF08:OW FF09:CL FF0C:CL FF0E:CL FF1A-FF1B:NS FF1F:EX FF3B:OW FF3D:CL
FF5B:OW FF5D:CL FF5F:OW FF60-FF61:CL FF62:OW FF63-FF64:CL FF65:NS FF67-FF70:NS FF9E-FF9F:NS
FFE0:PO FFE1:PR FFE5-FFE6:PR
"""
_FULLWIDTH = {code: _CLASS_NAMES.index(name) for item in _FULLWIDTH_CLASSES.split()
              for span, name in [item.split(":")]
              for code in range(_span(span)[0], _span(span)[1] + 1)}


def _approximate_class(code: int, char: str) -> int:
    if 0xFF00 <= code <= 0xFFDC or 0xFFE0 <= code <= 0xFFE6:
        return _FULLWIDTH.get(code, _ID)
    if 0xAC00 <= code <= 0xD7A3:
        return _H2 if (code - 0xAC00) % 28 == 0 else _H3
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97C:
        return _JL
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return _JV
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return _JT
    if 0x1F1E6 <= code <= 0x1F1FF:
        return _RI
    if 0x1F3FB <= code <= 0x1F3FF:
        return _EM
    if any(low <= code <= high for low, high in _EMOJI_BASE_RANGES):
        return _EB
    if code == 0xFEFF:
        return _WJ
    if 0xFB1D <= code <= 0xFB4F:
        return _HL
    category = unicodedata.category(char)
    if category in ("Mn", "Mc", "Me", "Cc", "Cf"):
        return _CM
    if category == "Nd":
        return _NU
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return _ID
    return _AL


def _char_width(char: str) -> int:
    """Columns a character takes, as libunistring's uc_width (control characters: 0)."""
    code = ord(char)
    category = unicodedata.category(char)
    if category in ("Cc", "Mn", "Me", "Cf") or 0x1160 <= code <= 0x11FF \
            or 0xD7B0 <= code <= 0xD7FF:
        return 0
    if category == "Cn":
        wide = 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF \
            or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFD
        return 2 if wide else 1
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


class _Memo(dict[str, _V]):
    """Per-character cache of a classification function."""

    def __init__(self, function: Callable[[str], _V]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, char: str) -> _V:
        value = self[char] = self.function(char)
        return value


_CLASS_OF: _Memo[int] = _Memo(_char_class)
_WIDTH_OF: _Memo[int] = _Memo(_char_width)


def _slow_analysis(text: str, ends_with_newline: bool) -> tuple[list[int], list[int]]:
    """Break opportunities and widths for any text: the full libunistring algorithm."""
    opportunities = _possible_breaks([_CLASS_OF[c] for c in text])
    for i in _escape_second_halves(text):
        opportunities[i] = _PROHIBITED
    if ends_with_newline:
        opportunities[len(text) - 2] = _PROHIBITED
    widths = [_WIDTH_OF[c] for c in text]
    return opportunities, widths


def _escape_second_halves(text: str) -> list[int]:
    """Indices of the character after each backslash of an escape in escaped text."""
    halves: list[int] = []
    i = text.find("\\")
    while i >= 0:
        halves.append(i + 1)
        i = text.find("\\", i + 2)
    return halves


def _possible_breaks(classes: list[int]) -> list[int]:
    """UAX #14 break opportunities before each character (libunistring's rules)."""
    result = [_PROHIBITED] * len(classes)
    last = previous = _BK
    spaces = False
    regional = 0
    for i, cls in enumerate(classes):
        if cls == _BK:
            result[i] = _MANDATORY
            previous, last, spaces = cls, _BK, False
        else:
            if cls == _SP:
                spaces = True
            elif cls == _ZW:
                last, spaces = _ZW, False
            elif cls in (_CM, _ZWJ):
                if last == _BK:
                    last, spaces = _AL, False
                elif last == _ZW or spaces:
                    result[i] = _POSSIBLE
                    last, spaces = _AL, False
            else:
                result[i] = _pair_break(last, previous, cls, spaces, regional)
                last, spaces = cls, False
            previous = _HL_BA if previous == _HL and cls in (_HY, _BA) else cls
        regional = regional + 1 if cls == _RI else 0
    return result


def _pair_break(last: int, previous: int, cls: int, spaces: bool, regional: int) -> int:
    if last == _BK or previous in (_ZWJ, _HL_BA):
        return _PROHIBITED
    if last == _ZW:
        return _POSSIBLE
    if last == _RI and cls == _RI:
        return _POSSIBLE if spaces or regional % 2 == 0 else _PROHIBITED
    rule = _TABLE[last][cls]
    return _POSSIBLE if rule == "D" or (rule == "I" and spaces) else _PROHIBITED


def _class_intervals(classes: tuple[int, ...] | list[int]) -> list[tuple[int, int]]:
    """Sorted code point intervals of the exact blocks that have one of ``classes``."""
    wanted = set(classes)
    spans = [(start, end) for start, end, cls in zip(_RANGE_STARTS, _RANGE_ENDS, _RANGE_CLASSES)
             if cls in wanted]
    if _AL in wanted:
        spans.extend(_al_gaps())
    return sorted(spans)


def _charset(spans: list[tuple[int, int]]) -> str:
    """The inside of a regex character set matching the given intervals."""
    return "".join(_range(start, end) for start, end in spans)


def _class_set(classes: tuple[int, ...] | list[int]) -> str:
    return _charset(_class_intervals(classes))


def _range(start: int, end: int) -> str:
    low = re.escape(chr(start))
    return low if start == end else f"{low}-{re.escape(chr(end))}"


def _al_gaps() -> list[tuple[int, int]]:
    """The AL characters of the exact blocks: what the range table leaves out."""
    gaps: list[tuple[int, int]] = []
    for low, high in _EXACT_BLOCKS:
        cursor = low
        for start, end in zip(_RANGE_STARTS, _RANGE_ENDS):
            if end < low or start > high:
                continue
            if start > cursor:
                gaps.append((cursor, start - 1))
            cursor = max(cursor, end + 1)
        if cursor <= high:
            gaps.append((cursor, high))
    return gaps


def _complement(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Code points outside the given intervals."""
    result: list[tuple[int, int]] = []
    cursor = 0
    for start, end in sorted(spans):
        if start > cursor:
            result.append((cursor, start - 1))
        cursor = max(cursor, end + 1)
    result.append((cursor, 0x10FFFF))
    return result


def _build_break_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Regexes that find UAX #14 breaks in text made only of "simple" characters.

    A break before Y is direct after X when the pair rule is D, or after X followed by
    spaces when it is D or I. Rows with the same sets are merged into one alternative.
    """
    simple = _class_intervals(list(_SIMPLE_CLASSES) + [_SP])
    not_simple = re.compile(f"[{_charset(_complement(simple))}{_NOT_ONE_COLUMN}]")
    rows: dict[tuple[tuple[int, ...], tuple[int, ...]], list[int]] = {}
    for before in _SIMPLE_CLASSES:
        direct = tuple(c for c in _SIMPLE_CLASSES if _TABLE[before][c] == "D")
        spaced = tuple(c for c in _SIMPLE_CLASSES if _TABLE[before][c] in "DI")
        rows.setdefault((direct, spaced), []).append(before)
    alternatives = []
    for (direct, spaced), befores in rows.items():
        options = []
        if direct:
            options.append(f"(?=[{_class_set(direct)}])")
        if spaced:
            options.append(f" +(?=[{_class_set(spaced)}])")
        if options:
            alternatives.append(f"[{_class_set(befores)}](?:{'|'.join(options)})")
    any_break = "(?:" + "|".join(alternatives) + ")"
    return not_simple, re.compile("(?s).*" + any_break), re.compile(any_break)


_NOT_SIMPLE, _LAST_BREAK, _FIRST_BREAK = _build_break_patterns()


def _class_stand_ins() -> dict[int, str]:
    """For each class of the fast path, one character of it that the fast path's regexes
    know (one column wide, inside the exact blocks) and that is not part of an escape."""
    stand_ins: dict[int, str] = {}
    for cls in (*_SIMPLE_CLASSES, _SP):
        for start, end in _class_intervals([cls]):
            char = next((chr(code) for code in range(start, end + 1)
                         if chr(code) not in '\\"' and _CLASS_OF[chr(code)] == cls
                         and _WIDTH_OF[chr(code)] == 1 and not _NOT_SIMPLE.match(chr(code))), None)
            if char is not None:
                stand_ins[cls] = char
                break
    return stand_ins


_CLASS_STAND_INS = _class_stand_ins()


def _stand_in(char: str) -> str:
    """The fast path's stand-in for ``char`` (same class, one column), or "" if it has none."""
    if _WIDTH_OF[char] != 1:
        return ""
    return _CLASS_STAND_INS.get(_CLASS_OF[char], "")


_STAND_IN: _Memo[str] = _Memo(_stand_in)
