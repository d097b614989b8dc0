"""Markdown articles with YAML front matter: find translatable text, splice translations back.

Reading uses real parsers (markdown-it-py for CommonMark + tables, PyYAML for front matter)
only to *locate* text. Writing never re-serialises a parse tree or re-dumps YAML: each
translation replaces its segment's exact character range in the source, so every other byte
(spacing, markers, code, HTML, link targets, comments, key order, quoting) stays as written.
A translation equal to its msgid leaves the bytes untouched, which makes the identity round
trip exact by construction.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import json
import re
import shlex
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Callable, Collection, Iterable, Iterator, NamedTuple, Sequence

import yaml
from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim, normalizeReference, unescapeAll
from markdown_it.rules_block.reference import reference
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.token import Token

from . import htmlblocks, tomlfront
from .config import project_spelling, validate_language
from .errors import ArticleError, ConfigError
from .fileio import utf16_encoding
from .inline import (BLOCK_ID_PATTERN, KRAMDOWN_COMMENT_PATTERN, Region, RegionKind, TextArguments, article_language,
                     blank_keys,
                     blank_out, code_spans, html_comments, kept_elements, math_spans, positional_text_arguments,
                     protected_regions, reads_arguments, tags_over_blank_lines, template_arguments, template_tags,
                     wp_shortcodes)
from .model import Anchor, Article, BlockKind, Piece, Segment
from .numbers import number_cell_in
from .titles import definition_title, inline_titles, render_title

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
#: A line break as Markdown and :class:`SourceLines` read one: CRLF, LF, or a lone CR (classic
#: Mac OS, some exports); counting only LF numbered every line of a CR file as line 1.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_LIST_MARKER = re.compile(r"(\d{1,9}[.)]|[-+*])(?=[ \t]|$)")
_ATTRIBUTE = r"""(?:[#.][^\s{}#."'=]+|[A-Za-z_:][\w:.-]*=(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[^\s{}"']+)|-)"""
#: An attribute list, read by the site generator and never shown: Goldmark's (Hugo) and
#: Pandoc's ``{#id .class key=value}`` and ``{-}``, and kramdown's (Jekyll) ``{: .lead}``.
ATTRIBUTE_LIST = re.compile(r"\{:[^{}\n]*\}|\{[ \t]*" + _ATTRIBUTE + r"(?:[ \t]+" + _ATTRIBUTE + r")*[ \t]*\}")
_TRAILING_ATTRIBUTES = re.compile(r"[ \t]*(?:" + ATTRIBUTE_LIST.pattern + r")[ \t]*$")
_CLOSING_HASHES = re.compile(r"[ \t]+#+$")
#: A block quote's alert marker (GitHub, Obsidian, Hugo), the space before a title included.
_ALERT_MARKER = re.compile(r"\[![A-Za-z]+\][+-]?(?:[ \t]+|$)")
#: A definition's first line (PHP Markdown Extra, Goldmark, kramdown, Pandoc): ``: text``, or
#: Pandoc's other marker, ``~ text``.
_DEFINITION_MARKER = re.compile(r"[:~][ \t]+(?=\S)")
#: A fenced div's opening or closing line (Pandoc, Quarto): three colons or more, then
#: at most a class name or an attribute list, and optionally colons again.
_DIV_FENCE = re.compile(r":{3,}[ \t]*(?:(?:[A-Za-z][\w-]*|\{[A-Za-z][\w-]*\}|" + ATTRIBUTE_LIST.pattern
                        + r")[ \t]*(?::{3,}[ \t]*)?)?")
#: A fenced div's opening line with a title after its type: Docusaurus' ``:::note Road closed``
#: and ``:::note[Road closed]``, MyST's ``:::{note} Road closed``. The colons and the type are
#: the generator's, the title is text.
_DIV_TITLE = re.compile(r":{3,}(?:[A-Za-z][\w-]*|\{[A-Za-z][\w-]*\})"
                        r"(?:\[(?P<bracketed>[^\[\]\n]+)\]|[ \t]+(?P<title>\S.*?))[ \t]*$")
#: A MyST directive fenced like code whose body is Markdown readers see (```` ```{note} ````),
#: and the ones among them whose argument is a title (```` ```{admonition} Road closed ````).
_MYST_DIRECTIVE = re.compile(r"\{(?P<name>admonition|note|warning|tip|hint|important|caution|attention|danger|error"
                             r"|seealso|topic|sidebar|margin|dropdown|epigraph|pull-quote|tab-item|card"
                             r"|grid-item-card|div|figure|table|list-table)\}(?:[ \t]+(?P<argument>\S.*?))?[ \t]*")
_MYST_TITLED = frozenset({"admonition", "topic", "sidebar", "dropdown", "tab-item", "card", "grid-item-card",
                          "table", "list-table"})
#: A directive's option line at the start of its body (``:class: tip``).
_MYST_OPTION = re.compile(r"[ \t]*:[\w-]+:")
#: A MyST directive fenced with colons (``:::{admonition} Road closed``), its option lines
#: (``:class: warning``) next: the generator's, never text.
_MYST_COLON_FENCE = re.compile(r":{3,}\{(?P<name>[A-Za-z][\w-]*)\}")
#: The MyST directives whose argument is a file, a language or code, never a title.
_MYST_NOT_TITLED = frozenset({"figure", "image", "include", "literalinclude", "code-block", "code", "code-cell",
                              "raw", "math", "eval-rst", "bibliography", "iframe", "video", "embed"})
#: A directive's option readers see, and its value: an image's ``:alt:``, a code block's
#: ``:caption:``.
_MYST_TEXT_OPTION = re.compile(r"[ \t]*:(?:alt|caption):[ \t]+(?P<value>\S.*?)[ \t]*")
#: MyST's (Sphinx, Jupyter Book) reference target on a line of its own: ``(port-expansion)=``.
_MYST_TARGET = re.compile(r"\([^\s()]+\)=[ \t]*")
#: The ``title="…"`` of a fenced div's attribute list (Quarto's callouts): a caption readers see.
_DIV_TITLE_ATTRIBUTE = re.compile(r"(?<=[{ \t])title=(?:\"(?P<title>(?:[^\"\\\n]|\\.)*)\"|'(?P<single>(?:[^'\\\n]|\\.)*)')")
#: An MDX ``import`` or ``export`` statement opening a paragraph (Docusaurus reads Markdown as
#: MDX): the whole block is JavaScript. A quoted module or a declaration keyword is required,
#: so prose that starts with the word ("import duties were cut") stays prose.
_MDX_STATEMENT = re.compile(r"import[ \t]+(?:[\w$*{},\s]+?[ \t]+from[ \t]+)?[\"'][^\"'\n]+[\"']"
                            r"|export[ \t]+(?:const|let|var|function|class|default|async)\b")
#: A block the site generator replaces, whatever its words: a table of contents' marker
#: (Python-Markdown's ``[TOC]``, GitLab's ``[[_TOC_]]``, Azure DevOps' ``[[TOC]]``, kramdown's
#: list before ``{:toc}``, whose item text is a placeholder), and pymdownx.snippets' includes
#: (``--8<-- "note.md"``, escaped ``;--8<--``, a block of file names between ``--8<--`` lines).
_SNIPPET = r"(?:;?-+8<-+[ \t]+(?:\"[^\"\n]+\"|'[^'\n]+'|\S+))"
_GENERATOR_MARKERS = re.compile(
    r"\[TOC\]|\[\[_?TOC_?\]\]|[^\n]*\n[ \t]*\{:[ \t]*toc[ \t]*\}"
    r"|" + _SNIPPET + r"(?:\n[ \t]*" + _SNIPPET + r")*"
    r"|;?-+8<-+\n(?:[^\n]*\n)*?;?-+8<-+", re.IGNORECASE)


def _generator_marker(content: str) -> bool:
    """Whether a paragraph's ``content`` is one of :data:`_GENERATOR_MARKERS`."""
    return ("]" in content or "8<" in content or "{:" in content) \
        and _GENERATOR_MARKERS.fullmatch(content.strip()) is not None


#: An abbreviation definition (kramdown, PHP Markdown Extra, Python-Markdown): ``*[HTML]: ``
#: before the expansion.
#: An admonition's first line (Python-Markdown in MkDocs: ``!!! note "Title"``; pymdownx's
#: collapsible ``???+ tip``): the marker and type are the generator's, the title is text.
#: Types are CSS classes, written in lower case: ``!!! BREAKING NEWS`` is a sentence.
#: A content tab's (pymdownx.tabbed: ``=== "Results"``, ``===+ "Map"``) is read the same way.
_ADMONITION = re.compile(r"(?:(?:!!!|\?\?\?\+?)[ \t]*[a-z0-9_-]+(?:[ \t]+[a-z0-9_-]+)*|===[!+]?(?=[ \t]+\"))"
                         r"(?:[ \t]+\"(?P<title>.*)\")?[ \t]*$")
_ABBREVIATION_MARKER = re.compile(r"\*\[[^\]\n]+\]:[ \t]*(?=\S)")
_SAFE_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Lookup = Callable[[Segment], "str | None"]


def _parser() -> MarkdownIt:
    """CommonMark + GFM tables, and footnote definitions as paragraphs (see
    :func:`_footnote_definition`). Inline parsing is off: we only need each block's raw text."""
    md = MarkdownIt("commonmark").enable("table")
    md.block.ruler.before("reference", "footnote_definition", _footnote_definition, {"alt": ["paragraph"]})
    md.block.ruler.at("reference", _definition)
    md.disable("inline")
    return md


def _definition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's link reference definition rule, leaving a ``definition`` token behind:
    a definition's title is text readers see on every link that uses it. The token's meta
    holds where each of its lines starts (as the rule reads them) and the title the rule
    stored, which the position found later must match, and the destination (a file the
    article may link to, see :mod:`pipeline.assets`)."""
    references = state.env.get("references", {})
    known, duplicates = len(references), len(state.env.get("duplicate_refs", []))
    if not reference(state, start, end, silent):
        return False
    if silent:
        return True
    if len(state.env.get("references", {})) > known:
        label, stored = list(state.env["references"].items())[-1]
    else:
        label, stored = None, state.env["duplicate_refs"][duplicates]
    token = state.push("definition", "", 0)
    token.map = [start, state.line]
    token.meta = {"starts": [state.bMarks[line] + state.tShift[line] for line in range(start, state.line)],
                  "title": stored["title"], "href": stored["href"], "label": label}
    return True


def _footnote_definition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A footnote definition (``[^1]: Reuters.``) that CommonMark reads as a link reference
    definition, label ``^1`` and destination ``Reuters.``, and so drops: it is a paragraph,
    over the same lines, as a longer footnote (``[^1]: Figures from...``) already is.

    Footnotes are an extension (Hugo, markdown-it-footnote): plain CommonMark has a footnote
    definition as a paragraph, or, when its text is one word (or a word and a quoted title),
    as a link reference definition. Reading both as paragraphs, their text and ``[^1]:``
    label are extracted and translated whatever their length, and a translation one word long
    stays a paragraph when the published article is read back.
    """
    pos = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("[^", pos):
        return False
    if silent:
        return _ends_a_footnote(state, start, pos)
    env = state.env
    state.env = {}  # not a link target: keep it out of the article's references
    try:
        if not reference(state, start, end, False):
            return False
        after = state.line
    finally:
        state.env = env
    content = mdTrim(state.getLines(start, after, state.blkIndent, False))
    state.push("paragraph_open", "p", 1).map = [start, after]
    token = state.push("inline", "", 0)
    token.content, token.map, token.children = content, [start, after], []
    # A definition ends at its last line; a paragraph (its translation, unless that is one
    # word again) would go on over a next line that cannot interrupt one: another definition,
    # text. The writer then puts a blank line between them.
    token.meta = {"footnote_continues": after < state.lineMax and not state.isEmpty(after)
                  and state.sCount[after] >= state.blkIndent
                  and not any(rule(state, after, end, True) for rule in state.md.block.ruler.getRules("paragraph"))}
    state.push("paragraph_close", "p", -1)
    state.line = after
    return True


def _ends_a_footnote(state: StateBlock, start: int, pos: int) -> bool:
    """Whether the definition line ``start`` (at ``pos``) ends the paragraph being read: only
    a footnote definition's (``[^1]: …`` over ``[^2]: …``, as Goldmark in Hugo and
    markdown-it-footnote read them). The paragraph and setext heading rules ask with the
    paragraph's first line as ``state.line`` (their ``parentType`` is no guide: the setext
    rule leaves it set when it finds no underline). Any other paragraph takes the line in,
    as CommonMark does."""
    if state.line >= start or not _FOOTNOTE_LABEL.match(state.src, pos):
        return False
    first = state.bMarks[state.line] + state.tShift[state.line]
    return _FOOTNOTE_LABEL.match(state.src, first) is not None


_MD = _parser()


def block_types(text: str) -> list[str]:
    """The block tokens (``paragraph_open``, ``table_open``...) the reader sees in ``text``:
    the structure a published article must share with its source."""
    return [token.type for token in _MD.parse(text) if token.type not in ("inline", "definition")]


@dataclass(frozen=True)
class SourceLines:
    """The source split into lines, each with its own line ending kept."""

    texts: tuple[str, ...]
    endings: tuple[str, ...]

    @classmethod
    def split(cls, text: str) -> "SourceLines":
        """``text``'s lines. Reading an article, finding its links and localising it split
        the same text one after the other: the lines (immutable) are kept for the next."""
        return _split_lines(text)

    def offsets(self) -> list[int]:
        result = [0]
        for text, ending in zip(self.texts, self.endings):
            result.append(result[-1] + len(text) + len(ending))
        return result


@functools.lru_cache(maxsize=4)
def _split_lines(text: str) -> SourceLines:
    if "\r" not in text:
        # LF alone (nearly every file): str.split is many times faster than the regex.
        texts = text.split("\n")
        if not texts[-1]:
            texts.pop()  # the final line break ends the last line; it opens none
        endings = ["\n"] * len(texts)
        if texts and not text.endswith("\n"):
            endings[-1] = ""
        return SourceLines(tuple(texts), tuple(endings))
    texts = []
    endings = []
    for match in _LINE_RE.finditer(text):
        chunk = match.group(0)
        if not chunk:
            break
        body = chunk.rstrip("\r\n")
        texts.append(body)
        endings.append(chunk[len(body):])
    return SourceLines(tuple(texts), tuple(endings))


# --------------------------------------------------------------------------- reading


def read_article(raw: bytes, *, path: str, slug: str, default_lang: str,
                 front_matter_keys: Sequence[str], languages: Sequence[str] = (),
                 text_arguments: TextArguments | None = None) -> Article:
    """Decode, parse and segment one source article; errors name the file and line.

    ``languages`` are the project's languages: a ``lang:`` that names one of them under
    another spelling is refused (see :func:`_check_lang_spelling`). ``text_arguments``: the
    positional template-tag arguments readers see (``[templates] text_arguments``)."""
    text = _decode(raw, path)
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    _check_content(text, path)
    _check_conflict_markers(text, path)
    lines = SourceLines.split(text)
    fm_end, fm_segments, lang = _front_matter(lines, path, front_matter_keys, languages, default_lang)
    if lang is None:
        lang = default_lang
    _check_no_nul(fm_segments, path)
    segments = list(fm_segments)
    number_cells: list[Piece] = []
    reset = _NUMBER_CELLS.set(number_cells)
    try:
        with positional_text_arguments(text_arguments or {}), article_language(lang):
            segments.extend(_body_segments(lines, fm_end))
            own_lang = _own_lang_values(lines, fm_end, lang) if _LANG_ATTRIBUTE.search(text) else ()
    finally:
        _NUMBER_CELLS.reset(reset)
    return Article(path=path, slug=slug, lang=lang, text=text, bom=bom,
                   segments=tuple(segments), front_matter_end=fm_end,
                   reference_labels=_reference_labels(lines, fm_end) if "]:" in text else frozenset(),
                   own_lang_values=own_lang, number_cells=tuple(number_cells))


#: The table cells holding a number alone that the article being read has (see
#: :attr:`pipeline.model.Article.number_cells`), collected as its tables are read.
_NUMBER_CELLS: ContextVar[list[Piece] | None] = ContextVar("number_cells", default=None)


#: An HTML ``lang`` attribute: the cheap test before HTML blocks are searched for one.
_LANG_ATTRIBUTE = re.compile(r"\blang\s*=", re.IGNORECASE)


def _own_lang_values(lines: SourceLines, fm_end: int, lang: str) -> tuple[tuple[int, int], ...]:
    """Where the article's HTML blocks set ``lang`` to its own language (see
    :func:`pipeline.htmlblocks.own_language`), as offsets in its text."""
    texts, tokens = body_tokens(lines, fm_end)
    offsets = lines.offsets()
    found: list[tuple[int, int]] = []
    kept: tuple[str, ...] = ()
    for token in tokens:
        if token.type != "html_block" or token.map is None:
            continue
        block = token.content.split("\n")
        if block and not block[-1]:
            block.pop()
        first = token.map[0]
        if len(block) == token.map[1] - first \
                and all(texts[first + i].endswith(line) for i, line in enumerate(block)):
            pieces = [Piece(first + i, len(texts[first + i]) - len(line), len(texts[first + i]))
                      for i, line in enumerate(block)]
            for start, end in htmlblocks.own_language("\n".join(block), lang, kept):
                piece = _pieces_between(pieces, block, start, end)[0]
                found.append((offsets[piece.line] + piece.start, offsets[piece.line] + piece.end))
        kept = _still_open(token, kept)
    return tuple(found)


def _decode(raw: bytes, path: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        _refuse_utf16_or_binary(raw, path)
        line = len(_LINE_BREAK_BYTES.findall(raw, 0, exc.start)) + 1
        text = raw.decode("utf-8", "surrogateescape")
        foreign = sum(0xDC80 <= ord(char) <= 0xDCFF for char in text)
        if sum(ord(char) > 0x7F for char in text) - foreign > foreign:  # more UTF-8 letters than stray bytes
            raise ArticleError(
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}), though the rest of the article is UTF-8",
                path=path, line=line,
                hint="retype the text of this line in your editor (or restore the article from version "
                     "control), then run the command again") from None
        encoding, name = _legacy_code_page(raw)
        quoted = shlex.quote(path)
        raise ArticleError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}): the article is saved in a legacy code page, "
            f"whose letters read as {name}", path=path, line=line,
            hint=f"convert it with: iconv -f {encoding} -t UTF-8 {quoted} > {quoted}.utf8 && mv {quoted}.utf8 "
                 f"{quoted} (check the letters first with: iconv -f {encoding} -t UTF-8 {quoted} | less), or "
                 f"reopen it in your editor with the encoding {name} and save it as UTF-8 (saved as UTF-8 "
                 "as it shows now, with � for its letters, it would lose them); then run the command again",
        ) from None


#: The legacy code pages an article may come in, by name as editors list them.
_CODE_PAGES = {"CP1251": "Windows Cyrillic (CP1251)", "KOI8-R": "KOI8-R",
               "CP1254": "Windows Turkish (CP1254)", "CP1252": "Windows Western European (CP1252)"}
_AZ_LANG = re.compile(rb"^lang[ \t]*[:=][ \t]*['\"]?az\b", re.M)


def _legacy_code_page(raw: bytes) -> tuple[str, str]:
    """The likeliest code page of an article that is not UTF-8: a Cyrillic one (whichever of
    CP1251 and KOI8-R gives more lower-case Cyrillic letters, as running text has) when most
    of its other bytes stand beside another (Cyrillic words are all such bytes; a Western
    é or ü sits among ASCII letters), else Turkish for an Azerbaijani article, else Western
    European."""
    high = [byte > 0x7F for byte in raw]
    paired = sum(here and ((i > 0 and high[i - 1]) or (i + 1 < len(high) and high[i + 1]))
                 for i, here in enumerate(high))
    counts = {encoding: sum("а" <= char <= "я" for char in raw.decode(encoding, "replace"))
              for encoding in ("CP1251", "KOI8-R")}
    cyrillic = max(counts, key=lambda encoding: counts[encoding])
    if paired * 2 >= sum(high):
        encoding = cyrillic
    else:
        encoding = "CP1254" if _AZ_LANG.search(raw) else "CP1252"
    return encoding, _CODE_PAGES[encoding]


def _refuse_utf16(raw: bytes, path: str) -> None:
    """UTF-16 (Notepad's 'Unicode'), with a byte-order mark or without one (then a text in
    English or Russian is even valid UTF-8): see :func:`utf16_encoding`."""
    if utf16_encoding(raw) is not None:
        raise ArticleError("the article is saved as UTF-16, not UTF-8", path=path, line=1,
                           hint="save it as UTF-8 in your editor (in Notepad: Save as, "
                                "Encoding: UTF-8), then run the command again")


def _refuse_utf16_or_binary(raw: bytes, path: str) -> None:
    """Name what a file that is not UTF-8 is, when the usual advice (save it as UTF-8)
    would not fit: UTF-16, or a binary file, such as a picture saved with an .md name."""
    _refuse_utf16(raw, path)
    if b"\0" in raw:
        raise ArticleError("this is a binary file (it holds NUL bytes), not a Markdown article",
                           path=path, line=1,
                           hint="if a picture or document was saved with an .md name, rename it "
                                "(or move it out of the source folder); if it was an article, "
                                "restore it from version control; then run the command again")


def _check_content(text: str, path: str) -> None:
    """Refuse NUL bytes, the mark of a corrupted or binary file: markdown-it drops a
    paragraph holding one from translation, so the source paragraph would be published as
    it is, NUL included."""
    nul = text.find("\0")
    if nul >= 0:
        _refuse_utf16(text.encode("utf-8"), path)
        raise ArticleError("NUL byte in the article (binary or corrupted?)", path=path,
                           line=len(_LINE_BREAK.findall(text, 0, nul)) + 1,
                           hint="restore the file from version control or delete the NUL "
                                "byte, then run the command again")


#: Git's conflict marker lines, at the start of a line: ``<<<<<<< HEAD``, ``>>>>>>> branch``.
_CONFLICT_OPEN = re.compile(r"<{7}(?:\s|\Z)")
_CONFLICT_CLOSE = re.compile(r">{7}(?:\s|\Z)")
_CONFLICT_SEPARATOR = re.compile(r"={7}\s*\Z")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def _check_conflict_markers(text: str, path: str) -> None:
    """Refuse an unresolved git merge, which Markdown reads without complaint ('=======' as
    a heading underline, '>>>>>>> branch' as a block quote), so both sides and the markers
    would be translated and published. Markers shown in a fenced code block are text; a
    ``<<<<<<<`` line is a conflict, and so is a ``>>>>>>>`` line after a ``=======`` one
    (a conflict whose first marker was deleted by hand)."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return
    fence = ""
    separator = 0
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        opening = _FENCE.match(line)
        if opening and (not fence or (opening.group(1).startswith(fence)
                                      and not line.strip().strip(fence[0]))):
            fence = "" if fence else opening.group(1)
            continue
        if fence:
            continue
        if _CONFLICT_SEPARATOR.match(line):
            separator = separator or number
        elif _CONFLICT_OPEN.match(line) or (separator and _CONFLICT_CLOSE.match(line)):
            raise ArticleError(f"unresolved git merge conflict (conflict marker {line[:7]!r})",
                               path=path, line=number,
                               hint="resolve the merge: keep the right version of the text, "
                                    "delete the <<<<<<< ======= >>>>>>> marker lines, then run "
                                    "the command again")


def _check_no_nul(segments: Sequence[Segment], path: str) -> None:
    """A front-matter value may spell a NUL as a YAML escape (``"\\0"``); no catalogue can
    hold one, so say where it is rather than fail on the template written from it."""
    for segment in segments:
        if "\0" in segment.msgid:
            raise ArticleError(f"the value of {segment.msgctxt} holds a NUL character (\\0)",
                               path=path, line=segment.line,
                               hint="delete the escape from the value, then run the command again")


def _front_matter(lines: SourceLines, path: str, keys: Sequence[str], languages: Sequence[str] = (),
                  default_lang: str = "") -> tuple[int, list[Segment], str | None]:
    """Find the ``---`` block (or Hugo's TOML ``+++`` one); return its length in lines, its
    segments and ``lang:``."""
    _refuse_displaced_front_matter(lines.texts, path)
    if lines.texts and lines.texts[0].startswith("----"):
        _refuse_long_fence(lines.texts, path)
    if lines.texts and lines.texts[0].rstrip() == "+++":
        return _toml_front_matter(lines, path, keys, languages, default_lang)
    if lines.texts and lines.texts[0].startswith("{"):
        _check_json_front_matter(lines.texts, path)
    if not lines.texts or lines.texts[0].rstrip() != "---":
        return 0, [], None
    close = next((i for i in range(1, len(lines.texts)) if lines.texts[i].rstrip() in ("---", "...")), None)
    if close is None:
        raise ArticleError(
            "front matter opened with '---' on line 1 is never closed",
            path=path,
            line=1,
            hint="add a line with '---' after the last front-matter field",
        )
    body_lines = lines.texts[1:close]
    for number, body in enumerate(body_lines, start=2):
        if body.startswith("%"):
            # PyYAML reads a '%' in column 0 as a directive wherever it is; the usual
            # '%YAML 1.2' + '---' leaves nothing but the directive before the closing line.
            raise ArticleError(
                f"front matter holds a YAML directive ({body.strip()!r}): the '---' after it "
                "would close the front matter",
                path=path,
                line=number,
                hint="delete the directive line; write the front matter as key: value lines "
                     "between the two '---' lines",
            )
    yaml_text = "\n".join(body_lines) + "\n"
    root = _compose_yaml(yaml_text, path)
    if root is None:
        return close + 1, [], None
    if not isinstance(root, yaml.MappingNode):
        first, _, _ = _line_around(yaml_text, root.start_mark.index)
        missing = _missing_space(first, root.start_mark.index) if isinstance(root, yaml.ScalarNode) else None
        if missing is not None:  # title:Port grows
            raise ArticleError(f"invalid front matter: {missing.message}", path=path,
                               line=_mark_line(yaml_text, root.start_mark), hint=f"{missing.hint}, then run the "
                                                                                 "command again")
        what = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        raise ArticleError(
            f"front matter must be a mapping of keys to values, not {what}",
            path=path,
            line=_mark_line(yaml_text, root.start_mark),
            hint="write the front matter as key: value lines, e.g. 'title: My headline'",
        )
    _check_duplicate_keys(root, path, yaml_text)
    line_starts = [0]
    for body in body_lines:
        line_starts.append(line_starts[-1] + len(body) + 1)
    values = list(_translatable_scalars(root, with_params(keys)))
    for key_path, node, _in_flow in values:
        _refuse_local_tag(key_path, node, yaml_text, path)
    segments = [
        _front_matter_segment(key_path, node, yaml_text, line_starts, in_flow)
        for key_path, node, in_flow in values
        if _reads_as_text(node, yaml_text) and node.value.strip()
    ]
    lang = _top_level_value(root, "lang")
    if lang is not None and (not isinstance(lang.value, str) or not lang.value.strip()
                             or lang.tag.endswith(":null")):  # lang: null, lang: ~
        raise ArticleError("lang: must be a language code such as en, ru or az", path=path,
                           line=_mark_line(yaml_text, lang.start_mark),
                           hint="write one code, e.g. 'lang: en', or delete the line for the "
                                "project's source_language, then run the command again")
    if lang is None:
        _refuse_language_under_another_key(root, yaml_text, path, languages, default_lang)
        return close + 1, segments, None
    code = lang.value.strip()
    try:
        validate_language(code, where=path)
    except ConfigError as exc:
        raise ArticleError(exc.message, path=path, line=_mark_line(yaml_text, lang.start_mark),
                           hint=exc.hint) from None
    _check_lang_spelling(code, languages, path, _mark_line(yaml_text, lang.start_mark))
    return close + 1, segments, code


#: Keys an editor may write the article's language under instead of ``lang`` (compared in
#: lower case, so ``Lang`` and ``LANG`` too); Jekyll themes read ``locale`` for a page's language.
_LANGUAGE_KEYS = frozenset({"lang", "language", "locale"})


def _refuse_language_under_another_key(root: yaml.MappingNode, yaml_text: str, path: str,
                                       languages: Sequence[str], default_lang: str) -> None:
    """Refuse an article without ``lang:`` whose ``Lang:``, ``language:`` or ``locale:``
    names another of the project's languages than the default: the article was taken for
    one in ``source_language``, so a Russian article got a Russian catalogue of itself
    (translated 'from English' into the language it is written in) and no English one."""
    if not languages or not default_lang:
        return
    for key, value in root.value:
        if isinstance(value, yaml.ScalarNode) and str(key.value).strip().lower() in _LANGUAGE_KEYS:
            _refuse_other_language_key(str(key.value), str(value.value), _mark_line(yaml_text, key.start_mark),
                                       path, languages, default_lang, ":")


def _refuse_other_language_key(name: str, code: str, line: int, path: str, languages: Sequence[str],
                               default_lang: str, separator: str) -> None:
    """:func:`_refuse_language_under_another_key` for one key (``separator``: YAML's ``:`` or
    TOML's ``=``, as the advice writes the line)."""
    if not languages or not default_lang or name.strip().lower() not in _LANGUAGE_KEYS:
        return
    toml = separator == "="
    code = code.strip()
    stated, lang_key = front_matter_value(name, code, toml), front_matter_key("lang", toml)
    try:
        validate_language(code, where=path)
    except ConfigError:
        return
    named = code if code in languages else project_spelling(code, tuple(languages))
    if named is None or named == default_lang:
        return
    raise ArticleError(
        f"{stated} names the language {named}, but an article's language is read from "
        f"'{lang_key}', which this one lacks, so it would be taken for {default_lang} (source_language)",
        path=path, line=line,
        hint=f"add the line '{_lang_line(named, toml)}' (or '{_lang_line(default_lang, toml)}' if the article is in "
             f"{default_lang}); keep '{front_matter_key(name, toml)}' if the site needs it; then run the command again")


def _check_lang_spelling(code: str, languages: Sequence[str], path: str, line: int, toml: bool = False) -> None:
    """Refuse ``lang: AZ`` or ``lang: az-AZ`` in a project that writes the language ``az``:
    the article's own language would become a target of its own, with a catalogue that
    translates the article into its language and a published copy of it, and the
    quotation and glossary notes, which follow the exact code, would be lost."""
    known = project_spelling(code, tuple(languages))
    if known is None:
        return
    variant = code.lower().replace("_", "-") != known.lower()
    other = f" (or add {code!r} to languages in pipeline.toml if it is a language version of its " \
        "own)" if variant else ""
    raise ArticleError(f"{front_matter_value('lang', code, toml)} is not one of the project's languages, "
                       f"which write this language as {known!r}", path=path, line=line,
                       hint=f"write '{_lang_line(known, toml)}'{other}, then run the command again")


def _lang_line(code: str, toml: bool) -> str:
    """The front-matter line that sets the article's language, as YAML or TOML writes it."""
    return front_matter_line("lang", code, toml)


def front_matter_line(key: str, value: str, toml: bool) -> str:
    """The line that sets ``key`` to ``value`` in the article's own front-matter syntax
    (YAML's ``lang: az``, TOML's ``lang = "az"``): a hint's line is one an editor copies, and
    a YAML line in TOML front matter is refused as invalid TOML."""
    return f"{key} = {tomlfront.render_value(value, '')}" if toml else f"{key}: {value}"


def front_matter_value(key: str, value: str, toml: bool) -> str:
    """``key``'s value as a message quotes it: YAML's ``lang: 'fr'``, TOML's ``lang = "fr"``."""
    return front_matter_line(key, value, True) if toml else f"{key}: {value!r}"


def front_matter_key(key: str, toml: bool) -> str:
    """``key`` as a message names it: YAML's ``lang:`` (as its line opens), TOML's bare
    ``lang`` (its line opens ``lang =``, which reads as a slip in a sentence)."""
    return key if toml else f"{key}:"


#: A first line of ``+++`` alone: Hugo's TOML front matter opens (any line break ends it).
_TOML_FENCE_LINE = re.compile(r"\ufeff?\+\+\+[ \t]*(?:\r\n|\r|\n|\Z)")


def has_toml_front_matter(text: str) -> bool:
    """Whether ``text`` (an article's, or a page's head) opens with Hugo's TOML front matter."""
    return _TOML_FENCE_LINE.match(text) is not None


def _refuse_displaced_front_matter(texts: Sequence[str], path: str) -> None:
    """Refuse front matter that does not open on line 1. Hugo skips blank lines and spaces
    before it, and each line that opens an HTML comment (commented-out front matter); read
    here as text, its keys and dates were machine-translated and the published versions got
    no ``lang``. A rule (``---``) with no closing line is text."""
    skipped = (i for i, text in enumerate(texts) if text.strip() and not text.lstrip().startswith("<!--"))
    first = next(skipped, None)
    if first is None or (first == 0 and not texts[0][:1].isspace()):
        return
    comment = any(text.lstrip().startswith("<!--") for text in texts[:first])
    opening = texts[first].strip()
    closed = opening in ("---", "+++") and any(t.rstrip() in (opening, "...") for t in texts[first + 1:])
    if not closed and opening != "{" and not _JSON_FRONT_MATTER_START.match(opening):
        return
    raise ArticleError(
        f"front matter must open on line 1, but this {opening[:3]!r} comes after "
        f"{'an HTML comment' if comment else 'blank lines' if first else 'spaces'}",
        path=path,
        line=first + 1,
        hint="delete what comes before it, or move a comment below the front matter (Hugo reads "
             "the block as front matter, but here it would be translated as text), then run the "
             "command again",
    )


#: A front-matter field's line: a key, a colon, then a space or the line's end.
_FIELD_LINE = re.compile(r"[A-Za-z_][\w-]*:(?:\s|$)")
_DASHES = re.compile(r"-{3,}\s*")


def _refuse_long_fence(texts: Sequence[str], path: str) -> None:
    """Refuse front matter fenced with more than three dashes (``----``), which no generator
    reads as front matter: read here as Markdown, the opening line is a rule and the fields
    a heading, so ``title:`` and ``lang:`` were machine-translated and published as text.
    Only a block whose first line is a field and that a line of dashes closes is refused (a
    rule above a paragraph is text)."""
    if not _DASHES.fullmatch(texts[0]) or len(texts) < 3 or not _FIELD_LINE.match(texts[1]):
        return
    close = next((i for i in range(2, len(texts)) if _DASHES.fullmatch(texts[i])), None)
    if close is None:
        return
    raise ArticleError(
        f"front matter fenced with {texts[0].strip()!r} ({len(texts[0].strip())} dashes): a front-matter fence is "
        "exactly three dashes, so this block would be read as text and its fields translated",
        path=path, line=1,
        hint=f"write '---' on line 1 and on line {close + 1}, then run the command again")


def _toml_front_matter(lines: SourceLines, path: str, keys: Sequence[str], languages: Sequence[str],
                       default_lang: str) -> tuple[int, list[Segment], str | None]:
    """:func:`_front_matter` for Hugo's TOML front matter (``+++``): the same keys are entries
    and ``lang = "az"`` is the article's language; a TOML slip is named at its line."""
    close = next((i for i in range(1, len(lines.texts)) if lines.texts[i].rstrip() == "+++"), None)
    if close is None:
        raise ArticleError("front matter opened with '+++' on line 1 is never closed", path=path, line=1,
                           hint="add a line with '+++' after the last front-matter field")
    toml_text = _toml_text(lines, close)
    front = _parsed_toml(toml_text, lines, close, path)
    line_starts = [0]
    for body in lines.texts[1:close]:
        line_starts.append(line_starts[-1] + len(body) + 1)
    wanted = set(keys)
    segments = []
    for value in front.values:
        key_path = ".".join(value.path)
        if value.kind and key_path_matches(key_path, wanted):
            text = front.value_at(value.path)
            if text.strip():
                segments.append(_toml_segment(key_path, text, value, toml_text, line_starts))
    lang_value = front.top_level("lang")
    if lang_value is None:
        for name, code in front.data.items():
            if isinstance(code, str) and name.strip().lower() in _LANGUAGE_KEYS:
                line = _line_of(line_starts, front.top_level(name).start) + 2  # type: ignore[union-attr]
                _refuse_other_language_key(name, code, line, path, languages, default_lang, "=")
        return close + 1, segments, None
    line = _line_of(line_starts, lang_value.start) + 2
    code = front.data["lang"]
    if not isinstance(code, str) or not code.strip():
        raise ArticleError('lang must be a language code such as en, ru or az', path=path, line=line,
                           hint='write one code, e.g. lang = "en", or delete the line for the project\'s '
                                "source_language, then run the command again")
    code = code.strip()
    try:
        validate_language(code, where=path)
    except ConfigError as exc:
        raise ArticleError(exc.message, path=path, line=line, hint=exc.hint) from None
    _check_lang_spelling(code, languages, path, line, toml=True)
    return close + 1, segments, code


def _toml_text(lines: SourceLines, close: int) -> str:
    """The TOML between the ``+++`` lines, each line ending in ``\n`` (as the article's do
    when read line by line), so an index maps to a line and column of the article."""
    return "".join(text + "\n" for text in lines.texts[1:close])


def _parsed_toml(toml_text: str, lines: SourceLines, close: int, path: str) -> tomlfront.TomlFrontMatter:
    try:
        return tomlfront.parse(toml_text)
    except tomlfront.TomlSyntaxError as exc:
        line = exc.line + 1 if exc.line else close + 1
        text = lines.texts[line - 1] if exc.line else ""
        if exc.problem.startswith("Expected '='") and _FIELD_LINE.match(text.lstrip()):
            hint = (f"TOML front matter writes key = value, not YAML's key: value; write "
                    f"{_as_toml_line(text)} (or change the two '+++' lines to '---' if the whole "
                    "front matter is YAML), then run the command again")
        else:
            hint = ('write text in quotes (title = "My headline"; a quote inside as \\", a '
                    "backslash as \\\\), then run the command again")
        raise ArticleError(f"invalid TOML front matter: {exc.problem}", path=path, line=line,
                           hint=hint) from None


def _as_toml_line(text: str) -> str:
    """A YAML ``key: value`` line as TOML writes it."""
    key, _, value = text.strip().partition(":")
    value = value.strip().strip("'\"")
    return f"{key.strip()} = {tomlfront.render_value(value, '')}"


def _toml_segment(key_path: str, text: str, value: tomlfront.TomlValue, toml_text: str,
                  line_starts: list[int]) -> Segment:
    """A TOML string's entry. A multi-line string's line breaks at its edges (``\"\"\"``, a
    line break, the text, a line break, ``\"\"\"``) are no part of the text translators see:
    the style keeps them (and whether a break follows the opening quotes) to write back."""
    style = f"toml{value.kind}"
    msgid = text
    if value.kind in ('\"\"\"', "'''"):
        msgid = text.strip("\n")
        lead = len(text) - len(text.lstrip("\n"))
        trail = len(text) - len(text.rstrip("\n")) if msgid else 0
        opening = tomlfront.opens_with_break(toml_text, value)
        style += f"|{int(opening)}|{lead}|{trail}"

    def to_piece(index: int) -> tuple[int, int]:
        line = _line_of(line_starts, index)
        return line + 1, index - line_starts[line]  # +1: the opening '+++' line

    first_line, first_col = to_piece(value.start)
    last_line, last_col = to_piece(value.end)
    pieces = (Piece(first_line, first_col, first_col if last_line != first_line else last_col),)
    if last_line != first_line:
        pieces += (Piece(last_line, 0, last_col),)
    return Segment(msgid=msgid, kind=BlockKind.FRONT_MATTER, line=first_line + 1, pieces=pieces,
                   msgctxt=key_path, style=style)


#: JSON front matter opens with a brace and a quoted key (or a brace alone on line 1);
#: prose or markup opening with a brace (``{2024}``, ``{.lead}``, ``{{< figure >}}``) does not.
_JSON_FRONT_MATTER_START = re.compile(r'\{\s*"')


def _check_json_front_matter(texts: Sequence[str], path: str) -> None:
    """Refuse JSON front matter, valid or not. Hugo reads every article opening with '{' as
    JSON front matter; one with a missing comma or brace must not be taken for a paragraph
    (and machine-translated), so what opens like JSON front matter and does not parse is
    reported at the line where JSON stops making sense."""
    text = "\n".join(texts)
    try:
        value, _ = json.JSONDecoder().raw_decode(text)
    except RecursionError:  # Python's JSON reader recurses into nested values
        raise ArticleError("the article opens with JSON front matter ('{ ... }') nested too deeply "
                           "to read", path=path, line=1,
                           hint="convert the front matter to YAML between '---' lines, then run "
                                "the command again") from None
    except json.JSONDecodeError as exc:
        if texts[0].strip() == "{" or _JSON_FRONT_MATTER_START.match(text):
            raise _broken_json_front_matter(exc, path) from None
        return
    if isinstance(value, dict):
        _refuse_json_front_matter(path)


def _broken_json_front_matter(exc: json.JSONDecodeError, path: str) -> ArticleError:
    """The error for JSON front matter that does not parse, at the line to fix: a trailing
    comma (allowed in JavaScript, not in JSON) is where the editor must look, not the
    closing brace or bracket after it, where Python's reader stops."""
    hint = ("convert the front matter to YAML between '---' lines ('hugo convert toYAML' "
            "converts a whole site), then run the command again")
    before = exc.doc[:exc.pos].rstrip()
    if exc.doc[exc.pos:exc.pos + 1] in ("}", "]") and before.endswith(","):
        line = before.count("\n") + 1
        return ArticleError(
            f"the article opens with JSON front matter ('{{ ... }}') that is not valid JSON: "
            f"a trailing comma before '{exc.doc[exc.pos]}' on line {exc.lineno}",
            path=path, line=line,
            hint=f"delete that comma ('hugo convert toYAML' cannot read the file with it), then {hint}")
    return ArticleError(
        f"the article opens with JSON front matter ('{{ ... }}') that is not valid JSON: {exc.msg}",
        path=path, line=exc.lineno, hint=hint)


def _refuse_json_front_matter(path: str) -> None:
    """Hugo's JSON front matter would otherwise be read as a paragraph (and machine-translated)."""
    raise ArticleError(
        "JSON front matter ('{ ... }') is not supported: only YAML front matter between '---' lines "
        "and TOML front matter between '+++' lines are",
        path=path,
        line=1,
        hint="convert the front matter to YAML ('hugo convert toYAML' converts a whole site), "
             "then run the command again",
    )


def _compose_yaml(yaml_text: str, path: str) -> yaml.Node | None:
    try:
        return yaml.compose(yaml_text, Loader=_SAFE_YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        tab = _tab_indented_line(yaml_text, exc.problem_mark)
        if tab is not None:
            raise ArticleError("invalid front matter: a tab indents this line; YAML indents with "
                               "spaces only", path=path, line=tab + 2,
                               hint="replace the tab with spaces, then run the command again") from None
        mark = _telling_mark(exc)
        line = _mark_line(yaml_text, mark) if mark is not None else 2
        text = (yaml_text.split("\n") + [""])[line - 2]
        separator = re.search("[\u0085\u2028\u2029]", text)
        if separator is not None and not re.search("[\"']", text[:separator.start()]):  # in quotes: text
            raise ArticleError(f"invalid front matter: an invisible line separator "
                               f"(U+{ord(separator.group()):04X}) on this line, which YAML reads as a line break",
                               path=path, line=line,
                               hint="delete it (text pasted from a web page or a word processor can "
                                    "carry one), or put the value in double quotes") from None
        what = "; ".join(part for part in (exc.context, exc.problem) if part)
        plain = _quote_problem(yaml_text, exc)
        slip = None if plain else _yaml_slip(yaml_text, exc)
        if slip is not None:
            raise ArticleError(f"invalid front matter: {slip.message}", path=path,
                               line=yaml_text.count("\n", 0, slip.index) + 2,
                               hint=f"{slip.hint}, then run the command again") from None
        raise ArticleError(
            f"invalid front matter: {plain or what}",
            path=path,
            line=line,
            hint=_QUOTE_HINT if plain else
            "fix the YAML between the '---' lines (quote values that contain ': ' or start with a symbol)",
        ) from None
    except yaml.reader.ReaderError as exc:
        # A control character (ESC, BEL... pasted from another program): the message PyYAML
        # gives names a position in "<unicode string>" and the line is not the mark's.
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        raise ArticleError(f"invalid front matter: control character U+{code:04X}, which "
                           "YAML does not allow", path=path,
                           line=yaml_text.count("\n", 0, exc.position) + 2,
                           hint="delete the character, then run the command again") from None
    except yaml.YAMLError as exc:
        raise ArticleError(f"invalid front matter: {exc}", path=path, line=2) from None


_QUOTE_HINT = ("write a quote inside a value as \\\" between double quotes or '' between single "
               "quotes, or use typographic quotes (“…”, «…»), then run the command again")


def _quote_problem(yaml_text: str, exc: yaml.MarkedYAMLError) -> str | None:
    """What went wrong, in an editor's words, when it is a quotation mark: headlines quote
    people, and a straight quote inside a quoted value ends the value there (PyYAML then
    speaks of scalars and block ends)."""
    problem, mark = exc.problem or "", exc.problem_mark
    if exc.context == "while scanning a quoted scalar" and "end of stream" in problem:
        return "the quote that opens this value is never closed"
    if mark is not None and (exc.context or "").startswith("while parsing"):
        before = yaml_text[yaml_text.rfind("\n", 0, mark.index) + 1:mark.index].rstrip()
        if before.endswith(('"', "'")):
            return "text follows the closing quote of a value (a quote inside it ends it)"
    return None


class _Slip(NamedTuple):
    """A YAML slip in an editor's words: where (an index into the front matter), what YAML
    made of the text, what to write instead."""

    index: int
    message: str
    hint: str


#: A ``key: value`` line (or a list item's), its key and value apart.
_KEY_VALUE_LINE = re.compile(r"(?P<indent>[ ]*(?:-[ ]+)*)(?P<key>[^\s:#'\"\[\]{},][^:#]*?|\"[^\"]*\"|'[^']*')"
                             r":[ \t]+(?P<value>\S.*?)[ \t]*\Z")
#: A key whose colon has no space after it (``summary:Text``): YAML reads it as text.
_KEY_WITHOUT_SPACE = re.compile(r"(?P<indent>[ ]*(?:-[ ]+)*)(?P<key>[A-Za-z_][\w.-]*):(?P<value>[^\W_].*?)[ \t]*\Z")
#: What a character opening a plain value makes of it, for the slips PyYAML names in its
#: own terms (an alias, an anchor, a block scalar, a list item).
_VALUE_OPENERS = {
    "*": "a reference to another value (an alias: '&name' above, '*name' here)",
    "&": "a name for the value (an anchor, '&name', for '*name' to refer to)",
    ">": "the start of a block of text on the lines below",
    "|": "the start of a block of text on the lines below",
    "-": "a list item",
    "[": "a list, so the text after its ']' breaks the line",
    "{": "a mapping, so the text after its '}' breaks the line",
    "?": "the start of a key",
    "!": "a type tag, not text",
}
_OWN_USE = "keeps for its own use"
#: PyYAML's words for a character that may not open a value: '@', '`', '%', ',', ']', '}'.
_NO_START = ("found character that cannot start any token", "did not find expected node content")


def _line_around(yaml_text: str, index: int) -> tuple[str, int, int]:
    """The line of the front matter holding a position, where it starts, and the position's
    column in it (counted in characters, with editors' line breaks only)."""
    start = yaml_text.rfind("\n", 0, index) + 1
    end = yaml_text.find("\n", index)
    return yaml_text[start:end if end >= 0 else len(yaml_text)].rstrip("\r"), start, index - start


def _line_above(yaml_text: str, start: int) -> tuple[str, int] | None:
    """The last line before the one starting at ``start`` that holds more than a comment,
    and where it starts."""
    while start > 0:
        start = yaml_text.rfind("\n", 0, start - 1) + 1
        text, _, _ = _line_around(yaml_text, start)
        if text.strip() and not text.lstrip().startswith("#"):
            return text, start
    return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _quoted(indent: str, key: str, value: str) -> str:
    """The line as it should be written: its value in double quotes, escaped as YAML reads them."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{indent}{key}: "{escaped}"'.strip()


def _yaml_slip(yaml_text: str, exc: yaml.MarkedYAMLError) -> _Slip | None:
    """The slips editors make in front matter, told in their words: PyYAML speaks of
    "mapping values", "tokens" and "block ends", which say nothing to a person who typed a
    headline with a colon, an '@', '[Update]' or '*Breaking*' at its start, a key without
    the space after its colon, or indented a line by one space too many."""
    problem, mark, context = exc.problem or "", exc.problem_mark, exc.context or ""
    if mark is None:
        return None
    if context.startswith(("while parsing a flow sequence", "while parsing a flow mapping")) \
            and exc.context_mark is not None:
        return _unclosed_flow(context, exc.context_mark.index)
    if context.startswith(("while scanning a simple key", "while scanning an alias", "while scanning an anchor",
                           "while scanning a block scalar", "while scanning for the next token",
                           "while scanning a tag")) \
            and exc.context_mark is not None:
        mark = exc.context_mark
    text, start, column = _line_around(yaml_text, mark.index)
    if problem in _NO_START and yaml_text[mark.index:mark.index + 1] == "\t":
        return _Slip(start, "a tab on this line where YAML takes only a space (after a '-' or a key's ':')",
                     "replace the tab with a space")
    line = _KEY_VALUE_LINE.fullmatch(text)
    if line is not None and column >= line.start("value"):
        slip = _value_slip(line, exc, start, column)
        if slip is not None:
            return slip
    if context == "while scanning a simple key":
        return _missing_space(text, start) or _Slip(
            start, "this line is neither 'key: value' nor indented under a key",
            "if it continues the value above, indent it (or join it to that line); otherwise "
            "write it as 'key: value'")
    if text.strip() and column == _indent(text) and (problem in _NO_START or problem == "found undefined alias"
                                                     or context.startswith("while scanning")):
        return _line_opening_slip(text, start)
    if problem.startswith("mapping values are not allowed"):
        return _misread_continuation(yaml_text, text, start, mark.index)
    if "<document start>" in problem:
        return _Slip(start, "this line is indented differently from the first key",
                     "start every top-level key at the beginning of its line")
    if context.startswith("while parsing a block") and problem in ("did not find expected key",
                                                                    "did not find expected '-' indicator"):
        if text.lstrip().startswith("- "):
            return _Slip(start, "a list item ('- ') where YAML expects 'key: value'",
                         "put the list under its key, each item indented on a line of its own "
                         "(tags: then '  - economy')")
        return _Slip(start, "this line is indented differently from the keys above it",
                     "indent it as far as the other keys at its level")
    return None


def _line_opening_slip(text: str, start: int) -> _Slip:
    """A line opening with a character YAML reads as syntax where a key should be (``@image:``,
    or a block of text that lost its indentation: ``*  more``)."""
    char = text.strip()[0]
    what = f"reads as {_VALUE_OPENERS[char]}" if char in _VALUE_OPENERS else _OWN_USE
    return _Slip(start, f"this line starts with {char!r}, which YAML {what}",
                 f"a key starts with a letter: delete the {char!r}, or, if the line continues "
                 "the text above, indent it under its key (or put that text in quotes)")


def _missing_space(text: str, start: int) -> _Slip | None:
    """``summary:Text``: without a space after the colon, YAML reads the whole line as text."""
    line = _KEY_WITHOUT_SPACE.fullmatch(text)
    if line is None:
        return None
    key = line.group("key")
    return _Slip(start, f"the colon after {key!r} has no space after it, so YAML reads the line as text",
                 f"write a space after the colon: {line.group('indent')}{key}: {line.group('value')}".rstrip())


def _misread_continuation(yaml_text: str, text: str, start: int, index: int) -> _Slip | None:
    """A ``key:`` that YAML read as the rest of the value above, which then meets a colon:
    the line is indented too far, or the line above lacks its colon (or the space after it)."""
    above = _line_above(yaml_text, start)
    if above is None:
        return None
    above_text, above_start = above
    if _KEY_VALUE_LINE.fullmatch(above_text) is None and not above_text.rstrip().endswith(":"):
        missing = _missing_space(above_text, above_start)
        if missing is not None:
            return missing
        listed = re.match(r"[ ]*-(?:[ ]|\Z)", above_text) is not None  # a list item needs no colon
        if ":" not in above_text and not listed and index - start >= _indent(text):
            return _Slip(above_start, "this line has no colon (':') after its key, so YAML reads "
                                      "the line below as the rest of its text",
                         "write it as 'key: value', with a colon and a space after the key")
    if _indent(text) > _indent(above_text):
        return _Slip(start, "this line is indented further than the line above it, so YAML reads "
                            "it as the rest of that line's value",
                     "indent it as far as the other keys at its level (if it continues the value "
                     "above, put that whole value in quotes)")
    return None


def _value_slip(line: re.Match[str], exc: yaml.MarkedYAMLError, start: int, column: int) -> _Slip | None:
    """A slip inside the value of a ``key: value`` line: a character opening it that YAML
    reads as syntax, each known by the error it makes (a '[' inside the value is no slip of
    the value's first character)."""
    problem, context = exc.problem or "", exc.context or ""
    key, value = line.group("key"), line.group("value")
    at_start = column == line.start("value")
    quote = f"put the whole value in quotes: {_quoted(line.group('indent'), key, value)}"
    if problem.startswith("mapping values are not allowed"):
        if ": " in value:
            return _Slip(start, f"the value of {key!r} holds a colon and a space (': '), which YAML "
                                "reads as the start of another key", quote)
        return _Slip(start, f"the value of {key!r} ends with a colon, which YAML reads as the "
                            "start of another key", quote)
    first = value[0]
    if problem in _NO_START and at_start:
        return _Slip(start, f"the value of {key!r} starts with {first!r}, which YAML {_OWN_USE}", quote)
    opener = value[0] if value.startswith(("- ", "? ")) else first if first in _VALUE_OPENERS.keys() - {"-", "?"} \
        else None
    made = {"*": at_start and (context.startswith("while scanning an alias") or problem == "found undefined alias"),
            "&": at_start and context.startswith("while scanning an anchor"),
            ">": at_start and context.startswith("while scanning a block scalar"),
            "-": problem.startswith("block sequence entries are not allowed"),
            "?": problem.startswith("mapping keys are not allowed"),
            "!": at_start and context.startswith("while scanning a tag"),
            "[": context.startswith("while parsing a block mapping"),
            "{": context.startswith("while parsing a block mapping")}
    made["|"] = made[">"]
    if opener is None or not made[opener]:
        return None
    if opener == "-":
        quote += f"; for a list, put each item on a line of its own below '{key}:' ('  - item')"
    shown = f"{opener} " if opener in "-?" else opener
    return _Slip(start, f"the value of {key!r} starts with {shown!r}, which YAML reads as "
                        f"{_VALUE_OPENERS[opener]}", quote)


def _unclosed_flow(context: str, opened: int) -> _Slip:
    """A ``[...]`` list or ``{...}`` mapping not closed on its line (or missing a comma):
    PyYAML stops where it expected ',' or the closing bracket, at the next key's line."""
    kind, opening, closing, example = ("list", "[", "]", "tags: [port, economy]") if "sequence" in context \
        else ("mapping", "{", "}", "image: {src: port.jpg, alt: Port}")
    return _Slip(opened, f"the {kind} opened with {opening!r} on this line is never closed, or "
                         "lacks a comma between its items",
                 f"close it with {closing!r} and separate its items with commas ({example}), an item "
                 f"holding ': ' or ',' in quotes; if the {opening!r} is part of the text, put the whole "
                 "value in quotes")


def _telling_mark(exc: yaml.MarkedYAMLError) -> yaml.Mark | None:
    """The position an editor should look at. For an unclosed quote or bracket, where the
    context opened; but a block mapping or list is merely where the broken line's parent
    starts (line 2 for a top-level key), so there the problem's own position is the line."""
    if exc.context and exc.context.startswith("while parsing a block"):
        return exc.problem_mark or exc.context_mark
    return exc.context_mark or exc.problem_mark


def _mark_line(yaml_text: str, mark: yaml.Mark) -> int:
    """The article's line of a YAML position. PyYAML's own ``mark.line`` also counts NEL,
    U+2028 and U+2029 as line breaks (YAML 1.1), which no editor shows as one."""
    return yaml_text.count("\n", 0, mark.index) + 2


def _tab_indented_line(yaml_text: str, mark: yaml.Mark | None) -> int | None:
    """The (0-based) line of the problem if a tab indents it: PyYAML then says "found
    character that cannot start any token", or names the line where the value began."""
    if mark is None:
        return None
    lines = yaml_text.split("\n")
    if mark.line < len(lines) and re.match(r"[ ]*\t", lines[mark.line]):
        return mark.line
    return None


def _check_duplicate_keys(node: yaml.Node, path: str, yaml_text: str,
                          visited: set[int] | None = None) -> None:
    """Refuse a mapping that names a key twice, or a key indented by an invisible space
    (see :func:`_check_key_indent`). A node reached again through an alias (``*name``) was
    checked already: following every alias would take 9**n steps for n lines that each
    repeat the line above nine times."""
    visited = set() if visited is None else visited
    if id(node) in visited:
        return
    visited.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, yaml.Mark] = {}  # lines counted only for an error: counting each took n² steps
        for key, value in node.value:
            _check_key_indent(key, path, yaml_text)
            name = str(key.value)
            if name in seen:
                raise ArticleError(
                    f"duplicate front-matter key {name!r} (first on line {_mark_line(yaml_text, seen[name])})",
                    path=path,
                    line=_mark_line(yaml_text, key.start_mark),
                    hint="keep one of the two entries",
                )
            seen[name] = key.start_mark
            _check_duplicate_keys(value, path, yaml_text, visited)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_duplicate_keys(item, path, yaml_text, visited)


#: Spaces YAML does not read as indentation: an unquoted key opening with one is a new key.
_INVISIBLE_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u200b\u202f\u205f\u3000\ufeff"


def _check_key_indent(key: yaml.Node, path: str, yaml_text: str) -> None:
    """Refuse an unquoted key that opens with a non-breaking or other invisible space (text
    pasted from a web page or a word processor): YAML does not read it as indentation, so
    ``  caption:`` under ``image:`` would become a top-level key of its own and its value
    would silently go untranslated."""
    if not isinstance(key, yaml.ScalarNode) or key.style:  # plain: None, or "" from libyaml
        return
    first = str(key.value)[:1]
    if first and first in _INVISIBLE_SPACES:
        raise ArticleError(f"invalid front matter: an invisible space (U+{ord(first):04X}) "
                           "indents this line, which YAML does not read as indentation",
                           path=path, line=_mark_line(yaml_text, key.start_mark),
                           hint="replace it with ordinary spaces, then run the command again")


def _scalar_values(node: yaml.Node, prefix: str, seen: set[int] | None = None,
                   in_flow: bool = False) -> Iterator[tuple[str, yaml.ScalarNode, bool]]:
    """Every scalar with its key path and whether it sits inside a flow collection
    (``{...}``/``[...]``); an alias (``*name``) is not a second copy of its anchor's text,
    so a node reached again through an alias is skipped."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        flow = in_flow or bool(node.flow_style)
        for key, value in node.value:
            yield from _scalar_values(value, f"{prefix}{key.value}.", seen, flow)
    elif isinstance(node, yaml.SequenceNode):
        flow = in_flow or bool(node.flow_style)
        for index, item in enumerate(node.value):
            yield from _scalar_values(item, f"{prefix}{index}.", seen, flow)
    elif isinstance(node, yaml.ScalarNode):
        yield prefix[:-1], node, in_flow


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _translatable_scalars(root: yaml.Node, wanted: set[str]) -> Iterator[tuple[str, yaml.ScalarNode, bool]]:
    """Every scalar under a wanted key path, once, with its first such path (list indices
    kept: ``gallery.0.caption``) and whether it is written inside a flow collection. A value
    reached through an alias (``caption: *credit``) or a merge key (``<<: *defaults``) is
    found under that path too: its anchor may sit under a key nobody translates
    (``defaults.caption``), and the page shows it where the alias is, so it was published in
    the source language without a word. It is translated where it is written, once. A node
    is visited once per key path without indices, and only along the paths a wanted one
    starts with, so nine lines that each repeat the line above nine times take no 9**9 steps."""
    flow_of = {id(node): in_flow for _, node, in_flow in _scalar_values(root, "")}
    prefixes = {".".join(parts[:end]) for key in wanted for parts in [key.split(".")]
                for end in range(len(parts) + 1)}
    visited: set[tuple[int, str]] = set()
    found: set[int] = set()

    def walk(node: yaml.Node, path: str, plain: str) -> Iterator[tuple[str, yaml.ScalarNode, bool]]:
        if (id(node), plain) in visited:
            return
        visited.add((id(node), plain))
        if isinstance(node, yaml.ScalarNode):
            if plain in wanted and id(node) not in found:
                found.add(id(node))
                yield path[:-1], node, flow_of.get(id(node), False)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                yield from walk(item, f"{path}{index}.", plain)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.tag == _MERGE_TAG:  # <<: *defaults (or [*a, *b]): their keys are this mapping's
                    for merged in value.value if isinstance(value, yaml.SequenceNode) else [value]:
                        yield from walk(merged, path, plain)
                    continue
                name = str(key.value)
                inner = plain if name.isdigit() else f"{plain}.{name}" if plain else name
                if inner in prefixes:
                    yield from walk(value, f"{path}{name}.", inner)

    yield from walk(root, "", "")


def _reads_as_text(node: yaml.ScalarNode, yaml_text: str) -> bool:
    """Whether a scalar is text a reader sees: a string, or a plain value YAML happens to read
    as a boolean, number or date (``title: yes``, ``description: 2024``), which the page shows
    as written. Not an empty value (``~``, ``null``), nor one its author tagged (``!!int 7``)."""
    if node.tag.endswith(":str"):
        return True
    if node.style or node.tag.endswith(":null"):
        return False
    properties = _YAML_PROPERTIES.match(yaml_text, node.start_mark.index, node.end_mark.index)
    return properties is None or "!" not in properties.group(0)


def _refuse_local_tag(key_path: str, node: yaml.ScalarNode, yaml_text: str, path: str) -> None:
    """Refuse a translatable value opening with a word after '!' (``title: !Breaking news``):
    YAML reads ``!Breaking`` as a type tag, not text, so the value was silently left out of
    translation and published as written in every language."""
    if not node.tag.startswith("!") or node.tag == "!":
        return
    written = yaml_text[node.start_mark.index:node.end_mark.index].strip()
    key = next((part for part in reversed(key_path.split(".")) if not part.isdigit()), key_path)
    escaped = written.replace("\\", "\\\\").replace('"', '\\"')
    raise ArticleError(f"invalid front matter: the value of {key!r} starts with {node.tag!r}, which YAML "
                       "reads as a type tag, not text, so it would not be translated",
                       path=path, line=_mark_line(yaml_text, node.start_mark),
                       hint=f'put the whole value in quotes: {key}: "{escaped}", then run the command again')


#: Hugo 0.123+ keeps a page's own fields under ``params`` (``[params]`` in TOML, ``params:`` in
#: YAML): a configured ``subtitle`` is the page's subtitle there too (``params.subtitle``).
PARAMS_PREFIX = "params."


def key_path_matches(key_path: str, wanted: Collection[str]) -> bool:
    """``gallery.2.caption`` matches the configured ``gallery.caption``: list indices are
    skipped, for ``front_matter_keys`` and ``[publish] require_review`` alike. A key
    ``X`` also matches ``params.X`` (see :data:`PARAMS_PREFIX`), and nothing deeper."""
    if key_path in wanted:
        return True
    without_indices = ".".join(p for p in key_path.split(".") if not p.isdigit())
    return without_indices in wanted or (without_indices.startswith(PARAMS_PREFIX)
                                         and without_indices[len(PARAMS_PREFIX):] in wanted)


def with_params(keys: Iterable[str]) -> set[str]:
    """``keys`` and each one under ``params`` (:func:`key_path_matches`' rule as key paths)."""
    wanted = set(keys)
    return wanted | {PARAMS_PREFIX + key for key in wanted}


def _top_level_value(root: yaml.MappingNode, name: str) -> yaml.Node | None:
    for key, value in root.value:
        if key.value == name:
            return value
    return None


_YAML_PROPERTIES = re.compile(r"(?:[&!][^ \t\r\n]*[ \t\r\n]+)+")


def _front_matter_segment(key_path: str, node: yaml.ScalarNode, yaml_text: str,
                          line_starts: list[int], in_flow: bool = False) -> Segment:
    start = node.start_mark.index
    # The node starts at its properties (``&anchor``, ``!tag``): they are not the value.
    properties = _YAML_PROPERTIES.match(yaml_text, start, node.end_mark.index)
    if properties is not None:
        start = properties.end()
    original = yaml_text[start:node.end_mark.index]
    style = node.style or "plain"
    msgid, cont_prefix = node.value, ""
    end = node.end_mark.index
    if style in ("|", ">"):
        style, msgid, end, cont_prefix = _block_scalar(node, yaml_text, start, original)

    def to_piece(index: int) -> tuple[int, int]:
        line = _line_of(line_starts, index)
        return line + 1, index - line_starts[line]  # +1: the opening '---' line

    first_line, first_col = to_piece(start)
    last_line, last_col = to_piece(end)
    pieces = (Piece(first_line, first_col, first_col if last_line != first_line else last_col),)
    if last_line != first_line:
        pieces += (Piece(last_line, 0, last_col),)
    if style == "plain" and in_flow:
        style = "flow-plain"  # inside {...} or [...]: ',', '[', ']', '{', '}' end a plain scalar
    return Segment(msgid=msgid, kind=BlockKind.FRONT_MATTER, line=first_line + 1,
                   pieces=pieces, msgctxt=key_path, style=f"yaml{style}", cont_prefix=cont_prefix)


_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")


def _block_scalar(node: yaml.ScalarNode, yaml_text: str, start: int, original: str) -> tuple[str, str, int, str]:
    """A block scalar's (style, msgid, end, content indentation). The final line breaks are
    the chomping's (``|`` keeps one, ``|+`` all, ``|-`` none), not text: a msgid ending in one
    must be copied by every translator, and editors and ``msgfmt -c`` complain when it is not.
    The style is the header's line as written (``|``, ``>-``, ``|2+``, a comment after it)
    followed by those breaks, so a translation is written back with them; the value ends at
    its last line's end (trailing spaces there are text, trailing blank lines are not)."""
    header = original.split("\n", 1)[0].rstrip()
    msgid = node.value.rstrip("\n")
    tail = node.value[len(msgid):]
    indentation = _content_indentation(original, node.value)
    # The last line deeper than the indentation holds text, were it spaces only.
    lines = original.split("\n")
    last = max(i for i, line in enumerate(lines) if i == 0 or len(line) > len(indentation))
    end = min(start + sum(len(line) + 1 for line in lines[:last]) + len(lines[last]), node.end_mark.index)
    return header + tail, msgid, end, indentation


def _content_indentation(original: str, value: str) -> str:
    """The spaces that start a block scalar's lines (``original``: its header and lines as
    written): its first line holding text, less the spaces that line keeps in ``value``. Under
    an indentation indicator (``|2``) that line may open with spaces of its own, which are text."""
    content = re.search(r"\n([ ]*)[^ \n]", original)
    if content is None:
        return ""
    kept = re.search(r"(?:^|\n)([ ]*)[^ \n]", value)
    return content.group(1)[:len(content.group(1)) - len(kept.group(1))] if kept else content.group(1)


def _line_of(line_starts: list[int], index: int) -> int:
    return bisect.bisect_right(line_starts, index) - 1


#: A code or comment block of template syntax on lines of its own, blank lines allowed inside:
#: Jekyll's and Eleventy's ``{% highlight %}``/``{% comment %}``, Hugo's ``highlight``,
#: kramdown's ``{::comment}``; and Obsidian's comment between two lines of ``%%`` alone, or
#: opening a line with ``%%`` and its text and closing one with its text and ``%%`` (``%% Check
#: the figure`` … ``ask the desk. %%``), no other ``%%`` on its lines; never over a code
#: fence's line (MATLAB's cells are ``%%`` lines too).
_LITERAL_BLOCK = re.compile(
    r"^[ \t]*(?:\{%-?[ \t]*(?P<tag>highlight|comment)\b.*?%\}.*?\{%-?[ \t]*end(?P=tag)[ \t]*-?%\}"
    r"|" + KRAMDOWN_COMMENT_PATTERN +
    r"|\{\{[<%][ \t]*highlight\b.*?[>%]\}\}.*?\{\{[<%][ \t]*/[ \t]*highlight[ \t]*[>%]\}\}"
    r"|%%[ \t]*\n(?:(?![ \t]*(?:```|~~~))[^\n]*\n)*?[ \t]*%%"
    r"|%%(?!%)(?:(?!%%)[^\n])*\n(?:(?![ \t]*(?:```|~~~))(?:(?!%%)[^\n])*\n)*?(?:(?!%%)[^\n])*(?<![\d%\\])%%)[ \t]*$",
    re.MULTILINE | re.DOTALL)


def _without_literal_blocks(texts: list[str]) -> None:
    """Blank the lines of template code and comment blocks: for Markdown they are paragraphs
    (split at their blank lines), but their text is code the generator highlights, or notes
    it drops, not prose."""
    joined = "\n".join(texts)
    if "{" not in joined and "%%" not in joined:
        return
    for found in _LITERAL_BLOCK.finditer(joined):
        first = joined.count("\n", 0, found.start())
        for i in range(first, first + found.group(0).count("\n") + 1):
            texts[i] = ""


def body_tokens(lines: SourceLines, fm_end: int) -> tuple[list[str], list[Token]]:
    """The body's lines (front matter and literal template blocks blanked, so line numbers
    stay the file's) and its block tokens, inline parsing off: the blocks segments come
    from, and where :mod:`pipeline.assets` looks for the files an article links to."""
    texts = list(lines.texts)
    for i in range(fm_end):
        texts[i] = ""
    _without_literal_blocks(texts)
    return texts, list(_parsed_blocks("\n".join(texts)))


@functools.lru_cache(maxsize=4)
def _parsed_blocks(body: str) -> tuple[Token, ...]:
    """The block tokens of ``body``, kept for the next caller: reading an article and finding
    the files it links to parse the same body one after the other, and the parse is the
    costliest step of both (nothing changes a token once the parser made it).

    The parser reads ``body`` with its multi-line template tags masked (see
    :func:`_mask_tag_lines`); the tokens' text is the source's own again."""
    masked, lines = _mask_tag_lines(body)
    tokens = _MD.parse(masked)
    if lines:
        _unmask(tokens, body.split("\n"), masked.split("\n"), lines)
    return tuple(tokens)


#: Block-quote markers before a tag on its first line (``> {{< figure``).
_QUOTE_DEPTH = re.compile(r"(?:[ \t]*>)*")
#: A block-quote marker that starts a tag's continuation line inside the same quotes.
_QUOTE_MARKER_AT = re.compile(r"[ \t]{0,3}>")
#: A blank line inside a tag (in block quotes, a line of quote markers only).
_BLANK_LINE_INSIDE = re.compile(r"\n[ \t>]*\n")
#: What every tag with arguments starts with: most articles have none, and are not searched.
_ARGUMENT_TAG_OPENERS = ("{{<", "{{%", "{%")


def _mask_tag_lines(body: str) -> tuple[str, frozenset[int]]:
    """``body`` with the first character of each continuation line of a multi-line template
    tag (``{{< figure`` / ``  caption="..."`` / ``>}}``) replaced by a letter, and those lines.

    The generator reads the tag before any Markdown is read; markdown-it would read a line
    ``>}}`` as a block quote, ``- x`` as a list, and cut the tag in two. Masked, the tag is one
    paragraph's text (or stays in its HTML block), and its arguments can be found. Lines keep
    their length, so every position found in the masked text is the source's. A tag with a
    blank line inside is not masked: it is no tag Markdown can keep in one block."""
    if "\n" not in body or not any(opener in body for opener in _ARGUMENT_TAG_OPENERS):
        return body, frozenset()
    chars: list[str] | None = None
    lines: set[int] = set()
    code: _CodeFinder | None = None
    for region in template_tags(body):
        if not reads_arguments(body, region.start):
            continue
        tag = body[region.start:region.end]
        if "\n" not in tag or _BLANK_LINE_INSIDE.search(tag):
            continue
        code = code if code is not None else _CodeFinder(body)
        if code.touches(region):
            continue
        chars = chars if chars is not None else list(body)
        line_start = body.rfind("\n", 0, region.start) + 1
        depth = _QUOTE_DEPTH.match(body, line_start, region.start).group(0).count(">")  # type: ignore[union-attr]
        line = body.count("\n", 0, region.start)
        newline = body.find("\n", region.start, region.end)
        while newline >= 0:
            line += 1
            at = _after_quote_markers(body, newline + 1, depth)
            if at < region.end and body[at] != "\n":
                chars[at] = "x"
                lines.add(line)
            newline = body.find("\n", newline + 1, region.end)
    return ("".join(chars), frozenset(lines)) if chars is not None else (body, frozenset())


class _CodeFinder:
    """Where ``body``, read as written, has code: what looks like a tag that starts in a code
    span or touches a code block's lines (``{{< figure`` in a fence, its ``>}}`` in the prose
    after it) is the code's, and masking its lines would end the fence or join a list to a
    paragraph for a tag no reader has."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.code_lines: set[int] = set()
        self.inline: dict[int, Token] = {}
        for token in _MD.parse(body):
            if token.map is None:
                continue
            if token.type in ("fence", "code_block"):
                self.code_lines.update(range(token.map[0], token.map[1]))
            elif token.type == "inline" and "`" in token.content:
                for line in range(token.map[0], token.map[1]):
                    self.inline[line] = token

    def touches(self, region: Region) -> bool:
        first = self.body.count("\n", 0, region.start)
        last = first + self.body.count("\n", region.start, region.end)
        if any(line in self.code_lines for line in range(first, last + 1)):
            return True
        token = self.inline.get(first)
        if token is None or token.map is None:
            return False
        # Each content line of the paragraph is the tail of its source line.
        sources = self.body.split("\n")[token.map[0]:first + 1]
        parts = token.content.split("\n")
        if len(parts) < len(sources):
            return False
        line_start = self.body.rfind("\n", 0, region.start) + 1
        column = region.start - line_start - (len(sources[-1]) - len(parts[len(sources) - 1]))
        if column < 0:
            return False
        at = sum(len(part) + 1 for part in parts[:len(sources) - 1]) + column
        content = token.content
        return any(span.start <= at < span.end
                   for span in code_spans(blank_out(content, template_tags(content))))


def _after_quote_markers(body: str, at: int, depth: int) -> int:
    """Where a line's own text starts after ``depth`` block-quote markers and the spaces after them."""
    for _ in range(depth):
        marker = _QUOTE_MARKER_AT.match(body, at)
        if marker is None:
            break
        at = marker.end()
    while at < len(body) and body[at] in " \t":
        at += 1
    return at


def _unmask(tokens: list[Token], source: list[str], masked: list[str], lines: frozenset[int]) -> None:
    """Give the paragraphs' and HTML blocks' text read from masked lines the source's characters:
    each of their content lines is the tail of its source line (after container markers)."""
    for token in tokens:
        if token.type not in ("inline", "html_block") or token.map is None:
            continue
        if not any(token.map[0] <= line < token.map[1] for line in lines):
            continue
        parts = token.content.split("\n")
        for k, part in enumerate(parts):
            line = token.map[0] + k
            if line in lines and part and line < len(masked) and masked[line].endswith(part):
                parts[k] = source[line][len(source[line]) - len(part):]
        token.content = "\n".join(parts)


def _body_segments(lines: SourceLines, fm_end: int) -> Iterator[Segment]:
    texts, tokens = body_tokens(lines, fm_end)
    split = _split_tag_lines("\n".join(texts), tokens)
    for segment in _block_segments(texts, tokens):
        if not split or not any(piece.line in split for piece in segment.pieces):
            yield segment


#: A template tag's opener and its name (``{{< figure``, ``{% include``).
_NAMED_TAG = re.compile(r"\{\{[<%]-?[ \t]*/?[\w.-]+(?:[ \t\n]|$)|\{%-?[ \t]*[\w.-]+(?:[ \t\n]|$)")


def _split_tag_lines(body: str, tokens: Sequence[Token]) -> frozenset[int]:
    """The lines of the template tags that Markdown splits into several blocks: arguments that
    go on past a blank line (``{{< figure`` / blank / ``caption="..." >}}``), or a tag that
    starts in a block ending on its line (``<!-- x --> {{< abbr`` / ``title="..." >}}``, an HTML
    block and a paragraph). Each piece reads as prose; the generator reads the tag whole. Its
    lines are left as written: a translated piece of a tag (its name, ``caption=``) would be a
    tag the generator cannot read."""
    if "\n" not in body or not any(opener in body for opener in _ARGUMENT_TAG_OPENERS):
        return frozenset()
    lines: set[int] = set()
    code: _CodeFinder | None = None
    blocks: list[tuple[int, int]] | None = None
    for region in template_tags(body) + tags_over_blank_lines(body):
        tag = body[region.start:region.end]
        if "\n" not in tag or not reads_arguments(body, region.start) or not _NAMED_TAG.match(tag):
            continue
        first = body.count("\n", 0, region.start)
        last = first + tag.count("\n")
        if not _BLANK_LINE_INSIDE.search(tag):
            blocks = blocks if blocks is not None else [
                (token.map[0], token.map[1]) for token in tokens
                if token.map is not None and token.type in ("inline", "html_block")]
            if any(start <= first and last < end for start, end in blocks):
                continue
        code = code if code is not None else _CodeFinder(body)
        if code.touches(region):
            continue
        lines.update(range(first, last + 1))
    return frozenset(lines)


def _block_segments(texts: list[str], tokens: Sequence[Token]) -> Iterator[Segment]:
    line_starts = list(itertools.accumulate((len(text) + 1 for text in texts), initial=0))
    containers: list[str] = []
    opened_on: list[int] = []  # the line each open container starts on
    row_cells: list[Token] = []
    row_map: list[int] | None = None
    parent = ""
    heading_markup = ""
    after_paragraph = False  # the paragraph being read follows another in the same container
    opens_item = False  # the paragraph being read opens its list item
    defined = False  # the last paragraph read ends with a definition (``: A harbour.``)
    paragraph = ""  # the text of the last paragraph read
    kept: tuple[str, ...] = ()  # elements kept as written that an HTML block left open
    captions = _table_captions(tokens)
    for previous, token in zip([None, *tokens], tokens):
        kind = token.type
        if htmlblocks.keeps(kept) and kind in ("code_block", "definition", "inline", "tr_close"):
            # Inside an element kept as written (an embedded post's text written as Markdown
            # between its HTML lines): no entry, the text is published as it stands.
            row_map = None
        elif kind == "code_block" and not containers and previous is not None \
                and previous.type == "paragraph_close" and (defined or _opens_indented_text(paragraph)):
            yield from _indented_text(texts, token)
        elif kind == "fence" and not containers and _MYST_DIRECTIVE.fullmatch(token.info.strip()):
            yield from _myst_directive(texts, token)
        elif kind == "fence" and _EXECUTABLE_CELL.match(token.info):
            yield from _cell_captions(texts, token)
            yield from _directive_options(texts, token)
        elif kind == "fence" and "=" in token.info and _FENCE_TITLE.search(token.info):
            yield from _fence_title(texts, token)
        elif kind in ("blockquote_open", "list_item_open"):
            containers.append(kind)
            opened_on.append(token.map[0] if token.map else -1)
        elif kind in ("blockquote_close", "list_item_close"):
            containers.pop()
            opened_on.pop()
        elif kind == "definition":
            yield from _definition_title(texts, line_starts, token)
        elif kind == "html_block":
            yield from _html_block(texts, token, kept)
            kept = _still_open(token, kept)
        elif kind == "tr_open":
            row_cells, row_map = [], token.map
        elif kind == "tr_close":
            if row_map is not None:
                start = _row_content_start(texts[row_map[0]], containers, opened_on, row_map[0])
                yield from _table_row(texts, row_map[0], row_cells, start)
            row_map = None
        elif kind in ("paragraph_open", "heading_open", "th_open", "td_open"):
            after_paragraph = previous is not None and previous.type == "paragraph_close"
            opens_item = previous is not None and previous.type == "list_item_open"
            parent = kind
            heading_markup = token.markup
        elif kind == "inline":
            if parent in ("th_open", "td_open"):
                row_cells.append(token)
            elif parent == "heading_open":
                yield from _heading(texts, token, heading_markup)
            elif parent == "paragraph_open":
                paragraph = token.content
                if _opens_with_a_multiline_tag(paragraph):
                    block = _as_html_block(token)
                    tagged = list(_html_block(texts, block, kept, markdown=True))
                    if tagged:
                        kept = _still_open(block, kept)
                        yield from tagged
                        continue
                caption = _table_caption(texts, token) if id(token) in captions else None
                defined = False
                if caption is not None:
                    yield from caption
                    continue
                found = list(_paragraph(texts, token, _paragraph_kind(containers), after_paragraph, opens_item))
                defined = any(segment.kind is BlockKind.DEFINITION for segment in found)
                yield from found


#: An opening tag (HTML, or a JSX component's in MDX) that spans lines and ends its last one.
_MULTILINE_OPENING_TAG = re.compile(r"<(?P<name>[A-Za-z][\w.:-]*)(?=\s)(?:\"[^\"]*\"|'[^']*'|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}"
                                    r"|[^<>\"'{}])*>[ \t]*\n")


def _opens_with_a_multiline_tag(content: str) -> bool:
    """Whether a paragraph opens with a tag written over several lines (``<Callout`` /
    ``  title="Take care">``), or holding a JSX expression (``<Callout title={"Take care"}>``,
    MDX), with text on the lines after it, a block's element or a
    component, not an inline one (``<span``, ``<a``: the paragraph's own text). CommonMark starts an HTML block
    only at a tag complete on its first line, with HTML's attribute values, so this one is a
    paragraph, and its entry held the tag and was written back on one line, the component's
    layout lost. Read as an HTML block, its text and its attributes readers see are entries,
    and every line stays."""
    if not content.startswith("<"):
        return False
    tag = _MULTILINE_OPENING_TAG.match(content)
    return (tag is not None and ("\n" in content[:tag.end() - 1] or "{" in tag.group())
            and tag.group("name").lower() not in htmlblocks.INLINE)


def _as_html_block(token: Token) -> Token:
    """A paragraph's inline ``token`` as an HTML block token over the same lines."""
    block = Token("html_block", "", 0)
    block.content, block.map = token.content + "\n", token.map
    return block


#: A task list item's checkbox (GFM, Goldmark in Hugo, pymdownx.tasklist) and the spaces after it.
_TASK_BOX = re.compile(r"\[[ xX]\][ \t]+(?=\S)")
#: An Obsidian block identifier closing a block's last line, with the spaces before it.
_BLOCK_ID_AT_END = re.compile(r"(?:\A|[ \t]+)" + BLOCK_ID_PATTERN)
#: A Pandoc table caption's marker (``Table: Books by year``, ``: Books by year``).
_TABLE_CAPTION = re.compile(r"(?:[Tt]able)?:[ \t]+(?=\S)")


def _table_captions(tokens: Sequence[Token]) -> frozenset[int]:
    """The ``id`` of each paragraph's inline token that lies right before or after a table:
    where Pandoc reads a paragraph opening with ``Table:`` or ``:`` as the table's caption."""
    found: set[int] = set()
    if not any(token.type == "table_open" for token in tokens):
        return frozenset()
    for index, token in enumerate(tokens):
        if token.type != "paragraph_open" or index + 2 >= len(tokens):
            continue
        before = tokens[index - 1].type if index else ""
        after = tokens[index + 3].type if index + 3 < len(tokens) else ""
        if before == "table_close" or after == "table_open":
            found.add(id(tokens[index + 1]))
    return frozenset(found)


def _table_caption(texts: list[str], token: Token) -> list[Segment] | None:
    """The entries of a Pandoc table caption (``Table: Books by year {#tbl:books}`` next to a
    table), or None if the paragraph is no caption. Its marker and a closing attribute list
    (Quarto's cross-reference label) are Pandoc's and stay as written: a translated
    ``Table:`` (``Таблица:``) is no caption marker, and the caption became a paragraph."""
    assert token.map is not None
    pieces = _line_pieces(texts, token.map, token.content)
    if not pieces:
        return None
    first = pieces[0]
    marker = _TABLE_CAPTION.match(texts[first.line], first.start, first.end)
    if marker is None:
        return None
    pieces[0] = Piece(first.line, marker.end(), first.end)
    last = pieces[-1]
    pieces[-1] = Piece(last.line, last.start, last.start + _before_attributes(texts[last.line][last.start:last.end]))
    if pieces[-1].start >= pieces[-1].end:
        return None
    return list(_text_block(texts, pieces, BlockKind.PARAGRAPH, "caption"))


#: The indentation an admonition's text is written with: four columns.
_ADMONITION_INDENT = re.compile(r" {4}| {0,3}\t")


def _opens_indented_text(paragraph: str) -> bool:
    """Whether indented lines after ``paragraph`` and a blank line are its text going on,
    not code: after an admonition's first line and after a footnote definition (``[^1]:
    ...``), whose next paragraphs are indented by four columns (Goldmark in Hugo, kramdown,
    markdown-it-footnote, Python-Markdown). So are a definition's (``: A harbour.``; PHP
    Markdown Extra, Pandoc), which the segment reader knows from the paragraph's entries.
    An indented code block in such text is indented by eight."""
    first = paragraph.split("\n", 1)[0]
    return _ADMONITION.match(first) is not None or _FOOTNOTE_LABEL.match(first) is not None


def _holds_a_definition(paragraph: str) -> bool:
    """Whether a line of ``paragraph`` opens with a definition's marker (``: A harbour.``)."""
    return any(_DEFINITION_MARKER.match(line.lstrip(" \t")) is not None for line in paragraph.split("\n"))


def _indented_text(texts: list[str], token: Token) -> Iterator[Segment]:
    """The segments of text indented by four columns after a blank line (an admonition's
    text, a footnote's next paragraphs; see :func:`_opens_indented_text`), which CommonMark
    reads as indented code: the lines are read again as Markdown without their indentation,
    and each segment is put back where its text is, its continuation lines indented as the
    text is. Left as code, it was published untranslated."""
    dedented = _dedented(texts, token)
    if dedented is None:
        return
    inner, widths = dedented
    for segment in _block_segments(inner, _parsed_blocks("\n".join(inner))):
        pieces = tuple(Piece(p.line, p.start + widths[p.line], p.end + widths[p.line]) for p in segment.pieces)
        indent = texts[pieces[0].line][:widths[pieces[0].line]]
        yield dataclasses.replace(segment, pieces=pieces, cont_prefix=indent + segment.cont_prefix)


def _myst_directive(texts: list[str], token: Token) -> Iterator[Segment]:
    """The title and the body of a MyST directive fenced like code whose body is Markdown
    (see :data:`_MYST_DIRECTIVE`), which CommonMark reads as code: left so, it was published
    untranslated. The body's lines after its option lines are read again as Markdown, in
    place; the fences, the directive's name and its options stay as written."""
    assert token.map is not None
    start, end = token.map
    fence = texts[start]
    directive = _MYST_DIRECTIVE.fullmatch(token.info.strip())
    assert directive is not None
    info_at = fence.find(token.info.strip())
    if directive.group("name") in _MYST_TITLED and directive.group("argument") and info_at >= 0:
        title = Piece(start, info_at + directive.start("argument"), info_at + directive.end("argument"))
        yield from _text_block(texts, [title], BlockKind.PARAGRAPH, "info" if token.markup[0] == "`" else "plain-line")
    last = end - 1 if end - 1 > start and texts[end - 1].strip().startswith(token.markup) else end
    first = start + 1
    if first < last and texts[first].strip() == "---":  # options as a YAML block
        closing = next((i for i in range(first + 1, last) if texts[i].strip() == "---"), None)
        first = closing + 1 if closing is not None else first
    options = first
    while first < last and _MYST_OPTION.match(texts[first]):
        first += 1
    yield from _myst_text_options(texts, options, first)
    inner = [""] * len(texts)
    inner[first:last] = texts[first:last]
    yield from _block_segments(inner, _parsed_blocks("\n".join(inner)))


#: A code cell Quarto, R Markdown or Jupyter runs: its fence's language in braces (```` ```{r} ````,
#: ```` ```{python} ````), not a Pandoc class (```` ```{.python} ````).
_EXECUTABLE_CELL = re.compile(r"[ \t]*\{[A-Za-z]")
#: A cell option line (``#| fig-cap: "Cargo by month"``), the comment marker of the cell's
#: language before the bar (``#|``, ``//|`` in Observable, ``%%|`` in Mermaid, ``--|`` in SQL),
#: after the containers' markers and indentation.
_CELL_OPTION = re.compile(r"(?P<prefix>[ \t>]*(?:#|//|%%|--)\|)(?P<yaml>.*)")
#: The cell options readers see: a figure's or table's caption, sub-captions and alt text, a
#: listing's caption, a dashboard card's title (knitr also reads ``fig.cap``).
_CELL_TEXT_OPTIONS = frozenset({"fig-cap", "fig-alt", "fig-subcap", "tbl-cap", "tbl-subcap", "lst-cap", "title",
                                "fig.cap", "fig.alt", "fig.subcap", "tbl.cap"})


#: A caption among the chunk options of R Markdown's header (```` ```{r port, fig.cap="Cargo
#: by month", echo=FALSE} ````), an R string.
_CHUNK_CAPTION = re.compile(r"(?<=[,\s])(?:fig\.cap|fig\.alt|fig\.scap|tab\.cap)[ \t]*=[ \t]*"
                            r"(?:\"(?P<dq>(?:[^\"\\\n]|\\.)*)\"|'(?P<sq>(?:[^'\\\n]|\\.)*)')")


def _chunk_header_captions(texts: list[str], line: int) -> Iterator[Segment]:
    """The captions in a code chunk's header (see :data:`_CHUNK_CAPTION`), each an entry
    written back inside its quotes as a Nunjucks string is (R reads the same escapes)."""
    header = texts[line]
    if "cap" not in header and "alt" not in header:
        return
    for match in _CHUNK_CAPTION.finditer(header, header.find("{")):
        group = "dq" if match.group("dq") is not None else "sq"
        value = match.group(group)
        if _HAS_LETTER.search(value):
            yield Segment(msgid=value, kind=BlockKind.CELL_CAPTION, line=line + 1,
                          pieces=(Piece(line, match.start(group), match.end(group)),), style=f"tplarg-call-{group}")


def _cell_captions(texts: list[str], token: Token) -> Iterator[Segment]:
    """The captions and alt text among a code cell's option lines (``#| fig-cap: "Cargo by
    month"``), each an entry written back inside its own quotes on its line; the other
    options (``#| label: fig-port``, ``#| echo: false``) and the code stay as written. Left in
    the cell, a figure's caption was published untranslated."""
    assert token.map is not None
    start, end = token.map
    yield from _chunk_header_captions(texts, start)
    prefixes: list[int] = []
    for line in texts[start + 1:end]:
        option = _CELL_OPTION.fullmatch(line)
        if option is None:
            break
        prefixes.append(option.end("prefix"))
    if not prefixes:
        return
    yaml_text = "\n".join(texts[start + 1 + i][width:] for i, width in enumerate(prefixes))
    try:
        root = _composed(yaml_text)
    except yaml.YAMLError:
        return
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode) or key.value not in _CELL_TEXT_OPTIONS:
            continue
        nodes = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for node in nodes:
            if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">") \
                    or node.start_mark.line != node.end_mark.line or not _reads_as_text(node, yaml_text) \
                    or not _HAS_LETTER.search(node.value):
                continue
            line = start + 1 + node.start_mark.line
            width = prefixes[node.start_mark.line]
            piece = Piece(line, width + node.start_mark.column, width + node.end_mark.column)
            style = "yaml" + (node.style or ("flow-plain" if isinstance(value, yaml.SequenceNode)
                                             and value.flow_style else "plain"))
            yield Segment(msgid=node.value, kind=BlockKind.CELL_CAPTION, line=line + 1, pieces=(piece,),
                          style=style)


#: A code block's title in its fence's info string (```` ```python title="Fetching the data" ````:
#: MkDocs' pymdownx, Docusaurus, Hugo), which the site shows above the code, and a listing's
#: caption in its attributes (pandoc-crossref's ```` ``` {#lst:a .python caption="…"} ````,
#: Quarto's ``lst-cap="…"``), shown below it.
_FENCE_TITLE = re.compile(r"(?<![\w-])(?:title|caption|lst-cap)=(?:\"(?P<dq>[^\"\n]*)\"|'(?P<sq>[^'\n]*)')")
#: A word naming a file (``app.py``, ``main.rs``, ``.env``): a title holding one is the file's name.
_FILE_NAME = re.compile(r"(?:^|\s)[\w.-]*\.[A-Za-z][A-Za-z0-9]{0,4}(?=\s|$)")


def _fence_title(texts: list[str], token: Token) -> Iterator[Segment]:
    """A code block's title (see :data:`_FENCE_TITLE`) when it is prose, an entry written back
    between its quotes; one naming a file or a path (``app.py``, ``src/main.rs``, ``/etc/hosts``)
    is the code's and stays as written, as does a one-word title (``Output``, ``JSON``)."""
    assert token.map is not None
    line = token.map[0]
    fence = texts[line]
    info_at = fence.find(token.markup) + len(token.markup)
    for match in _FENCE_TITLE.finditer(fence, info_at):
        group = "dq" if match.group("dq") is not None else "sq"
        value = match.group(group)
        if _prose_title(value):
            yield Segment(msgid=value, kind=BlockKind.CELL_CAPTION, line=line + 1,
                          pieces=(Piece(line, match.start(group), match.end(group)),),
                          style=f"fence-title-{group}-{token.markup[0]}")


def _prose_title(value: str) -> bool:
    """Whether a code block's title reads as words: a space between letters, no path
    separator, no file name."""
    stripped = value.strip()
    return (" " in stripped and _HAS_LETTER.search(stripped) is not None and "/" not in stripped
            and "\\" not in stripped and _FILE_NAME.search(stripped) is None)


def _myst_text_options(texts: list[str], start: int, end: int) -> Iterator[Segment]:
    """The options readers see among a MyST directive's option lines ``start`` to ``end``
    (``:alt: The reservoir from above``, ``:caption: Reading the meter``), each an entry of
    its own written back on its line; the option's name and the other options stay."""
    for line in range(start, end):
        option = _MYST_TEXT_OPTION.fullmatch(texts[line])
        if option is not None:
            piece = Piece(line, option.start("value"), option.end("value"))
            kind = BlockKind.IMAGE_ALT if texts[line].lstrip().startswith(":alt:") else BlockKind.CELL_CAPTION
            yield from _text_block(texts, [piece], kind, "plain-line")


def _directive_options(texts: list[str], token: Token) -> Iterator[Segment]:
    """The readers' options of a MyST directive fenced like code whose body is not Markdown
    (```` ```{image} ````, ```` ```{code-block} ````; see :func:`_myst_text_options`)."""
    assert token.map is not None
    start, end = token.map
    last = start + 1
    while last < end and _MYST_OPTION.match(texts[last]):
        last += 1
    yield from _myst_text_options(texts, start + 1, last)


def _dedented(texts: list[str], token: Token) -> tuple[list[str], list[int]] | None:
    """The lines of the indented code block ``token`` without their four columns of
    indentation (every other line blank, so line numbers stay the file's), and the width cut
    from each; None if a line is not so indented."""
    assert token.map is not None
    start, end = token.map
    inner = [""] * len(texts)
    widths = [0] * len(texts)
    for index in range(start, end):
        indent = _ADMONITION_INDENT.match(texts[index])
        if indent is None and texts[index].strip():
            return None
        widths[index] = indent.end() if indent else 0
        inner[index] = texts[index][widths[index]:]
    return inner, widths


def indented_texts(texts: list[str], tokens: Sequence[Token]) -> Iterator[tuple[list[str], tuple[Token, ...]]]:
    """The indented text read as Markdown that the segment reader reads (an admonition's,
    a footnote's; see :func:`_opens_indented_text`), as (lines without the indentation, block
    tokens): :mod:`pipeline.assets` finds the files it links to there too."""
    paragraph = ""
    for previous, token in zip([None, *tokens], tokens):
        if token.type == "inline" and previous is not None and previous.type == "paragraph_open":
            paragraph = token.content
        elif token.type == "code_block" and token.level == 0 and previous is not None \
                and previous.type == "paragraph_close" \
                and (_opens_indented_text(paragraph) or _holds_a_definition(paragraph)):
            dedented = _dedented(texts, token)
            if dedented is not None:
                yield dedented[0], _parsed_blocks("\n".join(dedented[0]))


def _paragraph_kind(containers: list[str]) -> BlockKind:
    if not containers:
        return BlockKind.PARAGRAPH
    return BlockKind.LIST_ITEM if containers[-1] == "list_item_open" else BlockKind.BLOCKQUOTE


def _continuation_prefix(prefix: str) -> str:
    """What starts a continuation line inside the same containers: list markers and a task's
    checkbox become spaces."""
    spaced = _LIST_MARKER.sub(lambda m: " " * len(m.group(0)), prefix.replace("\t", "    "))
    return _PREFIX_TASK_BOX.sub(lambda m: " " * len(m.group(0)), spaced) if "]" in spaced else spaced


_PREFIX_TASK_BOX = re.compile(r"\[[ xX]\][ \t]*$")


def _line_pieces(texts: list[str], span: Sequence[int], content: str) -> list[Piece] | None:
    """Locate each content line as the tail of its source line (containers strip only a prefix).

    ``span`` is the inline token's ``map``. markdown-it strips the block's text with
    ``str.strip()``, so Unicode whitespace (a no-break space, U+3000...) at the very start or
    end of the block is not in ``content``: such a character ending the last line stays
    outside the piece, and a first or last line holding nothing else (not blank for
    CommonMark) is skipped.
    """
    parts = content.split("\n")
    lines = list(range(span[0], max(span[1], span[0] + len(parts))))
    while len(lines) > len(parts) and not texts[lines[0]].strip():
        lines.pop(0)
    while len(lines) > len(parts) and not texts[lines[-1]].strip():
        lines.pop()
    if len(lines) != len(parts):
        return None
    pieces = []
    for line, part in zip(lines, parts):
        part = part.strip(" \t")
        source = texts[line].rstrip(" \t")
        if part and not source.endswith(part):
            source = source.rstrip()
        if not part or not source.endswith(part):
            return None
        pieces.append(Piece(line, len(source) - len(part), len(source)))
    return pieces


def _join_pieces(texts: list[str], pieces: list[Piece]) -> str:
    """The msgid: soft line breaks become spaces, hard breaks stay as newlines."""
    out = []
    for i, piece in enumerate(pieces):
        part = texts[piece.line][piece.start:piece.end]
        out.append(part)
        if i + 1 < len(pieces):
            trailing = texts[piece.line][piece.end:]
            # CommonMark: a hard break is a backslash (not itself escaped) or two spaces
            # before the line ending; tabs do not count.
            hard = _backslash_break(part) or trailing.endswith("  ")
            out.append("\n" if hard else " ")
    return "".join(out)


def _backslash_break(line: str) -> bool:
    """Whether ``line`` ends with a backslash that is not itself escaped (``C:\\\\`` does not)."""
    return (len(line) - len(line.rstrip("\\"))) % 2 == 1


def _paragraph(texts: list[str], token: Token, kind: BlockKind,
               after_paragraph: bool = False, opens_item: bool = False) -> Iterator[Segment]:
    """The entries of a paragraph. ``after_paragraph``: it follows another paragraph in the
    same container, so a first line opening with ``: `` is a definition of a loose list.
    ``opens_item``: it opens a list item, so a task's checkbox (``[x] Sandbags delivered``;
    GFM, Goldmark) may open it: markup, left out of the entry as the item's marker is."""
    assert token.map is not None
    pieces = _line_pieces(texts, token.map, token.content)
    if not pieces or _MDX_STATEMENT.match(token.content) or _generator_marker(token.content):
        return
    task = _TASK_BOX.match(texts[pieces[0].line], pieces[0].start, pieces[0].end) if opens_item else None
    if task is not None:
        pieces[0] = Piece(pieces[0].line, task.end(), pieces[0].end)
    if "^" in token.content:
        pieces = _without_block_id(texts, pieces)
        if not pieces:
            return
    image = _image_only(token.content.strip())
    if image is not None and len(pieces) == 1:
        yield from _image_segments(texts, pieces[0], image)
        return
    head, runs = _split_template_lines(texts, pieces)
    yield from _template_arguments(texts, head)
    footnote = bool(token.meta.get("footnote_continues"))
    for k, (run, tail) in enumerate(runs):
        parts = _between_attribute_lines(texts, run)
        for j, part in enumerate(parts):
            first = k == 0 and j == 0
            yield from _paragraph_text(texts, part, tail if j == len(parts) - 1 else [], kind,
                                       after_paragraph and first, footnote and first)


def _paragraph_text(texts: list[str], pieces: list[Piece], tail: list[Piece], kind: BlockKind,
                    after_paragraph: bool, footnote: bool) -> Iterator[Segment]:
    """The entries of a paragraph's run of text (``pieces``) and of the template tag lines
    after it (``tail``). ``footnote``: the run goes on with a footnote's text."""
    for piece, style in _div_title_attributes(texts, pieces):
        yield from _text_block(texts, [piece], kind, style)
    directive = bool(pieces) and _MYST_COLON_FENCE.match(texts[pieces[0].line], pieces[0].start) is not None
    fenced = len(pieces)
    pieces = _without_attribute_lines(texts, pieces)
    if len(pieces) == 1 and fenced > 1 and not tail:
        # ``::: {#fig-map}`` over ``![Baku](baku.png)``: a figure inside a div
        image = _image_only(texts[pieces[0].line][pieces[0].start:pieces[0].end])
        if image is not None:
            yield from _image_segments(texts, pieces[0], image)
            return
    title, pieces = _admonition_title(texts, pieces)
    if title is not None:
        # ``:::note[Title]``: a bracket in the translation would end the title early
        bracketed = texts[title.line][title.start - 1:title.start] == "["
        yield from _text_block(texts, [title], kind, "alt" if bracketed else "plain-line")
    if directive:
        options = next((i for i, p in enumerate(pieces) if not _MYST_OPTION.match(texts[p.line], p.start)), len(pieces))
        if options:
            yield from _myst_text_options(texts, pieces[0].line, pieces[options - 1].line + 1)
        pieces = pieces[options:]
    lines = _line_groups(texts, pieces, kind)
    if lines is not None:
        for group, group_kind, style in lines:
            yield from _text_block(texts, group, group_kind, style)
        yield from _template_arguments(texts, tail)
        return
    if kind is BlockKind.BLOCKQUOTE and pieces:
        title, pieces = _alert_title(texts, pieces)
        if title is not None:
            yield from _text_block(texts, [title], kind, "line")
    style = "footnote" if footnote else "block"
    for group, group_kind, marker, group_style in _definition_groups(texts, pieces, after_paragraph):
        yield from _text_block(texts, group, group_kind or kind, group_style or style, marker)
    yield from _template_arguments(texts, tail)


def _without_block_id(texts: list[str], pieces: list[Piece]) -> list[Piece]:
    """``pieces`` without the Obsidian block identifier closing the last one (``The port grew.
    ^port-growth``): the name ``[[note#^port-growth]]`` links to, markup that stays where it is
    after the translation, as a heading's attribute list does (a translation or an engine that
    moved it off the end would break the links). A line holding only the identifier goes."""
    last = pieces[-1]
    found = _BLOCK_ID_AT_END.search(texts[last.line][last.start:last.end])
    if found is None:
        return pieces
    if found.start() == 0:
        return pieces[:-1]
    return pieces[:-1] + [Piece(last.line, last.start, last.start + found.start())]


def _image_segments(texts: list[str], piece: Piece, image: tuple[int, int], cell: bool = False) -> Iterator[Segment]:
    """The entries of a block (``cell``: a table cell) holding one image at ``piece``, its alt
    text at ``image``: the alt text, the image's title and the template arguments in the alt text."""
    alt_start, alt_end = image
    alt_piece = Piece(piece.line, piece.start + alt_start, piece.start + alt_end)
    alt = texts[piece.line][alt_piece.start:alt_piece.end]
    # An alt text of template tags alone (``![{{ page.title }}](…)``) is the generator's to fill.
    words = _HAS_LETTER.search(alt) is not None and _has_prose(alt)
    if words:
        yield Segment(msgid=alt, kind=BlockKind.IMAGE_ALT, line=piece.line + 1, pieces=(alt_piece,),
                      style="alt-cell" if cell else "alt")
    if cell:
        yield from _inner_segments(texts, [piece], None, cell=True)
        return
    yield from _titles(texts, [piece], None)
    yield from _inline_tag_arguments(texts, [alt_piece], alt if words else None)
    yield from _figure_alt_attribute(texts, piece)


#: A figure's alt text in its attribute list (Quarto: ``![Caption](a.png){fig-alt="…"}``),
#: read by screen readers where the caption is shown.
_FIGURE_ALT = re.compile(r"(?<=[{ \t])fig-alt=(?:\"(?P<dq>(?:[^\"\\\n]|\\.)*)\"|'(?P<sq>(?:[^'\\\n]|\\.)*)')")


def _figure_alt_attribute(texts: list[str], piece: Piece) -> Iterator[Segment]:
    """The ``fig-alt`` value of a lone image's attribute list, an entry of its own written
    back inside its quotes; the other attributes stay as written."""
    line = texts[piece.line]
    if "fig-alt=" not in line[piece.start:piece.end]:
        return
    attributes = _TRAILING_ATTRIBUTES.search(line, piece.start, piece.end)
    if attributes is None:
        return
    for match in _FIGURE_ALT.finditer(line, attributes.start(), attributes.end()):
        group = "dq" if match.group("dq") is not None else "sq"
        if _HAS_LETTER.search(match.group(group)):
            value = Piece(piece.line, match.start(group), match.end(group))
            yield from _text_block(texts, [value], BlockKind.IMAGE_ALT, f"title-{group}")


def _line_groups(texts: list[str], pieces: list[Piece], kind: BlockKind
                 ) -> list[tuple[list[Piece], BlockKind, str]] | None:
    """The entries of a paragraph whose lines are blocks of their own, each written back on
    its line, its marker kept: abbreviation definitions, a Pandoc line block, a list only
    Pandoc reads. None for any other paragraph. Returns (pieces, kind, style) per entry."""
    expansions = _abbreviations(texts, pieces)
    if expansions:
        return [([piece], BlockKind.ABBREVIATION, "plain-line") for piece in expansions]
    verses = _line_block(texts, pieces)
    if verses:
        return [(verse, kind, "line") for verse in verses]
    items = _pandoc_list(texts, pieces)
    if items:
        return [(item, BlockKind.LIST_ITEM, "line") for item in items]
    return None


def _text_block(texts: list[str], pieces: list[Piece], kind: BlockKind, style: str,
                marker: int = 0) -> Iterator[Segment]:
    """A block of running text over ``pieces``, and the segments inside it. ``marker``: the
    width of a definition's ``:`` marker before the first piece, for continuation lines."""
    msgid = _join_pieces(texts, pieces) if pieces else ""
    if not _has_prose(msgid):
        yield from _inner_segments(texts, pieces, None)
        return
    first = pieces[0]
    prefix = texts[first.line][:first.start - marker]
    yield Segment(msgid=msgid, kind=kind, line=first.line + 1, pieces=tuple(pieces),
                  style=style, cont_prefix=_continuation_prefix(prefix) + " " * marker)
    yield from _inner_segments(texts, pieces, msgid)


def _alert_title(texts: list[str], pieces: list[Piece]) -> tuple[Piece | None, list[Piece]]:
    """A block quote that opens with an alert marker (GitHub's ``> [!NOTE]``, Obsidian's
    ``> [!WARNING]+ Road closed``; Hugo reads both) is an alert: the marker is the site's and
    stays as written, on its own line, with the title after it (an entry of its own, if any),
    and the text goes on from the next line. Joined into one entry, the text would have been
    published on the marker's line, as the alert's title.
    Returns (the title's piece or None, the pieces of the text)."""
    first = pieces[0]
    marker = _ALERT_MARKER.match(texts[first.line], first.start, first.end)
    if marker is None:
        return None, pieces
    title = Piece(first.line, marker.end(), first.end)
    return (title if title.start < title.end else None), pieces[1:]


def _admonition_title(texts: list[str], pieces: list[Piece]) -> tuple[Piece | None, list[Piece]]:
    """A paragraph that opens with an admonition's first line (``!!! note "Road closed"``):
    the marker and type stay as written, the title between its quotes is an entry of its own,
    and the text goes on from the next line, indented (a lazy continuation for CommonMark).
    Joined into one entry, the text would be published on the marker's line, no admonition.
    Returns (the title's piece or None, the pieces of the text)."""
    if not pieces:
        return None, pieces
    first = pieces[0]
    header = (_ADMONITION.match(texts[first.line], first.start, first.end)
              or _DIV_TITLE.match(texts[first.line], first.start, first.end))
    if header is None:
        return None, pieces
    group = "bracketed" if header.groupdict().get("bracketed") else "title"
    start, end = header.span(group)
    title = Piece(first.line, start, end) if header.group(group) else None
    directive = _MYST_COLON_FENCE.match(texts[first.line], first.start)
    if directive is not None and directive.group("name") in _MYST_NOT_TITLED:
        return None, pieces[1:]  # ``:::{figure} port.png``: the argument is a file, not a title
    return title, pieces[1:]


def _div_title_attributes(texts: list[str], pieces: list[Piece]) -> list[tuple[Piece, str]]:
    """The ``title="…"`` (or ``title='…'``) values of the fenced-div lines that open ``pieces``
    (Quarto's ``::: {.callout-note title="Road closed"}``): the callout's heading, which readers
    see, while the rest of the line stays as written (see :func:`_without_attribute_lines`).
    Returns (piece, style) pairs."""
    found = []
    for piece in pieces:
        line = texts[piece.line][piece.start:piece.end]
        if _DIV_FENCE.fullmatch(line) is None:
            break
        for match in _DIV_TITLE_ATTRIBUTE.finditer(line):
            group = "title" if match.group("title") is not None else "single"
            if _HAS_LETTER.search(match.group(group)):
                found.append((Piece(piece.line, piece.start + match.start(group), piece.start + match.end(group)),
                              "title-dq" if group == "title" else "title-sq"))
    return found


def _abbreviations(texts: list[str], pieces: list[Piece]) -> list[Piece]:
    """The expansions of a paragraph made only of abbreviation definitions (``*[IMF]:
    International Monetary Fund``; kramdown in Jekyll, PHP Markdown Extra, Python-Markdown),
    one per line, or none. The ``*[IMF]:`` key stays as written: the generator marks up the
    text's ``IMF`` with it. Joined into one entry, the definitions would be published as one,
    the next keys inside its expansion."""
    markers = [_ABBREVIATION_MARKER.match(texts[p.line], p.start, p.end) for p in pieces]
    if not markers or not all(markers) or any(texts[p.line][:p.end].endswith("*") for p in pieces):
        return []  # ``*[Update]: The ministry replied.*`` is an emphasised sentence
    return [Piece(p.line, m.end(), p.end) for p, m in zip(pieces, markers) if m is not None]


#: A line of a Pandoc line block (``| The moon rose``): its bar and the spaces after it, which
#: Pandoc keeps as the line's indentation.
_LINE_BLOCK_BAR = re.compile(r"\|(?:[ \t]+|$)")


def _line_block(texts: list[str], pieces: list[Piece]) -> list[list[Piece]]:
    """The lines of a paragraph that is a Pandoc line block (``| The moon rose over Shusha,``
    over ``|    and the river sang.``; Pandoc and Quarto read it, a poem or an address, each line
    kept), one group of pieces per line (a line going on over the next source lines, each
    opening with a space, is one), or none. The bar and the spaces after it stay as written.
    Joined into one entry, the lines were published as one line opening with a bar, the
    others' bars inside it: no line block at all."""
    groups: list[list[Piece]] = []
    for piece in pieces:
        bar = _LINE_BLOCK_BAR.match(texts[piece.line], piece.start, piece.end)
        if bar is not None:
            groups.append([Piece(piece.line, bar.end(), piece.end)] if bar.end() < piece.end else [])
        elif not groups or piece.start == 0 or texts[piece.line][piece.start - 1] not in " \t":
            return []
        else:
            groups[-1].append(piece)
    return [group for group in groups if group]


#: A list marker only Pandoc reads (its ``fancy_lists`` and ``example_lists``): ``#.``, an
#: example's ``(@)`` or ``(@label)``, a letter or a roman numeral before ``.``, ``)`` or
#: between parentheses, and the spaces after it.
_PANDOC_MARKER = re.compile(r"(?:#\.|\(@[\w-]*\)|(?P<open>\()?(?P<ordinal>[A-Za-z]|[ivxlcIVXLC]+)"
                            r"(?(open)\)|[.)]))[ \t]+(?=\S)")
#: Pandoc list markers no sentence opens with, which make a list even of one item.
_UNMISTAKABLE_MARKERS = frozenset({"#.", "(@"})
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _pandoc_list(texts: list[str], pieces: list[Piece]) -> list[list[Piece]]:
    """The items of a paragraph that is a list only Pandoc reads (``#. First`` over ``#.
    Second``; ``(@) An example``; ``a) First`` over ``b) Second``; ``i.`` over ``ii.``), one
    group of pieces per item (an item's indented next lines included), or none. Each marker
    stays as written. Joined into one entry, the items were published on one line, no list.
    Letters and numerals must count up from ``a`` or ``i`` (``A. Aliyev said`` opening a
    paragraph is no list), and there must be two items at least, unless the marker is one
    prose never opens with (``#.``, ``(@)``): a list of one item is a list too."""
    groups: list[list[Piece]] = []
    ordinals: list[str] = []
    kinds: set[str] = set()
    for piece in pieces:
        line = texts[piece.line]
        marker = _PANDOC_MARKER.match(line, piece.start, piece.end)
        if marker is not None and _an_initial(marker):
            return []
        if marker is not None:
            groups.append([Piece(piece.line, marker.end(), piece.end)])
            ordinals.append((marker.group("ordinal") or "").lower())
            kinds.add(marker.group(0).rstrip()[:2] if marker.group("ordinal") is None else
                      (marker.group("open") or "") + line[marker.end("ordinal"):marker.end("ordinal") + 1])
        elif not groups or piece.start == 0 or line[piece.start - 1] not in " \t":
            return []
        else:
            groups[-1].append(piece)
    if len(kinds) != 1 or (len(groups) < 2 and not kinds <= _UNMISTAKABLE_MARKERS):
        return []
    if ordinals[0] and ordinals != [chr(ord("a") + i) for i in range(len(ordinals))] \
            and ordinals != list(_ROMAN[:len(ordinals)]):
        return []
    return groups


def _an_initial(marker: re.Match[str]) -> bool:
    """Whether a capital letter and a full stop (``A. Aliyev``) are a name's initial: Pandoc
    reads them as a list marker only before two spaces or more."""
    ordinal = marker.group("ordinal")
    if ordinal is None or len(ordinal) != 1 or not ordinal.isupper() or marker.group("open"):
        return False
    after = marker.string[marker.end("ordinal"):marker.end()]
    return after.startswith(".") and "\t" not in after and len(after) < 3


def _attributes_only(texts: list[str], piece: Piece) -> bool:
    """Whether ``piece`` is an attribute list on a line of its own (kramdown's ``{: .lead}``,
    Goldmark's ``{.note}``), a fence of Pandoc's and Quarto's divs (``::: note``, ``:::
    {.callout-tip}``, ``:::``) or MyST's target (``(label)=``): the site generator reads it."""
    line = texts[piece.line][piece.start:piece.end]
    return line[:1] in _ATTRIBUTE_LINE_STARTS and \
        any(pattern.fullmatch(line) is not None for pattern in (ATTRIBUTE_LIST, _DIV_FENCE, _MYST_TARGET))


#: A line opening with a colon fence (a div's, a Docusaurus or MyST admonition's): no prose.
_COLON_FENCE = re.compile(r":{3,}(?!:)")
#: The first characters of the lines :func:`_attributes_only` reads (a cheap test for the rest).
_ATTRIBUTE_LINE_STARTS = frozenset("{:(")


def _without_attribute_lines(texts: list[str], pieces: list[Piece]) -> list[Piece]:
    """A paragraph's lines less the attribute lists, div fences and MyST targets on lines of
    their own at its start or end (see :func:`_attributes_only`): they stay as written."""
    start, end = 0, len(pieces)
    while start < end and _attributes_only(texts, pieces[start]):
        start += 1
    while end > start and _attributes_only(texts, pieces[end - 1]):
        end -= 1
    return pieces[start:end]


def _between_attribute_lines(texts: list[str], pieces: list[Piece]) -> list[list[Piece]]:
    """A paragraph's lines parted where lines of attributes or div fences (see
    :func:`_attributes_only`, and an admonition's, ``:::note Road closed``) stand between two
    lines of text: Pandoc's ``Left column.`` / ``:::`` / ``::: {.column}`` / ``Right column.``,
    two columns written without blank lines.
    Each part keeps the lines of attributes after its text's start, so the next part opens
    with its own fences (and their ``title``); as one entry, the fences were published on the
    text's line, the divs gone."""
    if len(pieces) < 3:
        return [pieces]
    attributes = [_attributes_only(texts, piece) or _COLON_FENCE.match(texts[piece.line], piece.start) is not None
                  for piece in pieces]
    last_text = max((k for k, flag in enumerate(attributes) if not flag), default=0)
    cuts = [k for k in range(1, last_text) if attributes[k] and not attributes[k - 1]]
    if not cuts:
        return [pieces]
    bounds = [0, *cuts, len(pieces)]
    return [pieces[start:end] for start, end in zip(bounds, bounds[1:])]


def _definition_groups(texts: list[str], pieces: list[Piece], loose: bool = False
                       ) -> Iterator[tuple[list[Piece], BlockKind | None, int, str | None]]:
    """A paragraph's text blocks: the paragraph itself, or, when a line after its first opens
    with a definition marker (``Port\n: A harbour.``), a definition list (PHP Markdown Extra,
    Goldmark, kramdown, Pandoc): each term line, and each definition from its marker to the
    next one. Joined into one entry, a list would be published as one line, no list at all.
    ``loose``: the paragraph follows another (``Port\n\n: A harbour.``, a loose list), so a
    definition marker on its first line opens a definition too.
    Yields (pieces, kind or None for the paragraph's own, width of the marker left out, style
    or None for the paragraph's own)."""
    markers = [_DEFINITION_MARKER.match(texts[p.line], p.start) for p in pieces]
    opens = loose and bool(markers) and markers[0] is not None
    if not opens and (len(pieces) < 2 or markers[0] is not None or not any(markers)):
        yield pieces, None, 0, None
        return
    first_definition = next(i for i, marker in enumerate(markers) if marker)
    for piece in pieces[:first_definition]:
        yield [piece], BlockKind.DEFINITION_TERM, 0, "line"
    group: list[Piece] = []
    width = 0
    for piece, marker in zip(pieces[first_definition:], markers[first_definition:]):
        if marker is not None:
            if group:
                yield group, BlockKind.DEFINITION, width, "block"
            width = marker.end() - piece.start
            group = [Piece(piece.line, marker.end(), piece.end)]
        else:
            group.append(piece)
    yield group, BlockKind.DEFINITION, width, "block"


def _has_prose(text: str) -> bool:
    """Whether a block's text has letters outside its markup (code spans, URLs, link targets,
    HTML and template tags) once character references are read: a ``&nbsp;`` spacer, an
    ``&mdash;`` table cell or a lone code span holds nothing to translate, and as an entry it
    would hold the article back until someone "translated" it. Nor is TeX math (``$$ E = mc^2
    $$``, a lone ``$x$``), an emoji shortcode (a ``:white_check_mark:`` table cell) or a
    citation (``[@smith2020]``): each is the same in every language; nor is HTML's code
    (``<kbd>Ctrl</kbd>+<kbd>C</kbd>``), as in an HTML block."""
    if "<" in text:
        text = _HTML_CODE_ELEMENT.sub(lambda m: " " * len(m.group(0)), text)
    return _HAS_LETTER.search(unescapeAll(blank_keys(blank_out(blank_out(blank_out(text), math_spans(text)),
                                                               kept_elements(text))))) is not None


#: An inline HTML element whose text is code (see :data:`pipeline.htmlblocks.CODE`).
_HTML_CODE_ELEMENT = re.compile(r"<(code|kbd|samp|var)\b[^<>]*>[^<]*</\1\s*>", re.IGNORECASE)


def _inner_segments(texts: list[str], pieces: Sequence[Piece], container: str | None,
                    cell: bool = False) -> Iterator[Segment]:
    """The segments inside one block's text: its link and image titles, then the readers' text
    arguments of the template tags in it (see :func:`_titles` for ``container``; ``cell``: the
    block is a table cell). An argument inside a title stays in the title's entry: two segments
    cannot share characters."""
    titles = list(_titles(texts, pieces, container))
    yield from titles
    taken = [_bounds(title) for title in titles]
    for argument in _inline_tag_arguments(texts, pieces, container, cell):
        start, end = _bounds(argument)
        if not any(start < other_end and other_start < end for other_start, other_end in taken):
            yield argument


def _bounds(segment: Segment) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where a segment starts and ends in the source, as (line, column) pairs."""
    first, last = segment.pieces[0], segment.pieces[-1]
    return (first.line, first.start), (last.line, last.end)


def _inline_tag_arguments(texts: list[str], pieces: Sequence[Piece], container: str | None,
                          cell: bool = False) -> Iterator[Segment]:
    """The ``caption``, ``title``... of a template tag inside a block's text (``See
    {{< abbr title="..." >}}``), each a segment of its own, as a link's title is: machine
    translation gets the tag as a placeholder, so its text would never be translated. The
    block's msgid keeps the tag whole (an anchor says where the argument is). Tags in code
    spans are the code's, and no reader sees those in an HTML comment; a backtick inside a tag
    (a translated argument may hold one) opens no code span, as the generator has replaced the
    tag before anything reads Markdown. In a table cell (``cell``), the style ends in ``-cell``."""
    parts = [texts[piece.line][piece.start:piece.end] for piece in pieces]
    text = "\n".join(parts)
    if "{" not in text:
        return
    code = code_spans(blank_out(text, template_tags(text)))
    for argument in template_arguments(text, code + html_comments(text, code)):
        anchor = None if container is None else Anchor(
            container[argument.tag_start:argument.tag_end], argument.start - argument.tag_start,
            argument.end - argument.tag_start)
        where = _pieces_between(pieces, parts, argument.start, argument.end)
        yield Segment(msgid=argument.msgid, kind=BlockKind.TEMPLATE_ARGUMENT, line=where[0].line + 1,
                      pieces=where, style=argument.style + ("-cell" if cell else ""), anchor=anchor)


def _titles(texts: list[str], pieces: Sequence[Piece], container: str | None) -> Iterator[Segment]:
    """The titles of the links and images in one block's text (its ``pieces``), and the
    ``alt``, ``title`` and ``aria-label`` of its inline HTML tags, each a segment of its own.
    ``container`` is the block's msgid, which keeps them as they are (an anchor says where);
    None when the block is not a segment around them."""
    parts = [texts[piece.line][piece.start:piece.end] for piece in pieces]
    text = "\n".join(parts)
    yield from _link_titles(text, pieces, parts, container)
    yield from _inline_html_attributes(text, pieces, parts, container)


def _link_titles(text: str, pieces: Sequence[Piece], parts: list[str], container: str | None) -> Iterator[Segment]:
    for span in inline_titles(_masked_tags(text) if "{" in text and "](" in text else text):
        msgid = text[span.start:span.end].replace("\n", " ").strip()
        if not _HAS_LETTER.search(msgid) or ("{" in msgid and not _has_prose(msgid)):
            continue  # no words, or template tags alone (``"{{ page.title }}"``), the generator's
        anchor = None if container is None else Anchor(
            container[span.target_start:span.target_end], span.start - span.target_start,
            span.end - span.target_start)
        where = _pieces_between(pieces, parts, span.start, span.end)
        yield Segment(msgid=msgid, kind=BlockKind.IMAGE_TITLE if span.image else BlockKind.LINK_TITLE,
                      line=where[0].line + 1, pieces=where, style=span.style, anchor=anchor)


def _inline_html_attributes(text: str, pieces: Sequence[Piece], parts: list[str],
                            container: str | None) -> Iterator[Segment]:
    """Readers see an inline tag's ``alt``, ``title`` and ``aria-label`` (a tooltip, what a
    screen reader says for ``<img>``) but machine translation gets the whole tag as one
    placeholder: each value is an entry of its own, put back into the block's translation
    wherever that still holds the tag as written, as in an HTML block's run of text."""
    if "<" not in text:
        return
    kept = kept_elements(text)
    for region in protected_regions(text):
        if region.kind is not RegionKind.HTML or text[region.start + 1:region.start + 2] == "/":
            continue
        if any(element.start <= region.start < element.end for element in kept):
            continue  # inside an element kept as written (<span lang="az">), as its text is
        tag = region.text(text)
        if "{" in tag and template_tags(tag):
            continue  # a value holding a template tag is the generator's to fill in
        for found in htmlblocks.extract(tag):
            if found.what == "text":
                continue
            anchor = None if container is None else Anchor(
                container[region.start:region.end], found.start, found.end)
            where = _pieces_between(pieces, parts, region.start + found.start, region.start + found.end)
            yield Segment(msgid=found.msgid, kind=_HTML_KINDS[found.what], line=where[0].line + 1, pieces=where,
                          style=f"html-attr-{_HTML_QUOTES[found.quote]}-md", anchor=anchor)


def _definition_title(texts: list[str], line_starts: list[int], token: Token) -> Iterator[Segment]:
    """A link reference definition's title, a segment of its own (the definition is not)."""
    assert token.map is not None
    pieces = [Piece(line, start - line_starts[line], len(texts[line]))
              for line, start in zip(range(*token.map), token.meta["starts"])]
    parts = [texts[piece.line][piece.start:piece.end] for piece in pieces]
    text = "\n".join(parts)
    span = definition_title(text)
    if span is None or unescapeAll(text[span.start:span.end]) != token.meta["title"]:
        return
    msgid = text[span.start:span.end].replace("\n", " ").strip()
    if _HAS_LETTER.search(msgid) and ("{" not in msgid or _has_prose(msgid)):
        where = _pieces_between(pieces, parts, span.start, span.end)
        yield Segment(msgid=msgid, kind=BlockKind.LINK_TITLE, line=where[0].line + 1, pieces=where,
                      style=span.style)


_HTML_KINDS = {"text": BlockKind.HTML_TEXT, "alt": BlockKind.HTML_ALT, "title": BlockKind.HTML_TITLE,
               "aria-label": BlockKind.HTML_LABEL, "label": BlockKind.HTML_CAPTION_LABEL,
               "placeholder": BlockKind.HTML_PLACEHOLDER, "value": BlockKind.HTML_CAPTION_LABEL,
               "caption": BlockKind.HTML_CAPTION_LABEL, "description": BlockKind.HTML_TITLE,
               "summary": BlockKind.HTML_TITLE, "text-prop": BlockKind.HTML_CAPTION_LABEL,
               "subtitle": BlockKind.HTML_TITLE, "heading": BlockKind.HTML_TITLE, "footer": BlockKind.HTML_CAPTION_LABEL}
_HTML_QUOTES = {'"': "dq", "'": "sq", "": "bare", '{"': "jsdq", "{'": "jssq", "{`": "jsbt"}


def _still_open(token: Token, kept: tuple[str, ...]) -> tuple[str, ...]:
    """The elements kept as written still open after the HTML block ``token`` (see
    :func:`pipeline.htmlblocks.open_after`)."""
    if not kept and "<" not in token.content:
        return kept
    return htmlblocks.open_after(token.content, kept)


def _html_block(texts: list[str], token: Token, kept: tuple[str, ...] = (), *,
                markdown: bool = False) -> Iterator[Segment]:
    """The readers' text of a raw HTML block (see :mod:`pipeline.htmlblocks`). Its lines are
    the block's content, each the tail of its source line (after any container markers);
    a block whose lines are not is left as written. ``kept``: the elements kept as written
    that an earlier block left open. ``markdown``: the block is a paragraph to CommonMark (a
    component whose opening tag spans lines or holds a JSX expression), whose text lines are
    Markdown's (and MDX's), so a run of
    text opening a line is written so that it opens no other block (style ``html-md``)."""
    assert token.map is not None
    lines = token.content.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    first = token.map[0]
    if len(lines) != token.map[1] - first or any(not texts[first + i].endswith(line) for i, line in enumerate(lines)):
        return
    pieces = [Piece(first + i, len(texts[first + i]) - len(line), len(texts[first + i])) for i, line in enumerate(lines)]
    for found in htmlblocks.extract("\n".join(lines), kept):
        where = _pieces_between(pieces, lines, found.start, found.end)
        if found.what == "text":
            if ATTRIBUTE_LIST.fullmatch(found.msgid):
                continue  # kramdown's ``{:/nomarkdown}`` closing the raw part the block is in
            image = _lone_image(texts, where, found.msgid)
            if image is not None:
                yield from _image_segments(texts, where[0], image)
                continue
            line = where[0].line - first
            opens_line = markdown and not lines[line][:where[0].start - pieces[line].start].strip()
            yield Segment(msgid=found.msgid, kind=BlockKind.HTML_TEXT, line=where[0].line + 1, pieces=where,
                          style="html-md" if opens_line else "html")
            continue
        anchor = Anchor(found.tag, found.tag_start, found.tag_end) if found.tag else None
        if found.what == "template":
            yield Segment(msgid=found.msgid, kind=BlockKind.TEMPLATE_ARGUMENT, line=where[0].line + 1,
                          pieces=where, style=found.style, anchor=anchor)
            continue
        yield Segment(msgid=found.msgid, kind=_HTML_KINDS[found.what], line=where[0].line + 1, pieces=where,
                      style=f"html-attr-{_HTML_QUOTES[found.quote]}", anchor=anchor)


def _lone_image(texts: list[str], where: Sequence[Piece], msgid: str) -> tuple[int, int] | None:
    """The alt text's place (see :func:`_image_only`) when an HTML block's text is one image
    on one line (``![Harbour](a.jpg){ width="300" }`` in a ``<figure markdown>``, which
    MkDocs' md_in_html reads as Markdown): its entry is the alt text, not the image's markup."""
    if len(where) != 1 or not msgid.startswith("!["):
        return None
    piece = where[0]
    if texts[piece.line][piece.start:piece.end] != msgid:
        return None
    return _image_only(msgid)


def _pieces_between(pieces: Sequence[Piece], parts: list[str], start: int, end: int) -> tuple[Piece, ...]:
    """The source pieces of ``text[start:end]``, ``text`` being ``parts`` (the text of
    ``pieces``) joined with one character between them."""
    bases = list(itertools.accumulate((len(part) + 1 for part in parts[:-1]), initial=0))
    first, last = bisect.bisect_right(bases, start) - 1, bisect.bisect_right(bases, end) - 1
    begin = pieces[first].start + start - bases[first]
    finish = pieces[last].start + end - bases[last]
    if first == last:
        return (Piece(pieces[first].line, begin, finish),)
    return (Piece(pieces[first].line, begin, pieces[first].end), *pieces[first + 1:last],
            Piece(pieces[last].line, pieces[last].start, finish))


def _split_template_lines(texts: list[str], pieces: list[Piece]
                          ) -> tuple[list[Piece], list[tuple[list[Piece], list[Piece]]]]:
    """(first lines, then each run of text with the lines after it) of a paragraph, the first
    lines and those after a run being lines that hold template tags only (``{{% notice info
    %}}``, ``{{< figure ... >}}``, a tag whose arguments go on over several lines), or
    WordPress shortcodes (``[vc_row][vc_column_text]``).

    The site generator reads those lines, not the reader: they stay as written, and the
    paragraph's text is what lies between them (a paragraph of tags alone has none). Tag lines
    between two runs of text (``{% else %}`` between a Liquid condition's two texts, ``{{< /tab
    >}}`` over ``{{< tab "Passengers" >}}``) part them: each run is an entry of its own, written
    back between the same lines, never one text the tags are moved into. A tag that goes on
    from such a line into prose keeps that line in the prose's run.
    """
    parts = [texts[piece.line][piece.start:piece.end] for piece in pieces]
    text = "\n".join(parts)
    regions = template_tags(text)
    regions = sorted(regions + wp_shortcodes(text, regions), key=lambda region: region.start) \
        if "[" in text else regions
    if not regions:
        return [], [(pieces, [])]
    blanked = blank_out(text, regions)
    bases = list(itertools.accumulate((len(part) + 1 for part in parts), initial=0))
    tag_lines = _tags_only_lines(parts, bases, blanked, regions)
    if "[/" in text:
        _keep_closers_with_their_openers(parts, tag_lines)
    start = next((k for k, tags in enumerate(tag_lines) if not tags), len(pieces))
    runs: list[tuple[list[Piece], list[Piece]]] = []
    k = start
    while k < len(pieces):
        prose_end = next((j for j in range(k, len(pieces)) if tag_lines[j]), len(pieces))
        tags_end = next((j for j in range(prose_end, len(pieces)) if not tag_lines[j]), len(pieces))
        runs.append((pieces[k:prose_end], pieces[prose_end:tags_end]))
        k = tags_end
    return pieces[:start], runs or [([], [])]


def _keep_closers_with_their_openers(parts: list[str], tag_lines: list[bool]) -> None:
    """Marks as prose (in ``tag_lines``) a line of shortcodes alone that closes one opened in
    a line of prose (``Text [footnote]Source: CEC`` over ``[/footnote]``): apart, the opener
    would have no closer in its entry, and be read, and translated, as a bracketed word."""
    for k, part in enumerate(parts):
        if tag_lines[k] and any(not tag_lines[j] and f"[{name.group(1)}" in parts[j]
                                for name in _SHORTCODE_CLOSER.finditer(part) for j in range(len(parts))):
            tag_lines[k] = False


#: A WordPress shortcode's closing tag (``[/footnote]``), its name.
_SHORTCODE_CLOSER = re.compile(r"\[/([a-z][a-z0-9_-]*)\]")


def _tags_only_lines(parts: list[str], bases: list[int], blanked: str, regions: list[Region]) -> list[bool]:
    """For each line of a paragraph (``parts``, starting at ``bases`` in their joined text),
    whether it is one of the lines holding template tags only: a line with text, none of it
    outside the tags (``blanked`` is the text without them), and no tag going on from it into
    a line of prose or coming from one (the lines a tag spans stand or fall together)."""
    tags_only = [bool(part.strip()) and not blanked[base:base + len(part)].strip() for part, base in zip(parts, bases)]
    group = list(range(len(parts)))  # the first line of the lines that a tag ties each line to
    for region in regions:
        first = bisect.bisect_right(bases, region.start) - 1
        last = bisect.bisect_right(bases, region.end - 1) - 1
        for k in range(first + 1, last + 1):
            group[k] = group[first]
    for k in range(len(parts)):
        if not tags_only[k]:
            tags_only[group[k]] = False
    return [tags_only[group[k]] and tags_only[k] for k in range(len(parts))]


def _template_arguments(texts: list[str], pieces: Sequence[Piece]) -> Iterator[Segment]:
    """The readers' text in the tags of consecutive lines that hold template tags only: each
    argument named in :data:`pipeline.inline.TEMPLATE_ARGUMENT_NAMES` is a segment of its own,
    at its own line."""
    if not pieces:
        return
    parts = [texts[piece.line][piece.start:piece.end] for piece in pieces]
    for argument in template_arguments("\n".join(parts)):
        where = _pieces_between(pieces, parts, argument.start, argument.end)
        yield Segment(msgid=argument.msgid, kind=BlockKind.TEMPLATE_ARGUMENT, line=where[0].line + 1,
                      pieces=where, style=argument.style)


def _image_only(content: str) -> tuple[int, int] | None:
    """If ``content`` is a single image ``![alt](...)``, the alt text's (start, end). An
    attribute list after it (Pandoc's and Quarto's figure ``![Baku](baku.png){#fig-baku
    width=50%}``, kramdown's ``{: .wide}``) is the generator's, as after a heading.

    markdown-it's inline rules decide: a title may hold a ``)`` (``"a) b"``) and a
    destination a bracket, which counting parentheses reads wrongly."""
    if content.endswith("}") and content.startswith("!["):
        attributes = _TRAILING_ATTRIBUTES.search(content)
        if attributes is not None:
            content = content[:attributes.start()]
    if content.startswith("![") and content.endswith("]"):
        return _reference_image_only(content)
    if not content.startswith("![") or not content.endswith(")"):
        return None
    if "{" in content:
        # ``![Port]({{ "/assets/port.jpg" | relative_url }})``: Jekyll and Hugo fill the tag
        # in before Markdown reads the image, whose destination then holds no space.
        content = _masked_tags(content)
    children = _IMAGE_PARSER.parseInline(content)[0].children or []
    if len(children) != 1 or children[0].type != "image":
        return None
    state = StateInline(content, _IMAGE_PARSER, {}, [])
    label_end = _IMAGE_PARSER.helpers.parseLinkLabel(state, 1, False)
    return (2, label_end) if label_end > 1 and content[label_end + 1:label_end + 2] == "(" else None


def _reference_image_only(content: str) -> tuple[int, int] | None:
    """:func:`_image_only` for a full reference image (``![Grain silo][silo]``): the label
    names the picture, so the alt text alone is the entry. Not a collapsed or shortcut one
    (``![Grain silo][]``), whose alt text is its label too."""
    state = StateInline(content, _IMAGE_PARSER, {}, [])
    label_end = _IMAGE_PARSER.helpers.parseLinkLabel(state, 1, False)
    if label_end <= 1 or content[label_end + 1:label_end + 2] != "[":
        return None
    reference = _FULL_REFERENCE.fullmatch(content, label_end + 1)
    return (2, label_end) if reference is not None else None


#: A full reference's label after an image's alt text: ``[silo]``, no unescaped bracket inside.
_FULL_REFERENCE = re.compile(r"\[(?:[^\[\]\n\\]|\\.)*[^\s\[\]\\](?:[^\[\]\n\\]|\\.)*\]")


def _masked_tags(text: str) -> str:
    """``text`` with each template tag's characters but its line breaks written ``x``: as
    long as before, every position the same, and no space, quote or bracket of the tag's left
    for Markdown to read."""
    tags = template_tags(text)
    if not tags:
        return text
    out, pos = [], 0
    for tag in tags:
        out.append(text[pos:tag.start])
        out.append(re.sub(r"[^\n]", "x", text[tag.start:tag.end]))
        pos = tag.end
    out.append(text[pos:])
    return "".join(out)


#: Inline parsing (off in :data:`_MD`) for :func:`_image_only`.
_IMAGE_PARSER = MarkdownIt("commonmark")


def _heading(texts: list[str], token: Token, markup: str) -> Iterator[Segment]:
    assert token.map is not None
    if markup.startswith("#"):
        content = token.content.strip()
        line = texts[token.map[0]]
        hashes = len(line) - len(line.lstrip(" \t"))
        hashes += len(markup)
        start = line.find(content, hashes) if content else -1
        if start < 0:
            return
        content = content[:_before_attributes(content)]
        if not content:
            return
        piece = Piece(token.map[0], start, start + len(content))
        if not _has_prose(content):
            yield from _inner_segments(texts, [piece], None)
            return
        yield Segment(msgid=content, kind=BlockKind.HEADING, line=token.map[0] + 1, pieces=(piece,),
                      style="atx", cont_prefix="")
        yield from _inner_segments(texts, [piece], content)
        return
    pieces = _line_pieces(texts, token.map, token.content)
    if not pieces:
        return
    last = pieces[-1]
    pieces[-1] = Piece(last.line, last.start, last.start + _before_attributes(texts[last.line][last.start:last.end]))
    if pieces[-1].start == pieces[-1].end:
        pieces.pop()
    if not pieces:
        return
    msgid = _join_pieces(texts, pieces)
    if not _has_prose(msgid):
        yield from _inner_segments(texts, pieces, None)
        return
    prefix = texts[pieces[0].line][:pieces[0].start]
    yield Segment(msgid=msgid, kind=BlockKind.HEADING, line=pieces[0].line + 1, pieces=tuple(pieces),
                  style="setext", cont_prefix=_continuation_prefix(prefix))
    yield from _inner_segments(texts, pieces, msgid)


def _before_attributes(text: str) -> int:
    """How much of a heading's ``text`` the reader sees: what comes before a closing attribute
    list (``Port grows {#port}``), and before the closing hashes in front of it
    (``Port grows ## {#port}``). The attribute list is the site generator's (an anchor that
    links point to): it stays as written and never reaches a translator or an engine."""
    match = _TRAILING_ATTRIBUTES.search(text)
    if match is None:
        return len(text)
    return len(_CLOSING_HASHES.sub("", text[:match.start()]).rstrip(" \t"))


_CONTAINER_PREFIX = re.compile(r"^(?:[ \t]*>[ \t]?)*[ \t]*")
_QUOTE_MARKER = re.compile(r"[ \t]*>[ \t]?")
_ITEM_MARKER = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)")
_SPACES = re.compile(r"[ \t]*")


def _row_content_start(line: str, containers: list[str], opened_on: list[int], index: int) -> int:
    """Where a table row's own text starts: after every ``>`` of its block quotes and the
    marker of each list item that opens on this line (``1. | Name | Role |``)."""
    pos = 0
    for kind, first in zip(containers, opened_on):
        if kind == "blockquote_open":
            marker = _QUOTE_MARKER.match(line, pos)
        elif first == index:
            marker = _ITEM_MARKER.match(line, pos)
        else:
            continue
        if marker is None:
            return _CONTAINER_PREFIX.match(line).end()  # type: ignore[union-attr]
        pos = marker.end()
    return _SPACES.match(line, pos).end()  # type: ignore[union-attr]


def _split_row(line: str, start: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each cell's text in a table row, split on unescaped pipes; the row's
    text starts at ``start`` (default: after any block-quote markers)."""
    if start is None:
        start = _CONTAINER_PREFIX.match(line).end()  # type: ignore[union-attr]
    bounds, cell_start, i = [], start, start
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == "|":
            bounds.append((cell_start, i))
            cell_start = i + 1
        i += 1
    bounds.append((cell_start, len(line)))
    if bounds and line[bounds[0][0]:bounds[0][1]].strip() == "" and line[start:start + 1] == "|":
        bounds.pop(0)
    if len(bounds) > 1 and line[bounds[-1][0]:bounds[-1][1]].strip() == "":
        bounds.pop()
    return bounds


def _table_row(texts: list[str], line_index: int, cells: list[Token],
               start: int | None = None) -> Iterator[Segment]:
    line = texts[line_index]
    # A row may have fewer cells than the header (the rest are empty) or more (GFM drops
    # the extra ones): the cells that are rendered are the first ones, in order.
    bounds = _split_row(line, start)[:len(cells)]
    row_start = _CONTAINER_PREFIX.match(line).end() if start is None else start  # type: ignore[union-attr]
    if ATTRIBUTE_LIST.fullmatch(line[row_start:].strip(" \t\r\n")):
        return  # kramdown's ``{: .table}`` after a table: the table's attributes, no row
    for cell_from, end in bounds:
        raw = line[cell_from:end]
        stripped = raw.strip(" \t")
        cell_start = cell_from + (len(raw) - len(raw.lstrip(" \t")))
        piece = Piece(line_index, cell_start, cell_start + len(stripped))
        if not _HAS_LETTER.search(stripped):
            cells = _NUMBER_CELLS.get()
            if cells is not None and ("," in stripped or "." in stripped) and _DIGIT.search(stripped):
                cells.append(piece)
            continue
        if not _has_prose(stripped):
            yield from _inner_segments(texts, [piece], None, cell=True)
            continue
        image = _image_only(stripped)
        if image is not None:
            yield from _image_segments(texts, piece, image, cell=True)
            continue
        # A row written without a leading pipe starts with its first cell's text: a
        # translation there that opens a block (``1. ``, ``- ``, ``>``) would end the table.
        leads = not line[row_start:cell_start].strip(" \t")
        yield Segment(msgid=stripped, kind=BlockKind.TABLE_CELL, line=line_index + 1, pieces=(piece,),
                      style="cell-lead" if leads else "cell")
        yield from _inner_segments(texts, [piece], stripped, cell=True)


# --------------------------------------------------------------------------- writing


def localise(article: Article, lookup: Lookup, *, front_matter: dict[str, str | bool] | None = None) -> str:
    """The article's text with each segment's translation (from ``lookup``) spliced in.

    ``lookup`` returns None to keep a segment as written. ``front_matter`` sets top-level keys
    (``lang``, ``translation_of``, ...): an existing key's value is replaced in place, a new key
    is added as a line before the closing ``---`` (at the mapping's indentation, before an
    explicit ``...`` end) or, when the front matter is one flow mapping ``{...}``, as an entry
    inside its braces (TOML front matter: see :func:`_toml_front_matter_edits`); an article
    without front matter gets one.
    Returns text without the BOM; :func:`encode_article` puts it back.
    """
    lines, offsets = _lines_and_offsets(article.text)
    edits: list[tuple[int, int, str]] = []
    inner = _nested(article.segments, offsets)
    if article.reference_labels:
        lookup = _keeping_reference_labels(lookup, article.reference_labels)
    for index, segment in enumerate(article.segments):
        if segment.anchor is not None and index in inner.placed:
            continue
        translation = lookup(segment)
        nested = [(article.segments[i], lookup(article.segments[i])) for i in inner.within.get(index, ())]
        if translation is None or translation == segment.msgid:
            # The block stays as written: its titles are spliced into it one by one.
            for child, text in nested:
                edits += _segment_edits(child, text, lines, offsets)
            continue
        substitutions = [(child.anchor, render_translation(child, text)) for child, text in nested
                         if child.anchor is not None and text is not None and text != child.msgid]
        edits += _segment_edits(segment, translation, lines, offsets, substitutions)
    target = front_matter.get("lang") if front_matter else None
    if isinstance(target, str) and target != article.lang and edits:
        # (a version translating nothing, every entry its msgid, stays the source as written)
        edits += _own_lang_edits(article, target, edits)
        edits += _number_cell_edits(article, target, offsets)
    if front_matter:
        edits.extend(_front_matter_edits(article, lines, offsets, front_matter))
    # By position only: of two insertions at one place (a value filled in, then new keys
    # after it), the one made first comes first.
    edits.sort(key=lambda edit: edit[:2])
    out, pos = [], 0
    for start, end, text in edits:
        out.append(article.text[pos:start])
        out.append(text)
        pos = end
    out.append(article.text[pos:])
    return "".join(out)


def _number_cell_edits(article: Article, target: str, offsets: Sequence[int]) -> list[tuple[int, int, str]]:
    """The article's table cells holding a decimal number alone, written as ``target`` writes
    it (``3,5`` → ``3.5`` in an English version): a reader takes ``3,5`` for a list or for
    thirty-five. A cell whose mark may be either a decimal or a grouping one stays."""
    edits = []
    for piece in article.number_cells:
        start = offsets[piece.line] + piece.start
        written = number_cell_in(article.text[start:offsets[piece.line] + piece.end], article.lang, target)
        if written is not None:
            edits.append((start, offsets[piece.line] + piece.end, written))
    return edits


def _own_lang_edits(article: Article, target: str, edits: list[tuple[int, int, str]]
                   ) -> list[tuple[int, int, str]]:
    """The article's own language named by its HTML blocks (``<div lang="az">``) replaced
    with the version's ``target``, as the text in them is now in it; a value inside a
    translated segment is the translator's to write."""
    return [(start, end, target) for start, end in article.own_lang_values
            if not any(begin < end and start < finish for begin, finish, _ in edits)]


def _reference_labels(lines: SourceLines, fm_end: int) -> frozenset[str]:
    """The article's link reference labels (``[map]: map.png``), normalised as CommonMark
    matches them: read with the article (the body's parse is at hand then), not when each
    version is written, where it would be parsed again."""
    _, tokens = body_tokens(lines, fm_end)
    return frozenset(t.meta["label"] for t in tokens if t.type == "definition" and t.meta.get("label"))


#: ``[text]`` or ``[text][]`` (a shortcut or collapsed reference, when ``text`` is a label),
#: not an inline link, a full reference, a definition or a footnote. An image's alt text is its
#: label in the same way (``![Grain silo][]``, ``![Grain silo]``).
_BRACKETS = re.compile(r"(?<![\\\]])\[(?!\^)((?:[^\[\]\\\n]|\\.)+)\](\[\])?(?![(\[:])")
#: Segment styles whose text is Markdown inline content (not YAML, HTML, an attribute).
_INLINE_STYLES = frozenset({"block", "caption", "footnote", "atx", "setext", "cell", "cell-lead", "line"})


def _keeping_reference_labels(lookup: Lookup, labels: frozenset[str]) -> Lookup:
    """``lookup`` whose translations keep the article's shortcut and collapsed reference
    links working: ``[summary]`` is a link only while its text is the label, so a translated
    ``[резюме]`` (or ``[резюме][]``) is written ``[резюме][summary]``, the text translated and
    the label kept, bracket by bracket where the translation has the source's brackets."""
    def keep(segment: Segment) -> str | None:
        translation = lookup(segment)
        if not translation or translation == segment.msgid or segment.style not in _INLINE_STYLES:
            return translation
        return keep_reference_labels(segment.msgid, translation, labels)
    return keep


def keep_reference_labels(source: str, translation: str, labels: frozenset[str]) -> str:
    """See :func:`_keeping_reference_labels`: only when source and translation have as many
    brackets; a pair the translation kept as written (``[sic]``, a label left as it is) is
    itself wherever the word order put it, and the others are paired in order."""
    wanted = [m.group(1) for m in _BRACKETS.finditer(source)]  # the labels as the source writes them
    if not any(normalizeReference(label) in labels for label in wanted):
        return translation
    found = list(_BRACKETS.finditer(translation))
    if len(found) != len(wanted):
        return translation
    unmatched, rest = list(wanted), []
    for match in found:
        key = normalizeReference(match.group(1))
        same = next((w for w in unmatched if normalizeReference(w) == key), None)
        if same is None:
            rest.append(match)
        else:
            unmatched.remove(same)
    out, pos = [], 0
    for label, match in zip(unmatched, rest):
        if normalizeReference(label) not in labels or normalizeReference(match.group(1)) in labels:
            continue
        out += [translation[pos:match.start()], f"[{match.group(1)}][{label}]"]
        pos = match.end()
    return "".join(out) + translation[pos:]


def _segment_edits(segment: Segment, translation: str | None, lines: SourceLines, offsets: Sequence[int],
                   nested: Sequence[tuple[Anchor, str]] = ()) -> list[tuple[int, int, str]]:
    """The edits that write ``translation`` (None or the msgid: none) over ``segment``."""
    if translation is None or translation == segment.msgid:
        return []
    first, last = segment.pieces[0], segment.pieces[-1]
    newline = lines.endings[first.line] or _dominant_newline(lines)
    next_line = lines.texts[last.line + 1] if last.line + 1 < len(lines.texts) else ""
    rendered = render_translation(segment, translation, newline, next_line=next_line, nested=nested)
    edits = [(offsets[first.line] + first.start, offsets[last.line] + last.end, rendered)]
    if _under_a_delimiter_row(segment, rendered, next_line):
        # A pipe left there is in a code span, which cannot hold an entity: a blank line
        # (inside the next line's block quotes) separates the two lines, as any two blocks.
        blank = _QUOTE_MARKERS.match(next_line).group(0).rstrip()  # type: ignore[union-attr]
        at = offsets[last.line + 1]
        edits.append((at, at, blank + (lines.endings[last.line] or newline)))
    return edits


@dataclass(frozen=True)
class _Nesting:
    """Which segments lie inside another one (see :class:`Anchor`): ``within`` maps a
    segment's index to the indexes of the segments inside it, ``placed`` holds the latter."""

    within: dict[int, list[int]]
    placed: frozenset[int]


def _nested(segments: Sequence[Segment], offsets: Sequence[int]) -> _Nesting:
    """Each anchored segment's enclosing segment, by position (a block whose text has no
    letters is no segment: its titles are then spliced on their own)."""
    if all(segment.anchor is None for segment in segments):
        return _Nesting({}, frozenset())
    outer = sorted((_span(segment, offsets), index) for index, segment in enumerate(segments)
                   if segment.anchor is None)
    starts = [span[0] for span, _ in outer]
    within: dict[int, list[int]] = {}
    for index, segment in enumerate(segments):
        if segment.anchor is None:
            continue
        start, end = _span(segment, offsets)
        at = bisect.bisect_right(starts, start) - 1
        if at >= 0 and outer[at][0][1] >= end:
            within.setdefault(outer[at][1], []).append(index)
    return _Nesting(within, frozenset(i for children in within.values() for i in children))


def _span(segment: Segment, offsets: Sequence[int]) -> tuple[int, int]:
    first, last = segment.pieces[0], segment.pieces[-1]
    return offsets[first.line] + first.start, offsets[last.line] + last.end


@functools.lru_cache(maxsize=16)
def _lines_and_offsets(text: str) -> tuple[SourceLines, tuple[int, ...]]:
    """Each article is localised once per language, one language after the other: split once."""
    lines = SourceLines.split(text)
    return lines, tuple(lines.offsets())


def encode_article(article: Article, text: str) -> bytes:
    return (("\ufeff" if article.bom else "") + text).encode("utf-8")


def _dominant_newline(lines: SourceLines) -> str:
    return "\r\n" if any(e == "\r\n" for e in lines.endings) else "\n"


def render_translation(segment: Segment, translation: str, newline: str = "\n", *,
                       next_line: str = "", nested: Sequence[tuple[Anchor, str]] = ()) -> str:
    """Write a translation so the localised file keeps the source's block structure.

    ``next_line`` is the source line after the segment's last line. When it could be a table
    delimiter row (the ``---`` right after a block quote or list item, whose paragraph may
    have had lazy continuation lines, or after an ATX heading), a pipe in the translation's
    last line can make that line a table header: markdown-it reads ``> a \\| b`` + ``---`` as
    a one-column table, container markers included. Such pipes are written as ``&#124;``,
    which renders the same (one in a code span cannot be: :func:`localise` then adds a blank
    line before ``next_line``).

    ``nested`` holds the rendered translations of the segments inside this one (a link's
    title), each put in where the translation still has the markup around it.
    """
    if segment.style in ("html", "html-md"):
        # The run's own tags are kept as they are before its nested attributes are put in.
        rendered = _with_nested(htmlblocks.render_text(translation, segment.msgid), nested)
        return _escape_block_start(rendered, segment.msgid) if segment.style == "html-md" else rendered
    rendered = _render_translation(segment, _with_nested(translation, nested), newline)
    if _under_a_delimiter_row(segment, rendered, next_line):
        head, sep, last = rendered.rpartition("\n")
        rendered = head + sep + _pipes_as_entities(last)
    if segment.style == "footnote":
        # ``[^1]: Reuters.`` over ``[^2]: AP.``: one word is a reference definition for
        # CommonMark, which ends at its line; a longer translation would be a paragraph taking
        # in the next definition. A blank line (inside the same block quotes) keeps them apart.
        rendered += newline + segment.cont_prefix.rstrip()
    return rendered


def _with_nested(translation: str, nested: Sequence[tuple[Anchor, str]]) -> str:
    for anchor, rendered in nested:
        translation = translation.replace(anchor.text, anchor.text[:anchor.start] + rendered + anchor.text[anchor.end:])
    return translation


def _under_a_delimiter_row(segment: Segment, rendered: str, next_line: str) -> bool:
    """Whether the last line of ``rendered`` holds a pipe and ``next_line`` could make it a
    table header. (A setext heading's text is above its own underline: see ``setext``.)"""
    return (segment.style in ("block", "caption", "footnote", "atx", "alt") and "|" in rendered.rpartition("\n")[2]
            and _DELIMITER_LIKE.match(next_line) is not None)


#: A line markdown-it may take as a table's delimiter row (``---``, ``:-:``, ``|--|``), after
#: any block-quote markers; a superset is fine (the escape only changes bytes, not rendering).
_DELIMITER_LIKE = re.compile(r"^[ \t>]*[|:-][|:\- \t]*$")
_QUOTE_MARKERS = re.compile(r"[ \t>]*")


#: The quotes of an HTML attribute value by the name its segment's style gives them.
_QUOTES_BY_STYLE = {name: quote for quote, name in _HTML_QUOTES.items()}


def _render_translation(segment: Segment, translation: str, newline: str) -> str:
    style = segment.style
    if style.startswith("yaml"):
        return _render_yaml(_with_source_edges(translation, segment.msgid), style[4:], segment.cont_prefix,
                            newline)
    if style.startswith("toml"):
        return _render_toml(_with_source_edges(translation, segment.msgid), style[4:], newline)
    if style in ("cell", "cell-lead"):
        text = _escape_unescaped(" ".join(translation.split("\n")).strip(), "|")
        if style == "cell-lead":
            text = _escape_block_start(text, segment.msgid)
        # markdown-it reads any backslash before a pipe as its escape: a final one is kept
        # apart from the cell's closing pipe by a space (the cell's text is trimmed).
        return text + " " if text.endswith("\\") else text
    if style.startswith("tplarg-"):
        return _render_template_argument(translation, style)
    if style.startswith("html-attr-"):
        quoting, _, where = style[10:].partition("-")
        text = htmlblocks.render_attribute(translation, _QUOTES_BY_STYLE[quoting])
        if quoting.startswith("js"):
            return text  # a JavaScript string writes ``|`` and backticks as its own escapes
        # In Markdown's text (style ending in ``-md``) a ``|`` would split a table cell inside
        # the tag and a backtick pair with one around it into a code span holding half the tag;
        # the entities read the same in the attribute.
        return text.replace("|", "&#124;").replace("`", "&#96;") if where == "md" else text
    if style.startswith("fence-title-"):
        return _render_fence_title(translation, style)
    if style.startswith("title-"):
        return render_title(translation, {"dq": '"', "sq": "'", "paren": ")"}[style[6:]])
    if style in ("alt", "alt-cell"):
        text = _escape_outside_escapes(" ".join(translation.split("\n")).strip(), "[]")
        # in a table cell, a pipe would end the cell inside the image
        return _escape_unescaped(text, "|") if style == "alt-cell" else text
    if style == "atx":
        text = " ".join(part.strip() for part in translation.split("\n") if part.strip())
        return re.sub(r"(^|[ \t])(#+)([ \t]*)$", r"\1\\\2\3", text)
    label = _FOOTNOTE_LABEL.match(segment.msgid) if style in ("block", "footnote") else None
    if label is not None:
        translation = _label_first(translation, label.group(0).rstrip(" \t"))
    lines = [part.strip(" \t") for part in translation.split("\n")]
    lines = [part for part in lines if part]
    if style == "setext" and "\n" not in segment.msgid:
        return _pipes_as_entities(" ".join(_escape_block_start(part, segment.msgid) for part in lines))
    if style == "plain-line":
        # An abbreviation's expansion, an admonition's title: the rest of a line, read as written.
        return " ".join(lines)
    if style == "info":
        # A directive's title on a backtick fence's line (```` ```{admonition} Title ````): a
        # backtick there makes the line no fence (CommonMark), so it is written as a reference.
        return " ".join(lines).replace("`", "&#96;")
    if style == "line":
        # A definition list's term, an alert's title: one line, or a second would be
        # another term, or the alert's text.
        return _escape_block_start(" ".join(lines), segment.msgid)
    rendered = []
    for i, part in enumerate(lines):
        part = _escape_block_start(part, segment.msgid)
        if i and _DEFINITION_START.match(part):
            # After a line of text ``: `` opens a definition, even where the source's first
            # line opened with one (a paragraph's first line has no term above it).
            part = "\\" + part
        if i + 1 < len(lines):
            part += newline + segment.cont_prefix if _backslash_break(part) else "  " + newline + segment.cont_prefix
        rendered.append(part)
    if style == "setext":
        # A heading whose source breaks a line (``Port grows  `` over ``again``): the
        # translation's breaks are kept as hard breaks, as a paragraph's are.
        return _pipes_as_entities("".join(rendered))
    return "".join(rendered)


def _render_fence_title(translation: str, style: str) -> str:
    """A code block's title written between its quotes on the fence's line: one line, its
    quote written as a typographic one (neither MkDocs nor Docusaurus reads an escape there,
    so a straight one would end the title early) and, on a backtick fence, a backtick as an
    apostrophe (the info string of a backtick fence may hold none, or it is no fence)."""
    quoting, fence_char = style[12:].split("-")
    text = " ".join(part.strip() for part in translation.split("\n") if part.strip())
    if fence_char == "`":
        text = text.replace("`", "'")
    quote = '"' if quoting == "dq" else "'"
    opening, closing = ("\u201c", "\u201d") if quote == '"' else ("\u2018", "\u2019")
    out: list[str] = []
    for index, char in enumerate(text):
        if char == quote:
            char = opening if index == 0 or text[index - 1] in " ([{\u00ab" else closing
        out.append(char)
    return "".join(out)


def _label_first(translation: str, label: str) -> str:
    """A footnote definition's translation with its ``[^1]:`` label first: anywhere else the
    definition is a paragraph (the footnote vanishes, its reference left dangling, its further
    indented paragraphs turned into code). A label the translation has elsewhere is moved
    there, a lost one put back; one that lost only its colon at the start (``[^1] Reuters``)
    is the label, not a reference of the footnote to itself."""
    text = translation.strip()
    if text.startswith(label):
        return translation
    at = text.find(label)
    if at >= 0:
        text = " ".join(part for part in (text[:at].rstrip(), text[at + len(label):].lstrip()) if part)
    elif text.startswith(label.rstrip(":")):
        text = text[len(label.rstrip(":")):].lstrip()
    return f"{label} {text}"


_BLOCK_STARTS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"^(=+|-+|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})[ \t]*$"), lambda m: "\\" + m.group(0)),
    (re.compile(r"^#{1,6}(?=[ \t]|$)"), lambda m: "\\" + m.group(0)),
    (re.compile(r"^[-+*](?=[ \t]|$)"), lambda m: "\\" + m.group(0)),
    (re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)"), lambda m: m.group(1) + "\\" + m.group(2)),
    (re.compile(r"^>"), lambda m: "\\>"),
    # After a line of text, ``: `` opens a definition where definition lists are read. A
    # lone ``:`` too: the source text kept after a translation (a setext heading's attribute
    # list, the next cell of a row) supplies the space.
    (re.compile(r"^[:~](?=[ \t]|$)"), lambda m: "\\" + m.group(0)),
    (re.compile(r"^(`{3,}|~{3,})"), lambda m: "\\" + m.group(0)),
    # A line of nothing but an attribute list is read by the site generator and never shown
    # (or gives the paragraph a class or an id the source lacks); an alert marker opening a
    # block quote's first line makes the quote an alert.
    (re.compile(r"^(?:" + ATTRIBUTE_LIST.pattern + r")[ \t]*$"), lambda m: "\\" + m.group(0)),
    (_ALERT_MARKER, lambda m: "\\" + m.group(0)),
    (re.compile(r"^<[A-Za-z/!?][A-Za-z0-9-]*"), lambda m: "&lt;" + m.group(0)[1:]),
    # A label and a colon open a footnote definition (``[^1]:``) or a link reference
    # definition (``[map]: url``): the block would leave the text for the page's foot, or vanish.
    (re.compile(r"^\[(?:[^\]\\\n]|\\.)+\]:"), lambda m: "\\" + m.group(0)),
    # A table delimiter row (``--|--``, ``|:-:|``, a lone ``-:``) under a line holding a pipe
    # opens a table.
    (re.compile(r"^(?=[^|]*\||[ \t]*:|[ \t]*-+:)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$"),
     lambda m: "\\" + m.group(0)),
    # A bar and a space open a Pandoc line block (``| The moon rose``), which takes in the
    # paragraph's next lines, a definition's marker line too.
    (re.compile(r"^\|(?=[ \t]|$)"), lambda m: "\\|"),
    # An admonition's marker line (``!!! note "Title"``) and an abbreviation definition
    # (``*[IMF]: …``): the paragraph would become an admonition or vanish into a definition.
    (_ADMONITION, lambda m: "\\" + m.group(0)),
    (_ABBREVIATION_MARKER, lambda m: "\\" + m.group(0)),
)


_DEFINITION_START = re.compile(r"[:~](?=[ \t]|$)")

#: Every pattern above is anchored on one of these first characters or a digit (``\d``,
#: which ``str.isdigit`` covers): a line starting with anything else needs no check.
_BLOCK_START_CHARS = frozenset("=-*_#+>`~<|:{[!?")


def _escape_block_start(line: str, msgid: str) -> str:
    """Escape a line start that would open another block (list, heading, quote, fence...).

    A line start the source text itself has, exactly (the same marker, the same tag), is left
    alone: the translator copied it. A merely similar one is not: ``<b>`` in the source does
    not make ``<div>`` (an HTML block) safe, nor ``2.`` make ``1.`` (which opens a list).
    The text after a footnote label kept so is checked in turn: a footnote holds blocks, as
    a list item does (``[^1]: - Reuters`` is a footnote holding a list).
    """
    line = _escape_line_start(line, msgid)
    label = _FOOTNOTE_LABEL.match(line)
    if label is None:
        return line
    # A tab or four spaces after the label would make the footnote's text indented code.
    space = label.group(0)[label.group(0).index(":") + 1:]
    kept = label.group(0) if "\t" not in space and len(space) < 4 else label.group(0)[:-len(space)] + " "
    return kept + _escape_block_start(line[label.end():], _FOOTNOTE_LABEL.sub("", msgid, count=1))


_FOOTNOTE_LABEL = re.compile(r"\[\^[^\]\s]+\]:[ \t]*")


def _escape_line_start(line: str, msgid: str) -> str:
    """:func:`_escape_block_start` for the line's first characters only."""
    if not line or (line[0] not in _BLOCK_START_CHARS and not line[0].isdigit()):
        return line
    msgid_lines = msgid.split("\n")
    for pattern, fix in _BLOCK_STARTS:
        found = pattern.match(line)
        if found is None:
            continue
        copied = (pattern.match(m) for m in msgid_lines)
        if not any(c is not None and c.group(0).lower() == found.group(0).lower() for c in copied):
            return pattern.sub(fix, line, count=1)
    return line


def _pipes_as_entities(text: str) -> str:
    """A setext heading's text line above a ``---`` underline reads as a one-column table
    header whenever it holds a ``|`` (escaped or not, as markdown-it counts them), so pipes
    outside code spans are written as ``&#124;``, which renders as the same character."""
    if "|" not in text:
        return text
    return _CODE_OR_PIPE.sub(lambda m: m.group(0) if m.group(1) else "&#124;", text)


_CODE_OR_PIPE = re.compile(r"(`+).+?(?<!`)\1(?!`)|\\?\|")


def _render_template_argument(translation: str, style: str) -> str:
    """A quoted template-tag argument that still ends at its own closing quote: Hugo reads
    ``\\"`` inside ``"..."``; Liquid and Nunjucks have no escape, so the quote is written as
    an HTML entity (includes put arguments into HTML, where it reads as the same mark).

    Nor may it end the tag itself: Liquid ends a tag at the first ``%}`` whatever the quotes,
    and the tag finder reads up to the first ``>}}`` or ``%}}``, so the ``}`` of a closing
    delimiter becomes ``&#125;``. A final backslash would escape the closing quote (Hugo reads
    every backslash before ``"`` so): it becomes ``&#92;``. A backtick becomes ``&#96;`` (and
    cannot end Hugo's raw string, ``caption=`...` ``, which needs no other escape): paired
    with one in the text around the tag, it would make a code span of the tag for every reader
    of Markdown (the tag's arguments would be code). In an HTML block (style ending in
    ``-html``), a ``<`` that would open a tag becomes ``&lt;``; in a table cell (``-cell``), a
    ``|`` becomes ``&#124;``, as Markdown splits a row at every unescaped pipe."""
    text = " ".join(part.strip() for part in translation.split("\n") if part.strip())
    text = _TAG_CLOSER_BRACE.sub("&#125;", text)
    text = _FINAL_BACKSLASH.sub("&#92;", text).replace("`", "&#96;")
    _, flavour, quoting, *where = style.split("-")
    if where == ["html"]:
        text = htmlblocks.defuse_markup(text)
    elif where == ["cell"]:
        text = text.replace("|", "&#124;")  # the table would end the cell there, inside the tag
    if quoting == "sq":
        return _escape_unescaped(text, "'") if flavour == "call" else text.replace("'", "&#39;")
    if quoting == "bt":
        return text  # a raw string holds anything but the backtick, written &#96; above
    if flavour in ("go", "call"):  # (a Nunjucks string reads backslash escapes as Hugo's does)
        return _escape_unescaped(text, '"')
    return text.replace('"', "&quot;")


#: The ``}`` that closes a template tag (``%}``, ``>}}``, ``%}}``).
_TAG_CLOSER_BRACE = re.compile(r"(?<=[%>])\}")
_FINAL_BACKSLASH = re.compile(r"\\$")


def _escape_outside_escapes(text: str, chars: str) -> str:
    """``text`` with each of ``chars`` backslash-escaped unless a backslash escapes it already
    (``\\\\[``: the backslash is the escaped one, the bracket is not), and a final backslash
    doubled: it would escape the delimiter written after the text."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\\":
            out.append(text[i:i + 2] if i + 1 < len(text) else "\\\\")
            i += 2
            continue
        out.append("\\" + text[i] if text[i] in chars else text[i])
        i += 1
    return "".join(out)


def _escape_unescaped(text: str, char: str) -> str:
    return re.sub(r"(?<!\\)" + re.escape(char), "\\" + char, text)


def _with_source_edges(translation: str, source: str) -> str:
    """``translation`` with the white space around it the source's own: spaces or a final
    line break a translator typed (invisible in Poedit, or a final newline lost or added,
    which ``msgfmt -c`` refuses) are no part of a title or description, and a block
    scalar's final line break (``description: |``) stays. A paragraph's are dropped alike."""
    text = translation.strip()
    if not text or text == translation and source == source.strip():
        return translation
    return source[:len(source) - len(source.lstrip())] + text + source[len(source.rstrip()):]


def _render_yaml(value: str, style: str, indentation: str = "", newline: str = "\n") -> str:
    """A YAML scalar that loads back as exactly ``value``, in the source's quoting style if it can.

    A block scalar's ``style`` is its header followed by its final line breaks (see
    :func:`_block_scalar`), which ``value`` lacks; ``indentation`` starts its lines."""
    if style[:1] in ("|", ">"):
        header = style.rstrip("\n")
        value += style[len(header):]
        block = _block_scalar_text(value, header, indentation)
        if block is not None:
            return block.replace("\n", newline)
    if style == "'" and "\n" not in value and value == value.strip():
        return "'" + value.replace("'", "''") + "'"
    if style == "plain" and _plain_is_safe(value):
        return value
    if style == "flow-plain" and _plain_is_safe(value, flow=True):
        return value
    return json.dumps(value, ensure_ascii=False).translate(_YAML_LINE_BREAKS)


def _render_toml(value: str, style: str, newline: str) -> str:
    """A TOML string that reads back as ``value`` in the source's quoting if it can hold it; a
    multi-line string gets back the line breaks around its text (see :func:`_toml_segment`)."""
    kind, _, edges = style.partition("|")
    opening = False
    if edges:
        flag, lead, trail = edges.split("|")
        opening = flag == "1"
        value = "\n" * int(lead) + value + "\n" * int(trail)
    return tomlfront.render_string(value, kind, opening).replace("\n", newline)


def _block_scalar_text(value: str, header: str, indentation: str) -> str | None:
    """``value`` written as a block scalar under ``header`` (lines starting with
    ``indentation``; a folded one's lines as they are, a blank line for each line break), or
    None when it would not load back as ``value`` (a first line opening with a space under a
    header without an indentation indicator, a break YAML normalises, a control character)."""
    indicators = _BLOCK_HEADER.match(header)
    if not indentation or "\r" in value or indicators is None:
        return None
    # An indentation indicator counts from the enclosing block's indentation: the check below
    # loads the block under a key indented as far.
    indicator = re.search(r"[1-9]", indicators.group(0))
    parent = len(indentation) - int(indicator.group(0)) if indicator else 0
    if parent < 0:
        return None
    text = value.rstrip("\n")
    # The blank lines after the value stay in the file: they are the kept breaks of ``|+``.
    kept = "\n" * (len(value) - len(text) - 1) if "+" in indicators.group(0) else ""
    if header.startswith(">"):
        if "\n" in text and re.search(r"(?:^|\n)[ \t]", text):
            return None  # more-indented lines keep their line breaks: fold nothing then
        text = re.sub(r"\n+", lambda breaks: breaks.group(0) + "\n", text)  # n breaks: n empty lines
    lines = [indentation + line if line else "" for line in text.split("\n")]
    block = header + "\n" + "\n".join(lines)
    document = f"{' ' * parent}k: {block}\n{kept}"
    try:
        loaded = yaml.load(document, Loader=_SAFE_YAML_LOADER)
    except yaml.YAMLError:
        return None
    return block if loaded == {"k": value} else None


#: Characters YAML reads as line breaks (folded to a space inside a double-quoted scalar)
#: that JSON writes as they are: escaped, they load back as themselves.
_YAML_LINE_BREAKS = str.maketrans({"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"})


def _yaml_value(value: str | bool, style: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _render_yaml(value, style)


def _plain_is_safe(value: str, *, flow: bool = False) -> bool:
    """Whether ``value`` can be written unquoted; ``flow``: as a value inside ``{...}``."""
    if not value or "\n" in value or "\t" in value or value != value.strip() or ": " in value \
            or " #" in value:
        return False  # a tab is valid YAML in a plain scalar, but PyYAML's own reader refuses it
    if value[0] in "!&*[]{}|>'\"%@`#,?:-" or value.endswith(":"):
        return False
    if flow and any(char in value for char in ",[]{}"):
        return False
    if (_PLAIN_IN_FLOW if flow else _PLAIN).fullmatch(value) and value.isprintable() \
            and not _implicitly_typed(value):
        return True  # words and punctuation YAML gives no meaning: the load below would say so
    document = "{k: " + value + "}" if flow else "k: " + value
    try:
        return yaml.load(document, Loader=_SAFE_YAML_LOADER) == {"k": value}
    except yaml.YAMLError:
        return False


#: A value opening with a letter or digit (or any character outside ASCII) and holding none of
#: the ASCII characters a YAML reader stops at or may read as markup (a title, a description):
#: loaded, it is itself, unless a resolver makes it a number, a date, a boolean or null
#: (:func:`_implicitly_typed`). In a flow mapping, ``,`` and ``?`` end it too.
_PLAIN = re.compile(r"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x9f][^\x00-\x1f\x7f-\x9f:#\\\[\]{}<>|@`~*^$%&]*")
_PLAIN_IN_FLOW = re.compile(r"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x9f][^\x00-\x1f\x7f-\x9f:#\\\[\]{}<>|@`~*^$%&,?]*")


def _implicitly_typed(value: str) -> bool:
    """Whether one of the loader's implicit resolvers (bool, int, float, null, timestamp) reads
    the plain scalar ``value`` as something other than a string."""
    resolvers = _SAFE_YAML_LOADER.yaml_implicit_resolvers
    return any(pattern.match(value) for _, pattern in resolvers.get(value[0], []) + resolvers.get(None, []))


@functools.lru_cache(maxsize=16)
def _composed(yaml_text: str) -> yaml.Node | None:
    """The front matter's node tree, parsed once for all the languages of one article (read only)."""
    return yaml.compose(yaml_text, Loader=_SAFE_YAML_LOADER)


def _front_matter_edits(article: Article, lines: SourceLines, offsets: Sequence[int],
                        fields: dict[str, str | bool]) -> list[tuple[int, int, str]]:
    newline = _dominant_newline(lines)
    if article.front_matter_end == 0:
        block = "---" + newline + "".join(f"{k}: {_yaml_value(v, 'plain')}{newline}" for k, v in fields.items())
        return [(0, 0, block + "---" + newline)]
    close = article.front_matter_end - 1
    if lines.texts[0].rstrip() == "+++":
        return _toml_front_matter_edits(article, lines, offsets, fields)
    yaml_text = "\n".join(lines.texts[1:close]) + "\n"
    root = _composed(yaml_text)
    mapping = root if isinstance(root, yaml.MappingNode) else None
    flow = mapping is not None and bool(mapping.flow_style)
    edits: list[tuple[int, int, str]] = []
    missing: dict[str, str | bool] = {}
    for key, value in fields.items():
        node = _top_level_value(mapping, key) if mapping is not None else None
        if isinstance(node, yaml.ScalarNode):
            start = _article_offset(offsets, yaml_text, node.start_mark.index)
            end = _article_offset(offsets, yaml_text, node.end_mark.index)
            # An anchor or tag (``&key x``) stays: only the value is replaced.
            properties = _YAML_PROPERTIES.match(article.text, start, end)
            if properties is not None:
                start = properties.end()
            rendered = _yaml_value(value, node.style or ("flow-plain" if flow else "plain"))
            colon = article.text.rfind(":", 0, start)
            if start == end and colon >= 0 and not article.text[colon + 1:start].strip():
                # An empty value (``key:``, ``{key: }``) sits wherever the next token starts:
                # write it right after the colon, and after a space (``key:ru`` is not a key).
                start = end = colon + 1
                rendered = " " + rendered
            if article.text[start:end] != rendered:
                edits.append((start, end, rendered))
        else:
            missing[key] = value
    if not missing:
        return edits
    where = _new_keys_position(yaml_text) if flow else _block_keys_position(yaml_text, mapping)
    if where.flow:
        # ``{title: Hello}``: the keys go inside the braces, after the last entry; every
        # source byte stays where it was.
        entries = ", ".join(f"{k}: {_yaml_value(v, 'flow-plain')}" for k, v in missing.items())
        edits.append((offsets[where.line + 1] + where.column, offsets[where.line + 1] + where.column,
                      where.lead + entries))
    else:
        # Key lines at the mapping's own indentation, before the closing '---' (or before
        # an explicit '...' document end, after which YAML allows no more content).
        at = offsets[where.line + 1] if where.line is not None else offsets[close]
        edits.append((at, at, "".join(f"{' ' * where.column}{k}: {_yaml_value(v, 'plain')}{newline}"
                                      for k, v in missing.items())))
    return edits


def _toml_front_matter_edits(article: Article, lines: SourceLines, offsets: Sequence[int],
                             fields: dict[str, str | bool]) -> list[tuple[int, int, str]]:
    """:func:`_front_matter_edits` for TOML front matter: an existing top-level key's value is
    replaced in its own quoting; a new key is a ``key = value`` line after the last top-level
    one (TOML reads a key after a ``[table]`` line as the table's), or right after the opening
    ``+++`` when the block has only tables."""
    newline = _dominant_newline(lines)
    toml_text = _toml_text(lines, article.front_matter_end - 1)
    front = tomlfront.parse(toml_text)
    edits: list[tuple[int, int, str]] = []
    added = []
    for key, value in fields.items():
        place = front.top_level(key)
        if place is None:
            added.append(f"{key} = {tomlfront.render_value(value, '')}{newline}")
            continue
        rendered = tomlfront.render_value(value, place.kind)
        start = _article_offset(offsets, toml_text, place.start)
        end = _article_offset(offsets, toml_text, place.end)
        if article.text[start:end] != rendered:
            edits.append((start, end, rendered.replace("\n", newline)))
    if added:
        at = _article_offset(offsets, toml_text, front.keys_end)  # a line's start: '+++' follows
        edits.append((at, at, "".join(added)))
    return edits


def _yaml_position(yaml_text: str, index: int) -> tuple[int, int]:
    """(line, column) of ``yaml_text[index]``, lines ending at ``\\n`` only, as the article's do.

    PyYAML's marks also end a line at NEL, U+2028 and U+2029 (a Windows ellipsis read as
    Latin-1, or a break pasted from a word processor, inside a value): their line and column
    would point a line too low, so positions are taken from the index."""
    line_start = yaml_text.rfind("\n", 0, index) + 1
    return yaml_text.count("\n", 0, line_start), index - line_start


def _article_offset(offsets: Sequence[int], yaml_text: str, index: int) -> int:
    """Where ``yaml_text[index]`` is in the article (the front matter's lines follow its ``---``)."""
    line, column = _yaml_position(yaml_text, index)
    return offsets[line + 1] + column


@dataclass(frozen=True)
class _KeysPosition:
    """Where :func:`_front_matter_edits` adds top-level keys (lines and columns of the YAML text)."""

    flow: bool  # inside a flow mapping root ``{...}``: at (line, column), after ``lead``
    line: int | None  # block root: insert before this line (None: before the closing line)
    column: int  # flow: insertion column; block: the mapping's indentation
    lead: str = ""


_DOCUMENT_END = re.compile(r"^\.\.\.(?:[ \t]|$)", re.M)


def _block_keys_position(yaml_text: str, mapping: yaml.MappingNode | None) -> _KeysPosition:
    """:func:`_new_keys_position` for a block mapping (every usual front matter), from the
    composed node and a line search: scanning the tokens again costs a millisecond an article."""
    end = _DOCUMENT_END.search(yaml_text)
    line = yaml_text.count("\n", 0, end.start()) if end else None
    return _KeysPosition(flow=False, line=line, column=mapping.start_mark.column if mapping else 0)


@functools.lru_cache(maxsize=16)
def _new_keys_position(yaml_text: str) -> _KeysPosition:
    tokens = list(yaml.scan(yaml_text, Loader=_SAFE_YAML_LOADER))
    content = [t for t in tokens if not isinstance(
        t, (yaml.StreamStartToken, yaml.DocumentStartToken, yaml.AnchorToken, yaml.TagToken))]
    if content and isinstance(content[0], yaml.FlowMappingStartToken):
        depth, index = 0, tokens.index(content[0])
        for index in range(index, len(tokens)):
            if isinstance(tokens[index], (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)):
                depth += 1
            elif isinstance(tokens[index], (yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)):
                depth -= 1
                if depth == 0:
                    break
        previous = tokens[index - 1]
        if isinstance(previous, yaml.FlowMappingStartToken):  # ``{}``
            lead = ""
        elif isinstance(previous, yaml.FlowEntryToken):  # a trailing comma: ``{a: 1,}``
            lead = " "
        elif isinstance(previous, (yaml.ValueToken, yaml.KeyToken, yaml.AnchorToken, yaml.TagToken)):
            lead = " , "  # an empty value (``{a: }``, ``{a: !!str}``): ``!!str,`` is not YAML
        else:
            lead = ", "
        line, column = _yaml_position(yaml_text, previous.end_mark.index)
        return _KeysPosition(flow=True, line=line, column=column, lead=lead)
    indent = next((t.start_mark.column for t in tokens if isinstance(t, yaml.BlockMappingStartToken)), 0)
    end = next((_yaml_position(yaml_text, t.start_mark.index)[0] for t in tokens
                if isinstance(t, yaml.DocumentEndToken)), None)
    return _KeysPosition(flow=False, line=end, column=indent)
