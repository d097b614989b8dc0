"""Run per-article work in worker processes, without changing a byte of the output.

Workers are forked, so they inherit the run's state (configuration, hooks, catalogues
read so far) instead of receiving it pickled; only each task's index goes out and only
its result comes back. Results come back in input order, so reports and written files
are the same as in a serial run. Where ``fork`` is not available (Windows, macOS'
default), or the work is too small to pay for the processes, the work runs serially.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

#: Below this many tasks per worker, starting processes costs more than it saves.
MIN_TASKS_PER_WORKER = 4
#: Chunks each worker takes on average. At the end of the run a worker may wait for the
#: other's last chunk, so smaller chunks leave a core idle for less time: at 8 (chunks of
#: 125 of 2,000 articles) a sync took 87 / 104 s, at 32 68 / 79 s on a busy host (same CPU
#: time; bench/RESULTS.md). A chunk's only cost is one message back with its results.
CHUNKS_PER_WORKER = 32

_TASK: Callable[[int], object] | None = None


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def die_with_parent() -> None:
    """A worker must not outlive a killed ``pipeline`` (it would keep the project lock's
    file descriptor open and block the next run): ask Linux to kill it with its parent.

    Ctrl-C is the parent's to handle: a terminal sends SIGINT to every process of the
    command, and each worker printed a ``Process ForkPoolWorker-3:`` traceback of its own
    under the parent's message; the parent ends the pool as it leaves."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:
        os._exit(1)


def _run(index: int) -> object:
    assert _TASK is not None
    try:
        return _TASK(index)
    except StopIteration as exc:  # pool.map would swallow it and return None for this task
        raise RuntimeError(f"task {index} raised StopIteration") from exc


def map_indexed(task: Callable[[int], T], count: int, jobs: int,
                progress: Callable[[int, int], None] | None = None) -> list[T]:
    """``[task(0), …, task(count - 1)]``, spread over ``jobs`` forked processes.

    ``progress(done, count)`` is called in this process as results come back (in order, so
    a slow early task holds the count back until it is done), never in the workers."""
    jobs = min(jobs, count // MIN_TASKS_PER_WORKER)
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return _counted((task(i) for i in range(count)), count, progress)
    global _TASK
    _TASK = task
    try:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=die_with_parent) as pool:
            chunk = max(1, count // (jobs * CHUNKS_PER_WORKER))
            if progress is None:
                return pool.map(_run, range(count), chunksize=chunk)  # type: ignore[return-value]
            return _counted(pool.imap(_run, range(count), chunksize=chunk), count, progress)  # type: ignore[arg-type]
    finally:
        _TASK = None


def _counted(results: Iterable[T], count: int, progress: Callable[[int, int], None] | None) -> list[T]:
    """The results as a list, reporting each one's arrival to ``progress``."""
    if progress is None or not count:
        return list(results)
    progress(0, count)
    done: list[T] = []
    for result in results:
        done.append(result)
        progress(len(done), count)
    return done
