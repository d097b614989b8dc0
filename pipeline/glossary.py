"""The project glossary (``locale/glossary.csv``): accepted forms of names and terms.

A newsroom spells a speaker's name one way per language (Natig Jafarli, Натиг Джафарли,
Natiq Cəfərli); machine translation does not know that. The glossary says it, one row
per concept, and this module finds its terms in a segment (tolerant of Russian and
Azerbaijani case endings and the English possessive), then makes a machine translation
use the accepted target form, or says plainly that it could not.

File format: UTF-8 CSV; the header names language columns (any can be a source) plus
optional ``kind`` (person, organization, place, title, term) and ``note``. A cell equal in
every language means "keep as is"; an empty cell means "no form in that language".
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import shlex
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable, Iterable

from pipeline.config import validate_language
from pipeline.errors import ConfigError
from pipeline.fileio import is_utf32, refuse_special_file, utf16_encoding
from pipeline.inline import blank_out
from pipeline.lexicon import lexicon
from pipeline.translit import similarity

KIND, NOTE = "kind", "note"
#: Kinds whose terms are names: a lost or misspelt one is an error, not a style issue.
NAME_KINDS = frozenset({"person", "organization", "organisation", "place", "title"})
#: The kinds the checks know; a newsroom may use others of its own (they count as terms).
KNOWN_KINDS = NAME_KINDS | {"term"}
PostProcessor = Callable[[str, str, str, str], tuple[str, list[str]]]

_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")
_HEADER_HINT = "columns are language codes (en, ru, az …) plus optional 'kind' and 'note'"
_RU_ADJECTIVE = ("ая", "яя", "ое", "ее", "ый", "ий", "ой", "ые", "ие")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_MIN_SIMILARITY = 0.72
#: How many (text, language) look-ups a glossary remembers: the annotation and each
#: check ask for the terms of the same source segment again.
_MATCH_CACHE_SIZE = 16384
_SUFFIX_LIMIT = {"ru": 3, "az": 6, "en": 2}
_NO_ENDING = re.compile(r"(?!)")
#: Marks that open a case ending written apart from the name (Azerbaijani TV-yə, TV’nin).
_ENDING_MARKS = frozenset("-'’")
#: What a case ending looks like, per language (to keep it when replacing a variant).
_ENDING = {
    "en": re.compile(r"['’]s?"),
    "ru": re.compile(r"а|я|у|ю|е|и|ы|ом|ем|ым|им|ой|ей|ою|ею|ов|ев|ам|ям|ах|ях|ами|ями|ого|"
                     r"его|ому|ему|ую"),
    "az": re.compile(r"['’\-]?(?:[nydtls][a-zəğıöüçş]{0,5}|[aəıiuüoö](?:[nmzq][a-zəğıöüçş]{0,4})?)"),
}


@dataclass(frozen=True)
class Term:
    """One glossary row: its forms by language (non-empty cells, in column order)."""

    forms: tuple[tuple[str, str], ...]
    kind: str = ""
    note: str = ""
    line: int = 0

    def form(self, lang: str) -> str | None:
        return self._by_lang.get(lang)

    @cached_property
    def _by_lang(self) -> dict[str, str]:
        """The forms as a dict, built once: checks and notes ask for forms constantly."""
        return dict(self.forms)

    @property
    def keep_as_is(self) -> bool:
        """Every language writes it the same way (Meydan TV, OCCRP)."""
        return len(self.forms) > 1 and len({form for _, form in self.forms}) == 1

    @cached_property
    def is_name(self) -> bool:
        """Asked of every row on every look-up: computed once."""
        if self.kind:
            return self.kind.lower() in NAME_KINDS
        return any(form[:1].isupper() for _, form in self.forms)


@dataclass(frozen=True)
class TermMatch:
    """``text[start:end]`` is ``term`` (possibly inflected: Джафарли, Алиева, Jafarli's)."""

    term: Term
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Glossary:
    """The loaded glossary. ``path`` is where it came from, for messages."""

    languages: tuple[str, ...]
    terms: tuple[Term, ...]
    path: str = ""
    #: The header as written (language codes, ``kind``, ``note``), so a row suggested to
    #: the editor can be pasted into the file as it is.
    columns: tuple[str, ...] = ()
    _forms: dict[str, _FormIndex] = field(default_factory=dict, compare=False, repr=False)
    _found: dict[tuple[str, str], tuple[TermMatch, ...]] = field(
        default_factory=dict, compare=False, repr=False)
    _tails: dict[tuple[str, int], _TailIndex] = field(default_factory=dict, compare=False, repr=False)
    _given: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.terms)

    def terms_in(self, text: str, lang: str) -> list[TermMatch]:
        """Terms of ``text`` in ``lang``: longest first, never overlapping, in text order.

        Code spans and URLs are skipped; "Natig Jafarli" is one match, not two.
        """
        key = (text, lang)
        if key not in self._found:
            if len(self._found) >= _MATCH_CACHE_SIZE:
                self._found.clear()
            self._found[key] = self._terms_in(text, lang)
        return list(self._found[key])

    def _terms_in(self, text: str, lang: str) -> tuple[TermMatch, ...]:
        """:meth:`terms_in`, uncached. A term is only searched for when the longest
        literal piece of its pattern is in the text: one substring test per term instead
        of a regex pass, which is what keeps a glossary of hundreds of rows cheap. A piece
        has no spaces, so it can only be in the blanked prose if it is in the text: most
        segments name no term and never need blanking."""
        candidates = self._indexed(lang).candidates(text)
        if not candidates:
            return ()
        prose = blank_out(text)
        found = [TermMatch(term, m.start(), m.end(), text[m.start():m.end()])
                 for term, form, literal in candidates if literal in prose
                 for m in term_pattern(form, lang, term.is_name).finditer(prose)]
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        chosen: list[TermMatch] = []
        for match in found:
            if not chosen or match.start >= chosen[-1].end:
                chosen.append(match)
        return tuple(chosen)

    def occurs(self, term: Term, text: str, lang: str) -> bool:
        """Whether ``term``'s ``lang`` form occurs in ``text`` (even inside a longer term)."""
        prose = blank_out(text)
        return any(term_pattern(form, lang, term.is_name).search(prose)
                   for form, literal in self._indexed(lang).of_term(term) if literal in prose)

    def find(self, name: str, lang: str) -> Term | None:
        """The term whose ``lang`` form is the whole of ``name`` (inflection allowed)."""
        matches = self.terms_in(name, lang)
        if len(matches) == 1 and matches[0].text == name.strip():
            return matches[0].term
        return None

    def names_ending_in(self, text: str, lang: str, size: int) -> list[tuple[Term, str]]:
        """(term, its last ``size`` words in ``lang``) of every name whose ``lang`` form has
        more words than that and whose last words may match in ``text`` (:func:`may_match`),
        in glossary order: the rows a surname alone (Karimov said) can be. Looked up by
        the last words' literal piece, not by trying every row: the checks ask for each
        speaker, and a glossary of 50,000 rows made that the bulk of a run."""
        if size < 1:
            return []
        key = (lang, size)
        if key not in self._tails:
            self._tails[key] = _TailIndex(self.terms, lang, size)
        return self._tails[key].candidates(text)

    def given_names(self, lang: str) -> frozenset[str]:
        """The first words of the ``lang`` forms of the people named in more than one word."""
        if lang not in self._given:
            self._given[lang] = frozenset(
                form.split()[0] for term in self.terms if term.kind.lower() == "person"
                and (form := term.form(lang)) and " " in form)
        return self._given[lang]

    def _indexed(self, lang: str) -> _FormIndex:
        if lang not in self._forms:
            self._forms[lang] = _FormIndex([
                (term, form, max(_literals(form, lang, term.is_name), key=len, default=""))
                for term in self.terms if (form := term.form(lang))])
        return self._forms[lang]


class _TailIndex:
    """The names of a language with more than ``size`` words, by the longest literal piece of
    their last ``size`` words (which any text they match holds): a text's candidates are
    found by looking up its substrings of the pieces' lengths, a few hundred dictionary
    look-ups however long the glossary."""

    def __init__(self, terms: Iterable[Term], lang: str, size: int) -> None:
        self.lang = lang
        self.rows: list[tuple[Term, str]] = []
        self._by_piece: dict[str, list[int]] = {}
        self._always: list[int] = []  # no literal piece (a lower-case letter): always tried
        for term in terms:
            words = (term.form(lang) or "").split()
            if not term.is_name or len(words) <= size:
                continue
            tail = " ".join(words[-size:])
            piece = max(_literals(tail, lang, True), key=len, default="")
            index = len(self.rows)
            self.rows.append((term, tail))
            if piece:
                self._by_piece.setdefault(piece, []).append(index)
            else:
                self._always.append(index)
        self._lengths = sorted({len(piece) for piece in self._by_piece})

    def candidates(self, text: str) -> list[tuple[Term, str]]:
        hits = set(self._always)
        for length in self._lengths:
            if length > len(text):
                break
            for start in range(len(text) - length + 1):
                hits.update(self._by_piece.get(text[start:start + length], ()))
        rows = (self.rows[i] for i in sorted(hits))
        return [(term, tail) for term, tail in rows if may_match(tail, self.lang, True, text)]


class _FormIndex:
    """A language's term forms, each with a literal piece every match of it contains.

    Patterns are compiled only for forms whose piece a text holds (compiling all of them
    took a glossary of 8,000 rows about 50 s in every process). Which pieces a text holds
    is found by testing each (cheap for a short glossary) or, when the glossary has more
    forms than the text has characters, by looking the text's three-letter pieces up.
    """

    def __init__(self, forms: list[tuple[Term, str, str]]) -> None:
        self.forms = forms
        self._of_term: dict[int, list[tuple[str, str]]] = {}
        self._by_start: dict[str, list[int]] = {}
        self._short: list[int] = []  # pieces under three letters: always tested
        for index, (term, form, literal) in enumerate(forms):
            self._of_term.setdefault(id(term), []).append((form, literal))
            if len(literal) < 3:
                self._short.append(index)
            else:
                self._by_start.setdefault(literal[:3], []).append(index)

    def of_term(self, term: Term) -> list[tuple[str, str]]:
        """``term``'s forms, each with its literal piece."""
        return self._of_term.get(id(term), [])

    def candidates(self, text: str) -> list[tuple[Term, str, str]]:
        """The forms whose literal piece is in ``text``, in glossary order."""
        if len(self.forms) <= len(text):
            return [form for form in self.forms if form[2] in text]
        hits = set(self._short)
        for start in range(len(text) - 2):
            hits.update(self._by_start.get(text[start:start + 3], ()))
        return [self.forms[i] for i in sorted(hits) if self.forms[i][2] in text]


def _refuse_utf32(data: bytes, name: str) -> None:
    """UTF-32 passes for UTF-16 by its byte-order mark, and without one it is valid UTF-8
    (NULs and ASCII): name it, rather than send the desk to the wrong encoding or read
    rows of NULs."""
    if is_utf32(data):
        quoted = shlex.quote(name)
        raise ConfigError("glossary is UTF-32, not UTF-8", path=name, line=1,
                          hint="save it from the spreadsheet as 'CSV UTF-8 (Comma delimited)', or convert "
                               f"it: iconv -f UTF-32 -t UTF-8 {quoted} > {quoted}.utf8 && mv {quoted}.utf8 "
                               f"{quoted}; then run the command again")


def _refuse_utf16(data: bytes, name: str) -> None:
    """UTF-16, as Excel's 'Unicode Text' saves it (with a byte-order mark) or iconv does
    (without one): neither the code-page advice for a file that is not UTF-8 nor reading
    it as UTF-8 (an English-only one is, NULs and all) helps."""
    encoding = utf16_encoding(data)
    if encoding is not None:
        quoted = shlex.quote(name)
        raise ConfigError("glossary is UTF-16 (as Excel's 'Unicode Text' saves it), not UTF-8",
                          path=name, line=1,
                          hint="save it from the spreadsheet as 'CSV UTF-8 (Comma delimited)', or "
                               f"convert it: iconv -f {encoding} -t UTF-8 {quoted} > {quoted}.utf8 && "
                               f"mv {quoted}.utf8 {quoted}; then run the command again")


def _refuse_binary(name: str) -> None:
    """A file with NUL bytes that is not text (a workbook saved under the glossary's name, as
    Excel's Save keeps .xlsx): the code-page advice for a file that is not UTF-8 would have
    its ``mv`` replace the workbook with garbled bytes."""
    raise ConfigError("glossary is a binary file (it holds NUL bytes), not CSV text: a spreadsheet "
                      "workbook (.xlsx, .xls) saved under its name?", path=name, line=1,
                      hint="open it in the spreadsheet and save it as 'CSV UTF-8 (Comma delimited)' "
                           "(keep the workbook under another name), or restore the glossary from "
                           "version control; then run the command again")


def load_glossary(path: str | Path, languages: Iterable[str] | None = None, *,
                  shown_as: str | None = None) -> Glossary:
    """Read ``path`` (UTF-8 CSV). ``languages``, when given, are the only language
    columns allowed. Raises ConfigError with the file (``shown_as``, e.g. the path relative
    to the project) and line of the first problem."""
    name = shown_as or str(path)
    try:
        refuse_special_file(path)
        data = Path(path).read_bytes()
        _refuse_utf32(data, name)
        _refuse_utf16(data, name)
        if b"\0" in data.split(b"\n", 1)[0]:  # no header row, however the bytes decode
            _refuse_binary(name)
        text = data.decode("utf-8-sig").lstrip("\ufeff")  # a mark saved twice (a file re-saved with one)
    except FileNotFoundError:
        raise ConfigError("glossary file not found", path=name,
                          hint="create it with a header row such as: en,az,ru,kind,note") from None
    except UnicodeDecodeError as error:
        if b"\0" in data:
            _refuse_binary(name)
        quoted = shlex.quote(name)
        raise ConfigError(f"glossary is not UTF-8 ({error.reason} at byte {error.start})",
                          path=name, line=data.count(b"\n", 0, error.start) + 1,
                          hint="save it from the spreadsheet as 'CSV UTF-8 (Comma delimited)' "
                               "(Excel's plain 'CSV' uses the Windows code page), or convert "
                               f"it, e.g. from Windows Cyrillic: iconv -f CP1251 -t UTF-8 {quoted} "
                               f"> {quoted}.utf8 && mv {quoted}.utf8 {quoted}; then run the command "
                               "again") from None
    except OSError as error:
        raise ConfigError(f"cannot read the glossary: {error.strerror or error}", path=name,
                          hint="the glossary must be a readable CSV file") from None
    # newline='': the csv module's own line handling, as its docs ask: a lone \r (Excel's
    # "CSV (Macintosh)") ends a row, and line breaks inside quoted cells stay as written.
    return read_glossary(io.StringIO(text, newline=""), name, languages)


def read_glossary(stream: io.TextIOBase | io.StringIO, path: str = "glossary.csv",
                  languages: Iterable[str] | None = None) -> Glossary:
    """Parse glossary CSV from a text stream; ``path`` is only used in messages."""
    # skipinitialspace: a hand-typed "a, b" puts a space before a quoted cell's quote, which
    # would make the quote literal and split the cell at its comma (cells are stripped anyway).
    reader = csv.reader(stream, skipinitialspace=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ConfigError("glossary is empty", path=path, line=1,
                          hint="start with a header row such as: en,az,ru,kind,note") from None
    except csv.Error as error:
        raise ConfigError(f"malformed CSV: {error}", path=path, line=1,
                          hint="save the file from the spreadsheet as 'CSV UTF-8 (Comma delimited)', or "
                               "fix the header row (such as: en,az,ru,kind,note) by hand") from None
    if _separator_line(header, path):
        header = next(reader, [])
    top = reader.line_num or 1  # the header's line: 2 below a sep= line
    _check_conflict_marker(header, path, top)
    if not any(cell.strip() for cell in header):
        raise ConfigError(f"line {top} is blank: the header row must come first", path=path, line=top,
                          hint="delete the blank lines above the header row (such as: "
                               "en,az,ru,kind,note), then run the command again")
    columns = _columns(header, path, set(languages) if languages is not None else None, top)
    terms: list[Term] = []
    seen: dict[tuple[str, str], int] = {}
    try:
        start = reader.line_num + 1
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                start = line + 1
                continue
            _check_conflict_marker(row, path, line)
            _check_repeated_header(row, columns, path, top, line)
            _check_row_length(row, columns, path, start, line)
            start = line + 1
            term = _term(row, columns, path, line)
            _check_duplicates(term, seen, path)
            terms.append(term)
    except csv.Error as error:
        raise ConfigError(f"malformed CSV: {error}", path=path, line=reader.line_num,
                          hint="quote cells that contain commas or quotes") from None
    return Glossary(tuple(c for c in columns if c not in (KIND, NOTE)), tuple(terms), path,
                    tuple(columns))


def enforce_glossary(source: str, translation: str, src_lang: str, tgt_lang: str, *,
                     glossary: Glossary) -> tuple[str, list[str]]:
    """Make ``translation`` use the glossary's target form of every term in ``source``.

    Where the engine wrote the term differently (Натик Джафарлы, or left "Natig Jafarli"
    untranslated) and that spelling can be located by sound, it is replaced, keeping a
    case ending; a capitalised or multi-word term left exactly as the source writes it is
    replaced whole, and so is the surname alone of a person named in full in the segment.
    A name that cannot be located is reported, so it is never lost silently; other terms
    are left to the checks (a reviewer decides on wording).
    """
    fixed, problems = translation, []
    matches = glossary.terms_in(source, src_lang)
    for term, written in _distinct_terms(matches):
        target = term.form(tgt_lang)
        wanted = sum(1 for m in matches if m.term is term)
        if not target or count_term(glossary, term, fixed, tgt_lang) >= wanted:
            continue
        fixed = _left_as_written(fixed, term, glossary, src_lang, target,
                                 {m.text for m in matches if m.term is term})
        if count_term(glossary, term, fixed, tgt_lang) < wanted:
            fixed = replace_variants(fixed, target, tgt_lang,
                                     _protected(glossary, fixed, tgt_lang, target))
        if term.is_name and not glossary.occurs(term, fixed, tgt_lang):
            problems.append(f"glossary: {written!r} must be {target!r} in {tgt_lang}, "
                            "and no spelling of it was found in the translation")
    return _surnames_alone(source, fixed, matches, src_lang, tgt_lang, glossary), problems


def _left_as_written(text: str, term: Term, glossary: Glossary, src_lang: str, target: str,
                     written: set[str]) -> str:
    """MT leaves a name or term it does not know as the source writes it ("Port of Baku",
    "Middle Corridor" in an Azerbaijani sentence, or "Bakı Limanının" with its case ending,
    as ``written`` holds the source's spellings). A translated name cannot be found by
    sound, so that spelling is replaced with the glossary's whole, where the glossary reads
    it as this term (not inside a longer one: "Baku" in "Port of Baku"); markup, URLs and
    code are left alone. Only a form no target-language sentence would hold as it is:
    capitalised or of several words (a lower-case "port" may well be an Azerbaijani word)."""
    form = term.form(src_lang) or ""
    spellings = {form} | written
    if (not form or form == target or not any(s in text for s in spellings)
            or not (form[:1].isupper() or " " in form)):
        return text
    spans = [(m.start, m.end) for m in glossary.terms_in(text, src_lang)
             if m.term is term and m.text in spellings]
    for start, end in reversed(spans):
        text = text[:start] + target + text[end:]
    return text


def _surnames_alone(source: str, translation: str, matches: list[TermMatch], src_lang: str,
                    tgt_lang: str, glossary: Glossary) -> str:
    """A person named in full is then often named by surname alone ("Samir Karimov said …
    Karimov told"); MT leaves or respells that surname too, so within the segment that names
    the person in full it gets the glossary's surname (a case ending kept). Other people
    with the same surname, in other segments, are left to the checks, and so is a segment
    that names someone else with it ("Sarah Karimov and Samir Karimov"): which surname is
    whose cannot be told, and a name another term reads ("Ganja" the city beside "Ahmad
    Ganja") is that term's. In the translation, a surname after another capitalised word
    is someone's full name and is left alone."""
    fixed = translation
    prose = blank_out(source)
    for term in {m.term for m in matches if m.term.kind.lower() == "person"}:
        src_form, tgt_form = term.form(src_lang) or "", term.form(tgt_lang) or ""
        if len(src_form.split()) < 2 or len(tgt_form.split()) < 2:
            continue
        surname, target_surname = src_form.split()[-1], tgt_form.split()[-1]
        alone = _alone(prose, surname, term, matches, src_lang, target_surname, tgt_lang)
        if alone:
            protected = _protected(glossary, fixed, tgt_lang, target_surname) + _after_a_name(
                fixed, glossary, tgt_lang)
            fixed = replace_variants(fixed, target_surname, tgt_lang, protected)
    return fixed


def surname_variants(source: str, translation: str, src_lang: str, tgt_lang: str,
                     glossary: Glossary) -> list[tuple[Term, str, str]]:
    """(term, spelling, glossary surname) for each surname alone in ``translation`` spelt
    otherwise than the glossary says, of a person ``source`` names in full and then by
    surname alone (Samir Karimov opened … Later Karimov said → Позже Каримов сказал),
    under the rules by which :func:`_surnames_alone` respells such a surname in machine
    output: a translator's spelling, in reported speech with no quotation to give it a
    speaker, is otherwise never compared with the glossary. Another capitalised word
    before a surname (someone else's full name) leaves it alone."""
    matches = glossary.terms_in(source, src_lang)
    prose = blank_out(source)
    found: list[tuple[Term, str, str]] = []
    for term in {m.term for m in matches if m.term.kind.lower() == "person"}:
        src_form, tgt_form = term.form(src_lang) or "", term.form(tgt_lang) or ""
        if len(src_form.split()) < 2 or len(tgt_form.split()) < 2:
            continue
        surname, target_surname = src_form.split()[-1], tgt_form.split()[-1]
        if not _alone(prose, surname, term, matches, src_lang, target_surname, tgt_lang):
            continue
        protected = [(m.start, m.end) for m in glossary.terms_in(translation, tgt_lang)] \
            + _after_a_name(translation, glossary, tgt_lang)
        found += [(term, translation[start:end], target_surname)
                  for start, end, _ in find_variants(translation, target_surname, tgt_lang,
                                                     protected)]
    return found


_CAPITALISED_BEFORE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\s+\Z")


def _alone(prose: str, surname: str, term: Term, matches: list[TermMatch], src_lang: str,
           target_surname: str, tgt_lang: str) -> bool:
    """Whether ``prose`` (the blanked source) names ``term``'s person by ``surname`` alone
    and names nobody else by it: no other capitalised word right before it outside the
    glossary's terms, no other person of the glossary with that surname spelt otherwise."""
    for match in matches:
        other = match.term
        if other is not term and other.kind.lower() == "person":
            words = (other.form(src_lang) or "").split()
            if len(words) > 1 and words[-1] == surname and (other.form(tgt_lang) or "").split()[-1:] != [target_surname]:
                return False
    spans = [(m.start, m.end) for m in matches]
    found = False
    for occurrence in term_pattern(surname, src_lang, True).finditer(prose):
        if any(s <= occurrence.start() < e for s, e in spans):
            continue  # the full name, or another term ("Ganja" the city)
        before = _CAPITALISED_BEFORE.search(prose, max(0, occurrence.start() - 40), occurrence.start())
        if before and before.group()[:1].isupper() and not any(s <= before.start() < e for s, e in spans) \
                and before.group().strip() not in lexicon(src_lang).function_words:
            return False  # someone else of that surname: "Sarah Karimov" (not "Later Karimov")
        found = True
    return found


def _after_a_name(text: str, glossary: Glossary, lang: str) -> list[tuple[int, int]]:
    """Spans of the words in ``text`` that follow another capitalised word outside the
    glossary's terms (another person's surname after their given name)."""
    prose = blank_out(text)
    terms = [(m.start, m.end) for m in glossary.terms_in(text, lang)]
    starters = lexicon(lang).function_words
    spans = []
    for previous, word in zip(list(_WORD.finditer(prose)), list(_WORD.finditer(prose))[1:]):
        if (previous.group()[:1].isupper() and prose[previous.end():word.start()].isspace()
                and not any(s <= previous.start() < e for s, e in terms)
                and previous.group() not in starters):  # (Позже Каримов: no given name)
            spans.append((word.start(), word.end()))
    return spans


def count_term(glossary: Glossary, term: Term, text: str, lang: str) -> int:
    """How often ``term`` stands on its own in ``text`` (not inside a longer term)."""
    return sum(1 for m in glossary.terms_in(text, lang) if m.term is term)


def _distinct_terms(matches: list[TermMatch]) -> list[tuple[Term, str]]:
    """Each matched term once, with its first spelling, in text order."""
    seen: dict[int, tuple[Term, str]] = {}
    for match in matches:
        seen.setdefault(id(match.term), (match.term, match.text))
    return list(seen.values())


def glossary_postprocessor(glossary: Glossary) -> PostProcessor:
    """A machine-translation post-processor bound to ``glossary`` (see translate.py)."""
    def postprocess(source: str, output: str, src_lang: str, tgt_lang: str
                    ) -> tuple[str, list[str]]:
        return enforce_glossary(source, output, src_lang, tgt_lang, glossary=glossary)
    return postprocess


@lru_cache(maxsize=8192)
def term_pattern(form: str, lang: str, name: bool) -> re.Pattern[str]:
    """A regex for ``form`` as a whole word sequence, with the endings ``lang`` allows."""
    words = form.split()
    parts = [_word_pattern(word, lang, name, last=i == len(words) - 1)[0]
             for i, word in enumerate(words)]
    patronymic = _PATRONYMIC.get(lang) if name and len(words) > 1 and words[0][:1].isupper() else None
    if patronymic:
        parts[0] += patronymic  # Самир Ахмедович Керимов, Samir Əhməd oğlu Kərimov
    return re.compile(r"(?<![\w])" + r"\s+".join(parts) + r"(?![\w])")


#: An optional patronymic after a person's given name: a name row "Самир Керимов" is also
#: Самир Ахмедович Керимов (any case), and "Samir Kərimov" is Samir Əhməd oğlu Kərimov
#: (qızı for a woman). Rows leave the patronymic out; articles name people in full.
_PATRONYMIC = {
    "ru": r"(?:\s+[А-ЯЁ][а-яё]+(?:(?:ович|евич|ич)[а-яё]{0,2}|(?:овн|евн|ичн|иничн)[а-яё]{1,2}))?",
    "az": r"(?:\s+[A-ZÇƏĞİIÖŞÜ][a-zçəğıiöşü]+\s+(?:oğlu|qızı))?",
}


def may_match(form: str, lang: str, name: bool, text: str) -> bool:
    """Whether ``text`` holds every literal piece of :func:`term_pattern` ``(form, lang,
    name)``, which any match needs: a test without a regex, so that a caller trying every
    row of a large glossary on one text compiles only the patterns that can match."""
    return all(piece in text for piece in _literals(form, lang, name))


def _literals(form: str, lang: str, name: bool) -> tuple[str, ...]:
    """The literal pieces of :func:`term_pattern` ``(form, lang, name)``: each word's
    pattern is a first letter (either case), a literal rest and optional endings, so
    every match contains each word's literal rest as written."""
    words = form.split()
    return tuple(literal for i, word in enumerate(words)
                 if (literal := _word_literal(word, _word_rest(word, lang, name, last=i == len(words) - 1)[0])))


def replace_variants(text: str, target: str, lang: str,
                     protected: list[tuple[int, int]] | None = None) -> str:
    """``text`` with every spelling variant of ``target`` replaced by ``target``.

    A variant is a run of as many words as ``target`` whose words sound like the target's
    (:func:`pipeline.translit.similarity`), capitalised alike; a case ending after it is
    kept (Натика → Натига). Spans in ``protected`` (other glossary terms) are left alone.
    """
    pieces: list[str] = []
    cursor = 0
    for start, end, replacement in find_variants(text, target, lang, protected):
        pieces += [text[cursor:start], replacement]
        cursor = end
    return "".join(pieces) + text[cursor:]


def find_variants(text: str, target: str, lang: str,
                  protected: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, replacement)`` for each spelling variant of ``target`` in ``text``."""
    wanted = target.split()
    words = list(_WORD.finditer(blank_out(text)))
    found: list[tuple[int, int, str]] = []
    index = 0
    while index + len(wanted) <= len(words):
        window = words[index:index + len(wanted)]
        replacement = _variant_replacement(text, window, wanted, lang, protected or [])
        if replacement is None:
            index += 1
            continue
        found.append((window[0].start(), window[-1].end(), replacement))
        index += len(wanted)
    return found


def _variant_replacement(text: str, window: list[re.Match[str]], wanted: list[str], lang: str,
                         protected: list[tuple[int, int]]) -> str | None:
    start, end = window[0].start(), window[-1].end()
    if any(s < end and start < e for s, e in protected):
        return None
    if any(not text[a.end():b.start()].isspace() for a, b in zip(window, window[1:])):
        return None
    replaced = []
    for match, target in zip(window, wanted):
        word = match.group()
        if target[:1].isupper() != word[:1].isupper():
            return None
        best = _best_split(word, target, lang)
        if best is None:
            return None
        replaced.append(_inflect(target, best, lang))
    result = " ".join(replaced)
    return None if result == text[start:end] else result


def _best_split(word: str, target: str, lang: str) -> str | None:
    """The case ending to keep when ``word`` minus that ending sounds like ``target``
    (None: it does not). An ending must look like one and must clearly improve the match.
    The hyphen or apostrophe opening an ending (TV-yə, TV’nin) is the ending's: a name
    never ends with it, and the replacement would drop it (TVyə)."""
    best: tuple[float, str] | None = None
    for size in range(0, min(_SUFFIX_LIMIT.get(lang, 2), len(word) - 2) + 1):
        base, ending = (word[:-size], word[-size:]) if size else (word, "")
        if ending and not _ENDING.get(lang, _NO_ENDING).fullmatch(ending):
            continue
        if base[-1:] in _ENDING_MARKS:
            continue
        score = similarity(base, target) - (0.05 if ending else 0.0)
        if score >= _MIN_SIMILARITY and (best is None or score > best[0]):
            best = (score, ending)
    return None if best is None else best[1]


def is_case_ending(ending: str, lang: str) -> bool:
    """Whether ``ending`` may be a case ending ``lang`` puts on a name (Azerbaijani -ın,
    -yə, TV-yə; English ’s)."""
    return _ENDING.get(lang, _NO_ENDING).fullmatch(ending) is not None


def _inflect(target: str, ending: str, lang: str) -> str:
    """``target`` with the case ending the engine had put on its variant."""
    if not ending:
        return target
    if lang == "en":
        return target + ending if ending in ("'s", "’s") else target
    if lang == "az":
        return target + ending
    if lang == "ru" and _ru_declinable_name(target):
        stem = target[:-1] if target[-1] in "аяйь" else target
        return stem + ending
    return target


def _ru_declinable_name(word: str) -> bool:
    return len(word) >= 3 and not word.isupper() and word[-1] not in "оеиыуюэё"


def _protected(glossary: Glossary, text: str, lang: str, target: str) -> list[tuple[int, int]]:
    """Spans of other terms (that share no word with ``target``) in ``text``."""
    wanted = set(target.split())
    return [(m.start, m.end) for m in glossary.terms_in(text, lang)
            if not wanted & set((m.term.form(lang) or "").split())]


def _word_pattern(word: str, lang: str, name: bool, last: bool) -> tuple[str, str]:
    """The regex for one word of a term, and the literal text any match of it contains
    (both made of :func:`_word_rest`'s parts, so the two cannot disagree): the word's rest,
    with its first letter when that letter is matched as written (upper case)."""
    rest, ending = _word_rest(word, lang, name, last)
    pattern = "".join(_ANY_APOSTROPHE if char in _APOSTROPHES else _ANY_HYPHEN
                      if char in _HYPHENS else re.escape(char) for char in rest)
    return _first_letter(word, lang) + pattern + ending, _word_literal(word, rest)


def _word_literal(word: str, rest: str) -> str:
    """The longest piece of the word's ``rest`` (with its first letter when upper case)
    between apostrophes and hyphens, which any match holds as written."""
    literal = rest if word[0].islower() else word[0] + rest
    return max(_JOINER.split(literal), key=len) if _JOINER.search(literal) else literal


def _word_rest(word: str, lang: str, name: bool, last: bool) -> tuple[str, str]:
    """The part of one word of a term matched as written after its first letter, and the
    regex of the endings ``lang`` allows after it."""
    rest, ending = word[1:], ""
    if lang == "en":
        possessive = r"(?:['’]s|(?<=s)['’])?" if last else ""
        ending = ("" if name or not last else "s?") + possessive
    elif lang in _SHORT_ENDINGS and len(word) < 4 and any(c.islower() for c in word):
        ending = _SHORT_ENDINGS[lang]  # Qaxa, Kürdə, Гахе: only a case ending, never Kürdəmir's rest
    elif len(word) < 4 or word.isupper() or not any(c.islower() for c in word):
        ending = r"(?:['’\-][a-zəğıöüçşâ]{1,6})?" if lang == "az" else ""
    elif lang == "ru":
        rest, ending = _ru_stem(word, name)[1:], r"[а-яё]{0,3}"
        if name and last:  # a place before a noun: Абшеронский полуостров, Гянджинской ярмарке
            ending = r"(?:(?:ин|ов|ев)?ск[а-яё]{1,3}|[а-яё]{0,3})"
    elif lang == "az" and last:
        ending = r"(?:['’\-]?[a-zəğıöüçşâ]{1,6})?"
    return rest, ending


#: The case endings of a word of three letters (Azerbaijani Qax: Qaxa, Qaxda, Qaxın;
#: Əli: Əliyə, Əlinin), glued or after an apostrophe or hyphen: any letters after so short
#: a word would make another word of it (Kür: Kürdəmir, a town).
#: Russian likewise (Гах: Гаха, Гахе, Гахом).
_SHORT_ENDINGS = {
    "az": r"(?:['’\-]?(?:n?[ıiuü]n|n?[ıiuü]|y?[aə]|y?l[aə]|d[aə]n|t[aə]n|d[aə]k[ıi]|d[aə]|t[aə]))?",
    "ru": r"(?:а|у|е|ом|ем|ой|ей|ы|и|ю|ям|ах)?",
}

#: Apostrophes inside a name (O'Brien, O’Brien, Azerbaijani Oʼ): typography and engines
#: write any of them, and each is the same spelling of the name.
_APOSTROPHES = "'’ʼ"
_ANY_APOSTROPHE = "['’ʼ]"
#: Hyphens inside a name (Anne-Marie, Исмайлова-Гулиева): typesetting writes the hyphen as
#: U+2010 or, so the name is not broken at a line end, the non-breaking U+2011; each is the
#: same spelling. A dash (–) is not: it is a typo the checks should name.
_HYPHENS = "-\u2010\u2011"
_ANY_HYPHEN = "[-\u2010\u2011]"
_JOINER = re.compile("|".join(map(re.escape, _APOSTROPHES + _HYPHENS)))


def _ru_stem(word: str, name: bool) -> str:
    """What stays of a Russian word in every case: Алиев, Лейл(а), Европейск(ая)."""
    if len(word) >= 6 and word.endswith(_RU_ADJECTIVE):
        return word[:-2]
    if word[-1] in "аяйь":
        return word[:-1]
    if word[-1] in "оеиыуюэё":
        return word if name else word[:-1]
    return word


def _first_letter(word: str, lang: str) -> str:
    """The first letter, either case when the word is lower case (sentence starts)."""
    first = word[0]
    if not first.islower():
        return re.escape(first)
    upper = {"i": "İ", "ı": "I"}.get(first, first.upper()) if lang == "az" else first.upper()
    return f"[{re.escape(first)}{re.escape(upper)}]"


def _columns(header: list[str], path: str, allowed: set[str] | None, line: int = 1) -> list[str]:
    columns = [cell.strip() for cell in header]
    for position, column in enumerate(columns, start=1):
        lower = column.lower()
        if not column:
            raise ConfigError(f"column {position} has no name in the header row", path=path, line=line,
                              hint="delete the empty column (or the commas it leaves at the end "
                                   "of the lines); " + _HEADER_HINT)
        if lower in (KIND, NOTE):
            columns[position - 1] = lower
        elif not _LANGUAGE.fullmatch(column) or (allowed is not None and column not in allowed):
            known = f"; the project's languages are {', '.join(sorted(allowed))}" if allowed else ""
            raise ConfigError(f"unknown column {column!r} (column {position})", path=path,
                              line=line, hint=_separator_hint(column) + _case_hint(column) + _HEADER_HINT + known)
        elif allowed is None:
            _check_column_language(column, position, path, line)
        if columns.count(columns[position - 1]) > 1:
            raise ConfigError(f"column {column!r} appears twice", path=path, line=line,
                              hint=_HEADER_HINT)
    if not [c for c in columns if c not in (KIND, NOTE)]:
        raise ConfigError("the header names no language column", path=path, line=line,
                          hint=_HEADER_HINT)
    return columns


#: A line git writes around the two sides of a conflict (``<<<<<<< HEAD``, ``=======`` ...).
_CONFLICT_MARKER = re.compile(r"(?:<{7}|={7}|>{7}|\|{7})(?:\s|\Z)")


def _check_conflict_marker(row: list[str], path: str, line: int) -> None:
    """Refuse a git conflict marker, which would otherwise be reported as a row with too few
    cells, with a hint about quoting commas that sends the editor the wrong way."""
    if len(row) == 1 and _CONFLICT_MARKER.match(row[0]):
        raise ConfigError(f"unresolved git merge conflict (conflict marker {row[0][:7]!r})",
                          path=path, line=line,
                          hint="resolve the merge: keep the right rows, delete the <<<<<<< "
                               "======= >>>>>>> marker lines, then run the command again")


def _check_repeated_header(row: list[str], columns: list[str], path: str, top: int, line: int) -> None:
    """Refuse the header row met again below the rows (two exports joined with ``cat``, a sheet
    pasted below another): read as a row, it is a term 'en' spelled 'ru' in Russian, and so on."""
    if len(row) == len(columns) and [cell.strip().lower() for cell in row] == [c.lower() for c in columns]:
        raise ConfigError(f"this row repeats the header row (line {top}): two glossaries joined into one?",
                          path=path, line=line,
                          hint="delete this line (and check that the rows below it are not already "
                               "in the glossary), then run the command again")


def _separator_line(row: list[str], path: str) -> bool:
    """Whether ``row`` is the ``sep=,`` line Excel reads (and some exports write) above the
    header: skipped, as it names the comma. One naming another separator (``sep=;``) is
    refused: the rows below are split by it, not by commas."""
    first = row[0].strip().lower() if row else ""
    if not first.startswith("sep="):
        return False
    if row == ["sep=", ""] or [cell.strip().lower() for cell in row] == ["sep=", ""]:
        return True
    raise ConfigError(f"the first line, {','.join(row)!r}, says the cells are separated by "
                      f"{first[4:] or 'something else'!r}, not by commas", path=path, line=1,
                      hint="save the file as 'CSV UTF-8 (Comma delimited)' (or replace the separators with "
                           "commas and delete the sep= line), then run the command again")


def _case_hint(column: str) -> str:
    """A language code typed in capitals (``EN``, ``RU``, ``AZ-latn``): say how it is written."""
    parts = re.split(r"([_-])", column)
    written = parts[0].lower() + "".join(part if i % 2 else part.upper() if len(part) == 2 else part.title()
                                          for i, part in enumerate(parts[1:], 1) if part)
    if written != column and _LANGUAGE.fullmatch(written):
        return f"write the language code {column!r} as {written!r} (language codes are lower case); "
    return ""


def _separator_hint(column: str) -> str:
    """A spreadsheet set to a Russian or Azerbaijani locale saves "CSV" with semicolons (and
    some tools with tabs): the whole header is then one column, such as 'en;ru;az'."""
    for separator, name in ((";", "semicolons"), ("\t", "tabs")):
        if separator in column:
            return (f"the cells are separated by {name}, not commas: save the file as CSV "
                    "with comma as the separator (or replace them); ")
    return ""


def _check_row_length(row: list[str], columns: list[str], path: str, start: int, line: int) -> None:
    """A quote left open makes the csv module read on, across lines, to the next quote or
    the end of the file: say so, on the row's first line, rather than count its cells. The
    row may even have the header's count (the rest of the file taken into its last cell):
    a name or a term never holds a line break, so one in any cell but a note says so too."""
    broken = [cell for cell in row if "\n" in cell or "\r" in cell]
    if not broken or (len(row) == len(columns)
                      and all(column == NOTE for column, cell in zip(columns, row) if cell in broken)):
        return
    if len(row) == len(columns):
        _refuse_broken_term(row, columns, path, start, line)
    cells = "1 cell" if len(row) == 1 else f"{len(row)} cells"
    raise ConfigError(f"a quote in this row is never closed, so the row takes in the lines after "
                      f"it, up to line {line} ({cells}, the header has {len(columns)})",
                      path=path, line=start,
                      hint='close the quote, or write a quote inside a cell as two (""), then run '
                           'the command again')


def _refuse_broken_term(row: list[str], columns: list[str], path: str, start: int, line: int) -> None:
    """A quoted term typed over two lines (``"Leyla⏎Huseynova"``): the quote is closed, so
    "never closed" would send the editor looking for a quote that is there. A quote left
    open instead takes in the next rows, whose commas and final line break end up in the
    cell, which such a term has neither of."""
    for column, cell in zip(columns, row):
        if column != NOTE and ("\n" in cell or "\r" in cell):
            if "," in cell or cell.endswith(("\n", "\r")):
                return
            raise ConfigError(f"the {column} cell {cell!r} holds a line break (lines {start} to {line}): "
                              "a name or a term is written on one line", path=path, line=start,
                              hint="join the cell's lines into one (only a note may hold a line "
                                   "break), then run the command again")


def _check_column_language(column: str, position: int, path: str, line: int = 1) -> None:
    """A column must name a language CLDR knows: ``ua`` (for uk), ``gr`` or ``kz`` look like
    codes, and a column so misnamed was read as a language no article is in, so every
    spelling in it was silently unused by machine translation and the checks."""
    try:
        validate_language(column, where=path, line=line)
    except ConfigError as exc:
        exc.message = f"{exc.message} in column {position}"
        exc.hint = f"{exc.hint}; {_HEADER_HINT}"
        raise


def _term(row: list[str], columns: list[str], path: str, line: int) -> Term:
    if len(row) != len(columns):
        cells = "1 cell" if len(row) == 1 else f"{len(row)} cells"
        hint = ("quote cells that contain commas, e.g. \"Washington, D.C.\"" if len(row) > len(columns)
                else "write every cell of the header's columns, an empty cell as nothing between "
                     "two commas (Aliyev,Алиев,,person)")
        raise ConfigError(f"row has {cells}, the header has {len(columns)}", path=path, line=line,
                          hint=hint)
    cells = {column: cell.strip() for column, cell in zip(columns, row)}
    _check_control_characters(cells, path, line)
    _check_invisible_characters(cells, columns, path, line)
    forms = tuple((c, cells[c]) for c in columns if c not in (KIND, NOTE) and cells[c])
    if not forms:
        raise ConfigError("row has no term in any language", path=path, line=line,
                          hint="fill at least one language cell or delete the row")
    kind = cells.get(KIND, "")
    _check_kind(kind, path, line)
    _check_wrapping_marks(forms, kind, path, line)
    return Term(forms, kind, cells.get(NOTE, ""), line)


#: Quotation marks a word processor or spreadsheet types around a cell.
_WRAPPING_MARKS = re.compile(r"^[\"'“”„«»‘’‚‹›「」].*[\"'“”„«»‘’‹›「」]$", re.DOTALL)


def _check_wrapping_marks(forms: tuple[tuple[str, str], ...], kind: str, path: str, line: int) -> None:
    """A person's or a place's name is never written inside quotation marks, so marks
    around such a cell (“Leyla Huseynova”, typed by a word processor that curls a CSV's
    quotes) are part of the term only by accident: the term then matched no article's
    text, and its spelling silently never applied. Titles and organisations keep theirs:
    «Али и Нино» is written in marks."""
    if kind.lower() not in ("person", "place"):
        return
    for lang, form in forms:
        if len(form) > 2 and _WRAPPING_MARKS.match(form):
            raise ConfigError(f"the {lang} cell {form!r} of a {kind.lower()} is wrapped in quotation "
                              "marks, which then belong to the name, so it never matches an article's "
                              "text", path=path, line=line,
                              hint=f"write the name without the marks ({form[1:-1]}); a cell is quoted "
                                   "only with straight double quotes, and only to hold a comma")


def _check_kind(kind: str, path: str, line: int) -> None:
    """Refuse a misspelt kind (``persn``): the row would silently stop counting as a name,
    and its person's misspellings would be warnings instead of errors. A kind of the
    newsroom's own, unlike any the checks know, is kept as a term."""
    if not kind or kind.lower() in KNOWN_KINDS:
        return
    close = difflib.get_close_matches(kind.lower(), sorted(KNOWN_KINDS), n=1, cutoff=0.75)
    if close:
        raise ConfigError(f"kind {kind!r} is no kind the checks know", path=path, line=line,
                          hint=f"did you mean {close[0]}? kinds: {', '.join(sorted(KNOWN_KINDS))} "
                               "(another word of your own counts as a term)")


#: C0 controls and DEL, but the tab and line breaks a note may hold.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _check_control_characters(cells: dict[str, str], path: str, line: int) -> None:
    """No spelling holds a control character: one pasted in with a name (a NUL, a terminal
    colour code) was copied into every template, catalogue and translation naming the term,
    where a NUL made each file be refused as corrupted, far from its cause."""
    for column, cell in cells.items():
        found = _CONTROL.search(cell)
        if found is not None:
            shown = repr(found.group())[1:-1]
            raise ConfigError(f"the {column} cell holds a control character ({shown})",
                              path=path, line=line,
                              hint="delete it (retype the cell if it looks right), then run "
                                   "the command again")


#: Invisible format characters (soft hyphen, zero-width space, a byte-order mark) but the
#: zero-width (non-)joiners that some scripts spell words with.
_INVISIBLE = re.compile(r"[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def _check_invisible_characters(cells: dict[str, str], columns: list[str], path: str, line: int) -> None:
    """A term with an invisible character pasted in (a soft hyphen from a web page) looks
    right but never matches the article's text: its spelling would silently never apply."""
    for column in columns:
        found = _INVISIBLE.search(cells[column]) if column not in (KIND, NOTE) else None
        if found is not None:
            char = found.group()
            raise ConfigError(f"the {column} cell holds an invisible character (U+{ord(char):04X} "
                              f"{unicodedata.name(char, 'FORMAT CHARACTER')}), so the term never "
                              "matches the text", path=path, line=line,
                              hint="retype the cell, then run the command again")


def _check_duplicates(term: Term, seen: dict[tuple[str, str], int], path: str) -> None:
    for lang, form in term.forms:
        first = seen.setdefault((lang, form), term.line)
        if first != term.line:
            raise ConfigError(f"duplicate {lang} term {form!r} (first on line {first})",
                              path=path, line=term.line,
                              hint="one row per concept: merge the two rows")
