"""QA checks, and the post-processors repairing fake machine output before the checks."""

from __future__ import annotations

import io
import pickle
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.checks import (CHECKS, CatalogueChecker, check_catalogue, check_catalogues, check_entry,
                             entry_checker, segment_resolutions, segment_speakers)
from pipeline.checks import (_EMPHASIS, _HIGHLIGHT_AND_INSERT, _HTML_NAME, _KEYS, _LINK, _ORDINAL_SUFFIX,
                             _REFERENCE, _SUBSCRIPT, _SUPERSCRIPT, _WORDS, Entry, _markup, _sounds_present,
                             check_code, check_template)
from pipeline.glossary import Glossary, glossary_postprocessor, read_glossary
from pipeline.inline import (RegionKind, blank_out, code_spans, math_spans, protected_regions,
                             template_structure_changed, template_tags)
from pipeline.model import Severity
from pipeline.quotemarks import quotes_postprocessor
from pipeline.quotes import analyse_article
from pipeline.translit import similarity
from tests.conftest import catalogue_of

CSV = """\
en,az,ru,kind
Rashad Karimov,Rəşad Kərimov,Рашад Керимов,person
Karimov,Kərimov,Керимов,person
Meydan TV,Meydan TV,Meydan TV,organization
Green Corridor,Yaşıl Dəhliz,Зелёный коридор,title
caviar diplomacy,kürü diplomatiyası,икорная дипломатия,term
"""

SOURCE = "“Our gas goes west,” said Rashad Karimov."
GOOD_RU = "«Наш газ идёт на запад», — сказал Рашад Керимов."


@pytest.fixture()
def glossary() -> Glossary:
    return read_glossary(io.StringIO(CSV), "glossary.csv")


def checks_fired(source: str, translation: str, glossary: Glossary | None = None,
                 tgt: str = "ru", src: str = "en") -> list[tuple[str, Severity]]:
    return [(f.check, f.severity)
            for f in check_entry(source, translation, src, tgt, glossary=glossary)]


def test_a_good_translation_passes_every_check(glossary: Glossary) -> None:
    assert checks_fired(SOURCE, GOOD_RU, glossary) == []
    assert checks_fired(SOURCE, "“Qazımız qərbə gedir,” deyə Rəşad Kərimov bildirib.",
                        glossary, tgt="az") == []


def test_registry_names_severities_and_titles() -> None:
    assert {"quote-count", "quote-nesting", "quote-marks", "quote-order", "speaker", "glossary",
            "numbers", "urls", "code", "markup", "untranslated"} <= set(CHECKS)
    assert all(check.title and not check.title.endswith("\n") for check in CHECKS.values())
    assert CHECKS["numbers"].severity is Severity.ERROR
    assert CHECKS["untranslated"].severity is Severity.WARNING


def test_ascii_quotes_are_a_style_warning(glossary: Glossary) -> None:
    output = '"Наш газ идёт на запад", - сказал Рашад Керимов.'
    assert checks_fired(SOURCE, output, glossary) == [("quote-marks", Severity.WARNING)]


def test_dropped_quotation_marks_are_an_error(glossary: Glossary) -> None:
    output = "Наш газ идёт на запад, — сказал Рашад Керимов."
    assert checks_fired(SOURCE, output, glossary) == [("quote-count", Severity.ERROR)]


def test_quote_mark_message_says_which_marks_belong_where() -> None:
    source = "“They told us ‘wait’ and left,” said Rashad Karimov."
    (finding,) = check_entry(source, "«Нам сказали «ждите» и ушли», — сказал Рашад Керимов.",
                             "en", "ru")
    assert finding.check == "quote-marks"
    assert "«…» inside a quotation should be „…“ in ru" in finding.message
    (finding,) = check_entry(source, "“Нам сказали „ждите“ и ушли”, — сказал Рашад Керимов.",
                             "en", "ru")
    assert "marks “…” should be «…» in ru" in finding.message


def test_nesting_changed_is_a_warning() -> None:
    source = "“They say ‘no’ and ‘never’,” said Karimov."
    output = "«Они говорят „нет“», «никогда», — сказал Керимов."
    fired = checks_fired(source, output)
    assert ("quote-nesting", Severity.WARNING) in fired


def test_speaker_spelled_differently_from_the_glossary(glossary: Glossary) -> None:
    output = "«Наш газ идёт на запад», — сказал Рашад Каримов."
    (finding,) = check_entry(SOURCE, output, "en", "ru", glossary=glossary)
    assert (finding.check, finding.severity) == ("speaker", Severity.ERROR)
    assert "'Рашад Каримов'" in finding.message and "'Рашад Керимов'" in finding.message


def test_a_misspelling_is_found_next_to_a_correct_spelling(glossary: Glossary) -> None:
    """The full name spelled right, the surname in the attribution misspelt: presence of the
    right form must not hide the wrong one (speaker and glossary checks alike)."""
    source = "Rashad Karimov spoke. “Our gas goes west,” said Karimov."
    good = "Рашад Керимов выступил. «Наш газ идёт на запад», — сказал Керимов."
    assert checks_fired(source, good, glossary) == []
    bad = "Рашад Керимов выступил. «Наш газ идёт на запад», — сказал Каримов."
    (finding,) = check_entry(source, bad, "en", "ru", glossary=glossary)
    assert (finding.check, finding.severity) == ("speaker", Severity.ERROR)
    assert "'Каримов' in one place" in finding.message and "'Керимов'" in finding.message
    bad_name = "Рашад Каримов выступил. «Наш газ идёт на запад», — сказал Керимов."
    fired = check_entry(source, bad_name, "en", "ru", glossary=glossary)
    glossary_findings = [f for f in fired if f.check == "glossary"]
    assert [f.severity for f in glossary_findings] == [Severity.ERROR]
    assert "'Рашад Каримов'" in glossary_findings[0].message
    inflected = "Слова Рашада Керимова: «Наш газ идёт на запад», — сказал Керимов."
    assert checks_fired(source, inflected, glossary) == []
    az = "Rəşad Kərimov çıxış edib. “Qazımız qərbə gedir,” deyə Kərimovun sözlərini Karimov təkrarlayıb."
    assert ("speaker", Severity.ERROR) in checks_fired(source, az, glossary, tgt="az")


def test_a_missing_name_kept_as_is_is_said_to_be_missing(glossary: Glossary) -> None:
    """Regression: a name every language writes alike (Meydan TV) left out of a translation
    read "'Meydan TV' must be 'Meydan TV' in az", which asks an editor for what seems to be
    there already; it now says the name is missing and that the glossary keeps it as is."""
    source = "“Our gas goes west,” Rashad Karimov told Meydan TV."
    (finding,) = check_entry(source, "“Qazımız qərbə gedir”, – deyə Rəşad Kərimov bildirib.",
                             "en", "az", glossary=glossary)
    assert finding.check == "glossary"
    assert finding.message == ("'Meydan TV' is missing from the translation: the glossary keeps "
                               "it as is in every language (glossary line 4)")
    (finding,) = check_entry("Records went to the newspaper Meydan TV.",
                             "Sənədlər Meydan Tv-yə verilib.", "en", "az", glossary=glossary)
    assert "'Meydan TV' is missing from the translation, which has 'Meydan Tv-yə'" in finding.message


def test_another_source_name_that_sounds_like_a_glossary_name_is_not_its_misspelling() -> None:
    """A name kept as is (Berlingske) and a city of the same paragraph (Berlin, Берлине in the
    locative): the city's translation sounds more like the source's Berlin than like the
    glossary name, so it renders Berlin; a real misspelling of the name is still found."""
    glossary = read_glossary(io.StringIO("en,ru,kind\nBerlingske,Berlingske,organization\n"),
                             "glossary.csv")
    source = "The festival was reviewed by Berlingske. The troupe then toured Berlin."
    good = "О фестивале написала газета Berlingske. Затем труппа гастролировала в Берлине."
    assert checks_fired(source, good, glossary) == []
    bad = "О фестивале написала газета Berlingske. Газета Berlingsk писала о Берлине."
    (finding,) = check_entry(source, bad, "en", "ru", glossary=glossary)
    assert finding.check == "glossary" and "'Berlingsk' in one place" in finding.message


def test_azerbaijani_inner_quotation_starting_with_a_date_is_not_a_lost_quotation(
        glossary: Glossary) -> None:
    source = "“They told us ‘wait until May 25’ and left,” said Rashad Karimov."
    output = "“Bizə ‘25 mayadək gözləyin’ deyib getdilər”, – deyə Rəşad Kərimov bildirib."
    assert checks_fired(source, output, glossary, tgt="az") == []


def test_speaker_with_an_unknown_role_word_in_front_is_checked_by_its_glossary_name() -> None:
    glossary = read_glossary(io.StringIO("ru,az,en,kind\nГюльнара Гусейнзаде,Gülnarə Hüseynzadə,"
                                         "Gulnara Huseynzade,person\n"), "glossary.csv")
    source = "Учительница Гюльнара Гусейнзаде заявила: «Дети рады»."
    good = "Müəllimə Gülnarə Hüseynzadə bildirib: “Uşaqlar şaddır”."
    assert checks_fired(source, good, glossary, tgt="az", src="ru") == []
    bad = "Müəllimə Gülnarə Hüseynova bildirib: “Uşaqlar şaddır”."
    assert ("speaker", Severity.ERROR) in checks_fired(source, bad, glossary, tgt="az", src="ru")


def test_speaker_missing_without_a_glossary_row() -> None:
    source = "“Our gas goes west,” said Tural Ismayilzade."
    assert checks_fired(source, "«Наш газ идёт на запад», — сказал он.") == [
        ("speaker", Severity.ERROR)]
    assert checks_fired(source, "«Наш газ идёт на запад», — сказал Турал Исмаилзаде.") == []


def test_speakers_from_the_article_are_used() -> None:
    findings = check_entry("“Yes,” he said.", "«Да», — сказал он.", "en", "ru",
                           speakers=["Karimov"])
    assert [f.check for f in findings] == ["speaker"]


def test_glossary_term_missing(glossary: Glossary) -> None:
    source = "They signed the “Green Corridor,” a deal, despite caviar diplomacy."
    output = "Они подписали «Зелёный путь», сделку, несмотря на дипломатию икры."
    fired = check_entry(source, output, "en", "ru", glossary=glossary)
    assert [(f.check, f.severity) for f in fired] == [("glossary", Severity.ERROR),
                                                     ("glossary", Severity.WARNING)]
    assert "'Зелёный коридор'" in fired[0].message


@pytest.mark.parametrize(("source", "output", "tgt"), [
    ("It cost USD 360,000 and 1.2 million more.", "Это стоило 360 000 долларов и 1,2 млн.",
     "ru"),
    ("It cost USD 360,000, or 2.5 percent.", "Bu, 360.000 ABŞ dolları və ya 2,5 faiz idi.", "az"),
    ("64 percent, on May 27, 2024.", "64 процента, 27 мая 2024 года.", "ru"),
    ("1.2 million people", "1 200 000 человек", "ru"),
    ("USD 360,000", "USD 360,000", "ru"),
])
def test_numbers_compared_by_value(source: str, output: str, tgt: str) -> None:
    assert "numbers" not in [f.check for f in check_entry(source, output, "en", tgt)]


@pytest.mark.parametrize(("source", "output", "message"), [
    ("It fell by 90 percent in 2023.", "Он упал на 80 процентов в 2023 году.", "missing"),
    ("It cost 1.2 million.", "Это стоило 1,2.", "'1.2 million' is '1,2' in the translation: the scale word was lost"),
    ("It cost 1.2 million.", "Это стоило 1,2 млрд.", "'1.2 million' is '1,2 млрд' in the translation: the scale word changes"),
    ("It cost 1.2 tonnes.", "Это стоило 1,2 млн тонн.", "'1.2' is '1,2 млн' in the translation: the scale word was added"),
    ("It cost 1.2 million.", "Это стоило 1,3 тонны.", "missing from the translation: 1.2 million"),
    ("It cost 5 dollars.", "Это стоило 5 долларов в 2024 году.", "not in the source"),
])
def test_numbers_lost_or_changed(source: str, output: str, message: str) -> None:
    findings = [f for f in check_entry(source, output, "en", "ru") if f.check == "numbers"]
    assert findings and message in findings[0].message
    assert findings[0].severity is Severity.ERROR


@pytest.mark.parametrize(("source", "output", "tgt", "message"), [
    ("The ferry terminal reopened on May 27, 2024.",
     "Паромный терминал вновь открылся 27 марта 2024 года.", "ru",
     "the month 'May' of the source is 'марта' in the translation"),
    ("He signed the decree on May 25, 2024.",
     "O, fərmanı 2024-cü il martın 25-də imzalayıb.", "az",
     "the month 'May' of the source is 'martın' in the translation"),
    ("Он подписал указ 25 мая 2024 года.", "He signed the decree on June 25, 2024.", "en",
     "the month 'мая' of the source is 'June' in the translation"),
])
def test_a_month_changed_in_a_date_is_a_numbers_error(source: str, output: str, tgt: str,
                                                       message: str) -> None:
    """Regression: a date whose month a translator changed (May 27 → 27 марта) passed every
    check, its figures being the same; a month of the source replaced by another is now a
    numbers error."""
    src = "ru" if source.startswith("Он") else "en"
    (finding,) = [f for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert message in finding.message and finding.severity is Severity.ERROR


@pytest.mark.parametrize(("source", "output", "tgt"), [
    ("It happened on May 27, 2024, and in March.", "Это случилось 27 мая 2024 года и в марте.", "ru"),
    ("It happened on May 27, 2024.", "Bu, 2024-cü il mayın 27-də baş verib.", "az"),
    ("Mayın 27-də, 2024-cü ildə baş verib.", "It happened on May 27, 2024.", "en"),
    ("Theresa May spoke in 2019 with Marta.", "В 2019 году Тереза Мэй говорила с Мартой.", "ru"),
    ("Martin arrived on 3 June 2024.", "Martin 3 iyun 2024-cü ildə gəlib.", "az"),
])
def test_the_same_months_or_none_named_pass(source: str, output: str, tgt: str) -> None:
    src = "az" if source.startswith("Mayın") else "en"
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "tgt", "message"), [
    ("The theatre's new roof cost USD 360,000.",
     "Новая крыша театра обошлась в 360 000 евро.", "ru",
     "the currency 'USD' of the source is 'евро' in the translation"),
    ("The theatre's new roof cost $360,000.",
     "Teatrın yeni damı 360 000 manata başa gəlib.", "az",
     "the currency '$' of the source is 'manata' in the translation"),
    ("Проект стоит 2,5 млрд манатов.", "The project costs 2.5 billion dollars.", "en",
     "the currency 'манатов' of the source is 'dollars' in the translation"),
])
def test_an_amount_given_another_currency_is_a_numbers_error(source: str, output: str, tgt: str,
                                                             message: str) -> None:
    """Regression: an amount whose currency a translator changed (USD 360,000 → 360 000
    евро) passed every check, its figure being the same; a currency of the source replaced
    by another is now a numbers error."""
    src = "ru" if source.startswith("Проект") else "en"
    (finding,) = [f for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert message in finding.message and finding.severity is Severity.ERROR


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("It cost USD 360,000.", "Это стоило 360 000 долларов США.", "en", "ru"),
    ("It cost $360,000.", "Bu, 360.000 ABŞ dollarına başa gəlib.", "en", "az"),
    ("It cost USD 360,000 (EUR 330,000).", "Это стоило 360 000 долларов (330 000 евро).", "en", "ru"),
    ("It cost USD 360,000.", "Это стоило 360 000 долларов (около 330 000 евро).", "en", "ru"),
    ("Layihə 2,5 milyard manata başa gəlir.", "Проект стоит 2,5 млрд манатов.", "az", "ru"),
    ("He lost 20 pounds in 2024.", "В 2024 году он похудел на 9 кг.", "en", "ru"),
])
def test_the_same_currency_passes(source: str, output: str, src: str, tgt: str) -> None:
    findings = [f for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert not [f for f in findings if "currency" in f.message]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("The bill was adopted on May 27, 2024.", "Законопроект был принят 27.05.2024.", "en", "ru"),
    ("The bill was adopted on May 27, 2024.", "Qanun layihəsi 27.05.2024-cü il tarixində qəbul edildi.",
     "en", "az"),
    ("Законопроект был принят 27.05.2024.", "The bill was adopted on May 27, 2024.", "ru", "en"),
    ("The bill was adopted on 2024-05-27.", "Законопроект был принят 27 мая 2024 года.", "en", "ru"),
    ("The bill was adopted on May 27, 2024.", "Законопроект был принят 2024-05-27.", "en", "ru"),
    ("The report was published on 27/05/2024.", "Доклад опубликован 27.05.2024.", "en", "ru"),
    ("Встреча состоится 05.06.2024.", "The meeting is on June 5, 2024.", "ru", "en"),
])
def test_a_date_written_in_figures_is_the_same_date(source: str, output: str, src: str,
                                                    tgt: str) -> None:
    """Regression: a date in figures (27.05.2024, 2024-05-27) was one unreadable number,
    or three, so a correct '27.05.2024' for 'May 27, 2024' was reported as 27 and 2024
    missing; its day and year are now figures and its month a month."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "message"), [
    ("It was adopted on May 27, 2024.", "Он был принят 27.06.2024.",
     "the month 'May' of the source is '27.06.2024' in the translation"),
    ("It was adopted on May 27, 2024.", "Он был принят 28.05.2024.", "missing from the translation: 27"),
    ("It was adopted on May 27, 2024.", "Он был принят 27.05.2023.", "missing from the translation: 2024"),
    ("It was adopted on 2024-05-27.", "Он был принят 27 апреля 2024 года.",
     "the month '2024-05-27' of the source is 'апреля' in the translation"),
])
def test_a_date_in_figures_changed_is_a_numbers_error(source: str, output: str, message: str) -> None:
    findings = [f.message for f in check_entry(source, output, "en", "ru") if f.check == "numbers"]
    assert any(message in m for m in findings), findings


@pytest.mark.parametrize(("source", "output", "src", "tgt", "message"), [
    ("Up to 30 mm of rain is expected on 05/06/2024.", "5 марта 2024 года ожидается до 30 мм осадков.",
     "en", "ru", "the month '05/06/2024' of the source is 'марта' in the translation"),
    ("Встреча состоится 5 июня 2024 года.", "The meeting is on 05/03/2024.", "ru", "en",
     "the month 'июня' of the source is '05/03/2024' in the translation"),
])
def test_a_slash_date_read_either_way_given_another_month_is_a_numbers_error(
        source: str, output: str, src: str, tgt: str, message: str) -> None:
    """Regression: a slash date whose day and month may be read either way round
    (05/06/2024: 5 June or May 6) named no month, so a translation giving it March
    passed; it now names June or May, whichever the other side names (day first if
    neither, as Azerbaijani and Russian write it)."""
    findings = [f.message for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert any(message in m for m in findings), findings


@pytest.mark.parametrize(("source", "output", "src", "tgt", "month"), [
    ("Up to 30 mm of rain is expected on 05/06/2024.", "5 мая 2024 года ожидается до 30 мм осадков.",
     "en", "ru", "мая"),
    ("Up to 30 mm of rain is expected on 05/06/2024.", "6 июня 2024 года ожидается до 30 мм осадков.",
     "en", "ru", "июня"),
    ("Встреча состоится 05/06/2024.", "The meeting is on June 6, 2024.", "ru", "en", "June"),
])
def test_a_slash_date_given_one_readings_month_and_the_others_day_is_a_numbers_error(
        source: str, output: str, src: str, tgt: str, month: str) -> None:
    """Regression: 05/06/2024 is the 5th of June or May the 6th; its day matched 5 or 6 and
    its month June or May each on its own, so 5 мая and 6 июня (neither date) passed."""
    findings = [f.message for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert any(f"the month '05/06/2024' of the source is '{month}'" in m for m in findings), findings


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Up to 30 mm of rain is expected on 05/06/2024.", "5 июня 2024 года ожидается до 30 мм осадков.", "en", "ru"),
    ("Up to 30 mm of rain is expected on 05/06/2024.", "6 мая 2024 года ожидается до 30 мм осадков.", "en", "ru"),
    ("Up to 30 mm of rain is expected on 05/06/2024.", "2024-cü il iyunun 5-də 30 mm-dək yağıntı gözlənilir.",
     "en", "az"),
    ("Up to 30 mm of rain is expected on 05/06/2024.", "До 30 мм осадков ожидается 05/06/2024.", "en", "ru"),
    ("Up to 30 mm of rain is expected on 05/06/2024.", "До 30 мм осадков ожидается 06.05.2024.", "en", "ru"),
    ("Встреча состоится 5 июня 2024 года.", "The meeting is on 05/06/2024.", "ru", "en"),
])
def test_a_slash_date_read_either_way_passes_with_either_month(source: str, output: str, src: str,
                                                              tgt: str) -> None:
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "tgt", "message"), [
    ("Exports rose 5 percent.", "Экспорт вырос в 5 раз.", "ru",
     "the unit 'percent' of the source is 'раз' in the translation"),
    ("Exports rose 5 percent.", "İxrac 5 dəfə artıb.", "az",
     "the unit 'percent' of the source is 'dəfə' in the translation"),
    ("Exports rose 5 times.", "Экспорт вырос на 5%.", "ru",
     "the unit 'times' of the source is '%' in the translation"),
    ("The rate rose by 2 percentage points.", "Ставка выросла на 2%.", "ru",
     "the unit 'percentage points' of the source is '%' in the translation"),
    ("The rate rose by 2 percentage points.", "Ставка выросла на 2 процента.", "ru",
     "the unit 'percentage points' of the source is 'процента' in the translation"),
    ("The rate rose by 2 percent.", "Ставка выросла на 2 процентных пункта.", "ru",
     "the unit 'percent' of the source is 'процентных пункта' in the translation"),
    ("Bond yields fell 25 bp.", "Доходность облигаций снизилась на 25%.", "ru",
     "the unit 'bp' of the source is '%' in the translation"),
    ("Bond yields fell 25 basis points.", "İstiqrazların gəlirliliyi 25 faiz azalıb.", "az",
     "the unit 'basis points' of the source is 'faiz' in the translation"),
    ("Wind will gust to 15-20 m/s.", "Ветер усилится до 15-20 км/ч.", "ru",
     "the unit 'm/s' of the source is 'км/ч' in the translation"),
    ("Up to 25 mm of rain is expected.", "Ожидается до 25 см осадков.", "ru",
     "the unit 'mm' of the source is 'см' in the translation"),
    ("Up to 30 cm of snow fell.", "30 mm-dək qar yağıb.", "az",
     "the unit 'cm' of the source is 'mm' in the translation"),
    ("The probe sampled peat at a depth of 50 cm.", "Zond torfdan 50 m dərinlikdə nümunə götürüb.", "az",
     "the unit 'cm' of the source is 'm' in the translation"),
    ("The ice sheet thinned by 1.1 metres.", "Ледяной щит истончился на 1,1 км.", "ru",
     "the unit 'metres' of the source is 'км' in the translation"),
    ("Each cell releases 2.4 milligrams of methane.", "Каждая ячейка выделяет 2,4 грамма метана.", "ru",
     "the unit 'milligrams' of the source is 'грамма' in the translation"),
    ("The tablet weighs 1.2 kg.", "Planşetin çəkisi 1,2 q-dır.", "az",
     "the unit 'kg' of the source is 'q' in the translation"),
    ("Customs seized 3 tonnes of tobacco.", "Таможня изъяла 3 кг табака.", "ru",
     "the unit 'tonnes' of the source is 'кг' in the translation"),
])
def test_a_figure_given_another_unit_is_a_numbers_error(source: str, output: str, tgt: str,
                                                        message: str) -> None:
    """Regression: a percentage translated as a multiple (5 percent → в 5 раз) or a change
    in percentage points as one in percent passed every check, its figure being the same;
    a unit of the source replaced by another is now a numbers error that names both, and so
    is a distance or a mass given another unit (50 cm → 50 m, 2.4 milligrams → 2,4 грамма)."""
    (finding,) = [f for f in check_entry(source, output, "en", tgt) if f.check == "numbers"]
    assert message in finding.message and finding.severity is Severity.ERROR


@pytest.mark.parametrize(("source", "output", "src", "tgt", "message"), [
    ("The talks lasted 3 hours.", "Переговоры длились 3 дня.", "en", "ru",
     "the unit 'hours' of the source is 'дня' in the translation"),
    ("Переговоры длились 3 часа.", "The talks lasted 3 days.", "ru", "en",
     "the unit 'часа' of the source is 'days' in the translation"),
    ("The fight lasted 3 hours.", "Döyüş 3 gün davam edib.", "en", "az",
     "the unit 'hours' of the source is 'gün' in the translation"),
    ("The court sentenced him to 7 years in prison.", "Суд приговорил его к 7 месяцам лишения свободы.",
     "en", "ru", "the unit 'years' of the source is 'месяцам' in the translation"),
    ("Məhkəmə onu 7 il azadlıqdan məhrum edib.", "The court sentenced him to 7 months in prison.",
     "az", "en", "the unit 'il' of the source is 'months' in the translation"),
    ("5 yaşlı uşaq xilas edilib.", "Спасён 5-месячный ребёнок.", "az", "ru",
     "the unit 'yaşlı' of the source is '-месячный' in the translation"),
    ("A 5-year-old boy was rescued.", "Спасён 5-месячный мальчик.", "en", "ru",
     "the unit '-year-old' of the source is '-месячный' in the translation"),
    ("Его задержали на 30 суток.", "He was detained for 30 hours.", "ru", "en",
     "the unit 'суток' of the source is 'hours' in the translation"),
    ("The trial resumes in 2 weeks.", "Процесс возобновится через 2 месяца.", "en", "ru",
     "the unit 'weeks' of the source is 'месяца' in the translation"),
    ("He won in 2 hours 5 minutes.", "Он победил за 2 часа 5 секунд.", "en", "ru",
     "the unit 'minutes' of the source is 'секунд' in the translation"),
    ("He was jailed for seven years.", "O, yeddi ay həbs cəzası alıb.", "en", "az",
     "the unit 'years' of the source is 'ay' in the translation"),
    ("Talks lasted three days.", "Переговоры длились три часа.", "en", "ru",
     "the unit 'days' of the source is 'часа' in the translation"),
    ("Two years ago the plant closed.", "İki ay əvvəl zavod bağlanıb.", "en", "az",
     "the unit 'years' of the source is 'ay' in the translation"),
])
def test_a_duration_or_age_given_another_unit_is_a_numbers_error(source: str, output: str, src: str,
                                                                 tgt: str, message: str) -> None:
    """Regression: a duration or an age whose unit a translator changed (3 hours → 3 дня,
    a 5-year-old → 5-месячный, 7 il → 7 months) passed every check, its figure being the
    same; hours, days, weeks, months, years (and ages), minutes and seconds are units now,
    after a number in words too (seven years → yeddi ay)."""
    (finding,) = [f for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert message in finding.message and finding.severity is Severity.ERROR


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("A 5-year-old boy was rescued.", "Спасён 5-летний мальчик.", "en", "ru"),
    ("A 5-year-old boy was rescued.", "5 yaşlı oğlan xilas edilib.", "en", "az"),
    ("5 yaşlı oğlan xilas edilib.", "Спасён 5-летний мальчик.", "az", "ru"),
    ("The 17-year-old signed a 5-year contract.", "17-летний игрок подписал контракт на 5 лет.", "en", "ru"),
    ("The 17-year-old signed a 5-year contract.", "17 yaşlı oyunçu 5 illik müqavilə imzalayıb.", "en", "az"),
    ("The talks lasted 3 hours.", "Danışıqlar 3 saat çəkib.", "en", "az"),
    ("Его задержали на 30 суток.", "He was detained for 30 days.", "ru", "en"),
    ("He has been held since 2021, for over 3 years.", "Он под стражей с 2021 года, более 3 лет.", "en", "ru"),
    ("Exports rose 5 percent.", "В 2024 году экспорт вырос на пять процентов.", "en", "ru"),
    ("Bakı-Tbilisi qatarı 12 saat 30 dəqiqəyə çatır.", "The Baku-Tbilisi train takes 12 hours 30 minutes.",
     "az", "en"),
    ("The meeting lasted 2 hours and began at 10 am.", "Встреча длилась 2 часа и началась в 10 часов утра.",
     "en", "ru"),
    ("He was jailed for seven years on a two-day trial.", "Двухдневный процесс: семь лет тюрьмы.", "en", "ru"),
    ("She signed a five-year contract.", "Она подписала контракт на пять лет.", "en", "ru"),
    ("He was jailed for seven years.", "O, yeddi il həbs cəzası alıb.", "en", "az"),
])
def test_the_same_duration_or_age_passes(source: str, output: str, src: str, tgt: str) -> None:
    """A calendar year (в 2024 году, 2024 il) is no duration: only its figure is compared."""
    findings = [f for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert not [f for f in findings if "unit" in f.message]


@pytest.mark.parametrize(("source", "output", "tgt"), [
    ("Exports rose 5 percent.", "Экспорт вырос на 5 процентов.", "ru"),
    ("Exports rose 5 per cent.", "İxrac 5 faiz artıb.", "az"),
    ("Exports rose 5%, or 3 times faster.", "Экспорт вырос на 5%, то есть в 3 раза быстрее.", "ru"),
    ("Exports rose 5 times.", "İxrac 5 dəfə artıb.", "az"),
    ("The rate rose by 2 percentage points.", "Ставка выросла на 2 п.п.", "ru"),
    ("The rate rose by 2 percentage points.", "Faiz dərəcəsi 2 faiz bəndi artıb.", "az"),
    ("The rate rose by 2 percentage points to 7%.", "Ставка выросла на 2 процентных пункта, до 7%.", "ru"),
    ("Exports rose 5 percent.", "Экспорт вырос на пять процентов, ещё раз.", "ru"),
    ("Bond yields fell 25 bp to 8.75%.", "Доходность облигаций снизилась на 25 б.п., до 8,75%.", "ru"),
    ("Bond yields fell 25 basis points.", "İstiqrazların gəlirliliyi 25 baza bəndi azalıb.", "az"),
    ("BP sold 5 BP stations, 8% of its network.", "BP продала 5 АЗС, 8% своей сети.", "ru"),
    ("Wind will gust to 15-20 m/s.", "Külək 15-20 m/san-dək güclənəcək.", "az"),
    ("Wind will gust to 15-20 m/s.", "Ветер усилится до 15-20 м/с.", "ru"),
    ("Up to 25 mm of rain; pressure 752 mm Hg.", "До 25 мм осадков; давление 752 мм рт. ст.", "ru"),
    ("Up to 30 cm of snow fell.", "30 santimetrədək qar yağıb.", "az"),
    ("Gusts of 100 to 120 km/h are expected.", "Küləyin sürəti saatda 100–120 km-ə çatacaq.", "az"),
    ("Gusts of 120 km/h are expected.", "Ожидаются порывы до 120 км в час.", "ru"),
    ("The layer thickened from 85 cm to 1.1 metres.", "Qat 85 sm-dən 1,1 metrədək qalınlaşıb.", "az"),
    ("The layer thickened to 1.1 m.", "Слой утолщился до 1,1 м.", "ru"),
    ("A 1.2 kg laptop with 5G costs $1.5m in bulk.", "Ноутбук весом 1,2 кг с 5G оптом стоит 1,5 млн $.", "ru"),
    ("It weighs 5 metric tons.", "Он весит 5 тонн.", "ru"),
    ("Sales rose in 2024 to 300 g per head.", "В 2024 г. продажи выросли до 300 г на человека.", "ru"),
    ("Wind speeds reached 25 metres per second.", "Скорость ветра достигала 25 м/с.", "ru"),
    ("Wind speeds reached 25 m/s.", "Küləyin sürəti saniyədə 25 metrə çatıb.", "az"),
])
def test_the_same_unit_passes(source: str, output: str, tgt: str) -> None:
    findings = [f for f in check_entry(source, output, "en", tgt) if f.check == "numbers"]
    assert not [f for f in findings if "unit" in f.message]


@pytest.mark.parametrize(("source", "output", "src", "tgt", "message"), [
    ("Temperatures will drop to -5°C.", "Температура опустится до 5°C.", "en", "ru",
     "number(s) missing from the translation: -5"),
    ("Temperatures will drop to -5°C.", "Temperatur 5 dərəcəyə düşəcək.", "en", "az",
     "number(s) missing from the translation: -5"),
    ("Temperatures will rise to 5°C.", "Температура поднимется до минус 5 градусов.", "en", "ru",
     "number(s) not in the source: минус 5"),
    ("Температура опустится до −5 °C.", "Temperatures will drop to 5°C.", "ru", "en",
     "number(s) missing from the translation: −5"),
])
def test_a_negative_number_given_as_positive_is_a_numbers_error(source: str, output: str, src: str,
                                                                tgt: str, message: str) -> None:
    """Regression: a minus sign lost or added (-5°C → 5°C, 5°C → минус 5 градусов) passed,
    the figures being compared without it; a number after a minus sign or the word for
    minus (minus, минус, mənfi) or before 'below zero' (ниже нуля, мороза) is negative."""
    findings = [f.message for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert any(message in m for m in findings), findings


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Temperatures will drop to -5°C.", "Температура опустится до -5°C.", "en", "ru"),
    ("Temperatures will drop to -5°C.", "Температура опустится до минус 5 градусов.", "en", "ru"),
    ("Temperatures will drop to -5°C.", "Температура опустится до 5 градусов мороза.", "en", "ru"),
    ("Temperatures will drop to -5°C.", "Temperatur mənfi 5 dərəcəyə düşəcək.", "en", "az"),
    ("Temperatures will drop to 5 degrees below zero.", "Temperatur -5 dərəcəyə düşəcək.", "en", "az"),
    ("Температура опустится до минус 5 градусов.", "Temperatures will drop to −5°C.", "ru", "en"),
    ("The talks will last 5-7 days, the score was 3-1.", "Переговоры продлятся 5-7 дней, счёт 3-1.",
     "en", "ru"),
    ("COVID-19 cases rose to 1,200.", "Число случаев COVID-19 выросло до 1 200.", "en", "ru"),
    ("Exports changed by -5% last year.", "В прошлом году экспорт сократился на 5%.", "en", "ru"),
])
def test_the_same_sign_passes(source: str, output: str, src: str, tgt: str) -> None:
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt", "message"), [
    ("Industrial output changed by -2.4% in the first quarter.",
     "Промышленное производство выросло на 2,4% в первом квартале.", "en", "ru",
     "the sign '-2.4%' of the source is 'выросло' in the translation"),
    ("Industrial output changed by -2.4% in the first quarter.", "Birinci rübdə sənaye istehsalı 2,4% artıb.",
     "en", "az", "the sign '-2.4%' of the source is 'artıb' in the translation"),
    ("Товарооборот изменился на −7% за год.", "Trade turnover rose 7% over the year.", "ru", "en",
     "the sign '−7%' of the source is 'rose' in the translation"),
    ("Exports rose 5 percent, imports 3 percent.", "Экспорт: -5%, импорт: +3%.", "en", "ru",
     "the sign 'rose' of the source is '-5%' in the translation"),
    ("Exports changed by -3% in May.", "В мае экспорт изменился на +3%.", "en", "ru",
     "the sign '-3%' of the source is '+3%' in the translation"),
])
def test_a_fall_in_percent_given_as_a_rise_is_a_numbers_error(source: str, output: str, src: str,
                                                              tgt: str, message: str) -> None:
    """Regression: -5% may be written as a fall of 5% (снизился на 5%), so -5% matched any
    5%, and a translation saying it rose (вырос на 5%) passed; a percentage with a minus on
    one side, said with a word for a rise (and none for a fall) on the other, is now a
    numbers error."""
    findings = [f.message for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert any(message in m for m in findings), findings


@pytest.mark.parametrize(("source", "output", "src", "tgt", "message"), [
    ("Индекс биржи вырос на 1,2%, до 1 234,56 пункта.", "The exchange index fell 1.2% to 1,234.56 points.",
     "ru", "en", "the sign 'вырос' of the source is 'fell' in the translation"),
    ("Birja indeksi 1,2% artaraq 1 234,56 bəndə çatıb.", "Индекс биржи снизился на 1,2%.", "az", "ru",
     "the sign 'artaraq' of the source is 'снизился' in the translation"),
    ("Brent crude fell 0.8% to $78.40.", "Brent markalı neft 0,8% bahalaşaraq 78,40 dollara yüksəlib.",
     "en", "az", "the sign 'fell' of the source is 'bahalaşaraq' in the translation"),
    ("Prices rose +2% in May.", "В мае цены снизились на 2%.", "en", "ru",
     "the sign '+2%' of the source is 'снизились' in the translation"),
])
def test_a_rise_in_percent_told_as_a_fall_is_a_numbers_finding(source: str, output: str, src: str,
                                                               tgt: str, message: str) -> None:
    """Regression: with no minus on either side, a rise told as a fall (вырос на 1,2% →
    fell 1.2%) passed, the figure being the same; a percentage whose clause says only a
    rise on one side and only a fall on the other is now a numbers finding: an error where
    a signed figure (+2%) says it, a warning where only words do, as a translation may turn
    the sentence round (the rouble lost 2% → доллар подорожал на 2%)."""
    findings = [f for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    [finding] = [f for f in findings if message in f.message]
    signed = any(char.isdigit() for char in message.split(" of the source")[0])
    assert finding.severity is (Severity.ERROR if signed else Severity.WARNING)


def test_a_sentence_turned_round_is_a_warning_not_an_error() -> None:
    [finding] = check_entry("The rouble lost 2% against the dollar.", "Доллар подорожал к рублю на 2%.",
                            "en", "ru")
    assert finding.severity is Severity.WARNING and "unless the sentence now says" in finding.message


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Exports fell 5% while imports rose 3%.", "Экспорт снизился на 5%, а импорт вырос на 3%.", "en", "ru"),
    ("Prices rose 2% after falling 3%.", "Цены выросли на 2% после падения на 3%.", "en", "ru"),
    ("Доходность снизилась на 25 б.п., до 8,75%.", "Bond yields fell 25 bp to 8.75%.", "ru", "en"),
    ("Turnout was 47.3%, 2.1 percentage points higher than in 2020.",
     "Явка составила 47,3%, что на 2,1 п.п. выше, чем в 2020 году.", "en", "ru"),
])
def test_a_rise_or_fall_told_the_same_way_passes(source: str, output: str, src: str, tgt: str) -> None:
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Exports changed by -5% last year.", "В прошлом году экспорт снизился на 5%.", "en", "ru"),
    ("Exports changed by -5% last year.", "Keçən il ixrac 5% azalıb.", "en", "az"),
    ("Exports changed by -5% last year.", "В прошлом году экспорт изменился на -5%.", "en", "ru"),
    ("Exports changed by -5%, imports rose 3%.", "Экспорт сократился на 5%, а импорт вырос на 3%.", "en", "ru"),
    ("Imports rose 3%, exports -5%.", "Импорт вырос на 3%, экспорт упал на 5%.", "en", "ru"),
    ("Exports changed by -5%, imports by +5%.", "Экспорт снизился на 5%, а импорт вырос на 5%.", "en", "ru"),
    ("Imports rose 5%, exports -5%.", "Импорт вырос на 5%, экспорт упал на 5%.", "en", "ru"),
    ("Товарооборот изменился на -7% за год.", "Trade turnover fell 7% over the year.", "ru", "en"),
    ("Exports rose 5 percent.", "Экспорт вырос на 5%.", "en", "ru"),
])
def test_a_fall_in_percent_said_as_a_fall_passes(source: str, output: str, src: str, tgt: str) -> None:
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt", "message"), [
    ("The town is 10 miles away.", "Город находится в 10 км.", "en", "ru",
     "the unit '10 miles' of the source is '10 км' in the translation"),
    ("He weighs 200 pounds.", "O, 200 kq çəkir.", "en", "az", ""),
    ("He weighs 200 pounds.", "Он весит 200 кг.", "en", "ru",
     "the unit '200 pounds' of the source is '200 кг' in the translation"),
    ("It was 95°F in the shade.", "В тени было 95°C.", "en", "ru",
     "the unit '95°F' of the source is '95°C' in the translation"),
    ("Скорость ветра — 90 км/ч.", "Wind speed was 90 mph.", "ru", "en",
     "the unit '90 км/ч' of the source is '90 mph' in the translation"),
])
def test_a_measure_kept_with_the_other_system_s_unit_is_a_numbers_error(source: str, output: str, src: str,
                                                                       tgt: str, message: str) -> None:
    """Regression: a figure kept with the other system's unit (10 miles → 10 км) passed, the
    figure being there; with conversions matched (10 miles → 16 км), it is now reported as a
    unit changed, unless the translation keeps the source's unit with it too."""
    findings = [f.message for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert any(message in m for m in findings) if message else not findings, findings


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("The town is 10 miles away.", "Город находится в 16 км (10 миль).", "en", "ru"),
    ("The town is 10 miles away.", "Город находится в 16 км.", "en", "ru"),
    ("The project took 18 months.", "Проект занял 1,5 года.", "en", "ru"),
    ("Two weeks later.", "14 дней спустя.", "en", "ru"),
    ("A 7-day festival.", "Bir həftəlik festival.", "en", "az"),
])
def test_a_measure_or_duration_converted_passes(source: str, output: str, src: str, tgt: str) -> None:
    """A converted duration (18 months → 1,5 года) is no unit changed."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt", "message"), [
    ("Inflation was minus 5%.", "Инфляция составила 5%.", "en", "ru",
     "the sign 'minus 5%' of the source is '5%' in the translation: a minus was lost"),
    ("Inflation was −5%.", "İnflyasiya 5% olub.", "en", "az",
     "the sign '−5%' of the source is '5%' in the translation: a minus was lost"),
    ("Инфляция составила 5%.", "Inflation was -5%.", "ru", "en",
     "the sign '5%' of the source is '-5%' in the translation: a minus was lost or added"),
])
def test_a_minus_lost_from_a_percentage_is_a_numbers_error(source: str, output: str, src: str, tgt: str,
                                                          message: str) -> None:
    """Regression: -5% may be told as a fall of 5%, so it matched any 5%, and a translation
    that dropped the minus with no word for a fall (Inflation was -5% → Инфляция составила
    5%) passed; a signed percentage whose figure the other side writes without a sign and
    with no word for a fall or for less anywhere is now an error."""
    findings = [f for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    [finding] = [f for f in findings if message in f.message]
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Inflation was minus 5%.", "Инфляция составила минус 5%.", "en", "ru"),
    ("Exports: -5% in May.", "Экспорт в мае: на 5% меньше.", "en", "ru"),
    ("Exports fell again: -5% in May.", "Экспорт снова упал: в мае на 5%.", "en", "ru"),
    ("GDP growth was -0.5% in Q1.", "Birinci rübdə ÜDM 0,5% azalıb.", "en", "az"),
    ("Budget balance: -5% of GDP.", "Дефицит бюджета: 5% ВВП.", "en", "ru"),
    ("The index closed at -2%.", "Индекс закрылся с потерей 2%.", "en", "ru"),
    ("Real wages: -1.5% year on year.", "Real maaşlar bir ildə 1,5% geriləyib.", "en", "az"),
])
def test_a_minus_told_as_a_fall_or_kept_passes(source: str, output: str, src: str, tgt: str) -> None:
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt", "message"), [
    ("The shop opens at 8pm.", "Магазин открывается в 8:00.", "en", "ru",
     "the time '8pm' of the source is '8:00' in the translation"),
    ("The shop opens at 8:30 p.m.", "Mağaza saat 8:30-da açılır.", "en", "az",
     "the time '8:30 p.m.' of the source is '8:30' in the translation"),
    ("Магазин открывается в 8:00.", "The shop opens at 8pm.", "ru", "en",
     "the time '8:00' of the source is '8pm' in the translation"),
    ("Mağaza axşam saat 8-də açılır.", "Магазин открывается в 8:00.", "az", "ru",
     "the time '8' of the source is '8:00' in the translation"),
    ("The shop opens at 7 in the evening.", "Магазин открывается в 7:00.", "en", "ru",
     "the time '7' of the source is '7:00' in the translation"),
])
def test_an_evening_time_given_the_morning_s_hour_is_a_numbers_error(source: str, output: str, src: str,
                                                                    tgt: str, message: str) -> None:
    """Regression: 8pm reads 8 as well as 20 (a translation may say 'в 8 вечера'), so a
    translation writing 8:00, which on the 24-hour clock is the morning, passed; an evening
    time whose other side writes the morning's hour on the 24-hour clock, and nowhere the
    evening's, is now an error."""
    findings = [f.message for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert any(message in m for m in findings), findings


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("The shop opens at 8pm.", "Магазин открывается в 20:00.", "en", "ru"),
    ("Opens at 8am, closes at 8pm.", "Открывается в 8:00, закрывается в 20:00.", "en", "ru"),
    ("Mağaza axşam saat 8-də açılır.", "Магазин открывается в 8:00 вечера.", "az", "ru"),
    ("The shop opens at 8pm.", "Магазин открывается в 8 вечера.", "en", "ru"),
    ("The shop opens at 7 in the evening.", "Магазин открывается в 19:00.", "en", "ru"),
    ("The raid came at 11 at night.", "Рейд начался в 23:00.", "en", "ru"),
])
def test_an_evening_time_on_either_clock_passes(source: str, output: str, src: str, tgt: str) -> None:
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("It is the challenge of the 21st century.", "Это вызов XXI века.", "en", "ru"),
    ("It is the challenge of the 21st century.", "Bu, XXI əsrin çağırışıdır.", "en", "az"),
    ("Это вызов XXI века.", "It is the challenge of the 21st century.", "ru", "en"),
    ("Это вызов ХХ века.", "It was the challenge of the 20th century.", "ru", "en"),
    ("Built in the 19th and 20th centuries.", "Построено в XIX–XX вв.", "en", "ru"),
    ("The mosque dates from the 12th century.", "Мечеть датируется XII веком.", "en", "ru"),
])
def test_a_century_in_roman_numerals_is_its_number(source: str, output: str, src: str,
                                                   tgt: str) -> None:
    """Regression: a century written in Roman numerals, as Russian and Azerbaijani write it
    (XXI век, XXI əsr), was no number, so a correct 'XXI века' for '21st century' was
    reported as 21 missing; Roman numerals before a word for century are now its number."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("It is the challenge of the 21st century.", "Это вызов XX века.", "en", "ru"),
    ("Это вызов XXI века.", "It is the challenge of the 20th century.", "ru", "en"),
    ("Bu, XXI əsrin çağırışıdır.", "Это вызов XIX века.", "az", "ru"),
])
def test_a_century_in_roman_numerals_changed_is_a_numbers_error(source: str, output: str, src: str,
                                                                tgt: str) -> None:
    assert "numbers" in [f.check for f in check_entry(source, output, src, tgt)]


def test_roman_numerals_of_a_name_are_no_number() -> None:
    assert "numbers" not in [f.check for f in check_entry(
        "After World War II, Pope John Paul II visited in 1979.",
        "После Второй мировой войны Иоанн Павел Второй приехал в 1979 году.", "en", "ru")]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Prices rose sharply in the 1990s.", "Цены резко выросли в 90-х.", "en", "ru"),
    ("Prices rose sharply in the 1990s.", "Qiymətlər 90-cı illərdə kəskin artdı.", "en", "az"),
    ("Цены резко выросли в 90-е годы.", "Prices rose sharply in the 1990s.", "ru", "en"),
    ("Цены резко выросли в 2010-х.", "Prices rose sharply in the 2010s.", "ru", "en"),
    ("Prices rose sharply in the 2010s.", "Цены резко выросли в 10-х годах.", "en", "ru"),
])
def test_a_decade_written_short_is_its_decade(source: str, output: str, src: str, tgt: str) -> None:
    """Regression: a decade by its last two figures (в 90-х, 90-cı illərdə for the 1990s) was
    reported as 1990 missing and 90 added; such a decade also reads as 1990 or 2090 (1910 or 2010)."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


def test_a_decade_written_short_changed_is_a_numbers_error() -> None:
    assert "numbers" in [f.check for f in check_entry(
        "Prices rose sharply in the 1990s.", "Цены резко выросли в 80-х.", "en", "ru")]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Three people were detained.", "Были задержаны 3 человека.", "en", "ru"),
    ("3 people were detained.", "Были задержаны три человека.", "en", "ru"),
    ("3 people were detained.", "Üç nəfər saxlanılıb.", "en", "az"),
    ("Üç nəfər saxlanılıb.", "3 people were detained.", "az", "en"),
    ("Были задержаны трое.", "3 people were detained.", "ru", "en"),
    ("It was the 3rd round of talks.", "Это был третий раунд переговоров.", "en", "ru"),
    ("It was the second round of talks.", "Bu, danışıqların 2-ci raundu idi.", "en", "az"),
    ("Three million people voted.", "Проголосовали 3 млн человек.", "en", "ru"),
    ("Prices doubled, rising 2 times.", "Цены выросли вдвое, в два раза.", "en", "ru"),
])
def test_a_figure_written_in_words_on_the_other_side_is_the_same_number(
        source: str, output: str, src: str, tgt: str) -> None:
    """Regression: a small number written in words on one side and in figures on the other
    (3 people → три человека, Three people → 3 человека, 3rd → третий) was reported as
    missing or added; a figure may now be matched by the other side's number word."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Three people were detained.", "Были задержаны 4 человека.", "en", "ru"),
    ("3 people were detained.", "Были задержаны четыре человека.", "en", "ru"),
    ("3 people were detained.", "Dörd nəfər saxlanılıb.", "en", "az"),
    ("It was the 3rd round of talks.", "Это был четвёртый раунд переговоров.", "en", "ru"),
    ("Three million people voted.", "Проголосовали 3 тыс. человек.", "en", "ru"),
])
def test_a_figure_against_another_number_word_is_a_numbers_error(
        source: str, output: str, src: str, tgt: str) -> None:
    assert "numbers" in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Twenty-seven athletes will compete.", "Выступят 27 спортсменов.", "en", "ru"),
    ("Twenty-seven athletes will compete.", "27 idmançı yarışacaq.", "en", "az"),
    ("27 athletes will compete.", "Выступят двадцать семь спортсменов.", "en", "ru"),
    ("Выступят двадцать семь спортсменов.", "27 athletes will compete.", "ru", "en"),
    ("İyirmi yeddi idmançı yarışacaq.", "Выступят 27 спортсменов.", "az", "ru"),
    ("27 idmançı yarışacaq.", "Twenty-seven athletes will compete.", "az", "en"),
    ("On üç nəfər yaralanıb.", "13 people were injured.", "az", "en"),
    ("Fifteen people were injured.", "Пострадали 15 человек.", "en", "ru"),
    ("It was the 21st session.", "Это была двадцать первая сессия.", "en", "ru"),
    ("Forty million people voted.", "Проголосовали 40 млн человек.", "en", "ru"),
    ("Ninety-nine votes were cast.", "Подано девяносто девять голосов, 99.", "en", "ru"),
])
def test_a_compound_number_in_words_is_its_number(source: str, output: str, src: str,
                                                  tgt: str) -> None:
    """Regression: only one to twelve were read in words, so 'Twenty-seven' (двадцать семь,
    iyirmi yeddi) against 27 was reported as 27 added or missing; the tens, the teens and
    a ten with its unit are read now, up to ninety-nine."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Twenty-seven athletes will compete.", "Выступят 29 спортсменов.", "en", "ru"),
    ("27 athletes will compete.", "Выступят двадцать восемь спортсменов.", "en", "ru"),
    ("İyirmi yeddi idmançı yarışacaq.", "Выступят 20 спортсменов.", "az", "ru"),
    ("27 athletes will compete.", "Выступят двадцать спортсменов.", "en", "ru"),
])
def test_a_compound_number_in_words_against_another_figure_is_a_numbers_error(
        source: str, output: str, src: str, tgt: str) -> None:
    assert "numbers" in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Голосование пройдёт в 17.30.", "The vote is at 5:30 p.m.", "ru", "en"),
    ("Голосование пройдёт в 17.30.", "Səsvermə saat 17:30-da keçiriləcək.", "ru", "az"),
    ("The vote is at 5:30 p.m.", "Голосование пройдёт в 17.30.", "en", "ru"),
    ("The vote is at 17:30.", "Голосование пройдёт в 17.30.", "en", "ru"),
])
def test_a_time_written_with_a_dot_is_the_same_time(source: str, output: str, src: str,
                                                    tgt: str) -> None:
    """Regression: a time written with a dot (в 17.30), one figure, against the same time
    written with a colon (17:30, 5:30 p.m.), two figures, was reported as 17.30 missing and
    17 and 30 added; one side's hour and minutes next to each other now match the other's."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


def test_a_time_written_with_a_dot_changed_is_a_numbers_error() -> None:
    assert "numbers" in [f.check for f in check_entry(
        "Голосование пройдёт в 17.30.", "The vote is at 5:45 p.m.", "ru", "en")]





@pytest.mark.parametrize(("source", "output", "tgt"), [
    ("The project costs €3m.", "Проект стоит 3 млн евро.", "ru"),
    ("The project costs £2.5m.", "Layihə 2,5 milyon funt sterlinqə başa gəlir.", "az"),
    ("The fee is $50k.", "Гонорар составляет 50 тыс. долларов.", "ru"),
])
def test_a_scale_letter_glued_to_an_amount_is_a_scale_word(source: str, output: str, tgt: str) -> None:
    """Regression: 'm' and 'k' glued to an amount after a currency sign (€3m, $50k), as the
    British and business press write millions and thousands, were no scale words, so a
    correct '3 млн евро' was reported as a scale word added."""
    assert "numbers" not in [f.check for f in check_entry(source, output, "en", tgt)]


@pytest.mark.parametrize(("source", "output"), [
    ("The project costs €3m.", "Проект стоит 3 млрд евро."),
    ("The wall is 3m high.", "Стена высотой 3 млн."),
])
def test_a_scale_letter_changed_or_a_unit_is_still_reported(source: str, output: str) -> None:
    assert "numbers" in [f.check for f in check_entry(source, output, "en", "ru")]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("The flight takes 40 min.", "Полёт длится 40 минут.", "en", "ru"),
    ("The flight takes 40 min.", "Uçuş 40 dəqiqə çəkir.", "en", "az"),
    ("Полёт длится 40 мин.", "The flight takes 40 min.", "ru", "en"),
    ("Bilet 40 min manatdır.", "The ticket is 40,000 manat.", "az", "en"),
    ("The ticket is 40,000 manat.", "Bilet 40 min manatdır.", "en", "az"),
])
def test_min_is_thousands_only_in_azerbaijani(source: str, output: str, src: str, tgt: str) -> None:
    """Regression: 'min' was a scale word in every language, so English '40 min' (minutes)
    read as 40,000 and a correct '40 минут' was reported as its scale word lost; only
    Azerbaijani writes thousands so."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("The plant will cost 1.5 million manat.", "Завод обойдётся в полтора миллиона манатов.", "en", "ru"),
    ("Около полутора тысяч человек вышли на улицы.", "About 1,500 people took to the streets.", "ru", "en"),
    ("The plant will cost 1.5 million manat.", "Zavod bir yarım milyon manata başa gələcək.", "en", "az"),
    ("It took one and a half years, or 18 months.", "Это заняло 1,5 года, или 18 месяцев.", "en", "ru"),
])
def test_one_and_a_half_in_words_is_1_5(source: str, output: str, src: str, tgt: str) -> None:
    """Regression: 'полтора миллиона' for '1.5 million' (Russian writes one and a half in a
    word) was reported as 1.5 million missing; полтора, one and a half and bir yarım now
    stand in for 1.5 as the other number words do."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


def test_one_and_a_half_against_another_figure_is_a_numbers_error() -> None:
    assert "numbers" in [f.check for f in check_entry(
        "The plant will cost 2.5 million manat.", "Завод обойдётся в полтора миллиона манатов.", "en", "ru")]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("About 2,000-3,000 people protested.", "Протестовали около 2–3 тыс. человек.", "en", "ru"),
    ("Протестовали около 2–3 тыс. человек.", "About 2,000-3,000 people protested.", "ru", "en"),
    ("The port needs 5-7 million manat.", "Limana 5-7 milyon manat lazımdır.", "en", "az"),
    ("The port needs 5,000,000-7,000,000 manat.", "Limana 5 - 7 milyon manat lazımdır.", "en", "az"),
])
def test_a_range_sharing_its_scale_word_is_the_same_range(source: str, output: str, src: str,
                                                          tgt: str) -> None:
    """Regression: a range whose scale word follows only its last figure (2–3 тыс.) against
    the same range written out (2,000-3,000) was reported as 2,000 missing and 2 added; the
    first figure of such a range may now also take the scale word."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


def test_a_range_sharing_its_scale_word_changed_is_a_numbers_error() -> None:
    assert "numbers" in [f.check for f in check_entry(
        "About 2,000-3,000 people protested.", "Протестовали около 2–4 тыс. человек.", "en", "ru")]


def test_urls_code_and_markup() -> None:
    source = "See *the* [report](https://example.org/r) and run `make all` <br>."
    good = "См. *этот* [доклад](https://example.org/r) и запустите `make all` <br>."
    assert checks_fired(source, good) == []
    bad = "См. этот [доклад](https://example.org/x) и запустите `make` ."
    assert sorted(set(checks_fired(source, bad))) == [
        ("code", Severity.ERROR), ("markup", Severity.ERROR), ("urls", Severity.ERROR)]
    unlinked = "См. *этот* доклад https://example.org/r и запустите `make all` <br>."
    (finding,) = check_entry(source, unlinked, "en", "ru")
    assert (finding.check, finding.message) == ("markup", "markup differs: links 1→0")


def test_dropped_reference_link_brackets_are_markup() -> None:
    """Regression: a translation that dropped a full or collapsed reference link's brackets
    (``[map][]``, ``[report][rep]``) lost the link silently; only inline links were counted."""
    source = "Read the [summary], the [map][] and the [report][rep]."
    assert checks_fired(source, "Читайте [резюме], [карту][] и [доклад][rep].") == []
    (finding,) = check_entry(source, "Читайте [резюме], карту и [доклад][rep].", "en", "ru")
    assert (finding.check, finding.message) == ("markup", "markup differs: reference links 2→1")
    # Escaped brackets and footnote references are no links.
    assert checks_fired("A \\[sic\\] note[^1].", "Заметка[^1] \\[sic\\].") == []


@pytest.mark.parametrize("source, translation", [
    ("He called it “a [sic] mistake”.", "Он назвал это «ошибкой»."),
    ("“We support [these countries’] goals,” he said.", "«Мы поддерживаем цели этих стран», — сказал он."),
    ("The minister said the bill passed.", "Nazir bildirib ki, qanun layihəsi [parlamentdə] qəbul edilib."),
    ("Read the [summary] first.", "Сначала прочтите резюме."),
])
def test_editorial_brackets_a_translator_reworks_are_no_markup_finding(source: str, translation: str) -> None:
    """A human translation drops [sic], works an editor's [these countries’] into the sentence
    or adds a note in brackets: counting every bracket pair flagged 7 of 12 such correct
    translations. Which brackets are shortcut links only the article knows, so they are not
    counted (machine translation keeps them as placeholders)."""
    assert [check for check, _ in checks_fired(source, translation) if check == "markup"] == []


def test_extension_markup_and_keys_lost_are_markup() -> None:
    """Regression: a translation that dropped an emoji shortcode, a highlight's ``==``, a
    subscript's ``~`` or rewrote a citation key published a broken article unreported."""
    source = "Prices :chart_with_upwards_trend: ==rose== in H~2~O and E = mc^2^ [@smith2020, p. 4]."
    good = "Цены :chart_with_upwards_trend: ==выросли== в H~2~O и E = mc^2^ [@smith2020, с. 4]."
    assert [check for check, _ in checks_fired(source, good) if check == "markup"] == []
    bad = "Цены ==выросли в H2O и E = mc2 [@смит2020, с. 4]."
    (finding,) = check_entry(source, bad, "en", "ru", only=["markup"])
    assert finding.message == ("markup differs: :chart_with_upwards_trend: 1→0, == 2→1, @smith2020 1→0, "
                               "@смит2020 0→1, subscripts 1→0, superscripts 1→0")
    # Times, comparisons, approximations and powers are text on both sides.
    assert check_entry("At 10:30:15, a == b, ~5 km, x^2.", "В 10:30:15 a = b, около 5 км, x².", "en", "ru",
                       only=["markup"]) == []


def test_an_ordinal_suffix_raised_after_its_number_is_the_target_language_s_business() -> None:
    """``1^st^`` is written ``1-е`` in Russian and ``1-ci`` in Azerbaijani: dropping the raised
    suffix is a correct translation, not lost markup; a raised exponent still counts."""
    assert check_entry("She came 1^st^ of 20^th^.", "Она пришла 1-й из 20.", "en", "ru", only=["markup"]) == []
    assert check_entry("Prize 1^er^.", "1-ci mükafat.", "fr", "az", only=["markup"]) == []
    (finding,) = check_entry("Area 5 km^2^ of 1^st^ zone.", "Площадь 5 км2 1-й зоны.", "en", "ru", only=["markup"])
    assert finding.message == "markup differs: superscripts 1→0"


def test_tex_math_changed_or_lost() -> None:
    """Regression: a translation that changed a formula (``$x^2$`` written with a Cyrillic
    ``х``) or dropped it was not reported; prices are no formula."""
    source = "The formula $x^2 + y$ holds at $5 and $10."
    assert checks_fired(source, "Формула $x^2 + y$ верна при $5 и $10.") == []
    (finding,) = check_entry(source, "Формула $х^2 + y$ верна при $5 и $10.", "en", "ru")[:1]
    assert (finding.check, finding.message) == ("code", "math changed or lost: $x^2 + y$")


def test_template_tags_changed_or_lost() -> None:
    """Regression: a translated shortcode name or argument (``{{< фигуре >}}``) broke the
    site build and no check said so."""
    source = 'Read {{< ref "port.md" >}} and {% include note.html %} now.'
    assert checks_fired(source, 'Читайте {{< ref "port.md" >}} и {% include note.html %}.') == []
    bad = 'Читайте {{< реф "port.md" >}} и сейчас.'
    assert checks_fired(source, bad) == [("template", Severity.ERROR), ("template", Severity.ERROR)]
    assert "template" in CHECKS


def test_template_check_names_a_stray_delimiter() -> None:
    """Regression: a translation that kept every tag but added a stray ``{{<`` or ``>}}`` was
    held back from publishing as a broken shortcode, yet ``check`` and the review queue said
    nothing, so the editor could not find the entry the hold pointed to."""
    source = 'The port {{< abbr title="Baku port" >}} grew.'
    stray = 'Порт {{< abbr title="Baku port" >}} вырос. {{<'
    assert checks_fired(source, stray) == [("template", Severity.ERROR)]
    assert checks_fired(source, 'Порт {{< abbr title="Baku port" >}} вырос >}}.') == [("template", Severity.ERROR)]


def test_a_translated_positional_text_argument_passes_and_a_changed_tag_does_not() -> None:
    """With ``[templates] text_arguments``, a shortcode's positional text is an entry of its
    own: its translation there passes every check, while the paragraph's entry still reports
    a tag renamed, a non-text argument changed (a path), or a tag lost; a text argument
    translated inside the paragraph's tag is reported as a named one is (translate its own
    entry instead)."""
    from pipeline.markdown import read_article

    source = 'He said {{< pullquote "We will grow" "photos/port.jpg" >}} today.\n'
    art = read_article(source.encode(), path="source/a.md", slug="a", default_lang="en", front_matter_keys=(),
                       text_arguments={"pullquote": frozenset({1})})
    paragraph, argument = (segment.msgid for segment in art.segments)
    assert argument == "We will grow"
    assert checks_fired(argument, "Мы вырастем") == []
    assert checks_fired(paragraph, 'Он сказал {{< pullquote "We will grow" "photos/port.jpg" >}} сегодня.') == []
    for broken in ('Он сказал {{< цитата "We will grow" "photos/port.jpg" >}} сегодня.',
                   'Он сказал {{< pullquote "We will grow" "фото/порт.jpg" >}} сегодня.',
                   "Он сказал сегодня.",
                   'Он сказал {{< pullquote "Мы вырастем" "photos/port.jpg" >}} сегодня.'):
        assert ("template", Severity.ERROR) in checks_fired(paragraph, broken), broken


def test_untranslated_long_segment() -> None:
    source = "The government has not answered the questions of journalists."
    assert checks_fired(source, source) == [("untranslated", Severity.WARNING)]
    assert checks_fired("Meydan TV", "Meydan TV") == []


@pytest.mark.parametrize(("source", "src", "tgt", "warned"), [
    ("Port expansion", "en", "ru", True),  # a heading exported as its source text
    ("Расширение порта", "ru", "en", True),
    ("Расширение порта", "ru", "az", True),
    ("Ильхам Алиев", "ru", "en", True),  # a name is transliterated too
    ("Meydan TV", "en", "ru", False),  # a Latin name or outlet may be kept
    ("Photo: AP", "en", "ru", False),
    ("iPhone 15 Pro", "en", "ru", False),
    ("Reuters", "ru", "en", False),
    ("Port expansion", "en", "az", False),  # the same script: too short to tell
])
def test_a_short_segment_kept_in_the_sources_script_is_untranslated(source: str, src: str, tgt: str,
                                                                    warned: bool) -> None:
    """Regression: a heading or caption left as its source text (Crowdin's and Transifex's
    'export untranslated as source', read as reviewed) went online in a Russian version in
    English with no finding, being under four words; into another script, a word the
    target cannot have kept is told at any length."""
    assert (check_entry(source, source, src, tgt) != []) is warned


def test_quotations_in_a_different_order(glossary: Glossary) -> None:
    source = "“We sell 90 percent,” said Karimov, “and buy 80 percent.”"
    output = "«И покупаем 80 процентов», — сказал Керимов, — «мы продаём 90 процентов»."
    assert checks_fired(source, output, glossary) == [("quote-order", Severity.WARNING)]


def test_postprocessors_repair_what_they_can_and_checks_flag_the_rest(glossary: Glossary) -> None:
    processors = [glossary_postprocessor(glossary), quotes_postprocessor()]

    def machine(output: str) -> tuple[str, list[str]]:
        problems: list[str] = []
        for process in processors:
            output, found = process(SOURCE, output, "en", "ru")
            problems += found
        return output, problems

    repaired, problems = machine('"Наш газ идёт на запад", - сказал Рашад Каримов.')
    assert (repaired, problems) == ("«Наш газ идёт на запад», - сказал Рашад Керимов.", [])
    assert checks_fired(SOURCE, repaired, glossary) == []

    dropped, problems = machine("Наш газ идёт на запад, - сказал Рашад Керимов.")
    assert problems == [] and checks_fired(SOURCE, dropped, glossary) == [
        ("quote-count", Severity.ERROR)]

    lost, problems = machine("«Наш газ идёт на запад», — сказал он.")
    assert problems and problems[0].startswith("glossary:")
    assert checks_fired(SOURCE, lost, glossary) == [("speaker", Severity.ERROR)]


def test_entry_checker_binds_glossary_and_speakers(glossary: Glossary) -> None:
    check = entry_checker(glossary, {"“Yes,” he said.": ("Karimov",)})
    assert [f.check for f in check("“Yes,” he said.", "«Да», — сказал он.", "en", "ru")] == [
        "speaker"]


def test_segment_speakers_see_the_whole_article() -> None:
    segments = ["Economist Rashad Karimov spoke.", "“No,” Karimov said.", "“Yes,” he said."]
    assert segment_speakers(segments, "en") == [(), ("Karimov",), ("he",)]


def test_check_catalogues_fills_location_and_checks_fuzzy_entries(glossary: Glossary) -> None:
    catalogue = catalogue_of([
        ("Economist Rashad Karimov spoke.", "Экономист Рашад Керимов выступил.", 10, False),
        ("“It fell by 90 percent,” Karimov said.", "«Упало на 80 процентов», — сказал Керимов.",
         14, True),
        ("Not translated yet, a long sentence here.", "", 18, False),
    ])
    findings = check_catalogues([("locale/ru/a.po", "en", "ru", catalogue)], glossary)
    assert [(f.check, f.path, f.line, f.lang) for f in findings] == [
        ("numbers", "locale/ru/a.po", 14, "ru"), ("numbers", "locale/ru/a.po", 14, "ru")]
    assert findings[0].msgid.startswith("“It fell")
    assert findings[0].render().startswith("locale/ru/a.po:14: error: [numbers]")


def test_divergent_translations_of_one_quotation_across_the_corpus() -> None:
    source = "“We will not sell the gas fields,” said Karimov."
    items = [
        ("ru/a.po", "en", "ru", catalogue_of([(source, "«Мы не продадим газовые месторождения», "
                                                     "— сказал Керимов.", 5, False)])),
        ("ru/b.po", "en", "ru", catalogue_of([(source, "«Мы не продадим месторождения газа», "
                                                     "— сказал Керимов.", 7, True)])),
        ("ru/c.po", "en", "ru", catalogue_of([(source, "«Мы не продадим газовые месторождения», "
                                                     "— заявил Керимов.", 9, False)])),
    ]
    findings = [f for f in check_catalogues(items) if f.check == "quote-divergence"]
    assert [(f.path, f.line, f.severity) for f in findings] == [("ru/b.po", 7, Severity.WARNING)]
    assert "ru/a.po:5" in findings[0].message


def test_russian_dash_interrupted_quotation_counts_as_two_parts() -> None:
    source = "“The berths were full,” Karimov said. “This fixes the bottleneck.”"
    good = "«Причалы были заняты, — сказал Керимов. — Это устраняет узкое место»."
    dropped = "«Причалы были заняты», — сказал Керимов."
    assert not [f for f in check_entry(source, good, "en", "ru") if f.check == "quote-count"]
    assert [f for f in check_entry(source, dropped, "en", "ru") if f.check == "quote-count"]


def test_divergence_reference_is_the_most_common_translation_first_seen() -> None:
    source = "“We will not sell the gas fields,” said Karimov."
    usual = "«Мы не продадим газовые месторождения», — сказал Керимов."
    other = "«Мы не продадим месторождения газа», — сказал Керимов."
    items = [(f"ru/{name}.po", "en", "ru", catalogue_of([(source, text, line, False)]))
             for name, text, line in (("a", other, 1), ("b", usual, 2), ("c", usual, 3),
                                      ("d", other, 4))]
    findings = [f for f in check_catalogues(items) if f.check == "quote-divergence"]
    assert [(f.path, f.line) for f in findings] == [("ru/b.po", 2), ("ru/c.po", 3)]
    assert all("ru/a.po:1" in f.message for f in findings)


def test_divergence_reference_is_a_reviewed_translation_not_repeated_machine_output() -> None:
    """One engine repeats its output word for word in every article: two unreviewed machine
    translations must not outvote the reviewed one and have it reported as the odd one out."""
    source = "“We will not sell the gas fields,” said Karimov."
    machine = "«Мы не будем продавать газовые поля», — сказал Керимов."
    reviewed = "«Мы не продадим газовые месторождения», — сказал Керимов."
    items = [(f"ru/{name}.po", "en", "ru", catalogue_of([(source, text, line, fuzzy)]))
             for name, text, line, fuzzy in (("a", machine, 1, True), ("b", machine, 2, True),
                                             ("c", reviewed, 3, False))]
    findings = [f for f in check_catalogues(items) if f.check == "quote-divergence"]
    assert [(f.path, f.line) for f in findings] == [("ru/a.po", 1), ("ru/b.po", 2)]
    assert all("ru/c.po:3" in f.message for f in findings)
    # With nothing reviewed yet, the most common translation is still the reference.
    unreviewed = [(path, src, tgt, catalogue_of([(source, cat.messages[0].msgstr, cat.messages[0].lineno, True)]))
                  for path, src, tgt, cat in items]
    assert [(f.path, f.line) for f in check_catalogues(unreviewed)
            if f.check == "quote-divergence"] == [("ru/c.po", 3)]


def test_divergence_sees_one_quotation_whatever_the_clause_punctuation_inside_the_marks() -> None:
    """English puts the sentence's comma or full stop inside the marks: “…,” said X and
    X said: “….” quote the same words, and are one quotation across the corpus. The
    translations' own end punctuation does not make them differ either."""
    said = "“We will not sell the gas fields,” said Karimov."
    colon = "Karimov was blunt: “We will not sell the gas fields.”"
    items = [
        ("ru/a.po", "en", "ru", catalogue_of([(said, "«Мы не продадим газовые месторождения», "
                                                   "— сказал Керимов.", 1, False)])),
        ("ru/b.po", "en", "ru", catalogue_of([(colon, "Керимов был категоричен: «Мы не продадим "
                                                    "газовые месторождения.»", 2, False)])),
        ("ru/c.po", "en", "ru", catalogue_of([(colon, "Керимов был категоричен: «Газовые "
                                                    "месторождения мы не продадим».", 3, False)])),
        ("ru/d.po", "en", "ru", catalogue_of([(said, "«Мы не продадим газовые месторождения», "
                                                   "— заявил Керимов.", 4, False)])),
    ]
    findings = [f for f in check_catalogues(items) if f.check == "quote-divergence"]
    assert [(f.path, f.line) for f in findings] == [("ru/c.po", 3)]
    assert "ru/a.po:1" in findings[0].message


def test_per_catalogue_parts_joined_give_the_same_findings(glossary: Glossary) -> None:
    """Sync checks each catalogue in the worker that writes it and joins the parts in the
    parent: entry findings in catalogue order, then divergence across all of them."""
    source = "“We will not sell the gas fields,” said Karimov."
    items = [(f"ru/{name}.po", "en", "ru", catalogue_of([
        (source, text, line, False), ("It fell by 90 percent.", "Упало на 80 процентов.", line + 4, False)]))
        for name, text, line in (("a", "«Мы не продадим месторождения газа», — сказал Керимов.", 1),
                                 ("b", "«Мы не продадим газовые месторождения», — сказал Керимов.", 2),
                                 ("c", "«Мы не продадим газовые месторождения», — сказал Керимов.", 3))]
    whole = check_catalogues(items, glossary)
    checker = CatalogueChecker(glossary)
    parts = [pickle.loads(pickle.dumps(checker.per_catalogue(item))) for item in items]
    assert checker.corpus(parts) == whole == checker(items)
    assert [f.check for f in whole] == ["numbers"] * 6 + ["quote-divergence"]
    assert [f.path for f in whole][:6:2] == ["ru/a.po", "ru/b.po", "ru/c.po"]
    assert parts[0] == check_catalogue(*items[0], glossary) and parts[0].quoted


def test_speaker_named_by_surname_alone_is_spelled_as_the_glossary_spells_the_full_name() -> None:
    """“…,” Gasimli added: the glossary has a row for Azer Gasimli only, and that row also
    decides how the surname is spelled (ru Гасымлы, az Qasımlı), inflected or not."""
    names = read_glossary(io.StringIO("en,ru,az,kind\nAzer Gasimli,Азер Гасымлы,Azər Qasımlı,person\n"
                                      "Rashad Karimov,Рашад Керимов,Rəşad Kərimov,person\n"))
    source = "“A turning point for the region,” Gasimli added."

    def speaker(translation: str, src: str = source, src_lang: str = "en", tgt: str = "ru") -> list[str]:
        return [f.message for f in check_entry(src, translation, src_lang, tgt, glossary=names)
                if f.check == "speaker"]

    assert speaker("«Поворотный момент для региона», — добавил Гасымлы.") == []
    assert speaker("«Поворотный момент для региона», — добавил Азер Гасымлы.") == []
    assert speaker("«Поворотный момент для региона», — добавил Гасимли.") == [
        "speaker 'Gasimli' is spelled 'Гасимли'; the glossary says 'Гасымлы' (as in 'Azer Gasimli')"]
    assert speaker("«Поворотный момент для региона», — добавил Gasimli.") == [
        "speaker 'Gasimli' is spelled 'Gasimli'; the glossary says 'Гасымлы' (as in 'Azer Gasimli')"]
    assert speaker("“Region üçün dönüş nöqtəsi”, - Qasımlı əlavə edib.", tgt="az") == []
    assert speaker("“Region üçün dönüş nöqtəsi”, - Qasimli əlavə edib.", tgt="az") == [
        "speaker 'Gasimli' is spelled 'Qasimli'; the glossary says 'Qasımlı' (as in 'Azer Gasimli')"]
    # A case ending on the source's surname; a surname no name row ends with is left alone.
    inflected = "По словам Керимова, «это поворотный момент для региона»."
    assert speaker("According to Karimov, “this is a turning point for the region.”",
                   inflected, "ru", "en") == []
    assert speaker("According to Kerimov, “this is a turning point for the region.”",
                   inflected, "ru", "en") == [
        "speaker 'Керимова' is spelled 'Kerimov'; the glossary says 'Karimov' (as in 'Рашад Керимов')"]
    assert speaker("«Поворотный момент», — добавил Мамедов.",
                   "“A turning point,” Mammadov added.") == []


def test_a_surname_speaker_compiles_no_pattern_per_glossary_row() -> None:
    """Regression: a speaker named by surname alone was matched against every name row of
    the glossary by compiling that row's pattern, so a glossary of 50,000 people made
    ``pipeline check`` take about a minute on three articles. Only the rows whose words the
    speaker's name holds are compiled now, and the check still finds the row."""
    from pipeline.glossary import term_pattern
    rows = "".join(f"Person{i:05d} Name{i:05d},Персона{i:05d} Имя{i:05d},Persona{i:05d} Ad{i:05d},person\n"
                   for i in range(5000))
    names = read_glossary(io.StringIO("en,ru,az,kind\n" + rows + "Azer Gasimli,Азер Гасымлы,Azər Qasımlı,person\n"))
    term_pattern.cache_clear()
    found = [f.message for f in check_entry("“A turning point for the region,” Gasimli added.",
                                            "«Поворотный момент для региона», — добавил Гасимли.", "en", "ru",
                                            glossary=names) if f.check == "speaker"]
    assert found == ["speaker 'Gasimli' is spelled 'Гасимли'; the glossary says 'Гасымлы' (as in 'Azer Gasimli')"]
    assert term_pattern.cache_info().misses < 100


@pytest.mark.parametrize("translation", [
    "«Мы готовы, — сказал Рашад Керимов.",
    "«Наш газ идёт на запад, — сказал Рашад Керимов. «Но не сейчас».",
])
def test_a_lost_closing_mark_is_an_error(glossary: Glossary, translation: str) -> None:
    # The unclosed opener counted as a quotation, so the count agreed and nothing was said.
    findings = check_entry(SOURCE if "Но" not in translation
                           else "“Our gas goes west,” said Rashad Karimov. “But not now.”",
                           translation, "en", "ru", glossary=glossary, only=["quote-count"])
    assert [f.check for f in findings] == ["quote-count"]
    assert "never closed" in findings[0].message


def test_a_quotation_going_on_in_the_next_paragraph_may_stay_open(glossary: Glossary) -> None:
    findings = check_entry("“Our gas goes west,” said Rashad Karimov. “And more", "«Наш газ идёт на запад», — сказал Рашад Керимов. «И больше",
                           "en", "ru", glossary=glossary, only=["quote-count"])
    assert findings == []


@pytest.mark.parametrize("source, src, translation, tgt", [
    ("«Наш газ идёт на запад, — сказал Рашад Керимов. — Но не сейчас».", "ru",
     "“Our gas goes west,” said Rashad Karimov. “But not now.”", "en"),
    ("«Наш газ идёт на запад, — сказал Рашад Керимов. — Но не сейчас».", "ru",
     "“Qazımız qərbə gedir, – Rəşad Kərimov bildirib. – Amma indi yox”.", "az"),
    ("“Qazımız qərbə gedir, – Rəşad Kərimov bildirib. – Amma indi yox”.", "az",
     "“Our gas goes west,” said Rashad Karimov. “But not now.”", "en"),
])
def test_a_quotation_interrupted_by_dashes_in_the_source_counts_its_parts(
        glossary: Glossary, source: str, src: str, translation: str, tgt: str) -> None:
    # Interruptions were counted in the translation only: a Russian source's one pair of
    # marks with two parts was "1 quotation" against the translation's 2.
    assert checks_fired(source, translation, glossary, tgt=tgt, src=src) == []


@pytest.mark.parametrize("source, src, translation, tgt", [
    ("— Наш газ идёт на запад, — сказал Рашад Керимов.", "ru",
     "“Our gas goes west,” said Rashad Karimov.", "en"),
    ("— Наш газ идёт на запад, — сказал Рашад Керимов. — Но не сейчас.", "ru",
     "“Our gas goes west,” said Rashad Karimov. “But not now.”", "en"),
    ("“Our gas goes west,” said Rashad Karimov.", "en",
     "— Наш газ идёт на запад, — сказал Рашад Керимов.", "ru"),
])
def test_russian_dialogue_dashes_are_direct_speech(glossary: Glossary, source: str, src: str,
                                                   translation: str, tgt: str) -> None:
    # A paragraph opened by a dialogue dash was "0 quotations": a false quote-count error
    # on every correct translation of Russian dialogue, and on Russian dialogue written
    # for an English quotation.
    assert checks_fired(source, translation, glossary, tgt=tgt, src=src) == []


@pytest.mark.parametrize("source, src, translation, tgt", [
    ("— Мы готовы, — сказал министр. — Начинаем завтра.", "ru",
     "［— Мы ğöŧöṽý, — şķåžåł ɱîñîşŧŕ.］ ［— Начинаем žåṽŧŕå.］", "az"),
    ("«Мы готовы, — сказал он. — Но не сейчас».", "ru",
     "［«Мы ğöŧöṽý, — şķåžåł öñ.］ ［— Но ñé şéĵčåş».］", "en"),
    ("– Biz hazırıq, – deyə nazir bildirib. – Sabah başlayırıq.", "az",
     "［– Biz хазıрıя, – деыə назир билдириб.］ ［– Sabah баşлаыıрıя.］", "ru"),
    ("“We are ready,” the minister said. “We start tomorrow.”", "en",
     "［— Мы готовы, — сказал министр.］ ［— Начинаем завтра.］", "ru"),
])
def test_pseudo_brackets_around_sentences_leave_dashes_countable(
        source: str, src: str, translation: str, tgt: str) -> None:
    # The pseudo engine brackets each sentence (［…］): a dialogue paragraph no longer
    # started with its dash, and `.］ ［—` hid an interruption, so every correct pseudo
    # translation of dialogue was "one quotation short".
    assert check_entry(source, translation, src, tgt, only=["quote-count"]) == []


def test_pseudo_brackets_do_not_hide_a_lost_dialogue_dash() -> None:
    assert check_entry("— Мы готовы, — сказал министр. — Начинаем завтра.",
                       "［Мы ğöŧöṽý, şķåžåł ɱîñîşŧŕ.］ ［Начинаем žåṽŧŕå.］", "ru", "az",
                       only=["quote-count"])


def test_dialogue_whose_speech_marks_were_lost_is_an_error(glossary: Glossary) -> None:
    assert checks_fired("— Наш газ идёт на запад, — сказал Рашад Керимов.",
                        "Our gas goes west, said Rashad Karimov.", glossary, tgt="en",
                        src="ru") == [("quote-count", Severity.ERROR)]


@pytest.mark.parametrize("source, src, wrong, good, tgt", [
    ("— Наш газ идёт на запад, — сказал Рашад Керимов.", "ru",
     "“Our gas goes west,” said Leyla Huseynova.", "“Our gas goes west,” said Rashad Karimov.", "en"),
    ("– Qazımız qərbə gedir, – deyə Rəşad Kərimov bildirib.", "az",
     "— Наш газ идёт на запад, — сказала Лейла Гусейнова.",
     "— Наш газ идёт на запад, — сказал Рашад Керимов.", "ru"),
])
def test_a_dialogue_speaker_missing_from_the_translation_is_an_error(
        glossary: Glossary, source: str, src: str, wrong: str, good: str, tgt: str) -> None:
    # Dialogue held no quotation, so its speaker was never checked: the words given to
    # another person passed.
    findings = check_entry(source, wrong, src, tgt, glossary=glossary, only=["speaker"])
    assert [f.check for f in findings] == ["speaker"]
    assert check_entry(source, good, src, tgt, glossary=glossary) == []


@pytest.mark.parametrize("source, src, translation, tgt", [
    ("“Our gas goes west,” said Rashad Karimov.", "en",
     "«Наш газ идёт на запад», — сказал Рашад Ахмедович Керимов.", "ru"),
    ("“Our gas goes west,” said Rashad Karimov.", "en",
     "“Qazımız qərbə gedir”, – deyə Rəşad Əhməd oğlu Kərimov bildirib.", "az"),
    ("«Наш газ идёт на запад», — сказал Рашад Ахмедович Керимов.", "ru",
     "“Our gas goes west,” said Rashad Karimov.", "en"),
    ("«Наш газ идёт на запад», — сказал Рашад Ахмедович Керимов.", "ru",
     "“Qazımız qərbə gedir”, – deyə Rəşad Əhməd oğlu Kərimov bildirib.", "az"),
    ("“Qazımız qərbə gedir”, – deyə Rəşad Əhməd oğlu Kərimov bildirib.", "az",
     "«Наш газ идёт на запад», — сказал Рашад Ахмедович Керимов.", "ru"),
])
def test_a_speaker_named_with_a_patronymic_is_the_glossary_name(
        glossary: Glossary, source: str, src: str, translation: str, tgt: str) -> None:
    # The patronymic split the glossary name: "speaker missing" on a correct translation.
    assert checks_fired(source, translation, glossary, tgt=tgt, src=src) == []


def test_a_woman_named_with_qizi_is_the_glossary_name() -> None:
    glossary = read_glossary(io.StringIO("en,az,ru,kind\nLeyla Huseynova,Leyla Hüseynova,Лейла Гусейнова,person\n"))
    assert checks_fired("“The berths are free,” said Leyla Huseynova.",
                        "“Körpülər boşdur”, – deyə Leyla Əhməd qızı Hüseynova bildirib.", glossary,
                        tgt="az") == []
    assert checks_fired("“The berths are free,” said Leyla Huseynova.",
                        "«Причалы свободны», — сказала Лейла Ахмедовна Гусейнова.", glossary) == []


SWAPPED = ("“Our gas goes west,” said Rashad Karimov. “It does not,” said Leyla Huseynova.",
           "«Наш газ идёт на запад», — сказала Лейла Гусейнова. «Не идёт», — сказал Рашад Керимов.",
           "«Наш газ идёт на запад», — сказал Рашад Керимов. «Не идёт», — сказала Лейла Гусейнова.")


def test_quotations_swapped_between_speakers_are_an_error() -> None:
    # Every name was in the translation, so the swap was published without a finding.
    glossary = read_glossary(io.StringIO(CSV + "Leyla Huseynova,Leyla Hüseynova,Лейла Гусейнова,person\n"))
    source, swapped, good = SWAPPED
    findings = check_entry(source, swapped, "en", "ru", glossary=glossary, only=["speaker"])
    assert len(findings) == 2
    assert "quotation 1 (“Наш газ идёт на запад”) is attributed to 'Лейла Гусейнова'" in findings[0].message
    assert check_entry(source, good, "en", "ru", glossary=glossary) == []


@pytest.mark.parametrize("source, src", [("“Our gas goes west,” said R. Karimov.", "en"),
                                         ("“Qazımız qərbə gedir”, – R. Kərimov bildirib.", "az")])
def test_a_speaker_named_by_initial_and_surname_is_spelled_by_the_glossary(
        source: str, src: str) -> None:
    # 'R. Karimov' matched no glossary row, so any similar-sounding surname passed.
    glossary = read_glossary(io.StringIO("en,az,ru,kind\nRashad Karimov,Rəşad Kərimov,Рашад Керимов,person\n"))
    wrong = check_entry(source, "«Наш газ идёт на запад», — сказал Р. Каримов.", src, "ru",
                        glossary=glossary, only=["speaker"])
    assert len(wrong) == 1
    assert "is spelled 'Каримов'; the glossary says 'Керимов'" in wrong[0].message
    assert check_entry(source, "«Наш газ идёт на запад», — сказал Р. Керимов.", src, "ru",
                       glossary=glossary, only=["speaker"]) == []


def test_a_check_dismissed_on_an_entry_reports_nothing_there() -> None:
    """``#, ignore-numbers`` (Weblate's flag) or ``ignore-numbers`` in a translator comment
    (Poedit, Lokalize) dismisses that check on that entry only, corpus checks included."""
    source = "“We will not sell the gas fields,” said Karimov on 12 May."
    wrong = "«Мы не продадим месторождения газа», — сказал Керимов 15 мая."

    def item(path: str, translation: str, how: str = "") -> tuple:
        catalogue = catalogue_of([(source, translation, 5, False)])
        message = catalogue.messages[0]
        if how == "flag":
            message.flags.append("ignore-numbers")
        elif how == "comment":
            message.comments.append("checked with the desk: ignore-numbers, ignore-quote-divergence")
        return (path, "en", "ru", catalogue)

    reference = item("ru/a.po", "«Мы не продадим газовые месторождения», — сказал Керимов 12 мая.")
    found = {(f.path, f.check) for f in check_catalogues([reference, item("ru/b.po", wrong)])}
    assert {("ru/b.po", "numbers"), ("ru/b.po", "quote-divergence")} <= found
    found = {(f.path, f.check) for f in check_catalogues([reference, item("ru/b.po", wrong, "flag")])}
    assert ("ru/b.po", "numbers") not in found and ("ru/b.po", "quote-divergence") in found
    found = {(f.path, f.check) for f in check_catalogues([reference, item("ru/b.po", wrong, "comment")])}
    assert not {f for f in found if f[0] == "ru/b.po"}


def test_a_quotation_going_on_in_the_next_paragraph_must_stay_open() -> None:
    """Closed in the translation, it reads as if the speaker stopped there (the translator's
    note says to leave it open): a warning; left open as in the source, nothing."""
    source = "“We will build the terminal by May."
    [finding] = check_entry(source, "«Мы построим терминал к маю».", "en", "ru")
    assert (finding.check, finding.severity) == ("quote-count", Severity.WARNING)
    assert "goes on in the next paragraph" in finding.message
    assert check_entry(source, "«Мы построим терминал к маю.", "en", "ru") == []


def test_an_organisation_speaker_written_adjective_first_is_asked_for_by_its_term() -> None:
    # сообщил Бакинский порт: the attribution takes "Бакинский", which no translation has,
    # so a correct one was reported with the speaker missing.
    glossary = read_glossary(io.StringIO("en,ru,kind\nPort of Baku,Бакинский порт,organization\n"))
    source = "«Порт работает круглосуточно», — сообщил Бакинский порт."
    assert check_entry(source, "“The port works around the clock,” the Port of Baku said.", "ru",
                       "en", glossary=glossary, only=["speaker"]) == []
    [missing] = check_entry(source, "“The port works around the clock,” the port said.", "ru",
                            "en", glossary=glossary, only=["speaker"])
    assert "'Port of Baku'" in missing.message


def test_a_quotation_handed_to_the_person_spoken_to_is_an_error() -> None:
    # “…,” Gasimli told Ilham Aliyev → “…,” Ilham Aliyev told Gasimli: both names are there
    # and the swap check compared only two or more quotations, so it passed.
    glossary = read_glossary(io.StringIO("en,ru,kind\nAzer Gasimli,Азер Гасымлы,person\n"
                                         "Ilham Aliyev,Ильхам Алиев,person\n"))
    source = "«Реформа провалилась», — сказал Азер Гасымлы Ильхаму Алиеву."
    [swapped] = check_entry(source, "“The reform has failed,” Ilham Aliyev told Azer Gasimli.",
                            "ru", "en", glossary=glossary, only=["speaker"])
    assert "attributed to 'Ilham Aliyev' in the translation" in swapped.message
    assert check_entry(source, "“The reform has failed,” Azer Gasimli told Ilham Aliyev.", "ru",
                       "en", glossary=glossary, only=["speaker"]) == []


def test_an_interrupted_quotation_going_on_in_the_next_paragraph_counts_its_parts() -> None:
    # English closes and reopens the quotation around its attribution; Russian interrupts
    # one pair of marks with dashes. The Russian style was counted in closed quotations
    # only, so a correct translation of a paragraph whose quotation goes on was an error.
    source = "“We kept our promise,” Karimov said. “Now it is their turn."
    translation = "«Мы сдержали обещание, — сказал Керимов. — Теперь их очередь."
    assert check_entry(source, translation, "en", "ru", only=["quote-count"]) == []
    [lost] = check_entry(source, "«Мы сдержали обещание. Теперь их очередь.", "en", "ru",
                         only=["quote-count"])
    assert "the source has 2 quotations, the translation 1 quotation" in lost.message


@pytest.mark.parametrize("source, src, translation, tgt", [
    ("Газета «Зеркало» пишет, что Рашад Мамедли покинул пост.", "ru",
     "The newspaper Zerkalo writes that Rashad Mammadli has left his post.", "en"),
    ("The newspaper Zerkalo writes that Rashad Mammadli has left his post.", "en",
     "Газета «Зеркало» пишет, что Рашад Мамедли покинул пост.", "ru"),
])
def test_a_title_in_quotation_marks_on_one_side_only_is_no_quotation_lost(
        source: str, src: str, translation: str, tgt: str) -> None:
    # Russian puts the names of newspapers and companies in «…», English does not: a correct
    # translation was an error, "the source has 1 quotation, the translation 0".
    assert check_entry(source, translation, src, tgt, only=["quote-count"]) == []


@pytest.mark.parametrize("source, translation, tgt", [
    ("Coach Gurban Gurbanov was calmer. “We have nine points, but nothing is decided,” "
     "Gurbanov said. “Porto will be a different team at home.”",
     "Тренер Гурбан Гурбанов был спокойнее. «У нас девять очков, но ничего не решено», — "
     "сказал Гурбанов. «Дома „Порту“ будет другой командой».", "ru"),
    ("Coach Gurban Gurbanov was calmer. “We have nine points, but nothing is decided,” "
     "Gurbanov said. “Porto will be a different team at home.”",
     "Baş məşqçi Qurban Qurbanov daha sakit idi. “Doqquz xalımız var, amma heç nə həll "
     "olunmayıb,” deyə Qurbanov bildirib. “Evdə ‘Porto’ başqa komanda olacaq.”", "az"),
])
def test_a_title_in_marks_inside_a_quotation_on_one_side_only_is_no_quotation_added(
        source: str, translation: str, tgt: str) -> None:
    # Russian and Azerbaijani sports writing puts a club's name in marks, also inside a
    # quotation: only titles at the top level were left out of the count, so a correct
    # translation was "the source has 2 quotations, the translation 3".
    assert check_entry(source, translation, "en", tgt, only=["quote-count"]) == []


def test_a_quotation_added_beside_a_title_inside_another_is_still_an_error() -> None:
    source = "“Porto will be a different team at home,” Gurbanov said."
    translation = ("«Дома „Порту“ будет другой командой», — сказал Гурбанов. «Мы к этому "
                   "готовы».")
    [added] = check_entry(source, translation, "en", "ru", only=["quote-count"])
    assert "the source has 1 quotation, the translation 3 quotations" in added.message


def test_a_quotation_lost_beside_a_title_is_still_an_error() -> None:
    source = "«Порт закроют», — сообщила газета «Зеркало»."
    [lost] = check_entry(source, "The port will close, the newspaper Zerkalo reported.", "ru",
                         "en", only=["quote-count"])
    assert "the source has 2 quotations, the translation 0 quotations" in lost.message


def test_a_speaker_named_in_the_genitive_is_found_in_the_nominative() -> None:
    # по словам Шахлы Мамедовой: the genitive as written did not sound like the English
    # "Shahla Mammadova", so a correct translation had its speaker reported missing.
    source = "По словам Шахлы Мамедовой, «тюлени в реальной опасности»."
    assert check_entry(source, "According to Shahla Mammadova, “the seals are in real danger.”",
                       "ru", "en", only=["speaker"]) == []
    [missing] = check_entry(source, "According to experts, “the seals are in real danger.”",
                            "ru", "en", only=["speaker"])
    assert "speaker 'Шахлы Мамедовой' is missing" in missing.message


def test_quotations_swapped_between_speakers_named_by_surname_are_an_error() -> None:
    # “A,” Karimov said. “B,” Huseynova said. → «A», — сказала Гусейнова. «B», — сказал
    # Керимов.: the swap check read only full glossary names, so surnames alone passed.
    glossary = read_glossary(io.StringIO(CSV + "Leyla Huseynova,Leyla Hüseynova,Лейла Гусейнова,person\n"))
    source = "“Biz hazırıq”, – deyə Kərimov bildirib. “Biz hazır deyilik”, – deyə Hüseynova bildirib."
    swapped = check_entry(source, "“We are ready,” Huseynova said. “We are not,” Karimov said.",
                          "az", "en", glossary=glossary, only=["speaker"])
    assert len(swapped) == 2 and "attributed to 'Leyla Huseynova'" in swapped[0].message
    assert check_entry(source, "“We are ready,” Karimov said. “We are not,” Huseynova said.",
                       "az", "en", glossary=glossary, only=["speaker"]) == []


@pytest.mark.parametrize("source, translation, src, tgt", [
    ("“Rates will stay,” the Russian Foreign Ministry said.", "«Ставки останутся», — заявили в МИД России.", "en", "ru"),
    ("«Ставки сохранятся», — заявило Министерство иностранных дел России.",
     "“Rates will stay,” the Russian Foreign Ministry said.", "ru", "en"),
    ("“Faizlər qalacaq”, – Mərkəzi Bank bildirib.", "“Rates will stay,” the Central Bank said.", "az", "en"),
    ("“Faizlər qalacaq”, – Xarici İşlər Nazirliyi bildirib.", "“Rates will stay,” the Foreign Ministry said.", "az", "en"),
    ("“The road is closed,” the Baku City Executive Power said.",
     "«Дорога закрыта», — сообщила Исполнительная власть города Баку.", "en", "ru"),
    ("“The port grows,” the Port of Baku said.", "«Порт растёт», — сообщил Бакинский порт.", "en", "ru"),
])
def test_an_organisation_quoted_as_speaker_is_not_looked_for_by_sound(
        source: str, translation: str, src: str, tgt: str) -> None:
    """Regression: an organisation's name is translated word for word (Mərkəzi Bank → the
    Central Bank), so the sound comparison reported the speaker missing from 6 of 7 correct
    translations."""
    assert [check for check, _ in checks_fired(source, translation, src=src, tgt=tgt) if check == "speaker"] == []


def test_a_person_missing_from_the_translation_is_still_reported() -> None:
    assert ("speaker", Severity.ERROR) in checks_fired(
        "“The port grows,” said Samir Karimov of the Port of Baku.", "«Порт растёт», — сказала Лейла Гусейнова.")


def test_a_quotation_given_to_a_person_the_source_does_not_name_is_an_error() -> None:
    """Regression: a translation that hands a quotation to a glossary person the source never
    names (“…,” Karimov added → «…», — добавила Гусейнова) passed whenever the speaker's
    name was elsewhere in the translation: only people the source names were compared."""
    glossary = read_glossary(io.StringIO(
        "en,ru,kind\nSamir Karimov,Самир Керимов,person\nLeyla Huseynova,Лейла Гусейнова,person\n"))
    source = "Samir Karimov spoke first. “We will grow,” Karimov added."
    wrong = "Самир Керимов выступил первым. «Мы будем расти», — добавила Гусейнова."
    good = "Самир Керимов выступил первым. «Мы будем расти», — добавил Керимов."
    (finding,) = check_entry(source, wrong, "en", "ru", glossary=glossary, only=["speaker"])
    assert "'Лейла Гусейнова' in the translation, whom the source does not name" in finding.message
    assert check_entry(source, good, "en", "ru", glossary=glossary, only=["speaker"]) == []


def _markup_by_the_plain_rule(text: str) -> Counter[str]:
    """What :func:`pipeline.checks._markup` counts, with every pattern run on every text."""
    regions = protected_regions(text)
    prose = blank_out(text, regions)
    counts: Counter[str] = Counter(_EMPHASIS.findall(prose) + _HIGHLIGHT_AND_INSERT.findall(prose))
    counts.update(_KEYS.findall(prose))
    counts["superscripts"] = len(_SUPERSCRIPT.findall(prose)) - len(_ORDINAL_SUFFIX.findall(prose))
    counts["subscripts"] = len(_SUBSCRIPT.findall(prose))
    outside_code = blank_out(text, [r for r in regions if r.kind is RegionKind.CODE])
    counts["links"] = len(_LINK.findall(outside_code))
    counts["reference links"] = len(_REFERENCE.findall(outside_code))
    for region in regions:
        if region.kind is RegionKind.HTML:
            name = _HTML_NAME.match(region.text(text))
            counts[f"<{name.group(1).lower() if name else '?'}>"] += 1
    return +counts


_MARKUP_PIECES = st.sampled_from(["a", "word", " ", "_", "__", "*", "**", "~~", "~", "[", "]", "(", ")",
                                  "](", "[x](y)", "[ref][]", "`", "`a_b`", "<b>", "</b>", "<", "x_y",
                                  "é", "5", "\\", "\n", "https://e.com/a_b", "{{< x >}}", "=", "==", "^",
                                  ":", ":ok:", "@k", "~2~", "^2^"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_MARKUP_PIECES, max_size=14).map("".join))
def test_markup_counts_what_the_plain_rule_counts(text: str) -> None:
    """The markup count skips the underscore patterns without an underscore and the link
    patterns without a bracket: the same counts as running every pattern."""
    assert _markup(text) == _markup_by_the_plain_rule(text)


_NAME_WORDS = st.sampled_from(["Rashad", "Rəşad", "Рашад", "Karimov", "Kərimov", "Керимов", "Karimova",
                               "said", "the", "Aliyev", "Aliev", "`Karimov`"])


@settings(max_examples=300, deadline=None)
@given(name=st.lists(_NAME_WORDS, min_size=1, max_size=3).map(" ".join),
       text=st.lists(_NAME_WORDS, max_size=8).map(" ".join))
def test_a_name_sounds_present_by_the_plain_rule(name: str, text: str) -> None:
    """Every word of the name has a word of the text equal to it or sounding like it."""
    words = _WORDS.findall(blank_out(text))
    plain = all(any(w == part or similarity(w, part) >= 0.8 for w in words) for part in _WORDS.findall(name))
    assert _sounds_present(name, text) == plain


def _code_and_template_by_the_plain_rule(entry: Entry) -> list[str]:
    """The code and template checks' findings, every span collected on both sides."""
    messages = []
    for spans in (code_spans, math_spans):
        source = sorted(r.text(entry.source) for r in spans(entry.source))
        target = sorted(r.text(entry.translation) for r in spans(entry.translation))
        if source != target:
            messages.append("code")
    source = sorted(r.text(entry.source) for r in template_tags(entry.source, code_spans(entry.source)))
    target = sorted(r.text(entry.translation)
                    for r in template_tags(entry.translation, code_spans(entry.translation)))
    if source != target or template_structure_changed(entry.source, entry.translation):
        messages.append("template")
    return messages


_CODE_PIECES = st.sampled_from(["a", " ", "`", "`x`", "``", "$", "$x$", "$$", "{", "}", "{{< x >}}",
                                "{{< /x >}}", "{% if %}", "{{ .Title }}", ">}}", "{{<", "\\"])


@settings(max_examples=500, deadline=None)
@given(source=st.lists(_CODE_PIECES, max_size=8).map("".join),
       translation=st.lists(_CODE_PIECES, min_size=1, max_size=8).map("".join))
def test_code_and_template_checks_skip_only_what_cannot_differ(source: str, translation: str) -> None:
    """Skipping entries without a backtick, dollar or brace finds what collecting every span
    finds: a finding of each check exactly when the plain rule sees a difference."""
    entry = Entry(source, translation, "en", "ru")
    found = sorted({f.check for f in check_code(entry) + check_template(entry)})
    assert found == sorted(set(_code_and_template_by_the_plain_rule(entry)))


def test_a_companion_of_the_speaker_is_no_swapped_speaker() -> None:
    """Regression: «Лейла Гусейнова после встречи с Самиром Керимовым сказала» gave the
    quotation to Karimov, and the correct translation was reported as a swap."""
    glossary = read_glossary(io.StringIO(
        "en,ru,az,kind\nLeyla Huseynova,Лейла Гусейнова,Leyla Hüseynova,person\n"
        "Samir Karimov,Самир Керимов,Samir Kərimov,person\n"), "glossary.csv")
    source = "“We will not wait,” Leyla Huseynova said after meeting Samir Karimov."
    good_ru = "Лейла Гусейнова после встречи с Самиром Керимовым сказала: «Мы не будем ждать»."
    assert checks_fired(source, good_ru, glossary) == []
    good_az = "“Gözləməyəcəyik,” Leyla Hüseynova Samir Kərimovla görüşdən sonra bildirib."
    assert checks_fired(source, good_az, glossary, tgt="az") == []
    swapped = "“Gözləməyəcəyik,” Samir Kərimov Leyla Hüseynovayla görüşdən sonra bildirib."
    assert ("speaker", Severity.ERROR) in checks_fired(source, swapped, glossary, tgt="az")


def test_a_joint_statement_translated_with_the_names_in_another_order_passes() -> None:
    """Regression: the speaker of a joint statement was the name next to the verb, which a
    correct translation changes (Samir Karimov and Leyla Huseynova said → заявили Самир
    Керимов и Лейла Гусейнова), so it was reported as a swap. A name of the list dropped is
    still found, by the speaker check (each listed name is a speaker)."""
    glossary = read_glossary(io.StringIO(
        "en,ru,az,kind\nLeyla Huseynova,Лейла Гусейнова,Leyla Hüseynova,person\n"
        "Samir Karimov,Самир Керимов,Samir Kərimov,person\n"), "glossary.csv")
    source = "“The tariffs are too high,” Samir Karimov and Leyla Huseynova said."
    assert checks_fired(source, "«Тарифы слишком высоки», — заявили Самир Керимов и Лейла "
                        "Гусейнова.", glossary) == []
    assert checks_fired(source, "“Tariflər çox yüksəkdir,” deyə Samir Kərimov və Leyla "
                        "Hüseynova bildiriblər.", glossary, tgt="az") == []
    dropped = "«Тарифы слишком высоки», — заявил Самир Керимов."
    assert checks_fired(source, dropped, glossary) == [("speaker", Severity.ERROR)]


def test_speakers_without_a_glossary_row_swapped_between_quotations() -> None:
    """Regression: the swap of two quotations' speakers was found only between people with a
    glossary row, so “A,” X said. “B,” Y replied. → «A», — сказала Y. «B», — ответил X.
    passed when X and Y had none. Each translated attribution is now matched by sound to the
    one source speaker it sounds like, and a swap both ways is reported; a misread
    attribution of one quotation, or two speakers who sound alike, report nothing."""
    source = "“Ships are late,” Rauf Mirzayev said. “Ships are early,” Gunel Safarova replied."
    good = "«Суда опаздывают», — сказал Рауф Мирзаев. «Суда приходят раньше», — ответила Гюнель Сафарова."
    assert checks_fired(source, good) == []
    swapped = ("«Суда опаздывают», — сказала Гюнель Сафарова. «Суда приходят раньше», — ответил "
               "Рауф Мирзаев.")
    findings = [f for f in check_entry(source, swapped, "en", "ru") if f.check == "speaker"]
    assert len(findings) == 2 and "'Rauf Mirzayev'" in findings[0].message
    az_source = "Rauf Mirzayev said: “Ships are late.” Gunel Safarova replied: “Ships are early.”"
    az_swapped = "Günel Səfərova bildirib: “Gəmilər gecikir.” Rauf Mirzəyev cavab verib: “Gəmilər tez gəlir.”"
    assert ("speaker", Severity.ERROR) in checks_fired(az_source, az_swapped, tgt="az")
    misread = ("«Цены выросли», — сказал Мирзаев. «Они упадут», — ответила коллега Рауфа Мирзаева "
               "Гюнель Сафарова.")
    assert checks_fired("“Prices rose,” Mirzayev said. “They will fall,” Rauf Mirzayev's colleague "
                        "Gunel Safarova replied.", misread) == []
    alike = "“Prices rose,” Aysel Mirzayeva said. “They will fall,” Rauf Mirzayev replied."
    assert checks_fired(alike, "«Цены выросли», — сказала Айсель Мирзаева. «Они упадут», — ответил "
                        "Рауф Мирзаев.") == []


def test_a_quotation_given_to_another_person_the_segment_names_is_an_error() -> None:
    """Regression: a quotation handed to another person the paragraph names, who says
    nothing there (“…,” said Ingrid Solberg. Her co-author, Pavel Novak, cautioned … →
    «…», — сказал Павел Новак. Ингрид Сольберг предупредила …), passed for people without
    a glossary row: both names were in the translation and there was no second quotation
    to swap with. The translation's speaker is now matched by sound to the people the source
    names in full, and one who is not the source's speaker is reported."""
    source = ("“The signal was strong,” said lead author Ingrid Solberg. Her co-author, Pavel Novak, "
              "cautioned that the sample was small.")
    good = ("«Сигнал был сильным», — сказала ведущий автор Ингрид Сольберг. Её соавтор Павел Новак "
            "предупредил, что выборка была небольшой.")
    assert checks_fired(source, good) == []
    given = ("«Сигнал был сильным», — сказал соавтор Павел Новак. Ведущий автор Ингрид Сольберг "
             "предупредила, что выборка была небольшой.")
    (finding,) = [f for f in check_entry(source, given, "en", "ru") if f.check == "speaker"]
    assert "'Павел Новак'" in finding.message and "'Ingrid Solberg'" in finding.message
    az_source = ("“Voters gave us a mandate,” Alliance leader Erik Lindqvist said. National Party "
                 "leader Anna Berg conceded defeat.")
    az_good = ("“Seçicilər bizə mandat verib”, – deyə Alyansın lideri Erik Lindkvist bildirib. Milli "
               "Partiyanın lideri Anna Berq məğlubiyyətini etiraf edib.")
    assert checks_fired(az_source, az_good, tgt="az") == []
    az_given = ("“Seçicilər bizə mandat verib”, – deyə Milli Partiyanın lideri Anna Berq bildirib. "
                "Alyansın lideri Erik Lindkvist məğlubiyyətini etiraf edib.")
    assert ("speaker", Severity.ERROR) in checks_fired(az_source, az_given, tgt="az")


def test_a_surname_alone_in_reported_speech_spelt_against_the_glossary() -> None:
    """Regression: a person named in full and then by surname alone, without a quotation
    (Later Karimov said the budget was fiction), had that surname compared with the glossary
    nowhere, so a translator's Каримов passed beside a correct Самир Керимов. Another
    person of a similar surname, a case form of the right one and a quoted speaker (the
    speaker check's) report nothing here."""
    glossary = read_glossary(io.StringIO("en,az,ru,kind\nSamir Karimov,Samir Kərimov,Самир Керимов,person\n"),
                             "glossary.csv")
    source = "Samir Karimov opened the session. Later Karimov said the budget was fiction."
    bad = "Самир Керимов открыл заседание. Позже Каримов сказал, что бюджет — фикция."
    (finding,) = check_entry(source, bad, "en", "ru", glossary=glossary)
    assert finding.check == "glossary" and "'Каримов'" in finding.message and "'Керимов'" in finding.message
    assert checks_fired(source, "Самир Керимов открыл заседание. Позже Керимову возразили, что бюджет — "
                        "фикция.", glossary) == []
    assert checks_fired("Samir Karimov met Sarah Karimova. Later Karimova said the budget was fiction.",
                        "Самир Керимов встретился с Сарой Каримовой. Позже Каримова сказала, что бюджет "
                        "— фикция.", glossary) == []
    quoted = "Samir Karimov spoke. “The budget is fiction,” Karimov said."
    assert [f.check for f in check_entry(quoted, "Самир Керимов выступил. «Бюджет — фикция», — сказал "
                                         "Каримов.", "en", "ru", glossary=glossary)] == ["speaker"]


def test_a_pronoun_speaker_of_the_other_gender() -> None:
    """Regression: “…,” he said. “…,” she replied. translated «…», — сказала она. «…», —
    ответил он. passed: the swap check compared glossary names only. A pronoun of the other
    gender is now reported where both languages tell it; Azerbaijani o, which does not, is
    never compared."""
    source = ("Samir Karimov and Leyla Huseynova met. “Ships are late,” he said. “Ships are early,” "
              "she replied.")
    good = ("Самир Керимов и Лейла Гусейнова встретились. «Суда опаздывают», — сказал он. «Суда "
            "приходят раньше», — ответила она.")
    assert checks_fired(source, good) == []
    swapped = ("Самир Керимов и Лейла Гусейнова встретились. «Суда опаздывают», — сказала она. «Суда "
               "приходят раньше», — ответил он.")
    assert checks_fired(source, swapped) == [("speaker", Severity.ERROR)] * 2
    az = ("Samir Kərimov və Leyla Hüseynova görüşüblər. “Gəmilər gecikir,” deyə o bildirib. “Gəmilər "
          "tez gəlir,” deyə o cavab verib.")
    assert checks_fired(source, az, tgt="az") == []


def test_hashtags_and_bare_domains_with_a_path_must_survive() -> None:
    """Regression: a translated hashtag (#Baku2026 → #Баку2026) or a changed bare address
    (t.me/channel → t.me/канал) was not reported: neither was counted."""
    source = "Follow #Baku2026 and #COP29 on t.me/portofbaku and pic.twitter.com/abc; see C# and item #12."
    kept = "Следите за #Baku2026 и #COP29 в t.me/portofbaku и pic.twitter.com/abc; см. C# и пункт № 12."
    assert check_entry(source, kept, "en", "ru") == []
    changed = "Следите за #Баку2026 и #COP29 в t.me/портбаку и pic.twitter.com/abc; см. C# и пункт №12."
    messages = [f.message for f in check_entry(source, changed, "en", "ru")]
    assert "markup differs: #Baku2026 1→0, #Баку2026 0→1" in messages
    assert "URL changed or lost: t.me/portofbaku" in messages
    assert not any("&#39" in m for m in (f.message for f in check_entry("It&#39;s #big.", "Это #big.", "en", "ru")))


def test_an_azerbaijani_patronymic_is_optional_in_a_translation() -> None:
    """Regression: a speaker with a patronymic (Memar Günay Əhməd qızı Vəliyeva bildirib)
    was reported missing from a correct translation that leaves the father's name out
    (Architect Gunay Valiyeva) or writes the patronymic in Russian (Гюнай Ахмед кызы
    Велиева). Another person in its place is still reported."""
    source = "Memar Günay Əhməd qızı Vəliyeva bildirib: “Şəhər dəyişir.”"
    for lang, translation in (("en", "Architect Gunay Valiyeva said: “The city is changing.”"),
                              ("ru", "Архитектор Гюнай Ахмед кызы Велиева заявила: «Город меняется»."),
                              ("ru", "Архитектор Гюнай Велиева заявила: «Город меняется».")):
        assert not [f for f in check_entry(source, translation, "az", lang)
                    if f.check == "speaker"], translation
    wrong = check_entry(source, "Architect Leyla Karimova said: “The city is changing.”", "az", "en")
    assert [f.check for f in wrong if f.check == "speaker"] == ["speaker"]


def test_a_surname_the_article_gave_to_another_person_is_not_held_to_a_glossary_row() -> None:
    """Regression: Organiser Elmar Karimov (no glossary row), then “…,” Karimov said, was
    held to Samir Karimov's row: a correct 'сказал Каримов' was reported as 'the glossary
    says Керимов (as in Samir Karimov)'. The article resolves the surname to the person it
    introduced, so only that person's row, if any, spells it."""
    names = read_glossary(io.StringIO("en,ru,az,kind\nSamir Karimov,Самир Керимов,Samir Kərimov,person\n"))
    catalogue = catalogue_of([
        ("Organiser Elmar Karimov opened the fair.", "Организатор Эльмар Каримов открыл ярмарку.",
         3, False),
        ("“Young people are bolder,” Karimov said.", "«Молодёжь смелее», — сказал Каримов.", 6, False),
    ])
    result = check_catalogue("a.po", "en", "ru", catalogue, names)
    assert [f.message for f in result.findings if f.check == "speaker"] == []
    samir = catalogue_of([
        ("Economist Samir Karimov opened the fair.", "Экономист Самир Керимов открыл ярмарку.", 3, False),
        ("“Young people are bolder,” Karimov said.", "«Молодёжь смелее», — сказал Каримов.", 6, False),
    ])
    assert [f.check for f in check_catalogue("a.po", "en", "ru", samir, names).findings] == ["speaker"]


def test_an_azerbaijani_q_written_k_in_russian_still_names_the_speaker() -> None:
    """Regression: Azerbaijani Q is Г or К in Russian (Quliyeva: Гулиева or Кулиева), but a
    correct «…», — сказала Кулиева for “…”, – Quliyeva deyib was reported as the speaker
    missing, as presence was heard with G and H interchangeable only."""
    for source, translation in (
            ("“Bu il gənclər daha cəsarətlidir”, – Quliyeva deyib.",
             "«В этом году молодёжь смелее», — сказала Кулиева."),
            ("“Hazırıq”, – Qasımov deyib.", "«Мы готовы», — сказал Касумов.")):
        assert [f for f in check_entry(source, translation, "az", "ru") if f.check == "speaker"] == []
    assert [f.check for f in check_entry("“Hazırıq”, – Qasımov deyib.", "«Мы готовы», — сказал Гасанов.",
                                         "az", "ru")] == ["speaker"]


def _literal_pairs() -> list[tuple[str, str]]:
    """(source, translation) pairs the checks' tests use: consecutive string literals (of
    ten characters or more) of each test function here and in test_attribution.py."""
    import ast
    from pathlib import Path
    pairs = set()
    for name in (Path(__file__).name, "test_attribution.py"):
        tree = ast.parse((Path(__file__).parent / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.Tuple)):
                found = [item for item in ast.walk(node) if isinstance(item, ast.Constant)
                         and isinstance(item.value, str) and len(item.value) >= 10]
                texts = [item.value for item in sorted(
                    found, key=lambda item: (item.lineno, item.col_offset))]
                pairs.update(zip(texts, texts[1:]))
    return sorted(pairs)


def _plain_count(text: str, lang: str) -> int:
    from pipeline.quotes import find_quotations
    return sum(1 for q in find_quotations(text, lang) if q.depth == 0)


_SPEAKER_GLOSSARY = read_glossary(io.StringIO(
    CSV + "Leyla Huseynova,Leyla Hüseynova,Лейла Гусейнова,person\n"
    "Rauf Mirzayev,Rauf Mirzəyev,Рауф Мирзаев,person\n"))


def _speaker_findings_both_ways(monkeypatch, source: str, translation: str, src: str,
                                tgt: str, glossary: Glossary | None) -> None:
    fast = check_entry(source, translation, src, tgt, glossary=glossary, only=["speaker"])
    with monkeypatch.context() as patched:
        patched.setattr("pipeline.checks.count_top_level", _plain_count)
        patched.setattr("pipeline.checks.quotes_nothing", lambda text, lang, scan: False)
        plain = check_entry(source, translation, src, tgt, glossary=glossary, only=["speaker"])
    assert fast == plain, (source, translation, src, tgt)


def test_the_speaker_checks_shortcuts_give_the_plain_rules_findings_on_this_modules_pairs(monkeypatch):
    # The speaker checks skip analysing a source whose scan shows no quotation, and the
    # swap check counts the translation's quotations from the marks before attributing
    # any: they must report exactly what analysing and attributing everything reports.
    pairs = _literal_pairs()
    assert len(pairs) > 300
    for source, translation in pairs:
        for src, tgt in (("en", "ru"), ("en", "az"), ("ru", "en"), ("az", "en")):
            for glossary in (None, _SPEAKER_GLOSSARY):
                _speaker_findings_both_ways(monkeypatch, source, translation, src, tgt, glossary)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(_literal_pairs()), st.sampled_from(["ru", "az"]), st.booleans(),
       st.text(alphabet=st.sampled_from(list("«»“”„\"'— ,.")), max_size=6))
def test_the_speaker_checks_shortcuts_give_the_plain_rules_findings_on_random_pairs(
        monkeypatch, pair, tgt, with_glossary, noise):
    source, translation = pair
    glossary = _SPEAKER_GLOSSARY if with_glossary else None
    _speaker_findings_both_ways(monkeypatch, source, translation + noise, "en", tgt, glossary)
    _speaker_findings_both_ways(monkeypatch, source, noise + translation, "en", tgt, glossary)


def test_a_speaker_without_a_glossary_row_spelt_with_another_vowel() -> None:
    """Regression: a speaker with no glossary row spelt with another vowel in the stem
    (Mirzayev → Мирзоев, Mirzoyev: another family's name) passed, as it still sounded
    alike, also where the translation spelt the name right once and wrong once. Renderings
    of one name (Мирзаев, Mirzəyev, по словам Лейлы Маммадли) still pass."""
    source = "Rauf Mirzayev, a geologist, said: “The field holds gas for 30 years.” Mirzayev added: “Nobody doubts it.”"
    wrong = ("Геолог Рауф Мирзаев заявил: «На месторождении газа на 30 лет». "
             "Мирзоев добавил: «Никто в этом не сомневается».")
    assert any("'Мирзоев'" in f.message for f in check_entry(source, wrong, "en", "ru") if f.check == "speaker")
    assert not check_entry(source, wrong.replace("Мирзоев", "Мирзаев"), "en", "ru")
    source = "Rauf Mirzayev said: “The field holds gas for 30 years.”"
    assert [f.check for f in check_entry(source, "Rauf Mirzoyev bildirib: “Yataqda 30 illik qaz var.”",
                                         "en", "az")] == ["speaker"]
    assert not check_entry(source, "Rauf Mirzəyev bildirib: “Yataqda 30 illik qaz var.”", "en", "az")
    assert not check_entry("According to Leyla Mammadli, “the field holds gas.”",
                           "По словам Лейлы Маммадли, «на месторождении есть газ».", "en", "ru")
    assert not check_entry("“We met,” said Rauf Mirzayev after talks with Anar Mirzoyev.",
                           "«Мы встретились», — сказал Рауф Мирзаев после переговоров с Анаром Мирзоевым.",
                           "en", "ru")


def test_a_given_name_in_its_own_language_s_form_is_no_other_family() -> None:
    """Regression: «…, — сказал режиссёр Георгий Маргвелашвили» translated '… said director
    Giorgi Margvelashvili' (a Georgian's own spelling) was a speaker error, "a vowel of
    'Георгий' differs, which makes another family's name": a given name changes no family.
    A vowel changed in the family name is still reported."""
    source = ("«Чехов писал о людях, которые не замечают, что время ушло, — сказал режиссёр "
              "Георгий Маргвелашвили. — Это очень современная пьеса».")
    good = ("“Chekhov wrote about people who do not notice that time has passed,” said director "
            "Giorgi Margvelashvili. “It is a very modern play.”")
    assert check_entry(source, good, "ru", "en") == []
    [wrong] = check_entry(source, good.replace("Margvelashvili", "Margvelishvili"), "ru", "en")
    assert wrong.check == "speaker" and "'Margvelishvili'" in wrong.message


def test_a_name_the_source_also_gives_in_another_language_is_no_misspelling() -> None:
    """Regression: a Russian article giving a place's Azerbaijani name beside its Russian
    one (в Гяндже (Gəncə)), translated correctly as 'in Ganja (Gəncə)', was reported as
    'Гяндже' spelled 'Gəncə' in one place: the translation keeps the source's own second
    spelling, which is no misspelling of the glossary's."""
    glossary = read_glossary(io.StringIO("en,ru,az,kind\nGanja,Гянджа,Gəncə,place\n"), "glossary.csv")
    source = "Резервный узел разместят в Гяндже (Gəncə)."
    assert checks_fired(source, "A backup node will be placed in Ganja (Gəncə).", glossary,
                        tgt="en", src="ru") == []
    assert checks_fired("The node will be in Ganja (Gəncə in Azerbaijani).",
                        "Узел будет в Гяндже (по-азербайджански Gəncə).", glossary) == []
    assert checks_fired(source, "A backup node will be placed in Ganja (Gandja).", glossary,
                        tgt="en", src="ru") == [("glossary", Severity.ERROR)]


def test_a_changed_kramdown_attribute_list_is_a_markup_finding() -> None:
    """Regression: a translation that changed or dropped a link's '{:target="_blank"}' (the
    quotes turned into «», as machine output had them) passed every check, and kramdown then
    showed the attribute list as text. It is now compared as written, like an HTML tag."""
    source = 'Read [her interview](a.html){:target="_blank"}.'
    assert checks_fired(source, 'Читайте [её интервью](a.html){:target="_blank"}.') == []
    (finding,) = check_entry(source, "Читайте [её интервью](a.html){:target=«_blank»}.", "en", "ru")
    assert finding.check == "markup" and '{:target="_blank"} 1→0' in finding.message
    assert checks_fired(source, "Читайте [её интервью](a.html).") == [("markup", Severity.ERROR)]


def test_character_references_in_prose_are_the_characters_they_stand_for() -> None:
    """Regression: WordPress exports write quotation marks, dashes and no-break spaces as
    character references (``&ldquo;``, ``&#8220;``, ``&laquo;``, ``&nbsp;``). The checks read
    them as written: a quotation in ``&ldquo;…&rdquo;`` was no quotation (a good translation
    in «…» was told it added one, its speaker never checked), ``&#8220;`` gave the numbers
    8220 and 8221, and ``3&nbsp;500`` was two numbers. Code, tags and markup stay as written."""
    good = [
        ("The minister said the expansion was &ldquo;on schedule&rdquo;.",
         "Министр сказал, что расширение идёт «по графику».", "en", "ru"),
        ("He said &#8220;We will grow&#8221; at the opening.",
         "Он сказал «Мы будем расти» на открытии.", "en", "ru"),
        ("&laquo;Мы будем расти&raquo;, &mdash; сказал он.", "“We will grow,” he said.", "ru", "en"),
        ("Samir Karimov said: “We will grow.”", "Самир Керимов сказал: &laquo;Мы будем расти&raquo;.", "en", "ru"),
        ("Samir Karimov said: &quot;We will grow.&quot;", "Самир Керимов сказал: «Мы будем расти».", "en", "ru"),
        ("It costs 3&nbsp;500 manats.", "Это стоит 3 500 манатов.", "en", "ru"),
        ("Run `echo &quot;a&quot;` and see <a title=\"&quot;x&quot;\">it</a>.",
         "Запустите `echo &quot;a&quot;` и смотрите <a title=\"&quot;x&quot;\">это</a>.", "en", "ru"),
    ]
    for source, translation, src, tgt in good:
        assert check_entry(source, translation, src, tgt) == [], (source, translation)
    source = "Samir Karimov said: &ldquo;We will grow.&rdquo;"
    assert "quote-count" in [f.check for f in check_entry(source, "Самир Керимов сказал, что они вырастут.",
                                                          "en", "ru")]
    assert [f.check for f in check_entry("He said &#8220;We will grow&#8221;.", "Он сказал «Мы вырастем».",
                                         "en", "ru", only=["code", "markup"])] == []


def test_an_element_kept_as_written_or_html_code_edited_by_a_translator_is_reported() -> None:
    """Regression: ``<span translate="no">``, ``class="notranslate"``, a ``lang`` of another
    language and ``<code>``/``<kbd>`` elements are kept from machine translation, but a
    translator could change their words with no finding. The one whose ``lang`` is the
    target's may be rewritten (the text is now in that language), and one kept as is passes."""
    bad = [
        ("The site <span translate=\"no\">Bakı Limanı</span> opened.", "Открылся <span translate=\"no\">Baku Port</span>."),
        ("The site <span lang=\"az\">Bakı Limanı</span> opened.", "Открылся <span lang=\"az\">Baki Limani</span>."),
        ("A <span class=\"notranslate\">Meydan TV</span> report.", "Репортаж <span class=\"notranslate\">Медиан ТВ</span>."),
        ("Run <code>ls -la</code> now.", "Запустите <code>ls -l</code> сейчас."),
        ("Press <kbd>Ctrl+C</kbd> now.", "Нажмите <kbd>Ctrl+V</kbd> сейчас."),
    ]
    for source, translation in bad:
        assert [f.check for f in check_entry(source, translation, "en", "ru")] == ["code"], translation
        kept = translation.replace("Baku Port", "Bakı Limanı").replace("Baki Limani", "Bakı Limanı").replace(
            "Медиан ТВ", "Meydan TV").replace("ls -l<", "ls -la<").replace("Ctrl+V", "Ctrl+C")
        assert check_entry(source, kept, "en", "ru") == [], kept
    assert check_entry("He said <i lang=\"ru\">спасибо</i> twice.", "Он дважды сказал <i lang=\"ru\">спасибо!</i>",
                       "en", "ru") == []


def test_a_wordpress_shortcode_changed_or_lost_is_reported_and_its_quotes_are_no_quotations() -> None:
    """Regression: a WordPress export's ``[caption id="attachment_12"]`` held two
    "quotations" for the quotation checks, and a translation that dropped its ``[/caption]``
    passed."""
    source = '[caption id="attachment_12" align="alignnone"]<img src="a.jpg" /> Cranes at dawn.[/caption]'
    good = '[caption id="attachment_12" align="alignnone"]<img src="a.jpg" /> Краны на рассвете.[/caption]'
    assert check_entry(source, good, "en", "ru") == []
    assert [f.check for f in check_entry(source, good.replace("[/caption]", ""), "en", "ru")] == ["markup"]


def test_one_vowel_misspelling_of_a_speaker_is_reported_once() -> None:
    """Regression: a speaker named in full and then by surname alone (Rauf Mirzayev said …
    Mirzayev added), both written with another vowel (Мирзоев), gave two speaker findings,
    one per form of the name, for one misspelling; it now gives one."""
    source = ("Rauf Mirzayev said: “The field holds gas for 30 years.” "
              "Mirzayev added: “Nobody doubts it.”")
    wrong = ("Рауф Мирзоев заявил: «На месторождении газа на 30 лет». "
             "Мирзоев добавил: «Никто в этом не сомневается».")
    found = [f for f in check_entry(source, wrong, "en", "ru") if f.check == "speaker"]
    assert len(found) == 1 and "'Мирзоев'" in found[0].message


def test_a_given_name_the_glossary_knows_is_part_of_the_speaker() -> None:
    """Regression: Leyla Nigar Huseynova said “…” at a sentence start gives the speaker
    'Nigar Huseynova' (Leyla read as a noun the sentence start capitalises, as Nurse is), so
    a translation dropping Leyla passed the speaker check even though the glossary knows
    Leyla as a person's given name; such a word is now part of the speaker's name."""
    glossary = read_glossary(io.StringIO("en,ru,kind\nLeyla Huseynova,Лейла Гусейнова,person\n"),
                             "glossary.csv")
    source = "Leyla Nigar Huseynova said: “The museum will reopen in June.”"
    right = "Лейла Нигяр Гусейнова сказала: «Музей откроется в июне»."
    dropped = "Нигяр Гусейнова сказала: «Музей откроется в июне»."
    assert not check_entry(source, right, "en", "ru", glossary=glossary,
                           speakers=("Nigar Huseynova",))
    assert [f.check for f in check_entry(source, dropped, "en", "ru", glossary=glossary,
                                         speakers=("Nigar Huseynova",))] == ["speaker"]
    source = "Nurse Aynur Aliyeva said: “The ward is full.”"
    assert not check_entry(source, "Медсестра Айнур Алиева сказала: «Палата переполнена».",
                           "en", "ru", glossary=glossary, speakers=("Aynur Aliyeva",))


def test_a_checker_checks_boilerplate_once_and_places_each_finding_in_its_own_catalogue(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The same byline in every article is checked once per context; each catalogue still
    gets its own finding, at its own line."""
    import pipeline.checks as checks

    calls = Counter[str]()
    real = checks.check_entry

    def counting(source: str, *args: object, **kwargs: object) -> list:
        calls[source] += 1
        return real(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "check_entry", counting)
    byline = "Reporting by 12 correspondents."
    checker = CatalogueChecker()
    parts = [checker.per_catalogue((f"ru/{name}.po", "en", "ru", catalogue_of([
        (f"Story {name}.", f"История {name}.", 3, False),
        (byline, "Репортаж 13 корреспондентов.", line, False)])))
        for name, line in (("a", 7), ("b", 9), ("c", 11))]
    assert calls[byline] == 1
    assert [(f.path, f.line, f.message) for part in parts for f in part.findings if f.check == "numbers"] == [
        (path, line, message) for path, line in (("ru/a.po", 7), ("ru/b.po", 9), ("ru/c.po", 11))
        for message in ("number(s) missing from the translation: 12", "number(s) not in the source: 13")]


def test_the_same_segment_in_another_context_is_checked_again() -> None:
    """A surname alone is resolved by its article: the memo keys on the speakers too."""
    memo: dict = {}
    said = "“We will build it,” Karimov said."
    first = catalogue_of([("Minister Samir Karimov spoke in Baku.", "Министр Самир Каримов выступил в Баку.", 3, False),
                          (said, "«Мы построим его», — сказал Каримов.", 5, False)])
    second = catalogue_of([(said, "«Мы построим его», — сказал Каримов.", 3, False)])
    check_catalogue("ru/a.po", "en", "ru", first, memo=memo)
    check_catalogue("ru/b.po", "en", "ru", second, memo=memo)
    assert len([key for key in memo if key[0] == said]) == 2


def test_a_name_dropped_from_a_joint_statement_without_a_glossary_row_is_found() -> None:
    """Regression: a joint statement has no single speaker, so its names were checked by
    the glossary alone: “…,” Karimov, Huseynova and Aliyev said → «…», — заявили Керимов и
    Алиев passed without a row for each. Every name of the list is now a speaker the
    translation must have; the names in another order, in any direction, still pass."""
    cases = [
        ("en", "ru", "“The port must grow,” Karimov, Huseynova and Aliyev said.",
         "«Порт должен расти», — заявили Керимов, Гусейнова и Алиев.",
         "«Порт должен расти», — заявили Керимов и Алиев.", "Huseynova"),
        ("en", "az", "Samir Karimov and Leyla Huseynova said: “The port must grow.”",
         "Leyla Hüseynova və Samir Kərimov bildiriblər: “Liman böyüməlidir.”",
         "Samir Kərimov bildirib: “Liman böyüməlidir.”", "Leyla Huseynova"),
        ("ru", "en", "«Порт должен расти», — заявили Керимов, Гусейнова и Алиев.",
         "“The port must grow,” Aliyev, Karimov and Huseynova said.",
         "“The port must grow,” Karimov and Huseynova said.", "Алиев"),
        ("az", "en", "“Liman böyüməlidir,” Kərimov, Hüseynova və Əliyev bildiriblər.",
         "“The port must grow,” Karimov, Huseynova and Aliyev said.",
         "“The port must grow,” Karimov and Aliyev said.", "Hüseynova"),
    ]
    for src, tgt, source, good, dropped, lost in cases:
        assert checks_fired(source, good, src=src, tgt=tgt) == [], good
        found = check_entry(source, dropped, src, tgt)
        assert [f.check for f in found] == ["speaker"] and repr(lost) in found[0].message, dropped


def test_the_names_of_a_joint_statement_are_the_segment_s_speakers() -> None:
    """The catalogue check gets a segment's speakers from the article analysis: a list of
    people saying a quotation together is among them, so a name dropped from it is found
    there too, not only when the entry is checked on its own."""
    segments = ["Samir Karimov and Leyla Huseynova said: “The port must grow.”"]
    assert segment_speakers(segments, "en") == [("Samir Karimov", "Leyla Huseynova")]


def test_a_speaker_s_consonant_changed_without_a_glossary_row_is_an_error() -> None:
    """Regression: «…», — сказал экономист Рауф Багиров → “…,” said economist Rauf Bakirov
    (and Bağırov → Бакиров) passed: without a glossary row only a changed vowel made
    another family's name. A consonant no convention writes for the name's is now reported;
    the name's renderings, and an English g that may stand for Azerbaijani q, pass."""
    cases = [
        ("ru", "en", "«Цены растут», — сказал экономист Рауф Багиров.",
         "“Prices are rising,” said economist Rauf Bagirov.",
         "“Prices are rising,” said economist Rauf Bakirov."),
        ("az", "ru", "“Qiymətlər artır,” deyə iqtisadçı Rauf Bağırov bildirib.",
         "«Цены растут», — сказал экономист Рауф Багиров.",
         "«Цены растут», — сказал экономист Рауф Бакиров."),
        ("az", "en", "“Qiymətlər artır,” deyə iqtisadçı Rauf Məmmədov bildirib.",
         "“Prices are rising,” economist Rauf Mammadov said.",
         "“Prices are rising,” economist Rauf Mammatov said."),
    ]
    for src, tgt, source, good, wrong in cases:
        assert checks_fired(source, good, src=src, tgt=tgt) == [], good
        found = check_entry(source, wrong, src, tgt)
        assert [f.check for f in found] == ["speaker"] and "a consonant" in found[0].message, wrong
    sadigov = "“Prices are rising,” said economist Rauf Sadigov."
    assert checks_fired(sadigov, "«Цены растут», — сказал экономист Рауф Садыков.") == []


def test_a_person_s_name_labelling_a_quotation_is_the_segment_s_speaker() -> None:
    """The catalogue check asks the translation for a name alone before a colon (Эмманюэль
    Макрон: «…») where the article introduced that person with a role, so a translation
    giving the words to someone else is an error."""
    segments = ["Во вторник президент Франции Эмманюэль Макрон прибыл в Баку.",
                "Эмманюэль Макрон: «Мы не будем ждать»."]
    speakers = segment_speakers(segments, "ru")
    assert speakers == [(), ("Эмманюэль Макрон",)]
    found = check_entry(segments[1], "Olaf Scholz: “We will not wait.”", "ru", "en", speakers=speakers[1])
    assert [f.check for f in found] == ["speaker"]


def test_a_quotation_given_to_a_person_the_source_never_names_is_reported() -> None:
    """Regression: «Это будет самый сильный снегопад», — предупредил Роман Вильфанд,
    translated with “…,” said Pyotr Biryukov (a person of another paragraph), passed the
    speaker check: without a glossary row, only a swap between two speakers of the segment
    was looked for, and Vilfand's name was still in the translation."""
    source = "Научный руководитель Роман Вильфанд предупредил: «Это будет самый сильный снегопад»."
    wrong = ("The scientific director, Roman Vilfand, warned: “This will be the heaviest snowfall,” "
             "said Pyotr Biryukov.")
    findings = check_entry(source, wrong, "ru", "en", only=["speaker"])
    assert [f.check for f in findings] == ["speaker"] and "Biryukov" in findings[0].message
    right = "The scientific director, Roman Vilfand, warned: “This will be the heaviest snowfall.”"
    assert check_entry(source, right, "ru", "en", only=["speaker"]) == []
    surname = "“This will be the heaviest snowfall,” said Vilfand."
    assert not any("does not name" in f.message
                   for f in check_entry(source, surname, "ru", "en", only=["speaker"]))


@pytest.mark.parametrize(("name", "russian", "other"), [
    ("Farid Alakbarli", "Фарид Алекперли", "Фарид Алиев"),
    ("Jalil Mammadguluzadeh", "Джалил Мамедкулизаде", "Джалил Мамедов"),
])
def test_an_azerbaijani_name_in_english_spelled_the_russian_way_is_the_speaker(
        name: str, russian: str, other: str) -> None:
    """An Azerbaijani name written in English (Farid Alakbarli) and spelled the traditional
    Russian way (Алекперли: ə as е, b as п; Мамедкулизаде: q as к) was reported missing; it
    is now found, while another surname still is reported."""
    source = f"“The archive will open in spring,” {name} said."
    right = f"«Архив откроется весной», — сказал {russian}."
    assert not [f for f in check_entry(source, right, "en", "ru") if f.check == "speaker"]
    wrong = right.replace(russian, other)
    assert any("missing" in f.message for f in check_entry(source, wrong, "en", "ru") if f.check == "speaker")


@pytest.mark.parametrize("source, translation", [
    ("“This is ‘the perfect storm’ for grain,” said Shahla Karimova.",
     "“Bu taxıl üçün ‘mükəmməl fırtına’dır”, – deyə Şahla Kərimova qeyd edib."),
    ("He said: “It is ‘urgent’.”", "O dedi: “Bu ‘təcili’dir.”"),
])
def test_an_azerbaijani_translation_s_inner_quotation_closed_before_a_suffix_is_counted(
        source: str, translation: str) -> None:
    # The translation was scanned without its language, so the ’ of ’dır (a case suffix
    # after the inner quotation's closer) read as an apostrophe: a correct translation was
    # "the source has 2 quotations, the translation 1 quotation".
    assert check_entry(source, translation, "en", "az") == []


def test_a_name_in_marks_with_an_azerbaijani_case_suffix_may_lose_its_marks() -> None:
    # “Əsrin müqaviləsi”ndən 30 il keçib: the quoted words take a case ending, so they are
    # a name (the Contract of the Century), which English writes without marks; a correct
    # translation was "the source has 1 quotation, the translation 0 quotations".
    source = "“Əsrin müqaviləsi”ndən 30 il keçib."
    assert check_entry(source, "30 years have passed since the Contract of the Century.",
                       "az", "en") == []
    assert check_entry(source, "Прошло 30 лет с «Контракта века».", "az", "ru") == []


@pytest.mark.parametrize("source, translation, tgt", [
    ("“We won’t wait,” said O’Brien.", "«Мы не будем ждать», — сказал О’Брайен.", "ru"),
    ("“We won’t wait,” said O’Brien.", "“Gözləməyəcəyik,” deyə O’Brayen bildirib.", "az"),
    ("“We are ready,” said Sullivan.", "«Мы готовы», — сказал Салливан.", "ru"),
    ("«Мы не будем ждать», — сказал О’Брайен.", "“We won’t wait,” said O’Brien.", "en"),
])
def test_an_english_spelt_surname_is_read_by_sound_not_by_its_letters(
        source: str, translation: str, tgt: str) -> None:
    """Regression: O’Brien → О’Брайен and Sullivan → Салливан, the names as Russian and
    Azerbaijani write them, were speaker errors, "a vowel of 'Brien' differs, which makes
    another family's name": English letters do not spell a name's vowels as heard. Only
    names whose letters follow their sound (Cyrillic, Azerbaijani, and the -ov, -yev, -li,
    -zadeh families spelt in English) are compared vowel by vowel; Mirzayev → Mirzoyev
    stays an error."""
    assert check_entry(source, translation, "ru" if tgt == "en" else "en", tgt) == []
    wrong = check_entry("Rauf Mirzayev said: “The field holds gas for 30 years.”",
                        "Rauf Mirzoyev bildirib: “Yataqda 30 illik qaz var.”", "en", "az")
    assert [f.check for f in wrong] == ["speaker"]
    consonant = check_entry("Как отметил Ильхам Шабан, «добыча падает».",
                            "As Ilham Shapan noted, “production is falling.”", "ru", "en")
    assert [f.check for f in consonant] == ["speaker"], "English letters still spell consonants"


@pytest.mark.parametrize("speaker, translation, tgt", [
    ("Jake Sullivan", "«Мы готовы», — сказал Джейк Салливан.", "ru"),
    ("Mike Pence", "«Мы готовы», — сказал Майк Пенс.", "ru"),
    ("Sean O’Brien", "«Мы готовы», — сказал Шон О’Брайен.", "ru"),
    ("Antony Blinken", "“Biz hazırıq,” deyə Entoni Blinken bildirib.", "az"),
])
def test_a_western_given_name_written_as_the_target_hears_it_is_no_missing_speaker(
        speaker: str, translation: str, tgt: str) -> None:
    """Regression: English letters do not say how a given name sounds (Jake: Джейк, Mike:
    Майк, Sean: Шон), so a correctly transcribed speaker was "missing from the translation"
    although the family name was there. A Western name's family name is now enough; a
    speaker left out, or given another family name, is still reported."""
    source = f"“We are ready,” said {speaker}."
    assert check_entry(source, translation, "en", tgt) == []
    assert check_entry(translation, source, tgt, "en") == []  # (the other way round)
    [missing] = check_entry(source, "«Мы готовы», — сказал министр.", "en", "ru")
    assert missing.check == "speaker" and "missing" in missing.message


_SAID = {"en": "“We are ready,” said {}.", "ru": "«Мы готовы», — сказал {}.",
         "az": "“Biz hazırıq”, – deyə {} bildirib."}


@pytest.mark.parametrize("src, speaker, tgt, right, wrong", [
    ("en", "John Wright", "ru", "Джон Райт", "Джон Райли"),
    ("en", "John Wright", "az", "Con Rayt", "Con Rayan"),
    ("ru", "Джон Райт", "en", "John Wright", "John White"),
    ("en", "Simon Hughes", "ru", "Саймон Хьюз", "Саймон Хиггинс"),
    ("en", "Simon Hughes", "az", "Saymon Hyuz", "Saymon Hyum"),
    ("ru", "Саймон Хьюз", "en", "Simon Hughes", "Simon Hayes"),
    ("en", "Rachel Reeves", "ru", "Рейчел Ривз", "Рейчел Ривера"),
    ("en", "Marvin Rees", "ru", "Марвин Рис", "Марвин Росс"),
    ("en", "Olaf Scholz", "ru", "Олаф Шольц", "Олаф Шульте"),
    ("en", "Olaf Scholz", "az", "Olaf Şolts", "Olaf Şulman"),
    ("az", "Olaf Şolts", "en", "Olaf Scholz", "Olaf Schulte"),
    ("en", "Friedrich Merz", "ru", "Фридрих Мерц", "Фридрих Мерк"),
    ("en", "Friedrich Merz", "az", "Fridrix Merts", "Fridrix Marks"),
    ("ru", "Фридрих Мерц", "en", "Friedrich Merz", "Friedrich Marx"),
    ("en", "Steve Witkoff", "ru", "Стив Уиткофф", "Стив Уилкинс"),
    ("en", "Elon Musk", "ru", "Илон Маск", "Илон Мэй"),
    ("en", "Elon Musk", "az", "İlon Mask", "İlon Mark"),
    ("ru", "Илон Маск", "en", "Elon Musk", "Elon Marks"),
    ("en", "Matthew Bryza", "ru", "Мэтью Брайза", "Мэтью Брайан"),
    ("en", "Xi Jinping", "ru", "Си Цзиньпин", "Си Ли"),
    ("ru", "Си Цзиньпин", "en", "Xi Jinping", "Xi Qiang"),
    ("en", "Li Qiang", "ru", "Ли Цян", "Ли Ван"),
    ("en", "Recep Tayyip Erdoğan", "ru", "Реджеп Тайип Эрдоган", "Реджеп Тайип Эрдем"),
    ("en", "Recep Tayyip Erdoğan", "az", "Rəcəb Tayyib Ərdoğan", "Rəcəb Tayyib Ərdəm"),
    ("az", "Rəcəb Tayyib Ərdoğan", "en", "Recep Tayyip Erdoğan", "Recep Tayyip Erdem"),
    ("az", "Rəcəb Tayyib Ərdoğan", "ru", "Реджеп Тайип Эрдоган", "Реджеп Тайип Эрдем"),
    ("en", "Volodymyr Zelensky", "ru", "Владимир Зеленский", "Владимир Земский"),
    ("en", "Volodymyr Zelensky", "az", "Volodimir Zelenski", "Volodimir Zeynalov"),
    ("az", "Volodimir Zelenski", "en", "Volodymyr Zelensky", "Volodymyr Zubov"),
    ("en", "Emmanuel Macron", "ru", "Эммануэль Макрон", "Эммануэль Мартен"),
    ("en", "Emmanuel Macron", "az", "Emmanuel Makron", "Emmanuel Marten"),
    ("ru", "Эммануэль Макрон", "en", "Emmanuel Macron", "Emmanuel Martin"),
    ("en", "Laurent Fabius", "ru", "Лоран Фабиус", "Лоран Фавье"),
    ("en", "Christine Lagarde", "ru", "Кристин Лагард", "Кристин Лагранж"),
    ("en", "Jerome Powell", "ru", "Джером Пауэлл", "Джером Пауэрс"),
    ("en", "Antony Blinken", "ru", "Энтони Блинкен", "Энтони Блэр"),
    ("en", "Keir Starmer", "ru", "Кир Стармер", "Кир Стоун"),
    ("en", "Keir Starmer", "az", "Kir Starmer", "Kir Stoun"),
    ("en", "Kaja Kallas", "ru", "Кая Каллас", "Кая Кассис"),
    ("az", "Kaya Kallas", "en", "Kaja Kallas", "Kaja Kaljulaid"),
    ("en", "Samir Karimov", "ru", "С. Керимов", "Самир Каримли"),
    ("en", "Samir Karimov", "az", "S. Kərimov", "S. Kərimli"),
    ("az", "Samir Kərimov", "ru", "С. Керимов", "С. Каримли"),
    ("az", "Samir Kərimov", "en", "S. Karimov", "R. Karimov"),
    ("ru", "Самир Керимов", "az", "S. Kərimov", "S. Kərimli"),
    ("en", "John Wright", "ru", "Дж. Райт", "Дж. Росс"),
    ("en", "Javid Huseynov", "ru", "Дж. Гусейнов", "Р. Гусейнов"),
    ("az", "Cavid Hüseynov", "en", "J. Huseynov", "J. Hasanov"),
    ("ru", "Шахин Мамедов", "az", "Ş. Məmmədov", "Ş. Məmmədli"),
    ("en", "Ilham Shaban", "ru", "Ильхам Шабан", "Ильхам Шапан"),
    ("ru", "Ильхам Шабан", "en", "Ilham Shaban", "Ilham Shapan"),
    ("en", "Ilham Shaban", "az", "İlham Şaban", "İlham Şapan"),
])
def test_a_speaker_written_by_ear_or_by_initial_is_present_and_another_name_is_not(
        src: str, speaker: str, tgt: str, right: str, wrong: str) -> None:
    """Regression: English, German, French and Chinese names as Russian and Azerbaijani
    write them by ear (Wright: Райт, Hughes: Хьюз, Merz: Мерц, Şolts, Jinping: Цзиньпин)
    and a given name written as its initial (Samir Karimov: С. Керимов, S. Kərimov) were
    reported as a missing speaker, both ways. Another family's name in the translation
    (Rees: Росс, Karimov: Каримли, Shaban: Шапан) or another initial is still reported."""
    source = _SAID[src].format(speaker)
    assert check_entry(source, _SAID[tgt].format(right), src, tgt, only=["speaker"]) == []
    assert check_entry(source, _SAID[tgt].format(wrong), src, tgt, only=["speaker"]) != []



@pytest.mark.parametrize("source, translation, src, tgt", [
    ("«Мы готовы», — сказал Дж. Гусейнов.", "“We are ready,” said Javid Huseynov.", "ru", "en"),
    ("«Мы готовы», — сказал Дж. Гусейнов.", "“We are ready,” said J. Huseynov.", "ru", "en"),
    ("“We are ready,” said Sh. Mammadov.", "«Мы готовы», — сказал Шахин Мамедов.", "en", "ru"),
])
def test_a_speaker_with_a_two_letter_initial_may_have_the_given_name_written_whole(
        source: str, translation: str, src: str, tgt: str) -> None:
    """Regression: the speaker was 'Дж' (the initial's full stop ended the name), then the
    initial was a word the translation had to contain, so Javid Huseynov was "missing";
    the family name still decides (Javid Hasanov, Шахин Мамедли are other people)."""
    assert check_entry(source, translation, src, tgt) == []
    wrong = translation.replace("Huseynov", "Hasanov").replace("Мамедов", "Мамедли")
    assert [f.check for f in check_entry(source, wrong, src, tgt)] == ["speaker"]

def test_an_abbreviation_before_the_family_name_is_no_initial() -> None:
    """An upper-case abbreviation ending a sentence (ЕС., ES.) is not the given name's
    initial, so a translation that drops the given name Elchin is still reported."""
    source = "“We are ready,” said Elchin Karimov."
    assert check_entry(source, "«Мы готовы», — сказал Э. Керимов.", "en", "ru", only=["speaker"]) == []
    assert check_entry(source, "«Мы готовы», — сказали в ЕС. Керимов согласен.", "en", "ru",
                       only=["speaker"]) != []
    assert check_entry(source, "“Biz hazırıq”, – deyə ES. Kərimov bildirib.", "en", "az",
                       only=["speaker"]) != []


def test_a_myst_roles_displayed_text_may_be_translated_and_its_target_may_not() -> None:
    """Regression: machine translation now translates ``{ref}`the map <port-map>```'s text,
    and the code check reported every such translation as a code span changed."""
    source = "See {ref}`the map <port-map>` and `make all`."
    assert checks_fired(source, "См. {ref}`карту <port-map>` и `make all`.") == []
    assert ("code", Severity.ERROR) in checks_fired(source, "См. {ref}`карту <port-karta>` и `make all`.")
    assert ("code", Severity.ERROR) in checks_fired("Run `the map <port-map>` now.", "Run `карту <port-map>` now.")


def speaker_findings(source: list[str], translation: list[str], src: str, tgt: str) -> list[str]:
    """The speaker findings of an article's translated segments, checked in its context."""
    resolved, speakers = segment_resolutions(source, src), segment_speakers(source, src)
    return [finding.message for index, (mine, theirs) in enumerate(zip(source, translation))
            for finding in check_entry(mine, theirs, src, tgt, speakers=speakers[index],
                                       resolved=resolved[index]) if finding.check == "speaker"]


#: (source language, source, target language, a right translation, a wrong one: the speaker
#: swapped, or the pronoun given the other gender).
WHO_SAID_WHAT = [
    ("en", ["French President Emmanuel Macron arrived in Baku.", "Macron: “We will not wait.”"],
     "ru", ["Президент Франции Эммануэль Макрон прибыл в Баку.", "Макрон: «Мы не будем ждать»."],
           ["Президент Франции Эммануэль Макрон прибыл в Баку.", "Алиев: «Мы не будем ждать»."]),
    ("ru", ["Президент Франции Эммануэль Макрон прибыл в Баку.", "Макрон: «Мы не будем ждать»."],
     "az", ["Fransa Prezidenti Emmanuel Makron Bakıya gəlib.", "Makron: “Gözləməyəcəyik.”"],
           ["Fransa Prezidenti Emmanuel Makron Bakıya gəlib.", "Əliyev: “Gözləməyəcəyik.”"]),
    ("az", ["Fransa Prezidenti Emmanuel Makron bu gün Bakıya gəlib.", "Makron: “Gözləməyəcəyik.”"],
     "en", ["French President Emmanuel Macron arrived in Baku today.", "Macron: “We will not wait.”"],
           ["French President Emmanuel Macron arrived in Baku today.", "Merkel: “We will not wait.”"]),
    ("en", ["Economist Samir Karimov spoke on Monday.", "Karimov said:", "“Prices will rise.”"],
     "ru", ["Экономист Самир Керимов выступил в понедельник.", "Керимов заявил:", "«Цены вырастут»."],
           ["Экономист Самир Керимов выступил в понедельник.", "Гусейнова заявила:", "«Цены вырастут»."]),
    ("ru", ["Самир Керимов заявил:", "«Мы не будем ждать»."],
     "en", ["Samir Karimov said:", "“We will not wait.”"],
           ["Leyla Huseynova said:", "“We will not wait.”"]),
    ("az", ["Samir Kərimov bildirib:", "«Gözləməyəcəyik»."],
     "ru", ["Самир Керимов заявил:", "«Мы не будем ждать»."],
           ["Лейла Гусейнова заявила:", "«Мы не будем ждать»."]),
    ("en", ["Leyla Huseynova was asked about the reform.", "Her answer, in full:", "“We will not wait.”"],
     "ru", ["Лейлу Гусейнову спросили о реформе.", "Её ответ полностью:", "«Мы не будем ждать»."],
           ["Лейлу Гусейнову спросили о реформе.", "Его ответ полностью:", "«Мы не будем ждать»."]),
    ("az", ["Nazir müavini Cavad Cavadov jurnalistlərlə görüşüb.", "«Limanın gücü artacaq», – deyə o bildirib."],
     "ru", ["Замминистра Джавад Джавадов встретился с журналистами.", "«Мощность порта вырастет», — добавил он."],
           ["Замминистра Джавад Джавадов встретился с журналистами.", "«Мощность порта вырастет», — добавила она."]),
    ("az", ["Nazir müavini Cavad Cavadov jurnalistlərlə görüşüb.", "«Limanın gücü artacaq», – deyə o bildirib."],
     "en", ["Deputy minister Javad Javadov met reporters.", "“The port will grow,” he said."],
           ["Deputy minister Javad Javadov met reporters.", "“The port will grow,” she said."]),
    ("az", ["Müğənni Aysel Məmmədova konsert verib.", "“Çox xoşbəxtəm,” – o deyib."],
     "en", ["Singer Aysel Mammadova gave a concert.", "“I am very happy,” she said."],
           ["Singer Aysel Mammadova gave a concert.", "“I am very happy,” he said."]),
    ("az", ["Müğənni Aysel Məmmədova konsert verib.", "“Çox xoşbəxtəm,” – o deyib."],
     "ru", ["Певица Айсель Мамедова дала концерт.", "«Я очень счастлива», — сказала она."],
           ["Певица Айсель Мамедова дала концерт.", "«Я очень счастлива», — сказал он."]),
    ("en", ["Kenya's Daniel Kipchumba won the race in Baku.", "“It was hard,” he said."],
     "ru", ["Кениец Дэниел Кипчумба выиграл забег в Баку.", "«Было тяжело», — сказал он."],
           ["Кениец Дэниел Кипчумба выиграл забег в Баку.", "«Было тяжело», — сказала она."]),
    ("en", ["Azerbaijan's Aysel Mammadova won gold in Paris.", "“I dreamt of it,” she said."],
     "az", ["Azərbaycanlı Aysel Məmmədova Parisdə qızıl qazanıb.", "“Bunu arzulayırdım,” – o deyib."],
           ["Azərbaycanlı Aysel Məmmədova Parisdə qızıl qazanıb.", "“Bunu arzulayırdım,” – Əliyev deyib."]),
    ("ru", ['Шахрияр Мамедъяров сыграл вничью с Теймуром Раджабовым.', '«Было тяжело», — сказал Мамедъяров после партии. Позже он ответил коротко: «Посмотрим».'],
     "en", ['Shakhriyar Mamedyarov drew with Teimour Radjabov.', '“It was hard,” Mamedyarov said after the game. Later he answered briefly: “We will see.”'],
           ['Shakhriyar Mamedyarov drew with Teimour Radjabov.', '“It was hard,” Mamedyarov said after the game. Later she answered briefly: “We will see.”']),
    ("ru", ['Шахрияр Мамедъяров сыграл вничью с Теймуром Раджабовым.', '«Было тяжело», — сказал Мамедъяров после партии. Позже он ответил коротко: «Посмотрим».'],
     "en", ['Shakhriyar Mamedyarov drew with Teimour Radjabov.', '“It was hard,” Mamedyarov said after the game. Later he answered briefly: “We will see.”'],
           ['Shakhriyar Mamedyarov drew with Teimour Radjabov.', '“It was hard,” Radjabov said after the game. Later he answered briefly: “We will see.”']),
    ("az", ['Kamal Abdulla romanını təqdim edib.', 'Tərcüməçi Aynur Məmmədova deyir ki, iş çətin olub. «Çox çalışdıq», — o bildirib.'],
     "ru", ['Камал Абдулла представил свой роман.', 'Переводчица Айнур Мамедова говорит, что работа была трудной. «Мы много работали», — сказала она.'],
           ['Камал Абдулла представил свой роман.', 'Переводчица Айнур Мамедова говорит, что работа была трудной. «Мы много работали», — сказал он.']),
    ("az", ['Kamal Abdulla romanını təqdim edib.', 'Tərcüməçi Aynur Məmmədova deyir ki, iş çətin olub. «Çox çalışdıq», — o bildirib.'],
     "en", ['Kamal Abdulla presented his novel.', 'Translator Aynur Mammadova says the work was hard. “We worked a lot,” she said.'],
           ['Kamal Abdulla presented his novel.', 'Translator Aynur Mammadova says the work was hard. “We worked a lot,” he said.']),
    ("az", ["“Sülh istəyirik,” deyə Ceyhun Bayramov və Ararat Mirzoyan birgə bəyanatda bildiriblər."],
     "en", ["“We want peace,” Jeyhun Bayramov and Ararat Mirzoyan said in a joint statement."],
           ["“We want peace,” Jeyhun Bayramov said in a statement."]),
    ("en", ["“We want peace,” Jeyhun Bayramov and Ararat Mirzoyan said in a joint statement."],
     "ru", ["«Мы хотим мира», — заявили Джейхун Байрамов и Арарат Мирзоян в совместном заявлении."],
           ["«Мы хотим мира», — заявил Джейхун Байрамов в заявлении."]),
    ("en", ["Azerbaijan's Aysel Mammadova won gold in Paris.", "“I dreamt of it,” she said."],
     "az", ["Azərbaycanlı Aysel Məmmədova Parisdə qızıl qazanıb.", "“Bunu arzulayırdım,” – Məmmədova deyib."],
           ["Azərbaycanlı Aysel Məmmədova Parisdə qızıl qazanıb.", "“Bunu arzulayırdım,” – Quliyev deyib."]),
    ("ru", ["Министр Лейла Гусейнова встретилась с Самиром Керимовым.", "Гусейнова: «Сроки не изменятся»."],
     "en", ["Minister Leyla Huseynova met Samir Karimov.", "Huseynova: “The deadlines will not change.”"],
           ["Minister Leyla Huseynova met Samir Karimov.", "Karimov: “The deadlines will not change.”"]),
    ("en", ["Minister Leyla Huseynova met Samir Karimov.", "Huseynova: “The deadlines will not change.”"],
     "az", ["Nazir Leyla Hüseynova Samir Kərimovla görüşüb.", "Hüseynova: “Müddətlər dəyişməyəcək.”"],
           ["Nazir Leyla Hüseynova Samir Kərimovla görüşüb.", "Kərimov: “Müddətlər dəyişməyəcək.”"]),
    ("ru", ["Адвокат Джавад Гусейнли вышел к журналистам.", "Он сказал:", "«Мы подадим апелляцию»."],
     "en", ["Lawyer Javad Huseynli came out to reporters.", "He said:", "“We will appeal.”"],
           ["Lawyer Javad Huseynli came out to reporters.", "She said:", "“We will appeal.”"]),
    ("az", ["Vəkil Cavad Cavadov jurnalistlərin qarşısına çıxıb.", "O bildirib:", "«Apellyasiya verəcəyik»."],
     "ru", ["Адвокат Джавад Джавадов вышел к журналистам.", "Он заявил:", "«Мы подадим апелляцию»."],
           ["Адвокат Джавад Джавадов вышел к журналистам.", "Она заявила:", "«Мы подадим апелляцию»."]),
    ("en", ["Kenya's Daniel Kipchumba won the race in Baku.", "“It was hard,” Kipchumba said."],
     "az", ["Keniyalı Daniel Kipçumba Bakıda qaçışı qazanıb.", "“Çətin idi,” – Kipçumba deyib."],
           ["Keniyalı Daniel Kipçumba Bakıda qaçışı qazanıb.", "“Çətin idi,” – Məmmədov deyib."]),
    ("ru", ["Глава SOCAR Ровшан Наджаф выступил на форуме.", "«Добыча вырастет», — сказал он."],
     "en", ["SOCAR head Rovshan Najaf spoke at the forum.", "“Output will grow,” he said."],
           ["SOCAR head Rovshan Najaf spoke at the forum.", "“Output will grow,” she said."]),
    ("en", ["Teacher Gunel Safarova opened the school.", "“Children come first,” she said.", "She added: “We need more books.”"],
     "ru", ["Учитель Гюнель Сафарова открыла школу.", "«Дети прежде всего», — сказала она.", "Она добавила: «Нам нужно больше книг»."],
           ["Учитель Гюнель Сафарова открыла школу.", "«Дети прежде всего», — сказала она.", "Он добавил: «Нам нужно больше книг»."]),
    ("az", ["Müəllim Günel Səfərova məktəbi açıb.", "“Uşaqlar birinci yerdədir,” – o deyib."],
     "ru", ["Учитель Гюнель Сафарова открыла школу.", "«Дети на первом месте», — сказала Сафарова."],
           ["Учитель Гюнель Сафарова открыла школу.", "«Дети на первом месте», — сказал Керимов."]),
    ("en", ["Samir Karimov and Leyla Huseynova met.", "“Ships are late,” Karimov said.", "“They are early,” Huseynova replied."],
     "ru", ["Самир Керимов и Лейла Гусейнова встретились.", "«Суда опаздывают», — сказал Керимов.", "«Они приходят раньше», — ответила Гусейнова."],
           ["Самир Керимов и Лейла Гусейнова встретились.", "«Суда опаздывают», — сказала Гусейнова.", "«Они приходят раньше», — ответил Керимов."]),
    ("ru", ["Полиция задержала Анара Алиева.", "Его мать Севиль Алиева рассказала:", "«Он ни в чем не виноват»."],
     "en", ["Police detained Anar Aliyev.", "His mother Sevil Aliyeva said:", "“He is not guilty of anything.”"],
           ["Police detained Anar Aliyev.", "His father Rauf Aliyev said:", "“He is not guilty of anything.”"]),
    ("az", ["Baş nazir Əli Əsədov bu gün Gəncəyə gəlib.", "Əsədov: “Gözləməyəcəyik.”", "O əlavə edib: “Sülh vacibdir.”"],
     "ru", ["Премьер-министр Али Асадов сегодня прибыл в Гянджу.", "Асадов: «Мы не будем ждать».", "Он добавил: «Мир важен»."],
           ["Премьер-министр Али Асадов сегодня прибыл в Гянджу.", "Асадов: «Мы не будем ждать».", "Она добавила: «Мир важен»."]),
    ("en", ["Minister Leyla Huseynova visited the port.", "According to her, “the port will double in size.”"],
     "ru", ["Министр Лейла Гусейнова посетила порт.", "По её словам, «порт вырастет вдвое»."],
           ["Министр Лейла Гусейнова посетила порт.", "По его словам, «порт вырастет вдвое»."]),
    ("ru", ["Министр Лейла Гусейнова посетила порт.", "По её словам, «порт вырастет вдвое»."],
     "en", ["Minister Leyla Huseynova visited the port.", "According to her, “the port will double in size.”"],
           ["Minister Leyla Huseynova visited the port.", "According to him, “the port will double in size.”"]),
    ("az", ["Nazir Leyla Hüseynova limana baş çəkib.", "Onun sözlərinə görə, “liman iki dəfə böyüyəcək”."],
     "ru", ["Министр Лейла Гусейнова посетила порт.", "По её словам, «порт вырастет вдвое»."],
           ["Министр Лейла Гусейнова посетила порт.", "По его словам, «порт вырастет вдвое»."]),
    ("en", ["Economist Samir Karimov criticised the budget.", "“It is fiction,” he told reporters on Monday."],
     "ru", ["Экономист Самир Керимов раскритиковал бюджет.", "«Это фикция», — сказал он журналистам в понедельник."],
           ["Экономист Самир Керимов раскритиковал бюджет.", "«Это фикция», — сказала она журналистам в понедельник."]),
    ("ru", ["Экономист Самир Керимов раскритиковал бюджет.", "«Это фикция», — сказал он журналистам."],
     "az", ["İqtisadçı Samir Kərimov büdcəni tənqid edib.", "“Bu uydurmadır,” – deyə o jurnalistlərə bildirib."],
           ["İqtisadçı Samir Kərimov büdcəni tənqid edib.", "“Bu uydurmadır,” – deyə Hüseynova jurnalistlərə bildirib."]),
    ("en", ["Samir Karimov and Leyla Huseynova debated.", "“Taxes must fall,” he said. “They must rise,” she answered."],
     "az", ["Samir Kərimov və Leyla Hüseynova mübahisə ediblər.", "“Vergilər azalmalıdır,” – deyə Kərimov bildirib. “Onlar artmalıdır,” – deyə Hüseynova cavab verib."],
           ["Samir Kərimov və Leyla Hüseynova mübahisə ediblər.", "“Vergilər azalmalıdır,” – deyə Hüseynova bildirib. “Onlar artmalıdır,” – deyə Kərimov cavab verib."]),
    ("az", ["Samir Kərimov və Leyla Hüseynova mübahisə ediblər.", "“Vergilər azalmalıdır,” – deyə Kərimov bildirib. “Onlar artmalıdır,” – deyə Hüseynova cavab verib."],
     "en", ["Samir Karimov and Leyla Huseynova debated.", "“Taxes must fall,” Karimov said. “They must rise,” Huseynova answered."],
           ["Samir Karimov and Leyla Huseynova debated.", "“Taxes must fall,” she said. “They must rise,” he answered."]),
    ("ru", ["Спортсменка Айсель Мамедова выиграла турнир.", "Мамедова:", "«Я посвящаю победу тренеру»."],
     "en", ["Athlete Aysel Mammadova won the tournament.", "Mammadova:", "“I dedicate the win to my coach.”"],
           ["Athlete Aysel Mammadova won the tournament.", "He said:", "“I dedicate the win to my coach.”"]),
    ("en", ["The court sentenced journalist Sevinj Vagifgizi.", "Her lawyer Fuad Aghayev said:", "“We will appeal.”"],
     "ru", ["Суд вынес приговор журналистке Севиндж Вагифгызы.", "Её адвокат Фуад Агаев заявил:", "«Мы подадим апелляцию»."],
           ["Суд вынес приговор журналистке Севиндж Вагифгызы.", "Её адвокат Фуад Агаев заявила:", "«Мы подадим апелляцию»."]),
    ("en", ["“I dedicate it to my coach,” Aysel Mammadova said after the final."],
     "ru", ["«Я посвящаю её тренеру», — сказала Айсель Мамедова после финала."],
           ["«Я посвящаю её тренеру», — сказал Айсель Мамедова после финала."]),
    ("az", ["“Bunu məşqçimə həsr edirəm,” – deyə Aysel Məmmədova finaldan sonra bildirib."],
     "ru", ["«Я посвящаю это тренеру», — заявила Айсель Мамедова после финала."],
           ["«Я посвящаю это тренеру», — заявил Айсель Мамедова после финала."]),
    ("en", ["Leyla Aliyeva, a teacher, spoke first.", "“Schools need books,” she said, and Samir Karimov agreed."],
     "ru", ["Первой выступила учитель Лейла Алиева.", "«Школам нужны книги», — сказала она, и Самир Керимов согласился."],
           ["Первой выступила учитель Лейла Алиева.", "«Школам нужны книги», — сказал он, и Самир Керимов согласился."]),
    ("en", ["Minister Leyla Huseynova and her deputy Samir Karimov visited Ganja.", "“Roads come first,” Huseynova said. “Then schools,” Karimov added."],
     "az", ["Nazir Leyla Hüseynova və onun müavini Samir Kərimov Gəncəyə səfər ediblər.", "“Əvvəlcə yollar,” – deyə Hüseynova bildirib. “Sonra məktəblər,” – deyə Kərimov əlavə edib."],
           ["Nazir Leyla Hüseynova və onun müavini Samir Kərimov Gəncəyə səfər ediblər.", "“Əvvəlcə yollar,” – deyə Kərimov bildirib. “Sonra məktəblər,” – deyə Hüseynova əlavə edib."]),
    ("az", ["Nazir Leyla Hüseynova və onun müavini Samir Kərimov Gəncəyə səfər ediblər.", "“Əvvəlcə yollar,” – deyə Hüseynova bildirib. “Sonra məktəblər,” – deyə Kərimov əlavə edib."],
     "ru", ["Министр Лейла Гусейнова и её заместитель Самир Керимов посетили Гянджу.", "«Сначала дороги», — сказала Гусейнова. «Потом школы», — добавил Керимов."],
           ["Министр Лейла Гусейнова и её заместитель Самир Керимов посетили Гянджу.", "«Сначала дороги», — сказал Керимов. «Потом школы», — добавила Гусейнова."]),
    ("ru", ["Министр Лейла Гусейнова и её заместитель Самир Керимов посетили Гянджу.", "«Сначала дороги», — сказала Гусейнова. «Потом школы», — добавил Керимов."],
     "en", ["Minister Leyla Huseynova and her deputy Samir Karimov visited Ganja.", "“Roads come first,” Huseynova said. “Then schools,” Karimov added."],
           ["Minister Leyla Huseynova and her deputy Samir Karimov visited Ganja.", "“Roads come first,” Karimov said. “Then schools,” Huseynova added."]),
    ("en", ["Farmer Elchin Mammadov lost his harvest.", "His wife Sevda Mammadova said:", "“We have nothing left.”"],
     "ru", ["Фермер Эльчин Мамедов потерял урожай.", "Его жена Севда Мамедова сказала:", "«У нас ничего не осталось»."],
           ["Фермер Эльчин Мамедов потерял урожай.", "Его жена Севда Мамедова сказал:", "«У нас ничего не осталось»."]),
    ("az", ["Fermer Elçin Məmmədov məhsulunu itirib.", "Onun həyat yoldaşı Sevda Məmmədova deyib:", "“Heç nəyimiz qalmayıb.”"],
     "en", ["Farmer Elchin Mammadov lost his harvest.", "His wife Sevda Mammadova said:", "“We have nothing left.”"],
           ["Farmer Elchin Mammadov lost his harvest.", "He said:", "“We have nothing left.”"]),
]


@pytest.mark.parametrize(("src", "source", "tgt", "right", "wrong"), WHO_SAID_WHAT)
def test_who_said_what_survives_a_right_translation_and_a_wrong_one_is_caught(
        src: str, source: list[str], tgt: str, right: list[str], wrong: list[str]) -> None:
    """Regressions: a surname alone before a colon (Macron: “…”), a lead-in ending the
    paragraph above (He said: / O bildirib:), Azerbaijani o resolved to a man translated
    “— добавила она”, a possessive place before a name (Kenya's Daniel Kipchumba … he
    said), a joint statement: in each the speaker went unread, so a translation handing the
    quotation to another person or gender passed."""
    assert speaker_findings(source, right, src, tgt) == []
    assert speaker_findings(source, wrong, src, tgt) != []


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("The rate was 1.7 manats to the dollar.", "Məzənnə 1 dollar üçün 1,7 manat olub.", "en", "az"),
    ("Курс составил 1,7 маната за доллар.", "Məzənnə 1 dollar üçün 1,7 manat olub.", "ru", "az"),
    ("Məzənnə 1 dollar üçün 1,7 manat olub.", "The rate was 1.7 manats to the dollar.", "az", "en"),
    ("The rate was 1.7 manats to the dollar.", "Курс составил 1,7 маната за 1 доллар.", "en", "ru"),
])
def test_a_one_written_before_the_currency_of_a_rate_passes(source: str, output: str, src: str,
                                                            tgt: str) -> None:
    """Regression: a rate told 'per dollar' in one language and 'per 1 dollar' in another
    (1 dollar üçün, за 1 доллар) was a numbers error, 'not in the source: 1'."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt", "message"), [
    ("It cost 2 dollars.", "Это стоило 1 доллар.", "en", "ru", "missing from the translation: 2"),
    ("The rate was 1.7 manats to the dollar.", "Курс составил 1,7 маната за 1 евро.", "en", "ru",
     "the currency 'dollar' of the source is 'евро'"),
])
def test_a_one_before_a_currency_still_reports_what_changed(source: str, output: str, src: str,
                                                            tgt: str, message: str) -> None:
    findings = [f.message for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert any(message in m for m in findings), findings


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("He was jailed under Article 178.3.", "Он осуждён по части 3 статьи 178.", "en", "ru"),
    ("He was jailed under Article 178.3.", "Он осуждён по ч. 3 ст. 178 УК.", "en", "ru"),
    ("Он осуждён по ч. 3 ст. 178 УК.", "He was jailed under part 3 of Article 178.", "ru", "en"),
    ("Он осуждён по ч. 3 ст. 178 УК.", "O, Cinayət Məcəlləsinin 178.3-cü maddəsi ilə məhkum edilib.", "ru", "az"),
    ("O, 178-ci maddənin 3-cü hissəsi ilə məhkum edilib.", "Он осуждён по статье 178.3.", "az", "ru"),
    ("Under Articles 178.3 and 179.2.", "По ч. 3 ст. 178 и ч. 2 ст. 179.", "en", "ru"),
])
def test_an_article_and_its_part_told_as_two_figures_pass(source: str, output: str, src: str,
                                                          tgt: str) -> None:
    """Regression: Article 178.3 told as Russian court reports write it, ч. 3 ст. 178 (part 3
    of Article 178), was a numbers error: 178.3 missing, 3 and 178 not in the source."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("output", "message"), [
    ("Он осуждён по части 2 статьи 178.", "missing from the translation: 178.3"),
    ("Он осуждён по части 3 статьи 187.", "missing from the translation: 178.3"),
    ("По ч. 2 ст. 178 и ч. 3 ст. 179.", "missing from the translation: 178.3, 179.2"),
])
def test_an_article_or_part_changed_is_still_a_numbers_error(output: str, message: str) -> None:
    source = "He was jailed under Articles 178.3 and 179.2." if "179" in output \
        else "He was jailed under Article 178.3."
    findings = [f.message for f in check_entry(source, output, "en", "ru") if f.check == "numbers"]
    assert any(message in m for m in findings), findings


@pytest.mark.parametrize(("source", "output", "src", "tgt", "message"), [
    ("Qarabag beat Neftchi 3:1.", "«Карабах» обыграл «Нефтчи» со счётом 1:3.", "en", "ru",
     "'3:1' of the source is '1:3' in the translation"),
    ("Qarabag beat Neftchi 3-1.", "Qarabağ Neftçini 1:3 hesabı ilə məğlub edib.", "en", "az",
     "'3-1' of the source is '1:3' in the translation"),
    ("Ветер 15–20 м/с.", "Wind 20–15 m/s.", "ru", "en", "'15–20' of the source is '20–15' in the translation"),
])
def test_a_score_or_range_written_the_other_way_round_is_a_numbers_warning(
        source: str, output: str, src: str, tgt: str, message: str) -> None:
    """Regression: a score reversed (3:1 → 1:3) passed, all its figures being there; it is a
    warning now (a translator may also have named the teams the other way round)."""
    (finding,) = [f for f in check_entry(source, output, src, tgt) if f.check == "numbers"]
    assert message in finding.message and finding.severity is Severity.WARNING


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Qarabag beat Neftchi 3-1.", "Qarabağ Neftçini 3:1 hesabı ilə məğlub edib.", "en", "az"),
    ("Sabah drew 2–2, Turan lost 0–2.", "«Сабах» сыграл 2:2, «Туран» проиграл 0:2.", "en", "ru"),
    ("Scores of 3:1 and 1:3.", "Счёт 1:3 и 3:1.", "en", "ru"),
    ("At 09:30 and 11:05.", "В 09:30 и 11:05.", "en", "ru"),
])
def test_a_score_or_range_in_the_source_order_passes(source: str, output: str, src: str, tgt: str) -> None:
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("Ekspert düşünür ki inflyasiya 5% olacaq.", "Эксперт ожидает роста цен на 5%.", "az", "ru"),
    ("A fellow of the institute expects inflation of 3%.", "Сотрудник института ожидает роста цен на 3%.",
     "en", "ru"),
    ("The contract price is 4% above the old one.", "Цена по контракту выросла на 4%.", "en", "ru"),
])
def test_a_word_that_only_looks_like_a_fall_is_no_fall(source: str, output: str, src: str, tgt: str) -> None:
    """'düşünür' (thinks), 'fellow' and the noun 'contract' are no words for a fall: a clause
    with them and a rise is a rise, told the same way in the translation."""
    assert "numbers" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output", "src", "tgt"), [
    ("— Did you expect it? — No, I said.", "— Вы ожидали? — Нет, — сказал я.", "en", "ru"),
    ("— Вы ожидали? — Нет, — сказал я.", "— Did you expect it? — No, I said.", "ru", "en"),
    ("— Did you expect to win? — “No,” I said to myself.", "— Вы ожидали победы? — «Нет», — сказал я себе.",
     "en", "ru"),
])
def test_interview_turns_joined_in_one_paragraph_are_no_extra_quotation(source: str, output: str, src: str,
                                                                        tgt: str) -> None:
    """Regression: interview lines written one under the other are joined into one entry
    (— Вы ожидали? — Нет, — сказал я); the second turn's capital 'Нет' was read as the
    author's words interrupting the first, one quotation more than the English."""
    assert "quote-count" not in [f.check for f in check_entry(source, output, src, tgt)]


@pytest.mark.parametrize(("source", "output"), [
    ("— Вы ожидали? — Нет, — сказал я.", "“Did you expect it?” “No,” I said."),
    ("— Вы ожидали такого результата? — Нет, — ответил тренер. — Совсем не ожидал.",
     "“Did you expect this result?” “No,” the coach replied. “I didn’t expect it at all.”"),
    ("— Готовы? — Да.", "“Ready?” “Yes.”"),
])
def test_interview_turns_joined_in_one_paragraph_may_each_take_quotation_marks(
        source: str, output: str) -> None:
    # Each turn of a dialogue paragraph is one speaker's words, which English puts in marks
    # of their own: the second speaker's turn was not counted, one quotation too few.
    assert check_entry(source, output, "ru", "en", only=["quote-count"]) == []


def test_a_turn_dropped_from_a_dialogue_paragraph_is_still_an_error() -> None:
    [lost] = check_entry("— Готовы? — Да.", "“Ready?”", "ru", "en", only=["quote-count"])
    assert "the source has 2 quotations, the translation 1 quotation" in lost.message


def test_a_dialogue_interrupted_by_its_author_still_counts_two_parts() -> None:
    findings = check_entry("— Ready? — he asked. — Then let us begin.", "— Готовы? — спросил он. — Тогда начнём.",
                           "en", "ru")
    assert "quote-count" not in [f.check for f in findings]
    findings = check_entry("— Ready?", "— Готовы? — спросил он. — Тогда начнём.", "en", "ru")
    assert "quote-count" in [f.check for f in findings]


def test_a_translated_wikilink_target_is_a_changed_url() -> None:
    """The page a wikilink names is its address: translated, the link leads nowhere. A label
    the translator adds to a bare link (``[[Baku Port|Бакинский порт]]``) is text."""
    source = "He visited [[Baku Port]] and ![[map.png]]."
    assert checks_fired(source, "Он посетил [[Baku Port|Бакинский порт]] и ![[map.png]].") == []
    assert ("urls", Severity.ERROR) in checks_fired(source, "Он посетил [[Бакинский порт]] и ![[map.png]].")


def test_a_lost_obsidian_block_identifier_is_markup() -> None:
    """``[[note#^port-growth]]`` links to the block its identifier closes: lost, the link
    leads nowhere."""
    (finding,) = check_entry("The port grew. ^port-growth", "Порт вырос.", "en", "ru")
    assert (finding.check, finding.message) == ("markup", "markup differs: ^port-growth 1→0")
    assert checks_fired("The port grew. ^port-growth", "Порт вырос. ^port-growth") == []
_ACCORDING = {"en": "According to {}, “we are ready.”", "ru": "По словам {}, «мы готовы».",
              "az": "{} sözlərinə görə, “biz hazırıq”."}


@pytest.mark.parametrize("src, speaker, tgt, right, wrong", [
    ("en", "Volodymyr Zelensky", "ru", "Владимира Зеленского", "Владимира Земского"),
    ("en", "Ed Davey", "az", "Ed Deyvinin", "Ed Leyvinin"),
    ("en", "Keir Starmer", "az", "Kir Starmerin", "Kir Stounun"),
    ("en", "Rachel Reeves", "ru", "Рейчел Ривз", "Рейчел Риверы"),
    ("az", "Hikmət Hacıyev", "ru", "Хикмета Гаджиева", "Хикмета Гаджили"),
])
def test_a_speaker_in_a_case_whose_ending_lowers_the_likeness_is_present(
        src: str, speaker: str, tgt: str, right: str, wrong: str) -> None:
    """Regression: a speaker written in the genitive (Владимира Зеленского, Ed Deyvinin)
    sounded less like the source's name than a rendering must, and was "missing from the
    translation". A word is now also heard without a case ending of its language (only a
    case's: Azerbaijani -nin after a vowel, -in after a consonant), and a consonant or
    family suffix changed before the ending is still another family's name."""
    source = _SAID[src].format(speaker)
    assert check_entry(source, _ACCORDING[tgt].format(right), src, tgt, only=["speaker"]) == []
    assert check_entry(source, _ACCORDING[tgt].format(wrong), src, tgt, only=["speaker"]) != []


@pytest.mark.parametrize("speaker, wrong", [("Jack Straw", "Cek Stoun"), ("John Wright", "Con Rayan"),
                                            ("Hikmət Hacıyev", "Hikmət Hacılı")])
def test_letters_that_are_no_case_ending_are_not_taken_off(speaker: str, wrong: str) -> None:
    """Azerbaijani -un, -an and -lı after these stems are no case ending (a vowel stem's
    genitive is -nun, -lı makes a family name), so the stem left is no reading of the name."""
    src = "az" if "ə" in speaker else "en"
    assert check_entry(_SAID[src].format(speaker), _SAID["az"].format(wrong), src, "az",
                       only=["speaker"]) != []


def test_an_english_gh_before_l_is_the_azerbaijani_g_it_writes() -> None:
    """Ibadoghlu's gh is İbadoğlu's ğ, not an English silent gh: İbatoğlunun (t for d, in
    the genitive) is another family's name, and İbadoğlunun the speaker."""
    source = "According to economist Gubad Ibadoghlu, “the budget relies too heavily on oil.”"
    right = "İqtisadçı Qubad İbadoğlunun sözlərinə görə, “büdcə neftdən asılıdır.”"
    assert check_entry(source, right, "en", "az", only=["speaker"]) == []
    assert check_entry(source, right.replace("İbadoğlunun", "İbatoğlunun"), "en", "az", only=["speaker"]) != []


@pytest.mark.parametrize("tgt, right, wrong", [("ru", "Ван И", "Ван Ли"), ("az", "Van İ", "Van Li"),
                                               ("ru", "Ван И", "Ван")])
def test_a_two_letter_name_written_as_one_letter_is_present(tgt: str, right: str, wrong: str) -> None:
    """Regression: Wang Yi → Ван И was a missing speaker: a one-letter word was no word to
    look for the name's Yi in. A capital letter standing alone (not an initial) now renders
    a two-letter word of a name that sounds like it; another syllable or none is reported."""
    source = _SAID["en"].format("Wang Yi")
    assert check_entry(source, _SAID[tgt].format(right), "en", tgt, only=["speaker"]) == []
    assert check_entry(source, _SAID[tgt].format(wrong), "en", tgt, only=["speaker"]) != []
    assert check_entry(_SAID[tgt].format(right), source, tgt, "en", only=["speaker"]) == []


@pytest.mark.parametrize("src, speaker, tgt, right, wrong", [
    ("en", "François Hollande", "ru", "Франсуа Олланд", "Франсуа Олланж"),
    ("en", "François Hollande", "az", "Fransua Olland", "Fransua Ollans"),
    ("ru", "Франсуа Олланд", "en", "François Hollande", "François Holbrooke"),
    ("az", "Fransua Olland", "en", "François Hollande", "François Holbrooke"),
    ("en", "Anne Hidalgo", "ru", "Анн Идальго", "Анн Идальман"),
])
def test_a_silent_opening_h_may_be_left_unwritten(src: str, speaker: str, tgt: str, right: str,
                                                  wrong: str) -> None:
    """Regression: Hollande → Олланд, Olland (and back) was a missing speaker: the French
    and Spanish H before a vowel is silent, and Russian and Azerbaijani do not write it. A
    Latin word's opening H may now be left out (French ç reads с), and the letters after it
    are still compared (Олланж: another closing consonant)."""
    source = _SAID[src].format(speaker)
    assert check_entry(source, _SAID[tgt].format(right), src, tgt, only=["speaker"]) == []
    assert check_entry(source, _SAID[tgt].format(wrong), src, tgt, only=["speaker"]) != []


def test_an_azerbaijani_h_is_always_written() -> None:
    """An Azerbaijani or Turkish H is heard: Асанов for Həsənov is no rendering."""
    assert check_entry(_SAID["az"].format("Həsən Həsənov"), _SAID["ru"].format("Асан Асанов"), "az", "ru",
                       only=["speaker"]) != []
    assert check_entry(_SAID["az"].format("Həsən Həsənov"), _SAID["ru"].format("Гасан Гасанов"), "az", "ru",
                       only=["speaker"]) == []


@pytest.mark.parametrize("src, speaker", [("ru", "Джей Ди Вэнс"), ("az", "Cey Di Vens")])
def test_a_given_name_written_as_letters_is_the_letters_names(src: str, speaker: str) -> None:
    """Regression: Джей Ди Вэнс → JD Vance was a missing speaker: Russian and Azerbaijani
    spell out the letters of a given name written as capitals (J, D: Джей, Ди; Cey, Di).
    Other letters (TJ) or no given name are still reported."""
    source = _SAID[src].format(speaker)
    assert check_entry(source, _SAID["en"].format("JD Vance"), src, "en", only=["speaker"]) == []
    assert check_entry(source, _SAID["en"].format("TJ Vance"), src, "en", only=["speaker"]) != []
    assert check_entry(source, _SAID["en"].format("Vance"), src, "en", only=["speaker"]) != []


@pytest.mark.parametrize("tgt, right, wrong", [("ru", "Джеффри", "Джордж"), ("az", "Ceffri", "Corc")])
def test_an_english_geo_and_closing_ey_are_written_as_heard(tgt: str, right: str, wrong: str) -> None:
    """Regression: a speaker named Geoffrey → Джеффри, Ceffri was missing: its geo sounds
    дже (George's джо), its closing -ey и (Davey, Whitney: Дэйви, Уитни). George stays
    another name."""
    source = _SAID["en"].format("Geoffrey")
    assert check_entry(source, _SAID[tgt].format(right), "en", tgt, only=["speaker"]) == []
    assert check_entry(source, _SAID[tgt].format(wrong), "en", tgt, only=["speaker"]) != []


@pytest.mark.parametrize("src, speaker, tgt, right, wrong", [
    ("en", "Elon Musk", "ru", "Илон Маск", "Илон Мак"),
    ("ru", "Илон Маск", "en", "Elon Musk", "Elon Mack"),
    ("az", "İlon Mask", "en", "Elon Musk", "Elon Mack"),
    ("en", "Rachel Reeves", "ru", "Рейчел Ривз", "Рейчел Рис"),
    ("en", "Kaja Kallas", "ru", "Кая Каллас", "Кая Кассас"),
    ("en", "Kaja Kallas", "az", "Kaya Kallas", "Kaya Kassas"),
    ("en", "Boris Johnson", "ru", "Борис Джонсон", "Борис Джексон"),
    ("en", "Denys Shmyhal", "ru", "Денис Шмыгаль", "Денис Шмыгин"),
    ("en", "Margaret Thatcher", "az", "Marqaret Tetçer", "Marqaret Tetçel"),
    ("en", "Elchin Amirbayov", "ru", "Эльчин Амирбеков", "Эльчин Амирбеклов"),
    ("ru", "Си Цзиньпин", "az", "Si Cinpin", "Si Cinlin"),
    ("en", "Sergey Lavrov", "ru", "Сергей Лавров", "Сергей Лавренов"),
])
def test_a_consonant_dropped_added_or_replaced_in_a_family_name_makes_another(
        src: str, speaker: str, tgt: str, right: str, wrong: str) -> None:
    """Regression: Elon Musk → Илон Мак, Elon Mack and Kaja Kallas → Кая Кассас passed: a
    consonant dropped or added was never compared, nor any replaced one of a Western name
    but a few pairs (b/p, l/r …). Now the consonants of a family name must agree, but for
    letters after all of the other's (an ending), H (silent or written г: Johnson, Shmyhal)
    and consonants one convention merges (Тэтчер's тч, -беков for -bəyov, цз for c)."""
    source = _SAID[src].format(speaker)
    assert check_entry(source, _SAID[tgt].format(right), src, tgt, only=["speaker"]) == []
    assert check_entry(source, _SAID[tgt].format(wrong), src, tgt, only=["speaker"]) != []


def test_a_case_ending_adds_consonants_and_changes_no_family() -> None:
    source = _SAID["en"].format("Elon Musk")
    assert check_entry(source, "«Мы готовы», — такое мнение высказано Илоном Маском.", "en", "ru",
                       only=["speaker"]) == []
    assert check_entry(source, "«Мы готовы», — такое мнение высказано Илоном Маком.", "en", "ru",
                       only=["speaker"]) != []


@pytest.mark.parametrize("src, speaker, tgt, right, wrong", [
    ("en", "Jimmy Carter", "az", "Cimmi Karter", "Cimmi Kerter"),
    ("en", "Jimmy Carter", "ru", "Джимми Картер", "Джимми Кортер"),
    ("ru", "Джимми Картер", "en", "Jimmy Carter", "Jimmy Corter"),
    ("en", "Keir Starmer", "az", "Kir Starmer", "Kir Stermer"),
    ("ru", "Ангела Меркель", "az", "Angela Merkel", "Angela Markel"),
    ("az", "Angela Merkel", "ru", "Ангела Меркель", "Ангела Маркель"),
])
def test_a_vowel_changed_where_english_spells_it_as_heard_makes_another_name(
        src: str, speaker: str, tgt: str, right: str, wrong: str) -> None:
    """Regression: Carter → Kerter, Кортер and Merkel → Markel passed: the vowels of a name
    in English letters were never compared, and a and e were one vowel everywhere. English
    spells a vowel before an r as it sounds (ar, or, er: Carter, Starmer), and a word of an
    Azerbaijani or Russian text is spelt by sound, so such vowels are now compared; a and e
    are one only for a name of the region (ə, or a family suffix: Məmmədov, Мамедов)."""
    source = _SAID[src].format(speaker)
    assert check_entry(source, _SAID[tgt].format(right), src, tgt, only=["speaker"]) == []
    assert check_entry(source, _SAID[tgt].format(wrong), src, tgt, only=["speaker"]) != []


@pytest.mark.parametrize("src, speaker, tgt, right", [
    ("en", "Rupert Murdoch", "ru", "Руперт Мердок"), ("en", "Rupert Murdoch", "az", "Rupert Merdok"),
    ("en", "Elon Musk", "az", "İlon Mask"), ("ru", "Илон Маск", "en", "Elon Musk"),
    ("en", "Rashad Mammadov", "ru", "Рашад Мамедов"), ("az", "Rəşad Məmmədov", "en", "Rashad Mammadov"),
    ("en", "Mark Warner", "ru", "Марк Уорнер"), ("en", "Jean-Luc Melenchon", "ru", "Жан-Люк Меланшон"),
])
def test_vowels_english_spells_by_custom_are_still_not_compared(src: str, speaker: str, tgt: str,
                                                                right: str) -> None:
    assert check_entry(_SAID[src].format(speaker), _SAID[tgt].format(right), src, tgt, only=["speaker"]) == []


def test_a_name_is_only_heard_in_a_capitalised_word() -> None:
    """Regression: Ed Davey → “…”, – deyə Ed bildirib (the family name dropped) passed, as
    the verb deyə sounds like Davey. A capitalised word of a name is now only heard in a
    capitalised word, or one of a capitalised compound (Ki-moon) or after a particle (al-Assad)."""
    source = _SAID["en"].format("Ed Davey")
    assert check_entry(source, _SAID["az"].format("Ed"), "en", "az", only=["speaker"]) != []
    assert check_entry(source, _SAID["az"].format("Ed Deyvi"), "en", "az", only=["speaker"]) == []
    assert check_entry(_SAID["ru"].format("Пан Ги Мун"), _SAID["en"].format("Ban Ki-moon"), "ru", "en",
                       only=["speaker"]) == []
    assert check_entry(_SAID["ru"].format("Башар Асад"), _SAID["en"].format("Bashar al-Assad"), "ru", "en",
                       only=["speaker"]) == []


@pytest.mark.parametrize("src, speaker, tgt, right, wrong", [
    ("en", "Ed Davey", "ru", "Эд Дэйви", "Эд Дэвис"),
    ("ru", "Рашад Мамедли", "az", "Rəşad Məmmədli", "Rəşad Məhəmmədli"),
    ("en", "Boris Johnson", "az", "Boris Conson", "Boris Consonov"),
    ("en", "Moon Jae-in", "ru", "Мун Чжэ Ин", "Мун Чжэ Ван"),
    ("ru", "Мун Чжэ Ин", "az", "Mun Ce In", "Mun Ce Van"),
])
def test_letters_after_a_name_are_an_ending_only_when_an_ending_writes_them(
        src: str, speaker: str, tgt: str, right: str, wrong: str) -> None:
    """Regression: Davey → Дэвис passed, its s taken for a case ending's, and Мамедли →
    Məhəmmədli, its h for English's silent one. Only consonants a case ending writes (м, н,
    г, х, д, л) may follow all of a name's, and H is silent only where a word may be English
    (Johnson: Джонсон). Russian чж is Azerbaijani c (Чжэ: Ce), as цз is."""
    source = _SAID[src].format(speaker)
    assert check_entry(source, _SAID[tgt].format(right), src, tgt, only=["speaker"]) == []
    assert check_entry(source, _SAID[tgt].format(wrong), src, tgt, only=["speaker"]) != []
@pytest.mark.parametrize(("source", "translation", "tgt", "missing"), [
    ("Акции «Сбербанка» (SBER) выросли на 3%.", "Sberbank shares rose 3%.", "en", "'SBER'"),
    ("Акции «Сбербанка» (SBER) выросли на 3%.", "Sberbank (SBRF) shares rose 3%.", "en", "'SBER'"),
    ("Фото: Фарид Гахраманов / Meydan TV", "Foto: Fərid Qəhrəmanov", "az", "'Meydan', 'TV'"),
])
def test_a_name_a_cyrillic_source_keeps_in_latin_letters_is_missed_when_lost(
        source: str, translation: str, tgt: str, missing: str) -> None:
    # A ticker or an agency's name dropped or changed in a markets brief or a photo credit
    # was no finding at all: numbers, names and quotations were right.
    [finding] = check_entry(source, translation, "ru", tgt, only=["kept-names"])
    assert finding.severity is Severity.WARNING and finding.message.startswith(missing + ",")


@pytest.mark.parametrize(("source", "translation", "tgt"), [
    ("Пенальти назначили после просмотра VAR.", "Penalti VAR-a baxdıqdan sonra təyin edilib.", "az"),
    ("Об этом он сказал в интервью Meydan TV.", "O, bunu Meydan TV-yə müsahibəsində deyib.", "az"),
    ("Храм построен в I веке, перестроен в XIX веке.",
     "The church was built in the 1st century and rebuilt in the 19th.", "en"),
    ("Песня «We Will Rock You Tonight» звучала весь вечер.",
     "“Sizi bu gecə silkələyəcəyik” mahnısı bütün axşam səsləndi.", "az"),
    ("Время бакинское (UTC+4).", "Times are Baku time (utc+4).", "en"),
])
def test_names_kept_with_a_case_ending_or_translated_phrases_are_no_finding(
        source: str, translation: str, tgt: str) -> None:
    assert check_entry(source, translation, "ru", tgt, only=["kept-names"]) == []


def test_names_in_latin_letters_of_a_latin_source_are_left_to_the_translator() -> None:
    # An English source's Latin names are transliterated into Russian (Meydan TV → Мейдан ТВ).
    assert check_entry("Meydan TV reported it.", "Об этом сообщил Мейдан ТВ.", "en", "ru",
                       only=["kept-names"]) == []
@pytest.mark.parametrize("source, translation, src, tgt", [
    ("Rejissor „Dəli Kür“ filminin yeni versiyası üzərində işləyir.",
     "The director is working on a new version of the film *Wild Kura*.", "az", "en"),
    ("Rejissor dedi ki, «Əli və Nino»nu səhnəyə gətirmək onun arzusu olub.",
     "The director said that staging _Ali and Nino_ had been his dream.", "az", "en"),
    ("She reread *Ali and Nino* and *The Dead* last winter.",
     "Прошлой зимой она перечитала «Али и Нино» и «Мертвецов».", "en", "ru"),
    ("Газета «Зеркало» закрылась в 2014 году.", "The newspaper *Zerkalo* closed in 2014.", "ru", "en"),
])
def test_a_title_in_italics_for_marks_is_no_markup_finding(source: str, translation: str,
                                                            src: str, tgt: str) -> None:
    """Regression: the name of a book, film or newspaper the source writes in marks («Əli və
    Nino», „Dəli Kür“) is set in italics by English house styles, and the other way round:
    a correct translation was 'markup differs: * 0→2'. An emphasis pair added or lost for
    each title the other side writes in marks is the same name marked another way."""
    assert check_entry(source, translation, src, tgt, only=["markup", "quote-count"]) == []


@pytest.mark.parametrize("source, translation", [
    ("The *very* first novel, «Əli və Nino», sold out.", "Первый роман, «Али и Нино», раскуплен."),
    ("The novel «Əli və Nino» sold out.", "Роман *«Али и Нино»* *быстро* раскупили."),
    ("The novel “Ali and Nino” sold out.", "Роман *Али и Нино* *быстро* раскупили."),
])
def test_emphasis_changed_beside_a_title_is_still_a_markup_finding(source: str, translation: str) -> None:
    """Emphasis lost or added where no title changed its marks is still reported."""
    assert [f.check for f in check_entry(source, translation, "en", "ru", only=["markup"])] == ["markup"]


def test_a_speaker_named_by_given_name_may_be_named_by_surname_in_the_translation() -> None:
    """Regression: 'deyə Səbinə xanım vurğulayıb', resolved to Səbinə Vaqif qızı Əliyeva,
    translated 'Ms Aliyeva stressed' was 'speaker Səbinə is missing': the translation names
    the person the article resolved the given name to, by her surname. Another person's
    surname is still no speaker."""
    source = "«Şəbəkə yükün öhdəsindən gəlir», – deyə Səbinə xanım vurğulayıb."
    resolved = [("Səbinə", "Səbinə Vaqif qızı Əliyeva")]
    for good in ("“The grid is coping with the load,” Ms Aliyeva stressed.",
                 "“The grid is coping with the load,” Sabina khanum stressed."):
        assert check_entry(source, good, "az", "en", speakers=["Səbinə"], resolved=resolved,
                           only=["speaker"]) == [], good
    bad = "“The grid is coping with the load,” Ms Karimova stressed."
    assert [f.check for f in check_entry(source, bad, "az", "en", speakers=["Səbinə"],
                                         resolved=resolved, only=["speaker"])] == ["speaker"]


@pytest.mark.parametrize(("source", "translation", "tgt", "reported"), [
    ("«Kitab insanı dəyişir» – Kamal Abdulla", "“A book changes a person” – Kamal Abdullayev", "en", True),
    ("«Kitab insanı dəyişir» – Kamal Abdulla", "«Книга меняет человека» — Камал Абдуллаев", "ru", True),
    ("«Kitab insanı dəyişir», – deyə Səid bildirib.", "«Книга меняет человека», — сказал Саидов.", "ru", True),
    ("«Kitab insanı dəyişir» – Kamal Abdulla", "“A book changes a person” – Kamal Abdulla", "en", False),
    ("«Kitab insanı dəyişir» – Kamal Abdulla", "«Книга меняет человека» — Камал Абдулла", "ru", False),
    ("«Kitab insanı dəyişir», – deyə Kamal Abdulla bildirib.", "По словам Камала Абдуллы, «книга меняет человека».", "ru", False),
])
def test_a_surname_suffix_added_to_a_speaker_is_another_family(source: str, translation: str, tgt: str,
                                                                reported: bool) -> None:
    """Regression: the speaker Kamal Abdulla written 'Kamal Abdullayev' passed: the two
    sound alike, as a case ending would, but -yev (-ov, -li, -zadə) makes another family's
    name. A case ending (Абдуллы) is still no change."""
    speakers = [q.attribution.text for q in analyse_article([source], "az") if q.attribution]
    found = [f for f in check_entry(source, translation, "az", tgt, speakers=speakers, only=["speaker"])]
    assert bool(found) is reported, found


@pytest.mark.parametrize(("source", "src", "translation", "tgt"), [
    ("Сейчас у нас 412 учеников и 38 учителей».", "ru",
     "“Now we have 412 pupils and 38 teachers.”", "en"),
    ("“Now we have 412 pupils and 38 teachers.”", "en",
     "İndi 412 şagirdimiz və 38 müəllimimiz var”.", "az"),
])
def test_the_last_paragraph_of_a_quotation_may_open_again_or_not(
        source: str, src: str, translation: str, tgt: str) -> None:
    # Russian closes a quotation over several paragraphs only where it ends, with no
    # opening mark in its last paragraph; English opens each paragraph again: a correct
    # translation was "the source has 0 quotations, the translation 1 quotation".
    assert check_entry(source, translation, src, tgt, only=["quote-count"]) == []


def test_a_quotation_added_beside_the_end_of_one_from_above_is_still_an_error() -> None:
    [added] = check_entry("Сейчас у нас 412 учеников».", "“Now we have 412 pupils.” “We grow.”",
                          "ru", "en", only=["quote-count"])
    assert "the translation 2 quotations" in added.message


@pytest.mark.parametrize("src, speaker, tgt, right, wrong", [
    ("en", "Agil Mammadov", "az", "Aqil Məmmədov", "Acil Məmmədov"),
    ("az", "Aqil Məmmədov", "en", "Agil Mammadov", "Ajil Mammadov"),
    ("az", "Aqil Məmmədov", "ru", "Акиль Мамедов", "Адиль Мамедов"),
    ("en", "Javid Huseynov", "az", "Cavid Hüseynov", "Cahid Hüseynov"),
    ("az", "Muxtar Babayev", "en", "Mukhtar Babayev", "Mustar Babayev"),
    ("en", "Elchin Guliyev", "az", "Elçin Quliyev", "Elşən Quliyev"),
])
def test_a_consonant_changed_in_a_regional_given_name_makes_another_name(
        src: str, speaker: str, tgt: str, right: str, wrong: str) -> None:
    """Regression: Agil Mammadov → Acil Məmmədov passed: given names were never compared, and
    English g before i may be soft (Nigel). A name whose family name is the region's has a
    given name spelt by sound in the three languages, its English letters read plainly (no
    soft g), so another consonant in it is reported; its vowels still vary (Rəşad: Рашад)."""
    source = _SAID[src].format(speaker)
    assert check_entry(source, _SAID[tgt].format(right), src, tgt, only=["speaker"]) == []
    assert check_entry(source, _SAID[tgt].format(wrong), src, tgt, only=["speaker"]) != []


def test_a_western_or_turkish_given_name_keeps_its_forms() -> None:
    """Given names of other names are not compared (Mikheil: Михаил), and a closing
    consonant said voiceless is one (Mevlüt: Mövlud)."""
    assert check_entry(_SAID["en"].format("Mikheil Saakashvili"), _SAID["ru"].format("Михаил Саакашвили"),
                       "en", "ru", only=["speaker"]) == []
    assert check_entry(_SAID["en"].format("Mevlut Cavusoglu"), _SAID["az"].format("Mövlud Çavuşoğlu"),
                       "en", "az", only=["speaker"]) == []


@pytest.mark.parametrize("speaker, tgt, right, wrong", [
    ("Nikol Pashinyan", "ru", "Никол Пашинян", "Никол Пашаян"),
    ("Ayman Safadi", "ru", "Айман Сафади", "Айман Сафаи"),
    ("Xi Jinping", "az", "Si Cinpin", "Si Cinlin"),
])
def test_an_english_name_carries_no_case_ending(speaker: str, tgt: str, right: str, wrong: str) -> None:
    """Regression: Pashinyan → Пашаян and Safadi → Сафаи passed: letters of the source's
    name after all of the rendering's were taken for the source's case ending, and the two
    n of Pashinyan for one. An English name has none, and consonants parted by a vowel are
    two; a pinyin closing ng is n in both languages (Jinping: Cinpin)."""
    source = _SAID["en"].format(speaker)
    assert check_entry(source, _SAID[tgt].format(right), "en", tgt, only=["speaker"]) == []
    assert check_entry(source, _SAID[tgt].format(wrong), "en", tgt, only=["speaker"]) != []
    # a Russian source's name may carry one (По словам Илона Маска → Elon Musk)
    assert check_entry("По словам Илона Маска, «мы готовы».", _SAID["en"].format("Elon Musk"), "ru", "en",
                       only=["speaker"]) == []


def test_a_speaker_named_by_a_wikilinks_page_is_present_where_the_page_is_kept() -> None:
    """``сказал [[Самир Керимов|министр]]``: the link says who spoke, and the translation keeps
    the page as written (the page was blanked in the translation only: a false 'speaker
    missing')."""
    for source, translation in [
            ("«Мы будем расти», — сказал [[Самир Керимов|министр]] в понедельник.",
             "“We will grow,” [[Самир Керимов|the minister]] said on Monday."),
            ("«Мы будем расти», — сказал [[Самир Керимов]] в понедельник.",
             "“We will grow,” [[Самир Керимов|Samir Karimov]] said on Monday.")]:
        assert "speaker" not in [f.check for f in check_entry(source, translation, "ru", "en")]
@pytest.mark.parametrize(("translation", "reported"), [
    ("Депутат Сабина Алаева предложила поднять расходы. «Нужно 600 млн манатов», — сказала она.", True),
    ("Депутат Сабина Алиева предложила поднять расходы. «Нужно 600 млн манатов», — сказала она.", False),
    ("MP Sabina Aliyeva proposed higher spending. “600 million manats are needed,” she said.", False),
])
def test_a_speaker_quoted_as_a_pronoun_is_held_to_the_spelling_of_her_name(translation: str,
                                                                            reported: bool) -> None:
    """Regression: 'Deputat Səbinə Əliyeva … «…», — o dedi' (she said) translated with
    'Алаева' passed: the speaker, written as a pronoun, was never compared, though the
    segment names her in full, so a changed letter of her family name went unreported."""
    source = "Deputat Səbinə Əliyeva xərclərin artırılmasını təklif edib. «600 milyon manat lazımdır», — o dedi."
    tgt = "en" if translation.startswith("MP") else "ru"
    found = check_entry(source, translation, "az", tgt, speakers=["o"], resolved=[("o", "Səbinə Əliyeva")],
                        only=["speaker"])
    assert bool(found) is reported, found


def test_a_common_word_of_the_source_is_no_other_person_a_misspelt_speaker_renders() -> None:
    """Regression: 'Səbinə Əliyeva' written 'Сабина Алаева' passed where the source also held
    the word əlavə (additional), which sounds like Алаева: a lower-case word was taken for
    another person the translation's word renders. Only capitalised words are people."""
    source = "«Pensiyalar üçün əlavə 600 milyon manat lazımdır», — deyə Səbinə Əliyeva bildirib."
    bad = "«Для пенсий нужно дополнительно 600 млн манатов», — сообщила Сабина Алаева."
    assert [f.check for f in check_entry(source, bad, "az", "ru", speakers=["Səbinə Əliyeva"],
                                         only=["speaker"])] == ["speaker"]


@pytest.mark.parametrize(("source", "translation", "src", "tgt"), [
    ("Professor Rauf Mirzəyev kitabını təqdim edib.", "Профессор Рауф Мирзоев представил свою книгу.", "az", "ru"),
    ("Professor Rauf Mirzəyev kitabını təqdim edib.", "Professor Rauf Mirzoyev presented his book.", "az", "en"),
    ("Министр экономики Микаил Джаббаров провёл встречу.", "Economy Minister Mikayil Jafarov held a meeting.",
     "ru", "en"),
    ("Coach Gurban Gurbanov named the squad.", "Тренер Гурбан Курбатов назвал состав.", "en", "ru"),
])
def test_a_person_named_in_full_and_respelt_is_a_names_warning(source: str, translation: str, src: str,
                                                               tgt: str) -> None:
    """Regression: a person named in full who is no quotation's speaker (Professor Rauf
    Mirzəyev presented…) could be given another family's name (Mirzoyev) with no finding:
    only speakers and glossary terms were compared."""
    (finding,) = [f for f in check_entry(source, translation, src, tgt) if f.check == "names"]
    assert finding.severity is Severity.WARNING and "another family's name" in finding.message


@pytest.mark.parametrize(("source", "translation", "src", "tgt"), [
    ("Professor Rauf Mirzəyev kitabını təqdim edib.", "Профессор Рауф Мирзаев представил свою книгу.", "az", "ru"),
    ("Professor Rauf Mirzəyev kitabını təqdim edib.", "Professor Rauf Mirzayev presented his book.", "az", "en"),
    ("Chinese President Xi Jinping will visit Baku.", "Председатель КНР Си Цзиньпин посетит Баку.", "en", "ru"),
    ("French President Emmanuel Macron spoke with Ilham Aliyev.",
     "Fransa Prezidenti Emmanuel Makron İlham Əliyevlə danışıb.", "en", "az"),
    ("Журналист Хадиджа Исмайлова была задержана.", "Jurnalist Xədicə İsmayılova saxlanılıb.", "ru", "az"),
    ("Deputy Prime Minister Ali Ahmadov visited Ganja.", "Вице-премьер посетил Гянджу.", "en", "ru"),  # not named
    ("The Central Bank of Azerbaijan raised the rate.", "Центральный банк Азербайджана повысил ставку.", "en", "ru"),
    ("“Prices are rising,” said economist Rauf Bakirov.", "«Цены растут», — сказал экономист Рауф Бакиров.",
     "en", "ru"),
])
def test_a_person_named_in_full_and_spelt_right_or_left_out_is_no_names_warning(source: str, translation: str,
                                                                                src: str, tgt: str) -> None:
    assert "names" not in [f.check for f in check_entry(source, translation, src, tgt)]


def test_a_respelt_speaker_is_told_by_the_speaker_check_alone() -> None:
    checks = [f.check for f in check_entry("“Prices are rising,” said economist Rauf Bakirov.",
                                           "«Цены растут», — сказал экономист Рауф Бакинов.", "en", "ru")]
    assert "speaker" in checks and "names" not in checks


@pytest.mark.parametrize(("source", "output", "tgt", "found"), [
    ("The Alliance won 142 seats, nine short of a majority.", "Альянс получил 142 места — на десять меньше, "
     "чем нужно для большинства.", "ru", True),
    ("The Alliance won 142 seats, nine short of a majority.", "Alyans 142 mandat qazanıb – çoxluq üçün on "
     "mandat azdır.", "az", True),
    ("The Greens doubled their share to 12.6%.", "«Зелёные» втрое увеличили свою долю, до 12,6%.", "ru", True),
    ("The Alliance won 142 seats, nine short of a majority.", "Альянс получил 142 места — на девять меньше, "
     "чем нужно для большинства.", "ru", False),
    ("The Greens doubled their share to 12.6%.", "Yaşıllar paylarını iki dəfə artıraraq 12,6%-ə çatdırıb.", "az",
     False),
    ("Four years later, another decade looms.", "Прошло четыре года, и впереди ещё десять лет.", "ru", False),
    ("She leaves two sons and five grandchildren.", "У неё остались двое сыновей и пятеро внуков.", "ru", False),
    ("Nine of the 12 jurors agreed.", "С этим согласились 9 из двенадцати присяжных.", "ru", False),
    ("Turnout was the lowest in two decades.", "Явка стала самой низкой за двадцать лет.", "ru", False),
    ("Half a dozen ships were late.", "Altı gəmi gecikib.", "az", False),
])
def test_a_number_in_words_given_as_another_number_in_words(source: str, output: str, tgt: str,
                                                            found: bool) -> None:
    """Regression: a number both sides write in words (nine → десять, on; doubled → втрое)
    was never compared, words only excusing a figure of the other side; one number word
    replaced by another is now a numbers error, while a word added or dropped (a decade →
    десять лет) or a figure for the word is not."""
    messages = [f.message for f in check_entry(source, output, "en", tgt) if f.check == "numbers"]
    assert any("in words" in message for message in messages) is found, messages


def test_a_russian_patronymic_may_be_left_out_of_the_translation() -> None:
    """Regression: «…», — сказала Наталья Петровна Сидорова → “…,” said Natalya Sidorova
    was reported with the speaker missing: only an Azerbaijani patronymic could be dropped."""
    source = "«Мы готовы», — сказала Наталья Петровна Сидорова."
    assert check_entry(source, "“We are ready,” said Natalya Sidorova.", "ru", "en", only=["speaker"]) == []
    assert check_entry(source, "“We are ready,” said Natalya Sokolova.", "ru", "en", only=["speaker"]) != []


def test_renderings_of_quoted_people_pass_and_slips_are_caught() -> None:
    """A sweep of quotations attributed in the three languages' usual ways (said X, X told
    Reuters, according to X, — отметила X, X заявил:, deyə X bildirib, X Reuters-ə bildirib)
    to people of the region (-ov, -ova, -li, -zadə, patronymics) and beyond (Turkish, Arabic,
    Chinese, Korean, Georgian, Ukrainian, Western names; titles and roles), each rendered
    right, which must raise nothing, and wrong (a vowel changed in the family name, another
    person, speakers swapped, marks changed or lost), which must raise something."""
    import json
    from pathlib import Path
    rows = json.loads((Path(__file__).parent / "data" / "quotations" / "renderings.json").read_text(encoding="utf-8"))
    assert len(rows) > 900
    only = ["speaker", "names", "quote-count", "quote-marks", "quote-order"]
    wrongly = [(row["what"], row["source"], row["translation"]) for row in rows
               if bool(check_entry(row["source"], row["translation"], row["src"], row["tgt"], only=only))
               != row["wrong"]]
    assert wrongly == []


@pytest.mark.parametrize(("source", "translation", "src", "tgt"), [
    ("The Greens doubled their share.", "А «зелёные» вдвое увеличили свою долю.", "en", "ru"),
    ("The so-called hawks won the vote.", "Так называемые «ястребы» выиграли голосование.", "en", "ru"),
    ("The hawks in the cabinet won.", "Kabinetdəki «şahinlər» qalib gəldi.", "en", "az"),
    ("He called it a “historic” day.", "Он назвал этот день историческим.", "en", "ru"),
])
def test_scare_quotes_on_one_side_only_are_no_quotation_lost(source: str, translation: str, src: str,
                                                             tgt: str) -> None:
    """Regression: a word set apart in marks on one side only (the Greens → «зелёные», the
    so-called hawks → так называемые «ястребы», as Russian writes them) was a quote-count
    error, as if a quotation had been added or lost."""
    assert [f for f in check_entry(source, translation, src, tgt) if f.check == "quote-count"] == []


@pytest.mark.parametrize(("source", "translation", "src", "tgt"), [
    ("«Нет», — сказал он.", "No, he said.", "ru", "en"),
    ("“We will build it,” she said.", "Она сказала, что они его построят.", "en", "ru"),
    ("He called it a “historic” day.", "Он назвал этот день «историческим», заявив: «Мы победили».", "en", "ru"),
])
def test_a_speech_quotation_lost_or_added_is_still_reported(source: str, translation: str, src: str,
                                                            tgt: str) -> None:
    assert [f.check for f in check_entry(source, translation, src, tgt)].count("quote-count") == 1
#: Correct renderings in English, Russian and Azerbaijani whose negations take another form
#: (no longer = больше не = artıq …mır, failed to = не привели, free = бесплатный = pulsuz), or
#: whose words merely look negative (неделя, небольшой, нефть, ölkəmiz, almaq, əlamət, təmir,
#: dəmir, Temir, baxmayaraq, heç-heçə, yoxlamadan), each read in all six directions.
NEGATION_TRIPLES = [
    ("The minister did not comment.",
     "Министр не стал комментировать.",
     "Nazir şərh verməyib."),
    ("Nobody was injured in the blast.",
     "Никто не пострадал при взрыве.",
     "Partlayış zamanı heç kim xəsarət almayıb."),
    ("The talks failed to produce a deal.",
     "Переговоры не привели к соглашению.",
     "Danışıqlar razılaşma ilə nəticələnməyib."),
    ("She no longer works for the bank.",
     "Она больше не работает в банке.",
     "O, artıq bankda işləmir."),
    ("The centre will open next week.",
     "Центр откроется на следующей неделе.",
     "Mərkəz gələn həftə açılacaq."),
    ("A small group of protesters gathered.",
     "Собралась небольшая группа протестующих.",
     "Kiçik bir etirazçı qrupu toplaşıb."),
    ("Several people were detained.",
     "Несколько человек были задержаны.",
     "Bir neçə nəfər saxlanılıb."),
    ("The company sells oil and gas.",
     "Компания продаёт нефть и газ.",
     "Şirkət neft və qaz satır."),
    ("Our country is proud of its athletes.",
     "Наша страна гордится своими спортсменами.",
     "Ölkəmiz idmançıları ilə fəxr edir."),
    ("He wants to take the job.",
     "Он хочет получить эту работу.",
     "O, bu işi almaq istəyir."),
    ("The sign was clear.",
     "Этот знак был очевиден.",
     "Bu əlamət aydın idi."),
    ("The railway bridge was repaired in May.",
     "Железнодорожный мост отремонтировали в мае.",
     "Dəmir yolu körpüsü mayda təmir edilib."),
    ("Only three players remained.",
     "Остались лишь трое игроков.",
     "Yalnız üç oyunçu qalıb."),
    ("Unless it rains, the match will go ahead.",
     "Если не будет дождя, матч состоится.",
     "Yağış yağmasa, oyun keçiriləcək."),
    ("It is not only a sport but also a business.",
     "Это не только спорт, но и бизнес.",
     "Bu, təkcə idman deyil, həm də biznesdir."),
    ("Nonetheless, the plan was approved.",
     "Тем не менее план был одобрен.",
     "Buna baxmayaraq, plan təsdiqlənib."),
    ("The winner was none other than Aliyev.",
     "Победителем стал не кто иной, как Алиев.",
     "Qalib Əliyevin özü olub."),
    ("The museum offers free entry.",
     "Вход в музей бесплатный.",
     "Muzeyə giriş pulsuzdur."),
    ("At least 10 people died.",
     "Погибли не менее 10 человек.",
     "Ən azı 10 nəfər ölüb."),
    ("The roads were impassable.",
     "Дороги были непроходимы.",
     "Yollar keçilməz idi."),
    ("Many residents are unemployed.",
     "Многие жители остаются безработными.",
     "Sakinlərin çoxu işsizdir."),
    ("It is impossible to predict the outcome.",
     "Предсказать исход невозможно.",
     "Nəticəni proqnozlaşdırmaq mümkün deyil."),
    ("The cause of the fire is unknown.",
     "Причина пожара неизвестна.",
     "Yanğının səbəbi məlum deyil."),
    ("He has repeatedly criticised the reform.",
     "Он не раз критиковал реформу.",
     "O, dəfələrlə islahatı tənqid edib."),
    ("The deadline is no later than Friday.",
     "Срок — не позднее пятницы.",
     "Son müddət cümə gününədək."),
    ("The city has no metro.",
     "В городе нет метро.",
     "Şəhərdə metro yoxdur."),
    ("The report was never published.",
     "Доклад так и не был опубликован.",
     "Hesabat heç vaxt dərc olunmayıb."),
    ("There is no need to panic, the mayor said.",
     "Паниковать незачем, заявил мэр.",
     "Panikaya ehtiyac yoxdur, deyə mer bildirib."),
    ("Smoking is not allowed on the platform.",
     "Курить на платформе нельзя.",
     "Platformada siqaret çəkmək olmaz."),
    ("Children under 12 must not enter.",
     "Детям до 12 лет вход запрещён.",
     "12 yaşınadək uşaqların girişi qadağandır."),
    ("The tanker sank without a trace.",
     "Танкер затонул бесследно.",
     "Tanker izsiz batıb."),
    ("He left without saying a word.",
     "Он ушёл, не сказав ни слова.",
     "O, bir kəlmə demədən çıxıb."),
    ("The team lost the final.",
     "Команда проиграла финал.",
     "Komanda finalda məğlub olub."),
    ("The minister arrived on Monday.",
     "Министр прибыл в понедельник.",
     "Nazir bazar ertəsi gəlib."),
    ("Prices rose sharply in March.",
     "В марте цены резко выросли.",
     "Martda qiymətlər kəskin artıb."),
    ("The match ended in a draw.",
     "Матч завершился вничью.",
     "Oyun heç-heçə bitib."),
    ("The investigation is still under way.",
     "Расследование ещё продолжается.",
     "İstintaq hələ davam edir."),
    ("The court rejected the appeal.",
     "Суд отклонил апелляцию.",
     "Məhkəmə apellyasiyanı rədd edib."),
    ("Doctors could not save him.",
     "Врачи не смогли его спасти.",
     "Həkimlər onu xilas edə bilməyib."),
    ("Neither side commented.",
     "Ни одна из сторон не дала комментариев.",
     "Tərəflərin heç biri şərh verməyib."),
    ("“We will not give up,” she said.",
     "«Мы не сдадимся», — сказала она.",
     "«Biz təslim olmayacağıq», – deyə o bildirib."),
    ("The film is a must-see.",
     "Этот фильм обязательно нужно посмотреть.",
     "Bu film mütləq izlənilməlidir."),
    ("Patients should go to a hospital.",
     "Пациентам следует обратиться в больницу.",
     "Xəstələr xəstəxanaya getməlidir."),
    ("Patients should not go to a hospital.",
     "Пациентам не следует обращаться в больницу.",
     "Xəstələr xəstəxanaya getməməlidir."),
    ("The building was demolished in 2019.",
     "Здание снесли в 2019 году.",
     "Bina 2019-cu ildə sökülüb."),
    ("Temir Zhunusov and Samir Mammadov met in Izmir.",
     "Темир Жунусов и Самир Мамедов встретились в Измире.",
     "Temir Junusov və Samir Məmmədov İzmirdə görüşüb."),
    ("The emir visited Kashmir.",
     "Эмир посетил Кашмир.",
     "Əmir Kəşmirə səfər edib."),
    ("Coal and iron exports grew.",
     "Экспорт угля и железа вырос.",
     "Kömür və dəmir ixracı artıb."),
    ("The union's leader resigned.",
     "Лидер профсоюза ушёл в отставку.",
     "Həmkarlar ittifaqının lideri istefa verib."),
    ("He is a United fan.",
     "Он болеет за «Юнайтед».",
     "O, «Yunayted»in azarkeşidir."),
    ("The police did not find any weapons.",
     "Полиция не нашла никакого оружия.",
     "Polis heç bir silah tapmayıb."),
    ("The school has been closed since Tuesday.",
     "Школа закрыта со вторника.",
     "Məktəb çərşənbə axşamından bağlıdır."),
    ("Not a single shot was fired.",
     "Не было сделано ни одного выстрела.",
     "Bir güllə belə atılmayıb."),
    ("The plane could not land because of fog.",
     "Из-за тумана самолёт не смог приземлиться.",
     "Duman səbəbindən təyyarə enə bilməyib."),
    ("The bill was passed without amendments.",
     "Законопроект принят без поправок.",
     "Qanun layihəsi düzəlişsiz qəbul edilib."),
    ("He never gave up hope.",
     "Он никогда не терял надежды.",
     "O, heç vaxt ümidini itirməyib."),
    ("The new park will open next month.",
     "Новый парк откроется в следующем месяце.",
     "Yeni park gələn ay açılacaq."),
    ("The festival lasted a week.",
     "Фестиваль длился неделю.",
     "Festival bir həftə davam edib."),
    ("Quite a few people came.",
     "Пришло немало людей.",
     "Xeyli adam gəlib."),
    ("The ministry's spokesman declined to comment.",
     "Представитель министерства отказался от комментариев.",
     "Nazirliyin sözçüsü şərh verməkdən imtina edib."),
    ("There is nothing to hide, he said.",
     "Скрывать нечего, сказал он.",
     "Gizlədəcək heç nə yoxdur, deyə o bildirib."),
    ("The store sells almonds and apples.",
     "Магазин продаёт миндаль и яблоки.",
     "Mağaza badam və alma satır."),
    ("Residents say the water is undrinkable.",
     "Жители говорят, что воду пить нельзя.",
     "Sakinlər deyir ki, su içməli deyil."),
    ("The suspect denied the charges.",
     "Подозреваемый отрицает обвинения.",
     "Şübhəli ittihamları inkar edib."),
    ("The game was cancelled.",
     "Игра была отменена.",
     "Oyun ləğv edilib."),
    ("He is not a candidate.",
     "Он не является кандидатом.",
     "O, namizəd deyil."),
    ("No one answered the phone.",
     "Никто не ответил на звонок.",
     "Telefona heç kim cavab verməyib."),
    ("The company did not pay taxes.",
     "Компания не платила налогов.",
     "Şirkət vergi ödəməyib."),
    ("The factory will not close.",
     "Завод не закроется.",
     "Zavod bağlanmayacaq."),
    ("She cannot attend the meeting.",
     "Она не может присутствовать на встрече.",
     "O, görüşdə iştirak edə bilmir."),
    ("The ban remains in force.",
     "Запрет остаётся в силе.",
     "Qadağa qüvvədə qalır."),
    ("The ceasefire is holding.",
     "Перемирие соблюдается.",
     "Atəşkəs qorunur."),
    ("The bank raised its key rate.",
     "Банк повысил ключевую ставку.",
     "Bank uçot dərəcəsini qaldırıb."),
    ("The talks were held in Geneva.",
     "Переговоры прошли в Женеве.",
     "Danışıqlar Cenevrədə keçirilib."),
    ("Our team made history.",
     "Наша команда вошла в историю.",
     "Komandamız tarix yazıb."),
    ("Whatever happens, the vote will go ahead.",
     "Что бы ни случилось, голосование состоится.",
     "Nə olursa olsun, səsvermə keçiriləcək."),
    ("The inspection found serious violations.",
     "Проверка выявила серьёзные нарушения.",
     "Yoxlama ciddi pozuntular aşkar edib."),
    ("The agreement is a breakthrough.",
     "Это соглашение — прорыв.",
     "Bu razılaşma bir irəliləyişdir."),
    ("After the inspection, the plant reopened.",
     "После проверки завод вновь открылся.",
     "Yoxlamadan sonra zavod yenidən açılıb."),
    ("Before leaving the country, he sold his house.",
     "Перед отъездом из страны он продал дом.",
     "Ölkəni tərk etməzdən əvvəl o, evini satıb."),
    ("The meeting was about the water issue.",
     "Встреча была посвящена проблеме воды.",
     "Görüş su məsələsinə həsr olunub."),
    ("Rain is expected in Baku tomorrow.",
     "Завтра в Баку ожидается дождь.",
     "Sabah Bakıda yağış gözlənilir."),
    ("The repair of the road will take a month.",
     "Ремонт дороги займёт месяц.",
     "Yolun təmiri bir ay çəkəcək."),
    ("The iron gate was painted.",
     "Железные ворота покрасили.",
     "Dəmir darvaza rənglənib."),
    ("The negotiation was difficult.",
     "Переговоры были трудными.",
     "Danışıq çətin olub."),
    ("The children's camp opened near the sea.",
     "Детский лагерь открылся у моря.",
     "Uşaq düşərgəsi dəniz yaxınlığında açılıb."),
    ("He spent his whole life in Ganja.",
     "Он прожил всю жизнь в Гяндже.",
     "O, bütün ömrünü Gəncədə keçirib."),
    ("The old mosque was restored.",
     "Старую мечеть отреставрировали.",
     "Köhnə məscid bərpa edilib."),
    ("Prices for apples fell.",
     "Цены на яблоки снизились.",
     "Almanın qiyməti düşüb."),
    ("The teacher explained the rules of the game.",
     "Учитель объяснил правила игры.",
     "Müəllim oyunun qaydalarını izah edib."),
    ("The scientist made an important discovery.",
     "Учёный сделал важное открытие.",
     "Alim mühüm kəşf edib."),
    ("Nevertheless, the bank kept its rate unchanged.",
     "Тем не менее банк сохранил ставку без изменений.",
     "Buna baxmayaraq, bank dərəcəni dəyişməz saxlayıb."),
    ("The list includes no fewer than 40 names.",
     "В список вошли не менее 40 имён.",
     "Siyahıya ən azı 40 ad daxil edilib."),
    ("The strike is not the first this year.",
     "Эта забастовка — не первая в этом году.",
     "Bu tətil builki ilk tətil deyil."),
    ("The bridge is still closed, isn't it?",
     "Мост ведь всё ещё закрыт?",
     "Körpü hələ də bağlıdır, elə deyilmi?"),
    ("He can hardly walk.",
     "Он едва может ходить.",
     "O, çətinliklə yeriyə bilir."),
    ("The drought was unprecedented.",
     "Засуха была беспрецедентной.",
     "Quraqlıq misli görünməmiş idi."),
    ("The plan lacks funding.",
     "Плану не хватает финансирования.",
     "Plan üçün maliyyə çatışmır."),
    ("Few people attended the rally.",
     "На митинг пришли немногие.",
     "Mitinqə az adam gəlib."),
    ("Hardly anyone voted.",
     "Почти никто не голосовал.",
     "Demək olar ki, heç kim səs verməyib."),
    ("The ban was lifted on Monday.",
     "Запрет сняли в понедельник.",
     "Qadağa bazar ertəsi götürülüb."),
    ("The mayor was absent from the meeting.",
     "Мэр отсутствовал на заседании.",
     "Mer iclasda iştirak etməyib."),
    ("Nobody but the pilot survived.",
     "Выжил только пилот.",
     "Yalnız pilot sağ qalıb."),
    ("The suspect is still at large.",
     "Подозреваемый всё ещё на свободе.",
     "Şübhəli hələ də azadlıqdadır."),
    ("The results were unclear.",
     "Результаты были неясными.",
     "Nəticələr aydın deyildi."),
    ("It is too early to say.",
     "Пока рано говорить об этом.",
     "Bu barədə danışmaq hələ tezdir."),
    ("It is too early to say.",
     "Пока нельзя сказать.",
     "Hələ nəsə demək olmaz."),
    ("We have yet to receive the documents.",
     "Мы ещё не получили документы.",
     "Biz hələ sənədləri almamışıq."),
    ("He was under 20.",
     "Ему не было и 20 лет.",
     "Onun 20 yaşı yox idi."),
    ("He never showed up.",
     "Он так и не появился.",
     "O, heç vaxt gəlmədi."),
    ("Without waiting for the police, he left.",
     "Не дожидаясь полиции, он ушёл.",
     "Polisi gözləmədən o, çıxıb gedib."),
    ("The vote took place before the holiday.",
     "Голосование прошло до праздника.",
     "Səsvermə bayramdan əvvəl keçirilib."),
    ("Before the vote, the deputies met.",
     "Перед голосованием депутаты встретились.",
     "Səsvermədən əvvəl deputatlar görüşüb."),
    ("The drought was unprecedented.",
     "Засуха была беспрецедентной.",
     "Quraqlıq görünməmiş idi."),
    ("He was an irreplaceable player.",
     "Он был незаменимым игроком.",
     "O, əvəzolunmaz oyunçu idi."),
    ("The result was unexpected.",
     "Результат оказался неожиданным.",
     "Nəticə gözlənilməz oldu."),
    ("The war seemed endless.",
     "Война казалась бесконечной.",
     "Müharibə bitməyən görünürdü."),
    ("It was an unofficial visit.",
     "Это был неофициальный визит.",
     "Bu, qeyri-rəsmi səfər idi."),
    ("It was an unofficial visit.",
     "Это был неофициальный визит.",
     "Bu, rəsmi olmayan səfər idi."),
    ("The cause is not yet known.",
     "Причина пока неизвестна.",
     "Səbəb hələ məlum olmayıb."),
    ("Police have ruled out foul play.",
     "Полиция исключила версию убийства.",
     "Polis cinayət ehtimalını istisna edib."),
    ("Unsurprisingly, prices rose.",
     "Неудивительно, что цены выросли.",
     "Təəccüblü deyil ki, qiymətlər artıb."),
    ("The law forbids it.",
     "Закон это запрещает.",
     "Qanun bunu qadağan edir."),
    ("Nothing has changed since then.",
     "С тех пор ничего не изменилось.",
     "O vaxtdan bəri heç nə dəyişməyib."),
    ("She did not know about the plan.",
     "Она не знала о плане.",
     "O, plandan xəbərsiz idi."),
    ("The bridge remains closed to traffic.",
     "Мост по-прежнему закрыт для движения.",
     "Körpü nəqliyyatın hərəkəti üçün bağlı qalır."),
    ("Almost nobody noticed.",
     "Почти никто этого не заметил.",
     "Bunu demək olar ki, heç kəs görməyib."),
    ("The deal is off.",
     "Сделка отменена.",
     "Sövdələşmə ləğv olunub."),
    ("No one knows how long it will take.",
     "Никто не знает, сколько это займёт.",
     "Bunun nə qədər çəkəcəyini heç kim bilmir."),
    ("Investors shrugged off the news.",
     "Инвесторы проигнорировали эту новость.",
     "İnvestorlar bu xəbərə məhəl qoymayıb."),
    ("He had no choice.",
     "У него не было выбора.",
     "Onun başqa seçimi yox idi."),
    ("The victim remains unidentified.",
     "Личность погибшего пока не установлена.",
     "Qurbanın şəxsiyyəti hələ müəyyən edilməyib."),
    ("The central bank left its key rate at 7.25%, saying inflation had not yet peaked.",
     "Центробанк сохранил ключевую ставку на уровне 7,25%, заявив, что инфляция ещё не достигла пика.",
     "Mərkəzi bank uçot dərəcəsini 7,25% səviyyəsində saxlayıb və inflyasiyanın hələ pik həddə çatmadığını bildirib."),
    ("Firefighters brought the blaze under control after six hours. No casualties were reported.",
     "Пожарные локализовали возгорание через шесть часов. О пострадавших не сообщается.",
     "Yanğınsöndürənlər altı saatdan sonra yanğını nəzarətə götürüblər. Xəsarət alan olmayıb."),
    ("The company said it would not comment on speculation.",
     "В компании заявили, что не комментируют слухи.",
     "Şirkət spekulyasiyaları şərh etməyəcəyini bildirib."),
    ("Schools in the capital will stay closed until Monday.",
     "Школы столицы останутся закрытыми до понедельника.",
     "Paytaxtda məktəblər bazar ertəsinədək bağlı qalacaq."),
    ("The striker has scored in each of his last five matches.",
     "Нападающий забивал в каждом из пяти последних матчей.",
     "Hücumçu son beş oyunun hər birində qol vurub."),
    ("Neither the police nor the prosecutor's office responded to requests for comment.",
     "Ни полиция, ни прокуратура не ответили на запросы о комментарии.",
     "Nə polis, nə də prokurorluq şərh sorğularına cavab verib."),
    ("Opposition leaders called the decision unconstitutional.",
     "Лидеры оппозиции назвали решение неконституционным.",
     "Müxalifət liderləri qərarı konstitusiyaya zidd adlandırıblar."),
    ("The festival, which draws thousands of visitors, was cancelled for the first time since 1998.",
     "Фестиваль, который собирает тысячи посетителей, впервые с 1998 года отменён.",
     "Minlərlə qonaq cəlb edən festival 1998-ci ildən bəri ilk dəfə ləğv olunub."),
    ("Officials say the water is safe to drink.",
     "Власти утверждают, что воду можно пить.",
     "Rəsmilər suyun içməli olduğunu bildirirlər."),
    ("Officials say the water is not safe to drink.",
     "Власти утверждают, что воду пить нельзя.",
     "Rəsmilər suyun içməli olmadığını bildirirlər."),
    ("There was no immediate claim of responsibility.",
     "Ответственность за нападение пока никто не взял.",
     "Hücumun məsuliyyətini hələ heç kim üzərinə götürməyib."),
    ("The exhibition opens on Friday and runs until March.",
     "Выставка откроется в пятницу и продлится до марта.",
     "Sərgi cümə günü açılacaq və marta qədər davam edəcək."),
    ("The minister admitted that the reform had not worked.",
     "Министр признал, что реформа не сработала.",
     "Nazir islahatın işə yaramadığını etiraf edib."),
    ("Tickets sold out within an hour.",
     "Билеты были распроданы за час.",
     "Biletlər bir saat ərzində satılıb qurtarıb."),
    ("The government denies any involvement.",
     "Правительство отрицает какую-либо причастность.",
     "Hökumət hər hansı əlaqəsini inkar edir."),
    ("The ship could not dock because of the storm.",
     "Из-за шторма судно не смогло причалить.",
     "Fırtına səbəbindən gəmi limana yan ala bilməyib."),
    ("The new line will link the airport with the city centre.",
     "Новая линия свяжет аэропорт с центром города.",
     "Yeni xətt hava limanını şəhər mərkəzi ilə birləşdirəcək."),
    ("Many farmers have not been paid for months.",
     "Многим фермерам месяцами не платят.",
     "Bir çox fermerə aylardır pul ödənilmir."),
    ("The court ruled that the dismissal was unlawful.",
     "Суд признал увольнение незаконным.",
     "Məhkəmə işdən çıxarılmanın qanunsuz olduğuna qərar verib."),
    ("Turnout was lower than expected.",
     "Явка оказалась ниже ожидаемой.",
     "Seçici fəallığı gözləniləndən aşağı olub."),
    ("No deal has been reached yet.",
     "Соглашение пока не достигнуто.",
     "Hələ razılaşma əldə olunmayıb."),
    ("It remains unclear who fired first.",
     "Пока неясно, кто выстрелил первым.",
     "Kimin ilk atəş açdığı hələ aydın deyil."),
    ("The vaccine is free of charge.",
     "Вакцина бесплатная.",
     "Peyvənd ödənişsizdir."),
    ("A draw would suit both teams.",
     "Ничья устроит обе команды.",
     "Heç-heçə hər iki komandanı qane edər."),
    ("He was the only candidate.",
     "Он был единственным кандидатом.",
     "O, yeganə namizəd idi."),
    ("The ministry said the claims were false.",
     "В министерстве заявили, что эти утверждения не соответствуют действительности.",
     "Nazirlik bu iddiaların həqiqətə uyğun olmadığını bildirib."),
    ("Most shops remained shut.",
     "Большинство магазинов не работали.",
     "Mağazaların əksəriyyəti işləməyib."),
    ("The road is closed to lorries.",
     "Грузовикам въезд на дорогу запрещён.",
     "Yük maşınlarının yola girişi qadağandır."),
    ("She refused to testify.",
     "Она отказалась давать показания.",
     "O, ifadə verməkdən imtina edib."),
    ("The rumours proved false.",
     "Слухи не подтвердились.",
     "Şayiələr təsdiqlənməyib."),
    ("The team is still unbeaten.",
     "Команда до сих пор не проиграла ни одного матча.",
     "Komanda hələ də məğlubiyyətsizdir."),
    ("Electricity was restored in all but two villages.",
     "Электричество восстановили во всех сёлах, кроме двух.",
     "İki kənd istisna olmaqla, bütün kəndlərdə elektrik bərpa olunub."),
]
#: Translations that drop or add a negation: (source, its language, translation, its language).
NEGATION_SLIPS = [
    ("This is not a storm to underestimate.", "en", "Bu, yüngül qəbul ediləcək fırtınadır.", "az"),
    ("Coles did not react as the verdict was read.", "en", "Коулз бурно отреагировал на оглашение приговора.", "ru"),
    ("People with mild symptoms should not go to an emergency department.", "en", "Yüngül simptomları olan insanlar təcili yardım şöbəsinə getməlidir.", "az"),
    ("The minister did not comment.", "en", "Министр прокомментировал ситуацию.", "ru"),
    ("The minister did not comment.", "en", "Nazir şərh verib.", "az"),
    ("Министр не стал комментировать.", "ru", "The minister commented.", "en"),
    ("Министр не стал комментировать.", "ru", "Nazir şərh verib.", "az"),
    ("Nazir şərh verməyib.", "az", "The minister commented.", "en"),
    ("Nazir şərh verməyib.", "az", "Министр прокомментировал.", "ru"),
    ("The factory will not close.", "en", "Завод закроется.", "ru"),
    ("The factory will not close.", "en", "Zavod bağlanacaq.", "az"),
    ("Завод не закроется.", "ru", "The factory will close.", "en"),
    ("Завод не закроется.", "ru", "Zavod bağlanacaq.", "az"),
    ("Zavod bağlanmayacaq.", "az", "The factory will close.", "en"),
    ("Zavod bağlanmayacaq.", "az", "Завод закроется.", "ru"),
    ("The factory will close.", "en", "Завод не закроется.", "ru"),
    ("The factory will close.", "en", "Zavod bağlanmayacaq.", "az"),
    ("Zavod bağlanacaq.", "az", "The factory will not close.", "en"),
    ("Завод закроется.", "ru", "Zavod bağlanmayacaq.", "az"),
    ("He is a candidate.", "en", "Он не является кандидатом.", "ru"),
    ("O, namizəddir.", "az", "He is not a candidate.", "en"),
    ("He is not a candidate.", "en", "O, namizəddir.", "az"),
    ("Он не является кандидатом.", "ru", "O, namizəddir.", "az"),
    ("O, namizəd deyil.", "az", "Он является кандидатом.", "ru"),
    ("The company did not pay taxes.", "en", "Компания платила налоги.", "ru"),
    ("Şirkət vergi ödəməyib.", "az", "The company paid taxes.", "en"),
    ("Компания не платила налогов.", "ru", "Şirkət vergi ödəyib.", "az"),
    ("The city has no metro.", "en", "В городе есть метро.", "ru"),
    ("Şəhərdə metro yoxdur.", "az", "The city has a metro.", "en"),
    ("В городе нет метро.", "ru", "Şəhərdə metro var.", "az"),
    ("Nobody was injured.", "en", "Пострадали люди.", "ru"),
    ("Heç kim xəsarət almayıb.", "az", "People were injured.", "en"),
    ("Doctors could not save him.", "en", "Врачи смогли его спасти.", "ru"),
    ("Həkimlər onu xilas edə bilməyib.", "az", "Doctors saved him.", "en"),
    ("Врачи не смогли его спасти.", "ru", "Həkimlər onu xilas edib.", "az"),
    ("“We will not give up,” she said.", "en", "«Biz təslim olacağıq», – deyə o bildirib.", "az"),
    ("«Мы не сдадимся», — сказала она.", "ru", "“We will give up,” she said.", "en"),
    ("The ministry confirmed the report.", "en", "Министерство не подтвердило сообщение.", "ru"),
    ("Nazirlik məlumatı təsdiqləyib.", "az", "The ministry did not confirm the report.", "en"),
    ("Министерство подтвердило сообщение.", "ru", "Nazirlik məlumatı təsdiqləməyib.", "az"),
    ("The police found weapons.", "en", "Polis silah tapmayıb.", "az"),
    ("Полиция нашла оружие.", "ru", "The police found no weapons.", "en"),
    ("She never lost hope.", "en", "Она потеряла надежду.", "ru"),
    ("O, heç vaxt ümidini itirməyib.", "az", "She lost hope.", "en"),
    ("The court did not accept the appeal.", "en", "Məhkəmə apellyasiyanı qəbul edib.", "az"),
    ("Суд не принял апелляцию.", "ru", "Məhkəmə apellyasiyanı qəbul edib.", "az"),
    ("Məhkəmə apellyasiyanı qəbul etməyib.", "az", "Суд принял апелляцию.", "ru"),
    ("The talks did not take place.", "en", "Переговоры состоялись.", "ru"),
    ("Danışıqlar baş tutmayıb.", "az", "The talks took place.", "en"),
    ("Переговоры не состоялись.", "ru", "Danışıqlar baş tutub.", "az"),
    ("Investigators have not found the cause.", "en", "Следователи установили причину.", "ru"),
    ("Investigators have not found the cause.", "en", "Müstəntiqlər səbəbi müəyyən ediblər.", "az"),
    ("Müstəntiqlər səbəbi müəyyən etməyiblər.", "az", "Investigators have found the cause.", "en"),
    ("Следователи не установили причину.", "ru", "Müstəntiqlər səbəbi müəyyən ediblər.", "az"),
    ("The opposition will not take part in the vote.", "en", "Оппозиция примет участие в голосовании.", "ru"),
    ("Müxalifət səsvermədə iştirak etməyəcək.", "az", "The opposition will take part in the vote.", "en"),
    ("Оппозиция не примет участие в голосовании.", "ru", "Müxalifət səsvermədə iştirak edəcək.", "az"),
    ("The ministry has no plans to raise prices.", "en", "Министерство планирует повысить цены.", "ru"),
    ("Nazirlik qiymətləri artırmağı planlaşdırmır.", "az", "The ministry plans to raise prices.", "en"),
    ("Residents were told to leave their homes.", "en", "Sakinlərə evlərini tərk etməmək tövsiyə olunub.", "az"),
    ("Жителям посоветовали покинуть дома.", "ru", "Residents were told not to leave their homes.", "en"),
    ("Prices will rise next year.", "en", "В следующем году цены не вырастут.", "ru"),
    ("Qiymətlər gələn il artacaq.", "az", "Prices will not rise next year.", "en"),
    ("Цены вырастут в следующем году.", "ru", "Qiymətlər gələn il artmayacaq.", "az"),
    ("Polis hadisə ilə bağlı heç bir açıqlama verməyib.", "az", "Полиция сделала заявление в связи с инцидентом.", "ru"),
    ("Nazir jurnalistlərin suallarını cavablandırmadı.", "az", "Министр ответил на вопросы журналистов.", "ru"),
    ("Hökumət qiymətləri artırmayacaq.", "az", "Правительство повысит цены.", "ru"),
    ("Sakinlər evlərinə qayıda bilmir.", "az", "Жители могут вернуться в свои дома.", "ru"),
    ("Şirkət hesabatı dərc etməyib.", "az", "Компания опубликовала отчёт.", "ru"),
    ("Bu qərar yekun deyil.", "az", "Это решение окончательное.", "ru"),
    ("Komanda finala çıxa bilməyib.", "az", "Команда вышла в финал.", "ru"),
    ("Полиция не сделала никаких заявлений.", "ru", "The police made a statement.", "en"),
    ("Министр не ответил на вопросы журналистов.", "ru", "The minister answered reporters' questions.", "en"),
    ("Правительство не будет повышать цены.", "ru", "The government will raise prices.", "en"),
    ("Жители пока не могут вернуться домой.", "ru", "Residents can now return home.", "en"),
    ("Это решение не окончательное.", "ru", "This decision is final.", "en"),
    ("Команде не удалось выйти в финал.", "ru", "The team reached the final.", "en"),
    ("Никто из пассажиров не пострадал.", "ru", "Several passengers were hurt.", "en"),
    ("The minister answered reporters' questions.", "en", "Министр не ответил на вопросы журналистов.", "ru"),
    ("Komanda finala çıxıb.", "az", "Команда не вышла в финал.", "ru"),
]


def _six_directions(triples: list[tuple[str, str, str]]) -> list[tuple[str, str, str, str]]:
    """Each (en, ru, az) triple as a pair in each of the six directions between them."""
    pairs = []
    for triple in triples:
        texts = dict(zip(("en", "ru", "az"), triple))
        pairs += [(texts[src], texts[tgt], src, tgt) for src in texts for tgt in texts if src != tgt]
    return pairs


@pytest.mark.parametrize(("source", "translation", "src", "tgt"), _six_directions(NEGATION_TRIPLES))
def test_a_negation_rendered_in_another_form_or_a_word_that_only_looks_negative_passes(
        source: str, translation: str, src: str, tgt: str) -> None:
    assert check_entry(source, translation, src, tgt, only=["negation"]) == []


@pytest.mark.parametrize(("source", "src", "translation", "tgt"), NEGATION_SLIPS)
def test_a_negation_dropped_or_added_is_a_warning(source: str, src: str, translation: str, tgt: str) -> None:
    """Regression: a translation that inverted its sentence (Coles did not react → Коулз бурно
    отреагировал; should not go → getməlidir) passed every check."""
    assert [(f.check, f.severity) for f in check_entry(source, translation, src, tgt, only=["negation"])] == [
        ("negation", Severity.WARNING)]


def test_the_quotation_renderings_raise_no_negation_warning() -> None:
    """The 985 renderings of quotations, right and wrong only in names and marks, keep their
    polarity: none may be reported."""
    import json
    from pathlib import Path
    rows = json.loads((Path(__file__).parent / "data" / "quotations" / "renderings.json").read_text(encoding="utf-8"))
    assert [row["translation"] for row in rows
            if check_entry(row["source"], row["translation"], row["src"], row["tgt"], only=["negation"])] == []


@pytest.mark.parametrize(("source", "translation", "tgt"), [
    ("The government has not answered.", "The government has not answered.", "ru"),
    ("The site <span translate=\"no\">Baku Port</span> opened.", "Открылся <span translate=\"no\">Baku Port</span>.", "ru"),
    ("Press `no-cache` to reload.", "Нажмите `no-cache`, чтобы перезагрузить.", "ru"),
    ("He was born on No. 5 Nizami Street.", "Он родился на улице Низами, 5.", "ru"),
    ("The government did not answer.", "［The ğöṽəŕñɱəñŧ đıđ ñöŧ åñşŵəŕ.］", "az"),
])
def test_a_negation_in_markup_code_or_an_untranslated_segment_is_none(source: str, translation: str,
                                                                    tgt: str) -> None:
    """The reader of the target language cannot read a source left as it was or pseudo-localised
    (the source's words in look-alike letters), and a "no" in an attribute, in code or before
    a number negates nothing."""
    assert check_entry(source, translation, "en", tgt, only=["negation"]) == []



def test_a_name_named_again_and_again_is_compared_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: the names check compared each mention of a full name with the whole
    translation, so a paragraph naming one person 5,000 times (a damaged article) took
    136 s to sync; a name is now compared once per segment."""
    import pipeline.checks as checks

    asked: list[str] = []
    real = checks._sounds_present
    monkeypatch.setattr(checks, "_sounds_present",
                        lambda name, text, lang=None: (asked.append(name), real(name, text, lang))[1])
    source = "Professor Rauf Mirzəyev spoke. " * 300
    findings = check_entry(source, "Profesor Rauf Mirzoyev danışdı. " * 300, "az", "en", only=["names"])
    assert len(asked) == 1 and len(findings) == 1


def test_speech_count_is_cached_per_language() -> None:
    """A source's quotations are counted once for all its translations, by text and language:
    each language pairs the marks its own way (“…“ closes in German, not in English), so a
    count asked in one language never answers for another."""
    from pipeline.checks import _speech_count, _speech_parts
    from pipeline.quotemarks import scan_quotes

    text = "“Мы готовы, — сказал он. — Начнём“ и “нет”, — ответила она."
    assert scan_quotes(text, "en") != scan_quotes(text, "de")
    for lang in ("de", "en", "ru", "az", "en"):
        assert _speech_count(text, lang) == _speech_parts(text, scan_quotes(text, lang))


def test_cached_markup_counts_are_not_changed_by_the_check() -> None:
    """The markup counts of a text are shared by every check of it (cached): checking a
    source against a translation that lost its emphasis leaves them as counted fresh."""
    source = "The **new** bridge opens [today](https://example.org/bridge) at 9:00."
    fresh = _markup.__wrapped__(source)
    for translation in ("Новый мост открывается сегодня в 9:00.", "Yeni **körpü** bu gün açılır."):
        assert check_entry(source, translation, "en", "ru", only=["markup"])
    assert _markup(source) == fresh == Counter({"**": 2, "links": 1})


#: Correct translations into languages the checks have no word lists for (Turkish, German,
#: Ukrainian, Georgian), and out of one (Turkish): (source, translation, source language,
#: target language). Scale words, number notation, speech verbs, negations, names spelt by
#: the target's custom and sentence lengths all differ from the three known languages'.
_OTHER_LANGUAGE_PAIRS = [
    ("Revenues will reach 34.5 billion manat and spending 38 billion manat.",
     "Gelirler 34,5 milyar manata, harcamalar ise 38 milyar manata ulaşacak.", "en", "tr"),
    ("Büdcənin gəlirləri 34,5 milyard manat, xərcləri isə 38 milyard manat təşkil edəcək.",
     "Die Einnahmen werden 34,5 Milliarden Manat erreichen, die Ausgaben 38 Milliarden Manat.", "az", "de"),
    ("Проголосовали 3,2 млн человек, а явка составила 58,3%.",
     "Проголосували 3,2 мільйона осіб, а явка становила 58,3%.", "ru", "uk"),
    ("In March, 1,500 workers were laid off, and two factories closed.",
     "Im März wurden 1.500 Arbeiter entlassen, und zwei Fabriken schlossen.", "en", "de"),
    ("In March, 1,500 workers were laid off, and two factories closed.",
     "У березні звільнили 1 500 працівників, і закрилися дві фабрики.", "en", "uk"),
    ("“The deficit will not exceed 3.5 billion manat,” Finance Minister Samir Sharifov told reporters.",
     "„Das Defizit wird 3,5 Milliarden Manat nicht übersteigen“, sagte Finanzminister Samir Scharifow "
     "vor Journalisten.", "en", "de"),
    ("«Мы не получили ни одной серьёзной жалобы», — заявил председатель комиссии Мазахир Панахов.",
     "„Wir haben keine einzige ernsthafte Beschwerde erhalten“, erklärte der Vorsitzende der Kommission, "
     "Masahir Panahow.", "ru", "de"),
    ("The opposition did not support the bill. Inflation was -2% in May, and the vote is at 8pm.",
     "Muhalefet tasarıyı desteklemedi. Mayısta enflasyon eksi yüzde 2 oldu; oylama saat 20.00'de.", "en", "tr"),
    ("Deprem bölgesinde 12 bin konut tamamlandı. Projenin maliyeti 4,2 milyar lira.",
     "12,000 homes were completed in the earthquake zone. The project cost 4.2 billion lira.", "tr", "en"),
    ("Bakan Murat Kurum, “Yıl sonuna kadar 30 bin konut daha teslim edilecek” dedi.",
     "«До конца года будет сдано ещё 30 тысяч квартир», — сказал министр Мурат Курум.", "tr", "ru"),
    ("Mikayıl Cabbarov bildirib ki, zavod ildə 100 min ton məhsul istehsal edəcək.",
     "მიქაილ ჯაბაროვმა განაცხადა, რომ ქარხანა წელიწადში 100 ათას ტონა პროდუქციას აწარმოებს.", "az", "ka"),
]


@pytest.mark.parametrize(("source", "translation", "src", "tgt"), _OTHER_LANGUAGE_PAIRS)
def test_a_correct_translation_to_or_from_another_language_has_no_error(
        source: str, translation: str, src: str, tgt: str) -> None:
    """Rules that read words (scale words, negations, speech verbs, months, sentence
    lengths, names by sound) are not applied where a language's words are unknown: read
    with another language's, a correct Turkish or German translation reads as lost figures
    and misspelt speakers."""
    assert [finding for finding in check_entry(source, translation, src, tgt)
            if finding.check != "quote-marks"] == []


@pytest.mark.parametrize(("source", "translation", "src", "tgt"), [
    ("In March, 1,500 workers were laid off.", "Mart ayında 1.600 işçi işten çıkarıldı.", "en", "tr"),
    ("Revenues will reach 34.5 billion manat.", "Die Einnahmen werden 35,4 Milliarden Manat erreichen.", "en", "de"),
    ("Проголосовали 3,2 млн человек.", "Проголосували 2,3 мільйона осіб.", "ru", "uk"),
    ("Mart ayında 1.500 işçi işten çıkarıldı.", "В марте уволили 1600 рабочих.", "tr", "ru"),
    ("Deprem bölgesinde 12 bin konut tamamlandı.", "13,000 homes were completed in the earthquake zone.",
     "tr", "en"),
])
def test_a_changed_figure_is_still_caught_in_another_language(source: str, translation: str, src: str,
                                                              tgt: str) -> None:
    assert ("numbers", Severity.ERROR) in checks_fired(source, translation, tgt=tgt, src=src)


def test_language_independent_checks_still_run_for_another_language() -> None:
    source = "See [the ministry](https://maliyye.gov.az/budget) and `make build`."
    translation = "Siehe [das Ministerium](https://maliyye.gov.az/haushalt) und `make bau`."
    assert {check for check, _ in checks_fired(source, translation, tgt="de")} >= {"urls", "code"}
    assert ("quote-count", Severity.ERROR) in checks_fired(
        "“We will not give up,” she said.", "Aufgeben werden wir nicht, sagte sie.", tgt="de")


def test_quotation_marks_of_another_language_follow_cldr() -> None:
    """A language without a house style gets CLDR's marks: „…“ in German, «…» in Ukrainian."""
    source = "“We will not give up,” she said."
    assert checks_fired(source, "„Wir geben nicht auf“, sagte sie.", tgt="de") == []
    assert checks_fired(source, "«Ми не здамося», — сказала вона.", tgt="uk") == []
    (finding,) = check_entry(source, "«Wir geben nicht auf», sagte sie.", "en", "de")
    assert finding.check == "quote-marks" and "„…“" in finding.message
