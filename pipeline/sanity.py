"""A gate on every machine translation before it reaches a catalogue.

Neural MT fails in recognisable ways: it loops ("the city of the city of the city…"),
stops early, copies the source, answers in the wrong script, or hallucinates text it
saw in training data ("Allowed HTML tags: …", subtitle credits). A reviewer skimming
hundreds of fuzzy entries misses these, so output that shows one is rejected here and the
entry keeps an empty msgstr with the reason in a comment.

Each reason is ``"category: detail"``; the report counts reasons by category.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.numbers import unmatched_numbers
from pipeline.placeholders import strip_placeholders

_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_LATIN_EXTRA_AZ = set("əƏğĞıİöÖüÜçÇşŞ")

#: Phrases MT models hallucinate from web/subtitle training data. Rejected when the
#: output contains them and the source does not.
HALLUCINATIONS: tuple[str, ...] = (
    r"allowed html tags",
    r"допустимые html",
    r"разрешенные html",
    r"subtitles by",
    r"translated by",
    r"субтитры",
    r"перевод(?:чик)?:",
    r"подписывайтесь",
    r"all rights reserved",
    r"все права защищены",
    r"click here",
    r"нажмите здесь",
    r"copyright",
    r"©",
    r"https?://",
    r"www\.",
    # From the start of a word, one "@" in it: trying every position, or every "@", of a
    # long word made the search quadratic.
    r"(?<!\S)[^\s@]+@[^\s@]+\.\w+",
    r"<[a-z/][^<>]*>",
)


@dataclass(frozen=True)
class GateLimits:
    """Tunable bounds. Length bounds are in characters, with slack for short segments."""

    min_ratio: float = 0.3
    max_ratio: float = 3.0
    slack: int = 12
    loop_min_repeats: int = 3
    loop_max_ngram: int = 6
    echo_min_words: int = 4
    script_min_share: float = 0.25
    script_min_letters: int = 20


def check_output(source: str, output: str, src_lang: str, tgt_lang: str,
                 limits: GateLimits = GateLimits()) -> list[str]:
    """Reasons to reject ``output`` as a translation of ``source``; empty when it passes."""
    src = strip_placeholders(source)
    out = strip_placeholders(output)
    if not _has_letters(src):
        return []
    if not out.strip():
        return ["empty: the engine returned nothing"]
    reasons: list[str] = []
    reasons += _loops(src, out, limits)
    reasons += _length(src, out, limits)
    reasons += _echo(src, out, limits)
    if not _only_names(src, out, limits):
        reasons += _script(out, tgt_lang, limits)
    reasons += _hallucinations(source, output)
    reasons += _numbers(source, output, src_lang, tgt_lang)
    return reasons


def script_problems(source: str, output: str, tgt_lang: str,
                    limits: GateLimits = GateLimits()) -> list[str]:
    """The gate's script reasons alone, for an output the post-processors have changed:
    a name the engine left in the source's letters and the glossary respelt counts in the
    target's script."""
    src, out = strip_placeholders(source), strip_placeholders(output)
    if not _has_letters(src) or _only_names(src, out, limits):
        return []
    return _script(out, tgt_lang, limits)


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _max_repeat(tokens: list[str], n: int) -> tuple[int, tuple[str, ...]]:
    """Longest run of an n-gram repeated back to back, and that n-gram (the first, if tied).

    Read from where each token equals the one ``n`` places on: a stretch of ``m`` such
    tokens starting at ``s`` is the n-gram at ``s`` said ``m // n + 1`` times. One pass;
    trying every start was quadratic in a long loop, the very output this looks for.
    """
    best, best_gram = 1, ()
    stretch_start, length = 0, 0
    for index in range(len(tokens) - n):
        if tokens[index] != tokens[index + n]:
            length = 0
            continue
        if length == 0:
            stretch_start = index
        length += 1
        if length // n + 1 > best:
            best, best_gram = length // n + 1, tuple(tokens[stretch_start:stretch_start + n])
    return best, best_gram


_CHAR_LOOP = re.compile(r"(\w{1,12}?)\1{5,}")


def _loops(src: str, out: str, limits: GateLimits) -> list[str]:
    for match in _CHAR_LOOP.finditer(out.lower()):
        if match.group() not in src.lower() and not match.group(1).isdigit():
            return [f"repetition: {match.group(1)!r} repeated {len(match.group()) // len(match.group(1))} times"]
    out_tokens = _WORD.findall(out.lower())
    src_tokens = _WORD.findall(src.lower())
    for n in range(1, limits.loop_max_ngram + 1):
        repeats, gram = _max_repeat(out_tokens, n)
        needed = limits.loop_min_repeats + (1 if n == 1 else 0)
        wordy = any(ch.isalpha() for ch in "".join(gram))
        if wordy and repeats >= needed and repeats > _max_repeat(src_tokens, n)[0]:
            return [f"repetition: {' '.join(gram)!r} repeated {repeats} times"]
    return []


def _length(src: str, out: str, limits: GateLimits) -> list[str]:
    n_src, n_out = len(src.strip()), len(out.strip())
    if n_out > limits.max_ratio * n_src + limits.slack:
        return [f"length: output {n_out / n_src:.1f}× as long as the source"]
    if n_out < limits.min_ratio * n_src - limits.slack:
        return [f"length: output {n_out / n_src:.2f}× as long as the source"]
    return []


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _echo(src: str, out: str, limits: GateLimits) -> list[str]:
    words = [w for w in src.split() if _has_letters(w)]
    if len(words) >= limits.echo_min_words and _normalise(src) == _normalise(out):
        return ["untranslated: output equals the source"]
    return []


def _only_names(src: str, out: str, limits: GateLimits) -> bool:
    """Short output whose words all come from the source ("NATO", "Apple iPhone"): names
    legitimately stay in their own script."""
    words = [w for w in re.findall(r"\w+", out) if _has_letters(w)]
    return len(words) < limits.echo_min_words and set(words) <= set(re.findall(r"\w+", src))


#: Languages written in a script other than Latin and Cyrillic, by the words their letters'
#: Unicode names open with: a newsroom adding Georgian or Greek gets its output read in its
#: own letters, not rejected for having no Latin ones.
_OTHER_SCRIPTS = {"ka": ("GEORGIAN",), "hy": ("ARMENIAN",), "el": ("GREEK",), "he": ("HEBREW",),
                  "ar": ("ARABIC",), "fa": ("ARABIC",), "ur": ("ARABIC",), "hi": ("DEVANAGARI",),
                  "ko": ("HANGUL",), "zh": ("CJK",), "ja": ("CJK", "HIRAGANA", "KATAKANA")}


def _in_script(ch: str, lang: str) -> bool:
    base = lang.split("_")[0].split("-")[0].lower()
    if base in ("ru", "uk", "be", "bg", "sr", "kk", "mk", "ky", "tg", "mn"):
        return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"
    if base == "az":
        return ch in _LATIN_EXTRA_AZ or _is_latin(ch)
    if base in _OTHER_SCRIPTS:
        return unicodedata.name(ch, "").startswith(_OTHER_SCRIPTS[base])
    return _is_latin(ch)


def _is_latin(ch: str) -> bool:
    return ch.isascii() or "LATIN" in unicodedata.name(ch, "")


def _script(out: str, tgt_lang: str, limits: GateLimits) -> list[str]:
    letters = [ch for ch in out if ch.isalpha()]
    if not letters:
        return []
    ours = sum(1 for ch in letters if _in_script(ch, tgt_lang))
    if ours == 0:
        return [f"script: no letters of the {tgt_lang} script"]
    if len(letters) >= limits.script_min_letters and ours / len(letters) < limits.script_min_share:
        return [f"script: only {ours * 100 // len(letters)}% of letters in the {tgt_lang} script"]
    return []


def _hallucinations(source: str, output: str) -> list[str]:
    reasons = []
    for pattern in HALLUCINATIONS:
        found = re.search(pattern, output, re.IGNORECASE)
        if found and not re.search(pattern, source, re.IGNORECASE):
            reasons.append(f"hallucination: {found.group()!r} is not in the source")
    return reasons[:1]


def _numbers(source: str, output: str, src_lang: str, tgt_lang: str) -> list[str]:
    """Figures the output has and the source does not (a year or an amount made up). Digits
    the source does not write are asked of the numbers check first, which reads figures as
    each language writes them: three → 3, 9 pm → 21:00, 1.2 million → 1 200 000 and в
    девяностых → in the 90s are the source's numbers, and rejecting them would leave a good
    translation for a person to write from scratch."""
    digits = sorted(set(re.findall(r"\d+", output)) - set(re.findall(r"\d+", source)), key=len)
    if not digits:
        return []
    extra = unmatched_numbers(strip_placeholders(source), strip_placeholders(output),
                              src_lang, tgt_lang)[1]
    if extra:
        return [f"numbers: {', '.join(number.written for number in extra[:3])} not in the source"]
    return []
