"""The real Argos path through the CLI: install tiny real packages, then `pipeline sync`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.catalogue import parse_po
from pipeline.cli import cli
from pipeline.model import MT_REJECTED_PREFIX
from tests.argos_factory import BuiltPackages
from tests.conftest import write_project

pytestmark = pytest.mark.slow


def invoke(root: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def test_models_install_then_sync_with_argos(argos_packages: BuiltPackages, tmp_path: Path) -> None:
    root = write_project(tmp_path, {
        "en-story": "---\ntitle: The port grows\n---\n\nThe port will grow next year.\n\n- a new berth\n",
        "az-story": "---\ntitle: Liman böyüyür\nlang: az\n---\n\nLiman gələn il böyüyəcək.\n",
    }, 'languages = ["en", "ru", "az"]\n[models]\ndir = "models"\n')
    report = invoke(root, "models")
    assert "az→ru: MISSING" in report.output and "install with: pipeline models install --missing" in report.output

    files = [str(path) for path in argos_packages.files.values()]
    installed = invoke(root, "models", "install", *files)
    assert installed.exit_code == 0, installed.output
    assert (root / "models").is_dir()
    report = invoke(root, "models")
    assert "az→ru: via en: translate-az_en" in report.output
    assert "MISSING" not in report.output

    filled = rejected = 0
    synced = invoke(root, "sync", "--strict")
    assert synced.exit_code == 0, synced.output
    for rel, pivot in (("locale/ru/LC_MESSAGES/en-story.po", False), ("locale/az/LC_MESSAGES/en-story.po", False),
                       ("locale/ru/LC_MESSAGES/az-story.po", True), ("locale/en/LC_MESSAGES/az-story.po", False)):
        catalogue = parse_po((root / rel).read_bytes(), rel)
        for message in catalogue.active:
            provenance = message.machine_provenance
            if message.msgstr:
                filled += 1
                assert message.fuzzy and provenance and provenance.startswith("argos ")
                assert ("az→en→ru" in provenance) == pivot
            else:  # the random-weight model's nonsense was stopped by the sanity gate
                rejected += 1
                assert any(c.startswith(MT_REJECTED_PREFIX) and "(argos" in c for c in message.comments), rel
    assert filled and rejected  # the fixed seeds give both outcomes: both paths are exercised
    again = invoke(root, "sync", "--json")
    assert '"written": []' in again.output


def test_a_broken_package_file_is_refused(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"a": "Text.\n"}, '[models]\ndir = "models"\n')
    bogus = tmp_path / "evil.argosmodel"
    import zipfile

    with zipfile.ZipFile(bogus, "w") as archive:
        archive.writestr("../escape.txt", "x")
    result = invoke(root, "models", "install", str(bogus))
    assert result.exit_code == 1
    assert "evil.argosmodel" in result.output
    assert not (tmp_path / "escape.txt").exists()


def test_a_damaged_package_file_is_an_error_message_not_a_traceback(argos_packages: BuiltPackages,
                                                                    tmp_path: Path) -> None:
    from tests.test_models import _damaged

    root = write_project(tmp_path, {"a": "Text.\n"}, 'languages = ["en", "ru"]\n[models]\ndir = "models"\n')
    bad = _damaged(argos_packages.files[("en", "ru")], tmp_path / "damaged.argosmodel")
    result = CliRunner().invoke(cli, ["--project", str(root), "models", "install", str(bad)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "damaged archive" in result.output and "download it again" in result.output
    assert "Traceback" not in result.output
    assert "en→ru: MISSING" in invoke(root, "models").output


class _Terminal:
    """A stand-in for stderr on a terminal."""

    def __init__(self) -> None:
        import io

        self.buffer = io.StringIO()

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return self.buffer.write(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("reports", [
    [(0, None), (1000, None), (5000, None)],  # the server sent no Content-Length
    [(0, 5000), (2500, 5000)],  # the download failed halfway
    [(0, 5000), (2500, 5000), (0, 5000), (5000, 5000)],  # ... and the next link worked
], ids=["no-length", "failed", "retried"])
def test_download_bars_are_finished_on_a_terminal(monkeypatch: pytest.MonkeyPatch, reports: list) -> None:
    """An unfinished click bar leaves the cursor hidden and the next message on its line."""
    from pipeline.commands.models import _download_progress

    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(RuntimeError), _download_progress() as progress:
        for done, total in reports:
            progress("translate-en_ru 1.0", done, total)
        raise RuntimeError("the command ends (or fails)")
    shown = terminal.buffer.getvalue()
    assert "downloading translate-en_ru 1.0" in shown
    assert shown.count("\x1b[?25l") and shown.endswith("\x1b[?25h\n")
    assert shown.count("\x1b[?25h") == sum(1 for done, _ in reports if done == 0)


def test_download_bars_stay_quiet_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.commands.models import _download_progress

    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setenv("CI", "true")
    with _download_progress() as progress:
        progress("translate-en_ru 1.0", 0, 10)
        progress("translate-en_ru 1.0", 10, 10)
    assert terminal.buffer.getvalue() == ""


def test_an_unreadable_article_is_reported_not_left_out_of_the_pairs(tmp_path: Path) -> None:
    """Regression: ``pipeline models`` dropped an article it could not read without a word
    and exited 0, so the pairs of its language were missing from the list (and from what
    ``install --missing`` fetches) while the user believed the list complete."""
    root = write_project(tmp_path, {
        "az-story": "---\ntitle: Liman\nlang: az\n---\n\nLiman böyüyür.\n",
        "en-story": "---\ntitle: [Port\n---\n\nThe port grows.\n",
    }, 'languages = ["en", "ru", "az"]\n[models]\ndir = "models"\n')
    result = CliRunner().invoke(cli, ["--project", str(root), "models"])
    assert result.exit_code == 1
    assert "source/en-story.md:2: invalid front matter" in result.output
    assert "az→ru: MISSING" in result.output


def test_models_shows_hidden_characters_of_a_package_s_metadata_as_escapes(tmp_path: Path) -> None:
    """Regression: 'pipeline models' printed an installed package's version as its
    metadata.json writes it; the packages folder is shared with other Argos applications, so
    an escape sequence there ('\\x1b[2J') cleared the terminal instead of being shown."""
    root = write_project(tmp_path, {"a": "Text.\n"}, 'languages = ["en", "ru"]\n[models]\ndir = "models"\n')
    package = root / "models" / "translate-en_ru"
    package.mkdir(parents=True)
    (package / "metadata.json").write_text(
        '{"type": "translate", "from_code": "en", "to_code": "ru", "package_version": "1.9\\u001b[2J"}',
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(root), "models"], color=True)
    assert "\x1b" not in result.output, result.output
    assert "translate-en_ru 1.9\\x1b[2J" in result.output
