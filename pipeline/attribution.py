"""Who said it: attribution patterns around a quotation, and names resolved across an article.

Newsroom prose attributes a quotation in a handful of ways per language (“…,” said X /
X told Y: “…” / according to X; «…», — заявил X / по словам X; “…” deyə X bildirib /
X-in sözlərinə görə). The patterns here work on word tokens next to the quotation, so
they need no parser. A bare surname or a pronoun is then resolved to the full name the
article introduced earlier, because that full name is what a glossary row and a
translator need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from pipeline.lexicon import (AZERBAIJANI, ENGLISH, PATRONYMIC_WORDS, RU_HUSHING, SURNAME_ENDINGS,
                              Lexicon, fold, is_initial, is_organisation_word, lexicon)

_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_WHO = frozenset({"who", "который", "которая"})
_JOINERS = "'’-"
_COMMA_GAP = re.compile(r"\s*,\s*(?=[^\W_])")
#: Letters and digits that are certainly not upper case, taken out of the "may be upper
#: case" class of :func:`_runs` (computed, so it agrees with this Python's ``isupper``).
_NOT_UPPER = "".join(chr(c) for ranges in ((0x30, 0x250), (0x370, 0x530), (0x1E00, 0x1F00))
                     for c in range(*ranges) if chr(c).isalnum() and not chr(c).isupper())
_MAYBE_UPPER = "[^\\W" + re.escape(_NOT_UPPER) + "]"
#: The same class for other modules that look for capitalised words with a regex.
MAYBE_UPPER = _MAYBE_UPPER
_NAMES_CACHE_SIZE = 8192
_AZ_SUFFIX_AFTER_MARK = re.compile(r"(?:nin|nın|nun|nün|in|ın|un|ün)")
_AZ_VOWELS = "aıoueəiöü"
#: The vowel of the genitive suffix after a stem whose last vowel is the key (harmony).
_AZ_HARMONY = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i",
               "ö": "ü", "ü": "ü"}
_RU_VOWELS = "аеёиоуыэюяьй"
_ARTICLES = frozenset({"the", "a", "an"})
_CAPITALISED_ARTICLES = frozenset({"The", "A", "An"})
_AZ_PLURALS = ("lər", "lar")
_INFLECTED = ("ru", "az")  # languages whose names take case endings (see same_word)
_OPENING_MARKS = frozenset("«“„\"‘")
#: (A closing mark: a name in marks may end the lead-in, сказал газете «Зеркало»: «…»; an
#: emphasis marker may too, told _The Guardian_: “…, *Karimov said:* “….)
_LEAD_IN_TAIL = re.compile(r"[\s,:—–\-»”“\"’*_]*")
#: How far back from a quotation an "according to" phrase may start (по словам главного
#: эколога города Шахлы Мамедовой).
_LEAD_IN_TOKENS = 8
_MAX_NAME_TOKENS = 3
#: How long a colon lead-in without a speech verb may be, name included (Azer Gasimli had
#: a warning for the government: “…).
_COLON_CLAUSE_TOKENS = 8
#: A possessive or case suffix after an apostrophe (Gasimli's, Qasımlı'nın): the name is
#: then not the subject of the clause.
_THAT = frozenset({"that", "что", "ki"})
#: How many words may stand between a speech verb and "that" (told Reuters in an
#: interview on Monday that “…).
_THAT_AFTER_TOKENS = 8
_SUFFIXED = re.compile(r"['’][^\W\d_]+$")
#: Prepositions that tie a role to whom it serves (a spokesman for the Port of Baku, an
#: analyst at Capital Economics, представитель из Минэкономики): the name after one is an
#: employer or a place, not the speaker the role describes.
_ROLE_OF = frozenset("for at from with in to из от для при в".split())
_MAX_ASIDES = 3  # Smith, however, also later said
#: How many lower-case words may stand between a speech verb and the name, when a role is
#: among them (сказал после заседания адвокат защиты Джавад Гусейнли).
_WORDS_BEFORE_NAME = 6
#: The Azerbaijani patronymic words (Həsən qızı, Əhməd oğlu) and the gender they give.
_PATRONYMICS = PATRONYMIC_WORDS
_MALE_TITLES = frozenset({"Mr", "Господин", "Cənab", "King", "Prince", "Sir", "Lord"})
_FEMALE_TITLES = frozenset({"Mrs", "Ms", "Miss", "Госпожа", "Xanım", "Queen", "Princess",
                            "Lady"})


class Token(NamedTuple):
    """A word of a segment: ``text == segment[start:end]``.

    A named tuple, not a dataclass, because a long article has tens of thousands of them
    and building a frozen dataclass costs several times as much.
    """

    text: str
    start: int
    end: int


#: Builds a ``Token`` from a ``(text, start, end)`` tuple without the Python-level
#: ``__new__`` a named tuple adds (tokenising is the inner loop of the attribution search).
_new_token = tuple.__new__


@dataclass(frozen=True)
class Name:
    """A name or pronoun in a segment: ``text[start:end]``, with what is known about it."""

    start: int
    end: int
    text: str
    pronoun: bool = False
    gender: str | None = None  # "m", "f" or None when unknown
    person: bool = False  # the context says it names a person (role, title, appositive)
    #: The nominative of ``text`` when the pattern puts the name in another case (по словам
    #: Шахлы Мамедовой → Шахла Мамедова); None when it is written in the nominative or
    #: its nominative could not be worked out with confidence.
    base: str | None = None
    #: One English word that may be a plural noun as well as a surname (Players or Adams
    #: said:, “…,” Residents or Clements said): a person's only when the article introduced
    #: a full name ending with it (see :func:`may_be_group`).
    group: bool = False
    #: Where the group began when its first word was left out as a common noun that only
    #: the sentence start capitalises (Critic Elvin Guliyev said), or, in Russian, as the
    #: genitive of a role's owner (министр Азербайджана Лейла Гусейнова): the word may as
    #: well be a first given name (Leyla Nigar Huseynova said, депутат Лейла Нигяр
    #: Гусейнова), which the article can show by naming the person so elsewhere. None when
    #: no word was left out so.
    opening: int | None = None
    #: The name owns the person a noun after it names (Karimov's spokesman, пресс-секретарь
    #: Лейлы Гусейновой, Kərimovun vəkili): that person, unnamed, is the one a pronoun after
    #: it most likely stands for (see :func:`names_in`).
    owner: bool = False
    #: A given name alone, as a polite title after it shows (Səbinə xanım, Pərviz bəy): it
    #: stands for the earlier full name that opens with it (see :attr:`Lexicon.honorifics`).
    given: bool = False

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass(frozen=True)
class Mention:
    """A name found in an article, at ``(segment, start)``."""

    segment: int
    name: Name


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:end]`` with offsets into ``text``."""
    return [_new_token(Token, (m.group(), *m.span()))
            for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def words_of(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The texts of :func:`tokenize`'s tokens, for callers that need no offsets (one C-level
    ``findall`` instead of a ``Token`` per word)."""
    return _TOKEN.findall(text, start, len(text) if end is None else end)


def first_words(text: str, limit: int) -> list[str]:
    """The first ``limit`` words of :func:`words_of`: for a caller that only asks how a
    text opens and whether it has more than a few words (a quotation's inner text, which
    for nested quotations holds every quotation inside it)."""
    return [match.group() for match in islice(_TOKEN.finditer(text), limit)]


def names_in(text: str, lang: str) -> list[Name]:
    """Every capitalised name group of ``text`` (persons, organisations, places)."""
    return list(_names_in(text, lang))


@lru_cache(maxsize=_NAMES_CACHE_SIZE)
def _names_in(text: str, lang: str) -> tuple[Name, ...]:
    """:func:`names_in`, cached (names are immutable, so the tuple can be shared).

    The rules of :func:`_name_at` (without pronouns), plus the evidence that a name is a
    person's: a title or role word in front, a role or "who" in an appositive after it,
    a surname ending. A name lies inside a run of capitalised words (and particles)
    separated by spaces only, so one regex finds those runs and everything else of a
    paragraph, mostly lower-case words, is never tokenised in Python.
    """
    lex = lexicon(lang)
    no_name = _not_names(lang)
    found: list[Name] = []
    for run in _runs(lex.particles, 0).finditer(text):
        written = run.group()
        if written in no_name:
            continue
        words = written.split()
        if len(words) == 1:
            name = _single_word_name(text, run.start(), run.end(), written, lex)
            if name is not None:
                found.append(name)
        else:
            found += _names_in_run(text, run.start(), run.end(), words, lex)
    found = [_in_its_case(text, name, lex, lang) for name in found]
    return tuple(sorted(found + _unnamed_people(text, lex), key=lambda name: name.start)) \
        if lex.possessives else tuple(found)


def _unnamed_people(text: str, lex: Lexicon) -> list[Name]:
    """A person a possessive pronoun and a role or kinship noun bring in without a name (His
    lawyer said …; Её адвокат …; Onun vəkili …), as an :attr:`Name.owner` of one word (the
    pronoun, so no surname resolves to it): a pronoun after it may stand for that person, not
    for the person named before."""
    found = []
    for match in _possessive_person(tuple(sorted(lex.possessives))).finditer(text):
        if fold(match.group(2)) in lex.roles or fold(match.group(2)) in lex.kinship:
            found.append(Name(match.start(1), match.end(1), match.group(1), owner=True))
    return found


@lru_cache(maxsize=None)
def _possessive_person(possessives: tuple[str, ...]) -> re.Pattern[str]:
    """A possessive pronoun of ``possessives`` and the word after it (the noun it owns)."""
    pronouns = "|".join(sorted(possessives, key=len, reverse=True))
    return re.compile(r"(?<![^\W_])(?i:(" + pronouns + r"))\s+([^\W\d_]+)")


def _in_its_case(text: str, name: Name, lex: Lexicon, lang: str) -> Name:
    """``name`` with what its case says, for a pronoun after it: a possessive or genitive
    owning a person (Karimov's spokesman, пресс-секретарь Лейлы Гусейновой, Kərimovun
    vəkili) is an :attr:`Name.owner`; a genitive saying whose words follow (по словам Самира
    Керимова, Samir Kərimovun sözlərinə görə) is that person, in the nominative (a Russian
    masculine genitive reads as a woman's name: Самира Керимова). Cheap tests first: most
    names are in the nominative."""
    if lang == "en":
        suffix = _SUFFIXED.search(name.text)
        if suffix is None or fold(suffix.group()[1:]) != "s":
            return name
        bare = name.text[:-len(suffix.group())]
        return replace(name, base=bare, owner=_person_noun(words_of(text, name.end, name.end + 40)[:1], lex))
    if lang == "ru":
        before = [fold(word) for word in words_of(text, max(0, name.start - 60), name.start)[-4:]]
        if before and (before[-1] in lex.roles or before[-1] in lex.kinship) \
                and lex.is_oblique_female(name.words[-1]):
            return replace(name, owner=True)  # пресс-секретарь Лейлы Гусейновой
        if not any(tuple(before[i:i + 2]) in lex.according_to_genitive
                   and all(word in lex.roles for word in before[i + 2:]) for i in range(len(before) - 1)):
            return name
        base = nominative(name.text, lang)
        return name if base is None else replace(
            name, base=base, person=True, gender=guess_gender(Name(0, 0, base)))
    if lang == "az" and len(name.words) > 1 and lex.is_comitative_name(name.words[-1]):
        base = _AZ_COMITATIVE_END.sub("", name.text)  # Rauf Əliyevlə: with Rauf Əliyev
        return replace(name, base=base, person=True, gender=guess_gender(Name(0, 0, base)))
    if lang == "az" and _az_genitive_stem(name.words[-1]) is not None:
        following = [fold(word) for word in words_of(text, name.end, name.end + 40)[:2]]
        if _person_noun(following[:1], lex):
            return replace(name, owner=True)  # Samir Kərimovun vəkili
        if any(tuple(following[:len(phrase)]) == phrase for phrase in lex.after_genitive):
            base = nominative(name.text, lang)
            return name if base is None else replace(name, base=base, person=True)
    return name


#: The Azerbaijani comitative ending of a name (Əliyevlə, Hüseynovayla, BBC-ylə).
_AZ_COMITATIVE_END = re.compile(r"['’\-]?y?l[aə]$")


def _person_noun(words: list[str], lex: Lexicon) -> bool:
    """Whether ``words`` (one word, or none) is a role or a kinship noun: a person."""
    return bool(words) and (fold(words[0]) in lex.roles or fold(words[0]) in lex.kinship)


@lru_cache(maxsize=None)
def _not_names(lang: str) -> frozenset[str]:
    """Words that make no name on their own (a run of just "The" or "However")."""
    return lexicon(lang).function_words | lexicon(lang).particles | {"The"}


def full_names_in(text: str, lang: str) -> list[Name]:
    """The names of :func:`names_in` that have two words or more (Natig Jafarli, not
    Jafarli): the only ones a surname can be resolved to, found without looking at the
    single capitalised words that make up most of the runs."""
    return list(_full_names_in(text, lang))


@lru_cache(maxsize=_NAMES_CACHE_SIZE)
def _full_names_in(text: str, lang: str) -> tuple[Name, ...]:
    lex = lexicon(lang)
    found: list[Name] = []
    for run in _runs(lex.particles, 1).finditer(text):
        found += [name for name in _names_in_run(text, run.start(), run.end(),
                                                 run.group().split(), lex)
                  if " " in name.text]
    # (in its case: a surname resolves to Rauf Əliyev, not Rauf Əliyevlə, as names_in does)
    return tuple(_in_its_case(text, name, lex, lang) for name in found)


def _single_word_name(text: str, start: int, end: int, word: str, lex: Lexicon) -> Name | None:
    """:func:`_names_in_run` for a run of one word, the most common case (Baku, The):
    no titles to strip and no surname ending to weigh."""
    if word in lex.particles or not word[0].isupper() or word in lex.function_words \
            or word == "The":
        return None
    person = fold(_word_before(text, start)) in lex.roles or _appositive(text, end, lex)
    return Name(start, end, word, person=person)


def _names_in_run(text: str, run_start: int, run_end: int, words: list[str],
                  lex: Lexicon) -> list[Name]:
    """The names of one run of space-separated words that may be capitalised.

    The run regex lets through a few words that only look capitalised (its character
    class is a superset, see :func:`_runs`), so ``str.isupper`` decides here, exactly as
    :func:`_name_at` does; a word that fails it breaks the run.
    """
    particles, titles, function_words, roles = (lex.particles, lex.titles,
                                                lex.function_words, lex.roles)
    count = len(words)
    found: list[Name] = []
    resume = 0
    starts: list[int] | None = None
    for index in range(count):
        if index < resume or words[index] in particles or not words[index][0].isupper() \
                or lex.is_dative_name(words[index]):
            continue  # (a surname in the dative is the person spoken to, as in _name_at)
        if lex.addressee_at(words, index):
            continue  # Ильхаму Алиеву Керимов: the name after the addressee's is the one
        end, limit = index + 1, min(count, index + _STRETCH_LIMIT)
        while end < limit and not _SUFFIXED.search(words[end - 1]) and (
                words[end] in particles or (
                words[end][0].isupper() and not lex.is_dative_name(words[end])
                and not _dative_pair(words, end, lex)
                and not _addressed_after(words, end, lex))):
            end += 1
        end = index + _name_length(words[index:end], lex)
        # (English reads the word before only in front of a place and a name: 3 words)
        before = "" if not (lex.patronymic or (lex.place_prepositions and end - index >= 3)) \
            else words[index - 1] if index else _word_before(text, run_start)
        skip, keep = _place_bounds(words[index:end], lex, before)
        if skip:
            continue  # Bakıda Samir Kərimov: the name starts after the place
        end = index + keep
        if end < count:
            end = index + _before_addressee(words[index:end + 1], end - index, lex)
        first = index
        while first < end - 1 and (words[first] in titles or words[first] in function_words
                                   or fold(words[first]) in roles
                                   or (first > index and words[first] in particles)):
            first += 1  # (Onun oğlu Rəşad: a particle after a sentence starter is kin)
        first += _inner_title_end(words[first:end], lex)
        if first == index == 0 and _sentence_noun(words[first:end], lex) \
                and _starts_sentence(text, run_start):
            first += 1  # Критик Эльвин Гулиев at a sentence start: the critic, then the name
        if first > index and _russian_lead(words[first:end], lex, words[first - 1]):
            first += 1  # Президент Азербайджана Ильхам Алиев
        if end - first == 3 and _organisation_first(
                words[first:end], words[first - 1] if first else _word_before(text, run_start),
                False, lex):
            first += 1  # Посол США Марк Либби: whose envoy, then who
        if end - first == 1 and (words[first] in function_words or words[first] == "The"):
            continue
        after = first + 2 if _too_long(words[first:end], particles) else end
        lead, core = words[index:first], words[first:after]
        if starts is None:
            starts = _word_starts(text, run_start, words)
        gender = _title_gender_of(lead) or (_words_gender(core) if len(core) >= 2 else None)
        person = (any(w in titles or fold(w) in roles for w in lead)
                  or fold(words[index - 1] if index else _word_before(text, run_start))
                  in roles
                  or (after == count and _appositive(text, run_end, lex))
                  or gender is not None
                  or (len(core) >= 2 and _surname_gender(core[-1].lower())[0])
                  or (first == index and _owned_person(words, index, core)))
        found.append(Name(starts[first], starts[after - 1] + len(core[-1]), " ".join(core),
                          gender=gender, person=person))
        resume = after
    return found


def _owned_person(words: list[str], index: int, core: list[str]) -> bool:
    """Kenya's Daniel Kipchumba, Azerbaijan's Aysel Mammadova: a given name and a surname
    right after a place's possessive, as sports and world news bring in a person by country;
    not a body's name (Azerbaijan's State Oil Fund, whose head noun tells it)."""
    return len(core) == 2 and index > 0 and words[index - 1].endswith(_POSSESSIVE_S) \
        and not any(is_organisation_word(word, "en") for word in core)


_POSSESSIVE_S = ("'s", "’s")


def _after_possessive(core: list[Token]) -> int:
    """How many words of ``core`` a possessive owner takes up before a name of two words or
    more (Kenya's Daniel Kipchumba said: the runner, not the country): 0 when none."""
    for position, token in enumerate(core[:-2]):
        if token.text.endswith(_POSSESSIVE_S):
            return position + 1
    return 0


#: How many words from a start the name rules look at. Every start in a run looks at what
#: follows it, so a run of thousands of capitalised words (a title-case headline pasted
#: into a title field) was quadratic; a name and its titles are far shorter than this.
_STRETCH_LIMIT = 64


def _too_long(words: list[str], particles: frozenset[str]) -> bool:
    """Whether a group is two names side by side (deyə Natiq Cəfərli Meydan TV-yə): more
    than three capitalised words. Particles do not count, so Ursula von der Leyen and
    Charles de Gaulle stay whole."""
    return sum(1 for word in words if word not in particles) > _MAX_NAME_TOKENS


def _name_length(words: list[str], lex: Lexicon) -> int:
    """How many of a group's ``words`` the name keeps once particles at its end are left
    out (Ursula von der: the particle belongs to what follows). A patronymic closing the
    name stays (Əliyeva Leyla Həsən qızı, the official surname-first order; Leyla Həsən
    qızı): oğlu/qızı after a father's given name, not after a surname (Samir Kərimov
    oğlu ilə: with his son)."""
    end = len(words)
    if end >= 3 and words[-1] in _PATRONYMICS and words[-2] not in lex.particles \
            and not _surname_gender(fold(words[-2]))[0]:
        return end
    while end > 0 and words[end - 1] in lex.particles:
        end -= 1
    return end


def _before_addressee(words: list[str], end: int, lex: Lexicon) -> int:
    """How many of a group's ``words[:end]`` the name keeps when ``words[end]``, right
    after it, is a name in the dative: the capitalised words after the group's last
    surname are the addressee's (Samir Kərimov Meydan TV-yə bildirib: to Meydan TV)."""
    if end >= len(words) or not (lex.is_dative_name(words[end]) or words[end] in lex.comitative_words
                                 or lex.is_comitative_name(words[end])):
        return end  # (or in the comitative: Hüseynova Samir Kərimovla, Samir Kərimov Leyla ilə)
    for last in range(end - 2, -1, -1):
        if _surname_gender(fold(words[last]))[0]:
            return last + 1
    return end


def _addressee_run(words: list[str], index: int, lex: Lexicon) -> int:
    """How many words from ``index`` name the person or outlet spoken to: capitalised words
    up to one in the dative (Meydan TV-yə, APA-ya), 0 when they do not end so."""
    for size in range(1, _MAX_NAME_TOKENS + 1):
        if index + size > len(words) or not words[index + size - 1][:1].isupper():
            return 0
        if lex.is_dative_name(words[index + size - 1]):
            return size
    return 0


def _comitative_run(words: list[str], index: int, lex: Lexicon) -> int:
    """How many words from ``index`` name someone the speaker was with, not the speaker:
    capitalised words up to one in the comitative (Samir Kərimovla) or followed by a
    comitative word (Samir Kərimov ilə), or such a word and the capitalised words after it
    (с Самиром Керимовым); 0 when none."""
    if not lex.comitative_words:
        return 0  # (English: "with" is no part of the patterns)
    if words[index] in lex.comitative_words:
        size = 0
        while size < _MAX_NAME_TOKENS and index + 1 + size < len(words) \
                and words[index + 1 + size][:1].isupper():
            size += 1
        return 1 + size if size else 0
    for size in range(1, _MAX_NAME_TOKENS + 1):
        last = index + size - 1
        if last >= len(words) or not words[last][:1].isupper():
            return 0
        if lex.is_comitative_name(words[last]):
            return size
        if last + 1 < len(words) and words[last + 1] in lex.comitative_words:
            return size + 1
    return 0


def _addressee_start(tokens: list[Token], dative: int, lex: Lexicon) -> int:
    """Index of the first word of the addressee whose name ends at ``tokens[dative]``, a
    name in the dative: back over capitalised words up to the speaker's surname (Samir
    Kərimov İlham Əliyevə, Samir Kərimov Meydan TV-yə)."""
    start = dative
    while start > 1 and dative - start < _MAX_NAME_TOKENS - 1 \
            and tokens[start - 1].text[:1].isupper() \
            and not _surname_gender(fold(tokens[start - 1].text))[0]:
        start -= 1
    return start if start > 0 and _surname_gender(fold(tokens[start - 1].text))[0] else dative


def _place_bounds(words: list[str], lex: Lexicon, before: str = "") -> tuple[int, int]:
    """(1 when the group's first word is a place and no name part, how many words from the
    start the group keeps): a word in a case of place (:meth:`Lexicon.is_place_case`) in
    front of a name of two words (Bakıda Samir Kərimov) or after a surname (Samir Kərimov
    Bakıda) stands next to the name. A given name may end like a place (Fəridə
    Məmmədova), so a word is cut only where a given name cannot stand, and never in a
    group with a patronymic (Həmidə Əhməd qızı Hüseynova), whose order is fixed. In
    Russian the word ``before`` the group tells: a place after в, на, из (В Баку Самир
    Керимов), a noun's genitive after a lower-case word (министр иностранных дел России
    Сергей Лавров), where a third word of a name could only be a patronymic."""
    if len(words) < 2 or not (lex.place_case or lex.place_prepositions or lex.patronymic):
        return 0, len(words)  # (English: none of these rules)
    if _russian_lead(words, lex, before):
        return 1, len(words)
    if len(words) >= 3 and fold(words[0]) in lex.place_prepositions \
            and _russian_lead(words[1:], lex, words[0]):
        return 1, len(words)  # В Баку Самир Керимов: the preposition starts the sentence
    if not lex.place_case or len(words) < 2:
        return 0, len(words)
    with_patronymic = [i for i, word in enumerate(words) if word in lex.particles]
    if not with_patronymic and len(words) >= 3 and lex.is_place_case(words[0]):
        return 1, len(words)
    for index in range(1, len(words)):
        if lex.is_place_case(words[index]) and _surname_gender(fold(words[index - 1]))[0] \
                and not any(i > index for i in with_patronymic):
            return 0, index
    if len(words) >= 3 and not with_patronymic and lex.is_place_case(words[-1]):
        return 0, len(words) - 1  # Emmanuel Makron Bakıya: no name ends in a given name
    return 0, len(words)


def _inner_title_end(words: list[str], lex: Lexicon) -> int:
    """How many of a group's ``words`` come before the name because a title stands among
    them (Russian Foreign Minister Sergey Lavrov, Azərbaycan Prezidenti İlham Əliyev): all
    up to the last title that still has a word after it (Martin Luther King keeps King)."""
    for index in range(len(words) - 2, 0, -1):
        if words[index] in lex.titles:
            return index + 1
    return 0


def _russian_lead(words: list[str], lex: Lexicon, before: str) -> bool:
    """Whether a group's first word belongs to the words before it (see :func:`_place_bounds`)."""
    if not before or len(words) < 2 or not (lex.place_prepositions or lex.patronymic):
        return False
    if fold(before) in lex.place_prepositions:
        # A surname after one capitalised word: В Баку Керимов, but English declines no
        # name, so after "from" two words are a person's (a letter from Samir Karimov).
        return sum(1 for word in words if word not in lex.particles) >= 3 \
            or (bool(lex.patronymic) and _surname_gender(fold(words[1]))[1] is not None)
    # (a speech verb owns nothing: заявила Лейла Нигяр Гусейнова is one person)
    after_role = (before[0].islower() and not lex.verb_at([before], 0)) \
        or before in lex.titles or fold(before) in lex.roles
    if lex.patronymic and (after_role or _genitive_owner(before)) and 3 <= len(words) <= 4 \
            and (_genitive_owner(words[0]) or _other_script(words[0], words[1])) \
            and not any(lex.is_patronymic(word) for word in words[1:]):
        return True  # президент Франции Эмманюэль Макрон, глава МИД России Сергей Лавров
    return bool(lex.patronymic) and len(words) == 3 and after_role \
        and _surname_gender(fold(words[2]))[1] is not None \
        and not lex.is_patronymic(words[1])


def _owner_or_given(group: list[Token], lex: Lexicon, before: str) -> bool:
    """Whether the first word of a Russian group of three that :func:`_russian_lead` gives
    to the words before it may as well be a first given name: after a role, a word not in
    -ии, no acronym, in the name's script (министр Азербайджана Лейла Гусейнова, депутат
    Лейла Нигяр Гусейнова). The article can tell (see :attr:`Name.opening`)."""
    return bool(lex.patronymic) and len(group) == 3 and bool(before) \
        and fold(before) not in lex.place_prepositions \
        and not _genitive_owner(group[0].text) and not _other_script(group[0].text, group[1].text)


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def _other_script(word: str, following: str) -> bool:
    """Whether ``word`` is written in another script than the name word ``following`` it
    (вице-президент Microsoft Брэд Смит): a company's or a place's name, not the person's."""
    return (_CYRILLIC.search(word) is None) != (_CYRILLIC.search(following) is None)


def _genitive_owner(word: str) -> bool:
    """Whether ``word`` after a Russian role names whose role it is, never a person's first
    name: a genitive in -ии (Франции, компании) or an acronym (США, МИД, SOCAR)."""
    return fold(word).endswith("ии") or (len(word) > 1 and word.isupper())


def _word_starts(text: str, start: int, words: list[str]) -> list[int]:
    """Offsets of ``words``, the space-separated words of ``text`` from ``start`` on."""
    starts = []
    for word in words:
        start = text.find(word, start)
        starts.append(start)
        start += len(word)
    return starts


def _word_before(text: str, position: int) -> str:
    """The token (as :func:`tokenize` cuts them) that ends last before ``position``."""
    end = position
    while end > 0 and not text[end - 1].isalnum():
        end -= 1
    start = end
    while start > 0:
        if text[start - 1].isalnum():
            start -= 1
        elif start >= 2 and text[start - 1] in _JOINERS and text[start - 2].isalnum():
            start -= 1
        else:
            break
    return text[start:end]


def _appositive(text: str, position: int, lex: Lexicon) -> bool:
    """Whether "X, a role …" / "X, who …" follows a name that ends at ``position``: the
    gap to the next word is a lone comma and one of the next three words says who X is."""
    gap = _COMMA_GAP.match(text, position)
    if gap is None:
        return False
    words = [m.group() for m in islice(_TOKEN.finditer(text, gap.end()), 3)]
    return any(w.lower() in lex.roles or w in lex.titles for w in words) or words[0] in _WHO


@lru_cache(maxsize=None)
def _runs(particles: frozenset[str], more: int) -> re.Pattern[str]:
    """Runs of words that may start a name group, for a lexicon's ``particles``, with at
    least ``more`` words after the first.

    A run is a token starting with a character that may be upper case, then more such
    tokens or particles, each after whitespace only: exactly the stretch over which
    :func:`_name_at` extends a group. Runs never overlap, so the runs of two words or
    more are exactly those of the one-word pattern that have two words or more. Python's ``re`` has no "upper case" class, so the
    class is "letters and numbers other than ones known to be lower case" (a superset,
    cheap to build); :func:`_names_in_run` checks each word with ``str.isupper``.
    """
    token = r"(?>[^\W_]+(?:['’\-][^\W_]+)*)"
    capital = "(?=" + _MAYBE_UPPER + ")" + token
    alternatives = [capital]
    if particles:
        alternatives.append("(?:" + "|".join(re.escape(p) for p in sorted(particles))
                            + r")(?![^\W_]|['’\-][^\W_])")
    # The class test comes before the token-start lookbehinds: it fails at most
    # positions and is the cheaper of the two.
    return re.compile("(?=" + _MAYBE_UPPER + r")(?<![^\W_])(?<![^\W_]['’\-])" + token
                      + r"(?:\s+(?:" + "|".join(alternatives) + f")){{{more},}}")


@lru_cache(maxsize=4096)
def _surname_gender(last: str) -> tuple[bool, str | None]:
    """(whether ``last`` has a surname ending, the gender of the first ending it has)."""
    for ending, gender in SURNAME_ENDINGS:
        if last.endswith(ending):
            return True, gender
    return False, None


def surname_gender(name: str) -> str | None:
    """The gender the ending of ``name``'s last word gives (Мамедова: f, Aliyev: m)."""
    words = name.split()
    return _surname_gender(words[-1].lower())[1] if words else None


def _title_gender_of(titles: list[str]) -> str | None:
    """The gender a title in front of a name gives (Mr, Госпожа, Xanım), if any."""
    if not titles:
        return None
    words = set(titles)
    if words & _MALE_TITLES:
        return "m"
    if words & _FEMALE_TITLES:
        return "f"
    return None


def speaker_after(text: str, start: int, end: int, lang: str, *,
                  anywhere: bool = True) -> Name | None:
    """The speaker named in ``text[start:end]``, the words right after a quotation.

    With ``anywhere`` false the attribution must start with the first word: a quotation
    that does not end in a comma (“not free” by X …) only takes an immediate speaker.
    """
    lex = lexicon(lang)
    found = _named_after(text, start, end, lex, lang, anywhere)
    return None if found is None or _in_list(text, found, lex) else found


def listed_after(text: str, start: int, end: int, lang: str) -> tuple[str, ...]:
    """The names of a list of speakers in ``text[start:end]``, the words right after a
    quotation (“…,” Karimov, Huseynova and Aliyev said), as written; () when no list
    attributes it (see :func:`listed_names`)."""
    lex = lexicon(lang)
    if not lex.and_word or _word_pattern(lex.and_word).search(text, start, end) is None:
        return ()  # every list closes with "and" (most attributions have none)
    found = _named_after(text, start, end, lex, lang, True)
    return listed_names(text, found, lex) if found is not None else ()


def _named_after(text: str, start: int, end: int, lex: Lexicon, lang: str,
                 anywhere: bool) -> Name | None:
    """The name the patterns of :func:`speaker_after` find, on a list of speakers or not."""
    tokens = [_new_token(Token, (m.group(), *m.span()))
              for m in islice(_TOKEN.finditer(text, start, end), 16)]
    words = [t.text for t in tokens]
    folded = [fold(word) for word in words]
    for index in range(len(tokens) if anywhere else min(1, len(tokens))):
        # A name or pronoun can only start at a capitalised word or a pronoun: elsewhere
        # _name_then_verb is None, and most words after a quotation are neither.
        starts_name = (folded[index] in lex.pronouns and folded[index] not in lex.not_subjects) or (
            words[index] not in lex.particles and words[index][0].isupper()
            and not _in_place_name(text, tokens, index, lex))  # a trader at Bristol Market said
        found = (_according_to(text, tokens, index, lang, lex, folded)
                 or _deye(text, tokens, index, lang, lex)
                 or (starts_name and _name_then_verb(text, tokens, index, lex, words, folded))
                 or _verb_then_name(text, tokens, index, lex, words, folded))
        if found is not None:
            return found
    return None


#: A dash that signs a quotation (“…” — Aynur Ismayilova; a block quote's last line),
#: with the Markdown emphasis a byline may wear.
_BYLINE_DASH = re.compile(r"[\s*_.]*[—–][\s*_]*")
_BYLINE_END = re.compile(r"[\s*_.]*")


def byline(text: str, start: int, end: int, lang: str) -> Name | None:
    """The person ``text[start:end]`` signs a quotation with: a dash, a name, maybe an
    appositive after a comma (— Aynur Ismayilova, saxophonist), and nothing else. None when
    the words say more than that (— said Karimov is for :func:`speaker_after`) or the name is
    one word with nothing that marks a person."""
    dash = _BYLINE_DASH.match(text, start, end)
    if dash is None:
        return None
    lex = lexicon(lang)
    tokens = tokenize(text, dash.end(), end)
    if not tokens or tokens[0].start != dash.end():
        return None
    name, after = _name_at(text, tokens, 0, lex, pronouns=False)
    if name is None or not (len(name.words) > 1 or _surname_gender(fold(name.words[-1]))[0]):
        return None
    if after == len(tokens):
        return name if _BYLINE_END.fullmatch(text, tokens[-1].end, end) else None
    appositive = text[tokens[after - 1].end:tokens[after].start].strip() == "," \
        and tokens[after].text[0].islower()
    return name if appositive and _BYLINE_END.fullmatch(text, tokens[-1].end, end) else None


#: A name group in a list of speakers: up to three words separated by spaces.
_LIST_NAME = r"[^\W\d_][^\s,]*(?:\s+[^\W\d_][^\s,]*){0,2}"


@lru_cache(maxsize=None)
def _list_patterns(and_word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(what follows a name that is not the last of a list: ", Y and " or " and "; what
    precedes the last name of one: "X and "), for a language's word for "and"."""
    following = re.compile(r"(?:\s*,\s*" + _LIST_NAME + r")*,?\s+" + re.escape(and_word)
                           + r"\s+(?=[^\W\d_])")
    preceding = re.compile(r"([^\W\d_][^\s,]*),?\s+" + re.escape(and_word)
                           + r"\s+((?:[^\W\d_]+\s+){0,2})$")
    return following, preceding


#: Lower-case words (a role) between "and" and a name in a list of speakers: pianist Ayten
#: Huseynova and saxophonist Rovshan Mammadov said.
_LIST_ROLE = re.compile(r"(?:[^\W\d_]+\s+){1,2}")


def _in_list(text: str, name: Name, lex: Lexicon) -> bool:
    """Whether ``name`` is one of several people a quotation is attributed to together
    (Karimov, Huseynova and Aliyev said; заявили Керимов и Гусейнова; Kərimov və Hüseynova
    bildiriblər). Such a quotation has no single speaker: the patterns would give it to
    whichever name stands next to the verb, and a correct translation that orders the
    names otherwise would read as a swap. The list must close with the word for "and" and
    a capitalised word, so neither Karimov, an economist, said nor Karimov and his deputy
    said is one. A role in lower case may stand before a full name after "and" (Ayten
    Huseynova and saxophonist Rovshan Mammadov said)."""
    if name.pronoun or not lex.and_word:
        return False
    following, preceding = _list_patterns(lex.and_word)
    after = following.match(text, name.end)
    if after is not None and (text[after.end()].isupper() or _role_then_name(text, after.end())):
        return True
    before = preceding.search(text, max(0, name.start - 60), name.start)
    return before is not None and before.group(1)[0].isupper() \
        and (not before.group(2) or (before.group(2).islower() and " " in name.text.strip()))


def _role_then_name(text: str, start: int) -> bool:
    """Whether lower-case words (a role) and then a capitalised word begin at ``start``."""
    role = _LIST_ROLE.match(text, start)
    if role is None:
        return False
    words = role.group().split()
    if not words[0].islower():
        return False
    # saxophonist Rovshan: the second word opens the name; fellow economist Leyla: a role
    end = role.end() if words[-1].islower() else start + role.group().index(words[-1])
    return end < len(text) and text[end].isupper()


def speaker_before(text: str, start: int, end: int, lang: str) -> Name | None:
    """The speaker named in ``text[start:end]``, the words leading up to a quotation
    (X said: “… / по словам X, «… / X bildirib ki, “…)."""
    found = _named_before(text, start, end, lang)
    return None if found is not None and _in_list(text, found, lexicon(lang)) else found


#: What may follow the speech verb after an Azerbaijani quotation it governs (Əliyev «…»
#: deyib.): the sentence's end, or a comma before the next clause.
_OBJECT_VERB_END = re.compile(r"[\s*_]*(?:[.!?,;…]|$)")


def speaker_of_quoted_object(text: str, start: int, quote_start: int, quote_end: int,
                             lang: str) -> Name | None:
    """The speaker of an Azerbaijani quotation that is the object of the speech verb right
    after it (İlham Əliyev Reuters’ə müsahibəsində «sülh yaxındır» deyib: said “peace is
    near”): the name in ``text[start:quote_start]``, before the quotation, as it would be
    before the verb; None when no such verb closes the sentence there."""
    lex = lexicon(lang)
    if lex is not AZERBAIJANI or start >= quote_start:
        return None
    after = tokenize(text, quote_end, min(len(text), quote_end + 40))[:2]
    folded = [fold(token.text) for token in after]
    size = _verb_size(folded, 0, lex) if after and text[quote_end:after[0].start].isspace() else 0
    if not size or _OBJECT_VERB_END.match(text, after[size - 1].end) is None:
        return None
    tokens = tokenize(text, start, quote_start)
    if not tokens or text[tokens[-1].end:quote_start].strip(" \t*_"):
        return None  # (a lead-in that ends in a comma or a colon is read by speaker_before)
    return _name_before(text, [*tokens, after[0]], len(tokens), lex)


def said_jointly_before(text: str, start: int, end: int, lang: str) -> bool:
    """Whether ``text[start:end]``, the words leading up to a quotation, attribute it to
    several people together (Karimov and Huseynova said that “…”): speech without a single
    speaker, so a partial quotation there is no scare quote."""
    lex = lexicon(lang)
    if not lex.and_word or _word_pattern(lex.and_word).search(text, start, end) is None:
        return False  # every list closes with "and" (most lead-ins have none)
    found = _named_before(text, start, end, lang)
    return found is not None and _in_list(text, found, lex)


def listed_before(text: str, start: int, end: int, lang: str) -> tuple[str, ...]:
    """:func:`listed_after` for the words leading up to a quotation (Karimov and Huseynova
    said: “…)."""
    lex = lexicon(lang)
    if not lex.and_word or _word_pattern(lex.and_word).search(text, start, end) is None:
        return ()
    found = _named_before(text, start, end, lang)
    return listed_names(text, found, lex) if found is not None else ()


#: How far from a listed name the rest of its list may reach.
_LIST_REACH = 160


def listed_names(text: str, name: Name, lex: Lexicon) -> tuple[str, ...]:
    """Every name of the list of speakers ``name`` is one of (see :func:`_in_list`), as
    written, each without the lower-case role before it (pianist Ayten Huseynova); () when
    ``name`` is on no list. A joint statement has no single speaker, yet a translation
    must name each of them."""
    if not _in_list(text, name, lex):
        return ()
    for match in _list_span(lex.and_word).finditer(text, max(0, name.start - _LIST_REACH),
                                                   min(len(text), name.end + _LIST_REACH)):
        if match.start() <= name.start and name.end <= match.end():
            parts = _list_split(lex.and_word).split(match.group())
            return tuple(_without_role(found.group().split(), lex)
                         for part in parts if (found := _LIST_ITEM.search(part)) is not None)
    return ()


def _without_role(words: list[str], lex: Lexicon) -> str:
    """A listed name without the role or title a sentence start capitalises (Pianist Ayten
    Huseynova and …)."""
    while len(words) > 1 and (fold(words[0]) in lex.roles or words[0] in lex.titles):
        words = words[1:]
    return " ".join(words)


_LIST_NAME_WORD = _MAYBE_UPPER + r"[^\W_]*(?:['’\-][^\W_]+)*"
_LIST_UPPER_NAME = _LIST_NAME_WORD + r"(?:\s+" + _LIST_NAME_WORD + r"){0,2}"
#: One name of a list: capitalised words at the end of a part (after a role in lower case).
_LIST_ITEM = re.compile(_LIST_UPPER_NAME + "$")


@lru_cache(maxsize=None)
def _list_span(and_word: str) -> re.Pattern[str]:
    """A list of names (each after up to two lower-case words of a role) closed by "and"."""
    item = r"(?:[^\W\d_]+\s+){0,2}?" + _LIST_UPPER_NAME
    return re.compile(r"(?<![^\W_])" + _LIST_UPPER_NAME + r"(?:\s*,\s*" + item + r")*,?\s+"
                      + re.escape(and_word) + r"\s+" + item)


@lru_cache(maxsize=None)
def _list_split(and_word: str) -> re.Pattern[str]:
    """What separates the names of a list: a comma, "and", or both."""
    return re.compile(r"\s*,\s*(?:" + re.escape(and_word) + r"\s+)?|\s+" + re.escape(and_word)
                      + r"\s+")


@lru_cache(maxsize=None)
def _word_pattern(word: str) -> re.Pattern[str]:
    """``word`` standing alone (not inside another word), whatever spaces surround it."""
    return re.compile(r"(?<![^\W_])" + re.escape(word) + r"(?![^\W_])")


def _named_before(text: str, start: int, end: int, lang: str) -> Name | None:
    """The name the patterns of :func:`speaker_before` find, on a list of speakers or not."""
    lex = lexicon(lang)
    tokens = tokenize(text, start, end)
    tail = text[tokens[-1].end:end] if tokens else ""
    if not tokens or not _LEAD_IN_TAIL.fullmatch(tail):
        return None
    words = [fold(t.text) for t in tokens]
    return (_before_according_to(text, tokens, words, lang, lex)
            or _before_genitive(text, tokens, words, lang, lex)
            or _speech_owner(text, tokens, words, lex, tail)
            or _before_verb(text, tokens, words, lex, tail)
            or _before_colon(text, tokens, words, lex, tail))


def resolve(name: Name, segment: int, mentions: list[Mention], speakers: list[Mention],
            lang: str, *, since: int | None = None) -> str | None:
    """The full name ``name`` (found in ``segment``) stands for, from what the article
    said before it.

    A surname resolves to the last earlier full name that ends with it; a pronoun to the
    one person of compatible gender mentioned from segment ``since`` on (by default the
    previous paragraph; None when there are several or none). Other names stay as written.
    """
    before = [m for m in mentions if (m.segment, m.name.start) < (segment, name.start)]
    if name.pronoun:
        start = segment - 1 if since is None else since
        return _resolve_pronoun(name, start, before, speakers, lang, segment)
    if name.given:
        return _resolve_given_name(name.text, before, lang)
    return _resolve_name(name.text, before, lang, name.base)


def _resolve_given_name(written: str, before: list[Mention], lang: str) -> str:
    """The last earlier full name that opens with the given name ``written`` (Səbinə
    xanım → Səbinə Vaqif qızı Əliyeva), else the name as written."""
    match = next((m for m in reversed(before) if len(m.name.words) > 1
                  and same_word(m.name.words[0], written, lang)), None)
    return written if match is None else match.name.text


def resolves_to_itself(name: Name, lang: str) -> bool:
    """Whether :func:`resolve` returns ``name.text`` whatever the article said before,
    given mentions found by :func:`names_in` (whose texts are single-spaced).

    That holds for a name of two words or more, written single-spaced, in a language
    where :func:`same_word` is plain equality: an earlier mention can only match it word
    for word, and then the first such mention is spelled exactly like it. Callers use it
    to skip searching the article for names.
    """
    return not name.pronoun and name.base is None and lang not in _INFLECTED \
        and " " in name.text and name.text == " ".join(name.text.split())


def same_word(left: str, right: str, lang: str) -> bool:
    """Equal words, allowing case endings in Russian and Azerbaijani (Алиева ~ Алиев)."""
    if left == right:
        return True
    if lang not in _INFLECTED or min(len(left), len(right)) < 4:
        return False
    short, long_ = sorted((left, right), key=len)
    stem = short[:-1] if lang == "ru" and short[-1] in "аяйь" else short
    return long_.startswith(stem) and len(long_) - len(stem) <= (3 if lang == "ru" else 5)


def guess_gender(name: Name) -> str | None:
    """Gender from the surname ending (Mammadova, Алиева), if the name has one."""
    if name.gender or len(name.words) < 2:
        return name.gender
    return _words_gender(name.words)


def _words_gender(words: list[str]) -> str | None:
    """The gender a name's closing patronymic (Həsən qızı) or surname ending gives."""
    return _PATRONYMICS.get(words[-1]) or _surname_gender(words[-1].lower())[1]


def _name_at(text: str, tokens: list[Token], index: int, lex: Lexicon,
             pronouns: bool = True) -> tuple[Name | None, int]:
    """The name group (or pronoun) starting at ``tokens[index]`` and the index after it.

    Titles and sentence starters in front are dropped (President Ilham Aliyev → Ilham
    Aliyev, noting a person); a run longer than three words is two names side by side
    (deyə Natiq Cəfərli Meydan TV-yə bildirib), so only its first two words are taken.
    """
    first = tokens[index]
    if pronouns and fold(first.text) in lex.pronouns and fold(first.text) not in lex.not_subjects:
        gender = lex.pronouns[fold(first.text)]
        return Name(first.start, first.end, first.text, pronoun=True, gender=gender), index + 1
    if first.text in lex.particles or not first.text[0].isupper() \
            or lex.is_dative_name(first.text) or lex.is_comitative_name(first.text) \
            or _dative_pair([first.text, *(t.text for t in tokens[index + 1:index + 2])], 0, lex):
        return None, index + 1  # no group starts here: most words are lower case
    end = index
    while end < len(tokens) and _name_word(tokens, end, index, text, lex):
        end += 1
    end = index + _name_length([t.text for t in tokens[index:end]], lex)
    skip, keep = _place_bounds([t.text for t in tokens[index:end]], lex,
                               tokens[index - 1].text if index else "")
    if skip and _owner_or_given(tokens[index:end], lex, tokens[index - 1].text if index else ""):
        name, after = _name_at(text, tokens, index + 1, lex, pronouns=False)
        return (replace(name, opening=first.start) if name is not None else None), after
    if skip:
        return None, index + 1
    end = index + keep
    if end < len(tokens) and text[tokens[end - 1].end:tokens[end].start].isspace():
        end = index + _before_addressee([t.text for t in tokens[index:end + 1]], end - index, lex)
    group = tokens[index:end]
    lead = _leading(group, lex)
    lead = group[:len(lead) + _inner_title_end([t.text for t in group[len(lead):]], lex)]
    core = group[len(lead):]
    while lead and len(core) > 1 and core[0].text in lex.particles:
        lead, core = group[:len(lead) + 1], core[1:]  # Onun oğlu Rəşad Kərimov: his son
    owned = _after_possessive(core)
    if owned:
        lead, core = group[:len(lead) + owned], core[owned:]  # Kenya's Daniel Kipchumba
    if lead and _russian_lead([t.text for t in core], lex, lead[-1].text):
        lead, core = group[:len(lead) + 1], core[1:]  # Президент Азербайджана Ильхам Алиев
    before = lead[-1].text if lead else tokens[index - 1].text if index else ""
    if _owner_first(core, lex, before):
        lead, core = group[:len(lead) + 2], core[2:]  # коллега Рауфа Мирзаева Гюнель Сафарова
    noun = not lead and _sentence_noun([t.text for t in core], lex) \
        and _starts_sentence(text, core[0].start)
    if noun:
        lead, core = group[:1], core[1:]  # Критик Эльвин Гулиев написал: a critic, named
    if len(core) in (3, 4) and _organisation_first(
            [t.text for t in core], lead[-1].text if lead else before,
            not lead and index > 0 and _run_goes_on(text, tokens[index - 1], core[0], lex), lex):
        lead, core = group[:len(lead) + 1], core[1:]  # Посол США Марк Либби: whose envoy
    if not core or (len(core) == 1 and (core[0].text in lex.function_words
                                        or core[0].text == "The"
                                        or lex.is_place_case(core[0].text)
                                        or _role_word(core[0].text, lex))):
        return None, max(end, index + 1)  # (Bakıda bildirib: said in Baku, by someone)
    if _too_long([t.text for t in core], lex.particles):
        after_role = any(t.text in lex.titles or fold(t.text) in lex.roles for t in lead) \
            or _role_before(tokens, index, lex)
        core = _tail_name(core, lex) if after_role else core[:2]
    person = noun or any(t.text in lex.titles or fold(t.text) in lex.roles for t in lead)
    name = Name(core[0].start, core[-1].end, " ".join(text[core[0].start:core[-1].end].split()),
                gender=_title_gender_of([t.text for t in lead]), person=person,
                group=not person and len(core) == 1 and _plural_like(text, core[0], lex),
                opening=group[0].start if noun else None)
    after = index + len(lead) + len(core)
    if len(core) == 1 and _honorific_at(text, tokens, after, lex):
        return replace(name, given=True, person=True, group=False), after + 1
    return name, after


def _honorific_at(text: str, tokens: list[Token], index: int, lex: Lexicon) -> bool:
    """Whether ``tokens[index]`` is a polite title after the one-word name before it
    (Səbinə xanım, Pərviz bəy): a given name's, never a surname's (Kərimova müəllim
    işləyir: works as a teacher)."""
    return bool(lex.honorifics) and 0 < index < len(tokens) \
        and fold(tokens[index].text) in lex.honorifics \
        and text[tokens[index - 1].end:tokens[index].start].isspace() \
        and not _surname_gender(fold(tokens[index - 1].text))[0]


def _plural_like(text: str, word: Token, lex: Lexicon) -> bool:
    """Whether an English one-word name may be a plural noun: one of the plural endings no
    common surname has (Residents, Locals), or any -s ending where only the sentence start
    capitalises the word (Players, Fans; but also Adams, Jones). Not -ss, -us, -is (Ross,
    Brutus, Lewis), nor a possessive."""
    folded = fold(word.text)
    if lex is not ENGLISH or len(folded) < 4 or folded[-1] != "s":
        return False
    if len(folded) > 5 and folded.endswith(_EN_GROUP_PLURALS):
        return True
    return folded[-2] not in "siu'’" and _starts_sentence(text, word.start)


def may_be_group(name: Name, resolved: str | None) -> bool:
    """Whether ``name``, which the article's earlier names resolve to ``resolved``, is
    better taken for a group than a person: a plural-like word (:attr:`Name.group`) that no
    earlier full name ends with (Players said: “…”; Clements said: “…” after Ruth Clements
    was introduced is hers)."""
    return name.group and resolved in (None, name.text)


#: The end of a patronymic (Nurlanovich, Ахмедовна, Nurlanuly): in a name's middle or, in the
#: surname-first order, at its end (Керимов Самир Ахмедович).
_PATRONYMIC_END = re.compile(r"(?:ovich|evich|ovna|evna|uly|qyzy|kyzy|ович|евич|овна|евна|ична)$")
#: What may stand between a sentence's end and its first word: spaces, a closing quotation
#: mark or bracket, Markdown emphasis and block-quote marks, an opening mark or dash.
_SENTENCE_GAP = frozenset(" \t\n\"'”’»)]*_>#“‘«„(—–-")


def _owner_first(core: list[Token], lex: Lexicon, before: str) -> bool:
    """Whether a Russian group of two full names after a role starts with the genitive of
    the person the role ties to (коллега Рауфа Мирзаева Гюнель Сафарова: Mirzayev's
    colleague Safarova; соседка Эльмиры Гусейновой Лала Мамедова): the speaker is the second name. Both end in a surname ending and
    the third word is no patronymic."""
    return bool(lex.patronymic) and len(core) == 4 and fold(before) in lex.roles \
        and not any(t.text in lex.particles for t in core) \
        and (_surname_gender(fold(core[1].text))[0] or lex.is_oblique_female(core[1].text)) \
        and _surname_gender(fold(core[3].text))[0] \
        and not lex.is_patronymic(core[2].text)


def _role_before(tokens: list[Token], index: int, lex: Lexicon) -> bool:
    """Whether a role stands before ``tokens[index]``, at most three lower-case words back
    (депутат Милли Меджлиса, a member of the Milli Majlis)."""
    for back in range(index - 1, max(-1, index - 4), -1):
        word = tokens[back].text
        if fold(word) in lex.roles:
            return True
        if not word[:1].islower():
            return False
    return False


def _tail_name(core: list[Token], lex: Lexicon) -> list[Token]:
    """The name at the end of a run too long for one name that follows a role: the role's
    body comes first, then the person (депутат Милли Меджлиса Хикмет Бабаоглу): the last
    two words, or three with a patronymic in the middle, and the particles among them
    (Ursula von der Leyen)."""
    middle = core[-2].text
    wanted = 3 if lex.is_patronymic(middle) or _PATRONYMIC_END.search(fold(middle)) else 2
    start = len(core)
    while start > 0 and (wanted or core[start - 1].text in lex.particles):
        start -= 1
        wanted -= core[start].text not in lex.particles
    return core[start:]


def _run_goes_on(text: str, previous: Token, first: Token, lex: Lexicon) -> bool:
    """Whether ``first`` continues a run of capitalised words that ``previous`` belongs to;
    not after a Russian role's owner in the genitive (президент Турции Реджеп Тайип
    Эрдоган: the person's name starts after it)."""
    return previous.text[:1].isupper() and previous.text not in lex.particles \
        and text[previous.end:first.start].isspace() \
        and not (lex.patronymic and _genitive_owner(previous.text))


def _organisation_first(core: list[str], before: str, mid_run: bool, lex: Lexicon) -> bool:
    """Whether the first of a group's three words ``core`` ends the name of the body a role
    belongs to, not the person's (Посол США Марк Либби, Президент Франции Эмманюэль Макрон,
    Депутат Милли Меджлиса Хикмет Бабаоглу, Member of the Milli Majlis Hikmet Babaoglu):
    an acronym; the tail of a longer capitalised run (``mid_run``), which no name of three
    words is; or, after a role (the word ``before`` the three), a Russian word in the
    genitive (-ии; or -а, -я, -ы, -и before a surname that is not a woman's, which a
    woman's given name would need). A patronymic or a particle in the group (Хикмет
    Гаджиевич Бабаоглу, Ursula von der Leyen) keeps it a name; so does nothing of this, as
    a person may have two given names (Leyla Nigar Huseynova). Before a name of three words
    (президент Турции Реджеп Тайип Эрдоган) only an acronym or, after a role, a genitive in
    -ии is taken for the body: Милли Меджлиса Хикмет Бабаоглу is a run too long for one
    name, which :func:`_tail_name` reads."""
    if len(core) not in (3, 4) or any(word in lex.particles for word in core) \
            or any(lex.is_patronymic(word) or _PATRONYMIC_END.search(fold(word)) for word in core[1:-1]):
        return False
    if len(core[0]) > 1 and core[0].isupper():
        return True
    if len(core) == 4:
        return bool(lex.patronymic) and fold(before) in lex.roles and fold(core[0]).endswith("ии")
    if mid_run:
        return True
    if not lex.patronymic or fold(before) not in lex.roles:
        return False
    folded = fold(core[0])
    return folded.endswith("ии") or (folded[-1:] in ("а", "я", "ы", "и")
                                     and _surname_gender(fold(core[2]))[1] != "f")


def _sentence_noun(words: list[str], lex: Lexicon) -> bool:
    """Whether a group's first word is a common noun that only the sentence start
    capitalises (Критик Эльвин Гулиев, Зрительница Севиндж Мамедова, Critic Elvin Guliyev,
    Tənqidçi Elvin Quliyev): the group is a given name and a surname (the last word has a
    surname ending, the middle is no patronymic) after a word that is no surname, and no
    name of that shape has a third word in front. A lexicon's roles cannot list every
    such noun (critic, viewer, witness, neighbour …). An Azerbaijani patronymic between
    the given name and the surname (Реставратор Гюнай Ахмед кызы Велиева) is the father's
    name and its particle, so it is left out of the shape."""
    if len(words) == 5 and words[3] in _PATRONYMICS and words[2] not in lex.particles:
        words = [words[0], words[1], words[4]]
    return len(words) == 3 and not any(word in lex.particles for word in words) \
        and _surname_gender(fold(words[2]))[0] and not _surname_gender(fold(words[0]))[0] \
        and not _surname_gender(fold(words[1]))[0] and not lex.is_patronymic(words[1]) \
        and not _PATRONYMIC_END.search(fold(words[1])) \
        and not _PATRONYMIC_END.search(fold(words[2])) and words[0] not in lex.calendar


def _starts_sentence(text: str, position: int) -> bool:
    """Whether the word at ``position`` starts a sentence (or the text): only spaces,
    quotation marks, brackets and Markdown marks stand between it and the text's start,
    a full stop, question or exclamation mark, or a time and a dash (a live blog's entry)."""
    before = position
    while before > 0 and text[before - 1] in _SENTENCE_GAP:
        before -= 1
    # 12:40 — Судья Орхан Алиев: a dash after a live blog's time opens an entry
    return before == 0 or text[before - 1] in ".!?…" \
        or (text[before - 1].isdigit() and any(c in "—–" for c in text[before:position]))


#: English plural endings few surnames have (Witnesses, Residents, Locals; Protesters is not
#: among them: Peters, Rogers), for groups that no role list names; a surname that has one
#: (Clements) is a person's where the article introduced the full name (:func:`may_be_group`).
_EN_GROUP_PLURALS = ("sses", "ists", "ians", "ents", "ants", "ees", "als")


def _role_word(word: str, lex: Lexicon) -> bool:
    """Whether ``word``, alone, is a role or its plural, capitalised as a sentence starts
    (Experts said: / Эксперты заявили: / Ekspertlər bildirib: / Эксперт заявил:): people
    not named, whom a translation names by the word of its own language, not the sound."""
    folded = fold(word)
    return folded in lex.roles \
        or (folded[-1:] in ("s", "ы", "и") and folded[:-1] in lex.roles) \
        or (folded.endswith("es") and folded[:-2] in lex.roles) \
        or (folded.endswith("ies") and folded[:-3] + "y" in lex.roles) \
        or (folded.endswith("и") and folded[:-1] + "ь" in lex.roles) \
        or (folded.endswith(_AZ_PLURALS) and folded[:-3] in lex.roles)


def _name_word(tokens: list[Token], position: int, first: int, text: str,
               lex: Lexicon) -> bool:
    token = tokens[position]
    if position > first and not _name_gap(tokens[position - 1], text[tokens[position - 1].end:token.start], lex):
        return False
    if position > first and _cyrillic(tokens[position - 1].text) != _cyrillic(token.text):
        return False  # сказал Джафарли Meydan TV: no name is half in another alphabet
    if token.text in lex.particles:
        return position > first
    return token.text[0].isupper() and not lex.is_dative_name(token.text) \
        and not lex.is_comitative_name(token.text) \
        and not _dative_pair([t.text for t in tokens[position:position + 2]], 0, lex) \
        and not (position > first and _addressed_after([tokens[position - 1].text, token.text],
                                                       1, lex))


def _script_changes_at(tokens: list[Token], index: int) -> bool:
    """Whether ``tokens[index]`` is in another alphabet than the token before it."""
    return 0 < index < len(tokens) and _cyrillic(tokens[index - 1].text) != _cyrillic(tokens[index].text)


#: How many more Latin words a body's name in Latin letters may have after its first
#: capitalised ones (Bank of China, Bank of America Merrill Lynch).
_LATIN_BODY_WORDS = 4


def _past_latin_words(tokens: list[Token], index: int) -> int:
    """The index after the Latin words from ``tokens[index]`` on, when a Cyrillic word
    follows them (стратега Bank of China Ли Вэя: the body's name goes on past its small
    words), else ``index``."""
    end = index
    while end < min(len(tokens), index + _LATIN_BODY_WORDS) and not _cyrillic(tokens[end].text):
        end += 1
    return end if end < len(tokens) and _cyrillic(tokens[end].text) else index


def _cyrillic(word: str) -> bool:
    """Whether ``word`` opens with a Cyrillic letter (Джафарли; not Meydan, BBC)."""
    return "\u0400" <= word[:1] <= "\u052f"


def _addressed_after(words: list[str], index: int, lex: Lexicon) -> bool:
    """Whether ``words[index]`` is a surname in the dative right after another surname
    (deyə Hüseynova Kərimova bildirib; сказала Гусейнова Керимовой): the person spoken to.
    Only an ending that tells a gender counts (-ov, -ova, -ев …): some given names end like
    the others (Шахлы, Лейлы in по словам Лейлы Гусейновой; Şahzadə)."""
    return index > 0 and bool(lex.dative_after_surname) and lex.is_dative_after(
        _surname_gender(fold(words[index - 1]))[1] is not None, words[index])


def _dative_pair(words: list[str], index: int, lex: Lexicon) -> bool:
    """Whether ``words[index:index + 2]`` are a given name and surname in the dative, the
    person spoken to (сказал Азер Гасымлы Ильхаму Алиеву): not part of a name before.
    A word with a surname ending is the speaker's surname (сказал Натиг Джафарли Алиеву),
    and a dative set off by a hyphen is an abbreviation's or an outlet's, never a person's
    (Rişi Sunak Reuters-ə bildirib: Sunak is the speaker's)."""
    return bool(lex.dative_given) and index + 1 < len(words) \
        and lex.is_dative_given(words[index]) \
        and lex.is_dative_name(words[index + 1]) and "-" not in words[index + 1] \
        and not _surname_gender(fold(words[index]))[0]


def _name_gap(previous: Token, gap: str, lex: Lexicon) -> bool:
    """Whether ``gap`` may separate two words of one name: spaces, or a full stop and
    spaces after a title abbreviation or an initial (said Mr. Karimov / Dr. Samir Karimov,
    сказал С. А. Керимов, Дж. Гусейнов); the full stop would otherwise end the name at "Mr",
    "С" or "Дж"."""
    if gap.isspace():
        return True
    abbreviation = previous.text in lex.titles or is_initial(previous.text)
    return abbreviation and gap[:1] == "." and gap[1:].isspace() and len(gap) > 1


def _leading(group: list[Token], lex: Lexicon) -> list[Token]:
    """Title and sentence-starter words at the front of a group (not part of the name)."""
    strip = 0
    while strip < len(group) - 1 and (group[strip].text in lex.titles
                                       or group[strip].text in lex.function_words
                                       or fold(group[strip].text) in lex.roles):
        strip += 1
    return group[:strip]


def _according_to(text: str, tokens: list[Token], index: int, lang: str, lex: Lexicon,
                  words: list[str]) -> Name | None:
    """“…,” according to X: ``words`` are the tokens folded (see :func:`fold`)."""
    pronoun = _pronoun_according_to(text, tokens, words, index, lex)
    if pronoun is not None:
        return pronoun
    for phrase in lex.according_to_by_first.get(words[index], ()):
        if tuple(words[index:index + len(phrase)]) == phrase and index + len(phrase) < len(tokens):
            return _in_case(_name_after_roles(text, tokens, index + len(phrase), lex),
                            phrase, lang, lex)
    return None


#: What ends an "according to" clause after its last word: punctuation or a dash.
_CLAUSE_END = re.compile(r"\s*[,.;:!?)—–\-]")


def _pronoun_according_to(text: str, tokens: list[Token], words: list[str], index: int,
                          lex: Lexicon) -> Name | None:
    """The pronoun of an "according to" phrase starting at ``tokens[index]`` (according to
    him, по её словам, onun sözlərinə görə) that ends its clause: then the pronoun stands
    for the speaker (not according to his lawyer, whose speaker is the lawyer)."""
    at, size = lex.pronoun_according_to(words, index)
    if not size:
        return None
    end = index + size
    if end < len(tokens) and not _CLAUSE_END.match(text, tokens[end - 1].end, tokens[end].start):
        return None
    word = tokens[at]
    return Name(word.start, word.end, word.text, pronoun=True, gender=lex.pronouns.get(words[at]))


def _in_case(name: Name | None, phrase: tuple[str, ...], lang: str,
             lex: Lexicon) -> Name | None:
    """``name`` with its nominative when ``phrase`` puts it in the genitive."""
    if name is None or name.pronoun or phrase not in lex.according_to_genitive:
        return name
    base = nominative(name.text, lang)
    return name if base is None or base == name.text else replace(name, base=base)


def _deye(text: str, tokens: list[Token], index: int, lang: str, lex: Lexicon) -> Name | None:
    """Azerbaijani “…” deyə X bildirib: the name right after deyə is the speaker."""
    if lang != "az" or fold(tokens[index].text) != "deyə" or index + 1 >= len(tokens):
        return None
    name = _name_after_roles(text, tokens, index + 1, lex)
    return _without_page_owner(text, tokens, name, lex) if name is not None and " " in name.text else name


#: How many words a bracketed aside between a name and its verb may hold (Samir Karimov
#: (pictured) said; Лейла Гусейнова (на фото) сказала; Kərimov (solda) bildirib).
_BRACKET_TOKENS = 4


def _before_brackets(text: str, tokens: list[Token], verb: int) -> int:
    """``verb``, or where a bracketed aside right before it opens (Samir Karimov (pictured)
    said: “…): the name ends before the brackets."""
    if verb < 2 or ")" not in text[tokens[verb - 1].end:tokens[verb].start]:
        return verb  # (most lead-ins: no brackets)
    for opening in range(verb - 1, max(0, verb - 1 - _BRACKET_TOKENS), -1):
        gap = text[tokens[opening - 1].end:tokens[opening].start] if opening else ""
        if ")" in gap:
            return verb
        if "(" in gap:
            return opening
    return verb


def _brackets_size(text: str, tokens: list[Token], index: int) -> int:
    """How many tokens from ``index`` a bracketed aside holds (“…,” Samir Karimov (left)
    said); 0 when none opens right before ``tokens[index]``."""
    if index < 1 or "(" not in text[tokens[index - 1].end:tokens[index].start]:
        return 0
    for closing in range(index, min(len(tokens), index + _BRACKET_TOKENS)):
        end = tokens[closing + 1].start if closing + 1 < len(tokens) else len(text)
        if ")" in text[tokens[closing].end:end]:
            return closing + 1 - index
    return 0


def _before_outlet(tokens: list[Token], noun: int) -> int:
    """Where the speaker's name ends before an outlet named before its noun ``tokens[noun]``
    (Samir Kərimov Turan agentliyinə: to the Turan agency): back over the outlet's
    capitalised words to a surname; ``noun + 1`` (nothing passed over) without one."""
    start = noun
    while start > 1 and noun - start < _MAX_NAME_TOKENS and tokens[start - 1].text[:1].isupper() \
            and not _surname_gender(fold(tokens[start - 1].text))[0]:
        start -= 1
    return start if start < noun and _surname_gender(fold(tokens[start - 1].text))[0] else noun + 1


def _without_page_owner(text: str, tokens: list[Token], name: Name, lex: Lexicon) -> Name:
    """``name`` without a last word that owns the lower-case locative after it, or that
    names the outlet of the dative noun after it, where the word before is a surname (deyə
    Ceyhun Bayramov Facebook səhifəsində bildirib: on his Facebook page; deyə Samir Kərimov
    Turan agentliyinə bildirib: to the Turan agency), as :func:`_name_before` cuts it."""
    after = next((i for i, token in enumerate(tokens) if token.start >= name.end), len(tokens))
    last = after - 1
    if after >= len(tokens) or last < 1 or not (lex.is_adverbial(tokens[after].text)
                                                or lex.is_outlet_dative(tokens[after].text)) \
            or tokens[last - 1].start < name.start \
            or _surname_gender(fold(tokens[last].text))[0] \
            or not _surname_gender(fold(tokens[last - 1].text))[0]:
        return name
    end = tokens[last - 1].end
    return replace(name, end=end, text=" ".join(text[name.start:end].split()))


def _name_then_verb(text: str, tokens: list[Token], index: int, lex: Lexicon,
                    words: list[str], folded: list[str]) -> Name | None:
    name, after = _name_at(text, tokens, index, lex)
    if name is None:
        return None
    if " " in name.text and lex is AZERBAIJANI:
        owned = _without_page_owner(text, tokens, name, lex)  # – Kərimov Facebook hesabında yazıb
        after -= owned is not name
        name = owned
    for _ in range(_MAX_ASIDES):
        size = lex.aside_at(folded, after) if after < len(tokens) else 0
        if not size and after < len(tokens) and lex.is_dative_name(words[after]):
            size = 1  # the person spoken to: Kərimov Əliyevə deyib, o, Əliyevə deyib
        elif not size and after < len(tokens) and _addressee_run(words, after, lex):
            size = _addressee_run(words, after, lex)  # Kərimov Meydan TV-yə bildirib
        elif not size and _dative_pair(words, after, lex):
            size = 2  # Гасымлы Ильхаму Алиеву сказал
        elif not size and after < len(tokens) and _addressed_after(words, after, lex):
            size = 1  # Hüseynova Kərimova bildirib
        elif not size and after < len(tokens) and lex.is_place_case(words[after]):
            size = 1  # Kərimov Londonda bildirib: where, not who
        elif not size and after < len(tokens):
            size = _comitative_run(words, after, lex)  # Samir Kərimovla: with whom
        if not size and after + 1 < len(tokens):
            size = _place_phrase_size(text, tokens, after, lex)  # Karimov in London told me
        if not size and after < len(tokens):
            size = lex.ablative_phrase_at(folded, after) \
                or _adverbial_size(words, after, lex) \
                or _brackets_size(text, tokens, after)  # görüşdən sonra, Facebook səhifəsində, (left)
        if not size:
            break
        after += size
    if after < len(tokens) and _verb_size(folded, after, lex):
        return None if _group_subject(name, folded[after], lex) \
            and not _in_list(text, name, lex) else _agreeing(name, folded[after], lex)
    appositive = _appositive_then_verb(text, tokens, after, folded, lex)
    return replace(name, group=False) if appositive and name.group else name if appositive else None


def _agreeing(name: Name, verb: str, lex: Lexicon) -> Name:
    """``name`` as one person's when the English speech verb after it is in the singular
    (Adams says, Jones tells): a plural noun takes say, tell."""
    if name.group and lex is ENGLISH and verb.endswith("s") and not verb.endswith("ss"):
        return replace(name, group=False)
    return name


def _group_subject(name: Name, verb: str, lex: Lexicon) -> bool:
    """Whether a one-word ``name`` before a speech verb in the plural is a group, not a
    person (Очевидцы рассказали, Горожане говорят, Sakinlər bildiriblər): a person named by
    one word takes a verb in the singular, unless a list of names ends with it (Гасымлы и
    Керимов заявили: callers ask :func:`_in_list`)."""
    return not name.pronoun and " " not in name.text and lex.is_plural_verb(verb)


def _adverbial_size(words: list[str], index: int, lex: Lexicon) -> int:
    """How many of ``words`` from ``index`` say where the speaker said it (səhifəsində,
    Facebook səhifəsində, müsahibəsində): a lower-case locative, maybe after one capitalised
    word that is no surname (its owner or outlet); 0 when none."""
    if lex.is_adverbial(words[index]):
        return 1
    if index + 1 < len(words) and words[index][:1].islower() and lex.is_adverbial(words[index + 1]):
        return 2  # mətbuat konfransında, öz çıxışında: a locative and the word it follows
    if index + 1 < len(words) and words[index][0].isupper() and lex.is_adverbial(words[index + 1]) \
            and not _surname_gender(fold(words[index]))[0]:
        return 2
    return 0


#: How many words an appositive between a name and its verb may have (“…,” Karimov, an
#: economist at the Baku institute, said).
_APPOSITIVE_TOKENS = 10


def _appositive_then_verb(text: str, tokens: list[Token], after: int, folded: list[str],
                          lex: Lexicon) -> bool:
    """Whether ``tokens[after:]`` are an appositive between commas and then a speech verb:
    “…,” Karimov, 54, said / “…,” Karimov, an economist, said."""
    if after == 0 or after >= len(tokens) \
            or text[tokens[after - 1].end:tokens[after].start].strip() != ",":
        return False
    for index in range(after + 1, min(len(tokens), after + _APPOSITIVE_TOKENS)):
        gap = text[tokens[index - 1].end:tokens[index].start].strip()
        if gap == ",":
            return bool(_verb_size(folded, index, lex))
        if gap:
            return False
    return False


def _verb_then_name(text: str, tokens: list[Token], index: int, lex: Lexicon,
                    words: list[str], folded: list[str]) -> Name | None:
    size = _verb_size(folded, index, lex)
    if not size or words[index].lower() in lex.addressee_verbs or index + size >= len(tokens) \
            or _negated(folded, index, lex):
        return None
    return _name_after_roles(text, tokens, index + size, lex) \
        or _name_after_object(text, tokens, index + size, lex, folded, feminine=_feminine_past(folded[index]))


def _negated(folded: list[str], index: int, lex: Lexicon) -> bool:
    """Whether the speech verb at ``folded[index]`` is denied (— не сказал Алиев): the
    words are then nobody's, as before a colon (Алиев не говорил: «…»); a verb whose
    phrase holds the negation itself (не согласился) is never at ``index`` after it."""
    return index > 0 and folded[index - 1] == "не" and lex.and_word == "и"


#: A Russian speech verb in the feminine past (прокомментировала, сообщила, добавилась).
_RU_FEMININE_PAST = re.compile(r"[а-яё]+ла(?:сь)?")


def _feminine_past(verb: str) -> bool:
    """Whether the Russian speech verb ``verb`` (folded) is in the feminine past, so its
    subject is a woman: a name after it reading as a man's genitive (Лейла Алиева: Лейл
    Алиев?) is her name in the nominative."""
    return _RU_FEMININE_PAST.fullmatch(verb) is not None


def _name_after_object(text: str, tokens: list[Token], index: int, lex: Lexicon,
                       folded: list[str], feminine: bool = False) -> Name | None:
    """The Russian subject after a speech verb and its object (— прокомментировал ситуацию
    Рауф Алиев): one lower-case word, then a name of two words or more that ends the
    clause and is in the nominative, so that the owner of the object in the genitive
    (— прокомментировал заявление Рауфа Алиева) is never taken for the speaker. After a
    verb in the feminine (— прокомментировала ситуацию Лейла Алиева) a name that reads as
    a man's genitive is the woman who speaks: the owner would not agree with the verb."""
    if lex.and_word != "и" or index + 2 >= len(tokens) or not tokens[index].text[0].islower() \
            or not tokens[index + 1].text[0].isupper() or folded[index] in lex.roles \
            or text[tokens[index].end:tokens[index + 1].start] != " ":
        return None
    name, after = _name_at(text, tokens, index + 1, lex)
    if name is None or name.start != tokens[index + 1].start or " " not in name.text \
            or nominative(name.text, "ru") is not None and not (feminine and surname_gender(name.text) == "f"):
        return None
    if after < len(tokens) and not _CLAUSE_END.match(text, tokens[after - 1].end, tokens[after].start):
        return None
    return name


def _verb_size(folded: list[str], index: int, lex: Lexicon) -> int:
    """:meth:`Lexicon.verb_at` on words already folded, so a sentence is folded once."""
    for size in (2, 1):
        if index + size <= len(folded) and tuple(folded[index:index + size]) in lex.verbs:
            return size  # (at the last word a two-word slice holds one: not a two-word verb)
    return 0


def _name_after_roles(text: str, tokens: list[Token], index: int, lex: Lexicon) -> Name | None:
    """A name at ``tokens[index]``, past an article and up to three lower-case words that
    end in a role (said political scientist Azer Gasimli / заявил политолог Азер Гасымлы)."""
    if index + 1 < len(tokens) and tokens[index].text in _ARTICLES:
        index += 1
    if index + 1 < len(tokens) and tokens[index].text[0].isdigit() \
            and tokens[index + 1].text.capitalize() not in lex.calendar:
        index += 1  # an age: сказал 54-летний Самир Керимов, said 54-year-old Samir Karimov
    words = [t.text for t in tokens[index:index + 12]]  # (a name is near: no more needed)
    start = index
    while index + 1 < len(tokens) and (spoken_to := lex.addressee_at(words, index - start)):
        index += spoken_to  # сказал Ильхаму Алиеву Керимов: the person spoken to comes first
    circumstance = False
    for _ in range(_MAX_ASIDES):
        # заявил в Баку министр Сергей Лавров: where, not who; 5 марта: when
        if index + 2 < len(tokens) and (
                (fold(tokens[index].text) in lex.place_prepositions and tokens[index + 1].text[0].isupper())
                or (tokens[index].text.isdigit() and tokens[index + 1].text.capitalize() in lex.calendar)):
            # (wrote in The Times: the article opens the place's name, not the speaker's)
            index += 3 if tokens[index + 1].text in _CAPITALISED_ARTICLES else 2
            continue
        passed = index < len(tokens) and (_companion_size(tokens, index, lex)
                                          or _circumstance_size(tokens, index, lex))
        if passed:
            index += passed  # сказала в беседе с Самиром Керимовым Гюнель Сафарова
            circumstance = True
            if index + 2 < len(tokens) and len(tokens[index].text) > 1 and tokens[index].text.isupper() \
                    and tokens[index + 1].text[0].isupper():
                index += 1  # сказал в интервью ТАСС Сергей Лавров: the outlet, then who
            continue
        # сказала журналистам Айтан Исмайлова / заявил в понедельник Самир Керимов; only a
        # lower-case aside, so a name that ends like an adverb (Kelly) is not passed over
        if index >= len(tokens) or not tokens[index].text[0].islower():
            break
        aside = lex.aside_at([fold(t.text) for t in tokens[index:index + 3]], 0)
        if not aside or index + aside >= len(tokens):
            break
        index += aside
    for skip in range(_WORDS_BEFORE_NAME):
        position = index + skip
        if position >= len(tokens):
            return None
        role = any(fold(t.text) in lex.roles for t in tokens[index:position])
        if role and fold(tokens[position - 1].text) in _ROLE_OF:
            return None  # a spokesman for the Port of Baku: the name is the employer's
        if role and _body_adjective(text, tokens, position):
            continue  # глава Минской группы ОБСЕ Игорь Попов: whose head, then who
        if role and tokens[position].text.isupper() and position + 1 < len(tokens) \
                and _past_name_in_marks(text, tokens, position + 1) > position + 1:
            continue  # гендиректор ООО «Азерсун Холдинг» Рауф Алиев: the body's legal form
        if (past := _past_name_in_marks(text, tokens, position)) > position \
                and (role or (past < len(tokens) and tokens[past].text[0].isupper())):
            # тренер «Карабаха» Гурбан Гурбанов: whose coach, in marks, then who; сказал
            # «Коммерсанту» Рауф Алиев: to whom (a person's name is never in marks)
            name = _name_at(text, tokens, past, lex)[0] if past < len(tokens) else None
            return None if name is None else _as_person(name)
        if skip == 0 or role:
            name, after = _name_at(text, tokens, position, lex)
            if name is not None and skip == 0 and _role_after_owner(text, tokens, after, name, lex):
                # Bakı Limanının sözçüsü Samir Kərimov: whose spokesman, then who (not an
                # appositive after a comma: said Yerlan Seitkali, deputy head of …)
                return _name_after_roles(text, tokens, after, lex)
            if name is not None and role and not _cyrillic(name.text):
                after = _past_latin_words(tokens, after)  # стратега Bank of China Ли Вэя
            if name is not None and (skip == 0 and circumstance or role and _script_changes_at(tokens, after)):
                # в интервью агентству APA Джейхун Байрамов; вице-президент Microsoft Брэд
                # Смит: the outlet spoken to, or whose the role is, then who
                name = _name_after_outlet(text, tokens, after, name, lex)
            owner = position
            while name is None and role and owner + 1 < len(tokens) and owner < position + 2 \
                    and tokens[owner].text[0].isupper():
                # президент Азербайджана Ильхам Алиев: the country's, then the name (глава
                # МИД России Сергей Лавров: two words name whose head)
                owner += 1
                name, _ = _name_at(text, tokens, owner, lex)
            if name is not None:
                return name if skip == 0 else _as_person(name)
        if not tokens[position].text[0].islower():
            return _name_after_title(text, tokens, position, lex) if skip else None
    return None


def _name_after_title(text: str, tokens: list[Token], position: int, lex: Lexicon) -> Name | None:
    """The name after a capitalised title at ``tokens[position]`` that lower-case words
    open (said former President Joe Biden, said acting Prime Minister Ali Asadov): the
    title is the person's; a capitalised word that is no title (said former Soviet …) gives
    nothing."""
    name, _ = _name_at(text, tokens, position, lex)
    if name is None or name.start <= tokens[position].start:
        return None
    title = [t for t in tokens[position:] if t.end <= name.start]
    return _as_person(name) if any(t.text in lex.titles or fold(t.text) in lex.roles for t in title) else None


#: Marks that open and close a name in quotation marks (a club, a company, a newspaper).
_NAME_OPENERS = frozenset("«“„\"")
_NAME_CLOSERS = frozenset("»”“\"")
#: How many words a name in marks after a role may have («Шеки халвасы», “Open Caucasus”).
_NAME_IN_MARKS_WORDS = 4


def _past_name_in_marks(text: str, tokens: list[Token], position: int) -> int:
    """The index of the token after a capitalised name in quotation marks that opens at
    ``tokens[position]`` (a role's body: тренер «Карабаха», аналитик брокера «Цифра»),
    or ``position`` when no such name opens there."""
    start = tokens[position].start
    if start == 0 or text[start - 1] not in _NAME_OPENERS or not tokens[position].text[0].isupper():
        return position
    for index in range(position, min(len(tokens), position + _NAME_IN_MARKS_WORDS)):
        after = text[tokens[index].end:tokens[index].end + 1]
        if after in _NAME_CLOSERS:
            return index + 1
        if after and not after.isspace():
            return position
    return position


#: The ending of an Azerbaijani genitive, wherever its stem ends (Azərbaycanın, Limanının),
#: also after a hyphen closing an abbreviation (BMT-nin, Aİ-nin, SOCAR-ın).
_AZ_GENITIVE_END = re.compile(r"(?:[^\W\d_]{2}|-n?)[ıiuü]n$")
#: How many lower-case words of a role's field may stand between its owner in the genitive
#: and the role (Azərbaycanın iqtisadiyyat və sənaye naziri).
_OWNER_FIELD_WORDS = 3


def _role_after_owner(text: str, tokens: list[Token], after: int, name: Name,
                      lex: Lexicon) -> bool:
    """Whether a role follows ``name`` (which ends before ``tokens[after]``), making it whose
    role it is: at once (Bakı Limanının sözçüsü), or, when ``name`` ends in an Azerbaijani
    genitive, after lower-case words that say the role's field (Azərbaycanın iqtisadiyyat
    naziri). Only spaces may separate them (said Yerlan Seitkali, deputy head of …: an
    appositive after a comma). A name in marks may take its genitive ending after the
    closing mark (“Qarabağ”ın baş məşqçisi) or be followed by the noun it names, in the
    genitive (“Qarabağ” klubunun baş məşqçisi)."""
    genitive = _AZ_GENITIVE_END.search(name.words[-1]) is not None
    if after < len(tokens) and _ending_after_marks(text, tokens, after):
        after, genitive = after + 1, True
    for position in range(after, min(after + _OWNER_FIELD_WORDS + 1, len(tokens))):
        gap = text[tokens[position - 1].end:tokens[position].start]
        if not (gap.isspace() or (position == after and _CLOSER_THEN_SPACE.fullmatch(gap))) \
                or not tokens[position].text.islower():
            return False
        word = fold(tokens[position].text)
        if word in lex.roles or (word in lex.kinship and genitive):
            return True  # (Kərimovun həyat yoldaşı: whose spouse; kin only after a genitive)
        genitive = genitive or (position == after and _AZ_GENITIVE_END.search(word) is not None)
        if not genitive:
            return False
    return False


#: A closing quotation mark and spaces: what follows a name in marks (“Qarabağ” klubunun).
_CLOSER_THEN_SPACE = re.compile(r"[»”\"]\s+")
#: An Azerbaijani genitive ending written after a name's closing mark (“Qarabağ”ın).
_AZ_GENITIVE_ENDING = re.compile(r"n?[ıiuü]n")


def _ending_after_marks(text: str, tokens: list[Token], position: int) -> bool:
    """Whether ``tokens[position]`` is a genitive ending joined to the closing mark of the
    name before it (“Qarabağ”ın, «Neftçi»nin)."""
    return text[tokens[position - 1].end:tokens[position].start] in ("»", "”", "\"") \
        and _AZ_GENITIVE_ENDING.fullmatch(tokens[position].text) is not None


#: A Russian adjective in an oblique case (Минской, Европейского, Азиатского): capitalised
#: as the first word of a body's name, never the ending of a name in the nominative.
_RU_OBLIQUE_ADJECTIVE = re.compile(r"[А-ЯЁ][а-яё]*(?:ской|ского|цкой|цкого|ного|ной|ого|его)")


def _body_adjective(text: str, tokens: list[Token], position: int) -> bool:
    """Whether ``tokens[position]``, after a role, opens the name of the role's body with an
    adjective in an oblique case, a lower-case noun following it (сопредседатель Минской
    группы, посол Европейского союза): a word to pass over on the way to the name."""
    return position + 1 < len(tokens) \
        and _RU_OBLIQUE_ADJECTIVE.fullmatch(tokens[position].text) is not None \
        and tokens[position + 1].text.islower() \
        and text[tokens[position].end:tokens[position + 1].start].isspace()


def _name_after_outlet(text: str, tokens: list[Token], after: int, name: Name,
                       lex: Lexicon) -> Name:
    """The name right after ``name`` (which ends before ``tokens[after]``) when ``name``
    closes a circumstance after the verb and is the outlet spoken to (сказал в интервью
    агентству APA Джейхун Байрамов: a name group ends where the alphabet changes), else
    ``name``."""
    if after >= len(tokens) or not tokens[after].text[0].isupper() \
            or not text[tokens[after - 1].end:tokens[after].start].isspace():
        return name
    speaker, _ = _name_at(text, tokens, after, lex, pronouns=False)
    return name if speaker is None else speaker


def _companion_size(tokens: list[Token], index: int, lex: Lexicon) -> int:
    """How many tokens from ``index`` name whom the speaker was with, after the verb (с
    Самиром Керимовым, с Лейлой Гусейновой): с and capitalised words up to a surname in the
    instrumental; 0 when none (the speaker's name may follow)."""
    if not lex.comitative_name or index >= len(tokens) \
            or fold(tokens[index].text) not in lex.comitative_words:
        return 0
    for size in range(1, _MAX_NAME_TOKENS + 1):
        if index + size + 1 >= len(tokens) or not tokens[index + size].text[0].isupper():
            return 0
        word = tokens[index + size].text
        if lex.is_comitative_name(word) or lex.is_oblique_female(word):
            return size + 1
    return 0


def _circumstance_size(tokens: list[Token], index: int, lex: Lexicon) -> int:
    """How many tokens from ``index`` say in what the speaker said it, after the verb (в
    беседе, на брифинге, в своём блоге): a preposition and one or two lower-case words, when
    a companion (с …) or a capitalised word follows them; 0 when none."""
    if not lex.place_prepositions or fold(tokens[index].text) not in lex.place_prepositions:
        return 0
    for size in (2, 3):
        word = tokens[index + size - 1].text if index + size < len(tokens) else ""
        if not word[:1].islower() or fold(word) in lex.place_prepositions \
                or fold(word) in lex.comitative_words:
            return 0
        following = tokens[index + size].text
        if following[0].isupper() or _companion_size(tokens, index + size, lex):
            return size
    return 0


def _as_person(name: Name) -> Name:
    return replace(name, person=True)


def _before_according_to(text: str, tokens: list[Token], words: list[str], lang: str,
                         lex: Lexicon) -> Name | None:
    """По словам эколога X, «… / According to X, “…: the name ends the lead-in, or
    where and to whom follow it (Как отметил X в интервью Meydan TV, «… / Как заявил X
    журналистам, «…; see :func:`_circumstance_after`)."""
    first = max(0, len(tokens) - _LEAD_IN_TOKENS - _CIRCUMSTANCE_TOKENS)
    for size in lex._pronoun_phrase_sizes:
        if size <= len(tokens) and lex.pronoun_according_to(words, len(tokens) - size)[1] == size:
            return _pronoun_according_to(text, tokens, words, len(tokens) - size, lex)
    for index in range(first, len(tokens)):
        for phrase in lex.according_to_by_first.get(words[index], ()):
            if tuple(words[index:index + len(phrase)]) == phrase:
                name = _name_after_roles(text, tokens, index + len(phrase), lex)
                if name is not None and (name.end == tokens[-1].end or phrase not in lex.citing
                                         and _circumstance_after(text, tokens, words, name.end, lex)):
                    return _in_case(name, phrase, lang, lex)
    return None


#: How many words may say where and to whom after the speaker's name in a lead-in (Как
#: отметил X в интервью информационному агентству Meydan TV, «…).
_CIRCUMSTANCE_TOKENS = 6


def _circumstance_after(text: str, tokens: list[Token], words: list[str], end: int,
                        lex: Lexicon) -> bool:
    """Whether the words after ``end`` (the speaker's name or verb) up to the lead-in's end
    say only where, when or to whom the speaker said it (в интервью Meydan TV,
    журналистам, in an interview with Meydan TV, at the time): at most a few words, no
    punctuation between them, no speech verb, no "and" (a second speaker: по словам X и Y)
    and no capitalised word with a surname ending (another person: в беседе с Рашадом
    Маммадли)."""
    after = next((i for i, token in enumerate(tokens) if token.start >= end), len(tokens))
    if not 0 < len(tokens) - after <= _CIRCUMSTANCE_TOKENS:
        return False
    for index in range(after, len(tokens)):
        word = tokens[index].text
        if not text[tokens[index - 1].end:tokens[index].start].isspace() \
                or _verb_size(words, index, lex) or words[index] == lex.and_word \
                or (word[0].isupper() and _surname_gender(words[index])[0]):
            return False
    return True


def _after_genitive_at(words: list[str], lex: Lexicon) -> int:
    """How many of the last ``words`` are a phrase of :attr:`Lexicon.after_genitive`."""
    for phrase in lex.after_genitive:
        if tuple(words[-len(phrase):]) == phrase:
            return len(phrase)
    return 0


def _before_genitive(text: str, tokens: list[Token], words: list[str], lang: str,
                     lex: Lexicon, size: int | None = None) -> Name | None:
    """Azerbaijani X-in sözlərinə görə, “… / X-in fikrincə, “…: the name in the genitive
    before the phrase, without a role or title in front (Ekoloq Şəhla Məmmədovanın).
    ``size``: how many of the last words are the phrase, when the caller knows
    (Kərimovun cavabı: a speech noun)."""
    size = _after_genitive_at(words, lex) if size is None else size
    if not size or len(tokens) <= size:
        return None
    last = _before_where_and_whom(tokens, len(tokens) - size - 1, lex)
    written = tokens[last].text
    stem = _az_genitive_stem(written)
    if not written[0].isupper() or _common_noun(stem or written, lex):
        return None
    stem = stem or written  # not sure where the suffix starts: keep the word as written
    first = last
    while first > 0 and last - first < 2 and tokens[first - 1].text[0].isupper() \
            and text[tokens[first - 1].end:tokens[first].start].isspace():
        first -= 1
    while first < last and (tokens[first].text in lex.titles or words[first] in lex.roles
                            or tokens[first].text in lex.function_words):
        first += 1
    start, end = tokens[first].start, tokens[last].start + len(stem)
    return Name(start, end, " ".join(text[start:end].split()), person=True)


def _before_where_and_whom(tokens: list[Token], last: int, lex: Lexicon) -> int:
    """The index of the genitive name's last word when where the speaker said it and to
    whom stand between it and the phrase (X-in Meydan TV-yə müsahibəsində qeyd etdiyi kimi):
    a lower-case locative, and the outlet's capitalised words up to one in the dative."""
    while last > 0:
        word = tokens[last].text
        if lex.is_adverbial(word):
            last -= 1
        elif word[:1].isupper() and lex.is_dative_name(word):
            last -= 1
            while last > 0 and tokens[last].text[:1].isupper() \
                    and _az_genitive_stem(tokens[last].text) is None:
                last -= 1
        else:
            break
    return last


def _common_noun(word: str, lex: Lexicon) -> bool:
    """A capitalised word at a sentence start that names no one: a role or a plural
    (Ekspertlərin fikrincə, Ekoloqun sözlərinə görə)."""
    folded = fold(word)
    return folded in lex.roles or word in lex.function_words \
        or folded.endswith(_AZ_PLURALS) and len(folded) > 5


def introduces_speech(text: str, start: int, end: int, lang: str) -> bool:
    """Whether ``text[start:end]``, the words right before a quotation, attribute it even
    without naming a person: по словам очевидцев, «… / according to the report, “… /
    ekspertlərin fikrincə, “…. The phrase must be followed by a few words and a comma or
    colon, so that по данным «Газпрома» (the quotation is the source) is not one."""
    lex = lexicon(lang)
    tokens = tokenize(text, start, end)
    tail = text[tokens[-1].end:end] if tokens else ""
    if not tokens or not _LEAD_IN_TAIL.fullmatch(tail) or not tail.strip(" —–-"):
        return False
    words = [fold(t.text) for t in tokens]
    if _after_genitive_at(words, lex):
        return True
    for index in range(max(0, len(tokens) - _LEAD_IN_TOKENS), len(tokens) - 1):
        for phrase in lex.according_to_by_first.get(words[index], ()):
            after = index + len(phrase)
            if tuple(words[index:after]) == phrase and 0 < len(tokens) - after <= 4 \
                    and all(text[a.end:b.start].isspace()
                            for a, b in zip(tokens[after:], tokens[after + 1:])):
                return True
    return False


def _before_verb(text: str, tokens: list[Token], words: list[str], lex: Lexicon,
                 tail: str) -> Name | None:
    """X said: “… / said X: “… / X, an economist, said: “… / X bildirib ki, “…"""
    for index in range(len(tokens) - 1, max(-1, len(tokens) - 10), -1):
        size = _verb_size(words, index, lex)
        if not size or index and _verb_size(words, index - 1, lex) == 2:
            continue  # (the verb's last word: не согласился, a two-word verb, starts before)
        rest = words[index + size:]
        if rest and ":" not in tail and _as_clause(text, tokens, words, index, size, lex):
            return _name_before(text, tokens, index, lex)
        if rest and rest not in (["that"], ["ki"], ["что"]) and ":" not in tail \
                and not _that_after_object(rest) and not _reported_clause(text, tokens, index + size, lex):
            return None
        if rest and words[index] not in lex.addressee_verbs and rest not in (["ki"], ["that"]):
            after = _name_after_roles(text, tokens, index + size, lex)
            if after is not None and after.end == tokens[-1].end \
                    and text[after.start - 1:after.start] not in _OPENING_MARKS:
                return after  # (not a name in marks: заявил в интервью «Зеркалу»: an outlet)
        found = _name_before(text, tokens, index, lex)
        if found is not None and lex is AZERBAIJANI:
            return _statement_owner(text, found, lex)
        return None if found is not None and _possessive(found) else found
    return None


def _statement_owner(text: str, name: Name, lex: Lexicon) -> Name:
    """``name``, found before an Azerbaijani verb, in the nominative when it is the owner in
    the genitive of the statement or interview that the verb quotes (Mikayıl Cabbarovun
    bəyanatında deyilir: his statement says); as found otherwise, or when its last word is
    no surname without the suffix (Mikayıl Aydın bəyanatında bildirib)."""
    stem = _az_genitive_stem(name.words[-1])
    after = _TOKEN.search(text, name.end)
    if stem is None or after is None or not lex.is_adverbial(after.group()) \
            or not _surname_gender(fold(stem))[0]:
        return name
    end = name.end - (len(name.words[-1]) - len(stem))
    return replace(name, end=end, text=" ".join(text[name.start:end].split()), person=True)


def _possessive(name: Name) -> bool:
    """Whether ``name`` ends in a possessive or case suffix after an apostrophe (Baku's
    answer:, Karimov's spokesman said): then it is no verb's subject."""
    suffix = _SUFFIXED.search(name.text)
    return suffix is not None and suffix.group()[1:].islower()


def _as_clause(text: str, tokens: list[Token], words: list[str], verb: int, size: int,
               lex: Lexicon) -> bool:
    """Whether the lead-in is a clause opening with "as" whose speech verb
    ``tokens[verb]`` has only where, when and to whom after it (As Karimov noted in an
    interview with Meydan TV, “… / As The Guardian reported at the time, “… / Как Керимов
    сказал журналистам, «…): its subject, right before the verb, is the speaker."""
    return bool(lex.as_word) and verb > 1 and words[0] == lex.as_word \
        and all(text[a.end:b.start].isspace() for a, b in zip(tokens, tokens[1:verb + 1])) \
        and _circumstance_after(text, tokens, words, tokens[verb + size - 1].end, lex)


#: The time opening a live blog's entry, with its emphasis and dash (**15:30** —).
_ENTRY_TIME = re.compile(r"\d{1,2}[:.]\d{2}[\s*_—–\-]*")


def _after_entry_time(text: str, tokens: list[Token], words: list[str]
                      ) -> tuple[list[Token], list[str]]:
    """``tokens`` and their ``words`` without the time a live blog's entry opens with
    (**15:30** Leyla Huseynova: “…), which is no word of a colon's clause."""
    time = _ENTRY_TIME.match(text, tokens[0].start) if tokens and tokens[0].text.isdigit() else None
    if time is None:
        return tokens, words
    skipped = sum(1 for token in tokens if token.start < time.end())
    return tokens[skipped:], words[skipped:]


#: How many words before a name may hold the role or title that shows it a person's
#: (президент Франции Эмманюэль Макрон).
_INTRODUCED_WITHIN = 3


def introduced_as_person(text: str, name: Name, lang: str) -> bool:
    """Whether ``name``, found in ``text``, is shown there to be a person's: by what
    :func:`names_in` saw (a title, an appositive, a surname ending), or by a role or title
    among the few words before it, past the role's owner (президент Франции)."""
    lex = lexicon(lang)
    before = words_of(text, max(0, name.start - 80), name.start)[-_INTRODUCED_WITHIN:]
    return name.person or any(fold(word) in lex.roles or word in lex.titles for word in before)


def name_label(text: str, start: int, end: int, lang: str) -> Name | None:
    """A name alone before the colon that leads up to a quotation (Emmanuel Macron: “…;
    Macron: “…), when nothing in it shows it to be a person's (then :func:`speaker_before`
    has found it already): the caller asks what the article knows (a one-word name is a
    person's only as the surname of a full name the article introduced as a person's)."""
    tokens = tokenize(text, start, end)
    tail = text[tokens[-1].end:end] if tokens else ""
    if ":" not in tail or not _LEAD_IN_TAIL.fullmatch(tail):
        return None
    tokens, _ = _after_entry_time(text, tokens, [])
    if not tokens or len(tokens) > _MAX_NAME_TOKENS + 1:
        return None
    name, after = _name_at(text, tokens, 0, lexicon(lang), pronouns=False)
    return name if name is not None and after == len(tokens) else None


def _before_colon(text: str, tokens: list[Token], words: list[str], lex: Lexicon,
                  tail: str) -> Name | None:
    """X was blunt: “… / Азер Гасымлы был резок: «… / X sərt danışdı: “…: a short clause
    without a speech verb, ending in the colon before the quotation, whose subject is a
    person named at its start. Any other capitalised word in it (Gasimli met Aliyev:)
    leaves the quotation unattributed, as does a one-word name with nothing that marks a
    person (Baku was quiet:)."""
    if ":" not in tail:
        return None
    tokens, words = _after_entry_time(text, tokens, words)
    if not tokens or len(tokens) > _COLON_CLAUSE_TOKENS:
        return None
    name, after = _name_at(text, tokens, 0, lex, pronouns=False)
    if name is not None and after == len(tokens) and _speaker_label(name, words):
        return name
    if name is None:
        return _role_label(text, tokens, words, lex)
    if after >= len(tokens) or not tokens[after].text[0].islower() \
            or not text[tokens[after - 1].end:tokens[after].start].isspace():
        return None
    suffix = _SUFFIXED.search(name.text)
    if suffix is not None and suffix.group()[1:].islower():
        return None
    person = name.person or len(name.words) > 1 or _surname_gender(words[after - 1])[0]
    if not person:
        return None
    index = after
    while index < len(tokens):
        if _verb_size(words, index, lex):
            return None  # X was asked: “… — the verb decides, see _before_verb
        aside = lex.aside_at(words, index)
        if aside:
            index += aside
            continue
        if tokens[index].text[0].isupper() and tokens[index].text not in lex.particles:
            return None
        index += 1
    return _statement_owner(text, name, lex) if lex is AZERBAIJANI else name


def _role_label(text: str, tokens: list[Token], words: list[str], lex: Lexicon) -> Name | None:
    """Министр экономики Микаил Джаббаров: «…: a colon clause that is a role, the role's
    complement in lower case (no "and", no verb) and a name of two words or more ending
    the clause labels the quotation with that person."""
    if tokens[0].text not in lex.titles and words[0] not in lex.roles:
        return None
    index = 1
    while index < len(tokens) and tokens[index].text[0].islower():
        if words[index] == lex.and_word or _verb_size(words, index, lex):
            return None
        index += 1
    if index >= len(tokens):
        return None
    name, after = _name_at(text, tokens, index, lex, pronouns=False)
    if name is None or after != len(tokens) or len(name.words) < 2:
        return None
    return _as_person(name)


def _speech_owner(text: str, tokens: list[Token], words: list[str], lex: Lexicon,
                  tail: str) -> Name | None:
    """The person whose words a lead-in of a speech noun and a colon names: a possessive
    before it (Gubad Ibadoghlu's verdict: “…) or, in Russian, a name in the genitive after
    it (Вердикт Губада Ибадоглу: «…, with its nominative). The name must fill the rest of
    the lead-in and be a person's (two words, or a surname ending: not Baku's answer)."""
    if ":" not in tail or len(tokens) > _COLON_CLAUSE_TOKENS or not lex.speech_nouns:
        return None
    whole = _verbatim_size(text, tokens, words, lex)
    if whole:
        tokens, words = tokens[:-whole], words[:-whole]
    if len(tokens) == 2 and words[0] in lex.possessives and words[1] in lex.speech_nouns:
        first = tokens[0]  # Her answer: “…: the person the pronoun stands for
        return Name(first.start, first.end, first.text, pronoun=True, gender=lex.pronouns[words[0]])
    if words[-1] in lex.speech_nouns and len(tokens) > 1 and lex is AZERBAIJANI:
        owner = _before_genitive(text, tokens, words, "az", lex, size=1)
        return owner if owner is not None and (
            " " in owner.text or _surname_gender(fold(owner.text))[0]) else None
    if words[-1] in lex.speech_nouns and len(tokens) > 1:
        suffix = _SUFFIXED.search(tokens[-2].text)
        if suffix is None or fold(suffix.group()[1:]) != "s":
            return None
        name, after = _name_at(text, tokens[:-1], 0, lex, pronouns=False)
        if name is None or after != len(tokens) - 1 or name.start != tokens[0].start:
            return None
        end = name.end - len(suffix.group())
        owner = " ".join(text[name.start:end].split())
        if " " not in owner and not _surname_gender(fold(owner))[0]:
            return None
        return replace(name, end=end, text=owner, person=True)
    if lex.patronymic and words[0] in lex.speech_nouns and len(tokens) > 2:
        name, after = _name_at(text, tokens, 1, lex, pronouns=False)
        if name is None or after != len(tokens) or len(name.words) < 2:
            return None
        base = nominative(name.text, "ru")
        return replace(name, person=True, base=base if base != name.text else None)
    return None


def _verbatim_size(text: str, tokens: list[Token], words: list[str], lex: Lexicon) -> int:
    """How many words closing a speech noun's lead-in say that the quotation is given whole
    (Her answer, in full: “…; Ответ Лейлы Гусейновой полностью: «…), after a space or a
    comma; 0 when none (the common case: the noun or its owner closes the lead-in)."""
    if not lex.verbatim or words[-1] in lex.speech_nouns:
        return 0
    for size in (3, 2, 1):
        if len(words) > size and tuple(words[-size:]) in lex.verbatim \
                and not lex.speech_nouns.isdisjoint(words[:-size]) \
                and text[tokens[-size - 1].end:tokens[-size].start].strip() in ("", ","):
            return size
    return 0


#: A paragraph's opening speaker label in an interview or transcript (**Rəşad Məmmədli:**,
#: __Q:__, Rəşad Məmmədli:), with its Markdown emphasis.
_LABEL = re.compile(r"\s*(?:\*\*|__)?([^\W\d_][^:*_\n]{0,60}?)(?:\*\*|__)?\s*:(?:\*\*|__)?(?=\s)")


def label_speaker(text: str, lang: str) -> tuple[Name, int] | None:
    """(the person a paragraph's opening label names, where the label ends): the answerer
    of an interview, whose words the whole paragraph gives (**Rəşad Məmmədli:** … deyə
    bilərəm: „…“). Only a label that is a name alone and certainly a person's counts, as in
    :func:`_speaker_label` (not Q:, Sual:, Port of Baku:)."""
    label = _LABEL.match(text)
    if label is None:
        return None
    tokens = tokenize(text, label.start(1), label.end(1))
    if not tokens:
        return None
    name, after = _name_at(text, tokens, 0, lexicon(lang), pronouns=False)
    if name is None or after != len(tokens) or name.start != tokens[0].start \
            or not _speaker_label(name, [fold(word) for word in name.words]):
        return None
    return name, label.end()


def _speaker_label(name: Name, words: list[str]) -> bool:
    """Leyla Huseynova: “… / Мамедова: «…: a lead-in that is a name alone, as interviews,
    lists and transcripts label a speaker. Only a name that is certainly a person's (a
    title or role, a surname ending) counts: Port of Baku: “… names no speaker."""
    return len(name.words) > 1 and (name.person or _surname_gender(words[-1])[0])


#: English finite verbs that open the predicate of a clause reported without "that" (X said
#: the berths were “full”), and how many words such a clause may have before the quotation.
_REPORTED_FINITE = frozenset("was were is are had has have would will could should might must "
                             "did does do".split())
_REPORTED_TOKENS = 6


def _reported_clause(text: str, tokens: list[Token], start: int, lex: Lexicon) -> bool:
    """Whether ``tokens[start:]``, after an English speech verb, are a short clause reported
    without "that" leading up to the quotation (Rashad Mammadli said the berths were “full
    …”): lower-case words only, with a finite verb after its subject (the berths were), no
    punctuation. A partial quotation in the speaker's reported words."""
    rest = tokens[start:]
    if lex is not ENGLISH or not 1 < len(rest) <= _REPORTED_TOKENS:
        return False
    if any(not token.text.isalpha() or not token.text.islower() for token in rest) \
            or any(not text[a.end:b.start].isspace() for a, b in zip(rest, rest[1:])):
        return False
    return any(token.text in _REPORTED_FINITE for token in rest[1:])


def _that_after_object(rest: list[str]) -> bool:
    """Whether the words after a speech verb are a short object or adverbial and then
    "that" (X told Reuters on Monday that “… / X заявил журналистам, что «…): a
    partial quotation in the verb's clause."""
    return rest[-1] in _THAT and 1 < len(rest) <= _THAT_AFTER_TOKENS \
        and not any(word in _THAT or _SUFFIXED.search(word) for word in rest[:-1])


def _name_before(text: str, tokens: list[Token], verb: int, lex: Lexicon) -> Name | None:
    """The name or pronoun ending right before ``tokens[verb]``, past an appositive and a
    place (İlham Əliyev Londonda bildirib)."""
    end = _before_asides(text, tokens, _before_brackets(text, tokens, verb), lex)
    for cut in (1, 2):  # Hüseynova görüşdən sonra bildirib: when (sonra may be an aside)
        if cut < end and lex.ablative_phrase_at(
                [fold(t.text) for t in tokens[end - cut:end - cut + 2]], 0):
            end -= cut
            break
    if 1 < end and lex.is_adverbial(tokens[end - 1].text):
        end -= 1  # Hüseynova Facebook səhifəsində yazıb: where, and the page's owner
        if 1 < end and tokens[end - 1].text[0].isupper() \
                and not _surname_gender(fold(tokens[end - 1].text))[0] \
                and _surname_gender(fold(tokens[end - 2].text))[0]:
            end -= 1  # (not Mikayıl Aydın bəyanatında: a given name alone owns no page)
        elif 1 < end and tokens[end - 1].text[0].islower() \
                and not lex.is_outlet_dative(tokens[end - 1].text) \
                and not _CLOSING_MARKS.intersection(text[tokens[end - 2].end:tokens[end - 1].start]):
            end -= 1  # Kərimov mətbuat konfransında bildirib: the word the locative follows
        end = _before_asides(text, tokens, end, lex)  # Kərimov da açıqlamasında bildirib
    if 2 < end and lex.is_outlet_dative(tokens[end - 1].text):
        end = _before_outlet(tokens, end - 1)  # Kərimov Turan agentliyinə bildirib
    if 1 < end and lex.is_place_case(tokens[end - 1].text):
        end = _before_asides(text, tokens, end - 1, lex)  # Kərimov dünən Bakıda bildirib
    if 1 < end and lex.is_dative_name(tokens[end - 1].text):
        end = _addressee_start(tokens, end - 1, lex)  # Kərimov Meydan TV-yə bildirib
    end = _before_outlet_in_marks(text, tokens, end)
    end = _before_comitative(text, tokens, end, lex)
    end = _before_circumstance(text, tokens, end, lex)
    gap = text[tokens[end - 1].end:tokens[end].start] if end > 0 else ""
    enclosed = end < verb and text[tokens[verb - 1].end:tokens[verb].start].strip() == ","
    if gap.strip() == "," and not enclosed:
        named = _name_after_role_comma(text, tokens, end, lex)
        if named is not None:
            return named  # As my teacher, Elchin Hasanov, used to say
        opening = _appositive_start(text, tokens, end)
        if opening is None:
            return None
        end = _before_age(text, tokens, opening)
    before = tokens[:end]  # a group must not run on into the words passed over above
    for start in range(max(0, end - _MAX_NAME_TOKENS - 2), end):
        name, after = _name_at(text, before, start, lex)
        if name is not None and after == end and (name.given or name.end == tokens[end - 1].end):
            if _after_place_preposition(text, tokens, start, lex):
                # Karimov in London said / a trader at Bristol Market said: a place, not the speaker
                return _name_before(text, tokens, start - 1, lex) if start > 1 else None
            if gap.strip() == "," and name.group:
                return replace(name, group=False)  # Clements, an economist, said: a person
            return None if _group_subject(name, fold(tokens[verb].text), lex) \
                and not _in_list(text, name, lex) else _agreeing(name, fold(tokens[verb].text), lex)
    return None


def _place_phrase_size(text: str, tokens: list[Token], index: int, lex: Lexicon) -> int:
    """How many tokens from ``index`` name where the speaker before them spoke: a place's
    preposition and a capitalised run (Karimov in London said); 0 when none."""
    if not _after_place_preposition(text, tokens, index + 1, lex) or not tokens[index + 1].text[0].isupper():
        return 0
    end = index + 2
    while end < len(tokens) and end - index <= _MAX_NAME_TOKENS and tokens[end].text[0].isupper() \
            and text[tokens[end - 1].end:tokens[end].start].isspace():
        end += 1
    return end - index


def _in_place_name(text: str, tokens: list[Token], index: int, lex: Lexicon) -> bool:
    """Whether ``tokens[index]`` is a word of a capitalised run right after a place's
    preposition (a trader at Bristol Market told me): a place, whose last words are no
    speaker either."""
    first = index
    while first > 0 and tokens[first - 1].text[0].isupper() \
            and text[tokens[first - 1].end:tokens[first].start].isspace():
        first -= 1
    return _after_place_preposition(text, tokens, first, lex)


def _after_place_preposition(text: str, tokens: list[Token], start: int, lex: Lexicon) -> bool:
    """Whether ``tokens[start]`` follows a place's preposition (a shop owner on Harbour
    Street told me, Karimov in London said): the name is where, and the speaker, if named,
    stands before the preposition."""
    return start > 0 and fold(tokens[start - 1].text) in lex.place_prepositions \
        and text[tokens[start - 1].end:tokens[start].start].isspace()


#: Marks that close a quotation, in any language's style (“ closes „…“).
_CLOSING_MARKS = frozenset("»”“\"’")


def _before_outlet_in_marks(text: str, tokens: list[Token], end: int) -> int:
    """Index where the name before ``tokens[end]`` ends once an outlet named in quotation
    marks and the lower-case noun after it are passed over (Samir Kərimov “Zerkalo”
    qəzetinə deyib: to the Zerkalo newspaper); ``end`` itself when there is none."""
    last = end - 1
    if last < 2 or not tokens[last].text[0].islower() \
            or not _CLOSING_MARKS.intersection(text[tokens[last - 1].end:tokens[last].start]):
        return end
    for first in range(last - 1, max(0, last - 5), -1):
        if _OPENING_MARKS.intersection(text[tokens[first - 1].end:tokens[first].start]):
            return first
    return end


#: How many lower-case words may stand between a speaker's name and a Russian comitative
#: phrase (Лейла Гусейнова после встречи с Самиром Керимовым сказала).
_BEFORE_COMITATIVE_TOKENS = 3


def _before_comitative(text: str, tokens: list[Token], end: int, lex: Lexicon) -> int:
    """Index where the name before ``tokens[end]`` ends once the person the speaker was with
    is passed over: Leyla Hüseynova Samir Kərimovla / Samir Kərimov ilə (the comitative
    after a name), Лейла Гусейнова после встречи с Самиром Керимовым (с and a name, after a
    few lower-case words). ``end`` itself when there is none, so that the companion, the
    name nearest the verb, is never taken for the speaker."""
    if end < 2 or not lex.comitative_words:
        return end
    first = end
    while first > 0 and end - first < _MAX_NAME_TOKENS and tokens[first - 1].text[:1].isupper():
        first -= 1
    if first < end and first >= 2 and fold(tokens[first - 1].text) in lex.comitative_words:
        return _before_lower_case(text, tokens, first - 1, end)
    if lex.is_comitative_name(tokens[end - 1].text):
        return _addressee_start(tokens, end - 1, lex)
    if tokens[end - 1].text in lex.comitative_words and tokens[end - 2].text[:1].isupper():
        return _addressee_start(tokens, end - 2, lex)
    return end


def _before_circumstance(text: str, tokens: list[Token], end: int, lex: Lexicon) -> int:
    """Index of the preposition opening a phrase of when or where that stands between a name
    and ``tokens[end]`` (Игорь Ларионов | в перерыве | сказал; | в интервью ТАСС |: the
    outlet, the name nearest the verb, is no speaker); ``end`` itself when there is none.
    The phrase holds a lower-case word, so a place alone (в Москве) is left to the rules
    for places, and a capitalised word ends the name before it."""
    if not lex.circumstance_prepositions:
        return end
    for first in range(end - 1, max(0, end - _CIRCUMSTANCE_TOKENS - 1) - 1, -1):
        if first < 1 or not text[tokens[first - 1].end:tokens[first].start].isspace():
            return end
        if fold(tokens[first].text) in lex.circumstance_prepositions and first < end - 1:
            phrase = tokens[first + 1:end]
            if any(t.text[:1].islower() for t in phrase) and tokens[first - 1].text[:1].isupper():
                return first
            return end
    return end


def _before_lower_case(text: str, tokens: list[Token], preposition: int, end: int) -> int:
    """Index after the name that a few lower-case words separate from ``tokens[preposition]``
    (Лейла Гусейнова | после встречи | с …); ``end`` when no such name can stand there."""
    before = preposition
    while before > 0 and preposition - before < _BEFORE_COMITATIVE_TOKENS \
            and tokens[before - 1].text[:1].islower() \
            and text[tokens[before - 1].end:tokens[before].start].isspace():
        before -= 1
    if before == 0 or not text[tokens[before - 1].end:tokens[before].start].isspace():
        return end
    return before


def _before_asides(text: str, tokens: list[Token], verb: int, lex: Lexicon) -> int:
    """Index of the first of the asides (also, же, isə, в свою очередь …) right before
    ``tokens[verb]`` (``verb`` itself when there are none)."""
    folded = [fold(t.text) for t in tokens[max(0, verb - 3 * _MAX_ASIDES):verb]]
    end = len(folded)
    for _ in range(_MAX_ASIDES):
        size = lex.aside_before(folded, end) if end > 0 else 0
        if not size:
            break
        end -= size
    return verb - (len(folded) - end)


def _name_after_role_comma(text: str, tokens: list[Token], end: int, lex: Lexicon) -> Name | None:
    """The name between commas after a role, ending right before ``tokens[end]`` (my
    teacher, Elchin Hasanov, used to say; the minister, Samir Karimov, said; his daughter,
    Nargiz Ibrahimbeyova, said): the role's appositive is the name itself."""
    for start in range(end - 1, max(0, end - _MAX_NAME_TOKENS - 1), -1):
        if start < 2 or text[tokens[start - 1].end:tokens[start].start].strip() != ",":
            continue
        if fold(tokens[start - 1].text) not in lex.roles | lex.kinship:
            return None
        while start < end - 1 and tokens[start].text[:1].islower() and fold(tokens[start].text) in lex.roles:
            start += 1  # her colleague, captain Eldar Mammadov, said: the name's own role
        name, after = _name_at(text, tokens[:end], start, lex, pronouns=False)
        return _as_person(name) if name is not None and after == end else None
    return None


def _before_age(text: str, tokens: list[Token], opening: int) -> int:
    """``opening`` (where an appositive starts), or where an age set off by commas before it
    starts (Tofig Bagirov, 54, a fisherman, said): the name ends before the age."""
    if opening > 1 and tokens[opening - 1].text.isdigit() \
            and text[tokens[opening - 2].end:tokens[opening - 1].start].strip() == ",":
        return opening - 1
    return opening


def _appositive_start(text: str, tokens: list[Token], end: int) -> int | None:
    """Index of the first token after "X," in "X, a member of Y, said"."""
    for index in range(end - 1, max(0, end - 15), -1):
        if text[tokens[index - 1].end:tokens[index].start].strip() == ",":
            return index
    return None


def nominative(text: str, lang: str) -> str | None:
    """The nominative of a person's name written in the genitive, as far as the endings
    tell it with confidence (None otherwise: the caller keeps the name as written).

    Russian: the surname must have an ending that gives the case away (Мамедовой →
    Мамедова, Керимова → Керимов, Достоевского → Достоевский) or be one that does not
    decline (Гасымлы, Джафарли, Шевченко); the first names and patronymic then follow the
    surname's gender (Шахлы → Шахла, Рашада → Рашад, Юрия → Юрий, Ольги → Ольга). A word
    that could come from two nominatives (Лейли/Наили: Лейли or Наиля) leaves the whole
    name as written. Azerbaijani: the genitive suffix is taken off (see
    :func:`_az_genitive_stem`).
    """
    words = text.split()
    if not words or any(not w[0].isupper() or w.isupper() for w in words):
        return None
    if lang == "az":
        stem = _az_genitive_stem(words[-1])
        return None if stem is None else " ".join(words[:-1] + [stem])
    if lang != "ru" or any("-" in w for w in words):
        return None
    surname = _ru_surname_nominative(words[-1])
    if surname is None:
        return None
    last, gender = surname
    given = [_ru_given_nominative(word, gender) for word in words[:-1]]
    if any(word is None for word in given):
        return None
    return " ".join([*(word for word in given if word is not None), last])


#: Russian surname endings in the genitive: (ending, what replaces it, gender).
_RU_GENITIVE_SURNAMES: tuple[tuple[str, str, str], ...] = (
    ("овой", "ова", "f"), ("евой", "ева", "f"), ("ёвой", "ёва", "f"), ("иной", "ина", "f"),
    ("ыной", "ына", "f"), ("ской", "ская", "f"), ("цкой", "цкая", "f"),
    ("ского", "ский", "m"), ("цкого", "цкий", "m"), ("ова", "ов", "m"), ("ева", "ев", "m"),
    ("ёва", "ёв", "m"), ("ина", "ин", "m"), ("ына", "ын", "m"), ("яна", "ян", "m"),
)
#: A masculine name ending in -й, in the genitive (Вэя, Сергея, Хуэя): -я for -й.
_RU_GENITIVE_IN_YA = frozenset({"ея", "эя", "уя", "оя"})
#: Surnames that do not decline (Гасымлы, Джафарли, Гусейнзаде, Шевченко, Черных).
_RU_INDECLINABLE = ("ли", "лы", "лу", "заде", "оглу", "енко", "ко", "дзе", "швили", "ян",
                    "ых", "их")


def _ru_surname_nominative(word: str) -> tuple[str, str | None] | None:
    """(the nominative of a Russian surname in the genitive, its bearer's gender)."""
    lower = word.lower()
    if len(lower) >= 3 and lower[-2:] in _RU_GENITIVE_IN_YA:
        return word[:-1] + "й", "m"  # Ли Вэя → Ли Вэй, Андрея → Андрей: a masculine -й
    if len(lower) < 4:
        return None
    for ending, replacement, gender in _RU_GENITIVE_SURNAMES:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            return word[:-len(ending)] + replacement, gender
    if lower.endswith(_RU_INDECLINABLE):
        return word, None
    return None


def _ru_given_nominative(word: str, gender: str | None) -> str | None:
    """The nominative of a first name or patronymic in the genitive, for a bearer of
    ``gender`` (None: unknown); None when unsure."""
    lower = word.lower()
    if len(lower) < 3:
        return word if len(lower) == 2 and lower[-1] in "иу" else None  # Ли, Ву: they do not decline
    if lower[-1] not in _RU_VOWELS:
        return word  # Айнур, Нигяр: feminine names ending in a consonant do not decline
    before = lower[-2]
    if lower.endswith("ьи") or (lower.endswith("ии") and gender != "m"):
        return word[:-1] + "я"  # Натальи → Наталья, Ильи → Илья, Марии → Мария
    if lower.endswith("ы") and before not in _RU_VOWELS:
        return word[:-1] + "а"  # Шахлы → Шахла, Никиты → Никита
    if lower.endswith("и") and before in RU_HUSHING:
        return word[:-1] + "а"  # Ольги → Ольга, Луки → Лука
    if gender == "f":
        return None
    if lower.endswith(("ия", "ея", "ая")):
        return word[:-1] + "й"  # Юрия → Юрий, Алексея → Алексей, Николая → Николай
    if lower.endswith("я") and before not in _RU_VOWELS:
        return word[:-1] + "ь"  # Игоря → Игорь
    if lower.endswith("а") and before not in _RU_VOWELS:
        return word[:-1]  # Рашада → Рашад, Рашидовича → Рашидович
    return None


def _az_genitive_stem(word: str) -> str | None:
    """``word`` without its Azerbaijani genitive suffix (Cəfərli'nin → Cəfərli,
    Qədirovun → Qədirov, Məmmədovanın → Məmmədova), None when unsure where it starts.

    After a vowel the suffix is -nin/-nın/-nun/-nün, after a consonant -in/-ın/-un/-ün, so
    a word ending in vowel + n + suffix (Həsənin, Leylanın) reads both ways; then the
    reading whose stem has a surname ending wins, and otherwise nothing is taken off.
    """
    for mark in "'’-":
        stem, found, suffix = word.rpartition(mark)
        if found and stem and _AZ_SUFFIX_AFTER_MARK.fullmatch(suffix.lower()):
            return stem
    lower = fold(word)
    if len(lower) < 4 or lower[-1] != "n" or lower[-2] not in "iıuü":
        return None
    if lower[-3] == "n" and lower[-4] in _AZ_VOWELS:
        readings = [stem for stem in (word[:-3], word[:-2])
                    if _harmonises(fold(stem), lower[-2]) and _surname_gender(fold(stem))[0]]
        return readings[0] if len(readings) == 1 else None
    stem = word[:-2]
    if lower[-3] in _AZ_VOWELS or not _harmonises(fold(stem), lower[-2]):
        return None
    return stem


def _harmonises(stem: str, vowel: str) -> bool:
    """Whether ``vowel`` is the suffix vowel Azerbaijani harmony gives after ``stem``."""
    last = next((c for c in reversed(stem) if c in _AZ_VOWELS), None)
    return last is not None and _AZ_HARMONY[last] == vowel


def _resolve_name(written: str, before: list[Mention], lang: str,
                  base: str | None = None) -> str:
    """The full name an earlier mention gives for ``written``, in its first (introducing)
    form: Jafarli → Natig Jafarli; по словам Джафарли → Натиг Джафарли. Without one, the
    name's nominative ``base`` when known (по словам Натига Джафарли → Натиг Джафарли),
    else the name as written."""
    words = written.split()
    match = next((m for m in reversed(before) if _names_match(m.name.words, words, lang)), None)
    if match is None:
        return base or written
    known = match.name.words
    first = next(m.name for m in before if len(m.name.words) == len(known)
                 and _names_match(m.name.words, known, lang))  # (the first: match at worst)
    return first.base if first.base is not None and " " in first.base else first.text


def _names_match(known: list[str], words: list[str], lang: str) -> bool:
    """Whether ``known`` (an earlier full name) is what ``words`` refers to. A group that
    opens with "The" (The Karimov family, The Guardian) is no person's full name."""
    if len(known) < 2 or not words or known[0] == "The":
        return False
    if len(words) == 1:
        return same_word(_surname_of(known), words[0], lang)
    return len(known) == len(words) and all(same_word(a, b, lang) for a, b in zip(known, words))


def _surname_of(words: list[str]) -> str:
    """The surname of a full name: its last word, or its first in the official
    surname-first order, which a patronymic closes (Əliyeva Leyla Həsən qızı)."""
    return words[0] if words[-1] in _PATRONYMICS and _surname_gender(fold(words[0]))[0] \
        else words[-1]


def _resolve_pronoun(name: Name, since: int, before: list[Mention], speakers: list[Mention],
                     lang: str, segment: int | None = None) -> str | None:
    """The one person of compatible gender in the window from segment ``since``; first
    the one ``segment``, the pronoun's own paragraph, names before it, the nearest
    (Radjabov drew with Mamedyarov. / “…,” Mamedyarov said. Later he added: “…”; «…», —
    заявил Байрамов. / Экономист Губад Ибадоглу считает иначе: по его словам, «…»: not
    Байрамов, whose surname alone says he is a man)."""
    window = [m for m in before if m.segment >= since and (m.name.person or m.name.owner)]
    window += [s for s in speakers if s.segment >= since]
    last = max(window, key=lambda m: (m.segment, m.name.start), default=None)
    if last is not None and last.name.owner:
        return None  # Karimov's spokesman …, he said: the spokesman, named by no one
    own = [m for m in window if m.segment == segment and not m.name.owner] \
        if segment is not None and segment > since else []
    found = _pronoun_person(name, own, before, lang) if own else None
    return found or _pronoun_person(name, window, before, lang)


def _pronoun_person(name: Name, window: list[Mention], before: list[Mention],
                    lang: str) -> str | None:
    """The one full name of ``window``'s people whose gender may be ``name``'s."""
    candidates: dict[str, str | None] = {}
    for mention in window:
        if mention.name.owner:
            continue
        base = mention.name.base
        full = base if base is not None and " " in base \
            else _resolve_name(base or mention.name.text, before, lang)
        candidates.setdefault(full, mention.name.gender)
        candidates[full] = candidates[full] or mention.name.gender
    compatible = [full for full, gender in candidates.items()
                  if name.gender is None or gender in (None, name.gender)]
    if len(compatible) > 1 and name.gender is not None:
        gendered = [full for full in compatible if candidates[full] == name.gender]
        compatible = gendered if len(gendered) == 1 else compatible
    return compatible[0] if len(compatible) == 1 else None
