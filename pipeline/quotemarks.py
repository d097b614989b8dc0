"""Quotation marks: find and pair them, and rewrite them in another language's style.

Why this module exists: machine translation keeps the source's marks (or emits ASCII
``"``), so a Russian translation of an English article comes back with “…” instead of
«…», and nested quotes end up with the wrong pair. Fixing that needs a scanner that tells
a quotation mark from an apostrophe (Azerbaijan's, won't, O'Brien, rock 'n' roll, ’90s,
Azerbaijani Ali'nin) and that leaves code spans, URLs and link targets alone.

Which marks a language uses is data, not a guess: the table in
``pipeline/data/quotation_delimiters.json`` is the ``<delimiters>`` element
(``quotationStart``, ``quotationEnd``, ``alternateQuotationStart``,
``alternateQuotationEnd``) of ``common/main/<locale>.xml`` in Unicode CLDR 41, taken from
Debian's ``unicode-cldr-core`` 41-0.1 package (``/usr/share/unicode/cldr/common/main/``).
Babel ships CLDR too, but its compiled locale data leaves the delimiters out (``babel.
localedata.load('ru')`` has no such key), hence the small extract. To refresh it from a
newer CLDR checkout, run :func:`read_cldr_delimiters` over ``common/main/<locale>.xml``
for each locale in the JSON and write the values back under ``locales``.

Primary marks are used at even nesting depth (0, 2, …) and alternate marks at odd depth:
English “…‘…’…”, Russian «…„…“…», Azerbaijani (CLDR) “…‘…’…”.
"""

from __future__ import annotations

import enum
import json
import re
import unicodedata
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable

from pipeline.inline import Region, decode_references, protected_regions


class Family(str, enum.Enum):
    """Marks of one family can pair with each other (“ with ”, „ with “, " with ")."""

    DOUBLE = "double"
    SINGLE = "single"
    ANGLE = "angle"
    SINGLE_ANGLE = "single angle"


_FAMILY = {
    '"': Family.DOUBLE, "“": Family.DOUBLE, "”": Family.DOUBLE, "„": Family.DOUBLE,
    "‟": Family.DOUBLE, "'": Family.SINGLE, "‘": Family.SINGLE, "’": Family.SINGLE,
    "‚": Family.SINGLE, "‛": Family.SINGLE, "«": Family.ANGLE, "»": Family.ANGLE,
    "‹": Family.SINGLE_ANGLE, "›": Family.SINGLE_ANGLE,
}
#: Every character the scanner considers a possible quotation mark.
QUOTE_CHARS = frozenset(_FAMILY)
_OPEN_ONLY = frozenset("„‟‚‛«‹")
_CLOSE_ONLY = frozenset("»›")
_TRANSPARENT = frozenset("*_~")
_OPENING_CONTEXT = frozenset("([{<—–-/‒")
_CLOSING_CONTEXT = frozenset(".,;:!?)]}>…—–-/‒")
_HARD_CLOSING = frozenset(".,;:!?)]}>")
#: Which closing marks may end a quotation opened by each mark (lenient on machine output).
_CLOSERS = {
    "«": "»”\"", "„": "“”\"", "“": "”\"“»", '"': '"”»“', "‟": "”\"", "”": "”\"",
    "‘": "’'‘", "'": "'’", "‚": "‘’", "‛": "’'", "’": "’'", "‹": "›",
}
#: Digits after an apostrophe that stand for a decade or a year ('90s, ’24, '24-cü): what a
#: left single quotation mark followed by a digit must look like to be such an apostrophe.
_DECADE = re.compile(r"\d\d(?:s\b|['’\-]|\b(?!\s*\w))")
_ELISIONS = ("n", "em", "til", "cause", "tis", "twas", "bout", "round", "nuff", "cos")
#: Any possible quotation mark: the scanner jumps from one to the next instead of looking
#: at every character, and a segment without any needs no scan at all.
_CANDIDATE = re.compile("[" + re.escape("".join(_FAMILY)) + "]")
#: How many (text, language) scans stay cached: the annotation, the checks and the
#: localisation of one segment all scan the same text.
_SCAN_CACHE_SIZE = 8192


@dataclass(frozen=True)
class Mark:
    """One quotation-mark candidate at ``index`` and what its context allows it to do."""

    index: int
    char: str
    can_open: bool
    can_close: bool
    weak: bool = False  # a closing single after "s": maybe a plural possessive apostrophe

    @property
    def family(self) -> Family:
        return _FAMILY[self.char]


@dataclass(frozen=True)
class QuoteSpan:
    """A paired quotation in one text: ``text[start]`` opens it, ``text[end - 1]`` closes it."""

    start: int
    end: int
    open_mark: str
    close_mark: str
    depth: int

    def inner(self, text: str) -> str:
        """The quoted words, without the marks."""
        return text[self.start + len(self.open_mark):self.end - len(self.close_mark)]


@dataclass(frozen=True)
class QuoteScan:
    """Paired quotations of a text and the double/angle openers left open at its end.

    An opener still open at the end of a paragraph is how a quotation that runs over
    several paragraphs looks from inside one of them (or a dropped closing mark).
    """

    spans: tuple[QuoteSpan, ...]
    unclosed: tuple[Mark, ...]

    def depth_of(self, index: int) -> int:
        """How many quotations (closed or still open) enclose position ``index``."""
        closed = sum(1 for s in self.spans if s.start < index < s.end - 1)
        return closed + sum(1 for m in self.unclosed if m.index < index)


_EMPTY_SCAN = QuoteScan((), ())


@dataclass(frozen=True)
class Delimiters:
    """A language's quotation marks (CLDR ``delimiters``)."""

    start: str
    end: str
    alt_start: str
    alt_end: str

    def for_depth(self, depth: int) -> tuple[str, str]:
        """Primary marks at even depth, alternate marks at odd depth."""
        return (self.start, self.end) if depth % 2 == 0 else (self.alt_start, self.alt_end)


def scan_quotes(text: str, lang: str | None = None) -> QuoteScan:
    """Pair the quotation marks of ``text``; apostrophes and protected regions are skipped.

    ``lang`` says whose conventions the text follows: where the language closes quotes
    with “ (Russian „…“, German, Georgian) a “ after a word may close a quotation;
    elsewhere it only closes one opened by „, unless the text has no ” at all (machine
    output such as “Hello“). Without ``lang`` the scan is lenient.
    """
    return _scan(text, lang)


@lru_cache(maxsize=_SCAN_CACHE_SIZE)
def _scan(text: str, lang: str | None) -> QuoteScan:
    """:func:`scan_quotes`, cached (a ``QuoteScan`` is immutable, so it can be shared)."""
    marks = find_marks(text)
    if not marks:
        return _EMPTY_SCAN
    ldquo_closes = lang is None or "”" not in text \
        or "“" in (delimiters(lang).end, delimiters(lang).alt_end)
    spans: list[tuple[Mark, Mark]] = []
    stack: list[Mark] = []
    for position, mark in enumerate(marks):
        if mark.can_close:
            left_open = list(stack)
            if _close(marks, position, stack, spans, ldquo_closes):
                if lang == "az":
                    spans += _suffixed_closers(text, left_open[len(stack) + 1:], mark.index)
                continue
        if mark.can_open:
            stack.append(mark)
    unclosed = tuple(m for m in stack if m.family in (Family.DOUBLE, Family.ANGLE))
    return QuoteScan(_with_depths(spans), unclosed)


def find_marks(text: str) -> list[Mark]:
    """Quotation-mark candidates of ``text`` (apostrophes and marks in code/URLs left out).

    Each candidate is classified first: most are apostrophes (Azerbaijan's) that need no
    look at the protected regions, which are only computed once a real mark turns up.
    """
    marks = []
    regions: list[Region] | None = None
    run = (0, 0)  # the run of marks and emphasis the last candidate stood in
    for match in _CANDIDATE.finditer(text):
        index = match.start()
        if _escaped(text, index):
            continue
        if not run[0] <= index < run[1]:
            run = _run_around(text, index)
        mark = _classify(text, index, text[run[0] - 1] if run[0] else None,
                         text[run[1]] if run[1] < len(text) else None)
        if mark is None:
            continue
        if regions is None:
            regions = protected_regions(text)
        if not _in_regions(index, regions):
            marks.append(mark)
    return marks


def localise_quotes(text: str, source_lang: str, target_lang: str, *,
                    marks: Delimiters | None = None) -> str:
    """Rewrite the quotation marks of ``text`` in ``target_lang``'s style, by nesting depth.

    ``source_lang`` is the language whose conventions the marks follow (for a machine
    translation: the source article's). Apostrophes, code spans, URLs and link targets are
    never touched; an opener left open at the end (a quotation continued in the next
    paragraph) gets the target's opening mark. ``marks`` overrides the CLDR delimiters,
    for a newsroom whose house style differs.
    """
    target = marks or delimiters(target_lang)
    scan = scan_quotes(text, source_lang)
    if not scan.spans and not scan.unclosed:
        return text  # most texts quote nobody: nothing to rewrite
    chars = list(text)
    for span in scan.spans:
        depth = span.depth + sum(1 for m in scan.unclosed if m.index < span.start)
        opening, closing = target.for_depth(depth)
        chars[span.start] = opening
        chars[span.end - 1] = closing
    for depth, mark in enumerate(scan.unclosed):
        chars[mark.index] = target.for_depth(depth)[0]
    return "".join(chars)


_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=_SCAN_CACHE_SIZE)
def normalise_quotes(text: str) -> str:
    """A comparison key: every quotation mark becomes ``"``, apostrophes ``'``, spaces one.

    Two texts that differ only in quote style (“…” vs «…» vs "…"), apostrophe style
    (’ vs ') or spacing get the same key; the translation memory uses it for look-ups.
    Code spans and URLs keep their characters. Cached: the divergence check and the
    memory ask for the same texts' keys over and over. Character references in prose are read
    first (``&ldquo;`` is “, ``&nbsp;`` a space): CMS exports write them for the same text.
    """
    if "&" in text:
        text = decode_references(text)
    scan = scan_quotes(text)
    quote_positions = {m.index for m in scan.unclosed}
    for span in scan.spans:
        quote_positions.update((span.start, span.end - 1))
    regions = protected_regions(text)
    chars = list(text)
    for match in _CANDIDATE.finditer(text):
        index = match.start()
        if _in_regions(index, regions):
            continue
        single = _FAMILY[chars[index]] is Family.SINGLE and index not in quote_positions
        chars[index] = "'" if single else '"'
    return _WHITESPACE.sub(" ", "".join(chars)).strip()


@lru_cache(maxsize=256)
def delimiters(lang: str) -> Delimiters:
    """The CLDR quotation delimiters of ``lang`` (``az``, ``ru``, ``en-GB``, ``az_Latn`` …).

    Falls back along the locale's parents to CLDR's root locale, as CLDR itself does.
    Cached: every scan and every quote-style check asks for the same few languages.
    """
    table = _delimiter_table()
    parts = lang.replace("-", "_").split("_")
    for size in range(len(parts), 0, -1):
        candidate = "_".join([parts[0].lower(), *parts[1:size]])
        if candidate in table:
            return table[candidate]
    return table["root"]


def house_style(marks: str, lang: str) -> Delimiters:
    """A newsroom's own quotation marks for ``lang`` (``[quotes]`` in pipeline.toml): two
    characters, the outer pair (quotations inside take CLDR's inner pair, or its outer one
    where the house style's outer pair is CLDR's inner: a British desk's ``‘’`` nests ``“”``),
    or four, the outer and then the inner pair (``«»„“``). Raises ValueError saying
    what is wrong: a mark the scanner cannot pair would never be read as a quotation."""
    if len(marks) not in (2, 4):
        raise ValueError(f"{marks!r} has {len(marks)} character(s): give the opening and closing "
                         "mark (2), or the outer pair and then the inner pair (4)")
    for opening, closing in (marks[0:2], marks[2:4]) if len(marks) == 4 else (marks,):
        if closing not in _CLOSERS.get(opening, ""):
            raise ValueError(f"{opening}…{closing} is not a pair of quotation marks the checks read")
    cldr = delimiters(lang)
    inner = marks[2:4] if len(marks) == 4 else cldr.alt_start + cldr.alt_end
    if inner == marks[:2]:
        inner = cldr.start + cldr.end
    return Delimiters(marks[0], marks[1], inner[0], inner[1])


def read_cldr_delimiters(path: str | Path) -> Delimiters | None:
    """Read the ``<delimiters>`` of one CLDR ``common/main/<locale>.xml`` file.

    Used to refresh ``pipeline/data/quotation_delimiters.json``; None when the locale
    inherits its delimiters from a parent.
    """
    element = ElementTree.parse(path).getroot().find("delimiters")
    if element is None:
        return None
    values = {child.tag: child.text or "" for child in element}
    return Delimiters(values["quotationStart"], values["quotationEnd"],
                      values["alternateQuotationStart"], values["alternateQuotationEnd"])


@lru_cache(maxsize=1)
def _delimiter_table() -> dict[str, Delimiters]:
    data = json.loads(resources.files("pipeline").joinpath("data", "quotation_delimiters.json")
                      .read_text(encoding="utf-8"))
    return {name: Delimiters(v["quotationStart"], v["quotationEnd"],
                             v["alternateQuotationStart"], v["alternateQuotationEnd"])
            for name, v in data["locales"].items()}


def _close(marks: list[Mark], position: int, stack: list[Mark],
           spans: list[tuple[Mark, Mark]], ldquo_closes: bool) -> bool:
    """Close the opener ``marks[position]`` belongs to, if any; True when it did."""
    closer = marks[position]
    target = _matching_opener(closer, stack, ldquo_closes)
    if target is None:
        return False
    if closer.weak and _later_single_closer(marks, position):
        return False
    spans.append((stack[target], closer))
    del stack[target:]
    return True


def _matching_opener(closer: Mark, stack: list[Mark], ldquo_closes: bool) -> int | None:
    """Index in ``stack`` of the opener ``closer`` closes: same family first, then
    double/angle mixed (machine output often pairs « with "); stray singles are skipped."""
    if closer.family in (Family.SINGLE, Family.SINGLE_ANGLE):
        return len(stack) - 1 if stack and stack[-1].family is closer.family else None
    lenient = {Family.DOUBLE, Family.ANGLE}
    for accept in ({closer.family}, lenient):
        for index in range(len(stack) - 1, -1, -1):
            opener = stack[index]
            if opener.family in accept and _pairs(opener.char, closer.char, ldquo_closes):
                return index
            if opener.family is not Family.SINGLE:
                break
    return None


def _pairs(opening: str, closing: str, ldquo_closes: bool) -> bool:
    """Whether a closing mark may end a quotation begun by ``opening``."""
    if closing == "“" and opening != "„" and not ldquo_closes:
        return False
    return closing in _CLOSERS.get(opening, "")


#: A closing single mark with an Azerbaijani case suffix written straight after it
#: (‘mükəmməl fırtına’dır): letters on both sides, so it reads as an apostrophe.
_SUFFIXED_CLOSER = re.compile(r"(?<=[^\W\d_])['’](?=[a-zəğıöüçşâ]{1,6}\b)")


def _suffixed_closers(text: str, dropped: list[Mark], limit: int) -> list[tuple[Mark, Mark]]:
    """Pairs for the single openers an enclosing quotation's closer left unclosed, each
    closed by the last suffixed mark before the next opener or ``limit``: in “Bu ‘mükəmməl
    fırtına’dır”, the ’ of ’dır ends the inner quotation (Gəncə'nin inside a quotation
    whose ‘ is closed elsewhere is never looked at)."""
    pairs = []
    ends = [mark.index for mark in dropped[1:]] + [limit]
    for opener, end in zip(dropped, ends):
        if opener.family is not Family.SINGLE:
            continue
        found = list(_SUFFIXED_CLOSER.finditer(text, opener.index + 1, end))
        if found:
            index = found[-1].start()
            pairs.append((opener, Mark(index, text[index], False, True)))
    return pairs


def _later_single_closer(marks: list[Mark], position: int) -> bool:
    """True when a later single mark can close the same quote before the quote around it
    ends: then this weak closer is an apostrophe (‘the students’ union’)."""
    for mark in marks[position + 1:]:
        if mark.family is Family.SINGLE:
            return mark.can_close
        if mark.can_close and not mark.can_open:
            return False
    return False


def _with_depths(pairs: list[tuple[Mark, Mark]]) -> tuple[QuoteSpan, ...]:
    ordered = sorted(pairs, key=lambda p: p[0].index)
    spans: list[QuoteSpan] = []
    open_ends: list[int] = []
    for opener, closer in ordered:
        while open_ends and open_ends[-1] <= opener.index:
            open_ends.pop()
        spans.append(QuoteSpan(opener.index, closer.index + 1, opener.char, closer.char,
                               len(open_ends)))
        open_ends.append(closer.index + 1)
    return tuple(spans)


def _classify(text: str, index: int, before: str | None, after: str | None) -> Mark | None:
    """The mark at ``index``, told by ``before`` and ``after``, the characters next to it
    beyond emphasis markers and other quotation marks (in “‘Hi’” the inner marks decide
    by the letters beyond); None for an apostrophe or a mark between spaces."""
    char = text[index]
    space_before = before is None or before.isspace() or before in _OPENING_CONTEXT \
        or unicodedata.category(before) == "Ps"
    space_after = after is None or after.isspace()
    if space_before and space_after:
        return None
    left = space_before and not space_after and after not in _HARD_CLOSING
    right = not space_before and (space_after or after in _CLOSING_CONTEXT
                                  or unicodedata.category(after) == "Pe")
    if _FAMILY[char] is Family.SINGLE:
        return _classify_single(text, index, before, after, left, right)
    if char in _OPEN_ONLY:
        return Mark(index, char, True, False)
    if char in _CLOSE_ONLY:
        return Mark(index, char, False, True)
    if char == "“":
        # Between two words it may also close: „Dədə Qorqud“un, a case suffix after a low-high
        # pair's closer (which only pairs with „, or where the language closes with “).
        return Mark(index, char, left or not right, right or not (left or space_before or space_after))
    if char == "”":
        return Mark(index, char, left, right or not left)
    both = not left and not right
    return Mark(index, char, left or both, right or both)


def _classify_single(text: str, index: int, before: str | None, after: str | None,
                     left: bool, right: bool) -> Mark | None:
    """Singles are apostrophes unless their context says otherwise."""
    char = text[index]
    if before is not None and after is not None and before.isalnum() and after.isalnum():
        return None
    if left and after.isdigit() and not (char == "‘" and not _DECADE.match(text, index + 1)):
        return None  # ’90s, '24: an apostrophe for dropped digits (but ‘25 may’ opens a quote)
    if left and _elision(text, index + 1):
        return None
    if left or char == "‚":
        return Mark(index, char, True, False)
    if right:
        return Mark(index, char, False, True, weak=before in ("s", "S", "z"))
    return None


def _elision(text: str, start: int) -> bool:
    """'n', 'em, 'til, 'cause … : a word-initial apostrophe standing for dropped letters."""
    for word in _ELISIONS:
        end = start + len(word)
        if text[start:end].lower() == word and (end >= len(text) or not text[end].isalpha()):
            return True
    return False


def _run_around(text: str, index: int) -> tuple[int, int]:
    """The run of emphasis markers and quotation marks around ``index``, as (start, end):
    the characters next to it are its marks' neighbours. Found once per run, as a line of
    a thousand closing marks asked for its end from each of them took seconds."""
    start, end = index, index + 1
    while start > 0 and (text[start - 1] in _TRANSPARENT or text[start - 1] in _FAMILY):
        start -= 1
    while end < len(text) and (text[end] in _TRANSPARENT or text[end] in _FAMILY):
        end += 1
    return start, end


def _in_regions(index: int, regions: list[Region]) -> bool:
    return any(r.start <= index < r.end for r in regions)


def _escaped(text: str, index: int) -> bool:
    return index > 0 and text[index - 1] == "\\" and not (index > 1 and text[index - 2] == "\\")


def quotes_postprocessor(*, marks: dict[str, Delimiters] | None = None, strict: bool = False
                         ) -> Callable[[str, str, str, str], tuple[str, list[str]]]:
    """A machine-translation post-processor: the output's quotation marks in the target
    language's style (see translate.py for the signature).

    Marks the engine dropped cannot be put back safely; the ``quote-count`` check flags
    them for the reviewer. With ``strict`` such outputs are rejected instead. ``marks``
    maps a language to house-style delimiters that override CLDR.
    """
    def postprocess(source: str, output: str, src_lang: str, tgt_lang: str
                    ) -> tuple[str, list[str]]:
        # A CMS export's &ldquo; or &#171;, which the engine keeps as written, is a mark too.
        output = decode_references(output, QUOTE_CHARS)
        fixed = localise_quotes(output, src_lang, tgt_lang, marks=(marks or {}).get(tgt_lang))
        if not strict:
            return fixed, []
        wanted, got = _count(scan_quotes(source, src_lang)), _count(scan_quotes(fixed))
        if wanted == got:
            return fixed, []
        return fixed, [f"quotes: the source has {wanted} quotation(s), the output {got}"]
    return postprocess


def _count(scan: QuoteScan) -> int:
    return len(scan.spans) + len(scan.unclosed)
