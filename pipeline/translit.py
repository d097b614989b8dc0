"""Rough phonetic skeletons of names, to recognise one name spelled in different ways.

Machine translation spells a name the way its training data did: Natig Jafarli comes
back as Натик Джафарлы, Natiq Jafarli or Cafarli. To find (and replace) such a variant
we compare skeletons: the word lower-cased, transliterated from Cyrillic, with each
language's letters folded to a common Latin core (az c → j, ə → a; ru дж → j), doubled
letters collapsed. Two spellings of one name get skeletons that are equal or close.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ғ": "g", "қ": "k", "ң": "n", "ү": "u",
    "ұ": "u", "һ": "h", "ә": "a", "ө": "o",
}
#: Azerbaijani Latin letters as an English speaker would write the sound.
_AZERBAIJANI = {"ə": "a", "ı": "i", "ö": "o", "ü": "u", "ğ": "g", "ş": "sh", "ç": "ch",
                "c": "j", "x": "kh", "q": "g", "j": "zh", "i̇": "i"}
_COMMON = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "c"), ("tz", "c"), ("ts", "c"),
           ("y", "i"), ("w", "v"), ("q", "g"))
#: English spellings of sounds Russian and Azerbaijani write with one letter: th (т), ph (ф),
#: ck and a hard C (К, k: Carter, Scott), a soft C (С, s: Vincent, Lucy), ee (и: Rees, Lee)
#: and oo (у: Moore, Wood); not ch (Charles: Ч, ç), which the common foldings take.
#: Also tch (ч: Thatcher), qu before a vowel (кв: Quentin), a closing -tion (шн) and a
#: closing -och, Scottish ch (к: Badenoch, Murdoch: Баденок, Мердок, Badenok).
_ENGLISH_SOUNDS = {"th": "t", "ph": "f", "ck": "k", "ee": "i", "oo": "u", "tch": "ch", "qu": "kv",
                   "tion": "shn", "ch": "k"}
_ENGLISH_SPELLING = re.compile(r"tch|th|ph|ck|ee|oo|qu(?=[aeio])|tion$|(?<=o)ch$|c(?!h)")
_NOT_LETTER = re.compile(r"[^\w ]|_")  # what _fold drops: all but letters, digits, spaces
_REPEATS = re.compile(r"(.)\1+", re.DOTALL)
#: Checks compare every word of a translation with every word of a speaker's name, and
#: the same names and words come back entry after entry: both functions are cached.
_CACHE_SIZE = 65536


def skeletons(word: str) -> set[str]:
    """The word's skeletons under each convention it might be written in (English or
    Azerbaijani Latin, Cyrillic), so "Jafarli" and "Cəfərli" and "Джафарли" meet."""
    return set(_skeletons(word))


def _english_sound(match: re.Match[str]) -> str:
    """The letter Russian writes for an English spelling :data:`_ENGLISH_SPELLING` found."""
    spelling = match.group()
    if spelling in _ENGLISH_SOUNDS:
        return _ENGLISH_SOUNDS[spelling]
    return "s" if match.string[match.end():match.end() + 1] in ("e", "i", "y") else "k"


#: English (and French, German) spellings Russian writes as they sound: u in a closed
#: syllable as а (Trump, Hunt, Musk: Трамп, Хант, Маск), ow before n, e or at the end as ау
#: (Brown, Powell: Браун, Пауэлл), au and eau as о (Paul, Auld, Trudeau: Пол, Олд, Трюдо),
#: a or i before one consonant and a silent e as эй, ай (Gates, Mike: Гейтс, Майк), chr as кр
#: (Christine: Кристин), sch and French ch as ш (Scholz, Michel: Шольц, Мишель) and an
#: opening w as у, wa as уо (William, Warren: Уильям, Уоррен).
_ENGLISH_VOWELS = (
    (re.compile(r"d?ge$"), "j"),
    (re.compile(r"(?<=[bcdfghjklmnpstvwz])ur(?=[bcdfghjklmnpstvwz])"), "er"),
    (re.compile(r"(?<=[bcdfgklmnprstvz])ham$"), "em"),
    (re.compile(r"(?<=[bcdfghjklmnprstvwz])ie(?=[bcdfgklmnprstvz])"), "i"),
    (re.compile(r"(?<=[bcdfghjklmnprstvwz])u(?=[bcdfgklmnprstvz]{2}|[bcdfgklmnprstvz]$)"), "a"),
    (re.compile(r"e?au"), "o"),
    (re.compile(r"(?<=[bcdfghjklmnprstvwz])ow(?=n|e|$)"), "au"),
    (re.compile(r"(?<=[bcdfghjklmnprstvwz])a([bcdfgklmnprstvz])e(?=s?$)"), r"ei\1"),
    (re.compile(r"(?<=[bcdfghjklmnprstvwz])i([bcdfgklmnprstvz])e(?=s?$)"), r"ai\1"),
    (re.compile(r"chr"), "kr"),
    (re.compile(r"s?ch"), "sh"),
    (re.compile(r"^(?:w(?=r)|k(?=n))"), ""),
    (re.compile(r"eigh"), "ei"),
    (re.compile(r"igh"), "ai"),
    (re.compile(r"ugh(?=e?s?$)"), "yu"),
    (re.compile(r"(?<=[aeiou])gh(?!l)"), ""),
    (re.compile(r"ew"), "yu"),
    (re.compile(r"efen"), "iven"),
    (re.compile(r"ea"), "i"),
    (re.compile(r"ou"), "au"),
    (re.compile(r"^e(?=[bcdfgklmnprstvz][aeiouy])"), "i"),
    (re.compile(r"(?<![aeioucsxz])e(?=s$)"), ""),
    (re.compile(r"(?<=[bcdfgklmnprstvz])e$"), ""),
    (re.compile(r"^wa"), "uo"),
    (re.compile(r"^w"), "u"),
    (re.compile(r"(?<=[bcdfghjklmnprstvwz])ey$"), "i"),
)
#: Besides: wr and kn opening a word as р and н, igh as ай, eigh as эй, a closing ugh as ью
#: and other gh after a vowel as nothing (Wright, Knight, Leigh, Hughes, Vaughan: Райт, Найт,
#: Ли, Хьюз, Воган; not gh before l, an Azerbaijani ğ: Ibadoghlu, İbadoğlu), ew as ью (Matthew, Andrew: Мэтью, Эндрю), ephen as ивен (Stephens:
#: Стивенс), ea as и (Keating: Китинг), ou as ау (Mountbatten), an opening e before one
#: consonant and a vowel as и (Elon, Ethan: Илон, Итан), a closing -ge as дж (Farage, George: Фарадж, Джордж) and a silent closing e or e
#: of -es (Lagarde, Jones, Reeves: Лагард, Джонс, Ривз), and a closing -ey after a consonant
#: as и (Davey, Geoffrey, Whitney: Дэйви, Джеффри, Уитни); ur before a consonant as ё (Burnham,
#: Turner: Бёрнем, Тёрнер), a closing -ham after a consonant as ем (Burnham, Gresham: Грешем)
#: and ie between consonants as и (Pierce, Friedman: Пирс, Фридман).
_ENGLISH_VOWEL_LETTERS = re.compile(
    r"[bcdfghjklmnprstvwz]u(?:[bcdfgklmnprstvz]{2}|[bcdfgklmnprstvz]$)|au|[bcdfghjklmnprstvwz]ow(?:n|e|$)"
    r"|ch|^w|[bcdfghjklmnprstvwz][ai][bcdfgklmnprstvz]es?$|gh|ew|ea|ou|efen|^e[bcdfgklmnprstvz][aeiouy]"
    r"|[^aeioucsxz]es$|[bcdfgklmnprstvz]e$|^kn|[bcdfghjklmnprstvwz]ey$"
    r"|[bcdfghjklmnpstvwz]ur[bcdfghjklmnpstvwz]|[bcdfgklmnprstvz]ham$|[bcdfghjklmnprstvwz]ie[bcdfgklmnprstvz]")


def _english_vowels(word: str) -> str:
    """``word`` (lower case, Latin) with :data:`_ENGLISH_VOWELS` read as Russian writes them."""
    if _ENGLISH_VOWEL_LETTERS.search(word) is None:
        return word  # (most words: none of these spellings)
    for pattern, sound in _ENGLISH_VOWELS:
        word = pattern.sub(sound, word)
    return word


#: English spellings as Azerbaijani writes them by ear (Lammy, Chapman, Jack Straw, Blair,
#: Walker, David, James: Lemmi, Çepmen, Cek Stro, Bleyr, Uoker, Deyvid, Ceyms): a in a closed
#: syllable as e, before one consonant and a vowel as ey or e (Baker, Cameron: Beyker,
#: Kemeron), ai and ay as ey, aw and al before k as o, an opening w (not wr) as u; j, ch, sh, th
#: meet c, ç, ş and t through the common foldings. Not a before r and a consonant or at the
#: end (Marks, Carter: Marks, Karter), so Merz → Marks stays another name; an opening a
#: only in a closed syllable (Abbott, Andrew: Ebbot, Endryu; Amin stays Amin).
_AZERBAIJANI_EAR = (
    (re.compile(r"a(?=[iy])"), "e"),
    (re.compile(r"aw|al(?=k)"), "o"),
    (re.compile(r"a(?=[bcdfghjklmnpstvxz]{2}|[bcdfgjklmnpstvxz]$|rr)"), "e"),
    (re.compile(r"^w(?!r)"), "u"),
)
#: The a before one consonant and a vowel, long (Baker, David: Beyker, Deyvid) or short
#: (Cameron: Kemeron) in English: both readings are kept.
_OPEN_A = re.compile(r"(?<=.)a(?=[bcdfgjklmnpstvz][aeiouy])")
_AZERBAIJANI_EAR_LETTERS = re.compile(r"(?<=.)a(?!r[^aeiouyr]|r$|$)|^a[^aeiouyr]{2}|aw|^w(?!r)")


def _azerbaijani_ear(english: str) -> tuple[str, ...]:
    """How Azerbaijani writes ``english`` (lower case, ASCII, with :data:`_ENGLISH_SOUNDS`
    read) by ear: :data:`_AZERBAIJANI_EAR`, the open a once as ey and once as e. Empty for
    most words."""
    if _AZERBAIJANI_EAR_LETTERS.search(english) is None or _surname_suffix(english) is not None:
        return ()  # (most words; and Karimov, Mammadli: names of the region, never English)
    for pattern, sound in _AZERBAIJANI_EAR:
        english = pattern.sub(sound, english)
    return _OPEN_A.sub("ey", english), _OPEN_A.sub("e", english)


#: An English g before e, i or y (and ge before o) that may sound as j, which Russian writes
#: дж and Azerbaijani c (George, Gemma, Nigel, Bridget: Джордж, Corc, Cemma, Naycel, Bricit);
#: read beside the hard g, which other names keep (Gilbert, Gibson: Гилберт, Гибсон).
#: A w between an opening consonant and a vowel, which Russian may write у (Swinney, Dwight:
#: Суинни, Дуайт) as well as в (Swift: Свифт).
_W_AS_U = re.compile(r"^([bcdfghkpst])w(?=[aeiouy])")
_SOFT_G = re.compile(r"d?ge(?=o)|d?g(?=[eiy])")
_GEO_AS_GE = re.compile(r"geo(?!r)")


#: German spellings as Russian and Azerbaijani write them: z and tz as ц, ts (Merz, Scholz:
#: Мерц, Шольц, Merts, Şolts), ei and ey as ай (Stein, Leyen: Штайн, Ляйен), ie as и (Dieter:
#: Дитер), eu as ой (Neumann: Нойман), an opening v as ф (Volker: Фолькер), sch as ш; w folds
#: to v anyway, s before a vowel opening a word as з and ö (or oe) as ё (Söder, Schroeder:
#: Зёдер, Шрёдер).
_GERMAN = ((re.compile(r"sch"), "sh"), (re.compile(r"t?z"), "ts"), (re.compile(r"e[iy]"), "ai"),
           (re.compile(r"ie"), "i"), (re.compile(r"eu"), "oi"), (re.compile(r"^v"), "f"),
           (re.compile(r"^s(?=[aeiouäöü])"), "z"), (re.compile(r"ö|oe"), "e"))
_GERMAN_LETTERS = re.compile(r"z|e[iy]|ie|eu|^v|^s[aeiouäöü]|ö|oe")
#: French spellings: ou as у (Louis: Луи), oi as уа (François: Франсуа), a closing -ent as ан
#: (Laurent: Лоран), a silent closing s, t, d or x after a vowel (Dumas, Thibault: Дюма, Тибо)
#: ç as с (François), a closing -ier as ье (Barnier, Olivier: Барнье, Оливье) and a silent
#: closing d after an n (Mitterrand, Bertrand: Миттеран, Бертран), and a nasal en before c as ан
#: (Mélenchon, Florence: Меланшон, Флоранс).
_FRENCH = ((re.compile(r"e?au"), "o"), (re.compile(r"ou"), "u"), (re.compile(r"oi"), "ua"),
           (re.compile(r"ent$"), "an"), (re.compile(r"(?<=[aeiou])(?:[lr]?[stdx])$"), ""),
           (re.compile(r"ç"), "s"), (re.compile(r"(?<=i)er$"), "e"), (re.compile(r"(?<=[aeo]n)d$"), ""),
           (re.compile(r"(?<=[^aeiou])en(?=c)"), "an"))
_FRENCH_LETTERS = re.compile(r"ou|oi|ent$|[aeiou][lr]?[stdx]$|ç|ier$|nd$|[^aeiou]enc")
#: A word made of Chinese (pinyin) syllables, and how Russian writes the pinyin letters it
#: does not share (Xi Jinping, Li Qiang, Zhou: Си Цзиньпин, Ли Цян, Чжоу): j and z as цз,
#: q and c as ц, x as с, zh as чж, a closing ng as н.
_PINYIN_WORD = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|iao|ian|ing|uai|uan|ang|eng|ong"
    r"|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u|ü)){1,3}")
_PINYIN_LETTERS = re.compile(r"zh|ng(?![aeiou])|[jqxzc]")
_PINYIN = {"zh": "chzh", "j": "tsz", "z": "tsz", "q": "ts", "c": "ts", "x": "s", "ng": "n"}


#: A Korean syllable as English writes it (McCune-Reischauer without its marks, or the
#: Revised Romanisation): Kim Jong Un, Moon Jae-in, Yoon Suk Yeol, Kim Il Sung.
_KOREAN_SYLLABLE = re.compile(
    r"(?:ch|kk|tt|pp|ss|jj|[kgndtrlmbpsjhwy])?"
    r"(?:yeo|yae|wae|eo|eu|ae|ya|ye|yo|yu|wa|wo|we|wi|oe|ui|oo|a|e|i|o|u)(?:ng|[knlmpt])?")
#: What only Korean among those spells so: an opening j, a closing ng, eo, eu and ae, or a
#: u in a word of one to three letters (Un, Suk: ŭ and ŏ, which English writes u).
_KOREAN_LETTERS = re.compile(r"^j|ng$|eo|eu|ae|^[^aeiou]?u[^aeiou]?$|^[^aeiou]?[aeiou]l$")
#: How Russian (Kontsevich) and Azerbaijani write those: j as ч (Чен, Çen), eo as о, eu and
#: an English u for ŭ as ы (Ын, In), ae as э, yu before ng as ё (Myung: Мён), a closing ng as н.
_KOREAN = ((re.compile(r"^j"), "ch"), (re.compile(r"eo"), "o"), (re.compile(r"eu"), "y"),
           (re.compile(r"yu(?=ng)"), "yo"), (re.compile(r"ae"), "e"), (re.compile(r"ng$"), "n"))


def _korean(word: str) -> tuple[str, ...]:
    """``word`` (lower case) as Russian may write it if it is a Korean syllable: also with
    the closing ong or ung as ен (Jong, Sung: Чен, Сен, as North Korean names are written)
    and a short word's u as ы or о (Un, Suk: Ын, Сок); () when it is none."""
    if len(word) > 5 or _KOREAN_LETTERS.search(word) is None \
            or _KOREAN_SYLLABLE.fullmatch(word) is None:
        return ()
    for pattern, sound in _KOREAN:
        word = pattern.sub(sound, word)
    found = [word]
    if word.endswith(("on", "un")) and word[-3:-2] not in "aeiouy":
        found.append(word[:-2] + "en")
    if len(word) <= 3 and "u" in word:
        found += [word.replace("u", "y"), word.replace("u", "o")]
    if word.endswith("l"):  # a closing l as р by tradition (Kim Il Sung, Kim Jong Il: Ким Ир Сен)
        found.append(word[:-1] + "r")
    return tuple(found)


def _pinyin(word: str) -> str:
    """``word`` (lower case) as Russian writes it if it is pinyin, else unchanged."""
    if _PINYIN_LETTERS.search(word) is None or _PINYIN_WORD.fullmatch(word) is None:
        return word
    return _PINYIN_LETTERS.sub(_pinyin_sound, word)


def _pinyin_closing(word: str) -> str:
    """``word`` (lower case) with only a pinyin syllable's closing ng written n, as Russian
    and Azerbaijani both write it (Jinping: Цзиньпин, Cinpin), if it is pinyin."""
    if "ng" not in word or _PINYIN_WORD.fullmatch(word) is None:
        return word
    return _PINYIN_CLOSING_NG.sub("n", word)


_PINYIN_CLOSING_NG = re.compile(r"ng(?![aeiou])")


def _pinyin_sound(match: re.Match[str]) -> str:
    return _PINYIN[match.group()]


def _respelt(word: str, gate: re.Pattern[str],
             rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    """``word`` with ``rules`` applied, when ``gate`` finds one of their spellings in it."""
    if gate.search(word) is None:
        return word
    for pattern, sound in rules:
        word = pattern.sub(sound, word)
    return word


@lru_cache(maxsize=_CACHE_SIZE)
def _skeletons(word: str) -> frozenset[str]:
    return _with_devoiced(_spelling_skeletons(word))


def _cyrillic_skeletons(lower: str) -> frozenset[str]:
    if "ё" in lower:  # ё sounds yo, as Latin letters write it (Ёль, Фёдор: Yol, Fyodor)
        return _cyrillic_skeletons(lower.replace("ё", "е")) \
            | _cyrillic_skeletons(lower.replace("ё", "йо"))
    if lower.startswith("ю"):  # Юсубов, Юнусов for Azerbaijani Usubov, Unusov
        return frozenset({_fold(_transliterate(lower)), _fold(_transliterate("у" + lower[1:]))})
    if lower[:1] in ("е", "ё"):  # an initial е sounds ye: Елена, Ержан (Yelena, Yerzhan)
        return frozenset({_fold(_transliterate(lower)), _fold(_transliterate("й" + lower))})
    if "э" in lower:  # Russian writes English a as э: Брэд, Тэтчер (Brad, Thatcher)
        return frozenset({_fold(_transliterate(lower)), _fold(_transliterate(lower.replace("э", "а")))})
    return frozenset({_fold(_transliterate(lower))})


def _spelling_skeletons(word: str, ear: bool = True, literal: bool = True) -> frozenset[str]:
    """The skeletons of ``word`` under each convention; without ``ear``, not as Azerbaijani
    writes an English name by ear (Lammy: Lemmi), which an English text's word never is;
    without ``literal``, not the letters read plainly where English reads them otherwise
    (Moon: mun, never mon; Macron: makron, as plainly)."""
    lower = word.lower()
    if any(char in _CYRILLIC for char in lower):
        found = _cyrillic_skeletons(lower)
        if "цз" in lower or "чж" in lower:  # Russian цз, чж write pinyin j, z, zh and Korean j,
            # which Azerbaijani writes c (Цзиньпин, Чжэ: Cinpin, Ce)
            found |= _cyrillic_skeletons(lower.replace("цз", "дж").replace("чж", "дж"))
        return found
    azerbaijani = "".join(_AZERBAIJANI.get(c, c) for c in lower)
    english = _ENGLISH_SPELLING.sub(_english_sound, lower)
    found = {_fold(_plain(lower)), _fold(_plain(azerbaijani))} if literal or english == lower else set()
    if english != lower:  # Smith, Cameron, Vincent as Russian hears them: Смит, Кэмерон, Винсент
        found.add(_fold(_plain(english)))
    vowels = _english_vowels(english)
    if vowels != english:  # Trump, Brown, Gates, Mike, Trudeau: Трамп, Браун, Гейтс, Майк, Трюдо
        found.add(_fold(_plain(vowels)))
    if lower.isascii() and ear:  # Lammy, Jack, Andrew: Lemmi, Cek, Endryu
        found.update(_fold(spelling) for heard in _azerbaijani_ear(english)
                     for spelling in {heard, _english_vowels(heard)})
    # (not a family name of the region: Huseynova's ey is no German ай)
    if _is_latin_foreign(lower) and _surname_suffix(lower) is None:  # Merz, Laurent, Jinping
        for spelling in (_respelt(lower, _GERMAN_LETTERS, _GERMAN),
                         _respelt(lower, _FRENCH_LETTERS, _FRENCH), _pinyin(lower), _pinyin_closing(lower)):
            if spelling != lower:
                found.add(_fold(_plain(spelling)))
        found.update(_fold(spelling) for spelling in _korean(lower))
    if "g" in lower and lower.isascii() and _SOFT_G.search(vowels):  # George, Nigel: Corc, Найджел
        found.add(_fold(_SOFT_G.sub("j", vowels)))
        if "geo" in vowels:  # geo before r is джо (George), elsewhere дже (Geoffrey: Джеффри, Ceffri)
            found.add(_fold(_SOFT_G.sub("j", _GEO_AS_GE.sub("ge", vowels))))
    if "x" in lower:  # English writes Russian кс as x (Alexander, Maxim, Xenia: Александр, Ксения)
        found.add(_fold(_plain(english.replace("x", "ks"))))
    if lower.isascii() and _W_AS_U.search(lower):  # Swinney, Dwight: Суинни, Дуайт (or Свифт)
        found.add(_fold(_plain(_W_AS_U.sub(r"\1u", vowels))))
    if "th" in lower:  # Arabic th (ث), which Azerbaijani writes s: Thani, Othman: Sani, Osman
        found.add(_fold(_plain(lower.replace("th", "s"))))
    # Slavic, German and Nordic names write Y's sound J (Jankovic: Янкович); not the -ov,
    # -yev families, whose j is English j (Hajiyev: Гаджиев)
    if "j" in lower and _FAMILY_SUFFIX_END.search(lower) is None:
        found.add(_fold(_plain(lower.replace("j", "y"))))
    if "ə" in lower:  # English writes ə as a (Rashad) or e (Azer, Elchin): both conventions
        found.add(_fold(_plain("".join(_AZERBAIJANI.get(c, c)
                                       for c in lower.replace("ə", "e")))))
    return frozenset(found)


@lru_cache(maxsize=_CACHE_SIZE)
def similarity(left: str, right: str) -> float:
    """How alike two words sound, 0…1; 0 unless their skeletons start alike."""
    best = 0.0
    for a in _skeletons(left):
        for b in _skeletons(right):
            if not a or not b:
                continue
            a, b = _same_initial(a, b)
            if a[0] != b[0]:
                continue
            best = max(best, SequenceMatcher(None, a, b).ratio())
    return best


#: Initial sounds Russian renders either way: English and Azerbaijani H is Г or Х in Russian
#: (Huseynova: Гусейнова or Хусейнова; Hasanov: Гасанов or Хасанов).
_INTERCHANGEABLE_INITIALS = frozenset({"g", "h"})


#: Initial sounds that renderings of one name disagree on more widely than a correction
#: may assume: Azerbaijani Q is Г or К in Russian (Quliyev: Гулиев or Кулиев).
_LOOSE_INITIALS = frozenset({"g", "h", "k"})


@lru_cache(maxsize=_CACHE_SIZE)
def resemblance(left: str, right: str) -> float:
    """How alike two words sound, 0…1, like :func:`similarity` but letting G, H and K open
    either word: for finding where a translation wrote a name, however it spelled it, not
    for deciding that one spelling may replace another."""
    best = similarity(left, right)
    for a in _skeletons(left):
        for b in _skeletons(right):
            if a and b and a[0] != b[0] and {a[0], b[0]} <= _LOOSE_INITIALS:
                best = max(best, SequenceMatcher(None, a[1:], b[1:]).ratio())
    if best < 0.8 and left[:1].lower() != right[:1].lower():
        best = max(best, _silent_h_resemblance(left, right), _silent_h_resemblance(right, left))
    if best < 0.8 and (_is_cyrillic(left) != _is_cyrillic(right)
                       or _is_azerbaijani(left) != _is_azerbaijani(right)):
        best = max(best, _russian_reading_resemblance(left, right))
    return best


#: An opening H before a vowel, silent in French, Spanish and Italian names (Hollande,
#: Hidalgo: Олланд, Идальго, Olland).
_SILENT_H = re.compile(r"[Hh](?=[aeiouy])")
_VOWEL_SKELETON = re.compile(r"[aeiou]")


def _silent_h_resemblance(left: str, right: str) -> float:
    """How alike ``left`` without its opening H and ``right`` opening on a vowel sound: 0
    unless ``left`` is a Latin word whose language may not say the H (not an Azerbaijani or
    Turkish one, whose H is always heard: Həsən, Hakan)."""
    if _SILENT_H.match(left) is None or not _is_latin_foreign(left.lower()) or _is_cyrillic(left):
        return 0.0
    return max((SequenceMatcher(None, a[1:], b).ratio() for a in _skeletons(left) for b in _skeletons(right)
                if a[:1] == "h" and _VOWEL_SKELETON.match(b)), default=0.0)


@lru_cache(maxsize=_CACHE_SIZE)
def opens_with(word: str, initial: str) -> bool:
    """Whether ``initial`` (one or two letters: С, S, Дж, C, Sh) writes the first sound of
    ``word`` in some convention: Samir as С. or S., John as Дж. or J., Cavid as C. or Дж.
    G, H, K and Q open one name in many ways (Hüseyn: Г., H., Kh.)."""
    heads = {skeleton for skeleton in _skeletons(initial) if skeleton}
    for skeleton in _skeletons(word):
        for head in heads:
            if skeleton.startswith(head) or (
                    len(head) == 1 and {head, skeleton[:1]} <= _LOOSE_INITIALS):
                return True
    return False


def _is_latin_foreign(lower: str) -> bool:
    """Whether the lower-case Latin ``lower`` may be a German, French or Chinese spelling:
    not a word with letters only Azerbaijani and Turkish write (Zəfər is never Цафар); ö and
    ü are German letters too (Söder), and ç a French one before a, o or u (François)."""
    return _TURKIC_ONLY.isdisjoint(lower) and ("ç" not in lower or _TURKIC_C.search(lower) is None)


_TURKIC_ONLY = frozenset("əığş")
#: A ç that French does not write (before e, i, a consonant or at the end: Elçin, Qoç).
_TURKIC_C = re.compile(r"ç(?![aou])")


def _is_cyrillic(word: str) -> bool:
    return any(char in _CYRILLIC for char in word.lower())


def _is_azerbaijani(word: str) -> bool:
    """Whether ``word`` has a letter only Azerbaijani writes (ə, ı, ğ …): English spells
    the name another way, often the Russian tradition's (Askerov for Əsgərov)."""
    return not _AZERBAIJANI_ONLY.isdisjoint(word.lower())


#: What Russian tradition writes for an Azerbaijani name that English spells with a, g, gh:
#: ə as е (Alakbarli, Ələkbərli: Алекперли), q as к (Mammadguluzadeh: Мамедкулизаде), ğ as
#: г (Aghayev: Агаев). English a may be ə or a and g may be q or g, so both skeletons fold
#: a into e and g into k; only for finding a name, never for replacing one spelling. English
#: often spells an Azerbaijani name as Russian does (Askerov, Mekhtiyev for Əsgərov,
#: Mehdiyev), so the reading also brings such a spelling to the Azerbaijani one.
_RUSSIAN_READING = (("gh", "g"), ("a", "e"), ("g", "k"))


def _russian_reading_resemblance(left: str, right: str) -> float:
    """How alike a Latin word and a Cyrillic one sound when the Latin one is an Azerbaijani
    name spelled in English and the Cyrillic one its traditional Russian rendering (or an
    English spelling in that tradition and the Azerbaijani one). A pair whose lengths alone
    cap the ratio below the best so far is never aligned: most words of a translation are
    far from the name looked for."""
    best = 0.0
    for a in map(_russian_reading, _skeletons(left)):
        for b in map(_russian_reading, _skeletons(right)):
            if a and b and a[0] == b[0] and 2 * min(len(a), len(b)) > best * (len(a) + len(b)):
                best = max(best, SequenceMatcher(None, a, b).ratio())
    return best


@lru_cache(maxsize=_CACHE_SIZE)
def sound_keys(word: str) -> frozenset[str]:
    """Coarse keys of how ``word`` sounds, equal for one name's renderings in the three
    languages (Rashad Mammadli, Rəşad Məmmədli, Рашад Мамедли; Huseynova, Гусейнова): the
    Russian readings of its skeletons, with G, H, K and Q opening a word as one sound. For
    bucketing names across languages without comparing every pair."""
    keys = set()
    for skeleton in _skeletons(word):
        if skeleton:
            reading = _russian_reading(skeleton)
            keys.add(("k" + reading[1:]) if reading[0] in _LOOSE_INITIALS else reading)
    return frozenset(keys)


def _russian_reading(skeleton: str) -> str:
    for old, new in _RUSSIAN_READING:
        skeleton = skeleton.replace(old, new)
    return skeleton


def _same_initial(a: str, b: str) -> tuple[str, str]:
    if a[0] != b[0] and {a[0], b[0]} <= _INTERCHANGEABLE_INITIALS:
        return a, b[0].replace(b[0], a[0]) + b[1:]
    return a, b


def _transliterate(text: str) -> str:
    text = text.replace("дж", "j")
    return "".join(_CYRILLIC.get(char, char) for char in text)


def _plain(text: str) -> str:
    """Latin letters without diacritics (é → e), ə and ı folded."""
    text = text.replace("ə", "a").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold(text: str) -> str:
    for old, new in _COMMON:
        text = text.replace(old, new)
    return _REPEATS.sub(r"\1", _NOT_LETTER.sub("", text))


#: A voiced b, d, g or z closing a word, which Russian and Azerbaijani say (and often write)
#: voiceless, as Turkish writes it: Rəcəb, Recep; Tayyib, Tayyip; Ривз for Reeves, Хьюз for
#: Hughes. Such a word also has the skeleton closing with the voiceless one; not v, which
#: closes the -ov, -yev families' names, whose case endings (Hacıyevin) follow the v.
_FINAL_VOICED = re.compile(r"[bdgz]$")
_DEVOICE = {"b": "p", "d": "t", "g": "k", "z": "s"}


def _with_devoiced(found: frozenset[str]) -> frozenset[str]:
    """``found`` and, for each skeleton closing with a voiced consonant, its devoiced form."""
    devoiced = {skeleton[:-1] + _DEVOICE[skeleton[-1]]
                for skeleton in found if _FINAL_VOICED.search(skeleton)}
    return found | devoiced if devoiced else found


#: Vowels of a skeleton, and the pairs that renderings of one name differ by as a rule: ə
#: written a or e (Məmmədov: Mammadov, Мамедов), ö and ё as o or e (Könül: Кёнюль).
_VOWELS = frozenset("aeiou")
_KIN_VOWELS = (frozenset("ae"),)
#: Letters written o by one convention and e by another (Könül: Konul, Kenul; Пётр: Pyotr,
#: Petr): only where one of them is, o and e are one vowel (ə, also written e, is never o).
_O_OR_E = frozenset("öё")
#: The glide between two vowels (Mirzayev, Мирзаев: mirzaiev, mirzaev), written by some
#: conventions and not others.
_GLIDE = re.compile(r"(?<=[aeiouæ])i(?=[aeiouæ])")  # (æ: an Azerbaijani ə, see _SCHWA)


@lru_cache(maxsize=_CACHE_SIZE)
def spelt_vowel_changed(name: str, written: str, name_by_sound: bool, as_azerbaijani: bool = False,
                        name_as_azerbaijani: bool = False) -> bool:
    """:func:`vowel_changed` where one of the words is spelt by an English text's
    convention, not by sound. ``name_by_sound``: the name is in Cyrillic or Azerbaijani
    letters and ``written`` an English text's word, a transliteration whose vowels are the
    name's (Зеленский: Zelensky, not Zalenski), read without Azerbaijani's ear for English
    (Zalenski is never an English word heard as zelenski); otherwise the name is English
    and ``written`` renders its sound, read only as English says its letters (Ki-moon: Мун,
    not Мон; Macron: Макрон, not Макрен). An unstressed English e may be written и (Guterres:
    Гутерриш), and the name's last letter may be a case ending's (Obama: Обаму).
    ``as_azerbaijani``, ``name_as_azerbaijani``: as for :func:`vowel_changed`."""
    if name_by_sound:
        names = _azerbaijani_readings(name) if name_as_azerbaijani else _skeletons(name)
        writtens, tail = _with_devoiced(_spelling_skeletons(written, ear=False)), 2
    else:
        names, tail = _with_devoiced(_spelling_skeletons(name, literal=False)), 1
        writtens = _azerbaijani_readings(written) if as_azerbaijani else _skeletons(written)
    kin = _vowel_kin(name, written) + ((frozenset("ei"),) if not name_by_sound else ()) + _SCHWA_KIN
    verdicts = [_stem_vowel_changed(_GLIDE.sub("", a), _GLIDE.sub("", b), kin, tail, uneven=True)
                for a, b in _aligned(names, writtens)]
    return bool(verdicts) and all(verdicts)


@lru_cache(maxsize=_CACHE_SIZE)
def vowel_changed(name: str, written: str, as_azerbaijani: bool = False,
                  name_as_azerbaijani: bool = False) -> bool:
    """Whether ``written``, a word that sounds like ``name`` (see :func:`resemblance`), has
    another vowel in its stem under every convention either may be written in: Мирзоев or
    Mirzoyev for Mirzayev is another family's name, where Мирзаев and Mirzəyev are its
    renderings. The last two letters are a case ending's (Лейлы, Лейлу for Leyla).
    ``as_azerbaijani``: ``written`` is a word of an Azerbaijani text, read only as its
    letters say (see :func:`_azerbaijani_readings`); ``name_as_azerbaijani``: so is ``name``."""
    writtens = _azerbaijani_readings(written) if as_azerbaijani else _skeletons(written)
    names = _azerbaijani_readings(name) if name_as_azerbaijani else _skeletons(name)
    kin = _vowel_kin(name, written)
    if as_azerbaijani:  # (Azerbaijani writes ə as ə, which its readings hold apart from a and e)
        kin = tuple(pair for pair in kin if pair not in _KIN_VOWELS)
    kin += _SCHWA_KIN
    verdicts = [_stem_vowel_changed(_GLIDE.sub("", a), _GLIDE.sub("", b), kin)
                for a, b in _aligned(names, writtens)]
    return bool(verdicts) and all(verdicts)


def _aligned(names: frozenset[str], writtens: frozenset[str]) -> list[tuple[str, str]]:
    """The pairs of skeletons of a name and a word that open alike (G and H as one), or all
    pairs if none do: a pair opening otherwise (Əlayev read elaev beside aliev) aligns its
    letters one place off and tells nothing of its vowels."""
    pairs = [(a, b) for a in names for b in writtens if a and b]
    opening_alike = [(a, b) for a, b in pairs if _same_initial(a, b)[1][0] == a[0]]
    return opening_alike or pairs


def _azerbaijani_readings(word: str) -> frozenset[str]:
    """The skeletons of ``word`` as Azerbaijani letters read, for a word of an Azerbaijani
    text, which spells every name by sound: never as English (Fadan is no feiden, an
    English a heard by ear). Its ə, which others write a or e (Məmmədli: Мамедли), is no
    vowel the comparison holds to either (:data:`_SCHWA`), but where it opens the word."""
    lower = word.lower()
    rest = "".join(_AZERBAIJANI.get(c, c) for c in lower[1:].replace("ə", _SCHWA))
    return _with_devoiced(frozenset(_fold(_plain(_AZERBAIJANI.get(head, head) + rest))
                                    for head in {lower[:1], lower[:1].replace("ə", "e")}))


#: Azerbaijani ə in a skeleton of :func:`_azerbaijani_readings`, which a and e written for it
#: render (:data:`_SCHWA_KIN`), and no other vowel (Mirzəyev: Мирзаев, never Мирзоев).
_SCHWA = "æ"
_SCHWA_KIN = (frozenset("aæ"), frozenset("eæ"))
#: The vowels :func:`_stem_vowel_changed` compares.
_STEM_VOWEL_LETTERS = frozenset("aeiouæ")


def _vowel_kin(name: str, written: str) -> tuple[frozenset[str], ...]:
    """The pairs of vowels that renderings of ``name`` write for one another (see
    :func:`vowel_changed`)."""
    # Azerbaijani ı, which the skeletons write i, is ы, у or и in Russian (Qasımov: Гасымов,
    # Касумов).
    both = (name + written).lower()
    # a and e are one vowel where either may write ə: in a name of the region (Məmmədov:
    # Mammadov, Мамедов), not in another (Carter: Kerter, Merkel: Markel are other names).
    region = "ə" in both or _surname_suffix(name.lower()) is not None \
        or _surname_suffix(written.lower()) is not None
    return (_KIN_VOWELS if region else ()) \
        + ((frozenset("iu"),) if "ı" in both or _english_and_russian(name, written) else ()) \
        + ((frozenset("oe"),) if not _O_OR_E.isdisjoint(both) else ())


def _english_and_russian(name: str, written: str) -> bool:
    """Whether one word is Latin without Azerbaijani letters and the other Cyrillic: English
    cannot show ı (Qasımov: Gasimov, Gasumov), and Russian writes it ы, у or и (Касумов;
    Quluzadə, Guluzadeh: Кулизаде), so i and u may be one vowel between them."""
    return _is_cyrillic(name) != _is_cyrillic(written) and _AZERBAIJANI_ONLY.isdisjoint(
        (name + written).lower())


def _stem_vowel_changed(a: str, b: str, kin: tuple[frozenset[str], ...], tail: int = 2,
                        uneven: bool = False) -> bool:
    """Whether skeleton ``b`` has another vowel than ``a`` in its stem: before the last
    ``tail`` letters of each, a case ending's. With ``uneven``, also where consonants of
    another length stand beside the one vowel of each (czon, can: the o is an a)."""
    if _same_frame(a, b):  # (letter by letter: an alignment may pair the vowels otherwise)
        return any(left != right and frozenset((left, right)) not in kin
                   for left, right in zip(a[:len(a) - tail], b) if left in _STEM_VOWEL_LETTERS)
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "replace" or i2 > len(a) - tail or j2 > len(b) - tail:
            continue
        if i2 - i1 != j2 - j1:
            if uneven and _one_vowel_changed(a[i1:i2], b[j1:j2], kin):
                return True
            continue
        for left, right in zip(a[i1:i2], b[j1:j2]):
            if left in _STEM_VOWEL_LETTERS and right in _STEM_VOWEL_LETTERS and frozenset((left, right)) not in kin:
                return True
    return False


def _same_frame(a: str, b: str) -> bool:
    """Whether two skeletons of one length have the same consonants in the same places, but
    for the first letter, and vowels where the other has vowels (mamedli, momadli: a vowel
    replaced, which :class:`SequenceMatcher` may align one place off, as ma with ma)."""
    return len(a) == len(b) and all(
        (left in _STEM_VOWEL_LETTERS) == (right in _STEM_VOWEL_LETTERS)
        and (index == 0 or left == right or left in _STEM_VOWEL_LETTERS)
        for index, (left, right) in enumerate(zip(a, b)))


def _one_vowel_changed(left: str, right: str, kin: tuple[frozenset[str], ...]) -> bool:
    """Whether two replaced runs of letters hold one vowel each, and different ones."""
    vowels = [c for c in left if c in _STEM_VOWEL_LETTERS], [c for c in right if c in _STEM_VOWEL_LETTERS]
    return len(vowels[0]) == len(vowels[1]) == 1 and vowels[0] != vowels[1] \
        and frozenset((vowels[0][0], vowels[1][0])) not in kin


#: Consonants no convention writes for one another: one replaced by the other in a name's
#: stem makes another family's name (Babayev: Papayev; Məmmədov: Мамметов; Nəcəf: Nasaf).
_DISTINCT_CONSONANTS = frozenset({frozenset("bp"), frozenset("dt"), frozenset("vf"),
                                  frozenset("lr"), frozenset("mn"), frozenset("bf"),
                                  frozenset("js")})
#: g and k, distinct only where the name's letter is certainly a g (see :func:`consonant_changed`).
_VELARS = frozenset("gk")
#: Letters that write Azerbaijani q or a rendering of it (Sadıqov: Садыков, Садыгов, Sadigov).
_MAYBE_Q = frozenset("qкk")
#: English spellings of Azerbaijani name roots whose g is ğ, never q, so Russian writes г and
#: never к (Bagirov, Agayev, Tagiyev, Nagiyev, Babaoglu, Nigar: Багиров, Агаев, Тагиев,
#: Нагиев, Бабаоглу, Нигяр), where an English g elsewhere may be q (Sadigov: Садыков).
_CERTAIN_G = re.compile(r"^(?:mir)?(?:bag(?:h)?ir|ag(?:h)?a(?=[lyz])|tag(?:h)?i|nag(?:h)?i|nigar|tug(?:h)?rul)"
                        r"|og(?:h)?l[uy]")
#: Letters only Azerbaijani writes, which tell that a Latin g is Azerbaijani g or ğ.
_AZERBAIJANI_ONLY = frozenset("əığüöşç")


@lru_cache(maxsize=_CACHE_SIZE)
def consonant_changed(name: str, written: str, region: bool = False, inflected: bool = True) -> bool:
    """Whether ``written``, a word that sounds like ``name`` (see :func:`resemblance`), has
    in its stem a consonant that no convention writes for the name's under every convention
    either may be written in (Bağırov, Багиров: Бакиров, Bakirov). The first letter (G, H,
    K, Q open one name in many ways) and the last two (a case ending's) are not compared.
    g and k count only where the name writes a g that is certainly one: Azerbaijani ğ or g,
    Russian г, or English g in a root known to write ğ (Bagirov: Bağırov, Багиров); not where
    it has a q or k, nor in English otherwise (Sadigov, for Sadıqov, is Садыков).
    ``region``: the name is a given name of the region (its family name says so), which
    English letters write as they read plainly: no soft g (Agil: Aqil, Агиль, never Acil).
    ``inflected``: ``name`` may carry a case ending (it is from a Russian or Azerbaijani
    text), so letters it has after all of ``written``'s may be one (Маском: Musk); an
    English name's may not (Pashinyan: Пашаян)."""
    lower = name.lower()
    # (a region's given name has no family suffix, though its letters may end like one: Mevlut)
    suffix, other = (None, None) if region else (_surname_suffix(lower), _surname_suffix(written.lower()))
    if suffix is not None and other is not None and suffix != other:
        return True  # Zeynallı → Zeynalov, Guliyev → Gulizadə: another family's suffix
    certain_g = _MAYBE_Q.isdisjoint(lower) and ("ğ" in lower or "г" in lower or (
        "g" in lower and (not _AZERBAIJANI_ONLY.isdisjoint(lower) or _CERTAIN_G.search(lower))))
    distinct: frozenset[frozenset[str]] | None = _DISTINCT_CONSONANTS | {_VELARS} if certain_g \
        else _DISTINCT_CONSONANTS
    if (suffix is None) == (other is None):
        distinct = None  # Ziyadov → Зияров, Cəfərli → Cəbərli: surnames of the region; Kallas → Кассас
    # (English: Johnson, Джонсон; never in a family name of the region: Bayramov, Bahramov)
    silent_h = (name.isascii() or written.isascii()) and (suffix is None or other is None)
    verdicts = [_stem_consonant_changed(a, b, distinct, certain_g) or _consonants_differ(a, b, silent_h, inflected)
                for a in _name_readings(name, written, region) for b in _readings(written) if a and b]
    return bool(verdicts) and all(verdicts) or _closing_consonant_changed(name, written) \
        or _ending_changed(name, written) or _hushing_changed(name, written) \
        or not region and _opening_changed(name, written)


#: The opening sounds renderings of one name write for one another, as one: G and H (Harry,
#: Hasanov: Гарри, Гасанов), not K (Kallas: Галлас is another name).
_OPENING_KIN = str.maketrans("h", "g")


def _opening_changed(name: str, written: str) -> bool:
    """Whether ``written`` opens with G or H where ``name`` opens with K, or the other way
    round (Kallas: Галлас, Hallas; Gates: Кейтс), in a name no convention opens either way:
    not one of the region (Azerbaijani q is G, Г or К: Qasımov, Gasimov, Касумов; its given
    names too: Qədir, Gadir, Кадыр), nor a Korean or Chinese syllable (Ki-moon: Ги Мун)."""
    if not ({name[:1].lower(), written[:1].lower()} & _GHK_OPENINGS) \
            or any(_is_azerbaijani(word) or "q" in word.lower() or _surname_suffix(word.lower()) is not None
                   or _KOREAN_SYLLABLE.fullmatch(word.lower()) or _PINYIN_WORD.fullmatch(word.lower())
                   for word in (name, written)):
        return False
    heads = {a[:1].translate(_OPENING_KIN) for a in _readings(name) if a}
    others = {b[:1].translate(_OPENING_KIN) for b in _readings(written) if b}
    return heads.isdisjoint(others) and heads | others <= {"g", "k"}


_GHK_OPENINGS = frozenset("ghkcгхкқғһ")


#: The consonants of the case endings a word in Cyrillic may carry after a name, as the
#: skeletons write them: -ом, -ым, -ого, -их (also й, which they write as a vowel); those of
#: Azerbaijani (-nın, -dan, -la) and English ('s) after a word in Latin letters.
_CYRILLIC_CASE_CONSONANTS = frozenset("mgh")
_LATIN_CASE_CONSONANTS = frozenset("ndls")
#: How many letters two skeletons must share at the start to be aligned at all.
_ALIGNED = 3


def _ending_changed(name: str, written: str) -> bool:
    """Whether ``written`` ends where ``name`` does not in a way no case ending explains,
    read on the skeletons of each that share the longest start: consonants after it that
    no case of ``written``'s language adds (Harris: Харрисон, whose н is no Russian case's;
    Харрисом, Harrisin are cases), or in Latin letters, where a case ending follows the
    whole name, any consonant in place of the name's last letters (Rubio: Rubin; Rubionun
    is a case). A Russian case may replace the name's closing vowels (Лейла: Лейлы, Дмитрий:
    Дмитрия) but never its consonants (Netanyahu: Нетаньян drops an h and adds an н)."""
    cyrillic = _is_cyrillic(written)
    allowed = _CYRILLIC_CASE_CONSONANTS if cyrillic else _LATIN_CASE_CONSONANTS
    pairs = [(a, b, _common_start(a, b)) for a in _name_readings(name, written)
             for b in _readings(written) if a and b]
    longest = max((size for _, _, size in pairs), default=0)
    if longest < _ALIGNED:
        return False
    return all(_foreign_ending(a[size:], b[size:], allowed, cyrillic)
               and not (_BEY.search(a) and b[size:size + 1] == "k")
               for a, b, size in pairs if size == longest)


#: Azerbaijani bəy closing a name, which Russian writes бек by tradition (Ağabəy: Агабек), as
#: it writes -bəyov -беков.
_BEY = re.compile(r"b[ae]i$")


def _common_start(a: str, b: str) -> int:
    size = 0
    for left, right in zip(a, b):
        if left != right:
            break
        size += 1
    return size


_VELAR_KIN = str.maketrans("hk", "gg")


def _foreign_ending(name_rest: str, written_rest: str, allowed: frozenset[str],
                    cyrillic: bool) -> bool:
    """:func:`_ending_changed` on what two aligned skeletons have after their shared start."""
    # (G, H and K write one another's sound: Sybiha, Shmyhal: Сибига, Шмыгаль)
    added = [c.translate(_VELAR_KIN) for c in written_rest if c not in _VOWELS]
    if not added or len(name_rest) > 2:
        return False  # (a difference inside the stem is for the other comparisons)
    dropped = [c.translate(_VELAR_KIN) for c in name_rest if c not in _VOWELS]
    remaining = iter(added)
    if dropped and all(consonant in remaining for consonant in dropped):
        # (a vowel dropped before the name's consonant: Павел, Павла; or a letter more
        # inside the stem, for the other comparisons: Ибадоглу, Ibadoghlu)
        return False
    if not cyrillic and name_rest:
        return written_rest[0] not in _VOWELS  # (Ализаде: Əlizadənin, one vowel for another)
    return bool(dropped) or not allowed.issuperset(added)


#: Russian and Azerbaijani hushing sibilants (ш, щ, ş) and the English and German spellings
#: of theirs, told apart from s, which a skeleton folds them into.
_HUSHING = re.compile(r"sch|sh|ş|ш|щ")
_SIBILANTS = re.compile(r"sch|sh|ş|ш|щ|sz|[sс]")


def _hushing_changed(name: str, written: str) -> bool:
    """Whether ``written`` has ш where ``name`` has s inside its stem, or the other way round
    (Peskov: Пешков), in a word spelt by sound on both sides: one in Cyrillic or Azerbaijani
    letters, or with the -ov, -yev suffix, which English writes by a transliteration's rules.
    A foreign spelling's s may sound ш by its language's rules (Costa: Кошта; Polish sz), and
    English drops a Turkish name's cedilla (Cavusoglu: Çavuşoğlu), so those are left alone, and so
    are the first letter and the last two, which other conventions and a case ending
    write (Stein: Штайн; Guterres: Гутерриш)."""
    lower, other = name.lower(), written.lower()
    if _HUSHING.search(lower) is None and _HUSHING.search(other) is None:
        return False  # (most names: no ш to tell from s)
    if "sz" in lower or "sz" in other or not all(
            _is_cyrillic(word) or _is_azerbaijani(word) or _surname_suffix(word) == "ov"
            for word in (lower, other)):
        return False
    left, right = _sibilant_kinds(lower), _sibilant_kinds(other)
    return len(left) == len(right) and left != right


def _sibilant_kinds(word: str) -> str:
    """The sibilants of ``word``'s stem (past its first letter, before its last two), each
    as h for hushing or s for plain."""
    stem = word[1:-2]
    return "".join("h" if _HUSHING.fullmatch(found.group()) else "s"
                   for found in _SIBILANTS.finditer(stem))


#: Consonants of a skeleton that renderings of one name write for one another anywhere in it:
#: G and K (and Q, folded to g), which :func:`_consonants_differ` reads as one; and H, read
#: as their fellow (Rəhimov, Shmyhal: Рагимов, Шмыгаль) and, where one word may be English,
#: also as silent (Johnson: Джонсон; not Məhəmmədli for Мамедли).
_LOOSE_CONSONANTS = re.compile("[gk]")
#: Consonants a case ending of the three languages adds after a name: Russian -ом, -ым, -ого,
#: -их; Azerbaijani -nın, -da, -dan, -la. Other letters after all of a name's make another
#: (Davey: Дэвис).
_ENDING_CONSONANTS = frozenset("mnkhdl")
#: Consonant runs one rendering writes where another writes one of them: t before ch (Thatcher,
#: Тэтчер: tacer, tetcer) and the k of Russian -беков for Azerbaijani -bəyov (Əmirbəyov:
#: Амирбеков), read here as the one.
_MERGED_CONSONANTS = re.compile(r"t(?=c)|(?<=b)k(?=v)")


def _consonants_differ(a: str, b: str, silent_h: bool = True, inflected: bool = True) -> bool:
    """Whether two skeletons' consonants after the first letter differ, other than by a
    case ending's consonants one of them has after all the other's (Маском for Musk; ``a``
    only when ``inflected``):
    a consonant dropped, added or replaced inside the name (Musk: Мак, Mack; Reeves: Рис;
    Kallas: Кассас; Davey: Дэвис), however H is read (see :data:`_LOOSE_CONSONANTS`). A
    voiced stop after a voiceless consonant is its voiceless fellow (Əsgərov: Аскеров), as
    in :func:`_stem_consonant_changed`."""
    readings = zip(_consonant_skeletons(a), _consonant_skeletons(b))
    return all(not (_extended(right, left) or (inflected and _extended(left, right)))
               for left, right in (readings if silent_h else [next(readings)]))


def _extended(longer: str, shorter: str) -> bool:
    """Whether ``longer`` is ``shorter`` with a case ending's consonants after it; the last
    consonant of ``shorter`` may be the voiced or voiceless fellow of the one in its place,
    as a closing consonant is said voiceless (Mövlud, Mevlüt; Mövludun)."""
    if not longer.startswith(shorter[:-1]) or not _ENDING_CONSONANTS.issuperset(longer[len(shorter):]):
        return False
    last, there = shorter[-1:], longer[len(shorter) - 1:len(shorter)]
    return last == there or _DEVOICE.get(last) == there or _DEVOICE.get(there) == last


@lru_cache(maxsize=_CACHE_SIZE)
def _consonant_skeletons(skeleton: str) -> tuple[str, str]:
    """The consonants of ``skeleton`` after its first letter, as :func:`_consonants_differ`
    compares them: with H read as K, and without H."""
    plain = _DEVOICED.sub(_voiceless, skeleton.replace("gh", "g"))
    consonants = _LOOSE_CONSONANTS.sub("k", _AFTER_VELAR_B.sub("p", _STEM_VOWELS.sub("", plain[1:])))
    # (not collapsing a pair the vowels parted: Pashinyan's n-n is no Пашаян's n)
    return (_MERGED_CONSONANTS.sub("", consonants.replace("h", "k")),
            _MERGED_CONSONANTS.sub("", consonants.replace("h", "")))


#: Closing consonants that renderings of one name write for one another: a voiced one and
#: its voiceless fellow (Reeves: Ривз, Rivs), z, s and ts (Merz: Merts), j and ç, c (George:
#: Corc) and G, H, K.
_KIN_CLOSINGS = (frozenset("bp"), frozenset("dt"), frozenset("zsc"), frozenset("jcs"),
                 frozenset("ghk"), frozenset("vf"))


def _closing_consonant_changed(name: str, written: str) -> bool:
    """Whether ``written`` is ``name`` with its closing consonant replaced by another that
    no convention writes for it (Harris: Herrin, Харрин): one skeleton of each is the other's
    but for that letter and none are equal. A case ending appends letters and never makes
    a skeleton of the same length (Harris: Herrisin, Харриса)."""
    names, writtens = _name_readings(name, written), _readings(written)
    if not names.isdisjoint(writtens):
        return False
    return any(len(a) == len(b) > 2 and a[:-1] == b[:-1] and _closing_consonants_distinct(a[-1], b[-1])
               for a in names for b in writtens)


def _closing_consonants_distinct(a: str, b: str) -> bool:
    return a not in _VOWELS and b not in _VOWELS and a != b \
        and not any(a in kin and b in kin for kin in _KIN_CLOSINGS)


def _name_readings(name: str, written: str, region: bool = False) -> frozenset[str]:
    """:func:`_readings` of ``name``, without its opening H where ``written`` opens on a
    vowel and the H may be silent (Hollande: Олланд, Olland), so that the letters after it
    are compared with the rendering's letters, not one place off. A ``region`` name in
    English letters has only its plain reading (Agil: agil, not a soft g's ajil)."""
    if region and name.isascii():  # (as English or Azerbaijani letters write it: Agil, Muxtar)
        lower = name.lower()
        return frozenset({_fold(lower), _fold("".join(_AZERBAIJANI.get(c, c) for c in lower))})
    found = _readings(name)
    if _silent_h_resemblance(name, written) == 0.0:
        return found
    return frozenset(a[1:] if a.startswith("h") else a for a in found)


@lru_cache(maxsize=_CACHE_SIZE)
def _readings(word: str) -> frozenset[str]:
    """The skeletons of ``word`` under the conventions it may be written in: an Azerbaijani
    word (one with ə, ı, ğ …) only as Azerbaijani reads it, its c never an English c
    (Nəcəf: najaf, not nacaf, which Nasaf would differ from only by c and s)."""
    found = _skeletons(word)
    if not _is_azerbaijani(word):
        return found
    lower = word.lower()
    azerbaijani = {_fold(_plain("".join(_AZERBAIJANI.get(c, c) for c in spelling)))
                   for spelling in (lower, lower.replace("ə", "e"))}
    return frozenset(found & azerbaijani) or found


def _stem_consonant_changed(a: str, b: str, distinct: frozenset[frozenset[str]] | None,
                            certain_g: bool = False) -> bool:
    """Whether the consonants of two skeletons' stems (without the first letter and the
    last two) differ by a replaced pair in ``distinct`` (None: by any pair but G, H and K,
    which renderings of one name swap, and G and K not where the g is ``certain_g``).
    Vowels are left out first, so another vowel next to the consonant (Məmmədov: memedov,
    Мамметов: mametov) cannot pull the alignment off it, and an English gh is the g it
    writes (Ibadoghlu: İbadoğlu), so that a consonant beside it is still aligned."""
    a, b = _DEVOICED.sub(_voiceless, a.replace("gh", "g")), _DEVOICED.sub(_voiceless, b.replace("gh", "g"))
    left, right = (_AFTER_VELAR_B.sub("p", _STEM_VOWELS.sub("", a[1:-2])),
                   _AFTER_VELAR_B.sub("p", _STEM_VOWELS.sub("", b[1:-2])))
    for op, i1, i2, j1, j2 in SequenceMatcher(None, left, right, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1 and any(
                (frozenset(pair) in distinct) if distinct is not None
                else not set(pair) <= _LOOSE_INITIALS or (certain_g and frozenset(pair) == _VELARS)
                for pair in zip(left[i1:i2], right[j1:j2])):
            return True
    return False


#: The suffixes of Azerbaijani (and Russian) surnames in the three languages' spellings, with
#: up to a case ending after them: one name never changes from one to another (Məmmədli and
#: Məmmədov, Quliyev and Quluzadə are other families).
_SURNAME_SUFFIXES = (
    ("ov", re.compile(r"(?:ov|ev|ов|ев|ёв)(?:[a-zа-яёəıöüğşç]{0,3})$")),
    ("li", re.compile(r"(?:l[iıuü]|л[иыу])(?:[nydsəaı][a-zəıöüğşç]{0,3})?$")),
    ("zade", re.compile(r"(?:zad[əea]|заде)(?:[nydsəaı][a-zəıöüğşç]{0,3})?$")),
    ("oglu", re.compile(r"(?:o[ğg]h?lu|оглу)(?:[nydsəaı][a-zəıöüğşç]{0,3})?$")),
)


def suffix_added(name: str, written: str) -> bool:
    """Whether ``written``, a word that sounds like ``name`` (see :func:`resemblance`), is a
    family name made from it by a surname suffix that ``name`` has not, or the other way
    round (Abdulla: Abdullayev, Абдуллаев; Həsən: Гасанов): another family's name, where a
    case ending (Абдуллы) is none. Only where the part before the suffix sounds like the
    other word itself (Stevens: Стивенс, whose "ev" is no suffix, is left alone)."""
    bare, suffixed = (name, written) if _surname_suffix(name.lower()) is None else (written, name)
    if _surname_suffix(bare.lower()) is not None:
        return False
    ending = _FAMILY_SUFFIX_END.search(suffixed.lower())
    if ending is not None and len(bare) >= len(suffixed) - 1 and ending.start() >= 3 \
            and _FAMILY_SUFFIX.search(bare.lower(), ending.start() - 1) is None \
            and similarity(suffixed[:ending.start()], bare[:ending.start()]) >= 0.85:
        return True  # Лавров: Lavrıv, whose -ov is lost, as no rendering nor case loses it
    match = _SUFFIX_START.search(suffixed.lower())
    if match is None or match.start() < 3 or len(suffixed) - len(bare) < 2:
        return False  # (Абдуллы: a case ending in the place of the name's last vowel)
    return similarity(suffixed[:match.start()], bare) >= 0.85


#: A family's name ending with its -ov or -yev suffix (Лавров, Aliyeva, Əliyev): every
#: rendering and case of it keeps the suffix.
_FAMILY_SUFFIX_END = re.compile(r"(?:ov|ev|ов|ев|ёв)[aа]?$")
#: The suffix anywhere, as a long case ending leaves it (Məmmədovanın).
_FAMILY_SUFFIX = re.compile(r"ov|ev|ов|ев|ёв")
#: Where a surname suffix of :data:`_SURNAME_SUFFIXES` starts, with the glide before -yev
#: (Abdullayev, Абдуллаев: stem Abdulla, Абдулла).
_SUFFIX_START = re.compile(r"(?:y?(?:ov|ev|yev)|ов|ев|ёв|l[iıuü]|л[иыу]|zad[əea]|заде)(?:[a-zа-яёəıöüğşç]{0,3})$")


def _surname_suffix(word: str) -> str | None:
    """Which of :data:`_SURNAME_SUFFIXES` the lower-case ``word`` ends in, the one nearest
    its end when several match (Məmmədovlu?); None when none."""
    found = [(match.start(), kind) for kind, pattern in _SURNAME_SUFFIXES
             if (match := pattern.search(word)) is not None]
    return max(found)[1] if found else None


#: A voiced stop right after a voiceless consonant, which Russian tradition writes voiceless
#: as it is heard (Əsgərov, Ələsgər: Аскеров, Алескер; Mehdiyev: Мехтиев): such a b, d or g
#: and its voiceless fellow are one consonant there. Skeleton letters: c is ç, ch or ts, h is
#: x, kh or h, s is also ş.
_DEVOICED = re.compile(r"(?<=[cfhkpst])[bdg]")
_VOICELESS = {"b": "p", "d": "t", "g": "k"}


def _voiceless(match: re.Match[str]) -> str:
    return _VOICELESS[match.group()]


#: Vowels, left out of the stems compared. A b after k is heard, and traditionally written
#: in Russian, as p (Ələkbərli, Alakbarli: Алекперли; Əkbərov: Акперов), so kb and kp are one;
#: so are gb and gp, as g and k may write one sound (Yaqubov: Ягубов, Якубов).
_STEM_VOWELS = re.compile("[aeiou]")
_AFTER_VELAR_B = re.compile("(?<=[gk])b")
