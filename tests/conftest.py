"""Shared fixtures: temporary projects, the CLI runner, isolation from the user's machine."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from hypothesis import settings

if TYPE_CHECKING:
    from pipeline.model import Catalogue

# Property tests explore the same examples on every run, so CI cannot fail on a draw it never
# made before; `pytest --hypothesis-profile=explore` (or HYPOTHESIS_PROFILE=explore) searches
# afresh, as developers should after changing a reader or writer.
settings.register_profile("deterministic", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's Argos, XDG or home folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "argos-packages"))
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write_project(root: Path, articles: dict[str, str], config: str | None = None) -> Path:
    """A content root with ``source/<slug>.md`` for each article and an optional pipeline.toml."""
    for slug, text in articles.items():
        path = root / "source" / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    if config is not None:
        (root / "pipeline.toml").write_text(config, encoding="utf-8")
    return root


def catalogue_of(entries: list[tuple[str, str, int, bool]]) -> "Catalogue":
    """A catalogue of (msgid, msgstr, line, fuzzy) entries, as a check sees one."""
    from pipeline.model import Catalogue, Message

    messages = []
    for msgid, msgstr, line, fuzzy in entries:
        message = Message(msgid=msgid, msgstr=msgstr, lineno=line)
        message.fuzzy = fuzzy
        messages.append(message)
    return Catalogue(messages=messages)


@pytest.fixture
def example_project(tmp_path: Path) -> Path:
    """A copy of the bundled example (source/, locale/, pipeline.toml) in a temporary folder."""
    root = tmp_path / "example"
    root.mkdir()
    for name in ("source", "locale"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, root / name)
    if (REPO / "pipeline.toml").exists():
        shutil.copy(REPO / "pipeline.toml", root / "pipeline.toml")
    return root


def force_fork(monkeypatch: pytest.MonkeyPatch, module: object, may_fork: str, in_fork: str) -> list[int]:
    """Make ``module`` take its forked route whatever the input size; the returned list
    gets one item per fork, so a test can prove the route was taken."""
    forks: list[int] = []
    real = getattr(module, in_fork)

    def counting(task):  # type: ignore[no-untyped-def]
        forks.append(1)
        return real(task)

    monkeypatch.setattr(module, may_fork, lambda: True)
    monkeypatch.setattr(module, in_fork, counting)
    return forks


def snapshot_tree(root: Path, *, with_state: bool = False) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and mtime, to prove a run changed nothing; ``.pipeline/`` (the run
    state and the lock, which differ between runs that did the same work) only ``with_state``."""
    result = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and (with_state or ".pipeline" not in path.parts):
            result[path.relative_to(root).as_posix()] = (path.read_bytes(), os.stat(path).st_mtime_ns)
    return result


# The tiny real Argos packages, built once per test session and shared by every module.
from tests.argos_factory import argos_packages  # noqa: E402,F401


def without_source_digest(comments: list[str]) -> list[str]:
    """``comments`` with the source digest each ``mt:`` comment ends with (`` source#…``)
    taken off, for tests about what made a translation, not which text it translated."""
    import re

    from pipeline.model import MT_SOURCE_MARK
    return [re.sub(re.escape(MT_SOURCE_MARK) + r"[0-9a-f]{8}$", "", c) for c in comments]
