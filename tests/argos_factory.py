"""Builds tiny but *real* Argos packages for tests and benchmarks.

No real Argos model can be downloaded here, and tests must not download anything, so
packages are made on the spot: a SentencePiece model trained on generated sentences in
the package's two languages, and a CTranslate2 Transformer with random weights whose
vocabulary is that SentencePiece model's pieces. The result is a genuine
``.argosmodel`` zip (package folder at the root with metadata.json, model/ and
sentencepiece.model) that Argos itself and :mod:`pipeline.models` install and run.
Its translations are nonsense, which is fine: tests check the machinery, and the
sanity gate gets realistic garbage to reject.

Decoding is steered a little so outputs look like text of the target language: the
projection bias favours pieces written in the target's script and lets the end token
win after a few steps, so some outputs pass the gate and some (loops) do not.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

WORDS = {
    "en": """the city council government minister president said report news today year
        people country water school road bridge market price oil gas election vote court
        police street hospital doctor teacher student village river mountain weather rain
        sun new old big small first last many more week month morning evening capital
        region project budget company bank energy power station football team match""".split(),
    "ru": """город совет правительство министр президент сказал доклад новости сегодня
        год люди страна вода школа дорога мост рынок цена нефть газ выборы голос суд
        полиция улица больница врач учитель студент деревня река гора погода дождь
        солнце новый старый большой малый первый последний неделя месяц утро вечер
        столица регион проект бюджет компания банк энергия станция футбол команда""".split(),
    "az": """şəhər şura hökumət nazir prezident dedi hesabat xəbər bu gün il insanlar ölkə
        su məktəb yol körpü bazar qiymət neft qaz seçki səs məhkəmə polis küçə xəstəxana
        həkim müəllim tələbə kənd çay dağ hava yağış günəş yeni köhnə böyük kiçik birinci
        sonuncu həftə ay səhər axşam paytaxt region layihə büdcə şirkət bank enerji
        stansiya futbol komanda oyun""".split(),
}
_SCRIPT = {"ru": lambda ch: "\u0400" <= ch <= "\u04ff"}


@dataclass(frozen=True)
class ModelSize:
    """Transformer dimensions; the defaults build a package in well under a second."""

    d_model: int = 32
    layers: int = 1
    heads: int = 2
    ffn: int = 64
    vocab_size: int = 300
    quantization: str | None = None  # e.g. "int8" for benchmark models


TINY = ModelSize()
#: Transformer-base: what real Argos packages are (for the benchmark).
BASE = ModelSize(d_model=512, layers=6, heads=8, ffn=2048, vocab_size=8000, quantization="int8")


_SYLLABLES = {
    "en": ("bcdfghklmnprstvw", "aeiou"),
    "ru": ("бвгдзклмнпрстфхцчшщ", "аеиоуыэюя"),
    "az": ("bcçdfgğhxjklmnprsştvyz", "aıoueəiöü"),
}


def invented_words(lang: str, count: int, seed: int = 0) -> list[str]:
    """Pronounceable made-up words in the language's alphabet, for large vocabularies."""
    rng = random.Random(f"words-{lang}-{seed}")
    consonants, vowels = _SYLLABLES[lang]
    return [
        "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(1, 4)))
        for _ in range(count)
    ]


def sentences(lang: str, count: int, seed: int = 0, extra_words: int = 0) -> Iterator[str]:
    """Generated sentences: capitalised, 4–12 words, some numbers and commas.
    ``extra_words`` adds that many invented words to the language's word list."""
    rng = random.Random(f"{lang}-{seed}")
    words = WORDS[lang] + invented_words(lang, extra_words)
    for _ in range(count):
        chosen = [rng.choice(words) for _ in range(rng.randint(4, 12))]
        if rng.random() < 0.3:
            chosen.insert(rng.randint(1, len(chosen)), str(rng.randint(2, 2030)))
        if rng.random() < 0.3:
            chosen[rng.randint(0, len(chosen) - 2)] += ","
        text = " ".join(chosen)
        yield text[0].upper() + text[1:] + rng.choice(".!?..")


def train_sentencepiece(langs: tuple[str, ...], vocab_size: int, lines: int = 400) -> bytes:
    """A SentencePiece model trained on generated text of ``langs``; returns its bytes.
    Large vocabularies get a corpus with invented words, so the pieces really exist."""
    import sentencepiece

    extra = vocab_size if vocab_size > 1000 else 0
    lines = max(lines, vocab_size * 2 if extra else lines)
    corpus = [s for lang in langs for s in sentences(lang, lines, extra_words=extra)]
    corpus += [" ".join(WORDS[lang]) for lang in langs]
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus), model_writer=model, vocab_size=vocab_size,
        character_coverage=1.0, model_type="unigram", num_threads=1, minloglevel=2,
        hard_vocab_limit=False, bos_id=-1, eos_id=-1, unk_id=0,
        user_defined_symbols=["⟦", "⟧"],
    )
    return model.getvalue()


def _pieces(model: bytes) -> list[str]:
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(model_proto=model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _fill_random(spec: object, rng: np.random.Generator, d_model: int, ffn: int,
                 src_vocab: int, tgt_vocab: int) -> None:
    """Give every unset variable of the spec a correctly shaped random array."""
    def shape(path: str) -> tuple[int, ...]:
        if path.endswith("embeddings/weight") or "embeddings_" in path and path.endswith("weight"):
            return (tgt_vocab if path.startswith("decoder") else src_vocab, d_model)
        if path.endswith("projection/weight"):
            return (tgt_vocab, d_model)
        if path.endswith("projection/bias"):
            return (tgt_vocab,)
        if "layer_norm" in path:
            return (d_model,)
        if "ffn/linear_0" in path:
            return (ffn,) if path.endswith("bias") else (ffn, d_model)
        if "ffn/linear_1" in path:
            return (d_model,) if path.endswith("bias") else (d_model, ffn)
        if "self_attention/linear_0" in path:
            return (3 * d_model,) if path.endswith("bias") else (3 * d_model, d_model)
        if "/attention/linear_1" in path:
            return (2 * d_model,) if path.endswith("bias") else (2 * d_model, d_model)
        if "attention/linear_" in path:
            return (d_model,) if path.endswith("bias") else (d_model, d_model)
        raise ValueError(f"unexpected variable {path}")

    from ctranslate2.specs.model_spec import LayerSpec

    def visit(layer: object, prefix: str) -> None:
        for name, value in list(vars(layer).items()):
            path = f"{prefix}/{name}" if prefix else name
            if name.startswith("_"):
                continue
            if isinstance(value, LayerSpec):
                visit(value, path)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, LayerSpec):
                        visit(item, f"{path}_{i}")
            elif value is None:
                dims = shape(path)
                if path.endswith("gamma"):
                    array = np.ones(dims, dtype=np.float32)
                elif path.endswith("beta") or path.endswith("bias"):
                    array = np.zeros(dims, dtype=np.float32)
                else:
                    array = rng.normal(0.0, 1.0 / np.sqrt(dims[-1]), dims).astype(np.float32)
                setattr(layer, name, array)

    visit(spec, "")


def _steer(spec: object, pieces: list[str], to_code: str, seed: int) -> None:
    """Bias the output layer: target-script pieces up, other-script pieces down, and the
    end token up enough that outputs stop after a handful of pieces."""
    in_script = _SCRIPT.get(to_code, lambda ch: ch.isascii() or ch in "əğıöüçşƏĞİÖÜÇŞ")
    bias = np.zeros(len(pieces), dtype=np.float32)
    rng = np.random.default_rng(seed)
    for i, piece in enumerate(pieces):
        letters = [ch for ch in piece if ch.isalpha()]
        if letters and all(in_script(ch) for ch in letters):
            bias[i] = 2.0 + rng.normal(0, 0.5)
        elif letters:
            bias[i] = -6.0
    bias[pieces.index("</s>")] = 3.5
    spec.decoder.projection.bias = bias  # type: ignore[attr-defined]


def build_model_dir(out: Path, from_code: str, to_code: str, size: ModelSize = TINY,
                    seed: int = 1) -> Path:
    """Write ``out``/model (CTranslate2) and ``out``/sentencepiece.model; return ``out``."""
    import ctranslate2

    out.mkdir(parents=True, exist_ok=True)
    sp_model = train_sentencepiece((from_code, to_code), size.vocab_size)
    (out / "sentencepiece.model").write_bytes(sp_model)
    pieces = _pieces(sp_model)
    vocabulary = ["<blank>", "<s>", "</s>"] + [p for p in pieces if p not in ("<blank>", "<s>", "</s>")]
    spec = ctranslate2.specs.TransformerSpec.from_config(
        num_layers=(size.layers, size.layers), num_heads=size.heads)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    _steer(spec, vocabulary, to_code, seed)
    _fill_random(spec, np.random.default_rng(seed), size.d_model, size.ffn, len(vocabulary), len(vocabulary))
    spec.validate()
    if size.quantization:
        spec.optimize(quantization=size.quantization)
    (out / "model").mkdir(exist_ok=True)
    spec.save(str(out / "model"))
    return out


def build_package(out_dir: Path, from_code: str, to_code: str, *, size: ModelSize = TINY,
                  package_version: str = "1.0", seed: int = 1, target_prefix: str = "") -> Path:
    """Build ``out_dir``/``<from>_<to>.argosmodel`` and return its path."""
    root = f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"
    staging = out_dir / f"{root}.build"
    build_model_dir(staging / root, from_code, to_code, size, seed)
    meta = {
        "package_version": package_version, "argos_version": "1.9.0",
        "from_code": from_code, "to_code": to_code,
        "from_name": from_code.upper(), "to_name": to_code.upper(),
        "type": "translate", "links": [],
    }
    if target_prefix:
        meta["target_prefix"] = target_prefix
    (staging / root / "metadata.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    archive = out_dir / f"{from_code}_{to_code}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{root}/", "")
        for file in sorted((staging / root).rglob("*")):
            zf.write(file, f"{root}/{file.relative_to(staging / root).as_posix()}")
    return archive


def isolate_argos(monkeypatch: object, base: Path) -> dict[str, Path]:
    """Point every setting Argos (or our defaults) read at folders under ``base``."""
    folders = {name: base / name for name in ("home", "data", "config", "cache", "packages")}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    env = {
        "HOME": folders["home"], "XDG_DATA_HOME": folders["data"], "XDG_CONFIG_HOME": folders["config"],
        "XDG_CACHE_HOME": folders["cache"], "ARGOS_PACKAGES_DIR": folders["packages"],
    }
    for key, value in env.items():
        monkeypatch.setenv(key, str(value))  # type: ignore[attr-defined]
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")  # type: ignore[attr-defined]
    return folders


@dataclass(frozen=True)
class BuiltPackages:
    """Tiny packages built once per test session: ``files[(from, to)]`` is an .argosmodel."""

    folder: Path
    files: dict[tuple[str, str], Path]


#: en→ru, en→az, az→en: az→ru has no package on purpose, so it must pivot through en.
TEST_PAIRS = (("en", "ru"), ("en", "az"), ("az", "en"))


def _build_all(folder: Path) -> BuiltPackages:
    files = {pair: build_package(folder, *pair, seed=i + 1) for i, pair in enumerate(TEST_PAIRS)}
    return BuiltPackages(folder, files)


try:
    import pytest
except ImportError:  # the benchmark imports this module without pytest installed
    pytest = None  # type: ignore[assignment]

if pytest is not None:

    @pytest.fixture(scope="session")
    def argos_packages(tmp_path_factory: "pytest.TempPathFactory") -> BuiltPackages:
        """Tiny real .argosmodel files, built once per session (about a second)."""
        return _build_all(tmp_path_factory.mktemp("argos-packages-built"))
