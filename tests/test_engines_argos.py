"""The Argos engine on tiny real packages: batching, pivots, caching, the stage end to end."""

from __future__ import annotations

import json
import math
import platform
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pipeline.engines import Engine, Unfinished
from pipeline.engines import argos
from pipeline.engines.argos import ArgosEngine
from pipeline.errors import ModelMissingError
from pipeline.model import MT_REJECTED_PREFIX, Catalogue, Message, mt_comment
from pipeline.models import install_package_file
from pipeline.translate import CatalogueJob, translate_catalogues
from tests.argos_factory import BuiltPackages, sentences


@pytest.fixture
def packages_dir(argos_packages: BuiltPackages, tmp_path: Path) -> Path:
    folder = tmp_path / "packages"
    for file in argos_packages.files.values():
        install_package_file(file, folder)
    return folder


def test_protocol_support_and_provenance(packages_dir: Path) -> None:
    engine = ArgosEngine(packages_dir)
    assert isinstance(engine, Engine)
    assert engine.supports("en", "ru") and engine.supports("az", "ru")
    assert not engine.supports("ru", "az")
    assert engine.provenance("en", "ru") == "argos translate-en_ru 1.0"
    assert engine.provenance("az", "ru") == "argos az→en→ru (translate-az_en 1.0 + translate-en_ru 1.0)"
    with pytest.raises(ModelMissingError):
        engine.translate_batch(["Привет"], "ru", "az")


def test_loading_a_model_keeps_freed_memory_in_the_heap(packages_dir: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(argos, "keep_freed_memory", lambda: calls.append(True) or True)
    engine = ArgosEngine(packages_dir, beam_size=1, max_decoding_length=8)
    engine.translate_batch(["One sentence."], "en", "ru")
    engine.translate_batch(["Another sentence."], "en", "ru")
    assert calls == [True]  # once per model load, not per batch


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_keep_freed_memory_is_accepted_by_glibc() -> None:
    assert argos.keep_freed_memory() is True


def test_batches_are_token_bounded_and_models_load_once(packages_dir: Path) -> None:
    engine = ArgosEngine(packages_dir, max_batch_tokens=64, beam_size=1, max_decoding_length=32)
    texts = list(sentences("en", 60, seed=9))
    outputs = engine.translate_batch(texts, "en", "ru")
    assert len(outputs) == len(texts) and all(isinstance(o, str) for o in outputs)
    first_calls = engine.batch_calls
    assert 1 < first_calls < len(texts) // 2
    assert engine.translate_batch(texts, "en", "ru") == outputs  # deterministic
    assert engine.batch_calls == 2 * first_calls
    assert len(engine._loaded) == 1
    assert engine.translate_batch(["", "  "], "en", "ru") == ["", ""]


def test_batches_are_length_sorted_and_padded_size_bounded() -> None:
    engine = ArgosEngine(Path("/nonexistent"), max_batch_tokens=10)
    tokens = [["a"] * n for n in (5, 1, 3, 0, 2, 12, 2)]
    batches = engine._batches(tokens)
    assert batches == [[1, 4, 6], [2, 0], [5]]
    for batch in batches[:-1]:
        assert len(batch) * max(len(tokens[i]) for i in batch) <= 10


def test_decoding_sub_batches_shrink_with_the_beam(packages_dir: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Each call is split by CTranslate2 into sub-batches sized for the beam: wide beams
    decode small batches (their caches are copied at every step), greedy larger ones."""
    assert argos.decode_batch_tokens_for(4) < argos.decode_batch_tokens_for(2) < argos.decode_batch_tokens_for(1)
    sizes: list[tuple[int, str]] = []
    engine = ArgosEngine(packages_dir, beam_size=4, max_decoding_length=8)
    translator = engine._load(engine.route("en", "ru").packages[0]).translator  # type: ignore[union-attr]
    original = translator.translate_batch

    class Spy:
        def translate_batch(self, batch: list[list[str]], **options: object) -> object:
            sizes.append((options["max_batch_size"], options["batch_type"]))  # type: ignore[arg-type]
            return original(batch, **options)

    engine._loaded[next(iter(engine._loaded))].translator = Spy()
    engine.translate_batch(list(sentences("en", 20, seed=2)), "en", "ru")
    assert sizes and set(sizes) == {(argos.decode_batch_tokens_for(4), "tokens")}
    assert engine.batch_calls == len(sizes) < 20  # one call carries many sub-batches


def test_sub_batches_come_back_in_input_order(packages_dir: Path) -> None:
    """One sentence per CTranslate2 sub-batch gives each sentence's own translation, in
    the order of the input, whatever order the replicas finish in."""
    texts = list(sentences("en", 12, seed=5))
    alone = [ArgosEngine(packages_dir, beam_size=1, max_decoding_length=16).translate_batch([t], "en", "ru")[0]
             for t in texts]
    engine = ArgosEngine(packages_dir, beam_size=1, max_decoding_length=16, decode_batch_tokens=1,
                         inter_threads=2, intra_threads=1)
    assert engine.translate_batch(texts, "en", "ru") == alone
    assert engine.batch_calls == 1


def test_one_big_batch_when_it_fits(packages_dir: Path) -> None:
    engine = ArgosEngine(packages_dir, max_batch_tokens=100_000, beam_size=1)
    engine.translate_batch(list(sentences("en", 50, seed=3)), "en", "ru")
    assert engine.batch_calls == 1


def test_pivot_chains_two_packages(packages_dir: Path) -> None:
    engine = ArgosEngine(packages_dir, beam_size=1, max_batch_tokens=100_000)
    texts = list(sentences("az", 5, seed=4))
    outputs = engine.translate_batch(texts, "az", "ru")
    assert len(outputs) == 5
    assert engine.batch_calls == 2
    assert {p.name for p in engine._loaded} == {"translate-az_en-1_0", "translate-en_ru-1_0"}
    middle = ArgosEngine(packages_dir, beam_size=1, max_batch_tokens=100_000).translate_batch(texts, "az", "en")
    assert ArgosEngine(packages_dir, beam_size=1).translate_batch(middle, "en", "ru") == outputs


@dataclass
class SeenCall:
    """One CTranslate2 translate_batch call: source lengths in pieces, and its options."""

    package: str
    lengths: list[int]
    options: dict[str, Any]


def spy_on_calls(engine: ArgosEngine, source: str, target: str) -> list[SeenCall]:
    """Record every CTranslate2 call of the packages serving ``source`` → ``target``."""
    seen: list[SeenCall] = []
    for package in engine.route(source, target).packages:  # type: ignore[union-attr]
        loaded = engine._load(package)

        class Spy:
            def __init__(self, name: str, original: Any) -> None:
                self.name, self.original = name, original

            def translate_batch(self, batch: list[list[str]], **options: Any) -> Any:
                seen.append(SeenCall(self.name, [len(tokens) for tokens in batch], options))
                return self.original(batch, **options)

        loaded.translator = Spy(package.path.name, loaded.translator.translate_batch)
    return seen


def test_outputs_may_not_grow_past_three_times_their_batch_s_longest_source(packages_dir: Path) -> None:
    engine = ArgosEngine(packages_dir, beam_size=1, max_batch_tokens=64, max_decoding_length=48)
    seen = spy_on_calls(engine, "en", "ru")
    engine.translate_batch(["News."] + list(sentences("en", 30, seed=8)), "en", "ru")
    assert len(seen) > 1
    for call in seen:
        assert call.options["max_decoding_length"] == min(48, math.ceil(3.0 * max(call.lengths)) + 16)
    assert any(call.options["max_decoding_length"] < 48 for call in seen)


def test_an_output_cut_at_its_limit_comes_back_unfinished(packages_dir: Path) -> None:
    """Greedy decoding writes the same first pieces whatever the limit, so an output cut
    short is the start of the uncut one, and one that finished in time is all of it."""
    texts = list(sentences("en", 12, seed=6))
    whole = ArgosEngine(packages_dir, beam_size=1, max_length_ratio=None).translate_batch(texts, "en", "ru")
    engine = ArgosEngine(packages_dir, beam_size=1, max_length_ratio=0.2, length_slack=1)
    seen = spy_on_calls(engine, "en", "ru")
    cut = engine.translate_batch(texts, "en", "ru")
    limits = {call.options["max_decoding_length"] for call in seen}
    assert any(isinstance(output, Unfinished) for output in cut)
    for short, full in zip(cut, whole):
        if isinstance(short, Unfinished):
            assert short.limit in limits and full.startswith(short)
        else:
            assert short == full and not isinstance(full, Unfinished)


def test_an_output_cut_by_the_absolute_cap_is_unfinished_too(packages_dir: Path) -> None:
    engine = ArgosEngine(packages_dir, beam_size=4, max_length_ratio=None, max_decoding_length=2)
    outputs = engine.translate_batch(list(sentences("en", 10, seed=3)), "en", "ru")
    assert all(isinstance(output, Unfinished) and output.limit == 2 for output in outputs)


def test_a_pivot_does_not_carry_an_unfinished_first_leg_on(packages_dir: Path) -> None:
    texts = list(sentences("az", 12, seed=4))
    engine = ArgosEngine(packages_dir, beam_size=1, max_length_ratio=0.2, length_slack=1)
    seen = spy_on_calls(engine, "az", "ru")
    outputs = engine.translate_batch(texts, "az", "ru")
    middle = ArgosEngine(packages_dir, beam_size=1, max_length_ratio=0.2, length_slack=1).translate_batch(
        texts, "az", "en")
    stopped = [i for i, text in enumerate(middle) if isinstance(text, Unfinished)]
    assert stopped and all(outputs[i] == middle[i] and isinstance(outputs[i], Unfinished) for i in stopped)
    second_leg = sum(len(call.lengths) for call in seen if call.package == "translate-en_ru-1_0")
    assert second_leg == len(texts) - len(stopped)


def test_target_prefix_is_given_and_removed(argos_packages: BuiltPackages, tmp_path: Path) -> None:
    from tests.argos_factory import build_package

    file = build_package(tmp_path, "en", "ru", target_prefix="__ru__", package_version="2.0")
    folder = tmp_path / "packages"
    install_package_file(file, folder)
    engine = ArgosEngine(folder, beam_size=1)
    outputs = engine.translate_batch(["The city council met."], "en", "ru")
    assert "__ru__" not in outputs[0]
    assert engine.provenance("en", "ru") == "argos translate-en_ru 2.0"


@pytest.mark.parametrize("damage", ["model/model.bin", "sentencepiece.model"])
def test_a_damaged_installed_package_says_how_to_repair_it(packages_dir: Path, damage: str) -> None:
    from pipeline.errors import EngineError

    engine = ArgosEngine(packages_dir)
    (engine.route("en", "ru").packages[0].path / damage).write_bytes(b"garbage")  # type: ignore[union-attr]
    with pytest.raises(EngineError, match="cannot load") as caught:
        engine.translate_batch(["The city council met."], "en", "ru")
    assert "pipeline models install" in (caught.value.hint or "")


def test_stage_end_to_end_with_real_packages(packages_dir: Path) -> None:
    jobs = [
        CatalogueJob(f"{slug}.{tgt}.po", src, tgt, Catalogue(messages=[
            Message(text) for text in sentences(src, 15, seed=i)
        ] + [Message("Human text", "Человеческий перевод")]))
        for i, (slug, src, tgt) in enumerate([("a", "en", "ru"), ("b", "en", "ru"), ("c", "az", "ru"),
                                             ("d", "en", "az"), ("e", "ru", "az")])
    ]
    jobs[0].catalogue.messages.append(Message("Read **this** and [that](https://x.org/a_b)."))
    engine = ArgosEngine(packages_dir, max_batch_tokens=512, max_decoding_length=96)
    report = translate_catalogues(jobs, engine)
    assert report.missing_pairs == [("ru", "az")]
    assert report.engine_calls == 3  # en→ru, az→ru (pivot), en→az
    sentences_sent = sum(s.unique_sentences for s in report.pairs.values())
    assert sentences_sent > 60
    assert engine.batch_calls <= 15  # bounded by token batches, not by entries
    for job in jobs[:4]:
        for message in job.catalogue.messages:
            if message.msgid == "Human text":
                assert message.msgstr == "Человеческий перевод" and not message.fuzzy
            elif message.msgstr:
                assert message.fuzzy
                assert message.comments == [mt_comment(engine.provenance(job.source_lang, job.target_lang),
                                                       message.msgctxt, message.msgid)]
            else:
                assert len(message.comments) == 1 and message.comments[0].startswith(MT_REJECTED_PREFIX)
    assert all(m.msgstr == "" and not m.comments for m in jobs[4].catalogue.messages[:-1])
    assert report.machine_translated > 0 and report.rejected > 0
    assert report.pairs[("az", "ru")].machine_translated + report.pairs[("az", "ru")].rejected == 15
    calls = engine.batch_calls
    again = translate_catalogues(jobs, engine)
    assert again.engine_calls == 0 and engine.batch_calls == calls


def test_library_modules_do_not_import_argostranslate(tmp_path: Path) -> None:
    code = (
        "import sys, pipeline.engines.argos, pipeline.models, pipeline.translate, pipeline.engines.registry;"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('argostranslate', 'ctranslate2')))))"
    )
    result = subprocess.run([sys.executable, "-c", "import json;" + code], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[1])
    assert json.loads(result.stdout) == []
