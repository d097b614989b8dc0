"""Engines by name, as ``pipeline.toml`` and the command line refer to them.

Engines are imported only when asked for: building the Argos engine must not import
CTranslate2 for a run that uses the pseudo engine, and importing this module has no
side effects at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from pipeline.engines import Engine
from pipeline.errors import ConfigError


def _argos(config: Any = None, **options: Any) -> Engine:
    from pipeline.engines.argos import ArgosEngine

    if config is not None:
        options = {**_argos_options_from_config(config), **options}
    return ArgosEngine(**options)


def _argos_options_from_config(config: Any) -> dict[str, Any]:
    """``[models] dir`` (relative to the project root) and ``[translate] beam_size``."""
    options: dict[str, Any] = {}
    models_dir = getattr(config, "models_dir", None)
    if models_dir:
        path = Path(models_dir).expanduser()
        options["packages_dir"] = path if path.is_absolute() else Path(config.root) / path
    if getattr(config, "beam_size", None):
        options["beam_size"] = int(config.beam_size)
    return options


def _pseudo(config: Any = None, **options: Any) -> Engine:
    from pipeline.engines.pseudo import PseudoEngine

    return PseudoEngine(**options)


def _fake(name: str) -> Callable[..., Engine]:
    def build(config: Any = None, **options: Any) -> Engine:
        from pipeline.engines.fake import FAKES

        return FAKES[name](**options)

    return build


def _builders() -> dict[str, Callable[..., Engine]]:
    from pipeline.engines.fake import FAKES

    builders: dict[str, Callable[..., Engine]] = {"argos": _argos, "pseudo": _pseudo}
    builders.update({name: _fake(name) for name in FAKES})
    return builders


#: The engines a user chooses from (the fakes exist for tests); ``none`` skips MT.
USER_ENGINES = ("argos", "pseudo", "none")
#: Names that mean "no machine translation".
NO_ENGINE = ("none", "off", "")


def engine_names() -> list[str]:
    """Every name :func:`get_engine` accepts; ``argos`` is the default engine."""
    return list(_builders())


def get_engine(name: str, **options: Any) -> Engine:
    """Build the engine called ``name`` with ``options`` (e.g. ``packages_dir`` for argos).

    ``config`` (a :class:`pipeline.config.Config`) supplies the project's settings: the
    Argos packages folder (``[models] dir``) and beam size; explicit options win.

    Raises ConfigError for an unknown name or an option the engine does not take.
    """
    builders = _builders()
    if name not in builders:
        raise ConfigError(
            f"unknown translation engine {name!r}",
            hint="use one of: " + ", ".join(USER_ENGINES),
        )
    try:
        return builders[name](**options)
    except TypeError as error:
        raise ConfigError(
            f"engine {name!r} does not accept these options: {', '.join(sorted(options))} ({error})",
            hint="check the [mt] section of pipeline.toml",
        ) from error
