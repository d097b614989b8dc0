"""The sync report: what a run found in the sources, as the editor reads it."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from pipeline.catalogue import parse_po
from pipeline.config import Config, load_config
from pipeline.engines.pseudo import PseudoEngine
from pipeline.integration import hooks
from pipeline.project import online_version
from pipeline.sync import SyncOptions, sync
from tests.conftest import write_project

ARTICLE = """---
title: Port grows
---

The port handled 1.2 million tonnes in May.

Its director said the works would start in June.
"""


def test_an_edited_paragraph_with_unreviewed_machine_output_is_counted_as_changed(tmp_path: Path) -> None:
    """Regression: editing a paragraph whose translation was unreviewed machine output (sent
    to machine translation again, the old output kept as a comment) was reported as a new
    segment, so one edit read 'new segments: ru 1' beside 'changed segments: az 1' where
    the Azerbaijani translation had been reviewed."""
    root = write_project(tmp_path / "desk", {"port": ARTICLE}, 'languages = ["en", "ru"]\n')
    config = load_config(root)
    options = SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config))
    sync(config, options)
    (root / "source" / "port.md").write_text(ARTICLE.replace("in June", "in July"), encoding="utf-8")
    report = sync(config, options)
    assert (dict(report.new_segments), dict(report.changed_segments)) == ({}, {"ru": 1})


def test_an_article_without_any_text_is_named_and_neither_catalogued_nor_published(tmp_path: Path) -> None:
    """Regression: a file just created (``touch source/new.md``, an editor's new draft) was
    catalogued and published at once, versions holding nothing but ``lang:``. It is named
    until it has text, then works as any article; front matter alone is an article."""
    root = write_project(tmp_path / "desk", {"port": ARTICLE, "new": "", "spaces": " \n\n\t\n",
                                             "bom": "\ufeff\n", "titled": "---\ntitle: A title only\n---\n"},
                         'languages = ["en", "ru"]\n')
    config = load_config(root)
    options = SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config))
    report = sync(config, options)
    assert report.ok and report.articles == 2
    assert report.warnings == [f"source/{name}.md: empty article, nothing to translate or publish yet"
                               for name in ("bom", "new", "spaces")]
    for name in ("bom", "new", "spaces"):
        assert not list(root.rglob(f"{name}.po*")) and not (root / f"public/ru/{name}.md").exists()
    assert (root / "locale/ru/LC_MESSAGES/titled.po").exists()
    (root / "source/new.md").write_text("The ferry leaves at noon.\n", encoding="utf-8")
    report = sync(config, options)
    assert report.articles == 3 and "source/new.md" not in " ".join(report.warnings)
    assert "The ferry leaves at noon." in (root / "locale/ru/LC_MESSAGES/new.po").read_text(encoding="utf-8")


def _machine_translated_port(tmp_path: Path) -> tuple[Path, Config, SyncOptions, Path]:
    """A project whose one article was synced with the pseudo engine and ``allow_machine``:
    its root, config, the options used and the ru catalogue."""
    root = write_project(tmp_path / "desk", {"port": ARTICLE},
                         'languages = ["en", "ru"]\n[publish]\nallow_machine = true\n')
    config = load_config(root)
    options = SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config))
    sync(config, options)
    return root, config, options, root / "locale/ru/LC_MESSAGES/port.po"


def test_a_machine_translation_moved_to_a_new_text_by_msgmerge_is_not_published_as_its_translation(
        tmp_path: Path) -> None:
    """Regression: a translator's ``msgmerge --previous`` after an edit gives an already-fuzzy
    entry the new msgid without ``#|``; the machine translation of the old text was published
    for the new one with ``allow_machine``. An ``mt:`` comment written before the source
    digest was recorded is left as it is (no churn)."""
    root, config, options, po = _machine_translated_port(tmp_path)
    text = po.read_text(encoding="utf-8")
    old_output = text.split('in June."\nmsgstr "', 1)[1].split('"\n', 1)[0]
    (root / "source/port.md").write_text(ARTICLE.replace("in June", "in July"), encoding="utf-8")
    text = text.replace('in June."\nmsgstr', 'in July."\nmsgstr')  # msgmerge: no #| on a fuzzy entry
    text = re.sub(r"(# mt: pseudo 1) source#[0-9a-f]{8}(\n#\. front matter)", r"\1\2", text)
    po.write_text(text, encoding="utf-8")
    report = sync(config, SyncOptions(engine=None, jobs=1, **hooks(config)))
    assert report.held_back and not report.published  # 1 untranslated: the old version is kept
    after = po.read_text(encoding="utf-8")
    assert f"# previous translation: {old_output}\n" in after and "# mt: pseudo 1\n#. front matter" in after
    sync(config, options)
    entries = {m.msgid: m for m in parse_po(po.read_bytes()).active}
    assert "July" in entries["Its director said the works would start in July."].msgstr
    before = po.read_bytes()
    sync(config, options)
    assert po.read_bytes() == before


def test_a_machine_translation_reviewed_in_poedit_and_marked_fuzzy_again_is_no_machine_output(
        tmp_path: Path) -> None:
    """Regression: a translator who corrected a machine translation in Poedit (which clears
    *fuzzy* and leaves the ``mt:`` comment) and later marked it fuzzy again for another look
    had it counted, queued and, with ``allow_machine``, published as unreviewed machine
    output. The sync after the review records it as ``reviewed mt:``, once: the next run
    changes nothing."""
    root, config, options, po = _machine_translated_port(tmp_path)
    text = po.read_text(encoding="utf-8")
    head, entry = text.split('#, fuzzy\nmsgid "Its director', 1)
    po.write_text(head + 'msgid "Its director' + entry.split('msgstr "', 1)[0]
                  + 'msgstr "Директор сказал, что работы начнутся в июне."\n', encoding="utf-8")
    sync(config, options)
    reviewed = po.read_bytes()
    assert b"# reviewed mt: pseudo 1\n" in reviewed
    sync(config, options)
    assert po.read_bytes() == reviewed
    po.write_bytes(reviewed.replace(b'msgid "Its director', b'#, fuzzy\nmsgid "Its director'))
    report = sync(config, options)
    message = next(m for m in parse_po(po.read_bytes()).active if m.msgid.startswith("Its director"))
    assert message.status.value == "fuzzy" and message.msgstr.startswith("Директор")
    assert not report.published


def test_a_catalogue_read_while_an_editor_saves_it_in_place_is_read_once_saved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: sync read a catalogue that a plain text editor was writing in place
    (truncated, then written) and refused it as cut off by a crash, hinting to restore it
    from git or delete it, which would throw the translator's save away."""
    root = write_project(tmp_path / "desk", {"port": ARTICLE}, 'languages = ["en", "ru"]\n')
    config = load_config(root)
    options = SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config))
    sync(config, options)
    po = root / "locale/ru/LC_MESSAGES/port.po"
    saved = po.read_bytes().replace(b'#, fuzzy\nmsgid "Its director', b'msgid "Its director')
    po.write_bytes(saved[:len(saved) // 2])
    monkeypatch.setattr(time, "sleep", lambda seconds: po.write_bytes(saved))
    report = sync(config, options)
    assert report.ok, report.errors
    message = next(m for m in parse_po(po.read_bytes()).active if m.msgid.startswith("Its director"))
    assert not message.fuzzy


def test_a_byte_order_mark_a_windows_editor_put_before_a_catalogue_goes_at_the_next_sync(
        tmp_path: Path) -> None:
    """Regression: a catalogue saved by Notepad with a UTF-8 byte-order mark kept it through
    every sync, and GNU gettext (msgfmt, msgmerge, msgcat, which translators and Poedit run)
    refuses such a file with a syntax error at its first line. Sync reads it and writes it
    back without the mark, once; the next run changes nothing."""
    root = write_project(tmp_path / "desk", {"port": ARTICLE}, 'languages = ["en", "ru"]\n')
    config = load_config(root)
    options = SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config))
    sync(config, options)
    po = root / "locale/ru/LC_MESSAGES/port.po"
    canonical = po.read_bytes()
    po.write_bytes(b"\xef\xbb\xbf" + canonical.replace(b"\n", b"\r\n"))
    sync(config, options)
    assert po.read_bytes() == canonical.replace(b"\n", b"\r\n")
    report = sync(config, options)
    assert report.ok and "locale/ru/LC_MESSAGES/port.po" not in report.written


_RUSSIAN_BODY = "\n\n".join(
    f"Паромный терминал в Алате принял {n} тысяч тонн грузов за месяц, сообщили в администрации порта. "
    "По словам руководства, рост связан с новыми маршрутами через Каспийское море." for n in range(1, 5))
_AZERBAIJANI_BODY = "\n\n".join(
    f"Ələt limanındakı bərə terminalı bir ayda {n} min ton yük qəbul edib, liman administrasiyasından bildiriblər. "
    "Rəhbərliyin sözlərinə görə, artım Xəzər dənizi üzərindən keçən yeni marşrutlarla bağlıdır." for n in range(1, 5))
_ENGLISH_BODY = "\n\n".join(
    f"The ferry terminal at Alat handled {n} thousand tonnes of cargo in a month, the port administration said. "
    "According to its management, the growth comes from new routes across the Caspian Sea." for n in range(1, 5))


@pytest.mark.parametrize(("lang", "body", "looks"), [
    ("en", _RUSSIAN_BODY, "Cyrillic"), ("az", _RUSSIAN_BODY, "Cyrillic"),
    ("ru", _ENGLISH_BODY, "Latin"), ("ru", _AZERBAIJANI_BODY, "Latin"),
    ("en", _AZERBAIJANI_BODY, "Azerbaijani"), ("az", _ENGLISH_BODY, "English"),
])
def test_an_article_whose_text_is_not_in_its_lang_is_named(tmp_path: Path, lang: str, body: str, looks: str) -> None:
    """Regression: an article whose front matter was copied from another language's (lang: en
    over a Russian text) was machine-translated as if it were English, with no word to the
    editor; sync now says what the text looks written in and what to set."""
    (warning,) = _language_warnings(tmp_path, lang, body)
    assert warning.startswith(f"source/ferry.md: lang: {lang}, but its text looks written in {looks}")
    assert "set lang:" in warning


_AZERBAIJANI_CYRILLIC_BODY = "\n\n".join(
    f"Әләт лиманындакы бәрә терминалы бир айда {n} мин тон јүк гәбул едиб, лиман администрасијасындан билдирибләр. "
    "Рәһбәрлијин сөзләринә ҝөрә, артым Хәзәр дәнизи үзәриндән кечән јени маршрутларла бағлыдыр." for n in range(1, 5))


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_an_azerbaijani_article_in_cyrillic_letters_is_named_as_such(tmp_path: Path, lang: str) -> None:
    """Regression: an Azerbaijani article in the Cyrillic alphabet was taken for Russian
    (labelled az) or not named at all (labelled ru); the editor is now told which script the
    models and checks read, instead of being sent to set lang: ru."""
    (warning,) = _language_warnings(tmp_path, lang, _AZERBAIJANI_CYRILLIC_BODY)
    assert "looks written in Azerbaijani in Cyrillic letters" in warning
    assert "convert the article to the Latin alphabet" in warning and "set lang: ru" not in warning


@pytest.mark.parametrize(("lang", "body"), [("ru", _RUSSIAN_BODY), ("az", _AZERBAIJANI_BODY), ("en", _ENGLISH_BODY),
                                            ("en", "A short note in Кириллица."), ("az", "Short English note.")])
def test_an_article_in_its_lang_or_too_short_to_tell_is_not_named(tmp_path: Path, lang: str, body: str) -> None:
    assert _language_warnings(tmp_path, lang, body) == []


def test_an_article_without_lang_whose_text_is_in_another_language_is_named_as_such(tmp_path: Path) -> None:
    """Regression: an article without lang: in an az project, written in Russian, was named
    "lang: az, but its text looks written in Cyrillic letters", and the editor looked in vain
    for a lang: line to correct; the warning now says none is there and what was assumed."""
    root = write_project(tmp_path / "desk", {"ferry": f"---\ntitle: Ferry\n---\n\n{_RUSSIAN_BODY}\n"},
                         'languages = ["en", "ru", "az"]\nsource_language = "az"\n')
    config = load_config(root)
    report = sync(config, SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config)))
    (warning,) = [w for w in report.warnings if "looks written in" in w]
    assert warning.startswith("source/ferry.md: no lang: in its front matter, so it is taken for az "
                              "(source_language), but its text looks written in Cyrillic letters")
    assert "set lang:" in warning and "or source_language in pipeline.toml" in warning


def _language_warnings(tmp_path: Path, lang: str, body: str) -> list[str]:
    """The language warnings of a sync of one article with ``lang`` and ``body``."""
    root = write_project(tmp_path / "desk", {"ferry": f"---\ntitle: Ferry\nlang: {lang}\n---\n\n{body}\n"},
                         'languages = ["en", "ru", "az"]\n')
    config = load_config(root)
    report = sync(config, SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config)))
    return [w for w in report.warnings if "looks written in" in w]


def _reviewed_project(tmp_path: Path) -> tuple[Path, Config, SyncOptions]:
    """A two-article project synced once, its Russian translations then reviewed and synced."""
    root = write_project(tmp_path / "desk", {"port": ARTICLE, "ferry": ARTICLE.replace("port", "ferry")},
                         'languages = ["en", "ru"]\n')
    config = load_config(root)
    options = SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config))
    sync(config, options)
    for slug in ("port", "ferry"):
        po = root / f"locale/ru/LC_MESSAGES/{slug}.po"
        po.write_text(po.read_text(encoding="utf-8").replace("#, fuzzy\n", ""), encoding="utf-8")
    assert sync(config, options).ok
    return root, config, options


def _without_entry(po_text: str, msgid_start: str) -> str:
    """The catalogue text without the entry whose msgid starts so (as msgattrib writes it)."""
    blocks = po_text.split("\n\n")
    return "\n\n".join(b for b in blocks if f'msgid "{msgid_start}' not in b)


def test_a_catalogue_cut_down_by_a_tool_is_refused_and_left_untouched(tmp_path: Path) -> None:
    """Regression: a catalogue a tool wrote part of over itself (msgattrib --only-fuzzy -o
    same.po) lost its reviewed entries, and sync put them back untranslated, machine-
    translated them and rewrote the file, so the translator's work was gone from it with
    no word. The file is now refused, untouched, with how to restore it; the other
    articles are synced."""
    root, config, options = _reviewed_project(tmp_path)
    po = root / "locale/ru/LC_MESSAGES/port.po"
    cut = _without_entry(po.read_text(encoding="utf-8"), "Its director")
    po.write_text(cut, encoding="utf-8")
    (root / "source/ferry.md").write_text(ARTICLE.replace("port", "ferry").replace("May", "April"),
                                          encoding="utf-8")
    report = sync(config, options)
    (error,) = report.errors
    assert error.path == "locale/ru/LC_MESSAGES/port.po" and "1 of its article's 3 entries are gone" in error.message
    assert "source/port.md:7" in error.message and "git checkout" in (error.hint or "")
    assert po.read_text(encoding="utf-8") == cut
    assert "April" in (root / "locale/ru/LC_MESSAGES/ferry.po").read_text(encoding="utf-8")


def test_a_cut_down_catalogue_given_its_entries_back_untranslated_is_synced(tmp_path: Path) -> None:
    """The way out the error names: the entries added back untranslated (Poedit's update
    from the template, msgmerge) are translated again as any new entry."""
    root, config, options = _reviewed_project(tmp_path)
    po = root / "locale/ru/LC_MESSAGES/port.po"
    full = po.read_text(encoding="utf-8")
    po.write_text(_without_entry(full, "Its director"), encoding="utf-8")
    assert not sync(config, options).ok
    entry = next(b for b in full.split("\n\n") if 'msgid "Its director' in b)
    untranslated = re.sub(r'msgstr ".*', 'msgstr ""', entry, flags=re.DOTALL)
    po.write_text(po.read_text(encoding="utf-8") + "\n" + untranslated + "\n", encoding="utf-8")
    report = sync(config, options)
    assert report.ok, report.errors
    assert sync(config, options).written == []


def test_entries_gone_with_their_paragraphs_are_no_cut_down_catalogue(tmp_path: Path) -> None:
    """A paragraph deleted from the source takes its entry to the obsolete ones; a translator
    who purges those (Poedit's 'purge deleted translations') cut nothing sync needs."""
    root, config, options = _reviewed_project(tmp_path)
    (root / "source/port.md").write_text(ARTICLE.replace("\nIts director said the works would start in June.\n", ""),
                                         encoding="utf-8")
    assert sync(config, options).ok
    po = root / "locale/ru/LC_MESSAGES/port.po"
    po.write_text(re.sub(r"\n\n#~ .*", "\n", po.read_text(encoding="utf-8"), flags=re.DOTALL), encoding="utf-8")
    assert sync(config, options).ok


def _front_matter_key_warnings(root: Path) -> list[str]:
    config = load_config(root)
    report = sync(config, SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config)))
    assert report.ok
    return [w for w in report.warnings if w.startswith("front_matter_keys")]


_DESCRIBED = "---\ntitle: Ferry\ndescription: The ferry to Turkmenbashi\nlang: en\n---\n\nThe ferry leaves at noon.\n"
_NESTED = "---\ntitle: Port\nhero:\n  caption: Cranes at dusk\nlang: en\n---\n\nThe port grew.\n"


def test_a_misspelt_front_matter_key_no_article_has_is_named_once(tmp_path: Path) -> None:
    """Regression: ``front_matter_keys = ["title", "descripton"]`` was accepted and every
    description published untranslated. A full run that read every article names a key of
    its own none of them has, with the closest one they do; a run that reads nothing does not
    say it again."""
    root = write_project(tmp_path / "desk", {"ferry": _DESCRIBED, "port": _NESTED},
                         'languages = ["en", "ru"]\nfront_matter_keys = ["title", "descripton", "hero.captoin"]\n')
    assert _front_matter_key_warnings(root) == [
        "front_matter_keys: no article has 'descripton' (did you mean 'description'?), so it is translated "
        "nowhere; correct it in pipeline.toml",
        "front_matter_keys: no article has 'hero.captoin' (did you mean 'hero.caption'?), so it is translated "
        "nowhere; correct it in pipeline.toml"]
    assert _front_matter_key_warnings(root) == []  # (a no-op run reads no article)


def test_a_front_matter_key_one_article_has_is_not_named(tmp_path: Path) -> None:
    root = write_project(tmp_path / "desk", {"ferry": _DESCRIBED, "port": _NESTED, "plain": "No front matter.\n"},
                         'languages = ["en", "ru"]\nfront_matter_keys = ["title", "description", "hero.caption",'
                         ' "summary", "teaser"]\n')
    # (a default key no article uses is no slip: summary; one of the project's own is: teaser)
    assert _front_matter_key_warnings(root) == [
        "front_matter_keys: no article has 'teaser', so it is translated nowhere; correct it in pipeline.toml"]
TOML_ARTICLE = """+++
title = "Liman genişlənir"   # başlıq
lang = "az"
date = 2026-03-14T09:00:00+04:00
image = "port.jpg"

[params]
  author = "Samir Kərimov"
+++

Liman may ayında 1,2 milyon ton yük qəbul edib.
"""


def test_a_hugo_article_with_toml_front_matter_is_published_with_toml_front_matter(tmp_path: Path) -> None:
    """Regression: Hugo's ``+++`` front matter was refused. Its versions keep TOML front
    matter (lang and translation_of written into it, everything else as written), a second
    sync writes nothing, a version is known as sync's own, one copied into the source folder
    is refused, and a malformed one is named at its line while the rest is processed."""
    bad = '+++\ntitle = "Yaxşı"\ndescription: Pis\n+++\n\nMətn.\n'
    root = write_project(tmp_path / "desk", {"port": TOML_ARTICLE, "bad": bad},
                         'languages = ["az", "ru"]\nsource_language = "az"\n[publish]\nallow_machine = true\n')
    (root / "source/port.jpg").write_bytes(b"jpeg")
    config = load_config(root)
    options = SyncOptions(engine=PseudoEngine(), jobs=1, **hooks(config))
    report = sync(config, options)
    assert [f"{e.path}:{e.line}" for e in report.errors] == ["source/bad.md:3"]
    assert (root / "source/bad.md").read_text(encoding="utf-8") == bad
    version = (root / "public/ru/port.md").read_text(encoding="utf-8")
    front = version.split("+++\n")[1]
    assert front.startswith('title = "') and front.splitlines()[0].endswith('"   # başlıq')
    assert 'lang = "ru"\ndate = 2026-03-14T09:00:00+04:00\nimage = "port.jpg"\ntranslation_of = "port"\n' \
           'machine_translated = true\n\n[params]\n  author = "Samir Kərimov"\n' in front
    assert (root / "public/ru/port.jpg").read_bytes() == b"jpeg"
    assert sync(config, options).written == []
    assert online_version(config, "port", "ru") == "stale"  # sync's own version, not a page by hand
    (root / "source/copy.md").write_text(version, encoding="utf-8")
    report = sync(config, options)
    assert any(e.path == "source/copy.md" and e.line == 6 and 'translation_of = "port"' in e.message
               for e in report.errors), report.errors
