"""Reviewed translations a catalogue no article uses and a live one disagree on
(:mod:`pipeline.diverged`), end to end through ``sync`` and ``status``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import diverged
from pipeline.catalogue import parse_po, render_po
from pipeline.cli import cli
from tests.conftest import snapshot_tree, write_project

ARTICLE = """---
title: Bakı limanı genişlənir
lang: az
---

Liman böyüyəcək, direktor bildirib.

Yeni yük terminalı 2027-ci ildə açılacaq.
"""
LIVE = "locale/ru/LC_MESSAGES/news/port.po"
UNUSED = "locale/ru/LC_MESSAGES/biz/port.po"


def run(runner: CliRunner, root: Path, *args: str) -> "object":
    result = runner.invoke(cli, ["--project", str(root), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def review(root: Path, rel: str, translate=lambda msgid: "RU: " + msgid) -> None:  # type: ignore[no-untyped-def]
    """A translator's pass: every active entry translated as ``translate`` says, not fuzzy."""
    path = root / rel
    catalogue = parse_po(path.read_bytes(), rel)
    for message in catalogue.active:
        message.msgstr = translate(message.msgid)
        message.fuzzy = False
    path.write_bytes(render_po(catalogue))


def move(root: Path, old: str, new: str) -> None:
    (root / "source" / new).parent.mkdir(parents=True, exist_ok=True)
    (root / "source" / old).rename(root / "source" / new)


@pytest.fixture
def renamed_and_back(tmp_path: Path, runner: CliRunner) -> Path:
    """The article reviewed as news/port, renamed to biz/port (reviewed anew there, with
    ``edit`` applied to the translations), and renamed back."""
    root = write_project(tmp_path, {"news/port": ARTICLE})
    run(runner, root, "sync", "--engine", "pseudo")
    review(root, LIVE)
    run(runner, root, "sync", "--engine", "pseudo")
    move(root, "news/port.md", "biz/port.md")
    run(runner, root, "sync", "--engine", "pseudo")
    assert (root / UNUSED).exists()
    return root


def test_an_article_renamed_and_renamed_back_names_the_newer_reviews_left_unused(
        renamed_and_back: Path, runner: CliRunner) -> None:
    """Regression: after the rename back, the old catalogue (older reviews) was live and up
    to date, and the one holding the revised translations was only named among the unused
    catalogues: deleting it, as people do, lost the newest human work unwarned."""
    root = renamed_and_back
    review(root, UNUSED, lambda msgid: "RU (revised): " + msgid)
    run(runner, root, "sync", "--engine", "pseudo")
    move(root, "biz/port.md", "news/port.md")
    output = run(runner, root, "sync", "--engine", "pseudo").output
    line = next(line for line in output.splitlines() if "reviewed translations differ" in line)
    assert f"{UNUSED}:" in line and f"{LIVE}:" in line and "delete " + UNUSED in line, line
    assert "choose one" in line and "more entries" in line
    unused_line = int(line.split(f"{UNUSED}:")[1].split(" ")[0])
    assert "RU (revised)" in (root / UNUSED).read_text().splitlines()[unused_line]
    status = run(runner, root, "status")
    assert "reviewed translations differ" in status.output and f"{UNUSED}:" in status.output
    data = json.loads(run(runner, root, "status", "--json").output)
    assert len(data["diverged_reviews"]) == 1 and UNUSED in data["diverged_reviews"][0]
    before = snapshot_tree(root, with_state=True)
    again = json.loads(run(runner, root, "sync", "--engine", "pseudo", "--json").output)
    assert again["written"] == [] and again["state_written"] == []
    assert again["diverged_reviews"] == data["diverged_reviews"]
    assert snapshot_tree(root, with_state=True) == before
    assert "RU (revised)" in (root / UNUSED).read_text()  # never written over


def test_nothing_is_said_when_the_unused_catalogue_agrees(renamed_and_back: Path, runner: CliRunner) -> None:
    root = renamed_and_back
    review(root, UNUSED)  # the same translations as the live one's
    run(runner, root, "sync", "--engine", "pseudo")
    move(root, "biz/port.md", "news/port.md")
    for command in (["sync", "--engine", "pseudo"], ["status"]):
        output = run(runner, root, *command).output
        assert "no article uses" in output
        assert "reviewed translations differ" not in output


def test_a_project_without_unused_catalogues_reads_none_for_the_comparison(
        tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_project(tmp_path, {"news/port": ARTICLE})
    run(runner, root, "sync", "--engine", "pseudo")
    review(root, LIVE)
    monkeypatch.setattr(diverged, "_read", lambda *_: pytest.fail("a catalogue was read"))
    output = run(runner, root, "sync", "--engine", "pseudo").output
    assert "reviewed translations differ" not in output
    assert not (root / diverged.DIVERGED_FILE).exists()


def test_an_unchanged_project_compares_nothing_again(renamed_and_back: Path, runner: CliRunner,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The answer is kept with the catalogues' signatures: a no-op sync only calls stat."""
    root = renamed_and_back
    review(root, UNUSED, lambda msgid: "RU (revised): " + msgid)
    run(runner, root, "sync", "--engine", "pseudo")
    move(root, "biz/port.md", "news/port.md")
    first = run(runner, root, "sync", "--engine", "pseudo").output
    monkeypatch.setattr(diverged, "_read", lambda *_: pytest.fail("a catalogue was read"))
    second = run(runner, root, "sync", "--engine", "pseudo").output
    assert [line for line in first.splitlines() if "differ" in line] \
        == [line for line in second.splitlines() if "differ" in line] != []


def test_a_live_catalogue_without_the_unused_texts_is_not_read_again(
        renamed_and_back: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """When a catalogue changes, the live ones whose reviewed keys (kept hashed) share none
    of the unused catalogues' texts are not parsed again."""
    root = renamed_and_back
    (root / "source/other.md").write_text("---\nlang: az\n---\n\nBaşqa mətn.\n", encoding="utf-8")
    run(runner, root, "sync", "--engine", "pseudo")
    review(root, "locale/ru/LC_MESSAGES/other.po")
    review(root, UNUSED, lambda msgid: "RU (revised): " + msgid)
    run(runner, root, "sync", "--engine", "pseudo")
    review(root, UNUSED, lambda msgid: "RU (revised again): " + msgid)
    read: list[str] = []
    real = diverged._read
    monkeypatch.setattr(diverged, "_read", lambda config, rel: read.append(rel) or real(config, rel))
    output = run(runner, root, "sync", "--engine", "pseudo").output
    assert "reviewed translations differ" in output
    assert UNUSED in read and LIVE in read
    assert "locale/ru/LC_MESSAGES/other.po" not in read


def test_a_deleted_article_sharing_a_boilerplate_line_is_no_divergence(tmp_path: Path, runner: CliRunner) -> None:
    """Two different articles that share one credit line, each reviewed in its own words:
    when one is deleted, its catalogue is unused, and the credit line is no second version
    of the live article's review to choose between."""
    credit = "Foto: APA."
    root = write_project(tmp_path, {
        "news/port": ARTICLE + "\n" + credit + "\n",
        "news/rail": "---\ntitle: Dəmir yolu\nlang: az\n---\n\nQatarlar gecikir.\n\nStansiya bağlanıb.\n\n" + credit + "\n",
    })
    run(runner, root, "sync", "--engine", "pseudo")
    review(root, LIVE)
    review(root, "locale/ru/LC_MESSAGES/news/rail.po", lambda msgid: "RU (rail): " + msgid)
    run(runner, root, "sync", "--engine", "pseudo")
    (root / "source/news/rail.md").unlink()
    for command in (["sync", "--engine", "pseudo"], ["status"]):
        output = run(runner, root, *command).output
        assert "no article uses" in output
        assert "reviewed translations differ" not in output
