"""Only articles the translate stage may change keep their catalogues in the parent.

Every other article is finished in the worker that prepared it and sends back small
results. The output must not change a byte: each run here is compared with a run that
sends every article to the parent, which is how the pipeline worked before.
"""

from __future__ import annotations

import io
import json
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

import pipeline.sync as sync_module
from pipeline.catalogue import parse_po, render_po
from pipeline.config import load_config
from pipeline.engines.pseudo import PseudoEngine
from pipeline.integration import hooks
from pipeline.model import Catalogue, Message
from pipeline.project import Problems, load_articles, target_languages
from pipeline.sync import CatalogueState, SyncOptions, sync
from tests.conftest import snapshot_tree, without_source_digest, write_project

QUOTE = "“We will not sell the gas fields to anyone,” said Rashad Karimov."
VARIANTS = ("«Мы никому не продадим газовые месторождения», — сказал Рашад Керимов.",
            "«Мы никому не продадим месторождения газа», — сказал Рашад Керимов.")


def _articles(count: int = 12) -> dict[str, str]:
    return {f"desk{n % 3}/story-{n:02d}": (
        f"---\ntitle: Story {n}\n---\n\n{QUOTE}\n\nThe port handled {n * 1000} tonnes in May.\n\n"
        f"- item {n}\n- shared item\n\nShared boilerplate paragraph about the port.\n")
        for n in range(count)}


def _translate(root: Path, choose: Any) -> None:
    """Fill the ru catalogues as reviewers would; ``choose(slug, msgid)`` gives the
    translation, or None to leave the entry empty."""
    folder = root / "locale/ru/LC_MESSAGES"
    for path in sorted(folder.rglob("*.po")):
        catalogue = parse_po(path.read_bytes(), str(path))
        slug = path.relative_to(folder).with_suffix("").as_posix()
        for message in catalogue.active:
            message.msgstr = choose(slug, message.msgid) or ""
        path.write_bytes(render_po(catalogue))


def _divergent_project(root: Path) -> Path:
    """Twelve articles quoting one sentence, translated two ways; some articles partly
    untranslated; half the sources edited since, so their catalogues are rewritten (and
    checked) on the next run."""
    write_project(root, _articles(), 'languages = ["en", "ru", "az"]\n')
    sync(load_config(root), SyncOptions(jobs=1))

    def choose(slug: str, msgid: str) -> str | None:
        number = int(slug[-2:])
        if msgid == QUOTE:
            return VARIANTS[number % 3 == 0]
        if number % 4 == 1 and msgid.startswith("item"):
            return None
        return "ру " + msgid

    _translate(root, choose)
    for index, path in enumerate(sorted((root / "source").rglob("*.md"))):
        if index % 2 == 0:
            path.write_text(path.read_text(encoding="utf-8") + "\nA closing line from the desk.\n",
                            encoding="utf-8")
    return root


def _everything_in_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    """The previous design: every article's catalogues go back to the parent."""
    monkeypatch.setattr(sync_module, "_needs_parent", lambda states, options: True)


def _outcome(root: Path, **options: Any) -> tuple[str, dict[str, bytes], dict[str, Any]]:
    """The report (as ordered JSON), every file's bytes and the state, of one run."""
    config = load_config(root)
    report = sync(config, SyncOptions(**options, **hooks(config)))
    files = {rel: data for rel, (data, _) in snapshot_tree(root).items()}
    state = json.loads((root / ".pipeline/state.json").read_text(encoding="utf-8"))
    for record in state["articles"].values():
        for signature in record["files"].values():
            if signature is not None:
                signature[1] = 0  # modification times differ between the two copies
    state.pop("settings")  # the settings include the project's path
    state.pop("checksum")  # it signs the modification times too
    return json.dumps(report.to_json(), ensure_ascii=False), files, state


def _compare_with_the_parent_design(monkeypatch: pytest.MonkeyPatch, project: Path, tmp_path: Path,
                                    **options: Any) -> dict[str, Any]:
    new, old = tmp_path / "new", tmp_path / "old"
    shutil.copytree(project, new)
    shutil.copytree(project, old)
    result = _outcome(new, **options)
    with monkeypatch.context() as patch:
        _everything_in_the_parent(patch)
        expected = _outcome(old, **options)
    assert result[0] == expected[0]
    assert result[1] == expected[1]
    assert result[2] == expected[2]
    report = json.loads(result[0])
    assert report["findings"] == _findings_of_the_written_catalogues(new, report["written"])
    return report


def _findings_of_the_written_catalogues(root: Path, written: list[str]) -> list[str]:
    """What the checks say of the catalogues a run wrote, checked together in the order
    written: entry findings catalogue by catalogue, then divergence across them."""
    config = load_config(root)
    languages = {config.catalogue_rel(lang, article.slug): (article.lang, lang)
                 for article in load_articles(config, Problems()) for lang in target_languages(config, article)}
    items = [(rel, *languages[rel], parse_po((root / rel).read_bytes(), rel))
             for rel in written if rel in languages]
    return [f.render() for f in hooks(config)["checker"](items)]


class _Spy(pickle.Pickler):
    """Records the type of every object pickled (what a worker would send back)."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO())
        self.types: set[type] = set()

    def reducer_override(self, obj: object) -> object:
        self.types.add(type(obj))
        return NotImplemented


def _sent_back(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, set[type]]]:
    """Wrap phase 1 to record, per article, the types its result pickles to. Recorded in
    the parent, so the project is run serially."""
    sent: list[tuple[str, set[type]]] = []
    prepare = sync_module._prepare

    def spying(config: Any, rel: str, slug: str, options: SyncOptions, *rest: Any) -> Any:
        result = prepare(config, rel, slug, options, *rest)
        spy = _Spy()
        spy.dump(result)
        sent.append((slug, spy.types))
        return result

    monkeypatch.setattr(sync_module, "_prepare", spying)
    return sent


def test_a_run_without_an_engine_sends_no_catalogue_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _divergent_project(tmp_path / "p")
    sent = _sent_back(monkeypatch)
    config = load_config(root)
    report = sync(config, SyncOptions(jobs=1, **hooks(config)))
    assert len(sent) == 12 and report.findings and report.written
    for _, types in sent:
        assert not types & {Catalogue, Message, CatalogueState}


def test_with_an_engine_only_articles_with_untranslated_entries_come_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_project(tmp_path, _articles(4), 'languages = ["en", "ru"]\n')
    sync(load_config(root), SyncOptions(jobs=1))
    _translate(root, lambda slug, msgid: None if slug == "desk2/story-02" and msgid.startswith("item") else "ру " + msgid)
    sent = _sent_back(monkeypatch)
    report = sync(load_config(root), SyncOptions(jobs=1, engine=PseudoEngine()))
    kept = [slug for slug, types in sent if CatalogueState in types]
    assert kept == ["desk2/story-02"]
    assert report.machine_translated["ru"] == 1


def test_finished_articles_still_feed_the_translation_memory(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"a": "A sentence the desk repeats.\n", "b": "Another story.\n"},
                         'languages = ["en", "ru"]\n')
    sync(load_config(root), SyncOptions(jobs=1))
    _translate(root, lambda slug, msgid: "Повтор." if slug == "a" else None)
    (root / "source/b.md").write_text("Another story.\n\nA sentence the desk repeats.\n", encoding="utf-8")
    report = sync(load_config(root), SyncOptions(jobs=1, engine=PseudoEngine()))
    assert report.from_memory["ru"] == 1
    entries = {m.msgid: m for m in parse_po((root / "locale/ru/LC_MESSAGES/b.po").read_bytes()).active}
    reused = entries["A sentence the desk repeats."]
    assert reused.msgstr == "Повтор."
    assert "mt: translation memory (locale/ru/LC_MESSAGES/a.po)" in without_source_digest(reused.comments)


@pytest.mark.parametrize("engine", [None, PseudoEngine()], ids=["no-engine", "pseudo"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_divergent_project_same_as_when_the_parent_keeps_everything(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: object, jobs: int) -> None:
    project = _divergent_project(tmp_path / "project")
    report = _compare_with_the_parent_design(monkeypatch, project, tmp_path, engine=engine, jobs=jobs)
    assert any("[quote-divergence]" in f for f in report["findings"])
    assert report["written"] and report["published"] and report["held_back"]


@pytest.mark.parametrize("engine", [None, PseudoEngine()], ids=["no-engine", "pseudo"])
def test_example_same_as_when_the_parent_keeps_everything(
        example_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: object) -> None:
    report = _compare_with_the_parent_design(monkeypatch, example_project, tmp_path, engine=engine, jobs=2)
    assert report["published"]


class _OlderModel(PseudoEngine):
    def provenance(self, source: str, target: str) -> str:
        return "older model 0.1"


def test_refresh_same_as_when_the_parent_keeps_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles translated only by an older model come back for --refresh, too."""
    project = _divergent_project(tmp_path / "project")
    sync(load_config(project), SyncOptions(jobs=1, engine=_OlderModel()))
    report = _compare_with_the_parent_design(monkeypatch, project, tmp_path, engine=PseudoEngine(),
                                             refresh=True, jobs=2)
    assert report["machine_translated"]["az"] > 0


def test_serial_and_parallel_runs_are_identical(tmp_path: Path) -> None:
    project = _divergent_project(tmp_path / "project")
    outcomes = []
    for jobs in (1, 2):
        root = tmp_path / f"jobs{jobs}"
        shutil.copytree(project, root)
        outcomes.append(_outcome(root, jobs=jobs))
    assert outcomes[0] == outcomes[1]


def test_an_article_renamed_and_edited_at_once_gets_its_edited_paragraphs_old_translations_to_review(
        tmp_path: Path) -> None:
    """Regression: the unchanged paragraphs came back from the memory, but an edited one got
    nothing (the memory matches exactly), though the same edit without the rename keeps the
    old translation, fuzzy, with the old text. Now it gets that too, never as reviewed."""
    from pipeline.engines.memory_only import MemoryOnlyEngine

    text = "---\ntitle: Port grows\n---\n\nShips waited for three days at the entrance last winter.\n\nIt is open.\n"
    root = write_project(tmp_path, {"old": text}, 'languages = ["en", "ru"]\n[publish]\nallow_machine = true\n')
    sync(load_config(root), SyncOptions(jobs=1))
    _translate(root, lambda slug, msgid: "RU " + msgid)
    sync(load_config(root), SyncOptions(jobs=1))
    (root / "source/old.md").unlink()
    (root / "source/new.md").write_text(text.replace("three", "four"), encoding="utf-8")
    report = sync(load_config(root), SyncOptions(jobs=1, engine=MemoryOnlyEngine()))
    assert report.from_memory["ru"] == 2
    assert report.translate_notes == ["ru: 1 new entry got the reviewed translation of a similar text from a "
                                      "catalogue no article uses (a renamed or deleted article's): fuzzy, with the "
                                      "difference to review"]
    edited = parse_po((root / "locale/ru/LC_MESSAGES/new.po").read_bytes()).active[1]
    assert (edited.msgid, edited.msgstr, edited.fuzzy) == (
        "Ships waited for four days at the entrance last winter.",
        "RU Ships waited for three days at the entrance last winter.", True)
    assert edited.previous_msgid == "Ships waited for three days at the entrance last winter."
    assert "mt: translation memory, similar text (locale/ru/LC_MESSAGES/old.po)" \
        in without_source_digest(edited.comments)
    assert not (root / "public/ru/new.md").exists()  # machine output may go online, a suggestion may not
    assert [d.reasons() for d, _ in report.held_back] == [
        ["1 source changed since translation"]]
    files = snapshot_tree(root)
    again = sync(load_config(root), SyncOptions(jobs=1, engine=MemoryOnlyEngine()))
    assert not again.written and snapshot_tree(root) == files


def test_an_article_that_takes_in_a_deleted_articles_edited_paragraph_gets_its_old_translation_to_review(
        tmp_path: Path) -> None:
    """Regression: only a new catalogue got the reviewed translation of a similar text from a
    catalogue no article uses, so a story merged into another one (the follow-up deleted, its
    paragraphs, lightly edited, moved into the main story) had them machine-translated, and
    the reviewed translations waited unseen in the deleted article's catalogue."""
    from pipeline.engines.memory_only import MemoryOnlyEngine

    moved = "Ships waited for three days at the entrance last winter."
    root = write_project(tmp_path, {"main": "---\ntitle: Port grows\n---\n\nThe port grows.\n",
                                    "follow-up": f"---\ntitle: Port waits\n---\n\n{moved}\n"},
                         'languages = ["en", "ru"]\n')
    sync(load_config(root), SyncOptions(jobs=1))
    _translate(root, lambda slug, msgid: "RU " + msgid)
    sync(load_config(root), SyncOptions(jobs=1))
    (root / "source/follow-up.md").unlink()
    (root / "source/main.md").write_text("---\ntitle: Port grows\n---\n\nThe port grows.\n\n"
                                         + moved.replace("three", "four") + "\n", encoding="utf-8")
    report = sync(load_config(root), SyncOptions(jobs=1, engine=MemoryOnlyEngine()))
    edited = parse_po((root / "locale/ru/LC_MESSAGES/main.po").read_bytes()).active[2]
    assert (edited.msgstr, edited.fuzzy, edited.previous_msgid) == ("RU " + moved, True, moved)
    assert "mt: translation memory, similar text (locale/ru/LC_MESSAGES/follow-up.po)" \
        in without_source_digest(edited.comments)
    assert report.translate_notes[0].startswith("ru: 1 new entry got the reviewed translation of a similar text")


def _edited_to_another_articles_text(root: Path) -> tuple[str, str]:
    """Two articles whose paragraphs differ by one figure, both reviewed; then ``a``'s is
    edited to exactly ``b``'s. Returns (old text, new text)."""
    old = "The port handled 5,000 tonnes of grain in May, the ministry said on Monday."
    new = old.replace("5,000", "6,000")
    write_project(root, {"a": f"---\ntitle: Port A\n---\n\n{old}\n", "b": f"---\ntitle: Port B\n---\n\n{new}\n"},
                  'languages = ["en", "ru"]\n')
    sync(load_config(root), SyncOptions(jobs=1))
    _translate(root, lambda slug, msgid: f"РУ-{slug} " + msgid)
    sync(load_config(root), SyncOptions(jobs=1))
    (root / "source/a.md").write_text(f"---\ntitle: Port A\n---\n\n{new}\n", encoding="utf-8")
    return old, new


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_edited_paragraph_gets_the_reviewed_translation_of_exactly_its_new_text(tmp_path: Path,
                                                                                    jobs: int) -> None:
    """Regression: a paragraph edited to a text another catalogue holds a reviewed translation
    of kept only its own old translation (fuzzy, with the old text), and the exact match went
    unused. Now the exact match is the entry's translation, fuzzy, with its provenance; the
    old translation stays as a ``previous translation:`` comment and in the old text's
    obsolete entry, and there is no ``#|``: the translation is of exactly this text."""
    from pipeline.engines.memory_only import MemoryOnlyEngine

    old, new = _edited_to_another_articles_text(tmp_path)
    report = sync(load_config(tmp_path), SyncOptions(jobs=jobs, engine=MemoryOnlyEngine()))
    assert report.from_memory["ru"] == 1
    catalogue = parse_po((tmp_path / "locale/ru/LC_MESSAGES/a.po").read_bytes())
    edited = {m.msgid: m for m in catalogue.active}[new]
    assert (edited.msgstr, edited.fuzzy, edited.previous_msgid) == ("РУ-b " + new, True, None)
    assert without_source_digest(edited.comments) == ["previous translation: РУ-a " + old,
                               "mt: translation memory (locale/ru/LC_MESSAGES/b.po)"]
    assert {m.msgid: m.msgstr for m in catalogue.obsolete} == {old: "РУ-a " + old}
    from pipeline.review import build_queue

    waiting = [(i.article, i.msgid, i.reason, i.provenance, i.previous_msgid)
               for i in build_queue(load_config(tmp_path)).items]
    assert waiting == [("a", new, "machine", "translation memory (locale/ru/LC_MESSAGES/b.po)", None)]
    files = snapshot_tree(tmp_path)
    again = sync(load_config(tmp_path), SyncOptions(jobs=jobs, engine=PseudoEngine()))
    assert not again.written and not again.machine_translated and snapshot_tree(tmp_path) == files


def test_an_edited_paragraph_without_an_exact_match_keeps_its_old_translation_with_the_old_text(
        tmp_path: Path) -> None:
    """The exact match is only used where one exists: another edit still keeps the old
    reviewed translation, fuzzy, with the previous msgid, and is not machine-translated."""
    old, new = _edited_to_another_articles_text(tmp_path)
    other = new.replace("Monday", "Tuesday")
    (tmp_path / "source/a.md").write_text(f"---\ntitle: Port A\n---\n\n{other}\n", encoding="utf-8")
    report = sync(load_config(tmp_path), SyncOptions(jobs=1, engine=PseudoEngine()))
    assert not report.machine_translated and not report.from_memory
    edited = parse_po((tmp_path / "locale/ru/LC_MESSAGES/a.po").read_bytes()).active[1]
    assert (edited.msgid, edited.msgstr, edited.previous_msgid) == (other, "РУ-a " + old, old)


def test_the_memory_reads_only_the_catalogues_that_may_hold_a_wanted_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The translate stage signs each catalogue it reads with the hashes of its reviewed
    texts (``.pipeline/reviewed``); the next one reads only those that may hold a text it
    needs, or that changed since. A translator's review saved in between is still seen."""
    from pipeline.engines.memory_only import MemoryOnlyEngine

    articles = {f"s{n}": f"Paragraph {n} of a story about the port of Baku and its new terminal.\n"
                for n in range(6)}
    root = write_project(tmp_path, articles, 'languages = ["en", "ru"]\n')
    sync(load_config(root), SyncOptions(jobs=1))
    _translate(root, lambda slug, msgid: None if slug == "s5" else "РУ " + msgid)
    (root / "source/s0.md").write_text(articles["s0"].replace("Paragraph 0", "Paragraph 1"), encoding="utf-8")
    first = sync(load_config(root), SyncOptions(jobs=1, engine=MemoryOnlyEngine()))
    assert first.from_memory["ru"] == 1 and (root / ".pipeline/reviewed").is_file()
    read: list[str] = []
    reading = sync_module.read_catalogue_file

    def counting(config: Any, rel: str) -> Any:
        read.append(rel)
        return reading(config, rel)

    monkeypatch.setattr(sync_module, "read_catalogue_file", counting)
    (root / "source/s2.md").write_text(articles["s2"].replace("Paragraph 2", "Paragraph 3"), encoding="utf-8")
    second = sync(load_config(root), SyncOptions(jobs=1, engine=MemoryOnlyEngine()))
    assert second.from_memory["ru"] == 1
    # s2's own, then for the memory s3's (it holds the new text), s0's (written since it was signed)
    # and s5's (never signed: the last run held it, untranslated); not s1's or s4's
    assert read == ["locale/ru/LC_MESSAGES/s2.po"] + [f"locale/ru/LC_MESSAGES/s{n}.po" for n in (0, 3, 5)]
    _translate(root, lambda slug, msgid: "РУ-5 " + msgid if slug == "s5" else None)  # s5 reviewed, no run
    (root / "source/s4.md").write_text(articles["s4"].replace("Paragraph 4", "Paragraph 5"), encoding="utf-8")
    sync(load_config(root), SyncOptions(jobs=1, engine=MemoryOnlyEngine()))
    edited = parse_po((root / "locale/ru/LC_MESSAGES/s4.po").read_bytes()).active[0]
    assert (edited.msgstr, without_source_digest(edited.comments)[-1]) == ("РУ-5 " + articles["s5"].strip(),
                                                     "mt: translation memory (locale/ru/LC_MESSAGES/s5.po)")


def test_the_reviewed_index_is_reported_as_the_run_s_own_record(tmp_path: Path) -> None:
    """Writing ``.pipeline/reviewed`` is no project change, but no "nothing" either: it is
    listed with the run state, and a second run that translates nothing leaves it alone."""
    from pipeline.engines.memory_only import MemoryOnlyEngine

    _edited_to_another_articles_text(tmp_path)
    report = sync(load_config(tmp_path), SyncOptions(jobs=1, engine=MemoryOnlyEngine()))
    assert ".pipeline/reviewed" in report.state_written
    again = sync(load_config(tmp_path), SyncOptions(jobs=1, engine=MemoryOnlyEngine()))
    assert not again.written and not again.state_written


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_edit_merged_by_update_gets_the_exact_match_as_in_sync(tmp_path: Path, jobs: str) -> None:
    """Regression: the memory's reviewed translation of exactly an edited paragraph's new text
    replaced its old translation only when the edit was merged by ``sync``: an editor who ran
    ``pipeline extract``, ``pipeline update`` and then ``pipeline translate`` kept the old
    text's translation (fuzzy, with ``#|``), as the entry was no longer "edited in this run"
    when ``translate`` read it. ``update`` now gives the edited entries the exact match as
    it merges the edit, so both ways end with the same catalogue."""
    from click.testing import CliRunner

    from pipeline.cli import cli

    by_sync = tmp_path / "sync"
    _edited_to_another_articles_text(by_sync)
    by_steps = tmp_path / "steps"
    shutil.copytree(by_sync, by_steps)
    runner = CliRunner()
    assert runner.invoke(cli, ["--project", str(by_sync), "sync", "--engine", "none"]).exit_code == 0
    for command in (["extract"], ["update"], ["translate", "--engine", "none"]):
        result = runner.invoke(cli, ["--project", str(by_steps), *command, "--jobs", jobs])
        assert result.exit_code == 0, result.output
    rel = "locale/ru/LC_MESSAGES/a.po"
    assert (by_steps / rel).read_text(encoding="utf-8") == (by_sync / rel).read_text(encoding="utf-8")
    assert "mt: translation memory (locale/ru/LC_MESSAGES/b.po)" in (by_steps / rel).read_text(encoding="utf-8")
