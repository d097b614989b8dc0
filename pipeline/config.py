"""The project: ``pipeline.toml`` at the content root, read into a frozen :class:`Config`.

Every key has a default, and a missing file means all defaults, so a folder of articles is
a project as it is. Validation errors name the file, the key and what to write instead.
"""

from __future__ import annotations

import difflib
import os
import re
import string
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from babel import Locale, UnknownLocaleError

from .errors import ConfigError
from .fileio import is_utf32, refuse_special_file, utf16_encoding
from .model import BlockKind

CONFIG_NAME = "pipeline.toml"

#: Readers' text in the front matter of Hugo, Jekyll, Eleventy and Astro themes: the
#: headline fields, Jekyll's ``excerpt``, and the alt text and caption of the lead image,
#: whether a theme calls it ``image``, ``cover`` (Hugo PaperMod and its kin) or ``header``
#: (Jekyll's Minimal Mistakes); the short title menus and the sidebar show instead of the
#: title (Hugo's ``linkTitle``, Docusaurus' ``sidebar_label`` and ``pagination_label``, the
#: "Next" link's text). Taxonomy terms (``tags``, ``categories``) are not: their values name
#: the site's term pages.
DEFAULT_FRONT_MATTER_KEYS = (
    "title",
    "linkTitle",
    "sidebar_label",
    "pagination_label",
    "subtitle",
    "description",
    "summary",
    "excerpt",
    "image.caption",
    "image.credit",
    "image.alt",
    "cover.caption",
    "cover.alt",
    "header.caption",
)


@dataclass(frozen=True)
class PublishPolicy:
    """When a language version of an article may be published."""

    allow_machine: bool = False
    require_review: tuple[str, ...] = ()
    notice: dict[str, str] = field(default_factory=dict)
    #: Checks whose findings hold a version back (Weblate's "enforced checks"): an entry with
    #: such a finding waits until it is fixed or the check is dismissed on it.
    enforced_checks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """A project's settings. Paths are relative to ``root``."""

    root: Path
    languages: tuple[str, ...] = ("az", "ru", "en")
    source_language: str = "en"
    source_dir: str = "source"
    locale_dir: str = "locale"
    output: str = "public/{lang}/{slug}.md"
    front_matter_keys: tuple[str, ...] = DEFAULT_FRONT_MATTER_KEYS
    engine: str = "argos"
    models_dir: str | None = None
    beam_size: int | None = None
    publish: PublishPolicy = field(default_factory=PublishPolicy)
    #: House-style quotation marks by language (``[quotes]``), over CLDR's: see
    #: :func:`pipeline.quotemarks.house_style`.
    quotes: dict[str, str] = field(default_factory=dict)
    #: The positional template-tag arguments readers see, by shortcode or include name
    #: (``[templates] text_arguments``; 1-based): see :func:`pipeline.inline.positional_text_arguments`.
    text_arguments: dict[str, frozenset[int]] = field(default_factory=dict)

    @property
    def source_path(self) -> Path:
        return self.root / self.source_dir

    @property
    def locale_path(self) -> Path:
        return self.root / self.locale_dir

    @property
    def glossary_path(self) -> Path:
        return self.locale_path / "glossary.csv"

    @property
    def output_root(self) -> Path:
        """The fixed folder the output pattern writes below (``public`` for ``public/{lang}/…``)."""
        fixed = self.output.split("{", 1)[0]
        folder = fixed.rsplit("/", 1)[0] if "/" in fixed else ""
        return self.root / folder if folder else self.root / "."

    def template_rel(self, slug: str) -> str:
        return f"{self.locale_dir}/templates/{slug}.pot"

    def catalogue_rel(self, lang: str, slug: str) -> str:
        return f"{self.locale_dir}/{lang}/LC_MESSAGES/{slug}.po"

    def output_rel(self, lang: str, slug: str) -> str:
        return self.output.format(lang=lang, slug=slug)


def validate_language(code: str, *, where: str, line: int | None = None) -> str:
    """Return ``code`` if Babel/CLDR knows it; otherwise a ConfigError naming where it came from."""
    if not isinstance(code, str) or not code:
        raise ConfigError(f"language code must be a non-empty string, got {code!r}", path=where, line=line,
                          hint="write a code such as az, ru or en in quotes, then run the command again")
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        _refuse_invisible(code, where, line)
        named = language_named(code)
        raise ConfigError(
            f"unknown language code {code!r}" + (f": {code!r} is the name of a language, whose code is {named!r}"
                                                 if named else ""),
            path=where,
            line=line,
            hint=f"write the code {named!r} instead, then run the command again" if named else
            "write a language code such as az, ru or en (two or three letters, ISO 639; a region after a "
            "hyphen, as pt-BR), then run the command again",
        ) from None
    return code


def language_named(name: str) -> str | None:
    """The code of the language ``name`` names in English, Russian or Azerbaijani (``Russian``,
    ``русский``, ``azərbaycan``): an editor may write the name where the code belongs."""
    wanted = name.strip().casefold()
    for display in ("en", "ru", "az"):
        for code, language in Locale.parse(display).languages.items():
            if language.casefold() == wanted and "_" not in code:
                return code
    return None


def _refuse_invisible(code: str, where: str, line: int | None) -> None:
    """Name a character an editor does not show (a zero-width or no-break space pasted with
    the code): 'unknown language code' with a hint to use en looks wrong where en is shown."""
    hidden = [char for char in code if unicodedata.category(char) in ("Cf", "Zs", "Zl", "Zp", "Cc")]
    if hidden:
        names = ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}" for char in hidden)
        raise ConfigError(
            f"language code {code!r} holds an invisible character ({names})", path=where, line=line,
            hint="delete the code and type it again (it was probably pasted with the character), then "
                 "run the command again")


def project_spelling(code: str, languages: tuple[str, ...] | list[str]) -> str | None:
    """The project's code for the language ``code`` names under another spelling (``AZ``,
    ``az-AZ`` or ``az_AZ`` for ``az``), or None when ``code`` is one of ``languages`` or names
    none of them. ``code`` must be valid (see :func:`validate_language`)."""
    if code in languages:
        return None
    same = [known for known in languages if known.lower().replace("_", "-") == code.lower().replace("_", "-")]
    wanted = Locale.parse(code.replace("-", "_")).language
    same += [known for known in languages if Locale.parse(known.replace("-", "_")).language == wanted]
    return same[0] if same else None


_KNOWN_KEYS = {
    "languages", "source_language", "source_dir", "locale_dir", "output",
    "front_matter_keys", "translate", "models", "publish", "quotes", "templates",
}
#: The keys each table may hold: a misspelt one (``allow_machin``) must not be ignored.
_KNOWN_TABLE_KEYS = {
    "translate": {"engine", "beam_size"},
    "models": {"dir"},
    "publish": {"allow_machine", "require_review", "notice", "enforced_checks"},
    "templates": {"text_arguments"},
}


def load_config(root: Path) -> Config:
    """Read ``root/pipeline.toml`` (all defaults when it does not exist)."""
    root = root.resolve()
    path = root / CONFIG_NAME
    if not os.path.lexists(path):
        return Config(root=root)
    _refuse_dangling_link(path)
    try:
        # utf-8-sig: Windows editors (Notepad) save with a byte-order mark, which tomllib
        # refuses as "Invalid statement (at line 1, column 1)" on a line that looks right.
        refuse_special_file(path)
        raw = path.read_bytes()
        _refuse_wide_encoding(raw)
        text = raw.decode("utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8: {exc.reason}", path=CONFIG_NAME,
                          line=raw.count(b"\n", 0, exc.start) + 1,
                          hint="save pipeline.toml as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise _toml_syntax_error(str(exc), text) from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise ConfigError("arrays or tables nested too deeply to read", path=CONFIG_NAME,
                          hint="fix the TOML syntax: settings nest at most a few levels") from None
    except OSError as exc:
        raise ConfigError(f"cannot read it: {exc.strerror or exc}", path=CONFIG_NAME,
                          hint="pipeline.toml must be a readable file") from None
    try:
        config = _config_from_dict(root, data)
        _refuse_language_respelt_away_from_its_catalogues(config)
        return config
    except ConfigError as exc:
        if exc.path == CONFIG_NAME and exc.line is None:
            exc.line = _line_of_setting(text, exc.message)
        if exc.hint is None:
            exc.hint = ("write the setting as the message says (the Configuration table of "
                        "README.md lists each one), then run the command again")
        raise


def _refuse_dangling_link(path: Path) -> None:
    """A pipeline.toml that is a symbolic link leading nowhere (a settings repository not
    checked out, a loop of links) was taken for no pipeline.toml: every setting silently
    fell back to its default, and a run wrote catalogues and versions where the project
    does not keep them."""
    if not path.is_symlink() or os.path.exists(path):
        return
    raise ConfigError(f"pipeline.toml is a symbolic link to {os.readlink(path)!r}, which does not exist "
                      "(or leads in a loop)", path=CONFIG_NAME,
                      hint="restore the file it links to (a shared settings folder not mounted or checked "
                           "out?), or replace the link with the file; nothing was done, as the project's "
                           "settings are unknown")


def _refuse_wide_encoding(data: bytes) -> None:
    """Name UTF-32 or UTF-16 (Notepad's "Unicode"): "not UTF-8: invalid start byte" does not
    say which setting to change, and without a byte-order mark such a file is valid UTF-8
    (NULs between the letters), which TOML calls an invalid statement."""
    encoding = "UTF-32" if is_utf32(data) else "UTF-16" if utf16_encoding(data) else None
    if encoding is not None:
        raise ConfigError(f"pipeline.toml is saved as {encoding}, not UTF-8", path=CONFIG_NAME, line=1,
                          hint="save it as UTF-8 in your editor (in Notepad: Save as, Encoding: UTF-8), "
                               "then run the command again")


def _refuse_language_respelt_away_from_its_catalogues(config: Config) -> None:
    """Refuse a language whose catalogues are all under another spelling of it (``ru_RU``
    written where ``locale/ru/`` holds the work): every catalogue there would turn orphan and
    new, untranslated ones be written beside them, in the way of a later folder rename."""
    locale = config.locale_path
    try:
        folders = sorted(entry.name for entry in locale.iterdir() if entry.name not in config.languages
                         and (entry / "LC_MESSAGES").is_dir())
    except OSError:  # no locale folder yet (a new project), or one that cannot be read
        return
    for code in config.languages:
        if (locale / code / "LC_MESSAGES").is_dir():
            continue
        for folder in folders:
            try:
                same = project_spelling(folder, (code,)) == code
            except (UnknownLocaleError, ValueError):
                continue
            if same:
                where = f"{config.locale_dir}/{folder}/"
                raise ConfigError(
                    f"languages: {code!r} has no catalogues, but {where} holds this language's, "
                    f"spelt {folder!r}", path=CONFIG_NAME,
                    hint=f"keep writing {folder!r} in languages, or move the catalogues to the new "
                         f"spelling (git mv {config.locale_dir}/{folder} {config.locale_dir}/{code}; "
                         f"published versions then go to the new language's folder), then run the "
                         "command again")


_TOML_WHERE = re.compile(r" \(at (?:line (\d+), column (\d+)|end of document)\)\Z")


def _toml_syntax_error(message: str, text: str) -> ConfigError:
    """tomllib's message names the place in words ("... (at line 2, column 19)"); put the
    line where every other error has it, so the CLI prints ``pipeline.toml:2: ...``, and say
    what went wrong in an editor's words where tomllib speaks its own."""
    where = _TOML_WHERE.search(message)
    line = None
    column = ""
    if where is not None:
        line = int(where.group(1)) if where.group(1) else max(1, len(text.splitlines()))
        column = f" (column {where.group(2)})" if where.group(2) else " (at the end of the file)"
        message = message[:where.start()]
    lines = text.splitlines()
    if message == "Unclosed array" and line:
        opening = _line_opening_list(lines, line)
        line, column = opening, column if opening == line else ""
    written = lines[line - 1] if line and line <= len(lines) else ""
    hint = _toml_syntax_hint(message, written)
    plain = None if hint else _toml_slip(message, written)
    if plain is not None:
        message, hint = plain
    return ConfigError(message + column, path=CONFIG_NAME, line=line,
                       hint=hint or "fix the TOML syntax")


_TOML_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')


def _line_opening_list(lines: list[str], line: int) -> int:
    """The line whose ``[`` is never closed: tomllib names where it gave up, the next
    setting's line or the file's end, which holds nothing wrong."""
    depth = 0
    for number in range(line, 0, -1):
        bare = _TOML_STRING.sub("", lines[number - 1]).partition("#")[0]
        depth += bare.count("]") - bare.count("[")
        if depth < 0:
            return number
    return line


_CURLY_QUOTES = "\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb"
_YAML_KEY = re.compile(r"[ \t]*[A-Za-z_][A-Za-z0-9_.-]*[ \t]*:(?:[ \t]|\Z)")


def _toml_syntax_hint(message: str, written: str) -> str | None:
    """What to do, for the slips tomllib describes only in its own terms: curly quotes
    from a word processor ('Invalid value'), YAML's ``key: value`` ('Expected '=' after a
    key') and a key or table written twice ('Cannot overwrite a value')."""
    if any(quote in written for quote in _CURLY_QUOTES):
        return ('this line has curly quotes (“…”, ‘…’ or «…», as word processors write them): '
                'TOML needs straight quotes ("..."): retype them, then run the command again')
    if _YAML_KEY.match(written):
        return "TOML writes settings as key = value (not key: value as YAML does): rewrite " \
               "the line so, then run the command again"
    if message.startswith(("Cannot overwrite a value", "Cannot declare")):
        return "a key or [table] is set twice in pipeline.toml: keep one (merge the two), then " \
               "run the command again"
    return None


_AGAIN = ", then run the command again"
#: A ``name = value`` line, its comment apart.
_TOML_SETTING = re.compile(r"[ \t]*(?P<key>[^=#\s][^=#]*?)[ \t]*=[ \t]*(?P<value>[^#]*?)[ \t]*(?:#.*)?\Z")


def _toml_slip(message: str, written: str) -> tuple[str, str] | None:
    """The problem and what to write, in an editor's words, for tomllib's terse messages
    ("Invalid value", "Unclosed array", "Expected newline or end of document after a
    statement"): a word left unquoted, a quote or list left open, a ';' after a value."""
    if message == "Invalid value":
        return _invalid_value(written)
    if message == "Unterminated string" or message == r"Illegal character '\n'":
        quote = next((char for char in written.partition("=")[2] if char in "\"'"), '"')
        return (f"the text opened with {quote!r} is not closed on its line",
                f"end it with {quote} on the same line (a text value takes one line){_AGAIN}")
    if message.startswith("Illegal character"):
        return (f"a control character on this line ({message.removeprefix('Illegal character ')}), "
                "which TOML does not allow", f"delete it (retype the line){_AGAIN}")
    if message == "Unclosed array":
        return _UNCLOSED_LIST
    if message == "Expected ']' at the end of a table declaration":
        name = written.strip().lstrip("[").strip() or "translate"
        return ("the [section] name on this line lacks its closing ']'", f"write it as [{name}]{_AGAIN}")
    if message == "Expected newline or end of document after a statement":
        return ("something follows the value on this line",
                f"one setting per line: delete what follows the value (TOML needs no ';' at a "
                f"line's end; a comment starts with #){_AGAIN}")
    if message == "Expected '=' after a key in a key/value pair":
        name = written.strip().partition("=")[0].strip()
        if " " in name and "=" in written:
            return ("a setting's name holds a space",
                    f"write it with underscores, as the Configuration table of README.md does "
                    f"({name.replace(' ', '_')}){_AGAIN}")
        return ("this line is no setting: TOML writes each one as name = value",
                f'write it as name = value (source_language = "en"), or start it with # to make '
                f"it a comment{_AGAIN}")
    if message == "Unescaped '\\' in a string":
        return ("a backslash ('\\') in a text between double quotes, where it starts an escape such as \\n",
                f"write a path with '/' instead of '\\' (or between single quotes: 'a\\b'){_AGAIN}")
    if message in ("Invalid statement", "Invalid initial character for a key part"):
        return ("this line starts with a character no setting name starts with",
                f"start each line with a setting name, a [section] or # for a comment{_AGAIN}")
    if message == "Unclosed inline table":
        return ("the { ... } opened on this line is not closed",
                f"close it with '}}' on the same line (a {{ ... }} table takes one line in TOML){_AGAIN}")
    return None


_UNCLOSED_LIST = ("a list is not closed with ']', or lacks a comma between two items",
                  f'close it with \']\' and separate its items with commas: languages = ["az", "ru", "en"]{_AGAIN}')


def _invalid_value(written: str) -> tuple[str, str]:
    """A value TOML has no reading for: most often a word left unquoted (``engine = pseudo``)
    or a Python-style ``True``; show the line as it should be written."""
    setting = _TOML_SETTING.fullmatch(written)
    if setting is None or not setting.group("value"):
        return ("a value here is not one TOML knows",
                f'write text in double quotes ("ru"), true or false in lower case, numbers as '
                f"digits and lists in [ ]{_AGAIN}")
    key, value = setting.group("key"), setting.group("value")
    if value.startswith("[") and "]" not in value:
        return _UNCLOSED_LIST
    if value.lower() in ("true", "false"):
        fixed = value.lower()
    elif value.startswith("["):
        items = [item.strip() for item in value.strip("[] ").split(",") if item.strip()]
        fixed = "[" + ", ".join(item if item[:1] in "\"'" else f'"{item}"' for item in items) + "]"
    else:
        fixed = '"' + value.strip("\"'").replace("\\", "\\\\").replace('"', '\\"') + '"'
    return (f"the value of {key} is not one TOML knows",
            f"write text in double quotes, true or false in lower case: {key} = {fixed}{_AGAIN}")


def _config_from_dict(root: Path, data: dict[str, Any]) -> Config:
    _refuse_unknown_keys(data, _KNOWN_KEYS)
    kwargs: dict[str, Any] = {}
    if "languages" in data:
        langs = data["languages"]
        if not isinstance(langs, list) or not langs:
            raise ConfigError("languages must be a non-empty list such as [\"az\", \"ru\", \"en\"]", path=CONFIG_NAME)
        kwargs["languages"] = tuple(_setting_language("languages", code) for code in langs)
        _refuse_repeated_languages(kwargs["languages"])
    if "source_language" in data:
        kwargs["source_language"] = _setting_language("source_language", data["source_language"])
    _refuse_source_language_outside(kwargs.get("source_language", Config.source_language),
                                    kwargs.get("languages", Config.languages), "source_language" in data)
    for key in ("source_dir", "locale_dir", "output"):
        if key in data:
            kwargs[key] = _relative_setting(key, data[key])
    if "output" in kwargs:
        _check_output_pattern(kwargs["output"])
    if "front_matter_keys" in data:
        keys = data["front_matter_keys"]
        if not isinstance(keys, list) or not all(isinstance(k, str) and k for k in keys):
            raise ConfigError("front_matter_keys must be a list of key paths such as \"image.caption\"",
                              path=CONFIG_NAME)
        _refuse_keys_sync_writes(keys)
        kwargs["front_matter_keys"] = tuple(keys)
    translate = _table(data, "translate")
    if "engine" in translate:
        engine = translate["engine"]
        if not isinstance(engine, str):
            raise ConfigError("[translate] engine must be a string: \"argos\", \"pseudo\" or \"none\"",
                              path=CONFIG_NAME)
        _check_engine(engine)
        kwargs["engine"] = engine
    if "beam_size" in translate:
        beam = translate["beam_size"]
        if isinstance(beam, bool) or not isinstance(beam, int) or beam < 1:
            raise ConfigError(f"[translate] beam_size must be a whole number of 1 or more, got {beam!r}",
                              path=CONFIG_NAME, hint="e.g. beam_size = 4 (1 is greedy decoding)")
        kwargs["beam_size"] = beam
    models = _table(data, "models")
    if "dir" in models:
        folder = models["dir"]
        if not isinstance(folder, str) or not folder:
            raise ConfigError("[models] dir must be a folder path as a non-empty string",
                              path=CONFIG_NAME)
        _refuse_nul("[models] dir", folder)
        kwargs["models_dir"] = folder
    if "output" in kwargs or "locale_dir" in kwargs:
        _check_output_place(kwargs.get("output", Config.output), kwargs.get("locale_dir", Config.locale_dir),
                            kwargs.get("languages", Config.languages))
    kwargs["publish"] = _publish_policy(_table(data, "publish"),
                                        kwargs.get("front_matter_keys", DEFAULT_FRONT_MATTER_KEYS),
                                        kwargs.get("languages", Config.languages))
    quotes = data.get("quotes", {})
    if not isinstance(quotes, dict):
        raise ConfigError("[quotes] must be a table of language = marks, such as az = \"«»„“\"", path=CONFIG_NAME)
    kwargs["quotes"] = _quote_styles(quotes, kwargs.get("languages", Config.languages))
    kwargs["text_arguments"] = _text_arguments(_table(data, "templates").get("text_arguments", {}))
    return Config(root=root, **kwargs)


_TEXT_ARGUMENTS_EXAMPLE = 'text_arguments = { quote = [1, 2], "callout.html" = [1] }'


#: Front-matter keys sync writes into every version itself: the version's language and its article.
_KEYS_SYNC_WRITES = ("lang", "translation_of")


def _refuse_keys_sync_writes(keys: list[str]) -> None:
    """Refuse ``lang`` or ``translation_of`` among the translatable keys: sync writes them into
    each version, so a translated ``lang: en`` was published as ``lang: [en-translated]ru``,
    a language no site knows."""
    for key in keys:
        if key in _KEYS_SYNC_WRITES:
            raise ConfigError(f"front_matter_keys: {key!r} is never translated: sync writes it into each "
                              "version itself (the version's language, its article)", path=CONFIG_NAME,
                              hint=f"delete {key!r} from front_matter_keys, then run the command again")


def _text_arguments(table: Any) -> dict[str, frozenset[int]]:
    """``[templates] text_arguments``: for each shortcode or included file, the 1-based
    positions of its arguments that readers see. A name with a dot must be quoted in TOML
    (``"callout.html" = [1]``): unquoted, TOML reads it as a table ``callout`` holding ``html``."""
    if not isinstance(table, dict):
        raise ConfigError("[templates] text_arguments must be a table of shortcode = positions",
                          path=CONFIG_NAME, hint=f"e.g. {_TEXT_ARGUMENTS_EXAMPLE}")
    setting: dict[str, frozenset[int]] = {}
    for name, positions in table.items():
        if isinstance(positions, dict):
            raise ConfigError(f"[templates] text_arguments: {name}.{next(iter(positions), '')} must be "
                              "written in quotes, as TOML reads a dot as a table", path=CONFIG_NAME,
                              hint=f"e.g. {_TEXT_ARGUMENTS_EXAMPLE}")
        if not name.strip() or any(char.isspace() for char in name):
            raise ConfigError(f"[templates] text_arguments: {name!r} is no shortcode or include name",
                              path=CONFIG_NAME, hint=f"e.g. {_TEXT_ARGUMENTS_EXAMPLE}")
        if not isinstance(positions, list) or not positions or not all(
                isinstance(at, int) and not isinstance(at, bool) and at >= 1 for at in positions):
            raise ConfigError(f"[templates] text_arguments: {name} must be a list of argument positions "
                              f"counted from 1, got {positions!r}", path=CONFIG_NAME,
                              hint=f"e.g. {name} = [1] for the first positional argument")
        if len(set(positions)) != len(positions):
            raise ConfigError(f"[templates] text_arguments: {name} lists a position twice: {positions!r}",
                              path=CONFIG_NAME, hint="list each position once")
        setting[name] = frozenset(positions)
    return setting


def _quote_styles(table: dict[str, Any], languages: tuple[str, ...]) -> dict[str, str]:
    """``[quotes]``: each language's house-style marks, checked as the quote checks read them."""
    from .quotemarks import house_style

    for lang, marks in table.items():
        if lang not in languages:
            raise ConfigError(f"[quotes] {lang}: not one of the project's languages", path=CONFIG_NAME,
                              hint="languages: " + ", ".join(languages))
        if not isinstance(marks, str):
            raise ConfigError(f"[quotes] {lang}: give the marks as text, such as {lang} = \"«»„“\"",
                              path=CONFIG_NAME)
        try:
            house_style(marks, lang)
        except ValueError as exc:
            raise ConfigError(f"[quotes] {lang}: {exc}", path=CONFIG_NAME,
                              hint=f"e.g. {lang} = \"«»„“\" (outer, then inner), or {lang} = \"“”\"") from None
    return dict(table)


_TABLE_KEY_MESSAGE = re.compile(r"\[([\w.-]+)\] ([\w-]+):")
_TOP_KEY_MESSAGE = re.compile(r"([A-Za-z_]\w*):")


def _line_of_setting(text: str, message: str) -> int | None:
    """The line of the first key that the message names (``languages``, ``[publish]`` ...)."""
    scoped = _TABLE_KEY_MESSAGE.match(message)
    if scoped is not None:
        line = _line_in_table(text, scoped.group(1), scoped.group(2))
        if line is not None:
            return line
    opening = _TOP_KEY_MESSAGE.match(message)
    if opening is not None:
        line = _line_in_table(text, "", opening.group(1))
        if line is not None:
            return line
    tables: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        # One bracket opens a table, two an array of tables ([[publish]], where a table belongs).
        match = re.match(r"\s*(\[{0,2})\s*([A-Za-z_][\w.-]*)\s*[\]=]", line)
        # A table header [publish.notise] names its last key, which the message names alone.
        names = {match.group(2), match.group(2).rsplit(".", 1)[-1] if match.group(1) else ""} if match else set()
        if match and any(re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", message) for name in names if name):
            if not match.group(1):
                return number
            tables.append(number)
    return tables[0] if tables else None


def setting_line(root: Path, key: str, table: str = "") -> int | None:
    """The line of ``key`` (in ``[table]``) in ``root``'s pipeline.toml, or None where it is
    not written: for an error found after loading (a folder a setting names is missing)."""
    try:
        text = (root / CONFIG_NAME).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return _line_in_table(text, table, key)


def _line_in_table(text: str, table: str, key: str) -> int | None:
    """The line of ``key`` inside ``[table]``: a message such as "[quotes] az: not one of the
    project's languages" names its key first, and a word further on (``languages``) must not
    point at another setting's line."""
    current = ""
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\s*([\w.-]+)\s*\]", line)
        if header:
            current = header.group(1)
        elif current == table and re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return None


def _refuse_repeated_languages(languages: tuple[str, ...]) -> None:
    """A language listed twice (``ru`` and ``ru``, ``pt-BR`` and ``pt_BR``) had each of its
    catalogues worked on twice in one run, the second write refused as a concurrent edit."""
    seen: set[str] = set()
    for code in languages:
        key = code.lower().replace("_", "-")
        if key in seen:
            raise ConfigError(f"languages: {code!r} appears twice", path=CONFIG_NAME,
                              hint="list each language once, then run the command again")
        seen.add(key)


def _refuse_source_language_outside(source: str, languages: tuple[str, ...], written: bool) -> None:
    """Refuse a ``source_language`` the project does not publish in: articles without
    ``lang:`` were silently "translated from" it into every language, German read as the
    source of English, Russian and Azerbaijani articles, and no catalogue says so."""
    if source in languages:
        return
    listed = ", ".join(languages)
    known = project_spelling(source, languages)
    if known is not None:
        hint = f"write source_language = \"{known}\", as languages spells it"
    else:
        hint = (f"set source_language to the language articles without lang: are written in (one of "
                f"{listed}), or add \"{source}\" to languages if the newsroom publishes in it")
    if written:
        raise ConfigError(f"source_language: {source!r} is not one of the project's languages ({listed})",
                          path=CONFIG_NAME, hint=hint)
    raise ConfigError(f"languages: the default source_language, {source!r}, is not among them ({listed})",
                      path=CONFIG_NAME, hint=hint)


def _setting_language(key: str, code: Any) -> str:
    try:
        validate_language(code, where=CONFIG_NAME)
    except ConfigError as exc:
        exc.message = f"{key}: {exc.message}"
        raise
    _check_letter_case(key, code)
    return code


def _check_letter_case(key: str, code: str) -> None:
    """Refuse ``AZ`` or ``en-us``: the code names folders (``locale/AZ/``) and is compared
    with each article's ``lang:`` as written, so a second spelling of a language would get
    catalogues of its own beside the translators' ones, and articles in it a target."""
    written = code.replace("-", "_")
    canonical = str(Locale.parse(written))
    if written == canonical or written.lower() != canonical.lower():
        return  # the usual spelling, or an alias CLDR maps to another code (iw, tl)
    spelled = canonical.replace("_", "-") if "-" in code else canonical
    raise ConfigError(f"{key}: write the language code {code!r} as {spelled!r}", path=CONFIG_NAME,
                      hint="language codes are lower case, regions upper case (az, pt-BR)")


def _check_engine(name: str) -> None:
    """Refuse an unknown engine when the file is read, not when translation first runs."""
    from .engines.registry import NO_ENGINE, USER_ENGINES, engine_names

    if name not in NO_ENGINE and name not in engine_names():
        raise ConfigError(f"[translate] engine: unknown translation engine {name!r}",
                          path=CONFIG_NAME, hint="use one of: " + ", ".join(USER_ENGINES))


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{name}] must be a table", path=CONFIG_NAME)
    _refuse_unknown_keys(value, _KNOWN_TABLE_KEYS[name], f"[{name}]")
    return value


def _refuse_unknown_keys(data: dict[str, Any], known: set[str], table: str = "") -> None:
    """A misspelt key (``allow_machin``) must not be ignored, at the top or in a table."""
    unknown = sorted(set(data) - known)
    if unknown:
        where = f" in {table}" if table else ""
        raise ConfigError(f"unknown key(s){where}: {', '.join(unknown)}", path=CONFIG_NAME,
                          hint=_misplaced_key_hint(unknown[0], known, table)
                          + f"known keys{' of ' + table if table else ''}: {', '.join(sorted(known))}")


def _misplaced_key_hint(key: str, known: set[str], table: str) -> str:
    """Where a key that is known elsewhere belongs, or the known key it misspells: a key
    written below a ``[table]`` line is in that table for TOML, wherever it was meant."""
    if table and key in _KNOWN_KEYS:
        return f"keys below a [table] line belong to it: move {key} above the first [table] line; "
    home = next((f"[{name}]" for name, keys in sorted(_KNOWN_TABLE_KEYS.items()) if key in keys), None)
    if home is not None and home != table:
        return f"{key} belongs in {home}: write it below a {home} line; "
    close = difflib.get_close_matches(key, sorted(known), n=1)
    return f"did you mean {close[0]}? " if close else ""


def _publish_policy(table: dict[str, Any], front_matter_keys: tuple[str, ...],
                   languages: tuple[str, ...]) -> PublishPolicy:
    allow = table.get("allow_machine", False)
    if not isinstance(allow, bool):
        raise ConfigError("[publish] allow_machine must be true or false", path=CONFIG_NAME)
    require = table.get("require_review", [])
    if not isinstance(require, list) or not all(isinstance(x, str) for x in require):
        raise ConfigError("[publish] require_review must be a list such as [\"title\", \"lead\"]",
                          path=CONFIG_NAME)
    for name in require:
        _check_required_field(name, front_matter_keys)
    notice = table.get("notice", {})
    if not isinstance(notice, dict):
        raise ConfigError("[publish] notice must be a table of language = text", path=CONFIG_NAME)
    for lang, text in notice.items():
        _check_notice(lang, text, languages)
    enforced = table.get("enforced_checks", [])
    if not isinstance(enforced, list) or not all(isinstance(name, str) for name in enforced):
        raise ConfigError("[publish] enforced_checks must be a list such as [\"numbers\", \"speaker\"]",
                          path=CONFIG_NAME)
    for name in enforced:
        _check_enforced(name)
    return PublishPolicy(allow_machine=allow, require_review=tuple(require), notice=dict(notice),
                         enforced_checks=tuple(enforced))


def _check_enforced(name: str) -> None:
    """Only an entry check can hold a version back: the corpus-level ones compare articles
    (a translation elsewhere would decide whether this one is published)."""
    from .checks import CHECKS, CORPUS_CHECKS

    if name in CHECKS:
        return
    why = "compares articles, so it cannot hold one back" if name in CORPUS_CHECKS else "is not a check"
    close = [] if name in CORPUS_CHECKS else difflib.get_close_matches(name, CHECKS, n=1)
    raise ConfigError(f"[publish] enforced_checks: {name!r} {why}", path=CONFIG_NAME,
                      hint=(f"did you mean {close[0]}? " if close else "") + "checks: " + ", ".join(CHECKS))


def _check_required_field(name: str, front_matter_keys: tuple[str, ...]) -> None:
    """A name that selects nothing would silently let machine translation of the field it
    meant be published: only translatable front-matter keys, ``lead`` and block kinds count."""
    from .markdown import key_path_matches  # here: markdown imports this module

    if name == "lead" or name in {kind.value for kind in BlockKind}:
        return
    if key_path_matches(name, set(front_matter_keys)):
        return
    kinds = ", ".join(kind.value for kind in BlockKind)
    raise ConfigError(
        f"[publish] require_review: {name!r} names no translatable field",
        path=CONFIG_NAME,
        hint=f"use a key of front_matter_keys ({', '.join(front_matter_keys)}), \"lead\", or a block "
             f"kind ({kinds}); a front-matter key must also be listed in front_matter_keys")


def _check_notice(lang: str, text: Any, languages: tuple[str, ...]) -> None:
    """A notice for a misspelt language would never be shown: refuse it, like a misspelt key."""
    if lang not in languages:
        raise ConfigError(f"[publish.notice] {lang}: not one of the project's languages",
                          path=CONFIG_NAME, hint="the project publishes in: " + ", ".join(languages))
    if not isinstance(text, str) or not text.strip():
        raise ConfigError(f"[publish.notice] {lang}: the notice must be text, such as {lang} = \"…\"",
                          path=CONFIG_NAME)


def _relative_setting(key: str, value: Any) -> str:
    """Paths in the config must stay inside the project: no absolute paths, no ``..``;
    returned in their plain spelling (no trailing or doubled slash, no leading ``./``)."""
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{key} must be a non-empty string", path=CONFIG_NAME)
    _refuse_nul(key, value)
    parts = Path(value).parts
    if Path(value).is_absolute() or ".." in parts or value.startswith(("/", "\\")):
        raise ConfigError(
            f"{key} = {value!r} points outside the project",
            path=CONFIG_NAME,
            hint="use a path relative to the folder that holds pipeline.toml, without '..'",
        )
    _refuse_foreign_path_syntax(key, value)
    # "source/", "./source" and "source//" name one folder: written as given, they made every
    # path shown (source//a.md:3) and every catalogue reference differ from "source"'s.
    return PurePosixPath(value).as_posix()


def _refuse_foreign_path_syntax(key: str, value: str) -> None:
    """A path written as another system writes it: Windows' ``public\\{lang}`` names one file
    called 'public\\ru\\a.md' here, published beside pipeline.toml, and a shell's ``~/public``
    a folder named '~' in the project (which an ``rm -rf ~`` typed to clean it up would take
    for the home folder)."""
    if "\\" in value:
        raise ConfigError(f"{key} = {value!r} separates folders with '\\', which names a single "
                          "file here", path=CONFIG_NAME,
                          hint=f"write '/' between folders, as on every system: {key} = "
                               f"\"{value.replace(chr(92), '/')}\", then run the command again")
    if value.split("/", 1)[0].startswith("~"):
        raise ConfigError(f"{key} = {value!r} names a folder named '~' inside the project, not a "
                          "home folder", path=CONFIG_NAME,
                          hint="use a path relative to the folder that holds pipeline.toml, "
                               "then run the command again")


def _refuse_nul(key: str, value: str) -> None:
    """No file name can hold a NUL character: the first stat() of such a path would fail
    with a ValueError instead of a message."""
    if "\0" in value:
        raise ConfigError(f"{key} holds a NUL character (\\u0000), which no file name can hold",
                          path=CONFIG_NAME, hint=f"delete the escape from {key}, then run the command again")


def _check_output_place(pattern: str, locale_dir: str, languages: tuple[str, ...]) -> None:
    """Refuse an ``output`` that lands in the folders of the catalogues, the templates or
    the run state: a published article written there replaces a translator's catalogue."""
    locale = PurePosixPath(locale_dir.replace("\\", "/")).parts
    kept = [locale + ("templates",), (".pipeline",)] + [locale + (lang, "LC_MESSAGES") for lang in languages]
    for lang in languages:
        parts = PurePosixPath(pattern.format(lang=lang, slug="a").replace("\\", "/")).parts
        if any(parts[:len(folder)] == folder for folder in kept):
            raise ConfigError(
                f"output = {pattern!r} puts published articles among the catalogues, templates "
                "or run state, where they would replace them",
                path=CONFIG_NAME,
                hint=f"publish to a folder of its own, e.g. \"public/{{lang}}/{{slug}}.md\", outside "
                     f"{locale_dir}/<lang>/LC_MESSAGES, {locale_dir}/templates and .pipeline",
            )


def _check_output_pattern(pattern: str) -> None:
    try:
        sample = pattern.format(lang="ru", slug="a/b")
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(
            f"output pattern {pattern!r} is invalid ({exc})",
            path=CONFIG_NAME,
            hint="use the fields {lang} and {slug}, e.g. \"public/{lang}/{slug}.md\"",
        ) from None
    fields = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    if "{slug}" not in pattern or "{lang}" not in pattern or not {"lang", "slug"} <= fields:
        raise ConfigError(
            f"output pattern {pattern!r} must contain both {{lang}} and {{slug}}",
            path=CONFIG_NAME,
            hint="e.g. \"public/{lang}/{slug}.md\" or \"content/{slug}.{lang}.md\"",
        )
    _relative_setting("output", sample)
