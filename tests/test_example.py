"""The bundled example: its catalogues are canonical and current, and it publishes the goldens."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import DATA, snapshot_tree


def test_sync_on_the_bundled_example_publishes_the_golden_articles(example_project: Path) -> None:
    before = {k: v for k, v in snapshot_tree(example_project).items()}
    result = CliRunner().invoke(cli, ["--project", str(example_project), "sync", "--engine", "none"])
    assert result.exit_code == 0, result.output
    after = snapshot_tree(example_project)
    changed = sorted(k for k in after if before.get(k) != after[k])
    assert changed == ["public/.pipeline-published.sha256", "public/en/culture/ganja-book-fair.md",
                       "public/ru/economy/alat-port-expansion.md"]
    for published, golden in (("public/ru/economy/alat-port-expansion.md", "alat-port-expansion.ru.md"),
                              ("public/en/culture/ganja-book-fair.md", "ganja-book-fair.en.md")):
        assert (example_project / published).read_bytes() == (DATA / "golden" / golden).read_bytes()
    assert "held back science/caspian-seal-census (ru): 11 untranslated" in result.output


def test_bundled_example_has_no_check_errors(example_project: Path) -> None:
    result = CliRunner().invoke(cli, ["--project", str(example_project), "check"])
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.output
