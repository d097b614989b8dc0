"""The MT benchmark runs end to end on a tiny model (the real run takes minutes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_quick_benchmark(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "ARGOS_PACKAGES_DIR": str(tmp_path / "packages")}
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "mt_throughput.py"), "--quick", "--paragraphs", "6",
         "--runaway", "5", "--json", str(out)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "pipeline / argos" in result.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {run["beam"] for run in data["runs"]} == {4, 1}
    assert sum(run["label"].startswith("loops at cap 256") for run in data["runs"]) == 2
    for comparison in data["comparisons"].values():
        assert comparison["identical_normalised"] == comparison["paragraphs"]
    assert not (tmp_path / "home" / ".local").exists()
