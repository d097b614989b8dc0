"""pipeline.toml: defaults, validation with file:line errors, paths kept inside the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Config, load_config, validate_language
from pipeline.errors import ConfigError


def config_from(tmp_path: Path, text: str) -> Config:
    (tmp_path / "pipeline.toml").write_text(text, encoding="utf-8")
    return load_config(tmp_path)


def test_missing_file_means_all_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.languages == ("az", "ru", "en") and config.source_language == "en"
    assert config.output_rel("ru", "world/baku") == "public/ru/world/baku.md"
    assert config.catalogue_rel("az", "a") == "locale/az/LC_MESSAGES/a.po"
    assert config.output_root == tmp_path.resolve() / "public"


def test_hugo_style_output_and_publish_policy(tmp_path: Path) -> None:
    config = config_from(tmp_path, 'output = "content/{slug}.{lang}.md"\n[publish]\nallow_machine = true\n'
                                   'require_review = ["title", "lead"]\n[publish.notice]\nru = "Машинный перевод."\n')
    assert config.output_rel("ru", "a") == "content/a.ru.md"
    assert config.publish.allow_machine and config.publish.require_review == ("title", "lead")
    assert config.publish.notice == {"ru": "Машинный перевод."}


def test_a_misspelt_enforced_check_is_named_with_the_check_meant(tmp_path: Path) -> None:
    """'number' for 'numbers' listed all fifteen checks and left the editor to find the one."""
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, '[publish]\nenforced_checks = ["number"]\n')
    assert info.value.hint is not None and info.value.hint.startswith("did you mean numbers? checks: ")


@pytest.mark.parametrize("text, line, fragment", [
    ('languages = ["en", "xx-nope"]\n', 1, "languages: unknown language code 'xx-nope'"),
    ('source_dir = "source"\nsource_language = "qq"\n', 2, "source_language: unknown language code"),
    ('output = "/etc/{lang}/{slug}.md"\n', 1, "points outside the project"),
    ('output = "public/{slug}.md"\n', 1, "must contain both {lang} and {slug}"),
    # Doubled braces are literal text: every article was published to public/ru/{slug}.md,
    # one over the other, and the next listing of published versions crashed.
    ('output = "public/{lang}/{{slug}}.md"\n', 1, "must contain both {lang} and {slug}"),
    ('output = "{{lang}}/{slug}.md"\n', 1, "must contain both {lang} and {slug}"),
    ('locale_dir = "../elsewhere"\n', 1, "points outside the project"),
    ('[publish]\nallow_machine = "yes"\n', 2, "allow_machine must be true or false"),
    ('langauges = ["en"]\n', 1, "unknown key(s): langauges"),
    ('[publish]\nallow_machin = true\n', 2, "unknown key(s) in [publish]: allow_machin"),
    ('[translate]\nengin = "pseudo"\n', 2, "unknown key(s) in [translate]: engin"),
    ('[models]\ndirectory = "models"\n', 2, "unknown key(s) in [models]: directory"),
    ('languages = ["en", "ru"]\n[publish.notise]\nru = "x"\n', 2, "unknown key(s) in [publish]: notise"),
    ('[translate]\nbeam_size = "four"\n', 2, "beam_size must be a whole number"),
    ('[translate]\nbeam_size = 0\n', 2, "beam_size must be a whole number"),
    ('[translate]\nbeam_size = 2.5\n', 2, "beam_size must be a whole number"),
    ('[translate]\nengine = 5\n', 2, "engine must be a string"),
    ('[models]\ndir = 5\n', 2, "dir must be a folder path"),
    ('[publish]\nallow_machine = true\nrequire_review = ["title", "titel"]\n', 3,
     "require_review: 'titel' names no translatable field"),
    ('[publish]\nrequire_review = ["teaser"]\n', 2, "require_review: 'teaser' names no translatable field"),
    ('[publish.notice]\nrus = "Машинный перевод."\n', 2, "[publish.notice] rus: not one of the project's languages"),
    ('[publish.notice]\nru = 5\n', 2, "[publish.notice] ru: the notice must be text"),
    ('languages = ["AZ", "ru", "en"]\n', 1, "languages: write the language code 'AZ' as 'az'"),
    ('source_dir = "source"\nsource_language = "en-us"\n', 2, "write the language code 'en-us' as 'en-US'"),
    ('[quotes]\nfr = "«»"\n', 2, "[quotes] fr: not one of the project's languages"),
    # A source language the project does not publish in: articles without lang: were
    # "translated from German" into every language, without a word.
    ('languages = ["en", "ru", "az"]\nsource_language = "de"\n', 2,
     "source_language: 'de' is not one of the project's languages (en, ru, az)"),
    ('source_language = "de"\nlanguages = ["en", "ru", "az"]\n', 1, "source_language: 'de' is not one"),
    ('languages = ["az", "ru"]\n', 1, "languages: the default source_language, 'en', is not among them (az, ru)"),
    # The message's word "languages" must not point at the languages line.
    ('languages = ["en", "ru"]\n[quotes]\naz = "«»"\n', 3, "[quotes] az: not one of the project's languages"),
    ('languages = ["en", "ru"]\n\n[publish.notice]\naz = "x"\n', 4,
     "[publish.notice] az: not one of the project's languages"),
    ('[quotes]\naz = "«»„"\n', 2, "[quotes] az: '«»„' has 3 character(s)"),
    ('[quotes]\naz = "»«"\n', 2, "[quotes] az: »…« is not a pair of quotation marks"),
    ('[quotes]\naz = "<>"\n', 2, "[quotes] az: <…> is not a pair"),
    ('[quotes]\nen = 2\n', 2, "[quotes] en: give the marks as text"),
    ('quotes = "«»"\n', 1, "[quotes] must be a table"),
    ('[publish]\nenforced_checks = ["numbers", "numbres"]\n', 2, "enforced_checks: 'numbres' is not a check"),
    ('[publish]\nenforced_checks = ["name-drift"]\n', 2, "'name-drift' compares articles, so it cannot"),
    ('[publish]\nenforced_checks = "numbers"\n', 2, "enforced_checks must be a list"),
    # An array of tables where a table belongs: the line of its header (it had no line).
    ('languages = ["en", "ru"]\n[[publish]]\nallow_machine = true\n', 2, "[publish] must be a table"),
    ('[[quotes]]\nru = "«»"\n', 1, "[quotes] must be a table"),
])
def test_bad_settings_name_the_line(tmp_path: Path, text: str, line: int | None, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert fragment in info.value.message
    assert info.value.path == "pipeline.toml" and info.value.line == line


@pytest.mark.parametrize("text, line", [
    ('output = "locale/{lang}/LC_MESSAGES/{slug}.po"\n', 1),
    ('locale_dir = "l10n"\noutput = "l10n/{lang}/LC_MESSAGES/{slug}.md"\n', 2),
    ('output = "./locale/templates/{lang}/{slug}.md"\n', 1),
    ('output = ".pipeline/{lang}/{slug}.md"\n', 1),
])
def test_an_output_pattern_that_writes_over_catalogues_or_run_state_is_refused(
        tmp_path: Path, text: str, line: int) -> None:
    """Published Markdown written to ``locale/ru/LC_MESSAGES/a.po`` replaced the translators'
    catalogue."""
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert (info.value.path, info.value.line) == ("pipeline.toml", line)
    assert "catalogues" in info.value.message and info.value.hint


@pytest.mark.parametrize("text", [
    'output = "locale-public/{lang}/{slug}.md"\n',
    'locale_dir = "."\noutput = "public/{lang}/{slug}.md"\n',
    'output = "locale/{slug}.{lang}.md"\n',
])
def test_an_output_beside_the_catalogues_is_accepted(tmp_path: Path, text: str) -> None:
    config_from(tmp_path, text)


@pytest.mark.parametrize("text, line", [
    ('output = "public/{lang}/{slug}\\u0000.md"\n', 1),
    ('source_dir = "source"\nlocale_dir = "loc\\u0000ale"\n', 2),
    ('source_dir = "sou\\u0000rce"\n', 1),
    ('[models]\ndir = "mo\\u0000dels"\n', 2),
])
def test_a_path_setting_holding_a_nul_character_is_refused_with_its_line(tmp_path: Path, text: str,
                                                                         line: int) -> None:
    """No file name can hold one: the first stat() of such a path raised ValueError."""
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert (info.value.line, "NUL" in info.value.message) == (line, True), info.value.message
    assert info.value.hint


@pytest.mark.parametrize("text, line, fragment", [
    ('languages = ["en", "ru", "az", "ru"]\n', 1, "'ru' appears twice"),
    ('source_dir = "source"\nlanguages = ["pt-BR", "en", "pt_BR"]\n', 2, "'pt_BR' appears twice"),
])
def test_a_language_listed_twice_is_refused(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    """Listed twice, each catalogue was worked on twice in one run, and the second write was
    refused as an edit "by someone else while pipeline was running"."""
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert info.value.line == line and fragment in info.value.message, info.value.message
    assert info.value.hint


@pytest.mark.parametrize("text, line, hint", [
    # A top-level key written below a [table] line belongs to that table, for TOML.
    ('[publish]\nallow_machine = true\nlanguages = ["az", "en"]\n', 3,
     "move languages above the first [table] line"),
    ('engine = "pseudo"\n', 1, "engine belongs in [translate]"),
    ('[publish]\nbeam_size = 4\n', 2, "beam_size belongs in [translate]"),
    ('source_langauge = "en"\n', 1, "did you mean source_language?"),
    ('[publish]\nallow_machin = true\n', 2, "did you mean allow_machine?"),
])
def test_a_key_in_the_wrong_place_or_misspelt_gets_a_hint_that_says_so(tmp_path: Path, text: str,
                                                                       line: int, hint: str) -> None:
    """Regression: 'languages' written at the end of the file, below [publish] (so, for TOML,
    inside it), or 'engine' at the top level, got 'unknown key(s)' and the list of known keys,
    which names the key itself: the editor could not see what was wrong."""
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert info.value.line == line and hint in (info.value.hint or ""), (info.value, info.value.hint)

@pytest.mark.parametrize("text", [
    'languages = "en,ru"\n', 'languages = [1, 2]\n', 'source_language = 1979-05-27\n', 'publish = 5\n',
    '[publish]\nnotice = "x"\n', 'front_matter_keys = [1]\n', '[publish]\nrequire_review = "title"\n',
    'output = ""\n', '[translate]\nengine = 5\n', '[models]\ndir = ""\n',
])
def test_a_setting_of_the_wrong_type_says_what_to_do(tmp_path: Path, text: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert info.value.line and info.value.hint, (info.value, info.value.hint)


def test_language_codes_in_their_usual_spelling_are_accepted(tmp_path: Path) -> None:
    config = config_from(tmp_path, 'languages = ["az", "ru", "en", "pt-BR", "pt_PT", "az-Cyrl", "iw"]\n')
    assert config.languages == ("az", "ru", "en", "pt-BR", "pt_PT", "az-Cyrl", "iw")


def test_require_review_takes_front_matter_keys_lead_and_block_kinds(tmp_path: Path) -> None:
    """Every name the README lists is accepted; a misspelt one is refused (above), because
    ignoring it would publish unreviewed machine translation of the field it meant."""
    config = config_from(tmp_path, 'front_matter_keys = ["title", "gallery.caption"]\n[publish]\n'
                                   'require_review = ["title", "gallery.caption", "lead", "heading", "list item"]\n')
    assert config.publish.require_review == ("title", "gallery.caption", "lead", "heading", "list item")


def test_house_style_quotation_marks(tmp_path: Path) -> None:
    config = config_from(tmp_path, '[quotes]\naz = "«»„“"\nen = "‘’"\n')
    assert config.quotes == {"az": "«»„“", "en": "‘’"}
    from pipeline.integration import quote_marks
    marks = quote_marks(config)
    assert marks["az"].for_depth(0) == ("«", "»") and marks["az"].for_depth(1) == ("„", "“")
    assert marks["en"].for_depth(0) == ("‘", "’") and marks["en"].for_depth(1) == ("“", "”")  # CLDR's outer, as the inner


def test_toml_syntax_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, "languages = [\n")
    assert "close it with ']'" in (info.value.hint or ""), info.value.hint


@pytest.mark.parametrize("text, line, message", [
    ('languages = ["az"]\nlanguages = ["ru"]\n', 2, "Cannot overwrite a value (column 19)"),
    ('source_language = "en"\nlanguages = ["az", "ru"\n', 2,
     "a list is not closed with ']', or lacks a comma between two items (at the end of the file)"),
    ('languages = ["az",\n  "ru" # and "[en]"\nsource_dir = "src"\n', 1,
     "a list is not closed with ']', or lacks a comma between two items"),
])
def test_toml_syntax_errors_name_the_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    """The line goes where every other error has it (``pipeline.toml:2: ...``), not in words."""
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert (info.value.line, info.value.message) == (line, message)


@pytest.mark.parametrize("text, line, hint", [
    ('source_language = \u201cen\u201d\n', 1, 'straight quotes ("...")'),
    ("languages = [\u2018az\u2019, 'ru']\n", 1, 'straight quotes ("...")'),
    ('source_language = "en"\nlanguages:\n  - az\n', 2, "key = value"),
    ('source_language = "en"\nsource_language = "ru"\n', 2, "set twice"),
    ('[publish]\nallow_machine = true\n[publish]\nrequire_review = []\n', 3, "set twice"),
])
def test_common_toml_mistakes_get_a_hint_that_names_them(tmp_path: Path, text: str, line: int,
                                                         hint: str) -> None:
    """Regression: curly quotes (a word processor's autocorrect), YAML's 'key: value' and a
    key or table written twice got tomllib's 'Invalid value', 'Expected '=' after a key' or
    'Cannot overwrite a value' with only 'fix the TOML syntax' to go on."""
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert info.value.line == line and hint in (info.value.hint or ""), (info.value, info.value.hint)

@pytest.mark.parametrize("text, line, message, hint", [
    ('source_language = ru\n', 1, "the value of source_language is not one TOML knows",
     'source_language = "ru"'),
    ('[publish]\nallow_machine = True\n', 2, "the value of allow_machine is not one TOML knows",
     "allow_machine = true"),
    ('[translate]\nengine = pseudo # for now\n', 2, "not one TOML knows", 'engine = "pseudo"'),
    ('source_language = "ru\nsource_dir = "src"\n', 1, "the text opened with '\"' is not closed on its line",
     'end it with " on the same line'),
    ('languages = ["az" "ru"]\n', 1, "a list is not closed with ']', or lacks a comma between two items",
     '["az", "ru", "en"]'),
    ('[translate\nengine = "pseudo"\n', 1, "the [section] name on this line lacks its closing ']'",
     "[translate]"),
    ('source_language = "ru";\n', 1, "something follows the value on this line", "one setting per line"),
    ('source_language = "ru" en\n', 1, "something follows the value on this line", "comment starts with #"),
    ('source language = "ru"\n', 1, "a setting's name holds a space", "source_language"),
    ('source_dir = "C:\\articles"\n', 1, "a backslash", "'/'"),
    ('- "az"\n', 1, "this line is no setting", "name = value"),
    ('source_dir = "src"\n@source_language = "ru"\n', 2, "this line starts with a character no setting name starts with",
     "a setting name, a [section] or # for a comment"),
    ('[templates]\ntext_arguments = { quote = [1, 2]\n', 2, "the { ... } opened on this line is not closed",
     "on the same line"),
])
def test_a_toml_slip_is_explained_in_an_editor_s_words(tmp_path: Path, text: str, line: int, message: str,
                                                       hint: str) -> None:
    """Regression: a word left unquoted, an unclosed quote or list, a missing comma or ']', a
    ';' after a value or a Windows path were reported in tomllib's words ("Invalid value",
    "Illegal character '\\n'", "Unclosed array", "Expected newline or end of document after a
    statement") with only "fix the TOML syntax" to go on; each now says what is wrong in plain
    words and what to write."""
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert info.value.line == line, info.value
    assert message in info.value.message, info.value.message
    assert hint in (info.value.hint or ""), info.value.hint


@pytest.mark.parametrize("old, new", [("ru", "ru_RU"), ("az", "az-Latn"), ("ru", "ru-RU")])
def test_a_language_respelt_away_from_its_catalogues_is_refused(tmp_path: Path, old: str,
                                                                new: str) -> None:
    """Regression: writing languages = [..., "ru_RU"] in a project whose catalogues are in
    locale/ru/ made every ru catalogue an orphan and wrote new, untranslated ones in
    locale/ru_RU/ (the reviewed translations unused, and in the way of a later folder rename).
    Now refused at the languages line until the folder is renamed or the spelling restored."""
    (tmp_path / "locale" / old / "LC_MESSAGES").mkdir(parents=True)
    text = f'source_language = "en"\nlanguages = ["{new}", "en"]\n'
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert info.value.line == 2 and f"locale/{old}/" in info.value.message, info.value
    assert f"git mv locale/{old} locale/{new}" in (info.value.hint or ""), info.value.hint
    (tmp_path / "locale" / old).rename(tmp_path / "locale" / new)
    assert config_from(tmp_path, text).languages == (new, "en")
    (tmp_path / "locale" / old / "LC_MESSAGES").mkdir(parents=True)  # both: two versions, as written
    assert config_from(tmp_path, text).languages == (new, "en")

def test_arrays_nested_too_deeply_for_the_toml_reader_are_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, 'languages = ["en", "ru"]\nx = ' + "[" * 5000 + "]" * 5000 + "\n")
    assert "nested" in info.value.message and info.value.hint


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """Notepad saves with one; tomllib alone refuses it as an invalid statement on line 1."""
    (tmp_path / "pipeline.toml").write_bytes(b'\xef\xbb\xbflanguages = ["en", "ru"]\n')
    assert load_config(tmp_path).languages == ("en", "ru")


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "pipeline.toml").write_bytes(b'languages = ["en", "ru"]\n# caf\xe9\n')
    with pytest.raises(ConfigError, match="not UTF-8") as info:
        load_config(tmp_path)
    assert info.value.line == 2


def test_an_unknown_engine_is_refused_when_the_file_is_read(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        config_from(tmp_path, '[translate]\nengine = "agros"\n')
    assert caught.value.line == 2
    assert "argos, pseudo, none" in (caught.value.hint or "")
    assert "fake" not in (caught.value.hint or "")
    assert config_from(tmp_path, '[translate]\nengine = "none"\n').engine == "none"


def test_a_named_pipe_in_place_of_the_settings_is_reported_not_waited_on(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipeline.toml")
    with pytest.raises(ConfigError, match="named pipe"):
        load_config(tmp_path)


def test_positional_text_arguments_by_shortcode_or_include_name(tmp_path: Path) -> None:
    assert load_config(tmp_path).text_arguments == {}
    config = config_from(tmp_path, '[templates]\ntext_arguments = { quote = [1, 2], "callout.html" = [1] }\n')
    assert config.text_arguments == {"quote": frozenset({1, 2}), "callout.html": frozenset({1})}
    table = config_from(tmp_path, '[templates.text_arguments]\npullquote = [1]\n"blog/quote" = [2]\n')
    assert table.text_arguments == {"pullquote": frozenset({1}), "blog/quote": frozenset({2})}


@pytest.mark.parametrize("text, line, fragment", [
    ('[templates]\ntext_argument = { quote = [1] }\n', 2, "unknown key(s) in [templates]: text_argument"),
    ('templates = 1\n', 1, "[templates] must be a table"),
    ('[templates]\ntext_arguments = [1, 2]\n', 2, "text_arguments must be a table"),
    ('[templates]\ntext_arguments = { quote = 1 }\n', 2, "quote must be a list of argument positions"),
    ('[templates]\ntext_arguments = { quote = [0] }\n', 2, "counted from 1, got [0]"),
    ('[templates]\ntext_arguments = { quote = [] }\n', 2, "quote must be a list"),
    ('[templates]\ntext_arguments = { quote = ["1"] }\n', 2, "quote must be a list"),
    ('[templates]\ntext_arguments = { quote = [true] }\n', 2, "quote must be a list"),
    ('[templates]\ntext_arguments = { quote = [1.5] }\n', 2, "quote must be a list"),
    ('[templates]\ntext_arguments = { quote = [1, 1] }\n', 2, "quote lists a position twice"),
    ('[templates]\ntext_arguments = { callout.html = [1] }\n', 2, "callout.html must be written in quotes"),
    ('[templates]\ntext_arguments = { "two words" = [1] }\n', 2, "'two words' is no shortcode"),
    ('[templates.text_arguments]\nquote = [1]\npullquote = [-1]\n', 3, "pullquote must be a list"),
])
def test_a_bad_text_arguments_setting_names_the_line(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert fragment in info.value.message
    assert info.value.path == "pipeline.toml" and info.value.line == line


@pytest.mark.parametrize(("code", "named"), [("en\u200b", "U+200B ZERO WIDTH SPACE"),
                                             ("\ufeffru", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
                                             ("az\u00a0", "U+00A0 NO-BREAK SPACE")])
def test_an_invisible_character_in_a_language_code_is_named(code: str, named: str) -> None:
    """``lang: en`` pasted with a zero-width space was 'unknown language code' with a hint
    to use a code CLDR knows, such as en: what the editor sees is en."""
    with pytest.raises(ConfigError) as caught:
        validate_language(code, where="source/a.md", line=3)
    assert f"holds an invisible character ({named})" in caught.value.message, caught.value.message
    assert "delete" in (caught.value.hint or "")
    assert caught.value.line == 3


@pytest.mark.parametrize(("encoding", "name"), [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
                                                ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32")])
def test_a_pipeline_toml_saved_as_utf16_or_utf32_says_so(tmp_path: Path, encoding: str, name: str) -> None:
    """It was 'not UTF-8: invalid start byte', or, without a byte-order mark (valid UTF-8,
    NULs between the letters), a TOML syntax error on a line that looks right."""
    (tmp_path / "pipeline.toml").write_bytes('languages = ["az", "ru"]\n'.encode(encoding))
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.message == f"pipeline.toml is saved as {name}, not UTF-8" and caught.value.line == 1
    # Regression: one with Russian comments had too few NULs to be known without a mark.
    commented = '# Настройки редакции: языки, папки, движок перевода\nlanguages = ["az", "ru"]\n'
    (tmp_path / "pipeline.toml").write_bytes(commented.encode(encoding))
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.message == f"pipeline.toml is saved as {name}, not UTF-8" and caught.value.line == 1


@pytest.mark.parametrize("target", ["settings/pipeline.toml", "pipeline.toml"])
def test_a_pipeline_toml_link_leading_nowhere_is_refused_not_taken_for_no_settings(tmp_path: Path,
                                                                                   target: str) -> None:
    """A dangling link (a settings folder not checked out) or a loop was taken for no
    pipeline.toml: every setting fell back to its default without a word."""
    (tmp_path / "pipeline.toml").symlink_to(target)
    with pytest.raises(ConfigError, match="symbolic link to .* which does not exist") as caught:
        load_config(tmp_path)
    assert caught.value.path == "pipeline.toml" and "nothing was done" in (caught.value.hint or "")


@pytest.mark.parametrize("text, line, message, hint", [
    ("output = 'public\\{lang}\\{slug}.md'\n", 1, "separates folders with '\\'", "public/{lang}/{slug}.md"),
    ("languages = [\"en\", \"ru\"]\nsource_dir = 'content\\posts'\n", 2, "separates folders with '\\'",
     "content/posts"),
    ('locale_dir = "~/locale"\n', 1, "a folder named '~' inside the project, not a home folder",
     "relative to the folder that holds pipeline.toml"),
    ('output = "~/public/{lang}/{slug}.md"\n', 1, "a folder named '~'", "relative"),
])
def test_a_windows_or_home_folder_path_setting_is_refused_with_its_line(tmp_path: Path, text: str, line: int,
                                                                         message: str, hint: str) -> None:
    """Regression: 'public\\{lang}\\{slug}.md', as a Windows desk writes it, published files
    named 'public\\ru\\a.md' beside pipeline.toml, and '~/public/...' a folder named '~' in
    the project (which a later 'rm -rf ~' typed to clean it would take for the home folder);
    source_dir = 'content\\posts' was 'no source folder'. Both are refused at their line."""
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, text)
    assert info.value.line == line, info.value
    assert message in info.value.message, info.value.message
    assert hint in (info.value.hint or ""), info.value.hint


@pytest.mark.parametrize("name, code", [("Russian", "ru"), ("русский", "ru"), ("Azərbaycan", "az"),
                                        ("english", "en")])
def test_a_language_s_name_where_its_code_belongs_gets_the_code(tmp_path: Path, name: str, code: str) -> None:
    """Regression: languages = ["Russian"] (or lang: русский in an article) was 'unknown
    language code' with a hint to use 'an ISO 639 code that CLDR knows'; it now names the code."""
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, f'languages = ["{name}", "en"]\n')
    assert f"is the name of a language, whose code is '{code}'" in info.value.message, info.value
    assert f"write the code '{code}'" in (info.value.hint or "")


def test_a_path_setting_is_read_in_its_plain_spelling(tmp_path: Path) -> None:
    """Regression: source_dir = "source/" showed every article as source//a.md (in errors and
    in the catalogues' references, which then changed when the slash was dropped)."""
    config = config_from(tmp_path, 'source_dir = "source/"\nlocale_dir = "./locale//"\n'
                                   'output = "./public//{lang}/{slug}.md"\n')
    assert (config.source_dir, config.locale_dir, config.output) == ("source", "locale", "public/{lang}/{slug}.md")
    assert config_from(tmp_path, 'source_dir = "."\n').source_dir == "."


@pytest.mark.parametrize("key", ["lang", "translation_of"])
def test_a_key_sync_writes_itself_is_no_translatable_key(tmp_path: Path, key: str) -> None:
    """Regression: front_matter_keys = ["title", "lang"] translated the article's 'lang: en'
    and published 'lang: [translated en]ru', a language no site knows."""
    with pytest.raises(ConfigError) as info:
        config_from(tmp_path, f'languages = ["en", "ru"]\nfront_matter_keys = ["title", "{key}"]\n')
    assert info.value.line == 2 and f"{key!r} is never translated" in info.value.message, info.value
