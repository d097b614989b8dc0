"""People without a glossary row: how each translation spells them, and where spellings drift.

A glossary row fixes a name's spelling in every language, and the glossary checks hold
translations to it. A person the glossary does not know yet is spelt however the engine or
the translator chose that day: Rashad Mammadli is Рашад Мамедли in one article and Рашад
Маммадли in the next, and each looks fine on its own. This module finds the people named in
full in source segments (conservatively: a quoted speaker, or a name the article marks as a
person's by a role, a title or a surname ending), locates each one's spelling in the
translation by sound, and compares the spellings across the corpus, case endings aside
(Гулиев, Гулиева and Гулиевым are one spelling; Гулиев and Кулиев are two).

When a spelling cannot be located with confidence (no words sound like the name, more of
them than the source has, or words that sound as much like another name of the segment),
nothing is recorded: a missed drift costs less than a reviewer's trust in the check.

The work is split like the quotation-divergence check: :func:`catalogue_renderings` runs
where a catalogue is read (a worker process in ``sync``) and returns a few strings per
entry that names someone; :func:`name_drift` compares them all in the parent.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any, Container, Iterable, Mapping, NamedTuple, Sequence

from pipeline.attribution import MAYBE_UPPER, Name, full_names_in, nominative, same_word
from pipeline.glossary import Glossary
from pipeline.inline import blank_out
from pipeline.lexicon import RU_HUSHING, lexicon
from pipeline.model import Catalogue, Finding, Severity
from pipeline.quotes import analyse_article
from pipeline.translit import resemblance, sound_keys

CHECK = "name-drift"
#: (source form, source language, target language): what one name is known by.
NameKey = tuple[str, str, str]

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
#: The words of :data:`_WORD` that may be capitalised (a superset: ``str.isupper`` decides).
_MAYBE_CAPITALISED = re.compile("(?=" + MAYBE_UPPER + r")(?<![^\W_])(?<![^\W_]['’\-])" + _WORD.pattern)
#: How alike (:func:`pipeline.translit.resemblance`) each word of a translation must sound
#: to the source name's word to be taken as its spelling.
_MIN_WORD = 0.7
#: A place in the translation that sounds nearly as much like another name of the same
#: segment (within this margin) is not attributed to either.
_MARGIN = 0.1
_ENDING_PENALTY = 0.05
#: Russian declension of names: (paradigm, nominative ending, case endings). A word's
#: possible (paradigm, stem) readings say which spellings are one name in different cases.
_RU_PARADIGMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("consonant", ("", "а", "у", "ом", "е", "ым", "ем")),  # Рашад, Гулиев, Эльвин
    ("a", ("а", "ы", "и", "е", "у", "ой", "ою", "ей")),  # Лейла, Гулиева
    ("ya", ("я", "и", "е", "ю", "ей", "ёй", "ею")),  # Наиля
    ("short-i", ("й", "я", "ю", "ем", "е", "и")),  # Юрий, Алексей
    ("soft", ("ь", "я", "ю", "ем", "е", "и")),  # Игорь
    ("adjective", ("ий", "ый", "ой", "ого", "ому", "им", "ым", "ом")),  # Зеленский, Толстой
    ("adjective-f", ("ая", "ой", "ую", "ою")),  # Зеленская
)
#: First names whose -е- drops out in every case but the nominative: the stem they decline on.
_RU_FLEETING = {"Павел": "Павл", "Лев": "Льв"}
_RU_VOWELS = "аеёиоуыэюяьй"
_RU_ENDINGS = tuple(sorted({e for _, endings in _RU_PARADIGMS for e in endings if e},
                           key=len, reverse=True))
_AZ_SUFFIX = re.compile(r"['’\-]?[nydtlsaəıiuüoö][a-zəğıöüçş]{0,5}")
_EN_POSSESSIVE = ("'s", "’s", "'", "’")
_SCRIPTS = {"ru": "cyrillic", "uk": "cyrillic", "be": "cyrillic", "en": "latin", "az": "latin",
            "tr": "latin", "de": "latin", "fr": "latin"}
_SHOWN_PLACES = 3
_PEOPLE_CACHE_SIZE = 8
#: Names and their spellings recur across a corpus: word-level answers are cached.
_CACHE_SIZE = 16384
#: :func:`person_names` by (segments, language, glossary id); the glossary is kept with the
#: answer so that its id cannot be reused by another glossary while the entry lives.
_PEOPLE: dict[tuple[tuple[str, ...], str, int], tuple[Glossary | None, list[Counter[str]]]] = {}


class Rendering(NamedTuple):
    """One translation's spelling of a source name (as written, maybe inflected), and where.

    A named tuple, not a dataclass: an incremental ``sync`` rebuilds tens of thousands of
    them from the run state, and a frozen dataclass costs several times as much to build.
    """

    text: str
    path: str
    line: int
    msgid: str
    lang: str
    #: Not fuzzy: a human has reviewed this spelling (machine output still waits).
    reviewed: bool = True
    #: Read by this run; False for spellings recorded by an earlier ``sync`` of an article
    #: this run skipped, which only serve as the other side of a comparison.
    fresh: bool = True


def person_names(segments: Sequence[str], lang: str,
                 glossary: Glossary | None = None) -> list[Counter[str]]:
    """For each segment, the people it names in full whom the glossary does not know, with
    how often. A name counts as a person's when the article quotes them or marks them as a
    person (role, title, appositive, surname ending) somewhere: an organisation or place
    of two capitalised words (Middle Corridor, Caspian Capital) has none of these.

    The last few articles' answers are kept (so the counters are shared: read them, do not
    change them): an article's catalogues, one per target language, are checked one after
    another and ask the same question."""
    key = (tuple(segments), lang, id(glossary))
    if key not in _PEOPLE:
        if len(_PEOPLE) >= _PEOPLE_CACHE_SIZE:
            _PEOPLE.pop(next(iter(_PEOPLE)))
        _PEOPLE[key] = (glossary, _person_names(key[0], lang, glossary))
    return _PEOPLE[key][1]


def _person_names(segments: tuple[str, ...], lang: str, glossary: Glossary | None) -> list[Counter[str]]:
    found = [[(_cleaned(name.text, lang), name) for name in full_names_in(text, lang)]
             for text in segments]
    people = {cleaned for cleaned in (_cleaned(q.speaker, lang) for q in analyse_article(segments, lang)
                                      if q.speaker) if cleaned}
    people |= {cleaned for names in found for cleaned, name in names if cleaned and name.person}
    return [Counter(cleaned for cleaned, name in names
                    if cleaned in people and not _in_glossary(text, name, cleaned, lang, glossary))
            for text, names in zip(segments, found)]


def catalogue_renderings(path: str, src_lang: str, tgt_lang: str, catalogue: Catalogue,
                         glossary: Glossary | None = None) -> tuple[tuple[NameKey, Rendering], ...]:
    """How one catalogue's translations spell the unglossaried people of its source, for
    :func:`name_drift`; small (a few strings per entry naming someone), so a worker can
    send it back instead of the catalogue."""
    if src_lang == tgt_lang:
        return ()
    messages = catalogue.active
    segments = [m.msgid for m in messages]
    people = person_names(segments, src_lang, glossary)
    surnames = surname_speakers(segments, src_lang, glossary)
    found: list[tuple[NameKey, Rendering]] = []
    for message, names, alone in zip(messages, people, surnames):
        if not names and not alone:
            continue
        for translation in message.translations:
            located = [] if not names else [
                (name, spellings) for name, spellings in
                locate(translation, names, src_lang, tgt_lang, glossary).items()]
            # A surname alone names the person its quotation resolved to: its spelling is
            # recorded under the full name and compared with the full spellings' surname.
            located += [(alone[written], spellings) for written, spellings in
                        locate(translation, {written: 1 for written in alone}, src_lang, tgt_lang,
                               glossary).items()]
            for name, spellings in located:
                found += [((name, src_lang, tgt_lang),
                           Rendering(text, path, message.lineno, message.msgid, tgt_lang,
                                     not message.fuzzy)) for text in spellings]
    return tuple(found)


def surname_speakers(segments: Sequence[str], lang: str,
                     glossary: Glossary | None = None) -> list[dict[str, str]]:
    """For each segment, the speakers it names by surname alone (“…,” Kərimov added), as
    written, with the full name the article introduced them by (Samir Kərimov), for the
    people the glossary does not know. A segment that also names the person in full is
    left out: there the surname is part of the full name's spelling."""
    found: list[dict[str, str]] = [{} for _ in segments]
    for quotation in analyse_article(segments, lang):
        said, speaker = quotation.attribution, quotation.speaker
        if said is None or speaker is None or " " in said.text:
            continue
        full = _cleaned(speaker, lang)
        if full is None or not same_word(full.split()[-1], said.text, lang) \
                or full in segments[said.segment_index] \
                or (glossary is not None and glossary.terms_in(full, lang)):
            continue
        found[said.segment_index][said.text] = full
    return found


def locate(translation: str, names: Mapping[str, int], src_lang: str, tgt_lang: str,
           glossary: Glossary | None = None) -> dict[str, list[str]]:
    """Where ``translation`` spells each of ``names`` (source forms, with how often the
    source segment has them): the words as written, per name. A name is left out when its
    places cannot be told reliably: more of them than the source has, or a place that
    sounds nearly as much like another name of the segment. Words in another script than
    the target language's (a name left untranslated) and glossary terms are not places."""
    if not translation or not names:
        return {}  # most entries name no one by surname alone: no words to score for that
    prose = blank_out(translation)
    words = _name_words(prose, tgt_lang)
    if not words:
        return {}
    candidates = [(score, window[0].start(), window[-1].end(), name)
                  for name in names for window, score in _windows(prose, words, name.split(), tgt_lang)]
    if not candidates:
        return {}
    protected = [(m.start, m.end) for m in glossary.terms_in(translation, tgt_lang)] if glossary else []
    chosen: list[tuple[float, int, int, str]] = []
    unreliable: set[str] = set()
    for candidate in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if any(_overlap(candidate, (0, start, end, "")) for start, end in protected):
            continue
        rival = next((c for c in chosen if _overlap(c, candidate)), None)
        if rival is None:
            chosen.append(candidate)
        elif rival[3] != candidate[3] and rival[0] - candidate[0] < _MARGIN:
            unreliable |= {rival[3], candidate[3]}
    located: dict[str, list[str]] = defaultdict(list)
    for _, start, end, name in sorted(chosen, key=lambda c: c[1]):
        located[name].append(" ".join(translation[start:end].split()))
    return {name: spellings for name, spellings in located.items()
            if name not in unreliable and len(spellings) <= names[name]}


def same_spelling(left: str, right: str, lang: str) -> bool:
    """Whether two renderings are one spelling, case endings aside: Гулиев, Гулиева,
    Гулиевым; Mammadli, Mammadli's; Məmmədli, Məmmədlinin. Мамедли and Мамедлы, or
    Эльвин and Элвин, are two."""
    a, b = left.split(), right.split()
    return len(a) == len(b) and all(_same_word(x, y, lang) for x, y in zip(a, b))


def name_drift(renderings: Mapping[NameKey, Sequence[Rendering]], glossary: Glossary | None = None,
               glossary_file: str = "locale/glossary.csv") -> list[Finding]:
    """One unglossaried name spelt two ways across the corpus (or within an article).

    The reference spelling is the one most reviewed entries use (first seen on a tie);
    only when none is reviewed is it the most common. Every entry with another spelling
    gets a warning naming both spellings, where the reference is, and the glossary row
    that would settle it. A name is only reported when this run read one of its entries
    (see :attr:`Rendering.fresh`).
    """
    findings: list[Finding] = []
    renderings, joined = _across_sources(renderings)
    for key in sorted(renderings):
        occurrences = renderings[key]
        if not any(o.fresh for o in occurrences):
            continue
        groups = _spellings(occurrences, key[2])
        if len(groups) < 2:
            continue
        named_in_full = [group for group in groups if any(" " in o.text for o in group)]
        if not named_in_full:
            continue  # only surnames alone: no full spelling to hold the others to
        reference = _reference(named_in_full, key[0])
        sources = joined.sources.get(key, {})
        row = _suggested_row(key, _in_nominative(_display(reference), key[0], key[2]), renderings, glossary,
                             sources)
        where = _where(reference)
        for group in groups:
            if group is reference:
                continue
            for occurrence in group:
                source = sources.get(joined.origin.get(id(occurrence), key[1]), key[0])
                findings.append(Finding(
                    CHECK, Severity.WARNING,
                    f"{source!r} is spelled {occurrence.text!r} here"
                    f"{'' if occurrence.reviewed else ' (not reviewed yet)'} but "
                    f"{_display(reference)!r} in {where}; no glossary row fixes its spelling: "
                    f"add {row} to {glossary.path if glossary and glossary.path else glossary_file}",
                    occurrence.path, occurrence.line, occurrence.msgid, occurrence.lang))
    return findings


class _Joined(NamedTuple):
    """What :func:`_across_sources` joined: each joined key's source languages' spellings of
    the name, and the source language of each joined rendering (by ``id``)."""

    sources: dict[NameKey, dict[str, str]]
    origin: dict[int, str]


def _across_sources(renderings: Mapping[NameKey, Sequence[Rendering]]
                    ) -> tuple[Mapping[NameKey, Sequence[Rendering]], _Joined]:
    """``renderings`` with one person's names from articles in different source languages
    joined, per target language (Rashad Mammadli in an English article, Rəşad Məmmədli in an
    Azerbaijani one: one Russian spelling for both), under the key sorted first; told by
    :func:`pipeline.translit.sound_keys`, word by word, so no pair of names is compared.
    Names from one source language are never joined: their sources spell them apart."""
    nothing = _Joined({}, {})
    if len({key[1] for key in renderings}) < 2:
        return renderings, nothing  # (one source language: nothing to join)
    buckets: dict[tuple[str, tuple[str, ...]], list[NameKey]] = defaultdict(list)
    for key in sorted(renderings):
        for sound in _name_sounds(key[0]):
            buckets[(key[2], sound)].append(key)
    joined: dict[NameKey, NameKey] = {}
    for keys in buckets.values():
        languages = {key[1] for key in keys}
        if len(languages) < 2 or len(languages) != len(keys):
            continue  # (two names of one source language sound alike: two people maybe)
        head = joined.get(keys[0], keys[0])
        for key in keys:
            joined.setdefault(key, head)
    if not joined:
        return renderings, nothing
    merged: dict[NameKey, list[Rendering]] = defaultdict(list)
    found = _Joined(defaultdict(dict), {})
    for key in sorted(renderings):
        head = joined.get(key, key)
        merged[head] += renderings[key]
        if key in joined:
            found.sources[head].setdefault(key[1], key[0])
            found.origin.update((id(rendering), key[1]) for rendering in renderings[key])
    return merged, found


def _name_sounds(name: str) -> list[tuple[str, ...]]:
    """The sound keys of a full name, word by word (every combination: few, as a word has
    one or two)."""
    sounds: list[tuple[str, ...]] = [()]
    for word in name.split():
        sounds = [known + (key,) for known in sounds for key in sorted(sound_keys(word))]
    return sounds


def collect(parts: Iterable[Iterable[tuple[NameKey, Rendering]]]) -> dict[NameKey, list[Rendering]]:
    """The renderings of many catalogues by name, in the parts' order."""
    grouped: dict[NameKey, list[Rendering]] = defaultdict(list)
    for part in parts:
        for key, rendering in part:
            grouped[key].append(rendering)
    return grouped


def remembered_names(renderings: Sequence[tuple[NameKey, Rendering]]) -> str:
    """One catalogue's renderings as compact JSON text for the run state ("" for none): per
    catalogue, each (name, spelling, reviewed) once with its lines. The msgid is left out
    (it would multiply the state's size; findings are located by path and line). Text,
    not nested lists, because the state is written with Python's pure-Python encoder
    (it is indented) and one string costs it one step, a list one step per item."""
    if not renderings:
        return ""
    lines: dict[tuple[str, str, str, str, str, bool], list[int]] = defaultdict(list)
    for (source, src_lang, tgt_lang), rendering in renderings:
        where = (rendering.path, src_lang, tgt_lang, source, rendering.text, rendering.reviewed)
        lines[where].append(rendering.line)
    catalogues: dict[tuple[str, str, str], list[list[Any]]] = defaultdict(list)
    for (path, src_lang, tgt_lang, source, text, reviewed), found in lines.items():
        catalogues[(path, src_lang, tgt_lang)].append([source, text, int(reviewed), *found])
    return json.dumps([[*where, rows] for where, rows in catalogues.items()], ensure_ascii=False,
                      separators=(",", ":"))


def recalled_names(texts: Sequence[str], wanted: Container[tuple[str, str]] | None = None
                   ) -> tuple[tuple[NameKey, Rendering], ...]:
    """:func:`remembered_names`' texts back as renderings, in line order, marked as not
    read by this run; only the names ``wanted`` (source form, source language), when given:
    the ones this run read, the only ones it can report. A state written by something else
    gives none (it is only a cache)."""
    found: list[tuple[NameKey, Rendering]] = []
    try:
        for path, src_lang, tgt_lang, rows in (entry for text in texts for entry in json.loads(text)):
            recalled = [((str(source), str(src_lang), str(tgt_lang)),
                         Rendering(str(text), str(path), int(line), "", str(tgt_lang), bool(reviewed), False))
                        for source, text, reviewed, *lines in rows
                        if wanted is None or (source, src_lang) in wanted for line in lines]
            found += sorted(recalled, key=lambda item: item[1].line)
    except (TypeError, ValueError):
        return ()
    return tuple(found)


# --------------------------------------------------------------------------- the source side


@lru_cache(maxsize=_CACHE_SIZE)
def _cleaned(text: str, lang: str) -> str | None:
    """The name as a glossary row would have it (a possessive or genitive mark and a month
    or weekday run into it taken off: In May Rashad Mammadli's …), or None when what is
    left is not two or three words shaped like a person's name (NATO, 2026, Mr)."""
    lex = lexicon(lang)
    words = text.split()
    while words and words[0] in lex.calendar:
        words.pop(0)
    if words:
        words[-1] = _bare(words[-1], lang)
    if not 2 <= len(words) <= 3:
        return None
    for word in words:
        if len(word) < 2 or not word[0].isupper() or word.isupper() or not _WORD.fullmatch(word) \
                or word in lex.function_words or word in lex.titles or word in lex.calendar:
            return None
    return " ".join(words)


def _bare(word: str, lang: str) -> str:
    """``word`` without an English possessive or an Azerbaijani suffix after an apostrophe."""
    if lang == "en":
        for ending in _EN_POSSESSIVE:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                return word[:-len(ending)]
    if lang == "az":
        for mark in "'’":
            stem, found, suffix = word.rpartition(mark)
            if found and stem and suffix.islower():
                return stem
    return word


def _in_glossary(text: str, name: Name, cleaned: str, lang: str, glossary: Glossary | None) -> bool:
    """Whether a glossary term is the name or part of it, or the name part of a term
    (a place, an organisation): those are the glossary checks' business."""
    if glossary is None:
        return False
    if glossary.terms_in(cleaned, lang):
        return True
    return any(m.start < name.end and name.start < m.end for m in glossary.terms_in(text, lang))


# --------------------------------------------------------------------------- the translation side


def _name_words(prose: str, lang: str) -> list[re.Match[str]]:
    """The words of ``prose`` that may be part of a name: capitalised, in the target
    language's script (most words of a translation are neither, and are never scored)."""
    script = _SCRIPTS.get(lang.split("_")[0].split("-")[0])
    return [m for m in _MAYBE_CAPITALISED.finditer(prose)
            if m.group()[0].isupper() and (script is None or _script(m.group()) == script)]


def _windows(prose: str, words: list[re.Match[str]], wanted: list[str], lang: str
             ) -> Iterable[tuple[list[re.Match[str]], float]]:
    """Runs of ``words`` (see :func:`_name_words`) next to each other, with only spaces
    between them, that sound like ``wanted``, with their score."""
    size = len(wanted)
    for index in range(len(words) - size + 1):
        window = words[index:index + size]
        if any(not prose[a.end():b.start()].isspace() for a, b in zip(window, window[1:])):
            continue
        scores = []
        for match, target in zip(window, wanted):
            score = word_score(match.group(), target, lang)
            if score < _MIN_WORD:
                break
            scores.append(score)
        else:
            yield window, sum(scores) / size


@lru_cache(maxsize=_CACHE_SIZE)
def word_score(word: str, target: str, lang: str) -> float:
    """How well ``word``, less a case ending ``lang`` allows, sounds like ``target``."""
    best = resemblance(word, target)
    for size in range(1, min(6, len(word) - 2) + 1):
        base, ending = word[:-size], word[-size:]
        if _is_ending(ending, lang):
            best = max(best, resemblance(base, target) - _ENDING_PENALTY)
    return best


@lru_cache(maxsize=_CACHE_SIZE)
def uninflected(word: str, target: str, lang: str) -> tuple[float, str]:
    """(how well, the stem): ``word`` less the case ending of ``lang`` whose stem sounds
    most like ``target`` ((0, ``word``) when it has none). Зеленского, Deyvinin for
    Zelensky, Davey: the ending lowers the ratio of the whole word below what one spelling
    of a name scores, and a consonant changed before it is told on the stem (Ривера for
    Reeves: Ривер). Only endings of a case count (Azerbaijani -nin, -a, -da; not any letters
    after the stem, as :func:`word_score` allows), so a suffix that makes another name
    (Hacılı for Hacıyev, Rayan for Rayt) is not taken off."""
    best, stem = 0.0, word
    for size in range(1, min(4, len(word) - 2) + 1):
        base, ending = word[:-size], word[-size:]
        if _is_case_ending(base, ending, lang) and (score := resemblance(base, target)) > best:
            best, stem = score, base
    return best, stem


#: Azerbaijani case endings after a name ending in a vowel and in a consonant (a vowel
#: stem takes a buffer n or y): genitive, accusative, dative, locative, ablative, ilə.
_AZ_CASE_AFTER_VOWEL = re.compile(r"['’]?(?:n[ıiuü]n?|y[aə]|d[aə]n?|yl[aə])")
_AZ_CASE_AFTER_CONSONANT = re.compile(r"['’]?(?:[ıiuü]n?|[aə]|d[aə]n?|l[aə])")
_AZ_VOWELS = frozenset("aeıioöuüəAEIİOÖUÜƏ")


def _is_case_ending(stem: str, ending: str, lang: str) -> bool:
    if lang == "az":
        after = _AZ_CASE_AFTER_VOWEL if stem[-1] in _AZ_VOWELS else _AZ_CASE_AFTER_CONSONANT
        return bool(after.fullmatch(ending))
    return _is_ending(ending, lang)


def _is_ending(ending: str, lang: str) -> bool:
    if lang == "ru":
        return ending in _RU_ENDINGS
    if lang == "az":
        return bool(_AZ_SUFFIX.fullmatch(ending))
    if lang == "en":
        return ending in _EN_POSSESSIVE
    return False


@lru_cache(maxsize=_CACHE_SIZE)
def _script(word: str) -> str:
    if any("\u0400" <= c <= "\u04ff" for c in word):
        return "cyrillic"
    if all(c < "\u0250" or c in "əƏ'’-" for c in word):
        return "latin"
    return "other"


def _overlap(a: tuple[float, int, int, str], b: tuple[float, int, int, str]) -> bool:
    return a[1] < b[2] and b[1] < a[2]


# --------------------------------------------------------------------------- comparing spellings


def _same_word(left: str, right: str, lang: str) -> bool:
    if left == right:
        return True
    if lang == "ru":
        return bool(_ru_readings(_ru_plain(left)) & _ru_readings(_ru_plain(right)))
    if lang == "az":
        a, b = sorted((_bare(left, "az"), _bare(right, "az")), key=len)
        return b.startswith(a) and (a == b or bool(_AZ_SUFFIX.fullmatch(b[len(a):])))
    if lang == "en":
        return _bare(left, "en") == _bare(right, "en")
    return False


def _ru_plain(word: str) -> str:
    """``word`` with ё written е, as Russian print mostly does (Ковалёв, Ковалев)."""
    return word.replace("ё", "е").replace("Ё", "Е")


def _ru_readings(word: str) -> set[tuple[str, str]]:
    """Every (paradigm, stem) ``word`` can be a case form of, plus itself as indeclinable
    (Мамедли), and a nominative's fleeting vowel dropped (Павел: Павл). Two words are one
    spelling when they share a reading: Гулиева and Гулиевым share (consonant, Гулиев);
    Мамедли (ya, Мамедл) and Мамедлы (a, Мамедл) share none."""
    readings = {("indeclinable", word)}
    if word in _RU_FLEETING:
        readings.add(("consonant", _RU_FLEETING[word]))
    for paradigm, endings in _RU_PARADIGMS:
        for ending in endings:
            if not word.endswith(ending):
                continue
            stem = word[:len(word) - len(ending)]
            if len(stem) >= 2 and _ru_stem_fits(stem, ending, paradigm):
                readings.add((paradigm, stem))
    return readings


def _ru_stem_fits(stem: str, ending: str, paradigm: str) -> bool:
    """Spelling rules: a consonant, -a or adjective stem ends in a consonant, and after
    г к х ж ш ч щ an -a noun's genitive is -и, elsewhere -ы (Ольги, Лейлы)."""
    last = stem[-1].lower()
    if paradigm in ("consonant", "a", "adjective", "adjective-f") and last in _RU_VOWELS:
        return False
    if paradigm == "a" and ending in ("ы", "и"):
        return (ending == "и") == (last in RU_HUSHING)
    return True


def _spellings(occurrences: Sequence[Rendering], lang: str) -> list[list[Rendering]]:
    """The occurrences grouped by spelling (:func:`same_spelling`, joined transitively),
    in order of first appearance. A surname alone (see :func:`surname_speakers`) joins the
    first full spelling whose surname it is, and is never a bridge between two full
    spellings (Самир Керимов, Самер Керимов and Керимов stay two spellings)."""
    texts = list(dict.fromkeys(o.text for o in occurrences))
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(texts)):
        for j in range(i):
            if (" " in texts[i]) == (" " in texts[j]) and same_spelling(texts[i], texts[j], lang):
                parent[root(i)] = root(j)
    for i, text in enumerate(texts):
        if " " in text:
            continue
        full = next((j for j, other in enumerate(texts) if " " in other
                     and _same_word(other.split()[-1], text, lang)), None)
        if full is not None:
            parent[root(i)] = root(full)
    index = {text: i for i, text in enumerate(texts)}
    groups: dict[int, list[Rendering]] = {}
    for occurrence in occurrences:
        groups.setdefault(root(index[occurrence.text]), []).append(occurrence)
    return list(groups.values())


def _reference(groups: list[list[Rendering]], source: str) -> list[Rendering]:
    """The spelling most reviewed entries use, or, with none reviewed, the most common.

    On a tie, a spelling other than the source's own wins: between Latin-script languages
    the source's spelling (Rashad Mammadli in an Azerbaijani translation, beside Rəşad
    Məmmədli) is what an engine or a hurried translator leaves, not a decision, and the
    suggested glossary row must not make it the rule."""
    reviewed = any(o.reviewed for group in groups for o in group)

    def weight(group: list[Rendering]) -> tuple[int, bool]:
        count = sum(1 for o in group if o.reviewed) if reviewed else len(group)
        return count, _display(group) != source

    return max(groups, key=weight)


def _display(group: Sequence[Rendering]) -> str:
    """The group's most frequent written form (reviewed ones first; shorter on a tie): in
    news prose a name is mostly the subject, so that is usually its nominative."""
    full = [o for o in group if " " in o.text] or list(group)  # a surname alone is no name's display
    pool = [o.text for o in full if o.reviewed] or [o.text for o in full]
    counts = Counter(pool)
    return min(counts, key=lambda text: (-counts[text], len(text), pool.index(text)))


def _where(group: Sequence[Rendering]) -> str:
    reviewed = [o for o in group if o.reviewed]
    shown = reviewed or list(group)
    places = list(dict.fromkeys(f"{o.path}:{o.line}" for o in shown))
    listed = ", ".join(places[:_SHOWN_PLACES]) + (", …" if len(places) > _SHOWN_PLACES else "")
    what = "reviewed " if reviewed else ""
    entries = f"{len(places)} {what}entr{'y' if len(places) == 1 else 'ies'}"
    return f"{entries} ({listed})" + ("" if reviewed else ", none reviewed yet")


def _agreed(occurrences: Sequence[Rendering], lang: str) -> str:
    """The one spelling ``occurrences`` use (empty when none, or when they drift): the
    other cells of a suggested row."""
    groups = _spellings(occurrences, lang) if occurrences else []
    return _display(groups[0]) if len(groups) == 1 else ""


#: Letters that end a word on a vowel, in the three scripts (й is a consonant's letter here).
_VOWEL_LETTERS = frozenset("aeiouyəıöüаеёиоуыэюя")


def _in_nominative(spelling: str, source: str, lang: str) -> str:
    """``spelling`` (a translation's most frequent form of the name ``source``) in the
    nominative, for a glossary row: a name reviewed only in another case (По словам Рашада
    Мамедли; Leyla Hüseynovanın) must not become the rule. The form is taken for an oblique
    one when its words end on a vowel where the source's do not, or the other way round
    (Рашада for Rashad, Гусейновой for Huseynova), and its nominative's words do not."""
    words, source_words = spelling.split(), source.split()
    if len(words) != len(source_words) or lang not in ("ru", "az"):
        return spelling
    if _endings_agree(words, source_words):
        return spelling
    base = nominative(spelling, lang)
    return base if base is not None and _endings_agree(base.split(), source_words) else spelling


def _endings_agree(words: list[str], source_words: list[str]) -> bool:
    return all((word[-1:].lower() in _VOWEL_LETTERS) == (other[-1:].lower() in _VOWEL_LETTERS)
               for word, other in zip(words, source_words))


def _suggested_row(key: NameKey, target: str, renderings: Mapping[NameKey, Sequence[Rendering]],
                   glossary: Glossary | None, sources: Mapping[str, str] | None = None) -> str:
    """The CSV line to add, in the glossary's own column order: the source form, the
    reference spelling, the spellings other languages agree on, kind ``person``.
    ``sources``: the name as articles in other source languages write it (see
    :func:`_across_sources`), which fill their languages' cells."""
    source, src_lang, tgt_lang = key
    sources = {lang: written for lang, written in (sources or {}).items() if lang != tgt_lang}
    sources[src_lang] = source
    columns = list(glossary.columns or (*glossary.languages, "kind")) if glossary is not None \
        else [*sorted(sources, key=lambda lang: lang != src_lang), tgt_lang, "kind"]
    missing = [lang for lang in (*sources, tgt_lang) if lang not in columns]
    for lang in missing:
        columns.insert(len([c for c in columns if c not in ("kind", "note")]), lang)
    cells = []
    for column in columns:
        if column in sources:
            cells.append(sources[column])
        elif column == tgt_lang:
            cells.append(target)
        elif column == "kind":
            cells.append("person")
        elif column == "note":
            cells.append("")
        else:
            cells.append(_in_nominative(_agreed(renderings.get((source, src_lang, column), ()), column),
                                        source, column))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    header = ",".join(columns)
    added = f"; the glossary has no {', '.join(missing)} column yet: add it to the header" \
        if missing and glossary is not None else ""
    return f"the row `{buffer.getvalue()}` (columns {header}{added})"


__all__ = ["CHECK", "NameKey", "Rendering", "catalogue_renderings", "collect", "locate", "name_drift",
           "person_names", "recalled_names", "remembered_names", "same_spelling", "surname_speakers",
           "uninflected", "word_score"]
