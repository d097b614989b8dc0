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
