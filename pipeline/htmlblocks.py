"""Raw HTML blocks: the text readers see in callouts, figures, asides and details.

Newsrooms write ``<div class="callout">``, ``<figure>`` with a ``<figcaption>``, ``<aside>``
and ``<details><summary>`` straight into Markdown; CommonMark passes such a block through
untouched. Its readers' text is found with the standard library's HTML parser, whose
``getpos()`` says where each tag and text run starts: the text runs between block-level tags
(a run keeps its inline tags, ``<em>``, ``<a href>``, which machine translation gets as
placeholders) and the ``alt``, ``title`` and ``aria-label`` attribute values (and ``label``,
``placeholder`` and a button's ``value`` where readers see them). Scripts, styles,
``<pre>``, comments and every other attribute are never extracted.

Nothing is re-serialised: each translation replaces its own characters. Whenever the parser's
account of a block does not cover it exactly (a stray ``<`` that looks like a tag, a tag the
parser read differently from the source), the block is left as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser, attrfind_tolerant, tagfind_tolerant  # type: ignore[attr-defined]

from .inline import (JSX_EXPRESSION_PATTERN, VOID_ELEMENTS, Region, RegionKind, blank_keys, blank_out,
                     kept_as_written, template_arguments, template_tags)

#: Elements that stay inside a run of text (phrasing content).
INLINE = frozenset("""a abbr b bdi bdo big br cite code data del dfn em font i img ins kbd mark q rp rt ruby s
    samp small span strike strong sub sup time tt u var wbr""".split())
#: Inline elements whose text is code: kept in the run, never counted as its prose.
CODE = frozenset({"code", "kbd", "samp", "var"})
#: Elements whose content is never readers' prose.
LITERAL = frozenset({"script", "style", "pre", "textarea", "svg", "math", "template"})
#: Elements whose end tag HTML lets a writer leave out: such an element may end anywhere.
OPTIONAL_END = frozenset("p li dt dd tr td th thead tbody tfoot option optgroup rt rp colgroup caption".split())
#: Attributes whose value readers see or hear.
ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "label", "value")
#: The elements whose ``label`` readers see (a video player's caption menu, a list of
#: choices); on any other element it is no text of the HTML standard's.
LABELLED = frozenset({"track", "option", "optgroup"})
#: The props readers see of a JSX component (MDX in Docusaurus: ``<TabItem label="Baku">``,
#: ``<Figure caption="…">``, ``<Admonition title="…">``, ``<Card heading="…">``), named as a
#: template tag's are (see :data:`pipeline.inline.TEMPLATE_ARGUMENT_NAMES`).
COMPONENT_PROPS = frozenset({"alt", "title", "aria-label", "label", "caption", "description", "summary", "text",
                             "subtitle", "heading", "footer"})
#: The elements whose ``placeholder`` readers see.
WITH_PLACEHOLDER = frozenset({"input", "textarea"})
#: The types of ``<input>`` whose ``value`` is the button's label readers see; on any other
#: input or element the value is data the page sends.
BUTTON_TYPES = frozenset({"submit", "reset", "button"})

_LETTER = re.compile(r"[^\W\d_]")
_LOOKS_LIKE_MARKUP = re.compile(r"<[A-Za-z/!?]")
_LINE_BREAKS = re.compile(r"[ \t]*(?:\n[ \t]*)+")
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")


@dataclass(frozen=True)
class Found:
    """One piece of readers' text at ``text[start:end]`` of a block.

    ``what`` is ``"text"``, the attribute's name (``"text-prop"`` for a ``text`` one) or ``"template"`` (a template tag's argument,
    written back as ``style`` says); ``quote`` the attribute value's quote (``'"'``, ``"'"`` or
    ``""`` when unquoted). ``tag`` and ``tag_start`` (set for an attribute of a tag, or an
    argument of a template tag, inside a run of text that is an entry) are the tag as the
    run's msgid has it and where the value starts in it.
    """

    msgid: str
    start: int
    end: int
    what: str = "text"
    quote: str = ""
    tag: str = ""
    tag_start: int = 0
    tag_end: int = 0
    style: str = ""


@dataclass(frozen=True)
class _Event:
    kind: str  # "start", "startend", "end", "data" or "other" (comments, declarations)
    start: int
    end: int
    tag: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()


def normalise(text: str) -> str:
    """Line breaks (with the spaces around them) as one space: HTML reads them so, and a
    translation written on one line cannot end the block with a blank line."""
    return _LINE_BREAKS.sub(" ", text)


def extract(text: str, inside: tuple[str, ...] = ()) -> list[Found]:
    """The readers' text of one HTML block; nothing when the block is in doubt. ``inside``:
    the elements kept as written that an earlier block opened and left open (see
    :func:`open_after`), whose text this block goes on with until it closes them."""
    return _walk(text, inside)[0]


def open_after(text: str, inside: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The elements kept as written (see :func:`pipeline.inline.kept_as_written`) still open
    at the end of the HTML block ``text``, entered with ``inside`` open: an embedded post
    written over several blocks (``<blockquote class="twitter-tweet">``, a blank line, the
    post's text as Markdown, ``</blockquote>``) keeps the blocks between as written too. An
    element whose end tag HTML lets a writer leave out (``<p lang="az">``) is closed by the
    block's end: the rest of the article is not taken for its text.

    An element marked ``translate="yes"`` inside a kept one and left open is in the state as
    ``+name:depth`` after the kept elements it is in (see :func:`_state`), so the blocks up to
    its end tag are translated, and its end tag is not taken for the kept element's."""
    resumed, literal = _resumed_and_literal(_walk(text, inside)[1])
    while resumed and resumed[-1][0] in OPTIONAL_END and not literal:
        literal = resumed.pop()[2]  # ``<p translate="yes">`` ends with its block
    return _state(resumed, [tag for tag in literal if tag not in OPTIONAL_END])


def keeps(inside: tuple[str, ...]) -> bool:
    """Whether text after an HTML block that left ``inside`` (see :func:`open_after`) is kept
    as written: it is inside a kept element, not in an element marked ``translate="yes"`` in it."""
    return bool(inside) and not inside[-1].startswith("+")


#: For each element marked ``translate="yes"`` inside one kept as written: its name, how
#: many of that name are open inside it, and the kept element's state to go back to.
_Resumed = list[tuple[str, list[int], list[str]]]


def _state(resumed: _Resumed, literal: list[str]) -> tuple[str, ...]:
    """The state a block leaves (see :func:`open_after`) as one tuple of strings."""
    return tuple(item for name, depth, before in resumed for item in (*before, f"+{name}:{depth[0]}")) + tuple(literal)


def _resumed_and_literal(inside: tuple[str, ...] | list[str]) -> tuple[_Resumed, list[str]]:
    """The state :func:`_state` wrote, read back."""
    resumed: _Resumed = []
    literal: list[str] = []
    for item in inside:
        if item.startswith("+"):
            name, _, depth = item[1:].rpartition(":")
            resumed.append((name, [int(depth)], literal))
            literal = []
        else:
            literal.append(item)
    return resumed, literal


def _walk(text: str, inside: tuple[str, ...]) -> tuple[list[Found], tuple[str, ...]]:
    events = _events(text)
    if events is None:
        return [], inside
    found: list[Found] = []
    run: list[_Event] = []
    resumed, literal = _resumed_and_literal(inside)
    for event in events:
        if literal and _translated_again(literal, event):
            resumed.append((event.tag, [1], literal))
            literal = []
            found += _attributes(text, event, inside_run=False)
            continue
        if literal:
            _follow_literal(literal, event)
            continue
        if resumed and event.tag == resumed[-1][0] and event.kind in ("start", "end"):
            depth = resumed[-1][1]
            depth[0] += 1 if event.kind == "start" else -1
            if depth[0] == 0:
                found += _run(text, run)
                run = []
                literal = resumed.pop()[2]
                continue
        if event.kind in ("start", "startend") and (event.tag in LITERAL or _kept_block(event)):
            found += _run(text, run)
            run = []
            if not _kept_block(event):
                # ``<textarea placeholder>``, ``<pre title>``: the content is literal, the
                # attributes are what readers see of it
                found += _attributes(text, event, inside_run=False)
            if event.kind == "start" and event.tag not in VOID_ELEMENTS:
                literal.append(event.tag)
            continue
        if event.kind == "data" or (event.kind != "other" and event.tag in INLINE):
            run.append(event)
            continue
        found += _run(text, run)
        run = []
        found += _attributes(text, event, inside_run=False)
    return found + _run(text, run), _state(resumed, literal)


def _translated_again(literal: list[str], event: _Event) -> bool:
    """Whether ``event`` opens an element marked ``translate="yes"`` (the HTML standard's
    way to have part of an element kept as written translated) inside the kept element
    ``literal`` follows; never inside ``<pre>``, ``<script>`` and the like."""
    return (event.kind == "start" and literal[0] not in LITERAL and event.tag not in VOID_ELEMENTS
            and any(name.lower() == "translate" and (value or "").strip().lower() == "yes"
                    for name, value in event.attrs))


def own_language(text: str, lang: str, inside: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Where the start tags of the HTML block ``text`` set ``lang`` to the article's own
    language ``lang`` (``<div lang="az">`` in an Azerbaijani article): each value's span.
    Its text is translated, so each version says its own language there. Elements kept as
    written (another language, ``translate="no"``, an embedded post), and what they hold,
    keep theirs; ``inside``: such elements an earlier block left open."""
    events = _events(text)
    if events is None:
        return []
    found: list[tuple[int, int]] = []
    literal: list[str] = _resumed_and_literal(inside)[1]
    for event in events:
        if literal:
            _follow_literal(literal, event)
            continue
        if event.kind not in ("start", "startend"):
            continue
        if event.tag in LITERAL or kept_as_written(event.attrs):
            if event.kind == "start" and event.tag not in VOID_ELEMENTS:
                literal.append(event.tag)
            continue
        value = dict(event.attrs).get("lang") or ""
        if value.strip() and not kept_as_written([("lang", value)], lang):
            span = _attribute_spans(jsx_masked(text[event.start:event.end]), event.attrs).get("lang")
            if span is not None:
                found.append((event.start + span[0], event.start + span[1]))
    return found


def _kept_block(event: _Event) -> bool:
    """A block-level element kept as written (an embedded post, ``<div lang="az">``): not
    extracted at all. An inline one stays in its run, which reads it as code (see
    :func:`_prose_events`)."""
    return event.tag not in INLINE and kept_as_written(event.attrs)


def render_text(translation: str, msgid: str) -> str:
    """A run's translation as HTML text: the run's own tags and template tags (``{{< ref >}}``,
    which the site generator runs before anyone reads HTML), as the msgid has them, stay;
    every other ``<``, ``>`` and ``&`` (one that starts no character reference) is escaped."""
    text = normalise(translation.strip())
    tags = {msgid[e.start:e.end] for e in _events(msgid) or [] if e.kind in ("start", "startend", "end")}
    tags |= {region.text(msgid) for region in template_tags(msgid)}
    kept = sorted(tags, key=len, reverse=True)
    parts = re.split("(" + "|".join(map(re.escape, kept)) + ")", text) if kept else [text]
    rendered = "".join(part if i % 2 else _escape(part) for i, part in enumerate(parts))
    return rendered if rendered.strip() else msgid


def render_attribute(translation: str, quote: str) -> str:
    """An attribute value's translation inside its quotes (an unquoted value gets double ones);
    a JSX prop's JavaScript string (``quote`` is ``{"``, ``{'`` or ``{`` and a backtick) as JavaScript reads it."""
    if quote.startswith("{"):
        return _javascript_string(normalise(translation.strip()), quote[1:])
    text = _escape(normalise(translation.strip()))
    if quote == "'":
        return text.replace("'", "&#39;")
    text = text.replace('"', "&quot;")
    return text if quote else f'"{text}"'


def _javascript_string(text: str, quote: str) -> str:
    """``text`` inside a JavaScript string literal quoted with ``quote``: a backslash and the
    quote escaped, a template literal's ``${`` too, and no HTML escapes (``&quot;`` would be
    shown as written). A ``|`` and a backtick are written as the escapes that read the same
    (``\\u007c``, ``\\u0060``): in Markdown's text one would split a table cell, the other open
    a code span, inside the tag."""
    text = text.replace("\\", "\\\\")
    text = text.replace("${", "\\${") if quote == "`" else text.replace(quote, "\\" + quote)
    return text.replace("|", "\\u007c").replace("`", "\\u0060")


#: A start tag holding a JSX expression (see :func:`jsx_masked`); each attribute in turn.
_EXPRESSION = "(?:" + JSX_EXPRESSION_PATTERN + ")"
_JSX_ATTRIBUTE = (r"(?:" + _EXPRESSION + r"|[^\s\"'<>/={}]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|" + _EXPRESSION
                  + r"|[^\s\"'=<>`{}]+))?)")
_JSX_TAG = re.compile(r"<[A-Za-z][\w.:-]*(?:\s+" + _JSX_ATTRIBUTE + r")*\s*/?>")
#: In such a tag, a quoted value (read whole: a template tag in it is no expression) or an expression.
_JSX_EXPRESSION = re.compile(r"\"[^\"]*\"|'[^']*'|(?P<equals>=\s*)?(?P<expression>" + _EXPRESSION + ")")
#: A JavaScript string alone (its text between the quotes); a template literal holding an
#: interpolation (``${city}``) is code.
_JS_LITERAL = re.compile(r"\{(?P<quote>[\"'`])(?P<text>(?:(?!(?P=quote))[^\\]|\\[\s\S])*)(?P=quote)\}\Z")
_INTERPOLATION = re.compile(r"(?<!\\)\$\{")
_MASKED_IN_LITERAL = str.maketrans('"<>', "___")
#: A JavaScript string's escape: ``\u{1F600}``, ``\u00e9``, ``\xe9``, or a character after a backslash.
_JS_ESCAPE = re.compile(r"\\(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|(\r\n|[\s\S]))")
#: Escapes of white space (a line break, a tab): a space to the reader of an attribute.
_JS_SPACES = frozenset("nrtvfb\n\r\u2028\u2029")


def jsx_masked(text: str) -> str:
    """``text`` with the JSX expressions of its start tags (MDX: ``<Chart data={turnout}>``,
    ``<Tabs items={["Baku", "Ganja"]}>``) made into what an HTML reader takes as one attribute
    value, each character at its place: a string alone (``title={"Road closed"}``) keeps its
    quotes and text, its braces read as spaces, so it is the prop's value; any other
    expression reads as a quoted value without letters, and a spread (``{...props}``) as an
    attribute's name. Read as written, the expression's quotes and spaces would split it into
    attributes, a ``>`` in it end the tag, and its pieces be taken for readers' text."""
    if "{" not in text:
        return text
    return _JSX_TAG.sub(lambda tag: _JSX_EXPRESSION.sub(_masked_expression, tag.group()) if "{" in tag.group()
                        else tag.group(), text)


def _masked_expression(match: re.Match[str]) -> str:
    if match.group("expression") is None:
        return match.group()
    equals, expression = match.group("equals") or "", match.group("expression")
    literal = _JS_LITERAL.match(expression)
    if equals and literal and not (literal.group("quote") == "`" and _INTERPOLATION.search(literal.group("text"))):
        # read as double-quoted (an HTML reader takes no backtick for a quote), with no quote
        # or angle bracket inside, which would end the value or seem to open a tag
        return equals + ' "' + literal.group("text").translate(_MASKED_IN_LITERAL) + '" '
    if equals:
        return equals + '"' + "_" * (len(expression) - 2) + '"'
    return "_" * len(expression)


def javascript_text(literal: str) -> str | None:
    """What a JavaScript string's text (``literal``, between its quotes) reads as: its escapes
    decoded (``\\"``, ``\\u0060``), white space as one space; None when it does not decode to
    text (a lone surrogate)."""
    def decoded(escape: re.Match[str]) -> str:
        code = escape.group(1) or escape.group(2) or escape.group(3)
        if code is not None:
            return chr(int(code, 16)) if int(code, 16) <= 0x10FFFF else escape.group()
        character = escape.group(4)
        return " " if character in _JS_SPACES else "" if character == "\r\n" else character
    text = _JS_ESCAPE.sub(decoded, literal) if "\\" in literal else literal
    try:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16")  # ``\\uD83D\\uDE00``: one character
    except UnicodeDecodeError:
        return None
    return normalise(text).strip()


def _escape(text: str) -> str:
    out = []
    for piece in re.split(f"({_REFERENCE.pattern})", text):
        out.append(piece if _REFERENCE.fullmatch(piece) else
                   piece.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return "".join(out)


def _follow_literal(open_literal: list[str], event: _Event) -> None:
    """Inside ``<pre>`` and the like, only the matching end tag (nested ones counted) matters."""
    if event.kind == "start" and event.tag == open_literal[0]:
        open_literal.append(event.tag)
    elif event.kind == "end" and event.tag == open_literal[0]:
        open_literal.pop()


def _run(text: str, run: list[_Event]) -> list[Found]:
    """A run of text and inline tags as one entry (if it holds prose), then its tags' attributes."""
    if not run:
        return []
    found: list[Found] = []
    start, end = run[0].start, run[-1].end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    prose = _prose(text, run)
    # Read as the browser shows it: ``<td>&nbsp;</td>`` or ``&mdash;`` holds no words, nor does
    # ``<td>:white_check_mark:</td>``.
    entry = _has_words(prose)
    if entry:
        found.append(Found(normalise(text[start:end]), start, end))
    for event, kept in zip(run, _kept_events(run)):
        if not kept:
            found += _attributes(text, event, inside_run=True)
    return found + _template_arguments(text, run, inside_entry=entry)


def _template_arguments(text: str, run: list[_Event], *, inside_entry: bool) -> list[Found]:
    """The readers' text arguments of the template tags in a run's text (``{{< img alt="..." >}}``
    on a line of its own in a ``<figure>``, or in a sentence): the generator fills them in
    before any HTML is read. A tag that is not all text (a ``{{<img ...>}}`` the HTML parser
    read as a tag) or lies in ``<code>`` is left to what the HTML reading makes of it."""
    start, end = run[0].start, run[-1].end
    if "{" not in text[start:end]:
        return []
    skip = [Region(event.start - start, event.end - start, RegionKind.HTML)
            for event, prose in zip(run, _prose_events(run)) if not prose]
    found = []
    for argument in template_arguments(text[start:end], skip):
        tag = text[start + argument.tag_start:start + argument.tag_end]
        at, until = argument.start - argument.tag_start, argument.end - argument.tag_start
        nested = ((normalise(tag), len(normalise(tag[:at])), len(normalise(tag[:until])))
                  if inside_entry else ("", 0, 0))
        found.append(Found(argument.msgid, start + argument.start, start + argument.end, "template", "",
                           *nested, style=argument.style + "-html"))
    return found


def defuse_markup(text: str) -> str:
    """``text`` with each ``<`` that would open a tag, comment or declaration as ``&lt;``: a
    template argument's translation in an HTML block must not give the block a tag of its own
    (the block would no longer be read as its source is)."""
    return _MARKUP_START.sub("&lt;", text)


_MARKUP_START = re.compile(r"<(?=[A-Za-z/!?])")


def _prose(text: str, run: list[_Event]) -> str:
    """The run's text outside code elements, a space where a tag or code was. Text the parser
    reports in pieces (it stops at a ``<`` that opens no tag, as in ``{{< figure >}}``) is
    joined as it is: a space there would break the template tag."""
    return "".join(text[event.start:event.end] if prose else " "
                   for event, prose in zip(run, _prose_events(run)))


def _prose_events(run: list[_Event]) -> list[bool]:
    """For each event of a run, whether it is text outside code elements and elements kept
    as written (``<span lang="az">`` in an English article: the words as written, not prose
    to translate)."""
    depth, prose = 0, []
    for event, kept in zip(run, _kept_events(run)):
        prose.append(event.kind == "data" and depth == 0 and not kept)
        if event.tag in CODE and event.kind in ("start", "end"):
            depth = max(0, depth + (1 if event.kind == "start" else -1))
    return prose


def _kept_events(run: list[_Event]) -> list[bool]:
    """For each event of a run, whether it is an element kept as written or lies inside one."""
    open_kept: list[str] = []
    kept = []
    for event in run:
        opens = not open_kept and event.kind in ("start", "startend") and kept_as_written(event.attrs)
        kept.append(bool(open_kept) or opens)
        if opens and event.kind == "start" and event.tag not in VOID_ELEMENTS:
            open_kept.append(event.tag)
        elif open_kept:
            _follow_literal(open_kept, event)
    return kept


def _attributes(text: str, event: _Event, *, inside_run: bool) -> list[Found]:
    if event.kind not in ("start", "startend"):
        return []
    # ``<TabItem label="Baku">``: html.parser writes every name in lower case, the source keeps
    # the capital that makes the tag a JSX component (MDX).
    element = event.tag.title() if text[event.start + 1:event.start + 2].isupper() else event.tag
    if not any(_shown(element, name, event.attrs) for name, _ in event.attrs):
        return []
    raw = text[event.start:event.end]
    masked = jsx_masked(raw)
    spans = _attribute_spans(masked, event.attrs)
    found = []
    for name, (start, end, quote) in spans.items():
        value: str | None = normalise(masked[start:end]).strip()
        if quote and raw[start - 2:start - 1] == "{":
            quote = "{" + raw[start - 1]  # ``title={"Road closed"}``: a JavaScript string
            value = javascript_text(raw[start:end])
        if value is None or not _shown(element, name, event.attrs) or not _has_words(value):
            continue
        tag, at, until = ((normalise(raw), len(normalise(raw[:start])), len(normalise(raw[:end])))
                          if inside_run else ("", 0, 0))
        # A component's ``text`` prop is named apart from a run of text (``what="text"``).
        what = "text-prop" if name == "text" else name
        found.append(Found(value, event.start + start, event.start + end, what, quote, tag, at, until))
    return found


def _has_words(text: str) -> bool:
    """Whether ``text`` holds letters as the browser shows it, once the generator has filled in
    its template tags, outside URLs and code: ``<td>&nbsp;</td>``, ``&mdash;``,
    ``:white_check_mark:``, ``alt="{{ page.title }}"`` and an embed's address alone on its line
    (``https://twitter.com/…``, also as a link's text) hold none to translate, as a Markdown
    paragraph of them alone holds none."""
    return _LETTER.search(unescape(blank_keys(blank_out(text)))) is not None


def _shown(tag: str, attribute: str, attrs: tuple[tuple[str, str | None], ...] = ()) -> bool:
    """Whether readers see or hear the value of ``attribute`` on the element ``tag`` (whose
    attributes are ``attrs``)."""
    if attribute == "value":
        kind = next((value for name, value in attrs if name == "type"), None)
        return tag == "input" and (kind or "").strip().lower() in BUTTON_TYPES
    if tag[:1].isupper():
        return attribute in COMPONENT_PROPS
    if attribute == "label":
        return tag in LABELLED
    if attribute == "placeholder":
        return tag in WITH_PLACEHOLDER
    return attribute in ATTRIBUTES


def _attribute_spans(raw: str, attrs: tuple[tuple[str, str | None], ...]) -> dict[str, tuple[int, int, str]]:
    """Where each attribute value of the start tag ``raw`` lies, found as ``html.parser``
    finds them (its own patterns); nothing when that does not give the parser's attributes."""
    match = tagfind_tolerant.match(raw, 1)
    position = match.end() if match else len(raw)
    seen: list[tuple[str, str | None]] = []
    spans: dict[str, tuple[int, int, str]] = {}
    while position < len(raw):
        found = attrfind_tolerant.match(raw, position)
        if not found:
            break
        name, rest, value = found.group(1, 2, 3)
        start, end = found.span(3)
        quote = value[:1] if rest and len(value) >= 2 and value[:1] in "'\"" and value[-1:] == value[:1] else ""
        if quote:
            start, end = start + 1, end - 1
        text = raw[start:end] if rest else None
        seen.append((name.lower(), unescape(text) if text else text))
        spans.setdefault(name.lower(), (start, end, quote))
        position = found.end()
    return spans if tuple(seen) == attrs else {}


class _Recorder(HTMLParser):
    """Where each tag, text run, comment and declaration starts."""

    def __init__(self, line_starts: list[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = line_starts
        self.events: list[tuple[str, int, str, tuple[tuple[str, str | None], ...], str]] = []

    def _note(self, kind: str, tag: str = "", attrs: tuple[tuple[str, str | None], ...] = (),
              raw: str = "") -> None:
        line, column = self.getpos()
        self.events.append((kind, self.line_starts[line - 1] + column, tag, attrs, raw))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note("start", tag, tuple(attrs), self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._note("startend", tag, tuple(attrs), self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self._note("end", tag)

    def handle_data(self, data: str) -> None:
        self._note("data")

    def handle_comment(self, data: str) -> None:
        self._note("other")

    def handle_decl(self, decl: str) -> None:
        self._note("other")

    def handle_pi(self, data: str) -> None:
        self._note("other")

    def unknown_decl(self, data: str) -> None:
        self._note("other")


def _events(text: str) -> list[_Event] | None:
    """The parser's events, each with its end, when they cover ``text`` exactly and no text
    run holds something that looks like a tag; None otherwise."""
    text = jsx_masked(text)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    recorder = _Recorder(line_starts)
    try:
        recorder.feed(text)
        recorder.close()
    except Exception:  # noqa: BLE001 - whatever the parser trips on, the block stays as written
        return None
    notes = recorder.events
    ends = [note[1] for note in notes[1:]] + [len(text)]
    if not notes or notes[0][1] != 0:
        return None if text else []
    events = []
    literal = False
    for (kind, start, tag, attrs, raw), end in zip(notes, ends):
        if end <= start or not _plausible(text[start:end], kind, raw, literal):
            return None
        if kind in ("start", "end") and tag in LITERAL:
            literal = kind == "start"
        events.append(_Event(kind, start, end, tag, attrs))
    return events


def _plausible(chunk: str, kind: str, raw: str, literal: bool) -> bool:
    if kind in ("start", "startend"):
        return chunk == raw and "<" not in raw[1:]  # '<b tag\n</div>': a tag that swallowed another
    if kind == "end":
        return chunk.startswith("</") and chunk.endswith(">")
    if kind == "data":
        return literal or not _LOOKS_LIKE_MARKUP.search(chunk)
    return chunk.startswith("<") and chunk.rstrip().endswith(">")

