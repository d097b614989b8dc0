"""Hostile input through the real CLI: one bad file never harms the others, nor itself.

* A broken article (invalid YAML, duplicate keys, unclosed ``---``, not UTF-8, unknown
  ``lang:``) gives ``path:line: problem`` on stderr and a non-zero exit; the article, its
  catalogues and its published versions stay byte for byte as they were, and every other
  article is still processed.
* Nothing is ever written outside the project: an output pattern or folder with ``..`` or
  an absolute path is a configuration error, and a symlink in ``source/``, ``locale/`` or
  ``public/`` that points outside the project is refused.
* A malformed catalogue (conflict markers, unterminated string, duplicate msgid, and the
  catalogue engineer's ``tests/data/po/bad-*.po`` corpus when present) is reported with
  ``path:line``, left untouched, and the other languages and articles are processed.
* Translations that look like Markdown block syntax (``1.``, ``#``, ``-``, ``+``, ``>``, a
  ``|`` in a table cell) keep the source's block structure in the published article.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt

from pipeline.catalogue import parse_po, render_po
from pipeline.cli import cli

from .conftest import snapshot_tree, write_project

DATA = Path(__file__).resolve().parent / "data"
CONFIG = 'languages = ["en", "ru", "az"]\nsource_language = "en"\n'

GOOD = {
    "news/harbour": "---\ntitle: Harbour reopens\n---\n\nThe harbour reopened after repairs.\n",
    "news/school": "---\ntitle: New school year\n---\n\nClasses start on the fifteenth.\n",
}
VICTIM = "---\ntitle: Tram line extended\n---\n\nThe tram now reaches the airport.\n"


def _run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none", *args])


def _project(tmp_path: Path, config: str = CONFIG) -> Path:
    return write_project(tmp_path / "project", dict(GOOD, **{"news/tram": VICTIM}), config)


def _translate_all(root: Path, lang: str, slug: str, prefix: str) -> None:
    path = root / "locale" / lang / "LC_MESSAGES" / f"{slug}.po"
    catalogue = parse_po(path.read_bytes(), str(path))
    for message in catalogue.messages:
        message.msgstr = f"{prefix} {message.msgid}"
        message.fuzzy = False
    path.write_bytes(render_po(catalogue))


def _files_of(root: Path, slug: str) -> dict[str, bytes]:
    found = {}
    for path in [root / "source" / f"{slug}.md", root / "locale" / "templates" / f"{slug}.pot",
                 *(root / "locale").glob(f"*/LC_MESSAGES/{slug}.po"), *(root / "public").glob(f"*/{slug}.md")]:
        if path.exists():
            found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


def _touch_good_articles(root: Path) -> None:
    """Change every good article so a run that processes it must write."""
    for slug, text in GOOD.items():
        (root / "source" / f"{slug}.md").write_text(text + "\nA new closing line.\n", encoding="utf-8")


def _good_catalogues_updated(root: Path) -> None:
    for slug in GOOD:
        for lang in ("ru", "az"):
            po = (root / "locale" / lang / "LC_MESSAGES" / f"{slug}.po").read_bytes()
            assert b"A new closing line." in po, (slug, lang)


def _good_articles_processed(root: Path) -> None:
    for slug in GOOD:
        for lang in ("ru", "az"):
            po = (root / "locale" / lang / "LC_MESSAGES" / f"{slug}.po").read_bytes()
            assert b"A new closing line." in po, (slug, lang)
        assert b"A new closing line." in (root / "public" / "ru" / f"{slug}.md").read_bytes()


# --------------------------------------------------------------------------- broken articles

BROKEN_ARTICLES = {
    "invalid-yaml": (b"---\ntitle: Tram line extended\ndescription: [unclosed\n---\n\nBody.\n", 3,
                     "invalid front matter"),
    "duplicate-key": (b"---\ntitle: Tram line extended\nsummary: a\ntitle: again\n---\n\nBody.\n", 4,
                      "duplicate front-matter key"),
    "unclosed": (b"---\ntitle: Tram line extended\n\nThe tram now reaches the airport.\n", 1, "never closed"),
    "not-utf8": (b"---\ntitle: Tram line extended\n---\n\nThe tram \xe9tait extended.\n", 5, "UTF-8"),
    "unknown-lang": (b"---\ntitle: Tram line extended\nlang: xx\n---\n\nBody.\n", 3, "unknown language"),
    "not-a-mapping": (b"---\n- just\n- a list\n---\n\nBody.\n", 2, "mapping"),
    "emptied": (b"", 1, "the article is empty"),
    "lang-spelling": (b"---\ntitle: Tram line extended\nlang: EN\n---\n\nBody.\n", 3,
                      "not one of the project's languages"),
    "nul-byte": (b"---\ntitle: Tram line extended\n---\n\nThe tram\0 now reaches the airport.\n", 5,
                 "NUL byte"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_ARTICLES))
def test_a_broken_article_is_reported_and_left_alone(tmp_path: Path, name: str) -> None:
    raw, line, fragment = BROKEN_ARTICLES[name]
    root = _project(tmp_path, CONFIG + "[publish]\nallow_machine = false\n")
    assert _run(root).exit_code == 0
    _translate_all(root, "ru", "news/tram", "RU")
    for slug in GOOD:
        _translate_all(root, "ru", slug, "RU")
    assert _run(root).exit_code == 0
    (root / "source/news/tram.md").write_bytes(raw)
    _touch_good_articles(root)
    before = _files_of(root, "news/tram")
    assert "public/ru/news/tram.md" in before

    result = _run(root)
    assert result.exit_code != 0
    assert re.search(rf"source/news/tram\.md:{line}: .*{re.escape(fragment)}", result.stderr), result.stderr
    assert _files_of(root, "news/tram") == before
    for lang in ("ru", "az"):
        for slug in GOOD:
            po = (root / "locale" / lang / "LC_MESSAGES" / f"{slug}.po").read_bytes()
            assert b"A new closing line." in po
    for slug in GOOD:
        # ru was fully translated before: its new entry waits, the old version stays published.
        assert (root / "public" / "ru" / f"{slug}.md").exists()


def test_unknown_language_in_config_is_a_config_error_and_writes_nothing(tmp_path: Path) -> None:
    root = _project(tmp_path, 'languages = ["en", "ru", "zz-Klingon"]\n')
    before = snapshot_tree(root)
    result = _run(root)
    assert result.exit_code == 2
    assert "pipeline.toml" in result.stderr and "unknown language code" in result.stderr
    assert snapshot_tree(root) == before


def test_unknown_language_in_config_names_the_line(tmp_path: Path) -> None:
    root = _project(tmp_path, 'source_language = "en"\nlanguages = ["en", "ru", "zz-Klingon"]\n')
    result = _run(root)
    assert "pipeline.toml:2: " in result.stderr


# --------------------------------------------------------------------------- never outside the project

@pytest.mark.parametrize("setting", [
    'output = "../outside/{lang}/{slug}.md"',
    'output = "public/{lang}/../../../outside/{slug}.md"',
    'output = "/tmp/outside/{lang}/{slug}.md"',
    'output = "public/{lang}/{slug}.md/../../../../x"',
    'source_dir = "../source"',
    'locale_dir = "/etc/locale"',
    'locale_dir = "locale/../../elsewhere"',
])
def test_settings_that_point_outside_the_project_are_config_errors(tmp_path: Path, setting: str) -> None:
    root = _project(tmp_path, CONFIG + setting + "\n")
    before = snapshot_tree(tmp_path)
    result = _run(root)
    assert result.exit_code == 2, result.output
    assert "pipeline.toml" in result.stderr and "outside the project" in result.stderr
    assert snapshot_tree(tmp_path) == before


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: Secret memo\n---\n\nDo not publish this.\n", encoding="utf-8")
    return outside


def test_a_symlinked_article_pointing_outside_is_refused(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    root = _project(tmp_path)
    (root / "source" / "news" / "leak.md").symlink_to(outside / "secret.md")
    result = _run(root)
    assert result.exit_code == 1, result.output  # the article's error, not a configuration one
    assert "source/news/leak.md: not read: leads outside the project through a symbolic link" in result.stderr
    assert "replace the link with the file" in result.stderr  # not "relative to pipeline.toml", a setting's hint
    assert not (root / "locale/templates/news/leak.pot").exists()
    assert not list(root.glob("locale/*/LC_MESSAGES/news/leak.po")) and not list(root.glob("public/*/news/leak.md"))
    assert (root / "locale/templates/news/harbour.pot").exists()


def test_a_symlinked_source_folder_pointing_outside_is_not_read(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    root = _project(tmp_path)
    (root / "source" / "external").symlink_to(outside, target_is_directory=True)
    _run(root)
    assert not (root / "locale/templates/external").exists()
    assert b"Secret memo" not in b"".join(p.read_bytes() for p in (root / "locale").rglob("*") if p.is_file())


@pytest.mark.parametrize("where", ["catalogue-file", "language-folder", "public-folder"])
def test_a_symlink_in_locale_or_public_pointing_outside_is_refused(tmp_path: Path, where: str) -> None:
    outside = _outside(tmp_path)
    root = _project(tmp_path, 'languages = ["en", "ru"]\n')
    if where == "catalogue-file":
        target = outside / "tram.po"
        target.write_bytes(b'msgid ""\nmsgstr ""\n"Language: ru\\n"\n')
        link = root / "locale/ru/LC_MESSAGES/news/tram.po"
        link.parent.mkdir(parents=True)
        link.symlink_to(target)
    elif where == "language-folder":
        (root / "locale").mkdir()
        (root / "locale" / "ru").symlink_to(outside, target_is_directory=True)
    else:
        (root / "public").mkdir()
        (root / "public" / "ru").symlink_to(outside, target_is_directory=True)
        write_project(root, {"news/tram": "---\ntitle: T\n---\n"})  # nothing to translate: publishable
    before = {p.name: p.read_bytes() for p in outside.rglob("*") if p.is_file()}
    result = _run(root)
    after = {p.name: p.read_bytes() for p in outside.rglob("*") if p.is_file()}
    assert after == before, "a file outside the project was written"
    assert result.exit_code != 0
    assert "outside" in result.stderr or "symlink" in result.stderr.lower(), result.stderr
    assert (root / "locale/templates/news/harbour.pot").exists()


# --------------------------------------------------------------------------- malformed catalogues

def _own_bad_catalogues(valid: bytes) -> dict[str, tuple[bytes, int]]:
    lines = valid.decode("utf-8").split("\n")
    msgid_line = next(i for i, line in enumerate(lines) if line.startswith('msgid "The tram'))
    conflict = lines[:msgid_line + 1] + ["<<<<<<< HEAD", 'msgstr "Трамвай"', "=======",
                                         'msgstr "Трамвай идёт"', ">>>>>>> theirs"] + lines[msgid_line + 2:]
    unterminated = list(lines)
    unterminated[msgid_line + 1] = 'msgstr "Трамвай теперь доходит'
    duplicate = lines + ["", 'msgid "The tram now reaches the airport."', 'msgstr "Дубликат"', ""]
    return {
        "conflict-markers": ("\n".join(conflict).encode(), msgid_line + 2),
        "unterminated-string": ("\n".join(unterminated).encode(), msgid_line + 2),
        "duplicate-msgid": ("\n".join(duplicate).encode(), len(lines) + 2),
    }


CORPUS = sorted((DATA / "po").glob("bad-*.po")) if (DATA / "po").is_dir() else []
_EXPECTED_TOML = DATA / "po" / "expected.toml"
EXPECTED = tomllib.loads(_EXPECTED_TOML.read_text(encoding="utf-8")) if _EXPECTED_TOML.exists() else {}
OWN_BAD = ["conflict-markers", "unterminated-string", "duplicate-msgid"]


@pytest.mark.parametrize("name", OWN_BAD + [p.name for p in CORPUS])
def test_a_malformed_catalogue_is_reported_and_left_untouched(tmp_path: Path, name: str) -> None:
    root = _project(tmp_path)
    assert _run(root).exit_code == 0
    po = root / "locale/ru/LC_MESSAGES/news/tram.po"
    if name in OWN_BAD:
        data, line = _own_bad_catalogues(po.read_bytes())[name]
        where = rf"locale/ru/LC_MESSAGES/news/tram\.po:{line}: "
    else:
        data = (DATA / "po" / name).read_bytes()
        expected_line = EXPECTED.get(name, {}).get("line")
        line_pattern = str(expected_line) if expected_line else r"\d+"
        where = r"locale/ru/LC_MESSAGES/news/tram\.po:" + line_pattern + ": "
    po.write_bytes(data)
    _touch_good_articles(root)
    tram = root / "source/news/tram.md"
    tram.write_text(VICTIM + "\nA new closing line.\n", encoding="utf-8")
    result = _run(root)
    assert result.exit_code == 1, result.output
    assert re.search(where, result.stderr), result.stderr
    assert po.read_bytes() == data
    assert b"A new closing line." in (root / "locale/az/LC_MESSAGES/news/tram.po").read_bytes()
    for slug in GOOD:
        for lang in ("ru", "az"):
            assert b"A new closing line." in (root / "locale" / lang / "LC_MESSAGES" / f"{slug}.po").read_bytes()


# --------------------------------------------------------------------------- block-type safety

STRUCTURED = """---
title: Five things to know about the new tariff
---

# Five things to know

Prices change on the first of the month.

- Households pay less at night.
- Businesses pay a fixed fee.

1. Read the meter.
2. Send the reading online.

> The regulator approved the plan.

| Group | Change |
|-------|--------|
| Homes | lower |
| Shops | higher |

Questions go to the helpline.
"""

HOSTILE = {
    "Five things to know": "# Пять фактов #",
    "Prices change on the first of the month.": "1. Цены меняются первого числа.",
    "Households pay less at night.": "- Ночью дешевле.",
    "Businesses pay a fixed fee.": "+ Бизнес платит фикс.",
    "Read the meter.": "> Снимите показания.",
    "Send the reading online.": "2) Отправьте онлайн.",
    "The regulator approved the plan.": "# Регулятор одобрил\n- план\n> полностью",
    "Group": "Группа | класс",
    "Change": "Изменение |",
    "Homes": "| Дома",
    "lower": "ниже | меньше",
    "Shops": "Магазины",
    "higher": "выше",
    "Questions go to the helpline.": "---",
    "Five things to know about the new tariff": "- Пять: фактов # о тарифе",
}


def _blocks(text: str) -> list[tuple[str, int]]:
    md = MarkdownIt("commonmark").enable("table")
    return [(t.type, t.level) for t in md.parse(text) if t.type != "inline"]


def test_translations_that_look_like_markdown_keep_the_block_structure(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", {"tariff": STRUCTURED}, 'languages = ["en", "ru"]\n')
    assert _run(root).exit_code == 0
    po = root / "locale/ru/LC_MESSAGES/tariff.po"
    catalogue = parse_po(po.read_bytes())
    for message in catalogue.messages:
        message.msgstr = HOSTILE[message.msgid]
    po.write_bytes(render_po(catalogue))
    assert _run(root).exit_code == 0
    published = (root / "public/ru/tariff.md").read_text(encoding="utf-8")
    front, body = published.split("---\n", 2)[1:]
    source_body = STRUCTURED.split("---\n", 2)[2]
    assert _blocks(body) == _blocks(source_body)
    import yaml

    assert yaml.safe_load(front)["title"] == "- Пять: фактов # о тарифе"
    md = MarkdownIt("commonmark").enable("table")
    cells = [t.content for t in md.parse(body) if t.type == "inline"]
    # markdown-it unescapes ``\|`` in cell content: each translation is still one cell.
    for text in ("Группа | класс", "Изменение |", "| Дома", "ниже | меньше"):
        assert text in cells


def test_a_symlinked_output_folder_of_a_held_back_article_does_not_abort_the_run(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    root = write_project(tmp_path / "project", {
        "news/tram": VICTIM,  # untranslated: held back
        "world/port": "---\ntitle: Port\n---\n\nShips wait.\n",
    }, 'languages = ["en", "ru"]\n')
    assert _run(root).exit_code == 0
    _translate_all(root, "ru", "world/port", "RU")
    (root / "public" / "ru").mkdir(parents=True, exist_ok=True)
    (root / "public" / "ru" / "news").symlink_to(outside, target_is_directory=True)
    tram = root / "source" / "news" / "tram.md"  # changed, so it cannot be skipped as unchanged
    tram.write_text(VICTIM + "\nOne more line.\n", encoding="utf-8")
    result = _run(root)
    assert result.exit_code == 1, result.output
    assert "public/ru/news/tram.md" in result.stderr
    assert (root / "public/ru/world/port.md").exists(), "the other article was not published"
    assert sorted(p.name for p in outside.iterdir()) == ["secret.md"]


# --------------------------------------------------------------------------- unreadable paths

@pytest.mark.parametrize("which", ["catalogue", "template", "output"])
def test_a_folder_in_place_of_a_file_is_reported_and_the_rest_processed(tmp_path: Path, which: str) -> None:
    """A folder where a catalogue, template or published article belongs is a
    ``path: problem`` error with exit code 1, not a traceback; every other file is processed."""
    root = _project(tmp_path)
    assert _run(root).exit_code == 0
    _translate_all(root, "ru", "news/tram", "RU")
    assert _run(root).exit_code == 0
    rel = {"catalogue": "locale/ru/LC_MESSAGES/news/tram.po",
           "template": "locale/templates/news/tram.pot",
           "output": "public/ru/news/tram.md"}[which]
    (root / rel).unlink()
    (root / rel).mkdir()
    _touch_good_articles(root)
    (root / "source/news/tram.md").write_text(VICTIM.replace("title: Tram line extended",
                                                             "title: Tram line extended again"),
                                              encoding="utf-8")
    if which == "output":  # publishable, so the run must write there
        _translate_all(root, "ru", "news/tram", "RU")
        (root / "source/news/tram.md").write_text(VICTIM, encoding="utf-8")
    result = _run(root)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert f"{rel}: " in result.stderr and "folder" in result.stderr, result.stderr
    assert (root / rel).is_dir() and not any((root / rel).iterdir())
    _good_catalogues_updated(root)
    again = _run(root)  # still reported, never recorded as done
    assert again.exit_code == 1 and f"{rel}: " in again.stderr, again.output


@pytest.mark.parametrize("blocker", ["locale/templates/news", "locale/ru/LC_MESSAGES/news", "public/ru"])
def test_a_file_in_place_of_a_folder_is_named_with_what_to_do(tmp_path: Path, blocker: str) -> None:
    """A file where a folder of templates, catalogues or versions belongs (a 'news' file
    saved beside the folders) was 'cannot write this file: Not a directory' for every file
    below it, with a hint to check permissions and disk space; the error now names the file
    that stands in the way."""
    root = _project(tmp_path)
    assert _run(root).exit_code == 0
    _translate_all(root, "ru", "news/tram", "RU")
    assert _run(root).exit_code == 0
    shutil.rmtree(root / blocker)
    (root / blocker).write_text("a note\n", encoding="utf-8")
    if not blocker.startswith("public"):  # a changed article, whose template and catalogues are rewritten
        (root / "source/news/tram.md").write_text(VICTIM.replace("title: Tram line extended",
                                                                 "title: Tram line extended again"),
                                                  encoding="utf-8")
    result = _run(root)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert f"{blocker} is a file where a folder belongs" in result.stderr, result.stderr
    assert "disk has space" not in result.stderr, result.stderr
    assert (root / blocker).read_text(encoding="utf-8") == "a note\n"


def test_an_unreadable_catalogue_is_reported_and_the_rest_processed(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project(tmp_path)
    assert _run(root).exit_code == 0
    po = root / "locale/ru/LC_MESSAGES/news/tram.po"
    before = po.read_bytes()
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # chmod 000 does not stop root, so refuse here
        if self == po:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    _touch_good_articles(root)
    (root / "source/news/tram.md").write_text(VICTIM + "\nA new closing line.\n", encoding="utf-8")
    result = _run(root, "--jobs", "1")
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "locale/ru/LC_MESSAGES/news/tram.po: cannot read the catalogue: Permission denied" \
        in result.stderr, result.stderr
    monkeypatch.undo()
    assert po.read_bytes() == before
    assert b"A new closing line." in (root / "locale/az/LC_MESSAGES/news/tram.po").read_bytes()
    _good_catalogues_updated(root)


@pytest.mark.parametrize("locked", ["locale/ru/LC_MESSAGES/news/tram.po", "public/ru/news/tram.md"])
def test_a_read_only_catalogue_or_version_is_reported_and_left_alone(tmp_path: Path, locked: str) -> None:
    """A catalogue (or published version) made read-only (chmod 444, a desk's sign-off) was
    replaced by the atomic write's rename all the same: its permission was ignored. It is
    now reported with what to do and left byte for byte, on every run, and the rest is processed."""
    root = _project(tmp_path)
    assert _run(root).exit_code == 0
    _translate_all(root, "ru", "news/tram", "RU")
    assert _run(root).exit_code == 0
    path = root / locked
    path.chmod(0o444)
    before = path.read_bytes(), path.stat().st_ino
    if locked.startswith("locale"):  # a changed article: its catalogues are rewritten
        (root / "source/news/tram.md").write_text(VICTIM.replace("title: Tram line extended",
                                                                 "title: Tram line closed"), encoding="utf-8")
    else:  # a revised reviewed translation: its version is rewritten
        _translate_all(root, "ru", "news/tram", "RU2")
    _touch_good_articles(root)
    for _ in range(2):
        result = _run(root)
        assert result.exit_code == 1, result.output
        assert f"{locked}: the file is read-only" in result.stderr, result.stderr
        assert f"chmod u+w {locked}" in result.stderr
        assert (path.read_bytes(), path.stat().st_ino) == before
    _good_catalogues_updated(root)
    path.chmod(0o644)
    assert _run(root).exit_code == 0
    assert path.read_bytes() != before[0]
