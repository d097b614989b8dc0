"""Wires the quotation, glossary and check modules into the stages as hooks.

The stages themselves know nothing of quotations or glossaries: they take an annotator
(extract), post-processors (translate), a checker (check) and a text transform (publish).
This module builds those hooks for a project, so the CLI and tests get the same wiring.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from .annotate import segment_annotator
from .checks import CatalogueChecker
from .config import Config
from .errors import ConfigError
from .glossary import Glossary, glossary_postprocessor, load_glossary
from .inline import decode_references
from .quotemarks import QUOTE_CHARS, Delimiters, house_style, localise_quotes, normalise_quotes, quotes_postprocessor


def project_glossary(config: Config) -> Glossary | None:
    """``locale/glossary.csv`` when the project has one."""
    path = config.glossary_path
    if not os.path.lexists(path):
        return None
    try:
        shown_as = path.relative_to(config.root).as_posix()
    except ValueError:
        shown_as = str(path)
    if not path.exists():  # a link leading nowhere: the glossary is missing, not absent
        raise ConfigError(f"the glossary is a symbolic link to {os.readlink(path)!r}, which does not exist "
                          "(or leads in a loop)", path=shown_as,
                          hint="restore the file it links to (a shared folder not mounted or checked out?), "
                               "or replace the link with the file; without it names and terms would go "
                               "unchecked, so nothing was done")
    return load_glossary(path, shown_as=shown_as)


def quote_marks(config: Config) -> dict[str, Delimiters]:
    """The project's house-style quotation marks by language (``[quotes]``; CLDR's elsewhere)."""
    return {lang: house_style(marks, lang) for lang, marks in config.quotes.items()}


def catalogue_checker(glossary: Glossary | None, marks: dict[str, Delimiters] | None = None) -> CatalogueChecker:
    """The checks with the project's glossary and quotation marks: call it on catalogues
    (``pipeline check``), or hand it to ``sync``, which checks each catalogue where it is written."""
    return CatalogueChecker(glossary, marks or {})


def published_quotes(source: str, translation: str, source_lang: str, target_lang: str, *,
                     marks: dict[str, Delimiters] | None = None) -> str:
    """Quotation marks in a published translation follow the target language: its house style
    (``marks``), or CLDR's. The translation's marks are read by the target language's
    conventions, in which its translator (or the machine translation's post-processing)
    wrote them: an Azerbaijani case ending after an inner quotation's closer
    (‘dəniz qapısı’mızın) closes it there."""
    if translation == source or source_lang == target_lang:
        return translation
    if "&" in translation:  # a mark the translation kept as the source's &ldquo; is a mark too
        translation = decode_references(translation, QUOTE_CHARS)
    return localise_quotes(translation, target_lang, target_lang, marks=(marks or {}).get(target_lang))


def hooks(config: Config) -> dict[str, Any]:
    """The keyword arguments of :class:`pipeline.sync.SyncOptions` that carry the hooks."""
    glossary = project_glossary(config)
    marks = quote_marks(config)
    postprocess: tuple[Any, ...] = (quotes_postprocessor(marks=marks),)
    if glossary is not None:
        postprocess = (glossary_postprocessor(glossary), *postprocess)
    return {
        "annotate": segment_annotator(glossary),
        "postprocess": postprocess,
        "checker": catalogue_checker(glossary, marks),
        "publish_transform": functools.partial(published_quotes, marks=marks) if marks else published_quotes,
        "memory_key": normalise_quotes,
    }
