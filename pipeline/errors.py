"""One exception hierarchy for the whole pipeline, rendered in one place (the CLI).

::

    PipelineError                 anything the pipeline reports to a user
    ├── ConfigError               pipeline.toml or a command-line setting is wrong
    ├── ArticleError              a source article cannot be read (front matter, encoding, lang)
    ├── CatalogueError            a .po/.pot file is malformed; the file is left untouched
    ├── ConcurrentEditError       a file changed on disk while the pipeline was working on it
    ├── LockError                 another pipeline run holds the project lock
    ├── TranslationLossError      a write would have dropped a human translation; refused
    ├── EngineError               a translation engine failed
    │   └── ModelMissingError     no Argos package for a language pair
    ├── ModelPackageError         an .argosmodel file is unsafe or invalid
    └── ReviewError               an interactive review step failed

Every error carries ``path``, ``line`` and a ``hint`` that says what to do next, so the
CLI can print ``path:line: problem`` followed by the hint.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base of every error the pipeline reports to a user."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def location(self) -> str:
        if self.path and self.line:
            return f"{self.path}:{self.line}"
        return self.path or ""

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class ConfigError(PipelineError):
    """pipeline.toml or a command-line setting is wrong."""


class ArticleError(PipelineError):
    """A source article cannot be read: bad front matter, encoding or language."""


class CatalogueError(PipelineError):
    """A .po or .pot file is malformed. The file is never modified."""


class ConcurrentEditError(PipelineError):
    """A file changed on disk between the pipeline reading it and writing it."""


class LockError(PipelineError):
    """Another pipeline run is working on this project."""


class TranslationLossError(PipelineError):
    """A write would have dropped a translation that existed before; it was refused."""


class EngineError(PipelineError):
    """A translation engine failed."""


class ModelMissingError(EngineError):
    """No installed Argos package (direct or via a pivot) for a language pair."""


class ModelPackageError(PipelineError):
    """An .argosmodel file is unsafe or not a valid Argos package."""


class ReviewError(PipelineError):
    """An interactive review step failed."""
