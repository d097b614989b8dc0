"""Negation polarity of a segment in English, Russian or Azerbaijani.

A dropped or added negation inverts a sentence (Coles did not react → Коулз бурно
отреагировал), and nothing else notices it: every name, number and mark is still there.
Counting negations is unreliable, as languages negate differently (никто не is one
negation, no longer is больше не, failed to is не удалось, cannot is невозможно), so each
text gets two readings: whether it holds a plain negation (:func:`negates`: not, не, deyil,
the Azerbaijani negative verb suffix), and whether it holds a word that may render one in
another form (:func:`may_negate`: fail, only, unless, a negative prefix or suffix, -sız, без).
:func:`negation_slip` reports only a plain negation on one side facing neither reading on
the other: precision over recall, as a false alarm on a correct translation costs a
reviewer's trust.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CACHE_SIZE = 16384
_APOSTROPHES = "'’ʼ"


# --- English --------------------------------------------------------------------------------
#: Phrases that hold a negation word but negate nothing (not only … but also, nothing but,
#: none other than, No. 10), or bound a quantity (no more than = не более), blanked first.
_EN_NOT_NEGATING = re.compile(
    r"\b(?:not\s+only|not\s+just|not\s+merely|not\s+least|nothing\s+but|none\s+other\s+than|"
    r"no\s+(?:more|less|fewer|later|earlier|sooner)\s+than|not\s+(?:more|less|fewer|later|earlier)\s+than|"
    r"no\s+doubt|without\s+(?:a\s+)?doubt|no\s+wonder|whether\s+or\s+not|or\s+not|if\s+not|"
    r"not\s+to\s+mention|never\s*the\s*less|none\s*the\s*less|"
    r"no\.?\s*\d|no\s+(?=\d))|"
    r"n[" + _APOSTROPHES + r"]t\s+(?:it|he|she|they|we|you|there|i|that|this)\s*\?",
    re.IGNORECASE)
#: A plain negation in lower-case text, its word's start left to :func:`_word_found` (a
#: look-behind here would be tried at every character: 30 µs a paragraph, five times slower).
_EN_STRONG = re.compile(
    r"(?:n(?:ot|o|ever|one|obody|othing|either|or|owhere|o-one)|cannot)\b|n[" + _APOSTROPHES + r"]t\b")
#: Words that may render a negation another language writes plainly (не удалось = failed,
#: невозможно = impossible, если не = unless, только = only), or negate by themselves
#: (false = не соответствует действительности, shut = не работали).
_EN_SOFT = re.compile(
    r"\b(?:un(?!i(?:t|on|vers|form|que))\w{3,}|non-?\w+|im(?:possib|moss|prop|matur|balanc)\w*|"
    r"in(?:capab|ab|valid|suffic|correct|complet|accura|effect|adequa|appropri|depend|evitab|nocent|"
    r"secur|stab|active|action|visib|famous)\w*|"
    r"il(?:legal|licit|logic)\w*|ir(?:regular|relevan|respons|revers)\w*|dis(?:agree|appear|approv|miss|"
    r"allow|qualif|abl|continu|regard|like|miss|prov|belie|trust|own|avow)\w*|mis\w+|"
    r"\w{3,}less(?:ly|ness)?|unless|only|merely|solely|until|till|before|"
    r"fail\w*|refus\w*|reject\w*|declin\w*|lack\w*|absen\w*|deni\w*|deny\w*|free|instead|rather|except\w*|"
    r"hardly|barely|scarcely|seldom|rarely|little|few|ban|bann\w*|bans|prohibit\w*|forb[ia]d\w*|prevent\w*|"
    r"avoid\w*|stop\w*|ceas\w*|quit\w*|halt\w*|miss\w*|ever|beyond|exclud\w*|barr\w*|"
    r"far\s+from|let\s+alone|short\s+of|silen\w*|without|walk-in|"
    r"doubt\w*|ignor\w*|overlook\w*|omit\w*|skip\w*|escap\w*|refrain\w*|abstain\w*|resist\w*|"
    r"oppos(?:e|es|ed|ing)|against|false\w*|fake|wrong\w*|shut|closed|idle|empty|"
    r"shrug\w*\s+off|too\s+\w+\s+to|yet\s+to|contrary|regardless|unlike|vague\w*|"
    r"unclear|unknown|ambiguous|lift\w*|abolish\w*|scrap\w*|cancel\w*|withdr[ae]w\w*)\b",
    re.IGNORECASE)

# --- Russian --------------------------------------------------------------------------------
_RU_NOT_NEGATING = re.compile(
    r"(?<!\w)(?:тем\s+не\s+менее|не\s+только|не\s+просто|не\s+кто\s+иной|не\s+что\s+иное|не\s+(?:менее|более|меньше|больше|"
    r"позднее|позже|ранее|раньше|свыше)(?:\s+чем)?|не\s+раз|не\s+так\s+давно|не\s+без|не\s+исключено|"
    r"(?:чуть|едва)\s+ли\s+не|не\s+говоря\s+уже|(?:или|ли)\s+нет|так\s+или\s+иначе|не\s+то\s+чтобы|"
    r"не\s+так\s*\?|не\s+правда\s+ли|(?:как|что|кто|где|куда|когда|сколько|чем|какой|какая|какое|какие|каким)\s+бы\s+(?:\w+\s+)?ни|нет\s*,?\s+(?=\w+\s*\?))(?!\w)",
    re.IGNORECASE)
#: A plain negation, its alternatives as a tree after н, so a word that merely starts with н
#: fails fast (a flat list of forty words cost 15 µs a sentence); not ничья, which is a
#: draw in sport far more often than nobody's.
_RU_STRONG = re.compile(
    r"н(?<![^\W\d_]н)(?:е(?:т|ту|льзя|зачем|куда|где|кого|чего|кому|чем)?"
    r"|и(?:кто|кого|кому|кем|ком|что|чего|чему|чем|когда|где|куда|откуда|сколько|чуть|\s*о\s*чём"
    r"|как(?:ой|ая|ое|ие|ого|ую|их|им|ими|ому)?)?)\b|о(?<![^\W\d_]о)тнюдь\b")
#: Words that may render a negation in another form: a prefix не-, без-, бес- (невозможно,
#: безработный, бесплатно; also небольшой and неделя, which only cost recall), only,
#: failed, refused, except, instead.
_RU_SOFT = re.compile(
    r"(?<!\w)(?:(?:не|ни|без|бес)\w{2,}|только|лишь|едва|мало|малo\w*|немн\w*|кроме|вместо|вне|помимо|"
    r"провал\w*|отказ\w*|отверг\w*|отклон\w*|запрет\w*|запрещ\w*|отсутств\w*|лиш[еи]\w*|избе[гж]\w*|"
    r"прекрат\w*|прекращ\w*|перестал\w*|переста\w*|останов\w*|помешал\w*|предотвра\w*|отмен\w*|"
    r"воздерж\w*|сомн\w*|пока|прежде|вряд|против|несмотря|когда-либо|кто-либо|что-либо|"
    r"упуст\w*|пропуст\w*|закрыт\w*|ложн\w*|фейк\w*|пуст\w*|простаива\w*|простой|пропал\w*|исчез\w*|далеко|без|безо|"
    r"\w*игнор\w*|умолч\w*|молч\w*|скрыл\w*|скрыва\w*|отрица\w*|опроверг\w*|снял\w*|сня\w*)(?!\w)",
    re.IGNORECASE)

# --- Azerbaijani ----------------------------------------------------------------------------
_AZ_NOT_NEGATING = re.compile(
    r"\b(?:(?:elə\s+)?deyil\s*mi\s*\?|heç\s+olmasa|heç-heçə\w*|heç\s+də\s+(?=təsadüfi)|nəinki|təkcə|yoxsa|ya\s+da)(?!\w)", re.IGNORECASE)
#: A verb negated by -ma/-mə, then what may follow it: the past (gəlmədi, getmədik), the
#: present (etmir, bilmirəm), the future (olmayacaq), the aorist (olmaz, bilmərik), the
#: perfect (etməyib, görməmiş), necessity (getməməlidir), condition (olmasa), a converb
#: (etmədən, olmayaraq), a participle (olmayan, etmədiyi) and the negative infinitive;
#: the stem holds two letters at least, so mədən (mine) and masa (table) are no verbs.
_AZ_NEGATIVE_VERB = re.compile(
    r"m(?<=[^\W\d_]{2}m)"
    r"(?:[ıiuü]r(?:am|əm|sa|sə|san|sən|sınız|siniz|sunuz|sünüz|ıq|ik|uq|ük|lar|lər|dı|di|du|dü|mış|miş|muş|müş|"
    r"dılar|dilər|dur|dür|dır|dir)?"
    r"|[aə]d[ıi](?:m|n|q|k|nız|niz|lar|lər)?"
    r"|ayaca[qğ]\w*|əyəcə[ky]\w*|[aə]y[ıi]b\w*|amış\w*|əmiş\w*"
    r"|azlar|əzlər|a(?:ram|rıq|zsan|zsınız)|ə(?:rəm|rik|zsən|zsiniz)"
    r"|amal[ıi]\w*|əməli\w*|asa\w*|əsə\w*|ayaraq|əyərək|ayan\w*|əyən\w*|amaq|əmək"
    r"|ad[ıi][ğq]\w*|ədi[yk]\w*)(?!\w)")
#: Words that end as a negative verb does and are none (təmir repair, dəmir iron, kömür coal,
#: Teymur, Məmmədi), matched by their start.
_AZ_NOT_VERBS = ("təmir", "dəmir", "xəmir", "kömür", "əmir", "emir", "amir", "zəmir", "izmir", "kəşmir",
                 "yağmur", "teymur", "timur", "temir", "tamir", "samir", "səmir", "zamir", "vladimir",
                 "volodimir", "kazimir", "məmməd", "məhəmməd", "muhamməd", "əhməd", "səməd", "baxmayaraq")
#: A cheap first test for :data:`_AZ_STRONG`, whose word boundaries are slow to try at every
#: character.
_AZ_GATE = re.compile(r"deyil|yox|heç|nə\b")
_SENTENCE_ENDS = frozenset(".!?:;«»“”„\"'(–—-…")
_AZ_STRONG = re.compile(r"\b(?:deyil\w*|yox|yoxdur|yoxdu|yoxdurlar|heç|nə\s+\w+\s*,?\s+nə)\b")
#: Words that may render a negation in another form: -sız/-siz/-suz/-süz (without), qeyri-,
#: only, except, instead, failure, refusal, a ban, an absence.
_AZ_SOFT = re.compile(
    r"(?<!\w)(?:\w{2,}s[ıiuü]z\w*|qeyri\w*|yalnız|ancaq|təkcə|sadəcə|ləp|başqa|əvəzinə|imtina\w*|uğursuz\w*|"
    r"qadağa\w*|bağlı\w*|yalan\w*|saxta\w*|boş\w*|çatışmır\w*|çatışmaz\w*|əskik\w*|azad\w*|\w{2,}m[aə]d[aə]n|\w{2,}m[aə]z|nə|"
    r"dayan\w*|dayandır\w*|rədd\w*|inkar\w*|əleyhinə|baxmayaraq|əks|"
    r"nadir\w*|məhrum\w*|ləğv\w*|heç|mümkünsüz\w*|"
    r"naməlum\w*|bilinmir|aydın\s+deyil|şübhə\w*|susur\w*|sus\w*|yayın\w*|çəkin\w*|olsa|olmasın)(?!\w)",
    re.IGNORECASE)


def _english(text: str) -> bool:
    lower = text.lower()
    return _word_found(_EN_STRONG, lower) and _word_found(_EN_STRONG, _EN_NOT_NEGATING.sub(" ", lower))


def _russian(text: str) -> bool:
    lower = text.lower()
    return _word_found(_RU_STRONG, lower) and _word_found(_RU_STRONG, _RU_NOT_NEGATING.sub(" ", lower))


def _word_found(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` matches ``text`` at the start of a word (n't inside one)."""
    for match in pattern.finditer(text):
        start = match.start()
        if start == 0 or not text[start - 1].isalpha() or match.group()[1] in _APOSTROPHES:
            return True
    return False


def _azerbaijani(text: str) -> bool:
    if any(_is_negative_verb(text, match) for match in _AZ_NEGATIVE_VERB.finditer(text)):
        return True
    lower = text.lower()
    return _AZ_GATE.search(lower) is not None and _AZ_STRONG.search(_AZ_NOT_NEGATING.sub(" ", lower)) is not None


def _is_negative_verb(text: str, match: re.Match[str]) -> bool:
    """Whether the word ending as a negative verb at ``match`` is one: not a word that only
    ends so (təmir), nor a capitalised word inside a sentence (Temir, Vladimir: a name)."""
    start = match.start()
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:match.end()]
    if word.lower().startswith(_AZ_NOT_VERBS):
        return False
    return not word[0].isupper() or _opens_sentence(text, start)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or a quotation (“Gözləməyəcəyik,” …)."""
    before = text[:start].rstrip(" \t\n*_")
    return not before or before[-1] in _SENTENCE_ENDS


_NEGATES = {"en": _english, "ru": _russian, "az": _azerbaijani}
#: A letter of each language's script: a text without one is in another language (a heading
#: left in English in a Russian catalogue), which this module cannot read for negation.
_SCRIPT = {"en": re.compile(r"[A-Za-z]"), "ru": re.compile(r"[А-Яа-яЁё]"), "az": re.compile(r"[A-Za-zƏəÇçĞğİıÖöŞşÜü]")}
_MAY_NEGATE = {"en": _EN_SOFT, "ru": _RU_SOFT, "az": _AZ_SOFT}


@lru_cache(maxsize=64)
def _language(lang: str) -> str:
    return lang.split("-")[0].split("_")[0].lower()


def _written_in(text: str, lang: str) -> bool:
    """Whether ``text`` is in a language read here, written in its script."""
    script = _SCRIPT.get(_language(lang))
    return script is not None and script.search(text) is not None


@lru_cache(maxsize=_CACHE_SIZE)
def negates(text: str, lang: str) -> bool:
    """Whether ``text`` negates plainly (cached: a source is read again for each target)."""
    return _NEGATES[_language(lang)](text)


@lru_cache(maxsize=_CACHE_SIZE)
def may_negate(text: str, lang: str) -> bool:
    """Whether ``text`` holds a word that may render a negation in another form (failed,
    only, unless, невозможно, без, -sız), which excuses a plain negation on the other side."""
    return _MAY_NEGATE[_language(lang)].search(text) is not None


def negation_slip(source: str, translation: str, src_lang: str, tgt_lang: str) -> str | None:
    """``"dropped"`` when the source negates plainly and the translation holds no negation in
    any form, ``"added"`` for the reverse, else None (also for a language not read here)."""
    if not (_written_in(source, src_lang) and _written_in(translation, tgt_lang)) \
            or source.strip() == translation.strip():
        return None
    negated = negates(source, src_lang)
    if negated == negates(translation, tgt_lang):
        return None
    if negated:
        if may_negate(translation, tgt_lang) or _left_as_written(translation, src_lang, tgt_lang):
            return None
        return "dropped"
    return None if may_negate(source, src_lang) else "added"


def _left_as_written(translation: str, src_lang: str, tgt_lang: str) -> bool:
    """Whether the translation keeps a plain negation in the source's language (a sentence
    or phrase left in English in an Azerbaijani text, which shares its letters): that
    sentence still negates, and what the translation left untranslated is another check's."""
    latin = ("en", "az")
    return (_language(src_lang) in latin) == (_language(tgt_lang) in latin) and negates(translation, src_lang)
