"""Incremental runs: which articles a full ``sync`` may skip, and what to remember of the rest.

The mechanics of recording files live in :mod:`pipeline.state`; this module decides, from
the run's settings and each article's outcome, what is clean and what must be re-read.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from . import __version__
from .assets import missing
from .config import Config
from .model import MT_REJECTED_PREFIX, Article, Message
from .project import awaits_work, target_languages
from .publish import PublishDecision
from .state import STATE_FILE, ArticleRecord, RunState, file_signature

if TYPE_CHECKING:
    from .sync import CatalogueState, SyncOptions, SyncReport


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the package's own files (code and word lists). Part of the state key,
    so a pipeline that extracts, checks or publishes differently, after an upgrade or a
    local change, re-reads every article once instead of trusting results it did not make,
    with no version number to remember to bump. About 5 ms."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".txt", ".csv", ".json", ".toml", ".yaml", ".tsv") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def run_state(config: Config, options: "SyncOptions", full_run: bool) -> RunState | None:
    """The cache of the last run under the same settings; only a full ``sync`` uses it."""
    if not full_run:
        return None
    engine = options.engine
    engine_id = f"{type(engine).__module__}.{type(engine).__name__}:{getattr(engine, 'name', '')}" if engine else ""
    blob = json.dumps([__version__, code_fingerprint(), repr(config), file_signature(config.glossary_path), engine_id,
                       options.annotate is not None, options.checker is not None,
                       options.publish_transform is not None])
    return RunState.load(config.root, hashlib.sha256(blob.encode()).hexdigest())


def partition(found: list[tuple[str, str]], cache: RunState | None, engine: Any,
              catalogues: Callable[[], list[str]] = list,
              language_of: Callable[[str, str], str | None] = lambda rel, slug: None,
              ) -> tuple[list[tuple[str, ArticleRecord]], list[tuple[str, str]]]:
    """Split articles into clean ones (skipped) and the ones this run must read.

    An article left with untranslated entries is re-read when the engine can now serve
    its language pair (or, for entries whose machine translation was rejected, when the
    engine's model changed: a full run would try again), or when a catalogue changed elsewhere (the translation memory may
    now hold a reviewed translation it needs): any catalogue ``catalogues()`` lists
    (every one on disk), including those of renamed or deleted articles and new ones,
    or an article's ``lang:`` (``language_of`` reads it from the source), which decides the
    language pair its catalogues offer to the memory.
    """
    if cache is None:
        return [], list(found)
    clean: list[tuple[str, str, ArticleRecord]] = []
    dirty: list[tuple[str, str]] = []
    for rel, slug in found:
        record = cache.clean(slug)
        if record is None or (engine is not None and _engine_would_translate(engine, record.summary)):
            dirty.append((rel, slug))
        else:
            clean.append((rel, slug, record))
    revived = {(rel, slug) for rel, slug, record in clean
               if record.summary.get("pending") or record.summary.get("rejected")}
    if engine is not None and revived and (
            cache.catalogues_changed(catalogues(), {slug for _, slug, _ in clean})
            or _language_changed(cache, dirty, language_of)):
        dirty = sorted(set(dirty) | revived)
        clean = [c for c in clean if (c[0], c[1]) not in revived]
    return [(slug, record) for _, slug, record in clean], dirty


def _language_changed(cache: RunState, dirty: list[tuple[str, str]],
                      language_of: Callable[[str, str], str | None]) -> bool:
    """Whether an article this run reads now declares another source language than the
    one its record was made with (only edited sources can, so the others are not read;
    new articles bring new catalogues, which :meth:`RunState.catalogues_changed` sees)."""
    for rel, slug in dirty:
        record = cache.articles.get(slug)
        if record is None or record.file_unchanged(cache.root, rel):
            continue
        if record.summary.get("lang") not in (None, language_of(rel, slug)):
            return True
    return False


def _engine_would_translate(engine: Any, summary: dict[str, Any]) -> bool:
    """Whether the engine would now try entries the article was left waiting with: an
    untranslated entry of a pair it serves, or one whose output an engine rejected, when
    the model the pair uses now is not the one that rejected it."""
    if any(engine.supports(*pair) for pair in summary.get("pending", [])):
        return True
    for source, target, comments in summary.get("rejected", []):
        if engine.supports(source, target):
            current = f" ({engine.provenance(source, target)})"
            if any(not comment.endswith(current) for comment in comments):
                return True
    return False


@dataclass
class ArticleOutcome:
    """What the state file needs of one article this run read, small enough for a worker
    process to send back instead of the article's catalogues: the files it involves and
    their signatures, whether every catalogue was read (and the source and catalogues are
    still what this run read and left), and the summary replayed when it is skipped."""

    slug: str
    rels: list[str]
    complete: bool
    summary: dict[str, object]
    files: dict[str, list[Any] | None] = field(default_factory=dict)


def outcome(config: Config, article: Article, states: list["CatalogueState"],
            report: "SyncReport") -> ArticleOutcome:
    """The article's outcome, from its catalogues as finished and the part of the run's
    report that finishing them wrote (its published and held-back versions)."""
    langs = target_languages(config, article)
    rels = [article.path, config.template_rel(article.slug)]
    rels += [config.catalogue_rel(lang, article.slug) for lang in langs]
    rels += [config.output_rel(lang, article.slug) for lang in langs]
    linked = states[0].linked if states else ()
    rels += [file.path for file in linked]  # a picture replaced, or a missing one added, re-reads it
    held = {(d.slug, d.lang): (d, online) for d, online in report.held_back}
    published = {(slug, lang): rel for slug, lang, rel in report.published}
    # Signed now, as the article is finished, not when the run ends: a file saved later in
    # the run must not be recorded as done. A source or catalogue saved while this article
    # was being worked on no longer holds what the run read or left, so the article is not
    # recorded at all and the next run reads it again.
    files = {rel: file_signature(config.root / rel) for rel in rels}
    expected = {article.path: article.fingerprint}
    expected.update((s.rel, s.left) for s in states if s.left is not None)
    as_left = all(files.get(rel) is not None and files[rel][2] == digest  # type: ignore[index]
                  for rel, digest in expected.items() if digest)
    summary = _summary(article, states, held, published)
    broken = missing(article, linked)
    if broken:
        summary["broken_links"] = broken
    return ArticleOutcome(article.slug, rels, len(states) == len(langs) and as_left, summary, files)


def remember(cache: RunState, outcomes: list[ArticleOutcome], report: "SyncReport",
             existing: set[str], catalogues: list[str]) -> None:
    """Record every article this run completed without an error touching its files, and
    the other ``catalogues`` (every one on disk) as the run left them."""
    failed = {error.path for error in report.errors if error.path}
    for done in outcomes:
        if failed.intersection(done.rels) or not done.complete:
            cache.forget(done.slug)
            continue
        cache.record(done.slug, done.rels, done.summary, done.files)
    cache.forget_except(existing)
    cache.record_others(catalogues)
    try:
        if cache.save():
            report.state_written.append(STATE_FILE)
            report.state_rebuilt = cache.rebuilt
    except OSError as exc:  # the state is a cache: the work is done, only the next run is slower
        report.warnings.append(f"could not save the run state in .pipeline/ ({exc.strerror or exc}): "
                               "the next sync reads every article again; check that .pipeline/ is writable")


def _summary(article: Article, states: list["CatalogueState"],
             held: dict[tuple[str, str], tuple[PublishDecision, str]],
             published: dict[tuple[str, str], str]) -> dict[str, object]:
    awaiting: dict[str, int] = {}
    pending: list[list[str]] = []
    rejected: list[list[Any]] = []  # per pair: the rejection comments of its untranslated entries
    held_back, done = [], []
    for state in states:
        active = state.after.active if state.after is not None else []
        awaiting[state.lang] = sum(1 for m in active if awaits_work(m))
        if any(not m.translated and not _mt_rejected(m) for m in active):
            pending.append([article.lang, state.lang])
        comments = sorted({c for m in active if not m.translated for c in m.comments
                           if c.startswith(MT_REJECTED_PREFIX)})
        if comments:
            rejected.append([article.lang, state.lang, comments])
        if (article.slug, state.lang) in held:
            decision, online = held[(article.slug, state.lang)]
            held_back.append([state.lang, dict(decision.waiting), online])
        if (article.slug, state.lang) in published:
            done.append([state.lang, published[(article.slug, state.lang)]])
    return {"lang": article.lang, "awaiting": awaiting, "pending": pending, "rejected": rejected,
            "held_back": held_back, "published": done}


def _mt_rejected(message: Message) -> bool:
    return any(c.startswith(MT_REJECTED_PREFIX) for c in message.comments)


def replay(slug: str, summary: dict[str, Any], report: "SyncReport") -> None:
    """Put a skipped article's recorded outcome into this run's report."""
    for lang, count in summary.get("awaiting", {}).items():
        report.awaiting_review[lang] += count
    for lang, waiting, online in summary.get("held_back", []):
        online = "stale" if online is True else online or ""  # a state recorded before: a bool
        report.held_back.append((PublishDecision(slug, lang, False, waiting=Counter(waiting)), online))
    for lang, rel in summary.get("published", []):
        report.published.append((slug, lang, rel))
    report.broken_links += summary.get("broken_links", [])
    report.unchanged += 1
