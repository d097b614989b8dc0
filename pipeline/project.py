"""A project's files: which articles exist, reading them and their catalogues, and status.

File I/O at the edge: stages get :class:`~pipeline.model.Article` and
:class:`~pipeline.model.Catalogue` values from here and never open files themselves.
"""

from __future__ import annotations

import difflib
import errno
import os
import posixpath
import re
import shlex
import stat
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Callable, Collection, Iterator, Protocol, Sequence

from . import tomlfront
from .catalogue import read_catalogue
from .config import CONFIG_NAME, DEFAULT_FRONT_MATTER_KEYS, Config, setting_line, validate_language
from .errors import ArticleError, CatalogueError, ConfigError, PipelineError
from .fileio import TEMP_NAME_EXTRA, dangling_link, fingerprint, is_utf32, refuse_special_file, safe_join
from .markdown import front_matter_key, front_matter_line, front_matter_value, has_toml_front_matter, read_article
from .model import Article, Catalogue, EntryStatus, Finding, Message
from .publish import decide
from .state import PublishedVersions


class ErrorSink(Protocol):
    errors: list[PipelineError]
    articles: int


@dataclass
class Problems:
    """Collects errors where no full report is needed (status, check, review)."""

    errors: list[PipelineError] = field(default_factory=list)
    articles: int = 0


def discover_articles(config: Config) -> list[tuple[str, str]]:
    """(project-relative path, slug) of every ``*.md`` below the source folder, sorted.

    Published versions are not articles: a file the ``output`` pattern names for one of
    the project's languages is left out, so an output folder inside the source folder
    (``source_dir = "."``, Hugo's ``content/{slug}.{lang}.md``) is never read back as
    sources. Except where the pattern names the file itself as its own version: Hugo's
    folder per language (``source_dir = "content/en"``, ``output = "content/{lang}/{slug}.md"``)
    puts the sources where the source language's versions would go."""
    source = config.source_path
    if source.exists() and not source.is_dir():
        raise ConfigError(f"{config.source_dir} is a file where the source folder belongs", path=config.source_dir,
                          hint=f"rename or delete the file, make {config.source_dir}/ a folder holding the Markdown "
                               "articles (or set source_dir in pipeline.toml), then run the command again")
    if not source.is_dir() and config.source_dir != config.source_dir.strip() \
            and safe_join(config.root, config.source_dir.strip()).is_dir():
        raise ConfigError(f"no source folder {config.source_dir!r}: source_dir in pipeline.toml has a space at its "
                          "start or end", path="pipeline.toml",
                          hint=f'write source_dir = "{config.source_dir.strip()}", then run the command again')
    written = setting_line(config.root, "source_dir") if not source.is_dir() else None
    if written is not None:
        raise ConfigError(f"source_dir = {config.source_dir!r} names no folder: there is no "
                          f"{config.source_dir}/ in {config.root}", path=CONFIG_NAME, line=written,
                          hint="correct source_dir (a typo?), or create the folder and put the Markdown "
                               "articles there, then run the command again")
    if not source.is_dir():
        project = _enclosing_project(config.root)
        raise ConfigError(
            f"no source folder {config.source_dir}/ in {config.root}",
            hint=f"this folder is inside the project {project}: run the command there, or name it with "
                 f"--project {os.path.relpath(project, config.root)}" if project is not None else
                 "run the command in the project's folder (or name it with --project DIR); in a new "
                 "project, create the folder and put the Markdown articles there, or set source_dir "
                 "in pipeline.toml",
        )
    is_output = output_matcher(config)
    above = source.relative_to(config.root).as_posix()
    found = []
    for rel_to_source in _markdown_names(source):
        rel = rel_to_source if above == "." else f"{above}/{rel_to_source}"
        if is_output(rel) and all(config.output_rel(lang, rel_to_source[:-3]) != rel for lang in config.languages):
            continue
        found.append((f"{config.source_dir}/{rel_to_source}", rel_to_source[:-3]))
    return found


def _markdown_names(source: Path) -> list[str]:
    """The ``*.md`` names below ``source`` (files, and folders so named, which are reported
    as such), as paths relative to it, hidden ones left out, in path order. os.walk, not
    Path.rglob: a folder that cannot be listed (a path too long for the system) stopped the
    whole run there; :func:`unreadable_folders` names it, and the rest is processed."""
    names = []
    for folder, subfolders, files in os.walk(source):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        inside = os.path.relpath(folder, source)
        for name in files + subfolders:
            if name.endswith(".md") and not name.startswith("."):
                names.append(name if inside == "." else f"{Path(inside).as_posix()}/{name}")
    return sorted(names, key=lambda name: name.split("/"))


def _folded(slug: str) -> str:
    """The slug as a case-insensitive, normalisation-insensitive file system (macOS, Windows)
    or a site's lower-cased URLs see it."""
    return unicodedata.normalize("NFC", slug).lower()


def refuse_clashing_names(config: Config, found: Sequence[tuple[str, str]], only: Collection[str] = ()
                          ) -> tuple[list[tuple[str, str]], list[PipelineError]]:
    """``found`` without the articles whose names differ from another's only in letter case
    or Unicode normalisation (``Tram.md`` beside ``tram.md``, café in NFD beside NFC), and an
    error for each. Where one file stands for both (a translator's Mac or Windows checkout,
    Hugo's lower-cased URLs), their catalogues and versions would replace each other. The one
    article of such names that has a template already is kept (the desk works on it); where
    none or several do, the one named as a site's lower-cased address names it (``tram.md``)
    is kept, else the first in code-point order: refusing all stopped the desk's work on
    both until someone renamed a file, and the choice must not depend on the order a
    file system lists them in. Only the articles ``only`` names (all if empty) get an error."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for rel, slug in found:
        groups.setdefault(_folded(slug), []).append((rel, slug))
    refused: dict[str, PipelineError] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        known = [item for item in group if safe_join(config.root, config.template_rel(item[1])).exists()]
        keep = min(known or group, key=lambda item: (item[1] != _folded(item[1]), item[1]))
        for rel, slug in group:
            if (rel, slug) != keep:
                refused[rel] = _clash_error(rel, keep[0], slug, keep[1])
    errors = [error for rel, slug in found if rel in refused and (not only or slug in only)
              for error in (refused[rel],)]
    return [item for item in found if item[0] not in refused], errors


def _clash_error(rel: str, other_rel: str, slug: str, other: str) -> ArticleError:
    if unicodedata.normalize("NFC", slug) == unicodedata.normalize("NFC", other):
        how = ("as a letter and a combining accent (NFD), the other as one letter (NFC)"
               if not unicodedata.is_normalized("NFC", slug) else
               "as one letter (NFC), the other as a letter and a combining accent (NFD)")
        problem = (f"its name is {other_rel} with its accented letters written {how}: the names look "
                   "the same, and on a Mac they are one file")
    else:
        problem = (f"its name differs from {other_rel} only in letter case: on a Mac or Windows computer, "
                   "and in a site's lower-cased addresses, they are one file")
    return ArticleError(
        f"{problem}, so their catalogues and published versions would replace each other: only "
        f"{other_rel} is translated", path=rel,
        hint="rename this one (git mv; retype an accented letter) so that the names differ in more than "
             "that, then run the command again; nothing was written for it")


def unreadable_folders(config: Config) -> list[PipelineError]:
    """The folders below the source folder that cannot be listed (no read or execute
    permission): :func:`discover_articles` finds no article in them, so without this error
    their articles would vanish without a word, their catalogues taken for a deleted
    article's. Hidden folders are not articles' and are not visited."""
    errors: list[PipelineError] = []

    def failed(exc: OSError) -> None:
        rel = os.path.relpath(exc.filename, config.root) if exc.filename else config.source_dir
        remedy = "move them to a folder with a shorter path (fewer or shorter folder names)" \
            if exc.errno == errno.ENAMETOOLONG else "give the folder read and execute permission (chmod u+rx)"
        errors.append(PipelineError(
            f"cannot read this folder: {exc.strerror or exc}", path=Path(rel).as_posix(),
            hint=f"its articles were not read (their catalogues may be listed as used by no article): {remedy}, "
                 "then run the command again"))

    for _folder, subfolders, _files in os.walk(config.source_path, onerror=failed):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
    return errors


#: The other endings Hugo and Jekyll read as Markdown (``.markdown``, ``.mdown``; Jekyll's
#: ``markdown_ext`` also ``.mkd``, ``.mkdn``, ``.mkdown``), in any case.
_OTHER_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mkdown"})


def misnamed_articles(config: Config) -> list[PipelineError]:
    """The files below the source folder whose names end in ``.MD`` or ``.Md`` (a Windows
    tool's or a camera app's upper case), ``.markdown`` or ``.mdown``, which are not read,
    only ``*.md`` being articles: the site publishes them as Markdown, but without this error
    such an article was never translated, and no command said so. Hidden files and folders
    are not visited."""
    errors: list[PipelineError] = []
    is_output = output_matcher(config)
    for folder, subfolders, files in os.walk(config.source_path):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            stem, suffix = os.path.splitext(name)
            if name.startswith(".") or suffix == ".md" or suffix.lower() not in _OTHER_MARKDOWN_SUFFIXES:
                continue
            rel = Path(os.path.relpath(os.path.join(folder, name), config.root)).as_posix()
            if not is_output(rel) and _is_utf8(rel):
                errors.append(PipelineError(
                    "not read: only files whose names end in .md (in lower case) are articles", path=rel,
                    hint=f"rename it to {stem}.md to have it translated (or move it out of the source "
                         "folder), then run the command again"))
    return errors


def linked_folders(config: Config) -> list[PipelineError]:
    """The symbolic links below the source folder to a folder of articles outside it (a
    desk's shared folder, linked in). Links are not followed, so no article is read twice
    or from outside the project; but without this error the articles there were never
    translated, and no command said so. A link inside the source folder (its articles are
    read where they are) or to a folder holding no article (pictures) is no error."""
    errors: list[PipelineError] = []
    source = config.source_path.resolve()
    is_output = output_matcher(config)
    for folder, subfolders, _files in os.walk(config.source_path):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in subfolders:
            link = Path(folder, name)
            if not os.path.islink(link):  # False, not an error, for a path too long to look at
                continue
            target = link.resolve()
            rel = Path(os.path.relpath(link, config.root)).as_posix()
            if target == source or source in target.parents or not _holds_articles(link, rel, is_output):
                continue
            errors.append(PipelineError(
                f"not read: a link to a folder outside {config.source_dir}/ ({target}), whose articles are "
                "not translated", path=rel,
                hint=f"move the articles into {config.source_dir}/ (or put the folder itself in place of the "
                     "link) to have them translated, or delete the link; then run the command again"))
    return errors


def _holds_articles(folder: Path, rel: str, is_output: Callable[[str], bool]) -> bool:
    """Whether a folder (seen at ``rel`` in the project) holds an article, not counting
    hidden files and published versions; links below it are not followed."""
    for top, subfolders, files in os.walk(folder):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        inside = Path(rel, os.path.relpath(top, folder)).as_posix()
        if any(name.endswith(".md") and not name.startswith(".")
               and not is_output(posixpath.normpath(f"{inside}/{name}")) for name in files):
            return True
    return False


def misnamed_catalogues(config: Config) -> list[PipelineError]:
    """The files among a language's catalogues whose names end in ``.PO`` or ``.Po`` (a
    Windows tool's upper case: one file with the ``.po`` beside it there, two on the
    server), which are not read, only ``*.po`` being catalogues: without this error the
    translator's work lay unused, sync made a new, untranslated catalogue beside it, and no
    command said so. Hidden files and folders are not visited."""
    errors: list[PipelineError] = []
    for lang in config.languages:
        for folder, subfolders, files in os.walk(config.locale_path / lang / "LC_MESSAGES"):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            # A no-op sync walks every catalogue: the common name is passed over at once.
            for name in sorted(n for n in files if not n.endswith(".po") and n[-3:].lower() == ".po"):
                stem = name[:-3]
                if name.startswith("."):
                    continue
                rel = Path(os.path.relpath(os.path.join(folder, name), config.root)).as_posix()
                if _is_utf8(rel):
                    read = os.path.lexists(os.path.join(folder, stem + ".po"))
                    errors.append(PipelineError(
                        "not read: only files whose names end in .po (in lower case) are catalogues",
                        path=rel, hint=_misnamed_catalogue_hint(rel, stem, read)))
    return errors + stray_catalogues(config)


def stray_catalogues(config: Config) -> list[PipelineError]:
    """The ``.po`` files under the locale folder but outside every ``<lang>/LC_MESSAGES/``
    (a translator's ``locale/ru/sport/derby.po``, or ``locale/derby.ru.po`` as another tool
    names them), which no command reads: their translations lay unused while sync made a new,
    untranslated catalogue where it looks, and no command said so. The ``LC_MESSAGES`` folders
    themselves are walked elsewhere (a language taken out of pipeline.toml keeps its own);
    the templates' folder and hidden files and folders are not visited."""
    top = config.locale_path
    if not top.is_dir() or top.resolve() == config.root.resolve():  # locale_dir "." holds the whole project
        return []
    errors = []
    for folder, subfolders, files in os.walk(top):
        # Not walked again: the catalogues' own folders, and the templates' (thousands of
        # .pot files, walked on every no-op sync for a .po nobody puts there).
        skipped = ("templates",) if folder == str(top) else ("LC_MESSAGES",) if os.path.dirname(folder) == str(top) \
            else ()
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and name not in skipped)
        for name in sorted(n for n in files if n.endswith(".po") and not n.startswith(".")):
            rel = Path(os.path.relpath(os.path.join(folder, name), config.root)).as_posix()
            if _is_utf8(rel):
                errors.append(PipelineError(
                    f"not read: catalogues are read only at {config.catalogue_rel('<lang>', '<slug>')}",
                    path=rel, hint=_stray_catalogue_hint(config, rel)))
    return errors


def _stray_catalogue_hint(config: Config, rel: str) -> str:
    """Where a stray catalogue's translations go: its language's folder when it lies in one."""
    lang, _, rest = rel.removeprefix(f"{config.locale_dir}/").partition("/")
    if lang not in config.languages or not rest:
        return (f"move it to {config.catalogue_rel('<lang>', '<slug>')} (its language's folder and its "
                "article's slug, the path below the source folder without .md), then run the command again; a "
                "compendium or an archive kept on purpose belongs outside " + config.locale_dir + "/")
    place = config.catalogue_rel(lang, rest[:-3])
    if os.path.lexists(config.root / place):
        return (f"{place} is read in its place: carry this file's translations into it (msgcat --use-first "
                f"{shlex.quote(rel)} {shlex.quote(place)} -o {shlex.quote(place)}), then delete this one and "
                "run the command again")
    return f"move it to {place} to have it read, then run the command again"


def _misnamed_catalogue_hint(rel: str, stem: str, read: bool) -> str:
    """Where the misnamed file's translations go: into the catalogue read in its place
    (``read``), or the file itself, renamed."""
    lower = rel[:-len(stem) - 3] + stem + ".po"
    if read:
        return (f"{lower} is read in its place: carry this file's translations into it (msgcat "
                f"--use-first {shlex.quote(rel)} {shlex.quote(lower)} -o {shlex.quote(lower)}), "
                "then delete this one and run the command again")
    return f"rename it to {stem}.po to have it read, then run the command again"


def _enclosing_project(folder: Path) -> Path | None:
    """The nearest folder above ``folder`` that is a project (it has a ``pipeline.toml``, or
    the ``.pipeline/`` a run leaves): a command run from ``source/`` or ``locale/`` is
    pointed there rather than told to create a source folder."""
    for parent in folder.resolve().parents:
        if (parent / "pipeline.toml").is_file() or (parent / ".pipeline").is_dir():
            return parent
    return None


def output_matcher(config: Config) -> Callable[[str], bool]:
    """Whether a project-relative path is one the ``output`` pattern produces for one of
    the project's languages, or for one taken out of them whose catalogues wait to come back
    (its versions are listed as no article's, not read as articles) (``{slug}`` stands for
    any path)."""
    parts = []
    languages = [*config.languages, *dropped_languages(config)]
    for literal, name, _spec, _conversion in string.Formatter().parse(config.output):
        parts.append(re.escape(literal))
        if name == "lang":
            parts.append("(?:" + "|".join(re.escape(lang) for lang in languages) + ")")
        elif name is not None:
            parts.append(".+")
    pattern = re.compile("".join(parts) + r"\Z", re.S)
    return lambda rel: pattern.match(rel) is not None


def discover_catalogues(config: Config) -> list[tuple[str, str, str]]:
    """(target language, slug, project-relative path) of every ``.po`` below
    ``locale/<lang>/LC_MESSAGES/`` for the project's languages, sorted by path: including
    catalogues whose article was renamed or deleted, which still hold reviewed work.
    A name that is not UTF-8 is left out: no article can have it (:func:`load_article`
    refuses such names), and it could not be recorded or printed."""
    return _catalogues_in(config, config.languages)


def _catalogues_in(config: Config, languages: Sequence[str]) -> list[tuple[str, str, str]]:
    found = []
    for lang in languages:
        folder = config.locale_path / lang / "LC_MESSAGES"
        for top, dirs, files in os.walk(folder):  # os.walk: a no-op sync runs this, rglob is 10× slower
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            prefix = os.path.relpath(top, folder).replace(os.sep, "/")
            prefix = "" if prefix == "." else prefix + "/"
            found += [(lang, prefix + name[:-3], config.catalogue_rel(lang, prefix + name[:-3]))
                      for name in files if name.endswith(".po") and not name.startswith(".")
                      and _is_utf8(prefix + name)]
    return sorted(found, key=lambda item: item[2])


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def dropped_languages(config: Config) -> list[str]:
    """Languages with a catalogue folder (``locale/<lang>/LC_MESSAGES/``) that ``languages``
    no longer lists: taken out of pipeline.toml, their translations wait there to come back."""
    if not config.locale_path.is_dir():
        return []
    return sorted(entry.name for entry in os.scandir(config.locale_path)
                  if entry.name not in config.languages and not entry.name.startswith(".")
                  and _is_utf8(entry.name) and os.path.isdir(os.path.join(entry.path, "LC_MESSAGES")))


def orphaned_catalogues(config: Config, slugs: set[str],
                        listed: list[tuple[str, str, str]] | None = None,
                        own: Collection[tuple[str, str]] = ()) -> list[str]:
    """Catalogues no article uses: those of articles that no longer exist under these names
    (``slugs``), renamed or deleted, and those in their article's own language (``own``:
    (language, slug) pairs), left from before its ``lang:`` changed, and those of a language
    taken out of pipeline.toml (:func:`dropped_languages`). They are never deleted by
    pipeline: a translator's work is in them.
    ``listed`` is :func:`discover_catalogues`' answer when the caller has it already."""
    listed = discover_catalogues(config) if listed is None else listed
    unused = [rel for lang, slug, rel in listed if slug not in slugs or (lang, slug) in own]
    dropped = [rel for _, _, rel in _catalogues_in(config, dropped_languages(config))]
    return sorted(unused + dropped) if dropped else unused


def published_versions(config: Config, languages: Sequence[str] = ()) -> list[tuple[str, str, str]]:
    """(language, slug, project-relative path) of every file the ``output`` pattern names for
    one of the project's languages (or ``languages``), whatever the articles are now, sorted
    by path."""
    languages = languages or config.languages
    parts = []
    for literal, name, _spec, _conversion in string.Formatter().parse(config.output):
        parts.append(re.escape(literal))
        if name in ("lang", "slug") and f"(?P<{name}>" in "".join(parts):
            parts.append(f"(?P={name})")  # named twice (public/{lang}/{slug}.{lang}.md): the same text
        elif name == "lang":
            parts.append("(?P<lang>" + "|".join(re.escape(lang) for lang in languages) + ")")
        elif name == "slug":
            parts.append("(?P<slug>.+)")
        elif name is not None:
            parts.append(".+")
    pattern = re.compile("".join(parts) + r"\Z", re.S)
    fixed = config.output.split("{", 1)[0].rpartition("/")[0]  # the folder before any field
    top = safe_join(config.root, fixed) if fixed else config.root
    # The text after the last field (``.md``): a cheap test that skips the pictures and other
    # files of a big tree, whose paths would otherwise each be built and matched.
    last = list(string.Formatter().parse(config.output))[-1]
    suffix = last[0] if last[1] is None else ""
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        prefix = os.path.relpath(folder, config.root).replace(os.sep, "/") + "/"
        for name in files:
            if not name.endswith(suffix):
                continue
            rel = name if prefix == "./" else prefix + name
            match = pattern.match(rel)
            if match is not None:
                found.append((match.group("lang"), match.group("slug"), rel))
    return sorted(found, key=lambda item: item[2])


def orphaned_versions(config: Config, articles: Collection[tuple[str, str]]) -> list[str]:
    """Published versions no article produces any more: its article deleted or renamed, or
    the version in what is now the article's own language (``articles``: (slug, language) of
    every article), and those in a language taken out of pipeline.toml whose catalogues are
    still there (:func:`dropped_languages`), which no sync updates any more. They stay online
    until someone removes them, which only a person may decide (a withdrawn article, or one
    moved with its old address kept on purpose)."""
    language = dict(articles)
    return [rel for lang, slug, rel in published_versions(config, [*config.languages, *dropped_languages(config)])
            if (slug not in language or language[slug] == lang or lang not in config.languages)
            and _written_by_sync(config.root / rel)]


#: A block mapping's key at the start of a line, or a flow mapping's (``{title: …, translation_of: a}``).
_TRANSLATION_OF = re.compile(rb"(?:^|(?<=\r)|[{,])[ \t]*translation_of[ \t]*:", re.M)
#: The closing ``---`` of front matter, and a line break: a lone CR ends a line too (classic Mac
#: OS), as Markdown reads it; with LF alone, a CR file was one line and its keys went unseen.
_CLOSING_FENCE = re.compile(rb"[\r\n]---")
_CLOSING_TOML_FENCE = re.compile(rb"[\r\n]\+\+\+")
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def hand_written_version(config: Config, slug: str, lang: str) -> PipelineError | None:
    """The error to give when a page written by hand (a Hugo site's own translation, made
    before the pipeline came) is where an article's ``lang`` version goes: publishing would
    replace a person's text by the pipeline's, so the version is not written. None when the
    place is free or holds a version sync wrote (:func:`_written_by_sync`)."""
    rel = config.output_rel(lang, slug)
    path = safe_join(config.root, rel)
    if not path.is_file() or _written_by_sync(path):
        return None
    toml = _page_has_toml_front_matter(path)
    return PipelineError(
        f"a page written by hand (no {front_matter_key('translation_of', toml)} in its front matter) is where "
        f"the {lang} version of {slug} goes: it was not replaced", path=rel,
        hint=f"to keep its text, copy it into {config.catalogue_rel(lang, slug)} and delete the page; to "
             f"let pipeline replace it, delete it or add '{translation_of_line(config, slug, lang)}' to its "
             "front matter")


def translation_of_line(config: Config, slug: str, lang: str) -> str:
    """The line that makes the page where ``slug``'s ``lang`` version goes a version sync may
    replace, in that page's own front-matter syntax (``translation_of = "a"`` in Hugo's TOML)."""
    path = safe_join(config.root, config.output_rel(lang, slug))
    return front_matter_line("translation_of", slug, _page_has_toml_front_matter(path))


def _page_has_toml_front_matter(path: Path) -> bool:
    """Whether a page opens with TOML front matter; False when it cannot be read."""
    try:
        with open(path, "rb") as file:
            head = file.read(8)
    except OSError:
        return False
    return has_toml_front_matter(head.decode("utf-8", "replace"))


def _blocked_version(rel: str, blocker: str) -> PipelineError:
    """The error for a ready version below a file that stands where its folder belongs: no
    sync can write it, so status must not call it ready and exit 0."""
    return PipelineError(f"cannot be published: {blocker} is a file where a folder belongs", path=rel,
                         hint=f"rename or delete {blocker} (a file saved there by mistake?), then run "
                              "pipeline sync again")


def read_only_error(rel: str) -> PipelineError:
    """The error for a file the pipeline would update that someone made read-only: it is
    left as it is (a rename would have replaced it), and said on every run until then."""
    return PipelineError(
        "the file is read-only (it has no write permission): it was left as it was", path=rel,
        hint=f"to let pipeline update it, give it write permission (chmod u+w {shlex.quote(rel)}), then run the "
             "command again; while it stays read-only, every run reports it and changes nothing in it")


def version_place_error(rel: str, lang: str, exc: OSError) -> PipelineError:
    """The error for a version whose place cannot be looked at (a folder of the output
    without read or execute permission): that version's, so the rest is still processed."""
    return PipelineError(
        f"cannot look at the {lang} version's place: {exc.strerror or exc}", path=rel,
        hint="check that the output folder and the folders above the version are readable and writable "
             "(chmod u+rwx), then run the command again; nothing was written there")


def online_version(config: Config, slug: str, lang: str) -> str:
    """What stands where the article's ``lang`` version goes: ``""`` (nothing), ``"stale"``
    (a version sync wrote, kept while the current one is held back) or ``"hand-written"``
    (a person's page, which sync never replaces: :func:`hand_written_version`)."""
    path = safe_join(config.root, config.output_rel(lang, slug))
    if not path.exists():
        return ""
    return "stale" if _written_by_sync(path) else "hand-written"


def _written_by_sync(path: os.PathLike[str]) -> bool:
    """Whether a file the ``output`` pattern names is a version sync wrote: every one names its
    article in its front matter (``translation_of:``). A page written by hand where the
    versions go (Hugo's ``content/ru/_index.md`` of a section, an "about" page translated by
    hand) is none: it is no one's withdrawn translation, and nobody must be told to delete
    it. A file that cannot be read is counted as a version, to be named rather than missed."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a named pipe would wait for a writer
            return True
        with open(path, "rb") as file:
            head = file.read(65536)
    except OSError:
        return True
    head = head.removeprefix(b"\xef\xbb\xbf")
    toml = head.startswith(b"+++")
    if not head.startswith(b"---") and not toml:
        return False
    end = (_CLOSING_TOML_FENCE if toml else _CLOSING_FENCE).search(head, 3)
    head = head[:end.start()] if end else head
    if toml:
        return _toml_translation_of(head.decode("utf-8", "replace")) is not None
    return _TRANSLATION_OF.search(head) is not None


def load_article(config: Config, rel: str, slug: str) -> Article:
    _check_file_name(rel)
    _check_name_length(config, rel, slug)
    path = _article_path(config, rel)
    refuse_special_file(path)
    data = path.read_bytes()
    if is_utf32(data):
        raise ArticleError("the article is saved as UTF-32, not UTF-8", path=rel, line=1,
                           hint=f"save it as UTF-8 in your editor, or convert it: iconv -f UTF-32 -t UTF-8 "
                                f"{shlex.quote(rel)} > {shlex.quote(rel + '.utf8')} && mv "
                                f"{shlex.quote(rel + '.utf8')} {shlex.quote(rel)}; then run the command again")
    article = read_article(data, path=rel, slug=slug, default_lang=config.source_language,
                           front_matter_keys=config.front_matter_keys, languages=config.languages,
                           text_arguments=config.text_arguments)
    validate_language(article.lang, where=rel)
    _check_not_its_own_version(config, rel, article, data)
    _check_not_a_version(rel, article)
    _check_language_listed(config, rel, article, data)
    if not article.text.strip():
        _check_not_emptied(config, rel, slug)
    return replace(article, fingerprint=fingerprint(data))


def _article_path(config: Config, rel: str) -> Path:
    """The article's file, refused when a symbolic link leads outside the project: the
    error safe_join gives speaks of settings ("use a path relative to pipeline.toml"), which
    says nothing to whoever linked an article in."""
    try:
        return safe_join(config.root, rel)
    except ConfigError as exc:
        raise ArticleError(f"not read: {exc.message.removeprefix(f'path {rel!r} ')}", path=rel,
                           hint="copy the article into the project (replace the link with the file), or "
                                "delete the link; then run the command again") from None


_LANG_LINE = re.compile(rb"(?:^|(?<=\r))[ \t]*lang[ \t]*:", re.M)
_TOML_LANG_LINE = re.compile(rb"(?:^|(?<=\r))[ \t]*lang[ \t]*=", re.M)
_VERSION_OF = re.compile(r"(?:^|(?<=\r)|[{,])[ \t]*translation_of[ \t]*:[ \t]*([^\r\n,}#]*)", re.M)
_TOML_VERSION_OF = re.compile(r"(?:^|(?<=\r))[ \t]*translation_of[ \t]*=[ \t]*([^\r\n#]*)", re.M)
#: What may put a line opening ``translation_of =`` elsewhere than at the top level of TOML
#: front matter: a multi-line string it is a line of, or a ``[table]`` it is a key of.
_TOML_NOT_TOP_LEVEL = re.compile(r'"""|\'\'\'|(?:^|(?<=\r))[ \t]*\[', re.M)
_TEXT_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _matched_value(match: re.Match[str], head: str) -> tuple[str, int]:
    """The value a line pattern found (its first group, unquoted) in ``head`` and its line."""
    return match.group(1).strip().strip("'\""), len(_TEXT_LINE_BREAK.findall(head, 0, match.start(1))) + 1


def _toml_translation_of(head: str) -> tuple[str, int] | None:
    """The top-level ``translation_of`` of TOML front matter (``head``: from its opening
    ``+++`` line, with or without the closing one) and its line, or None. The line pattern
    is the answer when nothing before its match can make it text or a table's key; otherwise
    the parsed TOML is (a multi-line string may hold a line ``translation_of = …``, and
    ``[params]`` a key of that name, neither a version's mark). Malformed TOML: the pattern."""
    match = _TOML_VERSION_OF.search(head)
    if match is None:
        return None
    if not _TOML_NOT_TOP_LEVEL.search(head, 0, match.start()):
        return _matched_value(match, head)
    body = []
    for line in _TEXT_LINE_BREAK.split(head)[1:]:
        if line.rstrip() == "+++":
            break
        body.append(line + "\n")
    toml_text = "".join(body)
    try:
        front = tomlfront.parse(toml_text)
    except tomlfront.TomlSyntaxError:
        return _matched_value(match, head)
    place = front.top_level("translation_of")
    if place is None:
        return None
    return str(front.data["translation_of"]), toml_text.count("\n", 0, place.start) + 2


def _check_not_a_version(rel: str, article: Article) -> None:
    """Refuse a file whose front matter has the ``translation_of:`` sync writes into every
    version it publishes: a version copied into the source folder, or one of a language taken
    out of ``languages`` where versions sit beside the articles (``{slug}.{lang}.md``), which
    the output pattern no longer names. Read as an article, it was translated back into the
    other languages and published as an article of its own."""
    breaks = _TEXT_LINE_BREAK.finditer(article.text)  # as the reader counts lines (not str.splitlines)
    ends = [match.end() for match, _ in zip(breaks, range(article.front_matter_end))]
    head = article.text[:ends[-1]] if ends else ""
    toml = has_toml_front_matter(head)
    if toml:
        found = _toml_translation_of(head)
    else:
        match = _VERSION_OF.search(head)
        found = _matched_value(match, head) if match else None
    if found is None:
        return
    of, line = found
    raise ArticleError(
        f"a version pipeline published ({front_matter_line('translation_of', of, toml)}), not an article: it was "
        "not read", path=rel, line=line,
        hint="if its language was taken out of pipeline.toml, put it back or delete the file; if it is a "
             "copy of a version, delete it (versions are made from the catalogues); if it is an article "
             f"of its own, delete its {front_matter_key('translation_of', toml)} line; then run the command again")


def _check_language_listed(config: Config, rel: str, article: Article, data: bytes) -> None:
    """Refuse an article whose ``lang:`` the project does not publish in, as pipeline.toml's
    ``source_language`` is refused: a French article in an en/ru/az project was silently
    translated from French into all three, with models the newsroom never chose."""
    if article.lang in config.languages:
        return
    listed = ", ".join(config.languages)
    toml = has_toml_front_matter(article.text)
    raise ArticleError(
        f"{front_matter_value('lang', article.lang, toml)} is not one of the project's languages ({listed}): "
        "the article was not read", path=rel, line=_lang_line(data),
        hint=f"if the article is in one of {listed}, correct its {front_matter_key('lang', toml)}; if the newsroom "
             f"publishes in {article.lang}, add \"{article.lang}\" to languages in pipeline.toml; then run the command "
             "again")


def _check_not_its_own_version(config: Config, rel: str, article: Article, data: bytes) -> None:
    """Refuse an article that sits where the ``output`` pattern puts one of its own versions
    (Hugo's folder per language, ``source_dir = "content/en"``: a Russian article there is
    where its English version goes). Refused when read, it gets no template or catalogue
    (which no version could ever be published from) and is never written over."""
    here = posixpath.normpath(rel)
    for lang in config.languages:
        if lang != article.lang and posixpath.normpath(config.output_rel(lang, article.slug)) == here:
            elsewhere = config.output_rel(article.lang, article.slug)
            toml = has_toml_front_matter(article.text)
            raise ArticleError(
                f"this article is in {article.lang}, but the output pattern puts the {lang} versions "
                f"here: its {lang} version would be written over it", path=rel, line=_lang_line(data),
                hint=f"if it is in {lang}, set {front_matter_line('lang', lang, toml)}; if it is in {article.lang}, "
                     f"it cannot be a source here: translate it into {lang} and keep that here, or move it to "
                     f"{elsewhere} (a page there without {front_matter_key('translation_of', toml)} is left alone). "
                     "Nothing was written for it")


def _lang_line(data: bytes) -> int:
    """The line of the front matter's ``lang:`` key, or 0 (none: the default language)."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    toml = data.startswith(b"+++")
    if not data.startswith(b"---") and not toml:
        return 0
    head = (_CLOSING_TOML_FENCE if toml else _CLOSING_FENCE).split(data, 1)[0]
    match = (_TOML_LANG_LINE if toml else _LANG_LINE).search(head)
    return len(_LINE_BREAK.findall(head, 0, match.start())) + 1 if match else 0


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _check_file_name(rel: str) -> None:
    """Refuse a file name that is not UTF-8 (Latin-1 or CP1251 from an old zip file) or that
    holds a control character (a line break would split the template's header and ``#:``
    line): it cannot be written into a catalogue, nor printed as it is."""
    if not _is_utf8(rel):
        shown = os.fsencode(rel).decode("utf-8", "backslashreplace")
        raise ArticleError("the file name is not valid UTF-8", path=shown,
                           hint="rename the file (its name is shown with \\x escapes for the "
                                "bytes that are not UTF-8), then run the command again")
    if _CONTROL.search(rel):
        shown = _CONTROL.sub(lambda match: repr(match.group())[1:-1], rel)
        raise ArticleError("the file name holds a control character (a line break, a tab, an "
                           "escape...), which a catalogue's #: line and header cannot hold",
                           path=shown, hint="rename the file, then run the command again")


#: The longest file name (in bytes) ext4, APFS and most other file systems allow.
NAME_MAX = 255


def _check_name_length(config: Config, rel: str, slug: str) -> None:
    """Refuse an article whose template, catalogues or published versions would get a file
    name longer than a file system allows (their temporary files' names are longer still):
    otherwise each of them is a write error that points at permissions and disk space."""
    made = [config.template_rel(slug)]
    for lang in config.languages:
        made += [config.catalogue_rel(lang, slug), config.output_rel(lang, slug)]
    longest = max(len(os.fsencode(posixpath.basename(name))) + TEMP_NAME_EXTRA for name in made)
    if longest > NAME_MAX:
        raise ArticleError(
            f"the file name is too long: the pipeline's files for this article would have names "
            f"of {longest} bytes, and a file name may have at most {NAME_MAX}", path=rel,
            hint=f"rename the file to a name at least {longest - NAME_MAX} bytes shorter (a Cyrillic or "
                 "accented letter takes 2 bytes), then run the command again")


def _check_not_emptied(config: Config, rel: str, slug: str) -> None:
    """Refuse an empty article whose template still has entries: a crash or a full disk left
    it so, and read as it is, every entry would turn obsolete and empty versions would be
    published over the reviewed ones. An article that was empty before (a Hugo section's
    ``_index.md``) has a template without entries and is read as usual."""
    try:
        template, _ = read_catalogue(safe_join(config.root, config.template_rel(slug)), rel)
    except PipelineError:
        return  # no template yet, or a broken one (sync rebuilds it): nothing to compare
    entries = len(template.active)
    if entries:
        raise ArticleError(f"the article is empty, but its last version had {entries} entries "
                           "(a crash or a full disk can leave a file so)", path=rel, line=1,
                           hint="restore it from version control (git checkout -- FILE); to empty "
                                f"it on purpose, delete {config.template_rel(slug)} first")


#: A key opening a line of front matter: YAML's (``description:``, indented in a mapping or
#: after a list's dash) or TOML's (``description =``), quoted or not.
_FRONT_MATTER_KEY = re.compile(r"^[ \t-]*[\"']?([^\s\"':=#\[][^\"':=\n]*?)[\"']?[ \t]*(?::(?=[ \t]|$)|=)", re.M)


def front_matter_key_names(article: Article) -> frozenset[str]:
    """The key names ``article``'s front matter writes, at any depth: a scan of its lines,
    cheap enough for every article a run reads (see :func:`unused_front_matter_keys`)."""
    if not article.front_matter_end:
        return frozenset()
    head = "\n".join(article.text.splitlines()[:article.front_matter_end])
    return frozenset(match.group(1) for match in _FRONT_MATTER_KEY.finditer(head))


def unused_front_matter_keys(config: Config, seen: Collection[str]) -> list[str]:
    """A warning for each key of ``front_matter_keys`` (beyond the defaults) that no article
    writes, ``seen`` being the key names of every article: a misspelt key ("descripton")
    translates nothing, silently, and every description is published in the source
    language. Says the closest key the articles do write."""
    warnings = []
    for key in config.front_matter_keys:
        parts = [part for part in key.split(".") if not part.isdigit()]
        if key in DEFAULT_FRONT_MATTER_KEYS or all(part in seen for part in parts):
            continue
        absent = next(part for part in parts if part not in seen)
        close = difflib.get_close_matches(absent, sorted(seen), n=1, cutoff=0.75)
        meant = f" (did you mean {key.replace(absent, close[0], 1)!r}?)" if close else ""
        warnings.append(f"front_matter_keys: no article has {key!r}{meant}, so it is translated "
                        f"nowhere; correct it in {CONFIG_NAME}")
    return warnings


def try_load_article(config: Config, rel: str, slug: str, errors: list[PipelineError]) -> Article | None:
    try:
        return load_article(config, rel, slug)
    except PipelineError as exc:
        errors.append(exc)
    except OSError as exc:
        errors.append(PipelineError(f"cannot read: {exc.strerror}", path=rel,
                                    hint="check the file (a folder, a broken link or a file without "
                                         "read permission may carry an article's name): rename or "
                                         "delete it, then run the command again"))
    return None


def is_blank(article: Article) -> bool:
    """An article with no text at all, not even front matter (a file just created with
    ``touch`` or an editor's new draft): read as usual, it was catalogued and published at
    once as versions holding nothing but ``lang:``. Front matter alone is an article (a
    title is text, and a Hugo section page may need its versions)."""
    return not article.text.strip(" \t\r\n\ufeff")


#: Languages written in Cyrillic letters.
_CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})
#: Letters Azerbaijani writes often and English never (ə alone is about one letter in twelve).
_AZERBAIJANI_LETTER = re.compile("[əƏığĞ]")
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
#: Letters of Azerbaijani's Cyrillic alphabet (1958-1991) that Russian has none of.
_AZERBAIJANI_CYRILLIC_LETTER = re.compile("[әӘҹҸјЈғҒҝҜөӨүҮһҺ]")
#: What an article in Azerbaijani Cyrillic is said to look written in.
AZERBAIJANI_CYRILLIC = "Azerbaijani in Cyrillic letters (ә, ҹ, ј)"
#: Fewer letters than this tell no language (a short note, a title alone).
_LETTERS_TO_TELL = 300
#: How much of an article is read to tell its language: its opening tells it as well as all of it.
_CHARACTERS_READ = 4000


def language_mismatch(article: Article) -> str | None:
    """What the article's text looks written in, when ``lang:`` cannot be its language: a
    Russian article labelled ``en`` or ``az`` (Cyrillic letters), an English or Azerbaijani
    one labelled ``ru`` (hardly any), an Azerbaijani one labelled ``en`` (ə, ı and ğ
    throughout) or an English one labelled ``az`` (none at all). An editor who copied
    another article's front matter gets every version machine-translated from the wrong
    language; None when the text fits, or is too short to tell."""
    text = " ".join(segment.msgid for segment in article.segments)[:_CHARACTERS_READ]
    letters = len(_LETTER.findall(text))  # (counted by the regex engine: articles are long)
    if letters < _LETTERS_TO_TELL:
        return None
    cyrillic = len(_CYRILLIC_LETTER.findall(text)) / letters
    base = article.lang.replace("-", "_").split("_")[0].lower()
    if base in ("ru", "az") and cyrillic > 0.5 \
            and len(_AZERBAIJANI_CYRILLIC_LETTER.findall(text)) / letters > 0.01:
        return AZERBAIJANI_CYRILLIC
    if base in _CYRILLIC_LANGUAGES:
        return "Latin letters" if cyrillic < 0.2 else None
    if base not in ("en", "az"):
        return None
    if cyrillic > 0.5:
        return "Cyrillic letters"
    azerbaijani = len(_AZERBAIJANI_LETTER.findall(text)) / letters
    if base == "en" and azerbaijani > 0.02:
        return "Azerbaijani (ə, ı and ğ throughout)"
    if base == "az" and azerbaijani == 0 and cyrillic < 0.2:
        return "English (no ə, ı or ğ at all)"
    return None


def language_mismatch_warning(article: Article) -> str | None:
    """:func:`language_mismatch` as a line for the editor, or None."""
    looks = language_mismatch(article)
    if looks is None:
        return None
    stated = bool(_lang_line(article.text.encode("utf-8")))
    toml = has_toml_front_matter(article.text)
    key = front_matter_key("lang", toml)
    # Without lang: the editor looked in vain for the "lang: az" the warning named.
    taken = front_matter_line("lang", article.lang, toml) if stated else \
        f"no {key} in its front matter, so it is taken for {article.lang} (source_language)"
    if looks == AZERBAIJANI_CYRILLIC:
        return (f"{article.path}: {taken}, but its text looks written in {looks}; "
                f"machine translation and the checks read Azerbaijani in Latin letters: convert the "
                f"article to the Latin alphabet and set {front_matter_line('lang', 'az', toml)}")
    where = "" if stated else " (or source_language in pipeline.toml, if most articles without one are in it)"
    return (f"{article.path}: {taken}, but its text looks written in {looks}; if it is in "
            f"another language, set {key} to that language's code (ru, az, en){where}, or its versions are "
            f"machine-translated as if it were {article.lang}")


def load_articles(config: Config, report: ErrorSink, only: Sequence[str] = (),
                  found: Sequence[tuple[str, str]] | None = None) -> list[Article]:
    """Read and segment articles (all discovered ones, or ``found``); errors go to the report."""
    articles = []
    if found is None:
        report.errors += unreadable_folders(config) + misnamed_articles(config) + linked_folders(config) \
            + misnamed_catalogues(config)
        found, clashes = refuse_clashing_names(config, discover_articles(config), only)
        report.errors += clashes
    for rel, slug in found:
        if only and slug not in only:
            continue
        article = try_load_article(config, rel, slug, report.errors)
        if article is not None and not is_blank(article):
            articles.append(article)
    report.articles = len(articles)
    return articles


def target_languages(config: Config, article: Article) -> list[str]:
    return [lang for lang in config.languages if lang != article.lang]


def read_catalogue_file(config: Config, rel: str) -> tuple[Catalogue | None, str | None]:
    """The parsed catalogue and its fingerprint, or (None, None) when the file does not exist."""
    path = safe_join(config.root, rel)
    if not path.exists():
        _refuse_dangling_link(path, config.root, rel)
        _refuse_file_in_place_of_folder(config, rel)
        return None, None
    _refuse_shared_catalogue(path, config, rel)
    try:
        catalogue, print_ = read_catalogue(path, rel)
    except CatalogueError:
        _refuse_utf32_catalogue(path, rel)
        raise
    _check_language_folder(catalogue, config, rel, path)
    return catalogue, print_


def file_in_place_of_folder(config: Config, rel: str) -> str | None:
    """The project-relative name of the file that stands where a folder above ``rel``
    belongs (what makes writing ``rel`` fail with ENOTDIR), or None."""
    parts = rel.split("/")[:-1]
    for end in range(1, len(parts) + 1):
        above = "/".join(parts[:end])
        path = safe_join(config.root, above)
        if path.exists() and not path.is_dir():
            return above
    return None


def _refuse_file_in_place_of_folder(config: Config, rel: str) -> None:
    """A catalogue below a file saved where its folder belongs (``locale/ru`` a file) is
    not merely missing: status, check and review listed it as "no catalogue yet" and exited
    0, though no sync can ever write it. Name the file in the way."""
    blocker = file_in_place_of_folder(config, rel)
    if blocker is not None:
        raise CatalogueError(f"{blocker} is a file where a folder belongs, so this catalogue cannot be "
                             "read or written", path=rel,
                             hint=f"rename or delete {blocker} (a file saved there by mistake?), then run "
                                  "the command again; nothing was written")


def _refuse_utf32_catalogue(path: Path, rel: str) -> None:
    """Name UTF-32 as what a catalogue that could not be read is saved in: the reader's own
    tests take it for UTF-16, whose advice sends a translator looking for the wrong setting.
    Called only once reading failed, so a good catalogue is read once."""
    try:
        refuse_special_file(path)  # a named pipe would wait for a writer
        with open(path, "rb") as file:
            head = file.read(512)
    except OSError:
        return
    if is_utf32(head):
        raise CatalogueError("the file is UTF-32, not UTF-8", path=rel, line=1,
                             hint=f"convert it with: msgconv --to-code=UTF-8 {shlex.quote(rel)} -o "
                                  f"{shlex.quote(rel)}, then run pipeline sync again; nothing was written to it")


def _refuse_shared_catalogue(path: Path, config: Config, rel: str) -> None:
    """Refuse a catalogue that a symlink (the file's or a folder's) makes another
    catalogue's file: each sync rewrote it for one article or language and then for the
    other, turning the other's entries obsolete, forever. A link to a file elsewhere (a
    shared folder) is read and written through."""
    root = os.path.realpath(config.root)
    real = os.path.realpath(path)
    if real == os.path.normpath(os.path.join(root, rel)) or not real.startswith(root + os.sep):
        return
    other = PurePosixPath(Path(real).relative_to(root).as_posix())
    locale = PurePosixPath(os.path.normpath(config.locale_dir)).parts
    parts = other.parts[len(locale):]
    if other.parts[:len(locale)] != locale or not parts or not (
            parts[0] == "templates" or parts[1:2] == ("LC_MESSAGES",)):
        return
    raise CatalogueError(
        f"a symbolic link makes this file another catalogue, {other.as_posix()}: two "
        "catalogues cannot share one file",
        path=rel,
        hint="replace the link with a copy of the file, so that each article and language has "
             "a catalogue of its own, then run pipeline sync again")


#: A Language header value that is a code: ``ru``, ``ru_RU``, ``sr@latin``, ``az-Latn-AZ``.
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_@.][A-Za-z0-9]+)*")


def _language_base(code: str) -> str:
    """``ru`` of ``ru_RU``, ``ru-RU``, ``ru@latin``, ``RU``: what two spellings share."""
    return re.split(r"[-_@.]", code.strip().lower(), maxsplit=1)[0]


def _check_language_folder(catalogue: Catalogue, config: Config, rel: str, path: Path) -> None:
    """Refuse a catalogue whose Language header names another language than its folder: a
    file copied into the wrong folder was relabelled on the next write, and its reviewed
    translations published as the folder language's version."""
    parts = rel.split("/")
    below = config.locale_dir.strip("/").split("/")
    if parts[:len(below)] != below or parts[len(below) + 1:len(below) + 2] != ["LC_MESSAGES"]:
        return
    folder = parts[len(below)]
    declared = (catalogue.header_value("Language") or "").strip()
    if not _LANGUAGE_CODE.fullmatch(declared) or _language_base(declared) == _language_base(folder):
        return  # empty, the same language, or no code at all (a header line run into the next)
    text = path.read_bytes().decode("utf-8", "replace").split("\n")
    line = next((i for i, l in enumerate(text, 1) if l.lower().startswith('"language:')), None)
    raise CatalogueError(
        f"the header says 'Language: {declared}', but the file is in the {folder} folder "
        f"({config.locale_dir}/{folder}/)",
        path=rel, line=line,
        hint=f"if it holds {declared} translations, move it to {config.locale_dir}/"
             f"{_language_base(declared)}/LC_MESSAGES/ (it was copied into the wrong folder?); "
             f"if they are {folder}, correct the header to 'Language: {folder}'; then run "
             "pipeline sync again")


def _refuse_dangling_link(path: Path, root: Path, rel: str) -> None:
    """A catalogue behind a link that leads nowhere is missing, not new: say so rather than
    start a fresh one through the link (a link leading outside is refused by safe_join)."""
    link = dangling_link(path, root)
    if link is None:
        return
    what = "it" if link == path else f"the folder {link.relative_to(root).as_posix()}"
    raise CatalogueError(
        f"{what} is a symbolic link to {os.readlink(link)!r}, which does not exist",
        path=rel,
        hint="restore what it links to (a shared folder not mounted? a submodule not checked "
             "out?), or delete the link to start a new catalogue there; then run pipeline "
             "sync again")


def iter_catalogues(config: Config, problems: ErrorSink, *, articles: Sequence[str] = (),
                    langs: Sequence[str] = ()) -> Iterator[tuple[Article, str, str, Catalogue | None]]:
    """Every (article, target language, catalogue path, catalogue or None) of the project.

    Unreadable articles and malformed catalogues go to ``problems``; the rest is still listed.
    """
    for article in load_articles(config, problems, tuple(articles)):
        for lang in target_languages(config, article):
            if langs and lang not in langs:
                continue
            rel = config.catalogue_rel(lang, article.slug)
            try:
                catalogue, _ = read_catalogue_file(config, rel)
            except PipelineError as exc:
                problems.errors.append(exc)
                continue
            yield article, lang, rel, catalogue


# --------------------------------------------------------------------------- status


@dataclass(frozen=True)
class CatalogueStatus:
    """One row of ``pipeline status``."""

    article: str
    lang: str
    path: str
    total: int
    reviewed: int
    machine: int
    fuzzy: int
    untranslated: int
    obsolete: int
    published: bool
    stale: bool = False  # published, but the current version is held back (as sync says)
    ready: bool = False  # the current version may be published (sync or publish writes it)
    hand_written: bool = False  # a page written by hand is where the version goes (never replaced)
    edited: bool = False  # the published version was changed after sync wrote it (not written over)

    @property
    def percent_reviewed(self) -> float:
        return round(100.0 * self.reviewed / self.total, 1) if self.total else 100.0


def awaits_work(message: Message) -> bool:
    """Whether an entry waits for a person: not reviewed, or "reviewed" as spaces only, which
    publishing holds the version back over (status counts it as untranslated)."""
    return message.status is not EntryStatus.REVIEWED or not any(text.strip() for text in message.translations)


def catalogue_status(article: Article, lang: str, rel: str, catalogue: Catalogue | None,
                     published: bool, stale: bool = False, ready: bool = False,
                     hand_written: bool = False, edited: bool = False) -> CatalogueStatus:
    counts: Counter[EntryStatus] = Counter()
    active = catalogue.active if catalogue is not None else []
    for message in active:
        status = message.status
        if status is EntryStatus.REVIEWED and not any(text.strip() for text in message.translations):
            status = EntryStatus.UNTRANSLATED  # spaces only: publishing holds the version back over it
        counts[status] += 1
    total = len(active) if catalogue is not None else len({(s.msgctxt, s.msgid) for s in article.segments})
    untranslated = counts[EntryStatus.UNTRANSLATED] if catalogue is not None else total
    return CatalogueStatus(
        article=article.slug, lang=lang, path=rel, total=total,
        reviewed=counts[EntryStatus.REVIEWED], machine=counts[EntryStatus.MACHINE],
        fuzzy=counts[EntryStatus.CHANGED] + counts[EntryStatus.FUZZY] + counts[EntryStatus.MACHINE],
        untranslated=untranslated,
        obsolete=len(catalogue.obsolete) if catalogue is not None else 0,
        published=published,
        stale=stale,
        ready=ready,
        hand_written=hand_written,
        edited=edited,
    )


#: ``(path, source language, target language, catalogue) -> findings``: the entry checks.
CatalogueChecks = Callable[[tuple[str, str, str, Catalogue]], Sequence[Finding]]


def project_status(config: Config, checker: CatalogueChecks | None = None
                   ) -> tuple[list[CatalogueStatus], list[PipelineError], set[tuple[str, str]]]:
    """The rows of ``pipeline status``, the problems met, and each article's own language
    as (language, slug): a catalogue in it is one no article uses (see :func:`orphaned_catalogues`).
    ``checker`` makes a catalogue's check findings, which ``[publish] enforced_checks`` needs
    to say whether a version is ready."""
    problems = Problems()
    rows = []
    own: set[tuple[str, str]] = set()
    versions = PublishedVersions.of(config)
    if versions.damaged is not None:
        problems.errors.append(versions.damaged)
    for article, lang, rel, catalogue in iter_catalogues(config, problems):
        own.add((article.lang, article.slug))
        output = config.output_rel(lang, article.slug)
        try:
            place = safe_join(config.root, output)
            published = output != article.path and place.exists()
            folder = published and place.is_dir()
            if folder:  # no version can be written there: said, and never counted as published
                problems.errors.append(PipelineError(
                    "is a folder, not a file: the version cannot be published there", path=output,
                    hint="remove or rename the folder, then run pipeline sync again"))
                published = False
            item = (rel, article.lang, lang, catalogue)
            findings = (lambda: checker(item)) if checker is not None and catalogue is not None else None
            ready = output != article.path and decide(article, lang, catalogue, config.publish, findings)[0].ready
            if ready and (hand := hand_written_version(config, article.slug, lang)) is not None:
                problems.errors.append(hand)
                ready = False
            if folder:
                ready = False
            elif ready and not published and (blocker := file_in_place_of_folder(config, output)) is not None:
                problems.errors.append(_blocked_version(output, blocker))
                ready = False
            by_hand = published and online_version(config, article.slug, lang) == "hand-written"
            edited = published and not by_hand and versions.changed_since_written(output)
        except OSError as exc:  # the version's place cannot be looked at: that row's error, not the command's
            problems.errors.append(version_place_error(output, lang, exc))
            continue
        rows.append(catalogue_status(article, lang, rel, catalogue, published,
                                     published and not ready and not by_hand, ready, by_hand, edited))
    return rows, problems.errors, own
