"""Concurrency: a translator saving during a sync, and two syncs at once.

(a) Deterministic race: ``write_if_changed`` is wrapped so that, right before sync writes one
catalogue, a "translator" saves that very file (as Poedit would). The run must refuse to
overwrite it (a clear error naming the file, exit 1), still process every other file, and
leave the translator's bytes intact; the next sync merges the translator's work.

(b) Two runs at once: while the project lock is held, a real ``pipeline sync`` process stops
at once with a clear message and a non-zero exit, and changes nothing; two real processes
started together never corrupt anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.sync
from pipeline.catalogue import parse_po, render_po
from pipeline.cli import cli
from pipeline.fileio import ProjectLock

from .conftest import snapshot_tree, write_project

CONFIG = 'languages = ["en", "ru", "az"]\nsource_language = "en"\n'
ARTICLES = {
    "city/bridge": "---\ntitle: Bridge closes for repairs\n---\n\nThe old bridge closes on Monday.\n",
    "city/park": "---\ntitle: Park gets new benches\n---\n\nForty benches were installed.\n",
}
RACED = "locale/ru/LC_MESSAGES/city/bridge.po"
SAVED_BY_TRANSLATOR = "Старый мост закрывается в понедельник."


def _sync(root: Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])


def _translator_saves(path: Path) -> bytes:
    catalogue = parse_po(path.read_bytes(), str(path))
    for message in catalogue.messages:
        if message.msgid == "The old bridge closes on Monday.":
            message.msgstr = SAVED_BY_TRANSLATOR
    catalogue.set_header("Last-Translator", "Leyla <leyla@example.org>")
    data = render_po(catalogue)
    path.write_bytes(data)
    return data


def _race(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Sync once, change every article, then sync while a translator saves RACED mid-run."""
    root = write_project(tmp_path / "project", ARTICLES, CONFIG)
    assert _sync(root).exit_code == 0
    # Every article changes, so every catalogue must be rewritten by the next run.
    for slug, text in ARTICLES.items():
        (root / "source" / f"{slug}.md").write_text(text + "\nLate addition.\n", encoding="utf-8")

    original = pipeline.sync.write_if_changed
    saved: dict[str, bytes] = {}

    def racing_write(path, data, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == root / RACED and not saved:
            saved["bytes"] = _translator_saves(Path(path))
        return original(path, data, **kwargs)

    monkeypatch.setattr(pipeline.sync, "write_if_changed", racing_write)
    result = _sync(root)
    monkeypatch.undo()
    assert saved, "the race was never triggered"
    return root, result, saved["bytes"]


def test_a_translator_saving_during_sync_keeps_their_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, result, saved = _race(tmp_path, monkeypatch)
    assert result.exit_code == 1, result.output
    assert RACED in result.stderr and "changed" in result.stderr, result.stderr
    assert (root / RACED).read_bytes() == saved
    for rel in ("locale/az/LC_MESSAGES/city/bridge.po", "locale/ru/LC_MESSAGES/city/park.po",
                "locale/az/LC_MESSAGES/city/park.po", "locale/templates/city/bridge.pot"):
        assert b"Late addition." in (root / rel).read_bytes(), rel


def test_the_concurrent_edit_error_names_the_file_relative_to_the_project(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, result, _ = _race(tmp_path, monkeypatch)
    assert f"error: {RACED}: " in result.stderr, result.stderr
    assert str(root) not in result.stderr


def test_the_next_sync_merges_the_translators_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, _, _ = _race(tmp_path, monkeypatch)
    again = _sync(root)
    assert again.exit_code == 0, again.output
    merged = parse_po((root / RACED).read_bytes())
    by_id = {m.msgid: m for m in merged.active}
    assert by_id["The old bridge closes on Monday."].msgstr == SAVED_BY_TRANSLATOR
    assert "Late addition." in by_id
    assert merged.header_value("Last-Translator") == "Leyla <leyla@example.org>"
    settled = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none", "--json"])
    assert json.loads(settled.stdout)["written"] == []


def test_a_catalogue_a_translator_creates_during_sync_is_not_overwritten(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new article has no catalogue when sync reads it; a colleague's .po for it arriving
    meanwhile (a git pull, a file copied from Weblate) must not be replaced by sync's own."""
    root = write_project(tmp_path / "project", ARTICLES, CONFIG)
    original = pipeline.sync.write_if_changed
    saved: dict[str, bytes] = {}

    def racing_write(path, data, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == root / RACED and not saved:
            catalogue = parse_po(data)
            for message in catalogue.active:
                message.msgstr = "ру " + message.msgid
            saved["bytes"] = render_po(catalogue)
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            Path(path).write_bytes(saved["bytes"])
        return original(path, data, **kwargs)

    monkeypatch.setattr(pipeline.sync, "write_if_changed", racing_write)
    result = _sync(root)
    monkeypatch.undo()
    assert saved, "the race was never triggered"
    assert result.exit_code == 1, result.output
    assert f"error: {RACED}: " in result.stderr and "created" in result.stderr, result.stderr
    assert (root / RACED).read_bytes() == saved["bytes"]
    assert _sync(root).exit_code == 0
    merged = {m.msgid: m.msgstr for m in parse_po((root / RACED).read_bytes()).active}
    assert merged["The old bridge closes on Monday."] == "ру The old bridge closes on Monday."


def _env() -> dict[str, str]:
    return dict(os.environ, CI="1")


def _command(root: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "--project", str(root), "sync", "--engine", "pseudo"]


@pytest.mark.slow
def test_a_second_sync_stops_at_once_while_the_project_is_locked(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", ARTICLES, CONFIG)
    before = snapshot_tree(root)
    with ProjectLock(root):
        started = time.monotonic()
        done = subprocess.run(_command(root), env=_env(), capture_output=True, text=True, timeout=60)
        elapsed = time.monotonic() - started
    assert done.returncode != 0
    assert "lock" in done.stderr.lower() or "another" in done.stderr.lower(), done.stderr
    assert elapsed < 15, "the second run waited instead of stopping at once"
    assert snapshot_tree(root) == before
    # The lock is released with the holder: the next run works.
    after = subprocess.run(_command(root), env=_env(), capture_output=True, text=True, timeout=60)
    assert after.returncode == 0, after.stderr


@pytest.mark.slow
def test_two_syncs_started_together_never_corrupt_anything(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", ARTICLES, CONFIG + "[publish]\nallow_machine = true\n")
    reference = write_project(tmp_path / "reference", ARTICLES, CONFIG + "[publish]\nallow_machine = true\n")
    assert subprocess.run(_command(reference), env=_env(), capture_output=True, timeout=60).returncode == 0
    outcomes = []
    for _ in range(2):
        processes = [subprocess.Popen(_command(root), env=_env(), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for process in processes:
            _, err = process.communicate(timeout=60)
            outcomes.append(process.returncode)
            assert process.returncode == 0 or "lock" in err.lower() or "another" in err.lower(), err
    assert 0 in outcomes

    def files(base: Path) -> dict[str, bytes]:
        return {p.relative_to(base).as_posix(): p.read_bytes() for base_dir in ("locale", "public")
                for p in sorted((base / base_dir).rglob("*")) if p.is_file()}

    assert files(root) == files(reference)
