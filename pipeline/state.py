"""What the last run left behind, so an unchanged article is not even read again.

``.pipeline/state.json`` records, per article, the size, modification time and SHA-256 of
every file the article involves (source, template, catalogues, published versions) as the
last successful run left them, plus that run's summary for the article (what waits for
review, what was held back), and the signatures of the other catalogues (of renamed or
deleted articles, or in an article's own language), which serve the translation memory. An article whose files all still match, under the same
settings, is clean: ``pipeline sync`` skips it and reports the recorded summary. A file
whose time changed but whose bytes did not (a ``git checkout``) still counts as unchanged.

The state is a cache: deleting it, or a corrupt one, only costs one full run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Collection

from .errors import PipelineError
from .fileio import atomic_write, file_digest, fsync_folder

if TYPE_CHECKING:
    from .config import Config

STATE_FILE = ".pipeline/state.json"
_FORMAT = 1
#: The state's last key, the SHA-256 of the text before it: a state edited by hand, merged
#: or damaged on disk, which may still be valid JSON of another shape, is then taken for a
#: corrupt one (one full run) instead of breaking every run with a TypeError.
_CHECKSUM = re.compile(r',\n"checksum": "([0-9a-f]{64})"\n\}\Z')


def _with_checksum(text: str) -> str:
    """``text`` (``json.dumps(..., indent=0)`` of a mapping, ending ``\n}``) with its checksum."""
    return f'{text[:-2]},\n"checksum": "{hashlib.sha256(text.encode()).hexdigest()}"\n}}'


def _without_checksum(raw: str) -> str:
    """The text :func:`_with_checksum` signed; ValueError when the checksum is missing or
    does not match."""
    match = _CHECKSUM.search(raw)
    text = raw[:match.start()] + "\n}" if match else ""
    if not match or hashlib.sha256(text.encode()).hexdigest() != match.group(1):
        raise ValueError("the run state's checksum does not match")
    return text


def file_signature(path: Path) -> list[Any] | None:
    """[size, mtime_ns, sha256] of a file, or None when it does not exist.

    A path that exists but cannot be read as a file (a folder, no permission) is also
    recorded as None: it then never matches, so its article is read again next run.
    """
    try:
        stat = os.stat(path)
        digest = file_digest(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, digest]


def _matches(path: str, recorded: list[Any] | None) -> bool:
    """Whether a file still is as recorded. Paths are plain strings: a no-op run checks
    every file of the archive, and pathlib's objects cost more than the ``stat`` itself."""
    try:
        stat = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):  # a file in place of its folder: it is gone too
        return recorded is None
    except OSError:  # a folder above it cannot be looked into: read the article again, which says so
        return False
    if recorded is None or stat.st_size != recorded[0]:
        return False
    if stat.st_mtime_ns == recorded[1]:
        return True
    try:
        return file_digest(path) == recorded[2]
    except OSError:  # a folder now, or unreadable: not as recorded
        return False


@dataclass
class ArticleRecord:
    """One article as the last run left it."""

    files: dict[str, list[Any] | None]
    summary: dict[str, Any] = field(default_factory=dict)

    def unchanged(self, root: Path) -> bool:
        base = os.fspath(root)
        return all(_matches(os.path.join(base, rel), recorded) for rel, recorded in self.files.items())

    def file_unchanged(self, root: Path, rel: str) -> bool:
        """Whether ``rel`` (one of the article's files) is still as recorded."""
        return rel in self.files and _matches(os.path.join(os.fspath(root), rel), self.files[rel])

    def changed(self, root: Path) -> list[str]:
        base = os.fspath(root)
        return [rel for rel, recorded in self.files.items()
                if not _matches(os.path.join(base, rel), recorded)]


@dataclass
class RunState:
    """The recorded articles, valid only for the settings they were made under."""

    root: Path
    settings: str
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    #: Catalogues no article record holds (orphans, an article's own language), as the
    #: last run left them: their reviewed entries are translation memory too.
    others: dict[str, list[Any] | None] = field(default_factory=dict)
    _loaded: str = ""
    _changed: bool = False  # a record was added, replaced or dropped since loading
    #: The file holds another code's or settings' records, all dropped: every article is
    #: read again, and the report says why the state is rewritten.
    rebuilt: bool = False

    @classmethod
    def load(cls, root: Path, settings: str) -> "RunState":
        path = root / STATE_FILE
        try:
            raw = path.read_text(encoding="utf-8")
            data = json.loads(_without_checksum(raw))
            if data.get("format") != _FORMAT or data.get("settings") != settings:
                return cls(root, settings, rebuilt=True)
            articles = {slug: ArticleRecord(rec["files"], rec.get("summary", {}))
                        for slug, rec in data["articles"].items()}
            others = dict(data.get("catalogues", {}))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(root, settings)
        return cls(root, settings, articles, others, raw)

    def clean(self, slug: str) -> ArticleRecord | None:
        record = self.articles.get(slug)
        return record if record is not None and record.unchanged(self.root) else None

    def catalogues_changed(self, catalogues: list[str], clean: set[str]) -> bool:
        """Whether any of ``catalogues`` (every catalogue on disk, project-relative) is not
        as the last run left it: saved, or new (a ``git pull``, a restored file). The
        catalogues of the ``clean`` articles are as recorded by definition."""
        recorded: dict[str, list[Any] | None] = dict(self.others)
        skip: set[str] = set()
        for slug, record in self.articles.items():
            if slug in clean:
                skip.update(record.files)
            else:
                recorded.update((rel, sig) for rel, sig in record.files.items() if rel.endswith(".po"))
        base = os.fspath(self.root)
        for rel in catalogues:
            if rel in skip:
                continue
            if rel not in recorded or not _matches(os.path.join(base, rel), recorded[rel]):
                return True
        return False

    def record_others(self, catalogues: list[str]) -> None:
        """Sign the catalogues no article record holds (see :attr:`others`); the ones that
        still match keep their signature, so a no-op run only calls ``stat`` on them."""
        held = {rel for record in self.articles.values() for rel in record.files}
        base = os.fspath(self.root)
        others = {}
        for rel in catalogues:
            if rel in held:
                continue
            old = self.others.get(rel)
            others[rel] = old if old is not None and _matches(os.path.join(base, rel), old) \
                else file_signature(self.root / rel)
        if others != self.others:
            self.others = others
            self._changed = True

    def record(self, slug: str, rels: list[str], summary: dict[str, Any],
               files: dict[str, list[Any] | None] | None = None) -> None:
        """Record an article; ``files`` are its files' signatures taken when the run finished
        it (default: taken now)."""
        files = files or {}
        self.articles[slug] = ArticleRecord(
            {rel: files[rel] if rel in files else file_signature(self.root / rel) for rel in rels}, summary)
        self._changed = True

    def forget(self, slug: str) -> None:
        if self.articles.pop(slug, None) is not None:
            self._changed = True

    def forget_except(self, slugs: set[str]) -> None:
        for slug in list(self.articles):
            if slug not in slugs:
                self.forget(slug)

    def save(self) -> bool:
        """Write the state if it differs from the file; return whether it was written. A run
        that recorded and dropped nothing (a no-op sync) does not even serialise it: for a
        large archive that is a good part of a no-op's time."""
        if self._loaded and not self._changed:
            return False
        data = {
            "format": _FORMAT,
            "settings": self.settings,
            "articles": {slug: {"files": rec.files, "summary": rec.summary}
                         for slug, rec in sorted(self.articles.items())},
            "catalogues": dict(sorted(self.others.items())),
        }
        text = _with_checksum(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0))
        self._changed = False
        if text == self._loaded:
            return False
        atomic_write(self.root / STATE_FILE, text.encode("utf-8"))
        self._loaded = text
        return True


REVIEWED_FILE = ".pipeline/reviewed"


def text_hash(text: str) -> str:
    """64 bits of a source text's BLAKE2b digest, in hex: enough to tell which catalogues
    may hold a text (a rare collision only costs reading one catalogue more)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


@dataclass
class ReviewedIndex:
    """Per catalogue, the hashes (:func:`text_hash`) of the normalised source texts of its
    reviewed entries, active and obsolete, valid while the file is as signed.

    The translate stage reads the reviewed entries of every catalogue on disk for the
    translation memory; with this index it reads only those that may hold a text it needs
    (a catalogue not signed here, or changed since, is read, and signed again). Kept in
    ``.pipeline/reviewed``, apart from :class:`RunState`, and loaded only by the translate
    stage, so a run that translates nothing never reads it. ``settings`` says what the
    hashes were made with (the code and the memory's normalisation): another value drops
    them all. A cache: deleting it only costs reading every catalogue once more.
    """

    root: Path
    settings: str
    catalogues: dict[str, tuple[list[Any], frozenset[str]]] = field(default_factory=dict)
    _changed: bool = False

    @classmethod
    def load(cls, root: Path, settings: str) -> "ReviewedIndex":
        try:
            data = json.loads((root / REVIEWED_FILE).read_text(encoding="utf-8"))
            if data.get("format") != _FORMAT or data.get("settings") != settings:
                return cls(root, settings)
            catalogues = {rel: (signature, frozenset(hashes))
                          for rel, (signature, hashes) in data["catalogues"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(root, settings)
        return cls(root, settings, catalogues)

    def may_hold(self, rel: str, hashes: Collection[str]) -> bool:
        """Whether ``rel`` may hold a reviewed entry of one of the texts ``hashes`` stand
        for: False only when it is signed here, still as signed, and holds none."""
        recorded = self.catalogues.get(rel)
        if recorded is None or not _matches(os.path.join(os.fspath(self.root), rel), recorded[0]):
            return True
        return not recorded[1].isdisjoint(hashes)

    def note(self, rel: str, signature: list[Any], hashes: frozenset[str]) -> None:
        """Sign ``rel`` as read: ``signature`` taken before it was read (a later save then
        no longer matches), ``hashes`` of what was read."""
        if self.catalogues.get(rel) != (signature, hashes):
            self.catalogues[rel] = (signature, hashes)
            self._changed = True

    def keep_only(self, rels: Collection[str]) -> None:
        """Drop the catalogues no longer on disk."""
        for rel in set(self.catalogues) - set(rels):
            del self.catalogues[rel]
            self._changed = True

    def save(self) -> bool:
        """Write the index if anything changed; return whether it was written."""
        if not self._changed:
            return False
        data = {"format": _FORMAT, "settings": self.settings,
                "catalogues": {rel: [signature, sorted(hashes)]
                               for rel, (signature, hashes) in sorted(self.catalogues.items())}}
        atomic_write(self.root / REVIEWED_FILE, json.dumps(data, sort_keys=True).encode("utf-8"))
        self._changed = False
        return True


PUBLISHED_FILE = ".pipeline-published.sha256"
LEGACY_PUBLISHED_FILE = ".pipeline/published.json"
JOURNAL_FILE = ".pipeline/publishing"
_RECORD_LINE = re.compile(r"([0-9a-f]{64})  (.+)")
#: Lines a merge leaves in the record, skipped as the docstring of :class:`PublishedVersions` says.
_CONFLICT_LINE = re.compile(r"(?:<{7}|={7}|>{7}|\|{7})(?: .*)?")
#: What :meth:`PublishedVersions.recorded` gives for a version a damaged record does not
#: name: no file's digest, so any version other than the one sync would write is kept.
_UNKNOWN = "unknown: the record could not be read"


@dataclass
class PublishedVersions:
    """The SHA-256 of every language version as sync last wrote it (or found it already
    right), by project-relative path: a version that no longer matches, and differs from what
    sync would write now, was edited by hand (a correction made in ``public/`` instead of the
    catalogue), and writing over it would lose that edit without a word.

    The record lives beside the versions it describes, in the output folder
    (``public/.pipeline-published.sha256``), so it goes wherever they go: a newsroom that
    commits its published files commits the record with them, and a fresh clone still knows
    which versions a person changed; where they are not committed, neither is the record, and
    a colleague's pulled record cannot call a local version edited. One line per version,
    ``<sha256>  <path from that folder>`` in ``sha256sum``'s format, sorted by path (``sha256sum
    -c`` there names the versions edited since), each followed by an empty line: git merges
    two editors' records, who published different versions, without a conflict (changed lines
    next to each other conflict). A merge's conflict markers (where both sides changed one
    version) are skipped, and every digest a path has counts as sync's; another line it
    cannot read makes the record :attr:`damaged`.
    It is also kept apart from :class:`RunState`, which is dropped whenever the settings or
    the code change: this record must outlive both. Without it nothing is known to be
    hand-edited and versions are written as before. ``.pipeline/published.json``, where
    earlier releases kept it, is read for the versions the record does not name."""

    root: Path
    folder: str = "."  # the record's folder, project-relative (the output pattern's fixed folder)
    digests: dict[str, frozenset[str]] = field(default_factory=dict)
    _text: str | None = None  # the record as read (None: no record file)
    #: Versions an interrupted run noted before writing them (:func:`note_version`), not yet recorded.
    noted: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The record exists but a line of it cannot be read (saved in another encoding, typed
    #: into): it may have named any version, so none it does not name is written over (a
    #: correction there would be lost), and it is left as it is for a person to mend.
    damaged: PipelineError | None = None

    @classmethod
    def of(cls, config: "Config") -> "PublishedVersions":
        """The project's record, in the output pattern's fixed folder (``public``)."""
        return cls.load(config.root, Path(os.path.relpath(config.output_root, config.root)).as_posix())

    @classmethod
    def load(cls, root: Path, folder: str = ".") -> "PublishedVersions":
        """The record in ``folder``, project-relative."""
        versions = cls(root, folder)
        try:
            data = (root / folder / PUBLISHED_FILE).read_bytes()
        except (FileNotFoundError, IsADirectoryError):  # a folder there: writing the record reports it
            data = None
        except OSError as exc:
            data = None
            versions.damaged = versions._damage(f"cannot read the record of the published versions: "
                                                f"{exc.strerror or exc}", None)
        versions._text = None if data is None else data.decode("utf-8", errors="replace")
        for number, raw in enumerate((data or b"").split(b"\n"), 1):
            line = raw.decode("utf-8", errors="replace").rstrip("\r")
            match = _RECORD_LINE.fullmatch(line)
            if match is not None and "\ufffd" not in line:
                rel = versions._project_rel(match.group(2))
                versions.digests[rel] = versions.digests.get(rel, frozenset()) | {match.group(1)}
            elif line.strip() and not _CONFLICT_LINE.fullmatch(line) and versions.damaged is None:
                versions.damaged = versions._damage(
                    "this line of the record of the published versions cannot be read (a '<sha256>  <path>' "
                    "line was expected)", number)
        for rel, digest in _legacy_digests(root).items():
            versions.digests.setdefault(rel, frozenset({digest}))
        versions.noted = _noted(root)
        return versions

    @property
    def rel(self) -> str:
        """The record's project-relative path."""
        return self._project_rel(PUBLISHED_FILE)

    def _damage(self, message: str, line: int | None) -> PipelineError:
        return PipelineError(message, path=self.rel, line=line, hint=(
            "restore the file from version control, or delete the lines that are not '<sha256>  <path>' "
            "(deleting the file makes sync forget which versions it wrote); until then no published "
            "version it does not name is written over"))

    def _project_rel(self, name: str) -> str:
        return name if self.folder in ("", ".") else f"{self.folder}/{name}"

    def _record_name(self, rel: str) -> str | None:
        if self.folder in ("", "."):
            return rel
        prefix = self.folder + "/"
        return rel[len(prefix):] if rel.startswith(prefix) else None

    def recorded(self, rel: str) -> frozenset[str]:
        """The digests of the version at ``rel`` as sync last wrote it (empty: not known),
        with those an interrupted run may have written; while the record is :attr:`damaged`,
        a version it does not name is taken for one sync did not write."""
        known = self.digests.get(rel, frozenset()) | self.noted.get(rel, frozenset())
        return known or (frozenset({_UNKNOWN}) if self.damaged is not None else known)

    def changed_since_written(self, rel: str) -> bool:
        """Whether the version at ``rel`` is no longer what sync last wrote there (someone
        changed it since); False when nothing is recorded or the file is gone, and for a
        version a :attr:`damaged` record does not name: whether it was changed is not known
        (the record's own error says why sync leaves it)."""
        known = self.digests.get(rel, frozenset()) | self.noted.get(rel, frozenset())
        return edited_since_written(self.root / rel, known)

    def save(self, written: dict[str, str]) -> bool:
        """Record the versions this run wrote or found right, and forget the versions whose
        file is gone (nothing of them is left to protect); write the file if that changed it,
        and return whether it did. A run that published nothing leaves the record as it is (a
        no-op sync reads no version).
        What an interrupted run noted is recorded where the version on disk is the one noted,
        and the notes are then dropped."""
        journal = self.root / JOURNAL_FILE
        if self.damaged is not None or (not written and not self.noted and not journal.exists()):
            return False  # a damaged record is a person's to mend: the journal keeps this run's notes
        self.digests.update((rel, frozenset({digest})) for rel, digest in written.items())
        for rel, digests in self.noted.items():
            current = None if rel in written else _digest_or_none(self.root / rel)
            if current is not None and current in digests:
                self.digests[rel] = frozenset({current})
        entries = sorted((name, digest) for rel, digests in self.digests.items()
                         if (name := self._record_name(rel)) is not None and os.path.lexists(self.root / rel)
                         for digest in digests)
        text = "".join(f"{digest}  {name}\n\n" for name, digest in entries)
        changed = text != self._text
        if changed:
            path = self.root / self.rel
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, text.encode("utf-8"))
            self._text = text
        journal.unlink(missing_ok=True)  # this run's notes too: what they name was written, or failed
        self.noted = {}
        return changed


def unknown_version(recorded: Collection[str]) -> bool:
    """Whether ``recorded`` (from :meth:`PublishedVersions.recorded`) stands for a version a
    damaged record does not name: kept as it is, but not known to be edited by hand."""
    return _UNKNOWN in recorded


def note_version(root: Path, rel: str, digest: str) -> None:
    """Note in ``.pipeline/`` the version sync is about to write at ``rel``, before writing
    it: a run stopped before it saves the record (Ctrl-C, a crash) leaves the note, so the
    next run knows that version as sync's, not as a correction made by hand. One appended
    line; several workers append at once. A note that cannot be made costs only that.
    The note is fsynced (and its folder, when this made the file): the version is flushed
    later, so after a power cut it could be on disk and an unsynced note not, and the next
    run would take sync's own version for one edited by hand."""
    path = root / JOURNAL_FILE
    created = not path.exists()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError:
        return
    try:
        os.write(fd, f"{digest}  {rel}\n".encode("utf-8"))
        os.fsync(fd)
    except OSError:
        return
    finally:
        os.close(fd)
    if created:
        fsync_folder(path.parent)


def _noted(root: Path) -> dict[str, frozenset[str]]:
    """What :func:`note_version` left (project-relative paths)."""
    noted: dict[str, frozenset[str]] = {}
    try:
        text = (root / JOURNAL_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return noted
    for line in text.splitlines():
        match = _RECORD_LINE.fullmatch(line)
        if match is not None:
            noted[match.group(2)] = noted.get(match.group(2), frozenset()) | {match.group(1)}
    return noted


def _digest_or_none(path: Path) -> str | None:
    try:
        return file_digest(path)
    except OSError:
        return None


def _legacy_digests(root: Path) -> dict[str, str]:
    """What ``.pipeline/published.json`` (the record of earlier releases) holds, if anything."""
    try:
        data = json.loads((root / LEGACY_PUBLISHED_FILE).read_text(encoding="utf-8"))
        return {str(rel): str(digest) for rel, digest in data["versions"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def edited_since_written(path: Path, recorded: Collection[str], new: str | None = None) -> bool:
    """Whether the version at ``path`` is neither what sync last wrote there (one of
    ``recorded``) nor ``new`` (the digest of what it would write now, if given): someone
    changed it in between. False when nothing is recorded or the file is gone. The file is
    read even when ``new`` is what was recorded: a correction made since is neither."""
    if not recorded:
        return False
    try:
        current = file_digest(path)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False  # nothing to lose; writing reports the folder (or the file in a folder's place)
    except OSError:
        return True  # unreadable: not known to be sync's, so not written over
    return current != new and current not in recorded
