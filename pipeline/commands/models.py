"""``pipeline models``: which Argos packages the project needs, has, pivots through, lacks."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import click

from ..cli import Project, pass_project
from ..config import Config
from ..errors import PipelineError
from ..models import install_missing, install_package_file, model_report, needed_pairs
from ..project import Problems, load_articles
from ..review import visible


def packages_dir(config: Config) -> Path | None:
    if not config.models_dir:
        return None
    path = Path(config.models_dir).expanduser()
    return path if path.is_absolute() else config.root / path


def source_languages(config: Config, problems: Problems) -> list[str]:
    """The languages the project's articles are written in (the source side of each pair).

    An article that cannot be read is in ``problems``: its language is unknown, so the
    pairs shown may lack the ones it needs, and the user must hear about it."""
    langs = {article.lang for article in load_articles(config, problems)}
    return sorted(langs or {config.source_language})


def report_problems(problems: Problems) -> None:
    """Show the articles that could not be read, and exit 1 as every other command does."""
    from ..cli import EXIT_ERRORS, show_error

    for error in problems.errors:
        show_error(error)
    if problems.errors:
        click.echo("the language pairs may be incomplete: fix the article(s) above and run the command again",
                   err=True)
        sys.exit(EXIT_ERRORS)


@click.group("models", invoke_without_command=True)
@pass_project
@click.pass_context
def models_command(ctx: click.Context, project: Project) -> None:
    """Show the language pairs the project needs and the Argos packages that serve them.

    \b
    Example:
      pipeline models
      pipeline models install translate-en_ru.argosmodel
      pipeline models install --missing
    """
    if ctx.invoked_subcommand is not None:
        return
    config = project.config
    problems = Problems()
    report = model_report(source_languages(config, problems), config.languages, packages_dir(config))
    # The folder is shared with other Argos applications: its metadata is shown, never obeyed.
    click.echo(visible(f"packages folder: {report.packages_dir}"))
    click.echo(visible("installed: " + (", ".join(p.label for p in report.installed) or "none")))
    for pair in report.needed:
        route = report.routes.get(pair)
        if route is None:
            state = "MISSING"
        elif route.pivot:
            state = f"via {route.pivot}: " + " + ".join(p.label for p in route.packages)
        else:
            state = route.packages[0].label
        click.echo(visible(f"  {pair[0]}→{pair[1]}: {state}"))
    if report.install_command:
        missing = ", ".join(f"{s}→{t}" for s, t in report.missing)
        click.echo(f"missing: {missing}. Entries of these pairs wait for a human translator.")
        click.echo(f"install with: {report.install_command}")
    report_problems(problems)


@models_command.command("install")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--missing", is_flag=True, help="Download what the project needs from the Argos package index.")
@pass_project
def install_command(project: Project, files: tuple[Path, ...], missing: bool) -> None:
    """Install Argos packages from .argosmodel files, or download the missing ones.

    The index is Argos' own, or the one at the http(s) URL in ARGOS_PACKAGE_INDEX.

    \b
    Example:
      pipeline models install translate-az_en.argosmodel translate-en_ru.argosmodel
      pipeline models install --missing
    """
    config = project.config
    folder = packages_dir(config)
    if not files and not missing:
        raise click.UsageError("name .argosmodel files to install, or use --missing")
    failed = False
    problems = Problems()
    for file in files:
        try:
            info = install_package_file(file, folder)
            click.echo(visible(f"installed {info.label} from {file}"))
        except PipelineError as error:
            from ..cli import show_error

            show_error(error)
            failed = True
    if missing:
        pairs = needed_pairs(source_languages(config, problems), config.languages)
        with _download_progress() as progress:
            installed, unavailable = install_missing(pairs, folder, progress)
        for info in installed:
            click.echo(visible(f"installed {info.label}"))
        for src, tgt in unavailable:
            click.echo(f"the package index offers no model for {src}→{tgt} (not even through English)")
        if not installed and not unavailable:
            click.echo("every language pair the project needs is already installed")
    report_problems(problems)
    if failed:
        sys.exit(1)


@contextmanager
def _download_progress() -> Iterator[Callable[[str, int, int | None], None]]:
    """A click progress bar per download on a terminal; quiet in CI logs and pipes.

    Every bar is finished when the downloads end, also when the server sent no length or
    a download failed halfway: an unfinished bar leaves the terminal's cursor hidden and
    the next message glued to the bar. A retry from another link starts a new bar.
    """
    bars: dict[str, Any] = {}

    def finish(label: str) -> None:
        bar = bars.pop(label, None)
        if bar is not None:
            bar.__exit__(None, None, None)

    def progress(label: str, done: int, total: int | None) -> None:
        if not sys.stderr.isatty() or os.environ.get("CI"):
            return
        bar = bars.get(label)
        if bar is not None and done < bar.pos:
            finish(label)
            bar = None
        if bar is None:
            if total is None:  # no length: a byte count instead of a percentage
                bar = click.progressbar((_ for _ in ()), label=f"downloading {label}", file=sys.stderr,
                                        show_pos=True)
            else:
                bar = click.progressbar(length=total, label=f"downloading {label}", file=sys.stderr)
            bar.__enter__()
            bars[label] = bar
        bar.update(done - bar.pos)
        if total is not None and done >= total:
            finish(label)

    try:
        yield progress
    finally:
        for label in list(bars):
            finish(label)
