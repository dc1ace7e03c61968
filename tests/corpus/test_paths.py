"""Broken paths and environments: too big, a directory, unreadable, unwritable, changing files."""

from __future__ import annotations

import json
import os

import pytest

from tests.corpus.harness import FILES, permissions_apply, run, run_process

MINIMAL = (FILES / "minimal.yaml").read_text(encoding="utf-8")
needs_permissions = pytest.mark.skipif(not permissions_apply(), reason="file permissions cannot be enforced here")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:  # 50 MB of a plausible file: comments are cheap to write
        line = b"# " + b"x" * 1021 + b"\n"
        fh.write(line * (50 * 1024))
    res = run("render", str(big))
    assert res.code == 2
    assert res.lines == [f"{big}: file is 50.0 MiB, larger than the 20 MiB limit (split the org into smaller files)"]


NOT_REGULAR = ": input is not a regular file and gave more than the 20 MiB limit (reading stopped there) (pass an org file; a device such as /dev/zero, or a pipe that never ends, is not one)"
needs_devices = pytest.mark.skipif(not os.path.exists("/dev/zero") or not hasattr(os, "mkfifo"), reason="needs /dev/zero and FIFOs (POSIX)")


@needs_devices
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", ["render", "report", "export"])
def test_an_endless_device_is_refused_after_the_limit(command, device):
    """The cap counts the bytes actually read: a device reports size 0 and never ends."""
    res = run(command, device)
    assert (res.code, res.lines) == (2, [device + NOT_REGULAR])


@needs_devices
def test_lint_reports_an_endless_device_as_a_finding(tmp_path):
    fifo = tmp_path / "org.yaml"
    os.mkfifo(fifo)
    writer = _endless_writer(fifo)
    for path in ("/dev/zero", str(fifo)):
        res = run("lint", "--format", "json", path)
        assert res.code == 1, res.stderr
        [finding] = json.loads(res.stdout)
        assert (finding["code"], finding["file"], finding["message"]) == ("S001", path, NOT_REGULAR.split(" (pass")[0][2:])
    writer.join(timeout=10)
    assert not writer.is_alive()


@needs_devices
def test_compare_with_an_endless_device(tmp_path):
    res = run("render", str(FILES / "minimal.yaml"), "--compare", "/dev/zero", "-o", str(tmp_path / "x.svg"))
    assert (res.code, res.lines) == (2, ["/dev/zero" + NOT_REGULAR])
    res = run("diff", "/dev/zero", str(FILES / "minimal.yaml"))
    assert (res.code, res.lines) == (2, ["/dev/zero" + NOT_REGULAR])


def _endless_writer(path):
    import threading

    def write():
        try:
            with open(path, "wb") as fh:
                while True:
                    fh.write(b"# endless\n" * 4096)
        except (BrokenPipeError, OSError):
            pass  # the reader stopped: what we wanted

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@needs_devices
def test_an_endless_fifo_is_refused_after_the_limit(tmp_path):
    fifo = tmp_path / "org.yaml"
    os.mkfifo(fifo)
    writer = _endless_writer(fifo)
    res = run("render", str(fifo))
    writer.join(timeout=10)
    assert (res.code, res.lines) == (2, [str(fifo) + NOT_REGULAR])
    assert not writer.is_alive()


@needs_devices
def test_a_fifo_with_an_org_in_it_is_read(tmp_path):
    """Process substitution (<(…)) and named pipes are legitimate inputs when they end."""
    import threading

    fifo = tmp_path / "org.yaml"
    os.mkfifo(fifo)
    thread = threading.Thread(target=lambda: fifo.write_text(MINIMAL, encoding="utf-8"), daemon=True)
    thread.start()
    res = run("render", str(fifo))
    thread.join(timeout=10)
    assert (res.code, res.stdout.splitlines()) == (0, ["X  (functional structure)", "└── CEO", "    └── H  Director"])


def test_a_large_file_without_aliases_is_not_an_alias_bomb(tmp_path):
    """The alias limit counts alias expansion, not nodes: 1,200,000 YAML nodes written out load."""
    big = tmp_path / "big.yaml"
    duties = ", ".join(f"d{i}" for i in range(1_200_000))
    big.write_text(f"company: {{name: X}}\nroles:\n  - {{id: h, title: H, level: director, duties: [{duties}]}}\n", encoding="utf-8")
    from csdesign.model import collect_problems

    org, problems = collect_problems(big)
    assert problems == []
    assert len(org.model.roles[0].duties) == 1_200_000


def test_a_directory_is_not_an_org_file(tmp_path):
    res = run("render", str(tmp_path))
    assert res.code == 2
    assert res.lines == [f"{tmp_path}: is a directory, not a YAML file (pass the org file inside it)"]


def test_missing_file(tmp_path):
    res = run("render", str(tmp_path / "nope.yaml"))
    assert res.code == 2
    assert res.lines == [f"{tmp_path / 'nope.yaml'}: file not found (check the path)"]


@needs_permissions
def test_unreadable_file(tmp_path):
    os.chmod(tmp_path, 0o755)
    org = tmp_path / "org.yaml"
    org.write_text(MINIMAL, encoding="utf-8")
    org.chmod(0o000)
    res = run_process("render", str(org), unprivileged=True)
    assert (res.code, res.stderr) == (2, f"{org}: permission denied (check the file's read permissions)\n")


@needs_permissions
def test_file_in_a_directory_that_cannot_be_entered(tmp_path):
    os.chmod(tmp_path, 0o755)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "org.yaml").write_text(MINIMAL, encoding="utf-8")
    locked.chmod(0o000)
    try:
        res = run_process("render", str(locked / "org.yaml"), unprivileged=True)
        out = run_process("render", str(FILES / "minimal.yaml"), "-o", str(locked / "x.dot"), unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert (res.code, res.stderr) == (2, f"{locked / 'org.yaml'}: permission denied (check the permissions of the file and the directories above it)\n")
    assert (out.code, out.stderr) == (2, f"{locked / 'x.dot'}: cannot write into {locked} (permission denied) (choose a writable directory)\n")


def test_output_into_a_missing_directory(tmp_path):
    target = tmp_path / "no" / "such" / "chart.svg"
    res = run("render", str(FILES / "minimal.yaml"), "-o", str(target))
    assert res.code == 2
    assert res.lines == [f"{target}: directory {target.parent} does not exist (create it first or choose another -o path)"]


@needs_permissions
def test_output_into_a_read_only_directory_keeps_the_old_file(tmp_path):
    os.chmod(tmp_path, 0o755)
    ro = tmp_path / "ro"
    ro.mkdir()
    (ro / "chart.dot").write_text("previous chart\n", encoding="utf-8")
    ro.chmod(0o555)
    try:
        res = run_process("render", str(FILES / "minimal.yaml"), "-o", str(ro / "chart.dot"), unprivileged=True)
    finally:
        ro.chmod(0o755)
    assert (res.code, res.stderr) == (2, f"{ro / 'chart.dot'}: cannot write into {ro} (permission denied) (choose a writable directory)\n")
    assert (ro / "chart.dot").read_text(encoding="utf-8") == "previous chart\n"
    assert sorted(p.name for p in ro.iterdir()) == ["chart.dot"]


def test_output_path_that_is_a_directory(tmp_path):
    (tmp_path / "chart.svg").mkdir()
    res = run("render", str(FILES / "minimal.yaml"), "-o", str(tmp_path / "chart.svg"))
    assert res.code == 2
    assert res.lines == [f"{tmp_path / 'chart.svg'}: is a directory (give a file name, not a directory)"]


def test_file_that_changes_between_runs(tmp_path):
    """Each run reads the file afresh (no stale cache) and the same input gives the same bytes."""
    org = tmp_path / "org.yaml"
    out = tmp_path / "chart.dot"
    org.write_text(MINIMAL, encoding="utf-8")
    assert run("render", str(org), "-o", str(out)).code == 0
    first = out.read_bytes()
    assert run("render", str(org), "-o", str(out)).code == 0
    assert out.read_bytes() == first
    org.write_text(MINIMAL.replace("title: H", "title: 客户成功部总监"), encoding="utf-8")
    assert run("render", str(org), "-o", str(out)).code == 0
    changed = out.read_text(encoding="utf-8")
    assert ">客户成功部总监</FONT>" in changed  # zh chrome; the title already names the level
    assert ">H<BR/>Director<" not in changed
    org.write_text("company: {name: X}\nroles:\n  - {id: h, title: H, reports_to: h}\n", encoding="utf-8")
    res = run("render", str(org), "-o", str(out))
    assert res.code == 2
    assert res.lines == [f"{org}:3:35: role 'h' reports to itself (point reports_to at its manager, or remove it)"]
    assert out.read_text(encoding="utf-8") == changed
