"""Damaged files as they really arrive, at random: the product's promise holds for every one.

A small valid project (three articles, in en, ru and az; their catalogues, half of whose
entries a reviewer filled in; a glossary; pipeline.toml) gets one file damaged by a few random
mutations of the kinds that reach a newsroom: a download cut off, a line lost or doubled, git
conflict markers, bytes an editor inserted (NUL, a BOM, a tab, a line separator, a stray
quote or backslash), another encoding, mixed line endings, a huge line, a catalogue's msgstr,
header or Plural-Forms broken, a glossary row with a cell too many, a setting of the wrong
type or an unknown key. Then ``sync --engine pseudo``, ``status``, ``check`` and ``sync``
again run in-process, and for every example:

* no command ends in a traceback (click's ``result.exception`` is ``SystemExit`` or none);
* a non-zero exit names the damaged file, with its line, and every error says what to do
  next (a ``hint:``);
* a file sync reports is left byte for byte as it was; a catalogue sync accepts keeps every
  translation it held; ``status`` does not call a project sync refuses healthy (exit code 0);
* every other article is processed (its catalogues take a paragraph added to it), unless the
  run stopped on the configuration or the glossary, which every article depends on (exit 2);
* the second sync changes no file.

The bespoke damage of ``test_safety_hostile.py`` is pinned there; this test searches around it.
``HYPOTHESIS_PROFILE=explore`` draws new examples (see conftest.py).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.catalogue import parse_po, render_po
from pipeline.cli import cli

from .conftest import write_project

ARTICLES = {
    "news/harbour": (
        "---\ntitle: Harbour reopens after repairs\ndescription: The Port of Baku is open again.\n---\n\n"
        "# Harbour reopens\n\nLeyla Huseynova said the harbour \"is ready for ships\" on Monday.\n\n"
        "- Cranes were replaced.\n- The pier is 300 metres longer.\n\nThe work cost 12 million manats.\n"),
    "culture/fair": (
        "---\ntitle: Книжная ярмарка в Гяндже\nlang: ru\n---\n\nЯрмарка открылась в субботу.\n\n"
        "> «Мы ждали этого год», — сказала Айнур Исмайлова.\n\nВход свободный.\n"),
    "science/seals": (
        "---\ntitle: Xəzər suitiləri sayılır\nlang: az\n---\n\nAlimlər suitiləri saymağa başladı.\n\n"
        "Sayım 3 həftə davam edəcək.\n"),
}
GLOSSARY = ("en,ru,az,kind,note\n"
            "Leyla Huseynova,Лейла Гусейнова,Leyla Hüseynova,person,port director\n"
            "Aynur Ismayilova,Айнур Исмайлова,Aynur İsmayılova,person,fair organiser\n"
            "Port of Baku,Бакинский порт,Bakı Limanı,organisation,\n")
CONFIG = ('languages = ["en", "ru", "az"]\nsource_language = "en"\n\n'
          '[translate]\nengine = "pseudo"\n\n[publish]\nallow_machine = true\n')
ADDED = "A paragraph added while another file was damaged."
SYNC = ["sync", "--engine", "pseudo"]


def _run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), *args])


def _files(root: Path) -> dict[str, bytes]:
    """Every file of the project but the run's own state."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*"))
            if path.is_file() and ".pipeline" not in path.relative_to(root).parts}


@pytest.fixture(scope="module")
def valid_project(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The files of a synced project whose catalogues a reviewer half filled in."""
    root = write_project(tmp_path_factory.mktemp("valid"), ARTICLES, CONFIG)
    (root / "locale").mkdir()
    (root / "locale/glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    assert _run(root, *SYNC).exit_code == 0
    for path in sorted((root / "locale").glob("*/LC_MESSAGES/**/*.po")):
        catalogue = parse_po(path.read_bytes(), str(path))
        for message in catalogue.messages[::2]:
            message.msgstr = f"Reviewed ({path.parts[-4]}): {message.msgid}"
            message.fuzzy = False
        path.write_bytes(render_po(catalogue))
    assert _run(root, *SYNC).exit_code == 0
    return _files(root)


def _targets(files: dict[str, bytes]) -> list[str]:
    """The files people write: articles, catalogues, the glossary, the settings."""
    return [name for name in files if name.endswith((".md", ".po", ".csv", ".toml")) and not name.startswith("public/")]


# --------------------------------------------------------------------------- mutations

Mutation = Callable[[bytes, int, bytes], bytes]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _at(items: list[bytes] | bytes, n: int) -> int:
    return n % (len(items) + 1)


def _delete_line(data: bytes, n: int, _junk: bytes) -> bytes:
    lines = _lines(data)
    del lines[n % len(lines)]
    return b"\n".join(lines)


def _duplicate_line(data: bytes, n: int, _junk: bytes) -> bytes:
    lines = _lines(data)
    i = n % len(lines)
    return b"\n".join(lines[:i + 1] + lines[i:])


def _truncate(data: bytes, n: int, _junk: bytes) -> bytes:
    return data[:_at(data, n)]


def _insert_bytes(data: bytes, n: int, junk: bytes) -> bytes:
    i = _at(data, n)
    return data[:i] + junk + data[i:]


EDITOR_JUNK = [b"\x00", b"\xef\xbb\xbf", b"\t", b"\r", b"\r\n", b"\\", b'"', b"'", b"\xe2\x80\xa8", b"\xc2\xa0",
               b"\xc2\xad", b"\x1b[31m", b"\x0c", b"\xff", b"\xd0", b"#", b"---\n", b"msgstr \"\"\n"]


def _insert_editor_junk(data: bytes, n: int, junk: bytes) -> bytes:
    return _insert_bytes(data, n, EDITOR_JUNK[(junk[:1] or b"\0")[0] % len(EDITOR_JUNK)])


def _conflict(data: bytes, n: int, junk: bytes) -> bytes:
    lines = _lines(data)
    i = n % len(lines)
    block = [b"<<<<<<< HEAD", lines[i], b"=======", lines[i] + junk, b">>>>>>> origin/main"]
    return b"\n".join(lines[:i] + block + lines[i + 1:])


def _swap_quotes(data: bytes, n: int, _junk: bytes) -> bytes:
    quotes = [m.start() for m in re.finditer(rb"[\"']", data)]
    if not quotes:
        return data
    i = quotes[n % len(quotes)]
    return data[:i] + (b"'" if data[i:i + 1] == b'"' else b'"') + data[i + 1:]


ENCODINGS = ["utf-16", "utf-16-le", "utf-32", "cp1251", "koi8-r", "cp1254", "latin-1"]


def _reencode(data: bytes, n: int, _junk: bytes) -> bytes:
    encoding = ENCODINGS[n % len(ENCODINGS)]
    return data.decode("utf-8", errors="replace").encode(encoding, errors="replace")


def _crlf_some(data: bytes, n: int, _junk: bytes) -> bytes:
    return data.replace(b"\n", b"\r\n", 1 + n % 4)


def _huge_line(data: bytes, n: int, junk: bytes) -> bytes:
    lines = _lines(data)
    i = n % len(lines)
    lines[i] += (junk or b"x") * (50_000 // max(1, len(junk)))
    return b"\n".join(lines)


def _tab_indent(data: bytes, n: int, _junk: bytes) -> bytes:
    lines = _lines(data)
    i = n % len(lines)
    lines[i] = b"\t" + lines[i]
    return b"\n".join(lines)


#: Damage to one construct of a catalogue, an article, the glossary or pipeline.toml: a
#: pattern and what replaces one of its matches.
CONSTRUCTS: list[tuple[bytes, bytes]] = [
    (rb"^msgstr .*\n", b""), (rb"^msgid .*\n", b""), (rb"\A(?:.*\n)*?\n", b""),
    (rb"Plural-Forms: [^\\]*", b"Plural-Forms: nplurals=2; plural=n>1 ?;"),
    (rb"Plural-Forms: [^\\]*", b"Plural-Forms: banana"), (rb"Language: [^\\]*", b"Language: de"),
    (rb"charset=UTF-8", b"charset=CHARSET"), (rb'\\n"', b'\\"'), (rb'\\n"', b'\\q"'), (rb'"\n', b"\n"),
    (rb'msgstr "', b'msgstr[0] "'), (rb"\n\n", b"\n"),
    (rb"^(title|lang|description):", b"\t\\1:"), (rb": ", b': "'), (rb"^---$", b"..."),
    (rb",", b";"), (rb",", b",,"), (rb"\n", b"\nen,ru\n"),
    (rb"\]", b""), (rb'"pseudo"', b"3"), (rb"true", b'"true"'), (rb"\n", b"\nunknown_key = 1\n"),
    (rb'"en"', b"en"), (rb"\n", b'\nlanguages = "en"\n'), (rb"allow_machine", b"allow-machine"),
]


def _break_construct(data: bytes, n: int, junk: bytes) -> bytes:
    pattern, replacement = CONSTRUCTS[(junk[:1] or b"\0")[0] % len(CONSTRUCTS)]
    found = list(re.finditer(pattern, data, re.M))
    if not found:
        return data
    match = found[n % len(found)]
    new = replacement.replace(b"\\1", match.group(1)) if match.re.groups else replacement
    return data[:match.start()] + new + data[match.end():]


MUTATIONS: list[Mutation] = [_delete_line, _duplicate_line, _truncate, _insert_bytes, _insert_editor_junk,
                             _conflict, _swap_quotes, _reencode, _crlf_some, _huge_line, _tab_indent,
                             _break_construct, _break_construct]

damage = st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 1 << 16), st.binary(max_size=6)),
                  min_size=1, max_size=3)


# --------------------------------------------------------------------------- the promise

def _assert_no_traceback(result: Result, command: str) -> None:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{command} raised {result.exception!r}") from result.exception
    assert "Traceback" not in result.output, result.output


def _assert_errors_explained(result: Result) -> None:
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    hints = [line for line in result.stderr.splitlines() if line.startswith("  hint:")]
    assert len(hints) >= len(errors), result.stderr


def _translations(data: bytes, path: str) -> set[str]:
    catalogue = parse_po(data, path)
    return {text for message in catalogue.messages if message.msgid
            for text in [message.msgstr, *message.msgstr_plural.values()] if text}


def _assert_translations_kept(before: bytes, after: bytes, path: str) -> None:
    catalogue = parse_po(after, path)
    kept = {text for message in catalogue.messages for text in [message.msgstr, *message.msgstr_plural.values()]}
    comments = "\n".join(comment for message in catalogue.messages for comment in message.comments)
    lost = [text for text in _translations(before, path) if text not in kept and text not in comments]
    assert not lost, lost


def _slug(target: str) -> str | None:
    match = re.fullmatch(r"(?:source/(.+)\.md|locale/[^/]+/LC_MESSAGES/(.+)\.po)", target)
    return (match.group(1) or match.group(2)) if match else None


def _assert_others_processed(root: Path, target: str) -> None:
    for slug in ARTICLES:
        if slug == _slug(target) and target.endswith(".md"):
            continue
        for path in sorted((root / "locale").glob(f"*/LC_MESSAGES/{slug}.po")):
            name = path.relative_to(root).as_posix()
            assert name == target or ADDED.encode() in path.read_bytes(), f"{name} was not processed"


def _check_promise(root: Path, target: str, damaged: bytes) -> None:
    first = _run(root, *SYNC)
    _assert_no_traceback(first, "sync")
    _assert_errors_explained(first)
    named = target in first.stderr
    if first.exit_code != 0:
        assert re.search(r"^error: [^ ]+\.\w+(:\d+)?: ", first.stderr, re.M), first.stderr
    if first.exit_code != 0:
        assert named, first.stderr
    if named:
        if target != "pipeline.toml":
            assert re.search(re.escape(target) + r":\d+: ", first.stderr), first.stderr
        assert (root / target).read_bytes() == damaged
    elif target.endswith(".po") and first.exit_code == 0:
        _assert_translations_kept(damaged, (root / target).read_bytes(), target)
    if first.exit_code != 2:
        _assert_others_processed(root, target)
    after_first = _files(root)

    status = _run(root, "status")
    _assert_no_traceback(status, "status")
    if named:
        assert status.exit_code != 0 and target in status.stderr, status.stderr
    check = _run(root, "check")
    _assert_no_traceback(check, "check")
    _assert_errors_explained(check)

    second = _run(root, *SYNC)
    _assert_no_traceback(second, "sync")
    assert _files(root) == after_first


@settings(max_examples=35, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), mutations=damage)
def test_a_damaged_file_never_costs_a_traceback_a_translation_or_the_other_articles(
        valid_project: dict[str, bytes], data: st.DataObject, mutations: list[tuple[Mutation, int, bytes]]) -> None:
    target = data.draw(st.sampled_from(_targets(valid_project)), label="target")
    damaged = valid_project[target]
    for mutate, n, junk in mutations:
        damaged = mutate(damaged, n, junk)
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        root = Path(folder)
        for name, content in valid_project.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(content)
        (root / target).write_bytes(damaged)
        for slug in ARTICLES:
            if f"source/{slug}.md" != target:
                with (root / "source" / f"{slug}.md").open("ab") as article:
                    article.write(f"\n{ADDED}\n".encode())
        _check_promise(root, target, damaged)
