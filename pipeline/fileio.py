"""Atomic, churn-free file writes, the project lock and safe project paths.

Every file the pipeline produces goes through :func:`write_if_changed`, so that

* a crash or a kill never leaves a half-written file: data goes to a temp file in the
  same folder, is flushed to disk, validated (for catalogues: parsed back), and only
  then renamed over the target (``os.replace`` is atomic on POSIX);
* an unchanged file is not touched at all (its mtime stays, editors and ``make`` do
  not see a change, git shows nothing);
* a file that someone saved while the pipeline was working is not overwritten
  (:class:`~pipeline.errors.ConcurrentEditError`, checked against the fingerprint
  taken when the file was read).

Files that can be rebuilt from others (templates, published articles) may be written
with ``durable=False``: still atomic (temp file, then rename), but not fsynced one by
one. The run then calls :func:`flush_file_system` once before it records what it did,
so a power cut loses nothing the next run would not rebuild. An fsync costs
milliseconds; a full run writes thousands of such files.

Files copied as they are (the pictures and videos an article links to) go through
:func:`copy_if_changed`, which never holds a whole file in memory: a video can be larger
than the run's whole memory budget.

Temp files are named ``.<name>.<8 hex digits>.tmp``; :func:`cleanup_temp_files` removes
those a killed run left behind, and nothing else.
"""

from __future__ import annotations

import errno
import fcntl
import filecmp
import hashlib
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from types import TracebackType

from pipeline.errors import ConcurrentEditError, ConfigError, LockError

__all__ = [
    "ABSENT",
    "ProjectLock",
    "ReadOnlyFileError",
    "atomic_write",
    "cleanup_temp_files",
    "copy_if_changed",
    "file_digest",
    "file_fingerprint",
    "dangling_link",
    "fingerprint",
    "flush_file_system",
    "is_utf32",
    "make_folders",
    "utf16_encoding",
    "refuse_read_only",
    "safe_join",
    "write_if_changed",
]

Validator = Callable[[bytes], object]

_TEMP_NAME = re.compile(r"\..+\.[0-9a-f]{8}\.tmp\Z", re.S)
_LOCK_POLL_SECONDS = 0.05
#: ``expected_fingerprint`` of a file that did not exist when it was read: one that exists at
#: write time was created by someone else meanwhile (never a sha256 digest, so never a file's).
ABSENT = "absent"


def fingerprint(data: bytes) -> str:
    """The sha256 hex digest of some bytes: what "this file has not changed" means."""
    return hashlib.sha256(data).hexdigest()


class ReadOnlyFileError(PermissionError):
    """The file to be replaced has no write permission: someone made it read-only (a
    catalogue locked for sign-off, a checkout's protected file). A rename would replace it
    all the same, as long as its folder is writable, and root writes anything: so it is
    refused before, and left as it is."""


def refuse_read_only(path: Path, mode: int | None) -> None:
    """Raise :class:`ReadOnlyFileError` when the existing file ``path`` (of permission bits
    ``mode``; None: there is none) may not be written: no write bit for anyone, or none
    for this user."""
    if mode is not None and (not mode & 0o222 or not os.access(path, os.W_OK)):
        if mode & 0o222 and _on_read_only_disk(path):  # "chmod u+w" cannot help there
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        raise ReadOnlyFileError(errno.EACCES, "the file is read-only (it has no write permission)", str(path))


def _on_read_only_disk(path: Path) -> bool:
    """Whether ``path`` lies on a file system mounted read-only (a CI container's read-only
    volume), where ``os.access`` also says "not writable" of a file with write permission."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): the permission is all there is to go by
        return False


def is_utf32(data: bytes) -> bool:
    """Whether ``data`` is UTF-32 text: a byte-order mark, or the two high bytes of every
    four NUL (in the first 512 bytes), as they are for every letter of Azerbaijani, Russian
    and English. Such a file also passes the tests for UTF-16, and "save it as UTF-8" after
    a UTF-16 diagnosis misleads whoever looks for that encoding in the editor's list: test
    this one first."""
    if data[:4].count(0) < 2:  # the cheap gate: UTF-32 of any such text has NULs in its first 4 bytes
        return False
    if data.startswith((b"\xff\xfe\0\0", b"\0\0\xfe\xff")):
        return True
    head = data[:512]
    head = head[:len(head) - len(head) % 4]
    if len(head) < 8:
        return False
    units = [head[i:i + 4] for i in range(0, len(head), 4)]
    little = all(unit[2:] == b"\0\0" for unit in units) and any(unit[:2] != b"\0\0" for unit in units)
    big = all(unit[:2] == b"\0\0" for unit in units) and any(unit[2:] != b"\0\0" for unit in units)
    return little or big


def utf16_encoding(data: bytes) -> str | None:
    """The name iconv gives the UTF-16 ``data`` is saved in (``UTF-16`` with a byte-order
    mark, else ``UTF-16LE`` or ``UTF-16BE``), or None. Without a mark one half of the bytes
    (the first 512) is nearly all the high bytes of letters of Latin, Latin Extended, IPA
    (Azerbaijani ə), Greek or Cyrillic, 0x00 to 0x05, which UTF-8 text never holds (they are
    control characters): NULs alone are the test only for English text, so a Russian or
    Azerbaijani file was refused as corrupted ('NUL byte') or sent to a code page it is not
    in. UTF-32 passes this test too: call :func:`is_utf32` first."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:512]
    if len(head) < 8 or 0 not in head:  # the cheap gate: any such text has a space or digit
        return None
    low = [sum(byte <= 5 for byte in half) >= 0.9 * len(half) for half in (head[0::2], head[1::2])]
    if low.count(True) != 1:
        return None
    return "UTF-16BE" if low[0] else "UTF-16LE"


def refuse_special_file(path: str | os.PathLike[str]) -> None:
    """Raise OSError for a named pipe, socket or device where a file belongs: reading a
    named pipe waits until something writes to it, so a run would hang without a word.
    A folder is left to the caller's own message."""
    mode = os.stat(path).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise OSError(errno.EINVAL, "not a regular file (a named pipe, socket or device)", str(path))


def dangling_link(path: Path, root: Path) -> Path | None:
    """The symbolic link on ``path`` (the file itself or a folder below ``root``) that leads
    to nothing, or None. Where a file the pipeline keeps should be, such a link means the
    file is elsewhere and missing (a shared folder not mounted, a submodule not checked
    out): writing through it would create a stand-in where the real file belongs."""
    root = Path(root)
    for candidate in (path, *path.parents):
        if candidate == root or root not in candidate.parents:
            return None
        if candidate.is_symlink() and not candidate.exists():
            return candidate
    return None


def file_fingerprint(path: Path) -> str | None:
    """The fingerprint of a file's current content, or None if there is no such file."""
    try:
        return fingerprint(Path(path).read_bytes())
    except FileNotFoundError:
        return None


_WHOLE_FILE_LIMIT = 1 << 20


def file_digest(path: str | os.PathLike[str]) -> str:
    """The sha256 hex digest of a file's content: read at once when small (an article, a
    catalogue: a no-op run hashes thousands), in chunks when large (the file may be a video)."""
    refuse_special_file(path)
    with open(path, "rb") as file:
        if os.fstat(file.fileno()).st_size <= _WHOLE_FILE_LIMIT:
            return hashlib.sha256(file.read()).hexdigest()
        return hashlib.file_digest(file, "sha256").hexdigest()


def copy_if_changed(source: Path, path: Path, *, durable: bool = True) -> bool:
    """Copy ``source`` to ``path`` atomically unless ``path`` already holds the same bytes.

    Both files are streamed (compared and copied in chunks, never read whole). As with
    :func:`write_if_changed`, the copy goes to a temp file that is renamed over ``path``,
    the destination's permission bits are kept, a symlink is written through, parent
    folders are created, and ``durable=False`` leaves the fsyncs to the caller. Returns True
    if the file was written."""
    path = Path(path)
    target = _write_through(path)
    try:
        if os.stat(source).st_size == os.stat(target).st_size and filecmp.cmp(source, target, shallow=False):
            return False
    except FileNotFoundError as missing:
        if missing.filename is not None and Path(missing.filename) != target:
            raise
    make_folders(target.parent, durable=durable)
    mode = _existing_mode(target)
    refuse_read_only(target, mode)
    temp = _temp_path(target)
    try:
        with open(source, "rb") as reader, open(temp, "xb") as writer:
            if mode is not None:
                os.fchmod(writer.fileno(), mode)
            shutil.copyfileobj(reader, writer, 1 << 20)
            if durable:
                writer.flush()
                os.fsync(writer.fileno())
        os.replace(temp, target)
    except BaseException:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    if durable:
        fsync_folder(target.parent)
    return True


#: Bytes a temp file's name adds to its file's (``.<name>.<8 hex>.tmp``): a file whose name
#: is within this of the file system's limit cannot be written atomically.
TEMP_NAME_EXTRA = len("..00000000.tmp")


def _temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def atomic_write(path: Path, data: bytes, *, validate: Validator | None = None) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half.

    The temp file is written, fsynced, read back and passed to ``validate`` (which raises
    to refuse it) before it is renamed over ``path``; the folder is fsynced after the
    rename so the new name survives a power cut. The file's permission bits are kept.
    A symlink is written through (its target is replaced, the link stays).
    """
    _atomic_write(Path(path), data, validate, None)


def _write_through(path: Path) -> Path:
    """The file a write to ``path`` goes to: ``path``, or where its symlinks lead (a
    dangling one included). A symlink loop is an OSError (ELOOP) like any unwritable
    path, not the RuntimeError :meth:`Path.resolve` raises for it, so callers that report
    OSErrors report it."""
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(path))


def _atomic_write(path: Path, data: bytes, validate: Validator | None,
                  before_replace: Callable[[], None] | None, durable: bool = True) -> None:
    target = _write_through(path)
    mode = _existing_mode(target)
    refuse_read_only(target, mode)
    temp = _temp_path(target)
    try:
        _write_new_file(temp, data, mode, durable)
        written = temp.read_bytes()
        if written != data:
            raise OSError(errno.EIO, f"{temp} reads back different bytes than were written")
        if validate is not None:
            validate(written)
        if before_replace is not None:
            before_replace()
        os.replace(temp, target)
    except BaseException:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: no temp file was made; keep the original error
        raise
    if durable:
        fsync_folder(target.parent)


def _existing_mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _write_new_file(temp: Path, data: bytes, mode: int | None, durable: bool = True) -> None:
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if durable:
            os.fsync(fd)
    finally:
        os.close(fd)


def make_folders(folder: Path, *, durable: bool = True) -> None:
    """Create ``folder`` and the folders above it that are missing. ``durable``: fsync the
    folder that holds each one made, so that after a power cut a new article's catalogue
    is not a name in a folder that itself is lost (the rename into it is fsynced too)."""
    if folder.is_dir():
        return
    missing = []
    current = folder
    while not os.path.lexists(current) and current.parent != current:
        missing.append(current)
        current = current.parent
    folder.mkdir(parents=True, exist_ok=True)
    if durable:
        for made in reversed(missing):
            fsync_folder(made.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename into ``folder``, or a file created there, survive a power cut."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename itself is done
    finally:
        os.close(fd)


def flush_file_system(path: Path) -> None:
    """Make every write on the file system that holds ``path`` durable, in one call.

    Linux' ``syncfs`` flushes one file system; elsewhere ``sync`` flushes all of them.
    """
    try:
        import ctypes

        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        os.sync()
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # a folder without read permission: flush every file system instead
        os.sync()
        return
    try:
        if syncfs(fd) != 0:
            os.sync()
    finally:
        os.close(fd)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange_folders(first: Path, second: Path) -> bool:
    """Swap two existing folders in one atomic step; False where the system cannot.

    Replacing an installed folder by removing it and renaming the new one in leaves a
    moment with neither (a crash there loses both the old copy and, once the staging area
    is cleaned, the new one). Linux' ``renameat2(RENAME_EXCHANGE)`` swaps the two names at
    once, so the path always holds a complete folder.
    """
    try:
        import ctypes

        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def write_if_changed(path: Path, data: bytes, *, validate: Validator | None = None,
                     expected_fingerprint: str | None = None, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` atomically unless the file already holds exactly that.

    ``expected_fingerprint`` is the fingerprint of the file when it was read, or
    :data:`ABSENT` if it did not exist; if the file on disk differs from it now (was
    deleted, or created), someone saved it in the meantime and
    :class:`ConcurrentEditError` is raised without writing. The check is repeated just
    before the rename. Parent folders are created. Returns True if the file was written.
    ``durable=False`` skips the fsyncs (see the module docstring: the caller flushes).
    """
    path = Path(path)
    current = _read_or_none(path)
    if expected_fingerprint is not None:
        _check_unchanged(path, current, expected_fingerprint)
    if current == data:
        return False
    make_folders(path.parent, durable=durable)
    recheck = None if expected_fingerprint is None else _recheck(path, expected_fingerprint)
    _atomic_write(path, data, validate, recheck, durable)
    return True


def _recheck(path: Path, expected: str) -> Callable[[], None]:
    """A last look just before the rename, to shrink the window for a lost update."""
    return lambda: _check_unchanged(path, _read_or_none(path), expected)


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _check_unchanged(path: Path, current: bytes | None, expected: str) -> None:
    if expected == ABSENT:
        unchanged = current is None
    else:
        unchanged = current is not None and fingerprint(current) == expected
    if unchanged:
        return
    what = "deleted" if current is None else "created" if expected == ABSENT else "changed"
    raise ConcurrentEditError(
        f"{path} was {what} by someone else while pipeline was running; nothing was written "
        "to it",
        path=str(path),
        hint="Run pipeline sync again: it will start from the file as it is now.")


def cleanup_temp_files(folder: Path) -> int:
    """Remove the temp files (``.<name>.<8 hex>.tmp``) that a killed run left in ``folder``.

    Looks through sub-folders too, except hidden ones (``.git`` and the like). Call it
    while holding :class:`ProjectLock`, so no running write has its temp file removed.
    Returns how many files were removed.
    """
    removed = 0
    for current, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if _TEMP_NAME.match(name):
                try:
                    os.unlink(os.path.join(current, name))
                except FileNotFoundError:
                    continue
                removed += 1
    return removed


class ProjectLock:
    """An exclusive lock on a project: ``with ProjectLock(root): ...``.

    Uses ``flock`` on ``<root>/.pipeline/lock``, so the kernel releases it when the
    holder exits or is killed; a stale lock file on disk is harmless. By default a second
    command fails at once with :class:`LockError`; ``wait`` gives it that many seconds.
    The holder's pid is in the file while it runs; on release the file is empty again, with
    the times it had before, so a run that changed nothing leaves no file changed.
    """

    def __init__(self, root: Path, *, wait: float = 0.0) -> None:
        self.root = Path(root)
        self.path = self.root / ".pipeline" / "lock"
        self.wait = wait
        self._fd: int | None = None
        self._times: tuple[int, int] | None = None

    def acquire(self) -> None:
        if self._fd is not None:
            raise RuntimeError("ProjectLock is not re-entrant")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            folder = self.path.parent
            if folder.exists() and not folder.is_dir():  # mkdir's "File exists" would read as a permission problem
                raise LockError(
                    f"{folder.name} is a file where pipeline keeps its run state and lock (a folder)",
                    path=str(folder),
                    hint=f"rename or delete the file {folder} (pipeline makes the folder again), then run the "
                         "command again") from None
            raise LockError(
                f"cannot open or create the project lock: {exc.strerror or exc}", path=str(self.path),
                hint=f"pipeline needs to write in {self.root} (its .pipeline folder); check the "
                     "folder's permissions, or whether the disk is read-only") from None
        deadline = time.monotonic() + max(self.wait, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_pid(fd)
                    os.close(fd)
                    raise self._busy(holder) from None
                time.sleep(_LOCK_POLL_SECONDS)
            except BaseException:
                os.close(fd)
                raise
        self._times = _times(fd)  # None when a killed run left its pid: emptying it is a change
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
            if self._times is not None:
                try:
                    os.utime(fd, ns=self._times)
                except OSError:
                    pass  # not the file's owner (a shared project folder): the times only look tidier
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _busy(self, holder: int | None) -> LockError:
        who = f" (pid {holder})" if holder else ""
        return LockError(
            f"another pipeline command is running in {self.root}{who}",
            path=str(self.path),
            hint=f"wait for it to finish: the lock is released when that process ends, even if it is "
                 f"killed; do not delete {self.path}, which would let two runs write at once")

    def __enter__(self) -> ProjectLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.release()


def _times(fd: int) -> tuple[int, int] | None:
    """(atime, mtime) in nanoseconds of the lock file as found; None where times cannot be
    set through a descriptor, or where the file is not empty (a killed run's pid is in it)."""
    if os.utime not in os.supports_fd:
        return None
    info = os.fstat(fd)
    if info.st_size:
        return None  # a killed run's pid: the file changes, so it gets the time it changed at
    return info.st_atime_ns, info.st_mtime_ns


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def safe_join(root: Path, relative: str) -> Path:
    """``root / relative``, refused (ConfigError) if it would lead outside ``root``.

    Refuses absolute paths, ``..`` that climbs out, and symlinks (anywhere on the path)
    that point outside the project. ``relative`` uses ``/`` separators.
    """
    if not isinstance(root, Path):
        root = Path(root)  # (a Path is kept: a copy would render its text again on every call)
    text = str(relative)
    if "\0" in text:
        raise _outside(text, "contains a NUL character")
    if text.startswith(("/", "\\")) or _DRIVE.match(text):
        raise _outside(text, "is absolute")
    if ".." in text:
        depth = 0
        for part in PurePosixPath(text).parts:
            depth += -1 if part == ".." else 0 if part == "." else 1
            if depth < 0:
                raise _outside(text, "climbs out of the project with '..'")
    joined = root / text
    base = _realpath(str(root))
    where = str(joined)
    resolved = os.path.join(_realpath(os.path.dirname(where)), os.path.basename(where))
    if os.path.islink(resolved):
        resolved = os.path.realpath(resolved)
    if resolved != base and not resolved.startswith(base.rstrip(os.sep) + os.sep):
        raise _outside(text, "leads outside the project through a symbolic link")
    return joined


#: A Windows drive (``C:\\``, ``c:/``): an absolute path, whatever the system.
_DRIVE = re.compile(r"[A-Za-z]:[\\/]")

_RESOLVED: dict[str, str] | None = None


def _realpath(path: str) -> str:
    if _RESOLVED is None:
        return os.path.realpath(path)
    found = _RESOLVED.get(path)
    if found is None:
        found = _RESOLVED[path] = os.path.realpath(path)
    return found


@contextmanager
def resolved_folders_cache() -> Iterator[None]:
    """Within one run, resolve each folder's symlinks once (``safe_join`` is on every file
    access). Outside the block nothing is cached, so a symlink made between two runs in
    one process is always seen."""
    global _RESOLVED
    previous, _RESOLVED = _RESOLVED, {}
    try:
        yield
    finally:
        _RESOLVED = previous


def _outside(relative: str, why: str) -> ConfigError:
    return ConfigError(f"path {relative!r} {why}",
                       hint="use a path inside the project folder, relative to pipeline.toml")
