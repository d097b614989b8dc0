"""Worker processes change no output byte and no line of the report."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.config import load_config
from pipeline.engines.pseudo import PseudoEngine
from pipeline.integration import hooks
from pipeline.parallel import map_indexed
from pipeline.sync import SyncOptions, sync
from tests.conftest import snapshot_tree, write_project


def test_map_indexed_keeps_order_serial_and_forked() -> None:
    offset = 7  # closures reach the workers through fork, not pickling
    assert map_indexed(lambda i: i * i + offset, 40, jobs=2) == [i * i + offset for i in range(40)]
    assert map_indexed(lambda i: i, 3, jobs=8) == [0, 1, 2]


def test_map_indexed_counts_results_in_this_process_as_they_come_back() -> None:
    """The progress callback runs in the parent (a worker's call would draw nothing) once
    per result, from 0 up to the total, and changes neither the results nor their order."""
    import os

    parent = os.getpid()
    for jobs in (1, 2):
        calls: list[tuple[int, int, int]] = []
        results = map_indexed(lambda i: (i, os.getpid()), 40, jobs,
                              lambda done, total: calls.append((done, total, os.getpid())))
        assert [i for i, _ in results] == list(range(40))
        assert calls == [(done, 40, parent) for done in range(41)]
        assert (jobs == 1) == all(pid == parent for _, pid in results)
    assert map_indexed(lambda i: i, 0, 2, lambda done, total: calls.append((done, total, 0))) == []
    assert calls[-1] == (40, 40, parent)  # nothing to count: no call


def _articles() -> dict[str, str]:
    articles = {}
    for n in range(12):
        lang = ("en", "ru", "az")[n % 3]
        articles[f"desk{n % 2}/story-{n}"] = (
            f"---\ntitle: Story {n}\nlang: {lang}\n---\n\n“Quote number {n},” said Leyla Huseynova.\n\n"
            f"- item {n}\n- shared item\n\nShared boilerplate paragraph about the port.\n")
    return articles


def test_jobs_do_not_change_any_byte(tmp_path: Path) -> None:
    serial = write_project(tmp_path / "serial", _articles())
    forked = tmp_path / "forked"
    shutil.copytree(serial, forked)
    reports = []
    for root, jobs in ((serial, 1), (forked, 2)):
        config = load_config(root)
        reports.append(sync(config, SyncOptions(jobs=jobs, engine=PseudoEngine(), **hooks(config))).to_json())
    assert reports[0] == reports[1]
    assert {k: v[0] for k, v in snapshot_tree(serial).items()} == {k: v[0] for k, v in snapshot_tree(forked).items()}


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    """A SIGKILLed sync must not leave workers holding the project lock."""
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"
    pids = tmp_path / "pids"
    script.write_text(
        "import os, time, sys\n"
        "from pipeline.parallel import map_indexed\n"
        f"def task(i):\n    open({str(pids)!r}, 'a').write(f'{{os.getpid()}}\\n')\n    time.sleep(30)\n    return i\n"
        "map_indexed(task, 8, 2)\n")
    parent = subprocess.Popen([sys.executable, str(script)])
    deadline = time.time() + 20
    while time.time() < deadline and (not pids.exists() or len(pids.read_text().split()) < 2):
        time.sleep(0.05)
    workers = [int(p) for p in pids.read_text().split()]
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.time() + 5
    alive = workers
    while alive and time.time() < deadline:
        alive = [pid for pid in workers if _alive(pid)]
        time.sleep(0.05)
    assert not alive


def test_ctrl_c_is_the_parents_alone(tmp_path: Path) -> None:
    """Regression: Ctrl-C (SIGINT to every process of the command) made each worker print a
    ``Process ForkPoolWorker-3:`` traceback under the parent's message; workers now leave
    it to the parent, which ends the pool as it leaves."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"
    pids = tmp_path / "pids"
    script.write_text(
        "import os, time, sys\n"
        "from pipeline.parallel import map_indexed\n"
        f"def task(i):\n    open({str(pids)!r}, 'a').write(f'{{os.getpid()}}\\n')\n    time.sleep(30)\n    return i\n"
        "try:\n    map_indexed(task, 8, 2)\nexcept KeyboardInterrupt:\n    sys.exit(130)\n")
    parent = subprocess.Popen([sys.executable, str(script)], stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 20
    while time.time() < deadline and (not pids.exists() or len(pids.read_text().split()) < 2):
        time.sleep(0.05)
    workers = [int(p) for p in pids.read_text().split()]
    os.killpg(parent.pid, signal.SIGINT)
    _, stderr = parent.communicate(timeout=20)
    assert parent.returncode == 130
    assert b"ForkPoolWorker" not in stderr and b"Traceback" not in stderr, stderr
    deadline = time.time() + 5
    alive = workers
    while alive and time.time() < deadline:
        alive = [pid for pid in workers if _alive(pid)]
        time.sleep(0.05)
    assert not alive


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split()[2] != "Z"


def test_a_worker_error_is_raised_not_swallowed() -> None:
    import pytest

    def task(i: int) -> int:
        if i == 13:
            next(iter(()))
        return i

    with pytest.raises(RuntimeError, match="task 13"):
        map_indexed(task, 40, jobs=2)
