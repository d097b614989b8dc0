"""``pipeline review``: the list, JSON, filters and the terminal walk, through the CLI."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Sequence

import pytest
from click.testing import CliRunner, Result

from pipeline.checks import CatalogueCheck, check_parts
from pipeline.cli import cli
from pipeline.commands import review as review_module
from pipeline.commands.review import checker_for as project_checker
from pipeline.commands.review import review_command
from pipeline.model import REVIEWED_COMMENT_PREFIX, Catalogue, EntryStatus, Finding, Severity
from pipeline.review import Checker
from tests.conftest import write_project

cli.add_command(review_command)

ARTICLE = """---
title: Port of Alat doubles its capacity
---

The port of Alat will double its capacity by 2027.

The work starts in June.
"""

CONFIG = 'languages = ["en", "ru", "az"]\nsource_language = "en"\n'
PO_RU = "locale/ru/LC_MESSAGES/port.po"


def run(root: Path, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args], input=input, catch_exceptions=False)


def use_checker(monkeypatch: pytest.MonkeyPatch, checker: Checker | None) -> None:
    """Make ``checker`` (or no checker) the project's entry checks, for the listing (which
    checks every catalogue at once, :func:`pipeline.checks.check_parts`) and for the walk's
    check of an edit; the corpus-level checks stay the real ones."""
    def parts(items: Sequence[tuple[str, str, str, Catalogue]], glossary: object = None, marks: object = None,
              jobs: int = 1) -> list[CatalogueCheck]:
        return [CatalogueCheck(tuple(
            replace(finding, path=rel, line=m.lineno, lang=tgt, msgid=m.msgid, msgctxt=m.msgctxt)
            for m in catalogue.active if m.translated and m.msgid_plural is None and checker is not None
            for finding in checker(m.msgid, m.msgstr, src, tgt) if finding.check not in m.dismissed_checks))
            for rel, src, tgt, catalogue in items]

    monkeypatch.setattr(review_module, "checker_for", lambda config: checker)
    monkeypatch.setattr(review_module, "check_parts", parts)


@pytest.fixture(autouse=True)
def _no_project_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counts in these tests must not depend on what the checks module flags today."""
    use_checker(monkeypatch, None)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = write_project(tmp_path / "p", {"port": ARTICLE}, CONFIG)
    assert run(project, "sync", "--engine", "pseudo").exit_code == 0
    return project


def entries(root: Path, lang: str = "ru") -> dict[str, dict[str, object]]:
    """Every entry of one catalogue, from the JSON of a fresh queue (all reasons)."""
    from pipeline.config import load_config
    from pipeline.review import build_queue

    version = build_queue(load_config(root), langs=[lang]).versions[0]
    return {i.msgid: {"msgstr": i.msgstr, "status": i.status} for i in version.entries}


def test_list_shows_source_translation_and_why(root: Path) -> None:
    result = run(root, "review", "--lang", "ru")
    assert result.exit_code == 0
    out = result.output
    assert "3 item(s) waiting in 1 language version(s)" in out
    assert f"{PO_RU}:" in out and "machine [title]" in out.replace("  ", " ")
    assert "source:      The port of Alat will double its capacity by 2027." in out
    assert "translation: " in out and "machine translation (pseudo" in out


def test_no_color_turns_the_colours_off_on_a_terminal(root: Path) -> None:
    """https://no-color.org: with ``NO_COLOR`` set, a terminal gets the queue without ANSI
    colours (click strips them only from output that is no terminal)."""
    args = ["--project", str(root), "review", "--lang", "ru"]
    coloured = CliRunner().invoke(cli, args, color=True)
    assert "\x1b[" in coloured.output
    plain = CliRunner(env={"NO_COLOR": "1"}).invoke(cli, args, color=True)
    assert plain.exit_code == 0 and "\x1b[" not in plain.output
    assert plain.output == CliRunner().invoke(cli, args).output


def test_list_says_when_a_catalogue_does_not_exist_yet(root: Path) -> None:
    """A new article's entries point at a .po file that only the next sync writes."""
    (root / "source" / "fresh.md").write_text("A new paragraph.\n", encoding="utf-8")
    out = run(root, "review", "--article", "fresh", "--lang", "ru").output
    assert "no catalogue yet: run 'pipeline sync' to create locale/ru/LC_MESSAGES/fresh.po" in out
    assert "no catalogue yet" not in run(root, "review", "--article", "port").output


def test_list_ends_with_what_to_do_next(root: Path) -> None:
    """Regression: the list ran to hundreds of items and ended on the last one, with no word
    of where the work is done or how to narrow it down; nothing follows "Nothing waits"."""
    lines = run(root, "review").output.splitlines()
    assert lines[-1].startswith("next: translate, correct and review these entries in their catalogues")
    assert "'pipeline review -i'" in lines[-1] and "--reason" in lines[-1] and "--html review.html" in lines[-1]
    assert run(root, "review", "--reason", "changed").output == "Nothing waits for review.\n"


def test_why_explains_a_rejected_machine_translation() -> None:
    from pipeline.commands.review import why
    from pipeline.review import ReviewItem

    item = ReviewItem(article="a", lang="ru", source_lang="en", path="x.po", line=3, position=0,
                      msgctxt=None, msgid="Text.", msgstr="", status=EntryStatus.UNTRANSLATED,
                      note="mt rejected: script: only 18% of letters in the ru script (pseudo 1)")
    assert why(item) == ("no translation yet: the machine translation was rejected (script: only 18% "
                         "of letters in the ru script (pseudo 1)); translate it by hand")


def test_json_schema(root: Path) -> None:
    result = run(root, "review", "--json", "--lang", "ru")
    data = json.loads(result.output)["items"]
    assert len(data) == 3
    assert set(data[0]) >= {"article", "lang", "path", "line", "msgctxt", "msgid", "msgstr", "reason",
                            "previous_msgid", "findings"}
    assert (data[0]["article"], data[0]["lang"], data[0]["path"], data[0]["reason"]) == (
        "port", "ru", PO_RU, "machine")
    assert data[0]["msgctxt"] == "title" and data[0]["previous_msgid"] is None and data[0]["findings"] == []


def test_json_is_an_object_that_tells_malformed_files_from_items(root: Path) -> None:
    """Regression: ``review --json`` printed a bare list of items, and a catalogue that could
    not be read went to stderr only, so a script reading the JSON took its entries for
    nothing waiting. It is now ``{"items": [...], "errors": [messages]}``, as ``status
    --json`` and ``sync --json``."""
    clean = json.loads(run(root, "review", "--json").output)
    assert set(clean) == {"items", "errors"} and clean["errors"] == [] and clean["items"]
    path = root / PO_RU
    path.write_bytes(path.read_bytes() + b'\nmsgid "unterminated\n')
    result = CliRunner().invoke(cli, ["--project", str(root), "review", "--json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert len(data["errors"]) == 1 and data["errors"][0].startswith(f"{PO_RU}:")
    assert {item["lang"] for item in data["items"]} == {"az"}


def test_reason_filter_and_nothing_to_do(root: Path) -> None:
    assert json.loads(run(root, "review", "--json", "--reason", "changed").output)["items"] == []
    assert "Nothing waits for review." in run(root, "review", "--reason", "untranslated").output
    assert run(root, "review", "--reason", "bogus").exit_code == 2


def test_unknown_language_or_article_is_a_usage_error(root: Path) -> None:
    """A misspelt filter must not read as "nothing waits for review" (exit 0)."""
    for args, words in [(("--lang", "xx"), "unknown language(s): xx"),
                        (("--article", "nope"), "no article 'nope'"),
                        (("--article", "source/port.md"), "did you mean: port?"),
                        (("--article", "prot"), "did you mean: port?")]:
        for mode in ((), ("--json",), ("-i",)):
            result = run(root, "review", *args, *mode)
            assert result.exit_code == 2, (args, mode, result.output)
            assert words in result.output and "Nothing waits" not in result.output
    assert run(root, "review", "--lang", "ru", "--article", "port").exit_code == 0


def test_a_selection_without_language_versions_says_so(root: Path) -> None:
    result = run(root, "review", "--lang", "en", "--article", "port")
    assert result.exit_code == 0
    assert "No language version matches this selection" in result.output
    assert json.loads(run(root, "review", "--json", "--lang", "en").output)["items"] == []


def test_escape_sequences_in_a_translation_are_shown_not_obeyed(root: Path) -> None:
    """A terminal obeys ESC sequences and carriage returns: a translation could conceal its own
    text and paint an innocent one over it, and the reviewer would accept what they never saw."""
    path = root / PO_RU
    text = path.read_text(encoding="utf-8")
    title = entries(root)["Port of Alat doubles its capacity"]["msgstr"]
    hidden = 'Порт\\x1b[8m ВСЁ ОТМЕНЕНО\\x1b[0m\\r\u202eПорт Алят'  # PO escapes, a raw U+202E
    path.write_text(text.replace(f'msgstr "{title}"', f'msgstr "{hidden}"'), encoding="utf-8")
    for args in (("review", "--lang", "ru"), ("review", "-i", "--lang", "ru")):
        out = run(root, *args, input="q\n").output
        assert "translation: Порт\\x1b[8m ВСЁ ОТМЕНЕНО\\x1b[0m\\r\\u202eПорт Алят" in out
        assert "\x1b" not in out and "\r" not in out and "\u202e" not in out
    data = json.loads(run(root, "review", "--json", "--lang", "ru").output)["items"]
    assert data[0]["msgstr"] == "Порт\x1b[8m ВСЁ ОТМЕНЕНО\x1b[0m\r\u202eПорт Алят"  # the data stays exact


def test_walk_with_piped_answers(root: Path) -> None:
    result = run(root, "review", "--lang", "ru", "--article", "port", "--interactive",
                 input="a\ns\ne\nМой перевод.\nq\n")
    assert result.exit_code == 0, result.output
    assert "accepted 1, edited 1, skipped 1; 1 item(s) still waiting" in result.output
    now = entries(root)
    assert now["Port of Alat doubles its capacity"]["status"] is EntryStatus.REVIEWED
    assert now["The port of Alat will double its capacity by 2027."]["status"] is EntryStatus.MACHINE
    assert now["The work starts in June."] == {"msgstr": "Мой перевод.", "status": EntryStatus.REVIEWED}
    text = (root / PO_RU).read_text(encoding="utf-8")
    assert text.count(f"# {REVIEWED_COMMENT_PREFIX}pseudo") == 2
    assert entries(root, "az")["The work starts in June."]["status"] is EntryStatus.MACHINE


def test_quit_and_end_of_input_keep_earlier_decisions(root: Path) -> None:
    result = run(root, "review", "-i", "--lang", "ru", input="a\n")
    assert result.exit_code == 0
    assert "Stopped. Every decision made so far is saved." in result.output
    assert sum(e["status"] is EntryStatus.REVIEWED for e in entries(root).values()) == 1


def test_unknown_answer_asks_again_and_empty_edit_cancels(root: Path) -> None:
    result = run(root, "review", "--walk", "--lang", "ru", input="x\ne\n\ns\nq\n")
    assert "please answer a, e, s or q" in result.output
    assert "no change" in result.output
    assert "accepted 0, edited 0, skipped 1" in result.output


def test_edit_through_editor_is_checked_and_saved(root: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "editor.py"
    script.write_text("import sys, pathlib\npathlib.Path(sys.argv[1]).write_text('Порт Алят.\\n', "
                      "encoding='utf-8')\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")

    def checker(source: str, translation: str, src: str, tgt: str) -> list[Finding]:
        if translation != "Порт Алят.":
            return []
        return [Finding("length", Severity.WARNING, "much shorter than the source")]

    use_checker(monkeypatch, checker)
    result = run(root, "review", "-i", "--lang", "ru", input="e\nq\n")
    assert "finding: warning: [length] much shorter than the source" in result.output
    assert entries(root)["Port of Alat doubles its capacity"] == {
        "msgstr": "Порт Алят.", "status": EntryStatus.REVIEWED}


def test_an_edit_in_the_walk_is_not_reported_for_a_check_dismissed_on_its_entry(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list leaves out a check dismissed on the entry (# ignore-length); the walk showed
    its finding again for the reviewer's own edit."""
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    po = root / PO_RU
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgctxt', '# ignore-length\nmsgctxt', 1), encoding="utf-8")

    def checker(source: str, translation: str, src: str, tgt: str) -> list[Finding]:
        return [Finding("length", Severity.WARNING, "much shorter than the source")]

    use_checker(monkeypatch, checker)
    result = run(root, "review", "-i", "--lang", "ru", input="e\nПорт Алят.\nq\n")
    assert "saved as reviewed" in result.output, result.output
    assert "finding: warning" not in result.output, result.output


def test_walk_counts_items_left_with_the_same_checks(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reviewed entries with findings still wait after the walk: the closing count says so."""
    def checker(source: str, translation: str, src: str, tgt: str) -> list[Finding]:
        return [Finding("numbers", Severity.ERROR, "2027 is missing")] if "2027" in source else []

    assert "accepted 3" in run(root, "review", "-i", "--lang", "ru", input="a\na\na\n").output
    use_checker(monkeypatch, checker)
    result = run(root, "review", "-i", "--lang", "ru", "--reason", "findings", input="s\n")
    assert "skipped 1; 1 item(s) still waiting in this selection" in result.output
    result = run(root, "review", "-i", "--lang", "ru", input="s\n")
    assert "skipped 1; 1 item(s) still waiting in this selection" in result.output


def test_walk_ends_with_the_command_that_publishes_what_it_completed(root: Path) -> None:
    """Regression: a walk that accepted every item ended on its tally, and the reviewer took
    the version for published; a review publishes nothing until the next sync."""
    skipped = run(root, "review", "-i", "--lang", "ru", input="s\nq\n").output
    assert "'pipeline sync' publishes" not in skipped
    accepted = run(root, "review", "-i", "--lang", "ru", input="a\na\na\n").output
    assert accepted.splitlines()[-1] == "'pipeline sync' publishes every language version now fully reviewed"
    assert not (root / "public/ru/port.md").exists()
    assert run(root, "sync", "--engine", "pseudo").exit_code == 0
    assert (root / "public/ru/port.md").exists()


def test_walk_shows_plural_forms_refuses_to_edit_them_and_accepts(root: Path) -> None:
    path = root / PO_RU
    path.write_text(path.read_text(encoding="utf-8") + '\n# mt: pseudo 1\n#, fuzzy\nmsgid "one berth"\n'
                    'msgid_plural "%d berths"\nmsgstr[0] "%d причал"\nmsgstr[1] "%d причала"\n'
                    'msgstr[2] "%d причалов"\n', encoding="utf-8")
    result = run(root, "review", "-i", "--lang", "ru", input="s\ns\ns\ne\na\n")
    out = result.output
    assert "plural:      %d berths" in out and "form [2]:    %d причалов" in out
    assert "a plural entry is edited in a PO editor" in out
    assert "accepted 1, edited 0, skipped 3" in out
    assert "msgstr[2] \"%d причалов\"" in path.read_text(encoding="utf-8")
    assert entries(root)["one berth"]["status"] is EntryStatus.REVIEWED


def test_untranslated_items_cannot_be_accepted(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", {"port": ARTICLE}, CONFIG)
    run(project, "sync", "--engine", "none")
    result = run(project, "review", "-i", "--lang", "ru", input="a\ne\nПорт.\nq\n")
    assert "nothing to accept" in result.output
    assert "no translation yet (no en→ru model" in result.output
    assert entries(project)["Port of Alat doubles its capacity"]["status"] is EntryStatus.REVIEWED


def test_walk_reports_an_entry_changed_on_disk(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PO editor saves the same entry while the reviewer looks at it: nothing is overwritten."""
    path = root / PO_RU
    real_prompt = review_module.click.prompt

    def prompt_after_concurrent_edit(*args: object, **kwargs: object) -> object:
        text = path.read_text(encoding="utf-8")
        title = entries(root)["Port of Alat doubles its capacity"]["msgstr"]
        path.write_text(text.replace(f'msgstr "{title}"', 'msgstr "Чужая правка"'), encoding="utf-8")
        return real_prompt(*args, **kwargs)

    monkeypatch.setattr(review_module.click, "prompt", prompt_after_concurrent_edit)
    result = run(root, "review", "-i", "--lang", "ru", input="a\nq\n")
    assert "not saved: the translation changed on disk meanwhile; it now reads: Чужая правка" in result.output
    assert entries(root)["Port of Alat doubles its capacity"]["msgstr"] == "Чужая правка"


def test_html_option_writes_a_page(root: Path, tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    result = run(root, "review", "--html", str(page))
    assert result.exit_code == 0 and f"wrote {page}" in result.output
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing = tmp_path / "no-such-folder" / "review.html"
    result = CliRunner().invoke(cli, ["--project", str(root), "review", "--html", str(missing)])
    assert result.exit_code == 2 and "no such folder" in result.output  # a usage error, as '--html <folder>' is
    assert not missing.parent.exists()  # a mistyped path creates nothing


@pytest.mark.parametrize("target", ["source/port.md", PO_RU, "pipeline.toml", "locale/templates/port.pot"])
def test_html_never_writes_over_a_file_that_is_no_html_page(root: Path, target: str) -> None:
    """Regression: '--html source/port.md' (a slip of tab completion) replaced the article
    with the review page, and '--html locale/ru/LC_MESSAGES/port.po' every translation of a
    catalogue, without a word. A file that is no HTML page is refused and left as it was (a
    usage error, exit 2, as '--html <folder>' is); an earlier review page is replaced as before."""
    before = (root / target).read_bytes()
    result = CliRunner().invoke(cli, ["--project", str(root), "review", "--html", str(root / target)])
    assert result.exit_code == 2, result.output
    assert "is no HTML page" in result.output and "review.html" in result.output, result.output
    assert (root / target).read_bytes() == before
    page = root / "review.html"
    page.write_text("<!doctype html>\n<html><body>old page</body></html>\n", encoding="utf-8")
    assert run(root, "review", "--html", str(page)).exit_code == 0
    assert "old page" not in page.read_text(encoding="utf-8")


def test_walk_cannot_be_combined_with_json(root: Path) -> None:
    assert run(root, "review", "-i", "--json").exit_code == 2


def test_review_reads_the_glossary_as_sync_does(root: Path) -> None:
    """A glossary column for a language the project does not publish (shared glossaries have
    them) is accepted by sync, so the review must accept it too; its errors name the file
    relative to the project."""
    from pipeline.config import load_config

    glossary = root / "locale" / "glossary.csv"
    glossary.write_text("en,ru,az,fr\nAlat,Алят,Ələt,Alat\n", encoding="utf-8")
    assert project_checker(load_config(root)) is not None  # used to refuse the 'fr' column
    assert run(root, "sync", "--engine", "pseudo").exit_code == 0
    glossary.write_text("en,ru\nAlat,Алят,extra\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(root), "check"])
    assert result.exit_code != 0
    assert "locale/glossary.csv:2:" in result.output
    assert str(root) not in result.output


def test_queue_lists_a_quotation_translated_two_ways_across_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The queue's findings are the ones `pipeline check` reports, the corpus-level
    quote-divergence included, even when --article selects only one of the articles."""
    from pipeline.catalogue import parse_po, render_po

    quote = "“We will not sell the gas fields,” said Rashad Karimov."
    project = write_project(tmp_path / "q", {"a": f"---\ntitle: A\n---\n\n{quote}\n",
                                             "b": f"---\ntitle: B\n---\n\n{quote}\n"},
                            'languages = ["en", "ru"]\nsource_language = "en"\n')
    assert run(project, "sync", "--engine", "pseudo").exit_code == 0
    for slug, said in (("a", "«Мы не продадим газовые месторождения», — сказал Рашад Керимов."),
                       ("b", "«Мы не будем продавать месторождения газа», — сказал Рашад Керимов.")):
        path = project / f"locale/ru/LC_MESSAGES/{slug}.po"
        catalogue = parse_po(path.read_bytes(), str(path))
        for message in catalogue.active:
            message.msgstr = said if message.msgid == quote else slug.upper()
            message.fuzzy = False
        path.write_bytes(render_po(catalogue))
    monkeypatch.setattr(review_module, "checker_for", project_checker)
    monkeypatch.setattr(review_module, "check_parts", check_parts)
    checked = run(project, "check")
    assert "[quote-divergence]" in checked.output
    data = json.loads(run(project, "review", "--json", "--article", "b").output)["items"]
    assert [(item["msgid"], [f["check"] for f in item["findings"]]) for item in data] == [
        (quote, ["quote-divergence"])]
    assert "locale/ru/LC_MESSAGES/a.po:" in data[0]["findings"][0]["message"]
    listed = run(project, "review", "--reason", "findings").output
    assert "finding:     warning: [quote-divergence] quotation translated differently from" in listed
    # A reviewer who judges the wording right dismisses the check on the entry: it leaves the
    # queue, and `pipeline check` no longer reports it there.
    path = project / "locale/ru/LC_MESSAGES/b.po"
    catalogue = parse_po(path.read_bytes(), str(path))
    next(m for m in catalogue.active if m.msgid == quote).flags.append("ignore-quote-divergence")
    path.write_bytes(render_po(catalogue))
    assert json.loads(run(project, "review", "--json", "--article", "b").output)["items"] == []
    assert "b.po" not in run(project, "check").output
    assert "ignore-quote-divergence" in path.read_text(encoding="utf-8")
    assert run(project, "sync", "--engine", "pseudo").exit_code == 0
    assert "#, ignore-quote-divergence" in path.read_text(encoding="utf-8")  # sync keeps the flag


def test_why_tells_a_reused_reviewed_translation_from_a_machine_one() -> None:
    """Regression: an entry filled from the translation memory (a person's reviewed
    translation of the same text elsewhere) waited as "machine translation (translation
    memory (…)) not yet reviewed", and a similar text's reviewed translation from a renamed
    or deleted article's catalogue as "the source changed since this was translated", though
    nobody translated this entry and nothing in its source changed: the reviewer was told
    neither what the text is nor where it came from."""
    from pipeline.commands.review import why
    from pipeline.review import ReviewItem

    def item(status: EntryStatus, provenance: str) -> ReviewItem:
        return ReviewItem(article="a", lang="ru", source_lang="en", path="x.po", line=3, position=0,
                          msgctxt=None, msgid="Text.", msgstr="Текст.", status=status, provenance=provenance)

    assert why(item(EntryStatus.MACHINE, "translation memory (locale/ru/LC_MESSAGES/b.po)")) == (
        "a reviewed translation of the same text, from locale/ru/LC_MESSAGES/b.po: check that it fits here")
    assert why(item(EntryStatus.CHANGED, "translation memory, similar text (locale/ru/LC_MESSAGES/old.po)")) == (
        "the reviewed translation of a similar text (the previous source text), from "
        "locale/ru/LC_MESSAGES/old.po, a catalogue no article uses: check it against the difference")
    assert why(item(EntryStatus.MACHINE, "pseudo 1")) == "machine translation (pseudo 1) not yet reviewed"
    assert why(item(EntryStatus.CHANGED, "")).startswith("the source changed since this was translated")


def test_walk_and_html_messages_show_hidden_characters_of_paths_as_escapes(tmp_path: Path) -> None:
    """Regression: the walk's 'saved as reviewed in <catalogue>' and the '--html' confirmation
    printed their paths as they are, so a slug holding a bidi override (U+202E) was
    reordered by the terminal in the one line that says which file changed."""
    project = write_project(tmp_path / "p", {"bidi\u202egpj": ARTICLE}, CONFIG)
    assert run(project, "sync", "--engine", "pseudo").exit_code == 0
    walked = run(project, "review", "--lang", "ru", "-i", input="a\nq\n")
    page = run(project, "review", "--html", str(tmp_path / "page\u202elmth.html"))
    for result in (walked, page):
        assert "\u202e" not in result.output, result.output
    assert "saved as reviewed in locale/ru/LC_MESSAGES/bidi\\u202egpj.po" in walked.output
    assert "page\\u202elmth.html" in page.output


def test_a_page_that_cannot_be_written_says_what_to_do(root: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: '--html' into a folder that cannot take it (read-only, full disk) printed
    'cannot write the page: Permission denied' with no hint, unlike every other error."""
    def refuse(path: Path, data: bytes) -> bool:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(review_module, "write_if_changed", refuse)
    result = CliRunner().invoke(cli, ["--project", str(root), "review", "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "cannot write the page: Permission denied" in result.output
    assert "hint: " in result.output


def test_a_decision_made_while_a_sync_holds_the_lock_is_not_the_end_of_the_walk(
        root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: while a long 'pipeline sync' held the project lock, an answer in the walk
    waited ten silent seconds, then the walk stopped with exit code 1, and the translation the
    reviewer had just typed was gone. The walk now says it waits, and when the lock stays
    taken it says the decision was not saved, shows the typed text again and asks again."""
    from pipeline.errors import LockError

    waits: list[float] = []

    def locked(config, item, decision, translation=None, *, lock_wait=10.0):  # type: ignore[no-untyped-def]
        waits.append(lock_wait)
        raise LockError("another pipeline command is running", path=".pipeline/lock", hint="wait for it")

    monkeypatch.setenv("VISUAL", "")
    monkeypatch.setenv("EDITOR", "")
    monkeypatch.setattr(review_module, "save_decision", locked)
    result = run(root, "review", "-i", "--lang", "ru", input="e\nМой долгий перевод.\ns\nq\n")
    assert result.exit_code == 0, result.output
    assert "waiting" in result.output and "not saved" in result.output
    assert "Мой долгий перевод." in result.output.split("not saved", 1)[1]
    assert "accepted 0, edited 0, skipped 1" in result.output
    assert waits and waits[0] == 0


def test_a_line_break_in_a_translation_cannot_pass_for_another_field(root: Path) -> None:
    """Regression: a translation's line break was printed as it is, so its next line stood at
    the start of a row and read as one of the item's own fields ('    why: reviewed'): a
    reviewer could accept text the list had shown as something else. Continuation lines
    now stand indented under the text they belong to, in the list and in the walk."""
    path = root / PO_RU
    text = path.read_text(encoding="utf-8")
    title = entries(root)["Port of Alat doubles its capacity"]["msgstr"]
    forged = "Порт Алят\\n    why:         reviewed, nothing to check"
    path.write_text(text.replace(f'msgstr "{title}"', f'msgstr "{forged}"'), encoding="utf-8")
    for args in (("review", "--lang", "ru"), ("review", "-i", "--lang", "ru")):
        lines = run(root, *args, input="q\n").output.splitlines()
        at = lines.index("    translation: Порт Алят")
        assert lines[at + 1] == " " * 17 + "    why:         reviewed, nothing to check", lines
        assert not any(line.startswith("    why:         reviewed") for line in lines), lines


def test_a_read_only_catalogue_in_the_walk_is_reported_and_the_typed_text_kept(root: Path) -> None:
    """A catalogue made read-only was replaced by the save's rename all the same; refused
    now, the error must not end the walk and lose the translation the reviewer typed."""
    path = root / PO_RU
    path.chmod(0o444)
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["--project", str(root), "review", "-i", "--lang", "ru"],
                                input="e\nМой перевод.\ns\nq\n")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert f"{PO_RU}: the file is read-only" in result.stderr, result.output
    assert "your translation, to paste again: Мой перевод." in result.output
    assert "skipped 1" in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize("edited, message", [
    (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "in another encoding than UTF-8"),
    ("Порт\x00 вырос", "control character (\\x00)"),
    ("Порт \x1b[31mвырос", "control character (\\x1b)"),
])
def test_an_edit_the_catalogue_cannot_hold_is_refused_and_the_walk_goes_on(
        root: Path, monkeypatch: pytest.MonkeyPatch, edited: object, message: str) -> None:
    """Regression: an editor saving in a code page (Notepad's ANSI) ended the walk with a
    traceback, and a NUL or a terminal colour code in the edited text was refused by the
    write as 'NUL byte in the file (binary or corrupted?)', with advice to restore a file
    that was never broken. Now the edit is refused with the reason, the catalogue is left
    as it was, and the walk goes on."""
    def edit(*args: object, **kwargs: object) -> str:
        if isinstance(edited, Exception):
            raise edited
        return str(edited)

    monkeypatch.setenv("VISUAL", "any-editor")
    monkeypatch.setattr(review_module.click, "edit", edit)
    before = (root / PO_RU).read_bytes()
    result = CliRunner().invoke(cli, ["--project", str(root), "review", "-i", "--lang", "ru"], input="e\ns\nq\n")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    assert "not saved: " in result.output and message in result.output, result.output
    assert "skipped 1" in result.output and (root / PO_RU).read_bytes() == before


def test_a_typed_translation_holding_a_control_character_is_refused(root: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISUAL", "")
    monkeypatch.setenv("EDITOR", "")
    before = (root / PO_RU).read_bytes()
    result = run(root, "review", "-i", "--lang", "ru", input="e\nПорт\x07 вырос\nq\n")
    assert "control character (\\x07)" in result.output, result.output
    assert (root / PO_RU).read_bytes() == before


def test_the_queue_shows_the_findings_check_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The queue used to check each entry alone, while ``check`` (and ``sync``) read it in its
    article's context (a speaker named by a surname the article introduced earlier); it now
    takes its findings from the same catalogue checks, run over both cores, for the whole
    project or the selected articles."""
    from pipeline.catalogue import parse_po, render_po

    article = ("---\ntitle: Port\n---\n\nThe port handled 1.2 million tonnes in May, said Rashad Karimov.\n\n"
               "“We will double it by 2027,” Karimov said.\n")
    translations = {"Port": "Порт",
                    "The port handled 1.2 million tonnes in May, said Rashad Karimov.":
                        "Порт обработал 1,5 млн тонн в мае, сообщил Рашад Керимов.",
                    "“We will double it by 2027,” Karimov said.": "«Мы удвоим его к 2029 году», — сказал Гасанов."}
    project = write_project(tmp_path / "q", {"a": article, "b": article.replace("Port", "Harbour")},
                            'languages = ["en", "ru"]\nsource_language = "en"\n')
    assert run(project, "sync", "--engine", "pseudo").exit_code == 0
    for slug in ("a", "b"):
        path = project / f"locale/ru/LC_MESSAGES/{slug}.po"
        catalogue = parse_po(path.read_bytes(), str(path))
        for message in catalogue.active:
            message.msgstr = translations.get(message.msgid, "Гавань")
            message.fuzzy = False
        path.write_bytes(render_po(catalogue))
    monkeypatch.setattr(review_module, "check_parts", check_parts)
    checked = {(f["path"], f["line"], f["check"]) for f in json.loads(run(project, "check", "--json").output)["findings"]}
    items = json.loads(run(project, "review", "--json").output)["items"]
    listed = {(item["path"], item["line"], f["check"]) for item in items for f in item["findings"]}
    assert listed == checked and {"numbers", "speaker"} <= {check for _, _, check in checked}
    only_b = json.loads(run(project, "review", "--json", "--article", "b").output)["items"]
    assert {(item["path"], item["line"], f["check"]) for item in only_b for f in item["findings"]} == {
        where for where in checked if where[0].endswith("/b.po")}


def test_catalogues_checked_over_several_workers_give_what_one_process_gives(tmp_path: Path) -> None:
    from pipeline.catalogue import parse_po
    from pipeline.parallel import MIN_TASKS_PER_WORKER

    count = 2 * MIN_TASKS_PER_WORKER + 1
    project = write_project(tmp_path / "w", {f"a{n}": f"---\ntitle: Port {n}\n---\n\nThe port handled {n} tonnes, "
                                                     f"“a record,” said Rashad Karimov.\n" for n in range(count)},
                            'languages = ["en", "ru"]\nsource_language = "en"\n')
    assert run(project, "sync", "--engine", "pseudo").exit_code == 0
    items = []
    for n in range(count):
        path = project / f"locale/ru/LC_MESSAGES/a{n}.po"
        catalogue = parse_po(path.read_bytes(), str(path))
        for message in catalogue.active:
            message.msgstr = f"Порт обработал {n + 1} тонн, «рекорд», — сказал Рашад Керимов."
        items.append((str(path), "en", "ru", catalogue))
    assert check_parts(items, jobs=2) == check_parts(items, jobs=1)
    assert any(part.findings for part in check_parts(items, jobs=1))
