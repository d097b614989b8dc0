"""The orchestrator: extract → update → translate → check → publish, for every article.

Library code only: it returns a :class:`SyncReport` and never prints. Every file is read
once, checked strictly, and written only when its content changes (atomically, and only if
nobody else changed it meanwhile). An error in one file is recorded and the rest of the
project is still processed.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from . import __version__
from .catalogue import parse_po, render_po
from .config import Config, validate_language
from .errors import CatalogueError, ConfigError, PipelineError
from .extract import Annotator, build_template
from .fileio import ProjectLock, cleanup_temp_files, fingerprint, safe_join, write_if_changed
from .markdown import encode_article, read_article
from .model import MT_REJECTED_PREFIX, Article, Catalogue, EntryStatus, Finding, Message
from .publish import PublishDecision, decide, render_version
from .state import ArticleRecord, RunState, file_signature
from .update import check_no_loss, update_catalogue

STAGES = ("extract", "update", "translate", "check", "publish")
Progress = Callable[[str, int, int], None]


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


# --------------------------------------------------------------------------- discovery


def discover_articles(config: Config) -> list[tuple[str, str]]:
    """(project-relative path, slug) of every ``*.md`` below the source folder, sorted."""
    source = config.source_path
    if not source.is_dir():
        raise ConfigError(
            f"no source folder {config.source_dir}/ in {config.root}",
            hint="create it and put the Markdown articles there, or set source_dir in pipeline.toml",
        )
    found = []
    for path in sorted(source.rglob("*.md")):
        if any(part.startswith(".") for part in path.relative_to(source).parts):
            continue
        rel_to_source = path.relative_to(source).as_posix()
        found.append((f"{config.source_dir}/{rel_to_source}", rel_to_source[:-3]))
    return found


def load_article(config: Config, rel: str, slug: str) -> Article:
    path = safe_join(config.root, rel)
    article = read_article(path.read_bytes(), path=rel, slug=slug, default_lang=config.source_language,
                           front_matter_keys=config.front_matter_keys)
    validate_language(article.lang, where=rel)
    return article


def load_articles(config: Config, report: SyncReport, only: Sequence[str] = (),
                  found: Sequence[tuple[str, str]] | None = None) -> list[Article]:
    """Read and segment articles (all discovered ones, or ``found``); errors go to the report."""
    articles = []
    for rel, slug in discover_articles(config) if found is None else found:
        if only and slug not in only:
            continue
        try:
            articles.append(load_article(config, rel, slug))
        except PipelineError as exc:
            report.errors.append(exc)
        except OSError as exc:
            report.errors.append(PipelineError(f"cannot read: {exc.strerror}", path=rel))
    report.articles = len(articles)
    return articles


def target_languages(config: Config, article: Article) -> list[str]:
    return [lang for lang in config.languages if lang != article.lang]


# --------------------------------------------------------------------------- reading catalogues


def read_catalogue_file(config: Config, rel: str) -> tuple[Catalogue | None, str | None]:
    """The parsed catalogue and its fingerprint, or (None, None) when the file does not exist."""
    path = safe_join(config.root, rel)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, None
    return parse_po(data, rel), fingerprint(data)


def _write(config: Config, rel: str, data: bytes, report: SyncReport, *,
           validate: Callable[[bytes], object] | None = None, expected: str | None = None) -> bool:
    path = safe_join(config.root, rel)
    written = write_if_changed(path, data, validate=validate, expected_fingerprint=expected)
    if written:
        report.written.append(rel)
    else:
        report.unchanged += 1
    return written


def _validate_po(rel: str) -> Callable[[bytes], object]:
    return lambda data: parse_po(data, rel)


# --------------------------------------------------------------------------- the run


@dataclass
class SyncOptions:
    stages: tuple[str, ...] = STAGES
    engine: object | None = None  # an Engine; None: no machine translation in this run
    refresh: bool = False
    only: tuple[str, ...] = ()
    annotate: Annotator | None = None
    postprocess: tuple[Callable[[str, str, str, str], tuple[str, list[str]]], ...] = ()
    progress: Callable[[int, int], None] | None = None
    checker: Callable[[Iterable[tuple[str, str, str, Catalogue]]], list[Finding]] | None = None
    publish_transform: Callable[[str, str, str, str], str] | None = None
    memory_key: Callable[[str], str] | None = None


def sync(config: Config, options: SyncOptions | None = None) -> SyncReport:
    """Run the chosen stages over the whole project under the project lock."""
    options = options or SyncOptions()
    report = SyncReport()
    with ProjectLock(config.root):
        for folder in (config.locale_path, config.source_path, config.output_root):
            if folder.is_dir():
                cleanup_temp_files(folder)
        found = [(rel, slug) for rel, slug in discover_articles(config)
                 if not options.only or slug in options.only]
        cache = _run_state(config, options)
        clean, dirty = _partition(found, cache, options)
        articles = load_articles(config, report, found=dirty)
        report.articles = len(articles) + len(clean)
        states = _update_stage(config, articles, options, report)
        if "translate" in options.stages and options.engine is not None:
            _translate_stage(states, options, report)
        written = _write_catalogues(config, states, report)
        if "check" in options.stages and options.checker is not None:
            report.findings.extend(options.checker(written))
        if "publish" in options.stages:
            _publish_stage(config, states, options, report)
        if cache is not None:
            _remember(config, cache, articles, states, report, {slug for _, slug in found})
    _count_waiting(states, report)
    for slug, record in clean:
        _replay(slug, record.summary, report)
    report.skipped = len(clean)
    return report


# --------------------------------------------------------------------------- incremental runs


def _run_state(config: Config, options: SyncOptions) -> RunState | None:
    """The cache of the last run, used only by a full ``sync`` of the whole project."""
    if options.stages != STAGES or options.only or options.refresh:
        return None
    glossary = file_signature(config.glossary_path)
    engine = options.engine
    engine_id = f"{type(engine).__module__}.{type(engine).__name__}:{getattr(engine, 'name', '')}" if engine else ""
    blob = json.dumps([__version__, repr(config), glossary, engine_id, options.annotate is not None,
                       options.checker is not None, options.publish_transform is not None])
    return RunState.load(config.root, hashlib.sha256(blob.encode()).hexdigest())


def _partition(found: list[tuple[str, str]], cache: RunState | None,
               options: SyncOptions) -> tuple[list[tuple[str, ArticleRecord]], list[tuple[str, str]]]:
    """Split articles into clean ones (skipped) and the ones this run must read.

    An article left with untranslated entries is re-read when the engine can now serve
    its language pair, or when a catalogue changed elsewhere (the translation memory may
    now hold a reviewed translation it needs).
    """
    if cache is None:
        return [], list(found)
    clean: list[tuple[str, str, ArticleRecord]] = []
    dirty: list[tuple[str, str]] = []
    engine = options.engine
    for rel, slug in found:
        record = cache.clean(slug)
        pending = [tuple(p) for p in record.summary.get("pending", [])] if record else []
        if record is None or (engine is not None and any(engine.supports(*p) for p in pending)):  # type: ignore[attr-defined]
            dirty.append((rel, slug))
        else:
            clean.append((rel, slug, record))
    if engine is not None and any(cache.catalogue_changed(slug) for _, slug in dirty):
        revived = [(rel, slug) for rel, slug, record in clean if record.summary.get("pending")]
        dirty = sorted(dirty + revived)
        clean = [c for c in clean if (c[0], c[1]) not in set(revived)]
    return [(slug, record) for _, slug, record in clean], dirty


def _remember(config: Config, cache: RunState, articles: list[Article], states: list[CatalogueState],
              report: SyncReport, existing: set[str]) -> None:
    """Record every article this run completed without an error touching its files."""
    failed = {error.path for error in report.errors if error.path}
    by_article: dict[str, list[CatalogueState]] = {}
    for state in states:
        by_article.setdefault(state.article.slug, []).append(state)
    held = {(d.slug, d.lang): (d, stale) for d, stale in report.held_back}
    published = {(slug, lang): rel for slug, lang, rel in report.published}
    for article in articles:
        langs = target_languages(config, article)
        rels = [article.path, config.template_rel(article.slug)]
        rels += [config.catalogue_rel(lang, article.slug) for lang in langs]
        rels += [config.output_rel(lang, article.slug) for lang in langs]
        article_states = by_article.get(article.slug, [])
        if failed.intersection(rels) or len(article_states) != len(langs):
            cache.articles.pop(article.slug, None)
            continue
        cache.record(article.slug, rels, _summary(article, article_states, held, published))
    cache.forget_except(existing)
    cache.save()


def _summary(article: Article, states: list[CatalogueState],
             held: dict[tuple[str, str], tuple[PublishDecision, bool]],
             published: dict[tuple[str, str], str]) -> dict[str, object]:
    awaiting: dict[str, int] = {}
    pending: list[list[str]] = []
    held_back, done = [], []
    for state in states:
        active = state.after.active if state.after is not None else []
        awaiting[state.lang] = sum(1 for m in active if m.status != EntryStatus.REVIEWED)
        if any(not m.translated and not _mt_rejected(m) for m in active):
            pending.append([article.lang, state.lang])
        if (article.slug, state.lang) in held:
            decision, stale = held[(article.slug, state.lang)]
            held_back.append([state.lang, dict(decision.waiting), stale])
        if (article.slug, state.lang) in published:
            done.append([state.lang, published[(article.slug, state.lang)]])
    return {"awaiting": awaiting, "pending": pending, "held_back": held_back, "published": done}


def _mt_rejected(message: Message) -> bool:
    return any(c.startswith(MT_REJECTED_PREFIX) for c in message.comments)


def _replay(slug: str, summary: dict[str, object], report: SyncReport) -> None:
    """Put a skipped article's recorded outcome into this run's report."""
    for lang, count in summary.get("awaiting", {}).items():  # type: ignore[union-attr]
        report.awaiting_review[lang] += count
    for lang, waiting, stale in summary.get("held_back", []):  # type: ignore[union-attr]
        report.held_back.append((PublishDecision(slug, lang, False, waiting=Counter(waiting)), stale))
    for lang, rel in summary.get("published", []):  # type: ignore[union-attr]
        report.published.append((slug, lang, rel))
    report.unchanged += 1


def _update_stage(config: Config, articles: Iterable[Article], options: SyncOptions,
                  report: SyncReport) -> list[CatalogueState]:
    states: list[CatalogueState] = []
    for article in articles:
        template = _template_for(config, article, options, report)
        for lang in target_languages(config, article):
            rel = config.catalogue_rel(lang, article.slug)
            try:
                before, print_ = read_catalogue_file(config, rel)
            except PipelineError as exc:
                report.errors.append(exc)
                continue
            state = CatalogueState(article, lang, rel, before, print_)
            if "update" in options.stages and template is not None:
                state.after = update_catalogue(template, before, lang=lang, slug=article.slug)
                _count_changes(state, report)
            else:
                state.after = _copy(before) if before is not None else None
            states.append(state)
    return states


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


def _copy(catalogue: Catalogue) -> Catalogue:
    from copy import deepcopy

    return deepcopy(catalogue)


def _count_changes(state: CatalogueState, report: SyncReport) -> None:
    assert state.after is not None
    before = state.before.index() if state.before is not None else {}
    for message in state.after.active:
        if message.key in before:
            continue
        if message.previous_msgid is not None and message.fuzzy:
            report.changed_segments[state.lang] += 1
        else:
            report.new_segments[state.lang] += 1


def _translate_stage(states: list[CatalogueState], options: SyncOptions, report: SyncReport) -> None:
    from .memory import TranslationMemory
    from .translate import CatalogueJob, translate_catalogues

    live = [s for s in states if s.after is not None]
    jobs = [CatalogueJob(s.rel, s.article.lang, s.lang, s.after) for s in live]  # type: ignore[arg-type]
    if not any(m.msgstr == "" for job in jobs for m in job.catalogue.active):
        if not options.refresh:
            return
    memory = TranslationMemory.from_catalogues(
        ((job.source_lang, job.target_lang, job.path, job.catalogue) for job in jobs),
        **({"normalise": options.memory_key} if options.memory_key else {}),
    )
    result = translate_catalogues(jobs, options.engine, memory=memory, refresh=options.refresh,  # type: ignore[arg-type]
                                  postprocess=options.postprocess, progress=options.progress)
    for (src, tgt), stats in result.pairs.items():
        report.machine_translated[tgt] += stats.machine_translated
        report.from_memory[tgt] += stats.from_memory
        report.rejected[tgt] += stats.rejected
    report.missing_pairs.extend(result.missing_pairs)
    report.translate_notes.extend(result.notes)
    report.errors.extend(result.errors)


def _write_catalogues(config: Config, states: list[CatalogueState],
                      report: SyncReport) -> list[tuple[str, str, str, Catalogue]]:
    """Write every changed catalogue; return the written ones as re-read (with line numbers)."""
    written = []
    for state in states:
        if state.after is None:
            continue
        try:
            check_no_loss(state.before, state.after, state.rel)
            data = render_po(state.after)
            if _write(config, state.rel, data, report, validate=_validate_po(state.rel),
                      expected=state.fingerprint):
                written.append((state.rel, state.article.lang, state.lang, parse_po(data, state.rel)))
        except PipelineError as exc:
            report.errors.append(exc)
            state.after = state.before
    return written


def _publish_stage(config: Config, states: list[CatalogueState], options: SyncOptions,
                   report: SyncReport) -> None:
    transform = options.publish_transform
    for state in states:
        decision, chosen = decide(state.article, state.lang, state.after, config.publish)
        if transform is not None:
            src = state.article.lang
            chosen = {key: transform(key[1], text, src, state.lang) for key, text in chosen.items()}
        rel = config.output_rel(state.lang, state.article.slug)
        if not decision.ready:
            exists = safe_join(config.root, rel).exists()
            report.held_back.append((decision, exists))
            continue
        text = render_version(state.article, state.lang, chosen, decision, config.publish)
        try:
            _write(config, rel, encode_article(state.article, text), report)
            report.published.append((state.article.slug, state.lang, rel))
        except PipelineError as exc:
            report.errors.append(exc)


def _count_waiting(states: list[CatalogueState], report: SyncReport) -> None:
    for state in states:
        if state.after is None:
            continue
        for message in state.after.active:
            if message.status != EntryStatus.REVIEWED:
                report.awaiting_review[state.lang] += 1


# --------------------------------------------------------------------------- status


@dataclass(frozen=True)
class CatalogueStatus:
    article: str
    lang: str
    path: str
    total: int
    reviewed: int
    machine: int
    fuzzy: int
    untranslated: int
    obsolete: int
    published: bool

    @property
    def percent_reviewed(self) -> float:
        return round(100.0 * self.reviewed / self.total, 1) if self.total else 100.0


def catalogue_status(article: Article, lang: str, rel: str, catalogue: Catalogue | None,
                     published: bool) -> CatalogueStatus:
    counts: Counter[EntryStatus] = Counter()
    active = catalogue.active if catalogue is not None else []
    for message in active:
        counts[message.status] += 1
    total = len(active) if catalogue is not None else len({(s.msgctxt, s.msgid) for s in article.segments})
    untranslated = counts[EntryStatus.UNTRANSLATED] if catalogue is not None else total
    return CatalogueStatus(
        article=article.slug, lang=lang, path=rel, total=total,
        reviewed=counts[EntryStatus.REVIEWED], machine=counts[EntryStatus.MACHINE],
        fuzzy=counts[EntryStatus.CHANGED] + counts[EntryStatus.FUZZY] + counts[EntryStatus.MACHINE],
        untranslated=untranslated,
        obsolete=len(catalogue.obsolete) if catalogue is not None else 0,
        published=published,
    )


def project_status(config: Config) -> tuple[list[CatalogueStatus], list[PipelineError]]:
    report = SyncReport()
    rows = []
    for article in load_articles(config, report):
        for lang in target_languages(config, article):
            rel = config.catalogue_rel(lang, article.slug)
            try:
                catalogue, _ = read_catalogue_file(config, rel)
            except PipelineError as exc:
                report.errors.append(exc)
                continue
            published = safe_join(config.root, config.output_rel(lang, article.slug)).exists()
            rows.append(catalogue_status(article, lang, rel, catalogue, published))
    return rows, report.errors


__all__ = [
    "STAGES", "SyncOptions", "SyncReport", "CatalogueState", "CatalogueStatus", "sync",
    "project_status", "discover_articles", "load_article",
]
