"""``pipeline check`` and ``pipeline glossary``: quality checks and names without a glossary row."""

from __future__ import annotations

import json
import sys

import click

from ..cli import EXIT_ERRORS, EXIT_FINDINGS, Project, pass_project, show_error
from ..config import Config
from ..glossary import Glossary
from ..annotate import unknown_speakers
from ..integration import catalogue_checker, project_glossary, quote_marks
from ..model import Severity
from ..parallel import default_jobs
from ..project import Problems, iter_catalogues, load_articles
from ..review import visible


#: Under the findings: the two ways to settle one (the list alone said neither).
DISMISS_HINT = ("correct the translation at the line named, or, where a finding is "
                "wrong (a number written out on purpose), dismiss it on its entry with a translator comment "
                "'# ignore-<check>', e.g. '# ignore-numbers'")


@click.command("check")
@click.option("--json", "as_json", is_flag=True,
              help='Print the findings as JSON: {"findings": [objects], "errors": [messages]}.')
@pass_project
def check_command(project: Project, as_json: bool) -> None:
    """Check every translation: quotations, speakers, glossary names, numbers, links, markup.

    Each finding reads `path:line: severity: [check] message`. Exits with 3 when a finding
    is an error.

    \b
    Example:
      pipeline check
      pipeline check --json
    """
    config = project.config
    report = Problems()
    items = [(rel, article.lang, lang, catalogue)
             for article, lang, rel, catalogue in iter_catalogues(config, report) if catalogue is not None]
    findings = catalogue_checker(project_glossary(config), quote_marks(config))(items, default_jobs())
    if as_json:
        # One object, as status and sync print: a script must tell a file that could not be
        # read (errors) from a clean project, not only read the findings.
        click.echo(json.dumps({"findings": [{
            "path": f.path, "line": f.line, "lang": f.lang, "check": f.check, "severity": f.severity.value,
            "message": f.message, "msgctxt": f.msgctxt, "msgid": f.msgid} for f in findings],
            "errors": [str(error) for error in report.errors]},
            ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            click.echo(visible(finding.render()))  # it quotes translations: an escape sequence is shown
        errors = sum(1 for f in findings if f.severity == Severity.ERROR)
        click.echo(f"{len(items)} catalogue(s) checked: {len(findings)} finding(s), {errors} error(s)")
        if findings:
            click.echo(DISMISS_HINT)
    for error in report.errors:
        show_error(error)
    if report.errors:
        sys.exit(EXIT_ERRORS)
    if any(f.severity == Severity.ERROR for f in findings):
        sys.exit(EXIT_FINDINGS)


@click.command("glossary")
@pass_project
def glossary_command(project: Project) -> None:
    """List the speakers quoted in articles who have no row in locale/glossary.csv yet.

    Add a row per name (its accepted spelling in every language) so that machine
    translation and the checks keep it consistent.

    \b
    Example:
      pipeline glossary
    """
    config = project.config
    report = Problems()
    articles = load_articles(config, report)
    glossary = project_glossary(config)
    rows = unknown_speakers(((a.slug, a.lang, [s.msgid for s in a.segments]) for a in articles), glossary)
    if not rows:
        click.echo("every quoted speaker has a glossary row")
    for row in rows:
        click.echo(f"{visible(row.name)}\t{visible(row.article)}\t{row.count} quotation(s)")
    if rows:
        click.echo(what_to_add(config, glossary, len({row.name for row in rows})))
    for error in report.errors:
        show_error(error)
    if report.errors:
        sys.exit(EXIT_ERRORS)


def what_to_add(config: Config, glossary: Glossary | None, names: int) -> str:
    """The line under the list: where the rows go and what one holds (the list alone left an
    editor with names and no word of what to do with them); the header too while the
    glossary does not exist yet."""
    where = config.glossary_path.relative_to(config.root).as_posix()
    columns = ",".join(glossary.columns) if glossary is not None and glossary.columns else None
    header = (f"its columns: {columns}" if columns else
              f"a new file, whose first line is {','.join(config.languages)},kind,note")
    return (f"{names} speaker(s) without a glossary row: add a row per name to {where} ({header}), with its "
            "spelling in every language and the kind person or organisation, so that machine translation and "
            "the checks keep it")
