"""``pipeline review``: what waits for a human, as a list, JSON, an HTML page or a walk.

The library (:mod:`pipeline.review`) builds the queue and saves decisions; this module only
talks to the user. Loaded by :mod:`pipeline.cli` only when the command is run
(``LAZY_COMMANDS``).
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import click

from ..cli import EXIT_ERRORS, Project, check_articles, pass_project, show_error
from ..config import Config
from ..errors import ConfigError, LockError, PipelineError
from ..checks import check_parts, corpus_findings, entry_checker, quotations_and_names
from ..fileio import ReadOnlyFileError, write_if_changed
from ..integration import project_glossary, quote_marks
from ..parallel import default_jobs
from ..model import MT_REJECTED_PREFIX, EntryStatus, Finding
from ..project import read_only_error
from ..review import (
    REASONS,
    Checker,
    CorpusFindings,
    Decision,
    Outcome,
    ProjectRows,
    ReviewItem,
    ReviewQueue,
    SaveResult,
    build_queue,
    read_project,
    render_word_diff,
    run_checker,
    save_decision,
    visible,
    word_diff,
)
from ..review_html import render_html
from ..translate import MEMORY_PROVENANCE

_REASON_COLOURS = {"machine": "blue", "changed": "yellow", "fuzzy": "magenta",
                   "untranslated": "red", "findings": "yellow"}
_SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "white"}


def checker_for(config: Config) -> Checker:
    """The checks ``sync`` and ``check`` run, with the same project glossary, so the queue's
    findings are the ones the editor saw there."""
    return entry_checker(project_glossary(config), marks=quote_marks(config))


def corpus_findings_for(config: Config, project: ProjectRows | None = None,
                        selected: Callable[[str, str], bool] = lambda slug, lang: True) -> CorpusFindings:
    """What ``pipeline check`` reports on the catalogues, by (catalogue path, line): the
    entry checks of the ``selected`` catalogues, read in their article's context as
    ``check`` reads them, so the queue shows the findings the editor saw there, and the
    corpus-level findings (one quotation translated in different words in different
    articles, one unglossaried name spelt two ways), worked out over every catalogue of the
    project whatever ``--lang``/``--article`` selects: the other translation of a quotation
    or spelling of a name is usually in another article."""
    rows, _ = project if project is not None else read_project(config)
    items = [(rel, article.lang, lang, catalogue) for article, lang, rel, catalogue in rows
             if catalogue is not None]  # unreadable files are reported by the queue itself
    glossary = project_glossary(config)
    chosen_rels = {rel for article, lang, rel, catalogue in rows if catalogue is not None and selected(article.slug, lang)}
    chosen = [item for item in items if item[0] in chosen_rels]
    parts = dict(zip((item[0] for item in chosen),
                     check_parts(chosen, glossary, quote_marks(config), default_jobs())))
    found: dict[tuple[str, int], list[Finding]] = {}
    every = [parts.get(item[0]) or quotations_and_names(item, glossary) for item in items]
    for finding in corpus_findings(every, glossary):
        found.setdefault((finding.path, finding.line), []).append(finding)
    return found


@click.command("review")
@click.option("--lang", "langs", multiple=True, metavar="LANG", help="Only this language (repeatable).")
@click.option("--article", "articles", multiple=True, metavar="SLUG", help="Only this article (repeatable).")
@click.option("--reason", "reasons", multiple=True, type=click.Choice(REASONS),
              help="Only items waiting for this reason (repeatable); 'findings' selects every "
                   "item with check findings.")
@click.option("--json", "as_json", is_flag=True, help='Print the items as JSON: {"items": [objects], "errors": [messages]}.')
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write one self-contained HTML page with every segment side by side.")
@click.option("--interactive", "--walk", "-i", "walk", is_flag=True,
              help="Walk the items one by one: [a]ccept, [e]dit, [s]kip, [q]uit. Each decision is saved at once.")
@pass_project
def review_command(project: Project, langs: tuple[str, ...], articles: tuple[str, ...],
                   reasons: tuple[str, ...], as_json: bool, html_path: Path | None, walk: bool) -> None:
    """List what awaits a human, per language and article, closest to publication first.

    Reviewing in a PO editor (Poedit, Lokalize, Weblate) works too: clearing the fuzzy flag
    there is the review, and this list shows it the next time it runs.

    \b
    Walk keys: a accept (kept as reviewed, MT provenance kept as "reviewed mt: …")
               e edit   ($VISUAL/$EDITOR, or type the text when neither is set)
               s skip   q quit (everything decided so far is already saved)

    \b
    Example:
      pipeline review
      pipeline review --lang ru --reason changed
      pipeline review --lang ru --article science/caspian-seal-census --interactive
      pipeline review --html review.html
    """
    if walk and (as_json or html_path):
        raise click.UsageError("--interactive cannot be combined with --json or --html")
    if as_json and html_path:
        raise click.UsageError("choose one of --json and --html")
    config = project.config
    _check_filters(config, langs, articles)
    if html_path is not None:
        _check_page_path(html_path)
    checker = checker_for(config)
    everything = read_project(config)
    queue = build_queue(config, langs=langs, articles=articles, reasons=reasons,
                        corpus_findings=corpus_findings_for(config, everything, _selection(langs, articles)),
                        project=everything)
    if html_path is not None:
        try:
            write_if_changed(html_path, render_html(queue).encode("utf-8"))
        except OSError as exc:
            raise PipelineError(f"cannot write the page: {exc.strerror}", path=str(html_path),
                                hint="check that the folder is writable and the disk has space, or give "
                                     "a path in another folder") from None
        waiting = sum(len(v.waiting) for v in queue.versions)
        click.echo(f"wrote {visible(str(html_path))}: {len(queue.versions)} language version(s), {waiting} waiting")
    elif as_json:
        click.echo(json.dumps(queue.to_json(), ensure_ascii=False, indent=2))
    elif not queue.versions and not queue.errors and (langs or articles):
        click.echo("No language version matches this selection (an article is not translated into "
                   "its own language).")
    elif walk:
        _walk(config, queue, checker)
    else:
        _list(queue)
    for error in queue.errors:
        show_error(error)
    if queue.errors:
        sys.exit(EXIT_ERRORS)


_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!doctype html|<html)", re.I)


def _check_page_path(path: Path) -> None:
    """Refuse a ``--html`` path the page cannot or must not go to, as a usage error (exit 2,
    as click gives for a folder there), before the project is read: a mistyped folder
    (as for a shell's ``> page.html``) or a file that is no HTML page."""
    if not path.parent.is_dir():
        raise ConfigError(f"no such folder: {path.parent}", path=str(path),
                          hint="create the folder first, or give a path in an existing one")
    _refuse_writing_over(path)


def _refuse_writing_over(path: Path) -> None:
    """Refuse a page path that holds a file other than an HTML page: '--html source/a.md'
    (a slip of tab completion) replaced the article, and '--html <catalogue>.po' every
    translation in it, without a word. An earlier review page is written over as before."""
    try:
        with open(path, "rb") as file:
            head = file.read(512)
    except (FileNotFoundError, IsADirectoryError):
        return
    except OSError:
        return  # the write reports it
    if not _HTML_START.match(head):
        raise ConfigError("this file exists and is no HTML page: the review page would replace it",
                            path=str(path),
                            hint="give the page a name of its own, e.g. --html review.html; the file was "
                                 "left as it was")


def _check_filters(config: Config, langs: tuple[str, ...], articles: tuple[str, ...]) -> None:
    """A misspelt language or slug must not read as "nothing waits for review"."""
    unknown_langs = [lang for lang in langs if lang not in config.languages]
    if unknown_langs:
        raise click.BadParameter(
            f"unknown language(s): {', '.join(unknown_langs)}; the project publishes in: "
            + ", ".join(config.languages), param_hint="'--lang'")
    check_articles(config, articles)


# --------------------------------------------------------------------------- listing


def _list(queue: ReviewQueue) -> None:
    items = queue.items
    if not items:
        click.echo("Nothing waits for review.")
        return
    versions = [v for v in queue.versions if any(i.matches(queue.reasons) for i in v.entries)]
    click.echo(f"{len(items)} item(s) waiting in {len(versions)} language version(s)")
    for version in versions:
        selected = [i for i in version.entries if i.matches(queue.reasons)]
        click.echo("")
        click.secho(f"{visible(version.article)} → {version.lang}: {len(selected)} waiting "
                    f"({version.reviewed}/{len(version.entries)} reviewed, {version.percent_reviewed:g}%)",
                    bold=True)
        if not version.exists:  # the paths below name a file that sync has not written yet
            click.echo(f"  no catalogue yet: run 'pipeline sync' to create {visible(version.path)}")
        for item in selected:
            for line in describe(item):
                click.echo(line)
    click.echo("")
    click.echo(NEXT_STEPS)


#: Under the list: what to do with it (it ran to hundreds of items and ended on the last one).
NEXT_STEPS = ("next: translate, correct and review these entries in their catalogues (Poedit, Lokalize, Weblate: "
              "clearing fuzzy is the review), or one by one here with 'pipeline review -i' (narrowed with --lang "
              "and --article); filter this list with --lang, --article or --reason, or see it side by side: "
              "'pipeline review --html review.html'")


def describe(item: ReviewItem, *, indent: str = "  ") -> list[str]:
    """The lines that show one item: where, source, translation, why it waits, findings.

    Content is shown through :func:`~pipeline.review.visible`: an escape sequence or a carriage
    return in a translation must not hide or repaint what the reviewer is about to accept.
    """
    pad = indent + "  "
    below = "\n" + pad + " " * len("translation: ")

    def v(text: str) -> str:
        """Shown, with a line break's next line indented under its text: at a row's start it
        would read as another field of the item ('why: reviewed')."""
        return visible(text).replace("\n", below)

    reason = item.reason or "reviewed"
    where = v(f"{item.path}:{item.line}" if item.line else item.path)
    label = f" [{v(item.msgctxt)}]" if item.msgctxt else (f" ({v(item.kind)})" if item.kind else "")
    lines = [f"{indent}{where}  {click.style(reason, fg=_REASON_COLOURS.get(reason))}{label}"]
    lines.append(f"{pad}source:      {v(item.msgid)}")
    if item.msgid_plural is not None:
        lines.append(f"{pad}plural:      {v(item.msgid_plural)}")
    if item.previous_msgid is not None:
        lines.append(f"{pad}was:         {v(item.previous_msgid)}")
        diff = render_word_diff(word_diff(visible(item.previous_msgid), visible(item.msgid)))
        lines.append(f"{pad}diff:        " + diff.replace("\n", below))
    if item.msgid_plural is not None:
        for number, form in enumerate(item.msgstr_plural or ("",)):
            lines.append(f"{pad}{f'form [{number}]:':<13}{v(form) if form else '(none)'}")
    else:
        lines.append(f"{pad}translation: {v(item.msgstr) if item.msgstr else '(none)'}")
    for earlier in item.previous_translations:
        lines.append(f"{pad}previous:    {v(earlier)}")
    lines.append(f"{pad}why:         {v(why(item))}")
    for finding in item.findings:
        lines.append(f"{pad}finding:     " + _finding_text(finding))
    return lines


def _finding_text(finding: Finding) -> str:
    colour = _SEVERITY_COLOURS.get(finding.severity.value)
    return click.style(f"{finding.severity.value}: [{visible(finding.check)}] {visible(finding.message)}", fg=colour)


#: How the translate stage names what it took from the memory (``mt: <provenance>``): a
#: person's reviewed translation, of the same text or of a similar one, not a machine's.
_FROM_MEMORY = f"{MEMORY_PROVENANCE} ("
_FROM_SIMILAR = f"{MEMORY_PROVENANCE}, similar text ("


def why(item: ReviewItem) -> str:
    """Why an item waits, in words a reviewer understands."""
    provenance = item.provenance or ""
    if item.status is EntryStatus.MACHINE and provenance.startswith(_FROM_MEMORY):
        origin = provenance[len(_FROM_MEMORY):-1]
        return f"a reviewed translation of the same text, from {origin}: check that it fits here"
    if item.status is EntryStatus.MACHINE:
        return f"machine translation ({item.provenance}) not yet reviewed"
    if item.status is EntryStatus.CHANGED and provenance.startswith(_FROM_SIMILAR):
        return (f"the reviewed translation of a similar text (the previous source text), from "
                f"{provenance[len(_FROM_SIMILAR):-1]}, a catalogue no article uses: check it against the difference")
    if item.status is EntryStatus.CHANGED:
        return "the source changed since this was translated: check the translation against the new text"
    if item.status is EntryStatus.FUZZY:
        return "marked fuzzy: the translation needs work"
    if item.status is EntryStatus.UNTRANSLATED:
        if item.note:  # "mt rejected: <why>": say what it means and what to do
            rejected = item.note.removeprefix(MT_REJECTED_PREFIX)
            return f"no translation yet: the machine translation was rejected ({rejected}); translate it by hand"
        return f"no translation yet (no {item.source_lang}→{item.lang} model, or machine translation not run)"
    if not item.has_translation:
        return "translated as spaces only, which would empty the block: write the translation"
    return "reviewed, but the checks found problems"


# --------------------------------------------------------------------------- the walk


@dataclass
class _Tally:
    accepted: int = 0
    edited: int = 0
    skipped: int = 0
    not_saved: int = 0

    def render(self) -> str:
        text = f"accepted {self.accepted}, edited {self.edited}, skipped {self.skipped}"
        if self.not_saved:
            text += f", not saved {self.not_saved}"
        return text


def _selection(langs: Sequence[str], articles: Sequence[str]) -> Callable[[str, str], bool]:
    """Whether an (article slug, language) is a language version ``--lang``/``--article`` select."""
    return lambda slug, lang: (not langs or lang in langs) and (not articles or slug in articles)


class _Quit(Exception):
    """The reviewer asked to stop (q, Ctrl-C or end of input)."""


def _walk(config: Config, queue: ReviewQueue, checker: Checker | None) -> None:
    items = queue.items
    if not items:
        click.echo("Nothing waits for review.")
        return
    tally = _Tally()
    try:
        for number, item in enumerate(items, 1):
            click.echo("")
            click.secho(f"[{number}/{len(items)}] {visible(item.article)} → {item.lang}", bold=True)
            for line in describe(item):
                click.echo(line)
            _decide(config, item, checker, tally)
    except _Quit:
        click.echo("Stopped. Every decision made so far is saved.")
    finally:
        langs, articles = sorted({i.lang for i in items}), sorted({i.article for i in items})
        left = len(build_queue(config, langs=langs, articles=articles, reasons=queue.reasons,
                               corpus_findings=corpus_findings_for(
                                   config, selected=_selection(langs, articles))).items)
        click.echo(f"{tally.render()}; {left} item(s) still waiting in this selection")
        if tally.accepted or tally.edited:  # a review publishes nothing by itself
            click.echo("'pipeline sync' publishes every language version now fully reviewed")


def _decide(config: Config, item: ReviewItem, checker: Checker | None, tally: _Tally) -> None:
    """Ask until the reviewer accepts, edits (and saves), skips or quits."""
    can_accept = item.has_translation
    while True:
        choice = _read_choice("[a]ccept, [e]dit, [s]kip, [q]uit" if can_accept else "[e]dit, [s]kip, [q]uit")
        if choice == "q":
            raise _Quit()
        if choice == "s":
            tally.skipped += 1
            return
        if choice == "a":
            if not can_accept:
                click.echo("  nothing to accept: there is no translation; [e]dit or [s]kip")
                continue
            result = _save(config, item, Decision.ACCEPT)
            if result is None:
                continue
            if _report(result, tally):
                tally.accepted += 1
            return
        if choice == "e":
            if item.msgid_plural is not None:
                click.echo("  a plural entry is edited in a PO editor (Poedit, Lokalize, Weblate): "
                           + ("[a]ccept, " if can_accept else "") + "[s]kip or [q]uit")
                continue
            text = _ask_translation(item)
            if text is None or text == item.msgstr:
                click.echo("  no change")
                continue
            if checker is not None:
                for finding in run_checker(checker, item.msgid, text, item.source_lang, item.lang,
                                           path=item.path, line=item.line):
                    if finding.check not in item.dismissed:
                        click.echo("  finding: " + _finding_text(finding))
            result = _save(config, item, Decision.EDIT, text)
            if result is None:
                continue
            if _report(result, tally):
                tally.edited += 1
            return
        click.echo("  please answer a, e, s or q")


#: Seconds a decision waits for another command (a long sync) to release the project lock.
LOCK_WAIT = 10.0


def _save(config: Config, item: ReviewItem, decision: Decision, text: str | None = None) -> SaveResult | None:
    """Save one decision; None when another command kept the project lock all along.

    A running sync holds the lock: the reviewer is told the answer waits (a silent pause
    reads as a hang), and if the lock stays taken the walk goes on rather than stopping,
    with the typed text shown again so that it is not lost."""
    try:
        try:
            return save_decision(config, item, decision, text, lock_wait=0)
        except LockError:
            click.echo(f"  another pipeline command (a sync?) is running: waiting up to {LOCK_WAIT:g} s for it…")
        try:
            return save_decision(config, item, decision, text, lock_wait=LOCK_WAIT)
        except LockError:
            click.secho("  not saved: another pipeline command is still running; answer again to retry, "
                        "or [s]kip and review this entry later", fg="yellow", err=True)
    except ReadOnlyFileError:  # the walk goes on, and the typed text is shown: a reviewer's work is not lost
        show_error(read_only_error(item.path))
    except OSError as exc:
        show_error(PipelineError(f"not saved: cannot write the catalogue: {exc.strerror or exc}", path=item.path,
                                 hint="check the file's and its folder's permissions and the free disk space, "
                                      "then answer again, or [s]kip"))
    if text:
        click.echo(f"  your translation, to paste again: {visible(text)}")
    return None


def _report(result: SaveResult, tally: _Tally) -> bool:
    """Tell the reviewer what happened to a decision; True when it stands on disk."""
    if result.outcome is Outcome.SAVED:
        click.echo(f"  saved as reviewed in {visible(result.item.path)}")
        return True
    if result.outcome is Outcome.UNCHANGED:
        click.echo("  kept as reviewed (findings stay listed until the text changes)" if result.item.findings
                   else "  already reviewed on disk: nothing to save")
        return True
    tally.not_saved += 1
    if result.outcome is Outcome.CONFLICT:
        on_disk = visible(result.on_disk or "")
        click.secho(f"  not saved: the translation changed on disk meanwhile; it now reads: {on_disk}",
                    fg="yellow", err=True)
    else:
        click.secho("  not saved: the entry is no longer in the catalogue (its source changed); "
                    "run 'pipeline review' again after 'pipeline sync'", fg="yellow", err=True)
    return False


def _stdin_is_tty() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _read_choice(prompt: str) -> str:
    """One key on a terminal; one line from a pipe (so scripted input works too)."""
    try:
        if _stdin_is_tty():
            click.echo(f"{prompt}? ", nl=False)
            key = click.getchar()
            click.echo(key)
            return key.strip().lower()[:1]
        answer = click.prompt(prompt, default="", show_default=False, prompt_suffix="? ")
        return str(answer).strip().lower()[:1]
    except (click.Abort, EOFError, KeyboardInterrupt):
        raise _Quit() from None


def _ask_translation(item: ReviewItem) -> str | None:
    """The new text from $VISUAL/$EDITOR, or typed on one line when neither is set.

    None when the reviewer gave nothing (empty text, editor closed without saving).
    """
    start = item.msgstr or ""
    if os.environ.get("VISUAL") or os.environ.get("EDITOR"):
        try:
            edited = click.edit(start, extension=".txt", require_save=False)
        except click.ClickException as exc:
            click.secho(f"  {exc.format_message()}", fg="red", err=True)
            return None
        except UnicodeDecodeError:  # an editor set to a code page (Notepad's ANSI, a Latin-1 locale)
            click.secho("  not saved: the editor saved the text in another encoding than UTF-8; set it to "
                        "save UTF-8 (in Notepad: Encoding: UTF-8) and edit the entry again", fg="red", err=True)
            return None
        text = (edited or "").strip()
        return _without_control_characters(text) if text else None
    try:
        typed = click.prompt("  new translation (empty: cancel)", default="", show_default=False)
    except (click.Abort, EOFError, KeyboardInterrupt):
        raise _Quit() from None
    text = str(typed).strip()
    return _without_control_characters(text) if text else None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _without_control_characters(text: str) -> str | None:
    """The edited text, or None with a message when it holds a control character (a NUL, a
    terminal colour code pasted from a console): no catalogue may hold one, and the write
    refused it with 'NUL byte in the file (binary or corrupted?)', as if the file were broken."""
    found = _CONTROL.search(text)
    if found is None:
        return text
    click.secho(f"  not saved: the text holds a control character ({visible(found.group())}), which no "
                "catalogue may hold; edit the entry again without it", fg="red", err=True)
    return None


__all__ = ["review_command", "checker_for", "describe", "why"]
