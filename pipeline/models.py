"""Argos Translate packages: which the project needs, which are installed, installing more.

Packages live in ``[models] dir`` from pipeline.toml when set, otherwise where Argos
itself keeps them (``ARGOS_PACKAGES_DIR``, Argos' settings.json, or
``$XDG_DATA_HOME/argos-translate/packages``) so they are shared with other Argos apps.

Nothing here imports ``argostranslate``: its settings module creates folders under the
home directory at import time and reads global settings, which a library must not do
behind a user's back. Packages are plain folders (``metadata.json``, ``model/``,
``sentencepiece.model``), so reading and installing them needs only the standard
library. A downloaded or user-supplied ``.argosmodel`` is validated *before* anything is
extracted: it is a zip file from the internet.
"""

from __future__ import annotations

import json
import lzma
import os
import re
import stat
import tempfile
import urllib.parse
import urllib.request
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Sequence

from pipeline.errors import ModelPackageError, PipelineError
from pipeline.fileio import exchange_folders, flush_file_system, fsync_folder

PIVOT = "en"
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_MEMBERS = 10_000
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?$")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+$")

#: progress(label, bytes done, bytes total or None when the server does not say).
DownloadProgress = Callable[[str, int, int | None], None]
Pair = tuple[str, str]


@dataclass(frozen=True)
class PackageInfo:
    """An installed Argos translate package."""

    path: Path
    from_code: str
    to_code: str
    package_version: str
    argos_version: str = ""
    target_prefix: str = ""

    @property
    def name(self) -> str:
        """The argospm name, e.g. ``translate-en_ru``."""
        return f"translate-{self.from_code}_{self.to_code}"

    @property
    def label(self) -> str:
        """Name and version, as provenance shows it: ``translate-en_ru 1.9``."""
        return f"{self.name} {self.package_version}".strip()


@dataclass(frozen=True)
class Route:
    """How a pair is served: one package, or two chained through English."""

    source: str
    target: str
    packages: tuple[PackageInfo, ...]

    @property
    def pivot(self) -> str | None:
        return self.packages[0].to_code if len(self.packages) > 1 else None


@dataclass
class ModelReport:
    """What ``pipeline models`` prints."""

    packages_dir: Path
    needed: list[Pair]
    installed: list[PackageInfo]
    routes: dict[Pair, Route] = field(default_factory=dict)
    missing: list[Pair] = field(default_factory=list)

    @property
    def pivoted(self) -> list[Pair]:
        return [pair for pair, route in self.routes.items() if route.pivot]

    @property
    def install_command(self) -> str | None:
        """What to run to get the missing pairs, or None when nothing is missing."""
        if not self.missing:
            return None
        return "pipeline models install --missing   (offline: pipeline models install FILE.argosmodel)"


# ---------------------------------------------------------------- where packages live


def default_packages_dir(env: dict[str, str] | None = None) -> Path:
    """Argos' own packages folder, found the way Argos finds it (without importing it)."""
    env = dict(os.environ) if env is None else env
    if env.get("ARGOS_PACKAGES_DIR"):
        return Path(env["ARGOS_PACKAGES_DIR"]).expanduser()
    home = Path(env.get("HOME") or Path.home())
    config_home = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
    configured = _argos_setting(config_home / "argos-translate" / "settings.json", "ARGOS_PACKAGES_DIR")
    if configured:
        return Path(configured).expanduser()
    data_home = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
    return data_home / "argos-translate" / "packages"


def _argos_setting(settings_file: Path, key: str) -> str | None:
    try:
        value = json.loads(settings_file.read_text(encoding="utf-8")).get(key)
    except (OSError, ValueError, AttributeError):
        return None
    return str(value) if value else None


def resolve_packages_dir(packages_dir: Path | None) -> Path:
    """The configured folder, or Argos' default when none is configured."""
    return Path(packages_dir).expanduser() if packages_dir is not None else default_packages_dir()


# ---------------------------------------------------------------- what is needed and installed


def needed_pairs(source_langs: Iterable[str], targets: Iterable[str]) -> list[Pair]:
    """Every (source, target) pair the project translates, sorted."""
    targets = list(targets)
    return sorted({(s, t) for s in source_langs for t in targets if s != t})


def installed_packages(packages_dir: Path | None) -> list[PackageInfo]:
    """Translate packages installed in ``packages_dir`` (Argos' default when None).

    Folders without a readable metadata.json are skipped: Argos keeps other things there.
    """
    folder = resolve_packages_dir(packages_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        info = _read_package(path)
        if info is not None:
            found.append(info)
    return found


def _read_package(path: Path) -> PackageInfo | None:
    try:
        meta = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("type", "translate") != "translate":
        return None
    if not isinstance(meta.get("from_code"), str) or not isinstance(meta.get("to_code"), str):
        return None
    return PackageInfo(
        path=path,
        from_code=meta["from_code"],
        to_code=meta["to_code"],
        package_version=str(meta.get("package_version") or ""),
        argos_version=str(meta.get("argos_version") or ""),
        target_prefix=str(meta.get("target_prefix", "") or ""),
    )


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def _best(installed: Sequence[PackageInfo], src: str, tgt: str) -> PackageInfo | None:
    matching = [p for p in installed if p.from_code == src and p.to_code == tgt]
    return max(matching, key=lambda p: _version_key(p.package_version), default=None)


def resolve_route(src: str, tgt: str, installed: Sequence[PackageInfo]) -> Route | None:
    """A direct package (newest version), else a pivot through English, else None."""
    direct = _best(installed, src, tgt)
    if direct is not None:
        return Route(src, tgt, (direct,))
    if PIVOT in (src, tgt):
        return None
    first, second = _best(installed, src, PIVOT), _best(installed, PIVOT, tgt)
    if first is None or second is None:
        return None
    return Route(src, tgt, (first, second))


def model_report(source_langs: Iterable[str], targets: Iterable[str],
                 packages_dir: Path | None) -> ModelReport:
    """Needed pairs, installed packages, which pairs pivot and which are missing."""
    folder = resolve_packages_dir(packages_dir)
    installed = installed_packages(folder)
    report = ModelReport(folder, needed_pairs(source_langs, targets), installed)
    for pair in report.needed:
        route = resolve_route(*pair, installed)
        if route is None:
            report.missing.append(pair)
        else:
            report.routes[pair] = route
    return report


# ---------------------------------------------------------------- validating and installing


@dataclass(frozen=True)
class PackageMeta:
    """What validation learned about an .argosmodel file."""

    root: str  # the package folder at the zip's root
    from_code: str
    to_code: str
    package_version: str
    total_bytes: int


def validate_package_file(path: Path) -> PackageMeta:
    """Check an .argosmodel without extracting it; raise ModelPackageError if unsafe/invalid.

    Refused: not a zip; absolute paths, ``..`` or backslashes in member names; links,
    devices and other non-regular members; encrypted members; more than MAX_MEMBERS
    members or MAX_TOTAL_BYTES uncompressed; anything outside one top folder; a missing
    or malformed metadata.json, model/ folder or sentencepiece.model.
    """
    path = Path(path)
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise ModelPackageError("not a zip archive", path=str(path),
                                hint="an .argosmodel file is a zip archive; download it again")
    try:
        with zipfile.ZipFile(path) as archive:
            return _validate_archive(archive, path)
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError) as error:
        raise ModelPackageError(f"unreadable zip archive: {error}", path=str(path)) from error


def _fail(path: Path, reason: str) -> ModelPackageError:
    return ModelPackageError(reason, path=str(path),
                             hint="this file is not a valid Argos package; do not install it")


def _validate_archive(archive: zipfile.ZipFile, path: Path) -> PackageMeta:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _fail(path, f"too many members ({len(members)} > {MAX_MEMBERS})")
    total = 0
    roots = set()
    for member in members:
        _check_member(member, path)
        total += member.file_size
        roots.add(PurePosixPath(member.filename).parts[0])
    if total > MAX_TOTAL_BYTES:
        raise _fail(path, f"uncompressed size {total} bytes exceeds the limit of {MAX_TOTAL_BYTES}")
    if len(roots) != 1:
        raise _fail(path, f"expected one package folder at the root, found {len(roots)}")
    root = roots.pop()
    if not _SAFE_NAME.match(root) or root in (".", ".."):
        raise _fail(path, f"unsafe package folder name {root!r}")
    names = {m.filename.rstrip("/") for m in members}
    meta = _read_metadata(archive, f"{root}/metadata.json", path)
    if not any(n.startswith(f"{root}/model/") for n in names):
        raise _fail(path, "no model/ folder")
    if f"{root}/model/model.bin" not in names:
        raise _fail(path, "no model/model.bin (CTranslate2 model)")
    if f"{root}/sentencepiece.model" not in names:
        raise _fail(path, "no sentencepiece.model")
    return PackageMeta(root, meta["from_code"], meta["to_code"], str(meta.get("package_version") or ""), total)


def _check_member(member: zipfile.ZipInfo, path: Path) -> None:
    name = member.filename
    pure = PurePosixPath(name)
    if not name or name.startswith("/") or re.match(r"^[A-Za-z]:", name) or "\\" in name:
        raise _fail(path, f"member {name!r} has an absolute or non-POSIX path")
    if ".." in pure.parts or "\x00" in name:
        raise _fail(path, f"member {name!r} escapes the package folder")
    if member.flag_bits & 0x1:
        raise _fail(path, f"member {name!r} is encrypted")
    mode = member.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        what = "a symbolic link" if kind == stat.S_IFLNK else "not a regular file"
        raise _fail(path, f"member {name!r} is {what}")


def _read_metadata(archive: zipfile.ZipFile, name: str, path: Path) -> dict:
    try:
        with archive.open(name) as handle:
            meta = json.loads(handle.read(1024 * 1024).decode("utf-8"))
    except KeyError as error:
        raise _fail(path, "no metadata.json in the package folder") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise _fail(path, f"metadata.json is not valid JSON: {error}") from error
    if not isinstance(meta, dict):
        raise _fail(path, "metadata.json is not an object")
    for key in ("from_code", "to_code"):
        if not isinstance(meta.get(key), str) or not _LANG_CODE.match(meta[key]):
            raise _fail(path, f"metadata.json has no valid {key}")
    if meta.get("type", "translate") != "translate":
        raise _fail(path, f"package type {meta.get('type')!r} is not a translate package")
    return meta


def install_package_file(path: Path, packages_dir: Path | None) -> PackageInfo:
    """Validate ``path`` and install it into ``packages_dir`` (Argos' default when None).

    Extraction goes to a temporary folder next to the destination and is renamed into
    place, so a failed install leaves no half package; an installed package with the
    same folder name (an older version) is replaced without a moment where neither is
    there (see ``_put_in_place``). The extracted files are flushed before
    the rename and the folder after it: otherwise a power cut soon after an install could
    leave the package in place with empty or truncated files.
    """
    meta = validate_package_file(path)
    folder = resolve_packages_dir(packages_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".installing-", dir=folder) as staging:
        _extract(Path(path), Path(staging), meta)
        flush_file_system(Path(staging))
        target = folder / meta.root
        _put_in_place(Path(staging) / meta.root, target)
    fsync_folder(folder)
    info = _read_package(target)
    if info is None:
        raise _fail(Path(path), "installed package has unreadable metadata")
    return info


def _put_in_place(new: Path, target: Path) -> None:
    """Move the extracted package ``new`` to ``target``, replacing an older one there.

    The old package is never deleted while it is the only copy: the two folders are swapped
    atomically where the system allows it, otherwise the old one is first renamed aside into
    the staging folder (two renames, a window of microseconds instead of a whole ``rmtree``).
    Either way the old package ends up in the staging folder, which is removed afterwards.
    """
    if not target.exists():
        os.replace(new, target)
    elif not exchange_folders(new, target):
        os.replace(target, new.with_name(new.name + ".previous"))
        os.replace(new, target)


#: What reading a damaged member raises: a bad CRC or truncated member (BadZipFile,
#: EOFError), broken deflate or LZMA data, a compression method zipfile lacks.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, lzma.LZMAError, NotImplementedError)


def _extract(path: Path, staging: Path, meta: PackageMeta) -> None:
    """Extract member by member, counting bytes: declared sizes are not trusted."""
    written = 0
    with zipfile.ZipFile(path) as archive:
        for member in archive.infolist():
            destination = staging.joinpath(*PurePosixPath(member.filename).parts)
            if not destination.resolve().is_relative_to(staging.resolve()):
                raise _fail(path, f"member {member.filename!r} escapes the package folder")
            if member.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            try:
                with archive.open(member) as source, open(destination, "wb") as target:
                    while chunk := source.read(1024 * 1024):
                        written += len(chunk)
                        if written > max(meta.total_bytes, 1) or written > MAX_TOTAL_BYTES:
                            raise _fail(path, "members are larger than declared")
                        target.write(chunk)
            except _DAMAGED as error:  # checksums and compressed data are only checked here
                raise ModelPackageError(
                    f"damaged archive: member {member.filename!r} cannot be read ({error})",
                    path=str(path), hint="the file is corrupt or incomplete; download it again",
                ) from error


# ---------------------------------------------------------------- downloading


@dataclass(frozen=True)
class IndexEntry:
    """A package offered by the Argos package index."""

    from_code: str
    to_code: str
    package_version: str
    links: tuple[str, ...]


def index_url(env: dict[str, str] | None = None) -> str:
    """The index.json URL: ``ARGOS_PACKAGE_INDEX`` (a base URL, as for Argos) or Argos' default."""
    env = dict(os.environ) if env is None else env
    base = env.get("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


def read_index(url: str, timeout: float = 60.0) -> list[IndexEntry]:
    """Fetch and parse the package index; PipelineError when unreachable or malformed."""
    try:
        data = json.loads(_fetch(url, timeout, limit=64 * 1024**2))
    except (OSError, ValueError) as error:
        raise PipelineError(f"cannot read the Argos package index {url}: {error}",
                            hint="check the network, or install packages from files: "
                                 "pipeline models install FILE.argosmodel") from error
    if not isinstance(data, list):
        raise PipelineError(f"{url} is not an Argos package index (a JSON list of packages)",
                            hint="check ARGOS_PACKAGE_INDEX, or install packages from files: "
                                 "pipeline models install FILE.argosmodel")
    entries = []
    for item in data:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        links = item.get("links")
        links = [links] if isinstance(links, str) else links if isinstance(links, list) else []
        links = [link for link in links if isinstance(link, str) and link]
        if links and isinstance(item.get("from_code"), str) and isinstance(item.get("to_code"), str):
            entries.append(IndexEntry(item["from_code"], item["to_code"],
                                      str(item.get("package_version") or ""), tuple(links)))
    return entries


def _check_url(url: str) -> None:
    if urllib.parse.urlparse(url).scheme not in ("http", "https"):
        raise PipelineError(
            f"refusing to download {url!r}: only http and https addresses are allowed",
            hint="set ARGOS_PACKAGE_INDEX to an http(s) address (the folder of index.json), or install "
                 "packages from files: pipeline models install FILE.argosmodel")


def _fetch(url: str, timeout: float, limit: int) -> bytes:
    _check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": "pipeline-models"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
        data = response.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"response larger than {limit} bytes")
    return data


def plan_downloads(missing: Iterable[Pair], index: Sequence[IndexEntry],
                   installed: Sequence[PackageInfo]) -> tuple[list[IndexEntry], list[Pair]]:
    """Index entries to download for ``missing`` pairs (direct, else both pivot legs not
    yet installed), and the pairs the index cannot serve at all."""
    def offered(src: str, tgt: str) -> IndexEntry | None:
        matching = [e for e in index if e.from_code == src and e.to_code == tgt]
        return max(matching, key=lambda e: _version_key(e.package_version), default=None)

    chosen: dict[Pair, IndexEntry] = {}
    unavailable = []
    for src, tgt in missing:
        direct = offered(src, tgt)
        if direct is not None:
            chosen[(src, tgt)] = direct
            continue
        legs = [(src, PIVOT), (PIVOT, tgt)] if PIVOT not in (src, tgt) else []
        needed = [leg for leg in legs if _best(installed, *leg) is None]
        entries = [offered(*leg) for leg in needed]
        if not legs or any(e is None for e in entries):
            unavailable.append((src, tgt))
            continue
        chosen.update({leg: e for leg, e in zip(needed, entries) if e is not None})
    return list(chosen.values()), unavailable


def install_missing(pairs: Iterable[Pair], packages_dir: Path | None,
                    progress: DownloadProgress | None = None, *, index: str | None = None,
                    timeout: float = 60.0) -> tuple[list[PackageInfo], list[Pair]]:
    """Download and install what ``pairs`` need and is not installed.

    Reads the Argos index (``index`` URL, else ``ARGOS_PACKAGE_INDEX``, else Argos'
    default), downloads each package to a temporary file with ``progress`` reports,
    validates it, checks it is the pair the index promised, installs it. Returns the
    installed packages and the pairs the index cannot serve.
    """
    folder = resolve_packages_dir(packages_dir)
    installed = installed_packages(folder)
    missing = [pair for pair in pairs if resolve_route(*pair, installed) is None]
    if not missing:
        return [], []
    entries, unavailable = plan_downloads(missing, read_index(index or index_url(), timeout), installed)
    done = []
    with tempfile.TemporaryDirectory(prefix="pipeline-download-") as scratch:
        for entry in entries:
            file, url = _download(entry, Path(scratch), progress, timeout)
            try:
                meta = validate_package_file(file)
                if (meta.from_code, meta.to_code) != (entry.from_code, entry.to_code):
                    raise ModelPackageError(
                        f"index promised {entry.from_code}→{entry.to_code}, package is "
                        f"{meta.from_code}→{meta.to_code}", path=url)
                done.append(install_package_file(file, folder))
            except ModelPackageError as error:  # name the download, not the deleted scratch file
                raise ModelPackageError(error.message, path=url, hint=_RETRY) from error
            file.unlink()
    return done, unavailable


_RETRY = ("retry later (pipeline models install --missing), or install the file by hand: "
          "pipeline models install FILE.argosmodel")


def _download(entry: IndexEntry, scratch: Path, progress: DownloadProgress | None,
              timeout: float) -> tuple[Path, str]:
    """Download ``entry`` from its first link that works; return the file and that link."""
    label = f"translate-{entry.from_code}_{entry.to_code} {entry.package_version}".strip()
    target = scratch / f"translate-{entry.from_code}_{entry.to_code}.argosmodel"
    errors = []
    for url in entry.links:
        try:
            _stream(url, target, label, progress, timeout)
            return target, url
        except (OSError, ValueError, PipelineError) as error:
            errors.append(f"{url}: {error}")
    raise PipelineError(f"download of {label} failed: " + "; ".join(errors), hint=_RETRY)


def _stream(url: str, target: Path, label: str, progress: DownloadProgress | None,
            timeout: float) -> None:
    _check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": "pipeline-models"})
    with urllib.request.urlopen(request, timeout=timeout) as response, open(target, "wb") as out:  # noqa: S310
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        done = 0
        if progress:
            progress(label, 0, total)
        while chunk := response.read(256 * 1024):
            done += len(chunk)
            if done > MAX_TOTAL_BYTES:
                raise ValueError(f"download larger than {MAX_TOTAL_BYTES} bytes")
            out.write(chunk)
            if progress:
                progress(label, done, total)
    if total is not None and done != total:  # urllib does not notice a connection cut short
        raise ValueError(f"the download stopped after {done} of {total} bytes")
