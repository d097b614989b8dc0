"""Linked files: the pictures, PDFs and page-bundle files an article links to by relative path.

A published version that lives in another folder than its source (``public/ru/…`` for
``source/…``) keeps the source's link targets byte for byte, so ``![](photos/port.jpg)`` must
find ``photos/port.jpg`` beside it: the files an article links to are copied there, to the
same place relative to the published version as to the source. An in-tree layout (Hugo's
``content/{slug}.{lang}.md``) publishes beside the source and copies nothing.

What counts, found the way the Markdown parser reads the article (markdown-it): inline images
and links, link reference definitions (used or not), ``src``/``href``/``srcset``/``poster`` of
raw HTML (blocks and inline tags), and the front-matter fields a theme reads as the lead
image (:data:`FRONT_MATTER_FILE_KEYS`). Only relative targets are local (no scheme, no ``//``,
no site-root ``/``, no bare ``#fragment``); the query and fragment are dropped and
%-escapes decoded. A target is copied only when it is a regular file inside the source folder
(never through ``..`` or a symbolic link out of it), is not hidden, is not a Markdown
article (articles are published on their own) and is not one of the pipeline's own files.

A missing target is a broken link in the source: it is reported (article, line, target), and
publishing goes on. An embedded file (an image, an HTML ``src``) must exist; a link to a
target without a file extension, or to a page (``.md``, ``.html``), may be a page URL the site
generator makes, so only a link to a missing file with another extension is reported, and a
front-matter value, which themes resolve in their own ways, never is.

Finding is pure (text in, :class:`Link` out); :func:`resolve` looks at the file system, once
per article; copying goes through :func:`pipeline.fileio.write_if_changed` (atomic, and only
when the bytes differ).
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Iterator
from urllib.parse import unquote

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .config import CONFIG_NAME, Config
from .markdown import SourceLines, body_tokens, key_path_matches
from .model import Article

#: Front-matter fields whose value is the article's lead image or its images (Hugo's
#: ``images``, PaperMod's ``cover.image``, Jekyll/Eleventy themes' ``image``, ``thumbnail``,
#: ``featured_image``); list indices are skipped, as in ``front_matter_keys``.
FRONT_MATTER_FILE_KEYS = frozenset({"image", "image.src", "image.path", "images", "cover.image",
                                    "thumbnail", "featured_image"})
#: Link targets that are pages of the site, not files: a missing one is not reported.
PAGE_SUFFIXES = frozenset({"", ".md", ".markdown", ".html", ".htm", ".php", ".aspx"})
#: Never copied: other articles are published on their own.
ARTICLE_SUFFIXES = frozenset({".md", ".markdown"})
#: HTML attributes naming a file the page embeds (the rest of the URL-valued ones link).
_EMBEDDED_ATTRIBUTES = frozenset({"src", "srcset", "poster"})
_URL_ATTRIBUTES = _EMBEDDED_ATTRIBUTES | {"href"}

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_MAY_LINK = re.compile(r"\]\(|\]:|<[A-Za-z]")
_INLINE = MarkdownIt("commonmark")
_SAFE_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Link:
    """A link target as written in an article, on a 1-based line.

    ``kind``: ``image`` or ``html src`` (embedded: must exist), ``link``, ``definition`` or
    ``html href`` (followed by readers), ``front matter``."""

    target: str
    line: int
    kind: str

    @property
    def embedded(self) -> bool:
        return self.kind in ("image", "html src")


@dataclass(frozen=True)
class LinkedFile:
    """A local file an article links to: ``below`` is its path relative to the article's
    folder, normalised (``photos/port.jpg``, ``../shared/map.png``), ``path`` its
    project-relative path; ``exists`` is False for a broken link."""

    link: Link
    below: str
    path: str
    exists: bool


# --------------------------------------------------------------------------- finding (pure)


def find_links(text: str, front_matter_end: int = 0) -> list[Link]:
    """Every link target of an article's text: the body's in order of lines, then the front
    matter's (a file both name is then reported, if missing, as the body links it)."""
    lines = SourceLines.split(text)
    links: list[Link] = []
    if _MAY_LINK.search(text):
        _, tokens = body_tokens(lines, front_matter_end)
        links.extend(_body_links(tokens))
    links.extend(_front_matter_links(lines, front_matter_end))
    return links


def local_path(target: str) -> str | None:
    """The file path a relative link target names (query and fragment dropped, %-escapes
    decoded), or None for anything that is not a local relative file: a URL with a scheme
    (``https:``, ``mailto:``), ``//host/…``, a site-root ``/path``, a bare ``#fragment``, or a
    template tag (``{{< ref >}}``) the site generator resolves."""
    target = target.strip()
    if not target or target.startswith(("#", "/", "\\", "?")) or _SCHEME.match(target):
        return None
    if "{{" in target or "{%" in target:
        return None
    path = unquote(re.split(r"[?#]", target, maxsplit=1)[0])
    if not path or "\0" in path:
        return None
    return path


def _front_matter_links(lines: SourceLines, end: int) -> Iterator[Link]:
    if end < 2:
        return
    try:
        root = yaml.compose("\n".join(lines.texts[1:end - 1]) + "\n", Loader=_SAFE_YAML_LOADER)
    except yaml.YAMLError:  # the reader refused it already; nothing to find here
        return
    for key_path, node in _scalars(root, ""):
        if isinstance(node.value, str) and key_path_matches(key_path, FRONT_MATTER_FILE_KEYS):
            yield Link(node.value, node.start_mark.line + 2, "front matter")


def _scalars(node: yaml.Node | None, prefix: str) -> Iterator[tuple[str, yaml.ScalarNode]]:
    if isinstance(node, yaml.ScalarNode):
        yield prefix, node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item, prefix)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield from _scalars(value, f"{prefix}.{key.value}" if prefix else str(key.value))


def _body_links(tokens: list[Token]) -> Iterator[Link]:
    for token in tokens:
        if token.map is None:
            continue
        first = token.map[0] + 1
        if token.type == "definition":
            yield Link(token.meta.get("href", ""), first, "definition")
        elif token.type == "html_block":
            yield from _html_links(token.content, first)
        elif token.type == "inline" and _MAY_LINK.search(token.content):
            yield from _inline_links(token.content, first)


def _inline_links(content: str, first: int) -> Iterator[Link]:
    """Images, links and inline HTML tags of one block's inline text. The parser does not
    say where a child token lies, so its line is that of the first place (from the block's
    start, after the previous link) that holds its target as written."""
    searched = 0
    for child in _INLINE.parseInline(content, {})[0].children or []:
        if child.type == "html_inline":
            searched = _after(content, (child.content,), searched)
            yield from _html_links(child.content, first + content.count("\n", 0, searched))
        elif child.type in ("image", "link_open"):
            url = str(child.attrGet("src" if child.type == "image" else "href") or "")
            searched = _after(content, (url, unquote(url)), searched)
            yield Link(url, first + content.count("\n", 0, searched), "image" if child.type == "image" else "link")


def _after(content: str, needles: tuple[str, ...], start: int) -> int:
    """Where the first of ``needles`` found from ``start`` on lies (``start`` if none is)."""
    for needle in needles:
        found = content.find(needle, start) if needle else -1
        if found >= 0:
            return found
    return start


def _html_links(html: str, first: int) -> list[Link]:
    collector = _UrlCollector()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup
        pass
    return [Link(url, first + line - 1, kind) for url, line, kind in collector.found]


class _UrlCollector(HTMLParser):
    """The URL-valued attributes of the tags of an HTML fragment, with their line (1-based)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None or name not in _URL_ATTRIBUTES:
                continue
            kind = "html src" if name in _EMBEDDED_ATTRIBUTES else "html href"
            urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
            self.found.extend((url, line, kind) for url in urls)

    handle_startendtag = handle_starttag


# --------------------------------------------------------------------------- resolving (reads the disk)


def resolve(config: Config, article: Article, links: list[Link]) -> tuple[LinkedFile, ...]:
    """The local files among ``links`` that lie inside the source folder, each once (the
    first link to it), existing or not. Outside the source folder, through ``..`` or a
    symbolic link, a target is not the project's to copy and is left alone, as are hidden
    files, folders and Markdown articles."""
    source_real = os.path.realpath(config.source_path)
    article_dir = posixpath.dirname(article.slug)
    seen: set[str] = set()
    files: list[LinkedFile] = []
    for link in links:
        path = local_path(link.target)
        if path is None or path.endswith("/"):
            continue
        below_source = posixpath.normpath(posixpath.join(article_dir, path))
        if below_source in (".", "..") or below_source.startswith("../") or below_source in seen:
            continue
        if any(part.startswith(".") for part in below_source.split("/")):
            continue
        if posixpath.splitext(below_source)[1].lower() in ARTICLE_SUFFIXES:
            continue
        exists = _regular_file_inside(os.path.join(config.source_path, below_source), source_real)
        if exists is None:
            continue
        rel = posixpath.normpath(posixpath.join(config.source_dir, below_source))
        if _pipeline_file(config, rel):
            continue
        seen.add(below_source)
        files.append(LinkedFile(link, posixpath.normpath(path), rel, exists))
    return tuple(files)


def _pipeline_file(config: Config, rel: str) -> bool:
    """Whether ``rel`` is one of the pipeline's own files, never published whatever links to
    it: ``pipeline.toml``, the catalogues and templates (translators' work in progress), and,
    when the output folder lies inside the source folder (``source_dir = "."``), the
    published tree itself."""
    if rel == CONFIG_NAME or _below(rel, posixpath.normpath(config.locale_dir)):
        return True
    output = posixpath.normpath(config.output_root.relative_to(config.root).as_posix())
    source = posixpath.normpath(config.source_dir)
    return output != source and (source == "." or _below(output, source)) and _below(rel, output)


def _below(rel: str, folder: str) -> bool:
    return rel.startswith(folder + "/")


def _regular_file_inside(path: str, root_real: str) -> bool | None:
    """True for a regular file whose real path is inside ``root_real``, False when nothing
    is there (a broken link), None for anything else (a folder, a link out of the folder)."""
    real = os.path.realpath(path)
    if not real.startswith(root_real.rstrip(os.sep) + os.sep):
        return None
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return False
    except OSError:
        return None
    return True if stat.S_ISREG(mode) else None


def missing(article: Article, files: tuple[LinkedFile, ...]) -> list[str]:
    """One line per broken link worth reporting: ``path:line: … target …``."""
    lines = []
    for file in files:
        if file.exists or file.link.kind == "front matter":
            continue
        suffix = posixpath.splitext(file.path)[1].lower()
        if not file.link.embedded and suffix in PAGE_SUFFIXES:
            continue
        what = "image" if file.link.embedded else "linked file"
        lines.append(f"{article.path}:{file.link.line}: {what} {file.link.target!r} does not exist "
                     f"({file.path}); published versions keep the broken link")
    return lines


def copies(config: Config, article: Article, lang: str, files: tuple[LinkedFile, ...]) -> list[tuple[str, str]]:
    """(source file, destination) for each existing file, both project-relative: the same
    place relative to the ``lang`` version as to the source. Nothing for a version
    published in its source's own folder (in-tree layouts)."""
    version_dir = posixpath.dirname(posixpath.normpath(config.output_rel(lang, article.slug)))
    if version_dir == posixpath.dirname(posixpath.normpath(article.path)):
        return []
    pairs = []
    for file in files:
        destination = posixpath.normpath(posixpath.join(version_dir, file.below))
        if file.exists and destination != file.path and not destination.startswith("../"):
            pairs.append((file.path, destination))
    return pairs


def linked_files(config: Config, article: Article) -> tuple[LinkedFile, ...]:
    """The local files ``article`` links to (see :func:`resolve`)."""
    return resolve(config, article, find_links(article.text, article.front_matter_end))
