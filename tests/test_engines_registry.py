"""Engines by name; pseudo and fake engines behave as documented."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.engines import Engine
from pipeline.engines.argos import ArgosEngine
from pipeline.engines.fake import FAKES, FakeEngine, SpacedPlaceholderEngine
from pipeline.engines.pseudo import PseudoEngine
from pipeline.engines.registry import engine_names, get_engine
from pipeline.errors import ConfigError


def test_every_name_builds_an_engine() -> None:
    for name in engine_names():
        assert isinstance(get_engine(name), Engine)
    assert {"argos", "pseudo", "fake"} <= set(engine_names())


def test_argos_options_come_from_the_config(tmp_path: Path) -> None:
    config = SimpleNamespace(root=tmp_path, models_dir="models", beam_size=2)
    engine = get_engine("argos", config=config)
    assert isinstance(engine, ArgosEngine)
    assert engine.packages_dir == tmp_path / "models" and engine.beam_size == 2
    engine = get_engine("argos", config=SimpleNamespace(root=tmp_path, models_dir=None, beam_size=None))
    assert engine.packages_dir.name == "argos-packages"  # ARGOS_PACKAGES_DIR from the test environment
    assert isinstance(get_engine("pseudo", config=config), PseudoEngine)


def test_unknown_names_and_options_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown translation engine"):
        get_engine("deepl")
    with pytest.raises(ConfigError, match="does not accept"):
        get_engine("pseudo", beam_size=3)


def test_pseudo_is_deterministic_and_bracketed() -> None:
    engine = PseudoEngine(expand=0.5)
    out = engine.translate_batch(["Hi ⟦1⟧you⟦2⟧, see https://x.org", ""], "en", "az")
    assert out == engine.translate_batch(["Hi ⟦1⟧you⟦2⟧, see https://x.org", ""], "en", "az")
    assert out[0].startswith("［Hi ⟦1⟧ýöü⟦2⟧, şəə https://x.org") and out[0].endswith("~］")
    assert out[1] == ""
    assert not engine.supports("en", "en-GB")


def test_pseudo_leaves_capitalised_words_for_the_glossary_step() -> None:
    """Names, acronyms and sentence starts stay as written (as MT leaves an unknown name), so
    the glossary step can put in the target spelling instead of rejecting the segment."""
    from pipeline.glossary import enforce_glossary, read_glossary
    import io

    engine = PseudoEngine()
    source = "Ilham Aliyev met NATO envoys in Baku."
    (out,) = engine.translate_batch([source], "en", "az")
    assert out == "［Ilham Aliyev ɱəŧ NATO əñṽöýş ıñ Baku.］"
    glossary = read_glossary(io.StringIO("en,az\nIlham Aliyev,İlham Əliyev\nBaku,Bakı\n"))
    fixed, problems = enforce_glossary(source, out, "en", "az", glossary=glossary)
    assert problems == [] and "İlham Əliyev" in fixed and "Bakı" in fixed
    assert engine.translate_batch(["Москва растёт."], "ru", "en") == ["［Москва ŕåşŧëŧ.］"]
    assert engine.translate_batch(["Port Of Alat"], "en", "ru") == ["［Порт Оф Алат］"]



def test_pseudo_swaps_a_segment_of_mostly_names_whole_into_another_script() -> None:
    """Regression: "Data from the Ministry of Emergency Situations." kept its capitalised
    words, so only 17% of its letters were Cyrillic and the sanity gate rejected the pseudo
    output (a demo showed an untranslated footnote). Where keeping names would fail the gate,
    the segment is swapped whole, as real MT writes it all in the target's letters."""
    from pipeline.sanity import check_output

    engine = PseudoEngine()
    source = "[^1]: Data from the Ministry of Emergency Situations."
    (out,) = engine.translate_batch([source], "en", "ru")
    assert "Министры" in out and check_output(source, out, "en", "ru") == []
    (kept,) = engine.translate_batch(["Leyla Huseynova said the terminal will open soon."], "en", "ru")
    assert kept.startswith("［Leyla Huseynova ")

def test_pseudo_keeps_the_particles_of_names_and_writes_scale_words_as_the_target_does() -> None:
    """So the glossary finds "Port of Baku" and the number checks see 2.5 million."""
    engine = PseudoEngine()
    assert engine.translate_batch(["The Port of Baku took 2.5 million tonnes in 10 min."], "en", "az") == [
        "［The Port of Baku ŧööķ 2.5 milyon ŧöññəş ıñ 10 ɱıñ.］"]  # English "min" is minutes
    assert engine.translate_batch(["It cost 3 billion, a third of it in the city of Ganja."], "en", "ru") == [
        "［It цост 3 млрд, а тхирд оф ит ин тхе циты оф Ganja.］"]
    assert engine.translate_batch(["Порт принял 2,5 млн тонн."], "ru", "en") == ["［Порт þŕîñåł 2,5 million ŧöññ.］"]
    assert engine.translate_batch(["The Assembly of the Council of Europe met the press in Baku."], "en", "az") == [
        "［The Assembly of the Council of Europe ɱəŧ ŧĥə þŕəşş ıñ Baku.］"]  # "the press in" is no name


def test_pseudo_leaves_the_names_of_a_segment_of_names_and_particles_only() -> None:
    """A title-case heading with a particle keeps its names for the glossary step: it is not
    swapped whole as a segment of capitalised words only is."""
    from pipeline.glossary import enforce_glossary, read_glossary
    import io

    engine = PseudoEngine()
    source = "The Middle Corridor of Trade"
    (out,) = engine.translate_batch([source], "en", "az")
    assert out == "［The Middle Corridor öƒ Trade］"
    glossary = read_glossary(io.StringIO("en,az,kind\nMiddle Corridor,Orta Dəhliz,term\n"))
    assert enforce_glossary(source, out, "en", "az", glossary=glossary) == ("［The Orta Dəhliz öƒ Trade］", [])
    assert engine.translate_batch(["Leonardo da Vinci"], "en", "az") == ["［Leonardo đå Vinci］"]
    # Into another script the segment is swapped whole, as before, or the script gate rejects it.
    assert engine.translate_batch(["Leonardo da Vinci"], "en", "ru") == ["［Леонардо да Винци］"]


def test_fakes_record_calls_and_respect_pairs() -> None:
    engine = FakeEngine(pairs={("en", "ru")}, version="7")
    assert engine.translate_batch(["a b"], "en", "ru") == ["А Б"]
    assert engine.calls[0].texts == ["a b"] and engine.provenance("en", "ru") == "fake 7 en→ru"
    assert not engine.supports("en", "az")
    assert SpacedPlaceholderEngine().translate_batch(["x ⟦1⟧"], "en", "ru") == ["ж ⟦ 1 ⟧"]
    assert all(name.startswith("fake") for name in FAKES)


def test_pseudo_brackets_never_join_a_url_or_placeholder_at_either_end() -> None:
    """Regression: ``［See https://x.org/a］`` made the closing bracket part of the URL (URL
    patterns and GFM autolinks run to the next space), so the published link changed and the
    urls check reported it; ``［www.x.az`` is no autolink for GFM. A protected span or token
    at an end is now set apart by a space, padding after it."""
    from collections import Counter

    from pipeline.inline import urls
    from pipeline.placeholders import protect

    engine = PseudoEngine()
    for text in ["See https://example.com/a", "See https://x.az/a.", "www.x.az/news is live",
                 "Read ftp://a.b/c", "Mail desk@example.az", "See https://x.org/path_(x)"]:
        out = engine.translate_batch([text], "en", "ru")[0]
        assert urls(out) == urls(text), out
        assert Counter(protect(out).mapping.values()) == Counter(protect(text).mapping.values()), out
    assert engine.translate_batch(["See ⟦1⟧."], "en", "ru") == ["［Сее ⟦1⟧. ］"]
    assert engine.translate_batch(["⟦1⟧ is here"], "en", "ru") == ["［ ⟦1⟧ ис хере］"]
    assert engine.translate_batch(["the port is open"], "en", "ru") == ["［тхе порт ис опен］"]
    padded = PseudoEngine(expand=0.5).translate_batch(["See https://x.org"], "en", "az")[0]
    assert urls(padded) == ["https://x.org"] and padded.endswith(" ~~~~~~~~］")


def test_pseudo_writes_a_sum_with_a_glued_m_with_the_targets_scale_word() -> None:
    """Regression: '$12m' (English news style: 12 million dollars) came out as '$12ɱ', which
    the numbers check reads as the scale word lost; it is now written as the target writes
    the scale ('$12 млн'), as '12 million' is. '100m' without a currency sign stays."""
    engine = PseudoEngine()
    assert engine.translate_batch(["Jailed over $12m fraud and a €40k fine."], "en", "ru") == [
        "［Jailed овер $12 млн фрауд анд а €40 тысяч фине.］"]
    assert engine.translate_batch(["He won the 100m sprint."], "en", "ru") == ["［He шон тхе 100м спринт.］"]


def test_pseudo_writes_a_count_with_a_glued_m_or_a_hyphenated_scale_with_the_targets_scale_word() -> None:
    """Regression: '1.9m tonnes' and 'a $1.5-billion loan', which the numbers check reads as
    millions and billions, came out with the m or the word transliterated (1.9м, 1.5-биллион):
    a scale word lost in every pseudo translation. They are now written as the target
    writes the scale; a 5m wall stays metres."""
    engine = PseudoEngine()
    assert engine.translate_batch(["About 1.9m tonnes and a $1.5-billion loan."], "en", "ru") == [
        "［About 1.9 млн тоннес анд а $1.5-млрд лоан.］"]
    assert engine.translate_batch(["a 5m wall"], "en", "ru") == ["［а 5м шалл］"]
