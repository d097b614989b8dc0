"""Reading articles for a project: an article emptied by a crash is not read as empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import load_config
from pipeline.errors import ArticleError
from pipeline.project import load_article

from .conftest import snapshot_tree, write_project

CONFIG = 'languages = ["en", "ru"]\nsource_language = "en"\n'


def _sync(root: Path) -> int:
    return CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"]).exit_code


@pytest.mark.parametrize("emptied", [b"", b"\n \n"])
def test_an_article_emptied_since_the_last_run_is_refused_and_nothing_changes(tmp_path: Path,
                                                                               emptied: bytes) -> None:
    """A crash or a full disk leaves a file empty: read as it is, every entry turned obsolete
    and an empty version was published over the reviewed one, with exit code 0."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram line extended\n---\n\nThe tram runs.\n"}, CONFIG)
    assert _sync(root) == 0
    (root / "source/news/tram.md").write_bytes(emptied)
    before = snapshot_tree(root)
    with pytest.raises(ArticleError, match="the article is empty, but its last version had 2 entries") as info:
        load_article(load_config(root), "source/news/tram.md", "news/tram")
    assert info.value.line == 1 and "locale/templates/news/tram.pot" in (info.value.hint or "")
    assert _sync(root) == 1
    assert snapshot_tree(root) == before


def test_an_article_that_was_always_empty_is_read_as_usual(tmp_path: Path) -> None:
    """A Hugo section's ``_index.md`` is often an empty file: it has nothing to translate."""
    root = write_project(tmp_path, {"news/_index": ""}, CONFIG)
    assert _sync(root) == 0
    assert _sync(root) == 0
    assert load_article(load_config(root), "source/news/_index.md", "news/_index").segments == ()
