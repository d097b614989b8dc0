"""The default engine: Argos Translate packages run directly with CTranslate2.

Argos' own ``translate()`` handles one paragraph per call, splits it with a sentence
splitter that downloads models, and batches at most 32 tokens at a time. This engine
uses the same packages (CTranslate2 model + SentencePiece model + metadata) but gets
whole runs of sentences from the translate stage and feeds CTranslate2 length-sorted
batches measured in tokens, decoded in sub-batches small enough for beam search's
per-step cache copies to stay cheap, on one replica per core. That is what makes MT of a
newsroom's backlog fast on a laptop. Decoding settings default to Argos' own (beam 4, length penalty 0.2, unknown
tokens replaced from the source) so quality is the same.

An output may not grow past three times its source (plus some slack for short sentences):
a sentence still being written there is a loop, which the sanity gate would reject anyway,
and a loop that runs on to the absolute cap is the slowest thing a model does (beam search
copies its cache at every step, so the cost grows with the square of the length). Such an
output comes back :class:`~pipeline.engines.Unfinished`, and so does any output cut by the
absolute cap: half a translation is not a translation.

Pairs without a package are served through English when ``src→en`` and ``en→tgt`` are
installed: the first leg's outputs are the second leg's batch. Models are loaded once
per engine (per package folder) and shared by every pair that uses them.

``argostranslate`` itself is never imported (see :mod:`pipeline.models`).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from pipeline.engines import Unfinished
from pipeline.errors import EngineError, ModelMissingError
from pipeline.models import PackageInfo, Route, installed_packages, resolve_packages_dir, resolve_route


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


HYPOTHESIS_TOKENS = 256


def decode_batch_tokens_for(beam_size: int) -> int:
    """Source tokens per batch that CTranslate2 decodes at once, for ``beam_size``.

    Beam search keeps every hypothesis' attention cache and copies it at each step (grown
    by one position, then reordered by the surviving beams), so a batch's working set is
    about sentences × beam × steps. A batch of about 256 hypothesis-tokens (sentences ×
    beam × source tokens) keeps those copies small enough to run mostly from the CPU's
    caches; larger batches spend their time in memory copies. Measured with a Transformer-base int8 model, 200 sentences, two
    replicas (``bench/mt_throughput.py``): at beam 4, 64-token batches decoded 19.6–19.8
    sentences/s, 256 tokens 17.0 and 1,024 tokens 12.0; at beam 2, 128 tokens was best;
    greedy was flat from 256 to 1,024.
    """
    return max(16, HYPOTHESIS_TOKENS // max(1, beam_size))


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters
_KEPT_MEMORY = 1 << 30


def keep_freed_memory() -> bool:
    """Let glibc keep the buffers CTranslate2 frees, instead of unmapping them.

    CTranslate2 allocates and frees buffers of megabytes at every decoding step. glibc
    serves blocks that large from fresh ``mmap`` calls and unmaps them on ``free``, so the
    kernel faults in and zeroes the same memory again at every step: in a profile of a
    batched beam-4 run, page faults and copying took a third of the CPU time, and this
    setting gave about 1.3× the sentences per CPU-second (``bench/mt_throughput.py``).
    The memory stays with the process until it exits. Returns False where the C library
    has no ``mallopt`` (not glibc); nothing changes there.
    """
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, _KEPT_MEMORY)) and bool(mallopt(_M_TRIM_THRESHOLD, 2 * _KEPT_MEMORY))


@dataclass
class _Loaded:
    """A package's models, loaded once."""

    package: PackageInfo
    translator: Any  # ctranslate2.Translator
    tokenizer: Any  # sentencepiece.SentencePieceProcessor


class ArgosEngine:
    """Argos packages behind the :class:`pipeline.engines.Engine` protocol."""

    name = "argos"

    def __init__(self, packages_dir: Path | None = None, *, beam_size: int = 4,
                 max_batch_tokens: int = 1024, decode_batch_tokens: int | None = None,
                 inter_threads: int | None = None, intra_threads: int | None = None,
                 device: str = "cpu", compute_type: str = "default", max_decoding_length: int = 256,
                 length_penalty: float = 0.2, replace_unknowns: bool = True,
                 max_length_ratio: float | None = 3.0, length_slack: int = 16) -> None:
        """``packages_dir`` None means Argos' own folder. By default one translator replica
        per core (``inter_threads``), each on one core (``intra_threads``): the batches of a
        run are submitted together, so the replicas decode different batches at once, which
        measured 1.5× the throughput of one replica using both cores on 2 cores.
        ``max_batch_tokens`` bounds what one ``translate_batch`` call carries;
        CTranslate2 splits each call into sub-batches of ``decode_batch_tokens`` (default:
        :func:`decode_batch_tokens_for` the beam size) and spreads them over the replicas.
        ``compute_type="default"`` runs the model as it was saved, as Argos does.
        An output stops at ``max_length_ratio`` × its batch's longest source + ``length_slack``
        pieces, or at ``max_decoding_length`` (``max_length_ratio=None``: only there), and
        comes back :class:`~pipeline.engines.Unfinished`."""
        cores = _cores()
        self.packages_dir = resolve_packages_dir(packages_dir)
        self.beam_size = beam_size
        self.max_batch_tokens = max_batch_tokens
        self.decode_batch_tokens = decode_batch_tokens or decode_batch_tokens_for(beam_size)
        if inter_threads is None:
            inter_threads = 1 if intra_threads is not None else min(2, cores)
        self.inter_threads = inter_threads
        self.intra_threads = intra_threads if intra_threads is not None else max(1, cores // inter_threads)
        self.device = device
        self.compute_type = compute_type
        self.max_decoding_length = max_decoding_length
        self.length_penalty = length_penalty
        self.replace_unknowns = replace_unknowns
        self.max_length_ratio = max_length_ratio
        self.length_slack = length_slack
        self.batch_calls = 0  # CTranslate2 translate_batch calls, for tests and benchmarks
        self._installed: list[PackageInfo] | None = None
        self._loaded: dict[Path, _Loaded] = {}

    # -------------------------------------------------------------- protocol

    def supports(self, source: str, target: str) -> bool:
        return self.route(source, target) is not None

    def provenance(self, source: str, target: str) -> str:
        route = self._require(source, target)
        if route.pivot is None:
            return f"argos {route.packages[0].label}"
        legs = " + ".join(p.label for p in route.packages)
        return f"argos {source}→{route.pivot}→{target} ({legs})"

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        route = self._require(source, target)
        outputs: list[str] = list(texts)
        for package in route.packages:
            going_on = [i for i, text in enumerate(outputs) if not isinstance(text, Unfinished)]
            for index, output in zip(going_on, self._translate_leg([outputs[i] for i in going_on], package)):
                outputs[index] = output
        return outputs

    # -------------------------------------------------------------- packages

    def route(self, source: str, target: str) -> Route | None:
        if self._installed is None:
            self._installed = installed_packages(self.packages_dir)
        return resolve_route(source, target, self._installed)

    def _require(self, source: str, target: str) -> Route:
        route = self.route(source, target)
        if route is None:
            raise ModelMissingError(
                f"no Argos package for {source}→{target} (direct or via en) in {self.packages_dir}",
                hint="pipeline models install --missing   (or: pipeline models install FILE.argosmodel)",
            )
        return route

    def _load(self, package: PackageInfo) -> _Loaded:
        loaded = self._loaded.get(package.path)
        if loaded is None:
            loaded = _Loaded(package, self._translator(package), self._tokenizer(package))
            self._loaded[package.path] = loaded
        return loaded

    def _translator(self, package: PackageInfo) -> Any:
        import ctranslate2

        if self.device == "cpu":
            keep_freed_memory()
        try:
            return ctranslate2.Translator(
                str(package.path / "model"), device=self.device, compute_type=self.compute_type,
                inter_threads=self.inter_threads, intra_threads=self.intra_threads,
            )
        except (RuntimeError, ValueError, OSError) as error:
            raise EngineError(f"cannot load the CTranslate2 model of {package.label}: {error}",
                              path=str(package.path),
                              hint="reinstall the package: pipeline models install FILE.argosmodel") from error

    @staticmethod
    def _tokenizer(package: PackageInfo) -> Any:
        import sentencepiece

        try:
            return sentencepiece.SentencePieceProcessor(model_file=str(package.path / "sentencepiece.model"))
        except (RuntimeError, OSError) as error:
            raise EngineError(f"cannot load the SentencePiece model of {package.label}: {error}",
                              path=str(package.path),
                              hint="reinstall the package: pipeline models install FILE.argosmodel") from error

    # -------------------------------------------------------------- translation

    def _translate_leg(self, texts: list[str], package: PackageInfo) -> list[str]:
        loaded = self._load(package)
        tokens = [loaded.tokenizer.encode(text, out_type=str) for text in texts]
        results: list[tuple[list[str], int]] = [([], 0) for _ in texts]  # pieces, limit if cut there
        batches = self._batches(tokens)
        pending = [self._submit(loaded, [tokens[i] for i in batch]) for batch in batches]
        for batch, (submitted, limit) in zip(batches, pending):
            for index, result in zip(batch, self._collect(loaded, submitted, limit)):
                results[index] = result
        outputs: list[str] = []
        for source, (pieces, cut_at) in zip(tokens, results):
            text = self._detokenize(loaded, pieces) if source else ""
            outputs.append(Unfinished(text, cut_at) if cut_at else text)
        return outputs

    def _batches(self, tokens: list[list[str]]) -> list[list[int]]:
        """Indices grouped into length-sorted batches of at most ``max_batch_tokens``
        (padded) tokens; empty inputs are left out."""
        order = sorted((i for i, t in enumerate(tokens) if t), key=lambda i: len(tokens[i]))
        batches: list[list[int]] = []
        current: list[int] = []
        for index in order:
            width = len(tokens[index])  # sorted: the longest so far
            if current and (len(current) + 1) * width > self.max_batch_tokens:
                batches.append(current)
                current = []
            current.append(index)
        if current:
            batches.append(current)
        return batches

    def _output_limit(self, batch: list[list[str]], prefixed: bool) -> int:
        """Decoding steps for ``batch``: its longest source × ``max_length_ratio`` + slack,
        never more than ``max_decoding_length``. Batches are length-sorted, so the longest
        source is close to every other one. A target prefix is a decoding step of its own."""
        if self.max_length_ratio is None:
            return self.max_decoding_length
        longest = max(len(tokens) for tokens in batch)
        allowed = math.ceil(self.max_length_ratio * longest) + self.length_slack + prefixed  # the prefix is a step
        return min(self.max_decoding_length, allowed)

    def _submit(self, loaded: _Loaded, batch: list[list[str]]) -> tuple[list[Any], int]:
        """Queue one batch on the translator's replicas; :meth:`_collect` waits for it.
        Returns the pending results and the batch's output limit (see :meth:`_output_limit`)."""
        prefix = loaded.package.target_prefix
        limit = self._output_limit(batch, bool(prefix))
        self.batch_calls += 1
        submitted = loaded.translator.translate_batch(
            batch,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
            beam_size=self.beam_size,
            num_hypotheses=1,
            length_penalty=self.length_penalty,
            replace_unknowns=self.replace_unknowns,
            max_decoding_length=limit,
            max_batch_size=self.decode_batch_tokens,
            batch_type="tokens",
            asynchronous=True,
        )
        return submitted, limit

    @staticmethod
    def _collect(loaded: _Loaded, submitted: list[Any], limit: int) -> list[tuple[list[str], int]]:
        """Each hypothesis' pieces, and ``limit`` where decoding stopped there still writing.
        CTranslate2 leaves the end token out and counts the target prefix, so a hypothesis
        that finished is shorter than the limit and one that was cut is exactly as long."""
        prefix = loaded.package.target_prefix
        collected = []
        for result in submitted:
            pieces = result.result().hypotheses[0]
            cut_at = limit if len(pieces) >= limit else 0
            if prefix and pieces[:1] == [prefix]:
                pieces = pieces[1:]
            collected.append((pieces, cut_at))
        return collected

    @staticmethod
    def _detokenize(loaded: _Loaded, pieces: list[str]) -> str:
        """SentencePiece decoding. Unlike Argos, underscores are kept: Argos turns every
        "_" into a space, which breaks snake_case names and placeholder-free URLs."""
        return loaded.tokenizer.decode_pieces(pieces).replace("▁", " ").strip()
