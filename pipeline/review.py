"""The review queue: what waits for a human, per article and language, and saving decisions.

Reviewing in a PO editor (Poedit, Lokalize, Weblate) is the primary route: clearing the
fuzzy flag there *is* the review, so the queue is rebuilt from the catalogues on every
call and keeps no state of its own. The terminal walk (``pipeline review -i``) is a second
route; its decisions go through :func:`save_decision`, one entry at a time, atomically and
under the project lock, so an interrupted review loses nothing already decided.

Library code only: nothing here prints or prompts.
"""

from __future__ import annotations

import dataclasses
import difflib
import enum
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

from .catalogue import parse_po, render_po
from .config import Config
from .errors import ConcurrentEditError, PipelineError, ReviewError
from .fileio import ProjectLock, safe_join, write_if_changed
from .model import (
    MT_COMMENT_PREFIX,
    MT_REJECTED_PREFIX,
    PREVIOUS_TRANSLATION_PREFIX,
    REVIEWED_COMMENT_PREFIX,
    Article,
    BlockKind,
    Catalogue,
    EntryStatus,
    Finding,
    Message,
    Severity,
    without_source_digest,
)
from .memory import ALTERNATIVE_PREFIX
from .project import Problems, iter_catalogues, read_catalogue_file
from .publish import is_lead

#: The reasons an item waits, in the order ``--reason`` lists them.
REASONS = ("machine", "changed", "fuzzy", "untranslated", "findings")

#: ``checker(source, translation, source_lang, target_lang) -> findings``; the lead wires
#: :func:`pipeline.checks.check_entry` (with the glossary and speakers bound) into it.
Checker = Callable[[str, str, str, str], list[Finding]]
#: Findings of the corpus-level checks, by (catalogue path, line of the entry).
CorpusFindings = Mapping[tuple[str, int], Sequence[Finding]]

#: Severities that keep an otherwise reviewed entry in the queue.
_BLOCKING_SEVERITIES = frozenset({Severity.ERROR, Severity.WARNING})
_SAVE_ATTEMPTS = 3


@dataclass(frozen=True)
class ReviewItem:
    """One active catalogue entry as a reviewer sees it.

    ``line`` is the entry's line in the ``.po`` file (0 when the file does not exist yet),
    so an editor can jump there. ``position`` orders items within an article the way a
    reviewer should read them (front matter, lead paragraph, then the rest in order).
    ``note`` says why the entry is empty when machine translation refused it. A plural
    entry has ``msgid_plural`` and its forms in ``msgstr_plural`` (``msgstr`` is empty).
    ``previous_translations`` are the entry's earlier translations the pipeline kept as
    ``previous translation:`` comments (an older machine output, perhaps with a translator's
    unfinished edit; the translation an exact memory match replaced): the reviewer may want
    them back.
    """

    article: str
    lang: str
    source_lang: str
    path: str
    line: int
    position: int
    msgctxt: str | None
    msgid: str
    msgstr: str
    status: EntryStatus
    previous_msgid: str | None = None
    provenance: str | None = None
    note: str | None = None
    kind: str | None = None
    findings: tuple[Finding, ...] = ()
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    #: Checks dismissed on the entry (:attr:`pipeline.model.Message.dismissed_checks`): their
    #: findings are left out here and when the reviewer's edit is checked.
    dismissed: frozenset[str] = frozenset()
    previous_translations: tuple[str, ...] = ()

    @property
    def has_translation(self) -> bool:
        """Something to accept: the translation, or every plural form. Spaces are none:
        publishing holds a version back over them (they would empty the block)."""
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(form.strip() for form in self.msgstr_plural)
        return bool(self.msgstr.strip())

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def reason(self) -> str | None:
        """Why the entry waits (one of :data:`REASONS`), or None when nothing is left to do."""
        if self.status is not EntryStatus.REVIEWED:
            return self.status.value
        if not self.has_translation:
            return "untranslated"  # reviewed spaces: publishing holds the version back
        if any(f.severity in _BLOCKING_SEVERITIES for f in self.findings):
            return "findings"
        return None

    @property
    def waiting(self) -> bool:
        return self.reason is not None

    def matches(self, reasons: Iterable[str]) -> bool:
        """``--reason findings`` selects every item with findings, whatever else it waits for."""
        wanted = set(reasons)
        if not wanted:
            return self.waiting
        if "findings" in wanted and self.findings and self.waiting:
            return True
        return self.reason in wanted

    def to_json(self) -> dict[str, object]:
        """The stable ``--json`` schema of one item."""
        return {
            "article": self.article,
            "lang": self.lang,
            "source_lang": self.source_lang,
            "path": self.path,
            "line": self.line,
            "msgctxt": self.msgctxt,
            "msgid": self.msgid,
            "msgstr": self.msgstr,
            "msgid_plural": self.msgid_plural,
            "msgstr_plural": list(self.msgstr_plural),
            "reason": self.reason,
            "status": self.status.value,
            "previous_msgid": self.previous_msgid,
            "previous_translations": list(self.previous_translations),
            "provenance": self.provenance,
            "note": self.note,
            "findings": [
                {"check": f.check, "severity": f.severity.value, "message": f.message}
                for f in self.findings
            ],
        }


@dataclass
class LanguageVersion:
    """One language version of one article: every entry, in reading order."""

    article: str
    article_path: str
    source_lang: str
    lang: str
    path: str
    exists: bool
    entries: list[ReviewItem] = field(default_factory=list)

    @property
    def waiting(self) -> list[ReviewItem]:
        return [item for item in self.entries if item.waiting]

    @property
    def counts(self) -> Counter[str]:
        """Entries per status value, plus ``findings`` for entries that have any."""
        counts: Counter[str] = Counter(item.status.value for item in self.entries)
        counts["findings"] = sum(1 for item in self.entries if item.findings)
        return counts

    @property
    def reviewed(self) -> int:
        """Reviewed entries with a translation: one of spaces only waits as untranslated
        (publishing holds the version back over it), as ``status`` counts it."""
        return sum(1 for item in self.entries if item.status is EntryStatus.REVIEWED and item.has_translation)

    @property
    def unreviewed(self) -> int:
        """Entries that hold publication back (findings alone do not)."""
        return len(self.entries) - self.reviewed

    @property
    def percent_reviewed(self) -> float:
        return round(100.0 * self.reviewed / len(self.entries), 1) if self.entries else 100.0


@dataclass
class ReviewQueue:
    """Every selected language version, closest to publication first, and their items."""

    versions: list[LanguageVersion] = field(default_factory=list)
    reasons: tuple[str, ...] = ()
    errors: list[PipelineError] = field(default_factory=list)

    @property
    def items(self) -> list[ReviewItem]:
        """The items to review, in review order, after the ``reasons`` filter."""
        return [item for version in self.versions for item in version.entries
                if item.matches(self.reasons)]

    def to_json(self) -> dict[str, list[object]]:
        """The ``--json`` schema: the items, and the files that could not be read (as
        ``status --json`` has them), so a script tells a broken file from nothing waiting."""
        return {"items": [item.to_json() for item in self.items],
                "errors": [str(error) for error in self.errors]}


# --------------------------------------------------------------------------- building


ProjectRows = tuple[list[tuple[Article, str, str, "Catalogue | None"]], list[PipelineError]]


def read_project(config: Config) -> ProjectRows:
    """Every (article, language, catalogue path, catalogue) of the project and the files
    that could not be read: read once, for the queue and the corpus findings both."""
    problems = Problems()
    return list(iter_catalogues(config, problems)), problems.errors


def build_queue(config: Config, *, langs: Sequence[str] = (), articles: Sequence[str] = (),
                reasons: Sequence[str] = (), checker: Checker | None = None,
                corpus_findings: CorpusFindings | None = None,
                project: ProjectRows | None = None) -> ReviewQueue:
    """Read the source articles and their catalogues and say what waits for a human.

    ``corpus_findings`` are findings no single entry shows (one quotation translated two
    ways across articles), by ``(catalogue path, line)``: they join the entries' own.
    ``project`` is :func:`read_project`'s answer when the caller read the whole project
    already (used when nothing narrows the selection).

    Read-only: takes no lock and writes nothing, so it can run while a sync is going on
    (it then sees each catalogue either before or after that sync wrote it).
    """
    unknown = sorted(set(reasons) - set(REASONS))
    if unknown:
        raise ReviewError(f"unknown reason(s): {', '.join(unknown)}",
                          hint="use one of: " + ", ".join(REASONS))
    if project is None or langs or articles:
        problems = Problems()
        project = list(iter_catalogues(config, problems, articles=articles, langs=langs)), problems.errors
    queue = ReviewQueue(reasons=tuple(reasons))
    rows, queue.errors = project
    for article, lang, rel, catalogue in rows:
        queue.versions.append(language_version(article, lang, rel, catalogue, checker,
                                               corpus_findings))
    queue.versions.sort(key=_closest_to_publication)
    return queue


def _closest_to_publication(version: LanguageVersion) -> tuple[int, int, str, str]:
    return (version.unreviewed, len(version.waiting), version.article, version.lang)


def language_version(article: Article, lang: str, rel: str, catalogue: Catalogue | None,
                     checker: Checker | None = None,
                     corpus_findings: CorpusFindings | None = None) -> LanguageVersion:
    """The entries of one catalogue (or of the article alone when it has none yet)."""
    version = LanguageVersion(article=article.slug, article_path=article.path, source_lang=article.lang,
                              lang=lang, path=rel, exists=catalogue is not None)
    ranks = reading_order(article)
    messages = catalogue.active if catalogue is not None else _untranslated(article)
    for index, message in enumerate(messages):
        position = ranks.get(message.key, len(ranks) + index)
        version.entries.append(review_item(article, lang, rel, message, position, checker,
                                           corpus_findings))
    version.entries.sort(key=lambda item: item.position)
    return version


def _untranslated(article: Article) -> list[Message]:
    seen: dict[tuple[str | None, str], Message] = {}
    for segment in article.segments:
        key = (segment.msgctxt, segment.msgid)
        if key not in seen:
            seen[key] = Message(msgid=segment.msgid, msgctxt=segment.msgctxt,
                                auto_comments=[segment.kind.value])
    return list(seen.values())


def reading_order(article: Article) -> dict[tuple[str | None, str], int]:
    """Rank of each entry: front matter (title, description…) first, then the lead
    paragraph (as publishing's ``require_review`` finds it: not a table's caption, an
    admonition's title or a footnote), then everything else in the order of the article."""
    ordered = [s for s in article.segments if s.kind is BlockKind.FRONT_MATTER]
    body = [s for s in article.segments if s.kind is not BlockKind.FRONT_MATTER]
    lead = next((s for s in body if is_lead(s)), None)
    if lead is not None:
        ordered.append(lead)
    ordered.extend(s for s in body if s is not lead)
    ranks: dict[tuple[str | None, str], int] = {}
    for segment in ordered:
        ranks.setdefault((segment.msgctxt, segment.msgid), len(ranks))
    return ranks


def review_item(article: Article, lang: str, rel: str, message: Message, position: int,
                checker: Checker | None = None,
                corpus_findings: CorpusFindings | None = None) -> ReviewItem:
    status = message.status
    findings: tuple[Finding, ...] = ()
    if checker is not None and message.translated and message.msgid_plural is None:
        findings = run_checker(checker, message.msgid, message.msgstr, article.lang, lang,
                               path=rel, line=message.lineno)
    if corpus_findings and message.translated:
        findings += tuple(corpus_findings.get((rel, message.lineno), ()))
    findings = tuple(f for f in findings if f.check not in message.dismissed_checks)
    return ReviewItem(
        article=article.slug, lang=lang, source_lang=article.lang, path=rel, line=message.lineno,
        position=position, msgctxt=message.msgctxt, msgid=message.msgid, msgstr=message.msgstr,
        status=status,
        previous_msgid=message.previous_msgid if status is EntryStatus.CHANGED else None,
        provenance=_provenance(message), note=rejection_note(message),
        kind=message.auto_comments[0] if message.auto_comments else None,
        findings=findings, msgid_plural=message.msgid_plural, msgstr_plural=_plural_forms(message),
        dismissed=message.dismissed_checks,
        previous_translations=tuple(c[len(PREVIOUS_TRANSLATION_PREFIX):] for c in message.comments
                                    if c.startswith(PREVIOUS_TRANSLATION_PREFIX)),
    )


def _plural_forms(message: Message) -> tuple[str, ...]:
    if message.msgid_plural is None:
        return ()
    return tuple(message.msgstr_plural.get(i, "") for i in range(max(message.msgstr_plural, default=-1) + 1))


def run_checker(checker: Checker, source: str, translation: str, source_lang: str, target_lang: str,
                *, path: str = "", line: int = 0) -> tuple[Finding, ...]:
    """Findings for one translation, located in the catalogue when the checker did not say."""
    found = checker(source, translation, source_lang, target_lang)
    return tuple(
        dataclasses.replace(f, path=f.path or path, line=f.line or line, msgid=f.msgid or source,
                            lang=f.lang or target_lang)
        for f in found
    )


def _provenance(message: Message) -> str | None:
    """What made the entry's translation; none for an empty entry, whose ``mt:`` comment a
    translator who emptied the machine output left (the next update drops it)."""
    if not message.translations:
        return None
    for comment in message.comments:
        for prefix in (MT_COMMENT_PREFIX, REVIEWED_COMMENT_PREFIX):
            if comment.startswith(prefix):
                return without_source_digest(comment[len(prefix):])
    return None


def rejection_note(message: Message) -> str | None:
    """The ``mt rejected: …`` comment of an empty entry: why machine translation left it."""
    if message.translated:
        return None
    for comment in message.comments:
        if comment.startswith(MT_REJECTED_PREFIX):
            return comment
    return None


# --------------------------------------------------------------------------- showing text

#: Characters a reviewer would not see as themselves: C0/C1 controls other than newline and tab
#: (a terminal obeys ESC sequences and carriage returns: a translation could hide its own text
#: or paint another one over it) and the bidi embeddings, overrides and isolates that reorder
#: what follows them.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with every hidden character written as its escape (``\\x1b``, ``\\r``,
    ``\\u202e``), so what a reviewer is shown is what they accept."""
    return _HIDDEN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


# --------------------------------------------------------------------------- word diff


class DiffOp(str, enum.Enum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


#: A figure is one word with its separators (29,500; 1.2; 12:30; 29\u00a0500: a no-break or
#: thin space only, as a plain one may stand between two numbers), so a changed figure
#: reads [-29,500-]{+31,200+}, not [-29-]{+31+},[-500-]{+200+}.
_WORDS = re.compile(r"\s+|\d+(?:[.,:\u00a0\u2009\u202f]\d+)*|\w+|[^\w\s]", re.UNICODE)
_EXACT_DIFF_WORDS = 4_000


def word_diff(old: str, new: str) -> list[tuple[DiffOp, str]]:
    """What changed between an old and a new source text, word by word.

    Whitespace is kept as its own token so joining the EQUAL and INSERT parts gives ``new``
    back exactly, and joining EQUAL and DELETE gives ``old``.
    """
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    # Exact below a few thousand words; above, difflib's heuristic for frequent words keeps
    # a huge paragraph's diff from taking minutes (every diff still rebuilds both texts).
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=len(a) + len(b) > _EXACT_DIFF_WORDS)
    ops: list[tuple[DiffOp, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append((DiffOp.EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append((DiffOp.DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            ops.append((DiffOp.INSERT, "".join(b[j1:j2])))
    return ops


def render_word_diff(ops: Sequence[tuple[DiffOp, str]]) -> str:
    """wdiff notation for a terminal or a log: ``[-removed-]{+added+}``."""
    marks = {DiffOp.EQUAL: ("", ""), DiffOp.DELETE: ("[-", "-]"), DiffOp.INSERT: ("{+", "+}")}
    return "".join(marks[op][0] + text + marks[op][1] for op, text in ops)


# --------------------------------------------------------------------------- decisions


class Decision(str, enum.Enum):
    ACCEPT = "accept"
    EDIT = "edit"


class Outcome(str, enum.Enum):
    """What :func:`save_decision` did."""

    SAVED = "saved"  # written to the catalogue
    UNCHANGED = "unchanged"  # the entry already was reviewed with this text: nothing to write
    CONFLICT = "conflict"  # someone changed the translation on disk since it was shown: not saved
    GONE = "gone"  # the entry is no longer in the catalogue (the source changed): not saved


@dataclass(frozen=True)
class SaveResult:
    outcome: Outcome
    item: ReviewItem
    on_disk: str | None = None  # the translation found on disk, for a conflict

    @property
    def saved(self) -> bool:
        return self.outcome is Outcome.SAVED


def accept_message(message: Message) -> None:
    """Mark an entry reviewed: not fuzzy, no previous msgid, MT provenance kept as
    ``reviewed mt: …`` and a stale ``mt rejected: …`` note and the memory's other tied
    translations (:data:`~pipeline.memory.ALTERNATIVE_PREFIX`) dropped."""
    message.fuzzy = False
    message.previous_msgid = message.previous_msgctxt = message.previous_msgid_plural = None
    comments: list[str] = []
    for comment in message.comments:
        if comment.startswith((MT_REJECTED_PREFIX, ALTERNATIVE_PREFIX)):
            continue
        if comment.startswith(MT_COMMENT_PREFIX):
            comment = REVIEWED_COMMENT_PREFIX + without_source_digest(comment[len(MT_COMMENT_PREFIX):])
            if comment in comments or comment in message.comments:
                continue  # the same provenance is already recorded as reviewed
        comments.append(comment)  # a translator's own comments stay as they are, repeats included
    message.comments = comments


def edit_message(message: Message, translation: str) -> None:
    """A reviewer's own translation: saved as reviewed."""
    message.msgstr = translation
    accept_message(message)


def save_decision(config: Config, item: ReviewItem, decision: Decision,
                  translation: str | None = None, *, lock_wait: float = 10.0) -> SaveResult:
    """Apply one decision to the entry on disk, now, atomically and under the project lock.

    The catalogue is re-read under the lock and the decision applied to the fresh entry,
    so changes made meanwhile to *other* entries (a PO editor, a sync) are kept. If *this*
    entry's translation changed since the reviewer saw it, nothing is written
    (:attr:`Outcome.CONFLICT`): accepting or overwriting text nobody looked at would be wrong.
    A running sync holds the lock; the decision waits up to ``lock_wait`` seconds for it,
    then raises :class:`~pipeline.errors.LockError` (nothing is written).
    """
    if decision is Decision.EDIT and item.msgid_plural is not None:
        raise ReviewError("a plural entry cannot be edited here: it has one translation per plural form",
                          path=item.path, line=item.line,
                          hint="edit it in a PO editor (Poedit, Lokalize, Weblate), or accept it as it is")
    if decision is Decision.EDIT and not translation:
        raise ReviewError("an edit needs a non-empty translation", path=item.path, line=item.line)
    if decision is Decision.ACCEPT and not item.has_translation:
        raise ReviewError("nothing to accept: the entry has no translation", path=item.path,
                          line=item.line, hint="edit it instead")
    last_error: ConcurrentEditError | None = None
    with ProjectLock(config.root, wait=lock_wait):
        for _ in range(_SAVE_ATTEMPTS):
            try:
                return _save_once(config, item, decision, translation)
            except ConcurrentEditError as exc:
                last_error = exc
    assert last_error is not None
    raise ReviewError(
        "the catalogue keeps changing on disk while saving; the decision was not saved",
        path=item.path, line=item.line,
        hint="close the other program editing this file, then review this entry again",
    ) from last_error


def _save_once(config: Config, item: ReviewItem, decision: Decision, translation: str | None) -> SaveResult:
    catalogue, print_ = read_catalogue_file(config, item.path)
    if catalogue is None:
        raise ReviewError("the catalogue does not exist", path=item.path,
                          hint="run 'pipeline sync' first to create it")
    message = catalogue.index().get(item.key)
    if message is None:
        return SaveResult(Outcome.GONE, item)
    if message.msgid_plural != item.msgid_plural or _plural_forms(message) != item.msgstr_plural:
        return SaveResult(Outcome.CONFLICT, item, on_disk=" | ".join(_plural_forms(message)) or message.msgstr)
    if message.msgstr != item.msgstr and message.msgstr != (translation or item.msgstr):
        return SaveResult(Outcome.CONFLICT, item, on_disk=message.msgstr)
    if decision is Decision.EDIT:
        assert translation is not None
        edit_message(message, translation)
    else:
        accept_message(message)
    path = safe_join(config.root, item.path)
    written = write_if_changed(path, render_po(catalogue), validate=lambda data: parse_po(data, item.path),
                               expected_fingerprint=print_)
    return SaveResult(Outcome.SAVED if written else Outcome.UNCHANGED, item)


__all__ = [
    "REASONS", "Checker", "CorpusFindings", "ReviewItem", "LanguageVersion", "ReviewQueue", "build_queue",
    "read_project", "ProjectRows",
    "language_version", "reading_order", "review_item", "run_checker", "rejection_note",
    "visible", "DiffOp", "word_diff", "render_word_diff", "Decision", "Outcome", "SaveResult",
    "accept_message", "edit_message", "save_decision",
]
