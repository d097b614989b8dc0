"""Wires the quotation, glossary and check modules into the stages as hooks."""

from __future__ import annotations

from typing import Any

from .config import Config


def hooks(config: Config) -> dict[str, Any]:
    return {}
