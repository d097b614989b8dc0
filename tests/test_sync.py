"""The sync report: what a run found in the sources, as the editor reads it."""

from __future__ import annotations

from pathlib import Path

from pipeline.config import load_config
from pipeline.engines.pseudo import PseudoEngine
from pipeline.integration import hooks
from pipeline.sync import SyncOptions, sync
from tests.conftest import write_project

ARTICLE = """---
title: Port grows
---

The port handled 1.2 million tonnes in May.

Its director said the works would start in June.
"""


def test_an_edited_paragraph_with_unreviewed_machine_output_is_counted_as_changed(tmp_path: Path) -> None:
    """Regression: editing a paragraph whose translation was unreviewed machine output (sent
    to machine translation again, the old output kept as a comment) was reported as a new
    segment, so one edit read 'new segments: ru 1' beside 'changed segments: az 1' where
    the Azerbaijani translation had been reviewed."""
    root = write_project(tmp_path / "desk", {"port": ARTICLE}, 'languages = ["en", "ru"]\n')
    config = load_config(root)
    options = SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config))
    sync(config, options)
    (root / "source" / "port.md").write_text(ARTICLE.replace("in June", "in July"), encoding="utf-8")
    report = sync(config, options)
    assert (dict(report.new_segments), dict(report.changed_segments)) == ({}, {"ru": 1})
