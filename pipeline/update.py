"""Stage: bring each language catalogue up to date with its template (msgmerge semantics).

New template entries are added; existing translations, translator comments and flags are
kept; a changed source segment keeps its old translation as ``fuzzy`` with the previous
msgid (``#|``); a removed one becomes obsolete (``#~``) and comes back, translation and all,
when the segment returns. Unlike msgmerge, an entry whose translation was reused for a
fuzzy match is also kept as obsolete, so reverting a source edit restores the reviewed
translation exactly; the edited text's fuzzy copy of it, holding nothing of its own, is
then dropped rather than left obsolete. :func:`check_no_loss` proves, before anything is written, that no
translation present before the update is missing after it.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable

from babel.messages.plurals import get_plural

from .catalogue import PLURAL_FORMS_PLACEHOLDER, gc_paused, in_fork, may_fork, plural_forms_problem
from .errors import TranslationLossError
from .fuzzy import FUZZY_THRESHOLD, FuzzyIndex, text_ratio
from .model import (MT_COMMENT_PREFIX, MT_REJECTED_PREFIX, MT_SOURCE_MARK, PREVIOUS_TRANSLATION_PREFIX,
                    REVIEWED_COMMENT_PREFIX, Catalogue, EntryStatus, Message, recorded_digest, source_digest,
                    without_source_digest)

#: Translator comment that keeps a translation which lost its entry to a newer one with the same key.
#: Header fields the pipeline owns; any other field (Last-Translator, X-Generator, ...) is kept.
CONTENT_TYPE = "text/plain; charset=UTF-8"


def plural_forms(lang: str) -> str:
    plural = get_plural(lang.replace("-", "_"))
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


def new_catalogue_header(template: Catalogue, lang: str, slug: str) -> list[tuple[str, str]]:
    header = dict(template.header)
    header["Project-Id-Version"] = slug
    header["Language"] = lang
    header["Plural-Forms"] = plural_forms(lang)
    return list(header.items())


def update_catalogue(template: Catalogue, old: Catalogue | None, *, lang: str, slug: str) -> Catalogue:
    """Merge ``template`` into ``old`` (which is not modified) and return the new catalogue.

    The garbage collector is paused meanwhile, as for parsing: the copies and the fuzzy
    index are tens of thousands of objects without cycles, whose allocation would otherwise
    set off full collections scanning both catalogues again and again.
    """
    with gc_paused():
        return _update(template, old, lang=lang, slug=slug)


def _update(template: Catalogue, old: Catalogue | None, *, lang: str, slug: str) -> Catalogue:
    # The old file's line ends are kept; a byte-order mark (Notepad's) is not: GNU gettext
    # (msgfmt, msgmerge, msgcat) refuses a file that starts with one.
    result = Catalogue(newline=old.newline if old else "\n", bom=False)
    result.header = _merged_header(template, old, lang, slug)
    if old is not None:
        result.header_comments = list(old.header_comments)
        result.header_flags = [f for f in old.header_flags if f != "fuzzy"]
        result.trailing_comments = list(old.trailing_comments)
    else:
        result.header_comments = [f"{lang} translation of {slug}."]
    previous = old.messages if old is not None else []
    active = {m.key: m for m in previous if not m.obsolete}
    obsolete = {m.key: m for m in previous if m.obsolete}
    entries = [entry for entry in template.messages if not entry.obsolete]
    exact = [active.get(entry.key) or obsolete.get(entry.key) for entry in entries]
    if None in exact:
        exact = _with_final_breaks(entries, exact, previous)
    fuzzy = iter(_FuzzySources(previous).match_all([e for e, m in zip(entries, exact) if m is None]))
    lacking_previous: list[Message] = []
    for entry, match in zip(entries, exact):
        if match is not None:
            result.messages.append(_carry_over(entry, match if match.msgid == entry.msgid
                                               else _without_final_break(match)))
            if _lost_previous_msgid(result.messages[-1]):
                lacking_previous.append(result.messages[-1])
        else:
            found = next(fuzzy)
            result.messages.append(_from_fuzzy(entry, found) if found else _fresh(entry))
    if lacking_previous:
        _restore_previous_msgids(lacking_previous, previous)
    used = {id(match) for match in exact if match is not None}
    result.messages.extend(_obsolete_entries(previous, used, result.index()))
    return result


def _with_final_breaks(entries: list[Message], exact: list[Message | None],
                       previous: list[Message]) -> list[Message | None]:
    """``exact`` with the old entry of each front-matter block scalar (``summary: |``) still
    unmatched, whose msgid ended in the line breaks YAML's chomping adds: they are no longer
    part of the msgid, and the translation made under the old one is the same text's."""
    by_text: dict[tuple[str | None, str], Message] = {}
    for message in previous:
        if message.msgctxt is not None and message.msgid.endswith("\n") and message.msgid_plural is None:
            key = (message.msgctxt, message.msgid.rstrip("\n"))
            if key not in by_text or by_text[key].obsolete:
                by_text[key] = message
    if not by_text:
        return exact
    return [match if match is not None or entry.msgid_plural is not None else by_text.get(entry.key)
            for entry, match in zip(entries, exact)]


def _without_final_break(old: Message) -> Message:
    """``old`` (see :func:`_with_final_breaks`) with the final line breaks off its msgid and
    translation, as ``msgfmt -c`` wants them alike; the translation is otherwise kept, and
    machine output of the old msgid is recorded as the new one's (it is the same text's: not
    sent to translation again)."""
    message = _clone(old)
    message.msgid = old.msgid.rstrip("\n")
    message.msgstr = old.msgstr.rstrip("\n")
    old_digest = source_digest(old.msgctxt, old.msgid)
    message.comments = [without_source_digest(comment) + MT_SOURCE_MARK + source_digest(old.msgctxt, message.msgid)
                        if comment.startswith(MT_COMMENT_PREFIX) and recorded_digest(comment) == old_digest
                        else comment for comment in old.comments]
    if old.previous_msgid:
        message.previous_msgid = old.previous_msgid.rstrip("\n")
    return message


def _merged_header(template: Catalogue, old: Catalogue | None, lang: str, slug: str) -> list[tuple[str, str]]:
    """The old header with the fields the pipeline owns set anew.

    Field names are matched without regard to case (``language:`` is ``Language:``), so an
    owned field is never written twice; a field the pipeline does not own is kept as it
    is, every copy of it (a header may repeat a field, and GNU tools keep every line).
    """
    owned = new_catalogue_header(template, lang, slug)
    kept = _translators_plural_forms(old)
    if kept is not None:
        owned = [(key, kept if key == "Plural-Forms" else value) for key, value in owned]
    by_name = {key.lower(): (key, value) for key, value in owned}
    header: list[tuple[str, str]] = []
    placed: set[str] = set()
    for key, value in old.header if old is not None else []:
        name = key.lower()
        if name not in by_name:
            header.append((key, value))
        elif name not in placed:
            placed.add(name)
            header.append(by_name[name])
    header.extend(field for field in owned if field[0].lower() not in placed)
    return header


def _translators_plural_forms(old: Catalogue | None) -> str | None:
    """The catalogue's own valid Plural-Forms, kept as msgmerge keeps it: CLDR's rule is
    only the default, and plural entries a translator wrote follow the rule on file."""
    value = old.header_value("Plural-Forms") if old is not None else None
    if value is None or value.strip() == PLURAL_FORMS_PLACEHOLDER or plural_forms_problem(value.strip()):
        return None
    return value


class _FuzzySources:
    """Old translated entries, indexed per context: a title only ever matches a title.

    The index is built on the first query: most updates (every sync with an unchanged
    source) find each entry by its exact msgid and never need it.
    """

    def __init__(self, previous: list[Message]) -> None:
        self._messages = previous
        self._indexes: dict[str | None, FuzzyIndex[int]] | None = None

    def _build(self) -> dict[str | None, FuzzyIndex[int]]:
        sources: dict[str | None, list[tuple[int, str]]] = {}
        for position, message in enumerate(self._messages):
            if message.translated and message.msgid_plural is None:
                sources.setdefault(message.msgctxt, []).append((position, message.msgid))
        indexes: dict[str | None, FuzzyIndex[int]] = {}
        for context, items in sources.items():
            indexes[context] = FuzzyIndex()
            indexes[context].add_many(items)
        return indexes

    def match_all(self, entries: list[Message]) -> list[Message | None]:
        """The old entry each of ``entries`` is a fuzzy match of, or None, in order.

        Every query is independent and reads the index only, so when there are many (a big
        catalogue after an editing round) and a second core is free, a forked copy of this
        process answers the second half while this one answers the first: the index, built
        before the fork, is shared, and only the matches' positions come back. If the copy
        fails, its half is answered here, so the result never depends on the fork.
        """
        if not entries:
            return []
        if len(entries) < _FORK_FROM or not _may_fork():
            return [self._message(self._position(entry)) for entry in entries]
        if self._indexes is None:
            self._indexes = self._build()
        half = len(entries) // 2
        theirs = _in_fork(lambda: [self._position(entry) for entry in entries[half:]])
        mine = [self._position(entry) for entry in entries[:half]]
        rest = theirs()
        if rest is None or len(rest) != len(entries) - half:
            rest = [self._position(entry) for entry in entries[half:]]
        return [self._message(position) for position in mine + rest]

    def _position(self, entry: Message) -> int:
        """The position in the old messages of the best fuzzy match of ``entry``, or -1."""
        if entry.msgid_plural is not None:
            return -1
        if self._indexes is None:
            self._indexes = self._build()
        index = self._indexes.get(entry.msgctxt)
        if index is None:
            return -1
        found = index.best(entry.msgid)
        return found[0] if found else -1

    def _message(self, position: int) -> Message | None:
        return self._messages[position] if position >= 0 else None


#: From this many entries to match on, the fuzzy matching is shared with a forked process.
_FORK_FROM = 256


def _may_fork() -> bool:
    return may_fork()


def _in_fork(task: Callable[[], list[int]]) -> Callable[[], list[int] | None]:
    """:func:`~pipeline.catalogue.in_fork` for a list of positions."""
    waiting = in_fork(lambda: array("q", task()).tobytes())

    def result() -> list[int] | None:
        data = waiting()
        return None if data is None or len(data) % 8 else array("q", data).tolist()

    return result


def _carry_over(entry: Message, old: Message) -> Message:
    """Same msgid (and context): keep everything a human or the MT stage put there, but
    for the machine output of another text that a tool put under this msgid
    (:attr:`~pipeline.model.Message.translates_other_text`), sent to translation again as
    the output of an edited text is."""
    if _other_text_s_machine_output(old, entry):
        return _retranslatable(entry, old)
    if (old.msgid_plural is None) != (entry.msgid_plural is None):
        return _reshaped(entry, old)
    message = _clone(old)
    message.obsolete = False
    message.references = list(entry.references)
    message.auto_comments = list(entry.auto_comments)
    message.lineno = 0
    if not message.fuzzy:
        message.previous_msgid = message.previous_msgctxt = message.previous_msgid_plural = None
        if message.translated and _has_machine_comment(message):
            message.comments = _provenance_reviewed(message.comments)
    elif message.previous_msgid is not None and _has_machine_comment(message) \
            and _reviewed_output_of_previous_text(message):
        message.comments = _provenance_reviewed(message.comments)
    _drop_stale_rejection(message)
    _drop_emptied_provenance(message)
    return message


def _drop_emptied_provenance(message: Message) -> None:
    """A translator who empties a machine translation (to translate it from scratch) leaves
    its ``mt: …`` comments behind, and the review queue showed the empty entry as that
    engine's output. With no translation left they describe nothing: dropped (the memory's
    tied alternatives, ``mt: translation memory, also reviewed …``, too). A translator's own
    comments stay. A cheap test first: most entries hold a translation."""
    if message.msgstr or message.translations or not _has_machine_comment(message):
        return
    message.comments = [c for c in message.comments if not c.startswith(MT_COMMENT_PREFIX)]


def _reviewed_output_of_previous_text(message: Message) -> bool:
    """Whether the ``mt:`` comment of a changed entry records its previous text (``#|``):
    machine output a translator reviewed (fuzzy cleared) before a tool marked it changed,
    ``msgmerge --previous`` after ``pipeline extract``, which gives a ``#|`` line to reviewed
    entries only. Left saying ``mt:``, it read as unreviewed machine output of another text
    once a tool dropped the ``#|`` line, and was translated again."""
    context = message.previous_msgctxt if message.previous_msgctxt is not None else message.msgctxt
    digest = source_digest(context, message.previous_msgid or "")
    return any(comment.startswith(MT_COMMENT_PREFIX) and recorded_digest(comment) == digest
               for comment in message.comments)


def _reshaped(entry: Message, old: Message) -> Message:
    """The template's entry for a translation of its msgid in the other shape: plural forms a
    translator added to a paragraph's entry (``msgid_plural``), which the article has no place
    for (published, the paragraph was empty), or a singular translation of a plural entry.
    As msgmerge does, the template's shape wins and the first form becomes the translation,
    fuzzy for a look; unlike msgmerge, the other forms stay as ``previous translation:``
    comments, so nothing a translator wrote is lost."""
    message = _fresh(entry)
    message.comments = list(old.comments) if old.fuzzy else _provenance_reviewed(old.comments)
    message.flags = [f for f in old.flags if f != "fuzzy"]
    texts = [old.msgstr] if old.msgid_plural is None else [old.msgstr_plural.get(i, "") for i in sorted(old.msgstr_plural)]
    first = texts[0] if texts else ""
    if entry.msgid_plural is None:
        message.msgstr = first
    elif message.msgstr_plural:
        message.msgstr_plural[min(message.msgstr_plural)] = first
    for text in texts[1:]:
        if text and text != first:
            keep_as_previous(message, text)
    if first:
        message.flags.insert(0, "fuzzy")
    return message


def _lost_previous_msgid(message: Message) -> bool:
    """Whether ``message`` is a human translation kept fuzzy without its old source text:
    what plain ``msgmerge`` (no ``--previous``) or ``pybabel update`` leaves of an entry the
    pipeline had marked changed, ``#|`` lines dropped (a cheap test: most entries are not
    fuzzy)."""
    return message.fuzzy and message.previous_msgid is None and message.msgid_plural is None \
        and bool(message.msgstr) and not _has_machine_comment(message)


def _restore_previous_msgids(messages: list[Message], previous: list[Message]) -> None:
    """Give each of ``messages`` (see :func:`_lost_previous_msgid`) its old source text back
    from the obsolete entry the pipeline kept of it: the one obsolete reviewed entry with
    the same translation, whose msgid is close to the entry's (as msgmerge matches). Without
    it the translator sees no diff of what changed and the queue says "marked fuzzy" for a
    changed source."""
    by_translation: dict[str, list[Message]] = {}
    for old in previous:
        if old.obsolete and not old.fuzzy and old.msgid_plural is None and old.msgstr:
            by_translation.setdefault(old.msgstr, []).append(old)
    for message in messages:
        twins = [old for old in by_translation.get(message.msgstr, ())
                 if old.msgctxt == message.msgctxt and old.msgid != message.msgid]
        if len(twins) == 1 and text_ratio(twins[0].msgid, message.msgid) >= FUZZY_THRESHOLD:
            message.previous_msgid = twins[0].msgid


def _has_machine_comment(message: Message) -> bool:
    """Whether an ``mt: …`` comment is among the entry's (a cheap test: most have none)."""
    return any(comment.startswith(MT_COMMENT_PREFIX) for comment in message.comments)


def _drop_stale_rejection(message: Message) -> None:
    """A ``mt rejected: …`` note says why machine translation left the entry empty (or left
    an older output on refresh). Once the entry holds a translation the pipeline did not
    write, a translator's (filled in Poedit, or a reviewed one), the note no longer
    describes it: the terminal review removes it on accepting, the next update does
    for every other editor."""
    if message.translated and message.status is not EntryStatus.MACHINE:
        message.comments = [c for c in message.comments if not c.startswith(MT_REJECTED_PREFIX)]


def _clone(message: Message) -> Message:
    """An independent copy, several times cheaper than ``deepcopy`` (which dominated no-op updates).

    A message holds only immutable scalars and strings, plus lists and dicts of strings, so
    copying those containers one level deep is a deep copy; a field added later is copied
    too, because the loop goes over the instance's own attributes.
    """
    state = dict(message.__dict__)
    for name, value in state.items():
        if type(value) is list:
            state[name] = value[:]
        elif type(value) is dict:
            state[name] = value.copy()
    clone = object.__new__(type(message))
    clone.__dict__.update(state)
    return clone


def _other_text_s_machine_output(old: Message, entry: Message) -> bool:
    """Unreviewed machine output whose ``mt:`` comment records another source text."""
    return old.fuzzy and old.previous_msgid is None and old.msgid_plural is None \
        and entry.msgid_plural is None and old.translated and old.translates_other_text


def _from_fuzzy(entry: Message, old: Message) -> Message:
    if (old.status is EntryStatus.MACHINE or _other_text_s_machine_output(old, entry)) \
            and entry.msgid_plural is None and old.msgid_plural is None:
        return _retranslatable(entry, old)
    message = _fresh(entry)
    message.msgstr = old.msgstr
    message.comments = [c for c in old.comments] if old.fuzzy else _provenance_reviewed(old.comments)
    message.flags = ["fuzzy"] + [f for f in old.flags if f != "fuzzy"]
    message.previous_msgid = old.previous_msgid if old.fuzzy and old.previous_msgid else old.msgid
    _drop_stale_rejection(message)
    if old.msgctxt != entry.msgctxt:
        message.previous_msgctxt = old.msgctxt
    return message


def _provenance_reviewed(comments: list[str]) -> list[str]:
    """A reviewed translation's ``mt: …`` comments (Poedit, Lokalize and Weblate clear fuzzy
    and leave them) as ``reviewed mt: …``, as the terminal review's accept writes them (a
    provenance already recorded so is not written twice). Written on the first update after
    the review, and when the entry turns fuzzy for its changed source: a translator marking
    it fuzzy again, or a tool that gives it a new msgid without a ``#|`` line (plain
    ``msgmerge``, ``pybabel update``), would otherwise leave fuzzy + ``mt:``, which reads as
    unreviewed machine output: publishable with ``allow_machine`` and re-translated on the
    next edit, the translator's text kept only in a comment."""
    result: list[str] = []
    for comment in comments:
        if comment.startswith(MT_COMMENT_PREFIX):
            comment = REVIEWED_COMMENT_PREFIX + without_source_digest(comment[len(MT_COMMENT_PREFIX):])
            if comment in result or comment in comments:
                continue
        result.append(comment)
    return result


def _retranslatable(entry: Message, old: Message) -> Message:
    """The new text of a segment whose old text had only an unreviewed machine translation:
    empty, so machine translation (or the memory) translates the new text, as it does any new
    segment. Kept as fuzzy, the old output would have stood for the new text until a human
    reviewed it, and a desk that publishes machine translation would have held the version back.
    The old output stays as a ``previous translation:`` comment: a translator may have begun
    editing it (still fuzzy), and the translator's own comments stay too. Older outputs' such
    comments are not carried on (they stay with the old text's obsolete entry), so a paragraph
    edited again and again does not pile them up."""
    message = _fresh(entry)
    pipeline_comments = (MT_COMMENT_PREFIX, MT_REJECTED_PREFIX, PREVIOUS_TRANSLATION_PREFIX)
    message.comments = [c for c in old.comments if not c.startswith(pipeline_comments)]
    message.flags = [f for f in old.flags if f != "fuzzy"]
    keep_as_previous(message, old.msgstr)
    return message


def _fresh(entry: Message) -> Message:
    return Message(msgid=entry.msgid, msgctxt=entry.msgctxt, msgid_plural=entry.msgid_plural,
                   msgstr_plural={i: "" for i in entry.msgstr_plural} if entry.msgid_plural else {},
                   references=list(entry.references), auto_comments=list(entry.auto_comments),
                   flags=[f for f in entry.flags if f != "fuzzy"])


def _worth_keeping(message: Message) -> bool:
    """An entry that holds human work: a translation or a translator's own comment (the
    comments the pipeline writes, such as a rejected machine translation's reason, are not)."""
    human_comments = [c for c in message.comments if not c.startswith((MT_COMMENT_PREFIX, MT_REJECTED_PREFIX))]
    return message.translated or bool(message.translations) or bool(human_comments)


def _obsolete_entries(previous: list[Message], used: set[int], active: dict) -> list[Message]:
    """Entries that left the template but hold human work, one per key (GNU tools refuse two).

    An entry that was active until now wins over an older obsolete one with the same key;
    the loser's translation, when it differs, is kept as a ``previous translation:`` comment
    on the winner, so no text a translator wrote disappears.
    """
    kept: dict[tuple[str | None, str], Message] = {}
    rank: dict[tuple[str | None, str], tuple[int, int]] = {}
    position = {id(m): i for i, m in enumerate(previous)}
    newest_first = [m for m in previous if not m.obsolete] + [m for m in previous if m.obsolete]
    for message in newest_first:
        if id(message) in used or not _worth_keeping(message):
            continue
        winner = active.get(message.key) or kept.get(message.key)
        if winner is not None:
            _keep_translations_as_comments(winner, message)
            continue
        gone = _clone(message)
        gone.obsolete = True
        gone.references = []
        gone.auto_comments = []
        gone.lineno = 0
        kept[message.key] = gone
        rank[message.key] = (0 if message.obsolete else 1, position[id(message)])
    redundant = {key for key, message in kept.items() if _held_elsewhere(message, active, kept)}
    # Old obsolete entries first, then the newly obsolete ones, each in their old order.
    return [kept[key] for key in sorted(kept, key=rank.__getitem__) if key not in redundant]


def _held_elsewhere(message: Message, active: dict, kept: dict) -> bool:
    """Whether an obsolete entry is only a changed source's fuzzy copy of an entry that stays.

    An edit keeps the old translation as the fuzzy entry of the new text (``#|`` the old
    msgid); undoing the edit brings the old entry back and sends that copy to the obsolete
    entries, where it would sit for good holding nothing of its own. It is dropped when
    the entry its ``#|`` names (followed through such copies, to one that stays: an active
    one or an obsolete one that is no copy) holds the same translation, comments and flags:
    a translator who edited the copy, commented or flagged it made it an entry of its own.
    """
    seen = {message.key}
    copy = message
    while copy.fuzzy and copy.previous_msgid is not None:
        context = copy.previous_msgctxt if copy.previous_msgctxt is not None else copy.msgctxt
        source = active.get((context, copy.previous_msgid)) or kept.get((context, copy.previous_msgid))
        if source is None or source.key in seen or not _same_work(message, source):
            return False
        if not source.obsolete:
            return True
        seen.add(source.key)
        copy = source
    return copy is not message


def _same_work(copy: Message, source: Message) -> bool:
    """Whether ``source`` holds all that ``copy`` holds: its translation, its translator
    comments (provenance comments aside: the copy's ``reviewed mt:`` is the source's
    ``mt:``) and its flags (``fuzzy`` aside)."""
    provenance = (MT_COMMENT_PREFIX, REVIEWED_COMMENT_PREFIX)
    return (copy.msgstr == source.msgstr and copy.msgstr_plural == source.msgstr_plural
            and copy.msgid_plural == source.msgid_plural
            and {c for c in copy.comments if not c.startswith(provenance)} <= set(source.comments)
            and set(copy.flags) - {"fuzzy"} <= set(source.flags))


def _keep_translations_as_comments(winner: Message, loser: Message) -> None:
    for text in loser.translations:
        if text not in winner.translations:
            keep_as_previous(winner, text)


def keep_as_previous(message: Message, text: str) -> None:
    """Keep ``text`` in ``message`` as a ``previous translation:`` comment (once), the form
    :func:`check_no_loss` accepts for a translation that no longer is the entry's own."""
    comment = PREVIOUS_TRANSLATION_PREFIX + text.replace("\n", " ")
    if comment not in message.comments:
        message.comments.append(comment)


def check_no_loss(before: Catalogue | None, after: Catalogue, path: str) -> None:
    """Refuse a catalogue that lost a translation present before (the loss invariant)."""
    if before is None:
        return
    remaining: set[str] = set()
    for message in after.messages:
        remaining.update(message.translations)
        remaining.update(c[len(PREVIOUS_TRANSLATION_PREFIX):] for c in message.comments
                         if c.startswith(PREVIOUS_TRANSLATION_PREFIX))
    for message in before.messages:
        for text in message.translations:
            if text not in remaining and text.replace("\n", " ") not in remaining \
                    and not (text.endswith("\n") and text.rstrip("\n") in remaining):  # see _without_final_break
                raise TranslationLossError(
                    f"refusing to write: the translation of {message.msgid[:60]!r} would be lost",
                    path=path,
                    line=message.lineno or None,
                    hint="this is a bug in pipeline; the file was left as it was. Please report it.",
                )
