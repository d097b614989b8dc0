"""The HTML review page: complete, escaped, self-contained, and visible in a real browser."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import load_config
from pipeline.model import Finding, Severity
from pipeline.review import Decision, build_queue, save_decision
from pipeline.review_html import render_html
from tests.conftest import write_project

HOSTILE_SLUG = '"><img src=x onerror=alert(2)>'
ARTICLE = """---
title: Hostile <script>alert(1)</script> title
description: 'A "quoted" description with "><img src=x onerror=alert(3)>'
---

The lead mentions <script>alert(4)</script> inline and & ampersands.

Second paragraph stays plain.

The work starts in June.
"""

CONFIG = 'languages = ["en", "ru"]\nsource_language = "en"\n'


def sync(root: Path) -> None:
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture
def page(tmp_path: Path) -> str:
    """A page with every status: reviewed, machine, changed source, untranslated, findings."""
    root = write_project(tmp_path / "p", {"news": ARTICLE, HOSTILE_SLUG: "Plain <b>text</b>.\n"}, CONFIG)
    sync(root)
    config = load_config(root)
    for item in build_queue(config, articles=["news"]).items:
        if item.msgid in ("Second paragraph stays plain.", "The work starts in June."):
            save_decision(config, item, Decision.ACCEPT)
    source = root / "source" / "news.md"
    source.write_text(ARTICLE.replace("June", "July"), encoding="utf-8")
    sync(root)

    def checker(text: str, translation: str, src: str, tgt: str) -> list[Finding]:
        return [Finding("html", Severity.ERROR, "<script>alert(5)</script> in text")] if "<script>" in text else []

    po = root / "locale" / "ru" / "LC_MESSAGES" / f"{HOSTILE_SLUG}.po"
    text = po.read_text(encoding="utf-8").replace("#, fuzzy\n", "")
    po.write_text(re.sub(r'msgstr ".+"', 'msgstr ""', text), encoding="utf-8")
    queue = build_queue(config, checker=checker)
    return render_html(queue)


def test_every_piece_of_content_is_escaped(page: str) -> None:
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    assert re.search(r'(id|href)="#?v\d+"', page)
    assert "onerror=alert(2)>" not in page


def test_page_is_self_contained(page: str) -> None:
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r'\s(src|href)="(?!#)', page)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_page_shows_statuses_legend_diff_findings_and_progress(page: str) -> None:
    for label in ("reviewed", "machine translation, not reviewed", "source changed since translation",
                  "untranslated", "check finding"):
        assert label in page
    assert "Changes to the source: The work starts in <del>June</del><ins>July</ins>." in page
    assert 'class="f-error"' in page
    assert "1/5 reviewed (20%)" in page
    assert 'class="bar"' in page


def test_each_entry_shows_its_line_in_the_catalogue(tmp_path: Path) -> None:
    """An editor reading a finding on the page must find the entry in the .po file."""
    root = write_project(tmp_path / "p", {"news": "One paragraph.\n"}, CONFIG)
    sync(root)
    queue = build_queue(load_config(root))
    lines = [item.line for item in queue.items]
    assert lines and all(lines)
    html = render_html(queue)
    assert all(f'<span class="kind">line {line}</span>' in html for line in lines)


def test_plural_forms_are_shown_and_escaped(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {"news": "One paragraph.\n"}, CONFIG)
    sync(root)
    po = root / "locale" / "ru" / "LC_MESSAGES" / "news.po"
    po.write_text(po.read_text(encoding="utf-8") + '\n#, fuzzy\nmsgid "<b>one</b>"\nmsgid_plural "<b>%d</b>"\n'
                  'msgstr[0] "<i>один</i>"\nmsgstr[1] "два & три"\nmsgstr[2] ""\n', encoding="utf-8")
    html = render_html(build_queue(load_config(root)))
    assert "plural: &lt;b&gt;%d&lt;/b&gt;" in html
    assert "[0] &lt;i&gt;один&lt;/i&gt;" in html and "[1] два &amp; три" in html
    assert '[2] <span class="empty">(no translation)</span>' in html
    assert "<b>" not in html and "<i>" not in html


def test_control_characters_and_bidi_overrides_are_written_out(tmp_path: Path) -> None:
    """HTML allows no C0/C1 controls, and an override would show a reviewer reordered text."""
    root = write_project(tmp_path / "p", {"news": "One paragraph.\n"}, CONFIG)
    sync(root)
    po = root / "locale" / "ru" / "LC_MESSAGES" / "news.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(re.sub(r'msgstr ".+"', lambda m: 'msgstr "A\\x1b[8mB\\rC\\x7f\u202eD\u200fE"', text),
                  encoding="utf-8")
    html = render_html(build_queue(load_config(root)))
    assert "A\\x1b[8mB\\rC\\x7f\\u202eD\u200fE" in html  # a right-to-left mark reorders nothing: kept
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", html)


def test_a_catalogue_that_cannot_be_read_is_named_on_the_page() -> None:
    from pipeline.errors import CatalogueError
    from pipeline.review import ReviewQueue

    queue = ReviewQueue(versions=[], errors=[CatalogueError("unterminated string <b>", path="locale/ru/x.po", line=7)])
    html = render_html(queue)
    assert "could not be read" in html and "locale/ru/x.po:7" in html and "&lt;b&gt;" in html


def test_empty_queue_renders_a_page() -> None:
    from pipeline.review import ReviewQueue

    html = render_html(ReviewQueue())
    assert "Nothing to show" in html and html.rstrip().endswith("</html>")


# --------------------------------------------------------------------------- a real browser


def _chromium() -> str | None:
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit RGB/RGBA PNG: enough to look at a browser
    screenshot without an imaging library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        line = _unfilter(raw[start], raw[start + 1:start + 1 + stride], previous, channels)
        rows.append(line)
        previous = line
    if channels == 4:
        rows = [_rgb(row) for row in rows]
    return width, height, rows


def _unfilter(kind: int, line: bytes, up: bytes, bpp: int) -> bytes:
    if kind == 0:
        return line
    if kind == 2:
        return _add_bytes(line, up)
    out = bytearray(line)
    for i in range(len(out)):
        left = out[i - bpp] if i >= bpp else 0
        if kind == 1:
            out[i] = (out[i] + left) & 0xFF
        elif kind == 3:
            out[i] = (out[i] + ((left + up[i]) >> 1)) & 0xFF
        else:
            corner = up[i - bpp] if i >= bpp else 0
            p = left + up[i] - corner
            pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - corner)
            out[i] = (out[i] + (left if pa <= pb and pa <= pc else up[i] if pb <= pc else corner)) & 0xFF
    return bytes(out)


def _add_bytes(a: bytes, b: bytes) -> bytes:
    """Byte-wise addition modulo 256 of two equal-length strings, on big integers (no carries
    cross a byte boundary): the "Up" filter, which most screenshot rows use, without a loop."""
    n = len(a)
    x, y = int.from_bytes(a, "big"), int.from_bytes(b, "big")
    low = int.from_bytes(b"\x7f" * n, "big")
    high = int.from_bytes(b"\x80" * n, "big")
    return (((x & low) + (y & low)) ^ ((x ^ y) & high)).to_bytes(n, "big")


def _rgb(row: bytes) -> bytes:
    return b"".join(row[i:i + 3] for i in range(0, len(row), 4))


def screenshot(browser: str, html_file: Path, png: Path, profile: Path) -> None:
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", f"--screenshot={png}", "--window-size=1280,2000",
         "--hide-scrollbars", html_file.as_uri()],
        check=True, capture_output=True, timeout=60,
    )


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine")
def test_page_renders_in_headless_chromium(page: str, tmp_path: Path) -> None:
    html_file = tmp_path / "review.html"
    html_file.write_text(page, encoding="utf-8")
    png = tmp_path / "shot.png"
    screenshot(_chromium() or "", html_file, png, tmp_path / "profile")
    assert png.exists()
    width, height, rows = read_png(png.read_bytes())
    assert (width, height) == (1280, 2000)
    colours = {row[i:i + 3] for row in rows[::7] for i in range(0, len(row), 21)}
    assert len(colours) >= 8, "the screenshot looks blank"
    status_colours = {bytes.fromhex(c) for c in ("2e7d32", "1565c0", "e65100", "c62828")}
    assert status_colours <= colours, "the status colours of the progress bars are not visible"
