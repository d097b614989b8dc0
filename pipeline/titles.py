"""Link and image titles: ``[text](url "title")``, ``![alt](src 'title')``, ``[label]: url (title)``.

A title is shown as a tooltip and read by screen readers, so readers meet it like any other
text. Finding one takes the Markdown parser's own decision: markdown-it's link and image
rules run as usual, and for each link they accept, the title's position is taken with the
same helpers (``parseLinkDestination``, ``parseLinkTitle``) the rules use; a position whose
text does not unescape to the title the parser stored is dropped, so a doubtful title stays
as written rather than being cut in the wrong place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_inline import image, link
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.token import Token

#: Cheap test before parsing: a ``](``, a destination (``<...>``, or no spaces), a space and a
#: title delimiter. A superset of the titles the parser finds; most links have none.
_MAYBE_TITLE = re.compile(r"\]\(\s*(?:<(?:\\.|[^>\n\\])*>|\S*)\s+[\"'(]")
_STYLE_OF = {'"': "title-dq", "'": "title-sq", ")": "title-paren"}
_SRC, _FOUND = "pipeline_titles_src", "pipeline_titles_found"


@dataclass(frozen=True)
class TitleSpan:
    """A title at ``text[start:end]`` (delimiters excluded) of the link whose target (for an
    inline link, the ``(...)`` after the label) is ``text[target_start:target_end]``."""

    target_start: int
    start: int
    end: int
    target_end: int
    closer: str  # the closing delimiter: '"', "'" or ')'
    image: bool = False

    @property
    def style(self) -> str:
        return _STYLE_OF[self.closer]


def inline_titles(text: str) -> list[TitleSpan]:
    """The titles of the inline links and images of one block's inline text, in order."""
    if "](" not in text or not _MAYBE_TITLE.search(text):
        return []
    env: dict[str, object] = {_SRC: text, _FOUND: []}
    _INLINE.parseInline(text, env)
    found: list[TitleSpan] = env[_FOUND]  # type: ignore[assignment]
    return sorted(found, key=lambda span: span.start)


def definition_title(src: str) -> TitleSpan | None:
    """The title of a link reference definition, ``src`` being its lines as markdown-it's
    reference rule reads them (from the ``[``, each with its line ending)."""
    label_end = _label_end(src)
    if label_end is None or src[label_end + 1:label_end + 2] != ":":
        return None
    pos = _skip_space(src, label_end + 2, len(src))
    destination = _INLINE.helpers.parseLinkDestination(src, pos, len(src))
    if not destination.ok:
        return None
    gap = destination.pos
    pos = _skip_space(src, gap, len(src))
    title = _INLINE.helpers.parseLinkTitle(src, pos, len(src))
    if pos >= len(src) or pos == gap or not title.ok:
        return None
    after = title.pos
    while after < len(src) and src[after] in " \t":
        after += 1
    if after < len(src) and src[after] != "\n":
        return None
    return TitleSpan(0, pos + 1, title.pos - 1, title.pos, src[title.pos - 1])


def render_title(translation: str, closer: str) -> str:
    """A translation written between the title's delimiters so it stays one title, read as
    the same text: lines joined (a blank line would end the paragraph), the delimiter and a
    final backslash escaped, ``|`` (a table cell's end, or a table header above ``---``) and
    a backtick (which could close a code span opened before the link) as character references."""
    text = " ".join(part.strip() for part in translation.split("\n") if part.strip())
    special = {closer, "(" if closer == ")" else closer}
    out: list[str] = []
    i = 0
    while i < len(text):
        char, following = text[i], text[i + 1:i + 2]
        if char == "\\" and following and following not in "|`":
            out.append(char + following)  # already escaped: kept
            i += 2
            continue
        if char == "\\":
            out.append("" if following else "\\\\")  # before | or `, the reference replaces it
        elif char == "|":
            out.append("&#124;")
        elif char == "`":
            out.append("&#96;")
        else:
            out.append("\\" + char if char in special else char)
        i += 1
    return "".join(out)


def _recording(rule: Callable[[StateInline, bool], bool], is_image: bool
               ) -> Callable[[StateInline, bool], bool]:
    """``rule`` as it is, noting where the title of each link it accepts lies."""
    def record(state: StateInline, silent: bool) -> bool:
        start, count, maximum = state.pos, len(state.tokens), state.posMax
        if not rule(state, silent):
            return False
        if not silent and state.src == state.env.get(_SRC):
            title = _pushed_title(state.tokens, count)
            span = _inline_title(state, start, maximum, is_image) if title else None
            if span is not None and unescapeAll(state.src[span.start:span.end]) == title:
                state.env[_FOUND].append(span)
        return True
    return record


def _pushed_title(tokens: list[Token], count: int) -> str | None:
    for token in tokens[count:]:
        if token.type in ("link_open", "image"):
            title = token.attrGet("title")
            return title if isinstance(title, str) else None
    return None


def _inline_title(state: StateInline, start: int, maximum: int, is_image: bool) -> TitleSpan | None:
    """Where the title of the link that starts at ``start`` lies: markdown-it's link and
    image rules, step by step (``rules_inline/link.py`` and ``image.py``)."""
    src, helpers = state.src, state.md.helpers
    label_end = helpers.parseLinkLabel(state, start + 1 if is_image else start, not is_image)
    target = label_end + 1
    if label_end < 0 or target >= maximum or src[target] != "(":
        return None
    pos = _skip_space(src, target + 1, maximum)
    destination = helpers.parseLinkDestination(src, pos, maximum)
    if destination.ok and state.md.validateLink(state.md.normalizeLink(destination.str)):
        pos = destination.pos
    elif not is_image:
        return None
    gap = pos
    pos = _skip_space(src, pos, maximum)
    title = helpers.parseLinkTitle(src, pos, maximum)
    if pos >= maximum or pos == gap or not title.ok:
        return None
    end = _skip_space(src, title.pos, maximum)
    if end >= maximum or src[end] != ")":
        return None
    return TitleSpan(target, pos + 1, title.pos - 1, end + 1, src[title.pos - 1], is_image)


def _skip_space(src: str, pos: int, maximum: int) -> int:
    while pos < maximum and src[pos] in " \t\n":
        pos += 1
    return pos


def _label_end(src: str) -> int | None:
    """The ``]`` closing a definition's label (markdown-it's reference rule: no ``[`` inside)."""
    pos = 1
    while pos < len(src):
        if src[pos] == "[":
            return None
        if src[pos] == "]":
            return pos
        pos += 2 if src[pos] == "\\" else 1
    return None


def _inline_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.inline.ruler.at("link", _recording(link, False))
    md.inline.ruler.at("image", _recording(image, True))
    return md


_INLINE = _inline_parser()
