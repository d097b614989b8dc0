"""Protect what machine translation must not touch, and put it back afterwards.

MT engines rewrite everything they are given: they translate URLs, drop Markdown
emphasis markers, "fix" link syntax and renumber footnotes. Before a segment goes to an
engine, every such span is replaced by a short opaque token (``⟦1⟧`` by default); after
translation the tokens are replaced by the original bytes again. Link *text* and image
alt text stay outside the tokens so they are still translated.

Why ``⟦n⟧``: measured with the fake engines (see ``tests/test_placeholders.py``), the
mathematical brackets survive upper/lower-casing, transliteration and the spacing that
tokenisers insert (``⟦ 1 ⟧``), while XML-like ``<x1/>`` tokens break under casing and are
easily mistaken for real markup by reviewers. Both styles are supported; restoring is
tolerant of the spacing and casing variations engines produce.

Restoring never hides a problem: a token that is lost, duplicated, unknown or moved
out of order (a link's closing part before its opening part) is listed in ``problems``,
and the stage rejects the output for that entry.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from pipeline.inline import (BARE_DOMAIN_PATTERN, BLOCK_ID_PATTERN, CITATION_PATTERN, EMAIL_PATTERN, EMOJI_PATTERN, HASHTAG_PATTERN,
                             KEY_COMBINATION_PATTERN, KRAMDOWN_COMMENT_PATTERN, MATH_PATTERN, MDX_COMMENT_PATTERN, MDX_EXPRESSION_PATTERN,
                             OBSIDIAN_COMMENT_PATTERN, SPAN_ATTRIBUTES_PATTERN, SUBSCRIPT_PATTERN, SUPERSCRIPT_PATTERN,
                             JSX_EXPRESSION_PATTERN, TEMPLATE_PATTERN, WIKILINK_PATTERN, WP_SHORTCODE_PATTERN, Region,
                             code_spans, is_math, kept_elements, template_tags)

PlaceholderStyle = Literal["brackets", "xml"]

#: Schemes and ``www`` in any case: an editor's autocorrect writes "Https://" at a sentence's start.
_URL = r"(?i:https?|ftp)://[^\s<>\"'`\]\[)(]+(?:\([^\s()]*\)[^\s<>\"'`\]\[)(]*)*"
_WWW = r"(?i:www)\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[^\s<>\"'`\]\[)(]*)?"
#: A destination is ``<...>`` (which may hold spaces) or has balanced parentheses; a title may
#: hold its own delimiter escaped (``'it\\'s'``).
_LINK_TARGET = (r"\((?:<(?:[^<>\n\\]|\\.)*>|(?:[^()\s]|\([^()\s]*\))*)"
                r"(?:\s+(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?\s*\)")

_AUTOLINK = r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|" + EMAIL_PATTERN + r")>"
#: A template tag inside a quoted attribute value (``href="{{< ref "about.md" >}}"``): its own
#: quotes do not end the value. Each step is atomic, so a value that fails fails in linear time.
_TEMPLATE_IN_VALUE = r"\{\{[<%](?:\"[^\"\n]*\"|[^\"])*?[>%]\}\}|\{%[^\n]*?%\}"
#: A JSX component's attribute may hold an expression (``items={["Baku", "Ganja"]}``) and a
#: spread (``{...props}``), MDX's JavaScript, kept whole.
_HTML_TAG = (r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+(?:" + JSX_EXPRESSION_PATTERN + r"|[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:\"(?:(?>"
             + _TEMPLATE_IN_VALUE + r"|[^\"]))*\"|'(?:(?>" + _TEMPLATE_IN_VALUE + r"|[^']))*'|" + JSX_EXPRESSION_PATTERN
             + r"|[^\s\"'=<>`]+))?))*\s*/?>")
#: Spans protected whole before link syntax is looked at: they may contain brackets.
_RAW = re.compile(
    "|".join(
        [
            # MyST's role (``{term}`Middle Corridor```): its name and target are the site's.
            r"(?P<role>\{[A-Za-z][\w:.+-]*\}(?P<roleticks>`+)(?:(?!(?P=roleticks)).)+?(?P=roleticks))",
            r"(?P<code>(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks))",
            # TeX math is the same in every language (prices such as "$5 and $10" are text).
            r"(?P<math>" + MATH_PATTERN + r")",
            # A task list item's checkbox opens the text (GFM, Hugo's default): ``[x]``.
            r"(?P<task>^\[[ xX]\](?=[ \t]))",
            r"(?P<template>" + TEMPLATE_PATTERN + r")",
            # pymdownx.keys (MkDocs): ``++ctrl+alt+del++`` names keys the theme draws.
            r"(?P<keys>" + KEY_COMBINATION_PATTERN + r")",
            r"(?P<shortcode>" + WP_SHORTCODE_PATTERN + r")",
            # A wikilink's target (``[[Baku Port|the port]]``: the label is translated).
            r"(?P<wikilink>" + WIKILINK_PATTERN + r")",
            r"(?P<ocomment>" + OBSIDIAN_COMMENT_PATTERN + r")",
            # Right after ``](``, ``<...>`` is a link's destination (:data:`_ANGLE` takes it
            # if no link does).
            r"(?P<autolink>(?<!\]\()" + _AUTOLINK + r")",
            r"(?P<comment><!--.*?-->)",
            r"(?P<kcomment>" + KRAMDOWN_COMMENT_PATTERN + r")",
            r"(?P<mdxcomment>" + MDX_COMMENT_PATTERN + r")",
            r"(?P<mdxexpression>" + MDX_EXPRESSION_PATTERN + r")",
            r"(?P<htmlcode><(?P<codetag>code|kbd|samp|var)\b[^<>]*>.*?</(?P=codetag)\s*>)",
            r"(?P<html>(?<!\]\()" + _HTML_TAG + r")",
        ]
    ),
    re.DOTALL,
)
#: Autolinks and tags right after a ``](`` that turned out to open no link's destination.
_ANGLE = re.compile(_AUTOLINK + "|" + _HTML_TAG)
#: Spans protected whole outside links' targets.
_WHOLE = re.compile(
    "|".join(
        [
            r"(?P<footnote>\[\^[^\]\s]+\])",
            # A span attribute list (``*new*{: .highlight}``, ``[x]{.smallcaps}``): the site's, not text.
            r"(?P<ial>" + SPAN_ATTRIBUTES_PATTERN + r")",
            r"(?P<blockid>" + BLOCK_ID_PATTERN + r")",
            r"(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)",
            r"(?P<escape>\\[!-/:-@\[-`{-~])",
            r"(?P<hardbreak>(?:\\| {2,})(?=\n))",
            r"(?P<url>" + _URL + r"|" + _WWW + r"|" + BARE_DOMAIN_PATTERN + r")",
            r"(?P<email>" + EMAIL_PATTERN + r")",
            # Names the site or the bibliography resolves: ":smile:", "@smith2020", "#Baku2026".
            r"(?P<emoji>" + EMOJI_PATTERN + r")",
            r"(?P<citation>" + CITATION_PATTERN + r")",
            r"(?P<hashtag>" + HASHTAG_PATTERN + r")",
            r"(?P<ph>[⟦⟧])",
        ]
    ),
    re.DOTALL,
)
_LINK_OPEN = re.compile(r"!?\[(?!\^)")
_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]\s]+\]")
#: ``](target)``, ``][ref]``, ``][]``, or a lone ``]``: a shortcut reference (``[summary]``, with
#: ``[summary]: ...`` defined in the article) is a link only while its brackets stay, and an
#: engine may drop them as punctuation. Which brackets are labels only the article knows, so
#: every pair is kept (``[sic]``'s too: its text is still translated).
_LINK_CLOSE = re.compile(r"\](?:" + _LINK_TARGET + r"|\[[^\]]*\]|(?![(\[:]))")
#: Emphasis, strike-through, highlight (``==mark==``) and insert (``^^insert^^``) runs.
_EMPHASIS = re.compile(r"\*+|_+|~~|(?<!=)==(?!=)|(?<!\^)\^\^(?!\^)")
#: Superscript and subscript (``x^2^``, ``H~2~O``): their markers, around the reader's text.
_SCRIPTS = re.compile(SUPERSCRIPT_PATTERN + "|" + SUBSCRIPT_PATTERN)
_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)+")
_URL_TRAILING = ".,;:!?"

_TOKEN_RE = {
    "brackets": re.compile(r"⟦\s*(\d+)\s*⟧"),
    "xml": re.compile(r"<\s*[xX]\s*(\d+)\s*/?\s*>"),
}


def _token(style: PlaceholderStyle, number: int) -> str:
    return f"⟦{number}⟧" if style == "brackets" else f"<x{number}/>"


@dataclass(frozen=True)
class Protected:
    """A text with protected spans replaced by tokens.

    ``mapping`` maps each token (``"⟦1⟧"``) to the original bytes it stands for.
    ``pairs`` lists (opening token, closing token) pairs whose order matters.
    """

    text: str
    mapping: dict[str, str] = field(default_factory=dict)
    pairs: tuple[tuple[str, str], ...] = ()
    style: PlaceholderStyle = "brackets"

    def tokens(self) -> list[str]:
        return list(self.mapping)


@dataclass(eq=False)
class _Span:
    start: int
    end: int
    opens: bool = False
    partner: _Span | None = None  # the matching span, for pairs whose order matters


class _Coverage:
    """Which characters of a text protected spans already take.

    One flag per character, so asking costs the length of the question rather than the
    number of spans found so far: a paragraph of thousands of links or tags was quadratic.
    """

    def __init__(self, length: int) -> None:
        self._flags = bytearray(length)

    def add(self, spans: list[_Span]) -> None:
        for span in spans:
            self._flags[span.start:span.end] = b"\x01" * (span.end - span.start)

    def takes_any(self, start: int, end: int) -> bool:
        return 1 in self._flags[start:end]

    def masked(self, text: str) -> str:
        """``text`` with every character taken replaced by ``\\x00`` (same length)."""
        pieces: list[str] = []
        pos = 0
        for run in re.finditer(rb"\x01+", self._flags):
            pieces += [text[pos:run.start()], "\x00" * (run.end() - run.start())]
            pos = run.end()
        pieces.append(text[pos:])
        return "".join(pieces)

    def copy(self) -> _Coverage:
        twin = _Coverage(0)
        twin._flags = bytearray(self._flags)
        return twin


#: A MyST role with a displayed text before its target (``{ref}`the map <port-map>```,
#: ``{doc}`our method <method>```): the text is the reader's, the rest the site's.
_ROLE_TITLE = re.compile(r"\{[A-Za-z][\w:.+-]*\}(?P<ticks>`+)(?P<title>[^`<>]*?[^\W\d_][^`<>]*?)[ \t]+<[^<>`]+>(?P=ticks)")


def _pattern_spans(pattern: re.Pattern[str], text: str, taken: _Coverage) -> list[_Span]:
    spans: list[_Span] = []
    pos = 0
    while pos < len(text):
        match = pattern.search(text, pos)
        if match is None:
            break
        start, end = match.span()
        if match.lastgroup == "math" and not is_math(text, start, end):
            pos = start + 1  # prose between dollar signs: a later ``$`` may still open math
            continue
        if match.lastgroup == "url":
            while end > start and text[end - 1] in _URL_TRAILING:
                end -= 1
        titled = _ROLE_TITLE.fullmatch(text, start, end) if match.lastgroup == "role" else None
        labelled = match.lastgroup == "wikilink" and match.start("wikilabel") != -1 and text[start] != "!"
        if titled is not None and not taken.takes_any(start, end):
            # ``{ref}`the map <port-map>```: the displayed text is the reader's, translated
            spans += [_Span(start, titled.start("title")), _Span(titled.end("title"), end)]
        elif labelled and not taken.takes_any(start, end):
            # ``[[Baku Port|the port]]``: the label is the reader's, between the target and ``]]``
            opener = _Span(start, match.start("wikilabel"), opens=True)
            closer = _Span(match.end("wikilabel"), end, partner=opener)
            opener.partner = closer
            spans += [opener, closer]
        elif not taken.takes_any(start, end):
            spans.append(_Span(start, end))
        pos = max(end, start + 1)
    return spans


def _link_spans(text: str, taken: _Coverage) -> list[_Span]:
    """Opening ``[``/``![`` and closing ``](target)``/``][ref]`` of links and images."""
    found: list[_Span] = []
    seen = taken.copy()  # what is taken plus every bracket found here, paired or not yet
    if "[^" in text:
        # A footnote reference's ``]`` closes no link around it (``[the report[^2]](url)``).
        seen.add([_Span(*m.span()) for m in _FOOTNOTE_REFERENCE.finditer(text)])
    tags = template_tags(text) if "{" in text else []
    # A destination holding a template tag (``[more]({{ site.baseurl }}/more)``) is read as the
    # generator fills it in: the tag, spaces and all, is one word of the destination.
    masked = _masked(text, tags) if tags else text
    stack: list[int] = []
    extra: list[_Span] = []
    for i, char in enumerate(text):
        if char not in "![]" or seen.takes_any(i, i + 1) or _escaped(text, i):
            continue
        if char in "![":
            match = _LINK_OPEN.match(text, i)
            if match:
                stack.append(len(found))
                found.append(_Span(match.start(), match.end(), opens=True))
                seen.add(found[-1:])
        elif char == "]" and stack:
            match = _LINK_CLOSE.match(masked, i)
            gaps = _untaken_around_tags(taken, tags, *match.span()) if match is not None else None
            if gaps is None:
                continue
            opener = found[stack.pop()]
            closer = _Span(*gaps[0], partner=opener)
            opener.partner = closer
            found.append(closer)
            # the rest of the target around its tags (their own spans): one token with them
            rest = [_Span(*gap) for gap in gaps[1:]]
            extra += rest
            seen.add([closer, *rest])
    return [s for s in found if s.partner is not None] + extra


def _masked(text: str, tags: list[Region]) -> str:
    """``text`` with each of ``tags`` written as ``x`` (line breaks kept): same length, no
    space, quote or parenthesis of a tag left for a link's syntax."""
    out, pos = [], 0
    for tag in tags:
        out += [text[pos:tag.start], re.sub(r"[^\n]", "x", text[tag.start:tag.end])]
        pos = tag.end
    out.append(text[pos:])
    return "".join(out)


def _untaken_around_tags(taken: _Coverage, tags: list[Region], start: int, end: int) -> list[tuple[int, int]] | None:
    """The runs of ``text[start:end]`` (a link's ``](target)``) outside the template tags
    inside it, or None when another protected span takes any of it (a code span)."""
    gaps: list[tuple[int, int]] = []
    pos = start
    for tag in tags:
        if tag.end <= start or tag.start >= end:
            continue
        if tag.start < start or tag.end > end:
            return None
        gaps.append((pos, tag.start))
        pos = tag.end
    gaps.append((pos, end))
    gaps = [gap for gap in gaps if gap[1] > gap[0]]
    if not gaps or gaps[0][0] != start or any(taken.takes_any(*gap) for gap in gaps):
        return None
    return gaps


def _escaped(text: str, index: int) -> bool:
    """Whether ``text[index]`` follows an odd run of backslashes (``\\[`` is no bracket)."""
    start = index
    while start > 0 and text[start - 1] == "\\":
        start -= 1
    return (index - start) % 2 == 1


def _emphasis_spans(text: str, taken: _Coverage) -> list[_Span]:
    """Emphasis delimiter runs; intra-word ``_`` and lone ``*`` between spaces are text."""
    found: list[_Span] = []
    open_runs: dict[str, _Span] = {}
    for match in _EMPHASIS.finditer(text):
        start, end = match.span()
        if taken.takes_any(start, end):
            continue
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        run = match.group()
        if before.isspace() and after.isspace():
            continue
        if run[0] == "_" and before.isalnum() and after.isalnum():
            continue
        span = _Span(start, end)
        if run in open_runs and not before.isspace():
            opener = open_runs.pop(run)
            span.partner, opener.partner = opener, span
        elif not after.isspace():
            span.opens = True
            open_runs[run] = span
        found.append(span)
    return found


def _script_spans(text: str, taken: _Coverage) -> list[_Span]:
    """The two markers of each superscript and subscript, as an ordered pair; what lies
    between is translated. A span already protected (``\\x00`` here) is never inside one."""
    if "^" not in text and "~" not in text:
        return []
    masked = taken.masked(text)
    found: list[_Span] = []
    for match in _SCRIPTS.finditer(masked):
        opener = _Span(match.start(), match.start() + 1, opens=True)
        closer = _Span(match.end() - 1, match.end(), partner=opener)
        opener.partner = closer
        found += [opener, closer]
    return found


def _number_spans(text: str, taken: _Coverage) -> list[_Span]:
    return [_Span(*m.span()) for m in _NUMBER.finditer(text) if not taken.takes_any(*m.span())]


def _kept_spans(text: str, lang: str) -> list[_Span]:
    """Inline HTML kept as written, whole (``<span lang="az">Bakı Limanı</span>`` in an
    English sentence, ``<b translate="no">``): the words as their writer wrote them. One that
    starts in a code span is the code's."""
    kept = kept_elements(text, lang)
    if not kept:
        return []
    code = code_spans(text)
    return [_Span(element.start, element.end) for element in kept
            if not any(span.start <= element.start < span.end for span in code)]


def _collect(text: str, numbers: bool, lang: str = "") -> list[_Span]:
    taken = _Coverage(len(text))
    spans: list[_Span] = []

    def keep(found: list[_Span]) -> None:
        taken.add(found)
        spans.extend(found)

    keep(_kept_spans(text, lang))
    keep(_pattern_spans(_RAW, text, taken))
    keep(_link_spans(text, taken))
    keep(_pattern_spans(_ANGLE, text, taken))
    keep(_pattern_spans(_WHOLE, text, taken))
    keep(_script_spans(text, taken))
    keep(_emphasis_spans(text, taken))
    if numbers:
        keep(_number_spans(text, taken))
    return sorted(spans, key=lambda s: s.start)


def protect(text: str, *, style: PlaceholderStyle = "brackets", numbers: bool = False,
            lang: str = "") -> Protected:
    """Replace markup, URLs, e-mail addresses, footnote references (and, when ``numbers``
    is set, numbers with separators such as dates and times) by tokens. Inline HTML kept as
    written is one token, tags and text (``lang``: the text's language, so that an element
    whose ``lang`` names another is kept).

    Adjacent protected spans become one token (``**[`` → ``⟦1⟧``): fewer tokens give MT
    fewer chances to lose one.
    """
    spans = _collect(text, numbers, lang)
    groups = _merge_adjacent(spans)
    out: list[str] = []
    mapping: dict[str, str] = {}
    token_of_span: dict[int, str] = {}  # id(span) -> token
    pos = 0
    for number, group in enumerate(groups, start=1):
        token = _token(style, number)
        start, end = spans[group[0]].start, spans[group[-1]].end
        out.append(text[pos:start])
        out.append(token)
        mapping[token] = text[start:end]
        for index in group:
            token_of_span[id(spans[index])] = token
        pos = end
    out.append(text[pos:])
    return Protected("".join(out), mapping, _ordered_pairs(spans, token_of_span), style)


def _merge_adjacent(spans: list[_Span]) -> list[list[int]]:
    groups: list[list[int]] = []
    for index, span in enumerate(spans):
        if groups and spans[groups[-1][-1]].end == span.start:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def _ordered_pairs(spans: list[_Span], token_of_span: dict[int, str]) -> tuple[tuple[str, str], ...]:
    pairs: dict[tuple[str, str], None] = {}  # ordered and unique
    for span in spans:
        if span.opens and span.partner is not None:
            first, second = token_of_span[id(span)], token_of_span[id(span.partner)]
            if first != second:
                pairs[first, second] = None
    return tuple(pairs)


def restore(translated: str, protected: Protected) -> tuple[str, list[str]]:
    """Put the original spans back into ``translated``.

    Returns the restored text and a list of problems (tokens lost, duplicated, unknown
    or out of order). Unknown tokens are left in the text so a reviewer sees them.
    """
    pattern = _TOKEN_RE[protected.style]
    seen: list[str] = []
    problems: list[str] = []

    def substitute(match: re.Match[str]) -> str:
        token = _token(protected.style, int(match.group(1)))
        if token not in protected.mapping:
            problems.append(f"unknown placeholder {match.group()}")
            return match.group()
        seen.append(token)
        return protected.mapping[token]

    text = pattern.sub(substitute, translated)
    counts = Counter(seen)
    for token, original in protected.mapping.items():
        count = counts[token]
        if count == 0:
            problems.append(f"placeholder {token} ({_show(original)}) lost")
        elif count > 1:
            problems.append(f"placeholder {token} ({_show(original)}) duplicated")
    problems += _order_problems(seen, protected)
    return text, problems


def _order_problems(seen: list[str], protected: Protected) -> list[str]:
    problems = []
    first_seen: dict[str, int] = {}
    for position, token in enumerate(seen):
        first_seen.setdefault(token, position)
    for first, second in protected.pairs:
        if first in first_seen and second in first_seen and first_seen[first] > first_seen[second]:
            problems.append(
                f"placeholders {first} ({_show(protected.mapping[first])}) and "
                f"{second} ({_show(protected.mapping[second])}) out of order"
            )
    return problems


def _show(original: str, limit: int = 30) -> str:
    shown = original if len(original) <= limit else original[: limit - 1] + "…"
    return shown.replace("\n", "\\n")


def strip_placeholders(text: str, style: PlaceholderStyle = "brackets") -> str:
    """``text`` without tokens: what the sanity gate and letter checks should look at."""
    return _TOKEN_RE[style].sub(" ", text)


def placeholder_pattern(style: PlaceholderStyle = "brackets") -> re.Pattern[str]:
    """The tolerant token pattern, for modules that must step over tokens (segmentation)."""
    return _TOKEN_RE[style]
