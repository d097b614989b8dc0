"""Reviewed translations that a catalogue no article uses and a live one disagree on.

An article renamed and renamed back (``news/port`` → ``biz/port`` → ``news/port``) finds its
old catalogue again, with the older reviews, while the one it used in between, where a
translator revised them, is left unused. Both are somebody's reviewed work, and nothing
but a person can tell which is right; deleting the unused one, as people do with unused
files, would lose the newer. So every ``sync`` and ``status`` names each such entry's two
places (path:line) until someone chooses.

Cheap when it can be: nothing is read when no catalogue is unused; otherwise the answer is
kept in ``.pipeline/diverged`` with the size and time of every catalogue it looked at, and a
run that finds them all as they were (a no-op sync) only calls ``stat`` on them. When one
changed, each live catalogue is parsed only if it may hold a reviewed entry of one of the
unused catalogues' texts, which the file also keeps (hashes of its reviewed keys, per file
signature).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .config import Config
from .errors import PipelineError
from .fileio import atomic_write
from .model import Catalogue, EntryStatus, Message, shorten
from .project import read_catalogue_file
from .state import text_hash

DIVERGED_FILE = ".pipeline/diverged"
_FORMAT = 1
Key = tuple[str | None, str]


@dataclass(frozen=True)
class DivergedReview:
    """Reviewed entries of the same text that an unused and a live catalogue translate
    differently: the first one's places, and how many there are between the two files."""

    lang: str
    unused: str  # path:line in the catalogue no article uses
    live: str  # path:line in the article's catalogue
    msgid: str
    count: int

    def render(self) -> str:
        unused_rel, live_rel = self.unused.rpartition(":")[0], self.live.rpartition(":")[0]
        more = f" (and {self.count - 1} more entr{'y' if self.count == 2 else 'ies'} of the two files)" \
            if self.count > 1 else ""
        return (f"{self.unused} (a catalogue no article uses) and {self.live} hold different reviewed {self.lang} "
                f"translations of {shorten(self.msgid, 50)!r}{more}: either may be the newer review (an article "
                f"renamed and renamed back?); choose one: copy the translation you keep into "
                f"{live_rel}, then delete {unused_rel}")


def _signature(root: str, rel: str) -> list[int] | None:
    try:
        stat = os.stat(os.path.join(root, rel))
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _key_hash(key: Key) -> str:
    return text_hash(f"{key[0] or ''}\x04{key[1]}" if key[0] is not None else key[1])


def _reviewed(catalogue: Catalogue) -> dict[Key, Message]:
    """The active reviewed entries, by key."""
    return {m.key: m for m in catalogue.active if m.status is EntryStatus.REVIEWED}


def _translation(message: Message) -> tuple[str, ...]:
    if message.msgid_plural is not None:
        return tuple(text for _, text in sorted(message.msgstr_plural.items()))
    return (message.msgstr,)


@dataclass
class _Cache:
    """What ``.pipeline/diverged`` keeps: the last answer with the signatures it was made
    from, and per catalogue the hashes of its reviewed entries' keys."""

    path: Path
    settings: str
    answer: dict[str, Any] = field(default_factory=dict)  # {"signatures": {...}, "found": [...]}
    keys: dict[str, tuple[list[int], frozenset[str]]] = field(default_factory=dict)
    loaded: str = ""

    @classmethod
    def load(cls, root: Path, settings: str) -> "_Cache":
        path = root / DIVERGED_FILE
        try:
            raw = path.read_text(encoding="utf-8")
            data = json.loads(raw)
            if data.get("format") != _FORMAT or data.get("settings") != settings:
                return cls(path, settings)
            keys = {rel: (list(sig), frozenset(hashes)) for rel, (sig, hashes) in data["keys"].items()}
            return cls(path, settings, dict(data["answer"]), keys, raw)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(path, settings)

    def save(self) -> bool:
        text = json.dumps({"format": _FORMAT, "settings": self.settings, "answer": self.answer,
                           "keys": {rel: [sig, sorted(hashes)] for rel, (sig, hashes) in sorted(self.keys.items())}},
                          sort_keys=True, ensure_ascii=False)
        if text == self.loaded:
            return False
        atomic_write(self.path, text.encode("utf-8"))
        self.loaded = text
        return True


def diverged_reviews(config: Config, unused: Iterable[str], listed: list[tuple[str, str, str]],
                     *, save: bool = True) -> tuple[list[DivergedReview], bool]:
    """The entries each unused catalogue (``unused``, from :func:`pipeline.project.orphaned_catalogues`)
    and a live one of the same language hold reviewed with different translations, by pair
    of files, and whether the cache file was written (``save``: a command that writes
    nothing, ``status``, passes False). ``listed``: every catalogue on disk (language, slug, path)."""
    unused = set(unused)
    language = {rel: lang for lang, _, rel in listed if rel in unused}
    if not language:
        return [], False
    from .incremental import code_fingerprint

    live = [(lang, rel) for lang, _, rel in listed if lang in language.values() and rel not in unused]
    root = os.fspath(config.root)
    signatures = {rel: _signature(root, rel) for rel in sorted([*language, *(rel for _, rel in live)])}
    cache = _Cache.load(config.root, code_fingerprint())
    # The same files, unchanged, may swap roles (an article renamed back): the unused ones are part of the key.
    question = {"signatures": signatures, "unused": sorted(language)}
    if {k: cache.answer.get(k) for k in question} == question:
        return [DivergedReview(*item) for item in cache.answer.get("found", [])], False
    found = _compare(config, language, live, signatures, cache)
    cache.answer = question | {"found": [list(item.__dict__.values()) for item in found]}
    cache.keys = {rel: value for rel, value in cache.keys.items() if rel in signatures}
    try:
        return found, save and cache.save()
    except OSError:  # a cache: the next run compares again
        return found, False


def _compare(config: Config, language: dict[str, str], live: list[tuple[str, str]],
             signatures: dict[str, list[int] | None], cache: _Cache) -> list[DivergedReview]:
    """Read the unused catalogues, then the live ones that may share a reviewed key."""
    unused: dict[str, dict[Key, Message]] = {}
    for rel in sorted(language):
        entries = _read(config, rel)
        if entries:
            unused[rel] = entries
    wanted: dict[str, set[str]] = {}
    for rel, entries in unused.items():
        wanted.setdefault(language[rel], set()).update(_key_hash(key) for key in entries)
    found = []
    for lang, rel in live:
        hashes = wanted.get(lang)
        if not hashes:
            continue
        known = cache.keys.get(rel)
        if known is not None and known[0] == signatures[rel] and known[1].isdisjoint(hashes):
            continue
        entries = _read(config, rel)
        if signatures[rel] is not None:
            cache.keys[rel] = (signatures[rel], frozenset(_key_hash(key) for key in entries))  # type: ignore[index]
        for other, theirs in unused.items():
            if language[other] == lang:
                found += _pair(lang, other, theirs, rel, entries)
    return sorted(found, key=lambda item: (item.unused, item.live))


def _pair(lang: str, unused_rel: str, unused: dict[Key, Message], live_rel: str,
          live: dict[Key, Message]) -> list[DivergedReview]:
    """At most one item for the two files: the first entry they disagree on, and how many.
    Only for two versions of one article, which share most of their reviewed texts: a deleted
    article's catalogue shares a credit line or a boilerplate sentence with many others, each
    reviewed in its own words, and naming those on every run would bury the one that matters."""
    shared = sum(1 for key in unused if key in live)
    if 2 * shared < min(len(unused), len(live)):
        return []
    differing = [(message, live[key]) for key, message in unused.items()
                 if key in live and _translation(live[key]) != _translation(message)]
    if not differing:
        return []
    first, theirs = min(differing, key=lambda pair: pair[0].lineno)
    return [DivergedReview(lang, f"{unused_rel}:{first.lineno}", f"{live_rel}:{theirs.lineno}", first.msgid,
                           len(differing))]


def _read(config: Config, rel: str) -> dict[Key, Message]:
    """A catalogue's reviewed entries; none when it cannot be read (its own error is
    reported where the run reads it, and an unused one's is no concern of this check)."""
    try:
        catalogue, _ = read_catalogue_file(config, rel)
    except (PipelineError, OSError):
        return {}
    return _reviewed(catalogue) if catalogue is not None else {}
