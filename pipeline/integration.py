"""Wires the quotation, glossary and check modules into the stages as hooks.

The stages themselves know nothing of quotations or glossaries: they take an annotator
(extract), post-processors (translate), a checker (check) and a text transform (publish).
This module builds those hooks for a project, so the CLI and tests get the same wiring.
"""

from __future__ import annotations

from typing import Any

from .annotate import segment_annotator
from .checks import CatalogueChecker
from .config import Config
from .glossary import Glossary, glossary_postprocessor, load_glossary
from .quotemarks import localise_quotes, normalise_quotes, quotes_postprocessor


def project_glossary(config: Config) -> Glossary | None:
    """``locale/glossary.csv`` when the project has one."""
    path = config.glossary_path
    if not path.exists():
        return None
    try:
        shown_as = path.relative_to(config.root).as_posix()
    except ValueError:
        shown_as = str(path)
    return load_glossary(path, shown_as=shown_as)


def catalogue_checker(glossary: Glossary | None) -> CatalogueChecker:
    """The checks with the project's glossary: call it on catalogues (``pipeline check``),
    or hand it to ``sync``, which checks each catalogue where it is written."""
    return CatalogueChecker(glossary)


def published_quotes(source: str, translation: str, source_lang: str, target_lang: str) -> str:
    """Quotation marks in a published translation follow the target language (CLDR)."""
    if translation == source or source_lang == target_lang:
        return translation
    return localise_quotes(translation, source_lang, target_lang)


def hooks(config: Config) -> dict[str, Any]:
    """The keyword arguments of :class:`pipeline.sync.SyncOptions` that carry the hooks."""
    glossary = project_glossary(config)
    postprocess: tuple[Any, ...] = (quotes_postprocessor(),)
    if glossary is not None:
        postprocess = (glossary_postprocessor(glossary), *postprocess)
    return {
        "annotate": segment_annotator(glossary),
        "postprocess": postprocess,
        "checker": catalogue_checker(glossary),
        "publish_transform": published_quotes,
        "memory_key": normalise_quotes,
    }
