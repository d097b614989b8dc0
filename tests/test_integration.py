"""The stages with the project's real hooks: MT failures are repaired where possible, flagged otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from click.testing import CliRunner

from pipeline.catalogue import parse_po
from pipeline.cli import cli
from pipeline.config import load_config
from pipeline.integration import hooks
from pipeline.sync import SyncOptions, sync
from tests.conftest import without_source_digest, write_project

GLOSSARY = "en,ru,az\nLeyla Huseynova,Лейла Гусейнова,Leyla Hüseynova\n"
SLOPPY = {
    # ASCII quotes instead of «», and the name transliterated its own way.
    "“We open in May,” said Leyla Huseynova.": '"Мы откроемся в мае", - сказала Лейла Хусейнова.',
    "The port grows fast.": "Порт быстро растёт.",
    # The speaker dropped altogether.
    "“We close in June,” Leyla Huseynova added.": '"Мы закроемся в июне", - добавила она.',
}


class SloppyEngine:
    """Breaks what real MT breaks: ASCII quotes instead of «», a name transliterated its
    own way, and a speaker dropped."""

    name = "sloppy"

    def supports(self, source: str, target: str) -> bool:
        return (source, target) == ("en", "ru")

    def provenance(self, source: str, target: str) -> str:
        return "sloppy 1"

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [SLOPPY[text] for text in texts]


def test_quotes_and_names_repaired_and_a_lost_speaker_rejected(tmp_path: Path) -> None:
    article = "\n\n".join(SLOPPY) + "\n"
    root = write_project(tmp_path, {"a": article}, 'languages = ["en", "ru"]\n')
    (root / "locale").mkdir()
    (root / "locale/glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    config = load_config(root)
    report = sync(config, SyncOptions(engine=SloppyEngine(), **hooks(config)))
    entries = {m.msgid: m for m in parse_po((root / "locale/ru/LC_MESSAGES/a.po").read_bytes()).active}
    quoted = entries["“We open in May,” said Leyla Huseynova."]
    assert "«" in quoted.msgstr and '"' not in quoted.msgstr
    assert "Лейла Гусейнова" in quoted.msgstr and "Хусейнова" not in quoted.msgstr
    assert quoted.fuzzy and "mt: sloppy 1" in without_source_digest(quoted.comments)
    lost = entries["“We close in June,” Leyla Huseynova added."]
    assert lost.msgstr == ""
    assert any(c.startswith("mt rejected: glossary: 'Leyla Huseynova'") for c in lost.comments)
    assert report.machine_translated["ru"] == 2 and report.rejected["ru"] == 1


class GuillemetEngine:
    """Writes Azerbaijani with «» marks, as much of the Azerbaijani press does."""

    name = "guillemets"

    def supports(self, source: str, target: str) -> bool:
        return (source, target) == ("en", "az")

    def provenance(self, source: str, target: str) -> str:
        return "guillemets 1"

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return ["«Biz hazırıq», – nazir bildirib." for _ in texts]


def test_a_house_style_for_quotation_marks_is_kept_by_mt_checks_and_publishing(tmp_path: Path) -> None:
    article = "“We are ready,” the minister said.\n"
    runner = CliRunner()
    outputs = {}
    for style in ("", '[quotes]\naz = "«»„“"\n'):
        root = write_project(tmp_path / (style and "house"), {"a": article},
                             'languages = ["en", "az"]\n[publish]\nallow_machine = true\n' + style)
        config = load_config(root)
        sync(config, SyncOptions(engine=GuillemetEngine(), **hooks(config)))
        po = root / "locale/az/LC_MESSAGES/a.po"
        machine = parse_po(po.read_bytes()).active[0].msgstr
        # The translator writes «» and clears fuzzy: the marks are the translator's own.
        po.write_text(po.read_text(encoding="utf-8").replace("#, fuzzy\n", "").replace(
            machine, "«Biz hazırıq», – nazir bildirib."), encoding="utf-8")
        checked = runner.invoke(cli, ["--project", str(root), "check"])
        sync(config, SyncOptions(engine=GuillemetEngine(), **hooks(config)))
        outputs[style] = (machine, checked.output, (root / "public/az/a.md").read_text(encoding="utf-8"))
    machine, check, published = outputs[""]  # CLDR's Azerbaijani marks
    assert machine.startswith("“Biz hazırıq”") and "[quote-marks]" in check and "“Biz hazırıq”" in published
    machine, check, published = outputs['[quotes]\naz = "«»„“"\n']
    assert machine.startswith("«Biz hazırıq»") and "[quote-marks]" not in check and "«Biz hazırıq»" in published


def test_check_flags_what_a_translator_broke(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"a": "“The port grows by 64 percent,” said Leyla Huseynova.\n"},
                         'languages = ["en", "ru"]\n')
    (root / "locale").mkdir()
    (root / "locale/glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    runner = CliRunner()
    runner.invoke(cli, ["--project", str(root), "sync", "--engine", "none"])
    po = root / "locale/ru/LC_MESSAGES/a.po"
    header, entries = po.read_text().split("\n\n", 1)  # the header's msgstr "" stays as it is
    po.write_text(header + "\n\n" + entries.replace(
        'msgstr ""', 'msgstr "Порт растёт на 46 процентов, сказала Лейла Хусейнова."'), encoding="utf-8")
    result = runner.invoke(cli, ["--project", str(root), "check"])
    assert result.exit_code == 3, result.output
    assert "locale/ru/LC_MESSAGES/a.po:" in result.output
    for check in ("[numbers]", "[quote-count]", "[speaker]"):
        assert check in result.output


def test_a_translation_keeping_the_sources_quotation_mark_references_is_published_with_the_targets_marks() -> None:
    """Regression: publishing writes a reviewed translation's quotation marks as the target
    writes them (“…” in a Russian translation becomes «…»), but a translation that kept a
    WordPress export's ``&ldquo;…&rdquo;`` was published with English marks."""
    from pipeline.integration import published_quotes
    source = "He said &ldquo;We will grow&rdquo;."
    assert published_quotes(source, "Он сказал &ldquo;Мы будем расти&rdquo;.", "en", "ru") == "Он сказал «Мы будем расти»."
    assert published_quotes(source, "Он сказал “Мы будем расти”.", "en", "ru") == "Он сказал «Мы будем расти»."
    assert published_quotes(source, "Он сказал «Мы будем расти» &mdash; `&ldquo;`.", "en", "ru") \
        == "Он сказал «Мы будем расти» &mdash; `&ldquo;`."


def test_an_azerbaijani_inner_quotation_with_a_case_ending_takes_the_house_style() -> None:
    # Read by the source's (Russian) conventions, the ’ before the case ending -mızın was
    # an apostrophe, so the inner quotation kept English marks inside the house style's «…».
    from pipeline.integration import published_quotes
    from pipeline.quotemarks import house_style
    translation = "O dedi: “Biz ‘dəniz qapısı’mızın olub-olmadığını müzakirə edəcəyik”."
    published = published_quotes("Он сказал: «…»", translation, "ru", "az",
                                 marks={"az": house_style("«»„“", "az")})
    assert published == "O dedi: «Biz „dəniz qapısı“mızın olub-olmadığını müzakirə edəcəyik»."
