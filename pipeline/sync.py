"""The orchestrator: extract → update → translate → check → publish, for every article.

Library code only: it returns a :class:`SyncReport` and never prints. Every file is read
once, checked strictly, and written only when its content changes (atomically, and only if
nobody else changed it meanwhile). An error in one file is recorded and the rest of the
project is still processed.

The run has three phases. Per-article work (parse, template, update) runs in worker
processes (:mod:`pipeline.parallel`). Machine translation runs once, in the parent, over
every catalogue it may change, so segments are batched, deduplicated and served from
translation memory across articles; then those catalogues are finished (loss check,
write, check, publish) in workers again. An article the translate stage would not touch
(every run without an engine) is finished in the worker that prepared it, and only small
results come back (report lines, check findings, counts, the incremental-state summary):
the parent never holds the corpus's catalogues, and they are not pickled between processes.
"""

from __future__ import annotations

import errno
import os
import posixpath
from collections import Counter
from copy import deepcopy
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable, Collection, Iterable, Iterator, Protocol

from .assets import LinkedFile, copies, linked_files, missing
from .catalogue import parse_po, render_po
from .engines.memory_only import is_memory_only
from .config import Config
from .errors import CatalogueError, PipelineError
from .extract import Annotator, build_template
from .fileio import (ABSENT, ProjectLock, ReadOnlyFileError, cleanup_temp_files, copy_if_changed, fingerprint,
                     flush_file_system, resolved_folders_cache, safe_join, write_if_changed)
from .incremental import ArticleOutcome, outcome, partition, remember, replay, run_state
from .state import (REVIEWED_FILE, ArticleRecord, PublishedVersions, ReviewedIndex, RunState,
                    edited_since_written,
                    file_signature, note_version, text_hash, unknown_version)
from .markdown import encode_article, front_matter_key, front_matter_line, has_toml_front_matter
from .model import PREVIOUS_TRANSLATION_PREFIX, Article, Catalogue, EntryStatus, Finding, Message, shorten
from .parallel import default_jobs, map_indexed
from .project import (CatalogueStatus, awaits_work, discover_articles, discover_catalogues, file_in_place_of_folder,
                      hand_written_version, is_blank, language_mismatch_warning, linked_folders, load_article,
                      load_articles, misnamed_articles, misnamed_catalogues, online_version, orphaned_catalogues,
                      orphaned_versions, project_status, read_catalogue_file, read_only_error, refuse_clashing_names,
                      front_matter_key_names, target_languages, try_load_article, unreadable_folders,
                      unused_front_matter_keys, version_place_error)
from .publish import PublishDecision, decide, render_version
from .update import check_no_loss, update_catalogue

if TYPE_CHECKING:
    from .checks import CatalogueCheck
    from .memory import FuzzyMemory
    from .translate import CatalogueJob

STAGES = ("extract", "update", "translate", "check", "publish")

CatalogueItem = tuple[str, str, str, Catalogue]  # (path, source lang, target lang, catalogue)
MemorySource = tuple[str, str, str, Catalogue]  # (source lang, target lang, path, catalogue)


@dataclass
class CatalogueState:
    """One language catalogue of one article, as read and as it will be written."""

    article: Article
    lang: str
    rel: str
    before: Catalogue | None
    fingerprint: str | None
    after: Catalogue | None = None
    left: str | None = None  # fingerprint of the file as this run left it (written or unchanged)
    linked: tuple[LinkedFile, ...] = ()  # the local files the article links to (publish stage only)
    published: frozenset[str] = frozenset()  # the digests of the version as sync last wrote it (publish stage only)
    #: Keys of the entries this run's update made from an older text's translation (see
    #: :attr:`pipeline.translate.CatalogueJob.edited`).
    edited: frozenset[tuple[str | None, str]] = frozenset()


@dataclass
class SyncReport:
    """What a run did, for the CLI to render (as text or JSON)."""

    articles: int = 0
    skipped: int = 0  # unchanged articles not even read (incremental run)
    written: list[str] = field(default_factory=list)
    #: The run's own records in .pipeline/ it wrote: no project file, but not "nothing" either.
    state_written: list[str] = field(default_factory=list)
    state_rebuilt: bool = False  # the run state was another code's or settings': all re-read
    unchanged: int = 0
    errors: list[PipelineError] = field(default_factory=list)
    new_segments: Counter[str] = field(default_factory=Counter)
    changed_segments: Counter[str] = field(default_factory=Counter)
    restored_segments: Counter[str] = field(default_factory=Counter)  # back from an obsolete entry
    machine_translated: Counter[str] = field(default_factory=Counter)
    from_memory: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    missing_pairs: list[tuple[str, str]] = field(default_factory=list)
    awaiting_review: Counter[str] = field(default_factory=Counter)
    published: list[tuple[str, str, str]] = field(default_factory=list)
    #: With what stands where the version goes: "" (nothing), "stale" (an older version sync
    #: wrote, kept) or "hand-written" (a person's page, never replaced: :func:`online_version`).
    held_back: list[tuple[PublishDecision, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    translate_notes: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)  # catalogues whose article is gone or renamed
    #: Reviewed entries an unused catalogue translates otherwise than a live one (rendered).
    diverged: list[str] = field(default_factory=list)
    orphaned_versions: list[str] = field(default_factory=list)  # published files no article makes now
    warnings: list[str] = field(default_factory=list)  # worth saying, not worth a non-zero exit
    broken_links: list[str] = field(default_factory=list)  # links to local files that do not exist
    copied: list[str] = field(default_factory=list)  # linked files copied beside published versions
    to_copy: list[tuple[str, str, str]] = field(default_factory=list)  # (slug, file, destination), in workers
    version_digests: dict[str, str] = field(default_factory=dict)  # published path → digest, in workers

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
        self.broken_links += other.broken_links
        self.warnings += other.warnings
        self.to_copy += other.to_copy
        self.version_digests.update(other.version_digests)

    def to_json(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "skipped_unchanged": self.skipped,
            "written": self.written,
            "state_written": self.state_written,
            "unchanged_files": self.unchanged,
            "new_segments": dict(self.new_segments),
            "changed_segments": dict(self.changed_segments),
            "restored_segments": dict(self.restored_segments),
            "machine_translated": dict(self.machine_translated),
            "from_memory": dict(self.from_memory),
            "rejected": dict(self.rejected),
            "missing_pairs": [f"{s}-{t}" for s, t in self.missing_pairs],
            "awaiting_review": dict(self.awaiting_review),
            "published": [{"article": a, "lang": lang, "path": p} for a, lang, p in self.published],
            "held_back": [
                {"article": d.slug, "lang": d.lang, "reasons": d.reasons(), "stale": online == "stale",
                 "hand_written": online == "hand-written"}
                for d, online in self.held_back
            ],
            "findings": [f.render() for f in self.findings],
            "orphaned_catalogues": self.orphans,
            "diverged_reviews": self.diverged,
            "orphaned_versions": self.orphaned_versions,
            "broken_links": self.broken_links,
            "copied_linked_files": self.copied,
            "warnings": self.warnings,
            "errors": [str(e) for e in self.errors],
        }


class CheckHook(Protocol):
    """The check stage's hook, in two parts (see :class:`pipeline.checks.CatalogueChecker`):
    ``per_catalogue`` runs where a catalogue is written, in a worker process, and returns
    something small and picklable; ``corpus`` joins those results, in catalogue order, in
    the parent. ``remembered`` turns a result into what the run state keeps of it (text,
    empty for nothing), and ``recalled`` an article's list of those back, so the
    corpus-level checks of an incremental run also see the articles it skips."""

    def per_catalogue(self, item: CatalogueItem) -> "CatalogueCheck": ...

    def corpus(self, parts: Iterable["CatalogueCheck"]) -> list[Finding]: ...

    def remembered(self, part: "CatalogueCheck") -> str: ...

    def recalled(self, data: list[str]) -> "CatalogueCheck": ...


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
    stage_progress: Callable[[str, int, int], None] | None = None  # (what is counted, done, total)
    checker: CheckHook | None = None
    publish_transform: Callable[[str, str, str, str], str] | None = None
    memory_key: Callable[[str], str] | None = None

    @property
    def full_run(self) -> bool:
        return self.stages == STAGES and not self.only and not self.refresh


@dataclass
class _Done:
    """One article's catalogues, finished (written, published, checked), reduced to what
    the rest of the run needs: the catalogues themselves are not kept."""

    report: SyncReport  # what finishing wrote, published, held back or failed on
    awaiting: Counter[str]  # entries awaiting review, by language
    checks: list["CatalogueCheck"]  # the per-catalogue checks of the catalogues written
    outcome: ArticleOutcome | None  # for the incremental state (full runs only)
    slug: str = ""
    lang: str = ""  # the article's own language: a catalogue in it is one no article uses


@dataclass
class _Prepared:
    """What the per-article phase hands back for one article.

    An article that needs the translate stage keeps its catalogues (``states``): the stage
    runs once, in the parent, over all of them. Every other article is finished where it
    was prepared, and only ``done`` comes back, so the parent's memory does not grow with
    the corpus and thousands of catalogues are not pickled back.
    """

    report: SyncReport  # template written or not, read errors, new and changed segments
    loaded: bool = False
    catalogues: list[str] = field(default_factory=list)  # the article's catalogues, read or not
    held: Article | None = None  # the article, when its catalogues are kept for translation
    states: list[CatalogueState] = field(default_factory=list)
    done: _Done | None = None
    keys: frozenset[str] | None = None  # its front matter's key names, once read


@dataclass
class _Finished:
    """What the per-catalogue phase hands back."""

    report: SyncReport
    kept_before: bool = False
    checked: "CatalogueCheck | None" = None  # the checks of the catalogue as written
    left: str | None = None  # fingerprint of the catalogue as this run left it on disk


def sync(config: Config, options: SyncOptions | None = None) -> SyncReport:
    """Run the chosen stages over the whole project under the project lock."""
    options = options or SyncOptions()
    report = SyncReport()
    with ProjectLock(config.root), resolved_folders_cache():
        _cleanup(config)
        everything = discover_articles(config)
        report.errors += unreadable_folders(config) + misnamed_articles(config) + linked_folders(config) \
            + misnamed_catalogues(config)
        named, clashes = refuse_clashing_names(config, everything, options.only)
        report.errors += clashes
        found = [(rel, slug) for rel, slug in named if not options.only or slug in options.only]
        cache = run_state(config, options, options.full_run)
        listed: list[list[tuple[str, str, str]]] = []  # the catalogues on disk, listed once while unchanged

        def catalogues() -> list[tuple[str, str, str]]:
            if not listed:
                listed.append(discover_catalogues(config))
            return listed[0]

        clean, dirty = partition(found, cache, options.engine, lambda: [rel for _, _, rel in catalogues()],
                                 lambda rel, slug: _source_language(config, rel, slug))
        published = PublishedVersions.of(config)
        done = _run(config, dirty, _without_empty_memory(options, catalogues), report, catalogues, clean, found,
                    published, _templates_left(config, cache, dirty))
        report.articles = len(done) + len(clean)
        if report.written:
            _flush_rebuildable(config)
            listed.clear()
        _save_published(published, report)  # once the versions it records are on disk
        if cache is not None:
            remember(cache, [a.outcome for a in done if a.outcome is not None], report,
                     {slug for _, slug in found}, [rel for _, _, rel in catalogues()])
        if not options.only:
            own = {(a.lang, a.slug) for a in done} | {(r.summary.get("lang"), slug) for slug, r in clean}
            report.orphans = orphaned_catalogues(config, {slug for _, slug in everything}, catalogues(), own)
            _note_diverged(config, report, catalogues())
            languages = {slug: None for _, slug in everything} | {slug: lang for lang, slug in own}
            report.orphaned_versions = orphaned_versions(config, languages.items())
        if report.articles and _needs_catalogues(options.stages) and not catalogues():
            report.warnings.append("no catalogue exists yet, so there was nothing to work on: run `pipeline sync` "
                                   "(or `pipeline extract`, then `pipeline update`) to create them")
    for article in done:
        report.awaiting_review.update(article.awaiting)
    for slug, record in clean:
        replay(slug, record.summary, report)
        if options.engine is not None and not is_memory_only(options.engine) and "translate" in options.stages:
            # Still waiting: the engine cannot serve these pairs (or the article would be dirty).
            report.missing_pairs += [tuple(p) for p in record.summary.get("pending", [])  # type: ignore[misc]
                                     if tuple(p) not in report.missing_pairs]
    report.skipped = len(clean)
    return report


def _save_published(published: PublishedVersions, report: SyncReport) -> None:
    """Save the record of published versions; one that cannot be written (a read-only output
    folder) is this run's error, and the run still ends as usual (its state is saved); so is
    one that cannot be read, which is left as it is."""
    if published.damaged is not None:
        report.errors.append(published.damaged)
    try:
        if published.save(report.version_digests):
            report.written.append(published.rel)  # a project file: git shows it changing
    except OSError as exc:
        report.errors.append(PipelineError(
            f"cannot write the record of the published versions: {exc.strerror or exc}", path=published.rel,
            hint="check that the output folder is writable and that the disk has space; until it is written, "
                 "a version corrected by hand there cannot be told from one sync wrote"))


def _note_diverged(config: Config, report: SyncReport, listed: list[tuple[str, str, str]]) -> None:
    """Name the reviewed entries a catalogue no article uses translates otherwise than a live
    one (:mod:`pipeline.diverged`): deleting the unused catalogue could lose the newer review."""
    from .diverged import DIVERGED_FILE, diverged_reviews

    found, written = diverged_reviews(config, report.orphans, listed)
    report.diverged = [item.render() for item in found]
    if written:
        report.state_written.append(DIVERGED_FILE)


def _needs_catalogues(stages: tuple[str, ...]) -> bool:
    """Whether the stages work on catalogues that an earlier command must have created."""
    return "update" not in stages and bool({"translate", "check", "publish"} & set(stages))


def _without_empty_memory(options: SyncOptions, catalogues: Callable[[], list[tuple[str, str, str]]]) -> SyncOptions:
    """``options`` without the translate stage's engine when it could only use the memory
    and no catalogue exists yet (a first run): the catalogues this run creates hold no
    reviewed entry, so nothing could be filled, and the workers need not send them back."""
    if options.engine is not None and is_memory_only(options.engine) and not catalogues():
        return replace(options, engine=None)
    return options


def _source_language(config: Config, rel: str, slug: str) -> str | None:
    """The article's ``lang:`` as it reads now; None when it cannot be read (the run then
    reports the error when it reads the article)."""
    try:
        return load_article(config, rel, slug).lang
    except (PipelineError, OSError):
        return None


def _templates_left(config: Config, cache: RunState | None, dirty: list[tuple[str, str]]) -> dict[str, str]:
    """Per article read this run, the SHA-256 of its template as the last full run that
    completed it left it (its catalogues then held every one of the template's entries)."""
    if cache is None:
        return {}
    left = {}
    for _, slug in dirty:
        record = cache.articles.get(slug)
        signature = record.files.get(config.template_rel(slug)) if record is not None else None
        if signature:
            left[slug] = signature[2]
    return left


def _run(config: Config, dirty: list[tuple[str, str]], options: SyncOptions, report: SyncReport,
         catalogues: Callable[[], list[tuple[str, str, str]]], clean: list[tuple[str, ArticleRecord]],
         found: list[tuple[str, str]], published: PublishedVersions,
         templates_left: dict[str, str] | None = None) -> list[_Done]:
    """The three phases over the articles this run reads; one result per article read, in
    order, folded into the report in the order a run that kept every catalogue would use.
    The corpus-level checks also get what earlier runs recorded of the ``clean`` articles
    it skips, in article order, as a run that read everything would see them."""
    prepared = _prepare_all(config, dirty, options, report, published, templates_left or {})
    if found and not clean and not options.only and all(p.keys is not None for p in prepared):
        # (a full run read every article: a configured key none of them has is misspelt)
        report.warnings += unused_front_matter_keys(config, set().union(*(p.keys or () for p in prepared)))
    if _translating(options):
        _translate_stage(config, prepared, catalogues(), options, report)
    elif _merging_alone(options) and any(s.edited for p in prepared for s in p.states):
        _translate_stage(config, prepared, catalogues(), options, report, edited_only=True)
    _finish_held(config, prepared, options)
    done = [p.done for p in prepared if p.done is not None]
    for article in done:
        report.merge(article.report)
    _copy_linked_files(config, done, options, report)
    if _checking(options) and done:
        checked = {article.slug: article.checks for article in done}
        recalled = _recalled(clean, options)
        report.findings.extend(options.checker.corpus(  # type: ignore[union-attr]
            [check for _, slug in found
             for check in checked.get(slug, [recalled[slug]] if slug in recalled else [])]))
    return done


def _recalled(clean: list[tuple[str, ArticleRecord]], options: SyncOptions) -> dict[str, "CatalogueCheck"]:
    """What earlier runs recorded for the corpus-level checks of the articles this run skips."""
    return {slug: options.checker.recalled(record.summary.get("checked", []))  # type: ignore[union-attr]
            for slug, record in clean}


def _translating(options: SyncOptions) -> bool:
    return "translate" in options.stages and options.engine is not None


def _merging_alone(options: SyncOptions) -> bool:
    """An update without the translate stage (``pipeline update``): it still gives the
    entries it edits the memory's exact match, as merging an edit in ``sync`` does, so what
    an edited entry gets does not depend on the commands that merged it."""
    return "update" in options.stages and "translate" not in options.stages


def _checking(options: SyncOptions) -> bool:
    return "check" in options.stages and options.checker is not None


def _flush_rebuildable(config: Config) -> None:
    """Make the templates and published articles written without fsync durable, in one
    call per file system, before the run records them as done (see :mod:`pipeline.fileio`)."""
    for folder in (config.locale_path, config.output_root):
        if folder.is_dir():
            flush_file_system(folder)


def _cleanup(config: Config) -> None:
    """Remove temporary files a killed run left behind (we hold the lock: none is in use)."""
    for folder in (config.locale_path, config.source_path, config.output_root, config.root / ".pipeline"):
        if folder.is_dir():
            cleanup_temp_files(folder)


# --------------------------------------------------------------------------- phase 1: per article


def _prepare_all(config: Config, dirty: list[tuple[str, str]], options: SyncOptions,
                 report: SyncReport, published: PublishedVersions,
                 templates_left: dict[str, str]) -> list[_Prepared]:
    results = map_indexed(lambda i: _prepare(config, *dirty[i], options, published,
                                             templates_left.get(dirty[i][1])), len(dirty), options.jobs,
                          _counting(options, "Reading and updating articles"))
    for result in results:
        report.merge(result.report)
        report.new_segments.update(result.report.new_segments)
        report.changed_segments.update(result.report.changed_segments)
        report.restored_segments.update(result.report.restored_segments)
    return results


def _counting(options: SyncOptions, label: str) -> Callable[[int, int], None] | None:
    """The stage's ``progress(done, total)``, for :func:`~pipeline.parallel.map_indexed`."""
    stage_progress = options.stage_progress
    if stage_progress is None:
        return None
    return lambda done, total: stage_progress(label, done, total)


def _prepare(config: Config, rel: str, slug: str, options: SyncOptions,
             published: PublishedVersions, template_left: str | None = None) -> _Prepared:
    """Read one article, write its template, bring its catalogues up to date, and finish
    them right here unless the translate stage may change them."""
    result = _Prepared(SyncReport())
    article = try_load_article(config, rel, slug, result.report.errors)
    if article is None:
        return result
    result.keys = front_matter_key_names(article)
    if is_blank(article):
        result.report.warnings.append(f"{rel}: empty article, nothing to translate or publish yet")
        return result
    result.loaded = True
    if (mismatch := language_mismatch_warning(article)) is not None:
        result.report.warnings.append(mismatch)
    result.catalogues = [config.catalogue_rel(lang, slug) for lang in target_languages(config, article)]
    states = _update_catalogues(config, article, options, result.report, template_left)
    if "publish" in options.stages:
        linked = linked_files(config, article)
        result.report.broken_links += missing(article, linked)
        for state in states:
            state.linked = linked
            state.published = published.recorded(config.output_rel(state.lang, slug))
    if _needs_parent(states, options):
        result.held, result.states = article, states
        return result
    result.done = _conclude(config, article, states, [_finish(config, s, options) for s in states], options)
    return result


def _update_catalogues(config: Config, article: Article, options: SyncOptions,
                       report: SyncReport, template_left: str | None = None) -> list[CatalogueState]:
    """The article's catalogues as read and as updated to its template (in memory)."""
    template = _template_for(config, article, options, report)
    states: list[CatalogueState] = []
    for lang in target_languages(config, article):
        catalogue_rel = config.catalogue_rel(lang, article.slug)
        try:
            before, print_ = read_catalogue_file(config, catalogue_rel)
            if before is not None and template is not None and template_left is not None:
                _refuse_cut_down(config, article.slug, catalogue_rel, before, template, template_left)
        except PipelineError as exc:
            report.errors.append(exc)
            continue
        state = CatalogueState(article, lang, catalogue_rel, before, print_)
        if "update" in options.stages and template is not None:
            state.after = update_catalogue(template, before, lang=lang, slug=article.slug)
        else:
            state.after = deepcopy(before) if before is not None else None
        _count_changes(state, report)
        state.edited = _edited(state)
        states.append(state)
    return states


def _refuse_cut_down(config: Config, slug: str, rel: str, catalogue: Catalogue, template: Catalogue,
                     template_left: str) -> None:
    """Refuse a catalogue that lost entries since the last full run: its article's
    template is unchanged since then, when the run left the catalogue holding all of its
    entries, yet some are gone (not even obsolete). A tool wrote a part of the file over it
    (``msgattrib --only-fuzzy -o same.po``, ``msggrep``, a merge that took an old copy):
    the reviewed translations it dropped would have been machine-translated again, and the
    file rewritten without them."""
    held = {m.key for m in catalogue.messages}
    gone = [m for m in template.messages if m.key not in held]
    if not gone or fingerprint(render_po(template)) != template_left:
        return
    first = gone[0]
    where = f", the first from {first.references[0]}" if first.references else ""
    template_rel = config.template_rel(slug)
    raise CatalogueError(
        f"{len(gone)} of its article's {len(template.messages)} entries are gone since the last sync{where} "
        f"({shorten(first.msgid, 50)!r}): a tool wrote part of the file over it (msgattrib --only-fuzzy, msggrep) "
        "or a merge took an older copy, and their translations would be lost", path=rel,
        hint=f"restore the file (git checkout -- {rel}); if the entries were removed on purpose, add them back "
             f"untranslated (Poedit: Catalogue > Update from POT file, {template_rel}; or msgmerge --update "
             f"{rel} {template_rel}), then run sync again")


def _needs_parent(states: list[CatalogueState], options: SyncOptions) -> bool:
    """Whether the article's catalogues must go to the parent, for the translate stage (or,
    in an update alone, for the memory's exact matches of the edited entries)."""
    if _merging_alone(options):
        return any(s.edited for s in states)
    return _translating(options) and any(_may_translate(s.after, options) or s.edited for s in states)


def _may_translate(catalogue: Catalogue | None, options: SyncOptions) -> bool:
    """Whether the translate stage could touch ``catalogue``: it has an untranslated active
    entry (what the stage looks for), or, with ``refresh``, an unreviewed machine
    translation. A superset of what :func:`pipeline.translate.translate_catalogues`
    changes, so an article it would change is never finished before it runs."""
    if catalogue is None:
        return False
    return any(not m.translated or (options.refresh and m.status is EntryStatus.MACHINE)
               for m in catalogue.active)


def _edited(state: CatalogueState) -> frozenset[tuple[str | None, str]]:
    """Keys of the entries the update just made from an older text's translation (fuzzy,
    with the previous msgid; singular only): the translate stage gives them the memory's
    reviewed translation of exactly their new text, when it has one. Entries changed by an
    earlier run are not among them, so what an entry gets does not depend on when its
    article was read again."""
    if state.after is None or state.before is None or state.before is state.after:
        return frozenset()
    known = {m.key for m in state.before.messages}
    return frozenset(m.key for m in state.after.active
                     if m.key not in known and m.msgid_plural is None and m.status is EntryStatus.CHANGED)


def _template_for(config: Config, article: Article, options: SyncOptions,
                  report: SyncReport) -> Catalogue | None:
    rel = config.template_rel(article.slug)
    if "extract" in options.stages:
        template = build_template(article, annotate=options.annotate)
        try:
            _write(config, rel, render_po(template), report, validate=_validate_po(rel), durable=False)
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
    """New, changed and restored entries: a paragraph put back gets its old entry, with
    its translation, from the obsolete ones, so it is no new work for a translator."""
    if state.after is None or state.before is state.after:
        return
    before = state.before.index() if state.before is not None else {}
    obsolete = {m.key for m in state.before.messages if m.obsolete} if state.before is not None else set()
    for message in state.after.active:
        if message.key in before:
            continue
        if message.key in obsolete:
            report.restored_segments[state.lang] += 1
        elif message.previous_msgid is not None and message.fuzzy or _retranslated(message):
            report.changed_segments[state.lang] += 1
        else:
            report.new_segments[state.lang] += 1


def _retranslated(message: Message) -> bool:
    """Whether a new entry is the new text of a changed paragraph whose old translation was
    unreviewed machine output: translated again (by the engine, or by the memory's reviewed
    translation of the new text), the old output kept as a ``previous translation:`` comment
    (see :mod:`pipeline.update`)."""
    return any(c.startswith(PREVIOUS_TRANSLATION_PREFIX) for c in message.comments)


# --------------------------------------------------------------------------- phase 2: translation


def _translate_stage(config: Config, prepared: list[_Prepared], catalogues: list[tuple[str, str, str]],
                     options: SyncOptions, report: SyncReport, *, edited_only: bool = False) -> None:
    """``edited_only``: only the edited entries' exact matches (see :func:`_merging_alone`)."""
    from .memory import TranslationMemory, normalise_whitespace
    from .translate import CatalogueJob, translate_catalogues

    jobs = [CatalogueJob(s.rel, s.article.lang, s.lang, s.after, s.edited)
            for p in prepared for s in p.states if s.after is not None]
    if not options.refresh and not any(job.edited for job in jobs) \
            and not any(not m.translated for job in jobs for m in job.catalogue.active):
        return
    normalise = options.memory_key or normalise_whitespace
    wanted = {normalise(m.msgid) for job in jobs for m in job.catalogue.active
              if (m.key in job.edited if edited_only else m.status is not EntryStatus.REVIEWED)}
    held = list(_memory_sources(prepared))
    unused = set() if edited_only else _unused_for_suggestions(config, jobs, catalogues)
    sources = held + _memory_on_disk(config, {rel for _, _, rel, _ in held}, catalogues, wanted,
                                     normalise, options, report, unused)
    sources.sort(key=lambda source: source[2])
    memory = TranslationMemory.from_catalogues(sources, normalise)
    result = translate_catalogues(jobs, options.engine, memory=memory, refresh=options.refresh,  # type: ignore[arg-type]
                                  postprocess=options.postprocess, progress=options.progress,
                                  suggestions=_suggestions(sources, unused), edited_only=edited_only)
    for (_, tgt), stats in result.pairs.items():
        report.machine_translated[tgt] += stats.machine_translated
        report.from_memory[tgt] += stats.from_memory
        report.rejected[tgt] += stats.rejected
        if stats.suggested:
            report.translate_notes.append(
                f"{tgt}: {stats.suggested} new {'entry' if stats.suggested == 1 else 'entries'} got the reviewed "
                "translation of a similar text from a catalogue no article uses (a renamed or deleted article's): "
                "fuzzy, with the difference to review")
    report.missing_pairs.extend(result.missing_pairs)
    report.translate_notes.extend(result.notes)
    report.errors.extend(result.errors)


def _unused_for_suggestions(config: Config, jobs: list["CatalogueJob"],
                            catalogues: list[tuple[str, str, str]]) -> set[str]:
    """The catalogues no article uses (a renamed or deleted article's) in the languages of
    the catalogues that have an empty entry (a new or renamed article's, or one that took in
    a deleted article's paragraphs): their reviewed entries become fuzzy suggestions for what
    the memory cannot fill (:func:`_suggestions`). Empty when no catalogue needs any,
    without listing the articles."""
    wanted = {job.target_lang for job in jobs if any(not m.translated for m in job.catalogue.active)}
    if not wanted:
        return set()
    articles = {slug for _, slug in discover_articles(config)}
    return {rel for lang, slug, rel in catalogues if lang in wanted and slug not in articles}


def _suggestions(sources: list[MemorySource], unused: set[str]) -> "FuzzyMemory | None":
    """Fuzzy suggestions from the reviewed entries of the ``unused`` catalogues, which the
    memory read whole: an article renamed and edited in one commit gets its edited
    paragraphs' old translations back, as an edit without the rename does."""
    from .memory import FuzzyMemory

    if not unused:
        return None
    memory = FuzzyMemory()
    for source_lang, target_lang, rel, catalogue in sources:
        if rel in unused:
            memory.add_catalogue(rel, source_lang, target_lang, catalogue)
    return memory


def _memory_sources(prepared: list[_Prepared]) -> Iterator[MemorySource]:
    """The catalogues kept for the translate stage, whole (the others are on disk)."""
    for result in prepared:
        yield from ((s.article.lang, s.lang, s.rel, s.after) for s in result.states if s.after is not None)


def _memory_on_disk(config: Config, held: set[str], catalogues: list[tuple[str, str, str]],
                    wanted: set[str], normalise: Callable[[str], str], options: SyncOptions,
                    report: SyncReport, whole: Collection[str] = ()) -> list[MemorySource]:
    """The reviewed entries the memory can use from every catalogue on disk but the
    ``held`` ones: those the workers finished (and wrote) in this run, the articles an
    incremental run skipped, catalogues whose article was renamed or deleted, and a read
    article's catalogue in its own language (left from before its ``lang:`` changed).
    Without them, what the memory offers would depend on which articles changed.

    They are read again here, and only when something needs translating, rather than sent
    back by the workers: a run with nothing to translate (the common case) pays nothing,
    and only entries whose source text the run needs come back (small results), but for the
    ``whole`` catalogues, whose every reviewed entry comes back (for :func:`_suggestions`).
    A catalogue that :class:`~pipeline.state.ReviewedIndex` knows holds none of the needed
    texts, unchanged since, is not read at all: a run that edits a few paragraphs would
    otherwise parse the whole archive's catalogues."""
    index = ReviewedIndex.load(config.root, _index_settings(normalise))
    hashes = {text_hash(text) for text in wanted}
    outside = [(lang, rel) for lang, _, rel in catalogues
               if rel not in held and (rel in whole or index.may_hold(rel, hashes))]

    def reviewed(i: int) -> tuple[MemorySource | str | None, list[Any] | None, frozenset[str]]:
        lang, rel = outside[i]
        signature = _stat_signature(config, rel)  # before reading: a save meanwhile then shows
        try:
            catalogue, print_ = read_catalogue_file(config, rel)
        except PipelineError as exc:
            return f"not used as translation memory: {exc}", None, frozenset()
        if catalogue is None:
            return None, None, frozenset()
        reviewed_entries = [m for m in catalogue.messages if m.status is EntryStatus.REVIEWED]
        found = frozenset(text_hash(normalise(m.msgid)) for m in reviewed_entries)
        kept = [m for m in reviewed_entries if rel in whole or normalise(m.msgid) in wanted]
        source_lang = catalogue.header_value("X-Source-Language") or config.source_language
        source = (source_lang, lang, rel, Catalogue(messages=kept)) if kept else None
        return source, signature + [print_] if signature else None, found

    sources: list[MemorySource] = []
    for (_, rel), (result, signature, found) in zip(outside, map_indexed(reviewed, len(outside), options.jobs)):
        if isinstance(result, str):
            report.translate_notes.append(result)
        elif result is not None:
            sources.append(result)
        if signature is not None:
            index.note(rel, signature, found)
    index.keep_only([rel for _, _, rel in catalogues])
    try:
        if index.save():
            report.state_written.append(REVIEWED_FILE)
    except OSError:
        pass  # a cache: the next run that translates reads every catalogue again
    return sources


def _index_settings(normalise: Callable[[str], str]) -> str:
    """What the reviewed-text hashes depend on: the code (how catalogues are read, what counts
    as reviewed) and the memory's normalisation of source texts."""
    from .incremental import code_fingerprint

    return f"{code_fingerprint()}:{normalise.__module__}.{normalise.__qualname__}"


def _stat_signature(config: Config, rel: str) -> list[Any] | None:
    """[size, mtime_ns] of a catalogue, or None when it cannot be read."""
    try:
        stat = os.stat(config.root / rel)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


# --------------------------------------------------------------------------- linked files


def _copy_linked_files(config: Config, done: list["_Done"], options: SyncOptions, report: SyncReport) -> None:
    """Copy the files the published versions link to (:mod:`pipeline.assets`), each
    destination once, in destination order: articles that share a picture plan the same
    copy, and workers racing for it would make the report depend on timing. The articles'
    records get the copies' signatures, so the next no-op run only calls ``stat`` on them."""
    planned: dict[str, tuple[str, str]] = {}
    for slug, path, to in report.to_copy:
        first = planned.setdefault(to, (slug, path))
        if first[1] != path:
            report.warnings.append(f"{to} is where {first[0]} links {first[1]} and {slug} links {path}: "
                                   f"{first[1]} was copied there; rename one of the two files")
    tasks = sorted(planned.items())
    results = map_indexed(lambda i: _copy_linked(config, tasks[i][1][1], tasks[i][0]), len(tasks), options.jobs)
    signatures: dict[str, list[object] | None] = {}
    for (to, _), (partial, signature) in zip(tasks, results):
        report.merge(partial)
        report.copied += partial.written
        signatures[to] = signature
    report.to_copy = []
    for article in done:
        if article.outcome is None:
            continue
        for _, _, to in article.report.to_copy:
            if to not in article.outcome.files:
                article.outcome.rels.append(to)
                article.outcome.files[to] = signatures.get(to)


def _copy_linked(config: Config, path: str, to: str) -> tuple[SyncReport, list[object] | None]:
    """Copy one linked file if the destination is missing or holds other bytes (atomic,
    streamed: a video may be larger than the run's memory; the run flushes it with the
    published versions). Returns the destination's signature."""
    report = SyncReport()
    destination = safe_join(config.root, to)
    try:
        if destination.is_dir():
            raise PipelineError("is a folder, not a file: the linked file was not copied there", path=to,
                                hint="remove or rename the folder, then run pipeline sync again")
        if copy_if_changed(safe_join(config.root, path), destination, durable=False):
            report.written.append(to)
        return report, file_signature(destination)
    except OSError as exc:  # the source vanished or became unreadable, or the folder is read-only
        report.errors.append(PipelineError(f"cannot copy the linked file {path}: {exc.strerror or exc}", path=to,
                                           hint="check the file and the folder, then run pipeline sync again"))
    except PipelineError as exc:
        report.errors.append(exc)
    return report, None


# --------------------------------------------------------------------------- phase 3: per catalogue


def _finish_held(config: Config, prepared: list[_Prepared], options: SyncOptions) -> None:
    """Finish the articles kept for the translate stage, one catalogue per task."""
    held = [p for p in prepared if p.held is not None]
    states = [s for p in held for s in p.states]
    label = "Writing and publishing catalogues" if "publish" in options.stages else "Writing catalogues"
    results = iter(map_indexed(lambda i: _finish(config, states[i], options), len(states), options.jobs,
                               _counting(options, label)))
    for result in held:
        assert result.held is not None
        finished = [next(results) for _ in result.states]
        result.done = _conclude(config, result.held, result.states, finished, options)
        result.held, result.states = None, []


def _finish(config: Config, state: CatalogueState, options: SyncOptions) -> _Finished:
    """Write one catalogue (if it changed and lost nothing) and check it as it is now on
    disk, then publish its language version."""
    result = _Finished(SyncReport())
    after = state.after
    if after is not None:
        try:
            check_no_loss(state.before, after, state.rel)
            reread: list[Catalogue] = []  # the validation's parse, with line numbers, for the checks
            data = render_po(after)
            written = _write(config, state.rel, data, result.report,
                             validate=lambda data: reread.append(parse_po(data, state.rel)),
                             expected=state.fingerprint or ABSENT)
            result.left = fingerprint(data)
            # Unchanged on disk, the catalogue is the one read (same bytes, same lines): a
            # translator's review is checked by the sync that follows it, written or not.
            checked = reread[-1] if written else state.before
            if checked is not None and _checking(options):
                result.checked = options.checker.per_catalogue(  # type: ignore[union-attr]
                    (state.rel, state.article.lang, state.lang, checked))
        except PipelineError as exc:
            result.report.errors.append(exc)
            result.kept_before = True
            after = state.before
    if "publish" in options.stages:
        _publish(config, state, after, options, result.report, result.checked)
    return result


def _conclude(config: Config, article: Article, states: list[CatalogueState],
              finished: list[_Finished], options: SyncOptions) -> _Done:
    """Reduce an article's finished catalogues to what the rest of the run needs."""
    done = _Done(SyncReport(), Counter(), [], None, article.slug, article.lang)
    for state, result in zip(states, finished):
        done.report.merge(result.report)
        if result.kept_before:
            state.after = state.before
        state.left = result.left
        if result.checked is not None:
            done.checks.append(result.checked)
        _count_waiting(state, done.awaiting)
    if options.full_run:
        done.outcome = outcome(config, article, states, done.report)
        if _checking(options):
            _remember_checks(done, options.checker)  # type: ignore[arg-type]
    return done


def _remember_checks(done: _Done, checker: CheckHook) -> None:
    """Keep what the corpus-level checks need of this article in its recorded summary, for
    the runs that will skip it (nothing when there is nothing to keep)."""
    assert done.outcome is not None
    remembered = [text for check in done.checks if (text := checker.remembered(check))]
    if remembered:
        done.outcome.summary["checked"] = remembered


def _publish(config: Config, state: CatalogueState, catalogue: Catalogue | None,
             options: SyncOptions, report: SyncReport, checked: "CatalogueCheck | None" = None) -> None:
    """Write the language version if it is ready, and plan the copies of the files it links
    to (made once per destination when every version is published: :func:`_copy_linked_files`).
    ``checked``: the catalogue's checks, when this run made them (enforced checks need them)."""
    article, lang = state.article, state.lang
    decision, chosen = decide(article, lang, catalogue, config.publish,
                              lambda: _enforced_findings(config, state, catalogue, options, checked))
    rel = config.output_rel(lang, article.slug)
    if posixpath.normpath(rel) == posixpath.normpath(article.path):
        toml = has_toml_front_matter(article.text)
        report.errors.append(PipelineError(
            f"its {lang} version would be written over the article itself: the output pattern puts "
            f"{lang} versions where this article is, but its {front_matter_key('lang', toml)} is {article.lang}",
            path=article.path,
            hint=f"articles in this folder must be in {lang}: set {front_matter_line('lang', lang, toml)} if it is, "
                 "or keep the article out of it (nothing was written over it)"))
        return
    try:
        if not decision.ready:
            report.held_back.append((decision, online_version(config, article.slug, lang)))
            return
        hand = hand_written_version(config, article.slug, lang)
        if hand is not None:
            report.errors.append(hand)
            return
        transform = options.publish_transform
        if transform is not None:
            chosen = {key: transform(key[1], text, article.lang, lang) for key, text in chosen.items()}
        data = encode_article(article, render_version(article, lang, chosen, decision, config.publish))
        digest = fingerprint(data)
        if edited_since_written(safe_join(config.root, rel), state.published, digest):
            report.errors.append(_not_known_to_be_syncs(config, rel, lang, article.slug)
                                 if unknown_version(state.published) else
                                 _edited_by_hand(config, rel, lang, article.slug))
            return
        if state.published and digest not in state.published:
            # Only a version with a recorded digest needs the note (an fsync each): one
            # never published is not taken for a hand edit whatever is on disk.
            note_version(config.root, rel, digest)
        _write(config, rel, data, report, durable=False)
        report.version_digests[rel] = digest
        report.published.append((article.slug, lang, rel))
        report.to_copy += [(article.slug, path, to) for path, to in copies(config, article, lang, state.linked)]
    except PipelineError as exc:
        report.errors.append(exc)
    except OSError as exc:  # where the version goes cannot even be looked at (a folder without permission)
        report.errors.append(version_place_error(rel, lang, exc))


def _edited_by_hand(config: Config, rel: str, lang: str, slug: str) -> PipelineError:
    """The error for a version someone changed after sync wrote it: writing the new version
    would lose that change, which lives nowhere else."""
    return PipelineError(
        f"changed since pipeline published it (edited by hand?): the new {lang} version of {slug} was not "
        "written over it, so the change is not lost", path=rel,
        hint=f"make the change in {config.catalogue_rel(lang, slug)} (or in the article), then delete {rel}; "
             "the next sync publishes it again")


def _not_known_to_be_syncs(config: Config, rel: str, lang: str, slug: str) -> PipelineError:
    """The error for a version a damaged record of published versions does not name: it may
    be a correction made by hand, or sync's own; nobody can tell until the record is mended."""
    record = PublishedVersions.of(config).rel
    return PipelineError(
        f"not written over: {record} cannot be read, so whether this file is what sync wrote or a "
        f"correction made by hand is not known; the new {lang} version of {slug} waits", path=rel,
        hint=f"mend {record} (see its error), then run pipeline sync again")


def _enforced_findings(config: Config, state: CatalogueState, catalogue: Catalogue | None,
                       options: SyncOptions, checked: "CatalogueCheck | None") -> tuple[Finding, ...]:
    """The findings ``[publish] enforced_checks`` looks at: the run's own checks of the
    catalogue, or, where this run did not check it (``pipeline publish``), the checks made now."""
    if catalogue is None or options.checker is None:
        return ()
    if checked is None:
        checked = options.checker.per_catalogue((state.rel, state.article.lang, state.lang, catalogue))
    return checked.findings


def _write(config: Config, rel: str, data: bytes, report: SyncReport, *,
           validate: Callable[[bytes], object] | None = None, expected: str | None = None,
           durable: bool = True) -> bool:
    """Write one project file if it changed. Catalogues (translators' work) are fsynced
    one by one; templates and published articles, which the next run rebuilds, pass
    ``durable=False`` and are flushed together at the end of the run."""
    path = safe_join(config.root, rel)
    try:
        written = write_if_changed(path, data, validate=validate, expected_fingerprint=expected,
                                   durable=durable)
    except PipelineError as exc:
        if exc.path == str(path):  # name the file as the user knows it, relative to the project
            exc.path = rel
            exc.message = exc.message.replace(str(path), rel)
        raise
    except IsADirectoryError:
        raise PipelineError("is a folder, not a file: nothing was written to it", path=rel,
                            hint="remove or rename the folder, then run pipeline sync again") from None
    except ReadOnlyFileError:
        raise read_only_error(rel) from None
    except OSError as exc:  # a read-only folder, a full disk: this file only, the run goes on
        blocker = file_in_place_of_folder(config, rel) if exc.errno == errno.ENOTDIR else None
        if blocker is not None:
            raise PipelineError(f"cannot write this file: {blocker} is a file where a folder belongs",
                                path=rel, hint=f"rename or delete {blocker} (a file saved there by mistake?), "
                                               "then run pipeline sync again; nothing was written") from None
        raise PipelineError(f"cannot write this file: {exc.strerror or exc}", path=rel,
                            hint="check that the folder is writable (permissions, a read-only "
                                 "disk) and that the disk has space; the file was left as it was"
                            ) from None
    if written:
        report.written.append(rel)
    else:
        report.unchanged += 1
    return written


def _validate_po(rel: str) -> Callable[[bytes], object]:
    return lambda data: parse_po(data, rel)


def _count_waiting(state: CatalogueState, awaiting: Counter[str]) -> None:
    if state.after is None:  # no catalogue yet ('publish' before any sync): every entry waits, as status counts it
        awaiting[state.lang] += len({(segment.msgctxt, segment.msgid) for segment in state.article.segments})
        return
    for message in state.after.active:
        if awaits_work(message):
            awaiting[state.lang] += 1


__all__ = [
    "STAGES", "SyncOptions", "SyncReport", "CatalogueState", "CheckHook", "CatalogueStatus", "sync",
    "project_status", "discover_articles", "load_article", "load_articles", "read_catalogue_file",
    "target_languages",
]
