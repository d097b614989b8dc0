"""Stage: catalogue + source article → localised article, when the language version is ready.

By default only reviewed translations (translated, not fuzzy) are published. ``[publish]``
may allow unreviewed machine translations (``allow_machine``), except for the fields named in
``require_review``; a machine-translated version says so in its front matter and opens with a
notice. A translation of an *older* source text (fuzzy with a previous msgid) and a missing
translation are never published: the language is held back with the reasons, and a version
published earlier stays in place until the new one is complete.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .config import PublishPolicy
from .inline import template_structure_changed
from .markdown import key_path_matches, localise
from .model import Article, BlockKind, Catalogue, EntryStatus, Finding, Message, Segment

DEFAULT_NOTICES = {
    "en": "This article was translated by machine and has not yet been reviewed by an editor.",
    "ru": "Эта статья переведена автоматически и ещё не проверена редактором.",
    "az": "Bu məqalə maşın tərcüməsidir və hələ redaktor tərəfindən yoxlanılmayıb.",
}
_FALLBACK_NOTICE = DEFAULT_NOTICES["en"]


@dataclass
class PublishDecision:
    """Whether (and how) one language version of one article can be published."""

    slug: str
    lang: str
    ready: bool
    machine: bool = False
    waiting: Counter[str] = field(default_factory=Counter)

    def reasons(self) -> list[str]:
        """``11 machine translations awaiting review``: the noun agrees with its count."""
        labels = {
            "untranslated": ("untranslated", "untranslated"),
            "machine": ("machine translation awaiting review", "machine translations awaiting review"),
            "changed": ("source changed since translation", "sources changed since translation"),
            "fuzzy": ("marked fuzzy", "marked fuzzy"),
            "blank": ("translated as spaces only",) * 2,
            "plural": ("with plural forms (msgid_plural) the article has no place for: pipeline sync "
                       "keeps the first as the translation, for review",) * 2,
            "template": ("with template tags other than the source's (a broken shortcode stops the "
                         "site's whole build: see 'pipeline check')",) * 2,
            "required": ("named in [publish] require_review, machine-translated, awaiting review",) * 2,
            "checks": ("failing a check of [publish] enforced_checks (fix it, or dismiss the check "
                       "on the entry: see 'pipeline check')",) * 2,
        }
        return [f"{count} {labels.get(reason, (reason, reason))[count != 1]}"
                for reason, count in sorted(self.waiting.items())]


def is_lead(segment: Segment) -> bool:
    """Whether ``segment`` may be an article's lead, its first paragraph of running text: not
    an admonition's, a callout's or a directive's title, a line of a line block, a table's
    caption nor a footnote, which are paragraphs' entries too."""
    return segment.kind == BlockKind.PARAGRAPH and segment.style == "block" and not segment.msgid.startswith("[^")


def required_segments(article: Article, names: tuple[str, ...]) -> set[int]:
    """Indexes of segments named by ``require_review``: front-matter keys, ``lead``, block kinds."""
    wanted = set(names)
    chosen: set[int] = set()
    lead_found = False
    for index, segment in enumerate(article.segments):
        if segment.msgctxt is not None and key_path_matches(segment.msgctxt, wanted):
            chosen.add(index)
        if segment.kind.value in wanted:
            chosen.add(index)
        if not lead_found and is_lead(segment):
            lead_found = True
            if "lead" in wanted:
                chosen.add(index)
    return chosen


def decide(article: Article, lang: str, catalogue: Catalogue | None, policy: PublishPolicy,
           findings: Callable[[], Iterable[Finding]] | None = None
           ) -> tuple[PublishDecision, dict[tuple[str | None, str], str]]:
    """Which translations to use for ``lang``, and what holds the version back. ``findings``
    makes the catalogue's check findings, whose ``policy.enforced_checks`` hold their entries
    back: asked for only when enforced checks are set and nothing else holds the version back
    (the checks are the costly part, and a version waiting for review needs none)."""
    decision, chosen = _decide(article, lang, catalogue, policy, frozenset())
    if decision.ready and policy.enforced_checks and findings is not None:
        failing = frozenset((f.msgctxt, f.msgid) for f in findings() if f.check in policy.enforced_checks)
        if failing:
            decision, chosen = _decide(article, lang, catalogue, policy, failing)
    return decision, chosen


def _decide(article: Article, lang: str, catalogue: Catalogue | None, policy: PublishPolicy,
            failing: frozenset[tuple[str | None, str]]
            ) -> tuple[PublishDecision, dict[tuple[str | None, str], str]]:
    """``failing``: (msgctxt, msgid) of the entries an enforced check fails on (an entry, not
    a text: a title and a paragraph that read the same are two entries)."""
    decision = PublishDecision(slug=article.slug, lang=lang, ready=True)
    index = catalogue.index() if catalogue is not None else {}
    required = required_segments(article, policy.require_review)
    chosen: dict[tuple[str | None, str], str] = {}
    seen: set[tuple[str | None, str]] = set()  # one entry serves every segment of its text
    for position, segment in enumerate(article.segments):
        key = (segment.msgctxt, segment.msgid)
        if key in seen:
            continue
        seen.add(key)
        message = index.get(key)
        reason = _blocking_reason(message, policy, position in required)
        if reason is None and _breaks_templates(segment, message):
            reason = "template"
        if reason is None and key in failing:
            reason = "checks"
        if reason is None:
            assert message is not None
            chosen[key] = message.msgstr
            decision.machine |= message.fuzzy
        else:
            decision.waiting[reason] += 1
    decision.ready = not decision.waiting
    return decision, chosen


def _breaks_templates(segment: Segment, message: Message | None) -> bool:
    """A reviewed translation with template tags other than the source's: Hugo refuses to
    build the whole site over one unclosed or stray shortcode, so the version waits (the
    ``template`` check says where) whatever ``[publish] enforced_checks`` holds."""
    return message is not None and message.msgid_plural is None \
        and template_structure_changed(segment.msgid, message.msgstr)


def _blocking_reason(message: Message | None, policy: PublishPolicy, required: bool) -> str | None:
    if message is None:
        return "untranslated"
    if message.msgid_plural is not None:
        # A translator's plural forms on a paragraph's entry: the article has a place for
        # one text, and the plain msgstr is empty (published, the block vanished). The next
        # update makes the first form the translation, fuzzy.
        return "plural"
    if message.translated and not any(text.strip() for text in message.translations):
        # Published, it would empty its block: a paragraph vanishes, a setext underline
        # becomes a rule. Spaces are no translation.
        return "blank"
    status = message.status
    if status == EntryStatus.REVIEWED:
        return None
    if status == EntryStatus.MACHINE and policy.allow_machine:
        return "required" if required else None
    return status.value


def render_version(article: Article, lang: str, chosen: dict[tuple[str | None, str], str],
                   decision: PublishDecision, policy: PublishPolicy) -> str:
    """The localised article text (without BOM) for a ready decision.

    No ``translationKey`` is set: the source's own, if it has one, is kept as written, and
    without one Hugo links the versions by their shared path. A key the source lacks, or one
    different from the source's, would link the translations to each other but not to the
    source (Hugo 0.123+ looks a page with a key up among pages with that key only).
    """
    fields: dict[str, str | bool] = {"lang": lang, "translation_of": article.slug}
    if decision.machine:
        fields["machine_translated"] = True

    def lookup(segment: Segment) -> str | None:
        return chosen.get((segment.msgctxt, segment.msgid))

    text = localise(article, lookup, front_matter=fields)
    if decision.machine:
        text = _with_notice(text, notice_for(lang, policy))
    return text


def notice_for(lang: str, policy: PublishPolicy) -> str:
    return policy.notice.get(lang) or DEFAULT_NOTICES.get(lang, _FALLBACK_NOTICE)


def _with_notice(text: str, notice: str) -> str:
    """Put the notice right after the front matter, as its own emphasised paragraph.

    Lines are split with their own endings kept, so a file with mixed line endings (some
    CRLF, some LF) is handled: the notice uses the ending of the line it follows.
    """
    lines = text.splitlines(keepends=True)
    insert_at = 0
    fence = lines[0].rstrip("\r\n").rstrip() if lines else ""
    if fence in ("---", "+++"):
        closers = ("---", "...") if fence == "---" else ("+++",)
        insert_at = next(i for i in range(1, len(lines))
                         if lines[i].rstrip("\r\n").rstrip() in closers) + 1
    before = lines[insert_at - 1] if insert_at else ""
    newline = before[len(before.rstrip("\r\n")):] or ("\r\n" if "\r\n" in text else "\n")
    if insert_at and not before.endswith(("\n", "\r")):
        lines[insert_at - 1] = before + newline  # the file ends with the front matter's '---'
        block = [f"*{notice}*{newline}"]
    elif insert_at == len(lines) or lines[insert_at].strip() == "":
        block = [newline, f"*{notice}*{newline}"]
    else:
        block = [f"*{notice}*{newline}", newline]
    return "".join(lines[:insert_at] + block + lines[insert_at:])
