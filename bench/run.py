"""The pipeline's performance targets, measured against the tools a newsroom would otherwise use.

Every competitor and the pipeline run on the same generated corpus in the same invocation, one
process per command as a user would run them, each from a fresh copy of the same starting
state; wall time is the median over ``--runs`` runs (runs are interleaved across tools so that
machine noise spreads evenly), CPU time and peak RSS come from ``wait4`` of each command.
Nothing is installed at run time: a tool that is not installed is skipped with a message
(``pip install -e '.[bench]'`` brings translate-toolkit and mdpo; GNU gettext's msgmerge and
po4a come from Debian: ``apt-get install gettext po4a``).

Targets (see bench/README.md for exactly what is timed):

1. extract + update + build of N articles into 2 languages (ru, az) without MT, from a
   state where templates and filled catalogues exist but outputs do not ("full"), and
   from sources only ("cold"). Goal: pipeline faster than mdpo's extract+merge, and at
   least 3× faster than translate-toolkit.
2. a no-op ``pipeline sync`` right after the full run: goal ≤ 1/20 of the full run.
3. updating a 50,000-entry catalogue with 5 % edited entries (bench/merge.py): pipeline vs
   ``msgmerge --previous``; goal: no slower, at least as many correct fuzzy matches, and
   linear growth from 1k to 50k entries.
5. peak RSS of a full sync of N articles: goal < 500 MB.

Usage::

    python bench/run.py [--articles 2000] [--runs 3] [--only target1,target3] [--quick] [--out results.json]

It always exits 0 once the arguments are valid: a failed target is a result, not an error.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Sequence

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402
import merge  # noqa: E402
from merge import Measurement, measure  # noqa: E402

LANGS = ("ru", "az")
CONFIG = 'languages = ["en", "ru", "az"]\nsource_language = "en"\n\n[translate]\nengine = "none"\n'
TARGETS = ("target1", "target2", "target3", "target5")


def fill(lang: str, msgid: str) -> str:
    """The stand-in translation every tool's catalogues get: visible, and safe in any markup."""
    return f"⟨{lang}⟩ {msgid}"


# --------------------------------------------------------------------------- results


@dataclass
class Row:
    """One tool in one scenario: the median of its runs and the worst peak RSS."""

    target: str
    tool: str
    scenario: str
    seconds: float | None
    times: list[float] = field(default_factory=list)
    cpu_seconds: float | None = None
    maxrss_mb: float | None = None
    tree_rss_mb: float | None = None
    phases: dict[str, float] = field(default_factory=dict)
    note: str = ""
    ratio: float | None = None


@dataclass
class Check:
    target: str
    goal: str
    measured: str
    passed: bool | None  # None: could not be measured


@dataclass
class Run:
    """What one timed run of a tool gave: wall and CPU time per phase, peak RSS, success."""

    phases: dict[str, Measurement]

    @property
    def seconds(self) -> float:
        return sum(m.seconds for m in self.phases.values())

    @property
    def cpu(self) -> float:
        return sum(m.cpu_seconds for m in self.phases.values())

    @property
    def maxrss(self) -> float:
        return max(m.maxrss_mb for m in self.phases.values())

    @property
    def tree_rss(self) -> float | None:
        return _max_or_none(*(m.tree_rss_mb for m in self.phases.values()))

    @property
    def failure(self) -> str | None:
        for name, m in self.phases.items():
            if m.timed_out:
                return f"{name} timed out"
            if m.returncode != 0:
                return f"{name} exited with {m.returncode}"
        return None


# --------------------------------------------------------------------------- tools


class Tool:
    """A localisation tool: how to build its filled starting state, and its timed commands."""

    name = ""
    extract_phases: tuple[str, ...] = ()

    def available(self) -> str | None:
        """None when installed, else why it is skipped."""
        return None

    def commands(self, project: Path) -> list[tuple[str, list[str]]]:
        """(phase, command) in order, run with ``project`` as the working directory."""
        raise NotImplementedError

    def prepare(self, project: Path) -> None:
        """Create the folders and configuration a user would have before the first run."""

    def fill(self, project: Path) -> None:
        """Translate every entry of this tool's catalogues (not timed)."""

    def reset_outputs(self, project: Path) -> None:
        """Remove what the build wrote, so that a full run starts without outputs."""


def _py(*args: str) -> list[str]:
    return [sys.executable, *args]


def _polib_fill(paths: Sequence[Path], lang: str) -> int:
    import polib

    filled = 0
    for path in paths:
        catalogue = polib.pofile(str(path), wrapwidth=0)
        for entry in catalogue:
            if not entry.obsolete and not entry.msgstr and entry.msgid:
                entry.msgstr = fill(lang, entry.msgid)
                filled += 1
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        catalogue.save(str(path))
    return filled


class Pipeline(Tool):
    name = "pipeline"

    def commands(self, project: Path) -> list[tuple[str, list[str]]]:
        return [("sync", _py("-m", "pipeline", "--project", str(project), "sync", "--engine", "none"))]

    def phase_commands(self, project: Path) -> list[tuple[str, list[str]]]:
        """The same work as separate commands, to compare phase by phase."""
        base = _py("-m", "pipeline", "--project", str(project))
        return [("extract", base + ["extract"]), ("update", base + ["update"]), ("publish", base + ["publish"])]

    def prepare(self, project: Path) -> None:
        (project / "pipeline.toml").write_text(CONFIG, encoding="utf-8")

    def fill(self, project: Path) -> None:
        from pipeline.catalogue import parse_po, render_po

        for lang in LANGS:
            for path in sorted((project / "locale" / lang).rglob("*.po")):
                catalogue = parse_po(path.read_bytes(), str(path))
                for message in catalogue.messages:
                    if not message.obsolete and not message.msgstr:
                        message.msgstr = fill(lang, message.msgid)
                        message.fuzzy = False
                path.write_bytes(render_po(catalogue))

    def reset_outputs(self, project: Path) -> None:
        shutil.rmtree(project / "public", ignore_errors=True)


class TranslateToolkit(Tool):
    """md2po over the source tree, pot2po per language (its msgmerge), po2md per language."""

    name = "translate-toolkit"
    extract_phases = ("md2po", "pot2po")

    def available(self) -> str | None:
        for module in ("translate.convert.md2po", "mistletoe"):
            if importlib.util.find_spec(module.split(".")[0]) is None or (
                    "." in module and importlib.util.find_spec(module) is None):
                return f"translate-toolkit[markdown] not installed ({module}): pip install -e '.[bench]'"
        return None

    def commands(self, project: Path) -> list[tuple[str, list[str]]]:
        cmds = [("md2po", _py("-m", "translate.convert.md2po", "--progress=none", "-P", "-i", "source", "-o", "pot"))]
        for lang in LANGS:
            template = ["-t", f"po/{lang}"] if (project / "po" / lang).is_dir() else []
            cmds.append(("pot2po", _py("-m", "translate.convert.pot2po", "--progress=none", "-i", "pot",
                                       *template, "-o", f"po-new/{lang}")))
        for lang in LANGS:
            cmds.append(("po2md", _py("-m", "translate.convert.po2md", "--progress=none", "-i", f"po-new/{lang}",
                                      "-t", "source", "-o", f"out/{lang}")))
        return cmds

    def prepare(self, project: Path) -> None:
        for folder in ("pot", "po-new", "out"):
            (project / folder).mkdir(exist_ok=True)

    def fill(self, project: Path) -> None:
        shutil.rmtree(project / "po", ignore_errors=True)
        (project / "po-new").rename(project / "po")
        (project / "po-new").mkdir()
        for lang in LANGS:
            _polib_fill(sorted((project / "po" / lang).rglob("*.po")), lang)

    def reset_outputs(self, project: Path) -> None:
        for folder in ("out", "po-new"):
            shutil.rmtree(project / folder, ignore_errors=True)
            (project / folder).mkdir()


class Mdpo(Tool):
    """mdpo's own API (what its md2po/po2md commands call), one process for all files.

    That is mdpo's best case: its CLI takes one file per call, and 4 × N interpreter
    start-ups would dominate. Per file and language: ``markdown_to_pofile`` merging into
    the language's PO file (extract + merge), then ``pofile_to_markdown``.
    """

    name = "mdpo"
    extract_phases = ("md2po",)

    def available(self) -> str | None:
        if importlib.util.find_spec("mdpo") is None:
            return "mdpo not installed: pip install -e '.[bench]'"
        return None

    def commands(self, project: Path) -> list[tuple[str, list[str]]]:
        me = str(Path(__file__).resolve())
        return [("md2po", _py(me, "_mdpo", "extract", str(project))),
                ("po2md", _py(me, "_mdpo", "build", str(project)))]

    def fill(self, project: Path) -> None:
        for lang in LANGS:
            _polib_fill(sorted((project / "po" / lang).rglob("*.po")), lang)

    def reset_outputs(self, project: Path) -> None:
        shutil.rmtree(project / "out", ignore_errors=True)


def mdpo_driver(action: str, project: Path) -> None:
    """The work of ``md2po FILE -p PO --save`` / ``po2md FILE -p PO -s OUT`` for every file."""
    if action == "extract":
        from mdpo.md2po import markdown_to_pofile
    else:
        from mdpo.po2md import pofile_to_markdown
    for source in sorted((project / "source").rglob("*.md")):
        rel = source.relative_to(project / "source").with_suffix("")
        for lang in LANGS:
            po = project / "po" / lang / f"{rel}.po"
            if action == "extract":
                po.parent.mkdir(parents=True, exist_ok=True)
                markdown_to_pofile(str(source), po_filepath=str(po), save=True)
            else:
                out = project / "out" / lang / f"{rel}.md"
                out.parent.mkdir(parents=True, exist_ok=True)
                pofile_to_markdown(str(source), str(po), save=str(out))


class Po4a(Tool):
    """One po4a run with a configuration listing every article (one POT and PO per article)."""

    name = "po4a"
    extract_phases = ()

    def available(self) -> str | None:
        if shutil.which("po4a") is None:
            return "po4a not installed: apt-get install po4a (Debian)"
        return None

    def commands(self, project: Path) -> list[tuple[str, list[str]]]:
        return [("po4a", ["po4a", "--keep", "0", "--force", "po4a.cfg"])]

    def prepare(self, project: Path) -> None:
        lines = [f"[po4a_langs] {' '.join(LANGS)}", "[po4a_paths] pot/$master.pot $lang:po/$lang/$master.po",
                 '[options] opt:"-o markdown -o yfm_keys=title,description,caption,credit"']
        for source in sorted((project / "source").rglob("*.md")):
            rel = source.relative_to(project).as_posix()
            out = source.relative_to(project / "source").as_posix()
            lines.append(f"[type: text] {rel} $lang:out/$lang/{out}")
        (project / "po4a.cfg").write_text("\n".join(lines) + "\n", encoding="utf-8")
        for folder in ("pot", *(f"po/{lang}" for lang in LANGS)):
            (project / folder).mkdir(parents=True, exist_ok=True)

    def fill(self, project: Path) -> None:
        for lang in LANGS:
            _polib_fill(sorted((project / "po" / lang).glob("*.po")), lang)

    def reset_outputs(self, project: Path) -> None:
        shutil.rmtree(project / "out", ignore_errors=True)


TOOLS: tuple[type[Tool], ...] = (Pipeline, TranslateToolkit, Mdpo, Po4a)


# --------------------------------------------------------------------------- running


@dataclass
class Settings:
    articles: int
    runs: int
    work: Path
    timeout: float
    slow: float
    log: Path
    merge_sizes: tuple[int, ...]
    babel_sizes: tuple[int, ...]
    babel_timeout: float
    phases: bool = True
    tool_timeouts: dict[str, float] = field(default_factory=dict)

    def timeout_for(self, tool: str) -> float:
        return self.tool_timeouts.get(tool, self.timeout)


def run_commands(tool: Tool, project: Path, settings: Settings,
                 commands: list[tuple[str, list[str]]] | None = None) -> Run:
    phases: dict[str, Measurement] = {}
    for phase, cmd in commands if commands is not None else tool.commands(project):
        m = measure(cmd, cwd=project, timeout=settings.timeout_for(tool.name), log=settings.log,
                    tree=isinstance(tool, Pipeline))
        if phase in phases:
            prev = phases[phase]
            m = Measurement(prev.seconds + m.seconds, prev.cpu_seconds + m.cpu_seconds,
                            max(prev.maxrss_mb, m.maxrss_mb), m.returncode or prev.returncode,
                            m.timed_out or prev.timed_out, _max_or_none(prev.tree_rss_mb, m.tree_rss_mb))
        phases[phase] = m
        if not m.ok:
            break
    return Run(phases)


def _max_or_none(*values: float | None) -> float | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def copy_state(src: Path, dst: Path) -> Path:
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst, symlinks=True)
    return dst


def build_states(tool: Tool, settings: Settings, source: Path) -> tuple[Path, Path] | str:
    """(cold, full) starting states: sources only; sources + filled catalogues, no outputs."""
    base = settings.work / "states" / tool.name
    cold = base / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    cold.mkdir(parents=True)
    shutil.copytree(source, cold / "source")
    tool.prepare(cold)
    full = copy_state(cold, base / "full")
    first = run_commands(tool, full, settings)
    if first.failure and "timed out" in first.failure:
        return (f"its first (cold) run took longer than its timeout, {settings.timeout_for(tool.name):.0f} s: "
                "not measured further")
    if first.failure:
        return f"preparing the filled state failed: {first.failure} (see {settings.log})"
    tool.fill(full)
    tool.reset_outputs(full)
    return cold, full


def _summary(target: str, tool: str, scenario: str, runs: list[Run], note: str = "") -> Row:
    ok = [r for r in runs if r.failure is None]
    if not ok:
        return Row(target, tool, scenario, None, note=runs[0].failure if runs else note)
    times = [r.seconds for r in ok]
    phases = {name: statistics.median(r.phases[name].seconds for r in ok) for name in ok[0].phases}
    return Row(target, tool, scenario, statistics.median(times), times, statistics.median(r.cpu for r in ok),
               max(r.maxrss for r in ok), _max_or_none(*(r.tree_rss for r in ok)), phases, note)


def _count_files(folder: Path, pattern: str = "*.md") -> int:
    return sum(1 for _ in folder.rglob(pattern)) if folder.is_dir() else 0


def target1(settings: Settings, source: Path, log: Callable[[str], None],
            classes: Sequence[type[Tool]] = TOOLS) -> tuple[list[Row], list[Row]]:
    """Rows for target 1 (cold and full runs of every tool) and target 2 (no-op sync)."""
    tools: list[Tool] = []
    rows: list[Row] = []
    states: dict[str, tuple[Path, Path]] = {}
    for cls in classes:
        tool = cls()
        why = tool.available()
        if why is None:
            log(f"  preparing {tool.name}")
            prepared = build_states(tool, settings, source)
            if isinstance(prepared, str):
                why = prepared
            else:
                states[tool.name] = prepared
                tools.append(tool)
        if why is not None:
            log(f"  {tool.name}: skipped: {why}")
            for scenario in ("full", "cold"):
                rows.append(Row("target1", tool.name, scenario, None,
                                note=why if why.startswith("its first") else f"skipped: {why}"))
    results: dict[tuple[str, str], list[Run]] = {}
    skipped_after_first: set[str] = set()
    noop_runs: list[Run] = []
    phase_runs: list[Run] = []
    for run_index in range(settings.runs):
        for tool in tools:
            if tool.name in skipped_after_first:
                continue
            cold, full = states[tool.name]
            for scenario, state in (("full", full), ("cold", cold)):
                project = copy_state(state, settings.work / "run" / tool.name)
                run = run_commands(tool, project, settings)
                results.setdefault((tool.name, scenario), []).append(run)
                log(f"  run {run_index + 1}: {tool.name} {scenario}: {run.seconds:.2f} s"
                    + (f" ({run.failure})" if run.failure else ""))
                if isinstance(tool, Pipeline) and scenario == "full" and run.failure is None:
                    published = _count_files(project / "public")
                    if published != 2 * settings.articles:
                        log(f"  warning: pipeline published {published} files, expected {2 * settings.articles}")
                    noop = run_commands(tool, project, settings)
                    noop_runs.append(noop)
                    log(f"  run {run_index + 1}: pipeline no-op sync: {noop.seconds:.2f} s")
                    if run_index == 0 and settings.phases:
                        phased = copy_state(full, settings.work / "run" / "pipeline-phases")
                        phase_runs.append(run_commands(tool, phased, settings,
                                                       tool.phase_commands(phased)))  # type: ignore[attr-defined]
                if run_index == 0 and run.seconds > settings.slow and not isinstance(tool, Pipeline):
                    skipped_after_first.add(tool.name)
    measured: list[Row] = []
    for tool in tools:
        for scenario in ("full", "cold"):
            runs = results.get((tool.name, scenario), [])
            note = "1 run (slower than --slow)" if tool.name in skipped_after_first and settings.runs > 1 else ""
            row = _summary("target1", tool.name, scenario, runs, note)
            if tool.extract_phases and row.phases:
                row.phases["extract+merge"] = sum(row.phases.get(p, 0.0) for p in tool.extract_phases)
            measured.append(row)
        if isinstance(tool, Pipeline) and phase_runs:
            row = _summary("target1", "pipeline (extract, update, publish commands)", "full", phase_runs,
                           "first run only")
            if row.phases:
                row.phases["extract+merge"] = row.phases.get("extract", 0.0) + row.phases.get("update", 0.0)
            measured.append(row)
    order = [cls.name for cls in classes]
    rows = sorted(measured + rows, key=lambda r: (order.index(r.tool.split(" (")[0]), r.tool, r.scenario != "full"))
    for scenario in ("full", "cold"):
        base = next((r for r in rows if r.tool == "pipeline" and r.scenario == scenario), None)
        for row in rows:
            if row.scenario == scenario and base and base.seconds and row.seconds:
                row.ratio = row.seconds / base.seconds
    noop_rows = [_summary("target2", "pipeline", "no-op sync", noop_runs)] if noop_runs else []
    full_row = next((r for r in rows if r.tool == "pipeline" and r.scenario == "full"), None)
    for row in noop_rows:
        if row.seconds and full_row and full_row.seconds:
            row.ratio = row.seconds / full_row.seconds
    return rows, noop_rows


def checks_target1(rows: list[Row]) -> list[Check]:
    by = {(r.tool, r.scenario): r for r in rows}
    pipe = by.get(("pipeline", "full"))
    out: list[Check] = []
    mdpo, tt = by.get(("mdpo", "full")), by.get(("translate-toolkit", "full"))
    if pipe is None or pipe.seconds is None:
        return [Check("target1", "pipeline full run", "not measured", None)]
    if mdpo and mdpo.seconds is not None:
        extract = mdpo.phases.get("extract+merge", mdpo.seconds)
        out.append(Check("target1", "pipeline full sync faster than mdpo extract+merge",
                         f"{pipe.seconds:.1f} s vs {extract:.1f} s", pipe.seconds < extract))
    else:
        out.append(Check("target1", "pipeline faster than mdpo extract+merge", "mdpo not measured", None))
    if tt and tt.seconds is not None:
        out.append(Check("target1", "pipeline ≥ 3× faster than translate-toolkit (full run)",
                         f"{tt.seconds / pipe.seconds:.2f}×", tt.seconds >= 3 * pipe.seconds))
    else:
        out.append(Check("target1", "pipeline ≥ 3× faster than translate-toolkit", "not measured", None))
    return out


def target3(settings: Settings, log: Callable[[str], None]) -> tuple[list[merge.MergeRow], list[Check]]:
    log("  building catalogues and timing merges")
    rows = merge.run_benchmark(settings.work / "merge", settings.merge_sizes, settings.runs,
                               babel_sizes=settings.babel_sizes, babel_timeout=settings.babel_timeout,
                               timeout=settings.timeout, log=settings.log)
    biggest = max(settings.merge_sizes)
    by = {(r.tool, r.size): r for r in rows}
    pipe, gnu = by.get(("pipeline", biggest)), by.get(("msgmerge --previous", biggest))
    checks: list[Check] = []
    if pipe and pipe.seconds is not None and gnu and gnu.seconds is not None:
        checks.append(Check("target3", f"pipeline update of {biggest:,} entries no slower than msgmerge --previous",
                            f"{pipe.seconds:.1f} s vs {gnu.seconds:.1f} s", pipe.seconds <= gnu.seconds))
        if pipe.matches and gnu.matches:
            checks.append(Check("target3", "pipeline finds ≥ as many correct fuzzy matches as msgmerge",
                                f"{pipe.matches.correct} vs {gnu.matches.correct} (wrong {pipe.matches.wrong} vs "
                                f"{gnu.matches.wrong})", pipe.matches.correct >= gnu.matches.correct))
    else:
        checks.append(Check("target3", "pipeline vs msgmerge --previous", "msgmerge not measured", None))
    sizes = sorted(s for s in settings.merge_sizes if by.get(("pipeline", s)) and by[("pipeline", s)].seconds)
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        t_small, t_large = by[("pipeline", small)].seconds, by[("pipeline", large)].seconds
        growth = (t_large / t_small) / (large / small)  # type: ignore[operator]
        checks.append(Check("target3", f"pipeline grows ~linearly {small:,} → {large:,} entries "
                                       "(time ratio / size ratio ≤ 1.5)",
                            f"{growth:.2f}", growth <= 1.5))
    return rows, checks


# --------------------------------------------------------------------------- output


def machine_facts() -> dict[str, str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    facts = {"nproc": str(os.cpu_count()), "cpu": cpu, "python": platform.python_version(),
             "platform": platform.platform(), "loadavg at start": " ".join(f"{x:.2f}" for x in os.getloadavg())}
    for name, dist in (("pipeline", "pipeline"), ("translate-toolkit", "translate-toolkit"), ("mdpo", "mdpo"),
                       ("babel", "babel"), ("markdown-it-py", "markdown-it-py")):
        try:
            from importlib.metadata import version

            facts[name] = version(dist)
        except Exception:
            facts[name] = "not installed"
    for tool, args in (("msgmerge", ["--version"]), ("po4a", ["--version"])):
        path = shutil.which(tool)
        if path is None:
            facts[tool] = "not installed"
            continue
        out = subprocess.run([path, *args], capture_output=True, text=True).stdout.strip().splitlines()
        facts[tool] = out[0] if out else "?"
    return facts


def table_target1(rows: list[Row]) -> list[str]:
    lines = [f"{'tool':<46} {'scenario':<10} {'median s':>9} {'cpu s':>8} {'peak MB':>8} {'tree MB':>8} "
             f"{'× pipeline':>10}  phases / note"]
    for r in rows:
        sec = f"{r.seconds:.2f}" if r.seconds is not None else "—"
        cpu = f"{r.cpu_seconds:.2f}" if r.cpu_seconds is not None else "—"
        rss = f"{r.maxrss_mb:.0f}" if r.maxrss_mb is not None else "—"
        tree = f"{r.tree_rss_mb:.0f}" if r.tree_rss_mb is not None else "—"
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "—"
        phases = ", ".join(f"{k} {v:.2f}" for k, v in r.phases.items()) if len(r.phases) > 1 else ""
        detail = "; ".join(x for x in (phases, r.note) if x)
        lines.append(f"{r.tool:<46} {r.scenario:<10} {sec:>9} {cpu:>8} {rss:>8} {tree:>8} {ratio:>10}  {detail}")
    return lines


def table_checks(checks: list[Check]) -> list[str]:
    mark = {True: "PASS", False: "FAIL", None: "n/a "}
    return [f"[{mark[c.passed]}] {c.target}: {c.goal}: {c.measured}" for c in checks]


def _tool_timeouts(parser: argparse.ArgumentParser, values: list[str]) -> dict[str, float]:
    out = {}
    for value in values:
        name, _, seconds = value.partition("=")
        try:
            out[name] = float(seconds)
        except ValueError:
            parser.error(f"--tool-timeout {value!r}: expected TOOL=SECONDS")
    return out


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_mdpo"]:
        mdpo_driver(argv[1], Path(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=None, help="corpus size (default 2000; --quick: 4)")
    parser.add_argument("--runs", type=int, default=None, help="runs per measurement, median reported (default 3)")
    parser.add_argument("--only", default=",".join(TARGETS), help="comma-separated: " + ",".join(TARGETS))
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run: a smoke test of the harness")
    parser.add_argument("--out", type=Path, default=None, help="write everything measured as JSON")
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: temporary, removed)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800.0, help="per command, seconds")
    parser.add_argument("--tool-timeout", action="append", default=[], metavar="TOOL=SECONDS",
                        help="a shorter timeout for one tool, e.g. po4a=300 (repeatable)")
    parser.add_argument("--slow", type=float, default=600.0,
                        help="a competitor whose first run takes longer is run once")
    parser.add_argument("--merge-sizes", default=None, help="catalogue sizes for target 3 (default 1000,10000,50000)")
    args = parser.parse_args(argv)
    only = {t.strip() for t in args.only.split(",") if t.strip()}
    unknown = only - set(TARGETS)
    if unknown:
        parser.error(f"unknown target(s): {', '.join(sorted(unknown))}")
    articles = args.articles or (4 if args.quick else 2000)
    runs = args.runs or (1 if args.quick else 3)
    merge_sizes = tuple(int(s) for s in (args.merge_sizes or ("100,300" if args.quick else "1000,10000,50000")).split(","))
    with tempfile.TemporaryDirectory(prefix="pipeline-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        settings = Settings(articles, runs, work, args.timeout, args.slow, work / "commands.log", merge_sizes,
                            (100,) if args.quick else (1000, 2000), 20.0 if args.quick else 300.0,
                            phases=not args.quick, tool_timeouts=_tool_timeouts(parser, args.tool_timeout))
        return _run(settings, only, args, articles)


def _precompile() -> None:
    """Write the pipeline's and the harness's bytecode caches before anything is timed.

    Installed competitors were byte-compiled by pip; an editable pipeline was not, and with
    PYTHONDONTWRITEBYTECODE set every run would compile it again from source.
    """
    import compileall

    import pipeline

    for folder in (Path(pipeline.__file__).parent, BENCH):
        compileall.compile_dir(str(folder), quiet=1)


def _run(settings: Settings, only: set[str], args: argparse.Namespace, articles: int) -> int:
    """Target 3 first (shortest), then 1, 2 and 5; each table is printed as soon as it is known."""
    started = time.time()

    def log(message: str) -> None:
        print(f"[{time.time() - started:7.1f}s] {message}", file=sys.stderr, flush=True)

    def emit(lines: list[str]) -> None:
        print("\n".join(lines), flush=True)

    _precompile()
    facts = machine_facts()
    report: dict[str, object] = {"machine": facts, "articles": articles, "runs": settings.runs,
                                 "targets": sorted(only)}
    checks: list[Check] = []

    def save() -> None:
        report["checks"] = [asdict(c) for c in checks]
        if args.out:
            args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")

    if "target3" in only:
        log("target 3: catalogue update")
        rows3, checks3 = target3(settings, log)
        report["target3"] = [asdict(r) for r in rows3]
        emit([f"Target 3: update of a catalogue with {merge.EDIT_RATE:.0%} edited entries, file to file "
              f"(median of {settings.runs}; correct/wrong/missed: fuzzy matches on the edited entries)",
              *merge.format_rows(rows3), ""])
        checks += checks3
        save()
    if only & {"target1", "target2", "target5"}:
        log(f"generating {articles} articles (seed {args.seed})")
        corpus.generate(settings.work / "corpus", articles, args.seed)
        source = settings.work / "corpus" / "source"
        log("target 1 (and 2, 5): extract + update + build")
        rows1, rows2 = target1(settings, source, log, TOOLS if "target1" in only else (Pipeline,))
        report["target1"] = [asdict(r) for r in rows1]
        report["target2"] = [asdict(r) for r in rows2]
        if "target1" in only:
            emit([f"Target 1: extract + update + build, {articles} articles × {len(LANGS)} languages, no MT "
                  f"(median of {settings.runs})", *table_target1(rows1), ""])
            checks += checks_target1(rows1)
        full = next((r for r in rows1 if r.tool == "pipeline" and r.scenario == "full"), None)
        if "target2" in only:
            emit(["Target 2: no-op sync right after a full run", *table_target1(rows2), ""])
            noop = rows2[0] if rows2 else None
            if noop and noop.ratio is not None and full is not None and noop.seconds and full.seconds:
                checks.append(Check("target2", "no-op sync ≤ 1/20 of a full run",
                                    f"{noop.seconds:.2f} s / {full.seconds:.2f} s = 1/{1 / noop.ratio:.1f}",
                                    noop.ratio <= 1 / 20))
            else:
                checks.append(Check("target2", "no-op sync ≤ 1/20 of a full run", "not measured", None))
        if "target5" in only:
            peaks = [r for r in rows1 if r.tool == "pipeline" and r.maxrss_mb is not None]
            if peaks:
                peak = max(_max_or_none(r.maxrss_mb, r.tree_rss_mb) or 0.0 for r in peaks)
                checks.append(Check("target5", f"peak RSS of a full sync of {articles} articles < 500 MB "
                                               "(largest process; summed over its workers)",
                                    ", ".join(f"{r.scenario} {r.maxrss_mb:.0f} MB"
                                              + (f" (tree {r.tree_rss_mb:.0f} MB)" if r.tree_rss_mb else "")
                                              for r in peaks), peak < 500))
            else:
                checks.append(Check("target5", "peak RSS < 500 MB", "not measured", None))
    facts["loadavg at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    facts["elapsed"] = f"{time.time() - started:.0f} s"
    emit(["Checks:", *table_checks(checks), "", "Machine: " + "; ".join(f"{k}: {v}" for k, v in facts.items())])
    save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
