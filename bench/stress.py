"""Pathological single articles: does any stage grow faster than the article?

A newsroom article is small, but some are not ordinary: a live blog of thousands of links, a
data table of thousands of rows, a paragraph of a thousand quotations, a pasted word with no
space in it. This benchmark generates one such article per case (deterministically, size N),
puts it alone in a fresh scratch project and times, each in its own process and each from the
sources only:

* ``pipeline sync --engine pseudo`` (first run: no templates or catalogues yet);
* ``pipeline sync --engine none`` (first run as well, in another fresh copy);
* mdpo's md2po, as bench/run.py calls it (its Python API, extract + merge into ru and az);
* translate-toolkit's md2po, as bench/run.py calls it (``python -m translate.convert.md2po``).

It reports seconds, the pipeline's time divided by each competitor's (ratios: what was
measured, not a verdict), and the pipeline's scaling: its time at N divided by its time at
N/4 (about 4× for linear work, about 16× for a quadratic step). One run per command; on a
shared machine compare the CPU seconds in the JSON as well.

Usage::

    python bench/stress.py [--scale 1.0] [--only links,table] [--timeout 300] [--json stress.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from merge import Measurement, measure  # noqa: E402
from run import Mdpo, Pipeline, TranslateToolkit, _precompile, _py, copy_state, machine_facts  # noqa: E402

# --------------------------------------------------------------------------- the cases


def links(n: int) -> str:
    return "; ".join(f"see [item {i}](https://example.com/{i}) and <b>x{i}</b> `c{i}`" for i in range(n)) + "."


def sentences(n: int) -> str:
    return " ".join(f"In {2000 + i % 20} the port grew by {i}.5 %. It grew." for i in range(n))


def emphasis(n: int) -> str:
    return " ".join("*a" for _ in range(n))


def long_word(n: int) -> str:
    return "".join(chr(ord("a") + i % 26) for i in range(n))


def paragraphs(n: int) -> str:
    return "\n\n".join(f"Paragraph {i} is short." for i in range(n))


def table(n: int) -> str:
    rows = (f"| {i} | Row {i} name | {3 * i} units |" for i in range(n))
    return "\n".join(["| # | Name | Value |", "| --- | --- | --- |", *rows])


def footnotes(n: int) -> str:
    text = " ".join(f"Claim {i}.[^{i}]" for i in range(n))
    notes = "\n".join(f"[^{i}]: Source number {i}." for i in range(n))
    return f"{text}\n\n{notes}"


def reference_links(n: int) -> str:
    text = ", ".join(f"see [l{i}]" for i in range(n)) + "."
    definitions = "\n".join(f"[l{i}]: https://example.com/r/{i}" for i in range(n))
    return f"{text}\n\n{definitions}"


def headings(n: int) -> str:
    return "\n\n".join(f"## Heading {i}\n\nShort paragraph under heading {i}." for i in range(n))


def quotations(n: int) -> str:
    return " ".join(f"“Quote {i},” said Samir Karimov." for i in range(n))


def percentages(n: int) -> str:
    return " ".join(f"“We grew {i}%, and imports fell -{i + 1}%,” said Samir Karimov." for i in range(n))


def nested_quotations(n: int) -> str:
    return "".join(f"“level {i} said " for i in range(n)) + "end" + "”" * n


def link_openers(n: int) -> str:
    return "[a](" * n


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    size: int  # N at --scale 1
    body: Callable[[int], str]


CASES: tuple[Case, ...] = (
    Case("links", "one paragraph of N links with inline HTML and code spans", 3000, links),
    Case("sentences", "one paragraph of N sentences with numbers", 5000, sentences),
    Case("emphasis", "one paragraph of N unclosed `*a`", 5000, emphasis),
    Case("word", "one word of N letters", 200_000, long_word),
    Case("paragraphs", "N one-sentence paragraphs", 5000, paragraphs),
    Case("table", "a table of N rows", 3000, table),
    Case("footnotes", "N footnotes in one paragraph, defined below", 2000, footnotes),
    Case("references", "N reference links in one paragraph, defined below", 2000, reference_links),
    Case("headings", "N headings, each with a short paragraph", 2000, headings),
    Case("quotations", "one paragraph of N attributed quotations", 1000, quotations),
    Case("percentages", "one paragraph of N quotations with a rise and a signed fall", 2000, percentages),
    Case("nested", "one paragraph of N quotations nested in each other", 1500, nested_quotations),
    Case("openers", "one paragraph of N unclosed link openers `[a](` (a damaged article)", 4000, link_openers),
)


def article(case: Case, n: int) -> str:
    """The whole article: front matter (title, lang) and the case's body."""
    return f"---\ntitle: Stress test {case.name}, {n}\nlang: en\n---\n\n{case.body(n)}\n"


def sizes(case: Case, scale: float) -> tuple[int, int]:
    """(N, N/4) at this scale; at least 4 and 1, so that a tiny scale still has content."""
    n = max(4, round(case.size * scale))
    return n, max(1, n // 4)


# --------------------------------------------------------------------------- running

COMMANDS = ("pseudo", "none", "mdpo", "translate-toolkit")


@dataclass
class Timing:
    """One command on one article: wall and CPU seconds, or why there is no figure."""

    seconds: float | None
    cpu_seconds: float | None = None
    maxrss_mb: float | None = None
    timed_out: bool = False
    note: str = ""


@dataclass
class CaseResult:
    case: str
    what: str
    n: int
    quarter: int
    bytes: int
    timings: dict[str, Timing] = field(default_factory=dict)  # COMMANDS at N
    quarter_timings: dict[str, Timing] = field(default_factory=dict)  # pseudo and none at N/4
    ratios: dict[str, float | None] = field(default_factory=dict)  # "pseudo/mdpo", …
    scaling: dict[str, float | None] = field(default_factory=dict)  # "pseudo": time(N) / time(N/4)


def _timing(m: Measurement, timeout: float) -> Timing:
    if m.timed_out:
        return Timing(None, timed_out=True, note=f"> {timeout:g} s")
    if m.returncode != 0:
        return Timing(None, m.cpu_seconds, m.maxrss_mb, note=f"exit code {m.returncode}")
    return Timing(m.seconds, m.cpu_seconds, m.maxrss_mb)


def _pipeline_env() -> dict[str, str]:
    """Time the pipeline of this checkout, whatever version is installed."""
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": str(REPO) + (os.pathsep + path if path else "")}


def command(name: str, project: Path) -> list[str]:
    """The timed command ``name`` for ``project`` (its working directory)."""
    if name in ("pseudo", "none"):
        return _py("-m", "pipeline", "--project", str(project), "sync", "--engine", name)
    tool = Mdpo() if name == "mdpo" else TranslateToolkit()
    return tool.commands(project)[0][1]  # md2po: the first phase bench/run.py times


def skipped() -> dict[str, str]:
    """Competitors that are not installed, with the reason bench/run.py gives."""
    why = {"mdpo": Mdpo().available(), "translate-toolkit": TranslateToolkit().available()}
    return {name: reason for name, reason in why.items() if reason}


def time_article(text: str, names: tuple[str, ...], work: Path, timeout: float, log: Path,
                 skip: dict[str, str], say: Callable[[str], None] = lambda _: None) -> dict[str, Timing]:
    """Each command on ``text``, each in a fresh copy of a project holding only that article."""
    state = work / "state"
    copy_state(work / "empty", state)
    (state / "source").mkdir()
    (state / "source" / "stress.md").write_text(text, encoding="utf-8")
    Pipeline().prepare(state)
    timings: dict[str, Timing] = {}
    for name in names:
        if name in skip:
            timings[name] = Timing(None, note=f"skipped: {skip[name]}")
            continue
        project = copy_state(state, work / "run")
        if name == "translate-toolkit":
            TranslateToolkit().prepare(project)
        env = _pipeline_env() if name in ("pseudo", "none") else None
        m = measure(command(name, project), cwd=project, timeout=timeout, log=log, env=env)
        timings[name] = _timing(m, timeout)
        say(f"  {name}: {_seconds(timings[name])}")
    return timings


def _ratio(a: Timing, b: Timing) -> float | None:
    return a.seconds / b.seconds if a.seconds is not None and b.seconds else None


def _scaling(full: Timing, quarter: Timing, timeout: float) -> float | None:
    """time(N) / time(N/4); past a timeout, the lower bound timeout / time(N/4)."""
    if quarter.seconds is None or not quarter.seconds:
        return None
    if full.timed_out:
        return timeout / quarter.seconds
    return full.seconds / quarter.seconds if full.seconds is not None else None


def run_case(case: Case, scale: float, work: Path, timeout: float, log: Path,
             skip: dict[str, str], say: Callable[[str], None]) -> CaseResult:
    n, quarter = sizes(case, scale)
    text = article(case, n)
    result = CaseResult(case.name, case.what, n, quarter, len(text.encode("utf-8")))
    say(f"{case.name}: N = {n} ({result.bytes:,} bytes)")
    result.timings = time_article(text, COMMANDS, work, timeout, log, skip, say)
    say(f"{case.name}: N/4 = {quarter}")
    result.quarter_timings = time_article(article(case, quarter), ("pseudo", "none"), work, timeout, log, skip, say)
    for mine in ("pseudo", "none"):
        for other in ("mdpo", "translate-toolkit"):
            result.ratios[f"{mine}/{other}"] = _ratio(result.timings[mine], result.timings[other])
        result.scaling[mine] = _scaling(result.timings[mine], result.quarter_timings[mine], timeout)
    return result


# --------------------------------------------------------------------------- output


def _seconds(t: Timing) -> str:
    if t.seconds is not None:
        return f"{t.seconds:.2f}"
    return t.note.split(":")[0] if t.note.startswith("skipped") else t.note


def _times(value: float | None, lower_bound: bool = False) -> str:
    if value is None:
        return "—"
    return f"{'> ' if lower_bound else ''}{value:.3g}×"


def _scaling_cell(r: CaseResult, name: str) -> str:
    """``16.2× (N/4: 0.31 s)``: the ratio, with the time it is relative to."""
    quarter = r.quarter_timings[name]
    ratio = _times(r.scaling[name], r.timings[name].timed_out)
    return f"{ratio} (N/4: {_seconds(quarter)})" if quarter.seconds is not None else ratio


def _ratio_cell(r: CaseResult, mine: str, other: str, timeout: float) -> str:
    """The pipeline's time ÷ the competitor's; ``< x×`` when only the competitor timed out."""
    ours, theirs = r.timings[mine], r.timings[other]
    if theirs.timed_out and ours.seconds is not None:
        return f"< {ours.seconds / timeout:.3g}×"
    return _times(r.ratios[f"{mine}/{other}"])


def markdown_table(results: list[CaseResult], timeout: float) -> list[str]:
    """One row per case: seconds per command, the pipeline ÷ each competitor, and scaling."""
    head = ["case", "N", "pseudo s", "none s", "mdpo s", "tt s", "pseudo ÷ mdpo", "pseudo ÷ tt",
            "none ÷ mdpo", "none ÷ tt", "scaling pseudo (N ÷ N/4)", "scaling none (N ÷ N/4)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for r in results:
        cells = [r.case, f"{r.n:,}", *(_seconds(r.timings[c]) for c in COMMANDS),
                 *(_ratio_cell(r, mine, other, timeout) for mine in ("pseudo", "none")
                   for other in ("mdpo", "translate-toolkit")),
                 *(_scaling_cell(r, c) for c in ("pseudo", "none"))]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every case's N (default 1)")
    parser.add_argument("--only", default=None, help="comma-separated cases: " + ",".join(c.name for c in CASES))
    parser.add_argument("--timeout", type=float, default=300.0, help="per command, seconds (default 300)")
    parser.add_argument("--json", type=Path, default=None, help="write the raw results as JSON")
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: temporary, removed)")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    cases = CASES
    if args.only:
        wanted = [name.strip() for name in args.only.split(",") if name.strip()]
        unknown = sorted(set(wanted) - {c.name for c in CASES})
        if unknown:
            parser.error(f"unknown case(s): {', '.join(unknown)}")
        cases = tuple(c for c in CASES if c.name in wanted)
    started = time.time()

    def say(message: str) -> None:
        print(f"[{time.time() - started:7.1f}s] {message}", file=sys.stderr, flush=True)

    _precompile()
    facts = machine_facts()
    skip = skipped()
    for name, why in skip.items():
        say(f"{name}: skipped: {why}")
    results: list[CaseResult] = []
    with tempfile.TemporaryDirectory(prefix="pipeline-stress-") as tmp:
        work = args.work or Path(tmp)
        (work / "empty").mkdir(parents=True, exist_ok=True)
        for case in cases:
            results.append(run_case(case, args.scale, work, args.timeout, work / "commands.log", skip, say))
    facts["loadavg at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    facts["elapsed"] = f"{time.time() - started:.0f} s"
    print(f"Pathological single articles (scale {args.scale:g}, one run each, timeout {args.timeout:g} s; "
          "pipeline: first sync of a fresh project; tt: translate-toolkit)\n")
    print("\n".join(markdown_table(results, args.timeout)))
    print("\nMachine: " + "; ".join(f"{k}: {v}" for k, v in facts.items()))
    if args.json:
        report = {"machine": facts, "scale": args.scale, "timeout": args.timeout,
                  "cases": [asdict(r) for r in results]}
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
