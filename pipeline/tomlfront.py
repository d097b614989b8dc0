"""Hugo's TOML front matter (between ``+++`` lines): where each value is written, and
how a translated string is written back in the source's own quoting.

``tomllib`` reads and validates the block but reports no positions, so a small scanner
walks the (already valid) TOML once and records each value's span and key path; the
values themselves are always tomllib's. A published version is the source with only those
spans replaced, so comments, key order, spacing, dates, arrays and tables stay byte for byte.
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from dataclasses import dataclass
from typing import Any, Callable, NamedTuple

#: The quoting kinds of a TOML string, longest first (``\"\"\"`` before ``"``).
STRING_KINDS = ('"""', "'''", '"', "'")

_SPACE = re.compile(r"[ \t]*")
_SPACE_LINES = re.compile(r"(?:[ \t\n]|#[^\n]*)*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_STRINGS = {
    '"""': re.compile(r'"""(?:[^"\\]|\\[\s\S]|"{1,2}(?!"))*"{3,5}'),
    "'''": re.compile(r"'''(?:[^']|'{1,2}(?!'))*'{3,5}"),
    '"': re.compile(r'"(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"'[^'\n]*'"),
}
#: Any other scalar: a number, a boolean, a date or date-time (whose time may follow a space).
_OTHER = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}[^\s,\]}#]*|[^\s,\]}#]+")
_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")


class TomlValue(NamedTuple):
    """One value of the front matter: its key path (list indices as digits: ``gallery.0.caption``
    is ``("gallery", "0", "caption")``), its span in the TOML text and, for a string, its kind
    (``"``, ``'``, ``\"\"\"``, ``'''``; ``""`` for any other value)."""

    path: tuple[str, ...]
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class TomlFrontMatter:
    """The parsed block: ``data`` as tomllib reads it, every value's place, and where top-level
    keys may be added (after the last top-level key, before the first table)."""

    data: dict[str, Any]
    values: tuple[TomlValue, ...]
    keys_end: int

    def value_at(self, path: tuple[str, ...]) -> Any:
        value: Any = self.data
        for part in path:
            value = value[int(part)] if isinstance(value, list) else value[part]
        return value

    def top_level(self, key: str) -> TomlValue | None:
        return next((v for v in self.values if v.path == (key,)), None)


class TomlSyntaxError(ValueError):
    """Malformed TOML: ``line`` counts from 1 in the TOML text (0: at its end)."""

    def __init__(self, problem: str, line: int) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


@functools.lru_cache(maxsize=16)
def parse(toml_text: str) -> TomlFrontMatter:
    """The front matter read once for all the languages of one article (read only)."""
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _POSITION.search(message)
        line = int(position.group(1)) if position and position.group(1) else 0
        raise TomlSyntaxError(message[:position.start()] if position else message, line) from None
    scanner = _Scanner(toml_text)
    try:
        scanner.run()
    except (AssertionError, AttributeError, IndexError):  # valid TOML this scanner misreads
        raise TomlSyntaxError("TOML this reader cannot follow (please report it with the file)", 1) from None
    front = TomlFrontMatter(data, tuple(scanner.values), scanner.keys_end)
    for value in front.values:  # the scanner follows valid TOML only: tomllib has the last word
        try:
            found = front.value_at(value.path)
        except (KeyError, IndexError, TypeError, ValueError):
            found = None
        if value.kind and not isinstance(found, str):
            raise TomlSyntaxError(f"cannot locate the value of {'.'.join(value.path)}", 0)
    return front


class _Scanner:
    """Walks valid TOML, recording each value's span and key path."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.values: list[TomlValue] = []
        self.table: tuple[str, ...] = ()
        self.arrays: dict[tuple[str, ...], int] = {}  # an array of tables' path → its last index
        self.root_end: int | None = None
        self.has_tables = False

    @property
    def keys_end(self) -> int:
        if self.root_end is not None:
            return self.root_end
        return 0 if self.has_tables else len(self.text)

    def run(self) -> None:
        text = self.text
        while True:
            self.pos = _SPACE_LINES.match(text, self.pos).end()  # type: ignore[union-attr]
            if self.pos >= len(text):
                return
            if text[self.pos] == "[":
                self._header()
            else:
                parts = self._key()
                self._skip_space()
                self.pos += 1  # '='
                self._skip_space()
                self._value(self.table + parts)
                if not self.table and not self.has_tables:
                    line_end = text.find("\n", self.pos)
                    self.root_end = len(text) if line_end < 0 else line_end + 1

    def _skip_space(self) -> None:
        self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def _header(self) -> None:
        self.has_tables = True
        array = self.text.startswith("[[", self.pos)
        self.pos += 2 if array else 1
        self._skip_space()
        parts = self._key()
        self._skip_space()
        self.pos += 2 if array else 1
        if array:
            path = self._resolve(parts[:-1]) + parts[-1:]
            self.arrays[path] = self.arrays.get(path, -1) + 1
            self.table = path + (str(self.arrays[path]),)
        else:
            self.table = self._resolve(parts)

    def _resolve(self, parts: tuple[str, ...]) -> tuple[str, ...]:
        """A header's key path with the current index after each array of tables in it."""
        resolved: tuple[str, ...] = ()
        for part in parts:
            resolved += (part,)
            if resolved in self.arrays:
                resolved += (str(self.arrays[resolved]),)
        return resolved

    def _key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self._skip_space()
            char = self.text[self.pos]
            if char in "\"'":
                match = _STRINGS[char].match(self.text, self.pos)
                assert match is not None
                parts.append(next(iter(tomllib.loads(match.group(0) + " = 0"))))
            else:
                match = _BARE_KEY.match(self.text, self.pos)
                assert match is not None
                parts.append(match.group(0))
            self.pos = match.end()
            self._skip_space()
            if self.text[self.pos:self.pos + 1] != ".":
                return tuple(parts)
            self.pos += 1

    def _items(self, close: str, item: Callable[[], None]) -> None:
        """An array's or inline table's items up to ``close``, each read by ``item``, with
        the commas, spaces, line breaks and comments between them; ends after ``close``."""
        text = self.text
        while True:
            self.pos = _SPACE_LINES.match(text, self.pos).end()  # type: ignore[union-attr]
            if text[self.pos] == close:
                break
            item()
            self.pos = _SPACE_LINES.match(text, self.pos).end()  # type: ignore[union-attr]
            if text[self.pos] == ",":
                self.pos += 1
        self.pos += 1

    def _member(self, path: tuple[str, ...]) -> None:
        """One ``key = value`` of an inline table."""
        parts = self._key()
        self._skip_space()
        self.pos += 1  # '='
        self._skip_space()
        self._value(path + parts)

    def _value(self, path: tuple[str, ...]) -> None:
        text, start = self.text, self.pos
        char = text[start]
        if char in "[{":
            self.pos += 1
            if char == "[":
                index = itertools.count()
                self._items("]", lambda: self._value(path + (str(next(index)),)))
            else:
                self._items("}", lambda: self._member(path))
            self.values.append(TomlValue(path, start, self.pos, ""))
            return
        for kind in STRING_KINDS:
            if text.startswith(kind, start):
                match = _STRINGS[kind].match(text, start)
                assert match is not None
                self.pos = match.end()
                self.values.append(TomlValue(path, start, self.pos, kind))
                return
        match = _OTHER.match(text, start)
        assert match is not None
        self.pos = match.end()
        self.values.append(TomlValue(path, start, self.pos, ""))


# --------------------------------------------------------------------------- writing

_BASIC_ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\", ord("\b"): "\\b", ord("\t"): "\\t", ord("\n"): "\\n",
                  ord("\f"): "\\f", ord("\r"): "\\r", 0x7F: "\\u007F"}
_BASIC_ESCAPES.update({code: f"\\u{code:04X}" for code in range(0x20) if code not in _BASIC_ESCAPES})
#: In a multi-line basic string, line breaks and tabs are written as they are; a quote only
#: where it would close the string (see :func:`render_string`).
_MULTILINE_ESCAPES = {code: text for code, text in _BASIC_ESCAPES.items() if code not in (ord("\n"), ord("\t"),
                                                                                       ord('"'))}
_LITERAL_FORBIDDEN = re.compile(r"[\x00-\x08\x0a-\x1f\x7f']")
_MULTILINE_LITERAL_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]|'''|'\Z")
_CLOSING_QUOTE = re.compile(r'"(?="|\Z)')
#: A line opening with ``+++`` inside a multi-line string would close the front matter
#: (Hugo ends it at the first line opening with the fence): its first ``+`` is escaped.
_FENCE_LINE = re.compile(r"^\+(?=\+\+)", re.M)


def render_string(value: str, kind: str, opening_break: bool = False) -> str:
    """``value`` as a TOML string that reads back as exactly ``value``, in the source's
    ``kind`` of quoting when it can hold it (a literal string cannot hold its own quote or a
    control character: it becomes the basic string of as many lines). ``opening_break``: the
    source's multi-line string opened with a line break (which TOML drops), kept as written."""
    if kind == "'" and not _LITERAL_FORBIDDEN.search(value):
        return f"'{value}'"
    if kind == "'''" and not _MULTILINE_LITERAL_FORBIDDEN.search(value) and not _FENCE_LINE.search(value):
        return "'''" + ("\n" if opening_break or value.startswith("\n") else "") + value + "'''"
    if kind in ('"""', "'''"):
        body = _CLOSING_QUOTE.sub('\\\\"', value.translate(_MULTILINE_ESCAPES))
        body = _FENCE_LINE.sub(r"\\u002B", body)
        return '"""' + ("\n" if opening_break or value.startswith("\n") else "") + body + '"""'
    return '"' + value.translate(_BASIC_ESCAPES) + '"'


def render_value(value: str | bool, kind: str) -> str:
    """A value sync sets (``lang``, ``translation_of``, ``machine_translated``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return render_string(value, kind if kind in STRING_KINDS else '"')


def opens_with_break(toml_text: str, value: TomlValue) -> bool:
    """Whether a multi-line string's opening delimiter is followed by a line break."""
    return value.kind in ('"""', "'''") and toml_text.startswith("\n", value.start + 3)
