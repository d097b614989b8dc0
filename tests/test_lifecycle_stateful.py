"""The catalogue lifecycle over many ``sync`` runs, as a Hypothesis state machine.

Reporters edit, insert, delete, move, copy, split and merge paragraphs, headings, list
items and front-matter fields, bring back a deleted block or an edit's old text, delete an
article and restore it, rename its file; translators translate, correct, review, comment,
begin an edit left fuzzy, mark an entry fuzzy again or clear it, and save the catalogue as
their tools do (the pipeline's own layout, CRLF, Notepad's BOM, polib's wrapping with
Poedit's header fields, Poedit purging deleted translations, msgcat, msgattrib); ``sync``
runs in between (the pseudo engine or none, one worker or two, ``--article``, or
``extract``, ``update`` and ``translate`` one by one). After every run:

1. every translation and comment a human saved is still in that catalogue (an active entry,
   a fuzzy one with the previous msgid, an obsolete one, or a ``previous translation:``
   comment), unless the human removed it in a later save;
2. a second run writes nothing (same bytes, same times, under ``locale/``, ``public/`` and
   ``source/``);
3. an entry whose text a human reviewed holds that reviewed translation whenever its text is
   in the article again (a paragraph deleted and restored, an edit undone);
4. a version whose entries are all reviewed is published, and holds each of them, and no
   other is; the catalogues no article uses are named as such;
5. the run reports no error (and raises none);
6. no entry is reviewed that no human reviewed, with that translation, in that catalogue.

``pytest -s`` prints how much the machine ran; ``LIFECYCLE_EXAMPLES=400 LIFECYCLE_STEPS=30
HYPOTHESIS_PROFILE=explore`` searches further (about 4 minutes).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import polib
import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from pipeline.catalogue import parse_po, render_po
from pipeline.config import load_config
from pipeline.engines.pseudo import PseudoEngine
from pipeline.integration import hooks
from pipeline.model import PREVIOUS_TRANSLATION_PREFIX, Catalogue, Message
from pipeline.sync import STAGES, SyncOptions, sync

from .conftest import write_project

CONFIG = 'languages = ["en", "ru"]\nsource_language = "en"\n'
SLUGS = ("harbour", "ferry", "desk/tram")
WORDS = ("port", "ferry", "budget", "council", "harbour", "ships", "cargo", "river", "bridge", "road",
         "market", "school", "grows", "opens", "closes", "waits", "today", "again", "slowly", "north")
CYRILLIC = "бвгджзклмнпрстфхцчшщ"

WORD_LISTS = st.lists(st.sampled_from(WORDS), min_size=2, max_size=5)
SENTENCES = WORD_LISTS.map(lambda words: " ".join(words).capitalize() + ".")
PARAGRAPHS = st.lists(SENTENCES, min_size=1, max_size=2).map(" ".join)
HEADINGS = WORD_LISTS.map(lambda words: " ".join(words).capitalize())
ITEMS = WORD_LISTS.map(" ".join)
TEXT_OF = {"p": PARAGRAPHS, "h": HEADINGS, "li": ITEMS}
GNU_SAVES = {"msgcat --no-wrap": ["msgcat", "--no-wrap"], "msgcat --sort-output": ["msgcat", "--sort-output"],
             "msgattrib --clear-previous": ["msgattrib", "--clear-previous"]}
SAVE_STYLES = ("pipeline", "crlf", "notepad", "poedit", "poedit, deleted translations purged", *GNU_SAVES)
#: What a translator does to one entry, by the entries it applies to.
TRANSLATOR_ACTIONS = {
    "correct": lambda m: m.translated,  # write a translation of one's own and accept it
    "review": lambda m: m.translated and m.fuzzy,  # accept the entry as it is
    "translate": lambda m: not m.translated,  # translate an entry left untranslated
    "begin editing": lambda m: m.translated and m.fuzzy,  # change the text, leave it fuzzy
    "needs work": lambda m: m.translated and not m.fuzzy,  # mark a reviewed entry fuzzy again
    "clear": lambda m: m.translated,  # delete the translation
    "comment": lambda m: True,  # a translator's note on the entry
}


@dataclass
class Doc:
    """A source article: its front matter's translatable fields and its blocks, in order.
    A block is (kind, text): ``p`` a paragraph, ``h`` a heading, ``li`` a list item
    (neighbouring items make one list)."""

    title: str
    summary: str | None = None
    summary_first: bool = False
    blocks: list[tuple[str, str]] = field(default_factory=list)

    def render(self) -> str:
        fields = [f"title: {self.title}"]
        if self.summary is not None:
            fields.insert(0 if self.summary_first else 1, f"summary: {self.summary}")
        parts: list[str] = []
        for index, (kind, text) in enumerate(self.blocks):
            if kind == "li":
                joined = index > 0 and self.blocks[index - 1][0] == "li"
                parts.append(("\n" if joined else "\n\n") + f"- {text}")
            else:
                parts.append("\n\n" + (f"## {text}" if kind == "h" else text))
        return "---\n" + "\n".join(fields) + "\n---" + "".join(parts) + "\n"


def _human_text(number: int, msgid: str) -> str:
    """A translation no machine would write, unique to its save: Cyrillic words only (no
    digits or quotation marks, which publishing may respell)."""
    code = ""
    while True:
        number, digit = divmod(number, len(CYRILLIC))
        code += CYRILLIC[digit]
        if not number:
            break
    gist = " ".join(w[:4] for w in msgid.lower().split()[:2])
    return f"Правка {code} {''.join(CYRILLIC[ord(c) % len(CYRILLIC)] for c in gist if c.isalpha())}"


def _held(catalogue: Catalogue) -> set[str]:
    """Every translation a catalogue holds: entries' (active or obsolete) and the
    ``previous translation:`` comments the pipeline keeps a displaced one in; and every
    translator's comment."""
    held = {text for message in catalogue.messages for text in message.translations}
    held |= {c for m in catalogue.messages for c in m.comments}
    return held | {c[len(PREVIOUS_TRANSLATION_PREFIX):] for m in catalogue.messages for c in m.comments
                   if c.startswith(PREVIOUS_TRANSLATION_PREFIX)}


def _save(path: Path, catalogue: Catalogue, style: str) -> None:
    """Write ``catalogue`` as a translator's tool would."""
    if style == "poedit, deleted translations purged":
        catalogue.messages = catalogue.active
    data = render_po(catalogue)
    if style == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif style == "notepad":  # a byte-order mark, CRLF, no final line break
        data = b"\xef\xbb\xbf" + data.removeprefix(b"\xef\xbb\xbf").replace(b"\n", b"\r\n").rstrip(b"\r\n")
    elif style.startswith("poedit"):
        po = polib.pofile(data.decode("utf-8"), wrapwidth=79)
        po.metadata["X-Generator"] = "Poedit 3.4.2"
        po.metadata["PO-Revision-Date"] = "2026-12-01 09:14+0400"
        data = po.__unicode__().encode("utf-8")
    elif style in GNU_SAVES and shutil.which(GNU_SAVES[style][0]) and not catalogue.bom:  # GNU refuses a BOM
        data = subprocess.run([*GNU_SAVES[style], "-"], input=data, capture_output=True, check=True).stdout
    path.write_bytes(data)
    _tick(path)


_CLOCK = [0]
#: What the machine ran, for the report (``pytest -s`` prints it).
STATS = dict.fromkeys(("examples", "syncs", "steps", "translator saves", "entries changed",
                       "reviewed entries checked", "human translations checked", "published checked"), 0)


def _tick(path: Path) -> None:
    """Give a file a save time of its own, as a person's save a second later would: the run
    state tells files apart by size and time (with a hash when the time differs)."""
    _CLOCK[0] += 1
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + _CLOCK[0] * 1_000_000_000))


def _snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    files: dict[str, tuple[int, bytes]] = {}
    for folder in ("locale", "public", "source"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                files[path.relative_to(root).as_posix()] = (path.stat().st_mtime_ns, path.read_bytes())
    return files


class Lifecycle(RuleBasedStateMachine):
    """A newsroom's project across many syncs (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="lifecycle-"))
        write_project(self.root, {}, CONFIG)
        (self.root / "source").mkdir()
        self.config = load_config(self.root)
        self.hooks = hooks(self.config)
        self.docs: dict[str, Doc] = {}
        self.deleted: dict[str, Doc] = {}
        #: Blocks taken out of an article or replaced by an edit, to bring back.
        self.gone: list[tuple[str, str]] = []
        #: Per catalogue: the translations humans saved in it and have not removed since.
        self.human: dict[str, set[str]] = {}
        #: Per catalogue and entry key: the translation a human last saved as reviewed.
        self.reviewed: dict[str, dict[tuple[str | None, str], str]] = {}
        #: Per catalogue: every (entry key, translation) a human ever saved as reviewed.
        self.ever_reviewed: dict[str, set[tuple[tuple[str | None, str], str]]] = {}
        self.saves = 0

    def teardown(self) -> None:
        STATS["examples"] += 1
        shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------------ helpers

    @invariant()
    def count_step(self) -> None:
        STATS["steps"] += 1

    def _write(self, slug: str) -> None:
        path = self.root / "source" / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.docs[slug].render(), encoding="utf-8")
        _tick(path)

    def _po(self, slug: str) -> str:
        return f"locale/ru/LC_MESSAGES/{slug}.po"

    def _catalogues(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix()
                      for p in (self.root / "locale" / "ru" / "LC_MESSAGES").rglob("*.po"))

    def _doc(self, data: st.DataObject) -> tuple[str, Doc]:
        slug = data.draw(st.sampled_from(sorted(self.docs)), label="article")
        return slug, self.docs[slug]

    # ------------------------------------------------------------------ reporters

    @initialize(data=st.data(), title=HEADINGS,
                blocks=st.lists(st.sampled_from(("p", "p", "h", "li")), min_size=1, max_size=4))
    def first_article(self, data: st.DataObject, title: str, blocks: list[str]) -> None:
        self.docs["harbour"] = Doc(title, blocks=[(kind, data.draw(TEXT_OF[kind], label=kind)) for kind in blocks])
        self._write("harbour")
        self.run_sync("pseudo")

    @rule(data=st.data(), slug=st.sampled_from(SLUGS), title=HEADINGS,
          blocks=st.lists(st.tuples(st.sampled_from(("p", "p", "h", "li")), st.integers(0, 10**6)),
                          min_size=1, max_size=4))
    def new_article(self, data: st.DataObject, slug: str, title: str, blocks: list[tuple[str, int]]) -> None:
        if slug in self.docs or len(self.docs) >= 2:
            return
        doc = Doc(title, blocks=[(kind, data.draw(TEXT_OF[kind], label=kind)) for kind, _ in blocks])
        self.docs[slug] = doc
        self.deleted.pop(slug, None)
        self._write(slug)

    @precondition(lambda self: self.docs)
    @rule(data=st.data(), small=st.booleans())
    def edit_block(self, data: st.DataObject, small: bool) -> None:
        slug, doc = self._doc(data)
        if not doc.blocks:
            return
        index = data.draw(st.integers(0, len(doc.blocks) - 1), label="block")
        kind, text = doc.blocks[index]
        self.gone.append((kind, text))
        if small:
            word = data.draw(st.sampled_from(WORDS), label="word")
            text = text[:-1] + f" {word}." if text.endswith(".") else f"{text} {word}"
        else:
            text = data.draw(TEXT_OF[kind], label="text")
        doc.blocks[index] = (kind, text)
        self._write(slug)

    @precondition(lambda self: self.docs)
    @rule(data=st.data(), kind=st.sampled_from(("p", "h", "li")))
    def insert_block(self, data: st.DataObject, kind: str) -> None:
        slug, doc = self._doc(data)
        if len(doc.blocks) >= 6:
            return
        index = data.draw(st.integers(0, len(doc.blocks)), label="at")
        doc.blocks.insert(index, (kind, data.draw(TEXT_OF[kind], label="text")))
        self._write(slug)

    @precondition(lambda self: self.docs)
    @rule(data=st.data())
    def copy_block(self, data: st.DataObject) -> None:
        """A block written twice (a list item or paragraph pasted into another article or
        the same one): one entry for both."""
        slug, doc = self._doc(data)
        source = self.docs[data.draw(st.sampled_from(sorted(self.docs)), label="from article")]
        if source.blocks and len(doc.blocks) < 6:
            block = data.draw(st.sampled_from(source.blocks), label="block")
            doc.blocks.insert(data.draw(st.integers(0, len(doc.blocks)), label="at"), block)
            self._write(slug)

    @precondition(lambda self: self.docs)
    @rule(data=st.data())
    def delete_block(self, data: st.DataObject) -> None:
        slug, doc = self._doc(data)
        if len(doc.blocks) > 1:
            self.gone.append(doc.blocks.pop(data.draw(st.integers(0, len(doc.blocks) - 1), label="block")))
            self._write(slug)

    @precondition(lambda self: self.docs and self.gone)
    @rule(data=st.data(), replace=st.booleans())
    def bring_back_block(self, data: st.DataObject, replace: bool) -> None:
        """A deleted paragraph put back, or an edit undone (the block's old text in place
        of its new one)."""
        slug, doc = self._doc(data)
        block = data.draw(st.sampled_from(self.gone), label="block")
        if replace and doc.blocks:
            doc.blocks[data.draw(st.integers(0, len(doc.blocks) - 1), label="at")] = block
        elif len(doc.blocks) < 6:
            doc.blocks.insert(data.draw(st.integers(0, len(doc.blocks)), label="at"), block)
        self._write(slug)

    @precondition(lambda self: self.docs)
    @rule(data=st.data())
    def move_block(self, data: st.DataObject) -> None:
        slug, doc = self._doc(data)
        if len(doc.blocks) > 1:
            block = doc.blocks.pop(data.draw(st.integers(0, len(doc.blocks) - 1), label="from"))
            doc.blocks.insert(data.draw(st.integers(0, len(doc.blocks)), label="to"), block)
            self._write(slug)

    @precondition(lambda self: self.docs)
    @rule(data=st.data())
    def split_paragraph(self, data: st.DataObject) -> None:
        slug, doc = self._doc(data)
        splittable = [i for i, (kind, text) in enumerate(doc.blocks) if kind == "p" and ". " in text]
        if splittable:
            index = data.draw(st.sampled_from(splittable), label="paragraph")
            first, rest = doc.blocks[index][1].split(". ", 1)
            doc.blocks[index:index + 1] = [("p", first + "."), ("p", rest)]
            self._write(slug)

    @precondition(lambda self: self.docs)
    @rule(data=st.data())
    def merge_paragraphs(self, data: st.DataObject) -> None:
        slug, doc = self._doc(data)
        pairs = [i for i in range(len(doc.blocks) - 1) if doc.blocks[i][0] == doc.blocks[i + 1][0] == "p"]
        if pairs:
            index = data.draw(st.sampled_from(pairs), label="paragraph")
            doc.blocks[index:index + 2] = [("p", doc.blocks[index][1] + " " + doc.blocks[index + 1][1])]
            self._write(slug)

    @precondition(lambda self: self.docs)
    @rule(data=st.data(), change=st.sampled_from(("title", "summary", "drop summary", "reorder")))
    def edit_front_matter(self, data: st.DataObject, change: str) -> None:
        slug, doc = self._doc(data)
        if change == "title":
            doc.title = data.draw(HEADINGS, label="title")
        elif change == "summary":
            doc.summary = data.draw(PARAGRAPHS, label="summary")
        elif change == "drop summary":
            doc.summary = None
        else:
            doc.summary_first = not doc.summary_first
        self._write(slug)

    @precondition(lambda self: self.docs)
    @rule(data=st.data())
    def delete_article(self, data: st.DataObject) -> None:
        slug, doc = self._doc(data)
        (self.root / "source" / f"{slug}.md").unlink()
        self.deleted[slug] = self.docs.pop(slug)

    @precondition(lambda self: self.deleted)
    @rule(data=st.data())
    def restore_article(self, data: st.DataObject) -> None:
        slug = data.draw(st.sampled_from(sorted(self.deleted)), label="deleted")
        if slug not in self.docs:
            self.docs[slug] = self.deleted.pop(slug)
            self._write(slug)

    @precondition(lambda self: self.docs)
    @rule(data=st.data(), to=st.sampled_from(SLUGS))
    def rename_article(self, data: st.DataObject, to: str) -> None:
        slug, doc = self._doc(data)
        if to in self.docs:
            return
        (self.root / "source" / f"{slug}.md").unlink()
        self.docs[to] = self.docs.pop(slug)
        self.deleted.pop(to, None)
        self._write(to)

    # ------------------------------------------------------------------ translators

    @rule(data=st.data(), multiline=st.booleans())
    def translate_an_entry(self, data: st.DataObject, multiline: bool) -> None:
        self._translator(data, "translate", multiline)

    @rule(data=st.data(), multiline=st.booleans())
    def correct_an_entry(self, data: st.DataObject, multiline: bool) -> None:
        self._translator(data, "correct", multiline)

    @rule(data=st.data())
    def review_an_entry(self, data: st.DataObject) -> None:
        self._translator(data, "review")

    @rule(data=st.data())
    def begin_editing_an_entry(self, data: st.DataObject) -> None:
        self._translator(data, "begin editing")

    @rule(data=st.data(), pick=st.sampled_from(("needs work", "clear")))
    def undo_a_review(self, data: st.DataObject, pick: str) -> None:
        self._translator(data, pick)

    @rule(data=st.data())
    def comment_on_an_entry(self, data: st.DataObject) -> None:
        self._translator(data, "comment")

    @rule(data=st.data())
    def review_a_whole_catalogue(self, data: st.DataObject) -> None:
        self._translator(data, "everything")

    @precondition(lambda self: self.docs)
    @rule(data=st.data())
    def publication_day(self, data: st.DataObject) -> None:
        """Every article's catalogue translated and reviewed to the last entry, then synced."""
        self.run_sync("none")
        for slug in sorted(self.docs):
            self._translator(data, "everything", rel=self._po(slug))
        self.run_sync("none")

    def _translator(self, data: st.DataObject, pick: str, multiline: bool = False, rel: str = "") -> None:
        """A translator changes one entry of a catalogue (``everything``: translates and
        accepts every entry) as ``pick`` says and saves it in a tool's way; what the human
        wrote is noted."""
        rels = self._catalogues()
        if not rels:
            return
        rel = rel or data.draw(st.sampled_from(rels), label="catalogue")
        path = self.root / rel
        catalogue = parse_po(path.read_bytes(), rel)
        written: set[str] = set()
        if pick == "everything":
            candidates = catalogue.active
            for message in candidates:
                if not message.translated:
                    self.saves += 1
                    message.msgstr = _human_text(self.saves, message.msgid)
                _reviewed(message)
        else:
            candidates = [m for m in catalogue.active if TRANSLATOR_ACTIONS[pick](m)]
        if candidates and pick != "everything":
            message = data.draw(st.sampled_from(candidates), label="entry")
            if pick in ("correct", "translate", "begin editing"):
                self.saves += 1
                message.msgstr = _human_text(self.saves, message.msgid)
                if multiline:
                    message.msgstr = message.msgstr.replace(" ", "\n", 1)
                written.add(message.msgstr)
            if pick == "comment":
                self.saves += 1
                message.comments.append(f"сверить {_human_text(self.saves, message.msgid)}")
                written.add(message.comments[-1])
            if pick == "clear":
                message.msgstr = ""
            if pick == "needs work":
                message.fuzzy = True
            elif pick not in ("begin editing", "comment"):
                _reviewed(message)
        STATS["translator saves"] += 1
        STATS["entries changed"] += bool(candidates)
        style = data.draw(st.sampled_from(SAVE_STYLES), label="saved as")
        _save(path, catalogue, style)
        saved = parse_po(path.read_bytes(), rel)
        human = self.human.setdefault(rel, set())
        human &= _held(saved)
        human |= written
        reviewed = self.reviewed.setdefault(rel, {})
        keys = {entry.key for entry in saved.messages}
        for key in [key for key in reviewed if key not in keys]:
            del reviewed[key]  # purged with the deleted translations
        for entry in saved.active:
            if entry.translated and not entry.fuzzy:
                human.add(entry.msgstr)
                reviewed[entry.key] = entry.msgstr
                self.ever_reviewed.setdefault(rel, set()).add((entry.key, entry.msgstr))
            else:
                reviewed.pop(entry.key, None)

    # ------------------------------------------------------------------ sync

    @rule()
    def sync_with_pseudo_translation(self) -> None:
        self.run_sync("pseudo")

    @rule()
    def sync_without_an_engine(self) -> None:
        self.run_sync("none")

    @rule(engine=st.sampled_from(("pseudo", "none")))
    def sync_with_two_workers(self, engine: str) -> None:
        self.run_sync(engine, jobs=2)

    @precondition(lambda self: self.docs)
    @rule(data=st.data(), engine=st.sampled_from(("pseudo", "none")))
    def sync_one_article(self, data: st.DataObject, engine: str) -> None:
        """``pipeline sync --article SLUG``: the other articles wait for the next full run."""
        slug, _ = self._doc(data)
        self.run_sync(engine, only=(slug,))

    @rule(engine=st.sampled_from(("pseudo", "none")))
    def update_then_translate(self, engine: str) -> None:
        """``pipeline extract``, ``update`` and ``translate`` one after the other (no publishing)."""
        for stages in (("extract",), ("update",), ("translate",)):
            self.run_sync(engine, stages=stages)

    def run_sync(self, engine: str, jobs: int = 1, only: tuple[str, ...] = (),
                 stages: tuple[str, ...] = STAGES) -> None:
        options = SyncOptions(engine=PseudoEngine() if engine == "pseudo" else None, jobs=jobs, only=only,
                              stages=stages, **self.hooks)
        report = sync(self.config, options)
        assert report.ok, [str(e) for e in report.errors]
        before = _snapshot(self.root)
        again = sync(self.config, options)
        assert again.ok, [str(e) for e in again.errors]
        after = _snapshot(self.root)
        changed = sorted(rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel))
        assert not changed, f"a second run rewrote {changed} (written: {again.written})"
        STATS["syncs"] += 2
        if stages == ("extract",):
            return  # a new article has no catalogue yet
        self._check_catalogues(only or tuple(self.docs))
        if stages != STAGES:
            return
        self._check_published(report.published, only or tuple(self.docs))
        if not only:
            orphans = {rel for rel in self._catalogues() if rel not in {self._po(slug) for slug in self.docs}}
            assert set(report.orphans) == orphans == set(again.orphans)

    def _check_catalogues(self, synced: tuple[str, ...]) -> None:
        for rel, human in self.human.items():
            path = self.root / rel
            assert path.exists(), f"{rel} is gone"
            catalogue = parse_po(path.read_bytes(), rel)
            held = _held(catalogue)
            STATS["human translations checked"] += len(human)
            lost = {text for text in human if text not in held and text.replace("\n", " ") not in held}
            assert not lost, f"{rel} lost {sorted(lost)}"
        for slug in self.docs:
            rel = self._po(slug)
            if not (self.root / rel).exists() and slug not in synced:
                continue  # a new article this run (--article) left for the next
            entries = {m.key: m for m in parse_po((self.root / rel).read_bytes(), rel).active}
            unreviewed = [m.key for m in entries.values() if m.translated and not m.fuzzy
                          and (m.key, m.msgstr) not in self.ever_reviewed.get(rel, set())]
            assert not unreviewed, f"{rel}: {unreviewed} reviewed by nobody"
            for key, text in self.reviewed.get(rel, {}).items():
                entry = entries.get(key)
                if entry is not None:
                    STATS["reviewed entries checked"] += 1
                    assert (entry.msgstr, entry.fuzzy) == (text, False), \
                        f"{rel}: {key} came back as {entry.msgstr!r} (fuzzy: {entry.fuzzy}), reviewed {text!r}"

    def _check_published(self, published: list[tuple[str, str, str]], slugs: tuple[str, ...]) -> None:
        written = {slug for slug, _, _ in published}
        for slug in slugs:
            rel = self._po(slug)
            active = parse_po((self.root / rel).read_bytes(), rel).active
            ready = all(m.translated and not m.fuzzy for m in active)
            assert ready == (slug in written), f"{slug}: all reviewed {ready}, published {slug in written}"
            if ready:
                text = _readable((self.root / "public" / "ru" / f"{slug}.md").read_text(encoding="utf-8"))
                STATS["published checked"] += 1
                missing = [m.msgstr for m in active if " ".join(m.msgstr.split()) not in text]
                assert not missing, f"public/ru/{slug}.md lacks {missing}"


def _readable(version: str) -> str:
    """A published version's text as readers get it: its front matter's values and its body,
    white space collapsed (a translator's line break is a hard break, or ``\\n`` in YAML)."""
    _, fields, body = version.split("---\n", 2)
    values = [str(value) for value in yaml.safe_load(fields).values()]
    return " ".join(" ".join(values + [body]).split())


def _reviewed(message: Message) -> None:
    """Clear fuzzy, as Poedit does when a translator accepts an entry (the ``#|`` goes too)."""
    message.fuzzy = False
    message.previous_msgid = message.previous_msgctxt = message.previous_msgid_plural = None


Lifecycle.TestCase.settings = settings(
    max_examples=int(os.environ.get("LIFECYCLE_EXAMPLES", 25)),
    stateful_step_count=int(os.environ.get("LIFECYCLE_STEPS", 30)), deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def test_catalogue_lifecycle() -> None:
    Lifecycle.TestCase().runTest()
    print("lifecycle:", ", ".join(f"{count} {name}" for name, count in STATS.items()))
