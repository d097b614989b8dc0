"""The ``pipeline`` command: thin click commands over the library.

Only this module prints or chooses exit codes. Every :class:`~pipeline.errors.PipelineError`
is rendered here, the same way: ``path:line: problem`` and a hint saying what to do next.

Exit codes: 0 success · 1 some file had an error (the others were processed) · 2 wrong
usage or configuration · 3 ``check`` found error-level problems · 4 ``--strict`` and a
language pair has no translation model · 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import difflib
import errno
import gc
import importlib
import json
import os
import sys
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence, TextIO

import click

from . import __version__
from .errors import ConfigError, PipelineError

# The library is imported by the commands that use it, not here: '--help', '--version' and
# the commands that need little of it start without loading Markdown, YAML, Babel and the checks.
if TYPE_CHECKING:
    from .config import Config
    from .model import Finding
    from .project import CatalogueStatus
    from .sync import SyncReport

EXIT_ERRORS = 1
EXIT_USAGE = 2
EXIT_FINDINGS = 3
EXIT_MISSING_MODELS = 4
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped with Ctrl-C
MAX_HELD_BACK_LINES = 20
#: The end of a held-back line, by what stands where the version goes (SyncReport.held_back).
HELD_BACK_NOTES = {"stale": " — the published version is stale and was kept",
                   "hand-written": " — a page written by hand is in its place and was kept: see 'pipeline status'"}


@dataclass
class Project:
    """The state the group callback hands to every command: where the project is."""

    root: Path
    _config: Config | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            from .config import load_config

            self._config = load_config(self.root)
        return self._config


pass_project = click.make_pass_decorator(Project)


def show_error(error: PipelineError) -> None:
    """``path:line: problem`` and the hint, their hidden characters (a file name's escape
    sequence or bidi override, a quoted line's carriage return) shown as escapes."""
    from .review import visible

    click.secho(f"error: {visible(str(error))}", fg="red", err=True)
    if error.hint:
        click.echo(f"  hint: {visible(error.hint)}", err=True)


def show_interrupted() -> None:
    """What a Ctrl-C left behind, instead of click's bare "Aborted!" (exit 1, which the
    README gives to a file's error): every write is atomic, so nothing is half-written."""
    click.echo("", err=True)  # off the line a progress bar or prompt was drawing
    click.secho("interrupted: no file was left half-written (each is as it was, or complete); run the "
                "command again to finish", fg="yellow", err=True)


#: Commands in their own modules, imported only when used: every command starts faster.
#: The last item is the command's summary for ``pipeline --help`` (its docstring's first
#: line), so that listing them imports none of their modules.
LAZY_COMMANDS = {
    "check": ("pipeline.commands.check", "check_command",
              "Check every translation: quotations, speakers, glossary names, numbers, links, markup."),
    "glossary": ("pipeline.commands.check", "glossary_command",
                 "List the speakers quoted in articles who have no row in locale/glossary.csv yet."),
    "models": ("pipeline.commands.models", "models_command",
               "Show the language pairs the project needs and the Argos packages that serve them."),
    "review": ("pipeline.commands.review", "review_command",
               "List what awaits a human, per language and article, closest to publication first."),
}


class PipelineGroup(click.Group):
    """Renders pipeline errors once, for every command; loads command modules on demand."""

    _listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in LAZY_COMMANDS and self._listing:
            return click.Command(cmd_name, help=LAZY_COMMANDS[cmd_name][2])  # a stand-in, for its summary
        if command is None and cmd_name in LAZY_COMMANDS:
            module, attribute, _ = LAZY_COMMANDS[cmd_name]
            command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, cmd_name)
        if command is not None:
            _accept_project_option(command)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with _readers_may_leave():
                return super().invoke(ctx)
        except KeyboardInterrupt:
            show_interrupted()
            ctx.exit(EXIT_INTERRUPTED)
        except ConfigError as error:
            show_error(error)
            ctx.exit(EXIT_USAGE)
        except PipelineError as error:
            show_error(error)
            ctx.exit(EXIT_ERRORS)
        except OSError as error:  # the last resort for I/O failures no stage turned into a PipelineError
            if error.errno == errno.EPIPE:  # the reader went away ('pipeline status | head'): not an error
                _discard_output()
                ctx.exit(0)
            where = error.filename if isinstance(error.filename, str) else None
            show_error(PipelineError(
                error.strerror or str(error), path=where,
                hint="check that the project's folders are readable and writable and that the disk "
                     "has space, then run the command again"))
            ctx.exit(EXIT_ERRORS)


def _discard_output(stream: TextIO | None = None) -> None:
    """Send what is still buffered for stdout (or ``stream``) to /dev/null, so that flushing
    it at exit does not fail again on the closed pipe."""
    try:
        fileno = (stream or sys.stdout).fileno()
    except (OSError, ValueError):  # not a file (a test runner's buffer): nothing to redirect
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fileno)
    finally:
        os.close(devnull)


class _ReaderMayLeave:
    """stdout or stderr of a command whose reader may go away (``pipeline sync | head -1``).

    What can no longer be written is dropped and the command goes on to its end, so its
    exit status (and the errors it prints on the other stream) never depends on whether
    anyone still reads: a closed pipe must not turn a failure into success."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            _discard_output(self._stream)
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            _discard_output(self._stream)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def _readers_may_leave() -> Iterator[None]:
    """Run a command with stdout and stderr that survive their reader going away."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _ReaderMayLeave(sys.stdout), _ReaderMayLeave(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


EXIT_CODES_HELP = ("Exit codes: 0 done; 1 a file had an error (the rest was processed), another run holds the "
                   "project, or a download failed; 2 wrong usage or pipeline.toml; 3 'check' found errors; "
                   "4 '--strict' and a language pair has no model; 130 interrupted (Ctrl-C).")


@click.group(cls=PipelineGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.option("--project", "-p", type=click.Path(exists=True, file_okay=False, path_type=Path), default=".",
              show_default=True, help="Content root: the folder with pipeline.toml, source/ and locale/.")
@click.version_option(__version__, prog_name="pipeline")
@click.pass_context
def cli(ctx: click.Context, project: Path) -> None:
    """Localise newsroom articles: Markdown ⇄ gettext catalogues, offline MT, review, publish.

    \b
    Example:
      pipeline sync          # extract, update, translate, check and publish everything
      pipeline status        # what is translated and reviewed, per article and language
    """
    ctx.obj = Project(root=project)
    if os.environ.get("NO_COLOR"):
        ctx.color = False  # https://no-color.org: the commands' contexts inherit it


#: Allocations between two young-generation collections (CPython's default is 700).
GC_THRESHOLD = 50_000


def collect_garbage_less_often() -> None:
    """Let the cyclic garbage collector run far less often than CPython's default.

    A sync allocates millions of short-lived, acyclic objects (parsed entries, findings,
    regex matches); at the default threshold the collector ran ~1,100 times on a
    500-article project and took 12–20 % of the CPU time, more at 2,000 articles, where
    each full collection scans the caches of the checks. At 50,000 it runs a few times
    and costs under 2 %; peak memory is unchanged (measured in bench/RESULTS.md). mypy
    does the same for the same reason. Forked workers inherit the setting.
    """
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def main() -> None:
    collect_garbage_less_often()
    cli(prog_name="pipeline")


def _set_project(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        project = ctx.find_object(Project)
        if project is not None:
            project.root, project._config = value, None


def _accept_project_option(command: click.Command) -> None:
    """``--project DIR`` after the command's name too (``pipeline sync --project DIR``): the
    README promises it on every command, and that is where people put it."""
    if not any(param.name == "project" for param in command.params):
        command.params.append(click.Option(
            ["--project", "-p"], type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
            expose_value=False, callback=_set_project,
            help="Content root: the folder with pipeline.toml, source/ and locale/ (default: .)."))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _accept_project_option(sub)


# --------------------------------------------------------------------------- helpers


def _known_engine(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A misspelt ``--engine`` is a usage error that names the option, before any work: it
    read "error: unknown translation engine 'agros'", which the editor took for a setting of
    pipeline.toml, and only once the source folder had been looked for."""
    from .engines.registry import NO_ENGINE, USER_ENGINES, engine_names

    if value is None or value in NO_ENGINE or value in engine_names():
        return value
    close = difflib.get_close_matches(value, USER_ENGINES, n=1)
    guess = f"did you mean {close[0]}? " if close else ""
    raise click.BadParameter(f"unknown translation engine {value!r}; {guess}use one of: {', '.join(USER_ENGINES)}")


def _engine_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--engine", "engine_name", default=None, metavar="NAME", callback=_known_engine,
                        help="Translation engine: argos, pseudo, or none to skip MT (default: "
                             "[translate] engine in pipeline.toml, else argos).")(func)
    func = click.option("--strict", is_flag=True,
                        help="Exit with code 4 when a language pair has no translation model.")(func)
    return func


def _article_option(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                        help="Worker processes for parsing and writing (default: all cores).")(func)
    return click.option("--article", "articles", multiple=True, metavar="SLUG",
                        help="Only this article (repeatable).")(func)


def make_engine(config: Config, name: str | None) -> object | None:
    """The engine named on the command line or in pipeline.toml; ``none`` is no machine
    translation, with the translation memory still filling what it can."""
    from .engines.memory_only import MemoryOnlyEngine
    from .engines.registry import NO_ENGINE, get_engine

    chosen = name or config.engine
    if chosen in NO_ENGINE:
        return MemoryOnlyEngine()
    return get_engine(chosen, config=config)


@contextmanager
def _progress() -> Iterator[Callable[[str, int, int], None] | None]:
    """``progress(label, done, total)`` drawing a bar per stage on a terminal (count, rate,
    time left); ``None`` in CI logs and pipes, so nothing is drawn there."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    bar: Any = None
    started = 0.0

    def close() -> None:
        nonlocal bar
        if bar is not None:
            bar.__exit__(None, None, None)
            bar = None

    def update(label: str, done: int, total: int) -> None:
        nonlocal bar, started
        if bar is not None and (bar.label != label or bar.length != total):
            close()
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True, show_eta=True,
                                    item_show_func=lambda rate: rate)
            bar.__enter__()
            started = time.monotonic()
        elapsed = time.monotonic() - started
        bar.update(done - bar.pos, f"{done / elapsed:.0f}/s" if done and elapsed > 0 else None)
        if done >= total:  # off the line before the report, or the next stage's bar, is printed
            close()

    try:
        yield update
    finally:
        close()


def _hooks(config: Config) -> dict[str, Any]:
    """Quotation/glossary annotators, MT post-processors and checks, when those modules exist."""
    from . import integration

    return integration.hooks(config)


def _glossary_error(config: Config) -> list[PipelineError]:
    """The project glossary's error, if it cannot be read: ``status`` reads no glossary
    itself, but the sync it prepares for stops on it, so it says so beside the table."""
    from .integration import project_glossary

    try:
        project_glossary(config)
    except PipelineError as error:
        return [error]
    return []


def _enforced_checker(config: Config) -> Callable[[tuple[str, str, str, Any]], Sequence[Finding]] | None:
    """The entry checks that tell whether a version is ready, when ``[publish]
    enforced_checks`` makes their findings hold versions back."""
    if not config.publish.enforced_checks:
        return None
    checker = _hooks(config)["checker"]
    return lambda item: checker.per_catalogue(item).findings


def check_articles(config: Config, articles: tuple[str, ...]) -> None:
    """A misspelt ``--article`` must not read as "nothing to do": a usage error (exit 2)
    with the slugs it may have meant."""
    if not articles:
        return
    from .project import discover_articles

    slugs = sorted(slug for _, slug in discover_articles(config))
    for wanted in articles:
        if wanted in slugs:
            continue
        bare = wanted.removeprefix(f"{config.source_dir}/").removesuffix(".md")
        close = [bare] if bare in slugs else difflib.get_close_matches(bare, slugs, n=3)
        hint = (f"did you mean: {', '.join(close)}?" if close
                else "an article's slug is its path below " + f"{config.source_dir}/ without .md")
        raise click.BadParameter(f"no article {wanted!r} in {config.source_dir}/; {hint}",
                                 param_hint="'--article'")


def require_source_folder(config: Config) -> None:
    """Before the project lock is taken: a folder without the source folder (``--project``
    pointing at the wrong place) must get the error, not a ``.pipeline/`` folder left behind."""
    if not config.source_path.is_dir():
        from .project import discover_articles

        discover_articles(config)  # raises the ConfigError that names the folder and what to do


def run_sync(project: Project, stages: tuple[str, ...], *, engine_name: str | None = None,
             refresh: bool = False, articles: tuple[str, ...] = (), jobs: int | None = None) -> SyncReport:
    from .sync import SyncOptions, sync

    config = project.config
    require_source_folder(config)
    check_articles(config, articles)
    engine = make_engine(config, engine_name) if "translate" in stages else None
    hooks = _hooks(config)
    with _progress() as progress:
        # It counts the distinct sentences sent to the engine, not the report's entries.
        translating = (lambda done, total: progress("Machine-translating sentences", done, total)) if progress else None
        options = SyncOptions(stages=stages, engine=engine, refresh=refresh, only=articles,
                              progress=translating, stage_progress=progress, **hooks)
        if jobs is not None:
            options.jobs = jobs
        report = sync(config, options)
    if not report.articles and not report.errors and not report.warnings:  # "0 article(s)" alone says nothing
        report.warnings.append(no_articles_warning(config))
    if (lonely := one_language_warning(config)) is not None:
        report.warnings.append(lonely)
    return report


def one_language_warning(config: Config) -> str | None:
    """``languages`` naming only the source language: every run did nothing, said nothing
    of why, and exited 0 (a list cut short, or the language setting mistaken for this one)."""
    if config.languages != (config.source_language,):
        return None
    return (f"pipeline.toml lists one language, {config.source_language}, the articles' own: there is nothing to "
            "translate them into; list every language the newsroom publishes in, e.g. "
            'languages = ["az", "ru", "en"]')


def no_articles_warning(config: Config) -> str:
    """What an empty source folder means and what to do, for every command that finds one."""
    return (f"no article in {config.source_dir}/: put the Markdown articles (*.md) there, "
            "or set source_dir in pipeline.toml to the folder that holds them")


def render_report(report: SyncReport, *, as_json: bool, strict: bool = False,
                  knows_review: bool = True) -> None:
    """``knows_review``: whether the command read the catalogues, so its count of entries
    awaiting review is one (``extract`` writes templates only: it has no count to give)."""
    from .review import visible

    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        for line in report_lines(report, knows_review=knows_review):
            click.echo(visible(line))  # a slug or path may hold an escape sequence or a bidi override
    for error in report.errors:
        show_error(error)
    if report.errors:
        sys.exit(EXIT_ERRORS)
    if strict and report.missing_pairs:
        sys.exit(EXIT_MISSING_MODELS)


def _counts(counter: Any) -> str:
    return ", ".join(f"{lang} {n}" for lang, n in sorted(counter.items()) if n) or "none"


def orphan_lines(orphans: list[str], indent: str = "  ") -> list[str]:
    """Catalogues no article uses (renamed or deleted, in the article's own language, or in
    a language taken out of pipeline.toml): said on every run, never deleted."""
    if not orphans:
        return []
    shown = ", ".join(orphans[:MAX_HELD_BACK_LINES]) + (" …" if len(orphans) > MAX_HELD_BACK_LINES else "")
    return [f"{indent}{len(orphans)} catalogue(s) no article uses (renamed or deleted, its lang: changed, or its "
            f"language taken out of pipeline.toml?): {shown}",
            f"{indent}  their reviewed translations still serve the translation memory (a renamed article "
            "gets them back for review; a language put back in pipeline.toml uses its own again); before deleting "
            "one, compare it with the article's live catalogue: after an article was renamed and renamed back, "
            "the unused one may hold the newer reviews"]


def diverged_lines(diverged: list[str], indent: str = "  ") -> list[str]:
    """Reviewed entries an unused catalogue translates otherwise than a live one: said on
    every run until someone chooses, since deleting the unused file may lose the newer review."""
    shown = [f"{indent}reviewed translations differ: {line}" for line in diverged[:MAX_HELD_BACK_LINES]]
    if len(diverged) > MAX_HELD_BACK_LINES:
        shown.append(f"{indent}… and {len(diverged) - MAX_HELD_BACK_LINES} more pairs of catalogues whose reviewed "
                     "translations differ: see --json (diverged_reviews)")
    return shown


def orphaned_version_lines(paths: list[str], indent: str = "  ") -> list[str]:
    """Published versions no article makes any more: still online, so said on every run."""
    if not paths:
        return []
    shown = ", ".join(paths[:MAX_HELD_BACK_LINES]) + (" …" if len(paths) > MAX_HELD_BACK_LINES else "")
    return [f"{indent}{len(paths)} published version(s) no article makes any more (deleted or renamed, "
            f"now in the article's own language, or in one taken out of pipeline.toml?): {shown}",
            f"{indent}  they are still online: delete them if the article was withdrawn or moved"]


def report_lines(report: SyncReport, *, knows_review: bool = True) -> list[str]:
    lines = [f"{report.articles} article(s)"]
    if report.new_segments or report.changed_segments:
        lines.append(f"  new segments:        {_counts(report.new_segments)}")
        lines.append(f"  changed segments:    {_counts(report.changed_segments)}")
    if report.restored_segments:
        lines.append(f"  restored segments:   {_counts(report.restored_segments)} (their translations are back)")
    if any(report.machine_translated.values()) or any(report.from_memory.values()) or any(report.rejected.values()):
        lines.append(f"  machine-translated:  {_counts(report.machine_translated)}")
        lines.append(f"  from memory:         {_counts(report.from_memory)}")
        lines.append(f"  rejected MT output:  {_counts(report.rejected)}")
    for note in report.translate_notes:
        lines.append(f"  {note}")
    if report.missing_pairs:
        pairs = ", ".join(f"{s}→{t}" for s, t in sorted(set(report.missing_pairs)))
        lines.append(f"  no translation model for {pairs}: those entries wait for a human translator")
        lines.append("    install with: pipeline models install --missing   (or: pipeline models install FILE.argosmodel)")
    if knows_review:
        lines.append(f"  to translate/review: {_counts(report.awaiting_review)}")  # the review queue's items
    written = set(report.written)
    fresh = [(slug, lang, path) for slug, lang, path in report.published if path in written]
    for slug, lang, path in fresh:
        lines.append(f"  published {slug} ({lang}) → {path}")
    if len(report.published) > len(fresh):
        lines.append(f"  up to date: {len(report.published) - len(fresh)} published version(s)")
    if report.copied:
        lines.append(f"  copied {len(report.copied)} linked file(s) beside the published versions: "
                     + ", ".join(report.copied[:8]) + (" …" if len(report.copied) > 8 else ""))
    for broken in report.broken_links[:MAX_HELD_BACK_LINES]:
        lines.append(f"  broken link: {broken}")
    if len(report.broken_links) > MAX_HELD_BACK_LINES:
        lines.append(f"  … and {len(report.broken_links) - MAX_HELD_BACK_LINES} more broken links: "
                     "see 'pipeline sync --json'")
    # By article, as the first run lists them: a later run finishes the articles it re-read
    # first, and the same list must not come out in another order each time.
    held_back = sorted(report.held_back, key=lambda item: item[0].slug)
    for decision, online in held_back[:MAX_HELD_BACK_LINES]:
        why = "; ".join(decision.reasons())
        note = HELD_BACK_NOTES.get(online, "")
        lines.append(f"  held back {decision.slug} ({decision.lang}): {why}{note}")
    if len(report.held_back) > MAX_HELD_BACK_LINES:
        lines.append(f"  … and {len(report.held_back) - MAX_HELD_BACK_LINES} more held back: see 'pipeline status'")
    if report.findings:
        errors = sum(1 for f in report.findings if f.severity.value == "error")
        lines.append(f"  check findings: {len(report.findings)} ({errors} error{'' if errors == 1 else 's'}); "
                     "see 'pipeline check'")
    lines += orphan_lines(report.orphans)
    lines += diverged_lines(report.diverged)
    lines += orphaned_version_lines(report.orphaned_versions)
    lines += [f"  warning: {warning}" for warning in report.warnings]
    if report.written:
        lines.append(f"  wrote {len(report.written)} file(s): " + ", ".join(report.written[:8])
                     + (" …" if len(report.written) > 8 else ""))
    elif report.state_written:
        why = (", as the pipeline or its settings changed since the last run (every article was read again)"
               if report.state_rebuilt else "")
        lines.append(f"  nothing changed in the project: only the run state ({', '.join(report.state_written)}) "
                     f"was rewritten{why}")
    else:
        lines.append("  nothing changed: no file was written")
    return lines


# --------------------------------------------------------------------------- commands


@cli.command("sync")
@_engine_options
@_article_option
@click.option("--refresh", is_flag=True, help="Re-translate unreviewed MT made by an older model.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_project
def sync_command(project: Project, engine_name: str | None, strict: bool, articles: tuple[str, ...],
                 jobs: int | None, refresh: bool, as_json: bool) -> None:
    """Extract, update, machine-translate, check and publish: the one command to run.

    Idempotent: run it again and again; with nothing changed it writes no file.

    \b
    Example:
      pipeline sync
      pipeline sync --engine pseudo --json
    """
    from .sync import STAGES

    report = run_sync(project, STAGES, engine_name=engine_name, refresh=refresh, articles=articles, jobs=jobs)
    render_report(report, as_json=as_json, strict=strict)


@cli.command("extract")
@_article_option
@pass_project
def extract_command(project: Project, articles: tuple[str, ...], jobs: int | None) -> None:
    """Write the templates locale/templates/<slug>.pot from the source articles.

    \b
    Example:
      pipeline extract
    """
    render_report(run_sync(project, ("extract",), articles=articles, jobs=jobs), as_json=False,
                  knows_review=False)


@cli.command("update")
@_article_option
@pass_project
def update_command(project: Project, articles: tuple[str, ...], jobs: int | None) -> None:
    """Merge each template into its language catalogues (msgmerge semantics, nothing lost).

    An edited paragraph whose new text has a reviewed translation elsewhere gets it, fuzzy,
    as in sync.

    \b
    Example:
      pipeline update --article economy/alat-port-expansion
    """
    render_report(run_sync(project, ("update",), articles=articles, jobs=jobs), as_json=False)


@cli.command("translate")
@_engine_options
@_article_option
@click.option("--refresh", is_flag=True, help="Re-translate unreviewed MT made by an older model.")
@pass_project
def translate_command(project: Project, engine_name: str | None, strict: bool,
                      articles: tuple[str, ...], jobs: int | None, refresh: bool) -> None:
    """Fill untranslated entries with machine translations marked for review (fuzzy).

    \b
    Example:
      pipeline translate --engine pseudo
    """
    report = run_sync(project, ("translate", "check"), engine_name=engine_name, refresh=refresh,
                      articles=articles, jobs=jobs)
    render_report(report, as_json=False, strict=strict)


@cli.command("publish")
@_article_option
@pass_project
def publish_command(project: Project, articles: tuple[str, ...], jobs: int | None) -> None:
    """Write localised articles for every language version that is ready.

    \b
    Example:
      pipeline publish
    """
    render_report(run_sync(project, ("publish",), articles=articles, jobs=jobs), as_json=False)


def display_width(text: str) -> int:
    """The columns a terminal gives ``text``: an East Asian wide character takes two, a
    combining mark or format character none, so a table lines up under its headings."""
    return sum(0 if unicodedata.category(char) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def pad(text: str, width: int) -> str:
    """``text`` followed by the spaces that fill ``width`` terminal columns."""
    return text + " " * max(0, width - display_width(text))


def _published_label(row: CatalogueStatus) -> str:
    """``stale``: an older version is online while the current one is held back; ``ready``:
    nothing is online yet but nothing holds the version back (a plain "no" read as "not ready");
    ``hand-written``: a person's page is where the version goes, and sync never replaces it;
    ``edited``: someone changed the published version after sync wrote it, and sync leaves it."""
    if row.hand_written:
        return "hand-written"
    if row.edited:
        return "edited"
    if row.stale:
        return "stale"
    if row.published:
        return "yes"
    return "ready" if row.ready else "no"


def _edited_line(config: Config, row: CatalogueStatus) -> str:
    """What a published version changed after sync wrote it is, and what to do next."""
    rel = config.output_rel(row.lang, row.article)
    return (f"{rel}: changed since pipeline published it (edited by hand?); sync does not write over it: make "
            f"the change in {row.path} (or in the article), then delete {rel} to let sync publish it again")


def _hand_written_line(config: Config, row: CatalogueStatus) -> str:
    """What a page written by hand in a held-back version's place is, and what to do next
    (once the version is ready, the error of :func:`hand_written_version` says it)."""
    from .project import translation_of_line

    return (f"{config.output_rel(row.lang, row.article)}: a page written by hand is where the {row.lang} version "
            f"of {row.article} goes; it is kept while the version is held back: to keep its text, copy it into "
            f"{row.path} and delete the page; to let pipeline replace it, delete it or add "
            f"'{translation_of_line(config, row.article, row.lang)}' to its front matter")


#: The order and wording of :func:`status_summary`'s counts, by :func:`_published_label`.
_SUMMARY_LABELS = (("yes", "published"), ("stale", "stale"), ("edited", "edited"), ("ready", "ready"),
                   ("no", "held back"), ("hand-written", "hand-written"))


def status_summary(rows: Sequence[CatalogueStatus]) -> str:
    """One line under the table: how many versions stand where, and the command to run next.
    A newsroom's table runs to hundreds of rows, and what an editor wants from it is
    "what is left, and what do I do now"."""
    labels = [_published_label(row) for row in rows]
    counts = ", ".join(f"{labels.count(label)} {word}" for label, word in _SUMMARY_LABELS if label in labels)
    steps = []
    if "ready" in labels:
        steps.append("'pipeline sync' publishes the ready ones")
    if "no" in labels or "stale" in labels:
        steps.append("'pipeline review' lists what the held-back ones wait for")
    return f"{len(rows)} language version(s): {counts}" + (f"; {' and '.join(steps)}" if steps else "")


@cli.command("status")
@click.option("--json", "as_json", is_flag=True,
              help="Print the table and the files no article uses as JSON: "
                   '{"catalogues": [rows], "orphaned_catalogues": [paths], "diverged_reviews": [messages], '
                   '"orphaned_versions": [paths], "errors": [messages]}.')
@pass_project
def status_command(project: Project, as_json: bool) -> None:
    """Per article and language: entries, reviewed, machine, fuzzy, untranslated, obsolete.

    "fuzzy" counts every entry flagged fuzzy, the unreviewed machine translations included
    (as a PO editor counts them). The last column says whether the language version is published; "stale" means an
    older version is, and sync holds the current one back until it is reviewed; "ready" means it is not
    published yet but nothing holds it back: the next sync (or publish) writes it; "hand-written" means
    a page written by hand is where the version goes (never replaced: what to do is said below); "edited" means
    someone changed the published version after sync wrote it, and sync leaves it (what to do is said below). A line
    under the table counts the versions by that column and names the command to run next. Below the table come the
    catalogues and published versions no article uses (a renamed or deleted
    article's, or a language taken out of pipeline.toml).

    \b
    Example:
      pipeline status --json
    """
    from .diverged import diverged_reviews
    from .project import discover_articles, discover_catalogues, orphaned_catalogues, orphaned_versions, project_status
    from .review import visible

    rows, errors, own = project_status(project.config, _enforced_checker(project.config))
    errors = [*errors, *_glossary_error(project.config)]
    slugs = {slug for _, slug in discover_articles(project.config)}
    listed = discover_catalogues(project.config)
    unused = orphaned_catalogues(project.config, slugs, listed, own=own)
    diverged = [item.render() for item in diverged_reviews(project.config, unused, listed, save=False)[0]]
    languages = {slug: None for slug in slugs} | {slug: lang for lang, slug in own}
    withdrawn = orphaned_versions(project.config, languages.items())
    if as_json:
        data = {"catalogues": [dict(row.__dict__, percent_reviewed=row.percent_reviewed) for row in rows],
                "orphaned_catalogues": unused, "diverged_reviews": diverged, "orphaned_versions": withdrawn,
                "errors": [str(error) for error in errors]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        shown = {row.article: visible(row.article) for row in rows}  # a file name's bidi override, shown
        width = max([len("article"), *(display_width(slug) for slug in shown.values())])
        lang_width = max([5, *(len(row.lang) for row in rows)])  # zh_Hant, sr_Latn
        header = f"{pad('article', width)} {'lang':<{lang_width}} {'total':>5} {'reviewed':>8} {'machine':>7} {'fuzzy':>5} " \
                 f"{'untransl':>8} {'obsolete':>8} {'% rev':>6}  published"
        click.echo(header)
        for row in rows:
            click.echo(f"{pad(shown[row.article], width)} {row.lang:<{lang_width}} {row.total:>5} {row.reviewed:>8} {row.machine:>7} "
                       f"{row.fuzzy:>5} {row.untranslated:>8} {row.obsolete:>8} {row.percent_reviewed:>6}"
                       f"  {_published_label(row)}")
        if rows:
            click.echo(status_summary(rows))
        if not slugs and not errors:  # the heading alone would read as "nothing to do"
            click.echo(f"warning: {no_articles_warning(project.config)}")
        if (lonely := one_language_warning(project.config)) is not None:
            click.echo(f"warning: {lonely}")
        reported = {error.path for error in errors}  # a ready version's page: its error says it all
        for row in rows:
            if row.hand_written and project.config.output_rel(row.lang, row.article) not in reported:
                click.echo(visible(_hand_written_line(project.config, row)))
            elif row.edited:
                click.echo(visible(_edited_line(project.config, row)))
        for line in orphan_lines(unused, indent="") + diverged_lines(diverged, indent=""):
            click.echo(visible(line))
        for line in orphaned_version_lines(withdrawn, indent=""):
            click.echo(visible(line))
    for error in errors:
        show_error(error)
    if errors:
        sys.exit(EXIT_ERRORS)

