"""Unglossaried people spelt differently across articles: found, explained, and nothing else."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest

from pipeline.checks import check_catalogues
from pipeline.glossary import Glossary, read_glossary
from pipeline.model import Catalogue, Finding, Severity
from pipeline.names import Rendering, locate, person_names, recalled_names, remembered_names, same_spelling
from pipeline.translit import resemblance
from tests.conftest import catalogue_of

CSV = """\
en,ru,az,kind,note
Leyla Huseynova,Лейла Гусейнова,Leyla Hüseynova,person,
Ganja,Гянджа,Gəncə,place,
"""


@pytest.fixture()
def glossary() -> Glossary:
    return read_glossary(io.StringIO(CSV), "locale/glossary.csv")


def _drift(items: list[tuple[str, str, str, Catalogue]], glossary: Glossary | None = None) -> list[Finding]:
    return [f for f in check_catalogues(items, glossary) if f.check == "name-drift"]


def _item(path: str, entries: list[tuple[str, str, int, bool]], src: str = "en",
          tgt: str = "ru") -> tuple[str, str, str, Catalogue]:
    return (path, src, tgt, catalogue_of(entries))


SAID = "“The berths were full,” said Rashad Mammadli, the port’s director."


def test_drift_across_two_articles_names_both_spellings_and_the_row_to_add(glossary: Glossary) -> None:
    items = [
        _item("ru/a.po", [(SAID, "«Причалы были заняты», — сказал директор порта Рашад Мамедли.", 5, False)]),
        _item("ru/b.po", [(SAID, "«Причалы были заняты», — сказал директор порта Рашад Маммадли.", 9, False)]),
        _item("ru/c.po", [("Rashad Mammadli, the port’s director, opened the berth.",
                           "Директор порта Рашад Мамедли открыл причал.", 3, False)]),
    ]
    findings = _drift(items, glossary)
    assert [(f.path, f.line, f.severity, f.lang) for f in findings] == [("ru/b.po", 9, Severity.WARNING, "ru")]
    message = findings[0].message
    assert "'Рашад Маммадли'" in message and "'Рашад Мамедли'" in message
    assert "2 reviewed entries (ru/a.po:5, ru/c.po:3)" in message
    assert "`Rashad Mammadli,Рашад Мамедли,,person,`" in message
    assert "(columns en,ru,az,kind,note)" in message and "locale/glossary.csv" in message
    assert findings[0].msgid == SAID


def test_inflected_forms_of_one_spelling_are_not_drift() -> None:
    rows = [
        ("Elvin Guliyev, an economist, spoke first.", "Экономист Эльвин Гулиев выступил первым.", 1),
        ("Elvin Guliyev, an economist, was asked.", "Экономиста Эльвина Гулиева спросили.", 2),
        ("They wrote to Elvin Guliyev, an economist.", "Они написали экономисту Эльвину Гулиеву.", 3),
        ("The plan was drafted with Elvin Guliyev, an economist.",
         "План составлен вместе с экономистом Эльвином Гулиевым.", 4),
        ("Leyla Mammadli, an economist, spoke.", "Экономист Лейла Мамедли выступила.", 5),
        ("A letter from Leyla Mammadli, an economist.", "Письмо от экономиста Лейлы Мамедли.", 6),
        ("A talk with Leyla Mammadli, an economist.", "Беседа с экономистом Лейлой Мамедли.", 7),
    ]
    items = [_item(f"ru/{line}.po", [(source, text, line, False)]) for source, text, line in rows]
    assert _drift(items) == []


def test_a_different_spelling_in_any_case_is_drift() -> None:
    items = [
        _item("ru/a.po", [("Elvin Guliyev, an economist, spoke.", "Экономист Эльвин Гулиев выступил.", 1, False)]),
        _item("ru/b.po", [("They asked Elvin Guliyev, an economist.", "Они спросили экономиста Элвина Кулиева.", 2, False)]),
    ]
    findings = _drift(items)
    assert [(f.path, f.line) for f in findings] == [("ru/b.po", 2)]
    assert "'Элвина Кулиева'" in findings[0].message and "'Эльвин Гулиев'" in findings[0].message


def test_a_glossary_row_silences_it() -> None:
    items = [
        _item("ru/a.po", [(SAID, "«Причалы были заняты», — сказал Рашад Мамедли.", 5, False)]),
        _item("ru/b.po", [(SAID, "«Причалы были заняты», — сказал Рашад Маммадли.", 9, False)]),
    ]
    assert len(_drift(items)) == 1
    glossary = read_glossary(io.StringIO("en,ru,kind\nRashad Mammadli,Рашад Мамедли,person\n"))
    assert _drift(items, glossary) == []


def test_reviewed_spelling_is_the_reference_for_machine_output() -> None:
    """Two machine translations that agree do not outvote one reviewed spelling: the
    finding is on the machine output, and says it is not reviewed yet."""
    machine = "«Причалы были заняты», — сказал Рашад Маммадли."
    items = [
        _item("ru/a.po", [(SAID, machine, 1, True)]),
        _item("ru/b.po", [(SAID, machine, 2, True)]),
        _item("ru/c.po", [(SAID, "«Причалы были заняты», — сказал Рашад Мамедли.", 3, False)]),
    ]
    findings = _drift(items)
    assert [(f.path, f.line) for f in findings] == [("ru/a.po", 1), ("ru/b.po", 2)]
    assert all("here (not reviewed yet) but 'Рашад Мамедли' in 1 reviewed entry (ru/c.po:3)" in f.message
               for f in findings)
    # Nothing reviewed yet: the most common spelling is the reference, and it says so.
    unreviewed = [_item(path, [(SAID, cat.messages[0].msgstr, cat.messages[0].lineno, True)])
                  for path, _, _, cat in items]
    findings = _drift(unreviewed)
    assert [(f.path, f.line) for f in findings] == [("ru/c.po", 3)]
    assert "none reviewed yet" in findings[0].message


def test_drift_within_one_article_is_reported() -> None:
    items = [_item("ru/a.po", [
        (SAID, "«Причалы были заняты», — сказал Рашад Мамедли.", 1, False),
        ("Rashad Mammadli, the director, left early.", "Директор Рашад Мамедлы ушёл рано.", 4, True),
    ])]
    findings = _drift(items)
    assert [(f.path, f.line) for f in findings] == [("ru/a.po", 4)]


def test_azerbaijani_and_english_targets(glossary: Glossary) -> None:
    az = [
        _item("az/a.po", [(SAID, "“Limanlar dolu idi”, – deyə liman direktoru Rəşad Məmmədli bildirib.", 1, False)],
              tgt="az"),
        _item("az/b.po", [("Rashad Mammadli, the director, left.", "Direktor Rəşad Məmmədlinin getdiyi bildirilir.",
                           2, False)], tgt="az"),
        _item("az/c.po", [(SAID, "“Limanlar dolu idi”, – deyə liman direktoru Raşad Mammadli bildirib.", 3, True)],
              tgt="az"),
    ]
    findings = _drift(az, glossary)
    assert [(f.path, f.line, f.lang) for f in findings] == [("az/c.po", 3, "az")]
    assert "`Rashad Mammadli,,Rəşad Məmmədli,person,`" in findings[0].message
    said_ru = "«Причалы были заняты», — сказал Рашад Мамедли."
    en = [
        _item("en/a.po", [(said_ru, "“The berths were full,” said Rashad Mammadli.", 1, False)], src="ru", tgt="en"),
        _item("en/b.po", [(said_ru, "“The berths were full,” said Rashad Mamedli.", 2, False)], src="ru", tgt="en"),
        _item("en/c.po", [("Рашад Мамедли, директор порта, ушёл.", "Rashad Mammadli's deputy stayed.", 3, False)],
              src="ru", tgt="en"),
    ]
    findings = _drift(en, glossary)
    assert [(f.path, f.line) for f in findings] == [("en/b.po", 2)]
    assert "`Rashad Mammadli,Рашад Мамедли,,person,`" in findings[0].message


def test_the_suggested_row_fills_the_languages_that_agree(glossary: Glossary) -> None:
    items = [
        _item("ru/a.po", [(SAID, "«Причалы были заняты», — сказал Рашад Мамедли.", 1, False)]),
        _item("ru/b.po", [(SAID, "«Причалы были заняты», — сказал Рашад Маммадли.", 2, False)]),
        _item("az/a.po", [(SAID, "“Limanlar dolu idi”, – deyə Rəşad Məmmədli bildirib.", 1, False)], tgt="az"),
    ]
    findings = _drift(items, glossary)
    assert len(findings) == 1
    assert "`Rashad Mammadli,Рашад Мамедли,Rəşad Məmmədli,person,`" in findings[0].message
    # Without a glossary the row has the languages involved.
    assert "`Rashad Mammadli,Рашад Мамедли,person` (columns en,ru,kind)" in _drift(items)[0].message
    # A glossary without the target's column is told to get one.
    no_ru = read_glossary(io.StringIO("en,az,kind\nGanja,Gəncə,place\n"), "locale/glossary.csv")
    assert ("`Rashad Mammadli,Rəşad Məmmədli,Рашад Мамедли,person` (columns en,az,ru,kind; the glossary "
            "has no ru column yet: add it to the header)") in _drift(items, no_ru)[0].message


def test_no_person_no_finding() -> None:
    """Places, organisations, titles of things, and capitalised words at a sentence start
    are spelt two ways without a word from this check: it only speaks of people."""
    rows = [
        ("The Middle Corridor grows.", ("Средний коридор растёт.", "Срединный Коридор растёт.")),
        ("Caspian Capital expects growth.", ("Каспиан Капитал ждёт роста.", "Каспий Кэпитал ждёт роста.")),
        ("Kazakh Wheat Exports rose.", ("Казахский Экспорт Пшеницы вырос.", "Казахстанский Экспорт Зерна вырос.")),
        ("New Baku Port opened.", ("Новый Бакинский Порт открылся.", "Нью Баку Порт открылся.")),
        ("Sumgait Chemical Park is closed.", ("Сумгаитский Химпарк закрыт.", "Сумгайытский Химический Парк закрыт.")),
    ]
    items = [_item(f"ru/{n}{i}.po", [(source, text, 1, False)])
             for i, (source, pair) in enumerate(rows) for n, text in zip("ab", pair)]
    assert _drift(items) == []


def test_months_and_sentence_starters_are_not_part_of_a_name() -> None:
    assert person_names(["In May Rashad Mammadli's plan passed.",
                         "“It passed,” said Rashad Mammadli.",
                         "Friday Elvin Guliyev, an economist, left.",
                         "However Leyla Mammadova spoke."], "en") == [
        Counter({"Rashad Mammadli": 1}), Counter({"Rashad Mammadli": 1}), Counter({"Elvin Guliyev": 1}),
        Counter({"Leyla Mammadova": 1})]


def test_glossary_places_and_names_are_left_to_the_glossary_checks(glossary: Glossary) -> None:
    segments = ["Leyla Huseynova, the director, spoke.", "Ganja Mammadov, the mayor, spoke."]
    assert person_names(segments, "en", glossary) == [Counter(), Counter()]
    assert person_names(segments, "en") == [Counter({"Leyla Huseynova": 1}), Counter({"Ganja Mammadov": 1})]


def test_a_rendering_that_cannot_be_located_reliably_says_nothing() -> None:
    names = Counter({"Elvin Guliyev": 1})
    # Two places for one mention: which one is the name?
    assert locate("Эльвин Гулиев и Элвин Кулиев выступили.", names, "en", "ru") == {}
    # Left in Latin letters (untranslated): not a Russian spelling.
    assert locate("Выступил Elvin Guliyev.", names, "en", "ru") == {}
    # Nothing sounds like it.
    assert locate("Выступил министр.", names, "en", "ru") == {}
    # Two names of the segment that sound alike: a place is not given to either.
    twins = Counter({"Elvin Guliyev": 1, "Elvin Guliyeva": 1})
    assert locate("Выступили Эльвин Гулиев и Эльвин Гулиева.", twins, "en", "ru") == {}
    assert locate("Выступил Эльвин Гулиев.", names, "en", "ru") == {"Elvin Guliyev": ["Эльвин Гулиев"]}


def test_same_spelling_allows_case_endings_only() -> None:
    same = [("Рашад Мамедли", "Рашада Мамедли", "ru"), ("Лейла Гулиева", "Лейлой Гулиевой", "ru"),
            ("Юрий Игорь", "Юрия Игорем", "ru"), ("Rəşad Məmmədli", "Rəşad Məmmədlinin", "az"),
            ("Rəşad Məmmədli", "Rəşad Məmmədli'nin", "az"), ("Rashad Mammadli", "Rashad Mammadli's", "en")]
    different = [("Рашад Мамедли", "Рашад Мамедлы", "ru"), ("Эльвин Гулиев", "Элвин Гулиев", "ru"),
                 ("Гулиев", "Кулиев", "ru"), ("Rəşad Məmmədli", "Rəşad Məmmədlı", "az"),
                 ("Rashad Mammadli", "Rashad Mammadly", "en")]
    assert all(same_spelling(a, b, lang) for a, b, lang in same)
    assert not any(same_spelling(a, b, lang) for a, b, lang in different)


def test_adjectival_surnames_decline_like_adjectives_and_are_not_drift() -> None:
    """Зеленский, Зеленского, Зеленским; Зеленская, Зеленской, Зеленскую; Толстой,
    Толстого: one spelling each (a Russian newsroom's commonest false alarm otherwise)."""
    said = "“We will rebuild,” said Volodymyr Zelensky, Ukraine’s president."
    asked = "Volodymyr Zelensky, Ukraine’s president, was asked about it."
    called = "A call with Volodymyr Zelensky, Ukraine’s president, took place."
    items = [
        _item("ru/a.po", [(said, "«Мы восстановим», — сказал президент Украины Владимир Зеленский.", 1, False)]),
        _item("ru/b.po", [(asked, "Президента Украины Владимира Зеленского спросили об этом.", 2, False)]),
        _item("ru/c.po", [(called, "Состоялся разговор с президентом Украины Владимиром Зеленским.", 3, False)]),
    ]
    assert _drift(items) == []
    same = [("Владимир Зеленский", "Владимиру Зеленскому", "ru"), ("Иван Толстой", "Ивана Толстого", "ru"),
            ("Иван Толстой", "Иваном Толстым", "ru"), ("Елена Зеленская", "Елену Зеленскую", "ru"),
            ("Елена Зеленская", "Еленой Зеленской", "ru"), ("Зеленский", "Зеленском", "ru")]
    assert all(same_spelling(a, b, lang) for a, b, lang in same)
    # A different letter in the stem is still drift, in any case.
    items.append(_item("ru/d.po", [(asked, "Президента Украины Владимира Зеленьского спросили об этом.", 4, False)]))
    assert [(f.path, f.line) for f in _drift(items)] == [("ru/d.po", 4)]
    assert not same_spelling("Зеленский", "Зеленьский", "ru")


def test_first_names_with_a_fleeting_vowel_are_not_drift() -> None:
    """Павел, Павла, Павлом; Лев, Льва, Львом: the -е- drops out in every other case."""
    said = "“Readers came back,” said Pavel Sokolov, a publisher."
    items = [
        _item("ru/a.po", [(said, "«Читатели вернулись», — сказал издатель Павел Соколов.", 1, False)]),
        _item("ru/b.po", [("Pavel Sokolov, a publisher, was asked.", "Издателя Павла Соколова спросили.", 2, False)]),
        _item("ru/c.po", [("A talk with Lev Orlov, an economist.", "Беседа с экономистом Львом Орловым.", 3, False)]),
        _item("ru/d.po", [("“Prices will fall,” said Lev Orlov, an economist.",
                           "«Цены снизятся», — сказал экономист Лев Орлов.", 4, False)]),
    ]
    assert _drift(items) == []
    assert same_spelling("Павел Соколов", "Павлу Соколову", "ru") and same_spelling("Лев", "Льве", "ru")
    assert not same_spelling("Павел", "Павла", "az") and not same_spelling("Павел", "Паула", "ru")


def test_e_for_yo_is_not_drift() -> None:
    """Russian may write ё as е (Семён Ковалёв, Семен Ковалев): one spelling, not drift."""
    items = [
        _item("ru/a.po", [("“Prices will fall,” said Semyon Kovalyov, an economist.",
                           "«Цены снизятся», — сказал экономист Семён Ковалёв.", 1, False)]),
        _item("ru/b.po", [("Semyon Kovalyov, an economist, spoke about prices.",
                           "Экономист Семен Ковалев рассказал о ценах.", 2, False)]),
    ]
    assert _drift(items) == []
    assert same_spelling("Семён Ковалёв", "Семена Ковалевым", "ru")
    assert not same_spelling("Ковалёв", "Ковалов", "ru")


def test_a_role_before_the_name_is_not_part_of_it() -> None:
    """Rector Elchin Babayev at a sentence start is Elchin Babayev (the row to add must not
    read `Rector Elchin Babayev,Ректор Эльчин Бабаев`); so is Mer Fərid Əliyev; and a role
    after the name marks a person (Anna Smith-Jones, the envoy)."""
    assert person_names(["Rector Elchin Babayev opened the year."], "en") == [Counter({"Elchin Babayev": 1})]
    assert person_names(["Mer Fərid Əliyev körpünü açıb."], "az") == [Counter({"Fərid Əliyev": 1})]
    assert person_names(["Ректор Эльчин Бабаев открыл год."], "ru") == [Counter({"Эльчин Бабаев": 1})]
    items = [
        _item("ru/a.po", [("Rector Elchin Babayev opened the year.", "Ректор Эльчин Бабаев открыл учебный год.",
                           1, False)]),
        _item("ru/b.po", [("Rector Elchin Babayev closed the year.", "Ректор Эльчин Бабайев закрыл учебный год.",
                           2, False)]),
        _item("ru/c.po", [("Anna Smith-Jones, the envoy, spoke.", "Посланник Анна Смит-Джонс выступила.", 3, False)]),
        _item("ru/d.po", [("Anna Smith-Jones, the envoy, left.", "Посланник Анна Смит-Джоунс уехала.", 4, False)]),
    ]
    findings = sorted(_drift(items), key=lambda f: f.path)
    assert [(f.path, f.line) for f in findings] == [("ru/b.po", 2), ("ru/d.po", 4)]
    assert "'Elchin Babayev' is spelled 'Эльчин Бабайев'" in findings[0].message
    assert "`Elchin Babayev,Эльчин Бабаев,person`" in findings[0].message


def test_resemblance_lets_transliterations_of_q_and_g_meet() -> None:
    assert resemblance("Quliyev", "Кулиев") == resemblance("Guliyev", "Гулиев") == 1.0
    assert resemblance("Rashad", "Сказал") == 0.0


def test_the_bundled_example_has_no_drift(example_project) -> None:  # type: ignore[no-untyped-def]
    from pipeline.config import load_config
    from pipeline.integration import project_glossary
    from pipeline.project import Problems, iter_catalogues

    config = load_config(example_project)
    items = [(rel, article.lang, lang, catalogue)
             for article, lang, rel, catalogue in iter_catalogues(config, Problems()) if catalogue is not None]
    assert _drift(items, project_glossary(config)) == []
    assert _drift(items) == []


def _names_project(root):  # type: ignore[no-untyped-def]
    """Three English articles quoting Rashad Mammadli, their ru catalogues reviewed: two
    spell him Рашад Мамедли, one Рашад Маммадли."""
    from pipeline.catalogue import parse_po, render_po
    from pipeline.config import load_config
    from pipeline.sync import SyncOptions, sync
    from tests.conftest import write_project

    articles = {f"desk/story-{n}": f"---\ntitle: Story {n}\n---\n\n{SAID}\n\nThe port reopened in May.\n"
                for n in range(3)}
    write_project(root, articles, 'languages = ["en", "ru"]\n')
    sync(load_config(root), SyncOptions(jobs=1))
    spelling = {"desk/story-0": "Мамедли", "desk/story-1": "Маммадли", "desk/story-2": "Мамедли"}
    for slug, surname in spelling.items():
        path = root / f"locale/ru/LC_MESSAGES/{slug}.po"
        catalogue = parse_po(path.read_bytes(), str(path))
        for message in catalogue.active:
            message.msgstr = {SAID: f"«Причалы были заняты», — сказал директор порта Рашад {surname}.",
                              "The port reopened in May.": "Порт вновь открылся в мае."}.get(message.msgid, f"История {slug[-1]}")
        path.write_bytes(render_po(catalogue))
    return root


def _sync_findings(root) -> list[str]:  # type: ignore[no-untyped-def]
    from pipeline.config import load_config
    from pipeline.integration import hooks
    from pipeline.sync import SyncOptions, sync

    config = load_config(root)
    report = sync(config, SyncOptions(jobs=1, **hooks(config)))
    return [f.render() for f in report.findings if f.check == "name-drift"]


def test_sync_reports_drift_and_remembers_skipped_articles(tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = _names_project(tmp_path)
    first = _sync_findings(root)
    assert len(first) == 1 and first[0].startswith("locale/ru/LC_MESSAGES/desk/story-1.po:")
    assert "'Рашад Маммадли'" in first[0] and "2 reviewed entries" in first[0]
    assert "`Rashad Mammadli,Рашад Мамедли,person`" in first[0]
    # Nothing changed: nothing read, nothing reported (as for every other check).
    assert _sync_findings(root) == []
    # Only story-0 is read again; the drift is against what the state recorded of the others.
    path = root / "locale/ru/LC_MESSAGES/desk/story-0.po"
    path.write_bytes(path.read_bytes().replace("Порт вновь открылся".encode(), "Порт снова открылся".encode()))
    again = _sync_findings(root)
    assert again == first
    # A glossary row settles it.
    (root / "locale/glossary.csv").write_text("en,ru,kind\nRashad Mammadli,Рашад Мамедли,person\n",
                                              encoding="utf-8")
    assert _sync_findings(root) == []


def test_pipeline_check_and_the_review_queue_report_it(tmp_path, runner) -> None:  # type: ignore[no-untyped-def]
    from pipeline.cli import cli

    root = _names_project(tmp_path)
    checked = runner.invoke(cli, ["--project", str(root), "check"])
    assert checked.exit_code == 0
    assert "story-1.po:" in checked.output and "warning: [name-drift] 'Rashad Mammadli' is spelled" in checked.output
    queue = runner.invoke(cli, ["--project", str(root), "review", "--json", "--reason", "findings"])
    assert "name-drift" in queue.output


def test_the_run_state_keeps_spellings_compactly_and_gives_them_back_in_line_order() -> None:
    key = ("Rashad Mammadli", "en", "ru")
    found = ((key, Rendering("Рашад Мамедли", "ru/a.po", 9, SAID, "ru", True)),
             (key, Rendering("Рашад Маммадли", "ru/a.po", 12, SAID, "ru", False)),
             (key, Rendering("Рашада Мамедли", "ru/a.po", 20, "Other.", "ru", True)),
             (key, Rendering("Рашад Мамедли", "ru/a.po", 31, "More.", "ru", True)))
    kept = remembered_names(found)
    assert json.loads(kept) == [["ru/a.po", "en", "ru", [["Rashad Mammadli", "Рашад Мамедли", 1, 9, 31],
                                                          ["Rashad Mammadli", "Рашад Маммадли", 0, 12],
                                                          ["Rashad Mammadli", "Рашада Мамедли", 1, 20]]]]
    back = recalled_names([kept])
    assert [(k, r.text, r.line, r.reviewed, r.fresh, r.msgid) for k, r in back] == [
        (k, r.text, r.line, r.reviewed, False, "") for k, r in found]
    assert recalled_names([kept], {("Elvin Guliyev", "en")}) == ()
    assert remembered_names(()) == ""
    assert recalled_names(['[["ru/a.po", "en"]]']) == recalled_names(["junk"]) == recalled_names([7]) == ()


def test_on_a_tie_the_source_spelling_left_in_the_translation_is_the_drift(glossary: Glossary) -> None:
    # The first spelling seen won the tie: Rashad Mammadli (the English spelling left in
    # an Azerbaijani translation) was the reference, the correct Rəşad Məmmədli the drift,
    # and the row suggested to the editor put the English spelling in the az column.
    items = [
        _item("az/a.po", [(SAID, "“Körpülər dolu idi”, – deyə liman direktoru Rashad Mammadli bildirib.", 5, False)], tgt="az"),
        _item("az/b.po", [(SAID, "“Körpülər dolu idi”, – deyə liman direktoru Rəşad Məmmədli bildirib.", 9, False)], tgt="az"),
    ]
    findings = _drift(items, glossary)
    assert [(f.path, f.line) for f in findings] == [("az/a.po", 5)]
    assert "`Rashad Mammadli,,Rəşad Məmmədli,person,`" in findings[0].message


def test_a_speaker_named_by_surname_alone_is_held_to_the_full_names_spelling() -> None:
    # “…,” Mammadli added, after Rashad Mammadli was introduced: the surname alone was keyed
    # nowhere, so Мамедли in one paragraph and Маммадли in the next passed.
    items = [_item("ru/a.po", [
        (SAID, "«Причалы были заняты», — сказал директор порта Рашад Мамедли.", 1, False),
        ("“We will wait,” Mammadli added.", "«Мы подождём», — добавил Маммадли.", 4, True),
        ("“Not for long,” Mammadli said.", "«Недолго», — сказал Мамедли.", 7, False),
    ])]
    findings = _drift(items)
    assert [(f.path, f.line) for f in findings] == [("ru/a.po", 4)]
    assert "'Rashad Mammadli' is spelled 'Маммадли' here (not reviewed yet) but 'Рашад Мамедли'" \
        in findings[0].message
    assert "`Rashad Mammadli,Рашад Мамедли,person`" in findings[0].message


@pytest.mark.parametrize("said", ["«Мы подождём», — добавил Мамедли.",
                                  "«Мы подождём», — добавил господин Мамедли.",
                                  "По словам Мамедли, «мы подождём»."])
def test_a_surname_alone_in_the_full_names_spelling_is_no_drift(said: str) -> None:
    items = [_item("ru/a.po", [
        (SAID, "«Причалы были заняты», — сказал директор порта Рашад Мамедли.", 1, False),
        ("“We will wait,” Mammadli added.", said, 4, False),
    ])]
    assert _drift(items) == []


def test_a_surname_alone_does_not_join_two_full_spellings() -> None:
    items = [_item("ru/a.po", [
        (SAID, "«Причалы были заняты», — сказал Рашад Мамедли.", 1, False),
        ("“We will wait,” Mammadli added.", "«Мы подождём», — добавил Мамедли.", 4, False),
    ]), _item("ru/b.po", [(SAID, "«Причалы были заняты», — сказал Рошад Мамедли.", 2, True)])]
    assert [(f.path, f.line) for f in _drift(items)] == [("ru/b.po", 2)]


def test_no_names_to_look_for_locates_nothing() -> None:
    """Without names there is nothing to locate (the translation's words are not even read)."""
    assert locate("«Мы готовы», — сказал Рашад Керимов.", {}, "en", "ru") == {}
    assert locate("«Мы готовы», — сказал Рашад Керимов.", {"Rashad Karimov": 1}, "en", "ru") == \
        {"Rashad Karimov": ["Рашад Керимов"]}


def test_the_suggested_row_is_in_the_nominative_when_the_reference_is_not() -> None:
    """Regression: a name reviewed only in another case (По словам Рашада Мамедли; Leyla
    Hüseynovanın) was suggested for the glossary as written, `Rashad Mammadli,Рашада
    Мамедли`, which would have made the genitive the rule for every article."""
    cases = [
        ("ru", "According to Rashad Mammadli, the berths were full.", "По словам Рашада Мамедли, причалы были заняты.",
         "«Причалы были заняты», — сказал директор порта Рашад Маммадли.", "Rashad Mammadli,Рашад Мамедли,person"),
        ("ru", "According to Shahla Mammadova, the berths were full.", "По словам Шахлы Мамедовой, причалы были заняты.",
         "«Причалы были заняты», — сказала директор порта Шахла Маммадова.", "Shahla Mammadova,Шахла Мамедова,person"),
        ("az", "According to Rashad Mammadli, the berths were full.", "Rəşad Məmmədlinin sözlərinə görə, körpülər dolu idi.",
         "“Körpülər dolu idi,” deyə liman direktoru Rəşad Mammadli bildirib.", "Rashad Mammadli,Rəşad Məmmədli,person"),
    ]
    for tgt, reviewed_source, reviewed, new, row in cases:
        items = [_item(f"{tgt}/a.po", [(reviewed_source, reviewed, 5, False)], tgt=tgt),
                 _item(f"{tgt}/b.po", [(SAID.replace("Rashad Mammadli", row.split(",")[0]), new, 9, True)], tgt=tgt)]
        findings = _drift(items)
        assert len(findings) == 1 and f"`{row}`" in findings[0].message, (row, [f.message for f in findings])
    # A reference in the nominative stays as it is (Лейла, not Лейл).
    assert "`Leyla Aliyeva,Лейла Алиева,person`" in _drift([
        _item("ru/a.po", [("Leyla Aliyeva, an economist, spoke.", "Экономист Лейла Алиева выступила.", 5, False)]),
        _item("ru/b.po", [("“We wait,” said Leyla Aliyeva.", "«Мы ждём», — сказала Лейла Алиэва.", 9, True)])])[0].message


def test_drift_across_articles_in_different_source_languages() -> None:
    """Regression: a person's Russian spelling was held only to other articles in the same
    source language, so an English article's reviewed 'Рашад Мамедли' and an Azerbaijani
    one's new 'Рашад Маммадли' (Rəşad Məmmədli) were never compared; names that sound
    alike in articles of different source languages are now one person's, and the row
    suggested fills both source languages."""
    az_said = "“Körpülər dolu idi,” deyə limanın direktoru Rəşad Məmmədli bildirib."
    findings = _drift([
        _item("ru/a.po", [(SAID, "«Причалы были заняты», — сказал директор порта Рашад Мамедли.", 5, False)]),
        _item("ru/b.po", [(az_said, "«Причалы были заняты», — сказал директор порта Рашад Маммадли.", 9, True)],
              src="az"),
    ])
    assert [(f.path, f.line) for f in findings] == [("ru/b.po", 9)]
    assert "'Rəşad Məmmədli' is spelled 'Рашад Маммадли'" in findings[0].message
    assert "`Rashad Mammadli,Rəşad Məmmədli,Рашад Мамедли,person`" in findings[0].message
    # Another person who merely shares a surname is not joined.
    assert _drift([
        _item("ru/a.po", [(SAID, "«Причалы были заняты», — сказал директор порта Рашад Мамедли.", 5, False)]),
        _item("ru/b.po", [(az_said.replace("Rəşad", "Samir"),
                           "«Причалы были заняты», — сказал директор порта Самир Маммадли.", 9, True)], src="az"),
    ]) == []
