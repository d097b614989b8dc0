"""MT throughput: Argos' own translate() per paragraph vs the pipeline's batched path.

What it does
    Builds a Transformer-base-sized Argos package with random weights (d_model 512,
    6+6 layers, 8 heads, FFN 2048, int8, SentencePiece vocabulary of 8000 pieces; see
    ``tests/argos_factory.py``), installs it into a temporary packages folder, and
    translates the same paragraphs en→ru

    (a) with ``argostranslate.translate.translate()``, one call per paragraph, as a
        typical integration does, and
    (b) with the pipeline: ``translate_catalogues`` + ``ArgosEngine`` (all paragraphs
        of the run split into sentences, deduplicated, length-sorted token batches),

    at the same beam size (Argos' default 4, then greedy) and the same cap on output
    length. Then it measures what deduplication and translation memory save on a
    corpus with repeated boilerplate, and checks whether (a) and (b) produce the same
    translations.

The baseline's sentence splitter
    argos-translate-lt splits paragraphs into sentences with MiniSBD (an ONNX model that
    ``minisbd`` downloads from GitHub on first use; Stanza and spaCy are the other
    options, and they download too). Nothing may be downloaded here, so the baseline's
    ``PackageTranslation.sentencizer`` is replaced by a local object with the same
    ``split_sentences(text)`` method, backed by :func:`pipeline.segmentation.split_sentences`
    — the splitter the pipeline uses — so both sides translate identical sentences.

Same settings on both sides
    Argos' CTranslate2 call is kept as is (``beam_size``, ``length_penalty=0.2``,
    ``replace_unknowns``, ``max_batch_size=32`` tokens) except that a thin wrapper
    around its Translator adds ``max_decoding_length`` (Argos passes none, so
    CTranslate2's default 256 applies); random weights never emit the end token on
    their own, so without a common cap the benchmark would measure 256-token loops.
    Even so, random-weight outputs mostly run to the cap: the figures are for a
    decode-heavy worst case (real models stop near the source length); ``--cap`` sets
    another common cap. The pipeline's own limit on runaway outputs (three times the
    source, ``max_length_ratio`` in ``pipeline/engines/argos.py``) is switched off here,
    so both sides decode exactly as far; in ``translate_catalogues`` every output that
    reaches the cap is therefore rejected as unfinished, which costs nothing measurable.
    Argos gets 1 inter-thread and ``--threads`` intra-threads; the pipeline's engine
    runs its default layout (one replica per core). Run with ``--threads 1`` to compare
    the work per sentence on one core (the "sent/CPU s" column compares it in any run).
    Argos' own default is ``intra_threads=0`` (CTranslate2 chooses). On the 2-core machine
    of bench/RESULTS.md that ran as fast as 2 threads (4.0 against 3.9 sentences/s at beam
    4, 40 paragraphs) and 4 threads ran at half speed (1.9), so the explicit 2 threads give
    the baseline what an Argos user gets there, not less.

The allocator
    The pipeline's engine tells glibc to keep freed memory (``keep_freed_memory`` in
    ``pipeline/engines/argos.py``). That setting is process-wide, so the benchmark
    applies it before anything runs: the baseline gets it too (it changes little for
    Argos' small batches), and no result depends on which side ran first.

Isolation
    HOME, XDG_* and ARGOS_* point at a temporary folder before argostranslate is
    imported (it creates folders and reads settings at import time). Nothing is
    downloaded; ARGOS_PACKAGE_INDEX points at an unused loopback port.

Loops
    ``--runaway N`` also times N sentences at Argos' own cap of 256 pieces with the pipeline's
    engine, without and with its limit of three times the source: every output of the random
    model runs on like a loop, so this is what the limit saves on each sentence a real model
    loops on (the sanity gate rejects such output either way).

Run:  python bench/mt_throughput.py            (several minutes on 2 cores)
      python bench/mt_throughput.py --quick    (tiny model, a few paragraphs, seconds)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# Building the model imports numpy, whose OpenBLAS threads would otherwise spin beside
# CTranslate2's and take CPU from whichever side runs (before numpy is imported).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

BOILERPLATE = [
    "Subscribe to our newsletter for the latest news.",
    "Follow us on social networks.",
    "The editorial board may not share the views of the author.",
]
PURE_BOILERPLATE = "Photo: press service of the city council."
PURE_BOILERPLATE_RU = "Фото: пресс-служба городского совета."


@dataclass
class Run:
    """One timed translation of a corpus."""

    label: str
    beam: int
    seconds: float
    sentences: int
    engine_sentences: int = 0
    batch_calls: int = 0
    cpu_seconds: float = 0.0  # user + system time of every thread of this process

    @property
    def per_second(self) -> float:
        return self.sentences / self.seconds if self.seconds else 0.0

    @property
    def per_cpu_second(self) -> float:
        """Sentences per CPU-second: the work per sentence, whatever the cores and the load."""
        return self.sentences / self.cpu_seconds if self.cpu_seconds else 0.0


class Clock:
    """Wall and CPU time of a block (CTranslate2's threads run in this process, so
    ``process_time`` counts them)."""

    def __enter__(self) -> "Clock":
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def _replicas(threads: int) -> dict[str, int]:
    """The pipeline's thread layout for ``threads`` cores: a replica per core (at most two)."""
    inter = min(2, threads)
    return {"inter_threads": inter, "intra_threads": max(1, threads // inter)}


@dataclass
class Results:
    settings: dict[str, Any]
    runs: list[Run] = field(default_factory=list)
    comparisons: dict[str, dict[str, Any]] = field(default_factory=dict)


# ---------------------------------------------------------------- setup


def isolate(base: Path) -> None:
    """Point every Argos/XDG setting at ``base`` before argostranslate is imported."""
    for name in ("home", "data", "config", "cache", "packages"):
        (base / name).mkdir(parents=True, exist_ok=True)
    os.environ.update({
        "HOME": str(base / "home"), "XDG_DATA_HOME": str(base / "data"),
        "XDG_CONFIG_HOME": str(base / "config"), "XDG_CACHE_HOME": str(base / "cache"),
        "ARGOS_PACKAGES_DIR": str(base / "packages"), "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/",
        "ARGOS_DEVICE_TYPE": "cpu",
    })


def build(base: Path, quick: bool) -> Path:
    from pipeline.models import install_package_file
    from tests.argos_factory import BASE, TINY, build_package

    size = TINY if quick else BASE
    archive = build_package(base, "en", "ru", size=size, package_version="1.0")
    install_package_file(archive, base / "packages")
    return base / "packages"


def corpus(paragraphs: int, seed: int, extra_words: int) -> list[str]:
    """Paragraphs of 2–4 generated sentences, all different."""
    from tests.argos_factory import sentences

    rng = random.Random(seed)
    pool = iter(sentences("en", paragraphs * 4, seed=seed, extra_words=extra_words))
    return [" ".join(next(pool) for _ in range(rng.randint(2, 4))) for _ in range(paragraphs)]


def boilerplate_corpus(paragraphs: list[str]) -> list[str]:
    """Every paragraph ends with a boilerplate sentence; every fifth is pure boilerplate
    (which the memory knows from a reviewed catalogue)."""
    result = []
    for i, paragraph in enumerate(paragraphs):
        result.append(PURE_BOILERPLATE if i % 5 == 4 else f"{paragraph} {BOILERPLATE[i % len(BOILERPLATE)]}")
    return result


# ---------------------------------------------------------------- (a) Argos' own translate()


class LocalSentencizer:
    """Stands in for MiniSBD (which downloads a model): the pipeline's own splitter."""

    def split_sentences(self, text: str) -> list[str]:
        from pipeline.segmentation import split_sentences

        return [piece.strip() for piece in split_sentences(text, "en") if piece.strip()]


class CappedTranslator:
    """Argos' CTranslate2 Translator with ``max_decoding_length`` added, and a call counter."""

    def __init__(self, translator: Any, cap: int) -> None:
        self.translator = translator
        self.cap = cap
        self.calls = 0

    def translate_batch(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        kwargs.setdefault("max_decoding_length", self.cap)
        return self.translator.translate_batch(*args, **kwargs)


def argos_translation(threads: int, cap: int) -> tuple[Any, CappedTranslator]:
    """Argos' en→ru translation object, with the local splitter and the capped translator."""
    import ctranslate2
    from argostranslate import settings, translate

    translation = translate.get_translation_from_codes("en", "ru")
    underlying = translation.underlying
    underlying.sentencizer = LocalSentencizer()
    translator = ctranslate2.Translator(str(underlying.pkg.package_path / "model"), device=settings.device,
                                        inter_threads=1, intra_threads=threads)
    capped = CappedTranslator(translator, cap)
    underlying.translator = capped
    return translation, capped


def run_argos(paragraphs: list[str], beam: int, threads: int, cap: int) -> tuple[Run, list[str]]:
    from argostranslate import settings, translate

    settings.beam_size = beam
    _, capped = argos_translation(threads, cap)
    with Clock() as clock:
        outputs = [translate.translate(p, "en", "ru") for p in paragraphs]
    count = _sentence_count(paragraphs)
    return Run("argos translate() per paragraph", beam, clock.wall, count, count, capped.calls,
               clock.cpu), outputs


# ---------------------------------------------------------------- (b) the pipeline


def run_pipeline(paragraphs: list[str], packages: Path, beam: int, threads: int, cap: int,
                 label: str, memory: Any = None) -> Run:
    from pipeline.engines.argos import ArgosEngine
    from pipeline.memory import TranslationMemory
    from pipeline.model import Catalogue, Message
    from pipeline.translate import CatalogueJob, translate_catalogues

    engine = ArgosEngine(packages, beam_size=beam, **_replicas(threads), max_decoding_length=cap,
                          max_length_ratio=None)
    engine.translate_batch(["Warm up."], "en", "ru")  # load once, as in a real run
    engine.batch_calls = 0
    jobs = [CatalogueJob("bench.ru.po", "en", "ru", Catalogue(messages=[Message(p) for p in dict.fromkeys(paragraphs)]))]
    with Clock() as clock:
        report = translate_catalogues(jobs, engine, memory=memory if memory is not None else TranslationMemory())
    stats = report.pairs[("en", "ru")]
    return Run(label, beam, clock.wall, _sentence_count(paragraphs), stats.unique_sentences, engine.batch_calls,
               clock.cpu)


def run_engine_sentences(paragraphs: list[str], packages: Path, beam: int, threads: int,
                         cap: int) -> tuple[Run, list[str]]:
    """The engine alone over every sentence (no dedup), joined back per paragraph."""
    from pipeline.engines.argos import ArgosEngine
    from pipeline.segmentation import split_sentences

    engine = ArgosEngine(packages, beam_size=beam, **_replicas(threads), max_decoding_length=cap,
                          max_length_ratio=None)
    engine.translate_batch(["Warm up."], "en", "ru")
    engine.batch_calls = 0
    split = [[s.strip() for s in split_sentences(p, "en") if s.strip()] for p in paragraphs]
    flat = [s for sentences in split for s in sentences]
    with Clock() as clock:
        outputs = iter(engine.translate_batch(flat, "en", "ru"))
    joined = [" ".join(next(outputs) for _ in sentences) for sentences in split]
    return Run("pipeline engine, every sentence (no dedup)", beam, clock.wall, len(flat), len(flat),
               engine.batch_calls, clock.cpu), joined


def run_runaway(paragraphs: list[str], packages: Path, beam: int, threads: int, count: int,
                limit: bool) -> Run:
    """Sentences whose outputs loop (every output of the random model does) at Argos' own
    cap of 256 pieces, with or without the pipeline's limit of three times the source."""
    from pipeline.engines.argos import ArgosEngine
    from pipeline.segmentation import split_sentences

    engine = ArgosEngine(packages, beam_size=beam, **_replicas(threads), max_decoding_length=256,
                         max_length_ratio=3.0 if limit else None)
    engine.translate_batch(["Warm up."], "en", "ru")
    engine.batch_calls = 0
    flat = [s.strip() for p in paragraphs for s in split_sentences(p, "en") if s.strip()][:count]
    with Clock() as clock:
        engine.translate_batch(flat, "en", "ru")
    label = "loops at cap 256: " + ("pipeline's 3x-source limit" if limit else "no limit")
    return Run(label, beam, clock.wall, len(flat), len(flat), engine.batch_calls, clock.cpu)


def run_engine_like_argos(paragraphs: list[str], packages: Path, beam: int, threads: int,
                          cap: int) -> list[str]:
    """The engine called per paragraph with Argos' 32-token batches: isolates the effect of
    batch composition on outputs from any other difference."""
    from pipeline.engines.argos import ArgosEngine
    from pipeline.segmentation import split_sentences

    engine = ArgosEngine(packages, beam_size=beam, **_replicas(threads), max_decoding_length=cap,
                         max_length_ratio=None, max_batch_tokens=32, decode_batch_tokens=32)
    outputs = []
    for paragraph in paragraphs:
        sentences = [s.strip() for s in split_sentences(paragraph, "en") if s.strip()]
        outputs.append(" ".join(engine.translate_batch(sentences, "en", "ru")))
    return outputs


def _sentence_count(paragraphs: list[str]) -> int:
    from pipeline.segmentation import split_sentences

    return sum(1 for p in paragraphs for s in split_sentences(p, "en") if s.strip())


def memory_for_boilerplate() -> Any:
    from pipeline.memory import TranslationMemory

    memory = TranslationMemory()
    memory.add("en", "ru", PURE_BOILERPLATE, PURE_BOILERPLATE_RU, "reviewed.ru.po")
    return memory


# ---------------------------------------------------------------- comparing outputs


def compare(argos: list[str], ours: list[str]) -> dict[str, Any]:
    """Identical paragraphs, raw and ignoring whitespace and "_": Argos decodes a
    paragraph's sentences as one token list (a sentence whose first piece has no "▁"
    is glued to the previous one) and turns every "_" into a space."""
    def norm(text: str) -> str:
        return "".join(text.replace("_", " ").split())

    raw = sum(a == b for a, b in zip(argos, ours))
    normalised = sum(norm(a) == norm(b) for a, b in zip(argos, ours))
    examples = [_divergence(a, b) for a, b in zip(argos, ours) if norm(a) != norm(b)][:2]
    return {"paragraphs": len(argos), "identical": raw, "identical_normalised": normalised,
            "examples": examples}


def _divergence(a: str, b: str) -> dict[str, Any]:
    """Where two outputs part, with some context: differences are easier to judge there."""
    a_words, b_words = a.split(), b.split()
    first = next((i for i, (x, y) in enumerate(zip(a_words, b_words)) if x != y), min(len(a_words), len(b_words)))
    start = max(0, first - 3)
    return {"word": first, "of_words": max(len(a_words), len(b_words)),
            "argos": " ".join(a_words[start:first + 6]), "pipeline": " ".join(b_words[start:first + 6])}


# ---------------------------------------------------------------- main


def benchmark(args: argparse.Namespace, base: Path) -> Results:
    from pipeline.engines.argos import keep_freed_memory

    keep_freed_memory()
    packages = build(base, args.quick)
    extra_words = 0 if args.quick else 2000
    paragraphs = corpus(args.paragraphs, seed=7, extra_words=extra_words)
    load = round(os.getloadavg()[0], 2)
    results = Results(settings={
        "load average (1 min) at the start": load,
        "model": "tiny (d32, 1+1 layers)" if args.quick else "d512, 6+6 layers, 8 heads, ffn 2048, int8, vocab 8000",
        "paragraphs": len(paragraphs), "sentences": _sentence_count(paragraphs),
        "max_decoding_length": args.cap, "threads": args.threads, "pair": "en→ru",
    })
    for beam in args.beams:
        argos_run, argos_out = run_argos(paragraphs, beam, args.threads, args.cap)
        results.runs.append(argos_run)
        results.runs.append(run_pipeline(paragraphs, packages, beam, args.threads, args.cap,
                                         "pipeline translate_catalogues (batched)"))
        engine_run, engine_out = run_engine_sentences(paragraphs, packages, beam, args.threads, args.cap)
        results.runs.append(engine_run)
        results.comparisons[f"beam {beam}"] = compare(argos_out, engine_out)
        if beam == args.beams[0]:
            like_argos = run_engine_like_argos(paragraphs, packages, beam, args.threads, args.cap)
            results.comparisons[f"beam {beam}, pipeline engine with Argos' batching"] = compare(argos_out, like_argos)
            results.comparisons[f"beam {beam}, pipeline engine: its batching vs Argos' batching"] = compare(
                engine_out, like_argos)
    if args.runaway:
        for limit in (False, True):
            results.runs.append(run_runaway(paragraphs, packages, args.beams[0], args.threads, args.runaway, limit))
    if args.no_boilerplate:
        return results
    beam = args.beams[0]
    repeated = boilerplate_corpus(paragraphs)
    results.runs.append(run_argos(repeated, beam, args.threads, args.cap)[0])
    results.runs[-1].label = "boilerplate corpus: argos translate() per paragraph"
    results.runs.append(run_engine_sentences(repeated, packages, beam, args.threads, args.cap)[0])
    results.runs[-1].label = "boilerplate corpus: pipeline engine, no dedup"
    results.runs.append(run_pipeline(repeated, packages, beam, args.threads, args.cap,
                                     "boilerplate corpus: pipeline, dedup"))
    results.runs.append(run_pipeline(repeated, packages, beam, args.threads, args.cap,
                                     "boilerplate corpus: pipeline, dedup + memory", memory_for_boilerplate()))
    return results


def report(results: Results) -> str:
    lines = ["MT throughput benchmark (random-weight Argos package, en→ru)"]
    lines += [f"  {key}: {value}" for key, value in results.settings.items()]
    lines.append("  baseline sentence splitter: pipeline.segmentation (local) in place of MiniSBD, which downloads")
    lines.append("")
    lines.append(f"  {'run':<52} {'beam':>4} {'sent':>6} {'to MT':>6} {'calls':>6} {'sec':>8} {'sent/s':>8}"
                 f" {'CPU s':>8} {'sent/CPU s':>10}")
    for run in results.runs:
        lines.append(f"  {run.label:<52} {run.beam:>4} {run.sentences:>6} {run.engine_sentences:>6} "
                     f"{run.batch_calls:>6} {run.seconds:>8.2f} {run.per_second:>8.1f}"
                     f" {run.cpu_seconds:>8.2f} {run.per_cpu_second:>10.2f}")
    lines.append("")
    by_beam: dict[int, dict[str, Run]] = {}
    for run in results.runs:
        by_beam.setdefault(run.beam, {})[run.label] = run
    for beam, runs in sorted(by_beam.items(), reverse=True):
        base = runs.get("argos translate() per paragraph")
        ours = runs.get("pipeline translate_catalogues (batched)")
        if base and ours:
            lines.append(f"  beam {beam}: pipeline / argos = {ours.per_second / base.per_second:.2f}× "
                         f"(per CPU-second: {ours.per_cpu_second / base.per_cpu_second:.2f}×)")
    loops = {r.label: r for r in results.runs if r.label.startswith("loops at cap 256")}
    if len(loops) == 2:
        unlimited, limited = loops.values()
        lines.append(f"  loops at cap 256: the 3x-source limit runs {limited.per_second / unlimited.per_second:.2f}× "
                     "as fast as no limit")
    boiler = {r.label: r for r in results.runs if r.label.startswith("boilerplate")}
    if boiler:
        base = boiler["boilerplate corpus: argos translate() per paragraph"]
        for label, run in boiler.items():
            lines.append(f"  {label}: {run.per_second / base.per_second:.2f}× argos, "
                         f"{run.engine_sentences} of {run.sentences} sentences sent to MT")
    lines.append("")
    for name, comparison in results.comparisons.items():
        lines.append(f"  same output ({name}): {comparison['identical']}/{comparison['paragraphs']} paragraphs "
                     f"identical, {comparison['identical_normalised']} ignoring whitespace and '_'")
        for example in comparison["examples"]:
            lines.append(f"    first difference at word {example['word']} of {example['of_words']}:")
            lines.append(f"      argos:    …{example['argos']}…")
            lines.append(f"      pipeline: …{example['pipeline']}…")
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny model and few paragraphs (smoke test)")
    parser.add_argument("--paragraphs", type=int, default=None, help="paragraphs to translate (default 200; quick 12)")
    parser.add_argument("--beams", type=lambda s: [int(b) for b in s.split(",")], default=[4, 1],
                        help="beam sizes, comma-separated (default 4,1: Argos' default and greedy)")
    parser.add_argument("--cap", type=int, default=None, help="max_decoding_length for both (default 64; quick 24)")
    parser.add_argument("--threads", type=int, default=2, help="CTranslate2 intra-op threads for both (default 2)")
    parser.add_argument("--runaway", type=int, default=0, metavar="N",
                        help="also time N looping sentences at a cap of 256, with and without the length limit")
    parser.add_argument("--no-boilerplate", action="store_true",
                        help="skip the repeated-boilerplate corpus (dedup and memory), to save time")
    parser.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    args.paragraphs = args.paragraphs or (12 if args.quick else 200)
    args.cap = args.cap or (24 if args.quick else 64)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mt-bench-") as scratch:
        isolate(Path(scratch))
        results = benchmark(args, Path(scratch))
    results.settings["load average (1 min) at the end"] = round(os.getloadavg()[0], 2)
    print(report(results))
    if args.json:
        payload = {"settings": results.settings, "comparisons": results.comparisons,
                   "runs": [{**asdict(r), "per_second": r.per_second} for r in results.runs]}
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
