"""Catalogues re-saved by translators' tools converge; no translation is ever lost.

``tests/data/editors/`` holds one article and its Russian catalogue as written by the
pipeline (``budget-vote.ru.po``) and as the same catalogue comes back from the tools
translators use:

* ``poedit.po``: Poedit 3 wraps at 79 but only after spaces, rewrites Plural-Forms in its
  own notation, fills PO-Revision-Date/Last-Translator and adds X-Generator and X-Poedit-*;
* ``poedit-nowrap.po``: Poedit with wrapping switched off (every string on one line);
* ``lokalize.po``: Lokalize on Windows: CRLF line ends, wraps at 80, its own header values;
* ``weblate.po``: Weblate: wraps at 77, header fields reordered, X-Generator: Weblate.

Each is read without any semantic change, and ``pipeline sync`` rewrites it at most once
into the canonical form; two more syncs change nothing. A hypothesis test then edits,
deletes, reorders and restores source paragraphs at random, with a translator filling
entries between syncs, and checks that every translation that ever existed survives as an
active or obsolete entry. Last, a catalogue with machine output, reviewed, changed and
obsolete entries goes through what other tools do to a file (Notepad's BOM and CRLF, a
second CRLF conversion, Weblate's flag order, Crowdin dropping comments, msgcat's sorting
and wrapping, msgattrib) and must keep every translation and settle in one sync.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.catalogue import parse_po, render_po
from pipeline.cli import cli
from pipeline.model import Catalogue

from .conftest import write_project


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path

EDITORS = Path(__file__).resolve().parent / "data" / "editors"
SAVED = sorted(EDITORS.glob("budget-vote.ru.*.po"))
CONFIG = 'languages = ["en", "ru"]\nsource_language = "en"\n'
PO = "locale/ru/LC_MESSAGES/budget-vote.po"


def _semantics(catalogue: Catalogue, *, extracted: bool = True) -> list[tuple[object, ...]]:
    """Everything a translator's tool must not change: the entries, in order, and their data.

    ``extracted=False`` leaves out what sync itself regenerates from the source on every run
    (``#.`` notes such as quotation hints, and ``#:`` references).
    """
    return [(m.obsolete, m.msgctxt, m.msgid, m.msgid_plural, m.msgstr, tuple(sorted(m.msgstr_plural.items())),
             tuple(m.flags), tuple(m.comments), m.previous_msgctxt, m.previous_msgid)
            + ((tuple(m.auto_comments), tuple(m.references)) if extracted else ())
            for m in catalogue.messages]


def _sync(root: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none", "--json"])
    assert result.exit_code == 0, result.output
    import json

    return json.loads(result.stdout)["written"]


def _project(tmp_path: Path) -> Path:
    root = write_project(_mkdir(tmp_path / "project"), {}, CONFIG)
    (root / "source").mkdir()
    shutil.copy(EDITORS / "budget-vote.md", root / "source" / "budget-vote.md")
    return root


def test_the_editor_corpus_is_what_it_claims() -> None:
    names = {p.name for p in SAVED}
    assert names == {"budget-vote.ru.poedit.po", "budget-vote.ru.poedit-nowrap.po",
                     "budget-vote.ru.lokalize.po", "budget-vote.ru.weblate.po"}
    assert b"\r\n" in (EDITORS / "budget-vote.ru.lokalize.po").read_bytes()
    reference = (EDITORS / "budget-vote.ru.po").read_bytes()
    for path in SAVED:
        assert path.read_bytes() != reference, path.name


@pytest.mark.parametrize("saved", SAVED, ids=lambda p: p.name.split(".")[2])
def test_a_resaved_catalogue_reads_the_same(saved: Path) -> None:
    reference = parse_po((EDITORS / "budget-vote.ru.po").read_bytes(), "reference")
    catalogue = parse_po(saved.read_bytes(), saved.name)
    assert _semantics(catalogue) == _semantics(reference)
    fields = dict(catalogue.header)
    assert fields["Language"] == "ru" and fields["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.parametrize("saved", SAVED + [EDITORS / "budget-vote.ru.po"], ids=lambda p: "pipeline" if p.name == "budget-vote.ru.po" else p.name.split(".")[2])
def test_sync_rewrites_a_resaved_catalogue_at_most_once(tmp_path: Path, saved: Path) -> None:
    root = _project(tmp_path)
    po = root / PO
    po.parent.mkdir(parents=True)
    shutil.copy(saved, po)
    tool_fields = dict(parse_po(saved.read_bytes()).header)

    _sync(root)
    first = po.read_bytes()
    after = parse_po(first, PO)
    # Nothing a translator wrote changed meaning; the tool's own header fields are kept.
    assert _semantics(after, extracted=False) == _semantics(parse_po(saved.read_bytes()), extracted=False)
    header = dict(after.header)
    for name in ("Last-Translator", "PO-Revision-Date", "X-Generator"):
        if name in tool_fields:
            assert header[name] == tool_fields[name]
    assert after.newline == ("\r\n" if b"\r\n" in saved.read_bytes() else "\n")
    assert render_po(after) == first, "the file is not in canonical form after one sync"

    for _ in range(2):
        assert PO not in _sync(root)
        assert po.read_bytes() == first


def test_poedit_and_weblate_taking_turns_never_lose_data(tmp_path: Path) -> None:
    """Tool A saves, sync, tool B saves, sync, ...: each sync converges in one rewrite."""
    root = _project(tmp_path)
    po = root / PO
    po.parent.mkdir(parents=True)
    reference = _semantics(parse_po((EDITORS / "budget-vote.ru.po").read_bytes()), extracted=False)
    for saved in SAVED + SAVED[::-1]:
        shutil.copy(saved, po)
        _sync(root)
        settled = po.read_bytes()
        assert _semantics(parse_po(settled), extracted=False) == reference
        assert PO not in _sync(root)
        assert po.read_bytes() == settled


# --------------------------------------------------------------------------- translation loss

PARAGRAPHS = [
    "The harbour authority will dredge the northern channel this summer.",
    "Fishermen say the work will scare away the sprat for a whole season.",
    "A public hearing is planned for the first week of June at the port office.",
    "The dredged sand will be used to rebuild the eroded beach near the lighthouse.",
    "Environmental groups want an independent study before any work starts.",
    "The contract is worth eight million manat and runs for two years.",
]

EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, 5), st.sampled_from([" Officials confirmed it.", " (Updated.)",
                                                                       " Details follow."])),
        st.tuples(st.just("delete"), st.integers(0, 5), st.just("")),
        st.tuples(st.just("swap"), st.integers(0, 5), st.just("")),
        st.tuples(st.just("restore"), st.integers(0, 5), st.just("")),
        st.tuples(st.just("add"), st.integers(0, 5), st.just("")),
    ),
    min_size=3, max_size=6,
)


def _article(paragraphs: list[str]) -> str:
    return "---\ntitle: Harbour channel to be dredged\n---\n\n" + "\n\n".join(paragraphs) + "\n"


def _translator_fills(path: Path, counter: list[int]) -> set[str]:
    """Fill every empty entry with a new unique translation; accept fuzzy ones as they are."""
    catalogue = parse_po(path.read_bytes(), str(path))
    for message in catalogue.messages:
        if message.obsolete:
            continue
        if not message.msgstr:
            counter[0] += 1
            message.msgstr = f"Перевод №{counter[0]}: {message.msgid[:20]}"
        elif counter[0] % 2:
            message.fuzzy = False
            message.previous_msgid = None
    path.write_bytes(render_po(catalogue))
    return {s for m in catalogue.messages for s in m.translations}


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(EDITS)
def test_no_translation_is_ever_lost_under_random_source_edits(tmp_path_factory: pytest.TempPathFactory,
                                                               edits: list[tuple[str, int, str]]) -> None:
    root = write_project(tmp_path_factory.mktemp("loss"), {}, CONFIG)
    history: list[list[str]] = []
    paragraphs = list(PARAGRAPHS[:4])
    write_project(root, {"harbour": _article(paragraphs)})
    _sync(root)
    po = root / "locale/ru/LC_MESSAGES/harbour.po"
    counter = [0]
    ever: set[str] = set()
    for action, index, extra in edits:
        ever |= _translator_fills(po, counter)
        history.append(list(paragraphs))
        if action == "edit" and paragraphs:
            i = index % len(paragraphs)
            paragraphs[i] = paragraphs[i] + extra
        elif action == "delete" and len(paragraphs) > 1:
            paragraphs.pop(index % len(paragraphs))
        elif action == "swap" and len(paragraphs) > 1:
            i = index % len(paragraphs)
            j = (i + 1) % len(paragraphs)
            paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
        elif action == "restore":
            paragraphs = list(history[index % len(history)])
        else:
            paragraphs.append(PARAGRAPHS[index])
        write_project(root, {"harbour": _article(paragraphs)})
        _sync(root)
        catalogue = parse_po(po.read_bytes(), str(po))
        present = {s for m in catalogue.messages for s in m.translations}
        assert ever <= present, f"lost: {sorted(ever - present)}"


# --------------------------------------------------------------------------- what tools do to a file

def _lines(transform: Callable[[str], str]) -> Callable[[bytes], bytes]:
    return lambda data: transform(data.decode("utf-8")).encode("utf-8")


def _first_reviewed_refuzzied(text: str) -> str:
    """A translator marks a reviewed entry fuzzy again (Poedit: "Needs work")."""
    head, sep, rest = text.partition("\n#. paragraph\n#: ")
    entry, blank, tail = rest.partition("\n\n")
    return head + sep + entry.replace("\nmsgid", "\n#, fuzzy\nmsgid", 1) + blank + tail


def _with_gnu(*args: str) -> Callable[[bytes], bytes]:
    def run(data: bytes) -> bytes:
        done = subprocess.run([*args, "-"], input=data, capture_output=True, check=True)
        return done.stdout
    return run


TOOL_SAVES = {
    "notepad (BOM, CRLF, no final newline)": lambda data: b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n").rstrip(b"\r\n"),
    "CRLF converted to CRLF again": lambda data: data.replace(b"\n", b"\r\r\n"),
    "weblate flag order": _lines(lambda t: t.replace("#, fuzzy\n", "#, python-format, fuzzy\n")),
    "crowdin drops translator comments": _lines(lambda t: re.sub(r"(?m)^# .*\n", "", t)),
    "a translator's comment": _lines(lambda t: t.replace("#. paragraph\n", "# сверить с редактором\n#. paragraph\n", 1)),
    "marked fuzzy again": _lines(_first_reviewed_refuzzied),
    "poedit header": _lines(lambda t: t.replace('"X-Source-Language: en\\n"\n', '"X-Source-Language: en\\n"\n'
                                                '"PO-Revision-Date: 2026-12-01 09:14+0400\\n"\n'
                                                '"X-Generator: Poedit 3.4.2\\n"\n', 1)),
    "msgcat --sort-output": _with_gnu("msgcat", "--sort-output"),
    "msgcat --no-wrap": _with_gnu("msgcat", "--no-wrap"),
    "msgcat -w 77": _with_gnu("msgcat", "-w", "77"),
    "msgattrib --clear-previous": _with_gnu("msgattrib", "--clear-previous"),
}
_GNU = {"msgcat --sort-output", "msgcat --no-wrap", "msgcat -w 77", "msgattrib --clear-previous"}


def _translations(catalogue: Catalogue) -> set[str]:
    kept = {text for message in catalogue.messages for text in message.translations}
    return kept | {c.partition(": ")[2] for m in catalogue.messages for c in m.comments
                   if c.startswith("previous translation: ")}


@pytest.mark.parametrize("tool", TOOL_SAVES)
def test_a_catalogue_as_a_tool_saves_it_keeps_every_translation_and_settles_in_one_sync(
        tmp_path: Path, tool: str) -> None:
    """A catalogue holding machine output, reviewed entries (the ``mt:`` comment left, as
    editors leave it), a changed paragraph's fuzzy entry and an obsolete one, saved as a
    tool saves it: sync keeps every translation, rewrites the file at most once, and the
    next sync changes nothing."""
    if tool in _GNU and shutil.which(tool.split()[0]) is None:
        pytest.skip("GNU gettext is not installed")
    root = _project(tmp_path)
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"])
    assert result.exit_code == 0, result.output
    po = root / PO
    catalogue = parse_po(po.read_bytes())
    for index, message in enumerate(catalogue.active):
        if index % 3 != 2:  # the title, the description and the first paragraph edited below too
            message.msgstr, message.fuzzy = "Проверено: " + message.msgid[:30], False
    po.write_bytes(render_po(catalogue))
    article = root / "source" / "budget-vote.md"
    text = article.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p and not p.startswith("---")]
    article.write_text(text.replace(paragraphs[1], paragraphs[1] + " (Updated.)")
                       .replace(paragraphs[2] + "\n\n", ""), encoding="utf-8")
    _sync(root)
    synced = po.read_bytes()
    before = _translations(parse_po(synced))
    po.write_bytes(TOOL_SAVES[tool](synced))
    assert po.read_bytes() != synced, "the tool changed nothing"
    saved = _translations(parse_po(po.read_bytes()))
    _sync(root)
    settled = po.read_bytes()
    assert _translations(parse_po(settled)) >= saved | (before if tool != "crowdin drops translator comments"
                                                         else set())
    assert not settled.startswith(b"\xef\xbb\xbf")
    assert PO not in _sync(root) and po.read_bytes() == settled
