"""Argos package management: needed pairs, routes, the report, safe installs, downloads."""

from __future__ import annotations

import http.server
import json
import stat
import threading
import zipfile
from pathlib import Path
from typing import Iterator

import pytest

from pipeline.errors import ModelPackageError, PipelineError
from pipeline.models import (
    PackageInfo, default_packages_dir, index_url, install_missing, install_package_file,
    installed_packages, model_report, needed_pairs, resolve_route, validate_package_file,
)
from tests.argos_factory import BuiltPackages


def package(src: str, tgt: str, version: str = "1.0") -> PackageInfo:
    return PackageInfo(Path(f"/p/{src}_{tgt}_{version}"), src, tgt, version)


def test_needed_pairs() -> None:
    assert needed_pairs(["en", "ru"], ["az", "ru", "en"]) == [
        ("en", "az"), ("en", "ru"), ("ru", "az"), ("ru", "en"),
    ]


def test_routes_prefer_direct_then_pivot_through_english() -> None:
    installed = [package("az", "en"), package("en", "ru", "1.0"), package("en", "ru", "1.10"),
                 package("az", "ru", "0.9")]
    direct = resolve_route("az", "ru", installed)
    assert direct is not None and direct.pivot is None
    assert resolve_route("en", "ru", installed).packages[0].package_version == "1.10"  # type: ignore[union-attr]
    pivot = resolve_route("az", "ru", installed[:3])
    assert pivot is not None and pivot.pivot == "en"
    assert [p.name for p in pivot.packages] == ["translate-az_en", "translate-en_ru"]
    assert resolve_route("ru", "az", installed) is None
    assert resolve_route("en", "az", installed) is None


def test_default_packages_dir_follows_argos() -> None:
    assert default_packages_dir({"ARGOS_PACKAGES_DIR": "/x/p", "HOME": "/h"}) == Path("/x/p")
    assert default_packages_dir({"HOME": "/h"}) == Path("/h/.local/share/argos-translate/packages")
    assert default_packages_dir({"HOME": "/h", "XDG_DATA_HOME": "/d"}) == Path("/d/argos-translate/packages")
    assert index_url({"ARGOS_PACKAGE_INDEX": "http://127.0.0.1:1/base/"}) == "http://127.0.0.1:1/base/index.json"


def test_default_packages_dir_reads_argos_settings_file(tmp_path: Path) -> None:
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "shared")}))
    assert default_packages_dir({"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}) == tmp_path / "shared"


def test_install_and_report(argos_packages: BuiltPackages, tmp_path: Path) -> None:
    folder = tmp_path / "packages"
    info = install_package_file(argos_packages.files[("en", "ru")], folder)
    assert (info.from_code, info.to_code, info.label) == ("en", "ru", "translate-en_ru 1.0")
    assert (info.path / "model" / "model.bin").is_file()
    install_package_file(argos_packages.files[("az", "en")], folder)
    install_package_file(argos_packages.files[("en", "ru")], folder)  # reinstall replaces
    assert len(installed_packages(folder)) == 2
    assert not list(folder.glob(".installing-*"))
    report = model_report(["en", "az"], ["en", "ru", "az"], folder)
    assert report.needed == [("az", "en"), ("az", "ru"), ("en", "az"), ("en", "ru")]
    assert report.pivoted == [("az", "ru")]
    assert report.missing == [("en", "az")]
    assert "pipeline models install --missing" in (report.install_command or "")



@pytest.mark.parametrize("atomic_exchange", [True, False], ids=["renameat2", "two-renames"])
def test_reinstalling_never_deletes_the_installed_package_before_the_new_one_is_in_place(
        argos_packages: BuiltPackages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        atomic_exchange: bool) -> None:
    """Regression: a reinstall removed the installed package with ``rmtree`` and only then
    renamed the new one in, so a crash or a full disk in between left no package at all. Now
    the folders are swapped (or the old one renamed aside first), and anything deleted is a
    copy in the staging folder while a complete package sits at the installed path."""
    import shutil

    import pipeline.models as models_module

    folder = tmp_path / "packages"
    first = install_package_file(argos_packages.files[("en", "ru")], folder)
    if not atomic_exchange:
        monkeypatch.setattr(models_module, "exchange_folders", lambda a, b: False)
    removed: list[Path] = []
    real_rmtree = shutil.rmtree

    def watched_rmtree(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        removed.append(Path(path))
        assert (first.path / "model" / "model.bin").is_file(), "the installed path is empty"
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", watched_rmtree)
    again = install_package_file(argos_packages.files[("en", "ru")], folder)
    assert again.path == first.path and (again.path / "model" / "model.bin").is_file()
    assert all(path.name.startswith(".installing-") for path in removed)
    assert [p.name for p in folder.iterdir()] == [first.path.name]

def test_default_folder_is_used_when_none_is_configured(argos_packages: BuiltPackages) -> None:
    info = install_package_file(argos_packages.files[("en", "az")], None)
    assert info.path.parent == default_packages_dir()
    assert [p.to_code for p in installed_packages(None)] == ["az"]


def _rezip(source: Path, target: Path, extra: list[tuple[zipfile.ZipInfo | str, bytes]] = (),
           drop: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for item in src.infolist():
            if not any(item.filename.endswith(d) for d in drop):
                out.writestr(item, src.read(item))
        for info, data in extra:
            out.writestr(info, data)
    return target


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.parametrize(
    ("extra", "drop", "reason"),
    [
        ([("/etc/evil", b"x")], (), "absolute"),
        ([("translate-en_ru-1_0/../../evil", b"x")], (), "escapes"),
        ([(_symlink("translate-en_ru-1_0/link"), b"/etc/passwd")], (), "symbolic link"),
        ([("other-folder/file", b"x")], (), "one package folder"),
        ([], ("metadata.json",), "no metadata.json"),
        ([], ("sentencepiece.model",), "no sentencepiece.model"),
        ([], ("model/model.bin",), "no model/model.bin"),
    ],
)
def test_unsafe_or_invalid_packages_are_refused_before_extraction(
        argos_packages: BuiltPackages, tmp_path: Path, extra: list, drop: tuple[str, ...], reason: str) -> None:
    bad = _rezip(argos_packages.files[("en", "ru")], tmp_path / "bad.argosmodel", extra, drop)
    folder = tmp_path / "packages"
    with pytest.raises(ModelPackageError) as caught:
        install_package_file(bad, folder)
    assert reason in caught.value.message
    assert caught.value.path == str(bad)
    assert not folder.exists() or not any(folder.iterdir())


def test_metadata_without_codes_and_non_zip_are_refused(argos_packages: BuiltPackages, tmp_path: Path) -> None:
    bad = _rezip(argos_packages.files[("en", "ru")], tmp_path / "bad.argosmodel",
                 [("translate-en_ru-1_0/metadata.json", b'{"from_code": "en"}')], ("metadata.json",))
    with pytest.raises(ModelPackageError, match="to_code"):
        validate_package_file(bad)
    text = tmp_path / "text.argosmodel"
    text.write_text("not a zip")
    with pytest.raises(ModelPackageError, match="not a zip"):
        validate_package_file(text)


def _damaged(source: Path, target: Path) -> Path:
    """``source`` re-zipped uncompressed with one byte of model.bin flipped: the zip's
    directory and metadata.json are fine, only the member's CRC no longer matches."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        for item in src.infolist():
            out.writestr(item.filename, src.read(item))
        model = src.read(next(n for n in src.namelist() if n.endswith("model/model.bin")))
    data = bytearray(target.read_bytes())
    at = data.find(model[1000:1100]) + 50
    data[at] ^= 0xFF
    target.write_bytes(bytes(data))
    return target


def test_a_damaged_member_is_a_package_error_and_keeps_the_installed_version(
        argos_packages: BuiltPackages, tmp_path: Path) -> None:
    folder = tmp_path / "packages"
    good = install_package_file(argos_packages.files[("en", "ru")], folder)
    before = (good.path / "model" / "model.bin").read_bytes()
    bad = _damaged(argos_packages.files[("en", "ru")], tmp_path / "damaged.argosmodel")
    validate_package_file(bad)  # the directory and metadata.json are intact
    with pytest.raises(ModelPackageError, match="damaged archive") as caught:
        install_package_file(bad, folder)
    assert caught.value.path == str(bad) and "download it again" in (caught.value.hint or "")
    assert (good.path / "model" / "model.bin").read_bytes() == before
    assert [p.path for p in installed_packages(folder)] == [good.path]
    assert not list(folder.glob(".installing-*"))


def test_size_and_member_limits(argos_packages: BuiltPackages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.models as models

    monkeypatch.setattr(models, "MAX_TOTAL_BYTES", 1000)
    with pytest.raises(ModelPackageError, match="exceeds the limit"):
        validate_package_file(argos_packages.files[("en", "ru")])
    monkeypatch.setattr(models, "MAX_MEMBERS", 3)
    with pytest.raises(ModelPackageError, match="too many members"):
        validate_package_file(argos_packages.files[("en", "ru")])


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def local_index(argos_packages: BuiltPackages, tmp_path: Path) -> Iterator[str]:
    """An Argos-style index and its packages served from 127.0.0.1 only."""
    root = tmp_path / "served"
    root.mkdir()
    for (src, tgt), file in argos_packages.files.items():
        (root / file.name).write_bytes(file.read_bytes())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: _Quiet(*a, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    index = [
        {"type": "translate", "from_code": src, "to_code": tgt, "package_version": "1.0",
         "links": [base + file.name]}
        for (src, tgt), file in argos_packages.files.items()
    ]
    index.append({"type": "translate", "from_code": "en", "to_code": "de", "package_version": "1.0",
                  "links": [base + "missing.argosmodel"]})
    (root / "index.json").write_text(json.dumps(index))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def test_install_missing_downloads_direct_and_pivot_legs(local_index: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", local_index)
    folder = tmp_path / "packages"
    seen: list[tuple[str, int, int | None]] = []
    installed, unavailable = install_missing(
        [("en", "ru"), ("az", "ru"), ("ru", "az")], folder, lambda *a: seen.append(a))
    assert sorted(p.name for p in installed) == ["translate-az_en", "translate-en_ru"]
    assert unavailable == [("ru", "az")]
    assert {label for label, _, _ in seen} == {"translate-en_ru 1.0", "translate-az_en 1.0"}
    assert all(total and done <= total for _, done, total in seen)
    assert model_report(["en", "az"], ["ru"], folder).missing == []
    assert install_missing([("en", "ru"), ("az", "ru")], folder) == ([], [])


def test_install_missing_reports_failed_downloads(local_index: str, tmp_path: Path) -> None:
    with pytest.raises(PipelineError, match="download of translate-en_de"):
        install_missing([("en", "de")], tmp_path / "packages", index=local_index + "index.json")


class _CutShort(_Quiet):
    """Serves index.json whole and any package cut off halfway, with the full Content-Length."""

    package = b""

    def do_GET(self) -> None:
        if self.path.endswith("index.json"):
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.package)))
        self.end_headers()
        self.wfile.write(self.package[: len(self.package) // 2])
        self.close_connection = True


def test_a_download_cut_short_or_damaged_names_the_url(argos_packages: BuiltPackages, tmp_path: Path) -> None:
    root = tmp_path / "served"
    root.mkdir()
    _CutShort.package = argos_packages.files[("en", "ru")].read_bytes()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: _CutShort(*a, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    entry = {"type": "translate", "from_code": "en", "to_code": "ru", "package_version": "1.0"}
    try:
        (root / "index.json").write_text(json.dumps([{**entry, "links": [base + "en_ru.argosmodel"]}]))
        with pytest.raises(PipelineError, match=r"stopped after \d+ of \d+ bytes") as caught:
            install_missing([("en", "ru")], tmp_path / "packages", index=base + "index.json")
        assert base + "en_ru.argosmodel" in caught.value.message and "--missing" in (caught.value.hint or "")
        damaged = _damaged(argos_packages.files[("en", "ru")], root / "damaged.argosmodel")
        (root / "index.json").write_text(json.dumps([{**entry, "links": [base + "damaged.argosmodel"]}]))
        server.RequestHandlerClass = lambda *a: _Quiet(*a, directory=str(root))  # type: ignore[assignment]
        with pytest.raises(ModelPackageError, match="damaged archive") as caught:
            install_missing([("en", "ru")], tmp_path / "packages", index=base + "index.json")
        assert caught.value.path == base + damaged.name
    finally:
        server.shutdown()
        server.server_close()
    assert installed_packages(tmp_path / "packages") == []


def test_odd_index_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A single link given as a string is one link, not one per character; entries without
    usable codes or links are skipped; an index that is not a list is an error."""
    import pipeline.models as models

    served: list[bytes] = []
    monkeypatch.setattr(models, "_fetch", lambda url, timeout, limit: served[-1])
    served.append(json.dumps([
        {"from_code": "en", "to_code": "ru", "package_version": "1.9", "links": "https://x/en_ru.argosmodel"},
        {"from_code": "en", "to_code": "az", "links": [None, 5, "https://x/en_az.argosmodel"]},
        {"from_code": None, "to_code": "az", "links": ["https://x/none_az.argosmodel"]},
        {"from_code": "az", "to_code": "en", "links": []},
        None, "text",
    ]).encode())
    entries = models.read_index("https://x/index.json")
    assert [(e.from_code, e.to_code, e.links) for e in entries] == [
        ("en", "ru", ("https://x/en_ru.argosmodel",)), ("en", "az", ("https://x/en_az.argosmodel",)),
    ]
    served.append(b'{"packages": []}')
    with pytest.raises(PipelineError, match="not an Argos package index"):
        models.read_index("https://x/index.json")


def test_unreachable_index_is_a_pipeline_error(tmp_path: Path) -> None:
    with pytest.raises(PipelineError, match="cannot read the Argos package index"):
        install_missing([("en", "ru")], tmp_path / "p", index="http://127.0.0.1:9/index.json", timeout=2)
    with pytest.raises(PipelineError, match="only http and https") as refused:
        install_missing([("en", "ru")], tmp_path / "p", index="file:///etc/passwd")
    assert "ARGOS_PACKAGE_INDEX" in (refused.value.hint or "") and "models install FILE" in (refused.value.hint or "")


def test_a_package_without_a_version_is_labelled_without_one(tmp_path: Path) -> None:
    from pipeline.models import installed_packages

    folder = tmp_path / "packages" / "translate-en_ru"
    folder.mkdir(parents=True)
    (folder / "metadata.json").write_text(json.dumps(
        {"from_code": "en", "to_code": "ru", "package_version": None, "argos_version": None}), encoding="utf-8")
    (package,) = installed_packages(tmp_path / "packages")
    assert package.package_version == "" and "None" not in package.label


def test_an_installed_package_is_flushed_before_it_is_renamed_into_place(
        argos_packages: BuiltPackages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: a package was extracted and renamed into place without fsync, so a power
    cut soon after an install could leave the package's folder in place with empty or
    truncated files (a model that fails to load, or loads garbage). The extracted files are
    now flushed (one ``syncfs``) before the rename, and the packages folder fsynced after it."""
    import os

    import pipeline.models as models_module

    events: list[tuple[str, str]] = []
    real_flush, real_replace = models_module.flush_file_system, os.replace
    monkeypatch.setattr(models_module, "flush_file_system",
                        lambda path: (events.append(("flush", str(path))), real_flush(path))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (events.append(("replace", str(b))), real_replace(a, b))[1])
    monkeypatch.setattr(models_module, "fsync_folder", lambda path: events.append(("fsync", str(path))))
    folder = tmp_path / "packages"
    info = install_package_file(argos_packages.files[("en", "ru")], folder)
    assert [kind for kind, _ in events] == ["flush", "replace", "fsync"]
    assert events[0][1].startswith(str(folder / ".installing-")) and events[1][1] == str(info.path)
    assert events[2][1] == str(folder)
