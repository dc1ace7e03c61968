"""Writes are atomic: a failed or interrupted render leaves the previous output file intact."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time

import pytest

from csdesign.errors import OutputError
from csdesign import fileio as output
from csdesign.render.chart.engines import system_available
from tests.corpus.harness import FILES, ROOT, run

PREVIOUS = b"<svg>previous chart</svg>\n"


def _generate():
    from tests.helpers import bench_generator

    return bench_generator()


@pytest.fixture
def previous(tmp_path):
    target = tmp_path / "chart.svg"
    target.write_bytes(PREVIOUS)
    return target


def _only(target):
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temporary file left


def test_failed_render_keeps_the_previous_file(previous, monkeypatch):
    monkeypatch.setenv("PATH", "")  # no system Graphviz to be found
    res = run("render", str(FILES / "minimal.yaml"), "-o", str(previous), "--engine", "system")
    assert res.code == 2
    assert res.lines == ["system Graphviz `dot` not found (pip install 'pygraphviz>=2.0' (its wheels bundle Graphviz), or install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; Windows: winget install graphviz), or use --engine embedded)"]
    _only(previous)


def test_invalid_input_keeps_the_previous_file(previous):
    res = run("render", str(FILES / "cycle_2.yaml"), "-o", str(previous))
    assert res.code == 2
    _only(previous)


def test_disk_full_during_write_keeps_the_previous_file(previous, monkeypatch):
    def full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output.os, "replace", full)
    with pytest.raises(OutputError) as info:
        output.write_atomic(previous, b"<svg>new</svg>")
    assert info.value.render() == f"{previous}: cannot write: No space left on device"
    _only(previous)


def test_ctrl_c_during_write_removes_the_temporary_file(previous, monkeypatch):
    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "chmod", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(previous, b"<svg>new</svg>")
    _only(previous)


@pytest.mark.skipif(not system_available(), reason="needs the system Graphviz (a render slow enough to interrupt)")
def test_interrupted_render_exits_130_and_keeps_the_previous_file(previous, tmp_path):
    # A stand-in `dot` on PATH that says it started and then hangs: Ctrl-C lands mid-render.
    work = tmp_path.parent / f"{tmp_path.name}-work"  # beside, so `previous` stays alone
    bindir = work / "bin"
    bindir.mkdir(parents=True)
    started = work / "started"
    fake = bindir / "dot"
    fake.write_text(f"#!/bin/sh\ntouch {started}\nexec sleep 60\n", encoding="utf-8")
    fake.chmod(0o755)
    org = work / "org.yaml"
    org.write_text(_generate().people_org(200), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PATH=f"{bindir}:{os.environ['PATH']}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "csdesign", "render", str(org), "-o", str(previous), "--engine", "system"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    deadline = time.monotonic() + 60
    while not started.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the fake Graphviz never started"
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130  # Typer turns Ctrl-C into a quiet exit 130
    assert "Traceback" not in err
    _only(previous)


def test_successful_render_replaces_the_file(previous):
    res = run("render", str(FILES / "minimal.yaml"), "-o", str(previous))
    assert res.code == 0, res.stderr
    assert previous.read_bytes().startswith(b"<?xml")
    assert sorted(p.name for p in previous.parent.iterdir()) == ["chart.svg"]


def test_concurrent_writers_always_leave_one_complete_file(tmp_path):
    """Ten renders of two different orgs into one file at once: the file is always exactly one
    of the two complete charts, never a mix or a truncated one, and no temporary file stays."""
    work = tmp_path / "in"
    work.mkdir()
    minimal = (FILES / "minimal.yaml").read_text(encoding="utf-8")
    orgs = [work / "a.yaml", work / "b.yaml"]
    orgs[0].write_text(minimal, encoding="utf-8")
    orgs[1].write_text(minimal.replace("title: H", "title: 客户成功部总监"), encoding="utf-8")
    expected = set()
    for org in orgs:
        res = run("render", str(org), "-f", "dot", "-o", str(work / f"{org.stem}.dot"))
        assert res.code == 0, res.stderr
        expected.add((work / f"{org.stem}.dot").read_bytes())
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "chart.dot"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    procs = [
        subprocess.Popen([sys.executable, "-m", "csdesign", "render", str(orgs[i % 2]), "-f", "dot", "-o", str(target)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for i in range(10)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert target.read_bytes() in expected
    assert sorted(p.name for p in out_dir.iterdir()) == ["chart.dot"]


def test_text_made_in_pieces_is_written_as_it_is_made(previous, tmp_path, monkeypatch):
    """A large JSON report is written block by block (fileio.TextChunks): the whole text and
    its bytes are never held at once, and a failure midway keeps the previous file."""
    monkeypatch.setattr(output.TextChunks, "BLOCK", 10)

    def pieces():
        for k in range(6):
            yield f"piece {k}\n"

    writes: list[int] = []
    real_write = output.os.write

    def counted(fd, data):
        writes.append(len(data))
        return real_write(fd, data)

    (tmp_path / "other").mkdir()
    target = tmp_path / "other" / "out.txt"
    output.write_atomic(target, output.TextChunks(pieces))
    assert target.read_text(encoding="utf-8") == "".join(f"piece {k}\n" for k in range(6))
    assert str(output.TextChunks(pieces)) == target.read_text(encoding="utf-8")
    monkeypatch.setattr(output.os, "write", counted)
    output.write_atomic("/dev/null", output.TextChunks(pieces))  # a device: written straight into
    assert writes == [16, 16, 16]  # three blocks of two pieces, not one 48-byte write

    def broken():
        yield "half of a report"
        raise ValueError("the encoder failed")

    with pytest.raises(ValueError):
        output.write_atomic(previous, output.TextChunks(broken))
    assert previous.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.svg", "other"]  # no temporary file left


def test_json_report_file_and_stdout_are_the_same_bytes(tmp_path):
    from csdesign.render.report.formats import REPORT_FORMATS

    assert REPORT_FORMATS.get("json").writer.endswith(":report_json_chunks")
    out = tmp_path / "r.json"
    assert run("report", str(ROOT / "examples" / "enterprise.yaml"), "-f", "json", "-o", str(out)).code in (0, 1)
    shown = subprocess.run([sys.executable, "-m", "csdesign", "report", str(ROOT / "examples" / "enterprise.yaml"), "-f", "json"], capture_output=True)
    assert shown.stdout == out.read_bytes() and out.read_bytes().endswith(b"}\n")
