"""The orchestrator: extract → update → translate → check → publish, for every article.

Library code only: it returns a :class:`SyncReport` and never prints. Every file is read
once, checked strictly, and written only when its content changes (atomically, and only if
nobody else changed it meanwhile). An error in one file is recorded and the rest of the
project is still processed.

The run has three phases. Per-article work (parse, template, update) and per-catalogue
work (loss check, write, publish) run in worker processes (:mod:`pipeline.parallel`);
machine translation runs once in between, over every catalogue of the run, so segments
are batched, deduplicated and served from translation memory across articles.
"""

from __future__ import annotations

from collections import Counter
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .catalogue import parse_po, render_po
from .config import Config
from .errors import CatalogueError, PipelineError
from .extract import Annotator, build_template
from .fileio import ProjectLock, cleanup_temp_files, resolved_folders_cache, safe_join, write_if_changed
from .incremental import partition, remember, replay, run_state
from .markdown import encode_article
from .model import Article, Catalogue, EntryStatus, Finding
from .parallel import default_jobs, map_indexed
from .project import (CatalogueStatus, discover_articles, load_article, load_articles, project_status,
                      read_catalogue_file, target_languages, try_load_article)
from .publish import PublishDecision, decide, render_version
from .update import check_no_loss, update_catalogue

STAGES = ("extract", "update", "translate", "check", "publish")

CatalogueItem = tuple[str, str, str, Catalogue]  # (path, source lang, target lang, catalogue)


@dataclass
class CatalogueState:
    """One language catalogue of one article, as read and as it will be written."""

    article: Article
    lang: str
    rel: str
    before: Catalogue | None
    fingerprint: str | None
    after: Catalogue | None = None


@dataclass
class SyncReport:
    """What a run did, for the CLI to render (as text or JSON)."""

    articles: int = 0
    skipped: int = 0  # unchanged articles not even read (incremental run)
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    errors: list[PipelineError] = field(default_factory=list)
    new_segments: Counter[str] = field(default_factory=Counter)
    changed_segments: Counter[str] = field(default_factory=Counter)
    machine_translated: Counter[str] = field(default_factory=Counter)
    from_memory: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    missing_pairs: list[tuple[str, str]] = field(default_factory=list)
    awaiting_review: Counter[str] = field(default_factory=Counter)
    published: list[tuple[str, str, str]] = field(default_factory=list)
    held_back: list[tuple[PublishDecision, bool]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    translate_notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def merge(self, other: "SyncReport") -> None:
        """Fold a worker's partial report into this one (in task order: deterministic)."""
        self.written += other.written
        self.unchanged += other.unchanged
        self.errors += other.errors
        self.published += other.published
        self.held_back += other.held_back

    def to_json(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "skipped_unchanged": self.skipped,
            "written": self.written,
            "unchanged_files": self.unchanged,
            "new_segments": dict(self.new_segments),
            "changed_segments": dict(self.changed_segments),
            "machine_translated": dict(self.machine_translated),
            "from_memory": dict(self.from_memory),
            "rejected": dict(self.rejected),
            "missing_pairs": [f"{s}-{t}" for s, t in self.missing_pairs],
            "awaiting_review": dict(self.awaiting_review),
            "published": [{"article": a, "lang": lang, "path": p} for a, lang, p in self.published],
            "held_back": [
                {"article": d.slug, "lang": d.lang, "reasons": d.reasons(), "stale": stale}
                for d, stale in self.held_back
            ],
            "findings": [f.render() for f in self.findings],
            "errors": [str(e) for e in self.errors],
        }


@dataclass
class SyncOptions:
    """What to run and with which hooks (see :mod:`pipeline.integration`)."""

    stages: tuple[str, ...] = STAGES
    engine: object | None = None  # an Engine; None: no machine translation in this run
    refresh: bool = False
    only: tuple[str, ...] = ()
    jobs: int = field(default_factory=default_jobs)
    annotate: Annotator | None = None
    postprocess: tuple[Callable[[str, str, str, str], tuple[str, list[str]]], ...] = ()
    progress: Callable[[int, int], None] | None = None
    checker: Callable[[Iterable[CatalogueItem]], list[Finding]] | None = None
    publish_transform: Callable[[str, str, str, str], str] | None = None
    memory_key: Callable[[str], str] | None = None

    @property
    def full_run(self) -> bool:
        return self.stages == STAGES and not self.only and not self.refresh


@dataclass
class _Prepared:
    """What the per-article phase hands back: the article and its catalogues, or errors."""

    report: SyncReport
    article: Article | None = None
    states: list[CatalogueState] = field(default_factory=list)


@dataclass
class _Finished:
    """What the per-catalogue phase hands back."""

    report: SyncReport
    kept_before: bool = False
    written: Catalogue | None = None  # re-read from the written bytes, for the checks


def sync(config: Config, options: SyncOptions | None = None) -> SyncReport:
    """Run the chosen stages over the whole project under the project lock."""
    options = options or SyncOptions()
    report = SyncReport()
    with ProjectLock(config.root), resolved_folders_cache():
        _cleanup(config)
        found = [(rel, slug) for rel, slug in discover_articles(config)
                 if not options.only or slug in options.only]
        cache = run_state(config, options, options.full_run)
        clean, dirty = partition(found, cache, options.engine)
        articles, states = _prepare_all(config, dirty, options, report)
        report.articles = len(articles) + len(clean)
        if "translate" in options.stages and options.engine is not None:
            _translate_stage(states, options, report)
        written = _finish_all(config, states, options, report)
        if "check" in options.stages and options.checker is not None:
            report.findings.extend(options.checker(written))
        if cache is not None:
            remember(config, cache, articles, states, report, {slug for _, slug in found})
    _count_waiting(states, report)
    for slug, record in clean:
        replay(slug, record.summary, report)
        if options.engine is not None and "translate" in options.stages:
            # Still waiting: the engine cannot serve these pairs (or the article would be dirty).
            report.missing_pairs += [tuple(p) for p in record.summary.get("pending", [])  # type: ignore[misc]
                                     if tuple(p) not in report.missing_pairs]
    report.skipped = len(clean)
    return report


def _cleanup(config: Config) -> None:
    """Remove temporary files a killed run left behind (we hold the lock: none is in use)."""
    for folder in (config.locale_path, config.source_path, config.output_root, config.root / ".pipeline"):
        if folder.is_dir():
            cleanup_temp_files(folder)


# --------------------------------------------------------------------------- phase 1: per article


def _prepare_all(config: Config, dirty: list[tuple[str, str]], options: SyncOptions,
                 report: SyncReport) -> tuple[list[Article], list[CatalogueState]]:
    results = map_indexed(lambda i: _prepare(config, *dirty[i], options), len(dirty), options.jobs)
    articles: list[Article] = []
    states: list[CatalogueState] = []
    for result in results:
        report.merge(result.report)
        if result.article is not None:
            articles.append(result.article)
        states += result.states
    for state in states:
        _count_changes(state, report)
    return articles, states


def _prepare(config: Config, rel: str, slug: str, options: SyncOptions) -> _Prepared:
    """Read one article, write its template, and bring its catalogues up to date in memory."""
    result = _Prepared(SyncReport())
    article = try_load_article(config, rel, slug, result.report.errors)
    if article is None:
        return result
    result.article = article
    template = _template_for(config, article, options, result.report)
    for lang in target_languages(config, article):
        catalogue_rel = config.catalogue_rel(lang, article.slug)
        try:
            before, print_ = read_catalogue_file(config, catalogue_rel)
        except PipelineError as exc:
            result.report.errors.append(exc)
            continue
        state = CatalogueState(article, lang, catalogue_rel, before, print_)
        if "update" in options.stages and template is not None:
            state.after = update_catalogue(template, before, lang=lang, slug=article.slug)
        else:
            state.after = deepcopy(before) if before is not None else None
        result.states.append(state)
    return result


def _template_for(config: Config, article: Article, options: SyncOptions,
                  report: SyncReport) -> Catalogue | None:
    rel = config.template_rel(article.slug)
    if "extract" in options.stages:
        template = build_template(article, annotate=options.annotate)
        try:
            _write(config, rel, render_po(template), report, validate=_validate_po(rel))
        except PipelineError as exc:
            report.errors.append(exc)
        return template
    if "update" not in options.stages:
        return None
    try:
        template, _ = read_catalogue_file(config, rel)
    except PipelineError as exc:
        report.errors.append(exc)
        return None
    if template is None:
        report.errors.append(CatalogueError("template missing", path=rel,
                                            hint="run 'pipeline extract' (or 'pipeline sync') first"))
    return template


def _count_changes(state: CatalogueState, report: SyncReport) -> None:
    if state.after is None or state.before is state.after:
        return
    before = state.before.index() if state.before is not None else {}
    for message in state.after.active:
        if message.key in before:
            continue
        if message.previous_msgid is not None and message.fuzzy:
            report.changed_segments[state.lang] += 1
        else:
            report.new_segments[state.lang] += 1


# --------------------------------------------------------------------------- phase 2: translation


def _translate_stage(states: list[CatalogueState], options: SyncOptions, report: SyncReport) -> None:
    from .memory import TranslationMemory
    from .translate import CatalogueJob, translate_catalogues

    jobs = [CatalogueJob(s.rel, s.article.lang, s.lang, s.after) for s in states if s.after is not None]
    if not options.refresh and not any(not m.translated for job in jobs for m in job.catalogue.active):
        return
    memory = TranslationMemory.from_catalogues(
        ((job.source_lang, job.target_lang, job.path, job.catalogue) for job in jobs),
        **({"normalise": options.memory_key} if options.memory_key else {}),
    )
    result = translate_catalogues(jobs, options.engine, memory=memory, refresh=options.refresh,  # type: ignore[arg-type]
                                  postprocess=options.postprocess, progress=options.progress)
    for (_, tgt), stats in result.pairs.items():
        report.machine_translated[tgt] += stats.machine_translated
        report.from_memory[tgt] += stats.from_memory
        report.rejected[tgt] += stats.rejected
    report.missing_pairs.extend(result.missing_pairs)
    report.translate_notes.extend(result.notes)
    report.errors.extend(result.errors)


# --------------------------------------------------------------------------- phase 3: per catalogue


def _finish_all(config: Config, states: list[CatalogueState], options: SyncOptions,
                report: SyncReport) -> list[CatalogueItem]:
    results = map_indexed(lambda i: _finish(config, states[i], options), len(states), options.jobs)
    written: list[CatalogueItem] = []
    for state, result in zip(states, results):
        report.merge(result.report)
        if result.kept_before:
            state.after = state.before
        if result.written is not None:
            written.append((state.rel, state.article.lang, state.lang, result.written))
    return written


def _finish(config: Config, state: CatalogueState, options: SyncOptions) -> _Finished:
    """Write one catalogue (if it changed and lost nothing), then publish its language version."""
    result = _Finished(SyncReport())
    after = state.after
    if after is not None:
        try:
            check_no_loss(state.before, after, state.rel)
            reread: list[Catalogue] = []  # the validation's parse, with line numbers, for the checks
            if _write(config, state.rel, render_po(after), result.report,
                      validate=lambda data: reread.append(parse_po(data, state.rel)),
                      expected=state.fingerprint) and options.checker is not None:
                result.written = reread[-1]
        except PipelineError as exc:
            result.report.errors.append(exc)
            result.kept_before = True
            after = state.before
    if "publish" in options.stages:
        _publish(config, state.article, state.lang, after, options, result.report)
    return result


def _publish(config: Config, article: Article, lang: str, catalogue: Catalogue | None,
             options: SyncOptions, report: SyncReport) -> None:
    decision, chosen = decide(article, lang, catalogue, config.publish)
    rel = config.output_rel(lang, article.slug)
    try:
        if not decision.ready:
            report.held_back.append((decision, safe_join(config.root, rel).exists()))
            return
        transform = options.publish_transform
        if transform is not None:
            chosen = {key: transform(key[1], text, article.lang, lang) for key, text in chosen.items()}
        text = render_version(article, lang, chosen, decision, config.publish)
        _write(config, rel, encode_article(article, text), report)
        report.published.append((article.slug, lang, rel))
    except PipelineError as exc:
        report.errors.append(exc)


def _write(config: Config, rel: str, data: bytes, report: SyncReport, *,
           validate: Callable[[bytes], object] | None = None, expected: str | None = None) -> bool:
    path = safe_join(config.root, rel)
    try:
        written = write_if_changed(path, data, validate=validate, expected_fingerprint=expected)
    except PipelineError as exc:
        if exc.path == str(path):  # name the file as the user knows it, relative to the project
            exc.path = rel
            exc.message = exc.message.replace(str(path), rel)
        raise
    if written:
        report.written.append(rel)
    else:
        report.unchanged += 1
    return written


def _validate_po(rel: str) -> Callable[[bytes], object]:
    return lambda data: parse_po(data, rel)


def _count_waiting(states: list[CatalogueState], report: SyncReport) -> None:
    for state in states:
        if state.after is None:
            continue
        for message in state.after.active:
            if message.status != EntryStatus.REVIEWED:
                report.awaiting_review[state.lang] += 1


__all__ = [
    "STAGES", "SyncOptions", "SyncReport", "CatalogueState", "CatalogueStatus", "sync",
    "project_status", "discover_articles", "load_article", "load_articles", "read_catalogue_file",
    "target_languages",
]
