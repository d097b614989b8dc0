"""A rule-based sentence splitter for the newsroom's languages (en, ru, az).

MT models are trained on sentences: a whole paragraph sent as one input is translated
worse and is more likely to be truncated or to loop. Argos' own splitters download
models at run time (MiniSBD, Stanza, spaCy), which this pipeline must never do, so the
splitter is ours: a boundary is a terminator (``.``, ``!``, ``?``, ``…``) followed by
optional closing quotes/brackets, whitespace and something that starts a sentence
(an upper-case letter, a digit, an opening quote or a dash starting dialogue).
Abbreviations, initials and decimals are the exceptions the language tables handle.

Splitting never loses a byte: ``"".join(split_sentences(text, lang)) == text``. Each
piece is a sentence followed by the whitespace after it, so a translated paragraph is
reassembled with the source's own separators. Placeholder tokens (``⟦1⟧``) are treated
as transparent, so the splitter works on protected text too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lexicon import is_initial

#: Abbreviations after which a sentence never ends (titles, "e.g.", "т.е.", street names, the
#: locators of citations: "p. 4", "chap. 1"; the language a name is given in: "(азерб. Bakı)").
_NEVER_FINAL: dict[str, frozenset[str]] = {
    "en": frozenset(
        """mr mrs ms dr prof st sr jr gen sen rep gov lt col capt sgt maj cmdr adm pres
        supt rev hon messrs mt ft fr e.g i.e cf vs approx dept est fig figs no nos vol vols
        p pp ch chap bk pt par fol sec art para ca u.s u.k u.n e.u d.c u.s.a jan feb mar apr jun jul aug sep
        sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ave blvd rd""".split()
    ),
    "ru": frozenset(
        """т.е т.к т.н т.о т.ч т.е. им ул пр просп пер пл наб б-р д кв корп стр обл
        р-н пос дер ст им. см напр рис табл гл ср разд проф акад доц чл.-корр ген
        полк подп кап св г-н г-жа тов ок прибл мин зам пред тел янв фев февр мар апр
        авг сен сент окт ноя нояб дек азерб англ франц фр итал исп греч укр арм каз узб""".split()
    ),
    "az": frozenset(
        """prof dos akad dr müəl küç pr prosp ş r q k m.ə məs bax səh s c cən xan
        tel nöm b.e e.ə ak yan fev mar apr iyn iyl avq sen sent okt noy dek""".split()
    ),
}
#: Abbreviations that end a sentence when the next word starts with a capital letter:
#: "etc.", "и т. д.", "2020 г." (year), "5 млн." (amounts), "və s.".
_MAY_END: dict[str, frozenset[str]] = {
    "en": frozenset("etc inc ltd co corp plc llc bros a.m p.m al".split()),
    "ru": frozenset("т.д т.п др пр г гг в вв млн млрд тыс руб коп долл евро трлн чел сек".split()),
    "az": frozenset("s b və.s mln mlrd min man il əsr".split()),
}
#: Two-word abbreviations written with a space ("т. е.", "и т. д.", "və s."): the
#: first word's dot never ends a sentence when followed by the second part.
_SPACED_PAIRS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (),
    "ru": (("т", "е"), ("т", "к"), ("т", "д"), ("т", "п"), ("т", "н"), ("т", "о"), ("т", "ч")),
    "az": (("b", "e"), ("e", "ə"), ("m", "ə")),
}
#: Second parts of spaced abbreviations that may end a sentence ("и т. д.", "и т. п.").
_SPACED_MAY_END: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (),
    "ru": (("т.", "д"), ("т.", "п")),
    "az": (("və", "s"), ("və", "b")),
}

_PH = r"(?:⟦\s*\d+\s*⟧|<\s*[xX]\d+\s*/?>)"
_CLOSERS = r"(?:[)\]\"'”’»›*_~]|" + _PH + r")*"
_BOUNDARY = re.compile(r"(?:\.{3}|[.!?…]+)" + _CLOSERS + r"(?P<space>\s+)")
_OPENERS = re.compile(r"(?:[(\[\"'“‘«‹„*_~]|" + _PH + r")*")
_WORD_BEFORE = re.compile(r"([\w.\-]+)\.$")
_NON_SPACE = re.compile(r"\S+")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Piece:
    """A sentence with the whitespace around it, as it sits in the text."""

    lead: str
    body: str
    trail: str

    def __str__(self) -> str:
        return self.lead + self.body + self.trail


def split_sentences(text: str, lang: str) -> list[str]:
    """Split ``text`` into sentences; each piece keeps the whitespace that follows it.

    ``"".join(split_sentences(text, lang)) == text`` always holds.
    """
    if not text:
        return []
    cuts = sorted(set(_boundaries(text, _base_lang(lang))))
    pieces, start = [], 0
    for cut in cuts:
        if start < cut < len(text):
            pieces.append(text[start:cut])
            start = cut
    pieces.append(text[start:])
    return pieces


def split_pieces(text: str, lang: str) -> list[Piece]:
    """Like :func:`split_sentences`, with each piece's leading/trailing whitespace apart."""
    result = []
    for piece in split_sentences(text, lang):
        body = piece.strip()
        if not body:
            result.append(Piece(piece, "", ""))
            continue
        lead_end = piece.index(body)
        result.append(Piece(piece[:lead_end], body, piece[lead_end + len(body):]))
    return result


def _base_lang(lang: str) -> str:
    base = lang.replace("-", "_").split("_")[0].lower()
    return base if base in _NEVER_FINAL else "en"


def _boundaries(text: str, lang: str) -> list[int]:
    cuts = [m.end() for m in _PARAGRAPH.finditer(text)]
    for match in _BOUNDARY.finditer(text):
        if _is_boundary(text, match, lang):
            cuts.append(match.end())
    return cuts


def _is_boundary(text: str, match: re.Match[str], lang: str) -> bool:
    """Whether the candidate ``match`` ends a sentence. Every look at the text around it is
    by index: copying or splitting what comes before or after at each candidate made a long
    paragraph quadratic (5,000 sentences: 8 s)."""
    after = match.end()
    start_kind = _sentence_start(text, after)
    if start_kind is None:
        return False
    terminator = text[match.start()]
    if terminator == "…" or text[match.start():match.start() + 3] == "...":
        return start_kind == "upper"
    if terminator != ".":
        return True
    word = _word_before(text, match.start() + 1)
    if not word:
        return True
    return _period_ends_sentence(word, text, match.start(), after, start_kind, lang)


#: Currency abbreviations that a country's acronym may follow ("долл. США", "руб. РФ").
_CURRENCY_UNITS = frozenset({"долл", "руб"})


def _sentence_start(text: str, index: int) -> str | None:
    """What the text from ``index`` on (after a candidate boundary) starts with: "upper",
    "digit" or None."""
    rest = _OPENERS.match(text, index).end()  # type: ignore[union-attr]
    if rest == len(text):
        return None
    first = text[rest]
    if first.isupper():
        return "upper"
    if first.isdigit():
        return "digit"
    if first in "—–" and text[rest + 1:rest + 2] == " " and _word_after(text, rest + 2)[:1].isupper():
        return "upper"  # a dialogue line: "— Кто там?"; "— сказал он" continues
    return None


def _word_after(text: str, index: int) -> str:
    """The first whitespace-delimited word of ``text`` from ``index`` on ("" if none)."""
    match = _NON_SPACE.search(text, index)
    return match.group() if match else ""


def _words_before(text: str, end: int, count: int) -> list[str]:
    """The last ``count`` whitespace-delimited words of ``text[:end]`` (fewer near the start),
    as ``text[:end].split()[-count:]`` gives them, found by stepping back from ``end``."""
    words: list[str] = []
    index = max(end, 0)
    while len(words) < count:
        while index > 0 and text[index - 1].isspace():
            index -= 1
        if index == 0:
            break
        start = index
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        words.append(text[start:index])
        index = start
    return words[::-1]


def _word_before(text: str, end: int) -> str:
    """The word whose final dot is at ``end - 1``, without opening quotes or brackets."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:end].lstrip("([\"'“‘«„*_~")
    word = re.sub(_PH, "", word)
    match = _WORD_BEFORE.search(word)
    return match.group(1) if match else ""


def _period_ends_sentence(word: str, text: str, dot: int, after: int, start_kind: str, lang: str) -> bool:
    """Whether the period at ``dot``, ending ``word``, ends a sentence; the next one would
    start at ``after``."""
    key = word.lower().rstrip(".")
    next_word = _word_after(text, after).strip("\"'«“„(").rstrip(".,")
    if is_initial(word) and start_kind == "upper":
        return False
    if any(key == first and next_word.lower() == second for first, second in _SPACED_PAIRS[lang]):
        return False
    previous = _words_before(text, dot - len(word), 1) or [""]
    if any(previous[0].lower() == first and key == second for first, second in _SPACED_MAY_END[lang]):
        return start_kind == "upper"
    if key in _NEVER_FINAL[lang] or key in _NEVER_FINAL["en"] and lang != "en" and len(key) > 2:
        return False
    if key in _MAY_END[lang]:
        if key in _CURRENCY_UNITS and next_word.isupper() and 2 <= len(next_word) <= 5:
            return False  # "10 долл. США за штуку": the acronym names the currency
        return start_kind == "upper" and _after_number_or_phrase(_words_before(text, dot + 1, 2), key, lang)
    if re.fullmatch(r"(?:\w\.)+\w", key):
        return start_kind == "upper" and key in _MAY_END["en"]
    if key.isdigit() and start_kind == "digit":
        return True
    return True


def _after_number_or_phrase(last_words: list[str], key: str, lang: str) -> bool:
    """Russian/Azerbaijani unit abbreviations end a sentence only after a number
    ("в 2020 г. Он…"); before a name they are a prefix ("г. Москва"). ``last_words`` are the
    last two words up to the abbreviation's dot."""
    if lang == "en" or key in ("т.д", "т.п", "др", "s", "b", "və.s"):
        return True
    previous = last_words[-2] if len(last_words) >= 2 else ""
    if previous.endswith(".") and previous.lower().rstrip(".") in _MAY_END[lang]:
        return True  # "3,5 млн. руб. Он…"
    return bool(re.search(r"\d|^[IVXLC]+$", previous))
