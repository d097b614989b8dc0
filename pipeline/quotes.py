"""Quotations of a source article: where they are, what kind they are, and who speaks.

A news article lives on its quotations, and machine translation breaks exactly those
(marks dropped or swapped, a name spelled three ways, a quote split from its speaker).
To check and annotate them we first need to know, in the source, which quoted passages
are direct speech (and by whom), which are scare quotes (“rogue states”) and which are
titles (“Solidarity Ring”).

The analysis works on the ordered segments of one article, not one segment at a time,
because a quotation may run over several paragraphs (the opening mark repeated at the
start of each, the closing mark only at the end) and because a speaker is often named in
full once and later only by surname or pronoun. Everything here is a pure function of
the segment texts.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Sequence

from pipeline.attribution import (Mention, Name, byline, first_words, full_names_in, guess_gender,
                                  introduced_as_person, introduces_speech, label_speaker,
                                  listed_after, listed_before, may_be_group, name_label,
                                  names_in, resolve,
                                  resolves_to_itself, said_jointly_before, same_word,
                                  speaker_after, speaker_before, speaker_of_quoted_object, words_of)
from pipeline.inline import blank_out
from pipeline.lexicon import fold, is_initial, lexicon
from pipeline.quotemarks import QuoteScan, QuoteSpan, scan_quotes


class QuoteKind(str, enum.Enum):
    """What a quoted passage is."""

    SPEECH = "speech"  # somebody's words: direct speech or a quoted document
    SCARE = "scare quotes"  # a short phrase held at a distance: “rogue states”
    TITLE = "title"  # the name of a work, agreement or organisation: “Solidarity Ring”


@dataclass(frozen=True)
class Attribution:
    """Where the speaker is named: ``segments[segment_index][start:end]``, as written."""

    segment_index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quotation:
    """One quoted passage in one segment: ``segments[segment_index][start:end]``.

    ``text`` is the quoted words without the marks. A quotation running over several
    paragraphs is one ``Quotation`` per paragraph: ``part`` counts them from 0 and
    ``continued`` says the passage goes on in the next segment (then ``close_mark`` is
    empty). ``speaker`` is the resolved full name (or organisation); ``attribution`` is
    where the article names the speaker next to this quotation.
    """

    segment_index: int
    start: int
    end: int
    open_mark: str
    close_mark: str
    text: str
    kind: QuoteKind
    speaker: str | None
    depth: int
    continued: bool = False
    part: int = 0
    attribution: Attribution | None = None
    #: The names of the people who said it together (Karimov, Huseynova and Aliyev said),
    #: as written, on the part next to their list: such a quotation has no single speaker.
    joint: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Piece:
    segment: int
    start: int
    end: int
    open_mark: str
    close_mark: str
    depth: int


_SENTENCE_END = re.compile(r"[.!?…]+")
_ABBREVIATIONS = frozenset("mr mrs ms dr prof st jr sr gen sen rep vs etc no nos approx "
                           "т.е г гг им ул см тыс млн млрд".split())
_SMALL_WORDS = frozenset("a an the of in on at to for and or but by with from as vs via "
                         "və ilə üçün".split())
_WORK_NOUNS = frozenset("report book film movie newspaper magazine journal programme program "
                        "project operation campaign agreement initiative song album show "
                        "novel play poem painting series exhibition festival opera documentary "
                        "called titled entitled named доклад книга фильм газета журнал "
                        "программа проект операция кампания соглашение инициатива партия "
                        "движение компания организация фонд издание роман повесть рассказ "
                        "спектакль песня альбом картина выставка фестиваль сериал опера "
                        "поэма".split())
_AZ_WORK_NOUNS = frozenset("qəzeti jurnalı şirkəti partiyası kitabı filmi hesabatı layihəsi "
                           "proqramı təşkilatı agentliyi saytı hərəkatı fondu sazişi romanı "
                           "povesti hekayəsi şeiri poeması tamaşası albomu mahnısı əsəri "
                           "verilişi serialı sərgisi festivalı operası".split())
#: A company's legal form, written after its name in marks in Azerbaijani («Azərişıq» ASC,
#: «Azersu» ASC-nin) and before it in Russian (ОАО «Азерсу»): the quoted words are its name.
_LEGAL_FORMS = frozenset("asc qsc mmc aqsc ojsc cjsc llc ltd inc plc оао зао ооо пао ао".split())
#: — Мы готовы, — сказал министр / – Biz hazırıq, – deyə nazir bildirib: Russian and
#: Azerbaijani direct speech that a paragraph opens with a dash instead of quotation marks
#: (English has no such convention). Its speech parts are quotations whose ``open_mark`` is
#: the dash and whose ``close_mark`` is empty.
_DIALOGUE_LANGS = frozenset({"ru", "az"})
_DIALOGUE_DASHES = "—–"
_DIALOGUE_OPEN = re.compile(r"\s*([—–])\s+(?=[^\W_])")
#: The attribution between dashes after a speech part (punctuation, a dash, the clause), up
#: to the dash that opens the next speech part or the end of the paragraph.
_DIALOGUE_SAID = re.compile(
    r"(?<=[,.!?…])\s+[—–]\s+(?P<said>[^—–]+?)(?:[,.:]\s+(?P<dash>[—–])\s+(?=\S)|\s*$)")
#: The speaker may also close the quotation («Вина доказана, — сказал прокурор Мамедов»):
#: then the attribution runs to the closing mark, with no words of the quotation after it.
_RU_INNER = re.compile(r"[,.!?…]\s+[—–]\s+(?P<said>[^—–«»„“]{3,80}?)"
                       r"(?:[,.:]\s+[—–]\s+|\.?\s*[»“”\"]$)")
#: After sentence-final punctuation: the first character that is not a space, a closing
#: bracket, a closing quotation mark or emphasis marker (what decides whether a new sentence
#: starts).
_AFTER_CLOSERS = re.compile(r"[^ \t\n)\]»”’\"'*_]")
#: How many analysed articles stay cached: the sync annotates an article and the checks
#: analyse it again, once per target language, and ask for its speakers.
_ARTICLE_CACHE_SIZE = 256
_SEGMENT_CACHE_SIZE = 8192


@dataclass
class _Article:
    """One analysis in progress: the segments, their quote scans, and what is worked out
    once per segment and shared by all its quotations (names, sentence ends)."""

    segments: tuple[str, ...]
    scans: list[QuoteScan]
    lang: str
    full_names: dict[int, list[Mention]] = field(default_factory=dict)
    all_names: dict[int, list[Mention]] = field(default_factory=dict)
    ends: dict[int, list[int]] = field(default_factory=dict)
    #: Names an attribution wrote in another case, by segment: (start, end, nominative).
    #: A later surname resolves to the nominative (— отметила Мамедова → Шахла Мамедова,
    #: after по словам Шахлы Мамедовой), not to the form the article happened to write.
    nominatives: dict[int, list[tuple[int, int, Name]]] = field(default_factory=dict)
    #: The full-name mentions of segments 0…``len(prefix_ends) - 1``, as :meth:`mentions`
    #: gives them, and where each segment's end in that list: an article of thousands of
    #: paragraphs resolves a speaker per quotation, and rebuilding the list each time was
    #: quadratic.
    prefix: list[Mention] = field(default_factory=list)
    prefix_ends: list[int] = field(default_factory=list)
    #: Whether a label (Macron:) names a person the article introduced, by label.
    persons: dict[str, bool] = field(default_factory=dict)
    #: Per segment, the sorted ends of its top-level quotations that are words said, not
    #: names in marks (see :func:`_before_start`).
    said_ends: dict[int, list[int]] = field(default_factory=dict)

    def mentions(self, name: Name, segment: int, since: int) -> list[Mention]:
        """What :func:`resolve` needs to know of the names in segments 0…``segment``.

        A surname only ever resolves to a name of two words or more, so for it (and for
        the pronoun window's names, which are resolved the same way) the other segments
        are searched for those alone. A pronoun also looks at the persons named with one
        word in its window, segments ``since``…``segment``, which get every name. Names
        are found only when a speaker needs resolving, and segments after the last
        attributed quotation are never searched.
        """
        full = max(0, min(since, segment + 1)) if name.pronoun else segment + 1
        mentions = self._full_prefix(full)
        for index in range(full, segment + 1):
            if index not in self.all_names:
                self.all_names[index] = [Mention(index, found) for found in
                                         names_in(blank_out(self.segments[index]), self.lang)]
            mentions += self._as_renamed(index, self.all_names[index])
        return mentions

    def _full_prefix(self, count: int) -> list[Mention]:
        """A copy of the full-name mentions of segments 0…``count - 1``, extending the
        cached :attr:`prefix` as far as asked."""
        for index in range(len(self.prefix_ends), count):
            if index not in self.full_names:
                self.full_names[index] = [Mention(index, found) for found in
                                          full_names_in(blank_out(self.segments[index]), self.lang)]
            self.prefix += self._as_renamed(index, self.full_names[index])
            self.prefix_ends.append(len(self.prefix))
        return self.prefix[:self.prefix_ends[count - 1]] if count else []

    def _as_renamed(self, index: int, mentions: list[Mention]) -> list[Mention]:
        renamed = self.nominatives.get(index)
        return mentions if renamed is None else [_renamed(mention, renamed) for mention in mentions]

    def whole_name(self, segment: int, name: Name) -> Name:
        """``name`` with the word its sentence start left out (see :attr:`Name.opening`)
        when the article's full names show that word to be a given name: one of them is the
        whole group, or starts with the word (Leyla Nigar Huseynova said, after “run by
        Leyla Nigar Huseynova” or “Leyla Aliyeva”), which no common noun does (Nurse Aynur
        Aliyeva: the names of a text leave such a noun out as well)."""
        assert name.opening is not None
        whole = " ".join(self.segments[segment][name.opening:name.end].split())
        given = whole.split()[0]
        for index, text in enumerate(self.segments):
            if given not in text:
                continue  # (most segments: no full names to find)
            if index not in self.full_names:
                self.full_names[index] = [Mention(index, found) for found in
                                          full_names_in(blank_out(text), self.lang)]
            if any(m.name.words[0] == given for m in self.full_names[index]):
                return replace(name, start=name.opening, text=whole, opening=None)
        return name

    def rename(self, segment: int, name: Name, nominative: str) -> None:
        """Record that ``name`` (written in another case) is ``nominative``."""
        known = Name(name.start, name.end, nominative,
                     gender=guess_gender(Name(0, 0, nominative)), person=True)
        self.nominatives.setdefault(segment, []).append((name.start, name.end, known))
        if segment < len(self.prefix_ends):  # (the cached mentions from there on are stale)
            del self.prefix[self.prefix_ends[segment - 1] if segment else 0:]
            del self.prefix_ends[segment:]

    def sentence_ends(self, segment: int) -> list[int]:
        """:func:`_sentence_ends` of a segment's masked text, computed once."""
        if segment not in self.ends:
            self.ends[segment] = _sentence_ends(_masked(self.segments[segment],
                                                        self.scans[segment]))
        return self.ends[segment]


def _renamed(mention: Mention, renamed: list[tuple[int, int, Name]]) -> Mention:
    """``mention`` as its recorded nominative when it overlaps a renamed attribution."""
    for start, end, known in renamed:
        if mention.name.start < end and start < mention.name.end:
            return Mention(mention.segment, Name(mention.name.start, mention.name.end,
                                                 known.text, gender=known.gender, person=True))
    return mention


def find_quotations(text: str, lang: str) -> list[Quotation]:
    """The quotations of one segment analysed on its own (no earlier names to resolve)."""
    return list(_find_quotations(text, lang))


@lru_cache(maxsize=_SEGMENT_CACHE_SIZE)
def _find_quotations(text: str, lang: str) -> tuple[Quotation, ...]:
    """:func:`find_quotations`, cached apart from whole articles: the speaker check asks
    for each segment's quotations once per translation of it."""
    return _analyse((text,), lang)


def count_top_level(text: str, lang: str) -> int:
    """How many quotations at depth 0 :func:`find_quotations` finds in ``text``, counted
    from the paired marks and dialogue dashes alone: a check comparing the number of a
    source's and a translation's quotations need not attribute them when it differs."""
    scan = scan_quotes(text, lang)
    dialogue = _dialogue(0, text, scan, lang)
    if not dialogue and not scan.spans and not scan.unclosed:
        return 0
    top, inner = _top_level(0, text, scan)
    if dialogue:
        top, inner = _inside_dialogue(dialogue, top, inner)
    return len(top) + len(dialogue)


def quotes_nothing(text: str, lang: str, scan: QuoteScan) -> bool:
    """Whether :func:`find_quotations` surely finds no quotation in ``text``, told from its
    ``scan`` (``scan_quotes(text, lang)``) alone: no quotation mark pairs or opens, and no
    dash opens a dialogue paragraph. Most segments quote nobody, and need no analysis."""
    return not scan.spans and not scan.unclosed \
        and (lang not in _DIALOGUE_LANGS or _DIALOGUE_OPEN.match(text) is None)


def analyse_article(segments: Sequence[str], lang: str) -> list[Quotation]:
    """Every quotation of an article's segments, in reading order, classified and
    attributed. ``lang`` is the article's language (en, ru, az)."""
    return list(_cached_analysis(tuple(segments), lang))


@lru_cache(maxsize=_ARTICLE_CACHE_SIZE)
def _cached_analysis(segments: tuple[str, ...], lang: str) -> tuple[Quotation, ...]:
    """:func:`analyse_article`, cached (quotations are immutable, so they can be shared)."""
    return _analyse(segments, lang)


def _analyse(segments: tuple[str, ...], lang: str) -> tuple[Quotation, ...]:
    scans = [scan_quotes(text, lang) for text in segments]
    units, nested = _units(segments, scans, lang)
    article = _Article(segments, scans, lang)
    speakers: list[Mention] = []
    result: list[Quotation] = []
    previous: list[Quotation] = []
    for unit in units:
        quotations = _analyse_unit(unit, article, speakers)
        # “B,” added a spokesman: a quotation with a speech verb of its own, whose speaker
        # the patterns do not name, is not the previous speaker's.
        own_verb = bool(previous) and quotations[0].attribution is None \
            and _said_by_someone(article, unit[-1])
        keep = own_verb or _noun_in_marks(unit, article)
        result += quotations if keep else _inherit_speaker(quotations, previous, segments, lang)
        previous = result[-len(quotations):]
    for piece in nested:
        if _in_dialogue(article, piece):
            name, _ = _attribution([piece], article)
            if name is not None:  # — Как говорил мой учитель Гасан Алиев, «…»: his words
                result += _analyse_unit([piece], article, speakers)
                continue
        inner = _inner(segments, piece)
        before = segments[piece.segment][:piece.start]
        kind = _kind_without_speaker(inner, before, _after_words(segments, piece), lang,
                                     dated=_dated(segments, piece) or _suffixed(segments, piece, lang))
        result.append(_quotation(piece, inner, kind, None, None))
    return tuple(sorted(result, key=lambda q: (q.segment_index, q.start, q.depth)))


def _in_dialogue(article: _Article, piece: _Piece) -> bool:
    """Whether ``piece`` is a quotation in marks at the top level of a dialogue paragraph's
    speech (— Как говорил мой учитель, «…»): one speaker quoting another, whose own
    attribution the speech may name."""
    scan = article.scans[piece.segment]
    return piece.depth == 1 and article.lang in _DIALOGUE_LANGS \
        and _DIALOGUE_OPEN.match(article.segments[piece.segment]) is not None \
        and scan.depth_of(piece.start) == 0


def speech(quotations: Sequence[Quotation]) -> list[Quotation]:
    """The direct-speech quotations, one per passage (first part of multi-paragraph ones)."""
    return [q for q in quotations if q.kind is QuoteKind.SPEECH and q.part == 0]


def _analyse_unit(unit: list[_Piece], article: _Article,
                  speakers: list[Mention]) -> list[Quotation]:
    segments, lang = article.segments, article.lang
    name, segment = _attribution(unit, article)
    if name is not None and name.opening is not None:
        name = article.whole_name(segment, name)
    since = min(unit[0].segment, segment) - 1  # (a lead-in may stand a paragraph above)
    if name is None:
        speaker = None
    elif resolves_to_itself(name, lang):
        speaker = name.text
    else:
        speaker = resolve(name, segment, article.mentions(name, segment, since), speakers,
                          lang, since=since)
    grouped = name is not None and may_be_group(name, speaker)
    if grouped:
        name = speaker = None  # Players said: “…”: said by a group, named by no one
    if name is not None and speaker is not None and name.base is not None:
        article.rename(segment, name, speaker)
    if name is not None and speaker is not None:
        gender = name.gender if name.pronoun else guess_gender(Name(0, 0, speaker))
        speakers.append(Mention(segment, Name(name.start, name.end, speaker,
                                              gender=gender, person=True)))
    first = unit[0]
    inner = "\n".join(_inner(segments, piece) for piece in unit)
    if _noun_in_marks(unit, article):
        kind = _kind_without_speaker(inner, _before_text(article, first),
                                     _after_words(segments, first), lang, dated=True)
        kind = QuoteKind.SCARE if kind is QuoteKind.SPEECH else kind
        return [_quotation(first, inner, kind, None, None)]
    if name is not None or grouped or len(unit) > 1 or first.open_mark in _DIALOGUE_DASHES \
            or _introduced(article, first) or _said_by_someone(article, unit[-1]) \
            or _said_jointly(article, first) or _led_in_above(article, first):
        kind = QuoteKind.SPEECH
    else:
        before = _before_text(article, first)
        kind = _kind_without_speaker(inner, before, _after_words(segments, first), lang,
                                     dated=_dated(segments, first) or _suffixed(segments, first, lang))
    attribution = None if name is None else Attribution(
        segment, name.start, name.end, segments[segment][name.start:name.end])
    quotations = [_quotation(piece, _inner(segments, piece), kind, speaker, attribution,
                             part=i, continued=i < len(unit) - 1)
                  for i, piece in enumerate(unit)]
    if name is None and kind is QuoteKind.SPEECH and first.open_mark not in _DIALOGUE_DASHES:
        at, joint = _joint_speakers(unit, article)
        if joint:
            quotations[at] = replace(quotations[at], joint=joint)
    return quotations


def _joint_speakers(unit: list[_Piece], article: _Article) -> tuple[int, tuple[str, ...]]:
    """(which piece of ``unit``, the names) of a list of speakers after its last piece or
    before its first (see :func:`listed_after`); (0, ()) when none attributes it."""
    last, first = unit[-1], unit[0]
    and_word = lexicon(article.lang).and_word
    segments = article.segments
    if not and_word or (and_word not in segments[first.segment]
                        and and_word not in segments[last.segment]):
        return 0, ()  # every list closes with "and" (most paragraphs with a quotation have none)
    if last.close_mark:
        end = _after_end(article, last)
        joint = listed_after(article.segments[last.segment], last.end, end, article.lang) \
            if end > last.end else ()
        if joint:
            return len(unit) - 1, joint
    start = _before_start(article, first)
    return 0, listed_before(article.segments[first.segment], start, first.start,
                            article.lang) if start < first.start else ()


#: How many words a short attribution clause has before its speaker's name, and after it.
_CLAUSE_WORDS = 8


def _inherit_speaker(current: list[Quotation], previous: list[Quotation],
                     segments: Sequence[str], lang: str) -> list[Quotation]:
    """“…,” she said. “…”: an unattributed quotation that follows, in the same paragraph,
    a quotation and its short attribution clause is by the same speaker; not one a new
    sentence gives to someone else by a word and a speech verb (“…,” Whitlock said. Mendes
    said he was “proud…”), whose speaker the patterns did not name."""
    if not previous or current[0].attribution is not None or len(current) > 1 \
            or current[0].kind is QuoteKind.TITLE:
        return current  # (добавив, что «Гектор» ослабнет: a name in marks, not words said)
    last, first = previous[-1], current[0]
    said = last.attribution
    same_segment = said is not None and said.segment_index == first.segment_index \
        == last.segment_index
    if said is None or not same_segment or not last.end <= said.start < first.start:
        return current
    text = segments[first.segment_index]
    # The words up to the name (a role: defence lawyer) and after it (told reporters after
    # the hearing) each make a short clause; together they may be longer.
    if len(words_of(text, last.end, said.start)) > _CLAUSE_WORDS \
            or len(words_of(text, said.end, first.start)) > _CLAUSE_WORDS:
        return current
    clause = segments[first.segment_index][said.end:first.start]
    if _name_in_marks(first.text) and not any(mark in clause for mark in ",.:;!?—–"):
        return current  # — сказал X газете «Зеркало»: the outlet, inside the attribution
    if _another_subject_says(clause, said.text, lang):
        return current
    return [replace(first, kind=QuoteKind.SPEECH, speaker=last.speaker, attribution=said)]


#: A sentence's end, then its first word (capitalised) and the word after it.
_NEW_SENTENCE_SUBJECT = re.compile(r"[.!?][\s*_]+([^\W\d_][\w’'-]*)\s+([^\W\d_]+)")


def _another_subject_says(clause: str, speaker: str, lang: str) -> bool:
    """Whether ``clause``, between a quotation's attribution and the next quotation, opens
    a sentence whose subject is a capitalised word other than the speaker's name or a
    pronoun, followed by a speech verb (Mendes said he was “…”): another speaker."""
    if "." not in clause and "!" not in clause and "?" not in clause:
        return False
    lex = lexicon(lang)
    for match in _NEW_SENTENCE_SUBJECT.finditer(clause):
        subject, verb = match.groups()
        if subject[0].isupper() and fold(subject) not in lex.pronouns and subject not in lex.function_words \
                and subject not in speaker.split() and lex.verb_at([verb], 0):
            return True
    return False


def _quotation(piece: _Piece, inner: str, kind: QuoteKind, speaker: str | None,
               attribution: Attribution | None, part: int = 0,
               continued: bool = False) -> Quotation:
    return Quotation(piece.segment, piece.start, piece.end, piece.open_mark, piece.close_mark,
                     inner, kind, speaker, piece.depth, continued, part, attribution)


def _inner(segments: Sequence[str], piece: _Piece) -> str:
    end = piece.end - len(piece.close_mark)
    inner = segments[piece.segment][piece.start + len(piece.open_mark):end]
    return inner.lstrip() if piece.open_mark in _DIALOGUE_DASHES else inner


def _units(segments: Sequence[str], scans: list[QuoteScan],
           lang: str) -> tuple[list[list[_Piece]], list[_Piece]]:
    """Top-level quotations (as lists of per-paragraph pieces) and nested ones; each speech
    part of a dialogue paragraph is a unit of its own."""
    units: list[list[_Piece]] = []
    nested: list[_Piece] = []
    chain: list[_Piece] | None = None
    for index, (text, scan) in enumerate(zip(segments, scans)):
        dialogue = _dialogue(index, text, scan, lang)
        if not dialogue and not scan.spans and not scan.unclosed and chain is None:
            continue  # most paragraphs quote nobody
        top, inner = _top_level(index, text, scan)
        if dialogue:
            top, inner = _inside_dialogue(dialogue, top, inner)
        nested += inner
        if chain is not None and top and top[0].start == len(text) - len(text.lstrip()) \
                and _same_family(chain[0].open_mark, top[0].open_mark):
            chain.append(top.pop(0))
            if chain[-1].close_mark:
                units.append(chain)
                chain = None
        elif chain is not None:
            closing = _closing_without_opener(index, text, scan, chain[0].open_mark)
            if closing is not None and not dialogue:
                chain.append(closing)  # «A. / B», – Abdulla əlavə edib: no mark reopens B
            units.append(chain)
            chain = None
        for piece in sorted(top + dialogue, key=lambda p: p.start):
            if piece.close_mark or piece.open_mark in _DIALOGUE_DASHES:
                units.append([piece])
            else:
                chain = [piece]
    if chain is not None:
        units.append(chain)
    return units, nested


#: A closing mark that ends a quotation: after a word or its punctuation, before the
#: punctuation or the dash of the attribution, a space or the paragraph's end.
_CLOSING_MARK = re.compile(r"(?<=[^\s«“„])([»”\"])(?=[\s,.;:!?…—–]|$)")


def _closing_without_opener(index: int, text: str, scan: QuoteScan,
                            open_mark: str) -> _Piece | None:
    """The end of a quotation going on from the previous paragraph in one that does not
    repeat its opening mark («A. / B», – Abdulla əlavə edib): the paragraph from its start
    to a closing mark of the opener's family that pairs with nothing before any quotation
    of its own; None when there is none (the quotation ended with the paragraph above)."""
    first = min([span.start for span in scan.spans] + [m.index for m in scan.unclosed]
                + [len(text)])
    closing = _CLOSING_MARK.search(text, 0, first)
    if closing is None or not _same_family(open_mark, closing.group(1)):
        return None
    start = len(text) - len(text.lstrip())
    return _Piece(index, start, closing.end(), "", closing.group(1), 0)


def _dialogue(index: int, text: str, scan: QuoteScan, lang: str) -> list[_Piece]:
    """The speech parts of a dialogue paragraph (— Мы готовы, — сказал он. — Но не сейчас:
    two), each from its dash to the punctuation before the attribution's dash; none for a
    paragraph that does not open with a dash or for a language without dialogue dashes.
    Dashes inside quotation marks are not looked at."""
    opened = _DIALOGUE_OPEN.match(text) if lang in _DIALOGUE_LANGS else None
    if opened is None or byline(text, 0, len(text), lang) is not None:
        return []  # (— Rəşad Məmmədli under a block quote signs it: no speech of its own)
    masked = _masked(text, scan)
    pieces = []
    start = opened.start(1)
    for said in _DIALOGUE_SAID.finditer(masked, opened.end()):
        pieces.append(_Piece(index, start, said.start(), text[start], "", 0))
        if said.group("dash") is None:
            return pieces
        start = said.start("dash")
    pieces.append(_Piece(index, start, len(text.rstrip()), text[start], "", 0))
    return pieces


def _inside_dialogue(dialogue: list[_Piece], top: list[_Piece],
                     inner: list[_Piece]) -> tuple[list[_Piece], list[_Piece]]:
    """``top`` and ``inner`` with the quotations inside a dialogue's speech nested one
    level deeper (— Это «зелёная» энергия, — сказал он: «зелёная» is quoted by him)."""
    def within(piece: _Piece) -> bool:
        return any(part.start < piece.start < part.end for part in dialogue)

    deeper = [replace(piece, depth=piece.depth + 1) for piece in top + inner if within(piece)]
    return [p for p in top if not within(p)], [p for p in inner if not within(p)] + deeper


def _top_level(index: int, text: str, scan: QuoteScan) -> tuple[list[_Piece], list[_Piece]]:
    """Pieces at depth 0 of one segment (an unclosed opener runs to the segment's end)
    and the nested ones, with depths counting an enclosing unclosed opener."""
    top: list[_Piece] = []
    nested: list[_Piece] = []
    for span in scan.spans:
        depth = span.depth + sum(1 for m in scan.unclosed if m.index < span.start)
        piece = _Piece(index, span.start, span.end, span.open_mark, span.close_mark, depth)
        (top if depth == 0 else nested).append(piece)
    if scan.unclosed:
        opener = scan.unclosed[0]
        top.append(_Piece(index, opener.index, len(text.rstrip()), opener.char, "", 0))
    return sorted(top, key=lambda p: p.start), nested


def _same_family(left: str, right: str) -> bool:
    groups = ("“”„\"‟", "«»")
    return any(left in group and right in group for group in groups)


def _attribution(unit: list[_Piece], article: _Article) -> tuple[Name | None, int]:
    """The name or pronoun attributing ``unit``, and the segment it is in."""
    segments, lang = article.segments, article.lang
    last, first = unit[-1], unit[0]
    if first.open_mark in _DIALOGUE_DASHES:
        return _dialogue_attribution(first, article), first.segment
    if last.close_mark:
        text = segments[last.segment]
        end = _after_end(article, last)
        inner = _inner(segments, last).rstrip()
        anywhere = inner.endswith((",", "?", "!", "…")) or text[last.end:end].lstrip()[:1] in (
            ",", "—", "–", "-")
        # Words after the quotation that end in a colon lead up to the next one (Директор
        # «Азерсун» Айдос Сарсенбаев добавил: «…): they attribute that one, not this one.
        leads_on = not anywhere and text[last.end:end].rstrip().endswith(":")
        named = not anywhere and first is last and _after_a_word(article, first)
        found = speaker_after(text, last.end, end, lang, anywhere=anywhere) \
            if end > last.end and not leads_on and not named else None
        found = found or byline(text, last.end, len(text), lang)
        if found is not None:
            return found, last.segment
        signed = _signed_below(article, last)
        if signed is not None:
            return signed, last.segment + 1
    text = segments[first.segment]
    start = _before_start(article, first)
    found = speaker_before(text, start, first.start, lang) if start < first.start else None
    if found is None and first is last and last.close_mark and start < first.start:
        found = speaker_of_quoted_object(text, start, first.start, last.end, lang)
    if found is not None:
        return found, first.segment
    found = _inner_attribution(first, text, lang) or _labelled(text, start, first, lang) \
        or _label_of_person(article, text, start, first)
    if found is None and _below_colon(article, first):
        above = _speaker_above(article, first.segment - 1)
        if above is not None:
            return above, first.segment - 1
    return found, first.segment


#: What may stand around a paragraph that is wholly one quotation: spaces, emphasis and
#: block-quote markers, and the punctuation that closes its sentence.
_AROUND_QUOTATION = " \t\n*_>.!?…"


#: The word right before a quotation, with only spaces between them.
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")


def _after_a_word(article: _Article, piece: _Piece) -> bool:
    """Whether ``piece`` stands right after a word, with no punctuation between them: the
    quoted words are then part of the phrase that word opens (Наставник «Нефтчи» Самир
    Абасов признал: whose coach; the “Qarabag” coach Gurbanov said), so a name and a verb
    after them are the sentence's subject and verb, not the speaker of the quoted words,
    which Russian and Azerbaijani would set off from them with a comma and a dash."""
    return _word_before(article.segments[piece.segment], piece.start)


def _word_before(text: str, start: int) -> bool:
    return _WORD_BEFORE.search(text, max(0, start - 40), start) is not None


#: How many words a name in marks within the words after a quotation may have.
_NAME_IN_MARKS_WORDS = 4


def _name_after_a_word(text: str, span: QuoteSpan) -> bool:
    """Whether ``span`` is a capitalised name of a few words right after a word (тренер
    «Карабаха», аналитик брокера «Цифра»): part of the words after a quotation that name
    its speaker (— сказал тренер «Карабаха» Гурбан Гурбанов), not a quotation ending them."""
    words = words_of(text, span.start + 1, span.end - 1)
    return 0 < len(words) <= _NAME_IN_MARKS_WORDS and words[0][0].isupper() \
        and _word_before(text, span.start)


def _below_colon(article: _Article, piece: _Piece) -> bool:
    """Whether ``piece`` is all of its paragraph and the paragraph before ends in a colon:
    a quotation set off as a paragraph of its own, whose lead-in (Samir Karimov said: /
    Mammadova: / Самир Керимов заявил:) is the end of the paragraph above."""
    if piece.segment == 0 or not article.segments[piece.segment - 1].rstrip(" \t\n*_").endswith(":"):
        return False  # (nearly every paragraph: no colon at the end of the one above)
    text = article.segments[piece.segment]
    return not text[:piece.start].strip(_AROUND_QUOTATION) \
        and not text[piece.end:].strip(_AROUND_QUOTATION)


def _led_in_above(article: _Article, piece: _Piece) -> bool:
    """Whether a speech verb or noun leads up to ``piece`` from the paragraph above (Her
    answer, in full: / В заявлении говорится:), though it names nobody: speech."""
    if not _below_colon(article, piece):
        return False
    lex = lexicon(article.lang)
    words = words_of(article.segments[piece.segment - 1],
                     _last_sentence_start(article, piece.segment - 1))
    return any(lex.verb_at(words, index) or fold(word) in lex.speech_nouns
               for index, word in enumerate(words))


def _last_sentence_start(article: _Article, segment: int) -> int:
    """Where the last sentence of ``segment`` begins."""
    ends = article.sentence_ends(segment)
    return ends[-1] if ends and ends[-1] < len(article.segments[segment].rstrip()) else 0


def _speaker_above(article: _Article, segment: int) -> Name | None:
    """The speaker the colon lead-in ending ``segment`` names (see :func:`_led_in_above`)."""
    text = article.segments[segment]
    end = len(text.rstrip())
    start = _last_sentence_start(article, segment)
    colon = _Piece(segment, end, end, "", "", 0)
    found = speaker_before(text, start, end, article.lang) \
        or _labelled(text, start, colon, article.lang) \
        or _label_of_person(article, text, start, colon)
    if found is not None:
        return found
    # «…», — сказал Самир Керимов и добавил: the speaker of the quotation before the colon.
    quoted = [span.end for span in article.scans[segment].spans
              if span.depth == 0 and start <= span.start]
    return speaker_after(text, quoted[-1], end, article.lang, anywhere=True) if quoted else None


def _label_of_person(article: _Article, text: str, start: int, piece: _Piece) -> Name | None:
    """The name alone before the colon leading up to ``piece`` (Emmanuel Macron: “…; Macron:
    “…) when the article names that person elsewhere with what shows a person (French
    President Emmanuel Macron), in full or, for one word, as the surname of such a full
    name: a foreign name has no surname ending to tell it from a place's or a programme's
    (Green Corridor: “…; Baku: “…)."""
    if ":" not in text[start:piece.start]:
        return None  # (most lead-ins: no colon, so no label)
    name = name_label(text, start, piece.start, article.lang)
    if name is None:
        return None
    if name.text not in article.persons:
        article.persons[name.text] = _introduced_person(article, name)
    return replace(name, person=True) if article.persons[name.text] else None


def _introduced_person(article: _Article, name: Name) -> bool:
    """Whether the article names ``name``'s person somewhere with what shows a person."""
    surname = name.words[-1]
    stem = surname[:4] if article.lang in ("ru", "az") else surname
    for index, segment in enumerate(article.segments):
        if stem not in segment:
            continue  # (most segments: no mention of the name to find)
        if index not in article.full_names:
            article.full_names[index] = [Mention(index, found) for found in
                                         full_names_in(blank_out(segment), article.lang)]
        if any(_labels(name, m.name, article.lang)
               and introduced_as_person(segment, m.name, article.lang)
               for m in article.full_names[index]):
            return True
    return False


def _labels(label: Name, full: Name, lang: str) -> bool:
    """Whether ``label`` names the person ``full`` names: the same words, or (a label of
    one word) the surname of a name of two words or more (Macron for Emmanuel Macron;
    Макрон for Эмманюэля Макрона, in its case)."""
    if len(label.words) > 1:
        return full.words == label.words
    return len(full.words) > 1 and same_word(label.words[0], full.words[-1], lang)


def _labelled(text: str, start: int, piece: _Piece, lang: str) -> Name | None:
    """The interviewee a paragraph's label names (**Rəşad Məmmədli:** … deyə bilərəm: „…“),
    for a quotation the label or a colon introduces: the answer is that person's words."""
    label = label_speaker(text, lang)
    if label is None:
        return None
    name, end = label
    lead_in = text[max(start, end):piece.start].rstrip()
    return name if end <= piece.start and (not lead_in or lead_in.endswith(":")) else None


def _signed_below(article: _Article, piece: _Piece) -> Name | None:
    """The person the next paragraph signs ``piece`` with (a block quote's last line — Rəşad
    Məmmədli), when ``piece`` ends its own paragraph."""
    following = piece.segment + 1
    if following >= len(article.segments) \
            or article.segments[piece.segment][piece.end:].strip(" \t\n.!?…*_"):
        return None
    text = article.segments[following]
    return byline(text, 0, len(text), article.lang)


def _dialogue_attribution(piece: _Piece, article: _Article) -> Name | None:
    """The speaker named between dashes right after a dialogue's speech part."""
    text, lang = article.segments[piece.segment], article.lang
    said = _DIALOGUE_SAID.match(_masked(text, article.scans[piece.segment]), piece.end)
    if said is None:
        return None
    return speaker_after(text, said.start("said"), said.end("said"), lang)


def _inner_attribution(piece: _Piece, text: str, lang: str) -> Name | None:
    """Russian and Azerbaijani style «Мы готовы, — сказал он. — Но не сейчас» / “Hazırıq,
    – Samir Kərimov bildirib. – Amma indi yox”: the speaker inside, also of a quotation
    going on in the next paragraph, which Russian closes only where it ends."""
    if lang not in ("ru", "az") or piece.open_mark in _DIALOGUE_DASHES:
        return None
    match = _RU_INNER.search(text, piece.start, piece.end)
    if match is None:
        return None
    return speaker_after(text, match.start("said"), match.end("said"), lang)


def _before_start(article: _Article, piece: _Piece) -> int:
    """Where the words leading up to ``piece`` begin: the previous sentence end or the
    previous quotation's end, whichever is later. Both found by bisection in lists made
    once per segment: a paragraph may hold thousands of quotation marks."""
    ends = article.sentence_ends(piece.segment)
    found = bisect_right(ends, piece.start)
    boundary = ends[found - 1] if found else 0
    if piece.segment not in article.said_ends:
        text = article.segments[piece.segment]
        article.said_ends[piece.segment] = sorted(
            span.end for span in article.scans[piece.segment].spans
            if span.depth == 0 and not _name_in_marks(span.inner(text)))
    said = article.said_ends[piece.segment]
    found = bisect_right(said, piece.start)
    return max(boundary, said[found - 1]) if found else boundary


#: A name in quotation marks: one to four words, the first capitalised, no punctuation.
_NAME_IN_MARKS = re.compile(r"\s*[^\W\d_][^\W_]*(?:[\s\-][^\W_]+){0,3}\s*")


def _name_in_marks(inner: str) -> bool:
    """Whether a quoted span is a name rather than words said (Samir Karimov told the
    “Azadliq” newspaper: “…”; сказал газете «Зеркало»: «…»): it does not end the words
    leading up to the next quotation, which name its speaker."""
    return _NAME_IN_MARKS.fullmatch(inner) is not None and inner.strip()[:1].isupper()


def _after_end(article: _Article, piece: _Piece) -> int:
    """Where the words following ``piece`` stop: the end of the sentence or the next
    quotation. A quotation that ends its own sentence (“… .” New sentence) has none."""
    text, scan = article.segments[piece.segment], article.scans[piece.segment]
    inner = text[piece.start + 1:piece.end - 1].rstrip()
    rest = text[piece.end:].lstrip()
    if inner.endswith((".", "…")) and (not rest or rest[0].isupper()):
        return piece.end
    limit = len(text)
    for span in scan.spans:  # (the name test only before the nearest so far: a paragraph may hold hundreds)
        if span.depth == 0 and piece.end <= span.start < limit and not _name_after_a_word(text, span):
            limit = span.start
    if scan.unclosed and scan.unclosed[0].index >= piece.end:
        limit = min(limit, scan.unclosed[0].index)
    ends = [e for e in article.sentence_ends(piece.segment) if e > piece.end]
    return min([limit, *ends])


def _introduced(article: _Article, piece: _Piece) -> bool:
    """Whether an "according to" phrase without a named speaker leads up to ``piece``
    (по словам очевидцев, «…»: speech, whoever the witnesses are)."""
    start = _before_start(article, piece)
    return start < piece.start and introduces_speech(article.segments[piece.segment], start,
                                                     piece.start, article.lang)


#: How many lower-case words after a quotation ending in a comma may come before its speech
#: verb (“…,” a spokesman for the port said).
_SAID_WITHIN = 8


def _said_by_someone(article: _Article, piece: _Piece) -> bool:
    """“…,” said a spokesman for the Port of Baku / «…», — сказал представитель: a quotation
    that ends in a comma (or is followed by one or a dash, after any emphasis closing
    around the marks: *«…»*, — сказал) and then, in its sentence, by a speech verb is
    speech, even when nobody is named."""
    text = article.segments[piece.segment]
    if not piece.close_mark:
        return False
    end = _after_end(article, piece)
    clause = _inner(article.segments, piece).rstrip().endswith((",", "?", "!")) \
        or text[piece.end:end].lstrip().lstrip("*_").lstrip()[:1] in (",", "—", "–")
    if not clause:
        return False
    lex = lexicon(article.lang)
    words = _clause_words(words_of(text, piece.end, end))
    if article.lang == "az" and words[:1] and fold(words[0]) == "deyə":
        return True  # (“…,” deyə: "saying", which only follows words said)
    return any(lex.verb_at(words, index) for index in range(len(words)))


def _clause_words(words: list[str]) -> list[str]:
    """The words of ``words`` up to the :data:`_SAID_WITHIN`-th lower-case one: names do not
    count, so a list of speakers fits (“…,” Jeyhun Bayramov and Ararat Mirzoyan said in a
    joint statement)."""
    lower = 0
    for index, word in enumerate(words):
        if not word[0].isupper():
            lower += 1
            if lower > _SAID_WITHIN:
                return words[:index]
    return words


def _said_jointly(article: _Article, piece: _Piece) -> bool:
    """Whether a list of speakers leads up to ``piece`` (Karimov and Huseynova said the
    reform was “long overdue”): their words, though no single speaker is named."""
    start = _before_start(article, piece)
    return start < piece.start and said_jointly_before(article.segments[piece.segment], start,
                                                       piece.start, article.lang)


def _before_text(article: _Article, piece: _Piece) -> str:
    """The words leading up to ``piece`` in its sentence or, for a quotation that opens its
    paragraph, the end of the paragraph above when that ends in a colon (В заявлении
    говорится: / then «Зарплаты не вырастут» as a paragraph of its own)."""
    before = article.segments[piece.segment][_before_start(article, piece):piece.start]
    if before.strip(_AROUND_QUOTATION) or piece.segment == 0:
        return before
    above = article.segments[piece.segment - 1].rstrip(" \t\n*_")
    return above[_last_sentence_start(article, piece.segment - 1):] if above.endswith(":") \
        else before


#: A year in brackets right after a quotation, as a work's name is given: “Son qatar” (2003).
_YEAR_AFTER = re.compile(r"[ \t]*\((?:1[5-9]|20)\d\d\b")


def _dated(segments: Sequence[str], piece: _Piece) -> bool:
    """Whether ``piece`` is followed by a year in brackets (the name of a work and its year)."""
    return _YEAR_AFTER.match(segments[piece.segment], piece.end) is not None


#: An Azerbaijani case suffix written straight after a closing mark: “Əsrin müqaviləsi”ndən.
_SUFFIX_AFTER = re.compile(r"[a-zəğıöüçş]")


def _suffixed(segments: Sequence[str], piece: _Piece, lang: str) -> bool:
    """Whether an Azerbaijani case suffix follows ``piece``'s closing mark (“Əsrin
    müqaviləsi”ndən 30 il keçib): the quoted words are a noun of the sentence, a name, as
    a work's is before its year; words someone said take no case ending."""
    return lang == "az" and bool(piece.close_mark) \
        and _SUFFIX_AFTER.match(segments[piece.segment], piece.end) is not None


def _noun_in_marks(unit: list[_Piece], article: _Article) -> bool:
    """Whether ``unit`` is one piece taking a case suffix (Rzayev dedi ki, «Əli və
    Nino»nu səhnəyə gətirmək…): a noun of the sentence, never the words of whoever speaks
    around it, however close a speech verb or a speaker's name stands."""
    return len(unit) == 1 and _suffixed(article.segments, unit[0], article.lang)


def _after_words(segments: Sequence[str], piece: _Piece) -> list[str]:
    text = segments[piece.segment]
    return words_of(text, piece.end, min(len(text), piece.end + 40))[:2]


def _masked(text: str, scan: QuoteScan) -> str:
    """``text`` with code/URLs and the inside of top-level quotations blanked, so that
    sentence punctuation inside a quotation does not end the sentence around it."""
    chars = list(blank_out(text))
    for span in scan.spans:
        if span.depth == 0:
            chars[span.start + 1:span.end - 1] = " " * (span.end - span.start - 2)
    if scan.unclosed:
        start = scan.unclosed[0].index + 1
        chars[start:] = " " * (len(chars) - start)
    return "".join(chars)


def _sentence_ends(masked: str) -> list[int]:
    """Offsets just past sentence-final punctuation that is followed by a new sentence."""
    ends = []
    for match in _SENTENCE_END.finditer(masked):
        end = match.end()
        after = masked[end:end + 1]
        if after and not after.isspace() and after not in ")]»”’\"'*_":
            continue  # (emphasis may close after the period: **15:30.** Министр …)
        following = _AFTER_CLOSERS.search(masked, end)
        first = following.group() if following else ""
        if first and not (first.isupper() or first.isdigit() or first in "“«„\"‘(["):
            continue
        if match.group() == "." and _abbreviation(masked, match.start()):
            continue
        ends.append(end)
    return ends


def _abbreviation(text: str, dot: int) -> bool:
    end = dot
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:end].lstrip("([«“\"'")
    return word.lower() in _ABBREVIATIONS or is_initial(word)


#: How many of a quotation's words tell its kind: the tests below ask for at most eight
#: (a title has no more) and the first; reading all of a quotation that holds nested ones
#: was quadratic (1,500 nested quotations: 3 s).
_WORDS_TO_TELL = 9


def _kind_without_speaker(inner: str, before: str, after: list[str], lang: str, *,
                          dated: bool = False) -> QuoteKind:
    """Scare quotes, title or unattributed speech, from the quoted words and their context
    (``dated``: a year in brackets follows, as after a work's name, or a case suffix)."""
    words = first_words(inner, _WORDS_TO_TELL)
    if not words:
        return QuoteKind.SCARE
    if _is_title(inner, words, before, after, lang) \
            or (dated and len(words) <= 8 and words[0][0].isupper()):
        return QuoteKind.TITLE
    stripped = inner.strip().rstrip(")]»”’\"'")
    full_sentence = (words[0][0].isupper() or words[0][0].isdigit()) \
        and stripped.endswith((".", "!", "?", "…")) and len(words) >= 2
    full_sentence = full_sentence or _sentence_after_colon(words, before)
    if full_sentence or len(words) >= 5:
        return QuoteKind.SPEECH
    return QuoteKind.SCARE


def _sentence_after_colon(words: list[str], before: str) -> bool:
    """Был резок: «Реформы провалились» / was brief: “Nothing changes”: several words
    starting with a capital right after a colon are a sentence someone said, even when
    the closing full stop stands outside the marks."""
    return before.rstrip().endswith(":") and len(words) >= 2 \
        and (words[0][0].isupper() or words[0][0].isdigit())


def _is_title(inner: str, words: list[str], before: str, after: list[str], lang: str) -> bool:
    """Names of works, agreements and organisations: capitalised like a title, or next
    to a word such as "report", «газета», "qəzeti"."""
    if len(words) > 8 or not words[0][0].isupper():
        return False
    if inner.strip().rstrip(",;:").endswith((".", "!", "?", "…")):
        return False
    before_words = [word.lower() for word in words_of(before)]
    if before_words[-1:] and (before_words[-1] in _WORK_NOUNS or before_words[-1] in _LEGAL_FORMS):
        return True
    if after[:1] and re.split(r"['’\-]", after[0].lower())[0] in _LEGAL_FORMS:
        return True  # «Azərişıq» ASC, «Azərsu» ASC-nin: a company's name
    if lang == "az" and after[:1] and after[0].lower() in _AZ_WORK_NOUNS:
        return True
    if lang == "ru" and before.strip():
        return len(words) <= 6 and not _sentence_after_colon(words, before)
    # At a segment's start Russian capitalises any first word, so there only a name
    # capitalised throughout is a title («Нефтчи» обыграл «Сабах»), as in English.
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS or not w[0].isalpha()
               for w in words)


__all__ = ["Attribution", "QuoteKind", "Quotation", "analyse_article", "find_quotations",
           "speech"]
