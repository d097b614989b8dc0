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
from dataclasses import dataclass

from pipeline.lexicon import SURNAME_ENDINGS, Lexicon, fold, lexicon

_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_AZ_GENITIVE = re.compile(r"(?:['’\-]?(?:nin|nın|nun|nün|in|ın|un|ün))$")
_ADVERBS = frozenset("also later then again further too также позже затем ещё еще тогда "
                     "həmçinin sonra da də".split())
_ARTICLES = frozenset({"the", "a", "an"})
_MAX_NAME_TOKENS = 3


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Name:
    """A name or pronoun in a segment: ``text[start:end]``, with what is known about it."""

    start: int
    end: int
    text: str
    pronoun: bool = False
    gender: str | None = None  # "m", "f" or None when unknown
    person: bool = False  # the context says it names a person (role, title, appositive)

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
    return [Token(m.group(), m.start(), m.end())
            for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def names_in(text: str, lang: str) -> list[Name]:
    """Every capitalised name group of ``text`` (persons, organisations, places)."""
    lex = lexicon(lang)
    tokens = tokenize(text)
    found: list[Name] = []
    index = 0
    while index < len(tokens):
        name, after = _name_at(text, tokens, index, lex, pronouns=False)
        if name is None:
            index += 1
            continue
        found.append(_with_context_evidence(text, tokens, index, after, name, lex))
        index = after
    return found


def speaker_after(text: str, start: int, end: int, lang: str, *,
                  anywhere: bool = True) -> Name | None:
    """The speaker named in ``text[start:end]``, the words right after a quotation.

    With ``anywhere`` false the attribution must start with the first word: a quotation
    that does not end in a comma (“not free” by X …) only takes an immediate speaker.
    """
    lex = lexicon(lang)
    tokens = tokenize(text, start, end)[:16]
    words = [t.text for t in tokens]
    for index in range(len(tokens) if anywhere else min(1, len(tokens))):
        found = (_according_to(text, tokens, index, lex)
                 or _deye(text, tokens, index, lang, lex)
                 or _name_then_verb(text, tokens, index, lex)
                 or _verb_then_name(text, tokens, index, lex, words))
        if found is not None:
            return found
    return None


def speaker_before(text: str, start: int, end: int, lang: str) -> Name | None:
    """The speaker named in ``text[start:end]``, the words leading up to a quotation
    (X said: “… / по словам X, «… / X bildirib ki, “…)."""
    lex = lexicon(lang)
    tokens = tokenize(text, start, end)
    tail = text[tokens[-1].end:end] if tokens else ""
    if not tokens or not re.fullmatch(r"[\s,:—–-]*", tail):
        return None
    words = [fold(t.text) for t in tokens]
    return (_before_according_to(text, tokens, words, lex)
            or _before_genitive(text, tokens, words, lang, lex)
            or _before_verb(text, tokens, words, lex, tail))


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
        return _resolve_pronoun(name, start, before, speakers, lang)
    return _resolve_name(name.text, before, lang)


def same_word(left: str, right: str, lang: str) -> bool:
    """Equal words, allowing case endings in Russian and Azerbaijani (Алиева ~ Алиев)."""
    if left == right:
        return True
    if lang not in ("ru", "az") or min(len(left), len(right)) < 4:
        return False
    short, long_ = sorted((left, right), key=len)
    stem = short[:-1] if lang == "ru" and short[-1] in "аяйь" else short
    return long_.startswith(stem) and len(long_) - len(stem) <= (3 if lang == "ru" else 5)


def guess_gender(name: Name) -> str | None:
    """Gender from the surname ending (Mammadova, Алиева), if the name has one."""
    if name.gender or len(name.words) < 2:
        return name.gender
    last = name.words[-1].lower()
    for ending, gender in SURNAME_ENDINGS:
        if last.endswith(ending):
            return gender
    return None


def _name_at(text: str, tokens: list[Token], index: int, lex: Lexicon,
             pronouns: bool = True) -> tuple[Name | None, int]:
    """The name group (or pronoun) starting at ``tokens[index]`` and the index after it.

    Titles and sentence starters in front are dropped (President Ilham Aliyev → Ilham
    Aliyev, noting a person); a run longer than three words is two names side by side
    (deyə Natiq Cəfərli Meydan TV-yə bildirib), so only its first two words are taken.
    """
    first = tokens[index]
    if pronouns and fold(first.text) in lex.pronouns:
        gender = lex.pronouns[fold(first.text)]
        return Name(first.start, first.end, first.text, pronoun=True, gender=gender), index + 1
    end = index
    while end < len(tokens) and _name_word(tokens, end, index, text, lex):
        end += 1
    while end > index and tokens[end - 1].text in lex.particles:
        end -= 1
    group = tokens[index:end]
    lead = _leading(group, lex)
    core = group[len(lead):]
    if not core or (len(core) == 1 and (core[0].text in lex.function_words
                                        or core[0].text == "The")):
        return None, max(end, index + 1)
    core = core[:2] if len(core) > _MAX_NAME_TOKENS else core
    name = Name(core[0].start, core[-1].end, " ".join(text[core[0].start:core[-1].end].split()),
                gender=_title_gender(lead),
                person=any(t.text in lex.titles or fold(t.text) in lex.roles for t in lead))
    return name, index + len(lead) + len(core)


def _name_word(tokens: list[Token], position: int, first: int, text: str,
               lex: Lexicon) -> bool:
    token = tokens[position]
    if position > first and not text[tokens[position - 1].end:token.start].isspace():
        return False
    if token.text in lex.particles:
        return position > first
    return token.text[0].isupper()


def _leading(group: list[Token], lex: Lexicon) -> list[Token]:
    """Title and sentence-starter words at the front of a group (not part of the name)."""
    strip = 0
    while strip < len(group) - 1 and (group[strip].text in lex.titles
                                       or group[strip].text in lex.function_words
                                       or fold(group[strip].text) in lex.roles):
        strip += 1
    return group[:strip]


def _title_gender(titles: list[Token]) -> str | None:
    words = {t.text for t in titles}
    if words & {"Mr", "Господин", "Cənab", "King", "Prince", "Sir", "Lord"}:
        return "m"
    if words & {"Mrs", "Ms", "Miss", "Госпожа", "Xanım", "Queen", "Princess", "Lady"}:
        return "f"
    return None


def _with_context_evidence(text: str, tokens: list[Token], index: int, after: int,
                           name: Name, lex: Lexicon) -> Name:
    """Mark a name as a person when a role word precedes it or an appositive follows."""
    role_before = index > 0 and fold(tokens[index - 1].text) in lex.roles
    appositive = False
    if after < len(tokens) and text[name.end:tokens[after].start].strip() == ",":
        words = [t.text for t in tokens[after:after + 3]]
        appositive = any(w.lower() in lex.roles or w in lex.titles for w in words) \
            or words[:1] in (["who"], ["который"], ["которая"])
    person = name.person or role_before or appositive or guess_gender(name) is not None \
        or _surname_like(name)
    return Name(name.start, name.end, name.text, gender=guess_gender(name), person=person)


def _surname_like(name: Name) -> bool:
    last = name.words[-1].lower() if len(name.words) >= 2 else ""
    return any(last.endswith(ending) for ending, _ in SURNAME_ENDINGS)


def _according_to(text: str, tokens: list[Token], index: int, lex: Lexicon) -> Name | None:
    words = [fold(t.text) for t in tokens]
    for phrase in lex.according_to:
        if tuple(words[index:index + len(phrase)]) == phrase and index + len(phrase) < len(tokens):
            return _name_after_roles(text, tokens, index + len(phrase), lex)
    return None


def _deye(text: str, tokens: list[Token], index: int, lang: str, lex: Lexicon) -> Name | None:
    """Azerbaijani “…” deyə X bildirib: the name right after deyə is the speaker."""
    if lang != "az" or fold(tokens[index].text) != "deyə" or index + 1 >= len(tokens):
        return None
    return _name_after_roles(text, tokens, index + 1, lex)


def _name_then_verb(text: str, tokens: list[Token], index: int, lex: Lexicon) -> Name | None:
    name, after = _name_at(text, tokens, index, lex)
    if name is None:
        return None
    words = [t.text for t in tokens]
    if after < len(tokens) and words[after].lower() in _ADVERBS:
        after += 1
    return name if after < len(tokens) and lex.verb_at(words, after) else None


def _verb_then_name(text: str, tokens: list[Token], index: int, lex: Lexicon,
                    words: list[str]) -> Name | None:
    size = lex.verb_at(words, index)
    if not size or words[index].lower() in lex.addressee_verbs or index + size >= len(tokens):
        return None
    return _name_after_roles(text, tokens, index + size, lex)


def _name_after_roles(text: str, tokens: list[Token], index: int, lex: Lexicon) -> Name | None:
    """A name at ``tokens[index]``, past an article and up to three lower-case words that
    end in a role (said political scientist Azer Gasimli / заявил политолог Азер Гасымлы)."""
    if index + 1 < len(tokens) and tokens[index].text in _ARTICLES:
        index += 1
    for skip in range(4):
        position = index + skip
        if position >= len(tokens):
            return None
        role = any(fold(t.text) in lex.roles for t in tokens[index:position])
        if skip == 0 or role:
            name, _ = _name_at(text, tokens, position, lex)
            if name is not None:
                return name if skip == 0 else _as_person(name)
        if not tokens[position].text[0].islower():
            return None
    return None


def _as_person(name: Name) -> Name:
    return Name(name.start, name.end, name.text, name.pronoun, name.gender, True)


def _before_according_to(text: str, tokens: list[Token], words: list[str],
                         lex: Lexicon) -> Name | None:
    for phrase in lex.according_to:
        for index in range(max(0, len(tokens) - 6), len(tokens)):
            if tuple(words[index:index + len(phrase)]) == phrase:
                name = _name_after_roles(text, tokens, index + len(phrase), lex)
                if name is not None and name.end == tokens[-1].end:
                    return name
    return None


def _before_genitive(text: str, tokens: list[Token], words: list[str], lang: str,
                     lex: Lexicon) -> Name | None:
    """Azerbaijani X-in sözlərinə görə, “…”: the name in the genitive before sözlərinə."""
    if lang != "az" or words[-2:] != ["sözlərinə", "görə"] or len(tokens) < 3:
        return None
    last = len(tokens) - 3
    stem = _AZ_GENITIVE.sub("", tokens[last].text)
    if not stem or not stem[0].isupper():
        return None
    first = last
    while first > 0 and last - first < 2 and tokens[first - 1].text[0].isupper() \
            and text[tokens[first - 1].end:tokens[first].start].isspace():
        first -= 1
    start, end = tokens[first].start, tokens[last].start + len(stem)
    return Name(start, end, " ".join(text[start:end].split()), person=True)


def _before_verb(text: str, tokens: list[Token], words: list[str], lex: Lexicon,
                 tail: str) -> Name | None:
    """X said: “… / said X: “… / X, an economist, said: “… / X bildirib ki, “…"""
    original = [t.text for t in tokens]
    for index in range(len(tokens) - 1, max(-1, len(tokens) - 10), -1):
        size = lex.verb_at(original, index)
        if not size:
            continue
        rest = words[index + size:]
        if rest and rest not in (["that"], ["ki"], ["что"]) and ":" not in tail:
            return None
        if rest and words[index] not in lex.addressee_verbs and rest not in (["ki"], ["that"]):
            after = _name_after_roles(text, tokens, index + size, lex)
            if after is not None and after.end == tokens[-1].end:
                return after
        return _name_before(text, tokens, index, lex)
    return None


def _name_before(text: str, tokens: list[Token], verb: int, lex: Lexicon) -> Name | None:
    """The name or pronoun ending right before ``tokens[verb]``, past an appositive."""
    end = verb
    if end > 0 and fold(tokens[end - 1].text) in _ADVERBS:
        end -= 1
    gap = text[tokens[end - 1].end:tokens[end].start] if end > 0 else ""
    if gap.strip() == ",":
        opening = _appositive_start(text, tokens, end)
        if opening is None:
            return None
        end = opening
    for start in range(max(0, end - _MAX_NAME_TOKENS - 2), end):
        name, after = _name_at(text, tokens, start, lex)
        if name is not None and after == end and name.end == tokens[end - 1].end:
            return name
    return None


def _appositive_start(text: str, tokens: list[Token], end: int) -> int | None:
    """Index of the first token after "X," in "X, a member of Y, said"."""
    for index in range(end - 1, max(0, end - 15), -1):
        if text[tokens[index - 1].end:tokens[index].start].strip() == ",":
            return index
    return None


def _resolve_name(written: str, before: list[Mention], lang: str) -> str:
    """The full name an earlier mention gives for ``written``, in its first (introducing)
    form: Jafarli → Natig Jafarli; по словам Натига Джафарли → Натиг Джафарли."""
    words = written.split()
    match = next((m for m in reversed(before) if _names_match(m.name.words, words, lang)), None)
    if match is None:
        return written
    same_person = [m for m in before if len(m.name.words) == len(match.name.words)
                   and _names_match(m.name.words, match.name.words, lang)]
    return same_person[0].name.text


def _names_match(known: list[str], words: list[str], lang: str) -> bool:
    """Whether ``known`` (an earlier full name) is what ``words`` refers to."""
    if len(known) < 2 or not words:
        return False
    if len(words) == 1:
        return same_word(known[-1], words[0], lang)
    return len(known) == len(words) and all(same_word(a, b, lang) for a, b in zip(known, words))


def _resolve_pronoun(name: Name, since: int, before: list[Mention], speakers: list[Mention],
                     lang: str) -> str | None:
    window = [m for m in before if m.segment >= since and m.name.person]
    window += [s for s in speakers if s.segment >= since]
    candidates: dict[str, str | None] = {}
    for mention in window:
        full = _resolve_name(mention.name.text, before, lang)
        candidates.setdefault(full, mention.name.gender)
        candidates[full] = candidates[full] or mention.name.gender
    compatible = [full for full, gender in candidates.items()
                  if name.gender is None or gender in (None, name.gender)]
    if len(compatible) > 1 and name.gender is not None:
        gendered = [full for full in compatible if candidates[full] == name.gender]
        compatible = gendered if len(gendered) == 1 else compatible
    return compatible[0] if len(compatible) == 1 else None
