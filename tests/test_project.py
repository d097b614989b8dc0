"""Reading articles for a project: an article emptied by a crash is not read as empty."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import load_config
from pipeline.errors import ArticleError
from pipeline.project import load_article

from .conftest import snapshot_tree, write_project

CONFIG = 'languages = ["en", "ru"]\nsource_language = "en"\n'


def _sync(root: Path) -> int:
    return CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"]).exit_code


@pytest.mark.parametrize("emptied", [b"", b"\n \n"])
def test_an_article_emptied_since_the_last_run_is_refused_and_nothing_changes(tmp_path: Path,
                                                                               emptied: bytes) -> None:
    """A crash or a full disk leaves a file empty: read as it is, every entry turned obsolete
    and an empty version was published over the reviewed one, with exit code 0."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram line extended\n---\n\nThe tram runs.\n"}, CONFIG)
    assert _sync(root) == 0
    (root / "source/news/tram.md").write_bytes(emptied)
    before = snapshot_tree(root)
    with pytest.raises(ArticleError, match="the article is empty, but its last version had 2 entries") as info:
        load_article(load_config(root), "source/news/tram.md", "news/tram")
    assert info.value.line == 1 and "locale/templates/news/tram.pot" in (info.value.hint or "")
    assert _sync(root) == 1
    assert snapshot_tree(root) == before


def test_an_article_that_was_always_empty_is_read_as_usual(tmp_path: Path) -> None:
    """A Hugo section's ``_index.md`` is often an empty file: it has nothing to translate."""
    root = write_project(tmp_path, {"news/_index": ""}, CONFIG)
    assert _sync(root) == 0
    assert _sync(root) == 0
    assert load_article(load_config(root), "source/news/_index.md", "news/_index").segments == ()


@pytest.mark.parametrize("config, source, published", [
    ('languages = ["en", "ru"]\n', "source/{slug}.md", "public/ru/{slug}.md"),
    ('languages = ["en", "ru"]\nsource_dir = "content"\noutput = "content/{slug}.{lang}.md"\n',
     "content/{slug}.md", "content/{slug}.ru.md"),
])
def test_a_published_version_no_article_makes_any_more_is_named_and_kept(
        tmp_path: Path, config: str, source: str, published: str) -> None:
    """A deleted article's translations stay online (only a person may take them down), so
    sync and status say so on every run; so does a version in what is now the article's own
    language. Versions of existing articles and the sources themselves are never named."""
    from pipeline.project import orphaned_versions

    root = tmp_path / "p"
    root.mkdir()
    (root / "pipeline.toml").write_text(config + "[publish]\nallow_machine = true\n", encoding="utf-8")
    for slug in ("news/kept", "news/gone", "moved"):
        path = root / source.format(slug=slug)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\ntitle: T\n---\n\nText of the article.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"]).exit_code == 0
    gone, moved = published.format(slug="news/gone"), published.format(slug="moved")
    assert (root / gone).exists() and (root / moved).exists()
    (root / source.format(slug="news/gone")).unlink()
    (root / source.format(slug="moved")).write_text("---\ntitle: T\nlang: ru\n---\n\nТекст.\n", encoding="utf-8")
    for command in (["sync", "--engine", "pseudo"], ["status"]):
        output = runner.invoke(cli, ["--project", str(root), *command]).output
        [line] = [line for line in output.splitlines() if "published version(s) no article makes" in line]
        assert line.strip().startswith("2 published version(s)") and gone in line and moved in line
    assert (root / gone).exists() and (root / moved).exists()
    found = orphaned_versions(load_config(root), [("news/kept", "en"), ("moved", "ru")])
    assert sorted(found) == sorted([gone, moved])


def test_an_article_whose_file_name_is_not_utf8_is_reported_and_the_rest_processed(tmp_path: Path) -> None:
    """A name in Latin-1 or CP1251 (unpacked from an old zip file) cannot be written into a
    catalogue's ``#:`` line: the whole sync stopped with a UnicodeEncodeError."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    odd = root / "source" / "news" / "caf\udce9.md"
    odd.write_bytes(b"---\ntitle: Cafe\n---\n\nCoffee.\n")
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "source/news/caf\\xe9.md: the file name is not valid UTF-8" in result.stderr, result.stderr
    assert (root / "locale/ru/LC_MESSAGES/news/tram.po").exists()
    assert not list((root / "locale" / "templates" / "news").glob("caf*"))


def test_a_catalogue_whose_file_name_is_not_utf8_does_not_stop_the_run(tmp_path: Path) -> None:
    """No article can have that name (see above), and recording it in the run state ended
    sync with a UnicodeEncodeError after all the work was done."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    assert _sync(root) == 0
    folder = root / "locale/ru/LC_MESSAGES/news"
    (folder / "caf\udce9.po").write_bytes((folder / "tram.po").read_bytes())
    for _ in range(2):
        result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
        assert result.exit_code == 0, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


@pytest.mark.parametrize(("name", "shown"), [("a\nb", "a\\nb"), ("a\rb", "a\\rb"), ("a\x1b[31mb", "a\\x1b[31mb")])
def test_an_article_whose_file_name_holds_a_control_character_is_reported(tmp_path: Path, name: str,
                                                                         shown: str) -> None:
    """A line break in the name split the template's header and ``#:`` line, so the pipeline
    wrote a template it then refused as malformed, with a hint to fix it in Poedit."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    (root / "source" / "news" / f"{name}.md").write_bytes(b"---\ntitle: Odd\n---\n\nOdd name.\n")
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    assert result.exit_code == 1, result.output
    assert f"source/news/{shown}.md: the file name holds a control character" in result.stderr, result.stderr
    assert "rename the file" in result.stderr
    assert (root / "locale/ru/LC_MESSAGES/news/tram.po").exists()
    assert sorted(p.name for p in (root / "locale" / "templates" / "news").iterdir()) == ["tram.pot"]


def test_an_article_whose_file_name_is_too_long_for_its_catalogues_is_refused_with_a_hint(tmp_path: Path) -> None:
    """A 240-letter name is a valid file name, but its template's temporary file
    (``.<name>.pot.<8 hex>.tmp``) is longer than the 255 bytes a file name may have: sync
    reported each template and catalogue as 'cannot write this file: File name too long'
    with a hint to check permissions and disk space, and status, check and review said
    nothing of it."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    name = "a" * 240
    (root / "source" / "news" / f"{name}.md").write_bytes(b"---\ntitle: Long\n---\n\nLong name.\n")
    for command in (["sync", "--engine", "none"], ["status"]):
        result = CliRunner().invoke(cli, ["--project", str(root), *command])
        assert result.exit_code == 1, result.output
        assert f"source/news/{name}.md: the file name is too long" in result.stderr, result.stderr
        assert "rename the file" in result.stderr
        assert "disk has space" not in result.stderr
    assert sorted(p.name for p in (root / "locale" / "templates" / "news").iterdir()) == ["tram.pot"]
    assert (root / "locale/ru/LC_MESSAGES/news/tram.po").exists()


@pytest.mark.parametrize(("name", "why"), [
    ("news/Tram", "differs from source/news/tram.md only in letter case"),
    ("News/tram", "differs from source/news/tram.md only in letter case"),
    ("news/cafe\u0301-tram", "is source/news/café-tram.md with its accented letters written as a letter "
                             "and a combining accent (NFD)")])
def test_an_article_whose_name_differs_from_anothers_only_in_case_or_normalisation_is_refused(
        tmp_path: Path, name: str, why: str) -> None:
    """``news/Tram.md`` beside ``news/tram.md`` (or café in NFD beside café in NFC) got its
    own template, catalogues and published versions, which a translator's Mac or Windows
    checkout (one file for both names) and a site's lower-cased URLs make one: each replaced
    the other's. The newcomer is now refused, and the article that has catalogues goes on."""
    old = "news/café-tram" if "cafe" in name else "news/tram"
    root = write_project(tmp_path, {old: "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    assert _sync(root) == 0
    catalogue = root / f"locale/ru/LC_MESSAGES/{old}.po"
    kept = catalogue.read_bytes()
    write_project(root, {name: "---\ntitle: Bus\n---\n\nThe bus runs.\n"})
    (root / f"source/{old}.md").write_text("---\ntitle: Tram\n---\n\nThe tram runs again.\n")
    for command in (["sync", "--engine", "none"], ["status"], ["check"], ["review"]):
        result = CliRunner().invoke(cli, ["--project", str(root), *command])
        assert result.exit_code == 1, (command, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert f"source/{name}.md: its name {why}" in result.stderr, result.stderr
        assert "rename" in result.stderr
    assert not (root / f"locale/templates/{name}.pot").exists()
    assert not (root / f"locale/ru/LC_MESSAGES/{name}.po").exists()
    assert b"The tram runs again." in catalogue.read_bytes() and catalogue.read_bytes() != kept


@pytest.mark.parametrize(("names", "kept"), [
    (("news/tram", "news/TRAM"), "news/tram"),
    (("news/Tram", "news/TRAM", "news/tRAM"), "news/TRAM"),
    (("news/Tram", "News/tram"), "News/tram")])
def test_of_new_articles_whose_names_differ_only_in_case_one_is_kept_the_same_every_run(
        tmp_path: Path, names: tuple[str, ...], kept: str) -> None:
    """Neither has catalogues yet: both were refused, which stopped the desk's work on both
    until someone renamed one. The lower-case one (a site's address names it), else the first
    in code-point order, is translated; the others are refused, naming it, on every run."""
    bodies = {name: f"---\ntitle: {name}\n---\n\nThe tram runs {i}.\n" for i, name in enumerate(names)}
    root = write_project(tmp_path, {**bodies, "news/bus": "---\ntitle: Bus\n---\n\nThe bus runs.\n"}, CONFIG)
    for _ in range(2):
        result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
        assert result.exit_code == 1, result.output
        for name in names:
            if name != kept:
                assert (f"source/{name}.md: its name differs from source/{kept}.md only in letter case"
                        in result.stderr), result.stderr
                assert f"only source/{kept}.md is translated" in result.stderr
        assert f"source/{kept}.md:" not in result.stderr
        templates = sorted(p.relative_to(root / "locale/templates").as_posix()
                           for p in (root / "locale/templates").rglob("*.pot"))
        assert templates == sorted([f"{kept}.pot", "news/bus.pot"])


def test_a_published_version_in_the_source_folder_is_not_read_as_an_article(tmp_path: Path) -> None:
    """With versions beside the articles (Hugo's ``{slug}.{lang}.md``), taking a language out
    of ``languages`` made its versions no longer the output's: each was read as a new article
    (``news/tram.az``), translated into the other languages and published as such. A file
    whose front matter has the ``translation_of:`` sync writes is a version, never an article."""
    config = 'languages = ["en", "ru", "az"]\noutput = "source/{slug}.{lang}.md"\n'
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, config)
    assert _sync(root) == 0
    for lang in ("ru", "az"):
        po = root / f"locale/{lang}/LC_MESSAGES/news/tram.po"
        po.write_text(po.read_text(encoding="utf-8").replace('msgstr ""\n\n', 'msgstr "X"\n\n')
                      .replace('msgstr ""\n#', 'msgstr "X"\n#').rstrip("\n").removesuffix('msgstr ""') + 'msgstr "X"\n',
                      encoding="utf-8")
    assert _sync(root) == 0
    assert (root / "source/news/tram.az.md").exists()
    (root / "pipeline.toml").write_text(config.replace(', "az"', ""), encoding="utf-8")
    for command in (["sync", "--engine", "none"], ["status"]):
        result = CliRunner().invoke(cli, ["--project", str(root), *command])
        assert result.exit_code == 0, (command, result.output)
        assert "source/news/tram.az.md" in result.output  # a version no article makes any more
    assert sorted(p.name for p in (root / "locale/templates/news").iterdir()) == ["tram.pot"]
    assert not list(root.glob("source/news/tram.az.*.md"))
    shutil.rmtree(root / "locale/az")  # its catalogues deleted too: the version is refused, not read
    (root / "source/news/copy.md").write_bytes((root / "source/news/tram.ru.md").read_bytes())
    for command in (["sync", "--engine", "none"], ["status"]):
        result = CliRunner().invoke(cli, ["--project", str(root), *command])
        assert result.exit_code == 1, (command, result.output)
        for rel in ("source/news/tram.az.md", "source/news/copy.md"):
            assert f"{rel}:4: a version pipeline published (translation_of: news/tram)" in result.stderr, \
                result.stderr
    assert sorted(p.name for p in (root / "locale/templates/news").iterdir()) == ["tram.pot"]


@pytest.mark.parametrize("name", ["bus.MD", "bus.Md"])
def test_an_article_named_in_upper_case_md_is_reported_not_skipped_without_a_word(tmp_path: Path, name: str) -> None:
    """Only ``*.md`` files are articles: one saved as ``.MD`` (a Windows tool's upper case,
    which Hugo publishes as Markdown) was never translated, and no command said so (exit code 0)."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    (root / "source/news" / name).write_text("---\ntitle: Bus\n---\n\nThe bus runs.\n", encoding="utf-8")
    (root / "source/news/photo.jpg").write_bytes(b"\xff\xd8")
    (root / "source/news/draft.markdown").write_text("Not an article here.\n", encoding="utf-8")
    for command in (["sync", "--engine", "none"], ["status"], ["check"], ["review"]):
        result = CliRunner().invoke(cli, ["--project", str(root), *command])
        assert result.exit_code == 1, (command, result.output)
        assert f"source/news/{name}: not read: only files whose names end in .md (in lower case) are " \
               "articles" in result.stderr, result.stderr
        assert "photo.jpg" not in result.stderr
    assert sorted(p.name for p in (root / "locale/templates/news").iterdir()) == ["tram.pot"]


@pytest.mark.parametrize("name", ["tram.PO", "tram.Po"])
def test_a_catalogue_named_in_upper_case_po_is_reported_not_skipped_without_a_word(tmp_path: Path,
                                                                                   name: str) -> None:
    """Regression: a catalogue saved as ``tram.PO`` (a Windows tool's upper case, one file
    with ``tram.po`` there but two on the server) was never read, and sync made a new,
    untranslated ``tram.po`` beside it: the translator's work lay unused and no command said
    so (exit code 0). It is named, with where its translations belong."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    folder = root / "locale/ru/LC_MESSAGES/news"
    folder.mkdir(parents=True)
    (folder / name).write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "The tram runs."\n'
                               'msgstr "Трамвай идёт."\n', encoding="utf-8")
    (folder / "tram.pot").write_text("", encoding="utf-8")  # not a catalogue either, nor misnamed
    for command in (["sync", "--engine", "none"], ["status"], ["check"], ["review"]):
        result = CliRunner().invoke(cli, ["--project", str(root), *command])
        assert result.exit_code == 1, (command, result.output)
        assert f"locale/ru/LC_MESSAGES/news/{name}: not read: only files whose names end in .po (in lower " \
               "case) are catalogues" in result.stderr, result.stderr
        assert "tram.pot" not in result.stderr
    result = CliRunner().invoke(cli, ["--project", str(root), "status"])
    assert "msgcat --use-first locale/ru/LC_MESSAGES/news/" + name in result.stderr, result.stderr
    (folder / "tram.po").unlink()
    result = CliRunner().invoke(cli, ["--project", str(root), "status"])
    assert "rename it to tram.po" in result.stderr, result.stderr


@pytest.mark.parametrize(("stray", "hint"), [
    ("locale/ru/news/tram.po", "move it to locale/ru/LC_MESSAGES/news/tram.po to have it read"),
    ("locale/tram.ru.po", "move it to locale/<lang>/LC_MESSAGES/<slug>.po (its language's folder"),
    ("locale/de/tram.po", "move it to locale/<lang>/LC_MESSAGES/<slug>.po (its language's folder"),
])
def test_a_catalogue_outside_every_lc_messages_folder_is_reported_not_skipped_without_a_word(
        tmp_path: Path, stray: str, hint: str) -> None:
    """Regression: a catalogue a translator saved in the language's folder but not in its
    LC_MESSAGES (or named as another tool names them, locale/tram.ru.po) was never read:
    sync made a new, untranslated catalogue where it looks, and no command said so (exit
    code 0). It is named, with where it belongs; a .pot file and the templates are no error."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    (root / stray).parent.mkdir(parents=True, exist_ok=True)
    (root / stray).write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "The tram runs."\n'
                              'msgstr "Трамвай идёт."\n', encoding="utf-8")
    (root / stray).with_suffix(".pot").write_text("", encoding="utf-8")
    for command in (["sync", "--engine", "none"], ["status"], ["check"], ["review"]):
        result = CliRunner().invoke(cli, ["--project", str(root), *command])
        assert result.exit_code == 1, (command, result.output)
        assert f"{stray}: not read: catalogues are read only at locale/<lang>/LC_MESSAGES/<slug>.po" \
            in result.stderr, result.stderr
        assert ".pot" not in result.stderr, result.stderr
        if command[0] == "sync":  # the first: nothing is where it belongs yet
            assert hint in result.stderr, result.stderr
            if not stray.startswith("locale/ru/"):  # no article's catalogue: perhaps one kept on purpose
                assert "a compendium or an archive kept on purpose belongs outside locale/" in result.stderr
    if stray.startswith("locale/ru/"):  # now sync has made the catalogue it reads: carry the work into it
        result = CliRunner().invoke(cli, ["--project", str(root), "status"])
        assert f"msgcat --use-first {stray} locale/ru/LC_MESSAGES/news/tram.po" in result.stderr, result.stderr


def test_the_catalogues_and_templates_where_they_belong_are_no_stray_ones(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    assert _sync(root) == 0
    (root / "locale/ru/LC_MESSAGES/.hidden.po").write_text("", encoding="utf-8")
    assert _sync(root) == 0


@pytest.mark.parametrize("name", ["bus.markdown", "bus.mdown", "bus.Markdown", "bus.mkd", "bus.mkdn", "bus.mkdown"])
def test_an_article_named_markdown_or_mdown_is_reported_not_skipped_without_a_word(tmp_path: Path,
                                                                                  name: str) -> None:
    """Regression: Hugo and Jekyll publish ``.markdown`` and ``.mdown`` files as Markdown, but
    only ``*.md`` files are articles: such an article was published untranslated in every
    language, and no command said so (exit code 0)."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    (root / "source/news" / name).write_text("---\ntitle: Bus\n---\n\nThe bus runs.\n", encoding="utf-8")
    (root / "source/news/notes.txt").write_text("Not an article.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    assert result.exit_code == 1, result.output
    assert f"source/news/{name}: not read: only files whose names end in .md (in lower case) are " \
           "articles" in result.stderr, result.stderr
    assert "rename it to bus.md" in result.stderr and "notes.txt" not in result.stderr
    assert sorted(p.name for p in (root / "locale/templates/news").iterdir()) == ["tram.pot"]


@pytest.mark.parametrize("command", [["sync", "--engine", "none"], ["status"]])
def test_a_link_to_a_folder_of_articles_outside_the_source_folder_is_named_not_skipped_silently(
        tmp_path: Path, command: list[str]) -> None:
    """Regression: a symbolic link to a folder of articles outside the source folder (a desk's
    shared folder, linked in) is not followed, so none is read twice or from outside the
    project; but its articles were never translated and no command said so. A link inside the
    source folder (its articles read where they are) and one to a folder of pictures are no
    error."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    shared = tmp_path / "shared" / "partners"
    shared.mkdir(parents=True)
    (shared / "bus.md").write_text("---\ntitle: Bus\n---\n\nThe bus runs.\n", encoding="utf-8")
    (root / "pictures").mkdir()
    (root / "pictures" / "tram.jpg").write_bytes(b"\xff\xd8")
    (root / "source/partners").symlink_to(shared, target_is_directory=True)
    (root / "source/news/pictures").symlink_to(root / "pictures", target_is_directory=True)
    (root / "source/latest").symlink_to(root / "source/news", target_is_directory=True)
    (root / "source/news/all").symlink_to(root / "source", target_is_directory=True)  # a loop
    result = CliRunner().invoke(cli, ["--project", str(root), *command])
    assert result.exit_code == 1, result.output
    assert "source/partners: not read: a link to a folder outside source/" in result.stderr, result.stderr
    assert "pictures" not in result.stderr and "latest" not in result.stderr and "all" not in result.stderr
    if command[0] == "sync":
        assert sorted(p.name for p in (root / "locale/templates").rglob("*.pot")) == ["tram.pot"]


@pytest.mark.parametrize("where", ["source/news/pipe.md", "locale/ru/LC_MESSAGES/news/tram.po"])
def test_a_named_pipe_in_place_of_a_file_is_reported_not_waited_on(tmp_path: Path, where: str) -> None:
    """Reading a named pipe waits until something writes to it: sync hung, silently, for ever."""
    import os
    import signal

    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError("sync waited on the named pipe")

    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n",
                                    "news/bus": "---\ntitle: Bus\n---\n\nThe bus runs.\n"}, CONFIG)
    assert _sync(root) == 0
    if (root / where).exists():
        (root / where).unlink()
    os.mkfifo(root / where)
    (root / "source/news/bus.md").write_text("---\ntitle: Bus\n---\n\nThe bus runs late.\n", encoding="utf-8")
    (root / "source/news/tram.md").write_text("---\ntitle: Tram\n---\n\nThe tram runs late.\n", encoding="utf-8")
    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(20)
    try:
        result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none", "--jobs", "1"])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert result.exit_code == 1, result.output
    assert f"{where}: cannot read" in result.stderr and "named pipe" in result.stderr, result.stderr
    assert b"runs late" in (root / "locale/ru/LC_MESSAGES/news/bus.po").read_bytes()


def test_an_article_that_cannot_be_read_is_reported_with_a_hint(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    (root / "source/news/gone.md").symlink_to(root / "source/news/nothing.md")
    (root / "source/news/folder.md").mkdir()
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    assert result.exit_code == 1, result.output
    for rel in ("source/news/gone.md", "source/news/folder.md"):
        error = next(line for line in result.stderr.splitlines() if rel in line)
        assert "cannot read" in error
        hint = result.stderr.splitlines()[result.stderr.splitlines().index(error) + 1]
        assert "hint:" in hint and "rename or delete" in hint, result.stderr


@pytest.mark.parametrize("command", ["sync", "status", "check", "review"])
def test_a_source_folder_that_cannot_be_read_is_reported_not_taken_for_deleted_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """Regression: a folder under source/ without read permission was skipped without a word:
    sync said its articles' catalogues were used by no article (renamed or deleted?) and
    exited 0. The folder is now an error naming it (exit code 1); the other articles are processed."""
    import os

    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n",
                                    "locked/bay": "---\ntitle: Bay\n---\n\nThe bay froze.\n"}, CONFIG)
    runner = CliRunner()
    assert runner.invoke(cli, ["--project", str(root), "sync", "--engine", "none"]).exit_code == 0
    (root / "source/news/tram.md").write_text("---\ntitle: Tram\n---\n\nThe tram runs late.\n", encoding="utf-8")
    locked = str(root / "source" / "locked")
    real = os.scandir

    def scandir(path=".", *args, **kwargs):  # type: ignore[no-untyped-def]  # chmod 000 does not stop root
        if os.fspath(path).rstrip("/") == locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    args = [command, "--engine", "none"] if command == "sync" else [command]
    result = runner.invoke(cli, ["--project", str(root), *args])
    assert result.exit_code == 1, result.output
    assert "source/locked: cannot read this folder: Permission denied" in result.stderr, result.stderr
    if command == "sync":
        assert "late" in (root / "locale/templates/news/tram.pot").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["sync", "status"])
def test_a_folder_whose_path_is_too_long_for_the_system_is_named_and_the_rest_processed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """Regression: folders nested past the system's limit on a path (4,096 bytes) stopped
    the whole run at the first listing ('File name too long', with a hint about permissions
    and disk space): no article was processed. The folder is named, with what to do."""
    import os

    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    monkeypatch.chdir(root / "source")
    for depth in range(45):  # made one step at a time: the whole path is too long to name
        os.mkdir(f"{'archive' * 14}{depth}")
        os.chdir(f"{'archive' * 14}{depth}")
    Path("deep.md").write_text("---\ntitle: Deep\n---\n\nDeep text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = [command, "--engine", "none"] if command == "sync" else [command]
    result = CliRunner().invoke(cli, ["--project", str(root), *args])
    assert result.exit_code == 1, result.output
    assert "cannot read this folder: File name too long" in result.stderr, result.stderr
    assert "move them to a folder with a shorter path" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if command == "sync":
        assert (root / "locale/templates/news/tram.pot").is_file()
    else:
        assert "news/tram" in result.stdout


@pytest.mark.parametrize("output, kept, gone", [
    ("public/{lang}/{slug}.{lang}.md", "public/ru/kept.ru.md", "public/ru/gone.ru.md"),
    ("public/{slug}/{lang}/{slug}.md", "public/kept/ru/kept.md", "public/gone/ru/gone.md"),
])
def test_an_output_pattern_naming_a_field_twice_finds_its_versions(tmp_path: Path, output: str, kept: str,
                                                                  gone: str) -> None:
    """config accepts {lang} or {slug} twice; the versions' pattern defined the group twice,
    and every sync and status ended with re.error's traceback."""
    from pipeline.project import orphaned_versions

    root = write_project(tmp_path, {"kept": "Text.\n"},
                         f'languages = ["en", "ru"]\noutput = "{output}"\n')
    for rel in (kept, gone, "public/ru/other/x.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("---\ntranslation_of: x\n---\nText.\n", encoding="utf-8")
    assert orphaned_versions(load_config(root), [("kept", "en")]) == [gone]
    output_lines = CliRunner().invoke(cli, ["--project", str(root), "status"]).output
    assert gone in output_lines and kept not in output_lines.split("no article makes")[-1]


def test_listing_published_versions_skips_a_big_trees_other_files_cheaply(tmp_path: Path) -> None:
    """Every sync and status lists the published versions; with the output at the project's
    root ({lang}/{slug}.md) that walks the site's pictures too, and each file's path was built
    and matched: 100 000 pictures added a second to a sync that had nothing to do."""
    import os
    import time

    from pipeline.project import published_versions

    root = write_project(tmp_path, {"a": "Text.\n"}, 'languages = ["en", "ru"]\noutput = "{lang}/{slug}.md"\n')
    for folder in range(60):
        (root / "static" / str(folder)).mkdir(parents=True)
        for name in range(500):
            (root / "static" / str(folder) / f"{name}.jpg").touch()
    (root / "ru").mkdir()
    (root / "ru" / "a.md").write_text("Text.\n", encoding="utf-8")
    config = load_config(root)
    started = time.perf_counter()
    walked = sum(len(files) for _, _, files in os.walk(root))
    walking = time.perf_counter() - started
    started = time.perf_counter()
    assert published_versions(config) == [("ru", "a", "ru/a.md")]
    assert walked > 30000 and time.perf_counter() - started < 5 * walking + 0.05


def test_a_page_written_by_hand_where_the_versions_go_is_no_orphaned_version(tmp_path: Path) -> None:
    """Hugo's section page (content/ru/_index.md) or a page translated by hand matches the
    output pattern, but no sync wrote it: it was named on every run as a published version
    no article makes any more, with the advice to delete it."""
    from pipeline.project import orphaned_versions

    root = write_project(tmp_path, {"kept": "---\ntitle: T\n---\n\nText.\n", "gone": "Text.\n"},
                         'languages = ["en", "ru"]\noutput = "content/{lang}/{slug}.md"\n'
                         '[publish]\nallow_machine = true\n')
    assert CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"]).exit_code == 0
    (root / "source" / "gone.md").unlink()
    for rel, text in (("content/ru/_index.md", "---\ntitle: Новости\n---\n"),
                      ("content/ru/about.md", "О нас.\n"),
                      ("content/ru/notes.md", "---\ntitle: x\n---\ntranslation_of: is text here\n")):
        (root / rel).write_text(text, encoding="utf-8")
    assert orphaned_versions(load_config(root), [("kept", "en")]) == ["content/ru/gone.md"]


def test_hugo_s_folder_per_language_reads_the_sources_where_the_source_language_s_versions_go(
        tmp_path: Path) -> None:
    """``source_dir = "content/en"`` with ``output = "content/{lang}/{slug}.md"``: the pattern
    names every English source as its own English version. Those are the articles (they were
    left out as versions: "no article"); an article there in another language would have its
    English version written over itself, which sync refuses, writing nothing over it."""
    root = tmp_path / "p"
    (root / "content/en/news").mkdir(parents=True)
    (root / "pipeline.toml").write_text('languages = ["en", "ru"]\nsource_dir = "content/en"\n'
                                        'output = "content/{lang}/{slug}.md"\n[publish]\nallow_machine = true\n',
                                        encoding="utf-8")
    (root / "content/en/news/a.md").write_text("---\ntitle: A\n---\n\nText of a.\n", encoding="utf-8")
    russian = "---\ntitle: Б\nlang: ru\n---\n\nТекст.\n"
    (root / "content/en/b.md").write_text(russian, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"])
    assert "published news/a (ru) → content/ru/news/a.md" in result.output
    assert result.exit_code == 1 and "content/en/b.md:3: this article is in ru, but the output pattern puts " \
        "the en versions here: its en version would be written over it" in result.output
    assert "if it is in en, set lang: en; if it is in ru, it cannot be a source here" in result.output
    assert (root / "content/en/b.md").read_text(encoding="utf-8") == russian
    # Regression: the refused article still got a template and catalogues, which no version
    # could ever be published from.
    assert not (root / "locale/templates/b.pot").exists() and not (root / "locale/en").exists()
    again = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"])
    assert again.exit_code == 1 and "content/en/b.md:3: this article is in ru" in again.output
    assert "nothing changed" in again.output
    status = CliRunner().invoke(cli, ["--project", str(root), "status"]).output
    assert [(line.split()[0], line.split()[-1]) for line in status.splitlines()[1:2]] == [("news/a", "yes")]
    assert "content/en/b.md:3: this article is in ru" in status


@pytest.mark.parametrize("link, target", [
    ("locale/ru/LC_MESSAGES/news/tram.po", "old-tram.po"),  # the catalogue itself
    ("locale/ru", "../shared/ru"),  # its language folder: a submodule not checked out
])
def test_a_dangling_symlink_where_a_catalogue_belongs_is_reported_not_written_through(
        tmp_path: Path, link: str, target: str) -> None:
    """Regression: a symlink leading nowhere inside the project, where a catalogue belongs,
    was read as 'no catalogue yet' and a fresh one was written through it (its target
    created), while the translations it should lead to were missing. It is reported like
    one leading outside the project; the rest is processed."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n",
                                    "news/bus": "---\ntitle: Bus\n---\n\nThe bus runs.\n"}, CONFIG)
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    (root / link).symlink_to(target)
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    assert result.exit_code == 1, result.output
    assert "symbolic link" in result.stderr and target in result.stderr, result.stderr
    assert not (root / link).resolve().exists() and (root / link).is_symlink()
    if link.endswith(".po"):
        assert (root / "locale/ru/LC_MESSAGES/news/bus.po").exists()


@pytest.mark.parametrize("declared, refused", [("az", True), ("en_US", True), ("ru_RU", False),
                                               ("ru-RU", False), ("", False)])
def test_a_catalogue_declaring_another_language_than_its_folder_is_refused(
        tmp_path: Path, declared: str, refused: bool) -> None:
    """Regression: a catalogue copied into the wrong language folder (Language: az under
    locale/ru/) was silently relabelled 'Language: ru', and its reviewed Azerbaijani
    translations were published as the Russian version. Another spelling of the folder's
    language (ru_RU, as Poedit writes it) is the same language."""
    config = 'languages = ["en", "ru", "az"]\nsource_language = "en"\n'
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, config)
    assert _sync(root) == 0
    po = root / "locale/ru/LC_MESSAGES/news/tram.po"
    po.write_bytes(po.read_bytes().replace(b'"Language: ru\\n"', f'"Language: {declared}\\n"'.encode()))
    before = po.read_bytes()
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    if not refused:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    line = before.decode().split("\n").index(f'"Language: {declared}\\n"') + 1
    assert f"locale/ru/LC_MESSAGES/news/tram.po:{line}: " in result.stderr, result.stderr
    assert f"Language: {declared}" in result.stderr and "locale/ru/" in result.stderr
    assert po.read_bytes() == before
    assert (root / "locale/az/LC_MESSAGES/news/tram.po").exists()


@pytest.mark.parametrize("link, target", [
    ("locale/ru/LC_MESSAGES/news/tram.po", "bus.po"),  # another article's catalogue
    ("locale/ru", "az"),  # another language's folder
])
def test_a_catalogue_linked_to_another_catalogue_is_refused(tmp_path: Path, link: str, target: str) -> None:
    """Regression: a symlink making two catalogues one file (tram.po -> bus.po, or
    locale/ru -> az) had every sync rewrite the file for one and then the other, turning
    each article's entries obsolete in turn, forever. A link to a file elsewhere in the
    project (a shared folder) is still read and written through."""
    config = 'languages = ["en", "ru", "az"]\nsource_language = "en"\n'
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n",
                                    "news/bus": "---\ntitle: Bus\n---\n\nThe bus runs.\n"}, config)
    assert _sync(root) == 0
    path = root / link
    if path.is_dir():
        import shutil
        shutil.rmtree(path)
    else:
        path.unlink()
    path.symlink_to(target)
    before = snapshot_tree(root)
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    assert result.exit_code == 1, result.output
    assert "another catalogue" in result.stderr, result.stderr
    assert snapshot_tree(root) == before
    assert _sync(root) == 1 and snapshot_tree(root) == before


def test_a_catalogue_linked_to_a_shared_folder_is_read_and_written_through(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    (root / "shared/ru").mkdir(parents=True)
    (root / "locale").mkdir()
    (root / "locale/ru").symlink_to("../shared/ru")
    assert _sync(root) == 0
    assert (root / "shared/ru/LC_MESSAGES/news/tram.po").is_file()
    assert _sync(root) == 0



def test_an_article_in_another_language_in_hugo_s_folder_per_language_is_refused_at_its_lang_line_only(
        tmp_path: Path) -> None:
    """Without front matter the article is in the source language (no line to name), and a
    ``lang:`` line in its body is text, not the key."""
    root = tmp_path / "p"
    (root / "content/en").mkdir(parents=True)
    (root / "pipeline.toml").write_text('languages = ["en", "ru"]\nsource_language = "ru"\nsource_dir = "content/en"\n'
                                        'output = "content/{lang}/{slug}.md"\n', encoding="utf-8")
    (root / "content/en/b.md").write_text("Текст.\n\nlang: ru\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="this article is in ru") as info:
        load_article(load_config(root), "content/en/b.md", "b")
    assert info.value.line in (0, None)


def test_the_catalogues_and_versions_of_a_language_taken_out_of_pipeline_toml_are_named_and_come_back(
        tmp_path: Path) -> None:
    """Regression: with ``az`` taken out of ``languages``, its reviewed catalogues and its
    published versions (still online, never updated again) were named by neither sync nor
    status, unlike a renamed article's. Put back, the translations are used again."""
    import json

    from pipeline.catalogue import parse_po, render_po

    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram line extended\n---\n\nThe tram runs.\n"},
                         'languages = ["en", "ru", "az"]\n')
    assert _sync(root) == 0
    path = root / "locale/az/LC_MESSAGES/news/tram.po"
    catalogue = parse_po(path.read_bytes())
    for message in catalogue.active:
        message.msgstr = "AZ " + message.msgid
    path.write_bytes(render_po(catalogue))
    assert _sync(root) == 0 and (root / "public/az/news/tram.md").exists()
    (root / "pipeline.toml").write_text('languages = ["en", "ru"]\n', encoding="utf-8")
    runner = CliRunner()
    synced = json.loads(runner.invoke(cli, ["--project", str(root), "sync", "--engine", "none", "--json"]).output)
    status = json.loads(runner.invoke(cli, ["--project", str(root), "status", "--json"]).output)
    for report in (synced, status):
        assert report["orphaned_catalogues"] == ["locale/az/LC_MESSAGES/news/tram.po"]
        assert report["orphaned_versions"] == ["public/az/news/tram.md"]
    text = runner.invoke(cli, ["--project", str(root), "status"]).output
    assert "1 catalogue(s) no article uses (renamed or deleted, its lang: changed, or its language " \
           "taken out of pipeline.toml?): locale/az/LC_MESSAGES/news/tram.po" in text
    (root / "pipeline.toml").write_text('languages = ["en", "ru", "az"]\n', encoding="utf-8")
    synced = json.loads(runner.invoke(cli, ["--project", str(root), "sync", "--engine", "none", "--json"]).output)
    assert synced["orphaned_catalogues"] == synced["orphaned_versions"] == [] and not synced["written"]
    rows = json.loads(runner.invoke(cli, ["--project", str(root), "status", "--json"]).output)["catalogues"]
    assert [(r["lang"], r["reviewed"], r["published"]) for r in rows if r["lang"] == "az"] == [("az", 2, True)]


@pytest.mark.parametrize("subfolder", ["source", "source/news", "locale/ru/LC_MESSAGES"])
def test_a_command_run_in_a_subfolder_of_the_project_names_the_project_and_writes_nothing(
        tmp_path: Path, subfolder: str) -> None:
    """Run from ``source/`` (where an editor works), sync said to create a source folder
    there, as for a new project; it now names the project to run it in."""
    root = write_project(tmp_path / "p", {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    assert _sync(root) == 0
    before = snapshot_tree(root)
    for command in (["sync"], ["status"]):
        result = CliRunner().invoke(cli, ["--project", str(root / subfolder), *command])
        assert result.exit_code == 2
        assert f"this folder is inside the project {root.resolve()}: run the command there, or name it " \
               f"with --project {'/'.join(['..'] * len(subfolder.split('/')))}" in " ".join(result.output.split())
    assert snapshot_tree(root) == before and not (root / subfolder / ".pipeline").exists()


def test_a_version_published_from_a_flow_mapping_front_matter_is_named_when_its_article_goes(
        tmp_path: Path) -> None:
    """Regression: sync writes ``translation_of`` inside the braces of a flow-mapping front
    matter (``{title: …, translation_of: a}``), where the test for a version sync wrote
    (the key at the start of a line) never found it: the version of a deleted article was
    taken for a page written by hand and never named."""
    from pipeline.project import orphaned_versions

    root = write_project(tmp_path, {"kept": "Text.\n"}, CONFIG)
    gone = root / "public/ru/gone.md"
    gone.parent.mkdir(parents=True)
    gone.write_text("---\n{title: Порт, lang: ru,\n  translation_of: gone}\n---\n\nТекст.\n", encoding="utf-8")
    (root / "public/ru/about.md").write_text("---\n{title: О нас}\n---\n\nТекст.\n", encoding="utf-8")
    assert orphaned_versions(load_config(root), [("kept", "en")]) == ["public/ru/gone.md"]


def test_a_page_written_by_hand_in_a_versions_place_is_shown_as_such_not_as_stale(tmp_path: Path) -> None:
    """Regression: a page written by hand where a version goes (the pipeline never replaces
    it) was shown as ``stale`` by ``status`` and "the published version is stale and was
    kept" by ``sync``, as if an older version of the pipeline's stood there: the desk was
    not told it is a person's page, nor what to do about it."""
    import json

    root = write_project(tmp_path, {"a": "---\ntitle: Port grows\n---\n\nThe port grows.\n",
                                    "b": "---\ntitle: Tram runs\n---\n\nThe tram runs.\n"}, CONFIG)
    assert _sync(root) == 0
    (root / "public/ru").mkdir(parents=True)
    for slug in ("a", "b"):
        (root / f"public/ru/{slug}.md").write_text("---\ntitle: Вручную\n---\n\nТекст.\n", encoding="utf-8")
    reviewed = root / "locale/ru/LC_MESSAGES/b.po"  # b's version is ready, a's is held back
    text = reviewed.read_text(encoding="utf-8")
    reviewed.write_text(text.replace('msgid "Tram runs"\nmsgstr ""', 'msgid "Tram runs"\nmsgstr "Трамвай"')
                        .replace('msgid "The tram runs."\nmsgstr ""', 'msgid "The tram runs."\nmsgstr "Ходит."'),
                        encoding="utf-8")
    synced = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    assert synced.exit_code == 1
    said = " ".join(synced.output.split())
    assert "held back a (ru): 2 untranslated — a page written by hand is in its place and was kept: see " \
           "'pipeline status'" in said and "stale" not in said
    again = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none", "--json"])
    held = json.loads(again.output.split("\nerror:")[0])["held_back"]
    assert held == [{"article": "a", "lang": "ru", "reasons": ["2 untranslated"], "stale": False,
                     "hand_written": True}]
    status = CliRunner().invoke(cli, ["--project", str(root), "status"])
    assert status.exit_code == 1
    rows = {line.split()[0]: line.split()[-1] for line in status.output.splitlines()[1:3]}
    assert rows == {"a": "hand-written", "b": "hand-written"}
    said = " ".join(status.output.split())
    assert "public/ru/a.md: a page written by hand is where the ru version of a goes; it is kept while the " \
           "version is held back: to keep its text, copy it into locale/ru/LC_MESSAGES/a.po and delete the " \
           "page; to let pipeline replace it, delete it or add 'translation_of: a' to its front matter" in said
    assert "public/ru/b.md: a page written by hand (no translation_of: in its front matter) is where the ru " \
           "version of b goes: it was not replaced" in said
    data = json.loads(CliRunner().invoke(cli, ["--project", str(root), "status", "--json"]).output.split("\nerror:")[0])
    assert [(r["article"], r["published"], r["stale"], r["hand_written"], r["ready"]) for r in data["catalogues"]] == \
        [("a", True, False, True, False), ("b", True, False, True, False)]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_a_utf32_article_and_catalogue_are_named_utf32_and_left_untouched(tmp_path: Path, encoding: str) -> None:
    """A UTF-32 article or catalogue was reported as "saved as UTF-16" (its byte-order mark
    begins with UTF-16's; without one, every other byte pair is NUL), so the desk looked for
    the wrong encoding in the editor. Each is now named UTF-32, the others still processed."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n",
                                    "news/bus": "---\ntitle: Bus\n---\n\nThe bus runs.\n"}, CONFIG)
    assert _sync(root) == 0
    catalogue = root / "locale/ru/LC_MESSAGES/news/bus.po"
    catalogue.write_bytes(catalogue.read_text(encoding="utf-8").encode(encoding))
    article = root / "source/news/metro.md"
    article.write_bytes("---\ntitle: Метро\nlang: ru\n---\n\nМетро работает.\n".encode(encoding))
    before = {path: path.read_bytes() for path in (catalogue, article)}
    (root / "source/news/tram.md").write_text("---\ntitle: Tram\n---\n\nThe tram runs again.\n", encoding="utf-8")
    for command in (["sync", "--engine", "none"], ["status"]):
        result = CliRunner().invoke(cli, ["--project", str(root), *command])
        assert result.exit_code == 1, result.output
        assert "source/news/metro.md:1: the article is saved as UTF-32, not UTF-8" in result.stderr, result.stderr
        assert "locale/ru/LC_MESSAGES/news/bus.po:1: the file is UTF-32, not UTF-8" in result.stderr
        assert "UTF-16" not in result.stderr
    assert {path: path.read_bytes() for path in before} == before
    assert b"The tram runs again." in (root / "locale/ru/LC_MESSAGES/news/tram.po").read_bytes()


@pytest.mark.parametrize("blocker", ["locale/ru", "locale/ru/LC_MESSAGES", "locale/ru/LC_MESSAGES/news", "public/ru"])
def test_status_check_and_review_name_a_file_where_a_folder_belongs(tmp_path: Path, blocker: str) -> None:
    """A file saved where a folder of catalogues or versions belongs made sync fail for every
    file below it, but status listed the catalogue as untranslated (or the version as ready)
    and exited 0, as did check and review: the desk saw nothing to fix. Each now names it."""
    config = CONFIG + "[publish]\nallow_machine = true\n"
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n",
                                    "bus": "---\ntitle: Bus\n---\n\nThe bus runs.\n"}, config)
    assert CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"]).exit_code == 0
    shutil.rmtree(root / blocker)
    (root / blocker).write_text("a note\n", encoding="utf-8")
    commands = [["status"]] if blocker.startswith("public") else [["status"], ["check"], ["review"]]
    for command in commands:
        result = CliRunner().invoke(cli, ["--project", str(root), *command])
        assert result.exit_code == 1, (command, result.output)
        assert f"{blocker} is a file where a folder belongs" in result.stderr, (command, result.stderr)
    assert (root / blocker).read_text(encoding="utf-8") == "a note\n"


def test_status_names_a_folder_where_a_version_goes_and_does_not_count_it_published(tmp_path: Path) -> None:
    """A folder where a published version goes (public/ru/bus.md/) was counted as the
    version, published "yes", exit 0, though sync fails on it every run."""
    config = CONFIG + "[publish]\nallow_machine = true\n"
    root = write_project(tmp_path, {"bus": "---\ntitle: Bus\n---\n\nThe bus runs.\n",
                                    "tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, config)
    assert CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"]).exit_code == 0
    (root / "public/ru/bus.md").unlink()
    (root / "public/ru/bus.md").mkdir()
    result = CliRunner().invoke(cli, ["--project", str(root), "status"])
    assert result.exit_code == 1, result.output
    assert "public/ru/bus.md: is a folder, not a file" in result.stderr
    rows = {line.split()[0]: line.split()[-1] for line in result.stdout.splitlines()[1:-1]}
    assert rows == {"bus": "no", "tram": "yes"}


def test_a_file_where_the_source_folder_belongs_is_named(tmp_path: Path) -> None:
    """It was 'no source folder source/' with a hint to create it, which cannot be done."""
    (tmp_path / "source").write_text("notes\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--project", str(tmp_path), "sync", "--engine", "none"])
    assert result.exit_code == 2, result.output
    assert "source: source is a file where the source folder belongs" in result.stderr, result.stderr
    assert (tmp_path / "source").read_text(encoding="utf-8") == "notes\n"
    assert not (tmp_path / ".pipeline").exists()


def test_a_source_dir_with_a_space_at_its_end_is_named_so(tmp_path: Path) -> None:
    """'no source folder source / in …' with a hint to create the folder: the stray space
    was all but invisible in the message."""
    root = write_project(tmp_path, {"port": "---\ntitle: Port\n---\n\nThe port grew.\n"}, 'source_dir = "source "\n')
    result = CliRunner().invoke(cli, ["--project", str(root), "status"])
    assert result.exit_code == 2, result.output
    assert "source_dir in pipeline.toml has a space at its start or end" in result.stderr
    assert 'write source_dir = "source"' in result.stderr


def test_an_article_in_a_language_the_project_does_not_publish_in_is_refused_at_its_lang_line(
        tmp_path: Path) -> None:
    """Regression: an article with ``lang: fr`` in an en/ru project was translated from French
    into both, with models nobody chose, while a source_language of fr is refused."""
    root = write_project(tmp_path, {"news/port": "---\ntitle: Le port\nlang: fr\n---\n\nLe port a ouvert.\n",
                                    "news/tram": "---\ntitle: Tram line extended\n---\n\nThe tram runs.\n"}, CONFIG)
    with pytest.raises(ArticleError, match="lang: 'fr' is not one of the project's languages \\(en, ru\\)") as info:
        load_article(load_config(root), "source/news/port.md", "news/port")
    assert info.value.line == 3 and 'add "fr" to languages' in (info.value.hint or "")
    assert _sync(root) == 1
    assert not (root / "locale/templates/news/port.pot").exists()
    assert (root / "locale/templates/news/tram.pot").exists()


def test_a_version_or_a_foreign_lang_in_an_article_with_classic_mac_line_endings_is_found(tmp_path: Path) -> None:
    """Regression: in an article whose lines end in a lone CR (classic Mac OS), read line by
    line by Markdown, the 'translation_of:' of a version copied into the source folder went
    unseen, so it was translated back as an article, and a 'lang:' the project does not
    publish in was refused with no line."""
    root = write_project(tmp_path, {"news/tram": "---\ntitle: Tram\n---\n\nThe tram runs.\n"}, CONFIG)
    (root / "source/news/copy.md").write_bytes(b"---\rtitle: Tram\rlang: ru\rtranslation_of: news/tram\r---\r\rText.\r")
    (root / "source/news/fr.md").write_bytes(b"---\rtitle: Tram\rlang: fr\r---\r\rLe tram roule.\r")
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    assert result.exit_code == 1, result.output
    assert "source/news/copy.md:4: a version pipeline published (translation_of: news/tram)" in result.stderr
    assert "source/news/fr.md:3: lang: 'fr'" in result.stderr, result.stderr
    assert sorted(p.name for p in (root / "locale/templates/news").iterdir()) == ["tram.pot"]


@pytest.mark.parametrize("setting", ['source_dir = "contnet"', 'source_dir = "content/posts"'])
def test_a_source_dir_setting_naming_no_folder_is_named_at_its_line(tmp_path: Path, setting: str) -> None:
    """Regression: a misspelt source_dir in pipeline.toml got 'no source folder contnet/ in
    /abs/path' with no file or line, and a hint to run the command in the project's folder,
    where it had been run. The setting's line is named now, with what to correct."""
    root = write_project(tmp_path / "p", {"a": "---\ntitle: A\n---\n\nText.\n"},
                         f'languages = ["en", "ru"]\n\n{setting}\n')
    (root / "content").mkdir()
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    assert result.exit_code == 2
    assert "error: pipeline.toml:3: source_dir" in result.stderr, result.stderr
    assert "correct source_dir" in result.stderr, result.stderr


def test_every_line_a_message_tells_the_editor_of_a_toml_article_to_write_is_toml(tmp_path: Path) -> None:
    """Regression: the refusals and warnings for an article with Hugo's TOML front matter (a
    language the project does not publish in, a version copied into the source folder, an
    article where its own version goes, text in another language than it says) quoted and
    asked for YAML lines (``lang: fr``, ``set lang: en``, ``delete its translation_of:
    line``), which TOML front matter refuses as invalid; a page written by hand with TOML
    front matter was told to add ``translation_of: a``. Each writes TOML now (``lang = "en"``)."""
    from pipeline.project import hand_written_version, language_mismatch_warning

    russian = "Порт принял на этой неделе больше грузов, чем за весь прошлый год. " * 8
    articles = {
        "fr": '+++\ntitle = "Le port"\nlang = "fr"\n+++\n\nLe port a ouvert.\n',
        "copy": '+++\ntitle = "Порт"\nlang = "ru"\ntranslation_of = "port"\n+++\n\nТекст.\n',
        "port": f'+++\ntitle = "Port"\nlang = "en"\n+++\n\n{russian}\n',
        "tram": f'+++\ntitle = "Tram"\n+++\n\n{russian}\n',
    }
    config = load_config(write_project(tmp_path / "desk", articles, CONFIG))
    (tmp_path / "hugo/content/en").mkdir(parents=True)
    own_root = write_project(tmp_path / "hugo", {}, 'languages = ["en", "ru"]\nsource_dir = "content/en"\n'
                                                     'output = "content/{lang}/{slug}.md"\n')
    (own_root / "content/en/own.md").write_text('+++\ntitle = "Порт"\nlang = "ru"\n+++\n\nТекст.\n',
                                                encoding="utf-8")
    said = {}
    for slug, conf, rel in (("fr", config, "source/fr.md"), ("copy", config, "source/copy.md"),
                            ("own", load_config(own_root), "content/en/own.md")):
        with pytest.raises(ArticleError) as info:
            load_article(conf, rel, slug)
        said[slug] = f"{info.value.message} | {info.value.hint}"
    assert said["fr"].startswith('lang = "fr" is not one of the project\'s languages (en, ru)')
    assert "correct its lang;" in said["fr"]
    assert 'a version pipeline published (translation_of = "port")' in said["copy"]
    assert "delete its translation_of line" in said["copy"]
    assert 'set lang = "en";' in said["own"] and "without translation_of is left alone" in said["own"]
    assert all("lang:" not in text and "translation_of:" not in text for text in said.values()), said

    warned = [language_mismatch_warning(load_article(config, f"source/{slug}.md", slug)) or ""
              for slug in ("port", "tram")]
    assert warned[0].startswith('source/port.md: lang = "en", but its text looks written in Cyrillic')
    assert "set lang to that language's code" in warned[0]
    assert "no lang in its front matter" in warned[1]
    assert all("lang:" not in text for text in warned), warned

    page = config.root / "public/ru/port.md"
    page.parent.mkdir(parents=True)
    page.write_text('+++\ntitle = "Порт"\n+++\n\nВручную.\n', encoding="utf-8")
    hand = hand_written_version(config, "port", "ru")
    assert hand is not None and "(no translation_of in its front matter)" in hand.message
    assert "add 'translation_of = \"port\"' to its front matter" in (hand.hint or "")
    page.write_text('+++\ntitle = "Порт"\ntranslation_of = "port"\n+++\n\nВручную.\n', encoding="utf-8")
    assert hand_written_version(config, "port", "ru") is None  # the line it asked for is enough


def test_status_asks_a_toml_page_written_by_hand_for_a_toml_translation_of_line(tmp_path: Path) -> None:
    """Regression: ``status`` told the editor of a page written by hand with Hugo's TOML front
    matter to add ``translation_of: a``, a line its front matter refuses as invalid TOML."""
    root = write_project(tmp_path, {"a": '+++\ntitle = "Port grows"\n+++\n\nThe port grows.\n'}, CONFIG)
    assert _sync(root) == 0
    (root / "public/ru").mkdir(parents=True)
    (root / "public/ru/a.md").write_text('+++\ntitle = "Вручную"\n+++\n\nТекст.\n', encoding="utf-8")
    status = CliRunner().invoke(cli, ["--project", str(root), "status"])
    said = " ".join(status.output.split())
    assert "delete it or add 'translation_of = \"a\"' to its front matter" in said, said


def test_a_line_translation_of_inside_a_toml_string_or_table_is_no_versions_mark(tmp_path: Path) -> None:
    """Regression: a version's ``translation_of`` was found by a line pattern, so a TOML
    multi-line string holding a line ``translation_of = …`` (or a ``[params]`` key of that
    name) made an article "a version pipeline published", not read, and a page written by
    hand a version of sync's, which a sync would write over. The parsed TOML decides now,
    when anything before that line could make it text or a table's key."""
    from pipeline.project import hand_written_version

    quoted = '+++\ntitle = "Port"\nsummary = """\nHow to mark a page:\ntranslation_of = "a"\n"""\n+++\n\nText.\n'
    param = '+++\ntitle = "Tram"\n[params]\ntranslation_of = "x"\n+++\n\nText.\n'
    copied = '+++\nsummary = """\nTwo\nlines"""\nlang = "ru"\ntranslation_of = "port"\n+++\n\nТекст.\n'
    root = write_project(tmp_path, {"port": quoted, "tram": param, "copy": copied}, CONFIG)
    config = load_config(root)
    assert load_article(config, "source/port.md", "port").segments[1].msgid.endswith('translation_of = "a"')
    assert load_article(config, "source/tram.md", "tram").lang == "en"
    with pytest.raises(ArticleError, match='a version pipeline published \\(translation_of = "port"\\)') as info:
        load_article(config, "source/copy.md", "copy")
    assert info.value.line == 6
    page = root / "public/ru/port.md"
    page.parent.mkdir(parents=True)
    for text in (quoted, quoted.replace("\n", "\r\n"), param):
        page.write_text(text.replace("Text.", "Текст, написанный вручную."), encoding="utf-8", newline="")
        assert hand_written_version(config, "port", "ru") is not None, text  # a person's page: never replaced
    page.write_text(copied, encoding="utf-8")
    assert hand_written_version(config, "port", "ru") is None
