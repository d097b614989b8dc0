"""Link and image titles: found where markdown-it finds them, written back inside their delimiters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.catalogue import parse_po, render_po
from pipeline.cli import cli
from pipeline.config import DEFAULT_FRONT_MATTER_KEYS
from pipeline.markdown import read_article
from pipeline.titles import definition_title, inline_titles, render_title

from .conftest import write_project


@pytest.mark.parametrize("text, titles", [
    ('[a](https://x.org "One") and ![b](i.png \'Two\')', ["One", "Two"]),
    ("[a](<https://x.org/a b> (Three \\(3\\)))", ["Three \\(3\\)"]),
    ('[![img](i.png "Inner")](https://x.org "Outer")', ["Inner", "Outer"]),
    ('[a](https://x.org\n"Over\ntwo lines")', ["Over\ntwo lines"]),
    ('`[a](https://x.org "code")`', []),
    ('[a](https://x.org "unclosed)', []),
    ('[a](https://x.org"no space")', []),
    ('[a](https://x.org "t" extra)', []),
    ('<a href="x">[a](https://x.org "html")</a>', ["html"]),
    ('[a][ref] "not a title"', []),
])
def test_inline_titles_are_the_ones_markdown_it_reads(text: str, titles: list[str]) -> None:
    assert [text[span.start:span.end] for span in inline_titles(text)] == titles


def test_definition_titles() -> None:
    text = "[r]: https://x.org\n  'Port\n  authority'"
    span = definition_title(text)
    assert span is not None and text[span.start:span.end] == "Port\n  authority" and span.closer == "'"
    assert definition_title("[r]: https://x.org") is None
    assert definition_title('[r]: https://x.org "t" x') is None


@pytest.mark.parametrize("translation, closer, written", [
    ('Он сказал "да"', '"', 'Он сказал \\"да\\"'),
    ("It's", "'", "It\\'s"),
    ("(a) b", ")", "\\(a\\) b"),
    ('already \\" escaped', '"', 'already \\" escaped'),
    ("a | b \\| c", '"', "a &#124; b &#124; c"),
    ("code `x`", '"', "code &#96;x&#96;"),
    ("ends with \\", '"', "ends with \\\\"),
    ("two\n\nlines", '"', "two lines"),
])
def test_render_title(translation: str, closer: str, written: str) -> None:
    assert render_title(translation, closer) == written


ARTICLE = 'Read the [statement](https://x.org/s "Ministry statement") today.\n'
PARAGRAPH = 'Read the [statement](https://x.org/s "Ministry statement") today.'


def _sync(root: Path) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--json", "--engine", "none"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_an_existing_catalogue_keeps_its_entries_and_gains_the_title(tmp_path: Path) -> None:
    """A catalogue written before titles were extracted: its paragraph entry (whose msgid
    holds the title) stays reviewed; the title is a new entry, and the version waits for it."""
    root = write_project(tmp_path, {"port": ARTICLE}, 'languages = ["en", "ru"]\n')
    _sync(root)
    po = root / "locale" / "ru" / "LC_MESSAGES" / "port.po"
    catalogue = parse_po(po.read_bytes(), str(po))
    assert [m.msgid for m in catalogue.messages] == [PARAGRAPH, "Ministry statement"]
    assert catalogue.messages[1].auto_comments == ["link title"]
    catalogue.messages = [m for m in catalogue.messages if m.msgid == PARAGRAPH]  # as written before
    catalogue.messages[0].msgstr = 'Прочтите [заявление](https://x.org/s "Ministry statement") сегодня.'
    po.write_bytes(render_po(catalogue))
    (root / ".pipeline" / "state.json").unlink()  # as after an upgrade: another code's state is not read
    _sync(root)
    catalogue = parse_po(po.read_bytes(), str(po))
    paragraph, title = catalogue.messages
    assert (paragraph.msgid, paragraph.fuzzy, paragraph.previous_msgid) == (PARAGRAPH, False, None)
    assert (title.msgid, title.msgstr) == ("Ministry statement", "")
    assert not (root / "public" / "ru" / "port.md").exists()
    title.msgstr = "Заявление министерства"
    po.write_bytes(render_po(catalogue))
    _sync(root)
    assert (root / "public" / "ru" / "port.md").read_text(encoding="utf-8").endswith(
        'Прочтите [заявление](https://x.org/s "Заявление министерства") сегодня.\n')
    assert _sync(root)["written"] == []


@pytest.mark.parametrize("text", ['![Cranes at dusk](a.jpg "Port (2) at night")\n',
                                  '![Cranes at dusk](a.jpg "Port, 2) at night")\n',
                                  "![Cranes at dusk](a.jpg 'Port :) at night')\n",
                                  "![Cranes at dusk](<a).jpg>)\n"])
def test_an_image_alone_is_its_alt_text_whatever_its_title_or_destination_holds(text: str) -> None:
    """Regression: a ``)`` inside an image's title or ``<...>`` destination ended the image
    for the parenthesis counting that finds a lone image, so the whole image markup went to
    translators as a paragraph instead of its alt text."""
    segments = read_article(text.encode(), path="source/a.md", slug="a", default_lang="en",
                            front_matter_keys=DEFAULT_FRONT_MATTER_KEYS).segments
    assert [(s.kind.value, s.msgid) for s in segments][0] == ("image alt text", "Cranes at dusk")
    assert "paragraph" not in [s.kind.value for s in segments]
