"""pipeline: a localisation pipeline for newsrooms.

Markdown articles ⇄ gettext catalogues, offline machine translation with Argos Translate,
a review queue for editors and translators, and localised articles that are safe to publish.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
