"""Regions of a segment's inline Markdown that are not prose: code, URLs, link targets, tags.

Quotation analysis, quote localisation, number checks and glossary matching all need to
skip these regions: a ``"`` inside ```code``` or inside a link title is not a quotation
mark, and the digits of a URL are not numbers a translator must carry over. The detection
is deliberately simple (regular expressions over one segment's text, not a full CommonMark
parser) because segments are short inline texts already cut out by the Markdown stage.
"""

from __future__ import annotations

import bisect
import enum
import html
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache


class RegionKind(str, enum.Enum):
    """What a protected region of a segment is."""

    CODE = "code"
    LINK_TARGET = "link target"
    AUTOLINK = "autolink"
    URL = "url"
    HTML = "html"
    COMMENT = "html comment"
    TEMPLATE = "template"
    ATTRIBUTES = "attribute list"
    WIKILINK = "wikilink"


@dataclass(frozen=True)
class Region:
    """``text[start:end]`` is a protected region of kind ``kind``."""

    start: int
    end: int
    kind: RegionKind

    def text(self, source: str) -> str:
        return source[self.start:self.end]


#: Static-site template syntax, which the generator runs before Markdown: Hugo shortcodes
#: (``{{< figure >}}``, ``{{% notice %}}``), Liquid, Nunjucks and Jinja tags, output and
#: comments (``{% include %}``, ``{{ page.title }}``, ``{# note #}``). A block whose body is
#: code or literal text (``{% raw %}``, ``{% comment %}``, ``{% highlight %}`` and Hugo's
#: ``highlight`` shortcode) is one region from its opening tag to its closing one.
#: Hugo reads a shortcode's quoted arguments whole. No tag goes on over a blank line (Markdown
#: would end the block there; only a literal block does) or runs longer than 2,000 characters
#: (or 2,000 quoted ones): an opener left unclosed then costs a bounded scan, not the rest of
#: the article's, which made reading an article with thousands of them quadratic.
TEMPLATE_PATTERN = (
    r"\{%-?\s*(?P<tplblock>raw|comment|highlight)\b.*?%\}.*?\{%-?\s*end(?P=tplblock)\s*-?%\}"
    r"|\{\{[<%]\s*highlight\b.*?[>%]\}\}.*?\{\{[<%]\s*/\s*highlight\s*[>%]\}\}"
    r"|\{\{[<%](?:\"(?:[^\"\\\n]|\\.|\n(?![ \t]*\n)){0,2000}\"|`(?:[^`\n]|\n(?![ \t]*\n)){0,2000}`"
    r"|[^\"`\n]|\n(?![ \t]*\n)){0,2000}?[>%]\}\}"
    r"|\{%(?:[^\n]|\n(?![ \t]*\n)){0,2000}?%\}|\{\{(?:[^\n]|\n(?![ \t]*\n)){0,2000}?\}\}"
    r"|\{#(?:[^\n]|\n(?![ \t]*\n)){0,2000}?#\}"
)
_TEMPLATE = re.compile(TEMPLATE_PATTERN, re.DOTALL)
#: WordPress's media shortcodes as WordPress-to-Markdown exports leave them (``[caption
#: id="attachment_12" align="alignnone" width="300"]``, ``[/caption]``, ``[embed]…[/embed]``,
#: ``[gallery ids="1,2"]``): WordPress's markup, never text. An opening one has arguments, or a
#: closing one on its line: ``[video]`` alone is an editor's bracketed word. Jetpack's embeds
#: take the address as their first argument (``[youtube https://youtu.be/x]``, ``[tweet
#: https://x.com/a/status/1]``, ``[googlemaps https://…&w=640]``) or named ones (``[ted id=981]``).
_WP_NAMES = (r"(?:caption|wp_caption|gallery|embed|audio|video|playlist|youtube|vimeo|dailymotion|tweet|"
             r"instagram|facebook|soundcloud|spotify|gist|googlemaps|slideshare|ted|flickr|scribd|archiveorg)")
_WP_ARGUMENT = r"[ \t]+[\w-]+=(?:\"[^\"\n\]]*\"|'[^'\n\]]*'|[^\s\"'\]]+)"
#: Any other shortcode (a plugin's, a page builder's: ``[su_button url="/x"]Subscribe[/su_button]``,
#: ``[footnote]Source: CEC[/footnote]``, ``[/vc_column_text]``) is known by its form: a closing
#: one, an opening one with a quoted argument, or one closed later in the text (looked for over
#: a bounded stretch, so a paragraph of many ``[sic]`` is read in linear time). The text
#: between stays text.
_WP_ANY_NAME = r"[a-z][a-z0-9_-]*"
WP_SHORTCODE_PATTERN = (
    r"\[/" + _WP_NAMES + r"\]"
    r"|\[" + _WP_NAMES + r"(?:[ \t]+(?i:https?)://[^\s\]]+(?:" + _WP_ARGUMENT + r")*|(?:" + _WP_ARGUMENT + r")+)"
    r"[ \t]*/?\]"
    r"|\[(?P<wpname>" + _WP_NAMES + r")\](?=[^\n]*?\[/(?P=wpname)\])"
    r"|\[/" + _WP_ANY_NAME + r"\]"
    r"|\[" + _WP_ANY_NAME + r"(?=[^\]\n]*=[\"'])(?:" + _WP_ARGUMENT + r")+[ \t]*/?\]"
    r"|\[(?P<wpopen>" + _WP_ANY_NAME + r")\](?=[\s\S]{0,1000}?\[/(?P=wpopen)\])"
)
_WP_SHORTCODE = re.compile(WP_SHORTCODE_PATTERN)
#: A wikilink (Obsidian, Foam, Quartz, MkDocs' roamlinks, Dendron): ``[[Baku Port]]``,
#: ``[[Baku Port#History|the port's history]]``, an embed ``![[port.jpg]]``. The target names a
#: page, a heading or a file, as a link's destination does: translated, the link leads nowhere
#: (and an embed shows nothing). A label after ``|`` is the reader's text, and so is nothing in
#: an embed (its ``|300`` is a size). Never a link's text in brackets (``[[1]](a.html)``).
WIKILINK_PATTERN = (r"(?<![\\\[])!?\[\[[ \t]*[^\[\]|\s][^\[\]|\n]*"
                    r"(?:\|(?P<wikilabel>[^\[\]\n]*))?\]\](?![(\[:\]])")
_WIKILINK = re.compile(WIKILINK_PATTERN)
#: An Obsidian comment (``%%note to the desk%%``, also over lines of one paragraph): hidden
#: from readers, so nothing to translate; never after a digit (``50%%``) nor over a blank line.
OBSIDIAN_COMMENT_PATTERN = r"(?<![\d%\\])%%(?!%)(?:[^%\n]|%(?!%)|\n(?![ \t]*\n))+?%%(?!%)"
_OBSIDIAN_COMMENT = re.compile(OBSIDIAN_COMMENT_PATTERN)
#: An Obsidian block identifier closing a block (``The port grew. ^port-growth``, or alone on a
#: line after a table or quote): the name ``[[note#^port-growth]]`` links to, the site's. It
#: holds a letter (``x ^2`` is a power).
BLOCK_ID_PATTERN = r"(?<![^ \t\n])\^(?=[0-9-]*[A-Za-z])[A-Za-z0-9-]+(?=[ \t]*\Z)"
_BLOCK_ID = re.compile(BLOCK_ID_PATTERN)


def wp_shortcodes(text: str, skip: list[Region] | None = None) -> list[Region]:
    """The WordPress shortcodes of ``text`` (see :data:`WP_SHORTCODE_PATTERN`) outside the
    regions ``skip``: the site's markup, as template tags are."""
    if "[" not in text:
        return []
    occupied = _Occupied(skip or [], len(text))
    return [Region(m.start(), m.end(), RegionKind.TEMPLATE) for m in _WP_SHORTCODE.finditer(text)
            if not occupied.overlaps(m.start(), m.end())]


def wikilinks(text: str, skip: list[Region] | None = None) -> list[Region]:
    """The site's parts of each wikilink in ``text`` (see :data:`WIKILINK_PATTERN`): the whole
    link, or, where a label follows the target, ``[[target|`` and ``]]`` around the label."""
    if "[[" not in text:
        return []
    occupied = _Occupied(skip or [], len(text))
    found: list[Region] = []
    for match in _WIKILINK.finditer(text):
        if occupied.overlaps(match.start(), match.end()):
            continue
        label = match.start("wikilabel")
        if label == -1 or text[match.start()] == "!":
            found.append(Region(match.start(), match.end(), RegionKind.WIKILINK))
        else:
            found += [Region(match.start(), label, RegionKind.WIKILINK),
                      Region(match.end("wikilabel"), match.end(), RegionKind.WIKILINK)]
    return found


def wikilink_target(region_text: str) -> str | None:
    """The page a wikilink region names (``[[Baku Port|`` → ``Baku Port``); None for the
    closing ``]]`` after a label."""
    body = region_text.removeprefix("!")
    if not body.startswith("[["):
        return None
    return body[2:].split("|", 1)[0].removesuffix("]]").removesuffix("\\")  # ``\|`` in a table cell


#: TeX math as KaTeX/MathJax sites write it (Hugo's passthrough, markdown-it's dollarmath,
#: Pandoc): ``$$...$$``, or ``$...$`` whose opening ``$`` is followed and closing one preceded
#: by a non-space, not after a digit nor before one, and never over a blank line. So prices
#: are text: in ``$5 and $10`` the second ``$`` follows a space, in ``$5-$10`` a digit follows it.
#: MathJax's own delimiters (Hugo's passthrough reads them too) are ``\\(...\\)`` inline and
#: ``\\[...\\]`` for display, written with one backslash or, where Markdown would read its
#: escape first, two. A ``$$`` block may end with its MyST label (``$$ (eq-volume)``).
MATH_PATTERN = (
    r"\$\$(?:[^$\\]|\\.|\$(?!\$))+?\$\$(?:[ \t]+\([\w:.-]+\)(?=[ \t]*(?:\n|\Z)))?"
    r"|(?<![\\$\d])\$(?=[^\s$])(?:[^$\\\n]|\\.|\n(?![ \t]*\n))+?(?<![\s\\])\$(?![\d$])"
    r"|(?<!\\)\\\\?\((?:[^\\\n]|\\(?!\\?\))|\n(?![ \t]*\n))+?\\\\?\)"
    r"|(?<!\\)\\\\?\[(?:[^\\\n]|\\(?!\\?\])|\n(?![ \t]*\n))+?\\\\?\]"
)
_MATH = re.compile(MATH_PATTERN)
_MATH_OPENERS = ("$", "\\(", "\\[")
#: What TeX math holds and an editor's escaped brackets (``\\[sic\\]``, ``\\[1\\]``) do not:
#: a command, a sub- or superscript, a relation, a brace or a plus.
_TEX_MARK = re.compile(r"[\\^_={}<>+]")
#: Inline math may be one variable (``\\(x\\)``); an editor's ``\\[a\\]`` is a label.
_LONE_LETTER = re.compile(r"[ \t]*[A-Za-z][ \t]*")
#: A lower-case word of three letters or more: TeX writes its words as commands or in braces
#: (``\\max``, ``\\text{per capita}``), an editor's note writes them as they are
#: (``\\[Update + correction\\]``).
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_A-Z]{3,}(?![^\W\d_])")


def math_spans(text: str) -> list[Region]:
    """TeX math (see :data:`MATH_PATTERN`) in ``text``: no prose, nothing for MT to touch."""
    if not any(opener in text for opener in _MATH_OPENERS):
        return []
    code = code_spans(text)
    starts = [r.start for r in code]
    found: list[Region] = []
    pos = 0
    while (match := _MATH.search(text, pos)) is not None:
        # A ``$`` inside a code span is code (`echo $x`), as CommonMark reads the span first.
        before = bisect.bisect_right(starts, match.start()) - 1
        if before >= 0 and match.start() < code[before].end:
            pos = code[before].end
            continue
        if not is_math(text, match.start(), match.end()):
            pos = match.start() + 1  # the ``$`` is text; a later one may still open math
            continue
        found.append(Region(match.start(), match.end(), RegionKind.CODE))
        pos = match.end()
    return found


#: TeX commands and brace groups (``\text{per capita}``) inside math: no prose words.
_TEX_COMMAND = re.compile(r"\\[A-Za-z]+|\{[^{}]*\}")
#: Two words in a row (punctuation allowed between), each of two letters or more.
_WORD_PAIR = re.compile(r"(?<!\w)(?=([^\W\d_]{2,})[,;:.!?]?\s+([^\W\d_]{2,})(?!\w))")
#: A currency sign closing the span: a prefix of up to four capitals standing alone, then
#: an amount after a space (``A$ 7``, ``HK$ 10``, a translation's ``США$ 5``; ``A$7`` closes
#: nothing already).
_CURRENCY_AT_END = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,4}\Z")
_AMOUNT = re.compile(r"[ \u00a0]\d")


def is_math(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a match of :data:`MATH_PATTERN`, is TeX math rather than
    dollar signs of prose: a cashtag or price and the words up to the next ``$``
    (``$AAPL rose to 190$ today``, ``$TSLA rose; the A$ fell``, ``$5 and A$ 7``), or a link's
    text and target (``[$AAPL](https://x.org/?q=$a)``), which Markdown reads first.

    Prose is two words in a row, one of them a lower-case word of three letters or more:
    TeX writes words in ``\\text{...}`` or as commands (``\\sin x``), and its variables are
    letters (``$x = A$``, ``$AB \\parallel CD$`` stay math)."""
    if text.startswith("$$", start):
        return True
    if text[start] == "\\":
        # ``\\(x^2\\)``, ``\\[ E = mc^2 \\]``: the delimiters' backslashes are no content.
        span = text[start:end]
        opener = 3 if span.startswith("\\\\") else 2
        closer = 3 if span[:-1].endswith("\\\\") else 2
        content = span[opener:len(span) - closer]
        marked = _TEX_MARK.search(content) is not None \
            or (span[opener - 1] == "(" and _LONE_LETTER.fullmatch(content) is not None)
        return marked and _LOWER_WORD.search(_TEX_COMMAND.sub(" ", content)) is None
    content = text[start + 1:end - 1]
    if "](" in content or ("](" in text and _straddles_a_link_target(text, start, end)):
        return False
    prefix = _CURRENCY_AT_END.search(content)
    if prefix and prefix.group().isupper() and _AMOUNT.match(text, end):
        return False
    return not _has_prose_words(content)


def _straddles_a_link_target(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins or ends inside a link's ``(destination "title")``
    and not both: Markdown reads the link first (``![c](c.png "$48") and [$AAPL](…)`` holds no
    math), so a ``$`` there pairs with none outside."""
    starts, ends = _link_target_bounds(text)
    return _inside(starts, ends, start) != _inside(starts, ends, end - 1)


def _inside(starts: list[int], ends: list[int], at: int) -> int:
    """The number (from 1) of the sorted, disjoint span holding ``at`` inside its bounds, or 0."""
    index = bisect.bisect_left(starts, at) - 1
    return index + 1 if index >= 0 and at < ends[index] else 0


@lru_cache(maxsize=64)
def _link_target_bounds(text: str) -> tuple[list[int], list[int]]:
    """Where ``text``'s link targets start and end, found once for all the ``$`` of a paragraph."""
    targets = link_targets(text)
    return [target.start for target in targets], [target.end for target in targets]


def _has_prose_words(content: str) -> bool:
    """Whether math's ``content`` holds prose (see :func:`is_math`)."""
    words = _TEX_COMMAND.sub("\x00", content)
    return any(len(word) >= 3 and word.islower()
               for pair in _WORD_PAIR.finditer(words) for word in pair.groups())


#: Emoji and icon shortcodes (``:smile:``, ``:flag-az:``, ``:+1:``, ``:material-account:``; Hugo's
#: ``enableEmoji``, MkDocs' pymdownx.emoji, GitHub): the site turns the name into a picture,
#: so a translated or transliterated name shows as text. Lower-case names only, never right
#: after a letter or digit (``10:30:15``, ``Note:this:``).
EMOJI_PATTERN = r"(?<!\w):[a-z0-9_+-]+:(?!\w)"
#: Pandoc citation keys (``@smith2020``, ``[-@doe99, p. 4]``, ``@{https://...}``) and social
#: handles, which read the same (``@AzerNews``, ``@desk@mastodon.social``): the key names a
#: bibliography entry, the handle an account. Internal punctuation belongs to the key only
#: when a letter or digit follows it (Pandoc's rule), so a sentence's full stop after the key
#: stays text; an e-mail address is no key.
CITATION_PATTERN = (r"(?<![\w@.+-])-?@(?:\{[^{}\n]*\}|\w(?:\w|[:.#%&+?~/-](?=\w))*"
                    r"(?:@\w[\w-]*(?:\.\w[\w-]*)+)?)")
#: An e-mail address. The local part starts where a run of its characters starts: a match
#: found inside the run would also be found from its start, and trying every position of a
#: long run (a pasted base64 image) made the search quadratic.
EMAIL_PATTERN = r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
#: A hashtag (``#Baku2026``, ``#COP29``, ``#Bakı``): the tag a post is filed under, the same in
#: every language. Not a character reference (``&#39;``), ``C#``, ``##``, an attribute list's
#: ``{#id}``, an escaped ``\#``, nor a number (``#12``, an issue or a rank: the numbers check
#: carries its digits over, and a translation may write it ``№ 12``). Obsidian's nested tags
#: (``#ports/baku``) are one tag.
HASHTAG_PATTERN = r"(?<![\w&#{/\\])#(?=\w*[^\W\d_])\w+(?:/\w+)*"
#: A domain name written without a scheme, followed by a path (``pic.twitter.com/abc``,
#: ``t.me/channel``, ``example.az/news/1``): an address, like a URL. Its host is in lower
#: case (``Node.js/Deno`` is prose) and ends in a name of two letters or more (``a.m./p.m.``,
#: ``e.g./i.e.`` are text); never inside a URL, an e-mail address or a file path.
BARE_DOMAIN_PATTERN = (r"(?<![\w@./:\\-])(?-i:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
                       r"\.[a-z]{2,24})/[^\s<>\"'`“”«»\[\]()]*")
_KEYS = re.compile(EMAIL_PATTERN + "|" + EMOJI_PATTERN + "|" + CITATION_PATTERN + "|" + HASHTAG_PATTERN)


def blank_keys(text: str) -> str:
    """``text`` with its e-mail addresses, emoji shortcodes, citation keys and hashtags blanked
    (same length): addresses and names the site or the bibliography resolves, the same in every
    language, so no prose to translate (a ``:white_check_mark:`` table cell, a lone
    ``[@smith2020]``, a contact line ``desk@example.org``, a line of ``#Baku2026 #COP29``)."""
    if ":" not in text and "@" not in text and "#" not in text:
        return text
    return _KEYS.sub(lambda key: " " * len(key.group()), text)


#: Pandoc's (and pymdownx.caret/tilde's, markdown-it-sup/sub's) superscript ``^2^`` and
#: subscript ``H~2~O``: no space inside (``~5 km`` and ``x^2 and y^2`` are text), never a run
#: of two (``^^insert^^``, ``~~strike~~``). The text between is the reader's. ``\x00`` stands
#: for a span :mod:`pipeline.placeholders` already protects, which is never inside one.
SUPERSCRIPT_PATTERN = r"(?<![\^\\])\^(?:[^\s^\\\x00]|\\[^\n\x00])+\^(?!\^)"
SUBSCRIPT_PATTERN = r"(?<![~\\])~(?:[^\s~\\\x00]|\\[^\n\x00])+~(?!~)"
#: pymdownx.keys' key combination (``++ctrl+alt+del++``, ``++"My Key"++``): key names the theme
#: draws as written, in every language. ``C++ and C++`` is prose (a space follows ``++``).
KEY_COMBINATION_PATTERN = r'(?<!\+)\+\+(?:[\w-]+|"[^"\n]*")(?:\+(?:[\w-]+|"[^"\n]*"))*\+\+(?!\+)'
_KEY_COMBINATION = re.compile(KEY_COMBINATION_PATTERN)
_BACKTICKS = re.compile(r"`+")
_LETTER = re.compile(r"[^\W\d_]")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
#: An HTML comment: readers never see it, so its words are not prose (CommonMark's inline
#: form, ``<!-->`` and ``<!--->`` included).
_HTML_COMMENT = re.compile(r"<!-->|<!--->|<!--.*?-->", re.DOTALL)
#: kramdown's (Jekyll's) comment, ``{::comment}`` … ``{:/comment}`` (or ``{:/}``): a note the
#: site never shows, as an HTML comment is.
KRAMDOWN_COMMENT_PATTERN = r"\{::comment\}.*?\{:/(?:comment)?\}"
_KRAMDOWN_COMMENT = re.compile(KRAMDOWN_COMMENT_PATTERN, re.DOTALL)
#: An MDX comment (Docusaurus reads Markdown as MDX): ``{/* note */}``, never shown.
MDX_COMMENT_PATTERN = r"\{/\*.*?\*/\}"
_MDX_COMMENT = re.compile(MDX_COMMENT_PATTERN, re.DOTALL)
#: A JSX attribute's expression value (MDX: ``items={["Baku", "Ganja"]}``, ``to={`/a/${id}`}``,
#: ``title={"Road closed"}``), braces nested two deep, strings read whole (a brace or ``>`` in
#: one ends nothing): the page's JavaScript, which an HTML reader would cut at its first quote.
_JS_STRING = r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\[\s\S])*`"
JSX_EXPRESSION_PATTERN = (r"\{(?:[^{}\"'`]|" + _JS_STRING + r"|\{(?:[^{}\"'`]|" + _JS_STRING
                          + r"|\{(?:[^{}\"'`]|" + _JS_STRING + r")*\})*\})*\}")
#: An MDX expression in prose (``{Math.round(turnout * 100)}``, ``{props.city}``, ``{isLive &&
#: <LiveBadge />}``, ``{count > 1 ? <p>…</p> : null}``): JavaScript the page runs, translated it
#: breaks the build. A member, a call, or an arrow, a logical ``&&`` or ``||`` or a conditional
#: ``? :`` before any nested brace is required: a bare ``{city}`` or ``{2024}`` may be an
#: editor's braces, which stay text.
_JS_NAME = r"[A-Za-z_$][\w$]*"
MDX_EXPRESSION_PATTERN = (r"\{" + _JS_NAME + r"(?:\." + _JS_NAME
                          + r"|\((?:[^(){}\n]|\([^(){}\n]*\))*\))+\}"
                          + r"|(?=\{[^{}\n]*?(?:=>|&&|\|\||\s\?\s[^{}\n]*?\s:\s))" + JSX_EXPRESSION_PATTERN)
_MDX_EXPRESSION = re.compile(MDX_EXPRESSION_PATTERN)
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"“”«»]+|" + BARE_DOMAIN_PATTERN, re.IGNORECASE)
_URL_TRAILING = ".,;:!?'’)]}*_"
#: The characters that can change the state of :func:`_matching_paren`; it jumps from one
#: to the next instead of stepping through every character of a long link title.
_PAREN_EVENT = re.compile(r"[()\"']")
#: How many distinct segment texts keep their regions cached. Every stage (quotation scan,
#: names, numbers, glossary, checks) asks for the regions of the same segment again.
_CACHE_SIZE = 8192


def code_spans(text: str) -> list[Region]:
    """Inline code spans (CommonMark: a backtick run closed by a run of the same length)."""
    if "`" not in text:
        return []
    regions: list[Region] = []
    runs = list(_BACKTICKS.finditer(text))
    i = 0
    while i < len(runs):
        opener = runs[i]
        if _escaped(text, opener.start()):
            i += 1
            continue
        closer = next((j for j in range(i + 1, len(runs))
                       if len(runs[j].group()) == len(opener.group())), None)
        if closer is None:
            i += 1
            continue
        regions.append(Region(opener.start(), runs[closer].end(), RegionKind.CODE))
        i = closer + 1
    return regions


def template_tags(text: str, skip: list[Region] | None = None) -> list[Region]:
    """Template tags and raw template blocks (see :data:`TEMPLATE_PATTERN`) outside ``skip``."""
    if "{" not in text:
        return []
    occupied = _Occupied(skip or [], len(text))
    return [region for region in _template_tags(text) if not occupied.overlaps(region.start, region.end)]


@lru_cache(maxsize=256)
def _template_tags(text: str) -> tuple[Region, ...]:
    """:func:`template_tags` without ``skip``, kept: an article's body is searched whole for
    multi-line tags, for tags split by blocks and for linked files, one after the other."""
    return tuple(Region(m.start(), m.end(), RegionKind.TEMPLATE) for m in _TEMPLATE.finditer(text))


_TAG_HEAD = re.compile(r"\{\{([<%])\s*(/?)\s*([^\s>%\"'`]*)|\{%-?\s*(\w*)|\{\{|\{#")
_DELIMITER = re.compile(r"\{\{[<%]?|[>%]?\}\}|\{%|%\}|\{#|#\}")


def template_skeleton(text: str) -> tuple[Counter[str], tuple[str, ...], int]:
    """What of ``text``'s template tags the site generator's parser depends on: each tag's
    kind and name (``{{< figure``, ``{{< /notice``, ``{% include``), counted; those left once
    every closing tag has cancelled the opening one before it, in order (a closing tag
    before its opening one stays); and how many template delimiters stand outside any tag
    (``>}}`` alone, a ``{{<`` never closed). Code spans do not count. Arguments do not
    either: a translated caption is no break."""
    code = code_spans(text)
    tags = template_tags(text, code)
    heads: list[str] = []
    for region in tags:
        match = _TAG_HEAD.match(text, region.start)
        heads.append("".join(part or "" for part in match.groups()) if match else text[region.start:region.start + 2])
    left: list[str] = []
    for head in heads:
        opening = head[0] + head[2:] if head[1:2] == "/" else None
        if opening is not None and opening in left:
            del left[len(left) - 1 - left[::-1].index(opening)]
        else:
            left.append(head)
    outside = blank_out(text, [*code, *tags]) if tags or code else text
    return Counter(heads), tuple(left), len(_DELIMITER.findall(outside))


def template_structure_changed(source: str, translation: str) -> bool:
    """Whether ``translation``'s template tags differ from the source's (another name, a
    closing tag of its own or before its opening one) or hold a stray delimiter: Hugo stops
    the whole site's build on one, not just the page's."""
    if "{" not in translation and "}" not in translation:
        return "{" in source and bool(template_tags(source, code_spans(source)))
    source_heads, source_left, source_stray = template_skeleton(source)
    heads, left, stray = template_skeleton(translation)
    return heads != source_heads or sorted(left) != sorted(source_left) or stray > source_stray


#: A shortcode or Liquid tag that goes on over a blank line (within 2,000 characters), which
#: :data:`TEMPLATE_PATTERN` never reads as one tag: Markdown splits it into blocks.
_TAG_OVER_BLANK_LINES = re.compile(
    r"\{\{[<%](?:\"(?:[^\"\\]|\\.){0,2000}\"|`[^`]{0,2000}`|[^\"`]){0,2000}?[>%]\}\}|\{%.{0,2000}?%\}", re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t>]*\n")


def tags_over_blank_lines(text: str) -> list[Region]:
    """The template tags of ``text`` that go on over a blank line (in block quotes, a line of
    quote markers only): the generator reads each whole, Markdown reads its pieces as blocks."""
    if "{" not in text or "\n" not in text:
        return []
    return [Region(m.start(), m.end(), RegionKind.TEMPLATE) for m in _TAG_OVER_BLANK_LINES.finditer(text)
            if _BLANK_LINE.search(text, m.start(), m.end())]


def html_comments(text: str, skip: list[Region] | None = None) -> list[Region]:
    """HTML comments (readers never see them) outside ``skip``."""
    if "<!--" not in text:
        return []
    occupied = _Occupied(skip or [], len(text))
    return [Region(m.start(), m.end(), RegionKind.COMMENT) for m in _HTML_COMMENT.finditer(text)
            if not occupied.overlaps(m.start(), m.end())]


#: Template-tag arguments that hold text for readers (Hugo's ``figure`` and theme shortcodes,
#: Jekyll includes): ``caption="..."``, ``alt='...'``, a button's ``text="Read the report"``, a
#: card's ``subtitle``, ``heading`` and ``footer`` (Docsy, Hextra).
TEMPLATE_ARGUMENT_NAMES = ("alt", "caption", "title", "attr", "description", "summary", "label", "text",
                           "subtitle", "heading", "footer")
#: Values that switch a template's feature on or off (Docsy's ``{{< tabpane text="true" >}}``):
#: no readers' text, whatever the argument's name.
_SWITCHES = frozenset({"true", "false"})
_TEMPLATE_ARGUMENT = re.compile(
    r"(?<![\w-])(?:" + "|".join(TEMPLATE_ARGUMENT_NAMES) + r")[ \t]*=[ \t]*"
    r"(?:\"(?P<double>(?:[^\"\\]|\\.)*)\"|'(?P<single>[^']*)'|`(?P<backtick>[^`]*)`)")
#: Liquid's named arguments after a comma (``{% render 'card', title: "..." %}``: Shopify,
#: Eleventy), quoted: Liquid has no escape inside a string.
_LIQUID_COLON_ARGUMENT = re.compile(
    r"(?<=,)[ \t\n]*(?:" + "|".join(TEMPLATE_ARGUMENT_NAMES) + r")[ \t]*:[ \t]*"
    r"(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)')")
#: A Nunjucks (Jinja) macro call as a whole output tag: ``{{ card(title="...") }}``.
_CALL = re.compile(r"\{\{-?[ \t\n]*[A-Za-z_][\w.]*[ \t]*\(")
#: Tags whose arguments are read by the generator: shortcodes, ``{% ... %}`` tags and macro
#: calls, not a block whose body is literal (``{% raw %}``, ``{% highlight %}``) nor any other
#: ``{{ output }}``, nor an escaped shortcode (``{{</* figure */>}}``), which Hugo prints as
#: written for readers to copy.
_TAG_WITH_ARGUMENTS = re.compile(r"\{\{[<%](?!/\*)(?![ \t]*/?[ \t]*highlight\b)|\{%(?!-?[ \t]*(?:raw|comment|highlight)\b)|"
                                 + _CALL.pattern)


def reads_arguments(text: str, tag_start: int) -> bool:
    """Whether the template tag at ``text[tag_start]`` (a region of :func:`template_tags`) is
    one whose arguments the generator reads (see :data:`_TAG_WITH_ARGUMENTS`): its readers'
    text is translated, and :mod:`pipeline.assets` copies the files it names."""
    return _TAG_WITH_ARGUMENTS.match(text, tag_start) is not None


@dataclass(frozen=True)
class TagArgument:
    """A readers' text argument of a template tag, at ``text[start:end]`` of the text searched.

    ``msgid`` is the value with its line breaks (and the spaces around them) read as one
    space; ``style`` says how a translation is written back (``tplarg-go-dq``: in a Hugo
    shortcode, between double quotes; see :func:`pipeline.markdown.render_translation`);
    ``tag_start``/``tag_end`` are where its tag lies."""

    msgid: str
    start: int
    end: int
    style: str
    tag_start: int
    tag_end: int


_VALUE_LINE_BREAKS = re.compile(r"[ \t]*(?:\n[ \t]*)+")


#: How a tag argument is quoted, by :data:`_TEMPLATE_ARGUMENT` group: ``bt`` is Hugo's raw
#: string (``caption=`...` ``), which holds any character but a backtick, line breaks too.
_QUOTINGS = {"double": "dq", "single": "sq", "backtick": "bt"}


def template_arguments(text: str, skip: list[Region] | None = None) -> list[TagArgument]:
    """The readers' text arguments of the template tags in ``text`` (those named in
    :data:`TEMPLATE_ARGUMENT_NAMES`, and the positional ones the project's ``[templates]
    text_arguments`` names, see :func:`positional_text_arguments`), which may go on over
    several lines.

    A Hugo argument never spans lines (Hugo refuses a line break inside ``"..."``): one that
    seems to is not taken, except a raw string (``caption=`...` ``), which may. A Liquid or Nunjucks one may, and is read as the HTML it ends up in
    reads it, its line breaks as spaces."""
    found = []
    positional = _TEXT_ARGUMENTS.get()
    for region in template_tags(text, skip):
        if not reads_arguments(text, region.start):
            continue
        flavour = _flavour(text, region.start)
        matches = list(_TEMPLATE_ARGUMENT.finditer(text, region.start, region.end))
        if flavour == "html":
            matches += _LIQUID_COLON_ARGUMENT.finditer(text, region.start, region.end)
        for match in sorted(matches, key=lambda m: m.start()):
            group = next(name for name in _QUOTINGS if match.groupdict().get(name) is not None)
            argument = _text_argument(text, match, group, flavour, region)
            if argument is not None:
                found.append(argument)
        if positional:
            found += _positional_arguments(text, region, flavour, positional)
    return found


def _flavour(text: str, tag_start: int) -> str:
    """How the tag at ``tag_start`` quotes its arguments: ``go`` (a Hugo shortcode: ``\\"``
    escapes), ``call`` (a Nunjucks macro call: backslash escapes in either quote) or ``html``
    (Liquid, Nunjucks tags: no escape)."""
    if text.startswith(("{{<", "{{%"), tag_start):
        return "go"
    return "call" if text.startswith("{{", tag_start) else "html"


def _text_argument(text: str, match: re.Match[str], group: str, flavour: str,
                   region: Region) -> TagArgument | None:
    """The argument whose quoted value is ``match``'s group ``group`` (``double``, ``single``
    or ``backtick``), or None when it is no readers' text the tag can take back translated:
    a backtick quotes nothing in Liquid or Nunjucks, and a Hugo ``"..."`` cannot hold a line
    break."""
    start, end = match.span(group)
    value = text[start:end]
    if group == "backtick" and flavour != "go":
        return None
    if (group != "backtick" and flavour == "go" and "\n" in value) or not _LETTER.search(blank_keys(value)) \
            or value.strip().lower() in _SWITCHES:
        return None
    return TagArgument(_VALUE_LINE_BREAKS.sub(" ", value), start, end,
                       f"tplarg-{flavour}-{_QUOTINGS[group]}", region.start, region.end)


#: The positional arguments that hold readers' text, by shortcode or include name (1-based
#: positions; ``[templates] text_arguments``). Only the site's templates know which of a
#: tag's positional arguments readers see (``{{< quote "We will grow" "Samir Karimov" >}}``)
#: and which are a file name or an ID, so none is taken unless the project names it.
TextArguments = Mapping[str, frozenset[int]]
_TEXT_ARGUMENTS: ContextVar[TextArguments] = ContextVar("text_arguments", default={})


@contextmanager
def positional_text_arguments(setting: TextArguments) -> Iterator[None]:
    """Within the ``with`` block (one article's reading), :func:`template_arguments` takes the
    positional arguments ``setting`` names: set once there rather than passed down through
    every reader of a paragraph, heading, cell and HTML block."""
    token = _TEXT_ARGUMENTS.set(setting)
    try:
        yield
    finally:
        _TEXT_ARGUMENTS.reset(token)


#: The language of the article being read (see :func:`article_language`); "" when unknown.
_ARTICLE_LANG: ContextVar[str] = ContextVar("article_lang", default="")


@contextmanager
def article_language(lang: str) -> Iterator[None]:
    """Within the ``with`` block (one article's reading), HTML whose ``lang`` names another
    language than ``lang`` is kept as written (see :func:`kept_as_written`)."""
    token = _ARTICLE_LANG.set(lang)
    try:
        yield
    finally:
        _ARTICLE_LANG.reset(token)


#: Embedded posts (a tweet, an Instagram, TikTok, Threads, Bluesky or Mastodon post, a
#: Telegram or Facebook one): a quotation of what someone posted, in the words they posted.
EMBED_CLASSES = frozenset({"twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "telegram-post",
                           "fb-post", "fb-video", "text-post-media", "bluesky-embed", "mastodon-embed"})
#: Elements that have no content (and no end tag).
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())


def kept_as_written(attrs: Iterable[tuple[str, str | None]], lang: str | None = None) -> bool:
    """Whether an element with these attributes is published as written, its text and
    attributes never sent to translators or machine translation: the HTML standard's
    ``translate="no"``, Google's ``class="notranslate"``, an embedded post's class, or a
    ``lang`` naming another language than the article's (``lang``; by default the one
    :func:`article_language` set). Languages compare by their first subtag (``az-Latn`` is ``az``)."""
    article = (_ARTICLE_LANG.get() if lang is None else lang).split("-")[0].split("_")[0].lower()
    for name, value in attrs:
        name, value = name.lower(), (value or "").strip()
        if name == "translate" and value.lower() == "no":
            return True
        if name == "class" and any(word == "notranslate" or word in EMBED_CLASSES
                                   for word in value.lower().split()):
            return True
        if name == "lang" and value and article and value.split("-")[0].split("_")[0].lower() != article:
            return True
    return False


#: An HTML attribute (``name``, ``name=value``, quoted or not) and a start tag: its name, its attributes.
_ATTRIBUTES = re.compile(r"([A-Za-z_:][\w.:-]*)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][\w.:-]*"
                        r"(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>")


def kept_elements(text: str, lang: str | None = None) -> list[Region]:
    """Inline HTML elements of ``text`` kept as written (see :func:`kept_as_written`), each
    from its start tag to its matching end tag (nested ones of the same name counted); an
    element left open runs to the end of ``text``, a void one is its tag."""
    if "<" not in text:
        return []
    found: list[Region] = []
    at = 0
    while (match := _START_TAG.search(text, at)) is not None:
        if not kept_as_written(_attributes(match.group(2)), lang):
            at = match.end()
            continue
        name = match.group(1).lower()
        void = name in VOID_ELEMENTS or match.group(0).endswith("/>")
        end = match.end() if void else _end_of(text, name, match.end())
        found += _without_translated_parts(text, match.start(), match.end(), end, lang)
        at = end
    return found


def _without_translated_parts(text: str, start: int, content_start: int, end: int,
                              lang: str | None) -> list[Region]:
    """The kept element at ``text[start:end]`` (content from ``content_start``) less the
    content of the elements inside it marked ``translate="yes"``, which the HTML standard makes
    translatable again (``<span translate="no">Bakı Limanı <b translate="yes">port</b></span>``):
    the parts before, between and after them, and what is kept inside them in turn."""
    found: list[Region] = []
    at = content_start
    while (match := _START_TAG.search(text, at, end)) is not None:
        at = match.end()
        name = match.group(1).lower()
        if not _translated_again(_attributes(match.group(2))) or name in VOID_ELEMENTS \
                or match.group(0).endswith("/>"):
            continue
        close_start, close_end = _end_tag_of(text, name, match.end(), end)
        found.append(Region(start, match.end(), RegionKind.HTML))
        found += [Region(region.start + match.end(), region.end + match.end(), region.kind)
                  for region in kept_elements(text[match.end():close_start], lang)]
        start = close_start
        at = close_end
    found.append(Region(start, end, RegionKind.HTML))
    return found


def _translated_again(attrs: Iterable[tuple[str, str | None]]) -> bool:
    """Whether an element's attributes say ``translate="yes"`` (the last one counts)."""
    values = [(value or "").strip().lower() for name, value in attrs if name.lower() == "translate"]
    return values[-1:] == ["yes"]


def _attributes(attributes: str) -> list[tuple[str, str | None]]:
    """The (name, value) pairs of a start tag's attributes (``_START_TAG``'s second group)."""
    return [(m.group(1), next((g for g in m.group(2, 3, 4) if g is not None), None))
            for m in _ATTRIBUTES.finditer(attributes)]


def _end_of(text: str, name: str, at: int) -> int:
    """Where the element ``name`` opened before ``at`` ends (after its matching end tag)."""
    return _end_tag_of(text, name, at, len(text))[1]


def _end_tag_of(text: str, name: str, at: int, limit: int) -> tuple[int, int]:
    """Where the matching end tag of the element ``name`` opened before ``at`` starts and ends,
    or (``limit``, ``limit``) when it is not closed before ``limit``."""
    tags = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^<>]*>", re.IGNORECASE)
    depth = 1
    for tag in tags.finditer(text, at, limit):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start(), tag.end()
    return limit, limit


#: A shortcode's name (``{{< quote``, ``{{% pullquote``; a path such as ``blog/quote`` too;
#: never a closing tag's ``/quote``) and a Liquid or Nunjucks tag's (``{%- include``).
_GO_TAG_NAME = re.compile(r"\{\{[<%][ \t\n]*(?P<name>[\w.-]+(?:/[\w.-]+)*)(?=[\s>%/]|$)")
_HTML_TAG_NAME_AT = re.compile(r"\{%-?[ \t\n]*(?P<name>\w+)(?=\s|-?%\}|$)")
#: Liquid's tags whose first argument names the template they include: the project names
#: that file (``callout.html``) in ``text_arguments``, not ``include``.
_INCLUDE_TAGS = ("include", "include_relative")
#: One argument of a tag: ``name=`` before it makes it a named one. A Hugo value is
#: ``"..."`` (no line break), a raw ``` `...` ``` or a bare word; a Liquid or Nunjucks one
#: ``"..."``, ``'...'`` or a bare word.
_GO_TOKEN = re.compile(r"(?P<key>[\w.-]+[ \t]*=[ \t]*)?"
                       r"(?:\"(?P<double>(?:[^\"\\\n]|\\.)*)\"|`(?P<backtick>[^`]*)`|(?P<bare>[^\s\"`]+))")
_HTML_TOKEN = re.compile(r"(?P<key>[\w.-]+[ \t]*=[ \t]*)?"
                         r"(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'|(?P<bare>[^\s\"']+))")
_TAG_END = {"go": re.compile(r"[ \t\n]*/?[ \t\n]*[>%]\}\}\Z"), "html": re.compile(r"[ \t\n]*-?%\}\Z")}
_SPACE = re.compile(r"[ \t\n]*")


def _positional_arguments(text: str, region: Region, flavour: str, setting: TextArguments) -> list[TagArgument]:
    """The quoted positional arguments of the tag at ``region`` whose positions ``setting``
    gives for its name (a bare word is not taken: a translation of two words would be two
    arguments). A tag whose arguments cannot be told apart (``"a""b"``) gives none."""
    head = (_GO_TAG_NAME if flavour == "go" else _HTML_TAG_NAME_AT).match(text, region.start, region.end)
    closing = _TAG_END[flavour].search(text, region.start, region.end)
    if head is None or closing is None:
        return []
    name, at, end = head.group("name"), head.end(), closing.start()
    tokens = _argument_tokens(text, at, end, _GO_TOKEN if flavour == "go" else _HTML_TOKEN)
    if flavour == "html" and name in _INCLUDE_TAGS and tokens and tokens[0].group("key") is None:
        first = tokens.pop(0)
        name = next((value for value in first.groups()[1:] if value is not None), "")
    wanted = setting.get(name)
    if not wanted:
        return []
    found = []
    for position, token in enumerate((token for token in tokens if token.group("key") is None), 1):
        group = next((group for group in _QUOTINGS if token.groupdict().get(group) is not None), None)
        if position in wanted and group is not None:
            argument = _text_argument(text, token, group, flavour, region)
            if argument is not None:
                found.append(argument)
    return found


def _argument_tokens(text: str, at: int, end: int, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """The arguments in ``text[at:end]``, each after white space, or none when one is not."""
    tokens = []
    while True:
        space = _SPACE.match(text, at, end)
        assert space is not None
        if space.end() >= end:
            return tokens
        token = pattern.match(text, space.end(), end)
        if token is None or space.end() == at:
            return []
        tokens.append(token)
        at = token.end()


def link_targets(text: str, skip: list[Region] | None = None) -> list[Region]:
    """The ``(destination "title")`` part of inline links and images, parentheses included."""
    regions: list[Region] = []
    occupied = _Occupied(skip or [], len(text))
    start = text.find("](")
    while start != -1:
        if not occupied.overlaps(start, start + 1):
            end = _matching_paren(text, start + 1)
            if end is not None:
                regions.append(Region(start + 1, end + 1, RegionKind.LINK_TARGET))
                start = text.find("](", end)
                continue
        start = text.find("](", start + 2)
    return regions


def protected_regions(text: str) -> list[Region]:
    """Every non-prose region of ``text``, sorted and non-overlapping.

    Code spans win over everything (a URL inside backticks is code), then template tags
    (a shortcode's quoted arguments are not quotations), then link targets, autolinks and
    HTML tags, then bare URLs in the remaining prose.
    """
    return list(_protected(text))


@lru_cache(maxsize=_CACHE_SIZE)
def _protected(text: str) -> tuple[Region, ...]:
    """:func:`protected_regions` as an immutable, cached tuple.

    Most segments are plain prose: without a backtick, a ``<``, a ``](``, a ``/`` (every URL and
    every domain with a path has one) or a ``www.`` (the only characters that case-fold to "w"
    are w and W), a ``{`` or a ``++`` (a key combination, ``++ctrl+c++``: code) there is nothing
    to find, and that test is a few substring searches instead of six regex passes.
    """
    if "`" not in text and "<" not in text and "](" not in text and "/" not in text \
            and "www." not in text.lower() and "{" not in text and not ("[" in text and "=" in text) \
            and "++" not in text and "[[" not in text and "%%" not in text and "^" not in text:
        return ()
    regions = code_spans(text)
    if "++" in text:
        occupied = _Occupied(regions, len(text))
        regions += [Region(m.start(), m.end(), RegionKind.CODE) for m in _KEY_COMBINATION.finditer(text)
                    if not occupied.overlaps(m.start(), m.end())]
    regions += template_tags(text, regions)
    regions += wp_shortcodes(text, regions)
    regions += wikilinks(text, regions)
    regions += html_comments(text, regions)
    for marker, pattern, kind in (("{::comment}", _KRAMDOWN_COMMENT, RegionKind.COMMENT),
                                  ("%%", _OBSIDIAN_COMMENT, RegionKind.COMMENT),
                                  ("{/*", _MDX_COMMENT, RegionKind.COMMENT), ("{", _MDX_EXPRESSION, RegionKind.CODE)):
        if marker in text:
            occupied = _Occupied(regions, len(text))
            regions += [Region(m.start(), m.end(), kind) for m in pattern.finditer(text)
                        if not occupied.overlaps(m.start(), m.end())]
    regions += link_targets(text, regions)
    regions = _html_tags_around_templates(text, regions)
    for pattern, kind in ((_AUTOLINK, RegionKind.AUTOLINK), (_HTML_TAG, RegionKind.HTML)):
        occupied = _Occupied(regions, len(text))
        regions += [Region(m.start(), m.end(), kind) for m in pattern.finditer(text)
                    if not occupied.overlaps(m.start(), m.end())]
    if "{" in text:
        occupied = _Occupied(regions, len(text))
        regions += [Region(m.start(), m.end(), RegionKind.ATTRIBUTES) for m in _SPAN_ATTRIBUTES.finditer(text)
                    if not occupied.overlaps(m.start(), m.end())]
    if "^" in text and (block_id := _BLOCK_ID.search(text)) is not None \
            and not _Occupied(regions, len(text)).overlaps(block_id.start(), block_id.end()):
        regions.append(Region(block_id.start(), block_id.end(), RegionKind.ATTRIBUTES))
    occupied = _Occupied(regions, len(text))  # bare URLs found below never overlap each other
    for match in _URL.finditer(text):
        end = match.end()
        cut = text.find("[/", match.start(), end)  # a closing shortcode: [embed]https://…[/embed]
        if cut != -1:
            end = cut
        while end > match.start() and text[end - 1] in _URL_TRAILING:
            end -= 1
        if not occupied.overlaps(match.start(), end):
            regions.append(Region(match.start(), end, RegionKind.URL))
    return tuple(sorted(regions, key=lambda r: r.start))


_ATTRIBUTE = r"""(?:[#.][^\s{}#."'=]+|[A-Za-z_:][\w:.-]*=(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[^\s{}"']+)|-)"""
#: A span attribute list: kramdown's (``[more](a.html){:target="_blank"}``, ``*new*{: .highlight}``)
#: and Pandoc's, Quarto's and Goldmark's (``[small caps]{.smallcaps}``, ``![Map](m.png){width=50%}``,
#: a caption's ``{#tbl:fields}``): the site's markup, whose quotes are no quotation marks. Braces
#: holding anything else (``{2024}``, ``{city}``), or escaped (``\{#x}``), are text.
SPAN_ATTRIBUTES_PATTERN = (r"(?<!\\)(?:\{:[^{}\n]*\}|\{[ \t]*" + _ATTRIBUTE + r"(?:[ \t]+" + _ATTRIBUTE
                           + r")*[ \t]*\})")
_SPAN_ATTRIBUTES = re.compile(SPAN_ATTRIBUTES_PATTERN)


#: A character reference (``&ldquo;``, ``&#8220;``, ``&#x201C;``), as CMS exports write
#: quotation marks, dashes and no-break spaces in prose.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_references(text: str, only: frozenset[str] | None = None) -> str:
    """``text`` with the character references of its prose written as the characters they
    stand for, for the checks that read prose (quotations, speakers, numbers): ``&ldquo;``
    is a quotation mark to a reader, ``&#8220;`` no number and ``3&nbsp;500`` one number.

    References in code, tags and URLs stay as written, and so does one standing for ASCII
    punctuation other than a quotation mark (``&lt;``, ``&amp;``, ``&#124;``, ``&#96;``),
    which would make markup of prose (a tag, a table cell's end, a code span). ``only``: the
    characters to write out (the others' references stay as written)."""
    if "&" not in text:
        return text
    regions = _protected(text)
    occupied = _Occupied(list(regions), len(text))

    def decoded(match: re.Match[str]) -> str:
        character = html.unescape(match.group())
        if len(character) != 1 or (only is not None and character not in only) \
                or occupied.overlaps(match.start(), match.end()):
            return match.group()
        if character.isascii() and not (character.isalnum() or character in "\"' "):
            return match.group()
        return match.group() if character < " " or "\x7f" <= character < "\xa0" else character

    return _CHARACTER_REFERENCE.sub(decoded, text)


_HTML_TAG_NAME = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*")


def _html_tags_around_templates(text: str, regions: list[Region]) -> list[Region]:
    """``regions`` where an HTML tag holds template tags in its attributes (``<a href="{{< ref
    "about.md" >}}">``, ``<img src="{{ .Site.Params.logo }}" alt="...">``): the HTML tag is one
    region, the templates in it none of their own. Found among the templates alone, the
    tag's name, attribute names and quotes would be prose to machine translation."""
    templates = [r for r in regions if r.kind is RegionKind.TEMPLATE]
    if not templates or "<" not in text:
        return regions
    masked = _blank(text, tuple(templates), "x")
    for match in _HTML_TAG.finditer(masked):
        start, end = match.span()
        name = _HTML_TAG_NAME.match(text, start)
        if name is None or name.end() != _HTML_TAG_NAME.match(masked, start).end():  # type: ignore[union-attr]
            continue
        inner = [r for r in templates if start < r.start and r.end <= end]
        others = [r for r in regions if r not in inner]
        if inner and not _overlaps(start, end, others):
            regions = others + [Region(start, end, RegionKind.HTML)]
    return regions


def blank_out(text: str, regions: list[Region] | None = None, fill: str = " ") -> str:
    """``text`` with protected regions replaced by ``fill`` characters (same length).

    Keeping offsets unchanged lets callers run prose regexes and map hits straight back.
    """
    if regions is None:
        return _blanked(text) if fill == " " else _blank(text, _protected(text), fill)
    return _blank(text, regions, fill)


@lru_cache(maxsize=_CACHE_SIZE)
def _blanked(text: str) -> str:
    """The default :func:`blank_out`, cached: names, numbers and glossary terms of one
    segment are all looked up in the same blanked text."""
    return _blank(text, _protected(text), " ")


def _blank(text: str, regions: tuple[Region, ...] | list[Region], fill: str) -> str:
    if not regions:
        return text
    chars = list(text)
    for region in regions:
        chars[region.start:region.end] = fill * (region.end - region.start)
    return "".join(chars)


def urls(text: str) -> list[str]:
    """Link destinations, autolink targets and bare URLs of ``text``, in order."""
    found: list[str] = []
    for region in _protected(text):
        body = region.text(text)
        if region.kind is RegionKind.LINK_TARGET:
            found.append(_destination(body[1:-1]))
        elif region.kind is RegionKind.AUTOLINK:
            found.append(body[1:-1])
        elif region.kind is RegionKind.URL:
            found.append(body)
        elif region.kind is RegionKind.WIKILINK and (target := wikilink_target(body)) is not None:
            found.append(target)
    return found


def _destination(inner: str) -> str:
    """The destination of a link target's inside, without its optional title."""
    inner = inner.strip()
    if inner.startswith("<"):
        return inner[1:inner.find(">")] if ">" in inner else inner
    return inner.split()[0] if inner.split() else ""


#: How deep parentheses may nest in a link destination: markdown-it gives up on a deeper
#: one (it is no link then), and so does the scan, which otherwise read to the end of the
#: text from each of a line of unclosed ``](`` (quadratic: 4,000 took 116 s).
_MAX_PAREN_DEPTH = 32


def _matching_paren(text: str, open_index: int) -> int | None:
    depth = 0
    quote: str | None = None
    for match in _PAREN_EVENT.finditer(text, open_index):
        i = match.start()
        char = text[i]
        if _escaped(text, i):
            continue
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'" and depth == 1 and i > open_index and text[i - 1].isspace():
            quote = char
        elif char == "(":
            depth += 1
            if depth > _MAX_PAREN_DEPTH + 1:  # (the link's own parenthesis is one more)
                return None
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _overlaps(start: int, end: int, regions: list[Region]) -> bool:
    return any(r.start < end and start < r.end for r in regions)


class _Occupied:
    """The characters that some regions cover, one flag each.

    Checking every match of a pass against a list of regions was quadratic: a paragraph of
    3,000 links took a sync 30 s. Here each check costs the length of the match.
    """

    def __init__(self, regions: Iterable[Region], length: int) -> None:
        self._flags = bytearray(length)
        for region in regions:
            self._flags[region.start:region.end] = b"\x01" * (region.end - region.start)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self._flags[start:end]
