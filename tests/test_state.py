"""Incremental runs: unchanged articles are skipped, anything that matters brings them back."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Sequence

import pytest

from pipeline.catalogue import parse_po, render_po
from pipeline.config import load_config
from pipeline.sync import SyncOptions, sync
from tests.conftest import snapshot_tree, write_project

ARTICLES = {"a": "---\ntitle: Alpha\n---\n\nFirst paragraph.\n", "b": "---\ntitle: Beta\n---\n\nSecond one.\n"}


class SwitchableEngine:
    """Serves en→ru only once ``ready`` is set, like a model installed between two runs."""

    name = "switchable"

    def __init__(self) -> None:
        self.ready = False
        self.calls = 0

    def supports(self, source: str, target: str) -> bool:
        return self.ready and (source, target) == ("en", "ru")

    def provenance(self, source: str, target: str) -> str:
        return "switchable 1"

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        self.calls += 1
        return ["ру " + t for t in texts]


def run(root: Path, engine: object | None = None):  # type: ignore[no-untyped-def]
    return sync(load_config(root), SyncOptions(engine=engine))


def project(tmp_path: Path) -> Path:
    return write_project(tmp_path, ARTICLES, 'languages = ["en", "ru"]\n')


def test_second_run_skips_every_article_and_reports_the_same(tmp_path: Path) -> None:
    root = project(tmp_path)
    first = run(root)
    before = snapshot_tree(root)
    second = run(root)
    assert second.skipped == 2 and not second.written
    assert dict(second.awaiting_review) == dict(first.awaiting_review)
    assert sorted((d.slug, d.reasons()) for d, _ in second.held_back) == \
        sorted((d.slug, d.reasons()) for d, _ in first.held_back)
    assert snapshot_tree(root) == before


def test_translator_save_brings_the_article_back(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(root)
    po = root / "locale/ru/LC_MESSAGES/a.po"
    catalogue = parse_po(po.read_bytes())
    for message in catalogue.active:
        message.msgstr = "RU " + message.msgid
    po.write_bytes(render_po(catalogue))
    report = run(root)
    assert report.skipped == 1
    assert ("a", "ru", "public/ru/a.md") in report.published
    assert (root / "public/ru/a.md").exists()


def test_deleted_output_and_touched_source(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(root)
    source = root / "source/b.md"
    os.utime(source, ns=(1, 1))
    assert run(root).skipped == 2  # same bytes, new time: still clean
    (root / "locale/templates/a.pot").unlink()
    report = run(root)
    assert report.skipped == 1 and "locale/templates/a.pot" in report.written


def test_glossary_change_reprocesses_everything(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(root)
    (root / "locale/glossary.csv").write_text("en,ru\nAlpha,Альфа\n", encoding="utf-8")
    assert run(root).skipped == 0


def test_pending_entries_are_translated_once_a_model_arrives(tmp_path: Path) -> None:
    root = project(tmp_path)
    engine = SwitchableEngine()
    run(root, engine)
    assert run(root, engine).skipped == 2 and engine.calls == 0
    engine.ready = True
    report = run(root, engine)
    assert report.skipped == 0 and engine.calls == 1
    assert report.machine_translated["ru"] == 4
    assert run(root, engine).skipped == 2 and engine.calls == 1


def test_corrupt_state_costs_only_a_full_run(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(root)
    (root / ".pipeline/state.json").write_text("{not json", encoding="utf-8")
    report = run(root)
    assert report.skipped == 0 and not report.written
    assert run(root).skipped == 2


@pytest.mark.parametrize("damage", [
    lambda files, summary: files.update({k: [1] for k in files}),  # a signature cut short
    lambda files, summary: files.update({k: 5 for k in files}),  # not a signature
    lambda files, summary: summary.update(pending=None),  # a summary of another shape
])
def test_a_hand_edited_state_of_the_right_syntax_costs_only_a_full_run(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    """Regression: valid JSON of another shape in ``.pipeline/state.json`` (edited by hand, a
    bad merge, a disk fault in a digit) ended every sync in a traceback (IndexError,
    TypeError) until someone deleted the file; like any corrupt state it now costs one full
    run."""
    import json

    root = project(tmp_path)
    run(root)
    path = root / ".pipeline/state.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    record = data["articles"]["a"]
    damage(record["files"], record["summary"])
    path.write_text(json.dumps(data), encoding="utf-8")
    report = run(root)
    assert report.skipped == 0 and not report.written
    assert run(root).skipped == 2


def test_a_reviewed_translation_elsewhere_revives_articles_waiting_for_memory(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"a": "Shared boilerplate sentence here.\n",
                                    "b": "Shared boilerplate sentence here.\n\nOther.\n"}, 'languages = ["en", "ru"]\n')
    engine = SwitchableEngine()
    run(root, engine)
    po = root / "locale/ru/LC_MESSAGES/a.po"
    catalogue = parse_po(po.read_bytes())
    catalogue.active[0].msgstr = "Общий шаблонный текст."
    po.write_bytes(render_po(catalogue))
    report = run(root, engine)
    assert report.skipped == 0 and report.from_memory["ru"] == 1
    assert "Общий шаблонный текст." in (root / "locale/ru/LC_MESSAGES/b.po").read_text()


def test_missing_models_are_reported_on_skipping_runs_too(tmp_path: Path) -> None:
    root = project(tmp_path)
    engine = SwitchableEngine()
    first = run(root, engine)
    assert first.missing_pairs == [("en", "ru")]
    second = run(root, engine)
    assert second.skipped == 2 and second.missing_pairs == [("en", "ru")]


def test_a_no_op_run_does_not_serialise_the_state(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pipeline.state as state

    root = project(tmp_path)
    run(root)
    dumps: list[int] = []
    real = state.json.dumps
    def counting(data, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(data, dict) and "articles" in data:
            dumps.append(1)
        return real(data, *args, **kwargs)

    monkeypatch.setattr(state.json, "dumps", counting)
    assert run(root).skipped == 2
    assert dumps == []
    (root / "source" / "a.md").write_text("---\ntitle: Alpha\n---\n\nFirst paragraph, edited.\n",
                                           encoding="utf-8")
    run(root)
    assert dumps == [1]


def test_a_deleted_article_is_dropped_from_the_state(tmp_path: Path) -> None:
    root = project(tmp_path)
    run(root)
    (root / "source" / "b.md").unlink()
    run(root)
    assert '"b"' not in (root / ".pipeline" / "state.json").read_text(encoding="utf-8")


def _save_during_run(monkeypatch, where: str, save) -> None:  # type: ignore[no-untyped-def]
    """Run ``save`` once, at ``where``: while article "a" is being finished (its catalogue
    written), or at the end of the run, just before the state is recorded."""
    import pipeline.sync as sync_module

    name = {"mid-article": "_publish", "end-of-run": "remember"}[where]
    real = getattr(sync_module, name)
    done: list[bool] = []

    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(*args, **kwargs) if where == "mid-article" else None
        if not done:
            done.append(True)
            save()
        return result if where == "mid-article" else real(*args, **kwargs)

    monkeypatch.setattr(sync_module, name, wrapper)


@pytest.mark.parametrize("where", ["mid-article", "end-of-run"])
def test_a_source_saved_while_sync_runs_is_read_by_the_next_run(tmp_path: Path, monkeypatch, where: str) -> None:  # type: ignore[no-untyped-def]
    root = project(tmp_path)
    run(root)
    source = root / "source/a.md"
    source.write_text(ARTICLES["a"] + "\nAn edit before the run.\n", encoding="utf-8")
    _save_during_run(monkeypatch, where, lambda: source.write_text(
        ARTICLES["a"] + "\nAn edit before the run.\n\nAn edit saved during the run.\n", encoding="utf-8"))
    sync(load_config(root), SyncOptions(jobs=1))
    monkeypatch.undo()
    second = run(root)
    assert "locale/templates/a.pot" in second.written
    assert b"An edit saved during the run." in (root / "locale/ru/LC_MESSAGES/a.po").read_bytes()


@pytest.mark.parametrize("where", ["mid-article", "end-of-run"])
def test_a_catalogue_saved_while_sync_runs_is_read_by_the_next_run(tmp_path: Path, monkeypatch, where: str) -> None:  # type: ignore[no-untyped-def]
    root = project(tmp_path)
    run(root)
    (root / "source/a.md").write_text(ARTICLES["a"] + "\n", encoding="utf-8")  # the run must read "a"
    po = root / "locale/ru/LC_MESSAGES/a.po"

    def translator_saves() -> None:
        catalogue = parse_po(po.read_bytes())
        for message in catalogue.messages:
            message.msgstr = "ру " + message.msgid
        po.write_bytes(render_po(catalogue))

    _save_during_run(monkeypatch, where, translator_saves)
    sync(load_config(root), SyncOptions(jobs=1))
    monkeypatch.undo()
    second = run(root)
    assert ("a", "ru", "public/ru/a.md") in second.published
    assert (root / "public/ru/a.md").exists(), "the translator's reviewed catalogue was not published"


def _review_all(po: Path, translate) -> None:  # type: ignore[no-untyped-def]
    catalogue = parse_po(po.read_bytes())
    for message in catalogue.active:
        message.msgstr, message.flags = translate(message.msgid), [f for f in message.flags if f != "fuzzy"]
        message.comments = [c for c in message.comments if not c.startswith("mt")]
    po.write_bytes(render_po(catalogue))


def test_memory_serves_a_new_article_from_articles_the_run_skips(tmp_path: Path) -> None:
    """An incremental run reads only the new article; the memory must still offer the
    reviewed translations of the articles it skips, as a full run would."""
    shared = "Subscribe to our newsletter for the latest news."
    root = write_project(tmp_path, {"a": f"---\ntitle: Alpha\n---\n\n{shared}\n"}, 'languages = ["en", "ru"]\n')
    engine = SwitchableEngine()
    engine.ready = True
    run(root, engine)
    _review_all(root / "locale/ru/LC_MESSAGES/a.po", lambda msgid: "Подписка: " + msgid)
    run(root, engine)
    (root / "source/b.md").write_text(f"---\ntitle: Beta\n---\n\n{shared}\n", encoding="utf-8")
    report = run(root, engine)
    assert report.skipped == 1 and report.from_memory["ru"] == 1 and report.machine_translated["ru"] == 1
    text = (root / "locale/ru/LC_MESSAGES/b.po").read_text(encoding="utf-8")
    assert f'msgstr "Подписка: {shared}"' in text
    assert "translation memory (locale/ru/LC_MESSAGES/a.po)" in text


def test_a_renamed_article_gets_its_reviewed_translations_back_for_review(tmp_path: Path) -> None:
    """The old catalogue is left alone, named in the report, and its reviewed entries come
    back (fuzzy, from memory) in the renamed article's new catalogue."""
    root = write_project(tmp_path, {"old": "---\ntitle: Port\n---\n\nThe port grows.\n\nShips wait.\n"},
                         'languages = ["en", "ru"]\n')
    run(root)
    old = root / "locale/ru/LC_MESSAGES/old.po"
    _review_all(old, lambda msgid: "RU " + msgid)
    run(root)
    before = old.read_bytes()
    (root / "source/old.md").rename(root / "source/new.md")
    report = run(root, SwitchableEngine())  # no model: only the memory can fill entries
    assert report.orphans == ["locale/ru/LC_MESSAGES/old.po"] and report.from_memory["ru"] == 3
    assert old.read_bytes() == before
    new = parse_po((root / "locale/ru/LC_MESSAGES/new.po").read_bytes())
    assert [(m.msgstr, m.fuzzy) for m in new.active] == [
        ("RU Port", True), ("RU The port grows.", True), ("RU Ships wait.", True)]
    assert run(root, SwitchableEngine()).orphans == ["locale/ru/LC_MESSAGES/old.po"]


def test_without_an_engine_the_memory_still_fills_a_renamed_article(tmp_path: Path) -> None:
    """``engine = "none"`` means no machine translation, not no translation memory: the
    README promises a renamed article its reviewed translations back either way, and no
    pair is reported as missing a model."""
    from pipeline.engines.memory_only import MemoryOnlyEngine

    root = write_project(tmp_path, {"old": "---\ntitle: Port\n---\n\nThe port grows.\n"}, 'languages = ["en", "ru"]\n')
    run(root, MemoryOnlyEngine())
    _review_all(root / "locale/ru/LC_MESSAGES/old.po", lambda msgid: "RU " + msgid)
    run(root, MemoryOnlyEngine())
    (root / "source/old.md").rename(root / "source/new.md")
    report = run(root, MemoryOnlyEngine())
    assert report.from_memory["ru"] == 2 and report.missing_pairs == [] and not report.translate_notes
    new = parse_po((root / "locale/ru/LC_MESSAGES/new.po").read_bytes())
    assert [(m.msgstr, m.fuzzy) for m in new.active] == [("RU Port", True), ("RU The port grows.", True)]
    second = run(root, MemoryOnlyEngine())
    assert second.skipped == 1 and second.missing_pairs == [] and not second.written


def test_a_first_run_without_an_engine_sends_no_catalogue_to_the_translate_stage(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No catalogue exists yet, so the memory is empty: the workers finish every article
    themselves, as when MT is off (the first run of a large archive stays fast)."""
    import pipeline.sync as sync_module
    from pipeline.engines.memory_only import MemoryOnlyEngine

    root = project(tmp_path)
    stages: list[int] = []
    real = sync_module._translate_stage
    monkeypatch.setattr(sync_module, "_translate_stage", lambda *a, **k: stages.append(1) or real(*a, **k))
    run(root, MemoryOnlyEngine())
    assert stages == []
    (root / "source/c.md").write_text("First paragraph.\n", encoding="utf-8")
    run(root, MemoryOnlyEngine())  # catalogues exist now: the memory may hold something
    assert stages == [1]


def test_a_malformed_orphan_is_a_note_not_a_failure(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"a": "One paragraph here.\n"}, 'languages = ["en", "ru"]\n')
    orphan = root / "locale/ru/LC_MESSAGES/gone.po"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b'msgid "x"\nmsgstr "unterminated\n')
    report = run(root, SwitchableEngine())
    assert report.ok and report.orphans == ["locale/ru/LC_MESSAGES/gone.po"]
    assert any("not used as translation memory" in n and "gone.po:2" in n for n in report.translate_notes)
    assert orphan.read_bytes() == b'msgid "x"\nmsgstr "unterminated\n'


def test_a_changed_pipeline_reads_every_article_again(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Results made by other code (an upgrade, a local fix to extraction) are not trusted:
    the package's own files are part of the state key, with no version to remember to bump."""
    import pipeline.incremental as incremental

    assert incremental.code_fingerprint() == incremental.code_fingerprint() and \
        len(incremental.code_fingerprint()) == 64
    root = project(tmp_path)
    run(root)
    assert run(root).skipped == 2
    monkeypatch.setattr(incremental, "code_fingerprint", lambda: "another build")
    assert run(root).skipped == 0
    assert run(root).skipped == 2


@pytest.mark.parametrize("layout, source, published", [
    ('source_dir = "."\n', "a.md", "public/ru/a.md"),
    ('output = "source/out/{lang}/{slug}.md"\n', "source/a.md", "source/out/ru/a.md"),
    ('source_dir = "content"\noutput = "content/{slug}.{lang}.md"\n', "content/a.md", "content/a.ru.md"),
    ('source_dir = "content"\noutput = "content/{lang}/{slug}.md"\n', "content/a.md", "content/ru/a.md"),
])
def test_published_versions_inside_the_source_folder_are_not_read_as_articles(
        tmp_path: Path, layout: str, source: str, published: str) -> None:
    from pipeline.engines.fake import FakeEngine

    (tmp_path / source).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / source).write_text(ARTICLES["a"], encoding="utf-8")
    (tmp_path / "pipeline.toml").write_text('languages = ["en", "ru"]\n' + layout
                                            + "[publish]\nallow_machine = true\n", encoding="utf-8")
    first = run(tmp_path, FakeEngine())
    assert (tmp_path / published).exists() and first.articles == 1
    before = snapshot_tree(tmp_path)
    second = run(tmp_path, FakeEngine())
    assert second.articles == 1 and not second.written
    assert snapshot_tree(tmp_path) == before
    shutil.rmtree(tmp_path / ".pipeline")  # a full run reads the same single article
    third = run(tmp_path, FakeEngine())
    assert third.articles == 1 and not third.written
    assert not list((tmp_path / "locale/templates").rglob("*.pot"))[1:]  # one template only


def _same_as_a_full_run(root: Path, engine: object | None, tmp_path: Path) -> None:
    """``root`` as the incremental run left it equals a fresh full run on a copy of it."""
    incremental = snapshot_tree(root)
    copy = tmp_path / "full-run-copy"
    shutil.copytree(root, copy)
    shutil.rmtree(copy / ".pipeline")
    run(copy, engine)
    full = {rel: data for rel, (data, _) in snapshot_tree(copy).items()}
    assert {rel: data for rel, (data, _) in incremental.items()} == full


SHARED_RU_PO = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"\n'
                '"X-Source-Language: en\\n"\n\nmsgid "Shared boilerplate sentence here."\n'
                'msgstr "Общий шаблонный текст."\n')


@pytest.mark.parametrize("arrives", ["with a new article", "as an orphan", "saved in an orphan"])
def test_a_reviewed_catalogue_no_article_record_holds_revives_articles_waiting_for_memory(
        tmp_path: Path, arrives: str) -> None:
    """A ``git pull`` that brings an article with its reviewed catalogue, or a reviewed
    catalogue of a renamed or deleted article, changes the translation memory as much as a
    translator's save does: an article waiting for a translation gets it, as in a full run."""
    root = write_project(tmp_path / "p", {"a": "Shared boilerplate sentence here.\n"}, 'languages = ["en", "ru"]\n')
    engine = SwitchableEngine()  # no model: only the memory can fill the entry
    if arrives == "saved in an orphan":
        (root / "source/gone.md").write_text("Shared boilerplate sentence here.\n", encoding="utf-8")
        run(root, engine)
        (root / "source/gone.md").unlink()
    run(root, engine)
    assert run(root, engine).skipped == 1
    if arrives == "with a new article":
        (root / "source/c.md").write_text("Shared boilerplate sentence here.\n", encoding="utf-8")
    po = root / "locale/ru/LC_MESSAGES" / ("gone.po" if arrives == "saved in an orphan" else "c.po")
    po.write_text(SHARED_RU_PO, encoding="utf-8")
    report = run(root, engine)
    assert report.from_memory["ru"] == 1
    assert 'msgstr "Общий шаблонный текст."' in (root / "locale/ru/LC_MESSAGES/a.po").read_text(encoding="utf-8")
    _same_as_a_full_run(root, engine, tmp_path)
    assert run(root, engine).skipped == (2 if arrives == "with a new article" else 1)


def test_an_article_whose_machine_translation_was_rejected_waits_for_memory_too(tmp_path: Path) -> None:
    """Entries whose MT output was rejected stay untranslated, and the memory fills them
    in a full run: a reviewed translation elsewhere must revive their article as well."""
    from pipeline.engines.fake import EchoEngine

    root = write_project(tmp_path / "p", {"a": "Shared boilerplate sentence here.\n",
                                          "b": "Shared boilerplate sentence here.\n"}, 'languages = ["en", "ru"]\n')
    first = run(root, EchoEngine())
    assert first.rejected["ru"] == 2
    assert run(root, EchoEngine()).skipped == 2
    (root / "locale/ru/LC_MESSAGES/b.po").write_text(SHARED_RU_PO, encoding="utf-8")
    report = run(root, EchoEngine())
    assert report.skipped == 0 and report.from_memory["ru"] == 1
    _same_as_a_full_run(root, EchoEngine(), tmp_path)
    assert run(root, EchoEngine()).skipped == 2


def test_rejected_entries_are_tried_again_when_the_model_changes(tmp_path: Path) -> None:
    """A full run gives an entry another model rejected to the new model (its provenance
    differs); an incremental run must not skip the article."""
    from pipeline.engines.fake import EchoEngine

    root = write_project(tmp_path / "p", {"a": "Shared boilerplate sentence here.\n"}, 'languages = ["en", "ru"]\n')
    run(root, EchoEngine(version="1"))
    assert run(root, EchoEngine(version="1")).skipped == 1
    upgraded = EchoEngine(version="2")
    report = run(root, upgraded)
    assert report.skipped == 0 and upgraded.calls and report.rejected["ru"] == 1
    assert "(fake-echo 2 en→ru)" in (root / "locale/ru/LC_MESSAGES/a.po").read_text(encoding="utf-8")
    _same_as_a_full_run(root, EchoEngine(version="2"), tmp_path)
    assert run(root, EchoEngine(version="2")).skipped == 1


def test_a_state_that_cannot_be_saved_is_a_warning_not_a_lost_report(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pipeline.state as state

    def refuse(self) -> None:  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    root = project(tmp_path)
    monkeypatch.setattr(state.RunState, "save", refuse)
    report = run(root)
    assert report.ok and report.written and report.articles == 2
    assert any("could not save the run state" in w and "Permission denied" in w for w in report.warnings)


def test_an_article_changing_its_language_revives_articles_waiting_for_memory(tmp_path: Path) -> None:
    """The memory pairs a catalogue's entries with its article's language: when ``lang:``
    changes, another article may now find its translation there, as a full run would."""
    shared = "Shared boilerplate sentence here.\n"
    root = write_project(tmp_path / "p", {"a": f"---\nlang: en\n---\n\n{shared}", "b": f"---\nlang: ru\n---\n\n{shared}"},
                         'languages = ["en", "ru", "az"]\n')
    engine = SwitchableEngine()  # serves nothing: only the memory can fill entries
    run(root, engine)
    po = root / "locale/az/LC_MESSAGES/a.po"
    catalogue = parse_po(po.read_bytes())
    catalogue.active[0].msgstr = "Ortaq şablon cümləsi."
    po.write_bytes(render_po(catalogue))
    run(root, engine)
    assert run(root, engine).skipped == 2
    source = root / "source/a.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nAn edit in the same language.\n", encoding="utf-8")
    assert run(root, engine).skipped == 1  # b still waits: nothing it needs changed
    source.write_text(source.read_text(encoding="utf-8").replace("lang: en", "lang: ru"), encoding="utf-8")
    report = run(root, engine)
    assert report.from_memory["az"] == 1
    assert 'msgstr "Ortaq şablon cümləsi."' in (root / "locale/az/LC_MESSAGES/b.po").read_text(encoding="utf-8")
    _same_as_a_full_run(root, engine, tmp_path)
    assert run(root, engine).skipped == 2


def test_only_edited_sources_are_read_for_their_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An article re-read because a catalogue changed keeps its ``lang:``: the check for a
    changed language reads only the sources that changed, not every article the run reads."""
    import pipeline.sync as sync_module

    root = write_project(tmp_path, {"a": "Shared boilerplate sentence here.\n",
                                    "b": "Shared boilerplate sentence here.\n\nOther.\n"}, 'languages = ["en", "ru"]\n')
    engine = SwitchableEngine()
    run(root, engine)
    asked: list[str] = []
    real = sync_module._source_language
    monkeypatch.setattr(sync_module, "_source_language", lambda *a: asked.append(a[2]) or real(*a))
    template = root / "locale/templates/a.pot"
    template.write_bytes(template.read_bytes() + b"\n")  # a's template touched: a is read, b waits
    assert run(root, engine).skipped == 1
    assert asked == []
    (root / "source/a.md").write_text("Shared boilerplate sentence here, edited.\n", encoding="utf-8")
    run(root, engine)
    assert asked == ["a"]


def test_a_translation_of_spaces_only_awaits_review_in_the_report_as_in_status(tmp_path: Path) -> None:
    """Regression: sync held the version back over it ("1 translated as spaces only") and
    status counted it untranslated, but the report's "awaiting review" left it out, on the
    run that read the article and on the runs that skip it."""
    from pipeline.project import project_status

    root = write_project(tmp_path, {"a": "---\ntitle: Port\n---\n\nThe port grows.\n"}, 'languages = ["en", "ru"]\n')
    run(root)
    _review_all(root / "locale/ru/LC_MESSAGES/a.po", lambda msgid: "  " if msgid == "Port" else "RU " + msgid)
    read = run(root)
    skipped = run(root)
    [row] = project_status(load_config(root))[0]
    assert skipped.skipped == 1
    assert read.awaiting_review["ru"] == skipped.awaiting_review["ru"] == row.untranslated == 1


def test_published_versions_outlive_a_corrupt_record_and_tell_edits_apart(tmp_path: Path) -> None:
    """What sync wrote of each version (``public/.pipeline-published.sha256``): a missing
    record knows nothing (nothing is then taken for a hand edit; a damaged one: see
    test_a_damaged_record_of_published_versions_is_reported_and_loses_no_hand_edit); a version that is
    neither what was recorded nor what sync would write now was changed in between. The record
    of earlier releases (``.pipeline/published.json``) still counts for the versions the new one
    does not name."""
    from pipeline.fileio import fingerprint
    from pipeline.state import LEGACY_PUBLISHED_FILE, PUBLISHED_FILE, PublishedVersions, edited_since_written

    (tmp_path / "public").mkdir()
    versions = PublishedVersions.load(tmp_path, "public")
    assert not versions.recorded("public/ru/a.md")
    version = tmp_path / "public/ru/a.md"
    version.parent.mkdir(parents=True)
    version.write_bytes(b"v1")
    versions.save({"public/ru/a.md": fingerprint(b"v1")})
    assert (tmp_path / "public" / PUBLISHED_FILE).read_text() == f"{fingerprint(b'v1')}  ru/a.md\n\n"
    again = PublishedVersions.load(tmp_path, "public")
    recorded = again.recorded("public/ru/a.md")
    assert recorded == {fingerprint(b"v1")}
    assert not edited_since_written(version, recorded, fingerprint(b"v2"))  # sync's own version
    assert not again.changed_since_written("public/ru/a.md")
    version.write_bytes(b"v1 corrected by hand")
    assert edited_since_written(version, recorded, fingerprint(b"v2"))
    assert not edited_since_written(version, recorded, fingerprint(b"v1 corrected by hand"))  # same as new
    assert again.changed_since_written("public/ru/a.md")
    assert not again.changed_since_written("public/ru/other.md")  # nothing recorded
    assert not edited_since_written(version, (), fingerprint(b"v2"))  # nothing recorded
    version.unlink()
    assert not edited_since_written(version, recorded, fingerprint(b"v2"))
    assert not again.changed_since_written("public/ru/a.md")  # gone: nothing to lose
    mtime = (tmp_path / "public" / PUBLISHED_FILE).stat().st_mtime_ns
    again.save({})  # nothing new: the record is not rewritten
    assert (tmp_path / "public" / PUBLISHED_FILE).stat().st_mtime_ns == mtime
    (tmp_path / ".pipeline").mkdir()
    (tmp_path / LEGACY_PUBLISHED_FILE).write_text(
        '{"format": 1, "versions": {"public/ru/b.md": "%s"}}' % fingerprint(b"b1"), encoding="utf-8")
    assert PublishedVersions.load(tmp_path, "public").recorded("public/ru/b.md") == {fingerprint(b"b1")}


def test_a_version_edited_by_hand_is_kept_when_sync_would_write_what_it_wrote_before(tmp_path: Path) -> None:
    """Regression: a correction made in ``public/ru/a.md`` while the article and its catalogue
    stayed as they were was written over by the next sync without a word: the check took
    "sync would write what it wrote last time" for "the file is sync's", without reading it."""
    from pipeline.fileio import fingerprint
    from pipeline.state import edited_since_written

    version = tmp_path / "a.md"
    version.write_bytes(b"v1 corrected by hand")
    assert edited_since_written(version, fingerprint(b"v1"), fingerprint(b"v1"))
    version.write_bytes(b"v1")
    assert not edited_since_written(version, fingerprint(b"v1"), fingerprint(b"v1"))

    root = write_project(tmp_path / "p", {"a": "---\ntitle: Port\n---\n\nThe port grew.\n"},
                         'languages = ["en", "ru"]\n[publish]\nallow_machine = true\n')
    from pipeline.engines.pseudo import PseudoEngine
    assert run(root, PseudoEngine()).ok
    published = root / "public/ru/a.md"
    edited = published.read_text(encoding="utf-8") + "\nИсправлено редактором.\n"
    published.write_text(edited, encoding="utf-8")
    report = run(root, PseudoEngine())
    assert [e.path for e in report.errors] == ["public/ru/a.md"]
    assert published.read_text(encoding="utf-8") == edited


@pytest.mark.parametrize("damage", [b"\xff\xfe{not a record}\n", b"garbage\n", b"checked by hand: fine\n"])
def test_a_damaged_record_of_published_versions_is_reported_and_loses_no_hand_edit(tmp_path: Path,
                                                                                   damage: bytes) -> None:
    """Regression: a record of published versions that could not be read (saved as UTF-16 by
    an editor, a line typed into it) was taken for no record at all: sync silently wrote over
    a version an editor had corrected in ``public/`` and replaced the record, exit code 0. The
    record's first unreadable line is now an error with its line, the record is left as it
    is, and a version it does not name is kept unless it is what sync would write."""
    from pipeline.engines.pseudo import PseudoEngine
    from pipeline.state import PUBLISHED_FILE, STATE_FILE

    root = write_project(tmp_path, {"a": "---\ntitle: Port\n---\n\nThe port grew.\n",
                                    "b": "---\ntitle: Bay\n---\n\nThe bay froze.\n"},
                         'languages = ["en", "ru"]\n[publish]\nallow_machine = true\n')
    assert run(root, PseudoEngine()).ok
    record = root / "public" / PUBLISHED_FILE
    lines = record.read_bytes().split(b"\n\n")
    damaged = lines[0] + b"\n\n" + damage
    record.write_bytes(damaged)  # a's line kept, b's replaced by what cannot be read
    version = root / "public/ru/b.md"
    edited = version.read_text(encoding="utf-8") + "\nИсправлено редактором.\n"
    version.write_text(edited, encoding="utf-8")
    (root / STATE_FILE).unlink()  # every article read again
    for _ in range(2):
        report = run(root, PseudoEngine())
        errors = [(e.path, e.line) for e in report.errors]
        assert (f"public/{PUBLISHED_FILE}", 3) in errors and ("public/ru/b.md", None) in errors
        assert version.read_text(encoding="utf-8") == edited
        assert record.read_bytes() == damaged
        assert not report.written


def test_a_version_edited_by_hand_is_kept_in_a_fresh_clone(tmp_path: Path) -> None:
    """Regression: what sync wrote of each version was recorded in ``.pipeline/`` only, which
    git ignores, so in a fresh clone of a newsroom that commits its ``public/`` files the next
    sync silently wrote over a version an editor had corrected there. The record now lives
    beside the versions (``public/.pipeline-published.sha256``), is committed with them, reads
    as ``sha256sum`` writes (sorted, no dates), and survives a merge's conflict markers."""
    import hashlib

    from pipeline.engines.pseudo import PseudoEngine
    from pipeline.state import PUBLISHED_FILE

    root = write_project(tmp_path / "desk", {"a": "---\ntitle: Port\n---\n\nThe port grew.\n",
                                             "b": "---\ntitle: Ships\n---\n\nShips came.\n"},
                         'languages = ["en", "ru", "az"]\n[publish]\nallow_machine = true\n')
    assert run(root, PseudoEngine()).ok
    record = root / "public" / PUBLISHED_FILE
    lines = record.read_text(encoding="utf-8").split("\n\n")
    assert lines.pop() == ""
    assert lines == [f"{hashlib.sha256((root / 'public' / name).read_bytes()).hexdigest()}  {name}"
                     for name in ("az/a.md", "az/b.md", "ru/a.md", "ru/b.md")]
    edited = (root / "public/ru/a.md").read_text(encoding="utf-8") + "\nИсправлено редактором.\n"
    (root / "public/ru/a.md").write_text(edited, encoding="utf-8")

    clone = tmp_path / "clone"  # what git holds: no .pipeline/
    shutil.copytree(root, clone, ignore=shutil.ignore_patterns(".pipeline"))
    (clone / "source/a.md").write_text("---\ntitle: Port\n---\n\nThe port grew fast.\n", encoding="utf-8")
    report = run(clone, PseudoEngine())
    assert [e.path for e in report.errors] == ["public/ru/a.md"]
    assert (clone / "public/ru/a.md").read_text(encoding="utf-8") == edited
    assert "ƒåşŧ" in (clone / "public/az/a.md").read_text(encoding="utf-8")
    before = snapshot_tree(clone)
    assert not run(clone, PseudoEngine()).written
    assert snapshot_tree(clone) == before

    # A merge that left conflict markers in the record: every side's digest is sync's (the
    # version on disk is the first side's; a reader keeping the last digest would call it edited).
    ours = [line for line in (root / "public" / PUBLISHED_FILE).read_text(encoding="utf-8").splitlines(
        keepends=True) if line.strip()]
    [theirs] = [line for line in (clone / "public" / PUBLISHED_FILE).read_text(encoding="utf-8").splitlines(
        keepends=True) if line.endswith("  az/a.md\n")]
    assert ours[0].endswith("  az/a.md\n") and ours[0] != theirs
    (root / "public" / PUBLISHED_FILE).write_text(
        "<<<<<<< HEAD\n" + ours[0] + "=======\n" + theirs + ">>>>>>> theirs\n" + "".join(ours[1:]), encoding="utf-8")
    (root / "public/ru/a.md").unlink()
    (root / "source/a.md").write_text("---\ntitle: Port\n---\n\nThe port shrank.\n", encoding="utf-8")
    report = run(root, PseudoEngine())
    assert report.ok, report.errors
    assert "şĥŕåñķ" in (root / "public/az/a.md").read_text(encoding="utf-8")
    assert "<<<<<<<" not in (root / "public" / PUBLISHED_FILE).read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_two_editors_publishing_different_articles_merge_their_records_without_a_conflict(tmp_path: Path) -> None:
    """The record of published versions is committed with them: two editors who publish
    different articles in their clones change different lines of it, which git must merge
    without stopping (one line per version would put the changes next to each other)."""
    import subprocess

    from pipeline.state import PUBLISHED_FILE

    def git(where: Path, *args: str) -> None:
        subprocess.run(["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.org", *args], cwd=where,
                       check=True, capture_output=True)

    articles = {slug: f"---\ntitle: {slug}\n---\n\nText of {slug}.\n" for slug in ("a", "b", "c")}
    root = write_project(tmp_path / "desk", articles, 'languages = ["en", "ru"]\n[publish]\nallow_machine = true\n')
    from pipeline.engines.pseudo import PseudoEngine
    assert run(root, PseudoEngine()).ok
    (root / ".gitignore").write_text(".pipeline/\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    for name, slug in (("one", "a"), ("two", "b")):
        git(tmp_path, "clone", "-q", str(root), name)
        source = tmp_path / name / f"source/{slug}.md"
        source.write_text(source.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
        assert run(tmp_path / name, PseudoEngine()).ok
        git(tmp_path / name, "commit", "-qam", f"edit {slug}")
    git(tmp_path / "one", "pull", "-q", "--no-rebase", str(tmp_path / "two"))
    record = (tmp_path / "one/public" / PUBLISHED_FILE).read_text(encoding="utf-8")
    assert "<<<<<<<" not in record and "Море" in (tmp_path / "one/public/ru/b.md").read_text(encoding="utf-8")
    assert not run(tmp_path / "one", PseudoEngine()).written  # both versions are known as sync's


def test_a_run_interrupted_after_writing_versions_does_not_make_them_hand_edits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: a sync stopped (Ctrl-C, a crash) after writing a version but before saving
    the record of published versions left the old digest recorded; once the article changed
    again, the next sync took its own version for a correction made by hand, refused to publish
    (exit 1) and told the desk to delete it, and ``status`` called it ``edited`` meanwhile.
    Each version is now noted in ``.pipeline/`` before it is written."""
    import pipeline.sync as sync_module
    from pipeline.config import load_config as config_of
    from pipeline.engines.pseudo import PseudoEngine
    from pipeline.project import project_status

    root = write_project(tmp_path, {"a": "---\ntitle: Port\n---\n\nThe port grew.\n"},
                         'languages = ["en", "ru"]\n[publish]\nallow_machine = true\n')
    assert run(root, PseudoEngine()).ok
    assert not (root / ".pipeline/publishing").exists()  # a run that ends leaves no note
    (root / "source/a.md").write_text("---\ntitle: Port\n---\n\nThe port grew fast.\n", encoding="utf-8")

    def interrupted(config: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(sync_module, "_flush_rebuildable", interrupted)
        with pytest.raises(KeyboardInterrupt):
            run(root, PseudoEngine())
    version = root / "public/ru/a.md"
    assert "фаст" in version.read_text(encoding="utf-8")
    assert [row.edited for row in project_status(config_of(root))[0]] == [False]
    (root / "source/a.md").write_text("---\ntitle: Port\n---\n\nThe port grew slowly.\n", encoding="utf-8")
    report = run(root, PseudoEngine())
    assert report.ok, [str(e) for e in report.errors]
    assert "слошлы" in version.read_text(encoding="utf-8")
    assert not run(root, PseudoEngine()).written
    assert not (root / ".pipeline/publishing").exists()


def test_only_versions_published_before_are_noted_before_they_are_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The note costs an fsync per version, which took a quarter of a first full sync of
    2,000 articles on the benchmark's disk. A version never published needs none: with no
    digest recorded for it, whatever is on disk after a crash is not taken for a hand edit."""
    import pipeline.sync as sync_module
    from pipeline.engines.pseudo import PseudoEngine

    noted: list[str] = []
    real = sync_module.note_version
    monkeypatch.setattr(sync_module, "note_version", lambda root, rel, digest: (noted.append(rel),
                                                                              real(root, rel, digest))[1])
    root = write_project(tmp_path, {"a": "---\ntitle: Port\n---\n\nThe port grew.\n",
                                    "b": "---\ntitle: Ferry\n---\n\nThe ferry left.\n"},
                         'languages = ["en", "ru", "az"]\n[publish]\nallow_machine = true\n')
    assert run(root, PseudoEngine()).ok and noted == []
    (root / "source/a.md").write_text("---\ntitle: Port\n---\n\nThe port grew fast.\n", encoding="utf-8")
    assert run(root, PseudoEngine()).ok
    assert sorted(noted) == ["public/az/a.md", "public/ru/a.md"]


def test_a_record_of_published_versions_that_cannot_be_written_is_reported_and_the_run_finishes(
        tmp_path: Path) -> None:
    """Regression: the record of published versions now lives in the output folder; when it
    could not be written there (a read-only folder, a folder in its place), the run stopped at
    its end with the temp file's absolute name, and its state was never saved."""
    from pipeline.engines.pseudo import PseudoEngine
    from pipeline.state import PUBLISHED_FILE, STATE_FILE

    root = write_project(tmp_path, {"a": "---\ntitle: Port\n---\n\nThe port grew.\n"},
                         'languages = ["en", "ru"]\n[publish]\nallow_machine = true\n')
    (root / "public" / PUBLISHED_FILE).mkdir(parents=True)
    report = run(root, PseudoEngine())
    assert [(e.path, e.message.split(":")[0]) for e in report.errors] == [
        (f"public/{PUBLISHED_FILE}", "cannot write the record of the published versions")]
    assert (root / "public/ru/a.md").is_file() and (root / STATE_FILE).is_file()


def test_the_reviewed_index_answers_only_for_catalogues_still_as_signed(tmp_path: Path) -> None:
    from pipeline.fileio import file_digest
    from pipeline.state import ReviewedIndex, text_hash

    (tmp_path / ".pipeline").mkdir()
    po = tmp_path / "a.po"
    po.write_bytes(b"one")
    stat = os.stat(po)
    index = ReviewedIndex(tmp_path, "v1")
    index.note("a.po", [stat.st_size, stat.st_mtime_ns, file_digest(po)], frozenset({text_hash("Held.")}))
    assert index.may_hold("a.po", {text_hash("Held.")}) and not index.may_hold("a.po", {text_hash("Other.")})
    assert index.may_hold("b.po", {text_hash("Other.")})  # never signed: read it
    assert index.save() and not index.save()
    assert not ReviewedIndex.load(tmp_path, "v1").may_hold("a.po", {text_hash("Other.")})
    assert ReviewedIndex.load(tmp_path, "v2").may_hold("a.po", {text_hash("Other.")})  # other code or normaliser
    po.write_bytes(b"two")  # saved since: whatever it holds now was not hashed
    os.utime(po, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert ReviewedIndex.load(tmp_path, "v1").may_hold("a.po", {text_hash("Other.")})
    (tmp_path / ".pipeline/reviewed").write_text("{not json", encoding="utf-8")
    assert ReviewedIndex.load(tmp_path, "v1").catalogues == {}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="names fsynced files through /proc")
def test_the_publishing_note_is_fsynced_with_its_folder_before_the_version_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: the note that names a version as sync's (``.pipeline/publishing``) was
    appended without fsync, while the version it names is flushed later: after a power cut
    the version could be on disk and the note not, and the next sync took its own version
    for one edited by hand (``edited``, never replaced). The note is now fsynced, and its
    folder too when the note file was created."""
    from pipeline.state import JOURNAL_FILE, note_version

    (tmp_path / ".pipeline").mkdir()
    synced: list[str] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(os.readlink(f"/proc/self/fd/{fd}")), real(fd))[1])
    note_version(tmp_path, "public/ru/a.md", "0" * 64)
    assert synced == [str(tmp_path / JOURNAL_FILE), str(tmp_path / ".pipeline")]
    synced.clear()
    note_version(tmp_path, "public/ru/b.md", "1" * 64)
    assert synced == [str(tmp_path / JOURNAL_FILE)]
    assert (tmp_path / JOURNAL_FILE).read_text(encoding="utf-8").count("\n") == 2


def test_while_the_record_is_damaged_a_version_it_does_not_name_is_not_called_edited(tmp_path: Path) -> None:
    """Regression: while the record of published versions could not be read, every version it
    did not name was shown by ``status`` as ``edited`` ("changed since pipeline published it
    (edited by hand?)", with advice to delete it), and sync held its new version back with the
    same words, though nobody had touched it: only the record was damaged. Status now says
    what it knows (the version is published; the record's error says why sync leaves it), and
    sync says the version was kept because the record cannot tell whose it is."""
    from click.testing import CliRunner

    from pipeline.cli import cli
    from pipeline.engines.pseudo import PseudoEngine
    from pipeline.project import project_status
    from pipeline.state import PUBLISHED_FILE

    root = write_project(tmp_path, {"a": "---\ntitle: Port\n---\n\nThe port grew.\n",
                                    "b": "---\ntitle: Bay\n---\n\nThe bay froze.\n"},
                         'languages = ["en", "ru"]\n[publish]\nallow_machine = true\n')
    assert run(root, PseudoEngine()).ok
    record = root / "public" / PUBLISHED_FILE
    record.write_bytes(b"garbage\n\n" + record.read_bytes().split(b"\n\n")[1] + b"\n\n")  # a's line damaged
    rows, errors, _own = project_status(load_config(root))
    assert [(row.article, row.published, row.edited) for row in rows] == [("a", True, False), ("b", True, False)]
    assert [(e.path, e.line) for e in errors] == [(f"public/{PUBLISHED_FILE}", 1)]
    result = CliRunner().invoke(cli, ["--project", str(root), "status"])
    assert "edited" not in result.stdout and result.exit_code == 1
    (root / "source/a.md").write_text("---\ntitle: Port\n---\n\nThe port grew fast.\n", encoding="utf-8")
    report = run(root, PseudoEngine())
    kept = [e for e in report.errors if e.path == "public/ru/a.md"]
    assert len(kept) == 1 and "edited by hand" not in str(kept[0])
    assert f"public/{PUBLISHED_FILE}" in str(kept[0]) + (kept[0].hint or "")
    assert "fast" not in (root / "public/ru/a.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", ["locale/templates", "locale/ru/LC_MESSAGES"])
def test_a_file_in_place_of_a_recorded_folder_is_a_change_not_the_end_of_the_run(tmp_path: Path,
                                                                               folder: str) -> None:
    """The run state's check that an article's files are as recorded took only a missing
    file for a change: where a file stood in place of their folder (ENOTDIR), stat's error
    ended the whole sync, before any article was read, with the file's absolute name. The
    article is now read again, and its files are this run's errors."""
    root = project(tmp_path)
    run(root)
    shutil.rmtree(root / folder)
    (root / folder).write_text("a note\n", encoding="utf-8")
    (root / "source" / "b.md").write_text(ARTICLES["b"] + "\nMore.\n", encoding="utf-8")
    report = run(root)
    assert report.skipped == 0
    assert report.errors and all(error.path.startswith(folder + "/") for error in report.errors), report.errors
    assert (root / folder).read_text(encoding="utf-8") == "a note\n"


def test_a_version_under_a_file_in_place_of_its_folder_is_gone_not_edited(tmp_path: Path) -> None:
    """A file where the versions' folder belongs (public/ru saved as a file) made reading a
    recorded version fail with ENOTDIR, taken for 'unreadable, not known to be sync's': sync
    said the version was 'changed since pipeline published it (edited by hand?)' and told the
    desk to delete a file that is not there. Nothing is there to lose: the write names the file."""
    from pipeline.state import edited_since_written

    (tmp_path / "ru").write_text("a note\n", encoding="utf-8")
    assert edited_since_written(tmp_path / "ru" / "news" / "tram.md", {"0" * 64}) is False
