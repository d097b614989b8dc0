"""Target 3: updating a large catalogue after a few source edits, file to file.

A newsroom's catalogues are updated on every sync, and a few sentences change between two
syncs. This benchmark builds a translated catalogue of N entries (default 1k, 10k and
50k), edits 5 % of the source texts the way editors do (one word changed, added or
removed), and times each tool turning ``old.po`` + ``new.pot`` into ``out.po`` with fuzzy
matching, in its own process, including start-up, parsing and writing, because that is what
a user waits for:

* pipeline: ``parse_po`` → ``update_catalogue`` → ``check_no_loss`` → ``render_po``;
* GNU ``msgmerge --previous`` (and ``msgmerge -N``, no fuzzy matching, for reference);
* Babel's ``Catalog.update`` (quadratic fuzzy matching: only at small sizes, under a timeout).

It then counts, in every output, the fuzzy matches on the edited entries: *correct* (the
old translation of the very entry that was edited), *wrong* (another entry's translation)
and *missed* (left untranslated). The inputs are written with polib, so no tool reads its
own serialisation.

Usage::

    python bench/merge.py [--sizes 1000,10000,50000] [--runs 3] [--out merge.json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Sequence

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from corpus import Writer  # noqa: E402

EDIT_RATE = 0.05
LANG = "ru"
CONTEXTS = ("title", "description", "image.caption")
EXTRA_WORDS = ("new", "local", "official", "annual", "entire", "nearby", "public", "early", "final")


# --------------------------------------------------------------------------- measuring processes


@dataclass
class Measurement:
    """One process run: wall seconds, CPU seconds and peak RSS of it and its waited-for children."""

    seconds: float
    cpu_seconds: float
    maxrss_mb: float
    returncode: int
    timed_out: bool = False
    tree_rss_mb: float | None = None

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


def _group_rss_kb(pgid: int, skip: int = -1) -> int:
    """The memory of every live process in process group ``pgid``, from /proc, in kB.

    Proportional set size (PSS) where the kernel has it: forked workers share most of their
    pages with the parent, and adding their RSS would count those pages once per worker.
    """
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            if int(fields[2]) != pgid or int(entry.name) == skip:
                continue
            total += _memory_kb(entry.name)
        except (OSError, IndexError, ValueError):
            continue
    return total


def _memory_kb(pid: str) -> int:
    for name, key in (("smaps_rollup", b"Pss:"), ("status", b"VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", "rb") as f:
                for line in f:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


#: Runs the measured command from a fresh, small process and reports what wait4 said. Linux
#: keeps the high-water RSS of the memory a process had before exec, so a command forked
#: straight from the harness (which holds large fixtures) would report the harness's size.
_LAUNCHER = """
import json, os, sys, time
report, cmd = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
try:
    pid = os.posix_spawnp(cmd[0], cmd, os.environ)
except OSError as exc:
    sys.stderr.write(f"cannot run {cmd[0]}: {exc}\\n")
    sys.exit(127)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
with open(report, "w") as f:
    json.dump([elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss], f)
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)
"""


def measure(cmd: Sequence[str], *, cwd: Path | None = None, timeout: float = 1800.0,
            log: Path | None = None, env: dict[str, str] | None = None, tree: bool = False) -> Measurement:
    """Run ``cmd`` and read its resource usage from ``wait4``.

    ``wait4`` gives the peak RSS of the largest single process among the command and the
    children it waited for (such as po4a's msgmerge), without psutil. A command that forks
    workers uses their memory at the same time, so ``tree=True`` also samples the sum of the
    process group's PSS every 250 ms (``tree_rss_mb``; a lower bound, as any sampling; one
    scan of /proc costs a few ms, so it is only done for the pipeline's runs). The command
    is started by a small launcher (see ``_LAUNCHER``) in a session of its own, so that a
    timeout kills the whole process group.
    """
    import tempfile

    out = open(log, "ab") if log is not None else subprocess.DEVNULL
    with tempfile.TemporaryDirectory(prefix="bench-measure-") as tmp:
        report = Path(tmp) / "usage.json"
        try:
            start = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-I", "-S", "-c", _LAUNCHER, str(report), *cmd], cwd=cwd,
                                    stdout=out, stderr=out, stdin=subprocess.DEVNULL, start_new_session=True,
                                    env=env)
            killed = threading.Event()

            def kill() -> None:
                killed.set()
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

            timer = threading.Timer(timeout, kill)
            timer.start()
            done = threading.Event()
            tree_peak = [0]

            def sample() -> None:
                while not done.wait(0.25):
                    tree_peak[0] = max(tree_peak[0], _group_rss_kb(proc.pid, skip=proc.pid))

            sampler = threading.Thread(target=sample, daemon=True) if tree and os.path.isdir("/proc") else None
            if sampler is not None:
                sampler.start()
            try:
                returncode = proc.wait()
            finally:
                timer.cancel()
                done.set()
                if sampler is not None:
                    sampler.join()
            wall = time.perf_counter() - start
        finally:
            if log is not None:
                out.close()  # type: ignore[union-attr]
        try:
            elapsed, cpu, maxrss_kb = json.loads(report.read_text())
        except (OSError, ValueError):
            elapsed, cpu, maxrss_kb = wall, 0.0, 0
    return Measurement(seconds=elapsed, cpu_seconds=cpu, maxrss_mb=maxrss_kb / 1024, returncode=returncode,
                       timed_out=killed.is_set(), tree_rss_mb=tree_peak[0] / 1024 if sampler else None)


# --------------------------------------------------------------------------- the data


@dataclass
class Fixture:
    """Paths of one size's inputs, and which new msgid was made from which old one."""

    size: int
    old_po: Path
    new_pot: Path
    edits: dict[tuple[str | None, str], tuple[str | None, str]] = field(default_factory=dict)


def translation(msgid: str) -> str:
    return f"⟨{LANG}⟩ {msgid}"


def _texts(writer: Writer, size: int) -> list[tuple[str | None, str]]:
    """Distinct (msgctxt, msgid) pairs shaped like an article catalogue's: mostly paragraphs."""
    seen: set[tuple[str | None, str]] = set()
    out: list[tuple[str | None, str]] = []
    rng = writer.rng
    while len(out) < size:
        roll = rng.random()
        if roll < 0.05:
            key: tuple[str | None, str] = (CONTEXTS[rng.randrange(3)], writer.sentence())
        elif roll < 0.12:
            key = (None, writer.heading() + f" {rng.randint(1, 99)}")
        elif roll < 0.30:
            key = (None, writer.quote())
        else:
            key = (None, writer.paragraph(rng.randint(1, 3)))
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out


_PLAIN_WORD = re.compile(r"^([A-Za-z]{3,})([.,;:]?)$")


def edit_sentence(rng: random.Random, text: str) -> str:
    """One editor's edit of a plain word (never the first, never inside markup or a link):
    the word changed, a word added before it, or the word removed."""
    words = text.split(" ")
    positions = [i for i in range(1, len(words)) if _PLAIN_WORD.match(words[i])]
    if not positions:
        return text + " Updated."
    i = positions[rng.randrange(len(positions))]
    word, trail = _PLAIN_WORD.match(words[i]).groups()  # type: ignore[union-attr]
    extra = EXTRA_WORDS[rng.randrange(len(EXTRA_WORDS))]
    kind = rng.randrange(3)
    if kind == 0 and extra != word:
        words[i] = extra + trail
    elif kind == 1 or len(words) <= 3:
        words.insert(i, extra)
    else:
        del words[i]
        if trail:
            words[i - 1] += trail
    return " ".join(words)


def make_fixture(folder: Path, size: int, seed: int = 7, edit_rate: float = EDIT_RATE) -> Fixture:
    """Write ``old.po`` (all translated) and ``new.pot`` (with edits) for ``size`` entries."""
    import polib

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed * 1_000_003 + size)
    keys = _texts(Writer(rng), size)
    taken = set(keys)
    edited: dict[int, tuple[str | None, str]] = {}
    for i in sorted(rng.sample(range(size), int(size * edit_rate))):
        ctxt, msgid = keys[i]
        for _ in range(10):
            new = (ctxt, edit_sentence(rng, msgid))
            if new not in taken and new[1] != msgid:
                taken.add(new)
                edited[i] = new
                break
    fixture = Fixture(size, folder / "old.po", folder / "new.pot")
    header = {"Project-Id-Version": "bench", "MIME-Version": "1.0",
              "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    old, new = polib.POFile(wrapwidth=78), polib.POFile(wrapwidth=78)
    old.metadata = dict(header, Language=LANG,
                        **{"Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
                                           "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"})
    new.metadata = dict(header)
    for i, (ctxt, msgid) in enumerate(keys):
        ref = [(f"source/bench/article-{i // 40:05d}.md", str(i % 40 * 3 + 12))]
        old.append(polib.POEntry(msgctxt=ctxt, msgid=msgid, msgstr=translation(msgid), occurrences=ref,
                                 comment="paragraph"))
        target = edited.get(i, (ctxt, msgid))
        new.append(polib.POEntry(msgctxt=target[0], msgid=target[1], occurrences=ref, comment="paragraph"))
        if i in edited:
            fixture.edits[target] = (ctxt, msgid)
    old.save(str(fixture.old_po))
    new.save(str(fixture.new_pot))
    return fixture


# --------------------------------------------------------------------------- the tools


def pipeline_merge(old_po: Path, new_pot: Path, out_po: Path) -> None:
    """What ``pipeline update`` does to one catalogue, file to file."""
    from pipeline.catalogue import parse_po, render_po
    from pipeline.update import check_no_loss, update_catalogue

    old = parse_po(old_po.read_bytes(), str(old_po))
    template = parse_po(new_pot.read_bytes(), str(new_pot))
    result = update_catalogue(template, old, lang=LANG, slug="bench")
    check_no_loss(old, result, str(out_po))
    out_po.write_bytes(render_po(result))


def babel_merge(old_po: Path, new_pot: Path, out_po: Path) -> None:
    """Babel's catalogue update with fuzzy matching (what ``pybabel update`` does)."""
    from babel.messages.pofile import read_po, write_po

    with open(old_po, "rb") as f:
        catalog = read_po(f, locale=LANG)
    with open(new_pot, "rb") as f:
        template = read_po(f)
    catalog.update(template, no_fuzzy_matching=False)
    with open(out_po, "wb") as f:
        write_po(f, catalog, include_previous=True)


def tool_commands(old_po: Path, new_pot: Path, out_po: Path) -> dict[str, list[str] | None]:
    """Each competitor's command line; None when the tool is not installed."""
    import shutil

    me = [sys.executable, str(Path(__file__).resolve())]
    msgmerge = shutil.which("msgmerge")
    return {
        "pipeline": me + ["_pipeline", str(old_po), str(new_pot), str(out_po)],
        "msgmerge --previous": [msgmerge, "--previous", "-q", "-o", str(out_po), str(old_po), str(new_pot)]
        if msgmerge else None,
        "msgmerge -N": [msgmerge, "-N", "-q", "-o", str(out_po), str(old_po), str(new_pot)] if msgmerge else None,
        "babel": me + ["_babel", str(old_po), str(new_pot), str(out_po)],
    }


@dataclass
class MatchCount:
    """How the fuzzy matches on the benchmark's edits turned out."""

    correct: int = 0
    wrong: int = 0
    missed: int = 0
    with_previous: int = 0
    spurious_fuzzy: int = 0


def count_matches(out_po: Path, fixture: Fixture) -> MatchCount:
    """Judge a merged catalogue against the known edits (read with polib, whoever wrote it)."""
    import polib

    count = MatchCount()
    try:
        entries = polib.pofile(str(out_po), wrapwidth=0)
    except OSError:
        # Babel writes multi-line previous msgids as invalid "#|" lines; judge without them.
        text = "".join(line for line in out_po.read_text(encoding="utf-8").splitlines(keepends=True)
                       if not line.startswith("#|"))
        entries = polib.pofile(text, wrapwidth=0)
        count.with_previous = -1
    for entry in entries:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        source = fixture.edits.get(key)
        if source is None:
            count.spurious_fuzzy += "fuzzy" in entry.flags
            continue
        if not entry.msgstr:
            count.missed += 1
        elif entry.msgstr == translation(source[1]) and "fuzzy" in entry.flags:
            count.correct += 1
            if count.with_previous >= 0:
                count.with_previous += entry.previous_msgid == source[1]
        else:
            count.wrong += 1
    return count


# --------------------------------------------------------------------------- the benchmark


@dataclass
class MergeRow:
    tool: str
    size: int
    seconds: float | None
    times: list[float]
    cpu_seconds: float | None
    maxrss_mb: float | None
    matches: MatchCount | None
    note: str = ""


def run_benchmark(work: Path, sizes: Sequence[int], runs: int, *, babel_sizes: Sequence[int] = (1000, 2000),
                  babel_timeout: float = 120.0, timeout: float = 1800.0,
                  msgmerge_sizes: Sequence[int] | None = None,
                  log: Path | None = None) -> list[MergeRow]:
    """Every tool at every size it is run at, median of ``runs`` (one run past a timeout)."""
    rows: list[MergeRow] = []
    all_sizes = sorted(set(sizes) | set(babel_sizes))
    for size in all_sizes:
        fixture = make_fixture(work / f"merge-{size}", size)
        commands = tool_commands(fixture.old_po, fixture.new_pot, work / f"merge-{size}" / "out.po")
        for tool, cmd in commands.items():
            if tool == "babel":
                if size not in babel_sizes:
                    continue
                limit = babel_timeout
            else:
                if size not in sizes or (tool.startswith("msgmerge") and msgmerge_sizes is not None
                                         and size not in msgmerge_sizes):
                    continue
                limit = timeout
            if cmd is None:
                rows.append(MergeRow(tool, size, None, [], None, None, None, "not installed: skipped"))
                continue
            rows.append(_measure_tool(tool, cmd, fixture, runs, limit, log))
    return rows


def _measure_tool(tool: str, cmd: list[str], fixture: Fixture, runs: int, limit: float,
                  log: Path | None) -> MergeRow:
    out_po = Path(cmd[-1]) if tool.startswith(("pipeline", "babel")) else Path(cmd[cmd.index("-o") + 1])
    measurements: list[Measurement] = []
    matches: MatchCount | None = None
    for _ in range(runs):
        out_po.unlink(missing_ok=True)
        m = measure(cmd, timeout=limit, log=log)
        measurements.append(m)
        if not m.ok:
            why = f"timed out after {limit:.0f} s" if m.timed_out else f"exit code {m.returncode}"
            return MergeRow(tool, fixture.size, None, [x.seconds for x in measurements], None, m.maxrss_mb,
                            None, why)
        if matches is None and not tool.endswith("-N"):
            matches = count_matches(out_po, fixture)
    times = [m.seconds for m in measurements]
    return MergeRow(tool, fixture.size, statistics.median(times), times,
                    statistics.median(m.cpu_seconds for m in measurements),
                    max(m.maxrss_mb for m in measurements), matches)


def format_rows(rows: Sequence[MergeRow], edits: dict[int, int] | None = None) -> list[str]:
    order = {"pipeline": 0, "msgmerge --previous": 1, "msgmerge -N": 2, "babel": 3}
    rows = sorted(rows, key=lambda r: (order.get(r.tool, 9), r.size))
    lines = [f"{'tool':<22} {'entries':>8} {'median s':>9} {'cpu s':>7} {'peak MB':>8}  "
             f"{'correct':>7} {'wrong':>5} {'missed':>6}  note"]
    for r in rows:
        sec = f"{r.seconds:.2f}" if r.seconds is not None else "—"
        cpu = f"{r.cpu_seconds:.2f}" if r.cpu_seconds is not None else "—"
        rss = f"{r.maxrss_mb:.0f}" if r.maxrss_mb is not None else "—"
        m = r.matches
        counts = f"{m.correct:>7} {m.wrong:>5} {m.missed:>6}" if m else f"{'—':>7} {'—':>5} {'—':>6}"
        lines.append(f"{r.tool:<22} {r.size:>8} {sec:>9} {cpu:>7} {rss:>8}  {counts}  {r.note}")
    return lines


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("_pipeline", "_babel"):
        merge = pipeline_merge if argv[0] == "_pipeline" else babel_merge
        merge(Path(argv[1]), Path(argv[2]), Path(argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--babel-sizes", default="1000,2000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None, help="folder for the fixtures (default: a temporary one)")
    parser.add_argument("--out", type=Path, default=None, help="write the rows as JSON here")
    args = parser.parse_args(argv)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bench-merge-") as tmp:
        work = args.work or Path(tmp)
        rows = run_benchmark(work, [int(s) for s in args.sizes.split(",")], args.runs,
                             babel_sizes=[int(s) for s in args.babel_sizes.split(",") if s])
    for line in format_rows(rows):
        print(line)
    if args.out:
        args.out.write_text(json.dumps([asdict(r) for r in rows], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
