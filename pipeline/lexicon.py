"""Word lists for attribution in English, Russian and Azerbaijani.

Kept apart from the matching code so a newsroom can see (and extend) exactly which
verbs make a quotation "speech" and which words introduce a person. Every entry is
lower case; multi-word verbs are tuples of words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cached_property



#: Initials of two letters, for a given name opening with a sound one letter does not
#: write: Дж. (Джавид), Sh. (Shahin), Ch. (Chingiz), Kh. (Khalid), Zh., Ts., Yu. (Yusif).
DIGRAPH_INITIALS = frozenset((
    "Дж", "Дз", "Sh", "Ch", "Kh", "Zh", "Ts", "Yu", "Ya", "Ye", "Yo", "Gh", "Th", "Ph"))


def is_initial(word: str) -> bool:
    """Whether ``word`` (without its full stop) may be a given name's initial: one capital
    letter (С., J.) or a two-letter one (Дж., Sh.); its full stop ends no sentence or name."""
    return (len(word) == 1 and word.isupper()) or word in DIGRAPH_INITIALS

@dataclass(frozen=True)
class Lexicon:
    """What attribution patterns need to know about one language."""

    verbs: frozenset[tuple[str, ...]]
    #: Verbs whose following name is the addressee, not the speaker ("told Reuters").
    addressee_verbs: frozenset[str]
    pronouns: dict[str, str | None]  # pronoun -> "m", "f" or None (any)
    roles: frozenset[str]  # lower-case nouns that introduce a person: economist, политолог
    titles: frozenset[str]  # capitalised words stripped from a name: President, Mr
    function_words: frozenset[str]  # capitalised sentence starters that are not names
    according_to: tuple[tuple[str, ...], ...]  # "according to", "по словам"
    particles: frozenset[str] = frozenset()  # lower-case name parts: de, van, bin
    #: The phrases of :attr:`according_to` whose name is in the genitive (по словам X).
    according_to_genitive: frozenset[tuple[str, ...]] = frozenset()
    #: The phrases of :attr:`according_to` that an outlet quotes with (— приводит слова X
    #: агентство): what follows the name is the outlet, the subject, not where or to whom.
    citing: frozenset[tuple[str, ...]] = frozenset()
    #: Phrases that follow a name in the genitive and attribute what comes next to it
    #: (Azerbaijani X-in sözlərinə görə, X-in fikrincə).
    after_genitive: tuple[tuple[str, ...], ...] = ()
    #: Particles, adverbs and parenthetical phrases that may stand between a speaker's
    #: name and the speech verb (Smith also said, Мамедова же заявила, Qədirov isə deyib,
    #: Мамедова, в свою очередь, заявила), or between a speech verb and the name after it
    #: (заявил в понедельник Самир Керимов), and the audience in those places (сказала
    #: журналистам Айтан Исмайлова, Ceyhun Bayramov jurnalistlərə bildirib).
    asides: frozenset[tuple[str, ...]] = frozenset()
    #: A word ending that makes an adverb an aside too (English -ly: Smith bluntly said).
    aside_suffix: str = ""
    #: Capitalised months and weekdays: they run into a name that follows them (In May
    #: Rashad Mammadli left) without being part of it.
    calendar: frozenset[str] = frozenset()
    #: Lower-case words that follow a given name as a polite title (Azerbaijani Səbinə
    #: xanım, Pərviz bəy, Elçin müəllim): the given name then stands for the person the
    #: article introduced in full with it, as a surname alone does elsewhere.
    honorifics: frozenset[str] = frozenset()
    #: A regex for a surname in the dative: the person spoken to (o, Əliyevə deyib; сказал
    #: он Алиеву), never the speaker nor part of the speaker's name. Only endings that no
    #: nominative has: Kərimova and Алиевой may be a woman's name (or a genitive).
    dative_name: str = ""
    #: A regex for a capitalised word in a case that says where (Azerbaijani Bakıda,
    #: Gəncədən, Londondakı): a place next to a name (Samir Kərimov Bakıda çıxış edib), not
    #: a part of it. Some given names end so too (Fəridə), so callers only cut a name at
    #: such a word where its place in the group rules out a given name.
    place_case: str = ""
    #: A regex for a lower-case word in the locative (müsahibəsində, səhifəsində, Bakıda's
    #: lower-case kin): where or in what the speaker said it, between the name and the
    #: verb (Leyla Hüseynova Facebook səhifəsində yazıb: on her Facebook page).
    adverbial: str = ""
    #: Prepositions after which a capitalised word is a place (в Баку, из Москвы), not the
    #: start of a name that follows it (В Баку Самир Керимов заявил).
    place_prepositions: frozenset[str] = frozenset()
    #: A regex for a patronymic (Ахмедович, Ахмедовна): the middle of a name of three words.
    patronymic: str = ""
    #: A regex for a given name that may be in the dative (Ильхаму, Игорю, Лейле): taken
    #: for the addressee only right before a surname in the dative (сказал Ильхаму Алиеву
    #: Керимов), as Russian declines every word of a name; in Azerbaijani only the surname
    #: takes the ending (Azər Qasımlıya), so any given name.
    dative_given: str = ""
    #: A regex for a woman's surname in an oblique case (Алиевой: genitive, dative or
    #: instrumental): the addressee only where the speaker's name follows it (сказала Лейле
    #: Алиевой Гусейнова), as по словам Шахлы Мамедовой names the speaker so.
    oblique_female: str = ""
    #: A regex for a surname that reads as the dative only right after another surname,
    #: as two surnames are never one person's name: Azerbaijani Kərimova is a woman's
    #: name, or Kərimov in the dative (deyə Hüseynova Kərimova bildirib: to Karimov).
    dative_after_surname: str = ""
    #: A regex for a surname in the comitative, "with X" (Azerbaijani Samir Kərimovla,
    #: Hüseynovayla, Əliyevlə, APA-yla): the person the speaker met or spoke with, never the
    #: speaker, standing between the speaker's name and the verb (Leyla Hüseynova Samir
    #: Kərimovla görüşdən sonra bildirib). Only surname endings: given names end in -la/-lə
    #: in the nominative (Leyla, Lalə, Şəhla).
    comitative_name: str = ""
    #: Words that put the name after them in the comitative (Azerbaijani ilə after a name
    #: written apart: Samir Kərimov ilə; Russian с before one: с Самиром Керимовым).
    comitative_words: frozenset[str] = frozenset()
    #: Nouns of kinship that, like a role, may stand before a name set off by commas (His
    #: daughter, Nargiz Ibrahimbeyova, said); not roles, which also open names elsewhere.
    kinship: frozenset[str] = frozenset()
    #: Prepositions opening when or where, between the speaker's name and the verb, a phrase
    #: with a lower-case noun (Игорь Ларионов в перерыве / после матча / в интервью ТАСС сказал).
    circumstance_prepositions: frozenset[str] = frozenset()
    #: A regex for a lower-case word in the ablative and the postpositions that take it
    #: (görüşdən sonra: after the meeting): when, between the speaker's name and the verb.
    ablative: str = ""
    ablative_postpositions: frozenset[str] = frozenset()
    #: The word that closes a list of names (Karimov, Huseynova and Aliyev said).
    and_word: str = ""
    #: The word that opens a clause saying who said what follows (As Karimov noted in an
    #: interview, “…; Как Керимов сказал журналистам, «…): its speech verb may have words
    #: after it, where a lead-in's verb may not.
    as_word: str = ""
    #: Nouns for what someone said, which name the speaker as their owner before a colon
    #: (Ibadoghlu's verdict: “…; Вердикт Ибадоглу: «…).
    speech_nouns: frozenset[str] = frozenset()
    #: Possessive determiners among :attr:`pronouns` (his, her; его, её; onun): the owner of
    #: a speech noun (Her answer: “…), never a speaker's subject (said her lawyer).
    possessives: frozenset[str] = frozenset()
    #: Object forms among :attr:`pronouns` (him, them), never a speaker's subject: the
    #: person an "according to" phrase names (according to him).
    objects: frozenset[str] = frozenset()
    #: Words that may close a speech noun's lead-in, saying the quotation is given whole
    #: (Her answer, in full: “…; Ответ Гусейновой полностью: «…; Onun cavabı tam şəkildə: “…).
    verbatim: frozenset[tuple[str, ...]] = frozenset()
    #: A regex for a lower-case noun for an outlet in the dative, after the outlet's name
    #: (Samir Kərimov Turan agentliyinə deyib: to the Turan agency): who was spoken to.
    outlet_dative: str = ""
    #: A regex for a speech verb in the plural (заявили, говорят, bildiriblər): its subject
    #: is a group (Очевидцы рассказали, Şahidlər bildiriblər), not one person's one-word name.
    plural_verb: str = ""

    def is_plural_verb(self, word: str) -> bool:
        """Whether the folded ``word`` is a speech verb in the plural (:attr:`plural_verb`)."""
        return bool(self.plural_verb) \
            and self._compiled(self.plural_verb).fullmatch(word) is not None

    def is_outlet_dative(self, word: str) -> bool:
        """Whether ``word`` is an outlet's noun in the dative (:attr:`outlet_dative`)."""
        return bool(self.outlet_dative) \
            and self._compiled(self.outlet_dative).fullmatch(word) is not None

    def is_comitative_name(self, word: str) -> bool:
        """Whether ``word`` is a capitalised surname in the comitative (:attr:`comitative_name`)."""
        return bool(self.comitative_name) \
            and self._compiled(self.comitative_name).fullmatch(word) is not None

    def ablative_phrase_at(self, words: list[str], index: int) -> int:
        """2 when ``words[index:index + 2]`` are a word in the ablative and a postposition
        that takes it (görüşdən sonra), else 0."""
        if not self.ablative or index + 1 >= len(words) \
                or words[index + 1] not in self.ablative_postpositions:
            return 0
        return 2 if self._compiled(self.ablative).fullmatch(words[index]) else 0

    def is_dative_name(self, word: str) -> bool:
        """Whether ``word`` is a capitalised surname in the dative (:attr:`dative_name`)."""
        return bool(self.dative_name) and self._dative.fullmatch(word) is not None

    def is_dative_after(self, surname: bool, word: str) -> bool:
        """Whether ``word``, after a word that is (``surname``) or is not a surname, is a
        surname in the dative (:attr:`dative_after_surname`)."""
        return surname and bool(self.dative_after_surname) \
            and self._compiled(self.dative_after_surname).fullmatch(word) is not None

    def is_place_case(self, word: str) -> bool:
        """Whether ``word`` is a capitalised word in a case of place (:attr:`place_case`)."""
        return bool(self.place_case) and self._place.fullmatch(word) is not None

    @cached_property
    def _place(self) -> re.Pattern[str]:
        return re.compile(self.place_case)

    def addressee_at(self, words: list[str], index: int) -> int:
        """How many of ``words`` from ``index`` name the person spoken to, when a name (the
        speaker's) follows them: a surname in the dative with its given name in front
        (Ильхаму Алиеву, Алиеву), or a woman's surname in an oblique case with hers (Лейле
        Алиевой). 0 when none."""
        if not self.dative_name:
            return 0  # (the common case of English: no case endings to read)
        for size in (2, 1):
            name = words[index:index + size]
            if len(name) < size or index + size >= len(words) \
                    or not words[index + size][:1].isupper():
                continue
            surname = name[-1]
            given = size == 1 or self.is_dative_given(name[0])
            oblique = bool(self.oblique_female) \
                and self._compiled(self.oblique_female).fullmatch(surname) is not None
            if given and (self.is_dative_name(surname) or oblique):
                return size
        return 0

    def is_oblique_female(self, word: str) -> bool:
        """Whether ``word`` is a woman's surname in an oblique case (:attr:`oblique_female`)."""
        return bool(self.oblique_female) \
            and self._compiled(self.oblique_female).fullmatch(word) is not None

    def is_adverbial(self, word: str) -> bool:
        """Whether ``word`` is a lower-case locative (:attr:`adverbial`)."""
        return bool(self.adverbial) and self._compiled(self.adverbial).fullmatch(word) is not None

    def is_patronymic(self, word: str) -> bool:
        """Whether ``word`` is a patronymic (:attr:`patronymic`)."""
        return bool(self.patronymic) and self._compiled(self.patronymic).fullmatch(word) is not None

    def is_dative_given(self, word: str) -> bool:
        """Whether ``word`` may be a given name in the dative (:attr:`dative_given`)."""
        return bool(self.dative_given) \
            and self._compiled(self.dative_given).fullmatch(word) is not None

    @staticmethod
    @functools.lru_cache(maxsize=None)
    def _compiled(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern)

    @cached_property
    def _dative(self) -> re.Pattern[str]:
        return re.compile(self.dative_name)

    def aside_at(self, words: list[str], index: int) -> int:
        """Length of the aside starting at ``words[index]``, already folded (0: none)."""
        for size in (3, 2, 1):
            if tuple(words[index:index + size]) in self.asides:
                return size
        word = words[index] if index < len(words) else ""
        return 1 if self.aside_suffix and len(word) > 4 and word.endswith(self.aside_suffix) \
            else 0

    def aside_before(self, words: list[str], end: int) -> int:
        """Length of the aside ending just before ``words[end]`` (0: none)."""
        for size in (3, 2, 1):
            if size <= end and tuple(words[end - size:end]) in self.asides:
                return size
        word = words[end - 1] if end > 0 else ""
        return 1 if self.aside_suffix and len(word) > 4 and word.endswith(self.aside_suffix) \
            else 0

    @cached_property
    def not_subjects(self) -> frozenset[str]:
        """The pronouns that never stand for a speaker as a subject (his, him, его)."""
        return self.possessives | self.objects

    @cached_property
    def according_to_pronoun(self) -> dict[tuple[str, ...], int]:
        """"According to" phrases with a pronoun for the person (according to him, по её
        словам, onun sözlərinə görə), and where in each the pronoun stands: after an
        English phrase, inside a Russian one in the genitive, before an Azerbaijani one
        (:attr:`after_genitive`)."""
        found: dict[tuple[str, ...], int] = {}
        for pronoun in self.objects | self.possessives:
            for phrase in self.according_to:
                if phrase in self.according_to_genitive:
                    found[(phrase[0], pronoun, *phrase[1:])] = 1
                elif not self.according_to_genitive:
                    found[(*phrase, pronoun)] = len(phrase)
            for phrase in self.after_genitive:
                found[(pronoun, *phrase)] = 0
        return found

    def pronoun_according_to(self, words: list[str], index: int) -> tuple[int, int]:
        """(where the pronoun is, the phrase's length) of an :attr:`according_to_pronoun`
        phrase starting at ``words[index]`` (folded); (0, 0) when none does."""
        for size in self._pronoun_phrase_sizes:
            if index + size > len(words):
                continue
            position = self.according_to_pronoun.get(tuple(words[index:index + size]))
            if position is not None:
                return index + position, size
        return 0, 0

    @cached_property
    def _pronoun_phrase_sizes(self) -> tuple[int, ...]:
        return tuple(sorted({len(phrase) for phrase in self.according_to_pronoun}, reverse=True))

    @cached_property
    def according_to_by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """:attr:`according_to` by first word (Russian has a "как" + verb for every verb)."""
        found: dict[str, tuple[tuple[str, ...], ...]] = {}
        for phrase in self.according_to:
            found[phrase[0]] = found.get(phrase[0], ()) + (phrase,)
        return found

    def verb_at(self, words: list[str], index: int) -> int:
        """Length of the speech verb starting at ``words[index]`` (0 when none)."""
        for size in (2, 1):
            if tuple(fold(w) for w in words[index:index + size]) in self.verbs:
                return size
        return 0


def _phrases(spec: str) -> frozenset[tuple[str, ...]]:
    """Single words separated by spaces, then multi-word phrases separated by "|"."""
    words, *phrases = spec.split("|")
    return frozenset({(word,) for word in words.split()} | {tuple(p.split()) for p in phrases})


def _prefixed(roles: frozenset[str], prefixes: tuple[str, ...]) -> frozenset[str]:
    """``roles`` and each with a prefix of rank or time (vice-president, экс-министр,
    vitse-prezident): the prefixed role introduces a speaker as the role does."""
    return roles.union(prefix + role for role in roles for prefix in prefixes)


def _az_possessive(roles: frozenset[str]) -> frozenset[str]:
    """``roles`` and each with the Azerbaijani possessive ending, by vowel harmony (prezident
    → prezidenti, direktor → direktoru, iqtisadçı → iqtisadçısı), as a role reads after
    whose it is (SOCAR-ın prezidenti Rövşən Nəcəf)."""
    harmony = {"a": "ı", "ı": "ı", "e": "i", "ə": "i", "i": "i", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}
    forms = set(roles)
    for role in roles:
        vowels = [c for c in role if c in harmony]
        if vowels:
            forms.add(role + ("s" if role[-1] in harmony else "") + harmony[vowels[-1]])
    return frozenset(forms)


def _forms(stems: str, endings: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {(stem + ending,) for stem in stems.split() for ending in endings}


_EN_VERBS = {
    (w,) for w in (
        "say says said tell tells told add adds added explain explains explained note notes "
        "noted argue argues argued warn warns warned claim claims claimed stress stresses "
        "stressed write writes wrote ask asks asked reply replies replied answer answers "
        "answered insist insists insisted emphasise emphasises emphasised emphasize "
        "emphasizes emphasized state states stated comment comments commented remark "
        "remarks remarked continue continues continued conclude concludes concluded "
        "declare declares declared announce announces announced admit admits admitted "
        "acknowledge acknowledges acknowledged observe observes observed suggest suggests "
        "suggested recall recalls recalled report reports reported tweet tweets tweeted "
        "predict predicts predicted caution cautions cautioned complain complains "
        "complained concede concedes conceded confirm confirms confirmed counter counters "
        "countered deny denies denied maintain maintains maintained urge urges urged "
        "believe believes believed think thinks thought shout shouts shouted wonder "
        "wonders wondered object objects objected exclaim exclaims exclaimed promise "
        "promises promised pledge pledges pledged vow vows vowed assert asserts asserted "
        "contend contends contended recount recounts recounted testify testifies "
        "testified").split()
} | {("pointed", "out"), ("points", "out"), ("went", "on"), ("goes", "on"), ("put", "it"),
     ("puts", "it")}

ENGLISH = Lexicon(
    verbs=frozenset(_EN_VERBS),
    addressee_verbs=frozenset({"told", "tells", "tell"}),
    and_word="and",
    as_word="as",
    speech_nouns=frozenset("verdict answer reply response comment words message advice view "
                           "conclusion explanation warning promise assessment".split()),
    pronouns={"he": "m", "she": "f", "they": None, "his": "m", "her": "f", "him": "m",
              "them": None},
    possessives=frozenset({"his", "her"}),
    objects=frozenset({"him", "them"}),
    verbatim=_phrases("verbatim unedited|in full|in full below|in its entirety"),
    roles=_prefixed(frozenset(
        "economist analyst expert scientist journalist lawyer minister president premier "
        "spokesperson spokesman spokeswoman director chairman chairwoman chair head member "
        "deputy mp lawmaker official activist researcher professor ambassador leader editor "
        "author correspondent representative senator governor mayor commentator historian "
        "sociologist diplomat politician blogger founder ceo adviser advisor secretary "
        "lecturer writer reporter campaigner candidate colleague partner organiser organizer "
        "poet artist biologist ecologist engineer doctor farmer resident captain manager chief "
        "officer worker rector banker envoy publisher architect critic viewer spectator "
        "witness coach teacher actor actress musician pianist composer conductor curator "
        "dancer athlete referee neighbour neighbor student pupil graduate volunteer visitor goalkeeper "
        "striker defender midfielder winger champion prosecutor judge investigator "
        "attorney barrister solicitor plaintiff defendant client aide assistant "
        "moderator presenter host anchor interpreter translator trainer singer producer "
        "nurse surgeon paramedic strategist councillor councilor councilman councilwoman alderman "
        "meteorologist forecaster accountant auditor epidemiologist physicist chemist geologist "
        "inspector detective sergeant constable superintendent commissioner planner".split()),
        ("vice-", "ex-", "co-")),
    titles=frozenset(
        "President Prime Minister Deputy Chairman Chairwoman Representative Rep Senator Sen "
        "Mr Mrs Ms Miss Dr Prof Professor General Gen Ambassador Economist Analyst Judge "
        "Governor Mayor Speaker Secretary Foreign Defence Defense Finance Vice MP Lawmaker "
        "Sir Lady Lord Colonel Captain Chancellor King Queen Prince Princess Pope "
        "Sheikh Councillor Councilor Alderman Inspector Detective Sergeant Constable "
        "Superintendent Commissioner Rev Reverend Rabbi Bishop Archbishop Dame".split()),
    function_words=frozenset(
        "For But And As When While In On At If Since After Before Although Though Meanwhile "
        "However So Yet Then Now Also Still Even Only With Without By From To Of Among "
        "Beyond Following Prior According This That These Those His Her Their Our My Its It "
        "He She They We I You A An Both Some Many Most All Each Every Why What How Where "
        "Who Which There Here Yes No Not Nor Or Last Next Given Despite Unlike Like Yesterday "
        "Today Tomorrow Tonight Earlier Later Recently Previously Afterwards".split()),
    according_to=(("according", "to"), ("in", "the", "words", "of")),
    #: In Baku Samir Karimov said / On Monday Samir Karimov said: a place or a date between
    #: the preposition and the name, which English writes without a comma between them.
    place_prepositions=frozenset({"in", "at", "from", "on", "near"}),
    kinship=frozenset("daughter son wife husband widow widower mother father brother sister "
                      "grandson granddaughter nephew niece".split()),
    #: With the Azerbaijani patronymic as English writes it (Gunay Ahmad qizi Valiyeva).
    particles=frozenset({"de", "van", "von", "der", "al", "bin", "ibn", "da", "di", "la", "le",
                         "qizi", "gizi", "kyzy", "oglu", "ogly"}),
    asides=_phrases("also later then again further too however meanwhile though instead "
                    "earlier previously finally subsequently once now still yesterday "
                    # auxiliaries of the other tenses: Karimov has said, will tell, could say
                    "has have had will shall can could may might must should did does "
                    # could only say, merely said: a restriction, not who
                    "only just merely "
                    "today|in turn|on monday|on tuesday|on wednesday|on thursday|"
                    "on friday|on saturday|on sunday|"
                    "for his part|for her part|for their part|in response|in reply|"
                    "used to|would|would often|would always|likes to|liked to|loves to|"
                    "loved to|always|often|"
                    "in particular|in contrast|for example|at the time"),
    aside_suffix="ly",
    calendar=frozenset(
        "January February March April May June July August September October November "
        "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()),
)

_RU_PAST = ("", "а", "и", "о")
_RU_VERBS = (
    _forms("сказал заявил отметил подчеркнул добавил пояснил объяснил сообщил рассказал "
           "написал уточнил признал предупредил напомнил заключил констатировал ответил "
           "спросил возразил утверждал указал резюмировал продолжил заметил призвал "
           "говорил считал настаивал полагал воскликнул прокомментировал подытожил "
           "посетовал пообещал заверил подтвердил вспомнил вспоминал", _RU_PAST)
    | _forms("признал поделил согласил выразил пожаловал возмутил удивил", ("ся", "ась", "ись"))
    | _forms("пошутил вздохнул", _RU_PAST)
    # Disagreeing is speaking (Мусабеков не согласился: «…»); other verbs after не deny
    # the words (Мусабеков не говорил: «…»), which are nobody's then.
    | {("не", *verb) for verb in _forms("согласил", ("ся", "ась", "ись"))
       | _forms("соглас", ("ен", "на", "ны"))}
    | _forms("соглас", ("ен", "на", "ны"))
    | _forms("возмущается сетует жалуется признаётся признается удивляется делится "
             "рассуждает уверяет обещает спрашивает", ("",))
    | _forms("считает говорит пишет утверждает полагает отмечает подчеркивает "
             "подчёркивает заявляет сообщает добавляет поясняет настаивает уверен убежден "
             "убеждён вспоминает рассказывает объясняет уточняет предупреждает напоминает "
             "признаёт признает отвечает замечает призывает", ("",))
    | _forms("считают говорят пишут утверждают полагают отмечают подчеркивают заявляют "
             "сообщают добавляют поясняют настаивают вспоминают рассказывают объясняют "
             "уточняют предупреждают напоминают признают отвечают замечают призывают", ("",))
    # The future of the perfective verbs (— скажет Керимов; Керимов заявит парламенту:),
    # in the singular and the plural.
    | _forms("скажет скажут расскажет расскажут напишет напишут подчеркнёт подчеркнет "
             "подчеркнут признает признают заявит заявят отметит отметят добавит добавят "
             "пояснит пояснят объяснит объяснят сообщит сообщат уточнит уточнят предупредит "
             "предупредят напомнит напомнят ответит ответят заметит заметят", ("",))
)

_RU_ROLES = (
    "экономист аналитик эксперт политолог журналист юрист адвокат министр президент "
    "премьер депутат директор председатель глава член представитель посол лидер "
    "редактор автор корреспондент историк социолог дипломат активист правозащитник "
    "профессор исследователь спикер советник основатель сенатор губернатор мэр "
    "политик блогер кандидат организатор организаторка писатель писательница поэт "
    "художник режиссёр режиссер учёный ученый врач инженер руководитель сотрудник "
    "участник житель жительница фермер рыбак капитан пресс-секретарь биолог эколог "
    "менеджер ректор банкир архитектор издатель посланник критик зритель зрительница "
    "свидетель свидетельница болельщик болельщица тренер учитель учительница певица "
    "актёр актер актриса музыкант пианист пианистка композитор дирижёр дирижер куратор "
    "коллега студент студентка ученик ученица выпускник выпускница журналистка сосед соседка волонтёр волонтер вратарь "
    "голкипер нападающий защитник полузащитник форвард спортсмен спортсменка чемпион "
    "чемпионка прокурор гособвинитель судья следователь истец ответчик модератор ведущий "
    "ведущая переводчик переводчица продюсер медсестра хирург фельдшер стратег наставник "
    "гендиректор "
    "арбитр").split()
#: Russian stem endings after which a feminine -а noun takes -и, not -ы (главы, but книги, души).
RU_HUSHING = "гкхжшчщ"


def _ru_singular_cases(word: str) -> set[str]:
    """A Russian role noun in the singular cases after по словам, с, о … (эколога,
    главы, председателя, учёного): enough to recognise it, not a declension table."""
    if word.endswith(("ый", "ий")):
        stem = word[:-2]
        return {stem + ending for ending in ("ого", "ому", "ым", "ом")}
    if word.endswith("ь"):
        return {word[:-1] + ending for ending in ("я", "ю", "ем", "е")}
    if word.endswith("а"):
        stem = word[:-1]
        return {stem + ("и" if stem[-1] in RU_HUSHING else "ы"), stem + "е", stem + "у",
                stem + "ой", stem + "ей"}
    return {word + ending for ending in ("а", "у", "ом", "ем", "е")}


#: Nouns whose stem drops a vowel when declined (посол → посла). Not the prepositional
#: "после", which is far more often the preposition "after" (сказала X после встречи с Y).
_RU_IRREGULAR_ROLES = "посла послу послом".split()
_RU_TITLES = "Президент Премьер-министр Министр Депутат Господин Госпожа".split()

#: По словам X, по мнению X …: "according to" in Russian, followed by X in the genitive.
_RU_BY_WORDS = ("словам мнению данным оценке оценкам утверждению заявлению информации "
                "сообщению убеждению")
#: — приводит слова X агентство: the outlet quotes X, in the genitive, who is the speaker.
_RU_CITING = tuple((verb, "слова") for verb in (
    "приводит приводят привел привёл привела привело привели цитирует цитируют "
    "процитировал процитировала процитировало процитировали передает передаёт передают "
    "передал передала передало передали").split())

RUSSIAN = Lexicon(
    #: The Azerbaijani patronymic as Russian writes it (Гюнай Ахмед кызы Велиева).
    #: With the particles of Western and Arabic names (Урсула фон дер Ляйен, Тамим бин Хамад).
    particles=frozenset({"кызы", "оглы", "фон", "ван", "дер", "де", "аль", "бин", "ибн", "эль"}),
    plural_verb=r"[а-яё]+(?:ли|лись|ют|ят|ут|ат)",
    dative_name=r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)у",
    and_word="и",
    as_word="как",
    speech_nouns=frozenset("вердикт ответ комментарий слова вывод мнение оценка совет "
                           "объяснение предупреждение".split()),
    dative_given=r"[А-ЯЁ][а-яё]+[уюеи]",
    place_prepositions=frozenset({"в", "во", "на", "из"}),
    patronymic=r"[А-ЯЁ][а-яё]+(?:(?:ович|евич|ич)[а-яё]{0,2}|(?:овн|евн|ичн|иничн)[а-яё]{1,2})",
    oblique_female=r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)ой",
    dative_after_surname=r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)ой",
    comitative_words=frozenset({"с", "со"}),
    kinship=frozenset("дочь сын жена муж вдова вдовец мать отец брат сестра внук внучка "
                      "племянник племянница".split()),
    circumstance_prepositions=frozenset({"в", "во", "на", "после", "перед", "при", "по"}),
    #: A man's surname in the instrumental (с Самиром Керимовым): no nominative ends so.
    comitative_name=r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)ым",
    verbs=frozenset(_RU_VERBS),
    addressee_verbs=frozenset(),
    pronouns={"он": "m", "она": "f", "они": None, "его": "m", "её": "f", "ее": "f"},
    possessives=frozenset({"его", "её", "ее"}),
    verbatim=_phrases("полностью целиком дословно|без купюр|без сокращений"),
    roles=_prefixed(frozenset(_RU_ROLES).union(*(_ru_singular_cases(role) for role in _RU_ROLES),
                                               _RU_IRREGULAR_ROLES), ("вице-", "экс-", "со")),
    titles=frozenset(_RU_TITLES).union(*({form.capitalize() for form in
                                          _ru_singular_cases(title.lower())}
                                         for title in _RU_TITLES)),
    function_words=frozenset(
        "В На По Как Но И А Это Он Она Они Мы Я Так Также При Для Из С О Об От До После "
        "Когда Если Хотя Однако Поэтому Этот Эта Эти Тот Та Те Его Ее Её Их Кроме Среди "
        "Даже Уже Еще Ещё Лишь Только Вот Там Здесь Да Нет Не Ни Или Почему Что Кто Где "
        "Согласно Несмотря Между Перед Над Под Без Через Со Во К Ко У За Вчера Сегодня Завтра "
        "Ранее Позже Позднее Затем Потом Недавно Тогда Теперь Сейчас".split()),
    according_to=tuple(("по", noun) for noun in _RU_BY_WORDS.split())
    + (("со", "слов"),) + _RU_CITING
    + tuple(sorted(("как",) + verb for verb in _RU_VERBS if len(verb) == 1)),
    according_to_genitive=frozenset({("по", noun) for noun in _RU_BY_WORDS.split()}
                                    | {("со", "слов")} | set(_RU_CITING)),
    citing=frozenset(_RU_CITING),
    asides=_phrases("также тоже же позже позднее затем потом ещё еще тогда однако "
                    "впрочем вновь снова уже ранее неоднократно публично прямо вчера "
                    "сегодня недавно однажды открыто журналистам репортерам репортёрам "
                    "корреспонденту "
                    "корреспондентам прессе|в понедельник|во вторник|в среду|в четверг|в пятницу|"
                    "в субботу|в воскресенье|"
                    "в свою очередь|со своей стороны|в частности|в ответ|в том числе|"
                    "при этом|между тем|в итоге|нашей газете|нашему изданию|нашему агентству|"
                    "нашему телеканалу|нашему корреспонденту|нашей редакции|в прошлом месяце|"
                    "на прошлой неделе|в прошлом году|в этом месяце|на этой неделе|в этом году|"
                    "накануне|утром|вечером|днём|днем|ночью|с ним|с ней|с ними|с этим"),
    calendar=frozenset(
        "Январь Февраль Март Апрель Май Июнь Июль Август Сентябрь Октябрь Ноябрь Декабрь "
        "Января Февраля Марта Апреля Мая Июня Июля Августа Сентября Октября Ноября Декабря "
        "Понедельник Вторник Среда Среду Четверг Пятница Пятницу Суббота Субботу "
        "Воскресенье".split()),
)

_AZ_SIMPLE = (
    "bildirib deyib vurğulayıb söyləyib açıqlayıb yazıb soruşub bildirdi dedi vurğuladı "
    "söylədi açıqladı yazdı soruşdu deyir bildirir vurğulayır söyləyir yazır düşünür "
    "xatırladıb xatırlatdı").split()
_AZ_COMPOUND = ("qeyd", "əlavə", "bəyan", "hesab", "iddia", "xəbərdarlıq", "etiraf")
_AZ_LIGHT = ("edib", "etdi", "edir", "edərək")


def _az_plural(verb: str) -> str:
    """The third person plural of an Azerbaijani verb form (bildirib → bildiriblər, yazıb →
    yazıblar, dedi → dedilər): a joint statement (Kərimov və Hüseynova bildiriblər). The
    suffix follows the last vowel (front: -lər, back: -lar)."""
    last = next((c for c in reversed(verb) if c in "aıoueəiöü"), "e")
    return verb + ("lar" if last in "aıou" else "lər")

AZERBAIJANI = Lexicon(
    plural_verb=r"[a-zçəğıiöşü]+l[aə]r",
    #: Also a name whose dative ending a hyphen or apostrophe sets off, as Azerbaijani
    #: writes it after abbreviations and foreign names (APA-ya, Meydan TV-yə, Reuters’ə).
    dative_name=r"[A-ZÇƏĞİIÖŞÜ][a-zçəğıiöşü]+(?:(?:y?ev|öv)ə|(?:l[iıuü]|zadə)y[əa])"
                r"|[A-ZÇƏĞİIÖŞÜ0-9][^\W_]*['’\-]y?[aə]",
    #: Locative, ablative and the locative adjective (Bakıda, Bakıdan, Bakıdakı); the
    #: locative is -da/-də after every sound in Azerbaijani (Sumqayıtda), so no -ta.
    #: Also set off by a hyphen after abbreviations and foreign names (Facebook-da, BBC-də).
    #: The dative of a stem ending in a vowel says where to (Bakıya, Gəncəyə, Moskvaya):
    #: Samir Kərimov Bakıya qayıdıb. A place's stem has three letters or more, so a name
    #: ending in -dan (Fidan, Aydan: Hakan Fidan bildirib) is no place.
    place_case=r"[A-ZÇƏĞİIÖŞÜ][a-zçəğıiöşü]{2,}(?<!za)['’]?d(?:a|ə|an|ən|akı|əki)"
               r"|[A-ZÇƏĞİIÖŞÜ0-9][^\W_]*['’\-]d(?:a|ə|an|ən|akı|əki)"
               r"|[A-ZÇƏĞİIÖŞÜ][a-zçəğıiöşü]*[aıoueəiöü]y[aə]",
    adverbial=r"[a-zçəğıiöşü]{3,}d[aə]",
    dative_after_surname=r"[A-ZÇƏĞİIÖŞÜ][a-zçəğıiöşü]+ova",
    comitative_name=r"[A-ZÇƏĞİIÖŞÜ][a-zçəğıiöşü]+(?:(?:ov|ev|öv)l[aə]|(?:ova|eva|l[iıuü]|zadə)yl[aə])"
                    r"|[A-ZÇƏĞİIÖŞÜ0-9][^\W_]*['’\-]y?l[aə]",
    comitative_words=frozenset({"ilə"}),
    and_word="və",
    ablative=r"[a-zçəğıiöşü]{3,}n?d[aə]n",
    ablative_postpositions=frozenset({"sonra", "əvvəl", "öncə", "bəri"}),
    #: Only the surname takes the case ending (deyə Şəhla Məmmədova Azər Qasımlıya bildirib).
    dative_given=r"[A-ZÇƏĞİIÖŞÜ][a-zçəğıiöşü]+",
    verbs=frozenset({(w,) for w in _AZ_SIMPLE} | {(_az_plural(w),) for w in _AZ_SIMPLE}
                    | {(noun, light) for noun in _AZ_COMPOUND for light in _AZ_LIGHT}
                    | {(noun, _az_plural(light)) for noun in _AZ_COMPOUND
                       for light in _AZ_LIGHT if light != "edərək"}
                    | {(noun, verb) for noun in ("xəbər", "məlumat", "cavab")
                       for verb in ("verib", "veriblər")}),
    addressee_verbs=frozenset(),
    pronouns={"o": None, "onlar": None, "onun": None},
    possessives=frozenset({"onun"}),
    outlet_dative=r"(?:agentliy|qəzet|sayt|telekanal|kanal|portal|radios|jurnal|nəşr|televiziyas|"
                  r"xidmət)[iıuü]n[aə]",
    verbatim=_phrases("tam|tam şəkildə|olduğu kimi"),
    roles=_az_possessive(_prefixed(frozenset(
        "iqtisadçı analitik ekspert politoloq jurnalist hüquqşünas vəkil nazir prezident "
        "deputat direktor sədr sədri rəhbər rəhbəri üzv üzvü nümayəndə nümayəndəsi səfir "
        "lider lideri redaktor müəllif tarixçi sosioloq diplomat fəal professor tədqiqatçı "
        "sözçü sözçüsü müşavir siyasətçi bloqer namizəd təşkilatçı təşkilatçısı yazıçı şair "
        "rəssam rejissor alim həkim mühəndis bioloq ekoloq sakin kapitan menecer işçi "
        "əməkdaş əməkdaşı müdir müdiri mer meri rektor rektoru bankir memar naşir tənqidçi "
        "tamaşaçı şahid azarkeş məşqçi məşqçisi oyunçu müəllim müəllimi müğənni aktyor "
        "aktrisa musiqiçi pianoçu bəstəkar dirijor kurator həmkar həmkarı tələbə qonşu "
        "könüllü qapıçı hücumçu müdafiəçi yarımmüdafiəçi idmançı çempion "
        "prokuror hakim ittihamçı müstəntiq moderator aparıcı tərcüməçi prodüser cərrah "
        "fermer strateq katib katibi katibəsi başçı başçısı meteoroloq sinoptik mühasib planlaşdırıcı".split()),
        ("vitse-", "eks-", "həm"))),
    #: With the possessive ending too, as in Azərbaycan Prezidenti İlham Əliyev.
    titles=frozenset("Prezident Nazir Deputat Cənab Xanım Prezidenti Naziri Deputatı Sədri "
                     "Səfiri Rəhbəri Sözçüsü Müşaviri Nümayəndəsi Meri".split()),
    function_words=frozenset(
        "Bu O Amma Lakin Və Həmçinin Ancaq Çünki Əgər Buna Bunun Onun Onlar Onların Biz "
        "Mən Sən Siz Həm Hətta Yalnız Artıq İndi Sonra Əvvəl Görə Üçün İlə Kimi Bəli Xeyr "
        "Niyə Nə Kim Harada Hansı Elə Belə Çox Bəzi Bütün Hər Dünən Srağagün Əvvəlcə Hazırda "
        "Öncə Ötən Keçən Bundan "
        # A company's legal form after its name («Azərişıq» ASC bildirib): no person's name.
        "ASC QSC MMC AQSC".split()),
    according_to=(),
    #: Inside a full name: Samir Əhməd oğlu Kərimov, Leyla Əhməd qızı Hüseynova (the
    #: patronymic), so the speaker is the whole name, not "Samir Əhməd".
    #: With the particles of Western and Arabic names (Ursula fon der Lyayen, Təmim bin Həməd).
    particles=frozenset({"oğlu", "qızı", "fon", "van", "der", "bin", "ibn", "əl"}),
    #: With the possessive ending, after the owner in the genitive (Kərimovun həyat yoldaşı
    #: bildirib: his wife said). Qızı and oğlu also close a patronymic, after a name in the
    #: nominative (Leyla Əhməd qızı), so they are kin only after a genitive.
    kinship=frozenset("qızı oğlu yoldaşı arvadı əri anası atası qardaşı bacısı "
                      "nəvəsi".split()),
    #: With the possessive ending, after the owner in the genitive (Kərimovun cavabı: “…).
    speech_nouns=frozenset("cavabı bəyanatı şərhi fikri sözləri mesajı qənaəti "
                           "xəbərdarlığı açıqlaması reaksiyası".split()),
    after_genitive=(("sözlərinə", "görə"), ("fikrincə",), ("fikrinə", "görə"),
                    ("dediyinə", "görə"), ("dediklərinə", "görə"), ("qənaətincə",),
                    ("qənaətinə", "görə"), ("bildirdiyinə", "görə"),
                    ("açıqlamasına", "görə"), ("açıqlamalarına", "görə"),
                    ("bəyanatına", "görə"), ("şərhinə", "görə"), ("məlumatına", "görə"),
                    ("iddiasına", "görə"), ("sözləri", "ilə"), ("yazdığına", "görə"),
                    ("qeyd", "etdiyinə", "görə"), ("xəbər", "verdiyinə", "görə"),
                    ("söylədiyinə", "görə"), ("dediyi", "kimi"), ("qeyd", "etdiyi", "kimi"),
                    ("bildirdiyi", "kimi"), ("vurğuladığı", "kimi"), ("yazdığı", "kimi"),
                    ("söylədiyi", "kimi")),
    asides=_phrases("həmçinin sonra da də isə yenə yenidən artıq əvvəlcə hətta dünən bunu bunları "
                    "cümə şənbə bazar çərşənbə jurnalistlərə mətbuata birlikdə bərabər|"
                    "öz növbəsində|daha sonra|bir daha|bu dəfə|"
                    "öz tərəfindən|bu gün|bazar ertəsi|çərşənbə axşamı|cümə axşamı|keçən ay|"
                    "keçən həftə|keçən il|ötən ay|ötən həftə|ötən il|bu həftə|bu ay|bu il|"
                    "qəzetimizə|saytımıza|agentliyimizə|redaksiyamıza|müxbirimizə"),
    calendar=frozenset(
        "Yanvar Fevral Mart Aprel May İyun İyul Avqust Sentyabr Oktyabr Noyabr Dekabr Bazar "
        "Çərşənbə Cümə Şənbə".split()),
    honorifics=frozenset({"xanım", "bəy", "müəllim", "müəllimə"}),
)

_LEXICONS = {"en": ENGLISH, "ru": RUSSIAN, "az": AZERBAIJANI}

#: The head nouns of organisations quoted as speakers (the Central Bank said, заявило
#: Министерство иностранных дел, Xarici İşlər Nazirliyi bildirib), in a case ending where the
#: language has them (not a surname's: Банков is a person). An organisation's name is
#: translated word for word, so the speaker check cannot find it by sound.
_RU_CASE = r"(?:[аяоеиыуюй]|ом|ем|ой|ей|ию|ью|ия|ие|ии|ам|ям|ах|ях|ами|ями)?"
_ORGANISATION_HEADS: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"(?:ministry|ministries|bank|office|council|committee|commission|agency|service|company|"
        r"corporation|government|parliament|assembly|court|university|police|department|"
        r"authority|authorities|administration|embassy|bureau|union|association|federation|party|"
        r"fund|institute|centre|center|port|organisation|organization|foundation|board|executive|"
        r"exchange|chamber|prosecutor's|secretariat|mission|delegation|municipality|mayoralty|"
        r"presidency|cabinet|airlines|railways|tribunal|headquarters|command)"),
    "ru": re.compile(
        r"(?:министерств|мид|минобороны|минфин|банк|правительств|парламент|комитет|комисси|"
        r"агентств|служб|компани|корпораци|суд|университет|полици|ведомств|администраци|"
        r"посольств|бюро|союз|ассоциаци|федераци|парти|фонд|институт|центр|порт|организаци|"
        r"совет|палат|прокуратур|мэри|управлени|департамент|аппарат|кабинет|власт)" + _RU_CASE),
    "az": re.compile(
        r"(?:nazirliy|nazirlik|bank|hökumət|parlament|komitə|komissiya|agentliy|agentlik|xidmət|"
        r"şirkət|məhkəmə|universitet|polis|idarə|administrasiya|səfirliy|səfirlik|ittifaq|"
        r"assosiasiya|federasiya|partiya|fond|institut|mərkəz|liman|təşkilat|şura|palata|"
        r"prokurorluq|prokurorluğ|hakimiyyət|aparat|kabinet|məclis|departament)"
        r"[a-zəğıöüçşâ]{0,6}"),
}


def is_organisation_word(word: str, lang: str) -> bool:
    """Whether ``word`` is the head noun of an organisation's name in ``lang``."""
    pattern = _ORGANISATION_HEADS.get(lang) or _ORGANISATION_HEADS.get(lang.split("_")[0].split("-")[0].lower())
    return pattern is not None and pattern.fullmatch(fold(word)) is not None


#: Word endings that suggest a surname and its bearer's gender (None: either).
SURNAME_ENDINGS: tuple[tuple[str, str | None], ...] = (
    ("ova", "f"), ("eva", "f"), ("yeva", "f"), ("ina", "f"), ("skaya", "f"), ("ова", "f"),
    ("ева", "f"), ("ина", "f"), ("ская", "f"), ("овна", "f"), ("ov", "m"), ("ev", "m"),
    ("yev", "m"), ("sky", "m"), ("ski", "m"), ("ов", "m"), ("ев", "m"), ("ский", "m"),
    ("ович", "m"), ("li", None), ("lı", None), ("lu", None), ("lü", None), ("zade", None),
    ("zadə", None), ("oglu", None), ("oğlu", None), ("enko", None), ("yan", None),
    ("dze", None), ("shvili", None), ("ли", None), ("лы", None), ("лу", None), ("заде", None),
    ("енко", None), ("ян", None), ("дзе", None), ("швили", None), ("оглу", None),
)


#: The Azerbaijani patronymic words (Əhməd qızı, Əhməd oğlu) as each language writes them,
#: and the gender they give. A translation may leave them and the father's name out.
PATRONYMIC_WORDS: dict[str, str] = {
    "qızı": "f", "oğlu": "m", "кызы": "f", "оглы": "m", "qizi": "f", "gizi": "f",
    "kyzy": "f", "oglu": "m", "ogly": "m"}


def fold(word: str) -> str:
    """Lower case for look-ups; Azerbaijani/Turkish İ becomes i, not i + combining dot."""
    return word.replace("İ", "i").lower()


def has_words(lang: str) -> bool:
    """Whether the checks know ``lang``'s words (speech verbs, negations, number and month
    names): English, Russian and Azerbaijani. Rules that read words are not applied to a
    language without them (Turkish, German), as another language's words would misread it."""
    return lang in _LEXICONS or lang.split("_")[0].split("-")[0].lower() in _LEXICONS


def lexicon(lang: str) -> Lexicon:
    """The word lists for ``lang`` (English ones for a language we have no lists for)."""
    found = _LEXICONS.get(lang)  # the usual plain code, without taking it apart
    if found is not None:
        return found
    return _LEXICONS.get(lang.split("_")[0].split("-")[0].lower(), ENGLISH)
