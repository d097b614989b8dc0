"""The plain data model at the centre of the pipeline.

Articles and their segments come from :mod:`pipeline.markdown`; catalogue messages
from :mod:`pipeline.catalogue`. Nothing here does I/O, so every stage can be tested
on values built in memory.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import re
from dataclasses import dataclass, field

#: Prefix of the translator comment that records where a machine translation came from.
MT_COMMENT_PREFIX = "mt: "
#: Prefix of the translator comment left when a human accepted a machine translation.
REVIEWED_COMMENT_PREFIX = "reviewed mt: "
#: Prefix of the translator comment that says why an entry was left untranslated by MT.
MT_REJECTED_PREFIX = "mt rejected: "
#: Prefix of the translator comment that keeps a translation which is no longer its entry's own.
PREVIOUS_TRANSLATION_PREFIX = "previous translation: "
#: Provenance of the memory's reviewed translation of a similar text (another msgid's).
SIMILAR_TEXT_PROVENANCE = "translation memory, similar text"
#: What ends an ``mt:`` comment written since it records the source text it translated:
#: `` source#`` and :func:`source_digest` of the entry's msgctxt and msgid.
MT_SOURCE_MARK = " source#"
_DIGEST_LENGTH = 8


@functools.lru_cache(maxsize=65536)
def source_digest(msgctxt: str | None, msgid: str) -> str:
    """A short, stable digest of an entry's source text (its context and msgid), recorded with
    a machine translation: a tool that rewrites the msgid of an already-fuzzy entry
    (``msgmerge --previous`` adds no ``#|`` to one) leaves the output of the old text behind,
    and only this tells it from machine output of the new text. Cached: an entry's status
    asks for it whenever it is read."""
    key = msgid if msgctxt is None else f"{msgctxt}\x04{msgid}"
    return hashlib.blake2b(key.encode("utf-8"), digest_size=_DIGEST_LENGTH // 2).hexdigest()


def recorded_digest(comment: str) -> str | None:
    """The source digest a provenance comment ends with, or None (one written before it was
    recorded). String slicing, not a regular expression: an entry's status asks for it."""
    mark = len(comment) - _DIGEST_LENGTH - len(MT_SOURCE_MARK)
    return comment[-_DIGEST_LENGTH:] if mark > 0 and comment.startswith(MT_SOURCE_MARK, mark) else None


def _other_digest(comment: str, msgctxt: str | None, msgid: str) -> bool:
    """Whether ``comment`` records the digest of another source text than ``msgid``'s."""
    digest = recorded_digest(comment)
    return digest is not None and digest != source_digest(msgctxt, msgid)


def without_source_digest(comment: str) -> str:
    """A provenance comment without the source digest an ``mt:`` comment ends with: what a
    reviewer is shown, and what ``reviewed mt:`` records (a reviewed text needs none)."""
    return comment if recorded_digest(comment) is None else comment[:-_DIGEST_LENGTH - len(MT_SOURCE_MARK)]


def mt_comment(provenance: str, msgctxt: str | None, msgid: str) -> str:
    """The ``mt:`` comment of a machine translation of ``msgid`` made by ``provenance``."""
    return f"{MT_COMMENT_PREFIX}{provenance}{MT_SOURCE_MARK}{source_digest(msgctxt, msgid)}"


class BlockKind(str, enum.Enum):
    """The kind of source block a segment comes from (written as a ``#.`` comment)."""

    FRONT_MATTER = "front matter"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    DEFINITION_TERM = "definition term"
    DEFINITION = "definition"
    ABBREVIATION = "abbreviation"
    LIST_ITEM = "list item"
    BLOCKQUOTE = "blockquote"
    TABLE_CELL = "table cell"
    IMAGE_ALT = "image alt text"
    TEMPLATE_ARGUMENT = "template argument"
    LINK_TITLE = "link title"
    IMAGE_TITLE = "image title"
    HTML_TEXT = "html text"
    HTML_ALT = "html alt text"
    HTML_TITLE = "html title"
    HTML_LABEL = "html aria-label"
    HTML_CAPTION_LABEL = "html label"
    HTML_PLACEHOLDER = "html placeholder"
    CELL_CAPTION = "cell caption"  # a code cell's ``#| fig-cap:`` (Quarto, R Markdown), a code block's ``:caption:``

    @property
    def in_markup(self) -> bool:
        """Text markup holds (a title, an alt or aria-label attribute) for a reader who hovers
        over it or cannot see it, not running text: a quotation never goes on in it from one
        paragraph to the next."""
        return self in (BlockKind.LINK_TITLE, BlockKind.IMAGE_TITLE, BlockKind.HTML_ALT,
                        BlockKind.HTML_TITLE, BlockKind.HTML_LABEL, BlockKind.HTML_CAPTION_LABEL,
                        BlockKind.HTML_PLACEHOLDER)


@dataclass(frozen=True)
class Piece:
    """One line's share of a segment's text in the source: ``line[start:end]``.

    ``line`` is 0-based and counts lines of the source file (front matter included).
    """

    line: int
    start: int
    end: int


@dataclass(frozen=True)
class Anchor:
    """Where a segment nested in another one (a link's title inside its paragraph) sits in
    that segment's msgid: ``text`` is the markup around it as the msgid has it (the link's
    ``(url "title")``), and ``text[start:end]`` is the nested segment's own text.

    The outer msgid keeps the nested text, so existing entries keep their msgids; when the
    outer segment is translated, the nested translation replaces ``text[start:end]`` wherever
    the outer translation still holds ``text`` (a translator who rewrote it there wins)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """One translatable unit of an article: a block's inline text, or a front-matter value.

    ``msgid`` is what translators see. ``pieces`` say where it sits in the source, so the
    localised file is written by splicing the translation into the source's own bytes.
    ``style`` tells the splicer how to write a translation back (YAML scalar style for
    front matter, ``toml`` and the quotes for a TOML string, ``"atx"``/``"setext"``/``"cell"``/``"block"`` for Markdown; ``"footnote"``: a
    block that must stay apart from the line after it; ``"caption"``: a Pandoc table's caption, written
    as a block but never an article's lead; ``"cell-lead"``: a table cell that
    starts its row (no leading pipe); ``"line"``: a definition list's term or an alert's title, one line; ``"plain-line"``: the rest of
    a line read as written (an abbreviation's expansion, an admonition's title); ``"info"``: the
    same on a backtick fence's line (a MyST directive's title), no backtick in it;
    ``"title-dq"`` and the like: a link title between its
    delimiters).
    ``cont_prefix`` is what starts a continuation line inside the block's containers.
    ``anchor``: set when the segment's text also lies inside another segment's (see :class:`Anchor`).
    """

    msgid: str
    kind: BlockKind
    line: int
    pieces: tuple[Piece, ...]
    msgctxt: str | None = None
    style: str = "block"
    cont_prefix: str = ""
    indent: int = 0
    anchor: Anchor | None = None


@dataclass(frozen=True)
class Article:
    """A source article: where it lives, its language, its text and its segments."""

    path: str  # project-relative, POSIX separators, e.g. "source/world/baku.md"
    slug: str  # path below source_dir without ".md", e.g. "world/baku"
    lang: str
    text: str  # decoded text, BOM removed, line endings as in the file
    bom: bool
    segments: tuple[Segment, ...]
    front_matter_end: int = 0  # number of lines the front matter block takes (0: none)
    fingerprint: str = ""  # sha256 of the file's bytes as read (set by project.load_article)
    #: The link reference labels it defines (``[map]: map.png``), normalised as CommonMark
    #: matches them: a translated ``[map]`` must keep its label to stay a link.
    reference_labels: frozenset[str] = frozenset()
    #: Where its HTML blocks set ``lang`` to its own language (``<div lang="az">``): each
    #: value's offsets in ``text``, which a version replaces with its own language.
    own_lang_values: tuple[tuple[int, int], ...] = ()
    #: Its Markdown table cells that hold a number alone (``3,5``): each version writes a
    #: decimal one as its language does (see :func:`pipeline.numbers.number_cell_in`).
    number_cells: tuple[Piece, ...] = ()


#: A dismissed check's name in a flag or a translator comment (see Message.dismissed_checks).
_IGNORE = re.compile(r"(?<![\w-])ignore-([a-z]+(?:-[a-z]+)*)")


@dataclass
class Message:
    """A gettext catalogue entry. Mutable on purpose: stages update entries in place."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    auto_comments: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    lineno: int = 0

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        if value and "fuzzy" not in self.flags:
            self.flags.insert(0, "fuzzy")
        elif not value and "fuzzy" in self.flags:
            self.flags.remove("fuzzy")

    @property
    def dismissed_checks(self) -> frozenset[str]:
        """The checks a translator or reviewer dismissed on this entry, by a flag
        (``#, ignore-numbers``: Weblate's convention) or a word in a translator comment
        (``# ignore-numbers``: what Poedit and Lokalize let a translator write). A finding
        judged wrong (a number written out in words, a name the source misspells) would
        otherwise come back on every run and keep the entry in the review queue for good.
        A dismissal was judged on the text of its time: while the source has changed since
        (fuzzy, with the previous msgid), the checks speak again, or a changed figure the old
        translation still has would go unseen."""
        if self.previous_msgid is not None and self.fuzzy:
            return frozenset()
        found = {flag[len("ignore-"):] for flag in self.flags if flag.startswith("ignore-")}
        for comment in self.comments:
            found.update(_IGNORE.findall(comment))
        return frozenset(found)

    @property
    def translated(self) -> bool:
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural.values())
        return bool(self.msgstr)

    @property
    def translations(self) -> list[str]:
        """Every non-empty translation string this entry holds (singular and plural forms)."""
        if self.msgid_plural is not None:
            return [s for _, s in sorted(self.msgstr_plural.items()) if s]
        return [self.msgstr] if self.msgstr else []

    @property
    def machine_provenance(self) -> str | None:
        """What made the machine translation (``pseudo 1``, ``translation memory (…)``),
        without the digest of the source text it translated."""
        comment = self._machine_comment()
        return None if comment is None else without_source_digest(comment[len(MT_COMMENT_PREFIX):])

    @property
    def translates_other_text(self) -> bool:
        """Whether the ``mt:`` comment records another source text than the entry's: the
        output stands for text it never translated. An ``mt:`` comment written before the
        digest was recorded says nothing either way (False)."""
        comment = self._machine_comment()
        return comment is not None and _other_digest(comment, self.msgctxt, self.msgid)

    def _machine_comment(self) -> str | None:
        for comment in self.comments:
            if comment.startswith(MT_COMMENT_PREFIX):
                return comment
        return None

    @property
    def status(self) -> "EntryStatus":
        if not self.translated:
            return EntryStatus.UNTRANSLATED
        if not self.fuzzy:
            return EntryStatus.REVIEWED
        if self.previous_msgid is not None:
            return EntryStatus.CHANGED
        comment = self._machine_comment()
        if comment is not None and not comment.startswith(SIMILAR_TEXT_PROVENANCE, len(MT_COMMENT_PREFIX)) \
                and not _other_digest(comment, self.msgctxt, self.msgid):
            # A similar text's translation translates another msgid: when a tool dropped
            # its #| line (plain msgmerge, pybabel update), it is still no machine output
            # of this one, which allow_machine would publish; nor is the output of an old
            # text whose msgid a tool replaced (msgmerge adds no #| to a fuzzy entry).
            return EntryStatus.MACHINE
        return EntryStatus.FUZZY


class EntryStatus(str, enum.Enum):
    """Where an entry stands on its way to publication."""

    REVIEWED = "reviewed"
    MACHINE = "machine"  # machine translation awaiting review
    CHANGED = "changed"  # source changed: old translation kept as fuzzy with previous msgid
    FUZZY = "fuzzy"  # fuzzy for another reason (marked by a translator or tool)
    UNTRANSLATED = "untranslated"


@dataclass
class Catalogue:
    """A PO or POT file: header fields, header comments and messages (obsolete ones last).

    ``newline`` and ``bom`` remember how the file was written so it is written back the same.
    """

    header: list[tuple[str, str]] = field(default_factory=list)
    header_comments: list[str] = field(default_factory=list)
    header_flags: list[str] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    newline: str = "\n"
    bom: bool = False
    #: Comment lines after the last entry, as written (GNU tools drop them; a translator's
    #: note there is kept).
    trailing_comments: list[str] = field(default_factory=list)

    def header_value(self, name: str) -> str | None:
        for key, value in self.header:
            if key.lower() == name.lower():
                return value
        return None

    def set_header(self, name: str, value: str) -> None:
        for i, (key, _) in enumerate(self.header):
            if key.lower() == name.lower():
                self.header[i] = (key, value)
                return
        self.header.append((name, value))

    @property
    def active(self) -> list[Message]:
        return [m for m in self.messages if not m.obsolete]

    @property
    def obsolete(self) -> list[Message]:
        return [m for m in self.messages if m.obsolete]

    def index(self) -> dict[tuple[str | None, str], Message]:
        """Active messages by (msgctxt, msgid)."""
        return {m.key: m for m in self.messages if not m.obsolete}


@dataclass(frozen=True)
class Finding:
    """A check finding on one entry: ``path:line: [check] message``."""

    check: str
    severity: "Severity"
    message: str
    path: str = ""
    line: int = 0
    msgid: str = ""
    lang: str = ""
    #: The entry's context with ``msgid``: a title and a paragraph may share a text.
    msgctxt: str | None = None

    def render(self) -> str:
        where = f"{self.path}:{self.line}: " if self.path else ""
        return f"{where}{self.severity.value}: [{self.check}] {self.message}"


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, to quote it in a message."""
    return text if len(text) <= limit else text[:limit - 1] + "…"
