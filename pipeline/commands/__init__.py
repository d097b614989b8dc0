"""Click commands that live outside :mod:`pipeline.cli` and are registered on its group."""
