"""Which files a run fsyncs one by one, and which it flushes together.

Catalogues hold translators' work: each is fsynced before and after its rename.
Templates and published articles are rebuilt from them by the next run, so they are
written atomically without fsync and flushed with one ``syncfs`` before the run records
its state; a power cut can then cost a rebuild, never a translation.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import pipeline.sync as sync_module
from pipeline.config import load_config
from pipeline.engines.pseudo import PseudoEngine
from pipeline.integration import hooks
from pipeline.sync import SyncOptions, sync


@pytest.fixture
def fsynced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the files (not folders) fsynced during the test."""
    paths: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        path = os.readlink(f"/proc/self/fd/{fd}")
        if not os.path.isdir(path):
            paths.append(path)
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return paths


@pytest.fixture
def flushes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = sync_module.flush_file_system
    monkeypatch.setattr(sync_module, "flush_file_system", lambda folder: (calls.append(folder), real(folder))[1])
    return calls


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="names fsynced files through /proc")
def test_only_catalogues_and_the_run_s_records_are_fsynced_one_by_one(
        example_project: Path, fsynced: list[str], flushes: list[Path]) -> None:
    for template in example_project.rglob("*.pot"):
        template.unlink()  # so that the run writes templates too
    config = load_config(example_project)
    report = sync(config, SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config)))
    assert report.ok
    written = {Path(rel).suffix for rel in report.written}
    assert {".pot", ".po", ".md"} <= written
    names = [Path(p.removesuffix(" (deleted)")).name for p in fsynced]
    # temp files are fsynced under their temp names: ".<name>.<hex>.tmp"
    targets = sorted({name[1:].rsplit(".", 2)[0] for name in names if name.endswith(".tmp")})
    assert targets and all(name.endswith(".po") or name in ("state.json", ".pipeline-published.sha256") for name in targets), targets
    assert len([rel for rel in report.written if rel.endswith(".po")]) == \
        len([n for n in names if ".po." in n])
    assert flushes, "templates and published articles were written but never flushed"


def test_a_run_that_writes_nothing_flushes_nothing(example_project: Path, flushes: list[Path]) -> None:
    config = load_config(example_project)
    options = SyncOptions(jobs=1, **hooks(config))
    sync(config, options)
    flushes.clear()
    report = sync(config, options)
    assert report.written == [] and flushes == []


def test_an_output_folder_that_cannot_be_read_is_each_version_s_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: with ``public/`` left without read permission (chmod 000), the first look at
    a version's place (``Path.exists``), and then the flush of the folder, ended sync and
    status with one error naming an absolute path, and nothing after it was done. Each
    version is now its own error, the catalogues are still updated, and status lists the rest."""
    import pathlib

    from click.testing import CliRunner

    from pipeline.cli import cli
    from pipeline.fileio import flush_file_system
    from pipeline.project import project_status
    from tests.conftest import write_project

    root = write_project(tmp_path, {"a": "---\ntitle: Port\n---\n\nThe port grew.\n"},
                         'languages = ["en", "ru"]\n[publish]\nallow_machine = true\n')
    assert sync(load_config(root), SyncOptions(engine=PseudoEngine(), jobs=1)).ok
    (root / "source/a.md").write_text("---\ntitle: Port\n---\n\nThe port grew fast.\n", encoding="utf-8")
    public = str(root / "public")
    real_stat, real_open = pathlib.Path.stat, os.open

    def stat(self, *args, **kwargs):  # type: ignore[no-untyped-def]  # chmod 000 does not stop root
        if str(self).startswith(public + "/"):
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    def open_(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(path) == public:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "stat", stat)
    monkeypatch.setattr(os, "open", open_)
    flush_file_system(Path(public))  # falls back to flushing every file system
    report = sync(load_config(root), SyncOptions(engine=PseudoEngine(), jobs=1))
    assert [(e.path, str(e).split(": ", 1)[1]) for e in report.errors] == [
        ("public/ru/a.md", "cannot look at the ru version's place: Permission denied")]
    assert "fast" in (root / "locale/ru/LC_MESSAGES/a.po").read_text(encoding="utf-8")
    _rows, errors, _own = project_status(load_config(root))
    assert [e.path for e in errors] == ["public/ru/a.md"]
    result = CliRunner().invoke(cli, ["--project", str(root), "status"])
    assert result.exit_code == 1 and str(root) not in result.stderr, result.stderr
