"""Smoke tests of the benchmark suite (bench/): it must keep working as the pipeline changes.

They run on tiny inputs, so they say nothing about speed: they prove the corpus is
deterministic and parses, the fuzzy-match judge agrees with the pipeline, and
``bench/run.py --quick`` completes and reports every target. A competitor that is not
installed (translate-toolkit, mdpo, msgmerge, po4a: the ``bench`` extra and Debian
packages) is reported as skipped by the suite, never a test failure.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402
import merge  # noqa: E402

from pipeline.config import DEFAULT_FRONT_MATTER_KEYS  # noqa: E402
from pipeline.markdown import read_article  # noqa: E402


def test_corpus_is_deterministic_and_realistic(tmp_path: Path) -> None:
    first = corpus.generate(tmp_path / "a", 4, seed=3)
    second = corpus.generate(tmp_path / "b", 4, seed=3)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    kinds: set[str] = set()
    for path in first:
        article = read_article(path.read_bytes(), path=path.name, slug=path.stem, default_lang="en",
                               front_matter_keys=DEFAULT_FRONT_MATTER_KEYS)
        assert len(article.segments) >= 25
        kinds.update(segment.kind.value for segment in article.segments)
        assert "“" in article.text and "said" in article.text
    assert {"front matter", "heading", "paragraph", "list item", "blockquote"} <= kinds


def test_pipeline_merge_finds_every_edit(tmp_path: Path) -> None:
    fixture = merge.make_fixture(tmp_path, 80)
    out = tmp_path / "out.po"
    merge.pipeline_merge(fixture.old_po, fixture.new_pot, out)
    counted = merge.count_matches(out, fixture)
    assert counted.correct == len(fixture.edits) == 4
    assert counted.with_previous == 4 and counted.wrong == counted.missed == counted.spurious_fuzzy == 0


def test_msgmerge_is_judged_the_same_way(tmp_path: Path) -> None:
    if shutil.which("msgmerge") is None:
        pytest.skip("GNU msgmerge not installed (apt-get install gettext): competitor not compared")
    fixture = merge.make_fixture(tmp_path, 80)
    out = tmp_path / "out.po"
    subprocess.run(["msgmerge", "--previous", "-q", "-o", str(out), str(fixture.old_po), str(fixture.new_pot)],
                   check=True)
    assert merge.count_matches(out, fixture).correct == 4


@pytest.mark.slow
def test_quick_suite_reports_every_target(tmp_path: Path) -> None:
    result = tmp_path / "results.json"
    done = subprocess.run([sys.executable, str(BENCH / "run.py"), "--quick", "--out", str(result),
                           "--work", str(tmp_path / "work")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(result.read_text(encoding="utf-8"))
    assert {c["target"] for c in report["checks"]} == {"target1", "target2", "target3", "target5"}
    for row in report["target1"]:
        assert row["seconds"] is not None or row["note"].startswith(("skipped", "its first")), row
    pipeline = [r for r in report["target1"] if r["tool"] == "pipeline"]
    assert pipeline and all(r["seconds"] is not None and r["maxrss_mb"] > 0 for r in pipeline)
    assert report["target2"][0]["seconds"] is not None
    assert any(r["tool"] == "pipeline" and r["matches"]["correct"] > 0 for r in report["target3"])
    assert "Checks:" in done.stdout


def test_stress_articles_are_deterministic_and_readable() -> None:
    import stress

    for case in stress.CASES:
        n, quarter = stress.sizes(case, 0.002)
        assert n >= 4 and quarter >= 1
        text = stress.article(case, n)
        assert text == stress.article(case, n)
        parsed = read_article(text.encode("utf-8"), path="stress.md", slug="stress", default_lang="en",
                              front_matter_keys=DEFAULT_FRONT_MATTER_KEYS)
        assert len(parsed.segments) >= 2, case.name  # the title and at least one body segment


@pytest.mark.slow
def test_stress_reports_one_row_per_case_with_ratios(tmp_path: Path) -> None:
    """Two cases at a tiny scale (each case costs six process start-ups: all ten take ~40 s)."""
    import stress

    cases = ["links", "quotations"]
    result = tmp_path / "stress.json"
    done = subprocess.run([sys.executable, str(BENCH / "stress.py"), "--scale", "0.002", "--only", ",".join(cases),
                           "--json", str(result)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and not line.startswith("| case")]
    assert [row.split(" | ")[0].lstrip("| ") for row in rows] == cases
    report = json.loads(result.read_text(encoding="utf-8"))
    assert [r["case"] for r in report["cases"]] == cases
    missing = stress.skipped()
    for r in report["cases"]:
        assert r["timings"]["pseudo"]["seconds"] > 0 and r["timings"]["none"]["seconds"] > 0, r
        assert all(isinstance(r["scaling"][c], float) for c in ("pseudo", "none")), r
        for key, ratio in r["ratios"].items():
            other = key.split("/")[1]
            assert isinstance(ratio, float) if other not in missing else ratio is None, (key, r)


@pytest.mark.slow
def test_stress_reports_a_timeout_as_a_bound(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(BENCH / "stress.py"), "--scale", "0.002", "--only", "word",
                           "--timeout", "0.01"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    row = next(line for line in done.stdout.splitlines() if line.startswith("| word"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[2:4] == ["> 0.01 s", "> 0.01 s"], row  # pseudo and none (a competitor may be that fast)
    assert cells[-2:] == ["—", "—"], row  # no scaling without a time at N/4
