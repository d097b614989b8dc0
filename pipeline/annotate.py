"""Translator notes for the template: what each segment quotes, who speaks, which names.

A translator in Poedit sees one segment at a time; the ``#.`` lines written here tell
them what the article around it already established: that a quotation is Natig
Jafarli's even though this paragraph only says "he", that “rogue states” is a scare
quote, that a quotation goes on in the next paragraph, and how the glossary spells the
names. The lines depend only on the article text and the glossary, so templates do not
churn between runs.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple, Sequence

from pipeline.attribution import surname_gender
from pipeline.glossary import Glossary, Term
from pipeline.inline import decode_references
from pipeline.model import Segment
from pipeline.quotes import QuoteKind, Quotation, analyse_article

_EXCERPT = 60


class UnknownSpeaker(NamedTuple):
    """A speaker named in an article's attributions that has no glossary row."""

    name: str
    article: str
    count: int


def annotate_segments(segments: Sequence[str], lang: str,
                      glossary: Glossary | None = None) -> list[list[str]]:
    """The ``#.`` comment lines for each segment (same length and order as ``segments``)."""
    notes: list[list[str]] = [[] for _ in segments]
    # (a CMS export's &ldquo; is a quotation mark to readers, and so to the notes)
    for quotation in analyse_article([decode_references(text) for text in segments], lang):
        line = quotation_note(quotation, glossary, lang)
        if line and line not in notes[quotation.segment_index]:
            notes[quotation.segment_index].append(line)
    if glossary is not None:
        for index, text in enumerate(segments):
            notes[index] += glossary_notes(text, lang, glossary)
    return notes


def segment_annotator(glossary: Glossary | None
                      ) -> Callable[[Sequence[Segment], str], list[list[str]]]:
    """An annotator for the extract stage: segments in, comment lines out. Quotations are
    followed through the running text only: a link's title between two paragraphs of one
    quotation would end it there."""
    def annotate(segments: Sequence[Segment], lang: str) -> list[list[str]]:
        running = [i for i, segment in enumerate(segments) if not segment.kind.in_markup]
        notes: list[list[str]] = [[] for _ in segments]
        for index, lines in zip(running, annotate_segments([segments[i].msgid for i in running], lang, glossary)):
            notes[index] = lines
        if glossary is not None:
            for index, segment in enumerate(segments):
                if segment.kind.in_markup:
                    notes[index] = glossary_notes(segment.msgid, lang, glossary)
        return notes
    return annotate


def quotation_note(quotation: Quotation, glossary: Glossary | None = None,
                   lang: str = "") -> str | None:
    """One line saying what ``quotation`` is (None for nothing worth saying); a speaker
    the ``glossary`` knows is given in its glossary form (the ``lang`` column)."""
    excerpt = _excerpt(quotation)
    if quotation.kind is QuoteKind.SCARE:
        return f"Scare quotes: {excerpt}"
    if quotation.kind is QuoteKind.TITLE:
        return f"Title in quotes: {excerpt}"
    if quotation.depth > 0:
        return f"Quotation within a quotation: {excerpt}"
    where = _continuation(quotation)
    return f"Quotation{where} — speaker: {_speaker(quotation, glossary, lang)}"


def glossary_notes(text: str, lang: str, glossary: Glossary) -> list[str]:
    """"Glossary: X → az: …; ru: …" for each distinct term of ``text``, in text order."""
    notes = []
    seen: set[int] = set()
    for match in glossary.terms_in(text, lang):
        if id(match.term) in seen:
            continue
        seen.add(id(match.term))
        notes.append(_glossary_line(match.term, lang, glossary.languages))
    return notes


def glossary_form(name: str, lang: str, glossary: Glossary | None) -> str:
    """``name`` as the glossary writes it in ``lang`` when the glossary has it, in any case
    ending (Шахлы Мамедовой → Шахла Мамедова), else ``name`` unchanged."""
    if glossary is None or not lang:
        return name
    term = glossary.find(name, lang)
    form = term.form(lang) if term is not None else None
    if not form or form == name:
        return name
    genders = {surname_gender(form), surname_gender(name)}
    return name if {"m", "f"} <= genders else form  # Алиева is not the glossary's Алиев


def unknown_speakers(articles_segments: Iterable[tuple[str, str, Sequence[str]]],
                     glossary: Glossary | None) -> list[UnknownSpeaker]:
    """Speakers of direct quotations that have no glossary row, with how often each
    article quotes them; ``articles_segments`` holds ``(article, lang, segments)``."""
    counts: Counter[tuple[str, str]] = Counter()
    for article, lang, segments in articles_segments:
        for quotation in analyse_article([decode_references(text) for text in segments], lang):
            if quotation.kind is not QuoteKind.SPEECH or quotation.part or not quotation.speaker:
                continue
            if glossary is None or glossary.find(quotation.speaker, lang) is None:
                counts[(quotation.speaker, article)] += 1
    return [UnknownSpeaker(name, article, count)
            for (name, article), count in sorted(counts.items())]


def _continuation(quotation: Quotation) -> str:
    if quotation.continued and quotation.part == 0:
        return " (goes on in the next paragraph: open it here, do not close it)"
    if quotation.continued:
        return " (continued; goes on in the next paragraph: repeat the opening mark)"
    if quotation.part:
        return " (continued from the previous paragraph: repeat the opening mark)"
    return ""


def _speaker(quotation: Quotation, glossary: Glossary | None, lang: str) -> str:
    if quotation.speaker:
        return glossary_form(quotation.speaker, lang, glossary)
    if quotation.attribution is not None:
        return f"“{quotation.attribution.text}” (not resolved)"
    return "not named"


def _excerpt(quotation: Quotation) -> str:
    text = " ".join(quotation.text.split()).rstrip(".,;:")
    if len(text) > _EXCERPT:
        text = text[:_EXCERPT - 1] + "…"
    return f"{quotation.open_mark}{text}{quotation.close_mark or quotation.open_mark}"


@lru_cache(maxsize=4096)
def _glossary_line(term: Term, lang: str, languages: Sequence[str]) -> str:
    """The note for one term (cached: a name recurs in many segments and articles)."""
    own = term.form(lang) or ""
    if term.keep_as_is:
        return f"Glossary: {own} (keep as is)"
    others = [f"{other}: {term.form(other)}" for other in languages
              if other != lang and term.form(other)]
    return f"Glossary: {own} → " + "; ".join(others)
