"""The commands, end to end on temporary projects, through click's runner."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.catalogue import parse_po, render_po
from pipeline.cli import cli
from tests.conftest import REPO, snapshot_tree, write_project

ARTICLE_EN = """---
title: Port expands
date: 2026-03-14
---

The port will grow, its director said.

## Plans

- a new berth;
- more silos.
"""

ARTICLE_RU = """---
title: Ярмарка открылась
lang: ru
---

«Книги едут к читателю», — сказала организатор.
"""


def run(runner: CliRunner, root: Path, *args: str) -> "object":
    return runner.invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path, {"news/port": ARTICLE_EN, "fair": ARTICLE_RU})


def fill(root: Path, rel: str, transform=lambda m: "RU:" + m.msgid) -> None:  # type: ignore[no-untyped-def]
    path = root / rel
    catalogue = parse_po(path.read_bytes(), rel)
    for message in catalogue.active:
        message.msgstr = transform(message)
        message.fuzzy = False
    path.write_bytes(render_po(catalogue))


def test_sync_creates_templates_and_catalogues_for_other_languages(runner: CliRunner, project: Path) -> None:
    result = run(runner, project, "sync", "--engine", "none")
    assert result.exit_code == 0, result.output
    assert (project / "locale/templates/news/port.pot").exists()
    assert sorted(p.relative_to(project).as_posix() for p in (project / "locale").rglob("*.po")) == [
        "locale/az/LC_MESSAGES/fair.po", "locale/az/LC_MESSAGES/news/port.po",
        "locale/en/LC_MESSAGES/fair.po", "locale/ru/LC_MESSAGES/news/port.po",
    ]
    pot = (project / "locale/templates/news/port.pot").read_text()
    assert '#. paragraph\n#: source/news/port.md:6\nmsgid "The port will grow, its director said."' in pot
    assert 'msgctxt "title"' in pot
    assert "POT-Creation-Date" not in pot
    po = (project / "locale/ru/LC_MESSAGES/news/port.po").read_text()
    assert '"Language: ru\\n"' in po and '"Plural-Forms: nplurals=3;' in po
    assert "held back news/port (ru): 5 untranslated" in result.output


def test_second_sync_changes_nothing(runner: CliRunner, project: Path) -> None:
    run(runner, project, "sync", "--engine", "none")
    fill(project, "locale/ru/LC_MESSAGES/news/port.po")
    run(runner, project, "sync", "--engine", "none")
    before = snapshot_tree(project, with_state=True)
    result = run(runner, project, "sync", "--engine", "none")
    assert result.exit_code == 0
    assert "nothing changed" in result.output
    assert snapshot_tree(project, with_state=True) == before  # the run state and the lock too


def test_a_sync_after_an_upgrade_says_it_rewrote_the_run_state(runner: CliRunner, project: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: after a code upgrade (the run state's key changes) sync re-read every
    article and rewrote .pipeline/state.json, yet said "nothing changed: no file was written".
    It now says which file it wrote and why; the next run writes nothing and says so."""
    import pipeline.incremental as incremental

    run(runner, project, "sync", "--engine", "none")
    run(runner, project, "sync", "--engine", "none")
    state = project / ".pipeline/state.json"
    before = state.read_bytes()
    monkeypatch.setattr(incremental, "code_fingerprint", lambda: "another build")
    result = run(runner, project, "sync", "--engine", "none", "--json")
    assert state.read_bytes() != before
    data = json.loads(result.output)
    assert data["written"] == [] and data["state_written"] == [".pipeline/state.json"]
    result = run(runner, project, "sync", "--engine", "none")  # the state is as this code left it
    assert "nothing changed: no file was written" in result.output
    monkeypatch.setattr(incremental, "code_fingerprint", lambda: "a third build")
    result = run(runner, project, "sync", "--engine", "none")
    assert "no file was written" not in result.output
    assert "nothing changed in the project: only the run state (.pipeline/state.json) was rewritten, as the " \
           "pipeline or its settings changed since the last run (every article was read again)" in result.output
    assert "nothing changed: no file was written" in run(runner, project, "sync", "--engine", "none").output


def test_refresh_replaces_machine_translations_of_another_model(runner: CliRunner, project: Path) -> None:
    """A newer model's output replaces the older unreviewed MT, which is kept as a comment."""
    run(runner, project, "sync", "--engine", "fake")
    po = project / "locale/ru/LC_MESSAGES/news/port.po"
    assert "# mt: fake 1 en→ru" in po.read_text()
    result = run(runner, project, "translate", "--refresh", "--engine", "fake-prefix")
    assert result.exit_code == 0, result.output
    text = po.read_text()
    assert "# mt: fake 1 en→ru" not in text and "# mt: fake-prefix 1 en→ru" in text
    assert 'msgstr "RU: ' in text
    # The older output stays beside it: it may hold a translator's unfinished edit.
    catalogue = parse_po(po.read_bytes())
    refreshed = [m for m in catalogue.active if m.msgstr.startswith("RU: ")]
    assert refreshed and all(any(c.startswith("previous translation: ") for c in m.comments) for m in refreshed)
    again = run(runner, project, "translate", "--refresh", "--engine", "fake-prefix")
    assert again.exit_code == 0 and "nothing changed" in again.output


def test_reviewed_language_is_published_and_others_held_back(runner: CliRunner, project: Path) -> None:
    run(runner, project, "sync", "--engine", "none")
    fill(project, "locale/ru/LC_MESSAGES/news/port.po")
    result = run(runner, project, "sync", "--engine", "none")
    assert "published news/port (ru) → public/ru/news/port.md" in result.output
    out = (project / "public/ru/news/port.md").read_text()
    assert out.startswith("---\ntitle: RU:Port expands\ndate: 2026-03-14\nlang: ru\n"
                          "translation_of: news/port\n---\n")
    assert "- RU:a new berth;\n" in out
    assert not (project / "public/az/news/port.md").exists()


def test_status_json(runner: CliRunner, project: Path) -> None:
    run(runner, project, "sync", "--engine", "none")
    fill(project, "locale/en/LC_MESSAGES/fair.po", lambda m: "EN:" + m.msgid)
    result = run(runner, project, "status", "--json")
    rows = {(r["article"], r["lang"]): r for r in json.loads(result.output)["catalogues"]}
    assert rows[("fair", "en")]["reviewed"] == 2 and rows[("fair", "en")]["percent_reviewed"] == 100.0
    assert rows[("news/port", "az")]["untranslated"] == 5


def test_status_says_stale_when_sync_keeps_an_older_published_version(runner: CliRunner, project: Path) -> None:
    """Regression: after a source edit ``sync`` holds the new version back and calls the
    published one stale, but ``status`` said only "published yes", so an editor read the
    outdated article as current."""
    run(runner, project, "sync", "--engine", "none")
    fill(project, "locale/ru/LC_MESSAGES/news/port.po")
    run(runner, project, "sync", "--engine", "none")
    source = project / "source/news/port.md"
    source.write_text(source.read_text(encoding="utf-8").replace("will grow", "will double"), encoding="utf-8")
    assert "the published version is stale" in run(runner, project, "sync", "--engine", "none").output
    rows = {(r["article"], r["lang"]): r for r in json.loads(run(runner, project, "status", "--json").output)["catalogues"]}
    assert rows[("news/port", "ru")]["published"] and rows[("news/port", "ru")]["stale"]
    assert not rows[("news/port", "az")]["stale"] and not rows[("fair", "en")]["stale"]
    line = next(line for line in run(runner, project, "status").output.splitlines()
                if line.split()[:2] == ["news/port", "ru"])
    assert line.endswith("stale")


def test_status_says_ready_when_a_reviewed_version_is_not_published_yet(runner: CliRunner, project: Path) -> None:
    """A fully reviewed version that the next sync will publish read "published no", as if
    something still held it back."""
    run(runner, project, "sync", "--engine", "none")
    fill(project, "locale/ru/LC_MESSAGES/news/port.po")
    rows = {(r["article"], r["lang"]): r for r in json.loads(run(runner, project, "status", "--json").output)["catalogues"]}
    assert rows[("news/port", "ru")]["ready"] and not rows[("news/port", "ru")]["published"]
    assert not rows[("news/port", "az")]["ready"]
    labels = {tuple(line.split()[:2]): line.split()[-1] for line in run(runner, project, "status").output.splitlines()}
    assert labels[("news/port", "ru")] == "ready" and labels[("news/port", "az")] == "no"
    run(runner, project, "sync", "--engine", "none")
    labels = {tuple(line.split()[:2]): line.split()[-1] for line in run(runner, project, "status").output.splitlines()}
    assert labels[("news/port", "ru")] == "yes"


def test_status_ends_with_a_summary_and_what_to_run_next(runner: CliRunner, project: Path) -> None:
    """Regression: 'status' ended with its last row, so an editor had to read hundreds of
    rows to learn how many versions were left and was never told what to run next."""
    run(runner, project, "sync", "--engine", "none")
    summary = run(runner, project, "status").output.splitlines()[-1]
    assert summary == ("4 language version(s): 4 held back; 'pipeline review' lists what the held-back ones wait for")
    fill(project, "locale/ru/LC_MESSAGES/news/port.po")
    summary = run(runner, project, "status").output.splitlines()[-1]
    assert summary == ("4 language version(s): 1 ready, 3 held back; 'pipeline sync' publishes the ready ones "
                       "and 'pipeline review' lists what the held-back ones wait for")
    fill(project, "locale/az/LC_MESSAGES/news/port.po")
    fill(project, "locale/en/LC_MESSAGES/fair.po")
    fill(project, "locale/az/LC_MESSAGES/fair.po")
    run(runner, project, "sync", "--engine", "none")
    assert run(runner, project, "status").output.splitlines()[-1] == "4 language version(s): 4 published"


def test_status_table_columns_line_up_with_long_slugs(runner: CliRunner, project: Path) -> None:
    run(runner, project, "sync", "--engine", "none")
    long_slug = "world/" + "a-very-long-article-slug-" * 2
    (project / "source" / f"{long_slug}.md").parent.mkdir(parents=True, exist_ok=True)
    (project / "source" / f"{long_slug}.md").write_text(ARTICLE_RU, encoding="utf-8")
    run(runner, project, "sync", "--engine", "none")
    lines = run(runner, project, "status").output.splitlines()
    header = lines[0]
    rows = [line for line in lines[1:] if line.split()[1:2] in (["az"], ["ru"], ["en"])]
    assert any(line.startswith(long_slug) for line in rows)
    for line in rows:
        assert line.index(line.split()[1]) == header.index("lang"), line


def test_catalogues_of_a_deleted_article_are_named_by_sync_and_status(runner: CliRunner, project: Path) -> None:
    run(runner, project, "sync", "--engine", "none")
    (project / "source/fair.md").unlink()
    result = run(runner, project, "sync", "--engine", "none")
    assert "2 catalogue(s) no article uses (renamed or deleted, its lang: changed, or its language taken out of pipeline.toml?): " \
        "locale/az/LC_MESSAGES/fair.po, locale/en/LC_MESSAGES/fair.po" in result.output
    assert (project / "locale/en/LC_MESSAGES/fair.po").exists()
    assert "no article uses" in run(runner, project, "status").output


def test_the_advice_on_unused_catalogues_does_not_send_newer_reviews_to_the_bin(
        runner: CliRunner, project: Path) -> None:
    """An article renamed, reviewed under its new name and renamed back leaves the newer
    reviews in the catalogue no article uses: the advice said to delete a catalogue 'when its
    work is no longer needed', which an editor reads as 'now'. It says to compare first."""
    run(runner, project, "sync", "--engine", "none")
    (project / "source/fair.md").unlink()
    output = run(runner, project, "sync", "--engine", "none").output
    assert "no longer needed" not in output
    assert "compare it with the article's live catalogue" in output
    assert "may hold the newer reviews" in output


def test_status_json_names_the_catalogues_and_versions_no_article_uses_as_sync_does(
        runner: CliRunner, project: Path) -> None:
    """Regression: ``status`` named the catalogues and published versions of a renamed
    article, but ``status --json`` (a bare list of rows) had no place for them, so a script
    watching the project never learnt of them."""
    run(runner, project, "sync", "--engine", "none")
    fill(project, "locale/ru/LC_MESSAGES/news/port.po")
    run(runner, project, "sync", "--engine", "none")
    (project / "source/news/port.md").rename(project / "source/news/harbour.md")
    synced = json.loads(run(runner, project, "sync", "--engine", "none", "--json").output)
    status = json.loads(run(runner, project, "status", "--json").output)
    assert set(status) == {"catalogues", "orphaned_catalogues", "diverged_reviews", "orphaned_versions", "errors"}
    assert status["errors"] == synced["errors"] == []
    assert status["orphaned_catalogues"] == synced["orphaned_catalogues"] == [
        "locale/az/LC_MESSAGES/news/port.po", "locale/ru/LC_MESSAGES/news/port.po"]
    assert status["orphaned_versions"] == synced["orphaned_versions"] == ["public/ru/news/port.md"]
    assert {(row["article"], row["lang"]) for row in status["catalogues"]} == {
        ("news/harbour", "az"), ("news/harbour", "ru"), ("fair", "az"), ("fair", "en")}


def test_a_catalogue_in_its_article_s_new_language_is_named_by_sync_and_status(
        runner: CliRunner, project: Path) -> None:
    """An article whose lang: changed from en to ru no longer uses its Russian catalogue: the
    reviewed work in it is kept (and serves the memory), but sync and status must say so, as
    for a renamed article, instead of leaving it unmentioned."""
    run(runner, project, "sync", "--engine", "none")
    fill(project, "locale/ru/LC_MESSAGES/news/port.po")
    run(runner, project, "sync", "--engine", "none")
    source = project / "source/news/port.md"
    source.write_text(ARTICLE_EN.replace("title:", "lang: ru\ntitle:", 1), encoding="utf-8")
    unused = "locale/ru/LC_MESSAGES/news/port.po"
    for _ in range(2):  # the run that reads the article, and one that skips it
        output = run(runner, project, "sync", "--engine", "none").output
        assert f"1 catalogue(s) no article uses (renamed or deleted, its lang: changed, or its language taken out of pipeline.toml?): {unused}" \
            in output, output
    assert unused in run(runner, project, "status").output
    assert (project / unused).exists()


def test_broken_catalogue_is_reported_untouched_and_others_processed(runner: CliRunner, project: Path) -> None:
    run(runner, project, "sync", "--engine", "none")
    broken = project / "locale/ru/LC_MESSAGES/news/port.po"
    data = broken.read_bytes().replace(b'msgstr ""\n\n#. heading', b'msgstr "unterminated\n\n#. heading', 1)
    broken.write_bytes(data)
    (project / "source/fair.md").write_text(ARTICLE_RU + "\nНовый абзац.\n", encoding="utf-8")
    result = run(runner, project, "sync", "--engine", "none")
    assert result.exit_code == 1
    assert "locale/ru/LC_MESSAGES/news/port.po:" in result.output
    assert broken.read_bytes() == data
    assert "Новый абзац." in (project / "locale/en/LC_MESSAGES/fair.po").read_text()


def test_unknown_language_in_front_matter(runner: CliRunner, project: Path) -> None:
    (project / "source/bad.md").write_text("---\nlang: xx-nope\n---\nText.\n", encoding="utf-8")
    result = run(runner, project, "sync", "--engine", "none")
    assert result.exit_code == 1
    assert "source/bad.md:2: unknown language code 'xx-nope'" in result.output
    assert (project / "locale/templates/fair.pot").exists()


def test_bad_config_is_a_usage_error(runner: CliRunner, project: Path) -> None:
    (project / "pipeline.toml").write_text('output = "../outside/{lang}/{slug}.md"\n')
    result = run(runner, project, "sync")
    assert result.exit_code == 2
    assert "points outside the project" in result.output


@pytest.mark.parametrize("command", ["sync", "status", "extract", "update", "translate", "publish",
                                     "models", "check", "glossary", "review"])
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_unwritable_catalogue_is_an_error_message_not_a_traceback(
        runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only locale folder (or a full disk): the file is named, the rest is processed,
    exit code 1, no traceback."""
    import pipeline.fileio as fileio

    real = fileio._write_new_file

    def refuse_ru(temp: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "/ru/" in temp.as_posix():
            raise PermissionError(13, "Permission denied", str(temp))
        return real(temp, *args, **kwargs)

    monkeypatch.setattr(fileio, "_write_new_file", refuse_ru)
    result = runner.invoke(cli, ["--project", str(project), "sync", "--engine", "none", "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "locale/ru/LC_MESSAGES/news/port.po: cannot write this file: Permission denied" in result.output
    assert "Traceback" not in result.output
    assert (project / "locale/az/LC_MESSAGES/news/port.po").exists()
    assert not list((project / "locale").rglob("*.tmp"))


def test_project_lock_that_cannot_be_created_is_an_error_message(runner: CliRunner, project: Path) -> None:
    (project / ".pipeline").write_text("not a folder")
    result = runner.invoke(cli, ["--project", str(project), "sync", "--engine", "none"])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert ".pipeline is a file where pipeline keeps its run state and lock" in result.output
    assert "rename or delete the file" in result.output


def test_unreadable_config_is_a_usage_error(runner: CliRunner, project: Path) -> None:
    (project / "pipeline.toml").mkdir()
    result = runner.invoke(cli, ["--project", str(project), "sync", "--engine", "none"])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "pipeline.toml: cannot read it" in result.output


@pytest.mark.parametrize("command", [["status"], ["review"], ["review", "--json"]])
def test_output_piped_into_a_reader_that_stops_is_not_an_error(runner: CliRunner, project: Path,
                                                               command: list[str]) -> None:
    """'pipeline review | head': the closed pipe is no 'error: Broken pipe … disk space'
    message, and no failure either (exit 1 means a file could not be read or written)."""
    run(runner, project, "sync", "--engine", "pseudo")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "pipeline", "--project", str(project), *command],
                              env=env, stdout=write_end, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write_end)
    assert b"error" not in done.stderr and b"Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0


def _with_stdout_closed(project: Path, *command: str) -> subprocess.CompletedProcess[bytes]:
    """Run the real CLI with its stdout a pipe nobody reads any more ('| head -1')."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", "pipeline", "--project", str(project), *command],
                              env=env, stdout=write_end, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("command, status", [
    (["sync", "--strict"], 4),  # no model installed
    (["sync", "--engine", "none"], 1),  # a broken catalogue
    (["check"], 1),
    (["status"], 1),
])
def test_a_reader_that_stops_never_hides_a_failure(runner: CliRunner, project: Path,
                                                   command: list[str], status: int) -> None:
    """Regression: 'pipeline sync --strict | head -1' exited 0 when the pipe closed early
    (the closed-pipe handler ended the command before its verdict), with a missing model or
    a broken catalogue, whose error was never shown either."""
    (project / "models").mkdir()
    with (project / "pipeline.toml").open("a", encoding="utf-8") as config:
        config.write('\n[models]\ndir = "models"\n')
    if status == 1:
        run(runner, project, "sync", "--engine", "pseudo")
        broken = next((project / "locale").rglob("*.po"))
        broken.write_bytes(broken.read_bytes() + b'\nmsgid "unterminated\n')
    done = _with_stdout_closed(project, *command)
    assert done.returncode == status, done.stderr
    assert b"Traceback" not in done.stderr and b"Broken pipe" not in done.stderr, done.stderr
    if status == 1:
        assert b"error: locale/" in done.stderr, done.stderr


def test_an_unknown_article_is_a_usage_error_for_sync_too(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(cli, ["--project", str(project), "sync", "--engine", "none", "--article", "news/prot"])
    assert result.exit_code == 2 and "did you mean: news/port?" in result.output
    result = runner.invoke(cli, ["--project", str(project), "publish", "--article", "source/news/port.md"])
    assert result.exit_code == 2 and "did you mean: news/port?" in result.output
    assert not (project / "locale").exists()


def test_sync_checks_a_catalogue_a_translator_reviewed_even_when_it_rewrites_nothing(
        runner: CliRunner, tmp_path: Path) -> None:
    """The editor's sync right after a translator's review is where the checks matter: a
    catalogue sync leaves unchanged is checked too (it used to check only what it wrote)."""
    root = write_project(tmp_path, {"port": "The port handled 360,000 tonnes in 2024.\n"},
                         'languages = ["en", "ru"]\n')
    run(runner, root, "sync", "--engine", "none")
    fill(root, "locale/ru/LC_MESSAGES/port.po", lambda m: "Порт обработал 370 000 тонн в 2024 году.")
    before = (root / "locale/ru/LC_MESSAGES/port.po").read_bytes()
    result = run(runner, root, "sync", "--engine", "none")
    assert (root / "locale/ru/LC_MESSAGES/port.po").read_bytes() == before
    assert "check findings: 2 (2 errors)" in result.output, result.output
    assert "[numbers]" in run(runner, root, "check").output


@pytest.mark.parametrize("args", [
    ["sync", "--engine", "none"], ["status"], ["extract"], ["update"], ["translate", "--engine", "none"],
    ["publish"], ["check"], ["glossary"], ["review"], ["models"],
])
def test_every_command_takes_project_after_its_name(runner: CliRunner, project: Path, args: list[str]) -> None:
    """Regression: the README says every command takes ``--project DIR``, but only
    ``pipeline --project DIR sync`` worked; ``pipeline sync --project DIR`` was a usage error."""
    runner.invoke(cli, ["--project", str(project), "sync", "--engine", "none"], catch_exceptions=False)
    elsewhere = runner.invoke(cli, [*args, "--project", str(project)], catch_exceptions=False)
    assert "No such option" not in elsewhere.output and elsewhere.exit_code in (0, 3), elsewhere.output
    assert "--project" in runner.invoke(cli, [args[0], "--help"]).output


def test_models_and_models_install_take_project_after_their_name(runner: CliRunner, project: Path,
                                                                  tmp_path: Path) -> None:
    (project / "pipeline.toml").write_text('[models]\ndir = "models"\n', encoding="utf-8")
    shown = runner.invoke(cli, ["models", "--project", str(project)], catch_exceptions=False)
    assert f"packages folder: {project.resolve() / 'models'}" in shown.output
    result = runner.invoke(cli, ["models", "install", "--project", str(project), str(tmp_path / "none")])
    assert "No such option" not in result.output and "does not exist" in result.output


def _help_examples(command: "object", prefix: list[str]) -> list[list[str]]:
    """The ``pipeline ...`` lines of a command's help (and of its sub-commands')."""
    import click

    assert isinstance(command, click.Command)
    lines = [line.split("#")[0].split() for line in (command.help or "").splitlines()]
    found = [words[1:] for words in lines if words[:1] == ["pipeline"]]
    if isinstance(command, click.Group):
        for name in command.list_commands(click.Context(command)):
            sub = command.get_command(click.Context(command), name)
            found += _help_examples(sub, [*prefix, name])
    return found


def test_the_help_examples_name_articles_of_the_bundled_example(example_project: Path) -> None:
    """Regression: ``update --help`` and ``review --help`` used ``--article world/baku-talks``,
    which no project has: run as written on the example, they only gave a usage error."""
    from pipeline.config import load_config
    from pipeline.project import discover_articles

    slugs = {slug for _, slug in discover_articles(load_config(example_project))}
    examples = _help_examples(cli, [])
    articles = [words[words.index("--article") + 1] for words in examples if "--article" in words]
    assert articles and all(slug in slugs for slug in articles), articles


def test_translate_before_any_catalogue_exists_says_what_to_run_first(runner: CliRunner, tmp_path: Path) -> None:
    """'pipeline translate' (or publish) on a fresh project did nothing and said nothing."""
    root = write_project(tmp_path, {"port": "The port grows.\n"}, 'languages = ["en", "ru"]\n')
    for command in (["translate", "--engine", "pseudo"], ["publish"]):
        result = runner.invoke(cli, ["--project", str(root), *command])
        assert result.exit_code == 0 and "no catalogue exists yet" in result.output
        assert "pipeline sync" in result.output
    result = runner.invoke(cli, ["--project", str(root), "extract"])
    assert "no catalogue exists yet" not in result.output
    runner.invoke(cli, ["--project", str(root), "update"])
    result = runner.invoke(cli, ["--project", str(root), "translate", "--engine", "pseudo"])
    assert "no catalogue exists yet" not in result.output and "machine-translated:  ru 1" in result.output


@pytest.mark.parametrize("args", [["sync", "--engine", "none"], ["extract"], ["update"], ["publish"],
                                  ["translate", "--engine", "none"]])
def test_a_wrong_project_folder_is_refused_and_left_as_it_was(runner: CliRunner, tmp_path: Path,
                                                              args: list[str]) -> None:
    """Regression: 'pipeline --project typo sync' created typo/.pipeline/lock (and the folder
    itself) before saying there was no source folder; a folder without source/ kept a
    .pipeline/ folder too."""
    missing = tmp_path / "typo"
    for where in (["--project", str(missing), *args], [*args, "--project", str(missing)]):
        result = runner.invoke(cli, where)
        assert result.exit_code == 2 and "does not exist" in result.output, result.output
        assert not missing.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(cli, ["--project", str(empty), *args])
    assert result.exit_code == 2 and "no source folder source/" in result.output, result.output
    assert "run the command in the project's folder (or name it with --project DIR)" in result.output
    assert list(empty.iterdir()) == []


def test_held_back_versions_are_listed_by_article_whichever_were_re_read(runner: CliRunner, project: Path) -> None:
    """Regression: a sync that re-read one article listed its versions first, before the
    skipped articles', so the same held-back list came out in another order on each run."""
    def held_back(output: str) -> list[str]:
        return [line.split(":")[0] for line in output.splitlines() if line.startswith("  held back ")]

    first = held_back(run(runner, project, "sync", "--engine", "none").output)
    assert first == ["  held back fair (az)", "  held back fair (en)",
                     "  held back news/port (az)", "  held back news/port (ru)"], first
    article = project / "source/news/port.md"
    article.write_text(article.read_text(encoding="utf-8").replace("more silos", "two silos"), encoding="utf-8")
    assert held_back(run(runner, project, "sync", "--engine", "none").output) == first


@pytest.mark.parametrize("command", ["sync", "translate"])
def test_engine_help_names_the_default_from_pipeline_toml(runner: CliRunner, command: str) -> None:
    """'--engine TEXT ... argos (default)' was wrong for a project whose pipeline.toml
    chooses another engine."""
    text = " ".join(runner.invoke(cli, [command, "--help"]).output.split())
    assert "--engine NAME" in text
    assert "(default: [translate] engine in pipeline.toml, else argos)" in text


def test_the_readme_module_map_names_every_module() -> None:
    """The README's 'For developers' map had drifted: six modules of pipeline/ were in no line."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## For developers", 1)[1].split("```", 2)[1]
    modules = sorted(p.name for p in (REPO / "pipeline").glob("*.py") if not p.name.startswith("__"))
    assert [name for name in modules if name not in block] == []


def test_status_help_says_fuzzy_includes_the_machine_translations(runner: CliRunner, project: Path) -> None:
    """The table's 'machine' and 'fuzzy' columns overlap (machine 11, fuzzy 11 for 11 entries);
    the help did not say so, and an editor adding them up counted twice."""
    run(runner, project, "sync", "--engine", "pseudo")
    rows = json.loads(run(runner, project, "status", "--json").output)["catalogues"]
    port = next(row for row in rows if row["article"] == "news/port" and row["lang"] == "ru")
    assert port["machine"] == port["fuzzy"] == port["total"] > 0
    text = " ".join(runner.invoke(cli, ["status", "--help"]).output.split())
    assert '"fuzzy" counts every entry flagged fuzzy, the unreviewed machine translations included' in text


def test_status_help_says_the_files_no_article_uses_follow_the_table(runner: CliRunner) -> None:
    """status lists the orphaned catalogues and versions after its table (the README says so),
    but its help named them only under --json, so an editor did not expect them there."""
    text = " ".join(runner.invoke(cli, ["status", "--help"]).output.split())
    assert "Below the table come the catalogues and published versions no article uses" in text


def test_report_counts_one_check_error_in_the_singular() -> None:
    from pipeline.cli import report_lines
    from pipeline.model import Finding, Severity
    from pipeline.sync import SyncReport

    report = SyncReport(findings=[Finding("numbers", Severity.ERROR, "number(s) not in the source: 15")])
    assert "  check findings: 1 (1 error); see 'pipeline check'" in report_lines(report)


def test_sync_without_articles_says_where_it_looked(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "notes.txt").write_text("Not read.\n", encoding="utf-8")
    result = run(runner, tmp_path, "sync", "--engine", "none")
    assert result.exit_code == 0
    assert "warning: no article in source/: put the Markdown articles (*.md) there" in result.output
    # The site publishes a .markdown file as Markdown: it is named, with the name to give it.
    (tmp_path / "source" / "draft.markdown").write_text("Not read.\n", encoding="utf-8")
    result = run(runner, tmp_path, "sync", "--engine", "none")
    assert result.exit_code == 1
    assert "source/draft.markdown: not read: only files whose names end in .md" in result.output
    assert "rename it to draft.md" in result.output


def test_enforced_checks_hold_a_reviewed_version_back_until_fixed_or_dismissed(runner: CliRunner,
                                                                               tmp_path: Path) -> None:
    from pipeline.catalogue import parse_po, render_po

    root = write_project(tmp_path / "p", {"a": "The port grew by 12 percent.\n\nIt opened in May.\n"},
                         'languages = ["en", "ru"]\n[publish]\nenforced_checks = ["numbers"]\n')
    assert runner.invoke(cli, ["--project", str(root), "sync", "--engine", "none"]).exit_code == 0
    path = root / "locale/ru/LC_MESSAGES/a.po"
    catalogue = parse_po(path.read_bytes())
    wrong = {"The port grew by 12 percent.": "Порт вырос на 15 процентов.", "It opened in May.": "Он открылся в мае."}
    for message in catalogue.active:
        message.msgstr = wrong[message.msgid]
    path.write_bytes(render_po(catalogue))
    synced = runner.invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    assert "held back a (ru): 1 failing a check of [publish] enforced_checks" in synced.output
    assert not (root / "public/ru/a.md").exists()
    assert runner.invoke(cli, ["--project", str(root), "status", "--json"]).output.count('"ready": false') == 1
    published = runner.invoke(cli, ["--project", str(root), "publish"])
    assert "held back a (ru)" in published.output and not (root / "public/ru/a.md").exists()
    # The desk decides the number is right: the check is dismissed on that entry.
    path.write_text(path.read_text(encoding="utf-8").replace('msgid "The port', '#, ignore-numbers\nmsgid "The port'),
                    encoding="utf-8")
    assert '"ready": true' in runner.invoke(cli, ["--project", str(root), "status", "--json"]).output
    runner.invoke(cli, ["--project", str(root), "publish"])
    assert "15 процентов" in (root / "public/ru/a.md").read_text(encoding="utf-8")


def test_check_json_tells_a_title_s_finding_from_a_paragraph_s_with_the_same_text(runner: CliRunner,
                                                                                 tmp_path: Path) -> None:
    """``check --json`` gave the msgid only, so a finding on a title and one on a paragraph
    that reads the same could not be told apart (nor matched to their entries)."""
    root = write_project(tmp_path / "p", {"a": "---\ntitle: Port grew by 12 percent\n---\n\nPort grew by 12 percent\n"},
                         'languages = ["en", "ru"]\n')
    run(runner, root, "sync", "--engine", "none")
    fill(root, "locale/ru/LC_MESSAGES/a.po",
         lambda m: "Порт вырос на 12 процентов" if m.msgctxt == "title" else "Порт вырос на 15 процентов")
    result = runner.invoke(cli, ["--project", str(root), "check", "--json"])
    findings = json.loads(result.output)["findings"]
    assert {(f["check"], f["msgctxt"], f["msgid"]) for f in findings} == {("numbers", None, "Port grew by 12 percent")}


def test_check_json_is_an_object_that_tells_malformed_files_from_findings(runner: CliRunner,
                                                                          tmp_path: Path) -> None:
    """Regression: ``check --json`` printed a bare list of findings, and a catalogue that could
    not be read went to stderr only, so a script reading the JSON saw a clean project. It is
    now ``{"findings": [...], "errors": [messages]}``, as ``status --json`` and ``sync --json``."""
    root = write_project(tmp_path / "p", {"a": "Port grew by 12 percent\n", "b": "The port opened.\n"},
                         'languages = ["en", "ru"]\n')
    run(runner, root, "sync", "--engine", "none")
    fill(root, "locale/ru/LC_MESSAGES/a.po", lambda m: "Порт вырос на 15 процентов")
    broken = root / "locale/ru/LC_MESSAGES/b.po"
    broken.write_bytes(broken.read_bytes() + b'\nmsgid "unterminated\n')
    result = runner.invoke(cli, ["--project", str(root), "check", "--json"])
    data = json.loads(result.stdout)
    assert set(data) == {"findings", "errors"}
    assert {(f["path"], f["check"]) for f in data["findings"]} == {("locale/ru/LC_MESSAGES/a.po", "numbers")}
    assert len(data["errors"]) == 1 and data["errors"][0].startswith("locale/ru/LC_MESSAGES/b.po:")
    assert result.exit_code == 1


def test_a_file_error_outranks_a_missing_model_under_strict(runner: CliRunner, project: Path) -> None:
    """Both apply: the exit code is 1 (the broken file first), as the README says."""
    (project / "models").mkdir()
    with (project / "pipeline.toml").open("a", encoding="utf-8") as config:
        config.write('\n[models]\ndir = "models"\n')
    run(runner, project, "sync", "--engine", "pseudo")
    broken = next((project / "locale").rglob("*.po"))
    broken.write_bytes(broken.read_bytes() + b'\nmsgid "unterminated\n')
    result = runner.invoke(cli, ["--project", str(project), "sync", "--strict"])
    assert result.exit_code == 1, result.output
    assert "no model" in result.output or "missing" in result.output.lower(), result.output


QUOTE_ARTICLE = """---
title: Port
---

{{< quote "We will grow" "Samir Karimov" >}}

He said {{< pullquote "A caption readers see" >}} today.

{% include callout.html "Read more" %}
"""
TEXT_ARGUMENTS = '[templates]\ntext_arguments = { quote = [1, 2], pullquote = [1], "callout.html" = [1] }\n'


def test_positional_text_arguments_are_extracted_translated_and_published(runner: CliRunner, tmp_path: Path) -> None:
    """A fresh project's sync makes the positional arguments that ``[templates]
    text_arguments`` names entries of their own; naming them later re-reads the articles
    (the run state hashes the settings), and the published version has their translations
    inside their quotes."""
    root = write_project(tmp_path, {"a": QUOTE_ARTICLE}, 'languages = ["en", "ru"]\n')
    assert run(runner, root, "sync", "--engine", "none").exit_code == 0
    assert "We will grow" not in (root / "locale/templates/a.pot").read_text(encoding="utf-8")
    (root / "pipeline.toml").write_text('languages = ["en", "ru"]\n' + TEXT_ARGUMENTS, encoding="utf-8")
    result = run(runner, root, "sync", "--engine", "none")
    assert result.exit_code == 0, result.output
    template = (root / "locale/templates/a.pot").read_text(encoding="utf-8")
    for line, msgid in ((5, "We will grow"), (5, "Samir Karimov"), (7, "A caption readers see"), (9, "Read more")):
        assert f'#. template argument\n#: source/a.md:{line}\nmsgid "{msgid}"\nmsgstr ""\n' in template
    fill(root, "locale/ru/LC_MESSAGES/a.po", lambda m: m.msgid if m.msgid.startswith("He said") else f'Р "{m.msgid}"')
    result = run(runner, root, "sync", "--engine", "none")
    assert result.exit_code == 0, result.output
    published = (root / "public/ru/a.md").read_text(encoding="utf-8")
    # Russian house style writes the translations' straight quotes as «»: none is left to escape.
    assert '{{< quote "Р «We will grow»" "Р «Samir Karimov»" >}}' in published
    assert 'He said {{< pullquote "Р «A caption readers see»" >}} today.' in published
    assert '{% include callout.html "Р «Read more»" %}' in published
    assert "nothing changed" in run(runner, root, "sync", "--engine", "none").output


def test_a_misspelt_text_arguments_setting_stops_the_run_with_its_line(runner: CliRunner, tmp_path: Path) -> None:
    root = write_project(tmp_path, {"a": QUOTE_ARTICLE}, '[templates]\ntext_arguments = { quote = ["1"] }\n')
    result = run(runner, root, "sync", "--engine", "none")
    assert result.exit_code == 2
    assert "pipeline.toml:2: [templates] text_arguments: quote must be a list of argument positions" in result.output
    assert not (root / "locale").exists()


def test_a_paragraph_brought_back_is_reported_as_restored_not_new(runner: CliRunner, project: Path) -> None:
    """Regression: a deleted paragraph put back in the source gets its reviewed translation
    back from the obsolete entry, yet the report said "new segments: ru 1" next to
    "awaiting review: none", as if it were new work; it is now counted as restored."""
    assert run(runner, project, "sync", "--engine", "none").exit_code == 0
    for rel in ("ru/LC_MESSAGES/news/port.po", "az/LC_MESSAGES/news/port.po",
                "en/LC_MESSAGES/fair.po", "az/LC_MESSAGES/fair.po"):
        fill(project, "locale/" + rel)
    source = project / "source" / "news" / "port.md"
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace("- more silos.\n", ""), encoding="utf-8")
    assert run(runner, project, "sync", "--engine", "none").exit_code == 0
    source.write_text(original, encoding="utf-8")
    result = run(runner, project, "sync", "--engine", "none", "--json")
    report = json.loads(result.output)
    assert report["new_segments"] == {} and report["restored_segments"] == {"az": 1, "ru": 1}
    assert not any(report["awaiting_review"].values())
    text = run(runner, project, "sync", "--engine", "none").output
    assert "new segments" not in text
    source.write_text(original.replace("- more silos.\n", ""), encoding="utf-8")
    run(runner, project, "sync", "--engine", "none")
    source.write_text(original, encoding="utf-8")
    text = run(runner, project, "sync", "--engine", "none").output
    assert "restored segments:   az 1, ru 1 (their translations are back)" in text and "new segments" not in text, text


def test_extract_says_nothing_about_review_it_does_not_know(runner: CliRunner, project: Path) -> None:
    """extract writes templates and reads no catalogue: 'awaiting review: none' on a fresh
    project (or last run's count on another) would be a claim it cannot make."""
    result = run(runner, project, "extract")
    assert result.exit_code == 0, result.output
    assert "awaiting review" not in result.output and "to translate/review" not in result.output
    run(runner, project, "update")
    assert "to translate/review: az 7, en 2, ru 5" in run(runner, project, "update").output
    assert "to translate/review" not in run(runner, project, "extract").output


def test_status_table_columns_line_up_with_wide_and_combining_characters(runner: CliRunner, project: Path) -> None:
    """Regression: the slug column was padded by code points, so a slug in CJK characters
    (two columns each) pushed its row right and one with a combining accent (no column)
    pulled it left: the numbers stood under the wrong headings on a terminal."""
    for slug in ("world/東京港", "world/cafe\u0301-society", "world/plain"):
        (project / "source" / f"{slug}.md").parent.mkdir(parents=True, exist_ok=True)
        (project / "source" / f"{slug}.md").write_text(ARTICLE_RU, encoding="utf-8")
    run(runner, project, "sync", "--engine", "none")
    lines = run(runner, project, "status").output.splitlines()
    import unicodedata

    def columns(text: str) -> int:
        return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
                   for c in text)

    header_at = columns(lines[0][:lines[0].index(" lang ") + 1])
    rows = [line for line in lines[1:] if line.startswith("world/")]
    assert len(rows) == 6, lines
    for line in rows:
        assert columns(line[:line.index(line.split()[1], len(line.split()[0]))]) == header_at, line


def test_status_and_sync_show_hidden_characters_of_a_slug_as_escapes(runner: CliRunner, project: Path) -> None:
    """Regression: a file name holding a bidi override (U+202E: 'bidi\u202egpj.md' shows as
    'bidimd.jpg') was printed as it is by 'status' and 'sync', so the terminal reordered the
    slug the editor read; review already wrote it as '\\u202e'."""
    slug = "world/bidi\u202egpj"
    (project / "source" / "world").mkdir(parents=True, exist_ok=True)
    (project / "source" / f"{slug}.md").write_text(ARTICLE_RU, encoding="utf-8")
    synced = run(runner, project, "sync", "--engine", "none")
    status = run(runner, project, "status")
    for result in (synced, status):
        assert "\u202e" not in result.output, result.output
        assert "world/bidi\\u202egpj" in result.output, result.output
    assert json.loads(run(runner, project, "status", "--json").output)["catalogues"][0]["article"]


def test_errors_show_hidden_characters_of_their_path_as_escapes(runner: CliRunner, project: Path) -> None:
    """Regression: an error's path and message were printed as they are, so a broken article
    named with a bidi override or an escape sequence garbled the one line that says where
    the problem is."""
    (project / "source" / "bad\u202egpj.md").write_text("---\ntitle: [broken\n---\n\nText.\n", encoding="utf-8")
    result = runner.invoke(cli, ["--project", str(project), "sync", "--engine", "none"], color=True)
    assert result.exit_code == 1
    assert "\u202e" not in result.output
    assert "source/bad\\u202egpj.md:2: invalid front matter" in result.output


def test_check_shows_control_characters_of_a_finding_as_escapes(runner: CliRunner, project: Path) -> None:
    """Regression: 'pipeline check' printed a finding's message as it is, and the message
    quotes the translation: an escape sequence in it (a URL pasted with '\\x1b[2J') cleared
    the translator's terminal instead of being shown, as 'review' shows it."""
    run(runner, project, "sync", "--engine", "none")
    fill(project, "locale/en/LC_MESSAGES/fair.po", lambda m: m.msgid + " see https://evil\x1b[2J.example/\u202eab")
    result = runner.invoke(cli, ["--project", str(project), "check"], color=True)
    assert result.exit_code == 3, result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output, result.output
    assert "\\x1b[2J" in result.output


def test_status_without_articles_says_where_it_looked(runner: CliRunner, tmp_path: Path) -> None:
    """Regression: 'status' on a project without articles printed the table's heading alone,
    which reads as "nothing to do" with no word of why; it now says what 'sync' says."""
    (tmp_path / "source").mkdir()
    result = run(runner, tmp_path, "status")
    assert result.exit_code == 0
    assert "no article in source/: put the Markdown articles (*.md) there" in result.output
    assert json.loads(run(runner, tmp_path, "status", "--json").output)["catalogues"] == []


def test_status_table_columns_line_up_with_long_language_codes(runner: CliRunner, tmp_path: Path) -> None:
    """Regression: the language column was five characters wide, so a code such as zh_Hant
    or sr_Latn pushed the numbers of its row two places right of their headings."""
    root = write_project(tmp_path, {"port": ARTICLE_EN}, 'languages = ["en", "ru", "zh_Hant", "sr_Latn"]\n')
    run(runner, root, "sync", "--engine", "none")
    lines = run(runner, root, "status").output.splitlines()
    total_end = lines[0].index("total") + len("total")
    rows = [line for line in lines[1:] if line.startswith("port ")]
    assert len(rows) == 3, lines
    for line in rows:
        assert line[:total_end].endswith(" " + line.split()[2]), (lines[0], line)


def test_sync_s_count_of_waiting_entries_does_not_contradict_its_held_back_lines(runner: CliRunner,
                                                                               project: Path) -> None:
    """Regression: the report's 'awaiting review: ru 17' counted the untranslated entries too,
    while the lines below it said '16 machine translations awaiting review; 1 untranslated':
    one phrase, two numbers. The count now says what it counts (the review queue's items)."""
    text = run(runner, project, "sync", "--engine", "none").output
    assert "awaiting review:" not in text
    assert "to translate/review: az 7, en 2, ru 5" in text
    assert "held back news/port (ru): 5 untranslated" in text


def test_the_command_runs_the_garbage_collector_less_often_than_python_does() -> None:
    """A sync allocates millions of acyclic objects: at CPython's default threshold (700)
    the collector took 12–20 % of a run's CPU (bench/RESULTS.md)."""
    script = ("import gc, sys\nfrom pipeline.cli import main\nsys.argv = ['pipeline', '--help']\n"
              "default = gc.get_threshold()[0]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
              "print(default, gc.get_threshold()[0])")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    default, threshold = map(int, done.stdout.split()[-2:])
    assert default == 700 and threshold >= 50 * default


def test_help_lists_every_command_s_own_summary_without_importing_the_library() -> None:
    """'pipeline --help' took a second, importing every command's module for its summary
    line; the lazy commands' summaries are written beside their module names instead, and
    must stay each command's own."""
    import importlib

    from pipeline.cli import LAZY_COMMANDS

    for name, (module, attribute, summary) in LAZY_COMMANDS.items():
        command = getattr(importlib.import_module(module), attribute)
        assert command.get_short_help_str(limit=200) == summary, name
    script = ("import sys\nfrom pipeline.cli import main\nsys.argv = ['pipeline', '--help']\n"
              "try:\n    main()\nexcept SystemExit:\n    pass\n"
              "print(sorted(m for m in sys.modules if m.startswith(('pipeline.', 'markdown_it', 'yaml', 'babel'))))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert "List what awaits a human" in done.stdout and "Check every translation" in done.stdout
    assert done.stdout.splitlines()[-1] == "['pipeline.cli', 'pipeline.errors']"


def test_status_help_explains_every_label_of_the_published_column() -> None:
    """Regression: ``status --help`` explained "stale", "ready" and "hand-written" but not
    "edited", the label the table shows for a version changed by hand after sync wrote it."""
    text = " ".join(CliRunner().invoke(cli, ["status", "--help"]).output.split())
    for label in ("stale", "ready", "hand-written", "edited"):
        assert f'"{label}" means' in text, label


def test_a_project_of_one_language_says_there_is_nothing_to_translate_into(tmp_path: Path) -> None:
    """languages = ["en"] (a list cut short): each sync wrote templates only and said nothing
    of why no catalogue ever appeared; status showed an empty table."""
    root = write_project(tmp_path, {"port": "---\ntitle: Port\n---\n\nThe port grew.\n"}, 'languages = ["en"]\n')
    for command in ("sync", "status"):
        result = CliRunner().invoke(cli, ["--project", str(root), command])
        assert result.exit_code == 0, result.output
        assert "warning: pipeline.toml lists one language, en, the articles' own" in result.output, result.output
    many = write_project(tmp_path / "many", {"port": "---\ntitle: Port\n---\n\nThe port grew.\n"},
                         'languages = ["en", "ru"]\n')
    assert "lists one language" not in CliRunner().invoke(cli, ["--project", str(many), "status"]).output


def test_status_names_a_glossary_sync_cannot_read(runner: CliRunner, project: Path) -> None:
    """Regression: with a malformed glossary, ``status`` showed its table and exited 0 while
    the ``sync`` it prepares for stopped on the glossary; it now names the glossary's line
    below the table and exits 1."""
    run(runner, project, "sync", "--engine", "none")
    (project / "locale" / "glossary.csv").write_text('en,ru\nPort of Baku,"Бакинский порт\n',
                                                     encoding="utf-8")
    result = runner.invoke(cli, ["--project", str(project), "status"])
    assert result.exit_code == 1
    assert "news/port" in result.stdout
    assert "locale/glossary.csv" in result.stderr


@pytest.mark.parametrize("command", [["sync", "--engine", "none"], ["status"], ["check"]])
def test_ctrl_c_says_what_it_left_and_exits_130(runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch,
                                               command: list[str]) -> None:
    """Regression: Ctrl-C ended a command with click's bare "Aborted!" and exit code 1, the
    README's code for a file's error; it now says that nothing is half-written and what to
    do, with the shell's code for an interrupted command, 130."""
    import pipeline.commands.check
    import pipeline.project
    import pipeline.sync

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    for module in (pipeline.sync, pipeline.project, pipeline.commands.check):
        for name in ("sync", "project_status", "iter_catalogues"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, interrupted)
    result = run(runner, project, *command)
    assert result.exit_code == 130, result.output
    assert "interrupted: no file was left half-written" in result.output and "run the command again" in result.output
    assert "Aborted" not in result.output


@pytest.mark.parametrize("command", ["sync", "translate"])
def test_a_misspelt_engine_is_a_usage_error_of_the_option(runner: CliRunner, tmp_path: Path, command: str) -> None:
    """Regression: '--engine agros' read "error: unknown translation engine 'agros'", like a
    pipeline.toml setting, and only after the source folder was looked for; it now names the
    option and the engine meant, before anything runs (here: no source folder at all)."""
    result = run(runner, tmp_path, command, "--engine", "agros")
    assert result.exit_code == 2
    assert "Invalid value for '--engine': unknown translation engine 'agros'; did you mean argos?" in result.output
    assert "use one of: argos, pseudo, none" in result.output and "no source folder" not in result.output


def test_glossary_says_where_the_missing_rows_go_and_what_they_hold(runner: CliRunner, tmp_path: Path) -> None:
    """Regression: 'pipeline glossary' listed the speakers without a row and stopped, so an
    editor with no glossary yet had names and no word of the file, its header or a row's
    contents; the line under the list says them (the glossary's own columns once it exists)."""
    quoted = "---\ntitle: Derby\nlang: en\n---\n\n\"We never stopped believing,\" said coach Gurban Gurbanov.\n"
    root = write_project(tmp_path, {"derby": quoted}, 'languages = ["az", "ru", "en"]\nsource_language = "en"\n')
    lines = run(runner, root, "glossary").output.splitlines()
    assert lines[0] == "Gurban Gurbanov\tderby\t1 quotation(s)"
    assert lines[1].startswith("1 speaker(s) without a glossary row: add a row per name to locale/glossary.csv "
                               "(a new file, whose first line is az,ru,en,kind,note)")
    (root / "locale").mkdir(exist_ok=True)
    (root / "locale/glossary.csv").write_text("en,ru,az,kind\nLeyla Huseynova,Лейла Гусейнова,Leyla Hüseynova,person\n",
                                              encoding="utf-8")
    assert "(its columns: en,ru,az,kind)" in run(runner, root, "glossary").output


def test_help_lists_the_exit_codes_the_readme_documents(runner: CliRunner) -> None:
    """A script's author reads 'pipeline --help', not the README: every exit code is there."""
    text = " ".join(runner.invoke(cli, ["--help"]).output.split())
    for code in ("0 done", "1 a file had an error", "2 wrong usage", "3 'check' found errors",
                 "4 '--strict'", "130 interrupted"):
        assert code in text, code


def test_check_says_how_to_settle_a_finding_and_the_dismissal_it_names_works(runner: CliRunner,
                                                                              tmp_path: Path) -> None:
    """Regression: 'check' listed its findings and a count, and said neither that the fix is
    in the catalogue nor how a finding judged wrong is dismissed; the line under them says
    both, and the dismissal it shows, followed to the letter, silences the finding."""
    root = write_project(tmp_path, {"fair": "Tickets cost between 10 and 50 manats.\n"}, 'languages = ["en", "ru"]\n')
    run(runner, root, "sync", "--engine", "none")
    fill(root, "locale/ru/LC_MESSAGES/fair.po", lambda m: "Билеты стоят от 10 до 500 манатов.")
    result = run(runner, root, "check")
    assert result.exit_code == 3
    assert result.output.splitlines()[-1].startswith("correct the translation at the line named, or, where a "
                                                     "finding is wrong")
    po = root / "locale/ru/LC_MESSAGES/fair.po"
    po.write_text(po.read_text(encoding="utf-8").replace("#: source/fair.md", "# ignore-numbers\n#: source/fair.md"),
                  encoding="utf-8")
    result = run(runner, root, "check")
    assert result.exit_code == 0 and "0 finding(s)" in result.output and "ignore-" not in result.output


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_says_what_it_counts_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its '69/406' counted distinct sentences while the report counted entries (600 of
    them): the label says sentences. In a pipe or CI log it draws nothing."""
    from pipeline.cli import _progress

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys, "stderr", _Terminal())
    with _progress() as update:
        assert update is not None
        update("Machine-translating sentences", 0, 10)
        update("Machine-translating sentences", 10, 10)
    assert "Machine-translating sentences" in sys.stderr.getvalue() and "10/10" in sys.stderr.getvalue()
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with _progress() as update:
        assert update is None
    monkeypatch.setattr(sys, "stderr", _Terminal())
    monkeypatch.setenv("CI", "true")
    with _progress() as update:
        assert update is None


def _articles(count: int) -> dict[str, str]:
    langs = ("en", "ru", "az")
    return {f"desk/story-{n}": f"---\ntitle: Story {n}\nlang: {langs[n % 3]}\n---\n\nParagraph {n} of the story.\n"
            for n in range(count)}


def _sync_with(stderr: io.StringIO, root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """``pipeline sync --json`` with stderr as given; what it printed on stdout."""
    stdout = io.StringIO()
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    cli.main(["--project", str(root), "sync", "--engine", "pseudo", "--json"], standalone_mode=False)
    monkeypatch.undo()
    return stdout.getvalue()


def test_a_long_sync_shows_its_stages_progress_on_a_terminal_only(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A first sync of thousands of articles drew nothing for half a minute: editors took
    it for hung. On a terminal each stage now counts articles (and catalogues) as the
    workers hand them back; piped, nothing is drawn, and the output is the same byte for byte."""
    drawn, piped = write_project(tmp_path / "drawn", _articles(20)), write_project(tmp_path / "piped", _articles(20))
    terminal, pipe = _Terminal(), io.StringIO()
    reports = [_sync_with(terminal, drawn, monkeypatch), _sync_with(pipe, piped, monkeypatch)]
    shown = terminal.getvalue()
    assert "Reading and updating articles" in shown and "20/20" in shown
    assert "Writing and publishing catalogues" in shown and "40/40" in shown
    assert pipe.getvalue() == ""
    assert reports[0] == reports[1] and json.loads(reports[0])["articles"] == 20
    assert [(path, data) for path, (data, *_) in snapshot_tree(drawn).items()] \
        == [(path, data) for path, (data, *_) in snapshot_tree(piped).items()]
    again = _Terminal()
    _sync_with(again, drawn, monkeypatch)
    assert "articles" not in again.getvalue()  # a no-op sync reads no article: no bar flashes by


def test_publish_before_any_sync_counts_the_entries_waiting(runner: CliRunner, project: Path) -> None:
    """Regression: 'publish' on a project no sync had run on said "to translate/review: none"
    above lines holding every version back as untranslated: it counted only the catalogues
    it read, and there were none. It now counts their entries, as 'status' and 'sync' do."""
    published = run(runner, project, "publish").output
    assert "held back news/port (ru): 5 untranslated" in published
    assert "to translate/review: az 7, en 2, ru 5" in published
    assert "to translate/review: az 7, en 2, ru 5" in run(runner, project, "sync", "--engine", "none").output
