"""Numbers in running text, read the way each language writes them.

A translation must keep every figure of a news story, but not its spelling: English
360,000 is Russian 360 000 and Azerbaijani 360.000; English 2.5 is 2,5; "1.2 million"
is "1,2 млн". So numbers are compared by value. A translation may also keep the
source's notation (machine output often does), so it is read leniently: every value its
digits can stand for counts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import chain
from typing import Callable, Sequence, TypeVar

from pipeline.inline import blank_out

T = TypeVar("T")

#: A number not glued to a word or to another number's marks: 360,000, 360 000, 2.5, 2024;
#: after a full stop only where a letter ends there (an abbreviation: ч.3 ст.178, No.5).
#: The pattern starts with its first digit and only then looks behind it (``[\w.,]\d``:
#: the character before that digit), which is the same test as a look-behind in front, but
#: lets the regex engine jump from digit to digit instead of testing every character.
_NUMBER = re.compile(r"\d(?<![\w,]\d)(?:(?<!\.\d)|(?<=[^\W\d_]\.\d))(?:\d{0,2}(?:[\u00a0\u202f ]\d{3})+(?!\d)(?:,\d+)?"
                     r"|\d*(?:[.,]\d+)*)")
_DIGIT = re.compile(r"\d")
#: The word after a figure: after spaces, none, or a hyphen (a $1.5-billion loan, 2-milyonluq).
_NEXT_WORD = re.compile(r"(?:[\s\u00a0]*|-)([^\W\d_]+)")
_SCALES = (
    (("thousand", "thousands", "тыс", "тысяч", "тысяча", "тысячи", "min"), Decimal(10) ** 3),
    (("million", "millions", "mln", "mn", "млн", "миллион", "миллиона", "миллионов",
      "milyon", "mcm"), Decimal(10) ** 6),
    (("billion", "billions", "bn", "bln", "млрд", "миллиард", "миллиарда", "миллиардов",
      "milyard", "mlrd", "bcm"), Decimal(10) ** 9),
    (("trillion", "trillions", "трлн", "триллион", "триллиона", "триллионов", "trilyon", "trln",
      "tcm"), Decimal(10) ** 12),
)
#: Scale words that also name a unit (bcm: billion cubic metres, which a translation writes
#: out: 8,1 млрд кубометров); their scale is read, but they are kept as written rather than
#: rewritten as a bare scale word, which would lose the unit.
_UNIT_SCALES = frozenset({"mcm", "bcm", "tcm"})
_SCALE = {word: factor for words, factor in _SCALES for word in words}
_ONE = Decimal(1)
#: The scale words each language writes, by factor (thousand, million, billion, trillion).
_SCALE_WORDS = {"en": ("thousand", "million", "billion", "trillion"),
                "ru": ("тысяч", "млн", "млрд", "трлн"),
                "az": ("min", "milyon", "milyard", "trilyon")}
#: Which grouping and decimal marks each language writes (thousands, decimal).
_CONVENTIONS = {"en": ((",",), "."), "ru": (("\u00a0", "\u202f", " "), ","),
                "az": ((".",), ",")}
_ALL = (((",",), "."), ((".",), ","), (("\u00a0", "\u202f", " "), ","),
        (("\u00a0", "\u202f", " "), "."))


#: The spaces that group digits where a comma is the decimal mark (1 234,5), whatever
#: mark the language's own convention groups by.
_SPACE_GROUPS = ("\u00a0", "\u202f", " ")
#: A table cell holding one number alone: a sign, digits with grouping and decimal marks, a
#: percent sign (``3,5``, ``-1 234,5``, ``12,5 %``).
_NUMBER_CELL = re.compile(r"(?P<sign>[+\-\u2212]?)(?P<body>\d[\d.,\u00a0\u202f ]*\d|\d)(?P<suffix>[ \u00a0]?%)?")


def number_cell_in(cell: str, source: str, target: str) -> str | None:
    """A table cell holding one decimal number (``3,5`` in a Russian or Azerbaijani article)
    as ``target`` writes it (``3.5``), or None to keep the cell as written.

    Only a decimal mark no reader can take for grouping is rewritten: one followed by other
    than three digits (``3,5``, ``12,75``), after a zero (``0,125``) or after grouped digits
    (``1 234,5``, ``1.234,5``). ``3,500`` may be a decimal or an English-style thousand, and
    a whole number (``1.234``, ``1 234``) may be grouped either way: both stay as written.
    Only a comma is read as a decimal mark: an English ``2.1`` may be a section or a version,
    and a reader of a comma language reads a decimal point anyway."""
    conventions = _CONVENTIONS.get(_base(source)), _CONVENTIONS.get(_base(target))
    if conventions[0] is None or conventions[1] is None or conventions[0][1] != "," \
            or conventions[1][1] == ",":
        return None
    match = _NUMBER_CELL.fullmatch(cell)
    if match is None:
        return None
    (groups, decimal), (target_groups, target_decimal) = conventions  # type: ignore[misc]
    groups = (*groups, *_SPACE_GROUPS)  # 1 234,5: Azerbaijani statistics group by spaces too
    whole, mark, fraction = match.group("body").rpartition(decimal)
    if not mark or not fraction.isdigit() or not whole:
        return None
    grouping = "|".join(re.escape(g) for g in groups)
    grouped = re.fullmatch(rf"\d{{1,3}}(?:(?:{grouping})\d{{3}})+", whole)
    if not whole.isdigit() and (grouped is None or len({c for c in whole if not c.isdigit()}) != 1):
        return None
    if len(fraction) == 3 and grouped is None and whole != "0":
        return None  # 3,500: a decimal, or a thousand written the English way
    digits = re.sub(r"\D", "", whole)
    if grouped is not None:
        digits = f"{int(digits):,}".replace(",", target_groups[0])
    return f"{match.group('sign')}{digits}{target_decimal}{fraction}{match.group('suffix') or ''}"


def scale_word_in(word: str, source: str, target: str) -> str | None:
    """``word``, a scale word of ``source`` ("million", "млн"), as ``target`` writes that
    scale (one naming a unit too, "bcm", as written); None when it is none of ``source``'s
    (English "min" is minutes, not Azerbaijani thousands) or ``target`` has none here."""
    key = word.lower().rstrip(".")
    factor = _SCALE.get(key)
    words = _SCALE_WORDS.get(_base(target))
    if factor is None or words is None or _base(source) not in _scale_languages(key):
        return None
    if key in _UNIT_SCALES:
        return word
    return words[[f for _, f in _SCALES].index(factor)]


#: The scales a word after a figure may stand for in a language whose scale words are not
#: known here (12 bin, 4,2 Milliarden, 3 мільярди): its figure is read with each.
_UNREAD_FACTORS = tuple(Decimal(10) ** power for power in (3, 6, 9, 12))


#: Scale words Azerbaijani writes; "mln" is also English ("5 mln manat", "$5 mln").
_AZ_SCALE_WORDS = frozenset({"min", "milyon", "milyard", "trilyon", "mln", "mlrd", "trln"})


def _scale_languages(word: str) -> frozenset[str]:
    """The languages that write ``word`` as a scale word."""
    if any("а" <= ch <= "я" for ch in word):
        return frozenset({"ru"})
    if word == "mln":
        return frozenset({"az", "en"})
    return frozenset({"az"}) if word in _AZ_SCALE_WORDS else frozenset({"en"})


def _base(lang: str) -> str:
    return lang.replace("-", "_").split("_")[0].lower()


#: Segments are checked once per translation and per check that needs their figures.
_CACHE_SIZE = 16384


@dataclass(frozen=True)
class Number:
    """A number as written (``text[start:end]``, scale word not included), the values it
    can stand for, and its scale word as written ("million", "млн"; empty if none) with
    the values before scaling, to tell a lost scale word from a changed figure."""

    raw: str
    start: int
    end: int
    values: frozenset[Decimal]
    scale_word: str = ""
    unscaled: frozenset[Decimal] = frozenset()

    @property
    def written(self) -> str:
        return f"{self.raw} {self.scale_word}" if self.scale_word else self.raw


def numbers_in(text: str, lang: str, *, lenient_with: str | None = None) -> list[Number]:
    """The numbers of ``text`` outside code and URLs, read in ``lang``'s notation.

    With ``lenient_with`` (the source language of a translation) a number also gets the
    values it has in that language's notation, and any other valid reading when the
    language's own notation does not fit (2,5 in an English text).
    """
    if not _FIGURE_OR_CENTURY.search(text):
        return []  # most segments: no figure, no need to blank out code and URLs first
    return list(_numbers_in(text, lang, lenient_with))


@lru_cache(maxsize=_CACHE_SIZE)
def _numbers_in(text: str, lang: str, lenient_with: str | None) -> tuple[Number, ...]:
    """:func:`numbers_in`, cached (numbers are immutable, so they can be shared)."""
    prose = blank_out(text)
    numbers = []
    clock = _twelve_hour_clock(prose)
    dates = _figure_dates(prose)
    # Read at the first figure another follows as a phone number's figures do (most segments
    # have none), or at once where a plus may open one.
    phones = _phone_numbers(prose) if "+" in prose else None
    unit_and_a_half = "yarım" in prose and _base(lang) == "az"  # 2 il yarım: 2.5 years
    days_and_nights = "сут" in prose or "sutka" in prose  # 3 суток: 72 hours
    scales_unread = _base(lang) not in _SCALE_WORDS  # Turkish, German: 34,5 milyar, 12.000 Milliarden
    below_zero = "zero" in prose or "нуля" in prose or "мороза" in prose or "şaxta" in prose or "sıfırdan" in prose
    for match in _NUMBER.finditer(prose):
        raw = match.group()
        start, end = figure = match.span()
        following = prose[end:end + 8]  # a dash, a bracket or a word next: most numbers need no search
        if phones is None and following and (following[0] in "()" or following[0] in "- \u00a0"
                                             and following[1:2] in _PHONE_NEXT) \
                and (_PHONE_CONTINUES.match(following) or not raw.isdigit()):
            phones = _phone_numbers(prose)  # a phone number's first groups may end here
        if phones and (phone := _phone_at(phones, start)) is not None:
            if start == phone.start + _DIGIT.search(phone.raw).start():  # type: ignore[union-attr]
                numbers.append(phone)  # the rest of its figures are its digits
            continue
        if dates and (date := _date_at(dates, start)) is not None:
            if date.start == start:  # the date's other figures add nothing
                numbers += _date_numbers(prose, date)
            continue
        if _whole_hour_minutes(prose, start, raw) or raw in ("24", "7") and _around_the_clock(prose, start, end):
            continue
        if "." in raw and start in clock:
            numbers.extend(_clock_parts(raw, start, clock[start]))
            continue
        if len(raw) == 4 and following[:1] in _SPACES and _WIRE_TIME.fullmatch(raw) and _ZONE_AFTER.match(prose, end):
            numbers.extend(_clock_parts(f"{raw[:2]}.{raw[2:]}", start, ()))  # 1500 GMT: 15:00
            continue
        word, scale = _scale_after(prose, start, end, lang)
        values = _values(raw, lang, lenient_with) + clock.get(start, ())
        halved = _AZ_UNIT_AND_A_HALF.match(prose, end) if unit_and_a_half else None
        if halved is not None:
            values = tuple(_normal(value + _HALF) for value in values)
        if days_and_nights and _DAYS_AND_NIGHTS.match(prose, end):
            values += tuple(_normal(value * 24) for value in values)
        if len(raw) == 2:
            if raw[1] == "0" and (_SHORT_DECADE.match(prose, end) or _SHORT_DECADE_RANGE.match(prose, end)):
                values += (Decimal(1900 + int(raw)), Decimal(2000 + int(raw)))
            if start > 4 and prose[start - 1] in "/-–" and (year := _second_year(prose, start, raw)):
                values += (year,)
        if not values:
            numbers.extend(_parts(raw, start))
            continue
        before = prose[start - 1] if start else ""
        # Only a sign, a word for minus (ending in s, с, i or ı) or 'below zero' makes a
        # number negative: most numbers need no search.
        if (before and before in "-\u2212" or below_zero
                or before and before in _SPACES and start > 5 and prose[start - 2] in "sсiı") \
                and (negative := _negative(prose, start, end, below_zero)) is not None:
            raw, signed = prose[negative[0]:negative[1]], tuple(-value for value in values)
            # -5% is as often a fall of 5% (снизился на 5%): a change keeps both readings
            values = signed + values if _PERCENT_AFTER.match(prose, end) else signed
            start, end = negative
        scaled = _scaled(values, scale)
        if scales_unread and not word and _NEXT_WORD.match(prose, end):
            scaled |= frozenset(value for factor in _UNREAD_FACTORS for value in _scaled(values, factor))
        if not word and following[:1] in _GLUED_LETTERS and _glued_scale(prose, end) == _EITHER:
            scaled |= _scaled(values, _MONEY_FACTOR[following[0].lower()])
        if not word and following and (following[0] in "-–—" or following[0] in " \u00a0"
                                       and following.startswith(_RANGE_WORDS, 1)) \
                and (shared := _range_scale(prose, figure[1], lang)) is not None:
            scaled |= _scaled(values, shared)
        if halved is not None:  # the figure is read with its half: so it is shown
            raw, end = prose[start:halved.end()], halved.end()
        numbers.append(Number(raw, start, end, scaled, word, _scaled(values, _ONE)))
    lettered = _roman_periods(prose) if _ROMAN_PERIOD_HINT.search(prose) else []
    if ("Q" in prose or "H" in prose) and _QUARTER_HINT.search(prose):
        lettered += _quarters(prose)
    if lettered:
        numbers = sorted(numbers + lettered, key=lambda number: number.start)
    return tuple(numbers)


#: A phone number: a plus, a country code and groups of digits, split by spaces, dots,
#: hyphens or an area code in brackets (+994 12 345 67 89, +994 (12) 345-67-89, +7 495 1234567).
_PHONE = re.compile(r"(?<![\w+])\+\d{1,3}(?:(?:[ \u00a0.\-]|[ \u00a0]?\(|(?<=\)))\d{1,7}\)?)+")
#: A phone number without a country code: groups of digits split by spaces or hyphens, an
#: area code perhaps in brackets (012 555 12 34, (012) 555-12-34, 8 (495) 123-45-67,
#: 202-555-0123); which of these are phone numbers :func:`_is_local_phone` tells.
_LOCAL_PHONE = re.compile(r"(?<![\w+.,:/\-])(?:\(\d{1,5}\)|\d{1,5})"
                          r"(?:(?:[ \u00a0\-]|(?<=\))|(?=\())(?:\(\d{1,5}\)|\d{1,5}))+(?![\w(]|[.,:/\-]\d)")
#: What every phone number without a country code holds, found without the look-behind at
#: every position: most segments with figures have none.
#: One first-character test for all its alternatives makes it about twice as fast.
_LOCAL_PHONE_HINT = re.compile(r"[\d(](?:(?<=\()\d|[ \u00a0\-]\d\d[ \u00a0\-]\d\d(?!\d)|\d\d[ \u00a0\-]\d{4}"
                               r"|(?<=0)\d\d\d{0,2}[ \u00a0\-]\d)")


def _phone_numbers(prose: str) -> tuple[Number, ...]:
    """The phone numbers of ``prose``, each one number, its digits, however a language groups
    them: with a plus, 8 to 15 digits (as international numbers have); without one, those
    :func:`_is_local_phone` tells from other figures next to each other."""
    found = []
    if "+" in prose:
        for match in _PHONE.finditer(prose):
            digits = re.sub(r"\D", "", match.group())
            if 8 <= len(digits) <= 15:
                found.append(_phone(match, digits))
    if _LOCAL_PHONE_HINT.search(prose):
        for match in _LOCAL_PHONE.finditer(prose):
            groups = re.findall(r"\(?\d+", match.group())
            if _is_local_phone(groups, "-" in match.group()) \
                    and not any(phone.start <= match.start() < phone.end for phone in found):
                found.append(_phone(match, "".join(group.lstrip("(") for group in groups)))
    return tuple(sorted(found, key=lambda phone: phone.start)) if found else ()


#: What follows the space after a phone number's first group (a figure or a bracket): tested
#: before the phone number scan, which costs as much as reading the segment's figures.
_PHONE_NEXT = frozenset("0123456789(")
#: What follows a phone number's first group: a bracket, or a separator and a group and
#: another (050-123-45, 012 555 1, 8 (495) 1); a range (2019-2023 годы, 5-6 мая) has none.
#: (Its first two groups may read as one grouped number, 012 555, followed by one group.)
_PHONE_CONTINUES = re.compile(r"\(|\)[- \u00a0]?[\d(]|[- \u00a0]\(?\d{1,4}\)?[- \u00a0]?[\d(]")


def _phone(match: re.Match[str], digits: str) -> Number:
    value = frozenset({Decimal(digits)})
    return Number(match.group(), match.start(), match.end(), value, "", value)


def _is_local_phone(groups: list[str], hyphenated: bool) -> bool:
    """Whether digit groups (an area code in brackets starting with its bracket) without a
    country code are a phone number: 7 to 15 digits, and an area code in brackets ((012),
    (495)) or starting with 0 (012, 050), or ending as local numbers do (123-45-67,
    555 12 34, 555-0123). Figures that merely follow each other end otherwise (1 234 567,
    2019-2023, 2024-05-27: a four-figure group before the last two)."""
    digits = sum(len(group.lstrip("(")) for group in groups)
    if not 7 <= digits <= 15:
        return False
    first = groups[0].lstrip("(")
    if groups[0][0] == "(" and (len(first) <= 3 or first[0] == "0") or first[0] == "0" and 3 <= len(first) <= 5:
        return True
    if len(groups) < 3:
        return False
    third, second, last = (len(group.lstrip("(")) for group in groups[-3:])
    return second == last == 2 and (third == 3 or third == 2 and hyphenated) \
        or (third, second, last) == (3, 3, 4)


def _phone_at(phones: tuple[Number, ...], start: int) -> Number | None:
    """The phone number whose figures ``start`` falls in, if any."""
    return next((phone for phone in phones if phone.start <= start < phone.end), None)


_PART = re.compile(r"\d+")


def _parts(raw: str, start: int) -> list[Number]:
    """The digit runs of ``raw`` (at ``start``), a figure no notation reads as one number
    (25.11.2026, 1.3.2, 3.11.7), each a whole number: a date or a code's article copied
    into the translation then matches, and a changed part is reported as changed."""
    parts = []
    for part in _PART.finditer(raw):
        value = frozenset({_normal(Decimal(part.group()))})
        parts.append(Number(part.group(), start + part.start(), start + part.end(), value, "", value))
    return parts


#: The dash or the word between a range's figures (2–3 тыс., 5-7 million, от 5 до 7 тыс.,
#: between 2 and 3 million, 2 və ya 3 milyon).
_RANGE_DASH = re.compile(r"[ \u00a0]?[-–—][ \u00a0]?(?=\d)"
                         r"|[ \u00a0](?:to|and|or|до|и|или|və|ya|yaxud|və[ \u00a0]ya)[ \u00a0](?=\d)")
#: What follows the space after a range's first figure (tested before the pattern).
_RANGE_WORDS = ("-", "–", "—", "to ", "and ", "or ", "до ", "до\u00a0", "и ", "и\u00a0", "или ", "və ", "ya ",
                "yaxud ")


def _range_scale(prose: str, end: int, lang: str) -> Decimal | None:
    """The factor of the scale word after the second figure of a range whose first figure
    ends at ``end`` (2–3 тыс.: the 2 is 2,000 too, as 2,000-3,000 writes it), if any."""
    dash = _RANGE_DASH.match(prose, end)
    following = dash and _NUMBER.match(prose, dash.end())
    if not following:
        return None
    word, factor = _scale_after(prose, following.start(), following.end(), lang)
    return factor if word else None


#: Centuries, millennia, quarters and half-years in Roman numerals, as Russian and
#: Azerbaijani write them (XXI век, XIX–XX вв., XXI əsrdə, III квартал or III кв., I yarımil); Cyrillic
#: Х is accepted for X, as Russian keyboards type it. Only before such a word: World War II
#: and John Paul II are names, translated as words.
_ROMAN_PERIOD = re.compile(r"(?<![^\W\d_])([IVXLХ]{1,7})(?:[\s\u00a0]*[-–—][\s\u00a0]*([IVXLХ]{1,7}))?"
                           r"[\s\u00a0]+(?:век\w*|вв?\.|тысячелети\w*|əsr\w*|minillik\w*|centur(?:y|ies)"
                           r"|millenni(?:um|a)|квартал\w*|кв\.|полугоди\w*|rüb\w*|yarımil\w*)(?![^\W\d_])", re.IGNORECASE)
_ROMAN_VALID = re.compile(r"L?X{0,3}(?:IX|IV|V?I{0,3})")
#: What every such numeral is followed by; searched first, as most segments have none.
_ROMAN_PERIOD_HINT = re.compile(r"[IVXLХ][\s\u00a0]+(?i:век|вв?\.|тысячелет|əsr|minillik|centur|millenni"
                                r"|квартал|кв\.|полугод|rüb|yarımil)")


#: A figure, or what a period in Roman numerals is followed by: a text without either
#: has no number (one search, as most segments have neither).
_FIGURE_OR_CENTURY = re.compile(r"\d|" + _ROMAN_PERIOD_HINT.pattern)
#: A quarter or a half-year as English business news writes it (Q3, H1 2024): Russian and
#: Azerbaijani write III квартал, 3-cü rüb. H1 only before a year: H2 is also hydrogen.
_QUARTER = re.compile(r"(?<![^\W\d_])(?:Q([1-4])|H([12])(?=[\s\u00a0]+(?:[12]\d{3}|FY)|['’]\d\d))(?!\w)")


_QUARTER_HINT = re.compile(r"[QH][1-4]")


def _quarters(prose: str) -> list[Number]:
    """The quarters and half-years of ``prose`` written Q3 or H1, as their numbers."""
    found = []
    for match in _QUARTER.finditer(prose):
        group = 1 if match.group(1) else 2
        value = frozenset({Decimal(match.group(group))})
        found.append(Number(match.group(group), match.start(group), match.end(group), value, unscaled=value))
    return found


def _roman_periods(prose: str) -> list[Number]:
    """The Roman numerals of ``prose`` that count centuries, millennia, quarters or
    half-years, as numbers."""
    found = []
    for match in _ROMAN_PERIOD.finditer(prose):
        for group in (1, 2):
            roman = (match.group(group) or "").upper().replace("Х", "X")
            if roman and roman == match.group(group).replace("Х", "X") and _ROMAN_VALID.fullmatch(roman):
                value = frozenset({Decimal(_roman_value(roman))})
                found.append(Number(match.group(group), match.start(group), match.end(group),
                                    value, unscaled=value))
    return found


def _roman_value(roman: str) -> int:
    """The value of a valid Roman numeral (I to LXXXIX)."""
    digits = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for letter, following in zip(roman, [*roman[1:], ""]):
        value = digits[letter]
        total += -value if following and digits[following] > value else value
    return total


def _second_year(prose: str, start: int, raw: str) -> Decimal | None:
    """The year that ``raw``, two figures at ``start`` after a year and a slash or dash
    (the 2023/24 season, 1941–45), stands for (2024, 1945): the first after that year
    ending in them, as a translation may write it in full (сезон 2023/2024)."""
    first = prose[start - 5:start - 1]
    if not first.isdigit() or start > 5 and prose[start - 6].isalnum():
        return None
    year = int(first[:2] + raw)
    return Decimal(year if year > int(first) else year + 100)


#: After 24: a day's hours (24 hours a day, 24 часа в сутки, günün 24 saatı is before it),
#: said as often in words (круглосуточно, gecə-gündüz, around the clock).
_HOURS_A_DAY = re.compile(r"[\s\u00a0]+(?i:hours?[\s\u00a0]+a[\s\u00a0]+day|час(?:а|ов)?[\s\u00a0]+в[\s\u00a0]+сутки"
                          r"|saat(?:[\s\u00a0]+ərzində)?[\s\u00a0]+gecə-gündüz)(?![^\W\d_])")
_DAY_BEFORE = re.compile(r"(?<![^\W\d_])(?i:günün|sutkanın)[\s\u00a0]+$")


def _around_the_clock(prose: str, start: int, end: int) -> bool:
    """Whether the figure at ``start``–``end`` is one of 24/7 or the 24 of "24 hours a
    day" (around the clock), which a translation writes in words (круглосуточно,
    gecə-gündüz) as often as in figures."""
    if prose[start:end] == "24":
        if _HOURS_A_DAY.match(prose, end) or _DAY_BEFORE.search(prose, max(0, start - 12), start):
            return True
        return prose[end:end + 2] == "/7" and not prose[end + 2:end + 3].isalnum()
    return prose[start - 3:start] == "24/" and not prose[end:end + 1].isalnum() \
        and not prose[start - 4:start - 3].isalnum()


#: A decade by its last two figures (в 90-х, 90-е годы, 90-cı illərdə, the '90s): the
#: source's 1990s, or the 2090s (10-х: the 1910s or the 2010s).
_SHORT_DECADE = re.compile(r"(?:-(?:х|е|ых|ые|ым|ыми|ми)|['’]?s)(?![^\W\d_])|-c[ıiuü][\s\u00a0]+il")
#: The first decade of a range of them, which only the second marks (70–80-е годы,
#: 70-80-ci illər, the '70s-'80s: the 1970s and 1980s).
_SHORT_DECADE_RANGE = re.compile(r"[-–—]['’]?\d0(?:" + _SHORT_DECADE.pattern + ")")


#: A minus sign right before a figure, itself after a space, a bracket or nothing (-5°C,
#: −5 °C; not 5-7, COVID-19 or 2024-05), or the word for minus; and after a temperature,
#: the words that make it one below zero (5 degrees below zero, 5 градусов мороза).
_MINUS_BEFORE = re.compile(r"(?:(?<![^\s(\[/…])[-\u2212]|(?<=\.\.\.)[-\u2212]|(?<![^\W\d_])(?i:minus|минус|mənfi|"
                           r"sıfırdan\s+aşağı)[\s\u00a0]+)$")
_BELOW_ZERO = re.compile(r"[\s\u00a0]*(?:°\s?[CС]?|(?i:degrees?|градус\w*|dərəcə))?[\s\u00a0]*"
                         r"(?i:below\s+zero|ниже\s+нуля|мороза|şaxta\w*)(?![^\W\d_])")
#: Azerbaijani 'below zero' around its figure: sıfırdan 5 dərəcə aşağı (5 dərəcə aşağı
#: alone is a fall of 5 degrees).
_BELOW_ZERO_BEFORE = re.compile(r"(?<![^\W\d_])(?i:sıfırdan)[\s\u00a0]+$")
_BELOW_ZERO_AFTER = re.compile(r"[\s\u00a0]*(?:°\s?[CС]?|(?i:dərəcə))?[\s\u00a0]*(?i:aşağı)(?![^\W\d_])")


_SPACES = " \u00a0\u202f\t\n"
_PERCENT_AFTER = re.compile(r"[\s\u00a0]?(?:%|(?i:per\s?cent|процент|faiz))")


def _negative(prose: str, start: int, end: int, below_zero: bool) -> tuple[int, int] | None:
    """The span of the number at ``start``–``end`` with what makes it negative (-5, минус
    5, 5 degrees below zero), or None when it is not: a translation that drops the minus
    of -5°C says another temperature. Words for below zero are looked for only where
    ``below_zero`` says the text has one."""
    before = prose[start - 1] if start else ""
    if before and before in "-\u2212" or before and before in _SPACES:
        sign = _MINUS_BEFORE.search(prose, max(0, start - 20), start)
        if sign is not None:
            return sign.start(), end
    if not below_zero:
        return None
    after = _BELOW_ZERO.match(prose, end)
    if after is not None:
        return start, after.end()
    if before and before in _SPACES and (sign := _BELOW_ZERO_BEFORE.search(prose, max(0, start - 12), start)) \
            and (after := _BELOW_ZERO_AFTER.match(prose, end)):
        return sign.start(), after.end()
    return (start, end) if _range_below_zero(prose, end) else None


def _range_below_zero(prose: str, end: int) -> bool:
    """Whether the figure ending at ``end`` opens a range whose last figure is below zero
    (3–5 градусов мороза, 3-5 dərəcə şaxta: -3 to -5)."""
    dash = _RANGE_DASH.match(prose, end)
    following = dash and _NUMBER.match(prose, dash.end())
    return bool(following) and _BELOW_ZERO.match(prose, following.end()) is not None  # type: ignore[union-attr]


#: A time on the 12-hour clock (5pm, 5 p.m., 5:30 PM, 11am), which a translation writes on
#: the 24-hour clock (17:00, 17:30): its hour, minutes and whether it is after noon.
_TWELVE_HOUR = re.compile(r"(?<![\w.,:])(\d{1,2})(?:[:.]\d{2})?\s?([aApP])\.?[mM]\.?(?![^\W\d_])")
#: What every :data:`_TWELVE_HOUR` match holds, found ~2.5 times faster (it needs no test
#: behind every position): most paragraphs have none, and need no closer look.
_TWELVE_HOUR_HINT = re.compile(r"\d\s?[aApP]\.?[mM]")


#: An hour told by the part of the day (axşam saat 7, gecə saat 11, günorta saat 2; в 7
#: вечера, в 11 ночи, в 3 часа дня): Azerbaijani names the part before "saat", Russian after
#: (дня only after час: 2 дня are two days).
_DAY_PART_HOUR = re.compile(
    r"(?i:(?P<az>axşam|gecə|günorta(?:dan[\s\u00a0]+sonra)?)[\s\u00a0]+saat[\s\u00a0]+)(?P<h1>\d{1,2})(?![\d,])"
    r"|(?<![\w.,:])(?P<h2>\d{1,2})(?:[:.]\d{2})?[\s\u00a0]+(?:(?:час(?:а|ов)?[\s\u00a0]+)?(?P<ru>вечера|ночи)|час(?:а|ов)?[\s\u00a0]+(?P<ru_day>дня)"
    r"|(?:o['’]clock[\s\u00a0]+)?(?P<en>in[\s\u00a0]+the[\s\u00a0]+(?:evening|afternoon)|at[\s\u00a0]+night))(?![^\W\d_])")


def _day_part_hour(part: str, hour: int) -> int:
    """The 24-hour reading of ``hour`` told in the part of the day ``part`` (folded):
    evening and afternoon after noon; night after noon from nine, midnight at twelve."""
    if part.startswith(("gecə", "ноч", "at")):
        return 0 if hour == 12 else hour + 12 if hour >= 9 else hour
    return hour if hour == 12 else hour + 12


def _twelve_hour_clock(prose: str) -> dict[int, tuple[Decimal, ...]]:
    """By the position of each 12-hour clock time's hour, the hour's 24-hour reading
    (5pm: 17; 12am: 0; axşam saat 7, в 7 вечера: 19), so that a correct '17:00' for '5pm'
    keeps its figure."""
    found: dict[int, tuple[Decimal, ...]] = {}
    if "saat" in prose or "вечера" in prose or "ночи" in prose or "дня" in prose or " the evening" in prose \
            or " the afternoon" in prose or " at night" in prose:
        for match in _DAY_PART_HOUR.finditer(prose):
            hour_group = "h1" if match.group("h1") else "h2"
            hour = int(match.group(hour_group))
            if 1 <= hour <= 12:
                part = (match.group("az") or match.group("ru") or match.group("ru_day") or match.group("en")).lower()
                found[match.start(hour_group)] = (Decimal(_day_part_hour(part, hour)),)
    if "m" not in prose and "M" not in prose or not _TWELVE_HOUR_HINT.search(prose):
        return found
    for match in _TWELVE_HOUR.finditer(prose):
        hour = int(match.group(1))
        if 1 <= hour <= 12:
            after_noon = match.group(2) in "pP"
            found[match.start(1)] = (Decimal(hour % 12 + (12 if after_noon else 0)),)
    return found


#: A time on the 24-hour clock (08:00, 8:30): not part of a longer figure or a score of
#: more figures, and with no am/pm after it (8:00 pm is on the 12-hour clock).
_COLON_TIME = re.compile(r"(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:]|[.,]\d|\s?[aApP]\.?[mM](?![^\W\d_]))")
#: Languages that tell the time on the 24-hour clock: their 8:00 is in the morning.
_TWENTY_FOUR_HOUR_LANGUAGES = frozenset({"ru", "az"})
_MINUTES_AFTER_HOUR = re.compile(r"[:.]([0-5]\d)")


def evening_times_told_as_morning(source: str, translation: str, src_lang: str,
                                  tgt_lang: str) -> tuple[list[str], list[str]]:
    """The afternoon and evening times of one side (8pm, 8:30 p.m., в 8 вечера, axşam saat
    8) that the other, a language on the 24-hour clock, writes with the morning's hour
    (8:00, 8:30) and nowhere with the evening's (20:00): as written on each side. The
    figure 8 is there, so the number check passes, but a reader is sent twelve hours
    early."""
    missing: list[str] = []
    extra: list[str] = []
    for one, other, other_lang, flip in ((source, translation, tgt_lang, False),
                                         (translation, source, src_lang, True)):
        if ":" not in other or _base(other_lang) not in _TWENTY_FOUR_HOUR_LANGUAGES \
                or not _CLOCK_DIGITS.search(other):
            continue  # (most segments: no time on the 24-hour clock to compare)
        evening = _source_scan(_evening_times, one) if _EVENING_HINT.search(one) else ()
        if not evening:
            continue
        told = {(int(m.group(1)), int(m.group(2))): m.group() for m in _COLON_TIME.finditer(blank_out(other))
                if not _DAY_PART_AFTER.match(other, m.end())}
        for (hour, minutes), written in evening:
            morning = told.get((hour - 12, minutes))
            if morning is not None and (hour, minutes) not in told:
                (missing, extra)[flip].append(written)
                (extra, missing)[flip].append(morning)
    return missing, extra


#: What every time on the 24-hour clock holds, found faster than the time itself.
_CLOCK_DIGITS = re.compile(r"\d:[0-5]\d")
#: What an afternoon or evening time holds (pm, p.m., вечера, дня, ночи, axşam, günorta):
#: most segments have none.
_EVENING_HINT = re.compile(r"\d[\s\u00a0]?[pP]\.?[mM]|вечера|дня|ночи|(?i:axşam|günorta|gecə|evening|afternoon|at night)")
#: A part of the day after a time, which puts it on the 12-hour clock (в 8:00 вечера).
_DAY_PART_AFTER = re.compile(r"[\s\u00a0]+(?:час(?:а|ов)?[\s\u00a0]+)?(?i:вечера|ночи|дня|in[\s\u00a0]+the"
                             r"[\s\u00a0]+(?:evening|afternoon)|at[\s\u00a0]+night)(?![^\W\d_])")


def _evening_times(text: str) -> list[tuple[tuple[int, int], str]]:
    """The times of ``text`` told on the 12-hour clock after noon (8pm, 8:30 p.m., в 8 вечера,
    axşam saat 8), as ((hour on the 24-hour clock, minutes), the hour and minutes as written)."""
    if not _DIGIT.search(text):
        return []
    prose = blank_out(text)
    found = []
    for start, hours in _twelve_hour_clock(prose).items():
        hour = int(hours[0])
        if 13 <= hour <= 23:
            end = start + (2 if prose[start + 1:start + 2].isdigit() else 1)  # (an hour has one or two figures)
            minutes = _MINUTES_AFTER_HOUR.match(prose, end)
            written_end = minutes.end() if minutes else end
            tail = _TWELVE_HOUR_SUFFIX.match(prose, written_end)
            found.append(((hour, int(minutes.group(1)) if minutes else 0),
                          prose[start:tail.end() if tail else written_end]))
    return found


#: The am or pm after a time, to show the time as written (8pm, 8:30 p.m.).
_TWELVE_HOUR_SUFFIX = re.compile(r"\s?[aApP](?:\.[mM]\.|[mM])")
#: A time as news agencies write it before its zone (1500 GMT, 0930 UTC): hours and minutes
#: in four figures, which a translation writes 15:00 or 09:30.
_WIRE_TIME = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_ZONE_AFTER = re.compile(r"[\s\u00a0]+(?:GMT|UTC)(?![^\W\d_])")


def _clock_parts(raw: str, start: int, hour_24: tuple[Decimal, ...]) -> list[Number]:
    """A time written with a dot before am/pm (3.45pm, as British style writes it) as its
    hour, also read on the 24-hour clock, and its minutes: not the decimal 3.45."""
    hour, _, minutes = raw.partition(".")
    hours = frozenset({_normal(Decimal(hour)), *hour_24})
    parts = [Number(hour, start, start + len(hour), hours, "", hours)]
    if minutes != "00":  # on the hour: no figure of its own (see _whole_hour_minutes)
        value = frozenset({_normal(Decimal(minutes))})
        parts.append(Number(minutes, start + len(hour) + 1, start + len(raw), value, "", value))
    return parts


def _whole_hour_minutes(prose: str, start: int, raw: str) -> bool:
    """Whether ``raw`` at ``start`` is the minutes of a time on the hour (17:00, 10:00):
    written by one language and left out by another (5pm, в 10 часов), they are no figure
    of their own."""
    return raw == "00" and start >= 2 and prose[start - 1] == ":" and prose[start - 2].isdigit()


#: A date written in figures: day.month.year (27.05.2024, also with slashes) or ISO
#: year-month-day (2024-05-27). Like :data:`_NUMBER`, it starts with a digit and looks behind it.
_FIGURE_DATE = re.compile(r"\d(?<![\w.,/-]\d)(?:\d?(?P<sep>[./])\d{1,2}(?P=sep)\d{4}|\d{3}-\d{1,2}-\d{1,2})"
                          r"(?!\w|[.,/-]\d)")


@dataclass(frozen=True)
class _FigureDate:
    """A date in figures: its span, the spans of its day and year, and its month (None
    where a slash date may be read either way round, 05/06/2024)."""

    start: int
    end: int
    day: tuple[int, int]
    year: tuple[int, int]
    month: int | None
    other_day: int | None = None


@lru_cache(maxsize=_CACHE_SIZE)
def _figure_dates(prose: str) -> tuple[_FigureDate, ...]:
    """The dates written in figures in ``prose`` (blanked out), in order. A translation may
    write 'May 27, 2024' as 27.05.2024: its day and year are figures, its month a month."""
    if "." not in prose and "/" not in prose and "-" not in prose:
        return ()
    found = []
    for match in _FIGURE_DATE.finditer(prose):
        date = _read_figure_date(match)
        if date is not None:
            found.append(date)
    return tuple(found)


def _read_figure_date(match: re.Match[str]) -> _FigureDate | None:
    """The date ``match`` holds, or None when its day or month is out of range (1.2.3456
    is a version number or a list of figures)."""
    parts = re.split(r"[./-]", match.group())
    starts = [match.start()]
    for part in parts[:-1]:
        starts.append(starts[-1] + len(part) + 1)
    spans = [(start, start + len(part)) for start, part in zip(starts, parts)]
    first, second, third = (int(part) for part in parts)
    if match.group("sep") is None:  # ISO: year-month-day
        day, month, day_span, year_span = third, second, spans[2], spans[0]
    else:
        day, month, day_span, year_span = first, second, spans[0], spans[2]
    other = None
    if match.group("sep") == "/" and day <= 12 and month <= 12 and day != month:
        other, month = month, None  # 05/06/2024: the 5th of June or May the 6th
    elif match.group("sep") == "/" and month > 12 >= day:
        day, month = month, day  # 05/27/2024: American month/day/year
        day_span = spans[1]
    if not 1 <= day <= 31 or month is not None and not 1 <= month <= 12:
        return None
    return _FigureDate(match.start(), match.end(), day_span, year_span, month, other)


def _date_at(dates: tuple[_FigureDate, ...], start: int) -> _FigureDate | None:
    """The date in figures ``start`` falls in, if any."""
    return next((date for date in dates if date.start <= start < date.end), None)


def _date_numbers(prose: str, date: _FigureDate) -> list[Number]:
    """A date's day and year as figures, in the order written (its month is a month: see
    :func:`months_in`)."""
    day = prose[date.day[0]:date.day[1]]
    year = prose[date.year[0]:date.year[1]]
    days = [Decimal(int(day))] + ([Decimal(date.other_day)] if date.other_day else [])
    return [Number(day, *date.day, frozenset(days), unscaled=frozenset(days)),
            Number(year, *date.year, frozenset({Decimal(year)}), unscaled=frozenset({Decimal(year)}))
            ][::1 if date.day < date.year else -1]


@lru_cache(maxsize=_CACHE_SIZE)
def _scaled(values: tuple[Decimal, ...], scale: Decimal) -> frozenset[Decimal]:
    """``values`` times ``scale``, normalised (cached: Decimal arithmetic is slow)."""
    return frozenset(_normal(v * scale) for v in values)


def compare_numbers(source: str, translation: str, src_lang: str,
                    tgt_lang: str) -> tuple[list[str], list[str]]:
    """Numbers of ``source`` missing from ``translation``, and numbers the translation
    has that the source does not (as written)."""
    missing, extra = unmatched_numbers(source, translation, src_lang, tgt_lang)
    return [n.raw for n in missing], [n.raw for n in extra]


def unmatched_numbers(source: str, translation: str, src_lang: str,
                      tgt_lang: str) -> tuple[list[Number], list[Number]]:
    """:func:`compare_numbers` with the numbers themselves (for their scale words)."""
    wanted = numbers_in(source, src_lang)
    offered = numbers_in(translation, tgt_lang, lenient_with=src_lang)
    if not wanted or not offered:
        missing, extra = wanted, offered  # most segments: nothing to pair
    else:
        unused = _UnusedNumbers(offered)
        missing = [number for number in wanted if not unused.take_first(number.values)]
        extra = unused.left()
    if missing and extra:
        missing, extra = _split_times(missing, extra)
        extra, missing = _split_times(extra, missing)
        missing, extra = _join_scales(missing, extra)
        extra, missing = _join_scales(extra, missing)
        missing, extra = _join_minor_units(missing, extra, translation)
        extra, missing = _join_minor_units(extra, missing, source)
        missing, extra = _join_article_parts(missing, extra, translation)
        extra, missing = _join_article_parts(extra, missing, source)
        missing, extra = _join_phones(missing, extra)
        extra, missing = _join_phones(extra, missing)
        missing, extra = _join_conversions(missing, extra, source, translation)
        extra, missing = _join_conversions(extra, missing, translation, source)
    if extra and _CONVERTED_UNIT_HINT.search(translation):
        extra = _without_conversions_given_too(extra, translation, tgt_lang, src_lang)
    if missing and _CONVERTED_UNIT_HINT.search(source):
        missing = _without_conversions_given_too(missing, source, src_lang, None)
    if missing:
        missing, extra = _not_in_other_terms(missing, extra, source, translation, tgt_lang)
    if extra:
        extra, missing = _not_in_other_terms(extra, missing, translation, source, src_lang)
    if missing:
        missing = _not_in_codes(missing, source, translation)
        missing = _not_in_fraction_words(missing, source, translation, tgt_lang)
        missing = _not_in_share_words(missing, source, translation, tgt_lang)
        missing = _not_in_words(missing, translation, tgt_lang)
        missing = _without_ones_of_rates(missing, source, translation, tgt_lang)
        missing = _not_in_years(missing, source, offered)
    if extra:
        extra = _not_in_codes(extra, translation, source)
        extra = _not_in_fraction_words(extra, translation, source, src_lang)
        extra = _not_in_share_words(extra, translation, source, src_lang)
        extra = _not_in_words(extra, source, src_lang)
        extra = _without_ones_of_rates(extra, translation, source, src_lang)
        extra = _not_in_years(extra, translation, wanted)
    return missing, extra


#: Units of measure a translator converts (10 miles → 16 км, 95°F → 35°C), as pairs of the
#: imperial or US unit and the metric one, each as written right after its figure, with the
#: metric value of one imperial unit (or None: a temperature, converted by formula).
_CONVERSIONS: tuple[tuple[str, str, Decimal | None], ...] = (
    # (Speeds first: km/h opens as km does.)
    (r"mph|miles?[\s\u00a0]+(?:an|per)[\s\u00a0]+hour", r"km/h|kph|км/ч(?:ас)?|km/saat", Decimal("1.609344")),
    (r"miles?|mi|mil|mil[iə]\w*|мил[ьия]\w*", r"km|км|kilomet(?:re|er)s?|kilometr\w*|километр\w*", Decimal("1.609344")),
    (r"feet|foot|ft|фут\w*|fut\w*", r"m|м|met(?:re|er)s?|metr\w*|метр\w*", Decimal("0.3048")),
    (r"inch(?:es)?|in\.|дюйм\w*|düym\w*", r"cm|см|centimet(?:re|er)s?|santimetr\w*|сантиметр\w*", Decimal("2.54")),
    (r"pounds?|lbs?|фунт\w*|funt\w*", r"kg|кг|kilo(?:gram(?:me)?s?)?|kiloqram\w*|килограмм\w*", Decimal("0.45359237")),
    (r"gallons?|галлон\w*|qallon\w*", r"l|л|lit(?:re|er)s?|litr\w*|литр\w*", Decimal("3.785411784")),
    (r"acres?|акр\w*|akr\w*", r"ha|га|hectares?|hektar\w*|гектар\w*", Decimal("0.40468564")),
    (r"°[\s\u00a0]?F|(?:degrees?[\s\u00a0]+)?Fahrenheit|градус\w*[\s\u00a0]+по[\s\u00a0]+Фаренгейту|°F",
     r"°[\s\u00a0]?[CС]|degrees?(?:[\s\u00a0]+(?:Celsius|centigrade))?|градус\w*|dərəcə\w*", None),
)
_CONVERTED_UNIT = [(re.compile(rf"[\s\u00a0]?-?(?:{imperial})(?![^\W\d_])", re.IGNORECASE),
                    re.compile(rf"[\s\u00a0]?-?(?:{metric})(?![^\W\d_])", re.IGNORECASE), factor)
                   for imperial, metric, factor in _CONVERSIONS]
#: Each unit above right after a figure, named i<index> (imperial) or m<index> (metric), in
#: the order of the pairs: one match instead of one per unit.
_ANY_UNIT_AFTER = re.compile(r"[\s\u00a0]?-?(?:" + "|".join(
    f"(?P<i{index}>{imperial})|(?P<m{index}>{metric})" for index, (imperial, metric, _) in enumerate(_CONVERSIONS))
    + r")(?![^\W\d_])", re.IGNORECASE)
#: The first letter of a unit above, or of a scale word before it (9 тыс. метров), after
#: its figure: tested before the patterns (one character class, many times faster than
#: the units themselves, which most segments have none of).
_CONVERTED_UNIT_HINT = re.compile(r"\d[\s\u00a0]?-?[mMkKfFiIpPlLgGaAhHcCdD°мМкКфФдДлЛгГаАсСтТbBtT]")


def _join_conversions(ones: list[Number], twos: list[Number], text: str,
                      other: str) -> tuple[list[Number], list[Number]]:
    """``ones`` (of ``text``) and ``twos`` (of ``other``) less each measure that one side gives
    in imperial units and the other converted to metric (10 miles → 16 км, 95°F → 35°C, 200
    pounds → 91 кг), or back: the converted figure right within the rounding a translator
    does (see :func:`_close_to`)."""
    if not _CONVERTED_UNIT_HINT.search(text) or not _CONVERTED_UNIT_HINT.search(other):
        return ones, twos  # (most segments: no unit a translator converts)
    left, kept = list(twos), []
    for number in ones:
        match = next((two for two in left for value in number.values for converted in _converted(text, number, value)
                      if _unit_of(other, two) == converted[0] and any(_close_to(v, converted[1], converted[2])
                                                                      for v in two.values)), None)
        if match is None:
            kept.append(number)
        else:
            left.remove(match)
    return kept, left


def _without_conversions_given_too(numbers: list[Number], text: str, lang: str,
                                   lenient_with: str | None) -> list[Number]:
    """``numbers`` (of ``text``) less each measure that ``text`` gives converted beside the
    measure itself (16 км (10 миль), 10 miles (16 km)): the other side's 10 miles is there."""
    measures = _measures(text, lang, lenient_with)
    kept = []
    for number in numbers:
        converted = [(unit, value, temperature) for v in number.values
                     for unit, value, temperature in _converted(text, number, v)]
        if not any(_unit_of(text, other) == unit and any(_close_to(w, value, temperature) for w in other.values)
                   for other, _ in measures for unit, value, temperature in converted):
            kept.append(number)
    return kept


def _unit_of(text: str, number: Number) -> tuple[int, bool] | None:
    """The convertible unit right after ``number`` (and its scale word: 9 тыс. метров) in
    ``text``: (its pair's index, whether it is the metric one), or None."""
    match = _ANY_UNIT_AFTER.match(text, _end_of_scale_word(text, number))
    if match is None:
        return None
    return int(match.lastgroup[1:]), match.lastgroup[0] == "m"  # type: ignore[index]


def _end_of_scale_word(text: str, number: Number) -> int:
    """Where ``number`` ends in ``text`` with its scale word (9 тыс.), if it has one."""
    if not number.scale_word:
        return number.end
    at = text.find(number.scale_word, number.end, number.end + len(number.scale_word) + 3)
    if at < 0:
        return number.end
    end = at + len(number.scale_word)
    return end + 1 if text[end:end + 1] == "." else end


def _converted(text: str, number: Number, value: Decimal) -> list[tuple[tuple[int, bool], Decimal, bool]]:
    """``value`` of ``number`` converted to the other unit of its pair, as (that unit, the
    converted value, whether it is a temperature); none when no such unit follows it."""
    unit = _unit_of(text, number)
    if unit is None:
        return []
    index, metric = unit
    factor = _CONVERTED_UNIT[index][2]
    if factor is None:  # Fahrenheit and Celsius
        converted = value * 9 / 5 + 32 if metric else (value - 32) * 5 / 9
    else:
        converted = value / factor if metric else value * factor
    return [((index, not metric), converted, factor is None)]


def _close_to(written: Decimal, exact: Decimal, temperature: bool) -> bool:
    """Whether ``written`` is ``exact`` as a translator rounds it: to the figures written
    (16 km for 16.09), or within 5% (2,000 hectares for 2,023), or for a temperature within a
    degree (21°C for 70°F, 21.1)."""
    difference = abs(written - exact)
    places = -written.normalize().as_tuple().exponent if written % 1 else 0
    if difference <= Decimal("0.5") * Decimal(10) ** -max(places, 0):  # type: ignore[operator]
        return True
    return difference <= 1 if temperature else difference <= abs(exact) / 20


#: The families of time units, as words written anywhere (a lone one stands for one of it:
#: недельный фестиваль, həftəlik, a week), by the unit names of :data:`_UNITS`; полгода
#: and полугодовалый are half a year.
_TIME_UNIT_WORDS = {
    "years": re.compile(r"(?<![^\W\d_])(?i:years?|год\w*|лет\w*|пол(?:угод\w*|года)|il(?:lik\w*|dir|dür|də|dən|in|i|ə)?)"
                        r"(?![^\W\d_])"),
    "months": re.compile(r"(?<![^\W\d_])(?i:months?|месяц\w*|мес\.|ay(?:lıq\w*|lar\w*|da|dan|a|ı|dır)?)(?![^\W\d_])"),
    "weeks": re.compile(r"(?<![^\W\d_])(?i:weeks?|недел\w*|həftə\w*)(?![^\W\d_])"),
    "days": re.compile(r"(?<![^\W\d_])(?i:days?|дн(?:я|ей|ям|ями|ях|и)|день|сут\w*|gün\w*)(?![^\W\d_])"),
    "hours": re.compile(r"(?<![^\W\d_])(?i:hours?|час(?:а|ов)?|saat\w*)(?![^\W\d_])"),
    "minutes": re.compile(r"(?<![^\W\d_])(?i:minutes?|минут\w*|dəqiqə\w*)(?![^\W\d_])"),
}
#: One time unit in another: (unit, other unit, how many of the other one of it makes).
_TIME_UNIT_RATIOS = (("weeks", "days", 7), ("years", "months", 12), ("days", "hours", 24), ("hours", "minutes", 60))
#: Half of a time unit in one word (полгода, полугодовалый; полчаса, получасовой).
_HALF_UNIT = {"years": re.compile(r"(?i:пол(?:угод\w*|года))"), "hours": re.compile(r"(?i:пол(?:учас\w*|часа))")}
#: Words that stand for a number of a time unit alone (a decade: 10 years; a fortnight: 14 days).
_UNIT_NAMES = {("years", Decimal(10)): re.compile(r"(?<![^\W\d_])(?i:decades?|десятилети\w*|onillik\w*)"),
               ("years", Decimal(100)): re.compile(r"(?<![^\W\d_])(?i:century|centuries|столети\w*|yüzillik\w*)"),
               ("days", Decimal(14)): re.compile(r"(?<![^\W\d_])(?i:fortnight\w*)"),
               ("weeks", Decimal(2)): re.compile(r"(?<![^\W\d_])(?i:fortnight\w*)")}
#: A duration's second part after its first (7 лет и 6 месяцев, 2 years and 6 months).
_AND_THEN = re.compile(r"[\s\u00a0]+(?:(?:and|и|və)[\s\u00a0]+)?")
#: A distributive word (every, каждый, hər), which writes "1 in 5" as каждый пятый.
_EVERY = re.compile(r"(?<![^\W\d_])(?i:every|each|кажд\w*|hər)(?![^\W\d_])")
#: "1 in 5", "1 из 5", "1 out of 5", and Azerbaijani "1-i" after "of them" (hər 5
#: nəfərdən 1-i; mayın 1-i is a date's day).
_ONE_IN = re.compile(r"[\s\u00a0]+(?:in|out[\s\u00a0]+of|из)[\s\u00a0]+\d|(?<=d[əa]n[\s\u00a0]1)-[iı](?![^\W\d_])")
#: Two figures joined by a slash, with no year after (9/11): a month and a day.
_MONTH_DAY = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?![\d/]|[.,]\d)")


def _not_in_other_terms(numbers: list[Number], others: list[Number], text: str, other: str,
                        other_lang: str) -> tuple[list[Number], list[Number]]:
    """``numbers`` (of ``text``) less those ``other`` says in other terms: a duration in
    another unit (18 months: полтора года, il yarım; a 7-day festival: недельный, həftəlik;
    7 лет и 6 месяцев: seven and a half years), the month of a date written with a slash
    (9/11: 11 сентября) and the one of "1 in 5" (каждый пятый, hər beş nəfərdən biri).
    ``others`` are the figures of ``other`` no figure of ``text`` matched: returned less
    those that say such a duration (18 months: 1,5 года)."""
    kept = []
    others = list(others)
    words: Counter[Decimal] | None = None
    index = 0
    while index < len(numbers):
        number = numbers[index]
        index += 1
        if number.raw == "1" and _ONE_IN.match(text, number.end) and _EVERY.search(other):
            continue
        if "/" in text[number.start - 1:number.end + 1] and _month_of_slash_date(number, text, other, other_lang):
            continue
        durations = _durations(number, text, numbers[index] if index < len(numbers) else None)
        if durations is None:
            kept.append(number)
            continue
        alternatives, joined = durations
        if words is None:
            words = _word_counts(blank_out(other), other_lang)
        said = next((found for unit, value in alternatives
                     if (found := _said_as(other, other_lang, others, words, unit, value)) is not None), None)
        if said is None:
            kept.append(number)
            continue
        index += joined
        if said in others:
            others.remove(said)
    return kept, others


def _month_of_slash_date(number: Number, text: str, other: str, other_lang: str) -> bool:
    """Whether ``number`` is the month of a month/day date written with a slash (9/11, the
    American order) that ``other`` names by its month (11 сентября, 11 sentyabr)."""
    match = next((m for m in _MONTH_DAY.finditer(text, max(0, number.start - 3), number.end + 3)
                  if number.start in (m.start(1), m.start(2))), None)
    if match is None or not 1 <= int(number.raw) <= 12:
        return False
    return any(month == int(number.raw) for month, _ in months_in(other, other_lang))


def _durations(number: Number, text: str, following: Number | None) -> tuple[list[tuple[str, Decimal]], int] | None:
    """A duration's figure in other units, as (unit, value) pairs, and how many figures after
    it are its own (7 лет и 6 месяцев: the 6, so 7.5 years); None when no time unit follows it."""
    unit = _time_unit_at(text, number)
    if unit is None or len(number.values) != 1:
        return None
    [value] = number.values
    joined = 0
    if unit == "years" and following is not None and _time_unit_at(text, following) == "months" \
            and len(following.values) == 1 and _AND_THEN.fullmatch(text, _unit_end(text, number), following.start):
        value += next(iter(following.values)) / 12
        joined = 1
    found = [(unit, _normal(value))]  # (as itself: a decade for 10 years, or 7.5 years joined)
    for big, small, ratio in _TIME_UNIT_RATIOS:
        if unit == big:
            found.append((small, _normal(value * ratio)))
        elif unit == small and (value * 2) % ratio == 0:  # a whole or half of the bigger one
            found.append((big, _normal(value / ratio)))
    return found, joined


#: The unit of a figure read with its half (3 il yarım, 2 saat yarım), and its name.
_AZ_HALVED_UNIT = re.compile(r"[\s\u00a0]+(il|ay|həftə|gün|saat|dəqiqə)[\s\u00a0]", re.IGNORECASE)
_AZ_TIME_UNITS = {"il": "years", "ay": "months", "həftə": "weeks", "gün": "days", "saat": "hours", "dəqiqə": "minutes"}


def _unit_end(text: str, number: Number) -> int:
    """Where the unit of :data:`_UNITS` right after ``number`` ends (or the number does)."""
    match = _UNIT.match(text, number.end - 1)
    return match.end() if match is not None else number.end


def _time_unit_at(text: str, number: Number) -> str | None:
    """The time unit (years, months, weeks, days, hours) right after ``number``, if any, or
    before its half (3 il yarım: years)."""
    if not number.raw[-1:].isdigit():
        halved = _AZ_HALVED_UNIT.search(number.raw)
        return _AZ_TIME_UNITS.get(halved.group(1).lower()) if halved else None
    match = _UNIT.match(text, number.end - 1)
    unit = match.lastgroup if match is not None else None
    return unit if unit in _TIME_UNIT_WORDS else None


def _said_as(other: str, other_lang: str, others: list[Number], words: Counter[Decimal], unit: str,
             value: Decimal) -> Number | str | None:
    """How ``other`` says ``value`` ``unit``: as a figure left unmatched with that unit after
    it (that figure), in words with a word of that unit in the text (полтора года), or, for
    one or half of it, a word of that unit alone (недельный, həftəlik; полгода; not three
    weeks): the unit word then; None when it does not."""
    figure = next((number for number in others if value in number.values and _time_unit_at(other, number) == unit),
                  None)
    if figure is not None:
        return figure
    named = _UNIT_NAMES.get((unit, value))
    word = named.search(other) if named is not None else None
    if word is None and value == _HALF and unit in _HALF_UNIT:
        word = _HALF_UNIT[unit].search(other)
    if word is not None:
        return word.group()
    word = _TIME_UNIT_WORDS[unit].search(other)
    if word is None:
        return None
    if words[value] > 0:
        return word.group()
    return _lone_unit_word(other, other_lang, unit) if value == 1 else None


def _lone_unit_word(text: str, lang: str, unit: str) -> str | None:
    """A word of the time unit ``unit`` in ``text`` with no figure or number word right
    before it (недельный, a week, həftəlik; not 3 недели, three weeks), as written."""
    pattern = _number_word_pattern(lang)
    for match in _TIME_UNIT_WORDS[unit].finditer(text):
        before = text[max(0, match.start() - 30):match.start()].rstrip(" -\u00a0\u2010\u2011")
        last = _LAST_WORD.search(before)
        if before[-1:].isdigit() or last is not None and pattern is not None and pattern.fullmatch(last.group()):
            continue
        return match.group()
    return None


_LAST_WORD = re.compile(r"[^\W\d_]+$")


#: The letters of a code before its figure and a hyphen (SU-1854, MH-17, COVID-19, Ту-154)
#: or a space after capitals (SU 1854), as a translation may write them glued (SU1854).
_CODE_BEFORE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]{1,8}[-\u2010\u2011]|[^\W\d_a-zа-яə]{2,4}[ \u00a0])$")
_CODE_JOINTS = frozenset("-\u2010\u2011 \u00a0")


def _not_in_codes(numbers: list[Number], text: str, other: str) -> list[Number]:
    """``numbers`` (of ``text``) less each figure of a code written with a hyphen or space
    (SU-1854) that ``other`` writes glued to its letters (SU1854), where no figure is read:
    the same flight, product or model; and the second figure of a product written with ×
    (4×100 м, 3×3) that ``other`` writes with a letter x (4x100m)."""
    kept = []
    for number in numbers:
        start = number.start
        if start < 2 or (text[start - 1] not in _CODE_JOINTS or not _CODE_BEFORE.search(text, max(0, start - 9), start)) \
                and not (text[start - 1] == "×" and text[start - 2].isdigit()) \
                or not re.search(rf"(?<=[^\W\d_]){re.escape(number.raw)}(?![\d.,]?\d)", other):
            kept.append(number)
    return kept


#: A fraction in figures (2/3, 1/4, 2/3-si), one figure up to ten over another.
_FRACTION = re.compile(r"(?<![\w/.,:])([1-9])/([1-9]|10)(?![\d/]|[.,]\d)")
#: Fractions in words, as (numerator, denominator): two thirds, a quarter, half; две трети,
#: четверть, половина; üçdə iki, dörddə biri, yarısı. Numerators are told by their first
#: letters (see :data:`_FRACTION_NUMERATORS`), denominators by their stems.
_FRACTION_WORDS = {
    "en": re.compile(r"(?<![^\W\d_])(?:(?P<num>an?|one|two|three|four|five|six|seven|eight|nine)[\s\u00a0-]+)?"
                     r"(?P<den>half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?"
                     r"|tenths?)(?![^\W\d_])", re.IGNORECASE),
    "ru": re.compile(r"(?<![^\W\d_])(?:(?P<num>одн\w*|дв(?:е|ух|ум|умя)|тр(?:и|[её]х|[её]м|емя)"
                     r"|четыр(?:е|[её]х|[её]м|ьмя)|пят(?:ь|и)|шест(?:ь|и)|сем(?:ь|и)|вос(?:емь|ьми)|девят(?:ь|и))"
                     r"[\s\u00a0]+)?(?P<den>половин\w*|трет(?:ь|и|ей|ью|ям|ями|ях)|четверт(?:ь|и|ей|ью|ям|ями|ях)"
                     r"|(?:пят|шест|седьм|восьм|девят|десят)(?:ая|ой|ую|ых|ым|ыми))(?![^\W\d_])", re.IGNORECASE),
    "az": re.compile(r"(?<![^\W\d_])(?:(?P<den>iki|üç|dörd|beş|altı|yeddi|səkkiz|doqquz|on)[dt][əa][\s\u00a0]+"
                     r"(?P<num>bir|iki|üç|dörd|beş|altı|yeddi|səkkiz|doqquz)\w*|(?P<half>yarı(?:s[ıi]\w*)?))"
                     r"(?![^\W\d_])", re.IGNORECASE),
}
#: Numerators and denominators by their first letters, in the three languages.
#: ("a" last: Azerbaijani altı opens with it.)
_FRACTION_NUMERATORS = (("one", 1), ("tw", 2), ("th", 3), ("fo", 4), ("fi", 5), ("si", 6), ("se", 7),
                        ("ei", 8), ("ni", 9), ("одн", 1), ("дв", 2), ("тр", 3), ("чет", 4), ("пят", 5),
                        ("шест", 6), ("сем", 7), ("вос", 8), ("дев", 9), ("bir", 1), ("iki", 2), ("üç", 3),
                        ("dörd", 4), ("beş", 5), ("altı", 6), ("yed", 7), ("sək", 8), ("doq", 9), ("on", 10),
                        ("a", 1))
_FRACTION_DENOMINATORS = (("half", 2), ("halv", 2), ("пол", 2), ("th", 3), ("трет", 3), ("qu", 4), ("fou", 4),
                          ("чет", 4), ("fi", 5), ("пят", 5), ("si", 6), ("шест", 6), ("se", 7), ("седь", 7),
                          ("ei", 8), ("вось", 8), ("ni", 9), ("девят", 9), ("te", 10), ("десят", 10))


def _first_letters_value(word: str, table: tuple[tuple[str, int], ...]) -> int:
    folded = word.lower()
    return next(value for prefix, value in table if folded.startswith(prefix))


def _fraction_value(match: re.Match[str]) -> tuple[int, int]:
    """The (numerator, denominator) a match of :data:`_FRACTION_WORDS` stands for; one
    when no numerator is written (a quarter, четверть), and Azerbaijani denominators are
    cardinals (dörddə biri: of four, one)."""
    if match.groupdict().get("half"):
        return 1, 2
    numerator, denominator = match.group("num"), match.group("den")
    denominators = _FRACTION_NUMERATORS if match.re is _FRACTION_WORDS["az"] else _FRACTION_DENOMINATORS
    return (_first_letters_value(numerator, _FRACTION_NUMERATORS) if numerator else 1,
            _first_letters_value(denominator, denominators))


def _not_in_fraction_words(numbers: list[Number], text: str, other: str, other_lang: str) -> list[Number]:
    """``numbers`` (of ``text``) less the two figures of each fraction (2/3, 1/4) that
    ``other`` writes in words (two thirds, четверть, dörddə biri)."""
    if "/" not in text:
        return numbers  # most segments: no fraction
    pattern = _FRACTION_WORDS.get(_base(other_lang))
    fractions = [match for match in _FRACTION.finditer(blank_out(text))
                 if int(match.group(1)) < int(match.group(2))] if pattern is not None else []
    if not fractions:
        return numbers
    words = Counter(_fraction_value(match) for match in pattern.finditer(blank_out(other)))  # type: ignore[union-attr]
    dropped: set[int] = set()
    for fraction in fractions:
        key = (int(fraction.group(1)), int(fraction.group(2)))
        if words[key] > 0:
            words[key] -= 1
            dropped |= {fraction.start(1), fraction.start(2)}
    return [number for number in numbers if number.start not in dropped] if dropped else numbers


#: A share told by two figures (2 out of 3, 2 in 3, 2 из 3; 3 nəfərdən 2-si) or by a
#: percentage (25%, 25 процентов, 25 faiz), which the other side may tell as a fraction
#: in words (two thirds, четверть, dörddə biri).
_SHARE_IN_FIGURES = re.compile(r"(?<![\w.,])(?P<num>\d)[\s\u00a0]+(?:out[\s\u00a0]+of|in|из)[\s\u00a0]+(?P<den>\d{1,2})"
                               r"(?![\d.,]?\d)|(?<![\w.,])(?P<az_den>\d{1,2})[\s\u00a0]+[^\W\d_]+d[əa]n[\s\u00a0]+"
                               r"(?P<az_num>\d)-[^\W\d_]+")
_SHARE_PERCENT = re.compile(r"(?<![\w.,])(?P<percent>\d{1,2}(?:[.,]\d)?)[\s\u00a0]?(?:%|(?i:per\s?cent|процент\w*|faiz\w*))")
_SHARE_HINT = re.compile(r"\d[\s\u00a0]+(?:out|in|из)[\s\u00a0]|d[əa]n[\s\u00a0]+\d|%|(?i:per\s?cent|процент|faiz)")


def _not_in_share_words(numbers: list[Number], text: str, other: str, other_lang: str) -> list[Number]:
    """``numbers`` (of ``text``) less the figures of each share (2 out of 3, 25%) that
    ``other`` tells as a fraction in words (two thirds, четверть, dörddə biri): a
    percentage within a point of the fraction (33% for a third)."""
    pattern = _FRACTION_WORDS.get(_base(other_lang))
    if pattern is None or not _SHARE_HINT.search(text):
        return numbers  # (most segments: no share)
    words = Counter(_fraction_value(match) for match in pattern.finditer(blank_out(other)))
    if not words:
        return numbers
    prose = blank_out(text)
    dropped: set[int] = set()
    for match in _SHARE_IN_FIGURES.finditer(prose):
        num, den = ("num", "den") if match.group("num") else ("az_num", "az_den")
        key = (int(match.group(num)), int(match.group(den)))
        if words[key] > 0:
            words[key] -= 1
            dropped |= {match.start(num), match.start(den)}
    for match in _SHARE_PERCENT.finditer(prose):
        percent = Decimal(match.group("percent").replace(",", "."))
        key = next((key for key, count in words.items() if count > 0
                    and abs(percent - Decimal(100) * key[0] / key[1]) < 1), None)
        if key is not None:
            words[key] -= 1
            dropped.add(match.start("percent"))
    return [number for number in numbers if number.start not in dropped] if dropped else numbers


#: A century word right after a Roman numeral (XX əsrin, XX века, XX century).
_CENTURY_AFTER = re.compile(r"[\s\u00a0]+(?i:əsr|век|вв?\.|centur)")


def _not_in_years(numbers: list[Number], text: str, other: list[Number]) -> list[Number]:
    """``numbers`` (of ``text``) less each century in Roman numerals that a year of the
    other side falls in: XX əsrin 60-cı illərində, в 60-х годах XX века = in the 1960s,
    which names the century in its year."""
    if not other or not any(n.raw[:1] in "IVXLХ" for n in numbers):
        return numbers  # (most segments: no century in Roman numerals)
    years = {int(value) for number in other for value in number.values
             if value == value.to_integral_value() and 1000 <= value <= 2999}
    return [number for number in numbers
            if not (number.raw[:1] in "IVXLХ" and _CENTURY_AFTER.match(text, number.end)
                    and any((year - 1) // 100 + 1 in number.values for year in years))]


def _without_ones_of_rates(numbers: list[Number], text: str, other: str, other_lang: str) -> list[Number]:
    """``numbers`` (of ``text``) less each lone 1 of a rate that ``other`` writes without it:
    right before a currency that ``other`` also names (1.7 manats to the dollar, за доллар,
    in one language and 1 dollar üçün, за 1 доллар, in another), or counted per unit (1
    litr üçün, за 1 литр, per 1 kg) where ``other`` says per, за or üçün (per litre, за
    литр, litri üçün) and has no number in words (за 1 год → in three years, per plan: a
    figure changed); the 1 is no figure of the source's that was changed."""
    if not any(number.raw == "1" for number in numbers):
        return numbers  # the common case: no call to the currency scan
    codes = {code for code, _ in currencies_in(other)}
    per = _RATE_WORD.search(other) is not None and not _has_number_words(other, other_lang)
    return [number for number in numbers
            if not (number.raw == "1" and (codes and _currency_after(text, number.end) in codes
                                           or per and _per_one(text, number)))]


def _has_number_words(text: str, lang: str) -> bool:
    """Whether ``text`` writes a number in words (three, трёх, üç)."""
    pattern = _number_word_pattern(lang)
    return pattern is not None and bool(_numbers_in_words(blank_out(text), lang, pattern))


#: A word that says "per" (per litre, за литр, litri üçün, adambaşına, hər nəfərə).
_RATE_WORD = re.compile(r"(?<![^\W\d_])(?i:per|за|üçün|hər)(?![^\W\d_])|başına")
#: A lone 1 of a rate: "per 1", "за 1", "hər 1" before it, or a word and üçün or başına after it.
_PER_BEFORE = re.compile(r"(?<![^\W\d_])(?i:per|за|hər)[\s\u00a0]+$")
_PER_AFTER = re.compile(r"[\s\u00a0]+[^\W\d_]+[\s\u00a0]+(?i:üçün|başına)(?![^\W\d_])")


def _per_one(text: str, number: Number) -> bool:
    """Whether ``number``, a lone 1 of ``text``, counts the unit of a rate (за 1 литр, 1 litr
    üçün): not a share (за 1%) nor a figure of its own."""
    if _PER_AFTER.match(text, number.end) is not None:
        return True
    after = text[number.end:number.end + 2]
    return after[:1] in _SPACES and after[1:2].isalpha() \
        and _PER_BEFORE.search(text, max(0, number.start - 6), number.start) is not None


def _currency_after(text: str, end: int) -> str:
    """The code of the currency named right after the figure ending at ``end``, or ''."""
    start = end + 1 if text[end:end + 1] in (" ", "\u00a0") else end
    match = _CURRENCY.match(text, start)
    return match.lastgroup or "" if match else ""


#: A time as one figure, its hour and minutes joined by a dot (в 17.30, saat 17.30).
_DOTTED_TIME = re.compile(r"([01]?\d|2[0-3])\.([0-5]\d)")


def _split_times(ones: list[Number], twos: list[Number]) -> tuple[list[Number], list[Number]]:
    """``ones`` and ``twos`` less the times ``ones`` write as one figure (17.30) and
    ``twos`` as an hour and minutes next to each other (17:30, 5:30 p.m.)."""
    def hour_and_minutes(number: Number, hour: Number, minutes: Number) -> bool:
        time = _DOTTED_TIME.fullmatch(number.raw)
        return bool(time) and minutes.start == hour.end + 1 and minutes.raw == time.group(2) \
            and Decimal(int(time.group(1))) in hour.values

    return _join_pairs(ones, twos, hour_and_minutes)


def _join_pairs(ones: list[Number], twos: list[Number],
                written_as: Callable[[Number, Number, Number], bool]) -> tuple[list[Number], list[Number]]:
    """``ones`` and ``twos`` less each figure of ``ones`` that ``twos`` writes as two figures
    next to each other, as ``written_as(figure, first, second)`` says."""
    left = list(twos)
    kept = []
    for number in ones:
        pair = next(((first, second) for first, second in zip(left, left[1:])
                     if written_as(number, first, second)), None)
        if pair:
            left.remove(pair[0])
            left.remove(pair[1])
        else:
            kept.append(number)
    return kept, left


def _join_scales(ones: list[Number], twos: list[Number]) -> tuple[list[Number], list[Number]]:
    """``ones`` and ``twos`` less a figure ``ones`` writes as two scales one after the
    other (10 milyon 100 min, 3 млрд 200 млн) and ``twos`` as their sum (10.1 million)."""
    left = list(twos)
    kept = []
    index = 0
    while index < len(ones):
        number = ones[index]
        total = _sum_of_scales(number, ones[index + 1]) if index + 1 < len(ones) else frozenset()
        match = next((other for other in left if other.values & total), None) if total else None
        if match:
            left.remove(match)
            index += 2
        else:
            kept.append(number)
            index += 1
    return kept, left


#: A phone number's country code: the figures after its plus, up to the first separator.
_COUNTRY_CODE = re.compile(r"\+(\d{1,3})")
#: What a country's numbers open with when dialled at home instead of the country code
#: (+7 495 … is 8 495 … in Russia and Kazakhstan; +1 202 … is (202) … in the United States;
#: most others, Azerbaijan's +994 12 … among them, dial 0 12 …).
_TRUNK_PREFIX = {"7": "8", "1": ""}


def _join_phones(ones: list[Number], twos: list[Number]) -> tuple[list[Number], list[Number]]:
    """``ones`` and ``twos`` less a phone number ``ones`` writes as dialled at home (050 123
    45 67, 8 (495) 123-45-67) and ``twos`` with its country code for readers abroad (+994 50
    123 45 67, +7 495 123-45-67): the same line. Only the country's own trunk prefix (or
    none) may stand for its code, so a changed code is still reported (8 (495) … → +994 495
    …), and two numbers with a code each are compared whole (a pairing, not a value both
    share, as +994 and +995 would share one)."""
    abroad = [number for number in twos if number.raw.startswith("+")]
    if not abroad:
        return ones, twos
    left, kept = list(twos), []
    for number in ones:
        digits = _home_digits(number)
        match = next((other for other in abroad if other in left and _dialled_at_home(other, digits)),
                     None) if digits else None
        if match is None:
            kept.append(number)
        else:
            left.remove(match)
    return kept, left


def _home_digits(number: Number) -> str:
    """The digits of a phone number written without a country code, its trunk prefix
    included; "" for any other number."""
    if number.raw.startswith("+") or len(number.values) != 1:
        return ""
    digits = re.sub(r"\D", "", number.raw)
    return digits if len(digits) >= 7 and Decimal(digits) in number.values and not _PART.fullmatch(number.raw) else ""


def _dialled_at_home(number: Number, home: str) -> bool:
    """Whether ``number`` (with its country code) is dialled ``home`` (digits) in its country:
    its trunk prefix (8 for +7, none for +1, 0 elsewhere) or none, then the national number."""
    code = _COUNTRY_CODE.match(number.raw)
    if code is None:
        return False
    national = re.sub(r"\D", "", number.raw)[len(code.group(1)):]
    return home in (_TRUNK_PREFIX.get(code.group(1), "0") + national, national)


#: A currency's minor unit after its figure (1 manat 50 qəpik, 1 манат 50 гяпиков, 2 рубля 40 коп.).
_MINOR_UNIT = re.compile(r"[\s\u00a0]*(?i:q[əe]pik\w*|qəp\.|гяпик\w*|копе[йе]\w*|коп\.|цент\w*|sent\w*|cents?|pence|tiyin\w*)"
                         r"(?![^\W\d_])")


def _join_minor_units(ones: list[Number], twos: list[Number], text: str) -> tuple[list[Number], list[Number]]:
    """``ones`` and ``twos`` less a sum ``ones`` writes as one figure (1.50 manat) and
    ``twos`` ``text`` as its whole units and its hundredths next to each other (1 manat 50
    qəpik, 1 манат 50 гяпиков)."""
    return _join_pairs(ones, twos, lambda number, whole, cents: cents.start - whole.end < 20
                       and _is_whole_and_cents(number, whole, cents)
                       and _MINOR_UNIT.match(text, cents.end) is not None)


_ARTICLE_WORD = r"(?:стать\w*|ст\.|[Aa]rticles?|[Aa]rt\.|maddə\w*)"
_PART_WORD = r"(?:част\w*|ч\.|[Pp]arts?|hissə\w*)"
#: A part of a code's article told as two figures: ч. 3 ст. 178, part 3 of Article 178
#: (the part first); Article 178, part 3; 178-ci maddəsinin 3-cü hissəsi (the article first).
_PART_OF_ARTICLE = re.compile(
    rf"(?<![^\W\d_])(?i:{_PART_WORD})[\s\u00a0]*(?P<part>\d+)[\s\u00a0]+(?:of[\s\u00a0]+)?"
    rf"(?i:{_ARTICLE_WORD})[\s\u00a0]*(?P<article>\d+)(?![\d.,]\d)")
_ARTICLE_WITH_PART = re.compile(
    rf"(?<![^\W\d_])(?i:{_ARTICLE_WORD})[\s\u00a0]*(?P<article>\d+),?[\s\u00a0]+"
    rf"(?i:{_PART_WORD})[\s\u00a0]*(?P<part>\d+)(?![\d.,]\d)"
    rf"|(?<![\d.,])(?P<az_article>\d+)-[^\W\d_]+[\s\u00a0]+maddə\w*[\s\u00a0]+(?P<az_part>\d+)-[^\W\d_]+[\s\u00a0]+hissə")


def _join_article_parts(ones: list[Number], twos: list[Number], text: str) -> tuple[list[Number], list[Number]]:
    """``ones`` and ``twos`` less a code's article and part that ``ones`` writes as one
    figure (Article 178.3, 178.3-cü maddə) and ``text`` as two (ч. 3 ст. 178, part 3 of
    Article 178, 178-ci maddəsinin 3-cü hissəsi), as Russian legal reports often do."""
    if not any(number.values and all(value % 1 for value in number.values) for number in ones):
        return ones, twos  # no figure with a fraction: nothing to split
    # Where each article's and part's figure starts: the figure it goes with, and the two
    # as one. The other figure may be an equal one elsewhere, when a plain match took the
    # one beside it (ч. 2 ст. 28 и ст. 120.2.1: the 2 of 120.2.1 took ч. 2's place).
    partners: dict[int, tuple[Decimal, Decimal]] = {}
    for match in chain(_PART_OF_ARTICLE.finditer(text), _ARTICLE_WITH_PART.finditer(text)):
        article, part = ("article", "part") if match.group("article") else ("az_article", "az_part")
        whole = _normal(Decimal(f"{match.group(article)}.{match.group(part)}"))
        partners[match.start(article)] = (_normal(Decimal(match.group(part))), whole)
        partners[match.start(part)] = (_normal(Decimal(match.group(article))), whole)
    if not partners:
        return ones, twos

    def written_as(number: Number, first: Number, second: Number) -> bool:
        return any(found[0] in other.values and found[1] in number.values
                   for one, other in ((first, second), (second, first))
                   if (found := partners.get(one.start)) is not None)

    return _join_pairs(ones, twos, written_as)


def _is_whole_and_cents(number: Number, whole: Number, cents: Number) -> bool:
    """Whether one of ``number``'s values is ``whole`` units and ``cents`` hundredths."""
    for value in number.values:
        units = value.to_integral_value(rounding="ROUND_FLOOR")
        hundredths = (value - units) * 100
        if hundredths and hundredths == hundredths.to_integral_value() and units in whole.values \
                and _normal(hundredths) in cents.values:
            return True
    return False


def _sum_of_scales(first: Number, second: Number) -> frozenset[Decimal]:
    """The values of ``first`` and ``second`` added, when ``second`` follows ``first``'s
    scale word right away with a smaller scale of its own (10 milyon 100 min); else none."""
    big = _scale_factor(first.scale_word.lower().rstrip("."))
    small = _scale_factor(second.scale_word.lower().rstrip("."))
    if big is None or small is None or small >= big \
            or second.start - first.end > len(first.scale_word) + 2:
        return frozenset()
    return frozenset(_normal(a + b) for a in first.values for b in second.values)


#: Small numbers written in words, cardinal and ordinal, in their cases and with their
#: endings (три, трёх, трое, третий; üç, üçüncü; three, third, twice; a dozen, десяток). A figure one side
#: writes in words is no figure lost: these only ever stand in for a figure, so a number
#: word is never reported itself.
_NUMBER_WORDS = {
    # With the multiples English writes as one word (twofold, doubled, quadruples: 5 dəfə
    # artıb, выросло в 4 раза), as Russian writes вдвое, впятеро.
    "en": ("one|first|once", "two|second|twice|twofold|doubl(?:e|ed|es|ing)",
           "three|third|thrice|threefold|tripl(?:e|ed|es|ing)",
           "four|fourth|fourfold|quadrupl(?:e|ed|es|ing)", "five|fifth|fivefold",
           "six|sixth|sixfold", "seven|seventh|sevenfold", "eight|eighth|eightfold",
           "nine|ninth|ninefold", "ten|tenth|tenfold", "eleven|eleventh", "twelve|twelfth|dozen"),
    "ru": ("од(?:ин|на|но|ного|ной|ному|ним|ном|ну|ни|них|ними)|перв\\w*",
           "два|две|двух|двум|двумя|двое|двоих|вдвое|втор(?:ой|ая|ое|ые|ого|ому|ым|ом|ую|ых|ыми)",
           "три|тр[её]х|тр[её]м|тремя|трое|троих|втрое|трет(?:ий|ья|ье|ьи|ьего|ьему|ьим|ьем|ью|ьей|ьих|ьими)",
           "четыре|четыр[её]х|четыр[её]м|четырьмя|четверо|четверых|вчетверо|четв[её]рт\\w*",
           "пять|пяти|пятью|пятеро|пятерых|впятеро|пят(?:ый|ая|ое|ые|ого|ому|ым|ом|ую|ой|ых|ыми)",
           "шесть|шести|шестью|шестеро|шест(?:ой|ая|ое|ые|ого|ому|ым|ом|ую|ых|ыми)",
           "семь|семи|семью|семеро|седьм\\w*", "восемь|восьми|восемью|восьм(?:ой|ая|ое|ые|ого|ому|ым|ом|ую|ых|ыми)",
           "девять|девяти|девятью|девят(?:ый|ая|ое|ые|ого|ому|ым|ом|ую|ой|ых|ыми)",
           "десять|десяти|десятью|десят(?:ый|ая|ое|ые|ого|ому|ым|ом|ую|ой|ых|ыми|ок|ка|ку|ком)",
           "одиннадцат\\w*", "двенадцат\\w*"),
    "az": ("bir|birinci\\w*", "iki\\w*", "üç\\w*", "dörd\\w*", "beş\\w*", "altı\\w*", "yeddi\\w*",
           "səkkiz\\w*", "doqquz\\w*", "on(?![\\s\\u00a0]+(?:bir|iki))|onuncu\\w*",
           "on[\\s\\u00a0]+bir\\w*", "on[\\s\\u00a0]+iki\\w*"),
}


#: One and a half in a word or words (полтора миллиона: 1.5 million; an hour and a half,
#: as English says 1.5 hours); first, as it opens with the word for one in English and
#: Azerbaijani.
_ONE_AND_A_HALF = {"en": "(?:one|an?[\\s\\u00a0]+(?:hour|day|week|month|year|minute|second|mile|metre|meter|kilometre"
                         "|kilometer|litre|liter|kilo|kilogram|ton|tonne|decade|century))"
                         "[\\s\\u00a0]+and[\\s\\u00a0]+a[\\s\\u00a0]+half",
                   "ru": "полтор[аы]|полутора", "az": "bir[\\s\\u00a0]+yarım"}
#: A half after a number word (two and a half, два с половиной, iki yarım: 2.5) or alone
#: before a scale word (half a million, yarım milyon: 500,000).
_AND_A_HALF = {"en": "and[\\s\\u00a0]+a[\\s\\u00a0]+half|half[\\s\\u00a0]+an?", "ru": "с[\\s\\u00a0]+половиной",
               "az": "yarım"}
#: The units Azerbaijani counts a half of after the unit (iki il yarım, 3 saat yarım: 2.5
#: years, 3.5 hours; il yarım alone: a year and a half), as English says "and a half".
_AZ_HALVED_UNITS = r"(?:il|ay|həftə|gün|saat|dəqiqə|saniyə|əsr)"
#: Such a unit between a figure or a number word and its half (the figure's side).
_AZ_UNIT_AND_A_HALF = re.compile(rf"[\s\u00a0]+{_AZ_HALVED_UNITS}[\s\u00a0]+yarım(?:dır|lıq\w*)?(?![^\W\d_])",
                                 re.IGNORECASE)
#: Such a unit between two number words (iki il yarım), and alone before its half (il yarım).
_AZ_UNIT_JOINT = re.compile(rf"[\s\u00a0]+{_AZ_HALVED_UNITS}[\s\u00a0]+", re.IGNORECASE)
_AZ_UNIT_BEFORE_HALF = re.compile(rf"(?<![^\W\d_])(?<!\d[\s\u00a0]){_AZ_HALVED_UNITS}[\s\u00a0]+$", re.IGNORECASE)
_HALF = Decimal("0.5")
#: Half of a scale in one word (полмиллиона: 500,000), by power of ten.
_HALF_SCALE = {"ru": (("3", "полтысяч\\w*"), ("6", "полмиллион\\w*"), ("9", "полмиллиард\\w*"))}


#: The hours a word names, by hour (at midnight: в 00:00, saat 00:00-da; at noon: в 12:00).
_CLOCK_WORDS = {"en": ((0, "midnight"), (12, "noon|midday")), "ru": ((0, "полноч\\w*"), (12, "полд(?:ень|ня|ню|нем)")),
                "az": ((0, "gecə[\\s\\u00a0]+yarısı\\w*"), (12, "günorta(?![\\s\\u00a0]+saat)\\w*"))}
#: Days and nights after a figure (3 суток, 2 sutka), which a translation counts in hours
#: as often (72 hours, 48 saat).
_DAYS_AND_NIGHTS = re.compile(r"[\s\u00a0]*(?i:сут(?:ки|ок|кам|ками|ках)|sutka\w*)(?![^\W\d_])")
#: A day and night as one word, which stands for 24 hours (за сутки: in 24 hours; sutkada;
#: суточная забастовка: a 24-hour strike).
_DAY_OF_24_HOURS = {"ru": "сутк(?:и|ам|ами|ах)|суток|суточн\\w*", "az": "sutka\\w*"}


#: Thirteen to nineteen, cardinal and ordinal (Azerbaijani writes them as ten and a unit).
_TEEN_WORDS = {
    "en": tuple(f"{stem}teen(?:th)?" for stem in ("thir", "four", "fif", "six", "seven", "eigh", "nine")),
    "ru": tuple(f"{stem}надцат\\w*" for stem in ("три", "четыр", "пят", "шест", "сем", "восем", "девят")),
    "az": tuple(f"on[\\s\\u00a0]+{unit}\\w*" for unit in ("üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz")),
}
#: Twenty to ninety, cardinal and ordinal, in their cases; a unit may follow (twenty-seven,
#: двадцать семь, двадцать седьмой, iyirmi yeddi).
_TENS_WORDS = {
    "en": tuple(f"{stem}(?:y|ieth)" for stem in ("twent", "thirt", "fort", "fift", "sixt", "sevent", "eight",
                                                  "ninet")),
    "ru": ("двадцат\\w*", "тридцат\\w*", "сорок\\w*", "пят(?:ьдесят|идесят\\w*)", "шест(?:ьдесят|идесят\\w*)",
           "сем(?:ьдесят|идесят\\w*)", "восемьдесят|восьмидесят\\w*", "девяност\\w*"),
    "az": ("iyirmi\\w*", "otuz\\w*", "qırx\\w*", "əlli\\w*", "altmış\\w*", "yetmiş\\w*", "səksən\\w*",
           "doxsan\\w*"),
}


#: Hundreds in words: Russian writes each as one word, in its cases (двести, двухсот,
#: пятистам; сотый); English and Azerbaijani multiply the word for a hundred (two hundred,
#: iki yüz), which alone is one hundred.
_HUNDRED_WORDS = {
    "ru": ("сто|ста|сот(?:ый|ая|ое|ые|ого|ому|ым|ом|ую|ой|ых|ыми)", "двести|двухсот\\w*|двумст\\w*|двумяст\\w*",
           "триста|тр[её]хсот\\w*|тр[её]мст\\w*|тремяст\\w*", "четыреста|четыр[её]хсот\\w*|четыр[её]мст\\w*|четырьмяст\\w*",
           *(f"{cardinal}|{oblique}сот\\w*|{oblique}ст(?:ам|ах)|{instrumental}ст\\w*" for cardinal, oblique, instrumental in (
               ("пятьсот", "пяти", "пятью"), ("шестьсот", "шести", "шестью"), ("семьсот", "семи", "семью"),
               ("восемьсот", "восьми", "восемью|восьмью"), ("девятьсот", "девяти", "девятью")))),
}
_HUNDRED_MULTIPLIER = {"en": "hundred", "az": "yüz(?:ə|dən|ü|ün|üncü\\w*)?"}
#: Russian adjectives opening with a number (трёхдневный, двухэтажный, пятилетний: 3-day,
#: two-storey, five-year); a seminar (семинар) is no seven.
_COMPOUND_STEMS = {"ru": ("двух", "тр[её]х", "четыр[её]х", "пяти", "шести", "семи(?!нар|т)", "восьми", "девяти",
                          "десяти")}
#: Such words opening with a hundred or a thousand, by value (столетие: the 100th
#: anniversary, стометровка: the 100m, тысячелетие); a table (стол) or a capital
#: (столица) is no hundred.
_COMPOUND_LARGE = {"ru": ((100, "сто(?=лет|метр)"), (1000, "тысяче(?=лет)"))}
#: Scale words after a number word (three million, три тыс., üç min), by power of ten; the
#: forms that alone stand for one of them (a thousand, тысяча, миллиона, min) are
#: :data:`_LONE_SCALE`: plurals (тысячи людей aside, thousands, миллионы, milyonlarla) are
#: no figure.
_SCALE_WORD_GROUPS = {
    "en": (("3", "thousand"), ("6", "million|mln|mn"), ("9", "billion|bn|bln"), ("12", "trillion")),
    "ru": (("3", "тысяч\\w*|тыс"), ("6", "миллион\\w*|млн"), ("9", "миллиард\\w*|млрд"), ("12", "триллион\\w*|трлн")),
    "az": (("3", "min(?:dən|də|ə|in)?"), ("6", "milyon\\w*|mln"), ("9", "milyard\\w*|mlrd"), ("12", "trilyon\\w*|trln")),
}
_LONE_SCALE = re.compile(r"thousand|million|billion|trillion|тысяч[ауе]|тысячей|(?:миллион|миллиард|триллион)"
                         r"(?:а|у|ом|е)?|min(?:dən|də|ə|in)?|(?:milyon|milyard|trilyon)(?:a|u|ı|un|ın|da|dan)?", re.IGNORECASE)
#: тысячи is a thousand after a word that asks for the genitive (около тысячи человек),
#: and thousands otherwise (тысячи людей).
_GENITIVE_BEFORE = re.compile(r"(?<![^\W\d_])(?:около|более|свыше|менее|до|порядка|от|из|со?|без|для|больше|меньше"
                              r"|почти|примерно|приблизительно)[\s\u00a0]+$", re.IGNORECASE)
#: What may stand between the number words of one number (two hundred and fifty).
_WORD_JOINT = re.compile(r"[\s\u00a0-]*(?:and[\s\u00a0]+)?")


@lru_cache(maxsize=8)
def _number_word_pattern(lang: str) -> re.Pattern[str] | None:
    """Number words of ``lang``: group ``half`` (one and a half), ``andhalf`` (a half added
    to the number before, or alone), ``q<power of ten>`` (half a scale: полмиллиона),
    ``n<value>`` (one to nineteen), a ten
    ``t<value>`` and its unit ``c<value>`` (twenty-seven: t20 and c7), a hundred
    ``h<value>`` (двести) or ``hundred`` (the multiplier: two hundred), a compound's number
    ``p<value>`` (трёхдневный: 3) and a scale word ``s<power of ten>``; the hundreds first, as
    двухсот opens as двух does, the teens and tens before the units, as Azerbaijani
    thirteen opens with ten and English seventy with seven."""
    base = _base(lang)
    words = _NUMBER_WORDS.get(base)
    if words is None:
        return None
    tens = "|".join(f"(?P<t{value}>{word})" for value, word in zip(range(20, 100, 10), _TENS_WORDS[base]))
    units = "|".join(f"(?P<c{value}>{word})" for value, word in enumerate(words[:9], 1))
    day = _DAY_OF_24_HOURS.get(base)
    multiplier = _HUNDRED_MULTIPLIER.get(base)
    groups = "|".join([f"(?P<half>{_ONE_AND_A_HALF[base]})", f"(?P<andhalf>{_AND_A_HALF[base]})",
                       *(f"(?P<q{power}>{word})" for power, word in _HALF_SCALE.get(base, ())),
                       *([f"(?P<day>{day})"] if day else []),
                       *(f"(?P<k{hour}>{word})" for hour, word in _CLOCK_WORDS[base]),
                       *(f"(?P<h{value}>{word})" for value, word in zip(range(100, 1000, 100), _HUNDRED_WORDS.get(base, ()))),
                       *([f"(?P<hundred>{multiplier})"] if multiplier else []),
                       *(f"(?P<n{value}>{word})" for value, word in enumerate(_TEEN_WORDS[base], 13)),
                       f"(?:{tens})(?:[\\s\\u00a0-]+(?:{units}))?",
                       *(f"(?P<n{value}>{word})" for value, word in enumerate(words, 1)),
                       *(f"(?P<p{value}>{stem}\\w+)" for value, stem in enumerate(_COMPOUND_STEMS.get(base, ()), 2)),
                       *(f"(?P<p{value}>{stem}\\w+)" for value, stem in _COMPOUND_LARGE.get(base, ())),
                       *(f"(?P<s{power}>{word})" for power, word in _SCALE_WORD_GROUPS[base])])
    return re.compile(rf"(?<![^\W\d_])(?:{groups})(?![^\W\d_])", re.IGNORECASE)


def _word_value(match: re.Match[str]) -> Decimal:
    """The value of a match of :func:`_number_word_pattern` that is no scale word nor the
    word for a hundred (a multiplier each)."""
    group = match.lastgroup or "n0"
    if group == "half":
        return Decimal("1.5")
    if group == "day":
        return Decimal(24)
    if group[0] == "c":  # a ten's unit: add the ten
        ten = next(name for name, value in match.groupdict().items() if value and name[0] == "t")
        return Decimal(int(ten[1:]) + int(group[1:]))
    return Decimal(int(group[1:]))


def _word_counts(prose: str, lang: str) -> Counter[Decimal]:
    """The numbers ``prose`` writes in words (:func:`_numbers_in_words`) and in phrases of
    words (:func:`_phrase_values`): a new counter each time, read once (a segment's words are
    asked for by more than one step)."""
    return Counter(dict(_word_count_items(prose, lang)))


@lru_cache(maxsize=256)
def _word_count_items(prose: str, lang: str) -> tuple[tuple[Decimal, int], ...]:
    pattern = _number_word_pattern(lang)
    if pattern is None:
        return ()
    phrases: Counter[Decimal] = Counter()
    if _PHRASE_HINT.search(prose):
        phrases, prose = _phrase_values(prose, lang)
    return tuple((_numbers_in_words(prose, lang, pattern) + phrases).items())


def _numbers_in_words(prose: str, lang: str, pattern: re.Pattern[str]) -> Counter[Decimal]:
    """The numbers ``prose`` writes in words, each as many times as written: number words
    next to each other make one number (two hundred and fifty, двести пятьдесят, iki yüz
    əlli, три тысячи: 250, 250, 250, 3000), a scale word alone in the singular one of its
    scale (a thousand, тысяча, min: 1000), a scale word after a figure none (5 тысяч is the
    figure's)."""
    found: Counter[Decimal] = Counter()
    total = current = Decimal(0)
    last = ""  # the kind of the word before: "" (none), "unit", "hundred" or "scale"
    start = end = 0

    def close() -> None:
        """Count the number read so far (with a scale word of another kind after it: three
        bcm) and start another."""
        nonlocal total, current, last
        if total or current:
            factor = _scale_after(prose, start, end, lang)[1] if last != "scale" else Decimal(1)
            found[_normal(total + current * factor)] += 1
        total = current = Decimal(0)
        last = ""

    halves_units = _base(lang) == "az"  # iki il yarım: 2.5 years
    for match in pattern.finditer(prose):
        group = match.lastgroup or ""
        if last and not _WORD_JOINT.fullmatch(prose, end, match.start()) \
                and not (halves_units and group == "andhalf" and last == "unit"
                         and _AZ_UNIT_JOINT.fullmatch(prose, end, match.start())):
            close()
        if not last:
            start = match.start()
        if group[0] == "k":  # an hour of its own, midnight's 0 too
            close()
            found[Decimal(int(group[1:]))] += 1
            continue
        if group == "day" and last == "unit" and current:
            found[_normal(current * 24)] += 1  # двое суток: 48 hours, as well as 2 days
        if group == "andhalf":
            if last != "unit" or current % 1:
                close()
                start = match.start()
                if halves_units and _AZ_UNIT_BEFORE_HALF.search(prose, max(0, start - 12), start):
                    current = Decimal(1)  # il yarım: a year and a half
            current += _HALF
            last = "unit"
        elif group[0] == "q":
            close()
            total, start, last = Decimal(5) * Decimal(10) ** (int(group[1:]) - 1), match.start(), "scale"
        elif group[0] == "s":
            if current:
                total += current * Decimal(10) ** int(group[1:])
                current = Decimal(0)
            elif not total and _lone_scale(prose, match):
                total = Decimal(10) ** int(group[1:])
            else:
                close()
                continue
            last = "scale"
        elif group == "hundred":
            if last == "unit" and current < 10:
                current *= 100
            else:
                if last == "unit" or last == "hundred":
                    close()
                    start = match.start()
                current += 100
            last = "hundred"
        else:
            value = _word_value(match)
            if last == "unit" or last == "hundred" and (current % 100 or value >= 100):
                close()
                start = match.start()
            current += value
            last = "unit" if value < 100 else "hundred"
        end = match.end()
    close()
    return found


def _lone_scale(prose: str, match: re.Match[str]) -> bool:
    """Whether the scale word ``match`` found stands alone for one of its scale (a thousand,
    тысяча, около тысячи, min): in the singular, and after no figure (5 тысяч is the figure's)."""
    word = match.group().lower()
    before = prose[max(0, match.start() - 30):match.start()]
    if before.rstrip()[-1:].isdigit():
        return False
    if word == "тысячи":
        return _GENITIVE_BEFORE.search(before) is not None
    return _LONE_SCALE.fullmatch(word) is not None


def _not_in_words(numbers: list[Number], text: str, lang: str) -> list[Number]:
    """``numbers`` less those ``text`` writes in words (3 → три, три миллиона → 3 млн, 250 →
    двести пятьдесят), each number in words standing in for one figure."""
    pattern = _number_word_pattern(lang)
    if pattern is None:
        return numbers
    words = _word_counts(blank_out(text), lang)
    left = []
    for number in numbers:
        value = next((v for v in number.values if words[v] > 0), None)
        if value is None:
            left.append(number)
        else:
            words[value] -= 1
    return left


#: Ordinals in the genitive, as Russian names the hour a time runs towards (в половине
#: четвёртого: half past three), first to twelfth.
_RU_HOUR_ORDINALS = ("первого", "второго", "третьего", "четв[её]ртого", "пятого", "шестого", "седьмого",
                     "восьмого", "девятого", "десятого", "одиннадцатого", "двенадцатого")
_RU_HOURS = ("час", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "одиннадцать",
             "двенадцать")
_EN_HOURS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_AZ_HOURS = ("bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz", "on", "on bir", "on iki")
#: A fraction of a scale in words (a quarter of a million, three quarters of a billion,
#: четверть миллиона, три четверти миллиарда, milyonun dörddə biri): its numerator of
#: quarters and the scale.
_QUARTER_OF_SCALE = {
    "en": re.compile(r"(?<![^\W\d_])(?:(?P<num>a|one|three)[\s\u00a0-]+)?quarters?[\s\u00a0]+of[\s\u00a0]+an?"
                     r"[\s\u00a0]+(?P<scale>thousand|million|billion)(?![^\W\d_])", re.IGNORECASE),
    "ru": re.compile(r"(?<![^\W\d_])(?:(?P<num>три)[\s\u00a0]+)?четверт(?:ь|и|ью)[\s\u00a0]+"
                     r"(?P<scale>тысячи|миллиона|миллиарда)(?![^\W\d_])", re.IGNORECASE),
    "az": re.compile(r"(?<![^\W\d_])(?P<scale>min|milyon|milyard)[iuı]n[\s\u00a0]+dörddə[\s\u00a0]+"
                     r"(?P<num>bir|üç)\w*", re.IGNORECASE),
}
#: A time told in words by its part of an hour (half past three, a quarter to six; в
#: половине четвёртого, четверть пятого, без четверти пять; dördün yarısı): the part and the
#: hour as written. Russian and Azerbaijani name the hour the time runs towards.
_CLOCK_PHRASE = {
    "en": re.compile(r"(?<![^\W\d_])(?P<part>half|(?:a[\s\u00a0]+)?quarter)[\s\u00a0]+(?P<rel>past|to)"
                     r"[\s\u00a0]+(?P<hour>" + "|".join(_EN_HOURS[::-1]) + r"|midnight|noon|midday|1[0-2]|[1-9])"
                     r"(?![^\W\d_]|\d)",
                     re.IGNORECASE),
    "ru": re.compile(r"(?<![^\W\d_])(?:(?P<part>половин[еау]|четверть)[\s\u00a0]+(?P<hour>"
                     + "|".join(_RU_HOUR_ORDINALS[::-1]) + r")|(?P<rel>без)[\s\u00a0]+четверти[\s\u00a0]+"
                     r"(?P<to>" + "|".join(_RU_HOURS[::-1]) + r"))(?![^\W\d_])",
                     re.IGNORECASE),
    "az": re.compile(r"(?<![^\W\d_])(?P<hour>" + "|".join(_AZ_HOURS[::-1]) + r")(?:[iuüı]n|n[iuüı]n)[\s\u00a0]+"
                     r"(?P<part>yarısı)\w*", re.IGNORECASE),
}
#: What each phrase above holds: most segments have none.
_PHRASE_HINT = re.compile(r"(?i:quarter|half[\s\u00a0]+past|четверт|половин|dörddə|yarısı)")


def _phrase_values(prose: str, lang: str) -> tuple[Counter[Decimal], str]:
    """The figures ``prose`` tells in phrases of words rather than number words: a quarter
    of a scale (a quarter of a million: 250,000) and a time by its part of an hour (half
    past three: 3 or 15 and 30), each as many times as written; and ``prose`` without those
    phrases, whose number words are theirs (четвёртого in в половине четвёртого is no 4)."""
    found: Counter[Decimal] = Counter()
    spans: list[tuple[int, int]] = []
    base = _base(lang)
    quarter, clock = _QUARTER_OF_SCALE.get(base), _CLOCK_PHRASE.get(base)
    for match in quarter.finditer(prose) if quarter is not None else ():
        quarters = 3 if (match.group("num") or "").lower() in ("three", "три", "üç") else 1
        found[_normal(Decimal(quarters) / 4 * _SCALE[match.group("scale").lower()])] += 1
        spans.append(match.span())
    for match in clock.finditer(prose) if clock is not None else ():
        hour, minutes = _clock_phrase_time(match, base)
        found[Decimal(hour)] += 1
        found[Decimal(hour + 12 if hour < 12 else 0)] += 1  # (the other half of the day's, on the 24-hour clock)
        found[Decimal(minutes)] += 1
        spans.append(match.span())
    for start, end in spans:
        prose = prose[:start] + " " * (end - start) + prose[end:]
    return found, prose


def _clock_phrase_time(match: re.Match[str], base: str) -> tuple[int, int]:
    """The hour (1–12) and minutes a match of :data:`_CLOCK_PHRASE` tells."""
    if base == "ru" and match.group("rel"):  # без четверти пять: 4:45
        return _RU_HOURS.index(match.group("to").lower()) or 12, 45
    written = match.group("hour").lower()
    if written.isdigit():
        hour = int(written)
    elif written in ("midnight", "noon", "midday"):
        hour = 12
    elif base == "ru":
        hour = next(i for i, word in enumerate(_RU_HOUR_ORDINALS, 1) if re.fullmatch(word, written))
    else:
        hour = (_EN_HOURS if base == "en" else _AZ_HOURS).index(re.sub(r"\s+", " ", written)) + 1
    part = match.group("part").lower()
    minutes = 30 if part.startswith(("half", "полов", "yarı")) else 15
    if base != "en" or match.group("rel").lower() == "to":  # the hour it runs towards
        hour = (hour + 10) % 12 + 1
        minutes = 45 if base == "en" else minutes
    return hour, minutes
#: Number words compared between a source and its translation when both write them: two to
#: a hundred (one is also "a", bir, and a scale word alone, thousands, minlərlə, is vague).
_COMPARED_WORDS = range(2, 101)


#: A word, as number words are matched one by one by :func:`_counting_word`.
_LETTERS = re.compile(r"[^\W\d_]+")


#: Per language, whether a word (in lower case) is a number word above one: a text's
#: words are looked up one by one, as searching it with the whole pattern of number words
#: costs a hundred times more, and most texts hold none. Emptied when it grows large.
_COUNTING_WORDS: dict[str, dict[str, bool]] = {}
_COUNTING_WORDS_SIZE = 200_000


def _counting_word(word: str, lang: str) -> bool:
    """Whether ``word`` (in lower case) is alone a number word of ``lang`` above one
    (three, трёх, üçüncü; not one, bir, which is also "a")."""
    known = _COUNTING_WORDS.setdefault(lang, {})
    found = known.get(word)
    if found is None:
        pattern = _number_word_pattern(lang)
        match = pattern.fullmatch(word) if pattern is not None else None
        if len(known) >= _COUNTING_WORDS_SIZE:
            known.clear()
        found = known[word] = match is not None and match.lastgroup is not None \
            and match.lastgroup[0] in "ntchp" and match.lastgroup != "n1"
    return found


#: What stands around a word split off at spaces and hyphens (twenty-seven: two words).
_AROUND_WORD = ".,;:!?«»“”„\"'()[]{}—–…*_/’‘<>%"


def _counts_in_words(text: str, lang: str) -> bool:
    """Whether ``text`` writes a number above one in words: the gate before reading them."""
    return bool(_counting_ends(text, lang))


@lru_cache(maxsize=_CACHE_SIZE)
def _counting_ends(text: str, lang: str) -> tuple[int, ...]:
    """Where the number words above one of ``text`` end (cached: a source is read for each
    of its translations); () at once when none of its distinct words is one."""
    if _base(lang) not in _NUMBER_WORDS:
        return ()
    lowered = text.replace("İ", "i").lower()  # (of the same length: İ alone lowers to two characters)
    known = _COUNTING_WORDS.get(lang, {})
    for word in {word.strip(_AROUND_WORD) for word in lowered.replace("-", " ").split()}:
        found = known.get(word)
        if found or found is None and word.isalpha() and _counting_word(word, lang):
            break
    else:
        return ()  # (most texts: splitting at spaces is faster than a regex for letters)
    ends = []
    for match in _LETTERS.finditer(lowered):  # (known words looked up here: no call for each)
        found = known.get(match.group())
        if found or found is None and _counting_word(match.group(), lang):
            ends.append(match.end())
    return tuple(ends)


@lru_cache(maxsize=_CACHE_SIZE)
def _word_values(text: str, lang: str) -> tuple[Decimal, ...]:
    """The values of the number words of ``text`` from two to a hundred, as many times as
    written (cached: the source is read again for each translation)."""
    pattern = _number_word_pattern(lang)
    if pattern is None or not _counts_in_words(text, lang):
        return ()
    found = _numbers_in_words(blank_out(text), lang, pattern)
    return tuple(sorted(value for value, count in found.items() for _ in range(count)
                        if value == value.to_integral_value() and int(value) in _COMPARED_WORDS))


#: A noun that multiplies the number word before it (two decades: twenty years; half a
#: dozen: six; three centuries): where number words may differ and mean the same.
_MULTIPLYING_NOUN = re.compile(r"(?<![^\W\d_])(?i:decade|dozen|centur|millenni|десятилет|дюжин|столет|тысячелет|век|"
                               r"onillik|düjün|əsr|minillik|yüzillik)")


def changed_number_words(source: str, translation: str, src_lang: str,
                         tgt_lang: str) -> tuple[list[Decimal], list[Decimal]]:
    """The numbers the source writes in words that the translation has neither in words
    nor in figures, and those the translation writes in words instead (nine → on, doubled
    → втрое); nothing unless both exist: a translation may add a word (a decade → десять
    лет) or drop one (two sons → сыновья), but one number word replaced by another is
    another number."""
    wanted = _word_values(source, src_lang)
    if not wanted:
        return [], []  # most sources: no number in words
    offered = _word_values(translation, tgt_lang)
    if not offered or _MULTIPLYING_NOUN.search(source) or _MULTIPLYING_NOUN.search(translation):
        return [], []  # (two decades → двадцать лет)
    left = Counter(offered)
    missing = []
    for value in wanted:
        if left[value]:
            left[value] -= 1
        else:
            missing.append(value)
    extra = list(left.elements())
    if not missing or not extra:
        return [], []
    figures_there = {v for number in numbers_in(translation, tgt_lang, lenient_with=src_lang) for v in number.values}
    figures_here = {v for number in numbers_in(source, src_lang) for v in number.values}
    # Words of the source's language left in the translation (a phrase kept, or not yet
    # translated: "two" in an Azerbaijani text) still say their number.
    kept = set(_word_values(translation, src_lang)) if _base(src_lang) != _base(tgt_lang) else set()
    missing = [value for value in missing if value not in figures_there and value not in kept]
    extra = [value for value in extra if value not in figures_here]
    return (missing, extra) if missing and extra else ([], [])


class _UnusedNumbers:
    """The numbers of a translation not yet matched to one of the source's.

    Each source number takes the first unused number that shares a value with it. Found
    through a list of positions per value rather than by scanning them all, since a segment
    with thousands of figures (a results table written as one paragraph) made the scan
    quadratic.
    """

    def __init__(self, numbers: list[Number]) -> None:
        self._numbers = numbers
        self._used: set[int] = set()
        self._positions: dict[Decimal, list[int]] = {}
        self._skip: dict[Decimal, int] = {}  # per value: its positions before this are used
        for index, number in enumerate(numbers):
            for value in number.values:
                self._positions.setdefault(value, []).append(index)

    def take_first(self, values: frozenset[Decimal]) -> bool:
        first = min((self._first_unused(value) for value in values), default=None, key=_or_last)
        if first is None:
            return False
        self._used.add(first)
        return True

    def _first_unused(self, value: Decimal) -> int | None:
        positions = self._positions.get(value, [])
        skip = self._skip.get(value, 0)
        while skip < len(positions) and positions[skip] in self._used:
            skip += 1
        self._skip[value] = skip
        return positions[skip] if skip < len(positions) else None

    def left(self) -> list[Number]:
        return [n for i, n in enumerate(self._numbers) if i not in self._used]


def _or_last(index: int | None) -> float:
    return float("inf") if index is None else index


@lru_cache(maxsize=_CACHE_SIZE)
def _values(raw: str, lang: str, lenient_with: str | None) -> tuple[Decimal, ...]:
    """Every value ``raw`` can stand for (cached: the same figures recur, 2024, 100), in
    the order the set of readings yields them, so the scaled set is built the same way."""
    return tuple(_readings(raw, lang, lenient_with))


def _readings(raw: str, lang: str, lenient_with: str | None) -> set[Decimal]:
    own = _CONVENTIONS.get(_base(lang))
    if own is None:  # a language whose marks are not known here (de 1.500,5; uk 1 500,5): any reading
        return {value for convention in _ALL for value in _parse(raw, convention)}
    values = _parse(raw, own)
    if lenient_with is not None:
        values |= _parse(raw, _CONVENTIONS.get(_base(lenient_with), own))
    if not values or lenient_with is not None and not _parse(raw, own):
        for convention in _ALL:
            values |= _parse(raw, convention)
    return values


def _parse(raw: str, convention: tuple[tuple[str, ...], str]) -> set[Decimal]:
    groups, decimal = convention
    body = raw
    for mark in groups:
        parts = body.split(mark)
        if len(parts) > 1:
            head = parts[0]
            tail = parts[-1].split(decimal)[0]
            middle = [*parts[1:-1], tail]
            if not 1 <= len(head) <= 3 or any(len(p) != 3 for p in middle):
                return set()
            body = "".join([head, *parts[1:]])
    if body.count(decimal) > 1 or not set(body).issubset("0123456789" + decimal):
        return set()
    try:
        return {Decimal(body.replace(decimal, "."))}
    except InvalidOperation:
        return set()


#: A million or a thousand as a letter glued to a sum of money ($12m, £3.5m, €40k): English
#: news style. Without a currency sign before the sum, 100m is a distance.
_MONEY_LETTER = re.compile(r"[mk](?![^\W\d_])")
_MONEY_FACTOR = {"m": Decimal(10) ** 6, "k": Decimal(10) ** 3}
_GLUED_LETTERS = frozenset("mkK")
_CURRENCY_SIGNS = frozenset("$£€₼₽¥")


def money_scale_in(text: str, index: int, target: str) -> str | None:
    """The scale word ``target`` writes for the m or k at ``index`` glued to a sum of money
    ($12m: "млн", €40k: "min") or to a count (1.9m tonnes, 450k doses: see
    :func:`_glued_scale`); None when there is no such letter there."""
    start = index
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".,"):
        start -= 1
    letter = _MONEY_LETTER.match(text, index)
    words = _SCALE_WORDS.get(_base(target))
    if start == index or not letter or not words \
            or not (start and _after_currency(text, start) or _glued_scale(text, index) == _COUNT):
        return None
    return words[[f for _, f in _SCALES].index(_MONEY_FACTOR[letter.group()])]


#: Currency codes a sum with a glued m or k follows (AZN 5m, USD 12.5m).
_CURRENCY_CODES = frozenset({"AZN", "USD", "EUR", "GBP", "RUB"})
_CODE_ENDS = frozenset(code[-1] for code in _CURRENCY_CODES)


def _after_currency(text: str, start: int) -> bool:
    """Whether the figure at ``start`` follows a currency sign ($12m) or code and a space
    (AZN 5m): an m or k glued to it is then millions or thousands."""
    before = text[start - 1]
    return before in _CURRENCY_SIGNS or before in _SPACES and text[start - 4:start - 1] in _CURRENCY_CODES


#: What :func:`_glued_scale` tells of a letter glued to a figure: a count (millions,
#: thousands), a measure (metres, kilometres), or either.
_COUNT, _MEASURE, _EITHER = "count", "measure", "either"
#: The letter after a figure and what follows it: a space and a word, or no word at all.
_GLUED_LETTER = re.compile(r"[mkK](?:[ \u00a0]+(?P<word>[^\W\d_]+)|-(?P<compound>[^\W\d_]+)"
                           r"|(?P<end>(?![^\W\d_]|[-\u2010\u2011\d²³/])))")
#: What a count joined by a hyphen counts (a 2m-tonne harvest, a 50k-strong crowd, a
#: $5m-a-year deal); other words after a hyphen measure (a 10m-high wall, a 5m-long boat).
_COUNTED_AFTER_HYPHEN = frozenset({"tonne", "ton", "barrel", "strong", "dollar", "euro", "pound", "manat", "rouble",
                                   "ruble", "dose", "member", "seat", "year", "a", "plus"})
#: English plurals without an s, which count as plurals do (1.9m people, 2m children),
_COUNTED_WITHOUT_S = frozenset({"people", "children", "men", "women", "sheep", "cattle", "livestock", "poultry",
                                "fish", "deer", "staff", "personnel",
                                # and what is counted in abbreviations: 2m b/d (barrels a day), 1.9m t, 3m sq ft
                                "b", "bpd", "boe", "t", "cu", "sq"})


def _glued_scale(text: str, index: int) -> str:
    """What the letter m or k at ``index``, glued to a figure with no currency sign, stands
    for. English writes 1.9m tonnes and 450k doses for millions and thousands, and a 100m
    sprint, a 5m wall, a 5k run for metres and kilometres: a count is followed by the plural
    of what it counts (tonnes, doses, people) and a measure, which English writes as a
    modifier, by a singular noun (sprint, wall) or by a hyphen, "of" or a square or cube
    (a 10m-high wall, 5m of cable, 100m²), unless what follows the hyphen is counted (a
    2m-tonne harvest, a 50k-strong crowd). With nothing after it (he ran 100m; a 1.2m
    deficit) the sentence does not say, so either reading is taken."""
    match = _GLUED_LETTER.match(text, index)
    if match is None:
        return _MEASURE
    if match.group("compound") is not None:
        return _COUNT if match.group("compound").lower() in _COUNTED_AFTER_HYPHEN else _MEASURE
    word = match.group("word")
    if word is None:
        return _MEASURE if _measured(text, index) else _EITHER
    folded = word.lower()
    if folded in _COUNTED_WITHOUT_S or folded in _SUMS or len(folded) > 2 and folded[-1] == "s" \
            and folded[-2] not in "su":
        return _COUNT  # (not "ss" nor "us": a 5m glass wall, a 2m bonus)
    return _MEASURE


def _measured(text: str, index: int) -> bool:
    """Whether the figure whose glued letter is at ``index`` follows what says a distance
    (he ran 100m): see :data:`_MEASURED_BEFORE`."""
    start = index
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".,"):
        start -= 1
    return _MEASURED_BEFORE.search(text, max(0, start - 40), start) is not None


#: Singular nouns a sum of money glued to m or k qualifies (a 1.2m deficit, a 5m loan): the
#: sum is millions, as a plural after it would say, not metres.
_SUMS = frozenset({"deficit", "surplus", "budget", "loan", "deal", "contract", "fine", "debt", "fund", "grant",
                   "investment", "payout", "settlement", "package", "profit", "loss", "revenue", "turnover",
                   "salary", "fee", "bid", "bailout", "donation", "prize", "ransom", "valuation", "shortfall",
                   "subsidy", "windfall", "jackpot", "compensation", "funding", "payment", "pension", "tender",
                   "overspend", "write-off", "dividend", "tax", "bill"})
#: What a distance glued to m or k with nothing after it follows: a verb of moving through
#: it (he ran 100m, she threw 70m) or a dimension and "of" (a depth of 100m). "Fell" and
#: "reached" are left out: profits fall and deficits reach millions.
_MEASURED_BEFORE = re.compile(r"(?<![^\W\d_])(?i:(?:r[au]n|runs|running|swam|swum|swims?|swimming|jump(?:s|ed|ing)?"
                              r"|lea(?:pt|ped)|thr(?:ew|own|ows?|owing)|dived|dove|diving|climb(?:s|ed|ing)?"
                              r"|walk(?:s|ed|ing)?|sprint(?:s|ed|ing)?|rowed|cycled|flew|sank|sunk|cleared)"
                              r"|(?:depth|height|length|width|distance|altitude|elevation|radius|diameter|span)"
                              r"[\s\u00a0]+of)[\s\u00a0]+(?i:(?:about|some|nearly|almost|over|just|another"
                              r"|a[\s\u00a0]+further)[\s\u00a0]+)?$")


def _scale_after(text: str, start: int, end: int, lang: str) -> tuple[str, Decimal]:
    """The scale word after a number ("million", "млн") as written, and its factor. "min"
    is thousands only in Azerbaijani: elsewhere 40 min are minutes."""
    # A sign before, or a code's last letter two back: most numbers need no closer look.
    if start and (text[start - 1] in _CURRENCY_SIGNS or text[start - 2:start - 1] in _CODE_ENDS) \
            and _after_currency(text, start) and (letter := _MONEY_LETTER.match(text, end)):
        return letter.group(), _MONEY_FACTOR[letter.group()]
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return "", _ONE
    if match.start(1) == end and match.end(1) == end + 1 and _glued_scale(text, end) == _COUNT:
        return match.group(1), _MONEY_FACTOR[match.group(1).lower()]
    word = match.group(1).lower().rstrip(".")
    factor = _scale_factor(word)
    if factor is None or word[:3] == "min" and _base(lang) != "az":
        return "", _ONE
    return match.group(1), factor


#: An Azerbaijani scale word with a case or derivational ending (40 milyona: to 40
#: million; 2 milyardlıq layihə), which the language glues to the word. "min" (thousand)
#: takes only endings no other word has (12 mindən, 5 minlik): "mini" and "mina" are English
#: and Azerbaijani words of their own.
_AZ_INFLECTED_SCALE = re.compile(r"(milyon|milyard|trilyon)(?:lar)?"
                                 r"(?:a|u|ı|un|ın|nun|nın|da|dan|la|dur|dır|luq|lıq)?"
                                 r"|(min)(?:dən|də|ə|in|lik)")


#: The first letter of every word :data:`_AZ_INFLECTED_SCALE` matches: most words after a
#: figure are no scale word, and are told so without trying the pattern.
_AZ_INFLECTED_FIRST = frozenset("mt")


def _scale_factor(word: str) -> Decimal | None:
    """The factor of a scale word, folded to lower case, inflected Azerbaijani forms
    included; None when ``word`` is none."""
    factor = _SCALE.get(word)
    if factor is None and word[:1] in _AZ_INFLECTED_FIRST and (match := _AZ_INFLECTED_SCALE.fullmatch(word)):
        factor = _SCALE[match.group(1) or match.group(2)]
    return factor


def _normal(value: Decimal) -> Decimal:
    return value.normalize() if value else Decimal(0)


#: Month names, January first, as each language writes them: English capitalised (Jan. as
#: AP style abbreviates), Russian in every case (мая, в марте), Azerbaijani with its endings
#: (mayın, aprelində, martadək). A date keeps its figures when a translator changes its
#: month (May 27 → 27 марта), so the numbers alone do not see it.
_MONTH_STEMS = {
    "en": ("January|Jan\\.", "February|Feb\\.", "March|Mar\\.", "April|Apr\\.", "May",
           "June|Jun\\.", "July|Jul\\.", "August|Aug\\.", "September|Sept?\\.",
           "October|Oct\\.", "November|Nov\\.", "December|Dec\\."),
    "ru": ("январ[ьяюеё]м?", "феврал[ьяюеё]м?", "март(?:а|у|е|ом)?", "апрел[ьяюе]м?",
           "ма(?:й|я|ю|е|ем)", "июн[ьяюе]м?", "июл[ьяюе]м?", "август(?:а|у|е|ом)?",
           "сентябр[ьяюеё]м?", "октябр[ьяюеё]м?", "ноябр[ьяюеё]м?", "декабр[ьяюеё]м?"),
    "az": ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
           "oktyabr", "noyabr", "dekabr"),
}
#: An Azerbaijani month's endings: genitive (of its possessive too: 2024-cü il yanvarının
#: 5-i), then case (mayın 27-də, aprelində, martadək).
_AZ_MONTH_ENDING = r"(?:[ıiuü](?:n[ıiuü])?n)?(?:[dt][aə]n?|[dt][aə]k[ıi]|[aə]?d[aə]k|[ıiuüaə])?"


@lru_cache(maxsize=8)
def _month_pattern(lang: str) -> re.Pattern[str] | None:
    stems = _MONTH_STEMS.get(_base(lang))
    if stems is None:
        return None
    ending = _AZ_MONTH_ENDING if _base(lang) == "az" else ""
    groups = "|".join(f"(?P<m{number}>{stem}){ending}" for number, stem in enumerate(stems, 1))
    flags = 0 if _base(lang) == "en" else re.IGNORECASE
    # The month names' first letters, tested first: most positions start none (8× faster).
    first = "".join(sorted({stem[0] for stem in stems})) + ("İ" if _base(lang) == "az" else "")
    return re.compile(rf"(?=[{first}])(?<![^\W\d_])(?:{groups})(?![^\W\d_])", flags)


#: A figure right after a month's name (Noyabrın 7-də, Марта 8): a date, however written.
_FIGURE_NEXT = re.compile(r"[\s\u00a0]*\d")


def months_in(text: str, lang: str) -> list[tuple[int, str]]:
    """The months ``text`` names, as (1–12, the word as written). Russian and Azerbaijani
    write months in lower case, so a capitalised one counts only where a sentence starts
    (Mayın 27-də …) or next to a figure (7 Noyabrda, as some desks write it): elsewhere it
    is a name (Марта, Martin). English months are capitalised
    (Theresa May is read as May; callers compare months only where one was replaced).
    A date in figures names its month too (27.05.2024: May, written '27.05.2024'); one
    that reads either way round (05/06/2024) names none here."""
    return [(number, word) for number, word, other in _dated_months(text, lang) if other is None]


def _dated_months(text: str, lang: str) -> list[tuple[int, str, int | None]]:
    """:func:`months_in` as (1–12, the word as written, None), and a slash date that reads
    either way round (05/06/2024) as (its month read day first, the date, its month read
    month first): 6 and 5."""
    if not _DIGIT.search(text):
        return []  # no figure, no date
    prose = blank_out(text)
    found: list[tuple[int, int, str, int | None]] = [
        (date.start, date.month or date.other_day or 0, prose[date.start:date.end],
         None if date.month else int(prose[date.day[0]:date.day[1]]))
        for date in _figure_dates(prose) if date.month is not None or date.other_day]
    pattern = _month_pattern(lang)
    for match in pattern.finditer(prose) if pattern is not None else ():
        word = match.group()
        before = text[:match.start()].rstrip()
        if _base(lang) != "en" and word[:1].isupper() and before and before[-1] not in ".!?…" \
                and not before[-1].isdigit() and not _FIGURE_NEXT.match(prose, match.end()):
            continue
        number = int(next(name for name, value in match.groupdict().items() if value)[1:])
        found.append((match.start(), number, word, None))
    return [(number, word, other) for _, number, word, other in sorted(found)] if found else []


@lru_cache(maxsize=_CACHE_SIZE)
def _source_scan(scan: Callable[..., list[T]], text: str, *args: str) -> tuple[T, ...]:
    """``scan(text, *args)``, cached: a source segment is compared with its translation
    into every target language, and its months, currencies and units are the same each time."""
    return tuple(scan(text, *args))


def changed_months(source: str, translation: str, src_lang: str,
                   tgt_lang: str) -> tuple[list[str], list[str]]:
    """The months of ``source`` the translation lacks and the months it names instead (as
    written), when both exist: a month replaced by another. A month left out alone is
    not reported, as a translation may write a date in figures (27.05.2024)."""
    wanted = _source_scan(_dated_months, source, src_lang)  # most name no month: skip the translation
    if not wanted:
        return [], []
    offered = _dated_months(translation, tgt_lang)
    missing, extra = _replaced(_read_against(wanted, offered), _read_against(offered, wanted))
    return (missing, extra) if missing else _day_of_other_reading(wanted, offered, translation, src_lang,
                                                                   tgt_lang)


def _day_of_other_reading(wanted: Sequence[tuple[int, str, int | None]],
                          offered: Sequence[tuple[int, str, int | None]], translation: str,
                          src_lang: str, tgt_lang: str) -> tuple[list[str], list[str]]:
    """A slash date that reads either way round (05/06/2024: the 5th of June or May the
    6th) given one reading's month and the other's day (5 мая, 6 июня: neither date), as
    (the date, the month the translation names); nothing when its day is there."""
    named = {month: word for month, word, other in offered if other is None}
    days: set[Decimal] | None = None
    for month, word, other in wanted:
        if other is None or not named:
            continue
        chosen = other if other in named and month not in named else month if month in named else None
        if chosen is None:
            continue
        if days is None:
            days = {value for number in numbers_in(translation, tgt_lang, lenient_with=src_lang)
                    for value in number.values}
        if Decimal(other if chosen == month else month) not in days:
            return [word], [named[chosen]]
    return [], []


def _read_against(months: Sequence[tuple[int, str, int | None]],
                  others: Sequence[tuple[int, str, int | None]]) -> list[tuple[object, str]]:
    """``months`` as (month, word), a slash date that reads either way round (05/06/2024)
    taking the month ``others`` name (June or May: either is a faithful rendering of an
    ambiguous date), day first when they name neither, as Azerbaijani and Russian write it."""
    named = {month for month, _, other in others if other is None}
    return [(other if other is not None and other in named and month not in named else month, word)
            for month, word, other in months]


def _replaced(wanted: Sequence[tuple[object, str]],
              offered: Sequence[tuple[object, str]]) -> tuple[list[str], list[str]]:
    """The words of ``wanted`` whose key ``offered`` lacks and the words ``offered`` has
    instead, each as written; nothing unless both exist (one replaced by another)."""
    if not wanted or not offered:
        return [], []
    left = Counter(key for key, _ in offered)
    missing = []
    for key, word in wanted:
        if left[key]:
            left[key] -= 1
        else:
            missing.append(word)
    extra = []
    for key, word in offered:
        if left[key] > 0:
            left[key] -= 1
            extra.append(word)
    return (missing, extra) if missing and extra else ([], [])


#: Currencies as the three languages write them: codes, signs and names in their cases
#: (USD, $, dollars, долларов, ABŞ dolları). An amount keeps its figure when a translator
#: gives it another currency (USD 360,000 → 360 000 евро), so the numbers alone do not
#: see it. Codes are matched in capitals only, names in any case.
_CURRENCIES = (
    ("USD", r"USD|US\$|\$", r"dollars?|доллар\w*|долл\.|dollar\w*"),
    ("EUR", r"EUR|€", r"euros?|евро|avro\w*|yevro\w*"),
    ("AZN", r"AZN|₼", r"manat\w*|(?<=\d[ \u00a0])man\.|(?<=ml[nr][ \u00a0])man\.|(?<=mlrd[ \u00a0])man\.|манат\w*"),
    ("RUB", r"RUB|₽", r"roubles?|rubles?|рубл\w*|руб\.|rubl\w*"),
    ("GBP", r"GBP|£", r"pounds? sterling|фунт\w* стерлинг\w*|funt sterlinq\w*"),
)
#: Every code, sign or name above starts with one of these (names in either case). Tested
#: before anything else, with the start-of-word test once for all alternatives, it makes the
#: scan about eight times faster than trying every alternative at every position.
_CURRENCY_FIRST = "$€₼₽£UuEeAaGgRrDdMmPpFfYyДдЕеМмРрФф"
_CURRENCY = re.compile(rf"(?=[{_CURRENCY_FIRST}])(?<![^\W\d_])(?:" + "|".join(
    rf"(?P<{code}>(?:{codes})(?![^\W\d_])|(?i:{names})(?![^\W\d_]))"
    for code, codes, names in _CURRENCIES) + ")")


#: What every code, sign and name of :data:`_CURRENCIES` holds, in lower case.
_CURRENCY_HINTS = ("usd", "$", "eur", "€", "avro", "evro", "azn", "₼", "manat", "манат", "rub", "₽",
                   "roubl", "руб", "gbp", "£", "pound", "фунт", "funt", "dollar", "долл", "man.", "евро")


def currencies_in(text: str) -> list[tuple[str, str]]:
    """The currencies ``text`` names where it has a figure, as (code, the word as written)."""
    if not _DIGIT.search(text):
        return []  # no amount
    folded = text.lower()
    for hint in _CURRENCY_HINTS:  # a loop, not any(): no generator call per hint
        if hint in folded:
            break
    else:
        return []  # most figures are no amount: substring tests are many times faster than the pattern
    return [(match.lastgroup or "", match.group()) for match in _CURRENCY.finditer(blank_out(text))]


def changed_currencies(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The currencies of ``source`` the translation lacks and those it names instead (as
    written), when both exist: an amount given another currency. A currency left out alone
    is not reported (a translation may leave an obvious one unsaid)."""
    wanted = _source_scan(currencies_in, source)  # most name no currency: skip the translation
    return _replaced(wanted, currencies_in(translation)) if wanted else ([], [])


#: What a figure counts, where a translation may keep the figure and change its meaning:
#: a share (5 percent), a multiple (5 times, в 5 раз, 5 dəfə), a change in percentage
#: points (2 п.п., 2 faiz bəndi), a duration or an age (3 hours, 5-летний). Points come
#: first: they open with the word for percent.
_UNITS = (
    ("percentage points", r"percentage[ -]points?|p\.\s?p\.|pp|п\.\s?п\.|процентн\w*\s+пункт\w*"
                          r"|faiz\s+bənd\w*|faiz\s+punkt\w*"),
    # Basis points before percent: "25 bp" told as "25%" is a hundredfold change.
    ("basis points", r"basis[ -]points?|(?-i:bps?)|б\.\s?п\.|базисн\w*\s+пункт\w*|baza\s+bənd\w*"),
    ("percent", r"%|percent|per\s?cent|pct|процент\w*|faiz\w*"),
    ("times", r"times|-?fold|раза?|dəfə\w*"),
    # Durations and ages (3 hours → 3 часа, 3 saat; a 5-year-old → 5-летний, 5 yaşlı). A
    # calendar year (в 2024 году, 2024 il) is no duration: a year word after four figures
    # from 1000 to 2999 is left out. Bare "min" is Azerbaijani thousands, not minutes.
    ("years", r"(?<![12]\d{3})(?<![12]\d{3}[\s\u00a0\u202f])(?:-?years?(?:[ -]olds?)?|-?yrs?"
              r"|год(?:а|у|ом|ов|ам)?|лет|-?летн\w*|il(?:lik\w*|dir|dür|də|dən|in|i)?|yaş\w*)"),
    ("months", r"-?months?(?:[ -]olds?)?|месяц\w*|мес\.|-?месячн\w*|ay(?:lıq\w*|lar\w*|da|dan|a|ı|dır)?"),
    ("weeks", r"-?weeks?(?:[ -]olds?)?|-?недел\w*|həftə\w*"),
    ("days", r"-?days?(?:[ -]olds?)?|дн(?:я|ей|ям|ями|ях|и)|день|сут(?:ки|ок|кам|ках)|-?дневн\w*"
             r"|-?суточн\w*|gün\w*"),
    ("hours", r"-?hours?|hrs?|h|час(?:а|у|ом|ы)?|ч|-?часов\w*|saat\w*"),
    ("minutes", r"-?minutes?|mins?\.|минут\w*|мин\.|-?минутн\w*|dəqiqə\w*|dəq\."),
    ("seconds", r"-?seconds?|secs?\.|секунд\w*|сек\.|saniyə\w*|san\."),
    # Speeds (wind, traffic): 15 m/s told as 15 km/h is a wind nearly four times weaker.
    ("metres per second", r"m/s(?:ec)?|м/с(?:ек)?|m/san|(?:met(?:re|er)s?|метр\w*)[\s\u00a0]+(?:per|a|в)[\s\u00a0]+"
                          r"(?:second|секунду)(?![^\W\d_])"),
    ("kilometres per hour", r"km/h|kph|км/ч(?:ас)?|km/saat|(?:km|kilomet(?:re|er)s?|км|километр\w*)"
                            r"[\s\u00a0]+(?:per|an|в)[\s\u00a0]+(?:hour|час)(?![^\W\d_])"),
    # Rain, snow and sizes: 25 mm told as 25 см is ten times as much.
    ("millimetres", r"mm|мм|mil+imet(?:re|er|r)\w*|миллиметр\w*"),
    ("centimetres", r"cm|см|santimetr\w*|centimet(?:re|er)s?|сантиметр\w*"),
    # Distances and depths (1.1 metres → 1,1 km). English "m" is also millions ($5m), so
    # only after a space; Azerbaijani writes a speed as "saatda 120 km" (see units_in).
    ("kilometres", r"km|км|kilomet(?:re|er|r)\w*|километр\w*"),
    ("metres", r"(?<=[\s\u00a0\u202f])(?-i:m|м)|met(?:re|er)s?|metr(?!ic)\w*|метр(?:а|ов|ы|ам|ами|ах|е|ом)?"),
    # Masses (1.2 kg → 1,2 г; 2.4 mg → 2,4 грамма). "г" after a year is the year (2024 г.),
    # and "g" only in lower case after a space, as 5G is a network.
    ("milligrams", r"mg|мг|mil+iq?gram+\w*|mil+iqram\w*|миллиграмм\w*"),
    ("kilograms", r"kg|kq|кг|kilogram+e?s?|kiloqram\w*|килограмм\w*"),
    ("grams", r"(?<=[\s\u00a0\u202f])(?-i:g|q)|(?<![12]\d{3}[\s\u00a0\u202f])(?-i:г)(?!\.)"
              r"|gram+e?s?|qram\w*|грамм\w*"),
    ("tonnes", r"tonnes?|tons?|т|тонн\w*|ton(?:luq|dan|a|u|un|la)\w*"),
)
#: A unit right after a figure (5%, 5 percent, в 5 раз): the pattern starts with the
#: figure's last digit, so the regex engine jumps from digit to digit.
_UNIT = re.compile(r"\d(?![\d.,]\d)[\s\u00a0\u202f]?(?i:" + "|".join(
    f"(?P<{key.replace(' ', '_')}>{words})" for key, words in _UNITS) + r")(?![^\W\d_])")


#: A unit right after a number word (seven years, yeddi il, семь лет).
_UNIT_AFTER_WORD = re.compile(r"[\s\u00a0\u202f-]?(?i:" + "|".join(
    f"(?P<{key.replace(' ', '_')}>{words})" for key, words in _UNITS) + r")(?![^\W\d_])")


def units_in(text: str, lang: str | None = None) -> list[tuple[str, str]]:
    """The units written right after the figures of ``text``, and with ``lang`` after its
    number words too (seven years → yeddi ay), as (unit, the word as written)."""
    ends = _counting_ends(text, lang) if lang is not None else ()
    if ends:
        prose = blank_out(text)  # (of the same length: the words end at the same places)
        found = [(_unit_key(prose, match), match.group(match.lastgroup or 0), match.start())
                 for match in _UNIT.finditer(prose)]
        found += [(_unit_key(prose, match), match.group(match.lastgroup or 0), match.start())
                  for end in ends if (match := _UNIT_AFTER_WORD.match(prose, end))]
        return [(key, written) for key, written, _ in sorted(found, key=lambda item: item[2])]
    if not _DIGIT.search(text):
        return []
    prose = blank_out(text)
    return [(_unit_key(prose, match), match.group(match.lastgroup or 0)) for match in _UNIT.finditer(prose)]


#: Before a figure in kilometres or metres: Azerbaijani "an hour", "a second" (saatda 120
#: km, saniyədə 25 metr: a speed).
_PER_TIME_BEFORE = re.compile(r"(?<![^\W\d_])(?i:(saatda)|saniyədə)[\s\u00a0]+[\d\s\u00a0.,\u2013\u2014-]*$")
_SPEEDS = {("kilometres", True): "kilometres per hour", ("metres", False): "metres per second"}


def _unit_key(prose: str, match: re.Match[str]) -> str:
    """The unit a match of :data:`_UNIT` names; kilometres after Azerbaijani "saatda" and
    metres after "saniyədə" are a speed."""
    key = (match.lastgroup or "").replace("_", " ")
    if key in ("kilometres", "metres") \
            and (before := _PER_TIME_BEFORE.search(prose, max(0, match.start() - 30), match.start() + 1)):
        return _SPEEDS.get((key, before.group(1) is not None), key)
    return key


def changed_units(source: str, translation: str, src_lang: str = "en",
                  tgt_lang: str = "en") -> tuple[list[str], list[str]]:
    """The units of ``source`` the translation lacks and those it has instead (as written),
    when both exist: a figure that counts something else (5 percent → в 5 раз), or a number
    in words (seven years → yeddi ay). A duration
    told in another unit (18 months → 1,5 года, 2 weeks → 14 дней) is none; a measure whose
    figure is kept with the other system's unit (10 miles → 10 км) is one."""
    wanted = _source_scan(units_in, source, src_lang)  # most sources have no unit: skip the translation
    missing, extra = _replaced(wanted, units_in(translation, tgt_lang)) if wanted else ([], [])
    if missing:
        missing, extra = _without_converted_durations(source, translation, src_lang, tgt_lang)
    if not wanted and not _DIGIT.search(source):
        return missing, extra  # (no figure, no measure)
    unconverted = _unconverted_measures(source, translation, src_lang, tgt_lang)
    return missing + unconverted[0], extra + unconverted[1]


def _without_converted_durations(source: str, translation: str, src_lang: str,
                                 tgt_lang: str) -> tuple[list[str], list[str]]:
    """:func:`changed_units` read again leaving out each duration of ``source`` that the
    translation gives in another unit with the figure converted (18 months → 1,5 года)."""
    wanted, offered = _timed(source, src_lang, None), _timed(translation, tgt_lang, src_lang)
    for index, (unit, _, values) in enumerate(wanted):
        converted = {(other, _normal(value * factor)) for value in values for other, factor in _unit_factors(unit)}
        match = next((j for j, (o_unit, _, o_values) in enumerate(offered)
                      if any((o_unit, v) in converted for v in o_values)), None)
        if match is not None:
            wanted[index] = ("", "", frozenset())
            offered[match] = ("", "", frozenset())
    return _replaced([(unit, word) for unit, word, _ in wanted if unit],
                     [(unit, word) for unit, word, _ in offered if unit])


def _unit_factors(unit: str) -> list[tuple[str, Decimal]]:
    """The time units ``unit`` converts into, each with what one of ``unit`` is in it."""
    found = []
    for big, small, ratio in _TIME_UNIT_RATIOS:
        if unit == big:
            found.append((small, Decimal(ratio)))
        elif unit == small:
            found.append((big, 1 / Decimal(ratio)))
    return found


def _timed(text: str, lang: str, lenient_with: str | None) -> list[tuple[str, str, frozenset[Decimal]]]:
    """The units of ``text`` (as :func:`units_in`) with the values of the figure before each
    (none for a unit after a number in words)."""
    prose = blank_out(text)
    by_end = {number.end: number.values for number in numbers_in(text, lang, lenient_with=lenient_with)}
    found = [(_unit_key(prose, match), match.group(match.lastgroup or 0), by_end.get(match.start() + 1, frozenset()),
              match.start()) for match in _UNIT.finditer(prose)]
    words = _number_word_pattern(lang)
    if words is not None and words.search(prose):
        found += [(_unit_key(prose, match), match.group(match.lastgroup or 0), _word_values_of(word), match.start())
                  for word in words.finditer(prose) if (match := _UNIT_AFTER_WORD.match(prose, word.end()))]
    return [(unit, written, values) for unit, written, values, _ in sorted(found, key=lambda item: item[3])]


def _word_values_of(word: re.Match[str]) -> frozenset[Decimal]:
    """The value of one number word before a unit (two weeks: 2), none for a scale word or
    a multiplier, whose value depends on the words around it."""
    group = word.lastgroup or ""
    if group in ("half", "day") or group[:1] in ("n", "c", "t", "h", "p") and group != "hundred":
        return frozenset({_word_value(word)})
    return frozenset()


#: Any unit of :data:`_CONVERSIONS` after a figure: the gate before reading them one by one.
_ANY_CONVERTED_UNIT = re.compile(r"\d[\s\u00a0]?-?(?i:" + "|".join(f"{imperial}|{metric}" for imperial, metric, _
                                                               in _CONVERSIONS) + r")(?![^\W\d_])")


def _unconverted_measures(source: str, translation: str, src_lang: str,
                          tgt_lang: str) -> tuple[list[str], list[str]]:
    """Measures whose figure the translation keeps with the other system's unit (10 miles
    → 10 км, 200 pounds → 200 кг), as (the source's unit, the translation's), each as
    written; none where the translation also keeps the source's unit with that figure."""
    wanted = _source_scan(_measures, source, src_lang)  # (cached: most have none, and skip the rest)
    offered = _measures(translation, tgt_lang, src_lang) if wanted else []
    if not offered:
        return [], []
    missing, extra = [], []
    for number, (index, metric) in wanted:
        same = [n for n, unit in offered if unit == (index, metric) and n.values & number.values]
        other = next((n for n, unit in offered if unit == (index, not metric) and n.values & number.values), None)
        if other is not None and not same:
            missing.append(_unit_written(source, number, index, metric))
            extra.append(_unit_written(translation, other, index, not metric))
    return missing, extra


def _measures(text: str, lang: str, lenient_with: str | None = None) -> list[tuple[Number, tuple[int, bool]]]:
    """The figures of ``text`` with a unit of :data:`_CONVERSIONS` after them, each with that
    unit (see :func:`_unit_of`)."""
    if not _CONVERTED_UNIT_HINT.search(text) or not _ANY_CONVERTED_UNIT.search(text):
        return []  # (most segments: no measure a translator converts)
    return [(n, unit) for n in numbers_in(text, lang, lenient_with=lenient_with)
            if (unit := _unit_of(text, n)) is not None]


def _unit_written(text: str, number: Number, index: int, metric: bool) -> str:
    """The unit of :data:`_CONVERSIONS` right after ``number`` as written (its figure too)."""
    match = _CONVERTED_UNIT[index][metric].match(text, _end_of_scale_word(text, number))
    return text[number.start:match.end()] if match else number.raw


#: Two figures joined by a colon or a dash, as scores (3:1, 2–0) and ranges (5-7) are
#: written; not part of a longer figure, date or phone number (2025-26, 12-34-56).
_PAIR = re.compile(r"(?<![\d.,:\-\u2013\u2014])(\d{1,3})[\s\u00a0]?[:\-\u2013\u2014][\s\u00a0]?(\d{1,3})"
                   r"(?![\d.,:\-\u2013\u2014]?\d)")


def _pairs(text: str) -> dict[tuple[int, int], list[str]]:
    """The figure pairs of ``text`` (see :data:`_PAIR`), in the order they are written,
    each with its forms as written."""
    found: dict[tuple[int, int], list[str]] = {}
    if ":" not in text and "-" not in text and "\u2013" not in text and "\u2014" not in text \
            or not _PAIR.search(text):
        return found  # most segments: no colon or dash between figures
    for match in _PAIR.finditer(blank_out(text)):
        found.setdefault((int(match.group(1)), int(match.group(2))), []).append(match.group())
    return found


def reversed_pairs(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The scores or ranges of ``source`` that the translation writes the other way round
    (3:1 → 1:3, 2–0 → 0:2) and not as written: their figures are all there, so the number
    check passes; the winner or the range is no longer the source's."""
    wanted = _pairs(source)
    if not wanted:
        return [], []
    offered = _pairs(translation)
    missing, extra = [], []
    for (first, second), written in wanted.items():
        flipped = offered.get((second, first), [])
        if first != second and len(offered.get((first, second), [])) < len(written) \
                and len(flipped) > len(wanted.get((second, first), [])):
            missing.append(written[0])
            extra.append(flipped[0])
    return missing, extra


#: A percentage written with a minus (-5%, −2.4 percent), after a space, a bracket or
#: nothing, as :data:`_MINUS_BEFORE` reads a minus; and any percentage, signed or not.
_PERCENT_WORD = r"[\s\u00a0]?(?:%|(?i:per\s?cent|процент\w*|faiz\w*))"
_SIGNED_PERCENT = re.compile(r"(?:(?<![^\s(\[/:])[-\u2212]|(?<![^\W\d_])(?i:minus|минус|mənfi)[\s\u00a0]+)"
                             r"(\d+(?:[.,]\d+)?)" + _PERCENT_WORD)
_ANY_PERCENT = re.compile(r"(?<![\w.,])([-\u2212+]?)(\d+(?:[.,]\d+)?)" + _PERCENT_WORD)
#: Words that say a figure rose or fell, in the three languages ("up" is left out: up to 5%).
_RISE = re.compile(r"(?<![^\W\d_])(?:rose|ris(?:es?|en|ing)|gr[eo]w[sn]?|growth|increas\w*|gain\w*|jump\w*"
                   r"|climb\w*|surg\w*|soar\w*|higher|выр[оа]с\w*|рост\w*|прирост\w*|увелич\w*|повы[сш]\w*"
                   r"|подорож\w*|подня\w*|bahalaş\w*|art(?:ıb|dı|ır|ım\w*|araq|ma\w*|mış\w*|acaq\w*)|yüksəl\w*|çoxal\w*)"
                   r"(?![^\W\d_])", re.IGNORECASE)
_FALL = re.compile(r"(?<![^\W\d_])(?:f[ae]ll(?:s|en|ing)?|drop\w*|declin\w*|decreas\w*|los[st]\w*|down|lower|shr[ia]nk\w*"
                   r"|contract(?:ed|ing|ion)|slump\w*|plung\w*|cut|сни[зж]\w*|упа[лд]\w*|паден\w*|сократ\w*|сокращ\w*"
                   r"|уменьш\w*|подешев\w*|спад\w*|опусти\w*|минус|azal\w*|düş(?!ün)\w*|enib|ucuzlaş\w*|gerilə\w*"
                   r"|mənfi)(?![^\W\d_])", re.IGNORECASE)
#: Where a clause ends: a comma, semicolon or full stop before a space (not 2,4), or a colon.
_CLAUSE_END = re.compile(r"[,;.!?:](?=\s)|[;!?]")


def changed_signs(source: str, translation: str, src_lang: str,
                  tgt_lang: str) -> tuple[list[str], list[str]]:
    """A percentage with a minus on one side (-5%) said to rise on the other (вырос на 5%,
    +5%): the source's words (the signed figure or the rise, as written) and the
    translation's. -5% may be written as a fall of 5% (снизился на 5%), so its figure
    matches any 5%; only the words around it tell a fall from a rise."""
    missing: list[str] = []
    extra: list[str] = []
    # Most segments have no minus at all: a substring test costs no call, the pattern one.
    if _may_have_minus(source) and _SIGNED_PERCENT.search(source):
        for match in _SIGNED_PERCENT.finditer(blank_out(source)):
            values = _values(match.group(1), src_lang, None)
            rise = _rise_at(translation, tgt_lang, values)
            if rise:
                missing.append(match.group())
                extra.append(rise)
    if _may_have_minus(translation) and _SIGNED_PERCENT.search(translation):
        for match in _SIGNED_PERCENT.finditer(blank_out(translation)):
            values = _values(match.group(1), tgt_lang, src_lang)
            rise = _rise_at(source, src_lang, values)
            if rise:
                missing.append(rise)
                extra.append(match.group())
    if not missing and _PERCENT_HINT.search(source) and _PERCENT_HINT.search(translation):
        return _swapped_directions(source, translation, src_lang, tgt_lang)
    return missing, extra


def lost_minus_signs(source: str, translation: str, src_lang: str,
                     tgt_lang: str) -> tuple[list[str], list[str]]:
    """A percentage with a minus on one side (-5%, minus 5%) that the other writes as a plain
    5% without a word for a fall or for less anywhere (Inflation was -5% → Инфляция
    составила 5%), as written on each side. -5% told as a fall of 5% (снизился на 5%) is
    the same figure, so its 5% matches, and the number check alone missed the lost sign."""
    missing: list[str] = []
    extra: list[str] = []
    for one, other, one_lang, other_lang, flip in ((source, translation, src_lang, tgt_lang, False),
                                                   (translation, source, tgt_lang, src_lang, True)):
        if not _may_have_minus(one) or not _SIGNED_PERCENT.search(one):
            continue  # (most segments: no minus at all)
        for match in _SIGNED_PERCENT.finditer(blank_out(one)):
            lost = _sign_lost_at(other, other_lang, _values(match.group(1), one_lang, src_lang if flip else None))
            if lost:
                (missing, extra)[flip].append(match.group())
                (extra, missing)[flip].append(lost)
    return missing, extra


def _may_have_minus(text: str) -> bool:
    """Whether ``text`` may have a percentage with a minus sign or the word for one (substring
    tests before the pattern: most segments have no percentage, and most of the rest no minus)."""
    return ("%" in text or "cent" in text or "CENT" in text or "роцент" in text or "РОЦЕНТ" in text or "aiz" in text
            or "AIZ" in text) \
        and ("-" in text or "\u2212" in text or "inus" in text or "INUS" in text or "инус" in text or "ИНУС" in text
             or "ənfi" in text or "ƏNFİ" in text)


#: Words that say a figure is below zero or lower without naming a change (минус 5%, 5% less,
#: на 5% ниже, 5% aşağı, a deficit of 5%): with them, or a word for a fall, a 5% may stand
#: for -5%.
_LOWER = re.compile(r"(?<![^\W\d_])(?i:minus|negative|less|fewer|below|deficits?|loss(?:es)?|shortfall|меньше|ниже"
                    r"|отрицательн\w*|минус\w*|дефицит\w*|убыт\w*|потер(?:[ьяию]\w*|ей|ею)|aşağı|az|mənfi|kəsir\w*|zərər\w*)(?![^\W\d_])")


def _sign_lost_at(text: str, lang: str, values: tuple[Decimal, ...]) -> str:
    """A percentage of ``text`` with one of ``values`` as written, when each such one has no
    sign and ``text`` says nothing falls or is lower: the minus of the other side's -5% was
    lost (Inflation was -5% → Инфляция составила 5%); '' otherwise. A fall said anywhere
    in the segment (Экспорт снова упал: на 5% в мае) lets 5% stand for -5%."""
    percentages, by_value = _percentages(text, lang)
    indices = sorted({i for value in set(values) for i in by_value.get(value, ())})
    if not indices or any(percentages[i][1] for i in indices) or _FALL.search(text) or _LOWER.search(text):
        return ""
    return percentages[indices[0]][0]


#: Any percentage at all: the cheap gate before :func:`_swapped_directions` reads clauses.
_PERCENT_HINT = re.compile(r"%|(?i:per\s?cent|процент|faiz)")


def _directions(text: str, lang: str, lenient_with: str | None = None) -> list[tuple[tuple[Decimal, ...], str, str]]:
    """Each percentage of ``text`` as (its values, 'rise', 'fall' or '', the word that says
    so): a plus or minus sign, else the one kind of word in its clause; '' when its clause
    has both kinds (rose 5% after falling 3%) or neither."""
    prose = blank_out(text)
    found = []
    ends: list[tuple[int, int]] | None = None  # the clause ends, read once (a results paragraph has hundreds)
    told: dict[tuple[int, int], tuple[str, str]] = {}
    for match in _ANY_PERCENT.finditer(prose):
        values = _values(match.group(2), lang, lenient_with)
        if match.group(1):
            found.append((values, "rise" if match.group(1) == "+" else "fall", match.group()))
            continue
        if ends is None:
            ends = [end.span() for end in _CLAUSE_END.finditer(prose)]
        span = _clause_start(ends, match.start()), _clause_end(ends, match.end(), len(prose))
        if span not in told:  # (a clause with several percentages is read once)
            told[span] = _clause_direction(prose[span[0]:span[1]])
        found.append((values, *told[span]))
    return found


def _clause_direction(clause: str) -> tuple[str, str]:
    """'rise' or 'fall' and the word that says so, when ``clause`` has one kind of word
    only; ('', '') when it has both or neither."""
    rise, fall = _RISE.search(clause), _FALL.search(clause)
    if rise and not fall:
        return "rise", rise.group()
    if fall and not rise:
        return "fall", fall.group()
    return "", ""


def _clause_start(ends: list[tuple[int, int]], at: int) -> int:
    """Where the clause holding ``at`` starts: after the last clause end (``ends``: their
    spans, in order) that closes before ``at``, or at 0."""
    index = bisect_right(ends, (at, -1)) - 1
    while index >= 0 and ends[index][1] > at:
        index -= 1  # (an end reaching past ``at`` closes no clause before it)
    return ends[index][1] if index >= 0 else 0


def _clause_end(ends: list[tuple[int, int]], at: int, length: int) -> int:
    """Where the clause holding ``at`` ends: at the first clause end from ``at`` on."""
    index = bisect_left(ends, (at, -1))
    return ends[index][0] if index < len(ends) else length


def _swapped_directions(source: str, translation: str, src_lang: str,
                        tgt_lang: str) -> tuple[list[str], list[str]]:
    """A rise told as a fall or a fall as a rise, with no minus anywhere (вырос на 1,2% →
    fell 1.2%): the words of each side, when every percentage of that figure says one
    direction in the source and the other in the translation."""
    wanted = _source_scan(_directions, source, src_lang)
    offered = _directions(translation, tgt_lang, src_lang)
    missing: list[str] = []
    extra: list[str] = []
    by_value = _by_value(wanted), _by_value(offered)  # (a results paragraph has hundreds of them)
    for values, direction, word in wanted:
        if not direction:
            continue
        same = [wanted[i] for i in _sharing(by_value[0], values)]
        told = [offered[i] for i in _sharing(by_value[1], values)]
        if told and all(other[1] == direction for other in same) \
                and all(other[1] and other[1] != direction for other in told):
            missing.append(word)
            extra.append(told[0][2])
    return missing, extra


_Direction = tuple[tuple[Decimal, ...], str, str]


def _by_value(directions: Sequence[_Direction]) -> dict[Decimal, list[int]]:
    """The indices of ``directions`` by each of their values."""
    index: dict[Decimal, list[int]] = defaultdict(list)
    for position, (values, _, _) in enumerate(directions):
        for value in set(values):
            index[value].append(position)
    return index


def _sharing(index: dict[Decimal, list[int]], values: tuple[Decimal, ...]) -> list[int]:
    """The positions :func:`_by_value` holds for any of ``values``, in order, each once."""
    return sorted({position for value in set(values) for position in index.get(value, ())})


def _rise_at(text: str, lang: str, values: tuple[Decimal, ...]) -> str:
    """The rise said of a percentage of ``text`` that has one of ``values``: its plus sign
    (+5%) or the word for a rise in its clause (rose 5%, 5% artıb); '' when there is none,
    or when one such percentage has a minus or a word for a fall in its clause (exports
    fell 5%, imports rose 5%: the fall is there)."""
    percentages, by_value = _percentages(text, lang)
    rise = ""
    for index in sorted({i for value in set(values) for i in by_value.get(value, ())}):
        written, sign, clause = percentages[index]
        if sign in ("-", "\u2212"):
            return ""
        if _FALL.search(clause):
            return ""
        if not rise:
            word = _RISE.search(clause)
            rise = written if sign == "+" else word.group() if word else ""
    return rise


@lru_cache(maxsize=256)
def _percentages(text: str, lang: str) -> tuple[tuple[tuple[str, str, str], ...], dict[Decimal, tuple[int, ...]]]:
    """The percentages of ``text`` as (as written, its sign, its clause), in order, and their
    positions by value: read once however many signed percentages the other side asks
    about (a results paragraph has hundreds). Cached: shared, not to be changed."""
    prose = blank_out(text)
    ends = [end.span() for end in _CLAUSE_END.finditer(prose)]
    found: list[tuple[str, str, str]] = []
    by_value: dict[Decimal, list[int]] = defaultdict(list)
    for match in _ANY_PERCENT.finditer(prose):
        clause = prose[_clause_start(ends, match.start()):_clause_end(ends, match.end(), len(prose))]
        for value in set(_values(match.group(2), lang, None)):
            by_value[value].append(len(found))
        found.append((match.group(), match.group(1) or "", clause))
    return tuple(found), {value: tuple(indices) for value, indices in by_value.items()}
