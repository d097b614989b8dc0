"""Atomic writes, change detection, temp-file cleanup, the project lock and safe paths."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

import pipeline.fileio as fileio_module
from pipeline.errors import ConcurrentEditError, ConfigError, LockError
from pipeline.fileio import (
    ABSENT,
    ProjectLock,
    ReadOnlyFileError,
    atomic_write,
    cleanup_temp_files,
    copy_if_changed,
    exchange_folders,
    file_digest,
    file_fingerprint,
    fingerprint,
    flush_file_system,
    is_utf32,
    safe_join,
    utf16_encoding,
    write_if_changed,
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --------------------------------------------------------------------------- fingerprints

def test_fingerprint_is_the_sha256_hex_digest() -> None:
    assert fingerprint(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_file_fingerprint_of_a_missing_file_is_none(tmp_path: Path) -> None:
    assert file_fingerprint(tmp_path / "nope.po") is None
    (tmp_path / "a.po").write_bytes(b"x")
    assert file_fingerprint(tmp_path / "a.po") == fingerprint(b"x")


# --------------------------------------------------------------------------- atomic_write

def test_atomic_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert _leftovers(tmp_path) == []


def test_atomic_write_keeps_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_validation_failure_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"old")

    def refuse(data: bytes) -> None:
        assert data == b"new", "the validator sees the bytes read back from disk"
        raise ValueError("bad catalogue")

    with pytest.raises(ValueError):
        atomic_write(target, b"new", validate=refuse)
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_temp_file_is_removed_when_interrupted(tmp_path: Path) -> None:
    def interrupt(_: bytes) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "a.po", b"data", validate=interrupt)
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.po"
    real.write_bytes(b"old")
    link = tmp_path / "link.po"
    link.symlink_to(real)
    atomic_write(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


# --------------------------------------------------------------------------- write_if_changed

def test_unchanged_content_is_not_written(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"same")
    old = time.time() - 3600
    os.utime(target, (old, old))
    assert write_if_changed(target, b"same") is False
    assert target.stat().st_mtime == pytest.approx(old)


def test_changed_content_is_written_and_parents_created(tmp_path: Path) -> None:
    target = tmp_path / "locale" / "az" / "a.po"
    assert write_if_changed(target, b"new") is True
    assert target.read_bytes() == b"new"
    assert write_if_changed(target, b"new") is False


def _count_fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real(fd))[1])
    return calls


def test_a_durable_write_fsyncs_the_file_and_its_folder(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_fsyncs(monkeypatch)
    assert write_if_changed(tmp_path / "a.po", b"new") is True
    assert len(calls) == 2


def test_a_durable_write_into_new_folders_fsyncs_each_folder_that_holds_a_new_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new article's first catalogue goes into folders made for it (LC_MESSAGES/news/):
    the rename into the last was fsynced, but not the new folders' own names, which a power
    cut could lose with the catalogue in them."""
    synced: list[str] = []
    real = fileio_module.fsync_folder
    monkeypatch.setattr(fileio_module, "fsync_folder", lambda folder: (synced.append(str(folder)),
                                                                            real(folder))[1])
    assert write_if_changed(tmp_path / "ru" / "LC_MESSAGES" / "news" / "a.po", b"new") is True
    assert synced == [str(tmp_path), str(tmp_path / "ru"), str(tmp_path / "ru" / "LC_MESSAGES"),
                      str(tmp_path / "ru" / "LC_MESSAGES" / "news")]
    synced.clear()
    assert write_if_changed(tmp_path / "ru" / "LC_MESSAGES" / "news" / "b.po", b"new") is True
    assert synced == [str(tmp_path / "ru" / "LC_MESSAGES" / "news")]


def test_a_rebuildable_file_is_written_atomically_without_fsync(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "public" / "a.md"
    write_if_changed(target, b"old")
    calls = _count_fsyncs(monkeypatch)
    assert write_if_changed(target, b"new", durable=False) is True
    assert calls == []
    assert target.read_bytes() == b"new"
    assert _leftovers(target.parent) == []


def test_flush_file_system_makes_deferred_writes_durable(tmp_path: Path) -> None:
    write_if_changed(tmp_path / "a.md", b"new", durable=False)
    flush_file_system(tmp_path)  # syncfs on Linux: must not fail on an ordinary folder
    assert (tmp_path / "a.md").read_bytes() == b"new"


def test_a_file_saved_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"as read")
    seen = fingerprint(b"as read")
    target.write_bytes(b"saved by a translator")
    with pytest.raises(ConcurrentEditError) as caught:
        write_if_changed(target, b"ours", expected_fingerprint=seen)
    assert "changed by someone else" in caught.value.message
    assert "nothing was written" in caught.value.message
    assert "pipeline sync again" in (caught.value.hint or "")
    assert target.read_bytes() == b"saved by a translator"


def test_a_file_deleted_meanwhile_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConcurrentEditError, match="deleted"):
        write_if_changed(tmp_path / "a.po", b"ours", expected_fingerprint=fingerprint(b"x"))
    assert not (tmp_path / "a.po").exists()


def test_a_save_just_before_the_rename_is_caught(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"as read")

    def translator_saves(_: bytes) -> None:
        target.write_bytes(b"saved during validation")

    with pytest.raises(ConcurrentEditError):
        write_if_changed(target, b"ours", validate=translator_saves,
                         expected_fingerprint=fingerprint(b"as read"))
    assert target.read_bytes() == b"saved during validation"
    assert _leftovers(tmp_path) == []


def test_a_file_created_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"created by a translator")
    with pytest.raises(ConcurrentEditError, match="created by someone else"):
        write_if_changed(target, b"ours", expected_fingerprint=ABSENT)
    assert target.read_bytes() == b"created by a translator"
    assert write_if_changed(tmp_path / "b.po", b"ours", expected_fingerprint=ABSENT)


def test_matching_fingerprint_allows_the_write(tmp_path: Path) -> None:
    target = tmp_path / "a.po"
    target.write_bytes(b"as read")
    assert write_if_changed(target, b"ours", expected_fingerprint=fingerprint(b"as read"))
    assert target.read_bytes() == b"ours"


# --------------------------------------------------------------------------- cleanup

def test_copy_if_changed_copies_once_and_leaves_an_equal_file_alone(tmp_path: Path) -> None:
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8 picture")
    copy = tmp_path / "public" / "ru" / "photo.jpg"
    assert copy_if_changed(source, copy) is True
    assert copy.read_bytes() == source.read_bytes() and _leftovers(copy.parent) == []
    os.utime(copy, ns=(1_000_000_000, 1_000_000_000))
    assert copy_if_changed(source, copy) is False
    assert copy.stat().st_mtime_ns == 1_000_000_000  # not touched
    source.write_bytes(b"\xff\xd8 pictura")  # same size, other bytes
    assert copy_if_changed(source, copy, durable=False) is True
    assert copy.read_bytes() == b"\xff\xd8 pictura"


def test_copy_if_changed_keeps_the_destination_s_mode_and_writes_through_a_symlink(tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    source.write_bytes(b"new")
    real = tmp_path / "real.png"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.png"
    link.symlink_to(real)
    assert copy_if_changed(source, link) is True
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_copy_if_changed_streams_large_files(tmp_path: Path) -> None:
    """A linked video may be larger than the run's memory: neither the comparison nor the
    copy nor the digest holds the file whole."""
    source = tmp_path / "clip.mp4"
    with open(source, "wb") as file:
        for _ in range(24):
            file.write(os.urandom(1 << 20))
    copy = tmp_path / "out" / "clip.mp4"
    tracemalloc.start()
    try:
        assert copy_if_changed(source, copy) is True
        assert copy_if_changed(source, copy) is False
        assert file_digest(copy) == file_digest(source)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20


def test_copy_if_changed_from_a_missing_source_raises_and_leaves_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "out" / "gone.png"
    copy.parent.mkdir()
    with pytest.raises(FileNotFoundError):
        copy_if_changed(tmp_path / "gone.png", copy)
    assert list(copy.parent.iterdir()) == []


def test_writing_onto_a_symlink_loop_is_an_os_error_and_leaves_nothing(tmp_path: Path) -> None:
    """sync reports an OSError on a linked file's copy; a RuntimeError would end the run."""
    source = tmp_path / "photo.png"
    source.write_bytes(b"png")
    loop = tmp_path / "loop.png"
    loop.symlink_to("loop.png")
    with pytest.raises(OSError):
        copy_if_changed(source, loop)
    with pytest.raises(OSError):
        atomic_write(loop, b"text")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loop.png", "photo.png"]


def test_cleanup_removes_only_our_temp_files(tmp_path: Path) -> None:
    (tmp_path / "az").mkdir()
    ours = [tmp_path / ".a.po.0123abcd.tmp", tmp_path / "az" / ".b.po.deadbeef.tmp"]
    theirs = [tmp_path / "notes.tmp", tmp_path / ".a.po.XYZ.tmp", tmp_path / "a.po",
              tmp_path / ".a.po.0123abcd.tmp.bak"]
    hidden = tmp_path / ".git"
    hidden.mkdir()
    theirs.append(hidden / ".x.0123abcd.tmp")
    for path in ours + theirs:
        path.write_bytes(b"")
    assert cleanup_temp_files(tmp_path) == 2
    assert not any(p.exists() for p in ours)
    assert all(p.exists() for p in theirs)


def test_temp_files_follow_the_cleanup_pattern(tmp_path: Path) -> None:
    seen: list[str] = []

    def spy(_: bytes) -> None:
        seen.extend(p.name for p in tmp_path.iterdir() if p.name != "a.po")
        raise RuntimeError("stop before the rename")

    with pytest.raises(RuntimeError):
        atomic_write(tmp_path / "a.po", b"x", validate=spy)
    assert len(seen) == 1 and seen[0].startswith(".a.po.") and seen[0].endswith(".tmp")
    (tmp_path / seen[0]).write_bytes(b"left by a killed run")
    assert cleanup_temp_files(tmp_path) == 1


# --------------------------------------------------------------------------- ProjectLock

def test_second_lock_fails_at_once_with_the_holders_pid(tmp_path: Path) -> None:
    with ProjectLock(tmp_path):
        started = time.monotonic()
        with pytest.raises(LockError) as caught:
            ProjectLock(tmp_path).acquire()
        assert time.monotonic() - started < 1
    assert f"pid {os.getpid()}" in caught.value.message
    assert "another pipeline command is running" in caught.value.message
    assert ".pipeline/lock" in (caught.value.hint or "")


def test_the_busy_hint_never_says_to_delete_the_lock_file(tmp_path: Path) -> None:
    """Regression: the hint said "remove .pipeline/lock if no pipeline is running". With
    flock that is never needed (the kernel frees the lock of a dead process), and deleting
    the file while a run holds it lets a second run lock a new file and write at once."""
    with ProjectLock(tmp_path):
        with pytest.raises(LockError) as caught:
            ProjectLock(tmp_path).acquire()
        (tmp_path / ".pipeline" / "lock").unlink()
        with ProjectLock(tmp_path):  # what following the old hint allowed: two holders
            pass
    hint = caught.value.hint or ""
    assert "remove" not in hint and "delete" in hint and "released" in hint


def test_a_lock_taken_and_released_leaves_its_file_as_it_was(tmp_path: Path) -> None:
    """A run that changed nothing changes no file, the lock's included."""
    with ProjectLock(tmp_path):
        pass
    lock = tmp_path / ".pipeline" / "lock"
    os.utime(lock, ns=(1_000_000_000, 2_000_000_000))
    with ProjectLock(tmp_path):
        assert lock.read_text() == f"{os.getpid()}\n"
    assert lock.read_bytes() == b"" and lock.stat().st_mtime_ns == 2_000_000_000


def test_a_lock_whose_times_cannot_be_set_is_still_released(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Setting a file's times needs its ownership: in a shared project the lock may be a
    colleague's file, writable by the group. The run's work must not end in an error."""
    with ProjectLock(tmp_path):
        pass

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "utime", refused)
    monkeypatch.setattr(os, "supports_fd", os.supports_fd | {refused})
    with ProjectLock(tmp_path):
        pass
    monkeypatch.undo()
    with ProjectLock(tmp_path):  # and it is free again
        pass


def test_a_killed_run_s_lock_file_is_emptied_and_keeps_the_time_of_that_change(tmp_path: Path) -> None:
    lock = tmp_path / ".pipeline" / "lock"
    lock.parent.mkdir()
    lock.write_text("999999\n")
    os.utime(lock, ns=(1_000_000_000, 2_000_000_000))
    with ProjectLock(tmp_path):
        pass
    assert lock.read_bytes() == b"" and lock.stat().st_mtime_ns > 2_000_000_000


def test_lock_is_free_again_after_release(tmp_path: Path) -> None:
    with ProjectLock(tmp_path):
        pass
    with ProjectLock(tmp_path):
        assert (tmp_path / ".pipeline" / "lock").exists()


def test_waiting_for_the_lock_gives_up_after_the_timeout(tmp_path: Path) -> None:
    with ProjectLock(tmp_path):
        started = time.monotonic()
        with pytest.raises(LockError):
            ProjectLock(tmp_path, wait=0.3).acquire()
        assert 0.25 <= time.monotonic() - started < 2


def test_lock_held_by_another_process_is_released_when_it_dies(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pipeline.fileio import ProjectLock;"
         f"lock = ProjectLock({str(tmp_path)!r}); lock.acquire();"
         "print('locked', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1])
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockError, match=f"pid {holder.pid}"):
            ProjectLock(tmp_path).acquire()
    finally:
        holder.kill()
        holder.wait()
    with ProjectLock(tmp_path, wait=5):
        pass


# --------------------------------------------------------------------------- safe_join

def test_safe_join_accepts_paths_inside(tmp_path: Path) -> None:
    assert safe_join(tmp_path, "locale/az/a.po") == tmp_path / "locale/az/a.po"
    assert safe_join(tmp_path, "locale/../source/x.md") == tmp_path / "locale/../source/x.md"


@pytest.mark.parametrize("relative", ["../outside.po", "locale/../../x", "/etc/passwd",
                                      "C:/Windows/x", "a\0b", "c:\\x", "//host/x", "./../x",
                                      "a/./../../x", "\\server\\x"])
def test_safe_join_refuses_escapes(tmp_path: Path, relative: str) -> None:
    with pytest.raises(ConfigError):
        safe_join(tmp_path, relative)


def test_safe_join_refuses_symlinks_that_point_outside(tmp_path: Path) -> None:
    root = tmp_path / "project"
    outside = tmp_path / "elsewhere"
    root.mkdir()
    outside.mkdir()
    (root / "locale").symlink_to(outside)
    with pytest.raises(ConfigError, match="symbolic link"):
        safe_join(root, "locale/az.po")
    (root / "ok").mkdir()
    (root / "alias").symlink_to(root / "ok")
    assert safe_join(root, "alias/a.po") == root / "alias/a.po"


def test_exchange_folders_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    """Where the kernel offers renameat2 (Linux), two folders trade names atomically."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a").write_text("from first")
    (second / "b").write_text("from second")
    if not exchange_folders(first, second):
        pytest.skip("this system has no atomic folder exchange")
    assert [p.name for p in first.iterdir()] == ["b"] and [p.name for p in second.iterdir()] == ["a"]


def test_exchange_folders_reports_failure_instead_of_raising(tmp_path: Path) -> None:
    (tmp_path / "here").mkdir()
    assert exchange_folders(tmp_path / "here", tmp_path / "missing") is False
    assert (tmp_path / "here").is_dir()
@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-32", True), ("utf-32-le", True), ("utf-32-be", True),
    ("utf-16", False), ("utf-16-le", False), ("utf-16-be", False), ("utf-8", False), ("utf-8-sig", False)])
def test_is_utf32_tells_utf32_from_utf16_and_utf8(encoding: str, expected: bool) -> None:
    text = "---\ntitle: Порт Ələt\n---\n\nThe port of Alat grew.\n"
    assert is_utf32(text.encode(encoding)) is expected


def test_is_utf32_is_false_for_binary_files() -> None:
    assert not is_utf32(b"\0" * 64)
    assert not is_utf32(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)))


@pytest.mark.parametrize("writer", ["atomic", "if_changed", "copy"])
def test_a_read_only_file_is_refused_and_left_as_it_was(tmp_path: Path, writer: str) -> None:
    """The rename of an atomic write replaced a file someone made read-only (chmod 444), as
    long as its folder was writable (and root writes anything): it is now refused, like a
    file that cannot be written, with nothing changed and no temp file left."""
    target = tmp_path / "ru.po"
    target.write_bytes(b"old")
    target.chmod(0o444)
    inode = target.stat().st_ino
    source = tmp_path / "new.bin"
    source.write_bytes(b"new")
    with pytest.raises(ReadOnlyFileError):
        if writer == "atomic":
            atomic_write(target, b"new")
        elif writer == "if_changed":
            write_if_changed(target, b"new")
        else:
            copy_if_changed(source, target)
    assert target.read_bytes() == b"old" and target.stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.bin", "ru.po"]
    assert not write_if_changed(target, b"old")  # the same bytes: nothing to write, no error


def test_a_file_writable_by_its_owner_only_is_still_written(tmp_path: Path) -> None:
    target = tmp_path / "ru.po"
    target.write_bytes(b"old")
    target.chmod(0o600)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_file_where_the_pipeline_folder_belongs_is_named_not_taken_for_a_permission_problem(tmp_path: Path) -> None:
    """A '.pipeline' file (a copy, a merge gone wrong) made the lock fail with 'File exists'
    and a hint about permissions and read-only disks."""
    (tmp_path / ".pipeline").write_text("x\n", encoding="utf-8")
    with pytest.raises(LockError) as caught:
        ProjectLock(tmp_path).acquire()
    assert ".pipeline is a file where pipeline keeps its run state" in caught.value.message
    assert "rename or delete the file" in (caught.value.hint or "")
    assert (tmp_path / ".pipeline").read_text(encoding="utf-8") == "x\n"


@pytest.mark.parametrize("text", [
    "---\ntitle: Port grows\n---\n\nThe port of Alat grew.\n",
    "---\ntitle: Порт\nlang: ru\n---\n\nБакинский морской порт вырос на 5%.\n",
    "---\ntitle: Liman\nlang: az\n---\n\nBakı Beynəlxalq Dəniz Ticarət Limanı böyüdü; əsas yük: taxıl.\n",
    "en,ru,az\nPort of Baku,Бакинский порт,Bakı limanı\n"])
@pytest.mark.parametrize(("encoding", "named"), [
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"), ("utf-8", None), ("utf-8-sig", None)])
def test_utf16_is_told_from_utf8_in_every_language_of_the_desk(text: str, encoding: str, named: str | None) -> None:
    """Regression: without a byte-order mark, UTF-16 was known only by its NULs, the high
    bytes of English letters; Russian text (high byte 0x04) was refused as corrupted ('NUL
    byte') and an Azerbaijani glossary sent to iconv from Windows Cyrillic."""
    assert utf16_encoding(text.encode(encoding)) == named


def test_utf16_is_not_found_in_binary_files_or_nuls_alone() -> None:
    assert utf16_encoding(b"\0" * 64) is None
    assert utf16_encoding(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256))) is None


def test_a_file_on_a_read_only_disk_is_not_called_read_only_by_permission(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: a catalogue on a volume mounted read-only (a CI container's) was reported
    as "read-only (it has no write permission)" with a 'chmod u+w' that cannot help; it is
    now the disk's error (EROFS), which sync reports as a read-only disk."""
    import errno
    import os

    target = tmp_path / "ru.po"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "access", lambda *_args, **_kwargs: False)
    real_statvfs = os.statvfs

    class ReadOnly:
        def __init__(self, result: os.statvfs_result) -> None:
            self.f_flag = result.f_flag | os.ST_RDONLY

    monkeypatch.setattr(os, "statvfs", lambda path: ReadOnly(real_statvfs(path)))
    with pytest.raises(OSError) as raised:
        atomic_write(target, b"new")
    assert raised.value.errno == errno.EROFS and not isinstance(raised.value, ReadOnlyFileError)
    assert target.read_bytes() == b"old"
    target.chmod(0o444)  # no write permission at all: the permission's error, as before
    with pytest.raises(ReadOnlyFileError):
        atomic_write(target, b"new")
