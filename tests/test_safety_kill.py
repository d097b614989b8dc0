"""Nothing lost, nothing corrupted: SIGKILL real ``pipeline sync`` processes at random moments.

A small project (four articles in en/ru/az, three languages, human translations in some
catalogues, machine translations published) is toggled between two source states A and B
that differ by one paragraph per article, so every run rewrites templates, catalogues and
published articles. Each round makes the project dirty (sources of the other state), starts
``python -m pipeline sync --engine pseudo`` and kills it with SIGKILL after a random delay
spread over a measured run. After every kill:

* every catalogue and template parses with the strict ``parse_po``;
* every file under ``locale/`` and ``public/`` is byte for byte the complete old version or
  the complete new one (or absent, where it was absent in both);
* no human translation is missing from its catalogue;

and then a normal sync exits 0, reproduces exactly the state an uninterrupted run produces,
and leaves no temporary file behind.

Bounded: at most ``KILLS`` rounds and ``TIME_CAP`` seconds. Run with ``-s`` to see the counts.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.catalogue import parse_po, render_po
from pipeline.cli import cli

from .conftest import write_project

#: Kill rounds wanted, the seed of the random delays and the wall-clock cap of the loop.
KILLS = 50
SEED = 20260314
TIME_CAP = 40.0
#: The least number of kills accepted when the time cap ends the loop on a slow machine.
MIN_KILLS = 20

CONFIG = """languages = ["en", "ru", "az"]
source_language = "en"

[publish]
allow_machine = true
"""

ARTICLES = {
    "world/ferry-strike": """---
title: Ferry crews walk out over night shifts
description: Crossings to the islands are cancelled until Thursday
image:
  caption: An empty ferry terminal at dawn
---

Ferry crews stopped work on Monday after talks on night-shift pay broke down.

{variant}

## What travellers can do

- Use the coastal bus, which runs every forty minutes.
- Ask the ticket office for a refund within fourteen days.
- Check the port website before setting off.

> "We did not want to strand anyone," a union spokeswoman said.

| Route | Usual crossings | Running today |
|-------|----------------:|--------------:|
| Island line | 12 | 0 |
| Bay shuttle | 30 | 6 |
""",
    "economy/spice-prices": """---
title: Spice prices climb before the holiday
---

Saffron and sumac cost a third more than a month ago, traders at the covered market said.

{variant}

Importers blame a poor harvest and higher freight charges.

1. Saffron: up 35 percent.
2. Sumac: up 28 percent.
3. Cinnamon: unchanged.
""",
    "city/metro-line": """---
title: Новая линия метро откроется осенью
lang: ru
---

Строители завершили проходку тоннеля между двумя последними станциями.

{variant}

- Длина линии составит девять километров.
- Поезда будут ходить каждые четыре минуты.

> «Мы успеваем к сроку», — заявил главный инженер проекта.
""",
    "culture/carpet-festival": """---
title: Xalça festivalı şəhərə qayıdır
lang: az
---

Festival üç gün davam edəcək və qırxdan çox usta iştirak edəcək.

{variant}

Ziyarətçilər toxuculuq dərslərinə də qatıla biləcəklər.
""",
}

#: The paragraph that differs between the two source states, per article and state.
VARIANTS = {
    "world/ferry-strike": ("Talks resume on Wednesday under a mediator appointed by the ministry.",
                           "Island shops report empty shelves as deliveries stop."),
    "economy/spice-prices": ("Shoppers are switching to dried herbs grown locally.",
                             "The market association will publish weekly price lists from May."),
    "city/metro-line": ("Жители района давно ждут открытия новых станций.",
                        "Стоимость проезда останется прежней, обещают в мэрии."),
    "culture/carpet-festival": ("Bu il ilk dəfə uşaqlar üçün ayrıca sərgi olacaq.",
                                "Biletlər festivalın saytında satışa çıxarılıb."),
}

#: Human translations put into catalogues: (slug, lang, msgid) -> reviewed msgstr.
HUMAN = {
    ("world/ferry-strike", "ru", "Ferry crews walk out over night shifts"):
        "Экипажи паромов бастуют из-за ночных смен",
    ("world/ferry-strike", "az", "Use the coastal bus, which runs every forty minutes."):
        "Hər qırx dəqiqədən bir işləyən sahil avtobusundan istifadə edin.",
    ("economy/spice-prices", "ru", "Importers blame a poor harvest and higher freight charges."):
        "Импортёры винят плохой урожай и подорожавшие перевозки.",
    ("city/metro-line", "en", "Новая линия метро откроется осенью"):
        "New metro line to open in autumn",
    ("culture/carpet-festival", "ru", "Ziyarətçilər toxuculuq dərslərinə də qatıla biləcəklər."):
        "Посетители смогут также посетить уроки ткачества.",
}


def _source(slug: str, state: int) -> str:
    return ARTICLES[slug].replace("{variant}", VARIANTS[slug][state])


def _set_state(root: Path, state: int) -> None:
    write_project(root, {slug: _source(slug, state) for slug in ARTICLES})


def _lang_of(slug: str) -> str:
    return {"city/metro-line": "ru", "culture/carpet-festival": "az"}.get(slug, "en")


def _snapshot(root: Path) -> dict[str, bytes]:
    """Every file the pipeline writes (templates, catalogues, published articles)."""
    files = {}
    for folder in ("locale", "public"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and not _is_temp(path):
                files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def _is_temp(path: Path) -> bool:
    """A write in progress (``.<name>.<random>.tmp``): a kill may leave one behind."""
    return path.name.startswith(".") and path.name.endswith(".tmp")


def _temp_files(root: Path, *, state_folder: bool = True) -> list[str]:
    """Temp files anywhere in the project (``state_folder=False``: outside ``.pipeline/``)."""
    found = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and _is_temp(p))
    return found if state_folder else [rel for rel in found if not rel.startswith(".pipeline/")]


def _sync_in_process(root: Path) -> None:
    result = CliRunner().invoke(cli, ["--project", str(root), "sync", "--engine", "pseudo"])
    assert result.exit_code == 0, result.output


def _sync_command(root: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "--project", str(root), "sync", "--engine", "pseudo"]


def _env() -> dict[str, str]:
    env = dict(os.environ, CI="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _add_human_translations(root: Path) -> None:
    for (slug, lang, msgid), text in HUMAN.items():
        path = root / "locale" / lang / "LC_MESSAGES" / f"{slug}.po"
        catalogue = parse_po(path.read_bytes(), str(path))
        (message,) = [m for m in catalogue.messages if m.msgid == msgid and not m.obsolete]
        message.msgstr = text
        message.fuzzy = False
        message.comments = [c for c in message.comments if not c.startswith("mt")]
        path.write_bytes(render_po(catalogue))


def _assert_humans_present(root: Path) -> None:
    for (slug, lang, msgid), text in HUMAN.items():
        path = root / "locale" / lang / "LC_MESSAGES" / f"{slug}.po"
        catalogue = parse_po(path.read_bytes(), str(path))
        assert any(text in m.translations for m in catalogue.messages), (path, text)


def _check_after_kill(root: Path, old: dict[str, bytes], new: dict[str, bytes]) -> bool:
    """Each file is complete-old or complete-new; returns True when the kill left a mix."""
    now = _snapshot(root)
    for rel, data in now.items():
        if rel.endswith((".po", ".pot")):
            parse_po(data, rel)  # strict: raises on a torn file
        allowed = {v for v in (old.get(rel), new.get(rel)) if v is not None}
        assert data in allowed, f"{rel} is neither the old nor the new version"
    for rel in old:
        assert rel in now, f"{rel} vanished"
    _assert_humans_present(root)
    changed = {rel for rel in set(old) | set(new) if old.get(rel) != new.get(rel)}
    got_new = {rel for rel in changed if now.get(rel) == new.get(rel)}
    return 0 < len(got_new) < len(changed)


def _kill_later(process: subprocess.Popen[bytes], targets: list[Path], after_first_write: bool,
                delay: float) -> None:
    """SIGKILL ``process`` ``delay`` seconds after it starts, or after its first write."""
    started = time.monotonic()
    if after_first_write:
        before = {path: _mtime(path) for path in targets}
        while process.poll() is None and all(_mtime(path) == before[path] for path in targets):
            if time.monotonic() - started > 30:
                break
            time.sleep(0.001)
        started = time.monotonic()
    while process.poll() is None and time.monotonic() - started < delay:
        time.sleep(min(0.002, max(0.0, delay - (time.monotonic() - started))))
    if process.poll() is None:
        workers = _children(process.pid)
        process.send_signal(signal.SIGKILL)
        # The run's worker processes die with it (PR_SET_PDEATHSIG), a moment later: wait for
        # them, so the checks see the files as the whole killed run left them.
        deadline = time.monotonic() + 10
        while workers and time.monotonic() < deadline:
            workers = [pid for pid in workers if Path(f"/proc/{pid}").exists() and not _zombie(pid)]
            time.sleep(0.002)


def _children(pid: int) -> list[int]:
    """PIDs of a process's children (Linux /proc; empty elsewhere)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == str(pid):
            found.append(int(stat.parent.name))
    return found


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return None


@pytest.mark.slow
def test_sigkill_at_random_moments_never_tears_a_file_or_loses_a_translation(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    write_project(root, {}, CONFIG)
    _set_state(root, 0)
    _sync_in_process(root)
    _add_human_translations(root)
    _sync_in_process(root)
    # Warm up until both states are stable: A → B → A → B gives the two clean snapshots.
    clean: dict[int, dict[str, bytes]] = {}
    for state in (1, 0, 1, 0):
        _set_state(root, state)
        _sync_in_process(root)
        clean[state] = _snapshot(root)
    _set_state(root, 1)
    _sync_in_process(root)
    assert _snapshot(root) == clean[1], "sync is not deterministic across the two states"

    # Measure two whole runs that rewrite everything: how long they take, and when their
    # writes happen (from the written files' modification times).
    durations, first_writes, last_writes = [], [], []
    state = 1
    for _ in range(2):
        state = 1 - state
        _set_state(root, state)
        began_wall, began = time.time(), time.monotonic()
        done = subprocess.run(_sync_command(root), env=_env(), capture_output=True, timeout=60)
        durations.append(time.monotonic() - began)
        assert done.returncode == 0, done.stderr.decode()
        assert _snapshot(root) == clean[state]
        changed = [rel for rel in clean[state] if clean[state][rel] != clean[1 - state].get(rel)]
        stamps = [(root / rel).stat().st_mtime - began_wall for rel in changed]
        first_writes.append(min(stamps))
        last_writes.append(max(stamps))
    duration = max(durations)
    window = (min(first_writes), max(last_writes))
    span = max(last - first for first, last in zip(first_writes, last_writes)) + 0.01

    # Two copies of the project take turns, so that checking and recovering one after its
    # kill overlaps with the next killed run on the other (2 cores: the loop stays short).
    shutil.copytree(root, tmp_path / "twin", symlinks=True)
    projects = [[root, state], [tmp_path / "twin", state]]
    rng = random.Random(SEED)
    counts = dict(kills=0, mixed=0, finished=0, rounds=0, leftovers=0)
    pending: tuple[Path, dict[str, bytes], dict[str, bytes], subprocess.Popen[bytes]] | None = None

    def check_and_recover(project: Path, old: dict[str, bytes], new: dict[str, bytes],
                          process: subprocess.Popen[bytes]) -> None:
        _, err = process.communicate(timeout=60)
        if process.returncode == -signal.SIGKILL:
            counts["kills"] += 1
        else:
            assert process.returncode == 0, err.decode()
            counts["finished"] += 1
        counts["mixed"] += _check_after_kill(project, old, new)
        counts["leftovers"] += bool(_temp_files(project))
        _sync_in_process(project)
        assert _snapshot(project) == new, "the run after a kill did not reach the uninterrupted result"
        assert _temp_files(project) == [], "the run after a kill left temporary files"

    loop_start = time.monotonic()
    while counts["kills"] + (pending is not None) < KILLS and time.monotonic() - loop_start < TIME_CAP:
        project = projects[counts["rounds"] % 2]
        counts["rounds"] += 1
        path, current = project
        old, new = clean[current], clean[1 - current]
        _set_state(path, 1 - current)
        project[1] = 1 - current
        # Most kills aim at the write phase: a random moment after the run's first write
        # (seen from the files' mtimes, whatever the machine's load); the rest are spread
        # over the whole run.
        aim_at_writes = rng.random() < 0.8
        delay = rng.uniform(0.0, span) if aim_at_writes else rng.uniform(0.0, duration)
        targets = [path / rel for rel in new if new[rel] != old.get(rel)]
        process = subprocess.Popen(_sync_command(path), env=_env(), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
        killer = threading.Thread(target=_kill_later, args=(process, targets, aim_at_writes, delay))
        killer.start()
        if pending is not None:
            check_and_recover(*pending)
        killer.join()
        pending = (path, old, new, process)
    if pending is not None:
        check_and_recover(*pending)
    kills, mixed, finished, rounds, leftovers = (
        counts[k] for k in ("kills", "mixed", "finished", "rounds", "leftovers"))
    root, state = projects[0]

    # The last recovery, as a real process too.
    _set_state(root, 1 - state)
    done = subprocess.run(_sync_command(root), env=_env(), capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert _snapshot(root) == clean[1 - state]
    assert _temp_files(root) == []
    _assert_humans_present(root)
    print(f"\nkill test: {kills} SIGKILLs survived ({mixed} left a mix of old and new files, "
          f"{finished} runs finished before the signal, {leftovers} kills left temporary files that "
          f"the next run removed) in {rounds} rounds, "
          f"{time.monotonic() - loop_start:.1f} s; a run takes {duration:.2f} s and writes "
          f"from {window[0]:.2f} s to {window[1]:.2f} s")
    # On a slow machine the time cap may end the loop early; it must still have killed often.
    assert kills >= KILLS or kills >= MIN_KILLS, f"only {kills} kills in {TIME_CAP:.0f} s"


def test_a_temp_file_left_in_the_output_folder_is_removed(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    write_project(root, {}, CONFIG)
    _set_state(root, 0)
    _sync_in_process(root)
    leftovers = [root / "public/ru/world/.ferry-strike.md.0badf00d.tmp",
                 root / "locale/ru/LC_MESSAGES/world/.ferry-strike.po.0badf00d.tmp"]
    for path in leftovers:
        path.write_bytes(b"half a file")
    _sync_in_process(root)
    assert _temp_files(root) == []


def test_a_temp_file_left_in_the_state_folder_is_removed(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    write_project(root, {}, CONFIG)
    _set_state(root, 0)
    _sync_in_process(root)
    leftover = root / ".pipeline" / ".state.json.0badf00d.tmp"
    leftover.write_bytes(b'{"half": ')
    _set_state(root, 1)
    _sync_in_process(root)
    assert _temp_files(root) == []
