"""Linked files: the pictures, PDFs and page-bundle files an article links to by relative path.

A published version that lives in another folder than its source (``public/ru/…`` for
``source/…``) keeps the source's link targets byte for byte, so ``![](photos/port.jpg)`` must
find ``photos/port.jpg`` beside it: the files an article links to are copied there, to the
same place relative to the published version as to the source. An in-tree layout (Hugo's
``content/{slug}.{lang}.md``) publishes beside the source and copies nothing.

What counts, found the way the Markdown parser reads the article (markdown-it): inline images
and links, link reference definitions (used or not), ``src``/``href``/``srcset``/``poster`` of
raw HTML (blocks and inline tags), CSS ``url(...)`` in raw HTML's ``style`` attributes and
``<style>`` elements, the front-matter fields a theme reads as the lead image
(:data:`FRONT_MATTER_FILE_KEYS`), and the named file arguments of static-site template tags
(:data:`TEMPLATE_EMBED_ARGUMENTS`, :data:`TEMPLATE_LINK_ARGUMENTS`): Hugo's
``{{< figure src="photos/port.jpg" >}}`` (quoted, raw or bare values), Liquid's
``{% include figure.html image="port.jpg" %}`` (quoted values only: a bare one is a
variable). Template tags are those the segment reader sees
(:func:`pipeline.inline.template_tags`, :func:`pipeline.markdown.reads_arguments`), in
paragraphs, headings, table cells and raw HTML, on one line or several; positional
arguments (``{% include "note.html" %}``) are never files, and a literal block
(``{% raw %}``, ``{% highlight %}``), an escaped shortcode (``{{</* figure */>}}``), code
(spans, fenced and indented blocks) and HTML comments hold none.
Only relative targets are local (no scheme, no ``//``, no site-root ``/``, no bare
``#fragment``); the query and fragment are dropped and %-escapes decoded. A target is copied
only when it is a regular file inside the source folder (never through ``..`` or a symbolic
link out of it), is not hidden, is not a Markdown article (articles are published on their
own) and is not one of the pipeline's own files.

A missing target is a broken link in the source: it is reported (article, line, target), and
publishing goes on. An embedded file (an image, an HTML ``src``, a CSS ``url``, a template
tag's ``src``) must exist; a link to a target without a file extension, or to a page
(``.md``, ``.html``), may be a page URL the site generator makes, so only a link to a missing
file with another extension is reported, and a front-matter value, which themes resolve in
their own ways, never is.

Finding is pure (text in, :class:`Link` out); :func:`resolve` looks at the file system, once
per article; copying goes through :func:`pipeline.fileio.copy_if_changed` (atomic, streamed,
and only when the bytes differ).
"""

from __future__ import annotations

import itertools
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

from . import tomlfront
from .config import CONFIG_NAME, Config
from .inline import Region, code_spans, html_comments, template_tags
from .markdown import SourceLines, body_tokens, indented_texts, key_path_matches, reads_arguments, with_params
from .model import Article

#: Front-matter fields whose value is the article's lead image or its images (Hugo's
#: ``images``, PaperMod's ``cover.image``, Jekyll/Eleventy themes' ``image``, ``thumbnail``,
#: ``featured_image``); list indices are skipped, as in ``front_matter_keys``.
FRONT_MATTER_FILE_KEYS = frozenset({"image", "image.src", "image.path", "images", "cover.image",
                                    "thumbnail", "featured_image"})
#: The same as key paths, each also under Hugo's ``params`` (as :func:`key_path_matches` reads them).
_FILE_KEY_PATHS = frozenset(with_params(FRONT_MATTER_FILE_KEYS))
#: Link targets that are pages of the site, not files: a missing one is not reported.
PAGE_SUFFIXES = frozenset({"", ".md", ".markdown", ".html", ".htm", ".php", ".aspx"})
#: Never copied: other articles are published on their own.
ARTICLE_SUFFIXES = frozenset({".md", ".markdown"})
#: Named arguments of template tags (Hugo shortcodes, Liquid/Jekyll and Nunjucks tags) that
#: name a file the page embeds: Hugo's ``figure`` and ``video``/``audio`` shortcodes' ``src``
#: and ``poster``, theme and include parameters (``image``, minimal-mistakes' ``image_path``,
#: ``thumbnail``, ``cover``).
TEMPLATE_EMBED_ARGUMENTS = frozenset({"src", "image", "image_path", "poster", "thumbnail", "cover"})
#: Named arguments of template tags that name a file readers follow or download (Hugo's
#: ``figure`` ``link`` to the full-size picture, a ``button``'s ``href``, a ``pdf`` viewer).
TEMPLATE_LINK_ARGUMENTS = frozenset({"href", "link", "file", "pdf"})
_FILE_ARGUMENT_KINDS = {**{name: "template link" for name in TEMPLATE_LINK_ARGUMENTS},
                       **{name: "template src" for name in TEMPLATE_EMBED_ARGUMENTS}}
#: Liquid, Jinja and Nunjucks tags that set variables: ``name = value`` there is no argument.
_ASSIGNMENT_TAGS = frozenset({"assign", "set", "with"})
#: HTML attributes naming a file the page embeds (the rest of the URL-valued ones link).
_EMBEDDED_ATTRIBUTES = frozenset({"src", "srcset", "poster"})
_URL_ATTRIBUTES = _EMBEDDED_ATTRIBUTES | {"href"}
#: A CSS ``url(...)`` (quoted or not), as in ``style="background: url(bg.jpg)"`` and a
#: ``<style>`` block's ``@font-face``; CSS comments are blanked before looking.
_CSS_URL = re.compile(r"""url\(\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'()]*))\s*\)""",
                      re.IGNORECASE)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_MAY_LINK = re.compile(r"\]\(|\]:|<[A-Za-z]")
_MAY_HOLD_TAGS = re.compile(r"\{[{%]")
#: The inside of a template tag, between its delimiters: ``{{<``/``{{%`` … ``>}}``/``%}}``
#: (``/>}}`` self-closing) and ``{%``/``{%-`` … ``%}``/``-%}``.
_TAG_INSIDE = re.compile(r"(?:\{\{[<%]|\{%-?)(?P<inside>.*?)(?:/?[>%]\}\}|-?%\})\Z", re.DOTALL)
#: One argument of a tag, named (``src="a.jpg"``, ``src='a.jpg'``, Hugo's raw string
#: ``src=`a.jpg` ``, Hugo's bare ``src=a.jpg``) or positional (the tag's name, ``"a.jpg"``).
#: Matching from the inside's start consumes quoted values whole, so ``caption="src=x.jpg"``
#: is one argument, not two.
_TAG_ARGUMENT = re.compile(
    r"(?:(?P<name>[A-Za-z_][\w-]*)\s*=\s*)?"
    r"(?:\"(?P<double>(?:[^\"\\]|\\.)*)\"|'(?P<single>[^']*)'|`(?P<raw>[^`]*)`|(?P<bare>[^\s\"'`=]+))")
_INLINE = MarkdownIt("commonmark")
_SAFE_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Link:
    """A link target as written in an article, on a 1-based line.

    ``kind``: ``image``, ``html src``, ``template src`` or ``css url`` (embedded: must
    exist), ``link``, ``definition``, ``html href`` or ``template link`` (followed by
    readers), ``front matter``."""

    target: str
    line: int
    kind: str

    @property
    def embedded(self) -> bool:
        return self.kind in ("image", "html src", "template src", "css url")


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
    if _MAY_LINK.search(text) or _MAY_HOLD_TAGS.search(text):
        texts, tokens = body_tokens(lines, front_matter_end)
        links.extend(_body_links(texts, tokens))
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
    if lines.texts[0].rstrip() == "+++":
        yield from _toml_front_matter_links(lines, end)
        return
    try:
        root = yaml.compose("\n".join(lines.texts[1:end - 1]) + "\n", Loader=_SAFE_YAML_LOADER)
    except yaml.YAMLError:  # the reader refused it already; nothing to find here
        return
    for key_path, node in _scalars(root, ""):
        if isinstance(node.value, str) and key_path_matches(key_path, FRONT_MATTER_FILE_KEYS):
            yield Link(node.value, node.start_mark.line + 2, "front matter")


def _toml_front_matter_links(lines: SourceLines, end: int) -> Iterator[Link]:
    """:func:`_front_matter_links` for Hugo's TOML front matter (``+++``)."""
    toml_text = "".join(text + "\n" for text in lines.texts[1:end - 1])
    try:
        front = tomlfront.parse(toml_text)
    except tomlfront.TomlSyntaxError:  # the reader refused it already; nothing to find here
        return
    for value in front.values:
        if value.kind and key_path_matches(".".join(value.path), FRONT_MATTER_FILE_KEYS):
            yield Link(front.value_at(value.path), toml_text.count("\n", 0, value.start) + 2, "front matter")


def _scalars(node: yaml.Node | None, prefix: str,
             visited: set[tuple[int, str]] | None = None) -> Iterator[tuple[str, yaml.ScalarNode]]:
    """The scalars under key paths that may name a file. A node reached again through an
    alias (``*name``) under the same key path is skipped, and so is every key path no
    file key starts with: following every alias would take 9**n steps for n lines that
    each repeat the line above nine times."""
    visited = set() if visited is None else visited
    if (id(node), prefix) in visited:
        return
    visited.add((id(node), prefix))
    if isinstance(node, yaml.ScalarNode):
        yield prefix, node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item, prefix, visited)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                path = f"{prefix}.{key.value}" if prefix else str(key.value)
                if _may_name_a_file(path):
                    yield from _scalars(value, path, visited)


def _may_name_a_file(key_path: str) -> bool:
    """Whether a key path is, or leads to, one of :data:`FRONT_MATTER_FILE_KEYS` (list
    indices skipped, as :func:`key_path_matches` skips them)."""
    parts = [part for part in key_path.split(".") if not part.isdigit()]
    return any(key.split(".")[:len(parts)] == parts for key in _FILE_KEY_PATHS)


def _body_links(texts: list[str], tokens: list[Token]) -> Iterator[Link]:
    """The body's links, block by block; within a block, in order of lines."""
    tags = _TemplateArguments(texts)
    for token in tokens:
        if token.map is None:
            continue
        first = token.map[0] + 1
        if token.type == "definition":
            yield Link(token.meta.get("href", ""), first, "definition")
            continue
        if token.type not in ("html_block", "inline"):
            continue
        links = tags.links(token.map[0], token.map[1], code=token.type == "inline")
        content = _without_shortcode_openers(token.content)
        if token.type == "html_block":
            links += _html_links(content, first)
        elif _MAY_LINK.search(content):
            links += _inline_links(content, first)
        yield from sorted(links, key=lambda link: link.line)
    for inner, inner_tokens in indented_texts(texts, tokens):
        # An admonition's or a footnote's indented text is Markdown the segment reader reads:
        # its published version links to the same files.
        yield from _body_links(inner, list(inner_tokens))


def _without_shortcode_openers(content: str) -> str:
    """``content`` with the ``<`` of each ``{{<`` opener blanked: in ``{{<figure src="a.jpg">}}``
    the HTML and Markdown parsers would see a ``<figure>`` tag, and report as an HTML
    ``src`` what :class:`_TemplateArguments` reads as the shortcode's."""
    if "{{<" not in content:
        return content
    chars = list(content)
    for region in template_tags(content):
        if content.startswith("{{<", region.start):
            chars[region.start + 2] = " "
    return "".join(chars)


class _TemplateArguments:
    """The files named by template tags' arguments (:data:`TEMPLATE_EMBED_ARGUMENTS`,
    :data:`TEMPLATE_LINK_ARGUMENTS`), read from the body's source lines.

    Tags are found the way the segment reader finds them (:func:`template_tags`; only tags
    whose arguments the generator reads, :func:`reads_arguments`), one Markdown block at a
    time, so a stray brace in one block cannot swallow the next, and outside code spans and
    HTML comments. A literal block (``{% raw %}`` … ``{% endraw %}``) may hold blank lines,
    and so several Markdown blocks: those are found once, over the whole body."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.scanned: set[tuple[int, int]] = set()
        body = "\n".join(texts)
        self.any_tags = _MAY_HOLD_TAGS.search(body) is not None
        self.starts: list[int] = []
        self.literal: list[Region] = []
        if self.any_tags:
            self.starts = list(itertools.accumulate((len(text) + 1 for text in texts), initial=0))
            self.literal = _literal_blocks(body)

    def links(self, begin: int, end: int, code: bool) -> list[Link]:
        """The links of lines ``begin`` to ``end`` (0-based, end excluded), a block's; nothing
        for lines already read (a table's cells share their row's lines). ``code``: whether
        Markdown code spans are code there (not in a raw HTML block)."""
        if not self.any_tags or (begin, end) in self.scanned:
            return []
        self.scanned.add((begin, end))
        text = "\n".join(self.texts[begin:end])
        if not _MAY_HOLD_TAGS.search(text):
            return []
        tags = template_tags(text)
        skip = [span for span in code_spans(text) if not _inside_one(span, tags)] if code else []
        skip += html_comments(text, skip)
        links = []
        for region in tags:
            if not reads_arguments(text, region.start) or _overlaps_one(region, skip):
                continue
            for offset, target, kind in _file_arguments(region.text(text)):
                at = region.start + offset
                if not self._in_literal_block(self.starts[begin] + at):
                    links.append(Link(target, begin + 1 + text.count("\n", 0, at), kind))
        return links

    def _in_literal_block(self, offset: int) -> bool:
        return any(region.start <= offset < region.end for region in self.literal)


def _literal_blocks(body: str) -> list[Region]:
    """The ``{% raw %}``, ``{% comment %}`` and ``{% highlight %}`` blocks of the body, from
    opener to closer: the ``{%`` regions of :func:`template_tags` whose arguments the
    generator does not read (:func:`reads_arguments`)."""
    return [region for region in template_tags(body)
            if body.startswith("{%", region.start) and not reads_arguments(body, region.start)]


def _inside_one(span: Region, regions: list[Region]) -> bool:
    """Whether ``span`` lies inside one of ``regions``: backticks inside a tag are a Hugo raw
    string (``caption=`a "quoted" word` ``), which the generator reads before Markdown does."""
    return any(region.start <= span.start and span.end <= region.end for region in regions)


def _overlaps_one(span: Region, regions: list[Region]) -> bool:
    return any(region.start < span.end and span.start < region.end for region in regions)


def _file_arguments(tag: str) -> Iterator[tuple[int, str, str]]:
    """(offset in ``tag``, value, kind) of each file-valued named argument of one template
    tag. Positional arguments are never files (``{% include "note.html" %}`` names a
    partial), a bare value is a file only in a Hugo shortcode (in a Liquid tag,
    ``image=page.cover`` is a variable), and an assignment (``{% assign image = "a.jpg" %}``)
    sets a variable the article may or may not show."""
    inside = _TAG_INSIDE.match(tag)
    if inside is None:
        return
    hugo = tag.startswith(("{{<", "{{%"))
    arguments = list(_TAG_ARGUMENT.finditer(tag, inside.start("inside"), inside.end("inside")))
    if not hugo and arguments and arguments[0].group("bare") in _ASSIGNMENT_TAGS:
        return
    for argument in arguments:
        kind = _FILE_ARGUMENT_KINDS.get(argument.group("name") or "")
        value = _argument_value(argument, hugo)
        if kind is not None and value is not None:
            yield argument.start(), value, kind


def _argument_value(argument: re.Match[str], hugo: bool) -> str | None:
    """A quoted argument's value as written between its quotes; a bare one's in a Hugo
    shortcode only."""
    for group in ("double", "single", "raw"):
        if argument.group(group) is not None:
            return argument.group(group)
    return argument.group("bare") if hugo else None


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
    """The URL-valued attributes of the tags of an HTML fragment and the ``url(...)`` of its
    CSS (``style`` attributes, ``<style>`` elements), with their line (1-based)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int, str]] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self.found.extend((url, line, "css url") for url, _ in _css_urls(value))
            elif name in _URL_ATTRIBUTES:
                kind = "html src" if name in _EMBEDDED_ATTRIBUTES else "html href"
                urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
                self.found.extend((url, line, kind) for url in urls)
        self.in_style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            line = self.getpos()[0]
            self.found.extend((url, line + data.count("\n", 0, at), "css url") for url, at in _css_urls(data))


def _css_urls(css: str) -> Iterator[tuple[str, int]]:
    """(target, offset) of each ``url(...)`` of a piece of CSS, outside its comments."""
    if "url" not in css.lower():
        return
    css = _CSS_COMMENT.sub(lambda comment: re.sub(r"[^\n]", " ", comment.group()), css)
    for found in _CSS_URL.finditer(css):
        yield next(value for value in found.group("double", "single", "bare") if value is not None), found.start()


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


#: What an embedded file is, by its extension, as the broken-link report names it (a missing
#: video called an image sends an editor looking for a picture).
_EMBEDDED_KINDS = {**dict.fromkeys((".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp",
                                    ".tif", ".tiff", ".ico", ".heic"), "image"),
                   **dict.fromkeys((".mp4", ".webm", ".mov", ".m4v", ".ogv", ".avi", ".mkv"), "video"),
                   **dict.fromkeys((".mp3", ".m4a", ".oga", ".ogg", ".wav", ".flac", ".aac", ".opus"),
                                   "audio file")}


def missing(article: Article, files: tuple[LinkedFile, ...]) -> list[str]:
    """One line per broken link worth reporting: ``path:line: … target …``."""
    lines = []
    for file in files:
        if file.exists or file.link.kind == "front matter":
            continue
        suffix = posixpath.splitext(file.path)[1].lower()
        if not file.link.embedded and suffix in PAGE_SUFFIXES:
            continue
        what = _EMBEDDED_KINDS.get(suffix, "embedded file") if file.link.embedded else "linked file"
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
