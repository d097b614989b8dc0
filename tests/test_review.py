"""The review queue: what waits, why, in which order, and how decisions are saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from pipeline.cli import cli
from pipeline.commands.review import why
from pipeline.config import DEFAULT_FRONT_MATTER_KEYS, load_config
from pipeline.errors import LockError, ReviewError
from pipeline.extract import build_template
from pipeline.fileio import ProjectLock
from pipeline.markdown import read_article
from pipeline.model import (
    MT_COMMENT_PREFIX,
    MT_REJECTED_PREFIX,
    REVIEWED_COMMENT_PREFIX,
    EntryStatus,
    Finding,
    Message,
    Severity,
)
from pipeline.review import (
    Decision,
    DiffOp,
    Outcome,
    accept_message,
    build_queue,
    edit_message,
    language_version,
    reading_order,
    render_word_diff,
    save_decision,
    visible,
    word_diff,
)
from pipeline.update import update_catalogue
from tests.conftest import write_project

PORT = """---
title: Port of Alat doubles its capacity
description: The expansion adds two berths and a rail link.
---

The port of Alat will double its capacity by 2027, officials said on Monday.

## Details

- two new berths;
- a rail link to the main line.

The work starts in June.
"""

SHORT = """---
title: Short note
---

One paragraph only.
"""

CONFIG = 'languages = ["en", "ru"]\nsource_language = "en"\n'


def sync(root: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output


def project(tmp_path: Path, articles: dict[str, str] | None = None, engine: str = "pseudo") -> Path:
    root = write_project(tmp_path / "p", articles or {"port": PORT}, CONFIG)
    sync(root, "--engine", engine)
    return root


def po_path(root: Path, slug: str = "port", lang: str = "ru") -> Path:
    return root / "locale" / lang / "LC_MESSAGES" / f"{slug}.po"


def article(text: str, slug: str = "a"):  # type: ignore[no-untyped-def]
    return read_article(text.encode(), path=f"source/{slug}.md", slug=slug, default_lang="en",
                        front_matter_keys=DEFAULT_FRONT_MATTER_KEYS)


# --------------------------------------------------------------------------- building the queue


def test_machine_translations_wait_in_reading_order(tmp_path: Path) -> None:
    root = project(tmp_path)
    queue = build_queue(load_config(root))
    items = queue.items
    assert {i.reason for i in items} == {"machine"}
    assert [i.msgid for i in items][:3] == [
        "Port of Alat doubles its capacity",
        "The expansion adds two berths and a rail link.",
        "The port of Alat will double its capacity by 2027, officials said on Monday.",
    ]
    first = items[0]
    assert (first.article, first.lang, first.path) == ("port", "ru", "locale/ru/LC_MESSAGES/port.po")
    assert first.line > 0 and first.msgctxt == "title" and first.provenance
    assert first.msgstr and first.status is EntryStatus.MACHINE


def test_an_emptied_machine_translation_is_not_shown_as_machine_output(tmp_path: Path) -> None:
    """Regression: a translator emptied a machine translation (to translate it from scratch)
    and the queue still gave the empty entry the engine's provenance until the next sync."""
    from pipeline.catalogue import parse_po, render_po

    root = project(tmp_path)
    path = po_path(root)
    catalogue = parse_po(path.read_bytes(), "port.po")
    emptied = catalogue.active[0]
    emptied.msgstr = ""
    path.write_bytes(render_po(catalogue))
    items = {item.msgid: item for item in build_queue(load_config(root)).items}
    assert items[emptied.msgid].reason == "untranslated" and items[emptied.msgid].provenance is None
    assert all(item.provenance for msgid, item in items.items() if msgid != emptied.msgid)


def test_lead_paragraph_comes_before_a_leading_heading() -> None:
    source = article("---\ntitle: T\n---\n\n# Big heading\n\nThe lead.\n\nMore text.\n")
    order = sorted(reading_order(source).items(), key=lambda kv: kv[1])
    assert [key[1] for key, _ in order] == ["T", "The lead.", "Big heading", "More text."]



def test_the_lead_in_the_queue_is_the_lead_publishing_requires() -> None:
    """Regression: the queue's lead was the first paragraph entry, so a table's caption
    (``Table: …``) or a footnote came before the real lead, which ``require_review = ["lead"]``
    (``publish.is_lead``) finds further down."""
    source = article("---\ntitle: T\n---\n\nTable: Cap\n\n| a |\n|---|\n| b |\n\nThe lead.\n")
    order = sorted(reading_order(source).items(), key=lambda kv: kv[1])
    assert [key[1] for key, _ in order][:2] == ["T", "The lead."]

def test_version_without_catalogue_lists_every_segment_untranslated() -> None:
    version = language_version(article(SHORT), "ru", "locale/ru/LC_MESSAGES/a.po", None)
    assert not version.exists
    assert [(i.msgid, i.reason) for i in version.entries] == [
        ("Short note", "untranslated"), ("One paragraph only.", "untranslated")]


def test_groups_closest_to_publication_come_first(tmp_path: Path) -> None:
    root = project(tmp_path, {"port": PORT, "short": SHORT})
    queue = build_queue(load_config(root))
    assert [(v.article, v.lang) for v in queue.versions] == [("short", "ru"), ("port", "ru")]
    assert [i.article for i in queue.items] == ["short"] * 2 + ["port"] * 7


def test_filters_by_language_article_and_reason(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {"port": PORT, "short": SHORT},
                         'languages = ["en", "ru", "az"]\nsource_language = "en"\n')
    sync(root, "--engine", "pseudo")
    config = load_config(root)
    assert {i.lang for i in build_queue(config, langs=["az"]).items} == {"az"}
    assert {i.article for i in build_queue(config, articles=["short"]).items} == {"short"}
    assert build_queue(config, reasons=["changed"]).items == []
    with pytest.raises(ReviewError):
        build_queue(config, reasons=["bogus"])


def test_changed_source_shows_previous_msgid(tmp_path: Path) -> None:
    root = project(tmp_path)
    _accept_all(root)
    source = root / "source" / "port.md"
    source.write_text(PORT.replace("The work starts in June.", "The work starts in July."), encoding="utf-8")
    sync(root, "--engine", "pseudo")
    items = build_queue(load_config(root)).items
    assert [(i.reason, i.msgid, i.previous_msgid) for i in items] == [
        ("changed", "The work starts in July.", "The work starts in June.")]


def test_untranslated_entries_say_why(tmp_path: Path) -> None:
    root = project(tmp_path, engine="fake-empty")
    items = build_queue(load_config(root)).items
    assert items and {i.reason for i in items} == {"untranslated"}
    assert all(i.note and i.note.startswith(MT_REJECTED_PREFIX) for i in items)
    bare = project(tmp_path / "none", engine="none")
    assert {(i.reason, i.note) for i in build_queue(load_config(bare)).items} == {("untranslated", None)}


def test_checker_findings_keep_reviewed_entries_waiting(tmp_path: Path) -> None:
    root = project(tmp_path)
    _accept_all(root)

    def checker(source: str, translation: str, src: str, tgt: str) -> list[Finding]:
        if "2027" in source:
            return [Finding("numbers", Severity.ERROR, "2027 is missing")]
        if "June" in source:
            return [Finding("style", Severity.INFO, "just a note")]
        return []

    queue = build_queue(load_config(root), checker=checker)
    [item] = queue.items
    assert item.reason == "findings" and item.status is EntryStatus.REVIEWED
    [finding] = item.findings
    assert (finding.path, finding.lang, finding.line) == (item.path, "ru", item.line)
    assert build_queue(load_config(root), checker=checker, reasons=["machine"]).items == []


def test_a_reviewed_translation_of_spaces_only_waits_as_untranslated(tmp_path: Path) -> None:
    """Regression: sync held a version back over an entry translated as spaces only, yet
    the review queue said "Nothing waits for review", so no editor could find the entry."""
    root = project(tmp_path, {"short": SHORT})
    _accept_all(root)
    path = po_path(root, "short")
    text = path.read_text(encoding="utf-8")
    translated = text.split('msgid "One paragraph only."\nmsgstr "', 1)[1].split('"', 1)[0]
    path.write_text(text.replace(f'msgstr "{translated}"', 'msgstr "   "'), encoding="utf-8")
    [item] = build_queue(load_config(root)).items
    assert item.msgid == "One paragraph only." and item.reason == "untranslated"
    assert not item.has_translation  # nothing to accept: the reviewer must write one
    assert why(item).startswith("translated as spaces only")
    from pipeline.project import project_status
    [row] = [r for r in project_status(load_config(root))[0] if r.path == str(path.relative_to(root))]
    assert row.untranslated == 1 and row.reviewed == row.total - 1 and not row.ready  # status agrees
    # Regression: the queue's own progress still counted the entry as reviewed ("1 waiting
    # (3/3 reviewed, 100%)") where status says one less.
    [version] = [v for v in build_queue(load_config(root)).versions if v.path == row.path]
    assert (version.reviewed, version.unreviewed) == (row.reviewed, 1)
    assert version.percent_reviewed == row.percent_reviewed


def test_findings_filter_selects_any_waiting_item_with_findings(tmp_path: Path) -> None:
    root = project(tmp_path)

    def checker(source: str, translation: str, src: str, tgt: str) -> list[Finding]:
        return [Finding("numbers", Severity.WARNING, "check")] if "2027" in source else []

    items = build_queue(load_config(root), checker=checker, reasons=["findings"]).items
    assert [(i.reason, bool(i.findings)) for i in items] == [("machine", True)]


def test_clearing_fuzzy_in_a_po_editor_removes_the_item(tmp_path: Path) -> None:
    root = project(tmp_path)
    before = build_queue(load_config(root)).items
    path = po_path(root)
    text = path.read_text(encoding="utf-8")
    assert text.count("#, fuzzy\n") == len(before)
    path.write_text(text.replace("#, fuzzy\n", "", 1), encoding="utf-8")
    after = build_queue(load_config(root)).items
    assert len(after) == len(before) - 1
    assert before[0].key not in {i.key for i in after}


def test_broken_catalogue_is_reported_and_others_still_listed(tmp_path: Path) -> None:
    root = project(tmp_path, {"port": PORT, "short": SHORT})
    po_path(root, "short").write_text('msgid "unterminated\n', encoding="utf-8")
    queue = build_queue(load_config(root))
    assert [e.path for e in queue.errors] == ["locale/ru/LC_MESSAGES/short.po"]
    assert {i.article for i in queue.items} == {"port"}


def test_language_version_counts_and_progress() -> None:
    source = article(SHORT)
    catalogue = update_catalogue(build_template(source), None, lang="ru", slug="a")
    catalogue.messages[0].msgstr = "Коротко"
    version = language_version(source, "ru", "x.po", catalogue)
    assert (version.reviewed, version.unreviewed, version.percent_reviewed) == (1, 1, 50.0)
    assert version.counts["untranslated"] == 1


# --------------------------------------------------------------------------- decisions on messages


def test_accept_keeps_provenance_and_clears_fuzzy_and_previous() -> None:
    message = Message(msgid="New.", msgstr="Новое.", flags=["fuzzy", "no-wrap"], previous_msgid="Old.",
                      comments=["by Ann", MT_COMMENT_PREFIX + "pseudo 1 en→ru", MT_REJECTED_PREFIX + "x"])
    accept_message(message)
    assert message.status is EntryStatus.REVIEWED
    assert message.flags == ["no-wrap"] and message.previous_msgid is None
    assert message.comments == ["by Ann", REVIEWED_COMMENT_PREFIX + "pseudo 1 en→ru"]


def test_accept_keeps_a_translator_s_repeated_comments() -> None:
    message = Message(msgid="A.", msgstr="А.", flags=["fuzzy"],
                      comments=["TODO check", "TODO check", MT_COMMENT_PREFIX + "pseudo 1",
                                REVIEWED_COMMENT_PREFIX + "pseudo 1"])
    accept_message(message)
    assert message.comments == ["TODO check", "TODO check", REVIEWED_COMMENT_PREFIX + "pseudo 1"]
    accept_message(message)
    assert message.comments == ["TODO check", "TODO check", REVIEWED_COMMENT_PREFIX + "pseudo 1"]


def test_edit_sets_text_and_marks_reviewed() -> None:
    message = Message(msgid="One.", comments=[MT_REJECTED_PREFIX + "empty output (fake)"])
    edit_message(message, "Один.")
    assert (message.msgstr, message.status, message.comments) == ("Один.", EntryStatus.REVIEWED, [])


# --------------------------------------------------------------------------- saving decisions


def test_save_accept_writes_at_once_and_item_leaves_the_queue(tmp_path: Path) -> None:
    root = project(tmp_path)
    config = load_config(root)
    item = build_queue(config).items[0]
    result = save_decision(config, item, Decision.ACCEPT)
    assert result.outcome is Outcome.SAVED
    text = po_path(root).read_text(encoding="utf-8")
    assert f"# {REVIEWED_COMMENT_PREFIX}{item.provenance}" in text
    assert item.key not in {i.key for i in build_queue(config).items}
    assert save_decision(config, item, Decision.ACCEPT).outcome is Outcome.UNCHANGED


def test_save_reapplies_to_fresh_file_keeping_other_changes(tmp_path: Path) -> None:
    root = project(tmp_path)
    config = load_config(root)
    first, second = build_queue(config).items[:2]
    path = po_path(root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(second.msgstr, "Рука переводчика."), encoding="utf-8")
    assert save_decision(config, first, Decision.ACCEPT).saved
    index = {i.key: i for i in build_queue(config).versions[0].entries}
    assert index[first.key].status is EntryStatus.REVIEWED
    assert index[second.key].msgstr == "Рука переводчика."


def test_save_refuses_when_this_entry_changed_meanwhile(tmp_path: Path) -> None:
    root = project(tmp_path)
    config = load_config(root)
    item = build_queue(config).items[0]
    path = po_path(root)
    path.write_text(path.read_text(encoding="utf-8").replace(item.msgstr, "Другой текст"), encoding="utf-8")
    before = path.read_bytes()
    result = save_decision(config, item, Decision.EDIT, "Мой текст")
    assert (result.outcome, result.on_disk) == (Outcome.CONFLICT, "Другой текст")
    assert path.read_bytes() == before


def test_save_reports_an_entry_whose_source_changed(tmp_path: Path) -> None:
    root = project(tmp_path)
    config = load_config(root)
    item = next(i for i in build_queue(config).items if i.msgid == "The work starts in June.")
    (root / "source" / "port.md").write_text(PORT.replace("June", "July"), encoding="utf-8")
    sync(root, "--engine", "pseudo")
    assert save_decision(config, item, Decision.ACCEPT).outcome is Outcome.GONE


def test_save_rejects_meaningless_decisions(tmp_path: Path) -> None:
    root = project(tmp_path, engine="fake-empty")
    config = load_config(root)
    item = build_queue(config).items[0]
    with pytest.raises(ReviewError):
        save_decision(config, item, Decision.ACCEPT)
    with pytest.raises(ReviewError):
        save_decision(config, item, Decision.EDIT, "")


def test_a_running_sync_holds_decisions_back(tmp_path: Path) -> None:
    root = project(tmp_path)
    config = load_config(root)
    item = build_queue(config).items[0]
    before = po_path(root).read_bytes()
    with ProjectLock(root), pytest.raises(LockError):
        save_decision(config, item, Decision.ACCEPT, lock_wait=0)
    assert po_path(root).read_bytes() == before


def test_saving_keeps_the_file_s_line_endings(tmp_path: Path) -> None:
    root = project(tmp_path)
    config = load_config(root)
    path = po_path(root)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert save_decision(config, build_queue(config).items[0], Decision.ACCEPT).saved
    data = path.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n")


PLURAL = """
# mt: pseudo 1
#, fuzzy
msgid "one berth"
msgid_plural "%d berths"
msgstr[0] "%d причал"
msgstr[1] "%d причала"
msgstr[2] "%d причалов"
"""


def test_plural_entries_show_their_forms_and_can_be_accepted(tmp_path: Path) -> None:
    """A plural entry used to look untranslated, could not be accepted, and an edit was
    reported saved while the typed text was dropped and the unseen forms marked reviewed."""
    root = project(tmp_path)
    path = po_path(root)
    path.write_text(path.read_text(encoding="utf-8") + PLURAL, encoding="utf-8")
    config = load_config(root)
    item = next(i for i in build_queue(config).items if i.msgid == "one berth")
    assert (item.msgid_plural, item.msgstr_plural) == ("%d berths", ("%d причал", "%d причала", "%d причалов"))
    assert item.has_translation and item.reason == "machine"
    assert item.to_json()["msgstr_plural"] == ["%d причал", "%d причала", "%d причалов"]
    before = path.read_bytes()
    with pytest.raises(ReviewError, match="plural"):
        save_decision(config, item, Decision.EDIT, "Один причал")
    assert path.read_bytes() == before
    assert save_decision(config, item, Decision.ACCEPT).saved
    text = path.read_text(encoding="utf-8")
    assert text.endswith(PLURAL.replace("# mt: pseudo 1\n#, fuzzy\n", f"# {REVIEWED_COMMENT_PREFIX}pseudo 1\n"))


def test_accepting_a_plural_entry_whose_forms_changed_on_disk_is_a_conflict(tmp_path: Path) -> None:
    root = project(tmp_path)
    path = po_path(root)
    path.write_text(path.read_text(encoding="utf-8") + PLURAL, encoding="utf-8")
    config = load_config(root)
    item = next(i for i in build_queue(config).items if i.msgid == "one berth")
    path.write_text(path.read_text(encoding="utf-8").replace("%d причалов", "%d пирсов"), encoding="utf-8")
    before = path.read_bytes()
    result = save_decision(config, item, Decision.ACCEPT)
    assert result.outcome is Outcome.CONFLICT and "%d пирсов" in (result.on_disk or "")
    assert path.read_bytes() == before


def test_visible_writes_out_hidden_characters_only() -> None:
    assert visible("a\x1b[2Jb\rc\x9bd\x00\u202ee\u2066f") == r"a\x1b[2Jb\rc\x9bd\x00\u202ee\u2066f"
    plain = "Bakı “Ələt” — «порт»\u200f\u00a0\tline\nnext"
    assert visible(plain) == plain


# --------------------------------------------------------------------------- word diff


def test_word_diff_marks_changed_words() -> None:
    ops = word_diff("The work starts in June.", "The work starts in early July.")
    assert render_word_diff(ops) == "The work starts in [-June-]{+early July+}."


@pytest.mark.parametrize("old, new, shown", [
    ("in front of 29,500 spectators.", "in front of 31,200 spectators.",
     "in front of [-29,500-]{+31,200+} spectators."),
    ("Inflation was 4.6% in May.", "Inflation was 4.1% in May.", "Inflation was [-4.6-]{+4.1+}% in May."),
    ("Матч начнётся в 19:30.", "Матч начнётся в 20:00.", "Матч начнётся в [-19:30-]{+20:00+}."),
    ("Собрали 29\u00a0500 тонн.", "Собрали 31\u00a0200 тонн.", "Собрали [-29\u00a0500-]{+31\u00a0200+} тонн."),
])
def test_word_diff_shows_a_changed_figure_whole(old: str, new: str, shown: str) -> None:
    """Regression: a figure's separators split it, so 29,500 → 31,200 read
    '[-29-]{+31+},[-500-]{+200+}' in the review queue, a puzzle for the reviewer."""
    assert render_word_diff(word_diff(old, new)) == shown


@given(st.text(max_size=60), st.text(max_size=60))
def test_word_diff_rebuilds_both_texts(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert "".join(t for op, t in ops if op is not DiffOp.INSERT) == old
    assert "".join(t for op, t in ops if op is not DiffOp.DELETE) == new


# --------------------------------------------------------------------------- helpers


def _accept_all(root: Path) -> None:
    config = load_config(root)
    for item in build_queue(config).items:
        assert save_decision(config, item, Decision.ACCEPT).saved
    assert build_queue(config).items == []



def test_word_diff_of_a_huge_paragraph_takes_difflibs_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: the diff of a 100 KB paragraph edited ran difflib without its heuristic
    for frequent words, which took over a minute; above a few thousand words it is on, and
    the diff still rebuilds both texts exactly."""
    import difflib

    from pipeline import review
    words = "the port grew by percent ships cargo said minister new year oil gas trade".split()
    old = " ".join(words[(i * 7) % len(words)] for i in range(20_000))
    new = old.replace("cargo said", "cargo, he said,", 3) + " One more line."
    settings: list[bool] = []

    class Recording(difflib.SequenceMatcher):
        def __init__(self, isjunk: object = None, a: object = "", b: object = "", autojunk: bool = True) -> None:
            settings.append(autojunk)
            super().__init__(isjunk, a, b, autojunk)  # type: ignore[arg-type]

    monkeypatch.setattr(review.difflib, "SequenceMatcher", Recording)
    ops = word_diff(old, new)
    assert settings == [True]
    assert "".join(text for op, text in ops if op is not DiffOp.DELETE) == new
    assert "".join(text for op, text in ops if op is not DiffOp.INSERT) == old
    assert word_diff("a b", "a c") and settings[-1] is False  # short texts: exact


def test_an_earlier_translation_kept_as_a_comment_is_shown_to_the_reviewer(tmp_path: Path) -> None:
    """Regression: an entry whose earlier translation the pipeline kept as a ``previous
    translation:`` comment (machine output of the old text, perhaps with a translator's
    unfinished edit; the old translation an exact memory match replaced; an older model's
    output on ``--refresh``) showed the reviewer nothing of it, in the list, the walk, the
    JSON or the HTML page: the work lay in the file only. It is now shown everywhere."""
    from pipeline.catalogue import parse_po, render_po
    from pipeline.commands.review import describe
    from pipeline.review_html import render_html

    root = project(tmp_path)
    catalogue = parse_po(po_path(root).read_bytes())
    entry = next(m for m in catalogue.active if m.msgid == "The work starts in June.")
    entry.msgstr = "Работа начнётся в июне (правка переводчика)."  # begun, still fuzzy
    po_path(root).write_bytes(render_po(catalogue))
    source = root / "source" / "port.md"
    source.write_text(PORT.replace("The work starts in June.", "The work starts in July."), encoding="utf-8")
    sync(root, "--engine", "pseudo")
    queue = build_queue(load_config(root))
    item = next(i for i in queue.items if i.msgid == "The work starts in July.")
    assert item.previous_translations == ("Работа начнётся в июне (правка переводчика).",)
    assert item.to_json()["previous_translations"] == ["Работа начнётся в июне (правка переводчика)."]
    assert any("previous:" in line and "правка переводчика" in line for line in describe(item))
    assert "правка переводчика" in render_html(queue)
