"""A big catalogue is rendered in two halves, the second by a forked copy; same bytes."""

from __future__ import annotations

import os

import pytest

from pipeline import catalogue as po
from pipeline.model import Catalogue, Message
from tests.conftest import force_fork


def big(newline: str = "\n", bom: bool = False) -> Catalogue:
    messages = [Message(msgid=f"Paragraph {i}: " + "the bridge closes on Monday " * (i % 5 + 1),
                        msgstr=f"⟨ru⟩ Мост закрыт {i} " * (i % 3), references=[f"a{i}.md:{i}"],
                        flags=["fuzzy"] if i % 11 == 0 else [], obsolete=i % 13 == 0)
                for i in range(po._FORK_RENDER_FROM + 101)]
    return Catalogue(header=[("Language", "ru"), ("Content-Type", "text/plain; charset=UTF-8")],
                     header_comments=["Russian"], messages=messages, newline=newline, bom=bom)


def serial(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> bytes:
    with monkeypatch.context() as patch:
        patch.setattr(po, "may_fork", lambda: False)
        return po.render_po(catalogue)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this OS")
@pytest.mark.parametrize("newline,bom", [("\n", False), ("\r\n", True)])
def test_forked_rendering_gives_the_serial_bytes(monkeypatch: pytest.MonkeyPatch, newline: str, bom: bool) -> None:
    catalogue = big(newline, bom)
    forks = force_fork(monkeypatch, po, "may_fork", "in_fork")
    forked = po.render_po(catalogue)
    assert forks == [1]
    assert forked == serial(catalogue, monkeypatch)
    parsed = po.parse_po(forked)
    assert [(m.msgid, m.msgstr, m.obsolete) for m in parsed.messages] == [
        (m.msgid, m.msgstr, m.obsolete) for m in sorted(catalogue.messages, key=lambda m: m.obsolete)]


def test_a_failed_copy_is_rendered_here(monkeypatch: pytest.MonkeyPatch) -> None:
    catalogue = big()
    monkeypatch.setattr(po, "may_fork", lambda: True)
    monkeypatch.setattr(po, "in_fork", lambda task: lambda: None)
    assert po.render_po(catalogue) == serial(catalogue, monkeypatch)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this OS")
def test_a_crashing_copy_reports_no_result() -> None:
    def crash() -> bytes:
        raise RuntimeError("boom")

    assert po.in_fork(crash)() is None
    assert po.in_fork(lambda: b"x" * 3_000_000)() == b"x" * 3_000_000


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this OS")
def test_a_copy_dies_with_a_killed_parent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The copy holds the project lock's descriptor too: it must not outlive a killed sync."""
    import signal
    import subprocess
    import sys
    import time

    from tests.test_parallel import _alive

    pid_file = tmp_path / "copy.pid"
    script = tmp_path / "parent.py"
    script.write_text(
        "import os, time\n"
        "from pipeline.catalogue import in_fork\n"
        f"def task():\n    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(30)\n    return b''\n"
        "result = in_fork(task)\n"
        "time.sleep(30)\n")
    parent = subprocess.Popen([sys.executable, str(script)])
    deadline = time.time() + 20
    while time.time() < deadline and not (pid_file.exists() and pid_file.read_text()):
        time.sleep(0.05)
    copy = int(pid_file.read_text())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.time() + 5
    while _alive(copy) and time.time() < deadline:
        time.sleep(0.05)
    assert not _alive(copy)
