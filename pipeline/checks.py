"""QA checks on translated entries: small named functions, each with a severity.

Each check looks at one (source, translation) pair and returns findings; the first line
of its docstring is its title. Errors are what breaks a news story (a lost figure, URL,
markup, speaker or name, a quotation dropped); warnings are what a reviewer should look
at (quote style, nesting, order, an untranslated segment, one quotation translated two
ways across the corpus, a person without a glossary row spelt two ways).
:func:`check_catalogues` runs them over whole catalogues with path and line filled, plus
the corpus-level checks; :func:`check_catalogue` and :func:`corpus_findings` are its two
halves, so worker processes can check the catalogues they write and the parent only joins
the small results.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import Callable, Iterable, Mapping, Sequence

from pipeline.attribution import MAYBE_UPPER, Name, full_names_in, nominative, surname_gender
from pipeline.glossary import (Glossary, Term, count_term, find_variants, is_case_ending, surname_variants,
                               term_pattern)
from pipeline.inline import (CITATION_PATTERN, EMOJI_PATTERN, HASHTAG_PATTERN, SUBSCRIPT_PATTERN, SUPERSCRIPT_PATTERN,
                             WP_SHORTCODE_PATTERN,
                             Region, RegionKind,
                             blank_out, code_spans, decode_references, kept_elements, math_spans, protected_regions, template_structure_changed,
                             template_tags, urls)
from pipeline.lexicon import DIGRAPH_INITIALS, PATRONYMIC_WORDS, has_words, is_organisation_word, lexicon
from pipeline.model import Catalogue, Finding, Severity, shorten
from pipeline.names import (NameKey, Rendering, catalogue_renderings, collect, name_drift, recalled_names,
                            remembered_names, uninflected)
from pipeline.negation import negation_slip
from pipeline.omission import omission_message
from pipeline.numbers import (Number, changed_currencies, changed_months, changed_number_words, changed_signs,
                              changed_units, evening_times_told_as_morning, lost_minus_signs, reversed_pairs,
                              numbers_in, unmatched_numbers)
from pipeline.quotemarks import (Delimiters, Family, QuoteScan, delimiters, find_marks, normalise_quotes,
                                 scan_quotes)
from pipeline.quotes import (QuoteKind, Quotation, analyse_article, count_top_level,
                             find_quotations, quotes_nothing)
from pipeline.translit import (consonant_changed, opens_with, resemblance, similarity, skeletons,
                               spelt_vowel_changed, suffix_added, vowel_changed)

Checker = Callable[[str, str, str, str], list[Finding]]
CatalogueItem = tuple[str, str, str, Catalogue]

_EMPHASIS = re.compile(r"\*+|~~|(?<![^\W_])_+|_+(?![^\W_])")
#: :data:`_EMPHASIS` without its underscore branches, which test a look-behind at every
#: character: the same matches in a text without an underscore, found much faster.
_STARS_AND_TILDES = re.compile(r"\*+|~~")
#: A highlight's ``==`` (which touches its text: ``a == b`` is a comparison) and an insert's
#: ``^^``; kept apart from :data:`_EMPHASIS`, as their look-arounds would slow its scan of
#: every text down, while few texts hold ``==`` or ``^^`` at all.
_HIGHLIGHT_AND_INSERT = re.compile(r"(?<![\s=])==(?!=)|(?<!=)==(?![\s=])|(?<!\^)\^\^(?!\^)")
#: Names and keys the site or bibliography resolves (``:smile:``, ``@smith2020``) and hashtags
#: (``#Baku2026``), counted each by its own text: a translation must keep every one as written.
_KEYS = re.compile(EMOJI_PATTERN + "|" + CITATION_PATTERN + "|" + HASHTAG_PATTERN)
_SUPERSCRIPT = re.compile(SUPERSCRIPT_PATTERN)
#: An ordinal's suffix raised after its number (``1^st^``, ``2^nd^``, ``1^er^``): each language
#: writes ordinals its own way (``1-е``, ``1-ci``), so it is no markup a translation must keep.
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)\^[^\W\d_]{1,3}\^(?!\^)")
_SUBSCRIPT = re.compile(SUBSCRIPT_PATTERN)
_LINK = re.compile(r"!?\[(?=[^\]]*\]\()")
#: A full or collapsed reference link (``[text][ref]``, ``[map][]``). A shortcut one
#: (``[summary]``) is not told apart from brackets that are no link (``[sic]``, an editor's
#: ``[its]``) without the article's labels, and translators drop, add and rephrase those
#: rightly: counting every pair flagged most correct translations of such paragraphs.
#: Machine translation gets every pair as placeholders, so an engine cannot drop one unseen.
_REFERENCE = re.compile(r"(?<![\\\]])!?\[(?!\^)(?:[^\[\]\\\n]|\\.)+\]\[[^\[\]\n]*\]")
_HTML_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
#: A WordPress shortcode (``[caption id="…"]``, ``[/caption]``), counted by its name.
_WP_SHORTCODE = re.compile(WP_SHORTCODE_PATTERN)
_WP_SHORTCODE_NAME = re.compile(r"(\[/?\w+).*", re.DOTALL)
_WORDS = re.compile(r"[^\W\d_]{2,}")
#: Every piece of markup :func:`_markup` counts starts with one of these characters, or is an emoji shortcode.
_MARKUP_CHARS = re.compile(r"[*~_\[<=^@#{]")
#: An emoji shortcode, the one piece of markup whose first character (``:``) prose is full of.
_EMOJI = re.compile(EMOJI_PATTERN)
_MIN_UNTRANSLATED_WORDS = 4
#: Segments whose per-text counts are cached (a source is checked against every translation).
_CACHE_SIZE = 16384
_MIN_DIVERGENCE_WORDS = 4
#: How alike (:func:`pipeline.translit.similarity`) a word must be to a glossary name that the
#: translation also spells correctly, to be reported as a misspelling of it.
_MISSPELLING_SIMILARITY = 0.8


@dataclass(frozen=True)
class Entry:
    """What every entry check gets: the pair, its languages and the project context."""

    source: str
    translation: str
    src_lang: str
    tgt_lang: str
    glossary: Glossary | None = None
    speakers: tuple[str, ...] = ()
    marks: Delimiters | None = None  # the target's house style, over CLDR's
    #: (name as written, full name the article introduced it by): “…,” Quliyeva said,
    #: after Aysel Quliyeva was introduced, is not Nigar Quliyeva of the glossary.
    resolved: tuple[tuple[str, str], ...] = ()
    _scans: dict[str, QuoteScan] = field(default_factory=dict, compare=False, repr=False)
    _quotations: list[list[Quotation]] = field(default_factory=list, compare=False, repr=False)

    def scan(self, which: str) -> QuoteScan:
        """The quote scan of the source or the translation (computed once)."""
        if which not in self._scans:
            text, lang = ((self.source, self.src_lang) if which == "source"
                          else (self.translation, self.tgt_lang))
            self._scans[which] = scan_quotes(text, lang)
        return self._scans[which]

    def source_quotations(self) -> list[Quotation]:
        """The quotations of the source segment analysed on its own (computed once, for the
        speaker checks: none without analysing a segment whose scan shows no quotation)."""
        if not self._quotations:
            found = [] if quotes_nothing(self.source, self.src_lang, self.scan("source")) \
                else find_quotations(self.source, self.src_lang)
            self._quotations.append(found)
        return self._quotations[0]

    @property
    def words_known(self) -> bool:
        """Whether the checks know the words of both languages (see :func:`has_words`):
        where they do not (a project adding Turkish or German), only the rules on figures,
        quotation marks, links and markup apply."""
        return has_words(self.src_lang) and has_words(self.tgt_lang)


@dataclass(frozen=True)
class Check:
    """A named check: ``function(entry)`` returns findings of ``severity`` (some checks
    lower it for minor cases)."""

    name: str
    severity: Severity
    function: Callable[[Entry], list[Finding]]

    @property
    def title(self) -> str:
        return (self.function.__doc__ or self.name).strip().splitlines()[0]


def _finding(check: str, severity: Severity, message: str) -> Finding:
    return Finding(check=check, severity=severity, message=message)


def check_quote_count(entry: Entry) -> list[Finding]:
    """Quotations lost or added: the translation has a different number of them."""
    source = _speech_count(entry.source, entry.src_lang)
    target = _speech_count(entry.translation, entry.tgt_lang)
    if source == target:
        return _unclosed_finding(entry)
    said = source - _titles_and_terms(entry.source, entry.src_lang)
    rendered = target - _titles_and_terms(entry.translation, entry.tgt_lang)
    if said == rendered or _continued_from_above(entry, said, rendered):
        return _unclosed_finding(entry)
    return [_finding("quote-count", Severity.ERROR,
                     f"the source has {_plural(source, 'quotation')}, "
                     f"the translation {_plural(target, 'quotation')}")]


def _continued_from_above(entry: Entry, source: int, target: int) -> bool:
    """Whether the counts differ only by the last part of a quotation that began in an
    earlier paragraph: Russian and Azerbaijani close it with no opening mark in its last
    paragraph (…учителей».), English opens every paragraph of it again (“Now we have…”),
    so the side that leaves its closer alone may count one quotation less for each."""
    if target > source:
        return target - source <= _lone_closers(entry.source, entry.scan("source"))
    return source - target <= _lone_closers(entry.translation, entry.scan("target"))


def _lone_closers(text: str, scan: QuoteScan) -> int:
    """Closing double or angle marks of ``text`` that close no quotation of its own."""
    ends = {span.end - 1 for span in scan.spans}
    return sum(1 for mark in find_marks(text)
               if mark.can_close and not mark.can_open and mark.index not in ends
               and mark.family in (Family.DOUBLE, Family.ANGLE))


def _titles_and_terms(text: str, lang: str) -> int:
    """How many quotations of ``text`` are titles (:func:`_titles`) or words set apart
    (scare quotes), which languages also mark differently: the Greens, «зелёные»; the
    so-called hawks, так называемые «ястребы»; a “historic” day, исторический день."""
    return sum(1 for q in find_quotations(text, lang) if q.kind is QuoteKind.TITLE or q.kind is QuoteKind.SCARE
               and len(q.text.split()) <= _SET_APART_WORDS and not q.text.rstrip().endswith((".", "!", "?", "…")))


#: How many words a span in marks without a speaker may hold to count as words set apart
#: (a term, a nickname): a longer one, or a sentence, may be words said whose lead-in the
#: reader missed (Şahidlər bildiriblər ki, “partlayış səhər saatlarında olub.”).
_SET_APART_WORDS = 3


def _titles(text: str, lang: str) -> int:
    """How many quotations of ``text`` are names of works or organisations: languages
    differ on marking them (газета «Зеркало», the newspaper Zerkalo), so a title in marks
    on one side only is no quotation lost or added, also inside a quotation (“Porto will be
    a different team,” he said → «„Порту“ будет другой командой», — сказал он)."""
    return sum(1 for q in find_quotations(text, lang) if q.kind is QuoteKind.TITLE)


def _unclosed_finding(entry: Entry) -> list[Finding]:
    """A closing mark lost: as many quotations as the source, but more of them left open
    at the end of the segment (only a quotation going on in the next paragraph may be). Or
    the other way round: a quotation the source leaves open, because it goes on in the next
    paragraph (“… with no closing mark, the next paragraph opening with “ again), closed by
    the translation, which then reads as if the speaker stopped there."""
    source, target = entry.scan("source").unclosed, entry.scan("target").unclosed
    if len(target) < len(source):
        return [_finding("quote-count", Severity.WARNING,
                         "the source leaves its quotation open here, as it goes on in the next "
                         "paragraph; the translation closes it: remove that closing mark, as the "
                         "translator's note on the entry says")]
    if len(target) == len(source):
        return []
    mark = target[len(source)]
    return [_finding("quote-count", Severity.ERROR,
                     f"the quotation opened by {mark.char} at character {mark.index + 1} of the "
                     "translation is never closed, as it is in the source: add its closing mark")]


def check_quote_nesting(entry: Entry) -> list[Finding]:
    """Quotations nested differently (a quote inside a quote moved out, or in)."""
    source = sorted(s.depth for s in entry.scan("source").spans)
    target = sorted(s.depth for s in entry.scan("target").spans)
    if len(source) != len(target) or source == target:
        return []
    return [_finding("quote-nesting", Severity.WARNING,
                     f"quotation nesting differs: depths {source} in the source, "
                     f"{target} in the translation")]


def check_quote_marks(entry: Entry) -> list[Finding]:
    """Quotation marks not in the target language's style (the project's house style, or
    CLDR's delimiters)."""
    marks = entry.marks or delimiters(entry.tgt_lang)
    scan = entry.scan("target")
    wrong = [span for span in scan.spans
             if (span.open_mark, span.close_mark) != marks.for_depth(
                 span.depth + sum(1 for m in scan.unclosed if m.index < span.start))]
    wrong_open = [m for depth, m in enumerate(scan.unclosed) if m.char != marks.for_depth(depth)[0]]
    if not wrong and not wrong_open:
        return []
    if wrong:
        span = wrong[0]
        depth = span.depth + sum(1 for m in scan.unclosed if m.index < span.start)
        found = span.open_mark + "…" + span.close_mark
    else:
        depth = list(scan.unclosed).index(wrong_open[0])
        found = wrong_open[0].char
    expected = "{}…{}".format(*marks.for_depth(depth))
    where = " inside a quotation" if depth % 2 else ""
    return [_finding("quote-marks", Severity.WARNING,
                     f"quotation marks {found}{where} should be {expected} in {entry.tgt_lang} "
                     f"({entry.tgt_lang} style: {marks.start}…{marks.end}, "
                     f"inside: {marks.alt_start}…{marks.alt_end})")]


def check_speakers(entry: Entry) -> list[Finding]:
    """A quotation's speaker missing from the translation or spelled against the glossary."""
    if not entry.words_known:
        return []  # (speech verbs and the spelling of names by sound are known in az, ru, en only)
    findings = []
    respelt: set[tuple[str, str]] = set()  # one misspelt word, whichever forms name the speaker
    for name in _speaker_names(entry):
        problem = _speaker_problem(entry, _with_given_name(entry, name), respelt)
        if problem and _surname_for_given_name(entry, name):
            continue
        if problem:
            findings.append(_finding("speaker", Severity.ERROR, problem))
    findings += [_finding("speaker", Severity.ERROR, problem) for problem in _named_pronoun_speakers(entry, respelt)]
    # (a verb of the other gender is told only where the speaker is right otherwise)
    problems = _swapped_speakers(entry) or ([] if findings else _verb_of_other_gender(entry))
    return findings + [_finding("speaker", Severity.ERROR, problem) for problem in problems]


def _swapped_speakers(entry: Entry) -> list[str]:
    """Quotations the translation gives to another person the segment quotes (“A,” said X.
    “B,” said Y. → «A», — сказал Y. «B», — сказал X.): every name is there, so only the
    attributions, read in both languages and paired by position, show the swap. Only
    speakers with a glossary row are compared, so a name is never guessed."""
    source = [q for q in entry.source_quotations() if q.depth == 0]
    if not source:
        return _lead_in_gender(entry) if entry.resolved else []
    if entry.glossary is None and not _genders_to_compare(entry, source):
        named = _said_names(source, entry.src_lang)
        if (not named and not entry.resolved or len(named) < 2 and _surnames_all_heard(entry)) \
                and not (named and _other_people(entry, named)):
            return []  # (no glossary row, no pronoun's gender, nobody to swap with or from nowhere)
    if count_top_level(entry.translation, entry.tgt_lang) != len(source):
        return []  # (quotations paired by position: counted before attributing them)
    target = [q for q in find_quotations(entry.translation, entry.tgt_lang) if q.depth == 0]
    said = [_attributed_term(entry, q, entry.src_lang) for q in source]
    # Anyone the source names may be handed a quotation: another speaker, or the person
    # spoken to (“…,” Gasimli told Ilham Aliyev → “…,” Ilham Aliyev told Gasimli).
    quoted = {id(term) for term in said if term is not None} | {
        id(match.term) for match in entry.glossary.terms_in(entry.source, entry.src_lang)
        if match.term.is_name} if entry.glossary is not None else set()
    problems = []
    for number, (wanted, quotation) in enumerate(zip(said, target), 1):
        found = _attributed_term(entry, quotation, entry.tgt_lang)
        if wanted is None or found is None:
            problem = _swapped_by_sound(entry, source, target, number) \
                or _other_gender(entry, source[number - 1], quotation, number) \
                or _from_nowhere(entry, source[number - 1], quotation, number) \
                or _given_to_another(entry, source, quotation, number)
            problems += [problem] if problem else []
            continue
        if found is wanted:
            continue
        if id(found) not in quoted:  # a person from nowhere: “…,” Karimov added → — добавила Гусейнова
            problems.append(f"quotation {number} (“{shorten(quotation.text.strip(), 40)}”) is "
                            f"attributed to {found.form(entry.tgt_lang)!r} in the translation, whom "
                            f"the source does not name; the source gives it to "
                            f"{wanted.form(entry.src_lang)!r}")
            continue
        problems.append(f"quotation {number} (“{shorten(quotation.text.strip(), 40)}”) is "
                        f"attributed to {found.form(entry.tgt_lang)!r} in the translation, but "
                        f"the source's quotation {number} to {wanted.form(entry.src_lang)!r}: "
                        "the quotations were swapped between speakers or reordered; give each "
                        "its source's speaker and place")
    return problems


def _said_names(quotations: list[Quotation], lang: str) -> list[str]:
    """The names (not pronouns) ``quotations`` are attributed to, as written, each once."""
    pronouns = lexicon(lang).pronouns
    names = [q.attribution.text for q in quotations if q.attribution is not None]
    return [name for i, name in enumerate(names)
            if name.lower() not in pronouns and name not in names[:i]]


def _swapped_by_sound(entry: Entry, source: list[Quotation], target: list[Quotation],
                      number: int) -> str | None:
    """The swap of :func:`_swapped_speakers` for speakers without a glossary row, told by
    sound: the translation gives quotation ``number`` to the speaker of another source
    quotation, and that quotation to this one's speaker (“A,” said X. “B,” said Y. →
    «A», — сказал Y. «B», — сказал X.). A name is matched only when it sounds like one
    source speaker (Mirzayev and Mirzayeva tell nothing), and only a swap both ways is
    reported: one attribution misread in the translation (a quotation given the previous
    one's speaker, its own not recognised) is no swap."""
    wanted = source[number - 1].attribution
    given = _sounds_like_one(entry, source, target[number - 1])
    if wanted is None or given is None or given == wanted.text:
        return None
    back = [index for index, (mine, theirs) in enumerate(zip(source, target))
            if mine.attribution is not None and mine.attribution.text == given
            and _sounds_like_one(entry, source, theirs) == wanted.text]
    if not back:
        return None
    quotation = target[number - 1]
    assert quotation.attribution is not None
    return (f"quotation {number} (“{shorten(quotation.text.strip(), 40)}”) is attributed to "
            f"{quotation.attribution.text!r} in the translation, but the source's quotation "
            f"{number} to {wanted.text!r} and its quotation {back[0] + 1} to {given!r}: the "
            "quotations were swapped between speakers or reordered; give each its source's "
            "speaker and place")


def _other_people(entry: Entry, speakers: list[str]) -> list[str]:
    """The people the source segment names in full (marked as persons) or the article
    resolved a surname to, who sound like none of its quotations' ``speakers``: whom a
    translation may wrongly hand a quotation to (“…,” said Solberg. Novak cautioned … →
    «…», — сказал Новак)."""
    if not _TWO_CAPITALISED.search(entry.source) and not entry.resolved:
        return []
    names = [name.text for name in full_names_in(entry.source, entry.src_lang) if _a_person(name)]
    names += [full for _, full in entry.resolved]
    return [name for name in dict.fromkeys(names)
            if not any(_names_sound_alike(name, speaker) for speaker in speakers)]


def _given_to_another(entry: Entry, source: list[Quotation], quotation: Quotation, number: int) -> str | None:
    """A quotation the translation gives to another person the segment names, who says
    nothing there (“…,” said Ingrid Solberg. Her co-author, Pavel Novak, cautioned … →
    «…», — сказал Павел Новак), for people without a glossary row: told by sound, only when
    the translation's speaker sounds like exactly one such person and not like the source's
    speaker, who is named (not a pronoun)."""
    said, found = source[number - 1].attribution, quotation.attribution
    if said is None or found is None or said.text.lower() in lexicon(entry.src_lang).pronouns \
            or found.text.lower() in lexicon(entry.tgt_lang).pronouns \
            or _names_sound_alike(said.text, found.text):
        return None
    speakers = _said_names(source, entry.src_lang)
    resolved = dict(entry.resolved).get(said.text)
    if resolved is not None and _names_sound_alike(resolved, found.text):
        return None
    alike = [name for name in _other_people(entry, speakers) if _names_sound_alike(name, found.text)]
    if len(alike) != 1:
        return None
    return (f"quotation {number} (“{shorten(quotation.text.strip(), 40)}”) is attributed to "
            f"{found.text!r} in the translation, but the source gives it to {said.text!r}, not to "
            f"{alike[0]!r}, whom it names otherwise: give the quotation its source's speaker")


def _surnames_all_heard(entry: Entry) -> bool:
    """Whether every word of the translation with a surname's ending sounds like a
    capitalised word of the source: then no quotation is given to a person the segment
    never names (:func:`_from_nowhere`), and a paragraph with one speaker needs its
    translation's quotations no further (reading them costs more than the other checks
    of the entry together)."""
    names = [word for word in _WORDS.findall(entry.source) if word[0].isupper()]
    return all(any(resemblance(word, name) >= 0.8 for name in names)
               for word in _WORDS.findall(entry.translation)
               if word[0].isupper() and surname_gender(word) is not None)


def _from_nowhere(entry: Entry, mine: Quotation, theirs: Quotation, number: int) -> str | None:
    """A quotation the source gives to a named person that the translation gives to a person
    the segment never names (“…,” Javadov told reporters → «…», — сказал Бирюков), for
    people without a glossary row: told by sound, and only where the translation's speaker
    has a surname's ending (a person, not an outlet or a body, whose names are translated),
    no word of it sounds like a word of the source, and the source's speaker is named too,
    or is a pronoun the article resolved to one person (“…,” she said → “…,” – Əliyev
    deyib, after Aysel Mammadova), whose name it does not sound like either."""
    said, found = mine.attribution, theirs.attribution
    if said is None or found is None or found.text.lower() in lexicon(entry.tgt_lang).pronouns \
            or surname_gender(found.text) is None:
        return None
    if said.text.lower() in lexicon(entry.src_lang).pronouns:
        person = _person_of(entry, mine)
        if person is None:
            return None
        source_words = set(_WORDS.findall(entry.source)) | set(_WORDS.findall(person))
        gives = f"{said.text!r} ({person})"
    elif not _sounds_present(said.text, entry.translation):
        return None  # (a speaker left out altogether is reported as missing already)
    else:
        source_words, gives = set(_WORDS.findall(entry.source)), repr(said.text)
    if any(resemblance(word, other) >= 0.8 for word in _WORDS.findall(found.text)
           for other in source_words):
        return None
    return (f"quotation {number} (“{shorten(theirs.text.strip(), 40)}”) is attributed to "
            f"{found.text!r} in the translation, whom the source does not name; the source "
            f"gives it to {gives}")


def _other_gender(entry: Entry, mine: Quotation, theirs: Quotation, number: int) -> str | None:
    """A quotation the source gives to "he" that the translation gives to "она" (or the
    other way round): swapped between the two people of a paragraph, or given to the wrong
    one. The source's speaker tells the gender by its pronoun or, for a name or a pronoun
    that does not (Azerbaijani o, they), by the surname of the person it stands for (o →
    Cavad Cavadov: a man); the translation's by its pronoun."""
    said, found = mine.attribution, theirs.attribution
    if said is None or found is None:
        return None
    given = lexicon(entry.tgt_lang).pronouns.get(found.text.lower())
    if given is None:
        return None  # (the translation names the speaker, or its pronoun tells no gender)
    wanted, person = _speaker_gender(entry, mine)
    if wanted is None or wanted == given:
        return None
    who = f"{said.text!r}" if person in (None, said.text) else f"{said.text!r} ({person})"
    return (f"quotation {number} (“{shorten(theirs.text.strip(), 40)}”) is attributed to "
            f"{found.text!r} in the translation, but to {who} in the source: another "
            "person's pronoun; give it its source's speaker")


#: A Russian verb in the past tense singular, by gender (сказала, поделилась / сказал,
#: поделился): what gives a speaker's gender away where the translation names them.
_RU_PAST_GENDER = (("ла", "f"), ("лась", "f"), ("л", "m"), ("лся", "m"))
#: A word ending like :data:`_RU_PAST_GENDER`: the cheap test before looking up verbs.
_RU_PAST = re.compile(r"[а-яё]+(?:лась|лся|ла|л)(?![а-яё])")


def _verb_of_other_gender(entry: Entry) -> list[str]:
    """A Russian translation whose speech verbs are all of the other gender than the one
    speaker of the source's quotations (Aysel Mammadova said → — сказал Айсель Мамедова):
    machine translation genders a verb by habit, not by the person, when the name does not
    tell it the gender. Only a source whose every attributed quotation is by people of one
    known gender is read."""
    if entry.tgt_lang != "ru":
        return []
    source = [q for q in entry.source_quotations() if q.depth == 0 and q.attribution is not None]
    if source:
        known = [_speaker_gender(entry, q) for q in source]
    else:  # a lead-in whose quotation is the next paragraph (Her lawyer Fuad Aghayev said:)
        known = [_written_gender(entry, name) for name in entry.speakers]
    genders = {gender for gender, _ in known}
    if len(genders) != 1 or None in genders:
        return []
    (wanted,) = genders
    verbs = lexicon("ru").verbs
    given = {gender for word in _RU_PAST.findall(entry.translation.lower())
             if (word,) in verbs
             for ending, gender in _RU_PAST_GENDER if word.endswith(ending)}
    if not given or wanted in given:
        return []
    person = known[0][1]
    return [f"the speech verbs of the translation are of the other gender than the source's "
            f"speaker ({person}); give them the speaker's gender"]


def _written_gender(entry: Entry, written: str) -> tuple[str | None, str]:
    """The gender of a speaker as the source segment writes them (a name or a pronoun,
    with the person the article resolved it to), and that person."""
    pronouns = lexicon(entry.src_lang).pronouns
    if pronouns.get(written.lower()) is not None:
        return pronouns[written.lower()], written
    people = {full for said, full in entry.resolved if said == written}
    person = people.pop() if len(people) == 1 else written
    return (None, person) if person.lower() in pronouns else (surname_gender(person), person)


def _genders_to_compare(entry: Entry, source: list[Quotation]) -> bool:
    """Whether :func:`_other_gender` may find something: the translation has a pronoun
    that tells a gender (a regex, first) and a source speaker's gender is known."""
    return _GENDERED_PRONOUN[entry.tgt_lang].search(entry.translation) is not None \
        and any(q.attribution is not None and _speaker_gender(entry, q)[0] for q in source)


def _lead_in_gender(entry: Entry) -> list[str]:
    """A lead-in whose quotation stands in the next paragraph (He said: / O bildirib: /
    Her answer, in full:) translated with the other gender's pronoun (She said: / Она
    заявила:): the segment quotes nothing, so only the article's resolution of its
    pronoun (:attr:`Entry.resolved`) tells whose words follow. Reported when every
    gendered pronoun of the translation is of the other gender (He told her: is not)."""
    pronouns = lexicon(entry.src_lang).pronouns
    wanted = {pronouns[said.lower()] or surname_gender(full)
              for said, full in entry.resolved if said.lower() in pronouns}
    if len(wanted) != 1 or None in wanted:
        return []  # (no pronoun, one that tells no gender, or people of both)
    target = lexicon(entry.tgt_lang).pronouns
    given = {target[word.lower()]
             for word in _GENDERED_PRONOUN[entry.tgt_lang].findall(entry.translation)}
    if not given or given & wanted:
        return []
    said = next(said for said, _ in entry.resolved if said.lower() in pronouns)
    person = next(full for written, full in entry.resolved if written == said)
    return [f"the lead-in {shorten(entry.translation.strip(), 40)!r} gives the quotation "
            f"after it to the other gender's pronoun; the source's {said!r} is {person}: "
            "give it its source's speaker"]


def _speaker_gender(entry: Entry, quotation: Quotation) -> tuple[str | None, str | None]:
    """The gender ("m", "f") of a source quotation's speaker, when its pronoun or the
    surname of the one person it stands for tells it (None otherwise), and that person."""
    assert quotation.attribution is not None
    written = quotation.attribution.text
    pronouns = lexicon(entry.src_lang).pronouns
    if pronouns.get(written.lower()) is not None:
        return pronouns[written.lower()], None
    person = _person_of(entry, quotation)
    if person is None and written.lower() not in pronouns:
        person = written
    return (None, None) if person is None else (surname_gender(person), person)


def _person_of(entry: Entry, quotation: Quotation) -> str | None:
    """The one full name a source quotation's speaker, written as a pronoun or part of a
    name, stands for: resolved in the segment or by the article (:attr:`Entry.resolved`);
    None when nobody or several people are written alike."""
    assert quotation.attribution is not None
    written = quotation.attribution.text
    people = {full for said, full in entry.resolved if said == written}
    if quotation.speaker and quotation.speaker != written:
        people.add(quotation.speaker)
    return people.pop() if len(people) == 1 else None


def _gendered_pronoun(lang: str) -> re.Pattern[str]:
    """A pronoun of ``lang`` that tells its person's gender (he, она), as a whole word."""
    words = sorted((w for w, gender in lexicon(lang).pronouns.items() if gender), key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![^\W_])(?i:" + "|".join(map(re.escape, words)) + r")(?![^\W_])")


class _PatternsByLanguage(dict[str, re.Pattern[str]]):
    """:func:`_gendered_pronoun` per language, compiled when first asked for."""

    def __missing__(self, lang: str) -> re.Pattern[str]:
        self[lang] = _gendered_pronoun(lang)
        return self[lang]


_GENDERED_PRONOUN = _PatternsByLanguage()


def _sounds_like_one(entry: Entry, source: list[Quotation], quotation: Quotation) -> str | None:
    """The one source speaker (as written) whose name sounds like the speaker of
    ``quotation``, a translation's; None when there is none, or several by that sound."""
    found = quotation.attribution
    if found is None or found.text.lower() in lexicon(entry.tgt_lang).pronouns:
        return None
    alike = [name for name in _said_names(source, entry.src_lang)
             if _names_sound_alike(name, found.text)]
    return alike[0] if len(alike) == 1 else None


def _names_sound_alike(left: str, right: str) -> bool:
    """Whether every word of the shorter name sounds like a word of the other (Mirzayev ~
    Рауф Мирзаев; case endings pass: Сафаровой ~ Safarova)."""
    shorter, longer = sorted((_WORDS.findall(left), _WORDS.findall(right)), key=len)
    return bool(shorter) and all(any(similarity(word, other) >= 0.8 for other in longer)
                                 for word in shorter)


def _attributed_term(entry: Entry, quotation: Quotation, lang: str) -> Term | None:
    """The glossary row of the name attributing ``quotation`` (as written, in ``lang``)."""
    if quotation.attribution is None or entry.glossary is None:
        return None
    name = quotation.attribution.text
    term = entry.glossary.find(name, lang)
    if term is None:
        matches = entry.glossary.terms_in(name, lang)
        if matches and matches[-1].end == len(name.rstrip()) and matches[-1].term.is_name:
            term = matches[-1].term
    return term or _surname_term(entry.glossary, name, lang)


def _surname_term(glossary: Glossary, name: str, lang: str) -> Term | None:
    """The one glossary name whose ``lang`` form ends with ``name``, a surname alone
    (“…,” Huseynova said), so swapped attributions by surname are compared too."""
    surname = _INITIALS.sub("", name).strip()
    if " " in surname:
        return None
    found = [term for term, last in glossary.names_ending_in(surname, lang, 1)
             if term_pattern(last, lang, True).fullmatch(surname)]
    return found[0] if len(found) == 1 else None


def check_glossary(entry: Entry) -> list[Finding]:
    """A glossary term's target form missing from the translation."""
    glossary = entry.glossary
    if glossary is None:
        return []
    speakers = set(_speaker_names(entry))
    findings = []
    seen: set[int] = set()
    for match in glossary.terms_in(entry.source, entry.src_lang):
        term, target = match.term, match.term.form(entry.tgt_lang)
        if not target or id(term) in seen or match.text in speakers:
            continue
        seen.add(id(term))
        if glossary.occurs(term, entry.translation, entry.tgt_lang):
            misspelt = _misspelt(entry, target) if term.is_name else None
            if misspelt:
                findings.append(_finding("glossary", Severity.ERROR,
                                         f"{match.text!r} is spelled {misspelt!r} in one place; the "
                                         f"glossary says {target!r} (glossary line {term.line})"))
            continue
        severity = Severity.ERROR if term.is_name else Severity.WARNING
        findings.append(_finding("glossary", severity, _missing_term_message(entry, match.text, term, target)))
    return findings + _surname_findings(entry, speakers)


def _missing_term_message(entry: Entry, written: str, term: Term, target: str) -> str:
    """What an editor reads for a term the translation lacks. A term every language writes
    alike (Meydan TV) is said to be missing: "'Meydan TV' must be 'Meydan TV'" asks for
    what the reader believes is there."""
    variant = _variant(entry, target)
    if term.keep_as_is:
        detail = f", which has {variant!r}" if variant else ""
        return (f"{written!r} is missing from the translation{detail}: the glossary keeps it as "
                f"is in every language (glossary line {term.line})")
    detail = f", not {variant!r}" if variant else ""
    return f"{written!r} must be {target!r} in {entry.tgt_lang}{detail} (glossary line {term.line})"


def _surname_findings(entry: Entry, speakers: set[str]) -> list[Finding]:
    """A person's surname alone spelt against the glossary where no quotation makes it a
    speaker (the speaker check has those): Later Karimov said … → Позже Каримов сказал."""
    assert entry.glossary is not None
    findings = []
    for term, written, surname in surname_variants(entry.source, entry.translation,
                                                    entry.src_lang, entry.tgt_lang,
                                                    entry.glossary):
        source_surname = (term.form(entry.src_lang) or "").split()[-1]
        if source_surname in speakers:
            continue
        findings.append(_finding("glossary", Severity.ERROR,
                                 f"{source_surname!r} (as in {term.form(entry.src_lang)!r}) is "
                                 f"spelled {written!r}; the glossary says {surname!r} "
                                 f"(glossary line {term.line})"))
    return findings


_FIGURE = re.compile(r"\d")


def check_numbers(entry: Entry) -> list[Finding]:
    """Numbers lost, changed or added (compared by value: 360,000 = 360 000 = 360.000).
    A figure kept with its scale word lost or changed (2.5 million → 2,5) is said as such:
    as two unrelated numbers it would read like the same number reported twice."""
    missing, extra = unmatched_numbers(entry.source, entry.translation, entry.src_lang,
                                       entry.tgt_lang)
    findings = []
    for number in list(missing):
        twin = next((other for other in extra if number.unscaled & other.unscaled), None)
        if twin is None or not (number.scale_word or twin.scale_word):
            continue
        missing.remove(number)
        extra.remove(twin)
        findings.append(_finding("numbers", Severity.ERROR, _scale_message(number, twin)))
    if missing:
        findings.append(_finding("numbers", Severity.ERROR,
                                 f"number(s) missing from the translation: {', '.join(n.written for n in missing)}"))
    if extra:
        findings.append(_finding("numbers", Severity.ERROR,
                                 f"number(s) not in the source: {', '.join(n.written for n in extra)}"))
    if not entry.words_known:  # (units, months, signs and numbers in words are words)
        return findings + _currency_findings(entry) + _order_findings(entry)
    if not _FIGURE.search(entry.source) and not _FIGURE.search(entry.translation):
        # Most entries: the others are about a figure; numbers in words have a value and a unit.
        return findings + _unit_findings(entry) + _word_findings(entry)
    return findings + _month_findings(entry) + _currency_findings(entry) + _unit_findings(entry) \
        + _sign_findings(entry) + _order_findings(entry) + _clock_findings(entry) + _lost_minus_findings(entry) \
        + _word_findings(entry)


def _lost_minus_findings(entry: Entry) -> list[Finding]:
    """A minus lost or added on a percentage with no word for a fall on the other side
    (Inflation was -5% → Инфляция составила 5%): its figure is there."""
    return _replaced_findings(lost_minus_signs(entry.source, entry.translation, entry.src_lang, entry.tgt_lang),
                              ("sign", "signs"), "a minus was lost or added")


def _clock_findings(entry: Entry) -> list[Finding]:
    """An evening time given the morning's hour (8pm → 8:00): its figure is there."""
    return _replaced_findings(evening_times_told_as_morning(entry.source, entry.translation, entry.src_lang,
                                                            entry.tgt_lang),
                              ("time", "times"), "an afternoon or evening time reads as the morning's")


def _word_findings(entry: Entry) -> list[Finding]:
    """A number the source writes in words written as another number in words (nine →
    on, doubled → втрое): no figure on either side shows it."""
    missing, extra = changed_number_words(entry.source, entry.translation, entry.src_lang, entry.tgt_lang)
    if not missing:
        return []
    return [_finding("numbers", Severity.ERROR,
                     f"the source says {', '.join(f'{value:f}' for value in missing)} in words, the "
                     f"translation {', '.join(f'{value:f}' for value in extra)}: a number changed; give it "
                     "the source's number")]


def _order_findings(entry: Entry) -> list[Finding]:
    """A score or range written the other way round (3:1 → 1:3): a warning, not an error,
    as a translator may also name the teams in the other order."""
    missing, extra = reversed_pairs(entry.source, entry.translation)
    if not missing:
        return []
    return [_finding("numbers", Severity.WARNING,
                     f"{', '.join(map(repr, missing))} of the source is {', '.join(map(repr, extra))} in the translation: "
                     f"its figures swapped places; keep the source's order unless the sentence's was changed too")]


def _currency_findings(entry: Entry) -> list[Finding]:
    """An amount given another currency (USD 360,000 → 360 000 евро): its figure is there."""
    return _replaced_findings(changed_currencies(entry.source, entry.translation),
                              ("currency", "currencies"), "an amount changed currency")


def _unit_findings(entry: Entry) -> list[Finding]:
    """A figure that counts something else (5 percent → в 5 раз, 2 percentage points → 2%):
    the figure is there, its meaning is not."""
    return _replaced_findings(changed_units(entry.source, entry.translation, entry.src_lang, entry.tgt_lang),
                              ("unit", "units"), "a figure changed its meaning")


def _sign_findings(entry: Entry) -> list[Finding]:
    """A fall given as a rise (-5% → вырос на 5%): the figure is there, its direction is not.
    Where only words tell the direction on both sides (rose → снизился) it is a warning: a
    translation may turn the sentence round (the rouble lost 2% → доллар подорожал на 2%)."""
    changed = changed_signs(entry.source, entry.translation, entry.src_lang, entry.tgt_lang)
    if not changed[0]:
        return []
    words_only = not any(char.isdigit() for word in (*changed[0], *changed[1]) for char in word)
    if words_only:
        return _replaced_findings(changed, ("sign", "signs"),
                                  "a fall and a rise were swapped, unless the sentence now says what "
                                  "rose instead of what fell", severity=Severity.WARNING)
    return _replaced_findings(changed, ("sign", "signs"), "a fall and a rise were swapped")


def _month_findings(entry: Entry) -> list[Finding]:
    """A date's month replaced by another (May 27 → 27 марта): its figures are all there."""
    return _replaced_findings(changed_months(entry.source, entry.translation, entry.src_lang, entry.tgt_lang),
                              ("month", "months"), "a date changed")


def _replaced_findings(changed: tuple[list[str], list[str]], names: tuple[str, str],
                       meaning: str, severity: Severity = Severity.ERROR) -> list[Finding]:
    """One numbers finding (an error unless said otherwise) naming what the source has
    (``changed[0]``) and what the translation has instead (``changed[1]``); none when
    nothing was replaced."""
    missing, extra = changed
    if not missing:
        return []
    source = ", ".join(repr(word) for word in missing)
    target = ", ".join(repr(word) for word in extra)
    what, verb = (names[0], "is") if len(missing) == 1 else (names[1], "are")
    return [_finding("numbers", severity,
                     f"the {what} {source} of the source {verb} {target} in the translation: "
                     f"{meaning}; give it the source's {what}")]


def _scale_message(source: Number, translated: Number) -> str:
    what = ("was lost" if not translated.scale_word else "was added" if not source.scale_word
            else "changes the figure")
    return f"{source.written!r} is {translated.written!r} in the translation: the scale word {what}"


def check_negation(entry: Entry) -> list[Finding]:
    """A negation dropped or added: the source says not and the translation does not, or the
    reverse (English, Russian and Azerbaijani; a negation rendered in another form, failed to
    = не удалось, cannot = невозможно, is none)."""
    if "［" in entry.translation or not entry.words_known:  # pseudo-localised, or words not known here
        return []
    slip = negation_slip(blank_out(entry.source), blank_out(entry.translation), entry.src_lang, entry.tgt_lang)
    if slip is None:
        return []
    message = ("the source negates and the translation does not: the meaning may be inverted" if slip == "dropped"
               else "the translation negates and the source does not: the meaning may be inverted")
    return [_finding("negation", Severity.WARNING, message)]


def check_omission(entry: Entry) -> list[Finding]:
    """A sentence left out: the translation is far shorter than its source and has fewer
    sentences, one of which has no counterpart of its length (English, Russian, Azerbaijani)."""
    if not entry.words_known:
        return []  # (the pairs' length ratios are measured between az, ru and en only)
    message = omission_message(entry.source, entry.translation, entry.src_lang, entry.tgt_lang)
    return [] if message is None else [_finding("omission", Severity.WARNING, message)]


def check_urls(entry: Entry) -> list[Finding]:
    """URLs and link targets changed or lost."""
    return _multiset_finding("urls", "URL", urls(entry.source), urls(entry.translation))


def check_code(entry: Entry) -> list[Finding]:
    """Inline code, TeX math or text kept as written (``<code>``, ``translate="no"``) changed or lost."""
    findings = _kept_text_findings(entry) if "<" in entry.source else []
    if "`" not in entry.source and "`" not in entry.translation \
            and "$" not in entry.source and "$" not in entry.translation:
        return findings  # most entries: no code span or math on either side to compare
    source = [_code_text(entry.source, r) for r in code_spans(entry.source)]
    target = [_code_text(entry.translation, r) for r in code_spans(entry.translation)]
    findings += _multiset_finding("code", "code span", source, target)
    source = [r.text(entry.source) for r in math_spans(entry.source)]
    target = [r.text(entry.translation) for r in math_spans(entry.translation)]
    return findings + _multiset_finding("code", "math", source, target)


#: A MyST role's name right before its code span (``{ref}`…```), and a span holding a displayed
#: text before its target (``the map <port-map>``): the text is the reader's, translated.
_ROLE_NAME_BEFORE = re.compile(r"\{[A-Za-z][\w:.+-]*\}$")
_TITLED_ROLE_SPAN = re.compile(r"(?P<ticks>`+)[^`<>]*?[^\W\d_][^`<>]*?(?P<target>[ \t]+<[^<>`]+>)(?P=ticks)")


def _code_text(text: str, span: Region) -> str:
    """A code span of ``text`` as it must stay: whole, or, for a MyST role's span with a
    displayed text (``{ref}`the map <port-map>```), its target only."""
    code = span.text(text)
    if span.start and text[span.start - 1] == "}" \
            and _ROLE_NAME_BEFORE.search(text, max(0, span.start - 64), span.start) is not None:
        titled = _TITLED_ROLE_SPAN.fullmatch(code)
        if titled is not None:
            return titled.group("ticks") + "…" + titled.group("target") + titled.group("ticks")
    return code


_HTML_CODE = re.compile(r"<(code|kbd|samp|var)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _kept_text_findings(entry: Entry) -> list[Finding]:
    """The source's HTML code elements and elements kept as written that the translation
    does not hold as written: machine translation never touches them, so only a person
    can have changed their words. An element whose ``lang`` is the target's is not kept in
    a version in that language, and may be rewritten there."""
    code = code_spans(entry.source)

    def outside_code(start: int) -> bool:
        return not any(span.start <= start < span.end for span in code)

    in_target = {(r.start, r.end) for r in kept_elements(entry.source, entry.tgt_lang)}
    wanted = Counter([m.group() for m in _HTML_CODE.finditer(entry.source) if outside_code(m.start())]
                     + [r.text(entry.source) for r in kept_elements(entry.source, entry.src_lang)
                        if (r.start, r.end) in in_target and outside_code(r.start)])
    lost = sorted(text for text, count in wanted.items() if entry.translation.count(text) < count)
    if not lost:
        return []
    return [_finding("code", Severity.ERROR, f"text kept as written changed or lost: {', '.join(lost)}")]


def check_template(entry: Entry) -> list[Finding]:
    """Template tags (Hugo shortcodes, Liquid, Nunjucks) changed or lost: the site generator
    runs them before Markdown, so a translated tag name or argument breaks the build."""
    if "{" not in entry.source and "{" not in entry.translation and "}" not in entry.translation:
        return []  # no tag on either side, and no stray delimiter in the translation
    source = [r.text(entry.source) for r in template_tags(entry.source, code_spans(entry.source))]
    target = [r.text(entry.translation) for r in template_tags(entry.translation, code_spans(entry.translation))]
    findings = _multiset_finding("template", "template tag", source, target)
    if not findings and template_structure_changed(entry.source, entry.translation):
        # Every tag kept, but a stray {{< or >}} added or a closing tag moved before its
        # opening one: publishing holds the version back over it, so the check must name it.
        findings.append(_finding("template", Severity.ERROR,
                                 "a stray template delimiter ({{<, >}}, {%) or a closing tag before its "
                                 "opening one: the site's build would stop"))
    return findings


def check_markup(entry: Entry) -> list[Finding]:
    """Markdown markup changed: emphasis, highlight and script markers, link structure, inline
    HTML tags, emoji shortcodes and citation keys."""
    source, target = _markup(entry.source), _markup(entry.translation)
    if source == target or _titles_marked_otherwise(entry, source, target):
        return []
    differences = sorted(f"{key} {source.get(key, 0)}→{target.get(key, 0)}"
                         for key in set(source) | set(target)
                         if source.get(key, 0) != target.get(key, 0))
    return [_finding("markup", Severity.ERROR, "markup differs: " + ", ".join(differences))]


#: The emphasis markers a title may be set in instead of quotation marks (*Ali and Nino*).
_TITLE_EMPHASIS = ("*", "_")


def _titles_marked_otherwise(entry: Entry, source: Counter[str], target: Counter[str]) -> bool:
    """Whether the markup differs only by emphasis pairs standing for titles the other side
    writes in marks: «Əli və Nino» → *Ali and Nino*, *Zerkalo* → «Зеркало» (house styles
    differ on marking a work's name; quote-count allows a title marked on one side only)."""
    keys = set(source) | set(target)
    if not keys <= set(_TITLE_EMPHASIS):
        return False
    added = sum(target.get(key, 0) - source.get(key, 0) for key in keys)
    if added % 2 or any((target.get(key, 0) - source.get(key, 0)) * added < 0 for key in keys):
        return False  # an odd marker, or one kind added while another is lost
    titles = _titles(entry.source, entry.src_lang) - _titles(entry.translation, entry.tgt_lang)
    return 0 < abs(added) // 2 <= abs(titles) and added * titles > 0


def check_untranslated(entry: Entry) -> list[Finding]:
    """The translation is the source text unchanged (a long segment left untranslated)."""
    if entry.src_lang == entry.tgt_lang or entry.source.strip() != entry.translation.strip():
        return []
    prose = blank_out(entry.source)
    if entry.glossary is not None:
        for match in entry.glossary.terms_in(entry.source, entry.src_lang):
            if match.term.keep_as_is:
                prose = prose[:match.start] + " " * (match.end - match.start) + prose[match.end:]
    words = _WORDS.findall(prose)
    if len(words) < _MIN_UNTRANSLATED_WORDS and not _unwritten_in_target_script(words, entry.src_lang, entry.tgt_lang):
        return []
    return [_finding("untranslated", Severity.WARNING, "the translation is the source text")]


def _unwritten_in_target_script(words: list[str], src_lang: str, tgt_lang: str) -> bool:
    """Whether a short segment kept as written cannot be its translation, as the target
    writes another script: a word in Cyrillic (a name is transliterated into Latin letters
    too, while a Latin one, Reuters, is kept), or, into Cyrillic, a common word in lower case
    (a Latin name, code or outlet, Meydan TV, Reuters, may be kept as written). A heading or caption exported as its
    source text (Crowdin's, Transifex's 'untranslated as source') is so told from a
    translation."""
    cyrillic_source = _base_language(src_lang) in _CYRILLIC_LANGUAGES
    if cyrillic_source == (_base_language(tgt_lang) in _CYRILLIC_LANGUAGES):
        return False
    if cyrillic_source:
        return any(not word.isascii() for word in words)
    return any(word.islower() and word.isascii() for word in words)


def _base_language(lang: str) -> str:
    return lang.replace("-", "_").split("_")[0].lower()


#: Languages written in Cyrillic: in their prose a word in Latin letters is a name, code
#: or ticker kept as written (SBER, Meydan TV, Brent, VAR), and a translation into a
#: language written in Latin letters keeps it too.
_CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})
_LATIN_LETTER = re.compile(r"[A-Za-z]")
#: A capitalised or upper-case word of Latin letters (digits and inner hyphens or dots
#: allowed: COVID-19, Node.js), not glued to other letters of any script.
_LATIN_NAME_WORD = re.compile(r"(?<![^\W_])[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?![^\W_])")
#: A run of Latin words and the spaces or punctuation between them: a phrase.
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*(?:[ ,]+[A-Za-z][A-Za-z0-9'’-]*)*")
#: How many Latin words make a phrase in a foreign language, translated with the rest.
_LATIN_PHRASE_WORDS = 4
_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")


def check_names(entry: Entry) -> list[Finding]:
    """A person the source names in full, not as a quotation's speaker (the speaker check
    holds those), whose family name the translation spells with another vowel or consonant
    (Professor Rauf Mirzəyev → Mirzoyev, coach Gurban Gurbanov → Курбатов): another family's
    name. Only a name the segment marks as a person's (a role or
    title before it, an appositive after it, a family name's ending) and without a glossary
    row (the glossary check holds those) is compared, and only where the translation has it
    at all: a translation may say "the minister" instead."""
    if entry.src_lang == entry.tgt_lang or not _TWO_CAPITALISED.search(entry.source) or not entry.words_known:
        return []  # most segments name nobody in full (and names by sound are known in az, ru, en only)
    findings: list[Finding] = []
    respelt: set[tuple[str, str]] = set()
    speaking: set[str] | None = None  # the words of the speakers' names, read when needed
    compared: set[str] = set()  # a name named again is compared once (a paragraph may name it hundreds of times)
    for name in full_names_in(entry.source, entry.src_lang):
        text = name.base or name.text
        if text in compared or not _a_person(name) \
                or entry.glossary is not None and entry.glossary.terms_in(name.text, entry.src_lang):
            continue
        compared.add(text)
        if speaking is None:
            speaking = {word for speaker in _speaker_names(entry) for word in speaker.split()}
        if speaking.intersection(text.split()) or speaking.intersection(name.text.split()):
            continue  # (a speaker, by full name or surname: the speaker check holds them)
        if all(part in entry.translation for part in _family_words(text)) \
                or not _sounds_present(text, entry.translation, entry.tgt_lang):
            continue  # (spelt as the source spells it: most names kept in the same script)
        changed = _sound_changed(entry, text)
        if changed is None or changed[:2] in respelt or _organisation_speaker(entry.source, text, entry.src_lang):
            continue
        part, written, what = changed
        respelt.add((part, written))
        findings.append(_finding("names", Severity.WARNING,
                                 f"{text!r} is spelled {written!r} in the translation: a {what} of {part!r} "
                                 "differs, which makes another family's name; spell it as the source does "
                                 "(a glossary row would fix its spelling)"))
    return findings


#: Two capitalised words, up to two other words apart (Əli Həsən oğlu Rzayev): where a segment
#: may name someone in full.
_TWO_CAPITALISED = re.compile(rf"{MAYBE_UPPER}[^\W\d_]+[\s\u00a0]+(?:[^\W\d_]+[\s\u00a0]+){{0,2}}{MAYBE_UPPER}[^\W\d_]")


def _a_person(name: Name) -> bool:
    """Whether the segment marks ``name`` as a person's: a role, title or appositive
    around it, or a family name's ending (Rzayev, Мамедова, Cəfərli)."""
    return name.person or any(surname_gender(word) is not None for word in name.text.split())


def check_kept_names(entry: Entry) -> list[Finding]:
    """A name, code or ticker in Latin letters (SBER, Meydan TV) a Cyrillic source keeps as
    written, missing from a translation in Latin letters."""
    if entry.src_lang not in _CYRILLIC_LANGUAGES or entry.tgt_lang in _CYRILLIC_LANGUAGES \
            or not _LATIN_LETTER.search(entry.source):
        return []
    prose = blank_out(entry.source)
    if entry.glossary is not None:  # (the glossary check holds its own terms)
        for match in entry.glossary.terms_in(entry.source, entry.src_lang):
            prose = prose[:match.start] + " " * (match.end - match.start) + prose[match.end:]
    translation = blank_out(entry.translation).casefold()
    missing: list[str] = []
    for run in _LATIN_RUN.finditer(prose):
        if len(run.group().split()) >= _LATIN_PHRASE_WORDS:
            continue  # a sentence or title in English, which a translation may translate
        for word in _LATIN_NAME_WORD.findall(run.group()):
            if len(word) < 2 or _ROMAN_NUMERAL.fullmatch(word) or word in missing:
                continue  # (a single letter, or XXI век: the 21st century)
            if not _kept(word, translation, entry.tgt_lang):
                missing.append(word)
    if not missing:
        return []
    listed = ", ".join(repr(word) for word in missing)
    return [_finding("kept-names", Severity.WARNING,
                     f"{listed}, in Latin letters in the source, not in the translation: a "
                     "name, code or ticker the source keeps as written is kept as written")]


def _kept(word: str, translation: str, lang: str) -> bool:
    """Whether ``translation`` (case-folded) writes ``word``, alone or with a case ending
    (VAR-a, Meydan TV-yə, Bank of China-nın), not as the start of a longer word (SBER in
    Sberbank)."""
    for found in re.finditer(r"(?<![^\W_])" + re.escape(word.casefold()) + r"([^\W\d_'’-]*(?:['’-][^\W\d_]+)?)",
                             translation):
        rest = found.group(1)
        if not rest or is_case_ending(rest, lang):
            return True
    return False


def check_quote_order(entry: Entry) -> list[Finding]:
    """Quotations in a different order than in the source (told by their figures and names)."""
    if len(entry.scan("source").spans) < 2:
        return []  # most segments: fewer than two quotations, none to put out of order
    source = _top_quotes(entry.source, entry.scan("source"))
    target = _top_quotes(entry.translation, entry.scan("target"))
    if len(source) != len(target) or len(source) < 2:
        return []
    anchors = [_anchors(entry, text, entry.src_lang, source=True) for text in source]
    offered = [_anchors(entry, text, entry.tgt_lang, source=False) for text in target]
    positions = []
    for wanted in anchors:
        if not wanted:
            continue
        matches = [i for i, have in enumerate(offered) if wanted <= have]
        if len(matches) != 1:
            return []
        positions.append(matches[0])
    if positions == sorted(positions):
        return []
    return [_finding("quote-order", Severity.WARNING,
                     "the quotations appear in a different order than in the source")]


CHECKS: Mapping[str, Check] = {check.name: check for check in (
    Check("quote-count", Severity.ERROR, check_quote_count),
    Check("quote-nesting", Severity.WARNING, check_quote_nesting),
    Check("quote-marks", Severity.WARNING, check_quote_marks),
    Check("quote-order", Severity.WARNING, check_quote_order),
    Check("speaker", Severity.ERROR, check_speakers),
    Check("glossary", Severity.ERROR, check_glossary),
    Check("numbers", Severity.ERROR, check_numbers),
    Check("negation", Severity.WARNING, check_negation),
    Check("omission", Severity.WARNING, check_omission),
    Check("urls", Severity.ERROR, check_urls),
    Check("code", Severity.ERROR, check_code),
    Check("template", Severity.ERROR, check_template),
    Check("markup", Severity.ERROR, check_markup),
    Check("untranslated", Severity.WARNING, check_untranslated),
    Check("kept-names", Severity.WARNING, check_kept_names),
    Check("names", Severity.WARNING, check_names),
)}
#: The corpus-level checks run by :func:`check_catalogues` (not per entry).
CORPUS_CHECKS = ("quote-divergence", "name-drift")


def check_entry(source: str, translation: str, src_lang: str, tgt_lang: str, *,
                glossary: Glossary | None = None, speakers: Sequence[str] = (),
                only: Iterable[str] | None = None, marks: Delimiters | None = None,
                resolved: Sequence[tuple[str, str]] = ()) -> list[Finding]:
    """Run the entry checks (all, or those named in ``only``) on one translated segment.

    ``speakers`` are the speakers' names as written in the source segment; when empty
    they are found in the segment itself (the article-level analysis of
    :func:`check_catalogues` also sees quotations attributed in other paragraphs).
    ``marks``: the target language's house-style quotation marks, if the project sets them.
    ``resolved``: (speaker as written, the full name the article introduced them by).
    """
    if not translation:
        return []
    entry = Entry(source, translation, src_lang, tgt_lang, glossary, tuple(speakers), marks,
                  resolved=tuple(resolved))
    prose = entry
    if "&" in source or "&" in translation:
        prose = replace(entry, source=decode_references(source),
                        translation=decode_references(translation), _scans={}, _quotations=[])
    checks = CHECKS.values() if only is None else [CHECKS[name] for name in only]
    findings: list[Finding] = []
    for check in checks:
        findings += check.function(entry if check.name in _MARKUP_CHECKS else prose)
    return findings


#: The checks that compare markup as written; the others read prose, where a character
#: reference (``&ldquo;``, ``&#8220;``, ``&nbsp;``) is the character it stands for.
_MARKUP_CHECKS = frozenset({"urls", "code", "template", "markup"})


def entry_checker(glossary: Glossary | None = None,
                  speakers: Mapping[str, Sequence[str]] | None = None,
                  marks: Mapping[str, Delimiters] | None = None) -> Checker:
    """A ``(source, translation, src_lang, tgt_lang) -> findings`` checker with the
    glossary bound and, optionally, speakers by source text (see :func:`segment_speakers`)."""
    def check(source: str, translation: str, src_lang: str, tgt_lang: str) -> list[Finding]:
        return check_entry(source, translation, src_lang, tgt_lang, glossary=glossary,
                           speakers=(speakers or {}).get(source, ()), marks=(marks or {}).get(tgt_lang))
    return check


def segment_resolutions(segments: Sequence[str], lang: str) -> list[tuple[tuple[str, str], ...]]:
    """For each segment, its speakers written by a part of their name (a surname alone),
    with the full name the article analysis resolved each to."""
    found: list[list[tuple[str, str]]] = [[] for _ in segments]
    for quotation in analyse_article(segments, lang):
        said = quotation.attribution
        if said is not None and quotation.speaker and quotation.speaker != said.text \
                and (said.text, quotation.speaker) not in found[said.segment_index]:
            found[said.segment_index].append((said.text, quotation.speaker))
    return [tuple(pairs) for pairs in found]


def segment_speakers(segments: Sequence[str], lang: str) -> list[tuple[str, ...]]:
    """For each segment, the speakers named in it (as written) by the article analysis."""
    names: list[list[str]] = [[] for _ in segments]
    for quotation in analyse_article(segments, lang):
        said = quotation.attribution
        if said is not None and said.text not in names[said.segment_index]:
            names[said.segment_index].append(said.text)
        names[quotation.segment_index] += [name for name in quotation.joint
                                           if name not in names[quotation.segment_index]]
    return [tuple(n) for n in names]


#: What one source quotation is known by across the corpus: (normalised quotation text,
#: source language, target language).
QuoteKey = tuple[str, str, str]


@dataclass(frozen=True)
class QuotedTranslation:
    """One translation of a source quotation, and where it is: what divergence compares."""

    text: str
    path: str
    line: int
    msgid: str
    lang: str
    #: Not fuzzy: a human has reviewed this translation (machine output still waits).
    reviewed: bool = True


@dataclass(frozen=True)
class CatalogueCheck:
    """The per-catalogue part of :func:`check_catalogues`: the entry findings, the
    catalogue's translated quotations for the corpus-level divergence check, and how it
    spells the people the glossary does not know, for the name-drift check.

    It holds only strings and findings, so a worker process can check a catalogue and
    send this back instead of the catalogue; :func:`corpus_findings` joins the parts.
    """

    findings: tuple[Finding, ...] = ()
    quoted: tuple[tuple[QuoteKey, QuotedTranslation], ...] = ()
    names: tuple[tuple[NameKey, Rendering], ...] = ()
    #: Instead of ``names``, for an article ``sync`` skipped: what an earlier run recorded
    #: (:meth:`CatalogueChecker.remembered`), read only for the names this run reads too.
    recorded: tuple[str, ...] = ()
    #: (path, line, check) of the checks dismissed on its entries, for the corpus-level ones.
    dismissed: tuple[tuple[str, int, str], ...] = ()


#: What :func:`check_entry` found for one translated segment in its article's context:
#: (source, translation, languages, speakers, resolved speakers, house-style marks).
EntryKey = tuple[str, str, str, str, tuple[str, ...], tuple[tuple[str, str], ...], Delimiters | None]
#: Findings remembered per :data:`EntryKey`, across the catalogues one checker reads.
EntryMemo = dict[EntryKey, list[Finding]]
#: How many segments an :data:`EntryMemo` remembers before it starts again.
MEMO_SIZE = 20_000


def check_catalogue(path: str, src_lang: str, tgt_lang: str, catalogue: Catalogue,
                    glossary: Glossary | None = None,
                    marks: Mapping[str, Delimiters] | None = None,
                    memo: EntryMemo | None = None) -> CatalogueCheck:
    """Entry checks on every translated entry (fuzzy or not) of one catalogue, with path,
    line, language and msgid filled, its quotations for :func:`check_divergence` and its
    spellings of unglossaried names for :func:`pipeline.names.name_drift`.

    The catalogue's active entries are read in order as the article's segments. ``memo``
    (kept by the caller across catalogues checked with the same glossary) answers a
    segment already checked with the same translation in the same context: a newsroom's
    boilerplate (bylines, disclaimers, calls to subscribe) is in every article.
    """
    findings: list[Finding] = []
    messages = catalogue.active
    segments = [decode_references(m.msgid) for m in messages]
    speakers = segment_speakers(segments, src_lang)
    resolutions = segment_resolutions(segments, src_lang)
    target_marks = (marks or {}).get(tgt_lang)
    for index, message in enumerate(messages):
        ignored = message.dismissed_checks if message.flags or message.comments else frozenset()
        for translation in message.translations:
            key = (message.msgid, translation, src_lang, tgt_lang, speakers[index], resolutions[index],
                   target_marks)
            found = memo.get(key) if memo is not None else None
            if found is None:
                found = check_entry(message.msgid, translation, src_lang, tgt_lang, glossary=glossary,
                                    speakers=speakers[index], marks=target_marks,
                                    resolved=resolutions[index])
                if memo is not None:
                    if len(memo) >= MEMO_SIZE:
                        memo.clear()
                    memo[key] = found
            if not found:
                continue  # most entries: nothing to place
            where = dict(path=path, line=message.lineno, lang=tgt_lang, msgid=message.msgid,
                         msgctxt=message.msgctxt)
            findings += [replace(f, **where) for f in found if f.check not in ignored]
    return replace(quotations_and_names((path, src_lang, tgt_lang, catalogue), glossary), findings=tuple(findings))


def catalogue_quotations(path: str, src_lang: str, tgt_lang: str, catalogue: Catalogue
                         ) -> tuple[tuple[QuoteKey, QuotedTranslation], ...]:
    """The translated speech quotations of one catalogue, for :func:`check_divergence`."""
    quoted: list[tuple[QuoteKey, QuotedTranslation]] = []
    messages = catalogue.active
    segments = [decode_references(m.msgid) for m in messages]
    top_level = _top_level_by_segment(analyse_article(segments, src_lang), len(segments))
    for index, message in enumerate(messages):
        for translation in message.translations:
            for key, text in _quoted_pairs(top_level[index], decode_references(translation), src_lang, tgt_lang):
                quoted.append((key, QuotedTranslation(text, path, message.lineno, message.msgid,
                                                      tgt_lang, not message.fuzzy)))
    return tuple(quoted)


def corpus_findings(parts: Iterable[CatalogueCheck], glossary: Glossary | None = None) -> list[Finding]:
    """Every part's entry findings in the parts' order, then the divergence findings over
    all their quotations and the name-drift findings over all their names (the order
    :func:`check_catalogues` reports in). ``glossary`` only shapes the suggested rows."""
    findings: list[Finding] = []
    quoted: dict[QuoteKey, list[QuotedTranslation]] = defaultdict(list)
    parts = list(parts)
    for part in parts:
        findings += part.findings
        for key, occurrence in part.quoted:
            quoted[key].append(occurrence)
    read = {key[:2] for part in parts for key, _ in part.names}
    names = collect(part.names or recalled_names(part.recorded, read) for part in parts)
    dismissed = {where for part in parts for where in part.dismissed}
    return findings + [f for f in check_divergence(quoted) + name_drift(names, glossary)
                       if (f.path, f.line, f.check) not in dismissed]


def check_catalogues(items: Iterable[CatalogueItem], glossary: Glossary | None = None,
                     marks: Mapping[str, Delimiters] | None = None, jobs: int = 1) -> list[Finding]:
    """:func:`check_catalogue` on every item, plus the corpus-level checks.

    ``items`` are ``(path, source_lang, target_lang, catalogue)``.
    """
    return corpus_findings(check_parts(list(items), glossary, marks, jobs), glossary)


def check_parts(items: Sequence[CatalogueItem], glossary: Glossary | None = None,
                marks: Mapping[str, Delimiters] | None = None, jobs: int = 1) -> list[CatalogueCheck]:
    """:func:`check_catalogue` on every item, in order, spread over ``jobs`` worker
    processes (each with its own memo): the checks are most of what ``check`` and
    ``review`` spend their time on, and each catalogue's are independent of the others'."""
    from pipeline.parallel import map_indexed

    memo: EntryMemo = {}
    return map_indexed(lambda i: check_catalogue(*items[i], glossary, marks, memo), len(items), jobs)


def quotations_and_names(item: CatalogueItem, glossary: Glossary | None = None) -> CatalogueCheck:
    """The part of a catalogue the corpus-level checks read, without its entry checks: for a
    caller that shows the entries of some catalogues only (the review queue of one
    article), whose corpus-level findings still depend on every other catalogue."""
    path, src_lang, tgt_lang, catalogue = item
    return CatalogueCheck(quoted=tuple(catalogue_quotations(path, src_lang, tgt_lang, catalogue)),
                          names=tuple(catalogue_renderings(path, src_lang, tgt_lang, catalogue, glossary)),
                          dismissed=tuple((path, m.lineno, check) for m in catalogue.active
                                          if m.flags or m.comments for check in sorted(m.dismissed_checks)))


@dataclass(frozen=True)
class CatalogueChecker:
    """The checks as a hook for ``pipeline sync``, in the two parts the run needs: worker
    processes check each catalogue they write (:meth:`per_catalogue`) and send back only
    the result; the parent joins the results (:meth:`corpus`). Calling it on items gives
    :func:`check_catalogues`' result."""

    glossary: Glossary | None = None
    marks: Mapping[str, Delimiters] = field(default_factory=dict)  # house styles by language
    #: Each process's findings by segment (see :func:`check_catalogue`); a forked worker
    #: fills its own copy.
    memo: EntryMemo = field(default_factory=dict, compare=False, repr=False)

    def per_catalogue(self, item: CatalogueItem) -> CatalogueCheck:
        return check_catalogue(*item, self.glossary, self.marks, self.memo)

    def corpus(self, parts: Iterable[CatalogueCheck]) -> list[Finding]:
        return corpus_findings(parts, self.glossary)

    def remembered(self, part: CatalogueCheck) -> str:
        """What of a checked catalogue the corpus-level checks need when a later ``sync``
        skips its article (JSON text, kept in the run state): its spellings of names, so an
        unchanged article's names still count against a changed one's without reading it
        again. Quotations are not kept: they are many, and long."""
        return remembered_names(part.names)

    def recalled(self, data: list[str]) -> CatalogueCheck:
        """A part from :meth:`remembered`'s data, marked as not read by this run."""
        return CatalogueCheck(recorded=tuple(data))

    def __call__(self, items: Iterable[CatalogueItem], jobs: int = 1) -> list[Finding]:
        return check_catalogues(items, self.glossary, self.marks, jobs)


def check_divergence(quoted: Mapping[QuoteKey, list[QuotedTranslation]]) -> list[Finding]:
    """One source quotation translated in different words in different places.

    The reference is the most common reviewed translation (first seen on a tie); only when
    no occurrence is reviewed yet is it the most common of all. Unreviewed machine output,
    which one engine repeats word for word in every article, must not outvote a reviewed
    translation and have the reviewed one reported as the odd one out.
    """
    findings = []
    for key in sorted(quoted):
        occurrences = quoted[key]
        normalised = [_quote_identity(o.text) for o in occurrences]
        if len(set(normalised)) < 2:
            continue
        candidates = [i for i, o in enumerate(occurrences) if o.reviewed] \
            or list(range(len(occurrences)))
        variants = Counter(normalised[i] for i in candidates)
        first: dict[str, int] = {}
        for position in candidates:
            first.setdefault(normalised[position], position)
        usual = max(variants, key=lambda v: (variants[v], -first[v]))
        reference = occurrences[first[usual]]
        for occurrence, variant in zip(occurrences, normalised):
            if variant != usual:
                findings.append(Finding(
                    "quote-divergence", Severity.WARNING,
                    f"quotation translated differently from {reference.path}:{reference.line} "
                    f"(“{shorten(reference.text)}”)", occurrence.path, occurrence.line,
                    occurrence.msgid, occurrence.lang))
    return findings


def _top_level_by_segment(analysis: list[Quotation], count: int) -> list[list[Quotation]]:
    """The top-level quotations of each of ``count`` segments, in analysis order (grouped
    once, rather than filtered out of the whole article for every translation)."""
    grouped: list[list[Quotation]] = [[] for _ in range(count)]
    for quotation in analysis:
        if quotation.depth == 0:
            grouped[quotation.segment_index].append(quotation)
    return grouped


def _quoted_pairs(mine: list[Quotation], translation: str, src_lang: str,
                  tgt_lang: str) -> list[tuple[QuoteKey, str]]:
    """(key, translated text) for each complete speech quotation in ``mine`` (the
    top-level quotations of one source segment), paired with the translation's
    quotations by position when their counts agree."""
    target = _top_quotes(translation, scan_quotes(translation, tgt_lang))
    mine = [q for q in mine if q.open_mark]  # (the end of one the paragraph does not reopen)
    if len(mine) != len(target):
        return []
    return [((_quote_identity(q.text), src_lang, tgt_lang), text)
            for q, text in zip(mine, target)
            if q.kind is QuoteKind.SPEECH and q.close_mark and not q.continued
            and len(q.text.split()) >= _MIN_DIVERGENCE_WORDS]


#: Punctuation that ends a quotation by the surrounding sentence's needs, not the speaker's:
#: English puts the comma or full stop inside the marks (“It is over,” he said / He said:
#: “It is over.”), Russian after them (сказал: «Всё кончено».). One mark, not an ellipsis.
_CLAUSE_END = re.compile(r"(?<!\.)[,.;:]$")


def _quote_identity(text: str) -> str:
    """What makes two quoted passages the same quotation: the words, whatever the quotation
    marks and spacing (:func:`normalise_quotes`) and the clause punctuation at the end."""
    return _CLAUSE_END.sub("", normalise_quotes(text)).rstrip()


def _with_given_name(entry: Entry, name: str) -> str:
    """``name`` with the capitalised word right before it in the source when the glossary
    knows that word as the first given name of a person (Leyla Nigar Huseynova said, with a
    row for Leyla Huseynova): the attribution patterns took it for a noun that only the
    sentence start capitalises (Nurse Aynur Aliyeva), which no person's row opens with."""
    at = entry.source.find(name)
    if entry.glossary is None or " " not in name or at < 2 or not entry.source[at - 1].isspace():
        return name
    word = entry.source[:at].rsplit(None, 1)[-1]
    if not word.isalpha() or not word[0].isupper():
        return name
    return f"{word} {name}" if word in entry.glossary.given_names(entry.src_lang) else name


def _named_pronoun_speakers(entry: Entry, respelt: set[tuple[str, str]]) -> list[str]:
    """The spelling changes of a speaker a pronoun stands for (Deputat Səbinə Əliyeva … «…»,
    — o dedi) whom the segment also names in full: the translation names her too, and a
    vowel or consonant changed there (Алаева) makes another family's name, as it would
    after a speech verb."""
    if not entry.resolved:
        return []  # (most segments: no speaker written as a pronoun)
    pronouns = lexicon(entry.src_lang).pronouns
    problems = []
    for said, full in entry.resolved:
        name = _without_patronymic(full)
        if said.lower() not in pronouns or name.split()[-1] not in entry.source:
            continue
        changed = _sound_changed(entry, name)
        if changed is None or changed[:2] in respelt or _organisation_speaker(entry.source, name, entry.src_lang):
            continue
        part, written, what = changed
        respelt.add((part, written))
        problems.append(f"speaker {full!r} is spelled {written!r} in the translation: a {what} of "
                        f"{part!r} differs, which makes another family's name; spell it as the source "
                        "does (a glossary row would fix its spelling)")
    return problems


def _surname_for_given_name(entry: Entry, name: str) -> bool:
    """Whether the speaker ``name``, a given name alone that the article resolved to a
    full name opening with it (deyə Səbinə xanım vurğulayıb → Səbinə Vaqif qızı Əliyeva),
    is named in the translation by that person's surname (Ms Aliyeva stressed)."""
    if " " in name or not entry.resolved:
        return False
    full = next((full for said, full in entry.resolved if said == name), "").split()
    return len(full) > 1 and full[0] == name \
        and _sounds_present(_without_patronymic(" ".join(full)).split()[-1], entry.translation)


def _speaker_names(entry: Entry) -> list[str]:
    names = list(entry.speakers)
    if not names:
        names = [name for q in entry.source_quotations()
                 for name in ((q.attribution.text,) if q.attribution is not None else q.joint)]
    pronouns = lexicon(entry.src_lang).pronouns
    return [n for i, n in enumerate(names) if n.lower() not in pronouns and n not in names[:i]]


def _speaker_problem(entry: Entry, name: str, respelt: set[tuple[str, str]]) -> str | None:
    """What is wrong with the speaker ``name`` in the translation, or None. ``respelt`` holds
    the (word of a name, its spelling) pairs whose vowel was reported already: a speaker
    named in full and by surname (Rauf Mirzayev … Mirzayev added) has one misspelling."""
    term = _speaker_term(entry, name)
    target = term.form(entry.tgt_lang) if term is not None else None
    if term is not None and target:
        assert entry.glossary is not None
        if count_term(entry.glossary, term, entry.translation, entry.tgt_lang) \
                or entry.glossary.occurs(term, entry.translation, entry.tgt_lang):
            misspelt = _misspelt(entry, target)
            if misspelt:
                return f"speaker {name!r} is spelled {misspelt!r} in one place; the glossary says {target!r}"
            return None
        variant = _variant(entry, target)
        if variant:
            return f"speaker {name!r} is spelled {variant!r}; the glossary says {target!r}"
        return f"speaker {name!r} ({entry.tgt_lang}: {target!r}) is missing from the translation"
    if term is None:
        surname = _surname_form(entry, name)
        if surname is not None:
            return _surname_problem(entry, name, *surname)
    if _sounds_present(name, entry.translation, entry.tgt_lang) or _initialled(name, entry.translation):
        return _respelt(entry, name, respelt)
    if _organisation_speaker(entry.source, name, entry.src_lang):
        return None
    short = _without_patronymic(name)
    if short != name and _sounds_present(short, entry.translation, entry.tgt_lang):
        return None  # Günay Əhməd qızı Vəliyeva → Gunay Valiyeva
    # по словам Шахлы Мамедовой: the translation writes the name in its own case, often the
    # nominative (According to Shahla Mammadova), which sounds less like the genitive.
    base = nominative(name, entry.src_lang)
    if base is not None and base != name and _sounds_present(base, entry.translation, entry.tgt_lang):
        return None
    if _heard_in_part(name, entry.translation, entry.tgt_lang):
        return _respelt(entry, name, respelt)
    return f"speaker {name!r} is missing from the translation"


def _respelt(entry: Entry, name: str, respelt: set[tuple[str, str]]) -> str | None:
    """What is wrong with a speaker the translation names: a family name spelt with another
    vowel or consonant (see :func:`_sound_changed`), once per spelling; None when nothing."""
    changed = _sound_changed(entry, name)
    if changed is None or changed[:2] in respelt \
            or _organisation_speaker(entry.source, name, entry.src_lang):
        return None
    part, written, what = changed
    respelt.add((part, written))
    return (f"speaker {name!r} is spelled {written!r} in the translation: a {what} of "
            f"{part!r} differs, which makes another family's name; spell it as the source "
            "does (a glossary row would fix its spelling)")


def _heard_in_part(name: str, translation: str, lang: str | None = None) -> bool:
    """Whether a Western name (several words, none an Azerbaijani or post-Soviet family's,
    see :func:`_family_suffixed`) has its family name in ``translation``, its given name
    written as the other language has it: English letters do not say how Jake, Mike or Sean
    sound (Джейк, Майк, Шон), while a wrong family name (Marvin Rees: Марвин Росс) is still
    no speaker."""
    words = _WORDS.findall(name)
    return len(words) > 1 and not any(_family_suffixed(word) for word in words) \
        and all(_sounds_present(word, translation, lang) for word in words[1:])


#: A name with its given name(s) written as initials (С. Керимов, S. A. Kərimov, Дж. Райт):
#: the initials, then the family name.
_INITIALLED_NAME = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,2})\.\s*(?:[^\W\d_]{1,2}\.\s*)*([^\W\d_]{2,})")


def _initialled(name: str, translation: str) -> bool:
    """Whether ``translation`` writes the speaker ``name`` (two words or more) with its
    given name as an initial before its family name (Samir Karimov: С. Керимов, S. Kərimov;
    John Wright: Дж. Райт): the initial must open as the given name does, the family name
    sound like the name's last word, so С. Каримли or Р. Керимов is no such speaker. An
    abbreviation ending a sentence before the family name (в ЕС. Керимов) is no initial."""
    if "." not in translation:
        return False  # (most translations: no initial at all)
    words = _WORDS.findall(name)
    if len(words) < 2:
        return False
    return any(opens_with(words[0], match.group(1)) and resemblance(match.group(2), words[-1]) >= 0.8
               for match in _INITIALLED_NAME.finditer(blank_out(translation))
               if match.group(1).istitle())  # (Дж., S.; not ЕС., TV. ending a sentence)


def _without_patronymic(name: str) -> str:
    """``name`` without its Azerbaijani patronymic (Günay Əhməd qızı Vəliyeva → Günay
    Vəliyeva) or the Russian one between the given and family names (Наталья Петровна
    Сидорова, Сергей Викторович Лавров): a translation may drop the father's name and
    qızı/oğlu, or write them in its own language (Ахмед кызы), and still name the speaker."""
    words = name.split()
    kept = [word for index, word in enumerate(words) if word not in PATRONYMIC_WORDS
            and not (index + 1 < len(words) and words[index + 1] in PATRONYMIC_WORDS)
            and not (0 < index < len(words) - 1 and _RU_PATRONYMIC.fullmatch(word))]
    return " ".join(kept) if len(kept) >= 2 else name


#: A Russian patronymic (Петрович, Ильич, Петровна, Кузьминична).
_RU_PATRONYMIC = re.compile(r"[А-ЯЁ][а-яё]+(?:[ое]вич|[ое]вна|ич|ична|инична)")


def _organisation_speaker(source: str, name: str, lang: str) -> bool:
    """Whether the speaker ``name`` is an organisation (the Central Bank, Министерство,
    Xarici İşlər Nazirliyi; the Port of Baku, read as "Baku"): a head noun in the name, or
    before an "of" right in front of it. Its name is translated, not transliterated, so it
    has no sound to look for in the translation; a glossary row checks it where one exists."""
    if any(is_organisation_word(word, lang) for word in name.split()):
        return True
    before = re.search(r"(\S+)\s+of\s+(?:the\s+)?" + re.escape(name) + r"\b", source)
    return before is not None and is_organisation_word(before.group(1), lang)


def _surname_form(entry: Entry, name: str) -> tuple[str, str] | None:
    """(target form, full glossary name) when the speaker is named by the last word(s) of a
    glossary name alone (“…,” Gasimli added, after Azer Gasimli was introduced): the
    glossary spells the full name, and so the surname (Гасымлы, Qasımlı). None when no
    name row ends so, or when rows that do disagree on the target form."""
    if entry.glossary is None:
        return None
    name = _INITIALS.sub("", name)  # S. Karimov: the glossary spells the surname
    size = len(name.split())
    found: dict[str, str] = {}
    for term, tail in entry.glossary.names_ending_in(name, entry.src_lang, size):
        source, target = term.form(entry.src_lang) or "", term.form(entry.tgt_lang)
        target_words = target.split() if target else []
        if len(target_words) != len(source.split()):
            continue
        if term_pattern(tail, entry.src_lang, True).fullmatch(name.strip()) \
                and dict(entry.resolved).get(name, source) in (source, name):
            found.setdefault(" ".join(target_words[-size:]), source)
    return next(iter(found.items())) if len(found) == 1 else None


#: Initials in front of a surname (S. Karimov, С. А. Керимов).
_INITIALS = re.compile(r"^(?:[^\W\d_]\.\s*)+(?=[^\W\d_]{2})")


def _surname_problem(entry: Entry, name: str, target: str, full: str) -> str | None:
    if term_pattern(target, entry.tgt_lang, True).search(blank_out(entry.translation)):
        misspelt = _misspelt(entry, target)
        if misspelt:
            return (f"speaker {name!r} is spelled {misspelt!r} in one place; the glossary says "
                    f"{target!r} (as in {full!r})")
        return None
    variant = _variant(entry, target)
    if variant:
        return f"speaker {name!r} is spelled {variant!r}; the glossary says {target!r} (as in {full!r})"
    return (f"speaker {name!r} ({entry.tgt_lang}: {target!r}, as in {full!r}) is missing from "
            "the translation")


def _speaker_term(entry: Entry, name: str) -> Term | None:
    """The glossary row of a speaker: the whole attribution, or the name it ends with when a
    word the attribution patterns do not know came in front (Учительница Гюльнара Гусейнзаде
    at the start of a sentence: the role is not part of the name the translation must have)."""
    if entry.glossary is None:
        return None
    term = entry.glossary.find(name, entry.src_lang)
    if term is None:
        matches = entry.glossary.terms_in(name, entry.src_lang)
        if matches and matches[-1].end == len(name.rstrip()) and matches[-1].term.is_name:
            term = matches[-1].term
    return term or _term_begun(entry, name)


def _term_begun(entry: Entry, name: str) -> Term | None:
    """The glossary term of the source that the speaker's name begins and lower-case words
    go on (сообщил Бакинский порт: the attribution patterns take only the capitalised
    word), so the translation is asked for the term, not for a word of it."""
    assert entry.glossary is not None
    for match in entry.glossary.terms_in(entry.source, entry.src_lang):
        rest = match.text[len(name):]
        if match.text.startswith(name) and rest[:1].isspace() and rest.strip()[:1].islower():
            return match.term
    return None


def _sounds_present(name: str, text: str, lang: str | None = None) -> bool:
    """Whether every word of ``name`` has a similar-sounding word in ``text``. The word may
    open with G, H or K where the name has another of them (Quliyeva: Кулиева or Гулиева,
    Qasımov: Касумов), as renderings of one name do (see :func:`resemblance`), and, when
    ``lang`` (the text's language) is given, carry its case ending (Зеленского, Deyvinin).
    A capitalised word of the name is only heard in a capitalised word: the three languages
    capitalise names, and a common word may sound like one (deyə, said, and Davey). A
    wikilink's page counts (``[[Samir Karimov]] said``, ``сказал [[Самир Керимов|министр]]``):
    it names the person, and a translation keeps it as written."""
    prose = blank_out(text) if "[[" not in text else blank_out(
        text, [region for region in protected_regions(text) if region.kind is not RegionKind.WIKILINK])
    words = _WORDS.findall(prose)
    # (a compound's words are its letter runs between hyphens, as _WORDS would find them)
    capitalised = {word for compound in _COMPOUND.findall(prose) for word in compound.split("-")
                   if len(word) > 1 and (word[0].isupper() or compound[0].isupper())}  # (al-Assad; Ki-moon's moon too)
    # A word spelt as in the name is found without stepping through the words in Python.
    return all(part in words or any(_sounds_like(w, part, lang)
                                    for w in (capitalised if part[0].isupper() else words))
               or (len(part) == 2 and _one_letter_rendering(part, prose))
               or (len(part) <= _LONGEST_LETTER_NAME and _spelt_out(part, prose))
               for part in _WORDS.findall(name) if not _an_initial_in(part, name))


#: Words joined by hyphens (Ki-moon, Jean-Luc), capitalised as one by their first letter.
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: English letters' names as Russian and Azerbaijani write them (J, D: Джей, Ди; Cey, Di),
#: spelt so that their skeletons meet both (see :func:`pipeline.translit.skeletons`).
_LETTER_NAMES = {"A": "Ey", "B": "Bi", "C": "Si", "D": "Di", "E": "İ", "F": "Ef", "G": "Ci", "H": "Eyç",
                 "I": "Ay", "J": "Cey", "K": "Key", "L": "El", "M": "Em", "N": "En", "O": "Ou", "P": "Pi",
                 "Q": "Kyu", "R": "Ar", "S": "Es", "T": "Ti", "U": "Yu", "V": "Vi", "X": "Eks", "Z": "Zi"}
_LONGEST_LETTER_NAME = 4
#: A given name written as its letters (JD, AJ, TJ), which the other language spells out.
_LETTERS_AS_NAME = re.compile(r"(?<![^\W\d_])[A-Z]{2,3}(?![^\W\d_])")


def _spelt_out(part: str, prose: str) -> bool:
    """Whether ``part`` (Джей, Cey) is the name of a letter of a capital-letter given name
    in ``prose`` (JD Vance for Джей Ди Вэнс)."""
    heard = skeletons(part)  # (exactly: a ratio of such short words says little)
    return any(letter in _LETTER_NAMES and not heard.isdisjoint(skeletons(_LETTER_NAMES[letter]))
               for letters in _LETTERS_AS_NAME.findall(prose) for letter in letters)


#: A capital letter standing alone as a word, not an initial (no full stop after it).
_ONE_LETTER_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_](?![^\W\d_.])")


def _one_letter_rendering(part: str, prose: str) -> bool:
    """Whether ``prose`` writes the two-letter word of a name ``part`` as one letter, as
    Russian and Azerbaijani write a Chinese or Korean syllable that is one sound (Wang Yi:
    Ван И, Van İ), a word :data:`_WORDS` does not take."""
    return any(letter.isupper() and resemblance(letter, part) >= _SOUNDS_LIKE
               for letter in _ONE_LETTER_WORD.findall(prose))


#: How alike a word must sound to a word of a name, as written, to be its rendering; a word
#: this short of it (a long case ending lowers the ratio) is read again without its ending.
_SOUNDS_LIKE = 0.8
_INFLECTED_GATE = 0.6


def _sounds_like(word: str, part: str, lang: str | None) -> bool:
    return _heard_as(word, part, lang) is not None


def _heard_as(word: str, part: str, lang: str | None) -> str | None:
    """``word`` if it sounds like ``part`` (a word of a name), or its stem without a case
    ending of ``lang`` if that does; None if neither does."""
    score = resemblance(word, part)
    if score >= _SOUNDS_LIKE:
        return word
    if lang is None or score < _INFLECTED_GATE:
        return None
    score, stem = uninflected(word, part, lang)
    return stem if score >= _SOUNDS_LIKE else None


def _an_initial_in(part: str, name: str) -> bool:
    """Whether ``part`` is a two-letter initial of ``name`` (Дж. Гусейнов, Sh. Mammadov):
    the translation may write the given name whole (Javid, Шахин), as it may for a
    one-letter initial, which is too short to be a word at all."""
    return part in DIGRAPH_INITIALS and part + "." in name


def _sound_changed(entry: Entry, name: str) -> tuple[str, str, str] | None:
    """(a word of the speaker ``name``, the capitalised word of the translation that sounds
    like it with another vowel or consonant in its stem: Mirzayev → Мирзоев, Mirzoyev;
    Bağırov → Бакиров, "vowel" or "consonant"), also where the translation spells the name
    right elsewhere (Мирзаев … Мирзоев добавил); None when there is none. A word of the
    source that the translation's word renders better (another person, Mirzoyev beside
    Mirzayev) leaves it alone. Only the family name is compared: a given name has its own
    form in each language (Георгий: Giorgi for a Georgian, Гюльнара: Gulnara), which changes
    no family. A word in English letters that no ending marks as the region's, the name's
    or the translation's (O’Brien, О’Брайен), has its vowels spelt by custom, not by sound:
    only its consonants are compared (Шабан: Shapan, Shaban: Шапан are another family's)."""
    written = {w for w in _CAPITALISED.findall(blank_out(entry.translation)) if w[0].isupper()}
    # (another person is capitalised: a common word, əlavə beside Əliyeva, renders no name)
    others = {w for w in _CAPITALISED.findall(entry.source) if w[0].isupper()}
    for part in _family_words(name):
        part_by_sound = _spelt_by_sound(part) or entry.src_lang in _SPELT_BY_SOUND
        for written_word in written:
            word = _heard_as(written_word, part, entry.tgt_lang)
            if word is None or word == part:
                continue
            by_sound = part_by_sound and (_spelt_by_sound(word) or entry.tgt_lang in _SPELT_BY_SOUND)
            for what, changed in _sound_changes(entry.src_lang):
                # (a word of an Azerbaijani text is spelt by its letters, whatever its origin)
                if what == "vowel" and (not by_sound or _transliterated(entry, part, word)):
                    changed = partial(spelt_vowel_changed, name_by_sound=part_by_sound,
                                      as_azerbaijani=entry.tgt_lang == "az",
                                      name_as_azerbaijani=entry.src_lang == "az")
                elif what == "vowel" and "az" in (entry.src_lang, entry.tgt_lang):
                    changed = partial(vowel_changed, as_azerbaijani=entry.tgt_lang == "az",
                                      name_as_azerbaijani=entry.src_lang == "az")
                if changed(part, word) and not any(
                        not changed(other, word) and resemblance(word, other) >= 0.8
                        for other in others - {part}):
                    return part, written_word, what
    return _given_name_changed(entry, name, written)


def _given_name_changed(entry: Entry, name: str, written: set[str]) -> tuple[str, str, str] | None:
    """(the given name, its spelling, "consonant") when a name of the region (its family
    name has the region's suffix: Agil Mammadov) has a given name written with another
    consonant (Acil Məmmədov): the region's given names are spelt by sound in the three
    languages, their consonants alike (Cavid, Javid, Джавид), unlike a Western or Georgian
    given name (Георгий: Giorgi). Its vowels still vary (Rəşad, Рашад; Səməd, Samad)."""
    words = _WORDS.findall(name)
    if len(words) < 2 or not _family_suffixed(words[-1]):
        return None
    given = words[0]
    others = set(_CAPITALISED.findall(entry.source)) - {given}
    for written_word in written:
        word = _heard_as(written_word, given, entry.tgt_lang)
        if word is None or word == given or not consonant_changed(given, word, True):
            continue
        if not any(not consonant_changed(other, word) and resemblance(word, other) >= 0.8 for other in others):
            return given, written_word, "consonant"
    return None


def _transliterated(entry: Entry, part: str, word: str) -> bool:
    """Whether ``word``, of the translation, transliterates ``part`` (in Cyrillic or
    Azerbaijani letters, or of an Azerbaijani text) into English letters: its vowels are
    read as written, never as Azerbaijani hears an English word (Зеленский, Zelenski:
    Zalensky is no Zelensky)."""
    return entry.tgt_lang not in _SPELT_BY_SOUND and word.isascii() \
        and (not part.isascii() or entry.src_lang in _SPELT_BY_SOUND)


#: Languages that spell a foreign name as it sounds: a word of their text (Karter, Картер) is
#: spelt by sound, whatever its letters.
_SPELT_BY_SOUND = frozenset({"ru", "az"})


def _family_words(name: str) -> list[str]:
    """The words of a speaker's ``name`` past its given name (all of a name of one word,
    a surname alone). An English spelling's consonants still say its sound (Shaban: Шапан
    is another family's name); only its vowels do not (see :func:`_spelt_by_sound`)."""
    words = _WORDS.findall(name)
    return words[1:] if len(words) > 1 else words


#: Endings of Azerbaijani families' names (Məmmədli, Mammadli, Quluzadə, Guluzadeh),
#: beside the -ov/-yev/-ova ones :func:`surname_gender` reads.
_FAMILY_ENDINGS = ("li", "lı", "lu", "lü", "zade", "zadə", "zadeh", "zada", "ли", "лы", "заде")


def _family_suffixed(word: str) -> bool:
    """Whether ``word`` ends as Azerbaijani and post-Soviet families' names do."""
    return surname_gender(word) is not None or word.lower().endswith(_FAMILY_ENDINGS)


def _spelt_by_sound(word: str) -> bool:
    """Whether ``word``'s vowels and consonants are its sound's, so another letter makes
    another name: Cyrillic and Azerbaijani spellings, the -ov, -yev, -li, -zadeh families
    spelt in English (Mirzayev, Mammadli), and English words whose every vowel stands
    before an r, where English spells it as it sounds (Carter, Starmer, Porter: Картер,
    Стармер, Портер). Not another English or Western spelling (O’Brien: О’Брайен, Sullivan:
    Салливан, Murdoch: Мердок), which each language writes as it hears it."""
    return not word.isascii() or _family_suffixed(word) or _VOWELS_BEFORE_R.fullmatch(word) is not None


#: An English word whose vowels are each one letter before an r that closes the word or a
#: syllable (a consonant follows): ar, or, er sound as written (Carter, Starmer, Porter).
_VOWELS_BEFORE_R = re.compile(r"[B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]+(?:[aoe]r[b-df-hj-np-tv-z]*)+")


#: The changes of a name's sound that make another family's name, and what they change.
_SOUND_CHANGES = (("vowel", vowel_changed), ("consonant", consonant_changed),
                  ("family suffix", suffix_added))
#: The same for a name from a text that does not decline names (English): letters after all
#: of the rendering's are no case ending of the name (Pashinyan: Пашаян).
_UNINFLECTED_SOUND_CHANGES = (("vowel", vowel_changed), ("consonant", partial(consonant_changed, inflected=False)),
                              ("family suffix", suffix_added))
#: Languages whose texts write a name with a case ending.
_INFLECTING = frozenset({"ru", "az"})


def _sound_changes(lang: str) -> tuple[tuple[str, Callable[[str, str], bool]], ...]:
    return _SOUND_CHANGES if lang in _INFLECTING else _UNINFLECTED_SOUND_CHANGES


#: Words that may be capitalised (``str.isupper`` decides): the words a name can be.
_CAPITALISED = re.compile(r"(?<![^\W\d_])" + MAYBE_UPPER + r"[^\W\d_]+")


def _variant(entry: Entry, target: str) -> str | None:
    """The spelling of ``target`` the translation has instead, if one can be located."""
    variants = find_variants(entry.translation, target, entry.tgt_lang)
    return entry.translation[variants[0][0]:variants[0][1]] if variants else None


def _misspelt(entry: Entry, target: str) -> str | None:
    """A spelling of ``target`` other than the glossary's in a translation that also has the
    right one (Азер Гасымлы … — отметил Гасимли): presence alone would hide it. Every term the
    translation spells as the glossary does (inflected forms included) is left alone, and so
    is a spelling the source itself writes (в Гяндже (Gəncə) → in Ganja (Gəncə)): the name
    given in another language, kept as the source gives it."""
    assert entry.glossary is not None
    correct = [(m.start, m.end) for m in entry.glossary.terms_in(entry.translation, entry.tgt_lang)]
    for start, end, replacement in find_variants(entry.translation, target, entry.tgt_lang, correct):
        written = entry.translation[start:end]
        if _given_beside(entry, written):
            continue
        # Closer than a variant of an absent name must be: the right form is there, so a
        # merely similar word (Berlin beside Berlingske) is another word, not a typo.
        if all(similarity(a, b) >= _MISSPELLING_SIMILARITY
               for a, b in zip(written.split(), replacement.split())) \
                and not _renders_another_source_word(entry, written, replacement):
            return written
    return None


def _renders_another_source_word(entry: Entry, written: str, replacement: str) -> bool:
    """Whether a word of ``written`` sounds more like a word the source has outside every
    glossary term than like the glossary's form: Берлине beside Berlingske renders the
    paragraph's Berlin (in the locative), not a misspelt Berlingske. A word of a term's own
    source form (Karimov alone, after Samir Karimov) is that term's, so it explains nothing."""
    assert entry.glossary is not None
    source, own = list(entry.source), set()
    for match in entry.glossary.terms_in(entry.source, entry.src_lang):
        source[match.start:match.end] = " " * (match.end - match.start)
        own.update(_WORDS.findall(match.term.form(entry.src_lang) or ""))
    others = set(_WORDS.findall("".join(source))) - own
    return any(similarity(word, other) > similarity(word, wanted)
               for word, wanted in zip(written.split(), replacement.split()) for other in others)


def _given_beside(entry: Entry, written: str) -> bool:
    """Whether the source writes ``written`` itself outside its own glossary names: a name
    given in another language beside them (Гяндже (Gəncə)), not the source's form of the
    name left untranslated (Karimov in an Azerbaijani translation)."""
    assert entry.glossary is not None
    names = [(m.start, m.end) for m in entry.glossary.terms_in(entry.source, entry.src_lang)]
    return any(not any(start <= found.start() < end for start, end in names)
               for found in re.finditer(rf"(?<!\w){re.escape(written)}(?!\w)", entry.source))


def _quote_count(scan: QuoteScan) -> int:
    return len(scan.spans) + len(scan.unclosed)


#: «Первая часть, — сказал X. — Вторая часть»: Russian and Azerbaijani style interrupt a
#: quotation with its attribution between dashes inside one pair of marks, where English
#: closes and reopens the quotation (“…,” X said. “…”). Each such interruption is a part.
_DASH_INTERRUPTION = re.compile(r"[,.!?…]\s+[—–]\s+[^—–«»“”„]+?[,.:]\s+[—–]\s+\S")
#: The same in a dialogue paragraph, where the author's words after the dash start in lower
#: case (— Готовы? — спросил он. — Тогда начнём): a capital opens the next speaker's turn of
#: an interview whose lines the extraction joined (— Вы ожидали? — Нет, — сказал я).
_DIALOGUE_INTERRUPTION = re.compile(r"[,.!?…]\s+[—–]\s+(?![A-ZÀ-ÖØ-ÞА-ЯЁƏĞİŞ])[^—–«»“”„]+?[,.:]\s+[—–]\s+\S")


def _dash_interruptions(text: str, scan: QuoteScan) -> int:
    """The interruptions inside top-level quotations, and inside one left open because it
    goes on in the next paragraph («Мы сдержали обещание, — сказал он. — Теперь…)."""
    closed = sum(len(_DASH_INTERRUPTION.findall(span.inner(text)))
                 for span in scan.spans if span.depth == 0)
    if not scan.unclosed:
        return closed
    start = scan.unclosed[0].index + 1
    return closed + len(_DASH_INTERRUPTION.findall(_outside_spans(text, scan, start)))


def _outside_spans(text: str, scan: QuoteScan, start: int) -> str:
    """``text[start:]`` with the quotations closed inside it blanked (a nested „…“ holds no
    interruption of the open quotation)."""
    chars = list(text[start:])
    for span in scan.spans:
        if span.start >= start:
            chars[span.start - start:span.end - start] = " " * (span.end - span.start)
    return "".join(chars)


#: — Мы готовы, — сказал министр: Russian and Azerbaijani dialogue, direct speech that a
#: paragraph opens with a dash instead of quotation marks (English writes “…,” he said).
_DIALOGUE = re.compile(r"\s*[—–]\s+[^\W_]")


#: The pseudo engine's brackets around each sentence (［…］), read as spaces by the dash
#: patterns: ``［— Мы готовы, — сказал он.］ ［— Но не сейчас.］`` is dialogue in two parts.
#: Full-width brackets occur in no language this pipeline publishes, and the replacement
#: keeps every offset, so the quote scan of the text stays valid.
_PSEUDO_BRACKETS = str.maketrans("［］", "  ")


@lru_cache(maxsize=_CACHE_SIZE)
def _speech_count(text: str, lang: str) -> int:
    """:func:`_speech_parts` of ``text`` with its quote scan in ``lang`` (cached: a source is
    counted once for all its translations)."""
    return _speech_parts(text, scan_quotes(text, lang))


def _speech_parts(text: str, scan: QuoteScan) -> int:
    """How many quotations ``text`` holds, counted so that the languages' styles agree:
    a quotation interrupted by its attribution between dashes counts once per part, on
    either side of the translation, and a dialogue paragraph counts as a quotation with
    its own interruptions (— Мы готовы, — сказал он. — Но не сейчас: two)."""
    if "［" in text or "］" in text:  # str.translate is slow: most texts have neither
        text = text.translate(_PSEUDO_BRACKETS)
    count = _quote_count(scan) + _dash_interruptions(text, scan)
    if _DIALOGUE.match(text):
        outside = blank_out(text)
        for span in scan.spans:  # a quotation read as a capital: a turn opening with it is speech
            outside = outside[:span.start] + "Q" * (span.end - span.start) + outside[span.end:]
        interruptions = [m.span() for m in _DIALOGUE_INTERRUPTION.finditer(outside)]
        turns = [m.start() for m in _DIALOGUE_TURN.finditer(outside)
                 if not any(start <= m.start() < end for start, end in interruptions)]
        count += 1 + len(interruptions) + len(turns)
    return count


#: A dash after a sentence's end and before a capital in a dialogue paragraph: the next
#: speaker's turn (— Вы ожидали? — Нет, — ответил он: two turns, which English writes as
#: two quotations, “Did you expect it?” “No,” he replied), unless it goes on after the
#: author's words (— Нет, — ответил он. — Совсем: the same turn, an interruption).
_DIALOGUE_TURN = re.compile(r"[.!?…]\s+[—–]\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁƏĞİŞ])")


def _top_quotes(text: str, scan: QuoteScan) -> list[str]:
    return [span.inner(text) for span in scan.spans if span.depth == 0
            and not any(m.index < span.start for m in scan.unclosed)]


def _anchors(entry: Entry, text: str, lang: str, *, source: bool) -> frozenset[str]:
    """What identifies a quotation across languages: its figures and glossary names."""
    values = {str(min(n.values)) for n in numbers_in(text, lang) if n.values}
    if entry.glossary is not None:
        for match in entry.glossary.terms_in(text, lang):
            form = match.term.form(entry.tgt_lang) if source else match.term.form(lang)
            values.add(f"term:{form}")
    return frozenset(values)


@lru_cache(maxsize=_CACHE_SIZE)
def _markup(text: str) -> Counter[str]:
    """The markup of ``text`` counted by kind (cached: a source is counted once for all its
    translations; shared, so not to be changed)."""
    if not _MARKUP_CHARS.search(text) and not (":" in text and _EMOJI.search(text)):
        return Counter()  # no emphasis marker, link, tag or key can be there
    regions = protected_regions(text)
    prose = blank_out(text, regions)
    counts: Counter[str] = Counter((_EMPHASIS if "_" in prose else _STARS_AND_TILDES).findall(prose))
    if "==" in prose or "^^" in prose:
        counts.update(_HIGHLIGHT_AND_INSERT.findall(prose))
    if "@" in prose or "#" in prose or ":" in prose:
        counts.update(_KEYS.findall(prose))
    if "^" in prose:
        counts["superscripts"] = len(_SUPERSCRIPT.findall(prose)) - len(_ORDINAL_SUFFIX.findall(prose))
    counts["subscripts"] = len(_SUBSCRIPT.findall(prose)) if "~" in prose else 0
    outside_code = blank_out(text, [r for r in regions if r.kind is RegionKind.CODE])
    if "[" in outside_code:  # every link and bracket pair starts with one (zero counts drop below)
        counts["links"] = len(_LINK.findall(outside_code))
        counts["reference links"] = len(_REFERENCE.findall(outside_code))
        counts.update(_WP_SHORTCODE_NAME.sub(r"\1]", m.group()) for m in _WP_SHORTCODE.finditer(outside_code))
    for region in regions:
        if region.kind is RegionKind.HTML:
            name = _HTML_NAME.match(region.text(text))
            counts[f"<{name.group(1).lower() if name else '?'}>"] += 1
        elif region.kind is RegionKind.ATTRIBUTES:
            counts[region.text(text)] += 1  # kramdown reads it only as written
    return +counts


def _multiset_finding(check: str, what: str, source: list[str], target: list[str]
                      ) -> list[Finding]:
    if source == target:
        return []  # the usual case (often both empty): no need to count
    lost = Counter(source) - Counter(target)
    added = Counter(target) - Counter(source)
    findings = []
    if lost:
        findings.append(_finding(check, Severity.ERROR,
                                 f"{what} changed or lost: {', '.join(sorted(lost))}"))
    if added:
        findings.append(_finding(check, Severity.ERROR,
                                 f"{what} not in the source: {', '.join(sorted(added))}"))
    return findings


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


__all__ = ["CHECKS", "CORPUS_CHECKS", "CatalogueCheck", "CatalogueChecker", "Check", "Checker", "Entry",
           "QuoteKey", "QuotedTranslation", "catalogue_quotations", "check_catalogue", "check_catalogues", "check_divergence",
           "check_entry", "corpus_findings", "entry_checker", "segment_speakers"]
