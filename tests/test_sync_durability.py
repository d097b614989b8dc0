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
