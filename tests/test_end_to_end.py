"""Two articles in two source languages: sync → terminal review → publish → source edit.

The whole route a newsroom takes, through the CLI only: machine translation by a
deterministic fake engine, review by scripted answers (one edit through ``$EDITOR``),
publication, then a changed paragraph that must send exactly that segment back for review
in every language while the published versions stay as they were.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import cli
from pipeline.commands.review import review_command
from tests.conftest import snapshot_tree, write_project

cli.add_command(review_command)

PORT_EN = """---
title: Alat port doubles its capacity
description: Two new berths and a rail link open next year.
---

The port of Alat will double its capacity by 2027, officials said on Monday.

> "We are ready for more ships," said the port director.

The plan includes:

- two new berths;
- a rail link to the main line.
"""

FAIR_RU = """---
title: В Гяндже открылась книжная ярмарка
description: Более ста издательств привезли книги в Гянджу.
lang: ru
---

В Гяндже в пятницу открылась первая книжная ярмарка региона.

> «Мы хотели, чтобы книги приехали к читателю», — сказала организатор.

В программе:

- встречи с авторами;
- обмен книгами.
"""

CONFIG = 'languages = ["en", "ru", "az"]\nsource_language = "en"\n'
EDITED = "Порт Алят удвоит мощность к 2027 году, сообщили в понедельник."

EDITOR_SCRIPT = f"""import pathlib, sys
pathlib.Path(sys.argv[1]).write_text({EDITED!r} + "\\n", encoding="utf-8")
"""


def run(root: Path, *args: str, input: str | None = None) -> Result:
    result = CliRunner().invoke(cli, ["--project", str(root), *args], input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def queue(root: Path, *args: str) -> list[dict[str, object]]:
    return json.loads(run(root, "review", "--json", *args).output)["items"]  # type: ignore[no-any-return]


def published(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "public").rglob("*.md"))}


def test_sync_review_publish_then_source_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_project(tmp_path / "newsroom", {"port": PORT_EN, "fair": FAIR_RU}, CONFIG)
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR_SCRIPT, encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")

    # 1. machine translation: everything is filled, nothing is published yet
    first = run(root, "sync", "--engine", "fake")
    assert "published" not in first.output
    items = queue(root)
    assert {(i["article"], i["lang"]) for i in items} == {("port", "ru"), ("port", "az"),
                                                         ("fair", "en"), ("fair", "az")}
    assert {i["reason"] for i in items} == {"machine"}
    assert not (root / "public").exists()

    # 2. terminal review: accept everything, edit the English lead in Russian via $EDITOR
    lead = "The port of Alat will double its capacity by 2027, officials said on Monday."
    answers = "".join("e\n" if (i["lang"], i["msgid"]) == ("ru", lead) else "a\n" for i in items)
    walked = run(root, "review", "--interactive", input=answers)
    assert f"accepted {len(items) - 1}, edited 1, skipped 0;" in walked.output
    assert {i["reason"] for i in queue(root)} <= {"findings"}

    # 3. publish: every language version appears with its translation front matter
    run(root, "publish")
    files = published(root)
    assert sorted(files) == ["public/az/fair.md", "public/az/port.md", "public/en/fair.md", "public/ru/port.md"]
    for rel, data in files.items():
        lang, slug = rel.split("/")[1], rel.split("/")[2][:-3]
        front = data.decode("utf-8").split("---")[1]
        assert f"lang: {lang}" in front and f"translation_of: {slug}" in front
        assert "translationKey" not in front
    assert EDITED in files["public/ru/port.md"].decode("utf-8")
    assert "machine_translated" not in files["public/ru/port.md"].decode("utf-8")

    # 4. a source paragraph changes: exactly that segment waits again, in each language
    new_lead = lead.replace("by 2027", "by 2028")
    (root / "source" / "port.md").write_text(PORT_EN.replace(lead, new_lead), encoding="utf-8")
    again = run(root, "sync", "--engine", "fake")
    waiting = [i for i in queue(root) if i["reason"] != "findings"]
    assert [(i["article"], i["lang"], i["reason"], i["msgid"], i["previous_msgid"]) for i in waiting] == [
        ("port", lang, "changed", new_lead, lead) for lang in ("az", "ru")]
    ru_item = next(i for i in waiting if i["lang"] == "ru")
    assert ru_item["msgstr"] == EDITED
    assert "{+2028+}" in run(root, "review", "--reason", "changed", "--lang", "ru").output

    # ... while the published versions stay byte-identical and are reported as stale
    assert published(root) == files
    for lang in ("az", "ru"):
        assert f"held back port ({lang}): 1 source changed since translation — " \
               "the published version is stale and was kept" in again.output
    status = json.loads(run(root, "status", "--json").output)["catalogues"]
    port_ru = next(r for r in status if (r["article"], r["lang"]) == ("port", "ru"))
    assert port_ru["published"] and port_ru["reviewed"] == port_ru["total"] - 1


FIGURES_EN = """---
title: Ships wait at Baku
---

Cargo traffic at the {{< abbr title="international sea trade port" >}} grew again.

{{< figure
    src="port.jpg"
    caption="Ships waiting at the port of Baku"
    alt="three cargo ships at anchor"
>}}

<figure class="wide">
  {{< img src="cranes.jpg" alt="cranes at dusk" >}}
  <figcaption>The new cranes arrived in March.</figcaption>
</figure>
"""


def test_sync_translates_a_multi_line_shortcodes_caption_and_publishes_it_inside_its_tag(tmp_path: Path) -> None:
    """The readers' text of a shortcode over several lines, of one in an HTML block and of one
    in a sentence reaches the catalogue (each at its own line) and the published article, with
    the tags as the generator needs them."""
    config = 'languages = ["en", "ru"]\nsource_language = "en"\n[publish]\nallow_machine = true\n'
    root = write_project(tmp_path / "newsroom", {"port": FIGURES_EN}, config)
    run(root, "sync", "--engine", "pseudo")
    po = (root / "locale/ru/LC_MESSAGES/port.po").read_text(encoding="utf-8")
    for line, msgid in ((5, "international sea trade port"), (9, "Ships waiting at the port of Baku"),
                        (10, "three cargo ships at anchor"), (14, "cranes at dusk")):
        assert f'#. template argument\n#: source/port.md:{line}\n#, fuzzy\nmsgid "{msgid}"' in po, msgid
    out = (root / "public/ru/port.md").read_text(encoding="utf-8")
    for english in ("Ships waiting at the port of Baku", "three cargo ships", "cranes at dusk", "sea trade"):
        assert english not in out
    assert '    src="port.jpg"\n    caption="［Ships ' in out and '"\n>}}\n' in out
    assert '  {{< img src="cranes.jpg" alt="［' in out
    assert '{{< abbr title="［' in out
    from pipeline.inline import template_tags
    assert len(template_tags(out)) == len(template_tags(FIGURES_EN))


BOOK_AZ = """---
title: Kamal Abdullanın romanı ingilis dilində çıxıb
lang: az
---

Tərcüməçi Aynur Məmmədova deyir ki, ən çətini dastan dilini saxlamaq olub.

«Hər cümlədə „Dədə Qorqud“un səsi var», — deyə Məmmədova bildirib.

Roman «Əsrin müqaviləsi»ndən sonrakı Bakıdan danışır.
"""

#: What a good engine writes for each sentence it is sent, in the source's marks (which
#: the pipeline puts into the target's style).
PHRASEBOOK = {
    "ru": {
        "Kamal Abdullanın romanı ingilis dilində çıxıb": "Роман Камала Абдуллы вышел на английском",
        "Tərcüməçi Aynur Məmmədova deyir ki, ən çətini dastan dilini saxlamaq olub.":
            "Переводчица Айнур Мамедова говорит, что труднее всего было сохранить язык эпоса.",
        "«Hər cümlədə „Dədə Qorqud“un səsi var», — deyə Məmmədova bildirib.":
            "«В каждом предложении звучит голос „Деде Коркута“», — сказала Мамедова.",
        "Roman «Əsrin müqaviləsi»ndən sonrakı Bakıdan danışır.":
            "Роман рассказывает о Баку после «Контракта века».",
    },
    "en": {
        "Kamal Abdullanın romanı ingilis dilində çıxıb": "Kamal Abdulla's novel comes out in English",
        "Tərcüməçi Aynur Məmmədova deyir ki, ən çətini dastan dilini saxlamaq olub.":
            "Translator Aynur Mammadova says the hardest part was keeping the language of the epic.",
        "«Hər cümlədə „Dədə Qorqud“un səsi var», — deyə Məmmədova bildirib.":
            "«Every sentence carries the voice of „Dede Korkut“», Mammadova said.",
        "Roman «Əsrin müqaviləsi»ndən sonrakı Bakıdan danışır.":
            "The novel is about Baku after the Contract of the Century.",
    },
}


def test_a_house_style_newsroom_gets_its_marks_and_no_false_alarm(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An Azerbaijani desk writing «…„…“…» (``[quotes] az``), with case suffixes right after
    closing marks („Dədə Qorqud“un, «Əsrin müqaviləsi»ndən), machine-translated by an engine
    that writes good translations in the source's marks: the review queue holds nothing but
    the machine translations (no finding on them), each published version has its own
    language's marks, a second sync writes nothing, and a translator's slip (a closing mark
    lost, English marks in Russian) is shown with its place."""
    from pipeline.engines import fake

    @dataclass
    class PhrasebookEngine(fake.FakeEngine):
        name: str = "phrasebook"

        def transform(self, text: str, source: str, target: str) -> str:
            return PHRASEBOOK[target][text]

    monkeypatch.setitem(fake.FAKES, "phrasebook", PhrasebookEngine)
    config = CONFIG.replace('source_language = "en"', 'source_language = "az"') \
        + '\n[quotes]\naz = "«»„“"\n'
    root = write_project(tmp_path / "newsroom", {"book": BOOK_AZ}, config)

    run(root, "sync", "--engine", "phrasebook")
    items = queue(root)
    assert {i["reason"] for i in items} == {"machine"}
    assert [i for i in items if i["findings"]] == []
    by_lang = {(i["lang"], i["msgid"][:10]): i["msgstr"] for i in items}
    assert by_lang[("ru", "«Hər cümlə")] == "«В каждом предложении звучит голос „Деде Коркута“», — сказала Мамедова."
    assert by_lang[("en", "«Hər cümlə")] == "“Every sentence carries the voice of ‘Dede Korkut’”, Mammadova said."

    run(root, "review", "--interactive", input="a\n" * len(items))
    run(root, "sync", "--engine", "phrasebook")
    assert "«В каждом предложении звучит голос „Деде Коркута“»" in \
        (root / "public" / "ru" / "book.md").read_text(encoding="utf-8")
    assert "“Every sentence carries the voice of ‘Dede Korkut’”" in \
        (root / "public" / "en" / "book.md").read_text(encoding="utf-8")
    before = snapshot_tree(root, with_state=True)
    assert "nothing changed: no file was written" in run(root, "sync", "--engine", "phrasebook").output
    assert snapshot_tree(root, with_state=True) == before

    po = root / "locale" / "ru" / "LC_MESSAGES" / "book.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace("«В каждом предложении звучит голос „Деде Коркута“», — сказала Мамедова.",
                               "“В каждом предложении звучит голос „Деде Коркута“, — сказала Мамедова."),
                  encoding="utf-8")
    run(root, "sync", "--engine", "phrasebook")
    [slip] = queue(root, "--reason", "findings")
    assert slip["lang"] == "ru" and slip["line"] > 0
    assert {f["check"] for f in slip["findings"]} == {"quote-count", "quote-marks"}


BUDGET_AZ = """---
title: Parlament 2027-ci il büdcəsini qəbul edib
lang: az
---

Milli Məclis çərşənbə günü büdcəni qəbul edib. Gəlirlər 34,5 milyard manat, xərclər isə 38 milyard manat olacaq.

"Kəsir 3,5 milyard manatdan çox olmayacaq," – deyə maliyyə naziri Samir Şərifov bildirib.

Mart ayında 1.500 işçi ixtisara düşüb, iki zavod isə bağlanıb.
"""


#: Reviewed translations of BUDGET_AZ, by its segments' order.
BUDGET_TRANSLATIONS = {
    "tr": ["Meclis 2027 bütçesini kabul etti",
           "Millî Meclis çarşamba günü bütçeyi kabul etti. Gelirler 34,5 milyar manat, giderler ise 38 milyar "
           "manat olacak.",
           "Maliye Bakanı Samir Şerifov, “Bütçe açığı 3,5 milyar manatı aşmayacak” dedi.",
           "Mart ayında 1.500 işçi işten çıkarıldı, iki fabrika ise kapandı."],
    "de": ["Parlament verabschiedet den Haushalt 2027",
           "Das Parlament hat am Mittwoch den Haushalt verabschiedet. Die Einnahmen betragen 34,5 Milliarden "
           "Manat, die Ausgaben 38 Milliarden Manat.",
           "„Das Defizit wird 3,5 Milliarden Manat nicht übersteigen“, sagte Finanzminister Samir Scharifow.",
           "Im März wurden 1.500 Arbeiter entlassen, zwei Werke wurden geschlossen."],
}


def test_a_newsroom_adding_turkish_and_german_gets_no_false_error(tmp_path: Path) -> None:
    """A language the checks know no words of (tr, de) gets the pseudo engine's output and
    reviewed translations checked on figures, quotations and links, without errors read from
    another language's words (34,5 milyar is no lost scale word, 1.500 no 1.5, Scharifow no
    misspelt speaker); a figure changed is still an error."""
    import polib

    config = 'languages = ["az", "en", "tr", "de"]\nsource_language = "az"\n'
    root = write_project(tmp_path / "newsroom", {"budce": BUDGET_AZ}, config)
    assert "error" not in run(root, "sync", "--engine", "pseudo").output
    assert "0 error(s)" in run(root, "check").output
    for lang, translations in BUDGET_TRANSLATIONS.items():
        path = root / f"locale/{lang}/LC_MESSAGES/budce.po"
        catalogue = polib.pofile(str(path))
        for entry, translation in zip(catalogue, translations, strict=True):
            entry.msgstr, entry.flags = translation, []
        catalogue.save(str(path))
    assert "0 finding(s)" in run(root, "check").output
    run(root, "sync")
    assert "34,5 milyar manat" in (root / "public/tr/budce.md").read_text(encoding="utf-8")
    assert "„Das Defizit" in (root / "public/de/budce.md").read_text(encoding="utf-8")
    catalogue = polib.pofile(str(root / "locale/tr/LC_MESSAGES/budce.po"))
    catalogue[-1].msgstr = catalogue[-1].msgstr.replace("1.500", "1.600")
    catalogue.save()
    result = CliRunner().invoke(cli, ["--project", str(root), "check"])
    assert "number(s) missing from the translation: 1.500" in result.output and result.exit_code != 0
