"""The translate stage: fill untranslated catalogue entries with machine translations.

Every result is a *suggestion*: it is written as a fuzzy entry with a translator comment
saying where it came from (``mt: argos translate-en_ru 1.9`` or
``mt: translation memory (<catalogue>)``), so nothing is published before a human
reviews it. Output the sanity gate or a post-processor rejects is not written; the entry
keeps an empty msgstr and a ``mt rejected: <reasons> (<provenance>)`` comment.

The stage is built for throughput on a 2-core laptop: entries of all catalogues are
pooled per language pair, reviewed translations are reused first, markup is protected,
paragraphs are split into sentences, sentences are deduplicated across the whole run,
and the engine is called once per pair (per chunk of ``CHUNK_SENTENCES``) so it can
batch by tokens. Human translations are never touched: only empty entries and, with
``refresh``, unreviewed machine translations from an older model are (re)translated.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

from pipeline.engines import Engine, Unfinished
from pipeline.engines.memory_only import is_memory_only
from pipeline.errors import EngineError
from pipeline.memory import ALTERNATIVE_PREFIX, FuzzyMemory, MemoryMatch, TranslationMemory
from pipeline.update import keep_as_previous
from pipeline.model import (MT_COMMENT_PREFIX, MT_REJECTED_PREFIX, REVIEWED_COMMENT_PREFIX, SIMILAR_TEXT_PROVENANCE,
                            Catalogue, EntryStatus, Message, mt_comment)
from pipeline.placeholders import Protected, placeholder_pattern, protect, restore, strip_placeholders
from pipeline.sanity import check_output, script_problems
from pipeline.segmentation import Piece, split_pieces

#: (source_msgid, machine_output, source_lang, target_lang) -> (fixed_output, problems).
#: Problems reject the output; return [] for what a reviewer can fix in the fuzzy entry.
PostProcessor = Callable[[str, str, str, str], tuple[str, list[str]]]
Pair = tuple[str, str]

#: Sentences per engine call: large enough for efficient token batching, small enough
#: to report progress and bound memory on long runs.
CHUNK_SENTENCES = 4096
MEMORY_PROVENANCE = "translation memory"
_TOKEN = placeholder_pattern()


@dataclass
class CatalogueJob:
    """One catalogue to translate; ``catalogue`` is mutated in place."""

    path: str  # display path of the .po file
    source_lang: str
    target_lang: str
    catalogue: Catalogue
    #: Keys of the entries whose source text was edited in this run and that kept an older
    #: text's translation (fuzzy, with the previous msgid): they take the memory's reviewed
    #: translation of exactly their new text (:func:`_apply_memory_to_edited`).
    edited: frozenset[tuple[str | None, str]] = frozenset()


@dataclass
class Rejection:
    """An entry whose machine translation was not written, and why."""

    path: str
    line: int
    msgid: str
    reasons: list[str]


@dataclass
class PairStats:
    """What happened to one language pair's entries."""

    machine_translated: int = 0
    from_memory: int = 0
    suggested: int = 0  # fuzzy suggestions from the memory of similar texts (never reviewed)
    rejected: int = 0
    placeholder_problems: int = 0
    reasons: Counter[str] = field(default_factory=Counter)  # rejection category -> count
    sentences: int = 0  # sentences in the entries sent to MT
    unique_sentences: int = 0  # sentences actually sent to the engine


@dataclass
class TranslateReport:
    """The outcome of one run of the stage."""

    pairs: dict[Pair, PairStats] = field(default_factory=dict)
    missing_pairs: list[Pair] = field(default_factory=list)
    engine_calls: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[EngineError] = field(default_factory=list)  # pairs whose engine failed

    def stats(self, pair: Pair) -> PairStats:
        return self.pairs.setdefault(pair, PairStats())

    @property
    def machine_translated(self) -> int:
        return sum(s.machine_translated for s in self.pairs.values())

    @property
    def from_memory(self) -> int:
        return sum(s.from_memory for s in self.pairs.values())

    @property
    def rejected(self) -> int:
        return sum(s.rejected for s in self.pairs.values())


@dataclass(frozen=True)
class _Sentence:
    """A piece of an entry as the engine sees it: placeholders renumbered from 1 so the
    same sentence in different entries is one engine input."""

    piece: Piece
    canonical: str
    tokens: tuple[str, ...]  # the entry's token for canonical ⟦1⟧, ⟦2⟧, …


@dataclass
class _Item:
    """One entry on its way through the stage."""

    job: CatalogueJob
    message: Message
    retry: bool = True  # False: this engine already rejected its output; memory only
    protected: Protected | None = None
    sentences: list[_Sentence] = field(default_factory=list)

    @property
    def pair(self) -> Pair:
        return (self.job.source_lang, self.job.target_lang)


def translate_catalogues(jobs: Sequence[CatalogueJob], engine: Engine, *,
                         memory: TranslationMemory | None = None, refresh: bool = False,
                         postprocess: Sequence[PostProcessor] = (),
                         progress: Callable[[int, int], None] | None = None,
                         suggestions: FuzzyMemory | None = None, edited_only: bool = False) -> TranslateReport:
    """Machine-translate every untranslated entry of ``jobs`` in place.

    ``memory`` defaults to a memory built from ``jobs`` themselves; pass an empty
    :class:`TranslationMemory` to disable reuse. ``progress(done, total)`` counts
    sentences sent to the engine. Returns counts per pair, missing pairs and rejections.
    ``suggestions`` fills what the memory does not know with the
    reviewed translation of a similar text: fuzzy, with that text as the previous msgid.
    An engine failure for one pair (EngineError) is recorded in the report's ``errors``
    and ``notes``; that pair's entries are left as they were and other pairs go on.
    ``edited_only``: only give the entries edited in this run the memory's exact match (what
    merging an edit does, also when ``pipeline update`` merges it alone); nothing else is filled.
    """
    report = TranslateReport()
    if memory is None:
        memory = TranslationMemory.from_catalogues(
            (job.source_lang, job.target_lang, job.path, job.catalogue) for job in jobs
        )
    _apply_memory_to_edited(jobs, memory, report)
    if edited_only:
        return report
    to_translate: dict[Pair, list[_Item]] = {}
    for pair, items in _candidates(jobs, engine, refresh).items():
        report.stats(pair)
        rest = [item for item in _apply_memory(items, memory, report) if item.retry]
        if suggestions is not None:
            rest = _apply_suggestions(rest, suggestions, report)
        if rest and not engine.supports(*pair):
            if not is_memory_only(engine):
                report.missing_pairs.append(pair)
                report.notes.append(
                    f"no {engine.name} model for {pair[0]}→{pair[1]}: {len(rest)} "
                    f"{'entry' if len(rest) == 1 else 'entries'} left untranslated"
                )
        elif rest:
            to_translate[pair] = rest
    _machine_translate(to_translate, engine, postprocess, progress, report)
    return report


def _candidates(jobs: Sequence[CatalogueJob], engine: Engine, refresh: bool) -> dict[Pair, list[_Item]]:
    by_pair: dict[Pair, list[_Item]] = {}
    for job in jobs:
        pair = (job.source_lang, job.target_lang)
        current = engine.provenance(*pair) if engine.supports(*pair) else None
        for message in job.catalogue.active:
            if _wants_translation(message, current, refresh):
                retry = refresh or current is None or not _rejected_by(message, current)
                by_pair.setdefault(pair, []).append(_Item(job, message, retry))
    return by_pair


def _wants_translation(message: Message, current: str | None, refresh: bool) -> bool:
    """Empty entries; with ``refresh``, also unreviewed machine translations made by
    something else (an older model). Never reviewed, changed or plural entries."""
    if message.msgid_plural is not None or not message.msgid:
        return False
    if not message.msgstr:
        return True
    if not refresh or message.status is not EntryStatus.MACHINE:
        return False
    provenance = message.machine_provenance or ""
    return provenance != current and not provenance.startswith(MEMORY_PROVENANCE)


def _rejected_by(message: Message, provenance: str) -> bool:
    return any(
        c.startswith(MT_REJECTED_PREFIX) and c.endswith(f" ({provenance})") for c in message.comments
    )


def _apply_memory(items: list[_Item], memory: TranslationMemory, report: TranslateReport) -> list[_Item]:
    """Fill entries the memory knows; return the rest."""
    rest = []
    for item in items:
        match = memory.lookup(*item.pair, item.message.msgid)
        if match is None:
            rest.append(item)
            continue
        _accept(item.message, match.text, _memory_provenance(match))
        _add_alternatives(item.message, match)
        report.stats(item.pair).from_memory += 1
    return rest


def _add_alternatives(message: Message, match: MemoryMatch) -> None:
    message.comments += [f"{ALTERNATIVE_PREFIX}({origin}): " + " ".join(text.split("\n"))
                         for text, origin in match.others]


def _apply_memory_to_edited(jobs: Sequence[CatalogueJob], memory: TranslationMemory,
                            report: TranslateReport) -> None:
    """Give each entry edited in this run (``job.edited``) the reviewed translation of
    exactly its new text, when the memory has one: a better start for its translator than
    the old text's translation. It stays fuzzy, with its provenance, as any memory match;
    the old translation stays as a ``previous translation:`` comment (as on ``--refresh``)
    and in the old text's obsolete entry, so the loss check admits no exception. The
    previous msgid goes: it would say the translation is of the old text, which it no
    longer is. So do ``reviewed mt:`` notes, which told where the old translation came
    from (its obsolete entry keeps them) and would be shown as this one's provenance."""
    for job in jobs:
        pair = (job.source_lang, job.target_lang)
        for message in job.catalogue.active if job.edited else ():
            if message.key not in job.edited or message.status is not EntryStatus.CHANGED \
                    or message.msgid_plural is not None:
                continue
            match = memory.lookup(*pair, message.msgid)
            if match is None:
                continue
            message.comments = [c for c in message.comments if not c.startswith(REVIEWED_COMMENT_PREFIX)]
            _accept(message, match.text, _memory_provenance(match))
            message.previous_msgid = message.previous_msgctxt = message.previous_msgid_plural = None
            _add_alternatives(message, match)
            report.stats(pair).from_memory += 1


def _apply_suggestions(items: list[_Item], suggestions: FuzzyMemory, report: TranslateReport) -> list[_Item]:
    """Fill the empty entries with the reviewed translation of a similar
    text, as msgmerge does from a compendium: fuzzy, the similar text as the previous msgid
    (so the entry is a changed one, never published or counted as reviewed before a human
    clears it, and the reviewer sees the difference), and where it came from. The rest is
    returned for machine translation."""
    rest = []
    for item in items:
        message = item.message
        match = None if message.msgstr else \
            suggestions.lookup(*item.pair, message.msgctxt, message.msgid)
        if match is None:
            rest.append(item)
            continue
        _accept(message, match.text, f"{SIMILAR_TEXT_PROVENANCE} ({match.origin})")
        message.previous_msgid = match.msgid
        report.stats(item.pair).suggested += 1
    return rest


def _memory_provenance(match: MemoryMatch) -> str:
    return f"{MEMORY_PROVENANCE} ({match.origin})"


def _machine_translate(to_translate: dict[Pair, list[_Item]], engine: Engine,
                       postprocess: Sequence[PostProcessor],
                       progress: Callable[[int, int], None] | None, report: TranslateReport) -> None:
    plans = {pair: _plan(pair, items, report) for pair, items in to_translate.items() if items}
    total = sum(len(unique) for unique in plans.values())
    done = 0
    if progress and total:
        progress(0, total)
    for pair, unique in plans.items():
        translations: dict[str, str] = {}
        try:
            for start in range(0, len(unique), CHUNK_SENTENCES):
                chunk = unique[start:start + CHUNK_SENTENCES]
                translations.update(zip(chunk, _call_engine(engine, chunk, pair, report)))
                done += len(chunk)
                if progress:
                    progress(done, total)
        except EngineError as error:
            report.errors.append(error)
            count = len(to_translate[pair])
            report.notes.append(f"{pair[0]}→{pair[1]}: {error}; {count} "
                                f"{'entry left as it was' if count == 1 else 'entries left as they were'}")
            continue
        provenance = engine.provenance(*pair)
        for item in to_translate[pair]:
            _finish(item, translations, provenance, postprocess, report)


def _plan(pair: Pair, items: list[_Item], report: TranslateReport) -> list[str]:
    """Protect and split every entry; return the pair's unique sentences in first-seen order."""
    unique: dict[str, None] = {}
    stats = report.stats(pair)
    for item in items:
        item.protected = protect(item.message.msgid, lang=pair[0])
        pieces = _footnote_label_apart(split_pieces(item.protected.text, pair[0]), item.protected)
        item.sentences = [_canonical(piece) for piece in pieces]
        for sentence in item.sentences:
            if _needs_engine(sentence.canonical):
                stats.sentences += 1
                unique.setdefault(sentence.canonical, None)
    stats.unique_sentences += len(unique)
    return list(unique)


def _footnote_label_apart(pieces: list[Piece], protected: Protected) -> list[Piece]:
    """A footnote definition's ``[^1]:`` label must stay where it is, first: an engine may
    move a placeholder anywhere (or put text before it), and the definition is then a plain
    paragraph. The label goes with the first sentence's lead, which no engine sees. So does a
    task list item's checkbox (``[ ] Book a seat``): anywhere else it is no checkbox."""
    found = _LEADING_LABEL.match(pieces[0].body) if pieces else None
    original = protected.mapping.get(found.group(1), "") if found else ""
    if found is None or not (original.startswith("[^") if found.group(2) else _CHECKBOX.fullmatch(original)):
        return pieces
    first = pieces[0]
    return [Piece(first.lead + found.group(), first.body[found.end():], first.trail), *pieces[1:]]


_LEADING_LABEL = re.compile(r"(⟦\d+⟧)(?:(:)[ \t]*|[ \t]+)")
_CHECKBOX = re.compile(r"\[[ xX]\]")


def _canonical(piece: Piece) -> _Sentence:
    tokens: list[str] = []

    def renumber(match: re.Match[str]) -> str:
        tokens.append(match.group())
        return f"⟦{len(tokens)}⟧"

    return _Sentence(piece, _TOKEN.sub(renumber, piece.body), tuple(tokens))


def _decanonical(sentence: _Sentence, translated: str, spare: int) -> str:
    """Give the engine's output the entry's own token numbers back; numbers the engine
    invented become numbers the entry does not have, so restoring reports them."""

    def renumber(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return sentence.tokens[index] if 0 <= index < len(sentence.tokens) else f"⟦{spare + index}⟧"

    return _TOKEN.sub(renumber, translated)


def _needs_engine(body: str) -> bool:
    return any(ch.isalpha() for ch in strip_placeholders(body))


def _call_engine(engine: Engine, texts: list[str], pair: Pair, report: TranslateReport) -> list[str]:
    report.engine_calls += 1
    outputs = engine.translate_batch(texts, *pair)
    if len(outputs) != len(texts):
        raise EngineError(
            f"engine {engine.name} returned {len(outputs)} translations for {len(texts)} texts "
            f"({pair[0]}→{pair[1]})",
            hint="this is a bug in the engine; try another engine",
        )
    return [output if isinstance(output, str) else str(output) for output in outputs]


def _finish(item: _Item, translations: dict[str, str], provenance: str,
            postprocess: Sequence[PostProcessor], report: TranslateReport) -> None:
    assert item.protected is not None
    unfinished = _unfinished(item, translations)
    if unfinished:
        _refuse(item, unfinished, provenance, report)
        return
    spare = len(item.protected.mapping) + 2
    joined = "".join(
        s.piece.lead
        + (_decanonical(s, translations[s.canonical].strip(), spare) if _needs_engine(s.canonical) else s.piece.body)
        + s.piece.trail
        for s in item.sentences
    )
    text, problems = restore(joined, item.protected)
    source_lang, target_lang = item.pair
    # The gate judges what the engine was given and wrote: protected spans (URLs, e-mail
    # addresses, code) are kept as they are, so their Latin letters say nothing about the
    # output's script, length or faithfulness.
    gate = check_output(item.protected.text, joined, source_lang, target_lang)
    # Names the engine left in the source's letters are the glossary's to respell (the
    # pseudo engine leaves them so on purpose): an output failing on its script alone is
    # judged again once the post-processors have run.
    script_later = bool(postprocess) and not problems and bool(gate) \
        and all(reason.startswith("script:") for reason in gate)
    if gate[:1] and gate[0].startswith("empty"):
        reasons = gate  # lost placeholders are a consequence, not news
    else:
        reasons = [f"placeholders: {problem}" for problem in problems] + ([] if script_later else gate)
    for processor in postprocess if not reasons else ():
        text, found = processor(item.message.msgid, text, source_lang, target_lang)
        reasons += found
    if script_later:
        reasons += script_problems(item.protected.text, _without_protected(text, item.protected),
                                   target_lang)
    if reasons:
        _refuse(item, reasons, provenance, report)
        return
    _accept(item.message, text, provenance)
    report.stats(item.pair).machine_translated += 1


def _without_protected(text: str, protected: Protected) -> str:
    """``text`` with the protected spans (URLs, code) blanked, as the gate judges them."""
    for original in protected.mapping.values():
        text = text.replace(original, " ")
    return text


def _unfinished(item: _Item, translations: dict[str, str]) -> list[str]:
    """Reasons for the sentences the engine was still writing when it stopped: whatever
    else such an output shows is beside the point. The limit itself is not named: Argos
    sets it per batch (from the batch's longest source), so the same entry would be
    rejected in other words whenever a refresh batched it with other sentences, and its
    catalogue would change for nothing."""
    if not any(isinstance(translations.get(s.canonical), Unfinished) for s in item.sentences):
        return []
    return ["unfinished: the engine stopped it at its length limit, still writing "
            "(a loop, or an output far longer than the source)"]


def _refuse(item: _Item, reasons: list[str], provenance: str, report: TranslateReport) -> None:
    _reject(item.message, reasons, provenance)
    stats = report.stats(item.pair)
    stats.rejected += 1
    stats.placeholder_problems += any(r.startswith("placeholders:") for r in reasons)
    stats.reasons.update(reason.split(":", 1)[0] for reason in reasons)
    report.rejections.append(Rejection(item.job.path, item.message.lineno, item.message.msgid, reasons))


def _accept(message: Message, text: str, provenance: str) -> None:
    """Fill the entry, fuzzy with its provenance. An older machine translation replaced on
    ``--refresh`` stays as a ``previous translation:`` comment: it may carry a translator's
    unfinished edit (still fuzzy), and the loss check admits no exception. Checks dismissed
    by a flag (``ignore-numbers``) were judged on the text this output replaces (the changed
    source's, whose obsolete entry keeps them, or the older output's): on a new output they
    would silence what nobody has judged, so the flags go (an identical output keeps them)."""
    if message.msgstr and message.msgstr != text:
        keep_as_previous(message, message.msgstr)
    if message.msgstr != text:
        message.flags = [flag for flag in message.flags if not flag.startswith("ignore-")]
    message.msgstr = text
    message.fuzzy = True
    message.comments = [c for c in message.comments if not _is_mt_comment(c)]
    message.comments.append(mt_comment(provenance, message.msgctxt, message.msgid))


def _reject(message: Message, reasons: list[str], provenance: str) -> None:
    """Leave the entry as it is (empty, or an older unreviewed MT on refresh) and say why."""
    message.comments = [c for c in message.comments if not c.startswith(MT_REJECTED_PREFIX)]
    reason = " ".join("; ".join(reasons).split())  # a PO comment is one line
    message.comments.append(f"{MT_REJECTED_PREFIX}{reason} ({provenance})")


def _is_mt_comment(comment: str) -> bool:
    return comment.startswith(MT_COMMENT_PREFIX) or comment.startswith(MT_REJECTED_PREFIX)
